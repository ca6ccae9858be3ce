"""`kg sync`: the RDF store as a Neo4j property graph, one document at a time, idempotent.

The mapping is derived from ontology/kg.ttl, not listed per class (see `vocabulary()`):

- every node is a `:Resource` with a unique `iri`; a kg class adds its label and the labels of its kg
  superclasses (`kg:Executive` -> `:Resource:Person:Executive`, `kg:ProductLaunch` ->
  `:Resource:MarketEvent:ProductLaunch`);
- every kg object property is a relationship type in UPPER_SNAKE_CASE (`kg:executiveOf` -> `EXECUTIVE_OF`,
  `kg:speaker` -> `SPEAKER`, `kg:party` -> `PARTY`, `kg:mentionedIn` -> `MENTIONED_IN`);
- literals become properties (`rdfs:label` -> `name`, `kg:alias` -> `aliases` (a list), `kg:charStart`/
  `kg:charEnd` -> `start`/`end`, other terms by their local name); integers stay integers, decimals become
  floats, dates stay strings at the precision written;
- the two provenance classes are folded, as ontology/README.md describes: a `kg:Assertion` (an `rdf:Statement`)
  is not a node but the properties of the relationship it reifies (`doc`, `sentence`, `start`, `end`,
  `role`, `assertion`); a `kg:Evidence` (the range of `kg:evidence`) is folded into what points at it: a
  claim or an event carries `sentence`/`start`/`end` and an `IN_DOCUMENT` relationship to its Document.

Entities (nodes with `kg:mentionedIn`) are shared by documents: they are MERGEd by `iri`, and their name,
aliases and labels come from the store's resolved-entities graph. Everything else belongs to one
document: every relationship carries `doc` (the document's docId), claims and events carry `doc` too.
Removing a document from Neo4j deletes its claims and events, the relationships with its `doc`, its
Document node, then the entity nodes left without any relationship (orphans).

A document is synced in one transaction (several documents may share one), and its Document node keeps
`syncHash`, a hash of its named graph: a sync compares those with the store's graphs, removes what the
store no longer has, replaces what changed, skips the rest. An interrupted sync leaves every document
either synced or untouched, so running it again converges; a second sync writes nothing.
"""

from __future__ import annotations

import functools
import hashlib
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pyoxigraph as ox
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from .config import Settings
from .errors import BackendError
from .ontology import ONTOLOGY_FILE, read
from .store import Store
from .terms import DCT, ENTITIES_GRAPH, KG, SCHEMA

# Bump when the mapping changes: every document's syncHash changes with it, so the next sync rewrites all.
MAPPING_VERSION = "1"
BASE_LABEL = "Resource"
XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER = {XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}
_FLOAT = {XSD + t for t in ("decimal", "double", "float")}
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")

# Property keys that are not the term's local name, and the properties that hold lists (kg.ttl gives no
# cardinalities; these two are the repeated ones: every alias seen, every area of a partnership).
_RENAMED = {str(RDFS.label): "name", str(KG.alias): "aliases", str(KG.charStart): "start", str(KG.charEnd): "end"}
_LISTS = {str(KG.alias), str(KG.scope)}
# Literal terms from outside kg that the mapping writes (dct:title, dct:issued, ...).
_FOREIGN_LITERALS = (RDFS.label, DCT.title, DCT.issued, DCT.format, DCT.source, SCHEMA.url)


# ---------------------------------------------------------------------------------------------- vocabulary

def upper_snake(name: str) -> str:
    """executiveOf -> EXECUTIVE_OF, inDocument -> IN_DOCUMENT."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).upper()


def _local(iri) -> str:
    text = str(iri)
    return re.split(r"[#/]", text)[-1]


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """What the sync may write, derived from the ontology: the only names that reach Cypher text."""

    node_labels: dict[str, tuple[str, ...]]   # class IRI -> its labels (superclasses first, itself last)
    class_names: dict[str, str]               # class IRI -> rdfs:label ("Product launch")
    rel_types: dict[str, str]                 # object property IRI -> relationship type
    properties: dict[str, str]                # literal property IRI -> property key
    reified: frozenset[str]                   # classes whose instances are relationships (kg:Assertion)
    folded: frozenset[str]                    # classes folded into their holder (kg:Evidence)
    evidence: str                             # the property pointing at a folded class (kg:evidence)
    in_document: str                          # the folded class's link to its document (kg:inDocument)
    evidence_keys: tuple[str, ...]            # literals of the folded class (sentence, start, end)
    fact_keys: tuple[str, ...]                # properties of a reified fact's relationship

    def key(self, name: str) -> str:
        """A property key for Cypher text: only the vocabulary's, checked."""
        if name not in self.keys or not _NAME.match(name):
            raise BackendError(f"internal error: {name!r} is not a property key of the kg mapping")
        return name

    @functools.cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(self.properties.values()) | frozenset(self.fact_keys)

    @functools.cached_property
    def labels(self) -> frozenset[str]:
        return frozenset(label for labels in self.node_labels.values() for label in labels) | {BASE_LABEL}

    @functools.cached_property
    def types(self) -> frozenset[str]:
        return frozenset(self.rel_types.values())

    def label(self, name: str) -> str:
        """A label for Cypher text: only the ontology's, checked (see _cypher_labels)."""
        if name not in self.labels or not _NAME.match(name):
            raise BackendError(f"internal error: {name!r} is not a label of the kg ontology")
        return name

    def rel_type(self, name: str) -> str:
        if name not in self.types or not _NAME.match(name):
            raise BackendError(f"internal error: {name!r} is not a relationship type of the kg ontology")
        return name


