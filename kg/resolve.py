"""Entity resolution inside one article: one entity per real thing.

Mentions found by the recognisers are folded into entities:

- every form of a lexicon body is one entity under its full name (중기부 → 중소벤처기업부);
- a name given in a parenthesis is an alias ("탄소국경조정제도(CBAM)", "DCC(대전컨벤션센터)");
- a shorter form that ends a longer name of the same type is that name
  (혁신대전 → 2024 중소기업 기술·경영 혁신대전; 이노비즈 → 이노비즈협회);
- a person's name one syllable away from another person with the same post is a
  typo of that name (a caption's 정관천 for 정광천), kept as an alias;
- a name seen both as a place and as a body acting (순창군이 협약을 맺었다) is the body.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from .extract.doc import Doc, Mention
from .extract.patterns import LEX, body_of, is_local_government, org_suffix
from .models import Entity, EntityType, Evidence

P, O, L, V, E = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION, EntityType.VENUE,
                 EntityType.EVENT)


_CEREMONIES = ("개회식", "개막식", "폐막식")


def squash(name: str) -> str:
    return "".join(name.split()).replace("ㆍ", "·").replace("・", "·")


class Resolution:
    """Canonical names for every (type, name) written in an article, and the entities they make."""

    def __init__(self) -> None:
        self.canonical: dict[tuple[EntityType, str], tuple[EntityType, str]] = {}
        self.aliases: dict[tuple[EntityType, str], set[str]] = defaultdict(set)
        self.merged_typos: list[tuple[str, str]] = []

    def find(self, key: tuple[EntityType, str]) -> tuple[EntityType, str]:
        seen = set()
        while key in self.canonical and self.canonical[key] != key and key not in seen:
            seen.add(key)
            key = self.canonical[key]
        return key

    def merge(self, child: tuple[EntityType, str], parent: tuple[EntityType, str]) -> None:
        child, parent = self.find(child), self.find(parent)
        if child == parent:
            return
        self.canonical[child] = parent
        self.aliases[parent] |= self.aliases.pop(child, set()) | {child[1]}


def resolve(doc: Doc) -> tuple[list[Mention], Resolution]:
    """Fold the document's mentions into entities; returns the mentions under their canonical names."""
    res = Resolution()
    mentions = _retype(doc.mentions)
    names: dict[EntityType, set[str]] = defaultdict(set)
    for m in mentions:
        names[m.type].add(m.name)
        res.canonical.setdefault((m.type, m.name), (m.type, m.name))

    # lexicon bodies: every form under the full name
    for m in mentions:
        body = body_of(m.name) if m.type is O else None
        if body and body.name != m.name:
            res.canonical.setdefault((O, body.name), (O, body.name))
            res.merge((O, m.name), (O, body.name))
        if m.type is V and m.name in LEX.venues and LEX.venues[m.name][0] != m.name:
            res.canonical.setdefault((V, LEX.venues[m.name][0]), (V, LEX.venues[m.name][0]))
            res.merge((V, m.name), (V, LEX.venues[m.name][0]))
    # 경남도 is always 경상남도; 경남 acting beside 경상남도 in one article folds into it too
    for name in list(names[O]):
        province = name.endswith("도") and name[:-1] in LEX.place_full
        city = name.endswith("시") and name[:-1] in LEX.place_full  # 인천시 beside 인천광역시
        full = LEX.place_full.get(name[:-1] if province or city else name)
        if full and full != name and (province and full.endswith("도") or full in names[O]):
            res.canonical.setdefault((O, full), (O, full))
            res.merge((O, name), (O, full))
    # 고흥 beside 고흥군, 포항 beside 포항시: a county's or city's short form is the same place
    for name in sorted(names[EntityType.LOCATION]):
        for unit in ("군", "시"):
            if name + unit in names[EntityType.LOCATION] and len(name) >= 2:
                res.merge((EntityType.LOCATION, name), (EntityType.LOCATION, name + unit))
    # parenthesised aliases: the fuller (Hangul, longer) form is the name
    for m in mentions:
        if m.alias and m.alias != m.name:
            a, b = (m.type, m.alias), (m.type, m.name)
            res.canonical.setdefault(a, a)
            if m.alias.startswith(m.name) and m.alias.endswith(_CEREMONIES):
                res.merge(a, b)  # the event, not its opening ceremony, carries the name
            elif _fuller(m.alias, m.name):
                res.merge(b, a)
            else:
                res.merge(a, b)
    _merge_short_forms(res, names)
    _merge_typos(res, doc, mentions)

    out = []
    for m in mentions:
        t, name = res.find((m.type, m.name))
        out.append(replace(m, type=t, name=name))
    return out, res


def _fuller(a: str, b: str) -> bool:
    """Is ``a`` the fuller name of the two (Hangul over Latin letters, then longer)?"""
    ha, hb = any("가" <= c <= "힣" for c in a), any("가" <= c <= "힣" for c in b)
    if ha != hb:
        return ha
    return len(squash(a)) > len(squash(b))


