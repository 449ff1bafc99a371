"""The ``timeline`` command: a thin client of the library.

Each module here owns a group of commands (arguments, I/O, exit codes) and nothing else; this
file lists them in the order ``timeline --help`` shows them. To add a command, write it in the
module of its group (or a new one) and register it below.
"""

from __future__ import annotations

from typing import Annotated

import typer

from timeline import __version__
from timeline.cli import events, extract, interchange, render, report, timex

app = typer.Typer(
    name="timeline",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Build validated, ordered, interactive timelines from events.yaml and news articles.",
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"timeline {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Build validated, ordered, interactive timelines from events.yaml and news articles."""


app.command()(render.render)
app.command()(events.validate)
app.command("list")(events.list_events)
app.command()(events.schema)
app.command()(report.report)
app.command()(interchange.export)
app.command("import")(interchange.import_events)
app.command()(timex.timex)
app.command()(extract.extract)
app.command()(extract.merge)
