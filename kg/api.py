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
from dataclasses import dataclass, field
from pathlib import Path

from .config import BuildConfig
from .errors import InputError, KGError
from .export import write_build
from .extract import extract
from .graph import build_dataset
from .linking import LinkDecision, LinkOutcome, link
from .models import Article, Extraction
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
        if self.links:
            counts = Counter(d.outcome for d in self.links)
            out.append("links:     " + ", ".join(f"{o.value} {counts[o]}" for o in LinkOutcome if counts[o]))
            # merges are the expected case; the namesakes and the undecided are worth a look
            out += [f"link: {d}" for d in self.links if d.outcome is not LinkOutcome.MERGED]
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
            "failed": [{"source": f.source, "problem": f.problem} for f in self.failures],
            "warnings": list(self.warnings),
            "links": [{"type": d.type.value, "name": d.name, "outcome": d.outcome.value,
                       "articles": list(d.articles), "reason": d.reason} for d in self.links],
            "outputs": {k: str(v) for k, v in self.outputs.items()},
        }


def extract_articles(articles: Iterable[Article], failures: list[Failure]) -> Iterator[Extraction]:
    """Extract each article; one that fails is recorded and skipped, never the end of the batch.

    Any other exception is a bug in the extractor; it too costs only its
    article, recorded with the exception so it can be reported.
    """
    for article in articles:
        try:
            yield extract(article)
        except KGError as exc:
            failures.append(Failure(article.source, str(exc)))
        except Exception as exc:  # noqa: BLE001 - one article's bug must not end a batch of thousands
            reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
            failures.append(Failure(article.source, f"the extractor failed on article {article.id} ({reason}); "
                                                    "this is a bug in kg, please report it with the article"))


def unique_articles(articles: Iterable[Article], repeats: list[str]) -> Iterator[Article]:
    """The articles, each text once: a repeat (the same article saved twice under
    two names) is left out and noted in ``repeats``; the first copy is built."""
    first: dict[bytes, Article] = {}
    for article in articles:
        digest = hashlib.sha256(article.text.encode("utf-8")).digest()
        kept = first.setdefault(digest, article)
        if kept is article:
            yield article
        else:
            repeats.append(f"{article.source} ({article.id}): same article text as {kept.source} ({kept.id}); "
                           f"built once, as {kept.id}")


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

    repeats: list[str] = []
    # reading is lazy, so its warnings (damaged bytes, no Korean text …) arrive during extraction
    with collected_warnings() as read_warnings:
        articles = unique_articles(read_inputs(inputs, on_error=report, max_bytes=config.max_article_bytes), repeats)
        if config.progress and sys.stderr.isatty():
            from tqdm import tqdm

            articles = tqdm(articles, desc="articles", unit="article", file=sys.stderr)
        if workers > 1 or dask:
            from .parallel import extract_all

            extractions = list(extract_all(articles, lambda source, problem: failures.append(Failure(source, problem)),
                                           workers=workers, dask=dask))
        else:
            extractions = list(extract_articles(articles, failures))
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
    return _summary(extractions, failures, outputs, linked.decisions, (*read_warnings, *repeats))


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
