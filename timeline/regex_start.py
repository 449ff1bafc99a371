"""Which characters a regex match can start with, read from the compiled pattern's syntax.

The tagger tries every rule at each candidate word start; most rules cannot match there
because the first character is wrong ("Monday" cannot start with a digit). ``first_chars``
reads the pattern's parsed form (the standard library's own ``re`` parser) and returns the
lower-cased characters a match may begin with, or ``None`` when it cannot tell (a category such
as ``\\w``, a negated set, a pattern that may match the empty string). ``None`` means "try it
everywhere", so the answer is always a superset and skipping a rule never changes a result.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# The standard library's own regex parser (Python 3.11+); it has no type stubs.
_p: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

_LARGEST_RANGE = 256  # a wider class ([^...], [\u0000-\uffff]) is "anything"
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The lower-cased characters a match of ``pattern`` may start with; ``None`` if any.

    >>> sorted(first_chars(re.compile(r"(?:the\\s+)?(?:Jan|feb)")))
    ['f', 'j', 't']
    >>> first_chars(re.compile(r"\\w+")) is None
    True
    """
    chars, nullable = _sequence(list(_p.parse(pattern.pattern, pattern.flags)))
    if chars is None or nullable:
        return None
    return frozenset(c.lower() for c in chars) | frozenset(c.upper().lower() for c in chars)


Result = tuple[set[str] | None, bool]  # (possible first characters, may match empty)


def _sequence(items: list[tuple[Any, Any]]) -> Result:
    found: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        if chars is None:
            return None, False
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _item(op: Any, av: Any) -> Result:
    if op is _c.LITERAL:
        return {chr(av)}, False
    if op is _c.IN:
        return _class(av), False
    if op in _ZERO_WIDTH:
        return set(), True
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op is _c.BRANCH:
        found: set[str] = set()
        nullable = False
        for branch in av[1]:
            chars, empty = _sequence(list(branch))
            if chars is None:
                return None, False
            found |= chars
            nullable = nullable or empty
        return found, nullable
    if op in _REPEATS:
        low, _, body = av
        chars, empty = _sequence(list(body))
        return chars, empty or low == 0
    return None, False  # ANY, NOT_LITERAL, GROUPREF, ...: could be anything


def _class(items: list[tuple[Any, Any]]) -> set[str] | None:
    found: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            found.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _LARGEST_RANGE:
            found.update(chr(code) for code in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            found.update("0123456789")
        else:
            return None
    return found
