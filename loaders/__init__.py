"""Loaders turn files into Articles; nothing downstream knows about file formats.

Loaders are found by file suffix in a small registry. A third party adds one through the
`kg.loaders` entry-point group: an object with `suffixes` and `load(path)`.
"""

from __future__ import annotations

import functools
import glob
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path

from kg.errors import InputError
from kg.model import Article

from .base import ArticleLoader
from .html import HtmlLoader
from .jsonl import JsonlLoader
from .markdown import MarkdownLoader
from .text import TextLoader

__all__ = ["ArticleLoader", "Source", "discover", "loader_for", "read_articles", "registered_loaders"]

_BUILTIN: tuple[ArticleLoader, ...] = (TextLoader(), MarkdownLoader(), HtmlLoader(), JsonlLoader())


@functools.cache
def registered_loaders() -> dict[str, ArticleLoader]:
    """Suffix -> loader, built-ins first, then plug-ins from the `kg.loaders` entry points."""
    table: dict[str, ArticleLoader] = {}
    plugins = [ep.load()() for ep in entry_points(group="kg.loaders")]
    for loader in (*_BUILTIN, *plugins):
        for suffix in loader.suffixes:
            table[suffix.lower()] = loader
    return table


def loader_for(path: Path) -> ArticleLoader | None:
    return registered_loaders().get(path.suffix.lower())


@dataclass(frozen=True)
class Source:
    """One input file found under the given paths, or the error that a given path could not be used."""

    path: Path
    error: InputError | None = None


def discover(paths: Iterable[str | Path]) -> Iterator[Source]:
    """Files to load: each given file, folders recursively (files of known suffixes), globs expanded.
    A path that does not exist, or a glob that matches nothing, is reported as a Source with an error."""
    suffixes = registered_loaders()
    seen: set[Path] = set()
    for given in paths:
        given = str(given)
        matches = sorted(glob.glob(given, recursive=True)) if glob.has_magic(given) else [given]
        if not matches:
            yield Source(Path(given), InputError(given, "no file matches this pattern"))
            continue
        for match in map(Path, matches):
            if match.is_dir():
                # A broken symlink is kept (read_text reports it); silently skipping it would hide a lost file.
                found = sorted(p for p in match.rglob("*") if (p.is_file() or p.is_symlink() and not p.exists())
                               and p.suffix.lower() in suffixes
                               and not any(part.startswith(".") for part in p.relative_to(match).parts))
            elif match.exists() or match.is_symlink():
                found = [match]
            else:
                yield Source(match, InputError(match, "no such file or directory"))
                continue
            for path in found:
                key = path.resolve()
                if key not in seen:
                    seen.add(key)
                    yield Source(path)


def read_articles(source: Source) -> Iterator[Article | InputError]:
    """The Articles of one source, with per-file or per-record InputErrors in their place."""
    if source.error:
        yield source.error
        return
    loader = loader_for(source.path)
    if loader is None:
        yield InputError(source.path, f"unsupported file type {source.path.suffix or '(no suffix)'!r}; "
                                      f"known: {', '.join(sorted(registered_loaders()))}")
        return
    try:
        yield from loader.load(source.path)
    except InputError as err:
        yield err
