"""The ontology as a specification: kg.ttl, shapes.ttl, kg/terms.py, kg/model.py, the evaluation format
(shared/eval/FORMAT.md) and ontology/README.md must all name the same things."""

from __future__ import annotations

import re

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SH

from kg.model import ENTITY_TYPES, EVENT_ENTITY_ARGS, EVENT_TYPES, FACT_PREDICATES, SYMMETRIC_PREDICATES
from kg.ontology import ONTOLOGY_FILE, SHAPES_FILE, read
from kg.store import Store
from kg.terms import KG

from conftest import ROOT, SHARED

NS = str(KG._NS)
FORMAT = SHARED / "eval" / "FORMAT.md"
CLASS_KINDS = (OWL.Class,)
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty)
# What FORMAT.md's event args are called in the ontology, and the class an entity arg points at.
EVENT_ARG_PROPERTY = {"parties": "party"}
ENTITY_ARG_RANGE = {"company": "Company", "product": "Product", "market": "Market", "parties": "Company"}
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(data=read(ONTOLOGY_FILE), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(data=read(SHAPES_FILE), format="turtle")


def iri(name: str) -> URIRef:
    """A kg term by name, without KG's typo guard: these tests must fail with a message, not an AttributeError."""
    return URIRef(NS + name)


def kg_terms_of_kind(graph: Graph, kinds) -> set[str]:
    return {str(s)[len(NS):] for kind in kinds for s in graph.subjects(RDF.type, kind) if str(s).startswith(NS)}


def classes(graph: Graph) -> set[str]:
    return kg_terms_of_kind(graph, CLASS_KINDS)


def properties(graph: Graph) -> set[str]:
    return kg_terms_of_kind(graph, PROPERTY_KINDS)


def superclasses(graph: Graph, name: str) -> set[URIRef]:
    """The class itself and every class above it (rdfs:subClassOf, transitively)."""
    return set(graph.transitive_objects(iri(name), RDFS.subClassOf))


def kg_iris_in(graph: Graph) -> set[str]:
    used = set()
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef) and str(term).startswith(NS):
                used.add(str(term)[len(NS):])
    return used


def markdown_table(text: str, heading: str) -> list[list[str]]:
    """The body rows of the first table after a '## heading' line, as lists of stripped cells."""
    section = text.split(f"## {heading}", 1)[1]
    rows = []
    for line in section.splitlines()[1:]:
        if line.startswith("## "):
            break
        if line.startswith("|") and not set(line) <= set("|- "):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows[1:]   # the header row


# ------------------------------------------------------------------ terms.py <-> kg.ttl


def test_terms_module_names_exactly_the_terms_the_ontology_defines(onto):
    in_python = set(KG.__annotations__)
    in_ontology = classes(onto) | properties(onto)
    assert in_python - in_ontology == set(), "in kg/terms.py but not defined in kg.ttl"
    assert in_ontology - in_python == set(), "defined in kg.ttl but missing from kg/terms.py"


def test_terms_module_refuses_a_typo():
    assert KG.Company == URIRef(NS + "Company")
    with pytest.raises(AttributeError):
        KG.Compnay  # noqa: B018


def test_every_kg_iri_used_in_the_ontology_or_shapes_is_defined(onto, shapes):
    """A misspelt class in a shape (kg:Prodcut) would make the shape silently vacuous."""
    defined = classes(onto) | properties(onto)
    assert kg_iris_in(onto) - defined == set()
    assert kg_iris_in(shapes) - defined == set()


def test_every_term_is_exactly_one_kind(onto):
    assert classes(onto) & properties(onto) == set()
    assert kg_terms_of_kind(onto, (OWL.ObjectProperty,)) & kg_terms_of_kind(onto, (OWL.DatatypeProperty,)) == set()


@pytest.mark.parametrize("kind", ["class", "property"])
def test_every_term_has_a_label_and_a_comment(onto, kind):
    names = classes(onto) if kind == "class" else properties(onto)
    assert names, f"no {kind} found in kg.ttl"
    missing = []
    for name in sorted(names):
        for annotation in (RDFS.label, RDFS.comment):
            values = [str(v).strip() for v in onto.objects(iri(name), annotation)]
            if len(values) != 1 or not values[0]:
                missing.append(f"{name}: {len(values)} {annotation.fragment}")
    assert missing == []


def test_labels_are_unique(onto):
    labels = [str(onto.value(iri(name), RDFS.label)) for name in classes(onto) | properties(onto)]
    assert sorted({label for label in labels if labels.count(label) > 1}) == []


# ------------------------------------------------------------------ kg.ttl <-> FORMAT.md and kg.model


def test_entity_types_are_the_formats_and_are_classes(onto):
    section = FORMAT.read_text(encoding="utf-8").split("## Entity types", 1)[1].split("## ", 1)[0]
    in_format = re.findall(r"`(\w+)` \(", section)
    assert in_format == list(ENTITY_TYPES)
    assert set(ENTITY_TYPES) <= classes(onto)
    assert KG.Person in superclasses(onto, "Executive"), "Executive must be a Person (scored as one)"


