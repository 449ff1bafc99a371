"""Tests for timeline.normalise.points: periods at a granularity, their TimeML values and moves."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.normalise.points import (
    CENTURY,
    DAY,
    DECADE,
    HALF,
    MONTH,
    QUARTER,
    SEASON,
    WEEK,
    WEEKEND,
    YEAR,
    Point,
    finer_or_equal,
    move_day,
    point_of,
    quarter_closing,
    shift,
)

GRANULARITIES = (CENTURY, DECADE, YEAR, HALF, SEASON, QUARTER, MONTH, WEEK, WEEKEND, DAY)
DAYS = st.dates(min_value=date(1000, 1, 1), max_value=date(8999, 12, 31))


@pytest.mark.parametrize(
    ("granularity", "value"),
    [
        (CENTURY, "20"),
        (DECADE, "202X"),
        (YEAR, "2023"),
        (HALF, "2023-H1"),
        (SEASON, "2023-SP"),
        (QUARTER, "2023-Q2"),
        (MONTH, "2023-05"),
        (WEEK, "2023-W19"),
        (WEEKEND, "2023-W19-WE"),
        (DAY, "2023-05-10"),
    ],
)
def test_a_point_writes_its_timeml_value(granularity: str, value: str) -> None:
    assert str(point_of(date(2023, 5, 10), granularity)) == value


def test_winter_belongs_to_the_december_it_starts_in() -> None:
    assert str(point_of(date(2024, 1, 15), SEASON)) == "2023-WI"
    assert str(point_of(date(2023, 12, 15), SEASON)) == "2023-WI"


@given(DAYS, st.sampled_from(GRANULARITIES))
def test_a_period_contains_the_day_it_was_taken_from(day: date, granularity: str) -> None:
    point = point_of(day, granularity)
    assert point.start <= day
    assert point_of(point.start, granularity) == point  # the first day names the same period
    assert day < shift(point, 1).start


@given(DAYS, st.sampled_from(GRANULARITIES), st.integers(min_value=-5, max_value=5))
def test_a_shift_back_undoes_a_shift_forward(day: date, granularity: str, count: int) -> None:
    point = point_of(day, granularity)
    assert shift(shift(point, count), -count) == point


@pytest.mark.parametrize(
    ("closing", "quarter"),
    [
        (date(1989, 9, 30), "1989-Q3"),
        (date(1989, 10, 1), "1989-Q3"),  # books closed on the Sunday after the quarter's end
        (date(1989, 7, 31), "1989-Q2"),  # a fiscal quarter a month off the calendar's
        (date(1989, 12, 31), "1989-Q4"),
    ],
)
def test_a_closing_day_reports_the_quarter_whose_end_is_nearest(
    closing: date, quarter: str
) -> None:
    assert str(quarter_closing(closing)) == quarter


def test_a_day_is_finer_than_a_month_and_a_month_than_a_year() -> None:
    assert finer_or_equal(DAY, MONTH) and finer_or_equal(MONTH, YEAR)
    assert finer_or_equal(WEEK, WEEK)
    assert not finer_or_equal(YEAR, QUARTER)
    assert Point(DAY, date(2023, 5, 10)) == point_of(date(2023, 5, 10), DAY)


def test_a_day_moves_by_calendar_units() -> None:
    assert move_day(date(2013, 3, 5), WEEK, 1) == date(2013, 3, 12)
    assert move_day(date(2013, 1, 31), MONTH, 1) == date(2013, 2, 28)
    assert move_day(date(2012, 2, 29), YEAR, -1) == date(2011, 2, 28)
    assert move_day(date(2013, 3, 5), WEEKEND, 1) is None
