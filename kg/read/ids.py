"""Readable, stable article ids: the same file or URL always gives the same id.

The id ends up in the article's IRI, so it keeps only characters that read
well there: Hangul, ASCII letters and digits, '-' and '_'. Everything else
becomes '-'.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

# Hangul syllables and jamo (compatibility and conjoining), ASCII word characters.
_UNSAFE = re.compile(r"[^0-9A-Za-z_\-\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+")
_DASHES = re.compile(r"-{2,}")
# Long URLs make unreadable ids; past this length keep a prefix and a short hash.
_MAX = 100


def slugify(name: str, fallback: str = "article") -> str:
    """``"dev-000.txt" stem -> "dev-000"``; ``"서울 경제 (1)" -> "서울-경제-1"``.

    NFC first, because macOS writes Hangul file names decomposed (NFD) and the
    same name must give the same id on every system.
    """
    text = unicodedata.normalize("NFC", name)
    slug = _DASHES.sub("-", _UNSAFE.sub("-", text)).strip("-")
    if len(slug) > _MAX:
        digest = hashlib.sha1(slug.encode("utf-8")).hexdigest()[:8]
        slug = f"{slug[:_MAX].rstrip('-')}-{digest}"
    return slug or fallback


def url_slug(url: str) -> str:
    """``"https://www.example.com/news/view.php?id=12"`` -> ``"www-example-com-news-view-php-id-12"``.

    The scheme and a fragment say nothing about which article it is, so they go.
    """
    parts = urlsplit(url.strip())
    core = parts.netloc + parts.path
    if parts.query:
        core += "?" + parts.query
    return slugify(core or url)
