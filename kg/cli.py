"""The `kg` command: parses options, calls the library, renders results. No logic of its own."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .config import settings
from .errors import BackendError, InputError, KGError, QueryError, StoreError
from .render import console, emit, print_json

EXIT_FAILED = 1

home_option = click.option("--home", type=click.Path(file_okay=False, path_type=Path), default=None,
                           help="Store directory (default: $KG_HOME, else ./.kg).")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


class KGGroup(click.Group):
    """Turns library errors into one clear line and an exit code, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (InputError, StoreError, BackendError, QueryError, KGError) as err:
            click.echo(f"Error: {err}", err=True)
            ctx.exit(EXIT_FAILED)


@click.group(cls=KGGroup)
@click.version_option(__version__, prog_name="kg")
def main():
    """kg: a knowledge graph of companies, products and market events, built from news."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@home_option
@click.option("--prune", is_flag=True, help="Remove stored documents that are no longer under PATHS.")
@click.option("--sync", "sync_after", is_flag=True, help="Sync into Neo4j as documents are written, batch by "
              "batch, then what else changed (needs NEO4J_URI).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: extract in this process; dask: on a Dask cluster (pip install 'kg-news[dask]').")
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: an existing cluster's scheduler "
              "(tcp://host:8786); default: a local cluster.")
@click.option("--workers", type=click.IntRange(min=1), help="With --engine dask and no --scheduler: local "
              "worker processes (default: one per CPU).")
@json_option
def load(paths, home, prune, as_json, sync_after, engine, scheduler, workers):
    """Load articles (.txt, .md, .html, .jsonl; folders, globs) into the store."""
    from .pipeline import load as load_paths

    if sync_after and not settings(home).neo4j_uri:
        raise BackendError("--sync needs Neo4j: set NEO4J_URI (e.g. bolt://localhost:7687), NEO4J_USER and "
                           "NEO4J_PASSWORD; see docs/neo4j.md")
    if (scheduler or workers) and engine != "dask":
        raise click.UsageError("--scheduler and --workers go with --engine dask")
    if engine == "dask":
        from .distributed import DaskEngine
        engine = DaskEngine(scheduler=scheduler, workers=workers)
    else:
        engine = None
    config = settings(home)
    home = config.home
    show_progress = sys.stderr.isatty() and not as_json
    follower = None
    if sync_after:   # Neo4j follows the load batch by batch (kg.neo4j_sync.LoadSync)
        from .neo4j_sync import LoadSync
        follower = LoadSync(config)
    try:
        with _progress(show_progress) as advance:
            report = load_paths(paths, home, prune=prune, progress=advance, engine=engine, on_written=follower)
        synced = _finish_sync(follower, home) if follower and as_json else None
    except BaseException:
        if follower:
            follower.close()
        raise
    summary = {"documents loaded": report.loaded, "documents replaced": report.replaced,
               "documents unchanged": report.unchanged, "documents removed": report.removed,
               "documents failed": len(report.failures), "entities": report.entities,
               "facts": report.facts, "claims": report.claims, "events": report.events,
               "triples written": report.triples}
    if as_json:
        print_json({**{k.replace(" ", "_"): v for k, v in summary.items()},
                    "failures": [vars(f) for f in report.failures], "home": str(home),
                    **({"sync": synced.as_dict()} if synced else {})})
    else:
        emit([{"": k, "count": v} for k, v in summary.items()], False, title=f"kg load -> {home}")
        for failure in report.failures:
            click.echo(f"failed: {failure.path}: {failure.reason}", err=True)
        if follower:   # after the load's own summary, so that a sync error does not hide it
            _print_sync(_finish_sync(follower, home))
    sys.exit(0 if report.ok else EXIT_FAILED)


def _finish_sync(follower, home):
    from .store import Store

    try:
        with Store.open(home) as store:
            return follower.finish(store)
    finally:
        follower.close()


class _progress:
    """A rich progress bar on a terminal; nothing otherwise."""

    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
        self._bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} docs"),
                             TimeElapsedColumn(), console=console(), transient=True)
        self._bar.start()
        task = self._bar.add_task("loading")
        return lambda doc_id: self._bar.update(task, advance=1, description=f"loading {doc_id[:40]}")

    def __exit__(self, *exc):
        if self.enabled:
            self._bar.stop()


@main.command()
@home_option
@json_option
def stats(home, as_json):
    """Counts of documents, entities, facts, claims and events in the store."""
    from .stats import store_stats
    from .store import Store

    with Store.open(settings(home).home) as store:
        data = store_stats(store)
    if as_json:
        print_json(data)
        return
    rows = [{"what": "documents", "count": data["documents"]}, {"what": "triples", "count": data["triples"]}]
    rows += [{"what": f"entity {k}", "count": v} for k, v in data["entities"].items()]
    rows += [{"what": f"fact {k}", "count": v} for k, v in data["facts"].items() if v]
    rows += [{"what": "claims", "count": data["claims"]}]
    rows += [{"what": f"event {k}", "count": v} for k, v in data["events"].items() if v]
    emit(rows, False, title="kg stats")


@main.command()
@home_option
@json_option
def validate(home, as_json):
    """Check the store against the SHACL shapes; exit 1 on violations."""
    from .store import Store
    from .validate import validate_store

    with Store.open(settings(home).home) as store:
        violations = validate_store(store)
    if as_json:
        print_json({"conforms": not violations, "violations": [vars(v) for v in violations]})
    elif violations:
        emit([vars(v) for v in violations], False, title=f"{len(violations)} SHACL violations")
    else:
        click.echo("valid: the store conforms to the shapes")
    sys.exit(EXIT_FAILED if violations else 0)


@main.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["ttl", "trig", "nq", "jsonld", "gold-jsonl", "graphml", "gexf",
                                                    "neo4j-csv"]),
              default="trig", show_default=True,
              help="An RDF syntax; gold-jsonl: one JSON record per document, as shared/eval/score.py reads; "
                   "graphml or gexf: the entity graph with claims and events, for Gephi; neo4j-csv: node and "
                   "relationship CSVs in DIRECTORY for neo4j-admin database import (docs/neo4j.md).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout).")
@home_option
def export(directory, fmt, output, home):
    """Export the store (RDF, gold-jsonl for the evaluation scorer, GraphML/GEXF for Gephi, CSVs for
    neo4j-admin: kg export --format neo4j-csv DIRECTORY)."""
    from .export import export as export_store
    from .store import Store

    if (fmt == "neo4j-csv") != (directory is not None) or (directory is not None and output):
        raise click.UsageError("--format neo4j-csv takes a DIRECTORY (and no -o); the other formats a file "
                               "(-o) or stdout")
    if fmt == "neo4j-csv":
        from .neo4j_csv import export_neo4j_csv

        with Store.open(settings(home).home) as store:
            report = export_neo4j_csv(store, directory)
        click.echo(f"wrote {report.nodes} nodes and {report.relationships} relationships to {directory}; "
                   f"import with the server stopped:\n  {report.command()}", err=True)
        return
    with Store.open(settings(home).home) as store:
        if output:
            with output.open("wb") as out:
                export_store(store, fmt, out)
            click.echo(f"wrote {output}", err=True)
        else:
            export_store(store, fmt, sys.stdout.buffer)


@main.command()
@click.argument("question")
@home_option
@click.option("--backend", type=click.Choice(["auto", "local", "neo4j"]), default="auto", show_default=True,
              help="Where the queries run: the embedded store (local), Neo4j, or auto: Neo4j when NEO4J_URI is "
                   "set and answers, else the embedded store.")
@json_option
def ask(question, home, backend, as_json):
    """Ask a question in plain English: "Who runs Acme?", "What do you know about Acme?"."""
    from .ask import ask as ask_store
    from .backends import open_backend

    with open_backend(backend, settings(home)) as (source, note):
        answer = ask_store(source, question)
    if note:
        answer.notes.append(note)
    if as_json:
        print_json(answer.as_dict())
        return
    _print_answer(answer)


def _print_answer(answer) -> None:
    from rich.markup import escape   # the graph's text is data, not markup: "[citation needed]" stays

    out = console()
    if answer.intent == "unknown-entity":
        out.print("Not in the graph: I found no entity matching that question.")
        if answer.suggestions:
            out.print("Closest entities: " + escape(", ".join(answer.suggestions)))
        out.print("Try: " + escape(" | ".join(answer.examples)))
        _print_notes(answer.notes)
        return
    if answer.entities:
        out.print(" · ".join(f"[bold]{escape(e.name)}[/bold] ({e.type})" for e in answer.entities))
    if answer.message:
        out.print(escape(answer.message))
    for line in answer.lines:
        out.print(f"- {escape(line['text'])}")
        if line.get("evidence") or line.get("document"):
            out.print(f"  [dim]{escape(line['document'])}: {escape(line['evidence'])}[/dim]")
    if answer.summary:
        out.print(f"In short (LLM, from the lines above): {escape(answer.summary)}")
    if not answer.lines and answer.examples:
        out.print("Try: " + escape(" | ".join(answer.examples)))
    _print_notes(answer.notes)


def _print_notes(notes) -> None:
    """How the answer was found (a fuzzy link, the backend used): diagnostics, on stderr."""
    for note in notes:
        click.echo(f"note: {note}", err=True)


@main.command()
@click.argument("entity", required=False)
@click.option("--view", type=click.Choice(["graph", "claims", "events"]), default="graph", show_default=True,
              help="graph: entities and facts; claims: who said what about whom; events: market events in time.")
@click.option("--hops", type=click.IntRange(min=1), default=2, show_default=True,
              help="With ENTITY: how far out its neighbourhood reaches.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="HTML file to write (default: visualizations/VIEW-ENTITY.html here).")
@click.option("--max-nodes", type=click.IntRange(min=1), default=1500, show_default=True,
              help="Draw at most this many nodes (the most connected); the page says when it samples.")
@home_option
def viz(entity, view, hops, output, max_nodes, home):
    """Draw the graph, or ENTITY's neighbourhood, as an interactive HTML page that works offline."""
    from .store import Store
    from .visualizations.views import render_view

    with Store.open(settings(home).home) as store:
        result = render_view(store, view, entity, hops=hops, output=output, max_nodes=max_nodes)
    if result.entity and result.entity.score < 100:
        click.echo(f"{entity!r} taken as {result.entity.name} ({result.entity.type})", err=True)
    if result.sampled:
        click.echo(f"sampled: {result.nodes} of {result.total_nodes} nodes drawn (--max-nodes)", err=True)
    click.echo(str(result.path))


