"""Sync throughput into Neo4j on the BBC business + tech articles, and the ratio against rdflib-neo4j.

    python bench/neo4j_sync.py [--runs 3] [--home DIR] [--use-env] [--json]

1. Loads shared/bench/bbc-news/bbc/{business,tech} into a temporary store (timed on its own; the file names
   repeat across the two folders, so the articles are copied as business-001.txt, tech-001.txt, ...).
   `--home DIR` reuses (or fills) a store instead.
2. Starts a Neo4j 5.26 with scripts/neo4j-local in a temporary directory (full JIT, 2 GB heap), or with
   `--use-env` uses $NEO4J_URI, whose database it EMPTIES before every run.
3. Alternates, after one untimed warm-up of each, every side writing into an empty database of the same
   server, in the same process (same driver, with neo4j-rust-ext when installed, as kg installs it):
   - kg_sync: `kg sync` of the store (Neo4jSync.sync: reads the store, writes, counts);
   - kg_sync_write_only: the same, with every document's rows and the entity rows built before the clock
     starts (what is left: schema check, the Document lookup, the writes, the counts);
   - rdflib_neo4j: rdflib-neo4j's Neo4jStore (batched, its default batch_size 5000, vocabulary IRIs by local
     name) fed every distinct triple of the store, the clock covering reading the store's quads and making
     them rdflib terms sorted by subject, as its batching wants;
   - rdflib_neo4j_write_only: the same with the rdflib triples ready in memory before the clock starts;
   - rdflib_neo4j_write_only_batch20000: and with batch_size 20000, kg's cap on rows per transaction (a larger
     batch is faster for rdflib-neo4j: fewer, bigger auto-commit transactions).
   Reports the best and the median of --runs runs of each: seconds, triples/s (the store's distinct triples
   over the time: the same triples in for every side), relationships/s (each side's own relationships:
   rdflib-neo4j makes nodes and relationships of the Assertion and Evidence resources kg folds into
   properties, so it writes more of them), and the ratios of the times.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
BBC = SHARED / "bench" / "bbc-news" / "bbc"
LAUNCHER = ROOT / "scripts" / "neo4j-local" / "neo4j-local"


def load_corpus(home: Path) -> dict:
    from kg.pipeline import load

    with tempfile.TemporaryDirectory(prefix="kg-bbc-") as tmp:
        corpus = Path(tmp)
        for folder in ("business", "tech"):
            for path in sorted((BBC / folder).glob("*.txt")):
                shutil.copyfile(path, corpus / f"{folder}-{path.name}")
        started = time.perf_counter()
        report = load([corpus], home)
        seconds = time.perf_counter() - started
    return {"documents": report.loaded + report.replaced + report.unchanged, "failed": len(report.failures),
            "triples": report.triples, "seconds": round(seconds, 2)}


class Server:
    """A throwaway neo4j-local server, or the one in the environment."""

    def __init__(self, use_env: bool):
        self.use_env = use_env
        self.dir = None
        if use_env:
            self.uri = os.environ["NEO4J_URI"]
            self.user = os.environ.get("NEO4J_USER", "neo4j")
            self.password = os.environ.get("NEO4J_PASSWORD", "")
            return
        self.dir = Path(tempfile.mkdtemp(prefix="kg-bench-neo4j-"))
        self.password = "bench-" + secrets.token_hex(8)
        env = {**os.environ, "NEO4J_PASSWORD": self.password,
               "KG_NEO4J_JAVA_OPTS": os.environ.get("KG_NEO4J_JAVA_OPTS", "-Xms1g -Xmx2g"),
               "KG_NEO4J_PAGECACHE": os.environ.get("KG_NEO4J_PAGECACHE", "512m")}
        done = subprocess.run([str(LAUNCHER), "start", "--dir", str(self.dir)], env=env, text=True,
                              capture_output=True)
        if done.returncode != 0:
            sys.exit(f"could not start Neo4j:\n{done.stderr}")
        state = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
        self.uri, self.user = state["NEO4J_URI"], state["NEO4J_USER"]

    def settings(self, home: Path):
        from kg.config import Settings
        return Settings(home=home, neo4j_uri=self.uri, neo4j_user=self.user, neo4j_password=self.password)

    def driver(self):
        from neo4j import GraphDatabase
        return GraphDatabase.driver(self.uri, auth=(self.user, self.password), notifications_min_severity="OFF")

    def empty(self) -> None:
        with self.driver() as driver, driver.session() as session:
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()

    def counts(self) -> tuple[int, int]:
        with self.driver() as driver, driver.session() as session:
            nodes = session.run("MATCH (n) RETURN count(n) AS n").single()["n"]
            rels = session.run("MATCH ()-[r]->() RETURN count(r) AS n").single()["n"]
        return nodes, rels

    def stop(self) -> None:
        if self.dir:
            subprocess.run([str(LAUNCHER), "stop", "--dir", str(self.dir)], capture_output=True)
            shutil.rmtree(self.dir, ignore_errors=True)


def store_triples(home: Path):
    """Every distinct triple of the store (all graphs), as rdflib terms, sorted by subject: what a user
    of rdflib-neo4j would feed it from the kg store."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    from kg.store import Store

    def term(t):
        if isinstance(t, ox.NamedNode):
            return URIRef(t.value)
        if isinstance(t, ox.BlankNode):
            return BNode(t.value)
        if t.language:
            return Literal(t.value, lang=t.language)
        return Literal(t.value, datatype=URIRef(t.datatype.value))

    with Store.open(home) as store:
        triples = {(q.subject, q.predicate, q.object) for q in store.quads()}
    return sorted(((term(s), term(p), term(o)) for s, p, o in triples), key=lambda t: (str(t[0]), str(t[1])))


