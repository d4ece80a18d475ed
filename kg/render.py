"""The interactive HTML view of a graph: one self-contained page, readable offline.

``render_html(graph, out)`` draws every entity of the seven core types as a
node (a colour and a shape per type) and the eight direct relations as edges
labelled in Korean, with the English property name on hover. The page has:

- filters: a checkbox for each entity type and each relation type;
- a search box with suggestions over labels, aliases and romanised labels;
- a side panel for the clicked node: its names, type, every relation in and
  out, and the evidence sentences with their article's headline, date and link,
  while the rest of the graph is dimmed;
- a physics on/off button and a "save PNG" button.

It inlines vis-network from pyvis's own copy and links nothing: it opens from a
file with no network. Above ``PHYSICS_LIMIT`` nodes the positions are computed
here (a pivot-MDS start refined by a grid-based force layout, both O(n)) and the
page starts with physics off and straight edges, so 10,000 nodes draw at once.

Article text reaches the page only as JSON inside a script, escaped so that it
can neither end the script nor be read as markup; the page shows it through
``textContent`` and vis-network's text tooltips, never as HTML.
"""
from __future__ import annotations

import json
import math
import os
import re
import uuid
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import numpy as np
from jinja2 import Environment
from markupsafe import Markup
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.term import Node

from .errors import ExportError
from .models import EntityType, Predicate
from .vocab import KGO, PROV, SCHEMA

__all__ = ["html_page", "render_html", "PHYSICS_LIMIT"]

# Above this many nodes the browser's physics gets sluggish (and in a GPU-less
# browser it never settles), so positions are computed here and physics is off.
PHYSICS_LIMIT = 300
_MAX_SENTENCE = 400
_TIP_EVIDENCE = 2  # sentences in an edge's hover tooltip; the side panel shows them all
_TEMPLATE = "view.html.j2"
_VIS_DIR = ("lib", "vis-9.1.2")


@dataclass(frozen=True)
class _Style:
    korean: str
    color: str
    shape: str  # a vis-network shape whose label sits below it
    svg: str  # the same shape for the legend, in a 16×16 box


_OTHER = "Other"
_STYLES: dict[str, _Style] = {
    EntityType.PERSON.value: _Style("인물", "#4E79A7", "dot", '<circle cx="8" cy="8" r="6"/>'),
    EntityType.ORGANIZATION.value: _Style("조직", "#F28E2B", "square", '<rect x="2" y="2" width="12" height="12"/>'),
    EntityType.AWARD.value: _Style(
        "상", "#EDC948", "star",
        '<polygon points="8,1 9.8,6 15,6 10.8,9.2 12.4,14.5 8,11.3 3.6,14.5 5.2,9.2 1,6 6.2,6"/>',
    ),
    EntityType.POLICY.value: _Style("정책", "#59A14F", "diamond", '<polygon points="8,1 15,8 8,15 1,8"/>'),
    EntityType.EVENT.value: _Style("행사", "#E15759", "triangle", '<polygon points="8,1 15,14 1,14"/>'),
    EntityType.VENUE.value: _Style(
        "장소", "#B07AA1", "hexagon", '<polygon points="4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8"/>'
    ),
    EntityType.LOCATION.value: _Style("지역", "#76B7B2", "triangleDown", '<polygon points="1,2 15,2 8,15"/>'),
    _OTHER: _Style("기타", "#BAB0AC", "dot", '<circle cx="8" cy="8" r="5"/>'),
}

_RELATION_KOREAN: dict[Predicate, str] = {
    Predicate.AFFILIATED_WITH: "소속",
    Predicate.RECEIVED_AWARD: "수상",
    Predicate.HELD_AT: "개최 장소",
    Predicate.LOCATED_IN: "위치",
    Predicate.ORGANIZED_BY: "주최",
    Predicate.PROMOTES: "추진",
    Predicate.PARTICIPATED_IN: "참가",
    Predicate.PARTNERED_WITH: "협력",
}

_CLASS_TYPES = {KGO[t.value]: t for t in EntityType}
_PREDICATES = {KGO[p.value]: p for p in Predicate}
_WEB_URL = re.compile(r"^https?://", re.I)
# System fonts only (no web font is fetched), Korean ones first, for the page and the canvas labels.
_FONTS = '"Noto Sans KR", "Noto Sans CJK KR", NanumGothic, "Malgun Gothic", "Apple SD Gothic Neo", sans-serif'


