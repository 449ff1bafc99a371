"""Compute the date of a named holiday in a given year from a small rule string.

This module owns holiday arithmetic only; which words name which holiday is the rule file's
``[lexicon.holiday]`` and choosing the year is :mod:`timeline.normalise`'s job. A rule is one of:

- ``"MM-DD"``: a fixed day ("12-25", Christmas);
- ``"MM-W-N"``: the N-th ISO weekday W (1 = Monday) of month MM, N = 1..5 or ``L`` for the last
  ("11-4-4", the fourth Thursday of November);
- ``"E"``: Easter Sunday (Western, from ``dateutil.easter``);
- ``"CC:Name"``: the first day that year the ``holidays`` package lists as ``Name`` (in US
  English) for the country with ISO code CC ("CN:Chinese New Year (Spring Festival)",
  "IN:Diwali"): feasts of lunar and lunisolar calendars, which no rule of the Gregorian
  calendar gives and which that package keeps, year by year, as the countries observe them;

each optionally followed by ``+k`` or ``-k`` days ("11-1-1+1": the Tuesday after the first Monday
of November, the US Election Day; "E-2": Good Friday). To add a holiday, add a lexicon line.

Example:
    >>> holiday_date("11-4-4", 1999)
    datetime.date(1999, 11, 25)
"""

from __future__ import annotations

import re
import warnings
from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter

_RULE = re.compile(
    r"(?:(?P<month>\d\d)-(?:(?P<day>\d\d)|(?P<weekday>[1-7])-(?P<nth>[1-5L]))|(?P<easter>E)"
    r"|(?P<country>[A-Z]{2}):(?P<name>[^+-][^+]*?))"
    r"(?P<offset>[+-]\d+)?"
)


def _observed(country: str, name: str, year: int) -> date | None:
    """The first day of ``year`` the ``holidays`` package lists as ``name`` for ``country``."""
    days = [day for day, named in _calendar(country, year) if named == name]
    return min(days) if days else None


@lru_cache(maxsize=256)
def _calendar(country: str, year: int) -> tuple[tuple[date, str], ...]:
    # Imported here: the package takes a tenth of a second to load, and most texts name no
    # such feast.
    import holidays

    try:
        with warnings.catch_warnings():  # a year outside the country's table: nothing listed
            warnings.simplefilter("ignore")
            listed = holidays.country_holidays(country, years=year, language="en_US")
    except (NotImplementedError, KeyError):
        return ()
    # A feast of a lunar calendar is listed with the day it is expected on when it is still to
    # be announced: the same feast.
    return tuple(
        (day, named.removesuffix(" (estimated)"))
        for day, names in listed.items()
        for named in names.split("; ")
    )


def is_holiday_rule(rule: object) -> bool:
    """True when ``rule`` is a rule ``holiday_date`` reads, with a day every year has.

    The rule file's loader checks each ``[lexicon.holiday]`` entry with this, so that a typo
    is an error at load and not a holiday that is never found. A fixed day must exist in a
    common year (``02-29`` does not). A country's feast is only read for its form here, as
    checking it would load the holidays package at every start: see ``is_listed``.
    """
    if not isinstance(rule, str):
        return False
    match = _RULE.fullmatch(rule)
    if match is None:
        return False
    if match["country"]:
        return True
    if match["day"]:
        try:
            date(2001, int(match["month"]), int(match["day"]))
        except ValueError:
            return False
    return match["easter"] is not None or 1 <= int(match["month"]) <= 12


def is_listed(rule: str) -> bool:
    """Whether a country's feast (``"IN:Diwali"``) is one the holidays package lists for that
    country in 2024; any other well-formed rule is listed."""
    match = _RULE.fullmatch(rule)
    if match is None:
        return False
    return not match["country"] or _observed(match["country"], match["name"], 2024) is not None


def holiday_date(rule: str, year: int) -> date | None:
    """Return the day ``rule`` names in ``year``, or ``None`` if the rule is malformed."""
    match = _RULE.fullmatch(rule)
    if match is None:
        return None
    if match["easter"]:
        day = easter(year)
    elif match["country"]:
        observed = _observed(match["country"], match["name"], year)
        if observed is None:
            return None
        day = observed
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
