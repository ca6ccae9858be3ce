"""Fact rules, one small function per relation. Each reads one sentence's parse and the entities its
tokens stand for, and yields Facts. They follow the grammar ("X, the CEO of Y", "Y's founder X",
"X launched Y", "X signed a memorandum with Y", "X does not sell ... in Z"), not any article."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.model import Evidence, Fact
from kg.resolution import normalize, strip_legal_suffixes

from .context import DocContext
from .mentions import (MADE_BY_VERBS, UNITS_INCLUDED, common_noun, hyphenated_noun, included_by, named_in_owned_kind, seat_word,
                       sites_before_colon)
from .markets import resolve_market
from .normalize import mentions_money
from .places import markets_in_name, place_at, resolve_place
from .lexicon import (ABSENCE_WORDS, AFFILIATION_TITLES, AVAILABILITY_WORDS, CANCEL_VERBS, CHAIN_SITE_NOUNS,
                      CHANGE_VERBS, COMMENTATOR_TITLES, COMPANY_NOUNS, COMPANY_OR_UNIT_NOUNS, COMPETITION_NOUNS,
                      COMPETITION_VERBS, COUNTED_CUSTOMERS_VERBS, ENTRY_NOUNS, ENTRY_VERBS, EXECUTIVE_TITLES,
                      FOIL_NOUNS, LAUNCH_VERBS, OPENING_VERBS, OWNED_PRODUCT_NOUNS, PARTNERSHIP_NOUNS,
                      PARTNERSHIP_VERBS, PERSON_NOUNS, PLAN_CUES, PRESENCE_NOUNS, PRESENCE_VERBS, PRODUCE_VERBS,
                      PRODUCT_NOUNS, PRODUCT_ONLY_NOUNS, PURCHASE_NOUNS, REPRICING_VERBS, SEAT_WORDS, SITE_NOUNS,
                      SPEECH_VERBS, STORE_NOUNS, SUBSIDIARY_NOUNS, TITLES, TITLE_FUNCTIONS, TITLE_MODIFIERS,
                      trade_word)
from .transcripts import role_parts

_NEGATIONS = {"not", "n't", "never", "no"}
_HONORIFIC_WORDS = {"sir", "dame", "lord", "lady", "dr", "dr.", "prof", "prof.", "professor"}


def conjuncts(token: Token) -> list[Token]:
    """The token and everything coordinated with it ("India, Indonesia and Vietnam")."""
    return [token, *token.conjuncts]


def subject_of(token: Token) -> Token | None:
    """The subject of a verb, climbing through 'to enter', 'is planning to', 'and' to find it."""
    seen = 0
    while token is not None and seen < 6:
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        for child in subjects[-1:] if _lead_before_a_colon(subjects) else subjects:
            if child.lower_ in ("which", "that", "who") and token.dep_ in ("relcl", "acl"):
                return _agreeing_antecedent(token)   # "Arcton, which makes the X5": the relative clause's noun
            return child
        if (token.dep_ in ("xcomp", "advcl", "conj", "acl", "relcl", "pcomp", "acomp") or token.dep_ == "prep" and any(
                c.dep_ == "pcomp" for c in token.children)) and token.head != token:     # "after launching X"
            if token.dep_ == "relcl" or token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ == "PROPN":
                return token.head            # "Arcton, based in Germany, ..."
            token = token.head
            seen += 1
            continue
        return _name_after_a_date(token) or _name_before_a_verb_read_as_a_noun(token)
    return None


def _lead_before_a_colon(subjects: list[Token]) -> bool:
    """Two subjects with a colon between them: the first is a lead-in ("The surprise of the night: Orvandel has agreed
    to buy ..."), the second the clause's own."""
    return len(subjects) > 1 and any(t.text == ":" for t in subjects[0].doc[subjects[0].i:subjects[-1].i])


def _name_before_a_verb_read_as_a_noun(root: Token) -> Token | None:
    """"Sorvanto AG designs, manufactures and services elevators ... and operates factories in Poland", parsed as the
    noun "designs" (named "Sorvanto AG") with the verbs hung on it: the name is the subject."""
    if root.dep_ != "ROOT" or root.pos_ != "NOUN" or root.i == 0 or not any(c.dep_ == "conj" and c.tag_ == "VBZ"
                                                                           for c in root.children):
        return None
    verb = root if root.tag_ == "NNS" else next(       # ("Ellendra mines nickel ... and runs a plant": "mines" a
        (c for c in root.children if c.dep_ == "compound" and c.tag_ == "NNS" and c.i == root.i - 1), None)  # noun
    if verb is None or verb.i == 0:                    # on "nickel")
        return None
    name = root.doc[verb.i - 1]
    return name if name.dep_ == "compound" and name.head in (root, verb) and name.pos_ == "PROPN" else None


def subject_companies(ctx: DocContext, p: int, subject: Token) -> list[str]:
    """The companies a subject names: itself and its conjuncts, or else the name in apposition to it ("Nuswara's main
    rival, Awanmas Air, agreed to ...", "Its larger competitor Tollberry ... launched", "Quenby & Rowe, the chain that
    has held an agreement to ...")."""
    named = list(dict.fromkeys(c for s in conjuncts(subject) if (c := ctx.entity_at(p, s, "Company"))))
    if named or subject.lemma_.lower() in PARTNERSHIP_NOUNS:
        return named                      # ("Velmont's partners, Brisco and Veltrin, own the rest": Velmont's)
    described = [*(a for a in subject.children if a.dep_ == "appos"), *([subject.head] if subject.dep_ == "appos" else [])]
    named = next((a for a in described if ctx.entity_at(p, a, "Company")), None)    # ("Its main rivals, Dunkarra Air
    return list(dict.fromkeys(c for x in conjuncts(named) if (c := ctx.entity_at(p, x, "Company")))) \
        if named is not None else []                                                   # and Pellwick Air, agreed")


def _agreeing_antecedent(clause: Token) -> Token:
    """The noun a relative clause is on, by the verb's number when the parser hung it on the wrong one: "members of
    Tindahub Plus, which costs 149 pesos" is on Tindahub Plus."""
    noun = clause.head
    if clause.tag_ == "VBZ" and noun.tag_ == "NNS":
        return next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                     if o.dep_ == "pobj" and o.tag_ in ("NN", "NNP")), noun)
    return noun


def _name_after_a_date(verb: Token) -> Token | None:
    """"In August Haldvik signed ...", parsed as "in (August Haldvik)": the name after the month is the subject of
    a verb that has none."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.i < verb.i and prep.lower_ in ("in", "on"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN" and obj.ent_type_ != "DATE" and any(
                        c.dep_ == "compound" and c.ent_type_ == "DATE" and c.i == prep.i + 1 for c in obj.children):
                    return obj
    return None


def verb_chain(token: Token) -> list[Token]:
    """A verb and the verbs it hangs from (xcomp/advcl/conj), nearest first."""
    chain = [token]
    while token.dep_ in ("xcomp", "advcl", "conj", "ccomp", "pcomp", "prep", "pobj", "dobj", "acl") \
            and token.head != token and len(chain) < 6:
        if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) \
                and any(c.dep_ == "cc" and c.lower_ in ("but", "yet", "whereas", "while") for c in token.head.children):
            break                       # "it has never sold ... in Europe, but it will start selling ...": a
        token = token.head              # clause of its own, set against the one before
        chain.append(token)
    return chain


def negated(tokens: list[Token]) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in _NEGATIONS and c.dep_ in ("advmod", "det")
               or c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)     # "will no longer be sold"
               for t in tokens for c in t.children)


def _denied(noun: Token) -> bool:
    """"no presence", "no stores" (not "the No 1 retailer")."""
    doc = noun.doc
    return any(c.lower_ in ("no", "not") and not (c.i + 1 < len(doc) and doc[c.i + 1].like_num
                                                  and doc[c.i + 1].head == noun)      # (but "no 24-hour stores")
               for c in noun.children if c.dep_ in ("det", "neg", "advmod"))


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
        if token.lemma_.lower().replace(".", "") not in TITLES or token.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        if token.dep_ in ("amod", "compound") and token.head.lemma_.lower() in TITLES:
            continue                     # "chief" in "chief executive": the head title speaks for both
        person = _person_for_title(ctx, p, token)
        if person is None:
            continue
        company = _company_for_title(ctx, p, token) or _company_after_person(ctx, p, token, person) \
            or _company_after_signed_title(ctx, p, token)
        if company is None and (label := _CONTACT_LINE.match(sentence.text)) is not None \
                and not ctx.entities_in(p, [t for t in sentence if t.idx - sentence.start_char >= label.end()],
                                        "Company"):
            company = ctx.main_company or ctx.salient_company(p, token.i)   # a press release's "Media contact: Ann
            #                                                                 Lee, Head of Communications": its firm's
        elif company is None and _bare_title(ctx, p, sentence, token):     # "Chief executive Gerd Niebaum stepped
            before, main = ctx.previous_subject_company(p, sentence), ctx.salient_company(p, token.i)   # down"
            inside = quoted(sentence)
            quoted_firms = set(ctx.entities_in(p, inside, "Company")) if token not in inside else set()
            company = main if main in quoted_firms else before or main or _paragraph_subject(ctx, p, token)
            #                                                 ('"... a good year for Tarrow Media," said chief
            #                                                 executive Ann Lee': the text's firm she names; in a
            #                                                 newsletter's item, the firm the item opens on)
        elif company is None and _bare_title(ctx, p, sentence, token, alone=False):
            main = ctx.salient_company(p, token.i)            # "chief operating officer Peter Chan said that Kelvo
            audience = _audience(ctx, p, sentence) | _interviewers(ctx, p, sentence)   # is ...": the text's
            named = [n for n in ctx.entities_in(p, sentence, "Company") if n not in audience]  # company, the only one
            if not named:                                     # "chief executive Ann Lee told Ridgeline News": the
                company = ctx.previous_subject_company(p, sentence) or main     # broadcaster is whom she told
            elif named == [main] or _reports_on(ctx, p, token, main):
                company = main
            elif len(set(named)) == 1 and _reports_on(ctx, p, token, named[0]):
                company = named[0]            # "Finance chief Ann Lee said Quillo expects ...": the firm she reports on
        if company is None or company == person:
            continue
        role = _role_text(ctx, p, token)
        words = {w.lower() for w in role.replace("-", " ").split()} | {token.lemma_.lower()}
        if token.lemma_.lower() in AFFILIATION_TITLES and "in chief" not in role.lower() and not _runs_publication(token):
            #                                                  "chief economist": an economist first;
            #                                                  "editor in chief" runs the publication
            predicate = "worksFor"
        else:
            predicate = "executiveOf" if words & EXECUTIVE_TITLES or _runs_publication(token) else "worksFor"
        yield Fact(person, predicate, company, ctx.evidence(p, sentence), role=role)
        if token.tag_ == "NNS":           # "former Kelvo chief executives Ken Lane and Jeff Ross": each of them
            for named in (c for c in token.children if c.dep_ in ("appos", "compound") or c.i == token.i + 1):
                for other in conjuncts(named)[1:]:
                    if (name := ctx.entity_at(p, other, "Person")) and name != person:
                        yield Fact(name, predicate, company, ctx.evidence(p, sentence), role=role)
        if predicate == "executiveOf" and any(c.dep_ == "conj" and c.lemma_.lower() in EXECUTIVE_TITLES for c in token.children):
            for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):   # "Foo's President
                other = next((n for o in prep.children if o.dep_ == "pobj"           # and CEO of Bar": the "of"
                              and (n := ctx.entity_at(p, o, "Company"))), None)       # belongs to the second title
                if other and other != company:
                    yield Fact(person, "executiveOf", other, ctx.evidence(p, sentence), role=role)


_CONTACT_LINE = re.compile(r"(?i)\s*(?:media|press|investors?|news|analyst)(?: and \w+)?(?: relations)?"
                           r" (?:contacts?|enquiries|inquiries)\s*:")       # "Media Relations Contact:"


def _paragraph_subject(ctx: DocContext, p: int, token: Token) -> str | None:
    """The one firm the paragraph names before the token, a subject ("Finnish discount chain Halvatori posted ...";
    none when it names two: "Arcton met Velmont Motors")."""
    named = [m for m in ctx.mentions if m.para == p and m.type == "Company" and m.entity and not m.anaphor
             and m.start < token.i and token.doc[m.start] not in quoted(token.doc[m.start].sent)]   # (not a quote's)
    subjects = [m.entity for m in named if token.doc[m.start:m.end].root.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0] if subjects and {m.entity for m in named} == {subjects[0]} else None


def quoted(sentence: Span) -> list[Token]:
    """The tokens of a sentence inside quotation marks."""
    inside, tokens = False, []
    for token in sentence:
        if token.text == '"':
            inside = not inside
            continue
        if inside:
            tokens.append(token)
    return tokens


def _interviewers(ctx: DocContext, p: int, sentence: Span) -> set[str]:
    """The companies that interview a named person in a sentence: "Ondelvo spoke to chief executive Ann Lee",
    "Kelvo News interviewed Ann Lee" (the outlet, not the interviewee's firm; not "Acme spoke to suppliers")."""
    found = set()
    for verb in sentence:
        if verb.lemma_.lower() not in ("speak", "talk", "interview"):
            continue
        heard = [c for c in verb.children if c.dep_ == "dobj" and verb.lemma_.lower() == "interview"] + [
            o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "with") for o in c.children
            if o.dep_ == "pobj"]
        if any(ctx.entity_at(p, t, "Person") for h in heard for t in h.subtree) \
                and (subject := subject_of(verb)) is not None and (name := ctx.entity_at(p, subject, "Company")):
            found.add(name)
    return found


def _audience(ctx: DocContext, p: int, sentence: Span) -> set[str]:
    """The companies a sentence's speaker speaks to: "told Ridgeline Business Network", "said in an interview with
    RBN", "told the Kelvo Times"."""
    found = set()
    for verb in sentence:
        if verb.lemma_.lower() not in ("tell", "say", "speak", "interview", "write"):
            continue
        listeners: list[Token] = []
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and verb.lemma_.lower() == "tell":
                listeners.append(child)                                   # "told RBN"
            elif child.dep_ == "prep" and child.lower_ in ("to", "with"):
                listeners += [o for o in child.children if o.dep_ == "pobj"]   # "said to RBN"
        for listener in list(listeners):
            if listener.lower_ == "interview":                            # "in an interview with RBN"
                listeners += [o for c in listener.children if c.dep_ == "prep" and c.lower_ == "with"
                              for o in c.children if o.dep_ == "pobj"]
        for listener in listeners:
            found.update(ctx.entities_in(p, list(listener.subtree), "Company"))
    return found


def _company_after_signed_title(ctx: DocContext, p: int, title: Token) -> str | None:
    """A signature or contact line: "Anna Berg, Head of Communications, Kelvo Group" (a capitalised title, a
    comma, the company)."""
    doc, end = title.doc, title.right_edge.i
    while end > title.i and doc[end].is_punct:       # the parse may hang the comma on the title
        end -= 1
    if not title.text[:1].isupper():
        return None
    if end + 2 < len(doc) and doc[end + 1].text == ",":
        return ctx.entity_at(p, doc[end + 2], "Company")
    return ctx.label_line_company(p - 1) if title.i < 12 else None   # "**Kelvo Group**" on the line above




# A transcript's list of outside speakers: "Call participants: Ann Lee, Ebruso Research; Tom Hale, Harlevi".
_PARTICIPANTS_LINE = re.compile(r"(?i)\s*(?:(?:conference )?call |analyst |other )?(?:participants|analysts|attendees)"
                                r"\s*:")


