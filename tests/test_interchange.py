"""CSV, TimelineJS and iCalendar export and import, and the YAML writer (timeline.interchange)."""

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.errors import TimelineFileError
from timeline.interchange.building import join_list, slug, split_list
from timeline.interchange.csv_format import COLUMNS, from_csv, to_csv
from timeline.interchange.ics import from_ics, to_ics
from timeline.interchange.timelinejs import from_timelinejs, to_timelinejs
from timeline.io import load, loads
from timeline.models import Event, Source, Timeline
from timeline.serialize import to_yaml

ROOT = Path(__file__).resolve().parent.parent
STAMP = datetime(2023, 7, 1, 12, 0, tzinfo=UTC)
FILES = [
    pytest.param(ROOT / "events.yaml", id="shipped"),
    pytest.param(ROOT / "tests" / "data" / "hostile.yaml", id="hostile"),
]


def _fields(event: Event, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(event, name) for name in names}


def _placed(event: Event, names: tuple[str, ...]) -> dict[str, Any]:
    """``names`` and the planned date of an event with no date (TimelineJS and ICS carry it)."""
    return {**_fields(event, names), "undated_plan": event.planned if event.date is None else None}


def _cited(timeline: Timeline, event: Event) -> list[Source]:
    return [timeline.source(ref.source) for ref in event.sources]


# --- CSV ---------------------------------------------------------------------------------

CSV_FIELDS = (
    "id",
    "title",
    "date",
    "status",
    "track",
    "planned",
    "actors",
    "place",
    "tags",
    "description",
    "relations",
    "origin",
)


@pytest.mark.parametrize("path", FILES)
def test_csv_round_trip_keeps_every_field_it_carries(path: Path) -> None:
    original = load(path)
    back = from_csv(to_csv(original), title=original.title)
    assert len(back.events) == len(original.events)
    for event in original.events:
        again = back.event(event.id)
        assert _fields(again, CSV_FIELDS) == _fields(event, CSV_FIELDS)
        assert _cited(back, again) == _cited(original, event)
        assert [ref.source for ref in again.sources] == [ref.source for ref in event.sources]


def test_csv_has_a_header_and_one_row_per_event_in_order() -> None:
    timeline = load(ROOT / "events.yaml")
    rows = list(csv.reader(io.StringIO(to_csv(timeline))))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 1 + len(timeline.events)
    starts = [row[3] for row in rows[1:] if row[3]]
    assert starts == sorted(starts)


def test_csv_defuses_cells_a_spreadsheet_would_run_as_formulas() -> None:
    timeline = loads(
        "title: t\ntracks: [a]\nevents:\n"
        "- {id: e, title: '=HYPERLINK(\"http://x\")', track: a, tags: ['@SUM(1)', x],"
        " place: \"'=already\", description: '-1+2'}\n"
    )
    row = next(csv.DictReader(io.StringIO(to_csv(timeline))))
    assert row["title"] == '\'=HYPERLINK("http://x")'
    assert row["tags"] == "'@SUM(1); x"
    assert row["place"] == "''=already"
    assert row["description"] == "'-1+2"
    assert from_csv(to_csv(timeline)).events == timeline.events


def test_csv_from_a_spreadsheet_needs_only_titles() -> None:
    text = (
        "Title,Start,End,Tags\n"
        "Talks open,2023-06-18,2023-06-20,visit;meeting\n"
        "Talks open,2023-07-01,,\n"
    )
    timeline = from_csv(text, title="Sheet")
    assert [(e.id, str(e.date), e.track, e.tags) for e in timeline.events] == [
        ("talks-open", "2023-06-18/2023-06-19", "Events", ("visit", "meeting")),
        ("talks-open-2", "2023-07-01", "Events", ()),
    ]


