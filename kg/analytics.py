"""Graph analytics on the networkx view of the store (kg.graphview): who is central, which entities form
communities, how two entities are connected, and the graph as GraphML or GEXF for Gephi.

The analysed graph is the entity graph with claims and events as nodes (a claim links its speaker to what
it is about; an event links its company, products, markets and parties), made undirected and simple:
parallel edges become one edge whose `weight` is their number (the same fact read in three documents
weighs 3). Document mentions are not links, as in the query packs' `connection` and `most_connected`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import networkx as nx

from . import graphview
from .errors import QueryError

SEED = 42   # Louvain is randomised: a fixed seed gives the same communities on the same graph


def store_graph(store) -> nx.MultiDiGraph:
    """The full view: entities, facts, claims and events (kg.graphview.entity_graph)."""
    return graphview.entity_graph(store, claims=True, events=True)


def simple_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """Undirected, one edge per linked pair, `weight` = how many facts/claims/events links join them."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for u, v in graph.edges():
        if u == v:
            continue
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += 1
        else:
            simple.add_edge(u, v, weight=1)
    return simple


@dataclass
class Central:
    name: str
    type: str
    degree: int          # links (weighted: every fact, claim and event link counts)
    neighbours: int      # distinct nodes linked
    pagerank: float
    documents: int


@dataclass
class Community:
    members: list[str]                                  # entity names, most linked first
    types: dict[str, int] = field(default_factory=dict)  # entity type -> count


@dataclass
class Analysis:
    nodes: int
    edges: int
    by_degree: list[Central]
    by_pagerank: list[Central]
    communities: list[Community]
    algorithm: str


def analyze(graph: nx.MultiDiGraph, top: int = 10, types: Iterable[str] = ("Company",)) -> Analysis:
    """The most central entities of the given types, by degree and by PageRank, and the communities."""
    simple = simple_graph(graph)
    wanted = set(types)
    ranks = pagerank(simple)
    entries = []
    for node, attrs in simple.nodes(data=True):
        if attrs.get("kind") != "entity" or (wanted and attrs.get("type") not in wanted):
            continue
        degree = int(simple.degree(node, weight="weight"))
        if degree == 0:
            continue
        entries.append(Central(attrs.get("label", node), attrs.get("type", ""), degree, simple.degree(node),
                               round(ranks.get(node, 0.0), 6), int(attrs.get("mentions", 0))))
    by_degree = sorted(entries, key=lambda c: (-c.degree, -c.documents, c.name))[:top]
    by_pagerank = sorted(entries, key=lambda c: (-c.pagerank, -c.degree, c.name))[:top]
    groups, algorithm = communities(simple)
    return Analysis(graph.number_of_nodes(), graph.number_of_edges(), by_degree, by_pagerank, groups, algorithm)


def pagerank(simple: nx.Graph, alpha: float = 0.85, tol: float = 1.0e-10, max_iter: int = 200) -> dict:
    """Weighted PageRank by power iteration (networkx's own needs scipy, which kg does not depend on);
    the same definition as nx.pagerank: dangling nodes spread their rank evenly."""
    nodes = list(simple)
    if not nodes:
        return {}
    n = len(nodes)
    strength = {u: simple.degree(u, weight="weight") for u in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[u] for u in nodes if strength[u] == 0) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u in nodes:
            if strength[u]:
                share = alpha * rank[u] / strength[u]
                for v, data in simple[u].items():
                    new[v] += share * data.get("weight", 1)
        if sum(abs(new[u] - rank[u]) for u in nodes) < n * tol:
            return new
        rank = new
    return rank


def communities(simple: nx.Graph, min_size: int = 2) -> tuple[list[Community], str]:
    """Louvain communities (greedy modularity where this networkx has no Louvain), as entity names;
    claims and events take part in the partition but are not listed."""
    linked = simple.subgraph([n for n in simple if simple.degree(n) > 0])
    if linked.number_of_edges() == 0:
        return [], "none"
    try:
        parts = nx.community.louvain_communities(linked, weight="weight", seed=SEED)
        algorithm = "louvain"
    except AttributeError:  # networkx < 2.8
        parts = nx.community.greedy_modularity_communities(linked, weight="weight")
        algorithm = "greedy modularity"
    out = []
    for part in parts:
        entities = [n for n in part if linked.nodes[n].get("kind") == "entity"]
        if len(entities) < min_size:
            continue
        entities.sort(key=lambda n: (-linked.degree(n, weight="weight"), linked.nodes[n].get("label", n)))
        types: dict[str, int] = {}
        for n in entities:
            kind = linked.nodes[n].get("type", "")
            types[kind] = types.get(kind, 0) + 1
        out.append(Community([linked.nodes[n].get("label", n) for n in entities], dict(sorted(types.items()))))
    out.sort(key=lambda c: (-len(c.members), c.members))
    return out, algorithm


