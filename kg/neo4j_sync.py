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
import queue
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .config import Settings
from .errors import BackendError
from .neo4j_mapping import BASE_LABEL, DocumentRows, document_rows, entity_rows, graph_hash, vocabulary
from .store import Store
from .terms import KG

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
        self._stale: set[str] = set()

    # -------------------------------------------------------------- state

    def ensure_schema(self, report: SyncReport) -> None:
        # and `name` indexes for lookups by exact name in the Browser, one per entity label (the ontology's)
        names = [f"CREATE INDEX kg_{label.lower()}_name IF NOT EXISTS FOR (n:{self.vocab.label(label)}) ON (n.name)"
                 for label in sorted(self.entity_labels)]
        with self.driver.session(database=self.database) as session:
            for statement in (*SCHEMA_STATEMENTS, *names):
                report.add(session.run(statement).consume())
            session.run("CALL db.awaitIndexes(300)").consume()

    def synced_documents(self, iris: list[str] | None = None) -> dict[str, tuple[str, str]]:
        """iri -> (docId, syncHash) of every document a sync has written (of those given)."""
        with self.driver.session(database=self.database) as session:
            if iris is not None:
                result = session.run(f"UNWIND $iris AS iri MATCH (d:{BASE_LABEL}:Document {{iri: iri}}) "
                                     "WHERE d.syncHash IS NOT NULL "
                                     "RETURN d.iri AS iri, d.docId AS doc, d.syncHash AS hash", iris=iris)
            else:
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
            in_neo4j = self.synced_documents()
            in_store = sorted(store.documents())
            removed = [(iri, doc) for iri, (doc, _) in sorted(in_neo4j.items()) if iri not in set(in_store)]
            # reading the store overlaps the schema check and the writes: the entity rows are read in a thread
            # as soon as there is something to write (new or removed documents: known now; changed ones:
            # once hashed), the documents' rows by another, a few transactions ahead of the writes
            entities = _Background(self._entity_rows, store) if removed or len(in_neo4j) < len(in_store) else None
            try:
                # a document Neo4j has is re-read only if its graph changed; new ones are read once, below
                pending = [iri for iri in in_store
                           if iri not in in_neo4j or graph_hash(store.quads(iri)) != in_neo4j[iri][1]]
                report.unchanged = len(in_store) - len(pending)
                total = len(removed) + len(pending)
                if entities is None and total:
                    entities = _Background(self._entity_rows, store)
                with _Prefetch(self._batches(store, pending)) as batches:
                    self.ensure_schema(report)
                    self._written: set[str] = set()   # entities MERGEd by a committed transaction of this sync
                    resolved = entities.result() if entities else {}
                    done = 0
                    for start in range(0, len(removed), self.docs_per_transaction):
                        batch = removed[start:start + self.docs_per_transaction]
                        self._write([doc for _, doc in batch], [], resolved, report)
                        report.removed += len(batch)
                        report.removed_documents += [doc for _, doc in batch]
                        done += len(batch)
                        if progress:
                            progress(done, total)
                    self._write_batches(batches, in_neo4j, resolved, report, progress, done, total)
            finally:
                if entities is not None:
                    entities.join()   # never left reading a store the caller may close
            report.nodes, report.relationships = self.totals()
        report.seconds = time.perf_counter() - started
        return report

    def write_documents(self, store: Store, iris: list[str], report: SyncReport) -> None:
        """Sync these documents of the store now, new or changed (unchanged ones are skipped), while a load
        is still writing others: their shared entities as their own graphs have them, since the entities graph
        is rebuilt only at the end of the load; `refresh_entities` then gives those the resolved view."""
        in_neo4j = self.synced_documents(iris)
        pending = [iri for iri in iris if iri not in in_neo4j or graph_hash(store.quads(iri)) != in_neo4j[iri][1]]
        self._write_pending(store, pending, in_neo4j, None, report)

    def refresh_entities(self, store: Store, report: SyncReport, per_transaction: int = 5000) -> None:
        """Give every entity written by `write_documents` (or left by a replaced document) the labels and
        properties of the store's entities graph, as a full sync writes them."""
        stale, self._stale = sorted(self._stale), set()
        entities = self._entity_rows(store) if stale else {}
        resolved = [iri for iri in stale if iri in entities]
        for start in range(0, len(resolved), per_transaction):
            columns = self._entity_columns({iri: entities[iri] for iri in resolved[start:start + per_transaction]})
            query = self._entity_statement("MATCH", tuple(columns["props"]))
            with self.driver.session(database=self.database) as session:
                summary = session.execute_write(lambda tx, q=query, c=columns: tx.run(
                    q, entities=c, entityLabels=sorted(self.entity_labels)).consume())
            report.add(summary)

    def _write_pending(self, store: Store, pending: list[str], in_neo4j: dict, entities: dict | None,
                       report: SyncReport) -> None:
        with _Prefetch(self._batches(store, pending)) as batches:
            self._write_batches(batches, in_neo4j, entities, report)

    def _write_batches(self, batches: Iterator[list[DocumentRows]], in_neo4j: dict, entities: dict | None,
                       report: SyncReport, progress: Progress | None = None, done: int = 0, total: int = 0) -> None:
        for batch in batches:
            replaced = [rows.doc_id for rows in batch if rows.iri in in_neo4j]
            self._write(replaced, batch, entities, report)
            report.replaced += len(replaced)
            report.synced += len(batch) - len(replaced)
            report.synced_documents += [rows.doc_id for rows in batch]
            done += len(batch)
            if progress:
                progress(done, total)

    def _document_rows(self, store: Store, iri: str) -> DocumentRows:
        return document_rows(store, iri, self.vocab)

    def _entity_rows(self, store: Store) -> dict[str, dict]:
        return entity_rows(store, self.vocab)

    def _batches(self, store: Store, iris: list[str]) -> Iterator[list[DocumentRows]]:
        batch, size = [], 0
        for iri in iris:
            rows = self._document_rows(store, iri)
            if batch and (len(batch) >= self.docs_per_transaction or size + rows.size > self.rows_per_transaction):
                yield batch
                batch, size = [], 0
            batch.append(rows)
            size += rows.size
        if batch:
            yield batch

    def _write(self, removals: list[str], documents: list[DocumentRows], entities: dict[str, dict] | None,
               report: SyncReport) -> None:
        """One transaction: remove the old versions, write the new ones, tidy the shared entities.
        The driver retries it on transient errors (it is rebuilt from its arguments each time).
        `entities` None: no resolved view yet (during a load); the entities written or left are `_stale`.

        New versions go in one statement (`_write_statement`): one round trip for documents, entities,
        claims, events and relationships, where each would otherwise wait for the previous one's answer."""
        summaries, left = [], []
        stale = entities is None
        entities = entities or {}
        # an entity missing from the entities graph (a load cut off before its rebuild) keeps its graph's view;
        # one written by an earlier transaction of this sync is already as the entities graph says
        resolved = {iri: entities.get(iri, own) for rows in documents for iri, own in rows.entities.items()}
        fresh = {iri: entity for iri, entity in resolved.items() if iri not in self._written}
        params = self._write_params(documents, fresh) if documents else None

        def work(tx):
            summaries.clear()

            def run(query: str, **params):
                result = tx.run(query, **params)
                records = list(result)
                summaries.append(result.consume())
                return records

            touched = self._remove(run, removals) if removals else set()
            if params is not None:
                run(self._write_statement(tuple(params["entities"]["props"])), **params)
            survivors = sorted(touched - set(resolved))
            left[:] = survivors
            if survivors:
                # entity nodes left without any relationship belong to no document any more
                run(f"UNWIND $iris AS iri MATCH (n:{BASE_LABEL} {{iri: iri}}) WHERE NOT (n)--() DELETE n",
                    iris=survivors)
                # the others may have lost an alias, a label or their preferred name with this document
                refresh = {iri: entities[iri] for iri in survivors if iri in entities}
                if refresh:
                    columns = self._entity_columns(refresh)
                    run(self._entity_statement("MATCH", tuple(columns["props"])), entities=columns,
                        entityLabels=sorted(self.entity_labels))

        with self.driver.session(database=self.database) as session:
            session.execute_write(work)
        self._written |= set(fresh)
        if stale:
            self._stale |= set(fresh) | set(left)
        for summary in summaries:
            report.add(summary)

    @functools.lru_cache(maxsize=16)  # noqa: B019 - a few texts per Neo4jSync, which lives for one sync
    def _write_statement(self, entity_keys: tuple[str, ...]) -> str:
        """Documents, shared entities, claims and events, then relationships, as unit subqueries of one
        statement. Its text depends on the ontology only, not on the data (unless an entity has a property
        outside `entity_keys`), so Neo4j plans it once and reuses the plan; all data, labels and relationship
        types included, are parameters. Relationships are CREATEd: a document's were deleted (in this
        transaction) or never existed, and the transaction is all or nothing, so each is created once.
        Their keys are named (from the vocabulary, checked) rather than `SET r += map`, which would make the
        planner materialise every row for a possible conflict."""
        keys = ", ".join(f"{self.vocab.key(k)}: $facts.{k}[i]" for k in self.vocab.fact_keys if k != "doc")
        return f"""
            CALL () {{
              UNWIND $documents AS row
              MERGE (d:{BASE_LABEL} {{iri: row.iri}}) SET d:Document, d += row.props }}
            CALL () {{ {self._entity_statement("MERGE", entity_keys)} }}
            CALL () {{
              UNWIND $nodes AS row
              MERGE (n:{BASE_LABEL} {{iri: row.iri}}) SET n:$(row.labels), n += row.props }}
            CALL () {{
              UNWIND range(0, size($facts.s) - 1) AS i
              MATCH (s:{BASE_LABEL} {{iri: $facts.s[i]}}) MATCH (o:{BASE_LABEL} {{iri: $facts.o[i]}})
              CREATE (s)-[:$($facts.type[i]) {{doc: $facts.doc[i], {keys}}}]->(o) }}
            CALL () {{
              UNWIND range(0, size($plain.s) - 1) AS i
              MATCH (s:{BASE_LABEL} {{iri: $plain.s[i]}}) MATCH (o:{BASE_LABEL} {{iri: $plain.o[i]}})
              CREATE (s)-[:$($plain.type[i]) {{doc: $plain.doc[i]}}]->(o) }}"""

    def _write_params(self, documents: list[DocumentRows], fresh: dict[str, dict]) -> dict:
        """The statement's parameters, as columns where there are many rows (fewer values to pack)."""
        facts = {key: [] for key in ("s", "o", "type", *self.vocab.fact_keys)}
        plain = {"s": [], "o": [], "type": [], "doc": []}
        for rows in documents:
            for s, o, rel_type, props in rows.rels:
                self.vocab.rel_type(rel_type)
                if props:
                    for key in self.vocab.fact_keys:
                        facts[key].append(props.get(key))
                    facts["doc"][-1] = rows.doc_id
                    columns = facts
                else:
                    plain["doc"].append(rows.doc_id)
                    columns = plain
                columns["s"].append(s)
                columns["o"].append(o)
                columns["type"].append(rel_type)
        return {"documents": [{"iri": rows.iri, "props": {**rows.document, "syncHash": rows.sync_hash}}
                              for rows in documents],
                "entities": self._entity_columns(fresh), "entityLabels": sorted(self.entity_labels),
                "nodes": [self._checked(node) for rows in documents for node in rows.nodes],
                "facts": facts, "plain": plain}

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

    def _entity_columns(self, entities: dict[str, dict]) -> dict:
        """Shared entities as columns, one list per property (fewer values to pack than a map per row)."""
        iris = sorted(entities)
        labels = [self._checked({"labels": list(entities[iri]["labels"])})["labels"] for iri in iris]
        keys = [*self.entity_keys, *sorted({k for e in entities.values() for k in e["props"]} - set(self.entity_keys))]
        return {"iris": iris, "labels": labels,
                "props": {self.vocab.key(k): [entities[iri]["props"].get(k) for iri in iris] for k in keys}}

    def _entity_statement(self, verb: str, keys: tuple[str, ...]) -> str:
        """Write shared entity nodes with their resolved labels and properties: labels the entity no longer
        has are removed, properties it no longer has are set to null. MATCH only refreshes nodes that exist.
        The keys, named in the text (checked), are `entity_keys` and any other the entities have."""
        sets = "".join(f", n.{self.vocab.key(k)} = $entities.props.{k}[i]" for k in keys)
        return ("UNWIND range(0, size($entities.iris) - 1) AS i "
                f"{verb} (n:{BASE_LABEL} {{iri: $entities.iris[i]}}) "
                "REMOVE n:$([label IN $entityLabels WHERE NOT label IN $entities.labels[i]]) "
                f"SET n:$($entities.labels[i]){sets}")

    @functools.cached_property
    def entity_keys(self) -> tuple[str, ...]:
        """Properties an entity node can have: the kg terms with no rdfs:domain or an entity class as their
        domain (`countryCode` of a Market), and `name`, `aliases`. Not dct:title and the other terms of
        documents, which no entity has (a null would still count as a property set)."""
        v = self.vocab
        entity_classes = {c for c, labels in v.node_labels.items() if set(labels) <= self.entity_labels}
        own = {k for k, domains in v.key_domains.items() if domains & entity_classes or
               (not domains and k in {v.properties[p] for p in v.properties if p.startswith(str(KG._NS))})}
        return tuple(sorted(v.key(k) for k in own | {"name", "aliases"}))

    @functools.cached_property
    def entity_labels(self) -> frozenset[str]:
        """Labels an entity can have (kg.ttl leaves kg:mentionedIn's domain open): every node label but
        those of documents, claims and events, which are never entities."""
        v = self.vocab
        own = {str(KG.Document), str(KG.Claim), str(KG.MarketEvent)}
        excluded = {label for c in own for label in v.node_labels[c]}
        excluded |= {label for c, labels in v.node_labels.items() if "MarketEvent" in labels for label in labels}
        return frozenset(label for labels in v.node_labels.values() for label in labels) - excluded


