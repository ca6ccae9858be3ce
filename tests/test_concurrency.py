"""Readers while `kg load` writes, and a load killed with SIGKILL (issue 8): readers get a consistent answer or
the clear "store busy" message, never a traceback; a killed load leaves a readable store with whole documents,
also when it is killed in the middle of a bulk write of new documents (kg.store.DocumentWriter)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.export import export_bytes
from kg.pipeline import load
from kg.store import Store

pytestmark = pytest.mark.slow

KG = [sys.executable, "-m", "kg.cli"]
PREFIXES = ["Norvik", "Halden", "Fjord", "Vestby", "Tromso", "Bergen", "Alta", "Molde", "Skien", "Hamar",
            "Narvik", "Lillehammer", "Kongsberg", "Sandnes", "Drammen"]
KINDS = ["Motors", "Cells", "Air", "Foods", "Telecom", "Robotics", "Pharma", "Energy", "Steel", "Games"]
COUNTRIES = ["Germany", "Spain", "Poland", "Japan", "Brazil", "India", "Kenya", "Chile"]


def generated_corpus(folder: Path, count: int, name: str = "gen") -> Path:
    folder.mkdir(parents=True)
    for i in range(count):
        company = f"{PREFIXES[i % len(PREFIXES)]} {KINDS[i // len(PREFIXES) % len(KINDS)]}"
        partner = f"{PREFIXES[(i + 3) % len(PREFIXES)]} {KINDS[(i + 1) % len(KINDS)]}"
        country = COUNTRIES[i % len(COUNTRIES)]
        (folder / f"{name}-{i:04d}.txt").write_text(
            f"{company} expands into {country}\n"
            f"{company} said on Monday it plans to enter {country} next year. {company} signed an agreement "
            f"with {partner} to supply parts. \"We see room to grow,\" said Kari Nordmann, chief executive of "
            f"{company}.\n", encoding="utf-8")
    return folder


def kg(*args, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *map(str, args), "--home", str(home)], capture_output=True, text=True, timeout=300)


def sparql_query_supported() -> bool:
    done = subprocess.run([*KG, "query", "--help"], capture_output=True, text=True)
    return "--sparql" in done.stdout


def reader_commands() -> list[list[str]]:
    commands = [["stats", "--json"], ["ask", "What do you know about Norvik Motors?", "--json"],
                ["export", "--format", "nq"]]
    if sparql_query_supported():
        commands.append(["query", "--sparql", "company_partners", "-p", "name=Norvik Motors", "--json"])
    return commands


def graphs_and_documents(home: Path) -> tuple[dict[str, tuple[int, int]], set[str]]:
    """Per named graph (the entities graph aside): how many kg:Document and contentHash it holds."""
    with Store.open(home) as store:
        rows = store.select("""SELECT ?g (COUNT(DISTINCT ?d) AS ?docs) (COUNT(DISTINCT ?h) AS ?hashes) WHERE {
            GRAPH ?g { OPTIONAL { ?d a kg:Document } OPTIONAL { ?g kg:contentHash ?h } } } GROUP BY ?g""")
        docs = {d.doc_id for d in store.documents().values()}
    graphs = {r["g"]: (r["docs"], r["hashes"]) for r in rows}
    graphs.pop("https://w3id.org/kg-news/graph/entities", None)
    return graphs, docs


def document_quads(home: Path) -> set[str]:
    with Store.open(home) as store:
        return {str(q) for q in store.quads() if q.graph_name.value != "https://w3id.org/kg-news/graph/entities"}


def sorted_export(home: Path) -> list[str]:
    with Store.open(home) as store:
        return sorted(export_bytes(store, "nq").decode("utf-8").splitlines())


def test_readers_during_a_load_get_an_answer_or_store_busy(tmp_path):
    home = tmp_path / "home"
    base = generated_corpus(tmp_path / "base", 3, name="base")
    assert load([base], home).ok
    before = json.loads(kg("stats", "--json", home=home).stdout)["documents"]
    corpus = generated_corpus(tmp_path / "incoming", 300)

    writer = subprocess.Popen([*KG, "load", str(corpus), "--home", str(home), "--json"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    commands = reader_commands()
    outcomes: dict[str, list[str]] = {"answer": [], "busy": []}
    documents_seen = set()
    try:
        while writer.poll() is None:
            for command in commands:
                done = kg(*command, home=home)
                assert "Traceback" not in done.stderr, (command, done.stderr)
                if done.returncode == 0:
                    outcomes["answer"].append(command[0])
                    if command[0] == "stats":
                        documents_seen.add(json.loads(done.stdout)["documents"])
                    elif command[0] in ("ask", "query"):
                        json.loads(done.stdout)
                else:
                    assert done.returncode == 1, (command, done.returncode, done.stderr)
                    assert done.stderr.startswith("Error: store busy: another kg process is writing to"), done.stderr
                    assert len(done.stderr.strip().splitlines()) == 1
                    outcomes["busy"].append(command[0])
        out, err = writer.communicate(timeout=600)
    finally:
        if writer.poll() is None:
            writer.kill()
    assert writer.returncode == 0, err
    assert json.loads(out)["documents_loaded"] == 300
    assert outcomes["busy"], "the readers never met the writer: the load was too short to test anything"
    assert documents_seen <= {before, before + 300}, "a reader saw a store in the middle of a load"

    after = kg("stats", "--json", home=home)
    assert after.returncode == 0 and json.loads(after.stdout)["documents"] == before + 300
    assert kg("validate", home=home).returncode == 0
    reference = tmp_path / "reference"
    both = tmp_path / "both"
    shutil.copytree(base, both)
    shutil.copytree(corpus, both, dirs_exist_ok=True)
    assert load([both], reference).ok
    assert without_paths(sorted_export(home)) == without_paths(sorted_export(reference)), \
        "the store written while readers came and went differs from a quiet load of the same files"


def without_paths(lines) -> list[str]:
    """Quads once kg:sourcePath (which folder a file was read from) is set aside."""
    return sorted(line for line in lines if "ontology#sourcePath>" not in line)


# Small write batches (a few documents each) so that a load of 80 generated documents writes several.
SMALL_BATCHES = "import kg.store\nkg.store.WRITE_BATCH_QUADS = 300\n"


def test_a_load_killed_mid_way_leaves_whole_documents_and_resumes(tmp_path):
    home = tmp_path / "home"
    corpus = generated_corpus(tmp_path / "corpus", 80)
    driver = (SMALL_BATCHES + "import sys\nfrom kg.pipeline import load\n"
              "load([sys.argv[1]], sys.argv[2], progress=lambda doc_id: print(doc_id, flush=True))\n")
    writer = subprocess.Popen([sys.executable, "-c", driver, str(corpus), str(home)], stdout=subprocess.PIPE,
                              text=True)
    started = []
    deadline = time.monotonic() + 300
    while len(started) < 30 and time.monotonic() < deadline:   # progress is reported before each document is written
        line = writer.stdout.readline()
        if not line:
            break
        started.append(line.strip())
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert writer.returncode == -signal.SIGKILL and len(started) == 30, started

    check_killed_store(tmp_path, home, corpus, started)


def test_a_load_killed_inside_a_bulk_write_leaves_no_half_document(tmp_path):
    """Killed after the bulk loader wrote a batch's quads and before its markers: the graphs are there, without
    their kg:Document. The next open (here a reader's) drops them; the store then holds the earlier batches."""
    home = tmp_path / "home"
    corpus = generated_corpus(tmp_path / "corpus", 80)
    driver = SMALL_BATCHES + """import os, signal, sys
import kg.store
from kg.pipeline import load

class KilledBeforeSecondMarkers:
    batches = 0
    def __init__(self, oxigraph):
        self._ox = oxigraph
    def __getattr__(self, name):
        return getattr(self._ox, name)
    def bulk_extend(self, quads):
        self._ox.bulk_extend(quads)
        print("bulk", flush=True)
    def extend(self, quads):
        quads = list(quads)
        if quads and all(str(q.object) == "<https://w3id.org/kg-news/ontology#Document>" for q in quads):
            KilledBeforeSecondMarkers.batches += 1
            if KilledBeforeSecondMarkers.batches == 2:
                os.kill(os.getpid(), signal.SIGKILL)
        self._ox.extend(quads)

init = kg.store.Store.__init__
def wrapped(self, home, oxigraph, lock):
    init(self, home, KilledBeforeSecondMarkers(oxigraph), lock)
kg.store.Store.__init__ = wrapped
load([sys.argv[1]], sys.argv[2], progress=lambda doc_id: print(doc_id, flush=True))
"""
    done = subprocess.run([sys.executable, "-c", driver, str(corpus), str(home)], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == -signal.SIGKILL, done.stderr
    lines = done.stdout.split()
    assert lines.count("bulk") == 2, lines
    started = [line for line in lines if line != "bulk"]

    import pyoxigraph as ox
    raw = ox.Store.read_only(str(home / "oxigraph"))      # as the killed process left it, before any repair
    graphs = {q.graph_name for q in raw.quads_for_pattern(None, None, None, None)}
    marked = {q.graph_name for q in raw.quads_for_pattern(None, ox.NamedNode(str(KG_TYPE)), ox.NamedNode(str(KG_DOC)), None)}
    del raw
    assert graphs - marked, "the kill left no unmarked graph: the test did not catch a bulk write in the middle"
    assert (home / "pending").exists()

    check_killed_store(tmp_path, home, corpus, started)
    assert not (home / "pending").exists()


KG_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
KG_DOC = "https://w3id.org/kg-news/ontology#Document"


def check_killed_store(tmp_path: Path, home: Path, corpus: Path, started: list[str]) -> None:
    """What a killed load must leave: a readable, valid store of whole documents, those first written (documents
    are written in the order they are read), equal to a clean load of them; and a reload completes it."""
    stats = kg("stats", "--json", home=home)
    assert stats.returncode == 0, stats.stderr
    assert kg("validate", home=home).returncode == 0
    graphs, completed = graphs_and_documents(home)
    assert graphs == {g: (1, 1) for g in graphs}, "a graph without its kg:Document or contentHash: half a document"
    assert len(graphs) == len(completed) == json.loads(stats.stdout)["documents"]
    assert completed, "no batch was written before the kill: the test exercised nothing"
    assert completed == set(started[:len(completed)]), "the documents kept are not the first ones written"

    clean = tmp_path / "clean"
    (tmp_path / "completed").mkdir()
    for doc_id in completed:
        shutil.copy(corpus / doc_id, tmp_path / "completed" / doc_id)
    load([tmp_path / "completed"], clean)
    assert without_paths(document_quads(home)) == without_paths(document_quads(clean)), \
        "the killed load's documents differ from a clean load of the same files"
    assert sorted_export(home) != [] and entities_graph(home) == entities_graph(clean), \
        "the entities graph was not rebuilt from the documents the store kept"

    resumed = kg("load", corpus, "--json", home=home)
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads(resumed.stdout)
    assert (summary["documents_unchanged"], summary["documents_loaded"]) == (len(completed), 80 - len(completed))
    full = tmp_path / "full"
    load([corpus], full)
    assert sorted_export(home) == sorted_export(full)


def entities_graph(home: Path) -> set[str]:
    with Store.open(home) as store:
        return {str(q) for q in store.quads("https://w3id.org/kg-news/graph/entities")}
