"""The entities graph (kg.store): after every kind of write it equals the graph rebuilt from scratch out of the
document graphs alone, whether the load maintained it for the entities it touched or rebuilt it whole."""

from __future__ import annotations

import shutil
import uuid

import pyoxigraph as ox
import pytest

from conftest import SEEDS
from kg.store import Store
from kg.terms import ENTITIES_GRAPH

ENTITIES = ox.NamedNode(str(ENTITIES_GRAPH))


def entities_graph(home) -> set[str]:
    with Store.open(home) as store:
        return {str(q) for q in store.quads(str(ENTITIES_GRAPH))}


def from_scratch(home, tmp_path) -> set[str]:
    """The entities graph rebuilt in a copy of the store with no entities graph at all."""
    copy = tmp_path / f"scratch-{uuid.uuid4().hex[:8]}"
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
        aliases = {(q.subject, q.object) for document in removed for q in store.quads(document)
                   if q.predicate.value.endswith("#alias")}
        for document in removed:
            store.remove_document(document)
        store.rebuild_entities_graph()
    assert aliases, "the removed documents must have aliases for this test to mean anything"
    graph = entities_graph(home)
    assert graph == from_scratch(home, tmp_path)
    # "Xioami" is an alias only the removed documents gave Xiaomi
    assert not any("Xioami" in q for q in graph)


