"""The store as a networkx graph: entities as nodes, facts as edges, each edge with its evidence.

This is the library view that `kg viz` draws and that graph analytics (centrality, communities) can
run on. Every node is keyed by its IRI; every graph is an `nx.MultiDiGraph`, because two entities can
be linked by several facts, and the same fact read in several documents is several edges.

Node attributes
    kind        "entity", "claim" or "event"
    type        the ontology class's local name: Company, Product, Market, Person, Executive, Claim,
                ProductLaunch, MarketEntry, ...
    label       the preferred label (entities), the claim's text shortened, or the event's kind
    entities:   aliases (sorted list), mentions (number of documents naming it), documents (doc ids)
    claims:     text, date, channel, sentence, document, document_title
    events:     date, date_source ("event" or "document": the article's date when the event has none),
                details (amount, currency, metric, period, percentage, direction, scope), sentence,
                document, document_title

Edge attributes
    predicate   the ontology property's local name: produces, competesWith, ... for facts (subject ->
                object); speaker and about (claim -> entity); company, product, market, party
                (event -> entity)
    sentence, document, document_title: the evidence sentence and the doc id it was read from
    facts also carry role (executiveOf) and evidence: every (sentence, document) when an assertion
    was read in several sentences of one document.

Edges keep the RDF direction, so a claim points at its speaker and an event at its participants.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict

import networkx as nx

from .store import Store
from .terms import ENTITIES_GRAPH, KG

_KG = str(KG._NS)

ENTITY_TYPES = ("Company", "Product", "Market", "Person", "Executive")
EVENT_TYPES = ("ProductLaunch", "MarketEntry", "StoreOpening", "PartnershipAgreement",
               "DealCancellation", "FinancialResult", "ProductPrice", "Rebrand")
EVENT_ROLES = ("company", "product", "market", "party")
# When an entity carries two types (a Person named an Executive elsewhere), the more specific wins.
_TYPE_PRIORITY = {"Executive": 0, "Person": 1, "Company": 2, "Product": 3, "Market": 4}

_ENTITIES = f"""
SELECT ?e ?type ?label WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{
  ?e a ?type ; <http://www.w3.org/2000/01/rdf-schema#label> ?label .
  VALUES ?type {{ kg:Company kg:Product kg:Market kg:Person kg:Executive }} }} }}"""
_ALIASES = f"SELECT ?e ?alias WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e kg:alias ?alias }} }}"
_MENTIONS = """
SELECT DISTINCT ?e ?docId WHERE { GRAPH ?doc { ?e kg:mentionedIn ?doc . ?doc kg:docId ?docId } }"""

_EVIDENCE = """?ev kg:sentence ?sentence ; kg:charStart ?start ; kg:inDocument ?doc .
  ?doc kg:docId ?docId . OPTIONAL { ?doc dct:title ?title } OPTIONAL { ?doc dct:issued ?issued }"""

_FACTS = f"""
SELECT ?a ?s ?p ?o ?role ?sentence ?start ?docId ?title WHERE {{ GRAPH ?g {{
  ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:evidence ?ev .
  OPTIONAL {{ ?a kg:role ?role }}
  {_EVIDENCE} }} }}"""

_CLAIMS = f"""
SELECT ?c ?speaker ?text ?date ?channel ?sentence ?start ?docId ?title WHERE {{ GRAPH ?g {{
  ?c a kg:Claim ; kg:speaker ?speaker ; kg:text ?text ; kg:evidence ?ev .
  OPTIONAL {{ ?c kg:date ?date }} OPTIONAL {{ ?c kg:channel ?channel }}
  {_EVIDENCE} }} }}"""
_CLAIM_ABOUT = "SELECT DISTINCT ?c ?about WHERE { GRAPH ?g { ?c a kg:Claim ; kg:about ?about } }"

_EVENTS = f"""
SELECT ?x ?type ?date ?sentence ?start ?docId ?title ?issued WHERE {{ GRAPH ?g {{
  ?x a ?type ; kg:evidence ?ev .
  VALUES ?type {{ {" ".join("kg:" + t for t in EVENT_TYPES)} }}
  OPTIONAL {{ ?x kg:date ?date }}
  {_EVIDENCE} }} }}"""
_EVENT_ARGS = f"""
SELECT DISTINCT ?x ?role ?arg WHERE {{ GRAPH ?g {{
  ?x ?role ?arg . VALUES ?role {{ {" ".join("kg:" + r for r in EVENT_ROLES)} }} }} }}"""
_EVENT_DETAILS = """
SELECT DISTINCT ?x ?key ?value WHERE { GRAPH ?g {
  ?x ?key ?value . VALUES ?key { kg:amount kg:currency kg:metric kg:period kg:percentage kg:direction kg:scope } } }"""


def local_name(iri: str) -> str:
    return iri[len(_KG):] if iri.startswith(_KG) else iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def humanize(name: str) -> str:
    """'ProductLaunch' -> 'product launch', 'competesWith' -> 'competes with'."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()


