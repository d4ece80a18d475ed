"""Relations between the entities of an article, read sentence by sentence.

Each rule looks for the cue words Korean news uses for one relation:

    heldAt          "울산전시컨벤션센터에서 … 개최했다", "코엑스에서 열린 …"
    locatedIn       "서울 종로구 포시즌스호텔" (places before a venue), "울주군에 있는 …"
    organizedBy     "X가 주최하고 Y가 주관한", "X는 … 와 공동으로 … 개최했다" (not 후원: sponsors)
    participatedIn  attendance (참석, 자리했다), speeches (축사, 기조연설), award winners at the event
    receivedAward   "은탑산업훈장은 A 대표가 …", "A가 B상을 받았다" (with the event: a conferral)
    promotes        the subject of a sentence that pushes a policy (추진, 지원, 발표, 공고 …)
    partneredWith   parties to an agreement (협약, MOU, 계약 … 체결/맺었다), each with the lead

Generic references (이번 행사, 개막식, 시상식) stand for the article's main event.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..models import EntityType, Predicate
from .dates import resolve_day
from .doc import Doc, Fact, Mention
from .patterns import ACT_ROLES, LEX, PLAYING_POSTS, SCHOOLS, body_of, company_like, is_local_government, title_of

P, O, A, POL, E, V, L = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.AWARD, EntityType.POLICY,
                         EntityType.EVENT, EntityType.VENUE, EntityType.LOCATION)

_HOLD = re.compile(r"(열린|열렸|열었|열어|열고|열리|열며|연다|열 예정|개최|막을 올|개막|펼쳐|진행|마련된|마련한|치러|치렀|주최|주관|막을 내)")
_ORGANIZE = re.compile(r"(주최|주관|개최|열었|열어|열고|연다|마련|운영|공동으로|함께 열|펼친다|펼쳤|펼치고)")
_SPONSOR = re.compile(r"^(이|가|은|는)?\s*(후원|협찬)")
_ATTEND = re.compile(r"(참석|참가|참여|자리했|자리에|모였|발걸음|함께했|함께한|인사말|축사|격려사|개회사|환영사|기조연설|모두발언|"
                     r"연단|단상|무대에|기념촬영|발표자|패널|토론|수상자|시상대|연사|진술인|참고인|사회로|사회는|진행은|진행으로|사회를 맡|"
                     r"진행을 맡|시연|세션|발제|좌장|주제발표|서명했|서명하고|서명한)")
# a speech given at the event: "협약식에서", "개회 인사에서", "폐막식에서"
_AT_EVENT = re.compile(r"(협약식|시상식|개막식|개회식|폐막식|폐회식|기념식|출범식|취임식|발대식|설명회|공청회|간담회|토론회|포럼|"
                       r"심포지엄|세미나|국감|국정감사|청문회|기조발표|기조연설|개회사|폐회사|인사말|축사|기념사|환영사|격려사|"
                       r"개회 인사|취임사)(에서|에선|에서는|를 통해|을 통해)")
_SPOT_AT_VENUE = re.compile(r"^ (앞 )?(특설무대|야외무대|메인무대|주무대|무대|야외광장|광장|앞마당|잔디광장|일원|일대|로비|야외)(에서|서 )")
_GENERIC_EVENT = re.compile(r"(^|\s)(행사|대회|영화제|축제|박람회|엑스포|포럼|콘퍼런스|컨퍼런스|전시회|전시|특별전|시상식|기념식)"
                            r"(는|은|에는) |"
                            r"(이번|이날|올해|해당)\s*(행사|대회|박람회|시상식|개막식|개회식|회의|간담회|협약식|축제|컨퍼런스|포럼|"
                            r"전시|특별전|공연)|"
                            r"(축제|행사|박람회|설명회|시상식|기념식|포럼|간담회)(를|을) (열었|열고|열어|개최했|개최하고)|"
                            r"(개막식|개회식|시상식|협약식|행사장|간담회|라운드테이블)(에서|에는|에|이|은|를|을)")
_PROMOTE = re.compile(r"(추진|지원|발표|마련|공고|투입|도입|시행|운영|개편|삼고|확정|착수|계획|구축|발의|제정|이행|지정|개발|"
                      r"내놓|공개|확충|육성|조성|뒷받침|선보|펼치|투자|채택|확대|늘리|늘린|강화|보급|신설|집행|편성|배정|대표발의|"
                      r"모집|수행|시작하|시작한|시작했|시작할)")
_AGREE = re.compile(r"(협약|MOU|양해각서|계약|협정|업무협력|파트너십|맞잡|손을 잡|손잡)")
_AGREE_VERB = re.compile(r"(체결|맺|서명|이전하기로|합의|협약식['’”\"]?[을를] (?:열|갖|가졌|개최|진행))")
# "두 기관은 … 협약을 맺었다": the parties named in the sentence before
_SIGNED = re.compile(r"(협약|MOU|양해각서|계약|협정)(을|를|도)? ?(체결|맺|서명)")
_BOTH_PARTIES = re.compile(r"(두|세|네|양|3개|4개) ?(기관|기관은|회사|단체|지자체|대학)|양측|양사|양 기관|3자|4자")
# "X는 Y와 함께 … 시범사업을 시작한다": a joint programme makes partners (GUIDE)
_WORKING_WITH = re.compile(r"(와|과) ?(공동으로|손잡고|손을 잡고|협력해|협력하여|협업해)")
_JOINTLY = re.compile(r"^(?:\s*[가-힣A-Za-z]+(?:무역관|사무소|지사|지부|본부|센터|법인|지점))?(와|과)\s*"
                      r"(?P<how>함께|공동으로|손잡고|손을 잡고|협력해|협력하여|협업해)")
_SUBJECT = ("은", "는", "이", "가", "도", "에서는")


def find_relations(doc: Doc) -> None:
    doc.main_event = _main_event(doc)
    doc.lead_org = _lead_org(doc)
    _department_posts(doc)
    _club_people(doc)
    _positions_to_affiliations(doc)
    for sent in doc.sentences:
        events = _events_in(doc, sent.index, sent.text)
        _held_at(doc, sent, events)
        _located_in(doc, sent)
        _organized_by(doc, sent, events)
        _people_hosting(doc, sent, events)
        _the_company_hosts(doc, sent, events)
        _executives_of_the_subject(doc, sent)
        _chair_of_the_subject(doc, sent)
        _welcomed_as(doc, sent)
        _awards(doc, sent, events)
        _participation(doc, sent, events)
        _promotes(doc, sent)
        _partners(doc, sent)
        _parties_hosting(doc, sent, events)
        _joint_programmes(doc, sent)
    _event_named_after_org(doc)
    _orphan_policies(doc)
    _consortia(doc)
    _campaign_hosts(doc)
    _bodies_taking_part(doc)
    _officials_speak_for_programmes(doc)
    _speakers_at_a_hearing(doc)
    _posts_described_before_a_person(doc)
    _previous_posts(doc)
    _posts_in_the_group(doc)
    _members_of_an_act(doc)
    _artists_in_the_show(doc)
    _councillors(doc)
    _hosts_do_not_take_part(doc)


# a club's staff and players
_CLUB_POSTS = frozenset("감독 수석코치 코치 타격코치 투수코치 단장 대표이사 구단주 사령탑 선수".split()) | PLAYING_POSTS


def _club_people(doc: Doc) -> None:
    """In a report about one club (프로야구 광주 썬더버즈), the staff and players named without a club are its own."""
    teams = {m.name: m.alias for m in doc.mentions if m.type is O and m.rule == "org:team"}
    times = Counter(next((t for t, alias in teams.items() if m.name in (t, alias)), None) for m in doc.mentions)
    times.pop(None, None)
    ranked = times.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[1][1] == ranked[0][1]:
        return  # no club, or two reported alike (a match)
    club = ranked[0][0]
    for f in [f for f in doc.facts if f.kind == "position" and f.object is None and f.title in _CLUB_POSTS]:
        # "인천 하버실즈의 … 공격수 NAME": a club named before the player in the sentence is the player's
        person = next((m for m in doc.in_sentence(f.sentence, P) if m.name == f.subject[1]), None)
        named = [m for m in doc.in_sentence(f.sentence, O) if m.name in teams or m.name in teams.values()]
        before = [m for m in named if person is not None and m.end <= person.start]
        own = next((t for t, alias in teams.items() if before and before[-1].name in (t, alias)), club)
        doc.facts.append(replace(f, object=(O, own), rule="post:club"))


def _campaign_hosts(doc: Doc) -> None:
    """Who holds "'X' 캠페인 출범식" runs the campaign X."""
    policies = {m.name for m in doc.mentions if m.type is POL}
    for f in list(doc.facts):
        if f.kind is Predicate.ORGANIZED_BY:
            for name in policies:
                if f.subject[1].startswith(name + " "):
                    _rel(doc, Predicate.PROMOTES, f.object, (POL, name), f.sentence, "promotes:launch-host")


def _in_paragraph_before(doc: Doc, m: Mention) -> list[Mention]:
    """The organisations named before ``m`` in its paragraph, nearest last."""
    paragraph = doc.sentences[m.sentence].paragraph
    return [o for o in doc.mentions if o.type is O and o.start < m.start
            and doc.sentences[o.sentence].paragraph == paragraph]


def _department_posts(doc: Doc) -> None:
    """"다온대학교는 화학과 서라온 교수가 이끈다": a department and a name, the body named just before."""
    for k, f in enumerate(doc.facts):
        if f.kind != "position" or f.object is not None:
            continue
        person = next((m for m in doc.in_sentence(f.sentence, P) if m.name == f.subject[1]), None)
        if person is None or not re.search(r"(학과|학부|전공|연구실|연구소|연구센터|대학원) $",
                                           doc.article.text[max(0, person.start - 12):person.start]):
            continue
        before = [o for o in _in_paragraph_before(doc, person) if not re.search(r"(부|처|청)$", o.name)]
        if before:
            doc.facts[k] = Fact("position", f.subject, (O, before[-1].name), f.sentence, "post:department+body-before",
                                title=f.title)


_JOINS = re.compile(r"참여(하|해|한|했|하며|하고)|힘을 보(탠|태)|합류")
_LEADS = re.compile(r"^\s?컨소시엄|^(이|가) (맡는다|맡았다|총괄)")
_LEAD_BEFORE = re.compile(r"주관기관인? $")


def _named_lead(doc: Doc, o: Mention) -> bool:
    return bool(_LEAD_BEFORE.search(doc.article.text[max(0, o.start - 6):o.start]))


def _consortia(doc: Doc) -> None:
    """A consortium's members are partners of its lead (GUIDE: a many-party agreement led by one body):

        가람기술연구원 컨소시엄이 뽑혔다. … 해솔대학교와 온결테크㈜가 참여한다.
        소재 분야는 다온대학교가 맡는다. … 바른정밀㈜과 ㈜새솔소재가 힘을 보탠다.
    """
    if "컨소시엄" not in doc.article.text:
        return
    for sent in doc.sentences:
        if not _JOINS.search(sent.text):
            continue
        members = [m for m in doc.in_sentence(sent.index, O) if not _is_post_org(doc, m)]
        if not members:
            continue
        # the lead named before in the paragraph ("X 컨소시엄", "X가 맡는다", "주관기관인 X"), else among them
        earlier = _in_paragraph_before(doc, members[0])
        lead = next((o for o in reversed(earlier) if _LEADS.match(_after(doc, o, 8)) or _named_lead(doc, o)), None) \
            or next((o for o in members if _named_lead(doc, o)), None)
        if lead is None:
            continue
        for m in members:
            if m.name != lead.name:
                _rel(doc, Predicate.PARTNERED_WITH, m, lead, sent.index, "partneredWith:consortium")


def _main_event(doc: Doc) -> tuple[EntityType, str] | None:
    counts = Counter(m.name for m in doc.mentions if m.type is E)
    if not counts:
        return None
    first = min((m for m in doc.mentions if m.type is E), key=lambda m: m.start)
    best = max(counts, key=lambda n: (counts[n], n == first.name))
    return (E, best)


def _lead_org(doc: Doc) -> tuple[EntityType, str] | None:
    """The body the article is about: the organisation most often the subject of a sentence.

    What a quotation says does not count ("…산단공이 함께할 것"이라고 강조했다); a headline
    that opens with the body and a comma ("산업부, 뿌리기업에 1200억 푼다") names it as the subject.
    """
    quoted = [(f.start, f.end) for f in doc.facts if f.kind == "quote" and f.start is not None]
    headline = doc.article.text.find(doc.article.title) if doc.article.title else -1
    counts: Counter[str] = Counter()
    for m in doc.mentions:
        if m.type is not O or any(a <= m.start < b for a, b in quoted):
            continue
        after = _after(doc, m, 1)
        if after in ("은", "는", "이", "가") or m.start == headline and after == ",":
            counts[m.name] += 1
    if not counts:
        return None
    return (O, counts.most_common(1)[0][0])


# "토론회는 협회가 주관하고": a talk or a ceremony named by its kind alone, when the article's event is one
_EVENT_OF_ITS_KIND = re.compile(r"(?:^|\s)(토론회|세미나|심포지엄|간담회|공청회|설명회|발대식|출범식|협약식|기공식|개소식|준공식|"
                                r"비엔날레|페스티벌|선수권대회)(는|은|에는) ")


_THIS_EVENT_OPENS = re.compile(r"^\s*(?:이번|올해|올해로 \S+인) ?(?:대회|행사|축제|박람회|엑스포|포럼|시상식|전시|전시회|"
                               r"회의|설명회|공연|영화제|페스티벌)(?:는|은) ")


def _events_in(doc: Doc, index: int, text: str) -> list[tuple[EntityType, str]]:
    quoted = [(f.start, f.end) for f in doc.facts if f.kind == "quote" and f.sentence == index]
    named = [(E, m.name) for m in doc.in_sentence(index, E) if not any(a <= m.start < b for a, b in quoted)]
    if doc.main_event and _THIS_EVENT_OPENS.match(text) and doc.main_event not in named:
        return [doc.main_event]  # "이번 대회는 A가 주최하고 …, 'B 선발전'을 겸한다": the article's event is the subject
    if not named and doc.main_event and (_GENERIC_EVENT.search(text) or (
            (kind := _EVENT_OF_ITS_KIND.search(text)) and doc.main_event[1].endswith(kind[1]))):
        return [doc.main_event]
    return list(dict.fromkeys(named))


def _rel(doc: Doc, p: Predicate, s: Mention | tuple, o: Mention | tuple, index: int, rule: str) -> None:
    s_key = (s.type, s.name) if isinstance(s, Mention) else s
    o_key = (o.type, o.name) if isinstance(o, Mention) else o
    if s_key != o_key:
        doc.facts.append(Fact(p, s_key, o_key, index, rule))


def _after(doc: Doc, m: Mention, n: int = 12) -> str:
    """The text right after a mention, past a parenthesis ("국가과학기술연구회(NST·이사장 원광연)가")."""
    text = doc.article.text[m.end:m.end + n + 40]
    return re.sub(r"^(㈜|\([^)]{0,40}\))", "", text)[:n]  # "…(NST·이사장 원광연)가", "한빛정밀㈜이"


def _positions_to_affiliations(doc: Doc) -> None:
    for f in list(doc.facts):
        if f.kind == "position" and f.object is not None:
            doc.facts.append(Fact(Predicate.AFFILIATED_WITH, f.subject, f.object, f.sentence, f.rule))


def _held_at(doc: Doc, sent, events) -> None:
    if not events or not _HOLD.search(sent.text):
        return
    places = [m for m in doc.in_sentence(sent.index, V, L) if _after(doc, m, 3).startswith(("에서", "서 "))
              or re.match(r"^[^\s]*\)(에서|서 )", doc.article.text[m.end:m.end + 20])
              # "…해수욕장 특설무대에서", "…센터 앞 광장에서": a spot at the venue
              or m.type is V and _SPOT_AT_VENUE.match(doc.article.text[m.end:m.end + 20])]
    venues = [m for m in places if m.type is V]
    target = venues[-1:] or places[-1:]
    day = resolve_day(sent.text, doc.article.published)
    for e in events:
        if day and e[1] not in doc.event_dates:
            doc.event_dates[e[1]] = day
        for t in target:
            _rel(doc, Predicate.HELD_AT, e, t, sent.index, "heldAt:에서+열리다")


def _located_in(doc: Doc, sent) -> None:
    ms = doc.in_sentence(sent.index, V, L, O)
    text = doc.article.text
    placed_in: dict[str, Mention] = {}
    for a, b in zip(ms, ms[1:]):
        gap = text[a.end:b.start]
        local_body = b.type is O and is_local_government(b.name)  # a local government sits in the province before it
        if a.type is L and (b.type in (V, L) or local_body) and gap in (" ",):
            _rel(doc, Predicate.LOCATED_IN, b, a, sent.index, "locatedIn:place-before")
            placed_in[b.name] = a
        elif a.type is L and b.type is L and gap == "·" and a.name in placed_in:
            # "전남 신안군·완도군·고흥군": each place of the list is in the province before the first
            placed_in[b.name] = placed_in[a.name]
            _rel(doc, Predicate.LOCATED_IN, b, placed_in[a.name], sent.index, "locatedIn:place-before")
        elif a.type is L and b.type is O and gap == " " and LEX.places.get(a.name) == "country" and not body_of(b.name):
            _rel(doc, Predicate.LOCATED_IN, b, a, sent.index, "locatedIn:country-before")  # 독일 함부르크공과대
        elif a.type is L and b.type is O and gap == " " and b.name.endswith(SCHOOLS):
            _rel(doc, Predicate.LOCATED_IN, b, a, sent.index, "locatedIn:school")  # 전남 신안군 누리초등학교
        elif a.type is L and b.type is V and gap == "의 ":
            _rel(doc, Predicate.LOCATED_IN, b, a, sent.index, "locatedIn:place-of")  # 로테르담의 아호이 컨벤션센터
        elif a.type is L and b.type in (V, O) and re.fullmatch(r"에 (있는|위치한|자리한|자리 잡은)\s", gap):
            _rel(doc, Predicate.LOCATED_IN, b, a, sent.index, "locatedIn:에 있는")
    # "경기 화성에 본사를 둔 세원에너지소재", "울산 소재 한빛정밀"
    for a, b in zip(ms, ms[1:]):
        gap = text[a.end:b.start]
        if a.type is L and b.type is O and re.fullmatch(
                r"(에 (본사|본부|사옥|공장|연구소|생산기지)(를|을)? 둔\s(\S+\s){0,3}|\s?소재\s(\S+\s){0,2})(㈜|\(주\))?", gap) \
                and not re.search(r"[,.]|(와|과|및)\s", gap[4:]):
            _rel(doc, Predicate.LOCATED_IN, b, a, sent.index, "locatedIn:본사를 둔")  # "…에 본사를 둔 이차전지 기업 ㈜X"
        elif a.type is L and b.type is O and re.fullmatch(r"의 (\S+\s){0,3}(업체|기업|회사|스타트업|제조사|업체인|기업인)\s(㈜)?", gap):
            _rel(doc, Predicate.LOCATED_IN, b, a, sent.index, "locatedIn:place의 업체")  # "아산의 반도체 장비 업체 X"
        elif a.type is L and b.type is O and gap == "의 " and company_like(b.name) and _after(doc, b, 1) in ("은", "는", "이", "가", "도"):
            _rel(doc, Predicate.LOCATED_IN, b, a, sent.index, "locatedIn:place의 업체")  # "충주의 솔내양조는"
    # "프로야구 청주 썬더버즈": a club named after its home city is there, when the article names the city as a place
    places = {m.name for m in doc.mentions if m.type is L}
    for m in doc.in_sentence(sent.index, O):
        if m.rule == "org:team" and m.name.split(" ")[0] in places:
            _rel(doc, Predicate.LOCATED_IN, m, (L, m.name.split(" ")[0]), sent.index, "locatedIn:home-city")
    # "인하대학교 의과대학 부속병원(인천)"
    for m in doc.in_sentence(sent.index, O, V):
        paren = re.match(r"\(([가-힣]{2,5})\)", text[m.end:m.end + 8])
        if paren:
            place = next((x for x in doc.mentions if x.type is L and x.name == paren[1]), None)
            if place is None and paren[1] in LEX.places:
                place = Mention(L, paren[1], m.end + 1, m.end + 1 + len(paren[1]), sent.index, "place:paren")
                doc.add(place)
            if place is not None:
                _rel(doc, Predicate.LOCATED_IN, m, place, sent.index, "locatedIn:(place)")


def _organized_by(doc: Doc, sent, events) -> None:
    if not events:
        return
    orgs = doc.in_sentence(sent.index, O)
    hosts = []
    for m in orgs:
        after = _after(doc, m, 8)
        if _SPONSOR.search(after.strip()):
            continue
        if re.match(r"^(이|가|의)?\s*(공동\s?)?(주최|주관)", after):
            hosts.append(m)
    for a, b in reversed(list(zip(orgs, orgs[1:]))):
        # "경상북도와 한국영화인협회가 공동 주최하고": the bodies listed with a host host it too
        if b in hosts and a not in hosts and re.fullmatch(r"\s?(와|과|,|·|및)\s?", doc.article.text[a.end:b.start]) \
                and not _SPONSOR.search(_after(doc, b, 8).strip()):
            hosts.insert(0, a)
    if hosts:
        for h in hosts:
            for e in events:
                _rel(doc, Predicate.ORGANIZED_BY, e, h, sent.index, "organizedBy:주최/개최")
        return
    # "A구는 … 'X'를 열고, B구는 … 'Y'를 펼친다": each clause's subject holds the event named in it
    clauses = _clauses(doc, sent)
    # "… 열린 'X'에서 공동관을 운영해": an event something is done at is not the one the subject holds
    # (but "KBO가 개최한 'X'에서" names its host before it)
    visited = {(E, m.name): m.start for m in doc.in_sentence(sent.index, E)
               if re.match(r"^['’”\"]?(\([^)]{1,30}\)['’”\"]?)?에서 ", doc.article.text[m.end:m.end + 40])}
    for a, b in clauses:
        verb = _ORGANIZE.search(doc.article.text, a, b)
        if verb is None:
            continue
        named = [(E, m.name) for m in doc.in_sentence(sent.index, E) if a <= m.start < b]
        # "A는 B, C와 'X 협약식'을 열고 협약을 맺었다": those listed after the subject are the other parties
        # (but "A는 B, C와 'X'를 개최했다" and "A는 B와 함께 …" make B and C co-hosts)
        subject = next((m for m in orgs if a <= m.start < verb.start() and _after(doc, m, 1) in ("은", "는", "이", "가")),
                       None)
        clause = doc.article.text[subject.end:b] if subject is not None else ""
        signing = _SIGNED.search(clause) or any(e[1].endswith(("협약식", "체결식", "서명식")) for e in named)
        if re.search(r"(와|과) ?(함께|공동으로|공동)", clause) or not signing:
            subject = None  # only the parties of an agreement signed at the event are not its hosts
        for m in orgs:
            if not a <= m.start < verb.start() or subject is not None and m.start > subject.start:
                continue
            if _is_post_org(doc, m) or _SPONSOR.search(_after(doc, m, 8).strip()):
                continue
            if re.match(r"^(은|는|이|가|와|과|,|·|도|를 비롯|을 비롯| 등)", _after(doc, m, 10)):
                for e in (named if len(clauses) > 1 else events):
                    if e not in visited or verb.start() < visited[e]:
                        _rel(doc, Predicate.ORGANIZED_BY, e, m, sent.index, "organizedBy:주최/개최")


_HOSTED = re.compile(r"(공동\s?)?(주최|주관)(했|하고|하며|한다|해)")  # not 주최하는 'X'에 참석: someone else's


def _people_hosting(doc: Doc, sent, events) -> None:
    """"A 의원과 B 의원은 … 'X 토론회'를 공동 주최했다": people host an event too (GUIDE: organizedBy → Person)."""
    verb = _HOSTED.search(sent.text) if events else None
    if verb is None:
        return
    cue = sent.start + verb.start()
    if any(_after(doc, m, 1) in ("은", "는", "이", "가") for m in doc.in_sentence(sent.index, O)
           if m.end < cue and not _is_post_org(doc, m)):
        return  # a body is the subject: it hosts (_organized_by)
    people = [m for m in doc.in_sentence(sent.index, P) if m.end < cue and m.name != doc.article.author]
    last = next((i for i in range(len(people) - 1, -1, -1) if _phrase_particle(sent, people[i]) in _SUBJECT[:4]), None)
    if last is None:
        return
    hosts = [people[last]]
    for m in reversed(people[:last]):  # "A 의원과 B 의원은": partners listed right before the subject, no clause between
        if _phrase_particle(sent, m) not in ("와", "과") or re.search(r"[,.]|[가-힣]+[한던은] ",
                                                                       doc.article.text[m.end:hosts[-1].start]):
            break
        hosts.append(m)
    for h in hosts:
        for e in events:
            _rel(doc, Predicate.ORGANIZED_BY, e, h, sent.index, "organizedBy:person-hosts")


def _parties_hosting(doc: Doc, sent, events) -> None:
    """"A는 B와 협약을 맺었다. 두 기관은 이날 'X 발대식'을 함께 열었다": the parties host the event."""
    if not events or sent.index == 0 or not _BOTH_PARTIES.match(sent.text.strip()) or not _ORGANIZE.search(sent.text):
        return
    parties = {k for f in doc.facts if f.kind is Predicate.PARTNERED_WITH and f.sentence == sent.index - 1
               for k in (f.subject, f.object)}
    for party in sorted(parties):
        for e in events:
            _rel(doc, Predicate.ORGANIZED_BY, e, party, sent.index, "organizedBy:the-parties")


# the posts that run a company: "X는 NAME 대표와 NAME 최고기술책임자(CTO)가 함께 세웠다"
_EXECUTIVE = re.compile(r"(대표|대표이사|공동대표|사장|부사장|회장|부회장|창업자|공동창업자|전무|상무|본부장|연구소장|"
                        r"최고\S*책임자|C[A-Z]O)$")


def _executives_of_the_subject(doc: Doc, sent) -> None:
    """"한빛로보틱스는 … 함다온 대표와 … 방서율 최고기술책임자(CTO)가 세웠다": a post named without its company
    in a sentence about the company is held there."""
    if not re.search(r"세웠|세운|설립했|창업했|창업한|공동 창업|이끌|이끄는|이끈", sent.text):
        return  # "한빛전자는 행사장을 찾은 김 대표와 면담했다": a guest, not the company's own
    subject = next((m for m in doc.in_sentence(sent.index, O) if _after(doc, m, 1) in ("은", "는", "이", "가")
                    and not _is_post_org(doc, m) and not _is_government(m.name)), None)
    if subject is None:
        return
    for f in [f for f in doc.facts if f.kind == "position" and f.sentence == sent.index and f.object is None]:
        person = next((m for m in doc.in_sentence(sent.index, P) if m.name == f.subject[1]), None)
        if person is not None and person.start > subject.end and _EXECUTIVE.search(f.title or ""):
            doc.facts.append(Fact("position", f.subject, (O, subject.name), sent.index, "post:executive-of-subject",
                                  title=f.title))
            _rel(doc, Predicate.AFFILIATED_WITH, f.subject, subject, sent.index, "post:executive-of-subject")


def _chair_of_the_subject(doc: Doc, sent) -> None:
    """"산업부는 … 한지민 장관 주재로 'X 회의'를 열었다": who chairs the meeting a body holds heads that body."""
    subject = next((m for m in doc.in_sentence(sent.index, O) if _after(doc, m, 1) in ("은", "는", "이", "가")
                    and not _is_post_org(doc, m)), None)
    if subject is None:
        return
    for f in [f for f in doc.facts if f.kind == "position" and f.sentence == sent.index and f.object is None]:
        person = next((m for m in doc.in_sentence(sent.index, P) if m.name == f.subject[1]), None)
        rest = doc.article.text[person.end:sent.end] if person is not None else ""
        chaired = f.title and re.match(r"^\s?" + re.escape(f.title) + r" 주재(로|하에|해|한)", rest)
        # the subject holds the meeting ("…주재로 'X 회의'를 열었다"), not someone else's it attends ("주재로 열린 …에 참석")
        if person is not None and person.start > subject.end and chaired and \
                re.search(r"(열었|열고|열어|연다|개최했|개최하고|가졌|진행했)", rest) and not re.search(r"(열린|열리는|개최된) ", rest):
            doc.facts.append(Fact("position", f.subject, (O, subject.name), sent.index, "post:chair-of-subject",
                                  title=f.title))
            _rel(doc, Predicate.AFFILIATED_WITH, f.subject, subject, sent.index, "post:chair-of-subject")


# "X는 NAME 전무를 새 대표로 맞는다", "X는 NAME 교수를 초대 원장으로 선임했다": the post the subject gives
_WELCOMED_AS = re.compile(r"^(?:\(\d{2}\))?(?: [^\s을를]+){0,3}?(?:을|를) (?:새 |신임 |초대 |차기 |제\d+대 )?(?P<title>[가-힣A-Z]{1,8}?)(?:으로|로) "
                          r"(?:\S+ )?(?:맞|선임|임명|영입|내정|발탁|선출|위촉)")


def _welcomed_as(doc: Doc, sent) -> None:
    subjects = [m for m in doc.in_sentence(sent.index, O) if _after(doc, m, 1) in ("은", "는", "이", "가")
                and not _is_post_org(doc, m)]
    for m in doc.in_sentence(sent.index, P):
        # the body nearest before the person gives the post ("X는 자회사 Y가 NAME 전무를 대표로 선임했다": Y)
        subject = next((o for o in reversed(subjects) if o.end <= m.start), None)
        g = _WELCOMED_AS.match(doc.article.text[m.end:m.end + 40]) if subject is not None else None
        if g and title_of(g["title"]) == g["title"]:
            doc.facts.append(Fact("position", (P, m.name), (O, subject.name), sent.index, "post:welcomed-as",
                                  title=g["title"]))
            _rel(doc, Predicate.AFFILIATED_WITH, (P, m.name), subject, sent.index, "post:welcomed-as")


def _posts_in_the_group(doc: Doc) -> None:
    """"NAME(51) 그룹 재무실장": 그룹 is the one group the article names (한빛그룹)."""
    groups = {m.name for m in doc.mentions if m.type is O and m.name.endswith("그룹") and len(m.name) > 2}
    if len(groups) != 1:
        return
    group = next(iter(groups))
    for m in [m for m in doc.mentions if m.type is P]:
        g = re.match(r"^(?:\(\d{2}\))? 그룹 (?:([^\s(]+) )?([^\s(]+?)(?:\(|은|는|이|가|을|를|과|와|,|\s)",
                     doc.article.text[m.end:m.end + 30])
        if g and title_of(g[2]):
            title = f"{g[1]} {g[2]}" if g[1] else g[2]
            doc.facts.append(Fact("position", (P, m.name), (O, group), m.sentence, "post:in-the-group", title=title))
            _rel(doc, Predicate.AFFILIATED_WITH, (P, m.name), (O, group), m.sentence, "post:in-the-group")


def _members_of_an_act(doc: Doc) -> None:
    """"걸그룹 루미에르는 … 멤버 하린은 "…"": a member or the leader named after a music act is in it."""
    acts = sorted((m for m in doc.mentions if m.type is O and m.rule == "org:act"), key=lambda m: m.start)
    for m in [m for m in doc.mentions if m.type is P]:
        before = doc.article.text[max(0, m.start - 8):m.start].rstrip().rsplit(" ", 1)[-1]
        role = before if before in ACT_ROLES and doc.article.text[m.start - 1:m.start] == " " else None
        act = next((a for a in reversed(acts) if a.end <= m.start and m.sentence - a.sentence <= 1), None)
        if role and act is not None:
            doc.facts.append(Fact("position", (P, m.name), (O, act.name), m.sentence, "post:member-of-act", title=role))
            _rel(doc, Predicate.AFFILIATED_WITH, (P, m.name), act, m.sentence, "post:member-of-act")


def _the_company_hosts(doc: Doc, sent, events) -> None:
    """"회사는 이날 … 'X 런칭데이'를 열고": the company the article is about holds it."""
    if not events or doc.lead_org is None or _is_government(doc.lead_org[1]) \
            or not re.match(r"(이 )?회사(는|가|측은) ", sent.text.strip()) or not _ORGANIZE.search(sent.text):
        return
    if any(f.kind is Predicate.ORGANIZED_BY and f.sentence == sent.index for f in doc.facts):
        return
    for e in events:
        _rel(doc, Predicate.ORGANIZED_BY, e, doc.lead_org, sent.index, "organizedBy:the-company")


# "누리문화전당 학예연구관 출신인 도 감독", "한빛예술학교 미술원 교수이기도 한 권 작가", "과방위 국민의힘 간사인 NAME
# 의원": a post described before a person
_DESCRIBED_POST = re.compile(r" (?:(?P<dept>[가-힣]+) )?(?P<title>[가-힣]+?)(?:이기도 한| ?출신인| ?출신으로|을 지낸|를 지낸) ")
_UNIT = re.compile(r"(과|팀|실|국|본부|센터|연구소|학과|학부|대학|대학원|미술원|사업부|부문)$|^(여당|야당)$")  # (과방위 여당 간사인)
_DESCRIBED_POST_HELD = re.compile(r" (?:(?P<dept>[가-힣]+) )?(?P<title>[가-힣]+?)인 ")  # 간사인 (a post held now)


def _posts_described_before_a_person(doc: Doc) -> None:
    for m in [m for m in doc.mentions if m.type is P]:
        for o in doc.in_sentence(m.sentence, O):
            between = doc.article.text[o.end:m.start] if o.end < m.start else ""
            g = _DESCRIBED_POST.fullmatch(between) or _DESCRIBED_POST_HELD.fullmatch(between)
            if g is None or title_of(g["title"]) is None:
                continue
            # what stands between the body and the post is a unit of it or another body (과방위 국민의힘 간사인),
            # not a kind of company (누리전자 하청업체 대표인 NAME: a supplier's head)
            if g["dept"] and not (_UNIT.search(g["dept"]) or doc.knows(O, g["dept"])):
                continue
            title = f"{g['dept']} {g['title']}" if g["dept"] else g["title"]
            doc.facts.append(Fact("position", (P, m.name), (O, o.name), m.sentence, "post:described-before", title=title))
            _rel(doc, Predicate.AFFILIATED_WITH, (P, m.name), o, m.sentence, "post:described-before")


# "X에서 한국법인 대표와 아태 총괄 부사장을 지낸", "X 최고재무책임자(CFO)를 거쳐": posts held before
_HELD_BEFORE = re.compile(r"^(?:에서|의)? ?(?P<posts>[^.\"“”]{1,40}?)(?:을|를) (?:지낸|지냈|역임|거쳐|거친|거쳤)")


def _previous_posts(doc: Doc) -> None:
    """"도 사장은 … 바스톤케미컬에서 한국법인 대표와 … 부사장을 지낸 전문가다": the subject of the sentence (or the
    person named right after, "…를 지낸 NAME")) held each post named at the body."""
    text = doc.article.text
    for o in [m for m in doc.mentions if m.type is O]:
        g = _HELD_BEFORE.match(text[o.end:o.end + 60])
        # the posts are nouns of that body: no particle of a clause, no other name among them
        if g is None or re.search(r"[가-힣](은|는|이|가|을|를|에|의) ", g["posts"] + " ") or any(
                o.end < m.start < o.end + g.end() for m in doc.in_sentence(o.sentence, P, O) if m is not o):
            continue
        titles = [t for t in re.split(r"(?:와|과|,| 및) ", g["posts"]) if t.split(" ")[-1] and title_of(
            re.sub(r"\([^)]*\)$", "", t.split(" ")[-1]))]
        if not titles:
            continue
        people = doc.in_sentence(o.sentence, P)
        subject = next((m for m in reversed([m for m in people if m.end <= o.start])
                        if _after(doc, m, 1) in ("은", "는", "이", "가")), None)
        after = next((m for m in people if m.start > o.end + g.end() and m.start - (o.end + g.end()) <= 2), None)
        person = subject or after
        if person is None or person.name == doc.article.author:
            continue
        for t in titles:
            title = re.sub(r"\([^)]*\)$", "", t).strip()
            doc.facts.append(Fact("position", (P, person.name), (O, o.name), o.sentence, "post:held-before", title=title))
            _rel(doc, Predicate.AFFILIATED_WITH, (P, person.name), o, o.sentence, "post:held-before")


_SHOWS = ("비엔날레", "트리엔날레", "전시회", "특별전", "기획전", "초대전", "회고전", "사진전", "展", "아트페어", "미술제")
_ARTIST = r"(작가|화가|사진가|사진작가|조각가|미술가|설치미술가|예술가|도예가|공예가)"


def _artists_in_the_show(doc: Doc) -> None:
    """"브라질 작가 NAME의 영상 연작", "NAME 작가가 엮은 설치작품": in a report of an exhibition, its artists take part."""
    if doc.main_event is None or not doc.main_event[1].endswith(_SHOWS):
        return
    for m in doc.mentions:
        if m.type is not P or m.name == doc.article.author:
            continue
        text = doc.article.text
        if re.search(_ARTIST + r" $", text[max(0, m.start - 8):m.start]) or re.match(r"^ " + _ARTIST, text[m.end:m.end + 8]):
            _rel(doc, Predicate.PARTICIPATED_IN, m, doc.main_event, m.sentence, "participatedIn:artist")


def _councillors(doc: Doc) -> None:
    """In a report of one council (수원시의회는 … 본회의를 열고), its 의원 sit on it, whatever their party."""
    councils = {m.name for m in doc.mentions if m.type is O and m.name.endswith("의회") and len(m.name) >= 4
                and not m.name.endswith(("협의회", "평의회"))}
    if len(councils) != 1:
        return
    council = next(iter(councils))
    for f in [f for f in doc.facts if f.kind == "position" and f.title in ("의원", "시의원", "구의원", "군의원", "도의원")]:
        # a party's member sits on the council; the National Assembly's (국회) does not
        if f.object is None or body_of(f.object[1]) and not f.object[1].endswith("의회") and f.object[1] != "국회":
            doc.facts.append(Fact("position", f.subject, (O, council), f.sentence, "post:councillor", title=f.title))
            _rel(doc, Predicate.AFFILIATED_WITH, f.subject, (O, council), f.sentence, "post:councillor")


def _hosts_do_not_take_part(doc: Doc) -> None:
    """GUIDE: hosts are not also participants."""
    hosts = {(f.subject, f.object) for f in doc.facts if f.kind is Predicate.ORGANIZED_BY}
    doc.facts = [f for f in doc.facts if not (f.kind is Predicate.PARTICIPATED_IN and (f.object, f.subject) in hosts)]


def _outside_events(doc: Doc, sent) -> str:
    """The sentence with its event names blanked out: '정책토론회' is no cue word (토론)."""
    text = sent.text
    for m in doc.in_sentence(sent.index, E):
        a, b = max(0, m.start - sent.start), m.end - sent.start
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _phrase_particle(sent, m: Mention) -> str:
    """The particle that ends the noun phrase a mention starts ("배영호 양궁 국가대표팀 감독에게" → 에게)."""
    for w in sent.words:
        if w.end <= m.start:
            continue
        if not w.bare:
            return w.particle
    return ""


def _is_post_org(doc: Doc, m: Mention) -> bool:
    """Is this organisation only part of a person's post ("홍종학 중기부 장관"), not an actor itself?"""
    after = re.sub(r"^\([^)]*\)", "", doc.article.text[m.end:m.end + 40])  # 한국과학기술연구원(KIST) 책임연구원
    if after[:1] in ("은", "는", "이", "가", "와", "과", ",", "도", "을", "를", "에"):
        return False
    return any(f.kind == "position" and f.sentence == m.sentence and f.object == (m.type, m.name) for f in doc.facts)


