"""The report: one standalone page (or a Markdown file) with the title, the chart and the events.

The page holds the chart (plotly.js inline, so it works offline), filters by track, actor and
tag, a search box that highlights matching events in the table and the chart, a legend of
shapes (status) and spans (precision), and the ordered table of events with numbered
citations, which doubles as the accessible twin of the chart. Its script and styles are the
package files ``assets/report.js`` and ``assets/report.css``, inlined.

Safety: every piece of text from the events file goes through ``html.escape`` (or, in Markdown,
a backslash before each special character), and only ``http``/``https`` URLs become links;
the script only reads text from the page and writes it back as text nodes.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import Any

from timeline.models import Event, Source, Timeline
from timeline.ordering import ordered
from timeline.render_formats import ChartOptions, PlotlyJs, chart, figure_div

CHART_ID = "timeline-chart"
STATUS_SHAPES = {"happened": "●", "planned": "○", "postponed": "◇", "cancelled": "✕"}
# Characters Markdown (CommonMark + GFM tables) could read as markup; each gets a backslash.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~!#])")
_WEB_URL = re.compile(r"^https?://[^\s<>\"']+$")


@cache
def _asset(name: str) -> str:
    return files("timeline").joinpath("assets", name).read_text(encoding="utf-8")


def citation_numbers(events: Iterable[Event]) -> dict[str, int]:
    """Number the sources 1, 2, ... in the order the events first cite them.

    >>> from timeline.io import loads
    >>> tl = loads("title: t\\ntracks: [a]\\nsources: [{id: s, title: S}, {id: r, title: R}]\\n"
    ...            "events:\\n- {id: e, title: E, track: a, sources: [r, s, r]}\\n")
    >>> citation_numbers(tl.events)
    {'r': 1, 's': 2}
    """
    numbers: dict[str, int] = {}
    for event in events:
        for ref in event.sources:
            numbers.setdefault(ref.source, len(numbers) + 1)
    return numbers


def report_html(
    timeline: Timeline,
    *,
    options: ChartOptions | None = None,
    plotlyjs: PlotlyJs = "inline",
) -> str:
    """The report page of ``timeline`` as one self-contained HTML document.

    ``options`` size and theme the chart (the page follows the theme); ``plotlyjs="inline"``
    keeps the page working offline.
    """
    options = options or ChartOptions()
    events = ordered(timeline)
    numbers = citation_numbers(events)
    sources = {source.id: source for source in timeline.sources}
    figure = _linked_labels(chart(timeline, options))
    theme = f"theme-{options.theme}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="timeline report">',
        f"<title>{_esc(timeline.title)}</title>",
        f"<style>{_asset('report.css')}</style>",
        "</head>",
        f'<body class="{theme}">',
        _header(timeline, events),
        _controls(timeline),
        '<figure class="chart">',
        figure_div(figure, plotlyjs=plotlyjs, div_id=CHART_ID),
        "<figcaption>The chart of the events listed in the table below; the table holds "
        "the same facts as text.</figcaption>",
        "</figure>",
        _legend(),
        _table(timeline, events, numbers, sources),
        _references(numbers, sources),
        "<footer>Made with timeline report; everything on this page works offline.</footer>",
        f"<script>{_asset('report.js')}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def report_markdown(timeline: Timeline, *, image: str | None = None) -> str:
    """The report as Markdown: title, the chart image if given, the events table, the sources.

    ``image`` is the chart's path relative to the Markdown file (written beside it).

    >>> from timeline.io import loads
    >>> tl = loads("title: A <b> | B\\ntracks: [a]\\nevents:\\n- {id: e, title: x|y, track: a}\\n")
    >>> report_markdown(tl).splitlines()[0]
    '# A \\\\<b\\\\> \\\\| B'
    """
    events = ordered(timeline)
    numbers = citation_numbers(events)
    sources = {source.id: source for source in timeline.sources}
    lines = [f"# {_md(timeline.title)}", ""]
    if timeline.description:
        lines += [_md(timeline.description), ""]
    lines += [f"*{_md(_meta_text(timeline, events))}*", ""]
    if image:
        lines += [f"![Chart of the events in the table below]({image})", ""]
    lines += [
        "## Events",
        "",
        "| Date | Status | Event | Track | Sources |",
        "| --- | --- | --- | --- | --- |",
    ]
    for event in events:
        title = f"**{_md(event.title)}**"
        details = _details(event)
        if details:
            title += f"<br>{_md(details)}"
        if event.description:
            title += f"<br>{_md(event.description)}"
        cites = ", ".join(f"[{numbers[ref.source]}]" for ref in event.sources)
        date_text = _date_text(event)
        lines.append(
            f"| {_md(date_text)} | {_md(event.status)} | {title} | {_md(event.track)} | {cites} |"
        )
    if numbers:
        lines += ["", "## Sources", ""]
        for source_id, number in numbers.items():
            lines.append(f"{number}. {_source_markdown(source_id, sources.get(source_id))}")
    return "\n".join(lines) + "\n"


# --- page parts --------------------------------------------------------------------------


def _header(timeline: Timeline, events: list[Event]) -> str:
    description = (
        f'<p class="description">{_esc(timeline.description)}</p>' if timeline.description else ""
    )
    meta = f'<p class="meta">{_esc(_meta_text(timeline, events))}</p>'
    return f"<header><h1>{_esc(timeline.title)}</h1>{description}{meta}</header>"


def _meta_text(timeline: Timeline, events: list[Event]) -> str:
    parts = [f"{len(events)} events", f"{len(citation_numbers(events))} sources cited"]
    if timeline.as_of is not None:
        parts.insert(0, f"As of {timeline.as_of}")
    return " · ".join(parts)


def _controls(timeline: Timeline) -> str:
    actors = sorted({a for e in timeline.events for a in e.actors}, key=str.casefold)
    tags = sorted({t for e in timeline.events for t in e.tags}, key=str.casefold)
    return (
        '<section class="controls" aria-label="Filter and search the events">'
        + _select("filter-track", "Track", "All tracks", timeline.tracks)
        + _select("filter-actor", "Actor", "All actors", actors)
        + _select("filter-tag", "Tag", "All tags", tags)
        + '<label for="search">Search<input type="search" id="search" autocomplete="off" '
        'placeholder="Titles, actors, places, tags…"></label>'
        '<button type="button" id="reset">Reset</button>'
        '<p id="count" aria-live="polite"></p>'
        "</section>"
    )


def _select(element_id: str, label: str, everything: str, values: Iterable[str]) -> str:
    options = "".join(f'<option value="{_esc(v)}">{_esc(v)}</option>' for v in values)
    return (
        f'<label for="{element_id}">{label}<select id="{element_id}">'
        f'<option value="">{everything}</option>{options}</select></label>'
    )


def _linked_labels(figure: dict[str, Any]) -> dict[str, Any]:
    """Tie everything drawn for an event to its id, so filters and search dim all of it.

    Event markers carry their ids in ``customdata``. Labels share axis and (x, y) with their
    markers and get the same ids. Bands (fuzzy, precision, interval) and open-end arrows list
    their events in ``meta``: each band line becomes a trace of its own with its id in
    ``customdata`` (a line cannot be dimmed a piece at a time; ``report.js`` dims the trace),
    and arrows take their ids as ``customdata``. Each trace also gets its look for points
    left out by a filter or search.
    """
    at: dict[tuple[str, str, str], str] = {}
    for trace in figure["data"]:
        if trace.get("mode") != "markers" or trace.get("hoverinfo") == "skip":
            continue  # only event markers say where an event is
        for x, y, event_id in zip(
            trace.get("x", []), trace.get("y", []), trace.get("customdata") or [], strict=False
        ):
            at[(trace.get("xaxis", "x"), str(x), str(y))] = event_id
    data: list[dict[str, Any]] = []
    for trace in figure["data"]:
        trace = dict(trace)
        ids = trace.pop("meta", None)
        if isinstance(ids, list) and trace.get("mode") == "lines":
            data.extend(_split_lines(trace, ids))
            continue
        if isinstance(ids, list):
            trace["customdata"] = ids
        if "text" in trace and not trace.get("customdata"):
            ids = [
                at.get((trace.get("xaxis", "x"), str(x), str(y)), "")
                for x, y in zip(trace.get("x", []), trace.get("y", []), strict=False)
            ]
            if any(ids):
                trace["customdata"] = ids
        if trace.get("customdata"):
            # Label traces keep their invisible markers invisible (opacity 0) when dimmed.
            hidden = trace.get("marker", {}).get("opacity") == 0
            trace["unselected"] = {
                "marker": {"opacity": 0 if hidden else 0.12},
                "textfont": {"color": "#9a9a9a"},
            }
        data.append(trace)
    return {**figure, "data": data}


def _split_lines(trace: dict[str, Any], ids: list[str]) -> list[dict[str, Any]]:
    """One trace per line of ``trace`` (its lines are separated by ``None``), ``ids`` in order."""
    pieces: list[dict[str, Any]] = []
    xs: list[Any] = []
    ys: list[Any] = []
    for x, y in zip(trace.get("x", []), trace.get("y", []), strict=False):
        if x is None or y is None:
            if xs and len(pieces) < len(ids):
                event_id = ids[len(pieces)]
                pieces.append({**trace, "x": xs, "y": ys, "customdata": [event_id] * len(xs)})
            xs, ys = [], []
            continue
        xs.append(x)
        ys.append(y)
    if xs and len(pieces) < len(ids):
        pieces.append({**trace, "x": xs, "y": ys, "customdata": [ids[len(pieces)]] * len(xs)})
    return pieces


def _legend() -> str:
    items = [
        (_svg_marker("circle", filled=True), "happened"),
        (_svg_marker("circle", filled=False), "planned"),
        (_svg_marker("diamond", filled=False), "postponed"),
        (_svg_marker("x", filled=True), "cancelled"),
        (_svg_bar(0.85, 6), "from-to interval: a solid bar over the days it covers"),
        (
            _svg_bar(0.3, 10),
            "month, season or year: a faint bar over the whole period (the day is not known)",
        ),
        (_svg_bar(0.14, 5), "approximate or uncertain (~, ?): a fainter band over the margin"),
        (_svg_arrow(), "open end: the bar runs on to the right edge"),
        (_svg_text("¦"), "date not set: the column at the right"),
        (_svg_window(), "derived window: an undated event placed by its relations (dotted)"),
        (_svg_relation(), "relation: an arrow from an event to the one it refers to"),
        (
            _svg_marker("circle", filled=False, ghost=True),
            "planned date it slipped from: a ghosted marker, dashed to when it happened",
        ),
    ]
    lis = "".join(f"<li>{icon}<span>{text}</span></li>" for icon, text in items)
    return (
        '<section class="report-legend" aria-labelledby="legend-heading">'
        '<h2 id="legend-heading">How to read the chart</h2>'
        f"<p>Shapes say the status; the colour says the track; spans say the precision.</p>"
        f"<ul>{lis}</ul></section>"
    )


def _svg(body: str) -> str:
    return (
        '<svg width="28" height="16" viewBox="0 0 28 16" aria-hidden="true" '
        f'focusable="false">{body}</svg>'
    )


def _svg_window() -> str:
    return _svg(
        '<path d="M2 8 H26" stroke="currentColor" stroke-width="1.5" stroke-dasharray="2 2"/>'
        '<path d="M2 3 V13 M26 3 V13" stroke="currentColor" stroke-width="1.5"/>'
    )


def _svg_relation() -> str:
    return _svg(
        '<path d="M2 8 H20" stroke="currentColor" stroke-width="1"/>'
        '<path d="M19 4 L27 8 L19 12 Z" fill="currentColor" fill-opacity="0.6"/>'
    )


def _svg_marker(shape: str, *, filled: bool, ghost: bool = False) -> str:
    fill = "currentColor" if filled else "none"
    if ghost:
        body = (
            '<circle cx="7" cy="8" r="5" fill="none" stroke="currentColor" stroke-width="1.5" '
            'stroke-opacity="0.45"/><path d="M13 8 H27" stroke="currentColor" '
            'stroke-dasharray="3 2"/>'
        )
    elif shape == "circle":
        body = (
            f'<circle cx="14" cy="8" r="5.5" fill="{fill}" stroke="currentColor" stroke-width="2"/>'
        )
    elif shape == "diamond":
        body = (
            f'<path d="M14 1.5 L20.5 8 L14 14.5 L7.5 8 Z" fill="{fill}" '
            'stroke="currentColor" stroke-width="2"/>'
        )
    else:
        body = '<path d="M9 3 L19 13 M19 3 L9 13" stroke="currentColor" stroke-width="2.5"/>'
    return _svg(body)


def _svg_bar(opacity: float, thickness: int) -> str:
    y = 8 - thickness / 2
    return _svg(
        f'<rect x="1" y="{y}" width="26" height="{thickness}" fill="currentColor" '
        f'fill-opacity="{opacity}"/>'
    )


def _svg_arrow() -> str:
    return _svg(
        '<rect x="1" y="5" width="18" height="6" fill="currentColor" fill-opacity="0.85"/>'
        '<path d="M19 2 L27 8 L19 14 Z" fill="currentColor"/>'
    )


def _svg_text(text: str) -> str:
    return _svg(
        f'<text x="14" y="13" text-anchor="middle" font-size="14" fill="currentColor">{text}</text>'
    )


def _table(
    timeline: Timeline,
    events: list[Event],
    numbers: dict[str, int],
    sources: dict[str, Source],
) -> str:
    rows = [_row(event, numbers, sources) for event in events]
    return (
        '<section class="events" aria-labelledby="events-heading">'
        '<h2 id="events-heading">Events</h2>'
        f'<table id="events-table" data-chart="{CHART_ID}">'
        f"<caption>{len(events)} events of “{_esc(timeline.title)}” in date order (earliest "
        "possible day first; undated last), with their sources.</caption>"
        '<thead><tr><th scope="col">Date</th><th scope="col">Status</th>'
        '<th scope="col">Event</th><th scope="col">Track</th><th scope="col">Sources</th>'
        "</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _row(event: Event, numbers: dict[str, int], sources: dict[str, Source]) -> str:
    date_text = _date_text(event)
    bounds = ""
    if event.when is not None:
        bounds = f' title="{_esc(_bounds_text(event))}"'
    details = _details(event)
    description = (
        f'<p class="event-description">{_esc(event.description)}</p>' if event.description else ""
    )
    cites = "".join(
        _citation_item(numbers[ref.source], sources.get(ref.source)) for ref in event.sources
    )
    return (
        f'<tr id="event-{_esc(event.id)}" data-id="{_esc(event.id)}" '
        f'data-track="{_esc(event.track)}" data-actors="{_esc(json.dumps(list(event.actors)))}" '
        f'data-tags="{_esc(json.dumps(list(event.tags)))}">'
        f'<td class="date"><time{bounds}>{_esc(date_text)}</time></td>'
        f'<td class="status"><span class="shape" aria-hidden="true">'
        f"{STATUS_SHAPES[event.status]}</span> {_esc(event.status)}</td>"
        f'<td><div class="event-title">{_esc(event.title)}</div>'
        + (f'<div class="event-details">{_esc(details)}</div>' if details else "")
        + f"{description}</td>"
        f'<td class="track">{_esc(event.track)}</td>'
        f"<td>{f'<ul class=cites>{cites}</ul>' if cites else ''}</td>"
        "</tr>"
    )


def _details(event: Event) -> str:
    parts = []
    if event.actors:
        parts.append(", ".join(event.actors))
    if event.place:
        parts.append(event.place)
    if event.planned is not None and event.date is not None:
        parts.append(f"planned for {event.planned}")  # the date column shows it otherwise
    if event.tags:
        parts.append("tags: " + ", ".join(event.tags))
    return " · ".join(parts)


def _date_text(event: Event) -> str:
    """The date column: the date as written, else ``planned <date>``, else "not set"."""
    if event.date is not None:
        return str(event.date)
    if event.planned is not None:
        return f"planned {event.planned}"
    return "not set"


def _bounds_text(event: Event) -> str:
    when = event.when
    assert when is not None  # callers only ask for events with a date or a planned date
    start, end = when.earliest, when.latest
    first = "open" if start.year == 1 and start.month == 1 and start.day == 1 else str(start)
    last = "open" if end.year == 9999 else str(end)
    return f"from {first} up to (not including) {last}"


def _citation_item(number: int, source: Source | None) -> str:
    anchor = f'<a class="cite-number" href="#ref-{number}">[{number}]</a>'
    if source is None:
        return f"<li>{anchor}</li>"
    meta = ", ".join(_esc(str(v)) for v in (source.publisher, source.published) if v)
    link = _link(source.url, "link")
    return (
        f"<li>{anchor} {_esc(source.title)}"
        + (f" <span class=source-meta>({meta})</span>" if meta else "")
        + (f" {link}" if link else "")
        + "</li>"
    )


def _references(numbers: dict[str, int], sources: dict[str, Source]) -> str:
    if not numbers:
        return ""
    items = []
    for source_id, number in numbers.items():
        source = sources.get(source_id)
        if source is None:
            items.append(f'<li id="ref-{number}">{_esc(source_id)}</li>')
            continue
        parts = [f"<cite>{_esc(source.title)}</cite>"]
        parts += [_esc(str(v)) for v in (source.publisher, source.published) if v]
        link = _link(source.url, source.url or "")
        items.append(
            f'<li id="ref-{number}">{". ".join(parts)}.' + (f" {link}" if link else "") + "</li>"
        )
    return (
        '<section class="sources" aria-labelledby="sources-heading">'
        '<h2 id="sources-heading">Sources</h2>'
        f'<ol class="references">{"".join(items)}</ol></section>'
    )


def _link(url: str | None, text: str) -> str:
    """An ``<a>`` for an http(s) URL; anything else (or nothing) gives no link."""
    if not url or not _WEB_URL.match(url):
        return ""
    return f'<a href="{_esc(url)}" rel="noopener noreferrer">{_esc(text)}</a>'


def _source_markdown(source_id: str, source: Source | None) -> str:
    if source is None:
        return _md(source_id)
    parts = [f"*{_md(source.title)}*"] + [
        _md(str(v)) for v in (source.publisher, source.published) if v
    ]
    text = ". ".join(parts) + "."
    if source.url and _WEB_URL.match(source.url):
        text += f" <{source.url}>"
    return text


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _md(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
