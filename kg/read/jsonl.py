"""JSON Lines: one article per line, ``{"text", "url", "title", "published"}``.

A broken line is reported with its line number and the others are still read,
so one bad record in a feed of thousands costs one article.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import InputError
from .problems import OnError


@dataclass(frozen=True)
class Record:
    """One usable line: its number (1-based) and its string fields."""

    line: int
    text: str | None
    html: str | None
    url: str | None
    title: str | None
    published: str | None


_FIELDS = ("text", "html", "url", "title", "published")


def records(text: str, source: str, on_error: OnError, max_bytes: int | None = None) -> Iterator[Record]:
    """Each well-formed line of a JSON Lines document; blank lines are skipped,
    and a line over ``max_bytes`` (in UTF-8) is refused without being parsed."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            if max_bytes is not None and len(line) > max_bytes // 4 and len(line.encode("utf-8", "replace")) > max_bytes:
                size = len(line.encode("utf-8", "replace"))
                raise InputError(source, f"line is {size:,} bytes, over the limit of {max_bytes:,} for one "
                                         "article; raise the limit (--max-article-bytes) to read it", number)
            yield _record(line, number, source)
        except InputError as error:
            on_error(error)


def _record(line: str, number: int, source: str) -> Record:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(
            source, f"not valid JSON ({exc.msg} at column {exc.colno}); fix or remove this line", number
        ) from exc
    if not isinstance(data, dict):
        raise InputError(source, 'expected a JSON object such as {"text": "…"}', number)
    values: dict[str, str | None] = {}
    for name in _FIELDS:
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(source, f'"{name}" must be a string', number)
        values[name] = value if value and value.strip() else None
    if values["text"] is None and values["html"] is None:
        raise InputError(source, 'no article text: give a non-empty "text" field', number)
    return Record(line=number, **values)
