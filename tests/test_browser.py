"""The HTML view in a real browser: Debian's Chromium driven through Playwright.

Each page is opened from a file with every request, console message and dialog
recorded: nothing may leave file:// (or data:/blob:), nothing may log an error,
and nothing from an article may run. Playwright's bundled driver is used with
the system Chromium (no browser download). The sample's screenshot is saved to
docs/view.png for the README.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal

import kg
from kg.graph import build_dataset, union_graph
from kg.models import Article, Entity, EntityType, Evidence, Extraction, Position, Predicate, Quote, Relation
from kg.render import render_html
from kg.vocab import KGO, KGR

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "query" / "small.ttl"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium fonts-nanum; .ci/run does)",
)


@dataclass
class Opened:
    """A page and everything it did."""

    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.dialogs == []
        assert [u for u in self.requests if not u.startswith(("file:", "data:", "blob:"))] == []


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_view(browser):
    pages = []

    def open_(html: Path, *, settle: bool = True) -> Opened:
        page = browser.new_page(viewport={"width": 1400, "height": 860}, accept_downloads=True)
        pages.append(page)
        opened = Opened(page)
        page.on("request", lambda r: opened.requests.append(r.url))
        page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.goto(html.as_uri())
        page.wait_for_function("window.__kgFirstDraw !== undefined", timeout=60_000)
        if settle:  # a small graph runs physics first, then stops it: wait so nodes stay where they are
            page.wait_for_function("document.getElementById('kg-physics').getAttribute('aria-pressed') === 'false'",
                                   timeout=60_000)
        return opened

    yield open_
    for page in pages:
        page.close()


@pytest.fixture(scope="module")
def small_html(tmp_path_factory) -> Path:
    g = Graph()
    g.parse(FIXTURE, format="turtle")
    return render_html(g, tmp_path_factory.mktemp("view") / "graph.html", title="기사 그래프")


def node_id(view: Opened, label: str) -> int:
    return view.js("label => kgView.data.nodes.find(n => n.label === label).id", label)


def node_point(view: Opened, label: str) -> tuple[float, float]:
    """Where the node is on the screen."""
    point = view.js("""id => {
        const p = kgView.network.canvasToDOM(kgView.network.getPositions([id])[id]);
        const box = document.querySelector('#kg-network canvas').getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];
    }""", node_id(view, label))
    return point[0], point[1]


def painted_pixels(view: Opened) -> int:
    return view.js("""() => {
        const c = document.querySelector('#kg-network canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } }
        return n;
    }""")


# -- drawing, searching, clicking, filtering ----------------------------------------------------


def test_every_node_is_drawn_on_the_canvas(open_view, small_html):
    view = open_view(small_html)
    assert view.js("Object.keys(kgView.network.getPositions()).length") == 18
    assert view.js("kgView.nodes.length") == 18
    assert painted_pixels(view) > 5_000
    assert view.js("window.__kgFirstDraw") > 0
    view.assert_clean()


def test_the_search_box_suggests_names_and_focuses_the_node(open_view, small_html):
    view = open_view(small_html)
    view.page.focus("#kg-search")
    suggestions = view.js("[...document.querySelectorAll('#kg-names option')].map(o => o.value)")
    assert {"중소벤처기업부", "중기부", "KITA", "Oh Young-joo"} <= set(suggestions)
    view.page.fill("#kg-search", "중기부")  # an alias
    view.page.press("#kg-search", "Enter")
    assert view.js("kgView.network.getSelectedNodes()") == [node_id(view, "중소벤처기업부")]
    assert view.page.inner_text("#kg-panel h2") == "중소벤처기업부"
    view.page.fill("#kg-search", "없는 이름")
    view.page.press("#kg-search", "Enter")
    assert view.page.inner_text("#kg-search-status") == "찾지 못했습니다"
    view.assert_clean()


def test_clicking_a_node_opens_its_panel_and_dims_the_rest(open_view, small_html):
    view = open_view(small_html)
    view.page.mouse.click(*node_point(view, "한국무역협회"))
    panel = view.page.inner_text("#kg-panel")
    assert panel.startswith("닫기 ✕\n한국무역협회\n조직\nOrganization")
    assert "별칭\nKITA, 무역협회" in panel
    for text in ("협력", "partneredWith", "중소벤처기업부", "이수진",  # relations out and in
                 "2024-12-02", "무역협회, 서울서 수출 상담회 개최", "무역협회는 중기부와 함께 수출 상담회를 준비했다."):
        assert text in panel
    neighbours = {"한국무역협회", "중소벤처기업부", "이수진", "수출 상담회", "탄소국경조정제도"}
    assert set(view.js("kgView.highlighted().map(id => kgView.data.nodes[id].label)")) == neighbours
    # the panel's names are links to their nodes
    view.page.click("#kg-panel button.entity >> text=이수진")
    assert view.js("kgView.network.getSelectedNodes()") == [node_id(view, "이수진")]
    # the background restores everything
    view.page.mouse.click(250, 845)
    assert view.js("document.getElementById('kg-panel').hidden") is True
    assert view.js("kgView.highlighted()") == []
    view.assert_clean()


def test_type_and_relation_filters_hide_nodes_and_edges(open_view, small_html):
    view = open_view(small_html)
    people = "kgView.nodes.get({filter: n => n.group === 'Person'})"
    view.page.uncheck("#kg-type-filter input[data-group=Person]")
    assert view.js(f"{people}.every(n => n.hidden === true)")
    assert view.js(f"{people}.length") == 4
    assert view.js("kgView.nodes.get({filter: n => n.group !== 'Person'}).every(n => !n.hidden)")
    assert view.js("""kgView.edges.get().filter(e => kgView.data.nodes[e.from].group === 'Person')
                      .every(e => e.hidden === true)""")
    view.page.check("#kg-type-filter input[data-group=Person]")
    assert view.js(f"{people}.every(n => !n.hidden)")

    view.page.uncheck("#kg-relation-filter input[data-rel=locatedIn]")
    assert view.js("kgView.edges.get({filter: e => e.rel === 'locatedIn'}).map(e => e.hidden)") == [True, True]
    assert view.js("kgView.edges.get({filter: e => e.rel !== 'locatedIn'}).every(e => !e.hidden)")
    view.assert_clean()


def test_physics_button_and_png_download(open_view, small_html):
    view = open_view(small_html)
    view.page.click("#kg-physics")
    assert view.page.get_attribute("#kg-physics", "aria-pressed") == "true"
    assert view.js("kgView.network.physics.physicsEnabled") is True
    view.page.click("#kg-physics")
    assert view.js("kgView.network.physics.physicsEnabled") is False
    with view.page.expect_download() as info:
        view.page.click("#kg-png")
    download = info.value
    assert download.suggested_filename == "graph.png"
    assert Path(download.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    view.assert_clean()


def big_graph(nodes: int) -> Graph:
    """``nodes`` organisations, each linked to the one before and to one chosen at random (fixed seed)."""
    rng = random.Random(5)
    g = Graph()
    iris = [KGR[f"organization/o{i}"] for i in range(nodes)]
    for i, iri in enumerate(iris):
        g.add((iri, RDF.type, KGO.Organization))
        g.add((iri, RDFS.label, Literal(f"기관{i}", lang="ko")))
        if i:
            g.add((iri, KGO.partneredWith, iris[i - 1]))
            g.add((iri, KGO.locatedIn, iris[rng.randrange(i)]))
    return g


def test_a_big_graph_starts_still_with_its_positions(open_view, tmp_path):
    html = render_html(big_graph(1000), tmp_path / "big.html")
    view = open_view(html, settle=False)
    assert view.page.get_attribute("#kg-physics", "aria-pressed") == "false"
    assert view.js("Object.keys(kgView.network.getPositions()).length") == 1000
    drawn = view.js("kgView.network.getPositions([0])[0]")  # vis-network rounds to whole pixels
    given = view.js("kgView.data.nodes[0]")
    assert abs(drawn["x"] - given["x"]) <= 1 and abs(drawn["y"] - given["y"]) <= 1
    assert painted_pixels(view) > 20_000
    view.assert_clean()


# -- hostile articles -------------------------------------------------------------------------

HOSTILE_NAME = '<img src=x onerror="window.__pwned=1;alert(1)">'
HOSTILE_QUOTE = 'a "quote" with \\ backslashes\nand a newline </script><script>window.__pwned=2;alert(2)</script>'


def hostile_extraction() -> Extraction:
    aid = "news/hostile.txt"
    sentence1 = f"{HOSTILE_NAME} 한빛정밀 대표는 14일 \"{HOSTILE_QUOTE}\"라고 말했다."
    text = sentence1

    def ev(rule: str) -> Evidence:
        return Evidence(aid, sentence1, 0, len(sentence1), rule)

    person = f"Person/{HOSTILE_NAME}"
    return Extraction(
        article=Article(id=aid, text=text, source="hostile.txt", title="<script>alert('headline')</script> 헤드라인",
                        published=dt.date(2024, 11, 14), url="javascript:alert('url')"),
        entities=(Entity(EntityType.PERSON, HOSTILE_NAME, aliases=('"\\\n<b>alias</b>',)),
                  Entity(EntityType.ORGANIZATION, "한빛정밀")),
        relations=(Relation(person, Predicate.AFFILIATED_WITH, "Organization/한빛정밀", ev("title.affiliation")),),
        positions=(Position(person, "Organization/한빛정밀", "대표", ev("title.position")),),
        quotes=(Quote(person, HOSTILE_QUOTE, ev("quote.direct")),),
    )


def test_a_hostile_article_is_shown_as_text_and_runs_nothing(open_view, tmp_path):
    html = render_html(union_graph(build_dataset([hostile_extraction()])), tmp_path / "hostile.html",
                       title="<script>alert('title')</script>")
    view = open_view(html)
    assert view.page.title() == "<script>alert('title')</script>"
    view.page.fill("#kg-search", HOSTILE_NAME)
    view.page.press("#kg-search", "Enter")
    panel = view.page.inner_text("#kg-panel")
    assert HOSTILE_NAME in panel
    assert "\"\\ <b>alias</b>" in " ".join(panel.split())  # the alias, newline and all, as text
    assert "</script><script>window.__pwned=2;alert(2)</script>" in panel
    assert "<script>alert('headline')</script> 헤드라인" in panel
    assert view.js("document.querySelectorAll('#kg-panel img, #kg-panel script, #kg-panel b').length") == 0
    assert view.js("document.querySelectorAll('#kg-panel a').length") == 0  # a javascript: address is no link
    # hovering shows the tooltip, as text too
    view.page.wait_for_timeout(600)  # the focus animation
    x, y = node_point(view, HOSTILE_NAME)
    view.page.mouse.move(x - 30, y - 30)
    view.page.mouse.move(x, y, steps=5)
    view.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=10_000)
    assert HOSTILE_NAME in view.page.inner_text("div.vis-tooltip")
    assert view.js("document.querySelectorAll('img, body script:not(:first-of-type)').length") == 0
    assert view.js("window.__pwned") is None
    view.assert_clean()


# -- the sample article, as the README shows it ------------------------------------------------------


def test_the_sample_builds_a_view_worth_a_screenshot(open_view, tmp_path):
    summary = kg.build([ROOT / "samples" / "dev-000.txt"], tmp_path)
    view = open_view(summary.outputs["html"])
    view.page.fill("#kg-search", "오영주")
    view.page.press("#kg-search", "Enter")
    panel = view.page.inner_text("#kg-panel")
    assert panel.split("\n")[1] == "오영주"
    assert "O Yeongju" in panel
    assert "장관" in panel
    view.page.wait_for_timeout(600)  # the focus animation
    (ROOT / "docs").mkdir(exist_ok=True)
    view.page.screenshot(path=str(ROOT / "docs" / "view.png"))
    assert (ROOT / "docs" / "view.png").stat().st_size > 50_000
    view.assert_clean()