def listed_affiliations(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """In a transcript's list of participants, each person followed by a firm works there: "Call participants:
    Przemysław Wierzchoń-Ebbe, Ebruso Research; Hana Veselá-Okonta, Harlevi Securities"."""
    if not _PARTICIPANTS_LINE.match(sentence.text):
        return
    doc = sentence.doc
    for mention in (m for m in ctx.mentions if m.para == p and sentence.start <= m.start < sentence.end
                    and m.type == "Person" and m.entity):
        if mention.end + 1 < sentence.end and doc[mention.end].text == "," \
                and (firm := ctx.entity_at(p, doc[mention.end + 1], "Company")) is not None:
            yield Fact(mention.entity, "worksFor", firm, ctx.evidence(p, sentence))


def speaker_line_roles(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """A transcript's speaker line says whom the speaker is with: "Tom Hale - Harlevi Securities" works there, as
    does "Tom Hale - Managing Director, Harlevi Securities"; "Ann Lee - Chief Financial Officer" is an executive of
    the company whose call it is."""
    dash = ctx.transcript.lines.get(p)
    if dash is None or sentence.start != 0:
        return
    doc = sentence.doc
    person = ctx.entity_at(p, doc[0], "Person")
    title, named = role_parts(doc, dash)
    firm = next((f for t in named if (f := ctx.entity_at(p, t, "Company")) is not None), None) if named else None
    if person is None or title is None and firm is None:
        return
    words = {t.lower_ for t in title} if title is not None else set()
    executive, commentator = bool(words & EXECUTIVE_TITLES), bool(words & COMMENTATOR_TITLES)
    role = title.text if title is not None else None
    if firm is None:
        firm = ctx.transcript_firm.entity if ctx.transcript_firm is not None else None
        if firm is not None and executive:
            yield Fact(person, "executiveOf", firm, ctx.evidence(p, sentence), role=role)
        elif firm is not None and not commentator:       # ("Tom Hale - Analyst": whose, unsaid)
            yield Fact(person, "worksFor", firm, ctx.evidence(p, sentence), role=role)
    else:
        predicate = "executiveOf" if executive and not commentator else "worksFor"
        yield Fact(person, predicate, firm, ctx.evidence(p, sentence), role=role)


def affiliations(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """"MSN's Blake Irving", "Steve Ash, from Activcard,": a person named with a company's possessive,
    or with "at"/"from"/"of" a company, works there (the role unsaid)."""
    for token in sentence:
        person = ctx.entity_at(p, token, "Person")
        if person is None or token.dep_ == "poss":
            continue
        mention = ctx.mention_at(p, token)
        if mention.anaphor or token.i != mention.end - 1:
            continue
        companies = []
        if mention.start >= 2 and token.doc[mention.start - 1].tag_ == "POS":
            companies.append(ctx.entity_at(p, token.doc[mention.start - 2], "Company"))
        for prep in token.children:      # "Ian Hunter at Goodbody Stockbrokers", "Steve Ash, from Activcard,"
            if prep.dep_ == "prep" and prep.lower_ in ("at", "from", "of"):
                companies += [_company_phrase(ctx, p, obj) for obj in prep.children if obj.dep_ == "pobj"]
        for company in dict.fromkeys(c for c in companies if c):
            yield Fact(person, "worksFor", company, ctx.evidence(p, sentence))


def _company_phrase(ctx: DocContext, p: int, token: Token) -> str | None:
    """The company a noun phrase names: the name itself, or the name before a company noun
    ("Sal Oppenheim investment bank", "the Acme group", "Acme's European arm")."""
    name = ctx.entity_at(p, token, "Company")
    if name is None and token.lemma_.lower() in COMPANY_OR_UNIT_NOUNS and token.pos_ == "NOUN":
        name = next((n for c in token.children if c.dep_ in ("compound", "poss")
                     and (n := ctx.entity_at(p, c, "Company"))), None)   # "Kelvaro's European arm"
    return name


def _runs_publication(title: Token) -> bool:
    """'editor of gadget magazine Stuff': the editor of a publication runs it ("technology editor at Foo" works
    there)."""
    return title.lemma_.lower() == "editor" and any(c.dep_ == "prep" and c.lower_ == "of" for c in title.children) \
        and not any(c.dep_ in ("compound", "amod") and c.lower_ not in ("chief", "managing", "executive", "deputy")
                    for c in title.children)


def _reports_on(ctx: DocContext, p: int, title: Token, company: str | None) -> bool:
    """'The company will partner with Foo, CEO Ann Lee told reporters': the titled person is the subject of the
    sentence's verb of saying, and what they report has the company as its subject."""
    person = title
    while person.dep_ in ("compound", "appos", "amod") and person.head.i != person.i:
        person = person.head
    verb = person.head if person.dep_ in ("nsubj", "nsubjpass") else person
    if company is None or verb.dep_ != "ROOT" or verb.lemma_.lower() not in SPEECH_VERBS:
        return False
    return any(ctx.entity_at(p, s, "Company") == company for c in verb.children if c.dep_ == "ccomp"
               for s in c.children if s.dep_ in ("nsubj", "nsubjpass"))


def _bare_title(ctx: DocContext, p: int, sentence: Span, title: Token, alone: bool = True) -> bool:
    """A company title with no company in its sentence, no 'of'/'at' after it, no owner ("New York's top law
    officer") and no name before it ("Three UK chief executive": a company the model missed): the company
    is the one the text is about. With `alone=False`, other companies may be named in the sentence."""
    before = title.i - 1
    while before >= 0 and title.doc[before].lower_ in TITLE_MODIFIERS | TITLE_FUNCTIONS:
        before -= 1                     # "Chief Commercial Officer": capitals, but no name before the title
    named_before = before >= 0 and (title.doc[before].pos_ in ("PROPN", "NUM") or title.doc[before].tag_ == "POS")
    in_quotes = {t.i for t in quoted(sentence)}
    in_quotes = in_quotes if title.i not in in_quotes else set()
    #                                           (what the titled person says names firms of its own: '"...
    #                                           Tanager ...," chief executive Ann Lee said')
    managing = title.lemma_.lower() == "director" and any(c.lower_ == "managing" or c.lower_ in TITLE_FUNCTIONS
                                                          and c.dep_ in ("compound", "amod") for c in title.children)
    #                                             (and a function's director: "Finance director Kobus Oberholzer")
    return (title.lemma_.lower() in EXECUTIVE_TITLES - {"partner", "head", "director", "manager", "president"}
            or managing) and not named_before \
        and not any(c.dep_ in ("prep", "poss") for c in title.children) \
        and not any(c.dep_ == "prep" and c.lower_ in ("of", "at") for c in title.head.children
                    if title.dep_ == "compound" and title.head.pos_ == "PROPN") \
        and (not alone or not any(m.para == p and sentence.start <= m.start < sentence.end and m.type == "Company"
                                  and not m.anaphor and m.start not in in_quotes for m in ctx.mentions))


_APPOINT_VERBS = {"hire", "name", "appoint", "promote", "tap", "elect", "pick", "choose", "recruit", "install", "make"}
_LEADERSHIP_VERBS = {"found": "founder", "co-found": "co-founder", "cofound": "co-founder", "run": "head",
                     "head": "head", "lead": "head", "chair": "chair", "helm": "head", "control": "owner", "own": "owner"}
# Verbs whose person is only ever an agent ("controlled by Tom Hale"): "Acme owns Foo" is a subsidiary.
_AGENT_ONLY_VERBS = {"control", "own"}
_NOT_WHOLLY_NOW = {"partly", "partially", "jointly", "formerly", "previously", "once", "longer", "no", "not", "never",
                   "majority", "minority"}


def appointments(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """'Velmont hired Dana Okafor as chief financial officer', 'Velmont named Dana Okafor chief
    executive', 'Okafor was appointed CEO of Velmont', 'Dana Okafor, who founded Velmont', 'Ilse
    Moreau runs Kelvaro'."""
    evidence = ctx.evidence(p, sentence)
    for verb in sentence:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB":
            continue
        if lemma in _APPOINT_VERBS:
            people = [n for c in verb.children if c.dep_ in ("dobj", "oprd", "nsubjpass")
                      for n in [ctx.entity_at(p, c, "Person")] if n]
            titles = [t for t in verb.subtree if t.lemma_.lower() in EXECUTIVE_TITLES and t.pos_ in ("NOUN", "PROPN")
                      and not (t.dep_ in ("amod", "compound") and t.head.lemma_.lower() in EXECUTIVE_TITLES)]
            if not people or not titles:
                continue
            company = _company_for_title(ctx, p, titles[0])
            if company is None:
                subject = subject_of(verb) if verb.dep_ != "acl" else verb.head
                company = ctx.entity_at(p, subject, "Company") if subject is not None else None
            if company:
                yield Fact(people[0], "executiveOf", company, evidence, role=_role_text(ctx, p, titles[0]))
        elif lemma in ("join", "rejoin") and not negated([verb]):     # "Ann Lee, who joined (Kelvo) as chief
            titles = [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"    # development officer in
                      for t in c.children if t.dep_ == "pobj" and t.lemma_.lower() in EXECUTIVE_TITLES]   # 2025"
            subject = subject_of(verb)
            person = ctx.entity_at(p, subject, "Person") if subject is not None else None
            if person is None or not titles:
                continue
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            joined = [n for c in objects if (n := _company_phrase(ctx, p, c))]
            company = joined[0] if joined else _company_for_title(ctx, p, titles[0]) or (   # (no firm named: the
                None if objects else ctx.salient_company(p, verb.i))    # text's; not after "joined the port authority")
            if company:
                yield Fact(person, "executiveOf", company, evidence, role=_role_text(ctx, p, titles[0]))
        elif lemma in _LEADERSHIP_VERBS or verb.lower_ in ("co-founded", "cofounded") or \
                lemma == "set" and any(c.lower_ == "up" for c in verb.children) or lemma == "establish":
            if negated([verb]):
                continue                         # "Brightwater was not founded by Rosa Lind"
            if lemma in ("set", "establish"):
                lemma = "found"
            agents = [t for c in verb.children if c.dep_ == "agent" for t in c.subtree]
            subject = subject_of(verb) if verb.dep_ != "acl" else verb.head
            if subject is not None and subject.dep_ == "appos" and ctx.entity_at(p, subject) is None:
                subject = subject.head                   # "Acme, the media company controlled by Tom Hale"
            if (subject is None or ctx.entity_at(p, subject, "Company") is None) and verb.tag_ == "VBN" \
                    and verb.i >= 2 and verb.doc[verb.i - 1].text == "," \
                    and ctx.entity_at(p, verb.doc[verb.i - 2], "Company"):
                subject = verb.doc[verb.i - 2]           # "Kuzelya, founded in 2016 by Ann Lee, makes games" (the
                #                                          parse hung the participle elsewhere)
            if lemma in _AGENT_ONLY_VERBS and (not agents or any(
                    c.lower_ in _NOT_WHOLLY_NOW for c in verb.children if c.dep_ in ("advmod", "neg"))):
                continue                         # not "partly owned by", "formerly controlled by", "no longer"
            if agents:                                   # "Air Deccan was set up by Gopinath and Rao"
                people = ctx.entities_in(p, agents, "Person")
                companies = [ctx.entity_at(p, subject, "Company")] if subject is not None else []
                companies = [c for c in companies if c]
            else:
                people = [n for s in (conjuncts(subject) if subject is not None else [])
                          if (n := ctx.entity_at(p, s, "Person"))]
                companies = [n for c in verb.children if c.dep_ == "dobj"      # "heads Kelvaro's European arm"
                             for n in [_company_phrase(ctx, p, c)] if n]
            for person in people if companies else []:
                yield Fact(person, "executiveOf", companies[0], evidence, role=_LEADERSHIP_VERBS.get(lemma, "co-founder"))
    for noun in sentence:                # "since Ann Lee's appointment as chief executive (of Kelvo)"
        if noun.lemma_.lower() not in ("appointment", "election", "promotion", "tenure") or noun.pos_ != "NOUN":
            continue
        person = next((n for c in noun.children if c.dep_ == "poss" and (n := ctx.entity_at(p, c, "Person"))), None)
        titles = [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.children
                  if t.dep_ == "pobj" and t.lemma_.lower() in EXECUTIVE_TITLES]
        if person is None or not titles:
            continue
        company = _company_for_title(ctx, p, titles[0]) or ctx.salient_company(p, noun.i)
        if company:
            yield Fact(person, "executiveOf", company, evidence, role=_role_text(ctx, p, titles[0]))


def union_officers(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """'Ola Berg, general secretary of the Norvik Dockers Union', 'Norvik Pilots Association treasurer Tom Hale':
    a secretary or treasurer leads the association, union or club named with the title (not 'the Transport
    Secretary', 'the state treasurer': offices of a government, and no organisation guessed from the text)."""
    evidence = ctx.evidence(p, sentence)
    for title in sentence:
        if title.lemma_.lower() not in _OFFICER_TITLES or title.pos_ not in ("NOUN", "PROPN"):
            continue
        named = [o for c in title.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                 if o.dep_ == "pobj"]
        named += [c for c in title.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
        body = next((name for t in named if (mention := ctx.mention_at(p, t)) is not None and not mention.anaphor
                     and (name := ctx.entity_at(p, t, "Company"))
                     and name.lower().split()[-1] in _ASSOCIATION_WORDS), None)
        person = _person_for_title(ctx, p, title) if body else None
        if person and person != body:
            yield Fact(person, "executiveOf", body, evidence, role=_role_text(ctx, p, title))


_OFFICER_TITLES = frozenset({"secretary", "treasurer"})
_ASSOCIATION_WORDS = frozenset({"union", "unions", "association", "federation", "council", "society", "club",
                                "league", "guild", "congress", "confederation", "institute", "chamber"})


def _person_for_title(ctx: DocContext, p: int, title: Token) -> str | None:
    # "Lei Jun, Xiaomi's founder": the title is in apposition to the person
    head = title
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    comma = title.left_edge.i - 1
    if head != title and comma > 0 and title.doc[comma].text == "," and (mention := ctx.mention_at(p, head)) \
            and mention.type == "Person" and mention.end == comma:
        return mention.entity             # "Sanne de Vries, Chief Financial Officer, ...", parsed as a list
    if head.dep_ == "appos":
        name = ctx.entity_at(p, head.head, "Person")
        if name:
            return name
        if head.head.dep_ == "appos" and ctx.entity_at(p, head.head, "Company"):   # "Andy Clarke, ERAA director"
            name = ctx.entity_at(p, head.head.head, "Person")
            if name:
                return name
    if head.dep_ == "compound" and head.head.dep_ == "appos" and ctx.entity_at(p, head.head, "Company"):
        name = ctx.entity_at(p, head.head.head, "Person")   # "Dinesh Kapoor, senior vice president Vantel"
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
    while nxt < len(doc) and (doc[nxt].text in (",",) or doc[nxt].lower_ in _HONORIFIC_WORDS):
        nxt += 1                          # "chief executive Sir Anthony Oldfield"
    if nxt < len(doc):
        name = ctx.entity_at(p, doc[nxt], "Person")
        if name and (title.head == doc[nxt] or doc[nxt].head == title or title.dep_ == "compound"
                     or ctx.entity_at(p, title.head, "Person") == name or _closing_apposition(ctx, p, title, nxt)
                     or nxt == title.i + 1 and title.is_lower and ctx.mention_at(p, doc[nxt]).start == nxt):
            return name                   # ('..., chief executive Ann Lee said', however the parser hangs it)
    # "Jane Doe is the chief executive of Acme"
    if title.dep_ == "attr":
        subject = subject_of(title.head)
        if subject is not None:
            return ctx.entity_at(p, subject, "Person")
    return None


def _closing_apposition(ctx: DocContext, p: int, title: Token, start: int) -> bool:
    """'reporting to Acme's chief technology officer, Sam Roe.': a company's title, a comma, then a name that ends
    the sentence (the parser often hangs it elsewhere)."""
    doc = title.doc
    mention = ctx.mention_at(p, doc[start])
    return doc[start - 1].text == "," and mention is not None \
        and (mention.end == len(doc) or doc[mention.end].text in (".", ";", "!", "?")) \
        and any(c.dep_ == "poss" for c in title.children)


def _company_after_person(ctx: DocContext, p: int, title: Token, person: str) -> str | None:
    """'analyst Erling Refsum at Nomura': the company hangs from the name, not from the title."""
    for token in title.doc[title.i + 1:title.i + 6]:
        if ctx.entity_at(p, token, "Person") == person:
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in ("at", "of", "from", "with"):
                    for obj in prep.children:
                        if name := ctx.entity_at(p, obj, "Company"):
                            return name
    return None


def _conj_company(ctx: DocContext, p: int, title: Token) -> str | None:
    conj = [c for c in title.children if c.dep_ == "conj"]
    return _company_for_title(ctx, p, conj[0]) if conj else None


def _company_for_title(ctx: DocContext, p: int, title: Token) -> str | None:
    """"Kelvo's founder", 'CEO of Acme', "CEO of Kelvo's spin-off brand Lumio" (the brand, not
    its owner), 'head of Kelvo's international business', 'Acme CEO'."""
    for child in title.children:
        if child.dep_ == "poss" and (name := ctx.entity_at(p, child, "Company")):
            return name
    for prep in title.children:          # "editor in chief of Foo Report"
        if prep.dep_ == "prep" and prep.lower_ == "in" and any(c.lower_ == "chief" for c in prep.children):
            return _company_for_title(ctx, p, next(c for c in prep.children if c.lower_ == "chief"))
    for prep in title.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "for", "with", "from"):
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                name = ctx.entity_at(p, obj, "Company")
                if name:
                    return name
                named = [ctx.entity_at(p, c, "Company") for c in obj.children
                         if c.dep_ in ("appos", "compound", "npadvmod", "amod", "nmod")]   # "at Symantec security response"
                if obj.i + 1 < len(obj.doc):
                    named.append(ctx.entity_at(p, obj.doc[obj.i + 1], "Company"))
                named = [n for n in named if n]
                if named and obj.lemma_.lower() in COMPANY_NOUNS | {"brand", "unit", "division", "arm"}:
                    return named[0]
                for child in obj.children:
                    if child.dep_ == "poss" and (name := ctx.entity_at(p, child, "Company")):
                        return name
                if named and obj.pos_ == "NOUN" and obj.is_lower:     # "at Symantec security response"
                    return named[0]
                name = _company_along_preps(ctx, p, obj)
                if name:
                    return name
                if obj.lower_ in ("board", "council", "committee"):     # "President of the Management Board of
                    name = next((n for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"    # Komvela"
                                 for o in c.children if o.dep_ == "pobj"
                                 and (n := ctx.entity_at(p, o, "Company"))), None)
                    if name:
                        return name
    for child in title.children:
        if child.dep_ in ("poss", "compound", "nmod") and (name := ctx.entity_at(p, child, "Company")):
            return name
        if child.dep_ == "appos" and child.i == title.i + 1 and (name := ctx.entity_at(p, child, "Company")):
            return name                  # "Dinesh Kapoor, senior vice president Vantel"
    if title.dep_ == "compound" and title.head.dep_ == "appos" and ctx.entity_at(p, title.head.head, "Person") \
            and (name := ctx.entity_at(p, title.head, "Company")):
        return name                      # ... parsed as "president" modifying "Vantel"
    before = title.i - 1                 # "Acme CEO Jane Doe" parsed flat; "LSE chief executive Clara Furse"
    while before >= 0 and title.doc[before].lower_ in TITLE_MODIFIERS | TITLES and title.doc[before].head.i >= title.i:
        before -= 1                      # (and "Gentavo President Director X": a title of two title words)
    if before >= 2 and title.doc[before].text == "-" and title.doc[before - 1].lower_ == "co":
        before -= 2                      # "Pellwick co-founder Joris van Beek" (tokenised "co", "-", "founder")
    if before >= 1 and title.doc[before].tag_ == "POS":
        before -= 1                      # "Novo's chief executive Lars Jorgensen"
    if before >= 0 and (name := ctx.entity_at(p, title.doc[before], "Company")):
        return name
    if before >= 0 and getattr(ctx.mention_at(p, title.doc[before]), "entity", None) is None \
            and (name := ctx.company_by_first_word(title.doc[before], mistagged=True)):
        return name                      # "Pellwick chief executive Ann Lee" after "Pellwick Photonics": a short
        #                                  form the model did not tag
    if title.dep_ == "appos" and (name := ctx.entity_at(p, title.head, "Company")):
        return name                      # "Andy Clarke, ERAA director of air transport" (the title parsed on the name)
    if title.dep_ == "conj":             # shared modifier of coordinated titles: "Xiaomi's founder and CEO"
        return _company_for_title(ctx, p, title.head)
    if title.dep_ == "compound" and title.head.dep_ == "conj" and title.head.head.lemma_.lower() in TITLES:
        return _company_for_title(ctx, p, title.head.head)   # "Halden's chairman and chief executive Ola Berg"
    return None


def _company_along_preps(ctx: DocContext, p: int, noun: Token, depth: int = 2) -> str | None:
    """The company at the end of a chain of "for"/"at" phrases on common nouns: "head of strategy for Latin
    American markets for Barclays Capital"."""
    if depth == 0 or not noun.is_lower:
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "at"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and (name := ctx.entity_at(p, obj, "Company")
                                           or _company_along_preps(ctx, p, obj, depth - 1)):
                    return name
    return None


def _role_text(ctx: DocContext, p: int, title: Token) -> str:
    """The title as written, without the company and the person: 'founder and CEO', 'head of
    international business', 'chief executive'."""
    skipped = {t.i for child in title.subtree if child != title and child.dep_ in ("appos", "relcl")
               for t in child.subtree}
    skipped |= {t.i for prep in title.children if prep.dep_ == "prep" and any(   # "analyst at Foo in Seoul"
        ctx.entity_at(p, o, "Company") for o in prep.children if o.dep_ == "pobj") for t in prep.subtree}
    if _company_for_title(ctx, p, title) != _conj_company(ctx, p, title):
        skipped |= {t.i for child in title.children if child.dep_ in ("conj", "cc") for t in child.subtree}
    words = [t.text for t in title.subtree
             if t.i not in skipped and not ctx.mention_at(p, t) and t.tag_ != "POS" and not t.is_punct
             and t.lower_ not in ("the", "a", "an")]
    while words and words[-1].lower() in ("of", "at", "and", "for", "with"):
        words.pop()
    return " ".join(words) or title.text


# ---------------------------------------------------------------------- products

# Verbs a reseller shares with the maker: "AT&T will sell Huawei's Mate 10 Pro" makes AT&T no maker.
RESALE_VERBS = frozenset({"sell", "offer", "market", "ship", "distribute", "carry"})


def _owned_by_another(ctx: DocContext, p: int, sentence: Span, mention) -> bool:
    """A possessive names the product's owner: "Huawei's Mate 10 Pro", "Huawei's handset, Mate 10 Pro"."""
    doc, start = sentence.doc, mention.start
    holders = list(doc[mention.start:mention.end])
    root = doc[mention.start:mention.end].root
    if root.dep_ == "appos":
        holders.append(root.head)
    if start >= 2 and doc[start - 1].text == ",":
        holders.append(doc[start - 2])
    if start >= 2 and doc[start - 1].tag_ == "POS" and ctx.entity_at(p, doc[start - 2], "Company"):
        return True
    return any(c.dep_ == "poss" and ctx.entity_at(p, c, "Company") for h in holders for c in h.children)


_RESELLER_NOUNS = frozenset({"distributor", "dealer", "reseller", "wholesaler", "stockist", "importer"})
#                              (not a retailer or a chain: they sell goods of their own labels too)


def _described_as_reseller(name: Token) -> bool:
    """A firm the text calls a seller of others' goods: "Laboratorios Ombrejo, a Mexican distributor", "retailer
    Brightwater"."""
    described = [c for c in name.children if c.dep_ == "appos" or c.dep_ == "compound" and c.i < name.i]
    return any(d.lemma_.lower() in _RESELLER_NOUNS and d.pos_ == "NOUN" for d in described)


# Verbs whose subject can only take back what it makes or sells: "Merck withdrew Vioxx".
WITHDRAW_VERBS = frozenset({"withdraw", "recall", "discontinue"})
# Nouns of making or selling: "begin production of X", "started deliveries of X", "suspended sales of X".
_MAKING_NOUNS = frozenset({"production", "manufacture", "manufacturing", "development", "delivery", "deliveries",
                           "shipment", "shipments", "rollout", "launch", "release", "sale", "sales", "marketing"})


# A company's part that makes things for it: "developed by BT's research unit" (not "criticised by").
_MAKING_UNITS = frozenset({"unit", "division", "arm", "subsidiary", "team", "lab", "labs", "laboratory", "studio"})


def foil(token: Token) -> bool:
    """A product named only as what another is measured against: "(launched) the first copy of Draxelon's
    Klaventro", "a cheaper alternative to the Zorba 5", "the first Klaventro copy", "a version of Draxelon's
    Klaventro" (but "a new version of its app" is its own product, launched anew)."""
    if token.dep_ in ("compound", "nmod") and token.head.lemma_.lower() in FOIL_NOUNS | {"version"}:
        return True                      # (and "Linux versions of its programs": what the versions are for)
    for ancestor in token.ancestors:
        if ancestor.dep_ == "prep" and ancestor.lower_ in ("of", "to"):
            noun = ancestor.head.lemma_.lower()
            if noun in FOIL_NOUNS:
                return True
            if noun == "version":
                return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in token.children)
        if ancestor.dep_ in ("dobj", "nsubjpass", "ROOT"):
            return False
    return False


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
        root = sentence.doc[mention.start:mention.end].root
        if root.dep_ == "conj" and root.head.dep_ in ("nmod", "compound") and ctx.entity_at(p, root.head, "Product"):
            for child in root.head.children:      # "its S3 and K9 Pro models": the first one's owner owns both (not
                #                                   "Huawei's P Series and iPhones": no noun the two share)
                if child.dep_ == "poss" and (company := ctx.entity_at(p, child, "Company")):
                    yield Fact(company, "produces", product, evidence)
        # "Huawei's flagship handset, Mate 10 Pro": the possessive sits on the noun the name explains
        explains = root if root.dep_ == "appos" else root.head if root.dep_ in ("compound", "nmod") \
            and root.head.dep_ == "appos" and root.head.pos_ == "NOUN" else None   # ("Its best-known machine, the
        #                                                                            Garoa self-propelled sprayer")
        if explains is not None and ctx.mention_at(p, explains.head) is None:     # (not "Sony's A, Acme's B")
            for child in explains.head.children:
                if child.dep_ == "poss" and (company := ctx.entity_at(p, child, "Company")):
                    yield Fact(company, "produces", product, evidence)
        # "its Blogger site", "Kelvaro's Zephyr line": on the product noun the name is compounded to
        if named_in_owned_kind(sentence.doc[mention.start:mention.end]) and root.head.pos_ == "NOUN" \
                and (root.head.lemma_.lower() in PRODUCT_NOUNS | OWNED_PRODUCT_NOUNS or _goods_noun(root.head)):
            #                                                            ("its Fusora X2 hybrid bonder")
            kind = root.head
            while kind.dep_ == "compound" and kind.head.i > kind.i and _goods_noun(kind.head):
                kind = kind.head                 # "its Strevia 12 road groupset": the phrase's last noun holds "its"
            for child in kind.children:
                if child.dep_ == "poss" and (company := ctx.entity_at(p, child, "Company")) \
                        and ctx.maker_of.get(product, company) == company:   # (not "Aerona's Skyframe 787 plane":
                    yield Fact(company, "produces", product, evidence)      # a customer's, Skyframe makes it)
        # "Avonex, Biogen Idec's multiple sclerosis drug": or on the noun that explains the name
        for appos in (c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN" and ctx.mention_at(p, c) is None):
            for child in appos.children:
                if child.dep_ == "poss" and (company := ctx.entity_at(p, child, "Company")):
                    yield Fact(company, "produces", product, evidence)
        # "Huawei's flagship handset, Mate 10 Pro" when the parser loses the apposition
        if start >= 2 and sentence.doc[start - 1].text == "," and \
                sentence.doc[start - 2].lemma_.lower() in PRODUCT_NOUNS:
            for child in sentence.doc[start - 2].children:
                if child.dep_ == "poss" and (company := ctx.entity_at(p, child, "Company")):
                    yield Fact(company, "produces", product, evidence)
        # "the X1 from/by Acme", "made by Acme", "Zorvia, a pill made by Acme" (not "Brisco, a spin-off launched by
        # Acme": a firm)
        explained = [root, *(c for c in root.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "ADJ")
                             and (hyphenated_noun(c) or c.lemma_.lower()) not in COMPANY_OR_UNIT_NOUNS)]
        kind = root.head
        from_on_kind = [c for c in kind.children if c.dep_ == "prep" and c.lower_ == "from"] \
            if root.dep_ in ("compound", "nmod") and kind.pos_ == "NOUN" and kind.lemma_.lower() in PRODUCT_NOUNS \
            and not (kind.dep_ == "pobj" and kind.head.lower_ == "for") else []   # (not "orders for 40 jets from
        #                                                                           Kavrin": the buyer)
        for prep in [c for holder in explained for c in holder.children if c.dep_ in ("prep", "agent", "acl")] \
                + from_on_kind:                                    # "TR9 engines from Ostraval": on the kind
            for deeper in [prep, *prep.children]:
                if deeper.lower_ in ("from", "by") or deeper.dep_ == "agent":
                    for obj in deeper.children:
                        for conj in [*conjuncts(obj), *(c for c in obj.children if c.dep_ == "appos")]:
                            company = ctx.entity_at(p, conj, "Company") or (    # "developed by BT's research unit"
                                _possessing_company(ctx, p, conj) if conj.lemma_.lower() in _MAKING_UNITS
                                and prep.lemma_ in MADE_BY_VERBS else None)
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
        making = head.lemma_.lower() in _MAKING_NOUNS and head.pos_ == "NOUN" and any(    # "begin production
            t.lower_ == "of" for t in root.ancestors if t.i > head.i and t.i < root.i)   # of the Cybercab"
        brought = verb is not None and verb.lemma_ == "bring" and any(   # "Qimora brings two Tavren 8 phones to
            t.lower_ == "to" and t.dep_ == "prep" for t in verb.subtree)   # Europe": its maker's
        if verb is not None and (verb.lemma_ in PRODUCE_VERBS | WITHDRAW_VERBS or making or brought) and not (
                verb.lemma_ in RESALE_VERBS and _owned_by_another(ctx, p, sentence, mention)) and not foil(root):
            #                                    (not "launched the first copy of Draxelon's Klaventro")
            subject = subject_of(verb)
            if subject is not None:
                for s in conjuncts(subject):
                    company = ctx.entity_at(p, s, "Company")
                    if company and not (verb.lemma_ in RESALE_VERBS and _described_as_reseller(s)):
                        yield Fact(company, "produces", product, evidence)   # (not "Ombrejo, a Mexican
                        #                                                      distributor, will sell Quenvelia")
        # "the maker behind phones like the Zephyr 5"
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
    for noun in sentence:            # "Prozac from its maker, Eli Lilly": the product named last before "its maker"
        if noun.lemma_.lower() in ("maker", "manufacturer", "developer", "producer") and noun.tag_ == "NN" \
                and any(c.dep_ == "poss" and c.lower_ == "its" for c in noun.children):
            makers = [n for c in noun.children if c.dep_ == "appos" and (n := ctx.entity_at(p, c, "Company"))]
            named = ctx.entities_in(p, sentence.doc[sentence.start:noun.i], "Product")
            for maker in makers[:1] if named else []:
                yield Fact(maker, "produces", named[-1], evidence)
    for noun in sentence:            # "iPhone maker Apple", "Orca 7 maker Skyrune", "Pyra Labs, makers of Blogger"
        if noun.lemma_.lower() in ("maker", "manufacturer", "developer", "producer", "designer", "builder", "owner"):
            made = ctx.entities_in(p, [t for t in noun.subtree if t.i < noun.i], "Product")
            if noun.dep_ == "appos":
                made += ctx.entities_in(p, [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                                            for t in c.subtree], "Product")
            company = ctx.entity_at(p, noun.head, "Company") if noun.dep_ in ("compound", "appos") else None
            if company is None and noun.dep_ == "appos" and noun.head.dep_ == "pobj" and noun.head.head.lower_ == "in" \
                    and ctx.entity_at(p, noun.head) is None:
                company = ctx.entity_at(p, noun.head.head.head, "Company")   # "Halvbrann Studios in Kraków, maker
                #                                                               of the Drakvane series": the firm's
            if company is None and noun.i + 1 < len(noun.doc):
                company = ctx.entity_at(p, noun.doc[noun.i + 1], "Company")
            for product in made if company else []:
                yield Fact(company, "produces", product, evidence)
    for token in sentence:                 # "Diageon's brands include Vodkar vodka and Kelt stout"
        noun = included_by(token)
        owner = _possessing_company(ctx, p, noun) if noun is not None else None
        if owner and (any(c.lemma_.lower() in ("subsidiary", "sister") for c in noun.children)
                      or noun.lemma_.lower() in UNITS_INCLUDED and not any(      # "Hexvold, whose eleven studios
                          c.dep_ in ("amod", "compound") and c.lemma_.lower() in _NOT_OWN_UNITS   # include ..." (not
                          for c in noun.children)):                                  # "its partner studios include")
            for unit in ctx.entities_in(p, [t for c in conjuncts(token) for t in c.subtree], "Company"):
                yield Fact(unit, "subsidiaryOf", owner, evidence)   # "Electrolux's subsidiary brands include AEG"
            continue
        for product in ctx.entities_in(p, [t for c in conjuncts(token) for t in c.subtree], "Product") if owner else []:
            yield Fact(owner, "produces", product, evidence)
    for product, company in _named_makers(ctx, sentence, p):
        yield Fact(company, "produces", product, evidence)
    for noun in sentence:                  # "Tysabri and Avonex, Biogen Idec's existing drug": by the words alone,
        if noun.lemma_.lower() not in PRODUCT_ONLY_NOUNS or noun.pos_ != "NOUN":    # for the parse
            continue                                                # often loses it (or makes the noun a conjunct)
        owners = [t for t in noun.subtree if t.dep_ == "poss" and t.i < noun.i]
        company = next((n for t in owners if (n := ctx.entity_at(p, t, "Company"))), None)
        start = min((t.left_edge.i for t in owners), default=noun.i)
        if company is None or start < 2 or noun.doc[start - 1].text != ",":
            continue
        product = ctx.entity_at(p, noun.doc[start - 2], "Product")
        if product is not None:
            yield Fact(company, "produces", product, evidence)


def _goods_noun(noun: Token) -> bool:
    """A common noun for a kind of goods a name may stand before ("its VTrack 90 assembly", "its Fusora X2 hybrid
    bonder"): a plain singular noun that names no act, deal, holding, abstraction, site, firm or person ("its A350
    delivery", "its Zephyr 5 stake", "its Vinta 2 agreement", "its mRNA technology", "its Kelvo partner")."""
    lemma = noun.lemma_.lower()
    return noun.tag_ == "NN" and not lemma.endswith(_ABSTRACT_ENDINGS) \
        and lemma not in COMPANY_OR_UNIT_NOUNS | SITE_NOUNS | STORE_NOUNS | TITLES | PERSON_NOUNS | _NOT_GOODS \
        | _AGENT_NOUNS


_ABSTRACT_ENDINGS = ("ment", "tion", "sion", "ing", "ance", "ence", "ship", "ity", "ism", "age")
_NOT_GOODS = frozenset("""stake share holding deal order price sale launch route service delivery plan strategy
business unit brand team licence license contract lease fleet customer rival partner technology standard technique
method process approach format chemistry design science debut rollout release recall version upgrade update trial
study approval patent rights revenue profit margin market stadium arena headquarters campus building tower project
programme program venture bid offer loan debt bond fund issue flight visit tour event campaign purchase lease
buy buyout takeover merger""".split())
# Nouns ending as machines' names do ("-er", "-or") that name a person or a firm, or nothing made.
_AGENT_NOUNS = frozenset("""order partner customer buyer supplier owner investor holder lender dealer retailer
rival competitor member player leader operator provider carrier sponsor worker driver user subscriber offer quarter
number letter matter center sector factor error charter transfer newsletter trader broker insurer exporter importer
distributor seller producer manufacturer developer designer builder maker shopper consumer borrower banker lawyer
regulator governor minister senator voter reader viewer listener winner loser outsider insider founder employer
employee officer director manager adviser advisor counsellor counselor shareholder stakeholder bidder backer
challenger newcomer pioneer pensioner passenger traveller traveler visitor tenant landlord farmer grower miner
donor creditor debtor disaster theater theatre chapter cluster register border""".split())


def _products_listed_before(ctx: DocContext, p: int, noun: Token) -> list[str]:
    """The products listed right before a plural description: "the Zephyr 12 and Zephyr 12 Pro, its phones" (a list
    of product names, 'and', commas and articles only)."""
    found, i = [], noun.left_edge.i - 1
    while i >= noun.sent.start:
        token = noun.doc[i]
        name = ctx.entity_at(p, token, "Product")
        mention = ctx.mention_at(p, token) if name else None
        if name and mention.start > 0 and noun.doc[mention.start - 1].tag_ == "POS":
            break                         # "to rival Kelvo's Orca 2, and the Zephyr 12 Pro, its phones": not its
        if name:
            if name not in found:
                found.insert(0, name)
        elif token.lower_ not in (",", "and", "the", "its", "their", "&"):
            break
        i -= 1
    return found


def makers_of(facts: list[Fact]) -> dict[str, list[str]]:
    """Each product's makers by the document's produces facts, in the order found."""
    makers: dict[str, list[str]] = {}
    for fact in facts:
        if fact.predicate == "produces":
            makers.setdefault(fact.object, []).append(fact.subject)
    return makers


def rivals_by_maker(facts: list[Fact], types: dict[str, str]) -> list[Fact]:
    """Products named as competing ("the Zephyr 12 will compete with the Nova 8") stand for their makers the
    document names (its produces facts); a product whose maker the text never names drops out."""
    makers = makers_of(facts)

    def party(name: str) -> list[str]:   # a company, or a product's one maker (not also a shop that sells it)
        if types.get(name) != "Product":
            return [name]
        found = set(makers.get(name, []))
        return list(found) if len(found) == 1 else []

    kept = []
    for fact in facts:
        if fact.predicate != "competesWith" or "Product" not in (types.get(fact.subject), types.get(fact.object)):
            kept.append(fact)
            continue
        kept += [Fact(a, "competesWith", b, fact.evidence)
                 for a in party(fact.subject) for b in party(fact.object) if a != b]
    return kept


def makers_markets(facts: list[Fact]) -> list[Fact]:
    """A product on sale in a market puts its maker there ("the Zephyr 5 goes on sale in Spain": Kelvo operates in
    Spain), unless the text says the maker is absent or only aiming at it ("Kelvo has no presence in the US, but
    its scooter is sold there"), or the sentence puts a partner of the maker there ("its licensing partner Hollisdorf
    began selling it in Germany": the partner is)."""
    held_back = {(f.subject, f.object) for f in facts if f.predicate in ("absentFrom", "targetsMarket")}
    partnered = {(f.subject, f.object) for f in facts if f.predicate == "partnersWith"}
    sellers: dict[tuple[str, int], set[str]] = {}
    for f in facts:
        if f.predicate == "operatesIn":
            sellers.setdefault((f.object, f.evidence.start), set()).add(f.subject)

    def partner_sells(maker: str, fact: Fact) -> bool:
        return any((maker, seller) in partnered or (seller, maker) in partnered
                   for seller in sellers.get((fact.object, fact.evidence.start), set()))

    makers = makers_of(facts)
    return [Fact(maker, "operatesIn", fact.object, fact.evidence)
            for fact in facts if fact.predicate == "availableIn"
            for maker in dict.fromkeys(makers.get(fact.subject, [])) if (maker, fact.object) not in held_back
            and not partner_sells(maker, fact)]


def product_families(ctx: DocContext, facts: list[Fact]) -> list[Fact]:
    """Products of one family share a maker: when "Mi Mix 2" is Xiaomi's, so are "Mi Power Bank Pro"
    and "Mi Electric Scooter" in the same article (and "Galaxy S9" with "Galaxy Note"). Only for
    products whose maker the article does not name, and only when the family has one maker."""
    makers: dict[str, set[str]] = {}
    made = {f.object for f in facts if f.predicate == "produces"}
    for fact in facts:
        if fact.predicate == "produces":
            makers.setdefault(fact.object.split()[0].lower(), set()).add(fact.subject)
    inferred = []
    for mention in ctx.mentions:
        if mention.type != "Product" or mention.anaphor or mention.entity in made:
            continue
        family = mention.entity.split()[0].lower()
        owners = makers.get(family, set())
        if len(owners) == 1 and len(mention.entity.split()) > 1 and len(family) > 1:
            doc = ctx.paragraphs[mention.para].doc
            inferred.append(Fact(next(iter(owners)), "produces", mention.entity,
                                 ctx.evidence(mention.para, doc[mention.start].sent)))
            made.add(mention.entity)
    return inferred


def _named_makers(ctx: DocContext, sentence: Span, p: int) -> Iterator[tuple[str, str]]:
    """'Samsung Galaxy S9': a product named with its maker in front."""
    for token in sentence:
        mention = ctx.mention_at(p, token)
        if mention and mention.type == "Product" and token.i == mention.start and not mention.anaphor:
            maker = ctx.maker_of.get(mention.entity)
            if maker and (mention.text != mention.entity or mention.text.lower().startswith(maker.lower() + " ")
                          or _named_after_its_firm(mention.text, maker)):
                yield mention.entity, maker


def _named_after_its_firm(product: str, maker: str) -> bool:
    """"Crystal Harmony" of "Crystal Cruises", "Zestaro Pass" of "Zestaro Technologies S.A.": a product named with the
    first word of a firm whose name ends in a trade or a legal form (not "Veltrum Data" of "Veltrum Data AG", the
    firm's own short name, nor "Windows XP" of "Windows Genuine Advantage")."""
    words, firm = product.lower().split(), maker.lower().split()
    return len(words) > 1 and len(firm) > 1 and words[0] == firm[0] \
        and (trade_word(firm[-1]) or strip_legal_suffixes(maker) != normalize(maker)) \
        and normalize(product) != strip_legal_suffixes(maker)


# ---------------------------------------------------------------------- companies with companies

def competitors(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """'Xiaomi's rival Huawei', 'rivals such as Oppo and Vivo', 'Acme competes with Foo',
    'Xiaomi will compete directly with Huawei', 'Acme takes on Foo', 'Acme faces competition from Foo'."""
    evidence = ctx.evidence(p, sentence)
    for token in sentence:
        lemma = token.lemma_.lower()
        in_apposition = next((c for c in token.head.children if c.dep_ == "appos" and ctx.entity_at(p, c, "Company")),
                             None) if token.dep_ == "amod" and token.head.pos_ == "NOUN" else None
        if lemma in COMPETITION_NOUNS and token.dep_ in ("amod", "compound") and (token.head.pos_ == "PROPN"
                                                                                  or in_apposition is not None):
            named = in_apposition or token.head      # "Brightwater's rival Calloway": "rival" modifies the name; "The
            #                                      rival bidder, Cassomar Ports,": the name in apposition
            other = ctx.entity_at(p, named, "Company")
            owner = next((n for c in named.children if c.dep_ == "poss"
                          and (n := ctx.entity_at(p, c, "Company"))), None)
            if owner is None and named.dep_ == "dobj" and (subject := subject_of(named.head)) is not None:
                owner = ctx.entity_at(p, subject, "Company")    # "it still trails Spanish rival Inditex"
            if owner is None and named.dep_ == "pobj" and (verb := next(
                    (a for a in named.ancestors if a.pos_ == "VERB"), None)) is not None \
                    and (subject := subject_of(verb)) is not None:
                owner = ctx.entity_at(p, subject, "Company")    # "after losing out to larger rival Vantel"
            if owner is None and other and token.left_edge.i == token.sent.start and named.dep_ == "nsubj" \
                    and (main := ctx.salient_company(p, token.i)) not in (other, None):
                owner = main                 # "Rival Revello, owned by Hoshimura, launched a card, while ...": the
                #                              text's company's rival, whoever else the sentence names
            if owner is None and other:                          # "Foo, in contrast to European rival Bar,":
                on_rival = {t.i for c in named.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
                others = {n for n in ctx.entities_in(p, [t for t in sentence if t.i not in on_rival], "Company")
                          if n != other}                        # the one other (not "rival Bar, which bought Baz")
                owner = next(iter(others)) if len(others) == 1 else None                     # company named;
                if not others and (main := ctx.salient_company(p, token.i)) != other:   # none: the company the
                    owner = main                                                       # text is about ("Rival
                    #                                                                    Sony has said it will")
            if other and owner and other != owner:
                yield Fact(owner, "competesWith", other, evidence)
        elif lemma in COMPETITION_NOUNS and token.pos_ == "NOUN":
            owner = _owner_company(ctx, p, token)
            if owner is None:
                continue
            for other in _named_around(ctx, p, token) or _rivals_named_next(ctx, p, token):
                if other != owner:
                    yield Fact(owner, "competesWith", other, evidence)
        elif lemma in ("rivalry", "competition") and token.pos_ == "NOUN" and not _past_contest(token) \
                and (owner := _possessing_company(ctx, p, token) or _company_put_in(ctx, p, token)):
            for other in (n for c in token.children if c.dep_ == "prep" and c.lower_ in ("with", "against")
                          for o in c.children if o.dep_ == "pobj" for x in conjuncts(o)
                          if (n := ctx.entity_at(p, x, "Company"))):
                if other != owner:         # "Tarrowind's rivalry with Ophrael" (not "its legal battle with Foo")
                    yield Fact(owner, "competesWith", other, evidence)
        elif lemma in _CONTEST_NOUNS and token.pos_ == "NOUN" and (between := [   # "the battle between Acme and
                c for c in token.subtree if c.dep_ == "prep" and c.lower_ == "between"     # Foo", "a race in search
                and c.head.i >= token.i and c.head.i - token.i <= 3]):                      # between A, B and C"
            rivals = list(dict.fromkeys(n for prep in between for obj in prep.children for o in conjuncts(obj)
                                        if (n := ctx.entity_at(p, o, "Company"))))
            for i, a in enumerate(rivals):
                for b in rivals[i + 1:]:
                    yield Fact(a, "competesWith", b, evidence)
        elif lemma in _CONTEST_NOUNS and token.dep_ == "pobj" and token.head.lower_ == "in" \
                and _market_contest(token) and not negated([token.head.head]):
            rivals = [n for s in conjuncts(subject_of(token.head.head) or token) if (n := _rival_at(ctx, p, s))]
            against = [n for c in token.children if c.dep_ == "prep" and c.lower_ in ("with", "against")
                       for o in c.children if o.dep_ == "pobj" for x in conjuncts(o) if (n := _rival_at(ctx, p, x))]
            pairs = [(a, b) for a in rivals for b in against] if against else \
                [(a, b) for i, a in enumerate(rivals) for b in rivals[i + 1:]]
            for a, b in pairs:               # "Akvira and Evrenjet are locked in a fare war", "Akvira is in a price
                if a != b:                   # war with Evrenjet"
                    yield Fact(a, "competesWith", b, evidence)
        elif lemma == "competition" and token.dep_ == "dobj" and not negated(verb_chain(token.head)):
            #                                                        "Acme faces fierce competition from Foo" (not
            #                                                        "does not face competition from")
            subject = subject_of(token.head)
            owner = ctx.entity_at(p, subject, "Company") if subject is not None else None
            preps = [*token.children, *(c for c in token.head.children if c.i > token.i)]   # "... in the sector from Foo"
            rivals = [c for prep in preps if prep.dep_ == "prep" and prep.lower_ == "from"
                      for obj in prep.children for o in conjuncts(obj) if (c := ctx.entity_at(p, o, "Company"))]
            for other in rivals if owner else []:
                if other != owner:
                    yield Fact(owner, "competesWith", other, evidence)
        elif lemma in _CHOOSING_VERBS and token.pos_ == "VERB" and not negated([token]):
            chosen = [n for c in token.children if c.dep_ == "dobj" for x in conjuncts(c)
                      if (n := ctx.entity_at(p, x, "Company"))]
            passed_over = [n for c in token.children if c.dep_ == "prep" and c.lower_ == "over"
                           for o in c.children if o.dep_ == "pobj" for x in conjuncts(o)
                           if (n := ctx.entity_at(p, x, "Company"))]
            for a in chosen:                 # "Tanager chose Veyrac over Keppler Aerotechnik": rivals for the order
                for b in passed_over:
                    if a != b:
                        yield Fact(a, "competesWith", b, evidence)
        elif lemma in COMPETITION_VERBS and token.pos_ == "VERB" or _verb_tagged_a_noun(token) or _meets_rivals(token) \
                or _head_to_head(token):
            subject = subject_of(token.head if _head_to_head(token) else token) if token.pos_ == "VERB" else next(
                (c for c in token.children if c.dep_ in ("compound", "nsubj") and c.pos_ == "PROPN"), None)
            if subject is None or (lemma == "vie" or _head_to_head(token)) and negated(verb_chain(token)):
                continue                     # (not "will not go head to head with", "no longer vies with")
            subjects = [c for s in conjuncts(subject) if (c := _rival_at(ctx, p, s))]
            objects = []
            for child in token.children:
                if child.dep_ == "dobj" and lemma != "take":
                    objects += [c for o in conjuncts(child) if (c := _rival_at(ctx, p, o))]
                if child.dep_ in ("prep", "prt") and child.lower_ in ("with", "against", "on") \
                        or child.dep_ == "prep" and child.lower_ == "into" and lemma == "run":
                    for obj in [o for prep in conjuncts(child) if prep == child or not negated([prep])
                                and prep.doc[prep.i - 1].lower_ not in ("not", "never") for o in prep.children]:
                        #                                      "with A and with B" (not "and not with B")
                        objects += [c for o in conjuncts(obj) if (c := _rival_at(ctx, p, o))]
                        objects += _named_members(ctx, p, obj)   # "against groups such as Foo"
                    if child.dep_ == "prt":
                        for sibling in token.children:
                            if sibling.dep_ == "dobj":
                                objects += [c for o in conjuncts(sibling) if (c := ctx.entity_at(p, o, "Company"))]
            if lemma in ("compete", "battle", "fight", "vie") and not objects and len(subjects) > 1:
                for i, a in enumerate(subjects):
                    for b in subjects[i + 1:]:
                        yield Fact(a, "competesWith", b, evidence)
            for a in subjects:
                for b in objects:
                    if a != b:
                        yield Fact(a, "competesWith", b, evidence)


def rivals_there(ctx: DocContext, p: int, sentence: Span, rivalries: list[Fact]) -> Iterator[Fact]:
    """Rivals named in a market are present there: "In Mexico, Cumbrera competes with Colvine" (both), "In Europe its
    main rivals are Action and Pepco", "tough competition in Europe from CATL", "will run into Dostavex in Romania"
    (the rivals; a firm that will compete there may be arriving)."""
    if not rivalries:
        return
    cue, settings = _competition_setting(ctx, p, sentence)
    if cue is None:
        return
    present = cue.lemma_ == "compete" and (cue.tag_ in ("VBZ", "VBP") or _verb_tagged_a_noun(cue)) \
        and not any(c.dep_ == "aux" for c in cue.children)          # "competes" (not "will compete")
    for rivalry in rivalries:
        for company in [rivalry.object, *([rivalry.subject] if present else [])]:
            for market in settings:
                yield Fact(company, "operatesIn", market, rivalry.evidence)


def _competition_setting(ctx: DocContext, p: int, sentence: Span) -> tuple[Token | None, list[str]]:
    """The one word of rivalry of a sentence and the markets it is set in: a market on its clause ("In Mexico,
    Cumbrera competes with", "In Europe its main rivals are", "competes with Foo in Mexico") or on the word itself
    ("competition in Europe from"); none when the sentence names two rivalries, or denies, ends or takes to court
    the one it names ("does not compete", "competed until 2019", "went up against Foo in court")."""
    cues = [t for t in sentence if (t.lemma_ in ("compete", "rival") and t.pos_ == "VERB" or _verb_tagged_a_noun(t)
                                    or _meets_rivals(t) or _rivalry_said(t))
            and not any(a.dep_ == "relcl" for a in t.ancestors)]    # (not "in Mexico, where competition is fierce")
    if len(cues) != 1 or _in_a_dispute(cues[0]):
        return None, []
    cue = verb = cues[0]
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb and not _verb_tagged_a_noun(verb):
        verb = verb.head                  # "its rivals are", "faces competition from"
    if verb.pos_ not in ("VERB", "AUX") and not _verb_tagged_a_noun(verb) or negated(verb_chain(verb)) \
            or verb.tag_ == "VBD":
        return None, []
    settings = [market for token, market in _named_markets(ctx, p, sentence)
                if (anchor := _market_anchor(token)).dep_ == "pobj"
                and anchor.head.lower_ in ("in", "across", "throughout") and anchor.head.head in (cue, verb)]
    return cue, list(dict.fromkeys(settings))


def _rivalry_said(noun: Token) -> bool:
    """A noun of rivalry that is what its clause says: "its main rivals are Action and Pepco", "faces competition
    from", "its rivals in Europe" (not one that describes a firm named: "made by Swiss rival Aurevan", "Bjørkli's
    arch-rival, Halland, has no presence in Britain")."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in COMPETITION_NOUNS | {"competition"} \
        and (noun.dep_ in ("nsubj", "attr") and noun.head.lemma_ == "be" and not any(
            c.dep_ == "appos" for c in noun.children)
             or noun.lemma_ == "competition" and noun.dep_ == "dobj"
             or any(c.dep_ == "prep" and c.lower_ == "in" for c in noun.children))


_DISPUTE_NOUNS = frozenset({"court", "case", "tribunal", "lawsuit", "suit", "trial", "hearing", "dispute",
                            "arbitration"})


def _in_a_dispute(word: Token) -> bool:
    """The rivalry a word names is fought in court: "went up against Foo in a court case" (a noun of dispute in its
    clause; not "snacks that suit local tastes")."""
    verb = word
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in _DISPUTE_NOUNS for t in verb.subtree
               if not any(a.dep_ == "relcl" and a.i > verb.i for a in t.ancestors))


_OPINION_VERBS = frozenset({"expect", "estimate", "believe", "think", "predict", "forecast", "reckon", "calculate"})


def _rivals_named_next(ctx: DocContext, p: int, noun: Token) -> list[str]:
    """Rivals the next sentence names as its subjects when a sentence ends on them: "... brings Yunhsia closer to its
    larger rivals in Europe. South Korea's Seoryong, the leader, runs a plant in Poland, while Quennard has made
    chips in Italy since 2019."""
    sentence = noun.sent
    if noun.tag_ != "NNS" or any(t.pos_ in ("VERB", "AUX") for t in noun.doc[noun.i + 1:sentence.end]) \
            or sentence.end >= len(noun.doc) or any(c.dep_ in ("relcl", "acl") for c in noun.children):
        return []
    following = noun.doc[sentence.end].sent
    if following.root.lemma_.lower() in SPEECH_VERBS | _OPINION_VERBS:
        return []                         # "... its rivals. Brightwater Research expects ...": a source, no rival
    verbs = [following.root, *(c for c in following.root.children if c.dep_ in ("conj", "advcl") and c.pos_ == "VERB")]
    subjects = [s for v in verbs if (s := subject_of(v)) is not None]
    names = [n for s in subjects if (n := ctx.entity_at(p, s, "Company"))]
    return names if len(names) >= 2 and len(names) == len(subjects) else []   # a list of firms, each a subject (not
    #                                                                            "Kelvra Bank, its lender, cut ...")


def _company_put_in(ctx: DocContext, p: int, noun: Token) -> str | None:
    """Whom a clause puts "in competition with" another: "the purchase puts Karrawong in direct competition with
    Tamarugal" (the object), "Kelvo is now in competition with Foo" (the subject)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in" or noun.head.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = noun.head.head
    if negated([verb]) or any(c.lower_ in ("longer", "never") for t in (verb, noun.head) for c in t.children):
        return None                       # "is not / no longer in competition with"
    placed = [c for c in verb.children if c.dep_ == "dobj"] if verb.lemma_ in _PLACING_VERBS \
        else [s for s in [subject_of(verb)] if s is not None]    # (not "bought Foo in competition with Bar": the buyer)
    return next((n for t in placed if (n := ctx.entity_at(p, t, "Company"))), None)


_PLACING_VERBS = frozenset({"put", "pit", "place", "bring", "leave", "set"})
_CHOOSING_VERBS = frozenset({"choose", "pick", "select", "prefer", "favour", "favor"})


def _verb_tagged_a_noun(token: Token) -> bool:
    """"Cumbrera competes with Colvine" (or "vies with"), tagged as the plural noun "competes" with "Cumbrera"
    compounded to it (or its subject: "Curavinta, founded in 2024, competes with Medquarro")."""
    return token.lower_ in ("competes", "vies") and token.tag_ == "NNS" \
        and any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == token.i - 1
                or c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in token.children) \
        and any(c.dep_ == "prep" and c.lower_ in ("with", "against") for c in token.children)


def _head_to_head(token: Token) -> bool:
    """"Akvira will go head to head with Evrenjet": the second "head", the verb the rival hangs on."""
    return token.lower_ == "head" and token.dep_ == "advcl" and token.head.lemma_ == "go" \
        and any(c.lower_ == "head" and c.i < token.i for c in token.head.children)


def _meets_rivals(token: Token) -> bool:
    """"Velta will go up against IKEA", "comes up against Foo", "will run into Poland's Dostavex": a rival met (not
    an opponent in court)."""
    words = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep")}
    return token.pos_ == "VERB" and (token.lemma_ in ("go", "come") and {"up", "against"} <= words
                                     or token.lemma_ == "run" and "into" in words) \
        and not _in_a_dispute(token)                                           # (not "ran into Foo in court")


def _rival_at(ctx: DocContext, p: int, token: Token) -> str | None:
    """A company competing, or a product competing for its maker: "Aurora's Nova 8", "the Pixelon 5 from
    Brightwater" name their makers; a product alone stays a product, for `rivals_by_maker` to resolve."""
    company = ctx.entity_at(p, token, "Company")
    if company is None and token.pos_ == "NOUN" and ctx.entity_at(p, token, "Product") is None \
            and (token.lemma_.lower() in PRODUCT_NOUNS | OWNED_PRODUCT_NOUNS | {"brand", "offering"}
                 or any(c.dep_ == "appos" and ctx.entity_at(p, c, "Product") for c in token.children)):
        return _possessing_company(ctx, p, token)     # "competes with Galvesi's best-known bag, the Sella"
    if company or not (product := ctx.entity_at(p, token, "Product")):
        return company
    mention = ctx.mention_at(p, token)
    root = token.doc[mention.start:mention.end].root if mention is not None else token
    for child in root.children:
        if child.dep_ == "poss" and (owner := ctx.entity_at(p, child, "Company")):
            return owner
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            if owner := next((n for o in child.children if (n := ctx.entity_at(p, o, "Company"))), None):
                return owner
    end = mention.end if mention is not None else token.i + 1
    if end + 1 < len(token.doc) and token.doc[end].lower_ in ("from", "by"):   # the parse hung "from" on the verb
        if owner := ctx.entity_at(p, token.doc[end + 1], "Company"):
            return owner
    return ctx.maker_of.get(product, product)


def _past_contest(noun: Token) -> bool:
    """"its annual recipe competition with Brisco", "its rivalry with Brisco ended": an event, or rivals no more."""
    return any(c.dep_ in ("compound", "amod") and c.lower_ not in ("fierce", "growing", "intense", "bitter", "direct",
                                                                   "stiff", "tough", "long-running", "head-to-head")
               for c in noun.children) \
        or noun.head.lemma_ in ("end", "stop", "finish", "cease") or negated([noun.head])


_CONTEST_NOUNS = frozenset({"battle", "race", "war", "rivalry", "fight", "competition", "contest", "duel", "showdown"})
_MARKET_CONTESTS = frozenset({"price", "fare", "pricing", "discount", "subscriber", "market-share", "share", "tariff",
                              "bidding", "talent", "sales", "delivery", "fee", "commission"})


def _market_contest(noun: Token) -> bool:
    """A contest for customers, not in court: "a price war", "a fare war", "a bidding war" (not "a legal battle")."""
    return any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in _MARKET_CONTESTS for c in noun.children) \
        and not any(c.dep_ in ("acl", "relcl") for c in noun.children)     # (not "a price war started by Orvath")


def _possessing_company(ctx: DocContext, p: int, noun: Token) -> str | None:
    """The company a noun's possessive names: "Acme's chief", "Foo's board", "its unit" (a resolved "its")."""
    return next((n for c in noun.children if c.dep_ == "poss" and (n := ctx.entity_at(p, c, "Company"))), None)


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
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":          # "Kelvo's closest rival is Vantel"
        names += [n for c in noun.head.children if c.dep_ == "attr" for o in conjuncts(c)
                  if (n := ctx.entity_at(p, o, "Company")) and n not in names]
    if noun.dep_ == "attr" and noun.head.lemma_ == "be" and noun.head.dep_ != "relcl" \
            and any(c.dep_ == "poss" for c in noun.children) and (subject := subject_of(noun.head)) is not None:
        names += [n for o in conjuncts(subject) if (n := ctx.entity_at(p, o, "Company")) and n not in names]
        #                                                            "Ebrenta is Cheonmiru's closest rival"
    if noun.dep_ == "attr" and noun.head.dep_ == "relcl":         # "Valmora, the group that is now Kelvo's
        described = noun.head.head                                 # biggest rival"
        names += [n for t in (described, described.head if described.dep_ == "appos" else described)
                  if (n := ctx.entity_at(p, t, "Company")) and n not in names]
    described = noun
    while described.dep_ == "conj":                               # "Preiswald, the German discounter and Billigbo's
        described = described.head                                 # main rival": the name the description is of
    if described != noun and described.dep_ == "pobj" and described.head.head.dep_ == "appos" \
            and ctx.entity_at(p, described, "Market"):            # "Kastelein, the biggest grocer in the Netherlands
        described = described.head.head                            # and Marktveld's main rival" (the parser joined
        #                                                            the rival to the country)
    if described.dep_ == "appos":
        names += [n for n in [ctx.entity_at(p, described.head, "Company")] if n and n not in names]
    poss = [ctx.entity_at(p, c, "Company") for c in noun.children if c.dep_ == "poss"]
    return [n for n in names if n not in poss]


_LICENSING_VERBS = frozenset({"license", "licence", "sublicense", "sublicence"})
_DEAL_VERBS = PARTNERSHIP_VERBS | _LICENSING_VERBS


_HOLDING_WORDS = frozenset({"share", "shares", "stock", "stocks", "stake", "stakes", "bond", "bonds", "debt"})
_ADVISING_VERBS = frozenset({"advise", "represent", "audit", "underwrite", "manage", "arrange"})


def _works_with(verb: Token) -> bool:
    """'works with Osaka importer Tsukamine Trading', 'has worked with Kelvo since 2019' (not "stopped working with",
    "will work with", "should have worked with": plans and wishes)."""
    return verb.lemma_ == "work" and verb.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ == "with"
                                                                 for c in verb.children) \
        and verb.tag_ in ("VBZ", "VBP", "VBN", "VBG") and verb.dep_ not in ("xcomp", "pcomp") \
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def partners(ctx: DocContext, p: int, sentence: Span) -> Iterator[tuple[Fact, list[str], list[str]]]:
    """'Acme signed a memorandum of understanding with Foo to work together in the fields of X, Y
    and Z', 'Acme partnered with Foo', 'a partnership between Acme and Foo'. Yields the fact, the
    parties and the scope, for the PartnershipAgreement event."""
    evidence = ctx.evidence(p, sentence)
    done = set()
    for token in sentence:
        lemma = token.lemma_.lower()
        if not ((lemma in _DEAL_VERBS and token.pos_ == "VERB") or
                (lemma in PARTNERSHIP_NOUNS and token.pos_ in ("NOUN", "PROPN")) or _works_with(token)):
            continue
        if lemma == "partner" and any(c.dep_ == "poss" for c in token.children):
            continue                       # "Kelvo's partners, Ostra and Veltrin": Kelvo's (_possessed_partner)
        verb = token if token.pos_ == "VERB" else _governing_verb(token)
        if verb is not None and (verb is not token and verb.lemma_ in CANCEL_VERBS or negated([verb])):
            continue                       # "terminated its supply agreement with Foo", "did not sign": no deal
        if token.pos_ == "NOUN" and dropped_later(token):
            continue                       # "a joint venture with Foo, agreed in 2027, but scrapped the plan"
        parties: list[str] = []
        doers: list[str] = []
        if verb is not None:
            subject = subject_of(verb)
            if subject is not None:
                doers = subject_companies(ctx, p, subject)
                parties += doers
        for anchor in dict.fromkeys(a for a in (token, verb) if a is not None):   # (in order: a set of tokens
            #                                                                       iterates by hash, run to run)
            for t in anchor.subtree:
                if t.lower_ in ("with", "between", "and") and t.head in (token, verb) or \
                        t.dep_ == "pobj" and t.head.lower_ in ("with", "between") \
                        and t.head.head.lemma_.lower() not in COMPETITION_NOUNS | _CONTEST_NOUNS:   # (not "the
                    #                                   deal sharpens its rivalry with Foo": a rival, no partner)
                    for obj in [t, *t.children, *(s for c in t.children if c.dep_ == "pcomp"   # "an agreement with
                                                   for s in c.children if s.dep_ == "nsubj")]:   # Foo covering coffee",
                        for c in conjuncts(obj):                                                 # parsed as Foo doing
                            name = ctx.entity_at(p, c, "Company")
                            if name and name not in parties:
                                parties.append(name)
        if lemma == "sign" and token.pos_ == "VERB" and parties and not any(
                d.dep_ in ("xcomp", "advcl") and d.lemma_ in _ADVISING_VERBS for d in token.children):
            parties += [n for c in token.children if c.dep_ == "dobj"      # "has signed Harwent Spirits to import its
                        for x in conjuncts(c) if (n := ctx.entity_at(p, x, "Company")) and n not in parties]  # range"
            #                                                (not "signed Ostra Bank to advise on the sale": an adviser)
        if lemma in _LICENSING_VERBS and token.pos_ == "VERB" and any(
                c.dep_ == "conj" and c.lemma_ in CANCEL_VERBS for c in token.children):
            continue                                                # "licensed it to Foo in 2019 but revoked it"
        if lemma in _LICENSING_VERBS and token.pos_ == "VERB":       # "licensed the rights to Yuzuriha", "licenses
            deeds = [token, *(x for d in token.children if d.dep_ == "xcomp" for x in conjuncts(d))]   # ("to
            parties += [n for deed in deeds for c in deed.children       # develop and sell it in Japan to Foo")
                        if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "from")     # its engine from Foo"
                        for o in c.children if o.dep_ == "pobj" for x in conjuncts(o)
                        if (n := ctx.entity_at(p, x, "Company")) and n not in parties]
        # "struck a deal to supply Peugeot with SUVs", "a deal to buy chips from Foo", "agreed to buy Seagen"
        deeds = [d for d in token.children if d.pos_ == "VERB" and not negated([d]) and (
            token.pos_ == "NOUN" and d.dep_ in ("acl", "relcl") or token.pos_ == "VERB" and d.dep_ == "xcomp")]
        for deed in deeds:
            objects = [c for c in deed.children if c.dep_ in ("dobj", "dative")]
            objects += [o for c in deed.children if c.dep_ in ("prep", "dative") and c.lower_ in ("from", "to", "with")
                        for o in c.children if o.dep_ == "pobj"]       # ("to supply cells to Calloran": "to" may
            direct = [n for o in objects for c in conjuncts(o) if (n := ctx.entity_at(p, c, "Company"))]   # be dative)
            parties += [n for n in direct if n not in parties]
            if not direct:                  # "a contract to put Ostrilo fleets in its sites": the firm named on the
                parties += [n for o in objects for c in conjuncts(o)           # goods, when no firm is the object
                            if c.lemma_.lower() not in _HOLDING_WORDS         # (not "to buy Velmstrand shares")
                            for m in c.children if m.dep_ == "compound"
                            and (n := ctx.entity_at(p, m, "Company")) and n not in parties]
        if token.pos_ == "NOUN":                        # "a Foo and Bar co-production", "the Foo-Bar joint venture"
            parties += [n for c in token.children if c.dep_ in ("compound", "nmod") for x in conjuncts(c)
                        if (n := ctx.entity_at(p, x, "Company")) and n not in parties]
            if len(parties) == 1 and any(c.lower_ == "with" for c in token.children):   # "its partnership with
                parties[:0] = [n for c in token.children if c.dep_ == "poss"            # Foo": its owner is the
                               and (n := ctx.entity_at(p, c, "Company")) and n not in parties]   # other party
        if verb is not None and verb is not token and verb.lemma_ in _TAKEOVER_VERBS | {"sell"} \
                and token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head == verb:
            #                                            "is buying a 26% stake in Foo in a deal worth 25m euros"
            parties += [n for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "stake"
                        for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "in"
                        for o in prep.children if o.dep_ == "pobj" for x in conjuncts(o)
                        if (n := ctx.entity_at(p, x, "Company")) and n not in parties]
        if len(parties) < 2 and _the_two_companies(sentence):       # "..., the two companies confirmed"
            named = _named_beside_their_venture(ctx, p, sentence)
            before = ctx.previous_subject_company(p, sentence)
            pair = list(dict.fromkeys(named + ([before] if before and len(set(named)) == 1 else [])))
            if len(pair) == 2:
                parties = pair
        if len(parties) == 1 and token.pos_ == "NOUN" and verb is not None and verb.lemma_ in ("sign", "strike", "ink") \
                and token.dep_ == "dobj" and not any(c.lower_ in ("with", "between") for c in token.subtree):
            others = list(dict.fromkeys(      # "X has switched its calls to Foo, and signed an agreement to keep
                n for t in (verb.head.subtree if verb.dep_ == "conj" and verb.head.pos_ == "VERB"              # them
                            and verb.head.lemma_ not in _ADVERSE_VERBS | COMPETITION_VERBS else [])
                if t.dep_ in ("dobj", "pobj") and t.i < verb.i and (n := ctx.entity_at(p, t, "Company"))   # there":
                and n != parties[0]))          # the firm the clause before deals with is the other party
            if len(others) == 1:
                parties.append(others[0])
        parties = list(dict.fromkeys(parties))     # (a party found twice: on the deed and on the deal)
        if len(parties) < 2:
            continue
        scope = _scope(sentence)
        plural = token.tag_ == "NNS" or any(c.dep_ == "dobj" and c.tag_ == "NNS" and c.lemma_.lower() in PARTNERSHIP_NOUNS
                                            for c in token.children)
        if plural and len(parties) > 2 and verb is not None and (subject := subject_of(verb)) is not None \
                and [c for s in conjuncts(subject) if (c := ctx.entity_at(p, s, "Company"))] == parties[:1]:
            deals = [[parties[0], other] for other in parties[1:]]    # "signed deals with Air Deccan and Kingfisher":
        elif len(doers) > 1 and len(parties) > len(doers):              # one deal with each
            deals = [[doer, other] for doer in doers for other in parties if other not in doers]   # "Dunkarra and
            #                                             Pellwick agreed to buy jets from Velmstrand": each with it
        else:
            deals = [parties]
        for deal in deals:
            key = tuple(sorted(deal[:2]))
            if key in done:
                continue
            done.add(key)
            yield Fact(deal[0], "partnersWith", deal[1], evidence), deal, scope
    if not done and _the_two_companies(sentence) and _joint_venture_of_two(sentence):   # "Foo will put booths run
        named = list(dict.fromkeys(_named_beside_their_venture(ctx, p, sentence)))   # by Bar in its stores and take a
        if len(named) == 2:                                                     # stake in it, the two said": their
            yield Fact(named[0], "partnersWith", named[1], evidence), named, _scope(sentence)   # deal


def dropped_later(deal: Token) -> bool:
    """A deal the sentence goes on to call off by a word pointing back at it: "planned to enter India through a joint
    venture with Foo, agreed in 2027, but scrapped the plan last year"."""
    above = {a.i for a in deal.ancestors}
    return any(verb.lemma_ in CANCEL_VERBS and verb.pos_ == "VERB" and verb.dep_ == "conj" and not negated([verb])
               and verb.i > deal.i and {a.i for a in verb.ancestors} & above
               and any(c.dep_ == "dobj" and c.lemma_.lower() in PARTNERSHIP_NOUNS | {"plan", "project", "idea"}
                       and any(d.lower_ in ("the", "this", "that") for d in c.children) for c in verb.children)
               for verb in deal.sent)


_ADVERSE_VERBS = frozenset({"sue", "beat", "overtake", "attack", "criticise", "criticize", "blame", "accuse", "lose",
                            "trail", "undercut", "fight", "oppose", "reject", "block", "leave", "drop", "quit"})
_FAILED_DEALINGS = frozenset({"fail", "reject", "abandon", "collapse", "end", "terminate", "sue", "scrap", "break"})


def _named_beside_their_venture(ctx: DocContext, p: int, sentence: Span) -> list[str]:
    """The firms a sentence names, less a venture named in apposition to the deal that sets it up ("agreed to set up a
    joint venture, Atzala Veyrac ...": not a party)."""
    venture = {t.i for a in sentence if a.dep_ == "appos"
               and a.head.lemma_.lower() in PARTNERSHIP_NOUNS | _COALITION_NOUNS for t in a.subtree}
    return ctx.entities_in(p, [t for t in sentence if t.i not in venture], "Company")


_JOINT_WORDS = frozenset({"stake", "together", "jointly", "joint"})
_SEPARATING_WORDS = frozenset({"buy", "acquire", "purchase", "merge", "sell", "spin", "takeover", "acquisition",
                               "merger", "complaint", "lawsuit", "dispute"})


def _joint_venture_of_two(sentence: Span) -> bool:
    """What two firms announce together as a joint undertaking: a stake one takes in the other, work done together
    (not a takeover, a sale, a dispute or a deal denied)."""
    words = {t.lemma_.lower() for t in sentence}
    return bool(words & _JOINT_WORDS) and not words & (_SEPARATING_WORDS | _FAILED_DEALINGS | CANCEL_VERBS) \
        and not any(t.dep_ == "neg" or t.lower_ in ("no", "never") for t in sentence)


def _the_two_companies(sentence: Span) -> bool:
    """"the two companies signed", "the two firms confirmed", "the two said": a pair the sentence (or the one before)
    names."""
    return any(t.lower_ == "two" and (t.head.lemma_.lower() in COMPANY_NOUNS | {"partner"} and t.head.tag_ == "NNS"
                                      and any(c.lower_ == "the" for c in t.head.children)
                                      or t.dep_ == "nsubj" and t.head.lemma_ in SPEECH_VERBS | {"announce", "confirm"}
                                      and any(c.lower_ == "the" for c in t.children))
               for t in sentence) \
        and not any(t.lemma_.lower() in _FAILED_DEALINGS for t in sentence)   # (not "the two companies failed to
    #                                                                            agree a deal")


_COALITION_NOUNS = frozenset({"project", "venture", "alliance", "consortium", "initiative", "partnership", "scheme",
                              "programme", "program", "coalition", "collaboration", "joint-venture"})


# A label naming a firm's partner in a list or a fact box: "Distributor: Akuvesa Distributors of Windhoek, ...".
_PARTNER_LABEL = re.compile(r"(?i)\s*(?:[*_]{1,2}\s*)?(?:(?:local|exclusive|national|retail|technology|launch) )?"
                            r"(?P<role>distributor|partner|supplier|stockist|importer|licensee|franchisee|bottler"
                            r"|reseller)s?(?:[*_]{1,2})?\s*:")


def labelled_partners(ctx: DocContext, p: int, sentence: Span) -> Iterator[tuple[Fact, list[str], list[str]]]:
    """A firm named after a partner's label, in a list or fact box on the text's company: "Distributor: Akuvesa
    Distributors of Windhoek, which signed in July" (the text's firm and Akuvesa are partners; the firms the label
    names first, before any clause on them). Yields like partners()."""
    label = _PARTNER_LABEL.match(sentence.text)
    main = ctx.main_company or ctx.salient_company(p, sentence.start) if label else None
    if main is None or any(m.para == p and m.start < sentence.start and m.type == "Company" and m.entity
                           and m.entity != main for m in ctx.mentions):
        return                                   # (a box on another firm's goods: "... from Brantex Mobile.
        #                                          Distributor: Foxlane", not the text's firm's partner)
    start = sentence.start_char + label.end()
    named = [t for t in sentence if t.idx >= start]
    first = next((t for t in named if not t.is_space), None)
    if first is None or (firm := ctx.entity_at(p, first, "Company")) is None or firm == main:
        return                                   # ("Partner: none yet", "Distributor: its own trucks")
    mention = ctx.mention_at(p, first)
    firms = [firm] + [n for t in (conjuncts(sentence.doc[mention.end - 1])[1:] if mention else [])
                      if (n := ctx.entity_at(p, t, "Company")) and n != main]
    for other in dict.fromkeys(firms):
        yield Fact(main, "partnersWith", other, ctx.evidence(p, sentence)), [main, other], [label.group("role").lower()]


def coalitions(ctx: DocContext, p: int, sentence: Span) -> Iterator[tuple[Fact, list[str], list[str]]]:
    """'the Renew project bringing together Foo, Bar and Baz', announced by Qux: every two of them are
    partners (one PartnershipAgreement of all). Only a project, venture or alliance brings partners together
    (not a motor show, a summit, a merger or a lawsuit)."""
    evidence = ctx.evidence(p, sentence)
    for verb in sentence:
        if verb.lemma_ != "bring" or verb.pos_ != "VERB" or negated([verb, *verb.ancestors]) \
                or not any(c.lower_ == "together" for c in verb.children) \
                or any(a.lemma_.lower() in ("fail", "try", "attempt", "hope", "plan", "seek") for a in verb.ancestors):
            continue                     # (not "failed to bring together", "never managed to")
        frame = verb.head if verb.dep_ in ("acl", "relcl") else subject_of(verb)
        if frame is None or frame.lemma_.lower() not in _COALITION_NOUNS:
            continue                     # a project or venture does; a show, a summit or a lawsuit does not
        members = list(dict.fromkeys(n for c in verb.children if c.dep_ == "dobj" for x in conjuncts(c)
                                     if (n := ctx.entity_at(p, x, "Company"))))
        holder = verb.head if verb.dep_ in ("acl", "relcl") else verb      # "the project bringing together"
        if holder.i != verb.i and holder.dep_ == "dobj":
            holder = holder.head                                           # "Qux announced the project ..."
        subject = subject_of(holder)
        founder = ctx.entity_at(p, subject, "Company") if subject is not None else None
        if founder and founder not in members:
            members.insert(0, founder)
        if len(members) < 2:
            continue
        scope = _scope(sentence)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                yield Fact(a, "partnersWith", b, evidence), members, scope


_TAKEOVER_VERBS = frozenset({"buy", "acquire", "purchase", "merge", "take"})
_CONTEST_WON = frozenset({"battle", "race", "contest", "fight", "auction", "war"})


def takeovers(ctx: DocContext, p: int, sentence: Span) -> Iterator[tuple[Fact, list[str], list[str]]]:
    """A takeover or merger agreed but not yet done is a deal between the two: "Acme is to buy Foo",
    "Acme will acquire Foo", "Acme, which is due to merge with Foo", "Acme has won the takeover battle for
    Foo", "Foo agreed to a buyout by Acme" (not "plans to buy", "may buy": a plan; nor "bought": done, a
    subsidiary)."""
    evidence = ctx.evidence(p, sentence)
    for verb in sentence:
        if verb.pos_ != "VERB" or negated([verb]):
            continue
        targets = _deal_targets(verb)
        buyer = _dealing_company(ctx, p, verb) if targets else None
        for target in targets if buyer else []:
            name = _bought_company(ctx, p, target) or next(
                (n for c in target.children if c.dep_ in ("appos", "compound") and (n := ctx.entity_at(p, c, "Company"))),
                None)
            if name and name != buyer:
                yield Fact(buyer, "partnersWith", name, evidence), [buyer, name], []


def _deal_targets(verb: Token) -> list[Token]:
    """The other party's words of an agreed takeover verb: 'is to buy Foo', 'will merge with Foo', 'agreed to a
    buyout by Foo', 'won the takeover battle for Foo'."""
    lemma = verb.lemma_.lower()
    if lemma in _TAKEOVER_VERBS and _agreed(verb):
        if lemma == "take" and not any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children):
            return []
        return [c for c in verb.children if c.dep_ == "dobj"] + [
            o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" and lemma == "merge"
            for o in c.children if o.dep_ == "pobj"]
    if lemma in ("agree", "accept", "approve") and verb.dep_ not in ("xcomp", "ccomp") and not any(
            c.dep_ == "aux" and c.lower_ in ("may", "might", "could", "would", "should") for c in verb.children):
        nouns = [n for c in verb.children if c.dep_ in ("prep", "dobj")
                 for n in ([c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"])]
        targets = [o for n in nouns if n.lemma_.lower() in PURCHASE_NOUNS | {"merger", "bid", "offer"}
                   for prep in n.children if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "with")
                   for o in prep.children if o.dep_ == "pobj"]
        doc = verb.doc                    # "accepted a $2.1bn (£1.1bn) buyout from Foo": an amount the parse trips
        for noun in [] if targets else doc[verb.i + 1:min(verb.i + 10, verb.sent.end - 1)]:   # on; the noun still
            if noun.lower_ in PURCHASE_NOUNS | {"merger", "bid", "offer"} and noun.head == verb \
                    and doc[noun.i + 1].lower_ in ("by", "from"):                             # hangs on the verb
                return list(doc[noun.i + 2:min(noun.i + 5, verb.sent.end)])
        return targets
    if lemma == "win" and _past([verb]):
        return [o for d in verb.children if d.dep_ == "dobj" and d.lemma_.lower() in _CONTEST_WON
                for c in d.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children]
    return []


def _dealing_company(ctx: DocContext, p: int, verb: Token) -> str | None:
    """Who makes the deal: the verb's subject; 'Acme, a group in the process of merging with Foo': Acme;
    "Foo's board accepted a bid": Foo."""
    subject = subject_of(verb)
    if subject is None and verb.dep_ in ("pcomp", "pobj") and verb.head.head.lemma_.lower() == "process":
        clause = next((a for a in verb.head.head.ancestors if a.pos_ in ("VERB", "AUX")), None)   # "that is in
        subject = subject_of(clause) if clause is not None else None                            # the process"
        if subject is not None and subject.dep_ == "appos":   # "the firm", which is Acme
            subject = subject.head
    if subject is None:
        return None
    if subject.lemma_.lower() in ("board", "shareholder", "director"):
        return _possessing_company(ctx, p, subject)
    return ctx.entity_at(p, subject, "Company")


def _agreed(verb: Token) -> bool:
    """'will buy', 'is to buy', 'is due to merge': a deal that is settled, not only wished for."""
    if any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ == "ccomp" and head.lemma_.lower() in ("say", "announce", "confirm") \
            and any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children) \
            and not any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children) \
            and not any(c.dep_ in ("advmod", "advcl") for c in verb.children) \
            and any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in verb.children):
        return True                      # "Acme said it would buy Foo": "will", reported by the buyer (not
        #                                  "analysts said Acme would", "would probably", "would have", "..., should")
    if verb.dep_ in ("pcomp", "pobj") and head.head.lemma_.lower() == "process":   # "in the process of merging with"
        return True
    return verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in verb.children) and (
        head.lemma_ == "be" and head.dep_ != "xcomp" or head.lower_ == "due")


