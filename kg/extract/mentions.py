"""Mentions: where entities are named, and what kind of entity each name is.

spaCy's small model is the candidate generator, not the judge: it tags many company names as
people and finds few product names. Each candidate gets votes from its context (a company noun in
apposition, a corporate suffix, a possessed product or title, a model number, a title before a
person's name) and every mention of the same name pools its votes, so one clear context types
the name everywhere in the document."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.model import TABLE_CELL_SEPARATOR
from kg.resolution import LEGAL_SUFFIXES, SPACED_LEGAL_FORMS

from .lexicon import (AFFILIATION_TITLES, BUSINESS_VERBS, CHAIN_SITE_NOUNS, COMPANY_NOUNS, COMPANY_OR_UNIT_NOUNS,
                      COUNTED_CUSTOMERS_VERBS, ENTRY_VERBS, EXECUTIVE_TITLES, FIRM_SITE_NOUNS, FINANCE_TERMS,
                      FINANCE_TERM_QUALIFIERS, HEADLINE_SLUGS, INDUSTRY_WORDS, INTERGOVERNMENTAL_BODIES,
                      MARKET_COLUMNS, TECH_TERMS, LAUNCH_VERBS, METRIC_WORDS, OPENING_VERBS, OWNED_PRODUCT_NOUNS,
                      PRODUCE_VERBS, PRODUCT_NOUNS, PRODUCT_ONLY_NOUNS, PERSON_NOUNS, PRODUCT_OR_COMPANY_NOUNS,
                      PUBLIC_BODY_WORDS, PUBLIC_OFFICES, SITE_NOUNS, SPEECH_VERBS, STORE_NOUNS, SEAT_WORDS,
                      SUBSIDIARY_NOUNS, TITLES, TITLE_FUNCTIONS, TITLE_MODIFIERS, TRADE_NAME_ENDINGS, UNIT_NAME_WORDS,
                      MODEL_CODE, trade_word)
from .markets import resolve_market
from .places import Place, country_of, place_key, resolve_place
from .nlp import Paragraph
from .normalize import cfa_amount_at, find_money, mentions_money
from .transcripts import role_parts

_LEGAL = {"inc", "corp", "corporation", "co", "ltd", "limited", "llc", "plc", "ag", "sa", "se", "nv", "asa", "oyj",
          "ab", "spa", "bv", "kgaa", "pty", "pte", "bhd", "tbk", "srl", "sarl", "pjsc",
          "gmbh", "group", "holdings", "technologies", "motors", "airlines", "airways", "bank",
          "pharmaceuticals", "semiconductor", "electronics", "systems", "labs", "industries"}
_MODEL_SUFFIXES = {"pro", "max", "plus", "ultra", "mini", "lite", "alpha", "edge", "note", "se", "xl",
                   "xs", "air", "neo", "fold", "flip", "prime", "sport", "turbo", "hybrid", "ev", "+", "s",
                   "premium", "unlimited", "basic"}    # (and a subscription's tier: "Orvo Premium")
_NAME_ENDING_MODEL_WORDS = _MODEL_SUFFIXES - INDUSTRY_WORDS      # "Power Bank Pro", not "Kelvo Motors"
_NOT_NAMES = {"i", "we", "you", "he", "she", "it", "they", "the", "a", "an", "this", "that", "none", "mr", "ms",
              "mrs", "dr", "sir", "dame", "lord", "lady", "ceo", "cfo", "cto", "coo", "photo", "source", "see", "also", "read",
              "more", "western", "eastern", "northern", "southern", "news", "new year", "christmas", "easter",
              "thanksgiving", "ramadan", "diwali", "black friday", "cyber monday", "lunar new year",
              "chinese new year", "kingdom", "republic", "emirate", "emirates", "federation", "everything",
              "everyone", "everybody", "nothing", "nobody", "something", "someone", "anything", "anyone"}
#                       (holidays; "its top Western executive", "News of the deal came as ..."; "the Kingdom's largest
#                        companies": a country called by what it is)
_TITLE_PREFIXES = {"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "sir", "dame", "prof", "prof."}
# Nouns for a person in charge that are also said of firms ("market leader"): before a person's full name,
# a person.
_PEOPLE_NOUNS = {"leader", "official", "boss", "owner", "chief", "player", "challenger", "newcomer", "investor"}
_MISTER = {"mr", "mr.", "mrs", "mrs.", "ms", "ms."}       # (not "Dr": "Dr Reddy's" is a drugmaker)
_OPERATED_NOUNS = frozenset({"platform", "service", "system", "network"})   # a product, or the business running it
_OFFER_VERBS = LAUNCH_VERBS | {"sell", "offer", "market", "license", "licence"}
_DROP_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"}
_NOT_MODEL_LABELS = _DROP_LABELS - {"CARDINAL"}     # a designator tagged so is no model number ("2019", "$5")
_DESIGNATOR = re.compile(r"^(?:\d{1,4}[a-zA-Z]{0,3}|[A-Z]{1,2}\d{1,4}[a-zA-Z]{0,3}|[A-Z]|[IVX]{1,4})$")
_CAMEL = re.compile(r"^[a-z][A-Z][a-zA-Z]+$")
_INNER_CAPITAL = re.compile(r"^[a-z]+[A-Z][A-Za-z0-9]*$")      # "eBay", "easyJet", "iPhone"


@dataclass
class Mention:
    para: int
    start: int                       # token span in the paragraph's Doc
    end: int
    text: str
    char_start: int                  # offsets in Article.text
    char_end: int
    votes: Counter = field(default_factory=Counter)
    prior: Counter = field(default_factory=Counter)   # the part of votes that comes from the model's label
    coordinated: list[str] = field(default_factory=list)  # keys of names listed with it ("Tysabri or Avonex")
    entity: str | None = None        # the canonical name, once resolved
    type: str | None = None
    anaphor: bool = False            # "the company", "it": points at an entity named elsewhere
    headline: bool = False           # found in a title-case heading, where capitals say little
    title_line: bool = False         # found in a line without a sentence's end, a heading of any case
    ner: str = ""                    # the model's label, if the model found it

    alias_of: str | None = None      # "FDA" defined as "Food and Drug Administration (FDA)"
    maker_prefix: str | None = None  # "Airbus" in "Airbus A320", when the model tagged it an organisation
    before_kind: bool = False        # named right before the kind of product it is: "the Lumio Vesta camera"
    owner: bool = False              # a possessive of what a person may own too: "Kelvo's" company
    owned: bool = False              # after a name's possessive: "Strelan's Clarivue H2"
    after_the: bool = False          # "the Sony Walkman": a thing's name more often than a firm's
    placed: bool = False             # "in Osaka", "near Durham": where something is
    sited: bool = False              # placed, or "north of Gladstone", "its terminal at Mackay" (see _sited)

    @property
    def key(self) -> str:
        return (self.alias_of or self.text).lower()


_DASHES = ("-", "\u2013", "\u2014", "--")
# Units of measure written in capitals or after a number: "GB", "TB", "90Hz", "2.8K", "4K", "60Wh", "5G" stays a name
# only with a word of its own ("Kelvo 5G").
_MEASURE = re.compile(r"^(?:\d+(?:\.\d+)?)?(?:[KMGT]B|[KMG]?Hz|k?Wh|mAh|nm|mm|cm|kg|fps|Gbps|Mbps|MP|(?<=\d)K"
                      r"|TEUs?|FEUs?|dwt|bpd|boe|mtpa|[MG]W|(?<=\d)(?:ml|cl|l|g|oz))$")   # (and freight, oil,
#                                                                   power and pack-size units: "500ml", "250g")


def _measure(token: Token) -> bool:
    """A unit of measure, alone or glued to its number ("GB", "90Hz", and "K" of "2.8K", tokenised "2.8", "K"; "G" of
    "4G": a network's generation)."""
    return bool(_MEASURE.match(token.text)) or token.text in ("K", "G") and token.i > 0 \
        and token.doc[token.i - 1].like_num and not token.doc[token.i - 1].whitespace_    # (not "3M": a firm)


# Verbs whose passive subject is a product only: "the Zirrus chip is manufactured by ...", "Zirrus could be
# marketed as ..." (not "sold", "bought", "launched", "made a member": businesses are too).
_PRODUCT_ONLY_PASSIVES = frozenset({"manufacture", "design", "market", "produce", "offer"})

# Capitalised words of a title, written after a company's name ("Kelvo Chief Executive Officer") or alone.
_TITLE_WORDS = TITLES | TITLE_FUNCTIONS | {"chief", "vice", "senior", "deputy", "of", "and", "&"}
# What a business has and a product does not: "Vantel-Safe's security team", "Kelvo's board".
_STAFF_NOUNS = frozenset({"team", "department", "staff", "workforce", "board", "shareholders"})

# What a title-case headline announces, not a name: "... Announces Strategic Partnership with ...".
_NEWS_NOUNS = frozenset({"partnership", "agreement", "deal", "alliance", "collaboration", "acquisition", "merger",
                         "results", "earnings", "expansion", "investment", "launch", "update", "plan", "contract"})

# Title words that also begin company names: "General Motors", "Principal Financial", "Partners Group".
_TITLED_FIRM_NOUNS = TITLES & COMPANY_NOUNS       # "partner", "designer": a person at a firm, or a firm
_NAME_WORD_TITLES = {"general", "principal", "partner", "partners", "head", "executive", "managing", "chief", "research"}


def _clean_span(span: Span) -> Span | None:
    """Trim determiners, possessive endings and punctuation from a candidate span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an", "this", "that", "each", "every", "its", "their",
                                                   "our", "his", "her", "all", "both"} or doc[start].is_punct
                           or doc[start].lower_ in ("rival", "rivals") and end - start > 1 and doc[start].is_sent_start
                           and doc[end - 1].lower_ not in INDUSTRY_WORDS | _LEGAL           # "Rival Revska" at a
                           #                                                                   sentence's start
                           or doc[start].lower_ == "new" and not (start + 1 < end and doc[start + 1].pos_ == "PROPN"
                                                                  and doc[start].text == "New")):
        start += 1                      # "the new Mi 10", but "New York Stock Exchange"
    while start < end - 1 and _measure(doc[start]) and any(c.isdigit() for c in doc[start].text):
        start += 1                      # "a 500ml Bhekavu Cola": the pack's size, not the drink's name
    slug = start
    while slug < end - 2 and (doc[slug].like_num and slug > start or doc[slug].is_upper
                              and doc[slug].lower_ in HEADLINE_SLUGS):
        slug += 1
    if start == 0 and slug > start and doc[slug].text in _DASHES and not doc[slug - 1].whitespace_:
        start = slug + 1                # "EXCLUSIVE-Trevanos Shipping explores ...": a wire's label, then the name
    for i in range(start + 1, end):      # "Hindustan Aeronautics (HAL)": the name ends at the bracket, or at a
        if doc[i].text == "(" or doc[i].text == ":" and i + 1 < end and (
                any(c.isdigit() for c in doc[i + 1].text) or start == 0 and i <= 6 and doc[i].whitespace_
                and all(t.ent_type_ == "PERSON" for t in doc[start:i])):
            #                              (and a transcript's speaker label: "Ann Lee-Roe: Grovenkamp bid ...")
            #                              colon before a figure ("Umsila Cola: K24", a label and its value; but
            #                              "Ember Crown: Rebirth" is a title)
            end = i
            break
    for i in range(start + 1, end - 1):  # "Florian Hamm - Borussia Dortmund's largest investor -": two names
        if doc[i].text in _DASHES and doc[i - 1].whitespace_ and doc[i].whitespace_:
            end = i
            break
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in {"'s", "'"} or doc[end - 1].is_punct
                           or _in_slashed_legal_form(doc, end - 1)):
        end -= 1                        # (and "Halden Pharma A/S": the name is "Halden Pharma")
    while start < end and _in_slashed_legal_form(doc, start):
        start += 1
    while start < end and doc[start].lower_.replace(".", "") in TITLES \
            and end - start > 1 and (doc[start].lower_ not in _NAME_WORD_TITLES or
                                     start + 1 < end and doc[start + 1].lower_ in ("of", "at")):
        start += 1                      # "C.E.O. of Velmont" tagged as one organisation -> "Velmont",
        if start < end and doc[start].lower_ in ("of", "at"):      # but "General Motors" stays
            start += 1
    end = _before_trailing_title(doc, start, end)
    start = _after_leading_title(doc, start, end)
    for i in range(start, end - 2):     # "Finance Minister Ana Ruiz", "Foreign Secretary Jo Lee": the person
        if doc[i].lower_ in PUBLIC_OFFICES and doc[i].text[:1].isupper() \
                and all(t.text[:1].isupper() and t.is_alpha for t in doc[i + 1:end]) \
                and not any(t.ent_type_ == "ORG" for t in doc[i + 1:end]):
            start = i + 1
            break
    if end - start > 1 and doc[start].text.isupper() and doc[start].lower_ in COMPANY_NOUNS:
        start += 1                      # "ISP Freedom2surf": the kind of company, in capitals
    kind = start + 1
    while kind < end - 1 and doc[kind].is_lower and doc[kind + 1].is_lower:
        kind += 1
    if kind < end - 1 and doc[start].text[:1].isupper() and doc[start].pos_ == "ADJ" and doc[kind].is_lower \
            and doc[kind].lemma_ in COMPANY_NOUNS and doc[kind + 1].text[:1].isupper():
        start = kind + 1                # "the Dutch wholesaler Vrieshaven" tagged as one name: the name after the
        #                                 nationality and the kind of firm
    while start < end and (not _name_like(doc[start]) or end - start > 1 and seat_word(doc[start])):
        start += 1                      # "top Chinese mobile phone brands" -> "Chinese mobile phone brands";
        #                                 "U.S.-based Halbrook Therapeutics" -> "Halbrook Therapeutics"
    while end > start and not _name_like(doc[end - 1]) and doc[end - 1].lower_ not in ("series", "&") \
            and not _hyphenated_tail(doc, end - 1, start) and not _lower_case_model_word(doc, end - 1, start) \
            and not (doc[end - 1].lower_[:2] in ("d'", "d\u2019", "l'", "l\u2019")
                     and doc[end - 1].text[2:3].isupper()):
        end -= 1                        # -> "Chinese"; but "Blu-ray" keeps its tail, "Côte d'Ivoire" its particle
    for i in range(start + 1, end):     # "Tencent Named 2020": a name holds no verb
        if doc[i].tag_ in ("VBD", "VBN", "VBZ", "VBP") and not doc[i].text[:1].isdigit() \
                and not (doc[i].lower_ in _NAME_PARTICLES and i + 1 < end and doc[i + 1].text[:1].isupper()):
            end = i
            break
    if end - start == 1 and start > 0 and doc[start].lower_ in INDUSTRY_WORDS \
            and doc[start].text[:1].isupper() and doc[start - 1].ent_type_ in ("NORP", "GPE") \
            and doc[start - 1].text[:1].isupper() and doc[start - 1].head.i == start:
        start -= 1                      # "Norvik Re", "Ruritanian Air": the place is part of the name (not "Korean LG")
    for i in range(start + 2, end - 1):  # "Ardentide Capital of Singapore", "Anvaya Electric of India": a firm
        if doc[i].lower_ == "of" and doc[i - 1].lower_ in TRADE_NAME_ENDINGS - _TAKES_OF \
                and (resolve_market(doc[i + 1:end].text) is not None        # and its country or city (not "Royal
                     or resolve_place(doc[i + 1:end].text) is not None):      # Bank of Scotland"; "Sorquelle
            end = i                                                          # Semiconductors of Eindhoven")
            break
    if start >= end:
        return None
    span = doc[start:end]
    if span[-1].text in _TIME_ZONES and all(t.like_num or t.text[:1].isdigit() for t in span[:-1]) \
            and (len(span) > 1 or span.start > 0 and doc[span.start - 1].like_num):
        return None                     # "by 0915 GMT": a time
    if len(span) == 1 and re.fullmatch(r"\d+(\.\d+)?p", span.text):
        return None                     # "rose to 383p": pence
    if len(span) == 1 and span.text.isupper() and span.start > 0 and _measure(doc[span.start - 1]):
        return None                     # "a 120Hz OLED", "12GB RAM": a part in a list of specifications
    if len(span) == 1 and span.text.endswith("s") and span.text[:1].isupper() and span.start > 0 \
            and (doc[span.start - 1].like_num or doc[span.start - 1].lower_ in ("many", "most", "some", "few", "more")) \
            and resolve_market(f"{span.text[:-1]} market") is not None and resolve_market(span.text) is None:
        return None                     # "38,000 Romanians opened accounts": a people, no name (but "the Philippines",
        #                                 "the Americas")
    if all(_measure(t) or t.like_num for t in span) and any(_measure(t) for t in span):
        return None                     # "2.8K", "GB" in "16 GB", "90Hz": a measure, no name
    if len(span) == 1 and span[0].lower_ in TITLE_FUNCTIONS and span.end < len(doc) \
            and doc[span.end].lemma_.lower() in EXECUTIVE_TITLES | PUBLIC_OFFICES:
        return None                     # "Finance chief Ann Lee", "Marketing Director Ann Lee", "Finance Minister
        #                                 Omar Davies": part of the title
    if len(span) > 1 and all(t.lower_ in TITLE_FUNCTIONS | {"and", "&"} for t in span) \
            and span[-1].lower_ not in ("and", "&") and span.start >= 2 \
            and doc[span.start - 1].text in (",", "of") and doc[span.start - 2].lower_ in TITLES:
        return None                     # "Director, Corporate Communications": a department after a title, no firm
        #                                 (but "Digital Research" elsewhere may be a firm's name)
    if len(span) == 1 and span[0].tag_ == "NNS" and span[0].lemma_.lower() in _PLURAL_OPENERS:
        return None                     # "... in jail Analysts believe": a plural common noun, whatever its case
    if span.text.lower() in _NOT_NAMES or span.text.lower() in PRODUCT_OR_COMPANY_NOUNS \
            or span.text.lower() in EXECUTIVE_TITLES and not _firm_in_title_letters(span) \
            or len(span) == 1 and span.text.lower() in INDUSTRY_WORDS \
            or span[-1].lower_ in FINANCE_TERMS and all(t.lower_ in FINANCE_TERM_QUALIFIERS for t in span[:-1]) \
            or all(t.lower_ in TECH_TERMS or t.is_punct for t in span) \
            or _headline_slug(span) or _street_name(span) \
            or not any(ch.isalpha() for ch in span.text) and not _model_number(span) \
            or span[-1].lower_ in _NEWS_NOUNS and is_headline(doc) and all(t.is_lower or t.is_title for t in span):
        return None                     # "SUV", "TV", "CEO": common nouns in capitals; "Announces Strategic
        #                                 Partnership": a title-case headline's news words
    if all(t.tag_ in ("JJ", "JJR", "JJS", "RB", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "DT", "IN", "CD")
           and not _CAMEL.match(t.text) and not _mistagged_list_name(t) and not _name_before_title(t)
           and not (t.ent_type_ == "NORP" and resolve_market(f"{t.text} market") is None) for t in span) \
            and not _model_number(span) \
            and not (len(span) == len(doc) and span.root.ent_type_ in ("ORG", "PERSON") and span.root.is_title):
        return None                     # "Chinese", "Global": an adjective in capitals is no name (but a line that is
        #                                 only a name the model tagged, "Cardevique" over a press contact: a label)
    return span


def _first_name_before_double_surname(ent: Span) -> bool:
    """An untagged capitalised word right before a hyphenated name and hung on it: a first name ("Anders" of
    "Anders Vinterberg-Holm")."""
    doc = ent.doc
    if "-" not in ent.text or " " in ent.text or ent.start == 0:
        return False
    first = doc[ent.start - 1]
    return first.ent_type_ == "" and first.pos_ == "PROPN" and first.is_title and first.is_alpha \
        and first.dep_ == "compound" and ent.start <= first.head.i < ent.end \
        and first.lower_ not in TITLES | INDUSTRY_WORDS | COMPANY_NOUNS \
        and not resolve_place(first.text) and not resolve_market(first.text)


_TIME_ZONES = frozenset({"GMT", "BST", "UTC", "CET", "CEST", "EST", "EDT", "ET", "PST", "PDT", "PT", "JST", "HKT",
                         "SGT", "IST", "AEST", "AEDT"})


def seat_word(token: Token) -> bool:
    """'U.S.-based', 'Paris-listed': where a firm sits, written as one word."""
    place, dash, seat = token.text.rpartition("-")
    return bool(dash and place) and seat.lower() in SEAT_WORDS


# Trade words that name institutions "of" a country: "Royal Bank of Scotland", "National Insurance of Greece".
_TAKES_OF = frozenset({"bank", "banks", "insurance", "assurance", "railways", "airways", "airlines", "air", "airports",
                       "power", "energy", "telecom", "telecommunications", "steel", "mining", "shipping", "oil",
                       "petroleum", "post"})


_LOWER_CASE_MODEL_WORDS = {"mini", "nano", "lite", "ultra"}     # (not "plus", "pro": "the Zorba 5 plus two games")


def _lower_case_model_word(doc: Doc, i: int, start: int) -> bool:
    """'mini' in 'the iZap mini', 'lite' in 'Zorba 5 lite': a model word written in lower case right after a
    camel-case name or a model number."""
    return i > start and doc[i].lower_ in _LOWER_CASE_MODEL_WORDS and doc[i].is_lower \
        and (bool(_CAMEL.match(doc[i - 1].text)) or any(c.isdigit() for c in doc[i - 1].text))


def _model_number(span: Span) -> bool:
    """A bare three- or four-digit number that _product_spans took for a model: "Aerona's 777"."""
    return len(span) == 1 and _number_like_a_model(span[0])


def _number_like_a_model(token: Token) -> bool:
    return token.is_digit and 3 <= len(token.text) <= 4


def _name_like(token: Token) -> bool:
    """Names start with a capital or a digit ("iPhone" and "eBay" count: a capital follows)."""
    text = token.text
    return text[:1].isupper() or text[:1].isdigit() or bool(_CAMEL.match(text)) or bool(_INNER_CAPITAL.match(text))


def is_headline(doc: Doc) -> bool:
    """A title-case line without final punctuation: capitalisation there says nothing about names."""
    if len(doc) == 0 or len(doc) > 25 or doc[-1].text in {".", "!", "?", '"'}:
        return False                    # (most paragraphs: told at once, before looking at their words)
    words = [t for t in doc if t.is_alpha]
    if not words or doc[-1].text == ":" and len(words) > 10:
        return False
    commas = [t.i for t in doc if t.text == ","]
    if doc[0].ent_type_ == "PERSON" and commas and not any(t.pos_ in ("VERB", "AUX") for t in doc) \
            and (len(commas) >= 2 and any(t.lower_ in TITLES for t in doc)
                 or _title_closing_a_contact_line(doc, commas[0])):
        return False      # a signature line: "Sanne de Vries, Chief Financial Officer, Kelvo Group", a press
        #                   contact's: "Ann Lee, Press Officer"
    return sum(t.text[0].isupper() for t in words) / len(words) > 0.6


def _title_closing_a_contact_line(doc: Doc, comma: int) -> bool:
    """'Ann Lee, Press Officer', 'Bo Berg, Head of Communications': a short title ends the line, its small words in
    lower case (not "Tom Berg, Partner At Brisco Capital", a headline)."""
    after = [t for t in doc[comma + 1:] if not t.is_space]
    return 0 < len(after) <= 5 and any(t.lower_ in TITLES for t in after[:3]) \
        and not any(t.pos_ in ("ADP", "CCONJ", "DET") and t.text[:1].isupper() or t.text == ":" for t in after)


def _hyphen_in_model(doc: Doc, i: int) -> bool:
    """'777-200LR', 'CDP-101': a hyphen with no space around it between two parts of a model number."""
    return doc[i].text == "-" and i + 1 < len(doc) and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and bool(_DESIGNATOR.match(doc[i + 1].text))


# Capitals of business and technology that follow a model's name without being part of it: "the Arcton 5 IP".
_TRADE_ACRONYMS = {"ip", "ipo", "ai", "api", "mro", "ev", "evs", "suv", "suvs", "os", "hq", "rd", "pr", "it", "gdp",
                   "vat", "usd", "eur", "gbp", "led", "lcd", "oem", "b2b", "ad", "ads"}     # (markets: resolve_market)


def _hyphen_joins_words(doc: Doc, i: int) -> bool:
    """'-' in 'Half-Life': a bare hyphen between two capitalised words."""
    return doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha and doc[i + 1].text[:1].isupper()


def _placed_country(span: Span) -> bool:
    """A country's one-word name the model took for an organisation, listed with a place or after a preposition
    of place: "stores in the Czech Republic and Slovakia", "flights to Morocco"."""
    root = span.root
    if any(t.ent_type_ in ("GPE", "LOC") for t in root.conjuncts):
        return True
    top = root
    while top.dep_ == "conj" and top.head != top:
        top = top.head
    return top.dep_ == "pobj" and top.head.lower_ in ("in", "into", "to", "across", "throughout") \
        and top.head.head.lemma_.lower() not in _HOLDING_NOUNS          # (not "its stake in Andorra")


_HOLDING_NOUNS = {"stake", "share", "holding", "investment", "interest"}


_STREET_FIRST = {"rua", "calle", "carrer", "passeig", "avenida", "avinguda", "rue", "viale", "corso", "piazza",
                 "praça", "ulica"}     # (not "Via", "Plaza": "Via Rail", "Plaza Hotels")
_STREET_LAST = {"street", "avenue", "road", "boulevard", "square", "strasse", "straße", "allee", "gasse", "platz",
                "straat", "gracht", "katu", "gatan", "gade", "vej"}      # (not "Lane": "Ken Lane")


def _street_name(span: Span) -> bool:
    """"Rua Garrett", "Calle de Serrano", "Mount Street", "Regent Street": where a store is, not a company (unless
    a trade word follows: "Wall Street Journal", "Baker Street Capital")."""
    words = [t.lower_.rstrip(".") for t in span]
    if len(words) < 2 or len(words) > 4 or trade_word(words[-1]) or words[-1] in _LEGAL | COMPANY_NOUNS:
        return False
    if not (words[0] in _STREET_FIRST and span[-1].text[:1].isupper()
            or words[-1] in _STREET_LAST and span.root.ent_type_ != "PERSON"):
        return False
    votes = context_votes(span)          # (not "Pine Road, the outdoor-clothing brand, opened 12 stores")
    return votes.get("Company", 0) < 3 and votes.get("Product", 0) < 3


def _headline_slug(span: Span) -> bool:
    """"ANALYSIS - ...", "EXCLUSIVE: ...", "UPDATE 2-...": a wire's label opening a headline, before a dash or colon
    (its number, if any, taken in or not)."""
    doc, end = span.doc, span.end
    while end < len(doc) and doc[end].like_num:
        end += 1
    words = [t.lower_ for t in span if not t.like_num]
    return span.start == 0 and span.text.isupper() and bool(words) and all(w in HEADLINE_SLUGS for w in words) \
        and end < len(doc) and doc[end].text in ("-", "–", "—", ":")


def _platform_letters(doc: Doc, i: int) -> bool:
    """'DS' in 'Super Mario 64 DS': two or three capitals after a model number (not a market, a title or the
    start of another name: 'Zorba 3 UK', 'Kelvo 5 CEO')."""
    token = doc[i]
    return 2 <= len(token.text) <= 3 and token.text.isupper() and token.is_alpha and doc[i - 1].like_num \
        and token.lower_ not in EXECUTIVE_TITLES | _NOT_NAMES | PRODUCT_OR_COMPANY_NOUNS | _TRADE_ACRONYMS \
        and not resolve_market(token.text) \
        and not (i + 1 < len(doc) and doc[i + 1].pos_ in ("PROPN", "NOUN"))   # ("Zorba 3 TV advert")


def _product_spans(doc: Doc) -> list[Span]:
    """Names that read as products: a capitalised name with a model designator ("Galaxy S9",
    "Mi 10 Pro", "Model 3"), a camel-case name ("iPhone"), or a named "... series"."""
    spans = []
    tokens = list(doc)                  # made once: the scans below index the paragraph's tokens again and again
    i = 0
    headline = is_headline(doc)
    while i < len(doc):
        token = tokens[i]
        start = None
        if _CAMEL.match(token.text):
            start = i
            while start > 0 and token.ent_iob_ == "I" and tokens[start - 1].ent_type_ == "ORG" \
                    and tokens[start - 1].pos_ == "PROPN" and tokens[start - 1].text[:1].isupper() and i - start < 2:
                start -= 1                  # "the Vantel iStream" the model took as one organisation: maker and product
        elif not headline and _DESIGNATOR.match(token.text) and i > 0 and (
                token.ent_type_ not in _NOT_MODEL_LABELS or _date_tag_on_a_name(doc, i)) \
                and not (token.text == "I" and token.pos_ == "PRON") \
                and not _in_slashed_legal_form(doc, i):                     # "When I started": the pronoun; "A/S"
            j = i
            while j > 0 and tokens[j - 1].text[:1].isupper() and tokens[j - 1].is_alpha \
                    and tokens[j - 1].lower_ not in _NOT_NAMES and tokens[j - 1].ent_type_ != "MONEY" \
                    and (tokens[j - 1].ent_type_ != "DATE" or _date_tag_on_a_name(doc, i)) \
                    and not (tokens[j - 1].ent_type_ == "GPE" and resolve_market(tokens[j - 1].text)) \
                    and i - j < 3:              # "the Zephyr S" the model took for a place, but not "India 5G"
                j -= 1
                if j > 1 and j < i and _hyphen_joins_words(doc, j - 1):
                    j -= 1                      # "Half-Life 2": capitalised words joined by a bare hyphen
            if j < i and not (tokens[i].like_num and tokens[j].ent_type_ == "DATE"
                              and not _date_tag_on_a_name(doc, i)) \
                    and not any(t.lower_ in ("war", "cup", "games", "olympics", "bowl")       # "World War II"
                                for t in tokens[j:i]):
                start = j
            elif j == i and i + 2 < len(doc) and _hyphen_in_model(doc, i + 1) and not tokens[i + 2].like_num:
                start = i                       # "the 777-200LR": a hyphenated model number names itself
        if start is None:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and (tokens[end].lower_ in _MODEL_SUFFIXES or _DESIGNATOR.match(tokens[end].text)
                                  or _hyphen_in_model(doc, end) or _platform_letters(doc, end)) \
                and tokens[end].ent_type_ not in ("DATE", "MONEY") \
                and (not tokens[end].is_punct or _hyphen_in_model(doc, end)):
            end += 1
        spans.append(doc[start:end])
        i = end
    # a bare model number after its maker's possessive or before a singular product noun: "Aerona's 777",
    # "the 767 tanker plane" (not "Aerona's 200 planes", "its 2004 results")
    taken = {i for s in spans for i in range(s.start, s.end)}
    for token in tokens:
        if not _number_like_a_model(token) or token.ent_type_ not in ("", "CARDINAL", "PRODUCT") \
                or token.text.startswith(("19", "20")) or token.i in taken \
                or token.dep_ == "nummod" and token.head.tag_ in ("NNS", "NNPS"):     # "500 phone handsets"
            continue
        after = tokens[token.i + 1] if token.i + 1 < len(doc) else None
        possessed = token.i >= 2 and tokens[token.i - 1].tag_ == "POS" and tokens[token.i - 2].pos_ == "PROPN"
        kind = after is not None and after.tag_ == "NN" and after.lemma_.lower() in PRODUCT_ONLY_NOUNS \
            and token.head == after
        if possessed and (after is None or after.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ")) or kind:
            spans.append(doc[token.i:token.i + 1])
    # a capitalised run ending in a model word: "Mi MIX Alpha", "Power Bank Pro", "Kairo iQ" (ending it: not "Kelvo
    # Basic Materials", "Velmont Premium Outlets")
    for token in tokens:
        if (token.lower_ in _NAME_ENDING_MODEL_WORDS and len(token.text) > 1 and token.text[:1].isupper()
                or len(token.text) <= 3 and _INNER_CAPITAL.match(token.text)) \
                and token.i > 0 and not (token.i + 1 < len(doc) and tokens[token.i + 1].text[:1].isupper()
                                         and tokens[token.i + 1].is_alpha) \
                and not headline and tokens[token.i - 1].text[:1].isupper() and tokens[token.i - 1].is_alpha:
            j = token.i - 1
            while j > 0 and tokens[j - 1].text[:1].isupper() and tokens[j - 1].is_alpha and token.i - j < 4 \
                    and tokens[j - 1].lower_ not in _NOT_NAMES and not tokens[j - 1].is_sent_start:
                j -= 1
            if not (tokens[j].is_sent_start and token.i - j == 1):
                spans.append(doc[j:token.i + 1])
    # a title with its subtitle: "released Ashen Crown: Reborn, another action game" (capitalised words either side
    # of a colon inside a sentence, the subtitle ending at a comma or a full stop; not a headline's "Cement roundup:")
    for token in tokens:
        if token.text != ":" or headline or token.i < 2 or token.whitespace_ == "":
            continue
        j = token.i
        while j > 0 and tokens[j - 1].text[:1].isupper() and tokens[j - 1].is_alpha and token.i - j < 3 \
                and not tokens[j - 1].is_sent_start:
            j -= 1
        k = token.i + 1
        while k < len(doc) and tokens[k].text[:1].isupper() and tokens[k].is_alpha and k - token.i <= 3:
            k += 1
        if j < token.i and token.i + 1 < k and (k == len(doc) or tokens[k].text in (",", ".", ")", ";")) \
                and tokens[j - 1].is_lower and tokens[j - 1].is_alpha:
            spans.append(doc[j:k])
    # "the Mi series", "Mate series": a capitalised name before "series"
    for token in tokens:
        if token.lower_ == "series" and token.i > 0 and tokens[token.i - 1].text[:1].isupper():
            j = token.i - 1
            while j > 0 and tokens[j - 1].text[:1].isupper() and tokens[j - 1].is_alpha and token.i - j < 3 \
                    and tokens[j - 1].lower_ not in _NOT_NAMES:
                j -= 1
            spans.append(doc[j:token.i + 1])
    return spans


def _hyphenated_tail(doc: Doc, i: int, start: int) -> bool:
    """'ray' in 'Blu-ray': a lower-case word joined by a bare hyphen to a capitalised one (not 'NEC-backed')."""
    return i - 2 >= start and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_ \
        and doc[i].is_alpha and doc[i].tag_ not in ("VBN", "VBD", "VBG", "JJ") and _name_like(doc[i - 2])


def _possessive_inside(span: Span) -> int | None:
    """Where a possessive splits a span in two names ("Kelvo's Playstar"), unless what follows names a business
    itself ("Barnard's Retail Consulting Group", "Sainsbury's Bank")."""
    doc = span.doc
    end = next((i for i in range(span.start + 1, span.end) if doc[i].text == "("), span.end)   # "... (BBA)"
    while end > span.start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1                          # "People's Bank's customers": the name's own possessive first
    at = next((i for i in range(span.start + 1, end - 1) if doc[i].tag_ == "POS"), None)
    if at is None or doc[end - 1].lower_.rstrip(".") in INDUSTRY_WORDS | _LEGAL | COMPANY_NOUNS | _UNIT_NAME_WORDS \
            | _BODY_WORDS:
        return None
    return at


# Legal forms alone, which end a firm's name ("Co.", "Inc"), not its trade ("Group", "Systems").
_LEGAL_FORMS = LEGAL_SUFFIXES - {"company", "incorporated", "corporation", "limited", "group", "holdings", "holding",
                                  "technologies", "technology", "cos", "as", "kg", "lp"}   # the abbreviated forms
#                                                       (not "as" nor "KG", words of their own)


_INDEX_NOUNS = frozenset({"index", "indices", "indexes"})


def _possessive_firm_names(doc: Doc) -> dict[int, Span]:
    """Firms named with a possessive whose second part the model alone called an organisation, ending in a legal
    form: "Quillby's Snack Co." (the model: "Quillby" a place, "Snack Co." a firm). By the organisation's start."""
    joined = {}
    for ent in doc.ents:
        owner = doc[ent.start - 2] if ent.start >= 2 else None
        if ent.label_ == "ORG" and _legal_form(ent[-1]) and owner is not None \
                and doc[ent.start - 1].lower_ == "'s" and not owner.whitespace_ \
                and owner.pos_ == "PROPN" and owner.is_title and resolve_market(owner.text) is None \
                and resolve_place(owner.text) is None:          # (not "Japan's Takasugi Co.", "Ohio's Foo Inc")
            joined[ent.start] = doc[ent.start - 2:ent.end]
    return joined


def _date_tag_on_a_name(doc: Doc, i: int) -> bool:
    """'the Zephyr 5 phone' tagged a date: a number after a capitalised word that names no time."""
    before = doc[i - 1]
    alone = doc[i].ent_iob_ == "B" and not (i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I") \
        and before.ent_type_ == "" and before.pos_ == "PROPN"        # "the Garoa 24", only the number tagged
    return doc[i].ent_type_ == "DATE" and (before.ent_type_ == "DATE" or alone) and before.is_alpha \
        and before.text[:1].isupper() and before.lower_ not in _TIME_WORDS and not before.is_sent_start


def _named_before_kind(doc: Doc) -> list[Span]:
    """A proper-noun name right before the kind of product it is: "the Lumio Vesta camera", "a Norvik
    Zelta processor" (a maker's name, then the product's), not "the BBC News website" (a channel)."""
    spans = []
    for token in doc:
        if token.dep_ != "compound" or token.pos_ != "PROPN":
            continue
        head = token.head
        if head.tag_ == "NN" and head.i == token.i + 1 \
                and head.lemma_.lower() in _GOODS_ONLY_NOUNS \
                and token.lower_ not in INDUSTRY_WORDS | COMPANY_NOUNS:     # (not "the BBC News website")
            left = token.i
            while left > 0 and doc[left - 1].pos_ == "PROPN" and doc[left - 1].dep_ == "compound" \
                    and doc[left - 1].text[:1].isupper() and token.i - left < 3:
                left -= 1
            span = doc[left:token.i + 1]
            if token.i > left and not any(t.ent_type_ in ("GPE", "PERSON", "DATE", "MONEY", "NORP") for t in span) \
                    and not _one_organisation(span):      # "the General Electric engine": the maker's alone
                spans.append(span)
    return spans


_FIRM_TOO_NOUNS = frozenset({"veteran", "graduate", "resident", "heir", "heiress", "founder", "pioneer"})
_TARGETED_KINDS = frozenset({"vaccine", "drug", "treatment", "therapy", "medicine", "pill", "injection", "test",
                             "inhaler", "implant", "antibody", "supplement"})    # named by what they treat
_VARIANT_NOUNS = frozenset({"model", "models", "version", "variant", "edition", "product", "products", "line",
                            "lineup", "range", "series", "flagship"})     # "a Nokia model": its maker's


def _one_name_before_kind(doc: Doc) -> list[Span]:
    """One proper-noun word after a determiner and before the kind of goods it names: "the Kargo cargo bike", "a
    comparable Tessarc system", "whose Frescal brand" (not "Nvidia chips", a maker's goods; nor a country's, a
    person's or a date's)."""
    spans = []
    for token in doc:
        head = token.head
        while head.dep_ == "compound" and head.is_lower and head.head.i > head.i:
            head = head.head                    # "the Kargo cargo bike": the kind is the last noun
        if token.dep_ != "compound" or token.pos_ != "PROPN" or not token.is_alpha or not token.text[:1].isupper() \
                or token.ent_type_ in ("GPE", "LOC", "NORP", "DATE", "MONEY", "FAC") or head.i <= token.i \
                or token.ent_type_ == "PERSON" and (token.ent_iob_ == "I" or doc[token.i + 1].ent_iob_ == "I") \
                or head.tag_ != "NN" or head.lemma_.lower() not in _GOODS_ONLY_NOUNS - _VARIANT_NOUNS \
                or token.lower_ in INDUSTRY_WORDS | COMPANY_NOUNS or resolve_market(token.text) or token.is_upper:
            continue
        start = token.i
        while start > 0 and token.i - start < 2 and doc[start - 1].pos_ == "ADJ" and doc[start - 1].is_lower:
            start -= 1                          # ("a comparable Tessarc system")
        before = doc[start - 1] if start > 0 else None
        if before is None or before.lower_ not in ("the", "a", "an", "its", "their", "whose", "his", "her") \
                or not all(t.is_lower or t.text == "-" for t in doc[token.i + 1:head.i]) \
                or before.lower_ in ("a", "an") and token.ent_type_ == "ORG" \
                or head.lemma_.lower() in _TARGETED_KINDS:
            continue                            # ("a Samsung phone": a maker's; "an Ebola vaccine": a disease's)
        spans.append(doc[token.i:token.i + 1])
    return spans


def _number_named_in_apposition(doc: Doc) -> list[Span]:
    """A model named by its number alone in apposition to the kind of goods it is: "its smallest airliner, the 717"."""
    return [doc[t.i:t.i + 1] for t in doc
            if t.dep_ == "appos" and t.text.isdigit() and 2 <= len(t.text) <= 4 and t.i > 0 and doc[t.i - 1].lower_ == "the"
            and t.head.pos_ == "NOUN" and t.head.lemma_.lower() in _GOODS_ONLY_NOUNS - _VARIANT_NOUNS
            and t.ent_type_ not in ("DATE", "MONEY", "PERCENT", "QUANTITY", "TIME")]


_CODE_NAME = re.compile(r"^[A-Z]{1,3}-?\d{1,4}[A-Za-z]?$")
# Codes of letters and digits that name no model: business terms ("B2B", "P2P", "D2C"), gases ("CO2").
_NOT_CODES = re.compile(r"^([A-Z]2[A-Z]|CO2|NO2|SO2|NOX|CH4|H2|O2|[2-6]G)$")


def _model_codes(doc: Doc) -> list[Span]:
    """A model code of capitals and digits before the kind of product it is: "40 HX52 jets", "TR9 engines" (the
    model tags it a common noun and names nothing)."""
    return [doc[token.i:token.i + 1] for token in doc
            if _CODE_NAME.match(token.text) and not _NOT_CODES.match(token.text)
            and not (token.i > 0 and doc[token.i - 1].lower_ in ("vitamin", "vitamins"))    # ("vitamin B12")
            and token.dep_ in ("compound", "nmod") and token.head.i > token.i
            and token.head.pos_ == "NOUN" and token.head.lemma_.lower() in PRODUCT_NOUNS
            and all(t.is_lower or t.text == "-" for t in doc[token.i + 1:token.head.i])
            and token.ent_type_ in ("", "PRODUCT", "ORG") and not _measure(token)]


def _one_organisation(span: Span) -> bool:
    """The model read the whole name as one organisation ("General Electric"): no maker's name to split off."""
    return span[0].ent_type_ == "ORG" and span[0].ent_iob_ == "B" and all(
        t.ent_type_ == "ORG" and t.ent_iob_ == "I" for t in span[1:]) and (
        span.end == len(span.doc) or span.doc[span.end].ent_iob_ != "I")


def _product_noun(noun: Token) -> bool:
    """A noun that says what it describes is a product: "the Nova 5, its new phone", "Orbit, a streaming service";
    not "Pulsevane, the Dutch service": a service (platform, network) of a nationality is the firm that runs it; nor
    "Sarmivo Pay, a card processor": a firm that processes payments."""
    lemma = noun.lemma_.lower()
    return lemma in PRODUCT_NOUNS and not (lemma in _OPERATED_NOUNS and _of_a_nationality(noun)) \
        and not _payments_processor(noun)


_PAYMENT_WORDS = frozenset({"payment", "payments", "card", "transaction", "credit"})


def _payments_processor(noun: Token) -> bool:
    """"a card processor", "the payments processor": a firm, not a chip."""
    return noun.lemma_.lower() == "processor" and any(c.dep_ == "compound" and c.lemma_.lower() in _PAYMENT_WORDS
                                                      for c in noun.children)


def _of_a_nationality(noun: Token) -> bool:
    """A noun with a country's adjective: "the Dutch service" (not "an Islamic banking service")."""
    return any(c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" and resolve_market(f"{c.text} market")
               for c in noun.children)


def _noun_phrase_products(doc: Doc) -> list[Span]:
    """A proper-noun phrase that is said to be a product: "The Mi Power Bank Pro is a ... battery",
    "its new phone, the Nova 5", or the object of a launch verb."""
    spans = []
    for token in doc:
        if token.pos_ != "PROPN" or token.dep_ == "compound":
            continue
        left = token.left_edge.i
        while left < token.i and (doc[left].pos_ not in ("PROPN",) or doc[left].lower_ in _NOT_NAMES):
            left += 1
        span = doc[left:token.i + 1]
        if any(t.pos_ != "PROPN" and not t.like_num for t in span):
            continue
        head = token.head
        product_context = False
        if token.dep_ == "nsubj" and head.lemma_ == "be":
            product_context = any(c.dep_ == "attr" and c.lemma_.lower() in PRODUCT_NOUNS for c in head.children)
        elif token.dep_ == "appos" and _product_noun(head):
            product_context = True
        elif token.dep_ == "dobj" and head.lemma_ in LAUNCH_VERBS:
            product_context = True
        if any(c.dep_ == "appos" and _product_noun(c) for c in token.children):
            product_context = True
        if product_context and token.ent_type_ not in ("GPE", "PERSON", "DATE", "MONEY") \
                and span[-1].text.replace(".", "").lower() not in _LEGAL:     # (not "Zestra S.A., the delivery app")
            spans.append(span)
    return spans


def _abbreviation_of_common_words(span: Span) -> bool:
    """'average sales price (ASP)', 'artificial intelligence (AI)': an acronym defined by lower-case
    words is a term, not an organisation."""
    doc = span.doc
    if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != "(" or doc[span.end].text != ")":
        return False
    letters = span.text.replace(".", "").lower()
    words = [t for t in doc[max(0, span.start - 1 - len(letters)):span.start - 1] if t.is_alpha]
    return len(words) >= len(letters) and all(w.is_lower for w in words[-len(letters):]) and \
        "".join(w.text[0] for w in words[-len(letters):]).lower() == letters


def _document_words(paragraphs: list[Paragraph]) -> tuple[set[str], frozenset[str], set[str]]:
    """What the whole document says of its words, in one pass: the words it writes in lower case; the first words of
    its runs of capitalised proper nouns ("Tsurumaki" of "Tsurumaki Electron"), for the name alone later; and the
    words that name a firm elsewhere ("the Honeynet Project", "Norvik said"), for "a Honeynet machine"."""
    lowercase_words: set[str] = set()
    heads: set[str] = set()
    makers_words: set[str] = set()
    for paragraph in paragraphs:
        doc = paragraph.doc
        for token in paragraph.tokens:
            if token.is_lower:
                lowercase_words.add(token.text)
            if token.pos_ == "PROPN" and token.is_title and token.is_alpha and len(token) > 3 \
                    and token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN" and doc[token.i + 1].is_title \
                    and token.ent_type_ not in ("GPE", "LOC", "NORP", "PERSON", "DATE") \
                    and (token.i == 0 or doc[token.i - 1].pos_ != "PROPN"):
                heads.add(token.lower_)
            if token.dep_ == "nsubj" and token.pos_ == "PROPN" and token.head.lemma_ in SPEECH_VERBS:
                makers_words.add(token.lower_)
        makers_words.update(next(t.lower_ for t in ent if not t.is_lower) for ent in doc.ents
                            if ent.label_ == "ORG" and sum(not t.is_lower for t in ent) > 1)
    name_heads = frozenset(heads - INDUSTRY_WORDS - PRODUCT_OR_COMPANY_NOUNS - TITLES - lowercase_words)
    return lowercase_words, name_heads, makers_words


def candidate_mentions(paragraphs: list[Paragraph], speaker_lines: dict[int, int]) -> list[Mention]:
    """Every span that may name an entity, with the votes of its own context; `speaker_lines` are a call
    transcript's lines naming its speakers (paragraph -> its dash: see transcripts.read_transcript)."""
    mentions: list[Mention] = []
    defined_terms: set[str] = set()      # "average sales price (ASP)": ASP is a term wherever it appears
    lowercase_words, name_heads, makers_words = _document_words(paragraphs)
    sea_gulf = any(re.search(r"Gulf of (Mexico|Guinea|Thailand|Finland|Bothnia|California|Alaska|Carpentaria|Riga|"
                             r"Tonkin|Maine|Honduras)", paragraph.text) for paragraph in paragraphs)   # a sea, not
    #                                                                          the Arab states' (Aden, Oman are theirs)
    weak: list[tuple[int, Span]] = []    # unlabelled names with no telling context, kept if named elsewhere
    taken_in: dict[int, set[int]] = {}
    for p, paragraph in enumerate(paragraphs):
        doc = paragraph.doc
        taken: set[int] = taken_in.setdefault(p, set())

        def add(span: Span, votes: Counter, ner: str = "", clean: bool = True) -> None:
            owner_end = _possessive_inside(span)
            if owner_end is not None:         # "Kelvo's Playstar" tagged as one name: the owner, then its thing
                add(doc[span.start:owner_end], Counter({k: v for k, v in votes.items() if k != "Product"}), ner, clean)
                add(doc[owner_end + 1:span.end], Counter({k: v for k, v in votes.items() if k == "Product"}), "", clean)
                return
            whole, span = span, _clean_span(span) if clean and not (
                len(span) == 1 and span.text.lower() in name_heads
                and (span.root.dep_ in ("nsubj", "nsubjpass", "poss") or span.root.is_sent_start)
                and not span.root.pos_ == "PROPN") else span     # ("Tsurumaki on Monday reported", tagged an adverb;
            #                                                      "Kuzelya, founded in 2016 by ...", at a sentence's
            #                                                      start)
            if span is not None and span.end < len(doc) and doc[span.end].lemma_.lower() in _INDEX_NOUNS \
                    and doc[span.end].pos_ == "NOUN" and span.root.ent_type_ not in ("GPE", "NORP", "LOC") \
                    and not (trade_word(span[-1].lower_) or span[-1].lower_.rstrip(".") in _LEGAL
                             or span[-1].lower_ in TRADE_NAME_ENDINGS):   # (not "the Kelvra Bank index of prices")
                defined_terms.add(span.text.lower())    # "the Dow Jones index", "France's Cac index": a share
                return                                  # index wherever it is named, no firm
            if span is not None and span.end + 1 < whole.end and (
                    doc[span.end].text in _DASHES or doc[span.end].tag_ in ("VBD", "VBN", "VBZ", "VBP")):
                add(doc[span.end + 1:whole.end], Counter())      # the name after a dash or a verb the model
                #                                                  swallowed ("Bernstein said Stellantis")
            elif span is not None and span.end + 1 < whole.end and doc[span.end].lower_ == "of" \
                    and resolve_market(doc[span.end + 1:whole.end].text) is not None:
                add(doc[span.end + 1:whole.end], Counter(Market=4), clean=False)   # "... Capital of Singapore"
            if span is None or any(i in taken for i in range(span.start, span.end)) or _is_channel(span.root) \
                    or _names_a_programme(span) \
                    or _dateline_place(span) or _is_amount(span) or _only_title_words(span) or _certification(span) \
                    or _funding_round(span) or _street(span) or _headline_slug(span) or _city_naming_a_site(span) \
                    or _shopping_site(span) \
                    or _listing_note(span):
                return
            taken.update(range(span.start, span.end))
            mention = Mention(p, span.start, span.end, span.text,
                              paragraph.offset + span.start_char, paragraph.offset + span.end_char)
            mention.votes.update(votes)
            mention.prior.update(votes)
            mention.votes.update(context_votes(span))
            mention.ner = ner
            mention.owner = span.end < len(doc) and doc[span.end].tag_ == "POS" and not (
                span.end + 1 < len(doc) and doc[span.end + 1].lower_ in EXECUTIVE_TITLES - {"partner", "head"}
                | {"chief", "vice", "deputy"})          # (but "Kelvoort's chief executive": a firm's)
            mention.owned = span.start > 1 and doc[span.start - 1].tag_ == "POS" and doc[span.start - 2].pos_ == "PROPN"
            mention.after_the = span.start > 0 and doc[span.start - 1].lower_ == "the"
            mention.placed = _placed(span.root)
            mention.sited = mention.placed or _sited(span.root)
            mentions.append(mention)

        if (dash := speaker_lines.get(p)) is not None:    # a transcript's "Ann Lee - Chief Financial Officer" or
            count = len(mentions)                                                    # "Tom Hale - Harlevi Securities"
            add(doc[:dash], Counter(), "PERSON", clean=False)
            if len(mentions) > count:
                mentions[-1].votes = Counter(Person=4)      # (the line's layout says so, whatever the words around)
            firm = role_parts(doc, dash)[1]
            if firm is not None:
                add(firm, Counter(Company=3), "ORG")
            taken.update(range(dash, len(doc)))             # (a title holds no name)
        for span, votes in [*((s, 3) for s in _product_spans(doc) + _noun_phrase_products(doc) + _model_codes(doc)
                              + _number_named_in_apposition(doc)),
                            *((s, 2) for s in _named_before_kind(doc)),
                            *((s, 1.5) for s in _one_name_before_kind(doc) if s[0].lower_ not in makers_words)]:
            count = len(mentions)
            add(span, Counter(Product=votes))
            if votes == 2 and len(mentions) > count:
                mentions[-1].before_kind = True     # "the Lumio Vesta camera": a maker's name, then the product's
            if mentions and mentions[-1].para == p and mentions[-1].start >= span.start:
                lead = [t for t in doc[mentions[-1].start:mentions[-1].end - 1]]
                orgs = []
                for token in lead:
                    if token.ent_type_ != "ORG":
                        break
                    orgs.append(token.text)
                if orgs:
                    mentions[-1].maker_prefix = " ".join(orgs).lower()
        in_headline = is_headline(doc)
        joined = _possessive_firm_names(doc)
        owners = {whole.start for whole in joined.values()}
        for ent in doc.ents:
            label = ent.label_
            if ent.start in owners and len(ent) == 1:
                continue                                  # "Quillby" of "Quillby's Snack Co.": named below
            ent = joined.get(ent.start, ent)
            if len(ent) == 1 and _legal_form(ent[0]) and label != "ORG":
                lead = ent.start                          # "Quorvath Kft." with only "Kft" tagged, as a person: the
                while lead > 0 and ent.start - lead < 3 and doc[lead - 1].pos_ == "PROPN" \
                        and doc[lead - 1].text[:1].isupper() and doc[lead - 1].ent_type_ == "" \
                        and doc[lead - 1].is_alpha:       # firm's name before it
                    lead -= 1
                if lead == ent.start:
                    continue
                ent, label = doc[lead:ent.end], "ORG"
            if label in ("PERSON", "GPE", "ORG") and ent.end < len(doc) and _legal_form(doc[ent.end]) \
                    and not any(whole.start <= ent.end < whole.end for whole in joined.values()):
                end = ent.end + 1                # "Siltrenza Japan K.K.": a legal form the model left out makes a
                while end < len(doc) and end - ent.end < 3 and _legal_form(doc[end]) \
                        and not (end + 1 < len(doc) and doc[end + 1].text == "-"):    # firm of any name (of two
                    end += 1                     # words: "Kestlinger Malaysia Sdn Bhd"; not "K.K. Co-Founder")
                ent, label = doc[ent.start:end], "ORG"
            cut = next((j for j in range(ent.start + 1, ent.end + 1) if _spaced_legal_form(doc, j)), None)
            if cut is not None:
                ent, label = doc[ent.start:cut], "ORG"     # "Komvela Sp. z o.o.": the name before its legal form
            inner = next((j for j in range(ent.start + 1, ent.end - 1) if _legal_form(doc[j])), None)
            while inner is not None and inner + 1 < ent.end and (
                    _legal_form(doc[inner + 1]) or doc[inner + 1].text == "."
                    or doc[inner + 1].text == "," and inner + 2 < ent.end and _legal_form(doc[inner + 2])):
                inner += 1                                       # ("Sdn Bhd", "S.L" and its full stop, "Co., Ltd.")
            if inner is not None and inner < ent.end - 1 and (any(c.isdigit() for c in doc[inner + 1].text)
                                                              or doc[inner + 1].is_lower):
                ent, label = doc[ent.start:inner + 1], "ORG"     # "Brenvora Makine A.Ş. Q2 2031" tagged as one:
                #                                                  the name ends with its legal form (not "Kelvo
                #                                                  SE Asia Fund", "Harlevi & Co Capital")
            if any(_spaced_legal_form(doc, k) and k < ent.start < _spaced_legal_form(doc, k)
                   for k in range(max(0, ent.start - 4), ent.start)):
                continue                                   # "o.o." of "Sp. z o.o.": no name
            if label == "GPE" and _name_word_left_out(ent):
                ent, label = doc[ent.start:ent.end + 1], "ORG"    # "Grüntakt Verkehrsbetriebe": no place we know,
                #                                                   then the proper noun its name hangs on
            if _abbreviation_of_common_words(ent):
                defined_terms.add(ent.text.lower())
                continue
            if label == "GPE" and len(ent) == 1 and ent.end < len(doc) and doc[ent.end].ent_type_ == "ORG" \
                    and doc[ent.end].ent_iob_ == "B" and ent.root.dep_ == "compound" \
                    and ent.root.head.ent_type_ == "ORG":
                continue                                  # "UK Coal": the organisation's name takes it in
            if label in ("GPE", "LOC") and ent.start > 0 and doc[ent.start - 1].is_lower \
                    and doc[ent.start - 1].pos_ == "ADJ" and resolve_market(doc[ent.start - 1:ent.end].text) \
                    and resolve_market(doc[ent.start - 1:ent.end].text) != resolve_market(ent.text):
                add(doc[ent.start - 1:ent.end], Counter(Market=4), clean=False)   # "northern Europe": a region
                continue                                                            # of its own
            market_word = _market_word_after(doc, ent.end) if label == "NORP" else None
            if label == "GPE" and (unit := _unit_named_for_its_country(ent)) is not None:
                add(unit, Counter(Company=3), "ORG")   # "Ondivar Portugal, its subsidiary in Portugal": a firm's
                continue                               # unit, named for the country it serves
            if label in ("GPE", "LOC") or market_word is not None:
                name = ent.text if label != "NORP" else f"{ent.text} {doc[market_word].text}"
                is_market = resolve_market(name) is not None and not (
                    sea_gulf and resolve_market(name).name == "Gulf")     # ("the Gulf of Mexico ... in the Gulf")
                place_votes = Counter() if is_market else context_votes(ent)   # once: it walks the parse
                company_votes = place_votes.get("Company", 0)
                if is_market:
                    if label == "NORP":                   # "the Indian market", "the Irish mobile phone market"
                        add(doc[ent.start:market_word + 1], Counter(Market=4), clean=False)
                    else:
                        add(ent, Counter(Market=4))
                elif label == "GPE" and ent.root.dep_ == "compound" and ent.end == ent.root.head.i \
                        and ent.root.head.lemma_.lower() in ("company", "firm", "group", "business") \
                        and not any(c.dep_ == "poss" for c in ent.root.head.children) \
                        and company_votes < 4:
                    continue                      # "the South Yorkshire company": where the company is, not its name
                elif label == "GPE" and 0 <= company_votes < 4 and _big_city(ent.text.lower()) \
                        and ent.root.dep_ not in ("nsubj", "nsubjpass") \
                        and not (any(t.ent_type_ == "ORG" and not _place_name(t.text) for t in ent.root.conjuncts)
                                 and not any(t.ent_type_ in ("GPE", "LOC") for t in ent.root.conjuncts)):
                    continue                      # "an Edinburgh specialist", "Edinburgh's Dunlathen Group": a city
                    #                               (not "Zurich reported", "Allianz, Zurich and Generali": firms; and
                    #                               "the city of Leipzig" counts against "Leipzig will make" below)
                elif company_votes >= 2 \
                        and not (ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("in", "from", "to", "at")
                                 and company_votes < 3 and ent.root.head.head.lower_ != "shares") \
                        and not (ent.root.dep_ == "pobj" and ent.root.head.lower_ == "in"
                                 and ent.root.head.head.pos_ == "PROPN" and resolve_place(ent.text) is not None) \
                        and not (ent.end < len(doc) and doc[ent.end].text in ("-", "-based")):
                    add(ent, Counter())           # "Arcton's Lumio unit": a place name used for a company
                elif place_votes.get("Person", 0) >= max(2, company_votes + 1):
                    #                                                   "Ard Pim Lostrup, Velto's chief economist":
                    start = ent.start                                   # a person the model took for a place,
                    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i < ent.end \
                            and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
                        start -= 1                                      # with the first names it left out
                    add(doc[start:ent.end], Counter())
                elif label == "GPE" and any(t.ent_type_ == "ORG" and not _place_name(t.text)
                                            for t in ent.root.conjuncts):
                    add(ent, Counter(Company=1))  # "Netflix, Disney and Warner Bros": listed with companies (not
                    #                                with a city the model took for one: "Lagos and Accra")
                elif place_votes.get("Product", 0) >= 1.5 and (label == "GPE" or not (
                        ent.root.dep_ in ("compound", "nmod") and ent.root.head.lemma_.lower() not in PRODUCT_NOUNS)):
                    add(ent, Counter())           # "sales of Paxorin", "the next version of Windows": a product's
                    #                               name the model took for a place (not "Brightwater's Alps resorts")
                elif label == "GPE" and ent.root.dep_ == "nsubj" and ent.root.pos_ == "PROPN" \
                        and ent.root.head.lemma_ in BUSINESS_VERBS | PRODUCE_VERBS | LAUNCH_VERBS | ENTRY_VERBS:
                    add(ent, Counter(Company=0.5))  # "Nvidia reported revenue of ...": no place reports revenue (nor
                    #                                 enters one: "Hestoria entered the Gulf in 2028")
                elif label == "GPE" and len(ent) == 1 and _speaker_after_quote(ent.root) \
                        and resolve_place(ent.text) is None:
                    add(ent, Counter(Person=1))   # '"...," Roccabruna told me': no place we know of, quoted
                elif label == "GPE":
                    weak.append((p, ent))         # no country: a company's name, if the text names it so
            elif label == "NORP" and (_nationality_of_buyers(ent) or _nationality_of_a_new_site(ent)):
                add(ent, Counter(Market=4), clean=False)   # "on sale to American hospitals", "sold in 11 European
                #                                            countries"
            elif label == "NORP" and not resolve_market(f"{ent.text} market") and (
                    ent.root.pos_ == "PROPN" or ent.root.pos_ in ("ADJ", "NOUN") and ent.text[:1].isupper()
                    and ent.text.replace(" ", "").isalpha() and not _starts_sentence(ent[0])):
                #                                 no nationality: a name, even tagged an adjective ("Investec economist")
                votes = context_votes(ent)        # no nationality: "sales of Paxlovid", "Sorin Balteanu, who ..."
                if votes.get("Company", 0) >= 1.5 or votes.get("Product", 0) >= 1.5 or votes.get("Person", 0) >= 2:
                    add(ent, Counter())
                elif any(t.ent_type_ == "ORG" for t in ent.root.conjuncts):
                    add(ent, Counter(Company=1))  # "Volkswagen and Rivian": listed with a company
                else:
                    weak.append((p, ent))         # "Gallarus managing director", after "Gallarus Logistics"
            elif label == "ORG" and len(ent) == 1 and ent.root.dep_ == "pobj" and _big_city(ent.text.lower()) \
                    and ent.root.head.lower_ in ("from", "in") and ent.root.head.i == ent.root.sent.start \
                    and context_votes(ent).get("Company", 0) < 2 and not ent.root.conjuncts:
                continue                          # '"From Nyíregyháza it is two days by truck"': a place a sentence
                #                                   opens on (not "sold its unit to Hitachi", "surveys from the Halifax
                #                                   and Nationwide": firms)
            elif label == "ORG" and len(ent) == 1 and _town(ent.text.lower()) and ent.root.dep_ == "pobj" \
                    and ent.root.head.lower_ in ("from", "in") and ent.root.head.head.pos_ == "NOUN" \
                    and ent.root.head.head.lemma_.lower() in COMPANY_NOUNS and context_votes(ent).get("Company", 0) < 2:
                continue                          # "the toy maker from Zlín", "a bank in Cork": where the firm is
            elif label == "ORG" and len(ent) == 1 and _town(ent.text.lower()) and ent.root.conjuncts \
                    and all(t.ent_type_ in ("GPE", "LOC") and resolve_place(t.text) is not None
                            for t in ent.root.conjuncts) and context_votes(ent).get("Company", 0) < 2:
                continue                          # "followed by Limerick and Galway": a town listed with places
            elif (label == "ORG" or label == "PERSON" and len(ent) == 1) and ent.root.dep_ == "poss" \
                    and ent.root.head.pos_ == "PROPN" and ent.root.head.ent_type_ == "ORG" and _city_describing(ent):
                continue                          # "Edinburgh's Kettleburn Group": where the firm is (also when the
                #                                   model took the city for a person: "Cork's Keadly Retail Group")
            elif label == "ORG" and (ref := resolve_market(ent.text)) is not None and ref.kind == "country" \
                    and ent.root.pos_ == "PROPN" and ent.text[:1].isupper():
                add(ent, Counter(Market=4))       # "exports to Uruguay, Paraguay and Kazakhstan": a country the
                #                                   model took for an organisation
            elif label == "ORG":
                lead = ent.start
                while len(ent) == 1 and ent.text.lower().rstrip(".") in _LEGAL and lead > 0 and ent.start - lead < 3 \
                        and doc[lead - 1].pos_ == "PROPN" and doc[lead - 1].text[:1].isupper() \
                        and doc[lead - 1].ent_type_ == "" and doc[lead - 1].is_alpha:
                    lead -= 1                             # "Sorvanto AG" with only "AG" tagged: the name before it
                if lead < ent.start:
                    ent = doc[lead:ent.end]
                elif ent.start > 0 and doc[ent.start - 1].ent_type_ == "GPE" and doc[ent.start - 1].ent_iob_ == "B" \
                        and doc[ent.start - 1].dep_ == "compound" and ent.start <= doc[ent.start - 1].head.i < ent.end:
                    ent = doc[ent.start - 1:ent.end]      # "UK Coal", "China Mobile": the country is in the name
                elif ent.start > 0 and not in_headline and _capitalised_word_before_a_name(doc[ent.start - 1]):
                    ent = doc[ent.start - 1:ent.end]      # "Neither Ask Jeeves nor ...": "Ask" read as a verb
                elif _country_closing_a_name(ent):
                    ent = doc[ent.start:ent.end + 1]      # "A new unit, Patinetra México, was set up": a firm's
                    #                                       unit named for its country
                parts = _coordinated_names(ent)
                if parts:                                 # "its Celebrex and Bextra products": two names
                    for part in parts:
                        add(part, Counter(), "ORG")
                    continue
                ent = _after_a_board(ent)
                ent, rest = _split_at_preposition(ent)
                if rest is not None and resolve_market(rest.text):
                    add(rest, Counter(Market=4))
                if _first_name_before_double_surname(ent) and any(
                        c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS | TITLES for c in ent.root.children):
                    ent = doc[ent.start - 1:ent.end]     # "Efraín Villaquirán-Stout, an analyst at ...": the double
                    #                                      surname tagged an organisation, its first name left out
                person, firm = _person_of_firm(ent)
                if firm is not None:                      # "Marit Hoogkamp of Brinkhoven Research": two names
                    add(person, Counter(Person=2), "PERSON")
                    add(firm, Counter(Company=3), "ORG")
                    continue
                if ent[-1].lower_ in ("market", "marketplace") and len(ent) > 1 and resolve_market(ent[:-1].text):
                    add(ent[:-1], Counter(Market=4))      # "USA market" tagged as an organisation
                    continue
                if _common_word_opening_sentence(ent, lowercase_words):
                    continue                      # "House prices rose": the model's ORG is the common noun
                if _city_without_company_cue(ent):
                    continue                      # "schools in Bristol": a city the model took for a firm
                market = resolve_market(ent.text)       # "EU", "European Union": a market the model took for a body
                add(ent, Counter(Market=4) if market and (ent.text.isupper() or len(ent) > 1 or _placed_country(ent))
                    else Counter(Company=1), "ORG")
            elif label == "PERSON" and resolve_market(f"{ent.text} market") and not resolve_market(ent.text):
                continue                          # "a small Sri Lankan tourism firm": a nationality, not a name
            elif label == "PERSON" and len(ent) == 1 and ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("in", "at") \
                    and resolve_place(ent.text) is not None:
                continue                          # "Halvbrann Studios in Kraków": a city the model took for a person
            elif label == "PERSON":
                if ent.start > 0 and doc[ent.start - 1].ent_type_ in ("GPE", "ORG") \
                        and doc[ent.start - 1].ent_iob_ == "B" and doc[ent.start - 1].pos_ == "PROPN" \
                        and doc[ent.start - 1].dep_ == "compound" and ent.start <= doc[ent.start - 1].head.i < ent.end \
                        and not resolve_market(doc[ent.start - 1].text) \
                        and not resolve_place(doc[ent.start - 1].text):
                    ent = doc[ent.start - 1:ent.end]     # "Ard Jan Vetham": a first name the model took for a place
                elif (lead := _untagged_name_words_before(ent)) < ent.start:
                    ent = doc[lead:ent.end]              # "Morvatto Máquinas Agrícolas", tagged a person on its last
                    #                                      word only: the name words the model left out before it
                elif _first_name_before_double_surname(ent):
                    ent = doc[ent.start - 1:ent.end]     # "Anders Vinterberg-Holm": a first name the model left out
                    #                                      before a double surname
                end = ent.end
                while end + 1 < len(doc) and doc[end].lower_ in _NAME_PARTICLES and doc[end + 1].pos_ == "PROPN" \
                        and doc[end + 1].text[:1].isupper():
                    end += 2                              # "Nick Van den Brul", "Ursula von der Leyen"
                    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                            and doc[end].ent_type_ in ("", "PERSON"):
                        end += 1
                ent = doc[ent.start:end]
                add(ent, Counter(Person=1.5 if len(ent) > 1 else 0.5), "PERSON")
            elif label == "PRODUCT" and re.fullmatch(r"\d+[a-z]{0,3}", ent.text):
                continue                          # "a 300p a share bid": an amount, not a product
            elif label == "PRODUCT" and resolve_market(ent.text) is not None and ent.root.pos_ == "PROPN":
                add(ent, Counter(Market=4))       # "Cyprus-based Ludavio": a country the model took for a product
            elif label == "PRODUCT" and _names_a_site(ent):
                continue                          # "the Quilcaro copper mine": a site's own name, no product
            elif label == "PRODUCT" or label == "WORK_OF_ART" and any(
                    any(c.isdigit() for c in t.text) or _CAMEL.match(t.text) for t in ent):
                add(ent, Counter(Product=1))
            elif label == "FAC" and ent.root.pos_ == "PROPN":
                add(ent, Counter(Company=0.5))
            elif label == "FAC" and (name := _name_opening_a_run_on(ent)) is not None:
                add(name, Counter())              # "The Veldra Solo cost SEK 12,990" tagged one facility: the name
                #                                   before the verb the model took in, typed by what is said of it
        for span in _untagged_names(doc, taken, lowercase_words, name_heads):   # names the model missed, typed by
            #                                                                       their context
            votes = context_votes(span)
            if span.root.pos_ == "PROPN" and resolve_market(span.text):
                add(span, Counter(Market=4))             # "2023 - Germany's Lufthansa" read as a percentage
            elif votes.get("Company", 0) < 4 and _city_describing(span):
                continue                                 # "the Jeddah order": a city the model left unlabelled
            elif votes.get("Company", 0) >= 1 or votes.get("Person", 0) >= 1.5 or votes.get("Product", 0) >= 2:
                add(span, Counter())
            elif span.root.dep_ in ("nsubj", "nsubjpass") and (span.root.pos_ == "PROPN" or (
                    span.root.text.isupper() and span.root.is_alpha and 2 <= len(span.root.text) <= 6)):
                add(span, Counter(Company=0.6))          # an unknown name doing something: most often a company
                #                                          ("BYD overtook Tesla": an acronym the tagger calls a noun)
            elif _source_of_according_to(span.root):     # "according to IDC"
                add(span, Counter(Company=1))
            elif _listed_with_companies(span.root):           # "brands (Huawei, Oppo, Vivo and Xiaomi)"
                add(span, Counter(Company=1))
            elif any(c.i in taken for c in span.root.conjuncts):  # "Zentrol or Maxitor": typed with its list
                add(span, Counter())
            else:
                weak.append((p, span))
    known = {m.text.lower() for m in mentions}
    surnames = {m.text.lower().split()[-1] for m in mentions if m.ner == "PERSON" and " " in m.text}
    speakers = {m.text.lower() for m in mentions if " " not in m.text and m.ner != "PERSON"   # quoted names the
                and _speaker_after_quote(paragraphs[m.para].doc[m.start])}                 # model called places
    for p, span in weak:                 # "Steve Ash, from Activcard,": Activcard is named elsewhere
        if not (len(span) == 1 and span.text.lower() in name_heads):     # (a name's first word the tagger called
            span = _clean_span(span)     # an adverb stays); ('"...," Tavares wrote' after "Rafael Tavares")
        doc = paragraphs[p].doc
        if span is not None and len(span) == 1 and span.end < len(doc) and doc[span.end].lower_ in speakers \
                and span[0].dep_ == "compound" and span[0].head.i == span.end:
            span = doc[span.start:span.end + 1]      # "Valentina" and "Roccabruna", two places to the model
        full_name = span is not None and len(span) in (2, 3) and span[-1].lower_ in speakers \
            and all(t.pos_ == "PROPN" and t.is_title for t in span) and resolve_place(span.text) is None
        if span is not None and (span.text.lower() in known or span.text.lower() in name_heads
                                 and (span.root.dep_ in ("nsubj", "nsubjpass", "poss") or _name_before_title(span[-1]))
                                 or len(span) == 1
                                 and span.text.lower() in surnames
                                 and _speaker_after_quote(span[0]) or full_name) \
                and not taken_in[p] & set(range(span.start, span.end)):
            offset = paragraphs[p].offset
            mention = Mention(p, span.start, span.end, span.text, offset + span.start_char, offset + span.end_char)
            mention.votes.update(context_votes(span))
            mention.sited = _placed(span.root) or _sited(span.root)
            if full_name:                # "Valentina Roccabruna" a place to the model, then '"...," Roccabruna said'
                mention.votes["Person"] += 1.5
            mentions.append(mention)
            taken_in[p].update(range(span.start, span.end))
    mentions += _calendar_word_companies(mentions, paragraphs, taken_in)
    mentions = _hyphenated_surnames_joined(mentions, paragraphs)
    mentions.sort(key=lambda m: (m.para, m.start))
    headlines = [is_headline(paragraph.doc) for paragraph in paragraphs]
    for mention in mentions:             # a title-case headline; a line without a sentence's end, of any case
        doc = paragraphs[mention.para].doc
        mention.headline = mention.headline or headlines[mention.para]
        mention.title_line = len(doc) > 0 and doc[-1].text not in {".", "!", "?", '"', "\u201d", "'"}
    _note_coordination(mentions, paragraphs)
    acronyms = _defined_acronyms(mentions, paragraphs)
    capitals = {p for p, paragraph in enumerate(paragraphs) if _in_capitals(paragraph.doc)}
    shouted = {p for p in capitals if len(paragraphs[p].doc) <= 12}
    if shouted != capitals:
        shouted = set()                  # (a wire brief with its sentences in capitals: its names are names)
    named_below = {m.text.lower() for m in mentions if m.para not in shouted}
    kept = []
    for mention in mentions:
        if mention.text.lower() in defined_terms:
            continue
        if mention.para in shouted and mention.text.lower() not in named_below \
                and not resolve_market(mention.text) and not any(
                    name.startswith(mention.text.lower() + " ") for name in named_below):
            continue                     # "HALVATORI KEEPS RINGING THE TILLS": a heading in capitals names what
            #                              the text below names too ("Halvatori"); its other words are no names
        mention.alias_of = acronyms.get(mention.text)
        if _public_body(mention.alias_of or mention.text):
            continue                     # a regulator or ministry is not a company (nor anything else here)
        kept.append(mention)
    return kept


def _hyphenated_surnames_joined(mentions: list[Mention], paragraphs: list[Paragraph]) -> list[Mention]:
    """A person's double surname split by the model into two names: "Callum Devereux-Mbatha" named in full, then
    "Devereux-Mbatha, the head distiller, said" read as "Devereux" and "Mbatha", two firms. The parts joined again,
    a person."""
    surnames = {m.text.split()[-1].lower() for m in mentions if m.ner == "PERSON" and " " in m.text
                and "-" in m.text.split()[-1]}
    if not surnames:
        return mentions
    dropped: set[int] = set()
    joined = []
    for mention in mentions:
        doc = paragraphs[mention.para].doc
        start, end = mention.start, mention.end
        while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
                and not doc[start - 1].whitespace_ and doc[start - 2].is_title:
            start -= 2
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].is_title:
            end += 2
        span = doc[start:end]
        if (start, end) == (mention.start, mention.end) or span.text.lower() not in surnames or id(mention) in dropped:
            continue
        offset = paragraphs[mention.para].offset
        person = Mention(mention.para, start, end, span.text, offset + span.start_char, offset + span.end_char,
                         votes=Counter(Person=3), ner="PERSON")
        dropped.update(id(m) for m in mentions if m.para == mention.para and start <= m.start and m.end <= end)
        joined.append(person)
    return [m for m in mentions if id(m) not in dropped] + joined


def _note_coordination(mentions: list[Mention], paragraphs: list[Paragraph]) -> None:
    at = {(m.para, i): m for m in mentions for i in range(m.start, m.end)}
    for mention in mentions:
        root = paragraphs[mention.para].doc[mention.start:mention.end].root
        mention.coordinated = [other.key for c in root.conjuncts
                               if (other := at.get((mention.para, c.i))) is not None and other is not mention]


def _public_body(name: str) -> bool:
    """A public body's name has its public word as the head: last ("US Senate", "Federal Reserve",
    "Food and Drug Administration") or before "of"/"for" ("Ministry of Finance", "Office for National
    Statistics"). "Federated Department Stores", "Office Depot", "Federal Express" are businesses."""
    if name.lower().removeprefix("the ") in INTERGOVERNMENTAL_BODIES or "central bank" in name.lower():
        return True                     # "the World Bank", "G7", "Central Bank of Liberia"
    words = name.lower().replace("-", " ").split()
    if words[-1] == "agency" and (set(words) & _PUBLIC_AGENCY_WORDS or any(
            resolve_market(f"{w} market") for w in words[:-1] if w[:1].isalpha() and w not in ("the", "of"))):
        return True                     # "Norvik Energy Agency", "the European Space Agency" (not "Kelvo News
        #                                 Agency", "Brightwater Digital Agency")
    return any(word in PUBLIC_BODY_WORDS and (i == len(words) - 1 or words[i + 1] in ("of", "for", "on"))
               for i, word in enumerate(words))


# Words that make an agency a government's: "the Norvik Energy Agency", "the Environmental Protection Agency".
_PUBLIC_AGENCY_WORDS = {"energy", "space", "medicines", "environment", "environmental", "protection", "security",
                        "intelligence", "food", "drug", "drugs", "health", "atomic", "nuclear", "international",
                        "national", "federal", "central", "development", "aid", "standards", "statistics", "revenue",
                        "tax", "customs", "border", "defence", "defense", "aviation", "maritime", "regulatory",
                        "safety", "competition", "trade", "investment", "housing", "employment", "research"}
# Agencies that are businesses: "news agency", "advertising agency", "credit rating agency".
_AGENCY_TRADES = {"news", "press", "advertising", "ad", "media", "rating", "ratings", "credit", "travel", "talent",
                  "recruitment", "marketing", "design", "model", "modelling", "modeling", "photo", "digital"}


def _defined_acronyms(mentions: list[Mention], paragraphs: list[Paragraph]) -> dict[str, str]:
    """'the Food and Drug Administration (FDA)': FDA is another name of the mention before it."""
    acronyms = {}
    for mention in mentions:
        doc = paragraphs[mention.para].doc
        if mention.end + 2 < len(doc) and doc[mention.end].text == "(" and doc[mention.end + 2].text == ")":
            acronym = doc[mention.end + 1].text
            initials = "".join(w[0] for w in mention.text.split() if w[:1].isupper())
            if acronym.isupper() and len(acronym) >= 2 and acronym.replace("&", "") == initials:
                acronyms[acronym] = mention.text
    spelled: dict[str, set[str]] = defaultdict(set)   # "the U.S. Food and Drug Administration" ... "the FDA",
    for mention in mentions:                           # "General Motors" ... "GM": the initials, undefined
        words = [w for w in mention.text.split() if w[:1].isupper()]
        while words and resolve_market(words[0].removesuffix("'s")) is not None:
            words = words[1:]
        if len(words) >= 2 and not mention.text.isupper():
            spelled["".join(w[0] for w in words)].add(mention.text)
    for mention in mentions:
        if mention.text.isupper() and len(mention.text) >= 2 and mention.text not in acronyms \
                and len(spelled.get(mention.text, ())) == 1:
            acronyms[mention.text] = next(iter(spelled[mention.text]))
    return acronyms


def _coordinated_names(span: Span) -> list[Span]:
    """'Celebrex and Bextra' tagged as one organisation in "its Celebrex and Bextra products": a
    coordination of names that modify a plural noun is several names ("Dodge and Jeep brands");
    and a name holds no comma ("Tovalla, Ridely" is two), unless a legal form follows ("Acme, Inc.")."""
    commas = [t.i for t in span[1:-1] if t.text == "," and span.doc[t.i + 1].lower_.rstrip(".") not in _LEGAL]
    if commas:
        bounds = [span.start - 1, *commas, span.end]
        return [span.doc[a + 1:b] for a, b in zip(bounds, bounds[1:]) if b > a + 1]
    after = span.doc[span.end] if span.end < len(span.doc) else None
    while after is not None and after.tag_ == "NN" and after.is_lower and after.dep_ == "compound" \
            and span.end < after.head.i <= span.end + 2:
        after = after.head                # "the Tessandre and Quévrel watch brands"
    if after is None or after.tag_ != "NNS" or after.lemma_.lower() not in PRODUCT_NOUNS | {"brand", "label"}:
        return []
    cut = next((t.i for t in span[1:-1] if t.lower_ == "and" and t.dep_ == "cc"), None)
    if cut is None:
        return []
    return [span.doc[span.start:cut], span.doc[cut + 1:span.end]]


_GOODS = {"electronic", "electronics", "clothing", "clothes", "food", "drink", "goods", "appliance", "cosmetic",
          "toy", "snack", "beverage", "furniture", "apparel", "footwear"}


def _line_of_products(noun: Token) -> bool:
    """'a brand of electronics', 'a range of phones': a product line, not a business."""
    return noun.lemma_.lower() in ("brand", "line", "range", "family", "label") and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.lemma_.lower() in PRODUCT_NOUNS | _GOODS
                                                      for o in c.children if o.dep_ == "pobj")
        for c in noun.children)


