"""`kg stats`: what the store holds."""

from __future__ import annotations

from .model import ENTITY_TYPES, EVENT_TYPES, FACT_PREDICATES
from .store import Store


def store_stats(store: Store) -> dict:
    def count(sparql: str) -> int:
        rows = store.select(sparql)
        return int(rows[0]["n"]) if rows else 0

    entity_counts = {t: count(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a kg:{t} }}") for t in ENTITY_TYPES}
    fact_counts = {p: count(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a a kg:Assertion ; rdf:predicate kg:{p} }}")
                   for p in FACT_PREDICATES}
    event_counts = {t: count(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a kg:{t} }}") for t in EVENT_TYPES}
    return {
        "documents": count("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?d { ?d a kg:Document } }"),
        "triples": len(store),
        "entities": entity_counts,
        "facts": fact_counts,
        "claims": count("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a kg:Claim }"),
        "events": event_counts,
    }