def _main_award(doc: Doc) -> str | None:
    """The award the article's ceremony is named after ('제15회 한빛과학상 시상식'), or the article's only award."""
    names = {m.name for m in doc.mentions if m.type is A}
    if doc.main_event:
        inside = [n for n in names if n in doc.main_event[1]]
        if len(inside) == 1:
            return inside[0]
    return next(iter(names)) if len(names) == 1 else None


def _category_award(doc: Doc, sent) -> list[Mention]:
    """"공학부문은 A 책임연구원이 받았다": a category of the article's award stands for the award."""
    from .things import _AWARD_VERBS
    # "공학부문은", "지역개발 부문은"; a winner is also said to put their name on the list (이름을 올렸다)
    category = next((w for i, w in enumerate(sent.words) if w.stem.endswith("부문") and (
        len(w.stem) > 2 or i > 0 and sent.words[i - 1].bare and sent.words[i - 1].nominal)), None)
    award = _main_award(doc) if category and (_AWARD_VERBS.search(sent.text) or "이름을 올" in sent.text) else None
    if award is None:
        return []
    return [Mention(A, award, category.start, category.end, sent.index, "award:category")]


def _awards(doc: Doc, sent, events) -> None:
    awards = doc.in_sentence(sent.index, A) or _category_award(doc, sent)
    if not awards:
        return
    from .things import _AWARD_VERBS
    if not _AWARD_VERBS.search(sent.text) and not any(a.rule == "award:category" for a in awards):
        # "진흥회는 A 고문에게 공로패를 전달했다": handed over to whoever 에게 names
        if re.search(r"에게\s.*(전달|증정)", sent.text):
            for r in doc.in_sentence(sent.index, P, O):
                if _phrase_particle(sent, r) == "에게":
                    for a in awards:
                        _rel(doc, Predicate.RECEIVED_AWARD, r, a, sent.index, "receivedAward:에게 전달")
                        doc.facts.append(Fact("conferral", (r.type, r.name), (A, a.name), sent.index,
                                              "conferral:에게 전달", event=events[0] if events else doc.main_event))
        return
    if re.search(r"수상자를 (\S+ )?(뽑|선정|선발|가려|확정)", sent.text):
        return  # "심사위원회가 … 수상자를 뽑았다": who picks the winners did not win
    recipients = [m for m in doc.in_sentence(sent.index, P, O) if not _is_post_org(doc, m)
                  and not any(a.start <= m.start < a.end for a in awards)  # the giver in "산업부 장관표창"
                  and _phrase_particle(sent, m) not in ("을", "를", "의", "으로", "로")
                  and not re.search(r"\([^)]{0,12}$", doc.article.text[max(m.start - 14, 0):m.start])  # 셀로직스(대표 NAME)가
                  and not re.match(r"(에|에서) (재학|다니|근무|재직|소속)", _after(doc, m, 10))  # X대에 재학 중인 NAME
                  and m.name != doc.article.author and (_heads_a_count(doc, m) or (
                      not _after(doc, m, 3).startswith(("의", " 등", "에서"))
                      and (m.type is P or _after(doc, m, 2)[:1] in ("이", "가", "에", "은", "는", "도", "와", "과", ","))))]

    if re.search(r"(?<!그)(?<!그녀)(?<!이들)(?<!그들)에게 (\S+ ){0,2}((수여|시상|전달|증정)(했|한다|하고|하며|해)|건넸|건네|(달아|걸어) ?주)",
                 sent.text):
        # "A와 B는 … 수상자 7명에게 상을 수여했다": the subjects give; only whom 에게 names receives
        recipients = [m for m in recipients if _phrase_particle(sent, m) == "에게"]
    if not recipients:
        return
    items = sorted(awards + recipients, key=lambda m: m.start)
    event = events[0] if events else doc.main_event
    pairs = []
    if "각각" in sent.text and len(awards) == len(recipients) > 1:  # "A상과 B상은 각각 X와 Y가 받았다"
        pairs = list(zip(recipients, awards))
    elif items[0].type is A:  # "은탑산업훈장은 A 대표와 B 대표가, 동탑산업훈장에 C 대표가 …"
        current = None
        for m in items:
            if m.type is A:
                current = m
            elif current is not None:
                pairs.append((m, current))
    else:  # "A는 … 장타율상과 득점상 트로피도 챙기며", "A와 B는 X상을 받았다"
        for a in awards:
            # "X는 …으로, 문 회장은 … 훈장을 받았다", "한씨는 A상을 받았고, 이씨는 B상을 받았다": the award goes to
            # the last subject named before it (with those listed with it); with no subject, the first named
            candidates = [m for m in recipients if not _RELATIVE_SUBJECT.match(doc.article.text[m.end:m.end + 30])]
            before = [m for m in candidates if m.end <= a.start]
            if not candidates:
                continue
            subject = next((m for m in reversed(before) if _phrase_particle(sent, m) in ("은", "는", "이", "가", "도")),
                           before[0] if before else candidates[0])
            listed = [subject]
            for m in reversed([m for m in recipients if m.end <= subject.start]):
                if not re.fullmatch(r"㈜?\s?(와|과|,|·|및)\s?(㈜|\(주\))?", doc.article.text[m.end:listed[-1].start]):
                    break
                listed.append(m)
            pairs += [(r, a) for r in reversed(listed)]
    for r, a in pairs:
        _rel(doc, Predicate.RECEIVED_AWARD, r, a, sent.index, "receivedAward:cue")
        doc.facts.append(Fact("conferral", (r.type, r.name), (A, a.name), sent.index, "conferral:cue", event=event))
        if event is not None:
            _rel(doc, Predicate.PARTICIPATED_IN, r, event, sent.index, "participatedIn:award")


