"""The ``timeline timex`` command: tag time expressions in files or in a JSON-lines stream.

Arguments, I/O and exit codes only; the work is :func:`timeline.tag`.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from timeline.cli._dct import read_dct_option, unreadable_date
from timeline.cli._errors import reporting_errors
from timeline.io import read_text
from timeline.mentions import Mention
from timeline.tagger import tag


def _parse_date(value: object, where: str) -> date:
    if value is None:
        raise ValueError(f'{where}: "dct" is missing; give the publication date as YYYY-MM-DD')
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{where}: {unreadable_date(value)}")


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(code=1)


def _table(name: str, mentions: list[Mention]) -> str:
    rows = [f"{name}: {len(mentions)} time expression(s)"]
    # The mod column fits the longest TimeML mod, EQUAL_OR_LESS (13 characters).
    rows += [
        f"  {m.start:>6}-{m.end:<6} {m.type:<8} {m.value:<18} {m.mod or '-':<13} {m.text}"
        + (f" (reaches {m.point})" if m.point else "")
        for m in mentions
    ]
    return "\n".join(rows)


def _jsonl(stdin: Any) -> None:
    """Answer each ``{"id", "text", "dct"}`` line with ``{"id", "timexes": [...]}``."""
    for number, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        where = f"stdin line {number}"
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError(f'{where}: expected an object with "id", "text" and "dct"')
            reference = _parse_date(item.get("dct"), where)
        except json.JSONDecodeError as err:
            raise _fail(f"{where}: not JSON: {err}") from err
        except ValueError as err:
            raise _fail(str(err)) from err
        timexes = []
        for m in tag(item["text"], reference=reference):
            timex: dict[str, object] = {
                "start": m.start,
                "end": m.end,
                "type": m.type,
                "value": m.value,
            }
            if m.mod is not None:
                timex["mod"] = m.mod
            if m.point is not None:
                timex["point"] = m.point
            timexes.append(timex)
        sys.stdout.write(json.dumps({"id": item.get("id"), "timexes": timexes}) + "\n")
        sys.stdout.flush()


def timex(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Text files to tag (UTF-8).", show_default=False)
    ] = None,
    dct: Annotated[
        str | None,
        typer.Option("--dct", help="Document creation (publication) date, YYYY-MM-DD."),
    ] = None,
    jsonl: Annotated[
        bool,
        typer.Option(
            "--jsonl",
            help='Read {"id", "text", "dct"} JSON lines on stdin; write one line per input.',
        ),
    ] = False,
) -> None:
    """Find time expressions and normalise them to TimeML TIMEX3 values.

    With FILE arguments, print a table per file (offsets, type, value, mod, text), resolving
    relative expressions against --dct. With --jsonl, read JSON lines from stdin and write
    {"id", "timexes": [{"start", "end", "type", "value", "mod"?, "point"?}]} per line, in
    order. "point" is the date an anchored duration reaches: "three days later" is P3D.

    Example: timeline timex article.txt --dct 2023-06-20
    """
    if jsonl:
        if files:
            raise typer.BadParameter("give FILE arguments or --jsonl, not both")
        _jsonl(sys.stdin)
        return
    if not files:
        raise typer.BadParameter("give at least one FILE, or --jsonl")
    if dct is None:
        raise typer.BadParameter("required with FILE arguments", param_hint="'--dct'")
    reference = read_dct_option(dct)
    for path in files:
        with reporting_errors():
            text = read_text(path)
        typer.echo(_table(str(path), tag(text, reference=reference)))
