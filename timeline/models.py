"""The timeline file format as frozen pydantic models: Timeline, Event, Source, Era and friends.

These models check each value on its own (types, slugs, EDTF dates, unknown fields). Checks
that need the whole file (unique ids, references to tracks, sources and events) live in
``timeline.checks``; reading YAML and pointing at lines lives in ``timeline.io``.

To add a field: add it to the model with a default (old files must stay valid), document it in
the README's format table, and regenerate ``timeline.schema.json`` with ``timeline schema``.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)

from timeline.dates import EDTFDate, Interval, PartialDate, parse_edtf

Status = Literal["happened", "planned", "postponed", "cancelled"]
Origin = Literal["curated", "extracted"]
RelationType = Literal[
    "before",
    "after",
    "during",
    "part_of",
    "starts_with",
    "causes",
    "postpones",
    "rescheduled_as",
    "follows_up",
    "responds_to",
]

STATUSES: tuple[Status, ...] = ("happened", "planned", "postponed", "cancelled")
RELATION_TYPES: tuple[RelationType, ...] = RelationType.__args__  # type: ignore[attr-defined]

SLUG_PATTERN = r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$"
EDTF_PATTERN = (
    r"^(?:\.\.|\d{2}(?:\d\d|\dX|XX)(?:-\d{2}(?:-\d{2})?)?[?~%]?)?"
    r"(?:/(?:\.\.|\d{2}(?:\d\d|\dX|XX)(?:-\d{2}(?:-\d{2})?)?[?~%]?)?)?$"
)


def _read_edtf(value: object) -> EDTFDate:
    if isinstance(value, PartialDate | Interval):
        return value
    if isinstance(value, bool):
        raise ValueError(f"expected an EDTF date such as '2023-06-18', not {value!r}")
    if isinstance(value, int):
        # A YAML 1.2 plain scalar like 2018 arrives as an int; it is the year.
        value = f"{value:04d}"
    elif isinstance(value, date):
        value = value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f"expected an EDTF date such as '2023-06-18', not {value!r}")
    return parse_edtf(value)


def _read_day(value: object) -> PartialDate:
    parsed = _read_edtf(value)
    if not isinstance(parsed, PartialDate) or not parsed.is_exact:
        raise ValueError(f"expected a calendar day such as '2023-06-20', not {str(parsed)!r}")
    return parsed


Slug = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        description="Lower-case letters, digits and single '-', '_' or '.' between them.",
    ),
]
EventDate = Annotated[
    EDTFDate,
    PlainValidator(_read_edtf),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": EDTF_PATTERN,
            "description": "EDTF date: 2018, 2023-02, 2023-06-18, 2023-06~, 2023?, "
            "2023-06-18/2023-06-19, 2023-06-18/..",
            "examples": ["2023-06-18", "2023-02", "2023-06-18/2023-06-19"],
        }
    ),
]
Day = Annotated[
    PartialDate,
    PlainValidator(_read_day),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"}),
]
WebUrl = Annotated[
    str,
    Field(
        pattern=r"^https?://\S+$",
        description="An http or https address (other schemes are refused so links stay safe).",
    ),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _ref_from_id(value: Any) -> Any:
    return {"source": value} if isinstance(value, str) else value


class SourceRef(_Model):
    """A citation: which source supports an event, optionally with the character span in it."""

    source: str = Field(description="The id of a source listed under `sources`.")
    span: tuple[Annotated[int, Field(ge=0)], Annotated[int, Field(ge=0)]] | None = Field(
        default=None,
        description="Half-open character offsets [start, end) of the supporting text.",
    )


Citation = Annotated[SourceRef, BeforeValidator(_ref_from_id)]


class Relation(_Model):
    """A typed link from this event to another one, by id."""

    type: RelationType
    event: str = Field(description="The id of the related event.")


class Source(_Model):
    """A document that events cite: an article, a statement, a report."""

    id: Slug
    title: str = Field(min_length=1)
    publisher: str | None = None
    url: WebUrl | None = None
    published: EventDate | None = Field(
        default=None, description="Publication date (EDTF); it anchors relative dates."
    )


class Era(_Model):
    """A labelled background period drawn behind the events."""

    title: str = Field(min_length=1)
    date: EventDate
    color: str | None = Field(default=None, description="CSS colour of the band.")


class Event(_Model):
    """One thing that happened, is planned, or was postponed or cancelled."""

    id: Slug
    title: str = Field(min_length=1)
    date: EventDate | None = Field(
        default=None, description="When it happened or will happen (EDTF); omit if not set."
    )
    track: str = Field(description="The lane it is drawn in: one of the file's `tracks`.")
    status: Status = "happened"
    planned: EventDate | None = Field(
        default=None, description="The date it was scheduled for, when that differs from `date`."
    )
    actors: tuple[str, ...] = ()
    place: str | None = None
    tags: tuple[str, ...] = ()
    description: str | None = None
    sources: tuple[Citation, ...] = ()
    relations: tuple[Relation, ...] = ()
    origin: Origin = "curated"
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    review: Literal["pending"] | None = Field(
        default=None, description="Set on merged candidates a person has not reviewed yet."
    )

    @property
    def when(self) -> EDTFDate | None:
        """The date that places the event on a chart: ``date``, else the ``planned`` date."""
        return self.date if self.date is not None else self.planned


class Timeline(_Model):
    """A whole events file: its lanes, sources, background eras and events."""

    title: str = Field(min_length=1)
    description: str | None = None
    as_of: Day | None = Field(
        default=None, description="The day the file describes the world as of (YYYY-MM-DD)."
    )
    tracks: tuple[str, ...] = Field(min_length=1, description="Lanes, in display order.")
    sources: tuple[Source, ...] = ()
    eras: tuple[Era, ...] = ()
    events: tuple[Event, ...] = ()

    def _repr_html_(self) -> str:
        """Show the timeline as its chart in Jupyter (plotly.js inline, so it works offline).

        The renderer is imported here, not at the top: models must not pull in plotly.
        """
        from timeline.render_formats import notebook_html

        return notebook_html(self)

    def event(self, event_id: str) -> Event:
        """Return the event with this id.

        Raises:
            KeyError: no event has that id.
        """
        return {event.id: event for event in self.events}[event_id]

    def source(self, source_id: str) -> Source:
        """Return the source with this id.

        Raises:
            KeyError: no source has that id.
        """
        return {source.id: source for source in self.sources}[source_id]
