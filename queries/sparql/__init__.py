"""SPARQL query pack (*.rq), shipped as package data."""
