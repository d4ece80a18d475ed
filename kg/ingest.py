"""Grow a stored graph article by article.

    with open_store("store/", create=True) as store:
        summary = ingest(["today/"], store)                 # or a kg.remote.RemoteStore
        remove(["dev-000"], store)

Each article becomes its own named graph (the article IRI, as in graph.trig).
An article is hashed as read (id, text, headline, date, byline, outlet, URL
and the base IRI): an article whose hash the store already holds is skipped
without being extracted, so re-ingesting an archive costs a read and a hash
per article; a changed article is extracted again and its graph replaced in
one transaction.

New articles are extracted (in worker processes or on Dask: kg.parallel),
linked among themselves in batches (kg.linking, exactly as ``kg build``), then
mapped onto the people and organisations the store already holds (kg.known)
and written. The stages overlap: the workers extract the next batch while this
process links and builds the last one, and the store is written on a thread
of its own; a batch is only linked once the one before is in the store.
"""
from __future__ import annotations

import hashlib
import json
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import Protocol


from .api import Failure, Repeats
from .errors import InputError, KGError
from .graph import article_triples, to_ntriples
from .iri import article_iri
from .known import Known, link_to_known
from .linking import LinkDecision, link, summary_lines
from .models import Article, Extraction
from .parallel import extract_all
from .read import read_inputs
from .read.problems import collected_warnings
from .store import ArticleGraph
from .vocab import KGR_IRI

BATCH = 1000        # articles linked together
WRITE = 100         # articles written in one transaction
_LOOKUP = 256       # articles whose stored hashes are fetched at once


class Target(Protocol):
    """What ingest needs from a store: kg.store.GraphStore or kg.remote.RemoteStore."""

    path: object

    def hashes(self, iris: Iterable[str]) -> dict[str, str]: ...
    def select(self, sparql: str) -> list[dict[str, str]]: ...
    def write(self, graphs: Sequence[ArticleGraph]) -> None: ...
    def remove(self, iri: str) -> bool: ...
    def find_articles(self, article: str) -> list[str]: ...


@dataclass(frozen=True)
class IngestSummary:
    """What an ingest read and wrote."""

    added: int
    replaced: int
    unchanged: int
    failures: tuple[Failure, ...]
    warnings: tuple[str, ...] = ()
    links: tuple[LinkDecision, ...] = ()
    seconds: float = 0.0
    store: str = ""

    def lines(self) -> list[str]:
        """The summary as ``kg ingest`` prints it."""
        out = [f"{self.added} article(s) added, {self.replaced} replaced, {self.unchanged} unchanged, "
               f"{len(self.failures)} failed in {self.seconds:.1f} s ({self.store})"]
        # a link to an entity already in the store is worth a look too
        out += summary_lines(self.links, worth_a_look=lambda d: "stored" in d.reason)
        out += [f"warning: {w}" for w in self.warnings]
        out += [f"failed: {f}" for f in self.failures]
        return out

    def as_dict(self) -> dict[str, object]:
        """The summary as JSON-ready data (``kg ingest --json``)."""
        return {
            "store": self.store,
            "added": self.added,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "failed": [asdict(f) for f in self.failures],
            "warnings": list(self.warnings),
            "links": [d.as_dict() for d in self.links],
            "seconds": round(self.seconds, 3),
        }


def content_hash(article: Article, base_iri: str = KGR_IRI) -> str:
    """The hash of an article as read; the same article always gives the same hash."""
    payload = json.dumps([
        article.id, article.text, article.title, article.published.isoformat() if article.published else None,
        article.author, article.publisher, article.url, base_iri,
    ], ensure_ascii=False)
    return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class _Tally:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    existing: set[str] = field(default_factory=set)


