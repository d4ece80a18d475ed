"""kg.render: the offline HTML view, checked as text.

What the page contains, what it must never contain (addresses to fetch, raw
markup from article text), and the data it hands to its script, read back from
the page's JSON. tests/test_browser.py drives the same pages in Chromium.
"""
from __future__ import annotations

import json
import math
import random
import re
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.errors import ExportError
from kg.graph import build_dataset, union_graph
from kg.render import PHYSICS_LIMIT, render_html
from kg.vocab import KGO, KGR, SCHEMA

from conftest import SAMPLE_QUOTE, make_sample_extraction

FIXTURE = Path(__file__).parent / "fixtures" / "query" / "small.ttl"

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    'Quote " and \\ backslash\nnewline \u2028 separator',
    "</script><!-- comment",
]


def fixture_graph() -> Graph:
    g = Graph()
    g.parse(FIXTURE, format="turtle")
    return g


def page_data(html: str) -> dict:
    """The JSON object the page assigns to ``var data = …;``."""
    match = re.search(r"^  var data = (\{.*\});$", html, re.M)
    assert match, "no data in the page"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("view") / "graph.html"
    assert render_html(fixture_graph(), out, title="기사 그래프") == out
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def data(page) -> dict:
    return page_data(page)


def node(data: dict, label: str) -> dict:
    [found] = [n for n in data["nodes"] if n["label"] == label]
    return found


def edges_between(data: dict, source: str, target: str) -> list[dict]:
    ids = {node(data, source)["id"], node(data, target)["id"]}
    return [e for e in data["edges"] if {e["from"], e["to"]} == ids]


def sentences(data: dict, item: dict) -> list[str]:
    return [data["evidence"][i][0] for i in item.get("evidence", [])]


# -- nodes, edges, tooltips -----------------------------------------------------------------


def test_every_entity_is_a_node_with_its_label(data):
    assert {n["label"] for n in data["nodes"]} == {
        "오영주", "김태완", "이수진", "박지민",
        "중소벤처기업부", "한국무역협회", "한빛소재", "대한전자", "한빛일보",
        "은탑산업훈장", "대통령표창", "스마트공장 보급사업", "탄소국경조정제도",
        "2024 중소기업 혁신대전", "수출 상담회", "대전컨벤션센터", "대전", "서울",
    }
    assert node(data, "오영주")["iri"] == str(KGR["person/오영주"])


def test_each_type_has_its_own_colour_and_shape(data):
    groups = data["options"]["groups"]
    core = ["Person", "Organization", "Award", "Policy", "Event", "Venue", "Location"]
    styles = {g: (groups[g]["color"]["background"], groups[g]["shape"]) for g in core}
    assert len(set(styles.values())) == 7
    assert node(data, "오영주")["group"] == "Person"
    assert node(data, "중소벤처기업부")["group"] == "Organization"  # also a GovernmentAgency: the core type wins
    assert node(data, "대전컨벤션센터")["group"] == "Venue"


def test_the_filter_bar_lists_every_type_and_relation_with_counts(page, data):
    types = page[page.index('<fieldset id="kg-type-filter">'): page.index('<fieldset id="kg-relation-filter">')]
    for korean, english, count in [("인물", "Person", 4), ("조직", "Organization", 5), ("상", "Award", 2),
                                   ("정책", "Policy", 2), ("행사", "Event", 2), ("장소", "Venue", 1),
                                   ("지역", "Location", 2)]:
        assert re.search(rf'data-group="{english}">.*?<span>{korean}</span> <span class="en">{english}</span>'
                         rf'<span class="count">{count}</span>', types)
    relations = page[page.index('<fieldset id="kg-relation-filter">'):]
    for korean, english in [("소속", "affiliatedWith"), ("수상", "receivedAward"), ("개최 장소", "heldAt"),
                            ("위치", "locatedIn"), ("주최", "organizedBy"), ("추진", "promotes"),
                            ("참가", "participatedIn"), ("협력", "partneredWith")]:
        assert f'data-rel="{english}"><span>{korean}</span> <span class="en">{english}</span>' in relations
    assert {r["rel"]: r["count"] for r in data["relations"]}["partneredWith"] == 2


def test_edges_are_labelled_in_korean_with_the_english_property_on_hover(data):
    [held] = edges_between(data, "2024 중소기업 혁신대전", "대전컨벤션센터")
    assert held["label"] == "개최 장소"
    assert held["rel"] == "heldAt"
    assert held["title"].split("\n")[:2] == ["heldAt (개최 장소)", "2024 중소기업 혁신대전 → 대전컨벤션센터"]
    assert "“2024 중소기업 혁신대전은 대전컨벤션센터에서 열렸다.”" in held["title"]
    expected = {
        ("대전컨벤션센터", "대전"): "위치",
        ("2024 중소기업 혁신대전", "중소벤처기업부"): "주최",
        ("중소벤처기업부", "스마트공장 보급사업"): "추진",
        ("이수진", "수출 상담회"): "참가",
        ("이수진", "한국무역협회"): "소속",  # no Position, so no title
        ("대한전자", "대통령표창"): "수상",
    }
    for (source, target), label in expected.items():
        assert [e["label"] for e in edges_between(data, source, target)] == [label]


