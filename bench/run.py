"""kg's benchmark suite: one command, one table, and bench/RESULTS.md with the machine it ran on.

    python bench/run.py [--quick] [--out FILE] [--neo4j] [--no-dask] [--keep DIR] [--only STAGE,...]

Every figure is measured in this one run, as a ratio against a peer where there is one:

  extraction        kg's extractor vs the bare spaCy pipeline (nlp.pipe over the same paragraphs, same process)
  store load        kg's write path (DocumentWriter: bulk writes of new documents, then the entities graph) vs
                    pyoxigraph's own bulk load of the same N-Quads, replicated to ~1M triples
  SPARQL            kg's own queries (kg stats, kg ask, the .rq pack) on that graph vs rdflib's in-memory Dataset
  reload            reloading an unchanged corpus vs its first load
  peak memory       `kg load` in a fresh process at 1x, 2x and 4x the corpus
  kg ask            latency on the seeds graph: second call in a process, and a cold CLI call
  Neo4j sync        read from bench/neo4j_sync.py (run with --neo4j, or from bench/neo4j_sync.json)
  dask engine       `kg load --engine dask` at 1 and 2 local workers vs the local engine

The corpus is the BBC business + tech articles of shared/bench (911 files; --quick takes 24 of them). The memory
row loads the first quarter (1x) and half (2x) of it in fresh processes; the whole corpus (4x) is the first load.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import math
import os
import platform
import pstats
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
BBC = SHARED / "bench" / "bbc-news" / "bbc"
SEEDS = SHARED / "corpus" / "seeds"
ID = "https://w3id.org/kg-news/id/"
ENTITIES_GRAPH = "https://w3id.org/kg-news/graph/entities"


@dataclass
class Row:
    name: str
    measured: str
    target: str
    met: bool | None          # None: no target, or not measured
    limit: str                # what limits this figure
    details: list[str] = field(default_factory=list)   # extra lines for RESULTS.md


LOAD_AVERAGE: list[float] = []


def log(message: str) -> None:
    LOAD_AVERAGE.append(os.getloadavg()[0])
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


# ============================================================================ corpus


def make_corpus(folder: Path, per_category: int | None, fraction: float = 1.0) -> Path:
    """The first `per_category` BBC business and tech articles (all: None), or the first `fraction` of
    them, as business-001.txt, tech-001.txt, ... (the names repeat across the two folders)."""
    if not any((BBC / category).is_dir() for category in ("business", "tech")):
        sys.exit(f"bench: no BBC articles under {BBC} (set KG_SHARED to the shared folder)")   # (not a ratio of
    folder.mkdir(parents=True, exist_ok=True)                                                    # nothing to nothing)
    for category in ("business", "tech"):
        paths = sorted((BBC / category).glob("*.txt"))[:per_category]
        for path in paths[:math.ceil(len(paths) * fraction)]:
            shutil.copyfile(path, folder / f"{category}-{path.name}")
    return folder


def read_corpus(folder: Path):
    from kg.loaders import discover, read_articles
    from kg.model import Article

    return [item for source in discover([folder]) for item in read_articles(source) if isinstance(item, Article)]


# ============================================================================ 1. extraction vs bare spaCy


def bench_extraction(corpus: Path, rounds: int, profile_docs: int) -> Row:
    from kg.extract import get_extractor
    from kg.extract.nlp import load_model, paragraphs, straighten
    from kg.pipeline import BATCH

    articles = read_corpus(corpus)
    nlp = load_model()
    extractor = get_extractor("spacy")
    texts = [paragraph for a in articles for _, paragraph in paragraphs(straighten(a.text))]
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:50]))                         # warm-up: model weights, vocab, lazy imports
    list(extractor.extract(articles[:4]))

    def bare():
        for _ in nlp.pipe(texts, batch_size=64):
            pass

    def kg():
        for start in range(0, len(articles), BATCH):    # as kg.pipeline.load feeds the extractor
            for _ in extractor.extract(articles[start:start + BATCH]):
                pass

    bare_times, kg_times = [], []
    for _ in range(rounds):                             # alternated, best of each: less noise from the machine
        bare_times.append(timed(bare)[0])
        kg_times.append(timed(kg)[0])
    bare_s, kg_s = min(bare_times), min(kg_times)
    ratio = kg_s / bare_s
    row = Row("extraction vs bare spaCy", f"{ratio:.2f}x ({kg_s:.1f} s vs {bare_s:.1f} s; {len(articles)} docs, "
              f"{len(texts)} paragraphs, {words / kg_s:,.0f} words/s)", "<= 1.3x", ratio <= 1.3,
              "spaCy's en_core_web_sm on one core is the floor (nlp.pipe, one process); above it, kg's rules "
              "in pure Python, one sentence at a time (hot spots below)")
    row.details.append(f"bare spaCy: {bare_s:.2f} s, kg extractor: {kg_s:.2f} s "
                       f"(runs: bare {[round(t, 2) for t in bare_times]}, kg {[round(t, 2) for t in kg_times]})")
    if profile_docs:
        row.details += profile_extraction(articles[:profile_docs])
    return row


def profile_extraction(articles) -> list[str]:
    """cProfile of the extractor with spaCy's own time set apart: where kg's overhead goes."""
    from kg.extract import get_extractor

    extractor = get_extractor("spacy")
    profiler = cProfile.Profile()
    profiler.enable()
    for start in range(0, len(articles), 32):
        list(extractor.extract(articles[start:start + 32]))
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    total = stats.total_tt
    own: dict[str, float] = {}
    cumulative: dict[str, float] = {}
    for (filename, line, name), (_, _, tottime, cumtime, _) in stats.stats.items():
        module = _module_of(filename)
        if module.startswith("kg."):
            key = f"{module}.{name} (line {line})"
            own[key] = tottime
            cumulative[key] = cumtime
    kg_own = sum(own.values())
    spacy_pipe = max((cum for (filename, _, name), (_, _, _, cum, _) in stats.stats.items()
                      if name == "pipe" and "spacy/language" in filename), default=0.0)
    lines = [f"profile of {len(articles)} documents (cProfile, {total:.1f} s with its overhead): spaCy's nlp.pipe "
             f"{spacy_pipe:.1f} s ({spacy_pipe / total:.0%}); time spent in kg's own code {kg_own:.1f} s "
             f"({kg_own / total:.0%}); the rest is library calls made by kg's rules (rapidfuzz, re, dateparser, "
             "spaCy token/span attributes).",
             "hot spots by cumulative time (kg functions, excluding kg.extract.nlp.parse):"]
    top = sorted(((v, k) for k, v in cumulative.items() if "extract.nlp" not in k and "pipeline.extract" not in k
                  and "SpacyExtractor" not in k), reverse=True)[:12]
    lines += [f"  {seconds:6.2f} s  {seconds / total:5.1%}  {name}" for seconds, name in top]
    lines.append("hot spots by own time (kg functions):")
    lines += [f"  {seconds:6.2f} s  {seconds / total:5.1%}  {name}"
              for seconds, name in sorted(((v, k) for k, v in own.items()), reverse=True)[:10]]
    return lines


def _module_of(filename: str) -> str:
    path = Path(filename)
    try:
        relative = path.resolve().relative_to(ROOT)
    except ValueError:
        return ""
    parts = list(relative.with_suffix("").parts)
    if parts[0] == "loaders":
        parts[0:1] = ["kg", "loaders"]
    return ".".join(parts)


# ============================================================================ 2, 4, 5: loads in a fresh process


def load_in_subprocess(corpus: Path, home: Path, reload: bool = False, engine: str = "local",
                       workers: int | None = None) -> dict:
    command = [sys.executable, __file__, "--worker", "load", "--corpus", str(corpus), "--home", str(home),
               "--engine", engine]
    if reload:
        command.append("--reload")
    if workers:
        command += ["--workers", str(workers)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"load of {corpus} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def worker_load(args) -> None:
    """`kg load` in this fresh process: seconds, peak RSS while documents were written, and at the end."""
    from kg.pipeline import load

    engine = None
    if args.engine == "dask":
        from kg.distributed import DaskEngine
        engine = DaskEngine(workers=args.workers)
    samples = []

    def progress(_doc_id: str) -> None:
        if len(samples) % 16 == 0:
            samples.append(_rss_now())
        else:
            samples.append(samples[-1])

    seconds, report = timed(load, [args.corpus], args.home, progress=progress, engine=engine)
    result = {"seconds": seconds, "documents": report.loaded, "failed": len(report.failures),
              "triples": report.triples, "peak_rss_mb": _peak_rss_mb(),
              "peak_rss_while_writing_mb": max(samples, default=0)}
    if args.reload:
        result["reload_seconds"], again = timed(load, [args.corpus], args.home)
        result["reload_unchanged"] = again.unchanged
    print(json.dumps(result))


def _peak_rss_mb() -> float:
    """This process's high-water RSS (VmHWM). Not getrusage's ru_maxrss: on Linux that keeps the RSS the
    forking parent had before exec, so a child of a big process reports the parent's size."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_now() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def bench_first_load_and_reload(first: dict) -> Row:
    ratio = first["seconds"] / first["reload_seconds"]
    return Row("reload unchanged vs first load",
               f"{ratio:.0f}x faster ({first['reload_seconds']:.2f} s vs {first['seconds']:.1f} s, "
               f"{first['reload_unchanged']} docs unchanged)", ">= 20x", ratio >= 20,
               "a reload reads, decodes and hashes every file and asks the store for its documents' hashes "
               "(one SPARQL query); no extraction. The first load is extraction-bound (row 1), plus the spaCy "
               "model's load (~3 s)")


