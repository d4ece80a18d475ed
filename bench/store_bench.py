"""The store at scale: ingest rate, memory, disk, one more article, named-query latency.

    python bench/store_bench.py --articles 10000 [--rate-sample 2000] [--rdflib-sample 1000] [--work DIR]
    python bench/store_bench.py --queries STORE_DIR [--repeat 11]     (only the named queries, on a store you have)

Prints, for synthetic articles (bench/synthetic.py, fixed seed):

- Kiwi's own sentence split + tokenisation rate on the rate sample (the
  ceiling of a Kiwi-based extractor), then ``kg ingest`` end to end (read,
  extract, link, build, write to a fresh store) on the same articles with 1
  and with 2 worker processes, each as a share of Kiwi's one-core rate;
- the big store: all the articles ingested by a ``kg ingest --workers 2``
  command, its time, the peak memory of the command and its workers together
  (resident set sizes summed over the process tree, sampled 4 times a second)
  and the store's size on disk;
- one more article into the big store, in this process (Kiwi loaded) and as a
  fresh ``kg ingest`` command (which pays Python's start and Kiwi's 2 s load);
- median and p95 latency of every named query on the big store (Oxigraph,
  answered as the server answers: executed and serialised as SPARQL JSON),
  and on the rdflib-sample store next to rdflib in memory on the same data.
"""
from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402

from kg.errors import QueryError  # noqa: E402
from kg.extract.analysis import kiwi  # noqa: E402
from kg.ingest import ingest  # noqa: E402
from kg.query import named_queries, page, resolve_query, run_query  # noqa: E402
from kg.read import read_inputs  # noqa: E402
from kg.store import open_store  # noqa: E402


LIMIT = 60.0  # seconds a single query run may take before it is reported as timed out


def kiwi_rate(paths: list[Path]) -> tuple[float, int, int]:
    """Seconds for Kiwi alone over the articles, the articles and their characters."""
    articles = list(read_inputs(paths))
    kiwi().split_into_sents("가.", return_tokens=True)
    started = time.perf_counter()
    for a in articles:
        for para in a.text.split("\n"):
            if para.strip():
                kiwi().split_into_sents(para, return_tokens=True)
    return time.perf_counter() - started, len(articles), sum(len(a.text) for a in articles)


def ingest_run(paths: list[Path], store: Path, workers: int) -> tuple[float, int]:
    with open_store(store, create=True) as opened:
        started = time.perf_counter()
        summary = ingest(paths, opened, workers=workers, progress=False)
        return time.perf_counter() - started, summary.added


def tree_rss(pid: int) -> int:
    """Bytes resident in a process and all its descendants (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))) * 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def command_run(paths: list[Path], store: Path, workers: int) -> tuple[float, int]:
    """``kg ingest`` as a user runs it: seconds, and the peak memory of its process tree, sampled."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "ingest", *map(str, paths), "--store", str(store),
                             "--workers", str(workers), "--json"], stdout=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.25)
    if proc.returncode != 0:
        raise SystemExit(f"kg ingest failed ({proc.returncode})")
    return time.perf_counter() - started, peak


