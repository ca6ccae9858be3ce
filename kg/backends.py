"""Where a named query runs: the embedded store (the SPARQL pack) or Neo4j (the Cypher pack).

Both backends answer `run(name, **params)` with the same rows: the same columns, lists as lists, numbers as
numbers. That is what lets `kg ask` answer from either, and what tests/test_pack_parity.py checks.

How a SPARQL pack query (queries/sparql/*.rq) is run, since SPARQL lacks what Cypher has:

- Parameters are bound as terms, never pasted into the text (`Store.query`: a VALUES block, and pyoxigraph's
  `substitutions`, which 0.5 applies only to variables of the SELECT clause, so every parameter is
  projected; the runner drops it from the rows).
- An entity named by a parameter (`?c rdfs:label|kg:alias ?n . FILTER(LCASE(STR(?n)) = LCASE(STR(?name)))`
  in the entities graph) is looked up first, and the query gets the entity's IRIs bound to ?c as well:
  the same rows, but Oxigraph then starts from the entity instead of evaluating the query for every
  entity and filtering at the end (seconds to minutes on a million triples).
- A list is a string that starts with U+001E (a set: its items come back sorted) or U+001D (a sequence:
  order kept), items separated by U+001F. Empty items are dropped: `COALESCE(?x, "")` inside a
  GROUP_CONCAT is the SPARQL form of Cypher's null-skipping `collect` (Oxigraph's aggregates fail on an
  unbound value).
- SPARQL's LIMIT takes a number, not a variable: a `limit` parameter cuts the rows here.
- `connection` (queries/sparql/connection.rq) is answered by kg.connection's breadth-first search with the
  same rows: the .rq stays the statement of what it answers, and is checked against the search in the tests.
"""

from __future__ import annotations

import functools
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import BackendError, QueryError
from .querypack import NamedQuery, load_pack

SET, SEQUENCE, ITEM = "\x1e", "\x1d", "\x1f"
ENTITY_TYPES = ("Executive", "Person", "Company", "Product", "Market")   # most specific first


@dataclass(frozen=True)
class Entity:
    """A node `kg ask` can link a name to: its IRI, preferred name, other names, types, documents."""

    iri: str
    name: str
    aliases: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    mentions: int = 0

    @property
    def type(self) -> str:
        """The most specific of its types (an Executive is a Person too)."""
        return next((t for t in ENTITY_TYPES if t in self.types), self.types[0] if self.types else "Entity")

    def is_a(self, *types: str) -> bool:
        return any(t in self.types for t in types) or ("Person" in types and "Executive" in self.types)


# ------------------------------------------------------------------------------------------------ packs


@functools.cache
def sparql_pack() -> dict[str, NamedQuery]:
    return load_pack("sparql")


@functools.cache
def cypher_pack() -> dict[str, NamedQuery]:
    return load_pack("cypher")


def named_query(language: str, name: str) -> NamedQuery:
    pack = sparql_pack() if language == "sparql" else cypher_pack()
    if name not in pack:
        raise QueryError(f"no {language} query named {name!r} (known: {', '.join(sorted(pack)) or 'none'})")
    return pack[name]


# ------------------------------------------------------------------------------------------------ SPARQL


def _term(value) -> ox.Literal:
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    return ox.Literal(value)


def decode(value):
    """A SPARQL cell as the Cypher pack gives it: packed lists as lists."""
    if isinstance(value, str) and value[:1] in (SET, SEQUENCE):
        items = [item for item in value[1:].split(ITEM) if item != ""]
        return sorted(set(items)) if value[0] == SET else items
    return value


# A pack query's entity match (queries/sparql/README.md: "Names match as in Cypher"): the entity's
# variable and the parameter holding its name.
_NAME_MATCH = re.compile(r"\?(\w+)\s+rdfs:label\|kg:alias\s+\?(\w+)\s*\.\s*"
                         r"FILTER\s*\(\s*LCASE\(STR\(\?\2\)\)\s*=\s*LCASE\(STR\(\?(\w+)\)\)\s*\)")
