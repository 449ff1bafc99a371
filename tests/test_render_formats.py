"""Chart options, dark theme, fragment, figure JSON and notebooks (timeline.render_formats)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from timeline.io import load
from timeline.models import Timeline
from timeline.render import DIV_ID, figure_dict
from timeline.render_formats import (
    DARK,
    ChartOptions,
    chart,
    figure_div,
    figure_json,
    static_figure,
    write_chart,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def shipped() -> Timeline:
    return load(ROOT / "events.yaml")


def test_light_chart_is_the_renderers_figure(shipped: Timeline) -> None:
    assert chart(shipped) == figure_dict(shipped)


def test_width_and_height_reach_the_layout(shipped: Timeline) -> None:
    layout = chart(shipped, ChartOptions(width=1000, height=700))["layout"]
    assert (layout["width"], layout["height"]) == (1000, 700)


def test_dark_theme_recolours_colours_only(shipped: Timeline) -> None:
    light = chart(shipped)
    dark = chart(shipped, ChartOptions(theme="dark"))
    assert dark["layout"]["paper_bgcolor"] == DARK["white"]
    assert dark["layout"]["font"]["color"] == DARK["#333333"]
    # Text stays as it was, even text that names a colour.
    assert [t.get("text") for t in dark["data"]] == [t.get("text") for t in light["data"]]
    assert dark["layout"]["title"] == {**light["layout"]["title"], "font": {
        **light["layout"]["title"]["font"], "color": DARK["#222222"]}}  # fmt: skip


def test_a_title_named_white_is_not_a_colour() -> None:
    from timeline.io import loads

    timeline = loads(
        "title: white\ntracks: [white]\nevents:\n- {id: e, title: white, track: white}\n"
    )
    dark = chart(timeline, ChartOptions(theme="dark"))
    assert "white" in json.dumps([t.get("text") for t in dark["data"]])


def test_static_figure_hides_slider_and_buttons_only(shipped: Timeline) -> None:
    figure = chart(shipped)
    still = static_figure(figure)
    assert still["layout"]["xaxis"]["rangeslider"]["visible"] is False
    assert still["layout"]["xaxis"]["rangeselector"]["visible"] is False
    assert still["data"] == figure["data"]
    assert figure["layout"]["xaxis"]["rangeslider"]["visible"] is True


@pytest.mark.parametrize(
    ("plotlyjs", "inline", "cdn"),
    [
        pytest.param("inline", True, False, id="inline"),
        pytest.param("cdn", False, True, id="cdn"),
        pytest.param("none", False, False, id="none"),
    ],
)
def test_div_fragment_sources_plotlyjs_as_asked(
    shipped: Timeline, plotlyjs: str, inline: bool, cdn: bool
) -> None:
    html = figure_div(chart(shipped), plotlyjs=plotlyjs)  # type: ignore[arg-type]
    assert html.startswith("<div")
    assert "<html" not in html
    assert "<body" not in html
    assert f'id="{DIV_ID}"' in html
    assert (len(html) > 3_000_000) is inline
    assert ('src="https://cdn.plot.ly' in html) is cdn


def test_figure_json_is_the_figure(shipped: Timeline) -> None:
    figure = chart(shipped)
    assert json.loads(figure_json(figure)) == json.loads(json.dumps(figure))


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        pytest.param("html", "<!doctype html>", id="html"),
        pytest.param("div", "<div", id="div"),
        pytest.param("json", '{"data"', id="json"),
    ],
)
def test_write_chart_text_formats(shipped: Timeline, tmp_path: Path, fmt: str, start: str) -> None:
    path = write_chart(chart(shipped), tmp_path / f"t.{fmt}", fmt=fmt, plotlyjs="cdn")  # type: ignore[arg-type]
    assert path.read_text(encoding="utf-8").lstrip().startswith(start)


def test_a_timeline_shows_itself_as_the_chart_in_notebooks(shipped: Timeline) -> None:
    html = shipped._repr_html_()
    assert html.startswith("<div")
    assert "Plotly.newPlot" in html
    assert len(html) > 3_000_000  # plotly.js inline: works in an offline notebook
    assert "Blinken" in html
    # Two cells showing the same timeline must not share a div id.
    ids = [re.search(r'<div id="(timeline-[0-9a-f]+)"', h) for h in (html, shipped._repr_html_())]
    assert ids[0] and ids[1]
    assert ids[0].group(1) != ids[1].group(1)


def test_a_still_image_gives_the_sliders_room_to_the_lanes() -> None:
    figure = {"layout": {"xaxis": {"rangeslider": {"visible": True}}, "margin": {"b": 100}}}
    still = static_figure(figure)["layout"]
    assert still["xaxis"]["rangeslider"]["visible"] is False
    assert still["margin"]["b"] < 100
