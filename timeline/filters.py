"""Select some events of a Timeline: by date range, track, tag and actor; a new Timeline out.

Every output (chart, image, report, export) is drawn from a Timeline, so a filter is one
function from Timeline to Timeline and works the same for all of them. It does not check that
a track or tag exists (the CLI does that, to suggest a spelling); a name that matches nothing
gives no events.

Rules: values given for one option are alternatives (``tracks=("a", "b")`` keeps events in
either); different options must all hold. A date range keeps an event whose half-open bounds
overlap ``[start.earliest, end.latest)``, so ``start=2023`` keeps ``2023-06`` and an event
dated ``2022/2024``. An event is placed where the chart draws it (``Event.when``: its
``date``, else its ``planned`` date); one with neither is dropped by any date range. Tags and
actors match without regard to case. Sources and eras are kept whole; tracks are narrowed to
the ones asked for, in the file's order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from timeline.dates import EDTFDate
from timeline.models import Event, Timeline


@dataclass(frozen=True, slots=True)
class Selection:
    """What to keep; the empty selection keeps everything.

    >>> from timeline.dates import parse_edtf
    >>> Selection(start=parse_edtf("2023"), tags=("visit",)).is_empty
    False
    """

    start: EDTFDate | None = None
    end: EDTFDate | None = None
    tracks: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.start or self.end or self.tracks or self.tags or self.actors)


def select(timeline: Timeline, selection: Selection) -> Timeline:
    """Return a copy of ``timeline`` holding only the events ``selection`` keeps.

    >>> from timeline.io import loads
    >>> tl = loads("title: t\\ntracks: [a, b]\\nevents:\\n"
    ...            "- {id: x, title: X, date: 2022-05, track: a}\\n"
    ...            "- {id: y, title: Y, date: 2023-06-18, track: b, tags: [Visit]}\\n")
    >>> [e.id for e in select(tl, Selection(tags=("visit",))).events]
    ['y']
    """
    if selection.is_empty:
        return timeline
    low = selection.start.earliest if selection.start is not None else None
    high = selection.end.latest if selection.end is not None else None
    tracks = set(selection.tracks)
    tags = _folded(selection.tags)
    actors = _folded(selection.actors)
    kept = tuple(
        event
        for event in timeline.events
        if _in_range(event, low, high)
        and (not tracks or event.track in tracks)
        and (not tags or not tags.isdisjoint(_folded(event.tags)))
        and (not actors or not actors.isdisjoint(_folded(event.actors)))
    )
    lanes = tuple(t for t in timeline.tracks if t in tracks) if tracks else timeline.tracks
    return timeline.model_copy(update={"events": kept, "tracks": lanes or timeline.tracks})


def _in_range(event: Event, low: date | None, high: date | None) -> bool:
    if low is None and high is None:
        return True
    when = event.when
    if when is None:
        return False
    if low is not None and when.latest <= low:
        return False
    return high is None or when.earliest < high


def _folded(values: Iterable[str]) -> set[str]:
    return {value.casefold() for value in values}
