"""Roles of the clause around a trigger: subject, objects, place, qualifiers and status."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import PartialDate
from timeline.extract_document import read_document
from timeline.extract_roles import Parts, parts, status
from timeline.lexicon import load_lexicon


def _parts(text: str, word: str) -> Parts:
    doc = read_document(text, reference=date(2023, 6, 20), source="d", lexicon=load_lexicon())
    found = next(f for f in doc.triggers if f.word == word)
    return parts(doc, (0, len(text)), found)


def test_subject_objects_and_place() -> None:
    roles = _parts("Ann Lee met Bo Chan in Rome.", "met")
    assert (roles.subject, roles.objects, roles.place) == (["Ann Lee"], ["Bo Chan"], ("in", "Rome"))


def test_he_is_the_last_person_named() -> None:
    roles = _parts("Ann Lee arrived. Then he met Bo Chan.", "met")
    assert roles.subject == ["Ann Lee"]


def test_the_agent_of_a_trip_makes_it() -> None:
    roles = _parts("It recalled the trip of his predecessor, Mike Pompeo.", "trip")
    assert (roles.subject, roles.objects) == (["Mike Pompeo"], [])


def test_qualifiers_of_a_noun_and_words_of_a_verb() -> None:
    assert _parts("The spy balloon incident.", "incident").modifiers == ["spy", "balloon"]
    assert _parts("Ann Lee hailed the talks.", "hailed").object_words == ["the", "talks"]


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        pytest.param("The trip was postponed.", PartialDate(2023, 2), "postponed", id="cue"),
        pytest.param("The summit in May.", PartialDate(2024, 5), "planned", id="after-dct"),
        pytest.param("The summit in May.", PartialDate(2023, 5), "happened", id="before-dct"),
    ],
)
def test_status(text: str, value: PartialDate, expected: str) -> None:
    doc = read_document(text, reference=date(2023, 6, 20), source="d", lexicon=load_lexicon())
    assert status(doc, (0, len(text)), value) == expected
