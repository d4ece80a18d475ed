"""The ``kg`` command: parse, one call into the library, print. No logic lives here."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .config import BuildConfig
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
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extract in this many processes.")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS",
              help="Extract on a Dask cluster (scheduler address, e.g. tcp://10.0.0.5:8786).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@click.option("--max-article-bytes", type=click.IntRange(min=1), default=BuildConfig.max_article_bytes,
              show_default=True, help="Refuse an article (a file, a JSON Lines line) bigger than this.")
def build(inputs: tuple[str, ...], out_dir: str, base_iri: str | None, no_html: bool, workers: int,
          dask_address: str | None, as_json: bool, max_article_bytes: int) -> None:
    """Build the graph from articles: files, directories, JSON Lines or - for stdin.

    Exit status: 0 when every input was built, 2 when some could not be read
    (listed as failed), 1 when nothing could be built or the outputs not written.
    """
    from .api import build as build_graph

    config = BuildConfig(html=not no_html, max_article_bytes=max_article_bytes,
                         **({"base_iri": base_iri} if base_iri else {}))
    try:
        summary = build_graph(list(inputs), out_dir, config, workers=workers, dask=dask_address)
    except KGError as exc:
        _fail(exc)
    _report(summary, as_json)
    if summary.failures:
        sys.exit(2)


def _report(summary, as_json: bool) -> None:
    """A summary as lines on stderr, or as JSON on stdout."""
    if as_json:
        import json

        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
    else:
        for line in summary.lines():
            click.echo(line, err=True)


def _target(store: str | None, endpoint: str | None, graph_store: str | None, *, create: bool = False):
    """The local store or the remote server a command writes to."""
    if bool(store) == bool(endpoint):
        raise KGError("give either --store DIR or --endpoint URL")
    if endpoint:
        from .remote import RemoteStore

        return RemoteStore(endpoint, graph_store)
    from .store import open_store

    return open_store(store, create=create)


def _dataset(graph_path: str | None, store: str | None):
    """The graph a reading command works on: a store (--store) or a graph file or build directory."""
    if store:
        from .store import open_store

        with open_store(store) as opened:
            return opened.dataset()
    from .graph import load_graph

    return load_graph(Path(graph_path or "outputs"))


_STORE_HELP = "A kg store directory (kg ingest --store) instead of a graph file."


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--store", default=None, type=click.Path(file_okay=False), help="The store directory (created if new).")
@click.option("--endpoint", default=None, metavar="URL", help="A SPARQL server's query endpoint instead of --store.")
@click.option("--graph-store", default=None, metavar="URL",
              help="Its Graph Store Protocol endpoint (default: the endpoint's …/query → …/store).")
@click.option("--base-iri", default=None, help="Base IRI for entities, articles and statements.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extract in this many processes.")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS", help="Extract on a Dask cluster.")
@click.option("--force", is_flag=True, help="Extract every article again, even unchanged ones.")
@click.option("--batch", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Articles linked and written together (smaller: less memory, stored sooner).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
def ingest(inputs: tuple[str, ...], store: str | None, endpoint: str | None, graph_store: str | None,
           base_iri: str | None, workers: int, dask_address: str | None, force: bool, batch: int,
           as_json: bool) -> None:
    """Add articles to a store, one named graph each; unchanged articles are skipped.

    Credentials for --endpoint come from KG_ENDPOINT_TOKEN, or KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD.
    """
    from .ingest import ingest as ingest_articles
    from .vocab import KGR_IRI

    try:
        with _target(store, endpoint, graph_store, create=True) as target:
            summary = ingest_articles(list(inputs), target, base_iri=base_iri or KGR_IRI, workers=workers,
                                      dask=dask_address, force=force, batch=batch)
    except KGError as exc:
        _fail(exc)
    _report(summary, as_json)
    if summary.failures:
        sys.exit(2)


@main.command()
@click.argument("articles", nargs=-1, required=True)
@click.option("--store", default=None, type=click.Path(file_okay=False), help="The store directory.")
@click.option("--endpoint", default=None, metavar="URL", help="A SPARQL server's query endpoint instead of --store.")
@click.option("--graph-store", default=None, metavar="URL", help="Its Graph Store Protocol endpoint.")
def remove(articles: tuple[str, ...], store: str | None, endpoint: str | None, graph_store: str | None) -> None:
    """Remove articles (ids like dev-000, or article IRIs) from a store."""
    from .ingest import remove as remove_articles

    try:
        with _target(store, endpoint, graph_store) as target:
            removed = remove_articles(list(articles), target)
    except KGError as exc:
        _fail(exc)
    for iri in removed:
        click.echo(f"removed {iri}", err=True)


@main.command()
@click.option("--store", required=True, type=click.Path(file_okay=False), help="The store directory to serve.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="0: any free port.")
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL Update and Graph Store writes with Authorization: Bearer $KG_SERVE_TOKEN.")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds a query may run.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=50_000_000, show_default=True,
              help="The largest answer sent.")
def serve(store: str, host: str, port: int, allow_update: bool, timeout: float, max_bytes: int) -> None:
    """Serve a store over the SPARQL 1.1 Protocol, with the HTML view at /view (Ctrl-C stops)."""
    import os
    import signal

    from .server import TOKEN_VARIABLE, ServeConfig, serve as make_server
    from .store import open_store

    try:
        token = os.environ.get(TOKEN_VARIABLE) if allow_update else None
        if allow_update and not token:
            raise KGError(f"--allow-update needs a token in the environment: export {TOKEN_VARIABLE}=…")
        opened = open_store(store)
        server = make_server(opened, host, port, ServeConfig(timeout=timeout, max_bytes=max_bytes, token=token))
    except KGError as exc:
        _fail(exc)
    def stop(*_: object) -> None:
        raise KeyboardInterrupt  # SIGTERM closes the store cleanly, like Ctrl-C

    signal.signal(signal.SIGTERM, stop)
    mode = "read-write (Bearer token)" if token else "read-only"
    click.echo(f"kg serve: {server.url} ({store}, {len(opened)} quads, {mode})", err=True)
    sys.stderr.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        opened.close()


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
@click.option("--store", default=None, type=click.Path(file_okay=False),
              help="Query a kg store directory (in Oxigraph) instead of --graph.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="At most this many rows (a page of a long listing).")
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
              help="Skip this many rows first (the next page: --offset 100 with --limit 100).")
def query(query: str | None, graph_path: str, fmt: str, params: tuple[str, ...], list_queries: bool,
          timeout: float, store: str | None, limit: int | None, offset: int) -> None:
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
        sparql = q.resolve_query(query, values, engine="oxigraph" if store else "rdflib")
        if limit is not None or offset:
            sparql = q.page(sparql, limit, offset)
        if store:
            from .store import open_store

            with open_store(store) as opened:
                result = opened.query(sparql, timeout=timeout)
        else:
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
@click.argument("graph_path", type=click.Path(), required=False)
@click.option("--format", "fmt", required=True,
              type=click.Choice(["ttl", "trig", "nt", "nq", "jsonld", "graphml", "gexf", "csv"]),
              help="Output format.")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False), help="File to write.")
@click.option("--store", default=None, type=click.Path(file_okay=False), help=_STORE_HELP)
def export(graph_path: str | None, fmt: str, out_path: str, store: str | None) -> None:
    """Export a built graph (a file, a build directory or --store DIR) to another format."""
    from .export import ExportFormat, export as export_graph

    try:
        written = export_graph(_dataset(graph_path, store), ExportFormat(fmt), Path(out_path))
    except KGError as exc:
        _fail(exc)
    click.echo(f"wrote {written}", err=True)


@main.command()
@click.argument("graph_path", type=click.Path(), required=False)
@click.option("--store", default=None, type=click.Path(file_okay=False), help=_STORE_HELP)
def validate(graph_path: str | None, store: str | None) -> None:
    """Check a graph (a file, a build directory or --store DIR) against the SHACL shapes; exit 1 listing violations."""
    from .validate import validate as validate_graph

    try:
        report = validate_graph(_dataset(graph_path, store))
    except KGError as exc:
        _fail(exc)
    graph_path = store or graph_path or "outputs"
    if report.conforms:
        click.echo(f"{graph_path}: conforms to the kg shapes")
        return
    for line in report.violations:
        click.echo(line)
    click.echo(f"{graph_path}: {len(report.violations)} violation(s)", err=True)
    sys.exit(1)


@main.command()
@click.argument("graph_path", type=click.Path(), required=False)
@click.option("--store", default=None, type=click.Path(file_okay=False), help=_STORE_HELP)
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False), help="HTML file to write.")
@click.option("--focus", default=None, metavar="NAME",
              help="Draw only this entity's neighbourhood (a label or alias, e.g. 중기부).")
@click.option("--depth", default=1, show_default=True, type=int, help="Links from --focus to keep.")
@click.option("--types", default=None, metavar="TYPE,…",
              help="Keep only these entity types, e.g. Person,Organization (the --focus entity always stays).")
@click.option("--title", default=None, help="The page's heading.")
def view(graph_path: str | None, store: str | None, out_path: str, focus: str | None, depth: int,
         types: str | None, title: str | None) -> None:
    """Write the interactive HTML view of a graph, or of part of it (one file, opens offline)."""
    from .view import entity_types, write_view

    try:
        wanted = entity_types(types) if types is not None else None
        written = write_view(_dataset(graph_path, store), Path(out_path), focus=focus, depth=depth,
                             types=wanted, title=title)
    except KGError as exc:
        _fail(exc)
    click.echo(f"wrote {written}", err=True)
