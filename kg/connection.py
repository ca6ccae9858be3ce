"""The SPARQL pack's `connection` on the embedded store: a bidirectional breadth-first search in Python.

queries/sparql/connection.rq states what `connection` answers, and stays runnable as SPARQL, but it is
one query: the distance between the two entities as an eight-step property path, then one path step by
step. On a store of a million triples Oxigraph's evaluation of that path takes over 30 s and many GB
(bench/RESULTS.md). `kg.backends.run_sparql` answers `connection` here instead, with the same rows:

- The entities: those of the entities graph typed Company, Product, Market, Person or Executive whose
  label or alias is the name in any case (SPARQL's LCASE, as the .rq), with their labels.
- The search, for each pair of a first and a second entity (never the same node): one SPARQL query per
  frontier expansion, the frontier bound as a VALUES block of IRIs (pyoxigraph terms, via `Store.query`;
  no user text is pasted), over the relationships the Neo4j sync writes between nodes (PREDICATES, in
  either direction, in any graph). The smaller frontier is expanded; the search stops at the first level
  where the two sides meet, or when a side runs out of new nodes, or past MAX_HOPS steps in all. What it
  holds is the nodes seen within those steps of either end, never the paths.
- The row: the pair with the fewest hops, then the smallest source and target label (the .rq's ORDER BY),
  and one shortest path between them through nodes that have a name (an entity's label in the entities
  graph, or a claim's or event's kind) and steps that have a document (a relationship in a document
  graph; a step that has the relationship from the earlier node to the later one is read that way round,
  as in the .rq). Which of several shortest paths is taken is not promised, in either pack.

A node that is not an IRI (a literal, a blank node) is not followed: the Neo4j sync makes nodes of IRIs
only, and kg mints an IRI for every node it writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice

import pyoxigraph as ox

KG = "https://w3id.org/kg-news/ontology#"
MAX_HOPS = 8          # as queries/cypher/connection.cypher's shortestPath((a)-[*..8]-(b))
PREDICATES = ("produces", "competesWith", "partnersWith", "subsidiaryOf", "executiveOf", "worksFor", "operatesIn",
              "absentFrom", "targetsMarket", "availableIn", "speaker", "about", "company", "product", "market", "party")
KINDS = ("Claim", "ProductLaunch", "MarketEntry", "StoreOpening", "PartnershipAgreement", "DealCancellation",
         "FinancialResult", "ProductPrice", "Rebrand")
BATCH = 5_000         # frontier IRIs per expansion query: the query text stays a few hundred kB
PATHS_TRIED = 100     # shortest paths checked for names and documents before a pair is given up

_P_LIST = ", ".join(f"kg:{p}" for p in PREDICATES)
_ENTITIES = """SELECT DISTINCT ?e ?label ?name WHERE {
  GRAPH <https://w3id.org/kg-news/graph/entities> {
    ?e rdfs:label|kg:alias ?n . ?e rdfs:label ?label . ?e a ?type
    VALUES ?type { kg:Company kg:Product kg:Market kg:Person kg:Executive } }
  FILTER(LCASE(STR(?n)) = LCASE(STR(?name))) }"""
# The predicates as a FILTER, not a VALUES block: joined with the frontier's VALUES, a VALUES ?p made
# Oxigraph 0.5 take 2-5 s per level on a million triples, the FILTER 0.1-0.4 s (same rows).
_NEIGHBOURS = f"""SELECT DISTINCT ?x ?y WHERE {{
  {{ ?x ?p ?y }} UNION {{ ?y ?p ?x }}
  FILTER(?p IN ({_P_LIST}) && isIRI(?y)) }}"""
_STEPS = f"""SELECT DISTINCT ?s ?p ?o ?d WHERE {{
  GRAPH ?g {{ ?s ?p ?o }}
  FILTER(?p IN ({_P_LIST}))
  OPTIONAL {{ GRAPH ?g {{ ?g kg:docId ?d }} }} }}"""
_NAMES = f"""SELECT ?n ?label ?kind WHERE {{
  {{ GRAPH <https://w3id.org/kg-news/graph/entities> {{ ?n rdfs:label ?label }} }}
  UNION {{ ?n a ?kind VALUES ?kind {{ {" ".join(f"kg:{k}" for k in KINDS)} }} }} }}"""


@dataclass
class Search:
    """What a search did: queries run and nodes held (both sides, all pairs), for tests and the bench."""

    queries: int = 0
    visited: int = 0
    pairs: int = 0
    _names: dict = field(default_factory=dict, repr=False)

    def select(self, store, sparql: str, bindings: dict) -> list:
        self.queries += 1
        return list(store.query(sparql, bindings))


def connection(store, source: str, target: str, max_hops: int = MAX_HOPS, search: Search | None = None) -> list[dict]:
    """The `connection` pack query's rows (at most one) for two names; see the module doc."""
    search = search if search is not None else Search()
    firsts, seconds = _entities(store, source, search), _entities(store, target, search)
    pairs = sorted(((la, lb, a, b) for a, la in firsts for b, lb in seconds if a != b),
                   key=lambda p: (p[0], p[1], p[2].value, p[3].value))
    found = []
    best = max_hops
    for la, lb, a, b in pairs:     # label order: a later pair replaces the found one only when nearer
        search.pairs += 1
        met = _meet(store, a, b, best, search)
        if met is None:
            continue
        hops, forward, backward, meeting = met
        row = _row(store, la, lb, hops, forward, backward, meeting, search)
        if row is not None and (not found or hops < found[0]["hops"]):
            found = [row]
            best = hops - 1
            if best < 1:
                break
    return found


def _entities(store, name: str, search: Search) -> list[tuple[ox.NamedNode, str]]:
    rows = search.select(store, _ENTITIES, {"name": ox.Literal(name)})
    return sorted({(r["e"], r["label"].value) for r in rows if isinstance(r["e"], ox.NamedNode)},
                  key=lambda e: (e[1], e[0].value))


def _meet(store, a, b, limit: int, search: Search):
    """The distance from a to b if at most `limit`, each side's parents and the meeting nodes; else None.

    Each side expands a whole level at a time. When a new level of one side touches nodes the other side
    has seen, those nodes are all at the other side's depth, and no path is shorter (any shorter path would
    have had a node seen by both sides at the previous level)."""
    sides = [{a: ()}, {b: ()}]          # node -> its neighbours one level nearer that side's end
    frontiers, depth = [[a], [b]], [0, 0]
    while depth[0] + depth[1] < limit and frontiers[0] and frontiers[1]:
        side = min((0, 1), key=lambda s: (len(frontiers[s]), depth[s]))   # the smaller, else the shallower
        seen, other = sides[side], sides[1 - side]
        new: dict = {}
        for start in range(0, len(frontiers[side]), BATCH):
            batch = frontiers[side][start:start + BATCH]
            for row in search.select(store, _NEIGHBOURS, {"x": batch}):
                y = row["y"]
                if y not in seen:
                    new.setdefault(y, []).append(row["x"])
        seen.update(new)
        search.visited += len(new)
        frontiers[side], depth[side] = list(new), depth[side] + 1
        meeting = [y for y in new if y in other]
        if meeting:
            forward, backward = (seen, other) if side == 0 else (other, seen)
            return depth[0] + depth[1], forward, backward, sorted(meeting, key=lambda n: n.value)
    return None


def _chains(parents: dict, node):
    """Every chain from `node` to its side's end through the parents, the end last."""
    if not parents[node]:
        yield [node]
        return
    for parent in sorted(parents[node], key=lambda n: n.value):
        for rest in _chains(parents, parent):
            yield [node, *rest]


def _paths(forward: dict, backward: dict, meeting: list):
    """The shortest paths, one at a time (there can be exponentially many: none is built before it is asked for)."""
    for m in meeting:
        for before in _chains(forward, m):
            for after in _chains(backward, m):
                yield [*reversed(before), *after[1:]]


def _row(store, source: str, target: str, hops: int, forward, backward, meeting, search: Search) -> dict | None:
    for path in islice(_paths(forward, backward, meeting), PATHS_TRIED):
        names = _names(store, path[1:-1], search)
        if any(n not in names for n in path[1:-1]):
            continue
        steps = _steps(store, path, search)
        if steps is None:
            continue
        return {"source": source, "target": target, "hops": hops,
                "path": [source, *(names[n] for n in path[1:-1]), target],
                "relationships": [relationship for relationship, _ in steps],
                "documents": [doc for _, doc in steps]}
    return None


def _names(store, nodes: list, search: Search) -> dict:
    """Each node's name: an entity's label, else a claim's or an event's kind ("Product launch")."""
    missing = [n for n in set(nodes) if n not in search._names]
    if missing:
        labels, kinds = {}, {}
        for row in search.select(store, _NAMES, {"n": missing}):
            if row["label"] is not None:
                labels.setdefault(row["n"], set()).add(row["label"].value)
            elif row["kind"] is not None:
                kinds.setdefault(row["n"], set()).add(row["kind"].value.rsplit("#", 1)[1])
        for n in missing:
            if n in labels:
                search._names[n] = min(labels[n])
            elif n in kinds:
                kind = min(kinds[n])
                search._names[n] = kind[0] + re.sub(r"([A-Z])", r" \1", kind[1:]).lower()
            else:
                search._names[n] = None
    return {n: search._names[n] for n in nodes if search._names[n] is not None}


def _steps(store, path: list, search: Search) -> list[tuple[str, str]] | None:
    """Each step's relationship type (EXECUTIVE_OF) and document, or None when a step has no document."""
    nodes = list(set(path))
    edges: dict[tuple, set] = {}
    for row in search.select(store, _STEPS, {"s": nodes, "o": nodes}):
        doc = row["d"].value if row["d"] is not None else None
        edges.setdefault((row["s"], row["o"]), set()).add((_relationship(row["p"].value), doc))
    steps = []
    for u, v in zip(path, path[1:]):
        found = edges.get((u, v)) or edges.get((v, u)) or set()
        documented = sorted((r, d) for r, d in found if d is not None)
        if not documented:
            return None
        steps.append(documented[0])
    return steps


def _relationship(iri: str) -> str:
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", iri.rsplit("#", 1)[1]).upper()
