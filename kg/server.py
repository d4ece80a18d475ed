"""``kg serve``: a store as a SPARQL 1.1 endpoint, with the HTML view and a query page.

    GET  /                      a query form and the named queries (kg.query.named_queries)
    GET  /query?query=…         SPARQL 1.1 Protocol (also POST: urlencoded or application/sparql-query)
    POST /update                SPARQL 1.1 Update, only with --allow-update and a Bearer token
    GET|PUT|DELETE /store?graph=IRI   SPARQL 1.1 Graph Store Protocol (writes as for /update)
    GET  /view                  the store's union drawn by kg.render (cached until the store changes)

Results by content negotiation: SELECT and ASK as SPARQL results JSON
(default), XML, CSV or TSV; CONSTRUCT and DESCRIBE as Turtle (default),
JSON-LD, N-Triples or RDF/XML. A ``format=json|xml|csv|tsv|ttl|jsonld|nt``
parameter overrides the Accept header (for a link in a browser). The default
graph is the union of the articles' graphs; ``default-graph-uri`` and
``named-graph-uri`` pick graphs instead. Every answer carries
``Access-Control-Allow-Origin: *`` and OPTIONS answers CORS preflights, so
browser clients (YASGUI and the like) can use it.

HTTP is the standard library's ThreadingHTTPServer: the protocol surface is
five routes, Oxigraph releases the GIL while it evaluates so threads give real
concurrency, and no web framework has to be installed, pinned and kept up to
date for it. Queries are read-only (kg.guard refuses SERVICE); each has a time
limit and a result-size limit (kg.store.GraphStore.answer). Writes need
``--allow-update`` and ``Authorization: Bearer TOKEN``, the token read from
the environment (KG_SERVE_TOKEN), never from the command line. The server
listens on 127.0.0.1 unless told otherwise.
"""
from __future__ import annotations

import hmac
import html
import sys
import tempfile
import threading
import urllib.parse
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .errors import KGError, QueryError
from .store import GRAPH_TYPES, SOLUTION_TYPES, GraphStore, NotAcceptable, TooLarge, TooSlow

TOKEN_VARIABLE = "KG_SERVE_TOKEN"
MAX_REQUEST_BYTES = 64 * 1024 * 1024
FORMATS = {  # ?format= shorthands
    "json": "application/sparql-results+json, application/ld+json;q=0.9",
    "xml": "application/sparql-results+xml, application/rdf+xml;q=0.9",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": "text/turtle",
    "turtle": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
}


@dataclass(frozen=True)
class ServeConfig:
    """How ``kg serve`` answers.

    timeout: seconds a query may run; max_bytes: the largest answer sent;
    token: the Bearer token writes need (None: the server is read-only).
    """

    timeout: float = 30.0
    max_bytes: int = 50_000_000
    token: str | None = None


class KGServer(ThreadingHTTPServer):
    """The HTTP server holding the open store, its write generation and the cached view."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], store: GraphStore, config: ServeConfig):
        super().__init__(address, _Handler)
        self.store = store
        self.config = config
        self.generation = 0          # bumped by every write through this server (the only writer: the lock)
        self._view: tuple[int, bytes] | None = None
        self._view_lock = threading.Lock()
        self._write_lock = threading.Lock()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def view(self) -> bytes:
        """The HTML view of the store's union, drawn again only after a write."""
        with self._view_lock:
            if self._view is None or self._view[0] != self.generation:
                generation = self.generation
                from .graph import union_graph
                from .render import render_html

                with tempfile.TemporaryDirectory(prefix="kg-view-") as tmp:
                    path = render_html(union_graph(self.store.dataset()), Path(tmp) / "view.html",
                                       title=f"kg — {self.store.path}")
                    self._view = (generation, path.read_bytes())
            return self._view[1]

    def write(self, action):
        """Run a write and bump the generation, one write at a time."""
        with self._write_lock:
            result = action()
            self.generation += 1
            return result


