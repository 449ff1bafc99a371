"""Headlines of event candidates, on small texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract import extract
from timeline.extract_titles import plural

REFERENCE = date(2023, 6, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Ann Lee met Bo Chan in Paris on 3 May 2021.", "Lee meets Bo Chan in Paris", id="verb"
        ),
        pytest.param(
            "Wen Bo arrived. On Monday, Wen met Ann Lee.",
            "Wen meets Ann Lee",
            id="the-word-the-text-uses-alone",
        ),
        pytest.param(
            "The 2019 trip of Ann Lee to Rome was long.", "Lee visits Rome", id="noun-with-place"
        ),
        pytest.param(
            "Ann Lee hailed the new bridge on Monday.", "Lee hails the new bridge", id="verb-object"
        ),
        pytest.param(
            "Ann Lee stated on Monday that the two towns have settled their long quarrel.",
            "Lee says the two towns have settled their long quarrel",
            id="statement-content",
        ),
        pytest.param(
            "Ann Lee and Bo Chan attended the summit in Rome in May 2022.",
            "Lee and Chan attend the summit in Rome",
            id="two-subjects",
        ),
        pytest.param(
            "The meeting in May 2022 between Ann Lee and Bo Chan was short.",
            "Lee meets Bo Chan",
            id="meeting-between",
        ),
        pytest.param(
            "Ann Lee's trip in February was postponed.",
            "Lee's trip (postponed)",
            id="noun-without-its-place",
        ),
        pytest.param(
            "Ann Lee gave a speech in Rome in May 2022.",
            "Lee gives a speech in Rome",
            id="noun-headline",
        ),
        pytest.param(
            "The G20 summit in Rome in May 2022 ended.", "G20 summit in Rome", id="no-subject"
        ),
    ],
)
def test_titles_read_like_headlines(text: str, expected: str) -> None:
    titles = [e.title for e in extract(text, reference=REFERENCE, source="d") if e.date]
    assert titles == [expected]


def test_plural_verbs() -> None:
    assert [plural(v) for v in ("visits", "clashes with", "has", "agrees")] == [
        "visit",
        "clash with",
        "have",
        "agree",
    ]


def test_a_plan_that_fell_through_is_named_not_told() -> None:
    text = "Ann Lee was scheduled to travel in February, but the plan was postponed."
    titles = [e.title for e in extract(text, reference=REFERENCE, source="d") if e.date]
    assert titles == ["Lee's visit (postponed)"]
