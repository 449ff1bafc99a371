"""The file-format models on their own (timeline.models)."""

import pytest
from pydantic import ValidationError

from timeline.dates import Interval, PartialDate
from timeline.models import Event, Source, SourceRef, Timeline


def event(**fields: object) -> Event:
    return Event.model_validate({"id": "e", "title": "E", "track": "a", **fields})


def test_defaults_are_what_a_curator_means() -> None:
    plain = event()
    assert (plain.status, plain.origin, plain.date, plain.sources) == (
        "happened",
        "curated",
        None,
        (),
    )


def test_a_citation_may_be_just_the_source_id() -> None:
    cited = event(sources=["s1", {"source": "s2", "span": [3, 9]}])
    assert cited.sources == (SourceRef(source="s1"), SourceRef(source="s2", span=(3, 9)))


def test_dates_are_edtf_values_and_serialise_as_written() -> None:
    dated = event(date="2023-06-18/2023-06-19", planned="2023-02")
    assert isinstance(dated.date, Interval)
    assert isinstance(dated.planned, PartialDate)
    dumped = dated.model_dump(mode="json")
    assert (dumped["date"], dumped["planned"]) == ("2023-06-18/2023-06-19", "2023-02")


def test_only_web_links_are_accepted_as_source_urls() -> None:
    assert Source(id="s", title="T", url="https://example.org/a").url == "https://example.org/a"
    with pytest.raises(ValidationError, match="url"):
        Source(id="s", title="T", url="javascript:alert(1)")


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"id": "Has Space"}, id="slug"),
        pytest.param({"title": ""}, id="empty-title"),
        pytest.param({"confidence": 1.5}, id="confidence-range"),
        pytest.param({"review": "done"}, id="review-value"),
        pytest.param({"date": True}, id="bool-date"),
        pytest.param({"colour": "red"}, id="unknown-field"),
    ],
)
def test_bad_values_are_refused(fields: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        event(**fields)


def test_models_are_immutable() -> None:
    with pytest.raises(ValidationError):
        event().title = "changed"  # type: ignore[misc]


def test_as_of_must_be_a_whole_day() -> None:
    with pytest.raises(ValidationError, match="calendar day"):
        Timeline.model_validate({"title": "t", "tracks": ["a"], "as_of": "2023-06"})


def test_lookup_by_id() -> None:
    timeline = Timeline(title="t", tracks=("a",), events=(event(),))
    assert timeline.event("e").title == "E"
    with pytest.raises(KeyError):
        timeline.event("missing")