def ingest(inputs: Iterable[str | Path], target: Target, *, base_iri: str = KGR_IRI, workers: int = 1,
           dask: str | None = None, force: bool = False, batch: int = BATCH, progress: bool = True) -> IngestSummary:
    """Add the articles in ``inputs`` to ``target``; unchanged ones are skipped (all re-extracted with ``force``).

    :raises KGError: when the store cannot be read or written; unreadable
        articles are listed in the summary instead.
    """
    started = time.perf_counter()
    failures: list[Failure] = []
    warnings: list[str] = []
    decisions: list[LinkDecision] = []
    tally = _Tally()

    def report(err: InputError) -> None:
        failures.append(Failure(err.source if err.line is None else f"{err.source}:{err.line}", err.problem))

    repeats = Repeats()  # within one ingest; the first copy given is stored
    # reading is lazy: its warnings (damaged bytes, no Korean text …) arrive while the loop runs
    with collected_warnings() as read_warnings:
        articles = _changed(repeats.unique(read_inputs(inputs, on_error=report)), target, base_iri,
                            force, tally)
        extractions: Iterator[Extraction] = extract_all(articles, lambda s, p: failures.append(Failure(s, p)),
                                                        workers=workers, dask=dask, ahead=batch)
        if progress and sys.stderr.isatty():
            from tqdm import tqdm

            extractions = tqdm(extractions, desc="articles", unit="article", file=sys.stderr)
        with _Writer(target) as writer:
            while chunk := list(islice(extractions, batch)):
                within = link(chunk)
                writer.wait()  # the batch before is in the store, so this one links to it
                linked = link_to_known(within, Known.look_up(target.select, chunk, base_iri,
                                                             union=getattr(target, "union_default", False)))
                decisions += linked.decisions
                warnings += [w for x in linked.extractions for w in x.warnings]
                graphs = article_graphs(linked.extractions, base_iri)
                for i in range(0, len(graphs), WRITE):  # smaller transactions: Oxigraph holds each in memory
                    writer.write(graphs[i:i + WRITE])
                for x in chunk:
                    if str(article_iri(x.article.id, base_iri)) in tally.existing:
                        tally.replaced += 1
                    else:
                        tally.added += 1
    warnings = [*read_warnings, *repeats.messages(), *warnings]
    return IngestSummary(tally.added, tally.replaced, tally.unchanged, tuple(failures), tuple(warnings),
                         tuple(decisions), time.perf_counter() - started, str(target.path))


class _Writer:
    """Writes a batch's graphs on one background thread, in order, while the next batch is collected.

    Oxigraph lets go of the GIL while it loads, so the store's writing
    overlaps the main thread's reading, hashing and collecting. The first
    failed write is raised by the next ``wait()``, and the writes queued after
    it are skipped; a write is one transaction in a local store and one PUT per
    article on a server, so no article is ever half written.
    """

    def __init__(self, target: Target):
        self._target = target
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-write")
        self._pending: deque[Future[None]] = deque()
        self._failed = False

    def write(self, graphs: Sequence[ArticleGraph]) -> None:
        self._pending.append(self._pool.submit(self._write, graphs))

    def _write(self, graphs: Sequence[ArticleGraph]) -> None:
        if self._failed:
            return  # an earlier write failed: its error is what the caller gets
        try:
            self._target.write(graphs)
        except BaseException:
            self._failed = True
            raise

    def wait(self) -> None:
        """Block until every write so far is done; raise the first that failed."""
        while self._pending:
            self._pending.popleft().result()

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        try:
            if exc_type is None:
                self.wait()
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)


def article_graphs(extractions: Sequence[Extraction], base_iri: str = KGR_IRI) -> list[ArticleGraph]:
    """Each extraction's named graph as N-Triples (the statements build_dataset gives), with its article's hash."""
    triples = article_triples(extractions, base_iri=base_iri)
    hashes = {article_iri(x.article.id, base_iri): content_hash(x.article, base_iri) for x in extractions}
    return [ArticleGraph(str(iri), to_ntriples(triples[iri]), hashes[iri]) for iri in triples]


def _changed(articles: Iterable[Article], target: Target, base_iri: str, force: bool,
             tally: _Tally) -> Iterator[Article]:
    """The articles whose hash the store does not hold yet; counts the rest as unchanged."""
    it = iter(articles)
    while group := list(islice(it, _LOOKUP)):
        iris = {a.id: str(article_iri(a.id, base_iri)) for a in group}
        stored = target.hashes(iris.values())
        tally.existing |= set(stored)
        for a in group:
            if not force and stored.get(iris[a.id]) == content_hash(a, base_iri):
                tally.unchanged += 1
            else:
                yield a


def remove(articles: Iterable[str], target: Target) -> list[str]:
    """Drop each article (an id like ``dev-000`` or an article IRI); the graph IRIs removed.

    :raises KGError: for an article the store does not hold (nothing is removed then).
    """
    found: list[str] = []
    for article in articles:
        iris = target.find_articles(article)
        if not iris:
            raise KGError(f"{article}: no such article in {target.path}; "
                          "`kg query articles --store …` lists the stored articles")
        found += iris
    return [iri for iri in found if target.remove(iri)]


__all__ = ["BATCH", "IngestSummary", "Target", "article_graphs", "content_hash", "ingest", "remove"]
