"""General-knowledge lexicons (titles, surnames, suffixes, government bodies, honours, places).

Only general knowledge lives here: never a person, company or event taken from
an article. Loaded once per process.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(w for line in _lines(name) for w in line.split())


@dataclass(frozen=True)
class Body:
    """A government body or national institution known by name and abbreviations."""

    name: str
    aliases: tuple[str, ...]
    english: str
    government: bool


@dataclass(frozen=True)
class Lexicon:
    surnames: frozenset[str]
    titles: frozenset[str]
    org_suffixes: tuple[str, ...]        # longest first
    venue_suffixes: tuple[str, ...]
    event_heads: tuple[str, ...]
    policy_heads: tuple[str, ...]
    honours: frozenset[str]
    award_suffixes: tuple[str, ...]
    bodies: dict[str, Body]              # every name form → body
    venues: dict[str, tuple[str, tuple[str, ...]]]   # every name form → (name, aliases)
    places: dict[str, str]               # name form → kind (province, city, district, county, country, region)
    place_full: dict[str, str]           # short form of a province → its full name, and back


def _by_length(words) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def load() -> Lexicon:
    bodies: dict[str, Body] = {}
    for line in _lines("agencies.tsv"):
        name, aliases, english, kind = (line.split("\t") + ["", "", ""])[:4]
        body = Body(name, tuple(a for a in aliases.split("|") if a), english, kind == "gov")
        for form in (name, *body.aliases):
            bodies.setdefault(form, body)
    venues: dict[str, tuple[str, tuple[str, ...]]] = {}
    for line in _lines("venues.tsv"):
        name, aliases = (line.split("\t") + [""])[:2]
        forms = tuple(a for a in aliases.split("|") if a)
        for form in (name, *forms):
            venues[form] = (name, forms)
    places: dict[str, str] = {}
    place_full: dict[str, str] = {}
    for line in _lines("places.txt"):
        kind, names = line.split(":", 1)
        for entry in names.split():
            full, _, short = entry.partition("/")
            places.setdefault(full, kind)
            if short:
                places.setdefault(short, kind)
                place_full.setdefault(short, full)
            # 순창군 is also written 순창; a city 창원 also 창원시
            if kind == "county" and len(full) >= 3:
                places.setdefault(full[:-1], kind)
            if kind == "city":
                places.setdefault(full + "시", kind)
    return Lexicon(
        surnames=_words("surnames.txt"),
        titles=_words("titles.txt"),
        org_suffixes=_by_length(_words("org_suffixes.txt")),
        venue_suffixes=_by_length(_words("venue_suffixes.txt")),
        event_heads=_by_length(_words("event_heads.txt")),
        policy_heads=_by_length(_words("policy_heads.txt")),
        honours=_words("honours.txt"),
        award_suffixes=_by_length(_words("award_suffixes.txt")),
        bodies=bodies,
        venues=venues,
        places=places,
        place_full=place_full,
    )