# "KBO가 개최한 'X'에서": the subject of a relative clause, not of the sentence
_RELATIVE_SUBJECT = re.compile(r"^(\([^)]*\))?(이|가) \S+(한|하는|된|되는|던|인) ")


def _heads_a_count(doc: Doc, m: Mention) -> bool:
    """"순천시 등 8개 기관이 받았다": the first of a counted list is one of those who receive."""
    return bool(re.match(r" 등 \d+(개|곳|명)", _after(doc, m, 8)))


def _participation(doc: Doc, sent, events) -> None:
    # attending, a speech (축사, 기조연설) or "이날" places the person at the article's event
    at_event = _AT_EVENT.search(sent.text)
    attended = _ATTEND.search(_outside_events(doc, sent))
    events = events or _event_by_its_head(doc, sent)
    event_list = events or ([doc.main_event] if doc.main_event and (re.search(
        r"이날|행사|현장|축사|인사말|격려사|개회사|환영사|기조연설|모두발언", sent.text) or attended
        or at_event) else [])
    if not event_list:
        return
    quoted_today = "이날" in sent.text and '"' in sent.text
    if at_event:
        # "협약식에서 A 회장은 "…"고 했다": who speaks at the event took part in it
        for f in doc.facts:
            if f.kind == "quote" and f.sentence == sent.index:
                for e in event_list:
                    _rel(doc, Predicate.PARTICIPATED_IN, f.subject, e, sent.index, "participatedIn:spoke-at")
    if attended or quoted_today:
        credits = {m.name for m in doc.in_sentence(sent.index, P) if m.rule == "byline"}
        for m in doc.in_sentence(sent.index, P):
            if m.name == doc.article.author or m.name in credits:  # a photo credit is not a guest
                continue
            for e in event_list:
                _rel(doc, Predicate.PARTICIPATED_IN, m, e, sent.index, "participatedIn:attend")
    if not (attended or re.search(r"나와|나섰|출석", sent.text)):
        return
    hosts = {f.object for f in doc.facts if f.kind is Predicate.ORGANIZED_BY}
    for m in doc.in_sentence(sent.index, O):
        # "대한건설협회와 한국노총 관계자도 참고인으로 나와": the body its people stand for took part;
        # "A와 B, C 등 수출지원기관과 업종별 협회 관계자들이 참석했다": so does each body listed before them
        listed = re.match(r"^[^.]{0,60}?관계자", doc.article.text[m.end:sent.end])
        if re.match(r"^(\([^)]*\))?(와|과|,)?\s*[^\s.]*\s?관계자", doc.article.text[m.end:m.end + 40]) \
                or re.match(r"^(\([^)]*\))?\s?관계자", doc.article.text[m.end:m.end + 20]) \
                or listed and " 등 " in listed[0] and not _LIST_BROKEN.search(listed[0]) and not _is_post_org(doc, m):
            for e in event_list:
                if (O, m.name) not in hosts:
                    _rel(doc, Predicate.PARTICIPATED_IN, m, e, sent.index, "participatedIn:관계자")


