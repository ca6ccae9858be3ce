"""IRI minting. Deterministic: the same resolved name and type give the same IRI in every run,
so reloading a document, or loading it on another machine, mints the same nodes."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from .terms import ID

_KIND = {"Company": "company", "Product": "product", "Market": "market",
         "Executive": "person", "Person": "person"}


def slug(name: str) -> str:
    """ASCII, lower case, hyphens: 'Société Générale' -> 'societe-generale'. Never empty."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if not text:  # a name in a non-Latin script: fall back to a hash of it
        text = "x" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]
    return text[:80]


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def entity_iri(entity_type: str, key: str) -> URIRef:
    """Executives and other people share one IRI space: a person is one node whatever their role."""
    return ID[f"{_KIND[entity_type]}/{slug(key)}"]


def document_iri(doc_id: str) -> URIRef:
    return ID[f"document/{slug(doc_id)}-{_digest(doc_id)[:8]}"]


def item_iri(kind: str, doc_id: str, *parts: object) -> URIRef:
    """Assertions, claims, events and evidence: identified by their document and content."""
    return ID[f"{kind}/{_digest(doc_id, *parts)}"]
