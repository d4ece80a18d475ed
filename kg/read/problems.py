"""How the reading stage reports trouble without stopping a batch.

Two kinds of trouble:

- an input that cannot be used at all (empty, binary, a broken JSON Lines
  record) is a ``kg.errors.InputError`` handed to the caller's ``on_error``
  callback, so one bad file never ends a batch of thousands;
- an input that was read but not perfectly (some undecodable bytes, a date
  that could not be parsed) is a ``ReadWarning`` issued through the standard
  ``warnings`` module, so callers can show, log, filter or escalate it.
"""
from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..errors import InputError

OnError = Callable[[InputError], None]


class ReadWarning(UserWarning):
    """An article was read, but part of it may be wrong (e.g. replaced bytes)."""


def raise_error(error: InputError) -> None:
    """The default ``on_error``: stop at the first unreadable input."""
    raise error


def warn(source: str, message: str) -> None:
    """Issue a ``ReadWarning`` that names the input, like ``InputError`` does."""
    warnings.warn(ReadWarning(f"{source}: {message}"), stacklevel=3)


@contextmanager
def collected_warnings() -> Iterator[list[str]]:
    """Gather the ReadWarnings issued inside the block, as their messages, in order.

    A batch build lists them in its summary instead of letting Python print
    them mid-run (and only the first of each kind). Other warnings are
    issued again when the block ends, unchanged.
    """
    messages: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReadWarning)
        try:
            yield messages
        finally:
            others = []
            for item in caught:
                if issubclass(item.category, ReadWarning):
                    messages.append(str(item.message))
                else:
                    others.append(item)
    for item in others:
        warnings.warn_explicit(item.message, item.category, item.filename, item.lineno, source=item.source)
