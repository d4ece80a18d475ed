"""Headline, date, reporter and outlet as Korean news sites print them (kg.read.metadata)."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.read.metadata import (
    Metadata,
    find_author,
    find_headline,
    find_published,
    find_publisher,
    is_byline,
    outlet_from_copyright,
    parse_date,
    read_metadata,
    reporter_name,
)

D = dt.date

# --------------------------------------------------------------- dates

DATE_LINES = [
    ("승인 : 2024. 11. 14. 14:30", D(2024, 11, 14)),
    ("입력 2024.05.23 14:30", D(2024, 5, 23)),
    ("입력 : 2019-09-06 15:26", D(2019, 9, 6)),
    ("등록 2024-10-31 오후 3:12", D(2024, 10, 31)),
    ("기사입력 2018/05/28 [14:05]", D(2018, 5, 28)),
    ("기사승인 2023-05-26 18:32", D(2023, 5, 26)),
    ("업데이트 2018.11.29 17:20", D(2018, 11, 29)),
    ("2024년11월28일 15:40", D(2024, 11, 28)),
    ("2024년 3월 7일 오전 9시 30분", D(2024, 3, 7)),
    ("2018-12-13 11:20", D(2018, 12, 13)),
    ("2024-04-23 15:30", D(2024, 4, 23)),
    ("2024.11.14(목) 14:30", D(2024, 11, 14)),
    ("등록일 : 2022-01-05", D(2022, 1, 5)),
    ("송고시간2024-03-01 07:00", D(2024, 3, 1)),
    ("최종수정 2021.03.02 10:00", D(2021, 3, 2)),
    # an unlabelled first date, then the update: the first is the publication
    ("2022.11.25 22:48 | 수정 2022.11.26 08:10", D(2022, 11, 25)),
    ("홍길동 기자 | 입력 2024.06.12 10:05", D(2024, 6, 12)),
]


@pytest.mark.parametrize(("line", "expected"), DATE_LINES)
def test_each_printed_date_form_gives_the_date(line, expected):
    assert find_published(["기사 제목이 여기에 있습니다", line, "본문 첫 문장이다."]) == expected


@pytest.mark.parametrize(
    "lines",
    [
        ["입력 2024.11.18 15:42  수정 2024.11.19 16:05"],
        ["수정 2024.11.19 16:05", "입력 2024.11.18 15:42"],
        ["업데이트 2024.11.19 16:05", "2024-11-18 15:42"],
        # the label after the date, as some agencies print it
        ["2024-11-18 15:42 송고 | 2024-11-19 16:05 최종수정"],
        ["2024-11-19 16:05 최종수정 | 2024-11-18 15:42 송고"],
    ],
)
def test_first_publication_wins_over_the_update(lines):
    assert find_published(lines) == D(2024, 11, 18)


@pytest.mark.parametrize(
    "lines",
    [
        ["지난 2023년 5월 1일 시행된 법이 효력을 잃었다."],  # a date inside a sentence
        ["입력 2024.13.45 10:00"],  # no such day
        ["제목만 있는 기사", "본문만 있다."],
    ],
)
def test_no_date_where_the_text_gives_no_publication_date(lines):
    assert find_published(lines) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-23", D(2024, 5, 23)),
        ("2024-05-23T14:30:00+09:00", D(2024, 5, 23)),
        ("2024.05.23 14:30", D(2024, 5, 23)),
        ("2024년 5월 23일", D(2024, 5, 23)),
        ("어제", None),
    ],
)
def test_parse_date_reads_feed_and_meta_tag_values(value, expected):
    assert parse_date(value) == expected


# ------------------------------------------------------------ bylines

BYLINES = [
    ("2022년 10월 05일 (수) 14:20:00    배지훈 기자  bae@example.kr", "배지훈"),
    ("송지후 기자  2024. 2. 20. 08:00", "송지후"),
    ("엔터뉴스 | 진다솜 기자", "진다솜"),
    ("울산 오세은 기자", "오세은"),
    ("[서울=뉴시스] 홍길동 기자 = 정부가 내년 예산안을 확정했다.", "홍길동"),
    ("(세종=연합뉴스) 김민지 기자 = 기획재정부는 3일 밝혔다.", "김민지"),
    ("[대덕넷 한윤진 기자]", "한윤진"),
    ("[파이낸스포커스 = 오태윤 기자] 금융당국이 후속 조치에 속도를 낸다.", "오태윤"),
    ("뉴스펀치 조평훈 기자 | 국내 최대 창업경진대회의 왕좌가 가려졌다.", "조평훈"),
    ("대전=김영준기자 kyj85@example.com", "김영준"),
    ("홍길동 기자 gildong@example.co.kr", "홍길동"),
    ("글·사진 박상훈 기자", "박상훈"),
    ("스포츠경제플러스 박서연 기자", "박서연"),
    ("남궁은비 기자 ebi@example.co.kr", "남궁은비"),
    ("[워싱턴=뉴시스] 이준호 특파원 = 미국 정부가 발표했다.", "이준호"),
    ("최민수 선임기자", "최민수"),
    ("권나래 기자 입력 2024.02.01 10:00", "권나래"),
    ("홍길동 기자 (gildong@example.com)", "홍길동"),
    ("[서울=뉴시스] 홍길동·김철수 기자 = 두 사람이 함께 쓴 기사다.", "홍길동"),
    ("【서울=뉴시스】홍길동 기자 = 서울시가 청년 창업 지원을 늘린다.", "홍길동"),
    ("/이서연 기자 seoyeon@example.com", "이서연"),
    ("국토교통부는 지원 대상을 넓힌다고 밝혔다. /이서연 기자", "이서연"),
]


@pytest.mark.parametrize(("line", "name"), BYLINES)
def test_each_byline_form_gives_the_reporter(line, name):
    assert find_author(["기사 제목이 여기에 있습니다", line]) == name
    assert is_byline(line)


@pytest.mark.parametrize(
    "line",
    [
        "취재기자들이 행사장 앞에 몰렸다.",
        "이날 기자회견에서 김 장관은 입장을 밝혔다.",
        "행사에는 홍길동 기자 등 100여명이 참석했다.",
        "사진기자 협회가 올해의 사진을 뽑았다.",
        "김 기자가 현장을 찾았다.",
        "[서울=뉴시스]",
        "한국 기자 협회",
    ],
)
def test_sentences_that_mention_reporters_are_not_bylines(line):
    assert find_author([line]) is None
    assert not is_byline(line)


def test_a_photo_credit_gives_way_to_the_real_byline():
    lines = [
        "장관이 인사말을 하고 있다. /사진=오세은 기자",
        "본문이다.",
        "뉴스웨이 강민석 기자",
    ]
    assert find_author(lines) == "강민석"


@pytest.mark.parametrize(
    "credit",
    [
        "장관이 인사말을 하고 있다./사진=오세은 기자",
        "내빈들이 테이프를 자르고 있다. (사진=오세은 기자)",
        "사진=오세은 기자",
    ],
)
def test_a_photo_credit_is_the_fallback_when_there_is_no_byline(credit):
    assert find_author(["기사 제목이 여기에 있습니다", credit]) == "오세은"
    assert not is_byline(credit)


@pytest.mark.parametrize(
    ("meta_author", "name"),
    [("김민준 기자", "김민준"), ("김민준", "김민준"), ("김민준, 이서연", "김민준"), ("편집국", None)],
)
def test_reporter_name_reads_an_html_author_field(meta_author, name):
    assert reporter_name(meta_author) == name


# ------------------------------------------------------------ outlets

COPYRIGHTS = [
    ("ⓒ 아시아투데이, 무단전재 및 재배포 금지", "아시아투데이"),
    ("<저작권자 ⓒ 서울경제, 무단 전재 및 재배포 금지>", "서울경제"),
    ("Copyright ⓒ 전자신문. 무단전재 및 재배포 금지", "전자신문"),
    ("저작권자(c) 뉴스핌(Newspim), 무단 전재-재배포 금지", "뉴스핌"),
    ("저작권자 © 온라인 경제미디어 뉴스웨이 · 무단 전재 및 재배포 금지", "뉴스웨이"),
    ("ⓒ매일신문 - www.imaeil.com", "매일신문"),
    ("Copyright © 씨네리포트. All rights reserved.", "씨네리포트"),
    ("ⓒ 테크브리핑 | 무단전재·재배포 금지", "테크브리핑"),
    ("ⓒ뉴데일리경제 무단전재 및 재배포 금지", "뉴데일리경제"),
    ("저작권자 © 메디컬인사이트 무단전재 및 재배포 금지", "메디컬인사이트"),
    ("Copyright ⓒ 스포츠경제플러스. All rights reserved. 무단 전재 및 재배포 금지.", "스포츠경제플러스"),
    ("<저작권자 ⓒ 1980-2024 ㈜한빛뉴스. 무단 전재 재배포 금지>", "한빛뉴스"),
    ("ⓒ 한국경제신문 & hankyung.com, 무단전재 및 재배포 금지", "한국경제신문"),
    ("Copyright © The Example Times. All rights reserved.", "The Example Times"),
    ("<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>", "연합뉴스"),
    ("<ⓒ경향신문(https://www.khan.co.kr), 무단전재 및 재배포 금지>", "경향신문"),
    ("무단전재 및 재배포금지 ⓒ 이데일리", "이데일리"),
    ("본 기사의 저작권은 한빛일보에 있으며 무단전재 및 재배포를 금지합니다", "한빛일보"),
    # a slogan before the name: the name is the one given with the site
    ("<ⓒ믿을 수 있는 지역신문, 누리일보(www.nuri-ilbo.kr) 무단전재 배포금지>", "누리일보"),
]


@pytest.mark.parametrize(("line", "outlet"), COPYRIGHTS)
def test_each_copyright_form_gives_the_outlet(line, outlet):
    assert outlet_from_copyright(line) == outlet
    assert find_publisher(["기사 제목이 여기에 있습니다", "본문이다.", line]) == outlet


@pytest.mark.parametrize("line", ["무단전재 및 재배포 금지", "이 기사는 무단 전재를 금지합니다"])
def test_a_notice_without_a_name_gives_no_outlet(line):
    assert outlet_from_copyright(line) is None


def test_a_credit_at_the_end_of_a_caption_is_not_the_publisher():
    lines = ["교수가 기조연설을 하고 있다. ⓒ다른통신", "본문이다.", "ⓒ 테크브리핑 | 무단전재·재배포 금지"]
    assert find_publisher(lines) == "테크브리핑"


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        (["[서울=뉴시스] 홍길동 기자 = 정부가 발표했다."], "뉴시스"),
        (["[순창=호남데일리] 문지호 기자 = 순창군이 협약을 맺었다."], "호남데일리"),
        (["(세종=연합뉴스) 김민지 기자 = 기획재정부는 밝혔다."], "연합뉴스"),
        (["[대덕넷 한윤진 기자]", "본문이다."], "대덕넷"),
        (["[파이낸스포커스 = 오태윤 기자] 금융당국이 움직였다."], "파이낸스포커스"),
        (["스포츠경제플러스 박서연 기자", "본문이다."], "스포츠경제플러스"),
        (["장관이 발언하고 있다. (사진=금융위원회)", "[서울=뉴시스] 홍길동 기자 = 본문."], "뉴시스"),
    ],
)
def test_without_a_copyright_line_the_dateline_or_byline_names_the_outlet(lines, outlet):
    assert find_publisher(lines) == outlet


@pytest.mark.parametrize(
    "lines",
    [
        ["울산 오세은 기자", "본문이다."],  # a bureau, not an outlet
        ["글·사진 박상훈 기자"],
        ["장관이 발언하고 있다. (사진=금융위원회)"],
    ],
)
def test_places_and_photo_credits_are_never_outlets(lines):
    assert find_publisher(lines) is None


def test_a_lone_name_line_above_the_headline_is_the_outlet():
    text = "한빛경제\n\n전체메뉴\n공유하기\n\n중기부, 스마트공장 지원사업 두 배로 확대\n\n본문이다."
    assert read_metadata(text).publisher == "한빛경제"


# ------------------------------------------------------------- headline

@pytest.mark.parametrize(
    ("text", "headline"),
    [
        (
            "서울경제\n\n전체메뉴\n산업 > 중소기업\n\n공유하기\n글자크기 설정\n\n"
            "'2024 소상공인 대회' 부산서 열려…모범 소상공인 133명 포상\n\n입력 2024.11.02 17:41\n본문이다.",
            "'2024 소상공인 대회' 부산서 열려…모범 소상공인 133명 포상",
        ),
        (
            "[대덕넷 한윤진 기자]\n2018-12-13 11:20\n\n과기정통부, 올해의 우수과학자 17명 시상\n\n본문이다.",
            "과기정통부, 올해의 우수과학자 17명 시상",
        ),
        (
            "뉴스  야구  축구  농구·배구  골프  포토\n\n'최연소 MVP' 김도영 \"느낌표 되겠다\"\n승인 : 2024. 11. 26. 18:40",
            "'최연소 MVP' 김도영 \"느낌표 되겠다\"",
        ),
        (
            "김민준 기자 | 입력 2024.05.23 14:30\n중기부, 스마트공장 지원사업 확대 추진\n본문이다.",
            "중기부, 스마트공장 지원사업 확대 추진",
        ),
    ],
)
def test_the_headline_is_the_first_substantial_line_that_is_not_chrome(text, headline):
    assert read_metadata(text).headline == headline


def test_a_text_that_starts_with_its_body_has_no_headline():
    assert find_headline(["【서울=뉴시스】홍길동 기자 = 서울시가 청년 창업 지원을 늘린다.", "서울시는 3일 밝혔다."]) is None
    assert find_headline(["서울시는 3일 청년 창업 지원을 늘린다고 밝혔다.", "둘째 문장이다."]) is None
    paragraph = "중소벤처기업부는 14일 울산에서 혁신대전을 열고 유공자 230명에게 포상을 수여했다. " * 2
    assert find_headline([paragraph.strip()]) is None


def test_read_metadata_reads_all_four_from_one_copied_page():
    text = "\n".join(
        [
            "닫기",
            "‘기술·경영 혁신대전’ 개막…장관 “AI 활용 기업만 생존”",
            "기사듣기 기사듣기중지",
            "울산 오세은 기자",
            "승인 : 2024. 11. 14. 14:30",
            "1",
            "장관이 포상을 수여하고 있다./사진=오세은 기자",
            "중소벤처기업부는 14일 울산에서 혁신대전을 열었다.",
            "ⓒ 아시아투데이, 무단전재 및 재배포 금지",
        ]
    )
    assert read_metadata(text) == Metadata(
        headline="‘기술·경영 혁신대전’ 개막…장관 “AI 활용 기업만 생존”",
        published=D(2024, 11, 14),
        author="오세은",
        publisher="아시아투데이",
    )
