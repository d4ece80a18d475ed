"""Arbitrary bytes and text through the reader and the extractor: never a crash, only KGErrors.

A few dozen examples per property keep the suite quick; ``python bench/fuzz.py
--minutes 10`` runs the same properties (tests/properties.py) for as long as
you like.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from properties import extract_never_crashes, inputs, korean_news, read_never_crashes, texts

FEW = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                        HealthCheck.data_too_large])


@FEW
@given(inputs)
def test_reading_any_bytes_gives_articles_or_an_input_error(case):
    data, name = case
    read_never_crashes(data, name)


@FEW
@given(texts)
def test_extracting_any_text_raises_only_kg_errors(text):
    extract_never_crashes(text)


@FEW
@given(korean_news)
def test_extracting_korean_news_made_of_names_posts_and_marks_raises_only_kg_errors(text):
    extract_never_crashes(text)


def test_the_cases_that_once_crashed_stay_fixed():
    # half a surrogate pair from a JSON escape reached Kiwi and crashed it (UnicodeDecodeError)
    read_never_crashes(b'{"text": "\\ud800 \xed\x95\x9c\xeb\xb9\x9b\xec\xa0\x95\xeb\xb0\x80 \\ub300\\ud45c"}', "a.jsonl")
    extract_never_crashes("홍길동 한빛정밀 대표는 \ud800 말했다.")
