"""The ``kg`` command: parse, one call into the library, print. No logic lives here."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import KGError


def _fail(exc: KGError) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """kg: Korean news articles → a knowledge graph you can query, view and export."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", default="outputs", show_default=True, type=click.Path(file_okay=False),
              help="Directory for graph.ttl, graph.trig and graph.html.")
@click.option("--base-iri", default=None, help="Base IRI for entities, articles and statements.")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
def build(inputs: tuple[str, ...], out_dir: str, base_iri: str | None, no_html: bool) -> None:
    """Build the graph from articles: files, directories, JSON Lines or - for stdin."""
    from .api import build as build_graph
    from .config import BuildConfig

    config = BuildConfig(html=not no_html, **({"base_iri": base_iri} if base_iri else {}))
    try:
        summary = build_graph(list(inputs), out_dir, config)
    except KGError as exc:
        _fail(exc)
    for line in summary.lines():
        click.echo(line, err=True)
    if summary.failures:
        sys.exit(2)


@main.command()
@click.argument("query", required=False)
@click.option("--graph", "graph_path", type=click.Path(), default="outputs",
              show_default=True, help="A .ttl, a .trig or a build directory.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="How to print the results.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for a named query's parameter, e.g. --param name=오영주.")
@click.option("--list", "list_queries", is_flag=True, help="List the named example queries.")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds before a query is stopped.")
def query(query: str | None, graph_path: str, fmt: str, params: tuple[str, ...], list_queries: bool,
          timeout: float) -> None:
    """Run SPARQL (a string, a .rq file or a named query) over a built graph; read-only."""
    from . import query as q
    from .graph import load_graph

    try:
        if list_queries:
            for nq in q.named_queries():
                click.echo(f"{nq.name:22} {nq.description}")
            return
        if not query:
            raise KGError("give a SPARQL query, a .rq file or a named query (see kg query --list)")
        values = dict(p.split("=", 1) for p in params if "=" in p)
        sparql = q.resolve_query(query, values)
        result = q.run_query(load_graph(Path(graph_path)), sparql, timeout=timeout)
        click.echo(q.format_result(result, q.ResultFormat(fmt)), nl=False)
    except KGError as exc:
        _fail(exc)


@main.command()
@click.argument("name")
@click.option("--graph", "graph_path", type=click.Path(), default="outputs",
              show_default=True, help="A .ttl, a .trig or a build directory.")
def explain(name: str, graph_path: str) -> None:
    """Everything known about an entity (by name or alias), with the evidence behind each fact."""
    from .explain import explain as explain_entity, format_report
    from .graph import load_graph

    try:
        report = explain_entity(load_graph(Path(graph_path)), name)
    except KGError as exc:
        _fail(exc)
    click.echo(format_report(report), nl=False)


@main.command()
@click.argument("graph_path", type=click.Path())
@click.option("--format", "fmt", required=True,
              type=click.Choice(["ttl", "trig", "nt", "nq", "jsonld", "graphml", "gexf", "csv"]),
              help="Output format.")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False), help="File to write.")
def export(graph_path: str, fmt: str, out_path: str) -> None:
    """Export a built graph to another format (RDF, Gephi/Cytoscape, CSV)."""
    from .export import ExportFormat, export as export_graph
    from .graph import load_graph

    try:
        written = export_graph(load_graph(Path(graph_path)), ExportFormat(fmt), Path(out_path))
    except KGError as exc:
        _fail(exc)
    click.echo(f"wrote {written}", err=True)


@main.command()
@click.argument("graph_path", type=click.Path())
def validate(graph_path: str) -> None:
    """Check a graph against the SHACL shapes (ontology/shapes.ttl); exit 1 listing violations."""
    from .graph import load_graph
    from .validate import validate as validate_graph

    try:
        report = validate_graph(load_graph(Path(graph_path)))
    except KGError as exc:
        _fail(exc)
    if report.conforms:
        click.echo(f"{graph_path}: conforms to the kg shapes")
        return
    for line in report.violations:
        click.echo(line)
    click.echo(f"{graph_path}: {len(report.violations)} violation(s)", err=True)
    sys.exit(1)


@main.command()
@click.argument("graph_path", type=click.Path())
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False), help="HTML file to write.")
@click.option("--focus", default=None, metavar="NAME",
              help="Draw only this entity's neighbourhood (a label or alias, e.g. 중기부).")
@click.option("--depth", default=1, show_default=True, type=int, help="Links from --focus to keep.")
@click.option("--types", default=None, metavar="TYPE,…",
              help="Keep only these entity types, e.g. Person,Organization (the --focus entity always stays).")
@click.option("--title", default=None, help="The page's heading.")
def view(graph_path: str, out_path: str, focus: str | None, depth: int, types: str | None,
         title: str | None) -> None:
    """Write the interactive HTML view of a graph, or of part of it (one file, opens offline)."""
    from .graph import load_graph
    from .view import entity_types, write_view

    try:
        wanted = entity_types(types) if types is not None else None
        written = write_view(load_graph(Path(graph_path)), Path(out_path), focus=focus, depth=depth,
                             types=wanted, title=title)
    except KGError as exc:
        _fail(exc)
    click.echo(f"wrote {written}", err=True)
