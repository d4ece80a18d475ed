"""Direct quotations and who said them.

A quotation is text in double quotes followed by a quoting ending (…"라며,
…"고 말했다, …"이라고 밝혔다). Each quoted stretch is one quote. The speaker is
the person who is the subject of the sentence ("오영주 중기부 장관은 …"), or,
when the sentence opens with "그는", "그녀는", "이어" or has no subject, the
previous speaker. A headline with quotes but no quoting ending is not a quote
(GUIDE: "Quotes in a headline … with no speech verb are not quotes").
"""
from __future__ import annotations

import re

from ..models import EntityType
from .doc import Doc, Fact, Mention

P = EntityType.PERSON
_QUOTE = re.compile(r"[\"“”]([^\"“”]{2,}?)[\"“”]\s*(?=(이?라며|이?라고|고|며|라면서|이?라는 말|하고|라|면서|\s*말했|\s*밝혔))")
_PRONOUN = re.compile(r"^\s*(?:이어\s*|또\s*|아울러\s*|이와 함께\s*|특히\s*)?(그는|그녀는|그는\s|그녀는\s)|^\s*(이어|또|아울러)\s")
_SPEECH_END = re.compile(r"(말했|밝혔|강조했|전했|덧붙였|설명했|답했|평가했|소개했|했다|언급했|당부했|주장했|지적했|약속했|"
                         r"촉구했|발표했|말한|밝힌|강조한|전망했|기대했|소감|다짐했|호소했|요청했|부탁했|말하|밝히|강조하|"
                         r"털어놨|내다봤|분석했|했고|했으며|다고|된다고)")


# a quotation that opens its sentence, its speaker named after it: "…입니다." 김 대표는 이같이 말했다.
_LEADING_QUOTE = re.compile(r"^\s*[\"“]([^\"“”]{2,})[\"”]\s*")
_THUS = re.compile(r"이같이|이렇게|이와 같이|이처럼")
# ""…" 무대에 오른 NAME 감독의 첫마디였다": the words were the person's
_WORDS_OF = re.compile(r"의 (첫마디|첫 마디|일성|첫 일성|각오|소감|다짐|대답|답변|일갈|설명)(였다|이었다|이다)")


def _quote_first(doc: Doc, index: int) -> tuple[re.Match, list[Mention]] | None:
    """A quotation standing first, and the people of the clause that names its speaker with 이같이/이렇게."""
    sent = doc.sentences[index]
    m = _LEADING_QUOTE.match(sent.text)
    if m is None:
        return None
    rest = sent.text[m.end():]
    if rest.strip():
        clause, people = rest, [p for p in doc.in_sentence(index, P) if p.start >= sent.start + m.end()]
    elif index + 1 < len(doc.sentences):
        clause, people = doc.sentences[index + 1].text, doc.in_sentence(index + 1, P)
    else:
        return None
    words_of = _WORDS_OF.search(clause)
    if not (people and (_THUS.search(clause) and _SPEECH_END.search(clause) or words_of)):
        return None
    if words_of and not _THUS.search(clause):
        # "NAME 선수를 만난 NAME 감독의 각오였다": the words are those of the person named right before 의
        offset = doc.sentences[index].start + m.end() if rest.strip() else doc.sentences[index + 1].start
        owner = [p for p in people if p.end <= offset + words_of.start()]
        people = owner[-1:] or people
    return m, people


def find_quotes(doc: Doc) -> None:
    last_speaker: str | None = None
    for sent in doc.sentences:
        matches = list(_QUOTE.finditer(sent.text))
        if not matches or not _SPEECH_END.search(sent.text[matches[-1].end():]):
            first = _quote_first(doc, sent.index)
            if first is not None:
                m, people = first
                last_speaker = people[0].name
                doc.facts.append(Fact("quote", (P, last_speaker), None, sent.index, "quote:quote-first",
                                      text=m[1].strip(), start=sent.start + m.start(1), end=sent.start + m.end(1)))
            continue
        before = sent.text[: matches[0].start()]
        people = [m for m in doc.in_sentence(sent.index, P) if m.start < sent.start + matches[0].start()]
        speaker = None
        if _PRONOUN.search(before) and not people:
            # "그는": the person the sentence before was about, else whoever spoke last
            speaker = _marked_subject(doc, sent.index - 1) or last_speaker
        elif people:
            speaker = _subject(people, sent.start, before)
        else:
            after = [m for m in doc.in_sentence(sent.index, P) if m.start >= sent.start + matches[-1].end()]
            speaker = after[0].name if after else last_speaker
        if speaker is None:
            continue
        last_speaker = speaker
        for m in matches:
            text = m[1].strip()
            doc.facts.append(Fact("quote", (P, speaker), None, sent.index, "quote:subject" if people else "quote:pronoun",
                                  text=text, start=sent.start + m.start(1), end=sent.start + m.end(1)))


def _marked_subject(doc: Doc, index: int) -> str | None:
    """The person marked as the subject of sentence ``index`` when it has no quotation of its own."""
    if index < 0 or _QUOTE.search(doc.sentences[index].text):
        return None
    sent = doc.sentences[index]
    for m in doc.in_sentence(index, P):
        tail = sent.text[m.end - sent.start:]
        if re.match(r"^(\([^)]*\))?\s*(?:[가-힣A-Za-z·]+\s*){0,4}?(\([^)]*\))?(은|는|이|가)\s", tail) or \
                re.match(r"^(은|는|이|가)\s", tail):
            return m.name
    return None


def _subject(people: list[Mention], sent_start: int, before: str) -> str:
    """The person marked as the subject (은/는/이/가) before the quote, else the last one named."""
    for m in reversed(people):
        tail = before[m.end - sent_start:]
        if re.match(r"^[^\s,]*\s*(?:[가-힣A-Za-z·]+\s*){0,3}?(은|는|이|가)\s", tail) or re.match(r"^(은|는|이|가)\b", tail):
            return m.name
    return people[-1].name