def _eval_command():
    @main.command(name="eval")
    @click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--docs", type=click.Path(exists=True, path_type=Path), required=True,
                  help="Folder of the documents the gold describes.")
    @json_option
    @click.option("--details/--no-details", default=True, help="List what was missed and what was spurious.")
    def evaluate(gold, docs, as_json, details):
        """Load DOCS into a temporary store and score it against GOLD (the rules of shared/eval/score.py)."""
        from .evaluation import evaluate_documents

        result = evaluate_documents(gold, docs)
        if as_json:
            print_json(result)
            return
        rows = [{"part": part, "P": f"{s['precision']:.3f}", "R": f"{s['recall']:.3f}", "F1": f"{s['f1']:.3f}",
                 "tp": s["tp"], "pred": s["predicted"], "gold": s["gold"]} for part, s in result["scores"].items()]
        emit(rows, False, title=f"kg eval {gold.name}")
        if details:
            for doc, parts in result["per_document"].items():
                for part, diff in parts.items():
                    for kind in ("missed", "spurious"):
                        for item in diff[kind]:
                            click.echo(f"{doc}\t{part}\t{kind}\t{item}")


_eval_command()


@main.command()
@home_option
@json_option
def sync(home, as_json):
    """Sync the store into Neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD): only documents that changed."""
    _sync(settings(home).home, as_json=as_json, printed=True)


