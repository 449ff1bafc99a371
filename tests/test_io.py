"""Reading events files: YAML 1.2 semantics and located diagnostics (timeline.io)."""

from pathlib import Path

import pytest

from timeline.dates import PartialDate
from timeline.errors import TimelineError, TimelineFileError
from timeline.io import check, check_text, load, loads

ROOT = Path(__file__).resolve().parent.parent
HEADER = "title: Test\ntracks: [Diplomacy, Summits]\nsources:\n  - {id: s1, title: An article}\n"


def messages(text: str) -> list[str]:
    """Every diagnostic for ``text`` as 'LINE:COLUMN: message'."""
    return [f"{d.line}:{d.column}: {d.message}" for d in check_text(text).diagnostics]


def test_shipped_events_file_is_valid() -> None:
    timeline = load(ROOT / "events.yaml")
    assert len(timeline.events) >= 15
    assert {e.status for e in timeline.events} >= {"happened", "planned", "postponed"}


def test_yaml_1_2_keeps_dates_norway_and_times_as_text() -> None:
    timeline = loads(
        HEADER + "events:\n"
        "  - {id: a, title: A, date: 2023-06-18, track: Diplomacy, place: NO,"
        " tags: [on, yes, '12:30', 12:30]}\n"
    )
    event = timeline.events[0]
    assert event.date == PartialDate.parse("2023-06-18")
    assert event.place == "NO"
    assert event.tags == ("on", "yes", "12:30", "12:30")


def test_a_bare_year_is_read_as_a_year() -> None:
    event = loads(HEADER + "events:\n  - {id: a, title: A, date: 2018, track: Diplomacy}\n").events[
        0
    ]
    assert str(event.date) == "2018"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "events:\n  - {id: a, title: A, date: 2023-02-30, track: Diplomacy}\n",
            "6:29: date: Cannot read date '2023-02-30': day 30 is not in February 2023",
            id="impossible-date",
        ),
        pytest.param(
            "events:\n  - id: a\n    titel: A\n    track: Diplomacy\n",
            "7:5: unknown field 'titel' (did you mean 'title'?)",
            id="unknown-field",
        ),
        pytest.param(
            "events:\n  - id: a\n    title: A\n    track: Diplomacy\n    track: Summits\n",
            "9:5: duplicate key 'track' (first at line 8)",
            id="duplicate-key",
        ),
        pytest.param(
            "events:\n  - {id: a, title: A, track: Diplomacy}\n"
            "  - {id: a, title: B, track: Summits}\n",
            "7:10: duplicate event id 'a' (also item 1 of events)",
            id="duplicate-id",
        ),
        pytest.param(
            "events:\n  - {id: a, title: A, track: Diplomcy}\n",
            "6:30: track 'Diplomcy' is not in tracks (did you mean 'Diplomacy'?)",
            id="unknown-track",
        ),
        pytest.param(
            "events:\n  - {id: a, title: A, track: Summits, sources: [s2]}\n",
            "6:49: source 's2' is not in sources",
            id="unknown-source",
        ),
        pytest.param(
            "events:\n"
            "  - {id: a, title: A, track: Summits, relations: [{type: after, event: b}]}\n",
            "6:72: relation target 'b' is not an event id",
            id="dangling-relation",
        ),
        pytest.param(
            "events:\n  - {id: a, title: A, track: Summits, date: 2023-06-19/2023-06-18}\n",
            "6:45: date: Cannot read interval '2023-06-19/2023-06-18': the interval ends",
            id="interval-reversed",
        ),
        pytest.param(
            "events:\n  - {id: a, title: A, track: Summits, status: happend}\n",
            "6:47: status: 'happend' is not one of happened, planned, postponed, cancelled"
            " (did you mean 'happened'?)",
            id="bad-status",
        ),
        pytest.param(
            "events:\n  - {id: a, track: Summits}\n",
            "6:5: missing required field 'title'",
            id="missing-field",
        ),
        pytest.param(
            "events:\n  - {id: Not A Slug, title: A, track: Summits}\n",
            "6:10: id: 'Not A Slug' must be a slug",
            id="bad-id",
        ),
        pytest.param(
            "events:\n  - {id: a, title: A, track: Summits, relations: [{type: soon, event: a}]}\n",
            "6:58: type: 'soon' is not one of before, after",
            id="bad-relation-type",
        ),
        pytest.param(
            "events:\n  - {id: a, title: [A, B], track: Summits}\n",
            "6:20: title: input should be a valid string, not ['A', 'B']",
            id="wrong-type",
        ),
        pytest.param(
            "events:\n  - id: a\n    title: A\n   track: Summits\n",
            "8:4: YAML syntax:",
            id="yaml-syntax",
        ),
    ],
)
def test_each_problem_is_reported_at_its_line_and_column(body: str, expected: str) -> None:
    found = messages(HEADER + body)
    assert any(m.startswith(expected) for m in found), found


