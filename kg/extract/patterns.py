"""Small word-level tests shared by the recognisers: is this a Korean name, a title, an organisation?

Everything here is general knowledge about Korean news writing, backed by the
lexicons in kg/lexicon; nothing names a particular person, company or event.
"""
from __future__ import annotations

import re

from ..lexicon import load

LEX = load()

HANGUL = re.compile(r"^[가-힣]+$")
# words that look like a surname + given name but are ordinary Korean words
NOT_NAMES = frozenset("""
이번 이날 이후 이어 이미 이제 이전 이상 이하 이는 이를 이와 이들 이곳 이외 이름 이해 이용 이전 이유 이후 이사장 이사회
정부 정책 정도 정상 정보 정리 정식 정말 정규 정기 정책관 정치 정당 정원 정지 정해진 정확 정주 정우
김치 박사 박람회 박물관 최근 최고 최대 최종 최초 최소 최저 최우수 최선 최적 최신 최장
한편 한국 한해 한달 한번 한층 한자리 한데 한계 한정 한눈 한강 한때 한창
장관 장소 장기 장애 장점 장비 장사 장르 장면 조성 조치 조사 조건 조직 조정 조합 조기 조금
강화 강조 강점 강연 강의 윤리 임명 임기 임원 임시 오늘 오전 오후 오는 오히려 오랜 오픈 서비스 서울 서로 서명 서류
신규 신임 신청 신설 신속 신기술 신산업 신뢰 신년 신고 신제품 권한 권역 황금 안전 안정 안내 안팎 안착 송출
유지 유치 유망 유관 유일 유사 유공 유공자 유공단체 전국 전략 전환 전문 전체 전기 전망 전년 전반 전시 전략적 전날 전달 전임 전용
홍보 고객 고용 고도화 고성능 고려 고민 고소득 고령 문화 문제 문의 양측 양국 양해 손실 배터리 배출 백신 허가 남성 남부 남북 심사 심의 노동 노력 노조 하반기 하루 하지만 곽 성과 성장 성공 성격 성능
차관 차세대 차원 차량 주요 주제 주최 주관 주목 주간 주년 우수 우리 우선 우려 구축 구조 구체 민간 민관 진행 진출 진흥 지원 지역 지난 지금 지정 지난해 지방 지속 지수 지시 지원금 지자체 지표
채용 원장 원칙 원료 원안 방안 방침 방문 방식 방향 공동 공공 공개 공단 공모 공식 공장 공급 현장 현재 현지 현안 함께 변화 염원 여성 여러 추진 추가 추천 도입 도전 도약 도시 소개 소재 소통 소비 석학 선정 선수 선도 선배 설명 설립 마련 마무리 길이 연구 연구원 연계 연간 연속 위원 위원장 위해 위한 표창 명예 기업 기술 기존 기대 기관 기반 기준 기념 기간 기조 기록 반도체 반영 반면 라인 왕중왕 금융 금액 육성 인사 인력 인공 인재 인증 맹활약 제도 제품 제조 제공 제출 제시 모두 모범 모습 국내 국가 국민 국정 국제 국회 어린이 은행 편의 용도 예산 예정 경영 경제 경쟁 경험 경우 봉사 사업 사장 사진 사용 부문 부회장 부사장 부처 부산 가운데 가치 가능 복지 태양 목표 형태 두께 감사 호응 제외
""".split())


def is_korean_name(word: str, *, allow_two: bool = False) -> bool:
    """A Korean personal name: a surname then one or two syllables (3–4 letters in all)."""
    if not HANGUL.match(word) or word in NOT_NAMES or body_of(word):
        return False  # 기재부, 국토부: a ministry's short name, though 기 and 국 are surnames
    # 김제시, 순창군, 충청북도: a place's name with its 시, 군, 구 or 도; 경북대, 부산대: a university
    if word[-1] in "시군구도대" and (word[:-1] in LEX.places or word in LEX.places):
        return False
    # 연구회, 정책관, 최우수상: a surname syllable, then an organisation, role or award word
    if len(word) >= 3 and (word.endswith(("회", "관", "상", "부", "청", "처", "원", "소", "단", "국", "실", "과", "제", "법"))
                           and (org_suffix(word) or title_of(word) or word[1:] in _COMMON_TAILS)):
        return False
    if word[-1] in "팀측" and len(word) >= 3:
        return False  # 연구팀, 주최측: a team or a side, never a given name
    n = len(word)
    if n == 2:
        return allow_two and word[0] in LEX.surnames
    if n == 3:
        return word[0] in LEX.surnames or word[:2] in LEX.surnames
    if n == 4:
        return word[:2] in LEX.surnames
    return False


