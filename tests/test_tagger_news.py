"""Tests for timeline.tagger on real news: the sample articles in ``shared/seeds``.

Each article's publication date (its reference) comes from ``manifest.yaml``. The expected
values are worked out from the facts the articles report (a visit planned for February and
postponed, a summit in September, another in November, a trip in October 2018), not copied
from them; mentions are found by their text and value, never by offsets. Skipped when the
sample folder is absent.
"""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from tests.conftest import shared_folder
from timeline import Mention, tag

SEEDS = shared_folder("seeds")

pytestmark = pytest.mark.skipif(SEEDS is None, reason="no shared/seeds folder beside the repo")


def _articles(published: date) -> list[list[Mention]]:
    """Return the mentions of every sample article published on ``published``."""
    assert SEEDS is not None
    manifest = yaml.safe_load((SEEDS / "manifest.yaml").read_text(encoding="utf-8"))
    found = []
    for entry in manifest["documents"]:
        when = entry["published"]
        when = when if isinstance(when, date) else date.fromisoformat(str(when))
        if when == published:
            text = (SEEDS / entry["file"]).read_text(encoding="utf-8")
            found.append(tag(text, reference=when))
    assert found, f"no sample article published on {published}"
    return found


def _pairs(published: date) -> list[set[tuple[str, str]]]:
    return [{(m.text, m.value) for m in mentions} for mentions in _articles(published)]


def test_sunday_article_resolves_months_either_way() -> None:
    # Published Sunday 18 June 2023. Of its articles, the one that reports the summits.
    (article,) = [p for p in _pairs(date(2023, 6, 18)) if ("September", "2023-09") in p]
    # The visit had been planned for February of this year and was postponed: not next year.
    assert ("February", "2023-02") in article
    assert ("February", "2024-02") not in article
    # "last November" is the November before publication.
    assert ("last November", "2022-11") in article
    # The November summit a leader was invited to is still ahead in June.
    assert ("November", "2023-11") in article
    assert ("November", "2022-11") not in article
    assert ("October 2018", "2018-10") in article
    # "on Saturday" in a Sunday article is the day before.
    assert ("Saturday", "2023-06-17") in article


def test_monday_in_tuesday_articles_is_the_day_before() -> None:
    # Published Tuesday 20 June 2023: "on Monday" is 19 June in every one of them.
    articles = _articles(date(2023, 6, 20))
    mondays = [m.value for mentions in articles for m in mentions if m.text == "Monday"]
    assert mondays, "the Tuesday articles mention Monday"
    assert set(mondays) == {"2023-06-19"}


def test_scheduled_month_in_a_past_report_is_the_past_one() -> None:
    # Published Monday 19 June 2023: a trip that had been scheduled for February.
    (article,) = _pairs(date(2023, 6, 19))
    assert ("February", "2023-02") in article
