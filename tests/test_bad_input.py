"""Bad input, one kind at a time (issue 3): each bad file gets one clear failure naming it, the good file
loaded with it still loads, and what the store held before is untouched. tests/test_pipeline.py covers
empty, binary, missing and script-only files; this covers the rest."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.export import export_bytes
from kg.loaders import discover, read_articles
from kg.loaders.base import MAX_ARTICLE_BYTES
from kg.pipeline import load
from kg.store import Store

ARTICLE_A = """Norvik Motors expands into Germany
OSLO, March 14, 2025 - Norvik Motors, the Norwegian electric-car maker, said on Friday it plans to enter Germany next year.
"""
ARTICLE_B = """Halden Cells signs deal
Halden Cells signed an agreement with Norvik Motors to supply batteries.
"""
NEW_GOOD = """Fjord Air adds routes
Fjord Air said on Monday it will start flights to Spain in June.
"""
# Valid UTF-8 (é), Latin-1 (é) and bytes that no single-byte code page maps (0x81, 0x8d, 0x8f) in one file:
# the file is corrupt, not in some other encoding, and decoding must not guess.
CORRUPT = b"Acme Corp \xe9t\xc3\xa9 \x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f sold phones.\n" * 5
FIFTY_MB = 50 * 1024 * 1024

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Halden Cells opens a plant in Poland</title>
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('config', 'TRACKING-ID-123');</script>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Halden Cells opens a plant in Poland", "datePublished": "2025-04-02"}</script>
<style>body { font-family: sans-serif; } .cookie-banner { display: none; }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/business">Business</a></nav>
<div class="cookie-banner">We use cookies. <button onclick="acceptCookies()">Accept</button></div>
<article>
<h1>Halden Cells opens a plant in Poland</h1>
<p>Halden Cells, the Norwegian battery maker, said on Wednesday it has opened its first plant in Poland.</p>
<script>var secretToken = "s3cr3t"; document.write("<p>Injected by script: trackUser()</p>");</script>
<p>The plant will supply batteries to Norvik Motors, the company said in a statement.</p>
<noscript><img src="/pixel.gif?noscript-tracker"></noscript>
<p>"Poland gives us room to grow," said Kari Nordmann, chief executive of Halden Cells.</p>
</article>
<script src="/app.js"></script><script>(function(){ console.log("analyticsBeacon"); })();</script>
<footer>Copyright 2025 Example News. All rights reserved.</footer>
</body></html>
"""
SCRIPT_CODE = ["dataLayer", "gtag", "TRACKING-ID", "secretToken", "s3cr3t", "document.write", "trackUser",
               "Injected by script", "analyticsBeacon", "console.log", "function", "acceptCookies",
               "noscript-tracker", "font-family", "@context"]


