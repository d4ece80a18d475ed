"""Extraction over many articles: in this process, in worker processes, or on a Dask cluster.

    extract_all(articles, on_failure)                         one process
    extract_all(articles, on_failure, workers=2)              two worker processes on this machine
    extract_all(articles, on_failure, dask="tcp://host:8786") the workers of a Dask cluster

Whatever runs the extraction, the extractions come back in input order, so
the graph built from them is byte-identical to a one-process build. Articles
travel in chunks (one task per chunk, fewer round trips), and only a bounded
window of chunks is in flight: memory stays flat however many articles stream
through. Each worker loads Kiwi once (2 s, 500 MB) and keeps it for every
chunk it is given. A consumer that takes articles in batches and then works
on each batch itself (kg ingest links, builds and writes 1,000 at a time)
passes ``ahead=batch``: the workers go on extracting the next batch meanwhile
instead of idling once their few chunks in flight are done.

An article whose extraction fails is handed to ``on_failure(source, problem)``
and left out, wherever it ran: a KGError with its message, any other exception
(a bug in kg) with its type and text, so one article never ends a batch.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Any

from .errors import KGError
from .extract import extract
from .models import Article, Extraction

OnFailure = Callable[[str, str], None]
CHUNK = 8            # articles per task
WINDOW_PER_WORKER = 4  # chunks in flight per worker: enough to keep each busy while results are collected


def warm_up() -> None:
    """Load Kiwi in this process (a worker's initializer), so no article pays for it."""
    from .extract.analysis import kiwi

    kiwi().split_into_sents("가.", return_tokens=True)


def _worker_start() -> None:
    """A process-pool worker: leave with the parent, then load Kiwi.

    A worker blocks on its task queue, so a parent killed outright (SIGKILL,
    SIGTERM without cleanup) would leave it holding Kiwi's 500 MB for good.
    """
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()
    warm_up()


def extract_one(article: Article) -> Extraction | tuple[str, str]:
    """The article's extraction, or (source, problem) when it cannot be extracted."""
    try:
        return extract(article)
    except KGError as exc:
        return article.source, str(exc)
    except Exception as exc:  # noqa: BLE001 - one article's bug must not end a batch of thousands
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        return article.source, (f"the extractor failed on article {article.id} ({reason}); "
                                "this is a bug in kg, please report it with the article")


def extract_chunk(articles: list[Article]) -> list[Extraction | tuple[str, str]]:
    """Each article's extraction, or (source, problem) for one that could not be extracted."""
    return [extract_one(article) for article in articles]


def extract_all(articles: Iterable[Article], on_failure: OnFailure, *, workers: int = 1,
                dask: str | None = None, chunk: int = CHUNK, ahead: int = 0) -> Iterator[Extraction]:
    """The extraction of every article, in input order (see the module docstring).

    ``ahead``: how many articles the workers may extract before the consumer
    asks for them (at least a few chunks per worker either way).
    """
    if workers < 1:
        raise KGError(f"--workers must be 1 or more, not {workers}")
    if dask:
        results = _on_dask(articles, dask, chunk, ahead)
    elif workers > 1:
        results = _in_processes(articles, workers, chunk, ahead)
    else:
        results = (extract_one(a) for a in articles)
    for result in results:
        if isinstance(result, Extraction):
            yield result
        else:
            on_failure(*result)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def _in_order(submit: Callable[[list[Article]], Any], chunks: Iterable[list[Article]],
              window: int) -> Iterator[Extraction | tuple[str, str]]:
    """Submit chunks ahead, at most ``window`` at a time; yield results in submission order."""
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _window(workers: int, chunk: int, ahead: int) -> int:
    """Chunks in flight: a few per worker, or enough to cover ``ahead`` articles."""
    return max(workers * WINDOW_PER_WORKER, -(-ahead // chunk))


def _in_processes(articles: Iterable[Article], workers: int, chunk: int,
                  ahead: int) -> Iterator[Extraction | tuple[str, str]]:
    # spawn, not fork: a forked child would inherit the parent's threads' locks
    # (tqdm's monitor, a server's) and Python 3.14 stops defaulting to fork anyway
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_start) as pool:
        yield from _in_order(lambda c: pool.submit(extract_chunk, c), _chunks(articles, chunk),
                             _window(workers, chunk, ahead))


def _on_dask(articles: Iterable[Article], address: str, chunk: int,
             ahead: int) -> Iterator[Extraction | tuple[str, str]]:
    try:
        from distributed import Client
    except ImportError:
        raise KGError("--dask needs the dask extra: pip install 'kg[dask]'") from None
    try:
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise KGError(f"cannot reach the Dask scheduler at {address} ({exc}); start one with "
                      "`dask scheduler` and `dask worker ADDRESS`, or check the address") from None
    try:
        client.run(warm_up)  # every worker loads Kiwi now, not inside the first task
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _in_order(lambda c: client.submit(extract_chunk, c, pure=False), _chunks(articles, chunk),
                             _window(workers, chunk, ahead))
    finally:
        client.close()


__all__ = ["CHUNK", "extract_all", "extract_chunk", "extract_one", "warm_up"]
