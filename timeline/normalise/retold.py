"""Events a possessive day names ("Saturday's earthquake") and the sentences that retell them.

A report names an event by its day and goes on to tell it with a definite subject: "Survivors
of Saturday's earthquake queued for food on Monday. The quake struck at 5:54 a.m." The clock
time is Saturday's, though Monday was named last. The subject retells the event when its
noun is the event's noun or ends it ("quake" of "earthquake"). This module knows no words:
the possessive and the determiner are the rule file's ([cues] possessive and definite).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from timeline.rules import RuleSet
from timeline.tense import sentence_start

#: A word of a noun phrase, and what stands before it: only spaces join its words ("Sunday
#: evening's magnitude 6.9 earthquake"); a comma or a full stop ends the phrase.
_WORD = re.compile(r"(\s*)([^\W_][\w.-]*)")
#: At most this many words make the noun phrase.
_PHRASE_WORDS = 4
#: A word shorter than this ends the phrase ("Sunday's earthquake and tsunami"); it is no
#: noun to retell an event by.
_NOUN_LENGTH = 4
#: How far back the sentence that retells the event may begin.
_SENTENCE_REACH = 200


@dataclass(frozen=True, slots=True)
class NamedEvent:
    """An event a possessive day names: the nouns of its phrase, and the day."""

    nouns: frozenset[str]
    day: date


def nouns_after(text: str, position: int, stop: int | None = None) -> frozenset[str]:
    """The nouns of the phrase that opens at ``position`` (and ends by ``stop``): its
    lower-case words long enough to be one, up to the first short word ("earthquake" of
    "earthquake and tsunami")."""
    nouns: set[str] = set()
    stop = len(text) if stop is None else stop
    for count in range(_PHRASE_WORDS):
        word = _WORD.match(text, position, stop)
        if word is None or (count and not word.group(1)):
            break
        position = word.end()
        token = word.group(2).rstrip(".")
        if token.isalpha() and token.islower():
            if len(token) < _NOUN_LENGTH:
                break
            nouns.add(token)
        if token != word.group(2):  # a full stop ends the phrase
            break
    return frozenset(nouns)


def event_named_at(rules: RuleSet, text: str, end: int, day: date) -> NamedEvent | None:
    """The event a day ending at ``end`` names when a possessive follows it ("Saturday's
    earthquake"), if any."""
    possessive = rules.cues.possessive.match(text, end)
    if possessive is None:
        return None
    nouns = nouns_after(text, possessive.end())
    return NamedEvent(nouns, day) if nouns else None


def retold_day(rules: RuleSet, text: str, start: int, events: Sequence[NamedEvent]) -> date | None:
    """The day of the event the sentence holding ``start`` retells, if its subject, before
    the mention, is a definite noun of an event named earlier ("The quake struck at 5:54
    a.m."); the latest such event wins."""
    if not events:
        return None
    begins = sentence_start(text, start, _SENTENCE_REACH)
    if begins is None and start > _SENTENCE_REACH:
        return None  # the sentence opens too far back to tell
    definite = rules.cues.definite.match(text, begins or 0, start)
    if definite is None:
        return None
    subject = nouns_after(text, definite.end(), start)
    for event in reversed(events):
        if any(noun.endswith(word) for noun in event.nouns for word in subject):
            return event.day
    return None
