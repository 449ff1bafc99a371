"""Amounts of time counted from a date: "two years ago", "a year ago today", "three days
later" (an anchored duration, which TimeML annotates as the amount of time).
"""

from __future__ import annotations

from timeline.amounts import amount
from timeline.normalise.context import Context, Resolution, lookup_int, mod_of
from timeline.normalise.lengths import duration_resolution
from timeline.normalise.points import (
    CENTURY,
    DAY,
    DECADE,
    MONTH,
    MONTHS_PER,
    UNIT_GRANULARITY,
    WEEK,
    WEEKEND,
    YEAR,
    Point,
    calendar_unit,
    finer_or_equal,
    move_day,
    point_of,
    shift,
)
from timeline.normalise.reporting import (
    compares,
    reporting_period,
    speaks_of_longer_period,
    speaks_of_quarter,
)
from timeline.rules import CompiledRule

#: Shifts that count from the last date named rather than the reference ("two days later").
_ANAPHORIC_SHIFTS = frozenset({"earlier", "later", "before", "after"})


def resolve_offset(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    """Resolve an amount counted back or ahead: "two years ago", "three days later"."""
    rules = ctx.rules
    direction = lookup_int(rules, "shift", groups["shift"])
    granularity, factor = calendar_unit(rules, groups["unit"])
    if direction is None or granularity is None:
        return None
    count = amount(rules, groups["num"])
    if count is not None:
        count += 0.5 if "fraction" in groups else 0.0
        count = count * factor if factor >= 1 else round(count * factor)
        granularity, count = _whole_units(granularity, count)
    mod = mod_of(groups, rule, rules)
    # "three days later" counts from the date in focus: TimeML makes it an anchored duration.
    # A figure set against another period ("up from 5% a month earlier") and the reporting
    # idiom "a year earlier" name the period compared with: dates.
    anaphoric = groups["shift"].lower() in _ANAPHORIC_SHIFTS
    anchored = anaphoric and not (granularity == YEAR and count == 1) and not compares(ctx)
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
        # "March 5 ... A week later" reaches a day, March 12, as the story moves on by days.
        anchor = ctx.anchor
        if (
            anchor is not None
            and anchor.granularity == DAY
            and count is not None
            and granularity in _DAY_STEPS
        ):
            reached = move_day(anchor.start, granularity, direction * int(count))
            point = point if reached is None else Point(DAY, reached)
        elif (
            anchor is not None
            and not finer_or_equal(anchor.granularity, granularity)
            and point_of(ctx.reference, anchor.granularity) != anchor
        ):  # "lifted off in 1969 ... four days later": a day of that year, which one unknown,
            # not four days after the report
            point = None
        return _anchored_duration(groups, rule, ctx, point)
    if "frame" in groups and count is not None:  # "a year ago today", "20 years ago this week"
        framed = _framed(groups["frame"], granularity, direction * int(count), ctx)
        if framed is not None:  # a day the story may go on from ("the following day")
            return Resolution(str(framed), mod, framed)
    # Not an anchor: "a year earlier" twice in a row both count from the same date.
    return Resolution(str(point), mod)


#: The units a day is moved by to reach a day ("a week later", "a year ago today"); coarser
#: ones ("a decade later") reach a year.
_DAY_STEPS = frozenset({YEAR, MONTH, WEEK, DAY})


def _framed(frame: str, granularity: str, steps: int, ctx: Context) -> Point | None:
    """The day, week or month ``steps`` units from the reference: "a week ago today"; "the
    same month a year ago" after a monthly figure is that month a year back."""
    grain = UNIT_GRANULARITY.get(str(ctx.rules.lookup("frame", frame)))
    if grain is None or granularity not in _DAY_STEPS or not finer_or_equal(grain, granularity):
        return None
    anchor = ctx.anchor
    monthly = grain == MONTH and anchor is not None and _monthly_figure(ctx)
    start = _month_reported(ctx, anchor).start if monthly and anchor is not None else None
    moved = move_day(start or ctx.reference, granularity, steps)
    if moved is None:
        return None
    return point_of(moved, grain)


#: A finer unit to count a fraction in: "half a century ago" is 50 years back, "two and a
#: half years ago" 30 months.
_FINER = {CENTURY: (YEAR, 100), DECADE: (YEAR, 10), YEAR: (MONTH, 12), WEEK: (DAY, 7)}


def _whole_units(granularity: str, count: float) -> tuple[str, float]:
    """Return the unit and count, moved to a finer unit while the count has a fraction."""
    while count != int(count) and granularity in _FINER:
        finer, per = _FINER[granularity]
        granularity, count = finer, count * per
    return granularity, count


#: A month this recent (in days before the report) is the one a monthly figure speaks of.
_RECENT_MONTH_DAYS = 120


def _month_reported(ctx: Context, anchor: Point) -> Point:
    """The month a monthly figure speaks of: the first one the report named, when the month
    just named is a comparison a few months before it ("unchanged in April after rising in
    March ... from a year earlier" is April a year back); else the month just named."""
    first = ctx.reported_month
    if first is not None and 0 < (first.start - anchor.start).days <= _COMPARED_MONTH_DAYS:
        return first
    return anchor


#: How far before the month reported a month named for comparison lies.
_COMPARED_MONTH_DAYS = 92


def _monthly_figure(ctx: Context) -> bool:
    """Whether the mention compares a figure with one of the recent month in focus ("sales in
    May rose 3% from a year earlier")."""
    anchor = ctx.anchor
    return (
        anchor is not None
        and anchor.granularity == MONTH
        and 0 <= (ctx.reference - anchor.start).days <= _RECENT_MONTH_DAYS
        and compares(ctx)
    )


def _shifted(
    groups: dict[str, str], granularity: str, steps: int, ctx: Context, *, anaphoric: bool
) -> Point | None:
    """Return the period ``steps`` units away (back if negative), or ``None`` off the calendar."""
    anchor = ctx.anchor
    direction = 1 if steps > 0 else -1
    try:
        if (
            steps < 0
            and granularity in (YEAR, MONTH)
            and anchor is not None
            and _monthly_figure(ctx)
        ):  # "prices in December rose 6.5% from a year earlier": that month a year back;
            # "eased to 2.6% in May from 2.7% a month earlier": April; "the same period
            # last year" after "in May": May a year back
            return shift(_month_reported(ctx, anchor), steps * (12 if granularity == YEAR else 1))
        # "the year-ago quarter", and "a year earlier" said of a quarter, name the reporting
        # period in focus one year back (financial comparisons); a count of years ("41 years
        # ago"), a year said of no quarter and "the same period last year" said of nine
        # months still count in whole years.
        if (
            abs(steps) == 1
            and granularity == YEAR
            and (
                ("period" in groups and not speaks_of_longer_period(ctx)) or speaks_of_quarter(ctx)
            )
        ):
            focus = reporting_period(ctx)
            return shift(focus, direction * 12 // MONTHS_PER[focus.granularity])
        # A story moves on from the date it last named: "in 2009 ... two years later" is 2011.
        # Looking back counts from the report ("the year-earlier results" after "last year" are
        # still a year before the report's period), unless the story is told in years long past
        # ("in 1972 ... Four years earlier" is 1968).
        moves_on = (
            anaphoric
            and anchor is not None
            and (steps > 0 or anchor.start.year < ctx.reference.year - 1)
        )
        if granularity in (DECADE, CENTURY):
            # "a decade ago" is about ten years back (1989 in 1999), not the 1980s as a whole.
            years = steps * MONTHS_PER[granularity] // 12
            start = anchor.start if moves_on and anchor is not None else ctx.reference
            return shift(point_of(start, YEAR), years)
        base = point_of(ctx.reference, granularity)
        if anchor is not None and (
            (anaphoric and anchor.granularity == DAY and granularity in (DAY, WEEK, WEEKEND))
            or (anaphoric and anchor.granularity == granularity == WEEK)
            or (moves_on and finer_or_equal(anchor.granularity, granularity))
        ):  # "June 3 ... a week later": counted from the day last named; "fell last week, from
            # 5.5 percent a week earlier": from the week last named
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
    amount = duration_resolution(groups, rule, ctx)
    if amount is None:
        return None
    end = ctx.text.rindex(groups["shift"], ctx.start, ctx.end)
    while ctx.text[end - 1].isspace():
        end -= 1
    return Resolution(amount.value, amount.mod, type="DURATION", end=end, reaches=reaches)
