"""The report page and the div fragment in headless Chromium, with the network blocked.

Skipped (with the reason) when playwright or /usr/bin/chromium is missing; CI installs both.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from timeline.io import load
from timeline.output import write_atomic
from timeline.render import DIV_ID
from timeline.render_formats import chart, figure_div
from timeline.render_images import CHROMIUM_FLAGS
from timeline.report import CHART_ID, report_html

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
HOSTILE_TITLES = [
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=1</script>",
    "javascript:alert(1)",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None, reason="playwright is not installed"
    ),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
]


@dataclass
class Opened:
    page: Any
    errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_FLAGS))
        yield launched
        launched.close()


def open_page(browser: Any, path: Path, chart_id: str) -> Opened:
    """Open ``path`` offline, record console errors and blocked requests, wait for the chart."""
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    opened = Opened(page)

    def route(handle: Any) -> None:
        if handle.request.url.startswith("file://"):
            handle.continue_()
        else:
            opened.blocked.append(handle.request.url)
            handle.abort()

    page.route("**/*", route)
    page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda err: opened.errors.append(str(err)))
    page.goto(path.as_uri())
    page.wait_for_selector(f"#{chart_id}.js-plotly-plot .main-svg", timeout=30_000)
    return opened


@pytest.fixture(scope="module")
def report_page(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    path = tmp_path_factory.mktemp("report") / "report.html"
    write_atomic(path, report_html(load(ROOT / "events.yaml")))
    opened = open_page(browser, path, CHART_ID)
    yield opened
    opened.page.close()


def _shown_rows(page: Any) -> list[str]:
    return list(
        page.evaluate(
            """() => Array.from(document.querySelectorAll('#events-table tbody tr'))
                .filter(r => !r.hidden).map(r => r.dataset.id)"""
        )
    )


def _selected_ids(page: Any) -> list[str] | None:
    """Ids of the chart's selected event points, or None when nothing is dimmed."""
    result = page.evaluate(
        """id => {
            const data = document.getElementById(id).data;
            let any = false; const ids = [];
            for (const t of data) {
                if (!t.customdata || t.mode !== 'markers') continue;
                if (t.selectedpoints == null) { ids.push(...t.customdata); continue; }
                any = true;
                for (const i of t.selectedpoints) ids.push(t.customdata[i]);
            }
            return any ? ids : null;
        }""",
        CHART_ID,
    )
    return None if result is None else sorted(result)


def test_report_draws_the_chart_offline_without_errors(report_page: Opened) -> None:
    page = report_page.page
    points = page.locator(f"#{CHART_ID} .scatterlayer .points path.point").count()
    assert points >= 18
    assert page.locator("#events-table tbody tr").count() == 18
    assert page.inner_text("#count") == "18 of 18 events shown"
    assert report_page.errors == []
    assert report_page.blocked == []


def test_filters_hide_rows_and_dim_the_chart(report_page: Opened) -> None:
    page = report_page.page
    page.select_option("#filter-track", "Frictions")
    rows = _shown_rows(page)
    assert rows == ["li-shangfu-sanctioned", "spy-balloon", "military-channels-refused"]
    assert _selected_ids(page) == sorted(rows)
    page.select_option("#filter-track", "")
    page.select_option("#filter-actor", "Wang Yi")
    assert _shown_rows(page) == ["talks-wang-yi"]
    page.select_option("#filter-actor", "")
    page.select_option("#filter-tag", "summit")
    assert _shown_rows(page) == ["bali-biden-xi", "g20-new-delhi", "apec-san-francisco"]
    page.click("#reset")
    assert len(_shown_rows(page)) == 18
    assert _selected_ids(page) is None
    assert report_page.errors == []


def _line_opacity(page: Any) -> dict[str, list[float]]:
    """Each event's band and bar traces (mode "lines" with an id): their opacities."""
    result = page.evaluate(
        """id => {
            const out = {};
            for (const t of document.getElementById(id).data) {
                if (!t.customdata || t.mode !== 'lines') continue;
                (out[t.customdata[0]] = out[t.customdata[0]] || []).push(
                    t.opacity == null ? 1 : t.opacity);
            }
            return out;
        }""",
        CHART_ID,
    )
    return dict(result)


