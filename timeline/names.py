"""Find the names in a text (people, places, organisations) and key them for matching.

A name is a run of capitalised words, possibly joined by ``of``/``the``/``for`` ("Great Hall of
the People"). Titles and nationalities in front of it are split off ("Chinese President Xi
Jinping" → the person "Xi Jinping", title "president"), using the word lists of the event
lexicon. Single words ("Blinken", "Xi") are resolved to the one full name of the same document
that contains them. This module does not decide who did what: that is :mod:`timeline.extract`.

``name_key`` makes spelling variants meet: a consonant skeleton per word, after folding the
English spellings of the same sound (``th``→``t``, ``ph``→``f``) and the pinyin initial ``q``
(read *ch*), so "Antony"/"Anthony" and "Qin"/"Chen" get the same key.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from timeline.lexicon import Lexicon, load_lexicon

NameKind = Literal["person", "place", "country", "organisation", "single"]

_TOKEN = re.compile(r"U\.S\.|U\.K\.|[^\W\d_][\w\-]*|[A-Z]\d+\w*")
_CAPITALISED = r"(?:U\.S\.|U\.K\.|[A-Z\u00C0-\u00DE][\w-]*)"
# Stretches of capitalised words, possibly joined by lower-case connectors: where names can be.
_RUN = re.compile(
    rf"(?<![\w-]){_CAPITALISED}"
    rf"(?: (?:(?:of|the|for|de|del|van|von|al|bin|la) )*{_CAPITALISED})*"
)
_APOSTROPHES = ("'", "\u2019")
_POSSESSIVE = re.compile(r"['\u2019]s?(?!\w)")
_CONNECTORS = frozenset({"of", "the", "for", "de", "del", "van", "von", "al", "bin", "la"})
_VOWELS = re.compile(r"[aeiouy]")
_FOLDS = (("th", "t"), ("ph", "f"), ("ck", "k"), ("q", "ch"), ("zh", "j"), ("x", "sh"))


@dataclass(frozen=True, slots=True)
class Name:
    """A name at ``[start, end)`` of a text: its words, what it names and any title before it."""

    start: int
    end: int
    text: str
    kind: NameKind
    title: str = ""
    possessive: bool = False


@dataclass(frozen=True, slots=True)
class Spelling:
    """How an article writes a person's full name, and whether a title leads it there."""

    source: str
    name: str
    titled: bool


def spellings(text: str, names: Sequence[Name], source: str) -> list[Spelling]:
    """The full names of people as ``text`` writes them out (not resolved from one word).

    Example:
        >>> from timeline.lexicon import load_lexicon
        >>> text = "Secretary Ann Lee met Bo Chan. Lee left."
        >>> [(s.name, s.titled) for s in spellings(text, find_names(text, load_lexicon()), "a")]
        [('Ann Lee', True), ('Bo Chan', False)]
    """
    found: dict[str, bool] = {}
    for name in names:
        if name.kind == "person" and " " in name.text and text[name.start : name.end] == name.text:
            found[name.text] = found.get(name.text, False) or bool(name.title)
    return [Spelling(source, name, titled) for name, titled in found.items()]


@lru_cache(maxsize=65536)
def name_key(name: str) -> tuple[str, ...]:
    """Return a spelling-tolerant key of a name: one consonant skeleton per word.

    Example:
        >>> name_key("Antony Blinken") == name_key("Anthony Blinken")
        True
        >>> name_key("Qin Gang") == name_key("Chen Gang")
        True
    """
    return tuple(_skeleton(word) for word in name.lower().split())


def _skeleton(word: str) -> str:
    for old, new in _FOLDS:
        word = word.replace(old, new)
    skeleton = word[:1] + _VOWELS.sub("", word[1:])
    return re.sub(r"(.)\1+", r"\1", skeleton.replace("-", ""))


def find_names(text: str, lexicon: Lexicon) -> list[Name]:
    """Return the names in ``text`` in order; single words are resolved within the text.

    Example:
        >>> from timeline.lexicon import load_lexicon
        >>> names = find_names("President Joe Biden met Xi. Biden left.", load_lexicon())
        >>> [(n.text, n.kind) for n in names]
        [('Joe Biden', 'person'), ('Xi', 'single'), ('Joe Biden', 'person')]
    """
    names = [name for run in _runs(text, lexicon) if (name := _classify(run, lexicon))]
    return _resolve_singles(names)


def _runs(text: str, lexicon: Lexicon) -> list[list[tuple[int, int, str]]]:
    """Group capitalised words into runs, split at stopwords, trigger words and punctuation.

    ``_RUN`` is greedy, so two of its matches are never one space apart: each is split on its
    own. Most are one ASCII word, which is a run unless it is a stopword or a trigger word.
    """
    runs: list[list[tuple[int, int, str]]] = []
    stopwords = lexicon.stopwords
    triggers = lexicon.triggers
    for run in _RUN.finditer(text):
        words = run.group()
        lower = words.lower()
        if lower in stopwords:
            continue  # most runs are one sentence-initial word
        if " " in words or not words.isascii():
            _split_run(text, run.start(), words, lexicon, runs)
        elif lower not in triggers:
            start, end = run.span()
            if text[end : end + 1] in _APOSTROPHES and _POSSESSIVE.match(text, end):
                runs.append([(start, end, words), (-1, -1, "'s")])
            else:
                runs.append([(start, end, words)])
    return runs


