"""Manifests: entries by file name, every problem located."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.errors import TimelineFileError
from timeline.manifest import read_manifest

GOOD = """\
documents:
  - file: a.txt
    title: First
    published: 2023-06-20
    url: https://example.org/a
  - file: sub/b.txt
    title: Second
    published: 2023-06-18
    publisher: Example News
"""


def test_reads_entries_by_file_name(tmp_path: Path) -> None:
    path = tmp_path / "manifest.yaml"
    path.write_text(GOOD)
    entries = read_manifest(path)
    assert entries["a.txt"].published == date(2023, 6, 20)
    assert entries["b.txt"].publisher == "Example News"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("", "the manifest is empty", id="empty"),
        pytest.param("documents: 3\n", ":1:1: the manifest needs", id="not-a-list"),
        pytest.param(
            "documents:\n  - file: a.txt\n", ":2:5: missing required field 'title'", id="missing"
        ),
        pytest.param(
            "documents:\n  - {file: a.txt, title: T, published: soon}\n",
            ":2:40: published: cannot read date 'soon'",
            id="bad-date",
        ),
        pytest.param(
            "documents:\n  - {file: a.txt, title: T, published: 2023-01-01, when: x}\n",
            "unknown field 'when'",
            id="unknown",
        ),
        pytest.param("documents: [\n", "YAML syntax", id="syntax"),
    ],
)
def test_problems_are_located(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "manifest.yaml"
    path.write_text(text)
    with pytest.raises(TimelineFileError, match=message.replace("(", r"\(")):
        read_manifest(path)


def test_a_missing_manifest(tmp_path: Path) -> None:
    with pytest.raises(TimelineFileError, match="it does not exist"):
        read_manifest(tmp_path / "none.yaml")