@functools.cache
def vocabulary() -> Vocabulary:
    graph = rdflib.Graph().parse(data=read(ONTOLOGY_FILE), format="turtle")
    kg = str(KG._NS)
    classes = {c for c in graph.subjects(RDF.type, OWL.Class) if str(c).startswith(kg)}

    def ancestors(cls) -> list:
        seen, todo = [], [cls]
        while todo:
            current = todo.pop()
            for parent in graph.objects(current, RDFS.subClassOf):
                if parent not in seen:
                    seen.append(parent)
                    todo.append(parent)
        return seen

    # Reified statements become relationships; the range of kg:evidence is folded into its holder.
    reified = {c for c in classes if RDF.Statement in ancestors(c)}
    folded = {c for c in graph.objects(KG.evidence, RDFS.range)}
    node_classes = classes - reified - folded
    node_labels = {}
    for cls in node_classes:
        supers = sorted(_local(a) for a in ancestors(cls) if a in node_classes)
        node_labels[str(cls)] = (*supers, _local(cls))
    class_names = {str(c): str(graph.value(c, RDFS.label) or _local(c)) for c in node_classes}

    object_properties = {p for p in graph.subjects(RDF.type, OWL.ObjectProperty) if str(p).startswith(kg)}
    # kg:evidence disappears with the folded class; kg:inDocument moves from the Evidence to its holder.
    rel_types = {str(p): upper_snake(_local(p)) for p in object_properties if p != KG.evidence}
    literal_properties = [p for p in graph.subjects(RDF.type, OWL.DatatypeProperty) if str(p).startswith(kg)]
    properties = {str(p): _RENAMED.get(str(p), _local(p)) for p in (*literal_properties, *_FOREIGN_LITERALS)}
    def keys_of(domains) -> tuple[str, ...]:
        return tuple(properties[str(p)] for p in literal_properties
                     if any(d in domains for d in graph.objects(p, RDFS.domain)))

    evidence_keys = keys_of(folded)
    fact_keys = ("doc", "assertion", *evidence_keys, *keys_of(reified))
    return Vocabulary(node_labels, class_names, rel_types, properties, frozenset(map(str, reified)),
                      frozenset(map(str, folded)), str(KG.evidence), str(KG.inDocument), evidence_keys, fact_keys)


# ---------------------------------------------------------------------------------------------- reading RDF

def _value(literal: ox.Literal):
    datatype = literal.datatype.value
    try:
        if datatype in _INTEGER:
            return int(literal.value)
        if datatype in _FLOAT:
            return float(literal.value)
    except ValueError:
        pass
    if datatype == XSD + "boolean":
        return literal.value in ("true", "1")
    return literal.value


def graph_hash(quads: Iterable[ox.Quad]) -> str:
    """A document graph's fingerprint: its triples in a canonical order (no blank nodes in kg graphs)."""
    digest = hashlib.sha256(MAPPING_VERSION.encode())
    for line in sorted(f"{q.subject} {q.predicate} {q.object}" for q in quads):
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


@dataclass
class _Subject:
    types: list[str] = field(default_factory=list)
    literals: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    links: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


@dataclass
class DocumentRows:
    """One document graph as parameter rows: labels and relationship types travel in the rows."""

    iri: str
    doc_id: str
    sync_hash: str
    document: dict
    entities: dict[str, dict] = field(default_factory=dict)   # iri -> labels and props as this graph has them
    nodes: list[dict] = field(default_factory=list)           # claims and events: {iri, labels, props}
    rels: list[tuple[str, str, str, dict | None]] = field(default_factory=list)   # (s, o, type, props but doc)

    @property
    def size(self) -> int:
        return 1 + len(self.entities) + len(self.nodes) + len(self.rels)


