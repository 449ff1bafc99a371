"""Amounts of time and how often: "two days", "more than five hours", "each week".

"in five years" said of what is ahead reaches a date, as TimeML reads it.
"""

from __future__ import annotations

import re
from itertools import pairwise

from timeline.amounts import amount, compound_duration, duration
from timeline.normalise.clock import clock_of
from timeline.normalise.context import Context, Resolution, lookup_int, mod_of
from timeline.normalise.points import WEEKEND, calendar_unit, point_of, shift
from timeline.rules import CompiledRule
from timeline.tense import cue_before


def duration_resolution(
    groups: dict[str, str], rule: CompiledRule, ctx: Context
) -> Resolution | None:
    """An amount of time as a TimeML duration: "two days" is P2D."""
    if "smaller_unit" in groups:  # "4 hours 31 minutes"
        parts = [(groups["num"], groups["unit"]), (groups["smaller_num"], groups["smaller_unit"])]
        if "smallest_unit" in groups:  # "2 hours 8 minutes 41 seconds"
            parts.append((groups["smallest_num"], groups["smallest_unit"]))
        value = compound_duration(ctx.rules, parts)
        return None if value is None else Resolution(value, mod_of(groups, rule, ctx.rules))
    extra = 0.5 if "fraction" in groups else 0.0
    value = duration(ctx.rules, groups.get("num", "a"), groups["unit"], extra=extra)
    return None if value is None else Resolution(value, mod_of(groups, rule, ctx.rules))


#: "in" right before an amount of time: "will be redeemed in five years".
_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)


def _is_rate(groups: dict[str, str], ctx: Context) -> bool:
    """Whether "a month" after a count of things is a rate, how often, not an amount of time:
    "191,000 jobs a month", "4 percent a year", "two packs a day". Not when a shift follows
    ("500 workers a year after the merger").
    """
    if ctx.text[ctx.start : ctx.end].split()[0].lower() not in ("a", "an"):
        return False
    following = ctx.text[ctx.end : ctx.end + 12].split()
    if following and (
        ctx.rules.lookup("shift", following[0]) is not None or _AFTER_AMOUNT.fullmatch(following[0])
    ):  # "40 missiles a month into the war", "gave the suspects a week to surrender"
        return False
    before = ctx.text[max(0, ctx.start - 40) : ctx.start]
    # Only the words of this sentence: "It opened in 2010. It took a year" counts nothing.
    sentence = re.split(r"[.!?;:](?:\s|$)", before)[-1].split()
    # "for a week", "in a month": an amount of time after its preposition, never a rate; nor
    # after a verb or "and" ("began on June 2 and lasted a week")
    words = sentence[-_RATE_WORDS:]
    if len(words) < 2 or _NOT_COUNTED.fullmatch(words[-1]):
        return False
    # The clause of "a day" only: "the past five days and the culmination of a week" counts
    # nothing.
    joints = [i for i, word in enumerate(words) if _JOINT.fullmatch(word) or word.endswith(",")]
    words = words[joints[-1] + 1 :] if joints else words
    # A count of things before it: "500 trucks entered Gaza a day", "hundreds of soldiers",
    # "4.5% a year"; not a year ("a truce in 2023 lasted only a week").
    return any(word.endswith("%") for word in words) or any(
        (_is_count(word, ctx) and _COUNTED.fullmatch(after) is not None)
        or (_MANY.fullmatch(word) is not None and after.lower() == "of")
        for word, after in pairwise(words)
    )


#: Words after "a month" that make it an amount of time: "a month into", "a week to".
_AFTER_AMOUNT = re.compile(r"into|to|ahead|apart|behind|before|after|later", re.IGNORECASE)
#: How many words before "a day" may hold the count of things.
_RATE_WORDS = 8
#: Words that take an amount of time ("for a week", "lasted a week"): how long, not how often.
_NOT_COUNTED = re.compile(
    r"for|in|within|over|after|during|about|around|nearly|almost|only|just|and|or|but|to|"
    r"last(?:s|ed)?|t(?:ake|akes|ook)|spen(?:d|ds|t)|wait(?:s|ed)?|stay(?:s|ed)?|"
    r"remain(?:s|ed)?|served|lived|slept|worked|continued",
    re.IGNORECASE,
)
#: Words that join clauses: a count before one belongs to another clause.
_JOINT = re.compile(r"and|or|but|while|as|when|which|that", re.IGNORECASE)
#: What a count counts: a plural noun, or a unit of amount ("4 percent", "$2 million").
_COUNTED = re.compile(r"[a-z]+s|percent|million|billion|thousand", re.IGNORECASE)
#: Counts said in words: "hundreds of soldiers", "dozens of civilians".
_MANY = re.compile(r"hundreds|thousands|millions|dozens|scores|tens", re.IGNORECASE)


