"""The embedded store: pyoxigraph (Oxigraph on RocksDB) in a directory, one named graph per document.

Why pyoxigraph directly: it bulk-loads about 10x faster than rdflib's memory store at a quarter of
the memory, answers SPARQL 10-65x faster, and persists with transactions. rdflib stays the tool
for the ontology, SHACL and serialisation, on graphs small enough for it.

Writers and readers are separated by a lock file: one writer at a time (exclusive), readers share.
Oxigraph's read-only mode is undefined while another process writes, so a reader that finds a
writer at work gets a clear "store busy" error instead of a corrupted view.

New documents are written in bulk (`DocumentWriter`): their quads go in with Oxigraph's bulk loader, which
is several times faster than its transactional writes but not atomic, and each document's marker (`<doc> a
kg:Document` in its graph, what `documents()` and `kg stats` count) goes in afterwards, in one transaction.
Before that, the writer lists the batch's graphs in a journal (`pending` in the kg home), and the journal stays
until the entities graph has been brought up to date. A process killed mid-way leaves the journal: whoever opens the
store next (reader or writer) first drops each listed graph that has no marker, which is all a half-written
document can be, and rebuilds the entities graph. A changed document is replaced in one transaction.

The entities graph is derived from the document graphs (`rebuild_entities_graph`, two aggregates over the whole
store). A load keeps it up to date for the entities its writes touched only (`update_entities_graph`): the new
documents' contributions are counted from their quads as they are written, and only entities that other
documents also name are recounted in the store; the result equals a rebuild (tests/test_entities_graph.py).
"""

from __future__ import annotations

import fcntl
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import StoreError
from .terms import ENTITIES_GRAPH, KG

PREFIXES = {
    "kg": str(KG._NS),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
}


@dataclass(frozen=True)
class StoredDocument:
    iri: str
    doc_id: str
    content_hash: str
    source_path: str


