"""Names in a text: runs of capitalised words, titles split off, single words resolved."""

from __future__ import annotations

import pytest

from timeline.lexicon import load_lexicon
from timeline.names import find_names, name_key, spellings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Chinese President Xi Jinping spoke.",
            [("Xi Jinping", "person", "president")],
            id="title-and-demonym",
        ),
        pytest.param(
            "They met in the Great Hall of the People.",
            [("Great Hall of the People", "place", "")],
            id="connectors",
        ),
        pytest.param(
            "Xi's visit to Beijing.",
            [("Xi", "single", ""), ("Beijing", "place", "")],
            id="possessive",
        ),
        pytest.param(
            "Blinken Met Wang Yi.",
            [("Blinken", "single", ""), ("Wang Yi", "person", "")],
            id="trigger-splits-a-headline-run",
        ),
        pytest.param(
            "The State Department said.",
            [("State Department", "organisation", "")],
            id="organisation",
        ),
        pytest.param(
            "Ann Lee met Ms. Ó Briain.",
            [("Ann Lee", "person", ""), ("Ó Briain", "person", "")],
            id="non-ascii",
        ),
    ],
)
def test_names(text: str, expected: list[tuple[str, str, str]]) -> None:
    names = find_names(text, load_lexicon())
    assert [(n.text, n.kind, n.title) for n in names] == expected
    assert all(text[n.start : n.end] == n.text for n in names)


def test_a_possessive_is_marked() -> None:
    (name,) = find_names("Ann Lee's trip.", load_lexicon())
    assert (name.text, name.possessive) == ("Ann Lee", True)


def test_single_words_become_the_full_name() -> None:
    names = find_names("Secretary Ann Lee arrived. Lee met Bo Chan.", load_lexicon())
    assert [n.text for n in names] == ["Ann Lee", "Ann Lee", "Bo Chan"]


def test_name_keys_meet_across_spellings() -> None:
    assert name_key("Antony Blinken") == name_key("Anthony Blinken")


def test_spellings_are_full_names_written_out_with_their_titles() -> None:
    text = "Mayor Ann Lee met Foreign Minister Bo Chan. Chan and Ann Lee left."
    found = spellings(text, find_names(text, load_lexicon()), "a")
    assert [(s.source, s.name, s.titled) for s in found] == [
        ("a", "Ann Lee", True),
        ("a", "Bo Chan", True),
    ]