def test_csv_row_with_an_end_but_no_start_has_an_open_start() -> None:
    text = "title,start,end\nTalks,,2023-06-20\nBad,,2023-13-01\n"
    with pytest.raises(TimelineFileError) as caught:
        from_csv(text, filename="in.csv")
    (problem,) = caught.value.diagnostics
    assert str(problem).startswith("in.csv:3:1: row 2: date:")
    assert "2023-13-01" in str(problem)
    (event,) = from_csv(text.splitlines(keepends=True)[0] + "Talks,,2023-06-20\n").events
    assert str(event.date) == "../2023-06-19"
    open_start = loads(
        "title: t\ntracks: [a]\nevents:\n- {id: e, title: E, date: ../2023, track: a}\n"
    )
    row = next(csv.DictReader(io.StringIO(to_csv(open_start))))
    del row["date"]  # a spreadsheet that kept only the bounds
    header = ",".join(row)
    bounds_only = header + "\n" + ",".join(row.values()) + "\n"
    assert (row["start"], row["end"]) == ("", "2024-01-01")
    assert str(from_csv(bounds_only).events[0].date) == "../2023-12-31"


def test_csv_problems_are_reported_with_their_row() -> None:
    text = "id,title,date,track\nok,Fine,2023-06,a\nbad,Bad,2023-13,a\nok,Again,2023,a\n"
    with pytest.raises(TimelineFileError) as caught:
        from_csv(text, filename="in.csv")
    messages = [str(d) for d in caught.value.diagnostics]
    assert any(m.startswith("in.csv:3:1: row 2: date:") and "2023-13" in m for m in messages)
    with pytest.raises(TimelineFileError, match="duplicate event id 'ok'"):
        from_csv(text.replace("2023-13", "2023-12"), filename="in.csv")


# --- TimelineJS --------------------------------------------------------------------------

TIMELINEJS_FIELDS = ("id", "title", "date", "status", "track", "description")


@pytest.mark.parametrize("path", FILES)
def test_timelinejs_round_trip_keeps_every_field_it_carries(path: Path) -> None:
    original = load(path)
    back = from_timelinejs(to_timelinejs(original))
    assert (back.title, back.description, back.eras) == (
        original.title,
        original.description,
        original.eras,
    )
    placed = [e for e in original.events if e.when is not None]
    assert len(back.events) == len(placed)
    for event in placed:
        again = back.event(event.id)
        assert _placed(again, TIMELINEJS_FIELDS) == _placed(event, TIMELINEJS_FIELDS)
        assert _cited(back, again) == _cited(original, event)


def test_timelinejs_places_an_event_with_only_a_planned_date_at_it() -> None:
    timeline = load(ROOT / "events.yaml")
    slides = {s["unique_id"]: s for s in json.loads(to_timelinejs(timeline))["events"]}
    trip = slides["february-trip"]
    assert trip["start_date"] == {"year": 2023, "month": 2}
    assert trip["display_date"] == "2023-02 (planned, postponed)"
    assert "qin-reciprocal-visit" not in slides  # neither date nor planned date
    again = from_timelinejs(to_timelinejs(timeline)).event("february-trip")
    assert (again.date, str(again.planned), again.status) == (None, "2023-02", "postponed")


def test_timelinejs_escapes_all_text_it_writes() -> None:
    document = json.loads(to_timelinejs(load(ROOT / "tests" / "data" / "hostile.yaml")))
    text = json.dumps(document)
    assert "<script" not in text
    assert "<img" not in text
    assert "<svg" not in text
    assert 'href=\\"javascript' not in text
    slides = {slide["unique_id"]: slide for slide in document["events"]}
    assert slides["img-title"]["text"]["headline"].startswith("&lt;img")
    assert slides["javascript-url"]["end_date"] == {"year": 2023, "month": 6, "day": 19}
    assert slides["season-event"]["end_date"] == {"year": 2022, "month": 8}


