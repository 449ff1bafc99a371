"""Weekdays named without a date: "Friday", "next Tuesday", "the previous Sunday".

Which Friday a bare "Friday" is comes from the tense around it, a cue word before it, the
weekday that opens a range ("from Monday to Friday"), or a plan reported in the past ("a vote
planned for Wednesday"). Weekdays written with their date ("Saturday the twentieth") are
:mod:`timeline.normalise.calendar_dates`'.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.normalise.context import Context, Resolution, day_from_reference, lookup_int
from timeline.normalise.points import DAY, Point
from timeline.tense import sentence_start

#: What leads from the first day of a range to the last, where "and" would make a list:
#: "from Monday to Friday", "from June 30 until Sept. 30".
RANGE_TO = r"(?:[-\u2013]|to|through|until|till)"
#: What joins the two ends of a range, or of a list of two: "4 p.m. to 9 p.m.", "today and ".
RANGE_JOINT = rf"\s*(?:{RANGE_TO}|and)\s*"
#: A word and a connector right before a mention: "from Monday to ", "Monday through ". The
#: word is a weekday if the rule file's lexicon says so.
_WEEKDAY_RANGE_OPENING = re.compile(rf"(?P<word>[^\W\d_]+)\s*{RANGE_TO}\s*$", re.IGNORECASE)
#: What may stand between a date and the weekday that restates it: "on", a comma.
_BESIDE = re.compile(r"\s+on\s+|,\s+", re.IGNORECASE)
#: A day named this close to the report is the week's only such weekday.
_DAYS_A_WEEK = 7
#: Cue words that count from the day in focus, not from the reference ("the previous Friday").
_ANAPHORIC_RELS = frozenset({"previous", "prior", "preceding", "following", "that"})


def resolve_weekday(
    groups: dict[str, str], rel: int | None, mod: str | None, ctx: Context
) -> Resolution | None:
    """Resolve a weekday; ``rel`` is its cue word's direction ("next": +1), if any."""
    weekday = lookup_int(ctx.rules, "weekday", groups["weekday"])
    if weekday is None:
        return None
    if "week_on" in groups:  # "on Saturday week": a week after the coming Saturday
        point = Point(DAY, _weekday(weekday, 1, ctx) + timedelta(days=_DAYS_A_WEEK))
        return Resolution(str(point), mod, point)
    if rel is None and _closes_weekday_range(ctx):  # "from Monday to [Friday]"
        point = Point(DAY, _weekday(weekday, 1, ctx, anaphoric=True))
        return Resolution(str(point), mod, point)
    if rel is None and _closes_weekday_list(ctx):  # "on Friday and [Saturday]"
        day = _weekday(weekday, 1, ctx, anaphoric=True)
        if ctx.tense >= 0 or day <= ctx.reference:  # ("met Monday and Thursday": both gone)
            point = Point(DAY, day)
            return Resolution(str(point), mod, point)
    if rel is None and ctx.tense == 0 and ctx.reported_plan:
        # "a vote planned for Wednesday": the plan may lie either side of the report, so the
        # nearest such day
        delta = (weekday - ctx.reference.isoweekday() + 3) % 7 - 3
        point = Point(DAY, ctx.reference + timedelta(days=delta))
        return Resolution(str(point), mod, point)
    anchor = ctx.anchor
    if (
        rel is None
        and anchor is not None
        and anchor.granularity == DAY
        and anchor.start.isoweekday() == weekday
        and _BESIDE.fullmatch(ctx.text, max(0, ctx.anchor_end), ctx.start)
    ):  # "ahead of the Lunar New Year on Saturday": that day, whatever the tense
        return Resolution(str(anchor), mod, anchor)
    if (
        rel is None
        and anchor is not None
        and anchor.granularity == DAY
        and anchor.start.isoweekday() == weekday
        and abs((anchor.start - ctx.reference).days) < _DAYS_A_WEEK
        and (ctx.tense == 0 or (ctx.tense > 0) == (anchor.start > ctx.reference))
    ):  # "the New Year's Eve celebrations on Wednesday": the day just named, this week, unless
        # the tense points to the other such weekday ("died on Monday ... will be buried on
        # Monday")
        return Resolution(str(anchor), mod, anchor)
    ahead = rel is None and _after_a_day_ahead(ctx)
    anaphoric = groups.get("rel", "").lower() in _ANAPHORIC_RELS or (
        rel is None and (ahead or _ahead_of_story_day(ctx))
    )
    if ahead:
        rel = 1
    point = Point(DAY, _weekday(weekday, rel, ctx, anaphoric=anaphoric))
    return Resolution(str(point), mod, point)


