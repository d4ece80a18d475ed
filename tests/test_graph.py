"""kg.iri and kg.graph: the triples a build produces, their IRIs, and loading them back."""
from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

from kg.errors import GraphFileError
from kg.graph import article_triples, build_dataset, load_graph, to_ntriples, to_trig, to_turtle, union_graph
from kg.iri import article_iri, entity_iri, statement_iri
from kg.models import EntityType, Evidence, Extraction, Predicate, Relation
from kg.vocab import KGO, KGR, PROV, SCHEMA

from conftest import SAMPLE_QUOTE

TESTS = Path(__file__).parent

OH = KGR["person/오영주"]
KIM = KGR["person/김태완"]
MSS = KGR["organization/중소벤처기업부"]
HANBIT = KGR["organization/한빛정밀"]
EXPO = KGR["event/2024%20중소기업%20혁신대전"]
VENUE = KGR["venue/대전컨벤션센터"]
DAEJEON = KGR["location/대전"]
MEDAL = KGR["award/은탑산업훈장"]
ARTICLE = KGR["article/news%2F2024-11-14-innovation.txt"]


@pytest.fixture
def graph(sample_extraction: Extraction) -> Graph:
    return union_graph(build_dataset([sample_extraction]))


def the(graph: Graph, subject=None, predicate=None, obj=None):
    """The single node that completes the pattern; fails if there are none or several."""
    found = set()
    for s, p, o in graph.triples((subject, predicate, obj)):
        found.add(s if subject is None else (p if predicate is None else o))
    assert len(found) == 1, f"expected one match, got {sorted(found)}"
    return found.pop()


# -- IRIs -------------------------------------------------------------------------


def test_entity_iris_keep_hangul_and_encode_everything_else():
    assert entity_iri(EntityType.PERSON, "오영주") == URIRef("https://w3id.org/kgnews/resource/person/오영주")
    assert entity_iri(EntityType.EVENT, "2024 혁신대전") == KGR["event/2024%20혁신대전"]
    assert entity_iri(EntityType.ORGANIZATION, "한·미 협회") == KGR["organization/한%C2%B7미%20협회"]
    assert entity_iri(EntityType.POLICY, "K-칩스법_v1.0~") == KGR["policy/K-칩스법_v1.0~"]


def test_names_are_nfc_normalised_and_stripped_first():
    decomposed = unicodedata.normalize("NFD", "중소벤처기업부")
    assert decomposed != "중소벤처기업부"
    assert entity_iri(EntityType.ORGANIZATION, f"  {decomposed}\n") == MSS


def test_article_and_statement_iris():
    assert article_iri("news/2024-11-14-innovation.txt") == ARTICLE
    iri = statement_iri("position", "a1", "Person/오영주", "Organization/중소벤처기업부", "장관")
    assert iri.startswith(str(KGR) + "position/")
    digest = iri.rsplit("/", 1)[1]
    assert len(digest) == 16 and int(digest, 16) >= 0
    assert iri == statement_iri("position", "a1", "Person/오영주", "Organization/중소벤처기업부", "장관")
    # the parts are kept apart: ("ab", "c") is not ("a", "bc")
    assert statement_iri("quote", "ab", "c") != statement_iri("quote", "a", "bc")


def test_a_base_without_trailing_slash_gets_one():
    assert entity_iri(EntityType.PERSON, "오영주", base="http://example.org/kg") == URIRef(
        "http://example.org/kg/person/오영주"
    )


def test_bad_iri_inputs_are_refused():
    with pytest.raises(ValueError, match="empty"):
        entity_iri(EntityType.PERSON, "  \n")
    with pytest.raises(ValueError, match="position, quote, statement"):
        statement_iri("claim", "a1")


