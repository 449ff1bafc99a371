"""Tests for timeline.tagger: values that depend on when a report was written.

The rule examples all resolve against one reference date; these cases need others: results
told early in a year, monthly figures, old dates named in passing, and stories told in years
long past. Each case names its publication date.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline import tag


def _value(text: str, published: date, mention: str) -> str:
    """The value of the mention written ``mention`` in ``text`` published on ``published``."""
    (found,) = [m for m in tag(text, reference=published) if m.text == mention]
    return found.value


@pytest.mark.parametrize(
    ("text", "published", "mention", "value"),
    [
        pytest.param(
            "For the full year, the bank earned a record $49.6 billion.",
            date(2024, 1, 12),
            "the full year",
            "2023",
            id="results-early-in-a-year",
        ),
        pytest.param(
            "The firm expects revenue to fall 20% from the fourth quarter.",
            date(2019, 1, 15),
            "the fourth quarter",
            "2018-Q4",
            id="compared-with-the-quarter-just-closed",
        ),
        pytest.param(
            "It will report results for the fourth quarter on Jan. 29.",
            date(2026, 1, 14),
            "the fourth quarter",
            "2025-Q4",
            id="results-for-the-quarter-just-closed",
        ),
        pytest.param(
            "It said sales in the December quarter would be about $84 billion.",
            date(2019, 1, 15),
            "the December quarter",
            "2018-Q4",
            id="sales-in-the-quarter-just-closed",
        ),
        pytest.param(
            "The firm expects the deal to close in the fourth quarter.",
            date(2019, 1, 15),
            "the fourth quarter",
            "2019-Q4",
            id="a-plan-for-the-quarter-to-come",
        ),
        pytest.param(
            "It reported fourth-quarter sales and will build 1.8 million cars this year, up"
            " from 1.3 million last year.",
            date(2023, 1, 26),
            "last year",
            "2022",
            id="last-year-after-this-year-in-results",
        ),
        pytest.param(
            "Shares have risen 10% since the start of the year.",
            date(2024, 3, 10),
            "the start of the year",
            "2024",
            id="the-year-outside-results-is-the-reports",
        ),
        pytest.param(
            "The company expects growth for the full year.",
            date(2024, 1, 12),
            "the full year",
            "2024",
            id="outlook-early-in-a-year",
        ),
        pytest.param(
            "The company expects the deal to close in the first quarter.",
            date(2022, 12, 19),
            "the first quarter",
            "2023-Q1",
            id="quarter-long-closed-is-next-years",
        ),
        pytest.param(
            "Prices in December rose 6.5% from a year earlier.",
            date(2023, 1, 12),
            "a year earlier",
            "2021-12",
            id="monthly-figure-a-year-back",
        ),
        pytest.param(
            "Prices were unchanged in April after rising 0.3% in March."
            " Compared with a year earlier, they rose 2.3%.",
            date(2012, 5, 15),
            "a year earlier",
            "2011-04",
            id="monthly-figure-after-a-month-compared",
        ),
    ],
)
def test_reports_speak_of_the_period_they_cover(
    text: str, published: date, mention: str, value: str
) -> None:
    assert _value(text, published, mention) == value


@pytest.mark.parametrize(
    ("text", "published", "mention", "value"),
    [
        pytest.param(
            "Founded on June 3, 2001, the firm said on July 12 that it would cut 200 jobs.",
            date(2023, 7, 20),
            "July 12",
            "2023-07-12",
            id="old-date-in-passing",
        ),
        pytest.param(
            "The army seized power on Sept. 11, 1973. On Sept. 10, thousands marched.",
            date(2023, 9, 12),
            "Sept. 10",
            "2023-09-10",
            id="anniversary",
        ),
        pytest.param(
            "The crisis began on Oct. 16, 1962. On Oct. 28, the ships turned back.",
            date(2023, 6, 20),
            "Oct. 28",
            "1962-10-28",
            id="story-long-past",
        ),
        pytest.param(
            "They were arrested on June 28, 2011. They were freed on July 5.",
            date(2012, 11, 29),
            "July 5",
            "2011-07-05",
            id="story-of-last-year",
        ),
        pytest.param(
            "Nixon resigned on Aug. 9, 1974. A month later, on Sept. 8, Ford pardoned him.",
            date(2023, 6, 20),
            "Sept. 8",
            "1974-09-08",
            id="story-after-a-month",
        ),
        pytest.param(
            "The offensive began in August 2022. In November, the troops withdrew.",
            date(2024, 2, 24),
            "November",
            "2022-11",
            id="story-told-on-by-months",
        ),
        pytest.param(
            "The senator, first elected in November 1980, announced in January that she would go.",
            date(2023, 6, 20),
            "January",
            "2023-01",
            id="a-month-inside-the-sentence-is-the-reports",
        ),
        pytest.param(
            "The law passed in March 1998. In May, the court struck it down.",
            date(2023, 6, 20),
            "May",
            "2023-05",
            id="a-month-named-in-passing-is-no-story",
        ),
    ],
)
def test_an_old_date_sets_the_year_only_of_a_story_told_in_an_earlier_year(
    text: str, published: date, mention: str, value: str
) -> None:
    assert _value(text, published, mention) == value
