"""The ontology's terms as closed namespaces (see ontology/kgo.ttl and ONTOLOGY.md).

``KGO.Persn`` raises ``AttributeError``: a typo cannot mint a term the ontology
does not define. tests/test_vocab.py checks this list against ontology/kgo.ttl.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

KGO_IRI = "https://w3id.org/kgnews/ontology#"
KGR_IRI = "https://w3id.org/kgnews/resource/"


class KGO(DefinedNamespace):
    """kgo: the project's ontology."""

    _NS = Namespace(KGO_IRI)
    _fail = True

    # the seven core classes
    Person: URIRef
    Organization: URIRef
    Award: URIRef
    Policy: URIRef
    Event: URIRef
    Venue: URIRef
    Location: URIRef
    # finer classes
    GovernmentAgency: URIRef
    # qualified statements
    Position: URIRef
    AwardConferral: URIRef
    Quote: URIRef
    # direct relations
    affiliatedWith: URIRef
    receivedAward: URIRef
    heldAt: URIRef
    locatedIn: URIRef
    organizedBy: URIRef
    promotes: URIRef
    participatedIn: URIRef
    partneredWith: URIRef
    # qualified-node properties
    holdsPosition: URIRef
    organization: URIRef
    title: URIRef
    recipient: URIRef
    award: URIRef
    event: URIRef
    speaker: URIRef
    text: URIRef
    # provenance and attributes
    evidenceText: URIRef
    startOffset: URIRef
    endOffset: URIRef
    extractedBy: URIRef
    knownOn: URIRef
    date: URIRef


KGR = Namespace(KGR_IRI)
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")

PREFIXES = {
    "kgo": KGO_IRI,
    "kgr": KGR_IRI,
    "schema": str(SCHEMA),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "prov": str(PROV),
    "owl": "http://www.w3.org/2002/07/owl#",
}
