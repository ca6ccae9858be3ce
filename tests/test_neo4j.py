"""The Neo4j side against a real server (tests/neo4j_fixture.py starts one): sync of the seeds, idempotence,
per-document replace and removal, counts equal to the RDF store's, evidence on every fact, the Cypher pack
on the seeds, a server killed in the middle of a sync, a wrong password, and docker-compose.yml."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from conftest import SEEDS, SEEDS_GOLD
from neo4j_fixture import assert_same_graph, clean_database, graph_snapshot
from kg.cli import main
from kg.errors import BackendError
from kg.iris import document_iri
from kg.neo4j_mapping import expected_counts
from kg.neo4j_sync import COUNTER_NAMES, LoadSync, connect, neo4j_counts, sync_store
from kg.pipeline import load
from kg.querypack import load_pack, run_cypher
from kg.store import Store

pytestmark = pytest.mark.neo4j

FACT_TYPES = ("PRODUCES", "COMPETES_WITH", "PARTNERS_WITH", "SUBSIDIARY_OF", "EXECUTIVE_OF", "WORKS_FOR",
              "OPERATES_IN", "ABSENT_FROM", "TARGETS_MARKET", "AVAILABLE_IN")


def sync(server, home, **options):
    with Store.open(home) as store:
        return sync_store(store, server.settings(home), **options)


def cypher(server, query, **params):
    with server.driver() as driver, driver.session() as session:
        return [record.data() for record in session.run(query, params)]


def assert_counts_match(server, home):
    with Store.open(home) as store:
        expected = expected_counts(store)
    with server.driver() as driver:
        actual = neo4j_counts(driver)
    assert actual == expected
    return expected


def assert_no_orphans(server):
    """Every entity is mentioned by some document; every claim and event is in one."""
    assert cypher(server, "MATCH (n:Resource) WHERE NOT n:Document AND NOT (n)--() RETURN n.iri AS iri") == []
    assert cypher(server, """MATCH (e:Resource) WHERE (e:Company OR e:Product OR e:Market OR e:Person)
                             AND NOT (e)-[:MENTIONED_IN]->(:Document) RETURN e.iri AS iri""") == []


# ------------------------------------------------------------------------------------------------ sync

def test_sync_of_the_seeds_matches_the_rdf_store(neo4j, seeds_store):
    report = sync(neo4j, seeds_store)
    assert (report.synced, report.replaced, report.removed, report.unchanged) == (5, 0, 0, 0)
    expected = assert_counts_match(neo4j, seeds_store)
    assert expected["nodes"]["Document"] == 5
    assert expected["relationships"]["MENTIONED_IN"] > 0
    assert report.nodes == expected["nodes"]["Resource"]
    assert report.relationships == sum(expected["relationships"].values())
    assert report.counters["relationships_created"] == report.relationships
    # the schema is there: a unique iri on every node, a unique docId on documents
    constraints = {r["name"] for r in cypher(neo4j, "SHOW CONSTRAINTS YIELD name RETURN name")}
    assert {"kg_resource_iri", "kg_document_doc_id"} <= constraints
    assert_no_orphans(neo4j)


def test_labels_come_from_the_ontology_classes_and_their_superclasses(neo4j, seeds_store):
    sync(neo4j, seeds_store)
    labels = {tuple(sorted(r["labels"])) for r in cypher(neo4j, "MATCH (n) RETURN DISTINCT labels(n) AS labels")}
    assert all("Resource" in ls for ls in labels)
    executives = cypher(neo4j, "MATCH (p:Executive) RETURN labels(p) AS labels")
    assert executives and all("Person" in r["labels"] for r in executives)
    events = cypher(neo4j, "MATCH (e:ProductLaunch|StoreOpening|PartnershipAgreement) RETURN labels(e) AS labels")
    assert events and all("MarketEvent" in r["labels"] for r in events)
    unknown = cypher(neo4j, "MATCH (n) UNWIND labels(n) AS l WITH DISTINCT l WHERE NOT l IN $known RETURN l",
                     known=["Resource", "Company", "Product", "Market", "Person", "Executive", "Claim", "Document",
                            "MarketEvent", "Partnership", "ProductLaunch", "MarketEntry", "StoreOpening",
                            "PartnershipAgreement", "DealCancellation", "FinancialResult", "ProductPrice", "Rebrand"])
    assert unknown == []


def test_every_fact_carries_its_evidence_and_claims_and_events_their_document(neo4j, seeds_store):
    sync(neo4j, seeds_store)
    facts = cypher(neo4j, f"""MATCH (s)-[r:{'|'.join(FACT_TYPES)}]->(o)
                              RETURN type(r) AS type, r.doc AS doc, r.sentence AS sentence, r.start AS start,
                                     r.end AS end, r.role AS role, r.assertion AS assertion""")
    assert facts
    for fact in facts:
        assert fact["doc"] and fact["sentence"] and fact["assertion"], fact
        assert isinstance(fact["start"], int) and fact["start"] < fact["end"], fact
    with Store.open(seeds_store) as store:
        roles = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?a rdf:predicate kg:executiveOf ; kg:role ?r }")
    assert sum(1 for f in facts if f["type"] == "EXECUTIVE_OF" and f["role"]) == roles[0]["n"] > 0
    for kind in ("Claim", "MarketEvent"):
        rows = cypher(neo4j, f"""MATCH (x:{kind}) OPTIONAL MATCH (x)-[:IN_DOCUMENT]->(d:Document)
                                 RETURN x.doc AS doc, x.sentence AS sentence, d.docId AS document""")
        assert rows
        assert all(r["sentence"] and r["document"] == r["doc"] for r in rows), rows
    amounts = cypher(neo4j, "MATCH (e:MarketEvent) WHERE e.amount IS NOT NULL RETURN e.amount AS amount")
    assert all(isinstance(r["amount"], float) for r in amounts)


def test_a_second_sync_changes_nothing(neo4j, seeds_store):
    first = sync(neo4j, seeds_store)
    before = assert_counts_match(neo4j, seeds_store)
    second = sync(neo4j, seeds_store)
    assert (second.synced, second.replaced, second.removed, second.unchanged) == (0, 0, 0, 5)
    assert second.counters == dict.fromkeys(COUNTER_NAMES, 0)
    assert not second.changed
    assert (second.nodes, second.relationships) == (first.nodes, first.relationships)
    assert assert_counts_match(neo4j, seeds_store) == before


def test_reload_replaces_a_changed_document_and_prune_removes_one(neo4j, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEEDS / "003_bf8f7558add87d6d.txt", corpus / "a.txt")
    shutil.copy(SEEDS / "004_61b824737333c4b0.txt", corpus / "b.txt")
    home = tmp_path / "home"
    assert load([corpus], home).ok
    sync(neo4j, home)
    old_b = {r["sentence"] for r in cypher(neo4j, "MATCH ()-[r {doc: 'b.txt'}]->() WHERE r.sentence IS NOT NULL "
                                                  "RETURN DISTINCT r.sentence AS sentence")}
    assert old_b
    only_in_b = {r["iri"] for r in cypher(neo4j, """
        MATCH (e)-[:MENTIONED_IN]->(:Document {docId: 'b.txt'})
        WHERE NOT (e)-[:MENTIONED_IN]->(:Document {docId: 'a.txt'}) RETURN e.iri AS iri""")}
    shared = {r["iri"] for r in cypher(neo4j, """
        MATCH (:Document {docId: 'a.txt'})<-[:MENTIONED_IN]-(e)-[:MENTIONED_IN]->(:Document {docId: 'b.txt'})
        RETURN e.iri AS iri""")}
    assert only_in_b and shared   # Xiaomi is in both

    # b.txt gets another article's text: its old facts must go, the shared entities stay
    new_text = (SEEDS / "000_9fe4b69663defaa4.txt").read_text(encoding="utf-8")
    (corpus / "b.txt").write_text(new_text, encoding="utf-8")
    assert load([corpus], home).ok
    report = sync(neo4j, home)
    assert (report.synced, report.replaced, report.removed, report.unchanged) == (0, 1, 0, 1)
    new_b = {r["sentence"] for r in cypher(neo4j, "MATCH ()-[r {doc: 'b.txt'}]->() WHERE r.sentence IS NOT NULL "
                                                  "RETURN DISTINCT r.sentence AS sentence")}
    new_b |= {r["sentence"] for r in cypher(neo4j, "MATCH (x {doc: 'b.txt'}) RETURN x.sentence AS sentence")}
    assert not (old_b - {s for s in old_b if s in new_text}) & new_b
    assert all(sentence in new_text for sentence in new_b if sentence)
    alive = {r["iri"] for r in cypher(neo4j, "MATCH (e) WHERE e.iri IN $iris RETURN e.iri AS iri",
                                      iris=sorted(only_in_b | shared))}
    assert shared <= alive
    with Store.open(home) as store:
        still_in_store = {r["e"] for r in store.select("SELECT DISTINCT ?e WHERE { ?e kg:mentionedIn ?d }")}
    assert alive & only_in_b == only_in_b & still_in_store
    assert_counts_match(neo4j, home)
    assert_no_orphans(neo4j)

    # a.txt leaves the corpus: load --prune removes it from the store, the sync from Neo4j
    (corpus / "a.txt").unlink()
    assert load([corpus], home, prune=True).removed == 1
    report = sync(neo4j, home)
    assert (report.synced, report.replaced, report.removed, report.unchanged) == (0, 0, 1, 1)
    assert report.removed_documents == ["a.txt"]
    assert cypher(neo4j, "MATCH ()-[r {doc: 'a.txt'}]->() RETURN count(r) AS n") == [{"n": 0}]
    assert cypher(neo4j, "MATCH (x {doc: 'a.txt'}) RETURN count(x) AS n") == [{"n": 0}]
    assert cypher(neo4j, "MATCH (d:Document) RETURN d.docId AS doc") == [{"doc": "b.txt"}]
    assert_counts_match(neo4j, home)
    assert_no_orphans(neo4j)
    assert not sync(neo4j, home).changed


def test_a_document_removed_from_the_store_is_removed_from_neo4j_even_if_nothing_else_changed(neo4j, tmp_path):
    home = tmp_path / "home"
    assert load([SEEDS / "003_bf8f7558add87d6d.txt", SEEDS / "004_61b824737333c4b0.txt"], home).ok
    sync(neo4j, home)
    with Store.open(home, write=True) as store:
        store.remove_document(str(document_iri("003_bf8f7558add87d6d.txt")))
        store.rebuild_entities_graph()
    report = sync(neo4j, home)
    assert (report.removed, report.unchanged) == (1, 1)
    assert_counts_match(neo4j, home)
    assert_no_orphans(neo4j)


def test_a_dask_load_syncs_each_shard_as_it_arrives_and_ends_as_a_full_sync(neo4j, tmp_path):
    """Issue 8: Neo4j ingests a distributed load in batches, one per shard, while the workers extract; the
    result is the graph a plain sync of the same store writes, property for property (the entities' resolved
    names and aliases included: several seed entities have fewer aliases in one document than in the store)."""
    pytest.importorskip("distributed", reason="DASK IS NOT INSTALLED: pip install -e '.[test]'")
    from kg.distributed import DaskEngine

    home = tmp_path / "home"
    in_neo4j = []   # documents in Neo4j after each shard, while the load is still running
    with LoadSync(neo4j.settings(home)) as follower:
        def on_written(store, iris):
            follower(store, iris)
            in_neo4j.append((len(iris), cypher(neo4j, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"]))

        report = load([SEEDS], home, engine=DaskEngine(workers=2, partition_size=2), on_written=on_written)
        assert report.ok and report.loaded == 5
        with Store.open(home) as store:
            synced = follower.finish(store)
    assert in_neo4j == [(2, 2), (2, 4), (1, 5)]   # shards of 2, 2 and 1 documents, each synced on arrival
    assert follower.batches == 3 and follower.error is None
    assert (synced.synced, synced.replaced, synced.unchanged, synced.removed) == (5, 0, 0, 0)
    assert synced.counters["relationships_created"] == synced.relationships > 0
    streamed = graph_snapshot(neo4j)
    assert_counts_match(neo4j, home)
    assert_no_orphans(neo4j)

    clean_database(neo4j)
    sync(neo4j, home)
    assert_same_graph(graph_snapshot(neo4j), streamed)


def test_cli_load_sync_with_the_dask_and_local_engines(neo4j, tmp_path):
    pytest.importorskip("distributed", reason="DASK IS NOT INSTALLED: pip install -e '.[test]'")
    home = tmp_path / "home"
    result = CliRunner().invoke(main, ["load", str(SEEDS), "--home", str(home), "--engine", "dask", "--workers", "2",
                                       "--sync", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents_loaded"] == 5 and data["sync"]["documents_synced"] == 5
    assert data["sync"]["documents_unchanged"] == 0
    assert_counts_match(neo4j, home)
    streamed = graph_snapshot(neo4j)
    clean_database(neo4j)
    sync(neo4j, home)
    assert_same_graph(graph_snapshot(neo4j), streamed)
    # the local engine follows the load the same way; a reload replaces a changed document as it is written
    clean_database(neo4j)
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    result = CliRunner().invoke(main, ["load", str(corpus), "--home", str(tmp_path / "home2"), "--sync", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sync"]["documents_synced"] == 5
    first = graph_snapshot(neo4j)
    path = corpus / "003_bf8f7558add87d6d.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Xiaomi", "Xiaomi Corp", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["load", str(corpus), "--home", str(tmp_path / "home2"), "--sync", "--json"])
    data = json.loads(result.stdout)
    assert data["documents_replaced"] == 1 and data["sync"]["documents_replaced"] == 1
    assert data["sync"]["documents_unchanged"] == 4
    assert graph_snapshot(neo4j) != first
    assert_counts_match(neo4j, tmp_path / "home2")
    assert_no_orphans(neo4j)


# ------------------------------------------------------------------------------------------------ CLI

def test_cli_sync_and_load_sync(neo4j, tmp_path):
    home = tmp_path / "home"
    runner = CliRunner()
    result = runner.invoke(main, ["load", str(SEEDS / "003_bf8f7558add87d6d.txt"), "--home", str(home),
                                  "--sync", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents_loaded"] == 1 and data["sync"]["documents_synced"] == 1
    assert data["sync"]["relationships"] > 0
    result = runner.invoke(main, ["sync", "--home", str(home), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents_unchanged"] == 1 and data["documents_synced"] == 0
    assert set(data["counters"].values()) == {0}
    result = runner.invoke(main, ["sync", "--home", str(home)])
    assert result.exit_code == 0
    for line in ("documents unchanged", "nodes in Neo4j", "relationships in Neo4j", "seconds"):
        assert line in result.stdout


def test_wrong_password_gives_a_clear_message_without_the_secret(neo4j, seeds_store):
    # two failed logins at most: Neo4j locks the user for 5 s after the third
    secret = "wrong-" + "s3cret-pw-4711"
    env = {**os.environ, **neo4j.env(), "NEO4J_PASSWORD": secret, "KG_HOME": str(seeds_store)}
    done = subprocess.run([sys.executable, "-m", "kg.cli", "sync"], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1
    assert "refused the credentials" in done.stderr and "NEO4J_PASSWORD" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert secret not in done.stderr + done.stdout
    result = CliRunner().invoke(main, ["query", "--cypher", "company_profile", "--param", "name=Xiaomi"],
                                env={"NEO4J_PASSWORD": secret})
    assert result.exit_code == 1
    assert "refused the credentials" in result.output and secret not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# ------------------------------------------------------------------------------------------------ faults

@pytest.fixture(scope="module")
def copied_corpus(tmp_path_factory, seeds_store):
    """A bigger corpus without the cost of extraction: the seeds' graphs copied 40 times under new document
    ids (entities shared across all copies, as in a real corpus)."""
    home = tmp_path_factory.mktemp("copied") / "home"
    copies = 40
    with Store.open(seeds_store) as seeds:
        graphs = {iri: (doc.doc_id, list(seeds.quads(iri))) for iri, doc in seeds.documents().items()}
    with Store.open(home, write=True) as store:
        for k in range(copies):
            for iri, (doc_id, quads) in graphs.items():
                new_id = f"copy{k:02d}-{doc_id}"
                new_iri = ox.NamedNode(str(document_iri(new_id)))

                def rename(term):
                    if isinstance(term, ox.NamedNode):
                        if term.value == iri:
                            return new_iri
                        if any(f"/id/{kind}/" in term.value for kind in ("assertion", "evidence", "claim", "event")):
                            return ox.NamedNode(f"{term.value}-{k:02d}")
                    if isinstance(term, ox.Literal) and term.value == doc_id:
                        return ox.Literal(new_id)
                    return term

                store.put_document(new_iri.value, [ox.Quad(rename(q.subject), q.predicate, rename(q.object), new_iri)
                                                   for q in quads], replace=False)
        store.rebuild_entities_graph()
    return home, copies * len(graphs)


def test_a_server_killed_in_the_middle_of_a_sync_then_restarted_converges(neo4j, copied_corpus, tmp_path):
    from neo4j_fixture import start_local

    home, documents = copied_corpus
    server = neo4j.local or start_local(tmp_path / "neo4j-fault")   # never kill a server we did not start
    settings = neo4j.settings(home) if neo4j.local else server_settings(server, home)
    kills = []

    def kill_after_three_transactions(done, total):
        if len(kills) == 0 and done >= 15:
            server.kill()             # SIGKILL: no clean shutdown, the transaction in flight is lost
            kills.append(done)

    try:
        with Store.open(home) as store, pytest.raises(BackendError) as failure:
            sync_store(store, settings, progress=kill_after_three_transactions, docs_per_transaction=5,
                       retry_seconds=2)
        message = str(failure.value)
        assert kills and "cannot reach Neo4j" in message and "again" in message
        assert settings.neo4j_password not in message

        # the CLI against the dead server: exit 1 and one line, no traceback
        env = {"NEO4J_URI": settings.neo4j_uri, "NEO4J_USER": settings.neo4j_user,
               "NEO4J_PASSWORD": settings.neo4j_password}
        result = CliRunner().invoke(main, ["sync", "--home", str(home)], env=env)
        assert result.exit_code == 1 and result.output.startswith("Error: cannot reach Neo4j")
        assert settings.neo4j_password not in result.output

        # restart on the same port; the same command converges
        server.start(server.bolt_port, server.http_port)
        with server_driver(settings) as driver, driver.session() as session:
            synced_before = session.run("MATCH (d:Document) RETURN count(d) AS n").single()["n"]
        assert 15 <= synced_before < documents      # committed documents survived the crash, the rest did not
        result = CliRunner().invoke(main, ["sync", "--home", str(home), "--json"], env=env)
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        assert report["documents_synced"] == documents - synced_before
        assert report["documents_unchanged"] == synced_before
        with Store.open(home) as store:
            expected = expected_counts(store)
        with server_driver(settings) as driver:
            assert neo4j_counts(driver) == expected
        assert expected["nodes"]["Document"] == documents
        with Store.open(home) as store:
            assert not sync_store(store, settings).changed
    finally:
        if not server.running():
            server.start(server.bolt_port, server.http_port)
        if server is not neo4j.local:
            server.stop()


def server_settings(local, home):
    from kg.config import Settings
    return Settings(home=Path(home), neo4j_uri=local.uri, neo4j_user="neo4j", neo4j_password=local.password)


def server_driver(settings):
    return connect(settings)


# ------------------------------------------------------------------------------------------------ query pack

@pytest.fixture
def synced_seeds(neo4j, seeds_store):
    sync(neo4j, seeds_store)
    return neo4j


def gold():
    return [json.loads(line) for line in SEEDS_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_facts(predicate):
    return {(f["s"], f["o"]) for doc in gold() for f in doc["facts"] if f["p"] == predicate}


def run(server, query_name, /, **params):
    query = load_pack("cypher")[query_name]
    with connect(server.settings(".")) as driver:
        return run_cypher(driver, query, query.bind({k: str(v) for k, v in params.items()}))


def test_every_pack_query_runs_on_the_seeds(synced_seeds):
    defaults = {"name": "Xiaomi", "from": "Lei Jun", "to": "Microsoft"}
    pack = load_pack("cypher")
    assert len(pack) >= 12
    for name, query in pack.items():
        params = {p.name: defaults[p.name] for p in query.params if p.required}
        if name == "market_claims":
            params["name"] = "United States"
        if name == "claims_by":              # a speaker of the seeds (a person: Xiaomi speaks through them)
            assert "Lu Weibing" in {c["speaker"] for doc in gold() for c in doc["claims"]}
            params["name"] = "Lu Weibing"
        rows = run(synced_seeds, name, **params)
        assert rows, f"{name} returned no rows on the seeds"


# The assertions below name facts that the seed gold (shared/eval/seeds.gold.jsonl) contains, so they stay
# true as the extractor improves; each checks the gold first.

def test_company_executives_and_profile(synced_seeds):
    assert ("Lei Jun", "Xiaomi") in gold_facts("executiveOf")
    rows = run(synced_seeds, "company_executives", name="xiaomi")    # any case
    people = {r["person"]: r for r in rows}
    assert "Lei Jun" in people
    assert people["Lei Jun"]["documents"] == ["003_bf8f7558add87d6d.txt"]
    assert "Lei Jun" in people["Lei Jun"]["evidence"]
    assert {"Lei Jun", "Wang Xiang"} <= {p for p, c in gold_facts("executiveOf") if c == "Xiaomi"}
    assert "Wang Xiang" in people
    [profile] = run(synced_seeds, "company_profile", name="XIAOMI")
    assert profile["company"] == "Xiaomi" and "Lei Jun" in profile["executives"]
    assert "United States" in profile["markets_absent"] and "Huawei" in profile["competitors"]


def test_company_markets_has_the_united_states_absent_and_targeted(synced_seeds):
    assert ("Xiaomi", "United States") in gold_facts("absentFrom") & gold_facts("targetsMarket")
    rows = run(synced_seeds, "company_markets", name="Xiaomi")
    statuses = {(r["market"], r["status"]) for r in rows}
    assert {("United States", "absent"), ("United States", "targeted")} <= statuses
    assert {("Spain", "present"), ("India", "present")} <= statuses
    assert {("Xiaomi", "Spain"), ("Xiaomi", "India")} <= gold_facts("operatesIn")
    us = [r for r in rows if r["market"] == "United States"]
    assert all(r["country"] == "US" and r["evidence"] for r in us)


def test_company_partners_with_the_agreement_scope(synced_seeds):
    gold_agreements = [e for doc in gold() for e in doc["events"] if e["type"] == "PartnershipAgreement"]
    assert any(set(e["args"]["parties"]) == {"Xiaomi", "Microsoft"} and "cloud computing" in e["args"]["scope"]
               for e in gold_agreements)
    [row] = [r for r in run(synced_seeds, "company_partners", name="Xiaomi") if r["partner"] == "Microsoft"]
    assert "agreement" in row["sources"] and "cloud computing" in row["scope"]
    assert row["documents"] == ["004_61b824737333c4b0.txt"]
    assert any(r["partner"] == "Xiaomi" for r in run(synced_seeds, "company_partners", name="microsoft"))


def test_company_products_and_competitors(synced_seeds):
    assert {("Xiaomi", "Mi 10 Pro"), ("Xiaomi", "MIX series")} <= gold_facts("produces")
    products = {r["product"] for r in run(synced_seeds, "company_products", name="Xiaomi")}
    assert {"Mi 10 Pro", "MIX series"} <= products
    assert ("Xiaomi", "Huawei") in gold_facts("competesWith")
    assert {r["competitor"] for r in run(synced_seeds, "company_competitors", name="Huawei")} >= {"Xiaomi"}
    assert {r["competitor"] for r in run(synced_seeds, "company_competitors", name="Xiaomi")} >= {"Huawei"}


def test_claims_about_and_market_claims(synced_seeds):
    gold_claims = {(c["speaker"], about) for doc in gold() for c in doc["claims"] for about in c["about"]}
    assert {("Lei Jun", "Xiaomi"), ("Lu Weibing", "Xiaomi")} <= gold_claims
    rows = run(synced_seeds, "claims_about", name="Xiaomi")
    assert {"Lei Jun", "Lu Weibing"} <= {r["speaker"] for r in rows}
    assert all(r["claim"] and r["evidence"] and r["document"] for r in rows)
    dated = [r for r in rows if r["date"]]
    assert dated and [r["date"] for r in dated] == sorted((r["date"] for r in dated), reverse=True)
    # gold: a claim about the United States in 004 (Wang Xiang's interview)
    assert any(doc["doc"] == "004_61b824737333c4b0.txt" and ("Wang Xiang", "United States") in
               {(c["speaker"], a) for c in doc["claims"] for a in c["about"]} for doc in gold())
    rows = run(synced_seeds, "market_claims", name="us")     # an alias
    assert rows and all(r["market"] == "United States" for r in rows)
    assert "004_61b824737333c4b0.txt" in {r["document"] for r in rows}
    assert all(r["speaker"] and r["claim"] and r["evidence"] for r in rows)


def test_company_timeline_is_ordered_by_date(synced_seeds):
    rows = run(synced_seeds, "company_timeline", name="Xiaomi")
    events = {(r["event"], tuple(r["involving"])) for r in rows}
    assert ("Product launch", ("Mi 10",)) in events and ("Store opening", ("Spain",)) in events
    assert ("Partnership agreement", ("Microsoft",)) in events
    dates = [r["date"] for r in rows]
    dated = [d for d in dates if d]
    assert dated == sorted(dated) and dates == dated + [None] * (len(dates) - len(dated))


def test_connection_most_connected_and_entity_documents(synced_seeds):
    [row] = run(synced_seeds, "connection", **{"from": "lei jun", "to": "MICROSOFT"})
    assert row["path"] == ["Lei Jun", "Xiaomi", "Microsoft"]
    assert row["relationships"] == ["EXECUTIVE_OF", "PARTNERS_WITH"] and row["hops"] == 2
    assert run(synced_seeds, "connection", **{"from": "Lei Jun", "to": "No Such Company"}) == []
    top = run(synced_seeds, "most_connected", limit=3)
    assert len(top) == 3 and top[0]["company"] == "Xiaomi"
    assert [r["degree"] for r in top] == sorted((r["degree"] for r in top), reverse=True)
    documents = {r["document"] for r in run(synced_seeds, "entity_documents", name="Xiaomi")}
    assert {"003_bf8f7558add87d6d.txt", "004_61b824737333c4b0.txt"} <= documents


def test_entity_documents_agree_with_the_store(synced_seeds, seeds_store):
    with Store.open(seeds_store) as store:
        rows = store.select("""SELECT ?name (GROUP_CONCAT(?id; separator="|") AS ?docs) WHERE {
            GRAPH <https://w3id.org/kg-news/graph/entities> { ?e a kg:Company ; rdfs:label ?name }
            GRAPH ?d { ?e kg:mentionedIn ?d . ?d kg:docId ?id } } GROUP BY ?name""")
    assert rows
    for row in rows:
        found = {r["document"] for r in run(synced_seeds, "entity_documents", name=row["name"])}
        assert found >= set(row["docs"].split("|")), row["name"]


def test_cli_query(synced_seeds):
    runner = CliRunner()
    result = runner.invoke(main, ["query", "--cypher", "company_executives", "--param", "name=Xiaomi", "--json"])
    assert result.exit_code == 0, result.output
    assert "Lei Jun" in {r["person"] for r in json.loads(result.stdout)}
    result = runner.invoke(main, ["query", "--cypher", "most_connected", "-p", "limit=2"])
    assert result.exit_code == 0 and "Xiaomi" in result.stdout
    result = runner.invoke(main, ["query", "--cypher", "most_connected", "-p", "limit=lots"])
    assert result.exit_code == 1 and "expects an int" in result.output
    result = runner.invoke(main, ["query", "--cypher", "company_profile"])
    assert result.exit_code == 1 and "missing parameter name" in result.output
    result = runner.invoke(main, ["query", "--cypher", "no_such_query"])
    assert result.exit_code == 1 and "no cypher query named 'no_such_query'" in result.output
