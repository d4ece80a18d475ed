"""The one exception tree of kg.

    KGError                  every error kg raises on purpose; the CLI prints it on one line
    ├── InputError           an article that cannot be read (names the file, and the line for JSON Lines)
    ├── QueryError           a SPARQL query that is malformed, refused (updates) or too slow
    ├── GraphFileError       a graph file or directory that cannot be loaded
    ├── ExportError          an unknown format or an output that cannot be written
    └── ValidationError      a graph that does not conform to the SHACL shapes

Messages name the input and, where there is one, the fix.
"""
from __future__ import annotations


class KGError(Exception):
    """Base of every error kg raises deliberately."""


class InputError(KGError):
    """An article that cannot be read or used."""

    def __init__(self, source: str, problem: str, line: int | None = None):
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


class QueryError(KGError):
    """A SPARQL query that is malformed, refused or failed."""


class GraphFileError(KGError):
    """A graph file or build directory that cannot be loaded."""


class ExportError(KGError):
    """An export that cannot be produced."""


class ValidationError(KGError):
    """A graph that does not conform to ontology/shapes.ttl."""

    def __init__(self, message: str, report: str = ""):
        self.report = report
        super().__init__(message)
