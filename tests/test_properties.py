"""Properties that hold for any input (hypothesis): loaders never crash, IRIs are stable and valid, names
normalise idempotently, the value normalisers never raise, and the store survives export and re-import."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.export import export_bytes
from kg.extract.normalize import find_money, normalize_date, parse_money, parse_percentage
from kg.iris import document_iri, entity_iri, item_iri, slug
from kg.loaders import Source, read_articles
from kg.model import ENTITY_TYPES, Article
from kg.pipeline import load
from kg.resolution import identity_key, is_short_form, is_typo_of, normalize, strip_legal_suffixes
from kg.store import Store

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
NAMES = st.one_of(
    TEXT,
    st.lists(st.sampled_from(["Acme", "Corp", "Ltd.", "the", "The", "'s", "’s", '"', "\\", "{", "}", "<", ">",
                              "} ; DROP ALL ; #", "MATCH (n) DETACH DELETE n //", "Société", "Générale", "華為",
                              "\u0000", "\n", " ", "-", "&", "%20", "Ünïcödé", "\u200b", "Ⅻ", "ﬁ", "İ"]),
             max_size=8).map(" ".join),
)
FAST = settings(max_examples=200, deadline=None, derandomize=True)   # the same examples in CI every run


# ------------------------------------------------------------------ loaders


def _encoded(text_and_encoding) -> bytes:
    text, encoding = text_and_encoding
    return text.encode(encoding, errors="replace")


RAW = st.one_of(
    st.binary(max_size=3000),
    st.tuples(TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "latin-1", "cp1252", "shift_jis",
                                     "koi8-r", "gb18030"])).map(_encoded),
    st.lists(st.sampled_from(["<html>", "<body>", "<div>", "</div>", "<p>", "</p>", "<script>", "</script>",
                              "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#0;", "&#xD800;", "<title>", "</title>",
                              "Acme Corp sold phones in Spain.", "\x00", "\ufeff", "\r\n", "<meta charset='x'>",
                              '{"text": "Acme sells phones."}', '{"text": 5}', "{", "\n"]),
             max_size=60).map(lambda parts: "".join(parts).encode("utf-8", errors="replace")),
)


@settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(data=RAW, suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_loaders_yield_articles_or_input_errors_for_any_bytes(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_articles(Source(path)))
    assert items or suffix == ".jsonl", "a file gives at least one Article or one InputError (a feed may be empty)"
    for item in items:
        assert isinstance(item, (Article, InputError)), item
        if isinstance(item, InputError):
            assert item.reason and str(path) in item.path
        else:
            assert isinstance(item.text, str) and item.doc_id
            assert len(item.content_hash) == 64


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_file_of_control_characters_is_empty_not_an_empty_article(tmp_path, suffix):
    path = tmp_path / f"controls{suffix}"
    path.write_bytes(b"\x01\x02\x7f\n")
    (item,) = read_articles(Source(path))
    assert isinstance(item, InputError) and "empty" in item.reason


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
                           lambda children: st.lists(children, max_size=3)
                           | st.dictionaries(TEXT, children, max_size=3), max_leaves=6)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(fields=st.fixed_dictionaries({"text": st.just("Acme Corp sold phones in Spain.")},
                                    optional={"id": JSON_VALUES, "title": JSON_VALUES, "url": JSON_VALUES,
                                              "source": JSON_VALUES, "published": JSON_VALUES}))
@example(fields={"text": "Acme Corp sold phones in Spain.", "title": 5})
def test_jsonl_metadata_of_any_json_type_gives_a_well_formed_article_or_a_clear_error(fields):
    import json

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.jsonl"
        path.write_text(json.dumps(fields) + "\n", encoding="utf-8")
        (item,) = read_articles(Source(path))
    if isinstance(item, Article):
        for name in ("doc_id", "title", "published", "url", "source"):
            assert getattr(item, name) is None or isinstance(getattr(item, name), str), name
        assert len(item.content_hash) == 64
    else:
        assert isinstance(item, InputError) and item.reason


# ------------------------------------------------------------------ IRIs


@FAST
@given(name=NAMES, entity_type=st.sampled_from(ENTITY_TYPES))
def test_entity_iris_are_stable_and_valid(name, entity_type):
    key = identity_key(entity_type, name)
    iri = entity_iri(entity_type, key)
    assert iri == entity_iri(entity_type, identity_key(entity_type, name))
    assert ox.NamedNode(str(iri)).value == str(iri)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug(name)) and len(slug(name)) <= 80


@FAST
@given(doc_id=NAMES, other=NAMES, parts=st.lists(st.one_of(NAMES, st.integers()), max_size=4))
def test_document_and_item_iris_are_stable_valid_and_distinct(doc_id, other, parts):
    iri = document_iri(doc_id)
    assert iri == document_iri(doc_id) and ox.NamedNode(str(iri))
    if other != doc_id:
        assert document_iri(other) != iri
    item = item_iri("assertion", doc_id, *parts)
    assert item == item_iri("assertion", doc_id, *parts) and ox.NamedNode(str(item))


# ------------------------------------------------------------------ names


@FAST
@given(name=NAMES)
def test_normalize_is_idempotent(name):
    once = normalize(name)
    assert normalize(once) == once


def test_normalize_is_idempotent_with_a_repeated_article():
    once = normalize("The the Acme")
    assert normalize(once) == once


@FAST
@given(a=NAMES, b=NAMES, entity_type=st.sampled_from(ENTITY_TYPES))
def test_name_comparisons_never_raise(a, b, entity_type):
    assert isinstance(strip_legal_suffixes(a), str)
    assert isinstance(identity_key(entity_type, a), str)
    assert isinstance(is_typo_of(a, b), bool) and is_typo_of(a, b) == is_typo_of(b, a)
    assert isinstance(is_short_form(a, b), bool)


@pytest.mark.parametrize("name, stripped", [("Noorda Group N.V.", "noorda"), ("Kvist Denim ApS", "kvist denim"),
                                             ("Fiat S.p.A.", "fiat"), ("Huawei Technologies Co., Ltd.", "huawei"),
                                             ("A B", "a b"), ("S.A.", "s a")])
def test_legal_forms_dotted_or_not_are_stripped_but_never_the_whole_name(name, stripped):
    assert strip_legal_suffixes(name) == stripped


# ------------------------------------------------------------------ value normalisers

DATES = st.one_of(TEXT, st.sampled_from(["last Monday", "Q3 2020", "the first half", "24 May 2019", "2019-09",
                                         "next March", "'19", "FY2020", "yesterday", "2018-19", "9999-99-99"]))
PUBLISHED = st.one_of(st.none(), TEXT, st.dates().map(str), st.sampled_from(["2025-02-29", "0001-01-01",
                                                                             "2025-03-14T10:00:00+14:00"]))
MONEY = st.one_of(TEXT, st.sampled_from(["$1.1bn", "785m euros", "£300m", "1.5 lakh crore", "¥10 yuan", "50p",
                                         "HK$3", "$" + "9" * 400, "1e308 dollars", "-$5m", "US$", "0.0.0 USD"]))


@FAST
@given(text=DATES, published=PUBLISHED)
def test_normalize_date_never_raises(text, published):
    value = normalize_date(text, published)
    assert value is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value)


@FAST
@given(text=MONEY)
def test_money_and_percentages_never_raise(text):
    value = parse_money(text)
    assert value is None or (isinstance(value[0], float) and re.fullmatch(r"[A-Z]{3}", value[1]))
    assert parse_percentage(text) is None or isinstance(parse_percentage(text), float)
    for start, end, amount, currency in find_money(text):
        assert 0 <= start < end <= len(text) and isinstance(amount, float)


# ------------------------------------------------------------------ round trip through export


COMPANY = st.sampled_from(["Acme", "Norvik Motors", "Halden Cells", "Fjord Air", "O'Brien Foods", 'Quote "Q" Ltd',
                           "Back\\slash Inc", "Brace{} Corp", "Société Générale"])
COUNTRY = st.sampled_from(["Germany", "Spain", "Poland", "Japan", "Brazil"])


@settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(docs=st.lists(st.tuples(COMPANY, COMPANY, COUNTRY), min_size=1, max_size=3))
def test_export_and_reimport_give_the_same_quads(docs):
    with tempfile.TemporaryDirectory() as folder:
        corpus, home = Path(folder) / "corpus", Path(folder) / "home"
        corpus.mkdir()
        for i, (a, b, country) in enumerate(docs):
            (corpus / f"doc{i}.txt").write_text(
                f"{a} expands\n{a} said on Monday it plans to enter {country} next year. "
                f"\"We see room to grow,\" said Kari Nordmann, chief executive of {a}. "
                f"{a} signed an agreement with {b} to supply batteries.\n", encoding="utf-8")
        assert load([corpus], home).ok
        with Store.open(home) as store:
            original = set(store.quads())
            for fmt, syntax in (("nq", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG)):
                fresh = ox.Store()
                fresh.extend(ox.parse(export_bytes(store, fmt), syntax))
                assert set(fresh) == original, fmt
