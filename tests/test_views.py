"""kg.graphview and `kg viz` without a browser: graphs, counts, offline pages, escaping, files written.

The stores are tiny and written directly (hand-made extractions mapped by kg.mapping), so the
expected numbers are known exactly. tests/test_browser.py opens the same pages in Chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import graphview
from kg.cli import main
from kg.iris import entity_iri
from kg.mapping import extraction_to_quads
from kg.model import Article, Claim, Entity, Event, Evidence, Extraction, Fact
from kg.resolution import identity_key
from kg.store import Store
from kg.visualizations import page as page_module
from kg.visualizations import views

HOSTILE = "<img src=x onerror=alert(1)>"
HOSTILE_SENTENCE = f"{HOSTILE} competes with Acme, it said </script><script>alert(2)</script>."


def iri(kind: str, name: str) -> str:
    return str(entity_iri(kind, identity_key(kind, name)))


ACME, ROCKET, GERMANY = iri("Company", "Acme"), iri("Product", "Rocket 2"), iri("Market", "Germany")
JANE, BOLT, EVIL = iri("Executive", "Jane Roe"), iri("Company", "Bolt"), iri("Company", HOSTILE)


def _extraction(doc_id: str, text: str, published: str | None, entities, facts=(), claims=(), events=()):
    article = Article(doc_id=doc_id, text=text, source_path=f"/invented/{doc_id}", title=f"Title of {doc_id}",
                      published=published)

    def ev(sentence: str) -> Evidence:
        start = text.index(sentence)
        return Evidence(doc_id, sentence, start, start + len(sentence))

    return Extraction(
        article,
        entities=[Entity(t, n, set(a)) for t, n, *a in entities],
        facts=[Fact(s, p, o, ev(sentence), role) for s, p, o, sentence, role in facts],
        claims=[Claim(speaker, about, said, ev(sentence), date=date) for speaker, about, said, sentence, date in claims],
        events=[Event(kind, args, ev(sentence), date) for kind, args, sentence, date in events],
    )


def write_store(home: Path, extractions: list[Extraction]) -> Path:
    with Store.open(home, write=True) as store:
        for extraction in extractions:
            quads = extraction_to_quads(extraction)
            store.put_document(str(quads[0].graph_name.value), quads, replace=False)
        store.rebuild_entities_graph()
    return home


TEXT_A = ("Acme Corp unveiled the Rocket 2 on Friday. Acme operates in Germany. "
          "Jane Roe, chief executive of Acme, said Germany is our most important market. "
          f"{HOSTILE_SENTENCE} Acme plans to enter Germany.")
TEXT_B = "Bolt signed a partnership with Acme. Acme makes the Rocket 2."


def tiny_extractions() -> list[Extraction]:
    a = _extraction(
        "a.txt", TEXT_A, "2025-03-14",
        entities=[("Company", "Acme", "Acme Corp"), ("Product", "Rocket 2"), ("Market", "Germany"),
                  ("Executive", "Jane Roe"), ("Company", HOSTILE)],
        facts=[("Acme", "produces", "Rocket 2", "Acme Corp unveiled the Rocket 2 on Friday.", None),
               ("Acme", "operatesIn", "Germany", "Acme operates in Germany.", None),
               ("Jane Roe", "executiveOf", "Acme",
                "Jane Roe, chief executive of Acme, said Germany is our most important market.", "chief executive"),
               (HOSTILE, "competesWith", "Acme", HOSTILE_SENTENCE, None)],
        claims=[("Jane Roe", ["Germany", "Acme"], "Germany is our most important market",
                 "Jane Roe, chief executive of Acme, said Germany is our most important market.", "2025-03-14")],
        events=[("ProductLaunch", {"company": "Acme", "product": "Rocket 2"},
                 "Acme Corp unveiled the Rocket 2 on Friday.", "2025-03-14"),
                ("MarketEntry", {"company": "Acme", "market": "Germany"}, "Acme plans to enter Germany.", None)],
    )
    b = _extraction(
        "b.txt", TEXT_B, None,
        entities=[("Company", "Bolt"), ("Company", "Acme"), ("Product", "Rocket 2")],
        facts=[("Bolt", "partnersWith", "Acme", "Bolt signed a partnership with Acme.", None),
               ("Acme", "produces", "Rocket 2", "Acme makes the Rocket 2.", None)],
    )
    return [a, b]


@pytest.fixture
def tiny_home(tmp_path):
    return write_store(tmp_path / "tiny-home", tiny_extractions())


def page_data(html: str) -> tuple[dict, dict]:
    """The network data and page settings embedded in a view (the JSON blocks kg-view.js reads)."""
    data = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    settings = re.search(r'<script type="application/json" id="kg-page">(.*?)</script>', html, re.S)
    assert data and settings, "the page has no kg-data/kg-page blocks"
    return json.loads(data.group(1)), json.loads(settings.group(1))


def build(home: Path, view="graph", entity=None, hops=2, max_nodes=views.DEFAULT_MAX_NODES) -> views.View:
    with Store.open(home) as store:
        return views.build_view(store, view, entity, hops, max_nodes)


def render(home: Path, out: Path, **kwargs) -> tuple[str, views.ViewResult]:
    with Store.open(home) as store:
        result = views.render_view(store, output=out, **kwargs)
    return out.read_text(encoding="utf-8"), result


# ------------------------------------------------------------------ graphview


def test_entity_graph_has_every_entity_and_fact_with_evidence(tiny_home):
    with Store.open(tiny_home) as store:
        graph = graphview.entity_graph(store)
    assert set(graph) == {ACME, ROCKET, GERMANY, JANE, BOLT, EVIL}
    assert graph.number_of_edges() == 6          # the produces fact is read in two documents: two edges
    acme = graph.nodes[ACME]
    assert (acme["type"], acme["label"], acme["aliases"], acme["mentions"]) == ("Company", "Acme", ["Acme Corp"], 2)
    assert graph.nodes[JANE]["type"] == "Executive" and graph.nodes[EVIL]["label"] == HOSTILE
    produced = sorted((d["document"], d["sentence"]) for _, _, d in graph.edges(ACME, data=True)
                      if d["predicate"] == "produces")
    assert produced == [("a.txt", "Acme Corp unveiled the Rocket 2 on Friday."), ("b.txt", "Acme makes the Rocket 2.")]
    [(role, document_title)] = [(d["role"], d["document_title"]) for _, _, d in graph.in_edges(ACME, data=True)
                                if d["predicate"] == "executiveOf"]
    assert (role, document_title) == ("chief executive", "Title of a.txt")


def test_claims_and_events_graphs(tiny_home):
    with Store.open(tiny_home) as store:
        claims = graphview.claims_graph(store)
        events = graphview.events_graph(store)
    [claim] = [n for n, d in claims.nodes(data=True) if d["kind"] == "claim"]
    assert claims.nodes[claim]["text"] == "Germany is our most important market"
    assert claims.nodes[claim]["date"] == "2025-03-14"
    assert sorted((v, d["predicate"]) for _, v, d in claims.out_edges(claim, data=True)) == \
        sorted([(JANE, "speaker"), (GERMANY, "about"), (ACME, "about")])
    assert set(claims) == {claim, JANE, GERMANY, ACME}
    kinds = {d["type"]: d for _, d in events.nodes(data=True) if d["kind"] == "event"}
    assert set(kinds) == {"ProductLaunch", "MarketEntry"}
    assert (kinds["ProductLaunch"]["date"], kinds["ProductLaunch"]["date_source"]) == ("2025-03-14", "event")
    # an event without a date of its own is placed at its article's date, and says so
    assert (kinds["MarketEntry"]["date"], kinds["MarketEntry"]["date_source"]) == ("2025-03-14", "document")
    assert events.number_of_nodes() == 5 and events.number_of_edges() == 4


def test_ego_graph_counts_a_claim_or_event_as_half_a_hop(tiny_home):
    with Store.open(tiny_home) as store:
        near_rocket = graphview.ego_graph(store, ROCKET, hops=1)
        near_acme = graphview.ego_graph(store, ACME, hops=1)
        facts_only = graphview.ego_graph(store, ROCKET, hops=1, claims=False, events=False)
        with pytest.raises(KeyError):
            graphview.ego_graph(store, "https://w3id.org/kg-news/id/company/nobody")
    launch = [n for n, d in near_rocket.nodes(data=True) if d["kind"] == "event"]
    assert set(near_rocket) == {ROCKET, ACME, *launch} and len(launch) == 1
    assert near_acme.number_of_nodes() == 9       # six entities, one claim, two events
    assert set(facts_only) == {ROCKET, ACME}


# ------------------------------------------------------------------ views: data and counts


@pytest.mark.parametrize("view, entity, hops, nodes, edges", [
    ("graph", None, 2, 9, 12),      # 6 entities + claim + 2 events; 5 fact lines, 3 claim lines, 4 event lines
    ("graph", "Rocket 2", 1, 3, 3),
    ("claims", None, 2, 3, 2),      # Jane -> Germany, Jane -> Acme
    ("events", None, 2, 5, 4),
    ("events", "Germany", 1, 3, 2),
])
def test_page_embeds_exactly_the_drawn_graph(tiny_home, tmp_path, view, entity, hops, nodes, edges):
    html, result = render(tiny_home, tmp_path / "view.html", view=view, entity=entity, hops=hops)
    data, settings = page_data(html)
    assert (len(data["nodes"]), len(data["edges"])) == (nodes, edges) == (result.nodes, result.edges)
    built = build(tiny_home, view, entity, hops)
    assert {n["id"] for n in data["nodes"]} == set(built.graph)
    assert sorted((e["from"], e["to"]) for e in data["edges"]) == sorted((u, v) for u, v in built.graph.edges())
    assert settings["view"] == view and settings["physics"] is True and not result.sampled


def test_facts_read_twice_are_one_line_with_both_sentences(tiny_home, tmp_path):
    html, _ = render(tiny_home, tmp_path / "view.html")
    data, _ = page_data(html)
    [line] = [e for e in data["edges"] if e["from"] == ACME and e["to"] == ROCKET and e["predicate"] == "produces"]
    assert [(x["document"], x["sentence"]) for x in line["tip"]["evidence"]] == [
        ("a.txt", "Acme Corp unveiled the Rocket 2 on Friday."), ("b.txt", "Acme makes the Rocket 2.")]
    assert line["label"] == "produces" and line["tip"]["title"] == "Acme \u2014 produces \u2192 Rocket 2"


def test_node_style_size_and_legend_follow_the_ontology(tiny_home, tmp_path):
    html, _ = render(tiny_home, tmp_path / "view.html")
    data, settings = page_data(html)
    by_id = {n["id"]: n for n in data["nodes"]}
    assert (by_id[ACME]["shape"], by_id[ROCKET]["shape"], by_id[GERMANY]["shape"], by_id[JANE]["shape"]) == \
        ("dot", "diamond", "triangle", "star")
    assert by_id[ACME]["value"] > by_id[BOLT]["value"]                        # size by degree
    assert {item["name"]: item["count"] for item in settings["legend"]["nodes"]} == {
        "Company": 3, "Product": 1, "Market": 1, "Executive": 1, "Claim": 1, "Market event": 2}
    assert 'id="kg-legend"' in html and "Market event" in html


def test_events_are_ordered_in_time(tiny_home, tmp_path):
    extra = _extraction("c.txt", "Acme launched the Rocket 1 in 2019.", None,
                        entities=[("Company", "Acme"), ("Product", "Rocket 1")],
                        events=[("ProductLaunch", {"company": "Acme", "product": "Rocket 1"},
                                 "Acme launched the Rocket 1 in 2019.", "2019")])
    home = write_store(tmp_path / "home", tiny_extractions() + [extra])
    html, _ = render(home, tmp_path / "events.html", view="events")
    data, settings = page_data(html)
    events = sorted((n["x"], n["label"]) for n in data["nodes"] if n["kind"] == "event")
    assert [label.split("\n")[1] for _, label in events] == ["2019", "2025-03-14", "2025-03-14"]
    assert all(n["fixed"] == {"x": True, "y": False} for n in data["nodes"] if n["kind"] == "event")
    assert [tick["label"] for tick in settings["timeline"]] == ["2019", "2025-03-14"]


def test_large_graphs_get_a_static_layout_and_no_physics(tiny_home, tmp_path, monkeypatch):
    monkeypatch.setattr(views, "STATIC_LAYOUT_ABOVE", 4)
    html, result = render(tiny_home, tmp_path / "view.html")
    data, settings = page_data(html)
    assert result.static_layout and settings["physics"] is False
    assert data["options"]["physics"] == {"enabled": False}
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])


def test_the_cap_samples_the_most_connected_nodes_and_says_so(tiny_home, tmp_path):
    html, result = render(tiny_home, tmp_path / "view.html", max_nodes=4)
    data, settings = page_data(html)
    assert result.sampled and (result.nodes, result.total_nodes) == (4, 9)
    assert ACME in {n["id"] for n in data["nodes"]}
    assert "showing the 4 most connected of 9 nodes" in settings["note"]
    assert 'id="kg-note"' in html


# ------------------------------------------------------------------ offline, escaping, files


def test_page_is_self_contained(tiny_home, tmp_path):
    html, _ = render(tiny_home, tmp_path / "view.html")
    assert not re.search(r"<script[^>]*\bsrc\s*=", html, re.I), "a script is loaded from elsewhere"
    assert not re.search(r"<link\b", html, re.I), "a stylesheet or resource is linked"
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"@import", html, re.I)
    assert "default-src 'none'" in html                     # and the page may not fetch anything at all
    for name in page_module.ASSETS:                          # every shipped asset is inlined
        assert page_module.asset(name)[-200:] in html


def test_hostile_strings_stay_text(tiny_home, tmp_path):
    html, _ = render(tiny_home, tmp_path / "view.html")
    assert HOSTILE not in html and "<script>alert(2)" not in html
    skeleton = html
    for name in page_module.ASSETS:
        skeleton = skeleton.replace(page_module.asset(name), "")
    scripts = 2 + sum(name.endswith(".js") for name in page_module.ASSETS)   # two JSON data blocks
    assert skeleton.count("<script") == skeleton.count("</script>") == scripts   # none closed early
    data, _ = page_data(html)
    [node] = [n for n in data["nodes"] if n["id"] == EVIL]
    assert node["label"] == HOSTILE and node["tip"]["title"] == HOSTILE     # shown as text, unchanged
    [line] = [e for e in data["edges"] if e["predicate"] == "competes with"]
    assert line["tip"]["evidence"][0]["sentence"] == HOSTILE_SENTENCE


def test_heading_and_title_are_escaped(tmp_path):
    a = _extraction("x.txt", "<b>Bad</b> & Co makes the Widget.", None,
                    entities=[("Company", "<b>Bad</b> & Co"), ("Product", "Widget")],
                    facts=[("<b>Bad</b> & Co", "produces", "Widget", "<b>Bad</b> & Co makes the Widget.", None)])
    home = write_store(tmp_path / "home", [a])
    html, _ = render(home, tmp_path / "view.html", entity="<b>Bad</b> & Co")
    assert "<b>Bad</b>" not in html
    assert "<title>&lt;b&gt;Bad&lt;/b&gt; &amp; Co: 2-hop neighbourhood</title>" in html


def listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def test_kg_viz_writes_only_its_page_under_visualizations(tiny_home, tmp_path, monkeypatch):
    work = tmp_path / "empty"
    work.mkdir()
    monkeypatch.chdir(work)
    result = CliRunner().invoke(main, ["viz", "Acme", "--hops", "1", "--home", str(tiny_home)])
    assert result.exit_code == 0, result.output
    written = work / "visualizations" / "graph-acme.html"
    assert result.output == f"{written}\n"
    assert listing(work) == {"visualizations", "visualizations/graph-acme.html"}   # no lib/ folder, nothing else
    result = CliRunner().invoke(main, ["viz", "--view", "claims", "-o", "out/claims.html", "--home", str(tiny_home)])
    assert result.exit_code == 0, result.output
    assert listing(work) == {"visualizations", "visualizations/graph-acme.html", "out", "out/claims.html"}


def test_default_paths():
    assert views.default_path("graph", None, "/w") == Path("/w/visualizations/graph-all.html")
    link = views.Link(ACME, "Société Générale", "Company", 100.0)
    assert views.default_path("events", link, "/w") == Path("/w/visualizations/events-societe-generale.html")


def test_entities_are_linked_by_alias_and_fuzzy_name(tiny_home, tmp_path):
    for name in ("Acme Corp", "acme", "Acmee", ACME):
        assert build(tiny_home, entity=name).entity.iri == ACME


def test_unknown_entity_is_one_clear_error_with_near_matches(tiny_home):
    result = CliRunner().invoke(main, ["viz", "Rocky Mountains", "--home", str(tiny_home)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: no entity named 'Rocky Mountains' in the graph; near matches: ")
    assert "Rocket 2 (Product)" in result.output and result.output.count("\n") == 1


def test_empty_views_say_so(tmp_path):
    a = _extraction("x.txt", "Acme makes the Widget.", None, entities=[("Company", "Acme"), ("Product", "Widget")],
                    facts=[("Acme", "produces", "Widget", "Acme makes the Widget.", None)])
    home = write_store(tmp_path / "home", [a])
    html, result = render(home, tmp_path / "claims.html", view="claims")
    data, settings = page_data(html)
    assert (result.nodes, result.edges) == (0, 0) and data["nodes"] == []
    assert settings["note"] == "No claims in the store yet." and settings["physics"] is False


def test_assets_ship_as_package_data():
    from importlib.resources import files

    shipped = {p.name for p in files("kg.visualizations.assets").iterdir()}
    assert set(page_module.ASSETS) <= shipped
    assert all(name.endswith((".js", ".css")) for name in page_module.ASSETS)    # what pyproject packages


def test_many_claims_between_two_entities_are_one_line():
    import networkx as nx

    source = nx.MultiDiGraph()
    source.add_node(JANE, kind="entity", type="Executive", label="Jane Roe")
    source.add_node(ACME, kind="entity", type="Company", label="Acme")
    for i in range(3):
        claim = f"{ACME}/claim-{i}"
        source.add_node(claim, kind="claim", type="Claim", label=f"c{i}", text=f"claim {i}", date=None, channel=None,
                        sentence=f"Sentence {i}.", document="a.txt", document_title=None)
        source.add_edge(claim, JANE, key="speaker", predicate="speaker")
        source.add_edge(claim, ACME, key="about", predicate="about")
    shown = views.display_graph(source, "claims")
    [(u, v, line)] = shown.edges(data=True)
    assert (u, v, line["label"], line["count"]) == (JANE, ACME, "3 claims", 3)
    assert [text for _, text in line["tip_lines"]] == ["claim 0", "claim 1", "claim 2"]
    assert [e["sentence"] for e in line["evidence"]] == ["Sentence 0.", "Sentence 1.", "Sentence 2."]
    source.remove_node(f"{ACME}/claim-2")
    assert sorted(d["label"] for _, _, d in views.display_graph(source, "claims").edges(data=True)) == \
        ["claim 0", "claim 1"]
