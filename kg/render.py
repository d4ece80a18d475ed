"""The interactive HTML view of a graph: one self-contained page, readable offline.

``render_html(graph, out)`` draws every entity of the seven core types as a
node (a colour and a shape per type, with a legend) and the eight direct
relations as edges labelled in Korean. Hovering shows a node's type, aliases
and a few evidence sentences. The page inlines vis-network from pyvis's own
copy and links nothing: it opens from a file with no network.

Article text reaches the page only as JSON inside a script, escaped so that it
can neither end the script nor be read as markup, and tooltips are built from
text nodes, never from HTML strings.

This is the only module that imports pyvis.
"""
from __future__ import annotations

import json
import math
import os
import urllib.parse
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import DictLoader, Environment
from markupsafe import Markup
from pyvis.network import Network
from rdflib import RDF, RDFS, SKOS, Graph, Literal
from rdflib.term import Node

from .errors import ExportError
from .models import EntityType, Predicate
from .vocab import KGO, SCHEMA

__all__ = ["render_html", "PHYSICS_LIMIT"]

# Above this many nodes the browser's physics simulation gets sluggish, so
# positions are computed here and physics is switched off.
PHYSICS_LIMIT = 300
# networkx's spring layout without scipy is dense (n² memory); bigger
# components get a radial layout instead.
_SPRING_LIMIT = 500
_MAX_EVIDENCE = 3
_MAX_SENTENCE = 200
_TEMPLATE = "view.html.j2"
_VIS_DIR = ("lib", "vis-9.1.2")


@dataclass(frozen=True)
class _Style:
    korean: str
    color: str
    shape: str  # a vis-network shape whose label sits below it
    svg: str  # the same shape for the legend, in a 16×16 box


