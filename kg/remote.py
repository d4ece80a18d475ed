"""A graph store on any standard SPARQL server: read through the SPARQL 1.1 Protocol,
written through the SPARQL 1.1 Graph Store HTTP Protocol.

    remote = RemoteStore("http://127.0.0.1:7878/query")           # graph store: …/store
    remote = RemoteStore(endpoint_url, graph_store="https://…/data")

It offers what ``kg ingest`` and ``kg remove`` need from kg.store.GraphStore
(``hashes``, ``select``, ``write``, ``remove``, ``find_articles``), so the same
ingest runs against a local directory or a server: each article's graph is one
``PUT …?graph=ARTICLE-IRI`` (the server replaces the graph in one step, content
hash included), and every read is a SELECT naming its graphs with GRAPH, so it
does not matter whether the server's default graph is the union.

Credentials come from the environment, never the command line (where ``ps``
and shell histories would show them): ``KG_ENDPOINT_TOKEN`` (sent as
``Authorization: Bearer …``) or ``KG_ENDPOINT_USER`` and
``KG_ENDPOINT_PASSWORD`` (HTTP Basic).
"""
from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Sequence

from .errors import GraphFileError
from .iri import encode_segment
from .store import CONTENT_HASH, ArticleGraph

_TIMEOUT = 60.0  # seconds for one HTTP request
_HASH_BATCH = 200


def default_graph_store(endpoint: str) -> str:
    """The Graph Store URL beside a query endpoint: …/query or …/sparql → …/store (Oxigraph, kg serve)."""
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    for tail in ("/query", "/sparql"):
        if path.endswith(tail):
            return urllib.parse.urlunsplit(parts._replace(path=path[: -len(tail)] + "/store", query=""))
    raise GraphFileError(
        f"{endpoint}: cannot tell where this server's Graph Store Protocol endpoint is; give it with --graph-store URL"
    )


def auth_header(environ: dict[str, str] | None = None) -> str | None:
    """The Authorization header the environment asks for, if any."""
    env = os.environ if environ is None else environ
    if token := env.get("KG_ENDPOINT_TOKEN"):
        return f"Bearer {token}"
    user, password = env.get("KG_ENDPOINT_USER"), env.get("KG_ENDPOINT_PASSWORD")
    if user is not None and password is not None:
        return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return None


class RemoteStore:
    """A SPARQL server used as kg's store."""

    union_default = False  # whatever the server's default graph is, kg's reads name their graphs

    def __init__(self, endpoint: str, graph_store: str | None = None):
        if not endpoint.startswith(("http://", "https://")):
            raise GraphFileError(f"{endpoint}: not an http(s) URL; give the server's SPARQL query endpoint")
        self.endpoint = endpoint
        self.graph_store = graph_store or default_graph_store(endpoint)
        self.path = endpoint  # for messages, like GraphStore.path
        self._auth = auth_header()

    def close(self) -> None:
        """Nothing to release: every request has its own connection."""

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -----------------------------------------------------------------

    def select(self, sparql: str) -> list[dict[str, str]]:
        """Rows of a SELECT as plain strings (each bound variable's value)."""
        body = urllib.parse.urlencode({"query": _with_prefixes(sparql)}).encode("utf-8")
        data = self._request("POST", self.endpoint, body, {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        })
        try:
            bindings = json.loads(data)["results"]["bindings"]
        except (ValueError, KeyError, TypeError):
            raise GraphFileError(f"{self.endpoint}: the answer is not SPARQL results JSON; "
                                 "is this the server's query endpoint?") from None
        return [{name: cell["value"] for name, cell in row.items()} for row in bindings]

    def hashes(self, iris: Iterable[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        iris = list(iris)
        for i in range(0, len(iris), _HASH_BATCH):
            values = " ".join(f"<{iri}>" for iri in iris[i:i + _HASH_BATCH])
            for row in self.select(f"SELECT ?g ?h WHERE {{ VALUES ?g {{ {values} }} "
                                   f"GRAPH ?g {{ ?g <{CONTENT_HASH}> ?h }} }}"):
                found[row["g"]] = row["h"]
        return found

    def find_articles(self, article: str) -> list[str]:
        if "://" in article or article.startswith("urn:"):
            rows = self.select(f"SELECT ?g WHERE {{ VALUES ?g {{ <{article}> }} GRAPH ?g {{ ?s ?p ?o }} }} LIMIT 1")
            return [article] if rows else []
        tail = "/article/" + encode_segment(article)
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a schema:NewsArticle } "
                           f"FILTER(STRENDS(STR(?g), {json.dumps(tail, ensure_ascii=False)})) }}")
        return sorted(row["g"] for row in rows)

    # -- writing -----------------------------------------------------------------

    def write(self, graphs: Sequence[ArticleGraph]) -> None:
        """PUT each article's graph: the server replaces it whole, hash and all."""
        for graph in graphs:
            self._request("PUT", self._graph_url(graph.iri), graph.with_hash().encode("utf-8"),
                          {"Content-Type": "application/n-triples"})

    def remove(self, iri: str) -> bool:
        try:
            self._request("DELETE", self._graph_url(iri), None, {})
        except _NotFound:
            return False
        return True

    # -- HTTP --------------------------------------------------------------------

    def _graph_url(self, iri: str) -> str:
        joiner = "&" if "?" in self.graph_store else "?"
        return f"{self.graph_store}{joiner}graph={urllib.parse.quote(iri, safe='')}"

    def _request(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> bytes:
        if self._auth:
            headers = {**headers, "Authorization": self._auth}
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=_TIMEOUT) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            if exc.code == 404 and method == "DELETE":
                raise _NotFound() from None
            detail = " ".join(exc.read().decode("utf-8", "replace").split())[:200]
            hint = ("set KG_ENDPOINT_TOKEN, or KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD"
                    if exc.code in (401, 403) else "check the URL and that the server allows this")
            raise GraphFileError(f"{url}: {method} answered {exc.code} {exc.reason} ({detail}); {hint}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise GraphFileError(f"{url}: cannot reach the server ({reason}); check that it runs and the URL") from None


class _NotFound(Exception):
    pass


def _with_prefixes(sparql: str) -> str:
    """kg's prefixes declared in the text: a remote server does not know them."""
    from .vocab import PREFIXES

    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items()) + sparql


__all__ = ["RemoteStore", "auth_header", "default_graph_store"]
