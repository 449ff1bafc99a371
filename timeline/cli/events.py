"""Commands that read an events file: ``validate``, ``list`` and ``schema``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from timeline.cli._errors import reporting_errors
from timeline.cli._output import emit
from timeline.io import check, load
from timeline.models import Timeline
from timeline.ordering import OrderedEvent, order
from timeline.records import ordered_record

EventsFile = Annotated[Path, typer.Argument(help="The events file to read.", show_default=True)]
DEFAULT_FILE = Path("events.yaml")


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def validate(file: EventsFile = DEFAULT_FILE) -> None:
    """Check an events file and report every problem as FILE:LINE:COLUMN: message.

    Exits 0 when the file is valid (warnings are printed but do not fail), 1 otherwise.

    Example: timeline validate events.yaml
    """
    result = check(file)
    for diagnostic in result.diagnostics:
        typer.echo(str(diagnostic), err=True)
    if result.timeline is None:
        count = len(result.errors)
        typer.echo(f"{file}: {count} error{'s' if count != 1 else ''}", err=True)
        raise typer.Exit(code=1)
    timeline = result.timeline
    typer.echo(
        f"{file}: valid ({len(timeline.events)} events, {len(timeline.sources)} sources, "
        f"{len(timeline.tracks)} tracks)"
    )


def list_events(
    file: EventsFile = DEFAULT_FILE,
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="table for people, json for machines.")
    ] = ListFormat.table,
) -> None:
    """Print the events in order, using their dates and relations: a table, or JSON.

    The order never invents what is not known: a row marked ≈ may come before or after the
    row above it (their windows overlap and no relation links them). An event with no date
    shows the window its relations leave it, such as (from 2023-06-18).

    Each JSON item has id, title, date (as written), start and end (ISO days of the half-open
    bounds of the date), status, planned, track, actors, place, tags, sources and relations,
    and what the relations derive: earliest and latest (ISO days, half-open; null when
    unbounded), after (the ids it is known to follow) and order_unknown.

    Example: timeline list events.yaml --format json
    """
    with reporting_errors():
        timeline = load(file)
    items = order(timeline).events
    if output_format is ListFormat.json:
        records = [ordered_record(item, timeline) for item in items]
        typer.echo(json.dumps(records, indent=2, ensure_ascii=False))
        return
    rows = [
        (
            UNKNOWN_ORDER if item.order_unknown else "",
            _when(item),
            item.event.status,
            item.event.track,
            item.event.title,
        )
        for item in items
    ]
    typer.echo(_table(("", "date", "status", "track", "title"), rows))
    if any(item.order_unknown for item in items):
        typer.echo(f"\n{UNKNOWN_ORDER} {UNKNOWN_ORDER_NOTE}")


UNKNOWN_ORDER = "≈"
UNKNOWN_ORDER_NOTE = (
    "order against the row above is not known: their windows overlap and no relation links them"
)


def _when(item: OrderedEvent) -> str:
    """The date as written; else the planned date, or the window the relations leave."""
    event = item.event
    if event.date is not None:
        return str(event.date)
    if event.planned is not None:
        return f"planned {event.planned}"
    first = item.earliest.isoformat() if item.earliest is not None else None
    last = (item.latest - timedelta(days=1)).isoformat() if item.latest is not None else None
    if first and last:
        return f"({first} to {last})"
    if first:
        return f"(from {first})"
    if last:
        return f"(until {last})"
    return "(not set)"


def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Print the JSON Schema of the events file format, for editors and validators.

    Editors that speak the YAML language server complete field names and flag mistakes when
    the file's first line is the comment
    "# yaml-language-server: $schema=timeline.schema.json".

    Example: timeline schema -o timeline.schema.json
    """
    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if emit(text, output):
        typer.echo(str(output), err=True)


def json_schema() -> dict[str, object]:
    """The JSON Schema of the file format, generated from the models."""
    document = Timeline.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "timeline events file"
    return document


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)
