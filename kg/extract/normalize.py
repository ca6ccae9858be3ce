"""Normalise the values news writes in words: dates, money amounts and percentages.

Every function here takes the text of one entity span (a spaCy DATE, MONEY or PERCENT entity,
say) and returns a plain value, or None when the text does not say enough. None of them raise:
a value the extractor cannot read is dropped, never a reason to fail a document.

Dates are written at the precision the text gives ("2019" -> "2019", "September 2019" ->
"2019-09", "24 May 2019" -> "2019-05-24"). Relative dates ("yesterday", "last month", "on Monday")
are resolved against the article's publication date and never against today's: re-running the
pipeline next year must give the same graph.

Importing this module is cheap; dateparser (about 0.1 s to import plus about 0.1 s to load its
English data on first use) and pycountry are imported on first use.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation

# ----------------------------------------------------------------------------- data: money
# Symbols and abbreviations news puts next to an amount, in the case they are written in.
# ISO 4217 codes ("EUR 45", "45 EUR", "USD1.2bn") come from pycountry and need no entry here.
# "$" alone is the US dollar and "¥" alone the Japanese yen (both as in English-language
# business news); "¥" becomes the yuan when the expression says yuan/RMB/renminbi/元, and
# "CN¥"/"RMB" are always the yuan. "Rs" is the Indian rupee (Pakistani and Sri Lankan news use it
# too: a known ambiguity).
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD", "USD$": "USD", "$": "USD",
    "€": "EUR", "£": "GBP",
    "¥": "JPY", "JP¥": "JPY", "CN¥": "CNY", "RMB": "CNY", "元": "CNY",
    "₹": "INR", "Rs": "INR", "Rs.": "INR",
    "₩": "KRW", "₽": "RUB", "₺": "TRY", "₦": "NGN", "₱": "PHP", "₫": "VND", "₪": "ILS",
    "฿": "THB", "₴": "UAH", "₸": "KZT", "zł": "PLN", "Kč": "CZK",
    "HK$": "HKD", "C$": "CAD", "CA$": "CAD", "Can$": "CAD", "A$": "AUD", "AU$": "AUD",
    "S$": "SGD", "NZ$": "NZD", "NT$": "TWD", "R$": "BRL", "MX$": "MXN", "Mex$": "MXN",
    "Rp": "IDR", "RM": "MYR", "SFr": "CHF", "SFr.": "CHF", "S/": "PEN", "S/.": "PEN", "N$": "NAD",
}
# Symbols read only before an amount written as only money is ("S/ 15.90", "S/ 1,200"; not "S/4HANA").
_PRICE_ONLY_SYMBOLS = frozenset({"S/", "S/."})
# Symbols that only say "some dollar"/"some yen": a currency named in words wins over them.
_GENERIC_SYMBOLS = {"$", "¥"}
_YUAN_HINT = re.compile(r"yuan|renminbi|\brmb\b|元", re.IGNORECASE)

# Bare currency nouns that several ISO currencies share; news means these ones.
DEFAULT_CURRENCY_NOUNS: dict[str, str] = {
    "dollar": "USD", "pound": "GBP", "sterling": "GBP", "rupee": "INR", "ruble": "RUB",
    "real": "BRL", "franc": "CHF", "dirham": "AED", "riyal": "SAR", "lira": "TRY",
    "yuan": "CNY", "renminbi": "CNY", "ringgit": "MYR", "shekel": "ILS",
}
# Names news uses that the ISO names lack ("Yuan Renminbi", "Yen", "Pound Sterling").
EXTRA_CURRENCY_NAMES: dict[str, str] = {
    "chinese yuan": "CNY", "japanese yen": "JPY", "british pound": "GBP", "pounds sterling": "GBP",
    "korean won": "KRW", "south korean won": "KRW", "israeli shekel": "ILS",
}
# Irregular plurals; every other plural is the singular plus "s" (or unchanged: "yen", "won").
_PLURALS = {"real": "reais", "krona": "kronor", "krone": "kroner", "lira": "lire", "rupee": "rupees"}
# Spelling variants folded before lookup.
_SPELLINGS = {"rouble": "ruble", "roubles": "rubles"}
# Minor units: the amount is in hundredths of the currency.
MINOR_UNITS: dict[str, str] = {
    "cents": "USD", "cent": "USD", "us cents": "USD", "euro cents": "EUR", "euro cent": "EUR",
    "pence": "GBP", "penny": "GBP", "p": "GBP",
}
# ISO 4217 entries that are funds, metals, test or accounting units, not money a company reports.
NON_CIRCULATING = {
    "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW", "VED", "XAD", "XAG", "XAU",
    "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX", "ZWG",
}

# Multipliers written after a number. One-letter ones only count when attached ("£300m").
SCALES: dict[str, int] = {
    "thousand": 10**3, "k": 10**3,
    "million": 10**6, "mn": 10**6, "mln": 10**6, "mil": 10**6, "m": 10**6,
    "billion": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9,
    "trillion": 10**12, "tn": 10**12, "trn": 10**12, "t": 10**12,
    "lakh": 10**5, "lakhs": 10**5, "lac": 10**5, "crore": 10**7, "crores": 10**7, "cr": 10**7,
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100,
}

_MAX_LEN = 120  # entity spans are short; longer text is not one value

_DOTTED_THOUSANDS = r"\d{1,3}(?:\.\d{3}){2,}(?![\d.]\d)"      # "Rp 10.999.000": thousands grouped by dots
_DIGITS = _DOTTED_THOUSANDS + r"|(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_SCALE = r"(?:{})".format("|".join(sorted(SCALES, key=len, reverse=True)))
_AMOUNT_RE = re.compile(
    rf"(?<![\d.,])(?P<num>{_DIGITS}|\b(?:half an?|{_NUMBER_WORD})\b(?=\s))"
    rf"(?P<range>\s*(?:-|–|—|to)\s*(?:{_DIGITS}))?"
    rf"(?P<scales>(?:\s*{_SCALE}(?![a-z]))*)",
    re.IGNORECASE,
)
_SCALE_RE = re.compile(rf"(\s*)({_SCALE})", re.IGNORECASE)
_US_DOTTED = re.compile(r"\bU\.S\.(?:A\.)?")


# ----------------------------------------------------------------------------- data: dates
_MONTH_RE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?:[a-z]*)\.?(?![a-z])", re.IGNORECASE)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_RE = re.compile(
    r"^(?:(on|last|this past|past|this|next|this coming|coming)\s+)?"
    r"(mon|tues?|wed|weds|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?$")
_YEAR_RE = re.compile(r"(?<![\d.,])(1[89]\d\d|2[01]\d\d)(?![\d%])")
_NUMERIC_DATE_RE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
_SHORT_YEAR_RE = re.compile(r"['’](\d\d)\b")
_DECADE_RE = re.compile(r"\b\d{3}0s\b|['’]\d0s\b|\b(?:twenties|thirties|forties|fifties|sixties|"
                        r"seventies|eighties|nineties|decade|century)\b", re.IGNORECASE)
_FISCAL_RE = re.compile(r"\bfiscal\b|\bFY\s?['’]?\d|\bFY\b", re.IGNORECASE)
_YEAR_RANGE_RE = re.compile(r"\b(\d{4})\s*[-–/]\s*(\d{2})\b(?!\s*[-/.]\s*\d)")
_RELATIVE_RE = re.compile(
    r"\b(today|yesterday|tomorrow|tonight|ago|(?:last|next|this|past|previous|coming|current)"
    r"\s+(?:week|month|year|weekend))\b", re.IGNORECASE)
# Words that narrow a period without changing the precision we can write: "late 2019" is 2019.
_FILLERS = re.compile(
    r"^(?:on|in|at|by|since|from|until|till|through|during|as of|as early as|as late as|"
    r"around|about|circa|approximately|before|after|early|earlier|late|later|mid|middle of|"
    r"the middle of|end of|the end of|the start of|start of|the beginning of|beginning of|"
    r"the first days of|the)(?:[\s-]+|$)", re.IGNORECASE)
_MONTH_MODIFIER_RE = re.compile(r"^(?:this past|this coming|last|next|this|past|coming)\s+",
                                re.IGNORECASE)  # "last March": _year_for reads the modifier
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4, "final": 4}
_PART_OF_YEAR_RE = re.compile(
    r"^(?:(?P<rel>last|previous|past|this|current|next|coming)\s+(?P<relunit>quarter|half)"
    r"|(?:q(?P<q>[1-4])|(?P<q2>[1-4])q|h(?P<h>[12])|(?P<h2>[12])h"
    r"|(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?P<unit>quarter|half))"
    r"(?:[\s-]*(?:of\s+|of\s+the\s+year\s+)?(?P<year>\d{4}|['’]?\d\d))?"
    r"(?:\s+of\s+the\s+year)?)$", re.IGNORECASE)

_PERIOD_PRECISION = {"time": "day", "day": "day", "month": "month", "year": "year", "quarter": "year"}
_FUTURE_WINDOW = dt.timedelta(days=61)  # how far after publication a year-less date may fall


# ============================================================================ dates
def normalize_date(text: str, published: str | None = None) -> str | None:
    """ISO 8601 date at the precision written ("YYYY", "YYYY-MM" or "YYYY-MM-DD"), or None.

    Relative and year-less expressions need `published` (an ISO date or datetime string, or a
    date) and give None without it. Weeks ("last week") give None: ISO week dates are not one of the
    three forms. Quarters and halves give their year ("Q3 2020" -> "2020"). Fiscal periods give
    None, because a company's fiscal year need not be the calendar year."""
    try:
        if not isinstance(text, str) or not text.strip() or len(text) > _MAX_LEN:
            return None
        if isinstance(published, (dt.date, dt.datetime)):
            published = published.isoformat()
        return _normalize_date(text, published if isinstance(published, str) else None)
    except Exception:  # a value we cannot read is dropped, never fatal
        return None


