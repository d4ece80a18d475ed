"""A store survives `kill -9` in the middle of an ingest (a real process, a real store).

The test watches the store through a read-only handle while a real `kg
ingest` writes to it, kills the process (SIGKILL) as soon as it has stored a
given number of articles (so the kill lands among its writes, not before or
after them), checks the store, and does it again from where it stopped.
"""
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

from kg.store import CONTENT_HASH, open_store

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = 400
ARTICLE_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a a <https://schema.org/NewsArticle> } }"
HASHED_GRAPHS = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?a <{CONTENT_HASH}> ?h }} }}"


def write_articles(folder: Path) -> None:
    folder.mkdir()
    for i in range(ARTICLES):
        (folder / f"a{i:03d}.txt").write_text(
            f"'2025 한빛 박람회 {i}회'가 서울 코엑스에서 열렸다.\n"
            f"도하준{i % 7} 누리{i}전자 대표는 \"함께 성장하겠다\"고 말했다.\n", encoding="utf-8")


def ingest(articles: Path, store: Path) -> subprocess.Popen:
    # small batches: many separate write transactions spread over the run
    return subprocess.Popen([sys.executable, "-m", "kg", "ingest", str(articles), "--store", str(store),
                             "--batch", "4"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def stored_articles(store: Path) -> int:
    """Articles in the store, read without taking the writer's lock; -1 while it is being created."""
    try:
        return len(list(ox.Store.read_only(str(store)).query(ARTICLE_GRAPHS)))
    except (OSError, RuntimeError):  # no store yet, or its column families not all made yet
        return -1


def kill_after(proc: subprocess.Popen, store: Path, at_least: int) -> int:
    """SIGKILL the ingest once the store holds ``at_least`` articles; how many it held just before."""
    seen = -1
    while proc.poll() is None:
        seen = stored_articles(store)
        if seen >= at_least:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.01)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, f"the ingest ended by itself first: {proc.stderr.read()}"
    return seen


def check_whole(store: Path) -> int:
    """The store opens for writing, and every article graph in it was written whole."""
    with open_store(store) as opened:
        articles = {r["g"] for r in opened.select(ARTICLE_GRAPHS)}
        hashed = {r["g"] for r in opened.select(HASHED_GRAPHS)}
    # article, statements and content hash go in one transaction: no graph has one without the other
    assert articles == hashed
    return len(articles)


def test_a_store_killed_repeatedly_mid_ingest_reopens_whole_and_the_ingest_completes(tmp_path):
    articles = tmp_path / "articles"
    write_articles(articles)
    store = tmp_path / "store"

    held = 0
    for at_least in (40, 160, 280):
        seen = kill_after(ingest(articles, store), store, at_least)
        assert seen >= at_least
        now = check_whole(store)
        # killed among its writes: some articles stored, not all, and none lost from the earlier runs
        assert held < now < ARTICLES
        held = now

    rest = subprocess.run([sys.executable, "-m", "kg", "ingest", str(articles), "--store", str(store), "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert rest.returncode == 0, rest.stderr
    assert check_whole(store) == ARTICLES
    # the last run only added what the killed runs had not stored: no article twice
    assert f'"unchanged": {held}' in rest.stdout
    with open_store(store) as opened:
        assert opened.select("SELECT (COUNT(?a) AS ?n) WHERE { GRAPH ?g { ?a a <https://schema.org/NewsArticle> } }"
                             )[0]["n"] == str(ARTICLES)
