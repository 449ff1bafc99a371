"""Draw a Timeline as an interactive, offline plotly chart; the only module that imports plotly.

``build_figure`` is pure and deterministic: one lane per track (in the file's order), events
packed into sub-rows so labels do not overlap (see ``timeline.placement``), eras as background
bands, a range slider and range buttons. ``write_html`` writes a self-contained page (plotly.js
inline, a fixed div id, no timestamps), so the same timeline always gives the same bytes.

How things are drawn:

* status by shape *and* fill: happened = filled circle, planned = hollow circle (white inside),
  postponed = hollow diamond, cancelled = x; the colour says the track;
* a day = a marker; an interval = a solid bar from start to end, its marker at the start;
* a month, season, year... = a faint bar over the whole period with its marker in the middle;
* ``~``/``?`` = an even fainter, thinner band over the fuzzy extent;
* an open end = the bar runs to the right edge of the data and ends in an arrow;
* no date = a marker in the "date not set" column at the right;
* what the relations add (``timeline.render_relations``): whiskers over the windows they leave
  undated events, an arrow per relation, and ghosted planned dates linked to when it happened;
  each is a legend entry that toggles it.

plotly is imported inside the functions: ``import timeline`` and ``timeline --help`` stay fast.

>>> from timeline.io import loads
>>> tl = loads("title: t\\ntracks: [a]\\nevents:\\n"
...            "- {id: e, title: E, date: 2023-06-18, track: a}\\n")
>>> fig = build_figure(tl)
>>> [t["customdata"] for t in fig.to_dict()["data"] if t.get("customdata")]
[['e']]
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.chart_layout import build_layout, chart_height
from timeline.hover import escape, hover_text
from timeline.models import STATUSES, Status, Timeline
from timeline.output import write_atomic
from timeline.placement import DEFAULT_WIDTH, LABEL_FONT_SIZE, Placed, Placement, place, to_iso
from timeline.render_relations import sequence_legend, sequence_traces

if TYPE_CHECKING:
    import plotly.graph_objects as go

DIV_ID = "timeline"
TRACK_COLORS = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
)
SYMBOLS: dict[Status, str] = {
    "happened": "circle",
    "planned": "circle",
    "postponed": "diamond",
    "cancelled": "x",
}
# Hollow = a white inside and a coloured rim: plotly's "-open" symbols have no fill at all, so
# a bar or span under them would show through and make them look filled.
HOLLOW: frozenset[Status] = frozenset({"planned", "postponed"})
LEGEND_COLOR = "#444444"


def build_figure(
    timeline: Timeline, *, width: int | None = None, height: int | None = None
) -> go.Figure:
    """Build the chart of ``timeline``: a pure function of its arguments.

    ``width`` (px) is the width labels are fitted to and, when given, the figure's width;
    without it the figure fills its container. ``height`` defaults to what the lanes need.

    >>> from timeline.io import loads
    >>> tl = loads("title: Talks\\ntracks: [a]\\nevents: []\\n")
    >>> build_figure(tl, width=800).layout.width
    800
    """
    import plotly.graph_objects as go

    # Validation is off: it costs more than building at 10k events, and it does not know
    # rangeslider.yaxis2 (plotly.js does). tests/test_render.py validates the rest.
    return go.Figure(figure_dict(timeline, width=width, height=height), _validate=False)


def figure(timeline: Timeline) -> go.Figure:
    """Build the chart of ``timeline`` at the default size (``build_figure`` with no options)."""
    return build_figure(timeline)


def write_html(
    fig: go.Figure | Mapping[str, Any],
    path: str | Path,
    *,
    include_plotlyjs: bool | str = True,
    div_id: str = DIV_ID,
) -> Path:
    """Write ``fig`` (a figure, or its plain dict from ``figure_dict``) as an HTML page.

    Returns the path written.

    With ``include_plotlyjs=True`` (the default) plotly.js is inlined, so the page works with
    no network; ``"cdn"`` makes it small but online-only. The output is byte-identical for the
    same figure.

    >>> from timeline.io import loads
    >>> tl = loads("title: t\\ntracks: [a]\\nevents: []\\n")
    >>> write_html(build_figure(tl), "/tmp/t.html").name  # doctest: +SKIP
    't.html'

    Raises:
        RenderError: the file cannot be written.
    """
    import plotly.io as pio

    layout = fig.get("layout", {}) if isinstance(fig, Mapping) else fig.layout.to_plotly_json()
    fitted = int(layout.get("width") or DEFAULT_WIDTH)
    page = pio.to_html(
        fig,
        config={"displaylogo": False, "responsive": True, "scrollZoom": True},
        include_plotlyjs=include_plotlyjs,
        full_html=True,
        div_id=div_id,
        validate=False,
        # Labels were packed for this width: a narrower window scrolls sideways rather than
        # squeezing the chart until labels overlap; a wider one gives them more room.
        post_script=(
            f"var gd = document.getElementById('{div_id}'); gd.style.minWidth = '{fitted}px';"
            " Plotly.Plots.resize(gd);"
        ),
    )
    return write_atomic(path, page)


def figure_dict(
    timeline: Timeline, *, width: int | None = None, height: int | None = None
) -> dict[str, Any]:
    """The chart as plain plotly JSON data (what ``build_figure`` wraps in a Figure)."""
    placement = place(timeline, width=width)
    colors = {t: TRACK_COLORS[n % len(TRACK_COLORS)] for n, t in enumerate(timeline.tracks)}
    sources = {source.id: source for source in timeline.sources}
    hover = {p.event.id: hover_text(p.event, sources) for p in placement.events}
    y_of = {n: lane.first for n, lane in enumerate(placement.lanes)}
    traces = _traces(placement, colors, hover, sequence_traces(timeline, placement, y_of))
    layout = build_layout(timeline, placement, height or chart_height(placement))
    if width is not None:
        layout["width"] = width
    return {"data": traces, "layout": layout}


# --- traces -----------------------------------------------------------------------------


def _traces(
    placement: Placement,
    colors: dict[str, str],
    hover: dict[str, str],
    sequence: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Bands, then the sequence layer (windows, arrows, plans), then markers and labels."""
    dated = [p for p in placement.events if p.kind != "undated"]
    undated = [p for p in placement.events if p.kind == "undated"]
    y_of = {n: lane.first for n, lane in enumerate(placement.lanes)}
    by_lane: dict[int, list[Placed]] = {n: [] for n in range(len(placement.lanes))}
    by_status: dict[tuple[Status, int], list[Placed]] = {}
    for p in dated:
        by_lane[p.lane].append(p)
        by_status.setdefault((p.event.status, p.lane), []).append(p)
    traces: list[dict[str, Any]] = []
    for lane, (track, color) in enumerate(colors.items()):
        mine = by_lane[lane]
        fuzzy = [p for p in mine if p.fuzzy is not None]
        spans = [p for p in mine if p.kind == "span"]
        bars = [p for p in mine if p.kind == "interval"]
        traces.append(_band(fuzzy, "fuzzy", y_of, _rgba(color, 0.14), 5, track))
        traces.append(_band(spans, "span", y_of, _rgba(color, 0.3), 9, track))
        traces.append(_band(bars, "interval", y_of, _rgba(color, 0.85), 6, track))
    traces.append(_open_ends(dated, y_of))
    traces.extend(sequence)
    for status in STATUSES:
        for lane, color in enumerate(colors.values()):
            if (status, lane) in by_status:
                mine = by_status[status, lane]
                traces.append(_markers(mine, y_of, status, color, hover, "x"))
        mine = [p for p in undated if p.event.status == status]
        if mine:
            # One trace per status: the colour of each point says its track.
            point_colors = [colors[p.event.track] for p in mine]
            traces.append(_markers(mine, y_of, status, point_colors, hover, "x2"))
    traces.append(_labels(dated, y_of, "x"))
    if undated:
        traces.append(_labels(undated, y_of, "x2"))
    traces.extend(_legend(placement))
    traces.extend(sequence_legend(sequence))
    return [t for t in traces if t.get("x") or t.get("showlegend")]


