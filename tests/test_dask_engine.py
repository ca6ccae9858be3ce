"""`kg load --engine dask`: the same store as the single-process load, quad for quad (issue 8)."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from conftest import SEEDS
from kg.cli import main
from kg.export import export_bytes
from kg.pipeline import load
from kg.store import Store

distributed = pytest.importorskip(
    "distributed", reason="DASK IS NOT INSTALLED: the dask engine is untested; pip install -e '.[test]' installs it")


def sorted_nquads(home) -> list[str]:
    with Store.open(home) as store:
        return sorted(export_bytes(store, "nq").decode("utf-8").splitlines())


@pytest.fixture(scope="module")
def scheduler():
    """One local cluster of 2 worker processes for the module, reached as an existing cluster
    (`--scheduler ADDRESS`), as a user with a cluster would."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as cluster:
        yield cluster.scheduler_address


def dask_load(args, home) -> dict:
    import json

    result = CliRunner().invoke(main, ["load", *map(str, args), "--home", str(home), "--engine", "dask", "--json"])
    assert "Traceback" not in result.output, result.output
    return {"exit_code": result.exit_code, **json.loads(result.stdout)}


def test_seeds_on_a_local_cluster_of_two_workers_equal_the_single_process_load(seeds_store, tmp_path):
    home = tmp_path / "dask-home"
    report = dask_load([SEEDS, "--workers", 2], home)
    assert report["exit_code"] == 0 and report["documents_loaded"] == 5 and report["failures"] == []
    assert sorted_nquads(home) == sorted_nquads(seeds_store)
    assert list((home / "tmp").iterdir()) == [], "the N-Quads shards must be removed once ingested"


def test_an_existing_cluster_unchanged_changed_and_bad_documents(scheduler, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    dask_home, local_home = tmp_path / "dask", tmp_path / "local"
    first = dask_load([corpus, "--scheduler", scheduler], dask_home)
    assert first["documents_loaded"] == 5

    changed = sorted(corpus.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nNorvik Motors said it plans to enter Germany.\n",
                       encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (corpus / "feed.jsonl").write_text('{"id": "ok-1", "text": "Halden Cells opened a plant in Poland."}\n{oops\n',
                                       encoding="utf-8")
    second = dask_load([corpus, "--scheduler", scheduler], dask_home)
    assert (second["documents_loaded"], second["documents_replaced"], second["documents_unchanged"]) == (1, 1, 4)
    assert sorted((f["path"], f["reason"]) for f in second["failures"]) == [
        (str(corpus / "binary.txt"), "binary file (a PNG image), not text"),
        (f"{corpus / 'feed.jsonl'}:2", "invalid JSON (Expecting property name enclosed in double quotes at column 2)")]
    assert second["exit_code"] == 1

    local = load([corpus], local_home)
    assert sorted((f.path, f.reason) for f in local.failures) == sorted((f["path"], f["reason"])
                                                                         for f in second["failures"])
    assert sorted_nquads(dask_home) == sorted_nquads(local_home)


def test_nothing_pending_reaches_no_cluster(tmp_path):
    """A reload of an unchanged corpus is decided by content hash here: no cluster is started or reached
    (this scheduler address does not answer)."""
    home = tmp_path / "home"
    assert load([SEEDS], home).loaded == 5
    again = dask_load([SEEDS, "--scheduler", "tcp://127.0.0.1:9"], home)
    assert (again["exit_code"], again["documents_loaded"], again["documents_unchanged"]) == (0, 0, 5)


def test_unreachable_scheduler_is_one_clear_line(tmp_path):
    result = CliRunner().invoke(main, ["load", str(SEEDS), "--home", str(tmp_path / "h"), "--engine", "dask",
                                       "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9"), result.output
    assert "Traceback" not in result.output


def test_cluster_options_need_the_dask_engine(tmp_path):
    result = CliRunner().invoke(main, ["load", str(SEEDS), "--workers", "2"])
    assert result.exit_code == 2 and "--scheduler and --workers go with --engine dask" in result.output
