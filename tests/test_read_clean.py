"""Web-page chrome leaves the article; captions, headline, byline and body stay (kg.read.clean)."""
from __future__ import annotations

import pytest

from kg.read.clean import clean_text, is_chrome, is_copyright, is_menu

CHROME = [
    "홈 > 뉴스 > 사회",
    "경제 > 중소기업·벤처",
    "IT·과학 > 인공지능",
    "전체메뉴",
    "전체기사  경제  산업  IT·과학  사회  오피니언",
    "뉴스  야구  축구  농구·배구  골프  포토",
    "전체기사 | 정책 | 병원 | 제약·바이오 | 헬스케어",
    "한빛타임즈 | 경제 | 공기업",
    "한빛인사이트 | 투자·M&A",
    "정치 경제 사회 국제 문화",
    "닫기",
    "공유하기",
    "기사듣기",
    "기사듣기중지",
    "기사듣기 기사듣기중지",
    "글자크기",
    "글자크기 설정",
    "인쇄",
    "스크랩",
    "기사공유  스크랩  인쇄",
    "공유하기 | 기사듣기 | 글자크기 | 인쇄",
    "  • 카카오톡",
    "• 트위터 엑스",
    "카카오톡  페이스북  X  URL 복사",
    "URL 복사",
    "1",
    "3",
    "2/5",
    "•",
    "▶",
    "https://news.example.co.kr/view.php?key=20241114010007011",
    "www.example.co.kr",
    "reporter@example.co.kr",
    "top버튼",
    "TOP",
    "댓글 0",
    "댓글 작성하기",
    "추천 0  댓글 0",
    "기사 공유  스크랩  인쇄  댓글 0",
    "로그인 후 댓글을 남길 수 있습니다.",
    "기사제보 후원하기",
    "기사제보  구독신청",
    "광고",
    "기사 읽어주기",
    "이미지 크게보기",
    "좋아요 0  슬퍼요 0  화나요 0  후속기사 원해요 0",
]


@pytest.mark.parametrize("line", CHROME)
def test_chrome_lines_are_removed(line):
    assert is_chrome(line)
    assert clean_text(f"본문 첫 문장이다.\n{line}\n본문 둘째 문장이다.") == "본문 첫 문장이다.\n본문 둘째 문장이다."


COPYRIGHT = [
    "ⓒ 아시아투데이, 무단전재 및 재배포 금지",
    "<저작권자 ⓒ 서울경제, 무단 전재 및 재배포 금지>",
    "Copyright ⓒ 전자신문. 무단전재 및 재배포 금지",
    "저작권자(c) 뉴스핌(Newspim), 무단 전재-재배포 금지",
    "ⓒ매일신문 - www.imaeil.com",
    "Copyright © 씨네리포트. All rights reserved.",
    "무단전재 및 재배포 금지",
]


@pytest.mark.parametrize("line", COPYRIGHT)
def test_copyright_lines_are_removed(line):
    assert is_copyright(line)
    assert clean_text(f"본문이다.\n\n{line}") == "본문이다."


KEPT = [
    # headline, subheadline, byline, dateline, date line
    "‘중기 기술·경영 혁신대전’ 개막…오영주 “AI 활용 기업만 생존”",
    "모범소상공인·육성공로자·유공단체 3개 부문 133명 포상",
    "울산 오세은 기자",
    "글·사진 박상훈 기자",
    "[서울=뉴시스] 홍길동 기자 = 정부가 내년 예산안을 확정했다.",
    "입력 2024.05.23 14:30",
    "승인 : 2024. 11. 14. 14:30",
    # photo captions
    "장관이 기념촬영을 하고 있다./사진=오세은 기자",
    "내빈들이 테이프를 자르고 있다. (사진=박상훈 기자)",
    "▲ 28일 협약식에서 기관장들이 기념촬영을 하고 있다. /사진=비즈온뉴스 DB",
    "교수가 기조연설을 하고 있다. ⓒ테크브리핑",
    "'2018 소상공인 대회' 행사장 모습./사진제공=소상공인연합회",
    # body sentences that use interface words
    "정부는 공유경제 플랫폼 규제를 완화한다고 밝혔다.",
    "해당 영상에는 댓글 3000여개가 달렸다.",
    "수출 증가율은 전년 대비 2.5%였다.",
    "△AI △탄소중립 △글로벌 등 4대 분야가 중심이다.",
    "[포토] 행사장을 찾은 시민들",
]


