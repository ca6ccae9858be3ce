"""`kg sync`: the RDF store into Neo4j, one document at a time, idempotent.

The mapping (labels, relationship types, properties, evidence) is kg.neo4j_mapping's. Here: the writing.
A document is synced in one transaction (several documents may share one), and its Document node keeps
`syncHash`, a hash of its named graph: a sync compares those with the store's graphs, removes what the
store no longer has, replaces what changed, skips the rest. An interrupted sync leaves every document
either synced or untouched, so running it again converges; a second sync writes nothing.

Shared entity nodes are MERGEd by `iri`. Removing a document deletes its claims and events, the
relationships carrying its `doc`, its Document node, then the entity nodes left without any relationship.
Driver errors become one BackendError line that names the server and never the password.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .config import Settings
from .errors import BackendError
from .neo4j_mapping import BASE_LABEL, DocumentRows, document_rows, entity_rows, graph_hash, vocabulary
from .store import Store
from .terms import KG

_RS, _US = "\x1e", "\x1f"   # record and unit separators of the packed relationship strings

SCHEMA_STATEMENTS = (
    f"CREATE CONSTRAINT kg_resource_iri IF NOT EXISTS FOR (n:{BASE_LABEL}) REQUIRE n.iri IS UNIQUE",
    "CREATE CONSTRAINT kg_document_doc_id IF NOT EXISTS FOR (n:Document) REQUIRE n.docId IS UNIQUE",
    f"CREATE INDEX kg_resource_doc IF NOT EXISTS FOR (n:{BASE_LABEL}) ON (n.doc)",
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
        # and `name` indexes for lookups by exact name in the Browser, one per entity label (the ontology's)
        names = [f"CREATE INDEX kg_{label.lower()}_name IF NOT EXISTS FOR (n:{self.vocab.label(label)}) ON (n.name)"
                 for label in sorted(self.entity_labels)]
        with self.driver.session(database=self.database) as session:
            for statement in (*SCHEMA_STATEMENTS, *names):
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

            batches = _prefetch(self._batches(store, pending))
            try:
                for batch in batches:
                    replaced = [rows.doc_id for rows in batch if rows.iri in in_neo4j]
                    self._write(replaced, batch, entities, report)
                    report.replaced += len(replaced)
                    report.synced += len(batch) - len(replaced)
                    report.synced_documents += [rows.doc_id for rows in batch]
                    done += len(batch)
                    if progress:
                        progress(done, total)
            finally:
                batches.close()   # stops the reader thread before the store can be closed
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
