"""Merging runs of word look-behinds (timeline.regex_lookbehinds) keeps every match."""

import re
import tomllib
from importlib.resources import files

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.conftest import shared_folder
from timeline.regex_lookbehinds import merge_lookbehinds
from timeline.rules import _expand, load_rules

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
    merged = re.compile(merge_lookbehinds(pattern), re.IGNORECASE)
    plain = re.compile(pattern, re.IGNORECASE)
    assert [m.span() for m in merged.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_words_of_one_width_share_a_look_behind() -> None:
    merged = merge_lookbehinds(PATTERNS[0])
    assert merged == r"(?<!\b(?:the|its|his)\s)(?<!\btheir\s)(?<!\ba\s)plans?\b"
    assert merge_lookbehinds(r"(?<!\bthe\s)x") == r"(?<!\bthe\s)x"


def test_the_shipped_cues_find_the_same_merged() -> None:
    data = tomllib.loads(files("timeline").joinpath("rules/en.toml").read_text(encoding="utf-8"))
    seeds = shared_folder("seeds")
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))] if seeds else []
    texts.append("It was not scheduled, but its plans to meet were. Their talks end Monday.")
    fragments = load_rules("en").fragments
    cues = {name: _expand(cue, fragments, name, set()) for name, cue in data["cues"].items()}
    assert any(merge_lookbehinds(cue) != cue for cue in cues.values())
    for cue in cues.values():
        merged = re.compile(merge_lookbehinds(cue), re.IGNORECASE)
        plain = re.compile(cue, re.IGNORECASE)
        for text in texts:
            assert [m.span() for m in merged.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ]