def test_affiliations_carry_the_title_of_the_position(data):
    [edge] = edges_between(data, "오영주", "중소벤처기업부")
    assert edge["label"] == "장관"
    assert edge["title"].startswith("affiliatedWith (소속)\n")
    assert edge["notes"] == ["직함: 장관"]


def test_a_conferral_names_its_event_on_the_award_edge(data):
    [edge] = edges_between(data, "김태완", "은탑산업훈장")
    assert edge["label"] == "수상"
    assert edge["notes"] == ["행사: 2024 중소기업 혁신대전"]


def test_a_partnership_stated_both_ways_is_one_undirected_edge(data):
    [edge] = edges_between(data, "중소벤처기업부", "한국무역협회")
    assert edge["label"] == "협력"
    assert edge["arrows"] == {"to": {"enabled": False}}
    assert sentences(data, edge) == ["무역협회는 중기부와 함께 수출 상담회를 준비했다."]


def test_node_tooltips_are_plain_text_with_type_and_aliases(data):
    ministry = node(data, "중소벤처기업부")
    assert ministry["title"].split("\n")[:4] == [
        "중소벤처기업부", "유형: 조직 (Organization)", "별칭: Ministry of SMEs and Startups, 중기부", "언급된 기사: 3건",
    ]
    assert ministry["aliases"] == ["Ministry of SMEs and Startups", "중기부"]


# -- what the side panel shows ------------------------------------------------------------------


def test_a_node_carries_its_evidence_sentences_with_their_articles(data):
    ministry = node(data, "중소벤처기업부")
    assert sentences(data, ministry) == [
        "무역협회는 중기부와 함께 수출 상담회를 준비했다.",
        "오영주 중소벤처기업부 장관은 축사에서 수상자들을 격려했다.",
        "중기부는 스마트공장 보급사업을 내년에도 이어간다.",
    ]
    by_sentence = {data["evidence"][i][0]: data["articles"][data["evidence"][i][1]] for i in ministry["evidence"]}
    assert by_sentence["중기부는 스마트공장 보급사업을 내년에도 이어간다."] == {
        "iri": str(KGR["article/a2"]), "headline": "중기부, 스마트공장 보급사업 확대", "date": "2024-11-20", "url": "",
    }
    assert sorted(data["articles"][a]["headline"] for a in ministry["mentions"]) == [
        "김태완 대표, 2024 중소기업 혁신대전서 은탑산업훈장", "무역협회, 서울서 수출 상담회 개최", "중기부, 스마트공장 보급사업 확대",
    ]


@pytest.fixture(scope="module")
def built_data(tmp_path_factory) -> dict:
    """The view of a graph built by kg from the conftest article: romanised labels, a url, a quote."""
    out = tmp_path_factory.mktemp("built") / "graph.html"
    render_html(union_graph(build_dataset([make_sample_extraction()])), out)
    return page_data(out.read_text(encoding="utf-8"))


def test_an_article_link_headline_and_date_reach_the_panel(built_data):
    speaker = node(built_data, "오영주")
    quote = f"오 장관은 \"{SAMPLE_QUOTE}\"라고 말했다."
    assert quote in sentences(built_data, speaker)
    [index] = [i for i in speaker["evidence"] if built_data["evidence"][i][0] == quote]
    article = built_data["articles"][built_data["evidence"][index][1]]
    assert article["headline"] == "중기부, 2024 중소기업 혁신대전 개최…김태완 대표 은탑산업훈장"
    assert article["date"] == "2024-11-14"
    assert article["url"] == "https://news.example/articles/2024/11/14/innovation?id=1"


def test_romanised_labels_are_kept_apart_from_aliases(built_data):
    speaker = node(built_data, "오영주")
    assert speaker["latin"] == ["O Yeongju"]
    assert "aliases" not in speaker  # no other name: the empty list is left out
    assert "로마자: O Yeongju" in speaker["title"]


def test_only_web_addresses_become_links(tmp_path):
    g = fixture_graph()
    g.set((URIRef(KGR["article/a2"]), SCHEMA.url, URIRef("javascript:alert(1)")))
    g.set((URIRef(KGR["article/a3"]), SCHEMA.url, URIRef("https://news.example/a3")))
    data = page_data(render_html(g, tmp_path / "graph.html").read_text("utf-8"))
    urls = {a["iri"].rsplit("/", 1)[-1]: a["url"] for a in data["articles"]}
    assert urls == {"a1": "", "a2": "", "a3": "https://news.example/a3"}


# -- safety ---------------------------------------------------------------------------------


def test_the_page_references_nothing_outside_itself(page):
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    css = "".join(re.findall(r"<style[^>]*>(.*?)</style>", page, re.S | re.I))
    assert css and not re.search(r"@import|@font-face", css, re.I)
    assert not re.search(r"""\burl\(\s*(?!["']?data:)""", css, re.I)  # only data: URLs
    assert not re.search(r"\bstyle\s*=\s*[\"'][^\"']*url\(", page, re.I)
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "vis.Network" in page and "vis-network" in page  # the library is inlined


