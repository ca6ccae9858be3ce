"""Fact rules, one small function per relation. Each reads one sentence's parse and the entities its
tokens stand for, and yields Facts. They follow the grammar ("X, the CEO of Y", "Y's founder X",
"X launched Y", "X signed a memorandum with Y", "X does not sell ... in Z"), not any article."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.model import Fact

from .context import DocContext
from .lexicon import (AFFILIATION_TITLES, COMPANY_NOUNS, COMPETITION_NOUNS, COMPETITION_VERBS, ENTRY_NOUNS,
                      ENTRY_VERBS, EXECUTIVE_TITLES, PARTNERSHIP_NOUNS, PARTNERSHIP_VERBS, PLAN_CUES,
                      PRESENCE_VERBS, PRODUCE_VERBS, STORE_NOUNS, SUBSIDIARY_NOUNS)

TITLES = EXECUTIVE_TITLES | AFFILIATION_TITLES
_NEGATIONS = {"not", "n't", "never", "no"}


def conjuncts(token: Token) -> list[Token]:
    """The token and everything coordinated with it ("India, Indonesia and Vietnam")."""
    return [token, *token.conjuncts]


def subject_of(token: Token) -> Token | None:
    """The subject of a verb, climbing through 'to enter', 'is planning to', 'and' to find it."""
    seen = 0
    while token is not None and seen < 6:
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if token.dep_ in ("xcomp", "advcl", "conj", "acl", "relcl", "pcomp") and token.head != token:
            if token.dep_ == "relcl":
                return token.head
            token = token.head
            seen += 1
            continue
        return None
    return None


def verb_chain(token: Token) -> list[Token]:
    """A verb and the verbs it hangs from (xcomp/advcl/conj), nearest first."""
    chain = [token]
    while token.dep_ in ("xcomp", "advcl", "conj", "ccomp", "pcomp", "prep", "pobj", "dobj", "acl") \
            and token.head != token and len(chain) < 6:
        token = token.head
        chain.append(token)
    return chain


def negated(tokens: list[Token]) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in _NEGATIONS and c.dep_ in ("advmod", "det")
               for t in tokens for c in t.children)


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb above a token."""
    while token.head != token:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return token if token.pos_ in ("VERB", "AUX") else None


# ---------------------------------------------------------------------- people and their companies