def bench_memory(tmp: Path, per_category: int | None, first: dict) -> Row:
    """Fresh-process loads of the first quarter and half of the corpus; the whole corpus (4x) is the first load."""
    sizes = {4: first}
    for size in (1, 2):
        corpus = make_corpus(tmp / f"corpus-{size}of4", per_category, size / 4)
        log(f"peak memory: loading {size}/4 of the corpus ({len(list(corpus.iterdir()))} docs) in a fresh process")
        sizes[size] = load_in_subprocess(corpus, tmp / f"home-{size}of4")
    peaks = {k: v["peak_rss_mb"] for k, v in sizes.items()}
    growth = peaks[4] / peaks[1]
    row = Row("peak memory 1x/2x/4x", " / ".join(f"{peaks[k]:.0f}" for k in (1, 2, 4)) +
              f" MB ({growth:.2f}x from 1x to 4x; " + " / ".join(str(sizes[k]["documents"]) for k in (1, 2, 4)) +
              " docs)", "flat (4x <= 1.2 x 1x)",
              growth <= 1.2,
              "the spaCy model and Python's imports are the floor; articles stream through in batches of 32 "
              "and documents are written one at a time; what grows with the corpus is listed below")
    for k in (1, 2, 4):
        s = sizes[k]
        row.details.append(f"{k}x: {s['documents']} docs, {s['triples']:,} triples, {s['seconds']:.1f} s; peak RSS "
                           f"{s['peak_rss_mb']:.0f} MB overall, {s['peak_rss_while_writing_mb']:.0f} MB while "
                           "documents were being written (sampled every 16 docs)")
    return row


