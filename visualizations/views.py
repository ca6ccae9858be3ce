"""`kg viz`: interactive HTML views of the graph, drawn with pyvis (vis-network), that work offline.

Views
    graph   every entity with its facts, claims and events; with ENTITY, its neighbourhood (`hops`)
    claims  who said what about whom: an edge from the speaker to each entity a claim is about,
            labelled with the claim
    events  market events placed left to right in time, linked to the companies, products, markets
            and parties involved

The graphs come from kg.graphview; this module turns one into what is drawn (display graph: one
edge per drawn line, its evidence collected), caps its size, lays it out and hands it to pyvis; the
page around it is kg.visualizations.page.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from pyvis.edge import Edge
from pyvis.network import Network

from kg import graphview
from kg.ask import Link, link_entity
from kg.errors import KGError
from kg.graphview import humanize, shorten
from kg.iris import slug
from kg.store import Store
from kg.terms import ID

from . import layout, style
from .page import write_page

VIEWS = ("graph", "claims", "events")
DEFAULT_MAX_NODES = 1500       # beyond this the whole graph is sampled by degree
STATIC_LAYOUT_ABOVE = 500      # beyond this, positions are computed here and physics stays off
LINK_THRESHOLD = 85            # the score kg ask accepts a fuzzy name match at
NEAR_THRESHOLD = 50            # below it a candidate is not worth suggesting
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
_MAX_EVIDENCE = 4


class UnknownEntityError(KGError):
    """ENTITY matched nothing in the store well enough; carries the near matches."""

    def __init__(self, name: str, near: list[Link]):
        self.name = name
        self.near = near
        hint = ("; near matches: " + ", ".join(f"{link.name} ({link.type})" for link in near)) if near \
            else "; nothing with a similar name either"
        super().__init__(f"no entity named {name!r} in the graph{hint}")


@dataclass
class View:
    """What `kg viz` draws: the display graph with its pyvis network and page settings."""

    name: str
    title: str
    graph: nx.MultiDiGraph            # display graph: one edge per drawn line
    network: Network
    page: dict
    entity: Link | None = None
    total_nodes: int = 0              # before the cap
    sampled: bool = False
    static_layout: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass
class ViewResult:
    path: Path
    view: str
    title: str
    nodes: int
    edges: int
    total_nodes: int
    sampled: bool
    static_layout: bool
    size_bytes: int
    entity: Link | None = None


# ---------------------------------------------------------------------------------------------- entry points


def render_view(store: Store, view: str = "graph", entity: str | None = None, hops: int = 2,
                output: str | Path | None = None, max_nodes: int = DEFAULT_MAX_NODES,
                base_dir: str | Path | None = None) -> ViewResult:
    """Build a view and write its page: to `output`, else visualizations/<view>-<entity-slug>.html
    under `base_dir` (default: the current directory). Writes that one file and nothing else."""
    built = build_view(store, view, entity, hops, max_nodes)
    path = Path(output) if output else default_path(view, built.entity, base_dir)
    size = write_page(built.network, built.page, path)
    return ViewResult(path=path, view=view, title=built.title, nodes=built.graph.number_of_nodes(),
                      edges=built.graph.number_of_edges(), total_nodes=built.total_nodes, sampled=built.sampled,
                      static_layout=built.static_layout, size_bytes=size, entity=built.entity)


def default_path(view: str, entity: Link | None, base_dir: str | Path | None = None) -> Path:
    name = f"{view}-{slug(entity.name) if entity else 'all'}.html"
    return Path(base_dir or Path.cwd()) / "visualizations" / name


def build_view(store: Store, view: str = "graph", entity: str | None = None, hops: int = 2,
               max_nodes: int = DEFAULT_MAX_NODES) -> View:
    if view not in VIEWS:
        raise KGError(f"unknown view {view!r}: choose one of {', '.join(VIEWS)}")
    if hops < 1:
        raise KGError("--hops must be at least 1")
    link = resolve_entity(store, entity) if entity else None
    source = source_graph(store, view, link.iri if link else None, hops)
    graph = display_graph(source, view)
    total = graph.number_of_nodes()
    focus = link.iri if link else None
    graph, sampled = cap(graph, max_nodes, focus)
    title, subtitle = _titles(view, link, hops, graph)
    notes = []
    if sampled:
        notes.append(f"Sampled: showing the {graph.number_of_nodes():,} most connected of {total:,} nodes "
                     f"({total - graph.number_of_nodes():,} left out). Draw one entity's neighbourhood with "
                     f"`kg viz NAME`, or raise the cap with --max-nodes.")
    if graph.number_of_nodes() == 0:
        notes.append({"graph": "The store holds no entities yet: load documents with `kg load`.",
                      "claims": "No claims in the store yet.",
                      "events": "No market events in the store yet."}[view])
    elif link and graph.number_of_nodes() == 1:
        notes.append(f"Nothing links {link.name} to anything else in this view.")
    static = graph.number_of_nodes() > STATIC_LAYOUT_ABOVE
    ticks = _place(graph, view, static, focus)
    net = _network(graph, view, title, static, focus)
    page = {"view": view, "subtitle": subtitle, "note": " ".join(notes) or None,
            "legend": _legend(graph), "timeline": ticks, "physics": not static and graph.number_of_nodes() > 0,
            "focus": focus}
    return View(view, title, graph, net, page, link, total, sampled, static, notes)


def resolve_entity(store: Store, name: str) -> Link:
    """The entity a name, alias or near spelling denotes, or UnknownEntityError with near matches."""
    if name.startswith(str(ID)):
        nodes = graphview.entity_nodes(store)
        if name in nodes:
            return Link(name, nodes[name]["label"], nodes[name]["type"], 100.0)
    links = link_entity(store, name)
    if not links or links[0].score < LINK_THRESHOLD:
        raise UnknownEntityError(name, [link for link in links if link.score >= NEAR_THRESHOLD])
    return links[0]


def source_graph(store: Store, view: str, focus: str | None = None, hops: int = 2) -> nx.MultiDiGraph:
    """The kg.graphview graph a view draws, cut to the neighbourhood of `focus` when given."""
    if view == "graph":
        base = graphview.entity_graph(store, claims=True, events=True)
    elif view == "claims":
        base = graphview.claims_graph(store)
    else:
        base = graphview.events_graph(store)
    if focus is None:
        return base
    if focus not in base:
        lone = nx.MultiDiGraph()
        lone.add_node(focus, **graphview.entity_nodes(store).get(focus, {"kind": "entity", "label": focus}))
        return lone
    return graphview.ego_graph(store, focus, hops, graph=base)


# ---------------------------------------------------------------------------------------------- display graph


def display_graph(source: nx.MultiDiGraph, view: str) -> nx.MultiDiGraph:
    """One edge per line drawn: facts between the same two entities with the same predicate are one
    line with all their evidence; in the claims view a claim is a line from its speaker to each
    entity it is about; a claim node's speaker edge is drawn from the speaker ("said")."""
    out = nx.MultiDiGraph()
    out.add_nodes_from(source.nodes(data=True))
    if view == "claims":
        _claim_lines(source, out)
        return out
    grouped: dict[tuple, list[dict]] = defaultdict(list)
    for u, v, data in source.edges(data=True):
        kind = source.nodes[u].get("kind", "entity")
        if kind == "claim" and data["predicate"] == "speaker":
            u, v, kind, predicate = v, u, "claim", "said"
        elif kind == "claim":
            kind, predicate = "claim", "about"
        elif kind == "event":
            predicate = data["predicate"]
        else:
            kind, predicate = "fact", data["predicate"]
        grouped[(u, v, kind, predicate)].append(data)
    for (u, v, kind, predicate), items in grouped.items():
        evidence = _evidence(items)
        shown = humanize(predicate) if kind == "fact" else predicate
        lines = []
        roles = sorted({d["role"] for d in items if d.get("role")})
        if roles:
            lines.append(("Role", "; ".join(roles)))
        if len(items) > 1:
            lines.append(("Read", f"{len(items)} times"))
        out.add_edge(u, v, kind=kind, predicate=shown, label=shown, count=len(items), evidence=evidence,
                     tip_title=f"{_label(out, u)} \u2014 {shown} \u2192 {_label(out, v)}", tip_lines=lines)
    return out


