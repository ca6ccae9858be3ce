"""HTML: main text only, boilerplate (menus, cookie banners, scripts, footers) removed by trafilatura,
which also reads the title, date and canonical URL from the page's metadata."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import trafilatura

from kg.errors import InputError
from kg.model import Article

from .base import clean_text, find_dateline, read_text


# The page's own date (metadata, <time>, URL), never a year guessed from the body ("pulled out of China in 2024" is
# no publication date), and a date after this machine's clock is still the page's (htmldate rejects those by default).
_DATE_SEARCH = {"extensive_search": False, "original_date": True, "max_date": "2999-12-31"}


def html_to_article_fields(html: str, path) -> dict:
    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True,
            date_extraction_params=_DATE_SEARCH,
        )
    except (RecursionError, ValueError) as err:
        raise InputError(path, f"cannot parse HTML ({type(err).__name__})") from None
    text = clean_text(getattr(document, "text", None) or "") if document else ""
    if not text.strip():
        raise InputError(path, "no article text found in the HTML")
    return {
        "text": text,
        "title": getattr(document, "title", None),
        "published": getattr(document, "date", None) or find_dateline(text),
        "url": getattr(document, "url", None),
        "source": getattr(document, "sitename", None),
    }


class HtmlLoader:
    suffixes = (".html", ".htm", ".xhtml")

    def load(self, path: Path) -> Iterator[Article]:
        fields = html_to_article_fields(read_text(path), path)
        yield Article(doc_id=path.name, source_path=str(path.resolve()), media_type="text/html", **fields)
