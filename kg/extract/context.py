"""The parsed document as the relation rules see it: paragraphs, sentences, and which entity (named,
or pointed at by "the company", "it", "he") each token stands for."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.model import Article, Evidence

from .lexicon import (COMMENTATOR_TITLES, COMPANY_NOUNS, ENTRY_NOUNS, EXECUTIVE_TITLES, FIRM_SITE_NOUNS,
                      FIRST_PERSON_PLURAL, INDUSTRY_WORDS, PRESENCE_NOUNS, PRODUCT_NOUNS, PRODUCT_ONLY_NOUNS,
                      SPEECH_VERBS, TITLE_FUNCTIONS, TITLES)
from .markets import resolve_market
from .mentions import Mention, hyphenated_noun, legal_form_after
from .nlp import Paragraph
from .places import country_of, markets_in_name
from .transcripts import Transcript, role_parts

_COMPANY_PRONOUNS = {"it", "its", "itself"}
_TIME_MARKS = {"since", "until", "till", "as", "when", "while"}
_FIRST_PERSON = frozenset({"we", "us", "our", "ours", "i", "me", "my"})
QA_MARK = re.compile(r"^\W{0,2}([QA])\W{0,2}:\W{0,2}\s", re.IGNORECASE)       # "Q: ...", "**A:** ..."
# Verbs whose object "the business" is the firm itself ("who founded the business in 2009"), not a unit of it.
_FIRM_OBJECT_VERBS = {"found", "co-found", "cofound", "start", "run", "lead"}
# Product nouns that point back at a named product ("the chip", "the drug"); not words that name a kind of
# offering too broad to stand for one product ("the service", "the system") or parts of a name ("the series").
_PRODUCT_ANAPHORS = PRODUCT_ONLY_NOUNS - {
    "platform", "service", "system", "network", "product", "products", "model", "models", "series", "range", "line",
    "lineup", "version", "edition", "engine", "site", "website", "portal", "app", "software", "treatment", "therapy",
    "bank", "battery", "flagship", "os", "game"}


# Nouns that name one kind of product: "the chip" may point back at "the Cell processor".
_PRODUCT_KIND_GROUPS = (
    {"chip", "processor", "semiconductor", "modem"}, {"phone", "smartphone", "handset", "device", "gadget"},
    {"tablet", "device", "gadget"}, {"laptop", "notebook", "computer", "pc", "device"},
    {"console", "device", "gadget"}, {"drug", "medicine", "pill", "vaccine"},
    {"car", "vehicle", "suv", "sedan", "truck", "pickup"}, {"aircraft", "plane", "jet", "airliner"},
    {"watch", "smartwatch", "device"}, {"camera", "device"}, {"scooter", "bike", "vehicle"}, {"robot", "vacuum", "device"})


def _kinds_of(noun: str) -> set[str]:
    kinds = {noun}
    for group in _PRODUCT_KIND_GROUPS:
        if noun in group:
            kinds |= group
    return kinds


def _product_kinds(doc, mention: Mention) -> set[str]:
    """What the text calls a product where it names it: "the Cell processor", "Tysabri, a drug", "the painkiller
    Vioxx", "its Zephyr phones"."""
    root = doc[mention.start:mention.end].root
    nouns = [root.head] if root.dep_ in ("compound", "nmod") else []
    nouns += [c for c in root.children if c.dep_ == "appos"]
    if mention.start > 0:
        nouns.append(doc[mention.start - 1])
    nouns += list(doc[mention.start:mention.end])      # "PlayStation 3 console" named with its kind
    return {n.lemma_.lower() for n in nouns if n.pos_ == "NOUN" and n.lemma_.lower() in _PRODUCT_ANAPHORS}


def _in_quotation(token: Token) -> bool:
    """The token is between an opening and a closing quotation mark of its sentence."""
    sentence = token.sent
    before = [t for t in sentence if t.i < token.i and t.tag_ in ("``", "''")]
    after = [t for t in sentence if t.i > token.i and t.tag_ in ("``", "''")]
    return len(before) % 2 == 1 and bool(after)


def _nationality(noun: Token) -> str | None:
    """The country a company noun's adjective names: 'the German group' -> 'DE', 'the Gothenburg-based discounter'
    -> 'SE'."""
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.text[:1].isupper():
            market = resolve_market(f"{child.text} market")
            if market is not None and market.kind == "country":
                return market.code
        if child.dep_ == "amod" and child.lower_ == "based":
            for place in child.children:
                if place.dep_ in ("npadvmod", "compound") and place.pos_ == "PROPN" \
                        and (code := country_of(place)) is not None:      # "New York-based": New York, not York
                    return code
    return None


def _home_countries(name: str, root: Token) -> set[str]:
    """Countries a company is known by: a large city or a country its name holds ("London Stock
    Exchange", "Bank of Ireland") and nationality adjectives on its mention ("German carmaker Foo")."""
    homes = {code for code in markets_in_name(name) if not code.startswith("region:")}
    homes.update(ref.code for c in root.children if c.dep_ == "poss" and c.ent_type_ == "GPE"
                 and (ref := resolve_market(c.text)) is not None and ref.kind == "country")   # "Mexico's Bravana"
    described = [root.head] if root.dep_ in ("appos", "compound") and root.head.lemma_.lower() in COMPANY_NOUNS else []
    described += [c for c in root.children if c.dep_ == "appos" and c.lemma_.lower() in COMPANY_NOUNS]
    for noun in described:
        code = _nationality(noun)
        if code:
            homes.add(code)
    return homes


# Company nouns that, alone, name the place where a trade happens more often than a firm: "the marketplace".
_PLACE_OR_FIRM_NOUNS = frozenset({"marketplace", "marketplaces"})


# Nouns any firm may be called ("the company", "the group"): they say nothing of its trade.
_ANY_FIRM = frozenset({"company", "firm", "group", "business", "concern", "corporation", "enterprise", "outfit",
                       "player", "rival", "competitor", "partner", "owner", "parent", "buyer", "seller", "target",
                       "bidder", "newcomer", "challenger", "leader", "giant", "start-up", "startup", "venture"})


# Trade nouns that name one trade: "the carrier" may be the airline, "the lender" the bank.
_SAME_TRADE = {"carrier": "airline", "lender": "bank", "automaker": "carmaker", "grocer": "supermarket"}


def _company_kinds(name: str, root: Token) -> set[str]:
    """The trades a company's mention calls it by: "budget airline Ventora", "Ventora, the Spanish airline",
    "Quillo Bank" (airline, bank), besides any firm's nouns ("the company")."""
    nouns = [root.head] if root.dep_ in ("appos", "compound") else []
    nouns += [c for c in root.children if c.dep_ in ("appos", "compound", "nmod")]
    last = name.split()[-1].lower()
    kinds = {n.lemma_.lower() for n in nouns if n.pos_ == "NOUN"} | {last, last.removesuffix("s")}   # ("Airlines")
    return {_SAME_TRADE.get(k, k) for k in kinds if k in COMPANY_NOUNS} - _ANY_FIRM