def _sync(home, as_json: bool, printed: bool):
    from .neo4j_sync import sync_store
    from .store import Store

    config = settings(home)
    with Store.open(config.home) as store:
        report = sync_store(store, config)
    if printed and as_json:
        print_json(report.as_dict())
    elif printed:
        _print_sync(report)
    return report


def _print_sync(report) -> None:
    rows = [{"": "documents synced", "count": report.synced}, {"": "documents replaced", "count": report.replaced},
            {"": "documents removed", "count": report.removed}, {"": "documents unchanged", "count": report.unchanged},
            {"": "nodes in Neo4j", "count": report.nodes}, {"": "relationships in Neo4j", "count": report.relationships}]
    rows += [{"": name.replace("_", " "), "count": n} for name, n in report.counters.items() if n]
    rows += [{"": "seconds", "count": f"{report.seconds:.2f}"}]
    emit(rows, False, title="kg sync -> Neo4j")


@main.command()
@click.option("--cypher", "cypher_name", metavar="NAME", help="Run NAME from the Cypher pack against Neo4j.")
@click.option("--sparql", "sparql_name", metavar="NAME", help="Run NAME from the SPARQL pack against the embedded store.")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--list", "list_queries", is_flag=True, help="List the query packs: names, parameters, descriptions.")
@home_option
@json_option
def query(cypher_name, sparql_name, params, list_queries, home, as_json):
    """Run a named query of the packs (queries/cypher/*.cypher on Neo4j, queries/sparql/*.rq on the embedded
    store), e.g. --sparql company_products -p name=Xiaomi."""
    from .querypack import PACKS, get_query, load_pack, parse_params, run_cypher

    if list_queries:
        rows = [{"pack": language, "name": q.name, "params": q.signature, "description": q.description}
                for language in PACKS for q in load_pack(language).values()]
        emit(rows, as_json, title="kg query packs", columns=["pack", "name", "params", "description"])
        return
    if bool(cypher_name) == bool(sparql_name):
        raise QueryError("give --cypher NAME or --sparql NAME (see kg query --list)")
    if sparql_name:
        from .backends import run_sparql
        from .store import Store

        named = get_query("sparql", sparql_name)
        bound = named.bind(parse_params(params))
        with Store.open(settings(home).home) as store:
            rows = run_sparql(store, named, bound)
    else:
        named = get_query("cypher", cypher_name)
        bound = named.bind(parse_params(params))
        from .neo4j_sync import connect

        driver = connect(settings())
        try:
            rows = run_cypher(driver, named, bound)
        finally:
            driver.close()
    if as_json:
        print_json(rows)
    elif not rows:
        click.echo(f"{named.name}: no rows")
    else:
        emit([{k: _cell(v) for k, v in row.items()} for row in rows], False, title=f"{named.name} ({len(rows)} rows)")


