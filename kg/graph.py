"""Extractions → an RDF dataset with one named graph per article.

    build_dataset(extractions) → Dataset     (graph name = article IRI)
    article_triples(extractions) → {article IRI: set of triples}   (the same statements, no rdflib store)
    to_ntriples(triples)       → str         (N-Triples lines, in no particular order)
    union_graph(ds)            → Graph       (what graph.ttl holds)
    to_turtle(graph), to_trig(ds) → str      (byte-identical across runs)
    load_graph(path)           → Dataset     (.ttl .trig .nq .nt .jsonld or a build directory)

Each article's graph holds the article node, every entity it names, every
direct relation with a reified rdf:Statement carrying its evidence, and the
qualified Position / AwardConferral / Quote nodes with their provenance. All
nodes have minted IRIs (kg.iri), never blank nodes, so two builds of the same
articles give the same graph whatever order the articles came in.

A namesake that kg.linking told apart (``Entity.qualifier``) gets one more
path segment, encoded like a name: kgr:person/김철수/한빛소프트. A plain name
cannot mint that IRI, since a "/" inside a name is percent-encoded.

People and organisations whose name has Hangul also get a Revised
Romanization label @ko-Latn ("오영주" → "O Yeongju", "신라호텔" → "Sillahotel"),
written by koroman: personal names surname first, without the sound changes
between syllables (RR's rule for names), other names as pronounced.
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from koroman import romanize
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.plugins.serializers.trig import TrigSerializer

from .errors import GraphFileError
from .iri import article_iri, encode_segment, entity_iri, normalise_base, statement_iri, url_iri
from .lexicon import load as load_lexicon
from .models import Entity, EntityType, Evidence, Extraction
from .vocab import KGO, KGR_IRI, PREFIXES, PROV, SCHEMA

_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")

# What load_graph accepts, by file suffix, and the rdflib parser for each.
GRAPH_FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nq": "nquads",
    ".nt": "nt",
    ".jsonld": "json-ld",
}


def text_literal(text: str) -> Literal:
    """A Korean text as ``"…"@ko``; a text without Hangul ("CBAM") gets no language tag."""
    return Literal(text, lang="ko") if _HANGUL.search(text) else Literal(text)


def entity_node(entity: Entity, base_iri: str = KGR_IRI) -> URIRef:
    """The entity's IRI: ``{base}{type}/{name}``, plus ``/{qualifier}`` for a told-apart namesake."""
    plain = entity_iri(entity.type, entity.name, base_iri)
    if not entity.qualifier:
        return plain
    segment = encode_segment(entity.qualifier)
    if not segment:
        raise ValueError(f"qualifier {entity.qualifier!r} of {entity.name!r} is empty; give a qualifier or None")
    return URIRef(f"{plain}/{segment}")


_SYLLABLES = re.compile("[\uac00-\ud7a3]+")
_ROMANISED_TYPES = frozenset({EntityType.PERSON, EntityType.ORGANIZATION})


@lru_cache(maxsize=8192)
def romanised_name(type: EntityType, name: str) -> str | None:
    """The Revised Romanization of a person's or organisation's name; None without Hangul or for other types.

    A Korean personal name (a surname from the lexicon, then one to three
    syllables) is written "Surname Given" with no sound change between
    syllables and a hyphen only where a syllable boundary would be misread
    ("오세은" → "O Se-eun"); every other run of Hangul is romanised as
    pronounced and capitalised ("중소벤처기업부" → "Jungsobencheogieopbu"),
    and what is not Hangul ("KIST") stays as written.
    """
    if type not in _ROMANISED_TYPES or not _SYLLABLES.search(name):
        return None
    if type is EntityType.PERSON and (parts := _surname_and_given(name)):
        surname, given = parts
        return (f"{_capitalised(romanize(surname, use_pronunciation_rules=False, use_custom_dictionary=False))} "
                f"{_capitalised(romanize(given, use_pronunciation_rules=False, use_hyphen=True, use_custom_dictionary=False))}")
    return _SYLLABLES.sub(lambda m: _capitalised(romanize(m.group(), use_custom_dictionary=False)), name)


