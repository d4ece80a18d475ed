"""An article's headline, date, reporter and outlet, read from its copied text.

Korean news sites print these in a handful of shapes that do not depend on
the outlet, so every rule here is a pattern of shape, never a list of sites:

- date: "승인 : 2024. 11. 14. 14:30", "입력 2024.05.23 14:30", "등록 2024-10-31
  오후 3:12", "기사입력 2018/05/28 [14:05]", "2024년11월28일 15:40", or a bare
  date line; first publication (입력/등록/승인) wins over 수정/업데이트;
- reporter: 2–4 Hangul syllables directly before 기자 on a byline ("울산 오세은
  기자", "[서울=뉴시스] 홍길동 기자 =", "대전=김영준기자 kyj85@…"); a photo
  credit ("사진=오세은 기자") is used only when there is no byline;
- outlet: the copyright line ("ⓒ 아시아투데이, 무단전재 …"), else the dateline
  ("[서울=뉴시스]"), else the byline's prefix, else a lone name line at the top;
- headline: the first line of ten characters or more that is not chrome, a
  date, a byline or the outlet's name.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .clean import MENU_WORDS, is_chrome, is_copyright, is_related_header, normalize_line
from .surnames import looks_like_name


@dataclass(frozen=True)
class Metadata:
    """What the text says about the article itself; None where it says nothing."""

    headline: str | None = None
    published: dt.date | None = None
    author: str | None = None
    publisher: str | None = None


# ----------------------------------------------------------------- dates

_DATE = (
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:년|[.\-/])\s*(?P<m>\d{1,2})\s*(?:월|[.\-/])\s*"
    r"(?P<d>\d{1,2})(?!\d)(?:\s*일|\.)?"
)
_WEEKDAY = r"(?:\s*[\[(]?\s*[월화수목금토일](?:요일)?\s*[\])]?)?"
_TIME = (
    r"(?:\s*[\[(]?\s*(?:오전|오후|AM|PM|am|pm)?\s*\d{1,2}\s*(?::|시)\s*\d{1,2}"
    r"(?:\s*(?::|분)\s*\d{1,2})?\s*(?:분|초)?\s*[\])]?)?"
)
_FIRST_LABELS = ("최초입력", "기사입력", "기사승인", "기사등록", "입력", "등록", "승인", "작성", "게재", "발행", "송고", "published", "posted")
_UPDATE_LABELS = ("최종수정", "기사수정", "최종업데이트", "수정", "업데이트", "updated", "modified")
_LABEL = "|".join(
    r"\s*".join(map(re.escape, label)) if not label.isascii() else re.escape(label)
    for label in sorted(_FIRST_LABELS + _UPDATE_LABELS, key=len, reverse=True)
)
_LABELLED_DATE = re.compile(
    rf"(?<![가-힣A-Za-z])(?P<label>{_LABEL})\s*(?:일시|일자|시간|시각|일)?\s*[:：]?\s*{_DATE}",
    re.IGNORECASE,
)
# "2025-12-19 11:32 송고 | 2025-12-19 13:05 최종수정": the label after the date
_DATE_THEN_LABEL = re.compile(rf"{_DATE}{_WEEKDAY}{_TIME}\s*(?P<label>{_LABEL})(?![가-힣A-Za-z])", re.IGNORECASE)
_DATE_LINE = re.compile(rf"[\s\[(<|]*{_DATE}{_WEEKDAY}{_TIME}[\s\])>|]*")
_DATE_ANYWHERE = re.compile(_DATE)


def _to_date(match: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def parse_date(value: str) -> dt.date | None:
    """A date from a string as sites and feeds write it: ISO 8601 or the Korean forms.

    >>> parse_date("2024-05-23T14:30:00+09:00"), parse_date("2024년 11월 28일")
    (datetime.date(2024, 5, 23), datetime.date(2024, 11, 28))
    """
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    match = _DATE_ANYWHERE.search(value)
    return _to_date(match) if match else None


def _is_first_label(label: str) -> bool:
    return re.sub(r"\s+", "", label).lower() in _FIRST_LABELS


def find_published(lines: Sequence[str]) -> dt.date | None:
    """The first-publication date: labelled 입력/등록/승인 first, then a bare date
    line, then 수정/업데이트."""
    bare: dt.date | None = None
    updated: dt.date | None = None
    for line in lines:
        labelled = list(_LABELLED_DATE.finditer(line))
        if not labelled:
            labelled = list(_DATE_THEN_LABEL.finditer(line))
        for match in labelled:
            date = _to_date(match)
            if date is None:
                continue
            if _is_first_label(match["label"]):
                return date
            updated = updated or date
        if bare is None and (match := _DATE_LINE.fullmatch(line)):
            bare = _to_date(match)
        # "송지후 기자  2024. 2. 20. 08:00": a date on the byline's line
        if bare is None and not labelled and len(line) <= 90 and re.search(r"[가-힣]{2,4}\s?기자", line) \
                and (match := _DATE_ANYWHERE.search(line)):
            bare = _to_date(match)
        # "2022.11.25 22:48 | 수정 2022.11.26 08:10": an unlabelled date before the update is the first
        if bare is None and labelled and (first := _DATE_ANYWHERE.search(line)) and first.start() < labelled[0].start() \
                and not line[:first.start()].strip(" |[(<"):
            bare = _to_date(first)
    return bare or updated


def is_date_line(line: str) -> bool:
    """A line that only gives the article's date(s) ("입력 2024.11.18 15:42 수정 …")."""
    line = line.strip()
    if _DATE_LINE.fullmatch(line):
        return True
    match = _LABELLED_DATE.match(line)
    if bool(match) and len(line) <= 60:
        return True
    # "2022.11.25 22:48 | 수정 2022.11.26 08:10": only dates, times, labels and separators
    rest = re.sub(_LABEL, "", re.sub(r"\d{1,2}:\d{2}(:\d{2})?", "", _DATE_ANYWHERE.sub("", line)), flags=re.IGNORECASE)
    return bool(_DATE_ANYWHERE.search(line)) and not re.search(r"[가-힣A-Za-z]{2}", rest) and len(line) <= 80


