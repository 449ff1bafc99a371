"""Dates named on the calendar: years, decades, months and days, weekdays, seasons.

The bare day that closes a range ("June 18-19") and the days closing ranges and lists are
:mod:`timeline.normalise.ranges`. Holidays and the days and weeks placed by one are
:mod:`timeline.normalise.named_days`.
"""

from __future__ import annotations

import re
from datetime import date

from dateutil.relativedelta import relativedelta

from timeline.amounts import year_of
from timeline.normalise.context import Context, Resolution, lookup_int, mod_of
from timeline.normalise.points import (
    CENTURY,
    DAY,
    DECADE,
    HALF,
    MONTH,
    QUARTER,
    SEASON,
    SEASON_START,
    YEAR,
    Point,
    point_of,
    shift,
)
from timeline.normalise.ranges import after_range_opening, closes_list, joined_to_anchor
from timeline.normalise.reporting import closing_day, reporting_period, speaks_of_quarter
from timeline.normalise.weekdays import resolve_weekday
from timeline.normalise.years import latest_year_ending, told_as_past, year_for
from timeline.rules import CompiledRule
from timeline.tense import sentence_start, sentence_stop


def _year_told_before(ctx: Context) -> int | None:
    """The year gone by that "the year" of "the first half of the year" stands for, when the
    text has just named it in a telling of the past."""
    anchor = ctx.anchor
    if (
        anchor is None
        or anchor.granularity != YEAR
        or anchor.start.year >= ctx.reference.year
        or ctx.tense > 0
    ):
        return None
    return anchor.start.year


#: The first "hundreds" said of a decade rather than a century: "the 2000s" are 2000-2009,
#: "the 1800s" the nineteenth century.
_DECADE_OF_HUNDREDS = 2000