_LISTING_PRODUCTS = (PRODUCT_NOUNS | {"name", "brand"}) - COMPANY_NOUNS - _OPERATED_NOUNS


_NAMING_VERBS = {"call", "name", "dub", "brand", "christen", "label"}


def _named_thing(token: Token) -> Token | None:
    """The noun that 'called X' names: 'a service (...) called X', 'launched a phone, called X'."""
    verb = token.head
    if token.dep_ != "oprd" or verb.lemma_.lower() not in _NAMING_VERBS or verb.tag_ != "VBN":
        return None
    if verb.dep_ == "acl":
        noun = verb.head                 # "a brand of electronics called X": the brand, not the electronics
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _line_of_products(noun.head.head):
            return noun.head.head
        return noun
    if verb.dep_ in ("conj", "advcl"):  # the parser hangs a far "called" on the main verb: its object
        return next((c for c in verb.head.children if c.dep_ in ("dobj", "attr")), None)
    return None


UNITS_INCLUDED = frozenset({"studio", "subsidiary", "unit", "division", "affiliate"})   # "whose studios include"
_OWNED_LISTS = _LISTING_PRODUCTS | {"brand", "label", "title", "franchise"} | UNITS_INCLUDED


def included_by(token: Token) -> Token | None:
    """The owned plural noun a name is listed in: "Diageon's brands include Vodkar vodka", "its
    drugs include Zentrol" (the noun, whose possessive names the owner)."""
    if token.dep_ not in ("dobj", "attr") or token.head.lemma_ not in ("include", "be", "comprise"):
        return None
    noun = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if noun is None or noun.tag_ != "NNS" or noun.lemma_.lower() not in _OWNED_LISTS \
            or not any(c.dep_ == "poss" for c in noun.children):
        return None
    return noun