_NOT_A_FIRMS_TITLES = frozenset({"union", "minister", "official", "professor", "regulator", "mayor", "governor"})


def _audience_of_speech(token: Token) -> bool:
    """"(spoke) to Arrivio", "told Arrivio", "in an interview with Arrivio", "Arrivio met ...": who heard the
    speaker."""
    return token.dep_ == "dobj" and token.head.lemma_ == "tell" \
        or token.dep_ == "pobj" and token.head.lower_ in ("to", "with") \
        and (token.head.head.lemma_ in ("speak", "talk") or token.head.head.lemma_.lower() == "interview") \
        or token.dep_ == "nsubj" and token.head.lemma_ in ("meet", "interview", "visit", "ask")


def _kind_fits(noun: Token | None, kinds: set[str] | None) -> bool | None:
    """Whether a company known by `kinds` may be called `noun` ("the airline"); None when the noun or the company's
    known trades tell nothing."""
    if noun is None or not kinds or noun.lemma_.lower() in _ANY_FIRM or noun.lemma_.lower() not in COMPANY_NOUNS:
        return None
    return _SAME_TRADE.get(noun.lemma_.lower(), noun.lemma_.lower()) in kinds


_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
_GENDER_WORDS = {"he": "m", "him": "m", "his": "m", "mr": "m", "mr.": "m", "sir": "m", "lord": "m",
                 "she": "f", "her": "f", "hers": "f", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "dame": "f",
                 "lady": "f"}


# How much a mention (a subject thrice) in this paragraph, the one before and the one before that counts towards
# being what "the company" or "it" points at, against how often the whole text so far named the candidate: a live
# blog's entry is about its own firm, a feature's "the group" still about the firm the text follows.
_NEARNESS = (3.0, 1.0, 0.4)
_GLOBAL_WEIGHT = 0.25


def _nearness(mentions: list[tuple[int, float]], para: int) -> float:
    """A candidate's weighted mentions in this paragraph and the two before (the list runs in text order)."""
    total = 0.0
    for mentioned, weight in reversed(mentions):
        if para - mentioned >= len(_NEARNESS):
            break
        total += weight * _NEARNESS[para - mentioned]
    return total


def _said_only_of_products(subject: Token) -> bool:
    """"It will be available in Finland", "it is priced at $99", "it costs $99", "it goes on sale": what
    is said of the subject is said of goods, not of a firm (which puts things on sale or retails clothing: an
    object and no amount)."""
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = subject.head
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    amounts = [c for c in objects if any(t.like_num or t.is_currency for t in c.subtree)]
    if len(amounts) < len(objects) and not amounts:     # "it retails clothing" (but "it will cost buyers $499")
        return False
    if verb.lemma_ in ("cost", "retail") or verb.lemma_ == "price" and verb.tag_ == "VBN":
        return True
    return any(c.dep_ == "acomp" and c.lower_ == "available" for c in verb.children) \
        or any(c.dep_ == "prep" and c.lower_ == "on" and any(o.lower_ == "sale" for o in c.children)
               for c in verb.children)


_PUT_ON_SALE_VERBS = frozenset({"sell", "launch", "market", "ship", "distribute", "stock", "price"})


def _sold_in_a_market(obj: Token, named_product: Callable[[Token], bool]) -> bool:
    """"began selling it in Germany", "will launch it in Brazil next year": an "it" sold somewhere is goods (not in
    "set up a clinic, Brisco Health, and launched it in Spain", "designed a cargo bike and began selling it": the
    thing the verb before took as its object, unless that is the product named)."""
    verb = obj.head
    earlier = verb
    while earlier.dep_ in ("xcomp", "conj") and earlier.head.i < earlier.i:
        earlier = earlier.head
        if any(c.dep_ == "dobj" and not any(named_product(t) for t in c.subtree) for c in earlier.children):
            return False
    return obj.dep_ == "dobj" and verb.lemma_ in _PUT_ON_SALE_VERBS and any(
        c.dep_ == "prep" and c.lower_ in ("in", "across", "throughout") and any(
            o.ent_type_ in ("GPE", "LOC") for o in c.children) for c in verb.children)


def _descriptions(name: Token) -> list[Token]:
    """The nouns a name is described by in apposition or before it: "Tindra Labs, a start-up", "a start-up, Tindra
    Labs", "telehealth start-up Curavinta"."""
    found = [c for c in name.children if c.dep_ == "appos" or c.dep_ == "compound" and c.i < name.i
             and c.pos_ in ("NOUN", "ADP", "PART") and c.is_lower]
    if name.dep_ == "appos":
        found.append(name.head)
    return found


def _contradicts_home(noun: Token, homes: set[str] | None) -> bool:
    """A nationality on the noun ("the Swedish firm") that a company's known home countries rule out."""
    nationality = _nationality(noun) if noun.pos_ == "NOUN" else None
    return bool(nationality and homes and nationality not in homes)


_ADVISERS_ENDINGS = frozenset({"consulting", "consultants", "research", "capital", "partners", "advisory", "advisers",
                               "advisors", "securities", "analytics", "economics", "associates", "insights"})
_GOODS_HANDLING_VERBS = frozenset({"sell", "launch", "market", "offer", "price", "ship", "distribute", "make"})
_STOCKING_VERBS = frozenset({"stock", "carry", "resell"})      # what shops do to goods (makers import their own)


def _stocks_goods(verb: Token, pronoun: Token) -> bool:
    """'stocking its S3 and K9 Pro models', 'carries its phones': goods a shop stocks (not "its own brand")."""
    goods = pronoun.head
    while goods.dep_ in ("nmod", "compound", "conj") and goods.head.i > goods.i:
        goods = goods.head
    return verb.lemma_ in _STOCKING_VERBS and goods.lemma_.lower() in PRODUCT_NOUNS \
        and not any(c.lower_ == "own" for c in (*pronoun.head.children, *goods.children))


