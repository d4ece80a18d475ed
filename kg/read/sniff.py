"""What kind of input a file is: refused binary, HTML, JSON Lines or plain text."""
from __future__ import annotations

import json
import re
from enum import Enum


class Format(str, Enum):
    """The article formats the reading stage understands."""

    TEXT = "text"
    HTML = "html"
    JSON_LINES = "jsonl"


SUFFIXES: dict[str, Format] = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".jsonl": Format.JSON_LINES,
    ".ndjson": Format.JSON_LINES,
}

# File signatures ("magic numbers") of the binaries most likely to be dropped
# into a folder of articles by mistake; see each format's specification.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (HWP/DOC/XLS)"),
    (b"\x7fELF", "executable"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "icon image"),
)
# UTF-16 text legitimately holds NUL bytes; its byte-order mark says so.
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def binary_kind(data: bytes) -> str | None:
    """A name for the binary format of ``data`` (``"PNG image"``), or None for text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[4:8] == b"ftyp":
        return "MP4/HEIF media"
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[data[8:12]]
    if not data.startswith(_UTF16_BOMS) and b"\x00" in data[:8192]:
        return "contains NUL bytes"
    return None


_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|article)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_BLOCKS = re.compile(r"</(?:p|div|article|section|span|a)>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True for a page (a doctype or <html> at the top, or a fragment full of tags).

    Plain-text articles contain the odd '<' ("<저작권자 ⓒ …>"), so one bracket
    is not enough: the text must start like a page or close several blocks.
    """
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return head.lstrip().startswith("<") and len(_HTML_BLOCKS.findall(head)) >= 3


def looks_like_json_lines(text: str) -> bool:
    """True when the first non-blank line is a whole JSON object (a pretty-printed
    JSON document opens with a lone '{', which is not)."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            try:
                return isinstance(json.loads(line), dict)
            except ValueError:
                return False
    return False


def sniff(text: str, suffix: str = "") -> Format:
    """The format of decoded ``text``: the file suffix decides when it is known."""
    known = SUFFIXES.get(suffix.lower())
    if known is Format.JSON_LINES or known is Format.HTML:
        return known
    if looks_like_html(text):
        return Format.HTML
    if known is None and looks_like_json_lines(text):
        return Format.JSON_LINES
    return Format.TEXT
