"""bench/run.py --quick runs end to end and prints every row, so the benchmark suite cannot rot (issue 8)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, SHARED

ROWS = ("extraction vs bare spaCy", "store load vs pyoxigraph bulk load", "SPARQL vs rdflib",
        "reload unchanged vs first load", "peak memory 1x/2x/4x", "kg ask, second call in a process",
        "kg ask, cold CLI call", "Neo4j sync throughput", "dask engine, 1 vs 2 workers")


@pytest.mark.slow
def test_quick_benchmark_prints_every_row(tmp_path):
    if not (SHARED / "bench" / "bbc-news" / "bbc" / "business").is_dir():
        pytest.fail(f"the BBC articles are missing under {SHARED}/bench (set KG_SHARED)")
    results = tmp_path / "RESULTS.md"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--out", str(results)],
                          capture_output=True, text=True, timeout=900, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-4000:]
    assert "Traceback" not in done.stderr
    printed = {line.split("  ")[0] for line in done.stdout.splitlines()}
    assert [row for row in ROWS if row not in printed] == [], done.stdout
    written = results.read_text(encoding="utf-8")
    assert "## Machine" in written and "pyoxigraph" in written and "spaCy" in written
    assert [row for row in ROWS if f"| {row} |" not in written] == []
