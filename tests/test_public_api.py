"""The public API is exactly ``timeline.__all__``, sorted."""

from __future__ import annotations

import timeline


def test_all_is_sorted_and_complete() -> None:
    public = {name for name in vars(timeline) if not name.startswith("_")} - {
        "mentions",
        "tagger",
        "rules",
        "normalise",
        "errors",
        "cli",
    }
    assert sorted(timeline.__all__) == timeline.__all__
    assert set(timeline.__all__) - {"__version__"} == public
