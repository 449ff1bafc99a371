"""Events as TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html); and back.

TimelineJS renders ``headline`` and ``text`` as HTML, so every piece of our text is escaped
before it goes in and only http(s) URLs become links. A slide carries:

* ``unique_id`` = id, ``group`` = track and ``text.headline`` = title (both escaped);
* ``start_date``/``end_date`` = the date's parts (year, month, day; a season spans its months;
  an open end has no ``end_date``), and ``display_date`` = the EDTF date as written, which the
  importer prefers when it agrees with ``start_date``. An event with only a ``planned`` date is
  placed at it, and its ``display_date`` says so: ``2023-02 (planned, postponed)`` (or
  ``(planned)`` when its status is planned or happened); the importer reads that note back as
  ``planned`` rather than ``date``;
* ``text.text`` = up to three paragraphs: ``<p class="tl-status">`` (when not happened),
  ``<p class="tl-description">`` and ``<p class="tl-sources">`` with one link per source whose
  ``data-*`` attributes hold its id, publisher and publication date.

The title slide carries the file's title and description; ``eras`` carry the eras. Events with
neither date nor planned date (or no start) are left out (TimelineJS needs a ``start_date``);
they are logged. The round trip keeps id, title, date (or ``planned``, for an event with no
date), status, track, description, the cited sources (without spans), the title, description
and eras; it loses actors, place, tags, the planned date of an event that has a date,
relations and the rest.

Importing a TimelineJS file made elsewhere: tags are stripped from headline and text, a slide
with no ``unique_id`` gets one from its headline, and one with no ``group`` goes to "Events".
"""

from __future__ import annotations

import html
import json
import logging
import re
from datetime import timedelta
from html.parser import HTMLParser
from typing import Any

from timeline.dates import EDTFDate, Interval, PartialDate, parse_edtf
from timeline.errors import DateSyntaxError, Diagnostic, TimelineFileError
from timeline.interchange.building import RawEvent, RawTimeline, build
from timeline.models import Event, Timeline
from timeline.ordering import ordered

logger = logging.getLogger(__name__)
# The note after a planned-only event's display_date: " (planned)" or " (planned, postponed)".
_PLANNED_NOTE = re.compile(r"^(?P<date>.+?) \(planned(?:, [a-z]+)?\)$")


