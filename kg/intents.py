"""What a question asks, and about which entities: rules over the words, no model.

A question is read in three steps:

1. `tokens`: words as written (case kept: "US" the market is not "us" the pronoun), possessives split off.
2. `spot`: the longest runs of words that name an entity of the graph, by name or alias after
   normalisation (case, punctuation, a leading "the" do not matter), then by a typo (one edit, "Xioami")
   or a close fuzzy match for the words left over.
3. `recognise`: the question's words with each entity replaced by a placeholder of its type
   ("who runs <company>") matched against the intent patterns below, most specific first.

Nothing here queries a store: the entities come from a backend's catalogue (kg.backends.Entity).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from .backends import Entity
from .resolution import normalize, strip_legal_suffixes

MAX_WORDS = 6                # the longest name looked for
FUZZY_CUTOFF = 88            # rapidfuzz ratio for a name written differently
NEAR_CUTOFF = 60             # what still counts as a "closest entity" when nothing matched

# Words a question is made of, never a name on their own (a name may contain them: "Consumer Preferences").
QUESTION_WORDS = frozenset("""
a about above after again against all also am an and any are as ask at be been before being between both but by
can could did do does doing done during each else ever few for from further had has have having he her here hers
him his how i if in into is it its itself just know last latest let like made make makes making many me more
most much my new news no nor not now of off on once only or other our out over own please same say said says
she should so some such tell than that the their them then there these they this those through to too under
until up us very was we were what when where which while who whom whose why will with would you your yours
""".split())
DOMAIN_WORDS = frozenset("""
ceo ceos chief executive executives boss bosses head heads leader leaders leadership lead leads led run runs
running manage manages management founder founders founded president chairman chair vp officer officers people
person team staff works work working worker employer employee employs company companies firm firms business
businesses brand brands maker makers product products phone phones smartphone smartphones device devices lineup
produce produces sell sells selling sold build builds manufacture manufactures offer offers market markets
country countries region regions operate operates operating present presence active available absent absence
missing enter enters entering entry expand expands expansion target targets targeting plan plans planning
aim aims want wants competitor competitors compete competes competing competition rival rivals rivalry versus vs
partner partners partnership partnerships partnered alliance deal deals agreement agreements collaborate
collaboration signed scope area areas covered cover covers claim claims claimed statement statements quote
quotes comment comments think thinks opinion opinions view views happen happened happening timeline history
event events announce announced announcement launch launched launches recent recently connect connected
connection connections link links linked relate related relation relationship path chain article articles
document documents source sources story stories mention mentions mentioned profile overview summary summarise
summarize describe information info central important connected biggest key top graph
""".split())
STOPWORDS = QUESTION_WORDS | DOMAIN_WORDS
# Short words that are also acronyms of entities: "us" is the pronoun unless written "US" or "the us".
PRONOUN_LIKE = frozenset("us it at as in on an or so do go me we he be by to of up no is am".split())

_TOKEN = re.compile(r"[\w][\w&.'’\-]*[\w&]|[\w&]")


@dataclass
class Token:
    text: str                 # as written, without trailing punctuation or possessive
    possessive: bool = False


def tokens(question: str) -> list[Token]:
    out = []
    for match in _TOKEN.finditer(question.replace("’", "'")):
        word = match.group()
        possessive = False
        if re.search(r"'s$", word, re.IGNORECASE) and len(word) > 2:
            word, possessive = word[:-2], True
        elif word.endswith("'"):
            word = word[:-1]
        word = word.strip(".'-") if not re.fullmatch(r"(?:[A-Za-z]\.){2,}", word) else word
        if word:
            out.append(Token(word, possessive))
    return out


@dataclass
class Mention:
    """Words of the question that name an entity (or, with `entity` None, seem to but match none)."""

    text: str
    start: int                # token span [start, end)
    end: int
    entity: Entity | None
    score: float              # 100 exact, less for a typo or a fuzzy match
    candidates: list[Entity] = field(default_factory=list)   # every entity with that name, best first


class Catalogue:
    """The entities of a graph, indexed by normalised name and alias."""

    def __init__(self, entities: Iterable[Entity]):
        self.entities = list(entities)
        self.by_key: dict[str, list[tuple[Entity, str]]] = {}
        for entity in self.entities:
            for name in (entity.name, *entity.aliases):
                key = normalize(name)
                if key:
                    self.by_key.setdefault(key, []).append((entity, name))
        for entries in self.by_key.values():
            entries.sort(key=lambda pair: (pair[1] != pair[0].name, -pair[0].mentions, pair[0].name))
        self.keys = list(self.by_key)
        self.max_words = max((len(k.split()) for k in self.keys), default=1)

    def exact(self, text: str) -> list[tuple[Entity, str]]:
        return self.by_key.get(normalize(text), [])

    def fuzzy(self, text: str) -> tuple[list[tuple[Entity, str]], float] | None:
        """Entities whose name is `text` misspelt: one edit for a single word (a transposition counts as
        one), or a close fuzzy match for longer names."""
        key = normalize(text)
        if len(key) < 4:
            return None
        best, best_score = None, 0.0
        for candidate in self.keys:
            if abs(len(candidate) - len(key)) > 3 or candidate[0] != key[0]:
                continue
            limit = 1 if max(len(candidate), len(key)) < 10 else 2
            if len(key) >= 5 and DamerauLevenshtein.distance(candidate, key) <= limit:
                score = 95.0 - 5 * DamerauLevenshtein.distance(candidate, key)
            else:
                score = fuzz.ratio(candidate, key)
            if score > best_score:
                best, best_score = candidate, score
        if best is None or best_score < FUZZY_CUTOFF:
            return None
        return self.by_key[best], best_score

    def near(self, text: str, limit: int = 5) -> list[tuple[Entity, float]]:
        """The closest entities to a name that matched none, for "did you mean"."""
        key = normalize(text)
        if not key:
            return []
        found = process.extract(key, self.keys, scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=NEAR_CUTOFF)
        out: dict[str, tuple[Entity, float]] = {}
        for candidate, score, _ in found:
            for entity, _name in self.by_key[candidate]:
                if entity.iri not in out:
                    out[entity.iri] = (entity, round(score, 1))
        return sorted(out.values(), key=lambda pair: (-pair[1], -pair[0].mentions))[:limit]


def _is_stop(words: list[Token]) -> bool:
    return all(w.text.lower() in STOPWORDS or w.text.isdigit() for w in words)


def spot(question: str, catalogue: Catalogue) -> tuple[list[Token], list[Mention]]:
    """The entity mentions of a question, longest first, left to right; leftover capitalised words that
    look like a name but match no entity come back as mentions with `entity` None."""
    words = tokens(question)
    taken = [False] * len(words)
    mentions: list[Mention] = []
    longest = min(MAX_WORDS, max(catalogue.max_words, 1) + 1)   # + 1: a leading "the"
    for size in range(longest, 0, -1):
        for start in range(0, len(words) - size + 1):
            span = words[start:start + size]
            if any(taken[start:start + size]) or not _may_name(words, start, size):
                continue
            text = " ".join(w.text for w in span)
            found = catalogue.exact(text) or (size > 1 and catalogue.exact(strip_legal_suffixes(text)))
            if found:
                _take(mentions, taken, text, start, start + size, found, 100.0)
    # typos and near spellings among the words left, never over question words
    for size in (3, 2, 1):
        for start in range(0, len(words) - size + 1):
            span = words[start:start + size]
            if any(taken[start:start + size]) or any(w.text.lower() in STOPWORDS for w in span):
                continue
            text = " ".join(w.text for w in span)
            result = catalogue.fuzzy(text)
            if result:
                found, score = result
                _take(mentions, taken, text, start, start + size, found, score)
    # names the graph does not have: runs of capitalised words (the question's first word only with another)
    start = 0
    while start < len(words):
        if taken[start] or not _looks_like_name(words, start):
            start += 1
            continue
        end = start
        while end < len(words) and not taken[end] and _looks_like_name(words, end, inside=end > start):
            end += 1
        text = " ".join(w.text for w in words[start:end])
        mentions.append(Mention(text, start, end, None, 0.0))
        start = end
    mentions.sort(key=lambda m: m.start)
    return words, _merge_unknown(words, mentions)


def _merge_unknown(words: list[Token], mentions: list[Mention]) -> list[Mention]:
    """A known name run together with unknown capitalised words is another name: "Xiaomi Financial Group"
    is not Xiaomi. Such runs become one unknown mention."""
    out: list[Mention] = []
    for mention in mentions:
        last = out[-1] if out else None
        if (last is not None and last.end == mention.start and (last.entity is None) != (mention.entity is None)
                and not words[last.end - 1].possessive):
            merged = " ".join(w.text for w in words[last.start:mention.end])
            out[-1] = Mention(merged, last.start, mention.end, None, 0.0)
        else:
            out.append(mention)
    return out


def _take(mentions, taken, text, start, end, found, score) -> None:
    entities = []
    for entity, _name in found:
        if entity not in entities:
            entities.append(entity)
    mentions.append(Mention(text, start, end, entities[0], score, entities))
    for i in range(start, end):
        taken[i] = True


def _may_name(words: list[Token], start: int, size: int) -> bool:
    """Whether these words may be a name: not question words alone. A word of the question's vocabulary
    names something only when written as a name: "US" or "the us" (not "us"), "Target" inside a sentence
    (not "target")."""
    core = words[start:start + size]
    after_the = start > 0 and words[start - 1].text.lower() == "the"
    if core[0].text.lower() == "the" and size > 1:
        core, after_the = core[1:], True
    if not _is_stop(core):
        return core[0].text.lower() != "the"
    if len(core) != 1:
        return False
    word = core[0].text
    lower = word.lower()
    if len(word) > 1 and word.isupper():
        return True
    if lower in PRONOUN_LIKE:
        return after_the
    return lower in DOMAIN_WORDS and word[:1].isupper() and start > 0


def _looks_like_name(words: list[Token], i: int, inside: bool = False) -> bool:
    word = words[i].text
    if word.lower() in STOPWORDS and not (inside and word[:1].isupper() and word.lower() not in QUESTION_WORDS):
        return False
    if i == 0 and not inside:
        return word[:1].isupper() and (len(words) == 1 or words[1].text[:1].isupper() or words[i].possessive)
    return word[:1].isupper() or any(c.isdigit() for c in word)


# ------------------------------------------------------------------------------------------------ intents


@dataclass(frozen=True)
class Rule:
    intent: str
    pattern: re.Pattern
    needs: tuple[str, ...] = ()          # the placeholder types the pattern's entities must have, in order


def _rule(intent: str, pattern: str, *needs: str) -> Rule:
    return Rule(intent, re.compile(pattern), needs)


# Placeholders: <company>, <person>, <market>, <product>; <any> matches each of them.
# The first rule that matches wins: specific phrasings before general ones.
C, P, M, X, ANY = r"<company>", r"<person>", r"<market>", r"<product>", r"<(?:company|person|market|product)>"
RULES: tuple[Rule, ...] = (
    # how are X and Y connected
    _rule("connection", rf"\b(connect|connected|connection|connections|link|links|linked|relat\w*|path|chain|"
                        rf"tie|ties|tied)\b.*{ANY}.*{ANY}|{ANY}.*\b(connect\w*|link\w*|relat\w*|tied)\b.*{ANY}|"
                        rf"{ANY}.*{ANY}.*\b(connect\w*|link\w*|relat\w*|tied)\b"),
    _rule("connection", rf"\b(between)\s+{ANY}\s+and\s+{ANY}"),
    # what did P say (about Y); who said what about Y
    _rule("said", rf"\bwhat\s+(did|does|has|have|do)\s+{ANY}\s+(say|said|think|claim|claimed|tell|told|"
                  rf"state|stated|comment|commented|mean|argue|argued|predict|predicted)\b"),
    _rule("said", rf"\b(quotes?|statements?|claims?|comments?|remarks?)\s+(by|from|of)\s+{ANY}"),
    _rule("said", rf"{ANY}\s*'s\s+(quotes?|statements?|claims?|comments?|remarks?|words)\b"),
    _rule("said", rf"\b(did|has|have)\s+{ANY}\s+(say|said|comment|commented|talk|talked|speak|spoke)\b"),
    _rule("said_about", rf"\b(who|what|anyone|anybody|people|analysts|experts|others)\b.*\b(say|said|says|"
                        rf"claim|claims|claimed|think|thinks|comment|commented|predict|predicted|quote|quoted)\b"
                        rf".*\b(about|on|of|regarding)\s+{ANY}"),
    _rule("said_about", rf"\b(claims?|quotes?|statements?|opinions?|views?|comments?)\s+(about|on|regarding|"
                        rf"concerning)\s+{ANY}"),
    _rule("said_about", rf"\bwhat\s+(is|was|has been|have been)\s+(said|claimed|written)\s+(about|on)\s+{ANY}"),
    # who leads X
    _rule("executives", rf"\b(ceo|ceos|chief executive|chief executives|boss|bosses|chairman|chairwoman|chair|"
                        rf"president|founder|founders|co-founder|leader|leaders|leadership|executives?|"
                        rf"management|managers?|vps?|vice president|officers?|head of|heads of|top brass|"
                        rf"directors?)\b.*{C}|{C}.*\b(ceo|ceos|chief executive|boss|chairman|president|founders?|"
                        rf"leaders?|leadership|executives?|management|managers?|vps?|officers?|head|heads|"
                        rf"directors?|team)\b", C),
    _rule("executives", rf"\bwho\s+(leads|led|runs|ran|heads|headed|manages|managed|founded|started|created|is in "
                        rf"charge of|is behind|works at|works for|is at the helm of|is at)\s+{C}", C),
    _rule("executives", rf"\bwho\s+(is|are)\s+(in charge|at the helm|behind)\b.*{C}", C),
    _rule("executives", rf"\bwho\s+(is|are)\s+(the\s+)?(people|person|team)\s+(at|behind|running)\s+{C}", C),
    # who is P (a person)
    _rule("person", rf"\b(who|what)\s+(is|was|'s)\s+{P}", P),
    _rule("person", rf"\b(what\s+(does|did)\s+{P}\s+do|{P}\s*'s\s+(role|title|job|position|employer)|"
                    rf"(role|title|job|position|employer)\s+of\s+{P}|where\s+does\s+{P}\s+work|"
                    rf"who\s+does\s+{P}\s+work\s+for)", P),
    # who makes product X
    _rule("makers", rf"\b(who|which\s+compan(y|ies)|what\s+compan(y|ies)|which\s+brand|what\s+brand|which\s+firm)\s+"
                    rf"(makes?|made|produces?|produced|sells?|sold|builds?|built|manufactures?|manufactured|"
                    rf"launched|launches|offers?|is behind)\s+(the\s+)?{X}", X),
    _rule("makers", rf"\b(maker|makers|manufacturer|producer|seller)\s+of\s+(the\s+)?{X}|{X}\s*(is|was|are)\s+"
                    rf"(made|produced|sold|built|manufactured|launched)\s+by", X),
    # is X in market M, does X sell in M
    _rule("markets", rf"{C}.*\b(in|into|from|to|of)\s+(the\s+)?{M}|\b(is|are|does|did|has|have)\s+{C}\b.*{M}", C, M),
    # what does X make
    _rule("products", rf"\bwhat\s+(does|did|do)\s+{C}\s+(make|makes|produce|sell|build|manufacture|offer|"
                      rf"launch|ship|release)\b", C),
    _rule("products", rf"\b(products?|phones?|smartphones?|devices?|lineup|line-up|portfolio|models?|"
                      rf"handsets?|gadgets?)\b.*{C}|{C}.*\b(products?|phones?|smartphones?|devices?|lineup|"
                      rf"portfolio|models?|handsets?|gadgets?|makes?|sells?|produces?)\b", C),
    # competitors
    _rule("competitors", rf"\b(compet\w*|rivals?|rivalry|versus|vs|against|contend\w*|challeng\w*)\b.*{C}|"
                         rf"{C}.*\b(compet\w*|rivals?|rivalry|versus|vs|against|challeng\w*)\b", C),
    # partners and the deal's scope
    _rule("partners", rf"\b(partner\w*|alliance|allies|ally|deals?|agreements?|collaborat\w*|cooperat\w*|"
                      rf"team(s|ed)?\s+up|joint venture|memorandum|mou|signed|works?\s+with|working\s+with|"
                      rf"scope)\b.*{C}|{C}.*\b(partner\w*|alliance|allies|deals?|agreements?|collaborat\w*|"
                      rf"cooperat\w*|team(s|ed)?\s+up|memorandum|mou|signed|works?\s+with|scope|agree\w*)\b", C),
    # companies in a market
    _rule("market_companies", rf"\b(which|what|who|list)\b.*\b(compan\w*|brands?|firms?|players?|vendors?|"
                              rf"makers?|manufacturers?|who)\b.*{M}", M),
    _rule("market_companies", rf"\bwho\s+(is|are|operates?|sells?|plans?|wants?|targets?|aims?|enters?|is\s+"
                              rf"(absent|missing|present|active))\b.*{M}", M),
    _rule("market_companies", rf"\b(compan\w*|brands?|players?|firms?)\s+(in|from|absent from|targeting|entering)\s+"
                              rf"(the\s+)?{M}", M),
    # markets of a company
    _rule("markets", rf"\b(where|which\s+(markets?|countries|regions)|what\s+(markets?|countries|regions)|"
                     rf"markets?|countries|regions|presence|present|operat\w*|absent|absence|missing|enter\w*|"
                     rf"entry|expan\w*|target\w*|plans?|planning|footprint|sells?\s+in|available|"
                     rf"launch(es|ed)?\s+in|coming\s+to|move\s+into|break\s+into|stores?|shops?)\b.*{C}|"
                     rf"{C}.*\b(where|markets?|countries|regions|presence|present|operat\w*|absent|missing|"
                     rf"enter\w*|entry|expan\w*|target\w*|plans?|footprint|sell\w*\s+in|available|stores?|"
                     rf"shops?|in\s+{M})\b", C),
    _rule("markets", rf"\b(is|are|does|did)\s+{C}\b.*{M}", C),
    # what happened to X
    _rule("timeline", rf"\b(happen\w*|timeline|history|events?|news|latest|recent\w*|new|up to|been doing|"
                      rf"announc\w*|launch\w*|milestones?|results?|revenue|sales|financials?|rebrand\w*|"
                      rf"did\s+.*\s+do)\b.*{C}|{C}.*\b(happen\w*|timeline|history|events?|news|latest|recent\w*|"
                      rf"announc\w*|launch\w*|milestones?|results?|revenue|sales|up to|been doing|rebrand\w*)\b", C),
    # which documents mention X
    _rule("documents", rf"\b(articles?|documents?|stories|story|sources?|reports?|papers?)\b.*\b(mention\w*|"
                       rf"about|on|cover\w*|cite\w*|name\w*)\b.*{ANY}|\bwhere\s+(is|are)\s+{ANY}\s+mentioned"),
    # the most connected companies
    _rule("most_connected", r"\b(most|best|highly)\s+(connected|central|linked|important|mentioned|influential)\b|"
                            r"\b(key|top|main|biggest|central|important)\s+(companies|players|firms|brands)\b|"
                            r"\bwhich\s+compan\w+\s+(matter|dominate)\b"),
    # what do you know about X
    _rule("profile", rf"\b(know|tell|describe|summar\w*|overview|profile|info\w*|details?|who|what)\b.*{ANY}|"
                     rf"^\s*{ANY}\s*$"),
)


@dataclass
class Reading:
    """A question as understood: its intent, the entities it names, and the words it was matched on."""

    intent: str | None
    entities: list[Mention]
    unknown: list[Mention]          # name-like words that match no entity
    skeleton: str                   # the question with placeholders, lower case


def placeholder(entity: Entity) -> str:
    if entity.is_a("Person"):
        return "<person>"
    return {"Company": "<company>", "Market": "<market>", "Product": "<product>"}.get(entity.type, "<company>")


def skeleton(words: list[Token], mentions: list[Mention]) -> str:
    out, i = [], 0
    by_start = {m.start: m for m in mentions if m.entity is not None}
    while i < len(words):
        mention = by_start.get(i)
        if mention:
            out.append(placeholder(mention.entity) + ("'s" if words[mention.end - 1].possessive else ""))
            i = mention.end
        else:
            out.append(words[i].text.lower() + ("'s" if words[i].possessive else ""))
            i += 1
    return " ".join(out)


def _retype(mentions: list[Mention], rule: Rule) -> list[Mention] | None:
    """The mentions, each with a candidate of the type the rule needs (an ambiguous name may be a company
    in one document and a product in another); None when the rule's needs cannot be met."""
    chosen = list(mentions)
    for need in rule.needs:
        kind = _KINDS[need]
        if any(m.entity is not None and m.entity.is_a(kind) for m in chosen):
            continue
        for index, mention in enumerate(chosen):
            other = next((e for e in mention.candidates if e.is_a(kind)), None)
            if other is not None:
                chosen[index] = Mention(mention.text, mention.start, mention.end, other, mention.score,
                                        mention.candidates)
                break
        else:
            return None
    return chosen


_KINDS = {C: "Company", P: "Person", M: "Market", X: "Product"}


def recognise(question: str, catalogue: Catalogue) -> Reading:
    words, mentions = spot(question, catalogue)
    known = [m for m in mentions if m.entity is not None]
    unknown = [m for m in mentions if m.entity is None]
    for rule in RULES:
        typed = _retype(known, rule)
        if typed is None:
            continue
        text = skeleton(words, typed)
        if rule.pattern.search(text):
            return Reading(rule.intent, typed, unknown, text)
    return Reading(None, known, unknown, skeleton(words, known))
