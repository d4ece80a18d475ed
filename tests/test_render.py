"""kg.render: the offline HTML view of tests/fixtures/query/small.ttl.

The page is checked as text: what it contains, what it must never contain
(addresses to fetch, raw markup from article text), and the node and edge data
it hands to vis-network, read back from the page's JSON.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal

from kg.errors import ExportError
from kg.render import PHYSICS_LIMIT, render_html
from kg.vocab import KGO, KGR

FIXTURE = Path(__file__).parent / "fixtures" / "query" / "small.ttl"
KG_DIR = Path(__file__).parent.parent / "kg"

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


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("view") / "graph.html"
    assert render_html(fixture_graph(), out, title="기사 그래프") == out
    return out.read_text(encoding="utf-8")


def page_data(html: str, name: str) -> list[dict]:
    """The JSON list the page assigns to ``var <name> = …;``."""
    match = re.search(rf"var {name} = (.*);\n", html)
    assert match, f"no {name} in the page"
    return json.loads(match.group(1))


def labels_of(html: str) -> set[str]:
    return {node["label"] for node in page_data(html, "nodeList")}


def edges_between(html: str, source: str, target: str) -> list[dict]:
    ids = {node["label"]: node["id"] for node in page_data(html, "nodeList")}
    return [e for e in page_data(html, "edgeList")
            if {e["from"], e["to"]} == {ids[source], ids[target]}]


def test_every_entity_is_a_node_with_its_label(page):
    expected = {
        "오영주", "김태완", "이수진", "박지민",
        "중소벤처기업부", "한국무역협회", "한빛소재", "대한전자", "한빛일보",
        "은탑산업훈장", "대통령표창", "스마트공장 보급사업", "탄소국경조정제도",
        "2024 중소기업 혁신대전", "수출 상담회", "대전컨벤션센터", "대전", "서울",
    }
    assert labels_of(page) == expected
    for label in expected:
        assert label in page


def test_each_type_has_its_own_colour_and_shape(page):
    styles = {}
    for node in page_data(page, "nodeList"):
        styles.setdefault(node["group"], set()).add((node["color"], node["shape"]))
    assert set(styles) == {"Person", "Organization", "Award", "Policy", "Event", "Venue", "Location"}
    assert all(len(s) == 1 for s in styles.values())
    assert len({next(iter(s)) for s in styles.values()}) == 7


def test_the_page_has_a_legend_of_the_seven_types(page):
    legend = page[page.index('<aside id="kg-legend">'): page.index("</aside>")]
    for korean, english in [("인물", "Person"), ("조직", "Organization"), ("상", "Award"), ("정책", "Policy"),
                            ("행사", "Event"), ("장소", "Venue"), ("지역", "Location")]:
        assert f"<span>{korean}</span>" in legend
        assert f'<span class="en">{english}</span>' in legend


def test_the_page_references_nothing_outside_itself(page):
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    css = "".join(re.findall(r"<style[^>]*>(.*?)</style>", page, re.S | re.I))
    assert css and not re.search(r"@import", css, re.I)
    assert not re.search(r"""\burl\(\s*(?!["']?data:)""", css, re.I)  # only data: URLs
    assert not re.search(r"\bstyle\s*=\s*[\"'][^\"']*url\(", page, re.I)
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "vis.Network" in page and "vis-network" in page  # the library is inlined


def test_rendering_writes_no_lib_folder_into_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    render_html(fixture_graph(), tmp_path / "out" / "graph.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.html"]  # no temporary file left


def test_edges_are_labelled_in_korean_with_the_property_in_the_tooltip(page):
    [held] = edges_between(page, "2024 중소기업 혁신대전", "대전컨벤션센터")
    assert held["label"] == "개최 장소"
    assert held["tip"]["heading"] == "heldAt (개최 장소)"
    assert held["tip"]["evidence"] == ["2024 중소기업 혁신대전은 대전컨벤션센터에서 열렸다."]
    expected = {
        ("대전컨벤션센터", "대전"): "위치",
        ("2024 중소기업 혁신대전", "중소벤처기업부"): "주최",
        ("중소벤처기업부", "스마트공장 보급사업"): "추진",
        ("이수진", "수출 상담회"): "참가",
        ("이수진", "한국무역협회"): "소속",  # no Position, so no title
        ("대한전자", "대통령표창"): "수상",
    }
    for (source, target), label in expected.items():
        assert [e["label"] for e in edges_between(page, source, target)] == [label]


def test_affiliations_carry_the_title_of_the_position(page):
    [edge] = edges_between(page, "오영주", "중소벤처기업부")
    assert edge["label"] == "장관"
    assert edge["tip"]["heading"] == "affiliatedWith (소속)"
    assert "직함: 장관" in edge["tip"]["lines"]


def test_a_conferral_names_its_event_on_the_award_edge(page):
    [edge] = edges_between(page, "김태완", "은탑산업훈장")
    assert edge["label"] == "수상"
    assert "행사: 2024 중소기업 혁신대전" in edge["tip"]["lines"]


def test_a_partnership_stated_both_ways_is_one_undirected_edge(page):
    [edge] = edges_between(page, "중소벤처기업부", "한국무역협회")
    assert edge["label"] == "협력"
    assert edge["arrows"] == {"to": {"enabled": False}}
    assert edge["tip"]["evidence"] == ["무역협회는 중기부와 함께 수출 상담회를 준비했다."]


def test_node_tooltips_show_type_aliases_and_evidence(page):
    node = next(n for n in page_data(page, "nodeList") if n["label"] == "중소벤처기업부")
    tip = node["tip"]
    assert tip["heading"] == "중소벤처기업부"
    assert "유형: 조직 (Organization)" in tip["lines"]
    assert "별칭: Ministry of SMEs and Startups, 중기부" in tip["lines"]
    assert "언급된 기사: 3건" in tip["lines"]
    assert tip["evidence"] == [
        "무역협회는 중기부와 함께 수출 상담회를 준비했다.",
        "오영주 중소벤처기업부 장관은 축사에서 수상자들을 격려했다.",
        "중기부는 스마트공장 보급사업을 내년에도 이어간다.",
    ]


def test_tooltips_are_built_from_text_not_html(page):
    script = page[page.index("function tipElement"):]
    assert "textContent" in script
    assert "innerHTML" not in script


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
    nodes = page_data(html, "nodeList")
    assert HOSTILE[0] in {n["label"] for n in nodes}
    hostile_org = next(n for n in nodes if n["label"] == HOSTILE[1])
    assert hostile_org["aliases"] == sorted(HOSTILE[2:])


def test_small_graphs_use_physics_and_big_ones_get_positions(tmp_path):
    small = render_html(fixture_graph(), tmp_path / "small.html").read_text("utf-8")
    assert '"physics":{"enabled":true' in small
    assert all("x" not in n for n in page_data(small, "nodeList"))

    big = fixture_graph()
    for i in range(PHYSICS_LIMIT + 20):
        person, org = KGR[f"person/p{i}"], KGR[f"organization/o{i % 40}"]
        big.add((person, RDF.type, KGO.Person))
        big.add((person, RDFS.label, Literal(f"사람{i}", lang="ko")))
        big.add((org, RDF.type, KGO.Organization))
        big.add((person, KGO.affiliatedWith, org))
    first = render_html(big, tmp_path / "big.html").read_text("utf-8")
    assert '"physics":{"enabled":false}' in first
    nodes = page_data(first, "nodeList")
    assert len(nodes) > PHYSICS_LIMIT
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes)  # no two nodes on one spot
    # the same graph gives the same page
    assert render_html(big, tmp_path / "again.html").read_text("utf-8") == first


def test_an_output_that_cannot_be_written_is_an_export_error(tmp_path):
    (tmp_path / "taken").mkdir()
    with pytest.raises(ExportError, match="taken: cannot write the HTML view"):
        render_html(fixture_graph(), tmp_path / "taken")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]  # no temporary file left


def test_render_is_the_only_module_that_imports_pyvis():
    importers = sorted(
        str(p.relative_to(KG_DIR))
        for p in KG_DIR.rglob("*.py")
        if re.search(r"^\s*(?:from|import)\s+pyvis\b", p.read_text(encoding="utf-8"), re.M)
    )
    assert importers == ["render.py"]
