"""``timeline render --format ...`` and ``timeline report``, through typer's CliRunner."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.render_images import find_browser

runner = CliRunner()
needs_browser = pytest.mark.skipif(find_browser() is None, reason="no Chromium installed")


@pytest.mark.parametrize(
    ("fmt", "magic"),
    [
        pytest.param("html", b"<!doctype html>", id="html"),
        pytest.param("div", b"<div", id="div"),
        pytest.param("json", b'{"data"', id="json"),
        pytest.param("png", b"\x89PNG", id="png", marks=needs_browser),
        pytest.param("svg", b"<svg", id="svg", marks=needs_browser),
        pytest.param("pdf", b"%PDF-", id="pdf", marks=needs_browser),
    ],
)
def test_render_each_format_from_the_shipped_file(
    events_file: Path, tmp_path: Path, fmt: str, magic: bytes
) -> None:
    out = tmp_path / "out" / f"chart.{fmt}"
    args = ["render", str(events_file), "--format", fmt, "-o", str(out), "--width", "900"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    assert out.read_bytes().lstrip().startswith(magic)


def test_render_default_output_follows_the_format(
    events_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(events_file.parent)
    result = runner.invoke(app, ["render", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == os.path.join("exports", "timeline.json")


def test_render_filters_size_and_theme_reach_the_figure(events_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "f.json"
    args = ["render", str(events_file), "-f", "json", "-o", str(out), "--tag", "visit"]
    args += ["--from", "2023", "--width", "1000", "--height", "500", "--theme", "dark"]
    assert runner.invoke(app, args).exit_code == 0
    figure = json.loads(out.read_text(encoding="utf-8"))
    ids = {i for trace in figure["data"] for i in trace.get("customdata") or []}
    assert ids == {"february-trip", "beijing-visit"}
    layout = figure["layout"]
    assert (layout["width"], layout["height"], layout["paper_bgcolor"]) == (1000, 500, "#16181d")


def test_render_div_with_cdn_is_small(events_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.html"
    args = ["render", str(events_file), "-f", "div", "--plotlyjs", "cdn", "-o", str(out)]
    assert runner.invoke(app, args).exit_code == 0
    fragment = out.read_text(encoding="utf-8")
    assert fragment.startswith("<div")
    assert 'src="https://cdn.plot.ly/' in fragment
    assert "Blinken" in fragment
    assert len(fragment) < 200_000  # plotly.js itself is not inside


def test_render_image_without_a_browser_is_one_line_and_exit_1(
    events_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-browser"))
    out = tmp_path / "c.png"
    result = runner.invoke(app, ["render", str(events_file), "-f", "png", "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "install" in result.stderr
    assert "chromium" in result.stderr
    assert not out.exists()


def test_report_html_is_written_with_the_chart_and_table(events_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports" / "report.html"
    result = runner.invoke(app, ["report", str(events_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert 'id="events-table"' in page
    assert len(page) > 3_000_000  # plotly.js inline


def test_report_filters_apply(events_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    args = ["report", str(events_file), "-o", str(out), "--track", "Frictions"]
    assert runner.invoke(app, args).exit_code == 0
    assert out.read_text(encoding="utf-8").count('<tr id="event-') == 3


@needs_browser
def test_report_markdown_with_a_chart_image(events_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "r" / "report.md"
    result = runner.invoke(app, ["report", str(events_file), "-f", "md", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Blinken in Beijing")
    assert "](report.png)" in text
    assert (out.parent / "report.png").read_bytes().startswith(b"\x89PNG")


def test_report_markdown_without_a_browser_warns_and_leaves_the_chart_out(
    events_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "none"))
    out = tmp_path / "report.md"
    result = runner.invoke(app, ["report", str(events_file), "-f", "md", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "warning: the report has no chart image" in result.stderr
    assert "report.png" not in out.read_text(encoding="utf-8")
