"""`kg ask`: a question in plain English, answered from the graph with the sentences behind it.

The question's intent and entities come from kg.intents (rules, no model, no network); the answer from the
query packs, run by a backend (kg.backends: the embedded store or Neo4j), so that both give the same
answer. Every line of an answer is a short sentence built from a row, with the sentence of the document
it was read from. What the graph does not hold is said so, with the closest names and example questions;
nothing is made up. With KG_LLM_URL set, an LLM may add a rephrased summary of those lines (kg.llm).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field

from .backends import Entity, LocalBackend
from .intents import Catalogue, Mention, Reading, recognise

LINK_THRESHOLD = 85


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
    query: str | None = None                            # the main pack query
    queries: list[dict] = field(default_factory=list)    # every query run: {"name", "params", "rows"}
    backend: str | None = None
    message: str | None = None                          # a sentence before the lines (or instead of them)
    notes: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    summary: str | None = None                          # the LLM's rephrasing, when KG_LLM_URL is set

    @property
    def found(self) -> bool:
        return bool(self.lines)

    def as_dict(self) -> dict:
        return {"question": self.question, "intent": self.intent, "backend": self.backend, "query": self.query,
                "entities": [vars(e) for e in self.entities], "message": self.message, "answers": self.lines,
                "queries": self.queries, "suggestions": self.suggestions, "examples": self.examples,
                "notes": self.notes, "summary": self.summary}


EXAMPLES = ["Who runs Xiaomi?", "What does Xiaomi make?", "Who are Xiaomi's competitors?",
            "Who does Xiaomi partner with?", "Where is Xiaomi absent?", "What did Wang Xiang say about the US?",
            "What happened to Xiaomi?", "How are Lei Jun and Microsoft connected?",
            "Which companies are in the United States?", "What do you know about Xiaomi?"]


def examples_for(entity: Entity | None) -> list[str]:
    """Example questions, about `entity` when there is one."""
    if entity is None:
        return EXAMPLES
    n = entity.name
    if entity.is_a("Person"):
        return [f"Who is {n}?", f"What did {n} say?", f"What do you know about {n}?"]
    if entity.is_a("Market"):
        return [f"Which companies are in {n}?", f"Who said what about {n}?", f"What do you know about {n}?"]
    if entity.is_a("Product"):
        return [f"Who makes {n}?", f"What do you know about {n}?"]
    return [f"Who runs {n}?", f"What does {n} make?", f"Who are {n}'s competitors?", f"Who does {n} partner with?",
            f"Where does {n} operate?", f"What happened to {n}?", f"What do you know about {n}?"]


# ------------------------------------------------------------------------------------------------ linking

_catalogues: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def catalogue(backend) -> Catalogue:
    """The backend's entities, indexed once per backend (and per store for a Store)."""
    key = getattr(backend, "store", backend)
    try:
        found = _catalogues.get(key)
    except TypeError:
        found = None
    if found is None:
        found = Catalogue(backend.entities())
        try:
            _catalogues[key] = found
        except TypeError:
            pass
    return found


def link(entity: Entity, score: float = 100.0) -> Link:
    return Link(entity.iri, entity.name, entity.type, round(score, 1))


def link_entity(store, text: str, limit: int = 5) -> list[Link]:
    """Candidates for a name, best first: exact (normalised) matches of a name or alias score 100, then
    fuzzy ones by rapidfuzz's WRatio."""
    cat = catalogue(_backend(store))
    exact = cat.exact(text)
    if exact:
        seen: dict[str, Link] = {}
        for entity, _name in exact:
            seen.setdefault(entity.iri, link(entity))
        return list(seen.values())[:limit]
    return [link(entity, score) for entity, score in cat.near(text, limit)]


def _backend(source):
    return source if hasattr(source, "run") and hasattr(source, "entities") else LocalBackend(source)


# ------------------------------------------------------------------------------------------------ asking