# ============================================================================ 2. store load vs bulk load


def replicate(nquads: Path, out: Path, target_triples: int) -> tuple[int, int]:
    """The document graphs of `nquads`, copied until about `target_triples`: copy c > 0 renames every
    document-scoped IRI (document, assertion, evidence, claim, event) and docId, and keeps the entity IRIs,
    like a bigger corpus about the same companies. The entities graph is left out (kg derives it)."""
    lines = [line for line in nquads.read_text(encoding="utf-8").splitlines()
             if line and not line.endswith(f"<{ENTITIES_GRAPH}> .")]
    copies = max(1, math.ceil(target_triples / len(lines)))
    scoped = re.compile(rf"<{re.escape(ID)}(document|assertion|evidence|claim|event)/([^>]*)>")
    doc_id = re.compile(r'(<https://w3id\.org/kg-news/ontology#docId> "[^"]*)"')
    with out.open("w", encoding="utf-8") as handle:
        for copy in range(copies):
            for line in lines:
                if copy:
                    line = scoped.sub(rf"<{ID}\1/\2-r{copy}>", line)
                    line = doc_id.sub(rf'\1#r{copy}"', line)
                handle.write(line + "\n")
    return copies, copies * len(lines)


def bench_store_load(tmp: Path, replicated: Path) -> tuple[Row, Path]:
    import pyoxigraph as ox

    from kg.store import WRITE_BATCH_QUADS, DocumentWriter, Store

    graphs: dict[str, list] = {}
    for quad in ox.parse(path=replicated, format=ox.RdfFormat.N_QUADS):
        graphs.setdefault(quad.graph_name.value, []).append(quad)
    triples = sum(map(len, graphs.values()))
    home = tmp / "home-1m"

    def kg_write():     # as kg.pipeline.load writes new documents
        with Store.open(home, write=True) as store:
            with DocumentWriter(store) as writer:
                for graph, quads in graphs.items():
                    writer.put(graph, quads, replace=False)
            started = time.perf_counter()
            store.update_entities_graph()      # as a load ends: from the quads counted as they were written
            return time.perf_counter() - started
    kg_s, rebuild_s = timed(kg_write)

    full = tmp / "store-1m.nq"               # what kg's store holds now, entities graph included
    with Store.open(home) as store, full.open("wb") as out:
        store.dump(out, ox.RdfFormat.N_QUADS)
    all_quads = [q for quads in graphs.values() for q in quads]
    with Store.open(home) as store:
        all_quads += list(store.quads(ENTITIES_GRAPH))
    del graphs

    def bulk_load(path):
        store = ox.Store(str(path))
        store.bulk_load(path=full, format=ox.RdfFormat.N_QUADS)
        store.flush()
        return len(store)

    def bulk_extend(path):
        store = ox.Store(str(path))
        store.bulk_extend(all_quads)
        store.flush()
        return len(store)
    load_s, loaded = timed(bulk_load, tmp / "ox-bulk-load")
    extend_s, _ = timed(bulk_extend, tmp / "ox-bulk-extend")
    best = min(load_s, extend_s)
    ratio = kg_s / best
    row = Row("store load vs pyoxigraph bulk load",
              f"{ratio:.2f}x ({kg_s:.1f} s vs {best:.1f} s; {loaded:,} triples, {len(loaded_graphs(full)):,} graphs)",
              "<= 1.5x", ratio <= 1.5,
              "both go through Oxigraph's bulk loader; kg's in batches of ~20k quads, each document's marker "
              "written after in one transaction (a killed load leaves no half document), then the entities graph "
              "from the new documents' quads, counted as they were written (no query over the store)")
    row.details += [
        f"kg: DocumentWriter (bulk writes of {WRITE_BATCH_QUADS:,} quads, then the batch's markers in one transaction) "
        f"{kg_s - rebuild_s:.2f} s + update_entities_graph "
        f"{rebuild_s:.2f} s = {kg_s:.2f} s ({loaded / kg_s:,.0f} triples/s)",
        f"pyoxigraph Store.bulk_load of the N-Quads file (parsing included): {load_s:.2f} s "
        f"({loaded / load_s:,.0f} triples/s)",
        f"pyoxigraph Store.bulk_extend of the same quads, already parsed (kg's input too): {extend_s:.2f} s",
        f"ratio against the faster of the two; document graphs only (no entities graph): "
        f"{(kg_s - rebuild_s) / best:.2f}x"]
    del all_quads
    return row, home