def _labels(vocab: Vocabulary, types: Iterable[str]) -> list[str]:
    return sorted({label for t in types for label in vocab.node_labels.get(t, ())})


def _props(vocab: Vocabulary, subject: _Subject) -> dict:
    props = {}
    for predicate, values in subject.literals.items():
        key = vocab.properties.get(predicate)
        if key is None:
            continue
        if predicate in _LISTS:
            props[key] = sorted(values)
        else:
            props[key] = min(values, key=str) if len(values) > 1 else values[0]
    return props


_RS, _US = "\x1e", "\x1f"   # record and unit separators of the packed relationship strings
_TYPE, _SUBJECT, _PREDICATE, _OBJECT = (str(RDF.type), str(RDF.subject), str(RDF.predicate), str(RDF.object))
_DOCUMENT, _MENTIONED_IN = str(KG.Document), str(KG.mentionedIn)


def document_rows(store: Store, iri: str, vocab: Vocabulary | None = None) -> DocumentRows:
    """Read one document's named graph and turn it into node and relationship rows."""
    vocab = vocab or vocabulary()
    quads = list(store.quads(iri))
    subjects: dict[str, _Subject] = defaultdict(_Subject)
    for quad in quads:
        o = quad.object
        subject = subjects[quad.subject.value]
        p = quad.predicate.value
        if p == _TYPE:
            subject.types.append(o.value)
        elif isinstance(o, ox.Literal):
            subject.literals[p].append(_value(o))
        else:
            subject.links[p].append(o.value)

    doc = subjects.get(iri)
    if doc is None or _DOCUMENT not in doc.types:
        raise BackendError(f"{iri} is not a document graph of the store")
    doc_props = _props(vocab, doc)
    doc_id = str(doc_props.get("docId") or iri)
    rows = DocumentRows(iri, doc_id, graph_hash(quads), {"iri": iri, **doc_props})

    kinds = {}
    for s, subject in subjects.items():
        types = subject.types
        kinds[s] = ("reified" if any(t in vocab.reified for t in types) else
                    "folded" if any(t in vocab.folded for t in types) else
                    "node" if any(t in vocab.node_labels for t in types) else None)

    def evidence_of(s: str) -> tuple[dict, str | None]:
        """The first evidence (by position) of a claim, event or assertion: its properties and document."""
        found = []
        for e in subjects[s].links.get(vocab.evidence, ()):
            if kinds.get(e) == "folded":
                props = _props(vocab, subjects[e])
                documents = subjects[e].links.get(vocab.in_document, [])
                found.append((props.get("start", 0), props, documents[0] if documents else None))
        if not found:
            return {}, None
        _, props, document = min(found, key=lambda item: (item[0], str(item[1])))
        return {k: props[k] for k in vocab.evidence_keys if k in props}, document

    # Assertions: the evidence and role of the fact they reify, keyed by (s, p, o).
    reifications: dict[tuple[str, str, str], dict] = {}
    for s, subject in subjects.items():
        if kinds[s] != "reified":
            continue
        parts = tuple(subject.links.get(k, [None])[0] for k in (_SUBJECT, _PREDICATE, _OBJECT))
        if None in parts:
            continue
        props, _ = evidence_of(s)
        props["assertion"] = s
        props.update({vocab.properties[p]: v[0] for p, v in subject.literals.items() if p in vocab.properties})
        reifications[parts] = {k: v for k, v in props.items() if k in vocab.fact_keys}

    in_document = vocab.rel_types[vocab.in_document]
    for s, subject in subjects.items():
        if kinds[s] != "node":
            continue
        if s != iri:
            labels = _labels(vocab, subject.types)
            if _MENTIONED_IN in subject.links:
                # shared: MERGEd by iri, labels and properties from the resolved-entities graph
                rows.entities[s] = {"labels": labels, "props": _props(vocab, subject)}
            else:
                props = _props(vocab, subject)
                evidence, document = evidence_of(s)
                props.update(evidence)
                props["doc"] = doc_id
                most_specific = max(subject.types, key=lambda t: len(vocab.node_labels.get(t, ())))
                props["kind"] = vocab.class_names.get(most_specific, labels[-1])
                rows.nodes.append({"iri": s, "labels": labels, "props": props})
                if document is not None and kinds.get(document) == "node":
                    rows.rels.append((s, document, in_document, None))
        # plain triples between nodes of this graph: one relationship each, with its Assertion's evidence
        for predicate, objects in subject.links.items():
            rel_type = vocab.rel_types.get(predicate)
            if rel_type is None or predicate == vocab.in_document:
                continue
            for o in dict.fromkeys(objects):
                if kinds.get(o) == "node":
                    rows.rels.append((s, o, rel_type, reifications.get((s, predicate, o))))
    return rows