def _is_count(word: str, ctx: Context) -> bool:
    """Whether a word is a count: "191,000", "4", "$2", "two" (not the article "a")."""
    if word.lower() in ("a", "an"):
        return False
    digits = word.lstrip("$£€").replace(",", "").replace(".", "", 1)
    return digits.isdigit() or isinstance(ctx.rules.lookup("number", word), int | float)


#: How far back a record may be named before "in five years": the clause it opens.
_RECORD_WINDOW = 80


def _after_record(ctx: Context) -> bool:
    """Whether a record or a first comes before the amount in its sentence: "will be the first
    visit in five years" is the five years up to now."""
    return cue_before(ctx.rules.cues.record, ctx.text, ctx.start, _RECORD_WINDOW)


def resolve_amount(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    """Resolve an amount of time; "in five years" said of what is ahead is the date it reaches.

    TimeML reads "the stock will be redeemed in five years" as a date (five years on, 2028 in
    2023) and "the second letter in two weeks" as a duration. Clock units and amounts with a
    cue or modifier ("in the next two years", "in about a week") stay durations.
    """
    resolution = duration_resolution(groups, rule, ctx)
    if resolution is not None and _is_rate(groups, ctx):
        return Resolution(resolution.value, resolution.mod, type="SET")
    granularity, factor = calendar_unit(ctx.rules, groups["unit"])
    if (
        resolution is None
        or granularity in (None, WEEKEND)
        or factor < 1  # "in 48 hours" stays an amount of clock time
        or groups.keys() & {"rel", "mod", "anaphor"}
        or _IN_BEFORE.search(ctx.text, max(0, ctx.start - 4), ctx.start) is None
        or ctx.tense <= 0
        or _after_record(ctx)
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


def resolve_set(groups: dict[str, str], rule: CompiledRule, ctx: Context) -> Resolution | None:
    """Resolve how often: "daily", "every Monday night", "each July", "every spring"."""
    if "frequency" in groups:
        value = ctx.rules.lookup("frequency", groups["frequency"])
        return None if value is None else Resolution(str(value), rule.rule.mod)
    rules = ctx.rules
    if "weekday" in groups:  # "every Monday (night)", "on Tuesdays at 9pm"
        value = f"XXXX-WXX-{lookup_int(rules, 'weekday', groups['weekday'])}"
        clock = clock_of(groups, ctx) if "hour" in groups else None
        if clock is not None:
            value += f"T{clock[0]:02d}:{clock[1]:02d}"
        elif "daypart" in groups:
            value += f"T{rules.lookup('daypart', groups['daypart'])}"
        return Resolution(value, rule.rule.mod)
    if "month" in groups:  # "each July", "every July 4"
        value = f"XXXX-{lookup_int(rules, 'month', groups['month']):02d}"
        if "day" in groups:
            value += f"-{lookup_int(rules, 'day', groups['day']):02d}"
        return Resolution(value, rule.rule.mod)
    if "season" in groups:  # "every spring"
        return Resolution(f"XXXX-{rules.lookup('season', groups['season'])}", rule.rule.mod)
    if "daypart" in groups:  # "every night"
        return Resolution(f"XXXX-XX-XXT{rules.lookup('daypart', groups['daypart'])}", rule.rule.mod)
    if "num" not in groups and rules.lookup("unit", groups.get("unit", "")) == "WE":
        return Resolution("XXXX-WXX-WE", rule.rule.mod)  # "every weekend", "on weekends"
    return duration_resolution(groups, rule, ctx)
