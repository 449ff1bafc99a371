"""What an event's hover box says, in plain words: title, date and precision, status, sources.

Plotly draws hover and label text as a small subset of HTML (``<b>``, ``<br>``, entities), so
all user text goes through ``escape`` first: a title like ``<script>`` stays text. This module
does not import plotly; ``timeline.render`` puts these strings into the figure.

>>> from timeline.models import Event
>>> date_in_words(Event(id="e", title="E", track="a", date="2023-02~"))
'2023-02~ (month: the day is not known, approximate)'
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

from timeline.dates import Interval, Precision, Qualifier
from timeline.models import Event, Source

PRECISION_WORDS = {
    Precision.DAY: "day",
    Precision.MONTH: "month: the day is not known",
    Precision.SEASON: "season: the month is not known",
    Precision.YEAR: "year: the month is not known",
    Precision.DECADE: "decade: the year is not known",
    Precision.CENTURY: "century: the decade is not known",
}
QUALIFIER_WORDS = {
    Qualifier.APPROXIMATE: "approximate",
    Qualifier.UNCERTAIN: "uncertain",
    Qualifier.UNCERTAIN_APPROXIMATE: "uncertain and approximate",
}


def hover_text(event: Event, sources: Mapping[str, Source]) -> str:
    """The hover box: title, date as written with its precision in words, status, who, where,
    and each source (publisher, publication date, url). User text is escaped."""
    lines = [f"<b>{escape(event.title)}</b>", f"Date: {date_in_words(event)}"]
    lines.append(f"Status: {event.status}")
    lines.append(f"Track: {escape(event.track)}")
    if event.actors:
        lines.append(f"Actors: {escape(', '.join(event.actors))}")
    if event.place:
        lines.append(f"Place: {escape(event.place)}")
    if event.sources:
        lines.append("Sources:")
        lines.extend(_source_lines(event, sources))
    return "<br>".join(lines)


def _source_lines(event: Event, sources: Mapping[str, Source]) -> Iterable[str]:
    for ref in event.sources:
        source = sources.get(ref.source)
        if source is None:
            yield f"• {escape(ref.source)}"
            continue
        head = source.publisher or source.title
        parts = [f"• {escape(head)}"]
        if source.publisher:
            parts.append(f"“{escape(shorten(source.title, 60))}”")
        if source.published is not None:
            parts.append(f"({escape(str(source.published))})")
        yield " ".join(parts)
        if source.url:
            yield f"   {escape(shorten(source.url, 80))}"


def date_in_words(event: Event) -> str:
    """The date as written, then its precision and qualifiers in words."""
    value = event.when
    if value is None:
        return "not set"
    if event.date is None:
        return f"planned for {escape(str(value))} ({PRECISION_WORDS[value.precision]})"
    words = [PRECISION_WORDS[value.precision]]
    if isinstance(value, Interval):
        words = ["interval"]
        if value.end is None:
            words.append("open end" if value.end_open else "end unknown")
        if value.start is None:
            words.append("open start" if value.start_open else "start unknown")
        ends = [d for d in (value.start, value.end) if d is not None]
        coarse = min(d.precision for d in ends)
        if coarse is not Precision.DAY:
            words.append(f"to the {PRECISION_WORDS[coarse].split(':')[0]}")
        qualifiers = {d.qualifier for d in ends} - {Qualifier.NONE}
    else:
        qualifiers = {value.qualifier} - {Qualifier.NONE}
    words += [QUALIFIER_WORDS[q] for q in sorted(qualifiers, key=lambda q: q.value)]
    return f"{escape(str(value))} ({', '.join(words)})"


def escape(text: str) -> str:
    """Make user text literal in plotly's HTML-like labels: ``<``, ``>`` and ``&``.

    >>> escape("<script> & co")
    '&lt;script&gt; &amp; co'
    """
    return html.escape(text, quote=False)


def shorten(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