@functools.lru_cache(maxsize=4096)
def _normalize_date(text: str, published: str | None) -> str | None:
    base = _parse_published(published)
    text = _clean_date_text(text)
    if not text or _DECADE_RE.search(text) or _FISCAL_RE.search(text) or _is_year_range(text):
        return None
    part = _PART_OF_YEAR_RE.match(text)
    if part:
        return _part_of_year(part, base)
    weekday = _WEEKDAY_RE.match(text.lower())
    if weekday:
        return _weekday(weekday.group(1) or "", weekday.group(2), base)
    has_year = bool(_YEAR_RE.search(text) or _NUMERIC_DATE_RE.search(text))
    has_month = bool(_MONTH_RE.search(text))
    relative = _RELATIVE_RE.search(text)
    if not (has_year or has_month or relative):
        return None  # "15", "$29", "the quarter": nothing that dates it
    if not has_year and base is None:
        return None  # we never resolve against today's date
    if not has_year and not relative:
        return _without_year(text, base)
    value, precision = _parse(text, base)
    return _format(value, precision) if value else None


def _without_year(text: str, base: dt.datetime) -> str | None:
    """'March 9', 'December', 'last March': dateparser reads the month and day, _year_for the year."""
    value, precision = _parse(_MONTH_MODIFIER_RE.sub("", text), base)
    if value is None:
        return None
    value = _year_for(value.month, value.day if precision == "day" else 1, text, base)
    return _format(value, precision) if value else None


