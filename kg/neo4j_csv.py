"""`kg export --format neo4j-csv DIR`: the property graph `kg sync` writes, as CSV files for Neo4j's offline
importer, `neo4j-admin database import full` (a first full load: no transactions, an order of magnitude
faster than any sync). The rows are kg.neo4j_mapping's, as the sync writes them: the same nodes, labels,
relationships and properties, entities with their resolved names; Document nodes carry their `syncHash`, so a
`kg sync` after the import finds every document unchanged and goes on incrementally from there.

Files (headers in the importer's syntax, one ID space `Resource` keyed by `iri`, kept as a property):

    nodes.csv          iri:ID(Resource),:LABEL,<property>[:long|:double|:boolean|:string[]],...
    relationships.csv  :START_ID(Resource),:END_ID(Resource),:TYPE,doc,assertion,sentence,start:long,...

Lists (aliases, scope) and a node's labels are joined by U+001F, which the importer is told with
--array-delimiter. The rows are
held in memory (one pass over the store to learn each property's type): fine for a store one machine loads;
`import.sh` in DIR has the command.
"""

from __future__ import annotations

import csv
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KGError
from .neo4j_mapping import BASE_LABEL, document_rows, entity_rows, vocabulary
from .store import Store

ID_SPACE = BASE_LABEL
ARRAY_DELIMITER = "\x1f"
NODES, RELATIONSHIPS = "nodes.csv", "relationships.csv"


@dataclass
class CsvReport:
    directory: Path
    nodes: int = 0
    relationships: int = 0
    labels: dict[str, int] = field(default_factory=dict)
    types: dict[str, int] = field(default_factory=dict)

    def command(self, database: str = "neo4j") -> str:
        return import_command(self.directory, database)


def import_command(directory: Path, database: str = "neo4j") -> str:
    """The neo4j-admin command that imports DIR (run with the server stopped; it replaces `database`)."""
    d = Path(directory)
    return (f"neo4j-admin database import full --overwrite-destination "
            f"--nodes={shlex.quote(str(d / NODES))} --relationships={shlex.quote(str(d / RELATIONSHIPS))} "
            f"--array-delimiter=U+001F --multiline-fields=true --report-file={shlex.quote(str(d / 'import.report'))} "
            f"{shlex.quote(database)}")


def _kind(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, list | tuple):
        return "string[]"
    return "string"


def _types(rows: list[dict]) -> dict[str, str]:
    """Each property's importer type: a single one per column (ints and floats together are doubles)."""
    kinds: dict[str, set[str]] = {}
    for props in rows:
        for key, value in props.items():
            if value is not None:
                kinds.setdefault(key, set()).add(_kind(value))
    types = {}
    for key, seen in kinds.items():
        if len(seen) == 1:
            types[key] = next(iter(seen))
        elif seen <= {"long", "double"}:
            types[key] = "double"
        else:
            types[key] = "string"
    return types


def _cell(value, kind: str) -> str:
    if value is None:
        return ""
    if kind == "string[]":
        return ARRAY_DELIMITER.join(str(v) for v in value)
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "string" and isinstance(value, list | tuple):
        return ARRAY_DELIMITER.join(str(v) for v in value)
    return str(value)


def _header(key: str, kind: str) -> str:
    return key if kind == "string" else f"{key}:{kind}"


def export_neo4j_csv(store: Store, directory: str | Path) -> CsvReport:
    """Write nodes.csv, relationships.csv and import.sh into `directory` (created; files replaced)."""
    vocab = vocabulary()
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise KGError(f"cannot create {directory}: {err.strerror or err}") from None
    resolved = entity_rows(store, vocab)
    nodes: dict[str, tuple[list[str], dict]] = {}
    rels: list[tuple[str, str, str, dict]] = []
    for iri in sorted(store.documents()):
        rows = document_rows(store, iri, vocab)
        nodes[rows.iri] = (["Document"], {**{k: v for k, v in rows.document.items() if k != "iri"},
                                          "syncHash": rows.sync_hash})
        for entity, own in rows.entities.items():
            if entity not in nodes:   # as the sync: the entities graph's view, else a document's own
                view = resolved.get(entity, own)
                nodes[entity] = (list(view["labels"]), dict(view["props"]))
        for node in rows.nodes:
            nodes[node["iri"]] = (list(node["labels"]), dict(node["props"]))
        for s, o, rel_type, props in rows.rels:
            rels.append((s, o, vocab.rel_type(rel_type), {"doc": rows.doc_id, **(props or {})}))

    report = CsvReport(directory)
    node_types = _types([props for _, props in nodes.values()])
    node_keys = sorted(node_types)
    try:
        with (directory / NODES).open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow([f"iri:ID({ID_SPACE})", ":LABEL", *(_header(k, node_types[k]) for k in node_keys)])
            for iri, (labels, props) in sorted(nodes.items()):
                labels = [BASE_LABEL, *(vocab.label(label) for label in labels if label != BASE_LABEL)]
                writer.writerow([iri, ARRAY_DELIMITER.join(labels),   # the delimiter of :LABEL too
                                 *(_cell(props.get(k), node_types[k]) for k in node_keys)])
                report.nodes += 1
                for label in labels:
                    report.labels[label] = report.labels.get(label, 0) + 1
        rel_types = _types([props for *_, props in rels])
        rel_keys = sorted(rel_types)
        with (directory / RELATIONSHIPS).open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow([f":START_ID({ID_SPACE})", f":END_ID({ID_SPACE})", ":TYPE",
                             *(_header(k, rel_types[k]) for k in rel_keys)])
            for s, o, rel_type, props in rels:
                writer.writerow([s, o, rel_type, *(_cell(props.get(k), rel_types[k]) for k in rel_keys)])
                report.relationships += 1
                report.types[rel_type] = report.types.get(rel_type, 0) + 1
        (directory / "import.sh").write_text(
            "#!/bin/sh\n# With the Neo4j server stopped; replaces the database. Then start Neo4j and run `kg sync`\n"
            "# (it creates the constraints and indexes, and finds every document unchanged).\n"
            f"exec {import_command(directory.resolve())}\n", encoding="utf-8")
    except OSError as err:
        raise KGError(f"cannot write to {directory}: {err.strerror or err}") from None
    return report
