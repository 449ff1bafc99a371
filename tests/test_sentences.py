"""Sentence splitting: offsets, abbreviations, headlines without stops, paragraphs."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("One. Two! Three?", ["One.", "Two!", "Three?"], id="stops"),
        pytest.param(
            "Mr. Lee met Dr. Ng. They left.",
            ["Mr. Lee met Dr. Ng.", "They left."],
            id="abbreviations",
        ),
        pytest.param("The U.S. envoy left. Done.", ["The U.S. envoy left.", "Done."], id="u.s."),
        pytest.param(
            "John F. Kennedy spoke. Yes.", ["John F. Kennedy spoke.", "Yes."], id="initial"
        ),
        pytest.param(
            "A headline\nThe body starts.", ["A headline", "The body starts."], id="headline"
        ),
        pytest.param("He said “go.” Then left.", ["He said “go.”", "Then left."], id="quote"),
        pytest.param("It costs 3.5 million. Ok.", ["It costs 3.5 million.", "Ok."], id="decimal"),
        pytest.param(
            "Talks ended. “next” came.", ["Talks ended.", "“next” came."], id="open-quote"
        ),
    ],
)
def test_splits(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_paragraphs_count_lines_with_text() -> None:
    sentences = split_sentences("First. Second.\n\n  \nThird.")
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []


@given(st.text(alphabet=st.sampled_from("ab .!?\n“”'AB")))
def test_spans_are_the_trimmed_text_and_in_order(text: str) -> None:
    sentences = split_sentences(text)
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
    assert all(a.end <= b.start for a, b in pairwise(sentences))
