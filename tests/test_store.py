"""Merging candidates into a person's file: only additions, idempotent, atomic."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from timeline.errors import TimelineError, TimelineFileError
from timeline.io import loads
from timeline.models import Event, Source, SourceRef, Timeline
from timeline.store import merge_into, merge_text

PERSONAL = """\
# My timeline; keep this comment.
title: Test file   # and this one
tracks:
  - Visits

sources:
  - id: paper
    title: "The Paper"   # quoted on purpose
    url: https://example.org/paper

events:
  # the first event
  - id: rome-visit
    title: Ann Lee visits Rome
    date: 2021-05-03
    track: Visits
    actors: [Ann Lee]
    sources:
      - {source: paper, span: [0, 10]}

  - title: Kept in this key order
    id: other
    track: Visits
"""


def _candidates() -> Timeline:
    link = Event(
        id="2021-05-03-ann-lee-visit",
        title="Ann Lee: visit to Rome",
        date="2021-05-03",
        track="Visits and meetings",
        actors=("Anne Lee",),
        place="Rome",
        tags=("visit",),
        sources=(SourceRef(source="a1", span=(5, 40)), SourceRef(source="b2", span=(1, 9))),
        origin="extracted",
        confidence=0.8,
    )
    new = Event(
        id="2022-03-summit",
        title="Summit in Oslo",
        date="2022-03",
        track="Summits",
        status="planned",
        place="Oslo",
        tags=("summit",),
        sources=(SourceRef(source="b2", span=(20, 60)),),
        origin="extracted",
        confidence=0.6,
    )
    return Timeline(
        title="Extracted",
        tracks=("Visits and meetings", "Summits"),
        sources=(
            Source(id="a1", title="Another title", url="https://example.org/paper"),
            Source(id="b2", title="Second paper", published="2022-01-02"),
        ),
        events=(link, new),
    )


def _only_additions(old: str, new: str) -> list[str]:
    added = []
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        assert not line.startswith("- "), f"a line was removed or changed: {line!r}"
        if line.startswith("+ "):
            added.append(line[2:])
    return added


def test_merge_links_adds_and_keeps_everything_written() -> None:
    new, summary = merge_text(_candidates(), PERSONAL)
    assert str(summary) == "linked 1, added 1, unchanged 0"
    added = _only_additions(PERSONAL, new)
    assert "      - {source: paper, span: [5, 40]}" not in added  # already cited as 'paper'
    assert "      - {source: b2, span: [1, 9]}" in added
    assert "    review: pending" in added
    assert any(line.strip() == "- Summits" for line in added)
    timeline = loads(new)
    assert timeline.source("b2").title == "Second paper"
    assert [e.id for e in timeline.events] == ["rome-visit", "other", "2022-03-summit"]
    assert timeline.event("2022-03-summit").review == "pending"
    assert str(timeline.event("2022-03-summit").date) == "2022-03"


def test_additions_go_where_a_person_would_write_them() -> None:
    new, _ = merge_text(_candidates(), PERSONAL)
    lines = new.splitlines()
    # The new track joins the list, before the blank line that ends it.
    at = lines.index("  - Summits")
    assert (lines[at - 1], lines[at + 1]) == ("  - Visits", "")
    # The new source joins its list, and the events section still starts after a blank line.
    assert lines[lines.index("events:") - 1] == ""
    # Events separated by blank lines get a blank line before the new one too.
    assert lines[lines.index("  - id: 2022-03-summit") - 1] == ""


def test_a_postponed_candidate_links_to_the_curated_plan() -> None:
    curated = PERSONAL + (
        "\n  - id: trip\n    title: Ann Lee's trip to Oslo\n    planned: 2022-03\n"
        "    status: postponed\n    track: Visits\n    actors: [Ann Lee]\n"
    )
    candidate = Event(
        id="2022-03-ann-lee-trip",
        title="Ann Lee: trip to Oslo (postponed)",
        planned="2022-03",
        status="postponed",
        track="Visits and meetings",
        actors=("Ann Lee",),
        sources=(SourceRef(source="b2", span=(3, 30)),),
        origin="extracted",
    )
    candidates = _candidates().model_copy(update={"events": (candidate,)})
    new, summary = merge_text(candidates, curated)
    assert str(summary) == "linked 1, added 0, unchanged 0"
    assert loads(new).event("trip").sources == (SourceRef(source="b2", span=(3, 30)),)


def test_a_second_merge_changes_nothing() -> None:
    once, _ = merge_text(_candidates(), PERSONAL)
    twice, summary = merge_text(_candidates(), once)
    assert twice == once
    assert str(summary) == "linked 0, added 0, unchanged 2"


def test_merge_into_writes_and_a_crash_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "events.yaml"
    target.write_text(PERSONAL, encoding="utf-8")

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(TimelineError, match="No space left"):
        merge_into(_candidates(), target)
    assert target.read_text(encoding="utf-8") == PERSONAL
    assert [p.name for p in tmp_path.iterdir()] == ["events.yaml"]
    monkeypatch.undo()
    assert str(merge_into(_candidates(), target)) == "linked 1, added 1, unchanged 0"
    assert target.read_text(encoding="utf-8") != PERSONAL


def test_an_invalid_target_is_reported_and_untouched(tmp_path: Path) -> None:
    target = tmp_path / "events.yaml"
    target.write_text("title: x\ntracks: []\n", encoding="utf-8")
    with pytest.raises(TimelineFileError, match="tracks"):
        merge_into(_candidates(), target)
    assert target.read_text(encoding="utf-8") == "title: x\ntracks: []\n"


def test_the_shipped_events_file_keeps_every_line(tmp_path: Path) -> None:
    shipped = (Path(__file__).resolve().parent.parent / "events.yaml").read_text(encoding="utf-8")
    new, _ = merge_text(_candidates(), shipped)
    _only_additions(shipped, new)


KEYWORDS = """\
title: Made-up file for keyword links
tracks: [Frictions, Statements]
events:
  - id: volcano
    title: Ash cloud from the volcano closes the airport
    date: 2031-03
    track: Frictions
    tags: [volcano]
  - id: mayor-volcano
    title: The mayor says the volcano is calm again
    date: 2031-08-02
    track: Statements
    actors: [Ann Lee]
    tags: [volcano, statement]
  - id: flood
    title: River flood
    date: 2031-05
    track: Frictions
