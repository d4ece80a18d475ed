"""Read-only SPARQL over a built graph: named queries, a guarded runner, and output formats.

    named_queries()            the .rq files shipped in kg.ontology/queries
    resolve_query(s, params)   a name, a .rq path or SPARQL text → SPARQL text, parameters filled in
    run_query(graph, sparql)   → QueryResult; refuses updates, SERVICE and FROM; stops at a timeout
    format_result(result, fmt) → str as an aligned table, CSV, TSV or SPARQL 1.1 Results JSON

Parameters. A query declares each parameter in its header and uses it as a
``{{name}}`` placeholder where a SPARQL expression may stand::

    # name: quotes
    # description: What people said …
    # param: name = "" : the speaker's name or alias (empty for everyone)
    …
    FILTER({{name}} = "" || …)

``resolve_query`` replaces every placeholder with a SPARQL string literal
(``"…"``, escaped), never with raw text, so a value cannot change the query's
shape. A value not given takes the declared default (a JSON string).
"""
from __future__ import annotations

import csv
import ctypes
import io
import json
import re
import threading
import unicodedata
from dataclasses import dataclass
from enum import Enum
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.query import Result
from rdflib.term import Node

from .errors import QueryError
from .vocab import PREFIXES

__all__ = [
    "NamedQuery",
    "QueryParameter",
    "QueryKind",
    "QueryResult",
    "ResultFormat",
    "named_queries",
    "resolve_query",
    "run_query",
    "format_result",
]


# ── records ──────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class QueryParameter:
    """A ``{{name}}`` placeholder a query declares, with the value used when none is given."""

    name: str
    default: str
    description: str = ""


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped with kg, listed by ``kg query --list``."""

    name: str
    description: str
    sparql: str
    parameters: tuple[QueryParameter, ...] = ()


class QueryKind(str, Enum):
    """What a query returns: rows (SELECT), a yes/no (ASK) or triples (CONSTRUCT, DESCRIBE)."""

    SELECT = "select"
    ASK = "ask"
    GRAPH = "graph"


@dataclass(frozen=True)
class QueryResult:
    """The answer to one query.

    SELECT: ``variables`` and ``rows`` (``None`` where a variable is unbound).
    ASK: ``boolean``. CONSTRUCT / DESCRIBE: ``graph``.
    """

    kind: QueryKind
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = None


class ResultFormat(str, Enum):
    """How ``format_result`` writes a result."""

    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"


# ── named queries and parameters ─────────────────────────────────────────────

_HEADER_NAME = re.compile(r"#\s*name:\s*(\S+)\s*$")
_HEADER_DESCRIPTION = re.compile(r"#\s*description:\s*(.+?)\s*$")
_HEADER_PARAM = re.compile(
    r'#\s*param:\s*([A-Za-z_]\w*)\s*=\s*("(?:[^"\\]|\\.)*")\s*(?::\s*(.*?))?\s*$'
)
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_]\w*)\s*(\|\s*forms\s*)?\}\}")
# the language tags labels carry (graph.py): an exact lookup tries each, so a store can answer from its index
_LABEL_TAGS = ("", "ko", "ko-Latn", "en")
# a single word is never SPARQL: it is meant as a query name
_WORD = re.compile(r"[\w.-]+")


def _queries_dir() -> Traversable:
    """The shipped queries: kg.ontology/queries, or ontology/queries beside kg/ in a checkout.

    The fallback covers an editable install on Python 3.11, where a package
    without ``__init__.py`` mapped through package-dir is a namespace package
    whose path importlib.resources cannot open (NotADirectoryError).
    """
    try:
        queries = resources.files("kg.ontology") / "queries"
        if queries.is_dir():
            return queries
    except (ModuleNotFoundError, NotADirectoryError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / "ontology" / "queries"


def _header_lines(text: str) -> list[str]:
    """The comment lines before the first line of SPARQL."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        lines.append(stripped)
    return lines


def _parameters(text: str, source: str) -> tuple[QueryParameter, ...]:
    params = []
    for line in _header_lines(text):
        if not re.match(r"#\s*param:", line):
            continue
        m = _HEADER_PARAM.match(line)
        if m is None:
            raise QueryError(
                f"{source}: bad parameter line {line!r}: write `# param: NAME = \"DEFAULT\" : description`"
            )
        params.append(QueryParameter(m.group(1), json.loads(m.group(2)), m.group(3) or ""))
    return tuple(params)


def _named_query(text: str, source: str) -> NamedQuery:
    name = description = None
    for line in _header_lines(text):
        if name is None and (m := _HEADER_NAME.match(line)):
            name = m.group(1)
        elif description is None and (m := _HEADER_DESCRIPTION.match(line)):
            description = m.group(1)
    if name is None or description is None:
        raise QueryError(f"{source}: a named query starts with `# name: …` and `# description: …` lines")
    return NamedQuery(name, description, text, _parameters(text, source))


