"""From article files to one timeline of candidates: read, extract (in parallel), cluster.

``read_articles`` pairs each file with its source record and document creation time (from a
manifest, else ``--dct``, else none, with a warning); ``extract_timeline`` runs
:func:`timeline.extract.extract` on each article, in worker processes when asked, and merges
the results with :func:`timeline.clustering.cluster` into a :class:`Timeline` in the
``events.yaml`` schema. The result does not depend on the number of workers: articles are
processed independently and merged in input order. Writing files is the CLI's job.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline.clustering import cluster
from timeline.errors import Diagnostic, TimelineFileError
from timeline.extract import ArticleCandidates, extract_candidates
from timeline.io import read_text
from timeline.lexicon import load_lexicon
from timeline.manifest import ManifestEntry
from timeline.models import Event, Source, Timeline
from timeline.names import Spelling

_SLUG_CUT = re.compile(r"[^a-z0-9_.-]+")
_SEPARATORS = re.compile(r"[-_.]{2,}")


@dataclass(frozen=True, slots=True)
class Article:
    """One article to extract from: its text, source record and creation time."""

    text: str
    source: Source
    reference: date | None


def source_id(path: str | Path) -> str:
    """The source id of an article file: its name without extension, as a slug.

    Example:
        >>> source_id("seeds/000_7F44.txt")
        '000_7f44'
    """
    slug = _SLUG_CUT.sub("-", Path(path).stem.lower())
    return _SEPARATORS.sub("-", slug).strip("-_.") or "article"


def read_articles(
    paths: Sequence[str | Path],
    *,
    manifest: dict[str, ManifestEntry] | None = None,
    dct: date | None = None,
) -> tuple[list[Article], list[str]]:
    """Read the article files; return them with warnings about missing creation times.

    A manifest entry (matched by file name) gives the title, url, publisher and creation time;
    ``dct`` is the creation time of the others. An article with neither keeps its relative
    dates unresolved, and a warning says so.

    Raises:
        TimelineFileError: an article cannot be read (every such file is reported), or two
            files would get the same source id.
    """
    articles: list[Article] = []
    problems: list[Diagnostic] = []
    undated: list[str] = []
    seen: dict[str, str] = {}
    for path in paths:
        name = str(path)
        try:
            text = read_text(path)
        except TimelineFileError as err:
            problems.extend(err.diagnostics)
            continue
        ident = source_id(path)
        if ident in seen:
            problems.append(
                Diagnostic(name, 0, 0, f"source id {ident!r} is also the id of {seen[ident]!r}")
            )
            continue
        seen[ident] = name
        entry = manifest.get(Path(path).name) if manifest else None
        reference = entry.published if entry else dct
        if reference is None:
            undated.append(name)
        source = Source(
            id=ident,
            title=entry.title if entry else Path(path).name,
            publisher=entry.publisher if entry else None,
            url=entry.url if entry else None,
            published=_day(entry.published) if entry else None,
        )
        articles.append(Article(text, source, reference))
    if problems:
        raise TimelineFileError(problems)
    warnings = [
        f"{name}: no creation time (not in the manifest and no --dct): relative dates such "
        "as 'Monday' are left unresolved"
        for name in undated
    ]
    return articles, warnings


def _day(value: date) -> str:
    return value.isoformat()


def extract_article(article: Article) -> ArticleCandidates:
    """The candidates of one article and its spellings of names (what each worker runs)."""
    return extract_candidates(article.text, reference=article.reference, source=article.source.id)


def extract_timeline(
    articles: Sequence[Article],
    *,
    jobs: int = 1,
    title: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> Timeline:
    """Extract candidates from every article, merge them across articles, build a timeline.

    Args:
        articles: the articles, as ``read_articles`` gives them.
        jobs: worker processes; 1 runs in this process. The result is the same either way.
        title: the timeline's title; by default it says how many articles it comes from.
        progress: called with the number of articles done after each one.
    """
    if jobs < 1:
        raise TypeError(f"jobs must be at least 1, not {jobs!r}")
    candidates: list[Event] = []
    names: list[Spelling] = []
    for done, found in enumerate(_run(articles, jobs), start=1):
        candidates.extend(found.events)
        names.extend(found.spellings)
        if progress is not None:
            progress(done)
    count = len(articles)
    return Timeline(
        title=title or f"Events extracted from {count} article{'s' if count != 1 else ''}",
        tracks=load_lexicon().track_names,
        sources=tuple(a.source for a in articles),
        events=tuple(cluster(candidates, spellings=names)),
    )


def _run(articles: Sequence[Article], jobs: int) -> Iterator[ArticleCandidates]:
    if jobs == 1 or len(articles) < 2:
        yield from map(extract_article, articles)
        return
    chunk = max(1, len(articles) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results: Iterable[ArticleCandidates] = pool.map(extract_article, articles, chunksize=chunk)
        yield from results
