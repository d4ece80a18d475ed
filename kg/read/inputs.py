"""From inputs (files, directories, standard input) to ``Article`` records.

This module only routes: it finds the files, reads their bytes, sniffs the
format and hands each article's text to ``metadata`` and ``clean``.
"""
from __future__ import annotations

import datetime as dt
import errno
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..config import BuildConfig
from ..errors import InputError
from ..iri import url_iri
from ..models import Article
from .clean import clean_text
from .decode import decode
from .ids import slugify, url_slug
from .jsonl import Record, records
from .metadata import parse_date, read_metadata
from .problems import OnError, raise_error, warn
from .sniff import SUFFIXES, Format, binary_kind, sniff

STDIN = "-"
STDIN_SOURCE = "<stdin>"
# What a directory contributes: article files only, so gold annotations
# (.json), images and notes beside the articles are left alone.
ARTICLE_SUFFIXES: frozenset[str] = frozenset(SUFFIXES)
# The largest article read by default (kg.config.BuildConfig.max_article_bytes).
MAX_ARTICLE_BYTES = BuildConfig.max_article_bytes
_JSON_LINES_SUFFIXES = frozenset(s for s, f in SUFFIXES.items() if f is Format.JSON_LINES)


def read_inputs(
    inputs: Iterable[str | Path], on_error: OnError | None = None, *, max_bytes: int = MAX_ARTICLE_BYTES
) -> Iterator[Article]:
    """Every article in ``inputs``, in order; each input is a file, a directory
    (read recursively in sorted order, hidden files skipped, only files ending
    in .txt .text .html .htm .xhtml .jsonl .ndjson) or ``"-"`` for standard input.

    A file that cannot be read becomes an ``InputError`` passed to ``on_error``
    and the batch goes on; by default the error is raised. Article ids are made
    unique across the batch by numbering repeats ("a", "a-2", …). An article
    over ``max_bytes`` (a file, or one JSON Lines line) is refused unread.

    :raises InputError: only through the default ``on_error``.
    """
    report = on_error or raise_error
    seen: set[str] = set()
    for item in inputs:
        for article in _read_input(item, report, max_bytes):
            yield _unique(article, seen)


def read_file(path: Path, on_error: OnError | None = None, *, max_bytes: int = MAX_ARTICLE_BYTES) -> list[Article]:
    """The articles in one file (JSON Lines gives several).

    Broken JSON Lines records go to ``on_error`` (by default raised). A text
    or HTML file over ``max_bytes`` is refused before it is read; a JSON Lines
    file may be any size, each of its lines at most ``max_bytes``.

    :raises InputError: when the file cannot be read, is too big or holds no article.
    """
    path = Path(path)
    if path.suffix.lower() not in _JSON_LINES_SUFFIXES:
        size = _file_size(path)
        if size > max_bytes:
            raise InputError(str(path), _too_big("file", size, max_bytes))
    return read_bytes(_file_bytes(path), str(path), on_error, max_bytes=max_bytes)


def read_bytes(
    data: bytes, source: str, on_error: OnError | None = None, *, max_bytes: int = MAX_ARTICLE_BYTES
) -> list[Article]:
    """The articles in ``data``, whose format (text, HTML, JSON Lines) is sniffed;
    ``source`` names it in errors and gives the id (its file stem).

    :raises InputError: when the bytes are empty, binary, undecodable or, unless
        they are JSON Lines, over ``max_bytes``.
    """
    report = on_error or raise_error
    if not data:
        raise InputError(source, "empty file, nothing to read")
    kind = binary_kind(data)
    if kind is not None:
        raise InputError(source, f"binary file ({kind}), not an article")
    stem, suffix = _stem_suffix(source)
    if len(data) > max_bytes and not _json_lines_start(data, suffix):
        raise InputError(source, _too_big("file", len(data), max_bytes))
    text = decode(data, source)
    if not text.strip():
        raise InputError(source, "empty file (whitespace only), nothing to read")
    fmt = sniff(text, suffix)
    if fmt is Format.JSON_LINES:
        found = []
        for record in records(text, source, report, max_bytes):
            try:
                found.append(_from_record(record, source, stem))
            except InputError as error:
                report(error)
        if not found:
            raise InputError(source, "no readable article in this JSON Lines file")
        seen: set[str] = set()
        return [_unique(article, seen) for article in found]
    if fmt is Format.HTML:
        return [_from_html(text, source, slugify(stem))]
    return [_article(text, source, slugify(stem))]