_CUSTOMER_ROLES = frozenset({"customer", "client"})


def customers(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """A firm that is another's customer deals with it: "Pravanta Motors has signed on as its first customer",
    "Kelvo named Brimco as its biggest customer", "Brimco is Kelvo's largest client", "Brimco, a customer of Kelvo"
    (not a customer who is a person, nor one the sentence denies)."""
    evidence = ctx.evidence(p, sentence)
    for noun in sentence:
        if noun.lemma_.lower() not in _CUSTOMER_ROLES or noun.pos_ != "NOUN" or negated([noun.head]) or _denied(noun):
            continue
        seller = _possessing_company(ctx, p, noun) or next(
            (n for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
             if o.dep_ == "pobj" and (n := ctx.entity_at(p, o, "Company"))), None)
        buyer = None
        if noun.dep_ == "pobj" and noun.head.lower_ == "as":
            verb = noun.head.head                    # "signed on as its first customer", "named Brimco as its ..."
            holder = next((c for c in verb.children if c.dep_ == "dobj"), None) or subject_of(verb)
            buyer = ctx.entity_at(p, holder, "Company") if holder is not None else None
        elif noun.dep_ == "attr" and noun.head.lemma_ in ("be", "become", "remain"):
            subject = subject_of(noun.head)           # "Brimco is Kelvo's largest client"
            buyer = ctx.entity_at(p, subject, "Company") if subject is not None else None
        elif noun.dep_ == "appos":
            buyer = ctx.entity_at(p, noun.head, "Company")      # "Brimco, a customer of Kelvo,"
        if seller and buyer and seller != buyer:
            yield Fact(buyer, "partnersWith", seller, evidence)


def named_partners(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """"shares in Elan fell while US partner Biogen Idec shed 43%", "a deal with partner Mitsubishi Motors":
    a company called a partner is the partner of the clause's subject, else of the nearest company named
    before it; "its licensing partner Hollisdorf", "Kelvo's partners, Brisco and Veltrin": the owner's partners
    (no agreement event: none is reported)."""
    evidence = ctx.evidence(p, sentence)
    for token in sentence:
        if token.lemma_.lower() == "partner" and token.pos_ == "NOUN":
            yield from _possessed_partner(ctx, p, token, evidence)
        if token.lemma_.lower() != "partner" or token.pos_ != "NOUN" or token.dep_ not in ("compound", "amod", "nmod") \
                or any(c.dep_ == "poss" for c in token.children):
            continue
        named = ctx.entity_at(p, token.head, "Company")
        if named is None:
            continue
        verb = token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        owner = ctx.entity_at(p, subject, "Company") if subject is not None else None
        if owner is None or owner == named:     # the nearest company named before ("Elan ... while US partner")
            before = [n for n in ctx.entities_in(p, sentence.doc[sentence.start:token.i], "Company") if n != named]
            owner = before[-1] if before else None
        if owner:
            yield Fact(owner, "partnersWith", named, evidence)


def _possessed_partner(ctx: DocContext, p: int, partner: Token, evidence: Evidence) -> Iterator[Fact]:
    """"its licensing partner Hollisdorf Pharma", "Kelvo's partner, Ostra": the owner's partner, named beside."""
    owner = _possessing_company(ctx, p, partner)
    if owner is None or any(c.lower_ in ("former", "ex", "erstwhile", "one-time") for c in partner.children):
        return                                   # (not "Kelvo's former partner, Brisco")
    beside = [a for a in partner.children if a.dep_ == "appos" or a.dep_ == "conj" and a.i > 0     # (the model's
              and partner.doc[a.left_edge.i - 1].text == ","]                          # conj for "partners, A and B")
    for named in (c for a in beside for c in conjuncts(a)):
        if (name := ctx.entity_at(p, named, "Company")) and name != owner:
            yield Fact(owner, "partnersWith", name, evidence)


_JOINT_WORK_VERBS = {"develop", "co-develop", "codevelop", "design", "build", "create", "work"}


def joint_developers(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """Companies named together as the makers of one thing work together: "Kelvo, Vantel and Norvik, who
    have been working on the Zephyr chip", "a slimming aid to be developed by Phytopharm and
    Unilever". Each pair is partnersWith (no agreement event: none is reported)."""
    evidence = ctx.evidence(p, sentence)
    for verb in sentence:
        if verb.lemma_.lower() not in _JOINT_WORK_VERBS or verb.pos_ != "VERB" or negated([verb]):
            continue
        if verb.lemma_ == "work" and not any(c.dep_ == "prep" and c.lower_ in ("on", "together") or
                                             c.lower_ == "together" for c in verb.children):
            continue                       # "work on X" / "work together", not "it did not work"
        agents = [t for c in verb.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"]
        subject = agents[0] if agents else subject_of(verb)
        if subject is None:
            continue
        named = conjuncts(subject)
        if subject.tag_ == "NNS" and subject.lemma_.lower() in COMPANY_NOUNS:   # "Technology firms Sony, Philips
            named = [m for c in [*subject.children, *(s for s in subject.head.children if s.dep_ == "nsubj"   # and
                                                        and s is not subject)]
                     if c.dep_ in ("appos", "compound", "nsubj") for m in conjuncts(c)]
        makers = list(dict.fromkeys(n for t in named if (n := ctx.entity_at(p, t, "Company"))))           # Samsung"
        for i, a in enumerate(makers):
            for b in makers[i + 1:]:
                yield Fact(a, "partnersWith", b, evidence)


_WIN_VERBS = {"win", "receive", "secure", "land", "book", "clinch", "bag"}


def orders(ctx: DocContext, p: int, sentence: Span) -> Iterator[tuple[Fact, list[str], list[str]]]:
    """'Skylane has ordered 30 Aerona A20 planes', 'Foo placed an order with Bar', 'Bar won an
    order from Foo': a purchase agreement between the buyer and the maker. Yields like partners()."""
    evidence = ctx.evidence(p, sentence)
    for verb in sentence:
        if verb.lemma_ in _WIN_VERBS and verb.pos_ == "VERB" and not negated([verb]) and any(
                c.dep_ == "dobj" and c.lemma_ in ("order", "contract") for c in verb.children):
            subject = subject_of(verb)         # "Airbus won an order from easyJet": the seller speaks
            seller = ctx.entity_at(p, subject, "Company") if subject is not None else None
            buyers = [n for c in verb.subtree if c.dep_ == "pobj" and c.head.lower_ == "from"
                      for o in conjuncts(c) if (n := ctx.entity_at(p, o, "Company")) and n != seller]
            for buyer in buyers[:1] if seller else []:
                yield Fact(buyer, "partnersWith", seller, evidence), [buyer, seller], []
            continue
        if verb.lemma_ not in ("order", "place", "buy", "purchase") or verb.pos_ != "VERB" or negated([verb]):
            continue
        if verb.lemma_ == "place" and not any(c.lemma_ == "order" for c in verb.children):
            continue
        subject = subject_of(verb)
        buyer = ctx.entity_at(p, subject, "Company") if subject is not None else None
        if buyer is None:
            continue
        objects = [t for c in verb.children if c.dep_ in ("dobj", "prep") for t in c.subtree]
        sellers = [c for c in ctx.entities_in(p, objects, "Company") if c != buyer]
        made = [ctx.maker_of.get(product) for product in ctx.entities_in(p, objects, "Product")]
        sellers += [m for m in made if m and m != buyer and m not in sellers]
        if verb.lemma_ in ("buy", "purchase") and not made:
            continue                     # buying a company is an acquisition, not an order
        for seller in sellers[:1]:
            yield Fact(buyer, "partnersWith", seller, evidence), [buyer, seller], []


def _scope(sentence: Span) -> list[str]:
    """'in the fields of batteries, software and charging' -> the areas."""
    for token in sentence:
        if token.lemma_.lower() in ("field", "area", "sector", "domain") and token.dep_ == "pobj":
            for child in token.children:
                if child.lower_ == "of":
                    return [sentence.doc[c.left_edge.i:c.i + 1].text for obj in child.children
                            for c in conjuncts(obj)]
    return []


# Company nouns that name a relation to another company, not a part of it: "Foo, Bar's rival / supplier".
_RELATION_NOUNS = frozenset({"rival", "competitor", "partner", "supplier", "vendor", "distributor", "investor",
                             "owner", "player", "challenger", "leader", "newcomer", "incumbent", "customer", "client",
                             "exporter", "importer", "shipper", "titan", "behemoth", "giant", "peer"})


def _walked_away_from(deal: Token) -> bool:
    """'walked away from its agreed takeover of Foo', 'pulled out of the deal': a deal its party left."""
    verb = _verb_above(deal, 3, ("VERB",))
    return verb.lemma_ in ("walk", "pull", "back") and any(c.lower_ in ("away", "out") for c in verb.children) \
        and not negated([verb])


def _brands_named(noun: Token) -> list[Token]:
    """The names a noun of brands carries: "the Tessandre and Quévrel watch brands" (Tessandre, and through it
    Quévrel), "its Lumio brand"."""
    if noun.lemma_.lower() not in ("brand", "marque", "label") or noun.pos_ != "NOUN":
        return []
    return [t for t in noun.subtree if t.i < noun.i and t.dep_ in ("compound", "nmod") and t.pos_ == "PROPN"]


def _bought_company(ctx: DocContext, p: int, obj: Token) -> str | None:
    """What a purchase's object hands over: "Foo", "all of Foo", "control of Foo", "a majority of Foo",
    "67.7% of Foo" (more than half); not "20% of Foo" nor "Foo's shares"."""
    name = ctx.entity_at(p, obj, "Company")
    if name is not None or not _whole_or_most(obj):
        return name
    return next((n for prep in obj.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for t in prep.children if t.dep_ == "pobj" and (n := ctx.entity_at(p, t, "Company"))), None)


def _whole_or_most(token: Token) -> bool:
    if token.lower_ in ("all", "control", "majority", "whole", "rest", "remainder"):
        return True
    if token.lower_ in ("%", "percent", "per cent") or token.lemma_ == "percent":
        number = next((c for c in token.children if c.like_num), None)
        if number is None and token.i > 0 and token.doc[token.i - 1].like_num:
            number = token.doc[token.i - 1]
        try:
            return number is not None and float(number.text.replace(",", "")) > 50
        except ValueError:
            return False
    return False


_UNSETTLED_WORDS = frozenset({"planned", "proposed", "possible", "potential", "rumoured", "rumored", "mooted",
                              "failed", "abandoned", "attempted", "hostile", "rival", "bid"})


def _unsettled(noun: Token) -> bool:
    """A purchase that is only planned, proposed, opposed or failed: "its planned purchase of", "to block
    Acme's takeover of Foo", "talks on its acquisition of"."""
    if any(c.lower_ in _UNSETTLED_WORDS or c.dep_ == "neg" for c in noun.children):
        return True
    for ancestor in noun.ancestors:       # up to the verb that governs it
        if ancestor.lemma_.lower() in PLAN_CUES | CANCEL_VERBS | _UNSETTLED_WORDS | {
                "block", "oppose", "talk", "approve", "review", "probe", "investigate"}:
            return True
        if ancestor.pos_ in ("VERB", "AUX"):
            return any(c.dep_ in ("aux", "neg") and c.lower_ in _NEGATIONS | {"will", "would", "could", "may", "might"}
                       for c in ancestor.children)
    return False


def subsidiaries(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """'Redmi, a subsidiary of Xiaomi', "Xiaomi's spin-off brand Redmi", "Arcton's Lumio unit",
    'Foo, (which is) owned by Acme', 'Acme owns Foo', 'Acme acquired Foo'."""
    evidence = ctx.evidence(p, sentence)
    for verb in sentence:
        if (verb.lemma_ not in ("own", "control", "acquire", "buy", "purchase") and not (
                verb.lemma_ == "snap" and any(c.lower_ == "up" for c in verb.children))) or verb.pos_ != "VERB":
            continue                                   # ("snapped up by Rosneft")
        if negated([verb]) or _planned({c.lemma_.lower() for c in verb.ancestors} | {verb.lemma_}, verb_chain(verb)) \
                or verb.lemma_ in ("acquire", "buy", "purchase") and not _past([verb]) \
                or any(c.dep_ == "advmod" and c.lower_ in _NOT_WHOLLY_NOW - {"majority"} for c in verb.children):
            continue                                 # (not "partly owned by", "formerly owned by")
        agents = [t for c in verb.children if c.dep_ == "agent" for t in c.subtree]
        if agents:                                   # passive: "Foo, (which is) owned by Acme"
            owners = ctx.entities_in(p, agents, "Company")
            owned_token = subject_of(verb) if verb.dep_ not in ("acl", "amod") else verb.head   # "Foo, majority-owned
            if verb.dep_ == "relcl" and owned_token is not None and owned_token.tag_ in ("WDT", "WP"):  # by Acme"
                owned_token = verb.head                   # "Foo, the startup that was acquired by Acme"
            owned = next((n for t in ([owned_token, *(c for c in owned_token.children if c.dep_ == "appos"),
                                       *([owned_token.head] if owned_token.dep_ == "appos" else [])]
                                      if owned_token is not None else [])
                          if (n := ctx.entity_at(p, t, "Company"))), None)    # "the developer Bungo Software was
            #                                                                     bought by Kelvo"
        else:
            subject = subject_of(verb)
            if subject is not None and subject.dep_ == "appos" and ctx.entity_at(p, subject, "Company") is None:
                subject = subject.head           # "Haldvik Gruppen, the group that owns Fjellkurv"
            owners = [ctx.entity_at(p, subject, "Company")] if subject is not None else []
            bought = [n for c in verb.children if c.dep_ == "dobj" for n in [_bought_company(ctx, p, c)] if n]
            if verb.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in verb.children) \
                    and subject is not None and subject.tag_ not in ("WDT", "WP"):    # "Farmacias Ternavo, the
                noun = verb.head                                      # Mexican chain Gorrindale bought in 2021"
                bought += [n for t in (noun, *([noun.head] if noun.dep_ == "appos" else []))
                           if (n := ctx.entity_at(p, t, "Company"))][:1]
            if verb.lemma_ in ("own", "control"):       # "owns the Tessandre and Quévrel brands"
                bought += [n for c in verb.children if c.dep_ == "dobj" for b in _brands_named(c)
                           for x in conjuncts(b) if (n := ctx.entity_at(p, x, "Company"))]
            if bought:                                  # "owns both Fjellkurv and Rimbua": each of them
                bought += [n for c in verb.children if c.dep_ == "dobj" for x in c.conjuncts
                           if (n := _bought_company(ctx, p, x))]
            for owned in dict.fromkeys(bought):
                if owners and owners[0] and owned != owners[0]:
                    yield Fact(owned, "subsidiaryOf", owners[0], evidence)
            continue
        if owners and owners[0] and owned and owned != owners[0]:
            yield Fact(owned, "subsidiaryOf", owners[0], evidence)
    for noun in sentence:                  # "its purchase of Lookout Software", "Acme's takeover of Foo"
        if noun.lemma_.lower() not in PURCHASE_NOUNS or noun.pos_ != "NOUN" or _unsettled(noun) \
                or _walked_away_from(noun):
            continue
        buyer = _possessing_company(ctx, p, noun)
        bought = next((n for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                       for o in c.children if (n := _bought_company(ctx, p, o))), None)
        if buyer and bought and buyer != bought:
            yield Fact(bought, "subsidiaryOf", buyer, evidence)
    sold_on = set()
    for noun in sentence:                  # "completed the sale of Mirevaux, its watch brand, to Dunstrell": the buyer
        if noun.lemma_.lower() != "sale" or noun.pos_ != "NOUN" or noun.tag_ != "NN" or _unsettled(noun) \
                or not _past([_verb_above(noun, 3, ("VERB",))]):
            continue
        buyer = next((n for c in noun.children if c.dep_ == "prep" and c.lower_ == "to"
                      for o in c.children if o.dep_ == "pobj" and (n := ctx.entity_at(p, o, "Company"))), None)
        sold = next((n for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for o in c.children if (n := _bought_company(ctx, p, o))), None)
        if buyer and sold and buyer != sold:
            sold_on.add(sold)
            yield Fact(sold, "subsidiaryOf", buyer, evidence)
    for token in sentence:                 # "Deutsche Telekom's T-Mobile", "Alphabet's Google": one company's
        child = ctx.entity_at(p, token, "Company")    # possessive on another company's name
        mention = ctx.mention_at(p, token)
        if child is None or mention.anaphor or token.i != mention.end - 1 or mention.start < 2 \
                or token.dep_ == "compound" and token.head.lemma_.lower() in PURCHASE_NOUNS | PARTNERSHIP_NOUNS | {
                    "bid", "offer", "merger"}:
            continue                       # (not "Morvatto's Sembralta deal": a deal for it, perhaps never done)
        if token.doc[mention.start - 1].tag_ == "POS":
            owner_token = token.doc[mention.start - 2]
            owner_mention = ctx.mention_at(p, owner_token)
            owner = ctx.entity_at(p, owner_token, "Company")
            if owner and owner != child and owner_mention is not None and not owner_mention.anaphor:
                yield Fact(child, "subsidiaryOf", owner, evidence)
    for verb in sentence:                  # "Unilever sold its tea business Ekaterra to CVC": CVC owns it now
        if verb.lemma_ != "sell" or verb.pos_ != "VERB" or negated([verb]) or not _past([verb]):
            continue
        buyers = [n for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                  for o in c.children if o.dep_ == "pobj" and (n := ctx.entity_at(p, o, "Company"))]
        sold = [n for c in verb.children if c.dep_ == "dobj"
                for t in [c, *(a for a in c.children if a.dep_ in ("appos", "compound") and a.pos_ == "PROPN")]
                if (n := _bought_company(ctx, p, t))]
        for child in sold[:1] if buyers else []:
            if child != buyers[0]:
                yield Fact(child, "subsidiaryOf", buyers[0], evidence)
    for verb in sentence:                  # "Kestrel spun off its car business as Kestrel Drive", "Foo, spun off
        if verb.lemma_ != "spin" or verb.pos_ != "VERB" or negated([verb]) \
                or not any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):   # from Acme in 2020"
            continue
        donors = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for o in c.children]
        doers = [o for c in verb.children if c.dep_ == "agent" for o in c.children]      # "spun off by Halvine"
        spun = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children]
        spun += [t for c in verb.children if c.dep_ == "dobj"
                 for t in (c, *(a for a in c.children if a.dep_ == "appos"))]
        if verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in verb.children):
            spun.append(verb.head)        # "Orlavo, which Halvine spun off in 2021"
        if donors or doers:
            spun += [verb.head] if verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "PROPN" \
                else [s for s in [subject_of(verb)] if s is not None]
            donors += doers
        elif verb.dep_ == "xcomp" and (urged := [c for c in verb.head.children if c.dep_ == "dobj"]):
            donors = urged                # "urged Halvine Group to spin off Orlavo": Halvine's
        else:
            donors = [s for s in [subject_of(verb)] if s is not None]
        parent = next((n for t in donors if (n := ctx.entity_at(p, t, "Company"))), None)
        child = next((n for t in spun if (n := ctx.entity_at(p, t, "Company")) and n != parent), None)
        if parent and child:
            yield Fact(child, "subsidiaryOf", parent, evidence)
    for noun in sentence:                  # "Kelvo Capital, the group's private equity arm"
        if noun.dep_ != "appos" or noun.lemma_.lower() not in COMPANY_OR_UNIT_NOUNS or noun.pos_ != "NOUN" \
                or noun.lemma_.lower() in _RELATION_NOUNS:
            continue                       # (not "Kelvaro, Brightwater's biggest supplier")
        owner = _possessing_company(ctx, p, noun)
        child = ctx.entity_at(p, noun.head, "Company")
        if owner and child and owner != child and child not in sold_on:
            yield Fact(child, "subsidiaryOf", owner, evidence)
    for owner in sentence:                 # "Zara owner Inditex", "Inditex, the owner of Zara"
        if owner.lemma_.lower() != "owner" or owner.pos_ != "NOUN":
            continue
        dashed = [c for c in owner.children if c.dep_ in ("compound", "nmod") and c.i < owner.i
                  and any(t.text in ("-", "\u2013", "\u2014") for t in owner.doc[c.i + 1:owner.i])]
        owned = [c for c in owner.children if c.dep_ in ("compound", "nmod") and c.i < owner.i and c not in dashed]
        owned += [o for c in owner.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
        owned += [n for o in owned for n in _brands_named(o)]     # "owner of the Tessandre and Quévrel brands"
        if owned:                          # "owner of Macy's and Bloomingdale's", the second name parsed as
            owned += [c for c in owner.children if c.dep_ == "conj" and c.pos_ == "PROPN"]   # the owner's conjunct
        holders = [owner.head] if owner.dep_ in ("appos", "compound") else []
        holders += dashed                  # "Halden - owner of Lumio and Vesta -": the owner
        holders += [c for c in owner.children if c.dep_ == "appos"]
        if owner.i + 1 < len(sentence.doc):
            holders.append(sentence.doc[owner.i + 1])
        if owner.dep_ == "attr" and (subject := subject_of(owner.head)) is not None:
            holders.append(subject)
        parent = next((n for t in holders if (n := ctx.entity_at(p, t, "Company"))), None)
        for child in dict.fromkeys(n for t in owned for c in conjuncts(t) if (n := ctx.entity_at(p, c, "Company"))):
            if parent and child != parent:
                yield Fact(child, "subsidiaryOf", parent, evidence)
    for token in sentence:                 # "its parent DaimlerChrysler", "parent company Foo"
        if token.lemma_.lower() != "parent":
            continue
        holder = token if token.dep_ not in ("compound", "amod") else token.head
        named = [token.head] if token.dep_ in ("compound", "amod") else []
        named += [c for c in token.children if c.dep_ in ("appos", "compound")]
        named += [c for c in holder.children if c.dep_ == "appos"]     # "Foo's parent company, the Acme Group"
        if holder.dep_ == "appos":                                    # "the Acme group, the parent company of Foo"
            named += [holder.head, *(c for c in holder.head.children if c.dep_ == "compound")]
        if token.i + 1 < len(sentence.doc):
            named.append(sentence.doc[token.i + 1])
        parent = next((n for t in named if (n := ctx.entity_at(p, t, "Company"))), None)
        child = _possessing_company(ctx, p, holder)
        child = child or next((n for c in holder.children if c.dep_ == "prep" and c.lower_ == "of"
                               for o in c.children if (n := ctx.entity_at(p, o, "Company"))), None)
        if child is None:
            before = [n for n in ctx.entities_in(p, sentence.doc[sentence.start:token.i], "Company") if n != parent]
            child = before[-1] if len(before) == 1 else None
        if parent and child and parent != child:
            yield Fact(child, "subsidiaryOf", parent, evidence)
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma in SUBSIDIARY_NOUNS and token.pos_ in ("NOUN", "ADJ", "PROPN") or token.lower_ in ("spin", "spin-off"):
            noun = token if token.pos_ == "NOUN" and token.dep_ != "compound" else token.head   # "spin-off": "off"
            parent = None
            for holder in (noun, noun.head) if noun.dep_ == "appos" else (noun,):
                for child in holder.children:    # "its joint venture, Japanese subsidiary Fuso"
                    if child.dep_ == "poss" and parent is None:
                        parent = ctx.entity_at(p, child, "Company")
            if parent is None and token.dep_ == "compound" and token is not noun:   # "Acme subsidiary Foo"
                parent = next((n for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                               and (n := ctx.entity_at(p, c, "Company"))), None)
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                    for obj in child.children:     # "from the telecoms company Telvik": the name on the noun
                        for named in (obj, *(c for c in obj.children if c.dep_ in ("appos", "compound"))):
                            parent = parent or ctx.entity_at(p, named, "Company")
            if lemma == "brand" and not any(t.lower_ in ("sub", "spin", "spin-off", "sub-brand") or
                                            t.lemma_.lower() in ("subsidiary", "spin-off")
                                            for t in noun.subtree):
                continue
            if parent is None:
                continue
            children = [ctx.entity_at(p, noun, "Company")] if token is not noun else []   # "Acme unit Foo"
            if noun.dep_ == "appos":
                children.append(ctx.entity_at(p, noun.head, "Company"))
            # "Lumio is a subsidiary of Arcton", "Zorba began life as a project - a spin-off from Telvik" (the
            # subject), "Kelvo described Lumio as a unit of Arcton" (the object); not when the verb is negated
            for frame in (noun, noun.head) if noun.dep_ == "appos" else (noun,):
                if frame.dep_ == "attr" or frame.dep_ == "pobj" and frame.head.lower_ == "as":
                    verb = frame.head if frame.dep_ == "attr" else frame.head.head
                    if negated([verb]):
                        continue
                    objects = [n for c in verb.children if c.dep_ == "dobj" and frame.dep_ == "pobj"
                               and (n := ctx.entity_at(p, c, "Company"))]     # ("began life as": no object firm)
                    holder = subject_of(verb)
                    children.append(objects[0] if objects else ctx.entity_at(p, holder, "Company")
                                    if holder is not None else None)
            listed = []                       # "its European marques Opel and Saab": each of them
            for child in noun.children:
                if child.dep_ in ("appos", "compound") or child.i == noun.i + 1:
                    children.append(ctx.entity_at(p, child, "Company"))
                    if noun.tag_ == "NNS":        # (not "its unit Gazpromneft, Rosneft and ...": one unit)
                        listed += [ctx.entity_at(p, c, "Company") for c in child.conjuncts]
            if noun.i + 1 < len(sentence.doc):
                children.append(ctx.entity_at(p, sentence.doc[noun.i + 1], "Company"))
            for child in children:
                if child and child != parent and child not in sold_on:   # (not the seller's "its brand" once sold)
                    yield Fact(child, "subsidiaryOf", parent, evidence)
                    for other in dict.fromkeys(listed):
                        if other and other not in (child, parent):
                            yield Fact(other, "subsidiaryOf", parent, evidence)
                    break


# ---------------------------------------------------------------------- markets

def _named_markets(ctx: DocContext, p: int, sentence: Span) -> Iterator[tuple[Token, str]]:
    """Each market the sentence names itself ("there" when it points at a market just named, "in the country" when it
    is the last country named), at the last word of its name."""
    for token in sentence:
        market = ctx.entity_at(p, token, "Market")
        mention = ctx.mention_at(p, token)
        if market is not None and (not mention.anaphor or token.lower_ == "there" or (
                token.lower_ == "country" and token.dep_ == "pobj" and token.head.lower_ == "in"
                and ctx.last_country_before(p, token) == market)) \
                and token.i == mention.end - 1:
            yield token, market     # (and "there", pointing at a market just named: "plans to open a centre there")


def _market_anchor(token: Token) -> Token:
    """The phrase a market name stands in: "India" in "markets such as India, Indonesia and Vietnam"
    is anchored at "markets"; "US" in "the US market" at "market"."""
    anchor = token
    for _ in range(6):
        if anchor.dep_ == "conj":
            anchor = anchor.head
        elif anchor.dep_ in ("compound", "amod", "nmod", "poss") and anchor.head.lemma_ in ("market", "marketplace") \
                and not (anchor.head.lemma_ == "marketplace" and anchor.head.dep_ == "appos"):
            anchor = anchor.head          # "the US market", "Japan's smartphone market" (not "Foo, Indonesia's
            #                               largest online marketplace": a firm)
        elif anchor.dep_ == "pobj" and anchor.head.lower_ in ("as", "like", "including") \
                and anchor.head.head.lemma_ in ("market", "country", "region", "such"):
            anchor = anchor.head.head
            if anchor.lower_ == "such":
                anchor = anchor.head
        elif anchor.dep_ == "appos" and anchor.head.lemma_ in ("market", "country", "region"):
            anchor = anchor.head
        elif anchor.dep_ == "pobj" and anchor.head.lower_ == "as" and anchor.head.i >= 3 \
                and [t.lower_ for t in anchor.doc[anchor.head.i - 2:anchor.head.i]] == ["as", "well"] \
                and (before := _named_before_as_well(anchor.doc, anchor.head.i - 3)) is not None:
            anchor = before                              # "sold in Nepal(,) as well as India": as "Nepal"
        elif anchor.dep_ in ("compound", "amod") and anchor.head.dep_ == "pobj" and anchor.head.tag_ == "NNS" \
                and anchor.head.head.lower_ in ("in", "to", "across", "throughout") \
                and anchor.head.lemma_.lower() not in COMPANY_NOUNS \
                and not any(c.dep_ == "poss" for c in anchor.head.children):
            anchor = anchor.head          # "in U.S. hospitals", "to American emergency departments", "to Korean
            #                               stores": there
        else:
            break
    return anchor


def _named_before_as_well(doc, i: int) -> Token | None:
    """The place named before "as well as" (over a comma or a closing bracket), if a place it is."""
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i < 0 or doc[i].ent_type_ not in ("GPE", "LOC", "NORP") and not (doc[i].pos_ == "PROPN" and doc[i].dep_ == "pobj"):
        return None
    return doc[i]


def _climb(ctx: DocContext, p: int, anchor: Token) -> tuple[Token | None, list[Token], str | None]:
    """From a market's phrase up to the clause it belongs to: the verb (if any), the words on the
    way (their meaning decides the relation), and a possessive owner of a relation noun met on the
    way ("Xiaomi's entry into the US", "Xiaomi's absence in the USA")."""
    path = []
    token = anchor
    owner = None
    relation_nouns = ENTRY_NOUNS | ABSENCE_WORDS | PRESENCE_NOUNS | STORE_NOUNS
    for _ in range(8):
        if owner is None and token.lemma_.lower() in relation_nouns:
            owner = next((name for child in token.children if child.dep_ == "poss"
                          and (name := ctx.entity_at(p, child, "Company", "Product"))), None)
        if token.pos_ in ("VERB", "AUX") and token != anchor:
            return token, path, owner
        if token.head == token:
            return None, path + [token], owner
        path.append(token)
        token = token.head
    return None, path, owner


def _signals(chain: list[Token], path: list[Token]) -> set[str]:
    words = {t.lemma_.lower() for t in chain + path if t.lemma_.lower() not in ("market", "marketplace")
             and not _goods_not_a_verb(t)}
    for verb in chain:
        if _goes_live(verb):
            words.add("launch")             # "goes live in Poland": a launch there
        for child in verb.children:
            if (child.dep_ in ("dobj", "attr", "acomp", "prt", "advmod", "neg", "aux", "auxpass") or
                    child.dep_ == "prep" and child.lower_ in ("from", "into")) and not _goods_not_a_verb(child):
                words.add(child.lemma_.lower())
                if child.dep_ in ("dobj", "attr"):
                    words.update(c.lemma_.lower() for c in child.children if c.dep_ in ("amod", "compound"))
    return words


def _goods_not_a_verb(token: Token) -> bool:
    """A noun of goods spelt like a verb of keeping out: "makes reinforcing bar ... in Poland" bars nothing."""
    return token.lower_ in ("bar", "bars") and token.pos_ == "NOUN"


def market_relations(ctx: DocContext, p: int, sentence: Span) -> Iterator[tuple[Fact, str | None]]:
    """Company (or product) and market, by the words between them:
    present ("sells in", "has a strong presence in", "In Europe, Acme has made inroads", "one of
    the leading makers in China"), absent (the same negated, "absent from", "yet to enter",
    "refrains from entering"), targeted ("plans to enter", "is building resources to enter",
    "its potential entry into"); a product "available in" a market; and "the US market is
    dominated by Apple and Samsung". Yields the fact and the event it implies, if any."""
    evidence = ctx.evidence(p, sentence)
    seen = set()
    said: dict[int, list[tuple[Fact, str | None]]] = {}     # what each market token gave
    named = list(_named_markets(ctx, p, sentence))
    for token, market in named:
        said[token.i] = list(_market_facts(ctx, p, sentence, token, market, evidence, seen))
        yield from said[token.i]
    for (before, _), (token, market) in zip(named, named[1:]):   # "sells online in Poland, the Czech Republic,
        if not said[token.i] and said[before.i] and _listed_after(ctx, p, before, token):   # Slovakia and Lithuania",
            said[token.i] = [(replace(fact, object=market), implied) for fact, implied in said[before.i]  # the list
                             if fact.object == ctx.entity_at(p, before, "Market")            # parsed apart: each
                             and (fact.subject, market) not in seen]                         # as the one before it
            seen.update((fact.subject, market) for fact, _ in said[token.i])
            yield from said[token.i]


def _listed_after(ctx: DocContext, p: int, before: Token, token: Token) -> bool:
    """The market at `token` follows the one at `before` in a list: only commas, "and", "or" and "the" between."""
    start, doc, first = ctx.mention_at(p, token).start, token.doc, _first_conjunct(token)
    own_clause = token.dep_ in ("nsubj", "nsubjpass") or first.dep_ in ("nsubj", "nsubjpass") \
        and first.i > before.i and ctx.entity_at(p, first, "Market") is not None   # ("..., and Hungary, Romania
    #                                                                                 and Bulgaria are next")
    return before.i < start and all(t.text in (",", "and", "or", "the") for t in doc[before.i + 1:start]) \
        and token.dep_ not in ("poss", "compound", "amod", "nmod") and not own_clause \
        and not (token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "POS")   # (not "Asia and Mexico's Pacific
    #                                                                               coast": a place of Mexico's)


def _first_conjunct(token: Token) -> Token:
    """The head of the coordination a token is in ("Hungary" of "Hungary, Romania and Bulgaria are next")."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def _market_facts(ctx: DocContext, p: int, sentence: Span, token: Token, market: str, evidence: Evidence,
                  seen: set) -> Iterator[tuple[Fact, str | None]]:
    """What the words between a market and a company (or product) say of the two."""
    anchor = _market_anchor(token)
    if anchor.dep_ in ("compound", "amod") and anchor.head.lemma_.lower() in STORE_NOUNS | SITE_NOUNS \
            and anchor.head.dep_ == "dobj" and anchor.head.head.lemma_ in OPENING_VERBS:
        anchor = anchor.head       # "opened its first Norwegian store", "will build a Polish plant": a site there
    elif anchor.dep_ in ("compound", "amod") and anchor.head.lemma_.lower() in STORE_NOUNS | SITE_NOUNS \
            and anchor.head.dep_ == "dobj" and anchor.head.head.lemma_ in ("have", "run", "operate") \
            and any(c.dep_ == "nummod" and c.like_num for c in anchor.head.children):
        anchor = anchor.head       # "Prixaldo, which has 700 UK stores": sites there, counted
    elif anchor.dep_ == "poss" or anchor.dep_ in ("compound", "amod", "nmod") and anchor.head.pos_ in ("NOUN", "PROPN") \
            and anchor.head.lemma_ not in ("market", "marketplace"):
        return   # "the US company", "America's largest carrier": the market describes, it is not a place
    if anchor.dep_ in ("nsubj", "nsubjpass"):
        for fact in _dominated_market(ctx, p, anchor, market, evidence):
            if (fact.subject, market) not in seen:
                seen.add((fact.subject, market))
                yield fact, None
        return
    readings = [_climb(ctx, p, anchor)]
    where = _where_clause(ctx, p, token)   # "Indonesia, where we have no stores": the clause on the place says
    if where is not None:                  # who is there, besides what the main clause says
        readings.append((where, [], None))
    found = [list(_market_reading(ctx, p, anchor, market, verb, path, owner, evidence, seen))
             for verb, path, owner in readings]
    present = {(f.subject, f.object) for f, _ in found[1] if f.predicate == "operatesIn"} if len(found) > 1 \
        else set()                    # (a where clause of a past state says nothing: see _where_clause)
    for fact, implied in (pair for reading in found for pair in reading):
        if not (fact.predicate in ("targetsMarket", "absentFrom") and implied in (None, "MarketEntry")
                and (fact.subject, fact.object) in present):
            yield fact, implied       # ("will launch first in Spain and Germany, where it has its own sales
            #                           teams": a launch where it is, no entry; "will exit Spain, where it has
            #                           40 stores": there until it goes)


_CUSTOMER_NOUNS = frozenset({"customer", "buyer", "consumer", "shopper", "user", "driver", "patient", "household",
                             "home", "subscriber", "client", "carmaker", "automaker", "chipmaker", "manufacturer",
                             "hospital", "clinic", "pharmacy", "retailer", "airline", "utility", "farmer", "school",
                             "fab", "foundry", "builder", "dealer", "distributor", "maker", "producer", "company",
                             "firm", "business", "operator", "bank", "insurer", "grocer", "chain", "brand",
                             "passenger", "viewer", "member", "player"})   # (firms that buy: "chips sold
#                                                                                      to carmakers in Germany")


def _to_customers_there(path: list[Token], verb: Token | None) -> bool:
    """Goods that reach buyers in a market are sold there: "cartridges shipped to customers in the United States",
    "builds the Zeel for buyers in Nepal", "delivered chilled to homes in Germany"."""
    buyers = path[2] if len(path) > 3 and path[2].dep_ != "conj" else path[3] if len(path) > 4 else None
    return verb is not None and buyers is not None and path[1].lower_ == "in" \
        and buyers.lemma_.lower() in _CUSTOMER_NOUNS and buyers.tag_ == "NNS" \
        and (after := path[path.index(buyers) + 1]).lower_ in ("to", "for") and after.head == verb \
        and verb.lemma_ in AVAILABILITY_WORDS | {"deliver", "build", "make", "supply"} \
        and not _planned(_signals(verb_chain(verb), path), verb_chain(verb))      # (not "pitched it to buyers in")


def _goods_sold_there(ctx: DocContext, p: int, verb: Token | None) -> list[str]:
    """The products a participle of selling describes: "Veldra recliners sold in Sweden", "the Zephyr 5, launched in
    Spain in May" (not "not sold in", "to be sold in")."""
    if verb is None or verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or verb.lemma_ not in AVAILABILITY_WORDS \
            or negated([verb]) or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return []
    noun = verb.head
    if noun.lower_ == "both" and noun.dep_ == "appos":     # "the Aero 7 and the Kargo, both sold in Belgium": the
        named = list(dict.fromkeys(ctx.entities_in(p, noun.sent[:noun.i - noun.sent.start], "Product")))
        return named[-2:] if len(named) >= 2 else []     # last two products named before
    named = [t for t in noun.subtree if t.i < noun.i and t.dep_ in ("compound", "nmod")]   # ("Veldra power
    named += [c for c in noun.children if c.dep_ == "appos" and c.i < verb.i]              # recliners"; "its brand,
    return list(dict.fromkeys(n for t in [noun, *named] if (n := ctx.entity_at(p, t, "Product"))))   # Vindhya, sold")


_RUNNING_VERBS = AVAILABILITY_WORDS | {"run", "operate", "provide"}


def _product_described_by(ctx: DocContext, p: int, verb: Token) -> list[str]:
    """The product a relative clause of running or selling describes, through the noun in apposition to it:
    "KiPay, the mobile-money service it runs in Kenya", "Tessel, the GPU rental service Veltrum launched in Germany"."""
    if verb.dep_ != "relcl" or verb.lemma_ not in _RUNNING_VERBS or verb.head.dep_ != "appos" \
            or verb.head.lemma_.lower() not in PRODUCT_NOUNS:
        return []
    product = ctx.entity_at(p, verb.head.head, "Product")
    return [product] if product else []


def _product_held_in(ctx: DocContext, p: int, path: list[Token], verb: Token | None) -> str | None:
    """The product the market's "in" hangs from ("Zorvia in Germany"), or the price or sales of it it hangs from
    ("the price of Zorvia in Germany", "sales of the Zephyr in Spain"), or that of the verb the "in" hangs from
    ("demand for its Velatro televisions held up in Germany"), if any."""
    if len(path) < 2 or path[1].lower_ != "in" or path[1].dep_ != "prep":
        return None
    if len(path) == 2:
        holder = subject_of(verb) if verb is not None and path[1].head == verb else None
        if holder is None or holder.lemma_.lower() not in _SOLD_THING_NOUNS - {"price"}:
            return None
    else:
        holder = path[2]
    if holder.lemma_.lower() in _SOLD_THING_NOUNS and holder.pos_ == "NOUN":
        return next((name for c in holder.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                     for o in c.children if o.dep_ == "pobj"
                     for t in (o, *(g for g in o.children if g.dep_ == "compound"))
                     if (name := ctx.entity_at(p, t, "Product"))), None)
    return ctx.entity_at(p, holder, "Product")


_SOLD_THING_NOUNS = frozenset({"price", "sale", "sales", "demand"})
_DELAY_VERBS = frozenset({"postpone", "delay", "defer", "block", "ban", "prohibit", "bar"})


def _where_clause(ctx: DocContext, p: int, market: Token) -> Token | None:
    """The verb of a "where" clause on a market whose subject is a company ("Indonesia, where we have no stores"), or on
    the noun that sums up a list of markets ("Britain and Spain, two markets where Brokkelhof has no sales")."""
    first = _first_conjunct(market)
    holders = [market, *(a for t in dict.fromkeys((market, first)) for a in t.children
                         if a.dep_ == "appos" and a.lemma_.lower() in ("market", "country", "region", "nation"))]
    clauses = [c for holder in holders for c in holder.children]
    clauses += [c for c in first.children if c.i > market.i] if first is not market else []   # "Spain and Germany,
    #                                                                           where it has sales teams": both
    if first.dep_ == "pobj" and first.head.head.pos_ == "NOUN":    # "Filings in Colombia and Peru, where Bravana
        clauses += [c for c in first.head.head.children if c.i > market.i]      # sells its pills": the clause
    for clause in clauses:                                                      # hung on the noun before
        if clause.dep_ == "relcl" and clause.pos_ in ("VERB", "AUX") \
                and any(w.lower_ == "where" for w in clause.children) \
                and not (clause.lemma_ in ("have", "be") and clause.tag_ == "VBD"):   # (not "where it had 40 stores")
            subject = subject_of(clause)
            if subject is not None and ctx.entity_at(p, subject, "Company"):
                return clause
    return None


def _market_reading(ctx: DocContext, p: int, anchor: Token, market: str, verb: Token | None, path: list[Token],
                    owner: str | None, evidence: Evidence, seen: set) -> Iterator[tuple[Fact, str | None]]:
    """The facts one clause gives about a market: its subject (or the owner met on the way) and the relation
    the words between them say."""
    chain = verb_chain(verb) if verb is not None else []
    if (product := _product_held_in(ctx, p, path, verb)) and not negated(chain) \
            and not _planned(_signals(chain, path), chain) \
            and not any(v.lemma_ in _STOP_VERBS | CANCEL_VERBS | _DELAY_VERBS for v in chain) \
            and (product, market, "availableIn") not in seen:     # (not "halted sales of it in", "its launch in
            #                                                       Vietnam was postponed")
        seen.add((product, market, "availableIn"))          # "cut the price of Zorvia in Germany", "sales of the
        yield Fact(product, "availableIn", market, evidence), None   # Zephyr in Spain doubled"
    sold_in = len(path) > 1 and path[1].lower_ in ("in", "across", "throughout") and path[1].head == verb \
        or _to_customers_there(path, verb)
    for product in _goods_sold_there(ctx, p, verb) if sold_in else []:
        if (product, market, "availableIn") not in seen:     # "48,300 Veldra recliners sold in Sweden"
            seen.add((product, market, "availableIn"))
            yield Fact(product, "availableIn", market, evidence), None
    subjects: list[str] = [owner] if owner else []
    sited = False
    through_goods = False
    carried = [c for c in chain[0].children if c.dep_ == "dobj"] if chain else []
    if not subjects and chain and chain[0].lemma_ in ("launch", "take", "bring", "introduce") and len(path) > 1 \
            and path[1].lower_ in ("in", "into", "to") and (path[1].head == chain[0] or path[1].head in carried
                                                           or path[1].head.dep_ == "appos" and path[1].head.head
                                                           in carried):
        subjects = [n for c in carried if (n := ctx.entity_at(p, c, "Company"))]   # "the group would launch it
        #                                        (Kaolinde) in the US", "launched Kvelio, its app-only bank, in
        #                                        Romania": the brand goes there (not "introduced Vantor to investors
        #                                        in Singapore")
    if not subjects:
        for v in chain:
            subject = subject_of(v)
            if subject is not None:
                subjects = [n for s in conjuncts(subject) if (n := ctx.entity_at(p, s, "Company", "Product"))]
                subjects = subjects or [n for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c != subject
                                        and (n := ctx.entity_at(p, c, "Company", "Product"))]   # "video game
                #                                  Zorbix 2 has been released in the US": two subjects in the parse
                subjects = subjects or [n for c in subject.children if c.dep_ == "compound"   # "100,000 Zephyr
                                        and (n := ctx.entity_at(p, c, "Product"))]            # phones were sold in"
                if not subjects and subject.lemma_.lower() in PRODUCT_NOUNS and subject.tag_ == "NNS":
                    goods_of = [n for c in subject.children if (c.dep_ == "compound" or c.dep_ == "poss"
                                                                  and subject.dep_ != "appos")
                                and (n := ctx.entity_at(p, c, "Company"))]   # (not "X and Y, its phones, which")
                    subjects, through_goods = goods_of, bool(goods_of)   # "Qimora phones will be available in the
                    #                                   UK", "our bikes sell well in Austria": the maker's presence
                if not subjects and v.lemma_ == "be" and subject.lemma_.lower() in STORE_NOUNS | SITE_NOUNS \
                        and not any(c.lower_ in ("new", "future", "planned", "proposed", "first")
                                    for c in subject.children):
                    subjects = [n for c in subject.children if c.dep_ == "poss"       # "Veyrac's plants are in
                                and (n := ctx.entity_at(p, c, "Company"))]            # France and Tunisia"
                    sited = bool(subjects)
                subjects = subjects or [n for c in subject.children if c.dep_ == "appos"      # "Its subsidiary
                                        and (n := ctx.entity_at(p, c, "Company", "Product"))]  # Kelvo Regional flies"
                if not subjects and subject.lower_ in ("both", "all", "each") and v.dep_ in ("ccomp", "advcl"):
                    subjects = list(dict.fromkeys(ctx.entities_in(    # "makes the Aero 7 and the Kargo bike,
                        p, [t for c in v.head.children if c.dep_ == "dobj" for t in c.subtree]   # both sold in
                        + [t for c in v.head.children if c.dep_ == "dobj" for x in c.conjuncts   # Denmark"
                           for t in x.subtree], "Product")))
                if not subjects and subject.tag_ == "NNS" and subject.lemma_.lower() in PRODUCT_NOUNS \
                        and any(c.lower_ == "both" for c in subject.children):
                    subjects = ctx.pair_named_before(p, subject)    # "Both phones will be sold in ...": the two
                    #                                                 products named together last
                if not subjects and subject.lower_ == "they" and subject.i == subject.sent.start > 0 \
                        and subject.head == v and (subject.dep_ == "nsubjpass" and v.lemma_ in AVAILABILITY_WORDS
                                                   or v.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_
                                                                               in AVAILABILITY_WORDS
                                                                               for c in v.children)):
                    before = subject.doc[subject.sent.start - 1].sent   # "... the Zorba 5 and the Zorba 5 Pro. They
                    named = ctx.entities_in(p, before, "Product")       # are sold in Denmark": the products the
                    subjects = named if 2 <= len(named) <= 4 else []    # sentence before named
                if not subjects and subject.dep_ == "appos" and subject.pos_ == "NOUN":   # "the Zephyr 12 and
                    subjects = [n for s in conjuncts(subject.head)                         # Zephyr 12 Pro, its
                                if (n := ctx.entity_at(p, s, "Company", "Product"))]       # phones, which go on
                    if subject.tag_ == "NNS":                                              # sale in Spain": each
                        subjects = _products_listed_before(ctx, p, subject) or subjects   # product listed
                break
    if not subjects or any((n := ctx.entity_at(p, t, "Company")) and n not in subjects for t in path):
        return            # (the market is another company's, named on the way: "signed a deal with Pellino,
        #                    the chain with 230 restaurants in Spain")
    if chain and any(t.dep_ in ("appos", "relcl", "acl") and t.head.dep_ in ("nsubj", "nsubjpass")
                     and t.head.head == chain[0] and t.head.pos_ == "NOUN" for t in path):
        return            # a market in a description of the subject ("The group, ..., all of them in Italy, will open
        #                   hotels in Greece"): not what the verb says of it
    words = _signals(chain, path)
    relation = _path_relation(path, chain, words) or _market_relation(words, chain, path) \
        or (("operatesIn", None) if sited and not negated(chain) and not _planned(words, chain) else None)
    if relation is None and through_goods and words & AVAILABILITY_WORDS and not negated(chain) \
            and not words & {"stop", "cease", "remain", "still", "continue", "longer", "used", "counterfeit"} \
            and not any(v.lemma_ in _STOP_VERBS | CANCEL_VERBS for v in chain):   # (not "will stop being available")
        relation = ("targetsMarket", "MarketEntry") if _planned(words, chain) else ("operatesIn", None)
    if _closes_a_site(chain, path):       # "will close its first plant in Mexico": there now, no target (closed in
        relation = None if _past(chain) else ("operatesIn", None)                  # the past: perhaps gone, unsaid)
    if anchor.dep_ == "pobj" and anchor.head.lower_ in ("outside", "beyond"):     # "its first plant outside the
        if not (negated(chain) or "first" in words or any(t.lower_ == "first" for t in path)):   # UAE", "has
            return                                            # never run a train outside Scandinavia": there
        relation = ("operatesIn", None)                       # already (not "expand outside China")
    if chain and (chain[0].lemma_ in AVAILABILITY_WORDS or _to_customers_there(path, chain[0])
                  or chain[0].lemma_ == "recall" and len(path) > 1 and (
                      path[1].head == chain[0] or path[1].head.dep_ == "dobj" and path[1].head.head == chain[0])) \
            and not negated(chain):                                      # "launched the Zephyr S in
        for product in ctx.entities_in(p, [t for c in chain[0].children if c.dep_ == "dobj"   # France": the
                                           for t in c.subtree], "Product"):                  # product is there
            if (product, market, "availableIn") not in seen:
                seen.add((product, market, "availableIn"))
                yield Fact(product, "availableIn", market, evidence), None
    for product in _product_described_by(ctx, p, chain[0]) if chain and not negated(chain[:1]) \
            and not _planned(_signals(chain[:1], path), chain[:1]) else []:
        if (product, market, "availableIn") not in seen:     # "KiPay, the mobile-money service it runs in Kenya"
            seen.add((product, market, "availableIn"))
            yield Fact(product, "availableIn", market, evidence), None
    for subject in subjects:
        if subject in ctx.products:
            if (words & AVAILABILITY_WORDS or _to_be_ordered(chain)) and not negated(chain) \
                    and not (relation and relation[0] == "absentFrom"):
                fact, implied = Fact(subject, "availableIn", market, evidence), None
            else:
                continue
        elif relation is None:
            continue
        else:
            fact, implied = Fact(subject, relation[0], market, evidence), relation[1]
        if (subject, market, fact.predicate) not in seen:
            seen.add((subject, market, fact.predicate))
            yield fact, implied


