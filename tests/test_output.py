"""Atomic writes (timeline.output)."""

import os
from pathlib import Path

import pytest

from timeline.errors import RenderError
from timeline.output import write_atomic


def test_writes_whole_file_and_creates_folders(tmp_path: Path) -> None:
    target = write_atomic(tmp_path / "a" / "b" / "out.html", "<p>é</p>")
    assert target.read_text(encoding="utf-8") == "<p>é</p>"
    assert [p.name for p in target.parent.iterdir()] == ["out.html"]


def test_an_interrupted_write_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("previous")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new")
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_directory_in_the_way_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(RenderError, match="it is a directory"):
        write_atomic(tmp_path / "out", "x")


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "events.yaml"
    target.write_text("old")
    target.chmod(0o600)
    write_atomic(target, "new")
    assert (target.read_text(), target.stat().st_mode & 0o777) == ("new", 0o600)