def test_a_hostile_name_gives_an_iri_that_survives_turtle_and_ntriples():
    name = 'ACME "주식회사" <script>alert(1)</script> #1/2\n\t🚀 {x}|^`\\'
    iri = entity_iri(EntityType.ORGANIZATION, name)
    assert not set(' "<>{}|^`\\\n\t#') & set(iri), iri
    g = Graph()
    g.add((iri, RDFS.label, Literal(name)))
    for fmt in ("turtle", "nt"):
        back = Graph().parse(data=g.serialize(format=fmt), format=fmt)
        assert set(back) == {(iri, RDFS.label, Literal(name))}, fmt


# -- the triples of one article -------------------------------------------------------


def test_entities_have_one_core_type_a_korean_label_and_their_aliases(graph: Graph):
    assert set(graph.objects(MSS, RDF.type)) == {KGO.Organization}
    # the canonical name @ko, and its Revised Romanization @ko-Latn (people and organisations)
    assert set(graph.objects(MSS, RDFS.label)) == {
        Literal("중소벤처기업부", lang="ko"), Literal("Jungsobencheogieopbu", lang="ko-Latn")}
    # a name form without Hangul gets no language tag
    assert set(graph.objects(MSS, SKOS.altLabel)) == {Literal("중기부", lang="ko"), Literal("MSS")}
    assert set(graph.objects(EXPO, RDFS.label)) == {Literal("2024 중소기업 혁신대전", lang="ko")}
    expected_types = {
        OH: KGO.Person, KIM: KGO.Person, HANBIT: KGO.Organization, EXPO: KGO.Event,
        VENUE: KGO.Venue, DAEJEON: KGO.Location, MEDAL: KGO.Award,
        KGR["policy/스마트공장%20보급사업"]: KGO.Policy,
    }
    for node, cls in expected_types.items():
        assert set(graph.objects(node, RDF.type)) == {cls}, node
        assert (node, PROV.wasDerivedFrom, ARTICLE) in graph


def test_article_node_has_headline_date_author_publisher_url_and_mentions(graph: Graph):
    assert (ARTICLE, RDF.type, SCHEMA.NewsArticle) in graph
    assert graph.value(ARTICLE, SCHEMA.headline) == Literal(
        "중기부, 2024 중소기업 혁신대전 개최…김태완 대표 은탑산업훈장", lang="ko"
    )
    assert graph.value(ARTICLE, SCHEMA.datePublished) == Literal("2024-11-14", datatype=XSD.date)
    assert graph.value(ARTICLE, SCHEMA.author) == KGR["person/오세은"]
    assert graph.value(ARTICLE, SCHEMA.publisher) == KGR["organization/아시아투데이"]
    assert graph.value(ARTICLE, SCHEMA.url) == URIRef("https://news.example/articles/2024/11/14/innovation?id=1")
    mentioned = set(graph.objects(ARTICLE, SCHEMA.mentions))
    assert len(mentioned) == 11
    assert {OH, KIM, MSS, HANBIT, EXPO, VENUE, DAEJEON, MEDAL, KGR["person/오세은"]} <= mentioned


def test_positions_are_qualified_nodes_with_organization_title_and_date(graph: Graph):
    position = the(graph, OH, KGO.holdsPosition)
    assert str(position).startswith(str(KGR["position/"]))
    assert set(graph.objects(position, RDF.type)) == {KGO.Position}
    assert graph.value(position, KGO.organization) == MSS
    assert graph.value(position, KGO.title) == Literal("장관", lang="ko")
    assert graph.value(position, KGO.knownOn) == Literal("2024-11-14", datatype=XSD.date)
    assert graph.value(position, PROV.wasDerivedFrom) == ARTICLE
    kim_position = the(graph, KIM, KGO.holdsPosition)
    assert graph.value(kim_position, KGO.title) == Literal("대표", lang="ko")
    assert graph.value(kim_position, KGO.organization) == HANBIT