def _units_listed(token: Token) -> bool:
    """'Electrolux's subsidiary brands include AEG', 'whose studios include Halvbrann Studios': businesses, not
    products."""
    noun = included_by(token)
    return noun is not None and (any(c.lemma_.lower() in ("subsidiary", "sister") for c in noun.children)
                                 or noun.lemma_.lower() in UNITS_INCLUDED)


def _listed_as_products(token: Token) -> bool:
    """'brand names such as Celebrex', 'drugs like Vioxx' (however the parser hangs 'such')."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("as", "like"):
        return False
    governor = prep.head
    if governor.lower_ == "such":
        governor = governor.head
    elif prep.lower_ == "as" and not any(c.lower_ == "such" for c in prep.children):
        return False
    return governor.lemma_.lower() in _LISTING_PRODUCTS and governor.tag_ == "NNS"


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


_ORGANISATION_WORDS = frozenset({"foundation", "fund", "exchange", "alliance", "bank", "institute", "association",
                                 "council", "trust", "society", "union", "party", "club", "league", "agency"})
_GOVERNING_BOARDS = frozenset({"management", "supervisory", "executive", "advisory"})


def _after_a_board(span: Span) -> Span:
    """'the Management Board of Komvela' tagged as one organisation: the firm is the name after the board's "of"
    (not "Council of Mortgage Lenders", "Board of Irrigation Users": bodies of their own)."""
    doc = span.doc
    for token in span[2:-1]:
        if token.lower_ == "of" and doc[token.i - 1].lower_ == "board" and doc[token.i - 2].lower_ in _GOVERNING_BOARDS:
            start = token.i + 2 if doc[token.i + 1].lower_ == "the" else token.i + 1
            first = doc[start] if start < span.end else None
            if first is not None and first.pos_ == "PROPN" and first.ent_type_ != "NORP" \
                    and first.lower_ not in ("directors", "governors", "trustees", "management"):
                return doc[start:span.end]
            break                         # ("the Executive Board of Directors": no firm's name after it)
    return span


def _split_at_preposition(span: Span) -> tuple[Span, Span | None]:
    """'Scootr in Europe' tagged as one organisation: the name stops at 'in'/'at'/'from' ('of' and
    '&' stay: 'Bank of America')."""
    for token in span[1:-1]:
        if token.lower_ in ("in", "at", "from", "to", "for", "on") and token.pos_ == "ADP":
            return span.doc[span.start:token.i], span.doc[token.i + 1:span.end]
    return span, None


def _person_of_firm(span: Span) -> tuple[Span, Span | None]:
    """'Marit Hoogkamp of Brinkhoven Research' tagged as one organisation: a two-word name, 'of', and a name ending
    in a trade word or legal form is a person and her firm (not 'Royal Bank of Scotland', 'Bank of America')."""
    words = [t for t in span]
    if len(words) < 4 or words[2].lower_ != "of" or not all(t.text[:1].isupper() and t.is_alpha for t in words[:2]) \
            or any(trade_word(t.lower_) or t.lower_ in _LEGAL | COMPANY_NOUNS for t in words[:2]):
        return span, None
    firm = span.doc[span.start + 3:span.end]
    if not trade_word(firm[-1].lower_) and firm[-1].lower_.rstrip(".") not in _LEGAL or len(firm) < 2 \
            or firm[0].ent_type_ in ("GPE", "LOC", "NORP") or resolve_market(firm[0].text):
        return span, None               # (not "Velmont Pacific of Australia Mining": a unit's name)
    return span.doc[span.start:span.start + 2], firm


def _starts_sentence(token: Token) -> bool:
    return token.is_sent_start or token.i > 0 and token.doc[token.i - 1].is_sent_start and not token.doc[token.i - 1].is_alpha


def _speaker_after_quote(token: Token) -> bool:
    """'"...," Tavares wrote': a capitalised word between a closing quote and a verb of saying is the speaker,
    whatever the tagger made of its "-s"."""
    doc = token.doc
    return token.text[:1].isupper() and token.is_alpha and 0 < token.i < len(doc) - 1 \
        and doc[token.i - 1].tag_ == "''" and doc[token.i + 1].lemma_.lower() in SPEECH_VERBS


def _described_by_apposition(token: Token) -> bool:
    """A capitalised word with a description set off after it, "Orvendi, the South Korean service, ...": a name,
    whatever its "-s" made the tagger think (not "Shares rose")."""
    return token.i + 1 < len(token.doc) and token.nbor().text == "," and any(
        c.dep_ == "appos" and c.pos_ == "NOUN" for c in token.children)


def _untagged_names(doc: Doc, taken: set[int], lowercase_words: set[str], name_heads: frozenset[str] = frozenset()
                    ) -> list[Span]:
    """Runs of proper nouns (or capitalised nouns) that the model gave no label. A capitalised word
    that starts a sentence and is written in lower case elsewhere ("Smartphone giants ...") or is a
    plural common noun ("Shares in ...") is a common word."""
    spans, start = [], None
    tokens = list(doc)
    headline = is_headline(doc)
    for token in [*tokens, None]:
        if token is not None and start is not None and token.text == "-" and not token.whitespace_ \
                and not tokens[token.i - 1].whitespace_ and token.i + 1 < len(doc) \
                and tokens[token.i + 1].text[:1].isupper():
            continue                     # "T-Mobile": a hyphen inside a name
        name_like = token is not None and token.i not in taken and _unlabelled(token) and (
            token.tag_ in ("NNP", "NNPS") or token.tag_ in ("NN", "NNS", "JJ") and _INNER_CAPITAL.match(token.text)
            or token.tag_ in ("NN", "NNS") and token.text[:1].isupper()
            and not (_starts_sentence(token) and (token.lower_ in lowercase_words
                                                  or token.tag_ == "NNS" and not _described_by_apposition(token)))
            or _mistagged_list_name(token) or _name_before_title(token) or _speaker_after_quote(token)
            or not headline and _capitalised_word_before_a_name(token)
            or token.lower_ in name_heads and token.is_title and token.dep_ in ("nsubj", "nsubjpass", "poss")
            #                     ("Tsurumaki on Monday reported ...", tagged an adverb, after "Tsurumaki Electron")
            or start is not None and tokens[token.i - 1].text == "-" and token.is_title and token.is_alpha)
        #                         ("Laurent Desvignes-Amstutz": the part after the hyphen tagged an adjective)
        if name_like and start is None:
            start = token.i
        elif not name_like and start is not None:
            spans.append(doc[start:token.i if token is not None else len(doc)])
            start = None
    spans = [doc[span.start:cut] for span in spans if (cut := _before_trailing_title(doc, span.start, span.end))
             > span.start]
    return [span for span in spans if span.text.lower() not in _NOT_NAMES
            and not _common_word_opening_sentence(span, lowercase_words)]


_SLASHED_LEGAL_FORMS = {"a/s", "k/s", "s/a"}      # Nordic and Latin legal forms written with a slash


_SPACED_LEGAL_FORMS = {form.replace(" ", "") for form in SPACED_LEGAL_FORMS}   # "Sp. z o.o." -> "spzoo"


def _spaced_legal_form(doc: Doc, i: int) -> int | None:
    """Where a legal form written as several words ("Sp. z o.o.", "S.A. de C.V.", "S. de R.L. de C.V.") starting at
    token i ends, if one does (the longest form that fits)."""
    if i >= len(doc) or doc[i].lower_.replace(".", "") not in ("sp", "s", "sa"):
        return None
    letters, end = "", None
    for k in range(i, min(i + 10, len(doc))):
        letters += doc[k].lower_.replace(".", "")
        if letters in _SPACED_LEGAL_FORMS and not (k + 1 < len(doc) and doc[k + 1].text == "." and doc[k].text != "."):
            end = k + 1
        if not any(form.startswith(letters) for form in _SPACED_LEGAL_FORMS):
            break
    return end


def legal_form_after(doc: Doc, end: int) -> int:
    """Where a legal form written after a name that leaves it out ends ("Caldrionex Therapeutics A/S", the name
    without "A/S"): the parser may hang the name on the form's last word."""
    start = end
    while end < len(doc) and end - start < 3 and (_in_slashed_legal_form(doc, end) or _legal_form(doc[end])):
        end += 1
    return end