def loaded_graphs(nquads: Path) -> set[str]:
    graphs = set()
    with nquads.open(encoding="utf-8") as handle:
        for line in handle:
            graphs.add(line.rsplit(" ", 2)[-2])
    return graphs


# ============================================================================ 3. SPARQL vs rdflib


class RecordingStore:
    """A kg Store that notes every SPARQL query kg's code sends through it, to replay them elsewhere."""

    def __init__(self, store, name: str):
        self._store = store
        self.name = name
        self.queries: list[dict] = []

    def select(self, sparql, bindings=None, union=True):
        terms = {k: [str(t) for t in v] if isinstance(v, (list, tuple)) else str(v) for k, v in (bindings or {}).items()}
        self.queries.append({"name": f"{self.name} #{len(self.queries) + 1}", "sparql": sparql,
                             "bindings": terms, "union": union})
        return self._store.select(sparql, bindings, union)

    def __len__(self):
        return len(self._store)

    def __getattr__(self, name):
        return getattr(self._store, name)


def kg_queries(store, entities: int = 2) -> list[dict]:
    """kg stats' counts, kg ask's queries for a busy and a quiet company, and the SPARQL pack's queries."""
    from kg import ask as kg_ask
    from kg.stats import store_stats

    recorder = RecordingStore(store, "kg stats")
    store_stats(recorder)
    queries = recorder.queries
    companies = store.select("""SELECT ?label (COUNT(DISTINCT ?d) AS ?n) WHERE {
        GRAPH <https://w3id.org/kg-news/graph/entities> { ?e a kg:Company ; rdfs:label ?label }
        ?e kg:mentionedIn ?d } GROUP BY ?label ORDER BY DESC(?n) ?label""")
    picks = [companies[0]["label"], companies[len(companies) // 2]["label"]][:entities] if companies else []
    for label in picks:
        recorder = RecordingStore(store, f"kg ask {label!r}")
        kg_ask.ask(recorder, f"What do you know about {label}?")
        queries += recorder.queries
    other = companies[len(companies) // 2]["label"] if companies else "Acme"
    queries += pack_queries(store, picks[0] if picks else "Acme", other)
    names: dict[str, int] = {}
    unique = []
    for q in queries:                                  # the same text with the same bindings once
        key = json.dumps([q["sparql"], q["bindings"], q["union"]])
        if key not in names:
            names[key] = 1
            unique.append(q)
    return unique


def pack_queries(store, name: str, other: str = "Acme") -> list[dict]:
    """Every .rq of the SPARQL pack as kg runs it (kg.backends.run_sparql: the named entity looked up, then the
    query with its IRIs and parameters bound), its parameters bound to defaults, and `name`-like ones to a
    company. Only the lookups run here; the queries themselves run in the timed workers (`connection` can
    take minutes and gigabytes). `connection` goes from `name` to `other` and runs as kg runs it, by
    kg.connection's breadth-first search (its lookups included); rdflib gets the .rq's text."""
    try:
        from kg.backends import _term, entity_bindings
        from kg.querypack import load_pack
        pack = load_pack("sparql")
    except Exception:
        return []
    queries = []
    for query in pack.values():
        params, ok = {}, True
        for param in query.params:
            if param.default is not None:
                params[param.name] = param.default
            elif param.type in ("string", "str"):
                params[param.name] = name
            else:
                ok = False
                break
        if ok and query.name == "connection":
            params["to"] = other
            queries.append({"name": "pack connection", "sparql": query.text, "union": True, "pack": "connection",
                            "params": params, "bindings": {k: str(_term(v)) for k, v in params.items()}})
        elif ok:
            recorder = RecordingStore(store, f"pack {query.name} entity lookup")
            bindings = {k: _term(v) for k, v in params.items()}
            bindings.update(entity_bindings(recorder, query.text, bindings))
            terms = {k: [str(t) for t in v] if isinstance(v, list) else str(v) for k, v in bindings.items()}
            queries += [*recorder.queries, {"name": f"pack {query.name}", "sparql": query.text, "bindings": terms,
                                            "union": True}]
    return queries


def bench_sparql(tmp: Path, home: Path, full_nq: Path, per_query_limit: float, budget: float,
                 entities: int) -> Row:
    from kg.store import Store

    with Store.open(home) as store:
        queries = kg_queries(store, entities)
        triples = len(store)
    spec = tmp / "queries.json"
    spec.write_text(json.dumps(queries))
    log(f"SPARQL: {len(queries)} queries on {triples:,} triples, in pyoxigraph (kg's store)")
    kg = run_queries("oxigraph", home, spec, len(queries), per_query_limit, budget)
    log("SPARQL: the same queries in rdflib's Dataset")
    rdf = run_queries("rdflib", full_nq, spec, len(queries), per_query_limit, budget)
    both = [q["name"] for q in queries if q["name"] in kg["times"] and q["name"] in rdf["times"]]
    ratios = [max(rdf["times"][n], 1e-6) / max(kg["times"][n], 1e-6) for n in both]
    geomean = math.exp(statistics.fmean(math.log(r) for r in ratios)) if ratios else float("nan")
    kg_total = sum(kg["times"][n] for n in both)
    rdf_total = sum(rdf["times"][n] for n in both)
    kg_out = [q["name"] for q in queries if q["name"] in kg["timeouts"]]
    rdf_out = [q["name"] for q in queries if q["name"] in rdf["timeouts"]]
    measured = (f"{geomean:.0f}x faster (geometric mean over the {len(both)} queries both finished; total "
                f"{kg_total:.2f} s vs {rdf_total:.1f} s; {triples:,} triples)")
    if kg_out or rdf_out:
        measured += (f"; over {per_query_limit:.0f} s: {len(kg_out)} on kg, {len(rdf_out)} on rdflib "
                     "(see below)")
    row = Row("SPARQL vs rdflib", measured, ">= 10x", (geomean >= 10 and not kg_out) if ratios else None,
              "Oxigraph evaluates in Rust over its RocksDB indexes, rdflib in pure Python over its in-memory "
              "indexes. kg binds a named entity's IRIs with VALUES, so Oxigraph starts from it; rdflib gets the "
              "same text with the name bound (initBindings) and no IRIs (a constraint the name already implies)")
    row.details.append(f"rdflib: Dataset(default_union=True), N-Quads parsed in {rdf['load_seconds']:.1f} s. "
                       "Each query runs twice in a fresh process per engine and the second run is timed "
                       f"(the first when it took over 10 s); a query over {per_query_limit:.0f} s is stopped.")
    row.details.append("| query | rows | kg (pyoxigraph) s | rdflib s | ratio |")
    row.details.append("|---|---:|---:|---:|---:|")

    def cell(result, name):
        if name in result["times"]:
            return f"{result['times'][name]:.4f}"
        return f"> {per_query_limit:.0f}" if name in result["timeouts"] else "not run (budget)"
    for q in queries:
        n = q["name"]
        rows = kg["rows"].get(n, rdf["rows"].get(n, "?"))
        if n in kg["rows"] and n in rdf["rows"] and kg["rows"][n] != rdf["rows"][n]:
            rows = f"{kg['rows'][n]} (rdflib: {rdf['rows'][n]})"
        ratio = f"{rdf['times'][n] / max(kg['times'][n], 1e-6):.0f}x" if n in both else "-"
        row.details.append(f"| {n} | {rows} | {cell(kg, n)} | {cell(rdf, n)} | {ratio} |")
    return row


def _parse_term(text: str):
    import pyoxigraph as ox
    (quad,) = ox.parse(f"<urn:s> <urn:p> {text} .", ox.RdfFormat.N_TRIPLES)
    return quad.object


def run_queries(engine: str, data: Path, spec: Path, count: int, per_query_limit: float, budget: float) -> dict:
    """Runs the queries of `spec` in a worker process; a query past its limit is stopped (rdflib: by an
    alarm inside the worker; pyoxigraph, which cannot be interrupted: by killing the worker, which then
    starts again at the next query)."""
    result = {"times": {}, "rows": {}, "timeouts": set(), "load_seconds": float("nan")}
    names = [q["name"] for q in json.loads(spec.read_text())]
    deadline = time.monotonic() + budget
    start = 0
    while start < count and time.monotonic() < deadline:
        command = [sys.executable, __file__, "--worker", "queries", "--engine", engine, "--data", str(data),
                   "--queries", str(spec), "--limit", str(per_query_limit), "--start", str(start)]
        process = subprocess.Popen(command, stdout=subprocess.PIPE)
        lines = _lines_with_deadline(process, per_query_limit + (600 if engine == "rdflib" else 1), deadline)
        try:
            for record in lines:
                if "load_seconds" in record:
                    result["load_seconds"] = record["load_seconds"]
                    continue
                start = record["index"] + 1
                if record.get("timeout"):
                    result["timeouts"].add(record["name"])
                else:
                    result["times"][record["name"]] = record["seconds"]
                    result["rows"][record["name"]] = record["rows"]
            else:
                if start < count and process.poll() not in (None, 0):
                    raise RuntimeError(f"the {engine} query worker failed (exit {process.returncode})")
        except TimeoutError:
            if start < count and time.monotonic() < deadline:
                result["timeouts"].add(names[start])
                start += 1
        finally:
            process.kill()
            process.wait()
    return result


def _lines_with_deadline(process, idle_limit: float, deadline: float):
    """JSON lines from a worker's stdout; TimeoutError when none comes for `idle_limit` seconds."""
    import select

    fd = process.stdout.fileno()
    buffer = b""
    while True:
        wait = min(idle_limit, deadline - time.monotonic())
        if wait <= 0:
            raise TimeoutError
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            raise TimeoutError
        chunk = os.read(fd, 65536)
        if not chunk:
            return
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            yield json.loads(line)


def worker_queries(args) -> None:
    """One engine, the queries from --start on: one JSON line per query."""
    from kg.store import PREFIXES, Store

    def say(record):
        print(json.dumps(record), flush=True)

    queries = json.loads(Path(args.queries).read_text())
    if args.engine == "rdflib":
        import rdflib
        from rdflib.util import from_n3

        dataset = rdflib.Dataset(default_union=True)
        seconds, _ = timed(dataset.parse, str(args.data), format="nquads")
        say({"load_seconds": seconds})

        def run(q):   # a list of IRIs (kg's entity lookup) narrows what the bound name already selects: left out
            bindings = {rdflib.Variable(k): from_n3(v) for k, v in q["bindings"].items() if isinstance(v, str)}
            return list(dataset.query(q["sparql"], initNs=PREFIXES, initBindings=bindings))

        def alarm(*_):
            raise TimeoutError
        signal.signal(signal.SIGALRM, alarm)
    else:
        opened = Store.open(args.data)       # kept referenced: the store closes when the context goes
        store = opened.__enter__()

        def run(q):
            if q.get("pack"):           # a query kg answers in Python (kg.connection), as kg runs it
                from kg.backends import named_query, run_sparql
                return run_sparql(store, named_query("sparql", q["pack"]), q["params"])
            return store.select(q["sparql"], {k: [_parse_term(t) for t in v] if isinstance(v, list) else _parse_term(v)
                                              for k, v in q["bindings"].items()}, q["union"])

    for index in range(args.start, len(queries)):
        q = queries[index]
        try:
            signal.setitimer(signal.ITIMER_REAL, args.limit) if args.engine == "rdflib" else None
            seconds, rows = timed(run, q)
            if seconds < 10:
                seconds, rows = timed(run, q)
            signal.setitimer(signal.ITIMER_REAL, 0) if args.engine == "rdflib" else None
            if seconds > args.limit:
                raise TimeoutError
            say({"index": index, "name": q["name"], "seconds": seconds, "rows": len(rows)})
        except TimeoutError:
            say({"index": index, "name": q["name"], "timeout": True})


# ============================================================================ 6. kg ask latency


def bench_ask(tmp: Path) -> tuple[Row, Row]:
    from kg.ask import ask
    from kg.pipeline import load
    from kg.store import Store

    home = tmp / "home-seeds"
    load([SEEDS], home)
    with Store.open(home) as store:
        label = store.select("""SELECT ?label (COUNT(DISTINCT ?d) AS ?n) WHERE {
            GRAPH <https://w3id.org/kg-news/graph/entities> { ?e a kg:Company ; rdfs:label ?label }
            ?e kg:mentionedIn ?d } GROUP BY ?label ORDER BY DESC(?n) ?label LIMIT 1""")[0]["label"]
    question = f"What do you know about {label}?"

    def in_process():
        with Store.open(home) as store:
            return ask(store, question)
    first_s, answer = timed(in_process)
    warm = [timed(in_process)[0] for _ in range(5)]
    kg_script = Path(sys.executable).with_name("kg")
    command = [str(kg_script)] if kg_script.exists() else [sys.executable, "-m", "kg.cli"]
    cold = []
    for _ in range(3):
        seconds, done = timed(subprocess.run, [*command, "ask", question, "--home", str(home)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"kg ask failed: {done.stderr}")
        cold.append(seconds)
    warm_s, cold_s = statistics.median(warm), statistics.median(cold)
    lines = len(answer.lines)
    second = Row("kg ask, second call in a process", f"{warm_s * 1000:.1f} ms (first call {first_s * 1000:.0f} ms; "
                 f"{lines} answer lines about {label})", "", None,
                 "opening the store read-only and three SPARQL queries plus fuzzy linking over every name")
    cold_row = Row("kg ask, cold CLI call", f"{cold_s:.2f} s (median of 3)", "", None,
                   "Python's start and imports (click, rich, pyoxigraph, rapidfuzz, rdflib via kg.terms); "
                   "the query itself is the row above")
    return second, cold_row


# ============================================================================ 7. Neo4j sync


def bench_neo4j(run: bool, home: Path | None) -> Row:
    script = ROOT / "bench" / "neo4j_sync.py"
    cached = ROOT / "bench" / "neo4j_sync.json"
    limit = ("reading the store (pyoxigraph quads to rows, in Python) more than Neo4j's writes (one statement "
             "per 100 documents, its commit); see bench/neo4j_sync.py")
    if not script.exists():
        return Row("Neo4j sync throughput", "not measured (bench/neo4j_sync.py is missing)", "", None, limit)
    data, source = None, ""
    if run and home is not None:
        done = subprocess.run([sys.executable, str(script), "--json", "--runs", "1", "--home", str(home)],
                              capture_output=True, text=True)
        if done.returncode == 0:
            data, source = json.loads(done.stdout), "measured in this run"
        else:
            return Row("Neo4j sync throughput", f"failed: {done.stderr.strip().splitlines()[-1:]}", "", None, limit)
    elif cached.exists():
        data, source = json.loads(cached.read_text()), f"from {cached.relative_to(ROOT)}"
    if data is None:
        return Row("Neo4j sync throughput", "not measured in this run (--neo4j runs bench/neo4j_sync.py; or save "
                   "its --json output as bench/neo4j_sync.json)", "", None, limit)
    sync = data["kg_sync"]
    return Row("Neo4j sync throughput", f"{sync['triples_per_second']:,} triples/s, {sync['relationships_per_second']:,} "
               f"relationships/s ({data['triples']:,} triples in {sync['seconds']:.1f} s; "
               f"{data.get('speedup', '?')}x rdflib-neo4j; {source})", "", None, limit)


# ============================================================================ 8. dask engine


def bench_dask(tmp: Path, corpus: Path, local_seconds: float, local_home: Path) -> Row:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return Row("dask engine, 1 vs 2 workers", "not measured: dask is not installed (pip install "
                   "'kg-news[dask]')", "", None, "")
    runs = {}
    for workers in (1, 2):
        log(f"dask engine: {workers} worker(s)")
        runs[workers] = load_in_subprocess(corpus, tmp / f"home-dask-{workers}", engine="dask", workers=workers)
    same = _sorted_nquads(tmp / "home-dask-2") == _sorted_nquads(local_home)
    speedup = runs[1]["seconds"] / runs[2]["seconds"]
    row = Row("dask engine, 1 vs 2 workers",
              f"{runs[1]['seconds']:.1f} s / {runs[2]['seconds']:.1f} s ({speedup:.2f}x with 2; local engine "
              f"{local_seconds:.1f} s; store {'equal to' if same else 'DIFFERENT FROM'} the local load)", "",
              None if same else False,
              f"{os.cpu_count()} cores: 2 workers plus this process, which parses shards and writes the store; "
              "each worker loads spaCy (~3 s) before its first partition")
    for workers, run in runs.items():
        row.details.append(f"{workers} worker(s): {run['documents']} docs in {run['seconds']:.1f} s "
                           f"({run['documents'] / run['seconds']:.1f} docs/s), client peak RSS {run['peak_rss_mb']:.0f} MB")
    return row


def _sorted_nquads(home: Path) -> list[str]:
    from kg.export import export_bytes
    from kg.store import Store
    with Store.open(home) as store:
        return sorted(export_bytes(store, "nq").decode("utf-8").splitlines())


# ============================================================================ report


def machine() -> list[str]:
    import pyoxigraph
    import rdflib
    import spacy

    from kg.extract.nlp import load_model

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "?")
    ram = next((int(line.split()[1]) / 1024 ** 2 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), float("nan"))
    try:
        import dask
        dask_version = dask.__version__
    except ImportError:
        dask_version = "not installed"
    model = load_model().meta
    return [f"- CPU: {cpu}, {os.cpu_count()} cores (nproc); RAM {ram:.1f} GB; {platform.system()} {platform.release()}",
            f"- Python {platform.python_version()}; pyoxigraph {pyoxigraph.__version__}; spaCy {spacy.__version__} "
            f"with {model['lang']}_{model['name']} {model['version']}; rdflib {rdflib.__version__}; dask {dask_version}"]


def render_table(rows: list[Row]) -> str:
    width = max(len(r.name) for r in rows)
    lines = []
    for r in rows:
        state = {True: "met", False: "NOT MET", None: "-"}[r.met]
        lines.append(f"{r.name:<{width}}  {state:<7}  {r.target or '-':<22}  {r.measured}")
    return "\n".join(lines)


def write_results(path: Path, rows: list[Row], quick: bool, seconds: float, corpus_docs: int,
                  load_average: list[float]) -> None:
    out = ["# kg benchmark results", "",
           f"Written by `python bench/run.py{' --quick' if quick else ''}` on {time.strftime('%Y-%m-%d')}, "
           f"in {seconds / 60:.1f} minutes; corpus: {corpus_docs} BBC business + tech articles. "
           "Every figure comes from this one run. How to read and reproduce them: bench/README.md.", "",
           "## Machine", "", *machine(),
           "- load average (1 min) sampled at each stage of the run: " + ", ".join(f"{x:.1f}" for x in load_average) +
           f" on {os.cpu_count()} cores: above the number of cores, other processes shared the CPU and the "
           "timings are slower than on an idle machine", "",
           "## Figures", "", "| figure | measured | target | met | what limits it |", "|---|---|---|---|---|"]
    for r in rows:
        state = {True: "yes", False: "**no**", None: "-"}[r.met]
        out.append(f"| {r.name} | {r.measured} | {r.target or '-'} | {state} | {r.limit} |")
    for r in rows:
        if r.details:
            out += ["", f"## {r.name}", "", *_fence_indented(r.details)]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _fence_indented(lines: list[str]) -> list[str]:
    """Indented lines (profiles) in a code block, so Markdown keeps their columns."""
    fenced, inside = [], False
    for line in lines:
        indented = line.startswith("  ")
        if indented and not inside:
            fenced.append("```")
            inside = True
        elif not indented and inside:
            fenced.append("```")
            inside = False
        fenced.append(line)
    if inside:
        fenced.append("```")
    return fenced


# ============================================================================ main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="24 articles and a ~5k-triple graph: about a minute")
    parser.add_argument("--out", type=Path, help="results file (default: bench/RESULTS.md; none with --quick)")
    parser.add_argument("--neo4j", action="store_true", help="run bench/neo4j_sync.py (starts Neo4j)")
    parser.add_argument("--no-dask", action="store_true", help="skip the dask engine row (--quick skips it too)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--only", help="run only these stages (comma-separated: extraction, store, sparql, reload, "
                        "memory, ask, neo4j, dask) and merge their rows into an existing results file")
    parser.add_argument("--worker", choices=["load", "queries"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--reload", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--start", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--queries", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker == "load":
        return worker_load(args)
    if args.worker == "queries":
        return worker_queries(args)

    quick = args.quick
    only = set(args.only.split(",")) if args.only else set(STAGES)
    unknown = only - set(STAGES)
    if unknown:
        parser.error(f"--only: unknown stage {', '.join(sorted(unknown))} (stages: {', '.join(STAGES)})")
    if "sparql" in only:
        only.add("store")              # the SPARQL row runs on the store row's ~1M-triple store
    per_category = 12 if quick else None
    out = args.out or (None if quick else ROOT / "bench" / "RESULTS.md")
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    rows: list[Row] = []
    try:
        corpus = make_corpus(tmp / "corpus-1x", per_category)
        docs = len(list(corpus.iterdir()))

        if "extraction" in only:
            log(f"extraction: kg vs bare spaCy on {docs} articles")
            rows.append(bench_extraction(corpus, rounds=1 if quick else 3,    # (one run's ratio swings by 0.2 on a
                                         profile_docs=0 if quick else 150))    # shared 2-core machine: best of three)

        first = None
        if only & {"store", "reload", "memory", "dask"}:
            log("first load and reload in a fresh process")
            first = load_in_subprocess(corpus, tmp / "home-1x", reload=True)
        dask_row = None
        if "dask" in only:
            if args.no_dask or quick:
                dask_row = Row("dask engine, 1 vs 2 workers", "skipped (--quick or --no-dask; tests/test_dask_engine.py "
                               "checks the engine)", "", None, "")
            else:   # right after the local load: the same code, and as close as can be in the machine's load
                dask_row = bench_dask(tmp, corpus, first["seconds"], tmp / "home-1x")

        if "store" in only:
            import pyoxigraph as ox

            from kg.store import Store
            nq = tmp / "bbc.nq"
            with Store.open(tmp / "home-1x") as store, nq.open("wb") as handle:
                store.dump(handle, ox.RdfFormat.N_QUADS)
            replicated = tmp / "replicated.nq"
            copies, triples = replicate(nq, replicated, 5_000 if quick else 1_000_000)
            log(f"store load: {triples:,} document triples ({copies} copies of the corpus's graphs)")
            store_row, big_home = bench_store_load(tmp, replicated)
            rows.append(store_row)

            if "sparql" in only:
                rows.append(bench_sparql(tmp, big_home, tmp / "store-1m.nq", per_query_limit=2 if quick else 30,
                                         budget=12 if quick else 900, entities=2 if quick else 1))
            shutil.rmtree(big_home, ignore_errors=True)
            for name in ("ox-bulk-load", "ox-bulk-extend"):
                shutil.rmtree(tmp / name, ignore_errors=True)
        if "reload" in only:
            rows.append(bench_first_load_and_reload(first))
        if "memory" in only:
            rows.append(bench_memory(tmp, per_category, first))
        if "ask" in only:
            log("kg ask latency on the seeds")
            rows += bench_ask(tmp)
        if "neo4j" in only:
            rows.append(bench_neo4j(args.neo4j, tmp / "home-1x" if first else None))
        if dask_row is not None:
            rows.append(dask_row)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    seconds = time.perf_counter() - started
    print(render_table(rows))
    print(f"({seconds:.0f} s)")
    if out:
        if args.only and out.exists():
            merge_results(out, rows, args.only, seconds, LOAD_AVERAGE)
        else:
            write_results(out, rows, quick, seconds, docs, LOAD_AVERAGE)
        print(f"wrote {out}")


# The stages --only takes, in the order they run, and the rows each writes.
STAGES = ("extraction", "store", "sparql", "reload", "memory", "ask", "neo4j", "dask")


def merge_results(path: Path, rows: list[Row], only: str, seconds: float, load_average: list[float]) -> None:
    """Replace the rows measured now (their line in the figures table and their section) in an existing
    RESULTS.md, keep every other row and section as it was, and say which rows were re-measured when."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    for r in rows:
        state = {True: "yes", False: "**no**", None: "-"}[r.met]
        line = f"| {r.name} | {r.measured} | {r.target or '-'} | {state} | {r.limit} |"
        at = next((i for i, old in enumerate(lines) if old.startswith(f"| {r.name} |")), None)
        if at is None:
            at = max(i for i, old in enumerate(lines) if old.startswith("| ")) + 1
            lines.insert(at, line)
        else:
            lines[at] = line
        section = _fence_indented(r.details)
        head = next((i for i, old in enumerate(lines) if old == f"## {r.name}"), None)
        if head is None:
            if section:
                last = next((i for i, old in enumerate(lines) if old.startswith("## Reading")), len(lines))
                lines[last:last] = [f"## {r.name}", "", *section, ""]
            continue
        end = next((i for i in range(head + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
        lines[head:end] = [f"## {r.name}", "", *section, ""] if section else []
    note = (f"Rows {', '.join(r.name for r in rows)} re-measured by `python bench/run.py --only {only}` on "
            f"{time.strftime('%Y-%m-%d')} ({seconds / 60:.1f} minutes; load average (1 min) at its stages: "
            + ", ".join(f"{x:.1f}" for x in load_average) + f" on {os.cpu_count()} cores); the other rows are "
            "from the run above.")
    at = next(i for i, old in enumerate(lines) if old.startswith("## Machine"))
    lines[at:at] = [note, ""]
    path.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
