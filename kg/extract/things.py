"""Organisations, places, venues, events, policies and awards.

Each recogniser reads the words of a sentence and adds mentions:

- organisations: the lexicon's government bodies and their abbreviations,
  names ending in an organisation word (협회, 위원회, 공단, 대학교…), ㈜ companies;
- places: administrative divisions and countries; "부산시", "순창군이 …" acting
  as a body are organisations (GUIDE: a city acting is an Organization);
- venues: facility names (…컨벤션센터, …호텔, …과학관) and well-known venues;
- events, policies: quoted names ('…') and noun phrases that end in an event
  word (대회, 박람회, 시상식, 간담회…) or a policy word (사업, 제도, 법, 프로젝트…);
- awards: the state honours (은탑산업훈장, 근정포장, 대통령 표창) and "…상"
  names where the sentence says someone received them.
"""
from __future__ import annotations

import re

from ..models import EntityType
from .analysis import Sentence, Word
from .doc import Doc, Mention
from .patterns import (GENERIC_ORG, HOUSES_WITH_A_DIRECTOR, LEX, body_of, company_like, is_date_word, is_korean_name,
                       is_local_government, is_place, named_committee, org_suffix, title_of)

O, L, V, E, POL, A = (EntityType.ORGANIZATION, EntityType.LOCATION, EntityType.VENUE, EntityType.EVENT,
                      EntityType.POLICY, EntityType.AWARD)

_DETERMINERS = {"이번", "이", "그", "해당", "가운데", "중", "올해", "내년", "각", "모든", "새", "새로운", "기존", "관련", "이날", "본", "총",
                "첫", "첫째", "또", "다음", "같은", "당시", "본격", "지난", "오는", "향후", "전", "현", "국내", "국내외",
                "만큼", "뿐", "때문", "대로", "데", "것", "수"}  # the last: bound nouns that end a clause ("…된 만큼 법 집행")
_CEREMONY = ("개회식", "개막식", "폐막식")
_AWARD_VERBS = re.compile(r"수상|추서|받았|받기도|받는|받아|받은|받게|받을|받고|받는다|수여|시상|돌아갔|돌아가|차지|품에 안|거머쥐|수훈|영예|뽑혔|선정|챙기|트로피|주어|안았")
_NOT_AWARDS = frozenset("""이상 세상 현상 대상자 향상 정상 보상 협상 예상 사상 인상 상상 화상 영상 수상 시상 진상 양상 형상 실상 명상
일상 손상 피상 입상 무상 유상 항상 선상 지상 해상 천상 궁상 관상 회상 구상 환상 감상 면상 책상 밥상 계상 격상 부상 정상급 최상 표상 가상
성상 발상 연상 비상 가상 동상 적상 포상 세상 외상 흑자상 상""".split())
_VENUE_SUFFIXES_STRONG = tuple(s for s in LEX.venue_suffixes if s not in ("센터", "광장", "공원", "홀"))
_FACILITY_WORDS = frozenset("컨벤션센터 컨퍼런스센터 콘퍼런스센터 전시컨벤션센터 아트센터 아트홀 컨벤션홀 그랜드볼룸 볼룸 "
                            "오디토리움 스타디움 아레나 체육관 경기장 공연장 대극장 메세".split())


def _is_hall(w: Word) -> bool:
    """A named hall inside a building, where something takes place ("세종홀에서", "크리스탈볼룸에서")."""
    return (w.particle.startswith(("에서", "서")) and len(w.stem) >= 3 and w.stem.endswith(("홀", "볼룸", "룸"))
            and not org_suffix(w.stem) and w.nominal)


_GENERIC_VENUE_TAIL = {"전시장", "행사장", "시상식장", "회의실", "회의장", "대강당", "강당", "로비", "일대", "앞", "인근", "내", "현장"}


_ROOMS = frozenset("대강당 강당 대회의실 회의실 중회의실 소회의실 국제회의장 회의장 세미나실 프레스센터 브리핑룸 "
                   "기자회견장 대연회장 연회장 접견실 대공연장 소공연장 전시실 특별전시실 기획전시실 상설전시실".split())
_BUILDING_PARTS = re.compile(r"^(본관|별관|신관|구관|[가-힣A-Za-z0-9]{1,3}(동|층))$")


def _rooms(doc: Doc, sent: Sentence) -> None:
    """"국립누리의료원 연구동 대강당에서", "누리과학회관 국제회의장에서": a room of a known building or body."""
    words = sent.words
    for i, w in enumerate(words):
        # "누리시민공원 다솜광장에서": a named square inside a park or a building's grounds
        square = w.stem.endswith("광장") and len(w.stem) >= 4 and not w.bare
        if i == 0 or (w.stem not in _ROOMS and not square) or not w.particle.startswith(("에서", "서")):
            continue
        j = i - 1
        if j > 0 and _BUILDING_PARTS.match(words[j].stem) and words[j].bare:
            j -= 1  # 연구동, 본관, 3층
        owner = words[j]
        stem = owner.stem.split("=")[-1].strip()
        if not owner.bare or owner.quoted or not stem or is_place(stem):
            continue
        building = (LEX.venues.get(stem) or stem.endswith(LEX.venue_suffixes) or body_of(stem)
                    or org_suffix(stem, strong_only=False) or stem.endswith(("청", "청사", "회관")))
        if building:
            _add(doc, sent, V, " ".join([stem] + [x.stem for x in words[j + 1:i + 1]]), owner, "venue:room")


def local_government(doc: Doc, unit: str) -> str | None:
    """"정미솔 도 경제통상국장": 도 (시, 군, 구) is the province (city …) the article is about, the one acting most;
    read once per article."""
    if unit not in doc.local_governments:
        counts: dict[str, int] = {}
        for sent in doc.sentences:
            for w in sent.words:
                stem = w.stem.split("=")[-1].strip()
                if len(stem) >= 3 and stem.endswith(unit) and is_local_government(stem) \
                        and w.particle in ("은", "는", "이", "가", "와", "과"):
                    counts[stem] = counts.get(stem, 0) + 1
        doc.local_governments[unit] = max(sorted(counts), key=counts.get) if counts else None
    return doc.local_governments[unit]


def _local_government_again(doc: Doc, sent: Sentence) -> None:
    """"도와 누리신용재단은 …", "시는 부지를 지원한다": 도, 시, 군 alone stand for the one the article is about."""
    for w in sent.words:
        if w.stem in ("도", "시", "군") and w.particle in ("은", "는", "이", "가", "와", "과", "도") and not w.quoted:
            body = local_government(doc, w.stem)
            if body:
                doc.add(Mention(O, body, w.start, w.start + 1, sent.index, "org:local-government"))


def find_things(doc: Doc) -> None:
    for sent in doc.sentences:
        _orgs(doc, sent)
        _places(doc, sent)
        _venues(doc, sent)
        _rooms(doc, sent)
        _quoted_names(doc, sent)
        _phrase_names(doc, sent)
        _awards(doc, sent)
        _budget_items(doc, sent)
        _listed_with_organisations(doc, sent)
        _legal_form_first(doc, sent)
        _hotels(doc, sent)
        _named_after_its_kind(doc, sent)
        _listed_before_their_kind(doc, sent)
        _named_in_latin_letters(doc, sent)
        _local_government_again(doc, sent)
    _dateline_place(doc)
    _event_heads_are_not_companies(doc)  # first, so that no company is found again by a fair's short name
    _known_names_again(doc)


_PARTICLE_NEXT = re.compile(r"$|[^\w]|(은|는|이|가|을|를|의|와|과|에|도|로|으로|만|까지|부터|측|등)(?![가-힣])|"
                            r"(에서|에게|와의|과의|으로서|로서|이나|하고)")


