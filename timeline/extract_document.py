"""What the extraction rules look up in one article: its names, time expressions and triggers.

``read_document`` tags the article once (:func:`timeline.tagger.tag`), finds its names
(:mod:`timeline.names`) and its event trigger words (:mod:`timeline.lexicon`), and returns a
:class:`Document` that answers the rules' questions by position: the names in a span, the last
person named before a point, the triggers of a sentence. Without a reference date only the time
expressions whose value does not depend on one are kept. This module decides nothing about
events: anchoring dates is :mod:`timeline.extract_anchors`, roles :mod:`timeline.extract_roles`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from timeline.lexicon import Lexicon, Trigger
from timeline.mentions import Mention
from timeline.names import Name, find_names
from timeline.sentences import Sentence
from timeline.tagger import tag

# Two reference dates far apart: a value that is the same under both does not depend on it.
_PROBE_REFERENCES = (date(2001, 3, 14), date(2012, 10, 3))
# On lower-cased text: case-insensitive matching would forgo the fast search for "according".
_ATTRIBUTION = re.compile(r"\baccording\s+to\b[^,.;]*")
_ATTRIBUTION_ANY_CASE = re.compile(_ATTRIBUTION.pattern, re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+(?P<word>[^\W\d_][\w-]*)")


@dataclass(frozen=True, slots=True)
class Found:
    """A trigger occurrence at ``[start, end)`` of the text: the words and what they mean."""

    start: int
    end: int
    word: str
    trigger: Trigger


@dataclass(frozen=True, slots=True)
class Document:
    """One article with its names, time expressions and triggers, in text order."""

    text: str
    reference: date | None
    source: str
    lexicon: Lexicon
    names: list[Name]
    name_starts: list[int]
    mentions: list[Mention]  # the DATE and TIME expressions: what can date an event
    timexes: list[Mention]  # every time expression, durations included; they never overlap
    timex_starts: list[int]
    triggers: list[Found]
    trigger_starts: list[int]
    topic: str | None  # the full name of the person the article names most often
    short_names: dict[str, str]  # a person's full name -> the one word a title calls them

    def names_in(self, start: int, end: int) -> list[Name]:
        """The names that lie within ``[start, end)``."""
        first = bisect.bisect_left(self.name_starts, start)
        last = bisect.bisect_left(self.name_starts, end)
        return [n for n in self.names[first:last] if n.end <= end]

    def last_person_before(self, position: int) -> str | None:
        """The last person named before ``position`` (whom "he" or "she" refers to)."""
        index = bisect.bisect_left(self.name_starts, position)
        for name in reversed(self.names[:index]):
            if name.kind == "person":
                return name.text
        return None

    def in_timex(self, position: int) -> bool:
        """True when ``position`` lies within a time expression."""
        index = bisect.bisect_right(self.timex_starts, position) - 1
        return index >= 0 and position < self.timexes[index].end

    def triggers_of(self, sentence: Sentence) -> list[Found]:
        """The triggers that lie within the sentence."""
        first = bisect.bisect_left(self.trigger_starts, sentence.start)
        last = bisect.bisect_left(self.trigger_starts, sentence.end)
        return [t for t in self.triggers[first:last] if t.end <= sentence.end]


def read_document(text: str, *, reference: date | None, source: str, lexicon: Lexicon) -> Document:
    """Tag ``text`` and index its names and triggers for the extraction rules.

    Example:
        >>> from timeline.lexicon import load_lexicon
        >>> doc = read_document("Ann Lee met Bo Chan on 3 May 2021.", reference=None,
        ...                     source="a", lexicon=load_lexicon())
        >>> [n.text for n in doc.names], [m.value for m in doc.mentions], doc.triggers[0].word
        (['Ann Lee', 'Bo Chan'], ['2021-05-03'], 'met')
    """
    names = find_names(text, lexicon)
    people = Counter(n.text for n in names if n.kind == "person" and " " in n.text)
    timexes = _timexes(text, reference=reference)
    triggers = find_triggers(text, lexicon)
    return Document(
        text=text,
        reference=reference,
        source=source,
        lexicon=lexicon,
        names=names,
        name_starts=[n.start for n in names],
        mentions=[_dating(m) for m in timexes if m.type in ("DATE", "TIME") or m.point],
        timexes=timexes,
        timex_starts=[m.start for m in timexes],
        triggers=triggers,
        trigger_starts=[t.start for t in triggers],
        topic=min(people, key=lambda p: (-people[p], p)) if people else None,
        short_names=short_names(text, names),
    )


def short_names(text: str, names: Sequence[Name]) -> dict[str, str]:
    """The word each person of the text goes by: the one the text uses alone, else the last.

    A text that writes "Xi" for Xi Jinping or "Blinken" for Antony Blinken says which word is
    the family name, whatever the order of names; a person never named alone gets the last
    word, the family name in English usage.

    Example:
        >>> from timeline.lexicon import load_lexicon
        >>> text = "Xi Jinping met Mike Pompeo. Xi left."
        >>> short_names(text, find_names(text, load_lexicon()))
        {'Xi Jinping': 'Xi', 'Mike Pompeo': 'Pompeo'}
    """
    alone: dict[str, Counter[str]] = {}
    for name in names:
        if name.kind != "person" or " " not in name.text:
            continue
        written = text[name.start : name.end]
        counts = alone.setdefault(name.text, Counter())
        if " " not in written and written in name.text.split():
            counts[written] += 1
    return {
        full: min(counts, key=lambda w: (-counts[w], w)) if counts else full.split()[-1]
        for full, counts in alone.items()
    }


def _dating(mention: Mention) -> Mention:
    """An anchored duration ("three days later") dates an event by the day it reaches."""
    if mention.point is None:
        return mention
    return mention.model_copy(update={"type": "DATE", "value": mention.point})


def _timexes(text: str, *, reference: date | None) -> list[Mention]:
    """Tag ``text``; without a reference, keep only what does not depend on one.

    Example:
        >>> [m.value for m in _timexes("In May 2020 and on Monday.", reference=None)]
        ['2020-05']
    """
    if reference is not None:
        return tag(text, reference=reference)
    first, second = (tag(text, reference=r) for r in _PROBE_REFERENCES)
    values = {(m.start, m.end): (m.value, m.point) for m in second}
    return [m for m in first if values.get((m.start, m.end)) == (m.value, m.point)]


def find_triggers(text: str, lexicon: Lexicon) -> list[Found]:
    """Every trigger word of the text, except in attributions ("according to a statement").

    One regex over the lower-cased text finds the first words of triggers (a trie-shaped
    alternation, see :mod:`timeline.lexicon`: faster than looking up every word); two-word
    triggers such as "held talks" win.

    Example:
        >>> from timeline.lexicon import load_lexicon
        >>> [f.word for f in find_triggers("They held talks, according to a statement.",
        ...                                load_lexicon())]
        ['held talks']
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text  # lower() changed the length (e.g. "İ"): offsets would shift
    attribution = _ATTRIBUTION_ANY_CASE if lowered is text else _ATTRIBUTION
    quoted = [m.span() for m in attribution.finditer(lowered)]
    triggers = lexicon.triggers
    phrase_starts = lexicon.phrase_starts
    found: list[Found] = []
    for match in lexicon.first_word_re.finditer(lowered):
        word = match.group()
        start, end = match.span()
        if found and start < found[-1].end:
            continue
        if word in phrase_starts:
            following = _NEXT_WORD.match(lowered, end)
            if following is not None and f"{word} {following['word']}" in triggers:
                word, end = f"{word} {following['word']}", following.end()
        if word not in triggers or (quoted and any(a <= start < b for a, b in quoted)):
            continue
        found.append(Found(start, end, word, triggers[word]))
    return found