def _claim_lines(source: nx.MultiDiGraph, out: nx.MultiDiGraph) -> None:
    for claim, data in list(source.nodes(data=True)):
        if data.get("kind") != "claim":
            continue
        speakers = [v for _, v, d in source.out_edges(claim, data=True) if d["predicate"] == "speaker"]
        about = [v for _, v, d in source.out_edges(claim, data=True) if d["predicate"] == "about"]
        evidence = _evidence([data])
        lines = [("Said", data["text"])]
        if data.get("date"):
            lines.append(("Date", data["date"]))
        if data.get("channel"):
            lines.append(("Channel", data["channel"]))
        for speaker in speakers:
            targets = about or []
            if not targets:  # a claim about nothing we know: keep the claim as a node
                out.add_edge(speaker, claim, kind="claim", predicate="said", label="said", count=1,
                             evidence=evidence, claim=claim, tip_title=f"{_label(out, speaker)} said",
                             tip_lines=lines)
            for target in targets:
                out.add_edge(speaker, target, kind="claim", predicate="claim", label=shorten(data["text"], 30),
                             count=1, evidence=evidence, claim=claim,
                             tip_title=f"{_label(out, speaker)} \u2192 about {_label(out, target)}", tip_lines=lines)
        if about and speakers:
            out.remove_node(claim)
    _bundle_claims(out)
    out.remove_nodes_from([n for n, d in list(out.nodes(data=True)) if d.get("kind") != "claim" and out.degree(n) == 0])