def resolve_calendar(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    """Resolve a date named on the calendar: "1998", "the 1990s", "June 19", "Friday", "Q3"."""
    rules, ref = ctx.rules, ctx.reference
    mod = mod_of(groups, rule, rules)
    rel = lookup_int(rules, "rel", groups["rel"]) if "rel" in groups else None
    year = year_of(rules, groups["year"]) if "year" in groups else None
    if year is not None and len(groups["year"]) == 2:
        opening = ctx.anchor
        if (
            opening is not None
            and opening.granularity == YEAR
            and ctx.text[max(0, ctx.start - 5) : ctx.start - 1] == str(opening.start.year)
        ):  # "1914-18": after the year that opens the range
            hundreds = opening.start.year // 100 * 100
            year += hundreds if hundreds + year > opening.start.year else hundreds + 100
        else:  # "'08"
            year = latest_year_ending(year, ref)
    if "decade" in groups:
        written = str(rules.lookup("decade", groups["decade"]) or groups["decade"])
        digits = re.sub(r"\D", "", written)
        if len(digits) == 2:  # "the '90s"
            digits = str(latest_year_ending(int(digits), ref))
        if digits.endswith("00") and int(digits) < _DECADE_OF_HUNDREDS:
            # "the 1800s": a century, TimeML's "18"
            point = Point(CENTURY, date(int(digits[:2]) * 100, 1, 1))
        else:
            point = Point(DECADE, date(int(digits[:3]) * 10, 1, 1))
        # The period is in focus: "In the 1920s ... By the end of the decade" is 192X.
        return Resolution(str(point), mod, point)
    if "century" in groups:
        century = lookup_int(rules, "century", groups["century"])
        if century is None or not 1 <= century <= 99:
            return None
        point = Point(CENTURY, date((century - 1) * 100 or 1, 1, 1))
        return Resolution(str(point), mod, point)
    if "month" in groups:
        month = lookup_int(rules, "month", groups["month"])
        if month is None:
            return None
        day = lookup_int(rules, "day", groups["day"]) if "day" in groups else None
        if year is None and "anaphor" in groups and "unit" not in groups:
            # "the following May", "that January": the month of the story told
            anchor = ctx.anchor
            if anchor is None:
                year = year_for(month, day, rel, ctx)
            else:
                year = _month_in_focus(month, rel or 0, anchor).start.year
        elif year is None and "anaphor" in groups:  # "June of that year": the year in focus
            year = (ctx.anchor.start if ctx.anchor else ctx.reference).year
        elif year is None and "unit" in groups:  # "June last year"
            year = ctx.reference.year + (rel or 0)
        elif year is None and ctx.anchor and closes_list(DAY if day else MONTH, ctx):
            # "on 5 and 7 July": the year of the day that opens the list; "from June through
            # November": the first such month after the one opening the range
            first = ctx.anchor.start
            if day:
                year = first.year if first.month == month else year_for(month, day, rel, ctx)
            else:
                year = first.year if month > first.month else first.year + 1
        elif year is None and rel is None and ctx.habitual:
            # "Crossings usually peak in July": July of any year
            value = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
            return Resolution(value, mod)
        elif (
            year is None
            and rel is None
            and (named := rules.cues.year_after.match(ctx.text, ctx.end))
        ):
            year = int(named.group("year"))  # "the Sept. 11 attacks in 2001"
        elif year is None:
            year = year_for(month, day, rel, ctx)
        closing = lookup_int(rules, "month", groups.get("closing_month", ""))
        if closing is not None and closing < month:
            year -= 1  # "from December to March 2012": the December before
        weekday = lookup_int(rules, "weekday", groups.get("weekday", ""))
        if weekday is not None and day and "year" not in groups:
            year = _year_on_weekday(year, month, day, weekday, ctx)
        try:
            point = (
                Point(DAY, date(year, month, day)) if day else Point(MONTH, date(year, month, 1))
            )
        except ValueError:
            return None
        if day and "year" not in groups and rel is None:
            point = after_range_opening(point, ctx)
        return Resolution(str(point), mod, point)
    if "weekday" in groups and "day" in groups:  # "Saturday the twentieth"
        return _weekday_and_day(groups, mod, ctx)
    if "day" in groups and "weekday" not in groups:  # "due in court on the 22nd"
        return _day_of_month(groups, mod, ctx)
    if "weekday" in groups:
        return resolve_weekday(groups, rel, mod, ctx)
    for group, granularity, size in (("quarter", QUARTER, 3), ("half", HALF, 6)):
        if group in groups and year is None and "unit" not in groups and _in_a_game(ctx):
            return None  # "scored twice in the second half": a period of play
        if group in groups:
            number = lookup_int(rules, group, groups[group])
            if number is None:
                return None
            start_month = 1 + size * (number - 1)
            if year is None and "unit" in groups:  # "next year's first quarter"
                told = _year_told_before(ctx) if rel is None else None
                # "fell in 2008 as high prices in the first half of the year cut demand"
                year = told if told is not None else ref.year + (rel or 0)
            closed_on = closing_day(ctx) if year is None else None
            if closed_on is not None:
                # "the fiscal fourth quarter ended June 30": the fiscal year's number, in the
                # year of its closing day
                year = closed_on.year
            if year is None:
                now = point_of(ref, granularity).start.month
                year = ref.year
                if start_month > now and (
                    ctx.tense <= 0 or _just_closed(start_month, size, now, ctx)
                ):
                    year -= 1
                elif ref.month - (start_month + size - 1) > _CLOSED_MONTHS and ctx.tense > 0:
                    # long over this year, so still ahead: "expects the deal to close in the
                    # first quarter" said in December is next year's
                    year += 1
            point = Point(granularity, date(year, start_month, 1))
            return Resolution(str(point), mod, point)
    if "season" in groups:
        code = str(rules.lookup("season", groups["season"]))
        if year is None and "unit" in groups:  # "the spring of next year"
            year = ref.year + (rel or 0)
        anchor = ctx.anchor
        if year is None and "anaphor" in groups and anchor is not None:
            point = _season_in_focus(code, rel or 0, anchor)  # "That summer", "the next spring"
        elif year is None:
            point = _season_for(code, rel, ctx)
        else:
            point = Point(SEASON, date(year, SEASON_START[code], 1))
        return Resolution(str(point), mod, point)
    if (
        year is not None
        and "period" in groups
        and (groups["period"].lower() == "quarter" or speaks_of_quarter(ctx))
    ):  # "the 1988 quarter": the period reported on, in that year
        focus = reporting_period(ctx)
        return Resolution(str(Point(focus.granularity, focus.start.replace(year=year))), mod)
    if year is not None and "closing_year" in groups and mod == "END":
        # "the end of the 2012-13 season" falls in its second year
        closing = year // 100 * 100 + int(groups["closing_year"])
        year = closing if closing > year else closing + 100
    if year is not None:
        point = Point(YEAR, date(year, 1, 1))
        return Resolution(str(point), mod, point)
    return None


#: How far either side of a quarter or half to look for words of a match.
_GAME_WINDOW = 100


def _in_a_game(ctx: Context) -> bool:
    """Whether the sentence around the mention tells of a match ("led 14-7 at the end of the
    first quarter"), so that its halves and quarters are periods of play, not of a year."""
    begins = sentence_start(ctx.text, ctx.start, _GAME_WINDOW)
    start = max(0, ctx.start - _GAME_WINDOW) if begins is None else begins
    stop = sentence_stop(ctx.text, ctx.start, ctx.end - ctx.start + _GAME_WINDOW)
    cues = ctx.rules.cues
    game = cues.game.search(ctx.text, start, stop) is not None
    return game and cues.business.search(ctx.text, start, stop) is None


#: A quarter or half closed more than this many months ago is, in the future tense, next
#: year's; one closed more recently may still be reported on ("will report third-quarter
#: results" in October).
_CLOSED_MONTHS = 3


#: What before a period marks it as reported on or compared with, so the one just closed:
#: "will report results for the fourth quarter", "expects revenue to fall from the fourth
#: quarter".
_CLOSED_BEFORE = re.compile(
    r"\b(?:from|than|versus|vs\.?|(?:results|earnings|figures|sales|revenue|profit)\s+(?:for|in))\s+$",
    re.IGNORECASE,
)
_CLOSED_REACH = 24


def _just_closed(start_month: int, size: int, now: int, ctx: Context) -> bool:
    """Whether a period named as a modifier ("fourth-quarter results") is the one just ended.

    Results are reported after the period closes: "will report fourth-quarter results" (or
    "results for the fourth quarter") said in January speaks of last year's fourth quarter,
    whatever the tense, and so does a comparison with it ("to fall from the fourth quarter").
    """
    follows = (start_month + size - 1) % 12 + 1 == now
    before = ctx.text[max(0, ctx.start - _CLOSED_REACH) : ctx.start]
    return follows and (
        "-" in ctx.text[ctx.start : ctx.end] or _CLOSED_BEFORE.search(before) is not None
    )


def _year_on_weekday(year: int, month: int, day: int, weekday: int, ctx: Context) -> int:
    """``year``, or the year next to it nearest the reference, whichever puts the day on the
    weekday named with it: "until Wednesday, March 31" said in January 1999 is 1999's (in 1998
    March 31 was a Tuesday). A day a past verb right before dates ("died on Tuesday, 5 March")
    is not moved after the reference."""
    fitting = [y for y in (year, year - 1, year + 1) if _falls_on(y, month, day, weekday)]
    if not fitting or fitting[0] == year:
        return year
    ref = ctx.reference
    if told_as_past(ctx):
        fitting = [y for y in fitting if date(y, month, day) <= ref]
    return min(fitting, key=lambda y: abs((date(y, month, day) - ref).days), default=year)


def _falls_on(year: int, month: int, day: int, weekday: int) -> bool:
    try:
        return date(year, month, day).isoweekday() == weekday
    except ValueError:  # Feb. 29 of a common year
        return False


def _weekday_and_day(groups: dict[str, str], mod: str | None, ctx: Context) -> Resolution | None:
    """The day of the month nearest the reference that falls on the weekday named with it."""
    weekday = lookup_int(ctx.rules, "weekday", groups["weekday"])
    day = lookup_int(ctx.rules, "day", groups["day"])
    if weekday is None or day is None:
        return None
    first = ctx.reference.replace(day=1)
    candidates = []
    for months in range(-3, 4):
        month = shift(Point(MONTH, first), months).start
        try:
            candidate = month.replace(day=day)
        except ValueError:  # no 31st in this month
            continue
        if candidate.isoweekday() == weekday:
            candidates.append(candidate)
    if not candidates:
        return None
    point = Point(DAY, min(candidates, key=lambda c: abs((c - ctx.reference).days)))
    return Resolution(str(point), mod, point)


def _day_of_month(groups: dict[str, str], mod: str | None, ctx: Context) -> Resolution | None:
    """A day of the month named alone ("on the 22nd"): in the month in focus, else in the
    report's month, or the month before (after) it when the tense says the day is past (ahead).
    """
    day = lookup_int(ctx.rules, "day", groups["day"])
    if day is None:
        return None
    anchor, ref = ctx.anchor, ctx.reference
    in_focus = anchor is not None and anchor.granularity in (DAY, MONTH)
    month = (anchor.start if in_focus and anchor is not None else ref).replace(day=1)
    if not in_focus:
        if day > ref.day and ctx.tense < 0:
            month = shift(Point(MONTH, month), -1).start
        elif day < ref.day and ctx.tense > 0:
            month = shift(Point(MONTH, month), 1).start
    try:
        point = Point(DAY, month.replace(day=day))
    except ValueError:  # no 31st in that month
        return None
    if in_focus and point.start < ref and ctx.tense > 0:
        # "The talks ended on Nov. 24. The team is due to meet on the 9th" said on Dec. 1: a
        # day ahead, so not one of the month in focus
        point = _day_ahead(day, ref)
    return Resolution(str(point), mod, point)


def _day_ahead(day: int, reference: date) -> Point:
    """The first day numbered ``day`` on or after the reference."""
    month = Point(MONTH, reference.replace(day=1))
    while True:
        try:
            candidate = month.start.replace(day=day)
            if candidate >= reference:
                return Point(DAY, candidate)
        except ValueError:  # no 31st in this month
            pass
        month = shift(month, 1)


def _season_in_focus(code: str, step: int, anchor: Point) -> Point:
    """The season of the year in focus ("1971 ... That summer"), or the one after (before) the
    date in focus ("the following spring"); after a whole year, the next year's."""
    year = anchor.start.year
    season = date(year, SEASON_START[code], 1)
    if step > 0 and (anchor.granularity == YEAR or season <= anchor.start):
        year += 1
    elif step < 0 and (anchor.granularity == YEAR or season >= anchor.start):
        year -= 1
    return Point(SEASON, date(year, SEASON_START[code], 1))


def _month_in_focus(month: int, step: int, anchor: Point) -> Point:
    """The month after (before) the date in focus ("June 6, 1944 ... the following May" is
    1945-05), or for ``step`` 0 the one nearest it ("December 1911 ... that January")."""
    year = anchor.start.year
    if anchor.granularity == YEAR:
        return Point(MONTH, date(year + step, month, 1))
    told = [Point(MONTH, date(year + k, month, 1)) for k in (-1, 0, 1)]
    if step > 0:
        return next(p for p in told if p.start > anchor.start)
    if step < 0:
        return next(p for p in reversed(told) if p.start < point_of(anchor.start, MONTH).start)
    return min(told, key=lambda p: abs((p.start - anchor.start).days))


def _season_for(code: str, rel: int | None, ctx: Context) -> Point:
    """Pick which spring (summer...) a season written without a year is.

    The season we are in is itself; "this spring" said in winter is the one of this year,
    unless that is past and the text looks ahead ("will be held this spring" in December);
    "last"/"next" step past the current season; a bare "the spring" looks ahead when the text
    does ("will resume in the spring") and back otherwise; a plan reported in the past ("was
    planned for the spring") takes the nearer. A season closing a range follows the one
    opening it ("slip from the spring to the fall").
    """
    anchor = ctx.anchor
    if (
        rel is None
        and anchor is not None
        and anchor.granularity == SEASON
        and joined_to_anchor(ctx)
    ):
        month = SEASON_START[code]
        return Point(SEASON, date(anchor.start.year + (month <= anchor.start.month), month, 1))
    ref = ctx.reference
    current = point_of(ref, SEASON)
    candidates = [Point(SEASON, date(ref.year + k, SEASON_START[code], 1)) for k in range(-2, 2)]
    if current in candidates and (rel is None or rel == 0):
        return current
    if rel == 0:
        this_year = next(c for c in candidates if c.start.year == ref.year)
        if this_year.start < current.start and ctx.tense > 0:  # December: "will ... this spring"
            return next(c for c in candidates if c.start.year == ref.year + 1)
        return this_year
    ahead = min((c for c in candidates if c.start > current.start), key=lambda c: c.start)
    behind = max((c for c in candidates if c.start < current.start), key=lambda c: c.start)
    if rel is None and ctx.tense == 0 and ctx.reported_plan:
        # "an exercise planned for the spring": the plan may lie either side of the report,
        # so the nearer season
        ended = behind.start + relativedelta(months=3)  # a season lasts three months
        return ahead if ahead.start - ref < ref - ended else behind
    direction = rel if rel is not None else ctx.tense
    return ahead if direction > 0 else behind