def _retype(mentions: list[Mention]) -> list[Mention]:
    """A name seen as a place and as a body acting is the body; a known venue is not an organisation."""
    mentions = _longest_spans(mentions)
    acting = {m.name for m in mentions if m.rule == "org:city-acting"
              or m.type is O and m.rule.startswith("post:") and is_local_government(m.name)}  # NAME 충청북도 국장
    venues = {m.name for m in mentions if m.type is V}
    people = {m.name for m in mentions if m.type is P}
    # a museum or hall with its own staff (관장 NAME, NAME 학예연구사) is also the body that runs it
    staffed = {m.name for m in mentions if m.type is O and (m.rule.startswith("post:") or m.rule == "org:house-acting")}
    # 국립누리과학관은 … 열었다: the same words read as the building are the body acting
    acting_houses = {(m.sentence, m.start) for m in mentions if m.rule == "org:house-acting"}
    out = []
    for m in mentions:
        if m.type is V and (m.sentence, m.start) in acting_houses:
            continue
        if m.type is L and m.name in acting:
            m = replace(m, type=O)
        if m.type is O and m.name in venues and m.name not in staffed:
            continue
        if m.type is not P and m.name in people:
            continue
        out.append(m)
    return out


def _merge_org_aliases_in_events(res: Resolution, names: dict[EntityType, set[str]]) -> None:
    """반도체협회 초청 간담회 = 한국반도체산업협회 초청 간담회: an organisation's alias inside an event's name."""
    aliases = {}
    for org in names[O]:
        canon = res.find((O, org))[1]
        if canon != org:
            aliases[org] = canon
    for org, canon in sorted(aliases.items(), key=lambda kv: (-len(kv[0]), kv[0])):
        for ev in sorted(names[E]):
            if ev.startswith(org + " "):
                full = canon + ev[len(org):]
                if full in names[E]:
                    res.merge((E, ev), (E, full))