_STYLES: dict[EntityType | None, _Style] = {
    EntityType.PERSON: _Style("인물", "#4E79A7", "dot", '<circle cx="8" cy="8" r="6"/>'),
    EntityType.ORGANIZATION: _Style("조직", "#F28E2B", "square", '<rect x="2" y="2" width="12" height="12"/>'),
    EntityType.AWARD: _Style(
        "상", "#EDC948", "star",
        '<polygon points="8,1 9.8,6 15,6 10.8,9.2 12.4,14.5 8,11.3 3.6,14.5 5.2,9.2 1,6 6.2,6"/>',
    ),
    EntityType.POLICY: _Style("정책", "#59A14F", "diamond", '<polygon points="8,1 15,8 8,15 1,8"/>'),
    EntityType.EVENT: _Style("행사", "#E15759", "triangle", '<polygon points="8,1 15,14 1,14"/>'),
    EntityType.VENUE: _Style(
        "장소", "#B07AA1", "hexagon", '<polygon points="4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8"/>'
    ),
    EntityType.LOCATION: _Style("지역", "#76B7B2", "triangleDown", '<polygon points="1,2 15,2 8,15"/>'),
    None: _Style("기타", "#BAB0AC", "dot", '<circle cx="8" cy="8" r="5"/>'),
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

_CLASS_TYPES = {getattr(KGO, t.value): t for t in EntityType}
_PREDICATES = {getattr(KGO, p.value): p for p in Predicate}


# ── reading the graph ────────────────────────────────────────────────────────


@dataclass
class _NodeInfo:
    type: EntityType | None
    label: str
    aliases: list[str] = field(default_factory=list)
    evidence: set[str] = field(default_factory=set)
    articles: int = 0


@dataclass
class _EdgeInfo:
    titles: set[str] = field(default_factory=set)  # from Positions, for affiliatedWith
    events: set[str] = field(default_factory=set)  # from AwardConferrals, for receivedAward
    evidence: set[str] = field(default_factory=set)


def _local_name(iri: Node) -> str:
    """The last path segment of an IRI, percent-decoded: a label of last resort."""
    text = str(iri).rstrip("/")
    return urllib.parse.unquote(text.rsplit("/", 1)[-1].rsplit("#", 1)[-1]) or text


def _label(graph: Graph, node: Node) -> tuple[str, list[str]]:
    """The Korean rdfs:label (else any label, else the IRI's last segment), and every other name."""
    labels = sorted(graph.objects(node, RDFS.label), key=lambda l: (str(getattr(l, "language", "") or ""), str(l)))
    korean = [str(l) for l in labels if isinstance(l, Literal) and l.language == "ko"]
    main = korean[0] if korean else (str(labels[0]) if labels else _local_name(node))
    others = {str(l) for l in labels} | {str(a) for a in graph.objects(node, SKOS.altLabel)}
    others.discard(main)
    return main, sorted(others)


def _entity_type(graph: Graph, node: Node) -> EntityType | None:
    found = [_CLASS_TYPES[c] for c in graph.objects(node, RDF.type) if c in _CLASS_TYPES]
    order = list(EntityType)
    return min(found, key=order.index) if found else None


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_SENTENCE else text[: _MAX_SENTENCE - 1] + "…"


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
            info.evidence.update(_sentence(str(t)) for t in graph.objects(position, KGO.evidenceText))
    for conferral in sorted(graph.subjects(RDF.type, KGO.AwardConferral)):
        for recipient in graph.objects(conferral, KGO.recipient):
            for award in graph.objects(conferral, KGO.award):
                info = add_edge(recipient, Predicate.RECEIVED_AWARD, award)
                info.events.update(_label(graph, e)[0] for e in graph.objects(conferral, KGO.event))
                info.evidence.update(_sentence(str(t)) for t in graph.objects(conferral, KGO.evidenceText))

    nodes: dict[Node, _NodeInfo] = {}
    for node in sorted(entities):
        label, aliases = _label(graph, node)
        articles = len(set(graph.subjects(SCHEMA.mentions, node)))
        nodes[node] = _NodeInfo(_entity_type(graph, node), label, aliases, articles=articles)

    # evidence sentences: reified statements about a node or an edge, and
    # qualified nodes (positions, conferrals, quotes) that refer to a node
    for holder, text in graph.subject_objects(KGO.evidenceText):
        sentence = _sentence(str(text))
        if (holder, RDF.type, RDF.Statement) in graph:
            s = graph.value(holder, RDF.subject)
            p = _PREDICATES.get(graph.value(holder, RDF.predicate))
            o = graph.value(holder, RDF.object)
            for end in (s, o):
                if end in nodes:
                    nodes[end].evidence.add(sentence)
            if p is not None:
                for key in ((s, p, o), (o, p, s)):
                    if key in edges:
                        edges[key].evidence.add(sentence)
            continue
        if holder in nodes:  # evidence given on the entity itself
            nodes[holder].evidence.add(sentence)
            continue
        for linked in graph.objects(holder, None):
            if linked in nodes:
                nodes[linked].evidence.add(sentence)
        for linked in graph.subjects(None, holder):
            if linked in nodes:
                nodes[linked].evidence.add(sentence)
    return nodes, dict(edges)


# ── page data ────────────────────────────────────────────────────────────────


def _node_data(iri: Node, info: _NodeInfo, degree: int) -> dict[str, Any]:
    style = _STYLES[info.type]
    english = info.type.value if info.type else "Other"
    lines = [f"유형: {style.korean} ({english})"]
    if info.aliases:
        lines.append("별칭: " + ", ".join(info.aliases))
    if info.articles:
        lines.append(f"언급된 기사: {info.articles}건")
    evidence = sorted(info.evidence)
    if len(evidence) > _MAX_EVIDENCE:
        lines.append(f"근거 문장 {_MAX_EVIDENCE}개 (전체 {len(evidence)}개):")
    elif evidence:
        lines.append("근거 문장:")
    return {
        "id": str(iri),
        "label": info.label,
        "aliases": info.aliases,
        "group": english,
        "shape": style.shape,
        "color": style.color,
        "size": round(12 + 4 * math.log2(1 + degree), 1),
        "tip": {"heading": info.label, "lines": lines, "evidence": evidence[:_MAX_EVIDENCE]},
    }


def _edge_data(index: int, key: tuple[Node, Predicate, Node], info: _EdgeInfo, names: dict[Node, str]) -> dict[str, Any]:
    s, predicate, o = key
    korean = _RELATION_KOREAN[predicate]
    titles = sorted(info.titles)
    label = ", ".join(titles) if predicate is Predicate.AFFILIATED_WITH and titles else korean
    arrow = "↔" if predicate is Predicate.PARTNERED_WITH else "→"
    lines = [f"{names[s]} {arrow} {names[o]}"]
    if titles:
        lines.append("직함: " + ", ".join(titles))
    if info.events:
        lines.append("행사: " + ", ".join(sorted(info.events)))
    evidence = sorted(info.evidence)
    return {
        "id": f"e{index}",
        "from": str(s),
        "to": str(o),
        "label": label,
        "arrows": {"to": {"enabled": predicate is not Predicate.PARTNERED_WITH}},
        "tip": {
            "heading": f"{predicate.value} ({korean})",
            "lines": lines,
            "evidence": evidence[:_MAX_EVIDENCE],
        },
    }


def _options(physics: bool) -> dict[str, Any]:
    return {
        "nodes": {"font": {"size": 14}, "borderWidth": 1},
        "edges": {
            "font": {"size": 11, "align": "middle", "strokeWidth": 3},
            "color": {"color": "#9a9a9a", "highlight": "#333333", "hover": "#555555"},
            "smooth": {"enabled": True, "type": "continuous"} if physics else False,
        },
        "physics": (
            {
                "enabled": True,
                "solver": "forceAtlas2Based",
                "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
                "stabilization": {"enabled": True, "iterations": 300},
            }
            if physics
            else {"enabled": False}
        ),
        "layout": {"improvedLayout": physics},
        "interaction": {"hover": True, "tooltipDelay": 150, "keyboard": True},
    }


# ── layout for big graphs ────────────────────────────────────────────────────


def _radial(component: nx.Graph) -> dict[str, tuple[float, float]]:
    """Rings around the best-connected node by breadth-first distance: O(n), for huge components."""
    root = min(component, key=lambda n: (-component.degree(n), n))
    angle = {root: 0.0}
    pos = {root: (0.0, 0.0)}
    level = [root]
    radius = 0.0
    while level:
        following: list[str] = []
        for parent in level:  # children stay near their parent's angle
            for child in sorted(component[parent]):
                if child not in angle:
                    angle[child] = angle[parent]
                    following.append(child)
        if not following:
            break
        following.sort(key=lambda n: (angle[n], n))
        radius = max(radius + 160.0, len(following) * 70.0 / (2 * math.pi))
        for i, node in enumerate(following):
            a = 2 * math.pi * i / len(following)
            angle[node] = a
            pos[node] = (radius * math.cos(a), radius * math.sin(a))
        level = following
    return pos


def _component_layout(component: nx.Graph) -> dict[str, tuple[float, float]]:
    n = component.number_of_nodes()
    if n == 1:
        return {next(iter(component)): (0.0, 0.0)}
    if n >= _SPRING_LIMIT:
        return _radial(component)
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(component))
    ordered.add_edges_from(sorted(component.edges()))
    raw = nx.spring_layout(ordered, seed=7, iterations=50 if n <= 200 else 25)
    scale = 70.0 * math.sqrt(n)
    return {node: (float(x) * scale, float(y) * scale) for node, (x, y) in raw.items()}


