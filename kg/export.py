"""Exporters, found by format name: RDF serialisations of the whole store, and gold-jsonl, the
evaluation format of shared/eval/FORMAT.md, read back from the store (not from the extractor),
so that what is scored is what users query."""

from __future__ import annotations

import io
import json
from collections import defaultdict
from collections.abc import Callable
from typing import BinaryIO

import pyoxigraph as ox

from .model import EVENT_TYPES
from .store import Store
from .terms import KG

Exporter = Callable[[Store, BinaryIO], None]
_KG = str(KG._NS)


def _local(iri: str) -> str:
    return iri[len(_KG):] if iri.startswith(_KG) else iri


def export_rdf(fmt: ox.RdfFormat) -> Exporter:
    def exporter(store: Store, out: BinaryIO) -> None:
        if fmt in (ox.RdfFormat.TURTLE,):
            # Turtle has no graphs: the union of all of them, each triple once.
            union = ox.Store()
            union.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in store.quads())
            union.dump(out, format=fmt, from_graph=ox.DefaultGraph(), prefixes=_prefixes())
        else:
            store.dump(out, fmt)
    return exporter


def _prefixes() -> dict[str, str]:
    from .store import PREFIXES
    return {**PREFIXES, "id": "https://w3id.org/kg-news/id/"}


def gold_records(store: Store) -> list[dict]:
    """One record per document, in the format of shared/eval/FORMAT.md."""
    docs = {r["doc"]: {"doc": r["id"], "published": r["published"], "entities": [], "facts": [],
                       "claims": [], "events": []}
            for r in store.select("""SELECT ?doc ?id ?published WHERE { GRAPH ?doc {
                ?doc a kg:Document ; kg:docId ?id . OPTIONAL { ?doc dct:issued ?published } } }""")}
    names: dict[tuple[str, str], str] = {}
    aliases: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in store.select("""SELECT ?doc ?e ?alias WHERE { GRAPH ?doc { ?e kg:alias ?alias } }
                               ORDER BY ?alias"""):
        aliases[(row["doc"], row["e"])].append(row["alias"])
    for row in store.select("""SELECT ?doc ?e ?type ?label WHERE { GRAPH ?doc {
            ?e kg:mentionedIn ?doc ; a ?type ; rdfs:label ?label } } ORDER BY ?label"""):
        names[(row["doc"], row["e"])] = row["label"]
        entity = {"type": _local(row["type"]), "name": row["label"]}
        if aliases.get((row["doc"], row["e"])):
            entity["aliases"] = aliases[(row["doc"], row["e"])]
        docs[row["doc"]]["entities"].append(entity)
    for row in store.select("""SELECT ?doc ?s ?p ?o ?role WHERE { GRAPH ?doc {
            ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
            OPTIONAL { ?a kg:role ?role } } } ORDER BY ?p ?s ?o"""):
        fact = {"s": names[(row["doc"], row["s"])], "p": _local(row["p"]), "o": names[(row["doc"], row["o"])]}
        if row["role"]:
            fact["role"] = row["role"]
        docs[row["doc"]]["facts"].append(fact)
    claims: dict[str, dict] = {}
    for row in store.select("""SELECT ?doc ?c ?speaker ?about ?text ?date WHERE { GRAPH ?doc {
            ?c a kg:Claim ; kg:speaker ?speaker ; kg:text ?text .
            OPTIONAL { ?c kg:about ?about } OPTIONAL { ?c kg:date ?date } } } ORDER BY ?c ?about"""):
        claim = claims.get(row["c"])
        if claim is None:
            claim = claims[row["c"]] = {"speaker": names[(row["doc"], row["speaker"])], "about": [],
                                        "text": row["text"]}
            if row["date"]:
                claim["date"] = row["date"]
            docs[row["doc"]]["claims"].append(claim)
        if row["about"]:
            claim["about"].append(names[(row["doc"], row["about"])])
    events: dict[str, dict] = {}
    event_types = " ".join(f"kg:{t}" for t in EVENT_TYPES)
    for row in store.select(f"""SELECT ?doc ?ev ?type ?p ?o WHERE {{ GRAPH ?doc {{
            ?ev a ?type . VALUES ?type {{ {event_types} }}
            OPTIONAL {{ ?ev ?p ?o FILTER(?p NOT IN (rdf:type, kg:evidence)) }} }} }} ORDER BY ?ev ?p ?o"""):
        event = events.get(row["ev"])
        if event is None:
            event = events[row["ev"]] = {"type": _local(row["type"]), "args": {}}
            docs[row["doc"]]["events"].append(event)
        if row["p"] is None:
            continue
        key = _local(row["p"])
        value = names.get((row["doc"], row["o"]), row["o"])
        if key == "date":
            event["date"] = value
        elif key == "party":
            event["args"].setdefault("parties", []).append(value)
        elif key == "scope":
            event["args"].setdefault("scope", []).append(value)
        else:
            event["args"][key] = value
    return sorted(docs.values(), key=lambda d: d["doc"])


def export_gold_jsonl(store: Store, out: BinaryIO) -> None:
    for record in gold_records(store):
        out.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")


def export_network(fmt: str) -> Exporter:
    """GraphML or GEXF of the networkx view (kg.analytics), for Gephi."""
    def exporter(store: Store, out: BinaryIO) -> None:
        from . import analytics
        getattr(analytics, f"write_{fmt}")(store, out)
    return exporter


EXPORTERS: dict[str, Exporter] = {
    "ttl": export_rdf(ox.RdfFormat.TURTLE),
    "trig": export_rdf(ox.RdfFormat.TRIG),
    "nq": export_rdf(ox.RdfFormat.N_QUADS),
    "jsonld": export_rdf(ox.RdfFormat.JSON_LD),
    "gold-jsonl": export_gold_jsonl,
    "graphml": export_network("graphml"),
    "gexf": export_network("gexf"),
}


def export(store: Store, fmt: str, out: BinaryIO) -> None:
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(EXPORTERS)}") from None
    exporter(store, out)


def export_bytes(store: Store, fmt: str) -> bytes:
    buffer = io.BytesIO()
    export(store, fmt, buffer)
    return buffer.getvalue()
