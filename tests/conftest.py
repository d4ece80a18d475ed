"""Shared fixtures: small Korean extractions written by hand (no corpus text).

``sample_extraction`` exercises every part of the graph: a minister of
중소벤처기업부 (alias 중기부, and a Latin alias MSS) speaking at an event held at a
venue located in a city, an award conferral at that event, a quote containing
``"`` and ``<script>``, a partnership, a promoted policy, byline and outlet.
Every evidence offset points at its sentence in the article text.
"""
from __future__ import annotations

import datetime as dt

import pytest

from kg.models import (
    Article,
    Conferral,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Position,
    Predicate,
    Quote,
    Relation,
)

SAMPLE_QUOTE = '이번 혁신대전은 "중소기업의 내일"을 보여줍니다 <script>alert(1)</script>'

SAMPLE_TEXT = (
    "오영주 중소벤처기업부 장관은 14일 대전컨벤션센터에서 열린 2024 중소기업 혁신대전에 참석했다. "
    "대전컨벤션센터는 대전에 있다. "
    "중기부가 주최한 이번 행사에서 김태완 한빛정밀 대표가 은탑산업훈장을 받았다. "
    f"오 장관은 \"{SAMPLE_QUOTE}\"라고 말했다. "
    "중기부는 한빛정밀과 업무협약을 맺고 스마트공장 보급사업을 추진한다고 밝혔다."
)


def evidence(article_id: str, text: str, sentence: str, rule: str) -> Evidence:
    """Evidence for ``sentence``, with its real offsets in ``text``."""
    start = text.index(sentence)
    return Evidence(article_id, sentence, start, start + len(sentence), rule)


def _sentences(text: str) -> list[str]:
    return [s + "." for s in text.rstrip(".").split(". ")]


@pytest.fixture
def sample_extraction() -> Extraction:
    return make_sample_extraction()


@pytest.fixture
def other_extraction() -> Extraction:
    """A second, smaller article that names 중소벤처기업부 again (for two-article datasets)."""
    return make_other_extraction()


def make_sample_extraction() -> Extraction:
    """The sample article's extraction (also importable, e.g. from a subprocess)."""
    aid = "news/2024-11-14-innovation.txt"
    text = SAMPLE_TEXT
    s1, s2, s3, s4, s5 = _sentences(text)

    def ev(sentence: str, rule: str) -> Evidence:
        return evidence(aid, text, sentence, rule)

    person, org = EntityType.PERSON, EntityType.ORGANIZATION
    entities = (
        Entity(person, "오영주", evidence=(ev(s1, "ner.person"),)),
        Entity(org, "중소벤처기업부", aliases=("중기부", "MSS"), evidence=(ev(s1, "ner.org"),)),
        Entity(EntityType.EVENT, "2024 중소기업 혁신대전"),
        Entity(EntityType.VENUE, "대전컨벤션센터"),
        Entity(EntityType.LOCATION, "대전"),
        Entity(person, "김태완"),
        Entity(org, "한빛정밀"),
        Entity(EntityType.AWARD, "은탑산업훈장"),
        Entity(EntityType.POLICY, "스마트공장 보급사업"),
        Entity(person, "오세은"),
        Entity(org, "아시아투데이"),
    )
    P = Predicate
    relations = (
        Relation("Person/오영주", P.AFFILIATED_WITH, "Organization/중소벤처기업부", ev(s1, "title.affiliation")),
        Relation("Person/오영주", P.PARTICIPATED_IN, "Event/2024 중소기업 혁신대전", ev(s1, "event.attend")),
        Relation("Event/2024 중소기업 혁신대전", P.HELD_AT, "Venue/대전컨벤션센터", ev(s1, "event.venue")),
        Relation("Venue/대전컨벤션센터", P.LOCATED_IN, "Location/대전", ev(s2, "venue.location")),
        Relation("Event/2024 중소기업 혁신대전", P.ORGANIZED_BY, "Organization/중소벤처기업부", ev(s3, "event.host")),
        Relation("Person/김태완", P.AFFILIATED_WITH, "Organization/한빛정밀", ev(s3, "title.affiliation")),
        Relation("Person/김태완", P.RECEIVED_AWARD, "Award/은탑산업훈장", ev(s3, "award.receive")),
        Relation("Organization/중소벤처기업부", P.PARTNERED_WITH, "Organization/한빛정밀", ev(s5, "org.mou")),
        Relation("Organization/중소벤처기업부", P.PROMOTES, "Policy/스마트공장 보급사업", ev(s5, "policy.promote")),
    )
    return Extraction(
        article=Article(
            id=aid,
            text=text,
            source="tests/fixtures/innovation.txt",
            title="중기부, 2024 중소기업 혁신대전 개최…김태완 대표 은탑산업훈장",
            published=dt.date(2024, 11, 14),
            author="오세은",
            publisher="아시아투데이",
            url="https://news.example/articles/2024/11/14/innovation?id=1",
        ),
        entities=entities,
        relations=relations,
        positions=(
            Position("Person/오영주", "Organization/중소벤처기업부", "장관", ev(s1, "title.position")),
            Position("Person/김태완", "Organization/한빛정밀", "대표", ev(s3, "title.position")),
        ),
        conferrals=(
            Conferral("Person/김태완", "Award/은탑산업훈장", "Event/2024 중소기업 혁신대전", ev(s3, "award.conferral")),
        ),
        quotes=(Quote("Person/오영주", SAMPLE_QUOTE, ev(s4, "quote.direct")),),
        author="Person/오세은",
        publisher="Organization/아시아투데이",
    )


def make_other_extraction() -> Extraction:
    aid = "news/2024-11-20-export.txt"
    text = "중소벤처기업부는 20일 수출 지원 정책을 발표했다. 정책은 부산에서 시행된다."
    s1 = "중소벤처기업부는 20일 수출 지원 정책을 발표했다."
    return Extraction(
        article=Article(
            id=aid,
            text=text,
            source="tests/fixtures/export.txt",
            title="중기부, 수출 지원 정책 발표",
            published=dt.date(2024, 11, 20),
        ),
        entities=(
            Entity(EntityType.ORGANIZATION, "중소벤처기업부"),
            Entity(EntityType.POLICY, "수출 지원 정책"),
        ),
        relations=(
            Relation(
                "Organization/중소벤처기업부",
                Predicate.PROMOTES,
                "Policy/수출 지원 정책",
                evidence(aid, text, s1, "policy.promote"),
            ),
        ),
    )
