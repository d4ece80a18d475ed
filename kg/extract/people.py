"""People, their posts and the organisations named in those posts.

Korean news names a person with their post in a handful of fixed orders:

    김태완 우원기술 대표         name, organisation, title
    과학기술정보통신부 문미옥 차관  organisation, name, title
    김명진 메인비즈협회장          name, organisation+title in one word (협회 + 회장)
    과학기술정보통신부(장관 유영민)  organisation (title name)
    이지운·변혜령·김호민 KAIST 교수  several names sharing one post
    오 장관 / 김 대표              a surname and a title: someone named earlier

A name is only taken as a person when one of these anchors holds, so the
ordinary words that start with a surname syllable (정부, 이번, 한편) stay words.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..models import EntityType, Predicate
from .analysis import Sentence, Word
from .doc import Doc, Fact, Mention
from .things import alias_from_paren, local_government
from .patterns import (ACT_ROLES, COMPANY_ENDINGS, HOUSES_WITH_A_DIRECTOR, LEX, PLAYING_POSTS, STRONG_ORG, body_of,
                       company_like, is_date_word, is_korean_name, is_local_government, is_place, named_committee,
                       org_suffix, title_of)

P, O, L = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION
# titles that never follow a personal name in the sense of a post ("국내 시장", "업계 대표 기업")
_WEAK_TITLES = {"시장", "대표", "공사", "감사", "위원", "이사", "고문", "수석", "대사", "특보", "의원", "책임", "선임"}
# in "X협회장", "X은행장", "X시장" the last letter of the organisation is also the first of the title
_OVERLAP_ORG_END = ("회", "행", "시", "군", "구", "원", "청", "도", "위", "처", "소", "관", "단", "국", "실")
_AGE = re.compile(r"^\d{1,3}(세)?(·[가-힣 ]{2,20})?$")  # 김누리(21), 이한솔(34·부산 해운대구)
_FOREIGN_NAME_PART = re.compile(r"^[가-힣]{1,6}$")


def find_people(doc: Doc) -> None:
    for sent in doc.sentences:
        for segment in _segments(sent):
            _posts_in(doc, sent, segment)
            _title_before_name(doc, sent, segment)
        _owner_then_post(doc, sent)
        _occupation_then_name(doc, sent)
        _title_then_foreign_name(doc, sent)
        _peoples_committee_heads(doc, sent)
        _name_then_org_in_parens(doc, sent)
        _parenthesised_posts(doc, sent)
        _name_with_age_or_ssi(doc, sent)
        _name_with_school(doc, sent)
        _name_lists(doc, sent)
        _name_in_context(doc, sent)
        _foreign_names(doc, sent)
        _appointed_to(doc, sent)
    _byline_people(doc)
    _whole_foreign_names(doc)
    _known_names_again(doc)


def _whole_foreign_names(doc: Doc) -> None:
    """제임스 오하라 국장: read word by word, a Korean-looking 제임스 of a body 오하라; the whole name wins."""
    whole = set()
    for m in doc.mentions:
        if m.type is P and m.name.count(" ") == 1:
            first, last = m.name.split(" ")
            whole |= {(m.sentence, first, last), (m.sentence, last, first)}  # 제임스 of 오코너, or 마르탱 of 루카스
    split = {(f.sentence, f.subject[1], f.object[1]) for f in doc.facts
             if f.kind == "position" and f.object is not None and (f.sentence, f.subject[1], f.object[1]) in whole}
    # 리나 위자야 …: a Korean-looking part (위자야) read as a name of its own inside the whole name
    spans = [(m.sentence, m.start, m.end) for m in doc.mentions if m.type is P and " " in m.name]
    parts = {(m.sentence, m.name) for m in doc.mentions if m.type is P and " " not in m.name and any(
        s == m.sentence and a <= m.start and m.end <= b for s, a, b in spans)}
    if parts:
        doc.facts[:] = [f for f in doc.facts if not (f.kind == "position" and (f.sentence, f.subject[1]) in parts)]
        doc.mentions = [m for m in doc.mentions if not (m.type is P and (m.sentence, m.name) in parts)]
    if not split:
        return
    doc.facts[:] = [f for f in doc.facts if not (f.kind == "position" and f.object is not None
                                                 and (f.sentence, f.subject[1], f.object[1]) in split)]
    people = {(s, person) for s, person, _ in split}
    bodies = {(s, body) for s, _, body in split}
    doc.mentions = [m for m in doc.mentions if not (m.type is P and (m.sentence, m.name) in people
                                                    or m.type is O and (m.sentence, m.name) in bodies)]


def _segments(sent: Sentence) -> list[list[Word]]:
    """Runs of nouns that read as one phrase: every word but the last is bare."""
    segments, current = [], []
    for w in _kiwi_misreadings(sent.words):
        if "=" in w.text:  # "[서울=뉴시스] 홍길동 기자 = …": a dateline or byline ends here
            if current:
                segments.append(current)
            current = []
            rest = w.stem.split("=")[-1]
            if rest and w.nominal:
                current.append(w)
                if not w.bare:
                    segments.append(current)
                    current = []
            continue
        if w.text in _FORMER and current:  # 문기석 전 대한체육회 부회장: "전" (former) stays in the phrase
            current.append(w)
            continue
        if not w.nominal or w.quoted or is_date_word(w.stem):
            if current:
                segments.append(current)
            current = []
            if not w.nominal or w.quoted or is_date_word(w.stem):
                continue
        current.append(w)
        if not w.bare:
            segments.append(current)
            current = []
    if current:
        segments.append(current)
    return segments


# one-letter particles, contracted ones too (강남엔, 서울선): what Kiwi strips off a name is none of these (민경훈)
_PARTICLES = frozenset("은 는 이 가 을 를 의 도 와 과 에 로 만 께 서 야 여 랑 엔 선 론 란 나 면 건 걸".split())


def _kiwi_misreadings(words: tuple[Word, ...]) -> list[Word]:
    """Words Kiwi misreads before a post: 하지인 누리헬스케어 대표 (주다 + the copula), 정미솔 도 국장 (도 as "also")."""
    fixed = list(words)
    for i, w in enumerate(words[:-1]):
        # a name ending in 인 read as a noun and the copula; before a proper noun it is a name
        if (w.particle == "인" and w.tags[-2:] == ("VCP", "ETM") and len(w.text) == 3 and is_korean_name(w.text)
                and words[i + 1].bare and words[i + 1].tags[:1] == ("NNP",)):
            fixed[i] = replace(w, stem=w.text, particle="", nominal=True, tags=("NNP",))
        # 표정란 과총 회장: a short organisation name read as a conjunction (과) and a determiner (총)
        if not w.nominal and w.stem == w.text and re.fullmatch(r"[가-힣]{2,6}", w.text) and 0 < i \
                and is_korean_name(_clean(words[i - 1].stem)) and words[i - 1].bare \
                and title_of(_clean(words[i + 1].stem)) == _clean(words[i + 1].stem):
            fixed[i] = replace(w, nominal=True, tags=("NNP",))
        # 민경훈 read as 민경 and an ending 훈 (no particle at all) before an organisation or a post
        # (허진만 속초시장: 만 read as "only", though no name takes it before a post)
        if (len(w.text) == 3 and w.particle == w.text[2:] and w.stem == w.text[:2] and (
                w.particle not in _PARTICLES or w.particle == "만" and title_of(_clean(words[i + 1].stem)))
                and w.tags[:1] == ("NNP",) and not any(t.startswith(("V", "X", "E")) for t in w.tags)
                and is_korean_name(w.text) and words[i + 1].nominal
                and (words[i + 1].bare or title_of(_clean(words[i + 1].stem)))):
            fixed[i] = replace(w, stem=w.text, particle="", nominal=True, tags=("NNP",))
        # 도 (the province) read as the particle "also", before a title
        if w.text in ("도", "시", "군") and not w.stem and i > 0 and title_of(_clean(words[i + 1].stem)):
            fixed[i] = replace(w, stem=w.text, particle="", nominal=True, tags=("NNG",))
    return fixed


def _clean(stem: str) -> str:
    if "=" in stem or "㈜" in stem or "(주)" in stem:  # "[서울=뉴시스] …", "㈜한빛", "(주)한빛"; most words have none
        return stem.split("=")[-1].strip("㈜").removeprefix("(주)").removesuffix("(주)").strip()
    return stem.strip()


def _posts_in(doc: Doc, sent: Sentence, seg: list[Word]) -> None:
    """Find name/organisation/title triples inside one noun phrase."""
    start_of_rest = 0
    previous_person: str | None = None
    pending: tuple[list[str], str, str] | None = None  # an organisation and title waiting for the name after them
    for i, w in enumerate(seg):
        # "한국과학기술연구원", "한국무역보험공사": an organisation's name, though it ends like a role word
        title = None if (body_of(_clean(w.stem)) or org_suffix(_clean(w.stem))) and title_of(w.stem) != w.stem \
            else title_of(w.stem)
        if title is None and w.stem[-1:] in "이가은는" and title_of(w.stem[:-1]) == w.stem[:-1] and not w.particle:
            title = w.stem[:-1]  # Kiwi sometimes keeps the particle on a title ("심판이")
        if title is None or i == start_of_rest and w.stem == title:
            if w.stem == "겸":  # "부사장 겸 스탠포드대학 교수": a second post of the same person
                start_of_rest = i + 1
            continue
        before = [_clean(x.stem) or x.text for x in seg[start_of_rest:i]]
        member_of, phrase_start = None, seg[start_of_rest]
        if "소속" in before[:-1]:
            # "산자위 소속 NAME 더불어민주당 의원": a member of the body before 소속, and a post after it
            cut = before.index("소속")
            member_of = next((_clean(x.stem) for x in reversed(seg[start_of_rest:start_of_rest + cut])
                              if body_of(_clean(x.stem)) or org_suffix(_clean(x.stem)) or "NNP" in x.tags
                              and not is_place(_clean(x.stem)) and not is_korean_name(_clean(x.stem))), None)
            start_of_rest += cut + 1
            before = before[cut + 1:]
        proper = {_clean(x.stem) for x in seg[start_of_rest:i] if "NNP" in x.tags or "SL" in x.tags}
        stem = title if title == w.stem[:-1] else _clean(w.stem)
        # 정미솔 도 경제통상국장: 도 (시, 군, 구) is the province (city …) the article is about
        local = len(before) == 2 and is_korean_name(before[0]) and before[1] in ("시", "도", "군", "구") \
            and local_government(doc, before[1])
        if len(before) == 2 and is_place(before[0]) and is_korean_name(before[1]) and (
                stem in _LOCAL_HEADS or is_local_government(before[0])):
            # 김제시 문다솜 시장: the city acting, through its head; 창원시 NAME 경제국장: one of its officials
            names, org_words = [before[1]], [before[0]]
        elif local:
            names, org_words = [before[0]], [local]
        elif (latin := _romanised_name_at(seg[start_of_rest:i])) and not any(is_korean_name(x) for x in before[latin:]) \
                and not any(_is_orgish(x) or company_like(x) for x in before[:latin]):
            names, org_words = [" ".join(before[:latin])], before[latin:]  # 마이클 하딩(Michael Harding) X 최고경영자
        else:
            names, org_words = _split_name_org(before, proper, post_names_body=stem != title)
        if not names and start_of_rest > 0 and previous_person and seg[start_of_rest - 1].stem == "겸":
            names, org_words = [previous_person], before
        if not names:
            # 은빛대 산학협력단장 한소망 교수: the post before the name is the person's, the one after a rank
            org_before = [x for x in before if x not in _FORMER]
            pending = (org_before, stem, title) if _is_org_phrase(_department(org_before)[0], proper, strict=True) \
                else None

            start_of_rest = i + 1
            continue
        if pending and not org_words and len(names) == 1:
            org_words, stem, title = pending
        pending = None
        # NAME 충청북도 보건복지국장: a province or city before one of its departments' posts is the body
        local_official = len(org_words) == 1 and is_local_government(org_words[0]) and stem != title \
            and title in ("국장", "과장", "실장", "본부장", "단장", "팀장", "소장", "관장", "센터장")
        mission = bool(org_words) and org_words[-1].endswith(_MISSIONS)  # 주애틀랜타 대한민국 총영사관
        if stem not in _LOCAL_HEADS and not local_official and not mission:
            org_words = [x for x in org_words if not is_place(x)] or org_words  # 미국 스탠퍼드대: the country is not the body
        org_words, dept = _department(org_words)
        org, title = _org_and_title(org_words, stem, title)
        if dept:
            title = f"{dept} {title}"
        if member_of and not org:  # "한빛전자 소속 NAME 연구원": the post is at the body
            org, member_of = member_of, None
        if title in _WEAK_TITLES and not org and title != "대표" and title != "의원":
            start_of_rest = i + 1
            continue
        if title == "기자":  # a reporter's credit gives the byline, not a post (GUIDE)
            for name in names:
                _add_person(doc, sent, seg[start_of_rest], name, None, None, w, rule="byline")
            start_of_rest = i + 1
            continue
        for name in names:
            _add_person(doc, sent, seg[start_of_rest], name, org, title, w, rule="post:name-org-title")
            if member_of and member_of != org:
                _add_person(doc, sent, phrase_start, name, member_of, None, w, rule="post:소속")
            previous_person = name
            second = _paren_post(w.paren)
            if second:
                _add_person(doc, sent, w, name, second[0], second[1], w, rule="post:title(org title)")
            elif w.paren and body_of(w.paren.split("·")[0].strip()) and w.paren.split("·")[0].strip() != org:
                # 한미래 과방위원장(국민의힘), NAME 의원(더불어민주당·영통2동): the body in parentheses (a party, a
                # ministry) is the person's too; a constituency after it is not
                _add_person(doc, sent, w, name, w.paren.split("·")[0].strip(), None, w, rule="post:title(org)")
            elif w.paren and not org and _paren_org(w.paren):
                # 유재하 교수(누리대 교통공학과): the organisation, with its department, in parentheses
                _add_person(doc, sent, w, name, _paren_org(w.paren), title, w, rule="post:title(org)")
        start_of_rest = i + 1


_MISSIONS = ("대사관", "영사관", "대표부")  # a country's mission abroad (총영사관 ends in 영사관)
_LOCAL_HEADS = frozenset("시장 부시장 군수 부군수 구청장 부구청장 도지사 지사 부지사".split())
_FORMER = ("전", "前", "현", "現", "故", "고", "신임", "초대", "당시", "전임", "후임")
_OPENERS = frozenset("반면 한편 특히 또한 이어 아울러 다만 이에 이어서 또 이날 그러면서".split())


# the common Vietnamese family names, written in Hangul (general knowledge)
_VIETNAMESE_SURNAMES = frozenset("응우옌 쩐 팜 호앙 부이 응오 즈엉 후인".split())  # (not 도, 당 …: Korean words too)


def _looks_foreign_part(word: str) -> bool:
    """호이겐스, 판데르린던: a proper noun that is no Korean name and no organisation, place or title."""
    return (bool(_FOREIGN_NAME_PART.match(word)) and len(word) >= 3 and not is_korean_name(word) and not _is_orgish(word)
            and not word.endswith(("대", "사"))  # 바른대 (a university), 운영사
            and not is_place(word) and not title_of(word) and not body_of(word) and not org_suffix(word))


def _romanised_name_at(words: list[Word]) -> int:
    """How many words open the phrase as a name spelled out in Latin letters after it ("마이클 하딩(Michael
    Harding)"); 0 when none is."""
    for k, w in enumerate(words[:3], start=1):
        if w.paren and re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z.]+){1,2}", w.paren) and k == len(w.paren.split(" ")):
            return k
    return 0


