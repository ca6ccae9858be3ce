"""Plain text: the first line is the title when it looks like one; a dateline gives the date."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.model import Article

from .base import clean_text, find_dateline, first_line_title, read_text


class TextLoader:
    suffixes = (".txt", ".text")

    def load(self, path: Path) -> Iterator[Article]:
        text = clean_text(read_text(path))
        yield Article(
            doc_id=path.name, text=text, source_path=str(path.resolve()),
            title=first_line_title(text), published=find_dateline(text),
        )
