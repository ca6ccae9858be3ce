"""JSON Lines: one article per line with at least its text; optional id, title, published, url, source, each under
the names news feeds and scrapers give them (`text`, `body`, `content`; `title`, `headline`; `published`, `date`,
`published_at`, `datePublished`, ...; IPTC ninjs's `body_text` and `firstcreated`). News APIs nest them: a field
may be an object holding the value (`"content": {"format": "text/html", "body": "<p>..."}`, `"headline": {"main":
...}`, `"dates": {"published": ...}`), or sit in an object of fields (the Guardian's `"fields": {"bodyText": ...}`);
a body in HTML is read as text. The headline is read as the article's first line, as in a text file, and a
standfirst (`standfirst`, `description`, `summary`, `abstract`, ...) after it unless the body opens with it. A broken
line fails alone, with its line number; the file's other lines load."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path

import lxml.etree
import lxml.html

from kg.errors import InputError
from kg.model import Article

from .base import MAX_ARTICLE_BYTES, clean_text, find_dateline
from .decoding import decode


TEXT_FIELDS = ("text", "body", "body_text", "bodyText", "content", "article", "article_text", "maintext")
FIELD_NAMES = {                       # each field, by the names feeds give it, the first one set winning
    "id": ("id", "doc_id", "uuid", "guid"),
    "title": ("title", "headline", "webTitle"),
    "published": ("published", "date", "published_at", "publishedAt", "datePublished", "date_published", "pubDate",
                  "publishedDate", "published_date", "publication_date", "publicationDate", "webPublicationDate",
                  "pub_date", "firstcreated", "firstCreated", "versioncreated", "versionCreated", "created",
                  "created_at", "createdAt"),     # (ninjs and wires: "firstcreated"; the Guardian; NYT; Benzinga)
    "url": ("url", "link", "webUrl", "web_url"),
    "source": ("source", "publisher", "site"),
}
STANDFIRST_FIELDS = ("standfirst", "description", "summary", "abstract", "dek", "subheadline", "subtitle", "teaser",
                     "trailText")
# Inside an object standing for one field, the names its value goes by: "content": {"body": ...}, "headline":
# {"main": ...}, "source": {"name": ...}.
INNER_NAMES = {"text": ("body", "text", "bodyText", "body_text", "plain", "value", "html"),
               "title": ("main", "text", "title", "value", "headline", "print_headline"),
               "published": FIELD_NAMES["published"] + ("created", "first_published", "firstPublished"),
               "source": ("name", "title"), "standfirst": ("text", "value", "main")}
# Objects that hold some of a record's fields: the Guardian's "fields", a news API's "content" and "dates".
FIELD_HOLDERS = ("fields", "content", "dates", "article", "attributes", "data", "meta", "metadata")
_HTML = re.compile(r"<(p|div|br|h[1-6]|li|span|a|em|strong|b|i)\b[^>]*>", re.IGNORECASE)
_BLOCKS = ("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "tr")


def _iso_date(value: str | int | None) -> str | None:
    """A record's date as ISO 8601: "2030-07-15T07:40:00Z", an RSS date ("Tue, 15 Jul 2030 07:40:00 GMT"), epoch
    seconds or milliseconds, or a date written as a dateline writes it."""
    if value is None or value == "":
        return None
    if isinstance(value, int):
        seconds = value / 1000 if value > 10**11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = value.strip()
    if len(text) >= 10 and text[4] == "-" and text[7] == "-":
        return text[:10]
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return find_dateline(text)


def _set(value) -> bool:
    return value not in (None, "", {}, [])


def _found(record: dict, names: tuple[str, ...], nested: bool = True) -> tuple[str, object]:
    """The first of `names` set in the record, else (when `nested`) in an object of fields it holds (`"fields":
    {...}`, `"dates": {...}`), with its name ("dates.published"); ("", None) when none is set."""
    for name in names:
        if _set(record.get(name)):
            return name, record[name]
    for holder in FIELD_HOLDERS if nested else ():
        inner = record.get(holder)
        for name in names if isinstance(inner, dict) else ():
            if _set(inner.get(name)):
                return f"{holder}.{name}", inner[name]
    return "", None


def _unwrapped(value, name: str, kind: str, where: str):
    """A field's value, out of the object a news API wraps it in ({"main": "..."}, {"format": ..., "body": "..."});
    a value that is neither a string nor such an object is an error naming the field."""
    if isinstance(value, dict) and kind in INNER_NAMES:
        inner = next((value[k] for k in INNER_NAMES[kind] if isinstance(value.get(k), (str, int))
                      and not isinstance(value.get(k), bool) and _set(value[k])), None)
        if inner is None:
            raise InputError(where, f"`{name}` is an object without a {kind} in it "
                                    f"({', '.join(f'`{k}`' for k in INNER_NAMES[kind])})")
        value = inner
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise InputError(where, f"`{name}` must be a string, not {type(value).__name__}")
    return value


def _field(record: dict, key: str, where: str) -> str | int | None:
    """The first of a field's names set in the record, as a string (an integer date stays one); a field given as an
    object (a publisher {"id": ..., "name": ...}, as NewsAPI does; a headline {"main": ...}, as the NYT does) by
    the value in it. An id, link or publisher is the record's own, never one inside another object's."""
    name, value = _found(record, FIELD_NAMES[key], nested=key in ("title", "published"))
    if value is None:
        return None
    value = _unwrapped(value, name, key, where)
    if isinstance(value, int) and key == "published":
        return value                          # (an epoch date stays a number)
    return str(value).strip() or None


def _text_field(record: dict, where: str) -> tuple[str, str]:
    """The first of the text fields holding text (not one set to null or left blank), and its name; a body in HTML
    as its text."""
    name, value = _found(record, TEXT_FIELDS)
    if value is None:
        raise InputError(where, f"no article text in any of the fields {', '.join(f'`{k}`' for k in TEXT_FIELDS)}")
    text = _unwrapped(value, name, "text", where)
    if not isinstance(text, str):
        raise InputError(where, f"`{name}` must be a string, not {type(text).__name__}")
    return name, _html_as_text(text) if _HTML.search(text) else text


def _html_as_text(html: str) -> str:
    """A body written in HTML, as text: each paragraph, heading or list item a paragraph of its own."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return html
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    return "\n\n".join(" ".join(part.split()) for part in root.text_content().split("\n\n") if part.strip())