def _weekday(weekday: int, rel: int | None, ctx: Context, *, anaphoric: bool = False) -> date:
    """The weekday on or around the reference (the day in focus, if ``anaphoric``) that the cue
    word's direction, else the tense, points to."""
    ref = ctx.day_in_focus if anaphoric else ctx.reference
    delta = weekday - ref.isoweekday()
    if rel == 0:
        return ref + timedelta(days=delta)
    direction = rel if rel is not None else ctx.tense
    if delta == 0 and rel is None and not anaphoric:
        # the report's own weekday is the report's day; a story's day is left behind ("fell on
        # Monday ... said it would rule on Monday": the Monday after)
        return ref
    if direction > 0:
        return ref + timedelta(days=delta % 7 or 7)
    return ref - timedelta(days=(-delta) % 7 or 7)


def _ahead_of_story_day(ctx: Context) -> bool:
    """Whether the mention looks ahead from a day of the story gone by, not from the report:
    "By Sunday, schools said they would stay shut on Monday" (the rule file's [cues]
    reported_future in the sentence before the mention)."""
    if ctx.day_in_focus >= ctx.reference or ctx.tense <= 0:
        return False
    return ctx.seen_from_the_story


def _after_a_day_ahead(ctx: Context) -> bool:
    """Whether no cue gives the tense and the sentence has already named a day still to come:
    "expected to make landfall on Saturday morning before moving up the coast by Sunday"
    (when the cue that looks ahead lies out of the mention's reach)."""
    anchor = ctx.anchor
    if ctx.tense != 0 or anchor is None or anchor.granularity != DAY:
        return False
    if anchor.start <= ctx.reference or ctx.anchor_end < 0:
        return False
    # no sentence ends between the day named and the mention
    if sentence_start(ctx.text, ctx.start, ctx.start - ctx.anchor_end) is not None:
        return False
    # "will resume Monday after failing to agree Friday": what follows "after" came first
    return ctx.rules.cues.anterior.search(ctx.text, ctx.anchor_end, ctx.start) is None


def _closes_weekday_list(ctx: Context) -> bool:
    """Whether the mention closes a list that opens on the day just resolved, named as a weekday
    or from the reference: "will meet on Friday and Saturday", "Tomorrow and Wednesday, warmer".
    The closing day is then the first such weekday after the opening one."""
    return _opens_on_anchor(ctx, _LIST_OPENING, from_reference=True)


#: A word and "and" (or "or") right before a mention: "Friday and ", "tomorrow or ".
_LIST_OPENING = re.compile(r"(?P<word>[^\W\d_]+)\s+(?:and|or)\s+$", re.IGNORECASE)


def _closes_weekday_range(ctx: Context) -> bool:
    """Whether the mention closes a range that opens on the weekday just resolved.

    The closing day is the first such weekday after the opening one, whatever the tense:
    "open from Monday to Friday" spans one week.
    """
    return _opens_on_anchor(ctx, _WEEKDAY_RANGE_OPENING, from_reference=False)


def _opens_on_anchor(ctx: Context, opening: re.Pattern[str], *, from_reference: bool) -> bool:
    """Whether the word ``opening`` finds right before the mention names the day just resolved:
    as its weekday, or (``from_reference``) as a day counted from the reference ("tomorrow")."""
    anchor = ctx.anchor
    found = opening.search(ctx.text, max(0, ctx.start - _OPENING_REACH), ctx.start)
    if found is None or anchor is None or anchor.granularity != DAY:
        return False
    word = found["word"]
    if lookup_int(ctx.rules, "weekday", word) == anchor.start.isoweekday():
        return True
    return from_reference and day_from_reference(ctx.rules, word, ctx.reference) == anchor.start


#: How far before the mention the word opening its list or range may start.
_OPENING_REACH = 20
