"""`kg eval` and kg/scoring.py give the reference scorer's numbers (shared/eval/score.py), to the digit.

The reference is imported from the shared folder, never copied: when it changes, these tests say so."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import scoring
from kg.cli import main
from kg.errors import InputError
from kg.evaluation import read_gold
from kg.export import export_bytes
from kg.store import Store

from conftest import SCORER, SEEDS, SEEDS_GOLD


def reference_scorer():
    spec = importlib.util.spec_from_file_location("reference_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REF = reference_scorer()


def as_json(value):
    """What a JSON reader of either output sees (tuples become lists)."""
    return json.loads(json.dumps(value))


def both(gold: list[dict], pred: list[dict]) -> dict:
    """Score with kg and with the reference; they must agree on everything. Returns the scores."""
    gold_docs = {d["doc"]: d for d in gold}
    pred_docs = {d["doc"]: d for d in pred}
    ours = as_json(scoring.score(gold_docs, pred_docs))
    theirs = as_json(REF.score(gold_docs, pred_docs))
    assert ours == theirs
    return ours[0]


def counts(scores: dict, part: str) -> tuple[int, int, int]:
    return scores[part]["tp"], scores[part]["predicted"], scores[part]["gold"]


# ------------------------------------------------------------------ kg eval == score.py on the seeds


def test_kg_eval_gives_the_reference_numbers_on_the_seeds(seeds_store, tmp_path):
    result = CliRunner().invoke(main, ["eval", str(SEEDS_GOLD), "--docs", str(SEEDS), "--json"])
    assert result.exit_code == 0, result.output
    ours = json.loads(result.stdout)

    predicted = tmp_path / "seeds.pred.jsonl"
    with Store.open(seeds_store) as store:
        predicted.write_bytes(export_bytes(store, "gold-jsonl"))
    done = subprocess.run([sys.executable, str(SCORER), str(SEEDS_GOLD), str(predicted), "--json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    theirs = json.loads(done.stdout)

    assert ours["scores"] == theirs["scores"]
    assert ours["per_document"] == theirs["per_document"]
    assert set(ours["per_document"]) == {json.loads(line)["doc"] for line in SEEDS_GOLD.read_text().splitlines()
                                         if line.strip()}
    print("\nseeds: " + ", ".join(f"{part} F1 {s['f1']:.3f}" for part, s in ours["scores"].items()))


def test_kg_eval_prints_a_table_and_the_differences(tmp_path):
    gold = tmp_path / "gold.jsonl"
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Halden Cells signs deal\nHalden Cells signed an agreement with Norvik Motors.\n",
                                encoding="utf-8")
    gold.write_text(json.dumps({"doc": "a.txt", "entities": [{"type": "Company", "name": "Nowhere Widgets"}]}) + "\n",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold), "--docs", str(docs)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for part in ("entities", "facts", "claims", "events", "all"):
        assert f"│ {part} " in result.stdout
    assert "a.txt\tentities\tmissed\t['Company', 'nowhere widgets']" in result.stdout


# ------------------------------------------------------------------ the rules, on small hand-made cases


def doc(name="d1", entities=(), facts=(), claims=(), events=()):
    return {"doc": name, "published": None, "entities": list(entities), "facts": list(facts),
            "claims": list(claims), "events": list(events)}


def company(name, *aliases):
    return {"type": "Company", "name": name, **({"aliases": list(aliases)} if aliases else {})}


def test_gold_aliases_resolve_predicted_names():
    gold = doc(entities=[company("Xiaomi", "Xioami", "Xiaomi group"), {"type": "Product", "name": "Mi 10"}],
               facts=[{"s": "Xiaomi", "p": "produces", "o": "Mi 10"}])
    pred = doc(entities=[company("Xioami"), {"type": "Product", "name": "Mi 10"}],
               facts=[{"s": "Xiaomi group", "p": "produces", "o": "mi 10"}])
    scores = both([gold], [pred])
    assert counts(scores, "entities") == (2, 2, 2)
    assert counts(scores, "facts") == (1, 1, 1)


def test_predicted_aliases_bridge_to_the_gold_name():
    gold = doc(entities=[company("Huawei")], facts=[{"s": "Huawei", "p": "operatesIn", "o": "China"}])
    pred = doc(entities=[company("Huawei Technologies Co", "Huawei")],
               facts=[{"s": "Huawei Technologies Co", "p": "operatesIn", "o": "China"}])
    scores = both([gold], [pred])
    assert counts(scores, "entities") == (1, 1, 1)
    assert counts(scores, "facts") == (1, 1, 1)


@pytest.mark.parametrize("written", ["the Acme", "ACME", "Acme's", "Acme\u2019s", "Acme.", "  acme  "])
def test_names_match_after_normalisation(written):
    scores = both([doc(entities=[company("Acme")])], [doc(entities=[company(written)])])
    assert counts(scores, "entities") == (1, 1, 1)


@pytest.mark.parametrize("written", ["Acme\u2018s", "Acme \u201cs\u201d", "Acme Inc", "Acne"])
def test_names_that_do_not_match(written):
    """Only the reference's rules: a left quote is not an apostrophe, a legal suffix is not dropped."""
    scores = both([doc(entities=[company("Acme")])], [doc(entities=[company(written)])])
    assert counts(scores, "entities") == (0, 1, 1)


