"""The documented event order (timeline.ordering)."""

from hypothesis import given
from hypothesis import strategies as st

from timeline.io import loads
from timeline.models import Event, Timeline
from timeline.ordering import event_key, ordered

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
