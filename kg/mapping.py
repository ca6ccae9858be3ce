"""Extraction -> RDF quads in the document's named graph. The only module that knows the ontology's
terms for what was extracted; the pattern is described in ontology/README.md.

Every fact is asserted twice over: the plain triple (s p o), so that queries stay simple, and a
kg:Assertion that reifies it with its evidence (sentence text and character span) and, for
executiveOf, the role as written."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad
from rdflib.namespace import RDF, RDFS, XSD

from .iris import document_iri, entity_iri, item_iri
from .model import EVENT_ENTITY_ARGS, SYMMETRIC_PREDICATES, Evidence, Extraction
from .resolution import identity_key
from .terms import DCT, KG, SCHEMA


@functools.cache
def term(iri: str) -> NamedNode:
    return NamedNode(str(iri))


def _date_literal(value: str) -> Literal:
    """ISO dates keep the precision they were written with: 2019, 2019-09 or 2019-09-03."""
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}.get(len(value))
    return Literal(value, datatype=term(datatype)) if datatype else Literal(value)


def _number_literal(value) -> Literal:
    number = Decimal(str(value))
    text = format(number.normalize(), "f") if number == number.to_integral() else str(number)
    return Literal(text, datatype=term(XSD.decimal))


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=term(XSD.integer))


_EVENT_LITERALS = {"metric": KG.metric, "period": KG.period, "direction": KG.direction,
                   "currency": KG.currency}
_EVENT_LINKS = {"company": KG.company, "product": KG.product, "market": KG.market, "parties": KG.party}


class DocumentMapper:
    """Maps one Extraction to the quads of its named graph."""

    def __init__(self, extraction: Extraction):
        self.extraction = extraction
        self.article = extraction.article
        self.doc = term(document_iri(self.article.doc_id))
        self.graph = self.doc
        self.iris = {e.name: term(entity_iri(e.type, identity_key(e.type, e.name)))
                     for e in extraction.entities}

    def quad(self, s, p, o) -> Quad:
        return Quad(s, term(p) if isinstance(p, str) else p, o, self.graph)

    def quads(self) -> Iterator[Quad]:
        yield from self.document()
        yield from self.entities()
        yield from self.facts()
        yield from self.claims()
        yield from self.events()

    def document(self) -> Iterator[Quad]:
        a, doc = self.article, self.doc
        yield self.quad(doc, RDF.type, term(KG.Document))
        yield self.quad(doc, KG.docId, Literal(a.doc_id))
        yield self.quad(doc, RDFS.label, Literal(a.title or a.doc_id))
        yield self.quad(doc, KG.contentHash, Literal(a.content_hash))
        yield self.quad(doc, KG.sourcePath, Literal(a.source_path))
        yield self.quad(doc, DCT.format, Literal(a.media_type))
        if a.title:
            yield self.quad(doc, DCT.title, Literal(a.title))
        if a.published:
            yield self.quad(doc, DCT.issued, _date_literal(a.published))
        if a.url:
            yield self.quad(doc, SCHEMA.url, Literal(a.url))
        if a.source:
            yield self.quad(doc, DCT.source, Literal(a.source))

    def entities(self) -> Iterator[Quad]:
        for entity in self.extraction.entities:
            node = self.iris[entity.name]
            yield self.quad(node, RDF.type, term(KG[entity.type]))
            yield self.quad(node, RDFS.label, Literal(entity.name))
            for alias in sorted(entity.aliases - {entity.name}):
                yield self.quad(node, KG.alias, Literal(alias))
            yield self.quad(node, KG.mentionedIn, self.doc)
            if entity.type == "Market":
                code = identity_key("Market", entity.name)
                if len(code) == 2 and code.isupper():
                    yield self.quad(node, KG.countryCode, Literal(code))

    def evidence(self, evidence: Evidence) -> tuple[NamedNode, list[Quad]]:
        node = term(item_iri("evidence", self.article.doc_id, evidence.start, evidence.end))
        return node, [
            self.quad(node, RDF.type, term(KG.Evidence)),
            self.quad(node, KG.sentence, Literal(evidence.sentence)),
            self.quad(node, KG.charStart, _int(evidence.start)),
            self.quad(node, KG.charEnd, _int(evidence.end)),
            self.quad(node, KG.inDocument, self.doc),
        ]

    def facts(self) -> Iterator[Quad]:
        for fact in self.extraction.facts:
            s, o = self.iris[fact.subject], self.iris[fact.object]
            if fact.predicate in SYMMETRIC_PREDICATES and o.value < s.value:
                s, o = o, s
            p = term(KG[fact.predicate])
            yield self.quad(s, p, o)
            node = term(item_iri("assertion", self.article.doc_id, s.value, p.value, o.value))
            yield self.quad(node, RDF.type, term(KG.Assertion))
            yield self.quad(node, RDF.subject, s)
            yield self.quad(node, RDF.predicate, p)
            yield self.quad(node, RDF.object, o)
            if fact.role:
                yield self.quad(node, KG.role, Literal(fact.role))
            evidence, quads = self.evidence(fact.evidence)
            yield self.quad(node, KG.evidence, evidence)
            yield from quads

    def claims(self) -> Iterator[Quad]:
        for claim in self.extraction.claims:
            node = term(item_iri("claim", self.article.doc_id, claim.speaker, claim.text, claim.evidence.start))
            yield self.quad(node, RDF.type, term(KG.Claim))
            yield self.quad(node, KG.speaker, self.iris[claim.speaker])
            for about in claim.about:
                yield self.quad(node, KG.about, self.iris[about])
            yield self.quad(node, KG.text, Literal(claim.text))
            if claim.channel:
                yield self.quad(node, KG.channel, Literal(claim.channel))
            if claim.date:
                yield self.quad(node, KG.date, _date_literal(claim.date))
            evidence, quads = self.evidence(claim.evidence)
            yield self.quad(node, KG.evidence, evidence)
            yield from quads

    def events(self) -> Iterator[Quad]:
        for event in self.extraction.events:
            names = sorted(str(v) for k in EVENT_ENTITY_ARGS
                           for v in (event.args.get(k) if isinstance(event.args.get(k), list) else [event.args.get(k)])
                           if v)
            node = term(item_iri("event", self.article.doc_id, event.type, *names, event.evidence.start))
            yield self.quad(node, RDF.type, term(KG[event.type]))
            for key, predicate in _EVENT_LINKS.items():
                value = event.args.get(key)
                for name in value if isinstance(value, list) else [value] if value else []:
                    yield self.quad(node, predicate, self.iris[name])
            for key, predicate in _EVENT_LITERALS.items():
                if event.args.get(key):
                    yield self.quad(node, predicate, Literal(str(event.args[key])))
            if event.args.get("amount") is not None:
                yield self.quad(node, KG.amount, _number_literal(event.args["amount"]))
            if event.args.get("percentage") is not None:
                yield self.quad(node, KG.percentage, _number_literal(event.args["percentage"]))
            for area in event.args.get("scope") or ():
                yield self.quad(node, KG.scope, Literal(area))
            if event.date:
                yield self.quad(node, KG.date, _date_literal(event.date))
            evidence, quads = self.evidence(event.evidence)
            yield self.quad(node, KG.evidence, evidence)
            yield from quads


def extraction_to_quads(extraction: Extraction) -> list[Quad]:
    """All quads of one document, without duplicates, in a stable order."""
    return list(dict.fromkeys(DocumentMapper(extraction).quads()))
