"""Who, whom, where and in what status: the roles of the clause around an event trigger.

``parts`` reads the clause's names: the subject before the trigger ("he" resolved to the
last person named, an article's main person for a bare "the visit"), the objects after it,
the place after *in*, *to* or *at*, the words that qualify a trigger noun ("spy balloon
incident") and the words a verb is about ("hails the talks"). ``status`` reads the status
cues of the lexicon, and a date after the document creation time is ``planned``. Turning the
roles into a title is :mod:`timeline.extract_titles`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.dates import EDTFDate
from timeline.extract_anchors import WORD
from timeline.extract_dates import PREPOSITION_BEFORE
from timeline.extract_document import Document, Found
from timeline.models import Status
from timeline.names import Name

_PRONOUNS = frozenset({"he", "she", "his", "her"})
_PLACE_PREPOSITIONS = frozenset({"in", "to", "at"})
_OBJECT_STOP = frozenset(
    {"that", "but", "after", "before", "during", "as", "while", "when", "because", "and", "on"}
)
DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "next", "last"}
)
_CONTENT = re.compile(r"\sthat\s|[\u201c\"]")
_AGENT = re.compile(r"\s*(?:of|by)\b")
_NON_PERSONAL = frozenset({"they", "it", "we", "there"})
_CONTENT_STOP = frozenset(
    {"but", "during", "after", "before", "when", "while", "because", "although", "though",
     "since", "so", "which", "who", "whereas", "saying", "according"}
)  # fmt: skip
_PREPOSITIONS = frozenset(
    {"to", "of", "for", "with", "in", "on", "at", "by", "from", "about", "over"}
)
_QUOTES = ('"', "\u201c", "\u201d", "(")
_OBJECT_TRAILING = DETERMINERS | {"to", "of", "for", "with", "in", "on"}
_TRAILING = DETERMINERS | {"to", "of", "for", "with", "in", "on", "and", "or", "at", "by"}
_NAMED_BEFORE = re.compile(r"\s*(?:\([A-Z0-9-]{2,10}\))?\s*")


@dataclass(frozen=True, slots=True)
class Parts:
    """The roles of a clause: actors before and after the trigger, place and qualifiers."""

    subject: list[str]
    objects: list[str]
    place: tuple[str, str] | None  # (preposition, place)
    modifiers: list[str]
    object_words: list[str]
    filled: bool  # the subject is the article's main person, not named in the clause
    content: list[str]  # what a statement says: the words of its "that" clause


def parts(doc: Document, bounds: tuple[int, int], found: Found) -> Parts:
    """Who (before the trigger), whom (after it) and where, from the clause's names."""
    text = doc.text
    content = _CONTENT.search(text, found.end, bounds[1])
    end = content.start() if content else bounds[1]
    modifiers, named = _modifiers(doc, bounds[0], found)
    names = [n for n in doc.names_in(bounds[0], end) if n is not named]
    place: tuple[str, str] | None = None
    people: list[Name] = []
    lead_start = max(bounds[0], text.rfind(",", bounds[0], found.start) + 1)
    for name in names:
        if name.kind in ("person", "organisation"):
            people.append(name)
            continue
        if name.kind not in ("place", "country"):
            continue
        visited = found.trigger.kind == "visit" and not text[found.end : name.start].strip()
        if visited:
            prep = "to"  # "visited Kyiv"
        else:
            preposition = PREPOSITION_BEFORE.search(text, max(0, name.start - 12), name.start)
            prep = preposition["word"].lower() if preposition else ""
        if prep in _PLACE_PREPOSITIONS or visited:
            if name.start < lead_start:
                continue  # "the visit to Beijing, Washington hailed ...": not where it was
            prep = "to" if found.trigger.kind == "visit" and prep == "to" else "in"
            if place is None or (name.kind == "place" and name.start > found.start):
                place = (prep, name.text)
        elif name.end <= found.start:
            people.append(name)  # "China agreed": a country that acts
    lead_words = {w.lower() for w in WORD.findall(text, lead_start, found.start)}
    subject = [n.text for n in people if lead_start <= n.start and n.end <= found.start]
    if not subject and not lead_words & (_NON_PERSONAL | _PRONOUNS):
        subject = [n.text for n in people if n.end <= found.start]
    if lead_words & _NON_PERSONAL and not subject:
        subject = []
    objects = [n.text for n in people if n.start >= found.end and n.text not in subject]
    if found.trigger.noun and _AGENT.match(text, found.end):
        agents = [n for n in people if n.start >= found.end and n.kind == "person"]
        if agents:  # "the trip of his predecessor, Mike Pompeo": Pompeo made the trip
            subject, objects = [agents[0].text], []
    filled = False
    if not subject and lead_words & _PRONOUNS:
        person = doc.last_person_before(found.start)
        if person is not None and person not in objects:
            subject.append(person)
    if not subject and not objects and found.trigger.kind in ("visit", "meeting") and doc.topic:
        subject.append(doc.topic)
        filled = True
    object_words = [] if found.trigger.noun else _object_words(doc, found, end)
    said: list[str] = []
    if content is not None and found.trigger.kind == "statement" and not found.trigger.noun:
        said = _content_words(doc, found, content.start(), content.end(), bounds[1])
    return Parts(
        list(dict.fromkeys(subject)),
        list(dict.fromkeys(objects)),
        place,
        modifiers,
        object_words,
        filled,
        said,
    )


