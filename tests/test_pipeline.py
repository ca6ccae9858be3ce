"""kg load end to end on small invented articles: reload, replace, prune, bad input."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from kg.export import export_bytes
from kg.pipeline import load
from kg.store import Store

ARTICLE_A = """Norvik Motors expands into Germany
OSLO, March 14, 2025 - Norvik Motors, the Norwegian electric-car maker, said on Friday it plans to enter Germany next year.
"Germany is our most important market," said Ingrid Solberg, chief executive of Norvik Motors.
"""
ARTICLE_B = """Halden Cells signs deal
Halden Cells signed an agreement with Norvik Motors to supply batteries.
"""


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return folder


def dump(home) -> bytes:
    with Store.open(home) as store:
        return export_bytes(store, "nq")


def graphs(home) -> set[str]:
    with Store.open(home) as store:
        return {doc.doc_id for doc in store.documents().values()}


def test_load_then_reload_is_unchanged(corpus, isolated_home):
    first = load([corpus], isolated_home)
    assert (first.loaded, first.unchanged, first.failures) == (2, 0, [])
    assert first.triples > 0
    before = dump(isolated_home)
    second = load([corpus], isolated_home)
    assert (second.loaded, second.replaced, second.unchanged) == (0, 0, 2)
    assert dump(isolated_home) == before


def test_changed_document_is_replaced_whole(corpus, isolated_home):
    load([corpus], isolated_home)
    (corpus / "a.txt").write_text(ARTICLE_A.replace("Germany", "France"), encoding="utf-8")
    report = load([corpus], isolated_home)
    assert (report.loaded, report.replaced, report.unchanged) == (0, 1, 1)
    text = dump(isolated_home).decode()
    assert "France" in text and "Germany" not in text


def test_prune_removes_vanished_documents(corpus, isolated_home):
    load([corpus], isolated_home)
    (corpus / "b.txt").unlink()
    assert graphs(isolated_home) == {"a.txt", "b.txt"}
    kept = load([corpus], isolated_home)
    assert kept.removed == 0 and graphs(isolated_home) == {"a.txt", "b.txt"}
    pruned = load([corpus], isolated_home, prune=True)
    assert pruned.removed == 1 and graphs(isolated_home) == {"a.txt"}


def test_bad_input_never_changes_what_is_loaded(corpus, tmp_path, isolated_home):
    load([corpus], isolated_home)
    before = dump(isolated_home)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (bad / "lines.jsonl").write_text('{"text": 1}\nnot json\n', encoding="utf-8")
    (bad / "page.html").write_text("<html><script>alert(1)</script><body></body></html>", encoding="utf-8")
    (bad / "dir.txt").mkdir()
    report = load([bad, tmp_path / "missing"], isolated_home)
    assert not report.ok
    reasons = {os.path.basename(f.path.split(":")[0].split("#")[0]): f.reason for f in report.failures}
    assert "empty file" in reasons["empty.txt"]
    assert "PNG" in reasons["image.txt"]
    assert "no article text" in reasons["page.html"]
    assert "missing" in reasons and "no such file" in reasons["missing"]
    assert dump(isolated_home) == before


def test_duplicate_document_ids_are_refused(corpus, tmp_path, isolated_home):
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(corpus / "a.txt", other / "a.txt")
    (other / "a.txt").write_text(ARTICLE_A + "\nMore.", encoding="utf-8")
    report = load([corpus, other], isolated_home)
    assert report.loaded == 2
    assert [f.reason.split(" (")[0] for f in report.failures] == ["duplicate document id 'a.txt'"]


def test_gold_export_is_faithful_to_the_store(corpus, isolated_home):
    load([corpus], isolated_home)
    records = [json.loads(line) for line in dump_gold(isolated_home).splitlines()]
    assert [r["doc"] for r in records] == ["a.txt", "b.txt"]
    a = records[0]
    assert a["published"] == "2025-03-14"
    names = {e["name"]: e["type"] for e in a["entities"]}
    assert names.get("Norvik Motors") == "Company"
    assert names.get("Germany") == "Market"
    assert {"s": "Norvik Motors", "p": "targetsMarket", "o": "Germany"} in a["facts"]


def dump_gold(home) -> str:
    with Store.open(home) as store:
        return export_bytes(store, "gold-jsonl").decode()


def test_store_busy_while_another_process_writes(isolated_home, corpus):
    load([corpus], isolated_home)
    from kg.errors import StoreError

    with Store.open(isolated_home, write=True):
        with pytest.raises(StoreError, match="store busy"):
            with Store.open(isolated_home):
                pass