def _to_be_ordered(chain: list[Token]) -> bool:
    """"The IC13 can be ordered in Portugal": on offer there (not "was ordered off shelves in Spain")."""
    return bool(chain) and chain[0].lemma_ == "order" and any(c.dep_ == "auxpass" for c in chain[0].children) \
        and any(c.dep_ == "aux" and c.lower_ in ("can", "may", "could") for c in chain[0].children) \
        and not any(c.dep_ in ("prt", "prep") and c.lower_ in ("off", "out") for c in chain[0].children)


def _path_relation(path: list[Token], chain: list[Token], words: set[str]) -> tuple[str, str | None] | None:
    """A noun between the market and its verb decides first: "a dominant player in India",
    "presence in Europe", "absence in the USA", "entry into the US"."""
    plan = _planned(words, chain)
    if chain and chain[0].lemma_ in ("buy", "acquire", "purchase") and chain[0].tag_ == "VB" and not negated(chain) \
            and any(t.lemma_.lower() in SITE_NOUNS | PRESENCE_NOUNS for t in path[1:]):
        return "targetsMarket", None      # "agreed to buy 70 per cent of the Quilcaro mine in Peru": a site to come
    if _opens_there(chain, path) and not negated(chain):   # "opened in Ireland on Monday", "opened to Irish customers"
        ahead = any(t.ent_type_ == "DATE" and (t.lower_ in ("next", "later", "coming") or chain[0].tag_ in (
            "VBZ", "VBP")) for t in chain[0].subtree)                                # ("opens in Spain next year",
        return ("targetsMarket" if plan or ahead else "operatesIn"), "MarketEntry"   # "opens in Spain in 2027")
    if len(path) > 2 and path[2].lower_ == "none" and _things_held_there(chain, path) == "absentFrom":
        return "absentFrom", None         # "has 200 stores in Poland and none in Hungary": not the stores' presence
    for token in path[1:] if path and path[0].lemma_ in ("market", "marketplace") else path:
        lemma = token.lemma_.lower()
        if lemma in ABSENCE_WORDS:
            return "absentFrom", None
        if lemma in _PARTS_OF_A_MARKET and token.dep_ == "dobj" and token.head.lemma_ in _HOLDING_VERBS \
                and path[0].lemma_ in ("market", "marketplace") and not negated(chain) and not plan:
            return "operatesIn", None     # "holds about a third of the UK frozen snack market"
        if lemma in ENTRY_NOUNS:
            if negated(chain):
                return "absentFrom", None
            return ("targetsMarket", "MarketEntry") if plan or not _past(chain) else ("operatesIn", "MarketEntry")
        if lemma in STORE_NOUNS and "open" in words:
            return ("targetsMarket" if plan else "operatesIn"), "StoreOpening"
        if lemma == "price" and token.pos_ == "NOUN":      # "cut the price of Zorvia in Germany": sold there (not
            named = any(c.dep_ == "prep" and c.lower_ == "of" and any(o.pos_ == "PROPN" for o in c.children)
                        for c in token.children)        # absent when it "will not cut" it, nor "the price of
            return None if negated(chain) or plan or not named else ("operatesIn", None)   # lithium in China")
        if lemma == "hotel" and token.dep_ == "pobj" and token.head.lower_ == "at":
            return None                       # "will hold its investor day at a hotel in Portugal": a venue
        if lemma in PRESENCE_NOUNS or lemma in COMPANY_NOUNS and token.pos_ == "NOUN":
            if negated(chain) or _denied(token) or words & ABSENCE_WORDS:   # ("has no presence in the US")
                return "absentFrom", None
            existing = any(c.dep_ == "poss" for c in token.children) and not any(
                c.lemma_.lower() in PLAN_CUES | {"new", "future", "proposed", "first"} for c in token.children)
            if begins_presence(chain) and not existing:     # "will begin non-stop service to Canada": an entry
                return ("operatesIn" if _past(chain) and not plan else "targetsMarket"), "MarketEntry"
            return ("targetsMarket" if plan and not existing else "operatesIn"), None   # "output at its plant
            #                                                 in Hungary will rise": the plant is there already
    return None


