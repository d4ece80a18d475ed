"""Entity linking across articles: one IRI per real person or organisation in a batch.

    link(extractions) → Linked(extractions, decisions)

kg.resolve gives one entity per real thing inside an article; the same name in
two articles already shares an IRI. This module decides the cases where the
name alone says too much or too little:

- Organisations. A name in one article that is an alias (skos:altLabel) of an
  organisation in another article is that organisation ("KIST" ↔
  한국과학기술연구원(KIST)). Every such group is written under its fullest
  name — Hangul over Latin letters, then the longer, then the first in Unicode
  order — and each article keeps the forms it used as aliases. A name that is
  an alias of several differently named organisations is left alone.
- People. Occurrences of a name are grouped by affiliation: two articles are
  the same person when they share an organisation (positions,
  kgo:affiliatedWith, and a byline's outlet). One group, or none, is one
  person under the plain IRI ``person/NAME``; an article naming no
  organisation joins the only candidate. Two or more groups are namesakes:
  each gets ``Entity.qualifier`` = its main organisation (named in most of the
  group's articles, then the first in Unicode order), so its IRI is
  ``person/NAME/ORGANISATION`` (kg.graph.entity_node). An article naming no
  organisation cannot choose between namesakes and keeps the plain IRI: that
  decision is "ambiguous".

Every decision is computed from sets and sorted, so the result — and the graph
built from it — does not depend on the order of the articles. A name that is
unqualified today becomes qualified when a later batch brings a namesake: the
IRI names what the batch can tell apart.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum

from .models import Entity, EntityType, Evidence, Extraction, Predicate

ORG, PERSON = EntityType.ORGANIZATION, EntityType.PERSON


class LinkOutcome(str, Enum):
    """What linking decided about a name seen in several articles."""

    MERGED = "merged"
    KEPT_APART = "kept apart"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class LinkDecision:
    """One decision, with the articles it covers and why, e.g. for the build summary."""

    type: EntityType
    name: str
    outcome: LinkOutcome
    articles: tuple[str, ...]
    reason: str

    def __str__(self) -> str:
        return f"{self.type.value} {self.name}: {self.outcome.value} in {', '.join(self.articles)}: {self.reason}"

    def as_dict(self) -> dict[str, object]:
        """The decision as JSON-ready data (the ``links`` of a ``--json`` summary)."""
        return {"type": self.type.value, "name": self.name, "outcome": self.outcome.value,
                "articles": list(self.articles), "reason": self.reason}


SHOWN = 50  # decisions listed in a printed summary; a whole archive can give thousands (--json has them all)


def summary_lines(decisions: Sequence[LinkDecision], worth_a_look=lambda d: False, shown: int = SHOWN) -> list[str]:
    """The summary lines of a batch's decisions: the count of each outcome, then the first ``shown``
    decisions worth a look (merges are the expected case; namesakes, the undecided and ``worth_a_look``
    are shown) and how many more there are."""
    if not decisions:
        return []
    counts = Counter(d.outcome for d in decisions)
    notable = [d for d in decisions if d.outcome is not LinkOutcome.MERGED or worth_a_look(d)]
    more = [f"link: … and {len(notable) - shown} more (--json lists every decision)"] if len(notable) > shown else []
    return ["links:     " + ", ".join(f"{o.value} {counts[o]}" for o in LinkOutcome if counts[o])] + [
        f"link: {d}" for d in notable[:shown]] + more


@dataclass(frozen=True)
class Linked:
    """The extractions with linked keys (same order as given) and the decisions behind them."""

    extractions: tuple[Extraction, ...]
    decisions: tuple[LinkDecision, ...]


def link(extractions: Sequence[Extraction]) -> Linked:
    """Link organisations by alias and people by name and affiliation across ``extractions``."""
    completed = [_declare_referenced(x) for x in extractions]
    org_names, org_decisions = _link_organisations(completed)
    renamed = [_rename_organisations(x, org_names) for x in completed]
    qualifiers, person_decisions = _link_people(renamed)
    linked = tuple(_qualify_people(x, qualifiers) for x in renamed)
    decisions = sorted(org_decisions + person_decisions,
                       key=lambda d: (d.type.value, d.name, d.outcome.value, d.articles, d.reason))
    return Linked(linked, tuple(decisions))


# -- keys -------------------------------------------------------------------------


def _parse_key(key: str) -> tuple[EntityType, str] | None:
    type_name, sep, name = key.partition("/")
    types = {t.value: t for t in EntityType}
    if not sep or type_name not in types or not name.strip():
        return None  # kg.graph reports a malformed key with the article it came from
    return types[type_name], name


def _referenced(x: Extraction) -> list[str]:
    keys = [k for r in x.relations for k in (r.subject, r.object)]
    keys += [k for p in x.positions for k in (p.person, p.organization)]
    keys += [k for c in x.conferrals for k in (c.recipient, c.award, c.event) if k]
    keys += [q.speaker for q in x.quotes]
    keys += [k for k in (x.author, x.publisher) if k]
    return keys


def _declare_referenced(x: Extraction) -> Extraction:
    """Declare every entity a statement names only by key, so renaming it renames one entity."""
    declared = {e.key for e in x.entities}
    extra: dict[str, Entity] = {}
    for key in _referenced(x):
        if key not in declared and key not in extra and (parsed := _parse_key(key)):
            extra[key] = Entity(*parsed)
    return replace(x, entities=x.entities + tuple(extra.values())) if extra else x


def _rekey(x: Extraction, new_keys: Mapping[str, str], entities: Iterable[Entity]) -> Extraction:
    """``x`` with ``entities`` and every statement's keys mapped through ``new_keys``."""
    def k(key: str) -> str:
        return new_keys.get(key, key)

    relations = tuple(replace(r, subject=k(r.subject), object=k(r.object)) for r in x.relations
                      # a relation between two forms of one organisation says nothing once they are one
                      if k(r.subject) != k(r.object) or r.subject == r.object)
    return replace(
        x,
        entities=tuple(entities),
        relations=relations,
        positions=tuple(replace(p, person=k(p.person), organization=k(p.organization)) for p in x.positions),
        conferrals=tuple(replace(c, recipient=k(c.recipient), award=k(c.award),
                                 event=k(c.event) if c.event else None) for c in x.conferrals),
        quotes=tuple(replace(q, speaker=k(q.speaker)) for q in x.quotes),
        author=k(x.author) if x.author else None,
        publisher=k(x.publisher) if x.publisher else None,
    )


