"""The article index of the extraction rules: names, dates and triggers found by position."""

from __future__ import annotations

from datetime import date

from timeline.extract_document import find_triggers, read_document
from timeline.lexicon import load_lexicon
from timeline.sentences import split_sentences


def test_two_word_triggers_win_and_attributions_are_skipped() -> None:
    found = find_triggers("They held talks, according to a statement.", load_lexicon())
    assert [(f.word, f.trigger.kind) for f in found] == [("held talks", "meeting")]


def test_lookups_by_position() -> None:
    text = "Ann Lee arrived. On Monday, he met Bo Chan."
    doc = read_document(text, reference=date(2023, 6, 20), source="d", lexicon=load_lexicon())
    second = split_sentences(text)[1]
    assert [f.word for f in doc.triggers_of(second)] == ["met"]
    assert [n.text for n in doc.names_in(second.start, second.end)] == ["Bo Chan"]
    assert doc.last_person_before(second.start) == "Ann Lee"
    assert doc.topic == "Ann Lee"
    assert [m.value for m in doc.mentions] == ["2023-06-19"]


def test_without_a_reference_only_absolute_dates_are_kept() -> None:
    text = "Ann Lee met Bo Chan on Monday and on 3 May 2021."
    doc = read_document(text, reference=None, source="d", lexicon=load_lexicon())
    assert [m.value for m in doc.mentions] == ["2021-05-03"]


def test_attributions_are_skipped_in_any_case() -> None:
    found = find_triggers("ACCORDING TO the statement, Ann Lee met Bo Chan.", load_lexicon())
    assert [f.word for f in found] == ["met"]