# loanwords that end a company's name, not a person's (스카이넷 클라우드 사장)
_BUSINESS_LOANWORDS = ("클라우드", "코리아", "글로벌", "솔루션", "컴퍼니", "파트너스", "네트웍스", "벤처스", "캐피탈", "랩", "랩스",
                       "스튜디오", "미디어", "시스템", "소프트", "테크")


def _split_name_org(words: list[str], proper: set[str] = frozenset(), post_names_body: bool = False
                    ) -> tuple[list[str], list[str]]:
    """Which of the words before a title are the name(s) and which the organisation."""
    if not words:
        return [], []
    # 문기석 전 대한체육회 부회장; 안재훈 한성케미칼 신임 대표이사: "former", "new" belong to neither
    words = [w for w in words if w not in _FORMER and w not in _COMPANY_KIND]
    while words and words[0] in _OPENERS:
        words = words[1:]  # 반면 서다온 KAIST 교수는: a sentence adverb Kiwi read as a noun
    if not words:
        return [], []
    # 기계연 로봇연구실 한누리 책임연구원: a body, its department, then the name (기계연 only looks like a name)
    if len(words) >= 3 and is_korean_name(words[-1]) and _DEPARTMENT.match(words[-2]) \
            and (words[-1] in proper or body_of(words[0])) and _is_org_phrase(words[:-2], proper):
        return [words[-1]], words[:-1]  # the department goes to the title, as for 해운대경찰서 수사과 김도윤 경감
    if len(words) >= 2 and words[-1].endswith(("과", "팀", "실", "국")) and _is_department(words[-1]) \
            and _is_orgish(words[-2]) and not is_korean_name(words[0]):
        return [], []  # 서부경찰서 형사과 (강력2팀장 NAME 경감): a department, though 형사과 reads like a name
    first = words[0]
    parts = first.split("·")
    if first.endswith("대") and len(words) > 1 and _DEPARTMENT.match(words[1]):
        # 은빛대 체육학과 교수: a university, not a name; 은빛대 체육학과 한소망 교수: the name comes last
        return ([words[2]], words[:2]) if len(words) == 3 and is_korean_name(words[2]) else ([], [])
    if (len(words) > 1 and re.fullmatch(r"[가-힣]{4}", first) and first[0] in LEX.surnames and first in proper
            and _is_org_phrase(words[1:], strict=True) and not body_of(first) and not org_suffix(first)):
        return [first], words[1:]
    # 마르틴 호이겐스 블라우베르크 에너지: a first part that only looks Korean, then more of a foreign name
    foreign_pair = len(parts) == 1 and len(words) >= 3 and words[1] in proper and _looks_foreign_part(words[1]) \
        and not words[-1].endswith(_MISSIONS)  # 주애틀랜타 (…총영사관) names the mission's city
    # 도심형 수직농장 솔루션 기업 X (대표 NAME): a common noun that only looks like a name opens a description
    described = len(words) >= 3 and first not in proper and not _is_org_phrase(words[1:], proper)
    if all(is_korean_name(p) for p in parts) and not foreign_pair and not described:
        org_words = words[1:]
        core, unit = _department(org_words)
        if unit.endswith("대학원") and body_of(" ".join(core)):
            return parts, core  # 서다온 KAIST 김재철AI대학원 교수: the body, not its graduate school
        # 김나솔 국립누리의료원 호흡기내과 전문의: the organisation, then a department
        return parts, org_words if _is_org_phrase(org_words, proper) or _is_org_phrase(
            core, proper) and len(org_words) > 1 or len(org_words) == 1 and is_local_government(org_words[0]) else []
    last = words[-1]
    # 독일 함부르크공과대 마리아 슈나이더 교수: (a country,) an organisation, then a two-part foreign name
    if len(words) >= 3 and all(x in proper and _FOREIGN_NAME_PART.match(x) and len(x) >= 2 and not _is_orgish(x)
                               and not is_place(x) and not title_of(x) for x in words[-2:]):
        org_words = [x for x in words[:-2] if not is_place(x)]
        if _is_org_phrase(org_words, proper, strict=True):
            return [" ".join(words[-2:])], org_words
    # 해운대경찰서 수사과 김도윤 경감: the organisation, a department, the name
    if is_korean_name(last) and len(words) > 1 and _is_org_phrase(_department(words[:-1])[0], proper):
        return [last], words[:-1]
    if is_korean_name(last) and len(words) == 1:
        return [last], []
    if is_korean_name(last) and last in proper and not any(x in proper or _is_orgish(x) for x in words[:-1]) \
            and len(words) <= 3:
        return [last], []  # 신예 박서온 감독: a description (no organisation), then the name
    # 루카 페라리 (주한이탈리아대사): a foreign name alone, the post naming the body
    if len(words) == 2 and (post_names_body or not words[1].endswith(_BUSINESS_LOANWORDS)) and all(x in proper and _FOREIGN_NAME_PART.match(x) and len(x) >= 2 and not (
            _is_orgish(x) or is_place(x) or title_of(x) or company_like(x) or x.endswith(("의", *COMPANY_ENDINGS)))
            for x in words) and not is_korean_name(words[1]):
        return [" ".join(words)], []
    # a foreign name written in Hangul (윌리엄 달리), then (a country and) an organisation
    for k in (2, 3):  # foreign names have two parts, sometimes three (응우옌 티 란)
        if k >= len(words):
            break
        name_words, org_words = words[:k], words[k:]
        country = bool(org_words) and is_place(org_words[0])
        org_words = [w for w in org_words if not is_place(w)]
        org_words, _ = _department(org_words)
        # 응우옌 반 뚜언: the middle part of a three-part name may be one syllable
        # 응우옌 반 꽝: a Vietnamese name may end, as well as go on, in one syllable
        vietnamese = k == 3 and name_words[0] in _VIETNAMESE_SURNAMES
        foreign = (all(_FOREIGN_NAME_PART.match(x) and (len(x) >= 2 or 0 < n < k - 1 or vietnamese and n == k - 1)
                       and (x in proper or 0 < n < k - 1) for n, x in enumerate(name_words))
                   and not any(_is_orgish(x) or is_place(x) or title_of(x) for x in name_words))
        # 데이비드 정, 수전 김: a foreign given name and a Korean surname
        foreign = foreign or k == 2 and _looks_foreign_part(name_words[0]) and name_words[1] in LEX.surnames and (
            len(words) == 2 or _is_orgish(words[2]) or company_like(words[2]))  # (not 응우옌 반 뚜언)
        if foreign and org_words and _is_org_phrase(org_words, proper, strict=not country):
            # the country and a unit after the body ("제노바항만공사 디지털전환 총괄이사") are neither
            while len(org_words) > 1 and not _is_orgish(org_words[-1]) and _is_orgish(org_words[-2]) \
                    and not company_like(org_words[-1]):
                org_words = org_words[:-1]
            return [" ".join(name_words)], org_words
        # 요스트 판데르린던 노르트빈트 오프쇼어 (연구개발총괄): a company known only by its proper name
        core = list(org_words)
        while core and core[-1] not in proper and not core[-1].endswith(COMPANY_ENDINGS):
            core.pop()  # a unit after the company ("연구개발총괄"), not its name
        if foreign and k == 2 and core and len(core) <= 3 and core[0] in proper and all(
                x in proper or x.endswith(COMPANY_ENDINGS) for x in core):
            return [" ".join(name_words)], core
    return [], []