def _band(
    placed: list[Placed], kind: str, y_of: dict[int, int], color: str, width: int, track: str
) -> dict[str, Any]:
    """Thick horizontal lines, one per event, in one trace (``None`` separates them).

    ``kind`` "fuzzy" draws each event's fuzzy extent, the others its strict one. ``meta``
    lists the event id of each line, in order, so a page can dim an event's lines with it
    (``customdata`` is kept for the markers, which are what a click or a filter picks).
    """
    xs: list[str | None] = []
    ys: list[int | None] = []
    ids: list[str] = []
    for p in placed:
        extent = p.fuzzy if kind == "fuzzy" else p.strict
        if extent is None:
            continue
        row = y_of[p.lane] + p.row
        xs += [to_iso(extent[0]), to_iso(extent[1]), None]
        ys += [row, row, None]
        ids.append(p.event.id)
    return {
        "type": "scatter",
        "mode": "lines",
        "name": f"{kind}: {track}",
        "legendgroup": kind,
        "showlegend": False,
        "x": xs,
        "y": ys,
        "line": {"color": color, "width": width},
        "hoverinfo": "skip",
        "connectgaps": False,
        "meta": ids,
    }


def _open_ends(dated: list[Placed], y_of: dict[int, int]) -> dict[str, Any]:
    """Arrow heads at the open ends of intervals ("..": still going, or end unknown).

    ``meta`` holds each arrow's event id, as for the bands.
    """
    xs: list[str] = []
    ys: list[int] = []
    symbols: list[str] = []
    ids: list[str] = []
    for p in dated:
        if p.strict is None:
            continue
        if p.open_end:
            xs.append(to_iso(p.strict[1]))
            ys.append(y_of[p.lane] + p.row)
            symbols.append("triangle-right")
            ids.append(p.event.id)
        if p.open_start:
            xs.append(to_iso(p.strict[0]))
            ys.append(y_of[p.lane] + p.row)
            symbols.append("triangle-left")
            ids.append(p.event.id)
    return {
        "type": "scatter",
        "mode": "markers",
        "name": "open end",
        "legendgroup": "open",
        "showlegend": False,
        "x": xs,
        "y": ys,
        "marker": {"symbol": symbols, "size": 10, "color": LEGEND_COLOR},
        "hoverinfo": "skip",
        "meta": ids,
    }


