"""Throughput of the whole extraction pipeline over many copies of the sample corpus.

Reads the articles of ``../shared/seeds`` once, then times ``extract_timeline`` (tagging,
sentences, names, candidates, clustering across all articles, building the Timeline) and the
YAML text of the result, over N copies of the corpus, each copy with its own source ids.
Prints articles and characters per second. Target: 200 articles/s on one core.

Run from the repository root::

    python bench/extract.py               # 40 copies (200 articles), one process
    python bench/extract.py --copies 100 --jobs 2
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.conftest import shared_folder
from timeline.corpus import Article, extract_timeline, read_articles
from timeline.manifest import read_manifest
from timeline.serialize import to_yaml


def corpus(copies: int) -> list[Article]:
    seeds = shared_folder("seeds")
    if seeds is None:
        raise SystemExit("../shared/seeds is not present")
    manifest = read_manifest(seeds / "manifest.yaml")
    articles, _ = read_articles(sorted(seeds.glob("*.txt")), manifest=manifest)
    return [
        replace(a, source=a.source.model_copy(update={"id": f"{a.source.id}-{n}"}))
        for n in range(copies)
        for a in articles
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = corpus(args.copies)
    chars = sum(len(a.text) for a in articles)
    extract_timeline(articles[:5])  # load rules and lexicon outside the timing
    best = float("inf")
    events = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        timeline = extract_timeline(articles, jobs=args.jobs)
        to_yaml(timeline)
        best = min(best, time.perf_counter() - start)
        events = len(timeline.events)
    print(
        f"{len(articles)} articles, {chars:,} characters, {events} events, jobs={args.jobs}: "
        f"{len(articles) / best:,.0f} articles/s, {chars / best:,.0f} characters/s "
        f"(best of {args.repeat}: {best:.3f} s)"
    )


if __name__ == "__main__":
    main()
