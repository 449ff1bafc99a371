"""The relation table: its data, its docstring, its docs, and what each type means in time."""

import re
from pathlib import Path

import pytest

import timeline.relations
from timeline.models import RELATION_TYPES, Event, RelationType
from timeline.propagation import solve
from timeline.relations import MEANINGS, meaning

ROOT = Path(__file__).resolve().parent.parent


def _docstring_rows() -> dict[str, tuple[str, str]]:
    """Type -> (reads, constraints) from the table in the module docstring."""
    lines = (timeline.relations.__doc__ or "").splitlines()
    borders = [n for n, line in enumerate(lines) if line.startswith("=====")]
    rows: dict[str, list[str]] = {}
    current = ""
    for line in lines[borders[1] + 1 : borders[2]]:
        name, reads, constraint = line[:16].strip(), line[16:68].strip(), line[68:].strip()
        if name:
            current = name
            rows[name] = [reads, constraint]
        else:
            rows[current][1] += " " + constraint
    return {name: (reads, constraint) for name, (reads, constraint) in rows.items()}


def test_every_relation_type_has_a_meaning() -> None:
    assert set(MEANINGS) == set(RELATION_TYPES)


def test_the_docstring_table_is_the_data() -> None:
    rows = _docstring_rows()
    assert list(rows) == list(RELATION_TYPES)
    for name, (reads, constraints) in rows.items():
        data = MEANINGS[name]  # type: ignore[index]
        assert reads == data.reads, name
        assert constraints == "; ".join(str(c) for c in data.constraints), name


def test_the_docs_page_has_a_row_per_type_with_its_constraints() -> None:
    page = (ROOT / "docs" / "relations.md").read_text(encoding="utf-8")
    for name, data in MEANINGS.items():
        row = next(line for line in page.splitlines() if line.startswith(f"| `{name}` |"))
        for constraint in data.constraints:
            text = str(constraint).replace("<=", "≤")
            assert text in row, (name, text)


@pytest.mark.parametrize(
    ("name", "earlier"),
    [
        pytest.param("before", "a", id="before"),
        pytest.param("after", "b", id="after"),
        pytest.param("during", None, id="during"),
        pytest.param("causes", None, id="causes"),
    ],
)
def test_earlier_names_the_side_that_ends_first(name: RelationType, earlier: str | None) -> None:
    assert meaning(name).earlier == earlier


def _consistent(relation: str, a: str, b: str) -> bool:
    events = [
        Event.model_validate(
            {
                "id": "a",
                "title": "A",
                "date": a,
                "track": "x",
                "relations": [{"type": relation, "event": "b"}],
            }
        ),
        Event.model_validate({"id": "b", "title": "B", "date": b, "track": "x"}),
    ]
    return not solve(events).contradictions


# Each type, with a pair of dates it allows and a pair it rules out (a carries the relation).
MEANING_CASES = [
    ("before", "2023-06-18", "2023-06-19", True),
    ("before", "2023-06-18", "2023-06-18", True),  # two moments of one day
    ("before", "2023-06-19", "2023-06-18", False),
    ("before", "2023-06", "2023-06-18", True),
    ("after", "2023-06-19", "2023-06-18", True),
    ("after", "2023-06-18", "2023-06-19", False),
    ("during", "2023-06-19", "2023-06-18/2023-06-19", True),
    ("during", "2023-06-20", "2023-06-18/2023-06-19", False),
    ("during", "2023-06-17/2023-06-18", "2023-06-18/2023-06-19", False),
    ("part_of", "2023-06-18", "2023-06-18/2023-06-19", True),
    ("part_of", "2023-07", "2023-06-18/2023-06-19", False),
    ("starts_with", "2023-06-18/2023-06-20", "2023-06-18", True),
    ("starts_with", "2023-06-19", "2023-06-18", False),
    ("causes", "2023-02", "2023-06", True),
    ("causes", "2023-06-18", "2023-06-18", True),
    ("causes", "2023-07", "2023-06", False),
    ("postpones", "2023-02", "2023-02", True),
    ("postpones", "2023-03", "2023-02", False),
    ("rescheduled_as", "2023-02", "2023-06-18", True),
    ("rescheduled_as", "2023-06-18", "2023-02", False),
    ("follows_up", "2023-06-19", "2022-11", True),
    ("follows_up", "2022-11", "2023-06-19", False),
    ("responds_to", "2023-06-18", "2023-06-18", True),
    ("responds_to", "2023-06-17", "2023-06-18", False),
    ("before", "2023-06-19~", "2023-06-18", True),  # approximate: fuzzy bounds allow it
]


@pytest.mark.parametrize(
    ("relation", "a", "b", "allowed"),
    [pytest.param(*case, id=f"{case[0]}-{case[1]}-{case[2]}") for case in MEANING_CASES],
)
def test_each_type_allows_and_rules_out_what_its_row_says(
    relation: str, a: str, b: str, allowed: bool
) -> None:
    assert _consistent(relation, a, b) is allowed


def test_every_type_has_a_case_each_way() -> None:
    for name in RELATION_TYPES:
        outcomes = {allowed for relation, _, _, allowed in MEANING_CASES if relation == name}
        assert outcomes == {True, False}, name


def test_rules_read_as_sentences() -> None:
    for name, data in MEANINGS.items():
        assert re.fullmatch(r"[a-z][^.]*[a-z]", data.rule), name
