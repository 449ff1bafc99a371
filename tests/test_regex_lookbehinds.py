"""Merging runs of word look-behinds (timeline.regex_lookbehinds) keeps every match."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.conftest import seed_texts, shipped_cues, spans
from timeline.regex_lookbehinds import merge_lookbehinds

# Words of one width and of others, with and without a word boundary, a look-behind that is
# not a word's (kept as it is), and an apostrophe in a word.
PATTERNS = [
    r"(?<!\bthe\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bhis\s)(?<!\ba\s)plans?\b",
    r"\b(?<!\bto\s)(?<!-day\s)(?<!n't\s)(?<!\bis\s)(?:meets?|ends)",
    r"(?<![$#.,])(?<!\bin\s)(?<!\bof\s)(?<!\bsince\s)\d{4}",
]
WORDS = st.lists(
    st.sampled_from(
        [
            "the",
            "its",
            "their",
            "his",
            "a",
            "to",
            "is",
            "in",
            "of",
            "since",
            "ha",
            "-day",
            "isn't",
            "plan",
            "plans",
            "meets",
            "ends",
            "1998",
            "$1998",
            " ",
        ]
    ),
    max_size=12,
).map(" ".join)


@pytest.mark.parametrize("pattern", PATTERNS)
@given(text=WORDS)
@example(text="its plans, their plan, a plan to; isn't meets; since 1998 in 1998 ha 1998")
def test_a_merged_pattern_finds_what_the_pattern_finds(pattern: str, text: str) -> None:
    assert spans(merge_lookbehinds(pattern), text) == spans(pattern, text)


def test_words_of_one_width_share_a_look_behind() -> None:
    merged = merge_lookbehinds(PATTERNS[0])
    assert merged == r"(?<!\b(?:the|its|his)\s)(?<!\btheir\s)(?<!\ba\s)plans?\b"
    assert merge_lookbehinds(r"(?<!\bthe\s)x") == r"(?<!\bthe\s)x"


def test_the_shipped_cues_find_the_same_merged() -> None:
    texts = [
        *seed_texts(),
        "It was not scheduled, but its plans to meet were. Their talks end Monday.",
    ]
    cues = shipped_cues()
    assert any(merge_lookbehinds(cue) != cue for cue in cues)
    for cue in cues:
        for text in texts:
            assert spans(merge_lookbehinds(cue), text) == spans(cue, text)
