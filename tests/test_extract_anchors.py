"""Which trigger a date anchors: the rules of timeline.extract_anchors, one example each."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract_anchors import attach, clause_breaks, gap
from timeline.extract_document import read_document
from timeline.lexicon import load_lexicon
from timeline.sentences import split_sentences


def test_a_name_and_a_date_count_as_one_word_each() -> None:
    assert gap("met Bo Chan on 3 May", 0, 20, [(4, 11), (15, 20)]) == 4
    assert gap("anything", 5, 5, []) == 0


@pytest.mark.parametrize(
    ("text", "word", "rule"),
    [
        pytest.param("Ann Lee made the October 2018 trip to Rome.", "trip", 1, id="noun-after"),
        pytest.param("On Monday, Ann Lee held talks with Bo Chan.", "held talks", 2, id="opens"),
        pytest.param("Ann Lee on Monday met Bo Chan.", "met", 3, id="subject-verb"),
        pytest.param("Ann Lee met Bo Chan in Rome on Monday.", "met", 4, id="left"),
    ],
)
def test_the_rule_that_anchors_a_date(text: str, word: str, rule: int) -> None:
    doc = read_document(text, reference=date(2023, 6, 20), source="d", lexicon=load_lexicon())
    (sentence,) = split_sentences(text)
    (mention,) = doc.mentions
    collapsed = sorted(
        [(n.start, n.end) for n in doc.names] + [(m.start, m.end) for m in doc.mentions]
    )
    breaks = clause_breaks(text, sentence)
    chosen = attach(doc, mention, doc.triggers_of(sentence), breaks, collapsed, sentence)
    assert chosen is not None
    assert (chosen[0].word, chosen[1]) == (word, rule)


def test_clauses_break_at_semicolons_and_but() -> None:
    text = "Ann Lee met Bo Chan; the trip was long, but it ended."
    (sentence,) = split_sentences(text)
    assert [text[b] for b in clause_breaks(text, sentence)] == [";", ","]
