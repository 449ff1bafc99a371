"""Time the temporal network on a large, consistent timeline: 10k events, 30k relations.

Each event gets a hidden true span; 60% are dated (the exact day, its month, or an interval),
the rest undated, and every relation is one the true spans satisfy, so the network is
consistent and acyclic in time. Prints the median of 5 runs of ``solve`` and of ``order``.
Target: ``solve`` under 1 s.

    python bench/propagation.py [--events 10000] [--relations 30000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.dates import parse_edtf
from timeline.models import Event, Relation, Timeline
from timeline.ordering import order
from timeline.propagation import solve

START = date(2000, 1, 1)


def build(events: int, relations: int, seed: int = 5) -> Timeline:
    """A consistent timeline of ``events`` events and ``relations`` relations."""
    rng = random.Random(seed)
    spans = []
    for n in range(events):
        first = START + timedelta(days=n // 4)
        spans.append((first, first + timedelta(days=rng.choice((1, 1, 1, 2, 5)))))
    links: list[list[Relation]] = [[] for _ in range(events)]
    made = 0
    while made < relations:
        a = rng.randrange(events)
        b = min(events - 1, a + rng.randint(1, 60))
        if a == b:
            continue
        kind = _true_relation(spans[a], spans[b], rng)
        if kind is None:
            continue
        owner, target, name = kind
        links[a if owner == "a" else b].append(
            Relation(type=name, event=f"e{b if target == 'b' else a}")
        )
        made += 1
    items = []
    for n, (first, end) in enumerate(spans):
        roll = rng.random()
        if roll < 0.3:
            text = first.isoformat() if end - first == timedelta(days=1) else None
            text = text or f"{first.isoformat()}/{(end - timedelta(days=1)).isoformat()}"
        elif roll < 0.6 and first.month == (end - timedelta(days=1)).month:
            text = first.strftime("%Y-%m")
        else:
            text = None
        items.append(
            Event(
                id=f"e{n}",
                title=f"Event {n}",
                track="t",
                date=parse_edtf(text) if text else None,
                relations=tuple(links[n]),
            )
        )
    return Timeline(title="bench", tracks=("t",), events=tuple(items))


def _true_relation(
    a: tuple[date, date], b: tuple[date, date], rng: random.Random
) -> tuple[str, str, str] | None:
    """(owner side, target side, type) of a relation the spans satisfy; a starts first."""
    options = []
    if a[1] <= b[0]:
        options += [("a", "b", "before"), ("b", "a", "after")]
    if a[0] <= b[0]:
        options += [("a", "b", "causes")]
    if a[0] < b[0]:
        options += [("b", "a", "responds_to"), ("b", "a", "follows_up")]
    if a[0] <= b[0] and b[1] <= a[1]:
        options += [("b", "a", "during"), ("b", "a", "part_of")]
    if a[0] == b[0]:
        options += [("a", "b", "starts_with")]
    return rng.choice(options) if options else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--relations", type=int, default=30_000)
    args = parser.parse_args()
    timeline = build(args.events, args.relations)
    runs: dict[str, Callable[[], object]] = {
        "solve": lambda: solve(timeline.events),
        "order": lambda: order(timeline),
    }
    for name, run in runs.items():
        times = []
        for _ in range(5):
            began = time.perf_counter()
            run()
            times.append(time.perf_counter() - began)
        print(
            f"{name}: {args.events} events, {args.relations} relations: "
            f"median {statistics.median(times):.3f} s of 5 runs"
        )
    if solve(timeline.events).contradictions:
        raise SystemExit("the generated timeline should be consistent, but is not")


if __name__ == "__main__":
    main()
