"""The document creation date that ``extract`` and ``timex`` take: YYYY-MM-DD, read strictly."""

from __future__ import annotations

from datetime import date

import typer


def unreadable_date(value: object) -> str:
    """The message for a creation date that is not YYYY-MM-DD."""
    return f"cannot read date {value!r}; write it as YYYY-MM-DD, such as '2023-06-20'"


def read_dct_option(value: str) -> date:
    """Read the ``--dct`` option; a bad date is a usage error (exit 2) that names the option."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(unreadable_date(value), param_hint="'--dct'") from None