def _known_names_again(doc: Doc) -> None:
    """An organisation or venue found once is found wherever its name is written again
    (노르트빈트 오프쇼어, known from a post, is a party of the agreement two sentences later)."""
    known = {(m.type, m.name) for m in doc.mentions if m.type in (O, V) and len(m.name) >= 3 and m.rule != "byline"}
    # an event or programme named once in quotes is named again without them ("열린 '한빛푸드 2025'" … "한빛푸드 2025에")
    known |= {(m.type, m.name) for m in doc.mentions if m.type in (E, POL) and len(m.name) >= 6
              and (" " in m.name or m.type is POL)}
    # 인천항만공사(IPA) … "IPA와 로테르담항만공사가": a short form given in parentheses recurs too
    known |= {(m.type, m.alias) for m in doc.mentions if m.type in (O, V) and m.alias and m.rule != "byline"
              and (len(m.alias) >= 3 or re.fullmatch(r"[A-Za-z]{2}", m.alias) or f"(이하 {m.alias})" in doc.article.text)}
    if not known:
        return
    text = doc.article.text
    for t, name in sorted(known, key=lambda k: (-len(k[1]), k[0].value, k[1])):  # longest first: it claims its text
        for sent in doc.sentences:
            at = sent.text.find(name)
            while at >= 0:
                start = sent.start + at
                end = start + len(name)
                inside = any(m.start <= start < m.end for m in doc.in_sentence(sent.index))
                boundary = start == 0 or not text[start - 1].isalnum()
                # an event or programme's name must end where it does here, not open a longer name
                whole = t in (O, V) or text[end:end + 1] not in (" ", "'", "’", "\"", "”")
                if not inside and boundary and whole and _PARTICLE_NEXT.match(text, end):
                    doc.add(Mention(t, name, start, end, sent.index, "name-again"))
                at = sent.text.find(name, at + len(name))


def _event_heads_are_not_companies(doc: Doc) -> None:
    """'한빛푸드 2025' is a fair: the name before its year, read alone as a company, is the fair's short name."""
    events = {m.name for m in doc.mentions if m.type is E}
    fairs = {e.rsplit(" ", 1)[0] for e in events if re.fullmatch(r".+ 20\d\d", e)}
    if any(m.type is O and m.rule == "org:company-name" and m.name in fairs for m in doc.mentions):
        doc.mentions = [m for m in doc.mentions if not (m.type is O and m.rule == "org:company-name" and m.name in fairs)]


def _add(doc: Doc, sent: Sentence, t: EntityType, name: str, w: Word, rule: str, alias: str | None = None) -> None:
    i = sent.text.find(name.split(" ")[0], w.start - sent.start)
    start = sent.start + i if i >= 0 else w.start
    doc.add(Mention(t, name, start, start + len(name), sent.index, rule, alias))


def alias_from_paren(w: Word) -> str | None:
    """The parenthesis of "한국과학기술연구원(KIST)" or "탄소국경조정제도(CBAM)", when it is another name."""
    p = w.paren
    named = re.fullmatch(r"이하 ([가-힣A-Za-z0-9]{2,12})", p)
    if named:
        return named[1]  # 누리문화재단(이하 재단): the name the article uses from here on
    if not p or len(p) > 30 or re.fullmatch(r"[\d.,%~\-+ ]+|\d+[세명개곳건점억만원%월일년]*|왼쪽.*|오른쪽.*|가운데.*|사진.*|이하.*|"
                                           r"가칭|가제|가명|임시|잠정|예정|미정", p):
        return None
    if " " in p and not re.fullmatch(r"[A-Za-z0-9&.\- ]+", p):
        return None
    return p


def _orgs(doc: Doc, sent: Sentence) -> None:
    words = sent.words
    for i, w in enumerate(words):
        stem = w.stem.split("=")[-1]
        if not stem or w.quoted:
            continue
        pair = stem.split("-")
        if len(pair) == 2 and all(len(x) >= 3 and (org_suffix(x) or body_of(x)) for x in pair):
            # "한빛항만공사-누리항만공사, 협약": two bodies joined by a hyphen in a headline
            doc.add(Mention(O, pair[0], w.start, w.start + len(pair[0]), sent.index, "org:pair"))
            doc.add(Mention(O, pair[1], w.start + len(pair[0]) + 1, w.start + len(stem), sent.index, "org:pair"))
            continue
        dotted = stem.split("·")
        if len(dotted) >= 2 and all(len(x) >= 2 and (body_of(x) or org_suffix(x) or is_local_government(x)
                                                    or re.fullmatch(r"[A-Z]{2,6}", x)) for x in dotted) \
                and any(body_of(x) or org_suffix(x) for x in dotted):  # (신안군·완도군: places, unless acting)
            # "복지부·전남도·전남대병원", "교통안전공단·ETRI": bodies joined by a middle dot, each of its own
            at = w.start
            for x in dotted:
                at = doc.article.text.find(x, at)
                doc.add(Mention(O, x, at, at + len(x), sent.index, "org:dotted"))
                at += len(x)
            continue
        company = stem.startswith(("㈜", "(주)")) or stem.endswith(("㈜", "(주)"))  # ㈜한빛, 한빛㈜
        stem = stem.strip("㈜").removeprefix("(주)").removesuffix("(주)").strip()
        body = body_of(stem)
        if body:
            if stem.endswith("시") or is_place(stem):
                continue
            _add(doc, sent, O, stem, w, "org:lexicon", alias_from_paren(w))
            continue
        if _city_as_body(stem, w, words[i - 1] if i else None, words[i + 1] if i + 1 < len(words) else None):
            _add(doc, sent, O, stem, w, "org:city-acting")
            continue
        if is_place(stem) or title_of(stem) == stem:
            continue
        if stem.endswith(HOUSES_WITH_A_DIRECTOR) and len(stem) > 4 and w.particle in ("은", "는", "이", "가") \
                and _acts_in_its_clause(sent.text[w.end - sent.start:]):
            _add(doc, sent, O, stem, w, "org:house-acting")  # 국립누리과학관은 … 개막식을 열었다: the museum as a body
            continue
        suffix = org_suffix(stem)
        # (Kiwi reads some brands as an adverb and a noun: 한결캐피탈 → 한결/MAG + 캐피탈)
        if not suffix and company_like(stem) and ("NNP" in w.tags or "SL" in w.tags or w.tags[:1] == ("MAG",)) \
                and not is_korean_name(stem):
            _add(doc, sent, O, stem, w, "org:company-name")
            continue
        # 동아대 체육학과, 강원대 법전원: a university's short name before a department or a professor
        if (not suffix and re.fullmatch(r"[가-힣]{1,4}대", stem) and w.bare and i + 1 < len(words)
                and re.search(r"(학과|학부|전공|법전원|대학원|교수|총장)$", words[i + 1].stem)):
            _add(doc, sent, O, stem, w, "org:university")
            continue
        if i > 0 and words[i - 1].bare and words[i - 1].stem in _ACT_KINDS and re.fullmatch(r"[가-힣A-Za-z0-9]{2,12}", stem) \
                and ("NNP" in w.tags or "SL" in w.tags) and not is_korean_name(stem) and not is_place(stem) \
                and not title_of(stem):
            _add(doc, sent, O, stem, w, "org:act", alias_from_paren(w))  # 걸그룹 루미에르, 4인조 밴드 새벽정류장
            continue
        if team := _sports_team(doc, words, i, stem):
            _add(doc, sent, O, team, words[i - team.count(" ")], "org:team", stem if team != stem else None)
            continue
        if committee := named_committee(words, i, stem):
            _add(doc, sent, O, committee, words[i - 1], "org:named-committee")
            continue
        if suffix or company:
            # ㈜한솔랩: the company mark outweighs a name that looks like a person's (한 + 솔랩)
            if stem in GENERIC_ORG or is_korean_name(stem) and not company or any(
                    title_of(x) == x for x in stem.split("·")[:-1]):
                continue
            # words before it that belong to the name: "IBM 왓슨연구소", "서울대학교 어린이병원"
            j = i
            if i > 0 and stem.endswith("위원회") and words[i - 1].bare and not words[i - 1].quoted \
                    and words[i - 1].stem.endswith(tuple(LEX.event_heads)) and len(words[i - 1].stem) >= 4:
                j -= 1  # 한빛국제영화제 집행위원회, 누리엑스포 조직위원회: the committee that runs an event
            while j > 0 and words[j - 1].bare and words[j - 1].nominal and not words[j - 1].quoted and (
                    re.fullmatch(r"[A-Za-z&.\-0-9]+", words[j - 1].stem) or org_suffix(words[j - 1].stem)
                    or words[j - 1].stem in GENERIC_ORG and j - 1 > 0 and org_suffix(words[j - 2].stem)
                    or body_of(words[j - 1].stem)):
                j -= 1
            name = " ".join([x.stem for x in words[j:i]] + [stem])
            if j < i and re.search(r"(대학|학과|학부|대학원|팀|기동대|지구대)$", stem):
                continue  # 한빛대학교 IT대학: a college of the university, not a body of its own
            if j < i and title_of(stem) is None:
                _add(doc, sent, O, name, words[j], "org:suffix-phrase", alias_from_paren(w))
            else:
                _add(doc, sent, O, stem, w, "org:company" if company else "org:suffix", alias_from_paren(w))