def ask(store, question: str) -> Answer:
    """Answer `question` from `store`: a kg Store (the embedded graph) or a backend (kg.backends)."""
    backend = _backend(store)
    cat = catalogue(backend)
    reading = recognise(question, cat)
    answer = Answer(question, reading.intent or "unrecognised", backend=getattr(backend, "name", None))
    for mention in reading.entities:
        if mention.score < 100:
            answer.notes.append(f"took {mention.text!r} for {mention.entity.name} ({mention.entity.type})")
    for mention in reading.unknown:
        answer.notes.append(f"{mention.text!r} is not in the graph")
    if reading.unknown and not _covered(reading):
        return _not_in_graph(answer, cat, reading.unknown)
    if not reading.entities and reading.intent != "most_connected":
        return _not_in_graph(answer, cat, reading.unknown, question)
    if reading.intent is None:
        entity = reading.entities[0].entity
        answer.entities = [link(m.entity, m.score) for m in reading.entities]
        answer.message = (f"I could not tell what you want to know about {entity.name}. Questions I can answer "
                          f"about it:")
        answer.examples = examples_for(entity)
        return answer
    answer.entities = [link(m.entity, m.score) for m in reading.entities]
    Responder(backend, answer, reading).respond()
    from .llm import rephrase
    rephrase(answer)
    return answer


def _covered(reading: Reading) -> bool:
    """Whether the intent has the entities it needs, so that unknown capitalised words do not matter
    ("What did Wang Xiang say about Apple Pay?" still answers about Wang Xiang)."""
    if reading.intent is None or not reading.entities:
        return False
    needs_two = reading.intent == "connection"
    return len(reading.entities) >= (2 if needs_two else 1)


def _not_in_graph(answer: Answer, cat: Catalogue, unknown: list[Mention], question: str | None = None) -> Answer:
    answer.intent = "unknown-entity"
    names = [m.text for m in unknown] or ([_content_words(question)] if question else [])
    near: dict[str, tuple[Entity, float]] = {}
    for name in names:
        for entity, score in cat.near(name, 5):
            if entity.iri not in near or near[entity.iri][1] < score:
                near[entity.iri] = (entity, score)
    ranked = sorted(near.values(), key=lambda pair: (-pair[1], -pair[0].mentions))[:5]
    if not ranked:
        ranked = [(e, 0.0) for e in sorted(cat.entities, key=lambda e: -e.mentions)[:5]]
    answer.suggestions = [f"{entity.name} ({entity.type})" for entity, _ in ranked]
    answer.message = ("Not in the graph: I found no entity matching that question"
                      + (f" ({', '.join(repr(n) for n in names if n)})" if any(names) else "") + ".")
    answer.examples = EXAMPLES
    return answer


def _content_words(question: str) -> str:
    from .intents import STOPWORDS, tokens
    return " ".join(t.text for t in tokens(question) if t.text.lower() not in STOPWORDS)


# ------------------------------------------------------------------------------------------------ answers


def the(name: str) -> str:
    """A market's name as a sentence needs it: the United States, the Middle East, India."""
    if re.match(r"^(United|Middle|Czech|Dominican|Central African|Netherlands|Philippines|Gulf|Bahamas|Maldives)\b",
                name):
        return "the " + name
    return name


_FACT = {   # relation -> (subject-side sentence, object-side sentence); {s} subject, {o} object, {role}
    "PRODUCES": "{s} makes {o}",
    "COMPETES_WITH": "{s} competes with {o}",
    "PARTNERS_WITH": "{s} partners with {o}",
    "SUBSIDIARY_OF": "{s} is a subsidiary of {o}",
    "EXECUTIVE_OF": "{s} is {o}'s {role}",
    "WORKS_FOR": "{s} works for {o}",
    "OPERATES_IN": "{s} operates in {o}",
    "ABSENT_FROM": "{s} is absent from {o}",
    "TARGETS_MARKET": "{s} plans to enter {o}",
    "AVAILABLE_IN": "{s} is available in {o}",
}
_MARKET_STATUS = {"present": "{c} operates in {m}", "absent": "{c} is absent from {m}",
                  "targeted": "{c} plans to enter {m}", "market entry": "{c} is entering {m} (a market entry)",
                  "store opening": "{c} opened a store in {m}"}
_STATUS_WORDS = {
    "absent": r"\b(absent|absence|missing|not\s+(present|in|available|sold|selling|there)|isn't|doesn't|lack\w*|"
              r"yet\s+to|outside)\b",
    "targeted": r"\b(enter\w*|entry|expan\w*|target\w*|plans?|planning|aims?|wants?|coming|move\s+into|"
                r"break\s+into|going\s+to|will)\b",
    "present": r"\b(operat\w*|present|presence|active|available|sells?|selling|footprint|stores?|shops?|where\s+is|"
               r"where\s+does)\b",
}


SYMMETRIC = {"COMPETES_WITH", "PARTNERS_WITH"}


