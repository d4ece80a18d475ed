"""The records that flow between the pipeline's stages.

    read     → Article
    extract  → Extraction (Entity, Relation, Position, Conferral, Quote, each with Evidence)
    graph    → rdflib Dataset

Every record is a frozen dataclass; closed sets are enums. Character offsets
always point into ``Article.text``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class EntityType(str, Enum):
    """The seven core classes of the ontology (kgo:Person, …)."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    AWARD = "Award"
    POLICY = "Policy"
    EVENT = "Event"
    VENUE = "Venue"
    LOCATION = "Location"


class Predicate(str, Enum):
    """The eight direct relations of the ontology (kgo:affiliatedWith, …)."""

    AFFILIATED_WITH = "affiliatedWith"
    RECEIVED_AWARD = "receivedAward"
    HELD_AT = "heldAt"
    LOCATED_IN = "locatedIn"
    ORGANIZED_BY = "organizedBy"
    PROMOTES = "promotes"
    PARTICIPATED_IN = "participatedIn"
    PARTNERED_WITH = "partneredWith"


@dataclass(frozen=True)
class Article:
    """One news article, cleaned of web-page noise.

    ``id`` is stable for the same source (file name or URL), so rebuilding gives
    the same IRIs; ``text`` is what the extractor reads (captions included).
    """

    id: str
    text: str
    source: str
    title: str | None = None
    published: dt.date | None = None
    author: str | None = None
    publisher: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Where a statement comes from: a span of the article and the rule that found it."""

    article_id: str
    sentence: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class Entity:
    """A real thing named in an article: one per thing, with every name form seen."""

    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    date: dt.date | None = None       # an event's date, when the article gives it
    english: str | None = None        # an English name from the lexicon (government bodies)
    government: bool = False          # a government ministry or agency (kgo:GovernmentAgency)
    qualifier: str | None = None      # tells namesakes apart across articles (kg.linking); not a name

    @property
    def key(self) -> str:
        """The entity's identity inside an extraction, e.g. ``Person/오영주``.

        A namesake told apart by kg.linking carries its qualifier as a last
        segment: ``Person/김철수/한빛소프트``.
        """
        plain = f"{self.type.value}/{self.name}"
        return f"{plain}/{self.qualifier}" if self.qualifier else plain


@dataclass(frozen=True)
class Relation:
    """A direct triple between two entities, given by their keys."""

    subject: str
    predicate: Predicate
    object: str
    evidence: Evidence


@dataclass(frozen=True)
class Position:
    """A person's post at an organisation (kgo:Position)."""

    person: str
    organization: str
    title: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Conferral:
    """An award given to a person or organisation, at an event when one is named."""

    recipient: str
    award: str
    event: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Quote:
    """A direct quotation and who said it."""

    speaker: str
    text: str
    evidence: Evidence


@dataclass(frozen=True)
class Extraction:
    """Everything read out of one article.

    Relations, positions, conferrals and quotes refer to entities by ``Entity.key``;
    ``author`` and ``publisher`` are keys of the byline's Person and the outlet's
    Organization when the article names them.
    """

    article: Article
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    positions: tuple[Position, ...] = ()
    conferrals: tuple[Conferral, ...] = ()
    quotes: tuple[Quote, ...] = ()
    author: str | None = None
    publisher: str | None = None
    warnings: tuple[str, ...] = field(default=())

    def entity(self, key: str) -> Entity:
        """The entity with this key; ``KeyError`` when there is none."""
        for e in self.entities:
            if e.key == key:
                return e
        raise KeyError(key)