_DEPARTMENT = re.compile(r".*(학과|학부|전공|연구실|법전원|의과대학|대학원|본부|사업부|연구소|연구원|실|국|과|팀|기동대|지구대|"
                         r"파출소|센터|단)$|.+대학$")


def _is_department(word: str) -> bool:
    """반도체공학과, 인사지원팀, 아시아문화부 (a division; a ministry in the lexicon is no division)."""
    return bool(_DEPARTMENT.match(word) or len(word) >= 4 and word.endswith("부") and not body_of(word))


def _department(org_words: list[str]) -> tuple[list[str], str]:
    """Split a sub-unit off the organisation: ["명지대", "반도체공학과"] → ["명지대"], "반도체공학과"."""
    if len(org_words) >= 2 and _is_department(org_words[-1]) and (
            _is_orgish(org_words[-2]) or org_words[-2].endswith(("대", *HOUSES_WITH_A_DIRECTOR))
            or company_like(org_words[-2])):
        return org_words[:-1], org_words[-1]
    # 가람대 의과대학 미생물학교실: a department inside a college
    if len(org_words) >= 3 and all(_DEPARTMENT.match(w) or w.endswith("교실") for w in org_words[-2:]) and (
            _is_orgish(org_words[-3]) or org_words[-3].endswith("대")):
        return org_words[:-2], " ".join(org_words[-2:])
    return org_words, ""


