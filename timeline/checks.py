"""Checks that need the whole file: unique ids and references between its parts.

Each model checks its own values; here we check what ties them together: track, source and
event ids are unique; every event names a known track; every citation names a known source;
every relation names another known event. Problems come back as ``Problem`` values with the
path to the offending value, which ``timeline.io`` turns into file:line:column.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from timeline.errors import Severity, did_you_mean
from timeline.models import Timeline

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem found by a whole-file check, at a path into the file."""

    path: Path
    message: str
    severity: Severity = "error"


def check_references(timeline: Timeline) -> list[Problem]:
    """Return every broken uniqueness or reference rule in ``timeline``; ``[]`` when none."""
    problems = list(_duplicates("tracks", timeline.tracks, "track"))
    problems += _duplicates("sources", (s.id for s in timeline.sources), "source id", field="id")
    problems += _duplicates("events", (e.id for e in timeline.events), "event id", field="id")
    tracks = set(timeline.tracks)
    sources = {s.id for s in timeline.sources}
    events = {e.id for e in timeline.events}
    for index, event in enumerate(timeline.events):
        at: Path = ("events", index)
        if event.track not in tracks:
            problems.append(
                Problem(
                    (*at, "track"),
                    f"track {event.track!r} is not in tracks" + did_you_mean(event.track, tracks),
                )
            )
        for n, ref in enumerate(event.sources):
            if ref.source not in sources:
                problems.append(
                    Problem(
                        (*at, "sources", n),
                        f"source {ref.source!r} is not in sources"
                        + did_you_mean(ref.source, sources),
                    )
                )
            if ref.span is not None and ref.span[1] <= ref.span[0]:
                problems.append(
                    Problem(
                        (*at, "sources", n, "span"),
                        f"span {list(ref.span)} is empty: it is [start, end) with end after start",
                    )
                )
        for n, relation in enumerate(event.relations):
            where = (*at, "relations", n, "event")
            if relation.event == event.id:
                problems.append(Problem(where, f"event {event.id!r} cannot relate to itself"))
            elif relation.event not in events:
                problems.append(
                    Problem(
                        where,
                        f"relation target {relation.event!r} is not an event id"
                        + did_you_mean(relation.event, events),
                    )
                )
    return problems


def _duplicates(
    section: str, values: Iterable[str], what: str, *, field: str | None = None
) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for index, value in enumerate(values):
        if value in first:
            path: Path = (section, index) if field is None else (section, index, field)
            yield Problem(
                path, f"duplicate {what} {value!r} (also item {first[value] + 1} of {section})"
            )
        else:
            first[value] = index
