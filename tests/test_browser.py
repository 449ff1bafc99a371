"""The one browser test: the written page draws offline in headless Chromium and hovers.

Skipped (with the reason) when playwright or /usr/bin/chromium is missing; CI installs both.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from timeline.models import Timeline
from timeline.render import DIV_ID, build_figure, write_html
from timeline.render_images import CHROMIUM_FLAGS

CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.browser
def test_page_draws_offline_and_hover_shows_sources(
    sample_timeline: Timeline, tmp_out: Path
) -> None:
    if importlib.util.find_spec("playwright") is None:
        pytest.skip("the playwright package is not installed")
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    from playwright.sync_api import ConsoleMessage, Route, sync_playwright

    page_path = write_html(build_figure(sample_timeline), tmp_out / "timeline.html")
    errors: list[str] = []
    blocked: list[str] = []

    def block_network(route: Route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_FLAGS))
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 800})
            page.route("**/*", block_network)
            page.on("console", console)
            page.on("pageerror", lambda err: errors.append(str(err)))
            page.goto(page_path.as_uri())
            page.wait_for_selector(f"#{DIV_ID}.js-plotly-plot .main-svg", timeout=30_000)

            # Count the points that stand for events, against the timeline.
            ids = page.evaluate(
                """div => document.getElementById(div).data
                    .filter(t => t.customdata).flatMap(t => t.customdata)""",
                DIV_ID,
            )
            assert sorted(ids) == sorted(e.id for e in sample_timeline.events)
            points = f"#{DIV_ID} .cartesianlayer .scatterlayer .points path.point"
            drawn = page.locator(points).count()
            assert drawn >= len(sample_timeline.events)

            # Hover the rescheduled visit: its source's publisher must be in the hover label.
            trace, point = page.evaluate(
                """([div, id]) => {
                    const data = document.getElementById(div).data;
                    for (let t = 0; t < data.length; t++) {
                        const i = (data[t].customdata || []).indexOf(id);
                        if (i >= 0) return [t, i];
                    }
                    return [-1, -1];
                }""",
                [DIV_ID, "visit-rescheduled"],
            )
            assert trace >= 0
            page.evaluate(
                "([div, t, i]) => Plotly.Fx.hover(div, [{curveNumber: t, pointNumber: i}])",
                [DIV_ID, trace, point],
            )
            hover = page.locator(f"#{DIV_ID} .hoverlayer .hovertext")
            hover.first.wait_for(timeout=5_000)
            text = hover.first.text_content() or ""
            assert "Foreign minister visit, rescheduled" in text
            assert "Harbor Ledger" in text
        finally:
            browser.close()
    assert errors == []
    assert blocked == []