def test_award_conferral_names_recipient_award_and_event(graph: Graph):
    conferral = the(graph, None, RDF.type, KGO.AwardConferral)
    assert graph.value(conferral, KGO.recipient) == KIM
    assert graph.value(conferral, KGO.award) == MEDAL
    assert graph.value(conferral, KGO.event) == EXPO
    assert graph.value(conferral, PROV.wasDerivedFrom) == ARTICLE


def test_quote_keeps_its_text_verbatim_quotes_and_markup_included(graph: Graph):
    quote = the(graph, None, RDF.type, KGO.Quote)
    assert graph.value(quote, KGO.speaker) == OH
    assert graph.value(quote, KGO.text) == Literal(SAMPLE_QUOTE, lang="ko")
    assert '"' in SAMPLE_QUOTE and "<script>" in SAMPLE_QUOTE
    reparsed = Graph().parse(data=to_turtle(graph), format="turtle")
    assert reparsed.value(quote, KGO.text) == Literal(SAMPLE_QUOTE, lang="ko")


def test_qualified_nodes_carry_their_evidence(graph: Graph, sample_extraction: Extraction):
    text = sample_extraction.article.text
    quote = the(graph, None, RDF.type, KGO.Quote)
    start = graph.value(quote, KGO.startOffset).toPython()
    end = graph.value(quote, KGO.endOffset).toPython()
    assert text[start:end] == str(graph.value(quote, KGO.evidenceText))
    assert SAMPLE_QUOTE in text[start:end]
    assert graph.value(quote, KGO.extractedBy) == Literal("quote.direct")


def test_every_direct_relation_is_asserted_and_reified_with_its_evidence(
    graph: Graph, sample_extraction: Extraction
):
    text = sample_extraction.article.text
    expected = {
        (OH, KGO.affiliatedWith, MSS), (OH, KGO.participatedIn, EXPO), (EXPO, KGO.heldAt, VENUE),
        (VENUE, KGO.locatedIn, DAEJEON), (EXPO, KGO.organizedBy, MSS), (KIM, KGO.affiliatedWith, HANBIT),
        (KIM, KGO.receivedAward, MEDAL), (MSS, KGO.partneredWith, HANBIT),
        (MSS, KGO.promotes, KGR["policy/스마트공장%20보급사업"]),
    }
    direct = {(s, p, o) for p in (KGO[x.value] for x in Predicate) for s, o in graph.subject_objects(p)}
    assert direct == expected
    for s, p, o in expected:
        statements = set(graph.subjects(RDF.subject, s)) & set(graph.subjects(RDF.predicate, p)) & set(
            graph.subjects(RDF.object, o)
        )
        assert len(statements) == 1, (s, p, o)
        statement = statements.pop()
        assert (statement, RDF.type, RDF.Statement) in graph
        assert graph.value(statement, PROV.wasDerivedFrom) == ARTICLE
        start, end = (graph.value(statement, k).toPython() for k in (KGO.startOffset, KGO.endOffset))
        assert text[start:end] == str(graph.value(statement, KGO.evidenceText))
        assert graph.value(statement, KGO.extractedBy) is not None


def test_no_blank_nodes(graph: Graph):
    assert not [t for t in graph if any(isinstance(n, BNode) for n in t)]


def test_a_statement_read_twice_is_one_node_with_the_earliest_evidence(sample_extraction: Extraction):
    first = sample_extraction.relations[3]  # 대전컨벤션센터 locatedIn 대전, in sentence 2
    later = dataclasses.replace(first, evidence=dataclasses.replace(first.evidence, start=500, end=510, rule="late"))
    doubled = dataclasses.replace(sample_extraction, relations=(later, *sample_extraction.relations))
    g = union_graph(build_dataset([doubled]))
    statements = set(g.subjects(RDF.predicate, KGO.locatedIn))
    assert len(statements) == 1
    assert g.value(statements.pop(), KGO.extractedBy) == Literal("venue.location")


