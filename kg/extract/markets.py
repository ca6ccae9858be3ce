"""Resolve the geographic markets news names ("the US", "U.S.A.", "America", "the Chinese market",
"Southeast Asia") to one canonical Market, so every spelling of a market is one node.

There is no hand list of countries. Names come from ISO 3166-1 (pycountry: names, official and
common names) and from CLDR's English territory names (babel), which give the short names
news uses ("Russia", "South Korea", "Vietnam") and the UN M.49 regions ("Europe", "Latin
America", "Southeast Asia"). Acronyms of multi-word names (US, UK, UAE, PNG) are built from
the CLDR names' initials; demonyms ("Brazilian market") from the names' stems. The small tables
below hold only what those sources cannot give.

Deliberate choices:
  * 2–5 letter acronyms resolve only when written in capitals: "us" is the pronoun. Bare ISO
    codes ("IT", "IN", "CAN", "PE", "AI", "HR") are not accepted as market names: they collide
    with words and business acronyms; a code resolves only when it is also the name's initials.
  * Names resolve only when capitalised, as proper names are in news: "china" and "turkey" are
    the porcelain and the bird.
  * Cities and states/provinces ("California", "Beijing", "Texas") are not markets. A country
    name that is also something else ("Jordan", "Georgia", "Chad") resolves: telling the person
    or the US state apart is the caller's job, from the sentence.
  * "Korea" alone is South Korea, as in business news.
  * "the world"/"global" are not a market (CLDR region 001 is left out).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

# Colloquial forms CLDR and ISO lack (old or informal names news still uses), by ISO alpha-2.
COLLOQUIAL_COUNTRIES: dict[str, str] = {
    "America": "US", "Britain": "GB", "Great Britain": "GB", "Holland": "NL", "Korea": "KR",
    "Turkey": "TR", "Macau": "MO", "Ivory Coast": "CI", "East Timor": "TL", "Swaziland": "SZ",
    "Republic of Congo": "CG", "Republic of the Congo": "CG", "Democratic Republic of Congo": "CD",
    "DR Congo": "CD",
}
# Colloquial regions CLDR lacks, with the names they are shown under.
COLLOQUIAL_REGIONS: dict[str, str] = {
    "Middle East": "Middle East", "Mideast": "Middle East",
    "Asia-Pacific": "Asia-Pacific", "Asia Pacific": "Asia-Pacific",
    "LatAm": "Latin America", "Greater China": "Greater China", "Nordics": "Nordics",
    "Balkans": "Balkans", "Scandinavia": "Scandinavia", "Baltics": "Baltics", "Baltic states": "Baltics",
    "Benelux": "Benelux", "Central Europe": "Central Europe", "Central and Eastern Europe": "Central and Eastern Europe",
    "Gulf": "Gulf", "Gulf states": "Gulf", "Gulf region": "Gulf",      # the Gulf Arab states ("the Gulf of Mexico"
    #                                                                     is a sea: not this name)
    "West Africa": "West Africa", "East Africa": "East Africa", "North Africa": "North Africa",   # (CLDR: "Western
    "South Asia": "South Asia",                                                                   # Africa", ...)
}
# A region named with a lower-case compass word ("northern Europe"): CLDR's name capitalises it.
_COMPASS = re.compile(r"^(northern|southern|eastern|western|central|north|south|east|west)(?= [A-Z])")
# Acronyms the CLDR names' initials do not give: ISO official names (USA, PRC, DPRK, DRC), whose
# initials are not taken wholesale because most are other things in business news (IRA, SOE,
# SAR, RF), and business reporting segments. Capitals required, like all acronyms.
COLLOQUIAL_ACRONYMS: dict[str, str] = {"USA": "US", "PRC": "CN", "DPRK": "KP", "DRC": "CD"}
REGION_ACRONYMS: dict[str, str] = {"APAC": "Asia-Pacific", "EMEA": "EMEA", "LATAM": "Latin America",
                                   "CEE": "Central and Eastern Europe"}

# Demonyms the stem rule cannot derive (it derives American, Chinese, Indian, Japanese,
# German, Brazilian, Italian, Turkish, Thai, Swedish, Korean, European, Middle Eastern...).
IRREGULAR_DEMONYMS: dict[str, str] = {
    "French": "FR", "Dutch": "NL", "British": "GB", "Swiss": "CH", "Spanish": "ES",
    "Greek": "GR", "Filipino": "PH", "Philippine": "PH", "Danish": "DK", "Finnish": "FI",
    "Irish": "IE", "Norwegian": "NO", "Polish": "PL", "Portuguese": "PT", "Peruvian": "PE",
    "Saudi": "SA", "Emirati": "AE", "Cypriot": "CY", "Lebanese": "LB",
    "Dominican": "DO",                   # (the Dominican Republic's, by far the larger market; Dominica's too)
}

# CLDR regions are its numeric UN M.49 codes plus these unions; "001" (the world) is no market,
# and the other lettered CLDR codes (UN, QO, XA, ZZ...) are not places one sells in.
_CLDR_UNIONS = ("EU", "EZ")
_CLDR_SKIP = {"001"}
# Grammar, not geography: words initials skip ("Isle of Man" -> IM, "Trinidad & Tobago" -> TT).
_SKIP_IN_INITIALS = {"of", "the", "and", "&"}
# Endings a name loses and endings a demonym adds: China -> Chin+ese, Italy -> Ital+ian,
# Turkey -> Turk+ish, Afghanistan -> Afghan, Kazakhstan -> Kazakh, Thailand -> Thai,
# Belgium -> Belgi+an.
_NAME_ENDINGS = ("", "a", "e", "o", "y", "ia", "ey", "um", "en", "land", "istan", "stan")
_DEMONYM_ENDINGS = ("", "e", "n", "an", "ian", "ean", "ese", "i", "ish", "ic", "ern", "er")

_MARKET_WORDS = re.compile(r"\s+(?:market|marketplace)s?$", re.IGNORECASE)
_LEADING = re.compile(r"^(?:the|mainland)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-"})


@dataclass(frozen=True)
class MarketRef:
    """A canonical market: `code` is the identity, `name` is for display."""

    name: str  # CLDR English short name ("United States", "Russia") or region name
    code: str  # ISO 3166-1 alpha-2 ("US") or "region:<slug>" ("region:europe")
    kind: Literal["country", "region"]


def resolve_market(text: str) -> MarketRef | None:
    """The market a mention names ('U.S.', 'the American market', 'APAC'), or None."""
    if not isinstance(text, str) or not text.strip() or len(text) > 80:
        return None
    try:
        return _resolve(text)
    except Exception:  # an unreadable mention is just not a market
        return None


def is_market_word(text: str) -> bool:
    """True when `text` names a country or region."""
    return resolve_market(text) is not None


@functools.lru_cache(maxsize=8192)
def _resolve(text: str) -> MarketRef | None:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).strip(" ,;:!?()\"'")
    text = re.sub(r"\s+", " ", text)
    core, is_market = _MARKET_WORDS.sub("", text), bool(_MARKET_WORDS.search(text))
    core = _POSSESSIVE.sub("", core.strip())
    previous = None
    while previous != core:
        previous, core = core, _LEADING.sub("", core)
    core = _COMPASS.sub(lambda m: m.group().capitalize(), core)
    tables = _tables()
    ref = _lookup_acronym(core, tables) or _lookup_name(core, tables["names"])
    if ref is None and is_market:
        ref = _lookup_name(core, tables["demonyms"])
    if ref is None and is_market and core.endswith("s") and " " not in core:   # "Europeans", "Germans"
        ref = _lookup_name(core[:-1], tables["demonyms"])
    if ref is None and is_market and " " in core:   # "Irish mobile phone market": the first word names it
        first = core.split()[0]
        if all(w.islower() for w in core.split()[1:]):
            ref = _lookup_acronym(first, tables) or _lookup_name(first, tables["names"]) \
                or _lookup_name(first, tables["demonyms"])
    return ref


def _lookup_acronym(core: str, tables: dict) -> MarketRef | None:
    """'US', 'U.S.', 'U.S.A.', 'UAE': capitals only, with or without dots."""
    letters = core.replace(".", "").replace(" ", "")
    if not (2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()):
        return None
    return tables["acronyms"].get(letters)


def _lookup_name(core: str, table: dict[str, MarketRef]) -> MarketRef | None:
    if not core[:1].isupper():
        return None  # proper names are capitalised in news
    return table.get(_key(core))


def _fold(name: str) -> str:
    """Lowercase without accents: 'Côte d’Ivoire' -> "cote d'ivoire"."""
    text = unicodedata.normalize("NFKD", name.replace("&", " and "))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _key(name: str) -> str:
    """Spelling-insensitive key: 'Asia-Pacific' = 'Asia Pacific', 'St Kitts & Nevis' = 'St. Kitts and
    Nevis', 'The Gambia' = 'Gambia'."""
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^the\s+", "", _fold(name)))


