"""Plain data passed between the stages. No RDF here: mapping to the ontology happens in kg.mapping."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

ENTITY_TYPES = ("Company", "Product", "Market", "Executive", "Person")

FACT_PREDICATES = (
    "produces", "competesWith", "partnersWith", "subsidiaryOf", "executiveOf",
    "worksFor", "operatesIn", "absentFrom", "targetsMarket", "availableIn",
)
SYMMETRIC_PREDICATES = frozenset({"competesWith", "partnersWith"})

EVENT_TYPES = (
    "ProductLaunch", "MarketEntry", "StoreOpening", "PartnershipAgreement",
    "DealCancellation", "FinancialResult", "ProductPrice", "Rebrand",
)
# Event args that name entities (scored, and linked as nodes); the rest are literals.
EVENT_ENTITY_ARGS = ("company", "product", "market", "parties")

# How a loader writes a table in Article.text: one line per row, its cells joined by this.
TABLE_CELL_SEPARATOR = " | "


@dataclass(frozen=True)
class Article:
    """One document, decoded and stripped of markup. The only thing loaders produce."""

    doc_id: str                 # file name, or a JSONL line's id / FILE.jsonl#LINE
    text: str
    source_path: str
    title: str | None = None
    published: str | None = None  # ISO 8601 date (YYYY-MM-DD) or None
    url: str | None = None
    source: str | None = None
    media_type: str = "text/plain"

    @property
    def content_hash(self) -> str:
        """Hash of what extraction sees: text and metadata, not the raw bytes."""
        digest = hashlib.sha256()
        for part in (self.text, self.title, self.published, self.url, self.source):
            digest.update((part or "").encode("utf-8"))
            digest.update(b"\x00")
        return digest.hexdigest()


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence and its character span in Article.text."""

    doc_id: str
    sentence: str
    start: int
    end: int


@dataclass
class Entity:
    """A resolved entity of one document: its canonical name, the other forms seen, and where."""

    type: str
    name: str
    aliases: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return (self.type, self.name)


@dataclass
class Fact:
    subject: str                # canonical entity names of this document
    predicate: str
    object: str
    evidence: Evidence
    role: str | None = None     # executiveOf: the title as written


@dataclass
class Claim:
    speaker: str
    about: list[str]
    text: str
    evidence: Evidence
    channel: str | None = None
    date: str | None = None


@dataclass
class Event:
    type: str
    args: dict
    evidence: Evidence
    date: str | None = None


@dataclass
class Extraction:
    """Everything read from one Article, each item with its Evidence."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def entity(self, name: str) -> Entity | None:
        for entity in self.entities:
            if entity.name == name:
                return entity
        return None