def _in_slashed_legal_form(doc: Doc, i: int) -> bool:
    """The token is part of a slashed legal form ("A/S", tokenised "A", "/", "S")."""
    for first in (i - 2, i - 1, i):
        if 0 <= first and first + 2 < len(doc) and doc[first + 1].text == "/" \
                and not doc[first].whitespace_ and not doc[first + 1].whitespace_ \
                and doc[first:first + 3].text.lower() in _SLASHED_LEGAL_FORMS:
            return True
    return False


def _before_trailing_title(doc: Doc, start: int, end: int) -> int:
    """Where a name ends when a capitalised title follows it in one run of proper nouns, right before a person's
    name: "Kelvo Systems Chief Commercial Officer Maria Chen" -> "Kelvo Systems" (not "Kelvo Password Manager",
    "General Motors", "Foreign Secretary": no person follows, or an office with no company before it)."""
    person = end                        # the title may run on past the span: "Kelvo Systems Chief Commercial" +
    while person < len(doc) and doc[person].lower_.replace(".", "") in EXECUTIVE_TITLES | _TITLE_WORDS:  # "Officer"
        person += 1
    head = doc[person - 1].lower_.replace(".", "") if person > start else ""
    if person >= len(doc) or doc[person].ent_type_ != "PERSON" \
            or head not in EXECUTIVE_TITLES - _NAME_WORD_TITLES - PUBLIC_OFFICES:
        return end
    for k in range(start, end):         # the title begins at its first title word: "Chief", "Executive Vice"
        #                                 (the whole run when it is only the title: "Chief Commercial (Officer)")
        if doc[k].lower_ in _TITLE_WORDS | EXECUTIVE_TITLES and all(t.text[:1].isupper() for t in doc[k:person]):
            return k
    return end


def _after_leading_title(doc: Doc, start: int, end: int) -> int:
    """Where a person's name begins after a capitalised title in one run: "Chief Executive Lukas Brenner" -> "Lukas
    Brenner" (not "General Motors", "Managing Partners Capital": no person's name follows)."""
    k = start
    while k < end and doc[k].text[:1].isupper() and doc[k].lower_.replace(".", "") in _TITLE_WORDS | EXECUTIVE_TITLES:
        k += 1
    rest = doc[k:end]
    if start < k and doc[k - 1].lower_.replace(".", "") in EXECUTIVE_TITLES - _NAME_WORD_TITLES - PUBLIC_OFFICES \
            | {"executive"} and (len(rest) > 1 or rest and rest[0].ent_type_ == "PERSON") \
            and all(t.is_alpha and t.text[:1].isupper() and not trade_word(t.lower_) and t.lower_ not in _LEGAL
                    for t in rest):
        return k
    return start


def _capitalised_word_before_a_name(token: Token) -> bool:
    """A capitalised verb or adjective inside a sentence right before a proper noun begins the name: "Neither
    Ask Jeeves nor ..." (the model reads "Ask" as a verb); not at a sentence's or a quotation's start."""
    doc = token.doc
    return token.text[:1].isupper() and token.tag_ in ("VB", "VBP", "VBZ", "VBD", "VBG", "JJ") \
        and not _starts_sentence(token) and token.i + 1 < len(doc) and doc[token.i + 1].tag_ in ("NNP", "NNPS") \
        and doc[token.i - 1].text not in ('"', ":", "(", "-", "\u2013", "\u2014") and token.ent_type_ not in ("NORP", "GPE")


def _untagged_name_words_before(ent: Span) -> int:
    """Where a one-word name starts when the model left out two or more capitalised proper nouns compounded onto it
    ("Morvatto Máquinas Agrícolas"): not titles, trades, places or countries; the name's own start otherwise."""
    doc, start = ent.doc, ent.start
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].ent_type_ == "" \
            and doc[start - 1].dep_ == "compound" and start - 1 < doc[start - 1].head.i < ent.end \
            and doc[start - 1].is_title and doc[start - 1].is_alpha \
            and doc[start - 1].lower_ not in TITLES | _TITLE_WORDS | INDUSTRY_WORDS | COMPANY_NOUNS | _NOT_NAMES \
            and resolve_place(doc[start - 1].text) is None and resolve_market(doc[start - 1].text) is None:
        start -= 1
    return start if len(ent) == 1 and ent.start - start >= 2 else ent.start


def _name_word_left_out(ent: Span) -> bool:
    """The model's place, no place we know, hangs on the untagged proper noun after it: "Grüntakt Verkehrsbetriebe"
    (not "Paris Metro", a known place; nor "Kelvo Director Ann Lee", a title)."""
    doc = ent.doc
    if ent.end >= len(doc) or ent.root.dep_ != "compound" or ent.root.head.i != ent.end:
        return False
    after = doc[ent.end]
    return after.pos_ == "PROPN" and after.ent_type_ == "" and after.is_alpha and after.text[:1].isupper() \
        and after.lower_ not in _TITLE_WORDS | EXECUTIVE_TITLES | _NOT_NAMES \
        and resolve_place(ent.text) is None and resolve_market(ent.text) is None


def _legal_form(token: Token) -> bool:
    """'K.K.', 'GmbH', 'Ltd', 'A.Ş.', 's.r.o.': a company's legal form, written as one (in small letters only with
    its dots: not "sl" or "co"). Forms that are also names or model words count only as their countries write them:
    "S.L." (not the car's "SL"), "d.o.o." (not "Ana Doo"), "UAB" or "Kft." (not "Ines Uab")."""
    form = token.text.replace(".", "").lower()
    if form not in _LEGAL_FORMS:
        return False
    dotted = "." in token.text or not token.whitespace_ and token.i + 1 < len(token.doc) \
        and token.doc[token.i + 1].text == "."              # ("Kft." read as "Kft" and a full stop)
    if form in _DOTTED_LEGAL_FORMS:          # (or after a name in capitals: "LUZARENA ENERGIA ESPANA SL")
        return dotted or token.text.isupper() and token.i > 0 and token.doc[token.i - 1].is_upper \
            and token.doc[token.i - 1].is_alpha and len(token.doc[token.i - 1]) > 1
    if form in _CAPITALISED_LEGAL_FORMS:
        return dotted or token.text.isupper()
    return not token.is_lower or "." in token.text[1:-1]


