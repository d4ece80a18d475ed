"""The reading stage: files, directories and standard input to ``Article`` records.

    read_inputs(["articles/", "-"], on_error=print)   # a batch; bad files reported, not raised
    read_file(Path("dev-000.txt"))                    # one file (JSON Lines: several articles)
    read_bytes(data, "page.html")                     # bytes in hand; format sniffed
    read_text("…", url="https://…")                   # a string in hand

Formats: plain text (UTF-8, with or without BOM, or CP949/EUC-KR), HTML pages
(main text and metadata through trafilatura), JSON Lines
(``{"text", "url", "title", "published"}`` per line). Page chrome is removed
(``clean``) and headline, date, reporter and outlet are read (``metadata``).
"""
from __future__ import annotations

from .clean import clean_text
from .inputs import ARTICLE_SUFFIXES, read_bytes, read_file, read_inputs, read_text
from .metadata import Metadata, read_metadata
from .problems import ReadWarning
from .sniff import Format

__all__ = [
    "ARTICLE_SUFFIXES",
    "Format",
    "Metadata",
    "ReadWarning",
    "clean_text",
    "read_bytes",
    "read_file",
    "read_inputs",
    "read_metadata",
    "read_text",
]
