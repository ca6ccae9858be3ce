"""Market events read from one sentence: launches, prices, financial results, cancelled deals,
rebrands. (Market entries, store openings and partnerships come with their facts, in relations.)"""

from __future__ import annotations

import re

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.model import Event

from .context import DocContext
from .lexicon import (CANCEL_VERBS, CHANGE_VERBS, COMMENTATOR_TITLES, FINANCE_TERM_QUALIFIERS, LAUNCH_VERBS,
                      METRIC_WORDS, PARTNERSHIP_NOUNS, PRODUCT_NOUNS, PRODUCT_ONLY_NOUNS, PURCHASE_NOUNS,
                      REBRAND_WORDS, SPEECH_VERBS)
from .normalize import find_money, normalize_date
from .relations import (conjuncts, dropped_later, foil, negated, repriced_product, subject_companies,
                        subject_of)

_PERIOD_WORDS = {"quarter", "year", "fiscal", "half", "month", "q1", "q2", "q3", "q4"}


def _baseline(date: Span) -> bool:
    """'up 265% from a year ago', 'from $1.4bn a year earlier', 'than last year': the date compared with."""
    words = {t.lower_ for t in date} | {t.lower_ for t in date.root.ancestors if t.i < date.start}
    before = date.doc[date.start - 1].lower_ if date.start > 0 else ""
    return before in ("from", "than", "versus", "vs", "with") or bool(words & {"earlier", "ago"}) and "from" in {
        t.lower_ for t in date.doc[max(0, date.start - 6):date.start]}


def sentence_date(ctx: DocContext, sentence: Span, near: Token | None = None) -> str | None:
    dates = [e for e in sentence.ents if e.label_ == "DATE" and not _baseline(e)]
    if near is not None:
        dates.sort(key=lambda e: abs(e.root.i - near.i))
    for ent in dates:
        value = normalize_date(ent.text, ctx.article.published)
        if value:
            return value
    return None


def launches(ctx: DocContext, p: int, sentence: Span) -> Iterator[Event]:
    """'Acme launched the X1 and X2 on February 13', 'Foo unveiled its new Bar', 'Foo will enter the
    market with its Bar', 'Foo's Bar ... since it was launched'."""
    for verb in sentence:
        if verb.lemma_ == "enter" and verb.pos_ == "VERB":
            yield from (_launch(ctx, p, verb, company, product) for company, product in _entering_with(ctx, p, verb))
        if (product := _goes_on_sale(ctx, p, verb)) is not None:
            yield _launch(ctx, p, verb, None, product)     # "Tolberrin Sherry Cask ... goes on sale in Australia this
            continue                                       # month": a launch by its makers the text names
        if verb.lemma_ not in LAUNCH_VERBS and not _begins_selling(verb) or verb.pos_ != "VERB":
            continue
        if (launched := _launched_without_agent(ctx, p, verb) or _launched_in_a_clause(ctx, p, verb)) is not None:
            yield _launch(ctx, p, verb, *launched)
            for other in _listed_with(ctx, p, verb, launched[1]):    # "The Qerabook 14 and Qerabook 14 Pro were
                yield _launch(ctx, p, verb, ctx.maker_of.get(other, launched[0]), other)   # unveiled": each one
            continue
        subject = subject_of(verb)
        companies = subject_companies(ctx, p, subject) if subject else []
        objects = [t for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]
        objects += [t for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
                    and any(d.dep_ == "dobj" for d in verb.children)
                    and not ctx.entities_in(p, list(c.subtree), "Company") for t in c.subtree]   # "launched the Zorba 5
        #                                                      and the Zorba 5 Pro", the second hung on the verb
        objects += [t for c in verb.children if c.dep_ in ("conj", "advcl") and c.lemma_ in ("call", "name", "dub")
                    for o in c.children if o.dep_ == "oprd" for t in o.subtree]   # "launching a service, called X"
        if verb.dep_ == "acl" or (not companies and any(c.dep_ == "agent" for c in verb.children)):
            agents = [t for c in verb.children if c.dep_ == "agent" for t in c.subtree]
            companies = ctx.entities_in(p, agents, "Company")
            objects = [verb.head]
        if not companies:
            continue
        if verb.lemma_ in ("ship", "release") and any(t.like_num or t.ent_type_ in ("CARDINAL", "QUANTITY")
                                                      for c in verb.children if c.dep_ == "dobj" for t in c.subtree):
            continue                     # "shipped 58 million iPhones": a sales volume, not a launch
        doc = verb.doc                   # "launched a Norvix-based player": Norvix only qualifies what was launched
        objects = [t for t in objects if not (t.i + 2 < len(doc) and doc[t.i + 1].text == "-"
                                              and doc[t.i + 2].lower_ == "based") and not foil(t)]
        for product in ctx.entities_in(p, objects, "Product"):
            for company in companies:    # "Sony, IBM and Toshiba will unveil the chip": a launch by each
                yield _launch(ctx, p, verb, company, product)


def _begins_selling(verb: Token) -> bool:
    """'began selling its Aster 7 in Japan': selling its own goods that began is a launch (one that will start is news
    of a market to come, "will start selling the Zeel in Italy"; a shop's "began selling the Aster 7" sells another's;
    "began selling off its unit" is a sale)."""
    return verb.lemma_ in ("sell", "offer") and verb.dep_ == "xcomp" and verb.head.lemma_ in ("begin", "start", "commence") \
        and verb.head.tag_ == "VBD" and not negated([verb, verb.head]) \
        and not any(c.dep_ == "prt" or c.lower_ == "off" for c in verb.children) \
        and any(c.dep_ == "dobj" and any(d.dep_ == "poss" and d.lower_ == "its" for d in c.subtree)
                for c in verb.children)


def _launch(ctx: DocContext, p: int, verb: Token, company: str | None, product: str) -> Event:
    sentence = verb.sent
    return Event("ProductLaunch", {"company": company, "product": product}, ctx.evidence(p, sentence),
                 date=sentence_date(ctx, sentence, verb))