def row_sentence(row: dict) -> str:
    """An entity_facts row as a sentence; a symmetric relation is told from the entity's side."""
    if row["direction"] == "out" or row["relation"] in SYMMETRIC:
        return fact_sentence(row["relation"], row["entity"], row["other"], row["role"])
    return fact_sentence(row["relation"], row["other"], row["entity"], row["role"])


def fact_sentence(relation: str, subject: str, obj: str, role: str | None = None) -> str:
    template = _FACT.get(relation, "{s} " + relation.lower().replace("_", " ") + " {o}")
    if relation == "EXECUTIVE_OF" and not role:
        template = "{s} is an executive of {o}"
    return template.format(s=subject, o=the(obj), role=role or "")


def line(text: str, document: str | None = None, evidence: str | None = None) -> dict:
    return {"text": text, "evidence": evidence or "", "document": document or ""}


def number(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, (int, float)) else str(value)


def roles_text(roles: list[str]) -> str:
    return " and ".join(roles)


class Responder:
    """Runs the pack queries an intent needs and turns their rows into lines."""

    def __init__(self, backend, answer: Answer, reading: Reading):
        self.backend, self.answer, self.reading = backend, answer, reading
        self.question = reading.skeleton

    def run(self, query: str, **params) -> list[dict]:
        rows = self.backend.run(query, **params)
        self.answer.queries.append({"name": query, "params": params, "rows": rows})
        if self.answer.query is None:
            self.answer.query = query
        return rows

    def entity(self, kind: str | None = None, index: int = 0) -> Entity:
        mentions = [m.entity for m in self.reading.entities if kind is None or m.entity.is_a(kind)]
        return mentions[index] if index < len(mentions) else None

    def respond(self) -> None:
        getattr(self, "answer_" + self.reading.intent)()
        if not self.answer.lines and not self.answer.message:
            self.answer.message = "The graph has nothing on that."
        if not self.answer.lines:
            self.answer.examples = examples_for(self.reading.entities[0].entity if self.reading.entities else None)

    def add(self, text: str, document=None, evidence=None) -> None:
        self.answer.lines.append(line(text, document, evidence))

    def narrow(self, rows: list[dict], pair: list[dict] | None, no_pair: str, listing: str, empty: str) -> list[dict]:
        """The rows about the pair asked for ("Do X and Y compete?"), or, when the graph has none, every row
        with a message saying so; `pair` is None when the question names one entity only."""
        if pair is None:
            if not rows:
                self.answer.message = empty
            return rows
        if not pair:
            self.answer.message = no_pair + (f"; {listing}:" if rows else ".")
        return pair or rows

    # -------------------------------------------------------------------------------- companies

    def answer_executives(self) -> None:
        company = self.entity("Company")
        rows = self.run("company_executives", name=company.name)
        wanted = None
        for pattern, role in ((r"\b(ceo|chief executive)", r"\bceo\b|chief executive"),
                              (r"\bfound(er|ers|ed)\b|\bstarted\b|\bcreated\b", r"found"),
                              (r"\bchair(man|woman)?\b", r"chair"), (r"\bpresident\b", r"president"),
                              (r"\bvps?\b|vice president", r"\bvp\b|vice president")):
            if re.search(pattern, self.question):
                wanted = role
                break
        leading = re.search(r"\b(leads?|runs?|heads?|boss|leader|leadership|in charge|helm|behind|manages?)\b",
                            self.question)
        if leading and not wanted:
            wanted = r"\bceo\b|chief executive|found|chair|president|\bhead\b|boss"
        chosen = rows
        if wanted:
            chosen = [r for r in rows if any(re.search(wanted, role, re.IGNORECASE) for role in r["roles"])]
            if not chosen and rows:
                what = "CEO" if "ceo" in wanted else "leader"
                self.answer.message = f"The graph names no {what} of {company.name}; the executives it knows:"
                chosen = rows
        if not rows:
            self.answer.message = f"The graph names no executive of {company.name}."
        for row in chosen:
            self.add(fact_sentence("EXECUTIVE_OF", row["person"], row["company"], roles_text(row["roles"])) + ".",
                     _first(row["documents"]), row["evidence"])

    def answer_products(self) -> None:
        company = self.entity("Company")
        rows = self.run("company_products", name=company.name)
        if not rows:
            self.answer.message = f"The graph records no product of {company.name}."
        for row in rows:
            self.add(f"{row['company']} makes {row['product']}.", _first(row["documents"]), row["evidence"])

    def answer_makers(self) -> None:
        product = self.entity("Product")
        rows = [r for r in self.run("entity_facts", name=product.name)
                if r["relation"] == "PRODUCES" and r["direction"] == "in"]
        if not rows:
            self.answer.message = f"The graph does not say who makes {product.name}."
        for row in _first_per(rows, "other"):
            self.add(f"{row['entity']} is made by {row['other']}.", row["document"], row["evidence"])

    def answer_competitors(self) -> None:
        company, other = self.entity("Company"), self.entity("Company", 1)
        rows = self.run("company_competitors", name=company.name)
        pair = [r for r in rows if r["competitor"] == other.name] if other is not None else None
        if pair:
            self.answer.message = f"Yes: the graph says {company.name} competes with {other.name}."
        rows = self.narrow(rows, pair, f"The graph does not say that {company.name} competes with {other.name}"
                           if other is not None else "", "the competitors it names",
                           f"The graph names no competitor of {company.name}.")
        for row in rows:
            self.add(f"{row['company']} competes with {row['competitor']}.", _first(row["documents"]), row["evidence"])

    def answer_partners(self) -> None:
        company, other = self.entity("Company"), self.entity("Company", 1)
        rows = self.run("company_partners", name=company.name)
        pair = [r for r in rows if r["partner"] == other.name] if other is not None else None
        rows = self.narrow(rows, pair, f"The graph records no partnership between {company.name} and {other.name}"
                           if other is not None else "", "the partners it names",
                           f"The graph names no partner of {company.name}.")
        for row in rows:
            text = f"{row['company']} partners with {row['partner']}"
            if "agreement" in row["sources"]:
                text = f"{row['company']} and {row['partner']} signed an agreement"
                if row["scope"]:
                    areas = row["scope"]
                    text += " covering " + (", ".join(areas[:-1]) + " and " + areas[-1] if len(areas) > 1 else areas[0])
                if row.get("date"):
                    text += f" ({row['date']})"
            self.add(text + ".", _first(row["documents"]), row["evidence"])

    def _statuses(self) -> set[str] | None:
        wanted = {status for status, pattern in _STATUS_WORDS.items() if re.search(pattern, self.question)}
        if "absent" in wanted:
            return {"absent"}
        if not wanted or wanted == {"present", "targeted"}:
            return None
        out = set()
        if "targeted" in wanted:
            out |= {"targeted", "market entry"}
        if "present" in wanted:
            out |= {"present", "store opening"}
        return out

    def answer_markets(self) -> None:
        company, market = self.entity("Company"), self.entity("Market")
        rows = self.run("company_markets", name=company.name)
        statuses = self._statuses()
        if market is not None:
            rows = [r for r in rows if r["market"] == market.name]
            if not rows:
                self.answer.message = f"The graph says nothing of {company.name} in {the(market.name)}."
            else:
                found = sorted({r["status"] for r in rows})
                self.answer.message = f"{company.name} and {the(market.name)}: " + ", ".join(found) + "."
            statuses = None
        if statuses is not None:
            kept = [r for r in rows if r["status"] in statuses]
            if not kept:
                what = {"absent": "absent from", "targeted": "planning to enter", "present": "operating in"}
                key = "absent" if "absent" in statuses else "targeted" if "targeted" in statuses else "present"
                self.answer.message = f"The graph names no market {company.name} is {what[key]}."
            rows = kept
        elif not rows and market is None:
            self.answer.message = f"The graph names no market of {company.name}."
        for row in rows:
            template = _MARKET_STATUS.get(row["status"], "{c}: " + row["status"] + " in {m}")
            self.add(template.format(c=row["company"], m=the(row["market"])) + ".", _first(row["documents"]),
                     row["evidence"])

    def answer_timeline(self) -> None:
        company = self.entity("Company")
        rows = self.run("company_timeline", name=company.name)
        if not rows:
            self.answer.message = f"The graph records no event of {company.name}."
        for row in rows:
            parties = ", ".join([row["company"], *[the(x) for x in row["involving"]]])
            details = []
            if row.get("metric") or row.get("amount") is not None:
                money = " ".join(x for x in (number(row["amount"]) if row.get("amount") is not None else "",
                                              row.get("currency") or "") if x)
                details.append(" ".join(x for x in (row.get("metric") or "", money) if x))
            if row.get("period"):
                details.append(f"for {row['period']}")
            if row.get("direction"):
                details.append(row["direction"])
            if row.get("scope"):
                details.append("scope: " + ", ".join(row["scope"]))
            when = row["date"] or "undated"
            text = f"{when}: {row['event']}, {parties}" + (f" ({'; '.join(details)})" if details else "") + "."
            self.add(text, row["document"], row["evidence"])

    # -------------------------------------------------------------------------------- people and claims

    def answer_person(self) -> None:
        person = self.entity("Person")
        facts = self.run("entity_facts", name=person.name)
        for row in _first_per(facts, "relation", "direction", "other"):
            self.add(row_sentence(row) + ".", row["document"], row["evidence"])
        claims = self.run("claims_by", name=person.name)
        for row in claims[:3]:
            self.add(_said(row["speaker"], row), row["document"], row["evidence"])
        if len(claims) > 3:
            self.answer.notes.append(f"{len(claims) - 3} more claims by {person.name}: ask \"What did "
                                     f"{person.name} say?\"")
        if not facts and not claims:
            self.answer.message = f"{person.name} is in the graph, but no fact or claim about them is recorded."

    def answer_said(self) -> None:
        speaker = self.reading.entities[0].entity
        topic = self.reading.entities[1].entity if len(self.reading.entities) > 1 else None
        rows = self.run("claims_by", name=speaker.name)
        about = [r for r in rows if topic.name in r["about"]] if topic is not None else None
        rows = self.narrow(rows, about, f"The graph has no claim by {speaker.name} about {the(topic.name)}"
                           if topic is not None else "", "what it has from them",
                           f"The graph has no claim by {speaker.name}.")
        for row in rows:
            self.add(_said(row["speaker"], row), row["document"], row["evidence"])

    def answer_said_about(self) -> None:
        target = self.reading.entities[-1].entity
        if target.is_a("Market") and not target.is_a("Company"):
            rows = self.run("market_claims", name=target.name)
            for row in rows:
                who = row["speaker"] or "Someone"
                if row["speaker_of"]:
                    who += f" ({', '.join(row['speaker_of'])})"
                self.add(_said(who, row), row["document"], row["evidence"])
        else:
            rows = self.run("claims_about", name=target.name)
            for row in rows:
                self.add(_said(row["speaker"] or "Someone", row), row["document"], row["evidence"])
        if not rows:
            self.answer.message = f"The graph has no claim about {the(target.name)}."

    # -------------------------------------------------------------------------------- markets, links, lists

    def answer_market_companies(self) -> None:
        market = self.entity("Market")
        relations = {"present": "OPERATES_IN", "absent": "ABSENT_FROM", "targeted": "TARGETS_MARKET"}
        statuses = self._statuses()
        wanted = {relations[s] for s in (statuses or relations) if s in relations}
        rows = [r for r in self.run("entity_facts", name=market.name)
                if r["direction"] == "in" and r["relation"] in wanted and "Company" in r["other_labels"]]
        if not rows:
            self.answer.message = f"The graph names no company {'absent from' if wanted == {'ABSENT_FROM'} else 'in'} {the(market.name)}."
        for row in _first_per(rows, "other", "relation"):
            self.add(fact_sentence(row["relation"], row["other"], row["entity"]) + ".", row["document"],
                     row["evidence"])

    def answer_connection(self) -> None:
        a, b = self.reading.entities[0].entity, self.reading.entities[1].entity
        rows = self.run("connection", **{"from": a.name, "to": b.name})
        if not rows:
            self.answer.message = (f"The graph has no chain of facts, claims or events between {a.name} and "
                                   f"{b.name} (within 8 hops).")
            return
        row = rows[0]
        path, relations, documents = row["path"], row["relationships"], row["documents"]
        chain = path[0] + "".join(f" —{r.lower().replace('_', ' ')}— {n}" for r, n in zip(relations, path[1:]))
        self.answer.message = f"{row['source']} and {row['target']} are {row['hops']} hop{'s' if row['hops'] != 1 else ''} apart: {chain}."
        self.answer.lines += HopExplainer(self).explain(path, relations, documents)

    def answer_documents(self) -> None:
        entity = self.reading.entities[0].entity
        rows = self.run("entity_documents", name=entity.name)
        for row in rows:
            when = f" ({row['published']})" if row["published"] else ""
            self.add(f"{row['entity']} is mentioned in {row['document']}{when}.", row["document"], row["title"])

    def answer_most_connected(self) -> None:
        rows = self.run("most_connected", limit=10)
        self.answer.message = ("The most connected companies (links: the facts, claims and events that name them):"
                               if rows else "The graph links no company to anything yet.")
        for row in rows:
            self.add(f"{row['company']}: {_count(row['degree'], 'link')} to {_count(row['neighbours'], 'neighbour')}, "
                     f"in {_count(row['documents'], 'document')}.")

    def answer_profile(self) -> None:
        entity = self.reading.entities[0].entity
        facts = self.run("entity_facts", name=entity.name)
        for row in facts:
            self.add(row_sentence(row) + ".", row["document"], row["evidence"])
        if entity.is_a("Person", "Company"):
            for row in self.run("claims_by", name=entity.name):
                self.add(_said(row["speaker"], row), row["document"], row["evidence"])
        if entity.is_a("Market"):
            about = self.run("market_claims", name=entity.name)
        else:
            about = self.run("claims_about", name=entity.name)
        for row in about:
            if row["speaker"] != entity.name:
                self.add(_said(row["speaker"] or "Someone", row), row["document"], row["evidence"])
        if entity.is_a("Company"):
            self.answer.query = "entity_facts"
            self.answer_timeline()
            self.answer.message = None
        seen, unique = set(), []
        for item in self.answer.lines:
            key = (item["text"], item["document"])
            if key not in seen:
                seen.add(key)
                unique.append(item)
        self.answer.lines = unique
        if not unique:
            self.answer.message = f"{entity.name} is in the graph, but no fact, claim or event about it is recorded."


