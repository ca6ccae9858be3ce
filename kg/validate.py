"""`kg validate`: the SHACL shapes of ontology/shapes.ttl over the store, with pySHACL."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
import rdflib
from pyshacl import validate as shacl_validate
from rdflib.namespace import SH

from .errors import KGError
from .ontology import ONTOLOGY_FILE, SHAPES_FILE, read
from .store import Store


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str | None
    message: str
    severity: str


def store_graph(store: Store) -> rdflib.Graph:
    """The union of the store's graphs as an rdflib Graph (via N-Quads, Oxigraph's fast writer)."""
    data = rdflib.Graph()
    union = ox.Store()
    union.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in store.quads())
    data.parse(data=union.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8"),
               format="nt")
    return data


def validate_store(store: Store) -> list[Violation]:
    shapes = rdflib.Graph().parse(data=read(SHAPES_FILE), format="turtle")
    ontology = rdflib.Graph().parse(data=read(ONTOLOGY_FILE), format="turtle")
    conforms, report, _ = shacl_validate(store_graph(store), shacl_graph=shapes, ont_graph=ontology,
                                         inference="none", advanced=True, allow_warnings=True)
    if conforms:
        return []
    if not isinstance(report, rdflib.Graph):   # the shapes themselves are broken
        raise KGError(f"SHACL validation could not run: {report}")
    violations = []
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        def value(p):
            v = report.value(result, p)
            return None if v is None else str(v)
        violations.append(Violation(value(SH.focusNode), value(SH.resultPath),
                                    value(SH.resultMessage) or "violation",
                                    (value(SH.resultSeverity) or "").rsplit("#", 1)[-1]))
    return sorted(violations, key=lambda v: (v.focus, v.path or "", v.message))
