"""`kg load --engine dask`: extraction on a Dask cluster, the store written here, document by document.

Extraction and mapping are a pure function of an Article (Article -> N-Quads of its graph), so they run on
Dask's distributed scheduler rather than on a home-made one: the pending articles are cut into partitions,
each worker extracts and maps one partition and writes it as one N-Quads shard, and this process ingests
the shards with a `kg.store.DocumentWriter`, exactly as the local path does. What
is skipped stays here: an unchanged document (same content hash) or a duplicate id never reaches a worker.

The result is the single-process load's, quad for quad: the same extractor and mapping run on the same
Articles, and the entities graph is derived from the document graphs afterwards in either case.

With `kg load --sync`, Neo4j follows: each shard's documents are synced as soon as they are in the store
(kg.neo4j_sync.LoadSync, one transaction per 100 documents), while the workers extract the next partitions.

Shards go under the kg home's `tmp/` and are removed once ingested. A worker that cannot see that folder
(a remote cluster without a shared filesystem) sends its shard back in the task result instead.
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

import pyoxigraph as ox

from .errors import BackendError
from .model import Article
from .pipeline import Failure, LoadReport
from .store import DocumentWriter, Store

PARTITION_SIZE = 32


@dataclass(frozen=True)
class MappedDocument:
    """What a worker reports for one article of its partition: counts, or the reason it failed."""

    doc_id: str
    iri: str
    path: str
    failure: str | None = None
    entities: int = 0
    facts: int = 0
    claims: int = 0
    events: int = 0
    triples: int = 0


@dataclass(frozen=True)
class Shard:
    documents: list[MappedDocument]
    path: str | None          # the N-Quads file, when the worker could write it where we read
    data: bytes | None        # else the N-Quads themselves


def map_partition(articles: list[Article], extractor: str, shard_path: str) -> Shard:
    """Runs on a worker: extract and map a partition, write its quads as one N-Quads shard."""
    from .extract import ExtractionError, get_extractor
    from .iris import document_iri
    from .mapping import extraction_to_quads

    documents, quads = [], []
    for article, result in zip(articles, get_extractor(extractor).extract(articles)):
        iri = str(document_iri(article.doc_id))
        if isinstance(result, ExtractionError):
            documents.append(MappedDocument(article.doc_id, iri, result.path, result.reason))
            continue
        try:
            mapped = extraction_to_quads(result)
        except Exception as err:  # a mapping bug must cost one document, not the load (as in kg.pipeline)
            documents.append(MappedDocument(article.doc_id, iri, article.source_path,
                                            f"cannot map to RDF ({type(err).__name__}: {err})"))
            continue
        quads += mapped
        documents.append(MappedDocument(article.doc_id, iri, article.source_path, None, len(result.entities),
                                        len(result.facts), len(result.claims), len(result.events), len(mapped)))
    if os.path.isdir(os.path.dirname(shard_path)):
        ox.serialize(quads, shard_path, ox.RdfFormat.N_QUADS)
        return Shard(documents, shard_path, None)
    return Shard(documents, None, ox.serialize(quads, format=ox.RdfFormat.N_QUADS))


def _read_shard(shard: Shard) -> dict[str, list[ox.Quad]]:
    """A shard's quads by document graph, in the order they were written."""
    quads = ox.parse(shard.data, ox.RdfFormat.N_QUADS) if shard.path is None else \
        ox.parse(path=shard.path, format=ox.RdfFormat.N_QUADS)
    graphs: dict[str, list[ox.Quad]] = {}
    for quad in quads:
        graphs.setdefault(quad.graph_name.value, []).append(quad)
    return graphs


class DaskEngine:
    """Maps the extractor over partitions on a Dask cluster: an existing one at `scheduler`
    (tcp://host:8786), else a LocalCluster of `workers` processes with one thread each."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int | None = None,
                 partition_size: int = PARTITION_SIZE):
        self.scheduler = scheduler
        self.workers = workers
        self.partition_size = partition_size

    def load(self, articles: Iterator[Article], store: Store, stored: dict, report: LoadReport,
             extractor: str = "spacy", progress: Callable[[str], None] | None = None,
             on_written: Callable[[Store, list[str]], None] | None = None) -> None:
        """Extract `articles` on the cluster and write each document into `store` (opened for writing),
        replacing those in `stored`, and record counts and failures in `report`. `on_written(store, iris)`
        follows each shard's documents (kg load --sync writes them to Neo4j then, while workers extract)."""
        partitions = _partitions(articles, self.partition_size)
        first = next(partitions, None)
        if first is None:  # nothing changed: no cluster to start or reach
            return
        shards = Path(store.home) / "tmp" / f"dask-{uuid.uuid4().hex[:12]}"
        shards.mkdir(parents=True)
        client, cluster = self._connect()
        try:
            # A bounded window of partitions in flight: workers stay busy while this process writes,
            # and memory does not grow with the corpus.
            window = 2 * max(1, len(client.nthreads()))
            partitions = chain([first], partitions)
            in_flight: deque = deque()
            with DocumentWriter(store, on_written=on_written) as writer:
                for number, partition in enumerate(partitions):
                    in_flight.append((partition, client.submit(map_partition, partition, extractor,
                                                               str(shards / f"part-{number:06d}.nq"), pure=False)))
                    if len(in_flight) >= window:
                        self._ingest(*in_flight.popleft(), writer, stored, report, progress)
                while in_flight:
                    self._ingest(*in_flight.popleft(), writer, stored, report, progress)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
            shutil.rmtree(shards, ignore_errors=True)

    def _ingest(self, partition: list[Article], future, writer: DocumentWriter, stored: dict, report: LoadReport,
                progress) -> None:
        try:
            shard = future.result()
            graphs = _read_shard(shard)
        except Exception as err:  # a lost worker or an unreadable shard costs its partition, not the load
            for article in partition:
                report.failures.append(Failure(article.source_path, f"dask task failed ({type(err).__name__}: {err})"))
            return
        for doc in shard.documents:
            if progress:
                progress(doc.doc_id)
            if doc.failure is not None:
                report.failures.append(Failure(doc.path, doc.failure))
                continue
            writer.put(doc.iri, graphs.get(doc.iri, []), replace=doc.iri in stored)
            report.loaded_documents.append(doc.doc_id)
            if doc.iri in stored:
                report.replaced += 1
            else:
                report.loaded += 1
            report.entities += doc.entities
            report.facts += doc.facts
            report.claims += doc.claims
            report.events += doc.events
            report.triples += doc.triples
        if shard.path:
            Path(shard.path).unlink(missing_ok=True)
        if writer.on_written:            # someone follows the load (kg load --sync): a shard at a time
            writer.flush()

    def _connect(self):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise BackendError("--engine dask needs Dask: pip install 'kg-news[dask]' "
                               "(or 'dask[distributed]')") from None
        if self.scheduler:
            try:
                return Client(self.scheduler, timeout="15s"), None
            except (OSError, TimeoutError) as err:
                raise BackendError(f"cannot reach the Dask scheduler at {self.scheduler}: {err}") from None
        cluster = LocalCluster(n_workers=self.workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address=None, silence_logs=logging.ERROR)
        return Client(cluster), cluster


def _partitions(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while partition := list(islice(iterator, size)):
        yield partition