def _is_orgish(word: str) -> bool:
    return bool(body_of(word) or org_suffix(word) or word.startswith(("㈜", "(주)")))


def _is_org_phrase(words: list[str], proper: set[str] = frozenset(), strict: bool = False) -> bool:
    if not words:
        return False
    joined = " ".join(words)
    if body_of(joined) or body_of(words[-1]) or org_suffix(words[-1]) or words[0].startswith(("㈜", "(주)")):
        return True
    if len(words) >= 2 and words[-1] in (*_MISSIONS, "총영사관"):
        return True  # 주애틀랜타 대한민국 총영사관: a mission abroad
    if any(re.fullmatch(r"[A-Za-z][A-Za-z0-9&.\-]*", x) for x in words) and all(title_of(x) != x for x in words):
        return True
    if len(words) == 1 and re.fullmatch(r"[가-힣]{2,8}대", words[0]) and not is_place(words[0]):
        return True  # 스탠퍼드대, 한빛대: a university's short name
    if len(words) == 2 and LEX.places.get(words[0]) == "country" and (
            words[1].endswith(("부", "성", "청", "처")) and len(words[1]) >= 3 or words[1].endswith(STRONG_ORG)):
        return True  # 인도네시아 투자부, 일본 경제산업성, 베트남 상공회의소: a country's own body
    if strict:
        return False
    if len(words) == 1 and company_like(words[0]) and not is_place(words[0]):
        return True  # 솔내양조 문지솔 팀장: a brand and a business word, though Kiwi tags it as common nouns
    # a company name: a proper noun of one or two words (Kiwi's NNP), not a place or a role
    return len(words) <= 2 and any(x in proper for x in words) and all(
        len(x) >= 2 and not is_place(x) and title_of(x) is None and x not in _NOT_ORG for x in words)


_NOT_ORG = frozenset("""등 및 겸 전 현 지역 업종 부문 분야 마무리 외국 주한 국내 해외 관계자 대표 각 모든 이날 당시 신임 전임
소속사 계열사 자회사 협력사 운영사 제작사 배급사 모회사 고객사 투자사 본사 회사""".split())
# "소속사 모던레코드 장도현 대표": a word for the kind of company, before its name
_COMPANY_KIND = frozenset("소속사 계열사 자회사 협력사 운영사 제작사 배급사 모회사 고객사 투자사".split())


def _org_and_title(org_words: list[str], word: str, title: str) -> tuple[str | None, str]:
    """The organisation and the role word, splitting "메인비즈협회장" into 메인비즈협회 + 회장."""
    org = " ".join(org_words) or None
    if title == "대사" and re.fullmatch(r"주(한 ?)?[가-힣]{2,10}", (org or "") + word[:-2]):
        return f"{org or ''}{word[:-2]}대사관".strip(), title  # 주한이탈리아대사, 주한 덴마크 대사: the embassy's head
    if word == title:
        return org, title
    head = word[: -len(title)]
    if org:  # "SK하이닉스 미래기술연구원장": the prefix is a department, kept in the title
        return org, word
    if body_of(head):  # "국회의원" → 국회 + 의원
        return head, title
    if title.endswith("장") and len(title) >= 3 and (body_of(head + title[:-1]) or org_suffix(head + title[:-1])):
        return head + title[:-1], title  # 한국수출입은행장 → 한국수출입은행 + 은행장
    overlap = head + title[0]
    if title == "관장" and overlap.endswith(HOUSES_WITH_A_DIRECTOR):
        return overlap, title  # 국립민속박물관장 → 국립민속박물관 + 관장 (not 국립민속박물 + 관장)
    if title[0] in _OVERLAP_ORG_END and (body_of(overlap) or org_suffix(overlap) or overlap in LEX.places
                                         or (head in LEX.places and title in ("시장", "군수", "구청장", "도지사", "지사"))):
        return overlap, title
    if len(head) >= 3 and not is_place(head) and not head.endswith(("사업", "전략", "경영", "기술", "영업", "생산")):
        return head, title  # (플랜트사업본부장, 경영전략실장: a unit of the company, kept in the title)
    return None, word


def _add_person(doc: Doc, sent: Sentence, first: Word, name: str, org: str | None, title: str | None,
                anchor: Word, rule: str, org_alias: str | None = None) -> None:
    if doc.knows(O, name):
        return  # "인하대 미래비행체연구센터장": a name already read as an organisation (라경훈 인하대 총장) is not a person
    start = sent.text.find(name, first.start - sent.start)
    start = sent.start + (start if start >= 0 else first.start - sent.start)
    doc.add(Mention(P, name, start, start + len(name), sent.index, rule))
    if org:
        ostart = sent.text.find(org.split(" ")[0], first.start - sent.start)
        ostart = sent.start + (ostart if ostart >= 0 else anchor.start - sent.start)
        doc.add(Mention(O, org, ostart, ostart + len(org), sent.index, rule, org_alias))
        doc.facts.append(Fact("position", (P, name), (O, org), sent.index, rule, title=title))
    elif title:
        doc.facts.append(Fact("position", (P, name), None, sent.index, rule, title=title))


def _paren_org(paren: str) -> str | None:
    """"누리대 교통공학과" → 누리대: an organisation (and a sub-unit) in parentheses."""
    parts, _ = _department(paren.split())
    return " ".join(parts) if 1 <= len(parts) <= 2 and _is_org_phrase(parts, strict=True) else None


def _paren_post(paren: str) -> tuple[str, str] | None:
    """"강원일보 사장" in 회장(강원일보 사장): another post of the same person."""
    parts = paren.split()
    if len(parts) >= 2 and title_of(parts[-1]) == parts[-1] and _is_org_phrase(parts[:-1], strict=True):
        return " ".join(parts[:-1]), parts[-1]
    if len(parts) >= 2 and title_of(parts[-1]) == parts[-1] and all(len(x) >= 2 for x in parts[:-1]) \
            and not any(is_place(x) or title_of(x) for x in parts[:-1]):
        return " ".join(parts[:-1]), parts[-1]
    return None


_PAREN_POST = re.compile(r"^(?:(?P<alias>[^·\s]+)·)?(?P<title>\S+)\s+(?P<name>[가-힣]{2,4})(?:\s+(?P<rest>[^()]+))?$")


def _parenthesised_posts(doc: Doc, sent: Sentence) -> None:
    """과학기술정보통신부(장관 유영민), 국가과학기술연구회(NST·이사장 원광연), and with the chair's own post:
    심사위원회(위원장 OOO 한국대 명예교수)."""
    for i, w in enumerate(sent.words):
        if not w.paren:
            continue
        m = _PAREN_POST.match(w.paren)
        other = _paren_post(m["rest"]) if m and m["rest"] else None
        if m and m["rest"] and other is None:
            continue
        if m and title_of(m["title"]) == m["title"] and is_korean_name(m["name"]):
            org = _clean(w.stem)
            if not org:
                continue
            named = named_committee(sent.words, i, org)  # "해솔문화상 심사위원회(위원장 …)"
            first = sent.words[i - 1] if named else w
            org = named or org
            doc.add(Mention(O, org, first.start, first.start + len(org), sent.index, "post:org(title name)",
                            alias=m["alias"]))
            start = w.start + w.text.find(m["name"])
            doc.add(Mention(P, m["name"], start, start + len(m["name"]), sent.index, "post:org(title name)"))
            doc.facts.append(Fact("position", (P, m["name"]), (O, org), sent.index, "post:org(title name)",
                                  title=m["title"]))
            if other:
                ostart = w.start + w.text.find(other[0])
                doc.add(Mention(O, other[0], ostart, ostart + len(other[0]), sent.index, "post:org(title name org title)"))
                doc.facts.append(Fact("position", (P, m["name"]), (O, other[0]), sent.index,
                                      "post:org(title name org title)", title=other[1]))