class LoadSync:
    """Neo4j following a load (`kg load --sync`): the documents the load writes are synced as it writes them,
    a batch at a time (each shard of `--engine dask`, every 32 documents of the local engine), instead of
    after the whole load. Call it with (store, iris) after each batch; then, once the load has rebuilt the
    entities graph, `finish` syncs whatever else differs (documents pruned or missed) and gives every entity
    the batches wrote its resolved labels and properties: the graph is then a plain `kg sync`'s, node for node.

    A Neo4j error during the load stops the following, not the load (whose documents are in the store
    either way): `finish` raises it, and `kg sync` later converges."""

    def __init__(self, settings: Settings, **options):
        self.settings = settings
        self.report = SyncReport()
        self.batches = 0
        self.error: BackendError | None = None
        self._schema = False
        self.driver = self.neo4j = None
        try:
            self.driver = connect(settings, retry_seconds=options.pop("retry_seconds", 15.0))
        except BackendError as err:   # the load goes ahead; finish() reports it
            self.error = err
            return
        self.neo4j = Neo4jSync(self.driver, **options)

    def __call__(self, store: Store, iris: list[str]) -> None:
        if self.error is not None or not iris:
            return
        started = time.perf_counter()
        try:
            with _errors(self.driver, self.settings.neo4j_password):
                if not self._schema:
                    self.neo4j.ensure_schema(self.report)
                    self._schema = True
                self.neo4j.write_documents(store, list(iris), self.report)
                self.batches += 1
        except BackendError as err:
            self.error = err
        finally:
            self.report.seconds += time.perf_counter() - started

    def finish(self, store: Store) -> SyncReport:
        """The rest of the sync, and the report of the whole (batches and rest)."""
        if self.error is not None:
            raise self.error
        with _errors(self.driver, self.settings.neo4j_password):
            final = self.neo4j.sync(store)
            started = time.perf_counter()
            self.neo4j.refresh_entities(store, final)
            final.seconds += time.perf_counter() - started
        streamed = self.report
        final.unchanged = max(0, final.unchanged - streamed.synced - streamed.replaced)
        final.synced += streamed.synced
        final.replaced += streamed.replaced
        final.synced_documents = streamed.synced_documents + final.synced_documents
        final.seconds += streamed.seconds
        for name, value in streamed.counters.items():
            final.counters[name] += value
        return final

    def close(self) -> None:
        if self.driver is not None:
            self.driver.close()
            self.driver = None

    def __enter__(self) -> LoadSync:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _Background:
    """A function run in a thread from now on; `result()` waits for it and raises what it raised."""

    def __init__(self, fn: Callable, *args):
        self._result = self._error = None

        def run():
            try:
                self._result = fn(*args)
            except BaseException as err:  # noqa: BLE001 - handed to result()
                self._error = err

        self._thread = threading.Thread(target=run, name="kg-sync-entities", daemon=True)
        self._thread.start()

    def join(self) -> None:
        self._thread.join()

    def result(self):
        self.join()
        if self._error is not None:
            raise self._error
        return self._result


