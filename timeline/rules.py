"""Load a language's tagger rules from ``rules/<lang>.toml``, validate them and compile them once.

This module owns the rule-file contract; it does not decide what a match means (that is
:mod:`timeline.normalise`) nor which match wins (that is :mod:`timeline.tagger`).

A rule file has six parts (see ``rules/en.toml``):

- ``[meta]``: ``language`` and ``reference``, the date the examples are resolved against;
- ``[cues]``: regexes for the words that tell a mention's tense and kind (see
  :class:`timeline.cues.Cues`: ``future``, ``past``, ``report``, ``limit``, ``game``...); they
  may use fragments too;
- ``[prefilter]``: ``lead`` and ``core``, lower-case word alternations: every mention holds a
  core word and may start with up to four lead words (the scanner looks for these first);
- ``[fragments]``: named regex pieces; a pattern writes ``{month}`` to use the fragment
  ``month``, and fragments may use other fragments;
- ``[lexicon.<group>]``: what the words a named group captures mean (``nov = 11``);
- ``[[rules]]``: ``id``, ``kind``, ``type``, ``pattern``, ``priority``, optional ``value``,
  ``mod`` and ``defaults`` (text for a group the pattern leaves out), ``examples`` and
  ``counterexamples``.

A rule of kind ``reject`` names a known false positive ("the March for Peace", an event): when
it wins the overlap policy, its span is consumed and nothing is tagged there; its examples give
the text (``span``) that must stay untagged, with ``value = ""``.

Patterns use named groups only, from :data:`GROUPS`; :func:`parse_rules` rejects unknown
fragments, unknown groups and kinds, numbered groups, patterns that match ``""`` and duplicate
ids, and names the rule in every message. Group names are made unique per rule (``r3_month_0``), so
one fragment may be used twice in a pattern.

To add a rule: write it in the TOML file with at least one example; ``tests/test_rules.py``
runs every example and counterexample. To add a language: add ``rules/<lang>.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from timeline import rule_index
from timeline.cues import Cues, parse_cues
from timeline.errors import RuleDataError
from timeline.holidays import is_holiday_rule
from timeline.mentions import TimexType
from timeline.regex_rewrite import rewrite
from timeline.regex_start import guarded

Kind = Literal[
    "calendar",
    "relative",
    "offset",
    "duration",
    "set",
    "ref",
    "time",
    "constant",
    "holiday",
    "week_of",
    "day_beside",
    "range_end",
    "reject",
]

#: Named groups the normaliser understands (see timeline.normalise).
GROUPS = frozenset(
    {
        "year",
        "closing_year",
        "closing_month",
        "month",
        "day",
        "weekday",
        "season",
        "quarter",
        "half",
        "decade",
        "century",
        "rel",
        "anaphor",
        "num",
        "unit",
        "shift",
        "mod",
        "ref",
        "hour",
        "minute",
        "ampm",
        "daypart",
        "frequency",
        "fiscal",
        "focus",
        "fraction",
        "holiday",
        "tz",
        "period",
        "nth",
        "frame",
        "week_on",
        "smaller_num",
        "smaller_unit",
        "smallest_num",
        "smallest_unit",
    }
)

#: Groups whose captured text is looked up in ``[lexicon.<group>]``.
LEXICON_GROUPS = frozenset(
    {
        "month",
        "nth",
        "frame",
        "century",
        "weekday",
        "season",
        "quarter",
        "half",
        "rel",
        "anaphor",
        "unit",
        "shift",
        "mod",
        "ref",
        "daypart",
        "frequency",
        "number",
        "holiday",
        "day",
        "decade",
    }
)

# ``{name}`` refers to a fragment; regex counts such as ``{1,2}`` are not names.
_FRAGMENT_REF = re.compile(r"\{(?P<name>[a-z_][a-z0-9_]*)\}")
_NAMED_GROUP = re.compile(r"\(\?P<(?P<name>[A-Za-z_]\w*)>")
_KEY_JUNK = re.compile(r"[\s\-]+")

#: Word boundaries added around every pattern: a mention never starts or ends inside a word.
_LEFT_EDGE = r"(?<!\w)"
_RIGHT_EDGE = r"(?!\w)"
#: A core word ends the word ("dec" is not "decision"); a digit may run on ("5th", "1990s").
_CORE_END = r"(?:(?<=\d)|(?![^\W\d_]))"
_FLAGS = re.IGNORECASE


def lexicon_key(text: str) -> str:
    """Return the lexicon key for captured text: lower case, no dots, single spaces."""
    return _KEY_JUNK.sub(" ", text.lower().replace(".", "").replace("'", "")).strip()


class Example(BaseModel):
    """An input the rule must tag: the mention's text (``span``, default the whole input).

    ``point`` is the date an anchored duration reaches ("three days later"); it must be
    given exactly when the mention has one.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    value: str
    span: str | None = None
    type: TimexType | None = None
    mod: str | None = None
    point: str | None = None


