"""The ontology's terms as Python constants. A typo is an AttributeError, not a new IRI.

tests/test_ontology.py checks that this list and ontology/kg.ttl name the same terms.
"""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, DefinedNamespace, URIRef

KG_BASE = "https://w3id.org/kg-news/"
ID = Namespace(KG_BASE + "id/")
ENTITIES_GRAPH = URIRef(KG_BASE + "graph/entities")

SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
DCT = DCTERMS


class KG(DefinedNamespace):
    _NS = Namespace(KG_BASE + "ontology#")
    _fail = True

    # classes
    Company: URIRef
    Product: URIRef
    Market: URIRef
    Person: URIRef
    Executive: URIRef
    Partnership: URIRef
    Claim: URIRef
    MarketEvent: URIRef
    ProductLaunch: URIRef
    MarketEntry: URIRef
    StoreOpening: URIRef
    PartnershipAgreement: URIRef
    DealCancellation: URIRef
    FinancialResult: URIRef
    ProductPrice: URIRef
    Rebrand: URIRef
    Document: URIRef
    Evidence: URIRef
    Assertion: URIRef
    # fact predicates
    produces: URIRef
    competesWith: URIRef
    partnersWith: URIRef
    subsidiaryOf: URIRef
    executiveOf: URIRef
    worksFor: URIRef
    operatesIn: URIRef
    absentFrom: URIRef
    targetsMarket: URIRef
    availableIn: URIRef
    # claims and events
    speaker: URIRef
    about: URIRef
    company: URIRef
    product: URIRef
    market: URIRef
    party: URIRef
    # provenance
    evidence: URIRef
    inDocument: URIRef
    mentionedIn: URIRef
    # literals
    alias: URIRef
    role: URIRef
    countryCode: URIRef
    sentence: URIRef
    charStart: URIRef
    charEnd: URIRef
    text: URIRef
    channel: URIRef
    date: URIRef
    amount: URIRef
    currency: URIRef
    metric: URIRef
    period: URIRef
    percentage: URIRef
    direction: URIRef
    scope: URIRef
    contentHash: URIRef
    sourcePath: URIRef
    docId: URIRef
