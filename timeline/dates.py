"""Dates as historians write them: the EDTF subset we read, and the bounds we derive from it.

EDTF (Extended Date/Time Format, ISO 8601-2 level 0 and parts of level 1) lets a date say exactly
what is known: ``2018`` (some day that year), ``2023-02`` (some day that month), ``2023-06-18``,
``2023-21`` (spring 2023), ``201X`` (the 2010s), ``2023-06~`` (about June), ``2023?`` (perhaps
2023), ``2023%`` (both), and intervals ``2023-06-18/2023-06-19``, ``2023-06-18/..`` (open end),
``2023-06-18/`` (end unknown). A value keeps the parts that were given; everything else is derived.

Bounds are half-open: ``earliest`` is the first day the date may fall on and ``latest`` the first
day after it (``2020-03`` → ``[2020-03-01, 2020-04-01)``). ``fuzzy_earliest``/``fuzzy_latest``
widen them for ``~``, ``?`` and ``%`` by a padding per precision (``FUZZY_PADDING``).

Years run from 0001 to 9998: no BCE dates and no year zero, because every bound must be a
``datetime.date`` (whose range ends at 9999-12-31, and 9999's exclusive end is not one). News
timelines never need them; a historian who does gets a clear error, not a wrong date.

Seasons (EDTF level 1 codes 21-24) are the northern meteorological ones: spring is March-May,
summer June-August, autumn September-November, and winter counts as December of that year to
February of the next.

We do not use the ``edtf`` package: it parses with pyparsing (milliseconds per date, too slow
for 10k-event files), its objects are mutable and its bounds are inclusive struct_times.

To add a form: add its fragment to the regexes below, its parts to ``PartialDate``, and a line to
``_bounds``; the round-trip property tests in ``tests/test_dates.py`` then cover it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum, IntEnum

from dateutil.relativedelta import relativedelta

from timeline.errors import DateSyntaxError

MIN_YEAR = 1
MAX_YEAR = 9998


class Precision(IntEnum):
    """How much of a date is known, coarse to fine."""

    CENTURY = 1
    DECADE = 2
    YEAR = 3
    SEASON = 4
    MONTH = 5
    DAY = 6


class Qualifier(Enum):
    """EDTF qualification of a whole date: '?' uncertain, '~' approximate, '%' both."""

    NONE = ""
    UNCERTAIN = "?"
    APPROXIMATE = "~"
    UNCERTAIN_APPROXIMATE = "%"


class Relation(Enum):
    """How two dates are known to relate. Uncertain values have no ``<``; ask this instead."""

    BEFORE = "before"
    AFTER = "after"
    OVERLAPS = "overlaps"
    EQUAL = "equal"
    UNKNOWN = "unknown"


# How far '~' or '?' may move a date, per precision; '%' moves it twice as far.
FUZZY_PADDING: dict[Precision, relativedelta] = {
    Precision.CENTURY: relativedelta(years=25),
    Precision.DECADE: relativedelta(years=5),
    Precision.YEAR: relativedelta(years=1),
    Precision.SEASON: relativedelta(months=1),
    Precision.MONTH: relativedelta(months=1),
    Precision.DAY: relativedelta(days=3),
}

# First month and length in months of each EDTF season code (21 spring ... 24 winter).
SEASONS: dict[int, tuple[int, int]] = {21: (3, 3), 22: (6, 3), 23: (9, 3), 24: (12, 3)}
SEASON_NAMES = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}

# The grammar, as named fragments (EDTF: ISO 8601-2:2019 §4 and §5; level 1 for X, seasons,
# qualifiers and open or unknown interval ends).
_YEAR = r"(?P<year>\d{4}|\d{3}X|\d{2}XX)"
_MONTH = r"(?P<month>\d{2})"
_DAY = r"(?P<day>\d{2})"
_QUALIFIER = r"(?P<qualifier>[?~%])?"
_DATE_RE = re.compile(rf"{_YEAR}(?:-{_MONTH}(?:-{_DAY})?)?{_QUALIFIER}")
_HINT = "Use EDTF such as '2023', '2023-06', '2023-06-18', '2023-06~' or '2023-06-18/2023-06-19'."


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A single EDTF date: the parts that were written, and bounds derived from them.

    ``year`` holds the known digits with any unspecified ones as zero (``201X`` → 2010 with
    ``unspecified_digits=1``); ``month`` is 1-12, or 21-24 for a season.

    >>> d = PartialDate.parse("2023-06~")
    >>> str(d), d.precision.name, d.earliest.isoformat(), d.latest.isoformat()
    ('2023-06~', 'MONTH', '2023-06-01', '2023-07-01')
    """

    year: int
    month: int | None = None
    day: int | None = None
    unspecified_digits: int = 0
    qualifier: Qualifier = Qualifier.NONE
    # Derived once, when the value is made: the half-open bounds at the written precision.
    _earliest: date = field(init=False, repr=False, compare=False)
    _latest: date = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        _check_parts(self)
        earliest, latest = _bounds(self)
        object.__setattr__(self, "_earliest", earliest)
        object.__setattr__(self, "_latest", latest)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read one EDTF date such as ``2023-06-18`` or ``2023-02~``.

        Raises:
            DateSyntaxError: the text is not a date in the subset we read.
        """
        if not isinstance(text, str):
            raise TypeError(f"PartialDate.parse() takes a str, not {type(text).__name__}")
        match = _DATE_RE.fullmatch(text)
        if match is None:
            raise DateSyntaxError(f"Cannot read date {text!r}. {_HINT}")
        year_text = match["year"]
        unspecified = year_text.count("X")
        try:
            return cls(
                year=int(year_text.replace("X", "0")),
                month=int(match["month"]) if match["month"] else None,
                day=int(match["day"]) if match["day"] else None,
                unspecified_digits=unspecified,
                qualifier=Qualifier(match["qualifier"] or ""),
            )
        except DateSyntaxError as err:
            raise DateSyntaxError(f"Cannot read date {text!r}: {err}") from None

    @property
    def precision(self) -> Precision:
        if self.unspecified_digits == 2:
            return Precision.CENTURY
        if self.unspecified_digits == 1:
            return Precision.DECADE
        if self.month is None:
            return Precision.YEAR
        if self.month in SEASONS:
            return Precision.SEASON
        return Precision.DAY if self.day is not None else Precision.MONTH

    @property
    def is_exact(self) -> bool:
        """True for a whole, unqualified calendar day."""
        return self.precision is Precision.DAY and self.qualifier is Qualifier.NONE

    @property
    def earliest(self) -> date:
        return self._earliest

    @property
    def latest(self) -> date:
        return self._latest

    @property
    def fuzzy_earliest(self) -> date:
        return _clamp_sub(self.earliest, _padding(self))

    @property
    def fuzzy_latest(self) -> date:
        return _clamp_add(self.latest, _padding(self))

    def __str__(self) -> str:
        year = f"{self.year:04d}"
        if self.unspecified_digits:
            year = year[: 4 - self.unspecified_digits] + "X" * self.unspecified_digits
        parts = [year]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts) + self.qualifier.value

    def __repr__(self) -> str:
        return f"PartialDate.parse({str(self)!r})"


@dataclass(frozen=True, slots=True)
class Interval:
    """An EDTF interval ``start/end``; an end is a date, open (``..``) or unknown (empty).

    >>> span = Interval.parse("2023-06-18/2023-06-19")
    >>> span.earliest.isoformat(), span.latest.isoformat()
    ('2023-06-18', '2023-06-20')
    """

    start: PartialDate | None
    end: PartialDate | None
    start_open: bool = False
    end_open: bool = False

    def __post_init__(self) -> None:
        if self.start is None and self.end is None:
            raise DateSyntaxError("an interval needs a start or an end date")
        if (self.start is not None and self.start_open) or (self.end is not None and self.end_open):
            raise TypeError("an interval end is either a date or open, not both")
        start, end = self.start, self.end
        if start is not None and end is not None and end.latest <= start.earliest:
            raise DateSyntaxError(f"the interval ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def parse(cls, text: str) -> Interval:
        """Read an EDTF interval such as ``2023-06-18/2023-06-19`` or ``2018/..``.

        Raises:
            DateSyntaxError: the text is not an interval in the subset we read.
        """
        if not isinstance(text, str):
            raise TypeError(f"Interval.parse() takes a str, not {type(text).__name__}")
        if text.count("/") != 1:
            raise DateSyntaxError(f"Cannot read interval {text!r}: it needs one '/'. {_HINT}")
        left, right = text.split("/")
        try:
            return cls(
                start=None if left in ("", "..") else PartialDate.parse(left),
                end=None if right in ("", "..") else PartialDate.parse(right),
                start_open=left == "..",
                end_open=right == "..",
            )
        except DateSyntaxError as err:
            message = str(err)
            if not message.startswith("Cannot read"):
                message = f"Cannot read interval {text!r}: {message}"
            raise DateSyntaxError(message) from None

    @property
    def precision(self) -> Precision:
        """The precision of the start, or of the end when the start is not given."""
        known = self.start if self.start is not None else self.end
        assert known is not None  # guaranteed by __post_init__
        return known.precision

    @property
    def is_exact(self) -> bool:
        return (
            self.start is not None
            and self.end is not None
            and self.start.is_exact
            and self.end.is_exact
        )

    @property
    def earliest(self) -> date:
        return self.start.earliest if self.start is not None else date.min

    @property
    def latest(self) -> date:
        return self.end.latest if self.end is not None else date.max

    @property
    def fuzzy_earliest(self) -> date:
        return self.start.fuzzy_earliest if self.start is not None else date.min

    @property
    def fuzzy_latest(self) -> date:
        return self.end.fuzzy_latest if self.end is not None else date.max

    def __str__(self) -> str:
        left = ".." if self.start_open else (str(self.start) if self.start is not None else "")
        right = ".." if self.end_open else (str(self.end) if self.end is not None else "")
        return f"{left}/{right}"

    def __repr__(self) -> str:
        return f"Interval.parse({str(self)!r})"


EDTFDate = PartialDate | Interval


def parse_edtf(text: str) -> EDTFDate:
    """Read a date or an interval in the EDTF subset; the result's ``str()`` gives ``text`` back.

    >>> parse_edtf("2023-02")
    PartialDate.parse('2023-02')

    Raises:
        DateSyntaxError: with the value and a hint at what to write instead.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_edtf() takes a str, not {type(text).__name__}")
    if "/" in text:
        return Interval.parse(text)
    return PartialDate.parse(text)