"""


def _nameless(date: str, title: str) -> Timeline:
    candidate = Event(
        id=f"{date}-candidate",
        title=title,
        date=date,
        track="Incidents",
        tags=("incident",),
        sources=(SourceRef(source="b2", span=(0, 30)),),
        origin="extracted",
        confidence=0.5,
    )
    return _candidates().model_copy(update={"events": (candidate,)})


@pytest.mark.parametrize(
    ("date", "title", "linked"),
    [
        pytest.param("2031", "Volcano incident", "volcano", id="one-of-its-kind"),
        pytest.param("2031-03", "Volcano ash incident", "volcano", id="month"),
        pytest.param("2030", "Volcano incident", None, id="another-year"),
        pytest.param("2031", "River incident", "flood", id="another-keyword"),
        pytest.param("2031", "The incident", None, id="only-generic-words"),
    ],
)
def test_a_candidate_without_actors_links_by_a_distinctive_keyword(
    date: str, title: str, linked: str | None
) -> None:
    new, summary = merge_text(_nameless(date, title), KEYWORDS)
    timeline = loads(new)
    if linked is None:
        assert str(summary) == "linked 0, added 1, unchanged 0"
    else:
        assert str(summary) == "linked 1, added 0, unchanged 0"
        assert [r.source for r in timeline.event(linked).sources] == ["b2"]


def test_a_keyword_shared_by_two_curated_events_of_the_kind_links_neither() -> None:
    twice = KEYWORDS.replace("    tags: [volcano, statement]", "    tags: [volcano]")
    _, summary = merge_text(_nameless("2031", "Volcano incident"), twice)
    assert str(summary) == "linked 0, added 1, unchanged 0"


def test_one_shared_actor_alone_does_not_link_a_different_event() -> None:
    remark = Event(
        id="2021-ann-lee-remarks",
        title="Ann Lee makes remarks",
        date="2021",
        track="Statements",
        actors=("Ann Lee",),
        tags=("statement",),
        sources=(SourceRef(source="b2", span=(0, 9)),),
        origin="extracted",
    )
    candidates = _candidates().model_copy(update={"events": (remark,), "tracks": ("Statements",)})
    new, summary = merge_text(candidates, PERSONAL)
    assert str(summary) == "linked 0, added 1, unchanged 0"
    assert loads(new).event("2021-ann-lee-remarks").review == "pending"