def _parse(text: str, base: dt.datetime | None) -> tuple[dt.datetime | None, str | None]:
    """dateparser's reading of `text` and its precision ('day', 'month' or 'year')."""
    parsed = _dateparser(base).get_date_data(text)
    precision = _PERIOD_PRECISION.get(parsed.period or "")
    if parsed.date_obj is None or precision is None:
        return None, None
    return parsed.date_obj, precision


def _clean_date_text(text: str) -> str:
    """Drop fillers and punctuation around the date words; spell short years out ("'19")."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'")
    text = re.sub(r"\s+", " ", text).strip(" ,.;:()[]\"")
    text = _SHORT_YEAR_RE.sub(lambda m: ("19" if int(m.group(1)) >= 70 else "20") + m.group(1), text)
    previous = None
    while previous != text:
        previous, text = text, _FILLERS.sub("", text).strip(" ,")
    return text


def _parse_published(published: str | None) -> dt.datetime | None:
    """Midnight of the publication day, naive (its own wall-clock day), or None."""
    if not published:
        return None
    try:
        value = dt.datetime.fromisoformat(published.strip())
    except ValueError:
        try:
            value = dt.datetime.fromisoformat(published.strip()[:10])
        except ValueError:
            return None
    return dt.datetime(value.year, value.month, value.day)


def _is_year_range(text: str) -> bool:
    """'2018-19' and '2018 and 2019' span years: no single date to give."""
    if len(set(_YEAR_RE.findall(text))) > 1:
        return True
    match = _YEAR_RANGE_RE.search(text)
    return bool(match) and (int(match.group(1)) + 1) % 100 == int(match.group(2))


def _format(value: dt.date, precision: str) -> str | None:
    if not 1000 <= value.year <= 2999:
        return None
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def _year_for(month: int, day: int, text: str, base: dt.datetime) -> dt.datetime | None:
    """A month (and day) written without a year, placed in the year news most likely means.

    News speaks of the past and of the near future, so we take the latest such date no more
    than about two months after publication; "last March" takes the latest one not after it and
    "next March" the first one after it."""
    lowered = text.lower()
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(dt.datetime(year, month, day))
        except ValueError:  # 29 February
            continue
    if re.search(r"\b(next|coming)\b", lowered):
        later = [c for c in candidates if c > base]
        return min(later) if later else None
    limit = base if re.search(r"\b(last|past|previous)\b", lowered) else base + _FUTURE_WINDOW
    earlier = [c for c in candidates if c <= limit]
    return max(earlier) if earlier else None


def _weekday(modifier: str, day: str, base: dt.datetime | None) -> str | None:
    """'on Monday' is the latest Monday on or before publication; 'last Monday' the one before
    publication day; 'next'/'this'/'coming Monday' the first one on or after it."""
    if base is None:
        return None
    target = next(i for i, name in enumerate(_WEEKDAYS) if name.startswith(day[:3]))
    back = (base.weekday() - target) % 7
    if modifier == "last":
        back = back or 7
    elif modifier in ("next", "this", "coming", "this coming"):
        ahead = (target - base.weekday()) % 7
        if modifier in ("next", "coming", "this coming"):
            ahead = ahead or 7
        return _format(base + dt.timedelta(days=ahead), "day")
    return _format(base - dt.timedelta(days=back), "day")


def _part_of_year(match: re.Match, base: dt.datetime | None) -> str | None:
    """Quarters and halves, written as the year they fall in ('Q3 2020', 'the third quarter').

    Without a year, an ordinal quarter is placed like a year-less month (the latest one starting
    no more than about two months after publication), and 'last quarter' is the one before the
    publication's quarter."""
    unit = (match.group("unit") or match.group("relunit") or "").lower()
    months = 6 if unit == "half" or match.group("h") or match.group("h2") else 3
    year = match.group("year")
    if year:
        year = year.lstrip("'’")
        return _format(dt.date(int(year) if len(year) == 4 else 2000 + int(year), 1, 1), "year")
    if base is None:
        return None
    current = (base.month - 1) // months  # index of the publication's period in its year
    rel = (match.group("rel") or "").lower()
    ordinal = (match.group("ord") or "").lower()
    if rel or ordinal == "last":
        step = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(rel or "last", 0)
        index = base.year * (12 // months) + current + step
        return _format(dt.date(index // (12 // months), 1, 1), "year")
    wanted = int(match.group("q") or match.group("q2") or match.group("h") or match.group("h2")
                 or _ORDINALS.get(ordinal, 0)) - 1
    start = _year_for(min(wanted, 12 // months - 1) * months + 1, 1, "", base)
    return _format(start, "year") if start else None


@functools.lru_cache(maxsize=64)
def _dateparser(base: dt.datetime | None):
    """One parser per publication day: dateparser reads RELATIVE_BASE from its settings."""
    from dateparser.date import DateDataParser  # slow import, only when a date is parsed

    settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first",
                "RETURN_AS_TIMEZONE_AWARE": False, "RETURN_TIME_AS_PERIOD": True}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=["en"], settings=settings)


# ============================================================================ money
def parse_money(text: str) -> tuple[float, str] | None:
    """(amount, ISO 4217 code) of the first amount in `text` that has a currency, or None.

    "US$15.8 billion" -> (15.8e9, "USD"), "Rs 500 crore" -> (5e9, "INR"), "50 cents" ->
    (0.5, "USD"). A range ("$5-10 million") gives its lower bound. Amounts are never negative:
    the sign of a loss is the caller's business."""
    try:
        if not isinstance(text, str) or not text.strip() or len(text) > _MAX_LEN:
            return None
        return _parse_money(text)
    except Exception:  # a value we cannot read is dropped, never fatal
        return None


@functools.lru_cache(maxsize=4096)
def _parse_money(text: str) -> tuple[float, str] | None:
    text = _US_DOTTED.sub(lambda m: "USA" if m.group(0).endswith("A.") else "US",
                          unicodedata.normalize("NFKC", text).replace("\u00a0", " "))
    for match in _AMOUNT_RE.finditer(text):
        number = _number(match.group("num"))
        scale = _scale(match.group("scales"))
        if number is None or scale is None:
            continue
        if match.group("num")[0].isalpha() and scale == 1:
            # a spelled number needs a multiplier or a currency word right after it ("a billion
            # dollars", "five dollars"), else "a" in "a loss of $5m" would be read as 1
            if _currency_after(text[match.end():]) is None:
                continue
        currency = _currency_around(text, match.start(), match.end())
        if currency is None:
            continue
        code, factor = currency
        return float(number * scale * factor), code
    return None


def _number(word: str) -> Decimal | None:
    word = word.lower()
    if word.startswith("half"):
        return Decimal("0.5")
    if word in NUMBER_WORDS:
        return Decimal(NUMBER_WORDS[word])
    if word.count(".") > 1:                     # "10.999.000"
        word = word.replace(".", "")
    try:
        return Decimal(word.replace(",", ""))
    except InvalidOperation:
        return None


def _scale(words: str) -> int | None:
    """Product of the multipliers after a number ('1.5 lakh crore'); None for a detached
    one-letter multiplier ('5 m' is not five million)."""
    total = 1
    for space, word in _SCALE_RE.findall(words):
        word = word.lower()
        if len(word) == 1 and space:
            return None
        total *= SCALES[word]
    return total


def _currency_around(text: str, start: int, end: int) -> tuple[str, Decimal] | None:
    """The currency written just before or just after an amount; a currency named in words
    beats a generic symbol ('$10 Hong Kong dollars')."""
    before = _currency_before(text[:start])
    after = _currency_after(text[end:])
    if before and (after is None or before not in _GENERIC_SYMBOLS):
        code = CURRENCY_SYMBOLS.get(before) or before
        if before == "¥" and _YUAN_HINT.search(text):
            code = "CNY"
        return code, Decimal(1)
    return after


def _currency_before(prefix: str) -> str | None:
    """Symbol or ISO code ending `prefix` (ignoring one space and a minus sign)."""
    prefix = prefix.rstrip(" -−")
    for symbol in _symbols():
        if prefix.endswith(symbol):
            head = prefix[:-len(symbol)]
            if symbol[0].isalpha() and head and head[-1].isalpha():
                continue  # "USD" inside a longer word
            return symbol
    return None


def _currency_after(suffix: str) -> tuple[str, Decimal] | None:
    """Currency named right after an amount: '100 billion yuan', '45 EUR', '50 cents', '50p'."""
    attached = not suffix[:1].isspace()
    rest = suffix.lstrip()
    lowered = _fold_spelling(rest.lower())
    for phrase, (code, factor) in _currency_words():
        if lowered.startswith(phrase) and not lowered[len(phrase):len(phrase) + 1].isalpha():
            if len(phrase) == 1 and not attached:
                continue
            return code, factor
    for symbol in _symbols():
        if rest.startswith(symbol) and not rest[len(symbol):len(symbol) + 1].isalpha():
            return CURRENCY_SYMBOLS.get(symbol) or symbol, Decimal(1)
    return None


def _fold_spelling(text: str) -> str:
    for variant, spelling in _SPELLINGS.items():
        text = text.replace(variant, spelling)
    return text


@functools.cache
def _iso_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies if c.alpha_3 not in NON_CIRCULATING)


@functools.cache
def _symbols() -> tuple[str, ...]:
    """Symbols and uppercase ISO codes, longest first so 'HK$' wins over '$'."""
    return tuple(sorted(set(CURRENCY_SYMBOLS) | _iso_codes(), key=len, reverse=True))


def _circulating_currencies() -> list[tuple[str, str]]:
    """(ISO name, code) of the currencies in use, from pycountry ("Swiss Franc", "CHF")."""
    import pycountry

    return [(c.name, c.alpha_3) for c in pycountry.currencies if c.alpha_3 not in NON_CIRCULATING and "(" not in c.name]


def _noun_forms(noun: str) -> set[str]:
    """A currency noun and its plural: "franc", "francs"; "krona", "kronor"; "yen" stays "yen" too."""
    return {noun, _PLURALS.get(noun, noun + "s")}


@functools.cache
def _currency_words() -> tuple[tuple[str, tuple[str, Decimal]], ...]:
    """Lowercase currency names and their plurals ('hong kong dollars'), longest first.

    ISO names come from pycountry; a bare noun several currencies share ('dollar', 'peso') is
    kept only when DEFAULT_CURRENCY_NOUNS says which one news means."""
    table: dict[str, tuple[str, Decimal]] = {}

    def add(name: str, code: str, factor: Decimal = Decimal(1)) -> None:
        words = name.lower().split()
        for form in _noun_forms(words[-1]):
            table.setdefault(" ".join(words[:-1] + [form]), (code, factor))

    for name, code in _circulating_currencies():
        add(_fold_spelling(name), code)
    for name, code in {**DEFAULT_CURRENCY_NOUNS, **EXTRA_CURRENCY_NAMES}.items():
        add(name, code)
    for name, code in MINOR_UNITS.items():
        table[name] = (code, Decimal("0.01"))
    return tuple(sorted(table.items(), key=lambda kv: len(kv[0]), reverse=True))


# ============================================================================ percentages
_PERCENT_RE = re.compile(
    rf"(?:(?<![\w.,])(?P<sign>[-−])\s*)?(?<![\d.,])(?P<num>{_DIGITS}|\b(?:{_NUMBER_WORD})\b)"
    rf"(?:\s*(?:-|–|—|to)\s*(?:{_DIGITS}))?\s*"
    r"(?P<unit>%|per[\s-]?cent\b|pct\b|pc\b|percentage points?\b|basis points?\b|bps\b|bp\b)",
    re.IGNORECASE)


def parse_percentage(text: str) -> float | None:
    """The first percentage in `text` as a number of percent ('15.5 per cent' -> 15.5), or None.

    Percentage points count as percent; basis points are hundredths of a percent. Fractions in
    words ('a third') give None: the extractor wants what was written as a percentage."""
    try:
        if not isinstance(text, str) or not text.strip() or len(text) > _MAX_LEN:
            return None
        match = _PERCENT_RE.search(unicodedata.normalize("NFKC", text))
        if match is None or match.group("num").lower() in ("a", "an"):
            return None
        value = _number(match.group("num"))
        if value is None:
            return None
        if match.group("unit").lower().startswith(("basis", "bp")):
            value /= 100
        return float(-value if match.group("sign") else value)
    except Exception:  # a value we cannot read is dropped, never fatal
        return None


# ----------------------------------------------------------------------------- finding money in text
# The small spaCy model misses many amounts ("$1.1bn", "785m euros" as CARDINAL), so amounts are
# found by their shape, then read by parse_money. The shapes come from the same currency tables:
# a symbol or ISO code before the amount, or a currency's name after it, with up to two capitalised
# words in between ("1.2 billion Swiss francs", "41 billion New Taiwan dollars").
_AMOUNT = r"(?<![\d,])(?:" + _DOTTED_THOUSANDS + r"|\d[\d,]*+(?:\.\d+)?)"
# Currency nouns an amount may end with (a country's word may come before: "Swiss francs", "New Taiwan dollars").
# Only currencies' own words: "afghani", "sol" or "colon" after a number are more often people or words.
_MONEY_NOUNS = r"""euros? dollars? pounds? sterling yuan renminbi rmb yen won rupees? francs? roubles? rubles? reais real
pesos? kronor kroner krona krone rand ringgit baht dirhams? riyals? rials? lira lire shekels? dinars? shillings?
manats? kwachas? lei leu cents? pence rupiahs? zlotys? forints? hryvnias? tenge nairas? taka kyats? riels? lari
pula""".split()
# Codes written before or after any amount; every other ISO code needs a multiplier ("PLN 2 billion"), for most
# three-letter codes are also names or acronyms ("AMD 7000 chips", "TOP 10 customers", "PHP 8.3").
_COMMON_CODES = ("EUR", "USD", "GBP", "CNY", "JPY", "CHF", "RMB")
# Codes written before a plain amount too ("NOK 300", "SEK 1,019"): none of them an English word or a common acronym
# ("CAD", "SAR", "PHP", "TRY", "COP" are; an amount after them needs a multiplier, or pennies: "CAD 12.99").
_PLAIN_CODES = ("NOK", "SEK", "DKK", "ISK", "PLN", "CZK", "HUF", "HKD", "SGD", "AUD", "NZD", "ZAR", "BRL", "MXN",
                "KRW", "INR", "IDR", "MYR", "THB", "VND", "TWD", "CLP", "NGN", "KES", "EGP", "UAH", "CNH", "QAR", "KWD")
# An amount as only money is written: thousands grouped by commas or pennies ("1,499", "12.99"); after a code that is
# an English word too ("ALL 1,200 jobs", "TOP 1,000"), pennies only (in a text about its country, more: see
# _local_code_prices).
_PRICE_LIKE = r"(?<![\d,])(?:\d{1,3}(?:,\d{3})+(?:\.\d{2})?|\d+\.\d{2})(?![\d.,]\d)"
_PENNIES = r"(?<![\d,])(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}(?![\d.,]\d)"
# A capital, up to three letters and a number after it, with at most a space between: where a local symbol or code
# may write money ("R11.99", "Ksh 500", "AED 890"), looked for before the local passes.
_LETTERS_BEFORE_A_NUMBER = re.compile(r"[A-Z][A-Za-z$₵/.]{0,3}\s?\d")
# An amount as money is written after a code: three digits or more, grouped thousands, or pennies.
_MONEY_LIKE = r"(?<![\d,])(?:\d{1,3}(?:,\d{3})+|\d{3,})(?:\.\d{2})?(?![\d.,]\d)|(?<![\d,])\d+\.\d{2}(?![\d.,]\d)"
_WORD_CODES = frozenset({"ALL", "TOP", "CUP", "MOP", "BAM", "SOS", "TRY", "COP", "PEN", "MAD", "GEL", "LAK", "AMD",
                         "BOB", "DOP", "MRU"})


@functools.cache
def _money_pattern() -> re.Pattern:
    nouns = "|".join(sorted(_MONEY_NOUNS, key=len, reverse=True))
    common = "|".join(_COMMON_CODES)
    codes = "|".join(sorted(_iso_codes() - set(_COMMON_CODES)))
    plain = "|".join(code for code in _PLAIN_CODES if code in _iso_codes())
    others = "|".join(sorted(_iso_codes() - set(_COMMON_CODES) - _WORD_CODES))
    words = "|".join(sorted(_WORD_CODES & _iso_codes()))
    symbols = "|".join(re.escape(symbol) for symbol in sorted(CURRENCY_SYMBOLS, key=len, reverse=True)
                       if (not symbol.isalpha() or len(symbol) > 1) and symbol not in _PRICE_ONLY_SYMBOLS)
    price_only = "|".join(re.escape(symbol) for symbol in sorted(_PRICE_ONLY_SYMBOLS, key=len, reverse=True))
    scale = r"(?:\s?(?:" + _SCALE + r")\b)"
    named = r"(?:\s+(?:(?-i:[A-Z][a-z]+)\s+){0,2}(?:" + nouns + r")\b)"
    return re.compile(
        r"(?<![A-Za-z])(?-i:" + symbols + r"|" + common + r")\s?" + _AMOUNT + scale + "?" + named + "?"
        + r"|(?<![A-Za-z])(?-i:" + codes + r")\s?" + _AMOUNT + scale
        + r"|(?<![A-Za-z])(?-i:" + plain + r")\s?" + _AMOUNT + r"(?![\w,.]\w)"
        + r"|(?<![A-Za-z])(?-i:" + others + r")\s?" + _PRICE_LIKE
        + r"|(?<![A-Za-z])(?-i:" + words + r")\s?" + _PENNIES
        + r"|(?<![A-Za-z])(?-i:" + price_only + r")\s?" + _PRICE_LIKE
        + r"|" + _AMOUNT + scale + r"?\s*(?:(?:(?-i:[A-Z][a-z]+)\s+){0,2}(?:" + nouns + r")\b|(?-i:" + common + r")\b)"
        + r"|" + _AMOUNT + scale + r"\s*(?-i:" + codes + r")\b",
        re.IGNORECASE)


@functools.cache
def _local_symbols(countries: tuple[str, ...]) -> dict[str, str]:
    """The symbols in Latin letters the countries write their own currencies with, by CLDR (through babel): "R" for
    the rand, "K" for the kwacha, "P" for the pula, "Ksh" for the Kenyan shilling; not those of the global table
    (which mean one currency wherever they are written) nor ISO codes."""
    found: dict[str, str] = {}
    for country in countries:
        for symbol, code in _country_symbols(country):
            found.setdefault(symbol, code)
    return found


@functools.cache
def _country_symbols(country: str) -> tuple[tuple[str, str], ...]:
    """One country's own currency symbols in Latin letters, with their ISO codes (babel is asked once a country)."""
    from babel import Locale
    from babel.numbers import get_currency_symbol, get_territory_currencies

    try:
        locales = [f"en_{country}", str(Locale.parse(f"und_{country}"))]
        currencies = get_territory_currencies(country, tender=True)
    except Exception:  # an unknown territory is no help
        return ()
    found = []
    for code in currencies:
        for locale in locales:
            try:
                symbol = get_currency_symbol(code, locale=locale)
            except Exception:  # no such locale
                continue
            if re.fullmatch(r"[A-Za-z][A-Za-z$₵/]{0,3}", symbol) and symbol not in CURRENCY_SYMBOLS \
                    and symbol.upper() not in _iso_codes():
                found.append((symbol, code))
    return tuple(found)


@functools.cache
def _local_symbol_pattern(symbols: tuple[str, ...]) -> re.Pattern:
    """A local symbol right before a number ("R11.99", "K24"; a symbol of several letters may take a space: "Ksh
    500"), the number ending the word or taking a scale ("R9.4 billion")."""
    one = "|".join(re.escape(s) for s in symbols if len(s) == 1) or "(?!)"
    more = "|".join(re.escape(s) for s in sorted((s for s in symbols if len(s) > 1), key=len, reverse=True)) or "(?!)"
    return re.compile(r"(?<![A-Za-z0-9$])(?:(?P<sym>(?-i:" + one + r"))|(?P<sym2>(?-i:" + more + r"))\s?)"
                      r"(?P<num>\d[\d,]*(?:\.\d+)?)(?P<scales>\s?(?:" + _SCALE + r")\b)?(?![\w.,-]\w)")


@functools.cache
def _local_code_prices() -> re.Pattern:
    """A currency code, a space and an amount written as money is ("AED 890", "COP 16,900", "PEN 1,250.50": three
    digits or more, or pennies): money only where the text is about a country that pays in it (most codes are also
    names, acronyms or words elsewhere: "AMD 7000 chips"; "RON 95" is a grade of petrol, "COP16" a summit)."""
    codes = "|".join(sorted(_iso_codes() - set(_COMMON_CODES) - set(_PLAIN_CODES)))
    return re.compile(r"(?<![A-Za-z])(?P<code>" + codes + r")\s(?P<num>" + _MONEY_LIKE + r")(?!\w)")


@functools.cache
def _ambiguous_nouns() -> dict[str, frozenset[str]]:
    """Bare currency nouns several currencies share and news has no default for ("pesos",
    "shillings", "kronor"), each with the ISO codes it may mean."""
    meanings: dict[str, set[str]] = {}
    for name, code in _circulating_currencies():
        for form in _noun_forms(_fold_spelling(name.lower()).split()[-1]):
            meanings.setdefault(form, set()).add(code)
    defaults = {form for noun in DEFAULT_CURRENCY_NOUNS for form in _noun_forms(noun)}
    return {noun: frozenset(codes) for noun, codes in meanings.items() if len(codes) > 1 and noun not in defaults}


def _currency_of_country(noun: str, countries: tuple[str, ...]) -> str | None:
    """The currency a bare shared noun means in a text about these countries (ISO alpha-2, most
    telling first): "2.1 billion pesos" in an article about Mexico is MXN. None if none fits."""
    meanings = _ambiguous_nouns().get(noun.lower())
    return _territory_currency(countries, meanings) if meanings else None


@functools.cache
def _territory_currency(countries: tuple[str, ...], meanings: frozenset[str]) -> str | None:
    """The first of `meanings` (ISO codes) that one of the countries (most telling first) pays in, if any."""
    from babel.numbers import get_territory_currencies

    for country in countries:
        try:
            current = get_territory_currencies(country, tender=True)
        except Exception:  # an unknown territory code is just no help
            continue
        found = [code for code in current if code in meanings]
        if found:
            return found[0]
    return None


def mentions_money(text: str) -> bool:
    """Whether `text` writes an amount of money, in any currency ("149 pesos", "$399", "€1.2bn")."""
    return _money_pattern().search(text) is not None or _CFA.search(text) is not None


def find_money(text: str, countries: tuple[str, ...] = ()) -> list[tuple[int, int, float, str]]:
    """Every money amount written in `text`: (start, end, amount, ISO currency), in order.
    `countries` (ISO alpha-2 codes of the markets the text is about) settle a bare noun several
    currencies share ("pesos", "shillings"); without one that fits, such an amount is left out."""
    found = []
    for match in _money_pattern().finditer(text):
        value = parse_money(match.group())
        if value is None and countries:
            noun = match.group().split()[-1]
            code = _currency_of_country(noun, countries)
            value = parse_money(match.group()[:-len(noun)].rstrip() + " " + code) if code else None
        if value is not None:
            found.append((match.start(), match.end(), value[0], value[1]))
    local = countries and _LETTERS_BEFORE_A_NUMBER.search(text) is not None   # (only then the local passes)
    for match in _local_code_prices().finditer(text) if local else ():       # "COP 16,900" in a text about
        code = match.group("code")                                             # Colombia (not "ALL 1,200 jobs")
        if _territory_currency(countries, frozenset({code})) == code \
                and not any(start < match.end() and match.start() < end for start, end, _, _ in found):
            value = parse_money(f"{match.group('num')} {code}")
            if value is not None:
                found.append((match.start(), match.end(), value[0], value[1]))
    symbols = _local_symbols(countries) if local else {}
    for match in _local_symbol_pattern(tuple(symbols)).finditer(text) if symbols else ():   # "R11.99", "K24",
        if any(start < match.end() and match.start() < end for start, end, _, _ in found):     # "P9.90" in a text
            continue                                                                           # about South Africa,
        number, scale = _number(match.group("num")), _scale(match.group("scales") or "")       # Zambia, Botswana
        if match.group("sym") and not ("." in match.group("num") or "," in match.group("num") or match.group("scales")):
            continue                     # (one letter before a bare number is more often a name: "Q3", "R101 road",
            #                              "P30 Pro", "K15 engine"; a price has pennies, thousands or a scale)
        if number is not None and scale is not None:
            found.append((match.start(), match.end(), float(number * scale),
                          symbols[match.group("sym") or match.group("sym2")]))
    code = _territory_currency(countries, _CFA_FRANCS) if "CFA" in text else None
    for match in _CFA.finditer(text) if code else ():    # "CFA 4,500", "5,100 CFA francs": the franc of the
        if any(start < match.end() and match.start() < end for start, end, _, _ in found):   # text's countries
            continue                                                                      # (XOF in the west, XAF
        number = _number(match.group("num") or match.group("num2"))                        # in central Africa)
        scale = _scale(match.group("scales") or match.group("scales2") or "")
        if number is not None and scale is not None:
            found.append((match.start(), match.end(), float(number * scale), code))
    return sorted(found)


def cfa_amount_at(text: str) -> int:
    """The length of a CFA franc amount opening `text` ("CFA 4,500 a bag" -> 9), else 0: an amount, whichever of
    the two francs it is."""
    match = _CFA.match(text)
    return match.end() if match else 0


_CFA_FRANCS = frozenset({"XOF", "XAF"})     # West Africa's and Central Africa's francs, both written "CFA"
_CFA = re.compile(r"(?<![A-Za-z])CFA\s?(?:francs?\s)?(?P<num>" + _AMOUNT + r")(?P<scales>\s?(?:" + _SCALE
                  + r")\b)?|(?P<num2>" + _AMOUNT + r")(?P<scales2>\s?(?:" + _SCALE + r")\b)?\s?CFA(?:\s+francs?)?\b")


