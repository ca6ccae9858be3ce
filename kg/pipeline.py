"""`kg load`: paths -> loaders -> extractor -> mapping -> store, one document at a time.

A document is extracted and mapped completely before its graph is written, so a failure (bad input, a
crash in extraction, a killed process) never leaves half a document, and nothing already loaded is touched
unless its replacement is complete. New documents are written in batches through the bulk loader (a
killed load loses at most the batch in flight, and the next open drops what it wrote: kg.store); a changed
document is replaced in one transaction."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from .errors import KGError
from .extract import ExtractionError, get_extractor
from .iris import document_iri
from .loaders import discover, read_articles
from .mapping import extraction_to_quads
from .model import Article
from .store import DocumentWriter, Store

BATCH = 32


@dataclass(frozen=True)
class Failure:
    path: str
    reason: str


@dataclass
class LoadReport:
    loaded: int = 0
    replaced: int = 0
    unchanged: int = 0
    removed: int = 0
    failures: list[Failure] = field(default_factory=list)
    entities: int = 0
    facts: int = 0
    claims: int = 0
    events: int = 0
    triples: int = 0
    loaded_documents: list[str] = field(default_factory=list)
    removed_documents: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


Progress = Callable[[str], None]
Written = Callable[[Store, list[str]], None]


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def load(paths: Iterable[str | Path], home: str | Path, prune: bool = False,
         extractor: str = "spacy", progress: Progress | None = None, engine=None,
         on_written: Written | None = None) -> LoadReport:
    """Load every article under `paths` into the store at `home`. An `engine` (kg.distributed.DaskEngine)
    extracts elsewhere; documents are written here either way (kg.store.DocumentWriter). `on_written(store,
    iris)` is called after each batch of documents is written (every BATCH documents here, every shard with
    the engine), before the entities graph is updated at the end: kg.neo4j_sync.LoadSync follows the load so."""
    report = LoadReport()
    paths = [str(p) for p in paths]
    sources = list(discover(paths))
    with Store.open(home, write=True) as store:
        stored = store.documents()
        seen: dict[str, str] = {}

        def pending() -> Iterator[Article]:
            for source in sources:
                for item in read_articles(source):
                    if isinstance(item, KGError):
                        report.failures.append(Failure(getattr(item, "path", str(source.path)),
                                                       getattr(item, "reason", str(item))))
                        continue
                    iri = str(document_iri(item.doc_id))
                    if iri in seen:
                        report.failures.append(Failure(item.source_path, f"duplicate document id {item.doc_id!r} "
                                                       f"(already read from {seen[iri]})"))
                        continue
                    seen[iri] = item.source_path
                    previous = stored.get(iri)
                    if previous and previous.content_hash == item.content_hash:
                        report.unchanged += 1
                        if progress:
                            progress(item.doc_id)
                        continue
                    yield item

        if engine is not None:  # extraction on its workers; it writes the documents with a DocumentWriter, as below
            engine.load(pending(), store, stored, report, extractor=extractor, progress=progress,
                        on_written=on_written)
        with DocumentWriter(store, on_written=on_written) as writer:
            _extract_and_write(pending() if engine is None else (), extractor, writer, stored, report, progress)

        if prune:
            for iri, doc in stored.items():
                if iri not in seen and _under(doc.source_path, paths):
                    store.remove_document(iri)
                    report.removed += 1
                    report.removed_documents.append(doc.doc_id)

        if report.loaded or report.replaced or report.removed:
            store.update_entities_graph()
    return report


def _extract_and_write(articles: Iterable[Article], extractor: str, writer: DocumentWriter, stored: dict,
                       report: LoadReport, progress: Progress | None) -> None:
    """Extract and map `articles` in batches of BATCH, and hand each document's graph to `writer`."""
    for batch in _batches(articles, BATCH):
        for article, result in zip(batch, get_extractor(extractor).extract(batch)):
            if progress:
                progress(article.doc_id)
            if isinstance(result, ExtractionError):
                report.failures.append(Failure(result.path, result.reason))
                continue
            iri = str(document_iri(article.doc_id))
            try:
                quads = extraction_to_quads(result)
            except Exception as err:  # a mapping bug must cost one document, not the load
                report.failures.append(Failure(article.source_path, f"cannot map to RDF ({type(err).__name__}: {err})"))
                continue
            writer.put(iri, quads, replace=iri in stored)
            report.loaded_documents.append(article.doc_id)
            if iri in stored:
                report.replaced += 1
            else:
                report.loaded += 1
            report.entities += len(result.entities)
            report.facts += len(result.facts)
            report.claims += len(result.claims)
            report.events += len(result.events)
            report.triples += len(quads)
        if writer.on_written:           # someone follows the load (kg load --sync): a batch at a time
            writer.flush()


def _under(source_path: str, paths: list[str]) -> bool:
    """Whether a stored document came from one of the given paths (a folder, a file or a glob)."""
    file_path = Path(source_path.split("#", 1)[0])
    for given in paths:
        if fnmatch.fnmatch(str(file_path), str(Path(given).resolve())) or fnmatch.fnmatch(str(file_path), given):
            return True
        root = Path(given).resolve()
        if file_path == root or root in file_path.parents:
            return True
    return False