def _entering_with(ctx: DocContext, p: int, verb: Token) -> list[tuple[str, str]]:
    """'Foo will enter the market with its Bar': Foo launches Bar (only the object of "with", not "with help
    from Baz, maker of Bar"; not when negated)."""
    subject = subject_of(verb)
    if subject is None or negated([verb]):
        return []
    products = [n for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                for o in c.children if o.dep_ == "pobj" for x in conjuncts(o) if (n := ctx.entity_at(p, x, "Product"))]
    companies = [c for s in conjuncts(subject) if (c := ctx.entity_at(p, s, "Company"))]
    return [(company, product) for company in companies for product in products]


def _launched_without_agent(ctx: DocContext, p: int, verb: Token) -> tuple[str | None, str] | None:
    """'Foo's Bar was launched in May', 'Foo's Bar store, since it was launched', 'video game Bar 2 has been
    released': a passive launch of a product, with no agent (the caller handles 'launched by Foo'). The maker is
    the one the text names with the product, else None: the document's makers of it, once known."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not subjects and verb.lemma_ in ("launch", "debut") and not any(c.dep_ == "dobj" for c in verb.children):
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and _names_a_product(ctx, p, c)]
        #                                   "Its Kastivo Plus subscription ... launched in Latvia in June"
    if not subjects or negated([verb]) or any(t.dep_ == "agent" for t in verb.subtree):
        return None                       # (nor "launched amid fanfare by Foo": the agent on another word)
    product = next((n for subject in subjects for n in [ctx.entity_at(p, subject, "Product"), *(   # "Foo's Bar 5
        ctx.entity_at(p, c, "Product") for c in subject.children if c.dep_ in ("compound", "nmod", "appos"))] if n),
        None)                                                    # ... "video game Bar 2 has been released"
    subject = subjects[0]                                        # phone was launched"
    main = subject_of(verb.head) if verb.dep_ == "advcl" else None
    if product is None and subject.lower_ == "it" and not (main is not None and ctx.entity_at(p, main, "Company")):
        product = next((name for t in reversed(list(verb.sent)) if t.i < subject.i    # "since it was launched":
                        and (name := ctx.entity_at(p, t, "Product"))), None)         # the product named before it
        #                                (not "Kelvo, maker of the Zephyr, has grown since it was launched": Kelvo)
    if product is None:
        return None
    mention = next((m for m in ctx.mentions if m.entity == product and m.para == p and not m.anaphor), None)
    root = ctx.paragraphs[p].doc[mention.start:mention.end].root if mention is not None else None
    holders = [root, root.head] if root is not None and root.dep_ in ("compound", "nmod", "appos") \
        else [root] if root is not None else []
    owner = next((n for h in holders for c in h.children      # "Foo's Bar", "Foo's Bar music store", "Foo's game Bar"
                  if c.dep_ == "poss" and (n := ctx.entity_at(p, c, "Company"))), None)
    return owner or ctx.maker_of.get(product), product


def _goes_on_sale(ctx: DocContext, p: int, verb: Token) -> str | None:
    """The product that goes (or went, or will go) on sale, named here first: its launch ("Tolberrin Sherry Cask, a
    limited release, goes on sale this month"; not "did not go on sale", nor a firm "on sale" to buyers, nor "the S3
    goes on sale in the Netherlands" after the text told where it sells: a new market for it)."""
    if verb.lemma_ != "go" or verb.pos_ != "VERB" or negated([verb]) or not any(
            c.dep_ == "prep" and c.lower_ == "on" and any(o.lower_ == "sale" for o in c.children) for c in verb.children):
        return None
    subject = subject_of(verb)
    if subject is None:
        return None
    product = next((n for t in [subject, *(c for c in subject.children if c.dep_ in ("compound", "nmod", "appos"))]
                    if (n := ctx.entity_at(p, t, "Product"))), None)
    named_before = any(m.entity == product and (m.para, m.start) < (p, verb.sent.start) for m in ctx.mentions)
    return None if named_before else product


def _listed_with(ctx: DocContext, p: int, verb: Token, product: str) -> list[str]:
    """The other products of the verb's subject list ("The Qerabook 14 and Qerabook 14 Pro were unveiled", however the
    parser hangs the first on the second)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
    listed = [x for s in subjects for c in [s, *(m for m in s.children if m.dep_ in ("nmod", "compound"))]
              for x in [c, *c.conjuncts]]
    return list(dict.fromkeys(n for x in listed if (n := ctx.entity_at(p, x, "Product")) and n != product))


def _names_a_product(ctx: DocContext, p: int, noun: Token) -> bool:
    """The noun is a product's name, or a kind of goods with its name before it ("its Kastivo Plus subscription")."""
    return ctx.entity_at(p, noun, "Product") is not None or any(
        c.dep_ in ("compound", "nmod") and ctx.entity_at(p, c, "Product") for c in noun.children)


def _launched_in_a_clause(ctx: DocContext, p: int, verb: Token) -> tuple[str | None, str] | None:
    """A participle or relative clause of launching on a product's name or on the noun in apposition to it: "the
    Tessivar E11, launched in November", "Orvendi Basic, the ad-funded tier it launched in Spain" (its maker: the
    clause's subject, else the one the document names). Not with an agent (the caller handles "launched by Foo")."""
    if verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBN") and verb.i > 0 and verb.doc[verb.i - 1].text == "," \
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i == verb.i - 2), None)
        product = ctx.entity_at(p, subject, "Product") if subject is not None else None   # "Cumbrera Cero, launched
        return (_named_maker(ctx, product), product) if product else None     # that year, now accounts for ...",
        #                                                                       parsed as "Cero launched"
    if verb.dep_ not in ("acl", "relcl") or negated([verb]) or any(c.dep_ == "agent" for c in verb.children) \
            or verb.dep_ == "acl" and verb.tag_ != "VBN":
        return None
    noun = verb.head
    product = ctx.entity_at(p, noun, "Product") or (
        ctx.entity_at(p, noun.head, "Product") if noun.dep_ == "appos" else None)
    owner = None
    if product is None and verb.dep_ == "acl" and noun.lemma_.lower() in PRODUCT_NOUNS \
            and verb.lemma_ in ("launch", "introduce", "unveil", "debut"):       # (not "H1 cartridges shipped to")
        product = next((n for c in noun.children if c.dep_ in ("compound", "nmod")        # "Its Kastivo Plus
                        and (n := ctx.entity_at(p, c, "Product"))), None)              # subscription, ..., launched
        owner = next((n for c in noun.children if c.dep_ == "poss"                      # in Latvia in June"
                      and (n := ctx.entity_at(p, c, "Company"))), None)
    if product is None:
        return None
    if owner is not None:
        return owner, product
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb.dep_ == "relcl" else None
    company = ctx.entity_at(p, subject, "Company") if subject is not None and subject.pos_ != "PRON" else None
    if verb.dep_ == "relcl" and subject is not None and subject.pos_ != "PRON" and company is None:
        return None                       # ("the tier a rival launched": someone else's launch, unnamed)
    return company or _named_maker(ctx, product), product       # ("it launched": the product's maker, not a guess)


def _named_maker(ctx: DocContext, product: str) -> str | None:
    """The company a product's name begins with ("Orvendi" of "Orvendi Basic"), when the text calls it a company."""
    maker = ctx.maker_of.get(product)
    return maker if maker is not None and ctx.types.get(maker) == "Company" else None


# Words that make an amount next to a product its price: "costs $899", "priced at", "sells for", "a pricey $499".
PRICE_WORDS = frozenset({"price", "cost", "sell", "retail", "charge", "pay", "start", "list", "buy", "tag", "for", "at",
                         "pricey", "cheap", "affordable", "expensive", "inexpensive", "budget", "worth"})


def money_events(ctx: DocContext, p: int, sentence: Span) -> Iterator[Event]:
    """A money amount with a financial metric is a FinancialResult of the company it belongs to;
    with a product in the same clause, it is that product's price. Only the first amount of a
    clause counts ("fell to 785m euros from 2.4bn euros": the new figure)."""
    done_clauses = set()
    found = [(sentence.char_span(start, end, alignment_mode="expand"), amount, currency)
             for start, end, amount, currency in find_money(sentence.text, ctx.countries())]
    spans = [span for span, _, _ in found if span is not None]
    for span, amount, currency in found:
        if span is None:
            continue
        described = _described_in_apposition(span)
        if described is not None:      # "Lokumora Pass, a $5.99 monthly subscription": its price, not the clause's
            product = ctx.entity_at(p, described.head, "Product")          # revenue ("Kelvo, a $2bn company": no
            if product is not None and described.lemma_.lower() in PRODUCT_ONLY_NOUNS \
                    and not _scaled(sentence, span):                              # price at all; "Zorva Quest, a $200
                #                                                                   million game": its budget)
                yield Event("ProductPrice", {"product": product, "amount": amount, "currency": currency},
                            ctx.evidence(p, sentence))
            continue
        clause = _clause(span.root)
        own = ctx.entities_in(p, list(clause.subtree), "Product")
        gapped = not own and clause.dep_ == "conj" and span.start <= clause.i < span.end   # "..., and the Tavren
        nearest = _product_priced_before(ctx, p, clause if own else sentence.root, span, spans) \
            if own or gapped else None                                                       # 8 Pro €949"
        if gapped and nearest is None and clause.head != clause:     # "at €399 in France, £349 in the UK and $379
            clause = _clause(clause.head)                            # in the United States": the last amount hung
            own = ctx.entities_in(p, list(clause.subtree), "Product")    # on the one before
        key = clause.i if nearest is None else (clause.i, nearest)     # "The Tavren 8 costs €649, and the Tavren 8
        market = _market_named_after(ctx, p, span)                     # Pro €949": an amount for each
        if key in done_clauses and (market is None or (key, market) in done_clauses):
            continue                   # ("€449 in France, £399 in the UK": a price in each market, of prices only)
        another_market = key in done_clauses
        done_clauses.update((key, (key, market)))
        words = {t.lemma_.lower() for t in clause.subtree if not (t.dep_ == "pobj" and t.head.lower_ == "under"
                                                                  and t.lemma_.lower() in PARTNERSHIP_NOUNS)}
        #         ("Under the partnership, Gentavo will sell it at 450,000 rupiah a month": a price, not the deal's)
        metric = next((_metric(t) for t in clause.subtree if _metric(t)), None)
        if metric is None and clause.head != clause:   # "saw profits fall to X": the metric is one level up
            metric = next((_metric(t) for t in clause.head.subtree if _metric(t) and t.i < span.start), None)
        if metric is None and clause.lemma_.lower() == "earn" and span.root.dep_ in ("dobj", "pobj", "nummod"):
            metric = "earnings"          # "Vantel earned $187m in the quarter"
        if metric and _hypothetical(clause):
            continue                     # "has forecast a loss of", "would have sales of", "sales of $1bn were possible"
        if metric:
            if another_market:
                continue
            company = _owner_of_figure(ctx, p, clause, sentence)
            if company:
                yield Event("FinancialResult", {"company": company, "metric": metric, "amount": amount,
                                                "currency": currency, "period": _period(ctx, sentence)},
                            ctx.evidence(p, sentence), date=sentence_date(ctx, sentence))
            continue
        products = [nearest] if nearest is not None else own
        if not products and clause.dep_ == "relcl" and clause.lemma_ in ("price", "cost", "retail", "sell"):
            products = [n for t in (clause.head, *(o for c in clause.head.children if c.dep_ == "prep"
                                                   and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"),
                                    *(c for c in clause.head.children if c.dep_ in ("compound", "nmod")
                                      and clause.head.lemma_.lower() in PRODUCT_ONLY_NOUNS))
                        if (n := ctx.entity_at(p, t, "Product"))][:1]   # "Orbit Plus, which costs 149 pesos a
            #                                   month" (or "members of Orbit Plus, which"; "a Daphira blazer that costs")
        if not products and clause.dep_ == "advcl" and clause.lemma_ in ("price", "cost", "retail", "sell"):
            products = ctx.entities_in(p, [t for c in clause.head.children if c.dep_ in ("dobj", "nsubj")
                                           for t in c.subtree], "Product")   # "launched the Zephyr S ..., priced
            #                                                                   at 499 euros", "It will be available
            #                                                                   ..., priced at 389,000 euros"
        subject = subject_of(clause) if clause.lemma_ == "be" else None    # "The Orbit Max is $499" (not "the
        priced_as = subject is not None and _amount_root(span).dep_ == "attr" \
            and ctx.entity_at(p, subject, "Product") in products              # recall of the Orbit Max was $80m")
        if (bracketed := _bracketed_after(ctx, p, span) or _labelled_with(ctx, p, span)) is not None:
            products, priced_as = [bracketed], True
        if len(products) > 1 and nearest is None and len([a for a in spans if a.root in clause.subtree]) == 1 \
                and _listed_together(ctx, p, clause, products) and _words_about(clause, span) & _STRICT_PRICE_WORDS \
                and not words & (PARTNERSHIP_NOUNS | _CHARGE_NOUNS) and not _per_share(sentence, span) \
                and not any(_counted(ctx, p, product, clause) for product in products) \
                and clause.tag_ not in ("VBD", "VBN") and not words & {"total", "combined", "together", "all"} \
                and not _scaled(sentence, span) \
                and not any(c.dep_ in ("xcomp", "csubj", "advcl") for c in clause.children) \
                and not ((seller := subject_of(clause)) is not None and ctx.entity_at(p, seller, "Company")):
            #         (not "sold the Zorva 5 and the Zorva 6 for $2bn in total", "Kelvo will sell X and Y for $2bn")
            for product in products:     # "The range - Yatai Bao Bites, Yatai Gyoza Crunch and Yatai Katsu Pockets -
                yield Event("ProductPrice", {"product": product, "amount": amount, "currency": currency},   # will
                            ctx.evidence(p, sentence))                                       # sell for £3.50 a box"
            continue
        if len(products) == 1 and not words & PARTNERSHIP_NOUNS and (_words_about(clause, span) & PRICE_WORDS
                                                                     or priced_as or nearest is not None
                                                                     or _repriced_to(ctx, p, clause, span, products[0])) \
                and not words & _CHARGE_NOUNS and not _buys_a_firm(ctx, p, clause) \
                and not _counted(ctx, p, products[0], clause) and not _per_share(sentence, span):
            #                                (not "40 Skyframe S300 jets worth $5bn", "a range of €19 to €23 a share")
            yield Event("ProductPrice", {"product": products[0], "amount": amount, "currency": currency},
                        ctx.evidence(p, sentence))


def _market_named_after(ctx: DocContext, p: int, amount: Span) -> str | None:
    """The market an amount is said to be paid in, right after it ("£399 in the UK")."""
    following = [t for t in amount.doc[amount.end:min(amount.end + 3, amount.sent.end)] if t.dep_ != "det"]
    if len(following) < 2 or following[0].lower_ != "in":
        return None
    return ctx.entity_at(p, following[1], "Market")


def _buys_a_firm(ctx: DocContext, p: int, clause: Token) -> bool:
    """The clause's object is a company ("agreed to buy Zmorak Studio, the developer of the Vesperhold games, for
    €260m"): the amount is what the firm costs, not its products' price."""
    return any(c.dep_ == "dobj" and ctx.entity_at(p, c, "Company") for c in clause.children)


def _scaled(sentence: Span, amount: Span) -> bool:
    """An amount written with a scale ("$200 million", "€1.2bn"): a budget or a deal, no shelf price."""
    return re.search(r"(?i)\d\s*(?:m|bn|b|k|mn|million|billion|trillion|crore|lakh)\b",
                     amount.doc[amount.start:amount.end + 1].text) is not None


def _listed_together(ctx: DocContext, p: int, clause: Token, products: list[str]) -> bool:
    """The products are the names of one list in the clause ("A, B and C"), each named once."""
    heads = [t for t in clause.subtree if (m := ctx.mention_at(p, t)) is not None and m.type == "Product"
             and m.entity in products and t == ctx.paragraphs[p].doc[m.start:m.end].root]
    return len(heads) == len(products) and all(h in conjuncts(heads[0]) for h in heads[1:])


def _described_in_apposition(amount: Span) -> Token | None:
    """The noun in apposition an amount qualifies: "Lokumora Pass, a $5.99 monthly subscription", "Kelvo, a $2bn
    company" (the noun, with "a" before it)."""
    noun = amount.root
    while noun.dep_ in ("nmod", "nummod", "compound", "amod", "quantmod") and noun.head != noun:
        noun = noun.head
    if noun.dep_ != "appos" or noun.pos_ != "NOUN" \
            or not any(t.lower_ in ("a", "an") for t in noun.children if t.dep_ == "det"):
        return None
    return noun


def _repriced_to(ctx: DocContext, p: int, clause: Token, amount: Span, product: str) -> bool:
    """The amount is the product's new price: "cut Orvendi Unlimited to €7.99"."""
    to = amount.root.head
    while to.dep_ == "conj" or to.dep_ == "pobj" and to.head.lower_ != "to":    # "to €7.99 and ..."
        to = to.head
    to = to.head if to.dep_ == "pobj" else to
    return to.lower_ == "to" and to.head == clause and repriced_product(ctx, p, clause) == product


_STRICT_PRICE_WORDS = frozenset({"price", "cost", "retail", "sell", "sale", "start", "list"})
_CHARGE_NOUNS = frozenset({"tax", "fee", "fine", "duty", "tariff", "levy", "penalty"})   # "pay $40 in sales tax"


def _product_priced_before(ctx: DocContext, p: int, clause: Token, amount: Span, amounts: list[Span]) -> str | None:
    """In a clause that prices several products, the one each amount belongs to: the product named last before it
    ("The Tavren 8 costs €649 or £579, and the Tavren 8 Pro €949": €949 is the Pro's), or, for products listed
    together before as many amounts listed together, the one in the same place ("The Zephyr 5 and Zephyr 5 Pro cost
    $499 and $699"); not a product inside a clause on another ("The Zephyr 5, which replaces the Kelvo X9, costs
    $499"), nor any when the clause says no price."""
    tokens = sorted(clause.subtree, key=lambda t: t.i)
    if not {t.lemma_.lower() for t in tokens} & _STRICT_PRICE_WORDS and not (
            amount.start > 0 and amount.doc[amount.start - 1].lower_ in ("at", "for")):   # "Qerabook 14 at ₹59,999"
        return None
    inside = {t.i for t in tokens}
    items: list[tuple[int, str, str | None]] = [(a.start, "amount", None) for a in amounts if a.start in inside]
    for token in tokens:
        mention = ctx.mention_at(p, token)
        if mention is not None and mention.type == "Product" and mention.entity and token.i == mention.start \
                and not _aside(token, amount):
            items.append((token.i, "product", mention.entity))
    items.sort()
    named = {name for _, kind, name in items if kind == "product"}
    if len(named) < 2:            # one product left beside others' in asides ("which replaces the Kelvo X9"): its
        return next(iter(named)) if named and len(set(ctx.entities_in(p, tokens, "Product"))) > 1 else None
    position = next((k for k, (i, kind, _) in enumerate(items) if kind == "amount" and i == amount.start), None)
    if position is None:
        return None
    first = position                                # the run of amounts this one is in, and the products before it
    while first > 0 and items[first - 1][1] == "amount":
        first -= 1
    last = position
    while last + 1 < len(items) and items[last + 1][1] == "amount":
        last += 1
    start = first
    while start > 0 and items[start - 1][1] == "product":
        start -= 1
    listed = [name for _, _, name in items[start:first]]
    if len(listed) == 1:
        return listed[0]                            # ("costs €649 or £579": one product's prices)
    return listed[position - first] if listed and len(listed) == last - first + 1 else None


def _aside(token: Token, amount: Span) -> bool:
    """Whether a word sits in a relative clause or an apposition that does not hold the amount."""
    for ancestor in [token, *token.ancestors]:
        if ancestor.dep_ in ("relcl", "appos", "acl") and not any(
                amount.start <= t.i < amount.end for t in ancestor.subtree):
            return True
    return False


def _labelled_with(ctx: DocContext, p: int, amount: Span) -> str | None:
    """The product an amount is given for after a colon, with nothing else in its sentence: "A 500ml Bhekavu Cola:
    P9.90." (a fact box's or a list's way of writing a price)."""
    doc, sentence = amount.doc, amount.sent
    if amount.start < 2 or doc[amount.start - 1].text != ":" \
            or any(not t.is_punct for t in doc[amount.end:sentence.end]):
        return None
    label = [t for t in doc[sentence.start:amount.start - 1] if not t.is_punct]
    products = ctx.entities_in(p, label, "Product")
    named = {t.i for t in label if ctx.entity_at(p, t, "Product")}
    return products[0] if len(products) == 1 and all(t.i in named or t.pos_ in ("DET", "NUM", "ADJ")
                                                      or _measure_word(t) for t in label) else None


def _measure_word(token: Token) -> bool:
    """A pack size or a number with its unit: "500ml", "330ml"."""
    return re.fullmatch(r"\d+(?:[.,]\d+)?[a-zA-Z]{1,3}", token.text) is not None


def _bracketed_after(ctx: DocContext, p: int, amount: Span) -> str | None:
    """The one product whose phrase the amount follows in brackets: "makes the Aero 7 commuter e-bike (€2,899)"."""
    doc = amount.doc
    if not (1 < amount.start and doc[amount.start - 1].text == "(" and amount.end < len(doc)
            and doc[amount.end].text == ")"):
        return None
    before = doc[amount.start - 2]        # the product itself or its goods noun ("e-bike"), not "stock", "recall"
    if ctx.entity_at(p, before, "Product") is None and before.lemma_.lower() not in PRODUCT_NOUNS:
        return None
    i = amount.start - 2                  # back through the product's noun phrase ("commuter e-bike"), no further
    while i >= 0 and (doc[i].pos_ in ("NOUN", "PROPN", "NUM", "ADJ") or doc[i].text == "-"):
        if (product := ctx.entity_at(p, doc[i], "Product")) is not None:
            return product
        i -= 1
    return None


def _words_about(clause: Token, amount: Span) -> set[str]:
    """The clause's lemmas, less those of its relative clauses and participles that do not hold the amount: "Ambrosi,
    which makes clothing sold in every store, is owed €17m" sells nothing for €17m."""
    aside = {t.i for c in clause.subtree if c.dep_ in ("relcl", "acl") and not (
        c.left_edge.i <= amount.start and amount.end <= c.right_edge.i + 1) for t in c.subtree}
    return {t.lemma_.lower() for t in clause.subtree if t.i not in aside}


def _per_share(sentence: Span, amount: Span) -> bool:
    """"€19.50 to €23.50 a share", "$41 per share": a share price, whatever product the clause names."""
    after = [t.lower_ for t in sentence.doc[amount.end:min(amount.end + 6, sentence.end)]]
    return any(a in ("a", "per") and b == "share" for a, b in zip(after, after[1:]))


def _amount_root(span: Span) -> Token:
    """The amount's head word in the parse: "$499" hangs on "499", "€539" in "$499, or €539" on the first."""
    root = span.root
    while root.dep_ in ("nummod", "quantmod", "nmod", "conj", "appos") and root.head != root \
            and (root.head.like_num or root.head.is_currency or root.head.ent_type_ == "MONEY"):
        root = root.head
    return root


def _counted(ctx: DocContext, p: int, product: str, clause: Token) -> bool:
    """The product is named with a number of units ("40 Skyframe S300 jets"): the amount is an order's value."""
    for token in clause.subtree:
        if ctx.entity_at(p, token, "Product") == product:
            noun = token.head if token.dep_ in ("compound", "nmod") else token
            if any(c.dep_ == "nummod" and c.like_num and c.lower_ not in ("one", "1")
                   and ctx.entity_at(p, c, "Product") != product for c in noun.children):   # (not "Zephyr 12")
                return True
    return False


_FORECAST_VERBS = {"forecast", "expect", "predict", "estimate", "project", "target", "aim", "hope", "tip"}
_MODALS = {"would", "could", "might", "may", "will", "should", "'d", "'ll"}


def _hypothetical(clause: Token) -> bool:
    """A figure that is forecast, expected or possible is no reported result."""
    verbs = [clause, *(t for t in clause.ancestors if t.pos_ in ("VERB", "AUX"))][:3]
    for verb in verbs:
        if verb.lemma_.lower() in _FORECAST_VERBS and verb.pos_ == "VERB":
            return True
        if any(c.dep_ == "aux" and c.lower_ in _MODALS or c.dep_ == "acomp" and c.lemma_ in ("possible", "likely")
               for c in verb.children):
            return True
    return False


def _metric(token: Token) -> str | None:
    """The financial metric a word names: 'profits' -> 'profit', 'sales' stays 'sales' (its lemma
    'sale' is a disposal: "the sale of its unit for $2bn")."""
    lemma = token.lemma_.lower()
    if token.dep_ == "compound" and token.head.lemma_.lower() in _NOT_FIGURE_HEADS:
        return None                      # "its own sales force", "a sales office": no figure
    if lemma in METRIC_WORDS:
        return lemma
    return token.lower_ if token.lower_ in METRIC_WORDS else None


_NOT_FIGURE_HEADS = frozenset({"force", "team", "office", "staff", "network", "channel", "representative", "rep",
                               "agent", "tax", "people", "department", "manager", "director", "chief", "head"})


def _owner_of_figure(ctx: DocContext, p: int, clause: Token, sentence: Span) -> str | None:
    """Whose figure: a company in the clause (a possessive first: "Merck's earnings"), else the
    subject of the clause above ("DaimlerChrysler saw profits fall"), else the sentence's first."""
    for token in _own_words(clause):      # the possessive of the figure itself, not of any noun around
        if token.dep_ == "poss" and _metric(token.head) \
                and (name := ctx.entity_at(p, token, "Company")):
            return name
    subject = subject_of(clause) if clause.pos_ in ("VERB", "AUX") else None
    for token in [subject, *(c for c in subject.children if c.dep_ == "appos")] if subject is not None else []:
        if name := ctx.entity_at(p, token, "Company"):
            return name                   # "Zara owner Inditex reported a profit": Inditex's
    names = ctx.entities_in(p, _own_words(clause), "Company")
    if names:
        return names[0]
    head = clause.head
    while head != head.head and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    subject = subject_of(head) if head.pos_ in ("VERB", "AUX") else None
    if subject is not None and (name := ctx.entity_at(p, subject, "Company")):
        return name
    names = ctx.entities_in(p, sentence, "Company")
    if names:
        return names[0]
    figure = next((t for t in _own_words(clause) if _metric(t) and t.dep_ in ("nsubj", "nsubjpass")), None)
    if figure is not None and _bare_figure(ctx, p, figure, clause, sentence):
        before = sentence.doc[sentence.start - 1].sent if sentence.start > 0 else None
        reported = before is not None and before.root.lemma_ in _RESULTS_VERBS     # ("Rival Foo reported weak
        previous = ctx.previous_subject_company(p, sentence)                       # results.": Foo's)
        return reported and previous or ctx.salient_company(p, figure.i) or previous
    return None


_RESULTS_VERBS = frozenset({"report", "post", "announce", "publish", "unveil", "say", "book", "record"})


_PERIOD_NOUNS = frozenset({"quarter", "year", "half", "month", "week", "period", "season"})
_FIRMS_VOICES = frozenset({"figure", "result", "data", "number", "account", "statement", "filing", "release",
                           "spokesman", "spokeswoman", "spokesperson", "company", "group", "firm", "executive"})
_PERIOD_ADJECTIVES = frozenset({"annual", "quarterly", "yearly", "full-year", "half-year", "first-half",
                                "second-half", "six-month", "nine-month", "pre-tax", "pretax", "total"})


def _bare_figure(ctx: DocContext, p: int, figure: Token, clause: Token, sentence: Span) -> bool:
    """A figure that opens a sentence, with nothing but its period or its kind on it, and names no firm: "Sales rose
    12% to €214 million in 2024", "Third-quarter revenue fell 11 per cent to €498m, and net profit dropped to
    €39m",
    "Revenue rose 44% ..., finance chief Gonzalo Barrenechea said", "Figures showed first-half revenue fell 19%"
    (the result of the firm in view, whatever opens the sentence: "On Tuesday, revenue fell", "But revenue fell";
    not "Retail sales rose 3%, the government said", "Global revenue fell", "Revenue fell 5 per cent at European
    toolmakers")."""
    main = sentence.root
    if main.lemma_ in SPEECH_VERBS | {"show"}:            # reported by the firm's people or figures ("a spokesman
        speaker = subject_of(main)                        # said", "Preliminary figures showed ..."), not by
        if speaker is None or any(t.lemma_.lower() in COMMENTATOR_TITLES | {"government", "ministry", "office",
                                                                             "agency", "association", "survey"}
                                  for t in speaker.subtree) \
                or not (ctx.entity_at(p, speaker, "Person", "Executive")       # "analysts" or "the government"
                        or speaker.lemma_.lower() in _FIRMS_VOICES):
            return False
        main = next((c for c in main.children if c.dep_ == "ccomp"), main)
    opener = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass") and _metric(c)), None)
    inside = {t.i for t in main.subtree}
    leading = [t for t in sentence if opener is not None and t.i < opener.left_edge.i and t.i in inside]
    return opener is not None and all(any(a.head == main and a.dep_ in ("prep", "npadvmod", "advmod", "cc", "punct")
                                          for a in [t, *t.ancestors]) for t in leading) \
        and (clause == main or clause.head == main and clause.dep_ in ("conj", "advcl")) \
        and all(_plain_figure(t) for t in (opener, figure)) and clause.lemma_ in CHANGE_VERBS \
        and not any(c.dep_ == "prep" and c.lower_ in ("at", "across", "among", "for")
                    for v in (main, clause) for c in v.children)


def _plain_figure(figure: Token) -> bool:
    """A figure with nothing on it but its period or kind: "revenue", "third-quarter revenue", "net profit"."""
    return all(c.dep_ in ("punct", "det") and c.lower_ not in ("this", "that", "these", "those")
               or c.dep_ == "compound" and c.lemma_.lower() in _PERIOD_NOUNS
               or c.dep_ == "amod" and (c.lower_ in _PERIOD_ADJECTIVES | FINANCE_TERM_QUALIFIERS
                                        or any(word in c.lower_ for word in ("quarter", "year", "half")))
               for c in figure.children)


def _own_words(clause: Token) -> list[Token]:
    """A clause's words without those of the clauses inside it ("..., while Foo's sales are $1bn")."""
    inner = {t.i for c in clause.children if c.dep_ in ("advcl", "ccomp", "conj", "relcl") and c.pos_ in ("VERB", "AUX")
             for t in c.subtree}
    return [t for t in clause.subtree if t.i not in inner]


def _clause(token: Token) -> Token:
    while token.head != token and token.dep_ not in ("ccomp", "advcl", "relcl", "conj") \
            and token.pos_ not in ("VERB", "AUX"):
        token = token.head
    return token


def _period(ctx: DocContext, sentence: Span) -> str | None:
    for ent in sentence.ents:
        if ent.label_ == "DATE":
            text = ent.text.lower()
            years = [w for w in text.split() if w.isdigit() and len(w) == 4]
            if years and (len(text.split()) == 1 or any(w in text for w in _PERIOD_WORDS)):
                quarter = next((q for q in ("first", "second", "third", "fourth") if q in text), None)
                return f"{years[0]}-Q{('first', 'second', 'third', 'fourth').index(quarter) + 1}" \
                    if quarter and "quarter" in text else years[0]
    return None


def cancellations(ctx: DocContext, p: int, sentence: Span) -> Iterator[Event]:
    """'AT&T pulled out of a deal with Huawei to sell the Mate 10', 'Foo cancelled its contract with Bar'."""
    for verb in sentence:
        if verb.lemma_ not in CANCEL_VERBS | {"walk"} or verb.pos_ != "VERB":
            continue
        if verb.lemma_ in _CANCEL_PARTICLES and not any(
                c.lower_ in _CANCEL_PARTICLES[verb.lemma_] for c in verb.children):
            continue                      # "called off" a deal, not "called the cuts overdue"; "pulled out of"
        deal = [t for t in verb.subtree if t.lemma_.lower() in PARTNERSHIP_NOUNS | PURCHASE_NOUNS
                | {"merger", "plan", "order", "talks", "talk"}
                and not _in_relative_clause(ctx, p, t, verb)]     # (not "Foo, which had taken three of the orders")
        if not deal or all(t.dep_ == "nsubj" and t.head == verb for t in deal) \
                and any(c.dep_ == "dobj" for c in verb.children):
            continue                      # "Tuesday's deal ends a losing run": the deal ends something else
        subject, governor = subject_of(verb), verb
        while subject is None and governor.dep_ in ("xcomp", "acomp") and governor.head is not governor:
            governor = governor.head      # "Foo was likely to end ...": the subject of "was"
            subject = subject_of(governor)
        aside = {t.i for c in verb.children if c.dep_ in ("advcl", "prep") and c.i > verb.i
                 and (c.lower_ in _TIME_PREPOSITIONS or any(m.dep_ == "mark" and m.lower_ in _TIME_PREPOSITIONS
                                                            for m in c.children))
                 and any(t.lemma_.lower() in PARTNERSHIP_NOUNS | PURCHASE_NOUNS for t in c.subtree)
                 for t in c.subtree}     # ("ends Fukarin contract after Joryeon deal": another deal's party is no
        within = [t for t in verb.subtree if t.i not in aside]       # party to the one ended; but "pulled out of
        #                                                              that agreement after Telquara refused")
        parties = [c for s in conjuncts(subject) if (c := ctx.entity_at(p, s, "Company"))] if subject else []
        parties += [c for c in ctx.entities_in(p, within, "Company") if c not in parties]
        if len(parties) == 1:            # "Phytopharm said Yamanouchi was likely to end a licensing agreement"
            parties += [c for c in _reporting_companies(ctx, p, verb) if c not in parties][:1]
        if len(parties) == 1:            # "a joint venture with Foo, agreed in 2027, but scrapped the plan": the
            parties += [c for t in sentence if t.lemma_.lower() in PARTNERSHIP_NOUNS and dropped_later(t)   # party
                        for w in t.children if w.dep_ == "prep" and w.lower_ == "with"     # of the deal it points at
                        for o in w.children for x in (*conjuncts(o), *(a for a in o.children if a.dep_ == "appos"))
                        if (c := ctx.entity_at(p, x, "Company")) and c not in parties][:1]   # ("the jeweller Foo")
        if len(parties) < 2:
            continue
        args = {"parties": parties[:2]}
        products = ctx.entities_in(p, [t for t in within if not any(
            a.dep_ == "prep" and a.lower_ == "for" and a.head.lemma_.lower() not in _DEAL_NOUNS
            for a in t.ancestors if a.i > verb.i)],
            "Product")      # (what the deal was about, "an order for 20 Zorba jets", not what its goods were for:
        if products:        # "to supply battery cells for the Calloran Hadrix")
            args["product"] = products[0]
        yield Event("DealCancellation", args, ctx.evidence(p, sentence), date=sentence_date(ctx, sentence, verb))


# Verbs that leave the act they govern undone: "refused to rename", "urged her to rename".
_UNDONE_VERBS = frozenset({"refuse", "decline", "urge", "consider", "want", "plan", "propose", "reject", "resist",
                           "ask", "push", "weigh", "mull"})


_DEAL_NOUNS = PARTNERSHIP_NOUNS | PURCHASE_NOUNS | {"order", "contract", "deal", "agreement", "licence", "license"}
_TIME_PREPOSITIONS = frozenset({"after", "before", "following", "since", "despite", "amid", "ahead"})

# Cancel verbs that cancel only with their particle.
_CANCEL_PARTICLES = {"call": {"off", "time", "quits"}, "pull": {"out", "plug", "funding", "support", "backing"},
                      "back": {"out"}, "walk": {"away"}}


def _in_relative_clause(ctx: DocContext, p: int, token: Token, verb: Token) -> bool:
    """The token is in a relative clause below the verb on a company's name: "Hollinmark, which had taken three of
    the orders" (not "20 jets that were part of a 2019 order": the cancelled deal)."""
    for ancestor in token.ancestors:
        if ancestor == verb:
            return False
        if ancestor.dep_ == "relcl":
            return ctx.entity_at(p, ancestor.head, "Company") is not None
    return False


def _reporting_companies(ctx: DocContext, p: int, verb: Token) -> list[str]:
    """The company that reports a partner's move is the other party to the deal it speaks of."""
    for ancestor in verb.ancestors:
        if ancestor.lemma_.lower() in SPEECH_VERBS and (subject := subject_of(ancestor)) is not None:
            return [c for s in conjuncts(subject) if (c := ctx.entity_at(p, s, "Company"))]
    return []


def rebrands(ctx: DocContext, p: int, sentence: Span) -> Iterator[Event]:
    """'Acme will rebrand itself to go upmarket', 'Facebook changed its name to Meta', 'the
    firm, formerly Norbrew, ...', 'Formerly known as Telvox, Kelvo is ...'."""
    for token in sentence:
        if token.lower_ in ("formerly", "previously") and (renamed := _former_name(ctx, p, token)) is not None:
            yield Event("Rebrand", {"company": renamed[0], "direction": f"formerly {renamed[1]}"},
                        ctx.evidence(p, sentence), date=None)
            continue
        renamed = token.lemma_ == "change" and any(c.dep_ == "dobj" and c.lemma_ == "name" for c in token.children)
        if token.lemma_.lower() not in ("rebrand", "reposition", "rename") and not renamed or token.pos_ != "VERB":
            continue                     # ... or "Facebook changed its name to Meta"
        subject = subject_of(token)
        company = ctx.entity_at(p, subject, "Company") if subject is not None else None
        if company is None and token.lemma_ == "rename" and not negated([token]) \
                and token.head.lemma_ not in _UNDONE_VERBS:   # "(its founder) renamed it Ondalune in 2024": the firm
            named = [c for c in token.children if c.dep_ in ("oprd", "ccomp")] + [      # under its new name (not
                o for c in token.children if c.dep_ == "prep" and c.lower_ in ("as", "to") for o in c.children]   # "refused
            company = next((n for t in reversed(named) if (n := ctx.entity_at(p, t, "Company"))), None)   # to rename")
        if company is None:
            continue
        purpose = [c for c in token.children if c.dep_ in ("advcl", "xcomp", "prep")]
        direction = " ".join(t.text for c in purpose for t in c.subtree).strip() or None
        high = [t.text for t in sentence if t.lower_ in REBRAND_WORDS - {"rebrand", "rebranding"}]
        yield Event("Rebrand", {"company": company, "direction": direction or (high[0] if high else None)},
                    ctx.evidence(p, sentence), date=sentence_date(ctx, sentence, token))


def _former_name(ctx: DocContext, p: int, adverb: Token) -> tuple[str, str] | None:
    """The company a 'formerly <Name>' phrase renames, and the old name: 'the firm, formerly Norbrew,' (the noun
    the old name is in apposition to), 'Formerly known as Telvox, Kelvo is ...' (the clause's subject); not
    'formerly famous for ...' (no name)."""
    doc = adverb.doc
    i = adverb.i + 1
    while i < len(doc) and doc[i].lower_ in ("known", "called", "named", "as"):
        i += 1
    if i >= len(doc) or doc[i].pos_ != "PROPN":
        return None
    old = doc[i]
    while old.dep_ in ("compound", "flat") and old.head.pos_ == "PROPN":
        old = old.head
    if old.dep_ == "appos":
        holder = old.head
    elif (verb := next((a for a in old.ancestors if a.pos_ == "VERB"), None)) is not None and verb.dep_ == "advcl":
        holder = subject_of(verb.head)
    else:
        return None
    if holder is None:
        return None
    former = ctx.entity_at(p, old, "Company")
    company = ctx.entity_at(p, holder, "Company")
    if company in (None, former) and holder.pos_ == "NOUN":   # "the firm, formerly X": the firm the text is about,
        company = ctx.salient_company(p, holder.i)              # not X (which the apposition would make it)
    name = doc[i:old.i + 1].text
    return (company, name) if company and company != former else None
