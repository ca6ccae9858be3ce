"""kg: a knowledge graph of companies, products and market events, built from news.

The library is the product; `kg.cli` is a thin layer over it. Data moves forward only:

    paths -> kg.loaders (Article) -> kg.extract (Extraction) -> kg.mapping (RDF quads) -> kg.store
"""

__version__ = "0.1.0"