def _possessive_at(text: str, end: int) -> bool:
    return text[end : end + 1] in _APOSTROPHES and _POSSESSIVE.match(text, end) is not None


def _split_run(
    text: str,
    offset: int,
    words: str,
    lexicon: Lexicon,
    runs: list[list[tuple[int, int, str]]],
) -> None:
    """Split one match of ``_RUN`` at stopwords and trigger words; add its runs to ``runs``."""
    current: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []  # connectors waiting for a capitalised word
    last_end = -1
    for start, end, word in _tokens(text, offset, words):
        lower = word.lower()
        if last_end < 0 or text[last_end:start] != " ":
            _close(runs, current)
            current, pending = [], []
        if word[0].isupper() and lower not in lexicon.stopwords and lower not in lexicon.triggers:
            current.extend(pending)
            pending = []
            current.append((start, end, word))
        elif current and lower in _CONNECTORS:
            pending.append((start, end, word))
        else:
            _close(runs, current)
            current, pending = [], []
        last_end = end
        if _possessive_at(text, end):
            _close(runs, current, possessive=True)
            current, pending, last_end = [], [], -1
    _close(runs, current)


def _tokens(text: str, start: int, words: str) -> list[tuple[int, int, str]]:
    """The words of a run at ``start``: its pieces between single spaces when it is ASCII
    (``_RUN`` joins words with one space and ``_TOKEN`` splits ASCII runs nowhere else)."""
    if not words.isascii():
        return [
            (m.start(), m.end(), m.group())
            for m in _TOKEN.finditer(text, start, start + len(words))
        ]
    tokens = []
    for word in words.split(" "):
        tokens.append((start, start + len(word), word))
        start += len(word) + 1
    return tokens


def _close(
    runs: list[list[tuple[int, int, str]]],
    current: list[tuple[int, int, str]],
    *,
    possessive: bool = False,
) -> None:
    if current:
        if possessive:
            current = [*current, (-1, -1, "'s")]
        runs.append(current)


def _classify(run: list[tuple[int, int, str]], lexicon: Lexicon) -> Name | None:
    possessive = run[-1][2] == "'s"
    words = run[:-1] if possessive else run
    found = _kind_of(tuple([w for _, _, w in words]), lexicon.language)
    if found is None:
        return None
    first, last, text, kind, title = found
    return Name(words[first][0], words[last][1], text, kind, title, possessive)


@lru_cache(maxsize=65536)
def _kind_of(words: tuple[str, ...], language: str) -> tuple[int, int, str, NameKind, str] | None:
    """Classify a run of words: (first, last word of the name, its text, kind, title)."""
    lexicon = load_lexicon(language)
    lowered = [w.lower() for w in words]
    last = len(words) - 1
    if lowered[-1] in lexicon.organisation_words:
        first = 0
        while first < last and lowered[first] in lexicon.stopwords:
            first += 1
        return first, last, " ".join(words[first:]), "organisation", ""
    title_at = max((i for i, w in enumerate(lowered) if _is_title(w, lexicon)), default=-1)
    title = " ".join(w for w in lowered[: title_at + 1] if w in lexicon.title_words)
    first = title_at + 1
    while first <= last and lowered[first] in _CONNECTORS:
        first += 1
    if first > last:
        return None
    text = " ".join(words[first:])
    rest = lowered[first:]
    kind: NameKind
    if text in lexicon.countries:
        kind = "country"
    elif (
        text in lexicon.cities
        or rest[-1] in lexicon.place_suffixes
        or any(w in _CONNECTORS for w in rest)
    ):
        kind = "place"
    elif len(rest) == 1:
        if len(text) == 1:
            return None
        kind = "person" if title and not text.isupper() else "single"
    elif len(rest) <= 4:
        kind = "person"
    else:
        return None
    return first, last, text, kind, title


def _is_title(word: str, lexicon: Lexicon) -> bool:
    return word in lexicon.title_words or word in lexicon.demonyms


def _resolve_singles(names: Sequence[Name]) -> list[Name]:
    """Resolve single words, and runs that over-reach by a word, to the text's full names.

    "Blinken" becomes the text's most frequent full name containing that word; "Anthony
    Blinken Long" (a headline word caught in the run) becomes "Anthony Blinken" when the text
    names that person, under any spelling, elsewhere.
    """
    full_keys = {name_key(n.text) for n in names if n.kind == "person" and n.text.count(" ") == 1}
    trimmed = []
    for name in names:
        words = name.text.split()
        if name.kind == "person" and len(words) > 2 and name_key(" ".join(words[:2])) in full_keys:
            short = " ".join(words[:2])
            name = Name(
                name.start, name.start + len(short), short, "person", name.title, name.possessive
            )
        trimmed.append(name)
    counts = Counter(n.text for n in trimmed if n.kind == "person" and " " in n.text)
    by_word: dict[str, str] = {}
    for full in sorted(counts, key=lambda t: (-counts[t], t)):
        for word in full.split():
            by_word.setdefault(word, full)
    return [
        _renamed(name, by_word[name.text])
        if name.kind in ("single", "person") and " " not in name.text and name.text in by_word
        else name
        for name in trimmed
    ]


def _renamed(name: Name, text: str) -> Name:
    return Name(name.start, name.end, text, "person", name.title, name.possessive)
