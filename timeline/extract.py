"""Find event candidates in one article: ``extract(text, *, reference, source) -> list[Event]``.

The pipeline, per document: split sentences (:mod:`timeline.sentences`), index the article's
time expressions, names and trigger words (:mod:`timeline.extract_document`), and for each
date that can anchor an event (:mod:`timeline.extract_dates`) attach it to the nearest event
trigger (:mod:`timeline.extract_anchors`). The clause around the trigger then gives the
actors, the place and the status (:mod:`timeline.extract_roles`) and a short title built from
those words (:mod:`timeline.extract_titles`). A sentence with no date of its own but a meeting
or visit verb and a named counterpart takes the day of the sentence before it in the same
paragraph, with a lower confidence; an undated meeting of named people is kept, without a
date, only to support a dated one.

What is never an event date: durations, sets, ``PRESENT_REF``-like references, and the edge of a
period ("since 2018", "until June"). Without a reference date, relative expressions ("Monday",
"last November") are left unresolved: only the ones whose value does not depend on the
reference are kept. Merging the candidates of several articles is :mod:`timeline.clustering`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from timeline.dates import EDTFDate, PartialDate, Precision
from timeline.extract_anchors import attach, clause, clause_breaks
from timeline.extract_dates import (
    SIDE_MODS,
    day_ranges,
    is_boundary,
    plan_reading,
    timex_to_edtf,
    with_duration,
)
from timeline.extract_document import Document, Found, read_document
from timeline.extract_roles import parts, status
from timeline.extract_titles import title
from timeline.lexicon import Lexicon, load_lexicon
from timeline.mentions import Mention
from timeline.models import Event, SourceRef
from timeline.names import Spelling, spellings
from timeline.sentences import Sentence, split_sentences

__all__ = ["MAX_INHERIT", "ArticleCandidates", "extract", "extract_candidates", "timex_to_edtf"]

# A dateless meeting takes the day of a sentence at most this many sentences before it.
MAX_INHERIT = 3
_PRONOUN = re.compile(r"\b(?:he|she|his|her)\b", re.IGNORECASE)
_ACRONYM = re.compile(r"\b(?:[A-Z]{2,6}|[A-Z]\d{1,2})\b")


@dataclass(frozen=True, slots=True)
class ArticleCandidates:
    """What one article gives the merge: its candidates and how it spells people's names."""

    events: list[Event]
    spellings: list[Spelling]