def _surname_and_given(name: str) -> tuple[str, str] | None:
    if not 2 <= len(name) <= 4 or not _SYLLABLES.fullmatch(name):
        return None
    surnames = load_lexicon().surnames
    if len(name) >= 3 and name[:2] in surnames:  # 남궁, 선우, 제갈 …
        return name[:2], name[2:]
    if name[0] in surnames:
        return name[0], name[1:]
    return None


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def bind_prefixes(graph: Graph, base_iri: str = KGR_IRI) -> None:
    """Bind kgo:, kgr: (to ``base_iri``), schema:, … so Turtle output is readable."""
    for prefix, namespace in PREFIXES.items():
        iri = normalise_base(base_iri) if prefix == "kgr" else namespace
        graph.bind(prefix, URIRef(iri), override=True, replace=True)


def build_dataset(extractions: Iterable[Extraction], *, base_iri: str = KGR_IRI) -> Dataset:
    """One named graph per article, named by the article's IRI.

    The dataset's default graph is the union of the article graphs
    (``default_union=True``), so ``ds.query(…)`` and ``triple in ds`` see every
    article; ``ds.graphs()`` still lists each article's graph. Two extractions of the same article id share one graph (their statements
    are merged). ``ValueError`` for an entity key that is not ``Type/name``
    with one of the seven core types: that is a bug in the extractor.
    """
    ds = Dataset(default_union=True)
    bind_prefixes(ds, base_iri)
    for extraction in extractions:
        iri = article_iri(extraction.article.id, base_iri)
        _Builder(ds.graph(iri), iri, extraction, base_iri).build()
    return ds


Triple = tuple[URIRef, URIRef, URIRef | Literal]


def article_triples(extractions: Iterable[Extraction], *, base_iri: str = KGR_IRI) -> dict[URIRef, set[Triple]]:
    """Each article's statements, as ``build_dataset`` puts them in its named graph, as a plain set.

    For writing straight to a store (kg.ingest): an rdflib graph indexes
    every triple three ways on the way in, which costs more than the
    statements themselves when they are only going to be serialised.
    """
    graphs: dict[URIRef, set[Triple]] = {}
    for extraction in extractions:
        iri = article_iri(extraction.article.id, base_iri)
        _Builder(graphs.setdefault(iri, set()), iri, extraction, base_iri).build()
    return graphs


def to_ntriples(triples: Iterable[Triple]) -> str:
    """N-Triples lines for ``triples`` (IRIs and literals only: kg mints no blank nodes)."""
    return "".join(f"{s.n3()} {p.n3()} {_nt_term(o)} .\n" for s, p, o in triples)


def _nt_term(term: URIRef | Literal) -> str:
    if not isinstance(term, Literal):
        return term.n3()
    # N-Triples' one-line string escapes (Literal.n3() writes a text with a line break as a Turtle """long string""")
    text = '"' + term.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'
    if term.language:
        return f"{text}@{term.language}"
    return f"{text}^^<{term.datatype}>" if term.datatype else text