# ── reading the graph ────────────────────────────────────────────────────────

_Source = tuple[str, str]  # (evidence sentence, article IRI or "")


@dataclass
class _NodeInfo:
    type: EntityType | None
    label: str
    aliases: list[str]
    latin: list[str]  # rdfs:label @ko-Latn, the romanised name
    evidence: set[_Source] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)  # schema:mentions


@dataclass
class _EdgeInfo:
    titles: set[str] = field(default_factory=set)  # from Positions, for affiliatedWith
    events: set[str] = field(default_factory=set)  # from AwardConferrals, for receivedAward
    evidence: set[_Source] = field(default_factory=set)


@dataclass(frozen=True)
class _Article:
    headline: str
    date: str
    url: str  # only an http(s) address, else ""


def _local_name(iri: Node) -> str:
    """The last path segment of an IRI, percent-decoded: a label of last resort."""
    text = str(iri).rstrip("/")
    return unquote(text.rsplit("/", 1)[-1].rsplit("#", 1)[-1]) or text


def _names(graph: Graph, node: Node) -> tuple[str, list[str], list[str]]:
    """The Korean rdfs:label (else any label, else the IRI's last segment), the other names, the romanised ones."""
    labels = sorted(graph.objects(node, RDFS.label), key=lambda l: (str(getattr(l, "language", "") or ""), str(l)))
    korean = [str(l) for l in labels if isinstance(l, Literal) and (l.language or "").lower() == "ko"]
    latin = sorted({str(l) for l in labels if isinstance(l, Literal) and (l.language or "").lower() == "ko-latn"})
    main = korean[0] if korean else (str(labels[0]) if labels else _local_name(node))
    others = {str(l) for l in labels} | {str(a) for a in graph.objects(node, SKOS.altLabel)}
    others -= {main, *latin}
    return main, sorted(others), latin


def _entity_type(graph: Graph, node: Node) -> EntityType | None:
    found = [_CLASS_TYPES[c] for c in graph.objects(node, RDF.type) if c in _CLASS_TYPES]
    order = list(EntityType)
    return min(found, key=order.index) if found else None


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_SENTENCE else text[: _MAX_SENTENCE - 1] + "…"


def _sources(graph: Graph, holder: Node) -> set[_Source]:
    """The evidence sentences a statement or qualified node carries, each with the article it came from."""
    articles = sorted(str(a) for a in graph.objects(holder, PROV.wasDerivedFrom) if isinstance(a, URIRef)) or [""]
    return {(_sentence(str(t)), a) for t in graph.objects(holder, KGO.evidenceText) for a in articles}


def _articles(graph: Graph) -> dict[str, _Article]:
    out = {}
    for iri in sorted(set(graph.subjects(RDF.type, SCHEMA.NewsArticle))):
        url = str(graph.value(iri, SCHEMA.url) or "")
        out[str(iri)] = _Article(
            headline=" ".join(str(graph.value(iri, SCHEMA.headline) or "").split()),
            date=str(graph.value(iri, SCHEMA.datePublished) or ""),
            url=url if _WEB_URL.match(url) else "",  # never a javascript: or file: link
        )
    return out


