"""Find event candidates in one article: ``extract(text, *, reference, source) -> list[Event]``.

The pipeline, per document: split sentences (:mod:`timeline.sentences`), tag time expressions
(:func:`timeline.tagger.tag`), find names (:mod:`timeline.names`), and for each date that can
anchor an event attach it to the nearest event trigger of the lexicon (:mod:`timeline.lexicon`),
in this order of rules (first that applies wins):

1. the date modifies a trigger noun right after it ("the October 2018 trip", "last year's summit");
2. the date opens its clause ("On Monday, he held a meeting"): the nearest trigger to its right;
3. the date sits between a subject and its verb ("Biden on Monday expressed"): that verb;
4. the nearest trigger to its left in the same clause, then to its right, then to its left in
   the sentence, at most ``MAX_GAP`` words away (a name or a time expression counts as a word).

The clause around the trigger then gives the actors (subject before it, objects after it, "he"
resolved to the last person named), the place (after *in*, *to*, *at*), the status (cue words,
and dates after the document creation time are ``planned``) and a short title built from those
words. A sentence with no date of its own but a meeting or visit verb and a named counterpart
takes the day of the sentence before it in the same paragraph, with a lower confidence.

What is never an event date: durations, sets, ``PRESENT_REF``-like references, and the edge of a
period ("since 2018", "until June"). Without a reference date, relative expressions ("Monday",
"last November") are left unresolved: only the ones whose value does not depend on the
reference are kept. Merging the candidates of several articles is :mod:`timeline.clustering`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from timeline.dates import EDTFDate, Interval, PartialDate, Precision
from timeline.lexicon import Lexicon, Trigger, load_lexicon
from timeline.mentions import Mention
from timeline.models import Event, SourceRef, Status
from timeline.names import Name, find_names
from timeline.sentences import Sentence, split_sentences
from timeline.tagger import tag

# A trigger farther than this many words from a date does not take it.
MAX_GAP = 10
# A dateless meeting takes the day of a sentence at most this many sentences before it.
MAX_INHERIT = 3
# Two reference dates far apart: a value that is the same under both does not depend on it.
_PROBE_REFERENCES = (date(2001, 3, 14), date(2012, 10, 3))

# TIMEX3 values (TimeML 1.2.1) that are event dates, and how to write them in EDTF.
_DAY = re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:T.*)?")
_MONTH = re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)")
_YEAR = re.compile(r"(?P<y>\d{4})")
_DECADE = re.compile(r"(?P<y>\d{3})X?")
_CENTURY = re.compile(r"(?P<y>\d\d)(?:XX)?")
_WEEK = re.compile(r"(?P<y>\d{4})-W(?P<w>\d\d)(?P<we>-WE)?")
_QUARTER = re.compile(r"(?P<y>\d{4})-Q(?P<q>[1-4])")
_HALF = re.compile(r"(?P<y>\d{4})-H(?P<h>[12])")
_SEASON = re.compile(r"(?P<y>\d{4})-(?P<s>SP|SU|FA|AU|WI)")
# EDTF level 1 season codes (dates.py: 21 spring ... 24 winter).
_SEASONS = {"SP": 21, "SU": 22, "FA": 23, "AU": 23, "WI": 24}
# TIMEX3 mods that put the event on one side of the date rather than at it.
_SIDE_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN"})

_WORD = re.compile(r"[\w'\u2019-]+")
_CLAUSE_BREAK = re.compile(
    r";|:\s|\s[\u2014\u2013-]\s|\u2014|"
    r",\s+(?=(?:and|but|while|whereas|which|who|although|though|when|following|after|before|"
    r"because|saying|so|where|according)\b)|\s+but\s+"
)
_ATTRIBUTION = re.compile(r"\baccording\s+to\b[^,.;]*", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"(?:^|\W)(?P<word>[\w]+)\s*$")
_OPENING = frozenset({"On", "In", "Last", "Earlier", "Later", "By", "At", "During", "Since"})
_PRONOUNS = frozenset({"he", "she", "his", "her"})
_PLACE_PREPOSITIONS = frozenset({"in", "to", "at"})
_OBJECT_STOP = frozenset(
    {"that", "but", "after", "before", "during", "as", "while", "when", "because", "and", "on"}
)
_DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "next", "last"}
)
_END_VERBS = re.compile(r"\b(?:concluded|ended|wrapped\s+up|finished|completed|finish)\b", re.I)
_START_VERBS = re.compile(r"\b(?:began|started|opened|kicked\s+off|arrived\s+for)\b", re.I)
_DAYS = re.compile(r"P(?P<n>\d+)D")
_BARE_MONTH = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class _Found:
    """A trigger occurrence in the text."""

    start: int
    end: int
    word: str
    trigger: Trigger


@dataclass(slots=True)
class _Document:
    text: str
    reference: date | None
    source: str
    lexicon: Lexicon
    names: list[Name]
    name_starts: list[int]
    mentions: list[Mention]
    timexes: list[Mention]
    triggers: list[_Found]
    trigger_starts: list[int]
    topic: str | None
    events: list[Event] = field(default_factory=list)

    def names_in(self, start: int, end: int) -> list[Name]:
        first = bisect.bisect_left(self.name_starts, start)
        last = bisect.bisect_left(self.name_starts, end)
        return [n for n in self.names[first:last] if n.end <= end]

    def last_person_before(self, position: int) -> str | None:
        index = bisect.bisect_left(self.name_starts, position)
        for name in reversed(self.names[:index]):
            if name.kind == "person":
                return name.text
        return None


def timex_to_edtf(value: str) -> EDTFDate | None:
    """Return the EDTF date of a TIMEX3 value, or ``None`` when it is no calendar date.

    Days, months and years keep their precision; a week becomes its Monday-Sunday interval, a
    quarter or half year its months, a season the EDTF season code, a decade ``199X``.
    References (``PRESENT_REF``), durations (``P2D``) and unresolved values (``XXXX-06``) give
    ``None``.

    Example:
        >>> [str(timex_to_edtf(v)) for v in ("2023-06-19", "2023-02", "2023-W25", "199")]
        ['2023-06-19', '2023-02', '2023-06-19/2023-06-25', '199X']
    """
    try:
        if match := _DAY.fullmatch(value):
            return PartialDate(int(match["y"]), int(match["m"]), int(match["d"]))
        if match := _MONTH.fullmatch(value):
            return PartialDate(int(match["y"]), int(match["m"]))
        if match := _YEAR.fullmatch(value):
            return PartialDate(int(match["y"]))
        if match := _DECADE.fullmatch(value):
            return PartialDate(int(match["y"]) * 10, unspecified_digits=1)
        if match := _CENTURY.fullmatch(value):
            return PartialDate(int(match["y"]) * 100, unspecified_digits=2)
        if match := _WEEK.fullmatch(value):
            monday = date.fromisocalendar(int(match["y"]), int(match["w"]), 1)
            first, last = (5, 6) if match["we"] else (0, 6)
            return Interval(_day(monday + timedelta(first)), _day(monday + timedelta(last)))
        if match := _QUARTER.fullmatch(value):
            first_month = 3 * int(match["q"]) - 2
            year = int(match["y"])
            return Interval(PartialDate(year, first_month), PartialDate(year, first_month + 2))
        if match := _HALF.fullmatch(value):
            first_month = 6 * int(match["h"]) - 5
            year = int(match["y"])
            return Interval(PartialDate(year, first_month), PartialDate(year, first_month + 5))
        if match := _SEASON.fullmatch(value):
            return PartialDate(int(match["y"]), _SEASONS[match["s"]])
    except ValueError:
        return None  # an impossible calendar value (week 54, 2023-02-30): no date
    return None


def _day(value: date) -> PartialDate:
    return PartialDate(value.year, value.month, value.day)


def _timexes(text: str, *, reference: date | None) -> list[Mention]:
    """Tag ``text``; without a reference, keep only what does not depend on one.

    Example:
        >>> [m.value for m in _timexes("In May 2020 and on Monday.", reference=None)]
        ['2020-05']
    """
    if reference is not None:
        return tag(text, reference=reference)
    first, second = (tag(text, reference=r) for r in _PROBE_REFERENCES)
    values = {(m.start, m.end): m.value for m in second}
    return [m for m in first if values.get((m.start, m.end)) == m.value]


def extract(
    text: str, *, reference: date | None, source: str, lexicon: Lexicon | None = None
) -> list[Event]:
    """Return the event candidates of one article, in text order.

    Args:
        text: the article.
        reference: its document creation time (publication date), which relative
            expressions are resolved against; ``None`` leaves them unresolved.
        source: the id of the article in the sources list; every candidate cites it with the
            span of its sentence.
        lexicon: the event lexicon; the shipped English one by default.

    Example:
        >>> events = extract("Ann Lee met Bo Chan in Paris on 3 May 2021.", reference=None,
        ...                  source="a")
        >>> [(str(e.date), e.title, e.actors, e.place) for e in events]
        [('2021-05-03', 'Ann Lee meets Bo Chan in Paris', ('Ann Lee', 'Bo Chan'), 'Paris')]
    """
    lexicon = lexicon if lexicon is not None else load_lexicon()
    names = find_names(text, lexicon)
    people = Counter(n.text for n in names if n.kind == "person" and " " in n.text)
    timexes = _timexes(text, reference=reference)
    triggers = _find_triggers(text, lexicon)
    doc = _Document(
        text=text,
        reference=reference,
        source=source,
        lexicon=lexicon,
        names=names,
        name_starts=[n.start for n in names],
        mentions=[m for m in timexes if m.type in ("DATE", "TIME")],
        timexes=timexes,
        triggers=triggers,
        trigger_starts=[t.start for t in triggers],
        topic=min(people, key=lambda p: (-people[p], p)) if people else None,
    )
    starts = [m.start for m in doc.mentions]
    last_day: tuple[int, int, PartialDate] | None = None  # (paragraph, sentence index, day)
    for index, sentence in enumerate(split_sentences(text)):
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end)
        mentions = doc.mentions[first:last]
        if mentions:
            _sentence_events(doc, sentence, mentions)
            for mention in mentions:
                value = timex_to_edtf(mention.value)
                if isinstance(value, PartialDate) and value.precision is Precision.DAY:
                    last_day = (sentence.paragraph, index, value)
            continue
        if (
            last_day is not None
            and last_day[0] == sentence.paragraph
            and index - last_day[1] <= MAX_INHERIT
            and _inherited_event(doc, sentence, last_day[2])
        ):
            continue
        _undated_meeting(doc, sentence)
    return doc.events


def _sentence_events(
    doc: _Document, sentence: Sentence, mentions: Sequence[Mention]
) -> list[EDTFDate]:
    """Add the events of a sentence with dates; return the dates used."""
    text = doc.text
    triggers = _triggers(doc, sentence)
    if not triggers:
        return []
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end)]
    collapsed = sorted(
        [(n.start, n.end) for n in doc.names_in(sentence.start, sentence.end)]
        + [(m.start, m.end) for m in mentions]
    )
    anchored: dict[int, tuple[_Found, Mention, EDTFDate, int]] = {}
    for mention in mentions:
        if mention.mod in _SIDE_MODS or _is_boundary(doc, mention):
            continue
        value = timex_to_edtf(_plan_reading(doc, mention, sentence, breaks))
        if value is None:
            continue
        chosen = _attach(doc, mention, triggers, breaks, collapsed, sentence)
        if chosen is not None and chosen[0].start not in anchored:
            anchored[chosen[0].start] = (chosen[0], mention, value, chosen[1])
    used: list[EDTFDate] = []
    several = len(anchored) > 1
    for found, mention, value, rule in sorted(anchored.values(), key=lambda a: a[0].start):
        clause = _clause(sentence, breaks, found, mention)
        # The status may follow in the next clause ("scheduled for May, but was postponed").
        cues = clause if several else (clause[0], sentence.end)
        event_date = _with_duration(doc, clause, found, value)
        if _add_event(doc, sentence, found, event_date, clause, cues, close=rule < 4):
            used.append(event_date)
    return used


def _inherited_event(doc: _Document, sentence: Sentence, day: PartialDate) -> bool:
    """Add a meeting or visit told without a date, right after a sentence that gave the day."""
    for found in _triggers(doc, sentence):
        if found.trigger.noun or found.trigger.kind not in ("meeting", "visit"):
            continue
        objects = [n for n in doc.names_in(found.end, sentence.end) if n.kind == "person"]
        if objects:
            bounds = (sentence.start, sentence.end)
            return _add_event(
                doc, sentence, found, day, bounds, bounds, close=False, inherited=True
            )
    return False


def _undated_meeting(doc: _Document, sentence: Sentence) -> None:
    """Add an undated meeting of two or more named people: it can only support a dated one.

    Clustering cites such a sentence for the dated meetings of the same people and drops it
    otherwise; it never becomes a candidate of its own.
    """
    for found in _triggers(doc, sentence):
        if found.trigger.kind != "meeting":
            continue
        words = doc.text[sentence.start : sentence.end]
        if any(cue.search(words) for cue in doc.lexicon.status_re.values()):
            return  # planned, postponed or cancelled: not a report of a meeting that took place
        parts = _parts(doc, (sentence.start, sentence.end), found)
        people = {*parts.subject, *parts.objects}
        if len(people) >= 2 and not parts.filled:
            doc.events.append(
                Event(
                    id=f"{doc.source}-{len(doc.events) + 1}",
                    title=_title(found, parts, "happened"),
                    track=doc.lexicon.tracks["meeting"],
                    actors=(*parts.subject, *parts.objects),
                    place=parts.place[1] if parts.place else None,
                    tags=("meeting",),
                    sources=(SourceRef(source=doc.source, span=(sentence.start, sentence.end)),),
                    origin="extracted",
                    confidence=0.3,
                )
            )
            return


def _triggers(doc: _Document, sentence: Sentence) -> list[_Found]:
    first = bisect.bisect_left(doc.trigger_starts, sentence.start)
    last = bisect.bisect_left(doc.trigger_starts, sentence.end)
    return [t for t in doc.triggers[first:last] if t.end <= sentence.end]


_NEXT_WORD = re.compile(r"\s+(?P<word>[^\W\d_][\w-]*)")


def _find_triggers(text: str, lexicon: Lexicon) -> list[_Found]:
    """Every trigger word of the text, except in attributions ("according to a statement").

    One regex over the lower-cased text finds the first words of triggers (in C, a third
    faster than looking up every word); two-word triggers such as "held talks" win.
    """
    quoted = [m.span() for m in _ATTRIBUTION.finditer(text)]
    lowered = text.lower() if len(text.lower()) == len(text) else text
    triggers = lexicon.triggers
    found: list[_Found] = []
    for match in lexicon.first_word_re.finditer(lowered):
        word = match.group()
        if found and match.start() < found[-1].end:
            continue
        end = match.end()
        following = _NEXT_WORD.match(lowered, end)
        if following is not None and f"{word} {following['word']}" in triggers:
            word, end = f"{word} {following['word']}", following.end()
        if word not in triggers or any(a <= match.start() < b for a, b in quoted):
            continue
        found.append(_Found(match.start(), end, word, triggers[word]))
    return found


def _is_boundary(doc: _Document, mention: Mention) -> bool:
    before = _PREPOSITION_BEFORE.search(doc.text, max(0, mention.start - 20), mention.start)
    return before is not None and before["word"].lower() in doc.lexicon.boundary_words


def _plan_reading(
    doc: _Document, mention: Mention, sentence: Sentence, breaks: Sequence[int]
) -> str:
    """Choose the year of a bare month ("in February") from what the sentence says of the plan.

    A plan that was postponed or cancelled lies in the past: "He was scheduled to travel in
    February, but the trip was postponed", written in June, means last February. A month in
    a clause that looks ahead ("Xi was invited to San Francisco in November", "expected to
    attend ... in September") is the next such month. Otherwise the tagger's reading stands.
    (HeidelTime also decides the year of a bare month from the tense around it.)
    """
    value = mention.value
    month = _MONTH.fullmatch(value)
    if doc.reference is None or month is None or not _BARE_MONTH.fullmatch(mention.text):
        return value
    year, number = int(month["y"]), int(month["m"])
    reference = (doc.reference.year, doc.reference.month)
    status_re = doc.lexicon.status_re
    words = doc.text[sentence.start : sentence.end]
    fell_through = status_re["postponed"].search(words) or status_re["cancelled"].search(words)
    if (year, number) > reference and fell_through:
        return f"{year - 1:04d}-{number:02d}"
    clause_start = max((b for b in breaks if b < mention.start), default=sentence.start)
    clause_end = min((b for b in breaks if b >= mention.end), default=sentence.end)
    ahead = status_re["planned"].search(doc.text, clause_start, clause_end)
    if (year, number) < reference and ahead and not fell_through:
        upcoming = doc.reference.year if number > doc.reference.month else doc.reference.year + 1
        return f"{upcoming:04d}-{number:02d}"
    return value


def _gap(text: str, start: int, end: int, collapsed: Sequence[tuple[int, int]]) -> int:
    """Count the words in ``[start, end)``; a name or a time expression counts as one word."""
    if end <= start:
        return 0
    count = 0
    position = start
    for a, b in collapsed:
        if b <= start or a >= end:
            continue
        count += len(_WORD.findall(text, position, max(position, a))) + 1
        position = max(position, b)
    return count + len(_WORD.findall(text, position, end))


def _attach(
    doc: _Document,
    mention: Mention,
    triggers: Sequence[_Found],
    breaks: Sequence[int],
    collapsed: Sequence[tuple[int, int]],
    sentence: Sentence,
) -> tuple[_Found, int] | None:
    """Return the trigger a date anchors, and the number of the rule that chose it."""
    text = doc.text
    after = [t for t in triggers if t.start >= mention.end]
    before = [t for t in triggers if t.end <= mention.start]
    clause_start = max((b for b in breaks if b < mention.start), default=sentence.start)
    clause_end = min((b for b in breaks if b >= mention.end), default=sentence.end)
    # 1. "the October 2018 trip", "last year's summit"
    if after and after[0].trigger.noun and _gap(text, mention.end, after[0].start, collapsed) <= 1:
        between = text[mention.end : after[0].start]
        if "," not in between:
            return after[0], 1
    # 2. "On Monday, he held a meeting"
    opening = _PREPOSITION_BEFORE.search(text, max(0, mention.start - 12), mention.start)
    opens = opening is not None and opening["word"] in _OPENING
    if opens or _gap(text, clause_start, mention.start, collapsed) == 0:
        right = [t for t in after if t.start < clause_end or "," in text[mention.end : t.start]]
        right = [t for t in right if _gap(text, mention.end, t.start, collapsed) <= MAX_GAP]
        if right:
            return right[0], 2
    # 3. "Biden on Monday expressed"
    if after and not after[0].trigger.noun:
        between = text[mention.end : after[0].start]
        if _gap(text, mention.end, after[0].start, collapsed) <= 1 and "," not in between:
            return after[0], 3
    # 4. nearest in the clause (left first), then left in the sentence
    in_clause_left = [t for t in before if t.start >= clause_start]
    in_clause_right = [t for t in after if t.end <= clause_end]
    for candidates, rule in (
        (reversed(in_clause_left), 4),
        (in_clause_right, 5),
        (reversed(before), 6),
    ):
        for found in candidates:
            start, end = (
                (found.end, mention.start)
                if found.end <= mention.start
                else (mention.end, found.start)
            )
            if _gap(text, start, end, collapsed) <= MAX_GAP:
                return found, rule
            break
    return None


def _clause(
    sentence: Sentence, breaks: Sequence[int], found: _Found, mention: Mention
) -> tuple[int, int]:
    """The clause holding the trigger and its date, in a sentence with several events."""
    low, high = min(found.start, mention.start), max(found.end, mention.end)
    start = max((b for b in breaks if b <= low), default=sentence.start)
    end = min((b for b in breaks if b >= high), default=sentence.end)
    return start, end


def _with_duration(
    doc: _Document, bounds: tuple[int, int], found: _Found, value: EDTFDate
) -> EDTFDate:
    """Widen a day to the span of a "two-day visit" the clause says ended or began that day."""
    if not isinstance(value, PartialDate) or value.precision is not Precision.DAY:
        return value
    for mention in doc.timexes:
        if not (bounds[0] <= mention.start < bounds[1]) or mention.type != "DURATION":
            continue
        days = _DAYS.fullmatch(mention.value)
        close = 0 <= found.start - mention.end <= 2
        if days is None or not close or not 1 < int(days["n"]) <= 14:
            continue
        span = timedelta(days=int(days["n"]) - 1)
        day = date(value.year, value.month or 1, value.day or 1)
        clause = doc.text[bounds[0] : bounds[1]]
        if _END_VERBS.search(clause):
            return Interval(_day(day - span), value)
        if _START_VERBS.search(clause):
            return Interval(value, _day(day + span))
    return value


@dataclass(frozen=True, slots=True)
class _Parts:
    subject: list[str]
    objects: list[str]
    place: tuple[str, str] | None  # (preposition, place)
    modifiers: list[str]
    object_words: list[str]
    filled: bool


_CONTENT = re.compile(r"\sthat\s|[\u201c\"]")
_AGENT = re.compile(r"\s*(?:of|by)\b")
_NON_PERSONAL = frozenset({"they", "it", "we", "there"})


def _parts(doc: _Document, bounds: tuple[int, int], found: _Found) -> _Parts:
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
        preposition = _PREPOSITION_BEFORE.search(text, max(0, name.start - 12), name.start)
        prep = preposition["word"].lower() if preposition else ""
        visited = found.trigger.kind == "visit" and not text[found.end : name.start].strip()
        if visited:
            prep = "to"  # "visited Kyiv"
        if name.kind in ("place", "country") and (prep in _PLACE_PREPOSITIONS or visited):
            if name.start < lead_start:
                continue  # "the visit to Beijing, Washington hailed ...": not where it was
            prep = "to" if found.trigger.kind == "visit" and prep == "to" else "in"
            if place is None or (name.kind == "place" and name.start > found.start):
                place = (prep, name.text)
        elif name.kind in ("person", "organisation") or (
            name.kind in ("country", "place") and name.end <= found.start
        ):
            people.append(name)
    lead_words = {w.lower() for w in _WORD.findall(text, lead_start, found.start)}
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
    return _Parts(
        list(dict.fromkeys(subject)),
        list(dict.fromkeys(objects)),
        place,
        modifiers,
        object_words,
        filled,
    )


_NAMED_BEFORE = re.compile(r"\s*(?:\([A-Z0-9-]{2,10}\))?\s*")


def _modifiers(doc: _Document, clause_start: int, found: _Found) -> tuple[list[str], Name | None]:
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
    words = list(_WORD.finditer(doc.text, max(clause_start, found.start - 40), found.start))
    for match in reversed(words[-3:]):
        word = match.group()
        lower = word.lower()
        if doc.text[match.end() : position].strip() or lower in _DETERMINERS:
            break
        if lower in doc.lexicon.stopwords or lower in doc.lexicon.triggers:
            break
        if any(m.start <= match.start() < m.end for m in doc.timexes):
            break
        if word[0].isupper() and not any(c.isdigit() for c in word) and not word.isupper():
            break  # a name, which is an actor or a place rather than a modifier
        kept.insert(0, word)
        position = match.start()
    return kept, None


def _object_words(doc: _Document, found: _Found, end: int) -> list[str]:
    """The few words after a verb that say what it was about ("hails the talks")."""
    words: list[str] = []
    position = found.end
    for match in _WORD.finditer(doc.text, found.end, end):
        if any(m.start <= match.start() < m.end for m in doc.timexes):
            position = match.end()
            continue  # "agreed yesterday, Monday, to ...": skip the dates
        gap = doc.text[position : match.start()]
        if ("," in gap and words) or len(words) == 5:
            break
        lower = match.group().lower()
        if lower in _OBJECT_STOP or match.group()[0].isupper():
            break
        words.append(match.group())
        position = match.end()
    while words and words[-1].lower() in _DETERMINERS | {"to", "of", "for", "with", "in", "on"}:
        words.pop()
    return words


def _status(doc: _Document, bounds: tuple[int, int], value: EDTFDate) -> Status:
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


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _title(found: _Found, parts: _Parts, status: Status) -> str:
    who = _join(parts.subject) if parts.subject else ""
    whom = _join(parts.objects) if parts.objects else ""
    trigger = found.trigger
    if trigger.noun:
        what = " ".join([*parts.modifiers, found.word])
        title = f"{who}: {what}" if who else what[:1].upper() + what[1:]
        if whom:
            title += f" with {whom}"
    elif who and (whom or parts.object_words):
        title = f"{who} {trigger.headline} {whom or ' '.join(parts.object_words)}"
    elif who:
        title = f"{who}: {trigger.kind}"
    else:
        title = f"{trigger.kind.capitalize()} with {whom}" if whom else trigger.kind.capitalize()
    if parts.place and parts.place[1] not in title:
        title += f" {parts.place[0]} {parts.place[1]}"
    if status in ("postponed", "cancelled"):
        title += f" ({status})"
    return title


def _add_event(
    doc: _Document,
    sentence: Sentence,
    found: _Found,
    value: EDTFDate,
    bounds: tuple[int, int],
    cues: tuple[int, int],
    *,
    close: bool,
    inherited: bool = False,
) -> bool:
    parts = _parts(doc, bounds, found)
    kind = found.trigger.kind
    actors = [*parts.subject, *parts.objects]
    if kind == "statement" and not parts.subject:
        return False  # a statement nobody is named as making
    if not actors and not parts.place and not parts.modifiers:
        return False
    status = _status(doc, cues, value)
    confidence = 0.4
    confidence += 0.15 if actors and not parts.filled else 0.0
    confidence += 0.1 if parts.place else 0.0
    confidence += 0.1 if value.precision >= Precision.MONTH else 0.0
    confidence += 0.1 if close else 0.0
    confidence -= 0.2 if inherited else 0.0
    words = doc.text[bounds[0] : bounds[1]]
    tags = [kind, *(w for w in _acronyms(words) if w.lower() != kind)]
    doc.events.append(
        Event(
            id=f"{doc.source}-{len(doc.events) + 1}",
            title=_title(found, parts, status),
            date=value,
            track=doc.lexicon.tracks[kind],
            status=status,
            actors=tuple(actors),
            place=parts.place[1] if parts.place else None,
            tags=tuple(dict.fromkeys(tags)),
            sources=(SourceRef(source=doc.source, span=(sentence.start, sentence.end)),),
            origin="extracted",
            confidence=round(min(max(confidence, 0.05), 0.95), 2),
        )
    )
    return True


_ACRONYM = re.compile(r"\b(?:[A-Z]{2,6}|[A-Z]\d{1,2})\b")


def _acronyms(words: str) -> list[str]:
    """Short upper-case names in a clause ("G20", "APEC"): keywords for matching reports."""
    return [a for a in _ACRONYM.findall(words) if a not in ("US", "UK", "EU", "UN")]
