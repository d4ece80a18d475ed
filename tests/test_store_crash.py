"""A store survives `kill -9` in the middle of an ingest (a real process, a real store)."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNT = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a schema:NewsArticle } }"
DUPLICATES = ("SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?a (COUNT(DISTINCT ?g) AS ?k) "
              "WHERE { GRAPH ?g { ?a a schema:NewsArticle } } GROUP BY ?a } FILTER(?k > 1) }")


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=600)


def count(store: Path, sparql: str) -> int:
    proc = kg("query", sparql, "--store", str(store), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    return int(proc.stdout.splitlines()[1])


def test_a_store_killed_mid_ingest_reopens_whole_and_the_ingest_completes(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for i in range(250):
        (articles / f"a{i:02d}.txt").write_text(
            f"'2025 한빛 박람회 {i}회'가 서울 코엑스에서 열렸다.\n"
            f"도하준{i % 7} 누리{i}전자 대표는 \"함께 성장하겠다\"고 말했다.\n", encoding="utf-8")
    # how long a whole ingest takes here, so the kill lands in the middle of one
    started = time.monotonic()
    assert kg("ingest", str(articles), "--store", str(tmp_path / "reference")).returncode == 0
    whole = time.monotonic() - started
    store = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-m", "kg", "ingest", str(articles), "--store", str(store)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(whole * 0.75)  # writes come in 100-article transactions late in the run
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    # the store opens, answers, and holds only whole articles
    partial = count(store, COUNT)
    assert 0 <= partial <= 250
    assert count(store, DUPLICATES) == 0

    again = kg("ingest", str(articles), "--store", str(store))
    assert again.returncode == 0, again.stderr
    assert count(store, COUNT) == 250
    assert count(store, DUPLICATES) == 0
    # a third run changes nothing
    assert kg("ingest", str(articles), "--store", str(store)).returncode == 0
    assert count(store, COUNT) == 250
