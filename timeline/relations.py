"""What each relation type means in time: the one table of constraints between two events.

An event ``a`` that lists ``{type: T, event: b}`` under ``relations`` says ``a T b``. Every event
has a start and an end (days, half-open like its EDTF date: the end is the first moment after
it), and each type is a small set of constraints between the starts and ends of ``a`` and ``b``:

==============  ==================================================  ===============================
type            reads                                               constraint
==============  ==================================================  ===============================
before          a ends before b starts                              end(a) <= start(b)
after           a starts after b ends                               end(b) <= start(a)
during          a happens inside b's span                           start(b) <= start(a);
                                                                    end(a) <= end(b)
part_of         a is a part of b, inside its span                   start(b) <= start(a);
                                                                    end(a) <= end(b)
starts_with     a and b start together                              start(a) <= start(b);
                                                                    start(b) <= start(a)
causes          a causes b: a cause does not start after its effect start(a) <= start(b)
postpones       a made b slip from its planned date                 start(a) <= start(b)
rescheduled_as  b is the later occurrence of the planned event a    start(a) < start(b)
follows_up      a follows up on b                                   start(b) < start(a)
responds_to     a responds to b                                     start(b) < start(a)
==============  ==================================================  ===============================

``<=`` allows the two moments to coincide (an event may end the moment the next one starts);
``<`` does not. Both are finer than a day, so two events on the same day can still be in
sequence. Only time is checked here: what a status must be for ``postpones`` and
``rescheduled_as`` to make sense is ``timeline.lifecycle``'s business, and solving the
constraints is ``timeline.propagation``'s.

To add a type: add it to ``RelationType`` in ``timeline.models``, give it a ``Meaning`` in
``MEANINGS`` below and a row in the table above (``tests/test_relations.py`` checks that the two
agree and that every type has one), and describe it in ``docs/relations.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from timeline.models import RelationType

Side = Literal["a", "b"]
Point = Literal["start", "end"]


@dataclass(frozen=True, slots=True)
class Moment:
    """The start or the end of one side of a relation: ``a`` carries it, ``b`` is its target."""

    side: Side
    point: Point

    def __str__(self) -> str:
        return f"{self.point}({self.side})"


@dataclass(frozen=True, slots=True)
class Constraint:
    """``left`` is no later than ``right`` (strictly earlier when ``strict``)."""

    left: Moment
    right: Moment
    strict: bool = False

    def __str__(self) -> str:
        return f"{self.left} {'<' if self.strict else '<='} {self.right}"


@dataclass(frozen=True, slots=True)
class Meaning:
    """What a relation type says in time, in words and as constraints.

    ``reads`` paraphrases ``a T b``; ``rule`` is what a contradiction breaks, for messages.
    """

    reads: str
    constraints: tuple[Constraint, ...]
    rule: str

    @property
    def earlier(self) -> Side | None:
        """The side the relation puts wholly before the other (end <= start), if any."""
        for c in self.constraints:
            if c.left.point == "end" and c.right.point == "start" and c.left.side != c.right.side:
                return c.left.side
        return None


def _m(side: Side, point: Point) -> Moment:
    return Moment(side, point)


_A_START, _A_END = _m("a", "start"), _m("a", "end")
_B_START, _B_END = _m("b", "start"), _m("b", "end")
_INSIDE = (Constraint(_B_START, _A_START), Constraint(_A_END, _B_END))

MEANINGS: dict[RelationType, Meaning] = {
    "before": Meaning(
        "a ends before b starts",
        (Constraint(_A_END, _B_START),),
        "an event cannot end after the one it is before has started",
    ),
    "after": Meaning(
        "a starts after b ends",
        (Constraint(_B_END, _A_START),),
        "an event cannot start before the one it is after has ended",
    ),
    "during": Meaning(
        "a happens inside b's span",
        _INSIDE,
        "an event during another must lie inside its span",
    ),
    "part_of": Meaning(
        "a is a part of b, inside its span",
        _INSIDE,
        "a part must lie inside the span of what it is part of",
    ),
    "starts_with": Meaning(
        "a and b start together",
        (Constraint(_A_START, _B_START), Constraint(_B_START, _A_START)),
        "events that start together must be able to start at the same moment",
    ),
    "causes": Meaning(
        "a causes b: a cause does not start after its effect",
        (Constraint(_A_START, _B_START),),
        "a cause cannot start after its effect",
    ),
    "postpones": Meaning(
        "a made b slip from its planned date",
        (Constraint(_A_START, _B_START),),
        "what postpones an event cannot start after the event's planned date",
    ),
    "rescheduled_as": Meaning(
        "b is the later occurrence of the planned event a",
        (Constraint(_A_START, _B_START, strict=True),),
        "a rescheduled occurrence must start after the date first planned",
    ),
    "follows_up": Meaning(
        "a follows up on b",
        (Constraint(_B_START, _A_START, strict=True),),
        "a follow-up cannot start before what it follows up",
    ),
    "responds_to": Meaning(
        "a responds to b",
        (Constraint(_B_START, _A_START, strict=True),),
        "a response cannot start before what it responds to",
    ),
}


def meaning(relation_type: RelationType) -> Meaning:
    """Return what ``relation_type`` means in time.

    >>> [str(c) for c in meaning("before").constraints]
    ['end(a) <= start(b)']
    """
    return MEANINGS[relation_type]