def to_timelinejs(timeline: Timeline) -> str:
    """Return ``timeline`` as TimelineJS3 JSON text (events in the documented order).

    >>> from timeline.io import loads
    >>> tl = loads("title: t\\ntracks: [a]\\nevents:\\n"
    ...            "- {id: e, title: <b>, date: 2023-06, track: a}\\n")
    >>> json.loads(to_timelinejs(tl))["events"][0]["text"]["headline"]
    '&lt;b&gt;'
    """
    sources = {source.id: source for source in timeline.sources}
    slides: list[dict[str, Any]] = []
    skipped = 0
    for event in ordered(timeline):
        if event.when is None or _start_of(event.when) is None:
            skipped += 1
            continue
        slides.append(_slide(event, event.when, sources))
    if skipped:
        logger.info("left out %d event(s) with no start date: TimelineJS needs one", skipped)
    document: dict[str, Any] = {
        "title": {
            "text": {
                "headline": _esc(timeline.title),
                "text": _paragraph(timeline.description, "tl-description"),
            }
        },
        "events": slides,
    }
    eras = [
        {**_dates(era.date), "text": {"headline": _esc(era.title)}, "display_date": str(era.date)}
        for era in timeline.eras
        if _start_of(era.date) is not None
    ]
    if eras:
        document["eras"] = eras
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def from_timelinejs(text: str, *, filename: str = "<timelinejs>", title: str = "") -> Timeline:
    """Read TimelineJS3 JSON text into a validated Timeline.

    Raises:
        TimelineFileError: the text is not TimelineJS JSON, or events in it are invalid.
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        problem = Diagnostic(filename, err.lineno, err.colno, f"not JSON: {err.msg}")
        raise TimelineFileError([problem]) from err
    if not isinstance(document, dict) or not isinstance(document.get("events"), list):
        message = 'not a TimelineJS file: it needs an object with an "events" list'
        raise TimelineFileError([Diagnostic(filename, 0, 0, message)])
    title_slide = document.get("title")
    heading = _text_parts(title_slide.get("text") if isinstance(title_slide, dict) else None)
    raw = RawTimeline(
        filename=filename,
        title=title or _plain(heading.get("headline", "")),
        description=_Paragraphs.read(heading.get("text", "")).description,
    )
    problems: list[Diagnostic] = []
    for n, slide in enumerate(document["events"], start=1):
        where = f"event {n}"
        if not isinstance(slide, dict):
            problems.append(Diagnostic(filename, 0, 0, f"{where}: not an object"))
            continue
        try:
            raw.events.append(RawEvent(_event_fields(slide, raw), 0, where))
        except DateSyntaxError as err:
            problems.append(Diagnostic(filename, 0, 0, f"{where}: {err}"))
    for n, era in enumerate(document.get("eras") or [], start=1):
        try:
            headline = _plain(_text_parts(era.get("text")).get("headline", "")) or f"Era {n}"
            raw.eras.append({"title": headline, "date": str(_read_date(era))})
        except (DateSyntaxError, AttributeError) as err:
            problems.append(Diagnostic(filename, 0, 0, f"era {n}: {err}"))
    if problems:
        raise TimelineFileError(problems)
    return build(raw)


# --- export ------------------------------------------------------------------------------


def _slide(event: Event, when: EDTFDate, sources: dict[str, Any]) -> dict[str, Any]:
    paragraphs = []
    if event.status != "happened":
        paragraphs.append(f'<p class="tl-status">Status: {_esc(event.status)}</p>')
    paragraphs.append(_paragraph(event.description, "tl-description"))
    links = []
    for ref in event.sources:
        source = sources.get(ref.source)
        if source is None:
            continue
        attrs = f' data-source="{_esc(source.id)}"'
        if source.publisher:
            attrs += f' data-publisher="{_esc(source.publisher)}"'
        if source.published:
            attrs += f' data-published="{_esc(str(source.published))}"'
        label = _esc(source.title)
        if source.url and source.url.startswith(("https://", "http://")):
            links.append(f'<a href="{_esc(source.url)}"{attrs}>{label}</a>')
        else:
            links.append(f"<span{attrs}>{label}</span>")
    if links:
        paragraphs.append(f'<p class="tl-sources">Sources: {"; ".join(links)}</p>')
    display = str(when)
    if event.date is None:
        kept = event.status in ("planned", "happened")
        display += " (planned)" if kept else f" (planned, {event.status})"
    return {
        "unique_id": event.id,
        **_dates(when),
        "display_date": display,
        "group": _esc(event.track),
        "text": {"headline": _esc(event.title), "text": "".join(p for p in paragraphs if p)},
    }


def _dates(when: EDTFDate) -> dict[str, Any]:
    start = _start_of(when)
    assert start is not None  # callers leave out dates with no start
    result = {"start_date": _parts(start)}
    if isinstance(when, Interval):
        if when.end is not None:
            result["end_date"] = _parts(when.end)
    elif when.month is not None and when.month > 12:
        # A season spans its months: end on the last one (winter ends in the next year).
        last = when.latest - timedelta(days=1)
        result["end_date"] = {"year": last.year, "month": last.month}
    return result


def _start_of(when: EDTFDate) -> PartialDate | None:
    return when.start if isinstance(when, Interval) else when


def _parts(day: PartialDate) -> dict[str, int]:
    parts = {"year": day.year}
    if day.month is not None:
        parts["month"] = day.earliest.month
    if day.day is not None:
        parts["day"] = day.day
    return parts


def _paragraph(text: str | None, css_class: str) -> str:
    if not text:
        return ""
    return f'<p class="{css_class}">{_esc(text)}</p>'


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


# --- import ------------------------------------------------------------------------------


def _event_fields(slide: dict[str, Any], raw: RawTimeline) -> dict[str, Any]:
    parts = _text_parts(slide.get("text"))
    body = _Paragraphs.read(parts.get("text", ""))
    fields: dict[str, Any] = {"title": _plain(parts.get("headline", "")) or "(untitled)"}
    if slide.get("unique_id"):
        fields["id"] = str(slide["unique_id"])
    planned = isinstance(slide.get("display_date"), str) and bool(
        _PLANNED_NOTE.match(slide["display_date"])
    )
    fields["planned" if planned else "date"] = str(_read_date(slide))
    if slide.get("group"):
        fields["track"] = html.unescape(str(slide["group"]))
    if body.status:
        fields["status"] = body.status
    if body.description:
        fields["description"] = body.description
    if body.sources:
        fields["sources"] = [s["id"] for s in body.sources]
        for source in body.sources:
            known = raw.sources.setdefault(source["id"], {})
            for key in ("title", "publisher", "url", "published"):
                if source.get(key) and key not in known:
                    known[key] = source[key]
    return fields


def _read_date(slide: dict[str, Any]) -> EDTFDate:
    """The slide's date: its ``display_date`` when that is EDTF agreeing with its parts."""
    start = _from_parts(slide.get("start_date"), "start_date")
    written = slide.get("display_date")
    if isinstance(written, str):
        note = _PLANNED_NOTE.match(written)
        written = note["date"] if note else written
        try:
            parsed = parse_edtf(written)
        except DateSyntaxError:
            parsed = None
        first = _start_of(parsed) if parsed is not None else None
        if first is not None and first.earliest == start.earliest:
            return parsed  # type: ignore[return-value]
    end_data = slide.get("end_date")
    if not end_data:
        return start
    end = _from_parts(end_data, "end_date")
    return start if end == start else Interval(start=start, end=end)