class Store:
    """A kg home directory's RDF store. Open it with `Store.open(home, write=...)` as a context manager."""

    def __init__(self, home: Path, oxigraph: ox.Store, lock_handle):
        self.home = home
        self._ox = oxigraph
        self._lock = lock_handle
        self._journalled = False
        self._changes = _EntityChanges()    # what this session's writes did to the entities (update_entities_graph)

    # ------------------------------------------------------------------ opening

    @classmethod
    @contextmanager
    def open(cls, home: str | Path, write: bool = False) -> Iterator[Store]:
        home = Path(home)
        data = home / "oxigraph"
        if not write and not data.exists():
            raise StoreError(f"no knowledge graph at {home} yet: run `kg load PATH` first")
        try:
            home.mkdir(parents=True, exist_ok=True)
            lock = open(home / "lock", "a+")
        except OSError as err:
            raise StoreError(f"cannot use {home} as the kg home ({err.strerror or err})") from None
        try:
            _take_lock(lock, write, home)
            if (home / JOURNAL).exists() and not write:
                _repair_for_reader(cls, lock, home, data)
            try:
                oxigraph = ox.Store(str(data)) if write else ox.Store.read_only(str(data))
            except OSError as err:
                raise StoreError(f"cannot open the store at {data}: {err}") from None
            store = cls(home, oxigraph, lock)
            if write and (home / JOURNAL).exists():
                store.repair()
            try:
                yield store
            finally:
                if write:
                    oxigraph.flush()
                del store._ox, oxigraph
        finally:
            lock.close()

    # ------------------------------------------------------------------ documents

    def documents(self) -> dict[str, StoredDocument]:
        """Every loaded document by IRI."""
        rows = self.select("""
            SELECT ?doc ?id ?hash ?path WHERE { GRAPH ?doc {
                ?doc a kg:Document ; kg:docId ?id ; kg:contentHash ?hash ; kg:sourcePath ?path } }""")
        return {r["doc"]: StoredDocument(r["doc"], r["id"], r["hash"], r["path"]) for r in rows}

    def put_document(self, graph: str, quads: list[ox.Quad], replace: bool) -> None:
        """Write one document's graph in one transaction: a new graph is inserted whole; a changed
        one is dropped and re-inserted by a single SPARQL update, so readers never see half of it."""
        self._journal()
        if replace:
            self._changes.touch(self._entities_in_graph(ox.NamedNode(graph)))
        self._changes.touch(_entities_in(quads))
        try:
            if not replace:
                self._ox.extend(quads)
                return
            body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
            self._ox.update(f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}")
        except OSError as err:
            raise StoreError(f"could not write {graph}: {err}") from None

    def put_new_documents(self, documents: list[tuple[str, list[ox.Quad]]]) -> None:
        """Write documents whose graphs are not in the store yet, together and fast: the journal lists their
        graphs, then every quad but the markers goes in through the bulk loader, then the markers, in one
        transaction. Until its marker is in, a graph is not a document: `documents()` does not list it, and
        the next open drops it if the process died (see the module doc)."""
        if not documents:
            return
        body, markers, written = [], [], []
        for graph, quads in documents:
            at = _marker_index(graph, quads)
            if at is None:                      # not a kg document graph: one transaction, as put_document
                self.put_document(graph, quads, replace=False)
                continue
            markers.append(quads[at])
            body += quads[:at]
            body += quads[at + 1:]
            written.append((graph, quads))
        if not markers:
            return
        self._journal([m.graph_name.value for m in markers])
        try:
            self._ox.bulk_extend(body)
            self._ox.extend(markers)
        except OSError as err:
            raise StoreError(f"could not write {len(markers)} documents: {err}") from None
        for graph, quads in written:            # once in the store: a failed write leaves the journal's rebuild
            self._changes.count(graph, quads)

    def _journal(self, graphs: list[str] = ()) -> None:
        """Note, before writing, that the entities graph is out of date and which new graphs are being written."""
        path = self.home / JOURNAL
        if not graphs and self._journalled:
            return
        try:
            with path.open("a", encoding="utf-8") as journal:
                if graphs:
                    journal.write("".join(g + "\n" for g in graphs))
                journal.flush()
                os.fsync(journal.fileno())
        except OSError as err:
            raise StoreError(f"cannot write {path}: {err.strerror or err}") from None
        self._journalled = True

    def repair(self) -> int:
        """After a write that did not finish (the journal is there): drop each journalled graph without its
        marker, rebuild the entities graph, remove the journal. Returns how many graphs were dropped."""
        path = self.home / JOURNAL
        if not path.exists():
            return 0
        dropped = 0
        for graph in dict.fromkeys(path.read_text(encoding="utf-8").split()):
            node = ox.NamedNode(graph)
            marked = next(iter(self._ox.quads_for_pattern(node, RDF_TYPE, KG_DOCUMENT, node)), None)
            if marked is None and self._ox.contains_named_graph(node):
                self._ox.remove_graph(node)
                dropped += 1
        self.rebuild_entities_graph()
        return dropped

    def remove_document(self, graph: str) -> None:
        self._journal()
        self._changes.touch(self._entities_in_graph(ox.NamedNode(graph)))
        self._ox.update(f"DROP SILENT GRAPH <{ox.NamedNode(graph).value}>")

    def _entities_in_graph(self, graph: ox.NamedNode) -> set[ox.NamedNode]:
        """The entities a stored graph says something about in the entities graph's terms (mentioned, aliased)."""
        return {q.subject for predicate in (MENTIONED_IN, ALIAS)
                for q in self._ox.quads_for_pattern(None, predicate, None, graph)}

    def rebuild_entities_graph(self) -> int:
        """The resolved-entities graph: one node per entity with its most used label, every alias and
        type seen in any document. Derived from the document graphs, so it is rebuilt, never edited.

        The solutions stream from the store (one per entity, type and label, not per document) and only
        what the graph holds is kept: memory grows with the entities, not with the documents."""
        entities = _EntityRows()
        for row in self.query(_ENTITY_LABELS):
            entities.add_label(row["e"], row["type"], row["label"].value, int(row["docs"].value))
        for row in self.query(_ENTITY_ALIASES):
            entities.add_alias(row["e"], row["alias"].value)
        if self._ox.contains_named_graph(ENTITIES):
            self._ox.remove_graph(ENTITIES)
        self._ox.extend(entities.quads())
        self._done_with_entities()
        return len(entities.labels)

    def update_entities_graph(self) -> int:
        """Bring the entities graph up to date after this session's writes, equal to `rebuild_entities_graph()`
        but for the entities the writes touched only. An entity new to the store (no row in the entities graph,
        so in no other document) gets its rows from the quads of the new documents, counted as they were written;
        an entity already there, or in a replaced or removed document, gets them from the store, by the rebuild's
        queries bound to its IRI. Only those entities' rows are replaced. Writes it cannot follow (`add_quads`)
        make it rebuild. Returns how many entities' rows it wrote."""
        changes, self._changes = self._changes, _EntityChanges()
        if changes.unknown:
            return self.rebuild_entities_graph()
        touched = set(changes.touched)
        for entity in changes.new_entities():
            if entity not in touched and next(iter(self._ox.quads_for_pattern(entity, None, None, ENTITIES)), None):
                touched.add(entity)             # known before this session: other documents count too
        entities = changes.rows(excluding=touched)
        ordered = sorted(touched, key=lambda node: node.value)
        for start in range(0, len(ordered), _VALUES_CHUNK):
            chunk = {"e": ordered[start:start + _VALUES_CHUNK]}
            for row in self.query(_ENTITY_LABELS, chunk):
                entities.add_label(row["e"], row["type"], row["label"].value, int(row["docs"].value))
            for row in self.query(_ENTITY_ALIASES, chunk):
                entities.add_alias(row["e"], row["alias"].value)
        stale = [q for e in ordered for q in self._ox.quads_for_pattern(e, None, None, ENTITIES)]
        try:
            if stale:       # the store's own terms, in their N-Triples syntax
                self._ox.update("DELETE DATA { GRAPH %s {\n%s\n} }" % (
                    ENTITIES, "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in stale)))
            self._ox.extend(entities.quads())
        except OSError as err:
            raise StoreError(f"could not update the entities graph: {err}") from None
        self._done_with_entities()
        return len(touched) + len(changes.new_entities() - touched)

    def _done_with_entities(self) -> None:
        self._ox.flush()
        (self.home / JOURNAL).unlink(missing_ok=True)   # the store is whole again: nothing to repair
        self._journalled = False
        self._changes = _EntityChanges()

    # ------------------------------------------------------------------ reading

    def query(self, sparql: str, bindings: dict[str, Binding] | None = None, union=True):
        """Run SPARQL with variables bound to terms, never pasted into the text as strings: each binding is a
        VALUES block at the start of the outer WHERE group (`bind`), where the engine can start from it, and
        a single term is also given to pyoxigraph as a substitution, which reaches the FILTERs of nested
        groups (`GRAPH g { ... FILTER(?x = ?name) }`) that a join with VALUES does not; pyoxigraph 0.5
        substitutes only variables of the SELECT clause, so a variable bound to one term is projected. A
        list of terms is bound by VALUES alone."""
        text = bind(sparql, bindings)      # checks the names and values first
        substitutions = {ox.Variable(k): v for k, v in (bindings or {}).items()
                         if isinstance(v, (ox.NamedNode, ox.Literal))}
        try:
            return self._ox.query(text, prefixes=PREFIXES, use_default_graph_as_union=union,
                                  substitutions=substitutions or None)
        except SyntaxError as err:
            raise StoreError(f"bad SPARQL: {err}") from None

    def select(self, sparql: str, bindings=None, union=True) -> list[dict[str, object]]:
        """SELECT rows as dicts of plain Python values (IRIs and literals as strings, numbers as numbers)."""
        solutions = self.query(sparql, bindings, union)
        names = [v.value for v in solutions.variables]
        return [{name: plain(solution[name]) for name in names} for solution in solutions]

    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        return self._ox.quads_for_pattern(None, None, None, ox.NamedNode(graph) if graph else None)

    def dump(self, output, fmt: ox.RdfFormat, from_graph=None) -> None:
        self._ox.dump(output, format=fmt, from_graph=from_graph, prefixes=PREFIXES)

    def __len__(self) -> int:
        return len(self._ox)

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Write quads as given, in one transaction, bypassing extraction and mapping: for repairs and for
        tests that need a store with a known fault. Loading goes through DocumentWriter."""
        self._changes.unknown = True        # the entities graph cannot follow: update_entities_graph rebuilds
        try:
            self._ox.extend(quads)
        except OSError as err:
            raise StoreError(f"could not write to {self.home}: {err}") from None


class DocumentWriter:
    """Gathers new documents and writes them `batch_quads` quads at a time with `put_new_documents`; a
    changed document (replace=True) is written at once, in its own transaction. Use it as a context
    manager, or call `flush()` at the end. `on_written(store, graphs)` is told of every document once it
    is in the store (at each flush): kg.neo4j_sync.LoadSync follows a load so."""

    def __init__(self, store: Store, batch_quads: int | None = None,
                 on_written: Callable[[Store, list[str]], None] | None = None):
        self.store = store
        self.batch_quads = WRITE_BATCH_QUADS if batch_quads is None else batch_quads
        self.on_written = on_written
        self._pending: list[tuple[str, list[ox.Quad]]] = []
        self._size = 0
        self._written: list[str] = []

    def put(self, graph: str, quads: list[ox.Quad], replace: bool) -> None:
        if replace:
            self.store.put_document(graph, quads, replace=True)
            self._written.append(graph)
            return
        self._pending.append((graph, quads))
        self._size += len(quads)
        if self._size >= self.batch_quads:
            self.flush()

    def flush(self) -> None:
        pending, self._pending, self._size = self._pending, [], 0
        self.store.put_new_documents(pending)
        written, self._written = self._written + [graph for graph, _ in pending], []
        if self.on_written and written:
            self.on_written(self.store, written)

    def __enter__(self) -> DocumentWriter:
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None or (issubclass(kind, Exception) and not issubclass(kind, StoreError)):
            self.flush()    # documents mapped before an error are written, as when each was written at once


# About 300 BBC articles: fewer, bigger bulk writes are faster (each writes and ingests new files) up to
# about this size, and a killed load loses at most this much work.
WRITE_BATCH_QUADS = 20_000
JOURNAL = "pending"
RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
KG_DOCUMENT = ox.NamedNode(str(KG.Document))


ENTITIES = ox.NamedNode(str(ENTITIES_GRAPH))
MENTIONED_IN = ox.NamedNode(str(KG.mentionedIn))
ALIAS = ox.NamedNode(str(KG.alias))
RDFS_LABEL = ox.NamedNode(PREFIXES["rdfs"] + "label")
# An entity's (type, label) pairs, with how many documents give each: mentionedIn first, so Oxigraph joins
# the entity's type and label per document (faster than starting from every typed node).
_ENTITY_LABELS = """
    SELECT ?e ?type ?label (COUNT(DISTINCT ?doc) AS ?docs) WHERE {
      GRAPH ?doc { ?e kg:mentionedIn ?doc . ?e a ?type . ?e rdfs:label ?label } }
    GROUP BY ?e ?type ?label"""
# Not from the entities graph itself: its aliases are derived ones, and a removed document's would stay.
_ENTITY_ALIASES = f"SELECT DISTINCT ?e ?alias WHERE {{ GRAPH ?doc {{ ?e kg:alias ?alias }} FILTER(?doc != {ENTITIES}) }}"
_VALUES_CHUNK = 500


class _EntityRows:
    """The entities graph's rows, from (entity, type, label, documents) and (entity, alias) solutions: each
    entity's types, its label (given by the most documents, then the shortest, then the greatest), and every
    other label and alias as kg:alias."""

    def __init__(self):
        self.types: dict[ox.NamedNode, set] = {}
        self.names: dict[ox.NamedNode, dict[str, int]] = {}     # every label of an entity, with its best count
        self.aliases: dict[ox.NamedNode, set[str]] = {}
        self._labels: dict[ox.NamedNode, str] | None = None

    def add_label(self, entity: ox.NamedNode, kind, label: str, documents: int) -> None:
        self.types.setdefault(entity, set()).add(kind)
        counts = self.names.setdefault(entity, {})
        counts[label] = max(documents, counts.get(label, 0))

    def add_alias(self, entity: ox.NamedNode, alias: str) -> None:
        self.aliases.setdefault(entity, set()).add(alias)

    @property
    def labels(self) -> dict[ox.NamedNode, str]:
        if self._labels is None:
            self._labels = {e: max(counts, key=lambda label: (counts[label], -len(label), label))
                            for e, counts in self.names.items()}
        return self._labels

    def quads(self) -> Iterator[ox.Quad]:
        labels = self.labels
        for e, kinds in self.types.items():
            for kind in kinds:
                yield ox.Quad(e, RDF_TYPE, kind, ENTITIES)
            yield ox.Quad(e, RDFS_LABEL, ox.Literal(labels[e]), ENTITIES)
        for e in self.names.keys() | self.aliases.keys():
            for name in self.names.get(e, {}).keys() | self.aliases.get(e, set()):
                if name != labels.get(e):
                    yield ox.Quad(e, ALIAS, ox.Literal(name), ENTITIES)


class _EntityChanges:
    """What a session's writes did to the entities: the new documents' (entity, type, label) document counts
    and aliases, read from their quads as they are written (what the entities graph's queries would count in
    those graphs), and the entities of replaced and removed documents, which only the store can recount."""

    def __init__(self):
        self.counts: dict[ox.NamedNode, dict[tuple, int]] = {}   # entity -> (type, label term) -> documents
        self.aliases: dict[ox.NamedNode, set[str]] = {}
        self.touched: set[ox.NamedNode] = set()
        self.unknown = False
        self._graphs: set[str] = set()

    def touch(self, entities) -> None:
        self.touched.update(entities)

    def count(self, graph: str, quads: list[ox.Quad]) -> None:
        """One new document's contribution, as `GRAPH ?doc { ?e kg:mentionedIn ?doc . ?e a ?type . ?e
        rdfs:label ?label }` and `GRAPH ?doc { ?e kg:alias ?alias }` find it in its graph."""
        node = ox.NamedNode(graph)
        if graph in self._graphs:               # the same graph twice: let the store count it
            self.touch(_entities_in(quads))
            return
        self._graphs.add(graph)
        mentioned, types, labels = set(), {}, {}
        for quad in quads:
            predicate = quad.predicate
            if predicate == RDF_TYPE:
                target = types
            elif predicate == RDFS_LABEL:
                target = labels
            elif predicate == MENTIONED_IN:
                if quad.object == node and quad.graph_name == node:
                    mentioned.add(quad.subject)
                continue
            elif predicate == ALIAS:
                if quad.graph_name != node:
                    self.unknown = True         # a quad outside its document's graph: rebuild
                self.aliases.setdefault(quad.subject, set()).add(quad.object.value)
                continue
            else:
                continue
            if quad.graph_name != node:
                self.unknown = True
            target.setdefault(quad.subject, set()).add(quad.object)
        for entity in mentioned:
            counts = self.counts.setdefault(entity, {})
            for kind in types.get(entity, ()):
                for label in labels.get(entity, ()):
                    counts[kind, label] = counts.get((kind, label), 0) + 1

    def new_entities(self) -> set[ox.NamedNode]:
        return self.counts.keys() | self.aliases.keys()

    def rows(self, excluding: set) -> _EntityRows:
        rows = _EntityRows()
        for entity, counts in self.counts.items():
            if entity not in excluding:
                for (kind, label), documents in counts.items():
                    rows.add_label(entity, kind, label.value, documents)
        for entity, aliases in self.aliases.items():
            if entity not in excluding:
                for alias in aliases:
                    rows.add_alias(entity, alias)
        return rows


def _entities_in(quads: Iterable[ox.Quad]) -> set[ox.NamedNode]:
    return {q.subject for q in quads if q.predicate == MENTIONED_IN or q.predicate == ALIAS}


def _marker_index(graph: str, quads: list[ox.Quad]) -> int | None:
    """Where a document's marker (`<graph> a kg:Document` in the graph) is in its quads (kg's mapping
    writes it first)."""
    node = ox.NamedNode(graph)
    for index, quad in enumerate(quads):
        if quad.predicate == RDF_TYPE and quad.object == KG_DOCUMENT and quad.subject == node \
                and quad.graph_name == node:
            return index
    return None


def _repair_for_reader(cls, lock, home: Path, data: Path) -> None:
    """A reader found the journal of a writer that died (no writer holds the lock, or this reader would
    not have it): it takes the writer's lock, repairs, and goes back to reading."""
    fcntl.flock(lock, fcntl.LOCK_UN)
    _take_lock(lock, True, home)
    try:
        if (home / JOURNAL).exists():
            try:
                oxigraph = ox.Store(str(data))
            except OSError as err:
                raise StoreError(f"cannot repair the store at {data} after an interrupted load: {err}") from None
            cls(home, oxigraph, lock).repair()
            oxigraph.flush()
            del oxigraph
    finally:
        fcntl.flock(lock, fcntl.LOCK_UN)
    _take_lock(lock, False, home)


WRITER_WAIT_SECONDS = 30.0


def _take_lock(lock, write: bool, home: Path) -> None:
    """Readers never wait: a reader meeting a writer is told the store is busy. A writer waits a
    little for readers (queries take milliseconds) before it gives up."""
    deadline = time.monotonic() + (WRITER_WAIT_SECONDS if write else 0.0)
    while True:
        try:
            fcntl.flock(lock, (fcntl.LOCK_EX if write else fcntl.LOCK_SH) | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise StoreError(f"store busy: another kg process is {'using' if write else 'writing to'} "
                                 f"{home}; try again when it has finished") from None
            time.sleep(0.05)


_NUMERIC = {"http://www.w3.org/2001/XMLSchema#" + t: kind for t, kind in (
    ("integer", int), ("int", int), ("long", int), ("decimal", float), ("double", float), ("float", float))}


def plain(term):
    """An Oxigraph term as the Python value a user expects in a row."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        kind = _NUMERIC.get(term.datatype.value)
        if kind is not None:
            try:
                value = kind(term.value)
                return int(value) if kind is float and value.is_integer() and "." not in term.value else value
            except ValueError:
                return term.value
        return term.value
    return term.value


def default_home() -> Path:
    return Path(os.environ.get("KG_HOME") or ".kg")


# ---------------------------------------------------------------------------------------------- bindings

_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# What can hide a brace or the word WHERE from the scan: comments, strings (long ones first), IRIs; then
# variables and names, taken whole so that ?where or kg:where is not the keyword.
_TOKEN = re.compile(r'''#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
                    r'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\x00-\x20]*>'''
                    r'''|[?$][A-Za-z0-9_]+|[A-Za-z_][\w.-]*:?[\w.:%-]*|[{}()]''')


Binding = ox.NamedNode | ox.Literal | list | tuple


def bind(sparql: str, bindings: dict[str, Binding] | None) -> str:
    """`sparql` with each bound variable given its value (a term, or a list of terms: any of them) in a
    VALUES block at the start of the query's outer WHERE group, so the engine can start from the bound
    terms (pyoxigraph 0.5's `substitutions` alone leaves the plan of the unbound query: a bound entity
    does not stop it from scanning the graph).

    Values are pyoxigraph terms, written in their own N-Triples syntax (`str(term)`: quotes, backslashes
    and line breaks escaped; an IRI with a space, brace or `>` cannot be built), and variable names are
    checked: nothing of a caller's string can end the VALUES block. The block is the outer group's first
    element: it joins with that group, and the group's FILTERs, OPTIONALs and aggregates see the variable
    bound. Nested groups' FILTERs and sub-selects do not (SPARQL scoping): `Store.query` also passes a
    single term as a substitution for them."""
    if not bindings:
        return sparql
    rows = []
    for name, value in bindings.items():
        if not isinstance(name, str) or not _VARIABLE.fullmatch(name):
            raise StoreError(f"cannot bind {name!r}: not a SPARQL variable name")
        values = list(value) if isinstance(value, (list, tuple)) else [value]
        for term in values:
            if not isinstance(term, (ox.NamedNode, ox.Literal)):
                raise StoreError(f"cannot bind ?{name} to {term!r}: a value is a pyoxigraph NamedNode or Literal")
        rows.append(f"VALUES ?{name} {{ {' '.join(map(str, values))} }}")
    at = _where_group(sparql)
    if at is None:
        raise StoreError("bad SPARQL: cannot bind variables in a query without a WHERE group")
    return f"{sparql[:at]} {' '.join(rows)}\n{sparql[at:]}"


def _where_group(sparql: str) -> int | None:
    """The offset just after the `{` that opens the query's outer WHERE group: the first `{` after a
    top-level WHERE keyword, or (SELECT/ASK/DESCRIBE without the keyword) the first top-level `{`."""
    depth, first_brace, after_where = 0, None, False
    for token in _TOKEN.finditer(sparql):
        text = token.group()
        if text in "()":
            depth += 1 if text == "(" else -1
        elif text == "{":
            if after_where:
                return token.end()
            if depth == 0 and first_brace is None:
                first_brace = token.end()
            depth += 1
        elif text == "}":
            depth -= 1
        elif depth == 0 and text.upper() == "WHERE":
            after_where = True
    return first_brace