def _bundle_claims(out: nx.MultiDiGraph, most: int = 2) -> None:
    """More than `most` claims from one speaker about one entity become one line, "N claims", with each
    claim and its sentence in the tooltip: a fan of a dozen curved labels cannot be read."""
    lines: dict[tuple, list] = defaultdict(list)
    for u, v, key, data in out.edges(keys=True, data=True):
        if data.get("predicate") == "claim":
            lines[(u, v)].append((key, data))
    for (u, v), items in lines.items():
        if len(items) <= most:
            continue
        for key, _ in items:
            out.remove_edge(u, v, key)
        said = [("Said", data["tip_lines"][0][1]) for _, data in items]
        evidence = [ev for _, data in items for ev in data["evidence"]]
        out.add_edge(u, v, kind="claim", predicate="claim", label=f"{len(items)} claims", count=len(items),
                     evidence=evidence, tip_title=f"{_label(out, u)} → about {_label(out, v)}: {len(items)} claims",
                     tip_lines=said[:_MAX_EVIDENCE])


def _evidence(items: list[dict]) -> list[dict]:
    seen, evidence = set(), []
    for item in items:
        for ev in item.get("evidence") or [{"sentence": item.get("sentence"), "document": item.get("document"),
                                             "document_title": item.get("document_title")}]:
            key = (ev["sentence"], ev["document"])
            if ev["sentence"] and key not in seen:
                seen.add(key)
                evidence.append({"sentence": ev["sentence"], "document": ev["document"],
                                 "title": ev.get("document_title")})
    return evidence


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("label", node))


# ---------------------------------------------------------------------------------------------- size cap