# -- organisations ------------------------------------------------------------------


def _has_hangul(name: str) -> bool:
    return any("가" <= c <= "힣" for c in name)


def _fullness(name: str) -> tuple[int, int, str]:
    """Sort key putting the fullest name first: Hangul, then longer, then Unicode order."""
    return (-_has_hangul(name), -len("".join(name.split())), name)


class _Groups:
    """Union-find over names; a group's members come out sorted."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, name: str) -> str:
        self.parent.setdefault(name, name)
        while self.parent[name] != name:
            self.parent[name] = self.parent[self.parent[name]]
            name = self.parent[name]
        return name

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # by value, never by arrival: order-independent

    def groups(self) -> list[list[str]]:
        by_root: dict[str, list[str]] = defaultdict(list)
        for name in sorted(self.parent):
            by_root[self.find(name)].append(name)
        return sorted(by_root.values())


def _link_organisations(extractions: Sequence[Extraction]) -> tuple[dict[str, str], list[LinkDecision]]:
    """Each organisation name → its group's canonical name, and the decisions made."""
    articles: dict[str, set[str]] = defaultdict(set)      # name → articles naming an organisation so
    owners: dict[str, set[str]] = defaultdict(set)        # alias → names of the organisations it belongs to
    owner_articles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for x in extractions:
        for e in x.entities:
            if e.type is ORG and e.qualifier is None:
                articles[e.name].add(x.article.id)
                for alias in e.aliases:
                    if alias != e.name:
                        owners[alias].add(e.name)
                        owner_articles[(alias, e.name)].add(x.article.id)

    groups, decisions = _Groups(), []
    ambiguous: list[str] = []
    links: dict[str, str] = {}
    for name in sorted(articles):
        groups.find(name)
        holders = owners.get(name, set()) - {name}
        if len(holders) == 1:
            links[name] = next(iter(holders))
        elif holders:
            ambiguous.append(name)
    for name, holder in links.items():
        groups.union(name, holder)
    for name in ambiguous:
        holders = sorted(owners[name] - {name})
        if len({groups.find(h) for h in holders}) == 1:  # the holders are themselves one organisation
            links[name] = holders[0]
            groups.union(name, holders[0])
            continue
        involved = sorted(articles[name] | {a for h in holders for a in owner_articles[(name, h)]})
        decisions.append(LinkDecision(
            ORG, name, LinkOutcome.AMBIGUOUS, tuple(involved),
            f"{name} is an alias of {len(holders)} organisations ({', '.join(holders)}); kept as its own entity"))

    canonical: dict[str, str] = {}
    for members in groups.groups():
        if len(members) < 2:
            continue
        canon = min(members, key=_fullness)
        for m in members:
            canonical[m] = canon
        involved = sorted({a for m in members for a in articles[m]})
        how = "; ".join(
            f"{m} ({', '.join(sorted(articles[m]))}) is an alias of {links[m]} "
            f"({', '.join(sorted(owner_articles[(m, links[m])]))})"
            for m in members if m in links)
        decisions.append(LinkDecision(ORG, canon, LinkOutcome.MERGED, tuple(involved), how))
    return canonical, decisions


