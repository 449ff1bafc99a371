"""Read amounts, spoken years and durations: "twenty-four", "2 1/2", "nineteen ninety-six", P2Y6M.

This module owns numbers: what the words of an amount add up to (through the rule file's
``[lexicon.number]``) and how an amount of a unit is written as an ISO 8601 / TimeML duration. It
does not find them in text (:mod:`timeline.tagger`) nor anchor dates (:mod:`timeline.normalise`).
"""

from __future__ import annotations

import re

from timeline.rules import RuleSet

#: Units that become smaller whole units when the amount is a fraction ("1.5 years" -> P1Y6M).
_SMALLER = {"Y": ("M", 12), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}
_MIXED_NUMBER = re.compile(r"(?P<whole>\d+)\s+(?P<numerator>\d)/(?P<denominator>\d)")


def amount(rules: RuleSet, text: str) -> float | None:
    """Read an amount ("three", "twenty-four", "14", "a few"); ``None`` means unknown (X)."""
    whole = rules.lookup("number", text)
    if whole is not None:
        return None if whole == "X" else float(whole)
    try:
        return float(text.replace(",", ""))
    except ValueError:
        pass
    mixed = _MIXED_NUMBER.fullmatch(text.strip())
    if mixed is not None:  # "2 1/2"
        numerator, denominator = int(mixed["numerator"]), int(mixed["denominator"])
        if denominator == 0:
            return None
        return int(mixed["whole"]) + numerator / denominator
    # "two thousand five hundred": a thousand closes the group before it, a hundred multiplies it.
    total = group = 0.0
    for word in re.split(r"[\s-]+(?:and[\s-]+)?", text.strip()):
        value = rules.lookup("number", word)
        if not isinstance(value, int | float):
            return None
        if value == 1000:
            total, group = total + (group or 1) * value, 0.0
        elif value == 100:
            group = (group or 1) * value
        else:
            group += value
    return total + group


def year_of(rules: RuleSet, text: str) -> int | None:
    """Read a year: "1998", or spoken "nineteen ninety-eight" and "two thousand"."""
    if text.isdigit():
        return int(text)
    words = re.split(r"[\s-]+", text.strip(), maxsplit=1)
    first = rules.lookup("number", words[0])
    if len(words) == 2 and isinstance(first, int) and 10 < first < 100:
        rest = amount(rules, words[1])
        return None if rest is None else first * 100 + int(rest)
    whole = amount(rules, text)
    return None if whole is None else int(whole)


#: Units a TimeML duration has no letter for, as a multiple of one it has ("a fortnight": P2W).
UNIT_MULTIPLES = {"DE": ("Y", 10), "CE": ("Y", 100), "Q": ("M", 3), "WE": ("D", 2), "FN": ("W", 2)}


def duration(rules: RuleSet, num: str, unit_text: str, *, extra: float = 0.0) -> str | None:
    """Return the TimeML duration for an amount and a unit ("three", "years" -> ``P3Y``).

    ``extra`` is added to the amount ("a minute and a half"). A whole amount with a fraction
    keeps its unit and puts the rest in the next smaller one ("2 1/2 years" -> ``P2Y6M``),
    as ISO 8601 writes it; a fraction alone moves to smaller units ("half a day" -> ``PT12H``),
    and where none is exact the last unit takes a decimal ("two and a half months" -> ``P2.5M``).
    """
    unit = rules.lookup("unit", unit_text)
    if not isinstance(unit, str):
        return None
    count = amount(rules, num)
    if count is not None:
        count += extra
    if unit in UNIT_MULTIPLES:
        unit, factor = UNIT_MULTIPLES[unit]
        count = None if count is None else count * factor
    if count is None:
        return f"PTX{unit[1]}" if unit.startswith("T") else f"PX{unit}"
    whole = int(count)
    if whole and count != whole and unit in _SMALLER and unit != "W":
        smaller, factor = _SMALLER[unit]
        rest = (count - whole) * factor
        if rest == int(rest):
            return _iso_duration([(whole, unit), (int(rest), smaller)])
    if count != int(count) and unit == "W":  # "three and a half weeks": P3.5W, not hours
        return f"P{count:g}W"
    while count != int(count) and unit in _SMALLER:
        unit, factor = _SMALLER[unit]
        count *= factor
    if count != int(count):
        # No smaller unit is exact ("two and a half months"): ISO 8601 lets the last one carry
        # a decimal fraction.
        return f"PT{count:g}{unit[1]}" if unit.startswith("T") else f"P{count:g}{unit}"
    return _iso_duration([(int(count), unit)])


#: Duration letters, larger first, as ISO 8601 writes them.
_UNIT_ORDER = ("Y", "M", "W", "D", "TH", "TM", "TS")


def compound_duration(rules: RuleSet, parts: list[tuple[str, str]]) -> str | None:
    """Return the duration of an amount told in several units, larger first ("4 hours 31
    minutes" -> ``PT4H31M``); ``None`` when an amount is unknown or not whole.

    Weeks beside other units become days: ISO 8601 writes ``P3W`` alone, so "three weeks and
    two days" is ``P23D``.
    """
    counted: list[tuple[int, str]] = []
    for num, unit_text in parts:
        unit, count = rules.lookup("unit", unit_text), amount(rules, num)
        if unit not in _UNIT_ORDER or count is None or count != int(count):
            return None
        counted.append((int(count), unit))
    weeks = sum(n for n, u in counted if u == "W")
    if weeks:
        days = weeks * 7 + sum(n for n, u in counted if u == "D")
        rest = [(n, u) for n, u in counted if u not in ("W", "D")]
        counted = sorted([*rest, (days, "D")], key=lambda part: _UNIT_ORDER.index(part[1]))
    return _iso_duration(counted)


def _iso_duration(parts: list[tuple[int, str]]) -> str:
    """Write ``[(2, "Y"), (6, "M")]`` as ``P2Y6M``; units "TH", "TM", "TS" go after the T."""
    day_part = "".join(f"{n}{u}" for n, u in parts if not u.startswith("T"))
    time_part = "".join(f"{n}{u[1]}" for n, u in parts if u.startswith("T"))
    return f"P{day_part}" + (f"T{time_part}" if time_part else "")