def test_symmetric_predicates_match_in_either_order_and_others_do_not():
    gold = doc(facts=[{"s": "Oppo", "p": "competesWith", "o": "Vivo"}, {"s": "Oppo", "p": "partnersWith", "o": "Vivo"},
                      {"s": "Oppo", "p": "subsidiaryOf", "o": "BBK"}])
    pred = doc(facts=[{"s": "Vivo", "p": "competesWith", "o": "Oppo"}, {"s": "Vivo", "p": "partnersWith", "o": "Oppo"},
                      {"s": "BBK", "p": "subsidiaryOf", "o": "Oppo"}])
    scores = both([gold], [pred])
    assert counts(scores, "facts") == (2, 3, 3)


def test_role_is_not_scored():
    gold = doc(facts=[{"s": "Lei Jun", "p": "executiveOf", "o": "Xiaomi", "role": "founder and CEO"}])
    pred = doc(facts=[{"s": "Lei Jun", "p": "executiveOf", "o": "Xiaomi", "role": "chief"}])
    assert counts(both([gold], [pred]), "facts") == (1, 1, 1)


def test_executive_and_person_count_as_one_type_but_company_does_not():
    gold = doc(entities=[{"type": "Executive", "name": "Lei Jun"}, {"type": "Person", "name": "Ann Lee"},
                         {"type": "Company", "name": "Canalys"}])
    pred = doc(entities=[{"type": "Person", "name": "Lei Jun"}, {"type": "Executive", "name": "Ann Lee"},
                         {"type": "Person", "name": "Canalys"}])
    assert counts(both([gold], [pred]), "entities") == (2, 3, 3)


def test_claims_are_speaker_about_pairs():
    gold = doc(entities=[{"type": "Executive", "name": "Lei Jun", "aliases": ["Lei"]}, company("Xiaomi")],
               claims=[{"speaker": "Lei Jun", "about": ["Xiaomi", "Apple"], "text": "We will win."}])
    pred = doc(claims=[{"speaker": "Lei", "about": ["Xiaomi"], "text": "Something else entirely", "date": "2020"},
                       {"speaker": "Lei Jun", "about": ["Samsung"], "text": "x"}])
    assert counts(both([gold], [pred]), "claims") == (1, 2, 2)


def test_events_match_by_type_and_entity_args_only():
    gold = doc(events=[
        {"type": "ProductLaunch", "args": {"company": "Xiaomi", "product": "Mi 10"}, "date": "2020-02-13"},
        {"type": "PartnershipAgreement", "args": {"parties": ["Oppo", "Vivo"], "scope": ["5G"]}},
        {"type": "FinancialResult", "args": {"company": "Xiaomi", "metric": "revenue", "amount": 100,
                                             "currency": "CNY", "period": "2019"}},
        {"type": "MarketEntry", "args": {"company": "Xiaomi", "market": "Spain"}},
    ])
    pred = doc(events=[
        {"type": "ProductLaunch", "args": {"company": "xiaomi", "product": "Mi 10"}, "date": "2021-01-01"},
        {"type": "PartnershipAgreement", "args": {"parties": ["Vivo", "Oppo", "Vivo"]}},
        {"type": "FinancialResult", "args": {"company": "Xiaomi", "metric": "profit", "amount": 5,
                                             "currency": "USD", "period": "2020"}},
        {"type": "StoreOpening", "args": {"company": "Xiaomi", "market": "Spain"}},
    ])
    assert counts(both([gold], [pred]), "events") == (3, 4, 4)


