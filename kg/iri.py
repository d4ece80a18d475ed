"""Deterministic IRIs for entities, articles and qualified statements.

    entity_iri(EntityType.PERSON, "오영주")          → kgr:person/오영주
    article_iri("news/2024-11-14.txt")              → kgr:article/news%2F2024-11-14.txt
    statement_iri("position", "a1", "Person/오영주", "Organization/중소벤처기업부", "장관")
                                                    → kgr:position/<16 hex digits>

Names are NFC-normalised and stripped, then every character that is neither
Hangul (syllables U+AC00–U+D7A3, jamo U+1100–U+11FF, compatibility jamo
U+3130–U+318F) nor ASCII unreserved (A-Z a-z 0-9 - . _ ~) is percent-encoded
as its UTF-8 bytes. Any name therefore gives a valid IRI that every RDF syntax
can write, and the same name always gives the same IRI.
"""
from __future__ import annotations

import hashlib
import json
import unicodedata

from rdflib import URIRef

from .models import EntityType
from .vocab import KGR_IRI

# The path segment of each core class: kgr:person/…, kgr:organization/…
TYPE_PATHS: dict[EntityType, str] = {t: t.value.lower() for t in EntityType}

# The kinds of minted statement node; each is also its IRI's path segment.
STATEMENT_KINDS = frozenset({"position", "conferral", "quote", "statement"})

_ASCII_UNRESERVED = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
)
_HANGUL_RANGES = ((0xAC00, 0xD7A3), (0x1100, 0x11FF), (0x3130, 0x318F))


def _kept(ch: str) -> bool:
    if ch in _ASCII_UNRESERVED:
        return True
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _HANGUL_RANGES)


def encode_segment(text: str) -> str:
    """``text`` as one IRI path segment: NFC, stripped, the rest percent-encoded."""
    clean = unicodedata.normalize("NFC", text).strip()
    return "".join(
        ch if _kept(ch) else "".join(f"%{b:02X}" for b in ch.encode("utf-8"))
        for ch in clean
    )


def normalise_base(base: str) -> str:
    """``base`` ending in "/" or "#".

    A base without a trailing separator would glue "person" onto its last
    segment (…/kgperson/…); add the slash rather than mint odd IRIs.
    """
    return base if base.endswith(("/", "#")) else base + "/"


def entity_iri(type: EntityType, name: str, base: str = KGR_IRI) -> URIRef:
    """The IRI of the entity of this type and canonical name.

    ``ValueError`` for a name that is empty once stripped: it would mint the
    same IRI for every nameless entity of the type.
    """
    segment = encode_segment(name)
    if not segment:
        raise ValueError(f"entity name {name!r} is empty; give the {type.value} a name")
    return URIRef(f"{normalise_base(base)}{TYPE_PATHS[EntityType(type)]}/{segment}")


def article_iri(article_id: str, base: str = KGR_IRI) -> URIRef:
    """The IRI of an article, which is also the name of its graph in TriG / N-Quads."""
    segment = encode_segment(article_id)
    if not segment:
        raise ValueError(f"article id {article_id!r} is empty; give the article an id")
    return URIRef(f"{normalise_base(base)}article/{segment}")


def statement_hash(*parts: str) -> str:
    """16 hex digits of SHA-1 over ``parts``; JSON keeps ("ab", "c") apart from ("a", "bc")."""
    normalised = [unicodedata.normalize("NFC", p) for p in parts]
    payload = json.dumps(normalised, ensure_ascii=False).encode("utf-8")
    return hashlib.sha1(payload).hexdigest()[:16]


def statement_iri(kind: str, *parts: str, base: str = KGR_IRI) -> URIRef:
    """The IRI of a qualified node: ``{base}{kind}/{hash of parts}``.

    ``kind`` is one of position, conferral, quote, statement; ``parts`` are what
    makes the statement itself (article id, subject, object, title, …), so the
    same statement read twice gets the same IRI.
    """
    if kind not in STATEMENT_KINDS:
        choices = ", ".join(sorted(STATEMENT_KINDS))
        raise ValueError(f"statement kind {kind!r} is unknown; use one of {choices}")
    return URIRef(f"{normalise_base(base)}{kind}/{statement_hash(*parts)}")
