"""Turn what a rule captured into a TimeML TIMEX3 value: the meaning of a match, in code.

This module owns resolution: calendar arithmetic at a granularity (year, quarter, month,
week, day...), anchoring on the reference date or on the last date mentioned, and the tense
cues that decide which way a bare month or weekday points. It finds nothing in text (that is
:mod:`timeline.tagger`) and knows no words (those are in the rule file's lexicons).

Each rule ``kind`` has one resolver below; to add a kind, add it to ``Kind`` in
:mod:`timeline.rules` and a function to ``_RESOLVERS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from timeline.amounts import UNIT_MULTIPLES, amount, duration, year_of
from timeline.holidays import holiday_date
from timeline.mentions import TimexType
from timeline.rules import CompiledRule, RuleSet
from timeline.tense import SENTENCE_END, tense_of

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
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_START_SEASON = {month: code for code, month in _SEASON_START.items()}
_UNIT_GRANULARITY = {
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
_MONTHS_PER = {CENTURY: 1200, DECADE: 120, YEAR: 12, HALF: 6, SEASON: 12, QUARTER: 3, MONTH: 1}
_DAYS_PER = {WEEK: 7, WEEKEND: 7, DAY: 1}
_NEAR_DAYS = 62
#: A month named with no year and no tense cue right after a future date is taken near that
#: date when one such month lies within this many days of it.
_ANCHOR_DAYS = 200
#: Shifts that count from the last date named rather than the reference ("two days later").
_ANAPHORIC_SHIFTS = frozenset({"earlier", "later", "before", "after"})


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


def shift(point: Point, count: int) -> Point:
    """Move ``point`` by ``count`` periods of its own granularity."""
    if point.granularity in _DAYS_PER:
        return Point(
            point.granularity, point.start + timedelta(days=count * _DAYS_PER[point.granularity])
        )
    months = point.start.year * 12 + point.start.month - 1 + count * _MONTHS_PER[point.granularity]
    return Point(point.granularity, date(months // 12, months % 12 + 1, 1))


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a match means: its value and mod, and the point it names (the next anchor).

    An anchored duration ("three days later") is a DURATION whose span stops before its
    signal word: ``type`` and ``end`` then override the rule's type and the match's end, and
    ``reaches`` is the point the duration leads to from the date in focus.
    """

    value: str
    mod: str | None = None
    point: Point | None = None
    type: TimexType | None = None
    end: int | None = None
    reaches: Point | None = None


@dataclass(frozen=True)
class Context:
    """Everything a resolver may look at besides the captured groups."""

    rules: RuleSet
    reference: date
    anchor: Point | None
    text: str
    start: int
    end: int
    #: The first closed quarter or half the text named: the period a financial report is about.
    reported: Point | None = None

    @cached_property
    def tense(self) -> int:
        """+1 if the sentence around the mention speaks of the future, -1 past, 0 neither.

        Read once per mention, and only by resolvers that need it: see
        :func:`timeline.tense.tense_of`.
        """
        return tense_of(self.rules, self.text, self.start, self.end)

    @property
    def day_in_focus(self) -> date:
        """The last day the text named, else the reference ("that morning", "at noon")."""
        anchor = self.anchor
        return anchor.start if anchor is not None and anchor.granularity == DAY else self.reference


def _int(rules: RuleSet, group: str, text: str) -> int | None:
    if text.isdigit():
        return int(text)
    meaning = rules.lookup(group, text)
    return meaning if isinstance(meaning, int) else None


def _mod(groups: dict[str, str], rule: CompiledRule, rules: RuleSet) -> str | None:
    if "mod" in groups:
        mod = rules.lookup("mod", groups["mod"])
        return str(mod) if mod else None
    return rule.rule.mod


