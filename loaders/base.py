"""What every loader shares: reading bytes with clear errors, datelines, and the Article it yields."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Protocol

from kg.errors import InputError
from kg.model import Article

from .decoding import decode

# One news article is a few kilobytes; a text file far larger than this is a dump, not an article.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024


class ArticleLoader(Protocol):
    """Reads one file into Articles. Raises InputError when the whole file is unusable; yields
    InputError items for single records that are (one broken line of a JSONL file)."""

    suffixes: tuple[str, ...]

    def load(self, path: Path) -> Iterator[Article | InputError]: ...


def read_text(path: Path, limit: int = MAX_ARTICLE_BYTES) -> str:
    """The decoded text of a file, or InputError: missing, unreadable, too large, binary, empty."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(path, f"file too large for one article ({size / 1e6:.1f} MB > {limit / 1e6:.0f} MB)")
        data = path.read_bytes()
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(path, "broken symbolic link: its target does not exist" if path.is_symlink()
                         else "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as err:
        raise InputError(path, f"cannot read ({err.strerror or err})") from None
    text = clean_text(decode(data, path))
    if not text.strip():
        raise InputError(path, "empty file: no text to load")
    return text


def clean_text(text: str) -> str:
    """Normalise line ends and drop control characters; keep everything a reader sees."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)


_MONTHS = ("january february march april may june july august september october november december").split()
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATELINE = re.compile(
    rf"\b(?:(?P<iso>(?P<y1>(?:19|20)\d\d)-(?P<m1>\d\d)-(?P<d1>\d\d))"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<mon2>{_MONTH})\s*,?\s+(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<mon3>{_MONTH})\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y3>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)


def _month_number(name: str) -> int:
    name = name.lower().rstrip(".")
    return next(i for i, month in enumerate(_MONTHS, 1) if month.startswith(name[:3]))


_DATELINE_CUE = re.compile(r"^\s*(?:(?i:(?:last\s+)?(?:published|updated|posted|date|dated))\b|[A-Z][A-Z .'-]{1,40},\s)")


def find_dateline(text: str, lines: int = 4) -> str | None:
    """A publication date written as a dateline in the first lines of text: a line that is only a date
    ("24 May 2019"), a labelled one ("Published: 2025-03-14"), or a wire dateline
    ("OSLO, March 14, 2025 -"). ISO 8601, or None. Dates inside ordinary sentences are not datelines."""
    for line in [line for line in text.split("\n") if line.strip()][:lines]:     # (blank lines do not count)
        match = _DATELINE.search(line)
        if not match:
            continue
        rest = (line[: match.start()] + line[match.end():]).strip(" ,.-\u2013\u2014|()")
        if len(rest) > 3 and not _DATELINE_CUE.search(line):
            continue
        try:
            if match["iso"]:
                return date(int(match["y1"]), int(match["m1"]), int(match["d1"])).isoformat()
            if match["d2"]:
                return date(int(match["y2"]), _month_number(match["mon2"]), int(match["d2"])).isoformat()
            return date(int(match["y3"]), _month_number(match["mon3"]), int(match["d3"])).isoformat()
        except ValueError:
            continue
    return None


def first_line_title(text: str, max_length: int = 200) -> str | None:
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line if len(line) <= max_length else None
    return None
