"""One-shot calls for Python users; the CLI is a thin layer over these.

    >>> from kg import build
    >>> summary = build(["samples/dev-000.txt"], "outputs/")   # doctest: +SKIP
    >>> summary.articles, summary.entities["Person"]            # doctest: +SKIP
    (1, 11)
"""
from __future__ import annotations

import hashlib
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .config import BuildConfig
from .errors import InputError, KGError
from .export import write_build
from .graph import build_dataset
from .linking import LinkDecision, link, summary_lines
from .models import Article, Extraction
from .parallel import extract_all, extract_one
from .read import read_inputs
from .read.problems import collected_warnings


@dataclass(frozen=True)
class Failure:
    """An input that was skipped, and why."""

    source: str
    problem: str

    def __str__(self) -> str:
        return f"{self.source}: {self.problem}"


@dataclass(frozen=True)
class BuildSummary:
    """What a build read and wrote."""

    articles: int
    entities: dict[str, int]
    relations: dict[str, int]
    positions: int
    conferrals: int
    quotes: int
    failures: tuple[Failure, ...]
    warnings: tuple[str, ...]
    outputs: dict[str, Path] = field(default_factory=dict)
    links: tuple[LinkDecision, ...] = ()   # cross-article linking (kg.linking), sorted

    def lines(self) -> list[str]:
        """The summary as printed at the end of ``kg build``."""
        out = [f"{self.articles} article(s) built, {len(self.failures)} failed"]
        out.append("entities:  " + ", ".join(f"{k} {v}" for k, v in sorted(self.entities.items())) if self.entities
                   else "entities:  none")
        out.append("relations: " + ", ".join(f"{k} {v}" for k, v in sorted(self.relations.items())) if self.relations
                   else "relations: none")
        out.append(f"positions {self.positions}, conferrals {self.conferrals}, quotes {self.quotes}")
        out += summary_lines(self.links)
        out += [f"warning: {w}" for w in self.warnings]
        out += [f"failed: {f}" for f in self.failures]
        out += [f"wrote {p}" for p in self.outputs.values()]
        return out

    def as_dict(self) -> dict[str, object]:
        """The summary as JSON-ready data (``kg build --json``)."""
        return {
            "articles": self.articles,
            "entities": dict(sorted(self.entities.items())),
            "relations": dict(sorted(self.relations.items())),
            "positions": self.positions,
            "conferrals": self.conferrals,
            "quotes": self.quotes,
            "failed": [asdict(f) for f in self.failures],
            "warnings": list(self.warnings),
            "links": [d.as_dict() for d in self.links],
            "outputs": {k: str(v) for k, v in self.outputs.items()},
        }


class Repeats:
    """Articles given more than once (the same text saved under two names): each text is built once.

        repeats = Repeats()
        extractions = repeats.settle([extract(a) for a in repeats.unique(articles)])
        repeats.messages()   # one line per copy left out

    ``unique`` lets the first copy of each text through as the articles
    stream by; ``settle`` then swaps in the copy with the smallest id (and
    source), so which copy is built does not depend on the input order. Only
    the key of a first copy is kept, never its text: memory stays flat.
    """

    def __init__(self) -> None:
        self._first: dict[bytes, tuple[str, str]] = {}      # text digest → (id, source) of the first copy
        self._later: dict[bytes, list[Article]] = {}         # text digest → the copies after it
        self._kept: dict[bytes, tuple[str, str]] = {}        # text digest → the copy built, once settled

    def unique(self, articles: Iterable[Article]) -> Iterator[Article]:
        """The articles, each text once (its first copy)."""
        for article in articles:
            digest = hashlib.sha256(article.text.encode("utf-8")).digest()
            if digest in self._first:
                self._later.setdefault(digest, []).append(article)
            else:
                self._first[digest] = (article.id, article.source)
                yield article

    def settle(self, extractions: list[Extraction]) -> list[Extraction]:
        """``extractions`` with each repeated text built from its copy with the smallest id."""
        at = {(x.article.id, x.article.source): i for i, x in enumerate(extractions)}
        for digest, later in self._later.items():
            first = self._first[digest]
            keep = min(later, key=lambda a: (a.id, a.source))
            if (keep.id, keep.source) < first and first in at:
                rebuilt = extract_one(keep)
                if isinstance(rebuilt, Extraction):  # the same text: it fails only where the first did
                    extractions[at[first]] = rebuilt
                    self._kept[digest] = (keep.id, keep.source)
        return extractions

    def messages(self) -> list[str]:
        """One line per copy left out, naming the copy built."""
        out = []
        for digest, later in self._later.items():
            kept_id, kept_source = self._kept.get(digest, self._first[digest])
            copies = sorted({self._first[digest], *((a.id, a.source) for a in later)} - {(kept_id, kept_source)})
            out += [f"{source} ({id_}): same article text as {kept_source} ({kept_id}); built once, as {kept_id}"
                    for id_, source in copies]
        return sorted(out)


