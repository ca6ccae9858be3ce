"""Markdown: rendered to plain text with markdown-it (the parser rich already uses), so that
links, emphasis and headings become the words a reader sees; front matter gives metadata."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from markdown_it import MarkdownIt

from kg.model import TABLE_CELL_SEPARATOR, Article

from .base import clean_text, find_dateline, first_line_title, read_text

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_PARSER = MarkdownIt("commonmark").enable("table")


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = {}
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, text[match.end():]


# A contact block's line of its own: an e-mail address, or a telephone number written as one ("+44 20 7946 0001",
# "Tel: 020 7946 0001"), not a number or an address that a wrapped sentence carries on to the next line.
_CONTACT_DETAIL = re.compile(r"\s*(\S+@\S+\.[A-Za-z]{2,}|(?:(?:tel|phone|telephone|t)\.?:?\s*)?\+\d[\d\s().-]{6,}\d"
                             r"|(?:tel|phone|telephone|t)\.?:?\s*\(?\d[\d\s().-]{6,}\d)\s*", re.IGNORECASE)


def markdown_to_text(source: str) -> str:
    """Blocks become paragraphs separated by a blank line; inline markup is dropped. A line break stays one
    after a hard break, after a line that is all bold (a label, as a press release's contact block has) and
    around a line that is only an e-mail address or a telephone number. A table is one line per row, its cells
    joined by " | " (an empty cell written "-")."""
    blocks: list[str] = []
    rows: list[list[str]] | None = None      # the rows of the table being read, if one is
    for token in _PARSER.parse(source):
        if token.type == "table_open":
            rows = []
        elif token.type == "table_close":
            blocks.append("\n".join(TABLE_CELL_SEPARATOR.join(cells) for cells in rows))
            rows = None
        elif rows is not None:              # a table: one line per row, its cells' text joined
            if token.type == "tr_open":
                rows.append([])
            elif token.type == "inline":
                rows[-1].append("".join(c.content for c in token.children or () if c.type in ("text", "code_inline"))
                                .strip().replace("|", "/") or "-")     # (a pipe written in a cell is no border)
        elif token.type == "inline":
            lines: list[tuple[str, bool]] = []          # (a line's text, whether a line break must follow it)
            words, line = [], []
            for child in token.children or ():
                if child.type in ("text", "code_inline"):
                    words.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    label = [c.type for c in line if c.type != "text" or c.content.strip()] == [
                        "strong_open", "text", "strong_close"]      # "**Kelvo Group**" over a contact's name
                    lines.append(("".join(words), child.type == "hardbreak" or label))
                    words, line = [], []
                    continue
                line.append(child)
            lines.append(("".join(words), False))
            block = lines[0][0]
            for (before, kept), (text, _) in zip(lines, lines[1:]):
                apart = kept or _CONTACT_DETAIL.fullmatch(before) or _CONTACT_DETAIL.fullmatch(text)
                block += ("\n" if apart else " ") + text
            blocks.append(block)
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
    return "\n\n".join(block for block in blocks if block.strip())


class MarkdownLoader:
    suffixes = (".md", ".markdown")

    def load(self, path: Path) -> Iterator[Article]:
        meta, body = _front_matter(clean_text(read_text(path)))
        text = markdown_to_text(body)
        yield Article(
            doc_id=path.name, text=text, source_path=str(path.resolve()),
            title=meta.get("title") or first_line_title(text),
            published=find_dateline(meta.get("date", "")) or find_dateline(text),
            url=meta.get("url"), source=meta.get("source"), media_type="text/markdown",
        )