_NAMED_ENTITIES = """SELECT DISTINCT ?e ?name WHERE {
  GRAPH <https://w3id.org/kg-news/graph/entities> { ?e rdfs:label|kg:alias ?n }
  FILTER(LCASE(STR(?n)) = LCASE(STR(?name))) }"""


def entity_bindings(store, text: str, bindings: dict[str, object]) -> dict[str, list]:
    """For each entity the query matches by a bound name: the IRIs of the entities with that name or alias."""
    found = {}
    for entity, _, param in _NAME_MATCH.findall(text):
        if param in bindings and entity not in bindings and entity not in found:
            rows = store.select(_NAMED_ENTITIES, {"name": bindings[param]})
            found[entity] = [ox.NamedNode(row["e"]) for row in rows]
    return found


def run_sparql(store, query: NamedQuery, params: dict[str, object]) -> list[dict]:
    """Run a SPARQL pack query with bound parameters; rows as the Cypher pack's (see the module doc).

    `connection` is the one named special case: its .rq states the answer, but Oxigraph evaluates its
    eight-step property path in minutes and gigabytes on a large store, so kg.connection answers it with
    a bounded breadth-first search from both ends (one SPARQL query per level), giving the same rows."""
    if query.name == "connection":
        from .connection import connection

        return connection(store, str(params["from"]), str(params["to"]))
    bindings = {name: _term(value) for name, value in params.items() if value is not None}
    bindings.update(entity_bindings(store, query.text, bindings))
    rows = store.select(query.text, bindings)
    hidden = {p.name for p in query.params}
    rows = [{k: decode(v) for k, v in row.items() if k not in hidden} for row in rows]
    limit = params.get("limit")
    if isinstance(limit, int) and not isinstance(limit, bool) and "limit" in hidden:
        rows = rows[:max(limit, 0)]
    return rows


# ------------------------------------------------------------------------------------------------ backends

_LOCAL_ENTITIES = """
PREFIX kge: <https://w3id.org/kg-news/graph/>
SELECT ?e ?name ?type ?alias ?mentions WHERE {
  GRAPH kge:entities { ?e a ?t ; rdfs:label ?name .
    VALUES (?t ?type) { (kg:Company "Company") (kg:Product "Product") (kg:Market "Market")
                        (kg:Person "Person") (kg:Executive "Executive") } }
  OPTIONAL { GRAPH kge:entities { ?e kg:alias ?alias } }
  OPTIONAL { SELECT ?e (COUNT(DISTINCT ?d) AS ?mentions) WHERE { GRAPH ?d { ?e kg:mentionedIn ?d } } GROUP BY ?e }
}"""

_NEO4J_ENTITIES = """
MATCH (x:Resource) WHERE x:Company OR x:Product OR x:Market OR x:Person
RETURN x.iri AS iri, x.name AS name, coalesce(x.aliases, []) AS aliases, labels(x) AS labels,
       COUNT { (x)-[:MENTIONED_IN]->(:Document) } AS mentions"""


def _entities(rows) -> list[Entity]:
    merged: dict[str, dict] = {}
    for iri, name, aliases, types, mentions in rows:
        entry = merged.setdefault(iri, {"name": name, "aliases": set(), "types": set(), "mentions": mentions or 0})
        entry["aliases"] |= {a for a in aliases if a and a != name}
        entry["types"] |= {t for t in types if t in ENTITY_TYPES}
    return [Entity(iri, e["name"], tuple(sorted(e["aliases"])), tuple(t for t in ENTITY_TYPES if t in e["types"]),
                   int(e["mentions"])) for iri, e in sorted(merged.items())]


@dataclass
class LocalBackend:
    """The embedded store, through the SPARQL pack. `store` is a kg Store (or anything with its `select`)."""

    store: object
    name: str = "local"
    _entities: list[Entity] | None = field(default=None, repr=False)

    def run(self, query: str, **params) -> list[dict]:
        named = named_query("sparql", query)
        return run_sparql(self.store, named, named.bind({k: str(v) for k, v in params.items()}))

    def entities(self) -> list[Entity]:
        if self._entities is None:
            rows = self.store.select(_LOCAL_ENTITIES)
            self._entities = _entities((r["e"], r["name"], [r["alias"]], [r["type"]], r["mentions"]) for r in rows)
        return self._entities

    def close(self) -> None:
        pass


