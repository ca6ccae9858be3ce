"""`kg export --format neo4j-csv DIR`: CSVs for `neo4j-admin database import full` (issue 8). Structure without a
server (headers, one ID space, every relationship's ends among the nodes, counts per label and type equal to
what a sync writes, by the store's own SPARQL count); and, with Java, a real import by the neo4j-admin of
scripts/neo4j-local, which must give the graph a sync gives, property for property, and leave `kg sync`
nothing to do."""

from __future__ import annotations

import csv
import shlex
import subprocess

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.neo4j_csv import ARRAY_DELIMITER, NODES, RELATIONSHIPS, export_neo4j_csv, import_command
from kg.neo4j_mapping import expected_counts
from kg.store import Store
from neo4j_fixture import LAUNCHER, Neo4jServer, assert_same_graph, clean_database, graph_snapshot, start_local

csv.field_size_limit(10_000_000)


def read(path):
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


@pytest.fixture(scope="module")
def exported(seeds_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("neo4j-csv") / "csv"
    result = CliRunner().invoke(main, ["export", "--format", "neo4j-csv", str(out), "--home", str(seeds_store)])
    assert result.exit_code == 0, result.output
    assert "neo4j-admin database import full" in result.stderr
    return out


def test_headers_use_one_id_space_and_typed_columns(exported):
    header, nodes = read(exported / NODES)
    assert header[:2] == ["iri:ID(Resource)", ":LABEL"]
    assert {"name", "aliases:string[]", "start:long", "end:long", "amount:double", "syncHash", "docId"} <= set(header)
    header_r, rels = read(exported / RELATIONSHIPS)
    assert header_r[:3] == [":START_ID(Resource)", ":END_ID(Resource)", ":TYPE"]
    assert {"doc", "sentence", "start:long", "role"} <= set(header_r)
    iris = [row[0] for row in nodes]
    assert len(iris) == len(set(iris)), "one row per node"
    assert all(row[0] in set(iris) and row[1] in set(iris) for row in rels), "every end is a node"
    assert all(row[header_r.index("doc")] for row in rels), "every relationship carries its document"
    assert (exported / "import.sh").read_text().count("--array-delimiter=U+001F") == 1


def test_counts_per_label_and_type_equal_the_store(exported, seeds_store):
    with Store.open(seeds_store) as store:
        expected = expected_counts(store)
    header, nodes = read(exported / NODES)
    labels: dict[str, int] = {}
    for row in nodes:
        for label in row[1].split(ARRAY_DELIMITER):
            labels[label] = labels.get(label, 0) + 1
    assert {k: v for k, v in expected["nodes"].items() if v} == labels
    _, rels = read(exported / RELATIONSHIPS)
    types: dict[str, int] = {}
    for row in rels:
        types[row[2]] = types.get(row[2], 0) + 1
    assert {k: v for k, v in expected["relationships"].items() if v} == types
    # lists keep their items; documents keep the hash a later kg sync compares
    aliases = header.index("aliases:string[]")
    assert any(ARRAY_DELIMITER in row[aliases] for row in nodes)
    sync_hash = header.index("syncHash")
    assert all(bool(row[sync_hash]) == ("Document" in row[1].split(ARRAY_DELIMITER)) for row in nodes)


def test_cli_needs_a_directory_for_neo4j_csv_only(seeds_store, tmp_path):
    runner = CliRunner()
    for args in (["export", "--format", "neo4j-csv"], ["export", "--format", "nq", str(tmp_path / "d")],
                 ["export", "--format", "neo4j-csv", str(tmp_path / "d"), "-o", str(tmp_path / "f")]):
        result = runner.invoke(main, [*args, "--home", str(seeds_store)])
        assert result.exit_code == 2 and "neo4j-csv takes a DIRECTORY" in result.output, result.output


@pytest.mark.neo4j
@pytest.mark.slow
def test_neo4j_admin_import_gives_the_synced_graph_and_sync_finds_it_unchanged(seeds_store, tmp_path):
    from kg.neo4j_sync import sync_store

    local = start_local(tmp_path / "neo4j-import")
    server = Neo4jServer(local.uri, "neo4j", local.password, local)
    try:
        with Store.open(seeds_store) as store:
            report = export_neo4j_csv(store, tmp_path / "csv")
            sync_store(store, server.settings(seeds_store))
        synced = graph_snapshot(server)

        local.stop()
        args = shlex.split(import_command(tmp_path / "csv"))[1:]      # neo4j-admin database import full ...
        done = subprocess.run([str(LAUNCHER), "admin", "--dir", str(local.directory), *args], text=True,
                              capture_output=True, timeout=600, cwd=tmp_path)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        assert f"{report.nodes} nodes" in done.stdout and f"{report.relationships} relationships" in done.stdout
        assert (tmp_path / "csv" / "import.report").exists() and not (tmp_path / "import.report").exists()
        local.start(local.bolt_port, local.http_port)
        assert_same_graph(graph_snapshot(server), synced)

        with Store.open(seeds_store) as store:
            after = sync_store(store, server.settings(seeds_store))
        assert (after.synced, after.replaced, after.removed, after.unchanged) == (0, 0, 0, 5)
        assert after.counters["nodes_created"] == after.counters["relationships_created"] == 0
        assert after.counters["constraints_added"] == 2   # the import makes none; the first sync does
        assert_same_graph(graph_snapshot(server), synced)
        clean_database(server)
    finally:
        local.stop()