def read_text(
    text: str,
    source: str = "<text>",
    *,
    url: str | None = None,
    title: str | None = None,
    published: dt.date | str | None = None,
) -> Article:
    """An article from a string already in hand; given metadata wins over what
    the text says. The id is the url's slug, else the source's stem.

    >>> read_text("공유하기\\n중기부, 스마트공장 지원 두 배로 확대\\n입력 2024.05.23 14:30\\n본문이다.").published
    datetime.date(2024, 5, 23)

    :raises InputError: when no article text is left once page chrome is removed.
    """
    article_id = url_slug(url) if url else slugify(_stem_suffix(source)[0])
    _check_url(url, source)
    return _article(text, source, article_id, url=url, title=title, published=published)


# ----------------------------------------------------------------- helpers


def _read_input(item: str | Path, report: OnError, max_bytes: int) -> Iterator[Article]:
    if str(item) == STDIN:
        yield from _guarded(
            lambda: read_bytes(sys.stdin.buffer.read(), STDIN_SOURCE, report, max_bytes=max_bytes), report
        )
        return
    path = Path(item)
    if path.is_dir():
        files = list(_walk(path, report))
        if not files:
            report(InputError(str(path), "no article files (.txt, .html, .jsonl) in this directory"))
        for file in files:
            yield from _guarded(lambda file=file: read_file(file, report, max_bytes=max_bytes), report)
    else:
        yield from _guarded(lambda: read_file(path, report, max_bytes=max_bytes), report)


def _guarded(read: Callable[[], list[Article]], report: OnError) -> list[Article]:
    try:
        return read()
    except InputError as error:
        report(error)
        return []


def _walk(directory: Path, report: OnError, ancestors: frozenset = frozenset()) -> Iterator[Path]:
    """Article files under ``directory``, depth first, entries sorted by name (so
    the same tree always reads the same way), never following a symlink loop."""
    ancestors = ancestors | {_identity(directory)}
    try:
        entries = sorted(directory.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        report(InputError(str(directory), _os_problem(exc)))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() and not entry.exists():
            report(InputError(str(entry), _os_problem(_resolve_error(entry))))
        elif entry.is_dir():
            if _identity(entry) in ancestors:
                report(InputError(str(entry), "symbolic link loop back to a parent directory; skipped"))
            else:
                yield from _walk(entry, report, ancestors)
        elif entry.suffix.lower() in ARTICLE_SUFFIXES:
            yield entry


def _identity(path: Path) -> tuple[int, int]:
    info = path.stat()
    return (info.st_dev, info.st_ino)


def _resolve_error(path: Path) -> OSError:
    try:
        path.stat()
    except OSError as exc:
        return exc
    return FileNotFoundError(errno.ENOENT, "No such file or directory")


def _file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), _os_problem(exc)) from exc


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as exc:
        raise InputError(str(path), _os_problem(exc)) from exc


def _too_big(what: str, size: int, limit: int) -> str:
    return (f"{what} is {size:,} bytes, over the limit of {limit:,} for one article; split it into "
            "articles (a file each, or one JSON Lines line each) or raise the limit (--max-article-bytes)")


def _json_lines_start(data: bytes, suffix: str) -> bool:
    """Whether big ``data`` will be read as JSON Lines (as ``sniff`` decides),
    which holds many articles and so may be any size."""
    known = SUFFIXES.get(suffix.lower())
    if known is not None:
        return known is Format.JSON_LINES
    head = data[:65536].decode("utf-8", "replace")
    return sniff(head.split("\n", 1)[0], suffix) is Format.JSON_LINES


