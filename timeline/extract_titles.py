"""Build the short title of an event candidate from the roles of its clause.

A verb trigger gives "Subject verb object" with the verb in its headline form ("Ann Lee meets
Bo Chan"); a noun trigger gives "Subject: qualified noun" ("Ann Lee: visit"); the place and a
status that did not hold ("(postponed)") follow. Finding the roles is
:mod:`timeline.extract_roles`; this module only writes them.
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline.extract_document import Found
from timeline.extract_roles import Parts
from timeline.models import Status


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def title(found: Found, parts: Parts, status: Status) -> str:
    """Return the title of the event of ``found`` with these roles and status."""
    who = _join(parts.subject) if parts.subject else ""
    whom = _join(parts.objects) if parts.objects else ""
    trigger = found.trigger
    if trigger.noun:
        what = " ".join([*parts.modifiers, found.word])
        text = f"{who}: {what}" if who else what[:1].upper() + what[1:]
        if whom:
            text += f" with {whom}"
    elif who and (whom or parts.object_words):
        text = f"{who} {trigger.headline} {whom or ' '.join(parts.object_words)}"
    elif who:
        text = f"{who}: {trigger.kind}"
    else:
        text = f"{trigger.kind.capitalize()} with {whom}" if whom else trigger.kind.capitalize()
    if parts.place and parts.place[1] not in text:
        text += f" {parts.place[0]} {parts.place[1]}"
    if status in ("postponed", "cancelled"):
        text += f" ({status})"
    return text
