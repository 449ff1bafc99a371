"""Days named from the reference and times of day: "yesterday", "now", "this morning",
"5 p.m. EST, Nov. 9", "midnight Friday".
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import NamedTuple

from timeline.amounts import amount
from timeline.normalise.calendar_dates import resolve_calendar
from timeline.normalise.context import Context, Resolution, day_from_reference, lookup_int, mod_of
from timeline.normalise.named_days import resolve_holiday
from timeline.normalise.points import CENTURY, DAY, DECADE, YEAR, Point
from timeline.normalise.weekdays import RANGE_JOINT
from timeline.rules import CompiledRule, RuleSet


def resolve_ref(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    """Resolve a day named from the reference ("yesterday", "tonight") or a word such as "now"."""
    rules = ctx.rules
    meaning = str(rules.lookup("ref", groups.get("ref", "")) or "")
    if "rel" in groups:
        meaning = f"D{lookup_int(rules, 'rel', groups['rel']) or 0}"
    if "anaphor" in groups:  # "the next morning": counted from the day in focus
        day = ctx.day_in_focus + timedelta(days=int(meaning[1:]))
    elif meaning == "D0" and not groups.keys() & {"mod", "daypart"} and _set_against_the_past(ctx):
        # "In the 1970s households saved a tenth of their income; today they save 4 percent":
        # nowadays, not the day of the report
        return Resolution("PRESENT_REF", None)
    elif meaning.startswith("D"):
        day = ctx.reference + timedelta(days=int(meaning[1:]))
    elif meaning:
        return Resolution(meaning, mod_of(groups, rule, rules))
    elif "daypart" in groups:  # "by mid-afternoon": that part of the day in focus
        day = ctx.day_in_focus
    else:
        return None
    point = Point(DAY, day)
    value = str(point)
    if "daypart" in groups:
        value += f"T{rules.lookup('daypart', groups['daypart'])}"
    return Resolution(value, mod_of(groups, rule, rules), point)


#: Where a clause opens: "today" there may stand for the present ("...; today the figure is").
_OPENS_CLAUSE = re.compile(r"(?:^|[.;:!?]\s*|[;,]\s+(?:and|but)\s+|^\s*(?:And|But)\s+)$")
#: A year (decade, century) beginning at least this many years before the report is the past
#: "today" is set against.
_YEARS_AGO = 10


def _set_against_the_past(ctx: Context) -> bool:
    """Whether "today" opens a clause after a period long past ("the 1970s", "1950"), so that
    it stands for the present."""
    anchor = ctx.anchor
    if anchor is None or not _OPENS_CLAUSE.search(ctx.text[max(0, ctx.start - 8) : ctx.start]):
        return False
    long_past = anchor.start.year + _YEARS_AGO <= ctx.reference.year
    return anchor.granularity in (YEAR, DECADE, CENTURY) and long_past


def _clock_number(rules: RuleSet, text: str) -> int | None:
    """An hour or minute in digits or words: "9", "nine", "thirty", "oh five"."""
    if text.isdigit():
        return int(text)
    value = amount(rules, re.sub(r"^oh[\s-]+", "", text.lower()))
    return None if value is None or value != int(value) else int(value)


#: The hours "tonight" puts in the evening ("eight o'clock tonight"); earlier ones ("two
#: o'clock tonight") come after midnight.
_EVENING_HOURS = (5, 12)
#: The groups that name the day of a clock time ("noon Thursday", "9 a.m. yesterday").
_DAY = frozenset({"weekday", "month", "ref", "rel", "holiday"})
#: A part of the day right before "at" and a clock time: "tonight at 7:30".
_PART_BEFORE = re.compile(r"\b(?P<part>\w+)\s+at\s+$", re.IGNORECASE)
#: "4 in the morning", "11 at night": which half of the clock the part of the day means.
_HALF_OF_DAY = {"morning": "a", "afternoon": "p", "evening": "p", "night": "p"}


def _part_of_day(groups: dict[str, str], ctx: Context) -> str:
    """The TimeML code ("AF", "NI") of the part of the day said with a clock time that writes
    no a.m. or p.m.: named after it ("2:30 this afternoon", "eight o'clock tonight") or right
    before it ("tonight at 7:30").
    """
    named = groups.get("daypart") or groups.get("ref", "")
    if not named:
        before = _PART_BEFORE.search(ctx.text, max(0, ctx.start - 16), ctx.start)
        named = before["part"] if before else ""
    return str(ctx.rules.lookup("daypart", named) or "") if named else ""


#: The groups that name a clock time's day, and the parts of the day a day may carry.
_DAY_GROUPS = _DAY | {"day", "year", "daypart"}
#: What joins the two clock times of a range: "4 p.m. to 9 p.m.", "1 a.m.-3 a.m.".
_CLOCK_RANGE = re.compile(RANGE_JOINT, re.IGNORECASE)


def _range_end(rule: CompiledRule, ctx: Context) -> re.Match[str] | None:
    """The clock time that closes a range opened by this one ("from 1 a.m. to 4 a.m.")."""
    joint = _CLOCK_RANGE.match(ctx.text, ctx.end)
    return None if joint is None else rule.regex.match(ctx.text, joint.end())


#: What leads to a clock time from the one that opens its range ("from 10 p.m. to ").
_CLOCK_RANGE_BEFORE = re.compile(RANGE_JOINT + "$", re.IGNORECASE)
#: How far back the clock time opening a range may start.
_CLOCK_RANGE_REACH = 30


def _range_opening(rule: CompiledRule, ctx: Context) -> _Moment | None:
    """The clock time that opens a range this one closes ("from 10 p.m. to 6 a.m."), placed."""
    window = max(0, ctx.start - _CLOCK_RANGE_REACH)
    joint = _CLOCK_RANGE_BEFORE.search(ctx.text, window, ctx.start)
    if joint is None:
        return None
    for opening in rule.regex.finditer(ctx.text, window, joint.start()):
        if opening.end() == joint.start():
            at = replace(ctx, start=opening.start(), end=opening.end())
            return _moment(rule.captures(opening), rule, at)
    return None


def _habitual(closing: re.Match[str] | None, ctx: Context) -> bool:
    """Whether the clock time (or the range it opens) is said of every day or every such
    weekday: the rule file's [cues] habit right after it."""
    after = ctx.end if closing is None else closing.end()
    return ctx.rules.cues.habit.match(ctx.text, after) is not None