@dataclass
class DocContext:
    article: Article
    paragraphs: list[Paragraph]
    mentions: list[Mention]
    types: dict[str, str] = field(default_factory=dict)             # entity name -> type
    maker_of: dict[str, str] = field(default_factory=dict)             # product -> company named in it
    named: dict[str, str] = field(default_factory=dict)                # any form, lower case -> entity name
    transcript: Transcript = field(default_factory=Transcript)         # a call transcript's speaker lines, turns

    @property
    def products(self) -> set[str]:
        return {name for name, kind in self.types.items() if kind == "Product"}

    def countries(self) -> tuple[str, ...]:
        """ISO codes of the countries the document names, most named first: they say which "pesos" or
        "shillings" its amounts are in."""
        if self._countries is not None:
            return self._countries
        counts: dict[str, int] = {}
        for mention in self.mentions:
            if mention.type == "Market" and mention.entity and (ref := resolve_market(mention.entity)) \
                    and ref.kind == "country":
                counts[ref.code] = counts.get(ref.code, 0) + 1
        self._countries = tuple(sorted(counts, key=lambda code: -counts[code]))
        return self._countries
    _by_token: dict[tuple[int, int], Mention] = field(default_factory=dict)
    _countries: tuple[str, ...] | None = None

    @property
    def answers(self) -> set[int]:
        """The paragraphs of an interview's answers: from each "A:" line to the next "Q:" line (an
        interview is two or more of each)."""
        return self._interview["A"]

    @property
    def questions(self) -> set[int]:
        """The paragraphs of an interview's questions ("Q:" lines)."""
        return self._interview["Q"]

    @functools.cached_property
    def _interview(self) -> dict[str, set[int]]:
        marks = [QA_MARK.match(paragraph.text) for paragraph in self.paragraphs]
        kinds = [m.group(1).upper() if m else None for m in marks]
        found: dict[str, set[int]] = {"Q": set(), "A": set()}
        if kinds.count("Q") < 2 or kinds.count("A") < 2:
            kinds = self._questions_as_headings()
            if kinds.count("Q") < 2:
                return found
        last = max(p for p, kind in enumerate(kinds) if kind)
        current = None
        for p, kind in enumerate(kinds[:last + 1]):      # (what follows the last answer is the outlet's again)
            current = kind or current
            if current:
                found[current].add(p)
        return found

    @functools.cached_property
    def transcript_firm(self) -> Mention | None:
        """The company whose call a transcript is: the first named before its first speaker line ("Jorvasa Otomotiv
        A.S. (JRVSA) Q4 2033 Earnings Call Transcript"), else the one the text is about, unless a speaker line
        names it (an analyst's firm)."""
        lines = self.transcript.lines
        if not lines:
            return None
        named = next((m for m in self.mentions if m.para < min(lines) and m.type == "Company" and m.entity
                      and not m.anaphor), None)
        if named is not None:
            return named
        titles = {p: role_parts(self.paragraphs[p].doc, dash)[0] for p, dash in lines.items()}
        analysts = {m.entity for m in self.mentions if m.para in lines and m.type == "Company"
                    and not (titles[m.para] is not None and {t.lower_ for t in titles[m.para]} & EXECUTIVE_TITLES)}
        #                                                             (not "Ann Lee - CEO, Velmora Holdings")
        return next((m for m in self.mentions if m.entity == self.main_company and not m.anaphor
                     and m.entity not in analysts), None)

    @functools.cached_property
    def _interviewed_firm(self) -> Mention | None:
        """The firm an interview is with: the one its introduction ties the person interviewed to ("Ocambra's Inés
        Albiñana-Rourke", "Marta Kolarova, chief executive of Vostrava"), else the one the headline and introduction
        name most, as a subject counting twice; none for an analyst, an official or a union's man, nor the outlet
        spoken to."""
        if not self.answers:
            return None
        first_answer = min(self.answers)
        people = [m for m in self.mentions if m.para < first_answer and m.type in ("Person", "Executive") and m.entity
                  and not m.anaphor]
        counts = Counter(m.entity for m in people)
        interviewee = max(counts, key=lambda entity: counts[entity]) if counts else None
        for mention in (m for m in people if m.entity == interviewee):
            root = self.paragraphs[mention.para].doc[mention.start:mention.end].root
            if any(t.lemma_.lower() in COMMENTATOR_TITLES | _NOT_A_FIRMS_TITLES for t in root.subtree):
                return None
            tied = [m for t in root.subtree if (m := self._by_token.get((mention.para, t.i))) is not None
                    and m.type == "Company" and m.entity and not m.anaphor]
            if tied:
                return tied[0]
        named = [m for m in self.mentions if m.para < first_answer and m.type == "Company" and m.entity]
        scores: Counter = Counter()
        for mention in named:
            root = self.paragraphs[mention.para].doc[mention.start:mention.end].root
            scores[mention.entity] += 2 if root.dep_ in ("nsubj", "nsubjpass") else 1
        audience = {m.entity for m in named if _audience_of_speech(self.paragraphs[m.para].doc[m.start:m.end].root)}
        named = [m for m in named if not m.anaphor and m.entity not in audience]
        return max(named, key=lambda m: scores[m.entity]) if named else None

    def _questions_as_headings(self) -> list[str | None]:
        """An interview laid out as questions in paragraphs of their own, each followed by its answer in the first
        person ("Why now?" / "A film gives us a reason ..."): "Q" for a question, "A" for the paragraph after it.
        None unless the introduction says someone was interviewed ("spoke to", "talked to", "interview") and two
        answers speak as "we" or "I" outside quotation marks (not a column's or an explainer's question headings)."""
        nothing: list[str | None] = [None] * len(self.paragraphs)
        introduced = next((p for p, paragraph in enumerate(self.paragraphs) if any(
            t.lemma_.lower() in ("interview", "interviewer") or t.lemma_ in ("speak", "talk") and t.pos_ == "VERB"
            for t in paragraph.doc)), None)
        if introduced is None:
            return nothing
        asked = [p > introduced and len(list(paragraph.doc.sents)) <= 2 and paragraph.text.rstrip().endswith("?")
                 and len(paragraph.doc) <= 40 for p, paragraph in enumerate(self.paragraphs)]
        kinds, spoken = list(nothing), 0
        for p, question in enumerate(asked):
            if question and p + 1 < len(asked) and not asked[p + 1]:
                kinds[p], kinds[p + 1] = "Q", "A"
                spoken += any(t.lower_ in _FIRST_PERSON and t.pos_ == "PRON" and not _in_quotation(t)
                              for t in self.paragraphs[p + 1].doc)
        return kinds if spoken >= 2 and spoken * 2 >= kinds.count("A") else nothing

    def index(self) -> None:
        self._by_token = {}
        for mention in self.mentions:
            if mention.entity:
                for i in range(mention.start, mention.end):
                    self._by_token[(mention.para, i)] = mention
        for mention in self.mentions:         # and the legal form a firm's name leaves out ("Kelvo A/S": "A/S")
            if mention.entity and mention.type == "Company" and not mention.anaphor:
                for i in range(mention.end, legal_form_after(self.paragraphs[mention.para].doc, mention.end)):
                    self._by_token.setdefault((mention.para, i), mention)

    # ------------------------------------------------------------------ lookups

    def names_something(self, para: int, sentence: Span) -> bool:
        """Whether a token of the sentence is part of a resolved mention (a name, or a word standing for one)."""
        return any((para, i) in self._by_token for i in range(sentence.start, sentence.end))

    def company_called(self, words: list[str]) -> str | None:
        """The company the words name: one of its names, or its name without the trade word that opens it
        ("Brisaluz" for "Almacenes Brisaluz", "Tezcalli" for "Grupo Tezcalli")."""
        named = self.named.get(" ".join(words).lower())
        if named is not None and self.types.get(named) == "Company":
            return named
        return self._names_without_trade_word.get(tuple(words))

    @functools.cached_property
    def _names_without_trade_word(self) -> dict[tuple[str, ...], str]:
        """Each company's name less the trade word it opens with, where no other company's is the same."""
        found: dict[tuple[str, ...], list[str]] = {}
        for name, kind in self.types.items():
            words = name.split()
            if kind == "Company" and len(words) > 1 and words[0].lower() in INDUSTRY_WORDS:
                found.setdefault(tuple(words[1:]), []).append(name)
        return {short: names[0] for short, names in found.items() if len(names) == 1}

    def mention_at(self, para: int, token: Token) -> Mention | None:
        return self._by_token.get((para, token.i))

    def last_country_before(self, p: int, token: Token) -> str | None:
        """The last country (not a region) named before the token, in its paragraph or an earlier one."""
        last = None
        for mention in self.mentions:
            if mention.type == "Market" and not mention.anaphor and mention.entity \
                    and (mention.para, mention.end) <= (p, token.i) \
                    and (last is None or (mention.para, mention.start) > (last.para, last.start)):
                ref = resolve_market(mention.entity)
                if ref is not None and ref.kind == "country":
                    last = mention
        return last.entity if last is not None else None

    def entity_at(self, para: int, token: Token, *types: str) -> str | None:
        mention = self.mention_at(para, token)
        if mention and mention.entity and (not types or mention.type in types):
            return mention.entity
        return None

    def company_by_first_word(self, token: Token, mistagged: bool = False) -> str | None:
        """The one company whose name starts with this capitalised word the model left unnamed ("Pellwick" in
        "Pellwick co-founder Ann Lee", after "Pellwick Photonics"); with `mistagged`, also one the tagger called an
        adjective, a verb or a noun (where only a name can stand: before a title), but no nationality."""
        if not (token.pos_ == "PROPN" or mistagged and token.is_title and not token.is_stop
                and token.pos_ in ("ADJ", "VERB", "NOUN") and resolve_market(f"{token.text} market") is None
                and token.lower_ not in TITLE_FUNCTIONS | TITLES) \
                or not token.is_alpha or token.ent_type_ in ("PERSON", "GPE", "NORP"):
            return None
        word = token.lower_
        found = {name for name, kind in self.types.items()
                 if kind == "Company" and " " in name and name.split()[0].lower() == word}
        return next(iter(found)) if len(found) == 1 else None

    def entities_in(self, para: int, span: Span | list[Token], *types: str) -> list[str]:
        """Entities named (or pointed at) in a span, in order, without repeats."""
        found = []
        for token in span:
            name = self.entity_at(para, token, *types)
            if name and name not in found:
                found.append(name)
        return found

    def sentences(self) -> Iterator[tuple[int, Span]]:
        for p, paragraph in enumerate(self.paragraphs):
            for sentence in paragraph.sentences:
                yield p, sentence

    def evidence(self, para: int, sentence: Span) -> Evidence:
        offset = self.paragraphs[para].offset
        start, end = offset + sentence.start_char, offset + sentence.end_char
        return Evidence(self.article.doc_id, self.article.text[start:end], start, end)

    def sentence_of(self, mention: Mention) -> tuple[int, int, str]:
        doc = self.paragraphs[mention.para].doc
        sentence = doc[mention.start].sent
        evidence = self.evidence(mention.para, sentence)
        return evidence.start, evidence.end, evidence.sentence

    def salient_company(self, para: int, index: int) -> str | None:
        """The company the text is about at this point: named most in this and the two paragraphs
        before (the last two counting more), if one clearly leads ("Chief executive Gerd Niebaum
        stepped down" in an article about the club)."""
        scores: dict[str, float] = {}
        for mention in self.mentions:
            if mention.type != "Company" or not mention.entity or not para - 2 <= mention.para <= para \
                    or (mention.para, mention.start) >= (para, index):
                continue
            scores[mention.entity] = scores.get(mention.entity, 0) + (1.5 if para - mention.para <= 1 else 1)
        ranked = sorted(scores.values(), reverse=True)
        if not ranked:
            return self.main_company       # no firm in the paragraphs around (a list, headings): the text's own
        if len(ranked) > 1 and ranked[0] < 2 * ranked[1]:
            main = self.main_company       # the paragraphs around are torn between firms, the text's own firm
            return main if scores.get(main) == ranked[0] else None     # leading (or tied): that one
        return max(scores, key=scores.get)

    @functools.cached_property
    def main_company(self) -> str | None:
        """The company the whole text is about: named at least three times and twice as often as any other (or,
        in an interview, the firm it is with: its answers call it "we")."""
        counts = Counter(m.entity for m in self.mentions if m.type == "Company" and m.entity and not m.anaphor)
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 3 or len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return self._interviewed_firm.entity if self._interviewed_firm is not None else None
        return ranked[0][0]

    def previous_subject_company(self, para: int, sentence: Span) -> str | None:
        """The one company of the sentence just before, in the same paragraph, its subject: what a sentence
        that names no company goes on about ("Spain's Vantel said it would close the mill. Chief executive Ana
        Ruiz said ...": Vantel, whichever firm the article is about)."""
        mention = self._previous_subject(para, sentence)
        return mention.entity if mention is not None else None

    def _previous_subject(self, para: int, sentence: Span) -> Mention | None:
        if sentence.start == 0:
            return None
        before = sentence.doc[sentence.start - 1].sent
        if any(t.is_quote for t in before):          # (a company named in a quote is the speaker's topic, not
            return None                              # the speaker's company)
        named = [m for m in self.mentions if m.para == para and before.start <= m.start < before.end
                 and m.type == "Company" and m.entity and not m.anaphor]
        if not named:                    # "Wyralla mines copper. Most of its concentrate goes to China. It reported
            pointed = {m.entity: m for t in before if (m := self._by_token.get((para, t.i))) is not None   # ...": the
                       and m.anaphor and m.type == "Company" and m.entity}       # one firm the sentence before points at
            return next(iter(pointed.values())) if len(pointed) == 1 else None
        doc = sentence.doc
        subjects = [m for m in named if doc[m.start:m.end].root.dep_ in ("nsubj", "nsubjpass")
                    and doc[m.start:m.end].root.head == before.root
                    or doc[m.start:m.end].root.dep_ == "appos" and doc[m.start:m.end].root.head.dep_ == "nsubj"
                    and doc[m.start:m.end].root.head.head == before.root     # "Its rival, Halland Rail, has ..."
                    and self._by_token.get((para, doc[m.start:m.end].root.head.i)) is None]
        if not subjects:                 # "Kuzelya, founded in 2016 by ..., makes games. Its biggest title": the name
            subjects = [m for m in named if m.start == before.start and m.end < before.end   # opening the sentence, set
                        and doc[m.end].text == "," and not any(t.dep_ == "nsubj" and t.head == before.root  # off by a
                                                               for t in before)]      # comma, when the parse found no
        if not subjects:                                                               # subject
            return None
        subject = doc[subjects[0].start:subjects[0].end].root
        described = {t.i for t in (subject.head if subject.dep_ == "appos" else subject).subtree}
        if any(m.entity != subjects[0].entity and m.start not in described for m in named):
            return None          # (not "Arcton met Velmont": either one; but "Forthline, which owns Grangemouth, ...")
        return subjects[0]

    def _described_before(self, para: int, noun: Token) -> Mention | None:
        """The company the sentence before calls by the noun that opens this one: "bought Tindra Labs, a start-up
        from Oslo. The start-up has 40 staff" (Tindra Labs, not the buyer who is the subject)."""
        sentence = noun.sent
        word = hyphenated_noun(noun) or noun.lemma_.lower()
        if noun.pos_ not in ("NOUN", "ADP", "PART") or sentence.start == 0 and para == 0:
            return None
        if sentence.start > 0:
            before_para, before = para, noun.doc[sentence.start - 1].sent
        else:                            # the first sentence of a paragraph: the last one of the paragraph before
            before_para = para - 1
            before = list(self.paragraphs[before_para].doc.sents)[-1]
        doc = self.paragraphs[before_para].doc
        found = [m for m in self.mentions if m.para == before_para and before.start <= m.start < before.end
                 and m.type == "Company" and m.entity and not m.anaphor
                 and any((hyphenated_noun(d) or d.lemma_.lower()) == word
                         for d in [*_descriptions(doc[m.start:m.end].root),
                                   *doc[max(m.start - 1, 0):m.start]])]     # ("run by telehealth start-up Curavinta",
        #                                                                      however the parser hangs the words)
        return found[0] if len({m.entity for m in found}) == 1 else None

    # ------------------------------------------------------------------ anaphora

    def _clause_subject(self, para: int, pronoun: Token) -> Mention | None:
        """The company that is the subject of the pronoun's own clause, named before it: a possessive
        refers back to it first ("Competitors like Google offer services through its Blogger site")."""
        verb = pronoun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        first_verb = verb
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i), None)
        while subject is None and verb.dep_ == "xcomp" and verb.head != verb \
                and not any(c.dep_ in ("nsubjpass", "dobj", "iobj") for c in verb.head.children):
            verb = verb.head        # "Tsurugi has signed on to use the L4 in its sedan": Tsurugi's (not "Kelvo told
            #                         Velmont to sell its unit", nor "Foo is understood to have valued its unit")
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < pronoun.i), None)
        if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            subject = verb.head          # "GM, which is struggling with its own marques": GM's
        if subject is None and verb.dep_ == "ROOT" and pronoun.i > verb.i and verb.doc[verb.i - 1].pos_ == "PROPN" \
                and verb.doc[verb.i - 1].ent_type_ == "ORG" and verb.tag_ in ("VBZ", "VBD"):
            subject = verb.doc[verb.i - 1]   # "Based in Osaka, Kanehira Co., Ltd. sells ... through its": the name
            #                                  the parser joined to the fronted phrase
        if subject is not None and _stocks_goods(first_verb, pronoun):
            return None                 # "Tiendas Colvarra starts stocking its S3 and K9 Pro models": a shop stocks
            #                             another's goods, the maker's the text is about (not "stocks its own brand")
        if subject is None or pronoun.head.dep_ == "appos" and pronoun.head.head == subject:
            return None                 # "Wyralla, its smaller rival, mines copper": not Wyralla's own rival (but
            #                             "Kelvo, a carmaker known for its Brava hatchback": Kelvo's)
        named = [subject] + [t for prep in subject.children if prep.dep_ == "prep" and prep.lower_ in ("like", "as")
                             for t in prep.children if t.dep_ == "pobj"]
        found = [m for t in named if (m := self._by_token.get((para, t.i))) and m.type == "Company" and m.entity]
        return found[0] if len(found) == 1 else None

    def _described_by(self, para: int, pronoun: Token) -> str | None:
        """The company a description the pronoun opens is in apposition to: "Wyralla, its smaller rival" (Wyralla,
        whom "its" cannot name)."""
        if pronoun.head.dep_ != "appos":
            return None                 # ("Kelvo, a carmaker known for its Brava hatchback": Kelvo's own)
        mention = self._by_token.get((para, pronoun.head.head.i))
        return mention.entity if mention is not None and mention.type == "Company" else None

    def pair_named_before(self, para: int, noun: Token) -> list[str]:
        """The two products named together last before a noun ("The Tavren 8 and Tavren 8 Pro go on sale ... Both
        phones will be sold in ..."): the pair "both" points at."""
        entity_of = {m.key: m.entity for m in self.mentions if m.type == "Product" and m.entity and not m.anaphor}
        for mention in sorted((m for m in self.mentions if m.type == "Product" and m.entity and not m.anaphor
                               and (m.para, m.start) < (para, noun.i)), key=lambda m: (m.para, m.start),
                              reverse=True):
            partners = {entity_of[k] for k in mention.coordinated if k in entity_of} - {mention.entity}
            if len(partners) == 1:
                return sorted({mention.entity, *partners})
        return []

    def _fronted_topic(self, para: int, pronoun: Token) -> Mention | None:
        """The company a sentence opens with as its topic: "For Sarvenne, the deal ends a losing run against its
        rival" (Sarvenne's)."""
        sentence = pronoun.sent
        opener = sentence[0]
        if opener.lower_ != "for" or opener.dep_ != "prep":
            return None
        comma = next((t for t in sentence if t.text == ","), None)
        if comma is None or comma.i > pronoun.i or comma.i != opener.right_edge.i + 1:
            return None
        found = [m for t in opener.subtree if (m := self._by_token.get((para, t.i))) and m.type == "Company"
                 and m.entity]
        if not found and (name := next((n for t in opener.subtree if (n := self.company_by_first_word(t))), None)):
            found = [m for m in self.mentions if m.entity == name][:1]      # "For Quarvel," (Quarvel Aerospace)
        return found[0] if len({m.entity for m in found}) == 1 else None

    def _relative_owner(self, para: int, pronoun: Token) -> Mention | None:
        """The company a relative "whose" belongs to: "Carrowline, whose Stackhound robots dominate"."""
        if pronoun.tag_ != "WP$":
            return None
        clause = next((a for a in pronoun.ancestors if a.dep_ == "relcl"), None)
        mention = self._by_token.get((para, clause.head.i)) if clause is not None else None
        return mention if mention is not None and mention.type == "Company" and mention.entity else None

    def _listed_before(self, para: int, pronoun: Token) -> Mention | None:
        """'Gazprom, its unit Gazpromneft, Rosneft': a possessive opening a list item (or an apposition) right
        after a company's name points at that company."""
        start = pronoun.head.left_edge.i
        if pronoun.head.dep_ not in ("appos", "conj") or start != pronoun.i or start < 2 \
                or pronoun.doc[start - 1].text != ",":
            return None
        if pronoun.head.dep_ == "appos" and not any(
                t != pronoun and (m := self._by_token.get((para, t.i))) is not None and m.type == "Company"
                for t in pronoun.head.subtree):
            return None                 # "Dosan trails Kisaragi, its main competitor": a description of the name
            #                             before, whose "its" is another firm's
        mention = self._by_token.get((para, start - 2))
        return mention if mention is not None and mention.type == "Company" and mention.entity else None

    def _reporting_subject(self, para: int, pronoun: Token) -> Mention | None:
        """'Sony has said it will launch ...': the subject of a clause reported by a company is that company
        (so is a person's "he" the person who says it); so is the subject of a clause of time when the main
        clause names no other firm as its object ("Takasugi has led the market since it launched the Kairo")."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return None
        clause = pronoun.head
        main = clause.head
        when = any(c.lower_ == "when" and c.dep_ == "advmod" for c in clause.children) and (
            clause.dep_ == "relcl" or clause.dep_ == "advcl" and clause.left_edge.i >= 2      # ("since last year, when
            and pronoun.doc[clause.left_edge.i - 1].text == ","                              # it ...": a time before it)
            and pronoun.doc[clause.left_edge.i - 2].ent_type_ == "DATE")
        if when:                        # "Calderant has been a target since last year, when it abandoned a merger":
            main = next((a for a in clause.ancestors if a.pos_ in ("VERB", "AUX")), main)   # the main clause's
            inside = {t.i for t in clause.subtree}
            firms = {m.entity for t in main.subtree if t.i not in inside
                     and (m := self._by_token.get((para, t.i))) is not None and m.type == "Company" and m.entity}
            if len(firms) > 1:
                return None             # (not "Kelvo has sold engines to Tarvo since 2019, when it opened ...")
        if not (clause.dep_ == "ccomp" and main.lemma_.lower() in SPEECH_VERBS | {"announce", "confirm", "hope"}
                or (when or clause.dep_ == "advcl"                                   # "Takasugi has dominated ...
                    and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in clause.children))   # since it
                and main.pos_ in ("VERB", "AUX")                                               # launched its Kairo"
                and not any(c.dep_ == "dobj" and self._by_token.get((para, c.i)) for c in main.children)):
            return None             # (not "Kelvo bought Tarrow after it lost its licence": either firm)
        subject = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i), None)
        mention = self._by_token.get((para, subject.i)) if subject is not None else None
        return mention if mention is not None and mention.entity and not mention.anaphor else None

    def label_line_company(self, para: int) -> str | None:
        """The company a line names and nothing else ("Kelvo Group" over a press contact's name), if any."""
        if para < 0:
            return None
        words = [t for t in self.paragraphs[para].doc if not t.is_punct and not t.is_space]
        mention = self._by_token.get((para, words[0].i)) if words else None
        if mention is None or mention.type != "Company" or not mention.entity or mention.anaphor \
                or any(t.i >= mention.end for t in words):
            return None
        return mention.entity

    def _speakers_firm(self, para: int, speaker: Mention) -> Mention | None:
        """The firm the speaker runs, by her executive title in apposition: "Ann Roe, Vendraux's chief executive," or
        "chief executive of Vendraux" (not "a partner at Vantor Capital": a firm she works at need not be the one she
        speaks of)."""
        doc = self.paragraphs[para].doc
        root = doc[speaker.start:speaker.end].root
        for title in (c for c in root.children if c.dep_ == "appos" and c.lemma_.lower() in EXECUTIVE_TITLES):
            holders = [o for o in title.children if o.dep_ == "poss"] + [
                g for o in title.children if o.dep_ == "prep" and o.lower_ == "of" for g in o.children
                if g.dep_ == "pobj"]                           # "Vendraux's chief executive", "chief executive of
            for holder in holders:                             # Vendraux" (not "a partner at Vantor Capital")
                mention = self._by_token.get((para, holder.i))
                if mention is not None and mention.type == "Company" and mention.entity \
                        and mention.entity.split()[-1].lower() not in _ADVISERS_ENDINGS:
                    return mention          # (not "managing director of Vantor Consulting": an outside voice)
        return None

    def _market_there(self, para: int, there: Token) -> Mention | None:
        """The market "there" points at: the last one named before it in its sentence or the sentence before, in the
        same paragraph, when only one market is named there ("Halvarde has no customers in India yet, but plans to
        open a centre there"; not "from Japan to Korea, and sells there")."""
        sentence = there.sent
        before = sentence.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        for start in (sentence.start, before):   # its own sentence first: "... Peru. Peru is left out because Foo
            named = {m.entity: m for m in self.mentions if m.para == para and m.type == "Market" and m.entity
                     and not m.anaphor and start <= m.start < there.i}        # does not operate there"
            if named:
                return next(iter(named.values())) if len(named) == 1 else None
        return None

    def _described_in_sentence(self, para: int, noun: Token) -> Mention | None:
        """A description inside a relative clause on a phrase that names one company: "Kelvo's new K9 chip, which
        the Taiwanese chipmaker began producing" is Kelvo, whichever firm the article is about (not "Vantel said
        a court had ruled against the German carmaker": no such clause)."""
        clause = next((a for a in noun.ancestors if a.dep_ in ("relcl", "acl")), None)
        if clause is None:
            return None
        found = {}
        for token in clause.head.subtree:
            if token.i >= clause.i:
                continue
            mention = self._by_token.get((para, token.i))
            if mention is not None and mention.type == "Company" and mention.entity and not mention.anaphor:
                found.setdefault(mention.entity, mention)
        return next(iter(found.values())) if len(found) == 1 else None

    def resolve_anaphora(self) -> None:
        """Point "the company", "the Chinese smartphone maker", "it"/"its" at a company named before
        them, "he"/"she" at a person, "the economy"/"the country" at a market and "the chip" at a
        product; added as anaphor mentions, known to the rules after them at once.

        Companies, people and markets: first what the grammar says ("Gazprom, its unit ...": the name
        before; "Google offers ... through its site": the clause's subject; "Sony has said it will":
        the reporter), else the most salient candidate: mentioned in this or the previous two
        paragraphs, scored by its mentions there (a subject's thrice, nearer paragraphs more) and,
        a quarter as much, by all its mentions so far (a light version of centering theory); a trade
        noun ("the airline") picks a firm called so, if one was. People: the one
        named or pointed at last in this or the previous paragraph whose gender ("Mr", "Ms", an earlier
        "he"/"she") does not rule them out ('..., said Ann Lee. "...," she added'). Products: the
        last product of the paragraph that the text called by a noun of the same kind."""
        named = sorted((m for m in self.mentions if m.entity), key=lambda m: (m.para, m.start))
        added: list[Mention] = []
        position = 0
        stats: dict[tuple[str, str], list] = {}        # (kind, entity) -> [mentions, subjects, last para, mention]
        recent: dict[tuple[str, str], list[tuple[int, float]]] = {}     # (kind, entity) -> (para, weight) of each

        people: list[tuple[Mention, bool]] = []        # persons in the order named or pointed at; a subject?
        genders: dict[str, str] = {}                    # person -> "m"/"f", from "Mr"/"Ms" or a resolved "he"/"she"

        def note(mention: Mention, kind: str, subject: bool) -> None:
            entry = stats.setdefault((kind, mention.entity), [0, 0, mention.para, mention])
            entry[0] += 1
            entry[1] += subject
            entry[2] = mention.para
            entry[3] = mention
            recent.setdefault((kind, mention.entity), []).append(
                (mention.para, (1 + 2 * subject) * (0.5 if mention.anaphor else 1)))
            if kind == "Person":
                people.append((mention, subject))
                doc = self.paragraphs[mention.para].doc       # "Mr Jones" may be the mention "Jones"
                before = doc[mention.start - 1].lower_ if mention.start > 0 and not mention.anaphor else ""
                gender = _GENDER_WORDS.get(mention.text.split()[0].lower()) or _GENDER_WORDS.get(before)
                if gender and mention.entity not in genders:
                    genders[mention.entity] = gender

        def last_person(p: int, gender: str | None) -> Mention | None:
            """The person who may be called "he"/"she" here: named or pointed at in this paragraph or the one
            before, of a fitting gender ("Mr", "Ms", an earlier pronoun), the latest one who was a subject
            ('..., said Ann Lee' and then 'she added', whoever was named more often), else the latest."""
            recent = []
            for m, subject in reversed(people):
                if p - m.para > 1:
                    break
                if gender is None or genders.get(m.entity, gender) == gender:
                    recent.append((m, subject))
            return next((m for m, subject in recent if subject), recent[0][0] if recent else None)

        homes: dict[str, set[str]] = {}                 # company -> countries its name or descriptions give
        kinds: dict[str, set[str]] = {}                 # company -> the trades it was called by ("airline")

        def antecedent(kind: str, p: int, nationality: str | None = None, noun: Token | None = None,
                       other_than: str | None = None) -> Mention | None:
            candidates = [(_nearness(recent[k, entity], p) + _GLOBAL_WEIGHT * (v[0] + 2 * v[1]), v[2], v[3])
                          for (k, entity), v in stats.items() if k == kind and p - v[2] <= 2 and entity != other_than
                          and not (nationality and homes.get(entity) and nationality not in homes[entity])]
            fitting = [c for c in candidates if _kind_fits(noun, kinds.get(c[2].entity))]
            candidates = fitting or candidates           # "the airline": a firm called an airline, if one was
            return max(candidates, key=lambda c: (c[0], c[1]))[2] if candidates else None

        described: dict[str, set[str]] = {}           # product -> the kinds of thing the text calls it
        for mention in named:
            if mention.type == "Product" and not mention.headline:     # (a headline's grammar is telegraphic)
                described.setdefault(mention.entity, set()).update(_product_kinds(self.paragraphs[mention.para].doc,
                                                                                  mention))

        def last_product(p: int, token: Token) -> Mention | None:
            kinds = _kinds_of(token.lemma_.lower())
            earlier = [m for m in named[:position] if m.type == "Product" and m.para == p
                       and (m.para, m.end) <= (p, token.i) and kinds & described.get(m.entity, set())]
            return earlier[-1] if earlier else None

        def fits_another(noun: Token, p: int) -> bool:
            """Whether a firm named in this or the two paragraphs before is known by the trade the noun names."""
            return any(_kind_fits(noun, kinds.get(entity)) for (kind, entity), v in stats.items()
                       if kind == "Company" and p - v[2] <= 2)

        def product_named(p: int, token: Token) -> bool:
            mention = self._by_token.get((p, token.i))
            return mention is not None and mention.type == "Product"

        def last_named_product(p: int, token: Token) -> Mention | None:
            """The product the sentence before is about (its subject), else the one named last ("Moonlit
            Vanguard, a game set in a flooded Busan, is out now. It costs $69.99": the game)."""
            earlier = [m for m in named[:position] if m.type == "Product" and p - 1 <= m.para <= p
                       and not m.anaphor and not m.headline]
            sentence = token.sent
            if sentence.start > 0:
                before = token.doc[sentence.start - 1].sent
                subjects = [m for m in earlier if m.para == p and before.start <= m.start < before.end
                            and token.doc[m.start:m.end].root.dep_ in ("nsubj", "nsubjpass")
                            and token.doc[m.start:m.end].root.head == before.root]
                if subjects:
                    return subjects[0]
            return earlier[-1] if earlier else None

        for p, paragraph in enumerate(self.paragraphs):
            doc, tokens = paragraph.doc, paragraph.tokens
            for token in tokens:
                while position < len(named) and (named[position].para, named[position].end) <= (p, token.i):
                    mention = named[position]
                    root = self.paragraphs[mention.para].doc[mention.start:mention.end].root
                    if mention.type == "Company" and mention.entity:
                        homes.setdefault(mention.entity, set()).update(_home_countries(mention.entity, root))
                        kinds.setdefault(mention.entity, set()).update(_company_kinds(mention.entity, root))
                    note(mention, "Person" if mention.type == "Executive" else mention.type,
                         root.dep_ in ("nsubj", "nsubjpass"))
                    position += 1
                if (p, token.i) in self._by_token:
                    continue
                target, kind = None, None
                lower = token.lower_           # (an interview's "we" is the interviewee's firm, its "you" too)
                if lower in _COMPANY_PRONOUNS and token.pos_ == "PRON" \
                        or lower in FIRST_PERSON_PLURAL and (p in self.answers or p in self.transcript.answers) \
                        or lower in ("you", "your") and (p in self.questions or p in self.transcript.questions):
                    kind, span = "Company", (token.i, token.i + 1)
                elif lower in _PERSON_PRONOUNS and token.pos_ == "PRON":
                    kind, span = "Person", (token.i, token.i + 1)
                elif token.tag_ == "WP$" and self._relative_owner(p, token) is not None:
                    kind, span = "Company", (token.i, token.i + 1)      # "Carrowline, whose Stackhound robots"
                elif lower == "there" and token.dep_ == "advmod" and (token.head.pos_ in ("VERB", "AUX") or (
                        token.head.pos_ == "NOUN" and (token.head.lemma_.lower() in ENTRY_NOUNS | PRESENCE_NOUNS
                                                       or _in_quotation(token)))):
                    #                        ("Ondalune's launch there was planned", "has no sales there", '"We would
                    #                         be a small fish there," she says')
                    target = self._market_there(p, token)               # "... India, and plans to open a centre
                    if target is None:                                  # there": the market named just before
                        continue
                    kind, span = "Market", (token.i, token.i + 1)
                elif (token.pos_ == "NOUN" and token.tag_ == "NN" and (
                        token.lemma_.lower() in COMPANY_NOUNS - _PLACE_OR_FIRM_NOUNS | FIRM_SITE_NOUNS
                        or token.lower_ == "business" and token.dep_ == "dobj"
                        and token.head.lemma_.lower() in _FIRM_OBJECT_VERBS)
                      or hyphenated_noun(token) in COMPANY_NOUNS) \
                        and token.dep_ != "appos" \
                        and (any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children)
                             or token.left_edge.lower_ in ("the", "this")) \
                        and not any(c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "LOC") or c.dep_ == "poss"
                                    or c.dep_ == "appos" and c.pos_ not in ("DET", "PRON")   # ("the group, ..., all
                                    for c in token.children) \
                        and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN"):
                    kind, span = "Company", (token.left_edge.i, token.i + 1)   # of them in Italy": no name there)
                elif (token.pos_ == "NOUN" and token.lower_ in ("economy", "country", "nation")
                      or token.text == "Kingdom") \
                        and [c.lower_ for c in token.children if c.dep_ == "det"] == ["the"] \
                        and not any(c.dep_ in ("amod", "compound", "poss") and c.text[:1].isupper()
                                    for c in token.children):
                    kind, span = "Market", (token.left_edge.i, token.i + 1)   # "the economy", "the country's
                    #                                         biggest bank", "the Kingdom's": the country in view
                elif token.pos_ == "NOUN" and token.tag_ == "NN" and token.lemma_.lower() in _PRODUCT_ANAPHORS \
                        and token.dep_ not in ("compound", "appos") \
                        and [c.lower_ for c in token.children if c.dep_ == "det"] in (["the"], ["this"]) \
                        and not any(c.pos_ == "PROPN" or c.dep_ in ("appos", "poss", "compound") for c in token.children) \
                        and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN"):
                    kind, span = "Product", (token.i, token.i + 1)       # "will unveil the chip"
                if kind == "Company" and token.pos_ == "PRON" and lower not in _COMPANY_PRONOUNS:
                    target = self._interviewed_firm if p in self.answers | self.questions \
                        else self.transcript_firm                # an interview's "we", its "you": the firm it is with
                    if target is None:                       # (an analyst's or an official's: none)
                        continue
                if kind == "Company" and token.dep_ == "poss" and target is None:
                    target = self._relative_owner(p, token) or self._listed_before(p, token) \
                        or self._clause_subject(p, token) or self._fronted_topic(p, token)   # "Google offers ...
                    #                                                                 through its Blogger site"
                    if target is None and token.pos_ in ("NOUN", "ADP", "PART"):   # "... telehealth start-up
                        target = self._described_before(p, token)     # Curavinta. ..., the start-up's video service"
                    if target is None and not any(                        # "Sosta runs 31 hotels. Its chief
                            (m := self._by_token.get((p, t.i))) is not None and m.type == "Company"   # executive
                            for t in token.sent if t.i < token.i):               # ...", "Wyralla mines copper. Most
                        target = self._previous_subject(p, token.sent)     # of its concentrate ...": the subject before
                    if target is not None and token.pos_ == "NOUN" and (nationality := _nationality(token)) \
                            and nationality not in homes.get(target.entity, ()) \
                            and any(nationality in h for e, h in homes.items() if e != target.entity):
                        target = None       # ("Cendaris Brasil, the Swiss company's local unit", after "Swiss
                        #                     drugmaker Cendaris" and "Mexico's Bravana": Cendaris's)
                reporter = self._reporting_subject(p, token) if kind in ("Company", "Person") and target is None \
                    else None
                if reporter is not None and reporter.type in ((kind, "Executive") if kind == "Person" else (kind,)):
                    target = reporter                              # "Sony has said it will launch"
                elif reporter is not None and kind == "Company":
                    target = self._speakers_firm(p, reporter)      # "Ann Roe, Vendraux's chief executive, said the
                    #                                                group would ...": her firm (if it may be called so)
                    if target is not None and token.pos_ == "NOUN" and _kind_fits(token, kinds.get(target.entity)) \
                            is False:
                        target = None
                if kind == "Product":             # "working on the Cell processor ... will unveil the chip":
                    target = last_product(p, token)     # the product of that kind named last in the paragraph
                elif lower == "it" and (_said_only_of_products(token) or _sold_in_a_market(
                        token, functools.partial(product_named, p))):   # "It will be available in Finland":
                    target = last_named_product(p, token)        # the product named last, not the firm
                    kind = "Product" if target is not None else kind
                if kind == "Person" and target is None:
                    target = last_person(p, _GENDER_WORDS.get(lower))
                if kind == "Company" and target is None and token.pos_ == "NOUN" \
                        and any(c.dep_ in ("amod", "compound") for c in token.children):
                    target = self._described_in_sentence(p, token)   # "Kelvo's K9 chip, which the Taiwanese
                    if target is not None and _contradicts_home(token, homes.get(target.entity)):   # chipmaker
                        target = None                   # began producing": Kelvo, unless its known home says otherwise
                if kind == "Company" and target is None and token.dep_ in ("nsubj", "nsubjpass") \
                        and span[0] == token.sent.start:        # "... arch-rival, Halland Rail, has no presence in
                    target = self._described_before(p, token) or self._previous_subject(p, token.sent)   # Britain.
                    if target is not None and (_contradicts_home(token, homes.get(target.entity))   # The Swedish
                                               or (fit := _kind_fits(token, kinds.get(target.entity))) is False
                                               or fit is None and fits_another(token, p)):   # firm runs trains ...":
                        target = None       # the subject before (unless its home or trade differ, or its trade is
                        #                     unknown and another firm in view is called so)
                if kind in ("Company", "Person", "Market") and target is None:       # "the German group": not a company known to be British
                    target = antecedent(kind, p, _nationality(token) if token.pos_ == "NOUN" else None,
                                        token if token.pos_ == "NOUN" else None, self._described_by(p, token))
                if kind == "Company" and target is not None and token.dep_ == "dobj" and lower == "it":
                    verbs = [token.head] + ([token.head.head] if token.head.dep_ == "conj" else [])  # ("launched X
                    doer = next((m for v in verbs for c in v.children if c.dep_ == "nsubj"          # and sells it")
                                 and (m := self._by_token.get((p, c.i))) is not None and m.type == "Company"), None)
                    if doer is not None and doer.entity == target.entity:     # "the group would launch it": not
                        others = [m for t in token.sent if t.i < token.i and (m := self._by_token.get((p, t.i)))
                                  is not None and m.type == "Company" and m.entity and m.entity != doer.entity
                                  and (t.dep_ == "dobj" or t.dep_ == "appos" and t.head.dep_ == "dobj")]
                        #                          (the doer's object: not "developed a snack with Brisco Farms")
                        other = others[-1] if others else self._previous_subject(p, token.sent)   # the group itself
                        target = other if other is not None and other.entity != doer.entity else None   # ("itself"
                        #                          would be): another firm named before it in the sentence ("set up
                        #                          a clinic, Brisco Health, and launched it"), else the firm the
                        #                          sentence before is about ("Kaolinde has never sold outside Europe.
                        #                          ... the group would launch it"), else none
                        if target is None and any(v.lemma_ in _GOODS_HANDLING_VERBS for v in verbs):
                            target = last_named_product(p, token)
                            if target is not None and any(     # (not "owns a small bank and will sell it")
                                    t.dep_ == "dobj" and t.pos_ == "NOUN" for t in token.sent
                                    if (target.para, target.end) <= (p, t.i) < (p, token.i)):
                                target = None         # "launched Tirnavex and sells it": the
                            kind = "Product" if target is not None else kind   # product
                if target is None:
                    continue
                anaphor = Mention(p, span[0], span[1], doc[span[0]:span[1]].text,
                                  paragraph.offset + doc[span[0]].idx,
                                  paragraph.offset + doc[span[1] - 1].idx + len(doc[span[1] - 1]),
                                  entity=target.entity, type=target.type, anaphor=True)
                added.append(anaphor)
                note(anaphor, kind, token.dep_ in ("nsubj", "nsubjpass"))   # ("she" tells the person's gender)
                for i in range(anaphor.start, anaphor.end):   # known at once: "it will launch its console"
                    self._by_token.setdefault((p, i), anaphor)
        self.mentions.extend(added)
