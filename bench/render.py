"""Benchmark rendering: synthetic 1k and 10k event files, each stage timed (median of runs).

Stages: load (read + validate), order, build figure, write HTML, and the whole
``python -m timeline render FILE -o OUT`` as a subprocess (Python start-up included).
Targets on the 2-core dev machine: whole render of 1k under 1.5 s, of 10k under 4 s.

Run: python bench/render.py [--runs 5] [--sizes 1000 10000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.io import load  # noqa: E402
from timeline.ordering import ordered  # noqa: E402
from timeline.render import build_figure, write_html  # noqa: E402

TRACKS = ["Diplomacy", "Summits", "Incidents", "Trade", "Military", "Technology"]
STATUSES = ["happened"] * 7 + ["planned", "postponed", "cancelled"]
WORDS = [
    "talks",
    "visit",
    "summit",
    "accord",
    "review",
    "dispute",
    "call",
    "mission",
    "meeting",
    "report",
]


def synthetic(n: int, seed: int = 1) -> str:
    """An events file of ``n`` events: ~8 fields each, mixed precisions, 20 sources."""
    rng = random.Random(seed)
    lines = ["title: Synthetic timeline", "tracks:"] + [f"  - {t}" for t in TRACKS]
    lines.append("sources:")
    for s in range(20):
        lines += [
            f"  - id: src-{s}",
            f"    title: Article number {s}",
            f"    publisher: Publisher {s % 5}",
            f"    url: https://example.org/articles/{s}",
            f"    published: 2021-{s % 12 + 1:02d}-{s % 28 + 1:02d}",
        ]
    lines += ["eras:", "  - title: Early", "    date: 2018/2020", "events:"]
    for i in range(n):
        year, month, day = rng.randint(2018, 2023), rng.randint(1, 12), rng.randint(1, 28)
        kind = rng.random()
        if kind < 0.6:
            date = f"{year}-{month:02d}-{day:02d}"
        elif kind < 0.75:
            date = f"{year}-{month:02d}"
        elif kind < 0.8:
            date = f"{year}"
        elif kind < 0.85:
            date = f"{year}-{month:02d}~"
        else:
            date = f"{year}-{month:02d}-{day:02d}/{year}-{month:02d}-{min(day + 3, 28):02d}"
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6))).capitalize()
        lines += [
            f"  - id: ev-{i}",
            f"    title: {title} {i}",
            f'    date: "{date}"',
            f"    track: {rng.choice(TRACKS)}",
            f"    status: {rng.choice(STATUSES)}",
            f"    actors: [Person {rng.randint(1, 40)}, Agency {rng.randint(1, 9)}]",
            f"    place: City {rng.randint(1, 30)}",
            f"    tags: [{rng.choice(WORDS)}]",
            f"    sources: [src-{rng.randint(0, 19)}]",
        ]
    return "\n".join(lines) + "\n"


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        header = f"{'events':>7} {'load':>7} {'order':>7} {'build':>7} {'write':>7} {'HTML MB':>8}"
        print(f"{header} {'command':>8}   (median seconds of {args.runs} runs)")
        for n in args.sizes:
            source = folder / f"events-{n}.yaml"
            source.write_text(synthetic(n), encoding="utf-8")
            out = folder / f"out-{n}.html"
            timeline = load(source)
            fig = build_figure(timeline)
            t_load = median_seconds(lambda: load(source), args.runs)  # noqa: B023
            t_order = median_seconds(lambda: ordered(timeline), args.runs)  # noqa: B023
            t_build = median_seconds(lambda: build_figure(timeline), args.runs)  # noqa: B023
            t_write = median_seconds(lambda: write_html(fig, out), args.runs)  # noqa: B023
            size = out.stat().st_size / 1e6
            command = [sys.executable, "-m", "timeline", "render", str(source), "-o", str(out)]

            def whole() -> None:
                subprocess.run(command, cwd=ROOT, check=True, capture_output=True)  # noqa: B023

            t_cli = median_seconds(whole, args.runs)
            print(
                f"{n:>7} {t_load:>7.3f} {t_order:>7.3f} {t_build:>7.3f} {t_write:>7.3f} "
                f"{size:>8.2f} {t_cli:>8.3f}"
            )


if __name__ == "__main__":
    main()
