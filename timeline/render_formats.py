"""The chart in every form but the page: options, dark theme, HTML fragment, figure JSON, notebooks.

``timeline.render`` draws the chart (``figure_dict``) and writes the standalone page; this module
applies the options every format shares (size, theme) and writes the forms that are text: a
``<div>`` fragment to paste into another page (plotly.js inline, from the CDN, or left to the
host page) and the plotly figure as JSON. Images (PNG, SVG, PDF) are ``timeline.render_images``.

The dark theme is one colour table (``DARK``) applied to the figure: every light colour the
renderer uses has its dark counterpart there. To theme a new colour, add it to the table.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from timeline.chart_layout import SLIDER_PX
from timeline.models import Timeline
from timeline.output import write_atomic
from timeline.render import DIV_ID, figure_dict, write_html

Theme = Literal["light", "dark"]
PlotlyJs = Literal["inline", "cdn", "none"]
ChartFormat = Literal["html", "div", "json", "png", "svg", "pdf"]
CHART_FORMATS: tuple[ChartFormat, ...] = ("html", "div", "json", "png", "svg", "pdf")
PLOTLY_CONFIG: dict[str, Any] = {"displaylogo": False, "responsive": True, "scrollZoom": True}

# Light colour used by timeline.render / timeline.chart_layout -> its dark-theme counterpart.
DARK: dict[str, str] = {
    "white": "#16181d",
    "#ffffff": "#16181d",
    "#222222": "#f0f0f0",
    "#333333": "#e0e0e0",
    "#444444": "#c8c8c8",
    "#555555": "#b0b0b0",
    "#999999": "#777777",
    "#cccccc": "#444444",
    "#e6e6e6": "#2c2f36",
    "rgba(0,0,0,0.035)": "rgba(255,255,255,0.04)",
}


@dataclass(frozen=True, slots=True)
class ChartOptions:
    """What every output format shares: size in px, image scale and theme."""

    width: int | None = None
    height: int | None = None
    scale: float = 1.0
    theme: Theme = "light"


def chart(timeline: Timeline, options: ChartOptions = ChartOptions()) -> dict[str, Any]:
    """The figure of ``timeline`` as a plain plotly dict, sized and themed by ``options``.

    >>> from timeline.io import loads
    >>> tl = loads("title: t\\ntracks: [a]\\nevents: []\\n")
    >>> chart(tl, ChartOptions(width=640, theme="dark"))["layout"]["paper_bgcolor"]
    '#16181d'
    """
    figure = figure_dict(timeline, width=options.width, height=options.height)
    if options.theme == "dark":
        figure = _recolored(figure, DARK)
    return figure


def static_figure(figure: Mapping[str, Any]) -> dict[str, Any]:
    """``figure`` for a still image: no range slider or range buttons (nothing to click).

    >>> static_figure({"layout": {"xaxis": {"rangeslider": {"visible": True}}}})["layout"]
    {'xaxis': {'rangeslider': {'visible': False}, 'rangeselector': {'visible': False}}}
    """
    layout = dict(figure.get("layout", {}))
    xaxis = dict(layout.get("xaxis", {}))
    slider = xaxis.get("rangeslider", {})
    xaxis["rangeslider"] = {**slider, "visible": False}
    xaxis["rangeselector"] = {**xaxis.get("rangeselector", {}), "visible": False}
    layout["xaxis"] = xaxis
    margin = layout.get("margin")
    if slider.get("visible") and isinstance(margin, dict) and "b" in margin:
        # The space kept for the slider under the axis goes to the lanes in a still image.
        layout["margin"] = {**margin, "b": max(margin["b"] - SLIDER_PX, 0)}
    return {**figure, "layout": layout}


def figure_div(
    figure: Mapping[str, Any], *, plotlyjs: PlotlyJs = "inline", div_id: str = DIV_ID
) -> str:
    """An HTML fragment (a ``<div>`` and its scripts) drawing ``figure`` inside another page.

    ``plotlyjs`` says where plotly.js comes from: ``inline`` (4.8 MB, works offline), ``cdn``
    (a ``<script src>`` to cdn.plot.ly; needs the network) or ``none`` (the host page loads
    plotly.js before the fragment).
    """
    import plotly.io as pio

    include: bool | str = "cdn" if plotlyjs == "cdn" else plotlyjs == "inline"
    html: str = pio.to_html(
        dict(figure),
        config=PLOTLY_CONFIG,
        include_plotlyjs=include,
        full_html=False,
        div_id=div_id,
        validate=False,
    )
    return html


def figure_json(figure: Mapping[str, Any]) -> str:
    """The plotly figure as JSON text (``Plotly.newPlot(div, fig.data, fig.layout)`` draws it).

    >>> figure_json({"data": [], "layout": {"title": {"text": "t"}}})
    '{"data": [], "layout": {"title": {"text": "t"}}}'
    """
    return json.dumps(dict(figure), ensure_ascii=False, separators=(", ", ": "))


def write_chart(
    figure: Mapping[str, Any],
    path: str | Path,
    *,
    fmt: ChartFormat,
    plotlyjs: PlotlyJs = "inline",
    options: ChartOptions = ChartOptions(),
) -> Path:
    """Write ``figure`` to ``path`` in ``fmt``, atomically; return the path.

    ``html`` is a standalone page, ``div`` a fragment (see ``figure_div``), ``json`` the
    plotly figure, and ``png``/``svg``/``pdf`` a still image drawn by Chromium (see
    ``timeline.render_images``) at ``options``' size and scale.

    Raises:
        RenderError: the file cannot be written, or no browser can draw the image.
    """
    if fmt == "html":
        include: bool | str = "cdn" if plotlyjs == "cdn" else plotlyjs == "inline"
        return write_html(figure, path, include_plotlyjs=include)
    if fmt == "div":
        return write_atomic(path, figure_div(figure, plotlyjs=plotlyjs))
    if fmt == "json":
        return write_atomic(path, figure_json(figure) + "\n")
    from timeline.render_images import write_image

    return write_image(
        static_figure(figure),
        path,
        fmt=fmt,
        width=options.width,
        height=options.height,
        scale=options.scale,
    )


def notebook_html(timeline: Timeline) -> str:
    """The chart for a notebook cell: a fragment with plotly.js inline, so it shows offline."""
    # A fresh id per call: a notebook may show the same timeline in several cells.
    return figure_div(
        chart(timeline), plotlyjs="inline", div_id=f"{DIV_ID}-{uuid.uuid4().hex[:12]}"
    )


def _recolored(value: Any, table: Mapping[str, str], *, is_color: bool = False) -> Any:
    """``value`` with each colour found in ``table`` replaced; only under ``*color`` keys."""
    if isinstance(value, str):
        return table.get(value.lower().replace(" ", ""), value) if is_color else value
    if isinstance(value, dict):
        return {
            key: _recolored(item, table, is_color=str(key).endswith("color"))
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_recolored(item, table, is_color=is_color) for item in value]
    return value
