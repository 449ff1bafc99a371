"""Every exception the timeline library raises on purpose.

The tree::

    TimelineError                      base of everything below; catch this in callers
    ├── DateSyntaxError (ValueError)   text that is not a date we can read (EDTF subset)
    ├── RuleDataError                  a tagger rule file that breaks the rule-file contract
    ├── TimelineFileError              an events file that cannot be read or is invalid;
    │                                  carries every Diagnostic found, each with file:line:column
    └── RenderError                    a chart or export that cannot be produced

Messages quote the bad value with ``!r``, say where it was and, when there is one, what to try.
Anything else that escapes the library is a bug, except ``TypeError`` for API misuse.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


def did_you_mean(value: str, known: Iterable[str], *, otherwise: str = "") -> str:
    """The hint that ends a message about an unknown name: " (did you mean 'x'?)".

    ``otherwise`` is returned when nothing is close enough.
    """
    match = difflib.get_close_matches(value, list(known), n=1)
    return f" (did you mean {match[0]!r}?)" if match else otherwise


class TimelineError(Exception):
    """Base class of every error the library raises on purpose."""


class DateSyntaxError(TimelineError, ValueError):
    """A date string that is not in the EDTF subset we read."""


class RuleDataError(TimelineError):
    """A tagger rule file that is malformed; the message names the rule id."""


class RenderError(TimelineError):
    """A chart or export that cannot be produced (no browser, unwritable path, ...)."""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in a user's file, with where it is.

    ``line`` and ``column`` are 1-based; both are 0 when the problem concerns the file as a
    whole (it cannot be read, it is empty).
    """

    file: str
    line: int
    column: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        if self.line == 0:
            return f"{self.file}: {prefix}{self.message}"
        return f"{self.file}:{self.line}:{self.column}: {prefix}{self.message}"


class TimelineFileError(TimelineError):
    """An events file that cannot be read or does not validate.

    ``diagnostics`` holds every problem found in one pass, in file order.
    """

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))