def entity_rows(store: Store, vocab: Vocabulary | None = None) -> dict[str, dict]:
    """Each resolved entity's labels and properties, from the entities graph (rebuilt after every load)."""
    vocab = vocab or vocabulary()
    subjects: dict[str, _Subject] = defaultdict(_Subject)
    for quad in store.quads(str(ENTITIES_GRAPH)):
        s, p, o = quad.subject.value, quad.predicate.value, quad.object
        if p == _TYPE:
            subjects[s].types.append(o.value)
        elif isinstance(o, ox.Literal):
            subjects[s].literals[p].append(_value(o))
    # countryCode and other entity literals live in the document graphs only.
    extra = store.select("""SELECT DISTINCT ?e ?p ?v WHERE { GRAPH ?g { ?g a kg:Document . ?e kg:mentionedIn ?g ; ?p ?v .
                              FILTER(isLiteral(?v) && ?p NOT IN (rdfs:label, kg:alias)) } }""")
    for row in extra:
        if row["e"] in subjects and row["p"] in vocab.properties:
            subjects[row["e"]].literals[row["p"]].append(row["v"])
    return {s: {"labels": _labels(vocab, subject.types), "props": _props(vocab, subject)}
            for s, subject in subjects.items()}


# ---------------------------------------------------------------------------------------------- counts

def expected_counts(store: Store, vocab: Vocabulary | None = None) -> dict[str, dict[str, int]]:
    """What Neo4j should hold after a sync, computed from the RDF store with SPARQL alone (independently
    of `document_rows`): nodes per label and relationships per type."""
    vocab = vocab or vocabulary()
    graphs = "GRAPH ?g { ?g a kg:Document . %s }"

    def count(body: str, variables: str) -> int:
        rows = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT {variables} WHERE {{ {body} }} }}")
        return int(rows[0]["n"]) if rows else 0

    def values(classes: Iterable[str]) -> str:
        return " ".join(f"<{c}>" for c in classes)

    node_classes = values(vocab.node_labels)
    nodes = {BASE_LABEL: count(graphs % f"?x a ?t . VALUES ?t {{ {node_classes} }}", "?x")}
    for label in sorted(vocab.labels - {BASE_LABEL}):
        classes = values(c for c, labels in vocab.node_labels.items() if label in labels)
        nodes[label] = count(graphs % f"?x a ?t . VALUES ?t {{ {classes} }}", "?x")

    typed = "?%s a ?t%s . VALUES ?t%s { " + node_classes + " }"
    rels = {}
    for predicate, rel_type in sorted(vocab.rel_types.items(), key=lambda item: item[1]):
        if predicate == vocab.in_document:
            body = (f"?x <{vocab.evidence}> ?e . ?e <{predicate}> ?o . ?e a ?fe . "
                    f"VALUES ?fe {{ {values(vocab.folded)} }} " + typed % ("x", "x", "x") + " . " + typed % ("o", "o", "o")
                    + f" FILTER NOT EXISTS {{ ?x a ?r . VALUES ?r {{ {values(vocab.reified) or '<urn:none>'} }} }}")
            # a claim/event is in one document per the mapping; counted per (holder, document)
            rels[rel_type] = count(graphs % body, "?x ?o ?g")
        else:
            body = f"?s <{predicate}> ?o . " + typed % ("s", "s", "s") + " . " + typed % ("o", "o", "o")
            rels[rel_type] = count(graphs % body, "?s ?o ?g")
    return {"nodes": nodes, "relationships": rels}


def neo4j_counts(driver, database: str | None = None) -> dict[str, dict[str, int]]:
    """Nodes per label and relationships per type of the kg vocabulary, as Neo4j holds them."""
    vocab = vocabulary()
    nodes, rels = {}, {}
    with _errors(driver), driver.session(database=database) as session:
        for label in sorted(vocab.labels):
            # label from the ontology's fixed vocabulary, validated: the one allowed non-parameter
            query = f"MATCH (n:{vocab.label(label)}) RETURN count(n) AS n"
            nodes[label] = session.run(query).single()["n"]
        for rel_type in sorted(vocab.types):
            query = f"MATCH (:{BASE_LABEL})-[r:{vocab.rel_type(rel_type)}]->(:{BASE_LABEL}) RETURN count(r) AS n"
            rels[rel_type] = session.run(query).single()["n"]
    return {"nodes": nodes, "relationships": rels}