def _collect(graph: Graph) -> tuple[dict[Node, _NodeInfo], dict[tuple[Node, Predicate, Node], _EdgeInfo]]:
    """The entities to draw and the relations between them, with their evidence."""
    entities: set[Node] = {s for cls in _CLASS_TYPES for s in graph.subjects(RDF.type, cls)}
    edges: dict[tuple[Node, Predicate, Node], _EdgeInfo] = defaultdict(_EdgeInfo)

    def add_edge(s: Node, p: Predicate, o: Node) -> _EdgeInfo:
        if isinstance(s, Literal) or isinstance(o, Literal):
            return _EdgeInfo()  # not a relation between entities: not drawn
        if p is Predicate.PARTNERED_WITH and (o, p, s) in edges:
            return edges[(o, p, s)]  # symmetric: one edge per pair
        entities.update((s, o))
        return edges[(s, p, o)]

    for iri, predicate in _PREDICATES.items():
        for s, o in sorted(graph.subject_objects(iri)):
            add_edge(s, predicate, o)

    # qualified nodes: a Position names the affiliation's title, a conferral its event
    for person, position in sorted(graph.subject_objects(KGO.holdsPosition)):
        for org in sorted(graph.objects(position, KGO.organization)):
            info = add_edge(person, Predicate.AFFILIATED_WITH, org)
            info.titles.update(str(t) for t in graph.objects(position, KGO.title))
            info.evidence |= _sources(graph, position)
    for conferral in sorted(graph.subjects(RDF.type, KGO.AwardConferral)):
        for recipient in graph.objects(conferral, KGO.recipient):
            for award in graph.objects(conferral, KGO.award):
                info = add_edge(recipient, Predicate.RECEIVED_AWARD, award)
                info.events.update(_names(graph, e)[0] for e in graph.objects(conferral, KGO.event))
                info.evidence |= _sources(graph, conferral)

    nodes: dict[Node, _NodeInfo] = {}
    for node in sorted(entities):
        label, aliases, latin = _names(graph, node)
        mentions = {str(a) for a in graph.subjects(SCHEMA.mentions, node)}
        nodes[node] = _NodeInfo(_entity_type(graph, node), label, aliases, latin, articles=mentions)

    # evidence sentences: reified statements about a node or an edge, and
    # qualified nodes (positions, conferrals, quotes) that refer to a node
    for holder in set(graph.subjects(KGO.evidenceText, None)):
        found = _sources(graph, holder)
        if (holder, RDF.type, RDF.Statement) in graph:
            s = graph.value(holder, RDF.subject)
            p = _PREDICATES.get(graph.value(holder, RDF.predicate))
            o = graph.value(holder, RDF.object)
            for end in (s, o):
                if end in nodes:
                    nodes[end].evidence |= found
            if p is not None:
                for key in ((s, p, o), (o, p, s)):
                    if key in edges:
                        edges[key].evidence |= found
            continue
        if holder in nodes:  # evidence given on the entity itself
            nodes[holder].evidence |= found
            continue
        for linked in {*graph.objects(holder, None), *graph.subjects(None, holder)}:
            if linked in nodes:
                nodes[linked].evidence |= found
    return nodes, dict(edges)


# ── page data ────────────────────────────────────────────────────────────────


def _node_data(index: int, iri: Node, info: _NodeInfo, degree: int, evidence: dict[_Source, int],
               articles: dict[str, int]) -> dict[str, Any]:
    """One node for vis-network, with what the side panel shows; lists only when not empty (10,000 nodes add up)."""
    group = info.type.value if info.type else _OTHER
    style = _STYLES[group]
    lines = [info.label, f"유형: {style.korean} ({group})"]
    if info.aliases:
        lines.append("별칭: " + ", ".join(info.aliases))
    if info.latin:
        lines.append("로마자: " + ", ".join(info.latin))
    if info.articles:
        lines.append(f"언급된 기사: {len(info.articles)}건")
    lines.append("클릭: 관계와 근거 문장")
    data: dict[str, Any] = {
        "id": index,  # a number, not the IRI: edges name their ends 20,000 times over
        "iri": str(iri),
        "label": info.label,
        "group": group,
        "size": round(12 + 4 * math.log2(1 + degree), 1),
        "title": "\n".join(lines),  # vis-network shows a string tooltip as text (innerText), never as HTML
    }
    lists = {
        "aliases": info.aliases,
        "latin": info.latin,
        "mentions": sorted(articles[a] for a in info.articles if a in articles),
        "evidence": sorted(evidence[s] for s in info.evidence),
    }
    data.update((key, value) for key, value in lists.items() if value)
    return data