def _name_with_age_or_ssi(doc: Doc, sent: Sentence) -> None:
    """김도영(21), 하형주(62)씨, 홍길동 씨: a name made plain by an age or 씨."""
    words = sent.words
    for i, w in enumerate(words):
        name = _clean(w.stem)
        ssi = name.endswith("씨") and is_korean_name(name[:-1])
        if ssi:
            name = name[:-1]
        aged = bool(w.paren and _AGE.match(w.paren)) and is_korean_name(name)
        # 홍길동 씨; 정하린 학생(중학교 2학년)이: a student named before the word for one
        student = i + 1 < len(words) and words[i + 1].stem in ("학생", "군", "양") and "NNP" in w.tags \
            and not name.endswith(("대", "고", "중", "초")) and not (  # 한빛대 학생 200명: a school's students
                i + 2 < len(words) and re.match(r"\d|들", words[i + 2].text)) and words[i + 1].stem + "들" not in words[i + 1].text
        spaced_ssi = i + 1 < len(words) and w.bare and is_korean_name(name) and (words[i + 1].stem == "씨" or student)
        # 이도윤(21·강원도청), 박서하(24·한빛시청): an athlete's age and team
        team = re.fullmatch(r"\d{2}·([가-힣A-Za-z0-9]{2,15})", w.paren or "")
        team_name = team[1] if team else ""
        on_a_team = bool(team) and is_korean_name(name) and (
            _is_orgish(team_name) or team_name.endswith(("청", "시청", "도청", "군청", "구청", "공사", "공단"))
            or company_like(team_name) or re.fullmatch(r"[가-힣]{1,4}대", team_name) is not None)
        # 바트에르덴 오트곤(23)씨: a foreign name in two parts, made plain by the age
        prev = words[i - 1] if i else None
        if (prev is not None and prev.bare and w.paren and _AGE.match(w.paren) and re.fullmatch(r"[가-힣]{2,6}", name)
                and "NNP" in prev.tags and _looks_foreign_part(_clean(prev.stem))
                and (len(_clean(prev.stem)) >= 4 or not is_korean_name(name))  # (청년농 서하늘(28): a description)
                and not (title_of(name) or is_place(name) or _is_orgish(name))):
            name = f"{_clean(prev.stem)} {name}"
            start = sent.start + sent.text.find(name, prev.start - sent.start)
            doc.add(Mention(P, name, start, start + len(name), sent.index, "person:age-or-ssi"))
            continue
        if aged or ssi or spaced_ssi or on_a_team:
            start = sent.start + sent.text.find(name, w.start - sent.start)
            doc.add(Mention(P, name, start, start + len(name), sent.index, "person:age-or-ssi"))
        if on_a_team:
            at = w.start + w.text.find("(") + 1 + w.paren.find("·") + 1
            doc.add(Mention(O, team_name, at, at + len(team_name), sent.index, "post:age-and-team"))
            doc.facts.append(Fact("position", (P, name), (O, team_name), sent.index, "post:age-and-team"))


# 한누리(누리체육고 2학년), 박솔(울산 한빛중 3학년), 김가온(누리대 4학년): a student and the school
_STUDENT = re.compile(r"^(?:(?P<place>[가-힣]{2,4}) )?(?P<school>[가-힣]{2,12}(?:고|중|초|고교|여고|여중|고등학교|중학교|"
                      r"초등학교|대|대학교))\s?(?:\d)학년$")


def _name_with_school(doc: Doc, sent: Sentence) -> None:
    """한누리(누리체육고 2학년)은: a student, who belongs to the school (and the school to the place before it)."""
    for w in sent.words:
        name = _clean(w.stem)
        m = _STUDENT.match(w.paren) if w.paren else None
        if m is None or not is_korean_name(name) or m["place"] and not is_place(m["place"]):
            continue
        start = sent.start + sent.text.find(name, w.start - sent.start)
        doc.add(Mention(P, name, start, start + len(name), sent.index, "person:student"))
        at = w.start + w.text.find("(") + 1
        school_at = at + m.start("school")
        doc.add(Mention(O, m["school"], school_at, school_at + len(m["school"]), sent.index, "person:student"))
        doc.facts.append(Fact("position", (P, name), (O, m["school"]), sent.index, "person:student"))
        if m["place"]:
            doc.add(Mention(L, m["place"], at, at + len(m["place"]), sent.index, "person:student"))
            doc.facts.append(Fact(Predicate.LOCATED_IN, (O, m["school"]), (L, m["place"]), sent.index, "person:student"))


# a performer's voice or instrument before their name ("테너 NAME")
_PERFORMERS = frozenset("테너 소프라노 메조소프라노 바리톤 베이스 카운터테너 지휘자 피아니스트 바이올리니스트 첼리스트".split())
_OCCUPATIONS = frozenset("""배우 가수 작곡가 작사가 작가 감독 선수 방송인 평론가 영화평론가 음악평론가 코치 심판 시인 소설가 화가
성우 개그맨 코미디언 아나운서 디자이너 셰프 바리스타 사진작가 모델 연출가 지휘자 피아니스트 바이올리니스트 첼리스트
안무가 프로듀서 유튜버 변호사 의사 교수 명창 무용가 조각가 건축가 도예가 공예가 섬유공예가 금속공예가 목공예가 사진가
만화가 웹툰작가 서예가 판화가 미술가 설치미술가 예술가 음악가 국악인 소리꾼 연주자 성악가 큐레이터 학예사""".split()) | PLAYING_POSTS | ACT_ROLES | _PERFORMERS


_FOREIGN_WITH_AGE = re.compile(r" ([가-힣]{2,5} [가-힣]{2,6})\(\d{2}\)")
_FOREIGN_BEFORE_PARTICLE = re.compile(r" ([가-힣]{2,5} [가-힣]{2,6})(?=\(|·|,|와 |과 |이 |가 |은 |는 |의 )")


def _occupation_then_name(doc: Doc, sent: Sentence) -> None:
    """배우 차윤서, 영화평론가 탁윤정: an occupation right before a name."""
    words = sent.words
    for i in range(len(words) - 1):
        occ, nxt = words[i], words[i + 1]
        name = _clean(nxt.stem)
        occupation = _clean(occ.stem)
        if not occ.bare or occupation not in _OCCUPATIONS:
            continue
        # 내야수 호세 마르티네스(27), 테너 마르코 벨리니: a foreign name in two parts (Kiwi often reads the first
        # as a verb, or as a Korean name of its own)
        foreign = _FOREIGN_WITH_AGE.match(doc.article.text, occ.end) or (
            occupation in _PERFORMERS | PLAYING_POSTS and i + 2 < len(words)
            and all(x.tags[:1] in (("NNP",), ()) for x in words[i + 1:i + 3])
            and _FOREIGN_BEFORE_PARTICLE.match(doc.article.text, occ.end))
        if foreign and not is_korean_name(foreign[1].split(" ")[1]) and not any(
                title_of(x) or is_place(x) or _is_orgish(x) or x in _OCCUPATIONS or x in ("출신", "겸", "등")
                or x.endswith(("가", "자", "사", "원")) and len(x) >= 3 and not _looks_foreign_part(x)
                for x in foreign[1].split(" ")):
            name = foreign[1]
            doc.add(Mention(P, name, foreign.start(1), foreign.end(1), sent.index, "person:occupation-name"))
        elif is_korean_name(name) and "NNP" in nxt.tags:
            doc.add(Mention(P, name, nxt.start, nxt.start + len(name), sent.index, "person:occupation-name"))
        else:
            continue
        if occupation in PLAYING_POSTS:
            doc.facts.append(Fact("position", (P, name), None, sent.index, "post:playing", title=occupation))


