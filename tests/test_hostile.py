"""Hostile content: whatever an article holds stays text, in every output, and injects nothing.

Names, headlines, quotes, ids and addresses carrying markup, quotes, backslashes,
newlines, control characters and would-be RDF syntax are written to Turtle,
TriG, N-Quads and JSON-LD and read back by two independent parsers (rdflib and
Oxigraph): the graphs read back are exactly the graph built, every subject is
one of kg's minted IRIs and every predicate one of kg's vocabulary. The same
holds for the real pipeline (reader and extractor) on hostile Korean text.
"""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, XSD, BNode, Dataset, Literal, URIRef
from rdflib.namespace import SKOS

import kg
from kg.config import BuildConfig
from kg.export import ExportFormat, csv_paths, export
from kg.graph import build_dataset, union_graph
from kg.models import (Article, Conferral, Entity, EntityType, Evidence, Extraction, Position, Predicate, Quote,
                       Relation)
from kg.vocab import KGO, KGR, PROV, SCHEMA

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    'say "hi"',
    "back\\slash\\",
    "two\nlines\r\nand\ttab",
    "a > b < c",
    "bell\x07 nul\x00 esc\x1b[31m del\x7f nel\x85",
    "> <http://evil.example/s> <http://evil.example/p> <http://evil.example/o> .",
    '""" ; a kgo:Person ; rdfs:label "pwned" .',
    "''' ; a kgo:Person .",
    'ends with a quote"',
    "\\u0022 \\U00000041 \\n",
    "} } GRAPH <http://evil.example/g> { <http://evil.example/s> a kgo:Person }",
    '{"@id": "http://evil.example/s", "@type": "kgo:Person"}',
    "\u2028\u2029\ufeff\u200b",
    "이름 🚀 ·ㆍ‧ 「」『』",
    "100% [sic] #1 #2 %zz ?q=1",
]
EVIL = "http://evil.example/"
FORMATS = {
    ExportFormat.TTL: ("turtle", ox.RdfFormat.TURTLE),
    ExportFormat.TRIG: ("trig", ox.RdfFormat.TRIG),
    ExportFormat.NQ: ("nquads", ox.RdfFormat.N_QUADS),
    ExportFormat.JSONLD: ("json-ld", ox.RdfFormat.JSON_LD),
}
VOCABULARIES = (str(KGO), str(SCHEMA), str(PROV), str(RDF), str(RDFS), str(SKOS))


def hostile_extraction(n: int, hostile: str) -> Extraction:
    """Every string of an extraction that reaches the graph carries ``hostile``."""
    aid = f"{hostile}#{n}"
    sentence = f"{hostile} 한빛정밀 대표는 {hostile}라고 말했다."
    ev = Evidence(aid, sentence, 0, len(sentence), f"rule {hostile}")
    names = {t: f"{t.value} {hostile}" for t in EntityType}
    keys = {t: f"{t.value}/{name}" for t, name in names.items()}
    P, T = Predicate, EntityType
    return Extraction(
        article=Article(id=aid, text=sentence, source=f"{hostile}.txt", title=hostile,
                        published=dt.date(2024, 11, 14), author=hostile, publisher=hostile,
                        url=f"https://news.example/{hostile}"),
        entities=tuple(Entity(t, name, aliases=(hostile, f"{name} 별칭"), evidence=(ev,), english=hostile)
                       for t, name in names.items()),
        relations=(
            Relation(keys[T.PERSON], P.AFFILIATED_WITH, keys[T.ORGANIZATION], ev),
            Relation(keys[T.PERSON], P.RECEIVED_AWARD, keys[T.AWARD], ev),
            Relation(keys[T.EVENT], P.HELD_AT, keys[T.VENUE], ev),
            Relation(keys[T.VENUE], P.LOCATED_IN, keys[T.LOCATION], ev),
            Relation(keys[T.ORGANIZATION], P.PROMOTES, keys[T.POLICY], ev),
        ),
        positions=(Position(keys[T.PERSON], keys[T.ORGANIZATION], hostile, ev),),
        conferrals=(Conferral(keys[T.PERSON], keys[T.AWARD], keys[T.EVENT], ev),),
        quotes=(Quote(keys[T.PERSON], hostile, ev),),
        author=keys[T.PERSON],
        publisher=keys[T.ORGANIZATION],
    )


