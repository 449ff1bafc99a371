"""Events as an iCalendar file (RFC 5545) for calendar apps; and back.

Each dated event is an all-day ``VEVENT``: ``DTSTART`` is the first day its date allows and
``DTEND`` the first day after it, which is exactly our half-open bound (RFC 5545 §3.6.1 makes
``DTEND`` exclusive), so ``2023-06`` fills June and ``2023-06-18/2023-06-19`` two days. An open
end gives a ``DTSTART`` alone (a one-day event). An event with only a ``planned`` date is
written at that date, ``STATUS:CANCELLED`` if it was cancelled and ``TENTATIVE`` otherwise,
with ``X-TIMELINE-PLANNED`` (the EDTF planned date) in place of ``X-TIMELINE-DATE``, so it
imports as ``planned`` again. Events with neither date, or no start, are left out.

Properties: ``UID`` = ``<id>@timeline``, ``SUMMARY`` = title, ``DESCRIPTION`` = description and
then a "Sources:" list (title, publisher, date, link), ``LOCATION`` = place, ``CATEGORIES`` =
tags, ``STATUS`` = CONFIRMED (happened), TENTATIVE (planned, postponed) or CANCELLED, ``URL`` =
the first source link; and, for a faithful round trip, ``X-TIMELINE-DATE`` (the EDTF date as
written), ``X-TIMELINE-TRACK`` and ``X-TIMELINE-STATUS``. ``DTSTAMP`` is the ``stamp`` the
caller passes, by default ``stamp_of(timeline)``: the file's ``as_of`` day, else the latest
publication date of its sources. The library reads no clock, so the same file always gives the
same calendar, byte for byte.

The round trip keeps id, title, date (or ``planned``, for an event with no date), status,
track, place, tags and description; it loses sources (they are text in the description),
actors, the planned date of an event that has a date, relations and the file's description
and eras. Importing a calendar made elsewhere: the date comes from ``DTSTART`` and
``DTEND``, the status from ``STATUS``, and the track is "Events".
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar
from icalendar import vCategory, vText

from timeline.dates import EDTFDate, Interval, parse_edtf
from timeline.errors import DateSyntaxError, Diagnostic, TimelineFileError
from timeline.interchange.building import RawEvent, RawTimeline, build
from timeline.models import Event, Source, Status, Timeline
from timeline.ordering import ordered

PRODID = "-//timeline//timeline events//EN"
UID_SUFFIX = "@timeline"
SOURCES_HEADING = "\n\nSources:\n"
_ICS_STATUS: dict[Status, str] = {
    "happened": "CONFIRMED",
    "planned": "TENTATIVE",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}
_FROM_ICS_STATUS: dict[str, Status] = {"TENTATIVE": "planned", "CANCELLED": "cancelled"}
_ESCAPE = re.compile(r"\\([\\;,nN])")  # RFC 5545 §3.3.11 TEXT escapes


def stamp_of(timeline: Timeline) -> datetime:
    """The moment a calendar of ``timeline`` describes: ``as_of``, else its newest source.

    Falls back to the Unix epoch for a file with neither, so the output stays deterministic.
    """
    days = [s.published.earliest for s in timeline.sources if s.published is not None]
    day = timeline.as_of.earliest if timeline.as_of is not None else max(days, default=None)
    if day is None:
        return datetime(1970, 1, 1, tzinfo=UTC)
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def to_ics(timeline: Timeline, *, stamp: datetime | None = None) -> str:
    """Return the dated (or planned) events of ``timeline`` as iCalendar, ``stamp`` as DTSTAMP.

    >>> from timeline.io import loads
    >>> from datetime import timezone
    >>> tl = loads("title: t\\ntracks: [a]\\nevents:\\n"
    ...            "- {id: e, title: E, date: 2023-06, track: a}\\n")
    >>> stamp = datetime(2023, 7, 1, tzinfo=timezone.utc)
    >>> [line for line in to_ics(tl, stamp=stamp).splitlines() if line.startswith("DT")]
    ['DTSTART;VALUE=DATE:20230601', 'DTEND;VALUE=DATE:20230701', 'DTSTAMP:20230701T000000Z']
    """
    if stamp is None:
        stamp = stamp_of(timeline)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _Text(timeline.title))
    if timeline.description:
        calendar.add("x-wr-caldesc", _Text(timeline.description))
    sources = {source.id: source for source in timeline.sources}
    for event in ordered(timeline):
        if event.when is not None and event.when.earliest != date.min:
            calendar.add_component(_vevent(event, event.when, sources, stamp))
    text: str = calendar.to_ical().decode("utf-8")
    return text


def from_ics(text: str, *, filename: str = "<ics>", title: str = "") -> Timeline:
    """Read iCalendar text into a validated Timeline, one event per ``VEVENT``.

    Raises:
        TimelineFileError: the text is not iCalendar, or events in it are invalid.
    """
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except ValueError as err:
        # icalendar quotes the offending text, newlines included: keep the message one line.
        reason = f"not iCalendar: {' '.join(str(err).split())}"
        raise TimelineFileError([Diagnostic(filename, 0, 0, reason)]) from err
    name = calendar.get("x-wr-calname")
    raw = RawTimeline(
        filename=filename,
        title=title or (_unescaped(name) if name is not None else ""),
        description=_unescaped(calendar["x-wr-caldesc"]) if "x-wr-caldesc" in calendar else None,
    )
    problems: list[Diagnostic] = []
    for n, component in enumerate(calendar.walk("VEVENT"), start=1):
        where = f"VEVENT {n}"
        try:
            raw.events.append(RawEvent(_event_fields(component), 0, where))
        except DateSyntaxError as err:
            problems.append(Diagnostic(filename, 0, 0, f"{where}: {err}"))
    if problems:
        raise TimelineFileError(problems)
    return build(raw)


class _Text(vText):
    """TEXT escaped exactly as RFC 5545 §3.3.11 says.

    icalendar's own escaping first turns a literal backslash-N into a line break, so a title
    such as ``C:\\New`` would come back changed; this escapes the backslash first, as the RFC
    does, and nothing else differently.
    """

    def to_ical(self) -> bytes:
        text = str(self)
        for raw, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,")):
            text = text.replace(raw, escaped)
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
        return text.encode("utf-8")


def _categories(tags: tuple[str, ...]) -> vCategory:
    """CATEGORIES with each tag escaped as _Text does (icalendar's own escaping would turn a
    tag such as ``\\N`` into a line break)."""
    categories = vCategory(list(tags))
    categories.cats = [_Text(tag) for tag in tags]
    return categories


def _vevent(
    event: Event, when: EDTFDate, sources: dict[str, Source], stamp: datetime
) -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", event.id + UID_SUFFIX)
    item.add("dtstamp", stamp)
    item.add("summary", _Text(event.title))
    item.add("dtstart", when.earliest)
    if when.latest != date.max:
        item.add("dtend", when.latest)
    planned_only = event.date is None
    if planned_only and event.status != "cancelled":
        item.add("status", "TENTATIVE")  # not known to have happened at the planned date
    else:
        item.add("status", _ICS_STATUS[event.status])
    cited = [sources[ref.source] for ref in event.sources if ref.source in sources]
    description = (event.description or "") + _sources_text(cited)
    if description:
        item.add("description", _Text(description))
    if event.place:
        item.add("location", _Text(event.place))
    if event.tags:
        item.add("categories", _categories(event.tags))
    links = [s.url for s in cited if s.url and s.url.startswith(("https://", "http://"))]
    if links:
        item.add("url", links[0])
    item.add("x-timeline-planned" if planned_only else "x-timeline-date", _Text(str(when)))
    item.add("x-timeline-track", _Text(event.track))
    item.add("x-timeline-status", _Text(event.status))
    return item


def _sources_text(cited: list[Source]) -> str:
    if not cited:
        return ""
    lines = []
    for n, source in enumerate(cited, start=1):
        details = [d for d in (source.publisher, source.published and str(source.published)) if d]
        line = f"[{n}] {source.title}" + (f" ({', '.join(details)})" if details else "")
        lines.append(line + (f" {source.url}" if source.url else ""))
    return SOURCES_HEADING + "\n".join(lines)


def _event_fields(component: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {"title": str(component.get("summary", "")) or "(untitled)"}
    uid = str(component.get("uid", ""))
    if uid.endswith(UID_SUFFIX):
        fields["id"] = uid.removesuffix(UID_SUFFIX)
    planned = "x-timeline-planned" in component
    key = "x-timeline-planned" if planned else "x-timeline-date"
    fields["planned" if planned else "date"] = str(_read_date(component, key))
    if "x-timeline-track" in component:
        fields["track"] = _unescaped(component["x-timeline-track"])
    if "x-timeline-status" in component:
        fields["status"] = _unescaped(component["x-timeline-status"])
    elif str(component.get("status", "")).upper() in _FROM_ICS_STATUS:
        fields["status"] = _FROM_ICS_STATUS[str(component["status"]).upper()]
    description = str(component.get("description", ""))
    if key in component and SOURCES_HEADING in description:
        description = description.rsplit(SOURCES_HEADING, 1)[0]
    if description:
        fields["description"] = description
    if component.get("location"):
        fields["place"] = str(component["location"])
    categories = component.get("categories")
    if categories is not None:
        groups = categories if isinstance(categories, list) else [categories]
        fields["tags"] = [str(cat) for group in groups for cat in group.cats]
    return fields


def _read_date(component: Any, key: str) -> EDTFDate:
    """The EDTF date: ``key`` (our X- property) when it agrees with ``DTSTART``, else the days."""
    if "dtstart" not in component:
        raise DateSyntaxError("it has no DTSTART")
    start = _day(component.decoded("dtstart"))
    if key in component:
        written = parse_edtf(_unescaped(component[key]))
        if written.earliest == start:
            return written
    last = start
    if "dtend" in component:
        last = _day(component.decoded("dtend")) - timedelta(days=1)
        if isinstance(component.decoded("dtend"), datetime):
            last = max(start, _day(component.decoded("dtend")))
    first = parse_edtf(start.isoformat())
    if last <= start:
        return first
    return Interval.parse(f"{start.isoformat()}/{last.isoformat()}")


def _day(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise DateSyntaxError(f"expected a date, got {value!r}")


def _unescaped(value: object) -> str:
    # icalendar leaves unknown (X-) properties as raw text; undo RFC 5545 §3.3.11 escapes.
    return _ESCAPE.sub(lambda m: "\n" if m[1] in "nN" else m[1], str(value))
