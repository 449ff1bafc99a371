"""Build the headline of an event candidate from the roles of its clause.

A title reads like a news headline: subject, verb in the present tense, object or place
("Blinken meets Qin Gang in Beijing", "Pompeo visits China", "Biden says relations are on the
right path"). The subject is a person's short name (:func:`timeline.extract_document.short_names`),
objects keep their full names. A verb trigger gives its headline form (with a statement's "that"
clause as its object when it has one); a noun trigger gives the verb phrase the lexicon lists
for it ("trip" → "visits {place}", "summit" → "attends the {noun}"), or "Subject's noun" when
it has none or lacks its place. Two subjects make the verb plural ("Biden and Xi attend").
A clause with no subject keeps a noun phrase ("G20 summit in New Delhi"). A status that did not
hold follows in brackets, after "Subject's visit" when the verb names nothing else (a plan
that fell through is no action in the present tense). Finding the roles is
:mod:`timeline.extract_roles`; this module only writes them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from timeline.extract_document import Found
from timeline.extract_roles import Parts
from timeline.models import Status

# Verb endings whose plural drops "es" rather than "s" (English spelling rules).
_ES_PLURAL = ("sses", "shes", "ches", "xes", "zes", "oes")
_IRREGULAR_PLURAL = {"has": "have", "is": "are", "does": "do", "says": "say"}
_ARTICLE = re.compile(r"\b(?P<article>an?) (?P<next>\w)")
_DANGLING = (" with", " to", " in", " on")


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def plural(phrase: str) -> str:
    """The verb phrase for several subjects: its first word without the third-person "s".

    Example:
        >>> [plural(p) for p in ("meets", "holds talks with", "clashes with", "says", "flies")]
        ['meet', 'hold talks with', 'clash with', 'say', 'fly']
    """
    verb, _, rest = phrase.partition(" ")
    if verb in _IRREGULAR_PLURAL:
        verb = _IRREGULAR_PLURAL[verb]
    elif verb.endswith("ies") and len(verb) > 4:
        verb = verb[:-3] + "y"
    elif verb.endswith(_ES_PLURAL):
        verb = verb[:-2]
    elif verb.endswith("s") and not verb.endswith("ss"):
        verb = verb[:-1]
    return f"{verb} {rest}" if rest else verb


def _articles(text: str) -> str:
    """Make "a"/"an" agree with the word after it ("an Asia-Pacific", "a sit-down")."""

    def agree(match: re.Match[str]) -> str:
        vowel = match["next"].lower() in "aeiou"
        return f"{'an' if vowel else 'a'} {match['next']}"

    return _ARTICLE.sub(agree, text)


def title(found: Found, parts: Parts, status: Status, short_names: Mapping[str, str]) -> str:
    """Return the headline of the event of ``found`` with these roles and status.

    Example:
        >>> from timeline.extract_document import Found
        >>> from timeline.extract_roles import Parts
        >>> from timeline.lexicon import load_lexicon
        >>> trip = Found(0, 4, "trip", load_lexicon().triggers["trip"])
        >>> roles = Parts(["Mike Pompeo"], [], ("to", "China"), [], [], False, [])
        >>> title(trip, roles, "happened", {"Mike Pompeo": "Pompeo"})
        'Pompeo visits China'
    """
    subject = list(parts.subject)
    objects = list(parts.objects)
    trigger = found.trigger
    if not subject and trigger.kind == "meeting" and len(objects) >= 2:
        subject, objects = objects[:1], objects[1:]  # "the meeting between A and B"
    who = _join([short_names.get(s, s) for s in subject]) if subject else ""
    whom = _join(objects) if objects else ""
    place = parts.place
    text = ""
    if who and trigger.noun:
        text = _noun_headline(found, parts, who, whom, len(subject) > 1)
        if "{place}" in trigger.headline:
            place = None  # the headline has it
    elif who:
        verb = plural(trigger.headline) if len(subject) > 1 else trigger.headline
        if trigger.kind == "statement" and parts.content:
            says = "say" if len(subject) > 1 else "says"
            text = f"{who} {says} {' '.join(parts.content)}"
        elif whom or parts.object_words:
            text = f"{who} {verb} {whom or ' '.join(parts.object_words)}"
        elif status in ("postponed", "cancelled") and not place:
            text = _possessive(who, trigger.kind_noun)  # a plan that did not hold
        else:
            text = f"{who} {_without_dangling(verb)}"
    elif trigger.noun:
        what = " ".join([*parts.modifiers, found.word])
        text = what[:1].upper() + what[1:]
        if whom:
            text += f" with {whom}"
    else:
        text = f"{trigger.kind.capitalize()} with {whom}" if whom else trigger.kind.capitalize()
    if place and place[1] not in text:
        text += f" {place[0]} {place[1]}"
    if status in ("postponed", "cancelled"):
        text += f" ({status})"
    return text


def _noun_headline(found: Found, parts: Parts, who: str, whom: str, several: bool) -> str:
    """ "Pompeo visits China", "Xi attends the APEC summit", or "Blinken's visit"."""
    headline = found.trigger.headline
    what = " ".join([*parts.modifiers, found.word])
    takes_object = "{" not in headline  # "meets", "holds talks with": someone
    if not headline or (takes_object and not whom) or ("{place}" in headline and not parts.place):
        return _possessive(who, what) + (f" with {whom}" if whom else "")
    verb = plural(headline) if several else headline
    phrase = verb.replace("{noun}", what).replace("{place}", parts.place[1] if parts.place else "")
    phrase = _articles(phrase)
    return f"{who} {phrase} {whom}" if whom else f"{who} {_without_dangling(phrase)}"


def _possessive(who: str, what: str) -> str:
    """ "Blinken's visit", "Jones' visit"."""
    mark = "'" if who.endswith("s") else "'s"
    return f"{who}{mark} {what}"


def _without_dangling(phrase: str) -> str:
    """Drop a preposition left without its object ("holds talks with" → "holds talks")."""
    for ending in _DANGLING:
        if phrase.endswith(ending):
            return phrase[: -len(ending)]
    return phrase