# -- comparing what was built with what a parser reads back ----------------------------------------


def term_key(term) -> tuple[str, ...]:
    """A term as plain strings: language tags compared in lower case (Oxigraph lowers them)."""
    if isinstance(term, (URIRef, ox.NamedNode)):
        return ("iri", str(term) if isinstance(term, URIRef) else term.value)
    if isinstance(term, (BNode, ox.BlankNode)):
        return ("blank",)
    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype else ("" if term.language else str(XSD.string))
        return ("literal", str(term), (term.language or "").lower(), datatype)
    if isinstance(term, ox.Literal):
        return ("literal", term.value, (term.language or "").lower(), "" if term.language else term.datatype.value)
    raise TypeError(term)


def built_quads(ds: Dataset) -> set[tuple]:
    return {(term_key(s), term_key(p), term_key(o), term_key(g.identifier))
            for g in ds.graphs() if len(g) for s, p, o in g}


def built_triples(ds: Dataset) -> set[tuple]:
    return {(term_key(s), term_key(p), term_key(o)) for s, p, o in union_graph(ds)}


def rdflib_read(path: Path, fmt: str) -> set[tuple]:
    back = Dataset()
    back.parse(path, format=fmt)
    return {(term_key(s), term_key(p), term_key(o), term_key(g.identifier))
            for g in back.graphs() if len(g) for s, p, o in g}


def oxigraph_read(path: Path, fmt: ox.RdfFormat) -> set[tuple]:
    return {(term_key(q.subject), term_key(q.predicate), term_key(q.object),
             term_key(q.graph_name) if isinstance(q.graph_name, ox.NamedNode) else ("default",))
            for q in ox.parse(path=str(path), format=fmt)}


def as_triples(quads: set[tuple]) -> set[tuple]:
    return {q[:3] for q in quads}


def assert_nothing_injected(ds: Dataset, base: str = str(KGR)) -> None:
    """Every subject is a minted IRI, every predicate kg's vocabulary, no IRI the article's text."""
    g = union_graph(ds)
    assert {str(s) for s in g.subjects() if not str(s).startswith(base)} == set()
    assert {str(p) for p in g.predicates() if not str(p).startswith(VOCABULARIES)} == set()
    iris = {str(t) for triple in g for t in triple if isinstance(t, URIRef)}
    assert not [i for i in iris if i.startswith(EVIL) or any(c in i for c in ' "<>{}|^`\\\n')]
    # only the entities declared are typed as people: no "a kgo:Person" slipped in from a string
    people = {s for s in g.subjects(RDF.type, KGO.Person)}
    assert all(str(p).startswith(base + "person/") for p in people)


@pytest.fixture(scope="module")
def hostile_dataset() -> Dataset:
    return build_dataset([hostile_extraction(n, h) for n, h in enumerate(HOSTILE)])


def test_hostile_strings_are_literals_in_the_graph_and_mint_only_kg_iris(hostile_dataset):
    assert_nothing_injected(hostile_dataset)
    literals = {str(o) for _, _, o in union_graph(hostile_dataset) if isinstance(o, Literal)}
    assert set(HOSTILE) <= literals  # headline, alias, title, quote … each as written


@pytest.mark.parametrize("fmt", list(FORMATS), ids=lambda f: f.value)
def test_every_rdf_output_reads_back_as_the_same_graph_in_rdflib_and_oxigraph(tmp_path, hostile_dataset, fmt):
    path = export(hostile_dataset, fmt, tmp_path / f"graph.{fmt.value}")
    rdflib_fmt, ox_fmt = FORMATS[fmt]
    by_rdflib, by_oxigraph = rdflib_read(path, rdflib_fmt), oxigraph_read(path, ox_fmt)
    if fmt is ExportFormat.TTL:  # the union, in the default graph
        assert as_triples(by_rdflib) == as_triples(by_oxigraph) == built_triples(hostile_dataset)
    else:  # one named graph per article, named by its (hostile) id's IRI
        assert by_oxigraph == built_quads(hostile_dataset)
        assert by_rdflib == built_quads(hostile_dataset)


