"""The layout half of the chart: axes, lane bands, era bands and titles, legend, range slider.

Plain plotly JSON (dicts), no plotly import: ``timeline.render`` adds the traces. Sizes are in
pixels; the y axis counts rows from the top (one header row for era titles, then each lane's
rows from ``timeline.placement``).
"""

from __future__ import annotations

from typing import Any

from timeline.dates import Interval, PartialDate
from timeline.hover import escape, shorten
from timeline.models import Timeline
from timeline.placement import Placement, to_iso

ROW_PX = 24
HEADER_ROWS = 1  # an empty row at the top for era titles
MARGIN_TOP = 112  # title, then the legend (up to two rows), then the range buttons
LEGEND_TOP_PX = 34  # the legend's own row starts this far below the top edge
AXIS_PX = 30
SLIDER_PX = 44
MARGIN_BOTTOM = AXIS_PX + SLIDER_PX + 16
FONT = '"Open Sans", verdana, arial, sans-serif'
ERA_COLORS = ("#b0b0b0", "#9ecae1", "#fdd0a2", "#c7e9c0", "#dadaeb")
RANGE_BUTTONS = (
    {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
    {"count": 6, "label": "6m", "step": "month", "stepmode": "backward"},
    {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
    {"label": "all", "step": "all"},
)


def chart_height(placement: Placement) -> int:
    """The height in px that gives every row of ``placement`` ``ROW_PX``."""
    return MARGIN_TOP + (placement.rows + HEADER_ROWS) * ROW_PX + MARGIN_BOTTOM


def build_layout(timeline: Timeline, placement: Placement, height: int) -> dict[str, Any]:
    """The figure's layout: axes, lanes, eras, legend, range slider and buttons."""
    x_lo, x_hi = (to_iso(x) for x in placement.x_range)
    plot_px = max(height - MARGIN_TOP - MARGIN_BOTTOM, 40)
    rows = placement.rows
    split = 1 - placement.undated_share
    xaxis: dict[str, Any] = {
        "type": "date",
        "range": [x_lo, x_hi],
        "domain": [0, split],
        "showgrid": True,
        "gridcolor": "#e6e6e6",
        "rangeslider": {
            "visible": True,
            "range": [x_lo, x_hi],
            # The labels' axis, aimed at nothing: the slider shows marks, not text.
            "yaxis2": {"rangemode": "fixed", "range": [1e6, 1e6 + 1]},
            "thickness": min(max(SLIDER_PX / (plot_px + SLIDER_PX), 0.05), 0.4),
        },
        "rangeselector": {"buttons": list(RANGE_BUTTONS), "x": 0, "y": 1.0, "yanchor": "bottom"},
    }
    layout: dict[str, Any] = {
        "title": {
            "text": escape(timeline.title),
            "x": 0.01,
            "xanchor": "left",
            "y": 0.99,
            "yref": "container",
            "yanchor": "top",
            "font": {"size": 18, "color": "#222222"},
        },
        # No plotly.py template: the figure and its plain dict (the CLI's fast path) then
        # draw the same, and the page does not carry 6 KB of unused template.
        "template": {},
        "font": {"family": FONT, "size": 12, "color": "#333333"},
        "height": height,
        "margin": {"l": placement.margin_left, "r": 24, "t": MARGIN_TOP, "b": MARGIN_BOTTOM},
        "dragmode": "pan",
        "hovermode": "closest",
        "hoverlabel": {"align": "left"},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "xaxis": xaxis,
        "yaxis": {
            "range": [rows - 0.5, -0.5 - HEADER_ROWS],
            "fixedrange": True,
            "tickvals": [lane.first + (lane.rows - 1) / 2 for lane in placement.lanes],
            "ticktext": [escape(shorten(lane.track)) for lane in placement.lanes],
            "showgrid": False,
            "zeroline": False,
            "ticks": "",
        },
        "yaxis2": {"matches": "y", "overlaying": "y", "visible": False, "fixedrange": True},
        # The legend has a row of its own under the title, so that however narrow the window
        # and however many rows it wraps to, it never covers the range buttons above the plot.
        "legend": {
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            "y": 1 - LEGEND_TOP_PX / height,
            "yanchor": "top",
            "font": {"size": 11},
            "itemclick": "toggle",
        },
        "shapes": [*_lane_shapes(placement), *_era_shapes(timeline)],
        "annotations": _era_titles(timeline, placement),
    }
    if placement.undated_share:
        layout["xaxis2"] = {
            "domain": [split, 1],
            "range": [0, 1],
            "fixedrange": True,
            "showticklabels": False,
            "showgrid": False,
            "zeroline": False,
            "anchor": "y",
        }
        layout["shapes"].append(
            {
                "type": "line",
                "xref": "paper",
                "yref": "paper",
                "x0": split,
                "x1": split,
                "y0": 0,
                "y1": 1,
                "line": {"color": "#999999", "width": 1, "dash": "dot"},
                "layer": "below",
            }
        )
        layout["annotations"].append(
            {
                "text": "<i>date not set</i>",
                "xref": "paper",
                "yref": "paper",
                "x": split,
                "y": 1,
                "xanchor": "left",
                "yanchor": "top",
                "xshift": 6,
                "showarrow": False,
                "font": {"size": 11, "color": "#555555"},
            }
        )
    return layout


def _lane_shapes(placement: Placement) -> list[dict[str, Any]]:
    """A faint band behind every other lane, and a rule between lanes."""
    shapes = []
    for n, lane in enumerate(placement.lanes):
        top, bottom = lane.first - 0.5, lane.first + lane.rows - 0.5
        if n % 2 == 1:
            shapes.append(
                {
                    "type": "rect",
                    "xref": "paper",
                    "yref": "y",
                    "x0": 0,
                    "x1": 1,
                    "y0": top,
                    "y1": bottom,
                    "fillcolor": "rgba(0,0,0,0.035)",
                    "line": {"width": 0},
                    "layer": "below",
                }
            )
        shapes.append(
            {
                "type": "line",
                "xref": "paper",
                "yref": "y",
                "x0": 0,
                "x1": 1,
                "y0": top,
                "y1": top,
                "line": {"color": "#cccccc", "width": 1},
                "layer": "below",
            }
        )
    return shapes


def _era_shapes(timeline: Timeline) -> list[dict[str, Any]]:
    shapes = []
    for n, era in enumerate(timeline.eras):
        lo, hi = _era_bounds(era.date)
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": lo,
                "x1": hi,
                "y0": 0,
                "y1": 1,
                "fillcolor": era.color or ERA_COLORS[n % len(ERA_COLORS)],
                "opacity": 0.22,
                "line": {"width": 0},
                "layer": "below",
                "name": escape(era.title),
            }
        )
    return shapes


def _era_titles(timeline: Timeline, placement: Placement) -> list[dict[str, Any]]:
    x_lo, x_hi = placement.x_range
    notes = []
    for era in timeline.eras:
        lo = max(era.date.earliest.toordinal(), x_lo)
        hi = min(era.date.latest.toordinal(), x_hi)
        middle = (lo + hi) / 2 if lo < hi else lo
        notes.append(
            {
                "text": escape(era.title),
                "xref": "x",
                "yref": "paper",
                "x": to_iso(middle),
                "y": 1,
                "yanchor": "top",
                "yshift": -4,
                "showarrow": False,
                "font": {"size": 11, "color": "#555555"},
            }
        )
    return notes


def _era_bounds(value: PartialDate | Interval) -> tuple[str, str]:
    """An era's band; an open end reaches far past the data (the axis clips it)."""
    lo = value.earliest if value.earliest.year > 1 else value.earliest.replace(year=1000)
    hi = value.latest if value.latest.year < 9999 else value.latest.replace(year=3000, day=1)
    return lo.isoformat(), hi.isoformat()