@pytest.mark.parametrize("line", KEPT)
def test_article_lines_stay(line):
    assert not is_chrome(line)
    assert not is_copyright(line)
    assert clean_text(line) == line


@pytest.mark.parametrize(
    "block",
    [
        "[관련기사]\n[포토] 소상공인 대회 찾은 시민들",
        "관련기사\n· 전국 대표 축제 한자리에…사흘간 열전\n· 봄 축제 시즌 개막…유치 경쟁 '후끈'",
        "[관련기사]\n스타트업 투자 혹한기…초기 창업기업 자금난 여전\nAI·바이오 딥테크 창업 열기 '후끈'",
        "[관련기사]\n\n· [인터뷰] \"딥러닝 다음은 무엇인가\"\n\n· [포토] 기조연설 경청하는 참석자들",
        "많이 본 뉴스\n1. 동해안 해수욕장 다음 달 개장\n2. 원주 혁신도시 인구 3만명 돌파",
    ],
)
def test_related_article_blocks_are_removed_with_their_lists(block):
    text = f"본문 마지막 문장이다.\n\n박서연 기자\n\n{block}\n\nⓒ 한빛일보, 무단전재 및 재배포 금지"
    assert clean_text(text) == "본문 마지막 문장이다.\n\n박서연 기자"


def test_a_related_block_stops_at_the_next_paragraph_of_the_article():
    text = "관련기사\n· 다른 기사의 제목\n\n정부는 이번 대책을 다음 달부터 시행한다고 밝혔다."
    assert clean_text(text) == "정부는 이번 대책을 다음 달부터 시행한다고 밝혔다."


def test_menu_shapes_need_menu_words_or_short_parts():
    assert is_menu("산업 > 중소기업")
    assert not is_menu("성장률 > 2%")
    assert not is_menu("이탁희 서울대 교수와 이영숙 포항공대 교수")
    assert not is_menu("한국과학상 이탁희·이영숙, 한국공학상 심태보·최원용")


def test_a_copied_page_keeps_its_article_and_line_structure():
    page = (
        "닫기\n\n"
        "‘혁신대전’ 개막…장관 “AI 활용 기업만 생존”  \n\n"
        "기사듣기 기사듣기중지\n\n공유하기\n\n닫기\n\n"
        "  • 카카오톡\n\n  • 페이스북\n\nURL 복사\n\n"
        "https://news.example.co.kr/view.php?key=1\n\n글자크기\n\n닫기\n\n"
        "울산 오세은 기자\n\n"
        "승인 : 2024. 11. 14. 14:30\n\n"
        "1\n"
        "장관이 포상을 수여하고 있다./사진=오세은 기자\n"
        "혁신대전이 개막했다.\n\n\n\n"
        "중소벤처기업부는 14일 울산에서 개회식을 열었다.\u00a0\u00a0\n\n"
        "ⓒ 아시아투데이, 무단전재 및 재배포 금지\n\n"
        "기사제보 후원하기\n\n댓글 작성하기\n"
    )
    assert clean_text(page) == (
        "‘혁신대전’ 개막…장관 “AI 활용 기업만 생존”\n\n"
        "울산 오세은 기자\n\n"
        "승인 : 2024. 11. 14. 14:30\n\n"
        "장관이 포상을 수여하고 있다./사진=오세은 기자\n"
        "혁신대전이 개막했다.\n\n"
        "중소벤처기업부는 14일 울산에서 개회식을 열었다."
    )


def test_a_page_of_nothing_but_chrome_cleans_to_nothing():
    assert clean_text("공유하기\n\n닫기\n1\n댓글 0\nⓒ 한빛일보, 무단전재 및 재배포 금지") == ""
