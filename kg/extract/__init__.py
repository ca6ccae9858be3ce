"""Extractors read Articles and return Extractions. They are found by name in a registry, so an
alternative (a bigger model, an LLM-backed one) plugs in through the `kg.extractors` entry points."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from importlib.metadata import entry_points
from typing import Protocol

from kg.errors import KGError
from kg.model import Article, Extraction


class ExtractionError(KGError):
    """Extraction failed for one document; the others go on."""

    def __init__(self, article: Article, reason: str):
        self.path = article.source_path
        self.reason = reason
        super().__init__(f"{article.source_path}: extraction failed ({reason})")


class Extractor(Protocol):
    name: str

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction | ExtractionError]:
        """One result per article, in order."""
        ...


DEFAULT_EXTRACTOR = "spacy"


@functools.cache
def get_extractor(name: str = DEFAULT_EXTRACTOR) -> Extractor:
    if name == "spacy":
        from .pipeline import SpacyExtractor
        return SpacyExtractor()
    for ep in entry_points(group="kg.extractors"):
        if ep.name == name:
            return ep.load()()
    raise KGError(f"unknown extractor {name!r}")