def _rename_organisations(x: Extraction, canonical: Mapping[str, str]) -> Extraction:
    new_keys: dict[str, str] = {}
    merged: dict[str, Entity] = {}
    for e in x.entities:
        if e.type is ORG and e.qualifier is None and canonical.get(e.name, e.name) != e.name:
            canon = canonical[e.name]
            renamed = replace(e, name=canon, aliases=tuple(sorted((set(e.aliases) | {e.name}) - {canon})))
            new_keys[e.key] = renamed.key
            e = renamed
        merged[e.key] = _merge(merged[e.key], e) if e.key in merged else e
    return _rekey(x, new_keys, merged.values()) if new_keys else x


def _merge(a: Entity, b: Entity) -> Entity:
    """Two entities of one article that linking made one: every name form and every mention."""
    return replace(
        a,
        aliases=tuple(sorted((set(a.aliases) | set(b.aliases)) - {a.name})),
        evidence=tuple(sorted(set(a.evidence) | set(b.evidence), key=_evidence_order)),
        date=a.date or b.date,
        english=a.english or b.english,
        government=a.government or b.government,
    )


def _evidence_order(e: Evidence) -> tuple[int, int, str, str]:
    return (e.start, e.end, e.rule, e.sentence)


# -- people ---------------------------------------------------------------------------


def _affiliations(x: Extraction) -> dict[str, set[str]]:
    """Person key → the organisations the article ties them to."""
    out: dict[str, set[str]] = defaultdict(set)

    def add(person: str, org: str) -> None:
        parsed = _parse_key(org)
        if parsed and parsed[0] is ORG:
            out[person].add(parsed[1])

    for p in x.positions:
        add(p.person, p.organization)
    for r in x.relations:
        if r.predicate is Predicate.AFFILIATED_WITH:
            add(r.subject, r.object)
    if x.author and x.publisher:
        add(x.author, x.publisher)  # a byline's reporter works for the outlet
    return out