class Rule(BaseModel):
    """One validated rule; ``pattern`` is already expanded (fragments substituted)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: Kind
    type: TimexType
    pattern: str
    priority: int = 0
    value: str | None = None
    mod: str | None = None
    defaults: dict[str, str] = Field(default_factory=dict)
    examples: tuple[Example, ...] = Field(min_length=1)
    counterexamples: tuple[str, ...] = ()

    @field_validator("defaults")
    @classmethod
    def _known_default_groups(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(value) - GROUPS)
        if unknown:
            raise ValueError(f"defaults name unknown groups {unknown!r}")
        return value


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """A rule with its own anchored regex and the mangled names of its groups."""

    rule: Rule
    regex: re.Pattern[str]
    groups: tuple[tuple[str, tuple[str, ...]], ...]

    def captures(self, match: re.Match[str]) -> dict[str, str]:
        """Return ``{group: text}`` for the groups that took part in ``match``, plus defaults."""
        found = dict(self.rule.defaults)
        for name, mangled in self.groups:
            for key in mangled:
                text = match.group(key)
                if text is not None:
                    found[name] = text
                    break
        return found


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Every rule of one language, compiled: the prefilter plus one regex per rule."""

    language: str
    reference: date
    fragments: dict[str, str]
    lexicon: dict[str, dict[str, int | str]]
    rules: tuple[CompiledRule, ...]
    prefilter: re.Pattern[str]
    prefilter_folded: re.Pattern[str]
    cues: Cues
    fragments_used: frozenset[str] = field(default_factory=frozenset)
    # The rules worth trying at a position, by its start (see timeline.rule_index).
    by_start: dict[str, tuple[CompiledRule, ...]] = field(default_factory=dict)
    anywhere: tuple[CompiledRule, ...] = ()

    def rules_at(self, text: str, position: int) -> tuple[CompiledRule, ...]:
        """The rules that may match ``text`` at ``position``, in file order."""
        return rule_index.at(self.by_start, self.anywhere, self.rules, text, position)

    def lookup(self, group: str, text: str) -> int | str | None:
        """Return what ``text`` captured by ``group`` means, or ``None`` if it is not listed."""
        return self.lexicon.get(group, {}).get(lexicon_key(text))


def _expand(pattern: str, fragments: dict[str, str], where: str, used: set[str]) -> str:
    """Substitute fragments into ``pattern`` until none are left."""
    for _ in range(10):
        names = _FRAGMENT_REF.findall(pattern)
        if not names:
            return pattern
        for name in names:
            if name not in fragments:
                raise RuleDataError(
                    f"{where}: unknown fragment {{{name}}}; known are {sorted(fragments)!r}"
                )
            used.add(name)
        pattern = _FRAGMENT_REF.sub(lambda m: f"(?:{fragments[m.group('name')]})", pattern)
    raise RuleDataError(f"{where}: fragments nest more than 10 deep (a fragment uses itself?)")


