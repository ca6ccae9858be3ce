"""Dates, money and percentages as news writes them."""

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.normalize import find_money, normalize_date, parse_money, parse_percentage

PUB = "2019-05-24"  # a Friday
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


# ----------------------------------------------------------------------------- dates
@pytest.mark.parametrize("text, published, expected", [
    # absolute, at the precision written; no publication date needed
    ("24 May 2019", None, "2019-05-24"),
    ("March 9, 2020", None, "2020-03-09"),
    ("Monday, March 9, 2020", None, "2020-03-09"),
    ("in September 2019", None, "2019-09"),
    ("September 2019", PUB, "2019-09"),
    ("Sept. 2019", None, "2019-09"),
    ("March '19", None, "2019-03"),
    ("2019", None, "2019"),
    ("the 2019", PUB, "2019"),
    ("2019-05-24T10:00:00Z", None, "2019-05-24"),
    ("2019-05", None, "2019-05"),
    ("late 2019", None, "2019"),
    ("mid-2020", None, "2020"),
    ("the end of 2019", None, "2019"),
    ("Q3 2020", None, "2020"),
    ("3Q20", None, "2020"),
    ("the third quarter of 2020", None, "2020"),
    ("the first half of 2020", None, "2020"),
    ("H1 2020", None, "2020"),
    # relative to publication
    ("yesterday", PUB, "2019-05-23"),
    ("today", PUB, "2019-05-24"),
    ("tomorrow", PUB, "2019-05-25"),
    ("last month", PUB, "2019-04"),
    ("next month", PUB, "2019-06"),
    ("this year", PUB, "2019"),
    ("earlier this year", PUB, "2019"),
    ("last year", PUB, "2018"),
    ("next year", PUB, "2020"),
    ("two years ago", PUB, "2017"),
    ("3 days ago", PUB, "2019-05-21"),
    ("on Monday", PUB, "2019-05-20"),
    ("Wednesday", PUB, "2019-05-22"),
    ("on Friday", PUB, "2019-05-24"),      # publication day itself
    ("last Friday", PUB, "2019-05-17"),
    ("next Monday", PUB, "2019-05-27"),
    ("last quarter", PUB, "2019"),
    ("last quarter", "2019-02-10", "2018"),
    # day and month without a year: publication year unless > ~2 months after publication
    ("March 9", PUB, "2019-03-09"),
    ("June 1", PUB, "2019-06-01"),
    ("Sept. 9", PUB, "2018-09-09"),
    ("December", PUB, "2018-12"),
    ("January 5", "2019-12-20", "2020-01-05"),
    ("last March", PUB, "2019-03"),
    ("next March", PUB, "2020-03"),
    ("the third quarter", PUB, "2019"),
    ("the fourth quarter", "2020-02-10", "2019"),
    # publication as a full timestamp
    ("yesterday", "2019-05-24T23:30:00+08:00", "2019-05-23"),
])
def test_normalize_date(text, published, expected):
    assert normalize_date(text, published) == expected


@pytest.mark.parametrize("text", [
    "yesterday", "last month", "on Monday", "next year", "March 9", "December",
    "the third quarter", "last quarter", "3 days ago",
])
def test_relative_dates_need_a_publication_date(text):
    assert normalize_date(text, None) is None


@pytest.mark.parametrize("text", [
    "", "   ", "hello", "15", "$29", "15%", "100", "the 1990s", "the quarter", "recent years",
    "fiscal 2020", "FY2020", "2018-19", "between 2018 and 2019", "last week", "this week",
    "Apple", "30 February 2019", "the past decade",
])
def test_not_a_date(text):
    assert normalize_date(text, PUB) is None


def test_bad_publication_date_is_ignored():
    assert normalize_date("yesterday", "not a date") is None
    assert normalize_date("24 May 2019", "not a date") == "2019-05-24"


def test_does_not_depend_on_today():
    """Same input, same output, whatever the clock says: the year never comes from 'now'."""
    assert normalize_date("March 9", "2001-04-01") == "2001-03-09"
    assert normalize_date("last month", "2001-04-01") == "2001-03"


