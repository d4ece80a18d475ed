"""Properties every input must keep, and the inputs to try them on (shared by
tests/test_fuzz.py, a few dozen examples each, and bench/fuzz.py, for minutes).

    read_never_crashes(data, name)   kg.read.read_bytes: articles or an InputError, nothing else
    extract_never_crashes(text)      read_text → kg.extract → graph → Turtle read back: only KGErrors

The strategies lean towards what breaks Korean news readers and extractors:
Hangul with the names, posts, organisation endings and particles the rules
look for, mixed with quotes, brackets, middle dots and parentheses in any
order; legacy encodings, truncated and damaged bytes; JSON Lines with broken
and escaped lines; HTML fragments; control characters and lone surrogates.
"""
from __future__ import annotations

import json
import re
import warnings

from hypothesis import strategies as st
from rdflib import Graph

from kg.errors import InputError, KGError
from kg.extract import extract
from kg.graph import build_dataset, to_turtle, union_graph
from kg.read import read_bytes, read_text

# -- the properties -------------------------------------------------------------------------------

_NOT_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
FUZZ_MAX_BYTES = 200_000  # a smaller article limit, so the limit itself is crossed too


def read_never_crashes(data: bytes, name: str) -> None:
    """read_bytes gives articles or raises InputError; each article has an id and clean text."""
    errors: list[InputError] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ReadWarnings are expected on damaged input
        try:
            articles = read_bytes(data, name, errors.append, max_bytes=FUZZ_MAX_BYTES)
        except InputError as error:
            assert str(error).startswith(name) and "\n" not in str(error), str(error)
            return
    for error in errors:
        assert error.line is not None and str(error).startswith(f"{name}:{error.line}: "), str(error)
    for article in articles:
        assert article.id and article.text.strip(), article
        assert not _NOT_IN_TEXT.search(article.text), repr(article.text)
        assert article.title is None or "\n" not in article.title, repr(article.title)


def extract_never_crashes(text: str) -> None:
    """Reading, extraction and the graph raise only KGErrors; the Turtle written reads back whole."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            article = read_text(text, "fuzz.txt")
        except InputError:
            return
    try:
        extraction = extract(article)
    except KGError:
        return
    graph = union_graph(build_dataset([extraction]))
    back = Graph().parse(data=to_turtle(graph), format="turtle")
    assert len(back) == len(graph)


# -- what to try them on --------------------------------------------------------------------------

NAMES = ["김태완", "오영주", "이지운", "남궁민수", "박", "정다은", "한지민", "최", "김철수"]
POSTS = ["대표", "장관", "차관", "회장", "협회장", "교수", "기자", "청장", "이사장", "의원", "전 장관", "신임 대표"]
ORGS = ["한빛정밀", "중소벤처기업부", "중기부", "한국과학기술연구원(KIST)", "KIST", "누리소프트", "메인비즈협회",
        "한빛대학교", "환경부(장관 한지민)", "국회", "서울시"]
THINGS = ["은탑산업훈장", "대통령 표창", "2024 중소기업 혁신대전", "'스마트공장 보급사업'", "박람회", "코엑스",
          "대전컨벤션센터", "서울", "부산 해운대구", "탄소국경조정제도(CBAM)", "시상식"]
WORDS = ["은 ", "는 ", "이 ", "가 ", "을 ", "를 ", "의 ", "에서 ", "와 ", "과 ", "에 ", "열린 ", "참석했다. ",
         "받았다. ", "말했다. ", "라고 ", "밝혔다. ", "개최했다. ", "추진한다. ", "업무협약을 맺었다. ", "주최하고 ",
         "14일 ", "\n", "\n\n", " ", "입력 2024.11.14 10:00\n", "ⓒ 한빛일보 무단전재 및 재배포 금지\n",
         "/사진=오세은 기자\n", "공유하기\n", "그는 ", "오 장관은 "]
MARKS = ['"', "'", "“", "”", "‘", "’", "「", "」", "『", "』", "《", "》", "〈", "〉", "(", ")", "[", "]", "{", "}",
         "<", ">", "·", "ㆍ", "‧", "・", "…", ",", ".", "=", "/", "\\", "▲", "|", "-", "~", "\t", "\u200b", "\ufeff",
         "\x00", "\x1b", "\x85", "\u2028", "\ufffd", "\ud800", "\udfff"]

hangul_syllable = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
any_character = st.characters(exclude_categories=())  # lone surrogates and controls included

korean_news = st.lists(
    st.one_of(
        st.sampled_from(NAMES), st.sampled_from(POSTS), st.sampled_from(ORGS), st.sampled_from(THINGS),
        st.sampled_from(WORDS), st.sampled_from(MARKS), hangul_syllable,
        st.text(hangul_syllable, min_size=1, max_size=4),
    ),
    max_size=80,
).map("".join)

texts = st.one_of(
    korean_news,
    st.text(any_character, max_size=200),
    st.lists(st.one_of(korean_news, st.text(any_character, max_size=10)), max_size=4).map("".join),
)


@st.composite
def damaged(draw, text: st.SearchStrategy[str]) -> bytes:
    """Text in an encoding a Korean site uses, then maybe truncated or with bytes overwritten."""
    codec = draw(st.sampled_from(["utf-8", "cp949", "euc-kr", "utf-16", "utf-8-sig"]))
    data = draw(text).encode(codec, "replace") if codec != "utf-8" else draw(text).encode("utf-8", "surrogatepass")
    if data and draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    for _ in range(draw(st.integers(0, 3))):
        if data:
            i = draw(st.integers(0, len(data) - 1))
            data = data[:i] + bytes([draw(st.integers(0, 255))]) + data[i + 1:]
    return data


def _record(text: str, url: str | None, title: str | None) -> str:
    fields = {"text": text, "url": url, "title": title}
    return json.dumps({k: v for k, v in fields.items() if v is not None}, ensure_ascii=False)


json_lines = st.lists(
    st.one_of(
        st.builds(_record, texts, st.one_of(st.none(), st.text(any_character, max_size=30),
                                            st.just("https://news.example/a b?c=<d>#e#f%zz")),
                  st.one_of(st.none(), texts)),
        st.text(any_character, max_size=40),          # a broken line
        st.just('{"text": "\\ud800\\udfff 반쪽 \\ud83d"}'),  # JSON escapes of lone surrogates
        st.just('{"html": "<p>본문</p>", "published": "어제"}'),
        st.just("[1, 2]"), st.just('{"text": 42}'), st.just(""),
    ),
    max_size=6,
).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))

html_pages = st.builds(
    lambda title, body, tail: (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article><p>{body}"
                               f"</p><figure><figcaption>{tail}</figcaption></figure></article>{tail}").encode(
        "utf-8", "surrogatepass"),
    texts, texts, st.text(any_character, max_size=20),
)

file_names = st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.ndjson", "a", "<stdin>", "기사 (1).htm", "a.dat"])

inputs = st.tuples(
    st.one_of(st.binary(max_size=3000), damaged(texts), json_lines, html_pages,
              st.binary(min_size=1, max_size=64).map(lambda b: b"\x89PNG\r\n\x1a\n" + b)),
    file_names,
)