def test_an_entity_named_only_by_key_still_gets_a_type_and_label(sample_extraction: Extraction):
    ev = sample_extraction.relations[0].evidence
    extra = Relation("Person/박민수", Predicate.AFFILIATED_WITH, "Organization/중소벤처기업부", ev)
    x = dataclasses.replace(sample_extraction, relations=(*sample_extraction.relations, extra))
    g = union_graph(build_dataset([x]))
    park = KGR["person/박민수"]
    assert set(g.objects(park, RDF.type)) == {KGO.Person}
    assert set(g.objects(park, RDFS.label)) == {Literal("박민수", lang="ko"), Literal("Bak Minsu", lang="ko-Latn")}


def test_a_malformed_entity_key_is_a_clear_error(sample_extraction: Extraction):
    ev = sample_extraction.relations[0].evidence
    bad = Relation("Minister/오영주", Predicate.AFFILIATED_WITH, "Organization/중소벤처기업부", ev)
    x = dataclasses.replace(sample_extraction, relations=(bad,))
    with pytest.raises(ValueError, match="Minister/오영주"):
        build_dataset([x])


def test_the_base_iri_is_configurable(sample_extraction: Extraction):
    g = union_graph(build_dataset([sample_extraction], base_iri="http://example.org/kg"))
    assert (URIRef("http://example.org/kg/person/오영주"), RDF.type, KGO.Person) in g
    assert not [s for s in g.subjects() if str(s).startswith(str(KGR))]
    assert dict(g.namespaces())["kgr"] == URIRef("http://example.org/kg/")


# -- datasets --------------------------------------------------------------------------


def test_each_article_has_its_own_named_graph(sample_extraction, other_extraction):
    ds = build_dataset([sample_extraction, other_extraction])
    named = {g.identifier: g for g in ds.graphs() if len(g)}
    other = KGR["article/news%2F2024-11-20-export.txt"]
    assert set(named) == {ARTICLE, other}
    assert (ARTICLE, RDF.type, SCHEMA.NewsArticle) in named[ARTICLE]
    assert (other, RDF.type, SCHEMA.NewsArticle) not in named[ARTICLE]
    assert (MSS, KGO.promotes, KGR["policy/수출%20지원%20정책"]) in named[other]
    assert (MSS, KGO.partneredWith, HANBIT) not in named[other]


def test_the_union_is_the_merge_of_the_article_graphs(sample_extraction, other_extraction):
    ds = build_dataset([sample_extraction, other_extraction])
    union = union_graph(ds)
    one = union_graph(build_dataset([sample_extraction]))
    two = union_graph(build_dataset([other_extraction]))
    assert set(union) == set(one) | set(two)
    # the shared ministry is one node, derived from both articles
    assert set(union.objects(MSS, PROV.wasDerivedFrom)) == {ARTICLE, KGR["article/news%2F2024-11-20-export.txt"]}
    assert dict(union.namespaces())["kgo"] == URIRef(str(KGO))


def test_article_triples_are_the_named_graphs_without_rdflib_and_their_ntriples_read_back(
        sample_extraction, other_extraction):
    # what kg ingest writes: the same statements as build_dataset, serialised without an rdflib store
    awkward = dataclasses.replace(sample_extraction.quotes[0], text='그는 "한 줄\n두 줄" \\ 끝\r이라고')
    sample = dataclasses.replace(sample_extraction, quotes=(*sample_extraction.quotes, awkward))
    ds = build_dataset([sample, other_extraction])
    triples = article_triples([sample, other_extraction])
    assert set(triples) == {g.identifier for g in ds.graphs() if len(g)}
    for iri, statements in triples.items():
        assert statements == set(ds.graph(iri))
        assert set(Graph().parse(data=to_ntriples(statements), format="nt")) == statements
    assert Literal('그는 "한 줄\n두 줄" \\ 끝\r이라고', lang="ko") in {o for _, _, o in triples[ARTICLE]}


