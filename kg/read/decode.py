"""Bytes to text: UTF-8 first, then the Korean legacy encodings.

Korean sites still serve CP949/EUC-KR (CP949 is Microsoft's superset of
EUC-KR, so one codec reads both), and pages saved from them keep it. The order
is: a byte-order mark; strict UTF-8; strict CP949 (only if the result is
mostly Hangul); the two mixed line by line; charset-normalizer's guess; and
last a decoding with replacement characters, with a ``ReadWarning``, when
most of the text is still readable (truncated downloads, a stray bad byte).
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from ..errors import InputError
from .problems import warn

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A bad byte or two in a long file is a damaged file, not another encoding.
_FEW_ERRORS = 0.01
# Past this share of unreadable characters the text is not worth reading.
_MOST_READABLE = 0.2
# charset-normalizer's "chaos" (mess ratio) above which its guess is noise.
_GUESS_CHAOS = 0.1
# What Korean news text is made of: ASCII, Hangul, and the usual punctuation.
_READABLE = re.compile(r"[\x09\x0a\x20-\x7e\uac00-\ud7a3\u3130-\u318f\u00b7\u2010-\u206f\u3000-\u303f\u2460-\u24ff\u25a0-\u25ff\uff01-\uff5e]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")


def decode(data: bytes, source: str) -> str:
    """Decode an article's bytes; NFC-normalised, line ends as ``\\n``.

    :raises InputError: when the bytes are not readable text in any encoding tried.
    """
    text = _decode(data, source)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", text)


def _decode(data: bytes, source: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp949")
        if _mostly_hangul(text):
            return text
    except UnicodeDecodeError:
        pass
    mixed = _by_line(data)
    if mixed is not None:
        warn(source, "mixed UTF-8 and CP949 lines; decoded each line on its own")
        return mixed
    best, errors = _least_damaged(data)
    if errors <= _FEW_ERRORS:
        warn(source, f"some bytes are not valid text ({errors:.1%} replaced with U+FFFD)")
        return best
    guess = from_bytes(data).best()
    if (
        guess is not None
        and guess.encoding not in ("utf_8", "cp949", "euc_kr")
        and guess.chaos <= _GUESS_CHAOS
    ):
        return str(guess)
    if _readable_share(best) >= 1 - _MOST_READABLE:
        warn(source, f"partly undecodable text ({errors:.1%} replaced with U+FFFD)")
        return best
    raise InputError(
        source, "cannot decode the text as UTF-8 or CP949/EUC-KR; save it as UTF-8 and retry"
    )


def _mostly_hangul(text: str) -> bool:
    """CP949 decodes many non-Korean byte strings too; real Korean is mostly Hangul."""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    return not wide or len(_HANGUL.findall(text)) >= 0.6 * len(wide)


def _readable_share(text: str) -> float:
    """Replacement characters are not the only damage: wrong decodings yield
    Hanja and symbols, which Korean news rarely uses."""
    return len(_READABLE.findall(text)) / max(len(text), 1)


def _by_line(data: bytes) -> str | None:
    """Files concatenated from two sources mix encodings, usually by whole lines."""
    lines = []
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                line = raw.decode("cp949")
            except UnicodeDecodeError:
                return None
            if not _mostly_hangul(line):
                return None
            lines.append(line)
    return "\n".join(lines)


def _least_damaged(data: bytes) -> tuple[str, float]:
    """The replacement decoding (UTF-8 or CP949) that loses the fewest characters."""
    best, best_errors = "", 1.0
    for codec in ("utf-8", "cp949"):
        text = data.decode(codec, errors="replace")
        errors = text.count("\ufffd") / max(len(text), 1)
        if errors < best_errors:
            best, best_errors = text, errors
    return best, best_errors
