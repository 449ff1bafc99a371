"""Find the time expressions of a text and normalise them: ``tag(text, *, reference)``.

This module owns scanning and the overlap policy. One regex joins every rule (see
:mod:`timeline.rules`) and finds the leftmost position where any rule matches; there,
:func:`_choose` picks the longest match, then the highest priority, then the earliest rule in
the file. Scanning resumes after the chosen match, so mentions never overlap. What a match
means is :mod:`timeline.normalise`'s job. The library never reads the clock: relative
expressions are resolved against ``reference`` (the document creation time) or against the
last date the text mentioned.
"""

from __future__ import annotations

import re
from datetime import date

from timeline.mentions import Mention
from timeline.normalise import Context, Point, resolve
from timeline.rules import CompiledRule, RuleSet, load_rules


def _choose(rules: RuleSet, text: str, start: int) -> tuple[CompiledRule, re.Match[str]] | None:
    """Return the rule whose match at ``start`` is longest (then higher priority, then first)."""
    best: tuple[CompiledRule, re.Match[str]] | None = None
    for rule in rules.rules:
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
    search = ruleset.scanner.search
    mentions: list[Mention] = []
    anchor: Point | None = None
    position = 0
    while (found := search(text, position)) is not None:
        start = found.start()
        chosen = _choose(ruleset, text, start)
        if chosen is None:  # the scanner and the rule regexes agree; kept for safety
            position = found.end()
            continue
        rule, match = chosen
        end = match.end()
        position = end
        context = Context(ruleset, reference, anchor, text, start, end)
        resolution = resolve(rule, rule.captures(match), context)
        if resolution is None:
            continue
        if resolution.point is not None:
            anchor = resolution.point
        mentions.append(
            Mention(
                start=start,
                end=end,
                text=text[start:end],
                type=rule.rule.type,
                value=resolution.value,
                mod=resolution.mod,
                rule_id=rule.rule.id,
            )
        )
    return mentions
