"""Run the command-line interface: ``python -m timeline``."""

from timeline.cli import app

app(prog_name="timeline")
