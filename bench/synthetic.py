"""Synthetic Korean news articles for benchmarks: deterministic, varied, any number.

    python bench/synthetic.py 10000 --out /tmp/articles [--seed 7] [--per-file 1000]

writes JSON Lines files (``{"text", "url", "title", "published"}`` per line,
``--per-file`` articles each) that ``kg build`` and ``kg ingest`` read.

The articles are made of what Korean news about industry and government is
made of: ministries and agencies (kg's lexicon of general knowledge), companies
built from name prefixes and suffixes, universities, associations, people
(surname + two given-name syllables) with posts, events at well-known venues in
real cities, state honours, policies, quotes and a byline. People and
companies are drawn from a population that grows with the number of articles,
with a few much more frequent than the rest (as in real news), so names recur
across articles and namesakes occur; the same seed gives the same articles.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.lexicon import load as load_lexicon

SURNAMES = "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 전 홍 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 우 구 민 진 나".split()
GIVEN = ("민 서 준 지 현 우 수 영 은 진 호 연 성 예 하 윤 도 재 유 원 승 혜 정 태 경 다 주 희 동 시 "
         "상 혁 나 소 미 채 건 한 석 규 훈 철 명 선 아 빈 율 온 겸").split()
COMPANY_HEADS = ("한빛 누리 미래 다온 세움 가온 바른 새봄 한결 늘품 해솔 초록 이음 나래 든솔 마루 "
                 "푸른 하늘 별빛 청솔 온누리 대성 동진 금강 태양 신성 우리 대한 한마음 새한").split()
COMPANY_TAILS = ("소프트 전자 바이오 정밀 테크 에너지 로보틱스 화학 모빌리티 반도체 디스플레이 "
                 "헬스케어 푸드 건설 물산 시스템즈 네트웍스 랩스 소재 기계").split()
ASSOCIATION_TOPICS = "벤처기업 중소기업 소프트웨어 반도체산업 바이오산업 여성경제인 이노비즈 메인비즈 수출기업 스마트공장".split()
UNIVERSITY_HEADS = "한빛 누리 미래 세명 동해 서해 중앙 한성 대원 청운 태백 가람".split()
TOPICS = ("중소기업 기술혁신 창업 스마트공장 탄소중립 수출 디지털 전환 인공지능 반도체 바이오 "
          "소상공인 지역균형 청년 일자리 우주항공 수소경제").split()
EVENT_HEADS = "박람회 혁신대전 포럼 콘퍼런스 엑스포 대전 시상식 페스티벌".split()
POLICY_HEADS = "지원사업 육성사업 보급사업 바우처 지원 프로그램".split()
TITLES_GOV = "장관 차관 청장 실장 국장".split()
TITLES_CORP = "대표 회장 사장 부사장 전무 상무 연구소장".split()
TITLES_UNI = "교수 총장 연구원".split()
TITLES_ASSOC = "회장 부회장 사무총장".split()
OUTLETS = "아시아투데이 한빛일보 누리경제 미래신문 디지털타임즈 산업뉴스 경제투데이".split()
QUOTES = (
    "현장의 목소리를 정책에 적극 반영하겠다",
    "기업이 체감할 수 있는 지원을 늘리겠다",
    "기술 경쟁력이 곧 국가 경쟁력이다",
    "이번 성과는 직원들과 함께 만든 것이다",
    "세계 시장에서 통하는 제품으로 보답하겠다",
    "규제를 과감히 풀어 혁신을 뒷받침하겠다",
    "청년들이 도전할 수 있는 환경을 만들겠다",
    "지역과 함께 성장하는 기업이 되겠다",
)
FILLERS = (
    "올해 행사에는 {n}개 기업과 기관이 참여해 신제품과 기술을 선보였다.",
    "행사장에는 관람객 {n}천여 명이 몰려 높은 관심을 보였다.",
    "참가 기업들은 투자 유치와 판로 개척을 위한 상담회도 가졌다.",
    "업계에서는 이번 조치가 기업들의 부담을 덜어줄 것으로 기대하고 있다.",
    "전문가들은 제도의 실효성을 높이기 위한 후속 대책이 필요하다고 지적했다.",
    "정부는 내년 예산에 관련 사업비 {n}억원을 반영할 계획이다.",
    "부대행사로 기술 세미나와 채용 설명회가 함께 열렸다.",
    "지난해에는 {n}개 기업이 지원을 받아 매출이 평균 {m}% 늘었다.",
    "이 사업은 기술력은 있지만 자금과 인력이 부족한 기업을 돕기 위해 마련됐으며, 선정 기업에는 최대 {n}억원이 지원된다.",
    "최근 경기 둔화와 고금리가 겹치면서 현장의 어려움이 커지고 있다는 목소리가 잇따랐다.",
    "참석자들은 규제 개선과 인력 양성, 해외 진출 지원 등 다양한 의견을 나눴다.",
    "주최 측은 내년부터 행사 규모를 키우고 온라인 전시관도 함께 운영할 예정이라고 설명했다.",
    "통계에 따르면 관련 분야 기업 수는 최근 {m}년 사이 두 배 가까이 늘었고 고용도 꾸준히 증가했다.",
    "한편 이날 오후에는 분야별 우수 사례 발표와 전문가 토론이 이어졌다.",
    "업계 관계자는 현장에서 바로 쓸 수 있는 실질적인 지원이 무엇보다 중요하다고 말했다.",
    "정부는 상반기 중 세부 지침을 마련해 신청 절차를 간소화하고 지원 대상을 넓힐 방침이다.",
)


def has_final(word: str) -> bool:
    """Whether the last syllable has a final consonant (받침): picks 은/는, 이/가, 을/를."""
    ch = word[-1]
    return "가" <= ch <= "힣" and (ord(ch) - 0xAC00) % 28 != 0


def josa(word: str, with_final: str, without: str) -> str:
    return word + (with_final if has_final(word) else without)


@dataclass(frozen=True)
class Person:
    name: str
    org: str
    title: str


class World:
    """The population articles draw from, fixed by the seed and the number of articles."""

    def __init__(self, articles: int, rng: random.Random):
        lex = load_lexicon()
        self.rng = rng
        self.events: dict[str, tuple[str, str, dt.date]] = {}
        self.ministries = sorted({b.name for b in lex.bodies.values() if b.government and b.name.endswith(("부", "청", "처"))})
        self.honours = sorted(h for h in lex.honours if h.endswith(("훈장", "포장", "표창")))
        self.venues = sorted({name for name, _ in lex.venues.values()})
        self.cities = sorted(k for k, kind in lex.places.items() if kind == "city")
        companies = sorted({h + t for h in COMPANY_HEADS for t in COMPANY_TAILS})
        rng.shuffle(companies)
        self.companies = companies[: max(60, min(len(companies), 40 + articles // 20))]
        self.universities = [u + "대학교" for u in UNIVERSITY_HEADS]
        self.associations = [f"한국{t}협회" for t in ASSOCIATION_TOPICS]
        size = 150 + articles // 4
        self.people = [self._person() for _ in range(size)]

    def _person(self) -> Person:
        rng = self.rng
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        kind = rng.random()
        if kind < 0.2:
            return Person(name, rng.choice(self.ministries), rng.choice(TITLES_GOV))
        if kind < 0.75:
            return Person(name, rng.choice(self.companies), rng.choice(TITLES_CORP))
        if kind < 0.9:
            return Person(name, rng.choice(self.universities), rng.choice(TITLES_UNI))
        return Person(name, rng.choice(self.associations), rng.choice(TITLES_ASSOC))

    def someone(self) -> Person:
        """A person, the frequent ones more often (a Pareto draw over the population)."""
        rng = self.rng
        if rng.random() < 0.5:
            index = min(len(self.people), int(rng.paretovariate(1.0))) - 1
        else:
            index = rng.randrange(len(self.people))
        return self.people[index]


def article(world: World, index: int) -> dict[str, str]:
    """One article as a JSON Lines record."""
    rng = world.rng
    year, topic = rng.randrange(2020, 2026), rng.choice(TOPICS)
    event = f"{year} {topic} {rng.choice(EVENT_HEADS)}"
    # an event happens once, in one place: every article about it gives the same venue, city and day
    if event not in world.events:
        world.events[event] = (rng.choice(world.venues), rng.choice(world.cities),
                               dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(360)))
    venue, city, held = world.events[event]
    published = held + dt.timedelta(days=rng.randrange(3))  # reported that day or soon after
    ministry = rng.choice(world.ministries)
    policy = f"{rng.choice(TOPICS)} {rng.choice(POLICY_HEADS)}"
    official = Person(rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN), ministry, rng.choice(TITLES_GOV)) \
        if rng.random() < 0.3 else world.someone()
    winner, speaker = world.someone(), world.someone()
    partner_a, partner_b = rng.sample(world.companies, 2)
    honour = rng.choice(world.honours)
    day = held.day
    sentences = [
        f"{josa(ministry, '은', '는')} {day}일 {city} {venue}에서 '{event}'{'을' if has_final(event) else '를'} 개최했다고 밝혔다.",
        f"{official.name} {official.org} {josa(official.title, '은', '는')} 이날 개막식에 참석해 축사를 했다.",
        f"이번 행사에서 {winner.name} {winner.org} {josa(winner.title, '이', '가')} {josa(honour, '을', '를')} 받았다.",
        f"{speaker.name} {speaker.org} {josa(speaker.title, '은', '는')} \"{rng.choice(QUOTES)}\"라고 말했다.",
        f"{josa(partner_a, '은', '는')} {partner_b}와 업무협약을 맺고 {josa(policy, '을', '를')} 함께 추진한다고 밝혔다.",
    ]
    for _ in range(rng.randrange(22, 36)):  # real articles run to about 2,000 characters
        sentences.insert(rng.randrange(2, len(sentences) + 1),
                         rng.choice(FILLERS).format(n=rng.randrange(2, 300), m=rng.randrange(3, 40)))
    reporter, outlet = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN), rng.choice(OUTLETS)
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    text = "\n".join(paragraphs) + f"\n{reporter} 기자"
    return {
        "text": text,
        "url": f"https://news.example/{outlet}/{published.isoformat()}/{index:06d}",
        "title": f"{ministry}, {event} 개최…{winner.name} {winner.title} {honour}",
        "published": published.isoformat(),
    }


def generate(count: int, seed: int = 7) -> Iterator[dict[str, str]]:
    """``count`` articles; the same seed and count give the same articles."""
    rng = random.Random(seed)
    world = World(count, rng)
    for i in range(count):
        yield article(world, i)


def write(count: int, out: Path, seed: int = 7, per_file: int = 1000) -> list[Path]:
    """JSON Lines files of ``per_file`` articles each under ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    handle = None
    for i, record in enumerate(generate(count, seed)):
        if i % per_file == 0:
            if handle:
                handle.close()
            paths.append(out / f"articles-{i // per_file:04d}.jsonl")
            handle = paths[-1].open("w", encoding="utf-8")
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if handle:
        handle.close()
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("count", type=int, help="how many articles (1,000 to 100,000)")
    ap.add_argument("--out", type=Path, required=True, help="directory for the JSON Lines files")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per-file", type=int, default=1000)
    args = ap.parse_args()
    paths = write(args.count, args.out, args.seed, args.per_file)
    print(f"{args.count} articles in {len(paths)} file(s) under {args.out}")


if __name__ == "__main__":
    main()
