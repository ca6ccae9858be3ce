"""JSON Lines: one article per line with at least its text; optional id, title, published, url, source, each under
the names news feeds and scrapers give them (`text`, `body`, `content`; `title`, `headline`; `published`, `date`,
`published_at`, `datePublished`, ...; IPTC ninjs's `body_text` and `firstcreated`). The headline is read as the
article's first line, as in a text file. A broken line fails alone, with its line number; the file's other lines
load."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path

from kg.errors import InputError
from kg.model import Article

from .base import MAX_ARTICLE_BYTES, clean_text, find_dateline
from .decoding import decode


TEXT_FIELDS = ("text", "body", "body_text", "content", "article", "article_text", "maintext")
FIELD_NAMES = {                       # each field, by the names feeds give it, the first one set winning
    "id": ("id", "doc_id", "uuid", "guid"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "publishedAt", "datePublished", "date_published", "pubDate",
                  "firstcreated", "versioncreated"),                     # (the last two: IPTC's ninjs)
    "url": ("url", "link"),
    "source": ("source", "publisher", "site"),
}


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


def _field(record: dict, key: str, where: str) -> str | int | None:
    """The first of a field's names set in the record, as a string (an integer date stays one); a publisher given as
    an object ({"id": ..., "name": ...}, as NewsAPI does) by its name."""
    name = next((n for n in FIELD_NAMES[key] if record.get(n) not in (None, "")), FIELD_NAMES[key][0])
    value = record.get(name)
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        value = value["name"]
    if value is not None and not isinstance(value, (str, int)) or isinstance(value, bool):
        raise InputError(where, f"`{name}` must be a string, not {type(value).__name__}")
    if value is None or isinstance(value, int) and key == "published":
        return value                          # (an epoch date stays a number)
    return str(value).strip() or None


def _text_field(record: dict, where: str) -> tuple[str, str]:
    """The first of the text fields holding text (not one set to null or left blank), and its name."""
    for name in TEXT_FIELDS:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return name, value
        if value is not None and not isinstance(value, str):
            raise InputError(where, f"`{name}` must be a string, not {type(value).__name__}")
    raise InputError(where, f"no article text in any of the fields {', '.join(f'`{k}`' for k in TEXT_FIELDS)}")


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
