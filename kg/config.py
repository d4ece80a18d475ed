"""Build settings: one frozen dataclass; CLI flags map onto its fields."""
from __future__ import annotations

from dataclasses import dataclass

from .vocab import KGR_IRI


@dataclass(frozen=True)
class BuildConfig:
    """How ``kg build`` turns articles into a graph.

    base_iri: where entity, article and statement IRIs live.
    html: whether to write graph.html beside the Turtle and TriG.
    progress: show a progress bar (only when stderr is a terminal).
    max_article_bytes: the largest article read, in bytes: a text or HTML file
        (checked before it is read), a JSON Lines line, standard input. A bigger
        one is refused with a message, so a stray dump cannot take minutes and
        gigabytes; at the default a plain-text file is some 700,000 Korean
        characters, a news page a few hundred kilobytes.
    """

    base_iri: str = KGR_IRI
    html: bool = True
    progress: bool = True
    max_article_bytes: int = 2_000_000
