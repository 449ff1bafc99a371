"""A smoke test of the TempEval scorer on three TimeBank documents (skipped without the corpus)."""

from __future__ import annotations

import pytest

from bench.timex import read_corpus, score_corpus
from tests.conftest import shared_folder

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
