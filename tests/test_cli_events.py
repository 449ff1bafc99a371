"""The validate, list and schema commands, used as a person would (timeline.cli.events)."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def test_validate_the_shipped_file_exits_0(events_file: Path) -> None:
    result = runner.invoke(app, ["validate", str(events_file)])
    assert result.exit_code == 0, result.output
    assert "valid (18 events, 5 sources, 3 tracks)" in result.stdout


def test_validate_defaults_to_events_yaml_in_the_current_folder(
    events_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(events_file.parent)
    assert runner.invoke(app, ["validate"]).exit_code == 0


def test_validate_reports_every_problem_located_and_exits_1(events_file: Path) -> None:
    text = events_file.read_text(encoding="utf-8")
    text = text.replace("date: 2018-10", "date: 2018-13").replace(
        "track: Frictions", "track: Friction", 1
    )
    events_file.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(events_file)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert (
        lines[0].startswith(f"{events_file}:") and "track 'Friction' is not in tracks" in lines[0]
    )
    assert "Cannot read date '2018-13'" in lines[1]
    assert lines[-1] == f"{events_file}: 2 errors"
    assert "Traceback" not in result.output


def test_validate_a_missing_file_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].endswith("cannot read the file: it does not exist")


def test_list_prints_a_table_in_order(events_file: Path) -> None:
    result = runner.invoke(app, ["list", str(events_file)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["date", "status", "track", "title"]
    assert lines[2].split()[0] == "2018"
    assert lines[-3].split()[0] == "2023-11"


def test_list_json_is_ordered_with_bounds(events_file: Path) -> None:
    result = runner.invoke(app, ["list", str(events_file), "--format", "json"])
    assert result.exit_code == 0
    items = json.loads(result.stdout)
    starts = [item["start"] for item in items if item["start"]]
    assert starts == sorted(starts)
    visit = next(item for item in items if item["id"] == "beijing-visit")
    assert visit["date"] == "2023-06-18/2023-06-19"
    assert (visit["start"], visit["end"]) == ("2023-06-18", "2023-06-20")
    assert {"id", "title", "date", "start", "end", "status", "track", "sources"} <= set(visit)
    assert visit["sources"][1]["span"] == [88, 172]


def test_list_of_a_broken_file_fails_with_located_lines(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("title: x\ntracks: [a]\nevents:\n  - {id: a, title: A, track: b}\n")
    result = runner.invoke(app, ["list", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}:4:")


def test_schema_names_every_event_field(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    event = schema["$defs"]["Event"]
    assert {"id", "title", "date", "track", "status", "sources", "relations"} <= set(
        event["properties"]
    )
    assert event["additionalProperties"] is False


def test_shipped_schema_file_is_up_to_date() -> None:
    result = runner.invoke(app, ["schema"])
    assert (ROOT / "timeline.schema.json").read_text(encoding="utf-8") == result.stdout
    first_line = (ROOT / "events.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=timeline.schema.json"


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("timeline 0.")


def test_validate_the_shipped_file_has_no_warnings(events_file: Path) -> None:
    result = runner.invoke(app, ["validate", str(events_file)])
    assert result.exit_code == 0
    assert result.stderr == ""


def test_validate_reports_a_contradiction_at_every_relation_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text(
        "title: t\ntracks: [a]\nevents:\n"
        "  - {id: x, title: X, track: a, relations: [{type: before, event: y}]}\n"
        "  - {id: y, title: Y, track: a, relations: [{type: before, event: x}]}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{path}:4:45: contradiction: 'x' --before--> 'y' --before--> 'x'")
    assert lines[1].startswith(f"{path}:5:45: contradiction: 'x' --before--> 'y' --before--> 'x'")
    assert lines[2] == f"{path}: 2 errors"


def test_validate_passes_with_lifecycle_warnings(tmp_path: Path) -> None:
    path = tmp_path / "stale.yaml"
    path.write_text(
        "title: t\nas_of: 2023-06-20\ntracks: [a]\nevents:\n"
        "  - {id: x, title: X, date: 2023-05, track: a, status: planned}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"{path}:5:56: warning: 'x' is still 'planned'")


def test_list_marks_rows_whose_order_is_unknown_with_a_footnote(events_file: Path) -> None:
    result = runner.invoke(app, ["list", str(events_file)])
    lines = result.stdout.splitlines()
    rows = {
        line[3:].split("  ")[0].strip() + " | " + line.rsplit("  ", 1)[-1]: line[0]
        for line in lines[2:-2]
    }
    assert rows["2018-10 | Pompeo visits Beijing"] == "≈"  # some day in 2018, unrelated
    assert rows["2018 | US sanctions Li Shangfu over Russian arms purchases"] == " "
    assert rows["2023-06-19 | Blinken's closing news conference"] == " "  # after Xi's meeting
    assert rows["(from 2023-06-18) | Qin Gang's reciprocal visit to Washington"] == "≈"
    assert rows["planned 2023-02 | Blinken's trip to Beijing (first planned date)"] == " "
    assert lines[-1].startswith("≈ order against the row above is not known")


def test_list_json_has_derived_windows_and_predecessors(events_file: Path) -> None:
    result = runner.invoke(app, ["list", str(events_file), "--format", "json"])
    items = {item["id"]: item for item in json.loads(result.stdout)}
    visit = items["qin-reciprocal-visit"]
    assert (visit["earliest"], visit["latest"]) == ("2023-06-18", None)
    assert visit["after"] == ["reciprocal-visit-agreed"]
    assert visit["order_unknown"] is True
    trip = items["february-trip"]
    assert (trip["date"], trip["planned"], trip["earliest"]) == (None, "2023-02", "2023-02-01")
    assert items["closing-press-conference"]["after"] == ["meeting-xi-jinping"]