def _os_problem(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop; fix or remove the link"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory (a broken link or a mistyped path)"
    if isinstance(exc, PermissionError):
        return "permission denied; make the file readable"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read ({exc.strerror or exc})"


def _stem_suffix(source: str) -> tuple[str, str]:
    if source == STDIN_SOURCE:
        return "stdin", ""
    path = Path(source)
    return path.stem, path.suffix


def _unique(article: Article, seen: set[str]) -> Article:
    """Two files named alike in different folders must not share an IRI."""
    article_id, n = article.id, 1
    while article_id in seen:
        n += 1
        article_id = f"{article.id}-{n}"
    seen.add(article_id)
    return article if article_id == article.id else replace(article, id=article_id)


# Line and paragraph separators other than "\n" (form feed, NEL, U+2028 …): line ends.
_LINE_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Control characters a scraped page carries by accident (NUL, terminal escape
# sequences, DEL, C1 controls): never article text, and they would reach
# terminals, XML exports and spreadsheets. Tab and line ends stay.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
# Half of a UTF-16 surrogate pair: JSON's "\ud800" escape makes one, and no
# UTF-8 writer (nor Kiwi) can take it.
_SURROGATES = re.compile("[\ud800-\udfff]")
_HANGUL = re.compile("[\uac00-\ud7a3]")


def _normalize(text: str, source: str = "") -> str:
    text = _plain(text, source)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", _LINE_BREAKS.sub("\n", text))


def _plain(text: str, source: str) -> str:
    """``text`` without lone surrogates (each becomes U+FFFD, with a warning)."""
    if _SURROGATES.search(text) is None:
        return text
    warn(source, "lone UTF-16 surrogates (JSON \\ud800-style escapes) replaced with U+FFFD")
    return _SURROGATES.sub("\ufffd", text)


def _one_line(text: str | None, source: str) -> str | None:
    """A given title: one line of plain text."""
    if text is None:
        return None
    return " ".join(_normalize(text, source).split()) or None


def _check_url(url: str | None, source: str) -> None:
    if url and url_iri(url) is None:
        warn(source, f"url {url[:80]!r} has no scheme (such as https:); it is left out of the graph")


def _check_korean(text: str, source: str) -> None:
    if _HANGUL.search(text) is None:
        warn(source, "no Korean text (no Hangul); kg reads Korean news, so little or nothing will be extracted")


def _given_date(value: dt.date | str | None, source: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    date = parse_date(value)
    if date is None:
        warn(source, f"cannot read the date {value!r}; using the date in the text, if any")
    return date


def _article(
    text: str,
    source: str,
    article_id: str,
    *,
    url: str | None = None,
    title: str | None = None,
    published: dt.date | str | None = None,
    line: int | None = None,
) -> Article:
    where = source if line is None else f"{source}:{line}"
    text = _normalize(text, where)
    meta = read_metadata(text)
    cleaned = clean_text(text)
    if not cleaned:
        raise InputError(source, "no article text left once page menus and notices are removed", line)
    _check_korean(cleaned, where)
    return Article(
        id=article_id,
        text=cleaned,
        source=source,
        title=_one_line(title, where) or meta.headline,
        published=_given_date(published, where) or meta.published,
        author=meta.author,
        publisher=meta.publisher,
        url=url,
    )


def _from_html(markup: str, source: str, article_id: str, url: str | None = None, where: str | None = None) -> Article:
    from .html import read_html  # trafilatura loads in a second; only HTML needs it

    where = where or source
    page = read_html(_normalize(markup, where), source)
    _check_korean(page.text, where)
    return Article(
        id=article_id,
        text=page.text,
        source=source,
        title=page.title,
        published=page.published,
        author=page.author,
        publisher=page.publisher,
        url=url,
    )


def _from_record(record: Record, source: str, stem: str) -> Article:
    article_id = url_slug(record.url) if record.url else f"{slugify(stem)}-{record.line}"
    where = f"{source}:{record.line}"
    _check_url(record.url, where)
    if record.text is None and record.html is not None:
        try:
            article = _from_html(record.html, source, article_id, record.url, where)
        except InputError as error:  # a page without text: name the line that held it
            raise InputError(error.source, error.problem, record.line) from error
        return replace(
            article,
            title=_one_line(record.title, where) or article.title,
            published=_given_date(record.published, where) or article.published,
        )
    assert record.text is not None
    return _article(
        record.text,
        source,
        article_id,
        url=record.url,
        title=record.title,
        published=record.published,
        line=record.line,
    )