def fact_rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for predicate, ends, _meaning in markdown_table(FORMAT.read_text(encoding="utf-8"), "Fact predicates"):
        match = re.fullmatch(r"(\w+) ([→↔]) (\w+)", ends)
        assert match, f"cannot read the ends of {predicate!r}: {ends!r}"
        rows.append((predicate, match[1], match[2], match[3]))
    return rows


def test_fact_predicates_are_the_formats():
    assert [row[0] for row in fact_rows()] == list(FACT_PREDICATES)
    assert {row[0] for row in fact_rows() if row[2] == "↔"} == SYMMETRIC_PREDICATES


@pytest.mark.parametrize("predicate, domain, arrow, range_", fact_rows())
def test_fact_predicate_has_the_formats_domain_and_range(onto, predicate, domain, arrow, range_):
    prop = iri(predicate)
    assert (prop, RDF.type, OWL.ObjectProperty) in onto
    assert set(onto.objects(prop, RDFS.domain)) == {iri(domain)}
    assert set(onto.objects(prop, RDFS.range)) == {iri(range_)}
    assert ((prop, RDF.type, OWL.SymmetricProperty) in onto) == (arrow == "↔")


def event_rows() -> list[tuple[str, list[str]]]:
    rows = []
    for event_type, args in markdown_table(FORMAT.read_text(encoding="utf-8"), "Event types and their args"):
        names = [arg.strip() for arg in re.sub(r"\([^)]*\)", "", args).split(",")]
        rows.append((event_type, names))
    return rows


def test_event_types_are_the_formats():
    assert [row[0] for row in event_rows()] == list(EVENT_TYPES)


@pytest.mark.parametrize("event_type, args", event_rows())
def test_event_type_and_its_args_exist_with_domain_and_range(onto, event_type, args):
    assert event_type in classes(onto)
    above = superclasses(onto, event_type)
    assert KG.MarketEvent in above
    for arg in args:
        prop = iri(EVENT_ARG_PROPERTY.get(arg, arg))
        kinds = set(onto.objects(prop, RDF.type))
        domains = set(onto.objects(prop, RDFS.domain))
        assert domains <= above, f"{arg}: domain {domains} does not include {event_type}"
        ranges = set(onto.objects(prop, RDFS.range))
        if arg in EVENT_ENTITY_ARGS:
            assert OWL.ObjectProperty in kinds, arg
            assert ranges == {iri(ENTITY_ARG_RANGE[arg])}, arg
        else:
            assert OWL.DatatypeProperty in kinds, arg
            assert len(ranges) == 1, arg
    if "amount" in args:
        assert set(onto.objects(KG.amount, RDFS.range)) == {XSD_DECIMAL}


# ------------------------------------------------------------------ shapes.ttl


def instance_classes(seeds_store) -> set[str]:
    """Classes that instances use: what mapping writes for the model's types, and what the seeds hold."""
    with Store.open(seeds_store) as store:
        seen = {row["t"][len(NS):] for row in store.select("SELECT DISTINCT ?t WHERE { ?s a ?t }")
                if row["t"].startswith(NS)}
    return seen | set(ENTITY_TYPES) | set(EVENT_TYPES) | {"Claim", "Document", "Evidence", "Assertion"}


def test_instances_use_only_classes_the_ontology_defines(onto, seeds_store):
    assert instance_classes(seeds_store) - classes(onto) == set()


def test_shapes_target_every_class_that_instances_use(onto, shapes, seeds_store):
    targets = set(shapes.objects(None, SH.targetClass))
    assert targets, "shapes.ttl targets no class"
    untargeted = sorted(name for name in instance_classes(seeds_store) if not superclasses(onto, name) & targets)
    assert untargeted == []


def test_shapes_require_a_label_on_every_named_entity(shapes):
    labelled = set()
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        for prop in shapes.objects(shape, SH.property):
            if shapes.value(prop, SH.path) == RDFS.label and shapes.value(prop, SH.minCount) is not None:
                labelled |= set(shapes.objects(shape, SH.targetClass))
    assert {iri(t) for t in ENTITY_TYPES if t != "Executive"} | {KG.Document} <= labelled


def property_shapes(shapes: Graph) -> dict[URIRef, list[tuple[set[URIRef], URIRef | None]]]:
    """sh:path -> [(target classes of the node shape, sh:class of the property shape)]."""
    found: dict[URIRef, list] = {}
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        targets = set(shapes.objects(shape, SH.targetClass))
        for prop in shapes.objects(shape, SH.property):
            found.setdefault(shapes.value(prop, SH.path), []).append((targets, shapes.value(prop, SH["class"])))
    return found


@pytest.mark.parametrize("predicate, domain, arrow, range_", fact_rows())
def test_shapes_check_the_object_type_of_every_fact_predicate(onto, shapes, predicate, domain, arrow, range_):
    checks = property_shapes(shapes).get(iri(predicate), [])
    assert any(range_class == iri(range_) and targets & superclasses(onto, domain)
               for targets, range_class in checks), f"no shape checks that {predicate} points at a {range_}"


