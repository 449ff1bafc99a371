"""Ranges and lists of dates: the bare day that closes one ("June 18-19"), and the year of a
day or month that closes a range or list opening on the date just named ("from June 30 to
Sept. 30", "between now and Nov. 30", "5 and 7 July", "from June through November").
"""

from __future__ import annotations

import re
from datetime import date

from timeline.amounts import year_of
from timeline.normalise.context import Context, Resolution, lookup_int
from timeline.normalise.points import DAY, MONTH, Point
from timeline.normalise.weekdays import RANGE_JOINT, RANGE_TO
from timeline.rules import CompiledRule

#: What joins the two days of a range: "June 18-19", "April 24 and 25", "May 3 to May 5".
RANGE_CONNECTOR = r"(?:[-\u2013]|and|to|through)"
#: A day number and a connector right before a mention: "from June 30 to ", "Dec. 28-".
_DAY_RANGE_OPENING = re.compile(rf"\d(?:st|nd|rd|th)?,?\s*{RANGE_TO}\s*$")
#: What joins a range's opening date, written any way, to its closing one: "today and ".
_RANGE_JOINT = re.compile(",?" + RANGE_JOINT, re.IGNORECASE)
#: How far before a day the "now and " that opens its range may begin.
_FROM_NOW_REACH = 24


#: What opens a list or range right before the mention, by the granularity of its first item:
#: a day written day first ("5 and ", "13, 15 and "), a month ("June through ", "May to ",
#: "October 2008 to ", "June, July and ").
#: Each with how far before the mention it may begin.
_LIST_OPENINGS = {
    DAY: (re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?,?\s*(?:and|to|through|[-\u2013,])\s*$"), 12),
    MONTH: (
        re.compile(
            r"(?P<month>[A-Za-z]{3,})\.?(?:,?\s+\d{4})?"
            r"\s*(?:through|to|until|till|and|or|[-\u2013,])\s*$"
        ),
        22,
    ),
}


def closes_list(granularity: str, ctx: Context) -> bool:
    """Whether the mention closes a list or range that opens on the date just resolved, of
    ``granularity``: "5 and [7 July]", "from June through [November]"."""
    anchor = ctx.anchor
    pattern, reach = _LIST_OPENINGS[granularity]
    opening = pattern.search(ctx.text, max(0, ctx.start - reach), ctx.start)
    if anchor is None or anchor.granularity != granularity or opening is None:
        return False
    # A month range opens on the month just named ("June through"), not on a word that only
    # looks like one ("the 12 months to April")
    month = opening.groupdict().get("month")
    return month is None or lookup_int(ctx.rules, "month", month) == anchor.start.month


def after_range_opening(point: Point, ctx: Context) -> Point:
    """Move a day that closes a range to the year after if it would come before the opening day.

    "extended from June 30 to Sept. 30" said in June: Sept. 30 follows June 30, and in
    "between today and Nov. 30" (or "between now and Nov. 30") said in June, Nov. 30 follows
    today.
    """
    if point.start < ctx.reference and ctx.rules.cues.from_now.search(
        ctx.text, max(0, ctx.start - _FROM_NOW_REACH), ctx.start
    ):
        return _a_year_on(point)
    anchor = ctx.anchor
    if (
        anchor is None
        or anchor.granularity != DAY
        or point.start >= anchor.start
        or (
            _DAY_RANGE_OPENING.search(ctx.text, max(0, ctx.start - 12), ctx.start) is None
            and not joined_to_anchor(ctx)
        )
    ):
        return point
    return _a_year_on(point)


def _a_year_on(point: Point) -> Point:
    """The same day a year later (Feb. 29 stays as it is)."""
    try:
        return Point(point.granularity, point.start.replace(year=point.start.year + 1))
    except ValueError:
        return point


def joined_to_anchor(ctx: Context) -> bool:
    """Whether only a range's joint stands between the date in focus and the mention."""
    return _RANGE_JOINT.fullmatch(ctx.text, max(0, ctx.anchor_end), ctx.start) is not None


#: The opening day of a range that a bare day closes: "June 18-", "April 24 and ".
_RANGE_OPENING = re.compile(
    rf"(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*{RANGE_CONNECTOR}\s*$"
)


def resolve_range_end(
    groups: dict[str, str], rule: CompiledRule, ctx: Context
) -> Resolution | None:
    """Resolve the bare day closing a range ("June 18-19"): that day of the month just named.

    Only right after the day that opens the range, and only a later day of that month.
    """
    anchor = ctx.anchor
    opening = _RANGE_OPENING.search(ctx.text, max(0, ctx.start - 30), ctx.start)
    if opening is None or anchor is None or anchor.granularity != DAY:
        return None
    month = lookup_int(ctx.rules, "month", opening["month"])
    first, last = int(opening["day"]), lookup_int(ctx.rules, "day", groups["day"])
    if (month, first) != (anchor.start.month, anchor.start.day) or last is None or last <= first:
        return None
    year = year_of(ctx.rules, groups["year"]) if "year" in groups else None
    point = Point(DAY, date(year or anchor.start.year, anchor.start.month, last))
    return Resolution(str(point), None, point)
