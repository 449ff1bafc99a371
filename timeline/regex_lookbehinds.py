"""Merge runs of negative look-behinds for words into fewer, so that patterns match faster.

The rule file guards many words against the word before them, one look-behind per word:
``(?<!\\bthe\\s)(?<!\\bits\\s)(?<!\\bhis\\s)(?<!\\btheir\\s)scheduled``. The regex engine tries
each look-behind in turn at every word start, and a cue with two dozen of them spends most of
its time there. A look-behind may hold an alternation when its branches have one width, so
the words of each width go into one: ``(?<!\\b(?:the|its|his)\\s)(?<!\\btheir\\s)``. Not one of
a run may match, so their order does not matter and every match stays the same.
"""

from __future__ import annotations

import re

#: One look-behind that forbids a word (with or without ``\\b`` before it) and a space after it.
_ONE = r"\(\?<!(\\b)?([\w'\u2019-]+)\\s\)"
_RUN = re.compile(rf"(?:{_ONE})+")
_PARTS = re.compile(_ONE)


def merge_lookbehinds(pattern: str) -> str:
    """``pattern`` with each run of word look-behinds merged by width.

    >>> merge_lookbehinds(r"(?<!\\bthe\\s)(?<!\\bits\\s)(?<!\\btheir\\s)(?<!\\bhis\\s)plans?")
    '(?<!\\\\b(?:the|its|his)\\\\s)(?<!\\\\btheir\\\\s)plans?'
    """
    return _RUN.sub(_merged, pattern)


def _merged(run: re.Match[str]) -> str:
    words: dict[tuple[str, int], list[str]] = {}
    for boundary, word in _PARTS.findall(run.group()):
        words.setdefault((boundary, len(word)), []).append(word)
    return "".join(
        rf"(?<!{boundary}{alternatives[0]}\s)"
        if len(alternatives) == 1
        else rf"(?<!{boundary}(?:{'|'.join(alternatives)})\s)"
        for (boundary, _), alternatives in words.items()
    )
