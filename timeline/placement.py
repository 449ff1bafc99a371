"""Where each event goes on the chart: its x extent, its label, its row in its lane, the x range.

This module owns geometry only: it knows nothing of plotly and draws nothing (``timeline.render``
turns a ``Placement`` into a figure). Positions are float day numbers (``date.toordinal()``,
with fractions for the middle of a month); widths in pixels are estimates at a given figure
width, since the browser, not Python, measures text.

Labels must not overlap at the default zoom, so each event occupies a horizontal extent in
pixels: its fuzzy band, its strict bar or span, its marker, and its label (character count
times an average glyph width). Within a lane, events are packed greedily into sub-rows: in the
order of their left edges, each goes to the first row whose last occupant ends before it starts
(first-fit interval packing, O(n x rows)). A lane grows by one row at a time up to
``MAX_ROWS_PER_LANE``; past that an event keeps its marker but its label is hidden (the hover
still has the full title).

>>> from timeline.io import loads
>>> tl = loads("title: t\\ntracks: [a]\\nevents:\\n- {id: e, title: E, date: 2023-06, track: a}\\n")
>>> placed = place(tl).events[0]
>>> placed.kind, placed.strict == (date(2023, 6, 1).toordinal(), date(2023, 7, 1).toordinal())
('span', True)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from timeline.dates import Interval, PartialDate, Precision, Qualifier
from timeline.models import Event, Timeline
from timeline.ordering import ordered

Kind = Literal["point", "span", "interval", "undated"]
Side = Literal["right", "left"]

DEFAULT_WIDTH = 1200  # px; the width labels are fitted to when the caller gives none
LABEL_FONT_SIZE = 11  # px
GLYPH_WIDTH = 0.6 * LABEL_FONT_SIZE  # average advance of a sans-serif glyph, slightly generous
LABEL_OFFSET = 10.0  # px between an anchor and the start of its label (plotly's text offset)
MARKER_RADIUS = 6.0  # px
GAP = 8.0  # px kept free between two events in the same row
MAX_LABEL_CHARS = 44
MAX_ROWS_PER_LANE = 12
MIN_OPEN_BAR = 40.0  # px: an open-ended bar is at least this long
MARGIN_RIGHT = 24
LANE_NAME_CHARS = 28
UNDATED_MAX_SHARE = 0.3  # the "date not set" column takes at most this share of the width


@dataclass(frozen=True, slots=True)
class Placed:
    """One event's geometry. Positions are day numbers; ``None`` where a part is not drawn.

    ``strict`` is the bar (interval) or faint span (month, season, year...) from start to end;
    ``fuzzy`` the wider extent of a ``~``/``?`` date. ``label_x`` is where the label is
    anchored: the marker, or for a label on the right of an interval the end of its bar;
    ``side`` says on which side of it the text runs (left near the right edge of the data).
    For undated events positions are 0-1 fractions of the "date not set" column.
    """

    event: Event
    kind: Kind
    lane: int
    row: int
    marker_x: float
    strict: tuple[float, float] | None
    fuzzy: tuple[float, float] | None
    open_start: bool
    open_end: bool
    label: str
    label_x: float
    side: Side = "right"


@dataclass(frozen=True, slots=True)
class Lane:
    """A track's band of rows: rows ``first`` to ``first + rows - 1`` from the top."""

    track: str
    first: int
    rows: int


@dataclass(frozen=True, slots=True)
class Placement:
    """Everything ``timeline.render`` needs to draw: placed events, lanes, ranges, sizes."""

    events: tuple[Placed, ...]
    lanes: tuple[Lane, ...]
    x_range: tuple[float, float]
    data_range: tuple[float, float]
    undated_share: float
    margin_left: int
    plot_width: float

    @property
    def rows(self) -> int:
        return sum(lane.rows for lane in self.lanes)