def _edge_data(index: int, key: tuple[Node, Predicate, Node], info: _EdgeInfo, names: dict[Node, str],
               ids: dict[Node, int], evidence: dict[_Source, int]) -> dict[str, Any]:
    s, predicate, o = key
    korean = _RELATION_KOREAN[predicate]
    titles = sorted(info.titles)
    label = ", ".join(titles) if predicate is Predicate.AFFILIATED_WITH and titles else korean
    arrow = "↔" if predicate is Predicate.PARTNERED_WITH else "→"
    notes = []
    if titles:
        notes.append("직함: " + ", ".join(titles))
    if info.events:
        notes.append("행사: " + ", ".join(sorted(info.events)))
    sentences = sorted(info.evidence)
    tip = [f"{predicate.value} ({korean})", f"{names[s]} {arrow} {names[o]}", *notes]
    tip += [f"“{sentence}”" for sentence, _ in sentences[:_TIP_EVIDENCE]]
    if len(sentences) > _TIP_EVIDENCE:
        tip.append(f"… 근거 문장 {len(sentences)}개")
    data: dict[str, Any] = {
        "id": index,
        "from": ids[s],
        "to": ids[o],
        "label": label,
        "rel": predicate.value,
        "title": "\n".join(tip),
    }
    if notes:
        data["notes"] = notes
    if info.evidence:
        data["evidence"] = sorted(evidence[e] for e in info.evidence)
    if predicate is Predicate.PARTNERED_WITH:
        data["arrows"] = {"to": {"enabled": False}}
    return data


def _options(physics: bool) -> dict[str, Any]:
    """vis-network options. A big graph starts still, with straight edges (curves cost a third of the draw)."""
    return {
        "groups": {
            group: {"shape": style.shape,
                    "color": {"background": style.color, "border": "#555555",
                              "highlight": {"background": style.color, "border": "#111111"},
                              "hover": {"background": style.color, "border": "#111111"}}}
            for group, style in _STYLES.items()
        },
        "nodes": {"font": {"size": 14, "face": _FONTS}, "borderWidth": 1},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "font": {"size": 12, "align": "horizontal", "strokeWidth": 3, "face": _FONTS},  # Korean reads level
            "color": {"color": "#9a9a9a", "highlight": "#333333", "hover": "#555555"},
            "smooth": {"enabled": True, "type": "continuous"} if physics else False,
        },
        "physics": (
            {
                "enabled": True,
                "solver": "forceAtlas2Based",
                "forceAtlas2Based": {"gravitationalConstant": -70, "springLength": 130, "avoidOverlap": 0.4},
                "stabilization": {"enabled": True, "iterations": 300},
            }
            if physics
            else {"enabled": False}
        ),
        "layout": {"improvedLayout": physics},
        "interaction": {"hover": True, "tooltipDelay": 150, "keyboard": {"enabled": True, "bindToWindow": False},
                        "hideEdgesOnDrag": not physics, "hideEdgesOnZoom": not physics},
    }


# ── layout for big graphs ────────────────────────────────────────────────────
#
# networkx's spring layout is quadratic (minutes at 10,000 nodes). Here each
# connected component starts from pivot MDS (Brandes & Pich: classical scaling
# of the breadth-first distances to a few dozen pivots, O(pivots · edges)), and
# the whole drawing is refined by a Fruchterman–Reingold force layout whose
# repulsion is read from a density grid convolved by FFT (O(nodes + grid²) per
# step). Every step is arithmetic on fixed inputs: the same graph, the same picture.

_SPACING = 80.0  # pixels between neighbouring nodes in the middle of the drawing: room for a label
_PIVOTS = 30
_STEPS = 60
_GRAVITY = 0.02  # keeps separate components around the middle instead of flying apart


def _components(adjacency: list[list[int]]) -> list[list[int]]:
    seen = [False] * len(adjacency)
    out = []
    for start in range(len(adjacency)):
        if seen[start]:
            continue
        seen[start] = True
        component = [start]
        for u in component:  # grows while it is read: a breadth-first walk
            for v in adjacency[u]:
                if not seen[v]:
                    seen[v] = True
                    component.append(v)
        out.append(component)
    return sorted(out, key=lambda c: (-len(c), c[0]))


def _hops(adjacency: list[list[int]], source: int, local: dict[int, int]) -> np.ndarray:
    """Breadth-first distances from ``source`` to every node of its component (indexed by ``local``)."""
    dist = np.zeros(len(local))
    seen = {source}
    level, k = [source], 0
    while level:
        k += 1
        following = []
        for u in level:
            for v in adjacency[u]:
                if v not in seen:
                    seen.add(v)
                    dist[local[v]] = k
                    following.append(v)
        level = following
    return dist