def _modifiers(doc: Document, clause_start: int, found: Found) -> tuple[list[str], Name | None]:
    """Words right before a trigger noun ("spy balloon incident"), or the name it carries.

    Returns the modifiers, and the organisation name that names the event when there is one
    ("the Asia-Pacific Economic Cooperation (APEC) summit"): that is no actor.
    """
    if not found.trigger.noun:
        return [], None
    for name in doc.names_in(max(clause_start, found.start - 80), found.start):
        if name.kind == "organisation" and _NAMED_BEFORE.fullmatch(doc.text, name.end, found.start):
            return [name.text], name
    kept: list[str] = []
    position = found.start
    words = list(WORD.finditer(doc.text, max(clause_start, found.start - 40), found.start))
    for match in reversed(words[-3:]):
        word = match.group()
        lower = word.lower()
        if doc.text[match.end() : position].strip() or lower in DETERMINERS:
            break
        if lower in doc.lexicon.stopwords or lower in doc.lexicon.triggers:
            break
        if doc.in_timex(match.start()):
            break
        if word[0].isupper() and not any(c.isdigit() for c in word) and not word.isupper():
            break  # a name, which is an actor or a place rather than a modifier
        kept.insert(0, word)
        position = match.start()
    return kept, None


def _object_words(doc: Document, found: Found, end: int) -> list[str]:
    """The few words after a verb that say what it was about ("hails the talks").

    They end at a comma or quotation mark, a conjunction, five words, or a preposition after
    the first two words ("stresses Washington's commitment | to ...").
    """
    words: list[str] = []
    position = found.end
    for match in WORD.finditer(doc.text, found.end, end):
        if doc.in_timex(match.start()):
            position = match.end()
            continue  # "agreed yesterday, Monday, to ...": skip the dates
        gap = doc.text[position : match.start()]
        if ("," in gap and words) or len(words) == 5 or any(q in gap for q in _QUOTES):
            break
        lower = match.group().lower()
        if lower in _OBJECT_STOP or (len(words) >= 2 and lower in _PREPOSITIONS):
            break
        words.append(match.group())
        position = match.end()
    while words and words[-1].lower() in _OBJECT_TRAILING:
        words.pop()
    return words


def _content_words(doc: Document, found: Found, that: int, start: int, end: int) -> list[str]:
    """The first words of the "that" clause of a statement verb ("stated on Monday that ..."),
    up to a clause break or a conjunction; none when "that" is not the verb's complement."""
    if doc.text[that:start].strip() != "that":
        return []
    between = [m for m in WORD.finditer(doc.text, found.end, that) if not doc.in_timex(m.start())]
    if len(between) > 3:
        return []  # "that" belongs to something further away
    words: list[str] = []
    position = start
    for match in WORD.finditer(doc.text, start, end):
        if doc.in_timex(match.start()):
            break
        if any(c in ",;:()" for c in doc.text[position : match.start()]) or len(words) == 12:
            break
        if match.group().lower() in _CONTENT_STOP:
            break
        words.append(match.group())
        position = match.end()
    while words and words[-1].lower() in _TRAILING:
        words.pop()
    return words if len(words) >= 3 else []


def status(doc: Document, bounds: tuple[int, int], value: EDTFDate) -> Status:
    """The status of an event told in ``bounds``: its cue words, else its date against the DCT."""
    words = doc.text[bounds[0] : bounds[1]]
    status_re = doc.lexicon.status_re
    if status_re["cancelled"].search(words):
        return "cancelled"
    if status_re["postponed"].search(words):
        return "postponed"
    if doc.reference is not None:
        if value.earliest > doc.reference:
            return "planned"
        if value.latest <= doc.reference:
            return "happened"
    return "planned" if status_re["planned"].search(words) else "happened"
