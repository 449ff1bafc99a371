"""Event candidates from one article, on small texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract import extract, extract_candidates
from timeline.lexicon import load_lexicon
from timeline.models import Event

REFERENCE = date(2023, 6, 20)  # a Tuesday


def _one(text: str, *, reference: date | None = REFERENCE) -> Event:
    events = [e for e in extract(text, reference=reference, source="doc") if e.date is not None]
    assert len(events) == 1, events
    return events[0]


def test_a_meeting_with_its_day_actors_place_and_span() -> None:
    text = "Some preamble here.\nAnn Lee met Bo Chan in Paris on 3 May 2021. Nothing else."
    event = _one(text)
    assert str(event.date) == "2021-05-03"
    assert event.actors == ("Ann Lee", "Bo Chan")
    assert event.place == "Paris"
    assert event.status == "happened"
    assert event.track == "Visits and meetings"
    assert event.origin == "extracted"
    assert event.confidence is not None and 0 < event.confidence <= 1
    (ref,) = event.sources
    assert ref.source == "doc" and ref.span is not None
    assert text[ref.span[0] : ref.span[1]] == "Ann Lee met Bo Chan in Paris on 3 May 2021."
    assert event.title == "Lee meets Bo Chan in Paris"


def test_a_month_stays_a_month() -> None:
    event = _one("President Ann Lee visited Kyiv in February 2023.")
    assert str(event.date) == "2023-02"
    assert event.title == "Lee visits Kyiv"


def test_a_future_summit_is_planned() -> None:
    event = _one("The two leaders are expected to attend the summit in Rome in October.")
    assert str(event.date) == "2023-10"
    assert event.status == "planned"
    assert event.place == "Rome"
    assert event.track == "Summits"


def test_a_postponed_trip_keeps_the_past_month() -> None:
    event = _one("Ann Lee was scheduled to travel in February, but the trip was postponed.")
    assert str(event.date) == "2023-02"
    assert event.status == "postponed"
    assert event.actors == ("Ann Lee",)


def test_a_cancelled_visit() -> None:
    event = _one("The visit of Ann Lee to Rome in March 2022 was called off.")
    assert event.status == "cancelled"


def test_relative_dates_resolve_against_the_reference() -> None:
    event = _one("Ann Lee on Monday met Bo Chan.")
    assert str(event.date) == "2023-06-19"


def test_without_a_reference_relative_dates_stay_unresolved() -> None:
    events = extract("Ann Lee on Monday met Bo Chan.", reference=None, source="doc")
    assert [e for e in events if e.date is not None] == []
    assert str(_one("Ann Lee met Bo Chan on 3 May 2021.", reference=None).date) == "2021-05-03"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ann Lee is the first envoy to visit Rome since 2018.", id="since"),
        pytest.param("Ann Lee now meets Bo Chan every week.", id="present-ref"),
        pytest.param("Ann Lee met Bo Chan for two days.", id="duration"),
        pytest.param("The weather in Rome was fine on 3 May 2021.", id="no-trigger"),
    ],
)
def test_no_event(text: str) -> None:
    assert [e for e in extract(text, reference=REFERENCE, source="d") if e.date] == []


def test_he_is_the_last_person_named() -> None:
    text = "Ann Lee arrived late. On Monday, he held a meeting with Bo Chan."
    event = _one(text)
    assert event.actors == ("Ann Lee", "Bo Chan")


def test_a_two_day_visit_that_ended_on_a_day_is_an_interval() -> None:
    event = _one("Ann Lee concluded his two-day visit to Rome on Monday.")
    assert str(event.date) == "2023-06-18/2023-06-19"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ann Lee visited Rome on June 18-19, 2021.", id="dash"),
        pytest.param("Ann Lee visited Rome on June 18 and 19, 2021.", id="and"),
        pytest.param("Ann Lee visited Rome from June 18 to June 19, 2021.", id="from-to"),
    ],
)
def test_a_range_of_days_is_one_interval(text: str) -> None:
    assert str(_one(text).date) == "2021-06-18/2021-06-19"


def test_two_days_in_different_clauses_are_no_range() -> None:
    text = "Ann Lee met Bo Chan in Rome on June 12 and flew to Paris on June 19."
    dates = {str(e.date) for e in extract(text, reference=REFERENCE, source="doc")}
    assert "2023-06-12/2023-06-19" not in dates


def test_an_event_some_days_later_takes_the_day_it_reaches() -> None:
    text = "Ann Lee arrived in Rome on 3 May 2021. Two days later, she met Bo Chan."
    events = [e for e in extract(text, reference=REFERENCE, source="d") if e.date is not None]
    assert [(str(e.date), e.actors) for e in events] == [
        ("2021-05-03", ("Ann Lee",)),
        ("2021-05-05", ("Ann Lee", "Bo Chan")),
    ]


def test_several_events_in_one_sentence_each_take_their_clause() -> None:
    text = (
        "The trip was initially scheduled for February, after the talks last November "
        "between Ann Lee and Bo Chan in Jakarta."
    )
    events = sorted(
        (e for e in extract(text, reference=REFERENCE, source="d") if e.date),
        key=lambda e: str(e.date),
    )
    assert [(str(e.date), e.status) for e in events] == [
        ("2022-11", "happened"),
        ("2023-02", "postponed"),
    ]
    assert events[0].actors == ("Ann Lee", "Bo Chan")


def test_a_meeting_without_a_date_takes_the_day_of_the_sentence_before() -> None:
    text = "On Sunday, the ministry hailed the talks. Ann Lee met Bo Chan at a villa in Rome."
    meeting = [e for e in extract(text, reference=REFERENCE, source="d") if "Bo Chan" in e.actors]
    assert [str(e.date) for e in meeting] == ["2023-06-18"]


@pytest.mark.parametrize(
    ("text", "kind"), [pytest.param(t, k, id=k) for t, k in load_lexicon().examples]
)
def test_lexicon_examples(text: str, kind: str) -> None:
    events = extract(text, reference=REFERENCE, source="d")
    assert [e.tags[0] for e in events if e.date is not None] == [kind]


def test_an_invitation_looks_ahead_to_the_next_such_month() -> None:
    event = _one("Ann Lee was invited to Rome in March for the summit.")
    assert str(event.date) == "2024-03"
    assert event.status == "planned"


def test_candidates_come_with_the_article_spellings_of_names() -> None:
    found = extract_candidates(
        "Secretary Ann Lee met Bo Chan in Rome on 3 May 2021.", reference=None, source="d"
    )
    assert [e.title for e in found.events] == ["Lee meets Bo Chan in Rome"]
    assert [(s.name, s.titled) for s in found.spellings] == [("Ann Lee", True), ("Bo Chan", False)]