# ----------------------------------------------------------------------------- money
@pytest.mark.parametrize("text, amount, currency", [
    ("$29", 29, "USD"),
    ("about $29", 29, "USD"),
    ("US$15.8 billion", 15.8e9, "USD"),
    ("U.S.$5", 5, "USD"),
    ("$1.5bn", 1.5e9, "USD"),
    ("$50k", 50e3, "USD"),
    ("$1T", 1e12, "USD"),
    ("$5-10 million", 5e6, "USD"),             # a range gives its lower bound
    ("5.6 billion dollars", 5.6e9, "USD"),
    ("5 million U.S. dollars", 5e6, "USD"),
    ("a billion dollars", 1e9, "USD"),
    ("half a billion dollars", 0.5e9, "USD"),
    ("five million dollars", 5e6, "USD"),
    ("a loss of $5m", 5e6, "USD"),
    ("50 cents", 0.5, "USD"),
    ("USD1.2bn", 1.2e9, "USD"),
    ("100 billion yuan", 1e11, "CNY"),
    ("RMB 5 million", 5e6, "CNY"),
    ("CN¥10", 10, "CNY"),
    ("¥3,999", 3999, "JPY"),                   # bare yen sign: Japanese yen...
    ("¥3,999 yuan", 3999, "CNY"),              # ...unless the yuan is named
    ("3 million Japanese yen", 3e6, "JPY"),
    ("€2.1bn", 2.1e9, "EUR"),
    ("€45", 45, "EUR"),
    ("45 €", 45, "EUR"),
    ("EUR 45", 45, "EUR"),
    ("45 EUR", 45, "EUR"),
    ("3 million euros", 3e6, "EUR"),
    ("£300m", 300e6, "GBP"),
    ("50p", 0.5, "GBP"),
    ("5 million pounds sterling", 5e6, "GBP"),
    ("1.2 trillion won", 1.2e12, "KRW"),
    ("₩1,000", 1000, "KRW"),
    ("Rs 500 crore", 5e9, "INR"),
    ("Rs. 1.5 lakh crore", 1.5e12, "INR"),
    ("₹500 crore", 5e9, "INR"),
    ("HK$10", 10, "HKD"),
    ("10 million Hong Kong dollars", 10e6, "HKD"),
    ("$10 Hong Kong dollars", 10, "HKD"),        # a named currency beats the generic "$"
    ("C$5 million", 5e6, "CAD"),
    ("A$2bn", 2e9, "AUD"),
    ("S$1.2 million", 1.2e6, "SGD"),
    ("NT$3 billion", 3e9, "TWD"),
    ("R$3 billion", 3e9, "BRL"),
    ("300 million roubles", 300e6, "RUB"),
    ("2 billion Swiss francs", 2e9, "CHF"),
    ("5 million Mexican pesos", 5e6, "MXN"),
    ("CHF 12 million", 12e6, "CHF"),
])
def test_parse_money(text, amount, currency):
    result = parse_money(text)
    assert result is not None, text
    assert result[0] == pytest.approx(amount)
    assert result[1] == currency


@pytest.mark.parametrize("text", [
    "", "15 million", "dollars", "hundreds of millions of dollars", "5 million pesos",
    "$5 m", "a third", "15%", "Apple", "the eur zone", "2019",
])
def test_not_money(text):
    assert parse_money(text) is None


@pytest.mark.parametrize("text, amount, currency", [
    ("revenue of CHF 5.6 billion", 5.6e9, "CHF"),                   # an ISO code before the amount
    ("a loss of 5.6 billion CHF", 5.6e9, "CHF"),                    # and after it
    ("sales of 1.21 billion Swiss francs", 1.21e9, "CHF"),          # a currency's name with its country's word
    ("profit of 3.6 billion New Taiwan dollars", 3.6e9, "TWD"),
    ("3.1 billion Kenyan shillings", 3.1e9, "KES"),
    ("costs 499 rand", 499, "ZAR"),
    ("the basket cost NOK 1,486 at", 1486, "NOK"),                  # a code that is no word, before a plain amount
    ("coffee was SEK 54.90, while", 54.90, "SEK"),
    ("saves around NOK 300 a trip", 300, "NOK"),
    ("sold for CAD 12.99 each", 12.99, "CAD"),                      # a code that is a word, before pennies
    ("from Rp 10.999.000 at", 10999000, "IDR"),                     # thousands grouped by dots
    ("a fine of €1.250.000", 1250000, "EUR"),
])
def test_find_money_reads_every_currency_the_tables_know(text, amount, currency):
    ((_, _, found, code),) = find_money(text)
    assert (found, code) == (pytest.approx(amount), currency)


@pytest.mark.parametrize("text", [
    "its AMD 7000 chips", "revenue from its TOP 10 customers", "CAD 3D software", "PHP 8.3", "records 1080p video",
    "priced at 720p", "5,000 Afghanis fled", "the World CUP 2022", "the COP 26 summit", "TRY 5 TIMES", "PHP 8.3.1",
])
def test_find_money_leaves_acronyms_and_words_that_look_like_currencies(text):
    assert find_money(text) == []


