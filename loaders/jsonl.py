"""JSON Lines: one article per line with at least its text; optional id, title, published, url, source, each under
the names news feeds and scrapers give them (`text`, `body`, `content`; `title`, `headline`; `published`, `date`,
`published_at`, `datePublished`, ...; IPTC ninjs's `body_text` and `firstcreated`). The headline is read as the
article's first line, as in a text file. A broken line fails alone, with its line number; the file's other lines
load."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.model import Article

from .base import MAX_ARTICLE_BYTES, clean_text, find_dateline
from .decoding import decode


TEXT_FIELDS = ("text", "body", "body_text", "content", "article", "article_text", "maintext")
FIELD_NAMES = {                       # each field, by the names feeds give it, the first one present winning
    "id": ("id", "doc_id", "uuid", "guid"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "publishedAt", "datePublished", "date_published", "pubDate",
                  "firstcreated", "versioncreated"),                     # (the last two: IPTC's ninjs)
    "url": ("url", "link"),
    "source": ("source", "publisher", "site"),
}


def _iso_date(value) -> str | None:
    if not value:
        return None
    text = str(value).strip()
    return text[:10] if len(text) >= 10 and text[4] == "-" and text[7] == "-" else find_dateline(text)


def parse_record(line: str, path: Path, number: int) -> Article:
    where = f"{path}:{number}"
    try:
        record = json.loads(line)
    except ValueError as err:
        raise InputError(where, f"invalid JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(record, dict):
        raise InputError(where, "a line must be a JSON object")
    text_field = next((key for key in TEXT_FIELDS if key in record), "text")
    text = record.get(text_field)
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, f"no article text in any of the fields {', '.join(f'`{k}`' for k in TEXT_FIELDS)}")
    if len(text) > MAX_ARTICLE_BYTES:
        raise InputError(where, "article text too large")
    fields = {}
    for key, names in FIELD_NAMES.items():
        name = next((n for n in names if record.get(n) is not None), names[0])
        value = record.get(name)
        if value is not None and not isinstance(value, (str, int)) or isinstance(value, bool):
            raise InputError(where, f"`{name}` must be a string, not {type(value).__name__}")
        fields[key] = str(value).strip() if value is not None and str(value).strip() else None
    text = clean_text(text)
    if not text.strip():
        raise InputError(where, f"no article text: `{text_field}` is blank")
    title = clean_text(fields["title"]) if fields["title"] else None
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"          # the headline, then the body: read as one article
    return Article(
        doc_id=fields["id"] or f"{path.name}#{number}", text=text, source_path=f"{path.resolve()}#{number}",
        title=title, published=_iso_date(fields["published"]) or find_dateline(text),
        url=fields["url"], source=fields["source"],
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