_DOTTED_LEGAL_FORMS = frozenset({"sl", "slu", "sae", "sab", "doo", "lda", "pvt", "sro", "aş"})
_CAPITALISED_LEGAL_FORMS = frozenset({"kft", "zrt", "nyrt", "jsc", "pjsc", "ojsc", "uab", "ehf"})


def _country_closing_a_name(ent: Span) -> bool:
    """The model's organisation followed by a country its name hangs on, the head of a noun phrase: "Patinetra
    México" in "a new unit, Patinetra México, was set up" (not "Kelvo China sales", nor "Kelvo in Mexico")."""
    doc = ent.doc
    if ent.end >= len(doc):
        return False
    country = doc[ent.end]
    return ent[-1].dep_ == "compound" and ent[-1].head == country and country.pos_ == "PROPN" \
        and country.dep_ in ("appos", "nsubj", "nsubjpass", "dobj", "pobj") and country.text[:1].isupper() \
        and resolve_market(country.text) is not None


def _kind_of_firms(span: Span) -> bool:
    """'Technology firms Sony and Philips', 'Mining companies ...': a sector word opening a sentence before a
    plural company noun is the kind of firm, not a name."""
    doc = span.doc
    if len(span) != 1 or not _starts_sentence(span[0]) or span.end >= len(doc):
        return False
    kind = doc[span.end]
    return kind.lemma_.lower() in COMPANY_NOUNS and kind.is_lower and (
        kind.tag_ == "NNS" or kind.dep_ == "compound" and kind.head.i > kind.i and kind.head.is_lower
        and kind.head.pos_ == "NOUN" and not span[0].ent_type_)   # "Movie studio efforts to stop ...": a kind of
    #                                                               firm's efforts (not "Kelvo Group shares")


# Plural nouns (of people, or numbers) that open sentences and that the model sometimes calls firms ("Shoppers can
# ...", "Millions of workers ...").
_PLURAL_OPENERS = frozenset({"million", "billion", "thousand", "hundred", "dozen", "shopper", "consumer", "customer",
                             "investor", "analyst", "traveller", "traveler", "passenger", "driver", "user", "buyer",
                             "seller", "worker", "employee", "resident",
                             "voter", "patient", "doctor", "farmer", "viewer", "listener", "fan", "gamer", "parent",
                             "student", "teacher", "official", "economist", "expert", "critic", "executive", "trader",
                             "banker", "lawyer", "regulator", "borrower", "saver", "homeowner", "subscriber",
                             "motorist", "diner", "guest", "holidaymaker", "tourist", "reader", "owner", "member"})


def _common_word_opening_sentence(span: Span, lowercase_words: set[str]) -> bool:
    """One capitalised word opening a sentence that the text also writes in lower case is that common
    word ("Use of games ...", "House prices rose", '"Games teach skills," ...'), or a plural common noun
    the model called a firm ("Shoppers can sign up ...", "Millions of ..."), not a name."""
    return len(span) == 1 and span[0].is_alpha and _starts_sentence(span[0]) and (
        span[0].lower_ in lowercase_words or _kind_of_firms(span) or span[0].lower_ in METRIC_WORDS  # ("Revenue
        #                                                                                   slipped 4%")
        or span[0].tag_ == "NNS" and span[0].lemma_.lower() in _PLURAL_OPENERS) \
        and not span[0].text.isupper()          # (not "Latinohiphopradio.com", a name written in lower case)


def _explained_as_product(doc: Doc, i: int) -> bool:
    """From token i: a company's possessive, a few modifiers, then a product noun ("Biogen Idec's existing
    multiple sclerosis drug")."""
    for j in range(i, min(i + 4, len(doc))):
        if doc[j].tag_ == "POS":
            for k in range(j + 1, min(j + 6, len(doc))):
                if doc[k].lemma_.lower() in PRODUCT_ONLY_NOUNS and doc[k].pos_ == "NOUN":
                    return k + 1 == len(doc) or doc[k + 1].is_punct or doc[k + 1].pos_ not in ("NOUN", "PROPN")
                if not (doc[k].pos_ in ("ADJ", "NOUN", "VERB") and doc[k].is_lower):
                    return False
            return False
        if not doc[j].text[:1].isupper():
            return False
    return False


def _city_without_company_cue(span: Span) -> bool:
    """One word that names a large city, labelled an organisation with nothing around it that says
    company: the city ("trialled in schools in Bristol"). "Toyota recalled cars" has a cue."""
    if not all(t.is_alpha or t.text == "-" for t in span):
        return False
    place = resolve_place(span.text)         # of several words, by its own name ("Cluj-Napoca", "Buenos Aires")
    if place is None or len(span) > 1 and place_key(place.name) != place_key(span.text):
        return False
    root = span.root                             # a smaller one where the text places something: "based in
    placed = root.dep_ == "pobj" and (root.head.lower_ in ("near", "outside")          # Eindhoven", "near Siena"
                                      or root.head.lower_ == "in" and root.head.head.lower_ in _PLACED)
    return (place.population >= 250_000 or placed) and not context_votes(span).get("Company", 0) > 0 \
        and not _listed_with_companies(root)           # "surveys from Nationwide and Halifax"


_PLACED = {"based", "headquartered", "located", "founded", "born", "plant", "factory", "office", "offices", "store",
           "stores", "hotel", "hotels", "branch", "branches", "headquarters", "campus", "site"}


def _name_before_title(token: Token) -> bool:
    """A capitalised word the tagger took for an adjective right before a company title: "Tesla chief
    executive Elon Musk" (not "Chinese chief executives", a nationality)."""
    doc = token.doc
    return token.tag_ in ("JJ", "NNP") and token.is_alpha and token.text[:1].isupper() and not token.text.isupper() \
        and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _TITLES_AFTER_A_FIRM \
        and resolve_market(f"{token.text} market") is None


_TITLES_AFTER_A_FIRM = frozenset({"chief", "ceo", "founder", "chairman", "president", "managing", "cfo", "coo"})


# Plural nouns of buyers and places to sell in: "to American hospitals", "in 11 European countries".
_BUYER_NOUNS = frozenset({"country", "city", "customer", "consumer", "shopper", "buyer", "user", "hospital", "clinic",
                          "department", "store", "shop", "supermarket", "retailer", "airport", "home", "household",
                          "driver", "farmer", "school", "pharmacy", "dealer", "dealership", "patient", "gamer",
                          "subscriber", "client", "member", "viewer", "passenger", "player"})


def _nationality_of_buyers(ent: Span) -> bool:
    """A nationality on the plural buyers or places something is sold to or in, or on a firm's buyers counted ("has
    900,000 Irish users"): there is its market."""
    noun = ent.root.head
    return len(ent) == 1 and ent.root.dep_ == "amod" and noun.tag_ == "NNS" \
        and noun.lemma_.lower() in _BUYER_NOUNS and (
            noun.dep_ == "pobj" and noun.head.lower_ in ("in", "to", "across", "throughout")
            or noun.dep_ == "dobj" and noun.head.lemma_ in COUNTED_CUSTOMERS_VERBS
            and any(c.dep_ == "nummod" for c in noun.children)) \
        and resolve_market(f"{ent.text} market") is not None


def _nationality_of_a_new_site(ent: Span) -> bool:
    """A nationality on a store or site a company opens: "opened its first Norwegian store", "will build a Polish
    plant", "opened its first 12 South African stores" (there is its market; not "the Norwegian group", nor "closed
    its Polish plant")."""
    noun = ent.root.head
    verb = noun.head
    market = resolve_market(f"{ent.text} market")
    placed = {country_of(o) for t in (noun, verb) for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
              for o in c.children if o.ent_type_ in ("GPE", "LOC")} - {None}
    return ent.root.i == ent.end - 1 and ent.root.dep_ in ("amod", "compound") and market is not None \
        and noun.lemma_.lower() in STORE_NOUNS | SITE_NOUNS - _STYLED_SITES \
        and noun.dep_ == "dobj" and verb.lemma_ in OPENING_VERBS and placed <= {market.code} \
        and not any(c.lower_ in ("more", "additional", "another", "further") for c in noun.children)
    #           (not "plans 25 more Polish sites": there already; nor "a Japanese shop in London": a style there)


# Firm nouns that also name a platform a firm runs: "Pasarnila, Indonesia's online marketplace" is a firm, "Kelvo
# Pay, an e-wallet" that Kelvo Group launched its product.
_PLATFORM_NOUNS = frozenset({"marketplace", "marketplaces", "e-wallet", "e-wallets"})
_STYLED_SITES = frozenset({"restaurant", "restaurants", "hotel", "hotels", "flagship", "bar", "cafe", "café"})


def _market_word_after(doc: Doc, i: int) -> int | None:
    """The index of "market" right after a nationality, over up to three lowercase words of what is sold
    there ("Irish mobile phone market"), or None."""
    for j in range(i, min(i + 4, len(doc))):
        if doc[j].lower_ in ("market", "marketplace"):
            return j
        if not (doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ", "PROPN")):
            return None
    return None


def _calendar_word_companies(mentions: list[Mention], paragraphs: list[Paragraph],
                             taken_in: dict[int, set[int]]) -> list[Mention]:
    """'May's chairman' after 'May Department Stores': a company whose first word is a month or a day,
    written alone with a possessive (a month's possessive is rare: "May's figures" stays a date
    unless the text names such a company)."""
    firsts = {m.text.split()[0].lower() for m in mentions if len(m.text.split()) > 1
              and m.text.split()[-1].lower() in INDUSTRY_WORDS and m.text.split()[0].lower() in _CALENDAR}
    found = []
    for p, paragraph in enumerate(paragraphs) if firsts else []:
        doc = paragraph.doc
        for token in doc:
            if token.lower_ in firsts and token.text[:1].isupper() and token.i + 1 < len(doc) \
                    and doc[token.i + 1].tag_ == "POS" and token.i not in taken_in.get(p, set()):
                mention = Mention(p, token.i, token.i + 1, token.text, paragraph.offset + token.idx,
                                  paragraph.offset + token.idx + len(token))
                mention.votes.update(Company=2)
                found.append(mention)
    return found


def _mistagged_list_name(token: Token) -> bool:
    """A capitalised word the tagger took for an adverb or adjective where a list of names stands:
    "carmakers such as Geely and BYD" (Geely as RB), "X and Qorvo" (a conjunct of a proper noun)."""
    if not (token.is_alpha and token.text[:1].isupper() and not token.text.isupper() and not _starts_sentence(token)
            and token.tag_ in ("RB", "JJ", "VB", "VBN", "VBG", "VBD", "VBZ", "VBP", "IN")):
        return False
    listed = token.dep_ in ("pobj", "pcomp") and token.head.lower_ in ("as", "like", "including")
    coordinated = any(t.tag_ in ("NNP", "NNPS") for t in [*token.conjuncts])
    return listed and coordinated or token.dep_ == "conj" and token.head.tag_ in ("NNP", "NNPS")


_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
             "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "christmas",
             "easter", "q1", "q2", "q3", "q4"}


# Last words of a name that make "<Company>'s <name>" a unit rather than a product: the unit words, and the
# words of divisions, labs and telecoms or finance arms.
_UNIT_NAME_WORDS = UNIT_NAME_WORDS | {"division", "unit", "laboratories", "laboratory", "labs", "institute", "centre",
                                      "center", "mobile", "wireless", "broadband", "cable", "telecom", "finance",
                                      "leasing", "capital", "ventures", "records", "films"}
_NAME_PARTICLES = {"van", "von", "de", "den", "der", "da", "di", "du", "le", "la", "dos", "das", "del", "ter", "bin",
                   "ibn"}
_BODY_WORDS = {"association", "society", "council", "federation", "union", "club", "fund", "consortium", "guild",
               "alliance", "chamber", "league", "inc.", "bank"}
_TIME_WORDS = _CALENDAR | {"fiscal", "financial", "year", "years", "spring", "summer", "autumn", "fall", "winter",
                           "week", "weekend", "quarter", "half", "h1", "h2", "fy", "christmas", "new", "ramadan",
                           "diwali", "thanksgiving", "easter", "olympics", "world", "cup", "games", "expo"}


def _unlabelled(token: Token) -> bool:
    """No label, or a date/number label on a word that is plainly no date ("Skyrune" as DATE)."""
    if not token.ent_type_ or token.ent_type_ in ("WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"):
        return True              # labels the small model hands out to names it does not know
    return token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY") \
        and token.pos_ == "PROPN" \
        and token.lower_ not in _CALENDAR and not any(c.isdigit() for c in token.text)


def _listed_with_companies(token: Token) -> bool:
    """A name in a list with an organisation, or in a list that explains a company noun."""
    members, top = [token], token
    while top.dep_ in ("conj", "appos") and top.head != top and len(members) < 12:
        top = top.head
        members.append(top)
    members += [t for m in list(members) for t in m.children if t.dep_ in ("conj", "appos")]
    if any(m.ent_type_ == "ORG" and (not _place_name(m.text) or context_votes(m.doc[m.i:m.i + 1]).get("Company", 0) > 0)
           for m in members if m != token):
        return True         # (not another city the model took for one: "flights to Casablanca and Marrakech")
    return top.lemma_.lower() in COMPANY_NOUNS and top.pos_ == "NOUN"


def _dateline_place(span: Span) -> bool:
    """'OSLO, March 14, 2025 -', 'LONDON (Newswire) -', 'SAN JOSE, California (Newswire) -': the place and the
    wire of a dateline, not parties to the news."""
    doc = span.doc
    if span.start <= 1 and span.text.isupper() and span.end < len(doc) and doc[span.end].text == "," \
            and any(t.ent_type_ == "DATE" for t in doc[span.end + 1:span.end + 5]):
        return True
    return span.end <= _dateline_end(doc)


def _dateline_end(doc: Doc) -> int:
    """Where a paragraph's wire dateline ends (its dash), or 0: a place in capitals opening the paragraph
    ("LONDON", "SAN JOSE"), then only commas, places, dates and a bracketed or slashed wire before the dash
    (not "IBM Chief Executive Ann Roe - who joined in 2020 - said")."""
    first = 0
    while first < len(doc) and doc[first].text.isupper() and doc[first].is_alpha:
        first += 1
    if first == 0 or len(doc) < first + 3 \
            or not (_place_name(doc[:first].text.title()) or _before_its_country(doc, first)):
        return 0
    wire = False
    for i in range(first, min(first + 14, len(doc))):
        token = doc[i]
        if token.text in ("\u2014", "\u2013", "-", "--") and token.whitespace_:
            return i
        if token.text in ("(", "/"):
            wire = True
        elif token.text in (")",):
            wire = False
        elif not (wire or token.is_punct or token.ent_type_ in ("DATE", "GPE") or token.like_num
                  or token.lower_ == "and" or token.lower_.rstrip(".") in _CALENDAR
                  or token.text[:1].isupper() and _place_name(token.text)
                  or token.text.isupper() and token.is_alpha and _place_name(token.text.title())):
            return 0                    # ("KUALA LUMPUR, Oct 7 -": a month the model did not call a date; "ZUG,
            #                             Switzerland, and OSAKA, Japan, Jan 22 -": two places)
    return 0



def _made_by_a_name(noun: Token) -> bool:
    """A noun a named maker launched, makes or sells: "the elevator that Sorvanto launched in March", "a drink which
    Kelvo sells" (not "the firm that Kelvo bought")."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() not in COMPANY_OR_UNIT_NOUNS | PERSON_NOUNS | TITLES and any(
        clause.dep_ == "relcl" and clause.lemma_ in LAUNCH_VERBS | PRODUCE_VERBS | {"sell", "develop", "design"}
        and any(o.dep_ == "dobj" and o.lower_ in ("that", "which") for o in clause.children)
        and any(s.dep_ == "nsubj" and s.pos_ == "PROPN" for s in clause.children)
        for clause in noun.children)


def _priced_like_goods(cost: Token) -> bool:
    """'cost SEK 12,990 in Sweden': a price of under a million, paid by nobody named, for nothing to be done, and not a
    share's ("Brexa cost $2 billion", "would cost Dravos $3bn", "cost investors $500 a share", "cost £450,000 to
    refurbish")."""
    doc = cost.doc
    after = doc[cost.i + 1:cost.right_edge.i + 1].text if cost.i + 1 < len(doc) else ""
    amounts = find_money(after)
    return bool(amounts) and amounts[0][2] < 1_000_000 and not re.search(r"\b(?:a|per) share\b", after) \
        and not any(c.dep_ in ("dative", "dobj") and not c.like_num and not mentions_money(f"{c.text} 1")
                    and not mentions_money(doc[c.left_edge.i:c.right_edge.i + 1].text) for c in cost.children) \
        and not any(c.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in c.children) for c in cost.children)


_RANGE_NOUNS = frozenset({"range", "line", "lineup", "family", "series", "portfolio", "collection"})
_CUSTOMER_WORDS = frozenset({"customer", "client", "airline", "buyer", "carrier", "operator", "partner"})


def _goods_named_before(obj: Token) -> bool:
    """A name set off by a comma right after an object that is a kind of goods in the plural ("covers both models in
    the range, the Veldra Solo and ..."), however the parser hung the name."""
    doc = obj.doc
    comma = obj.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return False
    token = doc[comma - 1]
    if token.dep_ == "pobj" and token.lemma_.lower() in _RANGE_NOUNS and token.head.lower_ in ("in", "of"):
        token = token.head.head           # "both models in the range": the kind of goods the range is of
    return token.dep_ == "dobj" and token.tag_ == "NNS" and token.lemma_.lower() in PRODUCT_NOUNS \
        and token.lemma_.lower() not in _CUSTOMER_WORDS   # (not "for two airlines, Dunkarra Air and Pellwick")


def _name_opening_a_run_on(ent: Span) -> Span | None:
    """The capitalised name a run-on label opens with, up to its first lower-case word: "The Veldra Solo | cost SEK"."""
    doc = ent.doc
    start = ent.start + (doc[ent.start].lower_ == "the")
    end = start
    while end < ent.end and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        end += 1
    return doc[start:end] if start < end < ent.end and doc[end].is_lower else None


def _before_its_country(doc: Doc, comma: int) -> bool:
    """'LUCERNE, Switzerland, and RIYADH, Saudi Arabia, May 14 -': a town the gazetteer may not know, named as
    datelines name places, with its country after a comma."""
    return doc[comma].text == "," and any((country := resolve_market(doc[comma + 1:end].text)) is not None
                                          and country.kind == "country"
                                          for end in range(comma + 2, min(comma + 4, len(doc)) + 1))


def _place_name(text: str) -> bool:
    return resolve_place(text) is not None or resolve_market(text) is not None


def _is_channel(token: Token) -> bool:
    """'posted on Weibo', 'wrote on LinkedIn': a platform something was said on, not a party."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_ in SPEECH_VERBS | {"post", "share"}


def _names_a_programme(span: Span) -> bool:
    """'the BBC's Go Digital programme', 'its Money Talk show': a broadcast's title a broadcaster owns, not a party
    (but "the BBC World Service programme Go Digital": the broadcaster)."""
    root, doc = span.root, span.doc
    start = span.start
    while start > 0 and doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i <= root.head.i \
            and doc[start - 1].text[:1].isupper():
        start -= 1                        # ("Go" of "Go Digital", tagged apart)
    owned = start > 0 and (doc[start - 1].tag_ == "POS" or doc[start - 1].lower_ in ("its", "their"))
    return owned and root.dep_ == "compound" and root.head.lemma_.lower() in ("programme", "show", "podcast") \
        and root.head.i == span.end and root.head.is_lower


def _source_of_according_to(token: Token) -> bool:
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


# Verbs of saying that a company does as often as a person: "Novo Nordisk reported net profit of ...".
_REPORTING_VERBS = {"report", "announce", "post", "forecast", "estimate", "show", "find", "indicate", "reveal",
                    "confirm", "deny", "state", "declare"}

_USE_VERBS = {"play", "download", "install", "uninstall", "run", "upgrade", "stream"}
_USER_NOUNS = {"user", "owner", "player", "gamer"}
# What "called X" names besides product nouns: "a web-based tool called Edgemap", "a technology called XDR".
_NAMED_PRODUCT_KINDS = {"tool", "technology", "application", "format", "title", "feature"}
# Participles whose agent makes the thing they follow: "ArtGarden, developed by BT's research unit".
MADE_BY_VERBS = frozenset({"develop", "design", "make", "manufacture", "produce", "build", "invent", "brew",
                           "launch", "introduce", "unveil", "release"})
_CHANNEL_NOUNS = _OPERATED_NOUNS | {"site", "website", "portal", "app", "browser"}
_NAMED_GOODS_NOUNS = PRODUCT_NOUNS - _CHANNEL_NOUNS     # what a product may be called, not where words are said
_GOODS_ONLY_NOUNS = PRODUCT_ONLY_NOUNS - _CHANNEL_NOUNS  # ... and never a firm
_OVERSIGHT_NOUNS = {"regulator", "watchdog", "ministry", "regulators", "watchdogs"}
_EPONYM_NOUNS = {"disease", "syndrome", "law", "theorem", "principle", "paradox", "effect"}


_FOUNDING = {"found", "co-found", "cofound"}


def _title_at_a_firm(noun: Token) -> bool:
    """A word that is a person's title as well as a kind of firm, compounded to a firm's name: "Ketterwood partner",
    "Velmont designer" (not "US partner", "its licensing partner", "Kelvo's partner", a firm as often as not)."""
    return noun.lemma_.lower() in _TITLED_FIRM_NOUNS and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and not _place_name(c.text) for c in noun.children)


# Kinds of goods that end a product's name and hardly ever a firm's: "the Zirel Watch", "Kelvo Phone", "Xiaomi Open
# Platform" (unlike "Aircraft", "Software", "Devices", "Foods").
_KINDS_ENDING_PRODUCT_NAMES = frozenset({
    "watch", "phone", "smartphone", "smartwatch", "tablet", "laptop", "notebook", "earbuds", "headphones", "console",
    "handheld", "drone", "scooter", "speaker", "router", "tv", "television", "app", "browser", "game", "sedan", "suv",
    "hatchback", "coupe", "minivan", "serum", "lipstick", "perfume", "shampoo", "inhaler", "stent", "platform", "blend"})
# Drinks whose kind closes a brand's name and never a firm's (a distiller is "... Distillery", "... Spirits"), whatever
# the model tagged it: "Quenmarra Gin", "Tolberrin Single Malt".
_DEAL_MAKING_VERBS = frozenset({"agree", "buy", "acquire", "sign", "announce", "hire", "appoint", "name", "plan"})
_DRINKS_ENDING_BRAND_NAMES = frozenset({"gin", "vodka", "whisky", "whiskey", "rum", "malt", "tequila", "mezcal", "lager",
                                        "cider", "bourbon", "liqueur", "prosecco"})   # (not "stout", "ale": surnames,
#                                                                                     "Campaign for Real Ale")


def _site_listed_after_colon(span: Span) -> bool:
    """A name placed "in" somewhere in a list after a colon that follows a kind of site: "three mines: Lomas Pardas in
    northern Chile, Cerro Pallqa in southern Peru"."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "in":
        return False
    colon = next((t for t in reversed(doc[span.sent.start:span.start]) if t.text == ":"), None)
    return colon is not None and colon.i > span.sent.start and sites_before_colon(doc[colon.i - 1])


# Verbs of running sites: "runs three mines: ...".
_RUNNING_SITE_VERBS = frozenset({"run", "operate", "own", "have", "manage"})


def sites_before_colon(sites: Token) -> bool:
    """A kind of site a firm runs, right before a colon that lists them: "Calderant runs three mines:" (not "closed
    its last two plants:", "will build two plants:", "picked two suppliers for its new plant:")."""
    verb = sites.head
    return sites.lemma_.lower() in SITE_NOUNS | STORE_NOUNS and sites.pos_ == "NOUN" and sites.dep_ == "dobj" \
        and verb.lemma_ in _RUNNING_SITE_VERBS and not any(
            c.dep_ in ("aux", "neg") and c.lower_ in ("will", "would", "could", "may", "might", "not", "n't", "never")
            for c in verb.children)


# The endings of medicines' generic names (WHO's international nonproprietary name stems), lower case.
_GENERIC_DRUG_NAME = re.compile(r"^[a-z]{4,}(mab|nib|tide|vir|stat|pril|sartan|olol|azole|cillin|mycin|gliptin|"
                                r"parin|cept|lukast|oxacin|semide|dipine|tidine|prazole|platin|taxel|rubicin)$")


