"""How every command reports a library error: one line per problem on stderr, exit code 1."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from timeline.errors import TimelineError, TimelineFileError


@contextmanager
def reporting_errors() -> Iterator[None]:
    """Turn a ``TimelineError`` raised inside the block into stderr lines and exit code 1."""
    try:
        yield
    except TimelineFileError as err:
        for diagnostic in err.diagnostics:
            typer.echo(str(diagnostic), err=True)
        raise typer.Exit(code=1) from None
    except TimelineError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(code=1) from None
