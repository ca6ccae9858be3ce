"""The `kg` command as a user meets it: help, load, stats, export, ask, exit codes and error lines.

CliRunner for most cases; the installed entry point in a real process for the end-to-end case."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import main
from kg.model import ENTITY_TYPES, EVENT_TYPES, FACT_PREDICATES
from kg.pipeline import load
from kg.store import Store

from conftest import SEEDS

ARTICLE_A = """Norvik Motors expands into Germany
OSLO, March 14, 2025 - Norvik Motors, the Norwegian electric-car maker, said on Friday it plans to enter Germany next year.
"Germany is our most important market," said Ingrid Solberg, chief executive of Norvik Motors.
"""
ARTICLE_B = """Halden Cells signs deal
Halden Cells signed an agreement with Norvik Motors to supply batteries.
"""
CORE_COMMANDS = {"load", "stats", "validate", "export", "ask", "eval"}
SUMMARY_ROWS = ["documents loaded", "documents replaced", "documents unchanged", "documents removed",
                "documents failed", "entities", "facts", "claims", "events", "triples written"]
GOLD_KEYS = {"doc", "published", "entities", "facts", "claims", "events"}
MISSING_STORE = re.compile(r"^Error: no knowledge graph at .+ yet: run `kg load PATH` first\n$")


def run(*args, **env):
    """Invoke kg in-process; wide output so that rich does not fold long lines."""
    return CliRunner().invoke(main, [str(a) for a in args], env={"COLUMNS": "300", **env})


def assert_clean_exit(result, code: int):
    assert result.exit_code == code, (result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return folder


@pytest.fixture
def loaded(corpus, isolated_home):
    report = load([corpus], isolated_home)
    assert report.ok and report.loaded == 2, report.failures
    return isolated_home


def expected_summary(report) -> dict[str, int]:
    return {"documents loaded": report.loaded, "documents replaced": report.replaced,
            "documents unchanged": report.unchanged, "documents removed": report.removed,
            "documents failed": len(report.failures), "entities": report.entities, "facts": report.facts,
            "claims": report.claims, "events": report.events, "triples written": report.triples}


def table_rows(output: str) -> dict[str, int]:
    rows = {}
    for line in output.splitlines():
        match = re.match(r"^│ ([a-z ]+?)\s+│ (\d+)\s+│$", line)
        if match:
            rows[match[1]] = int(match[2])
    return rows


# ------------------------------------------------------------------ help


def listed_commands(help_text: str) -> dict[str, str]:
    section = help_text.split("Commands:", 1)[1]
    return dict(re.findall(r"^  (\S+)\s+(.*)$", section, re.MULTILINE))


def test_help_lists_every_command():
    result = run("--help")
    assert_clean_exit(result, 0)
    listed = listed_commands(result.stdout)
    visible = {name for name, command in main.commands.items() if not command.hidden}
    assert set(listed) == visible
    assert CORE_COMMANDS <= set(listed)
    assert all(summary.strip() for summary in listed.values()), listed


@pytest.mark.parametrize("name", sorted(CORE_COMMANDS))
def test_every_option_of_a_command_is_documented(name):
    result = run(name, "--help")
    assert_clean_exit(result, 0)
    command = main.commands[name]
    assert command.help and " ".join(command.help.split("\n")[0].split()) in " ".join(result.stdout.split())
    for param in command.params:
        if param.param_type_name == "option" and not param.hidden:
            assert param.help, f"kg {name} {param.opts[0]} has no help text"
            assert param.opts[0] in result.stdout


def test_version():
    from kg import __version__

    result = run("--version")
    assert_clean_exit(result, 0)
    assert result.stdout == f"kg, version {__version__}\n"


# ------------------------------------------------------------------ load


def test_load_prints_the_summary_table(corpus, isolated_home, tmp_path):
    reference = load([corpus], tmp_path / "reference-home")
    result = run("load", corpus)
    assert_clean_exit(result, 0)
    assert result.stderr == ""
    assert f"kgload->{isolated_home}" in "".join(result.stdout.split())   # the title wraps to the table's width
    assert table_rows(result.stdout) == expected_summary(reference)
    assert list(table_rows(result.stdout)) == SUMMARY_ROWS
    assert table_rows(result.stdout)["documents loaded"] == 2


def test_load_json_has_the_counts(corpus, isolated_home):
    first = run("load", corpus, "--json")
    assert_clean_exit(first, 0)
    data = json.loads(first.stdout)
    assert data["home"] == str(isolated_home)
    assert {row.replace(" ", "_") for row in SUMMARY_ROWS} <= set(data)
    assert data["documents_loaded"] == 2
    assert (data["documents_unchanged"], data["documents_failed"], data["failures"]) == (0, 0, [])
    assert data["entities"] > 0 and data["triples_written"] > 0
    with Store.open(isolated_home) as store:
        assert data["triples_written"] == sum(1 for _ in store.quads()) - sum(
            1 for _ in store.quads("https://w3id.org/kg-news/graph/entities"))
    again = json.loads(run("load", corpus, "--json").stdout)
    assert (again["documents_loaded"], again["documents_unchanged"], again["triples_written"]) == (0, 2, 0)


def test_load_with_a_bad_file_exits_1_and_names_it(corpus, isolated_home):
    bad = corpus / "empty.txt"
    bad.write_bytes(b"")
    result = run("load", corpus)
    assert_clean_exit(result, 1)
    assert result.stderr == f"failed: {bad}: empty file: no text to load\n"
    rows = table_rows(result.stdout)
    assert (rows["documents loaded"], rows["documents failed"]) == (2, 1)


def test_load_json_lists_failures(corpus, isolated_home):
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run("load", corpus, "--json")
    assert_clean_exit(result, 1)
    data = json.loads(result.stdout)
    assert data["failures"] == [{"path": str(corpus / "image.txt"), "reason": "binary file (a PNG image), not text"}]
    assert (data["documents_loaded"], data["documents_failed"]) == (2, 1)


@pytest.mark.parametrize("args", [
    ["load"],                                  # PATHS is required
    ["load", "x.txt", "--bogus"],
    ["export", "--format", "xml"],
    ["no-such-command"],
    ["ask"],
])
def test_usage_errors_exit_2(args):
    result = run(*args)
    assert_clean_exit(result, 2)
    assert "Usage:" in result.stderr and "Error:" in result.stderr
    assert result.stdout == ""


def test_second_load_of_the_seeds_is_unchanged_and_fast(isolated_home):
    started = time.perf_counter()
    first = run("load", SEEDS, "--json")
    first_seconds = time.perf_counter() - started
    started = time.perf_counter()
    second = run("load", SEEDS, "--json")
    second_seconds = time.perf_counter() - started
    assert_clean_exit(first, 0)
    assert_clean_exit(second, 0)
    assert json.loads(first.stdout)["documents_loaded"] == 5
    data = json.loads(second.stdout)
    assert (data["documents_unchanged"], data["documents_loaded"], data["documents_replaced"]) == (5, 0, 0)
    assert data["triples_written"] == 0
    print(f"\nkg load seeds: first {first_seconds:.2f} s, second {second_seconds:.2f} s "
          f"({second_seconds / first_seconds:.0%} of the first)")


# ------------------------------------------------------------------ stats


def test_stats_json(loaded):
    result = run("stats", "--json")
    assert_clean_exit(result, 0)
    data = json.loads(result.stdout)
    assert set(data) == {"documents", "triples", "entities", "facts", "claims", "events"}
    assert list(data["entities"]) == list(ENTITY_TYPES)
    assert list(data["facts"]) == list(FACT_PREDICATES)
    assert list(data["events"]) == list(EVENT_TYPES)
    with Store.open(loaded) as store:
        assert data["triples"] == len(store)
        assertions = store.select("SELECT (COUNT(?a) AS ?n) WHERE { ?a a kg:Assertion }")[0]["n"]
    assert data["documents"] == 2
    assert sum(data["facts"].values()) == assertions
    assert data["entities"]["Company"] >= 2   # Norvik Motors, Halden Cells


def test_stats_table(loaded):
    result = run("stats")
    assert_clean_exit(result, 0)
    assert re.search(r"│ documents\s+│ 2\s+│", result.stdout)


# ------------------------------------------------------------------ export


def store_counts(home: Path) -> tuple[int, int]:
    """(quads, distinct triples over all graphs)."""
    with Store.open(home) as store:
        quads = list(store.quads())
    return len(quads), len({(q.subject, q.predicate, q.object) for q in quads})


def exported(home: Path, fmt: str) -> bytes:
    result = run("export", "--format", fmt, "--home", home)
    assert_clean_exit(result, 0)
    return result.stdout_bytes


def parse_quads(data: bytes, fmt: str) -> set:
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=fmt)
    quads = set(dataset.quads((None, None, None, None)))
    assert all(graph is not None and graph != rdflib.graph.DATASET_DEFAULT_GRAPH_ID for *_, graph in quads), \
        "a triple landed in the default graph"
    return quads


@pytest.fixture(scope="module")
def seeds_quads(seeds_store):
    return parse_quads(run("export", "--format", "nq", "--home", seeds_store).stdout_bytes, "nquads")


@pytest.mark.parametrize("fmt, rdflib_format", [("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")])
def test_export_with_graphs_round_trips(seeds_store, seeds_quads, fmt, rdflib_format):
    quads = parse_quads(exported(seeds_store, fmt), rdflib_format)
    assert len(quads) == store_counts(seeds_store)[0]
    assert quads == seeds_quads


def test_export_turtle_is_the_union_of_the_graphs(seeds_store, seeds_quads):
    graph = rdflib.Graph().parse(data=exported(seeds_store, "ttl"), format="turtle")
    assert len(graph) == store_counts(seeds_store)[1]
    assert set(graph) == {(s, p, o) for s, p, o, _ in seeds_quads}


def test_export_to_a_file(loaded, tmp_path):
    out = tmp_path / "out.trig"
    result = run("export", "--format", "trig", "-o", out)
    assert_clean_exit(result, 0)
    assert result.stderr == f"wrote {out}\n"
    assert out.read_bytes() == exported(loaded, "trig")


def test_export_gold_jsonl_records(seeds_store):
    lines = exported(seeds_store, "gold-jsonl").decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["doc"] for r in records] == sorted(p.name for p in SEEDS.iterdir() if p.suffix == ".txt")
    for record in records:
        assert set(record) == GOLD_KEYS, record["doc"]
        assert record["published"] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", record["published"])
        names = set()
        for entity in record["entities"]:
            assert entity["type"] in ENTITY_TYPES and entity["name"]
            assert set(entity) <= {"type", "name", "aliases"}
            names.add(entity["name"])
        for fact in record["facts"]:
            assert set(fact) <= {"s", "p", "o", "role"} and fact["p"] in FACT_PREDICATES
            assert {fact["s"], fact["o"]} <= names, fact
        for claim in record["claims"]:
            assert claim["speaker"] in names and set(claim["about"]) <= names and claim["text"]
        for event in record["events"]:
            assert event["type"] in EVENT_TYPES
            for key in ("company", "product", "market"):
                assert event["args"].get(key) in names | {None}, event
            assert set(event["args"].get("parties", [])) <= names, event


# ------------------------------------------------------------------ ask


def test_ask_shows_facts_with_their_evidence(loaded):
    with Store.open(loaded) as store:
        facts = store.select("""SELECT ?otherLabel ?sentence ?doc WHERE {
            VALUES ?e { <https://w3id.org/kg-news/id/company/norvik-motors> }
            { ?a rdf:subject ?e ; rdf:object ?other } UNION { ?a rdf:subject ?other ; rdf:object ?e }
            ?a kg:evidence/kg:sentence ?sentence ; kg:evidence/kg:inDocument/kg:docId ?doc .
            GRAPH <https://w3id.org/kg-news/graph/entities> { ?other rdfs:label ?otherLabel } }""")
    assert facts, "the extractor found no fact about Norvik Motors in the test articles"
    result = run("ask", "What do you know about Norvik Motors?")
    assert_clean_exit(result, 0)
    lines = result.stdout.splitlines()
    assert lines[0] == "Norvik Motors (Company)"
    bullets = [(line, lines[i + 1]) for i, line in enumerate(lines) if line.startswith("- ")]
    assert len(bullets) >= len({(f["otherLabel"], f["doc"]) for f in facts})
    for line, evidence in bullets:
        document, _, sentence = evidence.strip().partition(": ")
        assert document in ("a.txt", "b.txt"), evidence
        assert sentence in (ARTICLE_A if document == "a.txt" else ARTICLE_B), evidence
    for fact in facts:
        assert any(fact["otherLabel"] in line and evidence.strip() == f"{fact['doc']}: {fact['sentence']}"
                   for line, evidence in bullets), fact


def test_ask_json(loaded):
    result = run("ask", "Tell me about Halden Cells", "--json")
    assert_clean_exit(result, 0)
    data = json.loads(result.stdout)
    assert data["entities"][0]["name"] == "Halden Cells"
    assert data["answers"] and all(a["evidence"] in ARTICLE_B for a in data["answers"] if a["document"] == "b.txt")


def test_ask_prints_the_graphs_text_verbatim(loaded, monkeypatch):
    """Names and sentences are data: brackets in them are not rich markup (nor a crash on "[/]")."""
    import kg.ask
    from kg.ask import Answer, Link

    link = Link("https://w3id.org/kg-news/id/company/x", "[24]7 [bold]ai", "Company", 100)
    answer = Answer("q", "about", entities=[link], lines=[{"text": "[24]7 [bold]ai makes [red]things", "document": "a.txt",
                                                          "evidence": "It said [citation needed] that [/] sales rose."}])
    monkeypatch.setattr(kg.ask, "ask", lambda store, question: answer)
    result = run("ask", "What do you know about 24/7?")
    assert_clean_exit(result, 0)
    assert result.stdout.splitlines() == ["[24]7 [bold]ai (Company)", "- [24]7 [bold]ai makes [red]things",
                                          "  a.txt: It said [citation needed] that [/] sales rose."]


def test_ask_about_an_unknown_entity(loaded):
    result = run("ask", "What do you know about Zebra Dynamics?")
    assert_clean_exit(result, 0)
    lines = result.stdout.splitlines()
    assert lines[0] == "Not in the graph: I found no entity matching that question."
    assert lines[1].startswith("Closest entities: ") and "(Company)" in lines[1]
    assert lines[2].startswith("Try: ")


# ------------------------------------------------------------------ a missing store


@pytest.mark.parametrize("args", [["stats"], ["stats", "--json"], ["validate"], ["export"],
                                  ["export", "--format", "gold-jsonl"], ["ask", "What do you know about Acme?"]])
def test_commands_on_a_missing_store_give_one_clear_line(tmp_path, args):
    missing = tmp_path / "no-store-here"
    result = run(*args, "--home", missing)
    assert_clean_exit(result, 1)
    assert MISSING_STORE.match(result.stderr), result.stderr
    assert str(missing) in result.stderr
    assert result.stdout == ""
    assert not missing.exists(), "a read-only command created the store directory"


# ------------------------------------------------------------------ the installed entry point


def installed_kg() -> Path:
    script = Path(sys.executable).parent / "kg"
    assert script.is_file(), f"the `kg` entry point is not installed next to {sys.executable}"
    return script


def test_installed_entry_point_loads_and_reports(corpus, tmp_path):
    home = tmp_path / "process-home"
    done = subprocess.run([installed_kg(), "load", corpus, "--home", home, "--json"], capture_output=True,
                          text=True, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["documents_loaded"] == 2
    missing = subprocess.run([installed_kg(), "stats", "--home", tmp_path / "nowhere"], capture_output=True,
                             text=True, cwd=tmp_path, timeout=120)
    assert missing.returncode == 1
    assert MISSING_STORE.match(missing.stderr), missing.stderr
    assert missing.stdout == ""