# the kind of a music act, written before its name
_ACT_KINDS = frozenset("그룹 걸그룹 보이그룹 혼성그룹 아이돌그룹 밴드 록밴드 인디밴드 듀오 트리오 보컬그룹 오케스트라 합창단 "
                       "4인조 5인조".split())

# 프로야구 누리 돌핀스, 한빛화재 썬더호크스: a club is its home city or its owner, then a nickname in a plural loanword
_SPORTS_ARTICLE = re.compile(r"프로야구|프로배구|프로농구|프로축구|구단|선수단|[KV]리그|KBO|KBL|WKBL|KOVO")
_NICKNAME = re.compile(r"[가-힣]{3,7}[스즈츠]")
_NOT_NICKNAME = ("서비스", "비즈니스", "플러스", "클래스", "시리즈", "스포츠", "캠퍼스", "오피스", "테니스", "뉴스", "프로세스",
                 "컴퍼니스", "웰니스", "피트니스", "액세스", "리소스", "패스", "하우스", "리츠", "넷플릭스", "커뮤니케이션즈",
                 "코스메틱스", "일렉트로닉스", "로지스", "시스템즈", "테크놀로지스", "솔루션즈", "파트너스", "네트웍스",
                 "로직스", "다이내믹스", "모빌리티스", "디자인스", "스튜디오스")


def _sports_team(doc: Doc, words: list[Word], i: int, stem: str) -> str | None:
    """'누리 돌핀스', '한빛화재 썬더호크스', '세종 KT 윙스': the owner or city words before a club's nickname."""
    if re.fullmatch(r"[가-힣]{2,8}(시티즌|유나이티드)", stem) and _SPORTS_ARTICLE.search(doc.article.text):
        return stem  # 프로축구 누리하나시티즌: a club written as one word
    if not _NICKNAME.fullmatch(stem) or stem.endswith(_NOT_NICKNAME) or company_like(stem) or org_suffix(stem) \
            or is_place(stem) or not _SPORTS_ARTICLE.search(doc.article.text) \
            or any(m.start <= words[i].start < m.end for m in doc.mentions if m.type is EntityType.PERSON):
        return None  # (내야수 호세 마르티네스: a player already read as a person)
    j = i
    while j > 0 and i - j < 2 and words[j - 1].bare and not words[j - 1].quoted \
            and not _NICKNAME.fullmatch(words[j - 1].stem) and (
            is_place(words[j - 1].stem) or company_like(words[j - 1].stem) or body_of(words[j - 1].stem)
            or re.fullmatch(r"[A-Z]{2,4}", words[j - 1].stem) or "NNP" in words[j - 1].tags
            and not is_korean_name(words[j - 1].stem) and not title_of(words[j - 1].stem)):
        j -= 1
    if j > 0 and _NICKNAME.fullmatch(words[j - 1].stem):
        return None  # 한빛 돌핀스 빅터 레이예스: a player named after his club, not a club
    if j < i and LEX.places.get(words[j].stem) in ("country", "region"):
        return None  # 미국 넷플릭스: clubs are named after a city or an owner, not a country
    if j == i or re.match(r"에서 (열린|열리는|개최|진행)", doc.article.text[words[i].end - len(words[i].particle):][:9]):
        return None  # (… 서울 파르나스에서 열린: a hotel)
    return " ".join([x.stem for x in words[j:i]] + [stem])


# what a body does that a building cannot
_A_BODY_ACTS = re.compile(r"(열었|열고|개최|주최|주관|맺었|맺고|체결|밝혔|발표|선정|운영하|마련했|협약)")


def _acts_in_its_clause(rest: str) -> bool:
    """The verb of a body's act follows in the subject's own clause: no other subject or relative clause before it
    ("X는 … 개막식을 열었다", not "X가 있는 공원에서 개막식을 열었다")."""
    m = _A_BODY_ACTS.search(rest)
    return bool(m) and not re.search(r"[가-힣](은|는|이|가) |있는 |하는 |한 ", rest[:m.start()])


# the last word of a company's name in Latin letters
_LATIN_COMPANY = re.compile(r"[A-Z][A-Za-z&.\-]*(?: [A-Z][A-Za-z&.\-]*)* (?:Studios?|Inc\.?|Corp\.?|Corporation|Therapeutics|"
                            r"Labs?|Group|Technologies|Technology|Systems|Partners|Capital|Ventures|Pharma|Pharmaceuticals|"
                            r"Biosciences|Bio|Energy|Motors|Holdings|Co\.?|Ltd\.?|GmbH|AG|SA|Games|Robotics|Electronics|"
                            r"Foods?|Logistics|Entertainment|Networks|Solutions|Industries|Automation)")


def _named_in_latin_letters(doc: Doc, sent: Sentence) -> None:
    """"레드캐니언 스튜디오(Red Canyon Studios)": a foreign company with its name in Latin letters after it;
    "라스베이거스 컨벤션센터(LVCC)": a city's convention centre with its short name."""
    words = sent.words
    for i, w in enumerate(words):
        if not w.paren or w.quoted:
            continue
        if _LATIN_COMPANY.fullmatch(w.paren):
            j = i
            while j > 0 and i - j < 2 and words[j - 1].bare and words[j - 1].nominal and not words[j - 1].quoted \
                    and not is_place(words[j - 1].stem) and title_of(words[j - 1].stem) is None \
                    and words[j - 1].stem not in _KIND_OF_BODY and not words[j - 1].stem.endswith(("사", "업체", "기업")):
                j -= 1
            name = " ".join(x.stem for x in words[j:i + 1])
            if re.fullmatch(r"[가-힣A-Za-z0-9 ]{3,30}", name) and not is_korean_name(name):
                _add(doc, sent, O, name, words[j], "org:latin-name", w.paren)
                if j < i and len(words[j].stem) >= 3 and "NNP" in words[j].tags:  # "뉴로비스타 최고경영자": its first word
                    _add(doc, sent, O, name, words[j], "org:latin-name", words[j].stem)
        elif (w.stem in _FACILITY_WORDS and re.fullmatch(r"[A-Z]{2,6}", w.paren) and i > 0 and words[i - 1].bare
              and LEX.places.get(words[i - 1].stem) in ("world-city", "city")):
            _add(doc, sent, V, f"{words[i - 1].stem} {w.stem}", words[i - 1], "venue:city-facility", w.paren)


def _city_as_body(stem: str, w: Word, prev: Word | None = None, nxt: Word | None = None) -> bool:
    """부산시, 대구시; 순창군이 (a county as the subject of an act) are bodies, not places.

    After a province ("경남 창원시 성산구") or before a district ("수원시 영통구") the same word is a place.
    """
    acting = w.particle in ("은", "는", "이", "가")
    if prev is not None and prev.bare and is_place(prev.stem) and not (acting and stem.endswith(("시", "군")) and len(stem) >= 3):
        return False  # but "경남 하동군은 … 열었다": the county acting
    if nxt is not None and w.bare and (LEX.places.get(nxt.stem) in ("district", "county")
                                       or re.fullmatch(r"[가-힣]{1,3}구", nxt.stem)):
        return False
    if stem.endswith("시") and stem[:-1] in LEX.places and len(stem) >= 3:
        return True
    if stem.endswith(("군", "구", "시", "도")) and stem in LEX.places and w.particle in ("은", "는", "이", "가", "도", "과", "와"):
        return True  # 순창군이, 부산광역시는 (acting)
    return False


