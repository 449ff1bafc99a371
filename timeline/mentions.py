"""The ``Mention`` model: one time expression found in a text, normalised the TimeML way.

This module owns the shape of a tagger result and its invariants; finding mentions is
:mod:`timeline.tagger`'s job and computing their values is :mod:`timeline.normalise`'s.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


class Mention(BaseModel):
    """A time expression at ``[start, end)`` of a text with its TIMEX3 type, value and mod.

    ``text`` is exactly ``source[start:end]``. ``value`` follows TimeML TIMEX3 (``2023-06-19``,
    ``2023-W25``, ``P2D``, ``PRESENT_REF``, ...); ``mod`` is a TIMEX3 mod such as ``START`` or
    ``MORE_THAN`` when the expression carries one; ``rule_id`` names the rule that found it.
    ``point`` is set on an anchored duration only ("three days later": ``P3D``): the date it
    reaches from the date in focus, in the same TIMEX3 form as a DATE's value.

    Example:
        >>> m = Mention(start=3, end=9, text="Monday", type="DATE", value="2023-06-19", rule_id="x")
        >>> (m.text, m.value, m.mod)
        ('Monday', '2023-06-19', None)
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    point: str | None = None
    rule_id: str

    @model_validator(mode="after")
    def _span_fits_text(self) -> Mention:
        if not 0 <= self.start < self.end or self.end - self.start != len(self.text):
            raise ValueError(f"span [{self.start}, {self.end}) does not fit text {self.text!r}")
        if self.point is not None and self.type != "DURATION":
            raise ValueError(f"only an anchored DURATION reaches a point, not a {self.type}")
        return self
