"""How a regex match can start, read from the compiled pattern's syntax.

The tagger tries every rule at each candidate word start; most rules cannot match there
because the text starts wrong ("Monday" cannot start with a digit, nor "the past" with "to").
``prefixes`` reads the pattern's parsed form (the standard library's own ``re`` parser) and
returns the starts, up to a few characters, a match may have. It is ``None`` when it cannot
tell (a category such as ``\\w``, a negated set, a pattern that may match the empty string).
``None`` means "try it everywhere", so the answer is always a superset and skipping a rule
never changes a result.

Starts are written as :func:`key` writes a text: in lower case, every ASCII digit as "0" and
every whitespace character as a space. "1990" and "2023" then start alike, "the\\npast" as
"the past", and a rule's starts stay few enough to list. ASCII only: ``\\d`` counts as 0-9,
so a text that starts with another character tries every rule.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from functools import partial
from typing import Any

# The standard library's own regex parser (Python 3.11+); it has no type stubs.
_p: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

#: Every ASCII digit as "0", every ASCII character ``\\s`` matches as a space.
_FOLDED = str.maketrans(
    dict.fromkeys("123456789", "0") | dict.fromkeys("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f", " ")
)
_LARGEST_RANGE = 256  # a wider class ([^...], [\u0000-\uffff]) is "anything"
#: A class of more characters ("[A-Z]") tells too little of a start to be worth listing.
_WIDEST_CLASS = 12
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}


def key(text: str) -> str:
    """``text`` as starts are written: in lower case, digits as "0", whitespace as a space.

    >>> key("The\\tPast 1990")
    'the past 0000'
    """
    lowered = text.lower()
    return lowered.translate(_FOLDED)


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead for the characters its matches may start with, when it
    opens with a zero-width test; ``pattern`` itself otherwise. Either finds the same matches.

    A search for a pattern that opens with ``\\b`` or a look-behind runs that test at every
    position; a leading class lets the regex engine pass over positions that cannot start a
    match. A pattern that opens with a character already does, and a look-ahead would only
    hide that character from the engine.

    >>> guarded(re.compile(r"\\b(?:was|had)", re.I)).pattern
    '(?=[HWhw])(?:\\\\b(?:was|had))'
    """
    parsed = list(_p.parse(pattern.pattern, pattern.flags))
    if not parsed or parsed[0][0] not in _ZERO_WIDTH:
        return pattern
    first = _starts(parsed, 1)
    if first is None:
        return pattern
    cased = {variant for char in first for variant in (char, char.upper(), char.lower())}
    # The starts list the ASCII digits for "\\d" and a space for any whitespace; "\\d" and
    # "\\s" themselves cover every character those do.
    starts = ""
    for category, chars in ((r"\d", {"0"}), (r"\s", {" "})):
        if chars <= cased:
            starts += category
            cased -= chars
    starts = "".join(map(re.escape, sorted(cased))) + starts
    try:
        return re.compile(f"(?=[{starts}])(?:{pattern.pattern})", pattern.flags)
    except re.error:  # a global inline flag, which must open the pattern: leave it as it is
        return pattern


def prefixes(pattern: re.Pattern[str], length: int) -> frozenset[str] | None:
    """The lower-cased starts, up to ``length`` characters, a match of ``pattern`` may have.

    A start shorter than ``length`` means any character may follow it. ``None`` means the
    match may start with anything (or be empty).

    >>> sorted(prefixes(re.compile(r"(?:the\\s+)?(?:Jan|feb)"), 2))
    ['fe', 'ja', 'th']
    >>> sorted(prefixes(re.compile(r"\\d\\d?th"), 3))
    ['00t', '0th']
    """
    return _starts(list(_p.parse(pattern.pattern, pattern.flags)), length)


def _starts(parsed: list[tuple[Any, Any]], length: int) -> frozenset[str] | None:
    """``prefixes`` of a pattern already parsed."""
    states = _sequence(parsed, length)
    if states is None:
        return None
    found = {_lower(text) for text, _ in states}
    if "" in found or len(found) > _MOST_PREFIXES:
        return None
    return frozenset(found)


#: Past this many starts a pattern is treated as starting with anything.
_MOST_PREFIXES = 4096

# A partial match: the text so far, and whether the pattern may go on after it (``True``)
# or the text was cut short or its continuation is unknown (``False``: anything may follow).
State = tuple[str, bool]


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lowers to two characters: keep such as they are
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(_FOLDED)


def _sequence(items: list[tuple[Any, Any]], length: int) -> set[State] | None:
    states: set[State] = {("", True)}
    for op, av in items:
        states = _extend(states, length, partial(_item, op, av))
        if len(states) > _MOST_PREFIXES:
            return None
    return states


def _extend(
    states: set[State], length: int, options_of: Callable[[int], set[State] | None]
) -> set[State]:
    """Follow each state that may go on by the options for what comes next.

    ``options_of`` gets how many characters are still wanted; ``None`` from it means
    anything may come next.
    """
    grown: set[State] = set()
    wanted: dict[int, set[State] | None] = {}  # the options depend only on how many are wanted
    for text, goes_on in states:
        if not goes_on or len(text) >= length:
            grown.add((text[:length], False))
            continue
        more = length - len(text)
        if more not in wanted:
            wanted[more] = options_of(more)
        options = wanted[more]
        if options is None:
            grown.add((text, False))
            continue
        grown.update(_joined(text, option, length) for option in options)
    return grown


def _joined(text: str, option: State, length: int) -> State:
    joined = text + option[0]
    return (joined[:length], option[1] and len(joined) <= length)


def _item(op: Any, av: Any, length: int) -> set[State] | None:
    if op is _c.LITERAL:
        return {(chr(av).translate(_FOLDED), True)}
    if op is _c.IN:
        chars = _class(av)
        return None if chars is None or len(chars) > _WIDEST_CLASS else {(c, True) for c in chars}
    if op in _ZERO_WIDTH:
        return {("", True)}
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]), length)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av), length)
    if op is _c.BRANCH:
        found: set[State] = set()
        for branch in av[1]:
            states = _sequence(list(branch), length)
            if states is None:
                return None
            found |= states
        return found
    if op in _REPEATS:
        return _repeat(av, length)
    return None  # ANY, NOT_LITERAL, GROUPREF, ...: could be anything


def _repeat(av: Any, length: int) -> set[State] | None:
    low, high, body = av
    found: set[State] = set()
    frontier: set[State] = {("", True)}
    # Each repetition adds a character or none; past low + length more add nothing new.
    last = min(high, low + length)
    for count in range(last + 1):
        if count >= low:
            found |= frontier
        if count == last:
            break
        grown = _extend(frontier, length, partial(_sequence, list(body)))
        frontier = {state for state in grown if state[1]}
        found |= grown - frontier
        if len(found) + len(frontier) > _MOST_PREFIXES:
            return None
    return found


def _class(items: list[tuple[Any, Any]]) -> set[str] | None:
    found: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            found.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _LARGEST_RANGE:
            found.update(chr(code) for code in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            found.add("0")
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            found.add(" ")
        else:
            return None
    return {char.translate(_FOLDED) for char in found}