def _places(doc: Doc, sent: Sentence) -> None:
    words = sent.words
    for i, w in enumerate(words):
        stem = w.stem
        if w.quoted or not stem:
            continue
        if stem.endswith(("발", "산", "계", "의")) and LEX.places.get(stem[:-1]) == "country":
            _add(doc, sent, L, stem[:-1], w, "place:country-prefix")  # 중국발, 미국산, 일본계
            continue
        if w.bare and i + 1 < len(words) and words[i + 1].stem in LEX.event_heads and LEX.places.get(stem) in (
                "world-city", "area"):
            continue  # "파리 올림픽", "1984 로스앤젤레스 올림픽": the city names the event
        if any(m.rule == "org:team" and m.start <= w.start < m.end for m in doc.in_sentence(sent.index, O)):
            continue  # 청주 썬더버즈: the club's home city is part of its name
        dotted = stem.split("·")
        if len(dotted) >= 2 and all(is_place(x) for x in dotted):
            at = w.start  # "신안군·완도군·고흥군": places joined by a middle dot
            for x in dotted:
                at = doc.article.text.find(x, at)
                doc.add(Mention(L, x, at, at + len(x), sent.index, "place:dotted"))
                at += len(x)
            continue
        if is_place(stem) and not _city_as_body(stem, w, words[i - 1] if i else None,
                                                words[i + 1] if i + 1 < len(words) else None):
            # "전남 완도에", "경남 양산의": a province before the name makes it a place
            in_province = i > 0 and words[i - 1].bare and LEX.places.get(words[i - 1].stem) == "province"
            if LEX.places.get(stem) == "county" and not stem.endswith("군") and stem + "군" not in doc.article.text \
                    and not in_province:
                continue  # 예산, 영광: a county's short form is also an ordinary word
            if LEX.places.get(stem) == "city" and "NNP" not in w.tags and stem + "시" not in doc.article.text \
                    and not in_province:
                continue  # 양산 (mass production), 구미: a city's name that Kiwi reads as a common noun
            _add(doc, sent, L, stem, w, "place:lexicon")
        elif (i > 0 and re.fullmatch(r"[가-힣]{1,4}[구군동읍면리]", stem) and words[i - 1].bare and stem not in GENERIC_ORG
              and LEX.places.get(words[i - 1].stem) in ("province", "city", "district", "county")):  # not 베트남 배터리
            _add(doc, sent, L, stem, w, "place:neighbourhood")
        elif (i > 0 and words[i - 1].bare and LEX.places.get(words[i - 1].stem) == "country"
              and re.fullmatch(r"[가-힣]{2,8}(주|성|현)", stem) and "NNP" in w.tags and not is_place(stem)):
            # "미국 누리바마주", "베트남 한빛성": a state or province abroad, and the city named after it
            _add(doc, sent, L, stem, w, "place:state-abroad")
            nxt = words[i + 1] if w.bare and i + 1 < len(words) else None
            if nxt is not None and nxt.bare and i + 2 < len(words) and (  # 지바현 마쿠하리 메세: a venue's name
                    words[i + 2].stem in _FACILITY_WORDS or words[i + 2].stem.endswith(tuple(LEX.venue_suffixes))):
                nxt = None
            if nxt is not None and re.fullmatch(r"[가-힣]{2,6}", nxt.stem) and nxt.tags[:1] == ("NNP",) \
                    and (nxt.bare or nxt.particle in ("의", "에", "에서", "에서는", "시")) and not title_of(nxt.stem) \
                    and not org_suffix(nxt.stem) and not nxt.stem.endswith(tuple(LEX.venue_suffixes)):
                city = nxt.stem[:-1] if nxt.stem.endswith("의") and not nxt.particle else nxt.stem  # 몽고메리의
                _add(doc, sent, L, city, nxt, "place:city-abroad")
        elif re.fullmatch(r"[가-힣]{2,8}(?:제\d+)?(산업단지|농공단지|국가산단|일반산단|산단|신도시|혁신도시)", stem) \
                and not re.fullmatch(r"(국가|일반|첨단|지방|스마트|인근|기존|신규|해당|전국)?(산업단지|농공단지|산단|신도시|혁신도시)", stem):
            _add(doc, sent, L, stem, w, "place:estate")  # 율촌제1산업단지, 내포신도시: a named estate or new town
        elif w.paren and is_place(w.paren) and i >= 0:
            pass  # "인하대학교 의과대학 부속병원(인천)": the relation stage reads it


def _venues(doc: Doc, sent: Sentence) -> None:
    words = sent.words
    for i, w in enumerate(words):
        stem = w.stem
        if w.quoted or not stem or not w.nominal:
            continue
        known = LEX.venues.get(stem)
        suffix = stem.endswith(_VENUE_SUFFIXES_STRONG) and next((s for s in _VENUE_SUFFIXES_STRONG if stem.endswith(s) and (len(stem) > len(s) + 1 or (
            i > 0 and words[i - 1].bare and LEX.venues.get(words[i - 1].stem)))), None)
        locative = w.particle.startswith(("에서", "서")) or w.particle in ("에", "에는") or (
            w.bare and i + 1 < len(words) and words[i + 1].stem in ("일원", "일대") and words[i + 1].particle.startswith("에서")
        ) or _listed_before_locative(words, i)
        if stem in _GENERIC_VENUE_TAIL:
            continue
        before = words[i - 1] if i > 0 and words[i - 1].bare and words[i - 1].nominal and not words[i - 1].quoted else None
        if (w.bare and i + 1 < len(words) and (known or suffix) and _is_hall(words[i + 1])
                and not org_suffix(stem)):
            continue  # "세종문화회관 세종홀에서": the hall is named with its building, next
        if not suffix and locative and before is not None and not org_suffix(stem):
            placed_before = is_place(before.stem) or LEX.venues.get(before.stem)
            if stem in _FACILITY_WORDS and not (placed_before or is_date_word(before.stem) or title_of(before.stem)
                                                or body_of(before.stem)):
                # "아호이 컨벤션센터에서", "FKI타워 컨퍼런스센터에서": a name, then the kind of facility
                _add(doc, sent, V, f"{before.stem} {stem}", before, "venue:name+facility")
                continue
            if (stem.endswith("센터") and len(stem) >= 4 or stem.endswith("홀") and len(stem) >= 3) and placed_before \
                    and "NNP" in w.tags:
                suffix = "센터" if stem.endswith("센터") else "홀"  # "중구 프레스센터에서", "세종문화회관 세종홀에서"
            elif stem.endswith(("공원", "광장")) and len(stem) >= 4 and is_place(before.stem):
                suffix = stem[-2:]  # "하동읍 송림공원 일원에서": a park in a named place
        if not suffix and stem.endswith("공원") and len(stem) >= 5 and not org_suffix(stem) and (
                locative and "NNP" in w.tags or i > 0 and words[i - 1].bare and is_place(words[i - 1].stem)):
            suffix = "공원"  # "광교호수공원에서", "영통구 누리호수공원이": a park named in full
        if not known and not suffix:
            # "영등포구 SWITCH22에서 열린": a name right after a place, where something is held
            if ((locative or w.particle == "의") and i > 0 and LEX.places.get(words[i - 1].stem) == "country" and words[i - 1].bare
                    and re.fullmatch(r"[가-힣]{2,5}", stem) and "NNP" in w.tags):
                if stem.endswith("대") and len(stem) >= 3:
                    _add(doc, sent, O, stem, w, "org:university-abroad")  # 미국 누리건대에서 박사 학위를 받았다
                else:
                    _add(doc, sent, L, stem, w, "place:city-abroad")  # 중국 항저우에서
                continue
            if (locative and w.particle.startswith(("에서", "서")) and i > 0 and is_place(words[i - 1].stem)
                    and not is_place(stem)
                    and words[i - 1].bare and i + 1 < len(words) and words[i + 1].text.startswith(("열", "개최"))
                    and not is_korean_name(stem) and not body_of(stem)):
                _add(doc, sent, V, stem, w, "venue:place-then-name")
            continue
        if suffix and (org_suffix(stem) or body_of(stem)) and not locative:
            continue
        placed = i > 0 and words[i - 1].bare and (is_place(words[i - 1].stem) or LEX.venues.get(words[i - 1].stem))
        if suffix and not known and not locative and not placed and not _named_venue_again(doc, stem):
            continue
        # the words before it that are part of the venue's name ("롯데호텔 월드 크리스탈볼룸")
        j = i
        while (j > 0 and words[j - 1].bare and words[j - 1].nominal and not words[j - 1].quoted
               and not is_place(words[j - 1].stem) and not is_date_word(words[j - 1].stem)
               and not is_korean_name(words[j - 1].stem) and title_of(words[j - 1].stem) is None
               and not words[j - 1].stem.endswith(_EVENT_HEADS)  # "제5회 누리로봇박람회 해솔컨벤션센터서 개막"
               and (LEX.venues.get(words[j - 1].stem) or any(words[j - 1].stem.endswith(s) for s in LEX.venue_suffixes)
                    or body_of(words[j - 1].stem) or org_suffix(words[j - 1].stem, strong_only=False)
                    or re.fullmatch(r"[A-Za-z0-9]+", words[j - 1].stem))):
            j -= 1
        k = j
        while k > 0 and j - k < 2 and words[k - 1].bare and words[k - 1].nominal and not words[k - 1].quoted \
                and not is_place(words[k - 1].stem) and not is_date_word(words[k - 1].stem):
            k -= 1
            if any(words[k].stem.endswith(s) for s in _VENUE_SUFFIXES_STRONG) or LEX.venues.get(words[k].stem):
                j = k
        name = " ".join(x.stem for x in words[j:i + 1])
        nxt = words[i + 1] if i + 1 < len(words) else None
        if known and j == i and w.bare and nxt is not None and is_place(nxt.stem) and \
                nxt.particle.startswith(("에서", "서", "에")):
            _add(doc, sent, V, f"{known[0]} {nxt.stem}", w, "venue:lexicon+branch")  # "국립누리박물관 청주에서": its branch
        elif known and j == i:
            _add(doc, sent, V, known[0], w, "venue:lexicon", alias_from_paren(w))
        else:
            _add(doc, sent, V, name, words[j], "venue:suffix", alias_from_paren(w))


