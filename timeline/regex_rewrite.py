"""Rewrite a pattern so that it matches faster, every match the same.

Three rewrites, all where a pattern is compiled (the rule file reads as it was written):

- **Look-behinds merged**, by width: see :mod:`timeline.regex_lookbehinds`.
- **Words into tries.** The rule file lists words as alternations:
  ``(?:rose|fell|came|caught|went)``. The regex engine tries each alternative in turn
  wherever it looks, so a cue of a hundred verbs makes a hundred tries at every word. A trie
  shares what the words begin with, ``(?:rose|fell|ca(?:me|ught)|went)``, and tries each
  letter once. A run of alternatives that are plain words (letters and digits only) becomes
  one trie when the group is followed by ``\\b`` or ``\\s``. At most one word of the run can
  match there (a shorter word would be followed by a letter), so the order of the run does
  not matter. The bodies of look-arounds are left as they are: what follows them in the
  pattern is not what follows their text.
- **Letters before look-behinds.** ``(?<!\\bthe\\s)next`` runs its look-behind at every
  place the engine looks; ``next(?<!(?:\\bthe\\s)next)`` runs it only where "next" is. The
  look-behind takes the letters in, so it tests the same text.
"""

from __future__ import annotations

import re
from typing import TypeAlias

from timeline.regex_lookbehinds import merge_lookbehinds

#: A trie of words: each next character to the rest; "" marks the end of a word.
_Node: TypeAlias = dict[str, "_Node"]

_PLAIN_WORD = re.compile(r"[A-Za-z0-9]+")
#: What may follow a group whose words are factored: no letter or digit can come next.
_WORD_ENDS = (r"\b", r"\s")
#: The characters the reader stops at: an escape, a class, a group, an alternative.
_SPECIAL = re.compile(r"[\\\[()|]")
_LOOKBEHINDS = ("(?<=", "(?<!")
_LOOKAROUNDS = ("(?=", "(?!", *_LOOKBEHINDS)
#: An inline-flags opener: scoped ("(?-i:") or for the whole pattern ("(?i)").
_FLAGS = re.compile(r"\(\?[aiLmsux]*(?:-[imsx]+)?[:)]")


def rewrite(pattern: str) -> str:
    """``pattern`` with its look-behinds merged, its words in tries and its letters before
    their look-behinds.

    >>> rewrite(r"\\b(?:was|were|went|last(?!-)|rose)\\b")
    '\\\\b(?:w(?:as|e(?:re|nt))|last(?!-)|rose)\\\\b'
    >>> rewrite(r"(?:was|were)s")  # "wass" or "weres": the order could matter
    '(?:was|were)s'
    """
    merged = merge_lookbehinds(pattern)
    try:
        alternatives, end = _alternatives(merged, 0)
    except _Unreadable:
        return merged
    # A pattern this cannot read is left as it is (the regex compiler reports a broken one).
    return "|".join(alternatives) if end == len(merged) else merged


class _Unreadable(Exception):
    """A group or class never closed, a condition ("(?(1)a|b)", whose "|" is its own), or a
    verbose pattern."""


def _alternatives(pattern: str, index: int) -> tuple[list[str], int]:
    """Read the alternatives from ``index`` to the parenthesis that closes their group (or the
    end of ``pattern``), factoring the groups inside; return them and where they stop."""
    alternatives: list[str] = []
    current: list[str] = []
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            current.append(pattern[index : index + 2])
            index += 2
        elif char == "[":
            end = _class_end(pattern, index)
            current.append(pattern[index:end])
            index = end
        elif char == "(":
            opener = _opener(pattern, index)
            index += len(opener)
            if opener.endswith(")"):  # flags for the whole pattern, or a reference
                current.append(opener)
                continue
            inner, close = _alternatives(pattern, index)
            if close == len(pattern):
                raise _Unreadable
            if not opener.startswith(_LOOKAROUNDS) and pattern.startswith(_WORD_ENDS, close + 1):
                inner = _factored(inner)
            current.append(opener + "|".join(inner) + ")")
            index = close + 1
        elif char == ")":
            break
        elif char == "|":
            alternatives.append(_checked_after(current))
            current = []
            index += 1
        else:  # up to the next character that means more than itself, one token each
            special = _SPECIAL.search(pattern, index)
            stop = len(pattern) if special is None else special.start()
            current += pattern[index:stop]
            index = stop
    alternatives.append(_checked_after(current))
    return alternatives, index


