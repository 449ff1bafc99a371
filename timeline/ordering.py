"""The order of events: a sort over their date bounds, and an honest order that uses relations.

``ordered`` looks at dates alone. Events sort by ``(earliest, latest, precision, file
position)`` of their dates (see ``timeline.dates.sort_key``): the earliest possible day first;
of two events that may start on the same day, the one that can end sooner; then the coarser
date (``2023-06`` before ``2023-06-18``, since the month begins no later than any of its days);
then the order in the file, which makes the key total and the sort stable. Events with no date
come last, in file order.

``order`` adds what the relations say (``timeline.propagation``): each event gets its derived
window ``[earliest, latest)``, the same key is applied to that window (in ticks, so an event a
relation puts after another on the same day sorts after it), and events with no lower bound
come last. It also says what the order does *not* know: ``order_unknown`` marks an event whose
window overlaps the previous one's with no relation between the two, and ``after`` lists the
events it is known to follow. Diagnostics (contradictions, lifecycle warnings) come back as
values; ``order`` never raises on user data.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from timeline.checks import Problem
from timeline.contradictions import contradiction_problems
from timeline.dates import sort_key
from timeline.lifecycle import check_lifecycle
from timeline.models import Event, Timeline
from timeline.propagation import Solution, anchor, solve
from timeline.relations import meaning

EventKey = tuple[date, date, int, int]


def event_key(event: Event, position: int) -> EventKey:
    """The sort key of ``event`` found at ``position`` in its file."""
    if event.date is None:
        return (date.max, date.max, 0, position)
    return (*sort_key(event.date), position)


def ordered(timeline: Timeline) -> list[Event]:
    """Return the events of ``timeline`` in the documented order.

    >>> from timeline.io import loads
    >>> tl = loads("title: t\\ntracks: [a]\\nevents:\\n"
    ...            "- {id: b, title: B, date: 2023-06-18, track: a}\\n"
    ...            "- {id: a, title: A, date: 2023-06, track: a}\\n")
    >>> [e.id for e in ordered(tl)]
    ['a', 'b']
    """
    keyed = sorted((event_key(event, n), event) for n, event in enumerate(timeline.events))
    return [event for _, event in keyed]


@dataclass(frozen=True, slots=True)
class OrderedEvent:
    """An event in the honest order, with what the network derived about it.

    ``earliest`` (inclusive) and ``latest`` (exclusive) bound the days it can lie in, ``None``
    when unbounded. ``after`` holds the ids of the latest events it is known to follow: a
    ``before``/``after`` relation puts them before it, or their window ends before its own
    begins; an event whose window ends before another listed one starts is left out.
    ``order_unknown`` is True when its window overlaps that of the event listed just before it
    and no relation links the two.
    """

    event: Event
    earliest: date | None
    latest: date | None
    after: tuple[str, ...]
    order_unknown: bool


@dataclass(frozen=True, slots=True)
class Ordering:
    """The result of ``order``: the events in order, and every diagnostic found on the way."""

    events: tuple[OrderedEvent, ...]
    diagnostics: tuple[Problem, ...]


def order(timeline: Timeline) -> Ordering:
    """Order the events of ``timeline`` by their dates and relations, saying what is unknown.

    Diagnostics are contradictions (errors, at the relations) and lifecycle warnings, as
    ``Problem`` values with paths into the file; the windows are those of the network without
    the contradicted relations.

    >>> from timeline.io import loads
    >>> tl = loads("title: t\\ntracks: [a]\\nevents:\\n"
    ...            "- {id: visit, title: V, track: a, relations: [{type: after, event: deal}]}\\n"
    ...            "- {id: deal, title: D, date: 2023-06-18, track: a}\\n")
    >>> [(o.event.id, str(o.earliest), o.after) for o in order(tl).events]
    [('deal', '2023-06-18', ()), ('visit', '2023-06-18', ('deal',))]
    """
    events = timeline.events
    solution = solve(events)
    sequence = sorted(range(len(events)), key=lambda n: _window_key(events[n], n, solution))
    rank = {n: position for position, n in enumerate(sequence)}
    linked = {frozenset((link.owner, link.target)) for link in solution.links}
    follows = _follows(solution, len(events))
    for link in solution.links:
        earlier = meaning(link.type).earlier
        if earlier is not None:
            first, second = link.owner, link.target
            if earlier == "b":
                first, second = second, first
            _add_latest(follows[second], first, solution)
    items = []
    for position, n in enumerate(sequence):
        previous = sequence[position - 1] if position else None
        unknown = previous is not None and not (
            solution.known_before(previous, n)
            or solution.known_before(n, previous)
            or frozenset((previous, n)) in linked
        )
        earliest, latest = solution.window(n)
        after = tuple(events[m].id for m in sorted(follows[n], key=rank.__getitem__))
        items.append(OrderedEvent(events[n], earliest, latest, after, unknown))
    diagnostics = check_lifecycle(timeline) + contradiction_problems(solution.contradictions)
    return Ordering(tuple(items), tuple(diagnostics))


def _window_key(event: Event, position: int, solution: Solution) -> tuple[int, ...]:
    """``(earliest, latest, precision, position)`` over the derived window, in ticks."""
    low, high = solution.lower[2 * position], solution.upper[2 * position + 1]
    value = anchor(event)
    precision = int(value.precision) if value is not None else 0
    return (
        low is None,
        low if low is not None else 0,
        high is None,
        high if high is not None else 0,
        precision,
        position,
    )


def _follows(solution: Solution, count: int) -> list[set[int]]:
    """For each event, the latest events whose windows surely end before it starts.

    Event ``b`` surely precedes ``a`` when ``upper end(b) <= lower start(a)``; it is left out
    when some ``c`` it precedes also precedes ``a``. That happens exactly when ``upper end(b)``
    is at most ``m``, the largest ``lower start(c)`` of all ``c`` that precede ``a`` (sorting
    by end and a running maximum find ``m`` by bisection), so the rest is a slice.
    """
    ends = sorted((end, n) for n in range(count) if (end := solution.upper[2 * n + 1]) is not None)
    end_values = [end for end, _ in ends]
    starts = [solution.lower[2 * n] for _, n in ends]
    floor = min((s for s in starts if s is not None), default=0) - 1
    running = list(accumulate((s if s is not None else floor for s in starts), max))
    follows: list[set[int]] = [set() for _ in range(count)]
    for n in range(count):
        start = solution.lower[2 * n]
        if start is None:
            continue
        stop = bisect_right(end_values, start)
        if stop == 0:
            continue
        begin = bisect_right(end_values, running[stop - 1], 0, stop)
        follows[n].update(m for _, m in ends[begin:stop])
    return follows


def _add_latest(latest: set[int], event: int, solution: Solution) -> None:
    """Add ``event`` to a set of latest predecessors, keeping only the latest ones.

    The set from ``_follows`` holds no two events known to be in sequence; this keeps it so.
    """
    if any(solution.known_before(event, other) for other in latest):
        return
    latest.difference_update([other for other in latest if solution.known_before(other, event)])
    latest.add(event)
