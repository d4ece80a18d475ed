"""Time to first draw of the HTML view for synthetic graphs, in headless Chromium.

    python bench/view_first_draw.py                 # 1,000 and 10,000 nodes, 3 runs each
    python bench/view_first_draw.py 2000 --runs 5   # other sizes

Each graph has N entities of the seven types and 2N relations (half of the
objects drawn by preferential attachment, so there are hubs as in news). The
script renders it with kg.render.render_html, opens the file in Debian's
Chromium through Playwright, and reads ``window.__kgFirstDraw``: the
performance.now() of vis-network's first 'afterDrawing' event, i.e. the
milliseconds from navigation start to the first frame on screen. It also
prints the Python side (layout + HTML) and the file size. Needs
``pip install playwright`` and /usr/bin/chromium (no browser download).
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.models import EntityType, Predicate  # noqa: E402
from kg.render import render_html  # noqa: E402
from kg.vocab import KGO, KGR  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
_TYPE_WEIGHTS = {EntityType.PERSON: 30, EntityType.ORGANIZATION: 25, EntityType.AWARD: 8, EntityType.POLICY: 10,
                 EntityType.EVENT: 12, EntityType.VENUE: 5, EntityType.LOCATION: 10}
_SYLLABLES = "가나다라마바사아자차카타파하김이박최정강조윤장임한오서신권황안송류홍"


def synthetic_graph(nodes: int, edges: int, seed: int = 1) -> Graph:
    """``nodes`` typed, labelled entities and ``edges`` distinct relations between them."""
    rng = random.Random(seed)
    g = Graph()
    entities = []
    types = list(_TYPE_WEIGHTS)
    for i in range(nodes):
        type_ = rng.choices(types, weights=list(_TYPE_WEIGHTS.values()))[0]
        name = "".join(rng.choice(_SYLLABLES) for _ in range(3)) + str(i)
        iri = KGR[f"{type_.value.lower()}/{name}"]
        g.add((iri, RDF.type, KGO[type_.value]))
        g.add((iri, RDFS.label, Literal(name, lang="ko")))
        entities.append(iri)
    targets = [entities[0]]  # grows with every edge: picking from it favours the well-connected
    predicates = list(Predicate)
    seen: set[tuple[int, int]] = set()
    index = {iri: i for i, iri in enumerate(entities)}
    while len(seen) < edges:
        s = rng.randrange(nodes)
        o = index[rng.choice(targets)] if rng.random() < 0.5 else rng.randrange(nodes)
        if s == o or (s, o) in seen or (o, s) in seen:
            continue
        seen.add((s, o))
        targets.append(entities[o])
        g.add((entities[s], KGO[rng.choice(predicates).value], entities[o]))
    return g


def first_draw_ms(page, html: Path) -> float:
    page.goto(html.as_uri())
    page.wait_for_function("window.__kgFirstDraw !== undefined", timeout=300_000)
    return float(page.evaluate("window.__kgFirstDraw"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000], help="node counts (edges: twice as many)")
    parser.add_argument("--runs", type=int, default=3, help="page loads per size (the median is printed)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print(f"{'nodes':>7} {'edges':>7} {'render (s)':>10} {'HTML (MB)':>9} {'first draw (s)':>14}  runs")
        for n in args.sizes:
            graph = synthetic_graph(n, 2 * n)
            out = Path(tmp) / f"graph-{n}.html"
            start = time.perf_counter()
            render_html(graph, out, title=f"synthetic {n}")
            rendered = time.perf_counter() - start
            times = []
            for _ in range(args.runs):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                times.append(first_draw_ms(page, out) / 1000)
                page.close()
            runs = " ".join(f"{t:.2f}" for t in times)
            print(f"{n:>7} {2 * n:>7} {rendered:>10.2f} {out.stat().st_size / 1e6:>9.1f} "
                  f"{statistics.median(times):>14.2f}  {runs}")
        browser.close()


if __name__ == "__main__":
    main()
