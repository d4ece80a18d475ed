"""Extraction speed on one core: articles per second and characters per second.

    python bench/extract_speed.py DIR_OR_FILES... [--repeat N]

Kiwi's load is timed apart (it happens once per process); the figure next to
it is Kiwi's own sentence split and tokenisation of the same texts, the
ceiling for a Kiwi-based extractor.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.extract import extract
from kg.extract.analysis import kiwi
from kg.read import read_inputs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the articles; the best is reported")
    args = ap.parse_args()
    articles = list(read_inputs([Path(p) for p in args.inputs]))
    chars = sum(len(a.text) for a in articles)
    t = time.perf_counter()
    kiwi().split_into_sents("가.", return_tokens=True)
    load = time.perf_counter() - t
    best_kg = best_kiwi = float("inf")
    for _ in range(args.repeat):
        t = time.perf_counter()
        for a in articles:
            extract(a)
        best_kg = min(best_kg, time.perf_counter() - t)
        t = time.perf_counter()
        for a in articles:
            for para in a.text.split("\n"):
                if para.strip():
                    kiwi().split_into_sents(para, return_tokens=True)
        best_kiwi = min(best_kiwi, time.perf_counter() - t)
    print(f"{len(articles)} articles, {chars} characters; Kiwi load {load:.2f} s")
    print(f"kg extract : {len(articles) / best_kg:6.1f} articles/s  {chars / best_kg:9.0f} chars/s")
    print(f"Kiwi alone : {len(articles) / best_kiwi:6.1f} articles/s  {chars / best_kiwi:9.0f} chars/s")
    print(f"kg / Kiwi  : {best_kiwi / best_kg:6.0%}")


if __name__ == "__main__":
    main()
