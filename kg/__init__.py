"""kg: Korean news articles → an RDF knowledge graph.

    >>> import kg
    >>> article = kg.read_text("중소벤처기업부는 14일 서울 코엑스에서 '2024 창업 박람회'를 개최했다.")
    >>> x = kg.extract(article)
    >>> sorted(e.name for e in x.entities)
    ['2024 창업 박람회', '서울', '중소벤처기업부', '코엑스']

The pipeline: ``read_inputs`` → ``extract`` → ``build_dataset`` → query / view / export;
``build`` runs all of it and writes graph.ttl, graph.trig and graph.html.
"""
from .api import BuildSummary, Failure, build
from .config import BuildConfig
from .errors import ExportError, GraphFileError, InputError, KGError, QueryError, ValidationError
from .explain import explain, format_report
from .extract import extract
from .linking import Linked, link
from .graph import build_dataset, load_graph, union_graph
from .models import (Article, Conferral, Entity, EntityType, Evidence, Extraction, Position, Predicate, Quote,
                     Relation)
from .read import read_file, read_inputs, read_text

__all__ = [
    "Article", "BuildConfig", "BuildSummary", "Conferral", "Entity", "EntityType", "Evidence", "ExportError",
    "Extraction", "Failure", "Linked", "GraphFileError", "InputError", "KGError", "Position", "Predicate", "QueryError",
    "Quote", "Relation", "ValidationError", "build", "build_dataset", "explain", "extract", "format_report", "link", "load_graph", "read_file",
    "read_inputs", "read_text", "union_graph",
]