def test_fonts_are_system_fonts_with_korean_ones_first(page, data):
    stack = '"Noto Sans KR", "Noto Sans CJK KR", NanumGothic, "Malgun Gothic", "Apple SD Gothic Neo", sans-serif'
    assert f"--kg-font: {stack};" in page
    assert data["options"]["nodes"]["font"]["face"] == stack


def test_rendering_writes_no_lib_folder_into_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    render_html(fixture_graph(), tmp_path / "out" / "graph.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.html"]  # no temporary file left


def test_the_script_writes_text_never_markup(page):
    script = page[page.index('"use strict";\n  var data'):]
    assert "textContent" in script
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script


def test_hostile_names_appear_only_escaped(tmp_path):
    g = fixture_graph()
    person, org = KGR["person/%3Cscript%3E"], KGR["organization/%3Cimg%3E"]
    g.add((person, RDF.type, KGO.Person))
    g.add((person, RDFS.label, Literal(HOSTILE[0], lang="ko")))
    g.add((person, KGO.affiliatedWith, org))
    g.add((org, RDF.type, KGO.Organization))
    g.add((org, RDFS.label, Literal(HOSTILE[1], lang="ko")))
    for alias in HOSTILE[2:]:
        g.add((org, SKOS.altLabel, Literal(alias)))
    html = render_html(g, tmp_path / "graph.html", title="<script>alert('title')</script>").read_text("utf-8")

    for raw in HOSTILE + ["<script>alert", "<img src=x", "alert('title')"]:
        assert raw not in html
    assert "\u2028" not in html
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html  # the heading, as text
    # exactly the page's own two scripts are closed: nothing from the data ends one early
    assert len(re.findall(r"</script", html, re.I)) == 2
    # the names survive intact inside the JSON
    data = page_data(html)
    assert node(data, HOSTILE[0])["group"] == "Person"
    assert node(data, HOSTILE[1])["aliases"] == sorted(HOSTILE[2:])


# -- big graphs -----------------------------------------------------------------------------


def grown_graph(people: int, organisations: int) -> Graph:
    g = fixture_graph()
    for i in range(people):
        person, org = KGR[f"person/p{i}"], KGR[f"organization/o{i % organisations}"]
        g.add((person, RDF.type, KGO.Person))
        g.add((person, RDFS.label, Literal(f"사람{i}", lang="ko")))
        g.add((org, RDF.type, KGO.Organization))
        g.add((person, KGO.affiliatedWith, org))
    return g


def test_small_graphs_use_physics_and_big_ones_get_positions(tmp_path):
    small = page_data(render_html(fixture_graph(), tmp_path / "small.html").read_text("utf-8"))
    assert small["options"]["physics"]["enabled"] is True
    assert all("x" not in n for n in small["nodes"])

    big_graph = grown_graph(PHYSICS_LIMIT + 20, 40)
    first = render_html(big_graph, tmp_path / "big.html").read_text("utf-8")
    big = page_data(first)
    assert big["options"]["physics"] == {"enabled": False}
    assert big["options"]["edges"]["smooth"] is False  # straight edges draw a third faster
    assert len(big["nodes"]) > PHYSICS_LIMIT
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in big["nodes"])
    assert len({(n["x"], n["y"]) for n in big["nodes"]}) == len(big["nodes"])  # no two nodes on one spot
    # the same graph gives the same page
    assert render_html(big_graph, tmp_path / "again.html").read_text("utf-8") == first


def test_the_big_graph_layout_keeps_linked_nodes_near_each_other(tmp_path):
    rng = random.Random(3)
    g = Graph()
    nodes = [KGR[f"person/n{i}"] for i in range(1500)]
    for i, n in enumerate(nodes):
        g.add((n, RDF.type, KGO.Person))
        g.add((n, RDFS.label, Literal(f"n{i}", lang="ko")))
    for i in range(1, len(nodes)):  # a random tree, then a few more links
        g.add((nodes[i], KGO.participatedIn, nodes[rng.randrange(i)]))
    data = page_data(render_html(g, tmp_path / "graph.html").read_text("utf-8"))
    where = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}

    def distance(a: int, b: int) -> float:
        return math.dist(where[a], where[b])

    linked = sorted(distance(e["from"], e["to"]) for e in data["edges"])
    ids = sorted(where)
    anyhow = sorted(distance(rng.choice(ids), rng.choice(ids)) for _ in range(2000))
    assert linked[len(linked) // 2] * 4 < anyhow[len(anyhow) // 2]
    # and no two nodes crowd each other: the closest pair of a sample is a visible distance apart
    sample = ids[:300]
    closest = min(distance(a, b) for i, a in enumerate(sample) for b in sample[i + 1:])
    assert closest > 1.0


def test_an_output_that_cannot_be_written_is_an_export_error(tmp_path):
    (tmp_path / "taken").mkdir()
    with pytest.raises(ExportError, match="taken: cannot write the HTML view"):
        render_html(fixture_graph(), tmp_path / "taken")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]  # no temporary file left
