"""Read a corpus manifest: which article is which, and when each was published.

The format (YAML)::

    documents:
      - file: 000_article.txt          # relative to the manifest's folder
        title: The headline
        published: 2023-06-20          # the document creation time (YYYY-MM-DD)
        url: https://example.org/a     # optional
        publisher: Example News        # optional

Every problem is reported with the manifest's name, line and column, all in one pass. This
module reads the manifest only; reading the articles and extracting is :mod:`timeline.corpus`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from timeline.errors import Diagnostic, TimelineFileError
from timeline.io import read_text

_FIELDS = frozenset({"file", "title", "published", "url", "publisher"})
_URL = re.compile(r"^https?://\S+$")


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """One article of a manifest."""

    file: str
    title: str
    published: date
    url: str | None = None
    publisher: str | None = None


def read_manifest(path: str | Path) -> dict[str, ManifestEntry]:
    """Read a manifest; return its entries by file name (the name without folders).

    Raises:
        TimelineFileError: the file cannot be read or is not a valid manifest; it carries
            every problem, each as ``FILE:LINE:COLUMN: message``.
    """
    name = str(path)
    text = read_text(path)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise TimelineFileError(
            [Diagnostic(name, line, column, f"YAML syntax: {err.problem or 'invalid YAML'}")]
        ) from None
    problems: list[Diagnostic] = []
    entries: dict[str, ManifestEntry] = {}

    def problem(node: yaml.Node, message: str) -> None:
        mark = node.start_mark
        problems.append(Diagnostic(name, mark.line + 1, mark.column + 1, message))

    if root is None:
        raise TimelineFileError([Diagnostic(name, 0, 0, "the manifest is empty")])
    documents = _value(root, "documents") if isinstance(root, yaml.MappingNode) else None
    if not isinstance(documents, yaml.SequenceNode):
        problem(root, "the manifest needs a 'documents' list of {file, title, published}")
        raise TimelineFileError(problems)
    for item in documents.value:
        entry = _entry(item, problem)
        if entry is None:
            continue
        key = Path(entry.file).name
        if key in entries:
            problem(item, f"file {entry.file!r} is listed twice")
        entries[key] = entry
    if problems:
        raise TimelineFileError(problems)
    return entries


def _value(mapping: yaml.MappingNode, key: str) -> yaml.Node | None:
    for key_node, value in mapping.value:
        if key_node.value == key:
            node: yaml.Node = value
            return node
    return None


def _entry(item: yaml.Node, problem: Any) -> ManifestEntry | None:
    if not isinstance(item, yaml.MappingNode):
        problem(item, "each document must be a mapping with file, title and published")
        return None
    fields: dict[str, str] = {}
    for key_node, value in item.value:
        key = key_node.value
        if key not in _FIELDS:
            problem(key_node, f"unknown field {key!r} (allowed: {', '.join(sorted(_FIELDS))})")
        elif not isinstance(value, yaml.ScalarNode) or not str(value.value).strip():
            problem(value, f"{key}: expected text, not {value.value!r}")
        else:
            fields[key] = str(value.value).strip()
    missing = [f for f in ("file", "title", "published") if f not in fields]
    if missing:
        problem(item, f"missing required field {missing[0]!r}")
        return None
    try:
        published = date.fromisoformat(fields["published"])
    except ValueError:
        problem(
            _value(item, "published") or item,
            f"published: cannot read date {fields['published']!r}; write it as YYYY-MM-DD, "
            "such as '2023-06-20'",
        )
        return None
    url = fields.get("url")
    if url is not None and not _URL.match(url):
        problem(_value(item, "url") or item, f"url: {url!r} must be an http:// or https:// address")
        return None
    return ManifestEntry(fields["file"], fields["title"], published, url, fields.get("publisher"))
