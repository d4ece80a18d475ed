"""kg.validate: built graphs conform; broken ones fail with one readable line per problem."""
from __future__ import annotations

import dataclasses

import pytest
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal

from kg.graph import build_dataset, union_graph
from kg.models import Extraction
from kg.validate import ValidationReport, validate
from kg.vocab import KGO, KGR, SCHEMA

OH = KGR["person/오영주"]
MSS = KGR["organization/중소벤처기업부"]
HANBIT = KGR["organization/한빛정밀"]
DAEJEON = KGR["location/대전"]
ARTICLE = KGR["article/news%2F2024-11-14-innovation.txt"]


@pytest.fixture
def graph(sample_extraction: Extraction) -> Graph:
    return union_graph(build_dataset([sample_extraction]))


def test_the_built_sample_conforms(sample_extraction, other_extraction):
    ds = build_dataset([sample_extraction, other_extraction])
    assert validate(ds) == ValidationReport(conforms=True, violations=())
    union = union_graph(ds)
    size = len(union)
    assert validate(union).conforms
    assert len(union) == size  # the ontology is mixed into a copy, never into the caller's graph


def test_a_position_without_organization_fails(graph: Graph):
    position = graph.value(OH, KGO.holdsPosition)
    graph.remove((position, KGO.organization, None))
    report = validate(graph)
    assert not report.conforms
    assert report.violations == (
        f"kgr:{position.removeprefix(str(KGR))} kgo:organization: "
        "a Position has exactly one kgo:organization, an Organization",
    )


def test_a_quote_spoken_by_an_organization_fails(graph: Graph):
    quote = next(graph.subjects(RDF.type, KGO.Quote))
    graph.set((quote, KGO.speaker, HANBIT))
    (line,) = validate(graph).violations
    assert line == (
        f"kgr:{quote.removeprefix(str(KGR))} kgo:speaker: a Quote has exactly one kgo:speaker, a Person "
        "(value: kgr:organization/한빛정밀)"
    )


def test_an_entity_with_two_core_types_fails(graph: Graph):
    graph.add((DAEJEON, RDF.type, KGO.Person))
    (line,) = validate(graph).violations
    assert line.startswith("kgr:location/대전: an entity has exactly one core class")


def test_a_government_agency_is_an_organization_not_a_second_core_type(graph: Graph):
    graph.add((MSS, RDF.type, KGO.GovernmentAgency))
    assert validate(graph).conforms
    graph.remove((MSS, RDF.type, KGO.Organization))  # the subclass alone still counts
    assert validate(graph).conforms


def test_direct_relations_are_checked_at_both_ends(graph: Graph):
    graph.add((OH, KGO.heldAt, DAEJEON))      # a Person is not an Event
    graph.add((MSS, KGO.locatedIn, OH))       # a Person is not a Location
    violations = validate(graph).violations
    assert violations == (
        "kgr:organization/중소벤처기업부 kgo:locatedIn: kgo:locatedIn must point to a Location "
        "(value: kgr:person/오영주)",
        "kgr:person/오영주: kgo:heldAt links an Event, this subject is not one",
    )


def test_entities_need_a_label_and_qualified_nodes_their_provenance(graph: Graph):
    graph.remove((HANBIT, RDFS.label, None))
    conferral = next(graph.subjects(RDF.type, KGO.AwardConferral))
    graph.remove((conferral, None, KGR["article/news%2F2024-11-14-innovation.txt"]))
    violations = validate(graph).violations
    assert "kgr:organization/한빛정밀 rdfs:label: an entity needs at least one rdfs:label literal (its canonical name)" in violations
    assert any(v.startswith(f"kgr:{conferral.removeprefix(str(KGR))} prov:wasDerivedFrom:") for v in violations)
    assert len(violations) == 2


def test_article_metadata_is_checked(graph: Graph):
    graph.add((ARTICLE, SCHEMA.datePublished, Literal("2024-11-15", datatype=XSD.date)))
    graph.set((ARTICLE, SCHEMA.author, MSS))
    violations = validate(graph).violations
    assert any("schema:datePublished: an article has at most one schema:datePublished" in v for v in violations)
    assert any("schema:author: schema:author must be a Person (value: kgr:organization/중소벤처기업부)" in v for v in violations)
    assert len(violations) == 2


def test_a_blank_position_holder_fails(graph: Graph):
    blank = BNode()
    graph.add((OH, KGO.holdsPosition, blank))
    graph.add((blank, RDF.type, KGO.Position))
    graph.add((blank, KGO.organization, MSS))
    violations = validate(graph).violations
    assert any("a Position node has a minted IRI, never a blank node" in v for v in violations)
    assert any("prov:wasDerivedFrom: a qualified node needs prov:wasDerivedFrom its article" in v for v in violations)


def test_violations_are_sorted_and_stable(graph: Graph):
    graph.add((DAEJEON, RDF.type, KGO.Person))
    graph.add((MSS, RDF.type, KGO.Award))
    first, second = validate(graph), validate(graph)
    assert first == second
    assert list(first.violations) == sorted(first.violations) and len(first.violations) == 2
    assert dataclasses.is_dataclass(first)
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.conforms = True  # type: ignore[misc]
