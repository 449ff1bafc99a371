"""Which event trigger a date belongs to: clause breaks, word gaps and the anchoring rules.

``attach`` applies the rules below in order (first that applies wins), counting words with
``gap`` (a name or a time expression counts as one word):

1. the date modifies a trigger noun right after it ("the October 2018 trip", "last year's summit");
2. the date opens its clause ("On Monday, he held a meeting"): the nearest trigger to its right;
3. the date sits between a subject and its verb ("Biden on Monday expressed"): that verb;
4. the nearest trigger to its left in the same clause, then to its right, then to its left in
   the sentence, at most ``MAX_GAP`` words away.

``clause_breaks`` and ``clause`` cut a sentence into the clauses the rules and the roles
(:mod:`timeline.extract_roles`) look within. What the date's value is, is
:mod:`timeline.extract_dates`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.extract_dates import PREPOSITION_BEFORE
from timeline.extract_document import Document, Found
from timeline.mentions import Mention
from timeline.sentences import Sentence

# A trigger farther than this many words from a date does not take it.
MAX_GAP = 10

WORD = re.compile(r"[\w'\u2019-]+")
_CLAUSE_BREAK = re.compile(
    r";|:\s|\s[\u2014\u2013-]\s|\u2014|"
    r",\s+(?=(?:and|but|while|whereas|which|who|although|though|when|following|after|before|"
    r"because|saying|so|where|according)\b)|\s+but\s+"
)
_OPENING = frozenset({"On", "In", "Last", "Earlier", "Later", "By", "At", "During", "Since"})


def clause_breaks(text: str, sentence: Sentence) -> list[int]:
    """The offsets where a clause of the sentence ends (";", " - ", ", but", ", which", ...)."""
    return [m.start() for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end)]


def gap(text: str, start: int, end: int, collapsed: Sequence[tuple[int, int]]) -> int:
    """Count the words in ``[start, end)``; a name or a time expression counts as one word.

    Example:
        >>> gap("met Bo Chan on 3 May", 0, 20, [(4, 11), (15, 20)])
        4
    """
    if end <= start:
        return 0
    count = 0
    position = start
    for a, b in collapsed:
        if b <= start or a >= end:
            continue
        count += len(WORD.findall(text, position, max(position, a))) + 1
        position = max(position, b)
    return count + len(WORD.findall(text, position, end))


def attach(
    doc: Document,
    mention: Mention,
    triggers: Sequence[Found],
    breaks: Sequence[int],
    collapsed: Sequence[tuple[int, int]],
    sentence: Sentence,
) -> tuple[Found, int] | None:
    """Return the trigger a date anchors, and the number of the rule that chose it."""
    text = doc.text
    after = [t for t in triggers if t.start >= mention.end]
    before = [t for t in triggers if t.end <= mention.start]
    clause_start = max((b for b in breaks if b < mention.start), default=sentence.start)
    clause_end = min((b for b in breaks if b >= mention.end), default=sentence.end)
    # 1. "the October 2018 trip", "last year's summit"
    if after and after[0].trigger.noun and gap(text, mention.end, after[0].start, collapsed) <= 1:
        between = text[mention.end : after[0].start]
        if "," not in between:
            return after[0], 1
    # 2. "On Monday, he held a meeting"
    opening = PREPOSITION_BEFORE.search(text, max(0, mention.start - 12), mention.start)
    opens = opening is not None and opening["word"] in _OPENING
    if opens or gap(text, clause_start, mention.start, collapsed) == 0:
        right = [t for t in after if t.start < clause_end or "," in text[mention.end : t.start]]
        right = [t for t in right if gap(text, mention.end, t.start, collapsed) <= MAX_GAP]
        if right:
            return right[0], 2
    # 3. "Biden on Monday expressed"
    if after and not after[0].trigger.noun:
        between = text[mention.end : after[0].start]
        if gap(text, mention.end, after[0].start, collapsed) <= 1 and "," not in between:
            return after[0], 3
    # 4. nearest in the clause (left first), then left in the sentence
    in_clause_left = [t for t in before if t.start >= clause_start]
    in_clause_right = [t for t in after if t.end <= clause_end]
    for candidates, rule in (
        (reversed(in_clause_left), 4),
        (in_clause_right, 5),
        (reversed(before), 6),
    ):
        for found in candidates:
            start, end = (
                (found.end, mention.start)
                if found.end <= mention.start
                else (mention.end, found.start)
            )
            if gap(text, start, end, collapsed) <= MAX_GAP:
                return found, rule
            break
    return None


def clause(
    sentence: Sentence, breaks: Sequence[int], found: Found, mention: Mention
) -> tuple[int, int]:
    """The clause holding the trigger and its date, in a sentence with several events."""
    low, high = min(found.start, mention.start), max(found.end, mention.end)
    start = max((b for b in breaks if b <= low), default=sentence.start)
    end = min((b for b in breaks if b >= high), default=sentence.end)
    return start, end
