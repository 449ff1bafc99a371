"""Dates counted from the reference or from the date in focus: "last week", "the following
day", "the quarter". Amounts counted from a date ("two years ago") are :mod:`offsets`'.
"""

from __future__ import annotations

import re
from datetime import date

from timeline.normalise.context import Context, Resolution, lookup_int, mod_of
from timeline.normalise.points import (
    CENTURY,
    DAY,
    DECADE,
    MONTH,
    MONTHS_PER,
    QUARTER,
    SATURDAY,
    UNIT_GRANULARITY,
    WEEK,
    WEEKEND,
    YEAR,
    Point,
    finer_or_equal,
    point_of,
    quarter_closing,
    shift,
)
from timeline.normalise.reporting import (
    closing_day,
    compares,
    reporting_period,
    speaks_of_quarter,
)
from timeline.rules import CompiledRule
from timeline.tense import sentence_start


def resolve_relative(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    """Resolve a period counted from a date: "last week", "the quarter", "the following day"."""
    rules = ctx.rules
    unit = rules.lookup("unit", groups["unit"])
    granularity = UNIT_GRANULARITY.get(str(unit))
    if granularity is None:
        return None
    count = lookup_int(rules, "rel", groups["rel"]) if "rel" in groups else 0
    base = ctx.reference
    if "anaphor" not in groups and _next_in_a_past_story(groups, ctx):
        groups = {**groups, "anaphor": "the"}  # "The next week she pulled a hamstring."
    anchor = ctx.anchor
    if (
        "anaphor" not in groups
        and "rel" not in groups
        and anchor is not None
        and anchor.granularity == granularity
        and _APPOSITION.search(ctx.text, max(0, ctx.start - 3), ctx.start)
    ):  # "born in 1945, the year the war ended": the year just named
        return Resolution(str(anchor), mod_of(groups, rule, rules), anchor)
    if granularity == YEAR and "anaphor" not in groups and "rel" not in groups:
        base = _year_told(ctx)
    if "focus" in groups and (
        _told_in_the_past(ctx, granularity) or _named_just_before(ctx, granularity)
    ):
        # "He was shot on Oct. 23, 1998. By the end of the month, police had a suspect.";
        # "closed from Oct. 20 until the end of the month"
        base = anchor.start if anchor is not None else base
    if "anaphor" in groups:
        # "the quarter", "the following day": the period of (or next to) the last date named;
        # with none finer than the unit, the last whole quarter or the reference day.
        anchor = ctx.anchor
        closing = closing_day(ctx) if granularity == QUARTER and "rel" not in groups else None
        if closing is not None:  # "the quarter ended July 31": the quarter that day closes
            base = quarter_closing(closing).start
        elif (
            anchor is not None
            and finer_or_equal(anchor.granularity, granularity)
            and not _counted_from_the_report(groups, granularity, anchor, ctx)
        ):
            base = _period_in_focus(ctx, anchor, granularity).start
            if granularity == WEEKEND:
                count = _weekends_from(base, count, groups, ctx)
        elif granularity == DAY and "rel" in groups and ctx.last_day is not None:
            # "won on Saturday night ... wrote it in the winter of 1993 ... bidding began the
            # following day": the day after the last day named
            base = ctx.last_day.start
        elif granularity == DAY and ctx.last_day is not None and _stands_alone(ctx):
            # "runs on Oct. 31, and last year drew 1,500 ... will meet the day before to
            # decorate": the day before the last day named
            base = ctx.last_day.start
        elif anchor is not None and "rel" not in groups and _points_back(groups["anaphor"]):
            # "last October ... crossed out that same day": a day of that month, which one
            # unknown (TimeML writes the unknown parts as X)
            within = _unknown_within(anchor, granularity)
            if within is not None:
                return Resolution(within, mod_of(groups, rule, rules))
        elif granularity == QUARTER and "rel" not in groups:
            count = 0 if ctx.tense > 0 else -1  # the quarter reported on, or the one under way
        elif granularity == WEEKEND and "rel" not in groups:
            # "over the weekend": the one just past, unless the sentence looks ahead
            count = 0 if ctx.reference.isoweekday() >= SATURDAY or ctx.tense > 0 else -1
        if granularity in _STEPPED and "rel" not in groups:
            count = _step_around(ctx, granularity, dated=base is not ctx.reference)
        elif granularity == WEEKEND and "rel" not in groups:  # "the weekend before."
            count = _step_around(ctx, granularity, dated=base is not ctx.reference) or count
    if granularity == QUARTER and groups.get("rel", "").lower() == "latest":
        # "sales in the latest period": the period the report is about
        focus = reporting_period(ctx)
        return Resolution(str(focus), mod_of(groups, rule, rules), focus)
    if (
        granularity == YEAR
        and count == -1
        and compares(ctx)
        and speaks_of_quarter(ctx)
        and not (ctx.anchor is not None and ctx.anchor.granularity == YEAR)
    ):
        # "earned $5 million, compared with $3 million last year": the reporting period a year
        # back; after a year named ("build 1.8 million cars this year, up from 1.3 million
        # last year") the year before it
        focus = reporting_period(ctx)
        point = shift(focus, -12 // MONTHS_PER[focus.granularity])
        return Resolution(str(point), mod_of(groups, rule, rules))
    point = shift(point_of(base, granularity), count or 0)
    daypart = rules.lookup("daypart", groups["unit"]) if granularity == DAY else None
    if daypart:  # "the night before": that part of the day, a time as "the previous night" is
        return Resolution(f"{point}T{daypart}", mod_of(groups, rule, rules), point, type="TIME")
    return Resolution(str(point), mod_of(groups, rule, rules), _focus_after(point, groups, ctx))


def _focus_after(point: Point, groups: dict[str, str], ctx: Context) -> Point:
    """The date in focus after a period: the period, unless it only restates the one holding
    a finer date in focus ("in August 1940 ... 19 that year ... the same month": August)."""
    anchor = ctx.anchor
    if (
        "anaphor" in groups
        and "rel" not in groups
        and anchor is not None
        and anchor.granularity != point.granularity
        and finer_or_equal(anchor.granularity, point.granularity)
        and point_of(anchor.start, point.granularity) == point
    ):
        return anchor
    return point


def _period_in_focus(ctx: Context, anchor: Point, granularity: str) -> Point:
    """The date "the quarter" or "the month" counts from: the date in focus, unless that is
    only the day of the report, within the current quarter (month), after a closed one was
    named ("Profit rose in the fourth quarter, it said on Thursday. Sales in the quarter ...").
    """
    named = {QUARTER: ctx.reported, MONTH: ctx.reported_month}.get(granularity)
    if (
        named is None
        or named.granularity != granularity
        or anchor.granularity == granularity
        or point_of(anchor.start, granularity) != point_of(ctx.reference, granularity)
    ):
        return anchor
    return named


def _weekends_from(
    base: date, count: int | None, groups: dict[str, str], ctx: Context
) -> int | None:
    """How many weekends on from the week of ``base``, the day in focus, "the weekend" (or
    "the following weekend") is."""
    if "rel" not in groups and base == ctx.reference:
        # "ended on Monday [the day of the report] ... over the weekend": as with no day
        # named, the weekend just past, unless the sentence looks ahead
        return 0 if base.isoweekday() >= SATURDAY or ctx.tense > 0 else -1
    if base.isoweekday() >= SATURDAY:
        return count
    if "rel" not in groups and _plain_weekend(groups, ctx) and _weekend_before(base, ctx):
        # "said on Monday that they had detained 212 people over the weekend": the weekend
        # nearest that day, here the one before it
        return -1
    if count is not None and count > 0:
        # "ends on Friday, Feb. 24 ... the following weekend": the one that day's week ends with
        return count - 1
    return count


def _plain_weekend(groups: dict[str, str], ctx: Context) -> bool:
    """Whether "the weekend" is said plainly: not "that weekend", nor "the weekend before"."""
    return not _points_back(groups["anaphor"]) and _AROUND.match(ctx.text, ctx.end) is None


def _weekend_before(day: date, ctx: Context) -> bool:
    """Whether "the weekend" told with a weekday in focus is the one before that day: the
    nearest to it (before a Monday or a Tuesday, and before a Wednesday told in the past), when
    no weekend has come between that day and the report."""
    nearest_before = day.isoweekday() < _MIDWEEK or (
        day.isoweekday() == _MIDWEEK and ctx.tense <= 0
    )
    return (
        nearest_before
        and point_of(day, WEEK) == point_of(ctx.reference, WEEK)
        and ctx.reference.isoweekday() < SATURDAY
    )


def _told_in_the_past(ctx: Context, granularity: str) -> bool:
    """Whether "the end of the month" belongs to a story told in the past: the sentence is in
    the past and the date in focus, as fine as the unit, lies in an earlier year."""
    anchor = ctx.anchor
    return (
        anchor is not None
        and finer_or_equal(anchor.granularity, granularity)
        and anchor.start.year < ctx.reference.year
        and ctx.tense < 0
    )


def _counted_from_the_report(
    groups: dict[str, str], granularity: str, anchor: Point, ctx: Context
) -> bool:
    """Whether the period is counted from the report, though a date as fine is in focus.

    - A decade or century the text looks ahead to: "by the end of the decade he wants to
      retire".
    - "the weekend" when the tense points away from that date ("could take until the
      weekend" after a day gone by), or when a plain "the weekend" (not "that weekend", "the
      weekend before") comes after a date more than a week from the report ("an update
      pushed on June 12 ... a fix began rolling out over the weekend", said on June 24).
      "The previous weekend" and "the following weekend" always count from that date.
    - "the week" when the tense points away from that date: "take effect on Jan. 1. Stocks
      ended the week up".
    """
    plain = "rel" not in groups
    if granularity in (DECADE, CENTURY):
        return ctx.tense > 0
    if granularity == WEEKEND:
        return plain and (
            ctx.points_away_from(anchor.start)
            or (
                _plain_weekend(groups, ctx)
                and abs((anchor.start - ctx.reference).days) > _WEEKEND_REACH
            )
        )
    if granularity == WEEK:
        return plain and groups["anaphor"].lower() == "the" and ctx.points_away_from(anchor.start)
    return False


def _named_just_before(ctx: Context, granularity: str) -> bool:
    """Whether a date as fine as the unit was named just before, in the same sentence ("from
    Oct. 20 until the end of the month"): the month meant is that date's."""
    anchor = ctx.anchor
    if anchor is None or not finer_or_equal(anchor.granularity, granularity):
        return False
    if not 0 <= ctx.start - ctx.anchor_end <= _JUST_BEFORE:
        return False
    if ctx.points_away_from(anchor.start):
        # "who joined in 1994, will step down at the end of the year": another time
        return False
    begins = sentence_start(ctx.text, ctx.start, _JUST_BEFORE)
    return begins is None or begins < ctx.anchor_end


#: How close before "the end of the month" the date whose month it is may end.
_JUST_BEFORE = 24


#: Results for a whole year are reported in the first months of the next.
_RESULTS_MONTHS = 3


def _year_told(ctx: Context) -> date:
    """The day whose year "the year" names: the report's, except in results ("for the year",
    "the full year"): there the year just named when it is last year ("earned $49 billion last
    year. For the year, revenue rose"), and in a past report of the first months of a year the
    year just closed ("For the full year, the bank earned"). "Since the start of the year"
    said in March is this year.
    """
    anchor, ref = ctx.anchor, ctx.reference
    if _RESULTS.search(ctx.text, max(0, ctx.start - 4), ctx.end) is None:
        return ref
    if anchor is not None and anchor.granularity == YEAR and anchor.start.year == ref.year - 1:
        return anchor.start
    if ref.month <= _RESULTS_MONTHS and ctx.tense < 0:
        return ref.replace(year=ref.year - 1, month=1, day=1)
    return ref


#: How a results report names its year: "for the year", "the full year".
_RESULTS = re.compile(r"\bfor\s+the\s+year\b|\bfull\s+year\b", re.IGNORECASE)


def _next_in_a_past_story(groups: dict[str, str], ctx: Context) -> bool:
    """Whether "the next week" is told in the past: the week after the date in focus.

    "Next week" looks ahead from the report; "the next week" in a story told in the past is
    "the following week" ("On June 30 she ran; the next week she pulled a hamstring").
    """
    return (
        groups.get("rel", "").lower() == "next"
        and ctx.text[ctx.start : ctx.start + 4].lower() == "the "
        and ctx.anchor is not None
        and ctx.anchor.start < ctx.reference
        and ctx.tense < 0
    )


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


#: Wednesday: the weekend before it and the one after it are as near.
_MIDWEEK = 3
_AROUND = re.compile(r"\s+(?P<side>after|before)\b", re.IGNORECASE)


_APPOSITION = re.compile(r",\s*$")


#: Units "the ... before" steps by: "the day before", "the year before."
_STEPPED = frozenset({DAY, WEEK, MONTH, YEAR})
#: "the weekend" is near the report: a day named further from it than this (in days) does not
#: place it, though it places "that weekend" and "the weekend before".
_WEEKEND_REACH = 7


def _step_around(ctx: Context, granularity: str, *, dated: bool) -> int:
    """How many units "the day after" (+1) or "the year before" (-1) lies from the one in focus.

    Said of an event ("the day after his death"), a day is a day away from the last day named;
    set beside that day ("Oct. 12, the day before the crash"), it is that day. With no day
    named (``dated`` false), only a bare "the day before." counts from the reference: the day
    of an unnamed event ("the day after the vote") is unknown, so the reference stands. A
    longer unit steps only when bare ("down from $450 million the year before.").
    """
    side = _AROUND.match(ctx.text, ctx.end)
    if side is None or _APPOSITION.search(ctx.text, max(0, ctx.start - 3), ctx.start):
        return 0
    if (not dated or granularity != DAY) and not _alone(ctx, side):
        return 0
    return 1 if side["side"].lower() == "after" else -1


def _stands_alone(ctx: Context) -> bool:
    """Whether the mention is followed by a "before" or "after" with no event after it to
    count from: "the day before.", "met the day before to decorate" (see [cues] alone)."""
    side = _AROUND.match(ctx.text, ctx.end)
    return side is not None and _alone(ctx, side)


def _alone(ctx: Context, side: re.Match[str]) -> bool:
    return ctx.rules.cues.alone.match(ctx.text, side.end()) is not None
