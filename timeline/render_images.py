"""The chart as an image (PNG, SVG or PDF), drawn by plotly.js in the Chromium on the machine.

The first way is kaleido, plotly's own exporter: it drives the installed Chromium (Debian's
``chromium``, or whatever ``BROWSER_PATH`` names) over the DevTools protocol. It only works
offline with MathJax off (otherwise it fetches MathJax from a CDN and waits), so its server is
started with ``mathjax=False``, once per process (kaleido's server is a singleton).

If kaleido cannot drive that browser (it is missing, too old or new for it, or times out), the
same browser draws the image another way: it loads a page with plotly.js inline and the figure,
and ``Plotly.toImage`` gives the PNG or SVG, read back with ``--dump-dom``; a PDF is the page
printed with ``--print-to-pdf`` on a page exactly the figure's size. Same plotly.js, same
browser, the same picture.

With no browser at all, ``RenderError`` says what to install, in one line.
"""

from __future__ import annotations

import base64
import html
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import urllib.parse
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from timeline.errors import RenderError
from timeline.output import write_atomic
from timeline.placement import DEFAULT_WIDTH

logger = logging.getLogger(__name__)

ImageFormat = Literal["png", "svg", "pdf"]
Engine = Literal["auto", "kaleido", "chromium"]
IMAGE_FORMATS: tuple[ImageFormat, ...] = ("png", "svg", "pdf")
DEFAULT_HEIGHT = 600
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
INSTALL_HINT = (
    "PNG, SVG and PDF need Chromium or Chrome and none was found: install it "
    "(Debian/Ubuntu: sudo apt-get install chromium) or set BROWSER_PATH to its executable."
)
# Quiet on a closed network: no updates, no sync, no first-run work.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
BROWSER_TIMEOUT_S = 90


def find_browser() -> Path | None:
    """The Chromium or Chrome to draw with: ``BROWSER_PATH``, else the first on ``PATH``."""
    named = os.environ.get("BROWSER_PATH")
    if named:
        return Path(named) if Path(named).is_file() else None
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def image_bytes(
    figure: Mapping[str, Any],
    *,
    fmt: ImageFormat,
    width: int | None = None,
    height: int | None = None,
    scale: float = 1.0,
    engine: Engine = "auto",
) -> bytes:
    """Draw ``figure`` (a plotly figure dict) as PNG, SVG or PDF bytes.

    ``width``/``height`` default to the figure's own, else 1200 x 600 px; ``scale`` multiplies
    the pixels of a PNG. ``engine`` is ``auto`` (kaleido, then Chromium directly), or one of
    them alone (for tests).

    Raises:
        RenderError: no browser is installed, or it failed to draw; the message says why.
    """
    if fmt not in IMAGE_FORMATS:
        raise TypeError(f"fmt must be one of {IMAGE_FORMATS}, not {fmt!r}")
    browser = find_browser()
    if browser is None:
        raise RenderError(INSTALL_HINT)
    layout = figure.get("layout", {})
    size = (
        int(width or layout.get("width") or DEFAULT_WIDTH),
        int(height or layout.get("height") or DEFAULT_HEIGHT),
    )
    if engine in ("auto", "kaleido"):
        try:
            return _with_kaleido(figure, fmt, size, scale, browser)
        # kaleido fails in many ways (no browser it can drive, protocol errors, timeouts);
        # any of them means: draw with the browser directly, and log why.
        except Exception as err:
            if engine == "kaleido":
                raise RenderError(f"kaleido could not draw the {fmt.upper()}: {err}") from err
            logger.warning(
                "kaleido could not drive %s (%s); drawing with it directly", browser, err
            )
    return _with_chromium(figure, fmt, size, scale, browser)


def write_image(
    figure: Mapping[str, Any],
    path: str | Path,
    *,
    fmt: ImageFormat,
    width: int | None = None,
    height: int | None = None,
    scale: float = 1.0,
    engine: Engine = "auto",
) -> Path:
    """Write ``figure`` as an image file atomically and return its path (see ``image_bytes``).

    Raises:
        RenderError: no browser, a failed drawing, or a path that cannot be written.
    """
    data = image_bytes(figure, fmt=fmt, width=width, height=height, scale=scale, engine=engine)
    return write_atomic(path, data)