def _reversed(x: Extraction) -> Extraction:
    return dataclasses.replace(
        x,
        entities=x.entities[::-1],
        relations=x.relations[::-1],
        positions=x.positions[::-1],
        conferrals=x.conferrals[::-1],
        quotes=x.quotes[::-1],
    )


def test_output_is_byte_identical_whatever_the_input_order(sample_extraction, other_extraction):
    forward = build_dataset([sample_extraction, other_extraction])
    backward = build_dataset([_reversed(other_extraction), _reversed(sample_extraction)])
    assert to_turtle(union_graph(forward)) == to_turtle(union_graph(backward))
    assert to_trig(forward) == to_trig(backward)
    trig = to_trig(forward)
    assert trig.index(str(ARTICLE) + "> {") < trig.index("news%2F2024-11-20-export.txt> {")


_PRINT_BUILD = """
import sys
sys.path.insert(0, sys.argv[1])
from conftest import make_other_extraction, make_sample_extraction
from kg.graph import build_dataset, to_trig, to_turtle, union_graph
ds = build_dataset([make_sample_extraction(), make_other_extraction()])
sys.stdout.buffer.write(to_trig(ds).encode() + b"\\0" + to_turtle(union_graph(ds)).encode())
"""


def test_output_is_byte_identical_across_runs_with_different_hash_seeds():
    # Sets and dicts of graphs iterate in hash order, which changes per process.
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _PRINT_BUILD, str(TESTS)], env=env, capture_output=True, check=True
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1


# -- loading -----------------------------------------------------------------------------


@pytest.fixture
def dataset(sample_extraction, other_extraction) -> Dataset:
    return build_dataset([sample_extraction, other_extraction])


@pytest.mark.parametrize(("suffix", "fmt", "named"), [
    (".trig", "trig", True), (".nq", "nquads", True), (".jsonld", "json-ld", True),
    (".ttl", "turtle", False), (".nt", "nt", False),
])
def test_load_graph_reads_every_rdf_format(tmp_path: Path, dataset: Dataset, suffix, fmt, named):
    path = tmp_path / f"graph{suffix}"
    source = dataset if named else union_graph(dataset)
    path.write_text(source.serialize(format=fmt), encoding="utf-8")
    loaded = load_graph(path)
    assert isomorphic(union_graph(loaded), union_graph(dataset))
    graphs = {g.identifier for g in loaded.graphs() if len(g)}
    assert (ARTICLE in graphs) is named
    # the default graph is the union, so a query over the dataset sees everything
    assert (MSS, KGO.partneredWith, HANBIT) in loaded


def test_load_graph_prefers_graph_trig_in_a_build_directory(tmp_path: Path, dataset: Dataset):
    (tmp_path / "graph.ttl").write_text(to_turtle(union_graph(dataset)), encoding="utf-8")
    assert {g.identifier for g in load_graph(tmp_path).graphs() if len(g)} == {
        URIRef("urn:x-rdflib:default")
    }
    (tmp_path / "graph.trig").write_text(to_trig(dataset), encoding="utf-8")
    assert ARTICLE in {g.identifier for g in load_graph(tmp_path).graphs() if len(g)}


def test_load_graph_errors_name_the_file_and_the_fix(tmp_path: Path):
    with pytest.raises(GraphFileError, match=r"missing\.ttl: no such file"):
        load_graph(tmp_path / "missing.ttl")
    with pytest.raises(GraphFileError, match=r"no graph\.trig or graph\.ttl.*kg build"):
        load_graph(tmp_path)
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(GraphFileError, match=r"broken\.ttl: cannot be parsed as turtle"):
        load_graph(broken)
    odd = tmp_path / "graph.xlsx"
    odd.write_text("x", encoding="utf-8")
    with pytest.raises(GraphFileError, match=r"graph\.xlsx: unknown graph file type; use one of \.ttl"):
        load_graph(odd)