def sort_key(value: EDTFDate) -> tuple[date, date, int]:
    """The documented order of dates: earliest bound, then latest bound, then precision.

    Coarser dates sort before finer ones with the same bounds; callers add the input position
    as the last key so that the order is total and stable.
    """
    return (value.earliest, value.latest, int(value.precision))


def relation(a: EDTFDate, b: EDTFDate) -> Relation:
    """Say how ``a`` relates to ``b`` from what their (fuzzy) bounds make certain.

    >>> relation(parse_edtf("2018-10"), parse_edtf("2023"))
    <Relation.BEFORE: 'before'>
    >>> relation(parse_edtf("2023"), parse_edtf("2023-06"))
    <Relation.UNKNOWN: 'unknown'>
    """
    if a.fuzzy_latest <= b.fuzzy_earliest:
        return Relation.BEFORE
    if b.fuzzy_latest <= a.fuzzy_earliest:
        return Relation.AFTER
    if a.is_exact and b.is_exact:
        if (a.earliest, a.latest) == (b.earliest, b.latest):
            return Relation.EQUAL
        return Relation.OVERLAPS
    return Relation.UNKNOWN


def _check_parts(value: PartialDate) -> None:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise DateSyntaxError(
            f"year {value.year} is outside {MIN_YEAR:04d}-{MAX_YEAR} (no BCE dates or year zero)"
        )
    if value.unspecified_digits not in (0, 1, 2):
        raise DateSyntaxError("only the last one or two digits of a year may be X")
    if value.unspecified_digits and (
        value.month is not None or value.year % 10**value.unspecified_digits
    ):
        raise DateSyntaxError("a year with X digits takes no month or day")
    if value.month is None:
        if value.day is not None:
            raise DateSyntaxError("a day needs a month")
        return
    if not (1 <= value.month <= 12 or value.month in SEASONS):
        raise DateSyntaxError(f"month must be 01-12 (or 21-24 for a season), not {value.month:02d}")
    if value.day is None:
        return
    if value.month in SEASONS:
        raise DateSyntaxError("a season takes no day")
    last = _DAYS_IN_MONTH[value.month] + (value.month == 2 and calendar.isleap(value.year))
    if not 1 <= value.day <= last:
        month_name = calendar.month_name[value.month]
        raise DateSyntaxError(
            f"day {value.day:02d} is not in {month_name} {value.year} (it has {last} days)"
        )