def test_every_problem_is_reported_in_one_run() -> None:
    text = HEADER + (
        "events:\n"
        "  - {id: a, title: A, date: 2023-13, track: Diplomacy}\n"
        "  - {id: b, titel: B, track: Diplomacy}\n"
        "  - {id: c, title: C, track: Nowhere}\n"
        "  - {id: c, title: D, track: Summits, relations: [{type: after, event: zz}]}\n"
    )
    lines = [m.split(":")[0] for m in messages(text)]
    assert lines == ["6", "7", "7", "8", "9", "9"]


def test_load_raises_one_error_carrying_every_diagnostic(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(HEADER + "events:\n  - {id: a, title: A, date: 2023-13, track: Nope}\n")
    with pytest.raises(TimelineFileError, match=r"events\.yaml:6:") as caught:
        load(path)
    assert all(d.file == str(path) for d in caught.value.diagnostics)
    assert isinstance(caught.value, TimelineError)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda p: p / "missing.yaml", "it does not exist", id="missing"),
        pytest.param(lambda p: p, "it is a directory", id="directory"),
        pytest.param(
            lambda p: (p / "latin1.yaml", (p / "latin1.yaml").write_bytes(b"title: Caf\xe9\n"))[0],
            "latin1.yaml:1:11: the file is not UTF-8 text (byte 0xe9 at offset 10)",
            id="not-utf8",
        ),
        pytest.param(
            lambda p: (p / "empty.yaml", (p / "empty.yaml").write_text("# nothing\n"))[0],
            "the file is empty",
            id="empty",
        ),
    ],
)
def test_unreadable_files_get_one_clear_line(make, message: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = check(make(tmp_path))
    assert result.timeline is None
    assert len(result.diagnostics) == 1
    assert message in str(result.diagnostics[0])


def test_a_file_that_is_not_a_mapping_is_refused() -> None:
    assert messages("- just\n- a list\n") == [
        "1:1: the file must be a mapping with title, tracks, events"
    ]


def test_header_problems_are_located_too() -> None:
    found = messages("title: T\ntracks: []\nsourcs: []\n")
    assert found[0].startswith("2:9: tracks:")
    assert found[1] == "3:1: unknown field 'sourcs' (did you mean 'sources'?)"


def test_broken_copies_of_the_shipped_file_fail_at_the_right_line() -> None:
    lines = (ROOT / "events.yaml").read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.strip() == "date: 2018-10")
    broken = list(lines)
    broken[number] = broken[number].replace("2018-10", "2018-13")
    found = messages("\n".join(broken))
    assert found and found[0].startswith(f"{number + 1}:11: date:")


def test_every_command_reads_files_through_one_function() -> None:
    """Missing, unreadable and mis-encoded files get the same line whatever the command."""
    sources = [
        path
        for path in (ROOT / "timeline").rglob("*.py")
        if path.name != "io.py" and "read_text(encoding" in path.read_text(encoding="utf-8")
    ]
    packaged = {"lexicon.py", "report.py", "rules.py"}  # files shipped in the package
    assert {path.name for path in sources} <= packaged