_COMMON_TAILS = frozenset("구회 원회 상회 의회 보관 사관 대상 부상 표상 사원 동원".split())


# role words that are also the tail of ordinary words (선교사, 연대책임, 순간사): a title only written on their own
# or after a unit (품질관리팀 책임 is a word apart; 수석교사 keeps its own entry)
_ONLY_ALONE = frozenset("교사 책임 선임 간사".split())


def title_of(stem: str) -> str | None:
    """The role word a stem is or ends with ("메인비즈협회장" → "회장"), longest first."""
    if stem in LEX.titles:
        return stem
    for k in range(min(len(stem) - 1, 8), 1, -1):
        if stem[-k:] in LEX.titles and stem[-k:] not in _ONLY_ALONE:
            return stem[-k:]
    return None


SCHOOLS = ("초등학교", "중학교", "고등학교", "국제학교", "대안학교", "특수학교")
# a player's place in a team, and a member's in a music act: posts of their own kind ("내야수 NAME", "멤버 NAME")
PLAYING_POSTS = frozenset("투수 포수 타자 내야수 외야수 세터 리베로 공격수 수비수 미드필더 골키퍼 주장".split())
ACT_ROLES = frozenset("리더 멤버 보컬 메인보컬 래퍼 드러머 기타리스트".split())
STRONG_ORG = ("위원회", "협의회", "연합회", "진흥회", "공제회", "협회", "학회", "연구회", "재단", "공단", "공사", "연구원", "연구소",
              "진흥원", "관리원", "평가원", "개발원", "한림원", "기술원", "과학원", "시험원", "정보원", "사무국", "대학교", "대학원", "대학", "병원", "의료원",
              "은행", "그룹", "협동조합", "조합", "중앙회", "상공회의소", "지원센터", "신문", "일보", "방송", "기구",
              "연맹", "홀딩스", "상의", "증권", "경찰서", "경찰청", "소방서", "소방본부", "지구대", "파출소", "세무서",
              "우체국", "지방법원", "지방검찰청", "지검", "사령부", "대사관", "총영사관", "영사관", "대표부", "의회",
              # associations named for their members or cause (솔내마을새마을회, 누리시체육회)
              "새마을회", "체육회", "노인회", "부녀회", "청년회", "상인회", "번영회", "동창회", "향우회", "전우회",
              "봉사회", "후원회", "기념사업회", "유족회", "보존회", "운동본부", "운동연합",
              *SCHOOLS, "교육청", "교육지원청",
              "영농조합법인", "농업회사법인", "어업회사법인", "조합법인")
# a museum, library … is also a body with a director (관장); its name is a venue's, so no organisation suffix says so
HOUSES_WITH_A_DIRECTOR = ("박물관", "미술관", "도서관", "과학관", "기념관", "문학관", "전시관", "복지관", "문화원", "체육관")
# words that end like an organisation but are generic on their own
GENERIC_ORG = frozenset("""협회 위원회 재단 공단 공사 연구원 연구소 대학 대학교 병원 은행 그룹 조합 학회 연합회 협의회
업종별 정부부처 관계부처 부처 기관 단체 업계 기업 회사 학계 노동계 정부 당국 금융당국 주최측 공사비 대학원생 임원추천
연구원들 유공단체 의과대학 일반고등학교 인근초등학교 중·고등학교 초·중학교 초·중·고등학교 초중고등학교 중고등학교 정부포상 심사위원회 운영위원회 조직위원회 추진위원회 위원회 걸그룹 보이그룹 혼성그룹 아이돌그룹 협동조합 경제단체 시민단체 관계기관 유관기관 공공기관 출연연 학과 동아리 구단 팀""".split())


def _ending(words) -> re.Pattern:
    """One pattern for "ends with any of these"; the leftmost match is the longest ending."""
    return re.compile("(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")$")


_STRONG_ORG_END = _ending(STRONG_ORG)
_ANY_ORG_END = _ending(LEX.org_suffixes)


