"""Deterministic IRIs for entities, articles and qualified statements.

    entity_iri(EntityType.PERSON, "오영주")          → kgr:person/오영주
    article_iri("news/2024-11-14.txt")              → kgr:article/news%2F2024-11-14.txt
    statement_iri("position", "a1", "Person/오영주", "Organization/중소벤처기업부", "장관")
                                                    → kgr:position/<16 hex digits>
    url_iri("https://news.example/기사?id=1#top")  → <https://news.example/%EA%B8%B0%EC%82%AC?id=1#top>

Names are NFC-normalised and stripped, then every character that is neither
Hangul (syllables U+AC00–U+D7A3, jamo U+1100–U+11FF, compatibility jamo
U+3130–U+318F) nor ASCII unreserved (A-Z a-z 0-9 - . _ ~) is percent-encoded
as its UTF-8 bytes. Any name therefore gives a valid IRI that every RDF syntax
can write, and the same name always gives the same IRI.
"""
from __future__ import annotations

import hashlib
import ipaddress
import json
import re
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


# What each part of an absolute IRI may hold as it is (RFC 3987 restricted to
# ASCII); anything else in that part is percent-encoded.
_UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
_SUB_DELIMS = "!$&'()*+,;="
_HOST_CHARS = frozenset(_UNRESERVED + _SUB_DELIMS)
_USER_CHARS = _HOST_CHARS | {":"}
_PATH_CHARS = _USER_CHARS | {"@", "/"}
_QUERY_CHARS = _PATH_CHARS | {"?"}
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_HEX = frozenset("0123456789ABCDEFabcdef")


def _encode_part(text: str, allowed: frozenset[str]) -> str:
    """``text`` with every character outside ``allowed`` percent-encoded as UTF-8;
    a "%" stays only where two hex digits follow it (an escape already made)."""
    out = []
    for i, ch in enumerate(text):
        escape = ch == "%" and len(text[i + 1:i + 3]) == 2 and set(text[i + 1:i + 3]) <= _HEX
        if escape or ch in allowed:
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "replace")))
    return "".join(out)


def _ip_literal(host: str) -> bool:
    """``[::1]``: an IPv6 address in brackets, the only place an IRI allows them."""
    if not (host.startswith("[") and host.endswith("]")):
        return False
    try:
        ipaddress.IPv6Address(host[1:-1])
    except ValueError:
        return False
    return True


def _encode_authority(authority: str) -> str:
    userinfo, at, host = authority.rpartition("@")
    port = ""
    head, colon, tail = host.rpartition(":")
    if colon and tail.isascii() and (tail.isdigit() or not tail) and not _ip_literal(host):
        host, port = head, colon + tail
    if not _ip_literal(host):
        host = _encode_part(host, _HOST_CHARS)
    return (_encode_part(userinfo, _USER_CHARS) + at if at else "") + host + port


def url_iri(url: str) -> URIRef | None:
    """An article's address as an absolute IRI that every RDF syntax and store
    accepts, or None when it has no scheme ("www.example.com/a", "기사 1").

    The address is kept as given where it is valid; characters an IRI cannot
    hold in that part (spaces, quotes, "<", a second "#", a "%" without two hex
    digits, non-ASCII) are percent-encoded, so a scraped address can never
    break the Turtle it is written into or inject anything beside it.
    """
    text = unicodedata.normalize("NFC", url.strip())
    scheme = _SCHEME.match(text)
    if scheme is None:
        return None
    rest = text[scheme.end():]
    rest, hash_, fragment = rest.partition("#")
    rest, question, query = rest.partition("?")
    authority = None
    if rest.startswith("//"):
        authority, slash, path = rest[2:].partition("/")
        path = slash + path
    else:
        path = rest
    iri = scheme.group()
    if authority is not None:
        iri += "//" + _encode_authority(authority)
    iri += _encode_part(path, _PATH_CHARS)
    if question:
        iri += "?" + _encode_part(query, _QUERY_CHARS)
    if hash_:
        iri += "#" + _encode_part(fragment, _QUERY_CHARS)
    return URIRef(iri)
