"""RDF -> property graph: the rules, derived from ontology/kg.ttl rather than listed per class, and the rows
they make of a document's named graph. `kg.neo4j_sync` writes the rows; nothing here talks to Neo4j.

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

Entities (nodes with `kg:mentionedIn`) are shared by documents; their name, aliases and labels come from the
store's resolved-entities graph. Everything else belongs to one document: every relationship carries `doc`
(the document's docId), claims and events carry `doc` too. `expected_counts` says, from the store alone
and by SPARQL, how many nodes and relationships of each kind Neo4j should hold after a sync.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from .errors import BackendError
from .ontology import ONTOLOGY_FILE, read
from .store import Store
from .terms import DCT, ENTITIES_GRAPH, KG, SCHEMA

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
    key_domains: dict[str, frozenset[str]]    # property key -> the rdfs:domain classes of its term (empty: any)

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

    def of_types(self, types: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
        """What a subject with these rdf:types is (reified, folded, node or None) and its node labels, sorted;
        cached, as a few combinations of types recur in every document."""
        found = self._of_types.get(types)
        if found is None:
            kind = ("reified" if any(t in self.reified for t in types) else
                    "folded" if any(t in self.folded for t in types) else
                    "node" if any(t in self.node_labels for t in types) else None)
            found = self._of_types[types] = (kind, tuple(sorted({label for t in types
                                                                   for label in self.node_labels.get(t, ())})))
        return found

    @functools.cached_property
    def _of_types(self) -> dict:
        return {}


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
    key_domains: dict[str, frozenset[str]] = {}
    for p in (*literal_properties, *_FOREIGN_LITERALS):
        domains = frozenset(str(d) for d in graph.objects(p, RDFS.domain)) if str(p).startswith(kg) else frozenset()
        key_domains[properties[str(p)]] = key_domains.get(properties[str(p)], frozenset()) | domains
    return Vocabulary(node_labels, class_names, rel_types, properties, frozenset(map(str, reified)),
                      frozenset(map(str, folded)), str(KG.evidence), str(KG.inDocument), evidence_keys, fact_keys,
                      key_domains)


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
    # str(quad.triple) is "<s> <p> <o>" in N-Triples, as f"{s} {p} {o}" would be, in one call instead of four
    lines = sorted(str(q.triple) for q in quads)
    if lines:
        digest.update("\n".join(lines).encode("utf-8"))
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
    return list(vocab.of_types(tuple(types))[1])


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

    kinds, labels_of = {}, {}
    for s, subject in subjects.items():
        kinds[s], labels_of[s] = vocab.of_types(tuple(subject.types))

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
            labels = list(labels_of[s])
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
