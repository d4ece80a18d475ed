"""ontology/kgo.ttl and ontology/shapes.ttl agree with kg.vocab and document every term."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from kg.validate import ontology_text
from kg.vocab import KGO, KGO_IRI

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
VOCAB_TERMS = {URIRef(KGO_IRI + name) for name in KGO.__annotations__}

CLASSES = {
    "Person", "Organization", "Award", "Policy", "Event", "Venue", "Location",
    "GovernmentAgency", "Position", "AwardConferral", "Quote",
}
DATATYPE_PROPERTIES = {
    "title", "text", "evidenceText", "startOffset", "endOffset", "extractedBy", "knownOn", "date",
}
OBJECT_PROPERTIES = {name for name in KGO.__annotations__} - CLASSES - DATATYPE_PROPERTIES

# The direct relations' domains and ranges, as the vocabulary contract states them.
DIRECT_RELATIONS = {
    "affiliatedWith": ({"Person"}, {"Organization"}),
    "receivedAward": ({"Person", "Organization"}, {"Award"}),
    "heldAt": ({"Event"}, {"Venue", "Location"}),
    "locatedIn": ({"Venue", "Organization", "Location"}, {"Location"}),
    "organizedBy": ({"Event"}, {"Organization", "Person"}),
    "promotes": ({"Organization", "Person"}, {"Policy"}),
    "participatedIn": ({"Person", "Organization"}, {"Event"}),
    "partneredWith": ({"Organization"}, {"Organization"}),
}


@pytest.fixture(scope="module")
def kgo() -> Graph:
    return Graph().parse(data=ontology_text("kgo.ttl"), format="turtle")


def kgo_terms_in(graph: Graph) -> set[URIRef]:
    return {n for triple in graph for n in triple if isinstance(n, URIRef) and str(n).startswith(KGO_IRI)}


def class_set(graph: Graph, node) -> set[str]:
    """The local names a domain/range denotes: one class, or an owl:unionOf of classes."""
    union = graph.value(node, OWL.unionOf)
    members = Collection(graph, union) if union is not None else [node]
    return {str(m).removeprefix(KGO_IRI) for m in members}


def test_the_ontology_defines_exactly_the_vocab_terms(kgo: Graph):
    defined = {s for s in kgo.subjects(RDF.type, None) if str(s).startswith(KGO_IRI)}
    assert defined == VOCAB_TERMS
    # and mentions no kgo: term that kg.vocab lacks (a typo would be one)
    assert kgo_terms_in(kgo) == VOCAB_TERMS


def test_each_term_has_the_right_owl_type(kgo: Graph):
    for name in CLASSES:
        assert (KGO[name], RDF.type, OWL.Class) in kgo, name
    for name in OBJECT_PROPERTIES:
        assert (KGO[name], RDF.type, OWL.ObjectProperty) in kgo, name
    for name in DATATYPE_PROPERTIES:
        assert (KGO[name], RDF.type, OWL.DatatypeProperty) in kgo, name
    assert (KGO.partneredWith, RDF.type, OWL.SymmetricProperty) in kgo
    assert (KGO.GovernmentAgency, RDFS.subClassOf, KGO.Organization) in kgo


def test_every_term_has_korean_and_english_labels_and_definitions(kgo: Graph):
    for term in VOCAB_TERMS:
        for prop in (RDFS.label, RDFS.comment):
            languages = {o.language for o in kgo.objects(term, prop)}
            assert {"ko", "en"} <= languages, (term, prop)


def test_direct_relations_have_the_contract_domains_and_ranges(kgo: Graph):
    for name, (domain, range_) in DIRECT_RELATIONS.items():
        assert class_set(kgo, kgo.value(KGO[name], RDFS.domain)) == domain, name
        assert class_set(kgo, kgo.value(KGO[name], RDFS.range)) == range_, name


def test_qualified_properties_have_domains_and_ranges(kgo: Graph):
    assert class_set(kgo, kgo.value(KGO.recipient, RDFS.range)) == {"Person", "Organization"}
    assert kgo.value(KGO.speaker, RDFS.range) == KGO.Person
    assert kgo.value(KGO.holdsPosition, RDFS.range) == KGO.Position
    assert kgo.value(KGO.organization, RDFS.domain) == KGO.Position
    assert kgo.value(KGO.startOffset, RDFS.range) == XSD.integer
    assert kgo.value(KGO.knownOn, RDFS.range) == XSD.date
    assert kgo.value(KGO.date, RDFS.range) == XSD.date


def test_the_seven_core_classes_are_declared_disjoint(kgo: Graph):
    disjoint = next(kgo.subjects(RDF.type, OWL.AllDisjointClasses))
    members = {str(m).removeprefix(KGO_IRI) for m in Collection(kgo, kgo.value(disjoint, OWL.members))}
    assert members == {"Person", "Organization", "Award", "Policy", "Event", "Venue", "Location"}


def test_the_ontology_header_has_a_version(kgo: Graph):
    ontology = next(kgo.subjects(RDF.type, OWL.Ontology))
    assert str(ontology) == "https://w3id.org/kgnews/ontology"
    assert kgo.value(ontology, OWL.versionInfo) is not None
    assert kgo.value(ontology, OWL.versionIRI) is not None


def test_the_shapes_use_only_vocab_terms_and_every_shape_explains_itself():
    shapes = Graph().parse(data=ontology_text("shapes.ttl"), format="turtle")
    # a misspelt kgo: term in a shape would target nothing and never fire
    assert kgo_terms_in(shapes) <= VOCAB_TERMS
    shape_nodes = set(shapes.subjects(SH.path, None)) | set(shapes.subjects(RDF.type, SH.NodeShape))
    constraints = (SH["class"], SH["or"], SH.xone, SH.nodeKind, SH.datatype, SH.minCount, SH.maxCount)
    constrained = {s for s in shape_nodes if any(shapes.value(s, c) is not None for c in constraints)}
    assert len(constrained) > 40
    silent = {str(s) for s in constrained if shapes.value(s, SH.message) is None}
    assert silent == set()


def test_the_packaged_ontology_is_the_repository_ontology():
    for name in ("kgo.ttl", "shapes.ttl"):
        assert ontology_text(name) == (ONTOLOGY_DIR / name).read_text(encoding="utf-8")