def _bounds(value: PartialDate) -> tuple[date, date]:
    precision = value.precision
    if precision <= Precision.YEAR:
        years = {Precision.CENTURY: 100, Precision.DECADE: 10, Precision.YEAR: 1}[precision]
        end_year = value.year + years
        return date(value.year, 1, 1), date(end_year, 1, 1) if end_year <= 9999 else date.max
    assert value.month is not None
    if precision is Precision.SEASON:
        first_month, months = SEASONS[value.month]
        return _first_of_month(value.year, first_month), _first_of_month(
            value.year, first_month + months
        )
    if precision is Precision.MONTH:
        return _first_of_month(value.year, value.month), _first_of_month(
            value.year, value.month + 1
        )
    assert value.day is not None
    start = date(value.year, value.month, value.day)
    return start, start + _ONE_DAY


_ONE_DAY = timedelta(days=1)
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _first_of_month(year: int, month: int) -> date:
    """The first day of ``month`` of ``year``, where a month past 12 runs into later years."""
    extra_years, month_index = divmod(month - 1, 12)
    return date(year + extra_years, month_index + 1, 1)


def _padding(value: PartialDate) -> relativedelta:
    steps = {Qualifier.NONE: 0, Qualifier.UNCERTAIN: 1, Qualifier.APPROXIMATE: 1}
    return FUZZY_PADDING[value.precision] * steps.get(value.qualifier, 2)


def _clamp_sub(day: date, padding: relativedelta) -> date:
    try:
        result: date = day - padding
        return result
    except (OverflowError, ValueError):
        return date.min


def _clamp_add(day: date, padding: relativedelta) -> date:
    try:
        result: date = day + padding
        return result
    except (OverflowError, ValueError):
        return date.max
