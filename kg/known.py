"""Linking new articles against the people and organisations a store already holds.

    known = Known.look_up(select, extractions, base_iri)   # what the store knows about these names
    link_to_known(linked_batch, known, base_iri) → Linked

``kg ingest`` first links a batch of new articles among themselves with
kg.linking.link (so one batch into an empty store gives exactly the graph
``kg build`` gives), then maps the batch's entities onto the store's, reading
only the entities that share a name or alias with the batch (``Known.look_up``
runs two SPARQL queries through ``select``, local or remote).

The rule that differs from a batch build: IRIs already in the store never
change. Renaming would rewrite every article that uses the IRI (unbounded
work for one new article) and break every client that kept it. So the new
article adapts to the store:

- Organisations. A batch organisation whose name is already a stored
  organisation keeps it. One whose name, or one of whose aliases, is the name
  or an alias of exactly one stored organisation becomes that organisation,
  under the stored name, with its own forms as aliases: when "KIST" came first,
  a later 한국과학기술연구원(KIST) is kgr:organization/KIST with the altLabel
  한국과학기술연구원 (a batch build would pick the fuller name). A name tied to
  several stored organisations is left alone ("ambiguous").
- People. A batch person (all the batch's articles that linking put under
  one key) joins the stored person with the same name that shares an
  organisation with it (most shared organisations; a tie is "ambiguous" and
  keeps the batch's IRI). A person with no organisation joins the only stored
  namesake, or stays the plain person/NAME when there are several. A person
  whose organisations meet none of the stored namesakes' is another person:
  person/NAME/MAIN-ORGANISATION ("kept apart"), while a stored plain
  person/NAME keeps its IRI — so a namesake arriving later gives one plain and
  one qualified IRI where a batch build would qualify both. A stored person
  known only without organisation joins a new affiliated one (there is only
  one candidate).

Every decision is a kg.linking.LinkDecision, listed in the ingest summary.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import unquote

from .graph import text_literal
from .iri import entity_iri
from .linking import (LinkDecision, Linked, LinkOutcome, _affiliations, _merge, _rekey,  # noqa: PLC2701
                      _rename_organisations)
from .models import Entity, EntityType, Extraction
from .vocab import KGR_IRI

ORG, PERSON = EntityType.ORGANIZATION, EntityType.PERSON
Select = Callable[[str], list[dict[str, str]]]
_BATCH = 400  # names per look-up query


@dataclass(frozen=True)
class KnownPerson:
    """A person IRI in the store: its qualifier (None for the plain IRI) and organisations."""

    name: str
    qualifier: str | None
    organisations: frozenset[str]

    @property
    def key(self) -> str:
        return Entity(PERSON, self.name, qualifier=self.qualifier).key


@dataclass(frozen=True)
class Known:
    """What a store holds about the names of a batch."""

    organisations: frozenset[str] = frozenset()                       # stored organisation names
    org_aliases: Mapping[str, frozenset[str]] = field(default_factory=dict)  # alias → stored names holding it
    people: Mapping[str, tuple[KnownPerson, ...]] = field(default_factory=dict)  # name → IRIs

    @classmethod
    def look_up(cls, select: Select, extractions: Sequence[Extraction], base_iri: str = KGR_IRI,
                *, union: bool = False) -> Known:
        """The stored organisations and people sharing a name or an alias with ``extractions``.

        ``union``: the store's default graph is the union of the articles'
        graphs (kg.store), so patterns need no GRAPH; elsewhere (a remote
        server) every pattern names its graph. Each query starts from bound
        values (the names, then the IRIs found), and names and qualifiers are
        read back from the IRIs, which kg mints from them: a few index look-ups
        per name, whatever the size of the store.
        """
        org_forms = sorted({n for x in extractions for e in x.entities if e.type is ORG
                            for n in (e.name, *e.aliases)})
        person_names = sorted({e.name for x in extractions for e in x.entities if e.type is PERSON})
        wanted_people = set(person_names)
        org_prefix = str(entity_iri(ORG, "x", base_iri))[:-1]
        person_prefix = str(entity_iri(PERSON, "x", base_iri))[:-1]

        def graph(pattern: str) -> str:
            return pattern if union else f"GRAPH ?g {{ {pattern} }}"

        names: set[str] = set()
        aliases: dict[str, set[str]] = defaultdict(set)
        for part in _parts(org_forms):
            for row in select(f"SELECT DISTINCT ?e ?form ?kind WHERE {{ VALUES ?f {{ {_values(part)} }} "
                              f"{{ {graph('?e rdfs:label ?f')} BIND(\"label\" AS ?kind) }} UNION "
                              f"{{ {graph('?e skos:altLabel ?f')} BIND(\"alias\" AS ?kind) }} "
                              f"BIND(STR(?f) AS ?form) }}"):
                name = _name_in(row.get("e", ""), org_prefix)
                if name is None:
                    continue  # another type, another base IRI
                if row.get("kind") == "label" and row.get("form") == name:
                    names.add(name)
                elif row.get("kind") == "alias":
                    aliases[row["form"]].add(name)
        found: dict[str, dict[str | None, set[str]]] = defaultdict(lambda: defaultdict(set))
        iris: dict[str, tuple[str, str | None]] = {}
        for part in _parts(person_names):
            for row in select(f"SELECT DISTINCT ?e WHERE {{ VALUES ?n {{ {_values(part)} }} "
                              f"{graph('?e rdfs:label ?n')} }}"):
                iri = row.get("e", "")
                if (rest := _name_in(iri, person_prefix, qualified=True)) is not None:
                    name, _, qualifier = rest.partition("/")
                    key = (unquote(name), unquote(qualifier) if qualifier else None)
                    if key[0] in wanted_people:
                        iris[iri] = key
                        found[key[0]][key[1]]  # a person known without organisation is still known
        patterns = ("?e kgo:holdsPosition ?pos . ?pos kgo:organization ?o", "?e kgo:affiliatedWith ?o",
                    "?a schema:author ?e ; schema:publisher ?o")
        for part in _parts(sorted(iris)):
            values = " ".join(f"<{iri}>" for iri in part)
            for pattern in patterns:
                for row in select(f"SELECT DISTINCT ?e ?o WHERE {{ VALUES ?e {{ {values} }} {graph(pattern)} }}"):
                    org = _name_in(row.get("o", ""), org_prefix)
                    if org is not None and row.get("e") in iris:
                        name, qualifier = iris[row["e"]]
                        found[name][qualifier].add(org)
        people = {name: tuple(KnownPerson(name, q, frozenset(o)) for q, o in
                              sorted(by_q.items(), key=lambda kv: kv[0] or ""))
                  for name, by_q in found.items()}
        return cls(frozenset(names), {a: frozenset(n) for a, n in aliases.items()}, people)


def _name_in(iri: str, prefix: str, qualified: bool = False) -> str | None:
    """The name an entity IRI was minted from (kg.iri), or None for an IRI of another type or base.

    With ``qualified`` the raw ``name/qualifier`` rest is returned (segments still encoded).
    """
    if not iri.startswith(prefix):
        return None
    rest = iri[len(prefix):]
    if qualified:
        return rest if rest and rest.count("/") <= 1 else None
    return unquote(rest) if rest and "/" not in rest else None


def _parts(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), _BATCH):
        yield items[i:i + _BATCH]


def _values(names: Iterable[str]) -> str:
    return " ".join(text_literal(n).n3() for n in names)


def link_to_known(linked: Linked, known: Known) -> Linked:
    """``linked`` (a batch linked by kg.linking.link) with its entities mapped onto the store's."""
    decisions: list[LinkDecision] = list(linked.decisions)
    canonical, org_decisions = _organisations(linked.extractions, known)
    extractions = [_rename_organisations(x, canonical) for x in linked.extractions] if canonical \
        else list(linked.extractions)
    qualifiers, person_decisions = _people(extractions, known, linked.decisions)
    extractions = [_requalify(x, qualifiers) for x in extractions]
    decisions += org_decisions + person_decisions
    decisions.sort(key=lambda d: (d.type.value, d.name, d.outcome.value, d.articles, d.reason))
    return Linked(tuple(extractions), tuple(decisions))


