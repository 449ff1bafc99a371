"""Read events files: YAML 1.2 text in, a validated Timeline or located diagnostics out.

Reading is one pass of libyaml (PyYAML's C parser when present): the composed node tree is kept
so that any problem, whether YAML syntax, a bad field or a dangling reference, can be reported
as ``FILE:LINE:COLUMN: message``. Every problem in a file is reported in one run.

YAML 1.2 core schema, not PyYAML's 1.1 default: ``2023-06-18`` stays text until our EDTF parser
reads it, ``NO``/``on``/``yes`` stay strings, ``12:30`` is not sexagesimal, and a duplicate key
is an error rather than a silent overwrite.

Writing a person's file (keeping comments) is not done here; see ``timeline.store``.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from timeline.checks import check_references
from timeline.errors import Diagnostic, TimelineFileError, did_you_mean
from timeline.lifecycle import check_lifecycle
from timeline.models import Era, Event, Relation, Source, SourceRef, Timeline
from timeline.propagation import check_sequence

if TYPE_CHECKING:
    _BaseLoader = yaml.SafeLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution): plain scalars that
# are null, bool, int or float; everything else is a string. Integers with a leading zero stay
# text so that a year such as 0900 keeps its digits.
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_CORE_SCALAR = re.compile(
    r"(?P<null>~|null|Null|NULL)"
    r"|(?P<bool>true|True|TRUE|false|False|FALSE)"
    r"|(?P<int>[-+]?(?:0|[1-9][0-9]*)|0o[0-7]+|0x[0-9a-fA-F]+)"
    r"|(?P<float>[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))"
)
_CORE_FIRST = frozenset("~nNtTfF-+0123456789.")
_CORE_TAGS = {name: f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float")}


class _Composer(_BaseLoader):
    """libyaml's parser and composer with YAML 1.2 core-schema tag resolution.

    Only composition is used: ``_Builder`` turns the node tree into Python values, so the
    nodes (with their line and column) stay at hand for error messages.
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                if value == "":
                    return _CORE_TAGS["null"]
                if value[0] in _CORE_FIRST:
                    match = _CORE_SCALAR.fullmatch(value)
                    if match is not None and match.lastgroup is not None:
                        return _CORE_TAGS[match.lastgroup]
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


