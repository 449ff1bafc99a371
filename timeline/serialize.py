"""Write a Timeline as events-file text that ``timeline.io`` reads back to the same Timeline.

YAML for people (new files from ``timeline extract`` and ``timeline import``) and JSON for
machines. Defaults are left out (``status: happened``, empty lists), a citation without a span
is just the source id, and any string a YAML 1.2 core-schema reader would take for a number,
boolean or null (``2018``, ``0o17``, ``null``, ``true``) is quoted. PyYAML's own emitter already
quotes what YAML 1.1 would misread (``2023-06-18``, ``no``), so both kinds of reader agree.
Comments are not kept: this writes new files; editing a person's file is ``timeline.store``'s job.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from timeline.models import Timeline

# What a YAML 1.2 core-schema reader resolves to null, bool, int or float
# (https://yaml.org/spec/1.2.2/#1032-tag-resolution); such strings must be quoted.
_CORE_NON_STRING = re.compile(
    r"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent lists under their key, as people write them (and as events.yaml does).
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style: str | None = None
    if value == "" or _CORE_NON_STRING.match(value):
        style = '"'
    elif "\n" in value:
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    # Short lists of scalars (actors, tags, spans) stay on one line: [a, b].
    flow = all(isinstance(v, str | int) and "\n" not in str(v) for v in value) and (
        sum(len(str(v)) + 2 for v in value) <= 60
    )
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(list, _represent_list)


def timeline_data(timeline: Timeline) -> dict[str, Any]:
    """The timeline as plain data, without fields left at their defaults."""
    data: dict[str, Any] = timeline.model_dump(mode="json", exclude_defaults=True)
    for event in data.get("events", []):
        if "sources" in event:
            event["sources"] = [_citation(ref) for ref in event["sources"]]
    return data


def to_json(timeline: Timeline) -> str:
    """Return the timeline as indented JSON in the events-file schema."""
    return json.dumps(timeline_data(timeline), indent=2, ensure_ascii=False) + "\n"


def to_yaml(timeline: Timeline, *, comment: str = "") -> str:
    """Return ``timeline`` as events-file YAML, optionally under a ``#`` comment block.

    >>> from timeline.io import loads
    >>> tl = loads("title: t\\ntracks: [a]\\nevents:\\n- {id: e, title: '2018', track: a}\\n")
    >>> loads(to_yaml(tl)) == tl
    True
    """
    data = timeline_data(timeline)
    header = "".join(f"# {line}\n".replace("# \n", "#\n") for line in comment.splitlines())
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return header + body


def _citation(ref: dict[str, Any]) -> Any:
    return ref["source"] if set(ref) == {"source"} else ref
