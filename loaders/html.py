"""HTML: main text only, boilerplate (menus, cookie banners, scripts, footers) removed by trafilatura,
which also reads the title, date and canonical URL from the page's metadata."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import lxml.etree
import lxml.html
import trafilatura
from htmldate import find_date

from kg.errors import InputError
from kg.model import TABLE_CELL_SEPARATOR, Article

from .base import clean_text, find_dateline, read_text


def _latest_date() -> str:
    """A page may be dated up to a year after this machine's clock (an embargoed story, a clock behind), not later
    ("the offer runs until 31 December 2035" is no publication date)."""
    return (date.today() + timedelta(days=366)).isoformat()


_FAR_FUTURE = "2100-12-31"


def _parsed(html: str) -> lxml.html.HtmlElement | None:
    """The page's element tree, parsed once for its tables and its head (None if lxml cannot read it)."""
    try:
        return lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def _head_date(root: lxml.html.HtmlElement | None) -> str | None:
    """The publication date the page's head declares (`article:published_time`, `date`, JSON-LD `datePublished`):
    the page's own, whatever this machine's clock says (a feed archived from the future of a clock set wrong, a
    test corpus dated ahead). The body is not searched here: its dates may be deadlines."""
    head = root.find("head") if root is not None else None
    if head is None or not len(head):
        return None
    page = f"<html>{lxml.html.tostring(head, encoding='unicode')}<body></body></html>"
    return find_date(page, extensive_search=False, original_date=True, max_date=_FAR_FUTURE)


def _visible_date(html: str, text: str) -> str | None:
    """For a page without a dated metadata: a date written on the page outside the article's text (a byline's
    "Last updated: 8 May 2021"), up to a year after the clock; never one the article itself mentions ("bought
    Brisco on 3 March 2023"), nor the 1 January htmldate makes of a bare year ("in 2024")."""
    found = find_date(html, extensive_search=True, original_date=False, max_date=_latest_date())
    body = "\n".join(line for line in text.split("\n") if len(line.split()) > 12)   # (not a byline's short line)
    if not found or _year_guess(found, html) or _written_in(found, body):
        return None
    return found


def _year_guess(found: str, html: str) -> bool:
    """htmldate's last resort turns a bare year into 1 January ("pulled out of China in 2024" gives 2024-01-01):
    such a date the page never writes out is no date."""
    return found.endswith("-01-01") and not _written_in(found, html)


def _written_in(iso: str, text: str) -> bool:
    """Whether a text writes out this date ("8 May 2021", "3rd March, 2023", "March 3 2023", "2021-05-08",
    "08/05/2021")."""
    day = date.fromisoformat(iso)
    month = rf"(?:{day:%B}|{day:%b})\.?"
    ordinal = r"(?:st|nd|rd|th)?"
    forms = (rf"\b{day.day}{ordinal}\s+{month},?\s+{day.year}", rf"\b{month}\s+{day.day}{ordinal},?\s+{day.year}",
             day.isoformat(), rf"\b0?{day.day}[/.]0?{day.month}[/.]{day.year}",
             rf"\b0?{day.month}/0?{day.day}/{day.year}", rf"\b{day.year}[/.]0?{day.month}[/.]0?{day.day}\b")
    return re.search("|".join(forms), text, re.IGNORECASE) is not None


_LONGEST_DATA_CELL = 80                          # longer cells are a page's layout, not data
_BLOCKS_IN_LAYOUT = " or ".join(f"self::{tag}" for tag in
                                "p div h1 h2 h3 h4 h5 h6 ul ol table article section img figure".split())
_LAYOUT_IN_A_CELL = f".//td//*[{_BLOCKS_IN_LAYOUT}] | .//th//*[{_BLOCKS_IN_LAYOUT}]"


def data_tables(root: lxml.html.HtmlElement | None) -> list[list[list[str]]]:
    """The page's tables of data, as rows of cell texts: two rows and two columns at least, short cells, no
    paragraphs, headings or tables inside a cell (those lay out the page)."""
    if root is None:
        return []
    tables = []
    for table in root.iter("table"):
        if table.xpath(_LAYOUT_IN_A_CELL):
            continue
        rows = [[" ".join(cell.text_content().split()).replace("|", "/") or "-" for cell in row.xpath("./th|./td")]
                for row in table.xpath(".//tr")]
        rows = [row for row in rows if row]
        if len(rows) > 1 and min(map(len, rows)) > 1 and len({len(row) for row in rows}) == 1 \
                and max(len(cell) for row in rows for cell in row) <= _LONGEST_DATA_CELL:
            tables.append(rows)
    return tables


def html_to_article_fields(html: str, path) -> dict:
    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True,
            date_extraction_params={"extensive_search": False, "original_date": True, "max_date": _latest_date()},
        )
    except (RecursionError, ValueError) as err:
        raise InputError(path, f"cannot parse HTML ({type(err).__name__})") from None
    text = clean_text(getattr(document, "text", None) or "") if document else ""
    if not text.strip():
        raise InputError(path, "no article text found in the HTML")
    root = _parsed(html)
    for table in data_tables(root):      # after the article's text, each table apart: one line per row, its cells
        text += "\n\n" + "\n".join(TABLE_CELL_SEPARATOR.join(row) for row in table)    # joined as every loader
        #                                                                                   joins them
    return {
        "text": text,
        "title": getattr(document, "title", None),
        "published": _head_date(root) or getattr(document, "date", None) or _visible_date(html, text)
        or find_dateline(text),
        "url": getattr(document, "url", None),
        "source": getattr(document, "sitename", None),
    }


_BLOCK_TAGS = frozenset({"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "table",
                         "section", "article", "header", "footer", "figure", "figcaption", "pre", "hr", "dl", "dt",
                         "dd"})
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template"})
_BLOCK_MARKUP = re.compile(r"<(?:p|div|br|h[1-6]|li|ul|ol|blockquote|table|tr)\b[^>]*>", re.IGNORECASE)
_INLINE_MARKUP = re.compile(r"</?(?:i|b|em|strong|a|span|u|sup|sub|small|mark)\b[^>]*>", re.IGNORECASE)


class _FragmentText(HTMLParser):
    """The text of an HTML fragment (a feed's body): blocks as paragraphs, a table's rows as lines of cells joined
    as every loader joins them, scripts and styles left out. Python's own tolerant parser: no tree is built, so
    no depth of nesting or size of text node cuts the text short."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.cells = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag == "tr":
            self.parts.append("\n")
            self.cells = 0
        elif tag in ("td", "th"):
            self.parts.append(TABLE_CELL_SEPARATOR if self.cells else "")
            self.cells += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(re.sub(r"\s+", " ", data))

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def fragment_text(markup: str) -> str:
    """A text a feed may write in HTML, as plain text: with block markup (paragraphs, breaks, lists, tables) each
    block a paragraph; with inline markup only (<i>, <b>, <a>) the tags dropped and the text's own lines kept; with
    none, as it is."""
    if _BLOCK_MARKUP.search(markup):
        parser = _FragmentText()
        parser.feed(markup)
        parser.close()
        return parser.text()
    return html.unescape(_INLINE_MARKUP.sub("", markup)) if _INLINE_MARKUP.search(markup) else markup


class HtmlLoader:
    suffixes = (".html", ".htm", ".xhtml")

    def load(self, path: Path) -> Iterator[Article]:
        fields = html_to_article_fields(read_text(path), path)
        yield Article(doc_id=path.name, source_path=str(path.resolve()), media_type="text/html", **fields)