# -------------------------------------------------------------- bylines

_ROLE = r"(?:(?:선임|수석|전문|객원|인턴|수습|취재|사진|영상|편집|대)\s?)?(?:기자|특파원|통신원)"
_BYLINE_END = r"(?=\s*(?:$|[=|\]\)】/,·:(<\[]|[\w.+-]+@|\d|입력|승인|등록|기사입력))"
_NAME_ROLE = re.compile(rf"(?<![가-힣])(?P<name>[가-힣]{{2,4}})\s?{_ROLE}(?![가-힣]){_BYLINE_END}")
_PHOTO_CREDIT = re.compile(r"(?:(?:사진|촬영|영상|그래픽|자료|출처)\s*(?:제공)?\s*[=:：]|^\s*[(\[]?\s*(?:사진|촬영|영상))\s*$")
_CO_REPORTER = re.compile(r"(?<![가-힣])(?P<name>[가-힣]{2,4})\s*[·,ㆍ]\s*$")
_HEADER_PREFIX = re.compile(r"[\[(【<]?[가-힣A-Za-z0-9·.&=_\-\s\[\]()【】/|]*")
_HEADER_PREFIX_MAX = 30
# "…밝혔다. /홍길동 기자": the reporter signs off after the last sentence.
_SIGN_OFF = re.compile(r"[.!?\"'”’]\s*/\s*$")
# Words that stand before 기자 without being anyone's name.
_NOT_NAMES = frozenset(
    """
사진 취재 영상 수습 객원 전문 선임 수석 인턴 편집 담당 기획 시민 명예 현장 현직 전직 전속 방송 신문 일보
경제 정치 사회 문화 국제 국내 산업 기상 동행 출입 종군 공동 주재 외신 해외 한국 중국 미국 일본 일선
이날 지난 당시 모든 많은 여러 한명 한편 관련 소속 우리 본지 자사 타사 각사 방송사 신문사 통신사
편집국 편집부 보도국 보도부 취재팀 취재부 뉴스팀 온라인팀 디지털팀 사회부 경제부 정치부 산업부 문화부
국제부 체육부 전국부 지역부 사진부 영상부 기획팀 특별취재팀 온라인뉴스팀
""".split()
)
# Desks and teams sign articles too ("편집국", "온라인뉴스팀"); they are not people.
_DESK = re.compile(r"(?:팀|데스크)$")