def _markers(
    placed: list[Placed],
    y_of: dict[int, int],
    status: Status,
    color: str | list[str],
    hover: dict[str, str],
    xaxis: str,
) -> dict[str, Any]:
    undated = xaxis == "x2"
    return {
        "type": "scatter",
        "mode": "markers",
        "name": status,
        "legendgroup": status,
        "showlegend": False,
        "xaxis": xaxis,
        "x": [p.marker_x if undated else to_iso(p.marker_x) for p in placed],
        "y": [y_of[p.lane] + p.row for p in placed],
        "customdata": [p.event.id for p in placed],
        "hovertext": [hover[p.event.id] for p in placed],
        "hoverinfo": "text",
        "marker": _marker_style(status, color, 11),
    }


def _marker_style(status: Status, color: str | list[str], size: int) -> dict[str, Any]:
    """Shape and fill by status; ``color`` (the track's) fills, or rims a hollow marker."""
    if status in HOLLOW:
        return {
            "symbol": SYMBOLS[status],
            "size": size,
            "color": "white",
            "line": {"width": 2, "color": color},
        }
    return {
        "symbol": SYMBOLS[status],
        "size": size if status != "cancelled" else size - 1,
        "color": color,
        "line": {"width": 1, "color": "white"},
    }


def _labels(placed: list[Placed], y_of: dict[int, int], xaxis: str) -> dict[str, Any]:
    """Every label in one text trace: invisible anchor points, text to their right or left."""
    shown = [p for p in placed if p.label]
    undated = xaxis == "x2"
    return {
        "type": "scatter",
        "mode": "markers+text",
        "name": "labels",
        "showlegend": False,
        "xaxis": xaxis,
        # On their own (invisible, matching) y axis, so the range slider can leave them out.
        "yaxis": "y2",
        "x": [p.label_x if undated else to_iso(p.label_x) for p in shown],
        "y": [y_of[p.lane] + p.row for p in shown],
        "text": [escape(p.label) for p in shown],
        "textposition": [f"middle {p.side}" for p in shown],
        "textfont": {"size": LABEL_FONT_SIZE, "color": "#222222"},
        "marker": {"size": 12, "opacity": 0},
        "hoverinfo": "skip",
        "cliponaxis": False,
    }


def _legend(placement: Placement) -> list[dict[str, Any]]:
    """Legend-only entries (no points) explaining shapes, for what the chart actually shows."""
    present = {p.event.status for p in placement.events}
    entries = [
        _legend_entry(
            status, status, {"mode": "markers", "marker": _marker_style(status, LEGEND_COLOR, 10)}
        )
        for status in STATUSES
        if status in present
    ]
    kinds = {p.kind for p in placement.events}
    line = {"mode": "lines"}
    if "interval" in kinds:
        bar = {**line, "line": {"color": _rgba(LEGEND_COLOR, 0.85), "width": 6}}
        entries.append(_legend_entry("interval (from-to)", "interval", bar))
    if "span" in kinds:
        precisions = {
            p.event.when.precision for p in placement.events if p.kind == "span" and p.event.when
        }
        words = [precision.name.lower() for precision in sorted(precisions, reverse=True)]
        span = {**line, "line": {"color": _rgba(LEGEND_COLOR, 0.3), "width": 9}}
        entries.append(_legend_entry(f"{'/'.join(words)} precision", "span", span))
    if any(p.fuzzy is not None for p in placement.events):
        band = {**line, "line": {"color": _rgba(LEGEND_COLOR, 0.14), "width": 5}}
        entries.append(_legend_entry("approximate/uncertain (~ ?)", "fuzzy", band))
    if any(p.open_end or p.open_start for p in placement.events):
        arrow = {"mode": "markers", "marker": {"symbol": "triangle-right", "color": LEGEND_COLOR}}
        entries.append(_legend_entry("open end", "open", arrow))
    return entries


def _legend_entry(name: str, group: str, style: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "scatter",
        "name": name,
        "legendgroup": group,
        "showlegend": True,
        "x": [None],
        "y": [None],
        "hoverinfo": "skip",
        **style,
    }


def _rgba(color: str, alpha: float) -> str:
    """``#rrggbb`` with an alpha, as plotly's ``rgba(...)``; other colours pass through."""
    if len(color) != 7 or not color.startswith("#"):
        return color
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"
