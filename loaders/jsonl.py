"""JSON Lines: one article per line with at least `text`; optional id, title, published, url, source.
A broken line fails alone, with its line number; the file's other lines load."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.model import Article

from .base import MAX_ARTICLE_BYTES, clean_text, find_dateline
from .decoding import decode


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
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "no `text` field with the article's text")
    if len(text) > MAX_ARTICLE_BYTES:
        raise InputError(where, "article text too large")
    doc_id = str(record.get("id") or f"{path.name}#{number}")
    text = clean_text(text)
    return Article(
        doc_id=doc_id, text=text, source_path=f"{path.resolve()}#{number}",
        title=record.get("title") or None,
        published=_iso_date(record.get("published") or record.get("date")) or find_dateline(text),
        url=record.get("url") or None, source=record.get("source") or None,
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