def _listed_before_locative(words: list[Word], i: int) -> bool:
    """"누리아트홀과 누리문화예술회관 등 시내 3곳에서": a venue listed before the place words that end the list."""
    if not (words[i].bare or words[i].particle in ("과", "와", "이나", "나")):
        return False
    for w in words[i + 1:i + 5]:
        if w.particle.startswith(("에서", "서")):
            return True
        if not (w.nominal and (w.bare or w.particle in ("과", "와", "이나", "나"))):
            return False
    return False


def _named_venue_again(doc: Doc, stem: str) -> bool:
    return any(m.type is V and m.name.endswith(stem) for m in doc.mentions)


_EVENT_HEADS = tuple(LEX.event_heads)
_POLICY_HEADS = tuple(LEX.policy_heads)


def _kind_of_phrase(name: str) -> EntityType | None:
    # "국제 그린항만 포럼 2026": a year after the head word names the edition
    last = re.sub(r"(?<=\S) (19|20)\d\d$", "", name).rsplit(" ", 1)[-1]
    if last.endswith(_EVENT_HEADS):
        return E
    if last.endswith(_POLICY_HEADS):
        return POL
    return None


def _quoted_names(doc: Doc, sent: Sentence) -> None:
    """'2024 중소기업 기술·경영 혁신대전 개회식', 'K-클라우드 프로젝트': quoted names typed by their last word."""
    words = sent.words
    for i, w in enumerate(words):
        if not w.quoted:
            continue
        name = w.stem.strip()
        # '지역혁신중심 대학지원체계(RISE)': the short name in parentheses is an alias
        inner = re.fullmatch(r"(.{3,}?)\s?\(([A-Za-z0-9][A-Za-z0-9&.\- ]{1,15}|[가-힣]{2,8})(?:·[^)]{1,15})?\)", name)
        alias = inner[2] if inner else alias_from_paren(w)
        if inner:
            name = inner[1]
        nxt = words[i + 1] if i + 1 < len(words) else None
        last = name.rsplit(" ", 1)[-1]
        if (last.endswith(("상", "패")) and len(last) >= 3 and last not in _NOT_AWARDS and re.fullmatch(r"[가-힣 ]+", name)
                and _AWARD_VERBS.search(sent.text)):
            _add(doc, sent, A, name, w, "award:quoted")  # '올해의 정밀기계인상'은 … 돌아갔다
            continue
        kind = _kind_of_phrase(name)
        if kind is None and nxt is not None and not w.particle and nxt.nominal:
            # "'도전! K-스타트업 2024' 왕중왕전": the event word follows the quote
            if _kind_of_phrase(nxt.stem) is E and nxt.stem in LEX.event_heads:
                _add(doc, sent, E, f"{name} {nxt.stem}", w, "event:quoted+head", name)
                continue
            after = words[i + 2] if i + 2 < len(words) else None
            if nxt.bare and nxt.stem in ("캠페인", "운동", "프로젝트", "사업") and after is not None \
                    and after.stem in LEX.event_heads:
                # "'플라스틱 없는 하루' 캠페인 출범식": the campaign, and the event that launches it
                _add(doc, sent, POL, name, w, "policy:quoted+campaign")
                _add(doc, sent, E, f"{name} {nxt.stem} {after.stem}", w, "event:quoted+campaign+head")
                continue
            if nxt.stem.endswith(_NAMING_POLICY_HEADS + ("조항", "계획", "방안", "구상")):
                _add(doc, sent, POL, name, w, "policy:quoted+head", alias)
                continue
        if name.endswith(("학과", "학부", "전공")):
            continue  # '배터리리사이클링학과'를 신설: a new department, not a programme
        if kind is None and w.particle in ("을", "를") and len(name) >= 5 and _ADOPTED.match(
                doc.article.text, w.end, min(w.end + 30, sent.end)) and not org_suffix(name.replace(" ", "")):
            # "'개인사업자 채무조정 패스트트랙'을 오는 3월부터 시행한다": what is put into effect is a programme
            _add(doc, sent, POL, name, w, "policy:quoted+시행", alias)
            continue
        before = doc.article.text[max(sent.start, w.start - 14):w.start]
        if kind is None and len(name) >= 4 and not org_suffix(name.replace(" ", "")) and (
                _RUNS_IT.search(before) or re.search(r"(사업|제도|정책)(은|는) $", before) and w.particle.startswith("이")):
            # "교육부가 시행하는 '지역혁신 대학지원체계'", "가장 큰 사업은 '소상공인 경영안정자금'이다"
            _add(doc, sent, POL, name, w, "policy:quoted+verb-before", alias)
            continue
        if kind is None and org_suffix(name.replace(" ", "")) and len(name) >= 5:
            _add(doc, sent, O, name, w, "org:quoted")
            continue
        if kind is None and len(name) >= 4 and any(
                m.type is E and _edition_of(m.name.replace(" ", ""), name.replace(" ", "")) for m in doc.mentions):
            _add(doc, sent, E, name, w, "event:quoted-short")  # '도전! K-스타트업' for '도전! K-스타트업 2024 왕중왕전'
            continue
        if kind is None and len(name) >= 3 and re.search(r"(에서|서) (열린|열리는|개최된|개최되는) $", before) \
                and not org_suffix(name.replace(" ", "")):
            _add(doc, sent, E, name, w, "event:quoted+열린")  # "미국 시카고에서 열린 'AXW 2026'에서"
            continue
        prev = words[i - 1] if i else None
        if kind is None and len(name) >= 4 and prev is not None and prev.bare and not prev.quoted and \
                (prev.stem in _NAMED_SHOWS or prev.stem.endswith(_NAMED_SHOWS_LONG)) and not org_suffix(name.replace(" ", "")):
            _add(doc, sent, E, name, w, "event:kind+quoted")  # "특별전 '손끝의 기억'을 연다": the show's own name
            continue
        if kind is None and len(name) >= 3 and not org_suffix(name.replace(" ", "")) and (
                w.particle in ("이", "가") and _IS_HELD.match(doc.article.text, w.end, min(w.end + 30, sent.end))
                or w.particle in ("을", "를") and _HOLDS.match(doc.article.text, w.end, min(w.end + 20, sent.end))
                and not name.endswith(_OPENED_PLACES)):
            _add(doc, sent, E, name, w, "event:quoted+held")  # "'AXW 2026'이 5일 개막했다", "'밤빛 산책'을 열고"
            continue
        if kind is None or len(name) < 4 or name.endswith(("다", "요", "까")):
            continue
        if kind is E:
            for c in _CEREMONY:
                if name.endswith(" " + c) or name.endswith(c) and len(name) > len(c) + 3:
                    short = name[: -len(c)].strip()
                    _add(doc, sent, E, short, w, "event:quoted", name)
                    break
            else:
                _add(doc, sent, E, name, w, "event:quoted", alias)
        else:
            _add(doc, sent, POL, name, w, "policy:quoted", alias)