def executives(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """'Lei Jun, Xiaomi's founder and CEO', 'Jane Doe, chief executive of Acme', 'Acme CEO Jane Doe',
    'Acme's chief executive, Jane Doe', 'John Roe, an analyst at Foo Research' (worksFor)."""
    for token in sentence:
        if token.lemma_.lower() not in TITLES or token.pos_ not in ("NOUN", "PROPN"):
            continue
        person = _person_for_title(ctx, p, token)
        if person is None:
            continue
        company = _company_for_title(ctx, p, token)
        if company is None or company == person:
            continue
        role = _role_text(ctx, p, token)
        words = {w.lower() for w in role.replace("-", " ").split()} | {token.lemma_.lower()}
        predicate = "executiveOf" if words & EXECUTIVE_TITLES else "worksFor"
        yield Fact(person, predicate, company, ctx.evidence(p, sentence), role=role if predicate == "executiveOf" else None)


def _person_for_title(ctx: DocContext, p: int, title: Token) -> str | None:
    # "Lei Jun, Xiaomi's founder": the title is in apposition to the person
    head = title
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    if head.dep_ == "appos":
        name = ctx.entity_at(p, head.head, "Person")
        if name:
            return name
    # "Acme's chief executive, Jane Doe" / "CEO Jane Doe": the person hangs from the title
    for child in title.children:
        if child.dep_ in ("appos", "compound", "nsubj") or child.i == title.i + 1:
            name = ctx.entity_at(p, child, "Person")
            if name:
                return name
    doc = title.doc
    nxt = title.i + 1
    while nxt < len(doc) and doc[nxt].text in (",",):
        nxt += 1
    if nxt < len(doc):
        name = ctx.entity_at(p, doc[nxt], "Person")
        if name and (title.head == doc[nxt] or doc[nxt].head == title or title.dep_ == "compound"):
            return name
    # "Jane Doe is the chief executive of Acme"
    if title.dep_ == "attr":
        subject = subject_of(title.head)
        if subject is not None:
            return ctx.entity_at(p, subject, "Person")
    return None


def _company_for_title(ctx: DocContext, p: int, title: Token) -> str | None:
    """'Xiaomi's founder', 'CEO of Acme', 'Acme CEO', 'head of Xiaomi's international business'."""
    for token in [title, *[t for t in title.subtree if t.dep_ in ("pobj", "poss", "compound")]]:
        if token.i < title.left_edge.i or token.i > title.right_edge.i:
            continue
        if token != title and token.head != title and token.head.head != title \
                and token.head.head.head != title:
            continue
        if token.dep_ == "appos":
            continue
        name = ctx.entity_at(p, token, "Company")
        if name:
            return name
    # shared modifier of coordinated titles: "Xiaomi's founder and CEO"
    if title.dep_ == "conj":
        return _company_for_title(ctx, p, title.head)
    return None


def _role_text(ctx: DocContext, p: int, title: Token) -> str:
    """The title as written, without the company and the person: 'founder and CEO', 'head of
    international business'."""
    tokens = [t for t in title.subtree if t.i >= title.i or t.dep_ in ("amod", "compound")]
    tokens = [t for t in tokens if not ctx.mention_at(p, t) and t.tag_ != "POS" and not t.is_punct
              and t.dep_ not in ("appos", "relcl") and t.lower_ not in ("the", "a", "an")]
    words = []
    for t in sorted(tokens, key=lambda t: t.i):
        if t.dep_ == "appos" or any(a.dep_ == "appos" and a != title for a in t.ancestors if a.i > title.i):
            continue
        words.append(t.text)
    while words and words[-1].lower() in ("of", "at", "and", "for"):
        words.pop()
    role = " ".join(words)
    if title.dep_ != "conj":
        conj_titles = [c for c in title.conjuncts if c.i > title.i]
        if conj_titles:
            role = " ".join(w for w in role.split())
    return role or title.text


# ---------------------------------------------------------------------- products

def products(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """'Xiaomi's Mi Mix 2', 'Acme launched the X1 and X2', 'the X1 from Acme', 'the maker behind the X1'."""
    evidence = ctx.evidence(p, sentence)
    for token in sentence:
        product = ctx.entity_at(p, token, "Product")
        if product is None:
            continue
        mention = ctx.mention_at(p, token)
        if token.i != mention.end - 1 and token.i != mention.start:
            continue
        # possessive before the product: "Xiaomi's Mi Mix 2", "its Mi 10"
        for t in sentence.doc[mention.start:mention.end]:
            for child in t.children:
                if child.dep_ == "poss":
                    company = ctx.entity_at(p, child, "Company")
                    if company:
                        yield Fact(company, "produces", product, evidence)
        start = mention.start
        if start >= 2 and sentence.doc[start - 1].tag_ == "POS":
            company = ctx.entity_at(p, sentence.doc[start - 2], "Company")
            if company:
                yield Fact(company, "produces", product, evidence)
        # "the X1 from/by Acme", "made by Acme"
        root = sentence.doc[mention.end - 1]
        for prep in [c for c in root.children if c.dep_ in ("prep", "agent", "acl")]:
            for deeper in [prep, *prep.children]:
                if deeper.lower_ in ("from", "by") or deeper.dep_ == "agent":
                    for obj in deeper.children:
                        for conj in conjuncts(obj):
                            company = ctx.entity_at(p, conj, "Company")
                            if company:
                                yield Fact(company, "produces", product, evidence)
        # verbs: "Acme makes / launched / sells the X1"
        head = root
        hops = 0
        while head.dep_ in ("conj", "appos", "pobj", "prep", "compound", "amod", "nmod") and hops < 4:
            head = head.head
            hops += 1
        if head.dep_ in ("dobj", "attr", "nsubjpass") or (head.pos_ == "NOUN" and head.dep_ == "dobj"):
            verb = head.head
        else:
            verb = head if head.pos_ == "VERB" else None
        if verb is not None and verb.lemma_ in PRODUCE_VERBS:
            subject = subject_of(verb)
            if subject is not None:
                for s in conjuncts(subject):
                    company = ctx.entity_at(p, s, "Company")
                    if company:
                        yield Fact(company, "produces", product, evidence)
        # "the manufacturer behind dazzling phones like the Mi Mix 2"
        for ancestor in root.ancestors:
            if ancestor.lower_ == "behind" and ancestor.head.lemma_.lower() in COMPANY_NOUNS:
                owner = ancestor.head
                company = ctx.entity_at(p, owner, "Company")
                if company is None and owner.dep_ == "attr":
                    subject = subject_of(owner.head)
                    company = ctx.entity_at(p, subject, "Company") if subject is not None else None
                if company:
                    yield Fact(company, "produces", product, evidence)
                break
    for product, company in _named_makers(ctx, sentence, p):
        yield Fact(company, "produces", product, evidence)


def _named_makers(ctx: DocContext, sentence: Span, p: int) -> Iterator[tuple[str, str]]:
    """'Samsung Galaxy S9': a product named with its maker in front."""
    for token in sentence:
        mention = ctx.mention_at(p, token)
        if mention and mention.type == "Product" and token.i == mention.start and not mention.anaphor:
            maker = ctx.maker_of.get(mention.entity)
            if maker and mention.text != mention.entity:
                yield mention.entity, maker


# ---------------------------------------------------------------------- companies with companies

def competitors(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """'Xiaomi's rival Huawei', 'rivals such as Oppo and Vivo', 'Acme competes with Foo',
    'Xiaomi will compete directly with Huawei', 'Acme takes on Foo'."""
    evidence = ctx.evidence(p, sentence)
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma in COMPETITION_NOUNS and token.pos_ == "NOUN":
            owner = _owner_company(ctx, p, token)
            if owner is None:
                continue
            for other in _named_around(ctx, p, token):
                if other != owner:
                    yield Fact(owner, "competesWith", other, evidence)
        elif lemma in COMPETITION_VERBS and token.pos_ == "VERB":
            subject = subject_of(token)
            if subject is None:
                continue
            subjects = [c for s in conjuncts(subject) if (c := ctx.entity_at(p, s, "Company"))]
            objects = []
            for child in token.children:
                if child.dep_ == "dobj" and lemma != "take":
                    objects += [c for o in conjuncts(child) if (c := ctx.entity_at(p, o, "Company"))]
                if child.dep_ in ("prep", "prt") and child.lower_ in ("with", "against", "on"):
                    for obj in child.children:
                        objects += [c for o in conjuncts(obj) if (c := ctx.entity_at(p, o, "Company"))]
                    if child.dep_ == "prt":
                        for sibling in token.children:
                            if sibling.dep_ == "dobj":
                                objects += [c for o in conjuncts(sibling) if (c := ctx.entity_at(p, o, "Company"))]
            if lemma == "compete" and not objects and len(subjects) > 1:
                for i, a in enumerate(subjects):
                    for b in subjects[i + 1:]:
                        yield Fact(a, "competesWith", b, evidence)
            for a in subjects:
                for b in objects:
                    if a != b:
                        yield Fact(a, "competesWith", b, evidence)


def _owner_company(ctx: DocContext, p: int, noun: Token) -> str | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return ctx.entity_at(p, child, "Company")
    if noun.dep_ in ("dobj", "attr", "pobj"):
        verb = noun.head if noun.dep_ != "pobj" else noun.head.head
        subject = subject_of(verb) if verb is not None else None
        if subject is not None:
            return ctx.entity_at(p, subject, "Company")
    return None


def _named_around(ctx: DocContext, p: int, noun: Token) -> list[str]:
    """Companies named by a noun: 'rival Huawei', 'rivals such as Oppo and Vivo', 'rivals, Oppo and Vivo'."""
    names = []
    for child in noun.subtree:
        if child == noun:
            continue
        if child.dep_ in ("appos", "compound", "pobj", "conj") or child.head.lower_ in ("as", "like", "including"):
            name = ctx.entity_at(p, child, "Company")
            if name and name not in names and not any(c.dep_ == "poss" and c == child for c in noun.children):
                names.append(name)
    # the name right after the noun: "rival Huawei"
    doc = noun.doc
    if noun.i + 1 < len(doc):
        name = ctx.entity_at(p, doc[noun.i + 1], "Company")
        if name and name not in names:
            names.append(name)
    poss = [ctx.entity_at(p, c, "Company") for c in noun.children if c.dep_ == "poss"]
    return [n for n in names if n not in poss]


def partners(ctx: DocContext, p: int, sentence: Span) -> Iterator[tuple[Fact, list[str], list[str]]]:
    """'Acme signed a memorandum of understanding with Foo to work together in the fields of X, Y
    and Z', 'Acme partnered with Foo', 'a partnership between Acme and Foo'. Yields the fact, the
    parties and the scope, for the PartnershipAgreement event."""
    evidence = ctx.evidence(p, sentence)
    done = set()
    for token in sentence:
        lemma = token.lemma_.lower()
        if not ((lemma in PARTNERSHIP_VERBS and token.pos_ == "VERB") or
                (lemma in PARTNERSHIP_NOUNS and token.pos_ in ("NOUN", "PROPN"))):
            continue
        verb = token if token.pos_ == "VERB" else _governing_verb(token)
        parties: list[str] = []
        if verb is not None:
            subject = subject_of(verb)
            if subject is not None:
                parties += [c for s in conjuncts(subject) if (c := ctx.entity_at(p, s, "Company"))]
        for anchor in {token, verb} - {None}:
            for t in anchor.subtree:
                if t.lower_ in ("with", "between", "and") and t.head in (token, verb) or \
                        t.dep_ == "pobj" and t.head.lower_ in ("with", "between"):
                    for obj in [t, *t.children]:
                        for c in conjuncts(obj):
                            name = ctx.entity_at(p, c, "Company")
                            if name and name not in parties:
                                parties.append(name)
        if len(parties) < 2:
            continue
        key = tuple(sorted(parties[:2]))
        if key in done:
            continue
        done.add(key)
        scope = _scope(sentence)
        yield Fact(parties[0], "partnersWith", parties[1], evidence), parties, scope


def _scope(sentence: Span) -> list[str]:
    """'in the fields of cloud computing, artificial intelligence (AI), and hardware' -> the areas."""
    for token in sentence:
        if token.lemma_.lower() in ("field", "area", "sector", "domain") and token.dep_ == "pobj":
            for child in token.children:
                if child.lower_ == "of":
                    areas = []
                    for obj in child.children:
                        for c in conjuncts(obj):
                            words = [t for t in c.subtree if t.dep_ not in ("conj", "cc", "punct", "appos")
                                     and not any(a.dep_ in ("conj", "appos") and a.i > c.i and a in t.ancestors
                                                 for a in c.subtree)]
                            text = " ".join(t.text for t in words if t.i <= c.i or t.head.i <= c.i)
                            text = text.split(" (")[0].strip(" ,")
                            if text:
                                areas.append(text)
                    return areas
    return []


def subsidiaries(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """'Redmi, a subsidiary of Xiaomi', "Xiaomi's spin-off brand Redmi", 'Foo, owned by Acme'."""
    evidence = ctx.evidence(p, sentence)
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma in SUBSIDIARY_NOUNS and token.pos_ in ("NOUN", "ADJ", "PROPN") or token.lower_ in ("spin", "spin-off"):
            noun = token if token.pos_ == "NOUN" else token.head
            parent = None
            for child in noun.children:
                if child.dep_ == "poss":
                    parent = ctx.entity_at(p, child, "Company")
                if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                    for obj in child.children:
                        parent = parent or ctx.entity_at(p, obj, "Company")
            if lemma == "brand" and not any(t.lower_ in ("sub", "spin", "spin-off", "sub-brand") or
                                            t.lemma_.lower() in ("subsidiary", "spin-off")
                                            for t in noun.subtree):
                continue
            if parent is None:
                continue
            children = []
            if noun.dep_ == "appos":
                children.append(ctx.entity_at(p, noun.head, "Company"))
            for child in noun.children:
                if child.dep_ in ("appos", "compound") or child.i == noun.i + 1:
                    children.append(ctx.entity_at(p, child, "Company"))
            if noun.i + 1 < len(sentence.doc):
                children.append(ctx.entity_at(p, sentence.doc[noun.i + 1], "Company"))
            for child in children:
                if child and child != parent:
                    yield Fact(child, "subsidiaryOf", parent, evidence)
                    break


# ---------------------------------------------------------------------- markets

def market_relations(ctx: DocContext, p: int, sentence: Span) -> Iterator[tuple[Fact, str | None]]:
    """Company/product and market, by the verb between them: present ('sells in', 'operates in',
    'has stores in'), absent (the same, negated, or 'yet to enter'), targeted ('plans to enter',
    'is building resources to enter', 'entry into'); a product 'available in' a market.
    Yields the fact and, where one happened or is planned, the event type (MarketEntry, StoreOpening)."""
    evidence = ctx.evidence(p, sentence)
    seen = set()
    for token in sentence:
        market = ctx.entity_at(p, token, "Market")
        mention = ctx.mention_at(p, token)
        if market is None or mention.anaphor or token.i != mention.end - 1 or market in seen:
            continue
        anchor = token
        while anchor.dep_ == "conj":
            anchor = anchor.head
        if anchor.dep_ in ("compound", "amod", "nmod") and anchor.head.lemma_ in ("market", "marketplace"):
            anchor = anchor.head
        if anchor.dep_ == "poss" or anchor.dep_ in ("compound", "amod") and anchor.head.pos_ == "NOUN" \
                and anchor.head.lemma_ not in ("market", "marketplace"):
            continue   # "the US company", "America's largest carrier": the market is not a place here
        if anchor.dep_ not in ("pobj", "dobj", "attr", "nsubj") and not (anchor.lemma_ in ("market", "marketplace")):
            continue
        verb = _governing_verb(anchor)
        if verb is None:
            continue
        chain = verb_chain(verb)
        subject_token = None
        for v in chain:
            subject_token = subject_of(v)
            if subject_token is not None:
                break
        if subject_token is None:
            continue
        lemmas = {v.lemma_.lower() for v in chain}
        nouns = {t.lemma_.lower() for t in anchor.ancestors if t.pos_ == "NOUN"} | \
                {t.lemma_.lower() for v in chain for t in v.children if t.dep_ in ("dobj", "attr")}
        product = ctx.entity_at(p, subject_token, "Product")
        if product and lemmas & {"available", "sell", "offer", "launch", "be", "ship", "release"}:
            if not negated(chain):
                seen.add(market)
                yield Fact(product, "availableIn", market, evidence), None
            continue
        companies = [c for s in conjuncts(subject_token) if (c := ctx.entity_at(p, s, "Company"))]
        if not companies:
            continue
        is_negated = negated(chain) or any(t.lower_ == "yet" for v in chain for t in v.children) or \
            any(t.lower_ in ("absent", "without") for t in sentence)
        plan = bool(lemmas & PLAN_CUES) or any(t.lower_ in ("will", "would", "could", "may", "might")
                                               for v in chain for t in v.children if t.dep_ == "aux")
        entry = bool(lemmas & ENTRY_VERBS or nouns & ENTRY_NOUNS)
        store = bool(nouns & STORE_NOUNS and lemmas & {"open", "launch", "have", "add", "plan"})
        presence = bool(lemmas & PRESENCE_VERBS or nouns & {"presence", "operation", "operations", "business"})
        for company in companies:
            if is_negated and (entry or presence or store):
                fact, event = Fact(company, "absentFrom", market, evidence), None
            elif store:
                fact, event = Fact(company, "targetsMarket" if plan else "operatesIn", market, evidence), "StoreOpening"
            elif entry:
                fact = Fact(company, "targetsMarket" if plan or not _past(chain) else "operatesIn", market, evidence)
                event = "MarketEntry"
            elif presence:
                fact, event = Fact(company, "operatesIn", market, evidence), None
            else:
                continue
            seen.add(market)
            yield fact, event


def _past(chain: list[Token]) -> bool:
    return any(v.tag_ in ("VBD", "VBN") for v in chain[:2])