def _checked_after(tokens: list[str]) -> str:
    """One alternative's tokens, joined, with each run of look-behinds before letters moved
    after the letters: ``(?<!\\bthe\\s)next`` as ``next(?<!(?:\\bthe\\s)next)``."""
    whole = "".join(tokens)
    if "(?<" not in whole:  # no look-behind here, nor in the groups
        return whole
    joined: list[str] = []
    index = 0
    while index < len(tokens):
        if not tokens[index].startswith(_LOOKBEHINDS):
            joined.append(tokens[index])
            index += 1
            continue
        behind = index
        while behind < len(tokens) and tokens[behind].startswith(_LOOKBEHINDS):
            behind += 1
        letters = behind
        while letters < len(tokens) and _is_letter(tokens, letters):
            letters += 1
        if letters == behind:
            joined += tokens[index:behind]
            index = behind
            continue
        word = "".join(tokens[behind:letters])
        joined.append(word)
        joined += [f"{look[:4]}(?:{look[4:-1]}){word})" for look in tokens[index:behind]]
        index = letters
    return "".join(joined)


def _is_letter(tokens: list[str], index: int) -> bool:
    """Whether ``tokens[index]`` is a letter or digit matched once (not "s" of "plans?")."""
    repeated = index + 1 < len(tokens) and tokens[index + 1] in ("?", "*", "+", "{")
    return tokens[index].isascii() and tokens[index].isalnum() and not repeated


def _opener(pattern: str, index: int) -> str:
    """The opening of the group at ``index``: "(", "(?:", "(?<!", "(?P<name>", "(?-i:"..."""
    if not pattern.startswith("(?", index):
        return "("
    for opener in ("(?:", *_LOOKAROUNDS):
        if pattern.startswith(opener, index):
            return opener
    if pattern.startswith("(?(", index):
        raise _Unreadable
    closing = ">" if pattern.startswith("(?P<", index) else ")"
    end = pattern.find(closing, index)
    if end < 0:
        raise _Unreadable
    if closing == ">":
        return pattern[index : end + 1]
    flags = _FLAGS.match(pattern, index)
    if flags is not None and "x" in flags.group().split("-")[0]:
        raise _Unreadable  # verbose: spaces and "#" comments mean other things there
    if flags is not None:
        return flags.group()
    # A reference ("(?P=name)") or a comment: kept whole.
    return pattern[index : end + 1]


def _class_end(pattern: str, index: int) -> int:
    """Where the character class opening at ``index`` ends (one past its "]")."""
    index += 1
    if pattern.startswith("^", index):
        index += 1
    if pattern.startswith("]", index):  # a "]" first in a class is a character
        index += 1
    while index < len(pattern) and pattern[index] != "]":
        index += 2 if pattern[index] == "\\" else 1
    if index >= len(pattern):
        raise _Unreadable
    return index + 1


def _factored(alternatives: list[str]) -> list[str]:
    """``alternatives`` with each run of two or more plain words made one trie."""
    factored: list[str] = []
    run: list[str] = []
    for alternative in [*alternatives, None]:
        if alternative is not None and _PLAIN_WORD.fullmatch(alternative):
            run.append(alternative)
            continue
        factored += _branches(_trie(run)) if len(run) > 1 else run
        run = []
        if alternative is not None:
            factored.append(alternative)
    return factored


def _trie(words: list[str]) -> _Node:
    root: _Node = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _branches(node: _Node) -> list[str]:
    """The patterns for what may follow ``node``, one per next character."""
    return [char + _pattern_of(child) for char, child in node.items() if char]


def _pattern_of(node: _Node) -> str:
    branches = _branches(node)
    if not branches:
        return ""
    if len(branches) > 1:
        grouped = f"(?:{'|'.join(branches)})"
        return f"{grouped}?" if "" in node else grouped
    if "" not in node:
        return branches[0]
    return f"{branches[0]}?" if len(branches[0]) == 1 else f"(?:{branches[0]})?"