def extract_candidates(
    text: str, *, reference: date | None, source: str, lexicon: Lexicon | None = None
) -> ArticleCandidates:
    """Return the event candidates of one article and the spellings of its people's names.

    The spellings let :func:`timeline.clustering.cluster` write each person as the articles
    that give a title do ("Secretary of State Antony Blinken"). Arguments as for ``extract``.
    """
    lexicon = lexicon if lexicon is not None else load_lexicon()
    doc = read_document(text, reference=reference, source=source, lexicon=lexicon)
    return ArticleCandidates(_events(doc), spellings(text, doc.names, source))


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
        [('2021-05-03', 'Lee meets Bo Chan in Paris', ('Ann Lee', 'Bo Chan'), 'Paris')]
    """
    lexicon = lexicon if lexicon is not None else load_lexicon()
    return _events(read_document(text, reference=reference, source=source, lexicon=lexicon))


def _events(doc: Document) -> list[Event]:
    """The candidates of an article, sentence by sentence."""
    events: list[Event] = []
    starts = [m.start for m in doc.mentions]
    last_day: tuple[int, int, PartialDate] | None = None  # (paragraph, sentence index, day)
    for index, sentence in enumerate(split_sentences(doc.text)):
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end)
        mentions = doc.mentions[first:last]
        triggers = doc.triggers_of(sentence)
        if mentions:
            if triggers:
                _sentence_events(doc, sentence, triggers, mentions, events)
            for mention in mentions:
                value = timex_to_edtf(mention.value)
                if isinstance(value, PartialDate) and value.precision is Precision.DAY:
                    last_day = (sentence.paragraph, index, value)
            continue
        if (
            last_day is not None
            and last_day[0] == sentence.paragraph
            and index - last_day[1] <= MAX_INHERIT
            and _inherited_event(doc, sentence, triggers, last_day[2], events)
        ):
            continue
        _undated_meeting(doc, sentence, triggers, events)
    return events


def _sentence_events(
    doc: Document,
    sentence: Sentence,
    triggers: Sequence[Found],
    mentions: Sequence[Mention],
    events: list[Event],
) -> None:
    """Add the events of a sentence with dates and triggers."""
    text = doc.text
    breaks = clause_breaks(text, sentence)
    collapsed = sorted(
        [(n.start, n.end) for n in doc.names_in(sentence.start, sentence.end)]
        + [(m.start, m.end) for m in mentions]
    )
    anchored: dict[int, tuple[Found, Mention, EDTFDate, int]] = {}
    # "June 18-19": the first day stands for the whole range, the last for nothing more.
    ranges = day_ranges(text, mentions)
    closings = {closing.start for closing, _ in ranges.values()}
    for mention in mentions:
        opens = mention.start in ranges
        if mention.start in closings or mention.mod in SIDE_MODS:
            continue
        if not opens and is_boundary(doc, mention):
            continue
        value = (
            ranges[mention.start][1]
            if opens
            else timex_to_edtf(plan_reading(doc, mention, sentence, breaks))
        )
        if value is None:
            continue
        chosen = attach(doc, mention, triggers, breaks, collapsed, sentence)
        if chosen is not None and chosen[0].start not in anchored:
            anchored[chosen[0].start] = (chosen[0], mention, value, chosen[1])
    several = len(anchored) > 1
    for found, mention, value, rule in sorted(anchored.values(), key=lambda a: a[0].start):
        bounds = clause(sentence, breaks, found, mention)
        # The status may follow in the next clause ("scheduled for May, but was postponed").
        cues = bounds if several else (bounds[0], sentence.end)
        event_date = with_duration(doc, bounds, found, value)
        _add_event(doc, sentence, found, event_date, bounds, cues, events, close=rule < 4)


def _inherited_event(
    doc: Document,
    sentence: Sentence,
    triggers: Sequence[Found],
    day: PartialDate,
    events: list[Event],
) -> bool:
    """Add a meeting or visit told without a date, right after a sentence that gave the day."""
    for found in triggers:
        if found.trigger.noun or found.trigger.kind not in ("meeting", "visit"):
            continue
        objects = [n for n in doc.names_in(found.end, sentence.end) if n.kind == "person"]
        if objects:
            bounds = (sentence.start, sentence.end)
            return _add_event(
                doc, sentence, found, day, bounds, bounds, events, close=False, inherited=True
            )
    return False


def _undated_meeting(
    doc: Document, sentence: Sentence, triggers: Sequence[Found], events: list[Event]
) -> None:
    """Add an undated meeting of two or more named people: it can only support a dated one.

    Clustering cites such a sentence for the dated meetings of the same people and drops it
    otherwise; it never becomes a candidate of its own.
    """
    for found in triggers:
        if found.trigger.kind != "meeting":
            continue
        if not _may_name_two(doc, sentence):
            return
        words = doc.text[sentence.start : sentence.end]
        if any(cue.search(words) for cue in doc.lexicon.status_re.values()):
            return  # planned, postponed or cancelled: not a report of a meeting that took place
        roles = parts(doc, (sentence.start, sentence.end), found)
        people = {*roles.subject, *roles.objects}
        if len(people) >= 2 and not roles.filled:
            events.append(
                Event(
                    id=f"{doc.source}-{len(events) + 1}",
                    title=title(found, roles, "happened", doc.short_names),
                    track=doc.lexicon.tracks["meeting"],
                    actors=(*roles.subject, *roles.objects),
                    place=roles.place[1] if roles.place else None,
                    tags=("meeting",),
                    sources=(SourceRef(source=doc.source, span=(sentence.start, sentence.end)),),
                    origin="extracted",
                    confidence=0.3,
                )
            )
            return


def _may_name_two(doc: Document, sentence: Sentence) -> bool:
    """False when the sentence cannot give two people: fewer than two names, or one and no
    pronoun ("he") to stand for another (a cheap test before reading its roles)."""
    names = sum(1 for n in doc.names_in(sentence.start, sentence.end) if n.kind != "single")
    if names != 1:
        return names > 1
    return _PRONOUN.search(doc.text, sentence.start, sentence.end) is not None


def _add_event(
    doc: Document,
    sentence: Sentence,
    found: Found,
    value: EDTFDate,
    bounds: tuple[int, int],
    cues: tuple[int, int],
    events: list[Event],
    *,
    close: bool,
    inherited: bool = False,
) -> bool:
    """Add the event of ``found`` on ``value`` unless its clause names nobody and nothing."""
    roles = parts(doc, bounds, found)
    kind = found.trigger.kind
    actors = [*roles.subject, *roles.objects]
    if kind == "statement" and not roles.subject:
        return False  # a statement nobody is named as making
    if not actors and not roles.place and not roles.modifiers:
        return False
    event_status = status(doc, cues, value)
    confidence = 0.4
    confidence += 0.15 if actors and not roles.filled else 0.0
    confidence += 0.1 if roles.place else 0.0
    confidence += 0.1 if value.precision >= Precision.MONTH else 0.0
    confidence += 0.1 if close else 0.0
    confidence -= 0.2 if inherited else 0.0
    words = doc.text[bounds[0] : bounds[1]]
    tags = [kind, *(w for w in _acronyms(words) if w.lower() != kind)]
    events.append(
        Event(
            id=f"{doc.source}-{len(events) + 1}",
            title=title(found, roles, event_status, doc.short_names),
            date=value,
            track=doc.lexicon.tracks[kind],
            status=event_status,
            actors=tuple(actors),
            place=roles.place[1] if roles.place else None,
            tags=tuple(dict.fromkeys(tags)),
            sources=(SourceRef(source=doc.source, span=(sentence.start, sentence.end)),),
            origin="extracted",
            confidence=round(min(max(confidence, 0.05), 0.95), 2),
        )
    )
    return True


def _acronyms(words: str) -> list[str]:
    """Short upper-case names in a clause ("G20", "APEC"): keywords for matching reports."""
    return [a for a in _ACRONYM.findall(words) if a not in ("US", "UK", "EU", "UN")]