def _title_then_foreign_name(doc: Doc, sent: Sentence) -> None:
    """"누리푸드 대표 데이비드 조,", "셀가드의 공동창업자 제니퍼 리는": a company, a post, a foreign given name and a
    Korean surname."""
    words = sent.words
    for i in range(1, len(words) - 2):
        org, post, given, surname = words[i - 1], words[i], words[i + 1], words[i + 2]
        title = title_of(post.stem)
        name_stem = _clean(surname.stem)
        g = _clean(given.stem)
        foreign_given = len(g) >= 3 and _FOREIGN_NAME_PART.match(g) and ("NNP" in given.tags or _looks_foreign_part(g)) \
            and not (_is_orgish(g) or is_place(g) or title_of(g))
        # the surname ends the phrase: a particle or a comma follows (리 is how a Korean-American Lee is written)
        ends = not surname.bare or surname.text.endswith(",")
        if not (post.bare and given.bare and title and _clean(post.stem).endswith(title) and len(post.stem) <= 6
                and foreign_given and ends and len(name_stem) == 1 and (name_stem in LEX.surnames or name_stem == "리")
                and name_stem not in _FORMER):
            continue
        company = _clean(org.stem)
        if (org.bare or org.particle == "의") and ("NNP" in org.tags or "SL" in org.tags or _is_orgish(company)) \
                and not is_korean_name(company) and not is_place(company) and not title_of(company):
            _add_person(doc, sent, given, f"{_clean(given.stem)} {name_stem}", company, _clean(post.stem), surname,
                        rule="post:org-title-foreign-name")


# 응우옌 반 꽝 타이응우옌성 인민위원장: the head of a Vietnamese (or Chinese) province's people's committee
_PEOPLES_COMMITTEE_HEAD = re.compile(r"(?<![가-힣])(?P<place>[가-힣]{2,8}(?:성|시)) 인민위원(?:회 )?(?P<title>부위원장|위원장|장)")


def _peoples_committee_heads(doc: Doc, sent: Sentence) -> None:
    for m in _PEOPLES_COMMITTEE_HEAD.finditer(sent.text):
        words = sent.text[:m.start()].split()
        # the name before the province: three parts or two (응우옌 반 흥, 레 흥), whichever reads as a name
        name = next((" ".join(words[-k:]) for k in (3, 2) if len(words) >= k and all(
            re.fullmatch(r"[가-힣]{1,4}", x) for x in words[-k:]) and (
            words[-k] in _VIETNAMESE_SURNAMES or all(_looks_foreign_part(x) for x in words[-k:]))), None)
        if name is None:
            continue
        start = sent.start + m.start() - len(name) - 1
        doc.add(Mention(P, name, start, start + len(name), sent.index, "post:peoples-committee"))
        org = f"{m['place']} 인민위원회"
        ostart = sent.start + m.start("place")
        doc.add(Mention(O, org, ostart, sent.start + m.end("title"), sent.index, "post:peoples-committee"))
        title = "위원장" if m["title"] == "장" else m["title"]
        doc.facts.append(Fact("position", (P, name), (O, org), sent.index, "post:peoples-committee", title=title))


def _title_before_name(doc: Doc, sent: Sentence, seg: list[Word]) -> None:
    """OB 베어스 투수 박철순; 두산 베어스 마무리 투수 김택연에게: organisation, title, then the name."""
    if len(seg) < 3:
        return
    name = _clean(seg[-1].stem)
    title = title_of(seg[-2].stem)
    if not is_korean_name(name) or title != _clean(seg[-2].stem) or title == "기자":
        return
    kind_then_company = len(seg) >= 4 and _clean(seg[-4].stem) in _KIND_OF_COMPANY and (
        "NNP" in seg[-3].tags or "SL" in seg[-3].tags) and not is_korean_name(_clean(seg[-3].stem)) \
        and not is_place(_clean(seg[-3].stem))
    if title in _WEAK_TITLES and not (kind_then_company and title == "대표"):
        return
    org_words = [_clean(x.stem) for x in seg[:-2]]
    # a modifier between the organisation and the title ("마무리") stays with the title
    modifier = ""
    if len(org_words) >= 2 and not _is_org_phrase(org_words, strict=True) and _is_org_phrase(org_words[:-1], strict=True):
        modifier, org_words = org_words[-1] + " ", org_words[:-1]
    if _is_org_phrase(org_words, strict=True):
        _add_person(doc, sent, seg[0], name, " ".join(org_words), modifier + title, seg[-1],
                    rule="post:org-title-name")
    elif kind_then_company:
        # 솔루션 기업 팜스케일 대표 NAME: a company introduced by its kind, its post, then the name
        _add_person(doc, sent, seg[-3], name, _clean(seg[-3].stem), title, seg[-1], rule="post:org-title-name")


_KIND_OF_COMPANY = frozenset("기업 업체 스타트업 회사 제조사 브랜드 벤처 법인 전문기업 중견기업 중소기업 대기업 운영사 수입사 "
                             "유통사 개발사 제작사 배급사".split())


# "기획재정부 1차관에 NAME 국무1차장이 내정됐다", "조달청장에는 NAME …이": the post someone is given
_APPOINTED_TO = re.compile(r"(?:^|(?<=[\s,]))((?:[가-힣A-Za-z·]+ ){0,2})([가-힣A-Za-z0-9·]+?)(?:에(?:는|도)?|(?:으)?로는) "
                           r"([가-힣]{3,4})(?:\(\d{2}\))? ")
_APPOINTED = re.compile(r"(내정|발탁|기용|임명|선임|이름을 올|낙점|발령|선출|위촉|승진|취임|영입)")


def _appointed_to(doc: Doc, sent: Sentence) -> None:
    """A new post written before the name ("X 차관에는 NAME …이 기용됐다"), beside the post the person holds now."""
    if not _APPOINTED.search(sent.text):
        return
    people = {m.name for m in doc.in_sentence(sent.index, P)}
    for m in _APPOINTED_TO.finditer(sent.text):
        name = m[3]
        if name not in people or not _APPOINTED.search(sent.text, m.end()):
            continue
        head, last = m[1].split(), m[2]
        title = title_of(last)
        if title is None:
            continue
        org = None
        if title != last:  # "조달청장에는": the body and its head in one word
            org, title = _org_and_title([], last, title)
            if org and not (body_of(org) or org_suffix(org) or doc.knows(O, org)):
                org, title = None, last  # "국무1차장" is a post of its own, not a body "국무1"
        if org is None:  # "환경부 차관에는", "국무조정실 국무1차장에는": the body is the words before
            for k in (2, 1):
                if len(head) >= k and (_is_org_phrase(head[-k:], strict=True) or k == 1 and (
                        company_like(head[-1]) or doc.knows(O, head[-1]) or
                        len(head) >= 2 and head[-2] in _COMPANY_KIND)):  # "계열사 한빛리테일 대표에는"
                    org, title = " ".join(head[-k:]), last
                    break
        if not org or is_korean_name(org):
            continue
        start = sent.start + sent.text.find(org.split(" ")[0], m.start())
        doc.add(Mention(O, org, start, start + len(org), sent.index, "post:appointed-to"))
        doc.facts.append(Fact("position", (P, name), (O, org), sent.index, "post:appointed-to", title=title))


