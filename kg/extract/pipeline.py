"""The default extractor: spaCy's en_core_web_sm with rules, offline on a CPU."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Span, Token

from kg.model import Article, Claim, Entity, Event, Evidence, Extraction, Fact

from . import ExtractionError
from .claims import document_claims, officials
from .context import DocContext
from .entities import resolve_entities
from .events import cancellations, launches, money_events, rebrands, sentence_date
from .lexicon import COMMENTATOR_TITLES
from .markets import resolve_market
from .mentions import candidate_mentions
from .nlp import Paragraph, parse, wire_credits
from .tables import priced_by_market
from .transcripts import read_transcript
from .relations import (affiliations, appointments, coalitions, company_locations, competitors, customers,
                        customers_counted_there, executives, first_entry, first_site_in, first_stores,
                        first_stores_in, footholds_given, home_countries, joint_developers, labelled_partners,
                        listed_affiliations, makers_markets, makers_of, market_by_copula, market_relations,
                        markets_in_takings, markets_next, named_partners, orders, partners, presence_described,
                        product_families, product_trade_markets, products, regional_units, rivals_by_maker,
                        rivals_there, sites_listed, speaker_line_roles, stores_counted_there, subject_of, subsidiaries,
                        takeovers, union_officers)

FACT_RULES = (executives, union_officers, appointments, affiliations, listed_affiliations, products, competitors,
              subsidiaries, home_countries, company_locations, joint_developers, market_by_copula, named_partners,
              customers, regional_units, product_trade_markets, presence_described, markets_in_takings, sites_listed,
              stores_counted_there, customers_counted_there, markets_next, footholds_given)
EVENT_RULES = (launches, money_events, cancellations, rebrands)


class SpacyExtractor:
    name = "spacy"

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction | ExtractionError]:
        articles = list(articles)
        for article, paragraphs in zip(articles, parse(a.text for a in articles)):
            try:
                yield extract_document(article, paragraphs)
            except Exception as err:  # one bad document must not stop a corpus; the error names it
                yield ExtractionError(article, f"{type(err).__name__}: {err}")


def extract_document(article: Article, paragraphs: list[Paragraph]) -> Extraction:
    transcript = read_transcript(paragraphs)
    mentions = candidate_mentions(paragraphs, transcript.lines)
    ctx = DocContext(article, paragraphs, mentions, transcript=transcript)
    table = resolve_entities(mentions, lambda m: ctx.evidence(m.para, ctx.paragraphs[m.para].doc[m.start].sent))
    _add_wire_credits(article, table.entities)
    ctx.maker_of = table.maker_of
    ctx.types = {name: entity.type for name, entity in table.entities.items()}
    ctx.named = table.by_form()
    ctx.index()
    ctx.resolve_anaphora()

    facts: list[Fact] = []
    events: list[Event] = []
    homes: set[tuple[str, str]] = set()              # (company, its home country), from "the Mexican chain"
    promised: set[tuple[str, str, int]] = set()      # (company, market, sentence) a pending deal would give it
    for p, sentence in ctx.sentences():
        if p in ctx.transcript.lines:                # a call transcript's "Ann Lee - Chief Financial Officer": who
            facts.extend(speaker_line_roles(ctx, p, sentence))      # she is and whom with, nothing more
            continue
        if not ctx.names_something(p, sentence):     # no entity and no word standing for one: no fact or event,
            events.extend(rebrands(ctx, p, sentence))  # but a rebranding ("The business, formerly Foo, ...") or a
            events.extend(money_events(ctx, p, sentence))   # result ("Third-quarter revenue fell 11%") of the
            continue                                   # company in view
        for rule in FACT_RULES:
            found = list(rule(ctx, p, sentence))
            facts.extend(found)
            if rule is home_countries:
                homes.update((f.subject, f.object) for f in found if f.predicate == "operatesIn")
            if rule is competitors:
                facts.extend(rivals_there(ctx, p, sentence, found))
            if rule is footholds_given:
                promised.update((f.subject, f.object, f.evidence.start) for f in found
                                if f.predicate == "targetsMarket")
        for fact, parties, scope in [*partners(ctx, p, sentence), *labelled_partners(ctx, p, sentence),
                                     *coalitions(ctx, p, sentence),
                                     *orders(ctx, p, sentence), *takeovers(ctx, p, sentence)]:
            facts.append(fact)
            events.append(Event("PartnershipAgreement", {"parties": parties, "scope": scope}, fact.evidence,
                                date=sentence_date(ctx, sentence)))
        for fact, event_type in market_relations(ctx, p, sentence):
            if fact.predicate == "targetsMarket" and event_type == "StoreOpening" \
                    and (fact.subject, fact.object) in homes:      # "the Mexican chain, which plans to open 60 stores
                fact = Fact(fact.subject, "operatesIn", fact.object, fact.evidence)     # in Mexico": more at home (a
                #                          launch at home is left to the market rules: a young firm's may be its entry)
            elif event_type == "MarketEntry" and (fact.subject, fact.object) in homes \
                    and _launches_a_product(ctx, p, sentence):
                fact, event_type = Fact(fact.subject, "operatesIn", fact.object, fact.evidence), None
                #                          ("the Brazilian maker ... launched the Garoa 24 in Brazil": a product's
                #                           launch at home, no entry)
            facts.append(fact)
            if fact.predicate == "targetsMarket" and event_type is None and first_stores(sentence) \
                    and fact.subject not in ctx.products:
                event_type = "MarketEntry"           # "a deal that would give it its first stores in Belgium"
            if fact.predicate == "targetsMarket" and event_type == "MarketEntry" and (
                    first_entry(sentence) or first_stores(sentence)):
                facts.append(Fact(fact.subject, "absentFrom", fact.object, fact.evidence))   # not there yet
            if event_type and fact.predicate != "absentFrom":
                events.append(Event(event_type, {"company": fact.subject, "market": fact.object}, fact.evidence,
                                    date=sentence_date(ctx, sentence)))
            if event_type == "StoreOpening" and fact.predicate == "operatesIn" \
                    and first_stores_in(ctx, p, sentence, fact.object) \
                    or event_type is None and _opens_first_site(ctx, p, sentence, fact):
                events.append(Event("MarketEntry", {"company": fact.subject, "market": fact.object},   # "opened its
                                    fact.evidence, date=sentence_date(ctx, sentence)))                  # first stores"
        for rule in EVENT_RULES:
            events.extend(rule(ctx, p, sentence))

    table_facts, table_events = priced_by_market(ctx)      # "Country | Noctavo Basic | ...", "Sweden | 89 kr | ..."
    facts += table_facts
    events += table_events
    facts += [Fact(e.args["company"], "produces", e.args["product"], e.evidence)   # who launches it, makes it
              for e in events if e.type == "ProductLaunch" and e.args["company"]]
    facts = [f for f in facts
             if not (f.predicate == "operatesIn" and (f.subject, f.object, f.evidence.start) in promised)]
    #                     ("agreed to buy Zaplata, giving it a foothold in Poland": a foothold to come, not one held)
    facts = _unique_facts(rivals_by_maker(_products_are_available(facts, table.entities), ctx.types))
    owned = {frozenset((f.subject, f.object)) for f in facts if f.predicate == "subsidiaryOf"}
    facts = [f for f in facts if not (f.predicate == "competesWith" and frozenset((f.subject, f.object)) in owned)]
    #                                                  a unit and its owner are no rivals ("Rival Foo, owned by Bar")
    leads = {(f.subject, f.object) for f in facts if f.predicate == "executiveOf"}
    facts = [f for f in facts if not (f.predicate == "worksFor" and (f.subject, f.object) in leads)]
    facts += product_families(ctx, facts)
    facts = _unique_facts(facts + makers_markets(facts))
    facts = _present_or_absent(facts, homes)
    events = _launches_by_makers(events, facts) + _planned_entries(events, facts)
    leaders = {f.subject: f.object for f in facts if f.predicate == "worksFor"      # "we" is their company (the
               and not (f.role and set(f.role.lower().split()) & COMMENTATOR_TITLES)}   # one they lead first), not
    leaders.update({f.subject: f.object for f in facts if f.predicate == "executiveOf"})   # an analyst's firm;
    leaders.update({person: country for person, country in officials(ctx).items() if person not in leaders})
    #                                                                             an official's "we" is the country
    found_claims = document_claims(ctx, leaders)
    _add_inferred_markets(table.entities, facts, found_claims)
    entities = _entities_in_use(table.entities, facts, found_claims, events)
    return Extraction(article, entities, facts, found_claims, _unique_events(events))


def _add_wire_credits(article: Article, entities: dict[str, Entity]) -> None:
    """The news agency a wire dateline credits is a company the article names ("LONDON (Reuters) -"), unless the
    text names it otherwise."""
    known = {form.lower() for entity in entities.values() for form in (entity.name, *entity.aliases)}
    for wire, start, end in wire_credits(article.text):
        if wire.lower() in known:
            continue
        line_start = article.text.rfind("\n", 0, start) + 1          # the dateline up to the wire's bracket
        dateline = Evidence(article.doc_id, article.text[line_start:end + 1], line_start, end + 1)
        entities[wire] = Entity("Company", wire, evidence=[dateline])
        known.add(wire.lower())


def _launches_a_product(ctx: DocContext, p: int, sentence: Span) -> bool:
    """The sentence launches a named product ("launched the Garoa 24 in Brazil")."""
    return any(verb.lemma_ in ("launch", "introduce", "unveil", "debut") and any(
        c.dep_ == "dobj" and (ctx.entity_at(p, c, "Product") or any(ctx.entity_at(p, g, "Product") for g in c.children
                                                                    if g.dep_ in ("compound", "nmod", "appos")))
        for c in verb.children) for verb in sentence)


def _opens_first_site(ctx: DocContext, p: int, sentence: Span, fact: Fact) -> bool:
    """A company's first plant, office or route in the fact's market: "will open its first plant in Mexico"."""
    return fact.predicate in ("operatesIn", "targetsMarket") and fact.subject not in ctx.products and any(
        first_site_in(token) and _opener(ctx, p, token) in (fact.subject, None)
        for token in sentence if ctx.entity_at(p, token, "Market") == fact.object)


def _opener(ctx: DocContext, p: int, market: Token) -> str | None:
    """The company that opens the site a market's name hangs from (market -> "in" -> site -> verb), if named:
    "Kelvo opened its first store in Peru, where Velmont has 40 stores": Kelvo's entry, not Velmont's."""
    subject = subject_of(market.head.head.head)
    return ctx.entity_at(p, subject, "Company") if subject is not None else None


def _products_are_available(facts: list[Fact], entities: dict[str, Entity]) -> list[Fact]:
    """A product is not present in a market, it is sold there: a market rule that reached a product
    ("Japan's Earth Simulator", "India's top-selling newspaper, Dainik Jagran") gives availableIn."""
    kept = []
    for fact in facts:
        if fact.predicate == "operatesIn" and (entity := entities.get(fact.subject)) is not None \
                and entity.type == "Product":
            fact = Fact(fact.subject, "availableIn", fact.object, fact.evidence)
        elif fact.predicate in ("absentFrom", "targetsMarket") and (entity := entities.get(fact.subject)) is not None \
                and entity.type == "Product":
            continue
        kept.append(fact)
    return kept


def _launches_by_makers(events: list[Event], facts: list[Fact]) -> list[Event]:
    """A launch whose sentence names no company ("Zorbix 2 has been released in the US") is a launch by each of the
    product's makers the document names; without one, no event."""
    made_by = makers_of(facts)
    kept = []
    for event in events:
        if event.type == "ProductLaunch" and not event.args["company"]:
            kept += [Event(event.type, {**event.args, "company": maker}, event.evidence, date=event.date)
                     for maker in made_by.get(event.args["product"], [])]
        else:
            kept.append(event)
    return kept