def _nearest(candidates: list[date], reference: date, ctx: Context) -> date:
    """Pick the closest candidate if it is near, else the one the tense points to.

    News names dates within a couple of months without a year whatever the tense ("payable
    Dec. 7" in late October); further away, the tense decides ("in September", said in June).
    A verb in the past right before the mention rules out a date ahead ("he died on May 3"); a
    sentence about the future rules out one just past ("will visit on Jan. 20", said in
    March), unless a verb in the past names it ("elected on March 13, he will ...").
    """
    closest = min(candidates, key=lambda c: abs((c - reference).days))
    if abs((closest - reference).days) <= _NEAR_DAYS and not (
        (closest > reference and _told_as_past(ctx))
        or (closest < reference and ctx.tense > 0 and not _told_as_past(ctx))
    ):
        return closest
    if ctx.tense > 0:
        later = [c for c in candidates if c >= reference]
        return min(later) if later else max(candidates)
    # Without a cue, news speaks of what has happened: the most recent such date.
    earlier = [c for c in candidates if c <= reference]
    return max(earlier) if earlier else min(candidates)


_VERB_BEFORE = re.compile(r"(?:\s+(?:on|in|since))?\s+$", re.IGNORECASE)


def _told_as_past(ctx: Context) -> bool:
    """Whether a verb in the past stands right before the mention ("he died on May 3")."""
    left = ctx.text[max(0, ctx.start - 40) : ctx.start]
    gap = _VERB_BEFORE.search(left)
    if gap is None:
        return False
    return any(m.end() == gap.start() for m in ctx.rules.past_cue.finditer(left))


#: Cue words that count from the day in focus, not from the reference ("the previous Friday").
_ANAPHORIC_RELS = frozenset({"previous", "prior", "preceding", "following"})


def _weekday(weekday: int, rel: int | None, ctx: Context, *, anaphoric: bool = False) -> date:
    ref = ctx.day_in_focus if anaphoric else ctx.reference
    delta = weekday - ref.isoweekday()
    if rel == 0:
        return ref + timedelta(days=delta)
    direction = rel if rel is not None else ctx.tense
    if delta == 0 and rel is None:
        return ref
    if direction > 0:
        return ref + timedelta(days=delta % 7 or 7)
    return ref - timedelta(days=(-delta) % 7 or 7)


#: A word and a connector right before a mention: "from Monday to ", "Monday through ". The
#: word is a weekday if the rule file's lexicon says so; "and" makes a list, not a range.
_WEEKDAY_RANGE_OPENING = re.compile(
    r"(?P<word>[^\W\d_]+)\s*(?:[-\u2013]|to|through|until|till)\s*$", re.IGNORECASE
)


def _closes_weekday_range(ctx: Context) -> bool:
    """Whether the mention closes a range that opens on the weekday just resolved.

    The closing day is the first such weekday after the opening one, whatever the tense:
    "open from Monday to Friday" spans one week.
    """
    anchor = ctx.anchor
    opening = _WEEKDAY_RANGE_OPENING.search(ctx.text, max(0, ctx.start - 20), ctx.start)
    if opening is None or anchor is None or anchor.granularity != DAY:
        return False
    return _int(ctx.rules, "weekday", opening["word"]) == anchor.start.isoweekday()


def _year_for(month: int, day: int, rel: int | None, ctx: Context) -> int:
    """Pick the year of a month (and day) written without one, from cue words or tense."""
    ref = ctx.reference
    if rel is not None and rel != 0:
        ahead = (
            (month, day) > (ref.month, ref.day) if rel > 0 else (month, day) < (ref.month, ref.day)
        )
        return ref.year if ahead else ref.year + rel
    if rel == 0:
        return ref.year
    # Compare whole dates ("Jan. 31" is three months after Oct. 31, not two); Feb. 29 as 28.
    candidates = [date(ref.year + k, month, min(day, 28)) for k in (-1, 0, 1)]
    anchor = ctx.anchor
    if (
        anchor is not None
        and anchor.granularity in (DAY, WEEK, MONTH)
        and anchor.start > ref
        and ctx.tense == 0
    ):  # the text is telling of plans ("will join in April ... the summit in April")
        closest = min(candidates, key=lambda c: abs((c - anchor.start).days))
        if abs((closest - anchor.start).days) <= _ANCHOR_DAYS:
            return closest.year
    around = ref.replace(day=1) if day == 1 else ref
    return _nearest(candidates, around, ctx).year


def _latest_year_ending(two_digits: int, reference: date) -> int:
    """The latest year not after the reference that ends in these two digits ("'98": 1998)."""
    year = reference.year // 100 * 100 + two_digits
    return year - 100 if year > reference.year else year


