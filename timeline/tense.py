"""Read the tense cues around a mention: which way a bare month or weekday points.

This module owns the tense heuristic: the rule file's ``[cues]`` (future, past, neutral,
reporting and possessive) found in the mention's sentence, nearest first. It knows no words
itself (those are in the rule file) and resolves nothing (that is :mod:`timeline.normalise`).
"""

from __future__ import annotations

import re

from timeline.rules import RuleSet

#: A full stop after an initial or a title ("Daniel P. Davison", "Mr. Smith") ends no sentence.
_TITLES = ("[A-Z]", "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "St")
_NOT_AN_END = "".join(rf"(?<!\b{word})" for word in _TITLES)
#: Nor does the dot of "a.m." or "p.m." before the day it is on ("8 p.m. Saturday"): English
#: weekday names end in "day".
_CLOCK_BEFORE_DAY = r"(?!(?<=[ap]\.m\.)\s+[A-Z][a-z]+day\b)"
SENTENCE_END = re.compile(rf"{_NOT_AN_END}[.!?]{_CLOCK_BEFORE_DAY}\s+(?=[A-Z\"'])|\n\s*\n")


def sentence_start(text: str, position: int, reach: int) -> int | None:
    """Where the sentence holding ``position`` begins, if it begins at most ``reach``
    characters before it; ``None`` when no sentence end lies that close."""
    # One character past the position, so that a sentence end right before it sees the
    # capital it opens with.
    found = SENTENCE_END.finditer(text, max(0, position - reach), position + 1)
    ends = [end.end() for end in found if end.end() <= position]
    return ends[-1] if ends else None


def _window_start(text: str, position: int, reach: int) -> int:
    """Where the stretch before ``position`` to look for cues in starts: its sentence's start,
    at most ``reach`` back."""
    begins = sentence_start(text, position, reach)
    return max(0, position - reach) if begins is None else begins


def cue_before(cue: re.Pattern[str], text: str, position: int, reach: int) -> bool:
    """Whether ``cue`` occurs in the sentence before ``position``, at most ``reach`` back."""
    return cue.search(text, _window_start(text, position, reach), position) is not None


def future_governs(rules: RuleSet, text: str, position: int, reach: int) -> bool:
    """Whether the tense cue nearest before ``position``, in its sentence and at most ``reach``
    back, points ahead: "will stage it in June, its first since 1997" plans June, whatever the
    cues after it."""
    start = _window_start(text, position, reach)
    ahead = _last_end(rules.cues.future, text, start, position)
    back = _last_end(rules.cues.past, text, start, position)
    return ahead is not None and (back is None or back < ahead)


def _last_match(cue: re.Pattern[str], text: str, start: int, stop: int) -> re.Match[str] | None:
    """The last match of ``cue`` within ``text[start:stop]``, if any."""
    last = None
    for found in cue.finditer(text, start, stop):
        last = found
    return last


def _last_end(cue: re.Pattern[str], text: str, start: int, stop: int) -> int | None:
    """Where the last match of ``cue`` within ``text[start:stop]`` ends, if any."""
    last = _last_match(cue, text, start, stop)
    return None if last is None else last.end()


def sentence_stop(text: str, position: int, reach: int) -> int:
    """Where the sentence holding ``position`` ends, at most ``reach`` characters after it."""
    found = SENTENCE_END.search(text, position, position + reach)
    return found.start() if found is not None else min(len(text), position + reach)


#: How far either side of a mention to look for a cue, within its sentence.
_WINDOW = 90
#: How close before a possessive day set at an event ("in Sunday's final") the future verb
#: that puts it ahead must stand: "will face him in Sunday's final", but not "will ride in
#: today after protecting his lead in Saturday's time trial".
_STAGED_REACH = 60
#: A reporting verb this close to a mention dates the report: "said on", "said late on",
#: "said earlier" (nine characters) but not "said it would close".
_ADJACENT = 9


def tense_of(rules: RuleSet, text: str, start: int, end: int) -> int:
    """Return +1 if the sentence around the mention speaks of the future, -1 past, 0 neither.

    A neutral cue nearest the mention ("was scheduled for") also gives 0: a plan reported in
    the past may be for a date before or after the report. A reporting verb ("said") counts
    only right next to the mention ("said Friday": the day of the report) or when the
    sentence has no other cue; elsewhere it dates the report, not the event reported.
    A possessive right after the mention ("Friday's ruling") names a reported event: past;
    unless it is a plan's ("Friday's scheduled release"), or an event a future verb right
    before sets it at ("will face him in Sunday's final", "expect Wednesday's report").
    An intention in the past ("planned to") and a modal of possibility ("could") look forward
    only at what follows them.
    A prospect ("ahead of the summit in September") looks forward when no verb says otherwise.
    """
    if rules.cues.planned.match(text, end):
        return 1  # "Friday's scheduled release"
    if rules.cues.possessive.match(text, end):
        # "ahead of Wednesday's decision" is still to come, and so is "will face him in
        # Sunday's final"; other possessives were reported
        prospect = rules.cues.prospect.search(text, max(0, start - _ADJACENT - 16), start)
        if prospect is not None and start - prospect.end() <= _ADJACENT:
            return 1
        staged = rules.cues.staged.search(text, max(0, start - _ADJACENT), start)
        if staged is not None and future_governs(rules, text, start, _STAGED_REACH):
            return 1
        # "traders expect Wednesday's report to show": the verb before it looks ahead
        ahead = _last_end(rules.cues.future, text, max(0, start - _WINDOW), start)
        return 1 if ahead is not None and not text[ahead:start].strip() else -1
    # The left side runs on through the mention so that a cue may look ahead at it
    # ("meets Monday"); only cues that end before the mention count.
    begins = sentence_start(text, start, _WINDOW)
    left = text[max(0, start - _WINDOW) if begins is None else begins : end]
    length = end - start
    # A mention may end its sentence with its own full stop ("before 7:30 a.m. Researchers
    # ..."): then nothing after it is in its sentence.
    right = "" if end and SENTENCE_END.match(text, end - 1) else text[end : end + _WINDOW]
    # The sentence ends there, and so does a second clause with its own tense (the rule file's
    # [cues] clause).
    stops = [m.start() for m in (SENTENCE_END.search(right), rules.cues.clause.search(right)) if m]
    if stops:
        right = right[: min(stops)]
    left, right = _within_aside(rules, left, length, right)
    # "will resume Monday after failing to reach a verdict Friday afternoon": what the clause
    # of "after" and a participle tells came before, whatever the tense before it.
    anterior = _last_match(rules.cues.anterior, left, 0, len(left) - length)
    if anterior is not None:
        left = left[anterior.start() :]
    # What a report verb after the mention reports has its own tense: "On Sunday, officials
    # said they would ..." dates the saying.
    reported = rules.cues.report.search(right)
    if reported is not None:
        right = right[: reported.end()]
    # The cue nearest the mention decides: "said on Tuesday that it would ..." is past. On a
    # tie the cue before the mention wins ("arrested Friday will appear"), then the first
    # listed: a neutral "was scheduled" over its future "scheduled", a future "invited to" over
    # its past "-ed".
    found: list[tuple[int | None, int, int]] = []  # (distance, side, direction)
    cues = (
        (0, rules.cues.neutral),
        (1, rules.cues.future),
        (-1, rules.cues.past),
    )
    joint = rules.cues.joint
    distances = {
        direction: _cue_distances(cue, left, length, right, joint) for direction, cue in cues
    }
    for direction, sides in distances.items():
        found += [(distance, side, direction) for side, distance in enumerate(sides)]
    # An intention in the past looks ahead from where it stands: before the mention it points
    # at it; after the mention it is a past verb like any other.
    before, after = _cue_distances(rules.cues.intent, left, length, right)
    found += [(before, 0, 1), (after, 1, -1)]
    # A modal of possibility looks ahead only at what follows it.
    found.append((_cue_distances(rules.cues.modal, left, length, "")[0], 0, 1))
    # "until" looks ahead at what follows it, unless a past verb comes before it.
    limit = _cue_distances(rules.cues.limit, left, length, "")[0]
    past = distances[-1][0]
    if limit is not None and (past is None or past < limit):
        found.append((limit, 0, 1))
    # "It could take a week, lawyers told the judge at a hearing Tuesday": what a report verb
    # between them says dates the report, not what the cue before it looks ahead at.
    said = _cue_distances(rules.cues.report, left, length, right, joint)
    reported_at = said[0]
    if reported_at is not None:
        found = [
            (distance, side, direction)
            for distance, side, direction in found
            if not (side == 0 and direction > 0 and distance is not None and distance > reported_at)
        ]
    best: tuple[int, int, int] | None = None
    for distance, side, direction in found:
        if distance is not None and (best is None or (distance, side) < best[:2]):
            best = (distance, side, direction)
    # "said Friday" and "on Friday said" date the report; "on Friday, it said" reports it.
    attributes = said[1] is not None and "," in right[: said[1]]
    adjacent = [d for d in (said[0], None if attributes else said[1]) if d is not None]
    if adjacent and min(adjacent) <= _ADJACENT and (best is None or min(adjacent) <= best[0]):
        # "said Monday would be its busiest day ever": the day is what the future is told of
        # ("reported on Friday would push rates up" is not)
        future_after = distances[1][1]
        bare = _cue_distances(rules.cues.report, left, length, right)[0]
        return 1 if bare == 1 and future_after is not None and future_after <= 1 else -1
    if best is not None:
        return best[2]
    if _cue_distance(rules.cues.prospect, left, length, right) is not None:
        return 1
    return 0 if said == (None, None) else -1


def in_aside(rules: RuleSet, text: str, start: int) -> bool:
    """Whether the mention stands in a relative clause set off by a comma ("the satellite,
    which was launched on March 11, failed"): no comma after the clause opens, before it."""
    opening = _last_match(rules.cues.aside, text, max(0, start - _WINDOW), start)
    if opening is None or "," in text[opening.end() : start]:
        return False
    return opening.start() >= _window_start(text, start, _WINDOW)


def _within_aside(rules: RuleSet, left: str, length: int, right: str) -> tuple[str, str]:
    """Narrow the window to a relative clause set off by commas that holds the mention: the
    clause has its own tense ("The minister, who arrives on Friday, said ...")."""
    opening = _last_match(rules.cues.aside, left, 0, len(left) - length)
    closing = right.find(",")
    if opening is None or closing < 0 or "," in left[opening.end() : len(left) - length]:
        return left, right
    return left[opening.start() :], right[:closing]


def _cue_distance(cue: re.Pattern[str], left: str, length: int, right: str) -> int | None:
    """Return how many characters separate the cue nearest the mention from it, if any."""
    before, after = _cue_distances(cue, left, length, right)
    if before is None or (after is not None and after < before):
        return after
    return before


def _cue_distances(
    cue: re.Pattern[str], left: str, length: int, right: str, joint: re.Pattern[str] | None = None
) -> tuple[int | None, int | None]:
    """Return the distance to the nearest cue before the mention and to the nearest after it.

    ``left`` ends with the mention itself (``length`` characters), which no cue may overlap.
    """
    edge = len(left) - length
    before = [found for found in cue.finditer(left) if found.end() <= edge]
    after = cue.search(right)
    distance = None
    if before:
        distance = edge - before[-1].end()
        if joint is not None and joint.fullmatch(left, before[-1].end(), edge):
            distance = 1  # "arrested on Sunday" is as close as "arrested Sunday"
    return (
        distance,
        after.start() if after is not None else None,
    )