def _generic_name_after(span: Span) -> bool:
    """A medicine's generic name in brackets after its brand: "Quenvelia (tesdorimab)", "Pramlix® (tesvorimab-kzbn)"."""
    doc, i = span.doc, span.end
    if i < len(doc) and (doc[i].text in ("®", "™") or doc[i].is_space):
        i += 1                          # (the marks, or the space the text's cleaning left of them)
    return i + 2 < len(doc) and doc[i].text == "(" and _GENERIC_DRUG_NAME.search(doc[i + 1].text) is not None \
        and any(t.text == ")" for t in doc[i + 2:i + 6])


def _table_header_cell(span: Span) -> bool | None:
    """For a whole cell, past the first, of a table's header row whose first column lists markets (see tables.py):
    whether the header's names share their first word (one brand's plans), else None."""
    cells = span.doc.user_data.get("kg_cells")     # (once a paragraph: spaCy joins a Doc's text anew each time)
    if cells is None:
        cells = span.doc.user_data["kg_cells"] = [cell.strip() for cell in span.doc.text.split(TABLE_CELL_SEPARATOR)]
    if len(cells) < 2 or cells[0].lower() not in MARKET_COLUMNS or span.start_char <= len(cells[0]) \
            or span.text not in cells[1:]:
        return None
    return len({cell.split()[0].lower() for cell in cells[1:]}) == 1 and all(" " in cell for cell in cells[1:])


def _best_seller(noun: Token) -> bool:
    """'best-seller', 'bestseller', 'best-selling snack': what sells best is a product."""
    doc = noun.doc
    if noun.lower_ in ("bestseller", "bestsellers", "best-seller", "best-sellers"):
        return True
    if noun.lower_ in ("seller", "sellers") and noun.i >= 2 and doc[noun.i - 1].text == "-" \
            and doc[noun.i - 2].lower_ == "best":
        return True
    return any(c.dep_ == "amod" and (c.lower_ == "best-selling" or c.lower_ == "selling" and c.i >= 2
                                     and doc[c.i - 1].text == "-" and doc[c.i - 2].lower_ == "best")
               for c in noun.children)


def _goods_named_like_a_trade(span: Span) -> bool:
    """A product whose name ends as a firm's might, told by "the" and the plain words before its last word: "the
    Kaolinde Overnight Oil" (not "Ironhorse Oil", "the Royal Dutch Oil Company")."""
    return len(span) >= 3 and span.start > 0 and span.doc[span.start - 1].lower_ == "the" \
        and span[0].pos_ == "PROPN" and span[0].ent_type_ not in ("GPE", "NORP", "LOC") \
        and all(t.is_title and t.is_alpha and t.lower_ not in INDUSTRY_WORDS and not trade_word(t.lower_)
                for t in span[1:-1])


# Words that say what kind of store or hotel, capitalised in a format's name: "30 Airport hotels", "its High Street
# shops" (no chain's name).
_SITE_KIND_WORDS = frozenset({"airport", "city", "town", "high street", "street", "station", "motorway", "highway",
                              "beach", "mall", "downtown", "village", "harbour", "harbor", "park", "budget", "luxury",
                              "express", "metro", "outlet", "flagship", "superstore", "convenience"})


_EVENT_NAME_ENDINGS = frozenset({"arena", "stadium", "cup", "festival", "games", "championship", "show", "fair",
                                 "expo", "bridge", "tower", "museum", "theatre", "theater", "park"})
_FIRMS_DEEDS = frozenset({"supply", "sell", "run", "operate", "own", "make", "manufacture", "distribute", "import",
                          "export", "stock", "employ", "produce"})
_RANK_WORDS = frozenset({"head", "chief", "master", "senior", "lead", "deputy", "principal", "junior", "assistant"})


def common_noun(token: Token) -> bool:
    """A noun, even one the tagger took for a name ("the Dutch wholesaler Vriesbaak": "wholesaler" NNP)."""
    return token.pos_ == "NOUN" or token.pos_ == "PROPN" and token.is_lower and token.is_alpha


# What a firm does to a business of its own that gives it a name of its own: "spun off its car business as Kestrel
# Drive", "listed the unit as Lumio", "renamed the division as Arvo".
_UNIT_NAMING_VERBS = frozenset({"spin", "list", "float", "rename", "relaunch", "rebrand", "reorganise", "reorganize",
                                  "separate", "set", "incorporate", "register"})


def context_votes(span: Span) -> Counter:
    """What the words around a name say it is."""
    votes: Counter = Counter()
    doc, root = span.doc, span.root
    last = doc[span.end - 1]
    lowered = span.text.lower()
    if len(span) > 1 and _legal_form(last) or span.end < len(doc) and (
            _in_slashed_legal_form(doc, span.end) or _spaced_legal_form(doc, span.end) or _legal_form(doc[span.end])):
        votes["Company"] += 4           # "Kelvo Inc", "Halden Pharma A/S", "Tamsley Logistika s.r.o.": a legal form
    elif span.text.split()[-1].replace(".", "").lower() in _LEGAL and len(span.text.split()) > 1:
        votes["Company"] += 3           # "Kelvo Group", "Halden Technologies"
    elif len(span) > 1 and (span[0].lower_ in INDUSTRY_WORDS or last.lower_ in TRADE_NAME_ENDINGS
                            or trade_word(last.lower_) and last.text[:1].isupper()        # ("Kelvoort Lithography")
                            or last.lower_ == "agency" and doc[span.end - 2].lower_ in _AGENCY_TRADES):
        votes["Company"] += 1 if _goods_named_like_a_trade(span) else 3
        #                                 "Air Deccan", "Kingfisher Airlines", "Kelvo News Agency" (not "Power
        #                                 Bank Pro"; and less for "the Kaolinde Overnight Oil")
    before = doc[span.start - 1] if span.start > 0 else None
    before2 = doc[span.start - 2] if span.start > 1 else None
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (after.text == "-based" or after.text == "-" and span.end + 1 < len(doc)
                              and doc[span.end + 1].lower_ in ("based", "headquartered")):
        votes["Company"] -= 5           # "the Nijmegen-based company": where a firm is, not a firm ("Linux-based"
        #                                 software: a product still)
    if before is not None and before2 is not None and before.lower_ == "of" \
            and before2.lower_ in ("city", "town", "village", "port", "province", "cities", "towns", "villages",
                                   "ports", "provinces", "state", "states", "region", "regions", "county", "counties"):
        votes["Company"] -= 5           # "the German city of Dresden": a place, whatever it "makes" later
        votes["Product"] -= 5
    if len(span) > 1 and last.lower_ in _KINDS_ENDING_PRODUCT_NAMES and last.text[:1].isupper() \
            and span[0].lower_ not in INDUSTRY_WORDS and root.ent_type_ != "PERSON":
        votes["Product"] += 1.5         # "the Zirel Watch", "Kelvo Phone": a name ending in the kind of thing it is
        #                                 (not "Hollinmark Aircraft", "BBC World Service": firms)
    elif len(span) > 1 and last.lower_ in _DRINKS_ENDING_BRAND_NAMES and last.text[:1].isupper() \
            and not (after is not None and after.lower_ in ("company", "co", "co.", "distillery", "group")) \
            and not (root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEECH_VERBS | BUSINESS_VERBS
                     | _DEAL_MAKING_VERBS):
        votes["Product"] += 3           # "Quenmarra Gin" (not "Westons Cider said", "Thatchers Cider agreed to buy")
    if after is not None and after.tag_ == "POS" and len(span) == 1 and root.pos_ == "PROPN" \
            and any(t.like_num for t in doc[span.end + 1:span.end + 4]) \
            and all(t.text[:1].isupper() or t.like_num for t in doc[span.end + 1:span.end + 3]):
        votes["Company"] += 1.5         # "Sunbeo's Torin 12": the owner of a model
    if after is not None and after.tag_ == "NNS" and after.lower_ in CHAIN_SITE_NOUNS and root.head == after \
            and root.dep_ == "compound" and root.pos_ == "PROPN" and resolve_place(span.text) is None \
            and not (before is not None and before.tag_ == "PRP$") and span.text.lower() not in _SITE_KIND_WORDS:
        votes["Company"] += 2           # "300 Corrimore supermarkets", "the Kelvo stores": a chain's (not "our
        #                                 Bangkok stores", "its Valley stores": where a firm's stores are)
    if _site_listed_after_colon(span):
        votes["Company"] -= 3           # "runs three mines: Lomas Pardas in Chile, Cerro Pallqa in Peru": sites
    if span.start == 1 and before.lower_ == "by" and len([t for t in doc if not t.is_punct]) <= 6 \
            and (root.ent_type_ == "PERSON" or _written_like_a_persons_name(span)):
        votes["Person"] += 3            # a byline: "By Ann Tovey" (or "By Intan Saraswati-Koh", called a firm)
    if before is not None and before.lower_ == "by" and before2 is not None \
            and before2.lower_ in ("reporting", "writing", "editing", "additional") and _written_like_a_persons_name(span):
        votes["Person"] += 3            # a wire's credits: "(Reporting by Intan Saraswati-Koh in Jakarta; ...)"
    if before is not None and before.lemma_.lower() in _PEOPLE_NOUNS and before.pos_ == "NOUN" and len(span) > 1 \
            and root.ent_type_ == "PERSON" and not any(c.lower_ in ("market", "industry", "sector", "world")
                                                       for c in before.children):   # (a "market leader" is a firm)
        votes["Person"] += 2            # "union leader Vincenzo Lilliu", "trades union official Ulf Carlsson"
    elif before is not None and before.pos_ == "NOUN" and _title_at_a_firm(before) and root.ent_type_ == "PERSON" \
            and len(span) > 1:
        votes["Person"] += 2            # "Ketterwood partner Hugo Asante": a partner of a firm, not a firm's partner
    elif before is not None and common_noun(before) and (before.lemma_.lower() in COMPANY_NOUNS or before.lemma_.lower()
                                                           in ("parent", "owner") and not (
                                                               root.ent_type_ == "PERSON" and len(span) > 1)):
        votes["Company"] += 3           # "smartphone maker Xiaomi", "profits at parent Kelvochrysler"
    if before is not None and before.lemma_.lower() in PRODUCT_NOUNS and before.pos_ == "NOUN" \
            and before.lemma_.lower() not in _OPERATED_NOUNS \
            and not any(c.dep_ == "compound" and c.lemma_.lower() in ("payment", "payments") for c in before.children):
        votes["Product"] += 3           # "the painkiller Vioxx", "its new phone Nova 5" (a "payments processor" is
        #                                 a firm)
    first = _first_conjunct(root)       # the cues below hold for every name of a list
    if first.dep_ in ("compound", "nmod") and first.head.lemma_.lower() in ("product", "brand", "drug", "model") \
            and first.head.tag_ == "NNS":
        votes["Product"] += 2           # "its Celebrex and Bextra products"
    named = _named_thing(root)
    if named is not None and (named.lemma_.lower() in PRODUCT_ONLY_NOUNS | _NAMED_PRODUCT_KINDS
                              or _line_of_products(named)):
        votes["Product"] += 3           # "a test service ... called MSN Spaces", "a phone dubbed the Orca", "its own
        #                                 brand of electronics, called Onda"
    elif named is not None and named.lemma_.lower() in COMPANY_NOUNS:
        votes["Company"] += 3           # "a start-up called Fjordly"
    if first.dep_ == "dobj" and first.head.lemma_ in _USE_VERBS or first.dep_ == "pobj" and first.head.lower_ == "of" \
            and first.head.head.lemma_.lower() in _USER_NOUNS or root.dep_ == "compound" \
            and root.head.lemma_.lower() in _USER_NOUNS and root.head.i == span.end \
            and root.ent_type_ not in ("GPE", "LOC", "NORP"):                   # (not "its England players")
        votes["Product"] += 1.5         # "playing Halo", "owners of the Zephyr", "Firefox users"
    if before is not None and before.lower_ in ("codenamed", "code-named", "codename"):
        votes["Product"] += 3           # "the next version of its software (codenamed Redfield)"
    if first.dep_ == "pobj" and first.head.lower_ == "as" and first.head.head.lemma_ == "know" \
            and first.head.head.dep_ == "acl" \
            and first.head.head.head.lemma_.lower() in PRODUCT_ONLY_NOUNS | {"technology", "format"}:
        votes["Product"] += 3           # "a rights technology known as Zorbix"
    if first.dep_ == "pobj" and first.head.lower_ == "as" and first.head.head.lemma_ in _UNIT_NAMING_VERBS \
            and any(c.dep_ == "dobj" and c.lemma_.lower() in (SUBSIDIARY_NOUNS | COMPANY_NOUNS) - {"brand", "brands"}
                    for c in first.head.head.children):
        votes["Company"] += 3           # "spun off its automotive business as Kestrel Drive", "listed the unit as"
    if root.dep_ == "compound" and root.head.lemma_.lower() in ("brand", "name", "label", "trademark") \
            and root.head.dep_ == "pobj" and root.head.head.lower_ == "under" \
            and root.head.head.head.lemma_.lower() in _SOLD_AS_VERBS:
        votes["Product"] += 3           # "reinforcing bar, sold under the Lidrobar brand": the goods' name
    if first.dep_ == "pobj" and first.head.lower_ == "as" and first.head.head.lemma_.lower() in _SOLD_AS_VERBS \
            and first.head.head.tag_ == "VBN" and first.head.head.dep_ in ("acl", "relcl", "ROOT", "conj"):
        votes["Product"] += 3           # "Balvantra's version, sold as Felzoxaban Balvantra," (what a thing is sold
        #                                 under; not "Kelvo, listed as Kelvo Holdings": units are renamed, not sold)
    if after is not None and after.text == "," and span.end + 3 < len(doc) and _explained_as_product(doc, span.end + 1):
        votes["Product"] += 2           # "Zorvia, Kelvo Pharma's existing arthritis drug"
    if first.dep_ == "pobj" and first.head.lower_ in ("as", "like", "including") and (
            (holder := first.head.head if first.head.head.lower_ != "such" else first.head.head.head).pos_ == "NOUN"
            and holder.lemma_.lower() in COMPANY_NOUNS and holder.tag_ == "NNS"):
        votes["Company"] += 2           # "groups such as Pellarin", "carriers including Quellon"
    elif first.dep_ == "pobj" and first.head.lower_ in ("as", "like", "including") and holder.pos_ == "NOUN" \
            and holder.lemma_.lower() in _GOODS_ONLY_NOUNS | _NAMED_PRODUCT_KINDS \
            and not (after is not None and after.tag_ == "POS"):          # (not "technology such as Kelvo's")
        votes["Product"] += 2           # "technology such as ArtGarden", "consoles like the Zorba"
    listed = first if first.dep_ != "compound" else _first_conjunct(first.head)
    if included_by(listed) is not None:     # "Diageo's brands include Smirnoff vodka and Guinness stout"
        votes["Company" if _units_listed(listed) else "Product"] += 2.5   # ("subsidiary brands": businesses)
    if _listed_as_products(first):
        votes["Product"] += 2           # "sold under brand names such as Zorvia and Kelvex"
    if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lemma_.lower() in (
            "sale", "sales", "launch", "recall", "withdrawal", "version", "shipment", "user", "price",
            "production", "delivery", "release", "rollout", "debut", "unveiling") \
            and not any(c.dep_ == "prep" and c.lower_ == "to" for c in first.head.head.children):   # "the sale of
        #                                                                   Brightwater to Vantel": a business sold
        votes["Product"] += 1.5         # "stopped sales of Vioxx", "the launch of the Fjord"
    if first.dep_ == "dobj" and first.head.lemma_ in ("withdraw", "recall", "launch", "unveil", "release", "discontinue",
                                                     "make", "manufacture", "produce", "brew"):
        votes["Product"] += 1.5         # "Merck withdrew Vioxx", "Inbev, which makes Stella Artois"
    elif first.dep_ == "dobj" and first.head.lemma_ in ("sell", "offer") and first.head.tag_ in ("VBZ", "VBP") \
            and len(span) > 1 and any(c.dep_ == "nsubj" and c.lower_ == span[0].lower_ for c in first.head.children):
        votes["Product"] += 2           # "Corlith also sells the Corlith Overnight Oil": its own goods by its name
    explained = [root, *(c for c in root.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "ADJ")
                         and (hyphenated_noun(c) or c.lemma_.lower()) not in COMPANY_OR_UNIT_NOUNS)]
    #                                                                         (not "a spin-off launched by")
    if any(c.dep_ == "relcl" and c.lemma_ in ("cost", "retail") and mentions_money(doc[c.i:c.right_edge.i + 1].text)
           for c in root.children):
        votes["Product"] += 2           # "the Kaolinde Blue Clay Mask, which costs DKK 395": a price
    if _generic_name_after(span):
        votes["Product"] += 3           # "Quenvelia (tesdorimab)": a medicine's brand, then its generic name
    if (header := _table_header_cell(span)) is not None:
        votes["Product"] += 3 if header else 1.5   # "Country | Noctavo Basic | Noctavo Standard": one brand's plans a
        #                                 table prices by market (less for names of their own, which may be firms:
        #                                 "Market | Orvandi | Kelmora")
    if first.dep_ == "appos" and first.head.pos_ == "NOUN" and first.left_edge.i == first.head.i + 2 \
            and doc[first.head.i + 1].text in (",", ":", "-", "\u2013", "\u2014", "(") \
            and first.head.lemma_.lower() in _GOODS_ONLY_NOUNS - {"service", "platform", "system", "software"} | {"title"}:
        votes["Product"] += 3           # "The range – Yatai Bao Bites, Yatai Gyoza Crunch and Yatai Katsu Pockets –"
    if any(_best_seller(t) for h in explained for t in (h, *(g for c in h.children if c.dep_ == "relcl"
                                                             for g in c.children if g.dep_ == "attr"))
           if t.i >= span.end or t == root):
        votes["Product"] += 3           # "Haddleby Haddock Bites, the fish bites that are still its best-seller"
    if before is not None and before.lower_ == "the" and any(
            c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in ("launch", "release", "unveil", "introduce")
            and not any(g.dep_ == "agent" for g in c.children) for c in root.children):
        votes["Product"] += 1.5         # "the Kaolinde Overnight Oil, launched in 2023"
    making = LAUNCH_VERBS | {"develop", "design", "build", "create"}
    if any(c.dep_ == "relcl" and c.lemma_ in making and not any(g.dep_ == "dobj" for g in c.children)
           and any(g.dep_ == "nsubj" and g.pos_ in ("PROPN", "PRON") and g.tag_ not in ("WDT", "WP")
                   for g in c.children)
           or c.dep_ == "appos" and c.pos_ == "PROPN" and c.i == h.i + 1 and any(   # (parsed as the maker's name
               g.dep_ == "acl" and g.tag_ == "VBN" and g.lemma_ in making for g in c.children)   # in apposition)
           for h in explained[1:] for c in h.children):
        votes["Product"] += 2           # "Closebook AI, an accounting assistant Stratavault launched in May"
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in MADE_BY_VERBS and any(
            _business_agent(g) for g in c.children if g.dep_ == "agent") for h in explained for c in h.children):
        votes["Product"] += 2           # "ArtGarden, developed by BT's research unit," "Zorvia, a pill made by Acme"
        #                                 (not "founded by", "bought by")
    if _on_sale(_first_conjunct(root)):
        votes["Product"] += 2           # "the Orca went on sale in March" (a company is put up for sale)
    elif before is not None and before.lower_ == "the" and root.dep_ == "nsubj" \
            and root.head.lemma_ in ("launch", "debut") and root.head.pos_ == "VERB" \
            and not any(c.dep_ in ("dobj", "nsubjpass") for c in root.head.children) \
            and last.lower_ not in COMPANY_NOUNS | INDUSTRY_WORDS | _ORGANISATION_WORDS:     # (not "the Kelvo
        #                                                                                     Exchange launched")
        votes["Product"] += 2.5         # "when the Xbox launched in the US" (a start-up launches too, without "the")
    if root.dep_ == "nsubjpass" and root.head.lemma_ in {"sell", "withdraw", "recall", "approve", "launch", "price"} \
            | _PRODUCT_ONLY_PASSIVES and not any(c.dep_ == "dobj" for c in root.head.children):   # (not "Brisco was
        #                                                                              offered a state loan")
        votes["Product"] += 1           # "Vioxx was withdrawn", "Zirrus could be marketed as ..."
    owner = next((c for c in root.children if c.dep_ == "poss"), None)
    if owner is None and before is not None and before.tag_ == "POS" and before2 is not None:
        owner = before2
    if owner is not None and owner.pos_ == "PROPN" and owner.ent_type_ not in ("GPE", "NORP", "LOC", "PERSON") \
            and not resolve_market(owner.text) \
            and (root.ent_type_ != "PERSON" or last.lemma_.lower() in PRODUCT_ONLY_NOUNS) \
            and any(t.pos_ == "PROPN" for t in span) \
            and not (root.dep_ == "nsubj" and root.head.lemma_ in (SPEECH_VERBS | BUSINESS_VERBS) - LAUNCH_VERBS
                     - {"sell", "ship", "price"} and any(c.dep_ in ("dobj", "ccomp") for c in root.head.children)) \
            and not any(
                c.dep_ == "compound" and c.lower_ in COMPANY_NOUNS for c in root.children) \
            and doc[span.end - 1].lower_ not in INDUSTRY_WORDS | _LEGAL | _UNIT_NAME_WORDS:
        votes["Product"] += 1.5         # "Microsoft's Windows", "Kelvo's Qrio Robot": what a company owns by name
    if after is not None and after.lower_ == "of" and root.pos_ == "PROPN" and (root.ent_type_ != "PERSON" or len(span) == 1) and any(
            resolve_market(doc[span.end + 1:span.end + 1 + k].text) for k in (1, 2, 3) if span.end + 1 + k <= len(doc)):
        votes["Company"] += 1.5         # "Ericsson of Sweden", "EVA of Taiwan"
    if any(c.dep_ == "poss" and c.ent_type_ == "GPE" and _place_name(c.text) for c in root.children) or (
            before is not None and before.tag_ == "POS" and before2 is not None and before2.ent_type_ == "GPE"
            and _place_name(before2.text) and root.pos_ == "PROPN"):
        votes["Company"] += 2           # "Argentina's Enarsa", "Brazil's Petrobras" (not "Tindahub's Bea Salonga",
        #                                 a firm the model took for a place)
    if before is not None and before.lemma_.lower().split("-")[-1] in _OVERSIGHT_NOUNS or any(
            c.dep_ == "appos" and c.lemma_.lower().split("-")[-1] in _OVERSIGHT_NOUNS for c in root.children):
        votes["Public"] += 4            # "watchdog Ofcom", "super-regulator Ofcom": a public body, no entity
    if before is not None and before.lower_ in _TITLE_PREFIXES or len(span) > 1 and span[0].lower_ in _MISTER:
        votes["Person"] += 4            # "Mr Smith"
    if after is not None and after.text == "," and span.end + 2 < len(doc) and doc[span.end + 1].like_num \
            and doc[span.end + 2].text == "," and doc[span.end + 1].text.isdigit() \
            and 16 <= int(doc[span.end + 1].text) <= 99 and root.pos_ == "PROPN":
        votes["Person"] += 3            # "Salonga, 34, who ran ...": an age
    if root.dep_ == "nsubj" and root.head.lemma_ in _FOUNDING and len(span) > 1 and root.ent_type_ in ("PERSON", "") \
            and not trade_word(last.lower_) and last.lower_ not in _LEGAL \
            and any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in root.head.children):
        votes["Person"] += 2            # "Bea Salonga founded Tindahub in Manila in 2022"
    if first.dep_ == "dobj" and first.head.lemma_ in _FOUNDING | {"start"} and root.pos_ == "PROPN" \
            and root.ent_type_ != "PERSON" and not _place_name(span.text):
        votes["Company"] += 2           # "... founded Tindahub", "before starting Tindahub"
    if before is not None and before.lower_ in TITLES and not before.lower_ == "head" \
            and before.lower_ not in COMPANY_NOUNS:        # "US partner Biogen Idec" is a company
        votes["Company" if _firm_named_by_plural(before, span) else "Person"] += 2   # "CEO Jane Doe", "analyst
        #                                                                    John Roe"; "telecom analysts Ovum": a firm
    if first.dep_ == "pobj" and first.head.lower_ == "from" and (first.head.head.lemma_.lower() in (
            "competition", "rivalry", "challenge", "pressure", "order", "offer", "bid") or any(
            c.dep_ == "dobj" and c.lemma_ in ("order", "contract") for c in first.head.head.children)):
        votes["Company"] += 3           # "competition from BMW", "(won) an order from Ryanair"
    if first.dep_ == "pobj" and first.head.lower_ in ("of", "in") and first.head.head.lemma_.lower() in (
            "owner", "parent", "subsidiary", "unit", "division", "shareholder", "stake", "takeover", "acquisition",
            "buyer", "bid", "offer", "merger", "investor", "off", "spin-off", "spinoff", "affiliate", "arm"):
        votes["Company"] += 2           # "the owner of Zara", "a stake in ITA", "the takeover of Rank"
    if first.dep_ == "pobj" and first.head.dep_ == "agent" and first.head.head.lemma_ in ("buy", "acquire", "purchase") \
            and not (root.ent_type_ == "PERSON" and len(span) > 1):
        votes["Company"] += 2           # "the developer was bought by Kelvo" (a buyer named in full may be a person)
    if first.dep_ == "pobj" and first.head.lower_ in ("with", "against") and \
            first.head.head.lemma_ in ("compete", "battle", "vie", "rival"):
        votes["Company"] += 2           # "competes with Ryanair and easyJet"
    if first.dep_ == "pobj" and first.head.lower_ in ("with", "between") and root.ent_type_ != "PERSON" \
            and first.head.head.lemma_.lower() in {"partnership", "alliance", "tie-up", "collaboration", "partner",
                                                   "venture", "memorandum"} \
            and not (before is not None and before.pos_ == "NOUN"
                     and before.lemma_.lower() not in PRODUCT_OR_COMPANY_NOUNS):   # (not "with chef Tom Hale")
        votes["Company"] += 3           # "a partnership with streaming service Lumenflix": a partner is a business
    if first.dep_ == "pobj" and first.head.lower_ in ("in", "of") and first.head.head.lower_ == "shares" \
            and not any(c.dep_ == "poss" for c in first.head.head.children):
        votes["Company"] += 2           # "shares in Elan and Biogen Idec", "shares of Acme" (not "its shares in London")
    if first.dep_ == "pobj" and first.head.lower_ in ("of", "at") and first.head.head.ent_type_ == "PERSON" \
            and first.head.head.pos_ == "PROPN" and root.ent_type_ not in ("GPE", "LOC") \
            and not (first.head.head.lower_ in TRADE_NAME_ENDINGS and resolve_place(span.text) is not None):
        votes["Company"] += 2           # "Analyst Tom Lee of Fundstrat said", "Jane Roe at Acme" (not "Pradomir
        #                                 Optics of Eindhoven", a firm the model took for a person, and its city)
    if before2 is not None and before is not None and before.lower_ in ("of", "at", "for") \
            and before2.lower_ in TITLES \
            and not any(c.dep_ == "poss" for c in before2.children):
        votes["Company"] += 2           # "chief executive of Acme", not "Acme's head of Trade Policy"

    if root.dep_ == "appos" and root.head.lemma_.lower() == "label" and root.head.pos_ == "NOUN" \
            and not any(c.lower_ in _GOODS_LABELS for c in root.head.children):
        votes["Company"] += 2           # "Valmorel's leather label, Maison Ferrand": a fashion house's label
    for child in root.children:
        if child.dep_ in ("appos",):
            lemma = _one_of(child).lemma_.lower()       # "Acme, one of the biggest banks,"
            if lemma in _TITLED_FIRM_NOUNS and root.ent_type_ == "PERSON" and len(span) > 1 and any(
                    c.dep_ == "prep" and c.lower_ == "at" for c in _one_of(child).children):
                votes["Person"] += 3    # "Peter Hemington, partner at BDO Stoy Hayward": a title at a firm
            elif lemma in COMPANY_NOUNS and any(c.dep_ in ("compound", "amod") and c.lower_ in _RANK_WORDS
                                                for c in _one_of(child).children) and root.ent_type_ != "ORG":
                votes["Person"] += 3    # "Devlin-Abara, the head distiller,", "Ann Roe, a senior partner": a rank
                #                         makes the trade a person's job
            elif (lemma in COMPANY_NOUNS | FIRM_SITE_NOUNS or hyphenated_noun(child) in COMPANY_NOUNS
                  or _payments_processor(_one_of(child))) and _one_of(child).pos_ == "NOUN":
                launched = root.dep_ == "dobj" and root.head.lemma_ in LAUNCH_VERBS     # ("launched Kelvo Pay,
                votes["Company"] += 0 if launched and {lemma, hyphenated_noun(child)} & _PLATFORM_NOUNS else 3  # an e-wallet")
                #                         "Xiaomi, the Chinese smartphone maker," (a description: not the name
                #                         "Kelvo Group" after "Anna Berg, Head of Communications,")
            elif lemma == "label" and _one_of(child).pos_ == "NOUN" and not any(
                    c.lower_ in _GOODS_LABELS for c in _one_of(child).children):
                votes["Company"] += 2   # "Hestoria, another Istanbul label": a fashion or record label (not "Verdi,
                #                         its private label": a shop's own goods)
            elif lemma in AFFILIATION_TITLES and any(c.dep_ == "relcl" and c.lemma_ in _FIRMS_DEEDS and any(
                    g.dep_ == "nsubj" and g.lower_ in ("that", "which") for g in c.children)
                    for c in _one_of(child).children):
                votes["Company"] += 2   # "Varrowmere Drinks, an Edinburgh specialist that supplies 600 bars" (not "a
                #                         consultant that advised Kelvo": a person's deed too)
            elif (lemma in EXECUTIVE_TITLES or lemma in AFFILIATION_TITLES) and not (
                    span.text.isupper() and span.text.isalpha() and len(span.text) > 1):   # (not "ERAA director")
                votes["Person"] += 3    # "Lei Jun, Xiaomi's founder"
            elif lemma in PERSON_NOUNS and len(span) > 1 and (_one_of(child).pos_ == "NOUN" or any(
                    c.dep_ == "det" for c in _one_of(child).children)) \
                    and (lemma not in _FIRM_TOO_NOUNS or root.ent_type_ == "PERSON"):   # ("an El Paso native": JJ;
                #                                       "Blue Fjord, a veteran of North Sea drilling": a firm may be)
                votes["Person"] += 3    # "Ana Vela, a Weslaco native", "Ola Berg, the country's richest man"
            elif _product_noun(_one_of(child)):
                votes["Product"] += 3 if any(c.dep_ == "prep" and c.lower_ in ("from", "by") and any(
                    o.pos_ == "PROPN" for o in c.children) for c in _one_of(child).children) else 2
                #                         ("Glomvera, a daily tablet from Atherly Biosciences": its maker named)
            elif _made_by_a_name(_one_of(child)):
                votes["Product"] += 3   # "the Vertessa HX, the high-speed elevator that Sorvanto launched in March"
            elif lemma in _OPERATED_NOUNS and not (root.dep_ == "dobj" and root.head.lemma_ in _OFFER_VERBS):
                votes["Company"] += 2   # "Pulsevane, the Dutch service with 96 million subscribers" (not "Kelvo sells
                #                         Parlo, a Chinese messaging platform")
    if (any(_has_business_units(c) for c in root.children if c.dep_ == "relcl")
            or root.dep_ == "nsubj" and _has_business_units(root.head, relative=False)) \
            and root.ent_type_ not in ("GPE", "LOC") and not resolve_market(span.text):   # (not "Ostrava, which has
        #                                                                               40 factories")
        votes["Company"] += 2           # "Kelvo, which has 30 branches in Ireland,", "Brightwater has 3,000 staff"
    if root.dep_ == "appos" and root.head.lemma_.lower() == "brand" and any(c.dep_ == "poss"
                                                                           for c in root.head.children):
        votes["Product"] += 3           # "Its premium brand, Vindhya Shakti, now sold in Nepal": a line it sells
    elif root.dep_ == "appos" and root.head.lemma_.lower() in COMPANY_OR_UNIT_NOUNS - {"brand", "brands"}:
        votes["Company"] += 3           # "Its local arm, Tarvossa Romania, ..."
    elif root.dep_ == "appos" and root.head.lemma_.lower() in _NAMED_GOODS_NOUNS | {"card"} \
            and root.head.pos_ == "NOUN" \
            and any(c.dep_ == "poss" for c in root.head.children):
        votes["Product"] += 3           # "launched its own buy-now-pay-later card, Revello Split,"
    elif before is not None and before.text == "," and before2 is not None and before2.lemma_.lower() in COMPANY_NOUNS \
            and before2.pos_ == "NOUN" and root.dep_ == "nsubj" and before2.dep_ == "nsubj" \
            and before2.head.i == root.head.i and root.ent_type_ != "PERSON":
        votes["Company"] += 2           # "Ruritania's budget airline, Foo fell 2%": an apposition the parse read as
        #                                 two subjects of one verb (not "To save the company, Tom Hale sold ...")
    if root.dep_ == "appos" and root.head.lemma_.lower() in TITLES \
            and not (before is not None and before.text == "("):     # not "secretary of the Foo Union (FU)"
        votes["Company" if _firm_named_by_plural(root.head, span) else "Person"] += 3
    if after is not None and after.tag_ == "POS":   # "Xiaomi's founder", "Xiaomi's phones"
        owned = root.head if root.dep_ == "poss" else (doc[span.end + 1] if span.end + 1 < len(doc) else None)
        if span.end + 1 < len(doc) and doc[span.end + 1].lemma_.lower() in _EPONYM_NOUNS:
            owned = None                # "Alzheimer's disease", "Moore's law": a name in a term
        if owned is not None:
            lemma = owned.lemma_.lower()
            if owned.lower_ == "sales" and any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in owned.children):
                lemma = "sales"         # "Kelvo's sales in Italy" (but "Zorvia's sales fell": a product's too)
            if lemma in EXECUTIVE_TITLES or lemma in PRODUCT_NOUNS or lemma in COMPANY_NOUNS \
                    or lemma in {"share", "shares", "revenue", "sales", "profit", "stock", "market", "brand",
                                 "headquarters", "factory", "store", "stores", "customers", "employees", "business",
                                 "operations"}:
                votes["Company"] += 2
            elif lemma in _STAFF_NOUNS and root.ent_type_ not in ("PERSON", "GPE", "NORP") \
                    and not any(t.lower_ in ("mr", "mrs", "ms", "dr") for t in doc[max(0, span.start - 1):span.start]):
                votes["Company"] += 2       # "Vantel-Safe's security team" (not "Ann Roe's team", "Paris's board")
            elif lemma in AFFILIATION_TITLES and root.ent_type_ != "PERSON":
                votes["Company"] += 2       # "Capgemini's principal consultant", "Acme's spokesman"
            elif owned.pos_ == "PROPN" and any(c.isdigit() for c in owned.text) \
                    or span.end + 1 < len(doc) and _CAMEL.match(doc[span.end + 1].text) \
                    and root.ent_type_ not in ("GPE", "LOC", "NORP") and not resolve_market(span.text) \
                    and not (root.ent_type_ == "PERSON" and len(span) > 1):      # (not "Ann Lee's eBay shop")
                votes["Company"] += 2       # "Kelvo's Zorba 5", "Kelvo's iZap" (however parsed): a model's owner
            elif owned.ent_type_ == "PERSON" and root.ent_type_ != "GPE":
                votes["Company"] += 1.5     # "MSN's Blake Irving": whose person, most often a company
    if root.dep_ == "nsubj" and root.head.lemma_ in ("sell", "retail") and (
            root.head.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.lower_ in ("will", "'ll")
                                                     for c in root.head.children)) \
            and not any(c.dep_ == "dobj" or c.dep_ == "aux" and c.lower_ in ("could", "would", "might", "may")
                        for c in root.head.children) \
            and any(c.dep_ == "prep" and c.lower_ in ("for", "at") and any(
                t.ent_type_ == "MONEY" or t.tag_ == "$" for t in c.subtree) for c in root.head.children):
        votes["Product"] += 2           # "Quévrel's Marée Chrono sells for $6,900": what is sold, at its price
        #                                 (not "Tovalla sold for $1.2bn in 2019", "Brisco could sell for $3bn": firms)
    elif _first_conjunct(root).dep_ in ("dobj", "appos", "npadvmod") and _goods_named_before(_first_conjunct(root)):
        votes["Product"] += 2           # "covers both models in the range, the one-seat Veldra Solo and the two-seat
        #                                 Veldra Duo": an apposition the parser read as a second object
    elif root.dep_ == "nsubj" and root.head.lower_ in ("cost", "costs") and _priced_like_goods(root.head) \
            and last.lower_ not in SITE_NOUNS | _EVENT_NAME_ENDINGS:
        votes["Product"] += 2           # "The Veldra Solo cost SEK 12,990 in Sweden": what has a price (not "Brexa
        #                                 cost $2 billion", "would cost Dravos $3 billion": a firm's)
    elif root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in PRODUCE_VERBS | LAUNCH_VERBS | BUSINESS_VERBS \
            and not (root.dep_ == "nsubjpass" and root.head.lemma_ in _PRODUCT_ONLY_PASSIVES
                     and not any(c.dep_ == "dobj" for c in root.head.children)):
        votes["Company"] += 1           # "Acme makes ...", "Acme was acquired" (not "the X5 is made")
    if after is not None and (root.dep_ in ("compound", "poss", "nmod", "amod") or root.dep_ == "appos"
                              and after.head == root) and not (before is not None and before.lower_ in ("a", "an")
                                                               and root.head == after and after.lower_ == "chair") and (
            after.lemma_.lower() in TITLES or
            after.lemma_.lower() in {"chief", "vice", "senior", "executive", "deputy", "acting", "interim"}):
        votes["Company"] += 2           # "Acme CEO Jane Doe", "Ryanair deputy chief executive Michael Cawley",
        #                                 "Andy Clarke, ERAA director of air transport" (not "if you own a Veldra chair")
    if root.dep_ == "nsubj" and root.head.lemma_ in ("be", "become", "remain"):    # "Acme is a tough rival"
        for attr in (c for c in root.head.children if c.dep_ == "attr"):
            lemma = _one_of(attr).lemma_.lower()        # "Acme is one of Japan's largest carmakers"
            if lemma in COMPANY_NOUNS:
                votes["Company"] += 2
            elif lemma in TITLES:
                votes["Person"] += 2
            elif lemma in _GOODS_ONLY_NOUNS | {"app", "game"} and any(c.dep_ == "det" for c in _one_of(attr).children):
                votes["Product"] += 2   # "whose Ludavio Gammon is the most-played backgammon app"
    if root.dep_ in ("nsubj", "nsubjpass"):   # "Acme ... its products" / "Doe ... his company"
        owners = {t.lower_ for t in root.head.subtree if t.tag_ == "PRP$" and t.i > span.end}
        if "its" in owners:
            votes["Company"] += 1
        if owners & {"his", "her"}:
            votes["Person"] += 1
    if root.dep_ == "nsubj" and root.head.lemma_ in SPEECH_VERBS - _REPORTING_VERBS and len(span) > 1:
        votes["Person"] += 1.5
    if len(span) > 1 and after is not None and after.text == "," and not (root.ent_type_ == "ORG" and (
            trade_word(last.lower_) or last.lower_ in _LEGAL)) and any(
            c.dep_ == "relcl" and any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ == "who" for g in c.children)
            for c in root.children):      # (set off by a comma: not "workers at Foo Vale who lose their posts")
        votes["Person"] += 3            # "Sorin Balteanu, who will stay on as chief executive": "who" is a person
    if root.dep_ == "compound" and root.head.lemma_.lower() in COMPANY_NOUNS | {"unit", "arm", "division", "subsidiary"} \
            and not (root.head.lower_ in OWNED_PRODUCT_NOUNS and any(c.dep_ == "poss" for c in root.head.children)) \
            and not ((root.ent_type_ in ("GPE", "LOC") or (_big_city(span.text.lower()) or _known_city_after_the(span))
                      and root.head.lemma_.lower() in COMPANY_NOUNS - SUBSIDIARY_NOUNS)   # is in Munich, the Oslo
                     #                                          company in Oslo; the Toyota subsidiary is Toyota's)
                     and _place_name(span.text)):
        votes["Company"] += 2           # "the Lumio unit", "the Acme group"
    elif named_in_owned_kind(span) and root.head.lemma_.lower() in PRODUCT_NOUNS | OWNED_PRODUCT_NOUNS \
            and root.head.pos_ == "NOUN" and any(c.dep_ == "poss" for c in root.head.children) \
            and root.ent_type_ not in ("GPE", "LOC", "NORP") and not resolve_market(span.text) \
            and not (root.head.i + 1 < len(doc) and doc[root.head.i + 1].pos_ == "PROPN"):   # "its Covid vaccine
        #                                                                     Spikevax": the name follows
        votes["Product"] += 3           # "Kelvaro's Zephyr line", "its Blogger site", "its Zorba 3 console", "its
        #                                 Brightwater Zen players" (not "the Samsung phone")
    elif root.dep_ in ("compound", "nmod") and (kind := _kind_noun(root)).tag_ == "NN" and (
            _plain_words_between(span, kind)                  # "the Kargo cargo bike", "the Kuvar identity-threat
            and kind.lemma_.lower() in _GOODS_ONLY_NOUNS    # detection software"
            or root.head.lower_ == "system" and root.head.i == span.end + 1 and doc[span.end].lower_ == "operating") \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in kind.children):
        votes["Product"] += 1.5         # "the Cell processor", "the Zephyr phone", "the Kelvix operating system" (a
        #                                 maker's name gets more votes elsewhere: "the Samsung phone ... Samsung said")
    kind = _kind_noun(root)
    if root.dep_ in ("compound", "nmod") and kind.pos_ == "NOUN" and _plain_words_between(span, kind) \
            and kind.lemma_.lower() not in COMPANY_OR_UNIT_NOUNS and not _place_name(span.text):
        if (made := _first_conjunct(kind)).dep_ == "pobj" and made.head.lower_ == "of" \
                and made.head.head.lemma_.lower() in _MAKER_NOUNS and kind.lemma_.lower() in PRODUCT_NOUNS:
            votes["Product"] += 2.5     # "the Dutch maker of Wolfsbrok dog food and Snorvaan cat food"
        elif kind.tag_ == "NNS" and kind.lemma_.lower() in _NAMED_GOODS_NOUNS \
                and any(c.dep_ == "nummod" for c in kind.children) and not any(c.dep_ == "conj" for c in root.children) \
                and kind.dep_ == "dobj" and kind.head.lemma_ in ("recall", "withdraw"):
            votes["Product"] += 1.5     # "recalling about 48,300 Veldra power recliners": a line's goods called back
            #                             (not "sold 2 million Brisco phones": a maker's, perhaps)
        elif (kind.tag_ == "NNS" and kind.lemma_.lower() in _NAMED_GOODS_NOUNS
              or kind.tag_ == "NN" and kind.lemma_.lower() in _GOODS_ONLY_NOUNS) \
                and any(c.dep_ == "poss" for c in kind.children) and not any(c.dep_ == "conj" for c in root.children) \
                and not any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < root.i for c in kind.children):
            votes["Product"] += 2       # "its Cryon deposition tools", "the
            #                             chain's Lumo own-label clothing" (not "its Opel and Vauxhall models": brands)
    if after is not None and after.text == "-" and span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "based" \
            and root.ent_type_ not in ("GPE", "LOC", "NORP") and not resolve_market(span.text) \
            and resolve_place(span.text) is None:
        votes["Product"] += 2           # "Norvix-based players" (not "London-based", "US-based")
    if any(c.dep_ == "conj" and c.pos_ == "NOUN" and c.lemma_.lower() in PRODUCT_ONLY_NOUNS and c.i > root.i
           and any(g.dep_ == "poss" for g in c.children) and doc[c.left_edge.i - 1].text == ","
           for c in first.children):
        votes["Product"] += 2           # "Tysabri and Avonex, Biogen Idec's drug": the noun parsed as a conjunct
    if len(span) == 1 and MODEL_CODE.match(span.text) and re.match(r"[A-Z]+\d", span.text) and root.ent_type_ not in ("GPE", "LOC", "DATE", "TIME"):
        votes["Product"] += 0.5         # "the original B7 is sold in Canada": a code of letters and digits names a
        #                                 model more often than a firm ("O2", "G4S" get more votes of their own)
        if before is not None and before.lower_ in ("a", "an") and before.head == root:
            votes["Product"] += 1       # "an SV8 costs $121.5 million": one of a model
    if root.dep_ == "nsubj" and root.head.lemma_ == "cost" and root.head.tag_ in ("VBZ", "VBP") \
            and not any(c.dep_ in ("aux", "dative", "iobj") for c in root.head.children) \
            and any(t.ent_type_ == "MONEY" for c in root.head.children if c.dep_ == "dobj" for t in c.subtree):
        votes["Product"] += 1.5         # "the Zephyr 5 costs $499": a price is a product's (not "Brexa cost $2bn",
        #                                 a price paid once, nor "would cost Dravos $3bn")
    if lowered in ("us", "u.s.", "uk") and not span.text.isupper() and span.text != "U.S.":
        votes["Market"] -= 10
    return votes


