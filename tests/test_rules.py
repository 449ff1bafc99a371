"""Tests for timeline.rules: every rule's examples and counterexamples, and the data itself."""

from __future__ import annotations

import re
import tomllib
from importlib.resources import files

import pytest

from tests.conftest import seed_texts
from timeline import tag
from timeline.errors import RuleDataError
from timeline.rules import CompiledRule, RuleSet, load_rules, parse_rules, prefilter_pattern

RULES = load_rules("en")


def _example_cases() -> list[object]:
    return [
        pytest.param(rule, example, id=f"{rule.rule.id}:{example.text}")
        for rule in RULES.rules
        for example in rule.rule.examples
    ]


def _counterexample_cases() -> list[object]:
    return [
        pytest.param(rule, text, id=f"{rule.rule.id}:{text}")
        for rule in RULES.rules
        for text in rule.rule.counterexamples
    ]


@pytest.mark.parametrize(("rule", "example"), _example_cases())
def test_every_example_is_tagged_by_its_rule(rule: CompiledRule, example: object) -> None:
    text, value = example.text, example.value  # type: ignore[attr-defined]
    span = example.span or text  # type: ignore[attr-defined]
    if rule.rule.kind == "reject":
        start = text.index(span)
        assert rule.regex.match(text, start) is not None, f"{rule.rule.id} does not match {span!r}"
        found = tag(text, reference=RULES.reference)
        assert [m.text for m in found if m.start < start + len(span) and start < m.end] == []
        assert value == ""
        return
    found = [m for m in tag(text, reference=RULES.reference) if m.text == span]
    assert found, f"no mention {span!r} in {text!r}"
    (mention,) = found
    assert (mention.rule_id, mention.value) == (rule.rule.id, value)
    assert text[mention.start : mention.end] == span
    if example.type is not None:  # type: ignore[attr-defined]
        assert mention.type == example.type  # type: ignore[attr-defined]
    if example.mod is not None:  # type: ignore[attr-defined]
        assert mention.mod == example.mod  # type: ignore[attr-defined]
    assert mention.point == example.point  # type: ignore[attr-defined]


@pytest.mark.parametrize(("rule", "text"), _counterexample_cases())
def test_no_counterexample_is_tagged_by_its_rule(rule: CompiledRule, text: str) -> None:
    if rule.rule.kind == "reject":  # it tags nothing: it must not match at all
        assert rule.regex.search(text) is None, f"{rule.rule.id} matches {text!r}"
        return
    found = [m for m in tag(text, reference=RULES.reference) if m.rule_id == rule.rule.id]
    assert found == []


def test_rule_ids_are_unique(english_rules: RuleSet) -> None:
    ids = [rule.rule.id for rule in english_rules.rules]
    assert len(ids) == len(set(ids))


def test_every_fragment_is_used(english_rules: RuleSet) -> None:
    assert set(english_rules.fragments) == english_rules.fragments_used


def test_no_rule_matches_the_empty_string(english_rules: RuleSet) -> None:
    for rule in english_rules.rules:
        assert rule.regex.fullmatch("") is None, rule.rule.id


def test_every_rule_has_an_example(english_rules: RuleSet) -> None:
    assert all(rule.rule.examples for rule in english_rules.rules)


def test_rules_load_once() -> None:
    assert load_rules("en") is load_rules("en")


_GOOD = """
[meta]
language = "xx"
reference = "2023-06-20"
[prefilter]
core = '''now'''
[fragments]
now = '''now'''
[lexicon.ref]
now = "PRESENT_REF"
[[rules]]
id = "ref_now"
kind = "ref"
type = "DATE"
pattern = '''(?P<ref>{now})'''
examples = [{ text = "now", value = "PRESENT_REF" }]
"""


