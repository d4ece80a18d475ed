"""Write a built graph out: RDF syntaxes, graph-tool formats, CSV; every write atomic.

    export(ds, ExportFormat.GRAPHML, Path("out/graph.graphml")) → the path written
    write_build(ds, Path("build"))  → {"ttl": build/graph.ttl, "trig": build/graph.trig}
    write_atomic(path, data)        → path (temporary file in the same directory, then os.replace)
    write_all_atomic({path: data})  → paths (every temporary file first, then the renames)

ttl and nt hold the union of all articles' graphs; trig, nq and jsonld keep one
named graph per article. graphml, gexf and csv hold the entity network only:
nodes are entities (id, label, type, aliases), edges the eight direct relations.
csv writes two files beside each other: ``<stem>-nodes.csv`` and
``<stem>-edges.csv`` (for ``out=exports/graph.csv``: exports/graph-nodes.csv and
exports/graph-edges.csv); ``export`` returns the nodes file, ``csv_paths`` names both.
Every output is deterministic: the same graph gives the same bytes.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import secrets
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from .errors import ExportError
from .graph import sorted_lines, to_trig, to_turtle, union_graph
from .models import EntityType, Predicate
from .vocab import KGO, PREFIXES


class ExportFormat(str, Enum):
    """The formats ``kg export`` writes; the value is also the usual file suffix."""

    TTL = "ttl"
    TRIG = "trig"
    NT = "nt"
    NQ = "nq"
    JSONLD = "jsonld"
    GRAPHML = "graphml"
    GEXF = "gexf"
    CSV = "csv"

    @classmethod
    def from_name(cls, name: str) -> ExportFormat:
        """The format called ``name`` (case-insensitive, a leading dot allowed); ExportError otherwise."""
        key = name.strip().lower().lstrip(".")
        for fmt in cls:
            if fmt.value == key:
                return fmt
        choices = ", ".join(f.value for f in cls)
        raise ExportError(f"unknown export format {name!r}; use one of {choices}")


_CORE_TYPES = {KGO[t.value]: t.value for t in EntityType}
_RELATIONS = {KGO[p.value]: p.value for p in Predicate}
# Characters that make Excel, LibreOffice or Sheets read a cell as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

NODE_COLUMNS = ("id", "label", "type", "aliases")
EDGE_COLUMNS = ("source", "target", "predicate", "source_label", "target_label")


# -- atomic writes -------------------------------------------------------------


def write_atomic(path: Path, data: str | bytes) -> Path:
    """Write ``data`` (str as UTF-8) to ``path`` so readers see the old file or the new, never half.

    The temporary file sits in the same directory (os.replace is atomic only
    within one file system) and is created through os.open so it gets the
    usual umask-derived permissions, not mkstemp's 0600. Missing parent
    directories are created. ExportError names the path when it cannot be written.
    """
    return write_all_atomic({Path(path): data})[0]


def write_all_atomic(files: Mapping[Path, str | bytes]) -> list[Path]:
    """Write several files so that a failure leaves every one of them as it was.

    Every file is first written whole to a temporary file beside it; only when
    all are written are they renamed into place, one after the other. A
    failure before that (a full disk, an interrupt) removes the temporary
    files and leaves the old files untouched. Returns the paths, in order.
    """
    staged: list[tuple[Path, Path]] = []
    path = Path()
    try:
        for path, data in files.items():
            path = Path(path)
            staged.append((_write_temporary(path, data), path))
        for tmp, path in staged:
            if path.is_dir():  # os.replace would fail on it half-way through the renames
                raise IsADirectoryError(21, "is a directory", str(path))
        for tmp, path in staged:
            os.replace(tmp, path)
    except OSError as exc:
        raise ExportError(
            f"{path}: cannot write ({exc.strerror or exc}); choose a writable output path"
        ) from exc
    finally:
        for tmp, _ in staged:  # only those not renamed are still there
            with contextlib.suppress(OSError):
                tmp.unlink()
    return [p for _, p in staged]


def _temporary_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")


def _write_temporary(path: Path, data: str | bytes) -> Path:
    """``data`` written and flushed to disk in a new temporary file beside ``path``."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temporary_name(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