def test_timelinejs_from_elsewhere_uses_parts_and_strips_markup() -> None:
    text = json.dumps(
        {
            "title": {"text": {"headline": "<b>Made</b> elsewhere", "text": "<p>About it</p>"}},
            "events": [
                {
                    "start_date": {"year": "2020", "month": "3"},
                    "end_date": {"year": "2020", "month": "5"},
                    "display_date": "Spring 2020",
                    "text": {"headline": "Lockdown <i>begins</i>", "text": "<p>One</p><p>Two</p>"},
                },
                {"start_date": {"year": 2021}, "group": "Later", "text": {"headline": "Later"}},
            ],
        }
    )
    timeline = from_timelinejs(text)
    assert timeline.title == "Made elsewhere"
    assert timeline.description == "About it"
    first, second = timeline.events
    assert (first.id, first.title, str(first.date), first.description) == (
        "lockdown-begins",
        "Lockdown begins",
        "2020-03/2020-05",
        "One\nTwo",
    )
    assert (str(second.date), second.track) == ("2021", "Later")
    assert timeline.tracks == ("Events", "Later")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("{", "not JSON", id="not-json"),
        pytest.param("[]", "not a TimelineJS file", id="not-an-object"),
        pytest.param(
            '{"events": [{"text": {}}]}', "event 1: start_date needs a year", id="no-date"
        ),
        pytest.param(
            '{"events": [{"start_date": {"year": ""}}]}',
            "event 1: start_date needs a year",
            id="empty-year",
        ),
    ],
)
def test_timelinejs_bad_input_is_a_file_error(text: str, message: str) -> None:
    with pytest.raises(TimelineFileError, match=message):
        from_timelinejs(text, filename="in.json")


# --- iCalendar ---------------------------------------------------------------------------

ICS_FIELDS = ("id", "title", "date", "status", "track", "place", "tags", "description")


@pytest.mark.parametrize("path", FILES)
def test_ics_round_trip_keeps_every_field_it_carries(path: Path) -> None:
    original = load(path)
    back = from_ics(to_ics(original, stamp=STAMP))
    assert back.title == original.title
    placed = [e for e in original.events if e.when is not None]
    assert len(back.events) == len(placed)
    for event in placed:
        assert _placed(back.event(event.id), ICS_FIELDS) == _placed(event, ICS_FIELDS)


def test_ics_events_span_the_half_open_bounds_as_all_day_entries() -> None:
    calendar = icalendar.Calendar.from_ical(to_ics(load(ROOT / "events.yaml"), stamp=STAMP))
    entries = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    visit = entries["beijing-visit@timeline"]
    assert str(visit.decoded("dtstart")) == "2023-06-18"
    assert str(visit.decoded("dtend")) == "2023-06-20"
    assert visit.decoded("dtstamp") == STAMP
    assert all(
        str(e["status"]) in {"CONFIRMED", "TENTATIVE", "CANCELLED"} for e in entries.values()
    )


@pytest.mark.parametrize(
    ("status", "ics_status"),
    [
        pytest.param("postponed", "TENTATIVE", id="postponed"),
        pytest.param("happened", "TENTATIVE", id="happened"),
        pytest.param("cancelled", "CANCELLED", id="cancelled"),
    ],
)
def test_ics_places_an_event_with_only_a_planned_date_at_it(status: str, ics_status: str) -> None:
    timeline = loads(
        "title: t\ntracks: [a]\nevents:\n"
        f"- {{id: trip, title: Trip, planned: 2023-02~, track: a, status: {status}}}\n"
        "- {id: never, title: Never, track: a}\n"
    )
    (entry,) = icalendar.Calendar.from_ical(to_ics(timeline, stamp=STAMP)).walk("VEVENT")
    assert str(entry.decoded("dtstart")) == "2023-02-01"
    assert str(entry["status"]) == ics_status
    assert str(entry["x-timeline-planned"]) == "2023-02~"
    assert "x-timeline-date" not in entry
    (again,) = from_ics(to_ics(timeline, stamp=STAMP)).events
    assert (again.date, str(again.planned), again.status) == (None, "2023-02~", status)


def test_ics_from_a_calendar_app_reads_days_and_status() -> None:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:abc@example\r\n"
        "DTSTAMP:20230101T000000Z\r\nDTSTART;VALUE=DATE:20230618\r\nDTEND;VALUE=DATE:20230621\r\n"
        "SUMMARY:Visit\\, three days\r\nSTATUS:TENTATIVE\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    (event,) = from_ics(text, title="Cal").events
    assert (event.id, event.title, str(event.date), event.status) == (
        "visit-three-days",
        "Visit, three days",
        "2023-06-18/2023-06-20",
        "planned",
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("BEGIN:VCALENDAR\n", id="unclosed"),
        pytest.param("hello\nworld\n", id="not-ical"),
    ],
)
def test_ics_that_is_not_icalendar_is_one_line(text: str) -> None:
    with pytest.raises(TimelineFileError) as caught:
        from_ics(text, filename="in.ics")
    (diagnostic,) = caught.value.diagnostics
    assert str(diagnostic).startswith("in.ics: not iCalendar: ")
    assert "\n" not in str(diagnostic)