@dataclass(frozen=True)
class _Byline:
    name: str
    prefix: str
    photo_credit: bool
    rest: str  # what follows the byline on its line ("= 본문…" or an e-mail address)


def _bylines(line: str) -> list[_Byline]:
    if _DATE_ANYWHERE.search(line):
        line = _without_dates(line)
    found = []
    for match in _NAME_ROLE.finditer(line):
        name = match["name"]
        if name in _NOT_NAMES or not looks_like_name(name):
            continue
        prefix = line[: match.start()]
        # "홍길동·김철수 기자": two reporters share the title; the first one leads.
        if (first := _CO_REPORTER.search(prefix)) and looks_like_name(first["name"]):
            name, prefix = first["name"], prefix[: first.start()]
        if _PHOTO_CREDIT.search(prefix):
            found.append(_Byline(name, prefix, True, line[match.end():]))
        elif (
            len(prefix.strip()) <= _HEADER_PREFIX_MAX and _HEADER_PREFIX.fullmatch(prefix)
        ) or _SIGN_OFF.search(prefix):
            found.append(_Byline(name, prefix, False, line[match.end():]))
    return found


def is_byline(line: str) -> bool:
    """A reporter's byline line, not a photo credit ("오세은 기자", "[서울=뉴시스] 홍길동 기자 =")."""
    return any(not b.photo_credit for b in _bylines(normalize_line(line)))


def reporter_name(text: str) -> str | None:
    """The reporter named in a byline string ("김민준 기자", "김민준"), else None."""
    text = normalize_line(text)
    for byline in _bylines(text):
        return byline.name
    candidate = re.split(r"[,;/|·]", text)[0].strip()
    if candidate not in _NOT_NAMES and not _DESK.search(candidate) and looks_like_name(candidate):
        return candidate
    return None


def _without_dates(line: str) -> str:
    """"2022년 10월 05일 (수) 14:20:00    배지훈 기자": the byline once the date and time are gone."""
    line = _DATE_ANYWHERE.sub(" ", line)
    line = re.sub(r"[\[(]\s*[월화수목금토일](?:요일)?\s*[\])]|(?:오전|오후)?\s*\d{1,2}:\d{2}(?::\d{2})?", " ", line)
    return re.sub(r"\s{2,}", " ", line).strip()


def find_author(lines: Sequence[str]) -> str | None:
    """The reporter of the first byline; a photo credit's name when there is no byline."""
    credit: str | None = None
    for line in lines:
        for byline in _bylines(line):
            if not byline.photo_credit:
                return byline.name
            credit = credit or byline.name
    return credit


# -------------------------------------------------------------- outlets

_MARK = re.compile(r"ⓒ|©|\(c\)|copyright|저작권자", re.IGNORECASE)
_LEADING_MARKS = re.compile(r"^(?:\s*(?:ⓒ|©|\(c\)|copyright|저작권자|[:：]))+", re.IGNORECASE)
_YEARS_BY = re.compile(r"^\s*(?:(?:19|20)\d{2}(?:\s*[-–~]\s*(?:19|20)\d{2})?\.?\s*)?(?:by\s+)?", re.IGNORECASE)
_OUTLET_END = re.compile(
    r"[,|·•/]|\s[-–—&]\s|\s+-|\.(?=\s|$)|무단|all\s+rights|www\.|https?://|[(<\[]", re.IGNORECASE
)
# "본 기사의 저작권은 한빛일보에 있으며 …"
_RIGHTS_OWNER = re.compile(r"저작권은\s*(?P<outlet>[^\s,]+?)(?:에게|에)\s*있")
_COMPANY = re.compile(r"^(?:㈜|\(주\)|주식회사)\s*")
_HAS_LETTER = re.compile(r"[가-힣A-Za-z]")


