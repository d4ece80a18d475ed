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
    """

    base_iri: str = KGR_IRI
    html: bool = True
    progress: bool = True
