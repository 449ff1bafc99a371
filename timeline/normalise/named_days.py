"""Days and weeks named by a holiday or by their place: "Thanksgiving", "the first Tuesday of
November", "the week of March 6", "the first week of April", "the day after Christmas"."""

from __future__ import annotations

from datetime import timedelta

from timeline.amounts import year_of
from timeline.holidays import holiday_date
from timeline.normalise.calendar_dates import resolve_calendar
from timeline.normalise.context import Context, Resolution, lookup_int, mod_of
from timeline.normalise.points import (
    DAY,
    MONTH,
    SATURDAY,
    UNIT_GRANULARITY,
    WEEK,
    WEEKEND,
    Point,
    finer_or_equal,
    point_of,
    shift,
)
from timeline.normalise.years import nearest, year_for
from timeline.rules import CompiledRule, RuleSet


def _nth_weekday_spec(groups: dict[str, str], rules: RuleSet) -> str | None:
    """The holiday rule for "the first Tuesday of November" (``"11-2-1"``), or for "the last
    day of May" (``"06-01-1"``, the day before June 1)."""
    nth = lookup_int(rules, "nth", groups["nth"])
    month = lookup_int(rules, "month", groups["month"])
    if nth is None or month is None:
        return None
    if "weekday" not in groups:  # "the first day of", "the last day of"
        if nth > 0:
            return f"{month:02d}-01"
        return "12-31" if month == 12 else f"{month + 1:02d}-01-1"
    weekday = lookup_int(rules, "weekday", groups["weekday"])
    if weekday is None:
        return None
    return f"{month:02d}-{weekday}-{'L' if nth < 0 else nth}"


def resolve_holiday(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    """Resolve "Thanksgiving", "last Christmas", "Easter 1998", "the first Tuesday of November":
    the year as for a month-day. A ``frame`` is the period the day opens ("the new year")."""
    rules, ref = ctx.rules, ctx.reference
    if "nth" in groups and "month" not in groups:
        # "the second Friday of the month", "of next month": a month told by the text
        month = _month_meant(groups, ctx)
        if month is None:
            return None
        groups = {k: v for k, v in groups.items() if k not in ("rel", "anaphor")}
        groups |= {"month": str(month.start.month), "year": str(month.start.year)}
    if "holiday" in groups:
        spec = rules.lookup("holiday", groups["holiday"])
    else:
        spec = _nth_weekday_spec(groups, rules)
    if not isinstance(spec, str):
        return None
    rel = lookup_int(rules, "rel", groups["rel"]) if "rel" in groups else None
    year = year_of(rules, groups["year"]) if "year" in groups else None
    if "unit" in groups and rel is not None:  # "Thanksgiving Day last year"
        year = ref.year + rel
    if year is not None or rel == 0:
        day = holiday_date(spec, ref.year if year is None else year)
    else:
        by_year = {ref.year + k: holiday_date(spec, ref.year + k) for k in (-1, 0, 1)}
        days = [d for d in by_year.values() if d]
        if not days:
            return None
        if rel is not None and rel < 0:
            day = max((d for d in days if d < ref), default=min(days))
        elif rel is not None and rel > 0:
            day = min((d for d in days if d > ref), default=max(days))
        else:  # the year as for the day it falls on this year ("In 2009, ... on Thanksgiving")
            this_year = by_year[ref.year] or days[0]
            year = year_for(this_year.month, this_year.day, None, ctx)
            named = by_year[year] if year in by_year else holiday_date(spec, year)
            day = named or nearest(days, ref, ctx)  # a year its calendar does not keep
    if day is None:
        return None
    frame = (
        UNIT_GRANULARITY.get(str(rules.lookup("frame", groups["frame"])))
        if "frame" in groups
        else None
    )
    point = point_of(day, frame or DAY)
    return Resolution(str(point), mod_of(groups, rule, rules), point)


def _month_meant(groups: dict[str, str], ctx: Context) -> Point | None:
    """The month "the month" (the one in focus, else the report's) or "next month" names."""
    if "anaphor" in groups:
        anchor = ctx.anchor
        if anchor is not None and finer_or_equal(anchor.granularity, MONTH):
            # an ISO week is of the month its Thursday falls in ("the first week of January")
            thursday = timedelta(days=3 if anchor.granularity == WEEK else 0)
            return point_of(anchor.start + thursday, MONTH)
        return point_of(ctx.reference, MONTH)
    step = lookup_int(ctx.rules, "rel", groups.get("rel", ""))
    return None if step is None else shift(point_of(ctx.reference, MONTH), step)


def resolve_week_of(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    """Resolve "the week of March 6", "Easter week", "the first week of April", "the second
    weekend of October": the ISO week (or weekend) holding that day."""
    day_groups = {k: v for k, v in groups.items() if k != "unit"}  # the unit is the week's
    named = (resolve_holiday if "holiday" in groups else resolve_calendar)(day_groups, rule, ctx)
    if named is None or named.point is None:
        return None
    day = named.point.start
    weekend = groups.get("unit", "").lower() == "weekend"
    if "nth" in groups and named.point.granularity == MONTH:  # "the first week of April"
        nth = lookup_int(ctx.rules, "nth", groups["nth"])
        if nth is None:
            return None
        if nth < 0:  # the week of the month's last day, the weekend of its last Saturday
            day = shift(named.point, 1).start - timedelta(days=1)
            if weekend:
                day -= timedelta(days=(day.isoweekday() - SATURDAY) % 7)
        else:  # the week of its first day plus some, the weekend of its n-th Saturday
            if weekend:
                day += timedelta(days=(SATURDAY - day.isoweekday()) % 7)
            day += timedelta(days=7 * (nth - 1))
    elif named.point.granularity != DAY:
        return None
    elif weekend and day.isoweekday() == 1:  # "Memorial Day weekend": the one the Monday ends
        day -= timedelta(days=1)
    point = point_of(day, WEEKEND if weekend else WEEK)
    return Resolution(str(point), named.mod, point)


def resolve_day_beside(
    groups: dict[str, str], rule: CompiledRule, ctx: Context
) -> Resolution | None:
    """Resolve "the day before last Tuesday", "the day after Christmas": a day off the one named."""
    step = lookup_int(ctx.rules, "shift", groups["shift"])
    named_groups = {k: v for k, v in groups.items() if k != "shift"}
    named = (resolve_holiday if "holiday" in groups else resolve_calendar)(named_groups, rule, ctx)
    if step is None or named is None or named.point is None or named.point.granularity != DAY:
        return None
    point = Point(DAY, named.point.start + timedelta(days=step))
    return Resolution(str(point), None, point)
