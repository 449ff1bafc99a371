"""Benchmark every output format on a synthetic file: seconds per format for N events.

Each format is timed from a loaded Timeline to the file on disk (median of runs): the chart
as html, div, json, png, svg and pdf (images through kaleido with its server already warm;
the cold start is reported apart), the report page and Markdown, the CSV, TimelineJS and
iCalendar exports, and importing each of those back into an events file.

Run: python bench/formats.py [--events 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.render import synthetic  # noqa: E402
from timeline.interchange.csv_format import from_csv, to_csv  # noqa: E402
from timeline.interchange.ics import from_ics, to_ics  # noqa: E402
from timeline.interchange.timelinejs import from_timelinejs, to_timelinejs  # noqa: E402
from timeline.io import loads  # noqa: E402
from timeline.models import Timeline  # noqa: E402
from timeline.output import write_atomic  # noqa: E402
from timeline.render_formats import ChartOptions, chart, write_chart  # noqa: E402
from timeline.render_images import find_browser  # noqa: E402
from timeline.report import report_html, report_markdown  # noqa: E402
from timeline.serialize import to_yaml  # noqa: E402

STAMP = datetime(2024, 1, 1, tzinfo=UTC)


def median_seconds(step: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def steps(timeline: Timeline, out: Path) -> dict[str, Callable[[], object]]:
    def chart_as(fmt: str) -> Callable[[], object]:
        options = ChartOptions(width=1200)
        return lambda: write_chart(
            chart(timeline, options), out / f"chart.{fmt}", fmt=fmt, options=options
        )  # type: ignore[arg-type]

    csv_text, tljs_text = to_csv(timeline), to_timelinejs(timeline)
    ics_text = to_ics(timeline, stamp=STAMP)
    found: dict[str, Callable[[], object]] = {
        "render html": chart_as("html"),
        "render div": chart_as("div"),
        "render json": chart_as("json"),
    }
    if find_browser() is not None:
        found |= {f"render {f}": chart_as(f) for f in ("png", "svg", "pdf")}
    found |= {
        "report html": lambda: write_atomic(out / "report.html", report_html(timeline)),
        "report md (no image)": lambda: write_atomic(out / "report.md", report_markdown(timeline)),
        "export csv": lambda: write_atomic(out / "t.csv", to_csv(timeline)),
        "export timelinejs": lambda: write_atomic(out / "t.json", to_timelinejs(timeline)),
        "export ics": lambda: write_atomic(out / "t.ics", to_ics(timeline, stamp=STAMP)),
        "import csv": lambda: write_atomic(out / "c.yaml", to_yaml(from_csv(csv_text))),
        "import timelinejs": lambda: write_atomic(
            out / "j.yaml", to_yaml(from_timelinejs(tljs_text))
        ),
        "import ics": lambda: write_atomic(out / "i.yaml", to_yaml(from_ics(ics_text))),
    }
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    timeline = loads(synthetic(args.events))
    print(f"{args.events} events, median of {args.runs} runs")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        if find_browser() is not None:
            cold = median_seconds(
                lambda: write_chart(chart(timeline), out / "cold.png", fmt="png"), 1
            )
            print(f"{'first image (starts kaleido)':30} {cold:7.2f} s")
        for name, step in steps(timeline, out).items():
            seconds = median_seconds(step, args.runs)
            print(f"{name:30} {seconds:7.2f} s")
        print()
        for path in sorted(out.iterdir()):
            print(f"{path.name:30} {path.stat().st_size / 1024:9.1f} KiB")


if __name__ == "__main__":
    main()
