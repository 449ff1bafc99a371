"""The order of events: one documented, deterministic sort over their date bounds.

Events sort by ``(earliest, latest, precision, file position)`` of their dates (see
``timeline.dates.sort_key``): the earliest possible day first; of two events that may start on
the same day, the one that can end sooner; then the coarser date (``2023-06`` before
``2023-06-18``, since the month begins no later than any of its days); then the order in the
file, which makes the key total and the sort stable. Events with no date come last, in file
order.

What the order does *not* know (two overlapping month-precision dates) is said by
``timeline.dates.relation``; relation-aware ordering builds on this module.
"""

from __future__ import annotations

from datetime import date

from timeline.dates import sort_key
from timeline.models import Event, Timeline

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