def _edition_of(event: str, short: str) -> bool:
    """'도전!K-스타트업' is short for '도전!K-스타트업2024왕중왕전'; a product is not short for its '…론칭쇼'."""
    if not event.startswith(short) or event == short:
        return False
    rest = event[len(short):]
    return bool(re.match(r"(\d|제\d+회)", rest)) or rest in ("왕중왕전", "본선", "결선", "예선") + _CEREMONY


# the kinds of show whose name follows in quotes ("특별전 'X'", "음악회 'Y'")
_NAMED_SHOWS = ("특별전", "기획전", "개인전", "회고전", "초대전", "순회전", "사진전", "전시회", "전시", "展", "음악회", "공연",
                "콘서트", "페스티벌", "축제", "연극", "뮤지컬", "오페라", "무용극")
_HOLDS = re.compile(r"[^.\"'“”‘’]{0,12}?(열고|열어|연다|열었|개최하고|개최한다|개최했|펼친다|펼치고|펼쳤)")
# what one opens that is a place or a service, not an event ("'AI 지원데스크'를 열어")
_OPENED_PLACES = ("데스크", "센터", "창구", "사무소", "지점", "매장", "카페", "플랫폼", "사이트", "스토어", "라운지", "공간",
                  "사무실", "상담소", "지원단", "본부", "관", "몰", "랩", "계좌", "채널")
_NAMED_SHOWS_LONG = tuple(k for k in _NAMED_SHOWS if len(k) >= 3)  # "근대공예특별전", but 대전시 is no 전시
_IS_HELD = re.compile(r"[^.\"'“”‘’]{0,24}?(열렸|열린다|열리고|열려|개막했|개막한다|막을 올렸|막을 올린다|개최됐|개최된다|개최되며|펼쳐졌|펼쳐진다)")
_ADOPTED = re.compile(r"[^.]{0,20}?(시행|도입|신설|추진|운영하|본격 가동)")
# the programme a body runs, named right after the verb: "추진하는 'A'", "시행 중인 'B'"
_RUNS_IT = re.compile(r"(추진하는|시행하는|운영하는|도입하는|추진 중인|시행 중인|운영 중인|추진한|시행한|도입한|내놓은|"
                      r"마련한|신설한|지원하는)\s*$")


# "세계 3대 식품박람회로 꼽히는 'X'": a ranking describes an event, it names none
_RANKING = re.compile(r"\d+대|최대|최고|최초|최다")
# an amount closes a list's item (the bullets are gone from the words): "△A 사업 300억원 △B 사업"
_MONEY = re.compile(r"\d[\d,.]*\s*(?:조|억|만|천)?[\d,.]*\s*(?:억|만|천)?\s*(?:원|달러|유로|엔)")


def _phrase_names(doc: Doc, sent: Sentence) -> None:
    """Unquoted names: a noun phrase ending in an event or policy word ("제23회 춘사영화제")."""
    words = sent.words
    for i, w in enumerate(words):
        if w.quoted or not w.nominal or not w.stem:
            continue
        kind = _kind_of_phrase(w.stem)
        if kind is None:
            continue
        j = i
        while "…" not in w.stem and j > 0 and "=" not in words[j].text and "=" not in words[j - 1].text and \
                not _after_a_bullet(doc, words[j]) and \
                not _MONEY.fullmatch(words[j - 1].stem) and words[j - 1].bare and words[j - 1].nominal and not words[j - 1].quoted and \
                not is_date_word(words[j - 1].stem) and words[j - 1].stem not in _DETERMINERS and \
                title_of(words[j - 1].stem) is None and not words[j - 1].stem.endswith("등") and not \
                (is_korean_name(words[j - 1].stem) and "NNP" in words[j - 1].tags) and not \
                any(q in words[j].text[:1] for q in "\"“") and not any(q in words[j - 1].text.lstrip("\"“") for q in "\"“”…"):
            j -= 1  # a word opening a quotation begins the phrase; a closing quote mark ends it
        if any(_RANKING.fullmatch(x.stem) for x in words[max(j - 1, 0):i]):
            continue  # "세계 3대 식품박람회로 꼽히는 'X'": a description of the event named next
        phrase = [x.stem for x in words[j:i + 1]]
        phrase[0] = phrase[0].rsplit("…", 1)[-1].lstrip("=")  # "바이어 방한…수출상담회": a headline's clauses end at the ellipsis
        while phrase and phrase[0] in _DETERMINERS:
            phrase.pop(0)
        if not phrase:
            continue
        name = " ".join(phrase)
        if body_of(name.replace(" ", "")) or name.endswith(("학과", "학부", "전공")):
            continue  # 기술보증기금 is a body, 배터리학과 a department, whatever their last word
        if not _specific_phrase(kind, phrase) and not _known_elsewhere(doc, kind, name):
            continue
        head_only = len(phrase) == 1 and (
            name in LEX.event_heads or name in LEX.policy_heads or len(name) < 5
            or (kind is POL and not name.endswith(("법", "기금", "특별법", "제도", "프로젝트", "패키지", "바우처", "상품권",
                                                    "장려금", "수당"))))
        if head_only and not _known_elsewhere(doc, kind, name):
            continue
        if kind is E and (name.endswith(("행사", "회의")) and len(phrase) < 3) or name.startswith(("각 ", "관련 ")):
            continue
        if kind is POL and any(re.search(r"\d", x) and re.search(r"(원|씩|간)$", x) for x in phrase):
            continue  # "월 2만원씩 1년간 장려금": an amount paid, not a programme's name
        if kind is E and len(phrase) == 2 and re.fullmatch(r"(제)?\d+(회|번째|주년)", phrase[0]) and phrase[1] in LEX.event_heads:
            continue  # "50회 축제를 준비하며": the article's festival by its count, not a name
        if w.paren and alias_from_paren(w):
            _add(doc, sent, kind, name, words[j], f"{kind.value.lower()}:phrase", alias_from_paren(w))
        else:
            _add(doc, sent, kind, name, words[j], f"{kind.value.lower()}:phrase")


def _after_a_bullet(doc: Doc, w: Word) -> bool:
    """"△자율주행 셔틀 시범사업 △스마트 교차로 구축사업": a bullet opens a list item, so a name starts there."""
    before = doc.article.text[max(0, w.start - 2):w.start].rstrip()
    return before[-1:] in ("△", "▲", "▽", "▼", "■", "□", "●", "○", "◇", "◆", "▶")


# an unquoted phrase needs a head that names something (not 지원, 개발, 방안 …) and no vague modifier
_NAMING_POLICY_HEADS = ("제도", "사업", "프로젝트", "프로그램", "패키지", "바우처", "상품권", "대책", "전략", "로드맵", "가이드라인",
                        "장려금", "수당",
                        "법", "법률", "특별법", "기본법", "기금", "펀드", "이니셔티브", "추진전략", "추진방안")
_VAGUE = re.compile(r"^(\d+개|\d+대|적극|실제|세부|후속|직접|국제|협력|관련|다양한|전국|지역|대면|최대|가운데|각종|주요|신규|공동|"
                    r"본격|추가|전체|일부|여러|개별|실제|향후|기타|국내|해외|민간|공공|글로벌)$")
_EVENT_START = re.compile(r"^(제\d+회|\d{4}년?|\d+회|\d+차|[A-Z][A-Za-z0-9&-]*)$")


def _specific_phrase(kind: EntityType, phrase: list[str]) -> bool:
    # "지역 축제", "세부 공동사업": a vague word leaves a short phrase unnamed ("지역 혁신 지원사업" is named)
    if len(phrase) <= 2 and any(_VAGUE.match(w) for w in phrase):
        return False
    if kind is POL:
        # "스페셜티 사업", "체험 프로그램": a bare 사업, 프로그램 or 제도 word names a policy only in quotes
        if phrase[-1] in ("사업", "프로그램", "제도", "정책", "전략", "계획"):
            return False
        return phrase[-1].endswith(_NAMING_POLICY_HEADS) and (
            len(phrase) >= 2 or len(phrase[0]) >= 5 and phrase[0] not in _NAMING_POLICY_HEADS)
    if _EVENT_START.match(phrase[0]) or len(phrase) >= 3:
        return True
    return len(phrase) == 1 and len(phrase[0]) >= 5 and phrase[0].endswith(("영화제", "페스타", "페스티벌", "엑스포", "올림픽", "박람회", "컨퍼런스", "콘퍼런스", "포럼", "대전"))


