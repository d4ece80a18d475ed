"""Remove the web page's chrome that comes along when an article is copied.

A reader who selects a Korean news page and copies it gets, around the
article, lines such as "홈 > 뉴스 > 사회", "공유하기", "기사듣기 기사듣기중지",
"카카오톡  페이스북  URL 복사", a lone "1" (the photo counter), "[관련기사]"
with its list of other headlines, "댓글 0" and "ⓒ 아시아투데이, 무단전재 및
재배포 금지". This module drops those lines and keeps everything an extractor
may read: headline, subheadline, byline, dateline, body and photo captions
("…/사진=오세은 기자", "(사진=…)", "▲ …").

Lines are judged one at a time, by shape, against small vocabularies of
interface words; a line is removed only when it consists of nothing but
chrome, so a sentence that mentions "공유" or "댓글" stays.
"""
from __future__ import annotations

import re

# Interface words of Korean news sites (buttons, share targets, tool bars).
_CHROME_PHRASES = """
닫기 열기 공유하기 공유 기사공유 기사_공유 공유_버튼 기사듣기 기사_듣기 기사듣기중지 듣기중지 듣기_중지
음성으로_듣기 본문듣기 본문_듣기 음성듣기 글자크기 글자_크기 글자크기_설정 글자_크기_설정 글씨크기 글씨_크기
폰트 글꼴 가 가+ 크게 작게 인쇄 인쇄하기 프린트 스크랩 스크랩하기 북마크 저장 카카오톡 카카오스토리
카카오 페이스북 트위터 엑스 X 네이버 밴드 라인 텔레그램 링크드인
이메일 메일 메일보내기 URL_복사 URL복사 url_복사 링크_복사 링크복사 주소_복사 주소복사 복사 전체메뉴 메뉴
검색 검색하기 로그인 로그아웃 회원가입 마이페이지 top버튼 top_버튼 TOP Top top 맨위로 맨_위로 위로 기사제보
제보 제보하기 후원하기 후원 구독 구독하기 구독신청 기자구독 뉴스레터 댓글 댓글_작성하기
댓글작성하기 댓글쓰기 댓글_쓰기 댓글보기 댓글_보기 추천 추천하기 좋아요 싫어요 공감 이전기사 다음기사 이전_기사
다음_기사 목록 목록보기 기사목록 홈 HOME Home 광고 AD 크게보기 크게_보기
원본보기 원본_보기 바로가기 더보기 전체보기 본문_바로가기 오탈자_신고 기사_오류_신고 신고 번역 다크모드
기자의_다른기사 기자의_다른_기사 다른기사_보기 기사_원문 기사원문 SNS_공유 기사_읽어주기 기사읽어주기
음성_재생 재생 정지 일시정지 글씨_키우기 글씨_줄이기 키우기 줄이기 기사저장 이미지 사진 블로그 링크
좋아요 슬퍼요 화나요 후속기사_원해요 훈훈해요 추천해요 흥미로워요 놀라워요 감동이에요 응원해요
""".split()

_SEPARATORS = r"[\s|/·•∙,:\-–—>]*"
_PHRASE = "|".join(
    re.escape(p).replace("_", r"\s*") for p in sorted(_CHROME_PHRASES, key=len, reverse=True)
)
# A whole line of interface words, each optionally with a counter ("댓글 0", "추천 (3)").
_CHROME_LINE = re.compile(
    rf"{_SEPARATORS}(?:(?:{_PHRASE})(?:\s*\(?\d+\)?)?{_SEPARATORS})+", re.IGNORECASE
)

# Tool bars are short; the cap also bounds the regex's backtracking. (Phrases
# that are two other phrases in a row, like "트위터 엑스", are left out for that.)
_CHROME_LINE_MAX = 120

