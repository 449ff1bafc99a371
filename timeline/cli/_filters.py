"""The --from/--to/--track/--tag/--actor options that every output command shares.

A command declares the options with the ``From``, ``To``, ``Tracks``, ``Tags`` and ``Actors``
types and calls ``selection`` with their values and the loaded timeline: names that are not in
the file become a ``typer.BadParameter`` with a suggestion, so a typo is never a silently empty
chart.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

import typer

from timeline.dates import EDTFDate, parse_edtf
from timeline.errors import DateSyntaxError, did_you_mean
from timeline.filters import Selection
from timeline.models import Timeline

From = Annotated[
    str | None,
    typer.Option(
        "--from",
        metavar="DATE",
        help="Keep events that may fall on or after this EDTF date (2023-06).",
    ),
]
To = Annotated[
    str | None,
    typer.Option(
        "--to", metavar="DATE", help="Keep events that may fall on or before this EDTF date (2023)."
    ),
]
Tracks = Annotated[
    list[str] | None,
    typer.Option("--track", metavar="TRACK", help="Keep this track; repeat for more."),
]
Tags = Annotated[
    list[str] | None,
    typer.Option("--tag", metavar="TAG", help="Keep events with this tag; repeat."),
]
Actors = Annotated[
    list[str] | None,
    typer.Option("--actor", metavar="ACTOR", help="Keep events with this actor; repeat."),
]


def selection(
    timeline: Timeline,
    *,
    start: str | None,
    end: str | None,
    tracks: list[str] | None,
    tags: list[str] | None,
    actors: list[str] | None,
) -> Selection:
    """Check the option values against ``timeline`` and return what they select.

    Raises:
        typer.BadParameter: a date that is not EDTF, or a name the file does not use.
    """
    _known("--track", tracks or [], timeline.tracks, fold=False)
    _known("--tag", tags or [], (t for e in timeline.events for t in e.tags), fold=True)
    _known("--actor", actors or [], (a for e in timeline.events for a in e.actors), fold=True)
    return Selection(
        start=_date("--from", start),
        end=_date("--to", end),
        tracks=tuple(tracks or ()),
        tags=tuple(tags or ()),
        actors=tuple(actors or ()),
    )


def _date(option: str, text: str | None) -> EDTFDate | None:
    if text is None:
        return None
    try:
        return parse_edtf(text)
    except DateSyntaxError as err:
        raise typer.BadParameter(str(err), param_hint=option) from None


def _known(option: str, asked: list[str], used: Iterable[str], *, fold: bool) -> None:
    names = sorted(set(used))
    folded = {n.casefold() for n in names} if fold else set(names)
    for name in asked:
        if (name.casefold() if fold else name) in folded:
            continue
        hint = did_you_mean(name, names, otherwise=f" (the file has: {', '.join(names)})")
        raise typer.BadParameter(f"{name!r} is not used in the file{hint}", param_hint=option)