def _standfirst(record: dict, where: str) -> str | None:
    name, value = _found(record, STANDFIRST_FIELDS)
    if value is None or isinstance(value, (list, bool)):
        return None                               # (a list of summary points: not one line to read)
    text = _unwrapped(value, name, "standfirst", where) if isinstance(value, dict) else value
    text = _html_as_text(str(text)) if _HTML.search(str(text)) else str(text)
    return clean_text(text).strip() or None


def _holds(text: str, passage: str) -> bool:
    """Whether a body already holds a passage (case and spacing aside): NewsAPI's description is its opening."""
    return " ".join(passage.split()).casefold() in " ".join(text.split()).casefold()


def _opens_with(text: str, title: str) -> bool:
    """Whether the body's first line is the headline already (case and spacing aside)."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    return " ".join(first.split()).casefold() == " ".join(title.split()).casefold()


def parse_record(line: str, path: Path, number: int) -> Article:
    where = f"{path}:{number}"
    try:
        record = json.loads(line)
    except ValueError as err:
        raise InputError(where, f"invalid JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(record, dict):
        raise InputError(where, "a line must be a JSON object")
    text_field, text = _text_field(record, where)
    if len(text) > MAX_ARTICLE_BYTES:
        raise InputError(where, "article text too large")
    fields = {key: _field(record, key, where) for key in FIELD_NAMES}
    text = clean_text(text)
    if not text.strip():
        raise InputError(where, f"no article text: `{text_field}` is blank")
    title = clean_text(str(fields["title"])) if fields["title"] else None
    standfirst = _standfirst(record, where)
    if standfirst and not _holds(text, standfirst) and standfirst != title:
        text = f"{standfirst}\n\n{text}"     # the standfirst, then the body
    if title and not _opens_with(text, title):
        text = f"{title}\n\n{text}"          # the headline, then the body: read as one article
    return Article(
        doc_id=str(fields["id"]) if fields["id"] else f"{path.name}#{number}", text=text,
        source_path=f"{path.resolve()}#{number}", title=title,
        published=_iso_date(fields["published"]) or find_dateline(text),
        url=fields["url"] and str(fields["url"]), source=fields["source"] and str(fields["source"]),
    )


class JsonlLoader:
    suffixes = (".jsonl", ".ndjson")

    def load(self, path: Path) -> Iterator[Article | InputError]:
        try:
            handle = path.open("rb")
        except OSError as err:
            raise InputError(path, f"cannot read ({err.strerror or err})") from None
        with handle:
            for number, raw in enumerate(handle, 1):
                if not raw.strip():
                    continue
                try:
                    yield parse_record(decode(raw, f"{path}:{number}"), path, number)
                except InputError as err:
                    yield err