def cap(graph: nx.MultiDiGraph, max_nodes: int, focus: str | None = None) -> tuple[nx.MultiDiGraph, bool]:
    """At most `max_nodes` nodes: the most connected ones (around `focus`: the nearest first)."""
    if graph.number_of_nodes() <= max_nodes:
        return graph, False
    degree = dict(graph.degree())
    if focus is not None and focus in graph:
        distance = graphview.hop_distances(graph, focus)
        key = lambda n: (distance.get(n, math.inf), -degree[n], _label(graph, n))  # noqa: E731
    else:
        key = lambda n: (-degree[n], -graph.nodes[n].get("mentions", 0), _label(graph, n))  # noqa: E731
    keep = sorted(graph, key=key)[:max_nodes]
    return graph.subgraph(keep).copy(), True


# ---------------------------------------------------------------------------------------------- layout


def _place(graph: nx.MultiDiGraph, view: str, static: bool, focus: str | None = None) -> list[dict]:
    """Positions: a warm start for physics, or the final layout when static. Events go by date; the
    entity a neighbourhood is drawn around stays in the middle."""
    fixed_x: dict[str, float] = {}
    ticks: list[dict] = []
    initial: dict[str, tuple[float, float]] = {}
    if view == "events":
        events = {n: d.get("date") for n, d in graph.nodes(data=True) if d.get("kind") == "event"}
        fixed_x, ticks = layout.timeline_columns(events)
    elif focus in graph:
        graph.nodes[focus]["_pinned"] = True
    for node in graph:
        if node in fixed_x:
            continue
        xs = [fixed_x[other] for other in nx.all_neighbors(graph, node) if other in fixed_x]
        if xs:
            initial[node] = (sum(xs) / len(xs), 0.0)
    simple = nx.Graph(graph.to_undirected(as_view=True))
    positions = layout.force_layout(simple, fixed_x=fixed_x, initial=initial,
                                    iterations=150 if static else 80)
    dx, dy = positions[focus] if focus in positions and view != "events" else (0.0, 0.0)
    for node, (x, y) in positions.items():
        graph.nodes[node]["_xy"] = (round(x - dx, 1), round(y - dy, 1))
    for node in fixed_x:
        graph.nodes[node]["_fixed_x"] = True
    return ticks


# ---------------------------------------------------------------------------------------------- pyvis network


def _network(graph: nx.MultiDiGraph, view: str, title: str, static: bool, focus: str | None) -> Network:
    net = Network(height="100%", width="100%", directed=True, select_menu=True, filter_menu=True,
                  neighborhood_highlight=True, heading=title, cdn_resources="in_line")
    net.options = vis_options(graph.number_of_nodes(), static, view)
    degree = dict(graph.degree())
    for node, data in graph.nodes(data=True):
        net.add_node(node, **_node_options(graph, node, data, degree[node], node == focus))
    smooth = _parallel_curves(graph)
    for u, v, key, data in graph.edges(keys=True, data=True):
        options = _edge_options(data)
        if (u, v, key) in smooth:
            options["smooth"] = smooth[(u, v, key)]
        # pyvis's add_edge checks both ends against a list (O(n) per edge): the ends exist here
        net.edges.append(Edge(u, v, True, **options).options)
    return net


def vis_options(n_nodes: int, static: bool, view: str = "graph") -> dict:
    """vis-network options. Small graphs settle with forceAtlas2 from a warm start, then physics is
    switched off (kg-view.js); large ones are drawn where the Python layout put them, straight edges,
    edges hidden while dragging or zooming."""
    options = {
        "nodes": {
            "borderWidth": 1.5, "borderWidthSelected": 3,
            "font": {"size": 18, "face": FONT, "color": "#1F2933", "strokeWidth": 5, "strokeColor": "#FFFFFF"},
            "scaling": {"min": 12, "max": 36, "label": {"enabled": True, "min": 18, "max": 30,
                                                        "maxVisible": 30, "drawThreshold": 7}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": style.EDGE_COLORS["fact"], "highlight": style.HIGHLIGHT, "hover": style.HIGHLIGHT,
                      "inherit": False},
            "font": {"size": 13, "face": FONT, "color": "#52606D", "strokeWidth": 4, "strokeColor": "#FFFFFF",
                     "align": "horizontal" if view == "claims" else "middle"},
            "smooth": {"enabled": False},
            "width": 1.3, "selectionWidth": 1.6, "hoverWidth": 0.8,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "multiselect": True, "navigationButtons": False,
                        "keyboard": {"enabled": True, "bindToWindow": False},
                        "hideEdgesOnDrag": static, "hideEdgesOnZoom": static},
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }
    if static:
        options["physics"] = {"enabled": False}
    else:
        options["physics"] = {
            "enabled": True, "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -160 if view == "claims" else -80, "centralGravity": 0.012,
                                 "springLength": 280 if view == "claims" else 110,
                                 "springConstant": 0.06, "damping": 0.55, "avoidOverlap": 1.0},
            "maxVelocity": 60, "minVelocity": 1.0, "timestep": 0.45,
            "stabilization": {"enabled": True, "iterations": 1000 if n_nodes <= 200 else 600,
                              "updateInterval": 20, "fit": True},
        }
    return options