# a verb or a relative ending inside "A, B 등 … 관계자": what comes after it is no longer the list it was in
_LIST_BROKEN = re.compile(r"[가-힣](했|하고|하며|한다|하는|한|던|된|되고|되며|했고|이며|이고|을|를)[\s,]|에서 ")
# "회의에는", "행사에서는": the event named before, called by its head word
_HEAD_AT_START = re.compile(r"^\s*(?:이날 |이번 )?([가-힣]{2,6})(에는|에서는|에서|에선|엔)\s")


def _event_by_its_head(doc: Doc, sent) -> list[tuple]:
    """"…'수출 점검회의'를 열었다. 회의에는 A, B가 참석했다": the latest event before whose name ends with the word."""
    m = _HEAD_AT_START.match(sent.text)
    if m is None or m[1] not in LEX.event_heads:
        return []
    earlier = [e for e in doc.mentions if e.type is E and e.sentence < sent.index and e.name.endswith(m[1])]
    return [(E, max(earlier, key=lambda e: e.start).name)] if earlier else []


# a match result: the winner and the side it beat both played in the event
_WON = re.compile(r"우승했|우승을 차지|우승은 [^.]{2,25}차지|정상에 올랐|정상을 지켰|준우승|꺾고|꺾었|제압하고|제압했|누르고|눌렀")
# what a competitor does in the competition: "…결승에서 금메달을 목에 걸었다", "한국신기록을 세웠다"
_COMPETED = re.compile(r"[금은동]메달을 (목에 걸|땄|딴|따냈|따낸|획득|차지)|신기록을 (세웠|세우|수립|경신)|1위를 차지|1위에 올랐|"
                       r"출전했|출전해|출전한다")
