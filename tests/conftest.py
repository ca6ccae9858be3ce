"""Fixtures shared by the tests. Every test gets its own KG_HOME; nothing touches a real home."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest_plugins = ["neo4j_fixture"]  # the real Neo4j server fixtures (tests/neo4j_fixture.py)

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
SEEDS_GOLD = SHARED / "eval" / "seeds.gold.jsonl"
SCORER = SHARED / "eval" / "score.py"
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    home = tmp_path / "kg-home"
    monkeypatch.setenv("KG_HOME", str(home))
    monkeypatch.delenv("KG_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    return home


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory):
    """The seeds loaded once for the whole session (read-only use)."""
    from kg.pipeline import load

    if not SEEDS.is_dir():
        pytest.fail(f"the shared seed corpus is missing at {SEEDS} (set KG_SHARED)")
    home = tmp_path_factory.mktemp("seeds") / "home"
    report = load([SEEDS], home)
    assert report.ok, report.failures
    return home