def _node_options(graph: nx.MultiDiGraph, node: str, data: dict, degree: int, is_focus: bool) -> dict:
    kind = data.get("kind", "entity")
    kind_style = style.node_style(kind, data.get("type", ""))
    type_name = humanize(data.get("type", "")).capitalize() if kind == "event" else data.get("type", "Other")
    label = data.get("label", node)
    if kind == "event":
        label = f"{label}\n{data['date'][:10]}" if data.get("date") else label
    elif kind == "claim":
        label = "\u201c" + shorten(data.get("text", label), 24) + "\u201d"
    else:
        label = shorten(label, 32)
    options = {
        "label": label, "shape": kind_style.shape, "color": style.vis_color(kind_style), "value": round(math.sqrt(degree + 1), 2),
        "mass": 1 + min(degree, 30) / 6, "kind": kind, "type": type_name, "tip": _node_tip(graph, node, data, type_name),
    }
    if "_xy" in data:
        options["x"], options["y"] = data["_xy"]
    if data.get("_fixed_x"):
        options["fixed"] = {"x": True, "y": False}
    if data.get("_pinned"):
        options["fixed"] = {"x": True, "y": True}
    if is_focus:
        options["borderWidth"] = 4
        options["font"] = {"size": 26}
        options["color"] = {**options["color"], "border": style.HIGHLIGHT}
    return options


def _node_tip(graph: nx.MultiDiGraph, node: str, data: dict, type_name: str) -> dict:
    kind = data.get("kind", "entity")
    lines: list[tuple[str, str]] = []
    evidence: list[dict] = []
    if kind == "entity":
        title, subtitle = data.get("label", node), type_name
        if data.get("aliases"):
            lines.append(("Also known as", ", ".join(data["aliases"][:8])))
        documents = data.get("documents") or []
        if documents:
            shown = ", ".join(documents[:4]) + (f" and {len(documents) - 4} more" if len(documents) > 4 else "")
            lines.append(("Mentioned in", f"{len(documents)} document{'s' if len(documents) != 1 else ''}: {shown}"))
        kinds = Counter(d["kind"] for _, _, d in graph.in_edges(node, data=True))
        kinds.update(d["kind"] for _, _, d in graph.out_edges(node, data=True))
        if kinds:
            lines.append(("Links here", ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in sorted(kinds.items()))))
        lines.append(("IRI", node))
    elif kind == "claim":
        title = "Claim"
        subtitle = " \u00b7 ".join(str(x) for x in (data.get("date"), data.get("channel")) if x)
        lines.append(("Said", data.get("text", "")))
        evidence = _evidence([data])
    else:
        title = type_name
        date = data.get("date")
        subtitle = (f"{date} (date of the article)" if data.get("date_source") == "document" else str(date)) \
            if date else "undated"
        for _, other, d in graph.out_edges(node, data=True):
            lines.append((d["predicate"].capitalize(), _label(graph, other)))
        for key, value in sorted((data.get("details") or {}).items()):
            lines.append((key.capitalize(), ", ".join(value) if isinstance(value, list) else str(value)))
        evidence = _evidence([data])
    return {"title": title, "subtitle": subtitle, "lines": [list(line) for line in lines],
            "evidence": evidence[:_MAX_EVIDENCE], "more": max(0, len(evidence) - _MAX_EVIDENCE)}