def test_filters_and_search_dim_bands_and_bars_too(report_page: Opened, tmp_path: Path) -> None:
    page = report_page.page
    page.click("#reset")
    before = _line_opacity(page)
    assert {"february-trip", "beijing-visit", "spy-balloon"} <= before.keys()
    assert all(o == [1] for o in before.values())
    page.select_option("#filter-track", "Frictions")
    shown = set(_shown_rows(page))
    dimmed = _line_opacity(page)
    assert dimmed["spy-balloon"] == [1]  # a month: its precision band stays
    assert dimmed["february-trip"] == [0.12]  # filtered out: its band dims with its marker
    assert dimmed["beijing-visit"] == [0.12]  # ... and so does an interval bar
    assert {i for i, o in dimmed.items() if o == [1]} == shown & dimmed.keys()
    page.screenshot(path=str(tmp_path / "frictions.png"))
    page.click("#reset")
    page.fill("#search", "balloon")
    searched = _line_opacity(page)
    assert searched["spy-balloon"] == [1]
    assert searched["february-trip"] == [0.12]
    page.click("#reset")
    assert all(o == [1] for o in _line_opacity(page).values())
    assert report_page.errors == []


def test_search_highlights_matching_events(report_page: Opened) -> None:
    page = report_page.page
    page.click("#reset")
    page.fill("#search", "balloon")
    marks = page.locator("#events-table tr.match .event-title mark")
    assert marks.count() >= 2
    assert {m.lower() for m in marks.all_inner_texts()} == {"balloon"}
    matched = page.evaluate(
        "() => Array.from(document.querySelectorAll('tr.match')).map(r => r.dataset.id)"
    )
    assert "spy-balloon" in matched
    assert _selected_ids(page) == sorted(matched)
    assert len(_shown_rows(page)) == 18  # search highlights; it does not hide
    assert "matching “balloon”" in page.inner_text("#count")
    page.fill("#search", "")
    assert page.locator("mark").count() == 0
    assert report_page.errors == []


def test_hostile_text_shows_literally_and_never_runs(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("hostile") / "report.html"
    write_atomic(path, report_html(load(ROOT / "tests" / "data" / "hostile.yaml")))
    opened = open_page(browser, path, CHART_ID)
    page = opened.page
    page.fill("#search", "window")  # re-renders titles with <mark>: still text only
    page.hover(f"#{CHART_ID} .scatterlayer .points path.point >> nth=0", force=True)
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    titles = page.locator(".event-title").all_inner_texts()
    for hostile in HOSTILE_TITLES:
        assert hostile in titles
    assert page.locator("#events-table img, #events-table script, #events-table svg").count() == 0
    assert page.title() == 'Hostile <b>titles</b> & "quotes"'
    hrefs = page.evaluate("() => Array.from(document.links).map(a => a.href)")
    assert all(h.startswith(("http://", "https://", "file://")) for h in hrefs)
    assert opened.errors == []
    assert opened.blocked == []
    page.close()


@pytest.mark.parametrize("plotlyjs", ["inline", "none"])
def test_div_fragment_embedded_in_a_page_draws_the_chart(
    browser: Any, tmp_path: Path, plotlyjs: str
) -> None:
    from plotly.offline import get_plotlyjs

    fragment = figure_div(chart(load(ROOT / "events.yaml")), plotlyjs=plotlyjs)  # type: ignore[arg-type]
    head = ""
    if plotlyjs == "none":  # the host page brings its own plotly.js
        write_atomic(tmp_path / "plotly.min.js", get_plotlyjs())
        head = '<script src="plotly.min.js"></script>'
    host = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>"
        f"<h1>My newsroom page</h1><p>Some text.</p>{fragment}<p>More text.</p></body></html>"
    )
    path = write_atomic(tmp_path / "host.html", host)
    opened = open_page(browser, path, DIV_ID)
    assert opened.page.locator(f"#{DIV_ID} .scatterlayer .points path.point").count() >= 18
    assert opened.page.inner_text("h1") == "My newsroom page"
    assert opened.errors == []
    assert opened.blocked == []
    opened.page.close()