def _known_elsewhere(doc: Doc, kind: EntityType, name: str) -> bool:
    squashed = name.replace(" ", "")
    if len(squashed) < 4:
        return False
    return any(m.type is kind and m.name.replace(" ", "").endswith(squashed) and m.name != name for m in doc.mentions)


def _awards(doc: Doc, sent: Sentence) -> None:
    words = sent.words
    # "한빛과학상은 재단이 2011년 제정한 상이다": a sentence describing the award names it too
    receiving = bool(_AWARD_VERBS.search(sent.text) or re.search(r"(제정한|제정된|주는|주어지는) 상", sent.text))
    for i, w in enumerate(words):
        stem = w.stem.rsplit("…", 1)[-1]  # "시상식…대통령상에": a headline's clauses end at the ellipsis
        if not stem or w.quoted:
            continue
        parts = stem.split("·") if "·" in stem else [stem]
        for part in parts:
            if part in _HONOUR_GRADES and i > 0 and words[i - 1].bare and words[i - 1].stem in _HONOUR_CLASSES:
                continue  # the grade of "국민훈장 동백장", named with its class
            if part in _HONOUR_CLASSES and w.bare and i + 1 < len(words) and words[i + 1].stem in _HONOUR_GRADES:
                _add(doc, sent, A, f"{part} {words[i + 1].stem}", w, "award:honours")  # 국민훈장 동백장
                continue
            if _GLUED_COMMENDATION.fullmatch(part) and i > 0 and words[i - 1].bare and body_of(words[i - 1].stem):
                _add(doc, sent, A, f"{words[i - 1].stem} {part}", words[i - 1], "award:commendation")  # 환경부 장관표창
                continue
            if part in LEX.honours or part.endswith(_LONG_HONOURS):
                _add(doc, sent, A, part, w, "award:honours")
                continue
            # "대통령 표창", "국무총리 표창", "부산경찰청장 감사장": who gives it, then the commendation
            giver = words[i - 1].stem if i > 0 and words[i - 1].bare else ""
            if part in _COMMENDATIONS and giver and (
                    giver in ("대통령", "국무총리", "장관", "부총리") or body_of(giver)
                    or (title_of(giver) or "").endswith(("청장", "시장", "장관", "총장", "지사", "군수", "구청장", "위원장", "회장"))):
                start = i - 1
                # "산업통상자원부 장관 표창": the body whose head gives it
                if giver in ("장관", "청장", "차관", "위원장", "시장", "지사", "군수", "구청장", "총장", "회장") and i > 1 \
                        and words[i - 2].bare and body_of(words[i - 2].stem):
                    start = i - 2
                _add(doc, sent, A, " ".join(x.stem for x in words[start:i]) + f" {part}", words[start],
                     "award:commendation")
                continue
            if (receiving or "전달" in sent.text or "증정" in sent.text) and part in ("공로패", "감사패", "공로상", "감사장", "표창장") and w.particle in ("을", "를", "은", "는", "이", "가"):
                _add(doc, sent, A, part, w, "award:plaque")  # "공로패를 전달했다": a plaque given by the host
                continue
            if (receiving and i > 0 and words[i - 1].text in ("올해의", "이달의") and re.fullmatch(r"[가-힣]{2,5}", part)
                    and not part.endswith("상") and w.particle in ("은", "는", "을", "를", "") and not is_korean_name(part)):
                _add(doc, sent, A, f"{words[i - 1].text} {part}", words[i - 1], "award:of-the-year")  # 올해의 노래
                continue
            if not receiving or len(part) < 3 or part in _NOT_AWARDS:
                continue
            # 페어플레이상 but not 10년이상; 한빛e스포츠협회장상 (a body's head gives it) with its Latin letters
            if part.endswith("상") and re.fullmatch(r"[가-힣]+|[가-힣A-Za-z0-9]+장상|[A-Z]{2,4}상", part) \
                    and (not part.endswith(("대상자", "수상", "시상")) or part.endswith("선수상")) \
                    and not re.search(r"(\d|명|개|년|세|곳|건|원|점|회|배|만|천)이상$", part):
                prefix = ""
                if i > 0 and words[i - 1].text.split("·")[-1] in ("올해의", "이달의", "이주의", "오늘의", "베스트"):
                    prefix = words[i - 1].text.split("·")[-1] + " "
                before = words[i - 1] if i > 0 else None
                if before is not None and before.bare and part in ("특별상", "본상", "대상") and not before.quoted and (
                        company_like(before.stem) or org_suffix(before.stem) or doc.knows(O, before.stem)):
                    prefix = before.stem + " "  # "한빛벤처스 특별상": a generic prize named by its giver
                # "최고상인 작품상은": the prize described as the top one is an award even with a generic name
                described = before is not None and before.text in ("최고상인", "대상인", "본상인")
                if (part == "대상" or part in _GENERIC_AWARDS or part.startswith("남녀")) and not prefix and not described:
                    continue
                _add(doc, sent, A, prefix + part, before if prefix else w, "award:sang", alias_from_paren(w))
            elif part in ("최우수선수", "MVP"):
                _add(doc, sent, A, part, w, "award:sang", alias_from_paren(w))


_LONG_HONOURS = tuple(h for h in LEX.honours if len(h) >= 4)
# a class of order and its grades: 국민훈장 무궁화장 … 석류장, 근정훈장 청조근정훈장 …
_HONOUR_CLASSES = frozenset(h for h in LEX.honours if h.endswith("훈장") and len(h) == 4) | {"새마을훈장", "과학기술훈장"}
_HONOUR_GRADES = frozenset(h for h in LEX.honours if h.endswith("장") and not h.endswith(("훈장", "포장")))
_COMMENDATIONS = ("표창", "상", "감사장", "공로패", "표창장", "감사패")
# a commendation written together with its giver's title ("환경부 장관표창")
_GLUED_COMMENDATION = re.compile(r"(장관|차관|청장|처장|위원장|원장|이사장|회장|총장|시장|도지사|군수|구청장|교육감|관장)(표창|감사장|상)")
_GENERIC_AWARDS = frozenset("연기상 특별상 본상 상금 시상 작품상 수상 주연상 조연상 정부포상 최고상".split())
_AMOUNT = r"[\d,.]+\s*(?:조|억|만)?[\d,.]*\s*(?:억|만)?\s*원"
# △AI 바우처(100억원) and △스마트공장 지원사업 2130억원
_BUDGET_ITEM = re.compile(r"△\s*([^△()]{3,40}?)\s*(?:\(" + _AMOUNT + r"\)|" + _AMOUNT + r"(?=\s*(?:△|,|$|등)))")


def _budget_items(doc: Doc, sent: Sentence) -> None:
    """△AI 바우처(100억원): items of a budget list are programmes."""
    for m in _BUDGET_ITEM.finditer(sent.text):
        name = m[1].strip()
        doc.add(Mention(POL, name, sent.start + m.start(1), sent.start + m.start(1) + len(name), sent.index,
                        "policy:budget-item"))


# hotel chains whose names run over several words ("그랜드 하얏트 두바이 호텔", "그랜드 인터컨티넨탈 서울 파르나스")
_HOTEL_BRANDS = frozenset("""호텔 그랜드 인터컨티넨탈 하얏트 파크하얏트 메리어트 힐튼 쉐라톤 웨스틴 노보텔 이비스 포시즌스 콘래드
페어몬트 리츠칼튼 파르나스 신라호텔 롯데호텔 조선팰리스 소피텔 머큐어 르메르디앙 앰배서더 스위소텔 켐핀스키 샹그릴라
라마다 베스트웨스턴 하워드존슨 르네상스 그랜드하얏트 인터컨티넨탈호텔""".split())


