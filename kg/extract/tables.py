"""Tables of products by market, as loaders write them (a line per row, cells joined by " | "): a header row whose
first column lists markets and whose other columns name products or plans, then one row per market with a price in
each cell where the product is sold ("Sweden | 89 kr | 139 kr"; a dash where it is not)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.model import TABLE_CELL_SEPARATOR, Event, Evidence, Fact

from .context import DocContext
from .markets import resolve_market
from .normalize import find_money, parse_money

# A price in a cell written the local way, the amount then a short sign: "89 kr", "34.99 zł", "219 Kč", "2,990 Ft".
_LOCAL_PRICE = re.compile(r"(?P<amount>\d[\d,.\u00a0 ]*\d|\d)\s*(?P<sign>[^\W\d_]{1,3})\.?")

# Signs after a number that measure something else ("5 GB", "4K", "120 Hz").
_UNITS = frozenset({"k", "kb", "mb", "gb", "tb", "hz", "khz", "mhz", "ghz", "mp", "mm", "cm", "m", "km", "kg", "g",
                    "mg", "l", "ml", "w", "kw", "mw", "gw", "wh", "kwh", "mwh", "h", "hr", "hrs", "min", "s", "x", "p",
                    "pc", "pcs", "in", "ft²", "m²", "pt", "gen", "yr", "yrs", "mo", "wk", "d", "v", "mah", "nm", "tbs"})

# First-column headings of a table that lists markets.
MARKET_COLUMNS = frozenset({"country", "countries", "market", "markets", "region", "regions"})


def table_rows(ctx: DocContext) -> Iterator[list[tuple[int, list[str]]]]:
    """Each table of the document: its rows as (paragraph, cells), the header first. A table is a run of lines one
    after another with the same number of cells, two at least."""
    run: list[tuple[int, list[str]]] = []
    end = None
    for p, paragraph in enumerate(ctx.paragraphs):
        text = paragraph.doc.text
        cells = [cell.strip() for cell in text.split(TABLE_CELL_SEPARATOR)]
        joined = end is not None and ctx.article.text[end:paragraph.offset] == "\n"
        if len(cells) > 1 and (not run or joined and len(cells) == len(run[0][1])):
            run.append((p, cells))
        else:
            if len(run) > 1:
                yield run
            run = [(p, cells)] if len(cells) > 1 else []
        end = paragraph.offset + len(text)
    if len(run) > 1:
        yield run


def priced_by_market(ctx: DocContext) -> tuple[list[Fact], list[Event]]:
    """A product priced in a market's row is sold there, at that price."""
    facts, events = [], []
    products = {form: name for form, name in ctx.named.items() if ctx.types.get(name) == "Product"}
    for rows in table_rows(ctx):
        header = rows[0][1]
        if header[0].lower() not in MARKET_COLUMNS:
            continue
        columns = [products.get(cell.lower()) for cell in header[1:]]
        for p, cells in rows[1:]:
            market = resolve_market(cells[0])
            named = ctx.named.get(cells[0].lower()) or (market.name if market is not None else None)
            if market is None or ctx.types.get(named) != "Market":
                continue
            paragraph = ctx.paragraphs[p]
            evidence = Evidence(ctx.article.doc_id, paragraph.doc.text, paragraph.offset,
                                paragraph.offset + len(paragraph.doc.text))
            for product, cell in zip(columns, cells[1:]):
                price = _cell_price(cell, market.code if market.kind == "country" else None)
                if product is None or price is None:
                    continue
                amount, currency = price
                facts.append(Fact(product, "availableIn", named, evidence))
                events.append(Event("ProductPrice", {"product": product, "amount": amount, "currency": currency},
                                    evidence))
    return facts, events


def _cell_price(cell: str, country: str | None) -> tuple[float, str] | None:
    """The one price a cell gives: any amount the money reader finds, else an amount with a short local sign in the
    row's country's own currency ("89 kr" in Sweden's row is SEK)."""
    prices = find_money(cell, (country,) if country else ())
    if len(prices) == 1:
        return prices[0][2], prices[0][3]
    match = _LOCAL_PRICE.fullmatch(cell.strip())
    if prices or match is None or country is None or match.group("sign").lower() in _UNITS:
        return None
    from babel.numbers import get_territory_currencies

    try:
        (currency, *_) = get_territory_currencies(country, tender=True) or [None]
    except Exception:  # an unknown territory code is just no help
        return None
    value = parse_money(f"{currency} {match.group('amount').replace(chr(0xa0), '').replace(' ', '')}") \
        if currency else None
    return value if value is None else (value[0], value[1])
