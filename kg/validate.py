"""Check a graph against ontology/shapes.ttl (SHACL, via pyshacl).

    report = validate(graph_or_dataset)
    report.conforms        → bool
    report.violations      → ("kgr:quote/… kgo:speaker: a Quote has exactly one kgo:speaker, a Person (value: kgr:organization/…)", …)

A Dataset is validated as the union of its named graphs, which is what
graph.ttl holds: an entity typed Person in one article and Organization in
another is caught only there.

Inference is off on purpose: RDFS inference would derive an entity's class
from rdfs:domain / rdfs:range, so a Quote whose speaker is an Organization
would simply make that Organization a Person too and every domain/range
shape would pass. The ontology is still given to pyshacl (as ont_graph), so
sh:class follows rdfs:subClassOf: a kgo:GovernmentAgency counts as a
kgo:Organization.
"""
from __future__ import annotations

import importlib.resources
import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from .graph import union_graph
from .vocab import PREFIXES


@dataclass(frozen=True)
class ValidationReport:
    """Whether a graph conforms, and one readable line per violation (sorted)."""

    conforms: bool
    violations: tuple[str, ...] = ()


def ontology_text(name: str) -> str:
    """The text of a file of the shipped ontology (kgo.ttl, shapes.ttl, queries/…).

    The top-level ontology/ directory ships as the package kg.ontology. Under
    an editable install on Python 3.11, importlib.resources.files() fails on
    it (kg.ontology has no __init__.py, so it is a namespace package whose
    path holds the editable finder's hook, which is not a directory); the
    package's real directories are searched then, and last the repository
    layout beside kg/.
    """
    try:
        resource = importlib.resources.files("kg.ontology").joinpath(name)
        if resource.is_file():
            return resource.read_text(encoding="utf-8")
    except (ModuleNotFoundError, NotADirectoryError, TypeError):
        pass
    spec = importlib.util.find_spec("kg.ontology")
    locations = list(spec.submodule_search_locations or []) if spec else []
    locations.append(str(Path(__file__).resolve().parent.parent / "ontology"))
    for location in locations:
        candidate = Path(location) / name
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise FileNotFoundError(f"ontology file {name} is missing from kg.ontology; reinstall kg")


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return Graph().parse(data=ontology_text("shapes.ttl"), format="turtle")


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph().parse(data=ontology_text("kgo.ttl"), format="turtle")


def validate(graph: Graph | Dataset) -> ValidationReport:
    """Validate ``graph`` (a Dataset: the union of its graphs) against the shapes."""
    data = union_graph(graph) if isinstance(graph, Dataset) else graph
    conforms, results, _text = shacl_validate(
        data,
        shacl_graph=_shapes(),
        ont_graph=_ontology(),
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
        meta_shacl=False,
        advanced=False,
    )
    violations = tuple(sorted({_describe(results, r) for r in results.subjects(RDF.type, SH.ValidationResult)}))
    return ValidationReport(conforms=bool(conforms), violations=violations)


def _describe(results: Graph, result: Node) -> str:
    """One line: focus node, path, message, and the offending value when there is one."""
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    message = results.value(result, SH.resultMessage)
    value = results.value(result, SH.value)
    parts = [_short(focus)]
    if path is not None:
        parts.append(_path(results, path))
    line = " ".join(parts) + ": " + (str(message) if message is not None else "does not conform")
    if value is not None and value != focus:
        line += f" (value: {_short(value)})"
    return line


def _path(results: Graph, path: Node) -> str:
    inverse = results.value(path, SH.inversePath)
    return "^" + _short(inverse) if inverse is not None else _short(path)


def _short(node: Node | None) -> str:
    if isinstance(node, URIRef):
        text = str(node)
        for prefix, namespace in PREFIXES.items():
            if text.startswith(namespace):
                return f"{prefix}:{text[len(namespace):]}"
        return f"<{text}>"
    if isinstance(node, Literal):
        return node.n3()
    return str(node)