def _edge_options(data: dict) -> dict:
    evidence = data.get("evidence") or []
    options = {
        "label": data["label"], "predicate": data["predicate"], "kind": data["kind"],
        "document": evidence[0]["document"] if evidence else "",
        "width": 1.3 + 1.2 * math.log2(data.get("count", 1)),
        "tip": {"title": data["tip_title"], "subtitle": f"{len(evidence)} sentence{'s' if len(evidence) != 1 else ''}",
                "lines": [list(line) for line in data.get("tip_lines", [])],
                "evidence": evidence[:_MAX_EVIDENCE], "more": max(0, len(evidence) - _MAX_EVIDENCE)},
    }
    if data["kind"] != "fact":
        options["color"] = {"color": style.EDGE_COLORS[data["kind"]], "highlight": style.HIGHLIGHT,
                            "hover": style.HIGHLIGHT}
    if data["kind"] == "event":
        options["dashes"] = [4, 4]
        options["font"] = {"size": 12, "color": "#7B8794"}
    return options


def _parallel_curves(graph: nx.MultiDiGraph) -> dict[tuple, dict]:
    """Lines between the same two nodes bend apart instead of drawing over each other."""
    pairs: dict[frozenset, list[tuple]] = defaultdict(list)
    for u, v, key in graph.edges(keys=True):
        pairs[frozenset((u, v))].append((u, v, key))
    curves = {}
    for edges in pairs.values():
        if len(edges) < 2:
            continue
        first = edges[0][0]
        for i, (u, v, key) in enumerate(edges):
            offset = (i - (len(edges) - 1) / 2) * (1 if u == first else -1)
            if offset == 0:
                curves[(u, v, key)] = {"enabled": False}
            else:
                curves[(u, v, key)] = {"enabled": True, "type": "curvedCW" if offset > 0 else "curvedCCW",
                                       "roundness": min(0.9, 0.22 * abs(offset))}
    return curves


# ---------------------------------------------------------------------------------------------- page text


def _legend(graph: nx.MultiDiGraph) -> dict:
    counts: Counter = Counter()
    for _, data in graph.nodes(data=True):
        kind = data.get("kind", "entity")
        key = "Event" if kind == "event" else data.get("type") if data.get("type") in style.NODE_STYLES else "Other"
        counts[key] += 1
    edge_kinds = Counter(data["kind"] for _, _, data in graph.edges(data=True))
    return style.legend(counts, {k: edge_kinds.get(k, 0) for k in ("fact", "claim", "event")})


def _titles(view: str, link: Link | None, hops: int, graph: nx.MultiDiGraph) -> tuple[str, str]:
    around = f" around {link.name}" if link else ""
    reach = f" within {hops} hop{'s' if hops != 1 else ''} of {link.name} ({link.type})" if link else ""
    if view == "graph":
        title = f"{link.name}: {hops}-hop neighbourhood" if link else "Knowledge graph: all entities"
        what = "entities, facts, claims and market events"
    elif view == "claims":
        title = f"Claims{around}: who said what about whom"
        what = "claims drawn from speaker to subject"
    else:
        title = f"Market events{around}, in time"
        what = "events left to right by date, with the companies, products and markets involved"
    counts = f"{graph.number_of_nodes():,} nodes \u00b7 {graph.number_of_edges():,} edges"
    return title, f"{counts} \u00b7 {what}{reach}"


__all__ = ["VIEWS", "View", "ViewResult", "UnknownEntityError", "build_view", "render_view", "resolve_entity",
           "source_graph", "display_graph", "cap", "vis_options", "default_path"]