def _tidy_outlet(segment: str) -> str | None:
    segment = _COMPANY.sub("", segment.strip(" .:-–—'\"")).strip()
    if not segment.isascii():
        # "온라인 경제미디어 뉴스웨이": the name is the last word, the rest describes it.
        segment = segment.split()[-1] if segment.split() else ""
    if 2 <= len(segment) <= 30 and _HAS_LETTER.search(segment):
        return segment
    return None


def outlet_from_copyright(line: str) -> str | None:
    """The outlet named in a copyright line, e.g. "ⓒ매일신문 - www.imaeil.com" -> 매일신문."""
    text = normalize_line(line).strip("<>[]()【】〈〉《》 ")
    if owner := _RIGHTS_OWNER.search(text):
        return _tidy_outlet(owner["outlet"])
    mark = _MARK.search(text)
    if mark:
        rest = _LEADING_MARKS.sub("", text[mark.end():])
    else:
        # "뉴스핌 무단전재 금지": no mark, the name alone stands before the notice.
        notice = re.search(r"무단|all\s+rights", text, re.IGNORECASE)
        rest = text[: notice.start()] if notice else ""
        if len(rest.split()) > 1:
            return None
    rest = _YEARS_BY.sub("", rest)
    # "ⓒ투자가 보이는 경제신문, 아시아경제(www.asiae.co.kr)": the name its site is given with, after a slogan
    if site := _NAME_WITH_SITE.search(rest):
        return _tidy_outlet(site["outlet"])
    return _tidy_outlet(_OUTLET_END.split(rest, maxsplit=1)[0])


_NAME_WITH_SITE = re.compile(r"(?P<outlet>[가-힣A-Za-z0-9]{2,20})\s*\((?:www\.|https?://)", re.IGNORECASE)


def outlet_from_site_name(name: str) -> str | None:
    """og:site_name / <title> suffix, e.g. "한빛일보 - 신뢰받는 언론" -> 한빛일보."""
    first = re.split(r"\s[-–—|:]\s|\|", normalize_line(name), maxsplit=1)[0]
    first = _COMPANY.sub("", first).strip()
    return first if 2 <= len(first) <= 30 and _HAS_LETTER.search(first) else None


# "[서울=뉴시스]", "(세종=뉴스1)", "【부산=뉴시스】": a place, '=', the outlet.
_DATELINE = re.compile(
    r"[\[(【]\s*(?P<place>[가-힣A-Za-z]{1,12})\s*=\s*(?P<outlet>[^\])】=\s][^\])】=]{0,28}?)\s*[\])】]"
)
_NOT_PLACES = frozenset("사진 자료 제공 그래픽 영상 출처 촬영 글 편집 정리 도움말".split())
# "[대덕넷 한윤진 기자]", "[파이낸스포커스 = 오태윤 기자]".
_BRACKET_BYLINE = re.compile(rf"[\[【]\s*(?P<outlet>[^\]】=\s]{{2,20}})\s*=?\s*[가-힣]{{2,4}}\s?{_ROLE}\s*[\]】]")
_PLACE_SUFFIX = re.compile(r"(?:시|군|구|도|읍|면|동|리)$")
# Bureaus that precede a reporter's name in bylines but are places, not outlets.
_PLACES = frozenset(
    """
서울 부산 대구 인천 광주 대전 울산 세종 경기 강원 충북 충남 전북 전남 경북 경남 제주 수원 창원 청주 전주
포항 춘천 안동 목포 여수 순천 경주 천안 원주 강릉 평택 용인 성남 고양 김해 구미 진주 익산 군산 홍성 무안
워싱턴 뉴욕 베이징 상하이 도쿄 오사카 파리 런던 베를린 브뤼셀 제네바 모스크바 하노이 싱가포르 홍콩
실리콘밸리 로스앤젤레스 두바이 자카르타 방콕 시드니 토론토 프랑크푸르트 국회 청와대 대통령실 정부세종청사
""".split()
)
_NOT_OUTLETS = frozenset({"글", "사진", "글·사진", "글/사진", "글ㆍ사진", "속보", "단독", "종합", "포토", "영상", "사설", "칼럼", "인터뷰", "기획", "특집", "기고", "현장"})
_LONE_NAME = re.compile(r"[가-힣A-Za-z0-9]{2,15}")


