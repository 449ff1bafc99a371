"""The period a financial report speaks of: "the quarter", "a year earlier", "the 1988 period".

A report names its quarter (or half) first; comparisons ("up from $3 million a year
earlier") count from it. This module finds that period and tells when a sentence compares
figures or names a quarter; the resolvers decide what to do with it.
"""

from __future__ import annotations

import re
from datetime import date

from timeline.normalise.context import Context, lookup_int
from timeline.normalise.points import (
    DAY,
    HALF,
    MONTH,
    QUARTER,
    WEEK,
    Point,
    point_of,
    quarter_closing,
    shift,
)
from timeline.normalise.years import year_for
from timeline.tense import SENTENCE_END

#: A figure set against one from another period: "compared with $3 million last year".
_COMPARISON = re.compile(
    r"\b(compared\s+with|from|against|versus)\s+(?:[^.;:!?]|[.:](?=\d)){0,40}$", re.IGNORECASE
)


def compares(ctx: Context) -> bool:
    """Whether the mention closes a comparison of figures ("up from $2 million last year").

    "from" with only words after it compares nothing: "pulled from the ruins 36 hours later".
    """
    found = _COMPARISON.search(ctx.text, max(0, ctx.start - 60), ctx.start)
    if found is None:
        return False
    gap = ctx.text[found.end(1) : ctx.start]
    return found[1].lower() != "from" or not _WORDS_ONLY.fullmatch(gap)


#: A gap of words alone, no figure among them.
_WORDS_ONLY = re.compile(r"(?:\s+[^\W\d_]+)+\s+")


_CLOSING = re.compile(
    r"\s+(?:that\s+)?(?:ended|ending|closed)\s+(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})\b"
)


def closing_day(ctx: Context) -> date | None:
    """The day named right after a period that it closes ("the quarter ended Sept. 30")."""
    found = _CLOSING.match(ctx.text, ctx.end)
    if found is None:
        return None
    month = lookup_int(ctx.rules, "month", found["month"])
    if month is None:
        return None
    day = int(found["day"])
    try:
        return date(year_for(month, day, None, ctx), month, day)
    except ValueError:
        return None


def reporting_period(ctx: Context) -> Point:
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
    r"\b(?:(?P<quarter>quarter)|(?:six|nine|twelve|\d+)[\s-]+months?|(?:first|second)\s+half"
    r"|year[\s-]+to[\s-]+date)\b",
    re.IGNORECASE,
)


def _last_period_named(ctx: Context) -> re.Match[str] | None:
    """The last reporting period the mention's sentence (or the one before it) names."""
    left = ctx.text[max(0, ctx.start - 400) : ctx.start]
    breaks = list(SENTENCE_END.finditer(left))
    if len(breaks) >= 2:
        left = left[breaks[-2].end() :]
    periods = list(_PERIOD_WORD.finditer(left))
    return periods[-1] if periods else None


def speaks_of_quarter(ctx: Context) -> bool:
    """Whether the period the mention's sentence (or the one before it) last names is a quarter.

    "For the nine months, net rose from a year earlier" compares nine months (so a year back),
    even when the text spoke of a quarter before.
    """
    period = _last_period_named(ctx)
    if period is not None:
        return period.group("quarter") is not None
    return ctx.anchor is not None and ctx.anchor.granularity in (QUARTER, HALF)


def speaks_of_longer_period(ctx: Context) -> bool:
    """Whether the period the sentence last names is longer than a quarter ("the nine months")."""
    period = _last_period_named(ctx)
    return period is not None and period.group("quarter") is None
