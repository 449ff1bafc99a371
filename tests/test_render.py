"""Tests for timeline.render: assertions on build_figure(...).to_dict(), and HTML smoke tests."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pytest

from timeline.io import loads
from timeline.models import Timeline
from timeline.render import DIV_ID, build_figure, figure, figure_dict, write_html


def _data(timeline: Timeline) -> dict[str, Any]:
    return build_figure(timeline).to_dict()


def _markers(fig: dict[str, Any]) -> list[dict[str, Any]]:
    """The traces holding one point per event (the ones with event ids)."""
    return [t for t in fig["data"] if t.get("customdata")]


def _point(fig: dict[str, Any], event_id: str) -> tuple[dict[str, Any], int]:
    for trace in _markers(fig):
        if event_id in trace["customdata"]:
            return trace, trace["customdata"].index(event_id)
    raise KeyError(event_id)


def _labels(fig: dict[str, Any]) -> list[str]:
    return [text for t in fig["data"] if t["name"] == "labels" for text in t["text"]]


def test_every_event_appears_exactly_once(sample_timeline: Timeline) -> None:
    fig = _data(sample_timeline)
    ids = Counter(i for t in _markers(fig) for i in t["customdata"])
    assert ids == Counter(e.id for e in sample_timeline.events)
    assert sorted(_labels(fig)) == sorted(e.title for e in sample_timeline.events)


def test_lanes_follow_the_tracks_order(sample_timeline: Timeline) -> None:
    yaxis = _data(sample_timeline)["layout"]["yaxis"]
    assert list(yaxis["ticktext"]) == list(sample_timeline.tracks)
    assert list(yaxis["tickvals"]) == sorted(yaxis["tickvals"])
    assert yaxis["range"][0] > yaxis["range"][1]  # reversed: the first track is on top


def test_each_event_sits_in_its_tracks_lane(sample_timeline: Timeline) -> None:
    fig = _data(sample_timeline)
    rules = [s["y0"] for s in fig["layout"]["shapes"] if s["type"] == "line" and s["yref"] == "y"]
    bounds = [*rules[1:], float("inf")]  # the rule above each lane after the first
    for event in sample_timeline.events:
        trace, n = _point(fig, event.id)
        lane = next(i for i, b in enumerate(bounds) if trace["y"][n] < b)
        assert sample_timeline.tracks[lane] == event.track, event.id


@pytest.mark.parametrize(
    ("event_id", "symbol", "filled"),
    [
        pytest.param("channel-opened", "circle", True, id="happened"),
        pytest.param("winter-summit", "circle", False, id="planned"),
        pytest.param("spring-visit", "diamond", False, id="postponed"),
        pytest.param("navy-hotline", "x", True, id="cancelled"),
    ],
)
def test_status_has_its_own_shape_and_fill(
    sample_timeline: Timeline, event_id: str, symbol: str, filled: bool
) -> None:
    trace, _ = _point(_data(sample_timeline), event_id)
    marker = trace["marker"]
    assert marker["symbol"] == symbol
    assert (marker["color"] != "white") is filled
    assert (marker["line"]["color"] == "white") is filled  # a hollow marker has a coloured rim


def test_legend_explains_shapes_present(sample_timeline: Timeline) -> None:
    legend = [t["name"] for t in _data(sample_timeline)["data"] if t.get("showlegend")]
    assert legend[:4] == ["happened", "planned", "postponed", "cancelled"]
    assert "month/year precision" in legend
    assert any("approximate" in name for name in legend)


def test_legend_lists_only_statuses_present() -> None:
    tl = loads("title: t\ntracks: [a]\nevents:\n- {id: e, title: E, date: 2023-06-18, track: a}\n")
    legend = [t["name"] for t in _data(tl)["data"] if t.get("showlegend")]
    assert legend == ["happened"]


def test_month_precision_is_a_span_over_the_month(sample_timeline: Timeline) -> None:
    fig = _data(sample_timeline)
    trace, n = _point(fig, "balloon-incident")  # date: 2023-02
    assert trace["x"][n] == "2023-02-15"  # the middle of February, not the 1st
    y = trace["y"][n]
    spans = [t for t in fig["data"] if t.get("legendgroup") == "span" and not t["showlegend"]]
    segments = [
        (t["x"][i], t["x"][i + 1])
        for t in spans
        for i in range(0, len(t["x"]), 3)
        if t["y"][i] == y
    ]
    assert ("2023-02-01", "2023-03-01") in segments


def test_interval_is_a_bar_and_open_end_an_arrow(sample_timeline: Timeline) -> None:
    fig = _data(sample_timeline)
    bars = [t for t in fig["data"] if t["name"].startswith("interval:")]
    starts = {x for t in bars for x in t["x"][0::3]}
    assert {"2023-06-18", "2020-08-12", "2023-09-01"} <= starts
    arrows = next(t for t in fig["data"] if t["name"] == "open end")
    assert arrows["marker"]["symbol"] == ["triangle-right"]


def test_undated_event_is_in_the_date_not_set_column(sample_timeline: Timeline) -> None:
    fig = _data(sample_timeline)
    trace, n = _point(fig, "state-visit")
    assert trace["xaxis"] == "x2"
    assert "Date: not set" in trace["hovertext"][n]
    assert any("date not set" in a["text"] for a in fig["layout"]["annotations"])


def test_hover_has_date_status_and_sources(sample_timeline: Timeline) -> None:
    trace, n = _point(_data(sample_timeline), "visit-rescheduled")
    text = trace["hovertext"][n]
    assert "Date: 2023-06-18/2023-06-19 (interval)" in text
    assert "Status: happened" in text
    assert "Actors: Minister Vell" in text
    assert "Place: Port Alder" in text
    assert "Harbor Ledger" in text
    assert "(2023-06-20)" in text
    assert "https://example.org/ledger/talks" in text


def test_hover_says_precision_in_words(sample_timeline: Timeline) -> None:
    trace, n = _point(_data(sample_timeline), "navy-hotline")
    assert "2023-04~ (month: the day is not known, approximate)" in trace["hovertext"][n]


def test_eras_are_background_bands_with_titles(sample_timeline: Timeline) -> None:
    layout = _data(sample_timeline)["layout"]
    eras = [s for s in layout["shapes"] if s.get("xref") == "x"]
    assert [(s["x0"], s["x1"], s["layer"]) for s in eras] == [
        ("2018-07-01", "2020-02-01", "below"),
        ("2022-11-01", "2023-12-01", "below"),
    ]
    titles = {a["text"] for a in layout["annotations"]}
    assert {"Tariff years", "Thaw"} <= titles


def test_title_range_slider_and_buttons(sample_timeline: Timeline) -> None:
    layout = _data(sample_timeline)["layout"]
    assert layout["title"]["text"] == "Harbor Bay talks, 2018\u20132023"
    assert layout["xaxis"]["rangeslider"]["visible"] is True
    labels = [b["label"] for b in layout["xaxis"]["rangeselector"]["buttons"]]
    assert labels == ["1m", "6m", "1y", "all"]
    low, high = layout["xaxis"]["range"]
    assert "2018-05" <= low < "2018-07-01" and "2023-11-30" < high < "2025"


def test_labels_do_not_overlap(sample_timeline: Timeline) -> None:
    from timeline.placement import GLYPH_WIDTH, LABEL_OFFSET, place

    placement = place(sample_timeline, width=1200)
    lo, hi = placement.x_range
    per_px = (hi - lo) / (placement.plot_width * (1 - placement.undated_share))
    boxes: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for p in placement.events:
        if p.kind == "undated":
            continue
        length = (LABEL_OFFSET + len(p.label) * GLYPH_WIDTH) * per_px
        box = (
            (p.label_x, p.label_x + length)
            if p.side == "right"
            else (p.label_x - length, p.label_x)
        )
        boxes.setdefault((p.lane, p.row), []).append(box)
        assert lo <= box[0] and box[1] <= hi, p.event.id  # inside the default view
    for row in boxes.values():
        row.sort()
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(row))


def test_long_title_is_truncated_in_label_but_whole_in_hover() -> None:
    title = "A summit " + "with a very long name " * 6
    tl = loads(
        f"title: t\ntracks: [a]\nevents:\n- {{id: e, title: '{title}', date: 2020, track: a}}\n"
    )
    fig = _data(tl)
    (label,) = _labels(fig)
    assert label.endswith("…") and len(label) < len(title)
    trace, n = _point(fig, "e")
    assert " ".join(title.split()) in trace["hovertext"][n]


def test_user_text_is_escaped() -> None:
    tl = loads(
        "title: '<b>T</b>'\ntracks: ['<i>lane</i>']\nevents:\n"
        "- {id: e, title: '<script>alert(1)</script> & co', date: 2020-01-02,"
        " track: '<i>lane</i>'}\n"
    )
    fig = _data(tl)
    (label,) = _labels(fig)
    assert label == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
    trace, n = _point(fig, "e")
    assert "<script>" not in trace["hovertext"][n]
    assert fig["layout"]["title"]["text"] == "&lt;b&gt;T&lt;/b&gt;"
    assert fig["layout"]["yaxis"]["ticktext"] == ["&lt;i&gt;lane&lt;/i&gt;"]


def test_empty_timeline_draws() -> None:
    fig = _data(loads("title: t\ntracks: [a, b]\nevents: []\n"))
    assert _markers(fig) == []
    assert fig["layout"]["yaxis"]["ticktext"] == ["a", "b"]


def test_width_and_height_are_kept(sample_timeline: Timeline) -> None:
    layout = build_figure(sample_timeline, width=900, height=700).to_dict()["layout"]
    assert (layout["width"], layout["height"]) == (900, 700)


def test_figure_is_valid_plotly(sample_timeline: Timeline) -> None:
    data = figure_dict(sample_timeline)
    # plotly.py does not know rangeslider.yaxis2 (plotly.js does); check everything else.
    del data["layout"]["xaxis"]["rangeslider"]["yaxis2"]
    go.Figure(data, skip_invalid=False)


def test_build_is_deterministic(sample_timeline: Timeline) -> None:
    assert build_figure(sample_timeline).to_dict() == build_figure(sample_timeline).to_dict()
    assert figure(sample_timeline).to_dict() == build_figure(sample_timeline).to_dict()


def test_write_html_is_self_contained_and_byte_identical(
    sample_timeline: Timeline, tmp_out: Path
) -> None:
    first = write_html(build_figure(sample_timeline), tmp_out / "a.html")
    second = write_html(build_figure(sample_timeline), tmp_out / "b.html")
    page = first.read_text(encoding="utf-8")
    assert first.read_bytes() == second.read_bytes()
    assert f'<div id="{DIV_ID}"' in page
    assert not re.search(r"<script[^>]+src=", page)  # plotly.js is inline, no CDN
    assert '"displaylogo": false' in page and '"scrollZoom": true' in page
    assert "Harbor Ledger" in page


def test_write_html_creates_folders(sample_timeline: Timeline, tmp_out: Path) -> None:
    path = write_html(build_figure(sample_timeline), tmp_out / "a" / "b" / "t.html")
    assert path.is_file()


def test_figure_dict_is_what_build_figure_wraps(sample_timeline: Timeline) -> None:
    # The CLI writes the plain dict; it must be the same chart as the Figure.
    assert figure_dict(sample_timeline) == build_figure(sample_timeline).to_dict()


def test_the_page_never_squeezes_the_chart_below_the_width_its_labels_were_packed_for(
    sample_timeline: Timeline, tmp_out: Path
) -> None:
    page = write_html(build_figure(sample_timeline), tmp_out / "t.html").read_text()
    assert "gd.style.minWidth = '1200px'" in page
    wide = write_html(build_figure(sample_timeline, width=1600), tmp_out / "w.html").read_text()
    assert "gd.style.minWidth = '1600px'" in wide