_PARTS_OF_A_MARKET = frozenset({"third", "quarter", "fifth", "half", "%", "percent", "share", "slice", "chunk"})
_HOLDING_VERBS = frozenset({"hold", "have", "control", "command", "take", "account"})


def _planned(words: set[str], chain: list[Token]) -> bool:
    if chain and _past(chain) and chain[0].lemma_ == "build" and (chain[0].tag_ == "VBD" or any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in chain[0].children)):   # "built a plant in Mexico in 2019",
        words = words - {"build"}                                                 # "has built a following": done
    return bool(words & PLAN_CUES) or any(t.lower_ in ("will", "would", "could", "may", "might", "should", "'ll")
                                          for v in chain for t in v.children if t.dep_ == "aux") \
        or any(v.lower_ == "due" for v in chain) \
        or any(v.lemma_ == "expect" and v.pos_ == "VERB" and any(c.dep_ == "xcomp" and c in chain for c in v.children)
               for v in chain)                         # "said it expected to launch the pill in France"


_BEGIN_WORDS = frozenset({"begin", "start", "commence"})


_FIRST_ENTRY_WORDS = frozenset({"enter", "entry", "break", "return", "debut", "foray", "arrive", "arrival"})


def _goes_live(verb: Token) -> bool:
    """'goes live in Poland', 'went live': a service's launch (not "went live with a new warehouse system": a tool
    it put to use)."""
    return verb.lemma_ == "go" and any(c.lower_ == "live" and c.dep_ in ("acomp", "advmod", "oprd", "dobj")
                                       for c in verb.children) \
        and not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)


