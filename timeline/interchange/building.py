"""Turn imported raw records (plain dicts, one per event) into a validated Timeline.

Importers parse their format into dicts shaped like the events file, each with the place it
came from (a CSV line, an event's position); here they are validated one by one, checked as a
whole file (unique ids, known tracks and sources) and every problem is reported against that
place. Ids are made up from titles where a format has none.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from timeline.checks import check_references
from timeline.errors import Diagnostic, TimelineFileError
from timeline.models import Event, Source, Timeline

DEFAULT_TRACK = "Events"
_EVENT = TypeAdapter(Event)
_SOURCE = TypeAdapter(Source)


@dataclass
class RawEvent:
    """One event as an importer read it: events-file fields and where it came from."""

    fields: dict[str, Any]
    line: int = 0
    where: str = ""


@dataclass
class RawTimeline:
    """Everything an importer read, before validation."""

    filename: str
    title: str
    description: str | None = None
    events: list[RawEvent] = field(default_factory=list)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    eras: list[dict[str, Any]] = field(default_factory=list)


def build(raw: RawTimeline) -> Timeline:
    """Validate ``raw`` into a Timeline; tracks are listed in order of first appearance.

    Raises:
        TimelineFileError: every problem found, located in ``raw.filename``.
    """
    problems: list[Diagnostic] = []
    taken: set[str] = {str(e.fields["id"]) for e in raw.events if e.fields.get("id")}
    events: list[Event] = []
    for item in raw.events:
        fields = dict(item.fields)
        if not fields.get("id"):
            fields["id"] = _unique(slug(str(fields.get("title") or "event")), taken)
        fields.setdefault("track", DEFAULT_TRACK)
        try:
            events.append(_EVENT.validate_python(fields))
        except ValidationError as err:
            problems.extend(_diagnostic(raw.filename, item, _describe(e)) for e in err.errors())
    sources: list[Source] = []
    for source_id, data in raw.sources.items():
        try:
            sources.append(_SOURCE.validate_python({"id": source_id, **data}))
        except ValidationError as err:
            place = RawEvent({}, 0, f"source {source_id!r}")
            problems.extend(_diagnostic(raw.filename, place, _describe(e)) for e in err.errors())
    if problems:
        raise TimelineFileError(problems)
    tracks = tuple(dict.fromkeys(event.track for event in events)) or (DEFAULT_TRACK,)
    try:
        timeline = Timeline.model_validate(
            {
                "title": raw.title or "Imported events",
                "description": raw.description or None,
                "tracks": tracks,
                "sources": sources,
                "eras": raw.eras,
                "events": events,
            }
        )
    except ValidationError as err:
        place = RawEvent({}, 0, "the timeline")
        raise TimelineFileError(
            [_diagnostic(raw.filename, place, _describe(e)) for e in err.errors()]
        ) from err
    for problem in check_references(timeline):
        index = problem.path[1] if len(problem.path) > 1 else None
        in_events = problem.path[:1] == ("events",) and isinstance(index, int)
        place = raw.events[index] if in_events and isinstance(index, int) else RawEvent({})
        if problem.severity == "error":
            problems.append(_diagnostic(raw.filename, place, problem.message))
    if problems:
        raise TimelineFileError(problems)
    return timeline


def slug(text: str) -> str:
    """A slug for ``text``: ASCII lower-case words joined by ``-`` (``event`` if none).

    >>> slug("Blinken's visit to Beijing!")
    'blinkens-visit-to-beijing'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'", ""))
    return "-".join(words)[:60].strip("-") or "event"


def split_list(text: str) -> list[str]:
    """Split a ``; ``-separated cell; ``\\;`` is a literal semicolon and ``\\\\`` a backslash.

    >>> split_list(r"a; b\\; c; ")
    ['a', 'b; c', '']
    """
    if text == "":
        return []
    items: list[str] = []
    current: list[str] = []
    chars = iter(text)
    for char in chars:
        if char == "\\":
            current.append(next(chars, "\\"))
        elif char == ";":
            items.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    items.append("".join(current).strip())
    return items


def join_list(items: Sequence[str]) -> str:
    """The inverse of ``split_list`` for items without surrounding spaces."""
    return "; ".join(item.replace("\\", "\\\\").replace(";", "\\;") for item in items)


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _describe(error: Any) -> str:
    loc = ".".join(str(part) for part in error["loc"])
    message = str(error["msg"]).removeprefix("Value error, ")
    value = error.get("input")
    quoted = isinstance(value, dict | list) or repr(value) in message
    shown = "" if quoted else f" (got {value!r})"
    return f"{loc}: {message}{shown}" if loc else f"{message}{shown}"


def _diagnostic(filename: str, item: RawEvent, message: str) -> Diagnostic:
    prefix = f"{item.where}: " if item.where else ""
    return Diagnostic(filename, item.line, 0 if item.line == 0 else 1, prefix + message)