def _calendar(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    rules, ref = ctx.rules, ctx.reference
    mod = _mod(groups, rule, rules)
    rel = _int(rules, "rel", groups["rel"]) if "rel" in groups else None
    year = year_of(rules, groups["year"]) if "year" in groups else None
    if year is not None and len(groups["year"]) == 2:  # "'08"
        year = _latest_year_ending(year, ref)
    if "decade" in groups:
        written = str(rules.lookup("decade", groups["decade"]) or groups["decade"])
        digits = re.sub(r"\D", "", written)
        if len(digits) == 2:  # "the '90s"
            digits = str(_latest_year_ending(int(digits), ref))
        return Resolution(f"{digits[:3]}X", mod)
    if "century" in groups:
        return Resolution(f"{int(groups['century']) - 1:02d}", mod)
    if "month" in groups:
        month = _int(rules, "month", groups["month"])
        if month is None:
            return None
        day = _int(rules, "day", groups["day"]) if "day" in groups else None
        if year is None and "unit" in groups:  # "June last year"
            year = ctx.reference.year + (rel or 0)
        elif year is None:
            year = _year_for(month, day or 1, rel, ctx)
        try:
            point = (
                Point(DAY, date(year, month, day)) if day else Point(MONTH, date(year, month, 1))
            )
        except ValueError:
            return None
        return Resolution(str(point), mod, point)
    if "weekday" in groups:
        weekday = _int(rules, "weekday", groups["weekday"])
        if weekday is None:
            return None
        if rel is None and _closes_weekday_range(ctx):  # "from Monday to [Friday]"
            point = Point(DAY, _weekday(weekday, 1, ctx, anaphoric=True))
            return Resolution(str(point), mod, point)
        anaphoric = groups.get("rel", "").lower() in _ANAPHORIC_RELS
        point = Point(DAY, _weekday(weekday, rel, ctx, anaphoric=anaphoric))
        return Resolution(str(point), mod, point)
    for group, granularity, size in (("quarter", QUARTER, 3), ("half", HALF, 6)):
        if group in groups:
            number = _int(rules, group, groups[group])
            if number is None:
                return None
            start_month = 1 + size * (number - 1)
            if year is None and "unit" in groups:  # "next year's first quarter"
                year = ref.year + (rel or 0)
            if year is None:
                now = point_of(ref, granularity).start.month
                year = ref.year
                if start_month > now and ctx.tense <= 0:
                    year -= 1
            point = Point(granularity, date(year, start_month, 1))
            return Resolution(str(point), mod, point)
    if "season" in groups:
        code = str(rules.lookup("season", groups["season"]))
        if year is None and "unit" in groups:  # "the spring of next year"
            year = ref.year + (rel or 0)
        if year is None:
            point = _season_for(code, rel, ctx)
        else:
            point = Point(SEASON, date(year, _SEASON_START[code], 1))
        return Resolution(str(point), mod, point)
    if (
        year is not None
        and "period" in groups
        and (groups["period"].lower() == "quarter" or _speaks_of_quarter(ctx))
    ):  # "the 1988 quarter": the period reported on, in that year
        focus = _reporting_period(ctx)
        return Resolution(str(Point(focus.granularity, focus.start.replace(year=year))), mod)
    if year is not None:
        point = Point(YEAR, date(year, 1, 1))
        return Resolution(str(point), mod, point)
    return None


def _season_for(code: str, rel: int | None, ctx: Context) -> Point:
    """Pick which spring (summer...) a season written without a year is.

    The season we are in is itself; "this spring" said in winter is the one of this year;
    "last"/"next" step past the current season; a bare "the spring" looks ahead when the text
    does ("will resume in the spring") and back otherwise.
    """
    ref = ctx.reference
    current = point_of(ref, SEASON)
    candidates = [Point(SEASON, date(ref.year + k, _SEASON_START[code], 1)) for k in range(-2, 2)]
    if current in candidates and (rel is None or rel == 0):
        return current
    if rel == 0:
        return next(c for c in candidates if c.start.year == ref.year)
    direction = rel if rel is not None else ctx.tense
    if direction > 0:
        return min((c for c in candidates if c.start > current.start), key=lambda c: c.start)
    return max((c for c in candidates if c.start < current.start), key=lambda c: c.start)


def _holiday(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    """Resolve "Thanksgiving", "last Christmas", "Easter 1998": the year as for a month-day."""
    rules, ref = ctx.rules, ctx.reference
    spec = rules.lookup("holiday", groups["holiday"])
    if not isinstance(spec, str):
        return None
    rel = _int(rules, "rel", groups["rel"]) if "rel" in groups else None
    year = year_of(rules, groups["year"]) if "year" in groups else None
    if year is not None or rel == 0:
        day = holiday_date(spec, ref.year if year is None else year)
    else:
        days = [d for d in (holiday_date(spec, ref.year + k) for k in (-1, 0, 1)) if d]
        if not days:
            return None
        if rel is not None and rel < 0:
            day = max((d for d in days if d < ref), default=min(days))
        elif rel is not None and rel > 0:
            day = min((d for d in days if d > ref), default=max(days))
        else:
            day = _nearest(days, ref, ctx)
    if day is None:
        return None
    point = Point(DAY, day)
    return Resolution(str(point), _mod(groups, rule, rules), point)


_FINENESS = (CENTURY, DECADE, YEAR, HALF, SEASON, QUARTER, MONTH, WEEK, WEEKEND, DAY)


def _finer_or_equal(granularity: str, than: str) -> bool:
    return _FINENESS.index(granularity) >= _FINENESS.index(than)


def _relative(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    rules = ctx.rules
    unit = rules.lookup("unit", groups["unit"])
    granularity = _UNIT_GRANULARITY.get(str(unit))
    if granularity is None:
        return None
    count = _int(rules, "rel", groups["rel"]) if "rel" in groups else 0
    base = ctx.reference
    if "anaphor" in groups:
        # "the quarter", "the following day": the period of (or next to) the last date named;
        # with none finer than the unit, the last whole quarter or the reference day.
        anchor = ctx.anchor
        closing = _closing_day(ctx) if granularity == QUARTER and "rel" not in groups else None
        if closing is not None:  # "the quarter ended July 31": the quarter that day closes
            base = quarter_closing(closing).start
        elif anchor is not None and _finer_or_equal(anchor.granularity, granularity):
            base = anchor.start
        elif anchor is not None and "rel" not in groups and _points_back(groups["anaphor"]):
            # "last October ... crossed out that same day": a day of that month, which one
            # unknown (TimeML writes the unknown parts as X)
            within = _unknown_within(anchor, granularity)
            if within is not None:
                return Resolution(within, _mod(groups, rule, rules))
        elif granularity == QUARTER and "rel" not in groups:
            count = -1
        elif granularity == WEEKEND and "rel" not in groups:
            # "over the weekend": the one just past, unless the sentence looks ahead
            count = 0 if ctx.reference.isoweekday() >= 6 or ctx.tense > 0 else -1
        if granularity == DAY and "rel" not in groups:
            count = _day_around(ctx, dated=base is not ctx.reference)
    if granularity == QUARTER and groups.get("rel", "").lower() == "latest":
        # "sales in the latest period": the period the report is about
        focus = _reporting_period(ctx)
        return Resolution(str(focus), _mod(groups, rule, rules), focus)
    if granularity == YEAR and count == -1 and _compares(ctx) and _speaks_of_quarter(ctx):
        # "earned $5 million, compared with $3 million last year": the reporting period a year back
        focus = _reporting_period(ctx)
        point = shift(focus, -12 // _MONTHS_PER[focus.granularity])
        return Resolution(str(point), _mod(groups, rule, rules))
    point = shift(point_of(base, granularity), count or 0)
    return Resolution(str(point), _mod(groups, rule, rules), point)


def _points_back(anaphor: str) -> bool:
    """Whether a determiner refers back to a time already named ("that day", "the same day").

    A bare "the" does not: "the day belonged to the Czechs" is the day of the report.
    """
    return anaphor.lower().split()[0] == "that" or anaphor.lower().endswith("same")


def _unknown_within(anchor: Point, granularity: str) -> str | None:
    """The TimeML value of an unnamed ``granularity`` inside ``anchor`` ("1998-10-XX")."""
    if anchor.granularity == MONTH and granularity == DAY:
        return f"{anchor}-XX"
    if anchor.granularity == YEAR:
        return {DAY: f"{anchor}-XX-XX", MONTH: f"{anchor}-XX", WEEK: f"{anchor}-WXX"}.get(
            granularity
        )
    return None


#: A figure set against one from another period: "compared with $3 million last year".
_COMPARISON = re.compile(
    r"\b(?:compared\s+with|from|against|versus)\s+(?:[^.;:!?]|[.:](?=\d)){0,40}$", re.IGNORECASE
)


def _compares(ctx: Context) -> bool:
    """Whether the mention closes a comparison of figures ("up from $2 million last year")."""
    return _COMPARISON.search(ctx.text, max(0, ctx.start - 60), ctx.start) is not None


_AROUND = re.compile(r"\s+(?P<side>after|before)\b(?P<alone>\s*(?:[.,;:!?]|$))?", re.IGNORECASE)
_APPOSITION = re.compile(r",\s*$")


def _day_around(ctx: Context, *, dated: bool) -> int:
    """How many days "the day after" (+1) or "the day before" (-1) lies from the day in focus.

    Said of an event ("the day after his death"), it is a day away from the last day named;
    set beside that day ("Oct. 12, the day before the crash"), it is that day. With no day
    named (``dated`` false), only a bare "the day before." counts from the reference: the day
    of an unnamed event ("the day after the vote") is unknown, so the reference stands.
    """
    side = _AROUND.match(ctx.text, ctx.end)
    if side is None or _APPOSITION.search(ctx.text, max(0, ctx.start - 3), ctx.start):
        return 0
    if not dated and side["alone"] is None:
        return 0
    return 1 if side["side"].lower() == "after" else -1


_CLOSING = re.compile(
    r"\s+(?:that\s+)?(?:ended|ending|closed)\s+(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})\b"
)


def _closing_day(ctx: Context) -> date | None:
    """The day named right after a period that it closes ("the quarter ended Sept. 30")."""
    found = _CLOSING.match(ctx.text, ctx.end)
    if found is None:
        return None
    month = _int(ctx.rules, "month", found["month"])
    if month is None:
        return None
    day = int(found["day"])
    try:
        return date(_year_for(month, day, None, ctx), month, day)
    except ValueError:
        return None


def _reporting_period(ctx: Context) -> Point:
    """Return the quarter (or half) a financial report speaks of.

    The first recent, closed quarter or half the text named (see ``Context.reported``); else
    the last quarter or half named; else the quarter the last day named closes ("the six
    months ended Oct. 1": the third) or the quarter of the last month named; else the last
    whole quarter before the reference (results are reported after the quarter closes). A
    period still ahead ("losses through the third quarter of 1990") has no results yet, so
    it is not the one reported on.
    """
    if ctx.reported is not None:
        return ctx.reported
    anchor = ctx.anchor
    if anchor is not None and anchor.start > ctx.reference:
        anchor = None
    if anchor is not None and anchor.granularity in (QUARTER, HALF):
        return anchor
    if anchor is not None and anchor.granularity == DAY:
        return quarter_closing(anchor.start)
    if anchor is not None and anchor.granularity in (MONTH, WEEK):
        return point_of(anchor.start, QUARTER)
    return shift(point_of(ctx.reference, QUARTER), -1)


#: The reporting periods a financial text compares: a quarter, or a longer stretch of months.
_PERIOD_WORD = re.compile(
    r"\b(?:(?P<quarter>quarter)|(?:six|nine|twelve|\d+)[\s-]+months?|(?:first|second)\s+half)\b",
    re.IGNORECASE,
)


def _speaks_of_quarter(ctx: Context) -> bool:
    """Whether the period the mention's sentence (or the one before it) last names is a quarter.

    "For the nine months, net rose from a year earlier" compares nine months (so a year back),
    even when the text spoke of a quarter before.
    """
    left = ctx.text[max(0, ctx.start - 400) : ctx.start]
    breaks = list(SENTENCE_END.finditer(left))
    if len(breaks) >= 2:
        left = left[breaks[-2].end() :]
    periods = list(_PERIOD_WORD.finditer(left))
    if periods:
        return periods[-1].group("quarter") is not None
    return ctx.anchor is not None and ctx.anchor.granularity in (QUARTER, HALF)


#: Clock units counted in days: "three hours ago" is today, "48 hours later" two days on.
_CLOCK_UNITS_PER_DAY = {"TH": 24, "TM": 24 * 60, "TS": 24 * 60 * 60}


def _calendar_unit(rules: RuleSet, written: str) -> tuple[str | None, float]:
    """The granularity a unit word counts in, and how many of it one unit is ("fortnight": 2)."""
    unit = str(rules.lookup("unit", written))
    if unit in _CLOCK_UNITS_PER_DAY:
        return DAY, 1 / _CLOCK_UNITS_PER_DAY[unit]
    if unit not in _UNIT_GRANULARITY and unit in UNIT_MULTIPLES:
        unit, factor = UNIT_MULTIPLES[unit]
        return _UNIT_GRANULARITY.get(unit), factor
    return _UNIT_GRANULARITY.get(unit), 1


def _offset(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    rules = ctx.rules
    direction = _int(rules, "shift", groups["shift"])
    granularity, factor = _calendar_unit(rules, groups["unit"])
    if direction is None or granularity is None:
        return None
    count = amount(rules, groups["num"])
    if count is not None:
        count += 0.5 if "fraction" in groups else 0.0
        count = count * factor if factor >= 1 else round(count * factor)
        granularity, count = _whole_units(granularity, count)
    mod = _mod(groups, rule, rules)
    # "three days later" counts from the date in focus: TimeML makes it an anchored duration.
    # A figure set against another period ("up from 5% a month earlier") and the reporting
    # idiom "a year earlier" name the period compared with: dates.
    anaphoric = groups["shift"].lower() in _ANAPHORIC_SHIFTS
    anchored = anaphoric and not (granularity == YEAR and count == 1) and not _compares(ctx)
    if count is not None and count != int(count):
        return None
    # "some years ago", and "3,000 years ago" (before year 1): only the direction is known.
    point = (
        None
        if count is None
        else _shifted(groups, granularity, direction * int(count), ctx, anaphoric=anaphoric)
    )
    if point is None:
        if anchored:
            return _anchored_duration(groups, rule, ctx, None)
        return Resolution("PAST_REF" if direction < 0 else "FUTURE_REF", mod)
    if anchored:
        return _anchored_duration(groups, rule, ctx, point)
    # Not an anchor: "a year earlier" twice in a row both count from the same date.
    return Resolution(str(point), mod)


#: A finer unit to count a fraction in: "half a century ago" is 50 years back, "two and a
#: half years ago" 30 months.
_FINER = {CENTURY: (YEAR, 100), DECADE: (YEAR, 10), YEAR: (MONTH, 12), WEEK: (DAY, 7)}


def _whole_units(granularity: str, count: float) -> tuple[str, float]:
    """Return the unit and count, moved to a finer unit while the count has a fraction."""
    while count != int(count) and granularity in _FINER:
        finer, per = _FINER[granularity]
        granularity, count = finer, count * per
    return granularity, count


def _shifted(
    groups: dict[str, str], granularity: str, steps: int, ctx: Context, *, anaphoric: bool
) -> Point | None:
    """Return the period ``steps`` units away (back if negative), or ``None`` off the calendar."""
    anchor = ctx.anchor
    direction = 1 if steps > 0 else -1
    try:
        # "the year-ago quarter", and "a year earlier" said of a quarter, name the reporting
        # period in focus one year back (financial comparisons); a count of years ("41 years
        # ago") or a year said of no quarter still counts in whole years.
        if (
            abs(steps) == 1
            and granularity == YEAR
            and ("period" in groups or _speaks_of_quarter(ctx))
        ):
            focus = _reporting_period(ctx)
            return shift(focus, direction * 12 // _MONTHS_PER[focus.granularity])
        if granularity in (DECADE, CENTURY):
            # "a decade ago" is about ten years back (1989 in 1999), not the 1980s as a whole.
            years = steps * _MONTHS_PER[granularity] // 12
            return shift(point_of(ctx.reference, YEAR), years)
        base = point_of(ctx.reference, granularity)
        if (
            anaphoric
            and anchor is not None
            and anchor.granularity == DAY
            and granularity in (DAY, WEEK, WEEKEND)
        ):  # "June 3 ... a week later": counted from the day last named
            base = point_of(anchor.start, granularity)
        return shift(base, steps)
    except (ValueError, OverflowError):
        return None


def _anchored_duration(
    groups: dict[str, str], rule: CompiledRule, ctx: Context, reaches: Point | None
) -> Resolution | None:
    """Return "three days later" as the DURATION ``P3D`` reaching ``reaches``.

    The span stops before the signal word ("later"), as TimeML annotates it.
    """
    amount = _duration(groups, rule, ctx)
    if amount is None:
        return None
    end = ctx.text.rindex(groups["shift"], ctx.start, ctx.end)
    while ctx.text[end - 1].isspace():
        end -= 1
    return Resolution(amount.value, amount.mod, type="DURATION", end=end, reaches=reaches)


def _duration(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    extra = 0.5 if "fraction" in groups else 0.0
    value = duration(ctx.rules, groups.get("num", "a"), groups["unit"], extra=extra)
    return None if value is None else Resolution(value, _mod(groups, rule, ctx.rules))


#: "in" right before an amount of time: "will be redeemed in five years".
_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)


def _amount_of_time(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    """Resolve an amount of time; "in five years" said of what is ahead is the date it reaches.

    TimeML reads "the stock will be redeemed in five years" as a date (five years on, 2028 in
    2023) and "the second letter in two weeks" as a duration. Clock units and amounts with a
    cue or modifier ("in the next two years", "in about a week") stay durations.
    """
    resolution = _duration(groups, rule, ctx)
    granularity, factor = _calendar_unit(ctx.rules, groups["unit"])
    if (
        resolution is None
        or granularity in (None, WEEKEND)
        or factor < 1  # "in 48 hours" stays an amount of clock time
        or "rel" in groups
        or "mod" in groups
        or _IN_BEFORE.search(ctx.text, max(0, ctx.start - 4), ctx.start) is None
        or ctx.tense <= 0
    ):
        return resolution
    count = amount(ctx.rules, groups.get("num", "a"))
    if count is None or count != int(count):
        return Resolution("FUTURE_REF", type="DATE")
    try:
        point = shift(point_of(ctx.reference, granularity), int(count * factor))
    except (ValueError, OverflowError):
        return Resolution("FUTURE_REF", type="DATE")
    return Resolution(str(point), None, point, type="DATE")


def _set(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    if "frequency" in groups:
        value = ctx.rules.lookup("frequency", groups["frequency"])
        return None if value is None else Resolution(str(value), rule.rule.mod)
    rules = ctx.rules
    if "weekday" in groups:  # "every Monday (night)"
        value = f"XXXX-WXX-{_int(rules, 'weekday', groups['weekday'])}"
        if "daypart" in groups:
            value += f"T{rules.lookup('daypart', groups['daypart'])}"
        return Resolution(value, rule.rule.mod)
    if "month" in groups:  # "each July"
        return Resolution(f"XXXX-{_int(rules, 'month', groups['month']):02d}", rule.rule.mod)
    return _duration(groups, rule, ctx)


def _ref(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    rules = ctx.rules
    meaning = str(rules.lookup("ref", groups.get("ref", "")) or "")
    if "rel" in groups:
        meaning = f"D{_int(rules, 'rel', groups['rel']) or 0}"
    if meaning.startswith("D"):
        day = ctx.reference + timedelta(days=int(meaning[1:]))
    elif meaning:
        return Resolution(meaning, _mod(groups, rule, rules))
    elif "daypart" in groups:  # "by mid-afternoon": that part of the day in focus
        day = ctx.day_in_focus
    else:
        return None
    point = Point(DAY, day)
    value = str(point)
    if "daypart" in groups:
        value += f"T{rules.lookup('daypart', groups['daypart'])}"
    return Resolution(value, _mod(groups, rule, rules), point)


#: "4 in the morning", "11 at night": which half of the clock the part of the day means.
_HALF_OF_DAY = {"morning": "a", "afternoon": "p", "evening": "p", "night": "p"}


def _time(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    hour_text = groups["hour"].lower()
    if hour_text in {"noon", "midday", "midnight"}:
        hour, minute = (24 if hour_text == "midnight" else 12), 0
    else:
        hour, minute = int(hour_text), int(groups.get("minute", "0"))
    written = groups.get("ampm", "").lower()
    ampm = _HALF_OF_DAY.get(written, written[:1])
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    day = ctx.day_in_focus
    if "weekday" in groups or "month" in groups:  # "noon Thursday", "5 p.m. EST, Nov. 9"
        named = _calendar(
            {k: groups[k] for k in ("weekday", "month", "day") if k in groups}, rule, ctx
        )
        if named is None or named.point is None:
            return None
        day = named.point.start
    elif hour == 24 and day == ctx.reference and ctx.tense < 0:
        # "the attack came shortly after midnight": the midnight gone by, the one this day began
        # with (TimeML writes it as the day before at T24:00).
        day -= timedelta(days=1)
    return Resolution(f"{day.isoformat()}T{hour:02d}:{minute:02d}", _mod(groups, rule, ctx.rules))


def _constant(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    return Resolution(rule.rule.value or "", _mod(groups, rule, ctx.rules))


def _week_of(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    """Resolve "the week of March 6", "Easter week": the ISO week holding that day."""
    named = (_holiday if "holiday" in groups else _calendar)(groups, rule, ctx)
    if named is None or named.point is None or named.point.granularity != DAY:
        return None
    point = point_of(named.point.start, WEEK)
    return Resolution(str(point), named.mod, point)


def _day_beside(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    """Resolve "the day before last Tuesday", "the day after Christmas": a day off the one named."""
    step = _int(ctx.rules, "shift", groups["shift"])
    named_groups = {k: v for k, v in groups.items() if k != "shift"}
    named = (_holiday if "holiday" in groups else _calendar)(named_groups, rule, ctx)
    if step is None or named is None or named.point is None or named.point.granularity != DAY:
        return None
    point = Point(DAY, named.point.start + timedelta(days=step))
    return Resolution(str(point), None, point)


#: What joins the two days of a range: "June 18-19", "April 24 and 25", "May 3 to May 5".
RANGE_CONNECTOR = r"(?:[-\u2013]|and|to|through)"
#: The opening day of a range that a bare day closes: "June 18-", "April 24 and ".
_RANGE_OPENING = re.compile(
    rf"(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*{RANGE_CONNECTOR}\s*$"
)


def _range_end(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    """Resolve the bare day closing a range ("June 18-19"): that day of the month just named.

    Only right after the day that opens the range, and only a later day of that month.
    """
    anchor = ctx.anchor
    opening = _RANGE_OPENING.search(ctx.text, max(0, ctx.start - 30), ctx.start)
    if opening is None or anchor is None or anchor.granularity != DAY:
        return None
    month = _int(ctx.rules, "month", opening["month"])
    first, last = int(opening["day"]), _int(ctx.rules, "day", groups["day"])
    if (month, first) != (anchor.start.month, anchor.start.day) or last is None or last <= first:
        return None
    year = year_of(ctx.rules, groups["year"]) if "year" in groups else None
    point = Point(DAY, date(year or anchor.start.year, anchor.start.month, last))
    return Resolution(str(point), None, point)


def _reject(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    """A known false positive ("the March for Peace", "a second try"): nothing to tag."""
    return None


_RESOLVERS: dict[str, Callable[[dict[str, str], CompiledRule, Context], Resolution | None]] = {
    "calendar": _calendar,
    "relative": _relative,
    "offset": _offset,
    "duration": _amount_of_time,
    "set": _set,
    "ref": _ref,
    "time": _time,
    "constant": _constant,
    "holiday": _holiday,
    "week_of": _week_of,
    "day_beside": _day_beside,
    "range_end": _range_end,
    "reject": _reject,
}


def resolve(rule: CompiledRule, groups: dict[str, str], ctx: Context) -> Resolution | None:
    """Return what a match of ``rule`` means, or ``None`` if it names no real time (Feb 30).

    A day beyond the calendar (before year 1 or after 9999) names no real time either.
    """
    try:
        resolution = _RESOLVERS[rule.rule.kind](groups, rule, ctx)
    except (ValueError, OverflowError):  # date arithmetic ran off the calendar
        return None
    if resolution is not None and rule.rule.value and rule.rule.kind != "constant":
        return Resolution(rule.rule.value, resolution.mod, resolution.point)
    return resolution