def _owner_then_post(doc: Doc, sent: Sentence) -> None:
    """과학기술정보통신부(과기정통부)의 민원기 2차관: the organisation, 의, then the name and title."""
    words = sent.words
    for i in range(len(words) - 2):
        owner, name_w, title_w = words[i], words[i + 1], words[i + 2]
        org = _clean(owner.stem)
        if owner.particle != "의":
            continue
        first = owner
        if not (body_of(org) or org_suffix(org) or company_like(org)):
            # 브라이텐바흐 오토메이션(Breitenbach Automation)의: a name given with its Latin spelling
            latin = re.fullmatch(r"[A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,3}", owner.paren or "")
            k = len(owner.paren.split()) if latin else 0
            if not k or i + 1 < k or not all(words[j].bare and "NNP" in words[j].tags for j in range(i - k + 1, i)):
                continue
            first = words[i - k + 1]
            org = " ".join([_clean(words[j].stem) for j in range(i - k + 1, i)] + [org])
        name = _clean(name_w.stem)
        title = title_of(title_w.stem)
        if name_w.bare and is_korean_name(name) and title == _clean(title_w.stem) and title not in _WEAK_TITLES:
            _add_person(doc, sent, first, name, org, title, title_w, rule="post:org의-name-title")
        elif (i + 3 < len(words) and name_w.bare and title_w.bare and _name_part(title_w) and len(_clean(title_w.stem)) >= 2
              and _FOREIGN_NAME_PART.match(name) and len(name) >= 2 and "NNP" in name_w.tags
              and _strong_title(_clean(words[i + 3].stem))):
            # 오토메이션의 요나스 베버 최고기술책임자: a foreign name between the owner and the title
            _add_person(doc, sent, first, f"{name} {_clean(title_w.stem)}", org, title_of(words[i + 3].stem),
                        words[i + 3], rule="post:org의-name-title")


def _strong_title(stem: str) -> bool:
    """A role word that cannot be an ordinary noun: 국장, 구매이사 (not 이사 or 대표 alone)."""
    title = title_of(stem)
    return title is not None and (title not in _WEAK_TITLES or len(stem) > len(title))


def _name_then_org_in_parens(doc: Doc, sent: Sentence) -> None:
    """류현진(한화 이글스): a name with its organisation in parentheses."""
    for w in sent.words:
        name = _clean(w.stem)
        parts = w.paren.split()
        if not (w.paren and is_korean_name(name) and 1 <= len(parts) <= 3) or name.endswith("법"):
            continue  # 인플레이션 감축법(IRA): a law with its short name, though 감축법 reads like a name
        post = _paren_post(w.paren)
        if post and len(parts) <= 3:  # 김영솔(한울섬유 대표)씨가
            _add_person(doc, sent, w, name, post[0], post[1], w, rule="post:name(org title)")
            continue
        team = len(parts) == 1 and re.fullmatch(r"[가-힣]{1,4}(시청|도청|군청|구청)", parts[0])
        company = len(parts) == 1 and company_like(parts[0])  # 유서진(다우리건설)이
        if (team or company or _is_org_phrase(parts, strict=True)) and not any(is_place(x) for x in parts):
            _add_person(doc, sent, w, name, " ".join(parts), None, w, rule="post:name(org)")


_AWARD_SENTENCE = re.compile(r"받았|수상|돌아갔|차지했|거머쥐|품에 안")


def _name_in_context(doc: Doc, sent: Sentence) -> None:
    """'강철비'의 정우성; 김옥빈은 "…": a name after a quoted work, or opening a quotation."""
    words = sent.words
    for i, w in enumerate(words):
        name = _clean(w.stem)
        if not is_korean_name(name) or title_of(name):
            continue
        after_work = i > 0 and words[i - 1].quoted and words[i - 1].particle == "의"
        opens_quote = w.particle in ("은", "는", "이", "가") and i + 1 < len(words) and words[i + 1].text[:1] in "\"“"
        # 이서윤은 수상 소감에서 "…": a name that opens a sentence with a quotation
        speaks = i == 0 and w.particle in ("은", "는") and '"' in sent.text
        # 남우조연상과 여우조연상은 각각 석태오와 임소라가 받았다: winners named in an award sentence
        wins = w.particle in ("이", "가", "와", "과", "에게") and _AWARD_SENTENCE.search(sent.text) and \
            any(x.stem.endswith("상") and x.particle in ("은", "는") for x in words[:i])
        if (after_work or opens_quote or speaks or wins) and "NNP" in w.tags:
            doc.add(Mention(P, name, w.start, w.start + len(name), sent.index, "person:context"))


def _name_part(w: Word) -> bool:
    """A word that can be part of a foreign name written in Hangul (요스트, 판데르린던, 응우옌, 티)."""
    stem = _clean(w.stem)
    return (bool(_FOREIGN_NAME_PART.match(stem)) and not w.quoted and not is_place(stem) and not title_of(stem)
            and not _is_orgish(stem) and not is_date_word(stem) and stem not in _OCCUPATIONS and stem not in _NOT_ORG
            and not body_of(stem) and not stem.endswith(("씨", "님")) and any(t in ("NNP", "NNG") for t in w.tags[:1])
            and not _is_nationality_cue(w))


_KIN = frozenset("장남 차남 삼남 장녀 차녀 아들 딸 부인 남편 아내 어머니 아버지 모친 부친 손자 손녀 동생 형 누나 언니 오빠".split())


def _foreign_name_at(words: tuple[Word, ...], i: int, marked: bool = False) -> list[Word]:
    """The words of a foreign name starting at ``i``: two or three name parts, the last may carry a particle.

    Unless ``marked`` as foreign (케냐의 조너선 키프투), a first part that reads as a Korean name is not one.
    """
    run: list[Word] = []
    for w in words[i:i + 3]:
        if not _name_part(w):
            break
        run.append(w)
        if not w.bare:
            break
    if len(run) < 2 or _clean(run[0].stem) in _KIN:
        return []
    if len(_clean(run[0].stem)) < 2 and not (marked and len(run) == 3):  # 쩐 반 호아: Vietnamese surnames are short
        return []
    if not marked and any(is_korean_name(_clean(w.stem)) for w in run):
        return []
    if len(_clean(run[-1].stem)) < 2 and len(run) < 3:  # 응우옌 티 란: a short last part in a three-part name
        return []
    return run


def _is_nationality_cue(w: Word) -> bool:
    """케냐의, 베트남 출신, 주한 …: what introduces a foreigner."""
    stem = _clean(w.stem)
    country = LEX.places.get(stem) == "country" or stem.endswith("의") and LEX.places.get(stem[:-1]) == "country"
    return (country and (w.particle == "의" or stem.endswith("의"))) or stem in ("출신", "국적") and w.bare \
        or w.text == "주한"