# ---------------------------------------------------------------------------------------------- writing

SCHEMA_STATEMENTS = (
    f"CREATE CONSTRAINT kg_resource_iri IF NOT EXISTS FOR (n:{BASE_LABEL}) REQUIRE n.iri IS UNIQUE",
    "CREATE CONSTRAINT kg_document_doc_id IF NOT EXISTS FOR (n:Document) REQUIRE n.docId IS UNIQUE",
    f"CREATE INDEX kg_resource_doc IF NOT EXISTS FOR (n:{BASE_LABEL}) ON (n.doc)",
    f"CREATE INDEX kg_resource_name IF NOT EXISTS FOR (n:{BASE_LABEL}) ON (n.name)",
)

COUNTER_NAMES = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
                 "properties_set", "labels_added", "labels_removed", "indexes_added", "constraints_added")


@dataclass
class SyncReport:
    synced: int = 0          # documents new to Neo4j
    replaced: int = 0        # documents whose graph changed since the last sync
    removed: int = 0         # documents no longer in the store
    unchanged: int = 0
    nodes: int = 0           # kg nodes and relationships in Neo4j after the sync
    relationships: int = 0
    seconds: float = 0.0
    counters: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTER_NAMES, 0))
    synced_documents: list[str] = field(default_factory=list)
    removed_documents: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(self.counters.values())

    def add(self, summary) -> None:
        counters = summary.counters
        for name in COUNTER_NAMES:
            self.counters[name] += getattr(counters, name)

    def as_dict(self) -> dict:
        return {"documents_synced": self.synced, "documents_replaced": self.replaced,
                "documents_removed": self.removed, "documents_unchanged": self.unchanged,
                "nodes": self.nodes, "relationships": self.relationships, "seconds": round(self.seconds, 3),
                "counters": dict(self.counters)}


Progress = Callable[[int, int], None]


def _safe_uri(uri: str) -> str:
    """The URI without any user:password@ part, for messages."""
    return re.sub(r"//[^/@]*@", "//", uri or "")


@contextmanager
def _errors(driver_or_uri, password: str | None = None):
    """Neo4j driver errors -> one BackendError line, naming the server, never the password."""
    from neo4j import exceptions as ne

    uri = driver_or_uri if isinstance(driver_or_uri, str) else getattr(driver_or_uri, "_kg_uri", "Neo4j")
    where = _safe_uri(uri)

    def clean(text: str) -> str:
        text = " ".join(str(text).split())
        return text.replace(password, "***") if password else text

    try:
        yield
    except BackendError:
        raise
    except ne.AuthError as err:
        user = getattr(driver_or_uri, "_kg_user", None)
        who = f" for user {user!r}" if user else ""
        raise BackendError(f"Neo4j at {where} refused the credentials{who} ({clean(err.message or err)}); "
                           "check NEO4J_USER and NEO4J_PASSWORD") from None
    except (ne.ServiceUnavailable, ne.SessionExpired, OSError) as err:
        raise BackendError(f"cannot reach Neo4j at {where} ({clean(err)}); is the server running? "
                           "A sync that was cut off resumes where it stopped when run again") from None
    except ne.ConfigurationError as err:
        raise BackendError(f"bad Neo4j configuration for {where}: {clean(err)}") from None
    except ne.Neo4jError as err:
        raise BackendError(f"Neo4j at {where} refused the request: {err.code}: {clean(err.message)}") from None
    except ne.DriverError as err:
        raise BackendError(f"Neo4j driver error with {where}: {clean(err)}") from None
    except ValueError as err:  # a malformed URI
        raise BackendError(f"bad NEO4J_URI {where!r}: {clean(err)}") from None


