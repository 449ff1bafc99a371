"""Periods of time at a granularity: the calendar arithmetic that resolution stands on.

A ``Point`` is a period (a year, quarter, month, ISO week, day...) named by its granularity
and first day; ``str()`` gives its TimeML value. This module moves and contains points and
says which granularity a unit word counts in. It reads no text and chooses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from timeline.amounts import UNIT_MULTIPLES
from timeline.rules import RuleSet

#: Granularities of a point in time, coarse to fine. A point is the first day of its period.
CENTURY, DECADE, YEAR, HALF, SEASON, QUARTER, MONTH, WEEK, WEEKEND, DAY = (
    "CE",
    "DE",
    "Y",
    "H",
    "S",
    "Q",
    "M",
    "W",
    "WE",
    "D",
)


#: Which month each TimeML season code starts in (winter counts as December of that year).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


_START_SEASON = {month: code for code, month in SEASON_START.items()}


UNIT_GRANULARITY = {
    "Y": YEAR,
    "M": MONTH,
    "W": WEEK,
    "D": DAY,
    "WE": WEEKEND,
    "DE": DECADE,
    "CE": CENTURY,
    "Q": QUARTER,
    "TH": DAY,
    "TM": DAY,
    "TS": DAY,
}


#: How many days or months one unit of each granularity moves a point.
MONTHS_PER = {CENTURY: 1200, DECADE: 120, YEAR: 12, HALF: 6, SEASON: 12, QUARTER: 3, MONTH: 1}

#: The ISO weekday a weekend starts on.
SATURDAY = 6

_DAYS_PER = {WEEK: 7, WEEKEND: 7, DAY: 1}


@dataclass(frozen=True, slots=True)
class Point:
    """A period of time: its granularity and first day."""

    granularity: str
    start: date

    def __str__(self) -> str:
        d, g = self.start, self.granularity
        if g == CENTURY:
            return f"{d.year // 100:02d}"
        if g == DECADE:
            return f"{d.year // 10:03d}X"
        if g == YEAR:
            return f"{d.year:04d}"
        if g == HALF:
            return f"{d.year:04d}-H{1 + (d.month - 1) // 6}"
        if g == SEASON:
            return f"{d.year:04d}-{_START_SEASON[d.month]}"
        if g == QUARTER:
            return f"{d.year:04d}-Q{1 + (d.month - 1) // 3}"
        if g == MONTH:
            return f"{d.year:04d}-{d.month:02d}"
        if g in (WEEK, WEEKEND):
            year, week, _ = d.isocalendar()
            return f"{year:04d}-W{week:02d}" + ("-WE" if g == WEEKEND else "")
        return d.isoformat()


def point_of(day: date, granularity: str) -> Point:
    """Return the period of ``granularity`` that contains ``day``."""
    if granularity == CENTURY:
        return Point(granularity, date(day.year - day.year % 100, 1, 1))
    if granularity == DECADE:
        return Point(granularity, date(day.year - day.year % 10, 1, 1))
    if granularity == YEAR:
        return Point(granularity, date(day.year, 1, 1))
    if granularity == HALF:
        return Point(granularity, date(day.year, 1 + 6 * ((day.month - 1) // 6), 1))
    if granularity == QUARTER:
        return Point(granularity, date(day.year, 1 + 3 * ((day.month - 1) // 3), 1))
    if granularity == SEASON:
        month = 12 if day.month in (1, 2) else day.month - (day.month % 3)
        return Point(granularity, date(day.year - (day.month in (1, 2)), month, 1))
    if granularity == MONTH:
        return Point(granularity, day.replace(day=1))
    if granularity in (WEEK, WEEKEND):
        return Point(granularity, day - timedelta(days=day.weekday()))
    return Point(DAY, day)


#: Half a quarter: a period closing on a day ends at the quarter's end nearest to it.
_HALF_QUARTER = timedelta(days=46)


def quarter_closing(day: date) -> Point:
    """Return the quarter whose end is nearest ``day``: the one a period closing then reports.

    Companies close their books on a weekday near the quarter's end ("the quarter ended
    Oct. 1" is the third), and some fiscal quarters end a month off ("ended July 31": the
    second, whose end lies nearer than the third's).
    """
    return shift(point_of(day + _HALF_QUARTER, QUARTER), -1)


def move_day(day: date, granularity: str, count: int) -> date | None:
    """Move ``day`` by ``count`` units of ``granularity``, or ``None`` for a unit no calendar
    step measures (a weekend). A month on from Jan. 31 is Feb. 28."""
    if granularity in _DAYS_PER and granularity != WEEKEND:
        return day + timedelta(days=count * _DAYS_PER[granularity])
    if granularity not in MONTHS_PER:
        return None
    moved: date = day + relativedelta(months=count * MONTHS_PER[granularity])
    return moved


def shift(point: Point, count: int) -> Point:
    """Move ``point`` by ``count`` periods of its own granularity."""
    if point.granularity in _DAYS_PER:
        return Point(
            point.granularity, point.start + timedelta(days=count * _DAYS_PER[point.granularity])
        )
    months = point.start.year * 12 + point.start.month - 1 + count * MONTHS_PER[point.granularity]
    return Point(point.granularity, date(months // 12, months % 12 + 1, 1))


_FINENESS = (CENTURY, DECADE, YEAR, HALF, SEASON, QUARTER, MONTH, WEEK, WEEKEND, DAY)


def finer_or_equal(granularity: str, than: str) -> bool:
    """Whether a granularity is as fine as another or finer (a day is finer than a month)."""
    return _FINENESS.index(granularity) >= _FINENESS.index(than)


#: Clock units counted in days: "three hours ago" is today, "48 hours later" two days on.
_CLOCK_UNITS_PER_DAY = {"TH": 24, "TM": 24 * 60, "TS": 24 * 60 * 60}


def calendar_unit(rules: RuleSet, written: str) -> tuple[str | None, float]:
    """The granularity a unit word counts in, and how many of it one unit is ("fortnight": 2)."""
    unit = str(rules.lookup("unit", written))
    if unit in _CLOCK_UNITS_PER_DAY:
        return DAY, 1 / _CLOCK_UNITS_PER_DAY[unit]
    if unit not in UNIT_GRANULARITY and unit in UNIT_MULTIPLES:
        unit, factor = UNIT_MULTIPLES[unit]
        return UNIT_GRANULARITY.get(unit), factor
    return UNIT_GRANULARITY.get(unit), 1
