"""Tests for ``timeline render`` through typer's CliRunner."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

runner = CliRunner()


def test_render_writes_the_page_and_prints_its_path(sample_file: Path, tmp_out: Path) -> None:
    out = tmp_out / "t.html"
    result = runner.invoke(app, ["render", str(sample_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    assert "Harbor Ledger" in out.read_text(encoding="utf-8")


def test_render_defaults(sample_file: Path, tmp_out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(sample_file, tmp_out / "events.yaml")
    monkeypatch.chdir(tmp_out)
    result = runner.invoke(app, ["render"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == os.path.join("exports", "timeline.html")
    assert (tmp_out / "exports" / "timeline.html").is_file()


def test_render_into_a_new_nested_folder(sample_file: Path, tmp_out: Path) -> None:
    out = tmp_out / "a" / "b" / "c" / "chart.html"
    result = runner.invoke(app, ["render", str(sample_file), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file()


def test_render_reports_located_errors_for_a_bad_file(tmp_out: Path) -> None:
    bad = tmp_out / "bad.yaml"
    bad.write_text(
        "title: t\ntracks: [a]\nevents:\n"
        "  - id: e\n    title: E\n    date: 2023-13-01\n    track: a\n",
        encoding="utf-8",
    )
    out = tmp_out / "t.html"
    result = runner.invoke(app, ["render", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"{bad}:6:11: ")
    assert "2023-13-01" in result.stderr
    assert not out.exists()


def test_render_missing_file(tmp_out: Path) -> None:
    result = runner.invoke(app, ["render", str(tmp_out / "nope.yaml"), "-o", str(tmp_out / "t")])
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_render_unwritable_output_is_one_line(sample_file: Path, tmp_out: Path) -> None:
    blocker = tmp_out / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = runner.invoke(app, ["render", str(sample_file), "-o", str(blocker / "t.html")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("error: cannot write")


def test_render_help_has_an_example() -> None:
    result = runner.invoke(app, ["render", "--help"])
    assert result.exit_code == 0
    assert "Example: timeline render events.yaml -o exports/timeline.html" in result.stdout