def _slug(name: str) -> str:
    return "region:" + re.sub(r"[^a-z0-9]+", "-", _fold(name)).strip("-")


# ----------------------------------------------------------------------------- tables
class _Names:
    """Alias -> market, where an alias two markets share at the same rank names neither,
    and a higher-ranked source (lower number) beats a lower one."""

    def __init__(self) -> None:
        self._best: dict[str, tuple[int, MarketRef | None]] = {}

    def add(self, key: str, ref: MarketRef, rank: int) -> None:
        if not key:
            return
        current = self._best.get(key)
        if current is None or rank < current[0]:
            self._best[key] = (rank, ref)
        elif rank == current[0] and current[1] != ref:
            self._best[key] = (rank, None)  # ambiguous at this rank

    def table(self) -> dict[str, MarketRef]:
        return {key: ref for key, (_, ref) in self._best.items() if ref is not None}


@functools.cache
def _tables() -> dict[str, dict[str, MarketRef]]:
    """Built once, on first use: names, acronyms and demonyms -> MarketRef."""
    import pycountry
    from babel import Locale

    cldr = Locale("en").territories
    countries = {c.alpha_2: c for c in pycountry.countries}
    names, acronyms = _Names(), _Names()
    country_names: dict[str, list[str]] = {}  # alpha-2 -> CLDR names, for initials
    refs: dict[str, MarketRef] = {}

    for code, country in countries.items():
        forms = _country_forms(cldr.get(code), country)
        ref = refs[code] = MarketRef(_display_name(cldr.get(code), country), code, "country")
        for rank, form in forms:
            names.add(_key(form), ref, rank)
        country_names[code] = [form for rank, form in forms if rank == 1]
    for form, code in COLLOQUIAL_COUNTRIES.items():
        names.add(_key(form), refs[code], 0)
    for form, code in COLLOQUIAL_ACRONYMS.items():
        acronyms.add(form, refs[code], 0)

    regions: dict[str, MarketRef] = {}

    def region(name: str) -> MarketRef:
        return regions.setdefault(name, MarketRef(name, _slug(name), "region"))

    for code, name in cldr.items():
        if code in _CLDR_SKIP or not (code.isdigit() or code in _CLDR_UNIONS):
            continue
        names.add(_key(name), region(name), 1)
        if code.isalpha():
            acronyms.add(code, region(name), 1)  # EU, EZ
    for form, name in COLLOQUIAL_REGIONS.items():
        names.add(_key(form), region(name), 0)
    for form, name in REGION_ACRONYMS.items():
        acronyms.add(form, region(name), 0)

    _add_initials(acronyms, country_names, refs, countries)
    name_table = names.table()
    return {"names": name_table, "acronyms": acronyms.table(),
            "demonyms": _demonyms(name_table)}


