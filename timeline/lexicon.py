"""Load the event lexicon (``rules/events_<lang>.toml``): triggers, status cues, titles, places.

This module owns reading and checking that data and compiling it into regexes, once per
language (``functools.cache``). It does not find anything in a text: that is
:mod:`timeline.names` (people, places) and :mod:`timeline.extract` (events).

To add a trigger word, a title or a place: add it to the TOML file; ``tests/test_lexicon.py``
rejects duplicates and the file's ``[[examples]]`` must still give their events.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from timeline.errors import RuleDataError

# Track order in extracted timelines: the order of kinds in the lexicon file.
STATUS_ORDER = ("cancelled", "postponed", "planned")


@dataclass(frozen=True, slots=True)
class Trigger:
    """What a trigger word means: its event kind, part of speech and headline form.

    A verb's headline is its present tense ("meets"); a noun's is the verb phrase a title puts
    after the subject ("visits {place}", "attends the {noun}"), or ``""`` when it has none.
    """

    kind: str
    noun: bool
    headline: str
    priority: int
    kind_noun: str = ""  # the first noun of its kind ("visit"): how a title names a plan


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled event lexicon of one language."""

    language: str
    triggers: Mapping[str, Trigger]
    first_words: frozenset[str]
    phrase_starts: frozenset[str]  # first words of the triggers of two words or more
    first_word_re: re.Pattern[str]  # any first word of a trigger, on lower-cased text
    tracks: Mapping[str, str]
    status_re: Mapping[str, re.Pattern[str]]
    boundary_words: frozenset[str]
    title_words: frozenset[str]
    demonyms: frozenset[str]
    stopwords: frozenset[str]
    organisation_words: frozenset[str]
    countries: frozenset[str]
    cities: frozenset[str]
    place_suffixes: frozenset[str]
    examples: tuple[tuple[str, str], ...]

    @property
    def track_names(self) -> tuple[str, ...]:
        """The tracks in file order, without repeats."""
        return tuple(dict.fromkeys(self.tracks.values()))


def _words_re(words: Iterable[str]) -> re.Pattern[str]:
    r"""One regex for whole words or phrases; spaces in a phrase match any white space.

    The alternatives are laid out as a trie (``me(?:et(?:ing)?|t)``), so the engine tries a
    handful of branches at each position rather than every word: two and a half times faster
    on news text than a flat alternation. The lookaround makes the match a whole word; only
    one alternative can be the whole word at a position, so their order does not matter.

    Example:
        >>> print(_words_re(["met", "meet", "meeting", "held talks"]).pattern)
        (?<![\w-])(?:held\s+talks|me(?:et(?:ing)?|t))(?![\w-])
    """
    trie: dict[str, Any] = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(rf"(?<![\w-]){_trie_pattern(trie)}(?![\w-])")


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = "".join(branches) if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" in node:  # a word ends here and longer ones go on
        return f"(?:{body})?"
    return body


def _strings(data: object, where: str) -> list[str]:
    if not isinstance(data, list) or not all(isinstance(x, str) and x for x in data):
        raise RuleDataError(f"{where}: expected a list of non-empty strings, not {data!r}")
    duplicates = sorted({x for x in data if data.count(x) > 1})
    if duplicates:
        raise RuleDataError(f"{where}: duplicate entries {duplicates!r}")
    return list(data)


_PLACEHOLDER = re.compile(r"\{(?P<name>[^{}]*)\}")


def _noun_headlines(data: object, nouns: list[str], where: str) -> dict[str, str]:
    """Check ``noun = "verb phrase"`` entries: known nouns, known placeholders only."""
    if not isinstance(data, dict):
        raise RuleDataError(f"{where}.noun_headlines must be a table of noun = headline")
    for noun, headline in data.items():
        if noun not in nouns:
            raise RuleDataError(f"{where}.noun_headlines: {noun!r} is not one of its nouns")
        if not isinstance(headline, str) or not headline.strip():
            raise RuleDataError(f"{where}.noun_headlines.{noun}: expected a verb phrase")
        unknown = {m["name"] for m in _PLACEHOLDER.finditer(headline)} - {"noun", "place"}
        if unknown:
            raise RuleDataError(
                f"{where}.noun_headlines.{noun}: unknown placeholder(s) {sorted(unknown)!r}; "
                "use {noun} or {place}"
            )
    return dict(data)


