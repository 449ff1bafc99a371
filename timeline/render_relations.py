"""The sequence layer of the chart: derived windows, relation arrows and postponed plans.

``timeline.render`` draws what the dates say; this module adds what the relations say, as plain
plotly trace dicts (no plotly import, like the rest of the figure data):

* an undated event whose relations bound it gets a whisker on the date axis, in its own row,
  over its derived window (``timeline.propagation.solve``), dotted to tell it from a date's bar;
  an open side ends in a hollow arrow head at the edge of the data. (An event with only a
  ``planned`` date is not undated: the chart draws it at that date, see ``Event.when``.)
* each relation is an arrow from the event that carries it to its target; the hover says the
  relation (``'talks-wang-yi' --after--> 'talks-qin-gang'``). Arrows start and end at the
  markers of dated events and at the derived windows of undated ones (an event with neither
  has no arrow);
* a ``planned`` date that is not when the event happened (``postponed``, ``cancelled``, or a
  new ``date``) is a ghosted marker at the planned date, with a dashed line to when it
  happened: its own ``date``, else the event it was ``rescheduled_as``.

Each layer has one legend entry (``sequence_legend``, listed after the chart's own) in the
layer's ``legendgroup``, so a click on "relations" hides or shows every arrow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from timeline.dates import EDTFDate
from timeline.hover import escape
from timeline.models import Timeline
from timeline.placement import Placed, Placement, to_iso
from timeline.propagation import solve

ARROW_COLOR = "rgba(90,90,90,0.55)"
WINDOW_COLOR = "rgba(60,60,60,0.8)"
GHOST_COLOR = "rgba(120,120,120,0.45)"

Point = tuple[str, int]  # (ISO date on the x axis, row)
Window = tuple[date | None, date | None]  # a derived half-open window; None is unbounded


def sequence_traces(
    timeline: Timeline, placement: Placement, y_of: dict[int, int]
) -> list[dict[str, Any]]:
    """The whisker, arrow and planned-date traces for ``timeline`` as placed in ``placement``.

    ``y_of`` gives the first row of each lane. Returns ``[]`` when there is nothing to draw.
    """
    rows = {p.event.id: y_of[p.lane] + p.row for p in placement.events}
    edges = placement.data_range
    anchors: dict[str, Point] = {}
    windows: list[tuple[Placed, Window]] = []
    undated = [p for p in placement.events if p.kind == "undated"]
    # Only undated events need the network's windows; a file without them is not solved here.
    solution = solve(timeline.events) if undated else None
    index = {event.id: n for n, event in enumerate(timeline.events)}
    for p in placement.events:
        row = rows[p.event.id]
        if p.kind != "undated":
            anchors[p.event.id] = (to_iso(p.marker_x), row)
            continue
        assert solution is not None  # solved above whenever an event is undated
        earliest, latest = window = solution.window(index[p.event.id])
        known = earliest if earliest is not None else latest
        if known is not None:
            windows.append((p, window))
            anchors[p.event.id] = (known.isoformat(), row)
    traces = [
        _whiskers(windows, rows, edges),
        _arrows(timeline, anchors),
        _planned(timeline, rows, anchors),
    ]
    return [t for t in traces if t["x"]]


def sequence_legend(traces: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Legend-only entries for the layers in ``traces``, in the same legend groups."""
    entries = []
    for trace in traces:
        marker = dict(trace["marker"])
        marker["symbol"] = _LEGEND_SYMBOLS[trace["legendgroup"]]
        marker["size"] = 10
        marker.pop("angleref", None)
        entries.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": trace["name"],
                "legendgroup": trace["legendgroup"],
                "showlegend": True,
                "x": [None],
                "y": [None],
                "line": trace["line"],
                "marker": marker,
                "hoverinfo": "skip",
            }
        )
    return entries


_LEGEND_SYMBOLS = {
    "sequence-window": "line-ns",
    "sequence-relations": "arrow-right",
    "sequence-planned": "diamond-open",
}


@dataclass
class _Strokes:
    """The points of one scatter trace: strokes of markers, each ended by a gap (``None``)."""

    gap_symbol: str = "circle"
    xs: list[str | None] = field(default_factory=list)
    ys: list[int | None] = field(default_factory=list)
    symbols: list[str] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    hover: list[str] = field(default_factory=list)

    def add(self, points: Sequence[tuple[Point, str, int]], text: str) -> None:
        """Add one stroke through ``points`` (each with its marker symbol and size)."""
        for (x, y), symbol, size in points:
            self.xs.append(x)
            self.ys.append(y)
            self.symbols.append(symbol)
            self.sizes.append(size)
            self.hover.append(text)
        self.xs.append(None)
        self.ys.append(None)
        self.symbols.append(self.gap_symbol)
        self.sizes.append(0)
        self.hover.append("")