# ------------------------------------------------------------------------------------------------ paths


@dataclass
class Step:
    source: str
    predicate: str
    target: str
    forward: bool            # the RDF direction goes source -> target
    sentence: str | None
    document: str | None


@dataclass
class PathResult:
    source: str
    target: str
    hops: int
    nodes: list[str]
    steps: list[Step]


def find_entity(graph: nx.MultiDiGraph, name: str) -> str:
    """The node of an entity named `name` (name or alias, case and punctuation ignored; near spellings too)."""
    from rapidfuzz import fuzz, process

    from .resolution import normalize

    key = normalize(name)
    names: dict[str, list[str]] = {}
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") != "entity":
            continue
        for label in (attrs.get("label"), *attrs.get("aliases", ())):
            if label:
                names.setdefault(normalize(label), []).append(node)
    if key in names:
        return max(names[key], key=lambda n: graph.nodes[n].get("mentions", 0))
    near = process.extract(key, list(names), scorer=fuzz.WRatio, limit=5)
    if near and near[0][1] >= 90:
        return names[near[0][0]][0]
    suggestions = ", ".join(graph.nodes[names[n][0]]["label"] for n, score, _ in near if score >= 60)
    raise QueryError(f"{name!r} is not in the graph" + (f" (closest: {suggestions})" if suggestions else ""))


def shortest_path(graph: nx.MultiDiGraph, source: str, target: str) -> PathResult | None:
    """The shortest chain between two entities (by name), any length, claims and events counting as nodes
    as in the `connection` query; None when they are not connected."""
    a, b = find_entity(graph, source), find_entity(graph, target)
    undirected = simple_graph(graph)
    try:
        nodes = nx.shortest_path(undirected, a, b)
    except nx.NetworkXNoPath:
        return None
    steps = []
    for u, v in zip(nodes, nodes[1:]):
        forward = graph.has_edge(u, v)
        data = min((graph.get_edge_data(u, v) if forward else graph.get_edge_data(v, u)).values(),
                   key=lambda d: (d.get("document") or "", d.get("predicate", "")))
        steps.append(Step(_name(graph, u), data.get("predicate", ""), _name(graph, v), forward,
                          data.get("sentence"), data.get("document")))
    return PathResult(_name(graph, a), _name(graph, b), len(nodes) - 1, [_name(graph, n) for n in nodes], steps)


def _name(graph: nx.MultiDiGraph, node: str) -> str:
    attrs = graph.nodes[node]
    return attrs.get("label") or node


# ------------------------------------------------------------------------------------------------ export


def gephi_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes GraphML and GEXF can hold: scalars only (lists joined with "; ", None
    left out), and a `label` on every node for Gephi."""
    out = nx.MultiDiGraph()
    for node, attrs in graph.nodes(data=True):
        out.add_node(node, **_scalars(attrs))
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        out.add_edge(u, v, key=str(key), **_scalars(attrs))
    return out


def _scalars(attrs: dict) -> dict:
    out = {}
    for key, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple, set)):
            value = "; ".join(_flat(v) for v in value)
        elif isinstance(value, dict):
            value = "; ".join(f"{k}={_flat(v)}" for k, v in value.items())
        elif not isinstance(value, (str, int, float, bool)):
            value = str(value)
        out[key] = value
    return out


def _flat(value) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items() if v is not None)
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


def write_graphml(store, out: BinaryIO) -> None:
    nx.write_graphml(gephi_graph(store_graph(store)), out, encoding="utf-8")


def write_gexf(store, out: BinaryIO) -> None:
    nx.write_gexf(gephi_graph(store_graph(store)), out, encoding="utf-8")


def write(store, fmt: str, path: str | Path) -> None:
    with open(path, "wb") as out:
        {"graphml": write_graphml, "gexf": write_gexf}[fmt](store, out)
