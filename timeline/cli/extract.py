"""Commands that turn articles into candidates and fold them in: ``extract`` and ``merge``."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from timeline.cli._dct import read_dct_option
from timeline.cli._errors import reporting_errors
from timeline.cli._output import emit
from timeline.corpus import read_articles
from timeline.io import load
from timeline.manifest import read_manifest

# Below this many articles a progress bar would only flicker.
PROGRESS_MIN_ARTICLES = 20


class OutputFormat(StrEnum):
    yaml = "yaml"
    json = "json"


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A rich progress bar on stderr, only when stderr is a terminal and there is much to do."""
    if total < PROGRESS_MIN_ARTICLES or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("extracting", total=total)
        yield lambda done: bar.update(task, completed=done)


def extract(
    articles: Annotated[
        list[Path], typer.Argument(help="Article text files (UTF-8).", show_default=False)
    ],
    manifest: Annotated[
        Path | None,
        typer.Option(help="YAML manifest: documents with file, title, published, url, publisher."),
    ] = None,
    dct: Annotated[
        str | None,
        typer.Option(help="Creation date (YYYY-MM-DD) of articles the manifest does not list."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="yaml (an events file) or json.")
    ] = OutputFormat.yaml,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Worker processes; same result as one.")
    ] = 1,
) -> None:
    """Find event candidates in news articles and merge them across articles.

    Each article's creation date comes from the manifest, else from --dct; with neither, a
    warning is printed and relative dates ("on Monday") are left unresolved. The output is an
    events file (it passes `timeline validate` and renders as is) whose events cite every
    article that reports them, with the character span of the sentence.

    Example: timeline extract seeds/*.txt --manifest seeds/manifest.yaml -o exports/extracted.yaml
    """
    reference = None if dct is None else read_dct_option(dct)
    with reporting_errors():
        entries = read_manifest(manifest) if manifest is not None else None
        found, warnings = read_articles(articles, manifest=entries, dct=reference)
        for warning in warnings:
            typer.echo(f"warning: {warning}", err=True)
        from timeline.corpus import extract_timeline
        from timeline.serialize import to_json, to_yaml

        with _progress(len(found)) as progress:
            timeline = extract_timeline(found, jobs=jobs, progress=progress)
        text = to_json(timeline) if output_format is OutputFormat.json else to_yaml(timeline)
    if emit(text, output):
        typer.echo(
            f"{output}: {len(timeline.events)} candidates from {len(found)} articles", err=True
        )


def merge(
    candidates: Annotated[
        Path, typer.Argument(help="Candidates from `timeline extract`.", show_default=False)
    ],
    into: Annotated[Path, typer.Option(help="The events file to fold them into.")] = Path(
        "events.yaml"
    ),
) -> None:
    """Fold extracted candidates into an events file for review.

    A candidate that reports a curated event (overlapping dates, shared actors or keywords)
    adds its citations to it; the others are appended with `review: pending`. Nothing is
    deleted or rewritten: comments, blank lines and key order stay, the file is replaced
    atomically, and a second run changes nothing. Prints: linked N, added M, unchanged K.

    Example: timeline merge exports/extracted.yaml --into events.yaml
    """
    with reporting_errors():
        found = load(candidates)
        from timeline.store import merge_into

        summary = merge_into(found, into)
    typer.echo(f"{into}: {summary}")