# --- YAML writer and helpers -------------------------------------------------------------


@pytest.mark.parametrize("path", FILES)
def test_dumped_yaml_reads_back_to_the_same_timeline(path: Path) -> None:
    timeline = load(path)
    assert loads(to_yaml(timeline, comment="one\ntwo")) == timeline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Blinken's visit!", "blinkens-visit", id="punctuation"),
        pytest.param("Zürich Über", "zurich-uber", id="accents"),
        pytest.param("北京", "event", id="no-ascii"),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


# --- properties: export then import gives the same carried fields ------------------------

_text = (
    st.text(
        alphabet=st.characters(categories=["L", "N", "P", "S", "Zs"]),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
_item = _text.filter(lambda s: s == s.strip())
_dates = st.sampled_from(
    ["2018", "2023-02", "2023-06-18", "2023-22", "2023-24", "201X", "2023-06~", "2023?",
     "2023-06-18/2023-06-19", "2023-06-18/..", "2023-02/2023-04"]
)  # fmt: skip


@st.composite
def _timelines(draw: st.DrawFn) -> Timeline:
    tracks = draw(st.lists(_item, min_size=1, max_size=3, unique=True))
    count = draw(st.integers(min_value=1, max_value=5))
    events = []
    for n in range(count):
        # A date, a date and the planned one, or only a planned date.
        date_text, planned = draw(
            st.tuples(_dates, st.none() | _dates) | st.tuples(st.none(), _dates)
        )
        events.append(
            {
                "id": f"e{n}",
                "title": draw(_text),
                "date": date_text,
                "planned": planned,
                "track": draw(st.sampled_from(tracks)),
                "status": draw(st.sampled_from(["happened", "planned", "postponed", "cancelled"])),
                "tags": draw(st.lists(_item, max_size=3, unique=True)),
                "place": draw(st.none() | _text),
                "description": draw(st.none() | _text),
            }
        )
    return Timeline.model_validate({"title": draw(_text), "tracks": tracks, "events": events})


_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(_timelines())
def test_property_csv_round_trip(timeline: Timeline) -> None:
    back = from_csv(to_csv(timeline))
    names = ("id", "title", "date", "planned", "status", "track", "tags", "place", "description")
    assert {e.id: _fields(e, names) for e in back.events} == {
        e.id: _fields(e, names) for e in timeline.events
    }


@_SETTINGS
@given(_timelines())
def test_property_timelinejs_round_trip(timeline: Timeline) -> None:
    back = from_timelinejs(to_timelinejs(timeline))
    assert back.title == timeline.title
    assert {e.id: _placed(e, TIMELINEJS_FIELDS) for e in back.events} == {
        e.id: _placed(e, TIMELINEJS_FIELDS) for e in timeline.events
    }


@_SETTINGS
@given(_timelines())
def test_property_ics_round_trip(timeline: Timeline) -> None:
    back = from_ics(to_ics(timeline, stamp=STAMP))
    assert {e.id: _placed(e, ICS_FIELDS) for e in back.events} == {
        e.id: _placed(e, ICS_FIELDS) for e in timeline.events
    }


@_SETTINGS
@given(_timelines())
def test_property_yaml_round_trip(timeline: Timeline) -> None:
    assert loads(to_yaml(timeline)) == timeline


@given(st.lists(_item, max_size=5))
def test_property_list_cells_round_trip(items: list[str]) -> None:
    assert split_list(join_list(items)) == items


@pytest.mark.parametrize("text", ["C:\\New", "a\\Nb", "semi;colon, comma\\", "two\nlines"])
def test_ics_keeps_backslashes_and_separators_in_text(text: str) -> None:
    timeline = Timeline(
        title="t",
        tracks=("a",),
        events=(
            Event(id="e", title=text, date="2023-06", track="a", place=text, tags=(text, "x")),
        ),
    )
    back = from_ics(to_ics(timeline)).events[0]
    assert (back.title, back.place, back.tags) == (text, text, (text, "x"))