def place(timeline: Timeline, *, width: int | None = None) -> Placement:
    """Lay out ``timeline``'s events for a chart ``width`` px wide (``DEFAULT_WIDTH`` if None).

    Deterministic: the same timeline and width give the same placement.
    """
    events = ordered(timeline)
    margin_left = min(max((len(t) for t in timeline.tracks), default=4), LANE_NAME_CHARS)
    margin_left = int(margin_left * GLYPH_WIDTH * 1.1) + 24
    plot_width = float(max((width or DEFAULT_WIDTH) - margin_left - MARGIN_RIGHT, 200))

    undated = [e for e in events if e.when is None]
    undated_px = max((_label_px(_truncate(e.title)) for e in undated), default=0.0)
    undated_share = 0.0
    if undated:
        undated_share = min((undated_px + 2 * LABEL_OFFSET + GAP) / plot_width, UNDATED_MAX_SHARE)
    dated_width = plot_width * (1 - undated_share) - (GAP if undated else 0.0)

    max_chars = min(MAX_LABEL_CHARS, max(int(dated_width * 0.45 / GLYPH_WIDTH), 8))
    shapes = [_shape(e, max_chars) for e in events if e.when is not None]
    data_lo, data_hi = _data_range(shapes, timeline)
    x_lo, x_hi, sides = _x_range(shapes, data_lo, data_hi, dated_width)
    per_px = (x_hi - x_lo) / dated_width  # days per pixel at the default zoom
    open_end_x = max(data_hi, data_lo + MIN_OPEN_BAR * per_px)

    lane_of = {track: n for n, track in enumerate(timeline.tracks)}
    by_lane: dict[int, list[Placed]] = {n: [] for n in range(len(timeline.tracks))}
    for shape in shapes:
        by_lane[lane_of[shape.event.track]].append(
            _finish(
                shape,
                lane_of[shape.event.track],
                data_lo,
                open_end_x,
                sides.get(shape.event.id, "right"),
            )
        )
    undated_width_px = plot_width * undated_share
    counts = dict.fromkeys(by_lane, 0)
    undated_placed: list[Placed] = []
    for event in undated:
        lane = lane_of[event.track]
        x = MARKER_RADIUS * 2 / undated_width_px
        undated_placed.append(
            Placed(event, "undated", lane, counts[lane], x, None, None, False, False, "", x)
        )
        counts[lane] += 1

    placed: list[Placed] = []
    lanes: list[Lane] = []
    first = 0
    for lane, items in by_lane.items():
        packed, rows = _pack(items, per_px)
        rows = max(rows, counts[lane], 1)
        lanes.append(Lane(timeline.tracks[lane], first, rows))
        placed.extend(packed)
        first += rows
    for item in undated_placed:
        placed.append(_with(item, label=_truncate(item.event.title)))
    return Placement(
        events=tuple(placed),
        lanes=tuple(lanes),
        x_range=(x_lo, x_hi),
        data_range=(data_lo, data_hi),
        undated_share=undated_share,
        margin_left=margin_left,
        plot_width=plot_width,
    )


