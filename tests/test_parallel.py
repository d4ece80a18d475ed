"""Extraction in worker processes and on a Dask cluster gives the same graph, byte for byte,
as one process; results come back in input order and failures are reported, not fatal."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.api import build
from kg.config import BuildConfig
from kg.ingest import ingest
from kg.parallel import WINDOW_PER_WORKER, _in_order, _window, extract_all
from kg.read import read_text
from kg.store import iter_nquads, open_store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "store"
NO_HTML = BuildConfig(html=False, progress=False)


@pytest.fixture(scope="module")
def one_process(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("one")
    build([FIXTURES], out, NO_HTML)
    return out


def outputs(directory: Path) -> tuple[bytes, bytes]:
    return (directory / "graph.ttl").read_bytes(), (directory / "graph.trig").read_bytes()


def test_two_worker_processes_write_the_same_bytes_and_a_json_summary(one_process, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(FIXTURES), "--out", str(tmp_path), "--no-html",
                           "--workers", "2", "--json"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["articles"] == 6 and summary["failed"] == [] and summary["entities"]["Person"] >= 5
    assert outputs(tmp_path) == outputs(one_process)


def test_a_dask_cluster_of_two_worker_processes_writes_the_same_bytes(one_process, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        summary = build([FIXTURES], tmp_path, NO_HTML, dask=cluster.scheduler_address)
    assert summary.articles == 6
    assert outputs(tmp_path) == outputs(one_process)


def test_results_come_back_in_input_order_across_chunks_and_workers():
    texts = [(FIXTURES / f"{n}.txt").read_text(encoding="utf-8") for n in ("expo", "seminar", "chip")]
    articles = [read_text(texts[i % 3], source=f"news-{i:02d}.txt") for i in range(12)]
    extracted = list(extract_all(articles, lambda source, problem: None, workers=2, chunk=2))
    assert [x.article.id for x in extracted] == [f"news-{i:02d}" for i in range(12)]
    assert [len(x.entities) for x in extracted[:3]] == [len(x.entities) for x in extracted[3:6]]


def test_workers_run_a_whole_batch_ahead_of_a_consumer_that_works_in_batches():
    # kg ingest links, builds and writes 1,000 articles at a time: meanwhile the workers extract the next 1,000
    submitted: list[int] = []

    class Done:
        def __init__(self, n):
            self.n = n

        def result(self):
            return [self.n]

    def submit(chunk):
        submitted.append(chunk)
        return Done(chunk)

    window = _window(workers=2, chunk=8, ahead=1000)
    assert window == 125 and _window(workers=2, chunk=8, ahead=0) == 2 * WINDOW_PER_WORKER
    results = _in_order(submit, iter(range(300)), window)
    assert next(results) == 0 and len(submitted) == 125   # 125 chunks of 8 = the batch in flight
    assert list(results) == list(range(1, 300))            # and still in input order


def test_an_unreadable_file_is_reported_and_the_rest_is_built(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "expo.txt").write_text((FIXTURES / "expo.txt").read_text(encoding="utf-8"), encoding="utf-8")
    summary = build([inputs], tmp_path / "out", NO_HTML, workers=2)
    assert summary.articles == 1
    assert [f.source for f in summary.failures] == [str(inputs / "empty.txt")]


def test_ingest_with_two_workers_fills_the_store_as_one_process_does(tmp_path):
    stores = {}
    for workers in (1, 2):
        with open_store(tmp_path / f"s{workers}", create=True) as store:
            summary = ingest([FIXTURES], store, workers=workers, progress=False)
            assert summary.added == 6
            stores[workers] = sorted(iter_nquads(store))
    assert stores[1] == stores[2]