BUILD_FILES = ("graph.ttl", "graph.trig", "graph.html")
# The temporary files of write_all_atomic (and of render_html) for the build's outputs.
_STALE = re.compile(r"\.graph\.(?:ttl|trig|html)\.[0-9a-f.]+\.tmp")


def write_build(ds: Dataset, out_dir: Path, *, html: str | None = None) -> dict[str, Path]:
    """Write ``out_dir/graph.ttl`` (union), ``out_dir/graph.trig`` (named graphs)
    and, when ``html`` is given, ``out_dir/graph.html``, all or none.

    Everything is serialised before anything is written, and the files are
    replaced together (write_all_atomic): a build that fails leaves the
    previous build's outputs whole. Temporary files that a killed build left
    behind are removed first. Returns {"ttl": …, "trig": …[, "html": …]}.
    """
    out_dir = Path(out_dir)
    payloads = {"ttl": to_turtle(union_graph(ds)), "trig": to_trig(ds)}
    if html is not None:
        payloads["html"] = html
    _remove_stale_temporaries(out_dir)
    paths = write_all_atomic({out_dir / f"graph.{kind}": data for kind, data in payloads.items()})
    return dict(zip(payloads, paths))


def _remove_stale_temporaries(out_dir: Path) -> None:
    """A build killed while writing (kill -9, power loss) leaves its hidden temporary files."""
    if not out_dir.is_dir():
        return
    for entry in out_dir.iterdir():
        if _STALE.fullmatch(entry.name) and entry.is_file():
            with contextlib.suppress(OSError):
                entry.unlink()


# -- export --------------------------------------------------------------------


def csv_paths(out: Path) -> tuple[Path, Path]:
    """The nodes and edges files that a csv export to ``out`` writes."""
    out = Path(out)
    return out.with_name(f"{out.stem}-nodes.csv"), out.with_name(f"{out.stem}-edges.csv")


def export(ds: Dataset, fmt: ExportFormat, out: Path) -> Path:
    """Write ``ds`` as ``fmt`` to ``out``; returns the file written (for csv, the nodes file)."""
    out = Path(out)
    fmt = ExportFormat(fmt)
    if fmt is ExportFormat.TTL:
        return write_atomic(out, to_turtle(union_graph(ds)))
    if fmt is ExportFormat.TRIG:
        return write_atomic(out, to_trig(ds))
    if fmt is ExportFormat.NT:
        return write_atomic(out, sorted_lines(union_graph(ds).serialize(format="nt")))
    if fmt is ExportFormat.NQ:
        return write_atomic(out, sorted_lines(ds.serialize(format="nquads")))
    if fmt is ExportFormat.JSONLD:
        return write_atomic(out, _jsonld(ds))
    if fmt is ExportFormat.GRAPHML:
        buffer = io.BytesIO()
        nx.write_graphml(_xml_safe(entity_network(union_graph(ds))), buffer, encoding="utf-8")
        return write_atomic(out, buffer.getvalue())
    if fmt is ExportFormat.GEXF:
        buffer = io.BytesIO()
        nx.write_gexf(_xml_safe(entity_network(union_graph(ds))), buffer, encoding="utf-8")
        return write_atomic(out, buffer.getvalue())
    nodes_path, edges_path = csv_paths(out)
    nodes, edges = _csv_tables(entity_network(union_graph(ds)))
    return write_all_atomic({nodes_path: nodes, edges_path: edges})[0]


