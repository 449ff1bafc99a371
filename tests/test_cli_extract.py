"""`timeline extract` and `timeline merge` end to end (seed-based tests skip without ../shared)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import REPO, shared_folder
from timeline.cli import app
from timeline.io import load
from timeline.models import Event, Timeline

SEEDS = shared_folder("seeds")
needs_seeds = pytest.mark.skipif(SEEDS is None, reason="../shared/seeds is not present")
runner = CliRunner()


def _seed_args() -> list[str]:
    assert SEEDS is not None
    return [*map(str, sorted(SEEDS.glob("*.txt"))), "--manifest", str(SEEDS / "manifest.yaml")]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if SEEDS is None:
        pytest.skip("../shared/seeds is not present")
    out = tmp_path_factory.mktemp("extract") / "extracted.yaml"
    result = runner.invoke(app, ["extract", *_seed_args(), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _find(timeline: Timeline, date: str, *words: str) -> list[Event]:
    return [
        e
        for e in timeline.events
        if str(e.when) == date and all(w in " ".join([e.title, *e.actors]) for w in words)
    ]


# (date, words in title or actors, status, seed-file prefixes that report it)
TARGETS = [
    pytest.param("2018-10", ("Pompeo",), "happened", {"002"}, id="pompeo-trip"),
    pytest.param("2022-11", ("Biden", "Xi Jinping"), "happened", {"002", "004"}, id="bali"),
    pytest.param("2023-02", ("Blinken",), "postponed", {"000", "002", "004"}, id="february"),
    pytest.param("2023-06-18", ("Qin Gang",), "happened", {"002"}, id="qin-gang"),
    pytest.param("2023-06-19", ("Wang Yi",), "happened", {"004"}, id="wang-yi"),
    pytest.param("2023-06-19", ("Xi Jinping",), "happened", {"000", "004"}, id="xi-jinping"),
    pytest.param("2023-09", ("G20",), "planned", {"002"}, id="g20"),
    pytest.param("2023-11", ("summit",), "planned", {"002"}, id="apec"),
]


@needs_seeds
@pytest.mark.parametrize(("date", "words", "status", "reporters"), TARGETS)
def test_targets_are_found_once_with_date_status_and_sources(
    extracted: Path, date: str, words: tuple[str, ...], status: str, reporters: set[str]
) -> None:
    timeline = load(extracted)
    (event,) = _find(timeline, date, *words)
    assert event.status == status
    assert event.origin == "extracted"
    cited = {ref.source[:3] for ref in event.sources}
    assert reporters <= cited


@needs_seeds
def test_the_output_validates_and_cites_spans_of_the_articles(extracted: Path) -> None:
    assert SEEDS is not None
    result = runner.invoke(app, ["validate", str(extracted)])
    assert result.exit_code == 0, result.output
    timeline = load(extracted)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert {s.id for s in timeline.sources} == set(texts)
    assert timeline.source("002_b93ccf4702dfde70").published is not None
    for event in timeline.events:
        for ref in event.sources:
            assert ref.span is not None
            assert texts[ref.source][ref.span[0] : ref.span[1]].strip()
    assert len(timeline.events) <= 20


@needs_seeds
def test_json_format_and_parallel_jobs_give_the_same_result(extracted: Path) -> None:
    one = runner.invoke(app, ["extract", *_seed_args(), "--format", "json"])
    two = runner.invoke(app, ["extract", *_seed_args(), "--format", "json", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    data = json.loads(one.stdout)
    assert [e["id"] for e in data["events"]] == [e.id for e in load(extracted).events]


@needs_seeds
def test_merge_into_a_copy_of_events_yaml_twice(extracted: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.yaml"
    shutil.copy(REPO / "events.yaml", target)
    first = runner.invoke(app, ["merge", str(extracted), "--into", str(target)])
    assert first.exit_code == 0, first.output
    assert "linked" in first.stdout and "added" in first.stdout
    after = target.read_text(encoding="utf-8")
    second = runner.invoke(app, ["merge", str(extracted), "--into", str(target)])
    assert second.exit_code == 0
    assert "linked 0, added 0," in second.stdout
    assert target.read_text(encoding="utf-8") == after
    merged = load(target)
    assert {e.id for e in load(REPO / "events.yaml").events} <= {e.id for e in merged.events}
    pending = [e for e in merged.events if e.review == "pending"]
    assert all(e.origin == "extracted" for e in pending)
    # the curated Qin Gang talks now cite the article that names him 'Chen Gang' too
    assert "constructive-talks" in {r.source for r in merged.event("talks-qin-gang").sources}


def test_without_creation_time_a_warning_and_no_guess(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Ann Lee met Bo Chan in Rome on Monday. Ann Lee met Bo Chan on 3 May 2021.")
    result = runner.invoke(app, ["extract", str(article)])
    assert result.exit_code == 0
    assert "no creation time" in result.stderr
    assert "2021-05-03" in result.stdout
    with_dct = runner.invoke(app, ["extract", str(article), "--dct", "2023-06-20"])
    assert "2023-06-19" in with_dct.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        pytest.param(
            ["missing.txt"], 1, "missing.txt: cannot read the file: it does not exist", id="missing"
        ),
        pytest.param(["{a}", "--dct", "2023-13-01"], 2, "cannot read date '2023-13-01'", id="dct"),
        pytest.param(["{a}", "--manifest", "{bad}"], 1, "bad.yaml:2:", id="manifest"),
        pytest.param(["{a}", "--jobs", "0"], 2, "--jobs", id="jobs"),
    ],
)
def test_extract_errors(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    (tmp_path / "a.txt").write_text("Nothing here.")
    (tmp_path / "bad.yaml").write_text("documents:\n  - file: a.txt\n    published: soon\n")
    out = tmp_path / "out.yaml"
    filled = [a.format(a=tmp_path / "a.txt", bad=tmp_path / "bad.yaml") for a in args]
    result = runner.invoke(app, ["extract", *filled, "-o", str(out)])
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_merge_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [unclosed\n")
    target = tmp_path / "events.yaml"
    shutil.copy(REPO / "events.yaml", target)
    result = runner.invoke(app, ["merge", str(broken), "--into", str(target)])
    assert result.exit_code == 1
    assert "broken.yaml:" in result.stderr
    missing = runner.invoke(app, ["merge", str(broken), "--into", str(tmp_path / "none.yaml")])
    assert missing.exit_code == 1
