"""The index of rules by how their matches start (timeline.rule_index)."""

import re
from datetime import date

from tests.conftest import seed_texts
from timeline import rule_index
from timeline.rules import RuleSet, load_rules
from timeline.tagger import tag


def test_the_index_tells_the_past_from_the_first() -> None:
    rules = load_rules("en")
    past, first = rules.rules_at("the past week", 0), rules.rules_at("the first week", 0)
    assert {r.rule.id for r in past} != {r.rule.id for r in first}
    assert rules.rules_at("The\npast week", 0) == past


def test_a_rule_whose_starts_cannot_be_told_is_tried_everywhere() -> None:
    patterns = [re.compile(r"the\s+past"), re.compile(r"\w+day"), re.compile(r"\d+")]
    by_start, anywhere = rule_index.index_by_start(patterns, lambda regex: regex)
    assert anywhere == (patterns[1],)
    assert rule_index.at(by_start, anywhere, (), "The  past week", 0) == (patterns[0], patterns[1])
    assert rule_index.at(by_start, anywhere, (), "1990s", 0) == (patterns[1], patterns[2])
    assert rule_index.at(by_start, anywhere, (), "Monday", 0) == anywhere
    assert rule_index.at(by_start, anywhere, tuple(patterns), "İstanbul", 0) == tuple(patterns)


def _brute_force(rules: RuleSet) -> RuleSet:
    everything = {key: rules.rules for key in rules.by_start}
    return RuleSet(**{**_fields(rules), "by_start": everything, "anywhere": rules.rules})


def _fields(rules: RuleSet) -> dict[str, object]:
    return {name: getattr(rules, name) for name in RuleSet.__dataclass_fields__}


def test_the_index_never_changes_what_the_tagger_finds() -> None:
    rules = load_rules("en")
    brute = _brute_force(rules)
    texts = seed_texts()
    texts += [example.text for rule in rules.rules for example in rule.rule.examples]
    texts += [text for rule in rules.rules for text in rule.rule.counterexamples]
    reference = date(2023, 6, 20)
    for text in texts:
        assert tag(text, reference=reference, rules=rules) == tag(
            text, reference=reference, rules=brute
        )