_BEATEN = re.compile(r"^(을|를) [^.]{0,25}?(꺾|제압|누르|눌렀)")
_PAVILION = r"(부스|공동관|한국관|국가관|홍보관)"
_TAKES_PART = re.compile(r"(참가|참여|참석|출전|출품)(했|한다|하며|하고|해|할|한 |중이)|"
                         + _PAVILION + r"(를|을) (운영|열|마련|차려|차리|꾸)")
# "공동관에는 A, B 등 게임사 12곳이 참가했다": a pavilion or booth at the article's fair
_AT_A_PAVILION = re.compile(_PAVILION + r"(에는|에|에서는)\s")


def _bodies_taking_part(doc: Doc) -> None:
    """"누리식품은 … 열린 '국제식품박람회 2025'에 참가했다": a body that enters an event took part in it.

    A programme one joins ("사업에 참여한다") is no event, so the event must be named before the verb
    (its hosts are dropped at the end: _hosts_do_not_take_part)."""
    for sent in doc.sentences:
        verb = _TAKES_PART.search(sent.text)
        if verb is None:
            continue
        cue = sent.start + verb.start()
        events = [m for m in doc.in_sentence(sent.index, E) if m.end < cue
                  and re.match(r"^['’”\"]?(\([^)]{1,30}\)['’”\"]?)?(에|에서|에는|에도) ", doc.article.text[m.end:m.end + 40])]
        if not events and doc.main_event and _AT_A_PAVILION.search(sent.text) and not doc.in_sentence(sent.index, E):
            events = [Mention(E, doc.main_event[1], sent.start, sent.start, sent.index, "main-event")]
        if not events:
            continue
        for m in doc.in_sentence(sent.index, O):
            if m.start > cue or _is_post_org(doc, m):
                continue
            subject = _after(doc, m, 1) in ("은", "는", "이", "가") or _listed_subject(doc, sent, m) or \
                re.match(r"^(와|과) 함께 ", _after(doc, m, 6)) or re.match(  # "A, B 등 게임사 12곳이"
                    r"^(, [^,.]+){0,8} 등 (\S+ ){0,3}\S*\s?\d+\s?(곳|개사)(이|가|은|는) ", doc.article.text[m.end:sent.end])
            if not subject:
                continue
            for e in events:
                _rel(doc, Predicate.PARTICIPATED_IN, m, e, sent.index, "participatedIn:took-part")
    _sides_of_a_match(doc)


