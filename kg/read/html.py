"""HTML pages: the article's text and metadata through trafilatura.

trafilatura finds the main text and reads the page's metadata (og:title,
article:published_time, author, og:site_name). Two adjustments for Korean
news pages:

- photo captions live in <figcaption>, which trafilatura drops with the
  <figure>; they name people and places, so each caption becomes a paragraph
  before extraction;
- trafilatura falls back to a one-paragraph baseline below 250 extracted
  characters; short news items are common, so the threshold is lowered.

The footer's copyright line and the visible byline, which trafilatura leaves
out of the text, are read from the page's full text by ``metadata``.
"""
from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.settings import use_config

from ..errors import InputError
from .clean import clean_text, normalize_line
from .metadata import (
    find_publisher,
    outlet_from_site_name,
    parse_date,
    read_metadata,
    reporter_name,
)

_CONFIG = use_config()
_CONFIG.set("DEFAULT", "MIN_EXTRACTED_SIZE", "20")
_CONFIG.set("DEFAULT", "MIN_OUTPUT_SIZE", "10")

_BLOCKS = (
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer",
    "section", "article", "figcaption", "figure", "blockquote", "dd", "dt", "address", "td",
)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """What an HTML page says: the cleaned main text and the article's metadata."""

    text: str
    title: str | None
    published: dt.date | None
    author: str | None
    publisher: str | None


def read_html(markup: str, source: str) -> Page:
    """The article in an HTML page.

    :raises InputError: when the page holds no article text.
    """
    try:
        tree = lxml_html.fromstring(_XML_DECLARATION.sub("", markup))
    except (etree.ParserError, ValueError) as exc:
        raise InputError(source, f"not a readable HTML page ({exc})") from exc
    page_text = _visible_text(copy.deepcopy(tree))
    _captions_as_paragraphs(tree)
    doc = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        config=_CONFIG,
        date_extraction_params={"original_date": True, "extensive_search": True},
    )
    body = doc.text if doc is not None and doc.text else ""
    shown = read_metadata(page_text)
    site = outlet_from_site_name(doc.sitename) if doc is not None and doc.sitename else None
    publisher = find_publisher(page_text.split("\n")) or site
    title = _strip_site(doc.title, site or publisher) if doc is not None and doc.title else None
    title = title or shown.headline
    text = clean_text(body) or clean_text(page_text)
    if not text:
        raise InputError(source, "no article text found in the HTML page")
    if title and normalize_line(text.split("\n", 1)[0]) != normalize_line(title):
        # The extractor reads the headline too; trafilatura keeps it out of the body.
        text = f"{title}\n\n{text}"
    published = parse_date(doc.date) if doc is not None and doc.date else None
    author = reporter_name(doc.author) if doc is not None and doc.author else None
    return Page(
        text=text,
        title=title,
        published=published or shown.published,
        author=author or shown.author,
        publisher=publisher,
    )


def _captions_as_paragraphs(tree: lxml_html.HtmlElement) -> None:
    for caption in list(tree.iter("figcaption")):
        paragraph = etree.Element("p")
        paragraph.text = caption.text_content().strip()
        figure = caption.getparent()
        target = figure if figure is not None and figure.tag == "figure" else caption
        parent = target.getparent()
        if parent is None:
            continue
        paragraph.tail = target.tail
        parent.replace(target, paragraph)


def _visible_text(tree: lxml_html.HtmlElement) -> str:
    """The page's text with one line per block, for bylines and copyright lines."""
    for element in list(tree.iter("script", "style", "noscript", "template")):
        if element.getparent() is not None:
            element.drop_tree()
    for element in tree.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    body = tree.find("body")
    text = (body if body is not None else tree).text_content()
    return "\n".join(line for line in (normalize_line(x) for x in text.split("\n")) if line)


def _strip_site(title: str, site: str | None) -> str:
    """"중기부, 지원 확대 - 한빛일보" -> "중기부, 지원 확대"."""
    title = normalize_line(title)
    if site:
        title = re.sub(rf"\s*[-|:–—·]\s*{re.escape(site)}\s*$", "", title)
    return title
