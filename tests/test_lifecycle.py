"""Statuses against dates, relations and as_of (timeline.lifecycle)."""

import re
from pathlib import Path

import pytest

import timeline.lifecycle
from timeline.io import check_text, load
from timeline.lifecycle import check_lifecycle

ROOT = Path(__file__).resolve().parent.parent
HEADER = "title: t\nas_of: 2023-06-20\ntracks: [x]\nevents:\n"
TARGET = "  - {id: visit, title: V, date: 2023-06-18, track: x}\n"


def warnings(events: str) -> list[str]:
    """Every diagnostic for the events as 'LINE:COLUMN: severity: message'."""
    return [
        f"{d.line}:{d.column}: {d.severity}: {d.message}"
        for d in check_text(HEADER + events).diagnostics
    ]


# Lines that break a rule, where the warning points (line, and the text its column starts at),
# words it says, and lines that keep the rule.
CASES = [
    pytest.param(
        "  - {id: a, title: A, date: 2023-06-21, track: x}\n",
        (5, "2023-06-21"),
        "is after as_of '2023-06-20'",
        "  - {id: a, title: A, date: 2023-06-20, track: x}\n",
        id="L1-happened-after-as_of",
    ),
    pytest.param(
        "  - {id: a, title: A, planned: 2023-02, track: x}\n",
        (5, "2023-02"),
        "only a planned date '2023-02'",
        "  - {id: a, title: A, planned: 2023-02, date: 2023-06, track: x}\n",
        id="L2-happened-without-date",
    ),
    pytest.param(
        "  - {id: a, title: A, date: 2023-05, track: x, status: planned}\n",
        (5, "planned}"),
        "still 'planned' for '2023-05', before as_of",
        "  - {id: a, title: A, date: 2023-06, track: x, status: planned}\n",
        id="L3-planned-in-the-past",
    ),
    pytest.param(
        "  - {id: a, title: A, date: 2023-02, track: x, status: postponed}\n",
        (5, "postponed}"),
        "write planned: 2023-02 instead of date",
        "  - {id: a, title: A, planned: 2023-02, track: x, status: postponed}\n",
        id="L4-postponed-without-plan",
    ),
    pytest.param(
        "  - {id: a, title: A, planned: 2023-02, date: 2023-01, track: x, status: postponed}\n",
        (5, "2023-01"),
        "postponed' to '2023-01', which is before its planned date '2023-02'",
        "  - {id: a, title: A, planned: 2023-02, date: 2023-06, track: x, status: postponed}\n",
        id="L5-postponed-to-earlier",
    ),
    pytest.param(
        TARGET + "  - {id: a, title: A, planned: 2023-02, track: x, status: cancelled,"
        " relations: [{type: rescheduled_as, event: visit}]}\n",
        (6, "{type: rescheduled_as"),
        "is rescheduled_as 'visit' but has status 'cancelled'",
        TARGET + "  - {id: a, title: A, planned: 2023-02, track: x, status: postponed,"
        " relations: [{type: rescheduled_as, event: visit}]}\n",
        id="L6-rescheduled-not-postponed",
    ),
    pytest.param(
        TARGET + "  - {id: a, title: A, date: 2023-02, track: x,"
        " relations: [{type: postpones, event: visit}]}\n",
        (6, "{type: postpones"),
        "postpones 'visit', which has status 'happened' and no planned date",
        "  - {id: visit, title: V, date: 2023-06-18, planned: 2023-02, track: x}\n"
        "  - {id: a, title: A, date: 2023-02, track: x,"
        " relations: [{type: postpones, event: visit}]}\n",
        id="L7-postpones-nothing",
    ),
]


@pytest.mark.parametrize(("broken", "where", "says", "kept"), CASES)
def test_each_rule_warns_at_its_place_and_stays_quiet_when_kept(
    broken: str, where: tuple[int, str], says: str, kept: str
) -> None:
    line, anchor = where
    column = broken.splitlines()[line - 5].index(anchor) + 1
    found = warnings(broken)
    assert len(found) == 1, found
    assert found[0].startswith(f"{line}:{column}: warning: ")
    assert says in found[0]
    assert warnings(kept) == []


def test_there_is_a_case_for_every_rule_in_the_table() -> None:
    rows = [
        line for line in (timeline.lifecycle.__doc__ or "").splitlines() if re.match(r"L\d ", line)
    ]
    assert len(rows) == len(CASES)


def test_warnings_do_not_make_the_file_invalid() -> None:
    result = check_text(HEADER + "  - {id: a, title: A, date: 2023-06-21, track: x}\n")
    assert result.timeline is not None
    assert [d.severity for d in result.diagnostics] == ["warning"]


def test_without_as_of_the_as_of_rules_are_skipped() -> None:
    text = "title: t\ntracks: [x]\nevents:\n  - {id: a, title: A, date: 2099, track: x}\n"
    assert check_text(text).diagnostics == ()


def test_approximate_dates_are_not_called_past_or_future() -> None:
    assert warnings("  - {id: a, title: A, date: 2023-06-22~, track: x}\n") == []


def test_the_shipped_file_follows_every_rule() -> None:
    assert check_lifecycle(load(ROOT / "events.yaml")) == []
