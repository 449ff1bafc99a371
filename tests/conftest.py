"""Shared fixtures: a fixed reference date (no wall clock) and the shipped English rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.rules import RuleSet, load_rules

REPO = Path(__file__).resolve().parent.parent


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