def _sides_of_a_match(doc: Doc) -> None:
    """"A대는 결승에서 B대를 3대 1로 꺾고 우승했다": both teams played in the event (named, or the article's)."""
    for sent in doc.sentences:
        competed = bool(_COMPETED.search(sent.text))  # (a person's own feat: only people take part by it)
        if not _WON.search(sent.text) and not competed:
            continue
        named = [(E, m.name) for m in doc.in_sentence(sent.index, E)]
        events = named or ([doc.main_event] if doc.main_event and re.search(r"결승|부문|대회|경기|리그|토너먼트|우승", sent.text)
                           else [])
        for m in doc.in_sentence(sent.index, O, P):
            if m.type is O and (_is_post_org(doc, m) or not _WON.search(sent.text)):
                continue
            if m.type is P:  # "개인전 우승은 누리대 NAME 선수가 차지했다"
                side = _phrase_particle(sent, m) in ("은", "는", "이", "가") and m.name != doc.article.author
            else:
                side = _after(doc, m, 1) in ("은", "는", "이", "가") or _BEATEN.match(_after(doc, m, 30))
            for e in events if side else []:
                _rel(doc, Predicate.PARTICIPATED_IN, m, e, sent.index, "participatedIn:played")


def _promotes(doc: Doc, sent) -> None:
    # the policy must be what the verb acts on: the cue follows it closely ("…지원사업도 개편했다")
    every = doc.in_sentence(sent.index, POL)
    policies = [p for p in every if _PROMOTE.search(doc.article.text[p.end:p.end + 45])
                or _PROMOTE.search(doc.article.text[max(p.start - 12, sent.start):p.start])]
    if not every:
        return
    pairs = []
    for m in doc.in_sentence(sent.index, O, P):
        after = _after(doc, m, 14)
        subject = after[:1] in ("은", "는", "이", "가") or after.startswith(("도 ", "와 ", "과 ", " 주재", " 등 ")) or (
            after.startswith(", ") and _listed_subject(doc, sent, m))
        # "한가람 중소벤처기업부 장관(가운데)이 … 발표하고 있다": the person with their post is the subject
        chaired = m.type is P and (re.match(r"^ \S+ 주재", after) or _post_then_subject(doc, m))
        owner = after.startswith("의 ")
        if not (subject or chaired or owner):
            continue
        if m.type is O and _is_post_org(doc, m):
            continue
        # a body's own programme needs no verb ("중기부의 청년도약패키지"); anyone else must act on it
        chained = None  # "재단의 'A사업'과 'B사업'": the programmes listed after the owner are all its own
        for p in (every if owner else policies):
            listed = chained is not None and re.fullmatch(r"['’\"”]?\s*(과|와|,|및)\s*['‘\"“]?",
                                                          doc.article.text[chained.end:p.start])
            # "해솔팜는 … 'A육성사업'에 선정돼": chosen for a programme is not running it
            chosen = re.match(r"['’\"”]?(에|에서)\s?(선정|뽑|참여|이름을 올)", doc.article.text[p.end:p.end + 12])
            # "환경부가 운영하는 'OO 지원제도'와 연계해": another body's programme, named with its runner
            runner = _RUN_BY.search(doc.article.text[max(sent.start, p.start - 20):p.start])
            if runner and not re.fullmatch(r"(\s?(와|과|,|·|및)\s?\S+?)*" + _RUN_BY.pattern,
                                           doc.article.text[m.end:p.start]):
                continue
            if m.start < p.start and (not owner or p.start - m.end < 16 or listed) and not (
                    chosen and subject and not _PROMOTE.search(doc.article.text[m.end:p.start])):
                pairs.append((m, p))
                chained = p if owner else None
    for q in doc.facts:
        if q.kind == "quote" and q.sentence == sent.index:
            for p in policies:
                if q.start is not None and q.start <= p.start <= q.end:
                    pairs.append((Mention(P, q.subject[1], 0, 0, sent.index, "quote"), p))
    if not pairs and policies and doc.lead_org is not None and not _is_government(doc.lead_org[1]) \
            and re.match(r"(이 )?회사(는|가|측은|도) ", sent.text.strip()):
        # "회사는 내년부터 'X 장학사업'도 새로 시작한다": the company the article is about runs it
        pairs = [(Mention(O, doc.lead_org[1], 0, 0, sent.index, "lead"), p) for p in policies]
    operators = [m for m in doc.in_sentence(sent.index, O) if _after(doc, m, 1) in ("이", "가") and not _is_post_org(doc, m)]
    if "각각" in sent.text and len(every) == len(operators) > 1:  # "A사업은 X가, B사업은 Y가 각각 운영한다"
        pairs = list(zip(operators, every))
    for a, p in pairs:
        _rel(doc, Predicate.PROMOTES, a, p, sent.index, "promotes:subject")
        lawmaker = any(f.kind == "position" and f.subject == (a.type, a.name) and (f.title or "").endswith("의원")
                       for f in doc.facts)
        if a.type is P and not lawmaker:
            # the speaker's own body promotes it too (a lawmaker's bill is the lawmaker's, not the party's)
            for f in doc.facts:
                if f.kind == "position" and f.subject == (P, a.name) and f.object and body_of(f.object[1]):
                    _rel(doc, Predicate.PROMOTES, f.object, p, sent.index, "promotes:speaker-body")