def org_suffix(stem: str, *, strong_only: bool = True) -> str | None:
    """The organisation word a stem ends with ("한빛협회" → "협회"); never for the word alone."""
    m = (_STRONG_ORG_END if strong_only else _ANY_ORG_END).search(stem)
    if m and m.start() > 0 and stem not in GENERIC_ORG:
        return m.group()
    return None


def body_of(name: str):
    """The lexicon's government body or national institution for a name form, or None."""
    return LEX.bodies.get(name) or LEX.bodies.get(name.replace(" ", ""))


def is_place(stem: str) -> bool:
    # 하동읍, 탕정면: a town or township of a known place, or one named in full
    return stem in LEX.places or len(stem) >= 3 and stem[-1] in "읍면" and stem[:-1] in LEX.places


def is_local_government(name: str) -> bool:
    """음성군, 강릉시, 충청북도: a city, county, district or province written with its 시, 군, 구 or 도."""
    return name[-1:] in "시군구도" and (name in LEX.places or name[:-1] in LEX.places)


# endings of company names: taken as an organisation only with a proper-noun tag, or beside known organisations
COMPANY_ENDINGS = ("해운", "조선", "케미칼", "케미컬", "전자", "화학", "제약", "바이오", "건설", "중공업", "자동차", "에너지",
                   "소재", "테크", "텍", "시스템", "시스템즈", "소프트", "네트웍스", "물산", "상사", "푸드", "픽처스", "필름",
                   "엔터테인먼트", "농장", "방재", "풍력", "정밀", "전기", "통신", "미디어", "랩스", "로보틱스", "모빌리티",
                   "헬스케어", "파마", "메디칼", "인더스트리", "홀딩스", "캐피탈", "인베스트먼트", "파트너스", "벤처스", "생명",
                   "화재", "손해보험", "반도체", "디스플레이", "배터리", "머티리얼즈", "솔루션", "네트워크", "커뮤니케이션즈",
                   "항공", "철강", "제철", "산업", "기술", "식품", "제과", "유업", "약품", "의료", "코리아", "글로벌",
                   "양조", "주조", "유통", "물류", "수산", "축산", "농원", "섬유", "니트", "패션", "제지", "상회",
                   "엔지니어링", "트레이딩", "웍스", "컴퍼니", "코퍼레이션")
_COMPANY_END = re.compile("(?:" + "|".join(sorted(COMPANY_ENDINGS, key=len, reverse=True)) + ")$")


def company_like(stem: str) -> bool:
    """한성케미칼, 대양해운, JS글로벌: a brand then a business word (not the business word alone)."""
    m = _COMPANY_END.search(stem)
    brand = stem[:m.start()] if m else ""
    return bool(m and stem not in GENERIC_ORG and (
        len(brand) >= 2 and HANGUL.match(brand)
        or re.fullmatch(r"[A-Z][A-Z0-9&]{1,5}", brand) and brand not in _TECH_ACRONYMS))


# Latin words that name a technology or a field, not a brand ("AI반도체", "ICT기술")
_TECH_ACRONYMS = frozenset("AI IT ICT SW HW IOT IoT ESG EV ESS UAM VR AR XR CT DX GX AX BIO NFT OTT SaaS LED OLED LCD "
                           "PC TV 5G 6G K R&D".split())


DATE_WORD = re.compile(r"^(\d{1,4}(년|월|일|시|분|시께|일께|일부터|일까지)|\d+일과|\d+~\d+일|오전|오후|이날|지난|오는|올해|내년|작년|"
                       r"지난해|당일|현지시간|\d+시\d+분|다음달|지난달|이달|내달|이번달|다음해|전날|다음날|이튿날)$")


def named_committee(words, i: int, stem: str) -> str | None:
    """"해솔문화상 심사위원회": a bare committee word takes the name before it (not a date or a place)."""
    before = words[i - 1] if i > 0 else None
    if stem in GENERIC_ORG and stem.endswith("위원회") and before is not None and before.bare and before.nominal \
            and not before.quoted and not is_date_word(before.stem) and not is_place(before.stem):
        return f"{before.stem} {stem}"
    return None


def is_date_word(stem: str) -> bool:
    return bool(DATE_WORD.match(stem))
