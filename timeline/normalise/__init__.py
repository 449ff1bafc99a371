"""Turn what a rule captured into a TimeML TIMEX3 value: the meaning of a match, in code.

This package owns resolution: calendar arithmetic at a granularity (``points``), anchoring on
the reference date or on the last date mentioned, and the tense cues that decide which way a
bare month or weekday points. It finds nothing in text (that is :mod:`timeline.tagger`) and
knows no words (those are in the rule file's lexicons).

One module per family of expressions: ``calendar_dates`` (named dates), ``ranges`` (the days
that close ranges and lists of dates), ``named_days`` (holidays, and days and weeks placed in
a month or beside a day), ``relative`` (counted from a date), ``offsets`` (amounts counted
from one: "two years ago"), ``lengths`` (amounts of time and sets), ``clock`` (days named
from the reference, times of day); ``years`` chooses the year of a date written without one
and ``reporting`` the period a financial report speaks of. Each rule ``kind`` has one
resolver; to add a kind, add it to ``Kind`` in :mod:`timeline.rules` and its function to
``_RESOLVERS`` below.
"""

from __future__ import annotations

from collections.abc import Callable

from timeline.normalise.calendar_dates import resolve_calendar
from timeline.normalise.clock import resolve_ref, resolve_time
from timeline.normalise.context import Context, Resolution, mod_of
from timeline.normalise.lengths import resolve_amount, resolve_set
from timeline.normalise.named_days import resolve_day_beside, resolve_holiday, resolve_week_of
from timeline.normalise.offsets import resolve_offset
from timeline.normalise.points import HALF, QUARTER, Point
from timeline.normalise.ranges import RANGE_CONNECTOR, resolve_range_end
from timeline.normalise.relative import resolve_relative
from timeline.rules import CompiledRule

__all__ = ["HALF", "QUARTER", "RANGE_CONNECTOR", "Context", "Point", "Resolution", "resolve"]


def _constant(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    return Resolution(rule.rule.value or "", mod_of(groups, rule, ctx.rules))


def _reject(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    """A known false positive ("the March for Peace", "a second try"): nothing to tag."""
    return None


_RESOLVERS: dict[str, Callable[[dict[str, str], CompiledRule, Context], Resolution | None]] = {
    "calendar": resolve_calendar,
    "relative": resolve_relative,
    "offset": resolve_offset,
    "duration": resolve_amount,
    "set": resolve_set,
    "ref": resolve_ref,
    "time": resolve_time,
    "constant": _constant,
    "holiday": resolve_holiday,
    "week_of": resolve_week_of,
    "day_beside": resolve_day_beside,
    "range_end": resolve_range_end,
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