# events that are talk: who is quoted in a report of one spoke there
_TALK = ("공청회", "토론회", "간담회", "세미나", "심포지엄", "포럼", "청문회", "국정감사", "국감", "설명회", "라운드테이블",
         "콘퍼런스", "컨퍼런스", "학술대회", "워크숍")


def _speakers_at_a_hearing(doc: Doc) -> None:
    """"진술인으로 나선 A 교수는 "…"", "B 위원도 "…"": in a report of a hearing or a forum, the people quoted
    after it is named spoke at it."""
    if doc.main_event is None or not doc.main_event[1].endswith(_TALK):
        return
    first = min((m.sentence for m in doc.mentions if m.type is E and m.name == doc.main_event[1]), default=None)
    quotes = [f for f in doc.facts if f.kind == "quote"]
    # "이번 행사를 마련한 X의 NAME 차관은 "…"": the host's own official
    hosting = {f.subject for f in quotes if re.search(
        r"(행사|자리|회의|포럼|토론회|세미나|심포지엄|콘퍼런스|컨퍼런스|공청회|간담회)(을|를) (마련|주최|주관|개최)한 ",
        doc.article.text[max(0, (f.start or 0) - 60):f.start or 0].rsplit(".", 1)[-1])}
    for f in quotes:  # (its hosts are dropped at the end: _hosts_do_not_take_part)
        if first is not None and f.sentence >= first and f.subject not in hosting:
            _rel(doc, Predicate.PARTICIPATED_IN, f.subject, doc.main_event, f.sentence, "participatedIn:quoted-at")


# what a Korean government runs is named as a programme (사업, 제도 …); a foreign rule it mentions is not its own
_KOREAN_PROGRAMME = re.compile(r"(사업|지원금|자금|바우처|프로그램|정책|계획|전략|대책|펀드|장려금|수당|보조금|상품권|패키지|프로젝트)$")


def _officials_speak_for_programmes(doc: Doc) -> None:
    """"…어촌활력사업으로 지역에 활력을 불어넣겠다"고 말했다: an official who speaks for a programme of their
    body (a government, or a body that runs it) pushes it."""
    promoted = {(f.subject, f.object) for f in doc.facts if f.kind is Predicate.PROMOTES}
    posts: dict[tuple, list[tuple]] = {}
    for f in doc.facts:
        if f.kind == "position" and f.object is not None:
            posts.setdefault(f.subject, []).append(f.object)
    by_kind: dict[str, set[tuple]] = {}  # the programmes of each distinct kind (바우처 …) someone runs
    for _, policy in promoted:
        if kind := _PROGRAMME_KIND.search(policy[1]):
            by_kind.setdefault(kind[1], set()).add(policy)
    partners = {(f.subject, f.object) for f in doc.facts if f.kind is Predicate.PARTNERED_WITH}
    partners |= {(o, s) for s, o in partners}
    for f in [f for f in doc.facts if f.kind == "quote" and f.start is not None]:
        bodies = posts.get(f.subject, [])
        for m in doc.in_sentence(f.sentence, POL):
            if not f.start <= m.start < f.end:
                continue
            policy = (POL, m.name)
            others = {s for s, o in promoted if o == policy}
            if any((b, policy) in promoted or _is_government(b[1]) and not others and _KOREAN_PROGRAMME.search(m.name)
                   for b in bodies):
                _rel(doc, Predicate.PROMOTES, f.subject, policy, f.sentence, "promotes:official-quoted")
                for b in bodies:  # the government the official speaks for runs it too
                    if _is_government(b[1]) and not others:
                        _rel(doc, Predicate.PROMOTES, b, policy, f.sentence, "promotes:official-quoted")
        _programme_named_by_its_kind(doc, f, bodies, promoted, by_kind, partners)


# a programme's kind, distinct enough that a quote naming the kind alone ("이번 바우처") means the article's one
_PROGRAMME_KIND = re.compile(r"(바우처|프로젝트|캠페인|펀드|패키지)$")


def _programme_named_by_its_kind(doc: Doc, quote: Fact, bodies: list[tuple], promoted: set[tuple],
                                 by_kind: dict[str, set[tuple]], partners: set[tuple]) -> None:
    """"…작은 공장들이 혁신할 여력을 만들어 주는 것이 이번 바우처의 목표": the speaker's body, or a body that
    runs it with the body that launched it, pushes the one programme of that kind the article names."""
    for kind, policies in by_kind.items():
        if len(policies) != 1 or kind not in (quote.text or ""):
            continue
        policy = next(iter(policies))
        runners = {s for s, o in promoted if o == policy}
        if any(b in runners for b in bodies):
            _rel(doc, Predicate.PROMOTES, quote.subject, policy, quote.sentence, "promotes:official-quoted-kind")
            continue
        for b in bodies:
            if any((b, r) in partners for r in runners):
                _rel(doc, Predicate.PROMOTES, quote.subject, policy, quote.sentence, "promotes:official-quoted-kind")
                _rel(doc, Predicate.PROMOTES, b, policy, quote.sentence, "promotes:partner-speaks-for")


