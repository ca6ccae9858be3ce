"""Tables of products by market, as loaders write them (a line per row, cells joined by " | "): a header row whose
first column lists markets and whose other columns name products or plans, then one row per market with a price in
each cell where the product is sold ("Sweden | 89 kr | 139 kr"; a dash where it is not)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.model import TABLE_CELL_SEPARATOR, Event, Evidence, Fact

from .context import DocContext
from .lexicon import MARKET_COLUMNS
from .markets import resolve_market
from .normalize import find_money

# A price in a cell written the local way, the amount then its currency's sign: "89 kr", "34,99 zł", "2 990 Ft",
# "8.99 €" (a sign the row's country does not use is no price: "12 Mar", "4 UHD", "89 kr" in a US row).
_LOCAL_PRICE = re.compile(r"(?P<amount>\d[\d,.\u00a0 ]*\d|\d)\s*(?P<sign>[^\d\s]{1,3}?)\.?")
_LOCAL_SIGNS = {"kr": {"SEK", "NOK", "DKK", "ISK"}, "zł": {"PLN"}, "zl": {"PLN"}, "kč": {"CZK"}, "ft": {"HUF"},
                "lei": {"RON", "MDL"}, "lv": {"BGN"}, "kn": {"HRK"}, "din": {"RSD"}, "€": {"EUR"}, "£": {"GBP"},
                "$": {"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"}, "¥": {"JPY", "CNY"}, "₹": {"INR"}, "r$": {"BRL"},
                "chf": {"CHF"}, "fr": {"CHF"}, "zar": {"ZAR"}, "r": {"ZAR"}, "tl": {"TRY"}, "₺": {"TRY"}}
# How an amount's digits may be grouped: "2,990.50" / "2.990,50" / "2 990" / "34,99".
_POINT_DECIMALS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_COMMA_DECIMALS = re.compile(r"\d{1,3}(?:[.\u00a0 ]\d{3})*(?:,\d{1,2})?")


def table_rows(ctx: DocContext) -> Iterator[list[tuple[int, list[str]]]]:
    """Each table of the document: its rows as (paragraph, cells), the header first. A table is a run of lines one
    after another with the same number of cells, two at least."""
    run: list[tuple[int, list[str]]] = []
    end = None
    for p, paragraph in enumerate(ctx.paragraphs):
        text = paragraph.text                  # (kept: spaCy joins a Doc's tokens anew for each .text)
        cells = [cell.strip() for cell in text.split(TABLE_CELL_SEPARATOR)]
        joined = end is not None and ctx.article.text[end:paragraph.offset] == "\n"
        if len(cells) > 1 and (not run or joined and len(cells) == len(run[0][1])
                               and cells[0].lower() not in MARKET_COLUMNS):     # (a heading row starts a table)
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


_BRACKETED_END = re.compile(r"(?<=\S)\s*\([^()]*\)\s*$")


def _cell_price(cell: str, country: str | None) -> tuple[float, str] | None:
    """The one price a cell gives: any amount the money reader finds, else an amount with a sign of the row's
    country's own currency ("89 kr" in Sweden's row is SEK, "34,99 zł" in Poland's 34.99 PLN); a bracketed note
    after it aside ("£679 (£799)": the old price, "€749 (from June)")."""
    cell = _BRACKETED_END.sub("", cell) or cell
    prices = find_money(cell, (country,) if country else ())
    if len(prices) == 1 and prices[0][0] == 0 and prices[0][1] == len(cell.strip()):
        return prices[0][2], prices[0][3]
    match = _LOCAL_PRICE.fullmatch(cell.strip())
    if match is None or country is None:
        return None
    from babel.numbers import get_territory_currencies

    try:
        currencies = get_territory_currencies(country, tender=True)
    except Exception:  # an unknown territory code is just no help
        return None
    currency = next((c for c in currencies if c in _LOCAL_SIGNS.get(match.group("sign").lower(), ())), None)
    amount = _read_amount(match.group("amount"))
    return (amount, currency) if currency is not None and amount is not None else None


def _read_amount(digits: str) -> float | None:
    """An amount's value however its digits are grouped, or None when the grouping is unclear."""
    digits = digits.replace("\u00a0", " ")
    if _POINT_DECIMALS.fullmatch(digits):
        return float(digits.replace(",", ""))
    if _COMMA_DECIMALS.fullmatch(digits):
        return float(digits.replace(".", "").replace(" ", "").replace(",", "."))
    return None
