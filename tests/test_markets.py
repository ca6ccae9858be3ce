"""Markets: every way news names a country or region resolves to one MarketRef."""

import time

import pytest

from kg.extract.markets import MarketRef, is_market_word, resolve_market

EQUIVALENT = {
    ("US", "United States", "country"): [
        "US", "U.S.", "USA", "U.S.A.", "the US", "the U.S.", "United States", "the United States",
        "United States of America", "America", "the US market", "the U.S. market", "US markets",
        "the American market", "American marketplace", "America's market",
    ],
    ("GB", "United Kingdom", "country"): [
        "UK", "U.K.", "the UK", "United Kingdom", "Britain", "Great Britain", "British market",
        "the UK market",
    ],
    ("AE", "United Arab Emirates", "country"): ["UAE", "the UAE", "United Arab Emirates", "Emirati market"],
    ("VN", "Vietnam", "country"): ["Vietnam", "Viet Nam", "Vietnamese market"],
    ("RU", "Russia", "country"): ["Russia", "Russian Federation", "the Russian market"],
    ("KR", "South Korea", "country"): ["South Korea", "Korea", "Republic of Korea", "Korean market",
                                       "South Korean market"],
    ("KP", "North Korea", "country"): ["North Korea", "DPRK"],
    ("CN", "China", "country"): ["China", "mainland China", "PRC", "the Chinese market", "China's market",
                                 "the China market", "Chinese marketplace"],
    ("HK", "Hong Kong", "country"): ["Hong Kong", "Hong Kong market"],
    ("TW", "Taiwan", "country"): ["Taiwan", "Taiwanese market"],
    ("IN", "India", "country"): ["India", "Indian market", "the Indian market", "the Indian smartphone market"],
    ("JP", "Japan", "country"): ["Japan", "Japanese market", "Japanese car market"],
    ("DE", "Germany", "country"): ["Germany", "German market"],
    ("BR", "Brazil", "country"): ["Brazil", "Brazilian market"],
    ("FR", "France", "country"): ["France", "French market"],
    ("NL", "Netherlands", "country"): ["Netherlands", "the Netherlands", "Holland", "Dutch market"],
    ("CH", "Switzerland", "country"): ["Switzerland", "Swiss market"],
    ("ES", "Spain", "country"): ["Spain", "Spanish market"],
    ("GR", "Greece", "country"): ["Greece", "Greek market"],
    ("TR", "Turkey", "country"): ["Turkey", "Türkiye", "Turkish market"],   # shown as news writes it
    ("TH", "Thailand", "country"): ["Thailand", "Thai market"],
    ("PH", "Philippines", "country"): ["Philippines", "the Philippines", "Filipino market"],
    ("IT", "Italy", "country"): ["Italy", "Italian market"],
    ("MX", "Mexico", "country"): ["Mexico", "Mexican market"],
    ("SE", "Sweden", "country"): ["Sweden", "Swedish market"],
    ("KZ", "Kazakhstan", "country"): ["Kazakhstan", "Kazakh market"],
    ("CI", "Côte d’Ivoire", "country"): ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"],
    ("CZ", "Czechia", "country"): ["Czechia", "Czech Republic", "Czech market"],
    ("MM", "Myanmar", "country"): ["Myanmar", "Burma"],
    # shown as news writes them, not as CLDR ("Congo - Kinshasa", "Congo - Brazzaville")
    ("CD", "DR Congo", "country"): ["DRC", "Democratic Republic of the Congo", "DR Congo", "Democratic Republic of Congo"],
    ("CG", "Republic of Congo", "country"): ["Republic of Congo", "the Republic of Congo", "Congo-Brazzaville"],
    ("region:balkans", "Balkans", "region"): ["the Balkans", "Balkans"],
    ("JO", "Jordan", "country"): ["Jordan"],  # a person's name too: the caller's call
    ("region:europe", "Europe", "region"): ["Europe", "European market", "the European market"],
    ("region:asia", "Asia", "region"): ["Asia", "Asian markets"],
    ("region:latin-america", "Latin America", "region"): ["Latin America", "LatAm", "LATAM",
                                                          "Latin American market"],
    ("region:middle-east", "Middle East", "region"): ["Middle East", "the Middle East", "Mideast",
                                                      "Middle Eastern market"],
    ("region:southeast-asia", "Southeast Asia", "region"): ["Southeast Asia", "South-East Asia",
                                                            "South East Asia", "Southeast Asian market"],
    ("region:asia-pacific", "Asia-Pacific", "region"): ["Asia-Pacific", "Asia Pacific", "APAC",
                                                        "the Asia-Pacific market"],
    ("region:emea", "EMEA", "region"): ["EMEA"],
    ("region:european-union", "European Union", "region"): ["EU", "the EU", "European Union",
                                                            "the EU market"],
    ("region:north-america", "North America", "region"): ["North America", "North American market"],
    ("region:africa", "Africa", "region"): ["Africa", "African market"],
}