_NOT_OWN_UNITS = frozenset({"partner", "rival", "client", "customer", "peer", "competitor", "independent",
                            "outside", "external", "third-party", "supplier"})


def first_entry(sentence: Span) -> bool:
    """The sentence plans a first entry, not more of the same: "plans to enter Brazil", "will begin selling cars in
    Norway", "plans to launch in Nigeria" (not "plans to expand in Germany", "will launch its drug in Japan")."""
    return any(t.lemma_.lower() in _FIRST_ENTRY_WORDS
               or t.lemma_ == "launch" and t.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in t.children)
               or _goes_live(t)
               or t.lower_ == "first" and t.dep_ == "amod" and t.head.lemma_.lower() in _SERVICE_NOUNS | SITE_NOUNS
               and any(c.dep_ == "prep" and c.lower_ in ("to", "in", "into") for c in t.head.children)
               for t in sentence) or begins_presence([t for t in sentence if t.pos_ == "VERB"])
    #                                   ("... which will be Eskelund's first service to India")


def first_stores(sentence: Span) -> bool:
    """'opened its first two stores in Spain': "first" on the store noun (not "in the first half")."""
    return any(t.lower_ == "first" and (t.head.lemma_.lower() in STORE_NOUNS or t.head.head.lemma_.lower() in STORE_NOUNS)
               for t in sentence)


def first_stores_in(ctx: DocContext, p: int, sentence: Span, market: str) -> bool:
    """'first' on the way from the market's name up to its verb: "opened its first two stores in Spain", "... and its
    first in Romania" (not Poland's in "will open 25 more stores in Poland and its first in Romania")."""
    for token in sentence:
        if ctx.entity_at(p, token, "Market") != market:
            continue
        for _ in range(5):
            if token.pos_ in ("VERB", "AUX"):      # "opened its first two stores in Spain": on the verb's object
                if any(c.dep_ == "dobj" and any(g.lower_ == "first" and g.dep_ == "amod" for g in c.children)
                       for c in token.children):
                    return True
                break
            if token.lower_ == "first" or any(c.lower_ == "first" and c.dep_ == "amod" for c in token.children):
                return True
            if token.head == token:
                break
            token = token.head
    return False


def first_site_in(market: Token) -> bool:
    """'will open its first plant in Mexico', 'announced its first route to Morocco': "first" on a site or a
    route the market's name hangs from (not "its first quarter", "the first time", "its first plant opened in
    1990", "its first plant in Mexico, for its customers in Canada")."""
    place = market.head                          # "in"/"to"/"into", on the site noun itself
    noun = place.head
    if market.dep_ != "pobj" or place.lower_ not in ("in", "to", "into") or noun.dep_ != "dobj" \
            or noun.lemma_.lower() not in STORE_NOUNS | SITE_NOUNS or noun.head.lemma_ not in OPENING_VERBS:
        return False                             # (not "will close its first plant in Mexico")
    return any(c.lower_ == "first" for c in noun.children)




def begins_presence(chain: list[Token]) -> bool:
    """A verb of beginning that governs selling, flying or serving: "will begin selling cars", "began flights to
    Peru" (not "will begin closing stores", "start charging customers", "runs a start-up", nor "will start
    deliveries of the new model": a product's, by a firm that may sell there already)."""
    return any(verb.lemma_ in _BEGIN_WORDS and _governs_selling(verb) for verb in chain)


def _governs_selling(verb: Token) -> bool:
    """The verb governs selling, flying or serving: "(begin) selling cars", "(stopped) flights to Peru" (not
    "deliveries of the new model": a product's)."""
    return any(c.dep_ == "xcomp" and c.lemma_ in _SELLING_VERBS
               or c.dep_ == "xcomp" and c.lemma_ in ("take", "accept") and any(   # "will start taking orders in"
                   g.dep_ == "dobj" and g.lemma_.lower() in _ORDER_NOUNS for g in c.children)
               or c.dep_ == "dobj" and c.lemma_.lower() in _SERVICE_NOUNS
               and not any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children) for c in verb.children)


_INTENT_VERBS = frozenset({"plan", "aim", "prepare", "intend", "seek", "hope", "want", "look", "consider", "eye"})
_ORDER_NOUNS = frozenset({"order", "booking", "reservation", "pre-order", "preorder", "customer", "deposit"})
_STOP_VERBS = frozenset({"stop", "cease", "halt", "end", "suspend", "discontinue", "quit"})


def _stopped_selling(chain: list[Token]) -> bool:
    """"stopped selling in the United Kingdom last October", "has ended flights to Peru": gone (not "will stop")."""
    return any(verb.lemma_ in _STOP_VERBS and _past([verb]) and _governs_selling(verb) for verb in chain)


_SELLING_VERBS = frozenset({"sell", "offer", "ship", "fly", "serve", "operate", "distribute", "deliver", "export",
                            "retail", "stock", "market"})
_SERVICE_NOUNS = frozenset({"flight", "flights", "service", "services", "sale", "sales", "shipment", "shipments",
                            "delivery", "deliveries", "operation", "operations", "route", "routes"})
_EXIT_PHRASES = ({"pull", "out"}, {"back", "out"}, {"move", "out"}, {"get", "out"}, {"pull", "back"},
                 {"stay", "out"}, {"keep", "out"})


_CLOSING_VERBS = frozenset({"shut", "close", "sell", "divest", "wind", "dispose", "exit"})
_WHOLE_BUSINESS_NOUNS = frozenset({"business", "businesses", "operation", "operations", "unit", "subsidiary", "arm",
                                   "division", "branch", "presence"})


def _closes_a_site(chain: list[Token], path: list[Token]) -> bool:
    """The clause closes (or sells) a store or site in the market: "will close its first plant in Mexico"."""
    return bool(chain) and chain[0].lemma_ in _CLOSING_VERBS and not negated(chain) and any(
        t.lemma_.lower() in STORE_NOUNS | SITE_NOUNS and not (chain[0].lemma_ == "sell" and t.lemma_.lower() == "property")
        for t in [*path, *(c for c in chain[0].children if c.dep_ == "dobj")])   # ("sold 1,200 properties": homes)


def closed_down(noun: Token) -> bool:
    """"shut its Danish business", "closed its operations in Chile", "sold its Polish unit": the firm's business in a
    country ended (not "will close", "closed two stores in Chile", "sold its Danish insurance business": one line of
    it, "closed its UK business to new customers")."""
    verb = noun.head
    return noun.dep_ == "dobj" and noun.lemma_.lower() in _WHOLE_BUSINESS_NOUNS and verb.lemma_ in _CLOSING_VERBS \
        and _past([verb]) and not negated([verb]) and any(c.dep_ == "poss" for c in noun.children) \
        and not any(t.like_num for t in noun.subtree) \
        and not any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in noun.children) \
        and not any(c.dep_ == "prep" and c.lower_ == "to" and any(o.lemma_.lower() in ("customer", "client", "user")
                                                                   for o in c.children) for c in verb.children)


def _trades_there(chain: list[Token]) -> bool:
    """"The group already trades in Namibia", "has traded in Kenya since 2019": a firm doing business there (not "is
    traded in Singapore" or "traded at a record high": its shares; not "stopped trading in Russia"; not "its shares
    trade in London")."""
    verb = chain[0] if chain else None
    return verb is not None and verb.lemma_ == "trade" and verb.pos_ == "VERB" \
        and len(chain) == 1 and not any(c.dep_ == "auxpass" or c.dep_ == "prep" and c.lower_ == "at"
                                        for c in verb.children) \
        and not any(c.dep_ in ("nsubj", "compound") and c.lemma_.lower() in _TRADED_PAPERS for c in verb.children)


_TRADED_PAPERS = frozenset({"share", "stock", "bond", "security", "note", "depositary", "receipt", "adr", "future",
                            "option", "warrant", "equity", "paper", "currency", "price", "coin", "token"})


def _market_relation(words: set[str], chain: list[Token], path: list[Token]) -> tuple[str, str | None] | None:
    if any(v.lemma_ in _INTENT_VERBS and v.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had"
                                                                 for c in v.children) for v in chain):
        return None                       # "had planned to enter India through a venture": a plan since dropped
    if "sight" in words and not (len(path) > 1 and path[1].lower_ == "on" and path[1].head.lemma_ == "sight"):
        words = words - {"sight"}         # "set its sights on Argentina" (not "after ten years in Brazil", "has
        #                                   Vantel in its sights in Brazil")
    if any(phrase <= words for phrase in _EXIT_PHRASES) and not _planned(words, chain) or _stopped_selling(chain) \
            or chain and any(closed_down(c) for c in chain[0].children if c in path or c.dep_ == "dobj"
                             and len(path) == 2 and path[1].lower_ == "in" and path[1].head == chain[0]):
        return "absentFrom", None                                 # "pulled out of Russia"
    if chain and chain[0].lemma_ == "leave" and path and path[0].dep_ == "dobj" and path[0].head == chain[0] \
            and _past(chain) and not negated(chain) \
            and not any(c.dep_ == "conj" and c.lemma_ in ("return", "re-enter", "reenter", "come") or c.dep_ in (
                "dative", "oprd") or c.dep_ == "prep" and c.lower_ == "as" for c in chain[0].children) \
            and sum(c.dep_ == "dobj" for c in chain[0].children) == 1:     # (not "left Nigeria in 2029 but returned",
        #                                                                 "left Brazil as its biggest market")
        return "absentFrom", None         # "It left Nigeria in 2031": the market itself left (not "left prices
        #                                   unchanged in Spain", nor "will leave Kenya by June": still there)
    negative = negated(chain) or bool(words & ABSENCE_WORDS) or "yet" in words and not _past(chain) \
        or any(c.dep_ == "dobj" and _denied(c) and c.lemma_.lower() in PRESENCE_NOUNS | STORE_NOUNS | SITE_NOUNS
               for c in chain[0].children) if chain else False   # "has no presence" (with "in Britain" on the verb)
    plan = _planned(words, chain)
    if _simply_there(chain, path):        # "We are not in America", "Kelvo is already in 30 countries"
        return "absentFrom" if negative else "targetsMarket" if plan else "operatesIn", None
    if (held := _things_held_there(chain, path)) is not None and not plan:
        return held, None                 # "has none in Romania", "has no lockers in Poland", "has 26,000 machines in
        #                                   Poland": what a firm has in a market, counted
    if chain and chain[0].lemma_ == "run" and any(c.dep_ == "prep" and c.lower_ in ("into", "against")
                                                  for c in chain[0].children) \
            and not any(c.dep_ == "dobj" for c in chain[0].children):
        words = words - {"run"}           # "will run into China's Shenlai": meets a rival there, runs nothing (but
        #                                   "runs trains into Germany")
    if "trade" in words and not _trades_there(chain):
        words = words - {"trade"}         # (only "the group already trades in Namibia")
    presence = bool(words & (PRESENCE_VERBS | PRESENCE_NOUNS | COMPANY_NOUNS))
    begun = begins_presence(chain)      # "will begin selling cars in Germany", "began flights to Peru"
    entry = bool(words & (ENTRY_VERBS | ENTRY_NOUNS)) or begun or bool(chain) and chain[0].lemma_ in ("take", "bring") \
        and len(path) > 1 and path[1].lower_ in ("to", "into") \
        and (path[1].head == chain[0] or path[1].head.dep_ == "dobj" and path[1].head.head == chain[0]) \
        and any(c.dep_ == "dobj" for c in chain[0].children) \
        and not any(v.dep_ == "relcl" for v in chain)   # "wants to take the laptops to Vietnam" (not in a relative
    #                                                     clause, whose subject the pronouns make uncertain)
    store = "open" in words and bool(words & STORE_NOUNS) \
        and not (chain and chain[0].lemma_ in ENTRY_VERBS)   # "opened stores in Italy and plans to enter Austria"
    if negative and (entry or presence or store or words & ABSENCE_WORDS):
        return "absentFrom", None
    if store:                             # ("will open 25 more stores in Poland": there already; not "and its
        more = bool(chain) and _more_of_the_same(chain[0], words) and not any(t.lower_ == "first" for t in path)
        return ("targetsMarket" if plan and not more else "operatesIn"), "StoreOpening"   # first in Romania")
    if (words & {"open", "build", "establish"} or {"set", "up"} <= words) and words & SITE_NOUNS \
            and not negative:                                                # "plans to open a service centre
        more = bool(chain) and _more_of_the_same(chain[0], words)           # there" (a "third factory": there)
        return ("targetsMarket" if plan and not more else "operatesIn"), None
    if entry and plan:
        return "targetsMarket", "MarketEntry"
    if begun:
        return ("operatesIn" if _past(chain) else "targetsMarket"), "MarketEntry"
    if presence and plan and chain and chain[0].lemma_ == "open" and not _more_of_the_same(chain[0], words):
        return "targetsMarket", None          # "will open hotels in Greece": not there yet
    if presence and chain and chain[0].lemma_ in _SELLING_VERBS | {"be"} and not _more_of_the_same(chain[0], words) \
            and any(v.lemma_ in _INTENT_VERBS and v.pos_ == "VERB" for v in chain[1:]) \
            and not words & {"also", "still", "already", "continue", "keep", "more", "expand", "too"} \
            and not any(t.like_num for c in chain[0].children if c.dep_ == "dobj" for t in c.subtree):
        #                                       (nor "aims to sell 1 million phones in India": a sales target)
        return "targetsMarket", None          # "plans to sell its phones in Japan", "prepares to fly to Japan", "hopes
        #                                       to be in Canadian stores": not yet there (not "plans to sell more")
    if presence and plan and chain and chain[0].lemma_ == "be" and any(t.lower_ == "first" for t in path):
        return "targetsMarket", "MarketEntry"   # "would be Zandrova's first operation in the country"

    if presence:
        return "operatesIn", None
    if entry:
        return ("operatesIn" if _past(chain) else "targetsMarket"), "MarketEntry"
    if chain and chain[0].lemma_ in _SCOUTING_VERBS and not negative and path and path[0].dep_ == "dobj" \
            and path[0].head == chain[0] and _scouting_now(chain, path[0]):
        return "targetsMarket", "MarketEntry"  # "was also studying Guatemala", "is eyeing Brazil"
    return None


