"""The two query packs give the same answers: every SPARQL query on the embedded store and its Cypher twin on
a real Neo4j (tests/neo4j_fixture.py) after `kg sync` of the seeds, for every entity of the seeds.

Equal after normalisation: the same column names in the same order, the same rows in any order, numbers as
floats, lists compared as sets (the packs promise no order inside a list). `connection` returns one of
possibly several shortest paths, so both sides must agree on source, target and length, and every step of
the SPARQL path must be a relationship Neo4j has."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.backends import LocalBackend, Neo4jBackend, cypher_pack, sparql_pack
from kg.cli import main
from kg.store import Store
from neo4j_fixture import clean_database

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def backends(neo4j_server, seeds_store):
    """The seeds in both backends: the embedded store, and Neo4j after `kg sync`."""
    clean_database(neo4j_server)
    result = CliRunner().invoke(main, ["sync", "--home", str(seeds_store), "--json"], env=neo4j_server.env())
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents_synced"] == 5
    with Store.open(seeds_store) as store, neo4j_server.driver() as driver:
        yield LocalBackend(store), Neo4jBackend(driver)


def normal(value):
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, list):
        return sorted((normal(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, dict):
        return {k: normal(v) for k, v in value.items()}
    return value


def table(rows: list[dict]) -> list[str]:
    return sorted(json.dumps(normal(row), sort_keys=True, ensure_ascii=False) for row in rows)


def entities(local: LocalBackend, *types: str) -> list[str]:
    return sorted({e.name for e in local.entities() if not types or e.is_a(*types)})


def cases(local: LocalBackend) -> dict[str, list[dict]]:
    companies, markets = entities(local, "Company"), entities(local, "Market")
    everything = entities(local)
    aliases = sorted({a for e in local.entities() for a in e.aliases})
    names = [{"name": n} for n in everything + aliases + ["nobody at all", "XIAOMI", "the us"]]
    company_names = [{"name": n} for n in companies + ["xioami", "Huawei Technologies", "nobody at all"]]
    by_query = {name: company_names for name in ("company_profile", "company_products", "company_executives",
                                                 "company_competitors", "company_partners", "company_markets",
                                                 "company_timeline")}
    by_query.update({"claims_about": names, "entity_documents": names, "entity_facts": names, "claims_by": names,
                     "market_claims": [{"name": n} for n in markets + ["us", "U.S.", "nowhere"]],
                     "most_connected": [{}, {"limit": 1}, {"limit": 5}, {"limit": 1000}],
                     "connection": [{"from": a, "to": b} for a in ("Lei Jun", "Xiaomi", "Mi 10", "IDC", "Jeff Kagan",
                                                                     "United States", "Chen Meng", "AT&T")
                                    for b in ("Microsoft", "Apple", "Redmi", "Spain", "Wang Xiang", "AT&T", "iPhone")
                                    if a != b]})
    return by_query


def test_every_query_has_both_twins_and_a_case():
    assert set(sparql_pack()) == set(cypher_pack())


def test_every_pair_gives_the_same_rows_on_the_seeds(backends):
    local, neo4j = backends
    differences, compared = [], 0
    for name, params_list in cases(local).items():
        for params in params_list:
            ours, theirs = local.run(name, **params), neo4j.run(name, **params)
            if ours and theirs:
                assert list(ours[0]) == list(theirs[0]), f"{name}: columns differ"
            if name == "connection":
                ours = [{k: r[k] for k in ("source", "target", "hops")} for r in ours]
                theirs = [{k: r[k] for k in ("source", "target", "hops")} for r in theirs]
            if table(ours) != table(theirs):
                only_ours = sorted(set(table(ours)) - set(table(theirs)))[:3]
                only_theirs = sorted(set(table(theirs)) - set(table(ours)))[:3]
                differences.append(f"{name} {params}: SPARQL only {only_ours}; Cypher only {only_theirs}")
            compared += 1
    assert not differences, "\n".join(differences)
    assert compared > 300


def test_most_connected_keeps_the_limit(backends):
    local, neo4j = backends
    for limit in (1, 3):
        assert [r["company"] for r in local.run("most_connected", limit=limit)] == \
               [r["company"] for r in neo4j.run("most_connected", limit=limit)]


def test_every_step_of_a_sparql_connection_is_a_neo4j_relationship(backends, neo4j_server):
    local, _ = backends
    checked = 0
    with neo4j_server.driver() as driver, driver.session() as session:
        for params in cases(local)["connection"]:
            for row in local.run("connection", **params):
                path, types, documents = row["path"], row["relationships"], row["documents"]
                assert row["hops"] == len(types) == len(documents) == len(path) - 1
                for left, kind, right, doc in zip(path, types, path[1:], documents):
                    found = session.run("""
                        MATCH (a:Resource)-[r]-(b:Resource)
                        WHERE type(r) = $kind AND r.doc = $doc
                          AND coalesce(a.name, a.kind) = $left AND coalesce(b.name, b.kind) = $right
                        RETURN count(r) AS n""", kind=kind, doc=doc, left=left, right=right).single()["n"]
                    assert found, (params, left, kind, right, doc)
                    checked += 1
    assert checked > 20