@dataclass
class Neo4jBackend:
    """A Neo4j server synced from the store (`kg sync`), through the Cypher pack."""

    driver: object
    database: str | None = None
    name: str = "neo4j"
    _entities: list[Entity] | None = field(default=None, repr=False)

    def run(self, query: str, **params) -> list[dict]:
        from .querypack import run_cypher

        named = named_query("cypher", query)
        return run_cypher(self.driver, named, named.bind({k: str(v) for k, v in params.items()}), self.database)

    def entities(self) -> list[Entity]:
        if self._entities is None:
            from .neo4j_sync import _errors

            with _errors(self.driver), self.driver.session(database=self.database) as session:
                records = list(session.run(_NEO4J_ENTITIES))
            self._entities = _entities((r["iri"], r["name"], r["aliases"], r["labels"], r["mentions"])
                                       for r in records)
        return self._entities

    def close(self) -> None:
        self.driver.close()


BACKENDS = ("auto", "local", "neo4j")


def neo4j_backend(settings, timeout: float = 3.0) -> Neo4jBackend:
    """A verified connection to the configured Neo4j, or BackendError with one clear line."""
    from .neo4j_sync import connect

    return Neo4jBackend(connect(settings, retry_seconds=timeout, timeout=timeout))


def choose_backend(choice: str, settings) -> tuple[str, str | None]:
    """Which backend `choice` means for these settings: "local" or "neo4j", and a note (None here).
    auto is Neo4j when NEO4J_URI is set (open_backend falls back when the server does not answer),
    else the embedded store; without NEO4J_URI nothing is opened on the network."""
    if choice not in BACKENDS:
        raise BackendError(f"unknown backend {choice!r} (known: {', '.join(BACKENDS)})")
    if choice == "local":
        return "local", None
    if choice == "neo4j":
        if not settings.neo4j_uri:
            raise BackendError("--backend neo4j needs NEO4J_URI (e.g. bolt://localhost:7687), NEO4J_USER and "
                               "NEO4J_PASSWORD; see docs/neo4j.md")
        return "neo4j", None
    if not settings.neo4j_uri:
        return "local", None
    return "neo4j", None


@contextmanager
def open_backend(choice: str, settings):
    """The backend `choice` (auto, local, neo4j) means for these settings, open for the `with` block:
    yields (backend, note), the note saying why auto answered from the embedded store (or None).

    auto takes Neo4j when NEO4J_URI is set, the server answers and it holds the store's documents (a
    store loaded since the last `kg sync` is answered locally, with a note); without NEO4J_URI, or without
    a store, it opens nothing on the network. --backend neo4j needs no store."""
    from .store import Store

    kind, note = choose_backend(choice, settings)
    if choice == "auto" and not (Path(settings.home) / "oxigraph").exists():
        kind = "local"     # Neo4j mirrors a store: without one, say so (Store.open's error), as without Neo4j
    if kind == "neo4j":
        try:
            backend = neo4j_backend(settings)
        except BackendError as err:
            if choice == "neo4j":
                raise
            kind, note = "local", f"Neo4j did not answer, so the embedded store answered ({err})"
        else:
            stale = choice == "auto" and _behind(backend, settings.home)
            if stale:
                backend.close()
                kind, note = "local", f"Neo4j does not hold the store's documents ({stale}): run `kg sync`; " \
                                      "the embedded store answered"
            else:
                try:
                    yield backend, note
                finally:
                    backend.close()
                return
    with Store.open(settings.home) as store:
        yield LocalBackend(store), note


def _behind(backend: Neo4jBackend, home) -> str | None:
    """How Neo4j's documents differ from the store's, or None when they are the same."""
    from .neo4j_sync import _errors
    from .store import Store

    with Store.open(home) as store:
        ours = {doc.doc_id for doc in store.documents().values()}
    with _errors(backend.driver), backend.driver.session(database=backend.database) as session:
        theirs = {r["doc"] for r in session.run("MATCH (d:Resource:Document) RETURN d.docId AS doc")}
    if ours == theirs:
        return None
    return f"{len(ours - theirs)} missing, {len(theirs - ours)} not in the store"
