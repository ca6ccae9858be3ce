"""One output path for rows: a rich table for people, JSON for scripts."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table


def console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def print_table(rows: Sequence[dict], title: str | None = None, columns: Sequence[str] | None = None) -> None:
    columns = list(columns or (rows[0].keys() if rows else []))
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(c) is None else escape(str(row.get(c))) for c in columns))
    console().print(table)


def emit(rows: Sequence[dict], as_json: bool, title: str | None = None, columns=None) -> None:
    if as_json:
        print_json(list(rows))
    else:
        print_table(rows, title, columns)