class _Builder:
    """Writes one extraction into its article's graph: anything with ``add(triple)``, a Graph or a set."""

    def __init__(self, graph: Graph | set[Triple], article: URIRef, extraction: Extraction, base_iri: str):
        self.x = extraction
        self.base = base_iri
        self.article = article
        self.g = graph
        self.entities = self._entities()
        # keys → IRIs through the entities, so a qualified key (Person/김철수/한빛소프트) is never re-parsed
        self.nodes = {e.key: entity_node(e, base_iri) for e in self.entities}

    def build(self) -> None:
        self._article()
        for entity in self.entities:
            self._entity(entity)
        self._relations()
        self._positions()
        self._conferrals()
        self._quotes()

    # -- entities -----------------------------------------------------------

    def _iri(self, key: str) -> URIRef:
        return self.nodes[key]

    def _entities(self) -> list[Entity]:
        """The declared entities, plus any that a statement names only by key.

        An extractor that forgets to declare an entity still gets a typed,
        labelled node rather than a dangling IRI that fails the shapes.
        """
        declared = {e.key: e for e in self.x.entities}
        referenced = [r.subject for r in self.x.relations] + [r.object for r in self.x.relations]
        referenced += [p.person for p in self.x.positions] + [p.organization for p in self.x.positions]
        referenced += [c.recipient for c in self.x.conferrals] + [c.award for c in self.x.conferrals]
        referenced += [c.event for c in self.x.conferrals if c.event]
        referenced += [q.speaker for q in self.x.quotes]
        referenced += [k for k in (self.x.author, self.x.publisher) if k]
        for key in referenced:
            if key not in declared:
                type_, name = _split_key(key, self.x.article.id)
                declared[key] = Entity(type_, name)
        return list(declared.values())

    def _entity(self, entity: Entity) -> None:
        node = self.nodes[entity.key]
        g = self.g
        g.add((node, RDF.type, KGO[entity.type.value]))
        g.add((node, RDFS.label, text_literal(entity.name)))
        if romanised := romanised_name(entity.type, entity.name):
            g.add((node, RDFS.label, Literal(romanised, lang="ko-Latn")))
        for alias in entity.aliases:
            if alias != entity.name:
                g.add((node, SKOS.altLabel, text_literal(alias)))
        if entity.english:
            g.add((node, RDFS.label, Literal(entity.english, lang="en")))
        if entity.government:
            g.add((node, RDF.type, KGO.GovernmentAgency))
        if entity.date:
            g.add((node, KGO.date, Literal(entity.date.isoformat(), datatype=XSD.date)))
        g.add((node, PROV.wasDerivedFrom, self.article))
        g.add((self.article, SCHEMA.mentions, node))

    # -- the article ----------------------------------------------------------

    def _article(self) -> None:
        a, g, art = self.x.article, self.g, self.article
        g.add((art, RDF.type, SCHEMA.NewsArticle))
        if a.title:
            g.add((art, SCHEMA.headline, text_literal(a.title)))
        if a.published:
            g.add((art, SCHEMA.datePublished, Literal(a.published.isoformat(), datatype=XSD.date)))
        if a.url and (url := url_iri(a.url)) is not None:
            # an address without a scheme is no IRI; the reader warned about it
            g.add((art, SCHEMA.url, url))
        if self.x.author:
            g.add((art, SCHEMA.author, self._iri(self.x.author)))
        if self.x.publisher:
            g.add((art, SCHEMA.publisher, self._iri(self.x.publisher)))

    # -- statements -----------------------------------------------------------

    def _provenance(self, node: URIRef, evidence: Evidence) -> None:
        g = self.g
        g.add((node, PROV.wasDerivedFrom, self.article))
        g.add((node, KGO.evidenceText, Literal(evidence.sentence)))
        g.add((node, KGO.startOffset, Literal(evidence.start, datatype=XSD.integer)))
        g.add((node, KGO.endOffset, Literal(evidence.end, datatype=XSD.integer)))
        g.add((node, KGO.extractedBy, Literal(evidence.rule)))

    def _relations(self) -> None:
        aid = self.x.article.id
        for (s, p, o), evidence in _first_evidence(
            ((r.subject, r.predicate.value, r.object), r.evidence) for r in self.x.relations
        ).items():
            subject, predicate, obj = self._iri(s), KGO[p], self._iri(o)
            self.g.add((subject, predicate, obj))
            node = statement_iri("statement", aid, s, p, o, base=self.base)
            self.g.add((node, RDF.type, RDF.Statement))
            self.g.add((node, RDF.subject, subject))
            self.g.add((node, RDF.predicate, predicate))
            self.g.add((node, RDF.object, obj))
            self._provenance(node, evidence)

    def _positions(self) -> None:
        aid, published = self.x.article.id, self.x.article.published
        for (person, org, title), evidence in _first_evidence(
            ((p.person, p.organization, p.title or ""), p.evidence) for p in self.x.positions
        ).items():
            node = statement_iri("position", aid, person, org, title, base=self.base)
            self.g.add((self._iri(person), KGO.holdsPosition, node))
            self.g.add((node, RDF.type, KGO.Position))
            self.g.add((node, KGO.organization, self._iri(org)))
            if title:
                self.g.add((node, KGO.title, text_literal(title)))
            if published:
                self.g.add((node, KGO.knownOn, Literal(published.isoformat(), datatype=XSD.date)))
            self._provenance(node, evidence)

    def _conferrals(self) -> None:
        aid = self.x.article.id
        for (recipient, award, event), evidence in _first_evidence(
            ((c.recipient, c.award, c.event or ""), c.evidence) for c in self.x.conferrals
        ).items():
            node = statement_iri("conferral", aid, recipient, award, event, base=self.base)
            self.g.add((node, RDF.type, KGO.AwardConferral))
            self.g.add((node, KGO.recipient, self._iri(recipient)))
            self.g.add((node, KGO.award, self._iri(award)))
            if event:
                self.g.add((node, KGO.event, self._iri(event)))
            self._provenance(node, evidence)

    def _quotes(self) -> None:
        aid = self.x.article.id
        for (speaker, text), evidence in _first_evidence(
            ((q.speaker, q.text), q.evidence) for q in self.x.quotes
        ).items():
            node = statement_iri("quote", aid, speaker, text, base=self.base)
            self.g.add((node, RDF.type, KGO.Quote))
            self.g.add((node, KGO.speaker, self._iri(speaker)))
            self.g.add((node, KGO.text, text_literal(text)))
            self._provenance(node, evidence)