def _from_parts(data: Any, name: str) -> PartialDate:
    if not isinstance(data, dict) or "year" not in data:
        raise DateSyntaxError(f"{name} needs a year, got {data!r}")
    try:
        values = [
            int(data[k]) if data.get(k) not in (None, "") else None
            for k in ("year", "month", "day")
        ]
    except (TypeError, ValueError) as err:
        raise DateSyntaxError(f"{name} has a part that is not a number: {data!r}") from err
    year, month, day = values
    if year is None:
        raise DateSyntaxError(f"{name} needs a year, got {data!r}")
    return PartialDate(year=year, month=month, day=day if month is not None else None)


def _text_parts(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(v, str)}


def _plain(markup: str) -> str:
    return _Paragraphs.read(markup).all_text.strip()


class _Paragraphs(HTMLParser):
    """Reads our slide text back: status, description and sources; plain text otherwise."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.status = ""
        self.description = ""
        self.sources: list[dict[str, str]] = []
        self.all_text = ""
        self._class = ""
        self._source: dict[str, str] | None = None
        self._other: list[str] = []

    @classmethod
    def read(cls, markup: str) -> _Paragraphs:
        parser = cls()
        parser.feed(markup)
        parser.close()
        if not (parser.status or parser.description or parser.sources):
            parser.description = "\n".join(p.strip() for p in parser._other if p.strip())
        return parser

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "p":
            self._class = found.get("class", "")
            self._other.append("")
        elif self._class == "tl-sources" and "data-source" in found:
            self._source = {
                "id": found["data-source"],
                "publisher": found.get("data-publisher", ""),
                "published": found.get("data-published", ""),
                "url": found.get("href", "") if tag == "a" else "",
                "title": "",
            }
            self.sources.append(self._source)

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self._class = ""
        elif tag in ("a", "span"):
            self._source = None

    def handle_data(self, data: str) -> None:
        self.all_text += data
        if self._source is not None:
            self._source["title"] += data
        elif self._class == "tl-status":
            self.status += data.removeprefix("Status: ").strip()
        elif self._class == "tl-description":
            self.description += data
        elif self._class != "tl-sources":
            if not self._other:
                self._other.append("")
            self._other[-1] += data