def _positions(node_ids: list[str], links: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Fixed positions: each connected component laid out alone, the components packed in rows."""
    whole = nx.Graph()
    whole.add_nodes_from(node_ids)
    whole.add_edges_from(links)
    components = sorted(
        (whole.subgraph(c) for c in nx.connected_components(whole)),
        key=lambda c: (-c.number_of_nodes(), min(c)),
    )
    laid = []
    for component in components:
        pos = _component_layout(component)
        xs = [x for x, _ in pos.values()]
        ys = [y for _, y in pos.values()]
        laid.append((pos, min(xs), min(ys), max(xs) - min(xs) + 160.0, max(ys) - min(ys) + 120.0))
    row_width = max(max(w for *_, w, _ in laid), math.sqrt(sum(w * h for *_, w, h in laid)) * 1.3)
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for pos, min_x, min_y, width, height in laid:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in pos.items():
            out[node] = (round(x + px - min_x, 1), round(y + py - min_y, 1))
        x += width
        row_height = max(row_height, height)
    return out


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


def _json_text(text: str) -> Markup:
    """JSON text already written (pyvis's options) made safe to stand inside a <script> element."""
    return _script_json(json.loads(text))


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


def _network(graph: Graph, title: str) -> Network:
    """A pyvis Network holding the page's nodes, edges and options, with kg's own template."""
    infos, edge_infos = _collect(graph)
    degree: dict[Node, int] = defaultdict(int)
    for s, _, o in edge_infos:
        degree[s] += 1
        degree[o] += 1
    nodes = [_node_data(iri, info, degree[iri]) for iri, info in infos.items()]
    names = {iri: info.label for iri, info in infos.items()}
    edges = [
        _edge_data(i, key, edge_infos[key], names)
        for i, key in enumerate(sorted(edge_infos, key=lambda k: (str(k[0]), k[1].value, str(k[2]))))
    ]
    physics = len(nodes) <= PHYSICS_LIMIT
    if not physics:
        where = _positions([n["id"] for n in nodes], [(e["from"], e["to"]) for e in edges])
        for node in nodes:
            node["x"], node["y"] = where[node["id"]]

    # "remote" only names a mode pyvis accepts; the template below replaces
    # pyvis's, so nothing is fetched and no lib/ folder is written
    net = Network(height="100%", width="100%", directed=True, heading=title, cdn_resources="remote")
    net.nodes = nodes  # filled directly: add_node one by one is slow for big graphs
    net.edges = edges
    net.node_ids = [n["id"] for n in nodes]
    net.node_map = {n["id"]: n for n in nodes}
    net.options = _options(physics)
    env = Environment(loader=DictLoader({_TEMPLATE: _template_text()}), autoescape=True)
    env.filters["script_json"] = _script_json
    env.filters["json_text"] = _json_text
    env.globals.update(
        vis_js=_inline(_bundled("vis-network.min.js"), "script"),
        vis_css=_inline(_bundled("vis-network.css"), "style"),
        legend=[
            {"svg": Markup(f'<g fill="{s.color}" stroke="#555" stroke-width="0.8">{s.svg}</g>'),
             "korean": s.korean, "english": t.value}
            for t, s in _STYLES.items() if t is not None
        ],
        relations="관계: " + " · ".join(f"{k} {p.value}" for p, k in _RELATION_KOREAN.items()),
    )
    net.templateEnv = env
    net.path = _TEMPLATE
    return net


def render_html(graph: Graph, out: Path, *, title: str = "kg") -> Path:
    """Write the graph's interactive view to ``out`` (one self-contained HTML file) and return ``out``.

    The file is written whole or not at all (a temporary file renamed into place).
    """
    out = Path(out)
    html = _network(graph, title).generate_html()
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
