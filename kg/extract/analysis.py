"""Sentences and words: the Korean analysis every extraction rule reads.

Kiwi (kiwipiepy) splits each paragraph into sentences and morphemes; this is
the only module that imports it, and it loads once per process (about 2 s and
500 MB, so never per article).

A ``Word`` is one whitespace-separated unit (an eojeol) with its noun stem and
the particle after it: "중소벤처기업부는" → stem "중소벤처기업부", particle "는".
A parenthesis inside the word is kept apart ("한국과학기술연구원(KIST)은" →
stem "한국과학기술연구원", paren "KIST", particle "은"), and a quoted name
('…') counts as one word even when it holds spaces.
"""
from __future__ import annotations

import re
import threading
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property

_kiwi = None
_kiwi_lock = threading.Lock()


def kiwi():
    """The process's Kiwi analyser, created on first use."""
    global _kiwi
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi()
    return _kiwi


# Kiwi tags that end a noun stem: particles (J…), endings (E…), the copula and
# verb-forming suffixes (이다, 하다), verbs and adjectives, sentence punctuation.
_FUNCTIONAL = ("J", "E", "VCP", "VCN", "XSV", "XSA", "VV", "VA", "VX", "MAG", "MAJ", "IC")
_NOMINAL = ("NNG", "NNP", "NNB", "NR", "NP", "SL", "SN", "SH", "XPN", "XSN", "XR", "SW", "SO", "W_")

QUOTE_OPEN = "'\"‘“「『《〈"
QUOTE_CLOSE = {"'": "'", '"': '"', "‘": "’", "“": "”", "「": "」", "『": "』", "《": "》", "〈": "〉"}
# a quoted name: short, single quotes or book brackets, no sentence inside
_QUOTED_NAME = re.compile(r"(['‘「『《〈])([^'‘’「」『』《》〈〉\"“”\n]{2,60}?)(['’」』》〉])")
_TRAIL_PUNCT = ",.!?…;:·"


@dataclass(frozen=True)
class Token:
    form: str
    tag: str
    start: int  # absolute offset in the article text
    end: int


@dataclass(frozen=True)
class Word:
    """One eojeol (or one quoted name) of a sentence."""

    text: str            # surface, trailing punctuation removed
    start: int           # absolute offsets of ``text``
    end: int
    stem: str            # the noun part: "중소벤처기업부" of "중소벤처기업부는"
    particle: str        # what follows the stem: "는", "에서", "이라고", ""
    paren: str           # text inside a parenthesis attached to the word, "" if none
    comma: bool          # a comma (or other list break) follows the word
    quoted: bool         # the word is a quoted name ('…')
    nominal: bool        # the stem is made of nouns (a possible name)
    tags: tuple[str, ...]

    @property
    def bare(self) -> bool:
        """No particle and no comma: the noun phrase goes on into the next word."""
        return not self.particle and not self.comma


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int
    end: int
    words: tuple[Word, ...]
    paragraph: int

    @cached_property
    def stems(self) -> tuple[str, ...]:
        return tuple(w.stem for w in self.words)


def analyse(text: str) -> list[Sentence]:
    """Split the article text into sentences of words, with absolute offsets."""
    # a lone surrogate (from a broken JSON escape) cannot reach Kiwi; U+FFFD keeps every offset
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    sentences: list[Sentence] = []
    offset = 0
    paragraphs = text.split("\n")
    for p_index, para in enumerate(paragraphs):
        if para.strip():
            for start, end, tokens in _merge_split_quotes(kiwi().split_into_sents(para, return_tokens=True), para):
                tokens = [Token(t.form, t.tag, offset + t.start, offset + t.start + t.len) for t in tokens]
                start += offset
                s_text = text[start: offset + end]
                words = tuple(_words(s_text, start, tokens))
                sentences.append(Sentence(len(sentences), s_text, start, start + len(s_text), words, p_index))
        offset += len(para) + 1
    return sentences