def _country_forms(cldr_name: str | None, country) -> list[tuple[int, str]]:
    """(rank, name) for one country: CLDR first, ISO names next, derived forms last."""
    forms: list[tuple[int, str]] = []
    if cldr_name:
        forms.append((1, cldr_name))
        forms += [(1, part) for part in _parenthetical(cldr_name)]  # "Myanmar (Burma)"
    for attr, rank in (("name", 2), ("common_name", 2), ("official_name", 3)):
        value = getattr(country, attr, None)
        if not value:
            continue
        forms.append((rank, value))
        forms += [(3, part) for part in _parenthetical(value)]  # "Holy See (Vatican City State)"
        if ", " in value:  # "Korea, Republic of" -> "Korea", "Republic of Korea"
            head, tail = value.split(", ", 1)
            forms.append((3, head))
            if re.search(r"\b(of|of the)$", tail, re.IGNORECASE):
                forms.append((3, f"{tail} {head}"))
    return forms


def _parenthetical(name: str) -> list[str]:
    match = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    return [match.group(1), match.group(2)] if match else []


# English names news uses where CLDR has adopted a newer or longer one (shown, the CLDR one kept as an alias).
DISPLAY_NAMES: dict[str, str] = {"TR": "Turkey", "CD": "DR Congo", "CG": "Republic of Congo"}


