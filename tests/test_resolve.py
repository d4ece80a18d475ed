"""Entity resolution inside one article (kg/resolve.py)."""
import pytest

import kg
from kg import EntityType as T
from kg.resolve import jamo, jamo_distance


def people(text: str) -> list[tuple[str, tuple[str, ...]]]:
    x = kg.extract(kg.read_text(text, source="t.txt"))
    return [(e.name, e.aliases) for e in x.entities if e.type is T.PERSON]


def test_jamo_splits_syllables_into_letters():
    assert jamo("광") == "\u1100\u116a\u11bc"
    assert jamo("A가") == "A\u1100\u1161"


@pytest.mark.parametrize("a, b, distance", [
    ("정광천", "정관천", 1),   # a final consonant
    ("박서준", "박서중", 1),
    ("김명진", "정명진", 3),   # a whole syllable
    ("이하늘", "이하늘", 0),
])
def test_jamo_distance(a, b, distance):
    assert jamo_distance(a, b) == distance


def test_a_one_letter_typo_with_the_same_title_is_the_same_person():
    text = "정광천 누리협회 회장은 축사를 했다.\n정관천 누리회장이 인사말을 하고 있다."
    assert people(text) == [("정광천", ("정관천",))]


def test_a_one_syllable_typo_needs_the_same_organisation_and_title():
    same_post = "김명진 한빛협회 회장은 축사를 했다.\n정명진 한빛협회 회장이 인사말을 하고 있다."
    assert people(same_post) == [("김명진", ("정명진",))]
    other_post = "김명진 한빛협회 회장은 축사를 했다.\n정명진 누리대학교 교수가 인사말을 하고 있다."
    assert sorted(p[0] for p in people(other_post)) == ["김명진", "정명진"]


def test_similar_names_with_different_posts_stay_apart():
    text = "박서준 한빛소프트 대표가 참석했다. 박서중 누리대학교 교수도 참석했다."
    assert sorted(p[0] for p in people(text)) == ["박서준", "박서중"]


def test_a_short_form_refers_to_the_person_with_that_surname_and_title():
    x = kg.extract(kg.read_text(
        '오하늘 환경부 장관과 오세린 한빛대학교 교수가 참석했다. 오 장관은 "기후가 먼저다"라고 말했다.', source="t.txt"))
    (q,) = x.quotes
    assert q.speaker == "Person/오하늘"


def test_an_abbreviation_and_the_full_name_are_one_organisation():
    x = kg.extract(kg.read_text("한국과학기술연구원(KIST)은 새 기술을 공개했다. KIST는 내년에 상용화한다.", source="t.txt"))
    orgs = [(e.name, e.aliases) for e in x.entities if e.type is T.ORGANIZATION]
    assert orgs == [("한국과학기술연구원", ("KIST",))]


def test_a_typo_is_found_among_many_people():
    # names are compared only with names one syllable away (masked-syllable buckets), not all pairs
    crowd = " ".join(f"김{chr(0xAC00 + i)}{chr(0xAC00 + 2 * i)} 한빛{chr(0xAC00 + i)}정밀 대표" for i in range(300))
    text = crowd + " 도민재 누리협회 회장이 왔다. 도민제 누리협회 회장이 인사했다."
    found = dict(people(text))
    assert found["도민재"] == ("도민제",) and "도민제" not in found


def test_a_lone_surrogate_in_an_article_built_directly():
    x = kg.extract(kg.Article(id="a", text="오하늘 환경부 장관은 \ud800 말했다.", source="s"))
    assert any(e.name == "오하늘" for e in x.entities)