# Section names that make up menu bars and breadcrumbs.
MENU_WORDS: frozenset[str] = frozenset(
    """
홈 HOME Home 뉴스 전체기사 전체뉴스 최신뉴스 최신기사 주요뉴스 많이본뉴스 전체 정치 경제 사회 국제 세계
문화 생활 라이프 연예 스포츠 야구 축구 농구 배구 골프 포토 영상 동영상 오피니언 사설 칼럼 기고 인물 피플
사람들 부고 인사 산업 IT 과학 테크 기업 재계 금융 증권 부동산 유통 자동차 중소기업 벤처 중기 창업 정책
병원 제약 바이오 헬스케어 의료 건강 교육 환경 지역 전국 지방 기획 연재 이슈 특집 여행 레저 게임 방송
북한 외교 국방 행정 법원 검찰 사건사고 사건 노동 복지 여성 종합 핫이슈 경제일반 사회일반 정치일반
체육일반 인공지능 AI 글로벌 비즈 비즈니스 에너지 농업 해양 카드뉴스 그래픽 팩트체크 데이터 English
中文 日本語 더보기 지자체 의회 대학 과학기술 ICT 모바일 통신 인터넷 보안 반도체 전자 유통·소비
증권·금융 부동산·건설 건설 공연 전시 책 미디어 TV 연예가 해외 해외축구 e스포츠 블록체인 가상자산
""".split()
)

_BREADCRUMB_SPLIT = re.compile(r"\s*[>›»]\s*")
_MENU_SPLIT = re.compile(r"\s{2,}|\s*[|│]\s*|\t")
_SENTENCE_MARKS = re.compile(r"[.,!?\"'“”‘’()…]")

_LONE_NUMBER = re.compile(r"\d{1,3}(?:\s*/\s*\d{1,3})?")
_BULLETS_ONLY = re.compile(r"[\s·•∙‧ㆍ\-–—=_▶▷►▸*□■◆◇○●▲△▼▽◀◁|/…~]+")
_BARE_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_BARE_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_COMMENT_UI = re.compile(
    r"로그인\s*(?:후|하시면|하셔야|이\s*필요|해\s*주세요|하세요|하기)"
    r"|댓글\s*(?:작성|쓰기|달기|보기|입력|등록|남기기|더보기)"
    r"|댓글을\s*(?:남길|작성|입력|등록|달)"
    r"|첫\s*(?:번째\s*)?댓글"
    r"|댓글\s*\(?\d+\)?\s*$"
)
_COMMENT_UI_MAX = 60

_COPYRIGHT_MARK = re.compile(r"^[<\[(【〈《]?\s*(?:ⓒ|©|\(c\)|저작권자)", re.IGNORECASE)
_COPYRIGHT_WORDS = re.compile(
    r"무단\s*(?:전재|복제|배포|게재)|재배포\s*금지|all\s+rights\s+reserved|copyright", re.IGNORECASE
)
_COPYRIGHT_MAX = 160

_RELATED_HEADER = re.compile(
    r"[\[【<〈《]?\s*(?:관련\s*기사|관련\s*뉴스|관련\s*기사\s*더보기|함께\s*(?:본|보면\s*좋은|읽으면\s*좋은)\s*(?:기사|뉴스)"
    r"|많이\s*본\s*(?:기사|뉴스)|추천\s*(?:기사|뉴스)|인기\s*(?:기사|뉴스)|이\s*시각\s*(?:주요|인기|많이\s*본)?\s*(?:뉴스|기사)"
    r"|주요\s*(?:기사|뉴스)|최신\s*(?:기사|뉴스)|기자의\s*다른\s*기사|다른\s*기사\s*보기)"
    r"\s*[\]】>〉》]?\s*:?\s*(?:더\s*보기|더보기)?"
)
_LIST_ITEM = re.compile(r"^(?:[·•∙‧ㆍ\-–—▶▷►▸*□■◆◇○●]|\[[^\]]{1,12}\]|\d{1,2}\.\s)")
_SENTENCE_END = re.compile(r"(?:다|요|까)[.!?]?[\"'”’)]*$|[.!?][\"'”’)]*$")
_RELATED_ITEM_MAX = 80

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def normalize_line(line: str) -> str:
    """One space between words, none at the ends (NBSP and ideographic spaces too)."""
    return _SPACES.sub(" ", line).strip()


def is_copyright(line: str) -> bool:
    """A copyright notice line: "ⓒ 아시아투데이, 무단전재 및 재배포 금지",
    "<저작권자 ⓒ 서울경제 …>", "Copyright © 씨네리포트. All rights reserved."

    A caption that merely ends in a credit ("… 하고 있다. ⓒ테크브리핑") is not one.
    """
    line = line.strip()
    if not line or len(line) > _COPYRIGHT_MAX:
        return False
    return bool(_COPYRIGHT_MARK.match(line) or _COPYRIGHT_WORDS.search(line))


