"""Tests for the TempEval scorer: counts on small made-up documents, and a smoke test on three
TimeBank documents (skipped without the corpus)."""

from __future__ import annotations

from datetime import date

import pytest

from bench.timex import (
    Document,
    GoldTimex,
    Score,
    format_rules,
    read_corpus,
    score_corpus,
    score_document,
)
from tests.conftest import shared_folder
from timeline import Mention

TEMPEVAL = shared_folder("tempeval")


@pytest.mark.skipif(TEMPEVAL is None, reason="../shared/tempeval is not present")
def test_scorer_gives_sane_figures_on_three_documents() -> None:
    assert TEMPEVAL is not None
    docs = read_corpus(TEMPEVAL / "TimeBank", limit=3)
    assert len(docs) == 3
    for doc in docs:
        for gold in doc.gold:
            assert doc.text[gold.start : gold.end].strip()
    score = score_corpus(docs)
    assert score.gold > 0
    assert 0.5 < score.relaxed_prf[2] <= 1.0
    assert 0.0 < score.value_f1 <= score.relaxed_prf[2]
    assert score.strict <= score.relaxed <= min(score.gold, score.system)


def _mention(text: str, phrase: str, value: str, rule_id: str) -> Mention:
    start = text.index(phrase)
    return Mention(
        start=start, end=start + len(phrase), text=phrase, type="DATE", value=value, rule_id=rule_id
    )


def test_a_document_scores_exact_overlapping_and_false_mentions_apart() -> None:
    text = "They met on Monday, early last week, on Friday and Sunday."
    gold = tuple(
        GoldTimex(text.index(p), text.index(p) + len(p), "DATE", v)
        for p, v in (("Monday", "1998-05-04"), ("last week", "1998-W18"))
    )
    doc = Document("doc", text, date(1998, 5, 5), gold)
    found = [
        _mention(text, "Monday", "1998-05-04", "weekday"),  # exact, right value
        _mention(text, "early last week", "1998-W19", "week"),  # overlaps, wrong value
        _mention(text, "Friday", "1998-05-01", "weekday"),  # no gold: a false hit
        _mention(text, "Sunday", "1998-05-03", "weekday"),  # another
    ]
    score = Score()
    score_document(doc, found, score)
    assert (score.gold, score.system, score.strict, score.relaxed) == (2, 4, 1, 2)
    assert (score.value_ok, len(score.wrong), len(score.false_hits), score.misses) == (1, 1, 2, [])
    assert score.value_f1 == pytest.approx(score.relaxed_prf[2] * 0.5)
    weekday, week = score.by_rule["weekday"], score.by_rule["week"]
    assert (weekday.found, weekday.strict, weekday.value_ok, weekday.false_hits) == (3, 1, 1, 2)
    assert (week.found, week.strict, week.value_ok, week.errors) == (1, 0, 0, 1)
    rows = [line.split()[0] for line in format_rules(score).splitlines()[1:]]
    assert rows == ["weekday", "week"]  # most errors first


def test_a_gold_mention_left_unfound_is_a_miss() -> None:
    text = "It rained in May."
    start = text.index("May")
    doc = Document("doc", text, date(1998, 6, 1), (GoldTimex(start, start + 3, "DATE", "1998-05"),))
    score = Score()
    score_document(doc, [], score)
    assert len(score.misses) == 1 and score.relaxed_prf == (0.0, 0.0, 0.0)
