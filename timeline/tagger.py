"""Find the time expressions of a text and normalise them: ``tag(text, *, reference)``.

This module owns scanning and the overlap policy. The rule file's prefilter (see
:mod:`timeline.rules`) finds the places worth a look, cheaply: a core word such as a month,
a digit or "years", after up to four lead words such as "the past". At each word start from
the first lead word to the core word, :func:`_choose` tries every rule and keeps the longest
match, then the highest priority, then the earliest rule in the file; the first word start
where some rule matches wins (leftmost-longest). Scanning resumes after the chosen match, so
mentions never overlap. What a match
means is :mod:`timeline.normalise`'s job. The library never reads the clock: relative
expressions are resolved against ``reference`` (the document creation time) or against the
last date the text mentioned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from timeline.mentions import Mention
from timeline.normalise import HALF, QUARTER, Context, Point, resolve
from timeline.normalise.points import (
    CENTURY,
    DAY,
    DECADE,
    MONTH,
    YEAR,
    finer_or_equal,
    shift,
)
from timeline.normalise.retold import NamedEvent, event_named_at
from timeline.rules import CompiledRule, RuleSet, load_rules
from timeline.tense import in_aside


def _choose(rules: RuleSet, text: str, start: int) -> tuple[CompiledRule, re.Match[str]] | None:
    """Return the rule whose match at ``start`` is longest (then higher priority, then first)."""
    best: tuple[CompiledRule, re.Match[str]] | None = None
    for rule in rules.rules_at(text, start):
        match = rule.regex.match(text, start)
        if match is None or match.end() == start:
            continue
        if (
            best is None
            or match.end() > best[1].end()
            or (match.end() == best[1].end() and rule.rule.priority > best[0].rule.priority)
        ):
            best = (rule, match)
    return best


#: Where a word starts: a letter or digit, or an apostrophe opening one ("'90s"); a word
#: right after an opening quote starts after it ("'Last week was hard,' she said").
_WORD_START = re.compile(r"(?<![\w'])[\w']|(?<=(?<![\w'])')\w")


def _candidates(rules: RuleSet, text: str) -> Iterator[tuple[int, CompiledRule, re.Match[str]]]:
    """Yield ``(start, rule, match)`` for the leftmost-longest match around each prefilter hit."""
    lowered = text.lower()
    if len(lowered) == len(text):
        hits = rules.prefilter.finditer(lowered)
    else:  # lower() changed the length (e.g. "İ"): offsets would shift, so fold case instead
        hits = rules.prefilter_folded.finditer(text)
    for hit in hits:
        core = hit.start("core")
        after = hit.start()
        for word in _WORD_START.finditer(text, hit.start(), core + 1):
            if word.start() < after:
                continue
            chosen = _choose(rules, text, word.start())
            if chosen is not None:
                yield (word.start(), *chosen)
                # A match that stops short of the core word ("a second" rejected before
                # "10-year term") leaves the words after it to try.
                after = chosen[1].end()
                if after > core:
                    break


def _reaches_in_focus(reaches: Point | None, anchor: Point | None) -> bool:
    """Whether an anchored duration's reach is as fine as the date in focus, so it moves it.

    A reach coarser than that date ("in 2009 ... three months later" from a day of it would be
    a month) leaves the date in focus as it is.
    """
    return reaches is not None and (
        anchor is None or finer_or_equal(reaches.granularity, anchor.granularity)
    )


def _may_be_reported(point: Point, reference: date) -> bool:
    """Whether ``point`` may be the period a financial report is about: a recent, closed one.

    A report names its period first ("posted a 20% gain in third-quarter net"); a quarter it
    names later ("after a flat second quarter") is an aside, and "the latest period" or "a
    year earlier" still speak of the first.
    """
    return (
        point.granularity in (QUARTER, HALF)
        and shift(point, 1).start <= reference
        and point.start.year >= reference.year - 1
    )


def _compared_with(point: Point, context: Context) -> bool:
    """Whether the mention is a date a stretch up to the report runs from: a year ("its
    highest since 2008") or an event's day ("open for the first time since the Sept. 11
    attacks"). A comparison, which leaves the story at the date it was at; a bare "since
    Friday" ("missing since Friday ... last seen at 9 p.m.") may be the story's day."""
    if point.granularity in (YEAR, DECADE, CENTURY):
        return context.counted_from
    return context.counted_from_event


def tag(text: str, *, reference: date, rules: RuleSet | None = None) -> list[Mention]:
    """Return the time expressions in ``text`` in order, with TimeML TIMEX3 values.

    Args:
        text: the text to scan.
        reference: the document creation time; "today", "last year" and bare weekdays are
            resolved against it.
        rules: the compiled rules to use; the shipped English rules by default.

    Example:
        >>> [m.value for m in tag("He left on Monday.", reference=date(2023, 6, 20))]
        ['2023-06-19']
    """
    if not isinstance(reference, date):
        raise TypeError(f"reference must be a datetime.date, not {type(reference).__name__}")
    ruleset = rules if rules is not None else load_rules("en")
    mentions: list[Mention] = []
    anchor: Point | None = None
    reported: Point | None = None
    reported_month: Point | None = None
    last_day: Point | None = None
    anchor_end = -1
    events: list[NamedEvent] = []
    position = 0
    for start, rule, match in _candidates(ruleset, text):
        if start < position:
            continue
        position = match.end()
        context = Context(
            ruleset,
            reference,
            anchor,
            text,
            start,
            position,
            reported,
            reported_month,
            last_day,
            anchor_end,
            events,
        )
        resolution = resolve(rule, rule.captures(match), context)
        if resolution is None:
            continue
        end = resolution.end or position
        if (
            resolution.point is not None
            and not _compared_with(resolution.point, context)
            and not in_aside(ruleset, text, start)
        ):
            anchor = resolution.point
            anchor_end = end
            if reported is None and _may_be_reported(anchor, reference):
                reported = anchor
            if reported_month is None and anchor.granularity == MONTH and anchor.start <= reference:
                reported_month = anchor
        elif _reaches_in_focus(resolution.reaches, anchor):
            # "March 5 ... Two days later ... The next morning": the story has moved on to the
            # day an anchored duration reaches.
            anchor = resolution.reaches
            anchor_end = end
        if anchor is not None and anchor.granularity == DAY:
            last_day = anchor
        if resolution.point is not None and resolution.point.granularity == DAY:
            event = event_named_at(ruleset, text, end, resolution.point.start)
            if event is not None:
                events.append(event)
        mentions.append(
            Mention(
                start=start,
                end=end,
                text=text[start:end],
                type=resolution.type or rule.rule.type,
                value=resolution.value,
                mod=resolution.mod,
                point=None if resolution.reaches is None else str(resolution.reaches),
                rule_id=rule.rule.id,
            )
        )
    return mentions
