"""The entities graph (kg.store): after every kind of write it equals the graph rebuilt from scratch out of the
document graphs alone, whether the load maintained it for the entities it touched or rebuilt it whole."""

from __future__ import annotations

import shutil

import pyoxigraph as ox

from conftest import SEEDS
from kg.store import Store
from kg.terms import ENTITIES_GRAPH

ENTITIES = ox.NamedNode(str(ENTITIES_GRAPH))


def entities_graph(home) -> set[str]:
    with Store.open(home) as store:
        return {str(q) for q in store.quads(str(ENTITIES_GRAPH))}


def from_scratch(home, tmp_path) -> set[str]:
    """The entities graph rebuilt in a copy of the store with no entities graph at all."""
    copy = tmp_path / f"scratch-{len(list(tmp_path.iterdir()))}"
    shutil.copytree(home, copy)
    with Store.open(copy, write=True) as store:
        store._ox.remove_graph(ENTITIES)
        store.rebuild_entities_graph()
    return entities_graph(copy)


def test_a_rebuild_after_a_removal_keeps_none_of_the_removed_documents_aliases(tmp_path):
    from kg.pipeline import load

    home = tmp_path / "home"
    load([SEEDS], home)
    with Store.open(home, write=True) as store:
        removed = sorted(store.documents())[:2]
        aliases = {(q.subject, q.object) for d in removed for q in store.quads(d) if q.predicate.value.endswith("#alias")}
        for document in removed:
            store.remove_document(document)
        store.rebuild_entities_graph()
    assert aliases, "the removed documents must have aliases for this test to mean anything"
    graph = entities_graph(home)
    assert graph == from_scratch(home, tmp_path)
    # "Xioami" is an alias only the removed documents gave Xiaomi
    assert not any("Xioami" in q for q in graph)
