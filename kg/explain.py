"""Everything a built graph knows about one entity, and where each fact comes from.

    explain(graph, "오영주")  → EntityReport (one EntityExplanation per entity so named)
    format_report(report)     → str, as ``kg explain`` prints it

An entity is found by its rdfs:label or skos:altLabel: the exact name first,
then ignoring case and spaces ("kist" finds KIST, "중소 벤처기업부" finds
중소벤처기업부). Namesakes that kg.linking kept apart share a label, so a
report can hold several entities.

Each fact carries its sources — the evidence sentence, the article and the rule
that extracted it (kgo:extractedBy) — read from the rdf:Statement behind a
direct triple, or from the Position / AwardConferral / Quote node itself.
"""
from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from .errors import KGError
from .models import EntityType, Predicate
from .vocab import KGO, PREFIXES, PROV, SCHEMA

_CORE_TYPES = frozenset(KGO[t.value] for t in EntityType)
_RELATIONS = tuple(KGO[p.value] for p in Predicate)


@dataclass(frozen=True)
class Source:
    """One piece of evidence behind a fact."""

    sentence: str
    article: str                  # the article's IRI
    headline: str | None = None
    published: str | None = None  # ISO date
    rule: str | None = None       # kgo:extractedBy


@dataclass(frozen=True)
class ArticleRef:
    """An article that mentions the entity."""

    iri: str
    headline: str | None
    published: str | None


@dataclass(frozen=True)
class RelationFact:
    """A direct triple into (``incoming``) or out of the entity."""

    predicate: str     # local name, e.g. affiliatedWith
    incoming: bool
    other: str         # the other entity's label
    other_iri: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class PositionFact:
    """A kgo:Position the entity holds (a person) or that is held at it (an organisation)."""

    person: str
    organization: str
    title: str | None
    known_on: str | None
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class ConferralFact:
    """A kgo:AwardConferral the entity takes part in as recipient, award or event."""

    recipient: str
    award: str
    event: str | None
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class QuoteFact:
    """A kgo:Quote the entity said."""

    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class EntityExplanation:
    """One entity: who it is, what it is linked to, and the evidence for each link."""

    iri: str
    types: tuple[str, ...]                 # local names: Person, Organization, GovernmentAgency …
    labels: tuple[tuple[str, str], ...]    # (text, language tag or "")
    aliases: tuple[str, ...]
    articles: tuple[ArticleRef, ...]
    relations: tuple[RelationFact, ...]
    positions: tuple[PositionFact, ...]
    conferrals: tuple[ConferralFact, ...]
    quotes: tuple[QuoteFact, ...]


@dataclass(frozen=True)
class EntityReport:
    """The entities found for a name (several for namesakes), in IRI order."""

    name: str
    entities: tuple[EntityExplanation, ...]


def explain(graph: Graph, name: str) -> EntityReport:
    """Everything ``graph`` says about the entities named ``name`` (label or alias).

    ``graph`` is a Graph or a Dataset whose default graph is the union
    (kg.graph.load_graph, kg.graph.build_dataset).

    :raises KGError: when no entity has that name; the message suggests close names.
    """
    nodes = _find(graph, name)
    return EntityReport(name, tuple(_Explainer(graph).entity(n) for n in nodes))


# -- finding ---------------------------------------------------------------------------


