"""Shared fixtures: a fixed reference date (no wall clock), the shipped English rules, a small
timeline with every status, precision and date form, and an output folder."""

from __future__ import annotations

import re
import shutil
import tomllib
from datetime import date
from importlib.resources import files
from pathlib import Path

import pytest

from timeline.io import load
from timeline.models import Timeline
from timeline.rules import RuleSet, _expand, load_rules

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
SAMPLE_FILE = DATA / "sample.yaml"


@pytest.fixture
def reference_date() -> date:
    """Tuesday 20 June 2023 (ISO week 25), the publication date used across tests."""
    return date(2023, 6, 20)


@pytest.fixture
def english_rules() -> RuleSet:
    """The shipped English rules."""
    return load_rules("en")


def shared_folder(name: str) -> Path | None:
    """Return ``shared/<name>`` beside the repository (or a folder above it), if present."""
    for folder in REPO.parents:
        candidate = folder / "shared" / name
        if candidate.is_dir():
            return candidate
    return None


def seed_texts() -> list[str]:
    """The sample articles in ``shared/seeds``; none where the folder is missing."""
    seeds = shared_folder("seeds")
    return [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))] if seeds else []


def shipped_cues() -> list[str]:
    """The rule file's [cues] patterns, fragments expanded, as written (before any rewrite)."""
    data = tomllib.loads(files("timeline").joinpath("rules/en.toml").read_text(encoding="utf-8"))
    fragments = load_rules("en").fragments
    return [_expand(cue, fragments, name, set()) for name, cue in data["cues"].items()]


def spans(pattern: str, text: str) -> list[tuple[int, int]]:
    """Where ``pattern``, case ignored as the rules compile it, matches in ``text``."""
    return [m.span() for m in re.compile(pattern, re.IGNORECASE).finditer(text)]


@pytest.fixture
def sample_timeline() -> Timeline:
    """The timeline in tests/data/sample.yaml (4 tracks, 18 events, 5 sources, 2 eras)."""
    return load(SAMPLE_FILE)


@pytest.fixture
def sample_file() -> Path:
    """The path of tests/data/sample.yaml."""
    return SAMPLE_FILE


@pytest.fixture
def events_file(tmp_path: Path) -> Path:
    """A copy of the shipped events.yaml in a scratch folder, for commands to read or change."""
    target = tmp_path / "events.yaml"
    shutil.copy(REPO / "events.yaml", target)
    return target


@pytest.fixture
def tmp_out(tmp_path: Path) -> Path:
    """A fresh folder for files a test writes."""
    out = tmp_path / "out"
    out.mkdir()
    return out