def _with_kaleido(
    figure: Mapping[str, Any], fmt: ImageFormat, size: tuple[int, int], scale: float, browser: Path
) -> bytes:
    import kaleido

    # MathJax off: with it on, kaleido fetches it from a CDN and an offline run hangs.
    kaleido.start_sync_server(mathjax=False, path=str(browser), silence_warnings=True)
    options = {"format": fmt, "width": size[0], "height": size[1], "scale": scale}
    data = kaleido.calc_fig_sync(dict(figure), opts=options)
    if not isinstance(data, bytes) or not data:
        raise RenderError(f"kaleido returned no {fmt.upper()} data")
    return data


def _with_chromium(
    figure: Mapping[str, Any], fmt: ImageFormat, size: tuple[int, int], scale: float, browser: Path
) -> bytes:
    # Chromium helpers may still be writing to the profile as it exits: tolerate that.
    with tempfile.TemporaryDirectory(
        prefix="timeline-image-", ignore_cleanup_errors=True
    ) as folder:
        page = Path(folder) / "chart.html"
        page.write_text(_image_page(figure, fmt, size, scale), encoding="utf-8")
        profile = f"--user-data-dir={Path(folder) / 'profile'}"
        budget = "--virtual-time-budget=30000"
        if fmt == "pdf":
            pdf = Path(folder) / "chart.pdf"
            args = ["--no-pdf-header-footer", f"--print-to-pdf={pdf}", budget, page.as_uri()]
            _run(browser, [profile, *args])
            if not pdf.exists() or not pdf.stat().st_size:
                raise RenderError(f"{browser} printed no PDF")
            return pdf.read_bytes()
        dom = _run(browser, [profile, "--dump-dom", budget, page.as_uri()])
    match = re.search(r'<pre id="image">(.*?)</pre>', dom, re.S)
    url = html.unescape(match.group(1)) if match else ""
    if not url.startswith("data:"):
        raise RenderError(f"{browser} drew no {fmt.upper()}: {url[:200] or 'no output'}")
    header, _, payload = url.partition(",")
    if header.endswith(";base64"):
        return base64.b64decode(payload)
    return urllib.parse.unquote(payload).encode("utf-8")


def _image_page(
    figure: Mapping[str, Any], fmt: ImageFormat, size: tuple[int, int], scale: float
) -> str:
    from plotly.offline import get_plotlyjs

    width, height = size
    layout = {**figure.get("layout", {}), "width": width, "height": height}
    spec = {"data": figure.get("data", []), "layout": layout}
    # "</" cannot end the script early once written as "<\/".
    spec_json = json.dumps(spec, ensure_ascii=False).replace("</", "<\\/")
    if fmt == "pdf":
        finish = "() => {}"
    else:
        finish = (
            f"gd => Plotly.toImage(gd, {{format: '{fmt}', width: {width}, height: {height}, "
            f"scale: {float(scale)}}}).then(url => {{ out.textContent = url; }})"
        )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<style>@page {{ size: {width}px {height}px; margin: 0 }} html, body {{ margin: 0 }}
#image {{ display: none }}</style></head>
<body><div id="chart" style="width:{width}px;height:{height}px"></div><pre id="image"></pre>
<script>{get_plotlyjs()}</script>
<script>
const out = document.getElementById("image");
const spec = {spec_json};
Plotly.newPlot("chart", spec.data, spec.layout, {{staticPlot: true}})
  .then({finish})
  .catch(err => {{ out.textContent = "error: " + err; }});
</script></body></html>
"""


def _run(browser: Path, args: list[str]) -> str:
    try:
        done = subprocess.run(
            [str(browser), *CHROMIUM_FLAGS, *args],
            capture_output=True,
            text=True,
            timeout=BROWSER_TIMEOUT_S,
            check=False,
        )
    except FileNotFoundError as err:
        raise RenderError(INSTALL_HINT) from err
    except subprocess.TimeoutExpired as err:
        raise RenderError(f"{browser} did not finish within {BROWSER_TIMEOUT_S} s") from err
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise RenderError(f"{browser} failed (exit {done.returncode}): {last}")
    return done.stdout