def _hotels(doc: Doc, sent: Sentence) -> None:
    """그랜드 하얏트 두바이 호텔에서, 물리아 호텔에서: a hotel named in several words, where something is held."""
    words = sent.words
    for i, w in enumerate(words):
        if not w.particle.startswith(("에서", "서", "에")) or w.quoted:
            continue
        run = [w]
        j = i
        while j > 0 and len(run) < 5:
            prev = words[j - 1]
            stem = prev.stem
            if not (prev.bare and prev.nominal) or prev.quoted or is_date_word(stem):
                break
            if stem in _HOTEL_BRANDS or re.fullmatch(r"[A-Za-z][A-Za-z&.]*", stem) or \
                    ("NNP" in prev.tags and not is_place(stem) and not is_korean_name(stem) and not body_of(stem)
                     and title_of(stem) is None):
                run.insert(0, prev)
            elif is_place(stem) and j > 1 and words[j - 2].bare and words[j - 2].stem in _HOTEL_BRANDS:
                run.insert(0, prev)  # "… 인터컨티넨탈 서울 파르나스": the city inside the hotel's name
            else:
                break
            j -= 1
        stems = [x.stem for x in run]
        # (호텔 오노마: a proper name after the word; not 호텔 객실)
        named_after = len(run) == 2 and stems[0] == "호텔" and ("NNP" in run[1].tags or re.fullmatch(r"[A-Za-z].*", stems[1])) \
            and stems[1] not in _ROOMS and not stems[1].endswith(("실", "방", "룸"))
        if len(run) >= 2 and (stems[-1] in _HOTEL_BRANDS or stems[-1].endswith("호텔") or named_after) or \
                len(run) >= 3 and any(x in _HOTEL_BRANDS for x in stems):
            name = " ".join(stems)
            doc.add(Mention(V, name, run[0].start, run[0].start + len(name), sent.index, "venue:hotel"))


def _legal_form_first(doc: Doc, sent: Sentence) -> None:
    """PT 누산타라 니켈 인더스트리와: a company whose legal form is written first (Indonesia's PT) runs to its particle."""
    words = sent.words
    for i, w in enumerate(words[:-1]):
        if w.text != "PT":
            continue
        parts, closed = [], False
        for x in words[i + 1:i + 6]:
            # every word up to the particle is the name's, whatever Kiwi made of it (마주 as an adverb)
            part, bare = (x.stem, x.bare) if x.nominal else (x.text, True)
            if x.quoted or not re.fullmatch(r"[가-힣A-Za-z0-9]+", part):
                break
            parts.append(part)
            if not bare:
                closed = True
                break
        if parts and closed:
            name = "PT " + " ".join(parts)
            short = name[3:] if len(name) >= 7 else None  # the article may drop the form later
            doc.add(Mention(O, name, w.start, w.start + len(name), sent.index, "org:legal-form-first", short))


def _listed_with_organisations(doc: Doc, sent: Sentence) -> None:
    """한국선급과 대양해운, 한빛조선이: names listed with known organisations are organisations too."""
    words = sent.words
    known = {m.start for m in doc.in_sentence(sent.index, O)}
    run: list[Word] = []
    for w in list(words) + [None]:
        listed = w is not None and (w.comma or w.particle in ("와", "과", "및")) and not w.quoted
        # the list's last item carries its own particle: "…, 녹색해운항로 MOU" modifies the word after it
        if w is not None and (listed or run and not w.bare) and w.nominal and w.stem:
            run.append(w)
            if listed:
                continue
        if len(run) >= 2 and any(x.start in known for x in run):
            for x in run:
                stem = x.stem.lstrip("㈜")
                if x.start in known or is_korean_name(stem) or is_place(stem) or title_of(stem) or is_date_word(stem) \
                        or any(m.start <= x.start < m.end for m in doc.in_sentence(sent.index, EntityType.PERSON)):
                    continue
                if company_like(stem) or "NNP" in x.tags and len(stem) >= 3 and " " not in stem:
                    _add(doc, sent, O, stem, x, "org:listed")
        run = []


# what a company, group or label is ("AI 스타트업 누리케어", "보이그룹 에버레인", "수제맥주 업체 달성브루잉")
_KIND_OF_BODY = ("기업", "업체", "회사", "스타트업", "제조사", "자회사", "계열사", "법인", "보이그룹", "걸그룹", "혼성그룹",
                 "아이돌그룹", "밴드", "기획사", "소속사", "제작사", "배급사", "투자사", "운용사", "협력사", "운수회사")


# "블루솔게임즈, 픽셀바다, 스튜디오 한빛 등 국내 중소 게임사 12곳": names listed before the kind and count of bodies
_LISTED_BEFORE_KIND = re.compile(r"((?:[가-힣A-Za-z0-9]+(?: [가-힣A-Za-z0-9]+)?, ){1,9}[가-힣A-Za-z0-9]+(?: [가-힣A-Za-z0-9]+)?)"
                                 r" 등 (?:\S+ ){0,3}?\S*(?:" + "|".join(_KIND_OF_BODY + ("게임사", "개발사")) + r")\s?"
                                 r"\d+\s?(?:곳|개사|개 기업|개 업체)")
_LIST_OPENERS = frozenset("올해 특히 이날 한편 또 또한 이번 최근 현재 당시 지난해 내년 이어 아울러 주로 모두".split())
_PARTICLE_END = re.compile(r"(은|는|이|가|을|를|에|에는|에서|에서는|도|의|와|과|로|으로)$")


def _listed_before_their_kind(doc: Doc, sent: Sentence) -> None:
    for m in _LISTED_BEFORE_KIND.finditer(sent.text):
        at = sent.start + m.start(1)
        for item in m[1].split(", "):
            words = item.split()
            if len(words) == 2 and (_PARTICLE_END.search(words[0]) or is_date_word(words[0])
                                    or words[0] in _LIST_OPENERS):  # "공동관에는 A", "올해 A": the list starts later
                at += len(words[0]) + 1
                item, words = words[1], words[1:]
            if not (is_korean_name(item) or is_place(item) or title_of(item) or body_of(item)
                    or item in GENERIC_ORG or is_date_word(item) or _PARTICLE_END.search(item) and len(words) == 1
                    and len(item) <= 3):
                _add(doc, sent, O, item, _word_at(sent, at), "org:listed-before-kind")
            at += len(item) + 2


def _word_at(sent: Sentence, offset: int) -> Word:
    return next((w for w in sent.words if w.start <= offset < w.end), sent.words[0])


def _named_after_its_kind(doc: Doc, sent: Sentence) -> None:
    """A proper noun right after the word for its kind of body names that body."""
    words = sent.words
    for i, w in enumerate(words[:-1]):
        nxt = words[i + 1]
        stem = nxt.stem.lstrip("㈜").removeprefix("(주)")
        if not (w.bare and w.stem.endswith(_KIND_OF_BODY) and not w.quoted and "NNP" in nxt.tags and not nxt.quoted):
            continue
        # a bare 기업 or 업체 says what kind only after a descriptor ("부품기업", "수제맥주 업체"), not in "기업 밸류업"
        if w.stem in ("기업", "업체", "회사", "법인") and not (i > 0 and words[i - 1].bare and words[i - 1].nominal):
            continue
        if (not re.fullmatch(r"[가-힣A-Za-z0-9&·\-]{2,12}", stem) or is_place(stem) or title_of(stem)
                or is_korean_name(stem) or is_date_word(stem) or stem in GENERIC_ORG or body_of(stem)
                or not (nxt.particle or nxt.comma or nxt.paren or i + 2 == len(words) or words[i + 2].stem in ("등", "측")
                        or title_of(words[i + 2].stem) == words[i + 2].stem)):  # 계열사 한빛리테일 대표에는
            continue
        if not any(m.start <= nxt.start < m.end for m in doc.in_sentence(sent.index)):
            _add(doc, sent, O, stem, nxt, "org:kind-then-name", alias_from_paren(nxt))


def _dateline_place(doc: Doc) -> None:
    """[세종=뉴스핌], 대전=김영준 기자: the dateline's place."""
    for sent in doc.sentences[:12]:
        for m in re.finditer(r"(?:^|\[)\s*([가-힣]{2,4})\s*=", sent.text):
            if is_place(m[1]):
                doc.add(Mention(L, m[1], sent.start + m.start(1), sent.start + m.end(1), sent.index, "place:dateline"))