class _Builder:
    """Builds Python values from composed nodes, noting duplicate keys and unsupported tags."""

    def __init__(self) -> None:
        self.problems: list[tuple[yaml.Node, str]] = []

    def build(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item) for item in node.value]
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            first: dict[Any, yaml.Node] = {}
            for key_node, value_node in node.value:
                key = self.build(key_node)
                if isinstance(key, list | dict):
                    self.problems.append((key_node, "a key must be a plain value"))
                    continue
                if key in first:
                    line = first[key].start_mark.line + 1
                    self.problems.append(
                        (key_node, f"duplicate key {key!r} (first at line {line})")
                    )
                    continue
                first[key] = key_node
                result[key] = self.build(value_node)
            return result
        self.problems.append((node, "unsupported YAML node"))
        return None

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR:
            return value
        if tag == _CORE_TAGS["null"]:
            return None
        if tag == _CORE_TAGS["bool"]:
            return value.lower() == "true"
        if tag == _CORE_TAGS["int"]:
            return int(value, 0)
        if tag == _CORE_TAGS["float"]:
            return float(value.replace(".inf", "inf").replace(".Inf", "inf").replace(".INF", "inf"))
        self.problems.append((node, f"unsupported YAML tag {tag!r}; write plain values"))
        return value


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What reading a file gave: the timeline when it is valid, and every diagnostic found."""

    timeline: Timeline | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity == "error")


def load(path: str | Path) -> Timeline:
    """Read and validate an events file.

    >>> tl = load("events.yaml")  # doctest: +SKIP
    >>> tl.events[0].title  # doctest: +SKIP

    Raises:
        TimelineFileError: the file cannot be read or is invalid; it carries every problem
            found, each as ``FILE:LINE:COLUMN: message``.
    """
    result = check(path)
    if result.timeline is None:
        raise TimelineFileError(result.errors)
    return result.timeline


def check(path: str | Path) -> CheckResult:
    """Read an events file and report every problem in it, located, without raising."""
    try:
        text = read_text(path)
    except TimelineFileError as err:
        return CheckResult(None, err.diagnostics)
    return check_text(text, filename=str(path))


def loads(text: str, *, filename: str = "<string>") -> Timeline:
    """Read and validate events-file text (what ``load`` does after reading the file).

    Raises:
        TimelineFileError: the text is invalid; it carries every problem found.
    """
    result = check_text(text, filename=filename)
    if result.timeline is None:
        raise TimelineFileError(result.errors)
    return result.timeline


def check_text(text: str, *, filename: str = "<string>") -> CheckResult:
    """Validate events-file text and report every problem, located in ``filename``."""
    # Reading makes hundreds of thousands of small objects and no cycles; the cyclic
    # collector's passes over them would more than double the time (measured in FACTS.md).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _check_text(text, filename)
    finally:
        if enabled:
            gc.enable()


def _check_text(text: str, filename: str) -> CheckResult:
    composer = _Composer(text)
    try:
        root = composer.get_single_node()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = err.problem or err.context or "invalid YAML"
        return CheckResult(None, (Diagnostic(filename, line, column, f"YAML syntax: {problem}"),))
    except yaml.YAMLError as err:
        return CheckResult(None, (Diagnostic(filename, 0, 0, f"YAML syntax: {err}"),))
    finally:
        composer.dispose()

    if root is None:
        return CheckResult(None, (Diagnostic(filename, 0, 0, "the file is empty"),))
    builder = _Builder()
    data = builder.build(root)
    locate = _Locator(root, filename)
    problems = [locate.node(node, message) for node, message in builder.problems]
    if not isinstance(data, dict):
        problems.append(locate.node(root, "the file must be a mapping with title, tracks, events"))
        return CheckResult(None, tuple(problems))

    timeline, positions, invalid = _validate(data)
    problems.extend(locate.error(error) for error in invalid)
    if timeline is not None:
        found = check_references(timeline)
        if not any(p.severity == "error" for p in found):
            # Time is only worth checking once every relation names a real event.
            found += check_lifecycle(timeline) + check_sequence(timeline)
        for found_problem in found:
            path = found_problem.path
            if path[:1] == ("events",) and isinstance(path[1], int):
                path = ("events", positions[path[1]], *path[2:])
            problems.append(locate.path(path, found_problem.message, found_problem.severity))
    problems.sort(key=lambda d: (d.line, d.column))
    has_errors = any(d.severity == "error" for d in problems)
    return CheckResult(None if has_errors or invalid else timeline, tuple(problems))


_EVENT = TypeAdapter(Event)


def _validate(data: dict[str, Any]) -> tuple[Timeline | None, list[int], list[ErrorDetails]]:
    """Validate the header and each event on its own, so one bad event hides no other problem.

    Returns the timeline of the header and the events that are valid (``None`` when the header
    is not), the file position of each of those events, and every validation error.
    """
    errors: list[ErrorDetails] = []
    raw_events = data.get("events", [])
    events: list[Event] = []
    positions: list[int] = []
    if isinstance(raw_events, list):
        header = {**data, "events": []}
        for index, raw in enumerate(raw_events):
            try:
                events.append(_EVENT.validate_python(raw))
                positions.append(index)
            except ValidationError as err:
                errors.extend(_prefixed(e, ("events", index)) for e in err.errors())
    else:
        header = data
    try:
        timeline = Timeline.model_validate(header)
    except ValidationError as err:
        return None, positions, errors + err.errors()
    return timeline.model_copy(update={"events": tuple(events)}), positions, errors


def _prefixed(error: ErrorDetails, prefix: tuple[str | int, ...]) -> ErrorDetails:
    return {**error, "loc": prefix + tuple(error["loc"])}


# Which model a mapping is, from the field names on the path to it (list indexes dropped).
_MODEL_AT: dict[tuple[str, ...], type[Any]] = {
    (): Timeline,
    ("events",): Event,
    ("sources",): Source,
    ("eras",): Era,
    ("events", "sources"): SourceRef,
    ("events", "relations"): Relation,
}


def read_text(path: str | Path) -> str:
    """Read a user's UTF-8 text file (a byte-order mark is dropped).

    Every command that reads a person's file goes through here, so that a missing file, a
    folder or a file in another encoding gets the same one clear line.

    Raises:
        TimelineFileError: with one Diagnostic saying why the file cannot be read.
    """
    name = str(path)
    line = column = 0
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        reason = "cannot read the file: it does not exist"
    except IsADirectoryError:
        reason = "cannot read the file: it is a directory"
    except PermissionError:
        reason = "cannot read the file: permission denied"
    except OSError as err:
        reason = f"cannot read the file: {err.strerror or err}"
    else:
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            line_start = raw.rfind(b"\n", 0, err.start) + 1
            line = raw.count(b"\n", 0, err.start) + 1
            column = len(raw[line_start : err.start].decode("utf-8", errors="replace")) + 1
            reason = (
                f"the file is not UTF-8 text (byte {raw[err.start]:#04x} at offset "
                f"{err.start}); save it as UTF-8"
            )
    raise TimelineFileError([Diagnostic(name, line, column, reason)])


class _Locator:
    """Turns a path into the file (``("events", 3, "date")``) into a located Diagnostic."""

    def __init__(self, root: yaml.Node, filename: str) -> None:
        self.root = root
        self.filename = filename

    def node(self, node: yaml.Node, message: str, severity: str = "error") -> Diagnostic:
        mark = node.start_mark
        return Diagnostic(self.filename, mark.line + 1, mark.column + 1, message, severity)  # type: ignore[arg-type]

    def path(self, path: Sequence[str | int], message: str, severity: str = "error") -> Diagnostic:
        return self.node(self._find(path, key=False), message, severity)

    def error(self, error: ErrorDetails) -> Diagnostic:
        loc = tuple(error["loc"])
        kind = error["type"]
        field = str(loc[-1]) if loc else ""
        names = tuple(str(part) for part in loc[:-1] if isinstance(part, str))
        if kind == "extra_forbidden":
            return self.node(self._find(loc, key=True), _unknown_field(field, names))
        if kind == "missing":
            return self.node(self._find(loc[:-1], key=False), f"missing required field {field!r}")
        return self.node(self._find(loc, key=False), _explain(error, field))

    def _find(self, path: Sequence[str | int], *, key: bool) -> yaml.Node:
        """The deepest node on ``path`` (its key node if ``key``), however far the path exists."""
        node = self.root
        for step in path:
            if isinstance(node, yaml.MappingNode):
                found = next(
                    ((k, v) for k, v in node.value if isinstance(step, str) and k.value == step),
                    None,
                )
                if found is None:
                    return node
                if key and step == path[-1]:
                    key_node: yaml.Node = found[0]
                    return key_node
                node = found[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                if step >= len(node.value):
                    return node
                node = node.value[step]
            else:
                return node
        return node


def _unknown_field(field: str, names: tuple[str, ...]) -> str:
    model = _MODEL_AT.get(names)
    allowed = sorted(model.model_fields) if model is not None else []
    hint = did_you_mean(field, allowed, otherwise=f" (allowed: {', '.join(allowed)})")
    return f"unknown field {field!r}{hint}"


def _explain(error: ErrorDetails, field: str) -> str:
    message = error["msg"].removeprefix("Value error, ")
    value = error.get("input")
    if error["type"] == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", ""))
        options = re.findall(r"'([^']*)'", expected)
        hint = did_you_mean(str(value), options)
        return f"{field}: {value!r} is not one of {', '.join(options)}{hint}"
    if error["type"] == "string_pattern_mismatch" and field == "id":
        return f"id: {value!r} must be a slug: lower-case letters and digits joined by - _ or ."
    if error["type"] == "string_pattern_mismatch" and field == "url":
        return f"url: {value!r} must be an http:// or https:// address"
    if error["type"] in {"string_type", "int_type", "float_type", "tuple_type", "list_type"}:
        return f"{field}: {message.lower()}, not {value!r}"
    return f"{field}: {message}" if field and not message.startswith(field) else message
