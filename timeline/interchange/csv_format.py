"""Events as CSV, one row per event in the documented order, for spreadsheets; and back.

Columns (``COLUMNS``): id, title, date (EDTF as written), start and end (ISO days of the
half-open bounds, for sorting in a spreadsheet; ignored on import when ``date`` is set),
status, track, planned, actors, place, tags, description, relations (``type:event``), origin,
and the cited sources as parallel lists: sources (ids), source_titles, source_publishers,
source_urls, source_published. A list cell separates items with ``; `` (``\\;`` is a literal
semicolon). RFC 4180 quoting; UTF-8.

A cell that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab
or carriage return) is written with a leading ``'`` (OWASP's advice against CSV injection), and
the importer takes that ``'`` off again, so the round trip is exact.

The round trip keeps every event field except citation spans, confidence and review; of the
file it keeps the sources events cite. It loses the file's description, as_of, eras, uncited
sources and the order of tracks (they come back in order of first use). On import only
``title`` is required: a missing ``id`` is made from the title, a missing ``track`` is
"Events", and ``start``/``end`` stand in for a missing ``date``: ``start`` alone is that day,
both are the interval up to the day before ``end`` (``end`` is exclusive), and ``end`` alone is
an interval with an open start, ``../<day before end>`` -- which is also how the exporter writes
an open-start date's bounds (``start`` empty), so such a row never loses its date.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta
from typing import Any

from timeline.interchange.building import RawEvent, RawTimeline, build, join_list, split_list
from timeline.models import Timeline
from timeline.ordering import ordered
from timeline.records import event_record

COLUMNS = (
    "id",
    "title",
    "date",
    "start",
    "end",
    "status",
    "track",
    "planned",
    "actors",
    "place",
    "tags",
    "description",
    "relations",
    "origin",
    "sources",
    "source_titles",
    "source_publishers",
    "source_urls",
    "source_published",
)
_SOURCE_COLUMNS = {
    "source_titles": "title",
    "source_publishers": "publisher",
    "source_urls": "url",
    "source_published": "published",
}
_FORMULA = re.compile(r"^'*[=+\-@\t\r]")
_QUOTED_FORMULA = re.compile(r"^'+[=+\-@\t\r]")


def to_csv(timeline: Timeline) -> str:
    """Return the events of ``timeline`` as CSV text with a header row.

    >>> from timeline.io import loads
    >>> tl = loads("title: t\\ntracks: [a]\\nevents:\\n- {id: e, title: '=1+1', track: a}\\n")
    >>> to_csv(tl).splitlines()[1]
    "e,'=1+1,,,,happened,a,,,,,,,curated,,,,,"
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for event in ordered(timeline):
        record = event_record(event, timeline)
        sources = record["sources"]
        row: dict[str, str] = {
            "id": event.id,
            "title": event.title,
            "date": record["date"] or "",
            "start": record["start"] or "",
            "end": record["end"] or "",
            "status": event.status,
            "track": event.track,
            "planned": str(event.planned) if event.planned is not None else "",
            "actors": join_list(event.actors),
            "place": event.place or "",
            "tags": join_list(event.tags),
            "description": event.description or "",
            "relations": join_list([f"{r.type}:{r.event}" for r in event.relations]),
            "origin": event.origin,
            "sources": join_list([s["id"] for s in sources]),
        }
        for column, key in _SOURCE_COLUMNS.items():
            row[column] = join_list([s[key] or "" for s in sources]) if sources else ""
        writer.writerow([_defused(row[column]) for column in COLUMNS])
    return out.getvalue()


def from_csv(text: str, *, filename: str = "<csv>", title: str = "") -> Timeline:
    """Read CSV text (a header row, then one event per row) into a validated Timeline.

    Raises:
        TimelineFileError: every problem, as ``FILE:LINE:1: row N: message``.
    """
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    raw = RawTimeline(filename=filename, title=title)
    for row_number, row in enumerate(reader, start=1):
        cells = {
            (key or "").strip().lower(): _restored(value or "")
            for key, value in row.items()
            if isinstance(value, str)
        }
        if not any(cells.values()):
            continue
        fields = _event_fields(cells, raw)
        raw.events.append(RawEvent(fields, reader.line_num, f"row {row_number}"))
    return build(raw)


def _event_fields(cells: dict[str, str], raw: RawTimeline) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for key in ("id", "title", "status", "track", "planned", "place", "description", "origin"):
        if cells.get(key):
            fields[key] = cells[key]
    for key in ("actors", "tags"):
        if cells.get(key):
            fields[key] = [item for item in split_list(cells[key]) if item]
    date_text = cells.get("date") or _date_from_bounds(cells.get("start"), cells.get("end"))
    if date_text:
        fields["date"] = date_text
    if cells.get("relations"):
        fields["relations"] = [
            {"type": kind.strip(), "event": target.strip()}
            for kind, _, target in (r.partition(":") for r in split_list(cells["relations"]))
        ]
    source_ids = [s for s in split_list(cells.get("sources", "")) if s]
    if source_ids:
        fields["sources"] = source_ids
    details = {c: split_list(cells.get(c, "")) for c in _SOURCE_COLUMNS}
    for n, source_id in enumerate(source_ids):
        known = raw.sources.setdefault(source_id, {})
        for column, key in _SOURCE_COLUMNS.items():
            values = details[column]
            if n < len(values) and values[n] and key not in known:
                known[key] = values[n]
        known.setdefault("title", source_id)
    return fields


def _date_from_bounds(start: str | None, end: str | None) -> str:
    """An EDTF day or interval from ISO start and (exclusive) end days; '' when neither is set.

    >>> _date_from_bounds("2023-06-18", "2023-06-20"), _date_from_bounds("", "2023-06-20")
    ('2023-06-18/2023-06-19', '../2023-06-19')
    """
    if not end:
        return start or ""
    first = start or ".."  # EDTF's open start: only the end is known
    try:
        last = date.fromisoformat(end) - timedelta(days=1)
    except ValueError:
        return f"{first}/{end}"  # let the date parser explain what is wrong
    return first if last.isoformat() == first else f"{first}/{last.isoformat()}"


def _defused(cell: str) -> str:
    return "'" + cell if _FORMULA.match(cell) else cell


def _restored(cell: str) -> str:
    return cell[1:] if _QUOTED_FORMULA.match(cell) else cell