def _longest_spans(mentions: list[Mention]) -> list[Mention]:
    """A name inside a longer name of the same type at the same place is not a name of its own
    ("코엑스" in "코엑스 오디토리움", "인하대학교" in "인하대학교 의과대학 부속병원")."""
    nested = (V, O, E, EntityType.POLICY, EntityType.AWARD)
    spans: dict[EntityType, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        if m.end > m.start and m.type in nested:
            spans[m.type].append((m.start, m.end))

    def inside(m: Mention) -> bool:
        return m.type in nested and any(s <= m.start and m.end <= e and (e - s) > (m.end - m.start)
                                        for s, e in spans[m.type])

    return [m for m in mentions if not inside(m)]


def _merge_short_forms(res: Resolution, names: dict[EntityType, set[str]]) -> None:
    """Fold each shorter name into the one longer name it stands for: the same letters, then a
    name it ends (혁신대전), then a name it begins (이노비즈 → 이노비즈협회), then an abbreviation."""
    _merge_org_aliases_in_events(res, names)
    for t in (E, EntityType.POLICY, O, EntityType.AWARD, V):
        forms = sorted(names[t], key=lambda n: (-len(squash(n)), n))
        for i, short in enumerate(forms):
            s = squash(short)
            if len(s) < 3 or t is O and body_of(short):
                continue  # a body from the lexicon is itself (방송통신위원회 is not 과학기술정보방송통신위원회)
            longer = [f for f in forms[:i] if squash(f) != s]
            same = [f for f in forms[:i] if squash(f) == s]
            target = same[:1] or _unique(res, t, [f for f in longer if squash(f).endswith(s) and len(s) >= 4
                                                  and t in (E, EntityType.POLICY, EntityType.AWARD)])
            if not target and t is O and not is_local_government(short):  # 충남도 is not short for 충남도의회
                # (가람대학교 is no short form of 가람대학교병원: a whole body's name, then another body's ending)
                target = _unique(res, t, [f for f in longer if squash(f).startswith(s) and len(squash(f)) - len(s) <= 3
                                          and not (org_suffix(short) and len(org_suffix(squash(f)) or "") <=
                                                   len(squash(f)) - len(s))])
            if not target and t is V:  # 세종문화회관 → 세종문화회관 대극장: the hall inside the venue
                target = _unique(res, t, [f for f in longer if f.startswith(short + " ")])
            if not target and t in (O, EntityType.POLICY, E):
                target = _unique(res, t, [f for f in longer if _abbreviates(s, squash(f), event=t is E)])
            if target:
                res.merge((t, short), (t, target[0]))


def _unique(res: Resolution, t: EntityType, candidates: list[str]) -> list[str]:
    """The candidate when they all stand for one entity; none when the short form is ambiguous."""
    return candidates[:1] if len({res.find((t, c)) for c in candidates}) == 1 else []


def _abbreviates(short: str, long: str, event: bool = False) -> bool:
    """반도체협회 ⊂ 한국반도체산업협회, 반도체특별법 ⊂ 반도체 산업의 … 특별법: same head, letters in order.

    An event's short form must keep the last four letters (중기 기술·경영 혁신대전), or its kind
    (특별법 제정 토론회 for 서비스로봇산업 특별법 제정을 위한 정책토론회)."""
    tail = 4 if event else 2
    if event:  # event_heads runs longest first
        kind = next((h for h in LEX.event_heads if len(h) >= 3 and short.endswith(h) and long.endswith(h)), "")
        tail = min(tail, len(kind)) if kind else tail
    if len(short) < (6 if event else 4) or len(long) <= len(short) or short[-tail:] != long[-tail:]:
        return False
    it = iter(long)
    return all(c in it for c in short) and (event or short[:2] in long)


def _syllable_distance_one(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1


def jamo(text: str) -> str:
    """Hangul syllables split into their letters (Unicode's syllable arithmetic): 광 → ㄱㅘㅇ."""
    out = []
    for ch in text:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            out += [chr(0x1100 + code // 588), chr(0x1161 + code % 588 // 28)]
            if code % 28:
                out.append(chr(0x11A7 + code % 28))
        else:
            out.append(ch)
    return "".join(out)


def jamo_distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace) between two names, letter by letter: 정광천 → 정관천 is 1."""
    x, y = jamo(a), jamo(b)
    row = list(range(len(y) + 1))
    for i, cx in enumerate(x, 1):
        prev, row[0] = row[0], i
        for j, cy in enumerate(y, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (cx != cy))
    return row[-1]


def _merge_typos(res: Resolution, doc: Doc, mentions: list[Mention]) -> None:
    counts = Counter(m.name for m in mentions if m.type is P)
    posts: dict[str, set[str]] = defaultdict(set)
    for f in doc.facts:
        if f.kind == "position" and f.subject[0] is P:
            if f.title:
                posts[f.subject[1]].add("title:" + f.title)
            if f.object:
                posts[f.subject[1]].add("org:" + res.find(f.object)[1])
    people = sorted(counts, key=lambda n: (-counts[n], _first(mentions, n)))
    rank = {name: i for i, name in enumerate(people)}
    # both typo rules keep the number of syllables and change one of them: names that differ
    # only at one place share a key with that place masked, so only those pairs are compared
    buckets: dict[str, list[str]] = defaultdict(list)
    for name in people:
        if posts[name]:
            for k in range(len(name)):
                buckets[name[:k] + "\0" + name[k + 1:]].append(name)
    pairs = sorted({(x, y) if rank[x] < rank[y] else (y, x)
                    for group in buckets.values() for x in group for y in group if x != y},
                   key=lambda p: (rank[p[0]], rank[p[1]]))
    for a, b in pairs:
        shared = posts[a] & posts[b]
        same_org = any(p.startswith("org:") for p in shared)
        # titles agree when one ends the other: 회장 and 누리회장 (an organisation written into the title)
        same_title = any(x.startswith("title:") and y.startswith("title:") and (x.endswith(y[6:]) or y.endswith(x[6:]))
                         for x in posts[a] for y in posts[b])
        # one letter off with the same organisation or title (정광천/정관천), or one whole
        # syllable off when both the organisation and the title agree (김명진/정명진 메인비즈협회장)
        if (jamo_distance(a, b) == 1 and (same_org or same_title)) or (
                _syllable_distance_one(a, b) and same_org and same_title):
            res.merge((P, b), (P, a))
            res.merged_typos.append((b, a))


def _first(mentions: list[Mention], name: str) -> int:
    return min(m.start for m in mentions if m.name == name)


def entities(doc: Doc, mentions: list[Mention], res: Resolution) -> list[Entity]:
    """One Entity per canonical name, with its aliases and the evidence of each mention."""
    by_key: dict[tuple[EntityType, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[(m.type, m.name)].append(m)
    out = []
    for (t, name), ms in sorted(by_key.items(), key=lambda kv: (kv[0][0].value, kv[0][1])):
        aliases = set(res.aliases.get((t, name), set()))
        aliases |= {m.alias for m in ms if m.alias}
        body = body_of(name) if t is O else None
        if body:
            aliases |= set(body.aliases)
        aliases.discard(name)
        evidence = tuple(_evidence(doc, m) for m in sorted(ms, key=lambda m: m.start)[:5])
        out.append(Entity(t, name, tuple(sorted(aliases)), evidence,
                          date=doc.event_dates.get(name) if t is E else None,
                          english=body.english if body and body.name == name else None,
                          government=bool(body and body.government and body.name == name)))
    return out


def _evidence(doc: Doc, m: Mention) -> Evidence:
    sent = doc.sentences[m.sentence] if doc.sentences else None
    text = sent.text if sent else ""
    return Evidence(doc.article.id, text, m.start, m.end, m.rule)
