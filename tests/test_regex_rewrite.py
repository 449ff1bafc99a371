"""Rewriting a pattern to match faster (timeline.regex_rewrite) keeps every match."""

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.conftest import seed_texts, shipped_cues, spans
from timeline.regex_rewrite import rewrite
from timeline.rules import _expand, load_rules

# Words that begin alike, one a prefix of another, before a word's end or a space, beside
# alternatives that are not plain words, in a look-behind, in a capture, and in a look-ahead
# (whose body is left as it is); look-behinds before letters, one letter repeated.
PATTERNS = [
    r"\b(?:(?<!\bthe\s)(?<=\s)next|(?<!-)expected|(?<!\bits\s)plans?)\b",
    r"\b(?:was|were|went|we|w|had|has|ha)\b",
    r"\b(?:in|into|i|last(?!-)|late|later|lat\w+)\s",
    r"(?<!\b(?:the|tho|its)\s)(?P<unit>day|days|da)\b",
    r"(?!(?:red|re)\b)[a-z]+ed\b",
    r"(?:was|were)s",
    r"(?:in|into)t",
]
WORDS = st.lists(
    st.sampled_from(
        [
            "was",
            "were",
            "wass",
            "weres",
            "we",
            "w",
            "went",
            "had",
            "has",
            "ha",
            "in",
            "into",
            "intot",
            "i",
            "last",
            "last-",
            "late",
            "later",
            "latest",
            "the",
            "tho",
            "its",
            "day",
            "days",
            "da",
            "red",
            "re",
            "shred",
            "bed",
            "WAS",
            "Into",
            "next",
            "expected",
            "-expected",
            "plan",
            "plans",
            " ",
            "-",
        ]
    ),
    max_size=12,
).map(" ".join)


@pytest.mark.parametrize("pattern", PATTERNS)
@given(text=WORDS)
@example(text="we were in into the days; its day, tho da; red shred last- later wass intot")
@example(text="the next plans, its plans, a next -expected expected")
def test_a_rewritten_pattern_finds_what_the_pattern_finds(pattern: str, text: str) -> None:
    assert spans(rewrite(pattern), text) == spans(pattern, text)
    rewritten, plain = re.compile(rewrite(pattern), re.I), re.compile(pattern, re.I)
    assert [m.groupdict() for m in rewritten.finditer(text)] == [
        m.groupdict() for m in plain.finditer(text)
    ]


def test_words_that_begin_alike_share_their_start() -> None:
    assert rewrite(PATTERNS[1]) == r"\b(?:w(?:as|e(?:re|nt)?)?|ha(?:d|s)?)\b"
    assert rewrite(r"(?:in|into|last(?!-)|late|later)\s") == (r"(?:in(?:to)?|last(?!-)|later?)\s")


def test_letters_go_before_their_look_behinds() -> None:
    assert rewrite(r"(?<!\bthe\s)(?<=\s)next\b") == r"next(?<!(?:\bthe\s)next)(?<=(?:\s)next)\b"
    assert rewrite(r"(?<!\bits\s)plans?") == r"plan(?<!(?:\bits\s)plan)s?"
    assert rewrite(r"(?<!a)(?:b|c)") == r"(?<!a)(?:b|c)"


@pytest.mark.parametrize(
    "pattern",
    [
        pytest.param(r"(?:in|into)t", id="a-letter-may-follow"),
        pytest.param(r"(?=was|were)\b", id="look-ahead"),
        pytest.param(r"(?:(?(1)was|were)|had)\b", id="condition"),
        pytest.param(r"(?x) (?: was | were ) \b  # (?<!x)next", id="verbose"),
        pytest.param(r"(?:was|were\b", id="never-closed"),
        pytest.param(r"(?:was|were))\b", id="closed-twice"),
        pytest.param(r"[(?:was|were)\b", id="class-never-closed"),
    ],
)
def test_a_pattern_it_cannot_factor_is_left_as_it_is(pattern: str) -> None:
    assert rewrite(pattern) == pattern


def test_the_shipped_patterns_find_the_same_rewritten() -> None:
    texts = [
        *seed_texts(),
        "It was not scheduled, but its plans to meet were. Their talks end Monday.",
    ]
    rules = load_rules("en")
    patterns = shipped_cues()
    # Each rule without its named groups, which its fragments may repeat.
    patterns += [
        re.sub(r"\(\?P<\w+>", "(?:", _expand(rule.rule.pattern, rules.fragments, "", set()))
        for rule in rules.rules
    ]
    assert sum(rewrite(pattern) != pattern for pattern in patterns) > 10
    for pattern in patterns:
        for text in texts:
            assert spans(rewrite(pattern), text) == spans(pattern, text)