def is_menu(line: str) -> bool:
    """A breadcrumb ("홈 > 뉴스 > 사회") or a menu bar ("전체기사  경제  산업  IT·과학")."""
    line = line.strip()
    crumbs = _BREADCRUMB_SPLIT.split(line)
    # Digits rule out comparisons such as "성장률 > 2%" in a body line.
    if (
        2 <= len(crumbs) <= 6
        and all(0 < len(c) <= 12 and not _SENTENCE_MARKS.search(c) for c in crumbs)
        and not any(ch.isdigit() for ch in line)
    ):
        return True
    # "영남타임즈 | 경제 | 공기업": the outlet and its sections, separated by bars
    bars = [b.strip() for b in line.split("|")]
    if 2 <= len(bars) <= 8 and all(0 < len(b) <= 10 and not _SENTENCE_MARKS.search(b) and " " not in b for b in bars):
        return True
    parts = [p for p in _MENU_SPLIT.split(line) if p]
    if len(parts) < 3:
        parts = line.split()
        # Single spaces also separate the words of a sentence: only all-menu words count.
        return len(parts) >= 3 and all(_menu_word(p) for p in parts)
    if any(len(p) > 8 or _SENTENCE_MARKS.search(p) for p in parts):
        return False
    known = sum(_menu_word(p) for p in parts)
    return known * 2 >= len(parts)


def _menu_word(word: str) -> bool:
    return word in MENU_WORDS or all(w in MENU_WORDS for w in re.split(r"[·ㆍ/]", word) if w)


def is_related_header(line: str) -> bool:
    """"[관련기사]", "관련기사", "많이 본 뉴스" … : the start of a list of other headlines."""
    return bool(_RELATED_HEADER.fullmatch(line.strip()))


def is_chrome(line: str) -> bool:
    """True for a line that is page interface, not article: see the module docstring.

    Copyright lines and related-article lists are judged separately
    (``is_copyright``, ``clean_text``) because they need context.
    """
    line = normalize_line(line)
    if not line:
        return False
    if (
        _LONE_NUMBER.fullmatch(line)
        or _BULLETS_ONLY.fullmatch(line)
        or _BARE_URL.fullmatch(line)
        or _BARE_EMAIL.fullmatch(line)
        or (len(line) <= _CHROME_LINE_MAX and _CHROME_LINE.fullmatch(line))
    ):
        return True
    if len(line) <= _COMMENT_UI_MAX and _COMMENT_UI.search(line):
        return True
    return is_menu(line)


def _ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def _related_block_end(lines: list[str], start: int) -> int:
    """Index just past the related-articles list that begins after header ``start``.

    Items are bullet or "[포토]" lines anywhere in the block, or headline-like
    lines (short, not a finished sentence) right under the header or another item.
    """
    i, items, adjacent = start + 1, 0, True
    while i < len(lines):
        line = lines[i]
        if not line:
            adjacent = items == 0
            i += 1
            continue
        if is_copyright(line) or (not _LIST_ITEM.match(line) and not _headline_like(line, adjacent)):
            break
        items += 1
        adjacent = True
        i += 1
    # Trailing blank lines belong to whatever follows.
    while i > start + 1 and not lines[i - 1]:
        i -= 1
    return i


def _headline_like(line: str, adjacent: bool) -> bool:
    from .metadata import is_byline  # metadata imports this module for chrome tests

    return (
        adjacent
        and len(line) <= _RELATED_ITEM_MAX
        and not _ends_sentence(line)
        and not is_byline(line)
    )


def clean_text(text: str) -> str:
    """The article without page chrome; paragraphs kept, one blank line at most between them.

    >>> clean_text("홈 > 뉴스 > 사회\\n\\n공유하기\\n본문 첫 문장이다.\\n1\\nⓒ 한빛일보, 무단전재 및 재배포 금지")
    '본문 첫 문장이다.'
    """
    lines = [normalize_line(line) for line in text.split("\n")]
    kept: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if is_related_header(line):
            i = _related_block_end(lines, i)
            continue
        if not (is_chrome(line) or is_copyright(line)):
            if line or (kept and kept[-1]):
                kept.append(line)
        i += 1
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept)