def _link_people(extractions: Sequence[Extraction]) -> tuple[dict[tuple[str, str], str], list[LinkDecision]]:
    """(article id, person name) → qualifier for namesakes, and the decisions made."""
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # name → article → orgs
    for x in extractions:
        affiliations = _affiliations(x)
        for e in x.entities:
            if e.type is PERSON and e.qualifier is None:
                seen[e.name][x.article.id] |= affiliations.get(e.key, set())

    qualifiers: dict[tuple[str, str], str] = {}
    decisions: list[LinkDecision] = []
    for name in sorted(seen):
        by_article = seen[name]
        if len(by_article) < 2:
            continue
        clusters = _clusters(by_article)
        unaffiliated = sorted(a for a, orgs in by_article.items() if not orgs)
        if len(clusters) < 2:
            decisions.append(LinkDecision(PERSON, name, LinkOutcome.MERGED, tuple(sorted(by_article)),
                                          _merge_reason(by_article, clusters, unaffiliated)))
            continue
        mains = [_main_organisation(c, by_article) for c in clusters]
        for cluster, main in zip(clusters, mains):
            for article in cluster:
                qualifiers[(article, name)] = main
        apart = ", ".join(f"{main} in {', '.join(c)}" for c, main in zip(clusters, mains))
        decisions.append(LinkDecision(
            PERSON, name, LinkOutcome.KEPT_APART, tuple(sorted(a for c in clusters for a in c)),
            f"namesakes with no organisation in common: {apart}; "
            f"IRIs {', '.join(f'person/{name}/{m}' for m in mains)}"))
        if unaffiliated:
            decisions.append(LinkDecision(
                PERSON, name, LinkOutcome.AMBIGUOUS, tuple(unaffiliated),
                f"no organisation named, and {len(clusters)} namesakes elsewhere ({', '.join(mains)}); "
                f"kept as person/{name}"))
    return qualifiers, decisions


def _clusters(by_article: Mapping[str, set[str]]) -> list[list[str]]:
    """The affiliated articles, grouped where they share an organisation (transitively); sorted."""
    groups = _Groups()
    first_article: dict[str, str] = {}
    for article in sorted(by_article):
        orgs = by_article[article]
        if not orgs:
            continue
        groups.find(article)
        for org in orgs:
            if org in first_article:
                groups.union(article, first_article[org])
            else:
                first_article[org] = article
    return groups.groups()


def _main_organisation(cluster: list[str], by_article: Mapping[str, set[str]]) -> str:
    counts = Counter(org for article in cluster for org in by_article[article])
    return min(counts, key=lambda org: (-counts[org], org))


def _merge_reason(by_article: Mapping[str, set[str]], clusters: list[list[str]], unaffiliated: list[str]) -> str:
    if not clusters:
        return "no organisation named in any article to tell them apart"
    counts = Counter(org for article in clusters[0] for org in by_article[article])
    shared = sorted(org for org, n in counts.items() if n > 1)
    parts = []
    if len(clusters[0]) > 1:
        parts.append(f"same name and organisation ({', '.join(shared)})")
    else:
        parts.append(f"one affiliation ({', '.join(sorted(counts))})")
    if unaffiliated:
        parts.append(f"{', '.join(unaffiliated)} name{'s' if len(unaffiliated) == 1 else ''} no organisation "
                     "and there is only one candidate")
    return "; ".join(parts)


def _qualify_people(x: Extraction, qualifiers: Mapping[tuple[str, str], str]) -> Extraction:
    new_keys: dict[str, str] = {}
    entities = []
    for e in x.entities:
        qualifier = qualifiers.get((x.article.id, e.name)) if e.type is PERSON and e.qualifier is None else None
        if qualifier:
            qualified = replace(e, qualifier=qualifier)
            new_keys[e.key] = qualified.key
            e = qualified
        entities.append(e)
    return _rekey(x, new_keys, entities) if new_keys else x


__all__ = ["LinkDecision", "LinkOutcome", "Linked", "link", "summary_lines"]
