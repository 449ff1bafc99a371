"""Event lifecycles: whether each status agrees with the event's dates, relations and ``as_of``.

An event has ``status`` (``happened``, ``planned``, ``postponed``, ``cancelled``), ``date`` (when
it happened or will happen, if known) and ``planned`` (the date it was scheduled for, when that
differs). The file's ``as_of`` is the day it describes the world as of; without it the rules
that need it are skipped. "Before" and "after" are certain comparisons of (fuzzy) bounds, as
``timeline.dates.relation`` makes them: ``2023-06`` is not before ``as_of: 2023-06-20``.

===  ==========================================================================  ================
#    rule                                                                        where
===  ==========================================================================  ================
L1   a ``happened`` event is not dated after ``as_of``                           ``date``
L2   a ``happened`` event has a ``date`` when it has a ``planned`` one            ``planned``
L3   a ``planned`` event's date (``date``, else ``planned``) is not before        ``status``
     ``as_of``: then it has happened, been postponed or been cancelled
L4   a ``postponed`` event has ``planned``, the date it was scheduled for         ``status``
L5   a ``postponed`` event's new ``date`` is not before its ``planned`` date      ``date``
L6   only a ``postponed`` event is ``rescheduled_as`` another                     the relation
L7   the target of ``postpones`` is ``postponed`` or ``cancelled``, or has a       the relation
     ``planned`` date it slipped from
===  ==========================================================================  ================

All are warnings: each may be a stale file rather than a wrong one, and ``validate`` still
passes. Whether the dates and relations fit together in time is ``timeline.propagation``'s
check, not this module's.

To add a rule: give it the next number, a row in the table above, a function below that yields
``Problem`` values, a line in ``_RULES``, and a passing and a failing case in
``tests/test_lifecycle.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from timeline.checks import Path, Problem
from timeline.dates import PartialDate, Relation, relation
from timeline.models import Event, Timeline


@dataclass(frozen=True, slots=True)
class _Context:
    """What the rules need besides the event: the file's as_of and its events by id."""

    as_of: PartialDate | None
    events: dict[str, Event]


_Rule = Callable[[Event, Path, _Context], Iterator[Problem]]


def check_lifecycle(timeline: Timeline) -> list[Problem]:
    """Return a warning for every event whose status disagrees with its dates; ``[]`` if none.

    >>> from timeline.io import loads
    >>> tl = loads("title: t\\ntracks: [a]\\nevents:\\n"
    ...            "- {id: x, title: X, track: a, status: postponed, planned: 2023-02}\\n")
    >>> check_lifecycle(tl)
    []
    """
    context = _Context(timeline.as_of, {})
    for event in timeline.events:
        context.events.setdefault(event.id, event)
    problems: list[Problem] = []
    for index, event in enumerate(timeline.events):
        for rule in _RULES:
            problems.extend(rule(event, ("events", index), context))
    return problems


def _warn(path: Path, message: str) -> Problem:
    return Problem(path, message, "warning")


def _happened_after_as_of(event: Event, at: Path, context: _Context) -> Iterator[Problem]:
    as_of = context.as_of
    if (
        event.status == "happened"
        and as_of is not None
        and event.date is not None
        and relation(event.date, as_of) is Relation.AFTER
    ):
        yield _warn(
            (*at, "date"),
            f"{event.id!r} has status 'happened' but its date {str(event.date)!r} is after "
            f"as_of {str(as_of)!r}; set status: planned, or correct the date",
        )


def _happened_without_date(event: Event, at: Path, context: _Context) -> Iterator[Problem]:
    if event.status == "happened" and event.date is None and event.planned is not None:
        yield _warn(
            (*at, "planned"),
            f"{event.id!r} has status 'happened' and only a planned date "
            f"{str(event.planned)!r}; add the date it happened as date",
        )


def _planned_in_the_past(event: Event, at: Path, context: _Context) -> Iterator[Problem]:
    as_of = context.as_of
    when = event.date if event.date is not None else event.planned
    if (
        event.status == "planned"
        and as_of is not None
        and when is not None
        and relation(when, as_of) is Relation.BEFORE
    ):
        yield _warn(
            (*at, "status"),
            f"{event.id!r} is still 'planned' for {str(when)!r}, before as_of "
            f"{str(as_of)!r}; set status: happened, postponed or cancelled",
        )


def _postponed_without_plan(event: Event, at: Path, context: _Context) -> Iterator[Problem]:
    if event.status == "postponed" and event.planned is None:
        hint = (
            f"; if {str(event.date)!r} is the date it was scheduled for, write planned: "
            f"{event.date} instead of date"
            if event.date is not None
            else ""
        )
        yield _warn(
            (*at, "status"),
            f"{event.id!r} is 'postponed' but has no planned date (the date it was scheduled "
            f"for){hint}",
        )


def _postponed_to_earlier(event: Event, at: Path, context: _Context) -> Iterator[Problem]:
    if (
        event.status == "postponed"
        and event.date is not None
        and event.planned is not None
        and relation(event.date, event.planned) is Relation.BEFORE
    ):
        yield _warn(
            (*at, "date"),
            f"{event.id!r} is 'postponed' to {str(event.date)!r}, which is before its "
            f"planned date {str(event.planned)!r}; check the two dates",
        )


def _rescheduled_not_postponed(event: Event, at: Path, context: _Context) -> Iterator[Problem]:
    for n, link in enumerate(event.relations):
        if link.type == "rescheduled_as" and event.status != "postponed":
            yield _warn(
                (*at, "relations", n),
                f"{event.id!r} is rescheduled_as {link.event!r} but has status "
                f"{event.status!r}; a rescheduled event has status: postponed",
            )


def _postpones_nothing(event: Event, at: Path, context: _Context) -> Iterator[Problem]:
    for n, link in enumerate(event.relations):
        target = context.events.get(link.event)
        if link.type != "postpones" or target is None:
            continue
        if target.status in ("postponed", "cancelled") or target.planned is not None:
            continue
        yield _warn(
            (*at, "relations", n),
            f"{event.id!r} postpones {target.id!r}, which has status {target.status!r} and no "
            "planned date; give it status: postponed or the planned date it slipped from",
        )


_RULES: tuple[_Rule, ...] = (
    _happened_after_as_of,
    _happened_without_date,
    _planned_in_the_past,
    _postponed_without_plan,
    _postponed_to_earlier,
    _rescheduled_not_postponed,
    _postpones_nothing,
)
