"""Where a command's text goes: to the ``--output`` file (atomically), or else to stdout."""

from __future__ import annotations

from pathlib import Path

import typer

from timeline.cli._errors import reporting_errors
from timeline.output import write_atomic


def emit(text: str, output: Path | None) -> bool:
    """Write ``text`` to ``output``, or print it when there is none; True if a file was written.

    A file that cannot be written is one line on stderr and exit code 1.
    """
    if output is None:
        typer.echo(text, nl=False)
        return False
    with reporting_errors():
        write_atomic(output, text)
    return True
