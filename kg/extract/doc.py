"""The one object every extraction stage reads and annotates (as spaCy's Doc)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..models import Article, EntityType, Predicate
from .analysis import Sentence


@dataclass(frozen=True)
class Mention:
    """A name in the text: its type, the form written, where, and the rule that found it."""

    type: EntityType
    name: str
    start: int
    end: int
    sentence: int
    rule: str
    alias: str | None = None   # another name for the same thing given beside it ("CBAM")


@dataclass(frozen=True)
class Fact:
    """A statement found in one sentence, between names as written (resolved later).

    kind is a Predicate for direct relations, or "position", "conferral", "quote".
    """

    kind: Predicate | str
    subject: tuple[EntityType, str]
    object: tuple[EntityType, str] | None
    sentence: int
    rule: str
    title: str | None = None          # position: the role word
    event: tuple[EntityType, str] | None = None   # conferral: where it was given
    text: str | None = None           # quote: what was said
    start: int | None = None          # quote: offsets of the quoted text
    end: int | None = None


@dataclass
class Doc:
    article: Article
    sentences: list[Sentence]
    facts: list[Fact] = field(default_factory=list)
    event_dates: dict[str, "dt.date"] = field(default_factory=dict)
    main_event: tuple[EntityType, str] | None = None
    lead_org: tuple[EntityType, str] | None = None
    local_governments: dict[str, str | None] = field(default_factory=dict)  # 도/시/군/구 → the one meant (things.py)
    # the mentions, and two indexes over them: every stage asks "what is in this sentence"
    # and "is this name known as …", so neither may scan a long article's mentions each time
    _mentions: list[Mention] = field(default_factory=list, init=False, repr=False)
    _by_sentence: dict[int, list[Mention]] = field(default_factory=dict, init=False, repr=False)
    _names: set[tuple[EntityType, str]] = field(default_factory=set, init=False, repr=False)

    @property
    def mentions(self) -> list[Mention]:
        """Every mention so far, in the order found (add with ``add``; replace all with ``mentions = …``)."""
        return self._mentions

    @mentions.setter
    def mentions(self, mentions: list[Mention]) -> None:
        self._mentions, self._by_sentence, self._names = [], {}, set()
        for m in mentions:
            self.add(m)

    def add(self, mention: Mention) -> Mention:
        self._mentions.append(mention)
        self._by_sentence.setdefault(mention.sentence, []).append(mention)
        self._names.add((mention.type, mention.name))
        return mention

    def knows(self, t: EntityType, name: str) -> bool:
        """Whether some mention already names ``name`` as a ``t``."""
        return (t, name) in self._names

    def in_sentence(self, index: int, *types: EntityType) -> list[Mention]:
        return sorted((m for m in self._by_sentence.get(index, ()) if not types or m.type in types),
                      key=lambda m: m.start)