@pytest.fixture
def loaded(tmp_path, isolated_home):
    """A store holding two good documents, and each document graph's quads as they were."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (corpus / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    report = load([corpus], isolated_home)
    assert report.ok and report.loaded == 2
    return isolated_home, document_graphs(isolated_home)


def document_graphs(home) -> dict[str, set[str]]:
    with Store.open(home) as store:
        return {iri: {str(q) for q in store.quads(iri)} for iri in store.documents()}


def dump(home) -> bytes:
    with Store.open(home) as store:
        return export_bytes(store, "nq")


def doc_ids(home) -> set[str]:
    with Store.open(home) as store:
        return {d.doc_id for d in store.documents().values()}


def batch_with(tmp_path, name: str) -> tuple[Path, Path]:
    """A folder with one good new article and the path where the bad file goes."""
    folder = tmp_path / "incoming"
    folder.mkdir(exist_ok=True)
    (folder / "new.txt").write_text(NEW_GOOD, encoding="utf-8")
    return folder, folder / name


def assert_one_failure_and_the_rest_loaded(home, before, folder, bad: Path, reason: str):
    report = load([folder], home)
    assert [(f.path, f.reason) for f in report.failures] == [(str(bad), reason)]
    assert report.loaded == 1 and report.loaded_documents == ["new.txt"]
    assert doc_ids(home) == {"a.txt", "b.txt", "new.txt"}
    after = document_graphs(home)
    assert {iri: after[iri] for iri in before} == before, "a document already in the store changed"


# ------------------------------------------------------------------ one kind of bad file at a time


def test_invalid_utf8_in_no_encoding(loaded, tmp_path):
    home, before = loaded
    folder, bad = batch_with(tmp_path, "corrupt.txt")
    bad.write_bytes(CORRUPT)
    assert_one_failure_and_the_rest_loaded(home, before, folder, bad,
                                           "not valid UTF-8 and no other text encoding fits")


def test_fifty_megabyte_text_file_is_too_large(loaded, tmp_path):
    home, before = loaded
    folder, bad = batch_with(tmp_path, "huge.txt")
    line = b"Norvik Motors said it plans to enter Germany next year.\n"
    with bad.open("wb") as out:
        out.write(line * (FIFTY_MB // len(line) + 1))
    assert bad.stat().st_size > FIFTY_MB > MAX_ARTICLE_BYTES
    report = load([folder], home)
    assert [f.path for f in report.failures] == [str(bad)]
    assert report.failures[0].reason.startswith("file too large for one article (52.4 MB > ")
    assert report.loaded_documents == ["new.txt"]
    after = document_graphs(home)
    assert {iri: after[iri] for iri in before} == before


def test_dangling_symlink_in_a_folder_is_reported_not_skipped(loaded, tmp_path):
    home, before = loaded
    folder, bad = batch_with(tmp_path, "moved-away.txt")
    bad.symlink_to(tmp_path / "no-longer-here.txt")
    assert_one_failure_and_the_rest_loaded(home, before, folder, bad,
                                           "broken symbolic link: its target does not exist")


def test_dangling_symlink_given_directly(loaded, tmp_path):
    home, _ = loaded
    bad = tmp_path / "link.txt"
    bad.symlink_to(tmp_path / "nothing.txt")
    before = dump(home)
    report = load([bad], home)
    assert [(f.path, f.reason) for f in report.failures] == [(str(bad), "broken symbolic link: its target does not exist")]
    assert dump(home) == before


def test_unreadable_file(loaded, tmp_path, monkeypatch):
    """Root reads through chmod 000, so the refusal is simulated where the loader reads the bytes."""
    home, before = loaded
    folder, bad = batch_with(tmp_path, "locked.txt")
    bad.write_text("Locked Corp said it sells in Spain.\n", encoding="utf-8")
    read_bytes = Path.read_bytes

    def refuse(path):
        if path == bad:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert_one_failure_and_the_rest_loaded(home, before, folder, bad, "permission denied")


def test_folder_named_like_an_article_is_searched_not_read(loaded, tmp_path):
    home, before = loaded
    folder, _ = batch_with(tmp_path, "unused")
    inner = folder / "archive.txt"
    inner.mkdir()
    (inner / "older.txt").write_text(ARTICLE_B.replace("Halden Cells", "Tromso Cells"), encoding="utf-8")
    report = load([folder], home)
    assert report.failures == []
    assert sorted(report.loaded_documents) == ["new.txt", "older.txt"]
    after = document_graphs(home)
    assert {iri: after[iri] for iri in before} == before


def test_malformed_jsonl_line_fails_alone(loaded, tmp_path):
    home, before = loaded
    folder, feed = batch_with(tmp_path, "feed.jsonl")
    lines = [json.dumps({"id": "feed-1", "title": "Fjord Air adds routes", "text": NEW_GOOD.replace("Fjord", "Vest")}),
             '{"id": "feed-2", "text": "Broken Corp said it',                      # cut off mid-record
             json.dumps(["not", "an", "object"]),
             json.dumps({"id": "feed-4", "title": "No text"}),
             json.dumps({"text": "Bergen Foods said on Tuesday it opened a store in Oslo.", "published": "2025-05-06"})]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = load([folder], home)
    failures = {f.path: f.reason for f in report.failures}
    assert set(failures) == {f"{feed}:2", f"{feed}:3", f"{feed}:4"}
    assert failures[f"{feed}:2"].startswith("invalid JSON (")
    assert failures[f"{feed}:3"] == "a line must be a JSON object"
    assert failures[f"{feed}:4"].startswith("no article text in any of the fields `text`, `body`")
    assert sorted(report.loaded_documents) == ["feed-1", "feed.jsonl#5", "new.txt"]
    after = document_graphs(home)
    assert {iri: after[iri] for iri in before} == before


# ------------------------------------------------------------------ HTML with scripts


def test_html_scripts_never_reach_the_text_or_the_graph(loaded, tmp_path):
    home, before = loaded
    folder = tmp_path / "web"
    folder.mkdir()
    (folder / "plant.html").write_text(PAGE, encoding="utf-8")
    (source,) = discover([folder])
    (article,) = read_articles(source)
    assert article.title == "Halden Cells opens a plant in Poland"
    assert article.published == "2025-04-02"
    assert "it has opened its first plant in Poland." in article.text
    assert "said Kari Nordmann, chief executive of Halden Cells." in article.text
    assert [code for code in SCRIPT_CODE if code in article.text] == []
    assert "We use cookies" not in article.text and "All rights reserved" not in article.text

    report = load([folder], home)
    assert report.ok and report.loaded_documents == ["plant.html"]
    graph = dump(home).decode("utf-8")
    assert [code for code in SCRIPT_CODE if code in graph] == []
    after = document_graphs(home)
    assert {iri: after[iri] for iri in before} == before


# ------------------------------------------------------------------ all of it at once, through the CLI


def test_all_bad_at_once_changes_nothing_and_names_every_file(loaded, tmp_path):
    home, _ = loaded
    before = dump(home)
    bad = tmp_path / "all-bad"
    bad.mkdir()
    (bad / "corrupt.txt").write_bytes(CORRUPT)
    with (bad / "huge.md").open("wb") as out:     # sparse: its size is what is refused
        out.truncate(FIFTY_MB)
    (bad / "gone.txt").symlink_to(tmp_path / "missing-target.txt")
    (bad / "broken.jsonl").write_text("{oops\n", encoding="utf-8")
    (bad / "scripts.html").write_text("<html><head><script>var x = 1;</script></head><body></body></html>",
                                      encoding="utf-8")
    result = CliRunner().invoke(main, ["load", str(bad), "--home", str(home)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    failed = dict(line.removeprefix("failed: ").split(": ", 1) for line in result.stderr.splitlines())
    assert set(failed) == {str(bad / "corrupt.txt"), str(bad / "huge.md"), str(bad / "gone.txt"),
                           f"{bad / 'broken.jsonl'}:1", str(bad / "scripts.html")}
    assert "too large" in failed[str(bad / "huge.md")]
    assert "no article text" in failed[str(bad / "scripts.html")]
    assert dump(home) == before
    assert os.path.getsize(bad / "huge.md") == FIFTY_MB


# ------------------------------------------------------------------ a generated bad corpus, all kinds at once (issue 8)

HOSTILE_NAMES = ['Acme"} ; DROP ALL ; #', "Foo\\' MATCH (n) DETACH DELETE n //", "Brace{Corp}", 'Quote "Q" Holdings',
                 "Back\\slash Motors", "<https://evil.example/x> Ltd", "Semi;colon Labs", "Dollar$ign Inc"]
HOSTILE_PAGE = """<html><head><title>Halden Cells opens a plant in Poland</title>
<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="javascript:alert(2)//">
<script>fetch('/steal?c=' + document.cookie)</script><style>@import 'javascript:alert(3)';</style></head>
<body onload="alert(4)"><svg onload="alert(5)"></svg><iframe srcdoc="<script>alert(6)</script>"></iframe>
<article><p>Halden Cells, the Norwegian battery maker, said on Wednesday it has opened its first plant in Poland.</p>
<img src="x" onerror="alert(7)"><a href="javascript:alert(8)">click</a>
<p>The plant will supply batteries to Norvik Motors, the company said.</p>
<script>/*</p><p>*/ document.write('<p>Injected payload</p>')</script></article></body></html>
"""
ALERTS = ["alert(", "document.cookie", "javascript:", "Injected payload", "onerror", "onload", "fetch("]


def bad_corpus(folder: Path) -> dict[str, str]:
    """Writes the corpus; returns, per file name, what must happen to it: 'load', 'fail' or 'either'."""
    folder.mkdir()
    expect = {}

    def put(name, data, outcome):
        (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expect[name] = outcome

    put("good.txt", ARTICLE_A, "load")
    put("png-named.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(2000), "fail")
    put("random-bytes.md", bytes(range(256)) * 20, "fail")
    put("nul-bytes.txt", b"Acme Corp\x00\x00\x00 sold phones.\n", "fail")
    put("empty.txt", b"", "fail")
    put("whitespace.md", b" \n\t\n  \n", "fail")
    put("corrupt.txt", CORRUPT, "fail")
    put("bad-after-bom.txt", b"\xef\xbb\xbfAcme Corp \xff\xfe\xfa sold phones.\n", "either")
    put("latin1.txt", "Café Norvik said it plans to enter Spain.\n".encode("latin-1"), "either")
    put("utf16.txt", "\ufeffFjord Air said it will start flights to Spain.\n".encode("utf-16"), "load")
    with (folder / "huge.txt").open("wb") as out:          # sparse: refused for its size, never read
        out.truncate(MAX_ARTICLE_BYTES + 1)
    expect["huge.txt"] = "fail"
    put("deep.html", "<html><body>" + "<div>" * 10_000 + "Norvik Motors said it plans to enter Germany."
        + "</div>" * 10_000 + "</body></html>", "either")
    put("hostile.html", HOSTILE_PAGE, "load")
    put("only-script.html", "<html><script>" + "alert(1);" * 1000 + "</script></html>", "fail")
    for i, name in enumerate(HOSTILE_NAMES):
        put(f"name-{i}.txt", f"{name} expands\n{name} said on Monday it plans to enter Germany next year. "
            f"{name} signed an agreement with Norvik Motors to supply batteries. \"We are growing,\" said "
            f"Kari Nordmann, chief executive of {name}.\n", "load")
    put("hostile-ids.jsonl", "\n".join(json.dumps({"id": name, "title": name, "url": f"http://x/{name}",
                                                   "text": f"{name} said it opened a store in Oslo."})
                                       for name in HOSTILE_NAMES) + "\n", "load")
    return expect


def broken_feed(path: Path, lines: int = 10_000, every: int = 50) -> tuple[int, int]:
    """A JSONL feed with one good record every `every` lines and every other kind of broken line between.
    Returns how many lines are good and how many must fail (a line in a legacy encoding may load)."""
    broken = [b'{"id": "cut", "text": "Broken Corp said it', b'["not", "an", "object"]', b'{"id": "no-text"}',
              b'{"text": ""}', b'{"text": 42}', b'not json at all', b'null', b'{"text": "x", "id": "dup"} trailing', b'\x00\x01\x02']
    good = bad = 0
    with path.open("wb") as out:
        for number in range(1, lines + 1):
            if number % every == 0:
                out.write(json.dumps({"id": f"feed-{number}", "text": f"Vest Air {number} said it will start "
                                      f"flights to Spain in June."}).encode("utf-8") + b"\n")
                good += 1
            elif number % 1000 == 1:
                out.write(b'{"text": "Legacy \xe9ncoding Corp sold phones \xff"}\n')
            else:
                out.write(broken[number % len(broken)] + b"\n")
                bad += 1
    return good, bad


def test_generated_bad_corpus_loads_or_fails_per_file_and_the_store_stays_consistent(tmp_path, isolated_home):
    folder = tmp_path / "bad-corpus"
    expect = bad_corpus(folder)
    good_lines, bad_lines = broken_feed(folder / "feed.jsonl")   # 10,000 lines

    report = load([folder], isolated_home)
    failed = {}
    for failure in report.failures:
        assert failure.reason and "Traceback" not in failure.reason, failure
        assert not failure.reason.startswith(("cannot map to RDF", "AttributeError", "TypeError")), failure
        failed.setdefault(Path(failure.path.split(":")[0] if failure.path.endswith(tuple("0123456789")) and
                               ".jsonl:" in failure.path else failure.path).name, []).append(failure)
    loaded = set(report.loaded_documents)
    for name, outcome in expect.items():
        if name.endswith(".jsonl"):
            continue
        assert (name in loaded) != (name in failed), f"{name}: neither loaded nor failed, or both"
        if outcome != "either":
            assert (name in loaded) == (outcome == "load"), (name, failed.get(name))
    assert set(HOSTILE_NAMES) <= loaded, "every hostile id loads, verbatim"
    feed_loaded = {d for d in loaded if d.startswith(("feed-", "feed.jsonl#"))}
    assert len(failed["feed.jsonl"]) >= bad_lines and len(failed["feed.jsonl"]) + len(feed_loaded) == 10_000
    assert {f"feed-{n}" for n in range(50, 10_001, 50)} <= feed_loaded and good_lines == 200
    assert loaded - feed_loaded <= set(expect) | set(HOSTILE_NAMES)

    with Store.open(isolated_home) as store:
        stored = store.documents()
        assert {d.doc_id for d in stored.values()} == loaded
        counts = store.select("""SELECT ?g (COUNT(DISTINCT ?d) AS ?docs) (COUNT(DISTINCT ?h) AS ?hashes) WHERE {
            GRAPH ?g { OPTIONAL { ?d a kg:Document } OPTIONAL { ?g kg:contentHash ?h } } } GROUP BY ?g""")
        graphs = {row["g"]: (row["docs"], row["hashes"]) for row in counts}
        graphs.pop("https://w3id.org/kg-news/graph/entities")
        assert graphs == {iri: (1, 1) for iri in stored}, "every document graph has exactly one kg:Document"
        text = export_bytes(store, "nq").decode("utf-8")
    assert [code for code in ALERTS if code in text] == []

    runner = CliRunner()
    for command in (["validate"], ["stats"], ["ask", "What do you know about Norvik Motors?"]):
        result = runner.invoke(main, [*command, "--home", str(isolated_home)])
        assert result.exit_code == 0, (command, result.output)
        assert "Traceback" not in result.output
    again = runner.invoke(main, ["load", str(folder), "--home", str(isolated_home), "--json"])
    assert again.exit_code == 1 and "Traceback" not in again.output
    summary = json.loads(again.stdout)
    assert summary["documents_unchanged"] == len(loaded) and summary["documents_loaded"] == 0
    assert len(summary["failures"]) == len(report.failures)
