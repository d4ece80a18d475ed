"""The named query post-holders: who held which post at an organisation, as known on which date.

Three hand-written articles: in 2023 한지훈 is 장관 of 과학기술정보통신부 (called
과기정통부 there), in 2024 박서연 is, and 정다은 is 차관 in both years; an
undated article names 최유진 장관.
"""
from __future__ import annotations

import datetime as dt

import pytest
from rdflib import Dataset

from kg.graph import build_dataset
from kg.linking import link
from kg.models import Article, Entity, EntityType, Extraction, Position
from kg.query import resolve_query, run_query

from conftest import evidence

MSIT = "과학기술정보통신부"


def article(aid: str, published: dt.date | None, posts: list[tuple[str, str]]) -> Extraction:
    """One sentence per (person, title) at 과학기술정보통신부: "한지훈 과기정통부 장관은 …"."""
    sentences = [f"{name} 과기정통부 {title}은 회의를 주재했다." for name, title in posts]
    text = " ".join(sentences)
    evs = [evidence(aid, text, s, "title.position") for s in sentences]
    return Extraction(
        article=Article(id=aid, text=text, source=aid, title=f"{aid} 기사", published=published),
        entities=(Entity(EntityType.ORGANIZATION, MSIT, aliases=("과기정통부",)),
                  *(Entity(EntityType.PERSON, name) for name, _ in posts)),
        positions=tuple(Position(f"Person/{name}", f"Organization/{MSIT}", title, ev)
                        for (name, title), ev in zip(posts, evs)),
    )


@pytest.fixture(scope="module")
def graph() -> Dataset:
    return build_dataset(link([
        article("a2023", dt.date(2023, 3, 2), [("한지훈", "장관"), ("정다은", "차관")]),
        article("a2024", dt.date(2024, 6, 5), [("박서연", "장관"), ("정다은", "차관")]),
        article("undated", None, [("최유진", "장관")]),
    ]).extractions)


def holders(graph: Dataset, **params: str) -> list[tuple[str, ...]]:
    rows = run_query(graph, resolve_query("post-holders", params)).rows
    return [tuple("" if t is None else str(t) for t in row) for row in rows]


def test_the_minister_of_each_year_is_found_by_organisation_year_and_title(graph):
    assert holders(graph, org=MSIT, year="2023", title="장관") == [(MSIT, "장관", "한지훈", "2023-03-02")]
    assert holders(graph, org=MSIT, year="2024", title="장관") == [(MSIT, "장관", "박서연", "2024-06-05")]


def test_without_a_year_every_post_comes_with_the_date_it_is_known_on(graph):
    assert holders(graph, org=MSIT) == [
        (MSIT, "장관", "최유진", ""),           # known on no date: first, and never in a year
        (MSIT, "장관", "한지훈", "2023-03-02"),
        (MSIT, "차관", "정다은", "2023-03-02"),
        (MSIT, "장관", "박서연", "2024-06-05"),
        (MSIT, "차관", "정다은", "2024-06-05"),
    ]


def test_the_organisation_is_found_by_its_alias_whole_and_not_by_part_of_a_name(graph):
    assert holders(graph, org="과기정통부", year="2023") == holders(graph, org=MSIT, year="2023")
    assert len(holders(graph, org="과기정통부", year="2023")) == 2
    assert holders(graph, org="정보통신부") == []


def test_a_year_no_article_reports_gives_no_rows(graph):
    assert holders(graph, org=MSIT, year="2022") == []