def named_queries() -> tuple[NamedQuery, ...]:
    """Every query shipped in kg.ontology/queries, in name order."""
    folder = _queries_dir()
    found = [
        _named_query(entry.read_text(encoding="utf-8"), entry.name)
        for entry in folder.iterdir()
        if entry.name.endswith(".rq")
    ]
    return tuple(sorted(found, key=lambda q: q.name))


def _sparql_string(value: str) -> str:
    """``value`` as a SPARQL string literal that means exactly ``value``.

    rdflib expands ``\\uXXXX`` escapes over the whole query text before parsing,
    so a backslash is written as ``\\u005C\\u005C`` (which expands to an escaped
    backslash) rather than ``\\\\``, which a following ``u0022`` would turn
    into an escaped quote.
    """
    out = []
    for ch in value:
        if ch == "\\":
            out.append("\\u005C\\u005C")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":  # pyparsing would expand a raw tab into spaces
            out.append("\\t")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _is_file(text: str) -> bool:
    """Whether ``text`` names an existing file (SPARQL text never does: it has spaces or braces)."""
    if "\n" in text or "{" in text:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # too long for a file name, NUL characters
        return False


def _engine_variant(name: str, engine: str) -> str | None:
    """The text of a named query written for ``engine``'s planner, when one ships (queries/ENGINE/NAME.rq).

    rdflib evaluates an OPTIONAL once per solution already found; Oxigraph
    evaluates it on its own and joins, so a query shaped for one engine can be
    slow on the other. A variant gives the same columns and the same rows
    (tests/test_store.py runs both on one store).
    """
    if engine == "rdflib":
        return None
    variant = _queries_dir() / engine / f"{name}.rq"
    return variant.read_text(encoding="utf-8") if variant.is_file() else None


def resolve_query(text_or_name_or_path: str, params: dict[str, str] | None = None, *, engine: str = "rdflib") -> str:
    """SPARQL text for a named query's name, a path to a ``.rq`` file, or SPARQL itself.

    ``params`` fill the ``{{name}}`` placeholders, each as an escaped string
    literal; a placeholder without a value takes its declared default.
    ``engine`` ("rdflib" or "oxigraph") picks a named query's variant written
    for that engine, when there is one.
    """
    given = text_or_name_or_path
    named = {q.name: q for q in named_queries()}
    if given in named:
        source, text = f"named query {given!r}", _engine_variant(given, engine) or named[given].sparql
    elif given.endswith(".rq") or _is_file(given):
        source = given
        try:
            text = Path(given).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise QueryError(f"{given}: cannot read the query file ({e.__class__.__name__}: {e})") from e
    elif _WORD.fullmatch(given.strip()):
        raise QueryError(
            f"unknown named query {given.strip()!r}: `kg query --list` shows the names; "
            "or pass SPARQL text or a .rq file"
        )
    else:
        source, text = "query", given
    return _fill(text, source, params or {})


def _fill(text: str, source: str, params: Mapping[str, str]) -> str:
    declared = {p.name: p for p in _parameters(text, source)}
    used = {m.group(1) for m in _PLACEHOLDER.finditer(text)}
    unknown = sorted(set(params) - set(declared) - used)
    if unknown:
        takes = ", ".join(sorted(set(declared) | used)) or "none"
        raise QueryError(f"{source} has no parameter {unknown[0]!r} (it takes: {takes})")

    def value(m: re.Match[str]) -> str:
        key = m.group(1)
        if key in params:
            given = params[key]
        elif key in declared:
            given = declared[key].default
        else:
            raise QueryError(f"{source} needs a value for {{{{{key}}}}}: pass it as a parameter {key}=…")
        return _label_forms(given) if m.group(2) else _sparql_string(given)

    return _PLACEHOLDER.sub(value, text)


def _label_forms(value: str) -> str:
    """``{{name|forms}}``: the value as every label literal it may be stored as, for ``VALUES ?n { … }``.

    Each spelling (as given, lower case, title case, upper case) with each label
    language tag: an exact match a store answers from its index, where
    ``FILTER(LCASE(STR(?n)) = …)`` reads every label in the store.
    """
    spellings = dict.fromkeys((value, value.lower(), value.title(), value.upper()))
    return " ".join(_sparql_string(v) + (f"@{tag}" if tag else "") for v in spellings for tag in _LABEL_TAGS)


_ENDS_WITH_SLICE = re.compile(r"\b(LIMIT|OFFSET)\s+\d+\s*$", re.IGNORECASE)


