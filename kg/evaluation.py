"""`kg eval`: load documents into a temporary store, export gold-jsonl, score it with the reference rules."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from . import scoring
from .export import gold_records
from .pipeline import load
from .store import Store


def read_gold(path: Path) -> dict[str, dict]:
    docs = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            record = json.loads(line)
            docs[record["doc"]] = record
    return docs


def evaluate_documents(gold_path: Path, docs: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="kg-eval-") as home:
        load([docs], home)
        with Store.open(home) as store:
            predicted = {record["doc"]: record for record in gold_records(store)}
    scores, per_document = scoring.score(read_gold(gold_path), predicted)
    return {"scores": scores, "per_document": per_document}