def _mangle(pattern: str, index: int, rule_id: str) -> tuple[str, dict[str, list[str]]]:
    """Rename every named group ``g`` to ``r<index>_<g>_<k>`` so rules can share names."""
    names: dict[str, list[str]] = {}

    def rename(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in GROUPS:
            raise RuleDataError(
                f"rule {rule_id!r}: unknown group {name!r}; the normaliser knows {sorted(GROUPS)!r}"
            )
        mangled = f"r{index}_{name}_{len(names.setdefault(name, []))}"
        names[name].append(mangled)
        return f"(?P<{mangled}>"

    return _NAMED_GROUP.sub(rename, pattern), names


def _compile(text: str, where: str) -> re.Pattern[str]:
    return _compile_plain(text, where, _FLAGS)


def _compile_plain(text: str, where: str, flags: int) -> re.Pattern[str]:
    try:
        return re.compile(rewrite(text), flags)
    except re.error as err:
        raise RuleDataError(f"{where}: pattern does not compile: {err}") from err


def _compile_rule(rule: Rule, index: int) -> CompiledRule:
    where = f"rule {rule.id!r}"
    mangled, names = _mangle(rule.pattern, index, rule.id)
    regex = _compile(f"{_LEFT_EDGE}(?:{mangled}){_RIGHT_EDGE}", where)
    if regex.groups != len(regex.groupindex):
        raise RuleDataError(f"{where}: use named groups (?P<name>...) or (?:...), not (...)")
    if _compile(mangled, where).fullmatch(""):
        raise RuleDataError(f"{where}: pattern matches the empty string")
    groups = tuple((name, tuple(keys)) for name, keys in names.items())
    return CompiledRule(rule, regex, groups)


def _table(data: dict[str, Any], key: str, source: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise RuleDataError(f"{source}: [{key}] must be a table, not {value!r}")
    return value


def _lexicon(data: dict[str, Any], source: str) -> dict[str, dict[str, int | str]]:
    lexicon: dict[str, dict[str, int | str]] = {}
    for group, words in _table(data, "lexicon", source).items():
        if group not in LEXICON_GROUPS:
            raise RuleDataError(f"{source}: unknown lexicon [lexicon.{group}]")
        table: dict[str, int | str] = {}
        for word, meaning in words.items():
            key = lexicon_key(word)
            if key in table:
                raise RuleDataError(f"{source}: [lexicon.{group}] lists {word!r} twice")
            if group == "holiday" and not is_holiday_rule(meaning):
                raise RuleDataError(
                    f"{source}: [lexicon.holiday] {word!r}: {meaning!r} is not a holiday rule; "
                    "write MM-DD, MM-<weekday 1-7>-<nth 1-5 or L> or E, then +/-days if needed"
                )
            table[key] = meaning
        lexicon[group] = table
    return lexicon


def parse_rules(text: str, *, source: str = "<rules>") -> RuleSet:
    """Validate and compile the rules in TOML ``text``; ``source`` names it in messages.

    Raises:
        RuleDataError: the file breaks the rule-file contract; the message names the rule.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise RuleDataError(f"{source}: not valid TOML: {err}") from err
    meta = _table(data, "meta", source)
    try:
        reference = date.fromisoformat(str(meta.get("reference", "")))
    except ValueError as err:
        raise RuleDataError(
            f"{source}: [meta] reference {meta.get('reference')!r} is not a date; "
            "write one such as '2023-06-20'"
        ) from err
    words = _table(data, "prefilter", source)
    if not words.get("core"):
        raise RuleDataError(f"{source}: [prefilter] needs a 'core' word alternation")
    prefilter_text = prefilter_pattern(
        factor_first_letters(str(words.get("lead", "(?!)"))),
        factor_first_letters(str(words["core"])),
    )
    prefilter = _compile_plain(prefilter_text, f"{source}: [prefilter]", 0)
    prefilter_folded = _compile_plain(prefilter_text, f"{source}: [prefilter]", _FLAGS)
    fragments = {k: str(v) for k, v in _table(data, "fragments", source).items()}
    used: set[str] = set()
    cues = parse_cues(
        _table(data, "cues", source),
        source,
        lambda text, where: guarded(_compile(_expand(text, fragments, where, used), where)),
    )
    compiled: list[CompiledRule] = []
    seen: set[str] = set()
    for index, raw in enumerate(data.get("rules", [])):
        rule_id = raw.get("id", f"#{index + 1}") if isinstance(raw, dict) else f"#{index + 1}"
        where = f"{source}: rule {rule_id!r}"
        if rule_id in seen:
            raise RuleDataError(f"{where}: duplicate id; rule ids must be unique")
        seen.add(rule_id)
        try:
            raw = {**raw, "pattern": _expand(str(raw.get("pattern", "")), fragments, where, used)}
            rule = Rule.model_validate(raw)
        except ValidationError as err:
            raise RuleDataError(f"{where}: {err}") from err
        compiled.append(_compile_rule(rule, index))
    if not compiled:
        raise RuleDataError(f"{source}: no [[rules]]")
    by_start, anywhere = rule_index.index_by_start(compiled, lambda rule: rule.regex)
    return RuleSet(
        language=str(meta.get("language", "")),
        reference=reference,
        fragments=fragments,
        lexicon=_lexicon(data, source),
        rules=tuple(compiled),
        prefilter=prefilter,
        prefilter_folded=prefilter_folded,
        cues=cues,
        fragments_used=frozenset(used),
        by_start=by_start,
        anywhere=anywhere,
    )


def prefilter_pattern(lead: str, core: str) -> str:
    """The prefilter regex: up to four ``lead`` words, then a ``core`` word."""
    return rf"{_LEFT_EDGE}(?:(?:{lead})[\s-]+){{0,4}}(?P<core>{core}){_CORE_END}"


def factor_first_letters(alternation: str) -> str:
    """Group the alternatives of a word alternation by their first letter, keeping order.

    ``the|a|that|an`` becomes ``t(?:he|hat)|a(?:|n)``: the regex engine then tests a position's
    first letter once instead of once per word, which halves the prefilter's time. Two
    alternatives that start with different letters never match at the same place, and those
    that share one keep their order, so every match stays the same. An alternative that does
    not start with a plain letter (``\\d``, ``(?-i:...)``, ``a?b``) stays as it is.

    >>> factor_first_letters("the|a|that|an|[0-9]th")
    't(?:he|hat)|a(?:|n)|[0-9]th'
    """
    groups: list[tuple[str | None, list[str]]] = []
    where: dict[str, int] = {}
    for part in _top_level_alternatives(alternation):
        first = part[:1]
        if not (first.isalpha() or first == "'") or part[1:2] in ("?", "*", "+", "{"):
            groups.append((None, [part]))
            continue
        if first not in where:
            where[first] = len(groups)
            groups.append((first, []))
        groups[where[first]][1].append(part[1:])
    return "|".join(
        rests[0] if first is None else f"{re.escape(first)}(?:{'|'.join(rests)})"
        for first, rests in groups
    )


def _top_level_alternatives(alternation: str) -> list[str]:
    """Split ``a|b(?:c|d)|e`` at the bars outside groups and classes."""
    parts: list[str] = []
    depth, current, index = 0, "", 0
    while index < len(alternation):
        char = alternation[index]
        if char == "\\":
            current += alternation[index : index + 2]
            index += 2
            continue
        depth += (char in "([") - (char in ")]")
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
        index += 1
    parts.append(current)
    return parts


@cache
def load_rules(language: str = "en") -> RuleSet:
    """Load, validate and compile the shipped rules for ``language`` (once per process).

    Example:
        >>> load_rules("en").language
        'en'
    """
    resource = resources.files("timeline") / "rules" / f"{language}.toml"
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise RuleDataError(
            f"no rules for language {language!r} (no rules/{language}.toml)"
        ) from err
    return parse_rules(text, source=f"rules/{language}.toml")