def _whiskers(
    windows: Sequence[tuple[Placed, Window]],
    rows: dict[str, int],
    edges: tuple[float, float],
) -> dict[str, Any]:
    """Thin lines over derived windows, capped at known ends, arrow heads at open ones."""
    strokes = _Strokes(gap_symbol="line-ns")
    for p, (earliest, latest) in windows:
        left = earliest.isoformat() if earliest is not None else to_iso(edges[0])
        right = latest.isoformat() if latest is not None else to_iso(edges[1])
        row = rows[p.event.id]
        text = (
            f"{escape(p.event.title)}<br>date not set; its relations place it "
            f"{_window(earliest, latest)}"
        )
        left_cap = "line-ns" if earliest is not None else "triangle-left-open"
        right_cap = "line-ns" if latest is not None else "triangle-right-open"
        strokes.add([((left, row), left_cap, 9), ((right, row), right_cap, 9)], text)
    return _layer(
        "derived window",
        "sequence-window",
        strokes,
        line={"color": WINDOW_COLOR, "width": 1.5, "dash": "dot"},
        marker={"size": 9, "color": WINDOW_COLOR, "line": {"width": 1.5}},
    )


def _arrows(timeline: Timeline, anchors: dict[str, Point]) -> dict[str, Any]:
    """One arrow per relation between two drawn events, in one toggleable trace."""
    strokes = _Strokes()
    for event in timeline.events:
        for relation in event.relations:
            start, end = anchors.get(event.id), anchors.get(relation.event)
            if start is None or end is None or start == end:
                continue
            text = f"{event.id!r} --{relation.type}--> {relation.event!r}"
            strokes.add([(start, "circle", 4), (end, "arrow", 10)], text)
    return _layer(
        "relations",
        "sequence-relations",
        strokes,
        line={"color": ARROW_COLOR, "width": 1},
        marker={"size": strokes.sizes, "color": ARROW_COLOR, "angleref": "previous"},
    )


def _planned(timeline: Timeline, rows: dict[str, int], anchors: dict[str, Point]) -> dict[str, Any]:
    """Ghosted markers at planned dates that did not hold, linked to when the event happened."""
    strokes = _Strokes()
    for event in timeline.events:
        # Without a date the event itself is drawn at its planned date: nothing to ghost.
        if event.planned is None or event.date is None:
            continue
        ghost = (_middle(event.planned), rows[event.id])
        text = f"{escape(event.title)}<br>planned for {event.planned} ({event.status})"
        target = anchors.get(event.id) if event.date is not None else None
        if target is None:
            moved = [r.event for r in event.relations if r.type == "rescheduled_as"]
            target = anchors.get(moved[0]) if moved else None
        if target is not None and target != ghost:
            strokes.add([(ghost, "diamond-open", 12), (target, "circle", 0)], text)
        else:
            strokes.add([(ghost, "diamond-open", 12)], text)
    return _layer(
        "planned date (did not hold)",
        "sequence-planned",
        strokes,
        line={"color": GHOST_COLOR, "width": 1.5, "dash": "dash"},
        marker={"size": strokes.sizes, "color": GHOST_COLOR, "line": {"width": 2}},
    )


def _layer(
    name: str,
    group: str,
    strokes: _Strokes,
    *,
    line: dict[str, Any],
    marker: dict[str, Any],
) -> dict[str, Any]:
    """A scatter trace of the strokes, in its own legend group."""
    return {
        "type": "scatter",
        "mode": "lines+markers",
        "name": name,
        "legendgroup": group,
        "showlegend": False,
        "x": strokes.xs,
        "y": strokes.ys,
        "line": line,
        "marker": {"symbol": strokes.symbols, **marker},
        "hovertext": strokes.hover,
        "hoverinfo": "text",
        "connectgaps": False,
    }


def _middle(value: EDTFDate) -> str:
    """The middle of a date's strict extent (its known end, if open), as the x of a marker."""
    first, last = value.earliest, value.latest
    if first == date.min:
        first = last
    if last == date.max:
        last = first
    return to_iso((first.toordinal() + last.toordinal()) / 2)


def _window(earliest: date | None, latest: date | None) -> str:
    first = earliest.isoformat() if earliest is not None else None
    last = latest.isoformat() if latest is not None else None
    if first and last:
        return f"from {first} to before {last}"
    return f"from {first}" if first else f"before {last}"
