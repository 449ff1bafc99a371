"""The date an event candidate takes: from a TIMEX3 value to an EDTF date, and its readings.

``timex_to_edtf`` writes a tagger value (TimeML TIMEX3) as an EDTF date or interval, or says
it is no calendar date (a duration, a set, ``PRESENT_REF``). Around it, the rules that read a
date in its sentence: ``is_boundary`` (the edge of a period, "since 2018", anchors nothing),
``plan_reading`` (the year of a bare month told of a plan) and ``with_duration`` (a "two-day
visit" that ended on a day spans both days). Which trigger a date belongs to is
:mod:`timeline.extract_anchors`; the tagging itself is :mod:`timeline.tagger`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise

from timeline.dates import EDTFDate, Interval, PartialDate, Precision
from timeline.extract_document import Document, Found
from timeline.mentions import Mention
from timeline.normalise import RANGE_CONNECTOR
from timeline.sentences import Sentence

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
SIDE_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN"})

PREPOSITION_BEFORE = re.compile(r"(?:^|\W)(?P<word>[\w]+)\s*$")
_END_VERBS = re.compile(r"\b(?:concluded|ended|wrapped\s+up|finished|completed|finish)\b", re.I)
_START_VERBS = re.compile(r"\b(?:began|started|opened|kicked\s+off|arrived\s+for)\b", re.I)
_DAYS = re.compile(r"P(?P<n>\d+)D")
_BARE_MONTH = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?", re.IGNORECASE
)


@lru_cache(maxsize=4096)
def timex_to_edtf(value: str) -> EDTFDate | None:
    """Return the EDTF date of a TIMEX3 value, or ``None`` when it is no calendar date.

    The result is immutable and computed once per distinct value (each is asked for twice).

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


#: What stands between the two days of a range: "June 18-19", "May 3 to May 5".
_RANGE_GAP = re.compile(rf"\s*{RANGE_CONNECTOR}\s*", re.IGNORECASE)
#: A range longer than this is two dates, not one stretch of days.
_RANGE_DAYS = 31


def day_ranges(text: str, mentions: Sequence[Mention]) -> dict[int, tuple[Mention, Interval]]:
    """Map the start of each mention opening a range of days to its closing mention and range.

    "Blinken was in Beijing on June 18-19" (two mentions, as TimeML tags them) names one
    stretch of two days; so do "April 24 and 25" and "from May 3 to May 5".

    Example:
        >>> from timeline import tag
        >>> text = "talks on June 18-19"
        >>> found = day_ranges(text, tag(text, reference=date(2023, 6, 20)))
        >>> {start: (end.text, str(days)) for start, (end, days) in found.items()}
        {9: ('19', '2023-06-18/2023-06-19')}
    """
    ranges: dict[int, tuple[Mention, Interval]] = {}
    for left, right in pairwise(mentions):
        if _RANGE_GAP.fullmatch(text, left.end, right.start) is None:
            continue
        first, last = _day_of(left), _day_of(right)
        if first is None or last is None:
            continue
        gap = (last.earliest - first.earliest).days
        if 0 < gap <= _RANGE_DAYS:
            ranges[left.start] = (right, Interval(first, last))
    return ranges


def _day_of(mention: Mention) -> PartialDate | None:
    """The date of a mention that names one day, else ``None``."""
    value = timex_to_edtf(mention.value)
    if isinstance(value, PartialDate) and value.precision is Precision.DAY:
        return value
    return None


def is_boundary(doc: Document, mention: Mention) -> bool:
    """True when the date is the edge of a period ("since 2018", "until June")."""
    before = PREPOSITION_BEFORE.search(doc.text, max(0, mention.start - 20), mention.start)
    return before is not None and before["word"].lower() in doc.lexicon.boundary_words


def plan_reading(doc: Document, mention: Mention, sentence: Sentence, breaks: Sequence[int]) -> str:
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


def with_duration(
    doc: Document, bounds: tuple[int, int], found: Found, value: EDTFDate
) -> EDTFDate:
    """Widen a day to the span of a "two-day visit" the clause says ended or began that day."""
    if not isinstance(value, PartialDate) or value.precision is not Precision.DAY:
        return value
    for mention in doc.timexes:
        # An anchored duration ("three days later") places the event; it is not its length.
        if mention.type != "DURATION" or mention.point is not None:
            continue
        if not bounds[0] <= mention.start < bounds[1]:
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
