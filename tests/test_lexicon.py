"""The event lexicon: the shipped data loads and the checks reject bad data."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.errors import RuleDataError
from timeline.lexicon import _compile, _words_re, load_lexicon


def test_the_shipped_lexicon_has_four_tracks_and_examples() -> None:
    lexicon = load_lexicon()
    assert lexicon.track_names == ("Visits and meetings", "Summits", "Incidents", "Statements")
    assert {kind for _, kind in lexicon.examples} == set(lexicon.tracks)
    assert lexicon.triggers["held talks"].kind == "meeting"
    assert "held" in lexicon.first_words


def _data(**kinds: object) -> dict[str, object]:
    return {
        "kinds": kinds,
        "status": {"cancelled": ["x"], "postponed": ["y"], "planned": ["z"]},
    }


def test_a_word_under_two_kinds_is_rejected() -> None:
    data = _data(a={"track": "A", "nouns": ["visit"]}, b={"track": "B", "nouns": ["visit"]})
    with pytest.raises(RuleDataError, match="'visit' is listed under both"):
        _compile(data, "test.toml", "en")


def test_duplicates_in_a_list_are_rejected() -> None:
    with pytest.raises(RuleDataError, match="duplicate entries"):
        _compile(_data(a={"track": "A", "nouns": ["x", "x"]}), "test.toml", "en")


def test_a_kind_needs_a_track() -> None:
    with pytest.raises(RuleDataError, match=r"kinds\.a needs a 'track'"):
        _compile(_data(a={"nouns": ["x"]}), "test.toml", "en")


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.text("abc -", max_size=5).map(str.strip).filter(bool), min_size=1),
    text=st.text("abc -\n.", max_size=40),
)
def test_the_trie_regex_finds_what_a_flat_alternation_finds(words: list[str], text: str) -> None:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    flat = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    expected = re.compile(rf"(?<![\w-])(?:{flat})(?![\w-])")
    found = _words_re(words)
    assert [m.span() for m in found.finditer(text)] == [m.span() for m in expected.finditer(text)]


def test_noun_headlines_name_known_nouns_and_placeholders() -> None:
    lexicon = load_lexicon()
    assert lexicon.triggers["trip"].headline == "visits {place}"
    assert lexicon.triggers["met"].headline == "meets"
    bad_noun = _data(a={"track": "A", "nouns": ["x"], "noun_headlines": {"y": "does"}})
    with pytest.raises(RuleDataError, match="'y' is not one of its nouns"):
        _compile(bad_noun, "test.toml", "en")
    bad_slot = _data(a={"track": "A", "nouns": ["x"], "noun_headlines": {"x": "goes to {city}"}})
    with pytest.raises(RuleDataError, match=r"unknown placeholder\(s\) \['city'\]"):
        _compile(bad_slot, "test.toml", "en")
