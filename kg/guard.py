"""Read-only checks on SPARQL text, for engines that cannot be told to refuse.

    check_read_only(sparql)   → None, or QueryError for an update, a SERVICE call or empty text

Oxigraph (kg.store) would execute a ``SERVICE <http://…>`` clause by calling out
over HTTP, and has no switch to forbid it; rdflib's parser (what kg.query uses)
costs 10–60 ms per query, more than the query itself on a store. So the text is
checked lexically: comments, string literals and IRIs are blanked out first, then
a SERVICE keyword anywhere is refused. A SERVICE cannot hide inside a blanked
region: an IRI cannot hold whitespace or braces, and a SERVICE clause needs a
``{`` after it. The check is conservative — a variable or prefixed name is not
mistaken for the keyword, but any SERVICE clause at all is refused.

Updates need no lexical check: Oxigraph's query entry point parses queries only,
so an update is a syntax error there; ``update_refusal`` words that error the
way kg.query does ("read-only").
"""
from __future__ import annotations

import re

from .errors import QueryError

# One token at a time, leftmost first, so a "#" inside an IRI or a string is not a comment.
_OPAQUE = re.compile(
    r'<[^<>"{}|^`\\\s]*>'                 # IRIREF
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"     # long strings
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'(?:[^'\\\n\r]|\\.)*'"             # short strings
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|#[^\n\r]*",                        # comments
    re.S,
)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:])", re.I)
_UPDATE_WORDS = re.compile(
    r"^\s*(?:(?:BASE\s+\S+|PREFIX\s+\S*:\s*\S+)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)


def blanked(sparql: str) -> str:
    """``sparql`` with IRIs and strings replaced by placeholders and comments removed."""
    return _OPAQUE.sub(lambda m: "" if m.group().startswith("#") else ("<>" if m.group().startswith("<") else '""'),
                       sparql)


def check_read_only(sparql: str) -> None:
    """QueryError for empty text or a SERVICE clause (an outgoing network call)."""
    bare = blanked(sparql)
    if not bare.strip():
        raise QueryError("the query is empty: give SPARQL text, a .rq file or a named query")
    if _SERVICE.search(bare):
        raise QueryError(
            "SERVICE clauses are not allowed: kg reads only the local store "
            "(remove the SERVICE clause)"
        )


def is_update(sparql: str) -> bool:
    """Whether the text starts (after its prologue) like a SPARQL Update request."""
    return _UPDATE_WORDS.match(blanked(sparql)) is not None


def update_refusal() -> QueryError:
    """The error for an update sent where only queries are allowed."""
    return QueryError(
        "SPARQL updates are not allowed: kg query is read-only (use SELECT, ASK, CONSTRUCT or DESCRIBE)"
    )


__all__ = ["blanked", "check_read_only", "is_update", "update_refusal"]
