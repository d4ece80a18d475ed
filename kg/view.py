"""What ``kg view`` draws: an entity's neighbourhood, some entity types, or everything.

    subgraph(graph, focus="오영주", depth=2)          → the entities within two links of 오영주
    subgraph(graph, types=entity_types("Person,Organization"))
    write_view(graph, "view.html", focus="중기부")     → subgraph + kg.render.render_html

The focus is found by rdfs:label or skos:altLabel (romanised labels too): the
exact name first, then ignoring case and spaces; namesakes are all kept. The
walk follows the links the view draws (the eight direct relations, a person's
posts to their organisation, a conferral's recipient to the award) in both
directions. The type filter applies after the walk, so
``--focus 오영주 --depth 2 --types Person`` gives the people two links away
even when an event stands between them; the focus itself always stays.

The result is a plain Graph: the kept entities with their names and types,
the relations among them, the rdf:Statement, Position, AwardConferral and
Quote nodes whose entities are all kept, and the articles behind them, so the
view shows the same evidence as for the whole graph.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.term import Node

from .errors import KGError
from .explain import match_names
from .graph import bind_prefixes
from .models import EntityType, Predicate
from .vocab import KGO, PROV, SCHEMA

__all__ = ["entity_types", "subgraph", "write_view"]

_ENTITY_CLASSES = frozenset(KGO[t.value] for t in EntityType)
_RELATIONS = frozenset(KGO[p.value] for p in Predicate)
_QUALIFIED_CLASSES = (KGO.Position, KGO.AwardConferral, KGO.Quote, RDF.Statement)
# article triples that name an entity: kept only when that entity is
_ARTICLE_LINKS = frozenset({SCHEMA.mentions, SCHEMA.author, SCHEMA.publisher})


def entity_types(text: str) -> tuple[EntityType, ...]:
    """``"Person,Organization"`` → the types, in the order given; names are matched ignoring case.

    :raises KGError: for a name that is not one of the seven types.
    """
    known = {t.value.casefold(): t for t in EntityType}
    out: list[EntityType] = []
    for name in (part.strip() for part in text.split(",")):
        if not name:
            continue
        if name.casefold() not in known:
            raise KGError(f"unknown entity type {name!r} in --types; use some of {','.join(t.value for t in EntityType)}")
        if known[name.casefold()] not in out:
            out.append(known[name.casefold()])
    if not out:
        raise KGError(f"--types {text!r} names no type; use some of {','.join(t.value for t in EntityType)}")
    return tuple(out)


def subgraph(graph: Graph, *, focus: str | None = None, depth: int = 1,
             types: Iterable[EntityType] | None = None) -> Graph:
    """The part of ``graph`` to draw: ``focus``'s ``depth``-link neighbourhood, of ``types`` only.

    ``graph`` is a Graph or a Dataset whose default graph is the union
    (kg.graph.load_graph). With neither ``focus`` nor ``types`` every entity is kept.

    :raises KGError: when no entity has the name ``focus`` (the message suggests
        close names) or ``depth`` is negative.
    """
    if depth < 0:
        raise KGError(f"--depth {depth}: give 0 (the entity alone) or more links")
    entities = {s for cls in _ENTITY_CLASSES for s in graph.subjects(RDF.type, cls)}
    kept = set(entities)
    centre: set[Node] = set()
    if focus is not None:
        centre = set(_find(graph, entities, focus))
        kept = _neighbourhood(graph, centre, depth)
    if types is not None:
        wanted = {KGO[t.value] for t in types}
        kept = {e for e in kept if e in centre or any(t in wanted for t in graph.objects(e, RDF.type))}
    return _copy(graph, entities, kept)


def write_view(graph: Graph, out: Path, *, focus: str | None = None, depth: int = 1,
               types: Iterable[EntityType] | None = None, title: str | None = None) -> Path:
    """Render ``subgraph(graph, …)`` to ``out`` (kg.render.render_html) and return ``out``."""
    from .render import render_html

    types = tuple(types) if types is not None else None
    part = subgraph(graph, focus=focus, depth=depth, types=types)
    if title is None:
        title = f"{focus} · {depth}단계 이웃" if focus is not None else "kg"
        if types is not None:
            title += " · " + ", ".join(t.value for t in types)
    return render_html(part, Path(out), title=title)


# -- finding the focus -----------------------------------------------------------------


def _find(graph: Graph, entities: set[Node], name: str) -> list[Node]:
    names: dict[Node, set[str]] = {}
    for predicate in (RDFS.label, SKOS.altLabel):
        for s, o in graph.subject_objects(predicate):
            if s in entities and isinstance(o, Literal):
                names.setdefault(s, set()).add(str(o))
    found, close = match_names(names, name)
    if found:
        return found
    hint = f"close names: {', '.join(close)}" if close else "check the spelling, or the graph given"
    raise KGError(f"--focus {name!r}: no entity has that rdfs:label or skos:altLabel; {hint}")


# -- walking ----------------------------------------------------------------------------


def _links(graph: Graph) -> dict[Node, set[Node]]:
    """Entity ↔ entity, as the view draws them: direct relations, posts, conferrals."""
    links: dict[Node, set[Node]] = {}

    def link(a: Node, b: Node) -> None:
        if isinstance(a, URIRef) and isinstance(b, URIRef) and a != b:
            links.setdefault(a, set()).add(b)
            links.setdefault(b, set()).add(a)

    for predicate in _RELATIONS:
        for s, o in graph.subject_objects(predicate):
            link(s, o)
    for person, position in graph.subject_objects(KGO.holdsPosition):
        for org in graph.objects(position, KGO.organization):
            link(person, org)
    for conferral in graph.subjects(RDF.type, KGO.AwardConferral):
        for recipient in graph.objects(conferral, KGO.recipient):
            for award in graph.objects(conferral, KGO.award):
                link(recipient, award)
    return links


def _neighbourhood(graph: Graph, centre: set[Node], depth: int) -> set[Node]:
    links = _links(graph)
    seen = set(centre)
    level = set(centre)
    for _ in range(depth):
        level = {n for node in level for n in links.get(node, ())} - seen
        if not level:
            break
        seen |= level
    return seen


# -- copying ----------------------------------------------------------------------------


def _copy(graph: Graph, entities: set[Node], kept: set[Node]) -> Graph:
    """The kept entities, the statements among them and the articles behind those statements."""
    out = Graph()
    bind_prefixes(out)
    qualified = {s for cls in _QUALIFIED_CLASSES for s in graph.subjects(RDF.type, cls)}

    def refers_to(node: Node) -> set[Node]:
        """The entities a qualified node names, and those that point at it (a Position's holder)."""
        return {n for n in (*graph.objects(node, None), *graph.subjects(None, node)) if n in entities}

    kept_qualified = {q for q in qualified if (refs := refers_to(q)) and refs <= kept}
    sources = {a for node in kept | kept_qualified for a in graph.objects(node, PROV.wasDerivedFrom)}
    articles = {a for a in graph.subjects(RDF.type, SCHEMA.NewsArticle)
                if a in sources or any(m in kept for m in graph.objects(a, SCHEMA.mentions))}

    def wanted(o: Node) -> bool:
        """An object that is an entity or a qualified node comes only if it is kept too."""
        if o in entities:
            return o in kept
        if o in qualified:
            return o in kept_qualified
        return True

    for node in kept | kept_qualified:
        for p, o in graph.predicate_objects(node):
            if wanted(o):
                out.add((node, p, o))
    for article in articles:
        for p, o in graph.predicate_objects(article):
            if p not in _ARTICLE_LINKS or o in kept:
                out.add((article, p, o))
    return out