def page(sparql: str, limit: int | None, offset: int = 0) -> str:
    """``sparql`` with a LIMIT and OFFSET added: one page of a long listing.

    The rows keep the query's ORDER BY, so consecutive pages neither repeat nor
    skip a row. A query that already ends with its own LIMIT or OFFSET is refused.
    """
    text = sparql.rstrip()  # each clause on a line of its own: a trailing comment cannot swallow it
    if _ENDS_WITH_SLICE.search(text):
        raise QueryError("the query already ends with a LIMIT or OFFSET: drop it, or drop --limit/--offset")
    return text + ("" if limit is None else f"\nLIMIT {limit}") + (f"\nOFFSET {offset}" if offset else "")


# ── running ──────────────────────────────────────────────────────────────────


class _Cancelled(BaseException):
    """Raised inside an abandoned query's thread to stop it.

    A BaseException so that rdflib's ``except Exception`` clauses cannot swallow it.
    """


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


def _parse(sparql: str) -> Any:
    """The parsed query; QueryError for updates, empty text and syntax errors."""
    if not re.sub(r"(?m)#.*$", "", sparql).strip():
        raise QueryError("the query is empty: give SPARQL text, a .rq file or a named query")
    try:
        return parseQuery(sparql)
    except Exception as query_error:  # pyparsing's ParseException, ValueError for bad \u escapes
        try:
            update = parseUpdate(sparql)
        except Exception:
            update = None
        if update is not None and update.request:
            raise QueryError(
                "SPARQL updates are not allowed: kg query is read-only "
                "(use SELECT, ASK, CONSTRUCT or DESCRIBE)"
            ) from None
        raise QueryError(f"malformed SPARQL: {_one_line(query_error)}") from None


def _walk(node: Any) -> Iterable[CompValue]:
    """Every algebra node under ``node`` (filters' EXISTS patterns included)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)


def _check_reach(query: Any, allow_service: bool) -> None:
    """Refuse what would make rdflib read outside the graph: SERVICE, FROM, FROM NAMED."""
    if allow_service:
        return
    if any(part.name == "ServiceGraphPattern" for part in _walk(query.algebra)):
        raise QueryError(
            "SERVICE clauses are not allowed: kg query reads only the local graph "
            "(remove the SERVICE clause, or allow federated calls explicitly)"
        )
    if query.algebra.get("datasetClause"):
        raise QueryError(
            "FROM / FROM NAMED clauses are not allowed: they would load graphs from "
            "outside the local graph (remove them; the query already runs over the whole graph)"
        )


def _evaluate(graph: Graph, query: Any) -> QueryResult:
    result = graph.query(query)
    if result.type == "ASK":
        return QueryResult(QueryKind.ASK, boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(QueryKind.GRAPH, graph=result.graph)
    variables = tuple(result.vars or ())
    rows = tuple(tuple(binding.get(v) for v in variables) for binding in result.bindings)
    return QueryResult(QueryKind.SELECT, variables=tuple(str(v) for v in variables), rows=rows)


def _stop(thread: threading.Thread) -> None:
    """Raise _Cancelled in ``thread`` at its next Python instruction.

    rdflib evaluates in pure Python, so the thread stops within moments
    instead of computing on in the background.
    """
    if thread.ident is not None and thread.is_alive():
        ctypes.pythonapi.PyThreadState_SetAsyncExc(
            ctypes.c_ulong(thread.ident), ctypes.py_object(_Cancelled)
        )


def _with_timeout(work: Callable[[], QueryResult], timeout: float | None) -> QueryResult:
    """``work()`` in a worker thread, stopped once ``timeout`` seconds have passed."""
    if timeout is None:
        return work()
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["result"] = work()
        except _Cancelled:
            pass
        except BaseException as e:  # handed to the caller's thread
            box["error"] = e

    thread = threading.Thread(target=target, name="kg-query", daemon=True)
    thread.start()
    try:
        thread.join(timeout)
    finally:
        # also on Ctrl-C in the waiting thread: do not leave the query running
        if thread.is_alive():
            _stop(thread)
            thread.join(5.0)
    if "error" in box:
        raise box["error"]
    if "result" not in box:
        raise QueryError(
            f"the query did not finish within {timeout:g} s and was stopped: "
            "narrow its patterns, add a LIMIT, or allow more time"
        )
    return box["result"]


def run_query(
    graph: Graph,
    sparql: str,
    *,
    timeout: float | None = 30,
    allow_service: bool = False,
) -> QueryResult:
    """Run a read-only SPARQL query against ``graph``.

    A Dataset is queried with the union of its graphs as the default graph
    (GRAPH patterns still reach each article's named graph).

    The prefixes of kg.vocab.PREFIXES are predeclared. Updates are refused;
    so are SERVICE, FROM and FROM NAMED unless ``allow_service``. A query still
    running after ``timeout`` seconds is stopped (``None``: no limit).
    """
    if timeout is not None and timeout <= 0:
        raise QueryError(f"timeout must be a positive number of seconds, not {timeout!r}")
    parsed = _parse(sparql)
    try:
        query = translateQuery(parsed, initNs=PREFIXES)
    except Exception as e:  # unknown prefixes, bad projections …
        raise QueryError(f"malformed SPARQL: {_one_line(e)}") from None
    _check_reach(query, allow_service)
    if isinstance(graph, Dataset) and not graph.default_union:
        # a view of the same store whose default graph is the union of the
        # articles' named graphs; the caller's Dataset is left as it was
        graph = Dataset(store=graph.store, default_union=True)

    def work() -> QueryResult:
        try:
            return _evaluate(graph, query)
        except (QueryError, _Cancelled):
            raise
        except Exception as e:
            raise QueryError(f"the query failed: {e.__class__.__name__}: {_one_line(e)}") from None

    return _with_timeout(work, timeout)


# ── formatting ───────────────────────────────────────────────────────────────


def _tabular(result: QueryResult) -> tuple[tuple[str, ...], list[tuple[Node | None, ...]]]:
    """Header and rows of any result: ASK as one ``boolean`` cell, triples sorted as rows."""
    if result.kind is QueryKind.ASK:
        return ("boolean",), [(Literal(bool(result.boolean)),)]
    if result.kind is QueryKind.GRAPH:
        triples = sorted(result.graph or Graph())
        return ("subject", "predicate", "object"), [tuple(t) for t in triples]
    return result.variables, list(result.rows)


def _plain(term: Node | None) -> str:
    """A term as CSV/TSV write it: lexical form of literals, full IRIs, _:id for blank nodes."""
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _prefixed(iri: str) -> str:
    best = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else iri


def _cell(term: Node | None) -> str:
    """A term as the table shows it: on one line, IRIs shortened to prefixed names."""
    if isinstance(term, URIRef):
        text = _prefixed(str(term))
    else:
        text = _plain(term)
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


def _width(text: str) -> int:
    """Terminal columns ``text`` takes: 2 for wide (Hangul, CJK), 0 for combining marks."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        if "\u1160" <= ch <= "\u11ff":  # Hangul medial vowels and finals join the syllable
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def _table(header: tuple[str, ...], rows: list[tuple[Node | None, ...]]) -> str:
    cells = [[_cell(t) for t in row] for row in rows]
    widths = [_width(h) for h in header]
    for row in cells:
        widths = [max(w, _width(c)) for w, c in zip(widths, row)]

    def line(values: Iterable[str]) -> str:
        padded = [v + " " * (w - _width(v)) for v, w in zip(values, widths)]
        return "  ".join(padded).rstrip()

    out = [line(header), line("-" * w for w in widths)]
    out.extend(line(row) for row in cells)
    out.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(out) + "\n"


def _delimited(header: tuple[str, ...], rows: list[tuple[Node | None, ...]], delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_plain(t) for t in row] for row in rows)
    return buffer.getvalue()