def to_iso(day_number: float) -> str:
    """Write a day number as plotly's date string: ``2023-06-18`` or ``2023-06-15 12:00``.

    >>> to_iso(date(2023, 6, 15).toordinal() + 0.5)
    '2023-06-15 12:00'
    """
    whole = int(day_number // 1)
    minutes = round((day_number - whole) * 1440)
    if minutes == 0:
        return date.fromordinal(whole).isoformat()
    moment = datetime.fromordinal(whole) + timedelta(minutes=minutes)
    return moment.strftime("%Y-%m-%d %H:%M")


# --- one event's shape, before the x range is known -------------------------------------


@dataclass(frozen=True, slots=True)
class _Shape:
    event: Event
    kind: Kind
    marker_x: float | None  # None: an interval with neither end known (cannot happen)
    strict: tuple[float | None, float | None] | None
    fuzzy: tuple[float | None, float | None] | None
    label: str


def _shape(event: Event, max_chars: int) -> _Shape:
    value = event.when
    label = _truncate(event.title, max_chars)
    if isinstance(value, PartialDate):
        lo, hi = _num(value.earliest), _num(value.latest)
        fuzzy = None
        if value.qualifier is not Qualifier.NONE:
            fuzzy = (_num(value.fuzzy_earliest), _num(value.fuzzy_latest))
        if value.precision is Precision.DAY:
            return _Shape(event, "point", lo, None, fuzzy, label)
        assert lo is not None and hi is not None  # a PartialDate's bounds are always real days
        return _Shape(event, "span", (lo + hi) / 2, (lo, hi), fuzzy, label)
    assert isinstance(value, Interval)
    lo, hi = _num(value.earliest), _num(value.latest)
    fuzzy = None
    if (value.fuzzy_earliest, value.fuzzy_latest) != (value.earliest, value.latest):
        fuzzy = (_num(value.fuzzy_earliest), _num(value.fuzzy_latest))
    marker = lo if lo is not None else _num(value.end.earliest) if value.end else hi
    return _Shape(event, "interval", marker, (lo, hi), fuzzy, label)


def _num(day: date) -> float | None:
    """The day number of a bound, or None for the open ends date.min and date.max."""
    return None if day in (date.min, date.max) else float(day.toordinal())


def _finite(shape: _Shape) -> list[float]:
    values = [shape.marker_x] if shape.marker_x is not None else []
    for extent in (shape.strict, shape.fuzzy):
        if extent is not None:
            values.extend(v for v in extent if v is not None)
    return values


def _data_range(shapes: list[_Shape], timeline: Timeline) -> tuple[float, float]:
    values = [v for shape in shapes for v in _finite(shape)]
    if not values:  # no dated events: the eras, then as_of, then an arbitrary year
        bounds = (b for era in timeline.eras for b in (era.date.earliest, era.date.latest))
        values = [v for v in map(_num, bounds) if v is not None]
    if not values and timeline.as_of is not None:
        values = [float(timeline.as_of.earliest.toordinal())]
    if not values:
        values = [float(date(2000, 1, 1).toordinal())]
    lo, hi = min(values), max(values)
    if hi - lo < 30:
        lo, hi = lo - 15, hi + 15
    return lo, hi


def _x_range(
    shapes: list[_Shape], data_lo: float, data_hi: float, width: float
) -> tuple[float, float, dict[str, Side]]:
    """The default x range and the side of each label (by event id).

    The range is the data plus padding; a label that would run past the right edge goes on
    the left of its event when there is room there, else the range widens to fit it.
    """
    span = data_hi - data_lo
    lo = data_lo - max(span * 0.02, 2.0)
    base = (data_hi - lo) * 1.03
    per_px = base / width
    sides: dict[str, Side] = {}
    # With s = width / D px per day, a label of L px starting at a needs a - lo + L / s <= D,
    # that is D >= (a - lo) / (1 - L / width); labels are capped so the divisor stays >= 0.5.
    needed = base
    for shape in shapes:
        anchor = _anchor(shape, data_hi)
        if anchor is None:
            continue
        label_px = LABEL_OFFSET + _label_px(shape.label) + GAP
        too_far = anchor + label_px * per_px > lo + base
        if too_far and shape.marker_x is not None and shape.marker_x - label_px * per_px >= lo:
            sides[shape.event.id] = "left"
            continue
        needed = max(needed, (anchor - lo) / (1 - min(label_px / width, 0.5)))
    return math.floor(lo), math.ceil(lo + needed), sides


def _anchor(shape: _Shape, data_hi: float) -> float | None:
    if shape.kind == "interval" and shape.strict is not None:
        return shape.strict[1] if shape.strict[1] is not None else data_hi
    return shape.marker_x


def _finish(shape: _Shape, lane: int, data_lo: float, open_end_x: float, side: Side) -> Placed:
    """Resolve open ends against the data range."""
    strict: tuple[float, float] | None = None
    open_start = open_end = False
    if shape.strict is not None:
        lo, hi = shape.strict
        open_start, open_end = lo is None, hi is None
        strict = (data_lo if lo is None else lo, open_end_x if hi is None else hi)
    marker = shape.marker_x
    if marker is None:
        marker = strict[0] if strict is not None else data_lo
    fuzzy: tuple[float, float] | None = None
    if shape.fuzzy is not None:
        base = strict if strict is not None else (marker, marker + 1)
        fuzzy_lo, fuzzy_hi = shape.fuzzy
        fuzzy = (
            base[0] if fuzzy_lo is None else fuzzy_lo,
            base[1] if fuzzy_hi is None else fuzzy_hi,
        )
    label_x = marker
    if side == "right" and shape.kind == "interval" and strict is not None:
        label_x = strict[1]
    return Placed(
        shape.event,
        shape.kind,
        lane,
        0,
        marker,
        strict,
        fuzzy,
        open_start,
        open_end,
        shape.label,
        label_x,
        side,
    )


# --- packing --------------------------------------------------------------------------


def _pack(items: list[Placed], per_px: float) -> tuple[list[Placed], int]:
    """First-fit rows for one lane; returns the items with rows set, and the row count."""
    keyed = []
    for position, item in enumerate(items):
        graphic_start, graphic_end = _extent(item, per_px)
        label_px = (LABEL_OFFSET + _label_px(item.label)) * per_px
        if item.side == "left":
            start, full_end = min(graphic_start, item.label_x - label_px), graphic_end
        else:
            start, full_end = graphic_start, max(graphic_end, item.label_x + label_px)
        keyed.append((start, position, graphic_end, full_end, item))
    keyed.sort(key=lambda k: (k[0], k[1]))
    gap = GAP * per_px
    ends: list[float] = []
    out: list[Placed] = []
    for start, _, graphic_end, full_end, item in keyed:
        row = _first_fit(ends, start - gap)
        label = item.label
        if row is None and len(ends) < MAX_ROWS_PER_LANE:
            row = len(ends)
            ends.append(full_end)
        elif row is None:
            # The lane is full: keep the marker where it overlaps least, hide the label.
            row = min(range(len(ends)), key=lambda r: (ends[r], r))
            ends[row] = max(ends[row], graphic_end)
            label = ""
        else:
            ends[row] = full_end
        out.append(_with(item, row=row, label=label))
    return out, len(ends)


def _first_fit(ends: list[float], limit: float) -> int | None:
    for row, end in enumerate(ends):
        if end <= limit:
            return row
    return None


def _extent(item: Placed, per_px: float) -> tuple[float, float]:
    lo = item.marker_x - MARKER_RADIUS * per_px
    hi = item.marker_x + MARKER_RADIUS * per_px
    for extent in (item.strict, item.fuzzy):
        if extent is not None:
            lo, hi = min(lo, extent[0]), max(hi, extent[1])
    return lo, hi


def _with(item: Placed, *, row: int | None = None, label: str | None = None) -> Placed:
    return Placed(
        item.event,
        item.kind,
        item.lane,
        item.row if row is None else row,
        item.marker_x,
        item.strict,
        item.fuzzy,
        item.open_start,
        item.open_end,
        item.label if label is None else label,
        item.label_x,
        item.side,
    )


# --- labels ---------------------------------------------------------------------------


def _label_px(label: str) -> float:
    return len(label) * GLYPH_WIDTH


def _truncate(title: str, limit: int = MAX_LABEL_CHARS) -> str:
    """Shorten a title to ``limit`` characters, ending in an ellipsis when cut.

    >>> _truncate("A very long title indeed", 10)
    'A very lo…'
    """
    title = " ".join(title.split())
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
