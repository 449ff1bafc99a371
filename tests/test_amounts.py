"""Tests for timeline.amounts: amounts in words and digits, spoken years, ISO durations."""

from __future__ import annotations

import pytest

from timeline.amounts import amount, duration, year_of
from timeline.rules import load_rules

RULES = load_rules("en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("twenty-four", 24.0, id="words"),
        pytest.param("1,500", 1500.0, id="digits"),
        pytest.param("2 1/2", 2.5, id="mixed-number"),
        pytest.param("a few", None, id="vague"),
        pytest.param("two thousand five hundred", 2500.0, id="thousands-then-hundreds"),
        pytest.param("one hundred and five", 105.0, id="hundred-and"),
    ],
)
def test_amount(text: str, expected: float | None) -> None:
    assert amount(RULES, text) == expected


def test_spoken_year() -> None:
    assert year_of(RULES, "nineteen ninety-six") == 1996


@pytest.mark.parametrize(
    ("num", "unit", "extra", "expected"),
    [
        pytest.param("three", "years", 0.0, "P3Y", id="whole"),
        pytest.param("2 1/2", "years", 0.0, "P2Y6M", id="mixed-years"),
        pytest.param("5 1/2", "hours", 0.0, "PT5H30M", id="mixed-hours"),
        pytest.param("a", "minute", 0.5, "PT1M30S", id="and-a-half"),
        pytest.param("half a", "day", 0.0, "PT12H", id="fraction-only"),
        pytest.param("two", "months", 0.5, "P2.5M", id="decimal-months"),
        pytest.param("three", "weeks", 0.5, "P3.5W", id="decimal-weeks"),
        pytest.param("half a", "second", 0.0, "PT0.5S", id="decimal-seconds"),
        pytest.param("two", "quarters", 0.0, "P6M", id="quarters"),
        pytest.param("several", "weeks", 0.0, "PXW", id="unknown"),
    ],
)
def test_duration(num: str, unit: str, extra: float, expected: str) -> None:
    assert duration(RULES, num, unit, extra=extra) == expected