def _foreign_names(doc: Doc, sent: Sentence) -> None:
    """Foreign names written in Hangul, when something marks them as a person's name:

        케냐의 조너선 키프투가; 우즈베키스탄 출신 딜노자 카리모바 … 상담팀장  (a nationality right before)
        바트볼드 간바타르씨는                                              (씨)
        요스트 판데르린던 노르트빈트 오프쇼어 최고경영자(CEO)               (name, an unknown company, an executive title)
    """
    # "리나 위자야", "마리아나 소우자": Kiwi reads a proper noun and the particle 나 ("or"); before another
    # proper noun, in a foreign name, it is one word
    words = tuple(replace(w, stem=w.text, particle="", tags=("NNP",)) if w.particle == "나" and w.tags[:1] == ("NNP",)
                  and (len(w.stem) == 1 or len(w.stem) <= 4 and nxt.tags[:1] == ("NNP",))
                  else w for w, nxt in zip(sent.words, sent.words[1:] + sent.words[-1:]))
    text = sent.text
    # most sentences carry no mark at all: look no further (this runs on every sentence)
    if not ("출신" in text or "국적" in text or "주한" in text or "씨" in text or any(
            w.stem in _OCCUPATIONS or LEX.places.get(w.stem.removesuffix("의")) == "country" for w in words)):
        return
    i = 0
    while i < len(words):
        occupation = i > 0 and words[i - 1].stem in _OCCUPATIONS and words[i - 1].bare
        # 베트남 출신으로 귀화한 의사 응우옌 티 란: an occupation, in a sentence that marks a foreigner
        cue = i > 0 and (_is_nationality_cue(words[i - 1]) or occupation and any(
            LEX.places.get(w.stem) == "country" or w.stem in ("출신", "국적") for w in words[:i]))
        run = _foreign_name_at(words, i, marked=cue) if words[i].bare or cue else []
        if not cue and words[i].bare:
            # 리나 위자야 인도네시아 상공회의소 부회장: a name, then a country's body and a title
            ahead = _foreign_name_at(words, i, marked=True)
            k = i + len(ahead)
            if ahead and ahead[-1].bare and k + 1 < len(words) and words[k].bare and not (
                    _clean(ahead[-1].stem).startswith("주") and _clean(words[k].stem) in ("대한민국", "한국")) and \
                    LEX.places.get(_clean(words[k].stem)) == "country" and any(
                    title_of(_clean(w.stem)) for w in words[k + 1:k + 4]):
                run, cue = ahead, True
            elif run and run[-1].bare:
                # 부디 산토소 누산타라 니켈 인더스트리 사장: a name, a company written in words, a title
                t = k
                while t < len(words) and t - k < 4 and words[t].bare and not title_of(_clean(words[t].stem)):
                    t += 1
                if t - k >= 2 and t < len(words) and title_of(_clean(words[t].stem)) and \
                        _clean(words[t - 1].stem) in COMPANY_ENDINGS:
                    cue = True
        if not cue and run and occupation and all("NNP" in w.tags for w in run):
            cue = True  # 감독 마르코 로시
        nxt = words[i + len(run)] if run and i + len(run) < len(words) else None
        ssi = bool(run) and run[-1].bare and nxt is not None and _clean(nxt.stem) in ("씨",)
        ssi_attached = not run and i + 1 < len(words) and _clean(words[i + 1].stem).endswith("씨") and words[i].bare \
            and _name_part(words[i]) and len(_clean(words[i + 1].stem)) >= 3
        if ssi_attached:  # 바트볼드 간바타르씨는
            last = _clean(words[i + 1].stem)[:-1]
            if not is_korean_name(last) and not is_korean_name(_clean(words[i].stem)):
                name = f"{_clean(words[i].stem)} {last}"
                doc.add(Mention(P, name, words[i].start, words[i].start + len(name), sent.index, "person:foreign+씨"))
                i += 2
                continue
        if cue and run and run[-1].bare and nxt is not None:
            # 의사 응우옌 티 란 온빛의원 원장: a marked foreign name, then an organisation and a title
            j = i + len(run)
            while j < len(words) and words[j].bare and not title_of(words[j].stem) and j - i - len(run) < 3:
                j += 1
            head = words[j] if j < len(words) else None
            title = title_of(head.stem) if head is not None else None
            org_words = [_clean(w.stem) for w in words[i + len(run):j]]
            if title is not None and org_words and (_is_org_phrase(org_words) or len(org_words) >= 2
                                                     and org_words[-1] in COMPANY_ENDINGS):
                _add_person(doc, sent, run[0], " ".join(_clean(w.stem) for w in run), " ".join(org_words), title,
                            head, rule="post:foreign-name-org-title", org_alias=alias_from_paren(words[j - 1]))
                i = j + 1
                continue
        if run and (cue or ssi):
            name = " ".join(_clean(w.stem) for w in run)
            doc.add(Mention(P, name, run[0].start, run[0].start + len(name), sent.index, "person:foreign"))
            i += len(run)
            continue
        i += 1


def _name_lists(doc: Doc, sent: Sentence) -> None:
    """김종원, 김형석, 남동철 등 …: three or more names in a list are people."""
    run: list[Word] = []
    for w in list(sent.words) + [None]:
        if w is not None and is_korean_name(_clean(w.stem)) and (w.comma or w.particle in ("", "등", "와", "과")):
            run.append(w)
            continue
        if w is not None and w.stem == "등" and run:
            pass
        if len(run) >= 3:
            for x in run:
                name = _clean(x.stem)
                doc.add(Mention(P, name, x.start, x.start + len(name), sent.index, "person:list"))
        run = []


def _byline_people(doc: Doc) -> None:
    """The reporter of the byline, and any other "OOO 기자" credit, is a person."""
    author = doc.article.author
    if author:
        for sent in doc.sentences:
            i = sent.text.find(author)
            if i >= 0:
                doc.add(Mention(P, author, sent.start + i, sent.start + i + len(author), sent.index, "byline"))
                break
        else:
            doc.add(Mention(P, author, 0, 0, 0, "byline"))
    for sent in doc.sentences:
        for m in re.finditer(r"(?:^|[\s=\[])([가-힣]{2,4})\s?기자", sent.text):
            if is_korean_name(m[1]):
                doc.add(Mention(P, m[1], sent.start + m.start(1), sent.start + m.end(1), sent.index, "byline"))


def find_short_forms(doc: Doc) -> None:
    """오 장관, 김 대표: a surname and a title refer back to someone named earlier."""
    people = [m for m in doc.mentions if m.type is P]
    titles = {f.subject[1]: f.title for f in doc.facts if f.kind == "position" and f.title}
    for sent in doc.sentences:
        words = sent.words
        for w in words:
            # 서씨는, 김씨가: a surname with 씨 refers back to the one person of that surname named earlier
            if len(w.stem) in (2, 3) and w.stem.endswith("씨") and w.stem[:-1] in LEX.surnames:
                earlier = {m.name for m in people if m.name.startswith(w.stem[:-1]) and m.start <= w.start
                           and " " not in m.name}
                if len(earlier) == 1:
                    doc.add(Mention(P, earlier.pop(), w.start, w.start + len(w.stem), sent.index, "person:short-form"))
        for i, w in enumerate(words[:-1]):
            nxt = words[i + 1]
            if len(w.stem) > 2 or w.stem not in LEX.surnames or w.particle:
                continue
            t = title_of(nxt.stem)
            if t is None:
                continue
            # (데이비드 정 → 정 회장: a foreign given name before a Korean surname)
            earlier = [m for m in people if m.start <= w.start and (m.name.startswith(w.stem) and " " not in m.name
                                                                    or m.name.endswith(" " + w.stem))]
            same_title = [m for m in earlier if titles.get(m.name) and (titles[m.name].endswith(t) or t.endswith(titles[m.name]))]
            pick = (same_title or earlier)
            if pick:
                name = pick[-1].name
                # the mention ends with the title, before its particle ("김 대표|는"), as every name does
                doc.add(Mention(P, name, w.start, nxt.start + len(nxt.stem), sent.index, "person:short-form"))


def _known_names_again(doc: Doc) -> None:
    """Once a name is known as a person, its other bare occurrences are that person too.

    A foreign name comes back as one of its parts: 브뤼넬 부사장, 판데르린던 CEO는, 응우옌 원장은, 키프투는.
    """
    organisations = {m.name for m in doc.mentions if m.type is O}
    known = {m.name for m in doc.mentions if m.type is P and " " not in m.name} - organisations
    parts: dict[str, set[str]] = {}
    for m in doc.mentions:
        if m.type is P and " " in m.name:
            pieces = m.name.split(" ")
            for piece in {pieces[0], pieces[-1]}:
                if len(piece) >= 2 and not is_korean_name(piece) and not title_of(piece):
                    parts.setdefault(piece, set()).add(m.name)
    seen = {(m.start, m.name) for m in doc.mentions if m.type is P}
    for sent in doc.sentences:
        for i, w in enumerate(sent.words):
            name = _clean(w.stem)
            if name in known and (w.start, name) not in seen:
                doc.add(Mention(P, name, w.start, w.start + len(name), sent.index, "person:known-name"))
            elif len(parts.get(name, ())) == 1 and not w.quoted:
                full = next(iter(parts[name]))
                titled = w.bare and i + 1 < len(sent.words) and title_of(sent.words[i + 1].stem) is not None
                if (titled or w.particle in ("은", "는", "이", "가", "의", "에게")) and \
                        not any(m.start <= w.start < m.end for m in doc.in_sentence(sent.index, P)):
                    doc.add(Mention(P, full, w.start, w.start + len(name), sent.index, "person:foreign-part"))
