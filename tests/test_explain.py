"""kg.explain and ``kg explain``: everything known about an entity, with the evidence behind each fact.

The graph is built from conftest's two hand-written articles (the 2024 중소기업
혁신대전 one and a short export-policy one); the namesakes test adds two
articles with a 김철수 each.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from click.testing import CliRunner
from rdflib import Dataset

from kg.cli import main
from kg.errors import KGError
from kg.explain import EntityReport, Source, explain, format_report
from kg.graph import build_dataset, to_trig
from kg.linking import link
from kg.models import Article, Entity, EntityType, Extraction, Position

from conftest import SAMPLE_QUOTE, evidence, make_other_extraction, make_sample_extraction

ARTICLE = "https://w3id.org/kgnews/resource/article/news%2F2024-11-14-innovation.txt"
S1 = "오영주 중소벤처기업부 장관은 14일 대전컨벤션센터에서 열린 2024 중소기업 혁신대전에 참석했다."
S3 = "중기부가 주최한 이번 행사에서 김태완 한빛정밀 대표가 은탑산업훈장을 받았다."


@pytest.fixture(scope="module")
def graph() -> Dataset:
    return build_dataset(link([make_sample_extraction(), make_other_extraction()]).extractions)


def one(report: EntityReport):
    [entity] = report.entities
    return entity


def source(sentence: str, rule: str) -> Source:
    return Source(sentence, ARTICLE, "중기부, 2024 중소기업 혁신대전 개최…김태완 대표 은탑산업훈장", "2024-11-14", rule)


# -- what a report holds -----------------------------------------------------------------


def test_a_person_has_types_labels_articles_and_relations_each_with_its_evidence(graph):
    oh = one(explain(graph, "오영주"))
    assert oh.iri == "https://w3id.org/kgnews/resource/person/오영주"
    assert oh.types == ("Person",)
    assert oh.labels == (("오영주", "ko"), ("O Yeongju", "ko-Latn"))
    assert [a.iri for a in oh.articles] == [ARTICLE]
    assert [(r.incoming, r.predicate, r.other) for r in oh.relations] == [
        (False, "affiliatedWith", "중소벤처기업부"), (False, "participatedIn", "2024 중소기업 혁신대전")]
    assert oh.relations[0].sources == (source(S1, "title.affiliation"),)


def test_positions_conferrals_and_quotes_carry_the_node_s_own_evidence(graph):
    oh, kim = one(explain(graph, "오영주")), one(explain(graph, "김태완"))
    [post] = oh.positions
    assert (post.person, post.organization, post.title, post.known_on) == ("오영주", "중소벤처기업부", "장관", "2024-11-14")
    assert post.sources == (source(S1, "title.position"),)
    [quote] = oh.quotes
    assert quote.text == SAMPLE_QUOTE and quote.sources[0].rule == "quote.direct"
    [conferral] = kim.conferrals
    assert (conferral.recipient, conferral.award, conferral.event) == ("김태완", "은탑산업훈장", "2024 중소기업 혁신대전")
    assert conferral.sources == (source(S3, "award.conferral"),)


def test_an_organisation_shows_relations_both_ways_posts_held_at_it_and_every_article(graph):
    mss = one(explain(graph, "중소벤처기업부"))
    assert mss.types == ("Organization",)
    assert mss.aliases == ("MSS", "중기부")
    assert len(mss.articles) == 2
    incoming = [(r.predicate, r.other) for r in mss.relations if r.incoming]
    assert incoming == [("affiliatedWith", "오영주"), ("organizedBy", "2024 중소기업 혁신대전")]
    assert [p.person for p in mss.positions] == ["오영주"]
    # the export article's statement has its own sentence and article
    [promotes] = [r for r in mss.relations if r.other == "수출 지원 정책"]
    assert promotes.sources[0].sentence == "중소벤처기업부는 20일 수출 지원 정책을 발표했다."
    assert promotes.sources[0].article.endswith("article/news%2F2024-11-20-export.txt")


# -- finding the entity ---------------------------------------------------------------------


@pytest.mark.parametrize("asked", ["중소벤처기업부", "중기부", "MSS", "mss", "중소 벤처기업부", " 중기부 ", "jungsobencheogieopbu"])
def test_an_entity_is_found_by_label_or_alias_exactly_then_ignoring_case_and_spaces(graph, asked):
    assert one(explain(graph, asked)).iri.endswith("organization/중소벤처기업부")


def test_an_unknown_name_is_one_line_suggesting_close_names(graph):
    with pytest.raises(KGError) as caught:
        explain(graph, "오영수")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("no entity named '오영수'") and "close names: 오영주" in message


def test_an_unknown_name_with_nothing_close_says_what_to_check(graph):
    with pytest.raises(KGError, match="check the spelling, or the graph given with --graph"):
        explain(graph, "ZZZ")


def test_namesakes_are_reported_each():
    def article(aid: str, org: str, title: str) -> Extraction:
        text = f"김철수 {org} {title}은 발표했다."
        ev = evidence(aid, text, text, "title.position")
        return Extraction(
            Article(id=aid, text=text, source=aid, published=dt.date(2024, 1, 2)),
            entities=(Entity(EntityType.PERSON, "김철수"), Entity(EntityType.ORGANIZATION, org)),
            positions=(Position("Person/김철수", f"Organization/{org}", title, ev),))

    ds = build_dataset(link([article("a1", "한빛소프트", "대표"), article("a2", "누리대학교", "교수")]).extractions)
    report = explain(ds, "김철수")
    assert [e.iri.rsplit("/", 1)[1] for e in report.entities] == ["누리대학교", "한빛소프트"]
    assert [e.positions[0].title for e in report.entities] == ["교수", "대표"]
    text = format_report(report)
    assert text.startswith("2 entities named 김철수:\n")
    assert "김철수  kgr:person/김철수/누리대학교" in text and "김철수  kgr:person/김철수/한빛소프트" in text


# -- printing and the command ------------------------------------------------------------------


def test_the_report_prints_each_fact_followed_by_its_evidence(graph):
    text = format_report(explain(graph, "김태완"))
    lines = text.splitlines()
    assert lines[0] == "김태완  kgr:person/김태완"
    assert "  labels:   김태완 @ko, Gim Tae-wan @ko-Latn" in lines
    i = lines.index("    → receivedAward 은탑산업훈장")
    assert lines[i + 1] == (f"        “{S3}” (2024-11-14, kgr:article/news/2024-11-14-innovation.txt, rule award.receive)")
    assert "    김태완 received 은탑산업훈장 at 2024 중소기업 혁신대전" in lines
    assert lines[lines.index("  quotes:") + 1] == "    —"


def test_kg_explain_reads_a_trig_file_and_prints_the_report(graph, tmp_path):
    path = tmp_path / "graph.trig"
    path.write_text(to_trig(graph), encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", "중기부", "--graph", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output == format_report(explain(graph, "중기부"))


def test_kg_explain_of_an_unknown_name_exits_1_with_one_line(graph, tmp_path):
    path = tmp_path / "graph.trig"
    path.write_text(to_trig(graph), encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", "오영수", "--graph", str(path)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "error: no entity named '오영수' in the graph (by rdfs:label or skos:altLabel); close names: 오영주"]


def test_an_article_without_headline_or_date_is_named_by_its_iri():
    x = make_other_extraction()
    ds = build_dataset([dataclasses.replace(x, article=dataclasses.replace(x.article, title=None, published=None))])
    [promotes] = one(explain(ds, "수출 지원 정책")).relations
    assert promotes.sources[0].headline is None and promotes.sources[0].published is None
    assert "(kgr:article/news/2024-11-20-export.txt, rule policy.promote)" in format_report(explain(ds, "수출 지원 정책"))
