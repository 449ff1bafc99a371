"""Selecting events by date range, track, tag and actor (timeline.filters)."""

from pathlib import Path

import pytest

from timeline.dates import parse_edtf
from timeline.filters import Selection, select
from timeline.io import load
from timeline.models import Timeline

ROOT = Path(__file__).resolve().parent.parent
LATE = ["script-title", "javascript-url", "open-ended"]


@pytest.fixture
def shipped() -> Timeline:
    return load(ROOT / "events.yaml")


@pytest.fixture
def hostile() -> Timeline:
    return load(ROOT / "tests" / "data" / "hostile.yaml")


def _ids(timeline: Timeline) -> list[str]:
    return [event.id for event in timeline.events]


def test_the_empty_selection_keeps_the_same_timeline(shipped: Timeline) -> None:
    assert select(shipped, Selection()) is shipped


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        pytest.param("2023-06-18", None, ["img-title", *LATE], id="from-a-day"),
        pytest.param("2023-06-19", "2023-06-19", LATE, id="one-day"),
        pytest.param(None, "2022", ["season-event"], id="to-a-year"),
        pytest.param("2023-07", None, ["open-ended"], id="open-end-reaches-on"),
        pytest.param("2024", "2024", ["open-ended"], id="only-the-open-end"),
    ],
)
def test_a_date_range_keeps_events_that_overlap_it(
    hostile: Timeline, start: str | None, end: str | None, expected: list[str]
) -> None:
    selection = Selection(
        start=parse_edtf(start) if start else None, end=parse_edtf(end) if end else None
    )
    assert _ids(select(hostile, selection)) == expected


def test_a_date_range_drops_undated_events(hostile: Timeline) -> None:
    kept = select(hostile, Selection(start=parse_edtf("0001")))
    assert "no-date" not in _ids(kept)
    assert len(kept.events) == len(hostile.events) - 1


def test_tracks_narrow_the_lanes_in_file_order(shipped: Timeline) -> None:
    kept = select(shipped, Selection(tracks=("Frictions", "Diplomatic visits")))
    assert kept.tracks == ("Diplomatic visits", "Frictions")
    assert {e.track for e in kept.events} == {"Diplomatic visits", "Frictions"}
    assert kept.sources == shipped.sources


def test_tags_and_actors_ignore_case_and_combine_with_and(shipped: Timeline) -> None:
    by_actor = select(shipped, Selection(actors=("antony blinken",)))
    assert by_actor.events
    assert all("Antony Blinken" in e.actors for e in by_actor.events)
    both = select(shipped, Selection(actors=("Antony Blinken",), tags=("VISIT",)))
    assert set(_ids(both)) == {e.id for e in by_actor.events if "visit" in e.tags}


def test_a_name_that_matches_nothing_gives_no_events(shipped: Timeline) -> None:
    assert select(shipped, Selection(tags=("no-such-tag",))).events == ()


def test_an_event_with_only_a_planned_date_is_placed_there() -> None:
    from timeline.io import loads

    timeline = loads(
        "title: t\ntracks: [a]\nevents:\n"
        "- {id: p, title: P, track: a, status: postponed, planned: 2023-02}\n"
    )
    assert _ids(select(timeline, Selection(start=parse_edtf("2023")))) == ["p"]
    assert _ids(select(timeline, Selection(start=parse_edtf("2023-03")))) == []