def _merge_split_quotes(sents, para: str):
    """Kiwi may end a sentence at the "!" of a quoted name ('도전! K-스타트업'); join it back."""
    merged: list[list] = []
    for sent in sents:
        if merged and _unbalanced(para[merged[-1][0]:merged[-1][1]]):
            merged[-1][1] = sent.end
            merged[-1][2] = merged[-1][2] + list(sent.tokens)
        else:
            merged.append([sent.start, sent.end, list(sent.tokens)])
    return _split_before_quotations(_reattach_leading_quotes([tuple(m) for m in merged], para), para)


_SENTENCE_THEN_QUOTATION = re.compile(r"다\.\s+(?=[\"“])")


def _split_before_quotations(sents: list[tuple], para: str) -> list[tuple]:
    """Kiwi may run a sentence on into a quotation that opens the next one
    ("…각각 발표했다. "협력이 …"고 슈나이더 교수는 말했다."): end the sentence at its period."""
    out: list[tuple] = []
    for start, end, tokens in sents:
        cuts = [(m.start() + 2, m.end()) for m in _SENTENCE_THEN_QUOTATION.finditer(para, start, end)
                if not _unbalanced(para[start:m.end()].replace("'", "").replace("‘", "").replace("’", ""))]
        for stop, at in cuts:
            out.append((start, stop, [t for t in tokens if t.start < at]))
            start, tokens = at, [t for t in tokens if t.start >= at]
        out.append((start, end, tokens))
    return out


_QUOTE_OPENS_SENTENCE = re.compile(r"[.!?]\s+(?=['\"‘“][^'\"‘’“”]+['\"’”]$)")


def _reattach_leading_quotes(sents: list[tuple], para: str) -> list[tuple]:
    """Kiwi may end a sentence after the quoted name that opens the next one
    ("…전달했다. '올해의 공작기계인상'" | "은 … 돌아갔다."): move the quote over."""
    out = [list(s) for s in sents]
    for a, b in zip(out, out[1:]):
        if b[0] != a[1] or not para[a[1]:a[1] + 1].strip():  # the next sentence goes on without a space
            continue
        cut = _QUOTE_OPENS_SENTENCE.search(para, a[0], a[1])
        if cut is None:
            continue
        at = cut.end()
        a[2], moved = [t for t in a[2] if t.start < at], [t for t in a[2] if t.start >= at]
        a[1] = cut.start() + 1
        b[0], b[2] = at, moved + b[2]
    return [tuple(s) for s in out]


def _unbalanced(text: str) -> bool:
    return text.count('"') % 2 == 1 or (text.count("'") % 2 == 1) or text.count("‘") > text.count("’") or \
        text.count("“") > text.count("”")


def _words(s_text: str, base: int, tokens: list[Token]) -> list[Word]:
    starts = [t.start for t in tokens]
    words = []
    for a, b, quoted in _units(s_text):
        lo, hi = bisect_left(starts, base + a), bisect_left(starts, base + b)
        toks = [t for t in tokens[lo:hi] if t.end <= base + b]
        words.append(_word(s_text[a:b], base + a, toks, quoted))
    return [w for w in words if w.text]


def _units(s_text: str) -> list[tuple[int, int, bool]]:
    """Whitespace words, except that a quoted name stays one unit."""
    units: list[tuple[int, int, bool]] = []
    quoted = [(m.start(), m.end()) for m in _QUOTED_NAME.finditer(s_text)]
    i, n = 0, len(s_text)
    while i < n:
        if s_text[i].isspace():
            i += 1
            continue
        q = next((q for q in quoted if q[0] == i), None)
        if q is not None:
            j = q[1]
            while j < n and not s_text[j].isspace():
                j += 1
            units.append((i, j, True))
            i = j
            continue
        j = i
        while j < n and not s_text[j].isspace():
            # a quoted name starting inside the word (e.g. 개막…'제3회) begins a new unit
            if j > i and any(q[0] == j for q in quoted):
                break
            j += 1
        # keep a parenthesis that contains spaces with its word: 과학기술정보통신부(장관 유영민)는
        if "(" in s_text[i:j] and ")" not in s_text[s_text.index("(", i):j]:
            close = s_text.find(")", j)
            if close != -1 and close - j < 40:
                j = close + 1
                while j < n and not s_text[j].isspace():
                    j += 1
        units.append((i, j, False))
        i = j
    return units