_RUN_BY = re.compile(r"(이|가) (운영|시행|추진|도입)(하는|한|하고 있는|중인) ['‘\"“]?$")


def _listed_subject(doc: Doc, sent, m: Mention) -> bool:
    """"중소벤처기업부와 기획재정부, 행정안전부, 금융위원회는": a body in a list that ends in the subject."""
    text = doc.article.text[m.end:sent.end]
    return bool(re.match(r"^(, [^\s,]+){0,4}, [^\s,]+?(은|는|이|가) ", text) or
                re.match(r"^(, [^\s,]+){0,4}(와|과) [^\s,]+?(은|는|이|가) ", text))


def _post_then_subject(doc: Doc, m: Mention) -> bool:
    post = re.match(r"^((?: \S+?){1,3})(\([^)]{0,20}\))?(이|가|은|는) ", doc.article.text[m.end:m.end + 60])
    return bool(post) and title_of(post[1].split()[-1]) is not None


_CLAUSE_END = re.compile(r"(?:고|으며|며|으나|지만),\s")


def _clauses(doc: Doc, sent) -> list[tuple[int, int]]:
    """"A는 B와 …에 합의했고, C는 D와 협약을 체결했다": clauses that each have their own subject."""
    subjects = [m.start for m in doc.in_sentence(sent.index, O) if _after(doc, m, 1) in ("은", "는", "이", "가")]

    def has_subject(a: int, b: int) -> bool:
        return any(a <= at < b for at in subjects)
    cuts = [sent.start]
    for c in _CLAUSE_END.finditer(sent.text):
        at = sent.start + c.end()
        if has_subject(cuts[-1], at) and has_subject(at, sent.end):
            cuts.append(at)
    return list(zip(cuts, cuts[1:] + [sent.end]))


def _partners(doc: Doc, sent) -> None:
    if not (_AGREE.search(sent.text) and _AGREE_VERB.search(sent.text)):
        return
    clauses = _clauses(doc, sent)
    if len(clauses) > 1:
        for a, b in clauses:
            if _AGREE_VERB.search(doc.article.text, a, b):
                _partners_in(doc, sent, a, b)
        return
    _partners_in(doc, sent, sent.start, sent.end)


def _partners_in(doc: Doc, sent, start: int, end: int) -> None:
    text = doc.article.text[start:end]
    orgs = [m for m in doc.in_sentence(sent.index, O) if not _is_post_org(doc, m) and start <= m.start < end]
    if len(orgs) < 2 and re.search(r"참석한 가운데|서명했|서명하고|서명한", text):
        # "김해시는 A 시장과 B 해솔은행장, C 누리신용보증재단 이사장 등이 참석한 가운데 협약을 체결했다":
        # the bodies of those who sign are the parties
        named = {m.name for m in orgs}
        orgs += [m for m in doc.in_sentence(sent.index, O) if start <= m.start < end and m.name not in named
                 and not named.add(m.name)]
        orgs.sort(key=lambda m: m.start)
    if len(orgs) < 2 and _BOTH_PARTIES.search(text) and sent.index > 0:
        before = [m for m in doc.in_sentence(sent.index - 1, O) if not _is_post_org(doc, m)]
        parties = list({m.name: m for m in before + orgs}.values())
        # "부산시는 A, B와 함께 … 네 기관은 … 협약을 맺었다": a government that leads links each party to itself
        lead = next((m for m in before if _after(doc, m, 2)[:1] in ("은", "는", "이", "가")), None)
        if lead is not None and len(parties) > 2 and _is_government(lead.name):
            for m in parties:
                if m.name != lead.name:
                    _rel(doc, Predicate.PARTNERED_WITH, lead, m, sent.index, "partneredWith:both-parties")
        elif 2 <= len(parties) <= 4:  # "두 기관은 이날 … 협약을 맺었다"
            for i, a in enumerate(parties):
                for b in parties[i + 1:]:
                    _rel(doc, Predicate.PARTNERED_WITH, a, b, sent.index, "partneredWith:both-parties")
        return
    if len(orgs) < 2:
        return
    # the lead party is the subject; with none ("X, Y, Z도 각각 … 체결했다") the parties are not each other's
    lead = next((m for m in orgs if _after(doc, m, 2)[:1] in ("은", "는", "이", "가")), None)
    if lead is None and len({m.name for m in orgs}) == 2 and any(_after(doc, m, 1) in ("와", "과") for m in orgs):
        lead = next((m for m in orgs if _after(doc, m, 1) == "도"), None)  # "Y도 … X와 업무협약을 맺었다"
    at_event = doc.main_event and re.search(r"이날|행사장|현장", text)
    if lead is None:
        if at_event:  # "X, Y, Z도 이날 … 계약을 체결했다": each signed at the event
            for m in orgs:
                _rel(doc, Predicate.PARTICIPATED_IN, m, doc.main_event, sent.index, "participatedIn:signatory")
        return
    hosts = {f.object for f in doc.facts if f.kind is Predicate.ORGANIZED_BY and f.subject == doc.main_event}
    if at_event and (O, lead.name) not in hosts:
        _rel(doc, Predicate.PARTICIPATED_IN, lead, doc.main_event, sent.index, "participatedIn:signatory")
    parties = list({m.name: m for m in orgs}.values())
    for m in parties:
        if m.name != lead.name:
            _rel(doc, Predicate.PARTNERED_WITH, lead, m, sent.index, "partneredWith:agreement")
            if doc.main_event:
                _rel(doc, Predicate.PARTICIPATED_IN, m, doc.main_event, sent.index, "participatedIn:signatory")
    # GUIDE: an agreement led by one body (a ministry with its sector) links each party to the lead;
    # an agreement among peers makes them all partners
    if not _is_government(lead.name):
        others = [m for m in parties if m.name != lead.name]
        for i, a in enumerate(others):
            for b in others[i + 1:]:
                _rel(doc, Predicate.PARTNERED_WITH, a, b, sent.index, "partneredWith:peers")


def _is_government(name: str) -> bool:
    """A ministry or agency from the lexicon, or a city, county or province acting (아산시, 경상남도)."""
    body = body_of(name)
    return bool(body and body.government) or is_local_government(name)


def _joint_programmes(doc: Doc, sent) -> None:
    """질병관리청은 국립중앙의료원과 함께 … 시범사업을 시작한다: bodies that run a programme together are partners."""
    policy = bool(doc.in_sentence(sent.index, POL)) and bool(_PROMOTE.search(sent.text) or "시작" in sent.text)
    if not policy and not _WORKING_WITH.search(sent.text) or doc.in_sentence(sent.index, E):
        return  # "A는 B와 공동으로 … 시상식을 개최했다": co-hosts, not partners (organizedBy)
    orgs = [m for m in doc.in_sentence(sent.index, O) if not _is_post_org(doc, m)]
    lead = next((m for m in orgs if _after(doc, m, 2)[:1] in ("은", "는", "이", "가")), None)
    if lead is None and doc.lead_org and any(_after(doc, m, 1) in ("은", "는") for m in doc.in_sentence(sent.index, POL)):
        lead = doc.lead_org  # "'B패키지'는 소진공과 협력해 운영한다": the article's body runs it
    if lead is None:
        return
    lead_key = (lead.type, lead.name) if isinstance(lead, Mention) else lead
    for m in orgs:
        joint = _JOINTLY.match(_after(doc, m, 20))
        if (O, m.name) != lead_key and joint and (policy or joint["how"] != "함께"):
            _rel(doc, Predicate.PARTNERED_WITH, lead_key, m, sent.index, "partneredWith:joint-programme")


def _event_named_after_org(doc: Doc) -> None:
    """'한국증권학회 정책심포지엄', '최저임금 제도개선 연구회 킥오프 회의': the event's name opens with its organiser."""
    # a title sponsor lends the event its name but does not run it ("통신사 X가 타이틀 스폰서를 맡았다")
    sponsors = {m.name for m in doc.mentions if m.type is O
                and re.match(r"^(이|가|은|는)?[^.]{0,15}(스폰서|후원|협찬)", _after(doc, m, 25))}
    orgs = sorted({m.name for m in doc.mentions if m.type is O} - sponsors, key=len, reverse=True)
    for m in doc.mentions:
        if m.type is not E:
            continue
        for org in orgs:
            if m.name.startswith(org + " ") and len(m.name) > len(org) + 2:
                _rel(doc, Predicate.ORGANIZED_BY, m, (O, org), m.sentence, "organizedBy:event-name")
                break


def _orphan_policies(doc: Doc) -> None:
    """A programme listed with no actor in its sentence belongs to the article's lead public body (a lexicon body, or a city, county or province)."""
    if doc.lead_org is None or not (body_of(doc.lead_org[1]) or is_local_government(doc.lead_org[1])):
        return
    promoted = {f.object for f in doc.facts if f.kind is Predicate.PROMOTES}
    for m in doc.mentions:
        if m.type is POL and (POL, m.name) not in promoted and m.rule in ("policy:budget-item", "policy:quoted"):
            _rel(doc, Predicate.PROMOTES, doc.lead_org, m, m.sentence, "promotes:lead-body")
            promoted.add((POL, m.name))