def _named_day(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> date | None:
    """The day a clock time is on: the one named with it, else the day in focus."""
    if "holiday" in groups:  # "8 p.m. on Christmas Eve"
        holiday = resolve_holiday({"holiday": groups["holiday"]}, rule, ctx)
        return None if holiday is None or holiday.point is None else holiday.point.start
    if "weekday" in groups or "month" in groups:  # "noon Thursday", "5 p.m. EST, Nov. 9"
        named = resolve_calendar(
            {k: groups[k] for k in ("weekday", "rel", "month", "day", "year") if k in groups},
            rule,
            ctx,
        )
        return None if named is None or named.point is None else named.point.start
    if "ref" in groups:  # "9 a.m. yesterday"
        return day_from_reference(ctx.rules, groups["ref"], ctx.reference)
    if "rel" in groups:  # "2:30 this afternoon"; "3 a.m. the next day" from the day in focus
        base = ctx.day_in_focus if "anaphor" in groups else ctx.reference
        return base + timedelta(days=lookup_int(ctx.rules, "rel", groups["rel"]) or 0)
    # "Saturday's earthquake ... The quake struck at 5:54 a.m.": the day of the event retold
    focus = ctx.retold_day or ctx.day_in_focus
    if ctx.points_away_from(focus):
        # "The vote had been set for Oct. 2 ... Polls close at 5 p.m.": what is still to come
        # is not on a day gone by; nor is what was reported ("runs until Sunday. Police made
        # 14 arrests by 6pm") on a day still ahead
        return ctx.reference
    return focus


def clock_of(groups: dict[str, str], ctx: Context) -> tuple[int, int, bool] | None:
    """The hour (0-24) and minute a match names, and whether it is said of tonight."""
    hour_text = groups["hour"].lower()
    if hour_text in {"noon", "midday", "midnight"}:
        hour, minute = (24 if hour_text == "midnight" else 12), 0
    else:
        hour_or_none = _clock_number(ctx.rules, hour_text)
        minute_or_none = _clock_number(ctx.rules, groups.get("minute", "0"))
        if hour_or_none is None or minute_or_none is None:
            return None
        hour, minute = hour_or_none, minute_or_none
    written = groups.get("ampm", "").lower()
    part = "" if written else _part_of_day(groups, ctx)
    tonight = part == "NI"
    if tonight:  # "eight o'clock tonight" is in the evening, "two o'clock tonight" after midnight
        written = "p" if _EVENING_HOURS[0] <= hour < _EVENING_HOURS[1] else "a"
    elif part:  # "2:30 this afternoon"
        written = "a" if part == "MO" else "p"
    ampm = _HALF_OF_DAY.get(written, written[:1])
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    return hour, minute, tonight


class _Moment(NamedTuple):
    """A clock time placed on its day: ``day`` is ``None`` for any day's ("daily"), and
    ``named`` says whether the day was written with it."""

    day: date | None
    hour: int
    minute: int
    named: bool


def _moment(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> _Moment | None:
    """The day and time a clock time names: the day named with it, else the day in focus."""
    closing = _range_end(rule, ctx) if groups.keys().isdisjoint(_DAY) else None
    end = {} if closing is None else rule.captures(closing)
    groups = _half_of_day_of_closing(groups, end, ctx)
    clock = clock_of(groups, ctx)
    if clock is None:
        return None
    hour, minute, tonight = clock
    if groups.keys().isdisjoint(_DAY):
        if _habitual(closing, ctx):  # "open from 7 a.m. to 10 p.m. daily": any day's
            return _Moment(None, hour, minute, named=False)
        # "between 4 p.m. and 9 p.m. on Tuesday": the day named after the range's end
        if not end.keys().isdisjoint(_DAY):
            groups = {**groups, **{k: v for k, v in end.items() if k in _DAY_GROUPS}}
            ends = clock_of(end, ctx)
            if ends is not None and ends[:2] < (hour, minute):
                # "from 7 p.m. until 7:30 a.m. Wednesday" opens the evening before
                day = _named_day(groups, rule, ctx)
                if day is not None:
                    return _Moment(day - timedelta(days=1), hour, minute, named=False)
    named = not groups.keys().isdisjoint(_DAY)
    opening = None if named else _range_opening(rule, ctx)
    if opening is not None and opening.day is not None:
        # "from 9 p.m. Friday to 2 a.m.": the day the range opens on, or the next if it runs
        # past midnight
        later = (opening.hour, opening.minute) > (hour, minute)
        return _Moment(opening.day + timedelta(days=later), hour, minute, named=False)
    day = _named_day(groups, rule, ctx)
    if day is None:
        return None
    if tonight and hour < _EVENING_HOURS[0]:
        day += timedelta(days=1)  # "two o'clock tonight": after midnight
    elif hour == 24 and day == ctx.reference and ctx.tense < 0 and not named:
        # "the attack came shortly after midnight": the midnight gone by, the one this day began
        # with (TimeML writes it as the day before at T24:00).
        day -= timedelta(days=1)
    return _Moment(day, hour, minute, named)


def _half_of_day_of_closing(
    groups: dict[str, str], end: dict[str, str], ctx: Context
) -> dict[str, str]:
    """The groups of a range's opening time written without a.m. or p.m.: it takes the closing
    time's ("from 5:30 to 8 p.m."), unless that would put it after the closing ("from 11:30 to
    1 p.m.")."""
    if "ampm" in groups or "ampm" not in end:
        return groups
    borrowed = {**groups, "ampm": end["ampm"]}
    opens, closes = clock_of(borrowed, ctx), clock_of(end, ctx)
    if opens is None or closes is None or opens[:2] > closes[:2]:
        return groups
    return borrowed


def resolve_time(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    """Resolve a clock time on the day in focus, or on the day named with it ("noon Thursday",
    "9 a.m. yesterday")."""
    moment = _moment(groups, rule, ctx)
    if moment is None:
        return None
    clock = f"T{moment.hour:02d}:{moment.minute:02d}"
    mod = mod_of(groups, rule, ctx.rules)
    if moment.day is None:
        return Resolution(f"XXXX-XX-XX{clock}", mod)
    # A time named with its day puts that day in focus: "at 9 p.m. on May 2 ... The next day";
    # so does one on the day of an event retold ("The quake struck at 7:44 p.m. ... the
    # following day").
    point = Point(DAY, moment.day) if moment.named or moment.day == ctx.retold_day else None
    return Resolution(f"{moment.day.isoformat()}{clock}", mod, point)