def _opens_there(chain: list[Token], path: list[Token]) -> bool:
    """A firm opening, with nothing it opens, in a market or to its customers: "Vaiskra opened in Ireland on Monday",
    "opened to Irish customers" (a start there; not "opened an office in", "opened 12 stores in", nor shares that
    "opened higher in Germany", "has yet to open in Spain")."""
    verb = chain[0] if chain else None
    return verb is not None and verb.lemma_ == "open" and verb.pos_ == "VERB" and len(path) > 1 \
        and path[-1].head == verb and path[-1].dep_ == "prep" and path[-1].lower_ in ("in", "to") \
        and (len(path) == 2 or len(path) == 3 and path[1].lemma_.lower() in _CUSTOMER_NOUNS) \
        and not any(c.dep_ in ("dobj", "prt", "nsubjpass", "auxpass") or c.tag_ in ("JJR", "RBR", "CD")
                    or c.lower_ in _PRICE_MOVES for c in verb.children) \
        and not any(t.lower_ in ("yet", "%") for v in chain for t in v.children)


_PRICE_MOVES = frozenset({"higher", "lower", "flat", "up", "down", "sharply", "firmer", "weaker", "stronger", "steady",
                          "unchanged", "percent"})


def _simply_there(chain: list[Token], path: list[Token]) -> bool:
    """The clause says only that its subject is in the market: "is (not) in Britain", "will be in France by 2030",
    "has been in Chile since 2019" (not "is strong in", "is the leader in", "is in talks in": what it is there, said
    otherwise; nor "was in Italy for a fair", "is in Germany this week", "had been in Chile", "used to be in Chile",
    "would be in Chile if ...": a visit, or a past or a wish)."""
    verb = chain[0] if chain else None
    return verb is not None and verb.lemma_ == "be" and verb.tag_ != "VBD" and len(path) == 2 \
        and path[1].lower_ == "in" and path[1].head == verb and path[1].i > verb.i \
        and not any(c.dep_ in ("attr", "acomp", "dobj", "ccomp", "xcomp", "expl") for c in verb.children) \
        and not any(c.dep_ == "aux" and c.tag_ == "VBD" or c.dep_ == "npadvmod" and c.ent_type_ == "DATE"
                    or c.dep_ == "prep" and c.lower_ in ("for", "to") or c.dep_ == "advcl"
                    and any(m.lower_ == "if" for m in c.children) for c in verb.children) \
        and not any(v.lemma_ == "use" for v in chain[1:])


def _things_held_there(chain: list[Token], path: list[Token]) -> str | None:
    """What a firm has in a market, counted, when it is a site, a unit or its staff: "has 26,000 machines in Poland"
    (there), "has no lockers in Poland", "has 200 stores in Poland and none in Hungary", "has none in Romania" after
    its lockers were named (not there); not "has 30 days in Hungary to appeal", "has no problems in Hungary", "said
    it had none in Romania" of plans."""
    if not chain or chain[0].lemma_ != "have" or len(path) < 2 or path[1].lower_ != "in" or negated(chain):
        return None
    held = path[2] if len(path) > 2 else next((c for c in chain[0].children if c.dep_ == "dobj"), None)
    if held is None or not (held.dep_ == "dobj" and held.head == chain[0] or held.dep_ == "conj"
                            and held.head.dep_ == "dobj" and held.head.head == chain[0]):
        return None                       # ("has none" with "in Romania" on the verb; "200 stores ... and none in")
    if held.lower_ == "none":
        named = [t for t in held.doc[max(0, held.sent.start - 60):held.i] if _held_noun(t)]
        return "absentFrom" if named else None       # none of the sites or units named just before
    if held.tag_ != "NNS" or not _held_noun(held) \
            or any(c.dep_ == "prep" for c in held.children if c.i < path[1].i):
        return None
    if any(c.dep_ == "det" and c.lower_ == "no" for c in held.children):
        return "absentFrom"
    return "operatesIn" if any(c.dep_ == "nummod" and c.like_num for c in held.children) else None


_HELD_NOUNS = frozenset({"locker", "machine", "kiosk", "atm", "charger", "terminal", "bus", "truck", "van",
                         "aircraft", "plane", "train", "ship", "vessel", "rig", "well", "field", "tower", "mast"})


def _held_noun(token: Token) -> bool:
    """A site, unit, staff or piece of equipment a firm runs in a market ("stores", "employees", "lockers")."""
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (lemma in PRESENCE_NOUNS | STORE_NOUNS | SITE_NOUNS | _HELD_NOUNS) \
        and lemma not in ("share", "sale", "sales", "revenue", "revenues", "licence", "license", "contract",
                          "contracts", "capacity", "asset", "assets", "stake", "stakes")


_SCOUTING_VERBS = frozenset({"study", "consider", "eye", "explore", "weigh", "mull", "target", "scout", "court"})


def _scouting_now(chain: list[Token], market: Token) -> bool:
    """A market weighed as a place to go, now: "is eyeing Brazil" (not "had considered Brazil", "stopped eyeing
    Brazil", "is targeting Brazil with price cuts", "considers Brazil, its biggest market, vital")."""
    verb = chain[0]
    return verb.tag_ in ("VBG", "VBZ", "VBP", "VB") and not any(v.lemma_ in _STOP_VERBS | CANCEL_VERBS for v in chain) \
        and not any(c.dep_ == "prep" and c.lower_ == "with" or c.dep_ in ("oprd", "xcomp", "ccomp", "acomp")
                    for c in verb.children) \
        and not any(c.dep_ == "appos" or c.dep_ in ("amod", "acomp") and c.i > market.i for c in market.children)


def _more_of_the_same(verb: Token, words: set[str]) -> bool:
    """'will open a third factory in Mexico', 'another hotel', 'five more offices, bringing its total to 14':
    more where the company already is."""
    opened = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(words & {"total", "already", "existing"}) or any(
        t.lower_ in ("another", "more", "additional", "further", "extra")
        or t.ent_type_ == "ORDINAL" and t.lower_ != "first" for o in opened for t in o.subtree)




def _city_before_its_trade(ctx: DocContext, p: int, token: Token) -> bool:
    """'the Ghent operator': a known city the model left untagged, named before a firm's trade, that is no entity."""
    return token.pos_ == "PROPN" and token.ent_type_ == "" and token.dep_ == "compound" \
        and ctx.mention_at(p, token) is None and (place := place_at(token)) is not None and place.kind == "city"


def _start_up(token: Token) -> bool:
    """'start-up' the parser read as the verb "start" with its particle ("Dutch start-up Foo")."""
    return token.lower_ == "start" and token.i + 2 < len(token.doc) \
        and hyphenated_noun(token.doc[token.i + 2]) == "start-up"