@cache
def load_lexicon(language: str = "en") -> Lexicon:
    """Read, check and compile ``rules/events_<language>.toml``.

    Raises:
        RuleDataError: the file is missing or breaks the format; the message names the entry.
    """
    name = f"events_{language}.toml"
    try:
        text = resources.files("timeline").joinpath("rules", name).read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (FileNotFoundError, tomllib.TOMLDecodeError) as err:
        raise RuleDataError(f"cannot read the event lexicon {name!r}: {err}") from err
    return _compile(data, name, language)


def _compile(data: dict[str, object], name: str, language: str) -> Lexicon:
    kinds = data.get("kinds")
    if not isinstance(kinds, dict) or not kinds:
        raise RuleDataError(f"{name}: [kinds] must list at least one kind of event")
    triggers: dict[str, Trigger] = {}
    tracks: dict[str, str] = {}
    for kind, spec in kinds.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("track"), str):
            raise RuleDataError(f"{name}: kinds.{kind} needs a 'track'")
        tracks[kind] = spec["track"]
        priority = int(spec.get("priority", 0))
        verbs = spec.get("verbs", {})
        if not isinstance(verbs, dict):
            raise RuleDataError(f"{name}: kinds.{kind}.verbs must be a table of word = headline")
        first = nouns[0].lower() if (nouns := spec.get("nouns")) else kind
        entries = [
            (w.lower(), Trigger(kind, False, str(h), priority, str(first)))
            for w, h in verbs.items()
        ]
        nouns = _strings(spec.get("nouns", []), f"{name}: kinds.{kind}.nouns")
        headlines = _noun_headlines(spec.get("noun_headlines", {}), nouns, f"{name}: kinds.{kind}")
        entries += [
            (w.lower(), Trigger(kind, True, headlines.get(w, ""), priority, first)) for w in nouns
        ]
        for word, trigger in entries:
            if word in triggers:
                raise RuleDataError(
                    f"{name}: trigger {word!r} is listed under both "
                    f"kinds.{triggers[word].kind} and kinds.{kind}"
                )
            triggers[word] = trigger
    status = data.get("status", {})
    if not isinstance(status, dict) or set(status) != set(STATUS_ORDER):
        raise RuleDataError(f"{name}: [status] must list exactly {', '.join(STATUS_ORDER)}")
    status_re = {key: _words_re(_strings(status[key], f"{name}: status.{key}")) for key in status}

    def section(key: str, field: str) -> list[str]:
        table = data.get(key, {})
        if not isinstance(table, dict):
            raise RuleDataError(f"{name}: [{key}] must be a table")
        return _strings(table.get(field, []), f"{name}: {key}.{field}")

    examples = data.get("examples", [])
    if not isinstance(examples, list):
        raise RuleDataError(f"{name}: [[examples]] must be an array of tables")
    pairs = []
    for number, example in enumerate(examples, start=1):
        if not isinstance(example, dict) or example.get("kind") not in kinds:
            raise RuleDataError(f"{name}: example {number} needs a text and a known kind")
        pairs.append((str(example["text"]), str(example["kind"])))
    return Lexicon(
        language=language,
        triggers=triggers,
        first_words=frozenset(word.split()[0] for word in triggers),
        phrase_starts=frozenset(word.split()[0] for word in triggers if " " in word),
        first_word_re=_words_re(w.split()[0] for w in triggers),
        tracks=tracks,
        status_re=status_re,
        boundary_words=frozenset(section("boundaries", "words")),
        title_words=frozenset(section("titles", "words")),
        demonyms=frozenset(section("titles", "demonyms")),
        stopwords=frozenset(section("stopwords", "words")),
        organisation_words=frozenset(section("organisations", "words")),
        countries=frozenset(section("places", "countries")),
        cities=frozenset(section("places", "cities")),
        place_suffixes=frozenset(section("places", "suffixes")),
        examples=tuple(pairs),
    )
