"""The ``render`` command: an events file in, the chart out as a page, fragment, JSON or image."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from timeline.cli import _filters
from timeline.cli._errors import reporting_errors
from timeline.filters import select
from timeline.io import load

DEFAULT_FILE = Path("events.yaml")
DEFAULT_OUTPUTS = {
    "html": Path("exports/timeline.html"),
    "div": Path("exports/timeline-div.html"),
    "json": Path("exports/timeline.json"),
    "png": Path("exports/timeline.png"),
    "svg": Path("exports/timeline.svg"),
    "pdf": Path("exports/timeline.pdf"),
}


class RenderFormat(StrEnum):
    html = "html"
    div = "div"
    json = "json"
    png = "png"
    svg = "svg"
    pdf = "pdf"


class PlotlyJsSource(StrEnum):
    inline = "inline"
    cdn = "cdn"
    none = "none"


class ThemeName(StrEnum):
    light = "light"
    dark = "dark"


def render(
    file: Annotated[
        Path, typer.Argument(help="The events file to read.", show_default=True)
    ] = DEFAULT_FILE,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write (folders are created). Default: exports/timeline.<format>.",
        ),
    ] = None,
    output_format: Annotated[
        RenderFormat,
        typer.Option(
            "--format",
            "-f",
            help="html page, div fragment, plotly json, or png/svg/pdf image (needs Chromium).",
        ),
    ] = RenderFormat.html,
    plotlyjs: Annotated[
        PlotlyJsSource,
        typer.Option(
            "--plotlyjs", help="html/div: plotly.js inline (offline), from the cdn, or none."
        ),
    ] = PlotlyJsSource.inline,
    width: Annotated[
        int | None, typer.Option("--width", min=200, help="Width in px (images: 1200).")
    ] = None,
    height: Annotated[
        int | None, typer.Option("--height", min=100, help="Height in px (default: fits lanes).")
    ] = None,
    scale: Annotated[
        float, typer.Option("--scale", min=0.1, max=10, help="Pixel multiplier for png.")
    ] = 1.0,
    theme: Annotated[ThemeName, typer.Option("--theme", help="light or dark.")] = ThemeName.light,
    start: _filters.From = None,
    end: _filters.To = None,
    tracks: _filters.Tracks = None,
    tags: _filters.Tags = None,
    actors: _filters.Actors = None,
) -> None:
    """Draw the events as an interactive chart: a page, a fragment, JSON or an image.

    One lane per track; hover an event for its date, status, actors, place and sources. The
    html page embeds plotly.js, so it opens offline. div is a fragment to paste into a page
    of your own; json is the plotly figure; png, svg and pdf are drawn by the Chromium on
    this machine (kaleido, else Chromium directly), e.g. --format png --width 1600. The
    size, theme and filters apply to every format. Prints the path it wrote.

    Example: timeline render events.yaml -o exports/timeline.html
    """
    # plotly is slow to import: only when rendering.
    from timeline.render_formats import ChartOptions, chart, write_chart

    with reporting_errors():
        timeline = load(file)
    chosen = _filters.selection(
        timeline, start=start, end=end, tracks=tracks, tags=tags, actors=actors
    )
    options = ChartOptions(width=width, height=height, scale=scale, theme=theme.value)
    target = output or DEFAULT_OUTPUTS[output_format.value]
    with reporting_errors():
        # The plain dict skips plotly.py's Figure objects: the same page, 0.5 s sooner at 10k.
        figure = chart(select(timeline, chosen), options)
        written = write_chart(
            figure, target, fmt=output_format.value, plotlyjs=plotlyjs.value, options=options
        )
    typer.echo(str(written))
