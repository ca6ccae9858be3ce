"""The ontology (kg.ttl) and SHACL shapes (shapes.ttl), shipped as package data of `kg.ontology`."""

from importlib.resources import files

ONTOLOGY_FILE = "kg.ttl"
SHAPES_FILE = "shapes.ttl"


def read(name: str) -> str:
    """Text of one of the ontology files, wherever kg is installed."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")