def test_hostile_names_in_graph_tool_formats_stay_readable_xml(tmp_path, hostile_dataset):
    for fmt, read in ((ExportFormat.GRAPHML, nx.read_graphml), (ExportFormat.GEXF, nx.read_gexf)):
        net = read(export(hostile_dataset, fmt, tmp_path / f"graph.{fmt.value}"))
        labels = {data["label"] for _, data in net.nodes(data=True)}
        assert "Person <script>alert(1)</script>" in labels
        assert "Person two\nlines\r\nand\ttab" in labels
        # XML cannot hold NUL, BEL or ESC at all: they become U+FFFD, the rest survives
        assert "Person bell\ufffd nul\ufffd esc\ufffd[31m del\x7f nel\x85" in labels


def test_hostile_names_in_csv_are_text_in_their_own_cells(tmp_path, hostile_dataset):
    export(hostile_dataset, ExportFormat.CSV, tmp_path / "graph.csv")
    nodes_path, edges_path = csv_paths(tmp_path / "graph.csv")
    with nodes_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {"Person say \"hi\"", "Person two\nlines\r\nand\ttab", "Person <script>alert(1)</script>"} <= {
        r["label"] for r in rows}
    assert all(len(r) == 4 and None not in r for r in rows)  # no row split or run together


# -- the real pipeline on hostile Korean text --------------------------------------------------------

HOSTILE_ARTICLE = """<img src=x onerror=alert(1)> 누리소프트 "신제품" 공개 \\ 백슬래시 \"\"\" ; a kgo:Person
입력 2024.11.14 10:00
오영주 중소벤처기업부 장관은 14일 "<script>alert(1)</script> 혁신이 답입니다"라고 말했다.
정유진 누리소프트 대표는 "> <http://evil.example/s> <http://evil.example/p> . 이 답입니다"라고 밝혔다.
박민수 가온전자 대표는 "\"\"\" ; a kgo:Person . 따옴표\\ 백슬래시"라고 말했다.
김하늘 한빛<b>전자</b> 회장은 '<img src=x onerror=alert(2)>'라고 덧붙였다.
"""


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    (root / "in").mkdir()
    (root / "in" / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (root / "in" / 'evil <b>"name" & \\x>.txt').write_text(HOSTILE_ARTICLE.replace("오영주", "한지민"),
                                                          encoding="utf-8")
    summary = kg.build([str(root / "in")], root / "out", BuildConfig())
    assert summary.articles == 2 and summary.failures == ()
    return root / "out"


def test_the_extractor_keeps_hostile_quotes_and_headlines_as_text(hostile_build):
    ds = kg.load_graph(hostile_build / "graph.trig")
    quotes = {str(o) for _, _, o in ds.triples((None, KGO.text, None))}
    assert {"<script>alert(1)</script> 혁신이 답입니다",
            "> <http://evil.example/s> <http://evil.example/p> . 이 답입니다"} <= quotes
    headlines = {str(o) for _, _, o in ds.triples((None, SCHEMA.headline, None))}
    assert headlines == {'<img src=x onerror=alert(1)> 누리소프트 "신제품" 공개 \\ 백슬래시 """ ; a kgo:Person'}
    assert_nothing_injected(ds)


def test_the_built_files_read_back_the_same_in_rdflib_and_oxigraph(hostile_build):
    trig, ttl = hostile_build / "graph.trig", hostile_build / "graph.ttl"
    quads = oxigraph_read(trig, ox.RdfFormat.TRIG)
    assert rdflib_read(trig, "trig") == quads
    assert len({q[3] for q in quads}) == 2  # one named graph per article
    assert as_triples(rdflib_read(ttl, "turtle")) == as_triples(oxigraph_read(ttl, ox.RdfFormat.TURTLE)) \
        == as_triples(quads)  # graph.ttl is their union


def test_the_built_view_shows_hostile_text_only_as_escaped_data(hostile_build):
    html = (hostile_build / "graph.html").read_text(encoding="utf-8")
    for raw in ("<script>alert(1)", "<img src=x", "<http://evil"):
        assert raw not in html
    assert html.lower().count("</script") == 2  # the page's own two scripts, nothing ended early
