"""Write a Timeline as events-file text: YAML for people and for ``timeline validate``, or JSON.

Fields left at their defaults are omitted, so the text reads like a hand-kept ``events.yaml``.
Dates are quoted strings (``'2023-06-19'``) so that no YAML reader turns them into timestamps.
Keeping a person's comments when changing their file is :mod:`timeline.store`'s job, not this.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from timeline.models import Timeline

_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def timeline_data(timeline: Timeline) -> dict[str, Any]:
    """The timeline as plain data, without fields left at their defaults."""
    data: dict[str, Any] = timeline.model_dump(mode="json", exclude_defaults=True)
    return data


def to_yaml(timeline: Timeline) -> str:
    """Return the timeline as YAML in the events-file schema (key order as in the models)."""
    text: str = yaml.dump(
        timeline_data(timeline),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=None,
        width=100,
    )
    return text


def to_json(timeline: Timeline) -> str:
    """Return the timeline as indented JSON in the events-file schema."""
    return json.dumps(timeline_data(timeline), indent=2, ensure_ascii=False) + "\n"
