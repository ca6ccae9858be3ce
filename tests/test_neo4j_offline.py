"""The Neo4j side without a server: configuration errors, the mapping's vocabulary derived from the
ontology, the query packs' headers and parameters, and docker-compose.yml."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from conftest import ROOT, SEEDS
from kg.cli import main
from kg.errors import QueryError
from kg.neo4j_mapping import document_rows, upper_snake, vocabulary
from kg.pipeline import load
from kg.querypack import load_pack, parse
from kg.store import Store

PACK_NAMES = {"company_profile", "company_products", "company_executives", "company_partners",
              "company_competitors", "company_markets", "claims_about", "market_claims", "company_timeline",
              "connection", "most_connected", "entity_documents"}


# ------------------------------------------------------------------------------------------------ mapping

def test_relationship_types_and_labels_are_derived_from_the_ontology():
    v = vocabulary()
    assert upper_snake("executiveOf") == "EXECUTIVE_OF" and upper_snake("inDocument") == "IN_DOCUMENT"
    kg = "https://w3id.org/kg-news/ontology#"
    assert v.rel_types[kg + "produces"] == "PRODUCES"
    assert v.rel_types[kg + "executiveOf"] == "EXECUTIVE_OF"
    assert v.rel_types[kg + "speaker"] == "SPEAKER" and v.rel_types[kg + "party"] == "PARTY"
    assert v.rel_types[kg + "mentionedIn"] == "MENTIONED_IN"
    assert kg + "evidence" not in v.rel_types          # folded: evidence is on the relationship or the node
    assert v.node_labels[kg + "Executive"] == ("Person", "Executive")
    assert v.node_labels[kg + "StoreOpening"] == ("MarketEvent", "StoreOpening")
    assert set(v.node_labels[kg + "PartnershipAgreement"]) == {"MarketEvent", "Partnership", "PartnershipAgreement"}
    assert kg + "Assertion" not in v.node_labels and kg + "Evidence" not in v.node_labels
    assert v.properties["http://www.w3.org/2000/01/rdf-schema#label"] == "name"
    assert v.properties[kg + "alias"] == "aliases" and v.properties[kg + "charStart"] == "start"
    assert all(re.fullmatch(r"[A-Z][A-Z_]*", t) for t in v.types)
    with pytest.raises(Exception):
        v.label("Company) DETACH DELETE (n")


def test_document_rows_fold_assertions_and_evidence(seeds_store):
    with Store.open(seeds_store) as store:
        iri = next(i for i, d in store.documents().items() if d.doc_id == "003_bf8f7558add87d6d.txt")
        rows = document_rows(store, iri)
    assert rows.doc_id == "003_bf8f7558add87d6d.txt" and rows.document["docId"] == rows.doc_id
    assert len(rows.sync_hash) == 64
    types = {rel_type for _, _, rel_type, _ in rows.rels}
    assert {"MENTIONED_IN", "EXECUTIVE_OF", "IN_DOCUMENT", "SPEAKER", "ABOUT"} <= types
    for s, o, rel_type, props in rows.rels:
        if rel_type == "EXECUTIVE_OF":   # the reified fact: its evidence and role ride on the relationship
            assert props["sentence"] and props["assertion"].startswith("https://w3id.org/kg-news/id/assertion/")
            assert isinstance(props["start"], int) and props["start"] < props["end"]
        if rel_type in ("MENTIONED_IN", "IN_DOCUMENT"):
            assert o == iri and props is None
    claims = [n for n in rows.nodes if n["labels"] == ["Claim"]]
    assert claims and all(c["props"]["sentence"] and c["props"]["doc"] == rows.doc_id for c in claims)
    assert sum(1 for r in rows.rels if r[2] == "IN_DOCUMENT") == len(rows.nodes)
    assert not any(t.endswith("Assertion") or t.endswith("Evidence") for n in rows.nodes for t in n["labels"])


# ------------------------------------------------------------------------------------------------ query pack

def test_the_cypher_pack_has_the_named_queries_with_parameters_only():
    pack = load_pack("cypher")
    assert PACK_NAMES <= set(pack)
    for name, query in pack.items():
        assert query.description, name
        used = set(re.findall(r"\$(\w+)", query.text))
        declared = {p.name for p in query.params}
        assert used == declared, f"{name}: uses {used}, declares {declared}"
        entity_params = {p.name for p in query.params if p.type == "string"}
        for param in entity_params:   # entities matched by name or alias, case-insensitively
            assert f"toLower(${param})" in query.text, name


def test_header_parser_reads_cypher_and_sparql_comments():
    cypher = parse("// name: q1\n// description: First line\n//   and second.\n"
                   "// params: name (string) - a name\n// params: limit (int = 5) - how many\nMATCH (n) RETURN n",
                   "cypher")
    assert cypher.name == "q1" and cypher.description == "First line and second."
    assert [(p.name, p.type, p.required, p.default) for p in cypher.params] == [("name", "string", True, None),
                                                                                 ("limit", "int", False, 5)]
    assert cypher.bind({"name": "x"}) == {"name": "x", "limit": 5}
    assert cypher.bind({"name": "x", "limit": "7"}) == {"name": "x", "limit": 7}
    sparql = parse("# name: q2\n# description: A SPARQL twin\n# params: none\nSELECT * WHERE { ?s ?p ?o }", "sparql")
    assert sparql.name == "q2" and sparql.params == ()
    with pytest.raises(QueryError, match="missing parameter name"):
        cypher.bind({})
    with pytest.raises(QueryError, match="unknown parameter nam"):
        cypher.bind({"nam": "x"})
    with pytest.raises(QueryError, match="expects an int"):
        cypher.bind({"name": "x", "limit": "many"})
    with pytest.raises(QueryError, match="no valid `name:`"):
        parse("MATCH (n) RETURN n", "cypher")


def test_query_list_shows_the_pack():
    result = CliRunner().invoke(main, ["query", "--list", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert PACK_NAMES <= {r["name"] for r in rows if r["pack"] == "cypher"}
    assert {r["params"] for r in rows if r["name"] == "connection"} == {"from, to"}


def test_style_file_styles_every_label():
    grass = (ROOT / "queries" / "cypher" / "style.grass").read_text(encoding="utf-8")
    for label in {label for labels in vocabulary().node_labels.values() for label in labels}:
        assert re.search(rf"node\.{label}\s*\{{", grass), label
    assert "caption:" in grass and "relationship" in grass
    # the Browser's GraSS parser has no comments: text outside braces becomes part of the next selector
    assert "/*" not in grass and "//" not in grass
    selectors = re.findall(r"([^{}\s]+)\s*\{", re.sub(r'"[^"]*"', '""', grass))
    assert all(re.fullmatch(r"(node|relationship)(\.[A-Za-z_]+)?", s) for s in selectors), selectors


# ------------------------------------------------------------------------------------------------ errors

def test_sync_without_neo4j_configured_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    home = tmp_path / "home"
    result = CliRunner().invoke(main, ["load", str(SEEDS / "003_bf8f7558add87d6d.txt"), "--home", str(home),
                                       "--sync"])
    assert result.exit_code == 1
    assert "NEO4J_URI" in result.output and "Traceback" not in result.output
    assert not (home / "oxigraph").exists()   # checked before loading anything
    assert load([SEEDS / "003_bf8f7558add87d6d.txt"], home).ok
    result = CliRunner().invoke(main, ["sync", "--home", str(home)])
    assert result.exit_code == 1 and "Neo4j is not configured" in result.output


def test_unreachable_server_is_a_clear_error(tmp_path, monkeypatch):
    home = tmp_path / "home"
    assert load([SEEDS / "003_bf8f7558add87d6d.txt"], home).ok
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")   # discard port: nothing listens
    monkeypatch.setenv("NEO4J_PASSWORD", "irrelevant-secret")
    result = CliRunner().invoke(main, ["sync", "--home", str(home)])
    assert result.exit_code == 1
    assert "cannot reach Neo4j at bolt://127.0.0.1:9" in result.output
    assert "irrelevant-secret" not in result.output


# ------------------------------------------------------------------------------------------------ compose

def test_docker_compose_file_is_valid():
    compose = ROOT / "docker-compose.yml"
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0:
        done = subprocess.run([docker, "compose", "-f", str(compose), "config", "--format", "json"],
                              capture_output=True, text=True, env={**os.environ, "NEO4J_PASSWORD": "compose-check"})
        assert done.returncode == 0, done.stderr
        config = json.loads(done.stdout)
    else:
        yaml = pytest.importorskip("yaml")
        config = yaml.safe_load(compose.read_text(encoding="utf-8"))
    service = config["services"]["neo4j"]
    assert service["image"] == "neo4j:5.26-community"
    published = {str(p["target"]) if isinstance(p, dict) else str(p).rsplit(":", 1)[-1].split()[0]
                 for p in service["ports"]}
    assert {"7474", "7687"} <= published
    auth = service["environment"]["NEO4J_AUTH"]
    assert "NEO4J_PASSWORD" in auth or auth.endswith("/compose-check")   # from .env, never a literal secret
    health = service["healthcheck"]
    assert health["test"] and "7474" in " ".join(health["test"])
    assert service.get("volumes")
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert "NEO4J_PASSWORD=" in example and "NEO4J_URI=" in example
