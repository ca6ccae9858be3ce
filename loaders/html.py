"""HTML: main text only, boilerplate (menus, cookie banners, scripts, footers) removed by trafilatura,
which also reads the title, date and canonical URL from the page's metadata."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import trafilatura

from kg.errors import InputError
from kg.model import Article

from .base import clean_text, find_dateline, read_text


def _date_search() -> dict:
    """htmldate's settings: a page may be dated up to a year after this machine's clock (an embargoed story, a clock
    behind), not later ("will shut the plant by 31 December 2030" is no publication date)."""
    latest = date.today() + timedelta(days=366)
    return {"extensive_search": True, "original_date": True, "max_date": latest.isoformat()}


def _year_guess(found: str | None, html: str) -> bool:
    """htmldate's last resort turns a bare year of the body into 1 January ("pulled out of China in 2024" gives
    2024-01-01): such a date the page never writes out is no date."""
    if not found or not found.endswith("-01-01"):
        return False
    year = found[:4]
    written = rf"{year}-0?1-0?1|0?1[/.]0?1[/.]{year}|{year}[/.]0?1[/.]0?1|\b1(?:st)?\s+Jan\w*\.?,?\s+{year}" \
              rf"|\bJan\w*\.?\s+1(?:st)?,?\s+{year}"
    return re.search(written, html, re.IGNORECASE) is None


def html_to_article_fields(html: str, path) -> dict:
    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True,
            date_extraction_params=_date_search(),
        )
    except (RecursionError, ValueError) as err:
        raise InputError(path, f"cannot parse HTML ({type(err).__name__})") from None
    text = clean_text(getattr(document, "text", None) or "") if document else ""
    if not text.strip():
        raise InputError(path, "no article text found in the HTML")
    return {
        "text": text,
        "title": getattr(document, "title", None),
        "published": (found if not _year_guess(found := getattr(document, "date", None), html) else None)
        or find_dateline(text),
        "url": getattr(document, "url", None),
        "source": getattr(document, "sitename", None),
    }


class HtmlLoader:
    suffixes = (".html", ".htm", ".xhtml")

    def load(self, path: Path) -> Iterator[Article]:
        fields = html_to_article_fields(read_text(path), path)
        yield Article(doc_id=path.name, source_path=str(path.resolve()), media_type="text/html", **fields)
