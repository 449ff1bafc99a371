"""PNG, SVG and PDF through kaleido, through Chromium directly, and with no browser at all."""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Any

import pytest

from timeline import render_images
from timeline.errors import RenderError
from timeline.io import load
from timeline.render_formats import ChartOptions, chart, static_figure
from timeline.render_images import find_browser, image_bytes, write_image

ROOT = Path(__file__).resolve().parent.parent
needs_browser = pytest.mark.skipif(
    find_browser() is None, reason="no Chromium installed (apt-get install -y chromium)"
)


@pytest.fixture(scope="module")
def figure() -> dict[str, Any]:
    return static_figure(chart(load(ROOT / "events.yaml"), ChartOptions(width=900, height=500)))


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def svg_size(data: bytes) -> tuple[float, float]:
    head = data[:400].decode("utf-8")
    assert head.startswith("<svg")
    width = re.search(r'width="([\d.]+)"', head)
    height = re.search(r'height="([\d.]+)"', head)
    assert width and height
    return float(width.group(1)), float(height.group(1))


def pdf_page_size(data: bytes) -> tuple[float, float]:
    assert data[:5] == b"%PDF-"
    box = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box
    return float(box.group(3)) - float(box.group(1)), float(box.group(4)) - float(box.group(2))


@needs_browser
@pytest.mark.parametrize("engine", ["kaleido", "chromium"])
def test_png_has_the_size_times_the_scale(figure: dict[str, Any], engine: Any) -> None:
    data = image_bytes(figure, fmt="png", width=640, height=360, scale=2, engine=engine)
    assert png_size(data) == (1280, 720)
    assert len(data) > 10_000


@needs_browser
@pytest.mark.parametrize("engine", ["kaleido", "chromium"])
def test_svg_is_vector_text_of_the_figure_size(figure: dict[str, Any], engine: Any) -> None:
    data = image_bytes(figure, fmt="svg", engine=engine)
    assert svg_size(data) == (900, 500)
    assert b"Blinken" in data


@needs_browser
@pytest.mark.parametrize("engine", ["kaleido", "chromium"])
def test_pdf_is_one_page_of_the_figure_size(figure: dict[str, Any], engine: Any) -> None:
    data = image_bytes(figure, fmt="pdf", width=800, height=400, engine=engine)
    width, height = pdf_page_size(data)
    # 800 x 400 CSS px are 600 x 300 pt; allow a point of rounding.
    assert abs(width - 600) <= 1.5
    assert abs(height - 300) <= 1.5
    assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)) == 1


@needs_browser
def test_a_kaleido_failure_falls_back_to_chromium(
    figure: dict[str, Any], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object) -> bytes:
        raise RuntimeError("cannot drive this browser")

    monkeypatch.setattr(render_images, "_with_kaleido", broken)
    data = image_bytes(figure, fmt="png", width=300, height=200)
    assert png_size(data) == (300, 200)
    assert "cannot drive this browser" in caplog.text


def test_no_browser_is_one_line_saying_what_to_install(
    figure: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-browser"))
    with pytest.raises(RenderError, match="apt-get install chromium") as caught:
        image_bytes(figure, fmt="png")
    assert "\n" not in str(caught.value)


def test_find_browser_prefers_browser_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "chrome"
    fake.write_text("#!/bin/sh\n")
    monkeypatch.setenv("BROWSER_PATH", str(fake))
    assert find_browser() == fake


@needs_browser
def test_write_image_is_atomic_and_keeps_the_old_file_on_failure(
    figure: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "chart.svg"
    target.write_text("previous")
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "gone"))
    with pytest.raises(RenderError):
        write_image(figure, target, fmt="svg")
    assert target.read_text() == "previous"
    monkeypatch.delenv("BROWSER_PATH")
    assert write_image(figure, target, fmt="svg").read_bytes().startswith(b"<svg")
