"""kg.view and ``kg view``: which part of a graph the HTML view draws.

The graph is built from conftest's two hand-written articles (the 2024 중소기업
혁신대전 article and a second one on 중소벤처기업부's export policy):

    오영주 ─소속/장관→ 중소벤처기업부 ─추진→ 스마트공장 보급사업, 수출 지원 정책
       └─참가→ 2024 중소기업 혁신대전 ─주최→ 중소벤처기업부
                  └─개최 장소→ 대전컨벤션센터 ─위치→ 대전
    김태완 ─소속/대표→ 한빛정밀 ─협력─ 중소벤처기업부;  김태완 ─수상→ 은탑산업훈장
"""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Dataset, Graph, Literal

from kg.cli import main
from kg.errors import KGError
from kg.graph import build_dataset
from kg.models import EntityType
from kg.view import entity_types, subgraph, write_view
from kg.vocab import KGO, PROV, SCHEMA


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    from conftest import make_other_extraction, make_sample_extraction

    return build_dataset([make_sample_extraction(), make_other_extraction()])


def labels(graph: Graph) -> set[str]:
    """The Korean labels of the entities in ``graph``."""
    core = {KGO[t.value] for t in EntityType}
    return {str(graph.value(e, RDFS.label)) for cls in core for e in graph.subjects(RDF.type, cls)}


def test_the_focus_keeps_its_direct_neighbours(dataset):
    part = subgraph(dataset, focus="오영주", depth=1)
    assert labels(part) == {"오영주", "중소벤처기업부", "2024 중소기업 혁신대전"}


def test_depth_walks_further_and_zero_keeps_the_entity_alone(dataset):
    assert labels(subgraph(dataset, focus="오영주", depth=0)) == {"오영주"}
    assert labels(subgraph(dataset, focus="오영주", depth=2)) == {
        "오영주", "중소벤처기업부", "2024 중소기업 혁신대전",
        "대전컨벤션센터", "한빛정밀", "스마트공장 보급사업", "수출 지원 정책",
    }


def test_the_focus_is_found_by_alias_romanised_label_and_loosely(dataset):
    ministry = labels(subgraph(dataset, focus="중소벤처기업부", depth=0))
    assert labels(subgraph(dataset, focus="중기부", depth=0)) == ministry
    assert labels(subgraph(dataset, focus="mss", depth=0)) == ministry  # case ignored
    assert labels(subgraph(dataset, focus="o yeongju", depth=0)) == {"오영주"}  # @ko-Latn, spaces ignored
    assert labels(subgraph(dataset, focus=" 2024중소기업 혁신대전", depth=0)) == {"2024 중소기업 혁신대전"}


def test_an_unknown_focus_is_an_error_that_suggests_close_names(dataset):
    with pytest.raises(KGError, match=r"--focus '중소벤처기업': no entity .*close names: 중소벤처기업부"):
        subgraph(dataset, focus="중소벤처기업")


def test_a_negative_depth_is_an_error(dataset):
    with pytest.raises(KGError, match="--depth -1: give 0"):
        subgraph(dataset, focus="오영주", depth=-1)


def test_types_keep_only_those_entities(dataset):
    part = subgraph(dataset, types=[EntityType.PERSON, EntityType.ORGANIZATION])
    assert labels(part) == {"오영주", "김태완", "오세은", "중소벤처기업부", "한빛정밀", "아시아투데이"}
    assert (None, KGO.heldAt, None) not in part  # no event, no venue: no relation between them


def test_types_apply_after_the_walk_and_the_focus_always_stays(dataset):
    part = subgraph(dataset, focus="오영주", depth=2, types=[EntityType.ORGANIZATION])
    assert labels(part) == {"오영주", "중소벤처기업부", "한빛정밀"}


def test_namesakes_are_all_kept(dataset):
    g = Graph()
    for s, p, o in dataset.triples((None, None, None)):
        g.add((s, p, o))
    other = next(iter(g.subjects(RDFS.label, Literal("김태완", lang="ko"))))
    twin = type(other)(str(other) + "/누리대학교")
    g.add((twin, RDF.type, KGO.Person))
    g.add((twin, RDFS.label, Literal("김태완", lang="ko")))
    part = subgraph(g, focus="김태완", depth=0)
    assert set(part.subjects(RDFS.label, Literal("김태완", lang="ko"))) == {other, twin}