@main.command()
@click.option("--path", "between", nargs=2, metavar="X Y",
              help="The shortest connection between two entities, each step with its sentence.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many of the most central companies to list.")
@home_option
@json_option
def analyze(between, top, home, as_json):
    """Graph analytics: the most central companies (degree, PageRank) and the communities; or --path X Y."""
    from dataclasses import asdict

    from . import analytics
    from .store import Store

    with Store.open(settings(home).home) as store:
        graph = analytics.store_graph(store)
    if between:
        found = analytics.shortest_path(graph, *between)
        if as_json:
            print_json(asdict(found) if found else None)
        elif found is None:
            click.echo(f"{between[0]} and {between[1]} are not connected in the graph")
        else:
            rows = [{"step": i, "from": s.source, "relation": s.predicate if s.forward else f"({s.predicate})",
                     "to": s.target, "document": s.document, "sentence": s.sentence}
                    for i, s in enumerate(found.steps, 1)]
            emit(rows, False, title=f"{found.source} -> {found.target}: {found.hops} hops")
        return
    result = analytics.analyze(graph, top=top)
    if as_json:
        print_json(asdict(result))
        return
    columns = ["company", "degree", "neighbours", "pagerank", "documents"]
    for title, ranked in (("most central companies by degree", result.by_degree),
                          ("most central companies by PageRank", result.by_pagerank)):
        emit([{"company": c.name, "degree": c.degree, "neighbours": c.neighbours, "pagerank": f"{c.pagerank:.4f}",
               "documents": c.documents} for c in ranked], False, title=title, columns=columns)
    emit([{"community": i, "size": len(c.members), "types": ", ".join(f"{k} {v}" for k, v in c.types.items()),
           "members": ", ".join(c.members[:12]) + (" ..." if len(c.members) > 12 else "")}
          for i, c in enumerate(result.communities, 1)], False,
         title=f"communities ({result.algorithm}; {result.nodes} nodes, {result.edges} links)")


def _cell(value) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return "" if value is None else str(value)


if __name__ == "__main__":
    main()