_PARTICLE_TAIL = re.compile(r"^(?P<stem>.*?)(?P<tail>[^\w)]*)$")


def _word(surface: str, start: int, toks: list[Token], quoted: bool) -> Word:
    comma = surface.rstrip().endswith((",", "，", "、"))
    text = surface.rstrip(_TRAIL_PUNCT)
    # strip leading brackets and bullets that are not part of a name
    lead = len(text) - len(text.lstrip("[(<▲△▷○●■□-–—•·/"))
    if quoted or text.startswith(("(주)", "(사)", "(재)")):  # (주)루미: the company mark stays with the name
        lead = 0
    text = text[lead:]
    start += lead
    end = start + len(text)
    if quoted:
        m = _QUOTED_NAME.match(text)
        inner = m.group(2).strip() if m else text.strip(QUOTE_OPEN + "'’”")
        tail = text[m.end():] if m else ""
        paren = ""
        if tail.startswith("(") and ")" in tail:  # "'…특별법안'(로봇특별법)의": a short name after the quote
            paren, tail = tail[1:tail.index(")")].strip(), tail[tail.index(")") + 1:]
        return Word(text, start, end, inner, tail, paren, comma, True, True, ())
    paren = ""
    if "(" in text:
        i = text.index("(")
        j = text.find(")", i)
        if j != -1 and i > 0:
            paren = text[i + 1: j].strip()
    in_word = [t for t in toks if start <= t.start < end]
    tags = tuple(t.tag for t in in_word)
    # the stem ends where the trailing run of functional morphemes begins
    cut = end
    for t in reversed(in_word):
        if t.tag.startswith(_FUNCTIONAL) or t.tag in ("SF", "SE", "SSO", "SSC") or (t.tag == "SP" and t.form != "·"):
            cut = t.start
        else:
            break
    if paren:
        i = text.index("(")
        j = text.find(")", i)
        stem = text[:i]
        particle = text[j + 1:] if j != -1 else ""
        if cut - start < i and cut > start:  # the particle started inside the stem: trust Kiwi
            stem = text[: cut - start]
    else:
        stem = text[: max(0, cut - start)]
        particle = text[len(stem):]
        if particle == "서" and len(stem) > 2 and stem.endswith("에"):  # "송도컨벤시아에|서": Kiwi kept 에 in the noun
            stem, particle = stem[:-1], "에서"
        after_mark = re.search(r"(?<=..㈜)(이|가|은|는|을|를|과|와|의|도|에|에게|에서)$", stem)
        if after_mark and not particle:  # "한빛정밀㈜이": Kiwi reads a particle after ㈜ as a noun
            stem, particle = stem[:after_mark.start()], after_mark.group()
        elif not particle.strip(",") and in_word and in_word[-1].tag == "XSN" and in_word[-1].form in ("이", "장이") \
                and stem.endswith("장이") and len(stem) > 3:
            stem, particle = stem[:-1], "이" + particle  # "한빛산업기술원장이": Kiwi read the particle as a suffix of the post
    stem_end = start + len(stem.rstrip())  # before quotes are stripped: '"푸른숲' ends where 숲 ends
    stem = stem.strip().strip("'\"‘’“”")
    nominal = bool(stem) and (not in_word or stem[0].isascii()
                              or any(t.tag.startswith(_NOMINAL) for t in in_word if t.start < stem_end))
    return Word(text, start, end, stem, particle.strip(), paren, comma, False, nominal, tags)