def prepared_rows(home: Path) -> tuple[dict, dict]:
    """Every document's rows and the entity rows, as kg sync builds them from the store."""
    from kg.neo4j_mapping import document_rows, entity_rows, vocabulary
    from kg.store import Store

    vocab = vocabulary()
    with Store.open(home) as store:
        return {iri: document_rows(store, iri, vocab) for iri in store.documents()}, entity_rows(store, vocab)


def run_kg(server: Server, home: Path, prepared: tuple[dict, dict] | None = None) -> dict:
    """With `prepared` rows: write only (the rows are not rebuilt from the store); without: kg sync."""
    from kg.neo4j_sync import Neo4jSync, connect
    from kg.store import Store

    class Prepared(Neo4jSync):
        def _document_rows(self, store, iri):
            return prepared[0][iri]

        def _entity_rows(self, store):
            return prepared[1]

    server.empty()
    with Store.open(home) as store:
        started = time.perf_counter()
        driver = connect(server.settings(home))
        try:
            report = (Prepared if prepared else Neo4jSync)(driver).sync(store)
        finally:
            driver.close()
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "relationships": report.counters["relationships_created"],
            "nodes": report.counters["nodes_created"]}


def run_rdflib_neo4j(server: Server, home: Path, prepared=None, batch_size: int = 5000) -> dict:
    """With `prepared` triples: write only; without: read the store, convert, write (end to end)."""
    import contextlib
    import io

    from rdflib import Graph
    from rdflib_neo4j import HANDLE_VOCAB_URI_STRATEGY, Neo4jStore, Neo4jStoreConfig

    server.empty()
    config = Neo4jStoreConfig(auth_data={"uri": server.uri, "database": "neo4j", "user": server.user,
                                         "pwd": server.password},
                              handle_vocab_uri_strategy=HANDLE_VOCAB_URI_STRATEGY.IGNORE, batching=True,
                              batch_size=batch_size)
    with contextlib.redirect_stdout(io.StringIO()):   # it prints progress
        started = time.perf_counter()
        triples = prepared if prepared is not None else store_triples(home)
        graph = Graph(store=Neo4jStore(config=config))
        for triple in triples:
            graph.add(triple)
        graph.close(True)
        seconds = time.perf_counter() - started
        graph.store.driver.close()
    nodes, rels = server.counts()
    return {"seconds": seconds, "relationships": rels, "nodes": nodes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--home", type=Path, help="a store to reuse (loaded from the BBC articles when empty)")
    parser.add_argument("--use-env", action="store_true", help="use $NEO4J_URI (its database is emptied!)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    tmp_home = None
    home = args.home
    if home is None:
        tmp_home = Path(tempfile.mkdtemp(prefix="kg-bench-home-"))
        home = tmp_home / "home"
    result: dict = {"corpus": "bbc business + tech"}
    if not (home / "oxigraph").exists():
        print("loading the BBC business + tech articles ...", file=sys.stderr)
        result["load"] = load_corpus(home)
    triples = store_triples(home)
    result["triples"] = len(triples)
    print(f"{len(triples)} triples; starting Neo4j ...", file=sys.stderr)
    prepared = prepared_rows(home)
    sides = {
        "kg_sync": lambda: run_kg(server, home),
        "kg_sync_write_only": lambda: run_kg(server, home, prepared),
        "rdflib_neo4j": lambda: run_rdflib_neo4j(server, home),
        "rdflib_neo4j_write_only": lambda: run_rdflib_neo4j(server, home, triples),
        "rdflib_neo4j_write_only_batch20000": lambda: run_rdflib_neo4j(server, home, triples, batch_size=20000),
    }
    server = Server(args.use_env)
    try:
        runs: dict[str, list] = {name: [] for name in sides}
        for side in sides.values():                            # warm-up (JIT, page cache, plans), not counted
            side()
        for i in range(args.runs):
            for name, side in sides.items():
                runs[name].append(side())
            print(f"run {i + 1}: " + ", ".join(f"{name} {r[-1]['seconds']:.2f} s" for name, r in runs.items()),
                  file=sys.stderr)
    finally:
        server.stop()
        if tmp_home:
            shutil.rmtree(tmp_home, ignore_errors=True)

    def summary(runs):
        best = min(r["seconds"] for r in runs)
        median = statistics.median(r["seconds"] for r in runs)
        rels = runs[0]["relationships"]
        return {"seconds": round(best, 3), "median_seconds": round(median, 3), "nodes": runs[0]["nodes"],
                "relationships": rels, "relationships_per_second": round(rels / best),
                "triples_per_second": round(len(triples) / best), "all_seconds": [round(r["seconds"], 3) for r in runs]}

    from importlib.metadata import PackageNotFoundError, version

    def installed(package):
        try:
            return version(package)
        except PackageNotFoundError:
            return None

    result["versions"] = {p: installed(p) for p in ("neo4j", "neo4j-rust-ext", "rdflib-neo4j", "rdflib")}
    result["kg_docs_per_transaction"] = 100
    for name in sides:
        result[name] = summary(runs[name])
    for kg, peer in RATIOS:
        result[f"speedup_{kg}_vs_{peer}"] = {
            "best": round(result[peer]["seconds"] / result[kg]["seconds"], 2),
            "median": round(result[peer]["median_seconds"] / result[kg]["median_seconds"], 2)}
    # the headline: end to end, both from the kg store, rdflib-neo4j with its defaults
    result["speedup"] = result["speedup_kg_sync_vs_rdflib_neo4j"]["best"]
    if args.json:
        print(json.dumps(result, indent=2))
        return
    if "load" in result:
        load = result["load"]
        print(f"load: {load['documents']} documents, {load['triples']} triples in {load['seconds']} s "
              f"({load['documents'] / load['seconds']:.1f} docs/s)")
    print(f"{len(triples)} distinct triples; best of {args.runs} runs (median in brackets)")
    for name in sides:
        r = result[name]
        print(f"{name:36} {r['seconds']:7.3f} s ({r['median_seconds']:.3f})  {r['nodes']:6} nodes  "
              f"{r['relationships']:6} relationships  {r['relationships_per_second']:7} rel/s  "
              f"{r['triples_per_second']:7} triples/s")
    for kg, peer in RATIOS:
        ratio = result[f"speedup_{kg}_vs_{peer}"]
        print(f"{kg} vs {peer}: {ratio['best']}x (median {ratio['median']}x)")
    print("target (issue 5): kg_sync vs rdflib_neo4j >= 3x")


RATIOS = (("kg_sync", "rdflib_neo4j"),                                  # end to end, both from the store
          ("kg_sync_write_only", "rdflib_neo4j_write_only"),            # both from prepared input
          ("kg_sync_write_only", "rdflib_neo4j_write_only_batch20000"),  # ... rdflib-neo4j's larger batches
          ("kg_sync", "rdflib_neo4j_write_only"))                       # kg reading the store, rdflib not


if __name__ == "__main__":
    main()