def _json(header: tuple[str, ...], rows: list[tuple[Node | None, ...]], result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON, written by rdflib and re-indented to keep Hangul readable."""
    if result.kind is QueryKind.ASK:
        rdf_result = Result("ASK")
        rdf_result.askAnswer = bool(result.boolean)
    else:
        rdf_result = Result("SELECT")
        variables = [Variable(v) for v in header]
        rdf_result.vars = variables
        rdf_result.bindings = [
            {v: t for v, t in zip(variables, row) if t is not None} for row in rows
        ]
    document = json.loads(rdf_result.serialize(format="json"))
    ordered = {"head": document.pop("head", {}), **document}  # head first, as the spec shows it
    return json.dumps(ordered, ensure_ascii=False, indent=2) + "\n"


def format_result(result: QueryResult, fmt: ResultFormat) -> str:
    """``result`` as text.

    table: aligned columns (Hangul counted as two columns wide), a rule under
    the header and a row count; IRIs as prefixed names where kg knows the prefix.
    csv / tsv: a header row, then literals' lexical forms and full IRIs.
    json: SPARQL 1.1 Query Results JSON.
    CONSTRUCT / DESCRIBE triples come out as subject, predicate, object rows
    (serialize ``result.graph`` for Turtle); ASK as one ``boolean`` column.
    """
    header, rows = _tabular(result)
    fmt = ResultFormat(fmt)
    if fmt is ResultFormat.TABLE:
        return _table(header, rows)
    if fmt is ResultFormat.CSV:
        return _delimited(header, rows, ",")
    if fmt is ResultFormat.TSV:
        return _delimited(header, rows, "\t")
    return _json(header, rows, result)
