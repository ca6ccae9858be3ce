"""Scoring extracted knowledge against gold, by the rules of shared/eval/FORMAT.md (the same rules as
the reference scorer shared/eval/score.py; tests/test_eval.py proves both give the same numbers).

Names match after normalisation against a gold entity's name or aliases; facts need the predicate and
both ends (symmetric ones in either order); claims count as (speaker, about) pairs; events as the type
with the set of entity args. Micro-averaged over the gold's documents; `all` pools facts, claims, events."""

from __future__ import annotations

import re
import unicodedata

from .model import EVENT_ENTITY_ARGS, SYMMETRIC_PREDICATES

PARTS = ("entities", "facts", "claims", "events")
_PEOPLE = {"Executive", "Person"}


def normalize(name) -> str:
    """The reference scorer's normalisation to the letter. Not kg.resolution.normalize, which is kinder
    (it also reads a left quote as an apostrophe) and would make `Acme‘s` match here and not in score.py."""
    text = unicodedata.normalize("NFKC", str(name)).lower().replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"^\s*the\s+", "", text)
    return " ".join(text.split())


class _Names:
    """Resolves a predicted name to the gold entity it stands for, through the prediction's aliases."""

    def __init__(self, gold_doc: dict, pred_doc: dict | None = None):
        self.gold: dict[str, str] = {}
        for entity in gold_doc.get("entities", []):
            for name in [entity["name"], *entity.get("aliases", [])]:
                self.gold.setdefault(normalize(name), normalize(entity["name"]))
        self.pred_aliases: dict[str, set[str]] = {}
        for entity in (pred_doc or {}).get("entities", []):
            keys = [normalize(n) for n in [entity["name"], *entity.get("aliases", [])]]
            for key in keys:
                self.pred_aliases.setdefault(key, set()).update(keys)

    def __call__(self, name: str) -> str:
        key = normalize(name)
        if key in self.gold:
            return self.gold[key]
        for alias in self.pred_aliases.get(key, ()):
            if alias in self.gold:
                return self.gold[alias]
        return key


def _items(doc: dict, canon: _Names) -> dict[str, set]:
    entities = {("Person" if e.get("type") in _PEOPLE else e.get("type"), canon(e["name"]))
                for e in doc.get("entities", [])}
    facts = set()
    for fact in doc.get("facts", []):
        ends = (canon(fact["s"]), canon(fact["o"]))
        facts.add((fact["p"], *(sorted(ends) if fact["p"] in SYMMETRIC_PREDICATES else ends)))
    claims = {(canon(c["speaker"]), canon(about)) for c in doc.get("claims", []) for about in c.get("about", [])}
    events = set()
    for event in doc.get("events", []):
        args = []
        for key in EVENT_ENTITY_ARGS:
            value = event.get("args", {}).get(key)
            args += [canon(v) for v in (value if isinstance(value, list) else [value] if value else [])]
        events.add((event["type"], tuple(sorted(set(args)))))
    return {"entities": entities, "facts": facts, "claims": claims, "events": events}


def prf(tp: int, predicted: int, gold: int) -> dict:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "predicted": predicted, "gold": gold}


def score(gold: dict[str, dict], predicted: dict[str, dict]) -> tuple[dict, dict]:
    counts = {part: [0, 0, 0] for part in PARTS}
    per_document = {}
    for name, gold_doc in gold.items():
        pred_doc = predicted.get(name, {"doc": name})
        g = _items(gold_doc, _Names(gold_doc))
        p = _items(pred_doc, _Names(gold_doc, pred_doc))
        for part in PARTS:
            counts[part][0] += len(g[part] & p[part])
            counts[part][1] += len(p[part])
            counts[part][2] += len(g[part])
        per_document[name] = {part: {"missed": sorted(map(list, g[part] - p[part])),
                                     "spurious": sorted(map(list, p[part] - g[part]))} for part in PARTS}
    result = {part: prf(*counts[part]) for part in PARTS}
    result["all"] = prf(*(sum(counts[part][i] for part in ("facts", "claims", "events")) for i in range(3)))
    return result, per_document
