"""Plain-data views of events (dicts of str, int and lists) for JSON output, tables and exports.

The models keep dates as EDTF values; here they become what a machine reader wants: the date
as written, and the ISO days of its half-open bounds (``end`` is the first day after it).
Unbounded ends and missing dates are ``None``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from timeline.models import Event, Timeline
from timeline.ordering import OrderedEvent


def event_record(event: Event, timeline: Timeline) -> dict[str, Any]:
    """The event as plain data, its citations resolved against ``timeline``'s sources.

    Keys: id, title, date (as written), start and end (ISO days, half-open), status, planned
    (as written), track, actors, place, tags, description, sources (each with id, title,
    publisher, url, published and span), relations, origin.
    """
    known = {source.id: source for source in timeline.sources}
    sources = []
    for ref in event.sources:
        source = known.get(ref.source)
        sources.append(
            {
                "id": ref.source,
                "title": source.title if source else None,
                "publisher": source.publisher if source else None,
                "url": source.url if source else None,
                "published": str(source.published) if source and source.published else None,
                "span": list(ref.span) if ref.span else None,
            }
        )
    return {
        "id": event.id,
        "title": event.title,
        "date": str(event.date) if event.date is not None else None,
        "start": _iso(event.date.earliest) if event.date is not None else None,
        "end": _iso(event.date.latest) if event.date is not None else None,
        "status": event.status,
        "planned": str(event.planned) if event.planned is not None else None,
        "track": event.track,
        "actors": list(event.actors),
        "place": event.place,
        "tags": list(event.tags),
        "description": event.description,
        "sources": sources,
        "relations": [{"type": r.type, "event": r.event} for r in event.relations],
        "origin": event.origin,
    }


def _iso(day: date) -> str | None:
    return None if day in (date.min, date.max) else day.isoformat()


def ordered_record(item: OrderedEvent, timeline: Timeline) -> dict[str, Any]:
    """``event_record`` plus what ordering derived: earliest, latest, after, order_unknown.

    ``earliest`` and ``latest`` are the ISO days of the derived half-open window (``None`` when
    unbounded), ``after`` the ids the event is known to follow, and ``order_unknown`` whether
    its order against the previous item is unknown.
    """
    return {
        **event_record(item.event, timeline),
        "earliest": _iso(item.earliest) if item.earliest is not None else None,
        "latest": _iso(item.latest) if item.latest is not None else None,
        "after": list(item.after),
        "order_unknown": item.order_unknown,
    }
