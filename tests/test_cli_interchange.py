"""The export and import commands, used as a person would (timeline.cli.interchange)."""

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.io import load

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("fmt", "suffix", "start"),
    [
        pytest.param("csv", ".csv", "id,title,date", id="csv"),
        pytest.param("timelinejs", ".json", "{", id="timelinejs"),
        pytest.param("ics", ".ics", "BEGIN:VCALENDAR", id="ics"),
    ],
)
def test_export_then_import_gives_a_valid_events_file(
    events_file: Path, tmp_path: Path, fmt: str, suffix: str, start: str
) -> None:
    exported = tmp_path / "out" / f"timeline{suffix}"
    result = runner.invoke(app, ["export", str(events_file), "-f", fmt, "-o", str(exported)])
    assert result.exit_code == 0, result.output
    assert exported.read_text(encoding="utf-8").startswith(start)
    imported = tmp_path / "imported.yaml"
    result = runner.invoke(app, ["import", str(exported), "-o", str(imported)])
    assert result.exit_code == 0, result.output
    back = load(imported)
    original = load(events_file)
    # CSV carries every event; TimelineJS and iCalendar leave out those with neither a date
    # nor a planned date, and carry a planned date only for an event with no date.
    carried = [e for e in original.events if fmt == "csv" or e.when is not None]
    assert len(carried) > 10
    assert result.stderr == f"{imported}: {len(carried)} events\n"
    assert {e.id: (e.title, e.date, e.status, e.when) for e in back.events} == {
        e.id: (e.title, e.date, e.status, e.when) for e in carried
    }
    assert imported.read_text(encoding="utf-8").startswith("# Imported from")


def test_export_writes_to_stdout_and_applies_the_filters(events_file: Path) -> None:
    result = runner.invoke(
        app, ["export", str(events_file), "-f", "timelinejs", "--tag", "visit", "--from", "2023"]
    )
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)["events"]
    expected = [
        e.id
        for e in load(events_file).events
        if "visit" in e.tags and e.when is not None and e.when.latest > date(2023, 1, 1)
    ]
    assert expected
    assert sorted(e["unique_id"] for e in events) == sorted(expected)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--track", "Friction"], "did you mean 'Frictions'?", id="track-typo"),
        pytest.param(["--tag", "nope"], "'nope' is not used in the file", id="unknown-tag"),
        pytest.param(["--from", "2023-13"], "month must be 01-12", id="bad-date"),
    ],
)
def test_export_bad_filters_exit_2_with_a_hint(
    events_file: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["export", str(events_file), *args])
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split())


def test_import_keeps_an_existing_file_unless_forced(events_file: Path, tmp_path: Path) -> None:
    exported = tmp_path / "t.csv"
    runner.invoke(app, ["export", str(events_file), "-o", str(exported)])
    before = events_file.read_text(encoding="utf-8")
    result = runner.invoke(app, ["import", str(exported), "-o", str(events_file)])
    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert events_file.read_text(encoding="utf-8") == before
    forced = runner.invoke(app, ["import", str(exported), "-o", str(events_file), "--force"])
    assert forced.exit_code == 0, forced.output


def test_import_reports_bad_rows_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,title,date\nx,X,2023-02-30\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:2:1: row 1: date:" in result.stderr
    assert "day 30 is not in February 2023" in result.stderr
    assert result.stderr.count("'2023-02-30'") == 1  # the value is quoted once


def test_import_needs_a_format_it_can_tell(tmp_path: Path) -> None:
    odd = tmp_path / "events.txt"
    odd.write_text("title\nX\n", encoding="utf-8")
    assert runner.invoke(app, ["import", str(odd)]).exit_code == 2
    result = runner.invoke(app, ["import", str(odd), "--format", "csv", "--title", "Mine"])
    assert result.exit_code == 0, result.output
    assert "title: Mine" in result.stdout


def test_import_of_a_missing_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["import", str(tmp_path / "none.csv")])
    assert result.exit_code == 1
    assert "cannot read the file" in result.stderr


def test_ics_export_is_the_same_file_every_time(tmp_path: Path) -> None:
    outputs = []
    for name in ("a.ics", "b.ics"):
        result = runner.invoke(
            app, ["export", str(ROOT / "events.yaml"), "-f", "ics", "-o", str(tmp_path / name)]
        )
        assert result.exit_code == 0, result.output
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    assert b"DTSTAMP:20230620T000000Z" in outputs[0]  # the file's as_of day