def _exact(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def _loose(text: str) -> str:
    return "".join(_exact(text).casefold().split())


def _entity_names(graph: Graph) -> dict[URIRef, set[str]]:
    names: dict[URIRef, set[str]] = {}
    for predicate in (RDFS.label, SKOS.altLabel):
        for s, o in graph.subject_objects(predicate):
            if isinstance(s, URIRef) and isinstance(o, Literal) and _is_entity(graph, s):
                names.setdefault(s, set()).add(str(o))
    return names


def _is_entity(graph: Graph, node: Node) -> bool:
    return any(t in _CORE_TYPES for t in graph.objects(node, RDF.type))


def match_names(names: dict[Node, set[str]], name: str) -> tuple[list[Node], list[str]]:
    """The entities a name finds (exact first, then ignoring case and spaces), and close names when none.

    Shared by ``kg explain`` and ``kg view --focus``; each words its own error.
    """
    for norm in (_exact, _loose):
        wanted = norm(name)
        found = sorted(node for node, forms in names.items() if any(norm(f) == wanted for f in forms))
        if found:
            return found, []
    every = sorted({f for forms in names.values() for f in forms})
    return [], difflib.get_close_matches(_exact(name), every, n=3, cutoff=0.6)


def _find(graph: Graph, name: str) -> list[URIRef]:
    found, close = match_names(_entity_names(graph), name)
    if found:
        return found
    hint = f"close names: {', '.join(close)}" if close else "check the spelling, or the graph given with --graph"
    raise KGError(f"no entity named {name!r} in the graph (by rdfs:label or skos:altLabel); {hint}")


# -- reading one entity ------------------------------------------------------------------


class _Explainer:
    def __init__(self, graph: Graph):
        self.g = graph

    def label(self, node: Node) -> str:
        """The Korean rdfs:label, else the smallest other label, else the IRI's last segment."""
        labels = [o for o in self.g.objects(node, RDFS.label) if isinstance(o, Literal)]
        if labels:
            return str(min(labels, key=lambda o: (o.language != "ko", o.language or "", str(o))))
        return unquote(str(node).rstrip("/").rsplit("/", 1)[-1])

    def text(self, node: Node, predicate: URIRef) -> str | None:
        values = sorted(str(o) for o in self.g.objects(node, predicate))
        return values[0] if values else None

    def sources(self, node: Node) -> tuple[Source, ...]:
        """The evidence a statement or qualified node carries, one Source per article."""
        sentence = self.text(node, KGO.evidenceText) or ""
        rule = self.text(node, KGO.extractedBy)
        out = set()
        for article in set(self.g.objects(node, PROV.wasDerivedFrom)):
            out.add(Source(sentence, str(article), self.text(article, SCHEMA.headline),
                           self.text(article, SCHEMA.datePublished), rule))
        if not out and sentence:
            out.add(Source(sentence, "", None, None, rule))
        return tuple(sorted(out, key=_source_order))

    def entity(self, node: URIRef) -> EntityExplanation:
        g = self.g
        labels = sorted({(str(o), o.language or "") for o in g.objects(node, RDFS.label) if isinstance(o, Literal)},
                        key=lambda lt: (lt[1] != "ko", lt[1], lt[0]))
        return EntityExplanation(
            iri=str(node),
            types=tuple(sorted({_local(str(t)) for t in g.objects(node, RDF.type) if str(t).startswith(str(KGO))})),
            labels=tuple(labels),
            aliases=tuple(sorted({str(o) for o in g.objects(node, SKOS.altLabel)})),
            articles=tuple(sorted({ArticleRef(str(a), self.text(a, SCHEMA.headline), self.text(a, SCHEMA.datePublished))
                                   for a in g.subjects(SCHEMA.mentions, node)},
                                  key=lambda a: (a.published or "", a.iri))),
            relations=self.relations(node),
            positions=self.positions(node),
            conferrals=self.conferrals(node),
            quotes=self.quotes(node),
        )

    def relations(self, node: URIRef) -> tuple[RelationFact, ...]:
        facts = set()
        for predicate in _RELATIONS:
            for other in set(self.g.objects(node, predicate)):
                facts.add(self.relation(node, predicate, other, incoming=False))
            for other in set(self.g.subjects(predicate, node)):
                facts.add(self.relation(other, predicate, node, incoming=True))
        return tuple(sorted(facts, key=lambda f: (f.incoming, f.predicate, f.other, f.other_iri)))

    def relation(self, s: Node, p: URIRef, o: Node, *, incoming: bool) -> RelationFact:
        statements = set(self.g.subjects(RDF.subject, s)) & set(self.g.subjects(RDF.object, o))
        sources = {src for st in statements if (st, RDF.predicate, p) in self.g for src in self.sources(st)}
        other = s if incoming else o
        return RelationFact(_local(str(p)), incoming, self.label(other), str(other),
                            tuple(sorted(sources, key=_source_order)))

    def positions(self, node: URIRef) -> tuple[PositionFact, ...]:
        held = set(self.g.objects(node, KGO.holdsPosition)) | set(self.g.subjects(KGO.organization, node))
        facts = set()
        for pos in held:
            people = sorted(self.label(p) for p in self.g.subjects(KGO.holdsPosition, pos))
            org = self.g.value(pos, KGO.organization)
            facts.add(PositionFact(
                person=", ".join(people), organization=self.label(org) if org is not None else "",
                title=self.text(pos, KGO.title), known_on=self.text(pos, KGO.knownOn), sources=self.sources(pos)))
        return tuple(sorted(facts, key=lambda f: (f.known_on or "", f.organization, f.title or "", f.person)))

    def conferrals(self, node: URIRef) -> tuple[ConferralFact, ...]:
        found = set()
        for role in (KGO.recipient, KGO.award, KGO.event):
            found |= set(self.g.subjects(role, node))
        facts = set()
        for c in found:
            event = self.g.value(c, KGO.event)
            facts.add(ConferralFact(
                recipient=", ".join(sorted(self.label(r) for r in self.g.objects(c, KGO.recipient))),
                award=", ".join(sorted(self.label(a) for a in self.g.objects(c, KGO.award))),
                event=self.label(event) if event is not None else None,
                sources=self.sources(c)))
        return tuple(sorted(facts, key=lambda f: (f.award, f.recipient, f.event or "")))

    def quotes(self, node: URIRef) -> tuple[QuoteFact, ...]:
        facts = {QuoteFact(self.text(q, KGO.text) or "", self.sources(q)) for q in self.g.subjects(KGO.speaker, node)}
        return tuple(sorted(facts, key=lambda f: (tuple(map(_source_order, f.sources)), f.text)))


def _source_order(s: Source) -> tuple[str, str, str, str]:
    return (s.published or "", s.article, s.sentence, s.rule or "")


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rsplit("/", 1)[-1]


def _short(iri: str) -> str:
    """``iri`` as a prefixed name where kg knows the prefix (kgr:person/오영주), decoded for reading."""
    best = max((p for p, ns in PREFIXES.items() if iri.startswith(ns)), key=lambda p: len(PREFIXES[p]), default=None)
    return f"{best}:{unquote(iri[len(PREFIXES[best]):])}" if best else unquote(iri)


# -- printing ------------------------------------------------------------------------------


def _section(lines: list[str], title: str, facts: Sequence, describe: Callable) -> None:
    """One part of the report: each fact on a line, the sentences behind it under it; — when none."""
    lines.append(f"  {title}:")
    for fact in facts:
        lines.append(f"    {describe(fact)}")
        lines += _format_sources(fact.sources)
    if not facts:
        lines.append("    —")


def format_report(report: EntityReport) -> str:
    """The report as indented text: one block per entity, each fact followed by its sources."""
    blocks = [_format_entity(e) for e in report.entities]
    head = [f"{len(report.entities)} entities named {report.name}:", ""] if len(report.entities) > 1 else []
    return "\n".join(head + ["\n\n".join(blocks)]) + "\n"


def _format_entity(e: EntityExplanation) -> str:
    lines = [f"{_main_label(e)}  {_short(e.iri)}"]
    lines.append(f"  types:    {', '.join(e.types) or '—'}")
    lines.append(f"  labels:   {', '.join(f'{t} @{lang}' if lang else t for t, lang in e.labels) or '—'}")
    lines.append(f"  aliases:  {', '.join(e.aliases) or '—'}")
    lines.append("  articles:")
    lines += [f"    {_article(a.published, a.headline, a.iri)}" for a in e.articles] or ["    —"]
    _section(lines, "relations", e.relations, lambda r: f"{'←' if r.incoming else '→'} {r.predicate} {r.other}")
    _section(lines, "positions", e.positions, lambda p: f"{p.person}: {p.organization}"
             + (f" {p.title}" if p.title else "") + (f", known on {p.known_on}" if p.known_on else ""))
    _section(lines, "conferrals", e.conferrals,
             lambda c: f"{c.recipient} received {c.award}" + (f" at {c.event}" if c.event else ""))
    _section(lines, "quotes", e.quotes, lambda q: f"“{_one_line(q.text)}”")
    return "\n".join(lines)


def _main_label(e: EntityExplanation) -> str:
    korean = [t for t, lang in e.labels if lang == "ko"]
    return korean[0] if korean else (e.labels[0][0] if e.labels else _short(e.iri))


def _article(published: str | None, headline: str | None, iri: str) -> str:
    parts = [p for p in (published, headline) if p]
    parts.append(_short(iri) if iri else "")
    return " ".join(p for p in parts if p)


def _format_sources(sources: tuple[Source, ...]) -> list[str]:
    if not sources:
        return ["        (no evidence recorded)"]
    out = []
    for s in sources:
        # the headline is listed once under "articles"; a source names its article by date and IRI
        where = [p for p in (s.published, _short(s.article) if s.article else None,
                             f"rule {s.rule}" if s.rule else None) if p]
        out.append(f"        “{_one_line(s.sentence)}” ({', '.join(where)})")
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


__all__ = [
    "ArticleRef",
    "ConferralFact",
    "EntityExplanation",
    "EntityReport",
    "PositionFact",
    "QuoteFact",
    "RelationFact",
    "Source",
    "explain",
    "format_report",
]