def disk(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def latencies(run, repeat: int) -> tuple[float, float] | None:
    """Median and p95 seconds of ``run()``; None when it passed its time limit (QueryError)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            run()
        except QueryError:
            return None
        times.append(time.perf_counter() - started)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]


def ms(seconds: float | None) -> str:
    return f"> {LIMIT:.0f} s" if seconds is None else f"{seconds * 1000:,.1f} ms"


def mib(kib: int) -> str:
    return f"{kib / 1024:,.0f} MiB"


# a typical value for each parameter, taken from the store: what a user looks up
_TYPICAL = {
    "org": "SELECT ?v WHERE { ?p kgo:affiliatedWith ?o . ?o rdfs:label ?v FILTER(LANG(?v) = 'ko') } "
           "GROUP BY ?v ORDER BY DESC(COUNT(*)) ?v LIMIT 1",
    "name": "SELECT ?v WHERE { ?p a kgo:Person ; kgo:holdsPosition ?pos ; rdfs:label ?v FILTER(LANG(?v) = 'ko') } "
            "GROUP BY ?v ORDER BY DESC(COUNT(*)) ?v LIMIT 1",
}


def query_latencies(store: Path, repeat: int) -> None:
    """Median and p95 of every named query on ``store``: over everything, and with a typical parameter."""
    with open_store(store) as opened:
        typical = {k: opened.select(q)[0]["v"] for k, q in _TYPICAL.items()}
        print(f"named queries on {store} (Oxigraph, {repeat} runs, executed + serialised as SPARQL JSON; "
              f"org = {typical['org']}, name = {typical['name']}):")
        for nq in named_queries():
            takes = {p.name for p in nq.parameters} & set(typical)
            for params in ({}, {k: typical[k] for k in takes}) if takes else ({},):
                sparql = resolve_query(nq.name, params, engine="oxigraph")
                timing = latencies(lambda: opened.answer(sparql, "application/sparql-results+json", timeout=LIMIT,
                                                         max_bytes=2**40), repeat)
                median, p95 = timing or (None, None)
                given = ", ".join(f"{k}=…" for k in params) or "(all)"
                print(f"  {nq.name:22} {given:14} median {ms(median):>12}   p95 {ms(p95):>12}", flush=True)
                if not params:  # what `kg query NAME --limit 100` shows first: still sorted, so still a full pass
                    first = page(sparql, 100)
                    timing = latencies(lambda: opened.answer(first, "application/sparql-results+json", timeout=LIMIT,
                                                             max_bytes=2**40), repeat)
                    median, p95 = timing or (None, None)
                    print(f"  {nq.name:22} {'first 100':14} median {ms(median):>12}   p95 {ms(p95):>12}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--queries", type=Path, default=None, metavar="STORE",
                    help="only time the named queries on this store")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--rate-sample", type=int, default=2000, help="articles for the 1- and 2-worker rates")
    ap.add_argument("--rdflib-sample", type=int, default=1000, help="articles for the rdflib comparison")
    ap.add_argument("--repeat", type=int, default=11, help="runs of each query on Oxigraph")
    ap.add_argument("--work", type=Path, default=None, help="keep the articles and stores here")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if args.queries:
        query_latencies(args.queries, args.repeat)
        return
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)

    all_dir = work / "articles"
    if not all_dir.exists():
        synthetic.write(args.articles, all_dir, args.seed, per_file=500)
    paths = sorted(all_dir.glob("*.jsonl"))
    sample_files = max(1, min(args.rate_sample, args.articles) // 500)
    sample = paths[:sample_files]
    print(f"{args.articles:,} synthetic articles (seed {args.seed}) in {work}")

    kiwi_s, n_sample, chars = kiwi_rate(sample)
    print(f"rate sample: {n_sample:,} articles, {chars / n_sample:,.0f} characters each on average")
    print(f"  Kiwi alone (1 core)   : {n_sample / kiwi_s:7.1f} articles/s")
    rates = {}
    for workers in (1, 2):
        store = work / f"sample-{workers}"
        shutil.rmtree(store, ignore_errors=True)
        seconds, added = ingest_run(sample, store, workers)
        rates[workers] = added / seconds
        print(f"  kg ingest, {workers} worker{'s' if workers > 1 else ' '}  : {rates[workers]:7.1f} articles/s "
              f"= {rates[workers] / (n_sample / kiwi_s):4.0%} of Kiwi's one-core rate")

    big = work / "store"
    shutil.rmtree(big, ignore_errors=True)
    big_seconds, peak = command_run(paths, big, 2)
    print(f"big store: {args.articles:,} articles by `kg ingest --workers 2` in {big_seconds:,.0f} s "
          f"({args.articles / big_seconds:.1f} articles/s)")
    print(f"  peak memory of the command and its workers together: {peak / 2**20:,.0f} MiB")
    with open_store(big) as opened:
        quads = len(opened)
    print(f"  on disk: {disk(big) / 2**20:,.0f} MiB for {quads:,} quads (article graphs + their union)")

    extra = work / "one-more"
    shutil.rmtree(extra, ignore_errors=True)
    extra.mkdir()
    record = synthetic.article(synthetic.World(args.articles, synthetic.random.Random(args.seed + 1)), 999_999)
    (extra / "one.txt").write_text(record["text"], encoding="utf-8")
    with open_store(big) as opened:
        started = time.perf_counter()
        ingest([extra / "one.txt"], opened, progress=False)
        in_process = time.perf_counter() - started
    (extra / "two.txt").write_text(record["text"] + "\n추가 문장이다.", encoding="utf-8")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "ingest", str(extra / "two.txt"), "--store", str(big)],
                   check=True, capture_output=True)
    command = time.perf_counter() - started
    print(f"one more article: {in_process * 1000:,.0f} ms in process; {command:.1f} s as a new kg ingest command")

    print(f"named queries on the big store (Oxigraph, {args.repeat} runs, executed + serialised as JSON):")
    # each engine runs the named query written for its planner (kg.query.resolve_query)
    queries = [(nq.name, resolve_query(nq.name, {}, engine="oxigraph")) for nq in named_queries()]
    for_rdflib = {nq.name: resolve_query(nq.name, {}) for nq in named_queries()}
    # one open store to the end: a query abandoned at its time limit keeps the store open in its thread
    big_store = open_store(big)
    with contextlib.nullcontext(big_store) as opened:
        for name, sparql in queries:
            timing = latencies(lambda: opened.answer(sparql, "application/sparql-results+json", timeout=LIMIT,
                                                     max_bytes=2**40), args.repeat)
            median, p95 = timing or (None, None)
            print(f"  {name:22} median {ms(median):>12}   p95 {ms(p95):>12}")

    small = big if args.rdflib_sample >= args.articles else work / f"rdflib-{args.rdflib_sample}"
    if not small.exists():
        ingest_run(paths[: max(1, args.rdflib_sample // 500)], small, 2)
    with (big_store if small == big else open_store(small)) as opened:
        dataset = opened.dataset()
        print(f"rdflib sample: {args.rdflib_sample:,} articles ({len(dataset):,} triples in the union); "
              "Oxigraph on the same store vs rdflib in memory (3 runs for rdflib):")
        for name, sparql in queries:
            ox = latencies(lambda: opened.answer(sparql, "application/sparql-results+json", timeout=LIMIT,
                                                 max_bytes=2**40), args.repeat)
            rdf = latencies(lambda: run_query(dataset, for_rdflib[name], timeout=LIMIT), 3)
            ratio = f"×{rdf[0] / ox[0]:,.0f}" if ox and rdf else ""
            print(f"  {name:22} Oxigraph {ms(ox and ox[0]):>12}   rdflib {ms(rdf and rdf[0]):>12}   {ratio}")


if __name__ == "__main__":
    main()