def test_find_money_finds_an_amount_after_an_acronym_that_is_also_a_code():
    assert [(amount, code) for _, _, amount, code in find_money("AMD 2024 revenue rose 14% to $25.8 billion")] \
        == [(25.8e9, "USD")]


def test_find_money_needs_no_quadratic_time_on_long_runs_of_digits():
    import time
    started = time.perf_counter()
    find_money("1," * 5000)
    assert time.perf_counter() - started < 2      # was tens of seconds; a generous bound for a loaded machine


def test_a_noun_several_currencies_share_takes_the_currency_of_the_countries_named():
    assert find_money("rose to 2.1 billion pesos") == []                      # no country: no guess
    ((start, end, amount, code),) = find_money("rose to 2.1 billion pesos", ("MX",))
    assert (amount, code) == (2.1e9, "MXN") and "rose to 2.1 billion pesos"[start:end] == "2.1 billion pesos"
    assert find_money("3.1 billion shillings", ("US", "KE"))[0][3] == "KES"   # the first country that uses it
    assert find_money("2 billion kronor", ("SE",))[0][3] == "SEK"
    assert find_money("2 billion kronor", ("JP",)) == []                     # Japan pays in no kronor
    assert find_money("$5 billion", ("MX",))[0][3] == "USD"                  # a symbol is not a bare noun


# ----------------------------------------------------------------------------- percentages
@pytest.mark.parametrize("text, expected", [
    ("15%", 15.0), ("15 %", 15.0), ("15 percent", 15.0), ("15.5 per cent", 15.5),
    ("15 per-cent", 15.0), ("up 15 pct", 15.0), ("15pc", 15.0), ("1,200%", 1200.0),
    ("-5%", -5.0), ("2-5%", 2.0), ("five percent", 5.0), ("3 percentage points", 3.0),
    ("25 basis points", 0.25), ("50bps", 0.5), ("15％", 15.0),
])
def test_parse_percentage(text, expected):
    assert parse_percentage(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "a third", "half", "15", "$15", "a percent", "percent"])
def test_not_a_percentage(text):
    assert parse_percentage(text) is None


# ----------------------------------------------------------------------------- properties
_news_like = st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]),
                     max_size=40)


@settings(max_examples=300, deadline=None)
@given(text=_news_like, published=st.one_of(st.none(), st.dates().map(str), st.text(max_size=12)))
def test_normalize_date_never_raises_and_is_iso(text, published):
    value = normalize_date(text, published)
    assert value is None or ISO.match(value)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"(on |in |last |next )?([A-Z][a-z]{2,8} )?\d{1,4}( [A-Z][a-z]+)?( \d{4})?",
                     fullmatch=True),
       st.dates(min_value=__import__("datetime").date(1990, 1, 1)).map(str))
def test_date_shaped_text_gives_iso_or_none(text, published):
    value = normalize_date(text, published)
    assert value is None or ISO.match(value)


@settings(max_examples=300, deadline=None)
@given(_news_like)
def test_parse_money_never_raises_and_is_not_negative(text):
    result = parse_money(text)
    assert result is None or (result[0] >= 0 and re.fullmatch(r"[A-Z]{3}", result[1]))


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"-?[$€£¥]?\d{1,7}(\.\d{1,3})?( ?(m|bn|million|billion|crore))?"
                     r"( (dollars|euros|yuan|won|cents))?", fullmatch=True))
def test_money_shaped_text_is_not_negative(text):
    result = parse_money(text)
    assert result is None or result[0] >= 0


@settings(max_examples=300, deadline=None)
@given(_news_like)
def test_parse_percentage_never_raises(text):
    value = parse_percentage(text)
    assert value is None or isinstance(value, float)


@pytest.mark.parametrize("value", [None, 12, b"2019", ["2019"]])
def test_wrong_types_give_none(value):
    assert normalize_date(value, PUB) is None
    assert parse_money(value) is None
    assert parse_percentage(value) is None


# ----------------------------------------------------------------------------- speed
def test_import_is_cheap():
    """dateparser is imported on first use, not with the module."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    import kg

    env = {**os.environ, "PYTHONPATH": str(Path(kg.__file__).resolve().parents[1])}
    code = "import sys, kg.extract.normalize; print('dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == "False"


def test_per_call_time():
    normalize_date("24 May 2019", PUB)  # warm-up: dateparser loads its English data
    texts = [f"{d} May 2019" for d in range(1, 29)] + [f"{n} days ago" for n in range(1, 29)]
    start = time.perf_counter()
    for text in texts:
        normalize_date(text, "2019-06-30")
    per_call = (time.perf_counter() - start) / len(texts)
    print(f"\nnormalize_date: {per_call * 1e3:.2f} ms per uncached call")
    assert per_call < 0.02