def test_documents_missing_from_the_prediction_count_and_extra_ones_do_not():
    gold = [doc("d1", entities=[company("Acme")]), doc("d2", entities=[company("Bolt")])]
    pred = [doc("d1", entities=[company("Acme")]), doc("d3", entities=[company("Bolt")])]
    scores = both(gold, pred)
    assert counts(scores, "entities") == (1, 1, 2)
    assert scores["entities"]["precision"] == 1.0 and scores["entities"]["recall"] == 0.5


def test_all_pools_facts_claims_and_events():
    gold = doc(facts=[{"s": "A", "p": "produces", "o": "P"}], claims=[{"speaker": "B", "about": ["A"], "text": "t"}],
               events=[{"type": "Rebrand", "args": {"company": "A", "direction": "premium"}}])
    pred = doc(facts=[{"s": "A", "p": "produces", "o": "P"}, {"s": "A", "p": "produces", "o": "Q"}],
               events=[{"type": "Rebrand", "args": {"company": "A"}}])
    scores = both([gold], [pred])
    assert counts(scores, "all") == (2, 3, 3)
    assert scores["all"]["f1"] == round(2 / 3, 4)


NAMES = ["Acme", "the Acme", "ACME", "Acme's", "Acme\u2019s", "Acme\u2018s", "Acme Corp", "Bolt", "Bolt!",
         "Lei Jun", "Lei", "Mi 10", "Mi\u00a010", "Stra\u00dfe", "STRASSE", "\uff21cme", "Spain", "\u0130zmir", "izmir"]
TYPES = ["Company", "Product", "Market", "Executive", "Person"]
PREDICATES = ["produces", "competesWith", "partnersWith", "executiveOf", "operatesIn"]
EVENT_TYPES = ["ProductLaunch", "PartnershipAgreement", "MarketEntry", "Rebrand"]

names = st.sampled_from(NAMES)
entities = st.lists(st.builds(lambda t, n, a: {"type": t, "name": n, **({"aliases": a} if a else {})},
                              st.sampled_from(TYPES), names, st.lists(names, max_size=2)), max_size=5)
facts = st.lists(st.builds(lambda s, p, o: {"s": s, "p": p, "o": o}, names, st.sampled_from(PREDICATES), names),
                 max_size=5)
claims = st.lists(st.builds(lambda s, a: {"speaker": s, "about": a, "text": "t"}, names, st.lists(names, max_size=3)),
                  max_size=3)
events = st.lists(st.builds(lambda t, c, p, parties: {"type": t, "args": {
    k: v for k, v in (("company", c), ("product", p), ("parties", parties)) if v}},
    st.sampled_from(EVENT_TYPES), st.none() | names, st.none() | names, st.lists(names, max_size=3)), max_size=3)
documents = st.builds(lambda name, e, f, c, v: doc(name, e, f, c, v), st.sampled_from(["d1", "d2"]),
                      entities, facts, claims, events)


@settings(max_examples=300, deadline=None)
@given(gold=st.lists(documents, max_size=2), pred=st.lists(documents, max_size=2))
def test_kg_scoring_agrees_with_the_reference_on_any_records(gold, pred):
    both(gold, pred)


# ------------------------------------------------------------------ reading gold files


def test_gold_file_is_read_like_the_reference_reads_it(tmp_path):
    """A line separator (U+2028) inside a JSON string is text, not the end of a record."""
    path = tmp_path / "gold.jsonl"
    records = [doc("d1", claims=[{"speaker": "A", "about": ["B"], "text": "first\u2028second\u0085third"}]),
               doc("d2", entities=[company("Bolt")])]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n\n", encoding="utf-8")
    assert read_gold(path) == REF.read(str(path))


def test_a_broken_gold_line_is_an_input_error_naming_the_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(doc("d1")) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:2"):
        read_gold(path)
    result = CliRunner().invoke(main, ["eval", str(path), "--docs", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}:2: ") and "Traceback" not in result.output