class _Prefetch:
    """Batches built in a thread from now on, up to `depth` ahead of the one being written (the driver waits
    on the network, and Neo4j works, with the GIL released). Errors in the producer surface in the consumer.
    Use it as a context manager: leaving stops the thread before the store can be closed."""

    _DONE = object()

    def __init__(self, batches: Iterator, depth: int = 2):
        self._items: queue.Queue = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._finished = False

        def produce():
            try:
                for batch in batches:
                    if self._stop.is_set():
                        return
                    self._items.put(batch)
                self._items.put(self._DONE)
            except BaseException as err:  # noqa: BLE001 - handed to the consumer
                self._items.put(err)

        self._thread = threading.Thread(target=produce, name="kg-sync-reader", daemon=True)
        self._thread.start()

    def __iter__(self):
        return self

    def __next__(self):
        if self._finished:
            raise StopIteration
        item = self._items.get()
        if item is self._DONE or isinstance(item, BaseException):
            self._finished = True
            if item is self._DONE:
                raise StopIteration
            raise item
        return item

    def close(self) -> None:
        self._stop.set()
        while self._thread.is_alive():          # unblock a producer waiting on a full queue
            try:
                self._items.get_nowait()
            except queue.Empty:
                pass
            self._thread.join(0.05)

    def __enter__(self) -> _Prefetch:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


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