def test_evidence_and_articles_come_along_with_the_kept_statements(dataset):
    part = subgraph(dataset, focus="오영주", depth=1)
    # the Position, the quote and the reified statements of the kept relations
    assert len(set(part.subjects(RDF.type, KGO.Position))) == 1
    assert len(set(part.subjects(RDF.type, KGO.Quote))) == 1
    statements = set(part.subjects(RDF.type, RDF.Statement))
    assert {part.value(s, RDF.predicate) for s in statements} == {
        KGO.affiliatedWith, KGO.participatedIn, KGO.organizedBy}  # not 중기부 promotes …: the policy is not kept
    # every statement's article is there with its headline; mentions name kept entities only
    articles = set(part.subjects(RDF.type, SCHEMA.NewsArticle))
    assert {o for s in statements for o in part.objects(s, PROV.wasDerivedFrom)} <= articles
    assert all(part.value(a, SCHEMA.headline) for a in articles)
    kept = set(part.subjects(RDFS.label, None))
    assert set(part.objects(None, SCHEMA.mentions)) <= kept
    assert (None, SCHEMA.author, None) not in part  # 오세은 is not in the neighbourhood


def test_a_position_goes_only_with_both_its_person_and_organisation(dataset):
    part = subgraph(dataset, focus="한빛정밀", depth=0)
    assert not set(part.subjects(RDF.type, KGO.Position))


def test_without_focus_or_types_every_entity_is_kept(dataset):
    assert len(labels(subgraph(dataset))) == 12


def test_entity_types_are_read_from_a_comma_list():
    assert entity_types("Person, organization,Person") == (EntityType.PERSON, EntityType.ORGANIZATION)
    with pytest.raises(KGError, match="unknown entity type 'Org' in --types; use some of Person,Organization"):
        entity_types("Person,Org")
    with pytest.raises(KGError, match="names no type"):
        entity_types(" , ")


def page_labels(path) -> set[str]:
    html = path.read_text(encoding="utf-8")
    data = json.loads(re.search(r"^  var data = (\{.*\});$", html, re.M).group(1))
    return {n["label"] for n in data["nodes"]}


def test_write_view_renders_the_part_with_a_heading(dataset, tmp_path):
    out = write_view(dataset, tmp_path / "view.html", focus="중기부", depth=1)
    assert page_labels(out) == {"중소벤처기업부", "오영주", "2024 중소기업 혁신대전", "한빛정밀",
                                "스마트공장 보급사업", "수출 지원 정책"}
    assert "<h1>중기부 · 1단계 이웃</h1>" in out.read_text(encoding="utf-8")


def test_kg_view_on_a_trig_file_and_a_build_directory(dataset, tmp_path):
    from kg.graph import to_trig

    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "graph.trig").write_text(to_trig(dataset), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["view", str(tmp_path / "build" / "graph.trig"), "--out", str(tmp_path / "a.html"),
                                  "--focus", "김태완", "--depth", "1", "--types", "Award,Organization"])
    assert result.exit_code == 0, result.output
    assert page_labels(tmp_path / "a.html") == {"김태완", "한빛정밀", "은탑산업훈장"}
    result = runner.invoke(main, ["view", str(tmp_path / "build"), "--out", str(tmp_path / "all.html")])
    assert result.exit_code == 0, result.output
    assert len(page_labels(tmp_path / "all.html")) == 12


def test_kg_view_errors_are_one_line(dataset, tmp_path):
    from kg.graph import to_trig

    (tmp_path / "graph.trig").write_text(to_trig(dataset), encoding="utf-8")
    result = CliRunner().invoke(main, ["view", str(tmp_path / "graph.trig"), "--out", str(tmp_path / "x.html"),
                                       "--focus", "없는사람"])
    assert result.exit_code == 1
    assert result.output.startswith("error: --focus '없는사람': no entity")
    assert not (tmp_path / "x.html").exists()