def build(inputs: Iterable[str | Path], out_dir: str | Path, config: BuildConfig = BuildConfig(), *,
          workers: int = 1, dask: str | None = None) -> BuildSummary:
    """Read, extract and write ``graph.ttl``, ``graph.trig`` and ``graph.html`` into ``out_dir``.

    ``workers`` > 1 extracts in that many processes, ``dask`` (a scheduler
    address) on a Dask cluster (kg.parallel); the outputs are the same bytes.

    :raises KGError: when nothing could be built or the outputs cannot be written;
        unreadable articles are listed in the summary instead.
    """
    failures: list[Failure] = []

    def report(err: InputError) -> None:
        failures.append(Failure(err.source if err.line is None else f"{err.source}:{err.line}", err.problem))

    repeats = Repeats()
    # reading is lazy, so its warnings (damaged bytes, no Korean text …) arrive during extraction
    with collected_warnings() as read_warnings:
        articles = repeats.unique(read_inputs(inputs, on_error=report, max_bytes=config.max_article_bytes))
        if config.progress and sys.stderr.isatty():
            from tqdm import tqdm

            articles = tqdm(articles, desc="articles", unit="article", file=sys.stderr)
        extractions = list(extract_all(articles, lambda source, problem: failures.append(Failure(source, problem)),
                                       workers=workers, dask=dask))
    extractions = repeats.settle(extractions)
    if not extractions:
        reasons = "; ".join(str(f) for f in failures) or "no articles found in the inputs"
        raise KGError(f"nothing to build: {reasons}")
    linked = link(extractions)
    extractions = list(linked.extractions)
    dataset = build_dataset(extractions, base_iri=config.base_iri)
    html = None
    if config.html and _has_renderer():
        from .graph import union_graph
        from .render import html_page

        html = html_page(union_graph(dataset))
    # every output is serialised before any is written: a failure leaves the previous build whole
    outputs = write_build(dataset, Path(out_dir), html=html)
    return _summary(extractions, failures, outputs, linked.decisions, (*read_warnings, *repeats.messages()))


def _summary(extractions: list[Extraction], failures: list[Failure], outputs: dict[str, Path],
             links: tuple[LinkDecision, ...] = (), notes: tuple[str, ...] = ()) -> BuildSummary:
    entities: Counter[str] = Counter()
    relations: Counter[str] = Counter()
    for x in extractions:
        entities.update(e.type.value for e in x.entities)
        relations.update(r.predicate.value for r in x.relations)
    return BuildSummary(
        articles=len(extractions),
        entities=dict(entities),
        relations=dict(relations),
        positions=sum(len(x.positions) for x in extractions),
        conferrals=sum(len(x.conferrals) for x in extractions),
        quotes=sum(len(x.quotes) for x in extractions),
        failures=tuple(failures),
        warnings=(*notes, *(w for x in extractions for w in x.warnings)),
        outputs=outputs,
        links=links,
    )


def _has_renderer() -> bool:
    try:
        from . import render  # noqa: F401
    except ImportError:
        return False
    return True
