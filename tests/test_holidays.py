"""Tests for timeline.holidays: fixed days, n-th and last weekdays, Easter, offsets, and the
feasts of lunar calendars a country observes."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.holidays import holiday_date, is_holiday_rule, is_listed
from timeline.rules import load_rules
from timeline.tagger import tag


@pytest.mark.parametrize(
    ("rule", "year", "expected"),
    [
        pytest.param("12-25", 2023, date(2023, 12, 25), id="fixed"),
        pytest.param("11-4-4", 1999, date(1999, 11, 25), id="fourth-thursday"),
        pytest.param("05-1-L", 2023, date(2023, 5, 29), id="last-monday"),
        pytest.param("12-1-L", 2023, date(2023, 12, 25), id="last-monday-december"),
        pytest.param("11-1-1+1", 2024, date(2024, 11, 5), id="day-after-first-monday"),
        pytest.param("E-2", 2000, date(2000, 4, 21), id="good-friday"),
        pytest.param("E", 2038, date(2038, 4, 25), id="latest-easter"),
        pytest.param("CN:Chinese New Year (Spring Festival)", 2023, date(2023, 1, 22), id="lunar"),
        pytest.param("IN:Diwali", 2022, date(2022, 10, 24), id="diwali"),
        pytest.param("AE:Eid al-Fitr", 2024, date(2024, 4, 10), id="eid"),
        pytest.param("AE:Eid al-Fitr", 2030, date(2030, 2, 4), id="eid-expected"),
        pytest.param("IL:Yom Kippur", 2023, date(2023, 9, 25), id="yom-kippur"),
        pytest.param("IL:Pesach-1", 2024, date(2024, 4, 22), id="eve-of-passover"),
    ],
)
def test_holiday_date(rule: str, year: int, expected: date) -> None:
    assert holiday_date(rule, year) == expected


def test_a_malformed_rule_names_no_day() -> None:
    assert holiday_date("Christmas", 2023) is None


@pytest.mark.parametrize(
    ("rule", "valid"),
    [
        pytest.param("12-25", True, id="fixed"),
        pytest.param("11-1-1+1", True, id="offset"),
        pytest.param("E-2", True, id="easter"),
        pytest.param("05-1-L", True, id="last"),
        pytest.param("Christmas", False, id="words"),
        pytest.param("13-01", False, id="month-13"),
        pytest.param("02-30", False, id="no-such-day"),
        pytest.param("02-29", False, id="not-every-year"),
        pytest.param("00-1-1", False, id="month-0"),
        pytest.param(1225, False, id="not-text"),
        pytest.param("IN:Diwali", True, id="a-country-feast"),
        pytest.param("IN", False, id="a-country-and-no-feast"),
    ],
)
def test_is_holiday_rule(rule: object, valid: bool) -> None:
    assert is_holiday_rule(rule) is valid


@pytest.mark.parametrize(
    ("rule", "listed"),
    [
        pytest.param("IN:Diwali", True, id="a-country-feast"),
        pytest.param("IN:Diwalli", False, id="a-feast-the-country-lists-not"),
        pytest.param("XX:Diwali", False, id="no-such-country"),
        pytest.param("12-25", True, id="not-a-country-feast"),
    ],
)
def test_is_listed(rule: str, listed: bool) -> None:
    assert is_listed(rule) is listed


def test_every_country_feast_in_the_lexicon_is_listed() -> None:
    # The loader reads a country's feast only for its form; a misspelt name is caught here.
    feasts = load_rules("en").lexicon["holiday"].values()
    assert [rule for rule in feasts if not is_listed(str(rule))] == []


def test_a_feast_in_a_year_its_calendar_does_not_keep_is_still_found() -> None:
    # The package keeps Diwali for recent years only: 1962 falls back to the nearest one kept.
    found = tag("In 1962, families lit lamps on Diwali.", reference=date(2023, 6, 20))
    assert [(m.text, m.value[:4]) for m in found] == [("1962", "1962"), ("Diwali", "2022")]


@pytest.mark.parametrize(
    ("text", "reference", "year"),
    [
        pytest.param("Talks will resume in the new year.", date(2023, 12, 29), "2024", id="ahead"),
        pytest.param("The new year began calmly.", date(2024, 1, 3), "2024", id="just-begun"),
        pytest.param("Fireworks welcomed the new year.", date(1999, 1, 1), "1999", id="on-the-day"),
        pytest.param("It will tour in the new year.", date(2024, 10, 29), "2025", id="later"),
    ],
)
def test_the_new_year_is_the_year_a_new_years_day_near_the_reference_opens(
    text: str, reference: date, year: str
) -> None:
    assert [(m.text.lower(), m.value) for m in tag(text, reference=reference)] == [
        ("the new year", year)
    ]


def test_a_feast_before_week_names_the_week_it_falls_in() -> None:
    # The unit is the week's, not the feast's: Easter 2000 fell on Sunday, April 23.
    found = tag("Pilgrims arrived as Easter week began.", reference=date(2000, 4, 17))
    assert [(m.text, m.value) for m in found] == [("Easter week", "2000-W16")]