def home_countries(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """A company described by its nationality is present in its home country: "Chinese smartphone
    maker Xiaomi", "Kestrel, the Taiwanese chipmaker", "the Norwegian carmaker" (said of a company). A business of a
    nationality the company shut or sold is gone from that country ("shut its Danish business")."""
    evidence = ctx.evidence(p, sentence)
    for noun in sentence:
        rival_word = noun.pos_ == "ADJ" and noun.lower_ in COMPETITION_NOUNS and noun.dep_ in ("amod", "compound")
        described = noun.head if noun.dep_ == "appos" and ctx.entity_at(p, noun.head, "Company") \
            else _apposition_parse_missed(noun)
        describes_company = common_noun(noun) and described is not None \
            and ctx.entity_at(p, described, "Company") and ctx.mention_at(p, described).ner != "PERSON" \
            and noun.lemma_.lower() not in PERSON_NOUNS
        #                                                           (not "Ann Roe, the country's richest man")
        if _start_up(noun):
            pass                          # "Dutch start-up Foo": the parser's verb "start" with its particle
        elif not common_noun(noun) and not rival_word or noun.lemma_.lower() not in COMPANY_NOUNS and not (
                noun.lemma_.lower() in SUBSIDIARY_NOUNS and any(c.dep_ == "poss" for c in noun.children)) \
                and not describes_company:
            continue                      # ... or "Lufthansa's US catering business"; any noun in apposition to a
            #                               company describes it: "Trasvik, a Polish haulier"
        modifiers = list(noun.children)
        start_up = _start_up(noun)
        named = noun.head
        while start_up and named.dep_ == "compound" and named.head.i > named.i:
            named = named.head            # "Dutch start-up Foo Photonics": "start" hangs on "up", "up" on the name
        if noun.dep_ in ("compound", "amod") or start_up:   # "Japanese subsidiary Fuso": the adjective
            #                                                             may hang on the name
            modifiers += [c for c in named.children if c.i < noun.i]
        modifiers += [g for c in list(modifiers) if c.dep_ == "compound" and c.pos_ == "NOUN"   # "US telecoms firm",
                      and c.lower_ not in _STYLE_WORDS                                  # "Norwegian telecoms company"
                      for g in c.children if g.i < c.i]            # (not "the Italian-style pizza chain")
        adjectives = [c for c in modifiers if c.dep_ in ("amod", "compound", "nmod") and
                      (c.ent_type_ in ("NORP", "GPE") or c.tag_ == "JJ" and c.text[:1].isupper()
                       or c.pos_ == "PROPN" and c.i > 0 and resolve_market(f"{c.doc[c.i - 1].text} {c.text} market")
                       or _city_before_its_trade(ctx, p, c))]
        #                                                                     ("Sri Lankan" tagged a name)
        owners = [m for c in noun.children if c.dep_ == "poss" and (m := ctx.entity_at(p, c, "Market"))]
        if noun.dep_ == "appos":          # "Kaleidra, the streaming giant from the United States"
            owners += [m for c in noun.children if c.dep_ == "prep" and c.lower_ == "from" for o in c.children
                       if o.dep_ == "pobj" and (m := ctx.entity_at(p, o, "Market"))]
        if not adjectives and not owners:
            continue                      # ... nor "Borussia Dortmund, Germany's only listed football club"
        companies = [ctx.entity_at(p, noun, "Company")]                     # "the Chinese maker" (anaphor)
        companies += [ctx.entity_at(p, c, "Company") for c in noun.children if c.dep_ in ("appos", "compound")]
        if noun.dep_ in ("appos", "compound", "attr") or noun.i + 1 < len(noun.doc):
            companies.append(ctx.entity_at(p, named, "Company"))
            if noun.i + 1 < len(noun.doc):
                companies.append(ctx.entity_at(p, noun.doc[noun.i + 1], "Company"))
        if described is not None and described != noun.head:
            companies.append(ctx.entity_at(p, described, "Company"))
        if noun.dep_ == "attr":
            subject = subject_of(noun.head)
            companies.append(ctx.entity_at(p, subject, "Company") if subject is not None else None)
        after = noun.doc[noun.i + 2] if noun.i + 2 < len(noun.doc) and noun.doc[noun.i + 1].text == "," else None
        if after is not None and noun.dep_ == "nsubj" and after.dep_ == "nsubj" and after.head.i == noun.head.i:
            companies.append(ctx.entity_at(p, after, "Company"))    # "Ruritania's budget airline, Foo fell 2%":
            #                                                         two subjects, an apposition the parse missed
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and (noun.head.head.lower_ == "one"
                                                                 or noun.head.head.tag_ == "JJS"):
            one = noun.head.head                  # "Foo, one of Europe's biggest publishers" / "Foo is one of ...",
            #                                       "Foo, the largest of Ireland's lenders"
            if one.dep_ == "appos":
                companies.append(ctx.entity_at(p, one.head, "Company"))
            elif one.dep_ == "attr" and (subject := subject_of(one.head)) is not None:
                companies.append(ctx.entity_at(p, subject, "Company"))
        if noun.dep_ == "appos" and noun.left_edge.i >= 2 and noun.doc[noun.left_edge.i - 1].text == ",":
            before = ctx.entity_at(p, noun.doc[noun.left_edge.i - 2], "Company")     # "Foo, Germany's ..."
            if before and any(c.dep_ == "conj" for c in noun.head.children):
                companies.insert(0, before)       # "Vodafone and O2, Britain's other operator": the last one
            else:
                companies.append(before)
        if noun.lemma_.lower() in SUBSIDIARY_NOUNS - {"brand"}:    # "Arcton's US unit": Arcton is there too
            companies += [ctx.entity_at(p, c, "Company") for c in noun.children if c.dep_ == "poss"]
        members = _named_members(ctx, p, noun)            # "European firms such as X", "X and other US firms"
        company = next((c for c in companies if c), None)
        relation = "absentFrom" if closed_down(noun) else "operatesIn"    # ("shut its Danish business": gone)
        for company in [company] if company else members:
            for market in owners:
                yield Fact(company, relation, market, evidence)
            for adjective in adjectives:
                written = adjective.doc[adjective.left_edge.i:adjective.i + 1].text if "-" in [
                    t.text for t in adjective.lefts] else adjective.text
                start = adjective.i                   # "Sri Lankan", "South Korean", "New Zealand": one name
                while start > 0 and adjective.doc[start - 1].text[:1].isupper() and adjective.doc[start - 1].is_alpha \
                        and adjective.i - start < 2 and not resolve_market(f"{adjective.doc[start - 1].text} market"):
                    start -= 1
                joined = adjective.doc[start:adjective.i + 1].text
                if start < adjective.i and (resolve_market(f"{joined} market") or resolve_place(joined) is not None):
                    written = joined                  # ("its New Jersey subsidiary": a state, not Jersey)
                for part in written.split("-"):           # "German-US carmaker", "US-German carmaker": both
                    market = resolve_market(f"{part} market") or (
                        resolve_market(part) if adjective.ent_type_ == "GPE" or part.isupper() else None)
                    if market is not None:
                        yield Fact(company, relation, market.name, evidence)
                    elif (adjective.ent_type_ == "GPE" or _city_before_its_trade(ctx, p, adjective)) and "-" not in written \
                            and (place := place_at(adjective)) is not None \
                            and (named := _named_market(ctx, place.country)):
                        yield Fact(company, relation, named, evidence)   # "the Minnesota maker": in the United
                        #                                                  States, when the text names that country
    for based in sentence:                                # "Ireland-based Elan", "a US-registered firm"
        if seat_word(based):                                             # "U.S.-based": one token
            market = ref.name if (ref := resolve_market(based.text.rpartition("-")[0])) is not None else None
        elif based.lower_ not in SEAT_WORDS or based.i < 2 or based.doc[based.i - 1].text != "-":
            continue
        else:
            market = ctx.entity_at(p, based.doc[based.i - 2], "Market")
        company = ctx.entity_at(p, based.head, "Company") if based.dep_ in ("amod", "acl", "compound") else None
        company = company or next((n for c in based.head.children if c.dep_ in ("appos", "compound") and c.i > based.i
                                   and (n := ctx.entity_at(p, c, "Company"))), None)
        if market and company:
            yield Fact(company, "operatesIn", market, evidence)
    for title in sentence:                                # "UK managing director of Foo", "European director
        if title.lemma_.lower() not in EXECUTIVE_TITLES or title.pos_ != "NOUN":   # for public policy at Foo": a
            continue                      # post in a country is the firm's presence (a "US economist" covers it)
        places = [c for c in title.children if c.dep_ in ("amod", "compound", "nmod") and c.i < title.i
                  and c.text[:1].isupper()]
        markets = [m for c in places if (m := ctx.entity_at(p, c, "Market") or (
            ref.name if (ref := resolve_market(f"{c.text} market")) is not None else None))]
        company = _company_for_title(ctx, p, title) if markets else None
        for market in markets if company else []:
            yield Fact(company, "operatesIn", market, evidence)
    for token in sentence:                                # "Brazil's Petrobras", "Argentina's Enarsa"
        company = ctx.entity_at(p, token, "Company")
        if company is None:
            continue
        owners = [c for c in token.children if c.dep_ == "poss"]
        if token.i >= sentence.start + 2 and token.doc[token.i - 1].tag_ == "POS":
            owners.append(token.doc[token.i - 2])       # the parse may attach the possessive elsewhere
        for market in dict.fromkeys(ctx.entity_at(p, owner, "Market") for owner in owners):
            if market:
                yield Fact(company, "operatesIn", market, evidence)


_STYLE_WORDS = frozenset({"style", "inspired", "themed", "type"})


def _apposition_parse_missed(noun: Token) -> Token | None:
    """The name a noun phrase set off by commas right after it describes when the parser did not attach it to that
    name: "on Bazaarkul, the Indian shopping site, and at 320 stores" (read as an adverb of the verb, or an apposition
    to "14 November" before it)."""
    doc, start = noun.doc, noun.left_edge.i
    if noun.dep_ in ("conj", "compound") or doc[start].lower_ not in ("the", "a", "an") or start < 2 \
            or doc[start - 1].text != "," or noun.right_edge.i != noun.i \
            or noun.i + 1 < len(doc) and doc[noun.i + 1].text not in (",", ".", ";"):
        return None
    before = doc[start - 2]
    return before if before.pos_ == "PROPN" else None


def presence_described(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """A company described as having sites in a market: "Forno Vivo, the pizza chain with 230 restaurants in
    Spain and Portugal", "a carrier with hubs in Doha" (and "a bank with no branches in Spain": absent)."""
    evidence = ctx.evidence(p, sentence)
    for token, market in _named_markets(ctx, p, sentence):
        anchor = _market_anchor(token)
        if anchor.dep_ != "pobj" or anchor.head.lower_ not in ("in", "across", "throughout"):
            continue
        sites = anchor.head.head
        if sites.dep_ != "pobj" or sites.head.lower_ != "with" \
                or sites.lemma_.lower() not in PRESENCE_NOUNS | STORE_NOUNS:
            continue
        holder = sites.head.head
        company = ctx.entity_at(p, holder, "Company") or (
            ctx.entity_at(p, holder.head, "Company") if holder.dep_ == "appos" else None)
        if company:
            yield Fact(company, "absentFrom" if _denied(sites) else "operatesIn", market, evidence)


def market_by_copula(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """"Kelvaro's biggest market is Indonesia", "Indonesia is Kelvaro's second-largest market", "China,
    its largest market": a company's market named as such is a market it sells in."""
    evidence = ctx.evidence(p, sentence)
    for noun in sentence:
        if noun.lemma_.lower() not in ("market", "region") or noun.pos_ != "NOUN":
            continue
        owner = _possessing_company(ctx, p, noun)
        if owner is None:
            continue
        named: list[Token] = []
        if noun.dep_ in ("nsubj", "attr") and noun.head.lemma_ == "be":
            named += [c for c in noun.head.children if c.dep_ in ("nsubj", "attr") and c is not noun]
        if noun.dep_ == "appos":
            named.append(noun.head)
        for token in named:
            for market in dict.fromkeys(m for t in conjuncts(token) if (m := ctx.entity_at(p, t, "Market"))):
                yield Fact(owner, "operatesIn", market, evidence)


# Nouns of a product's trade in a market: "demand for the Aster 6 in Vietnam", "sales of Zorvia in Japan".
_TRADE_NOUNS = frozenset({"demand", "sale", "sales", "order", "orders", "shipment", "shipments", "delivery",
                          "deliveries", "launch", "release", "rollout", "availability", "uptake"})
# What a product has in a market: "KinaruPlay has 2.3 million subscribers across Kenya and Uganda".
_FOLLOWING_NOUNS = frozenset({"subscriber", "user", "customer", "listener", "viewer", "member", "download"})


_WITHHOLDING_VERBS = frozenset({"halt", "stop", "suspend", "postpone", "delay", "block", "ban", "bar", "seek",
                                "cancel", "scrap", "end", "review", "freeze", "pause", "prevent", "refuse"})


def _verb_above(token: Token, steps: int, kinds: tuple[str, ...]) -> Token:
    """The token itself or the nearest of `kinds` at most `steps` heads above it, else the last head reached."""
    for _ in range(steps):
        if token.pos_ in kinds or token.head == token:
            break
        token = token.head
    return token


def _trade_withheld(noun: Token) -> bool:
    """The trade is stopped, put off, sought or denied: "halted sales of the Aster 6 in Vietnam", "the launch ...
    has been postponed", "has no plans for a launch of"."""
    verb = _verb_above(noun, 4, ("VERB", "AUX"))
    words = {t.lemma_.lower() for t in (verb, *verb.children)} | {t.lower_ for t in noun.children}
    return negated([verb]) or bool(words & (_WITHHOLDING_VERBS | {"no", "plan", "approval"})) \
        or _planned({verb.lemma_}, [verb])


def product_trade_markets(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """A product traded or followed in a market: "demand for the Aster 6 in Vietnam", "sales of Zorvia in Japan",
    "KinaruPlay now has 2.3 million subscribers across Kenya, Uganda and Rwanda"."""
    evidence = ctx.evidence(p, sentence)
    for token in sentence:
        market = ctx.entity_at(p, token, "Market")
        anchor = _market_anchor(token)
        if market is None or anchor.dep_ != "pobj" or anchor.head.lower_ not in ("in", "across", "throughout"):
            continue
        holder = anchor.head.head
        product = _named_goods(ctx, p, holder)                 # "demand for the Aster 6 in Vietnam"
        trade = holder.head.head if holder.dep_ == "pobj" and holder.head.lower_ in ("for", "of") else holder
        if product is not None and trade.lemma_.lower() not in _TRADE_NOUNS:
            product = None
        if product is None and holder.lemma_.lower() in _TRADE_NOUNS:    # "sales of Zorvia in Japan"
            product = next((n for c in holder.children if c.dep_ in ("prep", "poss") for o in (c, *c.children)
                            if (n := _named_goods(ctx, p, o))), None)
        if product is None and holder.lemma_.lower() in _FOLLOWING_NOUNS and holder.dep_ == "dobj":
            verb = holder.head               # "KinaruPlay ... has 2.3 million paying subscribers across ...": the
            for _ in range(3):               # parse may hang the noun on "paying", itself on "million"
                if verb.dep_ not in ("acl", "dobj") or verb.head == verb:
                    break
                verb = verb.head
            subject = subject_of(verb) if not negated([verb]) else None
            if subject is None and verb.dep_ in ("dep", "conj") and not negated([verb]):
                subject = subject_of(verb.head)  # "KinaruPlay, the service Ann Lee launched ..., now has": the parse
                #                                  hangs "has" on "launched", whose subject is the product
            product = ctx.entity_at(p, subject, "Product") if subject is not None else None
        if product is None and holder.dep_ == "attr" and holder.head.lemma_ == "be" \
                and holder.lemma_.lower() in PRODUCT_ONLY_NOUNS and not negated([holder.head]) \
                and (subject := subject_of(holder.head)) is not None:
            product = ctx.entity_at(p, subject, "Product")      # "Ludavio Gammon is the most-played backgammon app
            #                                                      in Turkey"
        priced = product is None and (product := _priced_product(ctx, p, holder)) is not None
        #                                                 "The Zorba X5 costs $399 in the US and €429 in Europe"
        if product is not None and not (_priced_withheld(holder) if priced else _trade_withheld(holder)):
            yield Fact(product, "availableIn", market, evidence)


def _named_goods(ctx: DocContext, p: int, token: Token) -> str | None:
    """The product a word names: its own name, or the name before a kind of goods ("its Zorva sneakers")."""
    product = ctx.entity_at(p, token, "Product")
    if product is None and token.lemma_.lower() in PRODUCT_ONLY_NOUNS:
        product = next((n for c in token.children if c.dep_ in ("compound", "nmod") and c.i < token.i
                        and (n := ctx.entity_at(p, c, "Product"))), None)
    return product


def _priced_withheld(holder: Token) -> bool:
    """A price given for a market that is denied or put off; a price to come ("will cost £12.99 a month in Britain
    from September") still sells the product there."""
    verb = _verb_above(holder, 4, ("VERB", "AUX"))
    return negated([verb]) or bool({t.lemma_.lower() for t in (verb, *verb.children)} & _WITHHOLDING_VERBS) \
        or any(c.dep_ == "aux" and c.lower_ in ("could", "would", "might", "may", "should") for c in verb.children) \
        or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for a in (verb, *verb.ancestors)
               for c in a.children)        # (not "could cost as much as $399 in Germany", "if approved, would cost")


_PRICE_VERBS = frozenset({"cost", "price", "retail", "start", "sell"})
_RISING_OR_FALLING = frozenset({"rise", "climb", "go", "fall", "jump", "increase", "drop"})
_PRICE_NOUNS = frozenset({"price", "cost", "fee", "tag"})


def repriced_product(ctx: DocContext, p: int, verb: Token) -> str | None:
    """The product a verb gives a new price "to" an amount: "cut Orvendi Unlimited to €7.99", "raised the price of
    the Zorba to $499", "the Zorba Family climbs to £19.99"."""
    lemma = verb.lemma_.lower()
    holders = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] if lemma in REPRICING_VERBS else \
        [c for c in verb.children if c.dep_ == "nsubj"] if lemma in _RISING_OR_FALLING else []
    if not holders or negated([verb]) or not any(
            c.dep_ == "prep" and c.lower_ == "to" and mentions_money(verb.doc[c.i:c.right_edge.i + 1].text)
            for c in verb.children):
        return None
    return next((n for h in holders for t in (h, *(o for x in h.children if x.dep_ == "prep" and x.lower_ == "of"
                                                   and h.lemma_.lower() in _PRICE_NOUNS for o in x.children))
                 if (n := ctx.entity_at(p, t, "Product"))), None)     # (not "its order of the Aster 7 to $3bn")


def _priced_product(ctx: DocContext, p: int, holder: Token) -> str | None:
    """The product whose price is given in a market: the subject of "cost"/"be priced"/"retail"/"start" above the
    amount the market hangs on, or the product repriced to an amount ("cut Orvendi Unlimited to €7.99 in Spain")."""
    verb = _verb_above(holder, 3, ("VERB",))
    if (repriced := repriced_product(ctx, p, verb)) is not None:
        return repriced
    if verb.lemma_.lower() not in _PRICE_VERBS or negated([verb]) \
            or not any(t.ent_type_ == "MONEY" or t.tag_ == "$" for t in verb.subtree) \
            and not mentions_money(verb.doc[verb.i:verb.right_edge.i + 1].text):     # ("costs 149 pesos a month")
        return None
    subjects = [c if c.lower_ not in ("which", "that") else subject_of(verb) for c in verb.children
                if c.dep_ in ("nsubj", "nsubjpass")]          # ("Orsella Plus, which costs 149 pesos a month in")
    return next((n for s in subjects if s is not None and (n := ctx.entity_at(p, s, "Product") or next(
        (g for c in s.children if c.dep_ == "appos" and (g := _named_goods(ctx, p, c))), None))), None)
    #                               ("Its best-known machine, the Garoa sprayer, costs 1.9 million reais in Brazil")


def company_locations(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """A company placed in a country is present there ("analysts at Acme in Germany"); one placed in a
    city or US state is present in that country, when the article names the country (a city is no
    market, and a country the text never names is not the reader's):
    "an analyst at Acme Securities in Dublin", "Liffe in London", "a Frankfurt-based bank",
    "the London Stock Exchange", "WGBH-Boston"."""
    evidence = ctx.evidence(p, sentence)
    for token in sentence:
        holders: list[Token] = []
        if token.dep_ == "pobj" and token.head.lower_ in ("in", "at") and token.head.dep_ == "prep":
            holder = token.head.head                                          # "Liffe in London"
            nearest = token.doc[token.head.i - 1] if token.head.i > 0 else None
            if nearest is not None and nearest.pos_ == "PROPN" and ctx.mention_at(p, nearest) is None \
                    and nearest.i > holder.i:
                continue                  # "Orendia in Spain and Telcastra in Italy": Italy is Telcastra's (the
                #                           parser hung it on Orendia)
            if holder.dep_ == "pobj" and holder.pos_ == "PROPN" and holder.head.lower_ == "in" \
                    and holder.head.head.lower_ in SEAT_WORDS and ctx.entity_at(p, holder, "Company") is None:
                holder = holder.head.head                                     # "based in Derby in the UK"
            if holder.lower_ in SEAT_WORDS and holder.dep_ in ("acl", "amod") and holder.head.pos_ == "NOUN":
                holder = holder.head                                          # "Ostraval, an engine maker based in
                if holder.dep_ == "appos":                                    # the United Kingdom"
                    holder = holder.head
            via = ("at", "from", "of") if holder.lemma_.lower() in TITLES else ("at", "from")   # "director of Foo in
            holders = [holder] + [t for c in holder.children if c.dep_ == "prep" and c.lower_ in via   # the UK"
                                  and c.i < token.i for t in c.children if t.dep_ == "pobj"]
            if holder.lemma_.lower() in PRESENCE_NOUNS | STORE_NOUNS | {"station", "centre", "center"} \
                    and not any(c.lower_ in ("first", "new", "future", "planned", "proposed") for c in holder.children):
                holders += [c for c in holder.children if c.dep_ in ("poss", "compound")]   # "Acme's stations in the
                #                                                          US", "one Acme distribution centre in the UK"
                holders += [g for c in holder.children if c.dep_ == "compound" for g in c.children
                            if g.dep_ in ("poss", "compound")]
        elif token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "PROPN" \
                and ctx.mention_at(p, token.head.head) is not ctx.mention_at(p, token) \
                and (ctx.entity_at(p, token, "Market") or ctx.mention_at(p, token) is None and (
                    place := place_at(token)) is not None and place.kind == "city"):
            holders = [token.head.head]                                       # "EVA of Taiwan", "Foo of Eindhoven"
        elif token.i + 2 < len(token.doc) and token.doc[token.i + 1].text == "-" \
                and token.doc[token.i + 2].lower_ in SEAT_WORDS and token.doc[token.i + 2].dep_ in ("amod", "acl"):
            holder = token.doc[token.i + 2].head                              # "the Frankfurt-based lender Acme"
            holders = [holder] + [c for c in holder.children if c.dep_ in ("appos", "compound")] \
                + ([holder.head] if holder.dep_ == "appos" and not (                # "Acme, a Milan-based distributor"
                    holder.i + 1 < len(token.doc) and token.doc[holder.i + 1].pos_ in ("VERB", "AUX")) else [])
        first = next((t for t in holders if ctx.entity_at(p, t, "Company")), None)
        if first is None:
            continue
        listed = conjuncts(first) if token.head.lower_ in ("in", "at") else [first]     # (not "Foo and EVA of Taiwan")
        companies = list(dict.fromkeys(name for t in listed if (name := ctx.entity_at(p, t, "Company"))))
        #                                     (each of a list: "at Torgvall, Billigbo and Preiswald in Sweden")
        market = ctx.entity_at(p, token, "Market") if token.head.lower_ in ("in", "of") else None   # "Acme in Germany"
        if market is None and not ctx.entity_at(p, token, "Company", "Product", "Market", "Person", "Executive"):
            place = place_at(token)
            market = _named_market(ctx, place.country) if place is not None else None
        for company in companies if market else []:
            yield Fact(company, "operatesIn", market, evidence)
    for token in sentence:
        company = ctx.entity_at(p, token, "Company")
        mention = ctx.mention_at(p, token)
        if company is None or mention.anaphor or token.i != mention.start:
            continue
        for code in markets_in_name(company):       # "Bank of Ireland", "UK Coal", "London Stock Exchange"
            market = _named_market(ctx, code)
            if market:
                yield Fact(company, "operatesIn", market, evidence)


def sites_listed(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """A firm's sites listed after a colon, each with its place: "Calderant runs three mines: Lomas Pardas in northern
    Chile, Cerro Pallqa in southern Peru and Nkhwazi in Zambia's Copperbelt" (present in each country)."""
    evidence = ctx.evidence(p, sentence)
    for colon in sentence:
        if colon.text != ":" or colon.i == sentence.start:
            continue
        sites = colon.doc[colon.i - 1]
        if not sites_before_colon(sites):
            continue
        owner = _possessing_company(ctx, p, sites)
        if owner is None and (subject := subject_of(sites.head)) is not None:
            owner = ctx.entity_at(p, subject, "Company")
        markets = [m for t in sentence if t.i > colon.i and t.dep_ in ("pobj", "poss")
                   and (m := ctx.entity_at(p, t, "Market"))]
        for market in dict.fromkeys(markets) if owner else []:
            yield Fact(owner, "operatesIn", market, evidence)


def _sites_changing_hands(sites: Token) -> bool:
    """Sites opened, closed, planned or reached: "will open 30 Kelvo stores", "plans for 30 Kelvo stores", "to grow to
    300 Kelvo stores" (not "will launch the range in 300 Corrimore supermarkets": there already)."""
    if any(c.dep_ in ("relcl", "acl") and c.lemma_.lower() in OPENING_VERBS | _CLOSING_VERBS | _STOP_VERBS | PLAN_CUES
           for c in sites.children):
        return True                                 # "the 40 Kelvo stores in Spain that closed last year"
    governor = sites.head
    if sites.dep_ == "pobj" and sites.head.lower_ == "of":
        governor = sites.head.head                  # "the opening of 30 Kelvo stores", "the closure of 12"
    elif sites.dep_ == "pobj":                      # where something happens: "in 300 Corrimore supermarkets";
        return sites.head.lower_ not in ("in", "at", "through", "across", "from", "via")    # "to 300": a goal
    elif sites.dep_ not in ("dobj", "nsubj", "nsubjpass", "conj", "appos"):
        return False
    if sites.dep_ == "nsubj" and governor.lemma_ == "sell":
        return False                                # "the 40 Ostrel pharmacies in Italy sell it"
    return governor.lemma_.lower() in OPENING_VERBS | _CLOSING_VERBS | _STOP_VERBS | PLAN_CUES \
        or governor.lower_ in ("opening", "openings", "closure", "closures", "closing", "sale", "rollout")


def stores_counted_there(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """A chain whose stores are counted in a market is there, whatever the sentence goes on to say of them: "will
    launch the range in 300 Corrimore supermarkets across the United Kingdom", "the 40 Kelvo stores in Spain" (not "will
    open 30 Kelvo stores in Spain", "the 12 new Kelvo stores in Spain", "closed its 40 Kelvo stores in Spain")."""
    evidence = ctx.evidence(p, sentence)
    for stores in sentence:
        if stores.lower_ not in CHAIN_SITE_NOUNS or stores.tag_ != "NNS" \
                or not any(c.dep_ == "nummod" and c.like_num for x in stores.children for c in (x, *x.children)) \
                or any(c.lower_ in ("new", "planned", "proposed", "future", "more", "additional", "former")
                       for c in stores.children) \
                or _sites_changing_hands(stores):
            continue
        owners = [n for c in stores.children if c.dep_ in ("compound", "poss") and c.i < stores.i
                  and (n := ctx.entity_at(p, c, "Company"))]
        preps = [c for c in stores.children if c.dep_ == "prep"]
        if stores.dep_ == "pobj" and stores.head.head.pos_ == "VERB":      # "will stock it in 300 Kelvo supermarkets
            preps += [c for c in stores.head.head.children if c.dep_ == "prep" and c.i > stores.i]   # across Spain",
        places = [pobj for prep in preps if prep.lower_ in ("in", "across", "throughout")    # "across" on the verb
                  for pobj in prep.children if pobj.dep_ == "pobj"]
        markets = [m for t in places for x in conjuncts(t) if (m := ctx.entity_at(p, x, "Market"))]
        runner = subject_of(stores.head) if stores.dep_ == "dobj" else None
        if runner is not None and ctx.entity_at(p, runner, "Company") not in (None, *owners):
            continue                      # "Qasryn, which ran 11 Drevanne stores in Saudi Arabia": a franchisee's
        for owner in owners[:1]:
            for market in dict.fromkeys(markets):
                yield Fact(owner, "operatesIn", market, evidence)


_FOOTHOLD_NOUNS = frozenset({"foothold", "toehold", "beachhead", "presence"})     # a place held there
_WAY_IN_NOUNS = frozenset({"route", "gateway", "springboard", "access", "entry", "door", "way"})   # a way still to go


def customers_counted_there(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """A firm's customers of a nationality, counted: "Skelldan has around 900,000 Irish users", "serves 2 million
    Kenyan subscribers" (present there; not "aims to have 1 million Irish users", "had 900,000 Irish users")."""
    evidence = ctx.evidence(p, sentence)
    for token, market in _named_markets(ctx, p, sentence):
        customers = token.head
        if token.dep_ != "amod" or customers.lemma_.lower() not in _CUSTOMER_NOUNS or customers.dep_ != "dobj" \
                or customers.head.lemma_ not in COUNTED_CUSTOMERS_VERBS \
                or not any(c.dep_ == "nummod" for c in customers.children):
            continue
        chain = verb_chain(customers.head)
        if negated(chain) or _past(chain) or _planned(_signals(chain, [token, customers]), chain):
            continue
        subject = subject_of(customers.head)
        company = ctx.entity_at(p, subject, "Company") if subject is not None else None
        if company:
            yield Fact(company, "operatesIn", market, evidence)


def footholds_given(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """What a deal gives a firm in a market: "bought Zaplata, giving it a foothold in Poland" (there now), "agreed to
    buy Zaplata, giving it a foothold in Poland and a route into Germany", "the deal would give Kelvo a foothold in
    Poland" (targets: the deal is not done, or the way in is still to take)."""
    evidence = ctx.evidence(p, sentence)
    for verb in sentence:
        if verb.lemma_ != "give" or verb.pos_ != "VERB" or negated([verb]):
            continue
        receivers = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "PRON"]
        firm = next((n for c in receivers if (n := ctx.entity_at(p, c, "Company"))), None)
        deal = verb.head if verb.dep_ in ("advcl", "conj", "xcomp") else verb
        if verb.dep_ == "relcl":          # "Kelvo plans to buy Zaplata, which would give it a foothold": the buyer
            deal = verb.head.head if verb.head.dep_ in ("dobj", "pobj") else verb.head
            while deal.pos_ not in ("VERB", "AUX") and deal.head != deal:
                deal = deal.head
        if firm is None and deal is not verb and (subject := subject_of(deal)) is not None:
            firm = ctx.entity_at(p, subject, "Company")     # "Kelvo agreed to buy Zaplata, giving it a foothold": "it"
            #                                                 is the buyer, not the firm named last
        if firm is None:
            continue
        planned = any(c.dep_ == "aux" and c.tag_ == "MD" for v in (verb, deal) for c in v.children) \
            or any(v.lemma_ in ("agree", "plan", "offer", "propose", "bid", "seek", "want") for v in verb_chain(deal))
        for thing in (x for c in verb.children if c.dep_ == "dobj" for x in conjuncts(c)):
            lemma = thing.lemma_.lower()
            if lemma not in _FOOTHOLD_NOUNS | _WAY_IN_NOUNS:
                continue
            relation = "targetsMarket" if planned or lemma in _WAY_IN_NOUNS else "operatesIn"
            for market in (m for prep in thing.children if prep.dep_ == "prep" and prep.lower_ in ("in", "into", "to")
                           for o in prep.children if o.dep_ == "pobj" for x in conjuncts(o)
                           if (m := ctx.entity_at(p, x, "Market"))):
                yield Fact(firm, relation, market, evidence)


def markets_next(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """A market said to come next in a firm's expansion, the firm and the expansion left to the sentence before:
    "Vecindra will enter Colombia. Chile is planned for 2031", "... Germany is next", "Poland will follow next year".
    Not a country acting ("Japan will follow the US in raising rates", "Germany is next to vote"), the past ("Germany
    was next"), a plan dropped, nor what comes after an exit ("will exit Russia. Ukraine is next")."""
    evidence = ctx.evidence(p, sentence)
    for token in sentence:
        market = ctx.entity_at(p, token, "Market")
        verb = token.head
        if market is None or not _said_to_come_next(token) or negated([verb]) or dropped_later(verb):
            continue
        teller = _firm_telling(ctx, p, verb)          # "Heliqara said Malaysia would follow in 2034": its own plan
        if teller is None and (ctx.entities_in(p, sentence, "Company") or sentence.start == 0 and p == 0):
            continue
        before = token.doc[sentence.start - 1].sent if sentence.start > 0 \
            else list(ctx.paragraphs[p - 1].doc.sents)[-1]              # (a paragraph opening on it: the one before)
        words = {t.lemma_.lower() for t in [*before, *sentence]}     # ("... is next, with a launch planned for 2028")
        exits = {t.lemma_.lower() for t in [*before, *sentence] if t.pos_ == "VERB"} & (
            _CLOSING_VERBS | _STOP_VERBS | CANCEL_VERBS | {"leave", "withdraw", "exit"})   # (an "earnings call" is none)
        if teller is not None:           # (a firm telling what follows: its expansion told anywhere before)
            words |= {t.lemma_.lower() for q in range(p) for t in ctx.paragraphs[q].doc}
        if exits or not words & (ENTRY_VERBS | ENTRY_NOUNS | OPENING_VERBS | LAUNCH_VERBS | {"expand", "expansion"}):
            continue
        company = teller or sentence.start > 0 and ctx.previous_subject_company(p, sentence) \
            or ctx.salient_company(p, token.i)
        if company is not None:
            yield Fact(company, "targetsMarket", market, evidence)


def _firm_telling(ctx: DocContext, p: int, verb: Token) -> str | None:
    """The company whose saying a clause is, when it is the sentence's only one: "Heliqara said [Malaysia would
    follow]"."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_VERBS:
        return None
    subject = subject_of(verb.head)
    firm = ctx.entity_at(p, subject, "Company") if subject is not None else None
    return firm if firm is not None and set(ctx.entities_in(p, verb.sent, "Company")) == {firm} else None


def _reported(verb: Token) -> bool:
    """A verb in reported speech, its tense the reporter's: "Odhiambo said KiPay would ... and that Rwanda was"."""
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb.dep_ == "ccomp" and verb.head.lemma_ in SPEECH_VERBS


def _said_to_come_next(subject: Token) -> bool:
    """'Chile is planned for 2031', 'Germany is next', 'Poland will follow', 'The Netherlands and Belgium come next
    year' (present or future; "next" alone or a time, "follow" with no object)."""
    while subject.dep_ == "conj" and subject.head != subject:
        subject = subject.head            # ("Belgium" of "The Netherlands and Belgium come next year")
    verb = subject.head
    now = verb.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP", "MD")
                                             for c in verb.children) \
        or _reported(verb)                                      # "said ... that Rwanda was the next step"
    if not now or subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if verb.lemma_ == "plan":
        return subject.dep_ == "nsubjpass" and not any(c.dep_ == "xcomp" for c in verb.children)
    if verb.lemma_ == "be" and any(c.dep_ == "attr" and c.lemma_.lower() in ("step", "market", "target", "destination")
                                   and any(a.lower_ == "next" for a in c.children) for c in verb.children):
        return True                     # "Rwanda was the obvious next step", "Chile is its next market"
    if verb.lemma_ == "come" and any(c.dep_ in ("npadvmod", "prep") and any(t.ent_type_ == "DATE" for t in c.subtree)
                                     for c in verb.children) and not any(c.dep_ == "prep" and c.lower_ in (
                                         "from", "to", "into", "out") for c in verb.children):
        return True                     # "The Netherlands and Belgium come next year" (not "comes from Brazil")
    if verb.lemma_ in ("be", "come"):
        return any(c.lower_ == "next" and not list(c.children) for c in verb.children) \
            and not any(c.dep_ in ("xcomp", "ccomp") or c.dep_ == "prep" and any(o.lower_ == "line" for o in c.children)
                        for c in verb.children)   # (not "next to vote", "next in line for a rate cut")
    return verb.lemma_ == "follow" and not any(c.dep_ in ("dobj", "prep") and c.lower_ != "in" for c in verb.children)


_SHARE_VERBS = frozenset({"account", "make", "represent", "contribute", "generate", "bring", "take", "provide",
                          "deliver", "supply", "yield"})
_SHARE_NOUNS = frozenset({"share", "third", "quarter", "half", "fifth", "tenth", "bulk", "most", "majority", "part",
                          "portion", "fraction", "percent", "%"})
_TAKINGS_NOUNS = frozenset({"sales", "sale", "revenue", "revenues", "turnover", "income", "profit", "profits",
                            "earnings", "business"})


def markets_in_takings(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """A market that makes up part of a company's sales is one it sells in: "Europe accounted for 11 per cent of
    Yunhsia's sales", "China makes up a third of Kelvo's revenue"."""
    evidence = ctx.evidence(p, sentence)
    for verb in sentence:
        if verb.lemma_ not in _SHARE_VERBS or verb.pos_ != "VERB" or negated([verb]) \
                or verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children):
            continue                      # (not "expects India to account for 10%", "wants it to make up a fifth")
        if verb.lemma_ in ("take", "make", "provide", "deliver", "supply", "yield") and not any(   # "China took 41%
            #                                                  of its sales" (not "took steps to block its sales")
                c.dep_ == "dobj" and (c.ent_type_ in ("PERCENT", "CARDINAL") or c.lemma_.lower() in _SHARE_NOUNS
                                      or any(t.like_num for t in c.subtree)) for c in verb.children):
            continue
        subject = subject_of(verb)
        markets = [m for s in conjuncts(subject) if (m := ctx.entity_at(p, s, "Market"))] if subject is not None else []
        inner = {t.i for c in verb.children if c.dep_ in ("conj", "ccomp", "advcl", "relcl") for t in c.subtree}
        owners = [n for t in verb.subtree if t.i not in inner and t.lemma_.lower() in _TAKINGS_NOUNS
                  and t.pos_ == "NOUN"           # (not "..., and Kelvo said its profits would rise")
                  for c in t.children if c.dep_ == "poss" and (n := ctx.entity_at(p, c, "Company"))]
        for company in dict.fromkeys(owners) if markets else []:
            for market in markets:
                yield Fact(company, "operatesIn", market, evidence)
    for takings in sentence:              # "Kelvo said sales in China rose 5%": the reporting firm's own sales
        if takings.lemma_.lower() not in _TAKINGS_NOUNS or takings.pos_ != "NOUN" or takings.dep_ != "nsubj" \
                or any(c.dep_ in ("poss", "compound", "amod", "nmod") for c in takings.children):
            continue                      # (not "smartphone sales in India rose, Kelvo said": the whole market's)
        company = _whose_takings(ctx, p, takings)
        places = [o for c in takings.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children]
        if places and takings.head.lemma_ in CHANGE_VERBS:        # "... dropped 19% and in Brazil 12%", "...
            places += [o for c in takings.head.children if c.dep_ in ("conj", "prep") and c.lower_ == "in"  # rose 14%
                       and c.i > takings.i for o in c.children]                                   # and Japan 9%"
            places += [c for c in takings.head.children if c.dep_ in ("npadvmod", "conj") and c.ent_type_ == "GPE"]
        for market in dict.fromkeys(m for o in places for x in conjuncts(o) if (m := ctx.entity_at(p, x, "Market"))) \
                if company else ():
            yield Fact(company, "operatesIn", market, evidence)


_RESULTS_WORDS = _TAKINGS_NOUNS | {"result", "results", "quarter", "earnings", "forecast", "outlook", "guidance",
                                   "margin", "margins", "dividend", "loss", "losses"}


def _whose_takings(ctx: DocContext, p: int, takings: Token) -> str | None:
    """Whose sales "sales in China" are, said with no owner: the firm that reports them ("Kelvo said sales in China
    rose 5%"), the firm whose results they explain ("Kelvo reported a fall in profit as sales in China kept
    shrinking"), or, when they open a sentence on how they moved, the firm whose results the sentence before gave
    ("Kelvo's profit fell. Sales in Japan dropped 19 per cent"). Not when the firm is said to plan or shun that market:
    "Kelvo plans to enter Germany. Sales in Germany fell 6 per cent" are the market's."""
    verb = takings.head
    if verb.dep_ == "ccomp" and verb.head.lemma_ in SPEECH_VERBS:
        reporter = subject_of(verb.head)
        return ctx.entity_at(p, reporter, "Company") if reporter is not None else None
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("as", "while", "with") for c in verb.children):
        reporter = subject_of(verb.head)
        if reporter is not None and reporter.lemma_.lower() in _TAKINGS_NOUNS and reporter != takings \
                and reporter.dep_ == "nsubj":                   # "Sales in Japan dropped 19%, while sales in the US
            return _whose_takings(ctx, p, reporter)             # rose 14%": the same firm's
        if not any(t.lemma_.lower() in _RESULTS_WORDS for t in verb.head.subtree
                   if not verb.left_edge.i <= t.i <= verb.right_edge.i):
            return None                                         # ("shelved plans to enter India as sales slowed")
        return ctx.entity_at(p, reporter, "Company") if reporter is not None else None
    if verb.dep_ == "ROOT" and verb.lemma_ in CHANGE_VERBS and takings.i == takings.sent.start:
        if takings.sent.start == 0:                  # a paragraph opening on them: the firm the text is about there
            return ctx.salient_company(p, takings.i)
        before = takings.doc[takings.sent.start - 1].sent
        if not any(t.lemma_.lower() in _RESULTS_WORDS for t in before) \
                or any(t.lemma_ in ENTRY_VERBS | _SCOUTING_VERBS or t.lemma_.lower() in PLAN_CUES | ABSENCE_WORDS
                       or t.dep_ == "neg" for t in before):
            return None                              # (the sentence before on plans or absence, not results)
        return ctx.previous_subject_company(p, takings.sent)
    return None


def regional_units(ctx: DocContext, p: int, sentence: Span) -> Iterator[Fact]:
    """A company named as another company of the text plus a market is its unit there: "Nintendo Europe",
    "Diageo North America", "Yukos USA" (not "Air China" nor "Bank of America": no company before the market);
    plus other words, its unit ("BT Wholesale" beside "BT": entity resolution kept the two apart)."""
    evidence = ctx.evidence(p, sentence)
    for token in sentence:
        mention = ctx.mention_at(p, token)
        name = ctx.entity_at(p, token, "Company")
        if name is None or mention.anaphor or token.i != mention.start:
            continue
        words = name.split()
        while len(words) > 2 and strip_legal_suffixes(" ".join(words[-2:])) == normalize(words[-2]):
            words = words[:-1]                              # "Yunhsia Memory Germany | GmbH"
        for cut in range(len(words) - 1, max(1, len(words) - 3) - 1, -1):   # "Diageo | North America"
            market = resolve_market(" ".join(words[cut:]))
            parent = ctx.company_called(words[:cut])        # by any of its names: "Brisaluz Mexico" of "Almacenes
            if parent is None or parent == name:            # Brisaluz"
                continue
            if market is not None:
                yield Fact(name, "subsidiaryOf", parent, evidence)
                yield Fact(name, "operatesIn", market.name, evidence)
            elif all(w.lower() in _UNIT_ENDINGS for w in words[cut:]) and ctx.types.get(name) == "Company" \
                    and _first_named(ctx, parent) < _first_named(ctx, name):   # "BT Wholesale" after "BT", kept
                yield Fact(name, "subsidiaryOf", parent, evidence)             # apart: the firm's unit
            break


# Words that name a firm's unit after the firm's name: "BT Wholesale", "Sony Pictures", "BBC Sport Interactive" (not
# "Google News", a product, nor "Reliance Energy", a firm of its own).
_UNIT_ENDINGS = frozenset({"wholesale", "retail", "interactive", "pictures", "studios", "music", "international",
                           "sport", "sports", "services", "service"})


def _first_named(ctx: DocContext, entity: str) -> tuple[int, int]:
    """Where the text first names an entity (not in a headline or a heading), as (paragraph, token)."""
    return min(((m.para, m.start) for m in ctx.mentions
                if m.entity == entity and not (m.anaphor or m.headline or m.title_line)),
               default=(len(ctx.paragraphs), 0))




def _named_market(ctx: DocContext, code: str) -> str | None:
    """The market the article names with this code (a country's ISO code, a region's slug), if it names it."""
    return next((name for name, kind in ctx.types.items() if kind == "Market"
                 and (ref := resolve_market(name)) is not None and ref.code == code), None)


def _named_members(ctx: DocContext, p: int, noun: Token) -> list[str]:
    """The companies a plural company noun names as its members: "firms such as X and Y", "firms like
    X", "carriers including X", "X and other airlines"."""
    members: list[Token] = []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("as", "like", "including"):
            members += [m for t in prep.children if t.dep_ in ("pobj", "pcomp") for m in conjuncts(t)]
    for member in list(members):           # "groups such as Foo and other retailers such as Bar"
        if member.pos_ == "NOUN" and member.lemma_.lower() in COMPANY_NOUNS and member is not noun:
            members += [m for prep in member.children if prep.dep_ == "prep" and prep.lower_ in ("as", "like", "including")
                        for t in prep.children if t.dep_ in ("pobj", "pcomp") for m in conjuncts(t)]
    if noun.dep_ == "conj" and any(c.lower_ == "other" for c in noun.children):
        head = noun.head
        members += [head, head.head] if head.dep_ == "appos" else [head]
    return list(dict.fromkeys(name for t in members if (name := ctx.entity_at(p, t, "Company"))))


def _dominated_market(ctx: DocContext, p: int, anchor: Token, market: str, evidence) -> Iterator[Fact]:
    """'The US smartphone market is dominated by Apple and Samsung' / 'is led by players such as ...'."""
    verb = anchor.head
    if verb.lemma_ not in ("dominate", "lead", "control", "rule") and not any(
            c.lemma_ in ("dominate", "lead", "control") for c in verb.children):
        return
    for t in verb.subtree:
        if t.i > anchor.i:
            name = ctx.entity_at(p, t, "Company")
            if name:
                yield Fact(name, "operatesIn", market, evidence)


def _past(chain: list[Token]) -> bool:
    return any(v.tag_ in ("VBD", "VBN") for v in chain[:2]) and not any(
        c.lower_ in ("will", "would", "could", "may") for v in chain[:2] for c in v.children)
