"""`connection` on the embedded store (kg.connection): a breadth-first search from both ends that gives the rows
of queries/sparql/connection.rq, and holds only the nodes near the two ends, not the whole graph.

The .rq is the statement of what `connection` answers: here it is run as SPARQL on the seeds and compared with
the search, row by row: the same source, target and hops, and a path whose every step is a relationship of that
type in that document. Which of several shortest paths either takes is not promised (tests/test_pack_parity.py),
nor which relationship or document a step names when it has several (the .rq's choice follows the engine's
internal order, which differs from one load of the seeds to another)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.backends import LocalBackend, _term, decode, sparql_pack
from kg.connection import MAX_HOPS, Search, connection
from kg.store import Store

KG = "https://w3id.org/kg-news/ontology#"
ENTITIES = ox.NamedNode("https://w3id.org/kg-news/graph/entities")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")

PAIRS = [("Lei Jun", "Microsoft"), ("lei jun", "MICROSOFT"), ("Mi 10", "AT&T"), ("AT&T", "Spain"),
         ("Chen Meng", "iPhone"), ("Wang Xiang", "Redmi"), ("Jeff Kagan", "Microsoft"), ("IDC", "Apple"),
         ("Microsoft", "Lei Jun"), ("Xiaomi", "xiaomi"), ("Xiaomi", "nobody at all"), ("nobody", "Microsoft"),
         ("United States", "Apple"), ('Xiaomi" } } DROP ALL #', "Microsoft")]


@pytest.fixture(scope="module")
def seeds(seeds_store):
    with Store.open(seeds_store) as store:
        yield store


def rq_rows(store, source: str, target: str) -> list[dict]:
    """The rows of connection.rq itself, run as SPARQL with its parameters bound (the way before the search)."""
    query = sparql_pack()["connection"]
    rows = store.select(query.text, {"from": _term(source), "to": _term(target)})
    return [{k: decode(v) for k, v in row.items() if k not in ("from", "to")} for row in rows]


def documents_of_step(store, left, right, relationship: str) -> set[str]:
    """The documents holding a relationship of this type between two nodes named so, either way round."""
    rows = store.select("""SELECT DISTINCT ?d ?p ?ln ?rn WHERE {
        GRAPH ?g { { ?x ?p ?y } UNION { ?y ?p ?x } ?g kg:docId ?d }
        { GRAPH <https://w3id.org/kg-news/graph/entities> { ?x rdfs:label ?ln } } UNION { ?x a ?lk BIND(STR(?lk) AS ?ln) }
        { GRAPH <https://w3id.org/kg-news/graph/entities> { ?y rdfs:label ?rn } } UNION { ?y a ?rk BIND(STR(?rk) AS ?rn) } }""")
    squash = lambda s: s.rsplit("#", 1)[-1].replace(" ", "").lower()   # noqa: E731 "Deal cancellation" ~ kg:DealCancellation
    return {r["d"] for r in rows if squash(r["ln"]) == squash(left) and squash(r["rn"]) == squash(right)
            and r["p"].rsplit("#", 1)[1].lower() == relationship.replace("_", "").lower()}


@pytest.mark.parametrize("source, target", PAIRS)
def test_the_search_gives_the_rows_of_the_rq_on_the_seeds(seeds, source, target):
    before, now = rq_rows(seeds, source, target), connection(seeds, source, target)
    assert LocalBackend(seeds).run("connection", **{"from": source, "to": target}) == now
    assert len(now) == len(before) <= 1
    if not before:
        return
    [old], [new] = before, now
    assert (new["source"], new["target"], new["hops"]) == (old["source"], old["target"], old["hops"])
    assert new["hops"] == len(new["path"]) - 1 == len(new["relationships"]) == len(new["documents"])
    assert (new["path"][0], new["path"][-1]) == (old["path"][0], old["path"][-1])
    for left, kind, right, doc in zip(new["path"], new["relationships"], new["path"][1:], new["documents"]):
        assert doc in documents_of_step(seeds, left, right, kind), (left, kind, right, doc)


def test_the_cases_named_in_the_pack(seeds):
    [row] = connection(seeds, "lei jun", "MICROSOFT")
    assert row == {"source": "Lei Jun", "target": "Microsoft", "hops": 2, "path": ["Lei Jun", "Xiaomi", "Microsoft"],
                   "relationships": ["EXECUTIVE_OF", "PARTNERS_WITH"],
                   "documents": ["003_bf8f7558add87d6d.txt", "004_61b824737333c4b0.txt"]}
    assert connection(seeds, "Xiaomi", "xiaomi") == []            # the same entity: no connection
    assert connection(seeds, "Xiaomi", "nobody at all") == []     # no such entity
    [longer] = connection(seeds, "AT&T", "Spain")                 # through an event's node
    assert longer["path"][1] == "Deal cancellation" and longer["hops"] == 4
    assert connection(seeds, "United States", "Jeff Kagan") == []  # unconnected (the .rq takes minutes here)


# ------------------------------------------------------------------------------------------------ bounded cost


def node(kind: str, i) -> ox.NamedNode:
    return ox.NamedNode(f"https://w3id.org/kg-news/id/{kind}/{i}")


def entity(iri: ox.NamedNode, kind: str, label: str, graph) -> list[ox.Quad]:
    return [ox.Quad(iri, RDF_TYPE, ox.NamedNode(KG + kind), g) for g in (ENTITIES, graph)] + \
           [ox.Quad(iri, LABEL, ox.Literal(label), g) for g in (ENTITIES, graph)]


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """A hub company with 100,000 claims about it (~300k quads), and a few entities around it:

        Left -partnersWith- Middle -partnersWith- Right,  Left -competesWith- Hub,
        Speaker -speaker of- claim 0 -about- Hub,  Alone (no relationship),  a chain C0 - C1 - ... - C11."""
    home = tmp_path_factory.mktemp("hub") / "home"
    doc = node("document", "hub")
    rel = lambda s, p, o: ox.Quad(s, ox.NamedNode(KG + p), o, doc)   # noqa: E731
    quads = [ox.Quad(doc, ox.NamedNode(KG + "docId"), ox.Literal("hub.txt"), doc)]
    names = {"Hub": "Company", "Left": "Company", "Middle": "Company", "Right": "Company", "Speaker": "Person",
             "Alone": "Company", **{f"C{i}": "Company" for i in range(12)}}
    for name, kind in names.items():
        quads += entity(node("company", name), kind, name, doc)
    quads += [rel(node("company", "Left"), "partnersWith", node("company", "Middle")),
              rel(node("company", "Middle"), "partnersWith", node("company", "Right")),
              rel(node("company", "Left"), "competesWith", node("company", "Hub")),
              rel(node("claim", 0), "speaker", node("company", "Speaker"))]
    quads += [rel(node("company", f"C{i}"), "partnersWith", node("company", f"C{i + 1}")) for i in range(11)]
    for i in range(100_000):
        quads += [ox.Quad(node("claim", i), RDF_TYPE, ox.NamedNode(KG + "Claim"), doc),
                  rel(node("claim", i), "about", node("company", "Hub")),
                  ox.Quad(node("claim", i), ox.NamedNode(KG + "text"), ox.Literal(f"claim {i}"), doc)]
    with Store.open(home, write=True) as store:
        store.add_quads(quads)
        assert len(store) > 300_000
    with Store.open(home) as store:
        yield store


def test_a_near_pair_beside_a_hub_visits_a_handful_of_nodes(hub):
    search = Search()
    [row] = connection(hub, "Left", "Right", search=search)
    assert row["path"] == ["Left", "Middle", "Right"] and row["relationships"] == ["PARTNERS_WITH"] * 2
    assert search.visited <= 4 and search.queries <= 8       # the hub's 100,000 claims are never expanded


def test_a_path_through_the_hub_meets_at_the_hub(hub):
    search = Search()
    [row] = connection(hub, "Speaker", "Left", search=search)
    assert row["hops"] == 3 and row["path"] == ["Speaker", "Claim", "Hub", "Left"]
    assert row["relationships"] == ["SPEAKER", "ABOUT", "COMPETES_WITH"] and row["documents"] == ["hub.txt"] * 3
    assert search.visited <= 6                               # each side met the other before expanding the hub


def test_no_connection_stops_when_a_side_runs_out(hub):
    search = Search()
    assert connection(hub, "Alone", "Hub", search=search) == []
    assert search.visited == 0 and search.queries <= 3       # Alone has no neighbour: nothing else is read


def test_a_search_from_the_hub_holds_what_is_near_it_and_stops_at_the_hop_limit(hub):
    search = Search()
    [row] = connection(hub, "Hub", "Right", search=search)
    assert row["path"] == ["Hub", "Left", "Middle", "Right"]
    # one node each side: the hub's is expanded once (its 100,001 neighbours held), then the smaller side
    # only, until it meets them; the claims are never expanded
    assert search.visited == 100_001 + 2 and search.queries <= 2 + 3 + 2
    search = Search()
    [row] = connection(hub, "C0", f"C{MAX_HOPS}", search=search)
    assert row["hops"] == MAX_HOPS
    search = Search()
    assert connection(hub, "C0", f"C{MAX_HOPS + 1}", search=search) == []
    assert search.visited == MAX_HOPS + 1     # C8 and C10 from C9, then C1 ... C7 from C0 (the smaller side): 8 levels


def test_a_path_needs_named_nodes_and_documented_steps_and_many_paths_are_not_all_built(tmp_path):
    """Left and Right are 2 hops apart through three middles: m0 has no name, m1's steps are in a graph with no
    document, m2 is a company; and Right is 8 hops from Far through 7 layers of 30 companies each, every node
    of a layer linked to every node of the next (30**7 shortest paths)."""
    doc, undocumented = node("document", "d"), node("graph", "no-doc")
    rel = lambda s, p, o, g=doc: ox.Quad(s, ox.NamedNode(KG + p), o, g)   # noqa: E731
    quads = [ox.Quad(doc, ox.NamedNode(KG + "docId"), ox.Literal("d.txt"), doc)]
    left, right, far = node("company", "left"), node("company", "right"), node("company", "far")
    quads += entity(left, "Company", "Left", doc) + entity(right, "Company", "Right", doc) + \
        entity(far, "Company", "Far", doc)
    middles = [node("company", f"m{i}") for i in range(3)]
    quads += entity(middles[1], "Company", "M1", doc) + entity(middles[2], "Company", "M2", doc)
    quads += [rel(left, "partnersWith", middles[0]), rel(middles[0], "partnersWith", right),
              rel(left, "partnersWith", middles[1], undocumented), rel(middles[1], "partnersWith", right, undocumented),
              rel(middles[2], "partnersWith", left), rel(middles[2], "partnersWith", right)]
    layers = [[far]] + [[node("company", f"l{k}-{i}") for i in range(30)] for k in range(7)] + [[right]]
    for k, layer in enumerate(layers[1:-1], 1):
        for n in layer:
            quads += entity(n, "Company", n.value.rsplit("/", 1)[1], doc)
    for here, there in zip(layers, layers[1:]):
        quads += [rel(a, "competesWith", b) for a in here for b in there]
    with Store.open(tmp_path / "home", write=True) as store:
        store.add_quads(quads)
    with Store.open(tmp_path / "home") as store:
        [row] = connection(store, "Left", "Right")
        assert row["path"] == ["Left", "M2", "Right"] and row["relationships"] == ["PARTNERS_WITH"] * 2
        assert rq_rows(store, "Left", "Right") == [row]
        [row] = connection(store, "Far", "Right")
        assert row["hops"] == 8 and row["relationships"] == ["COMPETES_WITH"] * 8
