"""Graph analytics on the networkx view of the seeds: central companies, communities, paths, and the GraphML /
GEXF export for Gephi; `kg analyze` and `kg export --format graphml|gexf`."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner

from kg import analytics
from kg.backends import LocalBackend
from kg.cli import main
from kg.errors import QueryError
from kg.store import Store


@pytest.fixture(scope="module")
def graph(seeds_store):
    with Store.open(seeds_store) as store:
        return analytics.store_graph(store)


def test_xiaomi_is_the_most_central_company_by_degree_and_pagerank(graph):
    result = analytics.analyze(graph, top=5)
    assert result.by_degree[0].name == "Xiaomi" and result.by_pagerank[0].name == "Xiaomi"
    assert len(result.by_degree) == 5 and all(c.type == "Company" for c in result.by_degree)
    degrees = [c.degree for c in result.by_degree]
    assert degrees == sorted(degrees, reverse=True)
    assert 0 < result.by_pagerank[0].pagerank < 1


def test_degree_is_the_most_connected_query_s(graph, seeds_store):
    """The networkx view and the query packs count links the same way (facts, claims, events)."""
    with Store.open(seeds_store) as store:
        rows = LocalBackend(store).run("most_connected", limit=5)
    central = {c.name: c for c in analytics.analyze(graph, top=50).by_degree}
    for row in rows:
        assert (central[row["company"]].degree, central[row["company"]].neighbours) == (row["degree"], row["neighbours"])


def test_pagerank_is_networkx_s_definition():
    reference = pytest.importorskip("networkx.algorithms.link_analysis.pagerank_alg")._pagerank_python
    simple = nx.Graph()
    simple.add_weighted_edges_from([("a", "b", 3), ("b", "c", 1), ("c", "a", 1), ("c", "d", 2)])
    simple.add_node("lonely")
    ours = analytics.pagerank(simple)
    theirs = reference(simple, weight="weight", tol=1e-12)
    assert ours.keys() == theirs.keys()
    assert all(abs(ours[n] - theirs[n]) < 1e-6 for n in ours)
    assert abs(sum(ours.values()) - 1) < 1e-9


def test_communities_partition_the_linked_entities(graph):
    result = analytics.analyze(graph)
    assert result.algorithm in ("louvain", "greedy modularity") and result.communities
    members = [m for c in result.communities for m in c.members]
    assert len(members) == len(set(members))
    assert all(len(c.members) >= 2 for c in result.communities)
    assert "Xiaomi" in result.communities[0].members            # the largest one
    assert analytics.analyze(graph).communities == result.communities     # the same seed, the same answer


def test_the_shortest_path_has_a_sentence_per_step(graph):
    path = analytics.shortest_path(graph, "lei jun", "MICROSOFT")
    assert (path.source, path.target, path.hops, path.nodes) == ("Lei Jun", "Microsoft", 2, ["Lei Jun", "Xiaomi", "Microsoft"])
    assert [s.predicate for s in path.steps] == ["executiveOf", "partnersWith"]
    assert all(s.sentence and s.document for s in path.steps)
    assert path.steps[0].forward


def test_paths_have_no_length_limit_and_unknown_names_say_so(graph):
    chain = nx.MultiDiGraph()             # twelve companies in a row, each partner of the next
    for i in range(12):
        chain.add_node(f"c{i}", kind="entity", label=f"Company {i}")
    for i in range(11):
        chain.add_edge(f"c{i}", f"c{i + 1}", predicate="partnersWith", sentence=f"Company {i} and {i + 1}.",
                       document="d.txt")
    path = analytics.shortest_path(chain, "Company 0", "Company 11")
    assert path.hops == 11 and path.nodes == [f"Company {i}" for i in range(12)]
    # on the seeds: a path of several steps (claims and events count as nodes), each with its sentence
    seeds_path = analytics.shortest_path(graph, "IDC", "Redmi")
    assert seeds_path.hops >= 3 and len(seeds_path.steps) == seeds_path.hops
    assert all(step.sentence and step.document for step in seeds_path.steps)
    with pytest.raises(QueryError, match="'Zebra Dynamics' is not in the graph"):
        analytics.shortest_path(graph, "Zebra Dynamics", "Xiaomi")


def test_kg_analyze(seeds_store):
    runner = CliRunner()
    result = runner.invoke(main, ["analyze", "--json", "--top", "3", "--home", str(seeds_store)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [c["name"] for c in data["by_degree"]][0] == "Xiaomi" and len(data["by_degree"]) == 3
    assert data["communities"] and data["nodes"] > 50
    result = runner.invoke(main, ["analyze", "--home", str(seeds_store)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "most central companies by degree" in result.stdout and "PageRank" in result.stdout
    assert "communities (louvain" in result.stdout or "communities (greedy" in result.stdout


def test_kg_analyze_path(seeds_store):
    runner = CliRunner()
    result = runner.invoke(main, ["analyze", "--path", "Lei Jun", "Microsoft", "--json", "--home", str(seeds_store)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["hops"] == 2 and data["nodes"] == ["Lei Jun", "Xiaomi", "Microsoft"]
    result = runner.invoke(main, ["analyze", "--path", "Lei Jun", "Zebra Dynamics", "--home", str(seeds_store)])
    assert result.exit_code == 1 and result.stderr.startswith("Error: 'Zebra Dynamics' is not in the graph")
    assert "Traceback" not in result.output


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_for_gephi(seeds_store, graph, tmp_path, fmt, read):
    output = tmp_path / f"seeds.{fmt}"
    result = CliRunner().invoke(main, ["export", "--format", fmt, "-o", str(output), "--home", str(seeds_store)])
    assert result.exit_code == 0, result.output
    back = read(output)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    xiaomi = next(n for n, attrs in back.nodes(data=True) if attrs.get("label") == "Xiaomi")
    assert back.nodes[xiaomi]["type"] == "Company"
    sentences = [attrs.get("sentence") for _, _, attrs in back.edges(data=True)]
    assert all(sentences)


def test_gephi_attributes_are_scalars(graph):
    exported = analytics.gephi_graph(graph)
    for _, attrs in exported.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in attrs.values())
    for _, _, attrs in exported.edges(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in attrs.values())
    buffer = io.BytesIO()
    nx.write_graphml(exported, buffer)
    assert buffer.getvalue().startswith(b"<?xml")