def _jsonld(ds: Dataset) -> str:
    """JSON-LD with prefixes as context, every array sorted so output is stable."""
    context = {prefix: iri for prefix, iri in PREFIXES.items()}
    kgr = dict(ds.namespaces()).get("kgr")
    if kgr is not None:
        context["kgr"] = str(kgr)
    doc = json.loads(ds.serialize(format="json-ld", context=context))
    return json.dumps(_sort_arrays(doc), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _sort_arrays(value: Any) -> Any:
    # rdflib emits nodes in store order, which varies between runs. Order does
    # not matter in JSON-LD arrays except inside @list, which we never produce
    # but leave alone to be safe.
    if isinstance(value, dict):
        return {k: (v if k == "@list" else _sort_arrays(v)) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sort_arrays(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


# -- the entity network ------------------------------------------------------------


def entity_network(graph: Graph) -> nx.MultiDiGraph:
    """Entities as nodes, the eight direct relations as edges; every attribute a string.

    Node id = entity IRI; attributes label (rdfs:label, Korean first), type
    (core class, e.g. "Person"), aliases (skos:altLabel values joined by "; ").
    Edge key and 'label' = the relation's local name (e.g. "affiliatedWith"),
    'predicate' = its full IRI. Gephi and Cytoscape read string attributes
    everywhere; None or list values would be dropped or refused.
    """
    net = nx.MultiDiGraph()
    entities = sorted({s for s, o in graph.subject_objects(RDF.type) if o in _CORE_TYPES})
    endpoints = sorted({n for p in _RELATIONS for s, o in graph.subject_objects(p) for n in (s, o)})
    for node in sorted(set(entities) | set(endpoints)):
        net.add_node(str(node), **_node_attributes(graph, node))
    edges = sorted(
        (str(s), str(o), _RELATIONS[p], str(p))
        for p in _RELATIONS
        for s, o in graph.subject_objects(p)
    )
    for source, target, name, iri in edges:
        net.add_edge(source, target, key=name, label=name, predicate=iri)
    return net


# Characters XML 1.0 cannot hold at all, not even as &#…; references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_safe(net: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The network with every character XML cannot hold (control characters
    from a scraped page) replaced by U+FFFD: GraphML and GEXF are XML, and one
    such character would make the whole file unreadable."""
    def clean(attributes: dict[str, str]) -> dict[str, str]:
        return {k: _NOT_XML.sub("\ufffd", v) for k, v in attributes.items()}

    safe = nx.MultiDiGraph()
    for node, attributes in net.nodes(data=True):
        safe.add_node(_NOT_XML.sub("\ufffd", node), **clean(attributes))
    for source, target, key, attributes in net.edges(keys=True, data=True):
        safe.add_edge(_NOT_XML.sub("\ufffd", source), _NOT_XML.sub("\ufffd", target), key=key,
                      **clean(attributes))
    return safe


def _node_attributes(graph: Graph, node: Any) -> dict[str, str]:
    types = sorted(_CORE_TYPES[t] for t in graph.objects(node, RDF.type) if t in _CORE_TYPES)
    aliases = sorted(str(a) for a in graph.objects(node, SKOS.altLabel))
    return {
        "label": _label(graph, node),
        "type": "|".join(types),
        "aliases": "; ".join(aliases),
    }


def _label(graph: Graph, node: Any) -> str:
    """The Korean rdfs:label, else the smallest other label, else the IRI's last segment."""
    labels = [o for o in graph.objects(node, RDFS.label) if isinstance(o, Literal)]
    ranked = sorted(labels, key=lambda o: (o.language != "ko", o.language or "", str(o)))
    if ranked:
        return str(ranked[0])
    return str(node).rstrip("/").rsplit("/", 1)[-1] if isinstance(node, URIRef) else str(node)


def neutralise(cell: str) -> str:
    """A CSV cell that a spreadsheet will show as text, never run as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _csv_tables(net: nx.MultiDiGraph) -> tuple[str, str]:
    nodes = _csv_text(
        NODE_COLUMNS,
        [[n, a["label"], a["type"], a["aliases"]] for n, a in sorted(net.nodes(data=True))],
    )
    labels = {n: a["label"] for n, a in net.nodes(data=True)}
    edge_rows = sorted(
        [s, t, d["label"], labels[s], labels[t]] for s, t, d in net.edges(data=True)
    )
    return nodes, _csv_text(EDGE_COLUMNS, edge_rows)


def _csv_text(header: tuple[str, ...], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()