@pytest.mark.parametrize("path, range_", [(iri(EVENT_ARG_PROPERTY.get(arg, arg)), iri(cls))
                                          for arg, cls in ENTITY_ARG_RANGE.items()])
def test_shapes_check_the_type_of_every_event_entity_arg(shapes, path, range_):
    checks = property_shapes(shapes).get(path, [])
    assert any(range_class == range_ and KG.MarketEvent in targets for targets, range_class in checks)


def test_fact_evidence_shape_covers_exactly_the_fact_predicates(shapes):
    shape = URIRef("https://w3id.org/kg-news/shapes#FactEvidence")
    targeted = {str(p)[len(NS):] for p in shapes.objects(shape, SH.targetSubjectsOf)}
    assert targeted == set(FACT_PREDICATES)
    select = str(shapes.value(shapes.value(shape, SH.sparql), SH.select))
    filtered = re.search(r"\?p IN \(([^)]*)\)", select)[1]
    assert set(re.findall(r"kg:(\w+)", filtered)) == set(FACT_PREDICATES)


def test_evidence_is_required_on_assertions_claims_and_events(shapes):
    checks = property_shapes(shapes).get(KG.evidence, [])
    required = set()
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        for prop in shapes.objects(shape, SH.property):
            if shapes.value(prop, SH.path) == KG.evidence and shapes.value(prop, SH.minCount) is not None:
                required |= set(shapes.objects(shape, SH.targetClass))
    assert {KG.Assertion, KG.Claim, KG.MarketEvent} <= required
    assert all(range_class == KG.Evidence for _, range_class in checks)


# ------------------------------------------------------------------ standard vocabularies


def expand(onto: Graph, curie: str) -> URIRef:
    prefix, local = curie.split(":", 1)
    namespaces = dict(onto.namespace_manager.namespaces())
    assert prefix in namespaces, f"prefix {prefix!r} is not declared in kg.ttl"
    return URIRef(str(namespaces[prefix]) + local)


def readme_rows() -> list[list[str]]:
    text = (ROOT / "ontology" / "README.md").read_text(encoding="utf-8")
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in text.splitlines()
            if line.startswith("| `kg:")]
    assert rows, "ontology/README.md has no class table"
    return rows


def readme_class_mappings() -> list[tuple[str, str]]:
    """(kg class, standard class) pairs from ontology/README.md's table."""
    return [(name, standard) for kg_cell, standard_cell in readme_rows()
            for name in re.findall(r"`(?:kg:)?(\w+)`", kg_cell)
            for standard in re.findall(r"`(\w+:\w+)`", standard_cell)]


def test_readme_table_lists_every_class(onto):
    assert {name for name, _ in readme_class_mappings()} == classes(onto)


def readme_property_mappings() -> list[tuple[str, str]]:
    text = (ROOT / "ontology" / "README.md").read_text(encoding="utf-8")
    pairs = re.findall(r"`(\w+)` refines `(\w+:\w+)`", text)
    assert pairs, "ontology/README.md names no property mappings"
    return pairs


@pytest.mark.parametrize("name, standard", readme_class_mappings())
def test_readme_class_mapping_is_in_the_ontology(onto, name, standard):
    assert expand(onto, standard) in superclasses(onto, name)


@pytest.mark.parametrize("name, standard", readme_property_mappings())
def test_readme_property_mapping_is_in_the_ontology(onto, name, standard):
    assert expand(onto, standard) in set(onto.transitive_objects(iri(name), RDFS.subPropertyOf))


STANDARD = {
    "schema.org": "https://schema.org/", "PROV": "http://www.w3.org/ns/prov#",
    "ORG": "http://www.w3.org/ns/org#", "DCTERMS": "http://purl.org/dc/terms/",
}


@pytest.mark.parametrize("vocabulary", STANDARD)
def test_each_standard_vocabulary_is_mapped_to(onto, vocabulary):
    used = {str(o) for p in (RDFS.subClassOf, RDFS.subPropertyOf) for o in onto.objects(None, p)}
    assert any(iri.startswith(STANDARD[vocabulary]) for iri in used)


def test_every_class_refines_a_standard_class(onto):
    lone = sorted(name for name in classes(onto)
                  if not any(not str(c).startswith(NS) for c in superclasses(onto, name)))
    assert lone == []


def test_core_mappings(onto):
    """The mappings other tools rely on (Neo4j sync, PROV readers), stated explicitly."""
    schema, prov, org = STANDARD["schema.org"], STANDARD["PROV"], STANDARD["ORG"]
    assert URIRef(schema + "Organization") in superclasses(onto, "Company")
    assert URIRef(prov + "Organization") in superclasses(onto, "Company")
    assert URIRef(schema + "Person") in superclasses(onto, "Executive")
    assert URIRef(schema + "NewsArticle") in superclasses(onto, "Document")
    assert URIRef(prov + "Entity") in superclasses(onto, "Evidence")
    assert RDF.Statement in superclasses(onto, "Assertion")
    assert URIRef(org + "memberOf") in set(onto.objects(KG.executiveOf, RDFS.subPropertyOf))
    assert URIRef(prov + "wasDerivedFrom") in set(onto.objects(KG.inDocument, RDFS.subPropertyOf))
