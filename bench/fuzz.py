"""Fuzz the reader and the extractor for a set time: the properties of tests/test_fuzz.py, at length.

    python bench/fuzz.py --minutes 10 [--only read|extract|korean]

Runs each property of tests/properties.py in turn, in rounds of fresh random
inputs (Hypothesis generating, without shrinking, so a round takes seconds),
until the time is up, then prints how many inputs each property was tried on
and each distinct failure (by its error) with how often it occurred, the first
input that gave it (as a Python literal, to paste into a test) and the error.
Exit status 1 when anything failed.
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from properties import extract_never_crashes, inputs, korean_news, read_never_crashes, texts  # noqa: E402

PROPERTIES = {
    "read": (inputs, lambda case: read_never_crashes(*case)),
    "extract": (texts, extract_never_crashes),
    "korean": (korean_news, extract_never_crashes),
}
ROUND = settings(max_examples=200, deadline=None, database=None, phases=[Phase.generate],
                 suppress_health_check=list(HealthCheck))


def fuzz(name: str, until: float) -> tuple[int, list[tuple[str, object, str]]]:
    """Inputs tried and failures (where, input, error) for one property, until ``until`` (time.monotonic)."""
    strategy, check = PROPERTIES[name]
    tried, failures, current = 0, [], []

    @ROUND
    @given(strategy)
    def one(value: object) -> None:
        nonlocal tried
        if time.monotonic() >= until:
            return
        tried += 1
        current[:] = [value]
        check(value)

    while time.monotonic() < until:
        try:
            one()
        except Exception as exc:  # noqa: BLE001 - every failure is reported, then the fuzzing goes on
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            where = f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno} ({frame.line})"
            message = traceback.format_exception_only(type(exc), exc)[0].strip()
            failures.append((where, current[0] if current else None, message[:500]))
    return tried, failures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=1.0, help="total time, shared between the properties")
    ap.add_argument("--only", choices=sorted(PROPERTIES), action="append", help="fuzz only this property")
    args = ap.parse_args()
    names = args.only or list(PROPERTIES)
    share = args.minutes * 60 / len(names)
    total = 0
    failed = False
    for name in names:
        started = time.monotonic()
        tried, failures = fuzz(name, started + share)
        total += tried
        elapsed = time.monotonic() - started
        print(f"{name:8} {tried:7,} inputs in {elapsed:5.0f} s, {len(failures)} failure(s)", flush=True)
        distinct: dict[str, list[tuple[object, str]]] = {}
        for where, value, error in failures:
            distinct.setdefault(where, []).append((value, error))
        for where, same in distinct.items():
            failed = True
            value, error = same[0]
            print(f"  {where}: {len(same)} time(s); the first:\n    input: {value!r}\n    {error}", flush=True)
    print(f"total    {total:7,} inputs, {'FAILURES' if failed else 'no failures'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
