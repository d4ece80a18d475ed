"""The on-disk graph store: Oxigraph, one named graph per article, queried in place.

    with open_store("store/", create=True) as store:
        store.hashes([iri, …])            → {article IRI: content hash} for the articles it holds
        store.write([ArticleGraph, …])    one transaction: new graphs added, changed graphs replaced
        store.remove(iri)                 → whether the article's graph was there
        store.find_articles("dev-000")    → the article graph IRIs for an id (or an IRI)
        store.select(sparql)              → rows of plain strings (kg's own look-ups, kg.known)
        store.query(sparql, timeout=30)   → kg.query.QueryResult (``kg query --store``)
        store.answer(sparql, accept, …)   → Answer: protocol bytes in a negotiated format (kg serve)
        store.dataset()                   → an rdflib Dataset, as graph.trig would load

This is the only module that imports pyoxigraph. Each article's statements sit
in a named graph named by the article IRI, as in graph.trig; the graph also
holds one kg-internal triple, ``<article> kgm:contentHash "sha256:…"``, the
hash of the article as read (kg.ingest). Keeping it inside the article's own
graph means it is replaced in the same step as the statements, locally and on
a remote server through a Graph Store PUT; ``dataset()`` leaves it out, so an
export of the store equals graph.trig.

The store's default graph holds the union of the article graphs, as graph.ttl
does, kept up to date by every write here. Oxigraph's own "union default
graph" is a bag — a triple two articles share would match twice, and COUNTs
and rows would differ from ``kg query`` over graph.trig — so queries run on
this maintained union instead: set semantics, the same answers as rdflib, and
the kg-internal hash triples stay out of sight. It costs a second copy of each
triple on disk. Removing or replacing an article first deletes from the union
the triples no other article's graph holds, in the same transaction.

One process at a time: Oxigraph locks the directory, so a second writer gets a
one-line error naming the way round (stop it, or go through ``kg serve``).
"""
from __future__ import annotations

import io
import re
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from .errors import GraphFileError, QueryError
from .graph import bind_prefixes
from .guard import check_read_only, is_update, update_refusal
from .query import QueryKind, QueryResult
from .vocab import PREFIXES

KGM_IRI = "https://w3id.org/kgnews/internal#"
CONTENT_HASH = KGM_IRI + "contentHash"
# RocksDB keeps each of Oxigraph's column families' new writes in memory until
# its buffers fill, which grew a long ingest past 4 GiB; flushing them to disk
# every 32 million characters written (about 60 MB of mostly Korean N-Quads)
# keeps it near a few hundred MB.
FLUSH_EVERY = 32_000_000
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True)
class ArticleGraph:
    """One article's statements as N-Triples, and the hash of the article they came from."""

    iri: str
    ntriples: str
    content_hash: str

    def with_hash(self) -> str:
        """The N-Triples plus the kg-internal content-hash triple."""
        return self.ntriples + f'<{self.iri}> <{CONTENT_HASH}> "{self.content_hash}" .\n'


@dataclass(frozen=True)
class Answer:
    """A query's answer as the SPARQL protocol sends it."""

    media_type: str
    body: bytes


class NotAcceptable(QueryError):
    """No format the client accepts can carry this kind of result."""


class TooLarge(QueryError):
    """The serialised result passed the size limit."""


class TooSlow(QueryError):
    """The query passed its time limit."""


# What each kind of result can be sent as; the first is the default.
SOLUTION_TYPES: dict[str, Any] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}
GRAPH_TYPES: dict[str, Any] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
# What a Graph Store PUT may send, by media type.
UPLOAD_TYPES: dict[str, Any] = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}


def is_store(path: Path) -> bool:
    """Whether ``path`` is a store directory (Oxigraph's RocksDB files are there)."""
    return (Path(path) / "CURRENT").is_file()