def _planned_entries(events: list[Event], facts: list[Fact]) -> list[Event]:
    """A market a company is said to target is a market entry it plans (FORMAT.md: "a plan or a completed entry"),
    whatever rule found the target ("is preparing to enter", "its expansion into", "wants to take the laptops to")."""
    entered = {(e.args.get("company"), e.args.get("market")) for e in events if e.type == "MarketEntry"}
    return [Event("MarketEntry", {"company": f.subject, "market": f.object}, f.evidence)
            for f in facts if f.predicate == "targetsMarket" and (f.subject, f.object) not in entered]


def _add_inferred_markets(entities: dict[str, Entity], facts: list[Fact], claims: list[Claim]) -> None:
    """Markets named only through a nationality ("the Taiwanese chipmaker", "Indian output will fall")
    become entities too."""
    for fact in facts:
        if fact.object not in entities and fact.predicate in ("operatesIn", "absentFrom", "targetsMarket", "availableIn"):
            entities[fact.object] = Entity("Market", fact.object, evidence=[fact.evidence])
    for claim in claims:
        for name in claim.about:
            if name not in entities and resolve_market(name) is not None:
                entities[name] = Entity("Market", name, evidence=[claim.evidence])


def _unique_facts(facts: list[Fact]) -> list[Fact]:
    seen, unique = set(), []
    for fact in facts:
        key = (fact.subject, fact.predicate, fact.object)
        if fact.predicate in ("competesWith", "partnersWith"):
            key = (*sorted((fact.subject, fact.object)), fact.predicate)
        if fact.subject != fact.object and key not in seen:
            seen.add(key)
            unique.append(fact)
    return unique