def shorten(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


# ---------------------------------------------------------------------------------------------- graphs


def entity_graph(store: Store, *, claims: bool = False, events: bool = False) -> nx.MultiDiGraph:
    """Every entity of the store and every fact between them; with claims/events, those too as nodes."""
    graph = nx.MultiDiGraph()
    _add_entities(store, graph)
    for row in _first_evidence(store.select(_FACTS), "a"):
        for end in (row["s"], row["o"]):
            _ensure_entity(graph, end)
        graph.add_edge(row["s"], row["o"], key=row["a"], predicate=local_name(row["p"]), role=row["role"],
                       **_evidence_attrs(row), evidence=row["evidence"])
    if claims:
        _add_claims(store, graph)
    if events:
        _add_events(store, graph)
    return graph


def claims_graph(store: Store) -> nx.MultiDiGraph:
    """Claims as nodes, linked to their speaker and to the entities they are about."""
    graph = nx.MultiDiGraph()
    _add_claims(store, graph, entities=entity_nodes(store))
    return graph


def events_graph(store: Store) -> nx.MultiDiGraph:
    """Market events as nodes, linked to the companies, products, markets and parties involved."""
    graph = nx.MultiDiGraph()
    _add_events(store, graph, entities=entity_nodes(store))
    return graph


def ego_graph(store: Store, iri: str, hops: int = 1, *, claims: bool = True, events: bool = True,
              graph: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """The neighbourhood of an entity, `hops` steps out, ignoring edge direction.

    A hop is one step from an entity to another: directly by a fact, or through a claim or an event
    (the claim or event node itself sits half-way). Pass `graph` to cut the neighbourhood out of a
    graph already built (a claims or events graph, say)."""
    if graph is None:
        graph = entity_graph(store, claims=claims, events=events)
    if iri not in graph:
        raise KeyError(iri)
    distances = hop_distances(graph, iri, hops)
    return graph.subgraph(distances).copy()


def hop_distances(graph: nx.MultiDiGraph, source: str, cutoff: float | None = None) -> dict[str, float]:
    """Distance of every node within `cutoff` hops of `source` (claim and event nodes count half)."""
    def halfway(node) -> bool:
        return graph.nodes[node].get("kind") in ("claim", "event")

    distances = {source: 0.0}
    queue = [(0.0, source)]
    while queue:
        distance, node = heapq.heappop(queue)
        if distance > distances.get(node, float("inf")):
            continue
        for other in set(graph.successors(node)) | set(graph.predecessors(node)):
            # half a hop into and out of a claim/event node; a full hop between two entities
            weight = 0.5 if halfway(node) or halfway(other) else 1.0
            candidate = distance + weight
            if (cutoff is None or candidate <= cutoff) and candidate < distances.get(other, float("inf")):
                distances[other] = candidate
                heapq.heappush(queue, (candidate, other))
    return distances


# ---------------------------------------------------------------------------------------------- nodes


def entity_nodes(store: Store) -> dict[str, dict]:
    """Every entity's node attributes (kind, type, label, aliases, mentions, documents) by IRI."""
    types: dict[str, str] = {}
    labels: dict[str, str] = {}
    for row in store.select(_ENTITIES):
        kind = local_name(row["type"])
        current = types.get(row["e"])
        if current is None or _TYPE_PRIORITY[kind] < _TYPE_PRIORITY[current]:
            types[row["e"]] = kind
        labels[row["e"]] = row["label"]
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in store.select(_ALIASES):
        aliases[row["e"]].add(row["alias"])
    documents: dict[str, set[str]] = defaultdict(set)
    for row in store.select(_MENTIONS):
        documents[row["e"]].add(row["docId"])
    return {iri: {"kind": "entity", "type": kind, "label": labels[iri],
                  "aliases": sorted(aliases[iri] - {labels[iri]}),
                  "mentions": len(documents[iri]), "documents": sorted(documents[iri])}
            for iri, kind in types.items()}


def _add_entities(store: Store, graph: nx.MultiDiGraph) -> None:
    for iri, attrs in entity_nodes(store).items():
        graph.add_node(iri, **attrs)


def _ensure_entity(graph: nx.MultiDiGraph, iri: str, entities: dict[str, dict] | None = None) -> None:
    """An endpoint missing from the entities graph (it should not happen) still gets a usable node."""
    if iri in graph:
        return
    if entities is not None and iri in entities:
        graph.add_node(iri, **entities[iri])
        return
    kind = {"company": "Company", "product": "Product", "market": "Market"}.get(iri.rsplit("/", 2)[-2], "Person")
    graph.add_node(iri, kind="entity", type=kind, label=iri.rsplit("/", 1)[-1], aliases=[], mentions=0,
                   documents=[])


def _first_evidence(rows: list[dict], key: str) -> list[dict]:
    """One row per item (assertion, claim, event): its earliest evidence sentence, all of them listed."""
    items: dict[str, dict] = {}
    for row in sorted(rows, key=lambda r: (r[key], r["docId"], r["start"])):
        evidence = {"sentence": row["sentence"], "document": row["docId"], "document_title": row["title"]}
        if row[key] in items:
            if evidence not in items[row[key]]["evidence"]:
                items[row[key]]["evidence"].append(evidence)
            continue
        items[row[key]] = {**row, "evidence": [evidence]}
    return list(items.values())


def _evidence_attrs(row: dict) -> dict:
    return {"sentence": row["sentence"], "document": row["docId"], "document_title": row["title"]}


def _add_claims(store: Store, graph: nx.MultiDiGraph, entities: dict[str, dict] | None = None) -> None:
    about: dict[str, list[str]] = defaultdict(list)
    for row in store.select(_CLAIM_ABOUT):
        about[row["c"]].append(row["about"])
    for row in _first_evidence(store.select(_CLAIMS), "c"):
        claim = row["c"]
        graph.add_node(claim, kind="claim", type="Claim", label=shorten(row["text"], 48), text=row["text"],
                       date=row["date"], channel=row["channel"], **_evidence_attrs(row))
        evidence = _evidence_attrs(row)
        _ensure_entity(graph, row["speaker"], entities)
        graph.add_edge(claim, row["speaker"], key="speaker", predicate="speaker", **evidence)
        for target in sorted(about[claim]):
            _ensure_entity(graph, target, entities)
            graph.add_edge(claim, target, key="about", predicate="about", **evidence)


def _add_events(store: Store, graph: nx.MultiDiGraph, entities: dict[str, dict] | None = None) -> None:
    args: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in store.select(_EVENT_ARGS):
        args[row["x"]].append((local_name(row["role"]), row["arg"]))
    details: dict[str, dict] = defaultdict(dict)
    for row in store.select(_EVENT_DETAILS):
        key = local_name(row["key"])
        if key == "scope":
            details[row["x"]].setdefault("scope", []).append(row["value"])
        else:
            details[row["x"]][key] = row["value"]
    for scope_holder in details.values():
        if "scope" in scope_holder:
            scope_holder["scope"] = sorted(scope_holder["scope"])
    for row in _first_evidence(store.select(_EVENTS), "x"):
        event = row["x"]
        kind = local_name(row["type"])
        date, source = (row["date"], "event") if row["date"] else (row["issued"], "document" if row["issued"] else None)
        graph.add_node(event, kind="event", type=kind, label=humanize(kind).capitalize(), date=date,
                       date_source=source, details=details.get(event, {}), **_evidence_attrs(row))
        for role, target in sorted(args[event]):
            _ensure_entity(graph, target, entities)
            graph.add_edge(event, target, key=f"{role} {target}", predicate=role, **_evidence_attrs(row))
