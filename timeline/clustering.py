"""Merge the candidates of several articles: ``cluster(candidates) -> list[Event]``.

Two candidates report the same real event when their dates are compatible (their half-open
ranges overlap) and their content agrees: the same kind of event with a shared actor and no
rival counterparts (Blinken meeting Xi is not Blinken meeting Wang), or two shared actors
whatever the kind, or, for events with no actors, the same place, acronym (G20) or title.
Names are compared by :func:`timeline.names.name_key`, so "Antony"/"Anthony" or "Chen
Gang"/"Qin Gang" do not split an event, and each is written in its best attested spelling: the
one written after a title in the most articles, then in the most articles.

Dates of one event that do not overlap (one article says 18 June, another 19 June) are kept:
the candidates merge when everything else agrees (kind, actors, place) and the dates are at
most ``CONFLICT_DAYS`` apart; the result takes the best supported date, marked uncertain
(``?``), tagged ``date-conflict``, and its description lists each date with its sources.

Candidates without a date (an undated report of a meeting) never stand alone: they add their
source to the dated meetings of the same people, and are dropped otherwise.

Candidates are compared only within blocks that share an actor, or a kind and a place, so the
work grows with the number of candidates, not its square.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from timeline.dates import EDTFDate, PartialDate, Qualifier, sort_key
from timeline.models import Event, SourceRef, Status
from timeline.names import Spelling, name_key

# Dates of one event may disagree by this much and still be merged (and flagged).
CONFLICT_DAYS = 31
_STATUS_RANK: dict[Status, int] = {"postponed": 3, "cancelled": 2, "planned": 1, "happened": 0}
_SUFFIX = re.compile(r" \((?:postponed|cancelled)\)$")
_SLUG_CUT = re.compile(r"[^a-z0-9]+")


@dataclass(slots=True)
class _Cluster:
    members: list[Event] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    earliest: date = date.min
    latest: date = date.max
    conflict: bool = False

    def add(self, event: Event) -> None:
        self.members.append(event)
        self.actors.update(event.actors)
        self.kinds.add(_kind(event))
        self.places.update([event.place] if event.place else [])
        self.titles.add(_SUFFIX.sub("", event.title).casefold())
        self.acronyms.update(_acronyms(event))
        self.sources.update(ref.source for ref in event.sources)
        if event.date is not None:
            earliest, latest = bounds(event.date)
            if self.earliest < latest and earliest < self.latest:
                self.earliest = max(self.earliest, earliest)
                self.latest = min(self.latest, latest)
            else:
                self.conflict = True


@lru_cache(maxsize=4096)
def bounds(value: EDTFDate) -> tuple[date, date]:
    """``(earliest, latest)`` of a date, computed once per distinct value (it is hot here)."""
    return value.earliest, value.latest


def _kind(event: Event) -> str:
    return event.tags[0] if event.tags else event.track


def _acronyms(event: Event) -> set[str]:
    return {t for t in event.tags[1:] if t.isupper() or any(c.isdigit() for c in t)}


def canonical_names(
    candidates: Sequence[Event], *, spellings: Sequence[Spelling] = ()
) -> dict[str, str]:
    """Map every actor spelling to the best attested spelling of the same person.

    Multi-word names meet by :func:`name_key`. Of the spellings of one person, the one the
    articles write after a title ("Secretary of State Antony Blinken") in the most sources
    wins, then the one in the most sources, then the most used; the alphabet only breaks
    ties. ``spellings`` says how each article writes names; without it, the candidates'
    sources count. A single word ("Biden") goes to the one multi-word name that contains it,
    when there is exactly one.

    Example:
        >>> from timeline.models import Event
        >>> events = [Event(id=f"e{i}", title="t", track="x", actors=names) for i, names in
        ...           enumerate([("Antony Blinken",), ("Anthony Blinken", "Biden"),
        ...                      ("Antony Blinken", "Joe Biden")])]
        >>> canonical_names(events)["Anthony Blinken"], canonical_names(events)["Biden"]
        ('Antony Blinken', 'Joe Biden')
    """
    counts = Counter(actor for event in candidates for actor in event.actors)
    sources: dict[str, set[str]] = defaultdict(set)
    titled: dict[str, set[str]] = defaultdict(set)
    for event in candidates:
        for actor in event.actors:
            sources[actor].update(ref.source for ref in event.sources)
    for spelling in spellings:
        sources[spelling.name].add(spelling.source)
        if spelling.titled:
            titled[spelling.name].add(spelling.source)
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for name in counts:
        groups[name_key(name)].append(name)
    mapping: dict[str, str] = {}
    by_word: dict[str, set[str]] = defaultdict(set)
    for variants in groups.values():
        best = min(
            variants,
            key=lambda s: (-len(titled[s]), -len(sources[s]), -counts[s], s),
        )
        for variant in variants:
            mapping[variant] = best
            if " " in variant:
                for word in variant.split():
                    by_word[word].add(best)
    # A single word goes to a full name only by exact spelling: "China" is no "Qin".
    for name in counts:
        if " " not in name and len(by_word.get(name, ())) == 1:
            (mapping[name],) = by_word[name]
    return mapping


def _renamed(event: Event, mapping: dict[str, str]) -> Event:
    actors = tuple(dict.fromkeys(mapping.get(a, a) for a in event.actors))
    title = event.title
    for old in sorted(event.actors, key=len, reverse=True):
        new = mapping.get(old, old)
        # A single word in a title is a short name on purpose ("Biden says ..."): it stays.
        if new != old and " " in old and new not in title:
            title = title.replace(old, new)
    if actors == event.actors and title == event.title:
        return event
    return event.model_copy(update={"actors": actors, "title": title})


def _agrees(cluster: _Cluster, event: Event) -> bool:
    """True when the event's content says it is the cluster's event (dates aside)."""
    actors = set(event.actors)
    shared = actors & cluster.actors
    if len(shared) >= 2:
        return True
    if _kind(event) not in cluster.kinds:
        return False
    if shared:
        # rival counterparts: each side names someone the other does not
        return not (actors - cluster.actors and cluster.actors - actors)
    if actors or cluster.actors:
        return False
    return bool(
        (event.place and event.place in cluster.places)
        or (_acronyms(event) & cluster.acronyms)
        or _SUFFIX.sub("", event.title).casefold() in cluster.titles
    )


def _dates_fit(cluster: _Cluster, value: EDTFDate) -> bool:
    earliest, latest = bounds(value)
    return cluster.earliest < latest and earliest < cluster.latest


def _conflict_fits(cluster: _Cluster, event: Event, value: EDTFDate) -> bool:
    """Different dates for one event: same kind, actors, place; not the same article; close."""
    if _kind(event) not in cluster.kinds or not event.place or event.place not in cluster.places:
        return False
    if {ref.source for ref in event.sources} & cluster.sources:
        return False
    if not set(event.actors) & cluster.actors and (event.actors or cluster.actors):
        return False
    earliest, latest = bounds(value)
    gap = max(earliest - cluster.latest, cluster.earliest - latest)
    return gap <= timedelta(days=CONFLICT_DAYS)


def _blocks(event: Event) -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = [("actor", a) for a in event.actors]
    if event.place:
        keys.append(("place", _kind(event), event.place))
    keys.extend(("acronym", _kind(event), a) for a in sorted(_acronyms(event)))
    if not event.actors:
        keys.append(("title", _kind(event), _SUFFIX.sub("", event.title).casefold()))
    return keys


def cluster(candidates: Sequence[Event], *, spellings: Sequence[Spelling] = ()) -> list[Event]:
    """Merge candidates that report the same event; return one event per real event.

    The result is ordered by date (then title); ids are built from date and title. Each
    event cites every article that reported it, once, with the span of the best sentence.

    Example:
        >>> from timeline.models import Event, SourceRef
        >>> a = Event(id="a1", title="Ann Lee meets Bo Chan", date="2021-05-03", track="x",
        ...           actors=("Ann Lee", "Bo Chan"), tags=("meeting",),
        ...           sources=(SourceRef(source="a"),), confidence=0.6)
        >>> b = a.model_copy(update={"id": "b1", "actors": ("Anne Lee", "Bo Chan"),
        ...                          "sources": (SourceRef(source="b"),)})
        >>> [(e.title, [r.source for r in e.sources]) for e in cluster([a, b])]
        [('Ann Lee meets Bo Chan', ['a', 'b'])]
    """
    mapping = canonical_names(candidates, spellings=spellings)
    events = [_renamed(event, mapping) for event in candidates]
    clusters: list[_Cluster] = []
    index: dict[tuple[str, ...], dict[int, None]] = defaultdict(dict)
    undated: list[Event] = []
    for event in events:
        if event.date is None:
            undated.append(event)
            continue
        home = _find(clusters, index, event, event.date)
        if home is None:
            home = len(clusters)
            clusters.append(_Cluster())
        clusters[home].add(event)
        for key in _blocks(event):
            index[key][home] = None
    for event in undated:
        _support(clusters, index, event)
    merged = [_merge(c) for c in clusters]
    merged.sort(key=lambda e: (sort_key(e.date) if e.date else (date.max,), e.title))
    return _unique_ids(merged)


def _find(
    clusters: Sequence[_Cluster],
    index: dict[tuple[str, ...], dict[int, None]],
    event: Event,
    value: EDTFDate,
) -> int | None:
    seen: set[int] = set()
    conflicting: int | None = None
    for key in _blocks(event):
        for number in index.get(key, ()):
            if number in seen:
                continue
            seen.add(number)
            candidate = clusters[number]
            if not _agrees(candidate, event):
                continue
            if _dates_fit(candidate, value):
                return number
            if conflicting is None and _conflict_fits(candidate, event, value):
                conflicting = number
    return conflicting


def _support(
    clusters: Sequence[_Cluster], index: dict[tuple[str, ...], dict[int, None]], event: Event
) -> None:
    """Cite an undated meeting for each dated meeting whose people it names."""
    actors = set(event.actors)
    source = event.sources[0].source
    numbers = {n for a in event.actors for n in index.get(("actor", a), ())}
    for number in sorted(numbers):
        target = clusters[number]
        meeting = "meeting" in target.kinds and len(target.actors) >= 2
        if meeting and target.actors <= actors and source not in target.sources:
            target.members.append(event)
            target.sources.add(source)


def _merge(group: _Cluster) -> Event:
    dated = [m for m in group.members if m.date is not None]
    best = max(enumerate(dated), key=lambda pair: (pair[1].confidence or 0.0, -pair[0]))[1]
    value, description, tags = _date_of(group, dated)
    statuses = Counter(m.status for m in dated)
    status = max(statuses, key=lambda s: (statuses[s], _STATUS_RANK[s]))
    title = _SUFFIX.sub("", best.title)
    if status in ("postponed", "cancelled"):
        title += f" ({status})"
    places = Counter(m.place for m in group.members if m.place)
    citations: dict[str, tuple[float, SourceRef]] = {}
    for member in group.members:
        for ref in member.sources:
            score = member.confidence or 0.0
            if ref.source not in citations or score > citations[ref.source][0]:
                citations[ref.source] = (score, ref)
    per_source: dict[str, float] = {}
    for member in group.members:
        for ref in member.sources:
            per_source[ref.source] = max(per_source.get(ref.source, 0.0), member.confidence or 0)
    doubt = 1.0
    for score in per_source.values():
        doubt *= 1.0 - score
    # A plan that did not hold keeps its scheduled date as `planned` (see timeline.lifecycle).
    held = status not in ("postponed", "cancelled")
    return best.model_copy(
        update={
            "title": title,
            "date": value if held else None,
            "planned": None if held else value,
            "status": status,
            "actors": tuple(dict.fromkeys(a for m in dated for a in m.actors)),
            "place": min(places, key=lambda p: (-places[p], p)) if places else None,
            "tags": tuple(dict.fromkeys([*(t for m in dated for t in m.tags), *tags])),
            "description": description,
            "sources": tuple(citations[s][1] for s in sorted(citations)),
            "confidence": round(min(0.95, 1.0 - doubt), 2),
        }
    )


def _date_of(group: _Cluster, dated: Sequence[Event]) -> tuple[EDTFDate, str | None, list[str]]:
    """The cluster's date: the narrowest when all agree; else the best supported, flagged."""
    values = [m.date for m in dated if m.date is not None]
    if not group.conflict:
        return min(values, key=lambda v: (bounds(v)[1] - bounds(v)[0], sort_key(v))), None, []
    support: dict[str, set[str]] = defaultdict(set)
    for member in dated:
        support[str(member.date)].update(ref.source for ref in member.sources)
    ranked = sorted(support, key=lambda d: (-len(support[d]), d))
    listing = "; ".join(f"{d} ({', '.join(sorted(support[d]))})" for d in sorted(support))
    chosen = next(v for v in values if str(v) == ranked[0])
    return _uncertain(chosen), f"Sources disagree on the date: {listing}.", ["date-conflict"]


def _uncertain(value: EDTFDate) -> EDTFDate:
    if isinstance(value, PartialDate):
        return PartialDate(
            value.year, value.month, value.day, value.unspecified_digits, Qualifier.UNCERTAIN
        )
    return value  # an interval already spans its doubt


def _unique_ids(events: Sequence[Event]) -> list[Event]:
    seen: Counter[str] = Counter()
    result = []
    for event in events:
        words = _SLUG_CUT.sub("-", event.title.lower()).strip("-").split("-")
        stem = "-".join(w for w in [_SLUG_CUT.sub("-", str(event.date)).strip("-"), *words[:6]])
        stem = stem.strip("-") or "event"
        seen[stem] += 1
        slug = stem if seen[stem] == 1 else f"{stem}-{seen[stem]}"
        result.append(event.model_copy(update={"id": slug}))
    return result