def _present_or_absent(facts: list[Fact], homes: set[tuple[str, str]]) -> list[Fact]:
    """A company both present in a market and absent from it: at home it is there ("the Polish steelmaker ... its
    first sales office in Poland" is no absence); a market it is yet to enter it is not in ("will launch in Peru, its
    first country outside Colombia", though a headline "takes its service to Peru"). Otherwise both stand: "has sold
    phones in Peru since 2015 ... no stores in Peru yet"."""
    present = {(f.subject, f.object) for f in facts if f.predicate == "operatesIn"}
    absent = {(f.subject, f.object) for f in facts if f.predicate == "absentFrom"}
    coming = {(f.subject, f.object) for f in facts if f.predicate == "targetsMarket"}
    return [f for f in facts if not (f.predicate == "operatesIn" and (f.subject, f.object) in absent & coming - homes
                                     or f.predicate == "absentFrom" and (f.subject, f.object) in present & homes)]


def _unique_events(events: list[Event]) -> list[Event]:
    """One event per type and entities (the first read), but a product's prices one per currency: "€449 in France,
    £399 in the UK" are two prices of one console; a second amount in the same currency is more often another
    model's, misread ("starts at €899, while the Pro model costs €1,199")."""
    seen, unique = set(), []
    for event in events:
        key = (event.type, tuple(sorted((k, str(v)) for k, v in event.args.items()
                                        if k in ("company", "product", "market", "parties")
                                        or k == "currency" and event.type == "ProductPrice")))
        if key not in seen:
            seen.add(key)
            unique.append(event)
    return unique


def _entities_in_use(entities: dict[str, Entity], facts, found_claims, events) -> list[Entity]:
    """People are kept when they hold a role or say something; executives get their type here.
    Companies, products and markets are kept whenever named."""
    executives = {f.subject for f in facts if f.predicate == "executiveOf"}
    speaking = {c.speaker for c in found_claims} | {f.subject for f in facts if f.predicate == "worksFor"}
    kept = []
    for entity in entities.values():
        if entity.type == "Person":
            if entity.name in executives:
                entity.type = "Executive"
            elif entity.name not in speaking:
                continue
        kept.append(entity)
    return kept
