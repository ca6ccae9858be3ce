"""Cypher query pack (*.cypher) and the Neo4j Browser style, shipped as package data."""