def _organisations(extractions: Sequence[Extraction], known: Known) -> tuple[dict[str, str], list[LinkDecision]]:
    forms: dict[str, set[str]] = defaultdict(set)     # batch organisation → every form it goes by
    articles: dict[str, set[str]] = defaultdict(set)
    for x in extractions:
        for e in x.entities:
            if e.type is ORG and e.qualifier is None:
                forms[e.name] |= {e.name, *e.aliases}
                articles[e.name].add(x.article.id)
    canonical: dict[str, str] = {}
    decisions: list[LinkDecision] = []
    for name in sorted(forms):
        if name in known.organisations:
            continue  # the same IRI already
        holders = {h for f in forms[name] for h in known.org_aliases.get(f, ())}
        holders |= {f for f in forms[name] if f in known.organisations}
        holders.discard(name)
        if len(holders) == 1:
            stored = next(iter(holders))
            canonical[name] = stored
            shared = sorted(f for f in forms[name] if f == stored or stored in known.org_aliases.get(f, ()))
            decisions.append(LinkDecision(ORG, stored, LinkOutcome.MERGED, tuple(sorted(articles[name])),
                                          f"{name} is the stored organisation {stored} (shares {', '.join(shared)}); "
                                          "the stored name stays the IRI"))
        elif holders:
            decisions.append(LinkDecision(ORG, name, LinkOutcome.AMBIGUOUS, tuple(sorted(articles[name])),
                                          f"{name} shares a name with {len(holders)} stored organisations "
                                          f"({', '.join(sorted(holders))}); kept as its own entity"))
    return canonical, decisions


