"""Tests for ``timeline timex``: table output, the JSON-lines protocol and error exits."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from timeline.cli import app

runner = CliRunner()


def test_table_lists_offsets_type_value_and_text(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("They met on Monday for more than five hours.", encoding="utf-8")
    result = runner.invoke(app, ["timex", str(article), "--dct", "2023-06-20"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"{article}: 2 time expression(s)"
    assert lines[1].split() == ["12-18", "DATE", "2023-06-19", "-", "Monday"]
    assert lines[2].split()[:4] == ["23-43", "DURATION", "PT5H", "MORE_THAN"]


def test_table_columns_line_up_whatever_the_mod(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("On Monday they talked for nearly five hours.", encoding="utf-8")
    result = runner.invoke(app, ["timex", str(article), "--dct", "2023-06-20"])
    assert result.exit_code == 0, result.output
    monday, hours = result.stdout.splitlines()[1:]
    assert "EQUAL_OR_LESS" in hours
    assert monday.index("Monday") == hours.index("nearly five hours")


def test_jsonl_round_trip_keeps_order() -> None:
    inputs = [
        {"id": "b", "text": "last year and now", "dct": "2023-06-20"},
        {"id": 1, "text": "nothing here", "dct": "1998-08-07"},
        {"id": "a", "text": "more than five hours", "dct": "1998-08-07"},
    ]
    stdin = "".join(json.dumps(item) + "\n" for item in inputs)
    result = runner.invoke(app, ["timex", "--jsonl"], input=stdin)
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["id"] for a in answers] == ["b", 1, "a"]
    assert answers[0]["timexes"] == [
        {"start": 0, "end": 9, "type": "DATE", "value": "2022"},
        {"start": 14, "end": 17, "type": "DATE", "value": "PRESENT_REF"},
    ]
    assert answers[1]["timexes"] == []
    assert answers[2]["timexes"][0]["mod"] == "MORE_THAN"


def test_an_anchored_duration_gives_its_amount_and_the_date_it_reaches(tmp_path: Path) -> None:
    text = "The ship left on May 2, 2019, and docked two days later."
    line = json.dumps({"id": 7, "text": text, "dct": "2019-05-10"}) + "\n"
    result = runner.invoke(app, ["timex", "--jsonl"], input=line)
    assert result.exit_code == 0, result.output
    timexes = json.loads(result.stdout)["timexes"]
    assert timexes[1] == {
        "start": 41,
        "end": 49,
        "type": "DURATION",
        "value": "P2D",
        "point": "2019-05-04",
    }
    assert text[41:49] == "two days"
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    table = runner.invoke(app, ["timex", str(article), "--dct", "2019-05-10"]).stdout
    assert table.splitlines()[2].endswith("two days (reaches 2019-05-04)")


def test_bad_json_line_is_one_line_on_stderr_and_exit_1() -> None:
    result = runner.invoke(app, ["timex", "--jsonl"], input='{"id": 1, "text": "x"\n')
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "stdin line 1: not JSON" in result.stderr
    assert "Traceback" not in result.output


def test_bad_dct_in_a_json_line_exits_1() -> None:
    line = json.dumps({"id": 1, "text": "today", "dct": "2023-13-01"}) + "\n"
    result = runner.invoke(app, ["timex", "--jsonl"], input=line)
    assert result.exit_code == 1
    assert "cannot read date '2023-13-01'" in result.stderr


def test_a_json_line_without_dct_says_it_is_missing() -> None:
    line = json.dumps({"id": 1, "text": "today"}) + "\n"
    result = runner.invoke(app, ["timex", "--jsonl"], input=line)
    assert result.exit_code == 1
    assert (
        result.stderr == 'stdin line 1: "dct" is missing; give the publication date as YYYY-MM-DD\n'
    )


def test_bad_dct_argument_exits_2(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("today", encoding="utf-8")
    result = runner.invoke(app, ["timex", str(article), "--dct", "June"])
    assert result.exit_code == 2
    assert "cannot read date 'June'" in result.stderr


def test_unreadable_file_exits_1(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["timex", str(missing), "--dct", "2023-06-20"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{missing}: cannot read")
    assert result.stderr.count("\n") == 1


def test_help_is_the_docstring_and_ends_with_an_example() -> None:
    result = runner.invoke(app, ["timex", "--help"])
    assert result.exit_code == 0
    assert "TimeML TIMEX3" in result.stdout
    assert "timeline timex article.txt --dct 2023-06-20" in result.stdout
