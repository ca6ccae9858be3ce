"""`kg validate`: the seeds conform to the shapes; a store with one injected fault gives exit 1 and one
readable violation naming the node at fault and what is wrong with it.

Faults are written with Store.add_quads into a copy of a small loaded store, as a buggy extractor or a
hand edit would leave them; each adds only what makes the one fault, so the report must hold exactly it."""

from __future__ import annotations

import json
import shutil

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.pipeline import load
from kg.store import Store
from kg.terms import ID, KG
from kg.validate import validate_store

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = RDF + "type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
XSD_DECIMAL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")

ARTICLE = """Norvik Motors expands into Germany
OSLO, March 14, 2025 - Norvik Motors, the Norwegian electric-car maker, said on Friday it plans to enter Germany next year.
"Germany is our most important market," said Ingrid Solberg, chief executive of Norvik Motors.
Halden Cells signed an agreement with Norvik Motors to supply batteries.
"""


def node(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    """One small article loaded once; tests copy it before writing to it."""
    root = tmp_path_factory.mktemp("small")
    (root / "docs").mkdir()
    (root / "docs" / "norvik.txt").write_text(ARTICLE, encoding="utf-8")
    report = load([root / "docs"], root / "home")
    assert report.ok and report.loaded == 1, report.failures
    return root / "home"


@pytest.fixture
def faulty(small_store, tmp_path):
    """A fresh copy of the small store with a few sound nodes of our own (a company, a market, an evidence
    sentence, an event), so that the faults do not depend on what the extractor found; and a function
    that writes triples into the document's graph."""
    home = tmp_path / "faulty"
    shutil.copytree(small_store, home)
    with Store.open(home) as store:
        (doc,) = store.documents()
    graph = node(doc)
    x = {"company": node(ID["company/acme-validation"]), "market": node(ID["market/atlantis"]),
         "evidence": node(ID["evidence/validation"]), "event": node(ID["event/validation"])}

    def inject(*triples):
        with Store.open(home, write=True) as store:
            store.add_quads(ox.Quad(s, p, o, graph) for s, p, o in triples)

    inject((x["company"], node(RDF_TYPE), node(KG.Company)), (x["company"], node(RDFS_LABEL), ox.Literal("Acme")),
           (x["market"], node(RDF_TYPE), node(KG.Market)), (x["market"], node(RDFS_LABEL), ox.Literal("Atlantis")),
           (x["evidence"], node(RDF_TYPE), node(KG.Evidence)),
           (x["evidence"], node(KG.sentence), ox.Literal("Acme reported revenue.")),
           (x["evidence"], node(KG.charStart), ox.Literal("0", datatype=XSD_INTEGER)),
           (x["evidence"], node(KG.charEnd), ox.Literal("22", datatype=XSD_INTEGER)),
           (x["evidence"], node(KG.inDocument), graph),
           (x["event"], node(RDF_TYPE), node(KG.FinancialResult)), (x["event"], node(KG.company), x["company"]),
           (x["event"], node(KG.evidence), x["evidence"]))
    return home, x, graph, inject


def validate(home) -> tuple[int, str, list[dict]]:
    """Exit code and human output (wide, so that IRIs are not folded), and the JSON violations."""
    runner = CliRunner()
    human = runner.invoke(main, ["validate", "--home", str(home)], env={"COLUMNS": "300"})
    as_json = runner.invoke(main, ["validate", "--home", str(home), "--json"])
    assert human.exit_code == as_json.exit_code, (human.output, as_json.output)
    assert human.exception is None or isinstance(human.exception, SystemExit), human.exception
    return human.exit_code, human.stdout, json.loads(as_json.stdout)["violations"]


def test_seeds_conform(seeds_store):
    with Store.open(seeds_store) as store:
        assert validate_store(store) == []
    code, out, violations = validate(seeds_store)
    assert (code, violations) == (0, [])
    assert out.strip() == "valid: the store conforms to the shapes"


def test_small_store_and_the_sound_nodes_conform(small_store, faulty):
    for home in (small_store, faulty[0]):
        code, _, violations = validate(home)
        assert (code, violations) == (0, [])


def assert_one_violation(home, focus: ox.NamedNode, message: str, path: str | None):
    code, out, violations = validate(home)
    assert code == 1
    assert [(v["focus"], v["message"], v["path"]) for v in violations] == [(focus.value, message, path)]
    assert "1 SHACL violations" in out
    row = next((line for line in out.splitlines() if focus.value in line), None)
    assert row is not None, f"the report does not name {focus.value}:\n{out}"
    assert message in row, f"the report's row for {focus.value} does not say {message!r}:\n{out}"


def test_fact_without_assertion(faulty):
    home, x, _, inject = faulty
    rival = node(ID["company/rival-without-evidence"])
    inject((rival, node(RDF_TYPE), node(KG.Company)), (rival, node(RDFS_LABEL), ox.Literal("Rival")),
           (x["company"], node(KG.competesWith), rival))
    assert_one_violation(home, x["company"], f"fact {KG.competesWith} {rival.value} has no assertion with evidence",
                         None)


def test_fact_with_assertion_but_no_evidence(faulty):
    home, x, _, inject = faulty
    rival, assertion = node(ID["company/rival-without-evidence"]), node(ID["assertion/without-evidence"])
    inject((rival, node(RDF_TYPE), node(KG.Company)), (rival, node(RDFS_LABEL), ox.Literal("Rival")),
           (x["company"], node(KG.competesWith), rival),
           (assertion, node(RDF_TYPE), node(KG.Assertion)), (assertion, node(RDF + "subject"), x["company"]),
           (assertion, node(RDF + "predicate"), node(KG.competesWith)), (assertion, node(RDF + "object"), rival))
    code, _, violations = validate(home)
    assert code == 1
    assert sorted((v["focus"], v["message"]) for v in violations) == sorted([
        (assertion.value, "assertion has no evidence"),
        (x["company"].value, f"fact {KG.competesWith} {rival.value} has no assertion with evidence"),
    ])


def test_company_without_label(faulty):
    home, _, graph, inject = faulty
    ghost = node(ID["company/ghost"])
    inject((ghost, node(RDF_TYPE), node(KG.Company)), (ghost, node(KG.mentionedIn), graph))
    assert_one_violation(home, ghost, "has no name (rdfs:label)", RDFS_LABEL)


def test_produces_pointing_at_a_market(faulty):
    home, x, _, inject = faulty
    assertion = node(ID["assertion/produces-a-market"])
    inject((x["company"], node(KG.produces), x["market"]),
           (assertion, node(RDF_TYPE), node(KG.Assertion)), (assertion, node(RDF + "subject"), x["company"]),
           (assertion, node(RDF + "predicate"), node(KG.produces)), (assertion, node(RDF + "object"), x["market"]),
           (assertion, node(KG.evidence), x["evidence"]))
    assert_one_violation(home, x["company"], "produces something that is not a Product", str(KG.produces))


def test_claim_without_speaker(faulty):
    home, x, _, inject = faulty
    claim = node(ID["claim/without-speaker"])
    inject((claim, node(RDF_TYPE), node(KG.Claim)), (claim, node(KG.text), ox.Literal("We will win.")),
           (claim, node(KG.evidence), x["evidence"]))
    assert_one_violation(home, claim, "needs exactly one speaker, a Person or a Company", str(KG.speaker))


def test_claim_whose_speaker_is_a_market(faulty):
    home, x, _, inject = faulty
    claim = node(ID["claim/said-by-a-market"])
    inject((claim, node(RDF_TYPE), node(KG.Claim)), (claim, node(KG.text), ox.Literal("We will win.")),
           (claim, node(KG.evidence), x["evidence"]), (claim, node(KG.speaker), x["market"]))
    assert_one_violation(home, claim, "needs exactly one speaker, a Person or a Company", str(KG.speaker))


def test_evidence_without_sentence(faulty):
    home, _, graph, inject = faulty
    evidence = node(ID["evidence/without-sentence"])
    inject((evidence, node(RDF_TYPE), node(KG.Evidence)),
           (evidence, node(KG.charStart), ox.Literal("0", datatype=XSD_INTEGER)),
           (evidence, node(KG.charEnd), ox.Literal("10", datatype=XSD_INTEGER)),
           (evidence, node(KG.inDocument), graph))
    assert_one_violation(home, evidence, "evidence has no sentence", str(KG.sentence))


def test_event_amount_not_a_decimal(faulty):
    home, x, _, inject = faulty
    inject((x["event"], node(KG.amount), ox.Literal("about ten million")))
    assert_one_violation(home, x["event"], "amount is not one decimal", str(KG.amount))


def test_event_amount_as_a_decimal_conforms(faulty):
    """The counterpart of the test above: the shape accepts what mapping writes."""
    home, x, _, inject = faulty
    inject((x["event"], node(KG.amount), ox.Literal("10000000", datatype=XSD_DECIMAL)))
    code, _, violations = validate(home)
    assert (code, violations) == (0, [])


def test_validate_on_a_missing_store(tmp_path):
    result = CliRunner().invoke(main, ["validate", "--home", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no knowledge graph at")
    assert "Traceback" not in result.output
