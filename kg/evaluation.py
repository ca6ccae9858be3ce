"""`kg eval`: load documents into a temporary store, export gold-jsonl, score it with the reference rules."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from . import scoring
from .errors import InputError
from .export import gold_records
from .pipeline import load
from .store import Store


def read_gold(path: Path) -> dict[str, dict]:
    """Records by document, read as score.py reads them: one per "\n"-ended line (a U+2028 inside a
    string is text), a broken line is an InputError naming it."""
    docs = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.strip():
            try:
                record = json.loads(line)
                docs[record["doc"]] = record
            except (ValueError, KeyError, TypeError) as err:
                raise InputError(f"{path}:{number}", f"not a document record ({err})") from None
    return docs


def evaluate_documents(gold_path: Path, docs: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="kg-eval-") as home:
        load([docs], home)
        with Store.open(home) as store:
            predicted = {record["doc"]: record for record in gold_records(store)}
    scores, per_document = scoring.score(read_gold(gold_path), predicted)
    return {"scores": scores, "per_document": per_document}