def _pivot_mds(adjacency: list[list[int]], component: list[int]) -> np.ndarray:
    """Pivot MDS of one component, in units of one edge length."""
    n = len(component)
    local = {v: i for i, v in enumerate(component)}
    pivot = max(component, key=lambda v: (len(adjacency[v]), -v))  # the best-connected node first
    rows, nearest = [], np.full(n, np.inf)
    for _ in range(min(_PIVOTS, n)):
        row = _hops(adjacency, pivot, local)
        rows.append(row)
        nearest = np.minimum(nearest, row)
        far = int(np.argmax(nearest))  # the next pivot: the node farthest from every pivot so far
        if nearest[far] == 0:
            break
        pivot = component[far]
    d2 = np.array(rows).T ** 2
    centred = -0.5 * (d2 - d2.mean(axis=0) - d2.mean(axis=1, keepdims=True) + d2.mean())
    u, s, _ = np.linalg.svd(centred, full_matrices=False)
    xy = np.zeros((n, 2))
    axes = min(2, len(s))
    xy[:, :axes] = u[:, :axes] * s[:axes]
    for a in range(2):  # an SVD's signs are arbitrary: fix them so the picture is too
        if xy[int(np.argmax(np.abs(xy[:, a]))), a] < 0:
            xy[:, a] *= -1
    spread = float(np.abs(xy).max())
    return xy * (math.sqrt(n) / spread) if spread > 0 else xy


def _jitter(n: int) -> np.ndarray:
    """A fixed pseudo-random offset per node in [-0.5, 0.5)², so nodes on one spot can part."""
    i = np.arange(n, dtype=float)
    return np.stack([(np.sin(i * 12.9898) * 43758.5453) % 1.0, (np.sin(i * 78.233) * 12345.6789) % 1.0], 1) - 0.5


def _repulsion(xy: np.ndarray) -> np.ndarray:
    """The Fruchterman–Reingold repulsion (1/distance) on each node, from a density grid convolved by FFT."""
    low = xy.min(axis=0) - 2.0
    extent = float((xy.max(axis=0) + 2.0 - low).max())
    size = int(min(256, max(16, 2 ** math.ceil(math.log2(extent)))))  # cells about one edge length or finer
    cell = extent / size
    density, _, _ = np.histogram2d(xy[:, 0], xy[:, 1], bins=size,
                                   range=[[low[0], low[0] + extent], [low[1], low[1] + extent]])
    r = np.arange(2 * size)
    r = np.minimum(r, 2 * size - r) * cell  # twice the grid, so the convolution does not wrap around
    kernel = -np.log(np.maximum(np.hypot(r[:, None], r[None, :]), cell / 2))
    padded = np.zeros((2 * size, 2 * size))
    padded[:size, :size] = density
    potential = np.fft.irfft2(np.fft.rfft2(padded) * np.fft.rfft2(kernel), s=padded.shape)[:size, :size]
    gx, gy = np.gradient(potential, cell)
    at = np.clip(((xy - low) / cell).astype(int), 0, size - 1)
    return -np.stack([gx[at[:, 0], at[:, 1]], gy[at[:, 0], at[:, 1]]], axis=1)


def _close_repulsion(xy: np.ndarray) -> np.ndarray:
    """Exact repulsion between nodes less than one edge length apart.

    The density grid cannot tell apart nodes in one cell: two leaves of a hub
    would settle on the same spot. Pairs are found by sorting the nodes into
    unit cells and pairing each with the nodes of its own and the eight
    neighbouring cells; once the grid has spread the drawing out that is a few
    pairs per node.
    """
    n = len(xy)
    cell = np.floor(xy).astype(np.int64)
    cell -= cell.min(axis=0) - 1
    width = int(cell[:, 1].max()) + 2
    key = cell[:, 0] * width + cell[:, 1]
    order = np.argsort(key, kind="stable")
    keys, starts, counts = np.unique(key[order], return_index=True, return_counts=True)
    mine, theirs = [], []
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            wanted = key + dx * width + dy
            at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
            count = np.where(keys[at] == wanted, counts[at], 0)
            if not count.any():
                continue
            first = np.repeat(starts[at], count)
            offset = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
            mine.append(np.repeat(np.arange(n), count))
            theirs.append(order[first + offset])
    i, j = np.concatenate(mine), np.concatenate(theirs)
    i, j = i[i != j], j[i != j]
    apart = xy[i] - xy[j]
    d2 = np.maximum((apart ** 2).sum(axis=1), 1e-6)
    weight = np.where(d2 < 1.0, 1.0 / d2, 0.0)
    return np.stack([np.bincount(i, apart[:, 0] * weight, n), np.bincount(i, apart[:, 1] * weight, n)], axis=1)


