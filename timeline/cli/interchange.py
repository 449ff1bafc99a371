"""The ``export`` and ``import`` commands: events to and from CSV, TimelineJS and iCalendar."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from timeline.cli import _filters
from timeline.cli._errors import reporting_errors
from timeline.cli._output import emit
from timeline.filters import select
from timeline.interchange.csv_format import from_csv, to_csv
from timeline.interchange.ics import from_ics, to_ics
from timeline.interchange.timelinejs import from_timelinejs, to_timelinejs
from timeline.io import load, read_text
from timeline.models import Timeline
from timeline.serialize import to_yaml

DEFAULT_FILE = Path("events.yaml")


class InterchangeFormat(StrEnum):
    """The formats both ``export`` writes and ``import`` reads."""

    csv = "csv"
    timelinejs = "timelinejs"
    ics = "ics"


_SUFFIXES = {
    ".csv": InterchangeFormat.csv,
    ".json": InterchangeFormat.timelinejs,
    ".ics": InterchangeFormat.ics,
}


def export(
    file: Annotated[Path, typer.Argument(help="The events file to read.")] = DEFAULT_FILE,
    output_format: Annotated[
        InterchangeFormat,
        typer.Option("--format", "-f", help="timelinejs (JSON), csv, or ics (iCalendar)."),
    ] = InterchangeFormat.csv,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    start: _filters.From = None,
    end: _filters.To = None,
    tracks: _filters.Tracks = None,
    tags: _filters.Tags = None,
    actors: _filters.Actors = None,
) -> None:
    """Export the events as TimelineJS3 JSON, CSV or iCalendar, for other tools.

    csv: one row per event in order (lists joined with "; "), for spreadsheets. timelinejs:
    the JSON file TimelineJS (timeline.knightlab.com) reads; all text escaped. ics: all-day
    calendar entries spanning each date's bounds. Undated events are left out of timelinejs
    and ics. "timeline import" reads all three back.

    Example: timeline export events.yaml --format timelinejs -o exports/timeline.json
    """
    with reporting_errors():
        timeline = load(file)
    chosen = _filters.selection(
        timeline, start=start, end=end, tracks=tracks, tags=tags, actors=actors
    )
    timeline = select(timeline, chosen)
    if output_format is InterchangeFormat.csv:
        text = to_csv(timeline)
    elif output_format is InterchangeFormat.timelinejs:
        text = to_timelinejs(timeline)
    else:
        text = to_ics(timeline)
    if emit(text, output):
        typer.echo(str(output), err=True)


def import_events(
    source: Annotated[Path, typer.Argument(help="The CSV, TimelineJS JSON or .ics file to read.")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The events file to write (default: stdout)."),
    ] = None,
    input_format: Annotated[
        InterchangeFormat | None,
        typer.Option("--format", "-f", help="The input format; guessed from the suffix if absent."),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="The timeline title (default: from the input).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file if it exists.")
    ] = False,
) -> None:
    """Import events from CSV, TimelineJS3 JSON or iCalendar into a new events file.

    The result is validated before it is written; every problem in the input is reported
    with its row or position. Ids are made from titles where the input has none. An existing
    output file is kept unless --force is given.

    Example: timeline import exports/timeline.csv -o imported.yaml
    """
    kind = input_format or _SUFFIXES.get(source.suffix.lower())
    if kind is None:
        raise typer.BadParameter(
            f"cannot tell the format of {source.name!r} from its suffix; pass --format",
            param_hint="--format",
        )
    if output is not None and output.exists() and not force:
        raise typer.BadParameter(
            f"{str(output)!r} exists; pass --force to replace it", param_hint="--output"
        )
    with reporting_errors():
        timeline = _read(source, kind, title or "")
        text = to_yaml(
            timeline,
            comment=f"Imported from {source.name} by timeline import; check it with "
            "timeline validate.",
        )
    if emit(text, output):
        typer.echo(f"{output}: {len(timeline.events)} events", err=True)


def _read(source: Path, kind: InterchangeFormat, title: str) -> Timeline:
    text = read_text(source)
    name = str(source)
    if kind is InterchangeFormat.csv:
        return from_csv(text, filename=name, title=title or source.stem)
    if kind is InterchangeFormat.timelinejs:
        return from_timelinejs(text, filename=name, title=title)
    return from_ics(text, filename=name, title=title)