def _outlet_from_dateline(lines: Sequence[str]) -> str | None:
    for line in lines:
        for match in _DATELINE.finditer(line):
            outlet = match["outlet"].strip()
            if match["place"] in _NOT_PLACES or "기자" in outlet or "제공" in outlet:
                continue
            if tidy := _tidy_outlet(outlet):
                return tidy
        if match := _BRACKET_BYLINE.search(line):
            if match["outlet"] not in _NOT_OUTLETS and not _is_place(match["outlet"]):
                return match["outlet"]
    return None


def _is_place(word: str) -> bool:
    return word in _PLACES or bool(_PLACE_SUFFIX.search(word)) and len(word) <= 4


def _outlet_from_byline(lines: Sequence[str]) -> str | None:
    """"스포츠경제플러스 박서연 기자": a single word before the name that is not a place."""
    for line in lines:
        for byline in _bylines(line):
            prefix = byline.prefix.strip()
            if byline.photo_credit or not prefix or len(prefix.split()) != 1:
                continue
            if any(ch in prefix for ch in "=[]()【】") or prefix in _NOT_OUTLETS:
                continue
            if len(prefix) >= 3 and not _is_place(prefix):
                return prefix
    return None


def _outlet_from_top(lines: Sequence[str], headline: str | None) -> str | None:
    """A lone name line above the headline ("서울경제"), as copied from the page's logo."""
    for line in lines:
        if not line or is_chrome(line):
            continue
        if line == headline:
            return None
        if (
            _LONE_NAME.fullmatch(line)
            and line not in _NOT_OUTLETS
            and line not in MENU_WORDS
            and headline is not None
        ):
            return line
        return None
    return None


def find_publisher(lines: Sequence[str], headline: str | None = None) -> str | None:
    """The outlet: copyright line (the last one), dateline, byline prefix, logo line."""
    for line in reversed(lines):
        if is_copyright(line) and (outlet := outlet_from_copyright(line)):
            return outlet
    return (
        _outlet_from_dateline(lines)
        or _outlet_from_byline(lines)
        or _outlet_from_top(lines, headline)
    )


# ------------------------------------------------------------- headline

_HEADLINE_MIN = 10
_HEADLINE_MAX = 150
# Headlines drop the final period; body sentences keep it.
_BODY_SENTENCE = re.compile(r"다\.[\"'”’)]*$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HANGUL = re.compile(r"[가-힣]")
# A byline followed by this much Hangul (dates and e-mails aside) runs into the body.
_BODY_AFTER_BYLINE = 6


def find_headline(lines: Sequence[str]) -> str | None:
    """The first substantial line that is not chrome, a date, a byline or a notice."""
    for line in lines:
        if (
            len(line) < _HEADLINE_MIN
            or is_chrome(line)
            or is_copyright(line)
            or is_related_header(line)
            or is_date_line(line)
        ):
            continue
        byline = next((b for b in _bylines(line) if not b.photo_credit), None)
        if byline is not None:
            tail = _LABELLED_DATE.sub("", _EMAIL.sub("", byline.rest))
            if len(_HANGUL.findall(tail)) < _BODY_AFTER_BYLINE:
                continue
            return None  # "[서울=뉴시스] 홍길동 기자 = 본문…": the body has begun
        if len(line) > _HEADLINE_MAX or _BODY_SENTENCE.search(line):
            return None  # a sentence of the body: this text has no headline line
        return line
    return None


def read_metadata(text: str) -> Metadata:
    """Headline, date, reporter and outlet of a plain-text article (before cleaning:
    the copyright line that names the outlet is chrome to the cleaner)."""
    lines = [normalize_line(line) for line in text.split("\n")]
    headline = find_headline(lines)
    return Metadata(
        headline=headline,
        published=find_published(lines),
        author=find_author(lines),
        publisher=find_publisher(lines, headline),
    )
