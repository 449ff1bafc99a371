"""Split article text into sentences with their character offsets; nothing else.

A sentence is a half-open span ``[start, end)`` of the text with surrounding white space
trimmed, so ``text[s.start:s.end] == s.text`` always holds. News text off the web is messy:
headlines, bylines and captions have no final stop, so a line break always ends a sentence,
and a blank line or a new line starts a new paragraph (``paragraph`` counts lines that hold
text). Inside a line, a sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes or
brackets after it) followed by white space and something that can start a sentence, unless the
word before the stop is a known abbreviation (``Mr.``, ``U.S.``) or a single initial.

To add an abbreviation: add it, lower-case and without its final dot, to ``ABBREVIATIONS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that end in a dot without ending the sentence (lower case, final dot dropped).
ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "lt", "col", "maj", "capt",
        "sgt", "adm", "gov", "sen", "rep", "pres", "sec", "amb", "rev", "hon", "messrs",
        "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "e.g", "i.e", "etc", "vs", "no",
        "inc", "co", "corp", "ltd", "dept", "est", "approx", "fig", "vol", "ch",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }
)  # fmt: skip

# A candidate end: terminal punctuation, closing quotes or brackets, then white space.
_END = re.compile(
    r"[.!?]+[\"'\u201d\u2019\u00bb)\]]*(?=\s+(?:[\"'\u201c\u2018\u00ab(\[]?[A-Z0-9]|\u201c))"
)
_LINE = re.compile(r"[^\n]+")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its span in the text, its text and the paragraph (line) it belongs to."""

    start: int
    end: int
    text: str
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of ``text`` in order, trimmed, with half-open offsets.

    Example:
        >>> [s.text for s in split_sentences("Mr. Smith left. He came back.\\nA headline")]
        ['Mr. Smith left.', 'He came back.', 'A headline']
    """
    sentences: list[Sentence] = []
    paragraph = -1
    for line in _LINE.finditer(text):
        if not line.group().strip():
            continue
        paragraph += 1
        begin = line.start()
        for end in _END.finditer(text, line.start(), line.end()):
            if _is_abbreviation(text, begin, end.start() + 1):
                continue
            _append(sentences, text, begin, end.end(), paragraph)
            begin = end.end()
        _append(sentences, text, begin, line.end(), paragraph)
    return sentences


def _is_abbreviation(text: str, begin: int, dot_end: int) -> bool:
    """True when the dot ending at ``dot_end`` belongs to an abbreviation or an initial."""
    if text[dot_end - 1] != ".":
        return False
    match = _WORD_BEFORE.search(text, begin, dot_end)
    if match is None:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial, as in "John F. Kennedy"
    return word.lower() in ABBREVIATIONS


def _append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(start, end, text[start:end], paragraph))
