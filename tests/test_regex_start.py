"""How a match can start (timeline.regex_start), and look-aheads built on it."""

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from timeline.regex_start import guarded, key, prefixes


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        pytest.param(r"Monday|Tuesday", {"mo", "tu"}, id="branch"),
        pytest.param(r"(?:the\s+)?past", {"th", "pa"}, id="optional-prefix"),
        pytest.param(r"a\s+b", {"a "}, id="whitespace-as-a-space"),
        pytest.param(r"a\tb|c\nd", {"a ", "c "}, id="whitespace-literals"),
        pytest.param(r"x", {"x"}, id="one-character"),
        pytest.param(r"(?:ab)*c", {"ab", "c"}, id="repeat"),
        pytest.param(r"(?i)JAN", {"ja"}, id="ignorecase"),
        pytest.param(r"[A-C]x", {"ax", "bx", "cx"}, id="range"),
        pytest.param(r"a[A-Z]", {"a"}, id="wide-range-then-anything"),
        pytest.param(r"\d{4}", {"00"}, id="digits-as-zero"),
        pytest.param(r"[12]x", {"0x"}, id="digit-range"),
        pytest.param(r"\w+", None, id="category"),
        pytest.param(r"[^x]", None, id="negated"),
        pytest.param(r"a?", None, id="may-be-empty"),
        pytest.param(r".x", None, id="any"),
    ],
)
def test_prefixes(pattern: str, expected: set[str] | None) -> None:
    found = prefixes(re.compile(pattern), 2)
    assert (None if found is None else set(found)) == expected


DATES = r"(?i)(?:the\s+)?(?:jan(?:uary)?|1[0-9]|(?:ab)*c|x?y|last\s+\d+\s+days)\b"


# The index looks up ASCII text only (RuleSet.rules_at tries every rule at any other).
@pytest.mark.parametrize("length", [2, 6])
@given(text=st.from_regex(DATES, fullmatch=True, alphabet=st.characters(max_codepoint=127)))
def test_a_match_always_starts_with_one_of_the_prefixes(length: int, text: str) -> None:
    starts = prefixes(re.compile(DATES), length)
    assert starts is not None
    assert any(key(text).startswith(start) for start in starts)


# Cue-like patterns: opening with a word boundary or a look-behind, holding digits, a
# case-sensitive part, and a global flag that must stay at the start.
GUARDED = [
    r"\b(?:was|were|\d+\s+days)\b",
    r"(?<!\bthe\s)(?:last|(?-i:Met))\b",
    r"\b(?:k|s)\w*",
    r"(?i)\bjan",
]
# Kelvin sign and long s match "k" and "s" when case is ignored; Arabic-Indic digits match \d.
TRICKY = st.text(alphabet="wasMetmetlast thedys,Kk\u212as\u017f3\u0663\n", max_size=60)


@pytest.mark.parametrize("pattern", GUARDED)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@given(text=TRICKY)
@example(text="They Met last week, \u0663 days ago; 3 days on, she was \u212aeen and \u017fure.")
def test_a_guarded_pattern_finds_what_the_pattern_finds(
    pattern: str, flags: int, text: str
) -> None:
    plain = re.compile(pattern, flags)
    found = [m.span() for m in guarded(plain).finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]


def test_only_a_pattern_opening_with_a_zero_width_test_is_guarded() -> None:
    assert guarded(re.compile(r"\bwas", re.I)).pattern.startswith("(?=[")
    opens_with_a_character = re.compile(r"'s\b")
    assert guarded(opens_with_a_character) is opens_with_a_character
    may_start_anywhere = re.compile(r"\b\w+ed")
    assert guarded(may_start_anywhere) is may_start_anywhere