def corpus_copy(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    return corpus


def no_full_rebuild(monkeypatch):
    """A load's entities graph must come from its own writes, not from a rebuild over the whole store."""
    def refuse(self):
        raise AssertionError("rebuild_entities_graph was called by a load that could update the graph")
    monkeypatch.setattr(Store, "rebuild_entities_graph", refuse)


def assert_as_rebuilt(home, tmp_path, monkeypatch):
    monkeypatch.undo()
    graph = entities_graph(home)
    assert len(graph) > 50
    assert graph == from_scratch(home, tmp_path)
    return graph


def test_first_load_builds_the_entities_graph_from_its_own_quads(tmp_path, monkeypatch):
    from kg.pipeline import load

    home = tmp_path / "home"
    no_full_rebuild(monkeypatch)
    assert load([SEEDS], home).loaded == 5
    assert not (home / "pending").exists()
    assert_as_rebuilt(home, tmp_path, monkeypatch)


def test_documents_added_to_a_store_recount_the_entities_they_share_with_it(tmp_path, monkeypatch):
    from kg.pipeline import load

    corpus, home = corpus_copy(tmp_path), tmp_path / "home"
    later = sorted(corpus.iterdir())[3:]
    aside = tmp_path / "aside"
    aside.mkdir()
    for path in later:
        path.rename(aside / path.name)
    assert load([corpus], home).loaded == 3
    for path in later:
        (aside / path.name).rename(corpus / path.name)
    no_full_rebuild(monkeypatch)
    assert load([corpus], home).loaded == 2
    graph = assert_as_rebuilt(home, tmp_path, monkeypatch)
    # Xiaomi is in the first three documents and in the later two: its rows counted both
    assert any("/company/xiaomi>" in q and "label" in q for q in graph)


def test_a_changed_document_and_a_pruned_one_update_only_their_entities_as_a_rebuild_would(tmp_path, monkeypatch):
    from kg.pipeline import load

    corpus, home = corpus_copy(tmp_path), tmp_path / "home"
    load([corpus], home)
    first, *_, last = sorted(corpus.iterdir())
    first.write_text(first.read_text(encoding="utf-8") + "\nNorvik Motors said it plans to enter Germany. "
                     "Xiaomi, also called Mi, opened a store in Oslo.\n", encoding="utf-8")
    before = entities_graph(home)
    no_full_rebuild(monkeypatch)
    report = load([corpus], home)
    assert (report.replaced, report.unchanged) == (1, 4)
    changed = assert_as_rebuilt(home, tmp_path, monkeypatch)
    assert changed != before and any("norvik-motors" in q for q in changed)

    last.unlink()
    no_full_rebuild(monkeypatch)
    assert load([corpus], home, prune=True).removed == 1
    pruned = assert_as_rebuilt(home, tmp_path, monkeypatch)
    assert pruned != changed


def test_writes_the_graph_cannot_follow_make_the_update_a_rebuild(tmp_path, seeds_store):
    home = tmp_path / "home"
    shutil.copytree(seeds_store, home)
    entity = ox.NamedNode("https://w3id.org/kg-news/id/company/added-by-hand")
    document = ox.NamedNode("https://w3id.org/kg-news/doc/by-hand")
    kg = "https://w3id.org/kg-news/ontology#"
    with Store.open(home, write=True) as store:
        store.add_quads([ox.Quad(entity, ox.NamedNode(kg + "mentionedIn"), document, document),
                         ox.Quad(entity, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                 ox.NamedNode(kg + "Company"), document),
                         ox.Quad(entity, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                                 ox.Literal("Added By Hand"), document)])
        store.update_entities_graph()
    graph = entities_graph(home)
    assert any("Added By Hand" in q for q in graph)
    assert graph == from_scratch(home, tmp_path)


def test_the_dask_engine_path_updates_the_graph_as_a_rebuild_would(tmp_path, monkeypatch):
    pytest.importorskip("distributed", reason="DASK IS NOT INSTALLED: pip install -e '.[test]' installs it")
    from kg.distributed import DaskEngine
    from kg.pipeline import load

    corpus, home = corpus_copy(tmp_path), tmp_path / "home"
    first = sorted(corpus.iterdir())[0]
    aside = tmp_path / first.name
    first.rename(aside)
    engine = DaskEngine(workers=2, partition_size=2)
    no_full_rebuild(monkeypatch)
    assert load([corpus], home, engine=engine).loaded == 4
    assert_as_rebuilt(home, tmp_path, monkeypatch)

    aside.rename(first)
    second = sorted(corpus.iterdir())[1]
    second.write_text(second.read_text(encoding="utf-8") + "\nHalden Cells opened a plant in Poland.\n",
                      encoding="utf-8")
    no_full_rebuild(monkeypatch)
    report = load([corpus], home, engine=engine)
    assert (report.loaded, report.replaced) == (1, 1)
    assert_as_rebuilt(home, tmp_path, monkeypatch)


def test_new_documents_that_outvote_a_stored_label_change_it_as_a_rebuild_would(tmp_path, seeds_store):
    """Xiaomi is "Xiaomi", a Company, in the 5 seed documents; 7 new documents call it "Xiaomi Corporation" and
    one of them a Product (6 as a Company): its label flips, "Xiaomi" becomes an alias, and it gains a type,
    counted over the old documents and the new."""
    from kg.store import DocumentWriter

    home = tmp_path / "home"
    shutil.copytree(seeds_store, home)
    kg = "https://w3id.org/kg-news/ontology#"
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    xiaomi = ox.NamedNode("https://w3id.org/kg-news/id/company/xiaomi")
    with Store.open(home, write=True) as store:
        with DocumentWriter(store, batch_quads=10) as writer:
            for number in range(7):
                doc = ox.NamedNode(f"https://w3id.org/kg-news/doc/crafted-{number}")
                quads = [ox.Quad(doc, rdf_type, ox.NamedNode(kg + "Document"), doc),
                         ox.Quad(xiaomi, rdf_type, ox.NamedNode(kg + ("Product" if number == 0 else "Company")), doc),
                         ox.Quad(xiaomi, label, ox.Literal("Xiaomi Corporation"), doc),
                         ox.Quad(xiaomi, ox.NamedNode(kg + "mentionedIn"), doc, doc)]
                writer.put(doc.value, quads, replace=False)
        store.update_entities_graph()
    graph = entities_graph(home)
    assert graph == from_scratch(home, tmp_path)
    with Store.open(home) as store:
        rows = {(q.predicate.value.rsplit("#", 1)[-1], q.object.value) for q in store.quads(str(ENTITIES_GRAPH))
                if q.subject == xiaomi}
    assert {("label", "Xiaomi Corporation"), ("alias", "Xiaomi"), ("type", kg + "Product"),
            ("type", kg + "Company")} <= rows
    assert ("label", "Xiaomi") not in rows