@pytest.mark.parametrize("expected, text", [
    (MarketRef(name, code, kind), text) for (code, name, kind), texts in EQUIVALENT.items() for text in texts
])
def test_resolves(expected, text):
    assert resolve_market(text) == expected


@pytest.mark.parametrize("text", [
    "us", "Us", "u.s.", "uk",                     # the pronoun, and codes not written in capitals
    "china", "turkey",                            # the porcelain and the bird
    "Apple", "Google", "California", "Beijing", "Texas", "New York", "Washington", "Shanghai",
    "England",                                    # part of a country, not a market of its own
    "IT", "IN", "CAN", "AI", "HR", "PE", "SOE", "IRA", "SAR",  # codes and acronyms of other things
    "Chinese", "American",                        # a demonym alone is not a market
    "the domestic market", "the global market", "world", "the market", "",
    "U.S.-China", "Silicon Valley",
    "Apple phone market", "Irish Mobile market",  # the first word is no place; a name before "market"
])
def test_not_a_market(text):
    assert resolve_market(text) is None
    assert not is_market_word(text)


def test_ambiguous_initials_are_dropped():
    """SA is Saudi Arabia's and South Africa's initials: it names neither."""
    assert resolve_market("SA") is None
    assert resolve_market("SK") is None  # South Korea's initials, but Slovakia's ISO code


def test_kinds_and_codes():
    us, europe = resolve_market("US"), resolve_market("Europe")
    assert (us.kind, us.code) == ("country", "US")
    assert (europe.kind, europe.code) == ("region", "region:europe")


def test_every_country_resolves_by_its_display_name():
    """The canonical name round-trips, for all ISO 3166-1 countries."""
    import pycountry

    for country in pycountry.countries:
        ref = resolve_market(country.name)
        if ref is None:  # inverted ISO names ("Korea, Republic of") are not how news writes
            continue
        assert resolve_market(ref.name) == ref, ref


@pytest.mark.parametrize("value", [None, 3, b"US", ["US"]])
def test_wrong_types_give_none(value):
    assert resolve_market(value) is None


def test_is_market_word():
    assert is_market_word("U.S.") and is_market_word("Southeast Asia")
    assert not is_market_word("us")


def test_speed():
    resolve_market("warm-up")
    texts = [t for texts in EQUIVALENT.values() for t in texts] + ["Apple", "us", "California"]
    texts = (texts * (10_000 // len(texts) + 1))[:10_000]
    start = time.perf_counter()
    for text in texts:
        resolve_market(text)
    elapsed = time.perf_counter() - start
    print(f"\nresolve_market: 10k calls in {elapsed * 1e3:.1f} ms")
    assert elapsed < 0.5


def test_speed_uncached():
    from kg.extract import markets

    texts = [f"{t} market" for texts in EQUIVALENT.values() for t in texts]
    start = time.perf_counter()
    for text in texts:
        markets._resolve.__wrapped__(text)
    per_call = (time.perf_counter() - start) / len(texts)
    print(f"\nresolve_market: {per_call * 1e6:.1f} us per uncached call")
    assert per_call < 1e-3
