"""Korean extraction: Article → Extraction.

The stages run in order over one Doc (see doc.py), like a spaCy pipeline:

    analyse        sentences and words (Kiwi)                      analysis.py
    find_people    people, their posts and organisations           people.py
    find_things    organisations, places, venues, events, policies, awards   things.py
    short forms    "오 장관" → the person named earlier              people.py
    resolve        one entity per real thing                        ../resolve.py
    find_quotes    quotations and their speakers                    quotes.py
    find_relations the eight relations                              relations.py
"""
from __future__ import annotations

from dataclasses import replace

from ..models import Article, Conferral, EntityType, Evidence, Extraction, Position, Predicate, Quote, Relation
from ..resolve import entities, resolve
from .analysis import analyse
from .doc import Doc, Fact, Mention
from .people import find_people, find_short_forms
from .quotes import find_quotes
from .relations import find_relations
from .things import find_things

__all__ = ["extract"]


def extract(article: Article) -> Extraction:
    """Read one article and return everything found in it, each statement with its evidence."""
    doc = Doc(article, analyse(article.text))
    find_people(doc)
    find_things(doc)
    find_short_forms(doc)
    mentions, res = resolve(doc)
    doc.mentions = mentions
    doc.facts = [_canonical(f, res) for f in doc.facts]
    find_quotes(doc)
    find_relations(doc)
    _publisher(doc)
    doc.facts = [_canonical(f, res) for f in doc.facts]
    return _assemble(doc, res)


def _canonical(f: Fact, res) -> Fact:
    return replace(f, subject=res.find(f.subject), object=res.find(f.object) if f.object else None,
                   event=res.find(f.event) if f.event else None)


def _publisher(doc: Doc) -> None:
    pub = doc.article.publisher
    if pub and not any(m.type is EntityType.ORGANIZATION and m.name == pub for m in doc.mentions):
        i = doc.article.text.find(pub)
        doc.add(Mention(EntityType.ORGANIZATION, pub, max(i, 0), max(i, 0) + len(pub), _sentence_at(doc, i), "publisher"))


def _sentence_at(doc: Doc, offset: int) -> int:
    for s in doc.sentences:
        if s.start <= offset < s.end:
            return s.index
    return 0


def _assemble(doc: Doc, res) -> Extraction:
    ents = entities(doc, doc.mentions, res)
    keys = {(e.type, e.name): e.key for e in ents}
    article = doc.article

    def key(k):
        return keys.get(k) if k else None

    def evidence(f: Fact) -> Evidence:
        s = doc.sentences[f.sentence] if doc.sentences else None
        start, end = (f.start, f.end) if f.start is not None else ((s.start, s.end) if s else (0, 0))
        return Evidence(article.id, s.text if s else "", start, end, f.rule)

    relations, positions, conferrals, quotes = {}, {}, {}, {}
    for f in doc.facts:
        s, o = key(f.subject), key(f.object)
        if s is None:
            continue
        if f.kind == "position":
            if o is not None or f.title:
                if o is None:
                    continue  # a title with no organisation names no post
                positions.setdefault((s, o, f.title), Position(s, o, f.title, evidence(f)))
        elif f.kind == "conferral":
            if o is not None:
                conferrals.setdefault((s, o), Conferral(s, o, key(f.event), evidence(f)))
        elif f.kind == "quote":
            quotes.setdefault(f.text, Quote(s, f.text, evidence(f)))
        # o != s: two names of one thing (충남도, 충청남도) are never each other's partner
        elif isinstance(f.kind, Predicate) and o is not None and o != s and _fits(f.kind, f.subject[0], f.object[0]):
            relations.setdefault((s, f.kind, o), Relation(s, f.kind, o, evidence(f)))
    author = key((EntityType.PERSON, article.author)) if article.author else None
    publisher = key((EntityType.ORGANIZATION, article.publisher)) if article.publisher else None
    warnings = tuple(f"{article.source}: '{a}' read as a misspelling of '{b}'" for a, b in res.merged_typos)
    return Extraction(article, tuple(ents), tuple(relations.values()), tuple(positions.values()),
                      tuple(conferrals.values()), tuple(quotes.values()), author, publisher, warnings)


_DOMAINS = {
    Predicate.AFFILIATED_WITH: ({EntityType.PERSON}, {EntityType.ORGANIZATION}),
    Predicate.RECEIVED_AWARD: ({EntityType.PERSON, EntityType.ORGANIZATION}, {EntityType.AWARD}),
    Predicate.HELD_AT: ({EntityType.EVENT}, {EntityType.VENUE, EntityType.LOCATION}),
    Predicate.LOCATED_IN: ({EntityType.VENUE, EntityType.ORGANIZATION, EntityType.LOCATION}, {EntityType.LOCATION}),
    Predicate.ORGANIZED_BY: ({EntityType.EVENT}, {EntityType.ORGANIZATION, EntityType.PERSON}),
    Predicate.PROMOTES: ({EntityType.ORGANIZATION, EntityType.PERSON}, {EntityType.POLICY}),
    Predicate.PARTICIPATED_IN: ({EntityType.PERSON, EntityType.ORGANIZATION}, {EntityType.EVENT}),
    Predicate.PARTNERED_WITH: ({EntityType.ORGANIZATION}, {EntityType.ORGANIZATION}),
}


def _fits(p: Predicate, s: EntityType, o: EntityType) -> bool:
    """The ontology's domain and range, so no rule can write a triple the shapes reject."""
    dom, rng = _DOMAINS[p]
    return s in dom and o in rng
