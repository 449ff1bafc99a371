"""Compute the date of a named holiday in a given year from a small rule string.

This module owns holiday arithmetic only; which words name which holiday is the rule file's
``[lexicon.holiday]`` and choosing the year is :mod:`timeline.normalise`'s job. A rule is one of:

- ``"MM-DD"``: a fixed day ("12-25", Christmas);
- ``"MM-W-N"``: the N-th ISO weekday W (1 = Monday) of month MM, N = 1..5 or ``L`` for the last
  ("11-4-4", the fourth Thursday of November);
- ``"E"``: Easter Sunday (Gregorian computus);

each optionally followed by ``+k`` or ``-k`` days ("11-1-1+1": the Tuesday after the first Monday
of November, the US Election Day; "E-2": Good Friday). To add a holiday, add a lexicon line.

Example:
    >>> holiday_date("11-4-4", 1999)
    datetime.date(1999, 11, 25)
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_RULE = re.compile(
    r"(?:(?P<month>\d\d)-(?:(?P<day>\d\d)|(?P<weekday>[1-7])-(?P<nth>[1-5L]))|(?P<easter>E))"
    r"(?P<offset>[+-]\d+)?"
)


def easter(year: int) -> date:
    """Return Easter Sunday of ``year`` (Gregorian, the anonymous "Meeus/Jones/Butcher" rule)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def is_holiday_rule(rule: object) -> bool:
    """True when ``rule`` is a rule ``holiday_date`` reads, with a day every year has.

    The rule file's loader checks each ``[lexicon.holiday]`` entry with this, so that a typo
    is an error at load and not a holiday that is never found. A fixed day must exist in a
    common year (``02-29`` does not).
    """
    if not isinstance(rule, str):
        return False
    match = _RULE.fullmatch(rule)
    if match is None:
        return False
    if match["day"]:
        try:
            date(2001, int(match["month"]), int(match["day"]))
        except ValueError:
            return False
    return match["easter"] is not None or 1 <= int(match["month"]) <= 12


def holiday_date(rule: str, year: int) -> date | None:
    """Return the day ``rule`` names in ``year``, or ``None`` if the rule is malformed."""
    match = _RULE.fullmatch(rule)
    if match is None:
        return None
    if match["easter"]:
        day = easter(year)
    elif match["day"]:
        day = date(year, int(match["month"]), int(match["day"]))
    else:
        month, weekday, nth = int(match["month"]), int(match["weekday"]), match["nth"]
        first = date(year, month, 1)
        day = first + timedelta(days=(weekday - first.isoweekday()) % 7)
        if nth == "L":
            following = date(year + month // 12, month % 12 + 1, 1)
            while day + timedelta(days=7) < following:
                day += timedelta(days=7)
        else:
            day += timedelta(days=7 * (int(nth) - 1))
    offset = int(match["offset"] or 0)
    return day + timedelta(days=offset)