def hyphenated_noun(token: Token) -> str:
    """'start-up' split by the tokenizer into "start", "-", "up" (the head): the whole word, at its last part."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ \
            and not doc[token.i - 2].whitespace_:
        return f"{doc[token.i - 2].lower_}-{token.lower_}"
    return ""


def _kind_noun(name: Token) -> Token:
    """The noun a name is compounded to, through the nouns in between: "Cryon" -> "tools" in "its Cryon deposition
    tools"."""
    kind = name.head
    while kind.dep_ == "compound" and kind.head.i > kind.i and kind.pos_ == "NOUN":
        kind = kind.head
    return kind


_MAKER_NOUNS = frozenset({"maker", "producer", "manufacturer", "brewer", "developer", "designer", "distiller"})


def _plain_words_between(span: Span, head: Token) -> bool:
    """Between a name and the noun it is compounded to, at most four lower-case words of that noun's phrase (and no
    hyphen joining the name to the first: "its C-series jets" names "C-series")."""
    between = span.doc[span.end:head.i]
    return len(between) <= 4 and all((t.is_lower or t.text == "-") and head in t.ancestors for t in between) \
        and not (between and between[0].text == "-")


def _business_agent(agent: Token) -> bool:
    """'by BT's research unit', 'by Norvik', 'by American firm Rambus': a business does it (not 'by two students',
    'by Ann Lee')."""
    return any((o.ent_type_ != "PERSON" or o.lower_ in INDUSTRY_WORDS | _LEGAL)          # ("Halvard Pharma" tagged
               and (o.pos_ == "PROPN" or o.lemma_.lower() in COMPANY_NOUNS | {"unit", "lab", "team"})   # a person)
               for o in agent.children if o.dep_ == "pobj")


def named_in_owned_kind(span: Span) -> bool:
    """The name modifies a noun: a compound ("its Blogger site"), or the model's nmod before a singular noun, right
    before it or through lower-case words of its phrase ("its Zorba 3 console", "the chain's Lumo own-label clothing";
    not "its Opel and Vauxhall models", brands, nor "Godel's Theorem - any system")."""
    root = span.root
    return root.dep_ == "compound" or root.dep_ == "nmod" and root.head.tag_ == "NN" and (
        root.head.i == span.end or _plain_words_between(span, root.head)) \
        or root.dep_ == "amod" and root.tag_ not in ("JJ", "JJR", "JJS") and root.head.i == span.end   # a name the
    #                                                       parser took for a modifier: "its Pike lidar" (Pike: UH)


def _on_sale(token: Token) -> bool:
    """The name goes on sale: "the Orca went on sale in March", "the QSP is due to go on sale" (a company "has been
    on sale since January" when its owners want a buyer)."""
    if token.dep_ != "nsubj":
        return False
    verbs = [token.head, *(c for c in token.head.children if c.dep_ == "xcomp"),
             *(x for c in token.head.children if c.dep_ == "acomp" for x in c.children if x.dep_ == "xcomp")]
    return any((v.lemma_ == "go" or v.lemma_ == "be" and not any(c.lemma_ == "have" for c in v.children)
                and not any(t.lower_ == "since" for t in v.subtree)) and any(
        c.dep_ == "prep" and c.lower_ == "on" and any(o.lower_ == "sale" for o in c.children) for c in v.children)
        for v in verbs)


_UNITS_OF_A_BUSINESS = {"branch", "store", "shop", "outlet", "factory", "plant", "employee", "staff", "worker",
                        "office", "subsidiary", "restaurant", "hotel", "mine", "refinery", "harbour", "harbor",
                        "port", "terminal", "warehouse", "brand"}   # (a product has subscribers)


def _has_business_units(clause: Token, relative: bool = True) -> bool:
    """'(which) has (employs, runs, operates) 30 branches / 2,000 staff': what a business has."""
    return (not relative or any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in clause.children)) \
        and clause.lemma_ in ("have", "employ", "run", "operate", "own", "open") \
        and any(c.dep_ == "dobj" and any(o.lemma_.lower() in _UNITS_OF_A_BUSINESS for o in (c, *c.conjuncts))
                for c in clause.children)       # ("owns Grangemouth and two smaller harbours")


