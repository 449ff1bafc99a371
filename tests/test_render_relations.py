"""The sequence layer of the chart, asserted on build_figure(...).to_dict()."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from timeline.io import load, loads
from timeline.models import Timeline
from timeline.render import build_figure, write_html

ROOT = Path(__file__).resolve().parent.parent

FILE = """\
title: Sequence
as_of: 2023-06-20
tracks: [Visits, Frictions]
events:
  - {id: bali, title: Bali, date: 2022-11, track: Visits}
  - id: trip
    title: February trip
    planned: 2023-02
    status: postponed
    track: Visits
    relations:
      - {type: after, event: bali}
      - {type: rescheduled_as, event: visit}
  - {id: balloon, title: Balloon, date: 2023-02, track: Frictions,
     relations: [{type: postpones, event: trip}]}
  - {id: visit, title: Visit, date: 2023-06-18/2023-06-19, track: Visits}
  - {id: agreed, title: Agreed, date: 2023-06-18, track: Visits,
     relations: [{type: part_of, event: visit}]}
  - {id: reciprocal, title: Reciprocal <visit>, track: Visits, status: planned,
     relations: [{type: after, event: agreed}]}
  - {id: loose, title: Loose, track: Frictions, status: planned}
"""


def _fig(timeline: Timeline) -> dict[str, Any]:
    return build_figure(timeline, width=1000).to_dict()


def _layer(fig: dict[str, Any], group: str) -> dict[str, Any]:
    return next(t for t in fig["data"] if t.get("legendgroup") == group and not t.get("showlegend"))


def _segments(trace: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The (x0, y0, x1, y1) of each None-separated two-point segment of a trace."""
    xs, ys = trace["x"], trace["y"]
    return [(xs[i], ys[i], xs[i + 1], ys[i + 1]) for i in range(0, len(xs) - 2, 3)]


def _marker_y(fig: dict[str, Any], event_id: str) -> int:
    for trace in fig["data"]:
        if event_id in (trace.get("customdata") or []):
            return int(trace["y"][trace["customdata"].index(event_id)])
    raise KeyError(event_id)


def test_an_undated_event_gets_a_whisker_over_its_derived_window() -> None:
    fig = _fig(loads(FILE))
    whiskers = _layer(fig, "sequence-window")
    (segment,) = _segments(whiskers)
    assert segment[0] == "2023-06-18"
    assert segment[1] == segment[3] == _marker_y(fig, "reciprocal")
    assert whiskers["marker"]["symbol"][:2] == ["line-ns", "triangle-right-open"]  # open end
    assert "its relations place it from 2023-06-18" in whiskers["hovertext"][0]
    assert "Reciprocal &lt;visit&gt;" in whiskers["hovertext"][0]


def test_each_drawable_relation_is_an_arrow_whose_hover_says_it() -> None:
    fig = _fig(loads(FILE))
    arrows = _layer(fig, "sequence-relations")
    hovers = set(arrows["hovertext"]) - {""}
    assert hovers == {
        "'trip' --after--> 'bali'",
        "'trip' --rescheduled_as--> 'visit'",
        "'balloon' --postpones--> 'trip'",
        "'agreed' --part_of--> 'visit'",
    }
    assert arrows["marker"]["symbol"][:3] == ["circle", "arrow", "circle"]
    assert arrows["marker"]["angleref"] == "previous"
    assert len(_segments(arrows)) == 4


def test_a_postponed_event_without_a_date_stands_at_its_planned_date() -> None:
    fig = _fig(loads(FILE))
    trace = next(t for t in fig["data"] if "trip" in (t.get("customdata") or []))
    index = trace["customdata"].index("trip")
    assert trace["x"][index] == "2023-02-15"  # the middle of the planned month
    assert "diamond" in str(trace["marker"]["symbol"])
    assert "planned for 2023-02" in str(trace.get("hovertext") or trace.get("text"))
    assert not any(t.get("legendgroup") == "sequence-planned" for t in fig["data"])


def test_a_plan_that_did_not_hold_is_ghosted_and_linked_to_when_it_happened() -> None:
    moved = FILE.replace("    planned: 2023-02\n", "    planned: 2023-02\n    date: 2023-06-18\n")
    moved = moved.replace("status: postponed", "status: happened")
    fig = _fig(loads(moved))
    planned = _layer(fig, "sequence-planned")
    (segment,) = _segments(planned)
    assert segment[0] == "2023-02-15"
    assert segment[2] == "2023-06-18"
    assert segment[3] == _marker_y(fig, "trip")
    assert planned["line"]["dash"] == "dash"
    assert planned["marker"]["symbol"][0] == "diamond-open"
    assert "planned for 2023-02 (happened)" in planned["hovertext"][0]


def test_each_layer_has_one_legend_entry_in_its_group_so_a_click_toggles_it() -> None:
    fig = _fig(loads(FILE))
    entries = {
        t["legendgroup"]: t["name"]
        for t in fig["data"]
        if t.get("showlegend") and str(t.get("legendgroup")).startswith("sequence-")
    }
    assert entries == {
        "sequence-window": "derived window",
        "sequence-relations": "relations",
    }
    assert fig["layout"]["legend"]["itemclick"] == "toggle"
    assert fig["layout"]["legend"].get("groupclick", "togglegroup") == "togglegroup"


def test_a_timeline_without_relations_or_plans_has_no_sequence_layer() -> None:
    tl = loads("title: t\ntracks: [a]\nevents:\n- {id: e, title: E, date: 2023-06-18, track: a}\n")
    groups = {str(t.get("legendgroup")) for t in _fig(tl)["data"]}
    assert not any(group.startswith("sequence-") for group in groups)


def test_the_shipped_file_draws_the_trip_and_the_reciprocal_visit(tmp_path: Path) -> None:
    fig = build_figure(load(ROOT / "events.yaml"), width=1200)
    data = fig.to_dict()
    assert (
        "'talks-wang-yi' --after--> 'talks-qin-gang'"
        in _layer(data, "sequence-relations")["hovertext"]
    )
    trip = next(t for t in data["data"] if "february-trip" in (t.get("customdata") or []))
    assert trip["x"][trip["customdata"].index("february-trip")] == "2023-02-15"
    page = write_html(fig, tmp_path / "t.html").read_text(encoding="utf-8")
    assert "sequence-relations" in page