def connect(settings: Settings, retry_seconds: float = 15.0, timeout: float = 10.0):
    """A verified driver for the configured server. Credentials come from the settings (environment)."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError

    if not settings.neo4j_uri:
        raise BackendError("Neo4j is not configured: set NEO4J_URI (e.g. bolt://localhost:7687), "
                           "NEO4J_USER and NEO4J_PASSWORD; see docs/neo4j.md")
    auth = (settings.neo4j_user, settings.neo4j_password) if settings.neo4j_password is not None else None
    with _errors(settings.neo4j_uri, settings.neo4j_password):
        driver = GraphDatabase.driver(settings.neo4j_uri, auth=auth, connection_timeout=timeout,
                                      max_transaction_retry_time=retry_seconds,
                                      connection_acquisition_timeout=timeout,
                                      notifications_min_severity="OFF")
    driver._kg_uri, driver._kg_user = settings.neo4j_uri, settings.neo4j_user
    try:
        with _errors(driver, settings.neo4j_password):
            try:
                driver.verify_connectivity()
            except AuthError:
                if auth is None:
                    raise BackendError(f"Neo4j at {_safe_uri(settings.neo4j_uri)} needs a password: "
                                       "set NEO4J_PASSWORD (and NEO4J_USER if not neo4j)") from None
                raise
    except BackendError:
        driver.close()
        raise
    return driver


class Neo4jSync:
    """Writes a store's documents into Neo4j. Every query is a constant: data, labels and relationship types
    all travel as parameters (Neo4j 5.26's dynamic labels and types, `n:$(row.labels)`, `[:$(row.type)]`).
    Those labels and types are the ontology's fixed vocabulary, checked against it before they are sent."""

    def __init__(self, driver, database: str | None = None, docs_per_transaction: int = 100,
                 rows_per_transaction: int = 20000):
        self.driver = driver
        self.database = database
        self.docs_per_transaction = max(1, docs_per_transaction)
        self.rows_per_transaction = rows_per_transaction
        self.vocab = vocabulary()
        self._written: set[str] = set()

    # -------------------------------------------------------------- state

    def ensure_schema(self, report: SyncReport) -> None:
        with self.driver.session(database=self.database) as session:
            for statement in SCHEMA_STATEMENTS:
                report.add(session.run(statement).consume())
            session.run("CALL db.awaitIndexes(300)").consume()

    def synced_documents(self) -> dict[str, tuple[str, str]]:
        """iri -> (docId, syncHash) of every document a sync has written."""
        with self.driver.session(database=self.database) as session:
            result = session.run(f"MATCH (d:{BASE_LABEL}:Document) WHERE d.syncHash IS NOT NULL "
                                 "RETURN d.iri AS iri, d.docId AS doc, d.syncHash AS hash")
            return {r["iri"]: (r["doc"], r["hash"]) for r in result}

    def totals(self) -> tuple[int, int]:
        with self.driver.session(database=self.database) as session:
            nodes = session.run(f"MATCH (n:{BASE_LABEL}) RETURN count(n) AS n").single()["n"]
            rels = session.run(f"MATCH (:{BASE_LABEL})-[r]->() RETURN count(r) AS n").single()["n"]
        return nodes, rels

    # -------------------------------------------------------------- the sync

    def sync(self, store: Store, progress: Progress | None = None) -> SyncReport:
        started = time.perf_counter()
        report = SyncReport()
        with _errors(self.driver):
            self.ensure_schema(report)
            in_neo4j = self.synced_documents()
            in_store = sorted(store.documents())
            removed = [(iri, doc) for iri, (doc, _) in sorted(in_neo4j.items()) if iri not in set(in_store)]
            # a document Neo4j has is re-read only if its graph changed; new ones are read once, below
            pending = [iri for iri in in_store
                       if iri not in in_neo4j or graph_hash(store.quads(iri)) != in_neo4j[iri][1]]
            report.unchanged = len(in_store) - len(pending)
            total = len(removed) + len(pending)
            entities = entity_rows(store, self.vocab) if total else {}
            self._written: set[str] = set()   # entities MERGEd by a committed transaction of this sync
            done = 0

            for start in range(0, len(removed), self.docs_per_transaction):
                batch = removed[start:start + self.docs_per_transaction]
                self._write([doc for _, doc in batch], [], entities, report)
                report.removed += len(batch)
                report.removed_documents += [doc for _, doc in batch]
                done += len(batch)
                if progress:
                    progress(done, total)

            for batch in _prefetch(self._batches(store, pending)):
                replaced = [rows.doc_id for rows in batch if rows.iri in in_neo4j]
                self._write(replaced, batch, entities, report)
                report.replaced += len(replaced)
                report.synced += len(batch) - len(replaced)
                report.synced_documents += [rows.doc_id for rows in batch]
                done += len(batch)
                if progress:
                    progress(done, total)
            report.nodes, report.relationships = self.totals()
        report.seconds = time.perf_counter() - started
        return report

    def _batches(self, store: Store, iris: list[str]) -> Iterator[list[DocumentRows]]:
        batch, size = [], 0
        for iri in iris:
            rows = document_rows(store, iri, self.vocab)
            if batch and (len(batch) >= self.docs_per_transaction or size + rows.size > self.rows_per_transaction):
                yield batch
                batch, size = [], 0
            batch.append(rows)
            size += rows.size
        if batch:
            yield batch

    def _write(self, removals: list[str], documents: list[DocumentRows], entities: dict[str, dict],
               report: SyncReport) -> None:
        """One transaction: remove the old versions, write the new ones, tidy the shared entities.
        The driver retries it on transient errors (it is rebuilt from its arguments each time)."""
        summaries = []
        nodes = [self._checked(node) for rows in documents for node in rows.nodes]
        # relationships go as columns, per document: a packed value costs the driver more than a row
        rels = [self._rel_payload(rows) for rows in documents if rows.rels]
        # an entity missing from the entities graph (a load cut off before its rebuild) keeps its graph's view;
        # one written by an earlier transaction of this sync is already as the entities graph says
        resolved = {iri: entities.get(iri, own) for rows in documents for iri, own in rows.entities.items()}
        fresh = {iri: entity for iri, entity in resolved.items() if iri not in self._written}

        def work(tx):
            summaries.clear()

            def run(query: str, **params):
                result = tx.run(query, **params)
                records = list(result)
                summaries.append(result.consume())
                return records

            touched = self._remove(run, removals) if removals else set()
            if documents:
                run(f"UNWIND $rows AS row MERGE (d:{BASE_LABEL} {{iri: row.iri}}) SET d:Document, d += row.props",
                    rows=[{"iri": rows.iri, "props": {**rows.document, "syncHash": rows.sync_hash}}
                          for rows in documents])
                self._merge_entities(run, fresh, create=True)
                run(f"UNWIND $rows AS row MERGE (n:{BASE_LABEL} {{iri: row.iri}}) SET n:$(row.labels), n += row.props",
                    rows=nodes)
                # CREATE, not MERGE: this document's relationships were deleted above or never existed, and
                # the transaction is all or nothing, so each is created once.
                # the keys are named (from the vocabulary, checked) rather than `SET r += map`, which would make
                # the planner materialise every row first (an Eager for a possible conflict with `iri`)
                keys = ", ".join(f"{self.vocab.key(k)}: p.{k}" for k in self.vocab.fact_keys if k != "doc")
                run(f"""UNWIND $docs AS d UNWIND range(0, size(d.s) - 1) AS i
                        MATCH (s:{BASE_LABEL} {{iri: d.s[i]}}) MATCH (o:{BASE_LABEL} {{iri: d.o[i]}})
                        WITH d, s, o, d.type[i] AS type, d.props[i] AS p
                        CREATE (s)-[r:$(type) {{doc: d.doc, {keys}}}]->(o)""",
                    docs=[d for d in rels if d["s"]])
                run(f"""UNWIND $docs AS d UNWIND split(d.plain, $rs) AS line
                        WITH d, split(line, $us) AS f WHERE size(f) = 3
                        MATCH (s:{BASE_LABEL} {{iri: f[0]}}) MATCH (o:{BASE_LABEL} {{iri: f[1]}})
                        CREATE (s)-[r:$(f[2]) {{doc: d.doc}}]->(o)""",
                    docs=[d for d in rels if d["plain"]], rs=_RS, us=_US)
            survivors = sorted(touched - set(resolved))
            if survivors:
                # entity nodes left without any relationship belong to no document any more
                run(f"UNWIND $iris AS iri MATCH (n:{BASE_LABEL} {{iri: iri}}) WHERE NOT (n)--() DELETE n",
                    iris=survivors)
                # the others may have lost an alias, a label or their preferred name with this document
                self._merge_entities(run, {iri: entities[iri] for iri in survivors if iri in entities},
                                     create=False)

        with self.driver.session(database=self.database) as session:
            session.execute_write(work)
        self._written |= set(fresh)
        for summary in summaries:
            report.add(summary)

    def _checked(self, row: dict) -> dict:
        """Labels and relationship types are data in the rows; they must be the ontology's."""
        for label in row.get("labels", ()):
            self.vocab.label(label)
        return row

    def _remove(self, run, doc_ids: list[str]) -> set[str]:
        """Delete the given documents' claims, events, relationships and Document nodes; return the
        entities they touched (candidates for orphan removal and for a refresh of their properties)."""
        records = run(f"""
            UNWIND $docs AS doc
            MATCH (x:{BASE_LABEL} {{doc: doc}})
            OPTIONAL MATCH (x)--(e:{BASE_LABEL}) WHERE e.doc IS NULL AND NOT e:Document
            WITH x, collect(DISTINCT e.iri) AS touched
            DETACH DELETE x
            RETURN touched""", docs=doc_ids)
        touched = {iri for record in records for iri in record["touched"]}
        records = run(f"""
            UNWIND $docs AS doc
            MATCH (:{BASE_LABEL}:Document {{docId: doc}})<-[:MENTIONED_IN {{doc: doc}}]-(e:{BASE_LABEL})
            MATCH (e)-[r]-() WHERE r.doc = doc
            DELETE r
            RETURN collect(DISTINCT e.iri) AS touched""", docs=doc_ids)
        touched |= {iri for record in records for iri in record["touched"]}
        run(f"UNWIND $docs AS doc MATCH (d:{BASE_LABEL}:Document {{docId: doc}}) DETACH DELETE d", docs=doc_ids)
        return touched

    def _rel_payload(self, rows: DocumentRows) -> dict:
        """A document's relationships as few packed values (packing, value by value, is what costs the driver
        most): those with evidence as columns, the plain ones (most: MENTIONED_IN, ABOUT, ...) as a single
        string of records, split by the server. IRIs and types hold no control characters; one that did
        would go with the columns."""
        payload = {"doc": rows.doc_id, "s": [], "o": [], "type": [], "props": [], "plain": ""}
        plain = []
        for s, o, rel_type, props in rows.rels:
            self.vocab.rel_type(rel_type)
            if props is None and not any(c in s or c in o for c in (_RS, _US)):
                plain.append(f"{s}{_US}{o}{_US}{rel_type}")
            else:
                payload["s"].append(s)
                payload["o"].append(o)
                payload["type"].append(rel_type)
                payload["props"].append(props or {})
        payload["plain"] = _RS.join(plain)
        return payload

    def _merge_entities(self, run, entities: dict[str, dict], create: bool) -> None:
        """Write shared entity nodes with their resolved labels and properties: labels the entity no longer
        has are removed, properties it no longer has are set to null. create=False only refreshes nodes
        that exist."""
        if not entities:
            return
        # as columns, one list per property (fewer values to pack than a map per row), the keys named in the
        # text: from the vocabulary, checked
        keys = sorted({key for entity in entities.values() for key in entity["props"]} | {"name", "aliases"})
        iris = sorted(entities)
        labels = [self._checked({"labels": list(entities[iri]["labels"])})["labels"] for iri in iris]
        columns = {self.vocab.key(k): [entities[iri]["props"].get(k) for iri in iris] for k in keys}
        sets = "".join(f", n.{k} = $props.{k}[i]" for k in columns)
        verb = "MERGE" if create else "MATCH"
        run(f"UNWIND range(0, size($iris) - 1) AS i {verb} (n:{BASE_LABEL} {{iri: $iris[i]}}) "
            "REMOVE n:$([label IN $entityLabels WHERE NOT label IN $labels[i]]) "
            f"SET n:$($labels[i]){sets}",
            iris=iris, labels=labels, props=columns, entityLabels=sorted(self.entity_labels))

    @functools.cached_property
    def entity_labels(self) -> frozenset[str]:
        """Labels an entity can have (kg.ttl leaves kg:mentionedIn's domain open): every node label but
        those of documents, claims and events, which are never entities."""
        v = self.vocab
        own = {str(KG.Document), str(KG.Claim), str(KG.MarketEvent)}
        excluded = {label for c in own for label in v.node_labels[c]}
        excluded |= {label for c, labels in v.node_labels.items() if "MarketEvent" in labels for label in labels}
        return frozenset(label for labels in v.node_labels.values() for label in labels) - excluded


def _prefetch(batches: Iterator, depth: int = 2) -> Iterator:
    """Build the next batches in a thread while the current one is written (the driver waits on the
    network with the GIL released). Errors in the producer surface in the consumer."""
    import queue
    import threading

    items: queue.Queue = queue.Queue(maxsize=depth)
    done = object()
    stop = threading.Event()

    def produce():
        try:
            for batch in batches:
                if stop.is_set():
                    return
                items.put(batch)
            items.put(done)
        except BaseException as err:  # noqa: BLE001 - handed to the consumer
            items.put(err)

    thread = threading.Thread(target=produce, name="kg-sync-reader", daemon=True)
    thread.start()
    try:
        while (item := items.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while thread.is_alive():          # unblock a producer waiting on a full queue
            try:
                items.get_nowait()
            except queue.Empty:
                pass
            thread.join(0.05)


def sync_store(store: Store, settings: Settings, progress: Progress | None = None, **options) -> SyncReport:
    """Sync the store into the configured Neo4j. Raises BackendError with one clear line on any failure."""
    retry = options.pop("retry_seconds", 15.0)
    driver = connect(settings, retry_seconds=retry)
    try:
        with _errors(driver, settings.neo4j_password):
            return Neo4jSync(driver, **options).sync(store, progress)
    finally:
        driver.close()
