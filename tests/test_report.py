"""The report page and Markdown (timeline.report): content, order, citations and escaping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline.io import load
from timeline.models import Timeline
from timeline.ordering import ordered
from timeline.render_formats import ChartOptions
from timeline.report import CHART_ID, citation_numbers, report_html, report_markdown

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "data" / "hostile.yaml"


@pytest.fixture(scope="module")
def shipped() -> Timeline:
    return load(ROOT / "events.yaml")


@pytest.fixture(scope="module")
def shipped_page(shipped: Timeline) -> str:
    return report_html(shipped, plotlyjs="none")


@pytest.fixture(scope="module")
def hostile_page() -> str:
    return report_html(load(HOSTILE), plotlyjs="none")


def _body(page: str) -> str:
    """The page without its <script> elements (our own code, and plotly's call)."""
    return re.sub(r"<script\b.*?</script>", "", page, flags=re.S)


def test_the_page_has_title_chart_legend_table_and_sources(
    shipped: Timeline, shipped_page: str
) -> None:
    assert f"<title>{shipped.title}</title>" in shipped_page
    assert f'<div id="{CHART_ID}"' in shipped_page
    assert "How to read the chart" in shipped_page
    assert shipped_page.count('<tr id="event-') == len(shipped.events)
    assert '<ol class="references">' in shipped_page
    assert "@media print" in shipped_page


def test_the_table_is_in_the_documented_order(shipped: Timeline, shipped_page: str) -> None:
    ids = re.findall(r'<tr id="event-([^"]+)"', shipped_page)
    assert ids == [event.id for event in ordered(shipped)]


def test_dates_are_shown_as_written(shipped_page: str) -> None:
    assert "<time" in shipped_page
    assert ">2023-06-18/2023-06-19</time>" in shipped_page
    assert ">not set</time>" in shipped_page


def test_an_event_with_only_a_planned_date_shows_it_as_planned(shipped_page: str) -> None:
    assert ">planned 2023-02</time>" in shipped_page
    assert "planned for 2023-02" not in _body(shipped_page)  # said once, in the date column
    timeline = Timeline.model_validate(
        {
            "title": "t",
            "tracks": ["a"],
            "events": [{"id": "e", "title": "E", "track": "a", "planned": "2023-02~"}],
        }
    )
    page = report_html(timeline, plotlyjs="none")
    assert (
        '<time title="from 2023-02-01 up to (not including) 2023-03-01">planned 2023-02~<' in page
    )
    assert "| planned 2023-02\\~ |" in report_markdown(timeline)


def test_citations_are_numbered_in_order_of_first_use(shipped: Timeline) -> None:
    numbers = citation_numbers(ordered(shipped))
    assert sorted(numbers.values()) == list(range(1, len(numbers) + 1))
    first = ordered(shipped)[0]
    assert numbers[first.sources[0].source] == 1


def test_sources_show_publisher_date_and_only_web_links(hostile_page: str) -> None:
    body = _body(hostile_page)
    assert "Plain News, 2023-06" in body
    hrefs = re.findall(r'href="([^"]*)"', body)
    assert hrefs
    assert all(h.startswith(("#", "https://", "http://")) for h in hrefs)
    assert 'href="http://example.com/plain"' in body
    # A URL with a quote in it is shown as text, not trusted as a link.
    assert "example.org/a?b=1" not in "".join(hrefs)


def test_hostile_text_is_escaped_everywhere(hostile_page: str) -> None:
    body = _body(hostile_page)
    assert "<img" not in body
    assert "<svg onload" not in body
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in body
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in body
    assert "javascript:alert(1)" in body  # as text ...
    assert 'href="javascript' not in hostile_page  # ... never as a link
    # In scripts, only the figure's JSON can hold user text, and "</" cannot close a script.
    for script in re.findall(r"<script\b[^>]*>(.*?)</script>", hostile_page, flags=re.S):
        assert "<script" not in script.lower()
        assert "<img" not in script


def test_dark_theme_themes_page_and_chart(shipped: Timeline) -> None:
    page = report_html(shipped, options=ChartOptions(theme="dark"), plotlyjs="none")
    assert '<body class="theme-dark">' in page
    assert re.search(r'"paper_bgcolor":\s*"#16181d"', page)


def test_markdown_report(shipped: Timeline) -> None:
    text = report_markdown(shipped, image="report.png")
    lines = text.splitlines()
    assert lines[0] == f"# {shipped.title}"
    assert "![Chart of the events in the table below](report.png)" in lines
    rows = [line for line in lines if line.startswith(("| 20", "| planned 20", "| not set"))]
    assert len(rows) == len(shipped.events)
    assert "## Sources" in lines


def test_markdown_escapes_markup_and_links(tmp_path: Path) -> None:
    text = report_markdown(load(HOSTILE))
    assert not re.search(r"(?<!\\)<(img|script|svg)", text)
    assert r"\<img src=x onerror=" in text
    assert not re.search(r"(?<!\\)\]\(javascript", text)  # "\](" is text, not a link
    assert r"\[markdown\](javascript:alert(1))" in text
    assert '<https://example.org/a?b=1&c="2">' not in text  # quote: not an autolink
    assert "<http://example.com/plain>" in text
    table = [line for line in text.splitlines() if line.startswith("| ")]
    assert all(len(re.split(r"(?<!\\)\|", line)) == 7 for line in table)  # 5 cells each