def _split_key(key: str, article_id: str) -> tuple[EntityType, str]:
    type_name, sep, name = key.partition("/")
    types = {t.value: t for t in EntityType}
    if not sep or type_name not in types or not name.strip():
        raise ValueError(
            f"article {article_id}: entity key {key!r} is not 'Type/name' with one of "
            f"{', '.join(types)}; use Entity.key"
        )
    return types[type_name], name


def _first_evidence(items: Iterable[tuple[tuple[str, ...], Evidence]]) -> dict[tuple[str, ...], Evidence]:
    """One evidence per statement: the earliest in the text.

    A statement read twice in one article is one node; keeping the earliest
    mention (not the last one seen) keeps the output independent of input order.
    """
    chosen: dict[tuple[str, ...], Evidence] = {}
    for ident, evidence in items:
        current = chosen.get(ident)
        if current is None or _evidence_order(evidence) < _evidence_order(current):
            chosen[ident] = evidence
    return chosen


def _evidence_order(e: Evidence) -> tuple[int, int, str, str]:
    return (e.start, e.end, e.rule, e.sentence)


# -- union, serialisation ---------------------------------------------------------


def union_graph(ds: Dataset) -> Graph:
    """Every named graph (and the default graph) merged into one graph, prefixes bound."""
    union = Graph()
    kgr = dict(ds.namespaces()).get("kgr")
    bind_prefixes(union, str(kgr) if kgr is not None else KGR_IRI)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def to_turtle(graph: Graph) -> str:
    """Turtle whose bytes depend only on the triples (rdflib sorts subjects and objects)."""
    return graph.serialize(format="turtle")


def to_trig(ds: Dataset) -> str:
    """TriG with the named graphs in IRI order.

    rdflib writes graphs in the store's set order, which changes from run to
    run; the serializer's graph list is sorted here before it writes.
    """
    serializer = TrigSerializer(ds)
    serializer.contexts = sorted(
        (c for c in serializer.contexts if len(c)), key=lambda c: str(c.identifier)
    )
    stream = io.BytesIO()
    serializer.serialize(stream, encoding="utf-8")
    return stream.getvalue().decode("utf-8")


def sorted_lines(text: str) -> str:
    """N-Triples / N-Quads with their lines sorted: same triples, same bytes."""
    lines = sorted({line for line in text.split("\n") if line.strip()})
    return "".join(line + "\n" for line in lines)


# -- loading -------------------------------------------------------------------


def load_graph(path: Path) -> Dataset:
    """A graph file or a build directory as a Dataset whose default graph is the union.

    A build directory gives its graph.trig (named graphs kept) or else its
    graph.ttl. Triples of a .ttl or .nt file land in the default graph.
    """
    path = Path(path)
    if path.is_dir():
        for name in ("graph.trig", "graph.ttl"):
            if (path / name).is_file():
                return load_graph(path / name)
        raise GraphFileError(
            f"{path}: no graph.trig or graph.ttl in this directory; run `kg build … --out {path}` first"
        )
    if not path.exists():
        raise GraphFileError(f"{path}: no such file or directory; give a graph file or a build directory")
    fmt = GRAPH_FORMATS.get(path.suffix.lower())
    if fmt is None:
        accepted = " ".join(GRAPH_FORMATS)
        raise GraphFileError(f"{path}: unknown graph file type; use one of {accepted} or a build directory")
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    try:
        ds.parse(source=str(path), format=fmt)
    except Exception as exc:  # rdflib raises many unrelated types for bad input
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise GraphFileError(
            f"{path}: cannot be parsed as {fmt} ({reason}); rebuild it with `kg build` or fix the file"
        ) from exc
    return ds


__all__ = [
    "GRAPH_FORMATS",
    "bind_prefixes",
    "build_dataset",
    "entity_node",
    "load_graph",
    "romanised_name",
    "sorted_lines",
    "text_literal",
    "to_trig",
    "to_turtle",
    "union_graph",
]