def _refine(xy: np.ndarray, source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Fruchterman–Reingold steps with a cooling step size; close pairs repel exactly in the last third."""
    n = len(xy)
    step = math.sqrt(n) * 0.05
    for k in range(_STEPS):
        push = _repulsion(xy) - _GRAVITY * (xy - xy.mean(axis=0))
        if k >= _STEPS * 2 // 3:
            push += _close_repulsion(xy)
        span = xy[source] - xy[target]
        pull = span * np.hypot(span[:, 0], span[:, 1])[:, None]  # springs: length² along the edge
        for axis in range(2):
            push[:, axis] -= np.bincount(source, pull[:, axis], n)
            push[:, axis] += np.bincount(target, pull[:, axis], n)
        length = np.maximum(np.hypot(push[:, 0], push[:, 1]), 1e-9)[:, None]
        xy = xy + push / length * np.minimum(length, step)
        step = max(step * 0.93, 0.1)
    return xy


def _positions(count: int, links: list[tuple[int, int]]) -> list[tuple[float, float]]:
    """Fixed positions in pixels for nodes 0…count-1: O(nodes + edges) per step, deterministic."""
    pairs = sorted({(min(a, b), max(a, b)) for a, b in links if a != b})
    adjacency: list[list[int]] = [[] for _ in range(count)]
    for a, b in pairs:
        adjacency[a].append(b)
        adjacency[b].append(a)
    xy = np.zeros((count, 2))
    # components start side by side on a sunflower spiral, the biggest in the middle
    golden = math.pi * (3 - math.sqrt(5))
    area = 0.0
    for i, component in enumerate(_components(adjacency)):
        radius = math.sqrt(area) * 1.1
        area += len(component) + 4
        centre = (radius * math.cos(i * golden), radius * math.sin(i * golden))
        start = _pivot_mds(adjacency, component) if len(component) > 2 else np.zeros((len(component), 2))
        xy[component] = start + centre
    xy += _jitter(count)
    if pairs:
        source, target = np.array(pairs).T
    else:
        source = target = np.zeros(0, dtype=int)
    xy = _refine(xy, source, target)
    return [(round(float(x), 1), round(float(y), 1)) for x, y in xy * (_SPACING / _typical_spacing(xy))]


def _typical_spacing(xy: np.ndarray) -> float:
    """The distance between nodes where they are densest: the square root of the area per node in the middle box."""
    low, high = np.percentile(xy, 25, axis=0), np.percentile(xy, 75, axis=0)
    inside = int(np.all((xy >= low) & (xy <= high), axis=1).sum())
    area = float(np.prod(high - low))
    return math.sqrt(area / inside) if inside and area > 0 else 1.0



# ── the page ─────────────────────────────────────────────────────────────────


def _script_json(value: Any) -> Markup:
    """``value`` as JSON that can stand inside a <script> element.

    Escaping "<" keeps "</script>" and "<!--" out of the script; ">" and "&"
    are escaped for good measure; U+2028/U+2029 end lines in older JavaScript.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return Markup(text)


def _inline(text: str, closing: str) -> Markup:
    """A bundled script or style sheet, unable to close its element early."""
    for bad, safe in ((f"</{closing}", f"<\\/{closing}"), (f"</{closing.upper()}", f"<\\/{closing.upper()}"), ("<!--", "<\\!--")):
        text = text.replace(bad, safe)
    return Markup(text)


def _bundled(name: str) -> str:
    """A file of pyvis's bundled vis-network (lib/vis-9.1.2)."""
    path = resources.files("pyvis").joinpath(*_VIS_DIR, name)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as e:
        raise ExportError(
            f"pyvis's bundled {'/'.join(_VIS_DIR)}/{name} cannot be read ({e.__class__.__name__}): "
            "reinstall pyvis (pip install 'pyvis>=0.3.2,<0.4')"
        ) from e


def _template_text() -> str:
    try:
        return resources.files("kg.assets").joinpath(_TEMPLATE).read_text(encoding="utf-8")
    except (ModuleNotFoundError, NotADirectoryError, FileNotFoundError):
        # an editable install on Python 3.11 may not resolve kg.assets: read it beside this file
        return (Path(__file__).resolve().parent / "assets" / _TEMPLATE).read_text(encoding="utf-8")


def _page_data(graph: Graph) -> dict[str, Any]:
    """Everything the page's script reads: nodes, edges, evidence, articles, filters, options."""
    infos, edge_infos = _collect(graph)
    article_info = _articles(graph)
    # every article an evidence sentence or a mention points to, even one without metadata
    wanted = sorted({a for info in infos.values() for a in info.articles}
                    | {a for info in [*infos.values(), *edge_infos.values()] for _, a in info.evidence if a})
    articles = {iri: i for i, iri in enumerate(wanted)}
    sources = sorted({s for info in [*infos.values(), *edge_infos.values()] for s in info.evidence})
    evidence = {s: i for i, s in enumerate(sources)}

    degree: dict[Node, int] = defaultdict(int)
    for s, _, o in edge_infos:
        degree[s] += 1
        degree[o] += 1
    nodes = [_node_data(i, iri, info, degree[iri], evidence, articles) for i, (iri, info) in enumerate(infos.items())]
    names = {iri: info.label for iri, info in infos.items()}
    ids = {iri: i for i, iri in enumerate(infos)}
    edges = [
        _edge_data(i, key, edge_infos[key], names, ids, evidence)
        for i, key in enumerate(sorted(edge_infos, key=lambda k: (str(k[0]), k[1].value, str(k[2]))))
    ]
    physics = len(nodes) <= PHYSICS_LIMIT
    if not physics:
        for node, (x, y) in zip(nodes, _positions(len(nodes), [(e["from"], e["to"]) for e in edges])):
            node["x"], node["y"] = x, y

    type_counts = defaultdict(int, {g: 0 for g in _STYLES if g != _OTHER})
    for node in nodes:
        type_counts[node["group"]] += 1
    relation_counts = {p.value: 0 for p in Predicate}
    for edge in edges:
        relation_counts[edge["rel"]] += 1
    return {
        "nodes": nodes,
        "edges": edges,
        "evidence": [[sentence, articles[a] if a else -1] for sentence, a in sources],
        "articles": [
            {"iri": iri, **asdict(article_info.get(iri, _Article("", "", "")))}
            for iri in wanted
        ],
        "types": [
            {"group": g, "korean": _STYLES[g].korean, "color": _STYLES[g].color, "count": c}
            for g, c in type_counts.items()
        ],
        "relations": [
            {"rel": p.value, "korean": _RELATION_KOREAN[p], "count": relation_counts[p.value]} for p in Predicate
        ],
        "options": _options(physics),
    }


def _html(graph: Graph, title: str) -> str:
    data = _page_data(graph)
    env = Environment(autoescape=True)
    env.filters["script_json"] = _script_json
    template = env.from_string(_template_text())
    swatches = {g: Markup(f'<g fill="{s.color}" stroke="#555" stroke-width="0.8">{s.svg}</g>')
                for g, s in _STYLES.items()}
    return template.render(
        heading=title,
        data=data,
        swatches=swatches,
        font_stack=Markup(_FONTS),  # a constant: inside <style>, HTML escaping would break the quotes
        node_count=len(data["nodes"]),
        edge_count=len(data["edges"]),
        vis_js=_inline(_bundled("vis-network.min.js"), "script"),
        vis_css=_inline(_bundled("vis-network.css"), "style"),
    )


def html_page(graph: Graph, *, title: str = "kg") -> str:
    """The graph's interactive view as the text of one self-contained HTML page
    (what ``render_html`` writes), for a caller that writes it with other files."""
    return _html(graph, title)


def render_html(graph: Graph, out: Path, *, title: str = "kg") -> Path:
    """Write the graph's interactive view to ``out`` (one self-contained HTML file) and return ``out``.

    The file is written whole or not at all (a temporary file renamed into place).
    """
    out = Path(out)
    html = html_page(graph, title=title)
    # a temporary name in the same folder (so the rename is atomic), opened
    # with open() rather than mkstemp so the file gets the usual permissions
    tmp = out.with_name(f".{out.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(tmp, "x", encoding="utf-8", newline="\n") as f:
                f.write(html)
            os.replace(tmp, out)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as e:
        raise ExportError(f"{out}: cannot write the HTML view ({e.strerror or e}): choose a writable folder") from e
    return out
