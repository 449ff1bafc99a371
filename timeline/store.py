"""Fold extracted candidates into a person's events file, keeping everything they wrote.

``merge_into(candidates, path)`` links each candidate to the curated event it reports (dates
that overlap, and shared actors or keywords; a candidate that names nobody, by a distinctive
keyword such as "balloon" that exactly one curated event of its date and kind has), adding the
candidate's citations to that event, and appends the others with ``review: pending``.
Nothing is deleted or rewritten: the file is edited with ruamel.yaml's round-trip mode
(comments, blank lines, key order and quotes kept), and only additions are made: citations,
sources, tracks and events. The new text must validate before it replaces the old one, through
:func:`timeline.output.write_atomic`. A second run with the same candidates finds everything in
place and changes nothing.

Candidate sources are matched to the file's sources by url, then by title, so an article the
file already lists under its own id is cited under that id. Round-trip YAML costs about 2 ms an
event (FACTS.md), so it is used only here, for writing a person's file.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.resolver import VersionedResolver, implicit_resolvers

from timeline.dates import EDTFDate
from timeline.errors import Diagnostic, TimelineFileError
from timeline.io import check_text, read_text
from timeline.lexicon import load_lexicon
from timeline.models import Event, Source, SourceRef, Timeline
from timeline.names import name_key
from timeline.output import write_atomic

# Words that say the same thing in titles and tags, folded before comparing keywords.
_SYNONYMS = {
    "trip": "visit", "visits": "visit", "visited": "visit", "travels": "visit",
    "travel": "visit", "talks": "meeting", "meets": "meeting", "met": "meeting",
    "meet": "meeting", "conversation": "meeting", "receives": "meeting", "summits": "summit",
    "remarks": "statement", "says": "statement", "hails": "welcomes", "welcomed": "welcomes",
}  # fmt: skip
_IGNORED = frozenset(
    {"and", "the", "for", "with", "from", "into", "that", "this", "their", "over", "after",
     "before", "first", "his", "her", "its"}
)  # fmt: skip
_KEYWORD = re.compile(r"[a-z0-9]{3,}")
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Resolver(VersionedResolver):
    """YAML 1.2 as ruamel reads it, minus timestamps: ``2023-06-18`` stays text both ways."""

    @property
    def versioned_resolver(self) -> Any:
        version = self.processing_version
        if isinstance(version, str):
            version = tuple(map(int, version.split(".")))
        if version not in self._version_implicit_resolver:
            for versions, tag, regexp, first in implicit_resolvers:
                if version in versions and tag != _TIMESTAMP:
                    self.add_version_implicit_resolver(version, tag, regexp, first)
        return self._version_implicit_resolver[version]


def _round_trip() -> YAML:
    # Settings that keep a hand-written file as it is (FACTS.md, "Round-trip editing").
    yaml = YAML(typ="rt")
    yaml.Resolver = _Resolver
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


@dataclass(frozen=True, slots=True)
class MergeSummary:
    """What a merge did: events linked to candidates, events added, candidates already in."""

    linked: int
    added: int
    unchanged: int

    def __str__(self) -> str:
        return f"linked {self.linked}, added {self.added}, unchanged {self.unchanged}"


def merge_into(candidates: Timeline, path: str | Path) -> MergeSummary:
    """Merge ``candidates`` into the events file at ``path``; write it only if it changed.

    Raises:
        TimelineFileError: the file cannot be read, is invalid, or would become invalid.
    """
    name = str(path)
    text = read_text(path)
    new_text, summary = merge_text(candidates, text, filename=name)
    if new_text != text:
        write_atomic(path, new_text)
    return summary


def merge_text(
    candidates: Timeline, text: str, *, filename: str = "<string>"
) -> tuple[str, MergeSummary]:
    """Return ``text`` with the candidates merged in, and what was done (see ``merge_into``)."""
    result = check_text(text, filename=filename)
    if result.timeline is None:
        raise TimelineFileError(result.errors)
    curated = result.timeline
    yaml = _round_trip()
    try:
        data = yaml.load(text)
    except YAMLError as err:  # check_text read it, so this is unexpected, but stay located
        raise TimelineFileError([Diagnostic(filename, 0, 0, f"YAML syntax: {err}")]) from err
    renamed = _source_ids(candidates.sources, curated.sources)
    events: CommentedSeq = data.setdefault("events", CommentedSeq())
    spaced = _BLANK_BEFORE_ITEM.search(text, max(text.find("\nevents:"), 0)) is not None
    ids = {event.id for event in curated.events}
    linked = added = unchanged = 0
    needed_sources: set[str] = set()
    for candidate in candidates.events:
        refs = [_renamed_ref(ref, renamed) for ref in candidate.sources]
        needed_sources.update(ref.source for ref in refs)
        if candidate.id in ids:
            unchanged += 1
            continue
        target = _best_match(candidate, curated.events)
        if target is None:
            _append(events, _new_event(candidate, refs, curated.tracks), blank_line=spaced)
            ids.add(candidate.id)
            added += 1
            continue
        position = next(i for i, e in enumerate(curated.events) if e.id == target.id)
        cited = {ref.source for ref in target.sources}
        new_refs = [ref for ref in refs if ref.source not in cited]
        if not new_refs:
            unchanged += 1
            continue
        raw = _event_node(events, target.id, position)
        sources = raw.setdefault("sources", CommentedSeq())
        for ref in new_refs:
            sources.append(_ref_node(ref))
        curated = _with_sources(curated, target, new_refs)
        linked += 1
    _add_sources(data, candidates.sources, renamed, needed_sources, curated.sources)
    _add_tracks(data, candidates.events, added)
    summary = MergeSummary(linked, added, unchanged)
    if linked == 0 and added == 0:
        return text, summary
    out = io.StringIO()
    yaml.dump(data, out)
    new_text = out.getvalue()
    after = check_text(new_text, filename=filename)
    if after.timeline is None:
        raise TimelineFileError(after.errors)
    return new_text, summary


def _source_ids(theirs: tuple[Source, ...], ours: tuple[Source, ...]) -> dict[str, str]:
    """Map candidate source ids to the ids the file already uses for the same article."""
    by_url = {s.url: s.id for s in ours if s.url}
    by_title = {s.title.casefold(): s.id for s in ours}
    mapping = {}
    for source in theirs:
        same = by_url.get(source.url) if source.url else None
        mapping[source.id] = same or by_title.get(source.title.casefold(), source.id)
    return mapping


def _renamed_ref(ref: SourceRef, renamed: dict[str, str]) -> SourceRef:
    return SourceRef(source=renamed.get(ref.source, ref.source), span=ref.span)


def _keywords(event: Event) -> set[str]:
    words = _KEYWORD.findall(" ".join([event.title, *event.tags]).lower())
    return {_SYNONYMS.get(w, w) for w in words if w not in _IGNORED}


def _name_words(event: Event) -> set[str]:
    return set(_KEYWORD.findall(" ".join(event.actors).lower()))


def _actor_keys(event: Event) -> set[tuple[str, ...]]:
    return {name_key(actor) for actor in event.actors}


def _shared_actors(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> int:
    shared = 0
    for key in a:
        if any(key == other or (len(key) == 1 and key[0] in other) or
               (len(other) == 1 and other[0] in key) for other in b):  # fmt: skip
            shared += 1
    return shared


def _curated_overlapping(
    events: tuple[Event, ...], when: EDTFDate
) -> Iterator[tuple[Event, EDTFDate]]:
    """The curated (not extracted) events whose date overlaps ``when``, with that date."""
    for event in events:
        value = event.when
        if value is None or event.origin == "extracted":
            continue
        if value.earliest < when.latest and when.earliest < value.latest:
            yield event, value


def _best_match(candidate: Event, events: tuple[Event, ...]) -> Event | None:
    """The curated event the candidate reports: overlapping dates, shared actors or keywords."""
    when = candidate.when
    if when is None:
        return None
    keys, words = _actor_keys(candidate), _keywords(candidate)
    best: tuple[float, Event] | None = None
    for event, value in _curated_overlapping(events, when):
        actors = _shared_actors(keys, _actor_keys(event))
        # A name counts once, as an actor, not again as a word of the title.
        names = _name_words(candidate) | _name_words(event)
        shared_words = len((words & _keywords(event)) - names)
        # One shared actor is not enough on its own (Biden is in half the file): the candidate
        # must also share a word with the event, or two actors, or two words.
        if actors + shared_words < 2:
            continue
        score = 2.0 * actors + shared_words + (1.0 if event.status == candidate.status else 0.0)
        score -= abs((value.latest - value.earliest).days - (
            when.latest - when.earliest).days) / 10000  # fmt: skip
        if score >= 3 and (best is None or score > best[0]):
            best = (score, event)
    if best is None and not candidate.actors:
        return _only_keyword_match(candidate, events)
    return best[1] if best else None


def _only_keyword_match(candidate: Event, events: tuple[Event, ...]) -> Event | None:
    """The one curated event sharing a distinctive keyword with a candidate that names nobody.

    "Spy balloon incident" in 2023 names no actor, but "balloon" is no generic word (a
    stopword, a kind of event or one of its synonyms); when exactly one curated event of a
    compatible date and kind has it, that is the event the candidate reports.
    """
    when = candidate.when
    lexicon = load_lexicon()
    kinds = set(lexicon.tracks)
    generic = kinds | set(_SYNONYMS.values()) | _IGNORED | lexicon.stopwords
    distinctive = {w for w in _keywords(candidate) if w not in generic and not w.isdigit()}
    kind = candidate.tags[0] if candidate.tags else None
    if when is None or not distinctive:
        return None
    matches = []
    for event, _ in _curated_overlapping(events, when):
        if not distinctive & _keywords(event):
            continue
        if {t for t in event.tags if t in kinds} - {kind}:
            continue  # the curated event is of another kind ("statement", not "incident")
        matches.append(event)
    return matches[0] if len(matches) == 1 else None


def _event_node(events: CommentedSeq, event_id: str, position: int) -> CommentedMap:
    node = events[position] if position < len(events) else None
    if isinstance(node, CommentedMap) and node.get("id") == event_id:
        return node
    return next(e for e in events if isinstance(e, CommentedMap) and e.get("id") == event_id)


def _flow(items: list[Any]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _ref_node(ref: SourceRef) -> CommentedMap:
    node = CommentedMap(source=ref.source)
    if ref.span is not None:
        node["span"] = _flow(list(ref.span))
    node.fa.set_flow_style()
    return node


def _new_event(candidate: Event, refs: list[SourceRef], tracks: tuple[str, ...]) -> CommentedMap:
    node = CommentedMap()
    node["id"] = candidate.id
    node["title"] = candidate.title
    if candidate.date is not None:
        node["date"] = str(candidate.date)
    if candidate.planned is not None:
        node["planned"] = str(candidate.planned)
    node["track"] = candidate.track
    if candidate.status != "happened":
        node["status"] = candidate.status
    if candidate.actors:
        node["actors"] = _flow(list(candidate.actors))
    if candidate.place:
        node["place"] = candidate.place
    if candidate.tags:
        node["tags"] = _flow(list(candidate.tags))
    if candidate.description:
        node["description"] = candidate.description
    node["sources"] = CommentedSeq([_ref_node(ref) for ref in refs])
    node["origin"] = "extracted"
    if candidate.confidence is not None:
        node["confidence"] = candidate.confidence
    node["review"] = "pending"
    return node


def _with_sources(curated: Timeline, target: Event, refs: list[SourceRef]) -> Timeline:
    updated = target.model_copy(update={"sources": (*target.sources, *refs)})
    events = tuple(updated if e.id == target.id else e for e in curated.events)
    return curated.model_copy(update={"events": events})


def _add_sources(
    data: CommentedMap,
    theirs: tuple[Source, ...],
    renamed: dict[str, str],
    needed: set[str],
    ours: tuple[Source, ...],
) -> None:
    """Add the candidate sources that are cited in the file but not listed in it."""
    known = {s.id for s in ours}
    listed = data.setdefault("sources", CommentedSeq())
    for source in theirs:
        ident = renamed.get(source.id, source.id)
        if ident in known or ident not in needed:
            continue
        node = CommentedMap(id=ident, title=source.title)
        for field in ("publisher", "url"):
            if getattr(source, field):
                node[field] = getattr(source, field)
        if source.published is not None:
            node["published"] = str(source.published)
        _append(listed, node, blank_line=False)
        known.add(ident)


def _add_tracks(data: CommentedMap, events: tuple[Event, ...], added: int) -> None:
    """Add the tracks of appended candidates that the file does not have yet."""
    if not added:
        return
    tracks = data.setdefault("tracks", CommentedSeq())
    ids = {e.get("id") for e in data.get("events", []) if isinstance(e, CommentedMap)}
    for event in events:
        if event.id in ids and event.track not in tracks:
            _append(tracks, event.track, blank_line=False)


# A file whose list items are separated by blank lines gets its new events separated too.
_BLANK_BEFORE_ITEM = re.compile(r"\n[ \t]*\n[ \t]*- \w+:")


def _append(seq: CommentedSeq, item: Any, *, blank_line: bool) -> None:
    """Append ``item`` to ``seq`` keeping the layout: what followed the old last item (blank
    lines, a comment before the next section) now follows the new one."""
    trailing = _take_trailing(seq)
    seq.append(item)
    if blank_line and len(seq) > 1:
        seq.yaml_set_comment_before_after_key(len(seq) - 1, before="\n")
    if trailing is not None:
        _put_trailing(seq, trailing)


def _is_block(node: Any) -> bool:
    return isinstance(node, CommentedMap | CommentedSeq) and bool(node) and not node.fa.flow_style()


def _last_slot(node: CommentedMap | CommentedSeq) -> tuple[Any, int]:
    """Where ruamel keeps the comment after a collection's last entry: (key, slot index)."""
    if isinstance(node, CommentedMap):
        return list(node)[-1], 2
    return len(node) - 1, 0


def _take_trailing(node: CommentedMap | CommentedSeq) -> Any:
    """Detach and return the comment after the last entry of ``node``, however deep."""
    if not node:
        return None
    key, slot = _last_slot(node)
    child = node[key]
    if _is_block(child):
        return _take_trailing(child)
    entry = node.ca.items.get(key)
    if not entry or entry[slot] is None:
        return None
    token = entry[slot]
    entry[slot] = None
    return token


def _put_trailing(node: CommentedMap | CommentedSeq, token: Any) -> None:
    """Attach ``token`` after the last entry of ``node``, however deep."""
    key, slot = _last_slot(node)
    child = node[key]
    if _is_block(child):
        _put_trailing(child, token)
        return
    entry = node.ca.items.setdefault(key, [None, None, None, None])
    entry[slot] = token