class HopExplainer:
    """The sentence behind each hop of a connection, found with the same pack queries (either backend)."""

    EVENT_ROLES = {"COMPANY", "PRODUCT", "MARKET", "PARTY"}

    def __init__(self, responder: Responder):
        self.responder = responder
        self.facts: dict[str, list[dict]] = {}
        self.claims: dict[str, list[dict]] = {}
        self.timelines: dict[str, list[dict]] = {}

    def _facts(self, name: str) -> list[dict]:
        if name not in self.facts:
            self.facts[name] = self.responder.run("entity_facts", name=name)
        return self.facts[name]

    def explain(self, path: list[str], relations: list[str], documents: list[str]) -> list[dict]:
        out, i = [], 0
        while i < len(relations):
            left, relation, right, document = path[i], relations[i], path[i + 1], documents[i]
            if relation in _FACT:
                out.append(self.fact(left, relation, right, document))
                i += 1
            elif i + 1 < len(relations) and relation in ("SPEAKER", "ABOUT") and relations[i + 1] in ("SPEAKER", "ABOUT"):
                speaker, about = (left, path[i + 2]) if relation == "SPEAKER" else (path[i + 2], left)
                out.append(self.claim(speaker, about, relation == relations[i + 1], documents[i]))
                i += 2
            elif i + 1 < len(relations) and relation in self.EVENT_ROLES:
                out.append(self.event(left, right, path[i + 2], documents[i]))
                i += 2
            else:
                out.append(line(f"{left} —{relation.lower().replace('_', ' ')}— {right}.", document))
                i += 1
        return out

    def fact(self, left: str, relation: str, right: str, document: str) -> dict:
        for row in self._facts(left):
            if row["relation"] == relation and row["other"] == right and row["document"] == document:
                return line(row_sentence(row) + ".", document, row["evidence"])
        return line(fact_sentence(relation, left, right) + ".", document)

    def claim(self, speaker: str, about: str, both_about: bool, document: str) -> dict:
        if speaker not in self.claims:
            self.claims[speaker] = self.responder.run("claims_by", name=speaker)
        for row in self.claims[speaker]:
            if about in row["about"] and row["document"] == document:
                return line(_said(speaker, row) + f" (about {the(about)})", document, row["evidence"])
        return line(f"{speaker} said something about {the(about)}.", document)

    def event(self, left: str, kind: str, right: str, document: str) -> dict:
        for company in (left, right):
            if company not in self.timelines:
                try:
                    self.timelines[company] = self.responder.run("company_timeline", name=company)
                except Exception:  # noqa: BLE001 - a name that is not a company has no timeline
                    self.timelines[company] = []
            other = right if company == left else left
            for row in self.timelines[company]:
                if row["event"] == kind and row["document"] == document and other in row["involving"]:
                    return line(f"{kind}: {left} and {right}.", document, row["evidence"])
        return line(f"{kind}: {left} and {right}.", document)


def _said(who: str, row: dict) -> str:
    when = f" ({row['date']})" if row.get("date") else ""
    return f"{who} said{when}: \u201c{row['claim']}\u201d"


def _count(n, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _first(documents) -> str | None:
    return documents[0] if documents else None


def _first_per(rows: list[dict], *keys: str) -> list[dict]:
    seen, out = set(), []
    for row in rows:
        key = tuple(row[k] for k in keys)
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out