def open_store(path: str | Path, *, create: bool = False) -> GraphStore:
    """The store at ``path``; with ``create`` a missing directory becomes an empty store.

    :raises GraphFileError: no store there (and not ``create``), the directory is
        locked by another process, or it holds something else.
    """
    path = Path(path)
    if not create and not is_store(path):
        raise GraphFileError(
            f"{path}: no kg store in this directory; create one with `kg ingest ARTICLES… --store {path}`"
        )
    if path.exists() and not path.is_dir():
        raise GraphFileError(f"{path}: is a file, not a store directory; give a directory for --store")
    try:
        if create:
            path.mkdir(parents=True, exist_ok=True)
        return GraphStore(ox.Store(str(path)), path)
    except OSError as exc:
        text = str(exc)
        if "lock" in text.lower():
            raise GraphFileError(
                f"{path}: the store is open in another process (kg serve or kg ingest); stop that process, "
                "or write through the server with --endpoint"
            ) from None
        raise GraphFileError(f"{path}: cannot open the store ({' '.join(text.split())[:200]})") from None


class GraphStore:
    """An open Oxigraph store; use as a context manager or call ``close()``."""

    union_default = True  # the default graph is the union of the article graphs (see the module docstring)

    def __init__(self, store: Any, path: Path | None = None):
        self._store = store
        self.path = path
        self._queries = threading.BoundedSemaphore(4)  # runaway queries cannot pile up past this
        self._unflushed = 0  # characters written since the last flush

    # -- lifetime ----------------------------------------------------------------

    def close(self) -> None:
        if self._store is not None:
            self._store.flush()
            self._store = None  # RocksDB releases its lock once the object is gone

    def __enter__(self) -> GraphStore:
        if self._store is None:
            raise GraphFileError(f"{self.path}: this store was closed; open it again with open_store")
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self._store)

    # -- articles ----------------------------------------------------------------

    def article_graphs(self) -> list[str]:
        """Every named graph's IRI, sorted."""
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def find_articles(self, article: str) -> list[str]:
        """Graph IRIs for an article IRI, or for an article id (``…/article/{id}`` under any base)."""
        from .iri import encode_segment

        if "://" in article or article.startswith("urn:"):
            return [article] if self._store.contains_named_graph(ox.NamedNode(article)) else []
        tail = "/article/" + encode_segment(article)
        return [g for g in self.article_graphs() if g.endswith(tail)]

    def hashes(self, iris: Iterable[str]) -> dict[str, str]:
        """The stored content hash of each of ``iris`` that the store holds."""
        found: dict[str, str] = {}
        predicate = ox.NamedNode(CONTENT_HASH)
        for iri in iris:
            node = ox.NamedNode(iri)
            for quad in self._store.quads_for_pattern(node, predicate, None, node):
                found[iri] = quad.object.value
        return found

    def write(self, graphs: Sequence[ArticleGraph]) -> None:
        """Add or replace each article's graph, all in one transaction.

        Graphs the store does not hold yet are loaded as N-Quads (Oxigraph's
        fast path); when any is already there, one SPARQL Update drops and
        re-inserts them all, so a reader never sees an article half replaced.
        """
        if not graphs:
            return
        existing = [g for g in graphs if self._store.contains_named_graph(ox.NamedNode(g.iri))]
        try:
            if not existing:
                # each statement twice: in the article's graph, and in the union (the default graph)
                text = "".join(_as_nquads(g) + g.ntriples for g in graphs)
                self._store.load(input=text, format=ox.RdfFormat.N_QUADS)
            else:
                text = " ;\n".join(_replacement(g.iri, g.with_hash(), g.ntriples) for g in graphs)
                self._store.update(text)
        except (OSError, SyntaxError, ValueError) as exc:
            raise GraphFileError(f"{self.path}: cannot write {len(graphs)} article graph(s) ({_one_line(exc)})") from exc
        self._unflushed += len(text)
        if self._unflushed >= FLUSH_EVERY:
            try:
                self._store.flush()
            except OSError as exc:
                raise GraphFileError(f"{self.path}: the graphs were written but could not be flushed to disk "
                                     f"({_one_line(exc)})") from exc
            self._unflushed = 0

    def remove(self, iri: str) -> bool:
        """Drop an article's graph; False when the store does not hold it."""
        node = ox.NamedNode(iri)
        if not self._store.contains_named_graph(node):
            return False
        self._store.update(f"{_UNSHARED.format(iri=iri)} ;\nDROP GRAPH <{iri}>")
        return True

    # -- kg's own look-ups -------------------------------------------------------

    def select(self, sparql: str) -> list[dict[str, str]]:
        """Rows of a SELECT that kg itself writes: each bound variable's value as a plain string."""
        result = self._store.query(sparql, prefixes=PREFIXES)
        names = [v.value for v in result.variables]
        return [{n: t.value for n in names if (t := solution[n]) is not None} for solution in result]

    # -- user queries ------------------------------------------------------------

    def query(self, sparql: str, *, timeout: float | None = 30) -> QueryResult:
        """A read-only query over the union of the articles' graphs (the default graph), as kg.query formats it.

        SERVICE and updates are refused (kg.guard); FROM and FROM NAMED pick
        graphs of the store, never anything outside it. The query stops being
        waited for after ``timeout`` seconds (QueryError).
        """
        if timeout is not None and timeout <= 0:
            raise QueryError(f"timeout must be a positive number of seconds, not {timeout!r}")

        def work() -> QueryResult:
            result = self._run(sparql)
            try:
                return _to_query_result(result)
            finally:
                result = None  # noqa: F841 (dropped on this thread: pyoxigraph results are unsendable)

        return _in_thread(work, timeout)

    def answer(self, sparql: str, accept: str = "*/*", *, timeout: float = 30, max_bytes: int = 50_000_000,
               default_graphs: Sequence[str] = (), named_graphs: Sequence[str] = ()) -> Answer:
        """The query's result serialised for the SPARQL protocol, in the best format ``accept`` allows.

        SELECT and ASK: SPARQL results JSON (default), XML, CSV or TSV;
        CONSTRUCT and DESCRIBE: Turtle (default), JSON-LD, N-Triples or RDF/XML.
        TooSlow after ``timeout`` seconds, TooLarge past ``max_bytes``,
        NotAcceptable when no accepted format fits the result.
        """
        deadline = time.monotonic() + timeout
        sink = _Sink(deadline, max_bytes)

        def work() -> Answer:
            result = self._run(sparql, default_graphs, named_graphs)
            try:
                if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
                    media, fmt = negotiate(accept, SOLUTION_TYPES)
                    result.serialize(sink, fmt)
                else:
                    media, fmt = negotiate(accept, GRAPH_TYPES)
                    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
                    ox.serialize(result, sink, fmt, prefixes=prefixes)
                return Answer(media, sink.getvalue())
            finally:
                # pyoxigraph results must be dropped on the thread that made them,
                # even when a traceback still holds this frame
                result = None  # noqa: F841

        return _in_thread(work, timeout, on_timeout=sink.cancel, gate=self._queries, error=TooSlow)

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (only ``kg serve --allow-update`` calls this); one transaction."""
        check_read_only(sparql)  # SERVICE inside an update is refused too
        try:
            self._store.update(sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL Update: {_one_line(exc)}") from None
        except OSError as exc:
            raise QueryError(f"the update failed: {_one_line(exc)}") from None

    # -- Graph Store Protocol (kg serve) -----------------------------------------

    def put_graph(self, iri: str, data: bytes, media_type: str) -> bool:
        """Replace a named graph by ``data`` in one transaction; True when the graph was new."""
        fmt = UPLOAD_TYPES.get(media_type)
        if fmt is None:
            raise NotAcceptable(f"cannot read a graph sent as {media_type!r}; send one of {', '.join(UPLOAD_TYPES)}")
        node = ox.NamedNode(iri)
        created = not self._store.contains_named_graph(node)
        try:
            parsed = list(ox.parse(data, fmt, base_iri=iri))
        except (SyntaxError, ValueError) as exc:
            raise QueryError(f"the graph for <{iri}> cannot be parsed: {_one_line(exc)}") from None
        body = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in parsed)
        statements = "".join(line for line in body.splitlines(keepends=True) if f"<{CONTENT_HASH}>" not in line)
        self._store.update(_replacement(iri, body, statements))
        return created

    def delete_graph(self, iri: str) -> bool:
        return self.remove(iri)

    def get_graph(self, iri: str, media_type: str = "application/n-triples") -> Answer | None:
        node = ox.NamedNode(iri)
        if not self._store.contains_named_graph(node):
            return None
        media, fmt = negotiate(media_type, GRAPH_TYPES)
        return Answer(media, self._store.dump(format=fmt, from_graph=node))

    # -- into rdflib ---------------------------------------------------------------

    def dataset(self) -> Dataset:
        """The store as an rdflib Dataset whose default graph is the union (like kg.graph.load_graph).

        The kg-internal content hashes are left out and language tags get back
        their usual case (Oxigraph keeps them lower-case: "ko-latn" → "ko-Latn"),
        so writing it out gives the same bytes as the graph.trig of a build.
        """
        named = (q for q in self._store.quads_for_pattern(None, None, None, None)
                 if not isinstance(q.graph_name, ox.DefaultGraph))  # the union is rebuilt by rdflib
        text = ox.serialize(named, format=ox.RdfFormat.N_QUADS).decode("utf-8")
        text = _LANG_AT_END.sub(lambda m: '"@' + canonical_language(m.group(1)) + m.group(2), text)
        ds = Dataset(default_union=True)
        bind_prefixes(ds)
        ds.parse(data=text, format="nquads")
        ds.remove((None, URIRef(CONTENT_HASH), None, None))
        return ds

    # -- internals ---------------------------------------------------------------

    def _run(self, sparql: str, default_graphs: Sequence[str] = (), named_graphs: Sequence[str] = ()) -> Any:
        check_read_only(sparql)
        options: dict[str, Any] = {"prefixes": PREFIXES}
        if default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        if named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            return self._store.query(sparql, **options)
        except SyntaxError as exc:
            if is_update(sparql):
                raise update_refusal() from None
            raise QueryError(f"malformed SPARQL: {_one_line(exc)}") from None
        except ValueError as exc:  # a bad IRI in default-graph-uri / named-graph-uri
            raise QueryError(f"the query cannot run: {_one_line(exc)}") from None
        except OSError as exc:
            raise QueryError(f"the query failed: {_one_line(exc)}") from None


# -- helpers -------------------------------------------------------------------------


# The triples of an article's graph that no other article's graph holds: they leave the union with it.
_UNSHARED = ("DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} "
             "FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != <{iri}>) }} }}")


def _replacement(iri: str, named: str, statements: str) -> str:
    """SPARQL Update replacing a named graph by ``named`` and keeping the union right."""
    return (f"{_UNSHARED.format(iri=iri)} ;\nDROP SILENT GRAPH <{iri}> ;\n"
            f"INSERT DATA {{ GRAPH <{iri}> {{\n{named}}}\n{statements}}}")


def _as_nquads(graph: ArticleGraph) -> str:
    suffix = f" <{graph.iri}> .\n"
    return "".join(line[:-1].rstrip() + suffix for line in graph.with_hash().split("\n")
                   if line.strip() and line.rstrip().endswith("."))


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or exc.__class__.__name__


# an N-Quads line whose object is a language-tagged literal: "…"@tag <graph> .
_LANG_AT_END = re.compile(r'"@([A-Za-z]+(?:-[A-Za-z0-9]+)*)((?: <[^<>\s]*>)? \.)$', re.M)


def canonical_language(tag: str) -> str:
    """A BCP 47 tag in its usual case: language lower, Script title, REGION upper ("ko-latn" → "ko-Latn")."""
    parts = tag.split("-")
    out = [parts[0].lower()]
    private = False
    for part in parts[1:]:
        if len(part) == 1:
            private = True  # after a singleton (x-…, u-…) subtags keep lower case
        if private:
            out.append(part.lower())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 and part.isalpha():
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def negotiate(accept: str, offered: dict[str, Any]) -> tuple[str, Any]:
    """The offered media type the Accept header likes best (ties: the server's order).

    ``*/*``, ``type/*`` and q-values are honoured; an empty header means anything.
    """
    ranges = []
    for index, part in enumerate((accept or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    best: tuple[float, int, str] | None = None
    for order, media in enumerate(offered):
        kind = media.split("/")[0]
        quality = max((q for r, q in ranges if r in (media, f"{kind}/*", "*/*")), default=0.0)
        if quality > 0 and (best is None or (quality, -order) > (best[0], best[1])):
            best = (quality, -order, media)
    if best is None:
        raise NotAcceptable(f"none of the formats in Accept: {accept!r} can carry this result; "
                            f"ask for one of {', '.join(offered)}")
    return best[2], offered[best[2]]


class _Sink(io.RawIOBase):
    """A write target that stops serialisation past a size or a deadline."""

    def __init__(self, deadline: float, max_bytes: int):
        super().__init__()
        self.deadline, self.max_bytes = deadline, max_bytes
        self.parts: list[bytes] = []
        self.size = 0
        self.cancelled = False

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if self.cancelled or time.monotonic() > self.deadline:
            raise TooSlow("the query did not finish within its time limit and was stopped: "
                          "narrow its patterns or add a LIMIT")
        chunk = bytes(data)
        self.size += len(chunk)
        if self.size > self.max_bytes:
            raise TooLarge(f"the result is larger than this endpoint's limit of {self.max_bytes:,} bytes: "
                           "add a LIMIT or select fewer variables")
        self.parts.append(chunk)
        return len(chunk)

    def cancel(self) -> None:
        self.cancelled = True

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


def _in_thread(work, timeout: float | None, *, on_timeout=None, gate: threading.BoundedSemaphore | None = None,
               error: type[QueryError] = QueryError):
    """``work()`` in a thread that is waited for at most ``timeout`` seconds.

    Oxigraph releases the GIL while it evaluates and has no way to be cancelled,
    so a query past its time is abandoned, not killed: the caller gets its
    error on time, the serialisation stops at its next write, and ``gate``
    caps how many such queries can run at once.
    """
    if gate is not None and not gate.acquire(timeout=timeout):
        raise error("the endpoint is busy with other queries; try again shortly")
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["result"] = work()
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc
        finally:
            if gate is not None:
                gate.release()

    thread = threading.Thread(target=target, name="kg-store-query", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        if on_timeout is not None:
            on_timeout()
        raise error(f"the query did not finish within {timeout:g} s and was stopped: "
                         "narrow its patterns, add a LIMIT, or allow more time")
    if "error" in box:
        raise box["error"]
    return box["result"]


# -- pyoxigraph results → kg.query.QueryResult ---------------------------------------


def _term(term: Any) -> Node | None:
    """A pyoxigraph term as the rdflib term kg.query formats."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=canonical_language(term.language))
        datatype = term.datatype.value
        if datatype in (_XSD_STRING, _LANG_STRING):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    return Literal(str(term))  # an RDF-star triple term: shown as written


def _to_query_result(result: Any) -> QueryResult:
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(QueryKind.ASK, boolean=bool(result))
    if isinstance(result, ox.QueryTriples):
        graph = Graph()
        bind_prefixes(graph)
        for triple in result:
            graph.add((_term(triple.subject), _term(triple.predicate), _term(triple.object)))
        return QueryResult(QueryKind.GRAPH, graph=graph)
    variables = tuple(v.value for v in result.variables)
    rows = tuple(tuple(_term(solution[v]) for v in variables) for solution in result)
    return QueryResult(QueryKind.SELECT, variables=variables, rows=rows)


def iter_nquads(store: GraphStore) -> Iterator[str]:
    """The store's quads as N-Quads lines (kg-internal hashes included), for backups and tests."""
    yield from store._store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines(keepends=True)


__all__ = [
    "Answer", "ArticleGraph", "CONTENT_HASH", "GRAPH_TYPES", "GraphStore", "KGM_IRI", "NotAcceptable",
    "SOLUTION_TYPES", "TooLarge", "TooSlow", "UPLOAD_TYPES", "canonical_language", "is_store", "iter_nquads",
    "negotiate", "open_store",
]