def _people(extractions: Sequence[Extraction], known: Known,
            batch_decisions: Sequence[LinkDecision]) -> tuple[dict[str, str | None], list[LinkDecision]]:
    """Batch person key → the qualifier of the stored person it is, or of a new namesake (None: plain)."""
    groups: dict[str, set[str]] = defaultdict(set)       # batch key → its organisations
    articles: dict[str, set[str]] = defaultdict(set)
    names: dict[str, Entity] = {}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for x in extractions:
        affiliations = _affiliations(x)
        for e in x.entities:
            if e.type is PERSON:
                orgs = affiliations.get(e.key, set())
                groups[e.key] |= orgs
                counts[e.key].update(orgs)
                articles[e.key].add(x.article.id)
                names[e.key] = e
    ambiguous_in_batch = {d.name for d in batch_decisions if d.type is PERSON and d.outcome is LinkOutcome.AMBIGUOUS}
    qualifiers: dict[str, str | None] = {}
    decisions: list[LinkDecision] = []
    for key in sorted(groups):
        entity, orgs = names[key], groups[key]
        stored = known.people.get(entity.name, ())
        if not stored or (entity.qualifier is None and entity.name in ambiguous_in_batch):
            continue
        where = tuple(sorted(articles[key]))
        sharing = sorted(((len(p.organisations & orgs), p) for p in stored if p.organisations & orgs),
                         key=lambda t: (-t[0], t[1].qualifier or ""))
        if sharing:
            if len(sharing) > 1 and sharing[0][0] == sharing[1][0]:
                decisions.append(LinkDecision(PERSON, entity.name, LinkOutcome.AMBIGUOUS, where,
                                              f"shares as many organisations with {len(sharing)} stored namesakes "
                                              f"({', '.join(p.key for _, p in sharing)}); kept as {key}"))
                continue
            best = sharing[0][1]
            target, qualifier = best.key, best.qualifier
            reason = f"the stored {best.key} (shares {', '.join(sorted(best.organisations & orgs))})"
            outcome = LinkOutcome.MERGED
        elif not orgs:
            if len(stored) == 1:
                target, qualifier, outcome = stored[0].key, stored[0].qualifier, LinkOutcome.MERGED
                reason = f"no organisation named; the store has one {entity.name}: {target}"
            else:
                target, qualifier, outcome = Entity(PERSON, entity.name).key, None, LinkOutcome.AMBIGUOUS
                reason = (f"no organisation named, and {len(stored)} stored namesakes "
                          f"({', '.join(p.key for p in stored)}); kept as {target}")
        elif len(stored) == 1 and not stored[0].organisations:
            target, qualifier, outcome = stored[0].key, stored[0].qualifier, LinkOutcome.MERGED
            reason = f"the store's only {entity.name} ({target}) names no organisation"
        else:
            qualifier = entity.qualifier or min(counts[key], key=lambda o: (-counts[key][o], o))
            target, outcome = Entity(PERSON, entity.name, qualifier=qualifier).key, LinkOutcome.KEPT_APART
            reason = (f"no organisation in common with the stored {', '.join(p.key for p in stored)}; "
                      f"a namesake: {target}")
        if target != key or outcome is not LinkOutcome.MERGED:
            decisions.append(LinkDecision(PERSON, entity.name, outcome, where, reason))
        if target != key:
            qualifiers[key] = qualifier
    return qualifiers, decisions


def _requalify(x: Extraction, qualifiers: Mapping[str, str | None]) -> Extraction:
    """``x`` with each person whose key is in ``qualifiers`` given that qualifier (None: the plain IRI)."""
    if not any(e.key in qualifiers for e in x.entities):
        return x
    new_keys: dict[str, str] = {}
    renamed: dict[str, Entity] = {}
    for e in x.entities:
        if e.type is PERSON and e.key in qualifiers:
            moved = replace(e, qualifier=qualifiers[e.key])
            new_keys[e.key] = moved.key
            e = moved
        renamed[e.key] = _merge(renamed[e.key], e) if e.key in renamed else e
    return _rekey(x, new_keys, renamed.values())


__all__ = ["Known", "KnownPerson", "link_to_known"]
