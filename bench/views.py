"""How big and how fast `kg viz` pages are at 1,000 and 5,000 nodes, measured in headless Chromium.

    python bench/views.py [--sizes 1000 5000] [--physics] [--keep DIR] [--json]

For each size, a synthetic market (companies, products, markets, executives, claims and dated events,
with the hubs real news has) is written into a temporary store through kg.mapping, exactly as `kg load`
writes documents, then drawn by the same code as `kg viz --max-nodes N` (kg.visualizations.views.render_view).
Reported per page:

    build s      Python: the store's graph, display graph, layout, pyvis, writing the file
    HTML MB      the self-contained page
    stable s     Chromium: from navigation start until the network is drawn and still
                 ("static layout": first frame drawn; "stabilized": physics settled and switched off)
    frame ms     one full redraw at the fitted zoom (whole graph on screen)
    moving ms    one redraw while dragging or zooming (hideEdgesOnDrag/hideEdgesOnZoom skip the edges)
    zoom 1 ms    one redraw at 100% zoom on the biggest hub (what reading labels costs)

--physics also draws each size with physics on (the layout kg uses up to 500 nodes), to show why large
graphs get a layout precomputed in Python: it stops after 120 s if the network has not settled.

What makes 5,000 nodes usable: no physics in the browser (positions from kg.visualizations.layout's
sampled force layout, about a second in numpy), straight edges, edges hidden while dragging or zooming,
labels drawn only when readable at the current zoom, and the page parsed once with no network.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from kg.mapping import extraction_to_quads  # noqa: E402
from kg.model import Article, Claim, Entity, Event, Evidence, Extraction, Fact  # noqa: E402
from kg.store import Store  # noqa: E402
from kg.visualizations import views  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHYSICS_TIMEOUT_S = 120


def synthetic_extractions(nodes: int, seed: int = 1) -> list[Extraction]:
    """About `nodes` nodes in the graph view: 70% entities, 15% claims, 15% events."""
    rng = random.Random(seed)
    n_entities = int(nodes * 0.7)
    companies = [f"Company {i}" for i in range(int(n_entities * 0.4))]
    products = [f"Product {i}" for i in range(int(n_entities * 0.35))]
    markets = [f"Market {i}" for i in range(min(80, int(n_entities * 0.05)))]
    people = [f"Person {i}" for i in range(n_entities - len(companies) - len(products) - len(markets))]
    weights = [1 / (i + 1) ** 0.8 for i in range(len(companies))]   # a few hubs, a long tail

    def company():
        return rng.choices(companies, weights)[0]

    items = []   # (kind, payload, entity names)
    for product in products:
        maker = company()
        items.append(("fact", (maker, "produces", product), [("Company", maker), ("Product", product)]))
    for name in companies:
        other = company()
        if other != name:
            items.append(("fact", (name, rng.choice(["competesWith", "partnersWith"]), other),
                          [("Company", name), ("Company", other)]))
        market = rng.choice(markets)
        items.append(("fact", (name, "operatesIn", market), [("Company", name), ("Market", market)]))
    for person in people:
        employer = company()
        items.append(("fact", (person, "executiveOf", employer), [("Executive", person), ("Company", employer)]))
    for i in range(int(nodes * 0.15)):
        speaker, about = rng.choice(people), company()
        items.append(("claim", (speaker, about, f"Claim number {i} about {about}"),
                      [("Executive", speaker), ("Company", about)]))
    for i in range(int(nodes * 0.15)):
        maker, product = company(), rng.choice(products)
        date = f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}"
        items.append(("event", (maker, product, date), [("Company", maker), ("Product", product)]))
    rng.shuffle(items)

    extractions = []
    for d in range(0, len(items), 40):
        doc_id = f"synthetic-{d // 40:05d}.txt"
        sentences, entities, facts, claims, events = [], {}, [], [], []
        for kind, payload, names in items[d:d + 40]:
            for entity_type, name in names:
                entities.setdefault(name, entity_type)
            sentence = f"Sentence {len(sentences)} of {doc_id}: {kind} {' / '.join(map(str, payload))}."
            start = sum(len(s) + 1 for s in sentences)
            sentences.append(sentence)
            evidence = Evidence(doc_id, sentence, start, start + len(sentence))
            if kind == "fact":
                facts.append(Fact(payload[0], payload[1], payload[2], evidence,
                                  "chief executive" if payload[1] == "executiveOf" else None))
            elif kind == "claim":
                claims.append(Claim(payload[0], [payload[1]], payload[2], evidence))
            else:
                events.append(Event("ProductLaunch", {"company": payload[0], "product": payload[1]}, evidence,
                                    payload[2]))
        article = Article(doc_id, " ".join(sentences), f"/synthetic/{doc_id}", title=f"Synthetic {doc_id}")
        extractions.append(Extraction(article, [Entity(t, n) for n, t in entities.items()], facts, claims, events))
    return extractions


def write_store(home: Path, extractions: list[Extraction]) -> None:
    with Store.open(home, write=True) as store:
        for extraction in extractions:
            quads = extraction_to_quads(extraction)
            store.put_document(quads[0].graph_name.value, quads, replace=False)
        store.rebuild_entities_graph()


def measure_page(browser, path: Path, timeout_s: float) -> dict:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors, requests = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: None if r.url.startswith("file://") else requests.append(r.url))
    started = time.perf_counter()
    page.goto(path.as_uri(), timeout=timeout_s * 1000)
    try:
        page.wait_for_selector("body[data-kg-state=stable]", state="attached", timeout=timeout_s * 1000)
    except Exception:   # noqa: BLE001 - the physics run is allowed not to settle
        context.close()
        return {"stable_s": None, "wall_s": round(time.perf_counter() - started, 2), "how": "did not settle",
                "errors": errors, "requests": requests}
    wall = time.perf_counter() - started
    state = page.evaluate("({at: kgView.stableAt, how: kgView.how, nodes: network.body.data.nodes.length,"
                          " edges: network.body.data.edges.length})")
    frames = page.evaluate("""() => {
        const time = () => { const times = [];
            for (let i = 0; i < 7; i++) { const t = performance.now(); network.renderer._redraw(); times.push(performance.now() - t); }
            times.sort((a, b) => a - b); return times[3]; };
        const fitted = time();
        network.renderer.dragging = true;            // what hideEdgesOnDrag/hideEdgesOnZoom draw while moving
        const moving = time();
        network.renderer.dragging = false;
        const hub = nodes.get().reduce((a, b) => (b.value > a.value ? b : a)).id;
        network.moveTo({position: network.getPositions([hub])[hub], scale: 1.0});
        const zoomed = time();
        return {fitted, moving, zoomed}; }""")
    context.close()
    return {"stable_s": round(state["at"] / 1000, 2), "wall_s": round(wall, 2), "how": state["how"],
            "nodes": state["nodes"], "edges": state["edges"],
            "frame_ms": round(frames["fitted"], 1), "moving_frame_ms": round(frames["moving"], 1),
            "zoomed_frame_ms": round(frames["zoomed"], 1),
            "errors": errors, "requests": requests}


def run(sizes: list[int], physics: bool, keep: Path | None) -> list[dict]:
    from playwright.sync_api import sync_playwright

    results = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        out = keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for size in sizes:
            home = Path(tmp) / f"home-{size}"
            started = time.perf_counter()
            write_store(home, synthetic_extractions(size))
            store_s = time.perf_counter() - started
            modes = [("static", views.STATIC_LAYOUT_ABOVE)] + ([("physics", 10**9)] if physics else [])
            for mode, threshold in modes:
                views.STATIC_LAYOUT_ABOVE = threshold
                path = out / f"graph-{size}-{mode}.html"
                started = time.perf_counter()
                with Store.open(home) as store:
                    result = views.render_view(store, "graph", output=path, max_nodes=10 * size)
                build_s = time.perf_counter() - started
                page = measure_page(browser, path, PHYSICS_TIMEOUT_S if mode == "physics" else 60)
                results.append({"size": size, "mode": mode, "nodes": result.nodes, "edges": result.edges,
                                "store_s": round(store_s, 2), "build_s": round(build_s, 2),
                                "html_mb": round(result.size_bytes / 1e6, 2), **page})
            views.STATIC_LAYOUT_ABOVE = 500
        browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--physics", action="store_true", help="Also draw each size with physics on.")
    parser.add_argument("--keep", type=Path, help="Keep the pages in this folder.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = run(args.sizes, args.physics, args.keep)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{'nodes':>6} {'edges':>6} {'layout':>8} {'build s':>8} {'HTML MB':>8} {'stable s':>9} "
          f"{'frame ms':>9} {'moving ms':>9} {'zoom 1 ms':>9}  drawn as")
    for r in results:
        stable = f"{r['stable_s']:.2f}" if r["stable_s"] is not None else f">{r['wall_s']:.0f}"
        frames = " ".join(f"{r[key]:>9.1f}" if r.get(key) is not None else f"{'-':>9}"
                          for key in ("frame_ms", "moving_frame_ms", "zoomed_frame_ms"))
        print(f"{r.get('nodes', r['size']):>6} {r.get('edges', 0):>6} {r['mode']:>8} {r['build_s']:>8.2f} "
              f"{r['html_mb']:>8.2f} {stable:>9} {frames}  {r['how']}")
        if r["errors"] or r["requests"]:
            print(f"       errors: {r['errors']} requests: {r['requests']}")


if __name__ == "__main__":
    main()
