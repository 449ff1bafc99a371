"""The cue words of a rule file's ``[cues]`` table, compiled once: what tells a mention's tense.

Each cue is a regex the rule file writes (``rules/en.toml``); this module only names and
compiles them. What a cue found near a mention means is :mod:`timeline.tense`'s job, and the
normaliser reads the few that decide more than tense (``record``, ``game``, ``past``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields

from timeline.errors import RuleDataError


@dataclass(frozen=True, slots=True)
class Cues:
    """A language's cue regexes, one per kind of cue."""

    #: A verb or word that points ahead ("will", "next", "the panel meets Monday").
    future: re.Pattern[str]
    #: A verb in the past, or a word that points back ("was", "ago", "-ed").
    past: re.Pattern[str]
    #: A past report of a plan, which points neither way ("was scheduled for").
    neutral: re.Pattern[str]
    #: What may stand between a plan reported in the past and its date ("planned for ",
    #: "scheduled to announce its decision on "): matched whole between the two.
    plan_gap: re.Pattern[str]
    #: Matched right after a month or a day written without a year, the year of the event it
    #: names, in group ``year`` ("the Sept. 11 attacks in 2001").
    year_after: re.Pattern[str]
    #: A past reporting verb ("said"): it dates the report rather than what it reports.
    report: re.Pattern[str]
    #: Matched right after a mention: "Friday's ruling" names an event already reported.
    possessive: re.Pattern[str]
    #: Matched right after a mention, a possessive of a plan: "Friday's scheduled release" is
    #: still to come.
    planned: re.Pattern[str]
    #: Searched right before a possessive day, a preposition that sets an event at it ("in
    #: Sunday's final"): the event is ahead when a future verb governs the sentence.
    staged: re.Pattern[str]
    #: A prospect ("ahead of the summit"): forward when no verb says otherwise.
    prospect: re.Pattern[str]
    #: An intention in the past ("agreed to"): it looks ahead at what follows it.
    intent: re.Pattern[str]
    #: A second clause with its own tense: the window after a mention ends there.
    clause: re.Pattern[str]
    #: The opening of a relative clause set off by commas (", who"): a mention inside one
    #: takes its tense from the clause ("Celtic, who host Rangers on Sunday, were held").
    aside: re.Pattern[str]
    #: "after" and a participle ("will miss six weeks after undergoing surgery Friday"): the
    #: clause it opens tells an earlier event, which the tense before it does not reach.
    anterior: re.Pattern[str]
    #: What joins a verb to the mention and counts as no distance ("arrested on Sunday will
    #: appear": the verb before is as near as the one after).
    joint: re.Pattern[str]
    #: An adverb of habit ("usually", "typically"): a month or a day of the year named in its
    #: sentence without a year is any year's ("Crossings usually peak in July": XXXX-07).
    usually: re.Pattern[str]
    #: Matched right after a clock time: it is said of every day ("from noon to 7 p.m. daily").
    habit: re.Pattern[str]
    #: A future seen from the past ("would", "was going to"): it looks ahead from the day the
    #: story is at, not from the report ("By Sunday, schools said they would stay shut on
    #: Monday").
    reported_future: re.Pattern[str]
    #: Matched where a sentence begins, a determiner of a subject that retells an event a
    #: possessive day named ("Saturday's earthquake ... The quake struck at 5:54 a.m.").
    definite: re.Pattern[str]
    #: A modal of possibility ("could"): it looks ahead at what follows it.
    modal: re.Pattern[str]
    #: A record measured up to now ("the highest level in five years").
    record: re.Pattern[str]
    #: A limit ("until"): ahead, unless a past verb comes before it.
    limit: re.Pattern[str]
    #: Right before a date, the start of a stretch that runs to the report ("since 2018"): a
    #: year so named is a comparison ("its highest since 2008"), not the year the story is in.
    since: re.Pattern[str]
    #: Right before a day or a month, "since the" that makes it name an event ("since the Sept.
    #: 11 attacks"): the stretch is measured from it, and the story stays where it was. A bare
    #: "since Friday" ("missing since Friday") may be the story's own day.
    since_event: re.Pattern[str]
    #: Right before a date, the report's present opening a range it closes ("between now and
    #: Nov. 30"): the date follows the report.
    from_now: re.Pattern[str]
    #: Matched right after the "before" or "after" of "the day before": what follows shows
    #: the word stands alone ("the day before.", "the day before to decorate"), with no event
    #: after it to count from ("the day before the vote").
    alone: re.Pattern[str]
    #: Words of a match: its "first half" and "fourth quarter" are periods of play.
    game: re.Pattern[str]
    #: Words of business ("revenue", "shares", "%"): a sentence with them tells of periods of
    #: a year, whatever game words it has ("boots worn by the league's top striker").
    business: re.Pattern[str]


def parse_cues(
    table: Mapping[str, object], source: str, compile_cue: Callable[[str, str], re.Pattern[str]]
) -> Cues:
    """Compile each cue of ``table`` with ``compile_cue(pattern, where)``; one left out of the
    table never matches, and one the table names that no code reads is an error."""
    known = {cue.name for cue in fields(Cues)}
    unknown = sorted(set(table) - known)
    if unknown:
        raise RuleDataError(
            f"{source}: [cues] {unknown[0]!r} is no cue; the cues are {sorted(known)}"
        )
    return Cues(
        **{
            cue.name: compile_cue(str(table.get(cue.name, "(?!)")), f"{source}: [cues] {cue.name}")
            for cue in fields(Cues)
        }
    )