def _firm_named_by_plural(title: Token, span: Span) -> bool:
    """'telecom analysts Ovum', 'analysts Douglas-Westwood': a plural title before a one-word or hyphenated name,
    or one the model does not call a person, names a firm ("chief executives Ken Lane and Jeff Ross" do not)."""
    return title.tag_ == "NNS" and (len(span) == 1 or span.root.ent_type_ != "PERSON" or "-" in span.text) \
        or title.lower_ in _RESEARCH_TITLES and title.i > 0 and title.doc[title.i - 1].lower_ in ("at", "from", "with") \
        and len(span) == 1               # "a research director at analyst Gartner": the firm a person is at, called by
    #                                          its trade (one word, whatever the model says: people come in full)


_RESEARCH_TITLES = frozenset({"analyst", "consultant", "consultancy", "researcher", "pollster", "broker"})


def _one_of(noun: Token) -> Token:
    """'one of the largest carmakers' stands for its plural noun ('carmakers')."""
    if noun.lower_ == "one":
        return next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for o in c.children if o.dep_ == "pobj"), noun)
    return noun


def type_of(votes: Counter) -> str | None:
    """The winning type, if any vote is positive."""
    precedence = {"Market": 0, "Product": 1, "Company": 2, "Person": 3}     # on a tie, the first
    best = min(votes.items(), key=lambda kv: (-kv[1], precedence.get(kv[0], 9)), default=(None, 0))
    return best[0] if best[1] > 0.5 else None


_MODEL_GUESS_CAP = 2     # most the model's ORG labels on one name count, however often it is named


def pool_votes(mentions: list[Mention]) -> dict[str, Counter]:
    """Votes pooled over all mentions of a name (case-insensitive).

    Three corrections to the model's guesses: a one-word "person" who is never named in full is
    rarely a person in business news (people are introduced by full name, companies by one word),
    so its person votes count only when the word starts or ends a full name of the document; a
    name seen only in title-case headings needs the body to name it too, unless context typed it;
    and the model's organisation label counts up to a cap however often the name recurs, for it is
    one guess repeated, not new evidence ("the Cell processor", tagged ORG in all ten mentions)."""
    pooled: dict[str, Counter] = defaultdict(Counter)
    priors: dict[str, Counter] = defaultdict(Counter)
    organisation_votes: Counter = Counter()    # the company votes the model's ORG labels gave each name
    body_names = {mention.key for mention in mentions if not mention.headline}
    full_names: dict[str, Counter] = defaultdict(Counter)    # a full name's own votes, pooled, with the
    full_name_priors: dict[str, Counter] = defaultdict(Counter)  # model's share, before any correction
    for mention in mentions:
        if " " in mention.text and not mention.anaphor:
            full_names[mention.key].update(mention.votes)
            full_name_priors[mention.key].update(mention.prior)
    full_name_words = set()
    for key, votes in full_names.items():
        _context_over_model(votes, full_name_priors[key])
    company_words = {word for key, votes in full_names.items() if votes.get("Company", 0) >= 3
                     and votes["Company"] > votes.get("Person", 0) for word in key.split()}
    said_alone: dict[str, Counter] = defaultdict(Counter)     # what the text says of each one-word name
    for mention in mentions:       # (not as an owner: "Ostrova's company" is a person's company as often)
        if " " not in mention.text and not mention.anaphor and not mention.owner:
            said_alone[mention.key].update(mention.votes - mention.prior)
    company_words |= {key for key, votes in said_alone.items()     # "the Orbit, a handheld" before "Orbit Pass",
                      if max(votes.get("Product", 0), votes.get("Company", 0)) >= 3 and not votes.get("Person", 0)}
    tagged_person_alone = Counter(mention.key for mention in mentions    # "Hjelmsøe says", tagged a person
                                  if " " not in mention.text and mention.ner == "PERSON" and not mention.anaphor)
    firm_words = Counter()             # one-word names the text, not the model, calls a firm and never a person,
    person_words = set()               # possessives too ("Kelvoort's Lumenar 9i", "Kelvoort's chief executive")
    for mention in mentions:
        if " " not in mention.text and not mention.anaphor:
            said = mention.votes - mention.prior
            firm_words[mention.key] += said.get("Company", 0)
            if said.get("Person", 0) > 0:
                person_words.add(mention.key)
    for key, votes in full_names.items():                          # "Quelto, the bank" before "Quelto Flex"
        words = key.split()
        if votes.get("Person", 0) <= full_name_priors[key].get("Person", 0) and firm_words[words[0]] >= 2 \
                and words[0] not in person_words and votes.get("Person", 0) > 0:
            continue                   # "Kelvoort Lithography", a person to the model only, after "Kelvoort's chief
            #                            executive": its first word is no first name
        if votes.get("Person", 0) > max(0, votes.get("Company", 0), votes.get("Product", 0)) \
                or _surname_of_a_person_tagged_organisation(
                words, votes, full_name_priors[key], tagged_person_alone, said_alone):   # "Wang Xiang", not
            #                                                                              "Novo Nordisk"
            #                       (a word of a clear company's or product's name is no surname: "Cumbrera
            full_name_words.update({words[0], words[-1]} - company_words)          # Cero" after "Agua Cumbrera")
            if len(words) == 3 and words[1] not in _NAME_PARTICLES:     # "Iñaki Soldevila Mur", called "Soldevila":
                full_name_words.update({words[1]} - company_words)       # the first of two surnames
    placed_only = {mention.key for mention in mentions if mention.placed and not mention.after_the} - {
        mention.key for mention in mentions if not mention.placed and not mention.anaphor and mention.votes}
    #                                                                               "in Osaka" only, or unlabelled
    said_of: dict[str, Counter] = defaultdict(Counter)       # what the text, not the model, says of each name
    labels: dict[str, set[str]] = defaultdict(set)            # and the model's labels on it
    for mention in mentions:
        if not mention.anaphor:
            said_of[mention.key].update(mention.votes - mention.prior)
            labels[mention.key].add(mention.ner)
    for mention in mentions:
        if mention.anaphor:
            continue
        votes, prior = Counter(mention.votes), Counter(mention.prior)
        if " " not in mention.text and mention.key not in full_name_words and 0 < votes.get("Person", 0) < 2:
            votes["Person"] = 0
            if mention.ner in ("PERSON", "ORG"):
                votes["Company"] += 0.3     # a recurring one-word name: most often a company (a guess from the
                prior["Company"] += 0.3     # model's label, no evidence: it overrules nothing the text says)
        if mention.key in full_name_words and " " not in mention.text:
            votes = Counter(Person=2)      # "Wang" after "Wang Xiang": the person, whatever else it looks like
        pooled[mention.key].update(votes)
        priors[mention.key].update({k: v for k, v in prior.items() if votes.get(k, 0) >= v})
        if mention.ner in ("ORG", "PERSON"):
            organisation_votes[mention.key] += min(prior.get("Company", 0), votes.get("Company", 0))
    for key, votes in pooled.items():   # the model's label on every mention of a name is one guess repeated
        excess = organisation_votes[key] - _MODEL_GUESS_CAP     # ("the Cell processor" tagged ORG ten times): it
        if excess > 0:                                          # counts up to a cap, context votes without one
            votes["Company"] -= excess
            priors[key]["Company"] -= excess
    cities = set()
    once = {key for key, count in Counter(m.key for m in mentions if not m.anaphor).items()   # (no trade word:
            if count == 1 and not any(trade_word(w) or w in TRADE_NAME_ENDINGS | STORE_NOUNS | {"mart"}  # "Brantex
                                      for w in key.split())}                                     # Mart" may be a shop)
    countries = {market.code for mention in mentions if mention.votes.get("Market", 0) > 0
                 and (market := resolve_market(mention.text)) is not None and market.kind == "country"}
    sited = {mention.key for mention in mentions if mention.sited}
    for key, votes in pooled.items():
        if key not in body_names and max(votes.values(), default=0) < 2:
            votes.clear()
        elif type_of(votes) == "Company" and key in sited and said_of[key].get("Company", 0) < 3 \
                and (town := _city_by_own_name(key)) is not None and town.country in countries:
            votes.clear()     # a town of a country the text names, named as where something is ("north of
            cities.add(key)   # Gladstone", "at Mackay" in a story about Australia), with no firm's mark on it
        elif type_of(votes) == "Company" and (votes["Company"] < 1 and _big_city(key) or said_of[key].get(
                "Company", 0) <= 0 and key in placed_only and (_big_city(key) or key in once)):
            votes.clear()     # "Chennai", "Bucharest" tagged an organisation, with nothing else saying company,
            cities.add(key)   # or named only as where something is ("based in Osaka"; a name the text gives once,
            #                   only there, big city or not: "children in Wamena")
        elif type_of(votes) == "Product" and votes["Product"] < 2 and _big_city(key) \
                or type_of(votes) == "Company" and len(labels[key] - {""}) > 1 and _town(key) \
                and said_of[key].get("Company", 0) <= 0:
            votes.clear()     # only the model's guess on a city: "a 1920s version of Busan" (a product?), or
            #                   a town it calls a person here and an organisation there ("Grangemouth")
        _context_over_model(votes, priors[key])
    clear = {key: kind for key, votes in pooled.items() for kind in [type_of(votes)]
             if kind in ("Company", "Product") and votes[kind] >= 3}
    for mention in mentions:             # a name listed with clear products is most likely one ("Tysabri or Avonex")
        for other in mention.coordinated:
            if other in clear and other != mention.key and not mention.anaphor and mention.key not in cities \
                    and pooled[mention.key].get("Market", 0) < 4:
                pooled[mention.key][clear[other]] += 1
    return pooled



def _only_title_words(span: Span) -> bool:
    """"Chief Financial Officer", "Communications Manager", "Head of Corporate Communications": a title,
    capitalised, names nobody (nor does "Corporate Communications" after "Head of")."""
    doc = span.doc
    if all(t.lower_ in TITLE_FUNCTIONS | {"and", "&"} for t in span) and span.start > 1 \
            and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in _FUNCTION_HEADS:
        return True                     # (not "founder of Digital Research": a founder founds a firm)
    if len(span) > 1 and all(t.lower_ in TITLE_FUNCTIONS | {"and", "&"} for t in span) and span.end < len(doc) \
            and doc[span.end].lower_ in _TITLE_NOUNS - {"founder", "co-founder", "cofounder", "boss"} \
            and doc[span.end].text[:1].isupper():
        return True                     # "Corporate Communications Manager": a title the model cut short
    return len(span) > 1 and all(t.lower_ in _TITLE_WORDS for t in span) and span[-1].lower_ in _TITLE_NOUNS \
        and span[0].lower_ in EXECUTIVE_TITLES | TITLE_FUNCTIONS | {"chief", "vice", "senior", "deputy"}   # (not
    #                                                     "Brand Growth", "Digital Research", "Growth Partner",
    #                                                     "Data General": a title ends in a noun for a post)


_FUNCTION_HEADS = {"head", "director", "vp", "manager"}
_PLACE_PREPOSITIONS = {"in", "near", "outside", "around", "across", "throughout"}   # (not "ten years at Santander")
_TITLE_NOUNS = {"officer", "director", "manager", "head", "president", "chairman", "chairwoman", "chairperson",
                "chair", "executive", "founder", "co-founder", "cofounder", "boss", "ceo", "cfo", "coo", "cto", "cmo",
                "cio", "vp", "md", "gm"}


def _surname_of_a_person_tagged_organisation(words: list[str], votes: Counter, prior: Counter,
                                             tagged_person_alone: Counter, said_alone: dict[str, Counter]) -> bool:
    """"Marit Hjelmsøe's office", tagged an organisation once, then "Hjelmsøe says", "Hjelmsøe, 51", tagged a
    person again and again with nothing calling it a company: the model's one label is the slip."""
    surname = words[-1]
    return len(words) in (2, 3) and votes.get("Company", 0) - prior.get("Company", 0) <= 0 \
        and not votes.get("Product", 0) > 0 and surname not in INDUSTRY_WORDS | _LEGAL \
        and tagged_person_alone[surname] >= 2 and said_alone[surname].get("Company", 0) <= 0 \
        and said_alone[surname].get("Product", 0) <= 0


def _city_by_own_name(key: str) -> Place | None:
    """The city a name is the own name of (not another city's old or local one: "San Miguel", "Rio")."""
    place = resolve_place(key.title())
    return place if place is not None and place.kind == "city" and place_key(place.name) == place_key(key) else None


def _city_describing(span: Span) -> bool:
    """A big city's name on a noun, saying where it is: "the Jeddah order", "an Edinburgh specialist", "Edinburgh's
    Kettleburn Group" (not "Zurich reported", "Allianz, Zurich and Generali": firms named like cities; nor "a Yili
    spokesman": a title is a firm's)."""
    root = span.root
    return root.dep_ in ("compound", "amod", "nmod", "poss") and _big_city(span.text.lower()) \
        and root.head.lower_ not in TITLES and root.head.lemma_.lower() not in TITLES


def _in_capitals(doc: Doc) -> bool:
    """A line in capitals ("2. XENTHORA GOES TO CYPRUS"): what is a name there, the case does not tell."""
    letters = [t for t in doc if t.is_alpha]
    return len(letters) >= 3 and all(t.is_upper for t in letters)


def _unit_named_for_its_country(ent: Span) -> Span | None:
    """A firm's name and a country, the two a unit's name: "Ondivar Portugal, its subsidiary in Portugal", "Kelvo
    India, the local arm" (the country's token heads the name, a unit's noun in apposition to it)."""
    doc, country = ent.doc, ent.root
    start = ent.start
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == country \
            and doc[start - 1].pos_ == "PROPN" and doc[start - 1].ent_type_ in ("", "ORG"):
        start -= 1
    if start == ent.start or resolve_market(ent.text) is None:
        return None
    unit = any(c.dep_ == "appos" and c.lemma_.lower() in SUBSIDIARY_NOUNS - {"brand", "brands"} for c in country.children)
    return doc[start:ent.end] if unit else None


def _names_a_site(span: Span) -> bool:
    """A name on a site after "the": "the Quilcaro copper mine", "the Ostrava plant" (unless the words around say
    firm or goods)."""
    site = span.root.head
    while site.dep_ == "compound" and site.head.i > site.i and site.pos_ == "NOUN":
        site = site.head                  # ("Quilcaro copper mine": "copper" on "mine")
    votes = context_votes(span)
    return span.root.dep_ == "compound" and site.i > span.root.i and site.pos_ == "NOUN" \
        and site.lemma_.lower() in SITE_NOUNS | {"project", "deposit", "field", "terminal", "port", "dam"} \
        and span.start > 0 and span.doc[span.start - 1].lower_ == "the" \
        and votes.get("Company", 0) < 1 and votes.get("Product", 0) < 1


def _listing_note(span: Span) -> bool:
    """Where a firm's shares trade, in brackets after its name: "(Copenhagen: CALDX)", "(NASDAQ: KLVO)", "(NYSE:ABC)"
    (an exchange and a ticker, no names of their own)."""
    doc = span.doc
    opening = next((i for i in range(span.start - 1, max(span.start - 5, -1), -1) if doc[i].text == "("), None)
    closing = next((i for i in range(span.end, min(span.end + 5, len(doc))) if doc[i].text == ")"), None)
    if opening is None or closing is None:
        return False
    inside = doc[opening + 1:closing]
    colons = [t.i for t in inside if t.text == ":"]
    if len(colons) != 1 or not opening + 1 < colons[0] < closing - 1:
        return False
    market, ticker = doc[opening + 1:colons[0]], doc[colons[0] + 1:closing]
    exchange = market.text.replace(" ", "").isupper() and len(market.text) <= 12 \
        or resolve_place(market.text) is not None                     # "NYSE", "Copenhagen"
    return exchange \
        and len(ticker) <= 3 and all(t.is_upper or t.like_num or t.text in ".-" for t in ticker) \
        and len(ticker.text.replace(".", "").replace("-", "")) <= 6


def _city_naming_a_site(span: Span) -> bool:
    """A city's name on a firm's site: "our Zlín factory", "Kestlinger's Penang plant", a big city's "the Sosnowiec
    plant" (where it is, no name of its own; not "the Nokia factory": a town's name a firm may bear), unless the
    words around say firm."""
    root = span.root
    return len(span) <= 2 and root.dep_ == "compound" and root.head.i == span.end \
        and root.head.lemma_.lower() in SITE_NOUNS | FIRM_SITE_NOUNS | STORE_NOUNS | {"headquarters"} \
        and (place := resolve_place(span.text)) is not None and place.kind == "city" \
        and (any(c.dep_ == "poss" for c in root.head.children) or (place.population or 0) > 100_000) \
        and context_votes(span).get("Company", 0) < 2


_MALL_WORDS = {"mall", "plaza", "souk", "centre", "center"}


def _shopping_site(span: Span) -> bool:
    """A mall's or shopping centre's name after its city, or where shops are: "Dubai's Dalmeyra Mall", "Riyadh's
    Iqtidar Centre", "a shop in Dalmeyra Mall" (a place shops open in, not a firm; but "Kelvo Mall, an online
    marketplace" and "the Kelvo Research Centre" stay what the text makes them)."""
    if len(span) < 2 or not span[-1].is_title or span[-1].lower_ not in _MALL_WORDS:
        return False
    doc, root = span.doc, span.root
    before = doc[span.start - 2] if span.start >= 2 and doc[span.start - 1].tag_ == "POS" else None
    return before is not None and resolve_place(before.text) is not None \
        or span[-1].lower_ in ("mall", "souk") and root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "inside")


_COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
            "north-west", "south-east", "south-west", "outskirts"}
# Nouns of a site a place is where: "its terminal at Mackay", "the plant at Yarwun".
_SITE_NOUNS = _PLACED | {"terminal", "port", "mine", "depot", "warehouse", "facility", "refinery", "mill", "works",
                         "hub", "airport", "station", "yard", "smelter", "base", "centre", "center", "branch"}
# Verbs of holding a post somewhere: "worked at Nokia" is a firm, not a town.
_POST_VERBS = {"work", "join", "serve", "spend", "stay", "remain", "train", "study", "intern", "rise", "retire"}


def _placed(root: Token) -> bool:
    """A name after a preposition of place: "in Osaka", "near Durham"."""
    return root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS


def _sited(root: Token) -> bool:
    """A name said to be where something is: "north of Gladstone", "its terminal at Mackay", "was selling for $960 a
    tonne at Gladstone" (not "sales at Meridian", "ten years at Santander", "worked at Apex": what a firm does, a
    post at a firm)."""
    if root.dep_ != "pobj":
        return False
    preposition = root.head
    if preposition.lower_ == "of":
        return preposition.head.lower_ in _COMPASS
    head = preposition.head
    return preposition.lower_ == "at" and (head.lemma_.lower() in _SITE_NOUNS if head.pos_ in ("NOUN", "PROPN")
                                           else head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in _POST_VERBS)


# Verbs goods are sold "as" or "under" a name: "sold as Felzoxaban Balvantra", "marketed under the Lidrobar brand"
# (not "launched as Kelvo Labs in 2015": a firm is launched under a name too).
_SOLD_AS_VERBS = frozenset({"sell", "market", "offer", "retail"})


# Labels that are goods' or a shop's, not a fashion or record label: "its private label", "a nutrition label".
_GOODS_LABELS = {"private", "own", "white", "nutrition", "warning", "food", "price", "energy", "care", "shipping"}


def _written_like_a_persons_name(span: Span) -> bool:
    """Two or three capitalised words, hyphenated surnames allowed, none a trade word: "Intan Saraswati-Koh" (not
    "Kelvo News", "Bloomberg")."""
    words = [t for t in span if t.text != "-"]
    return 2 <= len(span.text.split()) <= 3 and all(t.is_title and t.is_alpha for t in words) \
        and not any(t.lower_ in TRADE_NAME_ENDINGS | COMPANY_NOUNS | {"news", "staff", "desk", "team"} for t in words)


def _big_city(key: str) -> bool:
    """A city of over 100,000 people: named alone, a place before it is a company."""
    place = _city_by_own_name(key)
    return place is not None and (place.population or 0) > 100_000


def _known_city_after_the(span: Span) -> bool:
    """'the Ghent operator': a city of over 100,000 people by any of its names, after "the" (GeoNames calls it Gent)."""
    place = resolve_place(span.text) if span.start > 0 and span.doc[span.start - 1].lower_ == "the" else None
    return place is not None and place.kind == "city" and (place.population or 0) > 100_000


def _town(key: str) -> bool:
    """A city or town of GeoNames' table, by its own name ("Grangemouth")."""
    return _city_by_own_name(key) is not None


_MARK_NOUNS = {"mark", "marking", "certification", "certificate", "label", "standard", "rating"}


def _firm_in_title_letters(span: Span) -> bool:
    """"GM" the model calls an organisation and that no name follows: General Motors, not a general manager ("GM
    pays $2bn", "GM chief executive Rick Wagoner"; but "MD Ann Lee")."""
    doc = span.doc
    return len(span) == 1 and span.text.isupper() and span[0].ent_type_ == "ORG" \
        and not (span.end < len(doc) and doc[span.end].ent_type_ == "PERSON") \
        and not any(c.dep_ in ("det", "poss", "amod") for c in span[0].children)   # ("Xiaomi's newly appointed VP")


_STREET_WORDS = {"street", "st", "st.", "avenue", "ave", "ave.", "road", "rd", "rd.", "boulevard", "blvd", "drive",
                 "lane", "highway", "square", "plaza"}


def _street(span: Span) -> bool:
    """"on North 10th Street", "at 55 Water Street": an address, not a name of a party."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in _STREET_WORDS and doc[span.end].text[:1].isupper() \
        and all(t.like_num or re.fullmatch(r"\d+(st|nd|rd|th)", t.lower_) or t.lower_ in ("north", "south", "east",
                                                                                         "west") for t in span) \
        and not (span.end + 1 < len(doc) and doc[span.end + 1].text[:1].isupper())    # (not "Vanta 5 Road Edition")


def _funding_round(span: Span) -> bool:
    """"a $62 million Series C round": a round of funding, not a product; nor "two Phase 3 studies", a stage of a
    drug's trials."""
    doc = span.doc
    return len(span) == 2 and span[0].lower_ == "series" and len(span[1].text) == 1 and span[1].text.isupper() \
        and span.end < len(doc) and doc[span.end].lower_ in ("round", "funding", "financing", "raise") \
        or len(span) == 2 and span[0].lower_ == "phase" and re.fullmatch(r"[1-4][ab]?|I{1,3}[ab]?|IV", span[1].text) \
        is not None


def _certification(span: Span) -> bool:
    """"won CE marking", "its CE mark", "an ISO 9001 certificate": letters naming a standard, not a firm."""
    doc = span.doc
    return len(span) == 1 and span.text.isupper() and len(span.text) <= 4 and span.end < len(doc) \
        and doc[span.end].lemma_.lower() in _MARK_NOUNS and doc[span.end].is_lower \
        and resolve_market(span.text) is None and span[0].ent_type_ not in ("GPE", "NORP")   # (not "US rating")


def _is_amount(span: Span) -> bool:
    """"EUR 89", "CHF 120", "K24" where the paragraph names Zambia: a currency and a number are an amount, not a
    model's name (nor is the code a company's)."""
    doc = span.doc
    text = doc[span.start:min(len(doc), span.end + 2)].text     # with what follows: "DKK 780" in "DKK 780m"
    found = find_money(text)
    if not found and text[:1].isupper() and any(c.isdigit() for c in text):
        found = find_money(text, _countries_named(doc))   # ("K24.50" in a paragraph about Zambia: kwacha; "AED
        #                                                   890" about Dubai)
    return bool(found) and found[0][0] == 0 and found[0][1] >= len(span.text) \
        or cfa_amount_at(text) >= len(span.text)                 # ("CFA 4,500": a franc, whichever)


def _countries_named(doc: Doc) -> tuple[str, ...]:
    """The countries a paragraph names, by name or by a city in them (ISO codes, in order), whatever the model's
    labels: they say which local currency an amount is in (worked out once a paragraph)."""
    if "kg_countries" not in doc.user_data:
        doc.user_data["kg_countries"] = tuple(dict.fromkeys(
            code for token in doc if token.pos_ == "PROPN" and token.is_title and (code := (
                market.code if (market := resolve_market(token.text)) is not None and market.kind == "country"
                else place.country if (place := resolve_place(token.text)) is not None else None))))
    return doc.user_data["kg_countries"]


_OVERRULED = ("Company", "Person", "Product")     # the model's market labels are checked against pycountry


def _context_over_model(votes: Counter, prior: Counter) -> None:
    """The model's label is a guess; what the text says of a name is evidence. When the context
    alone votes clearly for one type (three or more) and gives the model's type nothing, the
    model's votes go: "US partner Biogen Idec", tagged a person in every mention, is a company."""
    context = {kind: votes.get(kind, 0) - prior.get(kind, 0) for kind in _OVERRULED}
    best = max(context, key=context.get)
    if context[best] < 3:
        return
    for kind in _OVERRULED:
        if kind != best and prior.get(kind, 0) > 0 and context[kind] <= 0.5:
            votes[kind] -= prior[kind]
