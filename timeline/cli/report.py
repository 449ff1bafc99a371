"""The ``report`` command: a standalone report page (or Markdown) of an events file."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from timeline.cli import _filters
from timeline.cli._errors import reporting_errors
from timeline.cli.render import ThemeName
from timeline.errors import RenderError
from timeline.filters import select
from timeline.io import load
from timeline.models import Timeline
from timeline.output import write_atomic

if TYPE_CHECKING:
    from timeline.render_formats import ChartOptions

DEFAULT_FILE = Path("events.yaml")


class ReportFormat(StrEnum):
    html = "html"
    md = "md"


def report(
    file: Annotated[Path, typer.Argument(help="The events file to read.")] = DEFAULT_FILE,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Where to write. Default: exports/report.<format>."),
    ] = None,
    output_format: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help="html (one offline page) or md (Markdown + PNG)."),
    ] = ReportFormat.html,
    theme: Annotated[ThemeName, typer.Option("--theme", help="light or dark.")] = ThemeName.light,
    start: _filters.From = None,
    end: _filters.To = None,
    tracks: _filters.Tracks = None,
    tags: _filters.Tags = None,
    actors: _filters.Actors = None,
) -> None:
    """Write a report: the title, the chart and the ordered table of events with citations.

    html is one self-contained page that works offline: the chart, filters by track, actor
    and tag, a search box that highlights matching events, a legend, and the table of events
    (date as written, status, title, sources with publisher, date and link, numbered). It
    prints cleanly. md is Markdown, with the chart as a PNG beside it when Chromium is
    installed (without one the chart is left out, with a warning).

    Example: timeline report events.yaml -o exports/report.html
    """
    from timeline.render_formats import ChartOptions  # plotly is slow to import
    from timeline.report import report_html, report_markdown

    with reporting_errors():
        timeline = load(file)
    chosen = _filters.selection(
        timeline, start=start, end=end, tracks=tracks, tags=tags, actors=actors
    )
    timeline = select(timeline, chosen)
    target = output or Path(f"exports/report.{output_format.value}")
    options = ChartOptions(theme=theme.value)
    with reporting_errors():
        if output_format is ReportFormat.html:
            written = write_atomic(target, report_html(timeline, options=options))
        else:
            image = _chart_image(timeline, target, options)
            written = write_atomic(target, report_markdown(timeline, image=image))
    typer.echo(str(written))


def _chart_image(timeline: Timeline, target: Path, options: ChartOptions) -> str | None:
    """Write the chart as a PNG beside ``target``; its file name, or None without a browser."""
    from timeline.render_formats import ChartOptions, chart, write_chart

    image = target.with_suffix(".png")
    sized = ChartOptions(width=1200, theme=options.theme, scale=2)
    try:
        write_chart(chart(timeline, sized), image, fmt="png", options=sized)
    except RenderError as err:
        typer.echo(f"warning: the report has no chart image: {err}", err=True)
        return None
    return image.name
