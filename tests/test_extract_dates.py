"""Dates of event candidates: TIMEX3 values as EDTF, boundaries, plan readings, durations."""

from __future__ import annotations

from datetime import date

import pytest

from timeline import tag
from timeline.extract_dates import day_ranges, is_boundary, timex_to_edtf
from timeline.extract_document import read_document
from timeline.lexicon import load_lexicon


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2023-06-19", "2023-06-19", id="day"),
        pytest.param("2023-06-19T14:00", "2023-06-19", id="time"),
        pytest.param("2023-02", "2023-02", id="month"),
        pytest.param("2018", "2018", id="year"),
        pytest.param("199", "199X", id="decade"),
        pytest.param("199X", "199X", id="decade-x"),
        pytest.param("19", "19XX", id="century"),
        pytest.param("2023-W25", "2023-06-19/2023-06-25", id="week"),
        pytest.param("2023-W25-WE", "2023-06-24/2023-06-25", id="weekend"),
        pytest.param("2023-Q1", "2023-01/2023-03", id="quarter"),
        pytest.param("2023-H2", "2023-07/2023-12", id="half"),
        pytest.param("2023-SU", "2023-22", id="summer"),
        pytest.param("2023-WI", "2023-24", id="winter"),
    ],
)
def test_timex_values_become_edtf(value: str, expected: str) -> None:
    assert str(timex_to_edtf(value)) == expected


@pytest.mark.parametrize(
    "value", ["PRESENT_REF", "PAST_REF", "FUTURE_REF", "P2D", "PXY", "XXXX-06", "2023-W54"]
)
def test_references_durations_and_unresolved_values_are_no_dates(value: str) -> None:
    assert timex_to_edtf(value) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The first visit since 2018.", True, id="since"),
        pytest.param("Talks until June 2024.", True, id="until"),
        pytest.param("The visit in 2018.", False, id="in"),
    ],
)
def test_the_edge_of_a_period_is_a_boundary(text: str, expected: bool) -> None:
    doc = read_document(text, reference=date(2023, 6, 20), source="d", lexicon=load_lexicon())
    (mention,) = doc.mentions
    assert is_boundary(doc, mention) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("talks on June 18-19", ["2023-06-18/2023-06-19"], id="dash"),
        pytest.param("the summit on April 24 and 25.", ["2023-04-24/2023-04-25"], id="and"),
        pytest.param("between May 3 and May 5", ["2023-05-03/2023-05-05"], id="two-dates"),
        pytest.param("on May 5 and May 3", [], id="backwards"),
        pytest.param("on May 3, and later on May 5", [], id="apart"),
        pytest.param("on Jan. 3 and Aug. 5", [], id="too-far"),
    ],
)
def test_day_ranges(text: str, expected: list[str]) -> None:
    found = day_ranges(text, tag(text, reference=date(2023, 6, 20)))
    assert [str(days) for _, days in found.values()] == expected
