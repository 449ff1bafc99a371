"""Which rules may match at a place in a text: an index of the rules by how their matches start.

The tagger tries rules at each candidate word start, and most rules cannot match there: "the
past" cannot start "Monday", nor a digit "the first". :func:`index_by_start` reads each rule's
starts (:func:`timeline.regex_start.prefixes`, up to ``INDEXED`` characters) and lists, for
every start, the rules a text so starting may match; :func:`at` looks a place up by the longest
of its starts that is a key. Skipping a rule never changes a result: a rule whose starts cannot
be told is in every list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from timeline.regex_start import key, prefixes

Rule = TypeVar("Rule")

#: How many characters of a place the index looks at, at most: enough to tell "the past" from
#: "the first", where two characters would tell only "th". Six would save a few more tries,
#: but take twice as long to index when the rules load.
INDEXED = 5


def index_by_start(
    rules: Sequence[Rule], regex_of: Callable[[Rule], re.Pattern[str]]
) -> tuple[dict[str, tuple[Rule, ...]], tuple[Rule, ...]]:
    """Index ``rules`` by the starts their matches may have: ``(by_start, anywhere)``.

    Each key lists, in the order of ``rules``, the rules a text starting with it may match:
    those with a start that is the key or begins it (a start shorter than the key is followed
    by anything). The rules that may start anyhow are in every list, and in ``anywhere`` for a
    text no key begins.
    """
    starts = [_starts_of(regex_of(rule)) for rule in rules]
    # Sets of rules as bits of an int (bit n: rules[n]), for the thousands of keys.
    exact: dict[str, int] = {}
    for number, found in enumerate(starts):
        for start in found or ():
            for length in range(1, len(start)):
                exact.setdefault(start[:length], 0)
            exact[start] = exact.get(start, 0) | 1 << number
    anyhow = sum(1 << number for number, found in enumerate(starts) if found is None)
    may_match: dict[str, int] = {}
    for start in sorted(exact, key=len):  # a key's shorter starts are done before it
        may_match[start] = exact[start] | may_match.get(start[:-1], anyhow)
    listed: dict[int, tuple[Rule, ...]] = {}  # many keys list the same rules
    for bits in set(may_match.values()) | {anyhow}:
        listed[bits] = tuple(rule for number, rule in enumerate(rules) if bits >> number & 1)
    return {start: listed[bits] for start, bits in may_match.items()}, listed[anyhow]


def at(
    by_start: Mapping[str, tuple[Rule, ...]],
    anywhere: tuple[Rule, ...],
    everything: tuple[Rule, ...],
    text: str,
    position: int,
) -> tuple[Rule, ...]:
    """The rules that may match ``text`` at ``position``; ``everything`` at a place the index
    cannot read."""
    start = text[position : position + INDEXED]
    if not start.isascii():  # "İ" lowers to two characters, "٣" is a digit: try them all
        return everything
    start = key(start)
    for length in range(len(start), 0, -1):
        found = by_start.get(start[:length])
        if found is not None:
            return found
    return anywhere


def _starts_of(regex: re.Pattern[str]) -> frozenset[str] | None:
    """The starts of ``regex``'s matches, as long as they can be told (up to ``INDEXED``)."""
    length = INDEXED
    while True:
        found = prefixes(regex, length)
        if found is not None or length == 1:
            return found
        length //= 2  # too many starts to list ("the first" to "the ninety-ninth"): shorter
