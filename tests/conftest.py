"""Shared fixtures: a small timeline with every status, precision and date form; an out dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.io import load
from timeline.models import Timeline

DATA = Path(__file__).parent / "data"
SAMPLE_FILE = DATA / "sample.yaml"


@pytest.fixture
def sample_timeline() -> Timeline:
    """The timeline in tests/data/sample.yaml (4 tracks, 18 events, 5 sources, 2 eras)."""
    return load(SAMPLE_FILE)


@pytest.fixture
def sample_file() -> Path:
    """The path of tests/data/sample.yaml."""
    return SAMPLE_FILE


@pytest.fixture
def tmp_out(tmp_path: Path) -> Path:
    """A fresh folder for files a test writes."""
    out = tmp_path / "out"
    out.mkdir()
    return out
