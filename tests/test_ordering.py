"""The documented event order (timeline.ordering)."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.io import load, loads
from timeline.models import Event, Timeline
from timeline.ordering import event_key, order, ordered

ROOT = Path(__file__).resolve().parent.parent
FILE = """\
title: Order
tracks: [a]
events:
  - {id: day, title: Day, date: 2023-06-18, track: a}
  - {id: undated, title: Undated, track: a, status: planned}
  - {id: month, title: Month, date: 2023-06, track: a}
  - {id: year, title: Year, date: 2023, track: a}
  - {id: span, title: Span, date: 2023-06-18/2023-06-19, track: a}
  - {id: same-day, title: Same day, date: 2023-06-18, track: a}
  - {id: earlier, title: Earlier, date: 2018-10, track: a}
"""


def test_events_sort_by_earliest_then_latest_then_precision_then_file_order() -> None:
    assert [e.id for e in ordered(loads(FILE))] == [
        "earlier",
        "year",
        "month",
        "day",
        "same-day",
        "span",
        "undated",
    ]


@given(st.permutations(loads(FILE).events))
def test_order_does_not_depend_on_file_order_up_to_ties(events: list[Event]) -> None:
    timeline = Timeline(title="t", tracks=("a",), events=tuple(events))
    keys = [event_key(e, 0)[:3] for e in ordered(timeline)]
    assert keys == sorted(keys)
    baseline = [event_key(e, 0)[:3] for e in ordered(loads(FILE))]
    assert keys == baseline


# The honest order: order(tl), with relations (timeline.ordering.order)

RELATED = """\
title: Honest order
tracks: [a]
events:
  - {id: reciprocal, title: R, track: a, status: planned,
     relations: [{type: after, event: agreed}]}
  - {id: month, title: M, date: 2023-06, track: a}
  - {id: agreed, title: A, date: 2023-06-18, track: a}
  - {id: talks, title: T, date: 2023-06-18, track: a, relations: [{type: before, event: agreed}]}
  - {id: early, title: E, date: 2023-01, track: a}
  - {id: loose, title: L, track: a}
"""


def test_order_places_an_undated_event_by_its_relations() -> None:
    result = order(loads(RELATED))
    ids = [item.event.id for item in result.events]
    assert ids == ["early", "month", "talks", "agreed", "reciprocal", "loose"]
    reciprocal = result.events[4]
    assert (reciprocal.earliest, reciprocal.latest) == (date(2023, 6, 18), None)
    assert reciprocal.after == ("agreed",)
    assert result.diagnostics == ()


def test_order_marks_what_it_does_not_know() -> None:
    marks = {item.event.id: item.order_unknown for item in order(loads(RELATED)).events}
    assert marks == {
        "early": False,  # first
        "month": False,  # January ends before June begins
        "talks": True,  # some day in June, unrelated to talks
        "agreed": False,  # talks is before it
        "reciprocal": False,  # after agreed
        "loose": True,  # no date, no relation
    }


def test_after_lists_the_latest_known_predecessors() -> None:
    after = {item.event.id: item.after for item in order(loads(RELATED)).events}
    assert after["month"] == ("early",)
    assert after["talks"] == ("early",)
    assert after["agreed"] == ("talks",)  # early is before talks, so it is left out
    assert after["loose"] == ()


def test_order_reports_contradictions_instead_of_raising() -> None:
    timeline = Timeline(
        title="t",
        tracks=("a",),
        events=(
            Event.model_validate(
                {
                    "id": "x",
                    "title": "X",
                    "date": "2023-07",
                    "track": "a",
                    "relations": [{"type": "before", "event": "y"}],
                }
            ),
            Event.model_validate({"id": "y", "title": "Y", "date": "2023-06", "track": "a"}),
        ),
    )
    result = order(timeline)
    assert [item.event.id for item in result.events] == ["y", "x"]
    assert [(p.path, p.severity) for p in result.diagnostics] == [
        (("events", 0, "relations", 0), "error")
    ]
    assert "'x' (2023-07) --before--> 'y' (2023-06)" in result.diagnostics[0].message


def test_order_result_is_frozen() -> None:
    result = order(loads(RELATED))
    with pytest.raises(AttributeError):
        result.events = ()  # type: ignore[misc]


def test_order_of_the_shipped_file_follows_the_relations() -> None:
    result = order(load(ROOT / "events.yaml"))
    ids = [item.event.id for item in result.events]
    assert ids.index("talks-wang-yi") < ids.index("meeting-xi-jinping")
    assert ids.index("meeting-xi-jinping") < ids.index("closing-press-conference")
    visit = next(i for i in result.events if i.event.id == "qin-reciprocal-visit")
    assert (visit.earliest, visit.latest) == (date(2023, 6, 18), None)
    assert "reciprocal-visit-agreed" in visit.after
    assert result.diagnostics == ()


@settings(max_examples=50, deadline=None)
@given(st.permutations(loads(RELATED).events))
def test_derived_windows_do_not_depend_on_file_order(events: list[Event]) -> None:
    timeline = Timeline(title="t", tracks=("a",), events=tuple(events))
    found = {i.event.id: (i.earliest, i.latest, i.after) for i in order(timeline).events}
    baseline = {i.event.id: (i.earliest, i.latest, i.after) for i in order(loads(RELATED)).events}
    assert found == baseline