def _display_name(cldr_name: str | None, country) -> str:
    """CLDR's short name, unless an ISO name is shorter and plain ('Hong Kong SAR China' ->
    'Hong Kong', 'Myanmar (Burma)' -> 'Myanmar')."""
    if country.alpha_2 in DISPLAY_NAMES:
        return DISPLAY_NAMES[country.alpha_2]
    candidates = [cldr_name, getattr(country, "common_name", None), country.name]
    plain = [c for c in candidates if c and not re.search(r"[,(]", c)]
    return min(plain, key=len) if plain else (cldr_name or country.name)


def _initials(name: str, skip: set[str]) -> str:
    words = [w for w in re.sub(r"\([^)]*\)", " ", name).split() if w.lower() not in skip]
    if len(words) < 2:
        return ""
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _add_initials(acronyms: _Names, country_names: dict[str, list[str]],
                  refs: dict[str, MarketRef], countries: dict) -> None:
    """US, UK, UAE, PNG, CAR from the CLDR names' initials; an initialism two countries share
    (SA: Saudi Arabia, South Africa), or that is another country's ISO code (SK: South Korea,
    Slovakia), names neither."""
    codes = {}
    for code, country in countries.items():
        codes[code] = code
        codes[country.alpha_3] = code
    built: dict[str, set[str]] = {}
    for code, forms in country_names.items():
        for form in forms:
            initials = _initials(form, _SKIP_IN_INITIALS)
            if 2 <= len(initials) <= 5:
                built.setdefault(initials, set()).add(code)
    for initials, owners in built.items():
        if len(owners) == 1 and codes.get(initials, next(iter(owners))) in owners:
            acronyms.add(initials, refs[next(iter(owners))], 2)


def _demonyms(names: dict[str, MarketRef]) -> dict[str, MarketRef]:
    """Demonym key -> market, by stem: 'brazilian' = 'brazil'+'ian', 'chinese' = 'chin'+'ese'.

    When two names give the same demonym the longer stem wins ('nigerian' is Nigeria's, not
    Niger's); equal stems of different markets name neither."""
    best: dict[str, tuple[int, MarketRef | None]] = {}
    for key, ref in names.items():
        for ending in _NAME_ENDINGS:
            if ending and not key.endswith(ending):
                continue
            stem = key[:len(key) - len(ending)]
            if len(stem) < 3:
                continue
            for suffix in _DEMONYM_ENDINGS:
                demonym = stem + suffix
                current = best.get(demonym)
                if current is None or len(stem) > current[0]:
                    best[demonym] = (len(stem), ref)
                elif len(stem) == current[0] and current[1] != ref:
                    best[demonym] = (len(stem), None)
    table = {k: ref for k, (_, ref) in best.items() if ref is not None}
    countries = {ref.code: ref for ref in names.values()}
    table.update({_key(word): countries[code] for word, code in IRREGULAR_DEMONYMS.items()})
    return table
