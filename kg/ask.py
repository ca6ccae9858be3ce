"""`kg ask`: a question in plain English, answered from the graph with the sentences behind it.

This first slice understands "what do you know about X" (and a bare entity name): it links X to a
node by name, alias or fuzzy match, and summarises the node's facts, claims and events, each with
its evidence. Every other question gets an honest "I can't answer that yet" with examples."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox
from rapidfuzz import fuzz, process

from .resolution import normalize
from .store import Store
from .terms import KG

_KG = str(KG._NS)


@dataclass
class Link:
    iri: str
    name: str
    type: str
    score: float


@dataclass
class Answer:
    question: str
    intent: str
    entities: list[Link] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)     # {"text": ..., "evidence": ..., "document": ...}
    suggestions: list[str] = field(default_factory=list)
    query: str | None = None

    @property
    def found(self) -> bool:
        return bool(self.lines)

    def as_dict(self) -> dict:
        return {"question": self.question, "intent": self.intent, "query": self.query,
                "entities": [vars(e) for e in self.entities], "answers": self.lines,
                "suggestions": self.suggestions}


EXAMPLES = ["What do you know about Acme?", "Tell me about Acme", "Acme"]
_ABOUT = re.compile(r"^\s*(?:what\s+do\s+(?:you|we)\s+know\s+about|tell\s+me\s+about|who\s+is|who's|what\s+is|"
                    r"what's|describe|summari[sz]e|profile(?:\s+of)?)\s+(?P<x>.+?)\s*\??\s*$", re.IGNORECASE)


def entity_names(store: Store) -> list[tuple[str, str, str]]:
    """(iri, name or alias, type) for every named entity."""
    rows = store.select("""SELECT DISTINCT ?e ?name ?type WHERE {
        ?e a ?type . VALUES ?type { kg:Company kg:Product kg:Market kg:Person kg:Executive }
        { ?e rdfs:label ?name } UNION { ?e kg:alias ?name } }""")
    return [(r["e"], r["name"], r["type"][len(_KG):]) for r in rows]


def link_entity(store: Store, text: str, limit: int = 5) -> list[Link]:
    """Candidates for a name, best first: exact (normalised) matches score 100, then fuzzy ones."""
    names = entity_names(store)
    key = normalize(text)
    exact = {(iri, t): name for iri, name, t in names if normalize(name) == key}
    if exact:
        return [Link(iri, _label(store, iri), t, 100.0) for (iri, t) in exact][:limit]
    choices = {i: normalize(name) for i, (_, name, _) in enumerate(names)}
    found = process.extract(key, choices, scorer=fuzz.WRatio, limit=limit * 3)
    links: dict[str, Link] = {}
    for _, score, index in found:
        iri, _, entity_type = names[index]
        if iri not in links:
            links[iri] = Link(iri, _label(store, iri), entity_type, round(score, 1))
    return list(links.values())[:limit]


def _label(store: Store, iri: str) -> str:
    rows = store.select("SELECT ?e ?l WHERE { GRAPH ?g { ?e rdfs:label ?l } } ORDER BY ?l LIMIT 1",
                        {"e": ox.NamedNode(iri)}, union=False)
    return rows[0]["l"] if rows else iri


def ask(store: Store, question: str) -> Answer:
    match = _ABOUT.match(question)
    target = match["x"] if match else question.strip(" ?")
    links = link_entity(store, target)
    answer = Answer(question, "about" if match else "about-guess", query="entity_profile")
    if not links or links[0].score < 85:
        answer.intent = "unknown-entity"
        answer.suggestions = [f"{link.name} ({link.type})" for link in links]
        return answer
    best = links[0]
    answer.entities = [best]
    answer.lines = profile(store, best.iri)
    return answer


# A variable bound by Store.query must be projected (pyoxigraph 0.5 refuses the substitution otherwise).
_PROFILE = """
SELECT ?e ?p ?other ?otherLabel ?role ?sentence ?doc ?direction WHERE {
  { ?a rdf:subject ?e ; rdf:predicate ?p ; rdf:object ?other . BIND("out" AS ?direction) }
  UNION
  { ?a rdf:subject ?other ; rdf:predicate ?p ; rdf:object ?e . BIND("in" AS ?direction) }
  ?a kg:evidence ?ev . ?ev kg:sentence ?sentence ; kg:inDocument ?d . ?d kg:docId ?doc .
  OPTIONAL { ?a kg:role ?role }
  GRAPH <https://w3id.org/kg-news/graph/entities> { ?other rdfs:label ?otherLabel }
} ORDER BY ?p ?otherLabel ?doc
"""

_CLAIMS = """
SELECT ?e ?speakerLabel ?text ?date ?sentence ?doc WHERE {
  ?c a kg:Claim ; kg:text ?text ; kg:speaker ?speaker ; kg:evidence ?ev .
  { ?c kg:about ?e } UNION { ?c kg:speaker ?e }
  OPTIONAL { ?c kg:date ?date }
  ?ev kg:sentence ?sentence ; kg:inDocument ?d . ?d kg:docId ?doc .
  GRAPH <https://w3id.org/kg-news/graph/entities> { ?speaker rdfs:label ?speakerLabel }
} ORDER BY ?date ?doc
"""

_EVENTS = """
SELECT DISTINCT ?e ?ev ?type ?date ?sentence ?doc WHERE {
  ?ev a ?type ; kg:evidence ?evidence .
  VALUES ?type { kg:ProductLaunch kg:MarketEntry kg:StoreOpening kg:PartnershipAgreement
                 kg:DealCancellation kg:FinancialResult kg:ProductPrice kg:Rebrand }
  { ?ev kg:company ?e } UNION { ?ev kg:product ?e } UNION { ?ev kg:market ?e } UNION { ?ev kg:party ?e }
  OPTIONAL { ?ev kg:date ?date }
  ?evidence kg:sentence ?sentence ; kg:inDocument ?d . ?d kg:docId ?doc .
} ORDER BY ?date ?doc
"""

_PHRASES = {
    "produces": ("makes {o}", "is made by {o}"),
    "competesWith": ("competes with {o}", "competes with {o}"),
    "partnersWith": ("partners with {o}", "partners with {o}"),
    "subsidiaryOf": ("is a subsidiary of {o}", "has a subsidiary, {o}"),
    "executiveOf": ("is {role} of {o}", "has {o} as {role}"),
    "worksFor": ("works for {o}", "employs {o}"),
    "operatesIn": ("operates in {o}", "has {o} operating in it"),
    "absentFrom": ("is absent from {o}", "does not have {o}"),
    "targetsMarket": ("plans to enter {o}", "is targeted by {o}"),
    "availableIn": ("is available in {o}", "offers {o}"),
}


def profile(store: Store, iri: str) -> list[dict]:
    """Sentences about an entity: its facts, the claims by or about it, and its events."""
    node = ox.NamedNode(iri)
    name = _label(store, iri)
    lines = []
    for row in store.select(_PROFILE, {"e": node}):
        predicate = row["p"][len(_KG):]
        forward, backward = _PHRASES.get(predicate, (predicate + " {o}", "is " + predicate + " of {o}"))
        template = forward if row["direction"] == "out" else backward
        role = row["role"] or "an executive"
        text = f"{name} " + template.format(o=row["otherLabel"], role=role)
        lines.append({"text": text, "evidence": row["sentence"], "document": row["doc"]})
    for row in store.select(_CLAIMS, {"e": node}):
        when = f" ({row['date']})" if row["date"] else ""
        lines.append({"text": f"{row['speakerLabel']} said{when}: \u201c{row['text']}\u201d",
                      "evidence": row["sentence"], "document": row["doc"]})
    for row in store.select(_EVENTS, {"e": node}):
        when = f" on {row['date']}" if row["date"] else ""
        kind = re.sub(r"(?<!^)(?=[A-Z])", " ", row["type"][len(_KG):]).lower()
        lines.append({"text": f"{kind}{when}", "evidence": row["sentence"], "document": row["doc"]})
    unique, seen = [], set()
    for line in lines:
        key = (line["text"], line["document"])
        if key not in seen:
            seen.add(key)
            unique.append(line)
    return unique