class _Handler(BaseHTTPRequestHandler):
    server: KGServer
    protocol_version = "HTTP/1.1"
    server_version = "kg-serve"

    # -- routing ---------------------------------------------------------------

    def do_OPTIONS(self) -> None:  # noqa: N802 (http.server's naming)
        self._send(HTTPStatus.NO_CONTENT, b"", None, {
            "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
            "Access-Control-Allow-Headers": "Accept, Authorization, Content-Type",
            "Access-Control-Max-Age": "86400",
        })

    def do_GET(self) -> None:  # noqa: N802
        path, params = self._target()
        if path == "/":
            self._send(HTTPStatus.OK, _query_page(self.server.url).encode("utf-8"), "text/html; charset=utf-8")
        elif path in ("/query", "/sparql"):
            if "query" not in params:
                self._send(HTTPStatus.OK, _query_page(self.server.url).encode("utf-8"), "text/html; charset=utf-8")
            else:
                self._query(params)
        elif path == "/view":
            self._guarded(lambda: self._send(HTTPStatus.OK, self.server.view(), "text/html; charset=utf-8"))
        elif path == "/store":
            self._get_graph(params)
        else:
            self._error(HTTPStatus.NOT_FOUND, f"no such page {path}: try / , /query, /update, /store or /view")

    def do_POST(self) -> None:  # noqa: N802
        path, params = self._target()
        body = self._body()
        if body is None:
            return
        media = self._media_type()
        if media == "application/x-www-form-urlencoded":
            params.update(urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True))
        elif media == "application/sparql-query":
            params["query"] = [body.decode("utf-8", "replace")]
        elif media == "application/sparql-update":
            params["update"] = [body.decode("utf-8", "replace")]
        if path in ("/query", "/sparql", "/update") and "update" in params:
            self._update(params["update"][0])
        elif path in ("/query", "/sparql") and "query" in params:
            self._query(params)
        elif path == "/store":
            self._error(HTTPStatus.METHOD_NOT_ALLOWED, "POST to /store is not supported: PUT the whole graph")
        else:
            self._error(HTTPStatus.BAD_REQUEST, "give a query (query=… or application/sparql-query) "
                                                "or an update (update=… or application/sparql-update)")

    def _writable_graph(self, method: str) -> str | None:
        """The graph IRI of a Graph Store write (/store?graph=IRI) the caller may make; else an error is sent."""
        path, params = self._target()
        if path != "/store":
            self._error(HTTPStatus.METHOD_NOT_ALLOWED, f"{method} goes to /store?graph=IRI")
            return None
        iri = self._graph_param(params)
        return iri if iri is not None and self._may_write() else None

    def do_PUT(self) -> None:  # noqa: N802
        iri = self._writable_graph("PUT")
        if iri is None:
            return
        body = self._body()
        if body is None:
            return

        def put() -> None:
            created = self.server.write(lambda: self.server.store.put_graph(iri, body, self._media_type()))
            self._send(HTTPStatus.CREATED if created else HTTPStatus.NO_CONTENT, b"", None)

        self._guarded(put)

    def do_DELETE(self) -> None:  # noqa: N802
        iri = self._writable_graph("DELETE")
        if iri is None:
            return
        if self.server.write(lambda: self.server.store.delete_graph(iri)):
            self._send(HTTPStatus.NO_CONTENT, b"", None)
        else:
            self._error(HTTPStatus.NOT_FOUND, f"no graph <{iri}> in this store")

    # -- actions ---------------------------------------------------------------

    def _query(self, params: dict[str, list[str]]) -> None:
        accept = self.headers.get("Accept", "*/*")
        if fmt := (params.get("format") or [""])[0]:
            if fmt not in FORMATS:
                self._error(HTTPStatus.BAD_REQUEST, f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
                return
            accept = FORMATS[fmt]
        config = self.server.config

        def run() -> None:
            answer = self.server.store.answer(
                params["query"][0], accept, timeout=config.timeout, max_bytes=config.max_bytes,
                default_graphs=params.get("default-graph-uri", []), named_graphs=params.get("named-graph-uri", []))
            self._send(HTTPStatus.OK, answer.body, _with_charset(answer.media_type))

        self._guarded(run)

    def _update(self, sparql: str) -> None:
        if self._may_write():
            self._guarded(lambda: (self.server.write(lambda: self.server.store.update(sparql)),
                                   self._send(HTTPStatus.NO_CONTENT, b"", None)))

    def _get_graph(self, params: dict[str, list[str]]) -> None:
        iri = self._graph_param(params)
        if iri is None:
            return

        def get() -> None:
            answer = self.server.store.get_graph(iri, self.headers.get("Accept", "*/*"))
            if answer is None:
                self._error(HTTPStatus.NOT_FOUND, f"no graph <{iri}> in this store")
            else:
                self._send(HTTPStatus.OK, answer.body, _with_charset(answer.media_type))

        self._guarded(get)

    # -- helpers ---------------------------------------------------------------

    def _guarded(self, action) -> None:
        """Run ``action``; a kg error becomes the HTTP status that fits it."""
        try:
            action()
        except NotAcceptable as exc:
            self._error(HTTPStatus.NOT_ACCEPTABLE, str(exc))
        except TooSlow as exc:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
        except TooLarge as exc:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, str(exc))
        except QueryError as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc))
        except KGError as exc:
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))
        except Exception as exc:  # a bug: answer 500 and keep serving the other clients
            self.log_error("internal error: %r", exc)
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error: {exc.__class__.__name__}: {exc}")

    def _may_write(self) -> bool:
        token = self.server.config.token
        if token is None:
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: start kg serve with --allow-update "
                                              f"and {TOKEN_VARIABLE} set to allow writes")
            return False
        given = self.headers.get("Authorization", "")
        if not hmac.compare_digest(given.encode("utf-8"), f"Bearer {token}".encode("utf-8")):
            self._error(HTTPStatus.UNAUTHORIZED, "writes need Authorization: Bearer TOKEN",
                        {"WWW-Authenticate": 'Bearer realm="kg"'})
            return False
        return True

    def _target(self) -> tuple[str, dict[str, list[str]]]:
        parts = urllib.parse.urlsplit(self.path)
        return parts.path.rstrip("/") or "/", urllib.parse.parse_qs(parts.query, keep_blank_values=True)

    def _graph_param(self, params: dict[str, list[str]]) -> str | None:
        graph = (params.get("graph") or [""])[0]
        if not graph:
            self._error(HTTPStatus.BAD_REQUEST, "name the graph: /store?graph=IRI (the default graph is not served)")
            return None
        return graph

    def _media_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip().lower()

    def _body(self) -> bytes | None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BYTES:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"requests are limited to {MAX_REQUEST_BYTES:,} bytes")
            self.close_connection = True
            return None
        return self.rfile.read(length) if length else b""

    def _error(self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8", headers)

    def _send(self, status: HTTPStatus, body: bytes, media_type: str | None,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Access-Control-Allow-Origin", "*")
        if media_type:
            self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's signature)
        sys.stderr.write(f"{self.address_string()} {format % args}\n")


def _with_charset(media_type: str) -> str:
    textual = media_type.startswith("text/") or media_type.endswith(("json", "xml")) or media_type in GRAPH_TYPES
    return f"{media_type}; charset=utf-8" if textual else media_type


def _query_page(base: str) -> str:
    """The page at /: a form, and each named query with its SPARQL and a link that runs it."""
    from .query import named_queries, resolve_query

    items = []
    for nq in named_queries():
        sparql = resolve_query(nq.name, {}, engine="oxigraph")  # the server runs them in Oxigraph
        link = "/query?" + urllib.parse.urlencode({"query": sparql, "format": "csv"})
        params = "".join(f"<li><code>{html.escape(p.name)}</code> — {html.escape(p.description)}</li>"
                         for p in nq.parameters)
        items.append(
            f"<section><h3>{html.escape(nq.name)}</h3><p>{html.escape(nq.description)}</p>"
            + (f"<ul>{params}</ul>" if params else "")
            + f"<details><summary>SPARQL</summary><pre>{html.escape(sparql)}</pre></details>"
            f'<p><a href="{html.escape(link)}">run (CSV)</a></p></section>')
    endpoint = html.escape(base + "query")
    return f"""<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}}
textarea{{width:100%;height:12em;font-family:monospace}}pre{{background:#f4f4f4;padding:.5em;overflow:auto}}</style>
</head><body>
<h1>kg SPARQL endpoint</h1>
<p>SPARQL 1.1 Protocol at <code>{endpoint}</code> (GET or POST; JSON, XML, CSV, TSV, Turtle, JSON-LD by
<code>Accept</code>). The default graph is the union of every article's graph. <a href="/view">The graph, drawn</a>.</p>
<form action="/query" method="get">
<textarea name="query">SELECT ?type (COUNT(?e) AS ?n) WHERE {{ ?e a ?type }} GROUP BY ?type ORDER BY DESC(?n)</textarea>
<p><label>format <select name="format"><option>json</option><option>xml</option><option selected>csv</option>
<option>tsv</option><option>ttl</option><option>jsonld</option></select></label> <button>Run</button></p>
</form>
<h2>Named queries</h2>
{''.join(items)}
</body></html>
"""


def serve(store: GraphStore, host: str = "127.0.0.1", port: int = 7878,
          config: ServeConfig = ServeConfig()) -> KGServer:
    """A server bound to ``host:port`` (port 0: any free port); call ``serve_forever()`` on it."""
    try:
        return KGServer((host, port), store, config)
    except OSError as exc:
        raise KGError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); choose another --port") from None


__all__ = ["FORMATS", "KGServer", "ServeConfig", "TOKEN_VARIABLE", "serve", "SOLUTION_TYPES"]