def test_a_minimal_rule_file_works() -> None:
    rules = parse_rules(_GOOD, source="good.toml")
    assert [m.value for m in tag("now", reference=rules.reference, rules=rules)] == ["PRESENT_REF"]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        pytest.param("{now})", "{then})", "unknown fragment", id="unknown-fragment"),
        pytest.param("(?P<ref>", "(?P<when>", "unknown group 'when'", id="unknown-group"),
        pytest.param("(?P<ref>{now})", "(?P<ref>{now})(x)?", "named groups", id="numbered-group"),
        pytest.param("(?P<ref>{now})", "(?P<ref>{now})?", "empty string", id="empty-match"),
        pytest.param('kind = "ref"', 'kind = "magic"', "ref_now", id="unknown-kind"),
        pytest.param("examples = [{ text", "examples = [] #", "ref_now", id="no-examples"),
        pytest.param('reference = "2023-06-20"', 'reference = "June"', "not a date", id="bad-ref"),
        pytest.param("{now})", "{now}", "does not compile", id="bad-regex"),
        pytest.param("[prefilter]\ncore = '''now'''", "", "prefilter", id="no-prefilter"),
    ],
)
def test_bad_rule_data_is_rejected_with_the_rule_named(old: str, new: str, message: str) -> None:
    assert old in _GOOD
    with pytest.raises(RuleDataError, match=re.escape(message)):
        parse_rules(_GOOD.replace(old, new), source="bad.toml")


def test_a_cue_no_code_reads_is_rejected() -> None:
    text = _GOOD.replace("[fragments]", '[cues]\nfuturre = "will"\n[fragments]')
    with pytest.raises(RuleDataError, match="'futurre' is no cue"):
        parse_rules(text, source="bad.toml")


def test_a_cue_may_use_a_fragment() -> None:
    text = _GOOD.replace("[fragments]", "[cues]\nfuture = '''\\b{now}\\b'''\n[fragments]")
    rules = parse_rules(text, source="good.toml")
    assert rules.cues.future.search("right now") is not None
    with pytest.raises(RuleDataError, match="unknown fragment"):
        parse_rules(text.replace("{now}\\b", "{then}\\b"), source="bad.toml")


def test_duplicate_ids_are_rejected() -> None:
    rule = _GOOD[_GOOD.index("[[rules]]") :]
    with pytest.raises(RuleDataError, match="'ref_now': duplicate id"):
        parse_rules(_GOOD + rule, source="bad.toml")


def test_a_holiday_rule_that_names_no_day_is_rejected_at_load() -> None:
    text = _GOOD + '[lexicon.holiday]\n"leap day" = "02-29"\n'
    with pytest.raises(RuleDataError, match="'leap day': '02-29' is not a holiday rule"):
        parse_rules(text, source="bad.toml")


def test_duplicate_lexicon_words_are_rejected() -> None:
    with pytest.raises(RuleDataError, match="twice"):
        parse_rules(_GOOD.replace('now = "PRESENT_REF"', 'now = "A"\nNow = "B"'), source="x")


def test_unknown_language_is_a_rule_data_error() -> None:
    with pytest.raises(RuleDataError, match="'zz'"):
        load_rules("zz")


def test_factoring_the_prefilter_keeps_every_hit() -> None:
    data = tomllib.loads(files("timeline").joinpath("rules/en.toml").read_text(encoding="utf-8"))
    words = data["prefilter"]
    plain = re.compile(prefilter_pattern(words["lead"], words["core"]))
    factored = RULES.prefilter
    assert factored.pattern != plain.pattern
    texts = [example.text for rule in RULES.rules for example in rule.rule.examples]
    texts += [text for rule in RULES.rules for text in rule.rule.counterexamples]
    texts += seed_texts()
    for text in texts:
        lowered = text.lower()
        expected = [(m.span(), m.start("core")) for m in plain.finditer(lowered)]
        assert [(m.span(), m.start("core")) for m in factored.finditer(lowered)] == expected


@pytest.mark.parametrize(
    ("text", "cores"),
    [
        ("paid $1.5 billion", []),
        ("owns 72% of it, up 3.5 percent", []),
        ("down 25 cents, or 16 pence", []),
        ("24,000 shares", ["24"]),  # the digits after the comma are no fresh start
        ("on 5 May 1998 at 10.30", ["5", "may", "1998", "10"]),
        ("3 million years ago", ["3", "years"]),
    ],
)
def test_the_prefilter_passes_over_money_and_shares(text: str, cores: list[str]) -> None:
    lowered = text.lower()
    hits = RULES.prefilter.finditer(lowered)
    words = [re.match(r"\w+", lowered[hit.start("core") :]) for hit in hits]
    assert [word.group() for word in words if word] == cores
