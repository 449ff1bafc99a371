"""What a resolver sees (``Context``) and what it returns (``Resolution``).

Also the look-ups resolvers share: a captured word's number in the rule file's lexicon, the
day a word such as "yesterday" names, and the TimeML mod of a match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from timeline.mentions import TimexType
from timeline.normalise.points import DAY, Point
from timeline.normalise.retold import NamedEvent, retold_day
from timeline.rules import CompiledRule, RuleSet
from timeline.tense import cue_before, tense_of

#: How far before the date the reported plan may stand.
_PLAN_REACH = 50
#: How far back in its sentence a word that sets the scene may stand before the date: a
#: "would" it looks ahead from, a "usually" that makes it recur.
_STORY_REACH = 80
#: How far before the mention "since" may stand.
_SINCE_REACH = 12


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a match means: its value and mod, and the point it names (the next anchor).

    An anchored duration ("three days later") is a DURATION whose span stops before its
    signal word: ``type`` and ``end`` then override the rule's type and the match's end, and
    ``reaches`` is the point the duration leads to from the date in focus.
    """

    value: str
    mod: str | None = None
    point: Point | None = None
    type: TimexType | None = None
    end: int | None = None
    reaches: Point | None = None


@dataclass(frozen=True)
class Context:
    """Everything a resolver may look at besides the captured groups."""

    rules: RuleSet
    reference: date
    anchor: Point | None
    text: str
    start: int
    end: int
    #: The first closed quarter or half the text named: the period a financial report is about.
    reported: Point | None = None
    #: The first recent month the text named: the month a monthly figure is about ("prices
    #: were unchanged in April after rising in March ... from a year earlier" speaks of April).
    reported_month: Point | None = None
    #: The last day the text named, though coarser dates came after it ("died on Tuesday. He
    #: had ruled since 1999. The death was announced at 4:25 p.m.").
    last_day: Point | None = None
    #: Where the mention that named the anchor ends: a date set right beside it restates it
    #: ("the Lunar New Year on Saturday").
    anchor_end: int = -1
    #: The events possessive days named so far ("Saturday's earthquake"), in order.
    events: Sequence[NamedEvent] = ()

    @cached_property
    def tense(self) -> int:
        """+1 if the sentence around the mention speaks of the future, -1 past, 0 neither.

        Read once per mention, and only by resolvers that need it: see
        :func:`timeline.tense.tense_of`.
        """
        return tense_of(self.rules, self.text, self.start, self.end)

    @cached_property
    def reported_plan(self) -> bool:
        """Whether a plan reported in the past names the mention ("had been planned for
        Wednesday", "was scheduled for Feb. 10"): the rule file's [cues] neutral right before
        it. Such a date may lie either side of the report."""
        window = max(0, self.start - _PLAN_REACH)
        return any(
            self.rules.cues.plan_gap.fullmatch(self.text, found.end(), self.start)
            for found in self.rules.cues.neutral.finditer(self.text, window, self.start)
        )

    @cached_property
    def seen_from_the_story(self) -> bool:
        """Whether a future seen from a day of the story ("would", "was going to": the rule
        file's [cues] reported_future) stands before the mention in its sentence: "By Sunday,
        schools said they would stay shut on Monday" looks ahead from that day."""
        return cue_before(self.rules.cues.reported_future, self.text, self.start, _STORY_REACH)

    @cached_property
    def habitual(self) -> bool:
        """Whether an adverb of habit (the rule file's [cues] usually) stands before the
        mention in its sentence: "the harvest usually begins in late September"."""
        return cue_before(self.rules.cues.usually, self.text, self.start, _STORY_REACH)

    @cached_property
    def counted_from(self) -> bool:
        """Whether a stretch up to the report runs from the mention: "since" (the rule file's
        [cues] since) right before it ("since 2018", "its highest since 2008")."""
        return self._right_before(self.rules.cues.since)

    @cached_property
    def counted_from_event(self) -> bool:
        """Whether the mention names an event a stretch up to the report runs from: "since
        the" (the rule file's [cues] since_event) right before it ("the first time since the
        Sept. 11 attacks")."""
        return self._right_before(self.rules.cues.since_event)

    def _right_before(self, cue: re.Pattern[str]) -> bool:
        """Whether ``cue`` matches within the few characters before the mention."""
        window = max(0, self.start - _SINCE_REACH)
        return cue.search(self.text, window, self.start) is not None

    def points_away_from(self, day: date) -> bool:
        """Whether the tense points from the report away from ``day``: ahead of a day gone by,
        or back from a day still to come ("could take until the weekend" after a day gone by;
        "police reported 14 arrests by 6pm" after a day ahead)."""
        if self.tense > 0:
            return day < self.reference
        return self.tense < 0 and day > self.reference

    @cached_property
    def retold_day(self) -> date | None:
        """The day of an event a possessive day named that the mention's sentence retells
        ("Saturday's earthquake ... The quake struck at 5:54 a.m."): see
        :func:`timeline.normalise.retold.retold_day`."""
        return retold_day(self.rules, self.text, self.start, self.events)

    @property
    def day_in_focus(self) -> date:
        """The last day the text named, else the reference ("that morning", "at noon")."""
        anchor = self.anchor
        if anchor is not None and anchor.granularity == DAY:
            return anchor.start
        return self.reference if self.last_day is None else self.last_day.start


def lookup_int(rules: RuleSet, group: str, text: str) -> int | None:
    """The number a captured word stands for: its digits, else its entry in the group's lexicon."""
    if text.isdigit():
        return int(text)
    meaning = rules.lookup(group, text)
    return meaning if isinstance(meaning, int) else None


def day_from_reference(rules: RuleSet, word: str, reference: date) -> date | None:
    """The day a word of ``[lexicon.ref]`` names counted from ``reference`` ("yesterday" is
    ``D-1``), if it names a day at all ("now" does not)."""
    meaning = str(rules.lookup("ref", word) or "")
    if not meaning.startswith("D"):
        return None
    return reference + timedelta(days=int(meaning[1:]))


def mod_of(groups: dict[str, str], rule: CompiledRule, rules: RuleSet) -> str | None:
    """The TimeML mod of a match: its captured modifier's, else the rule's own."""
    if "mod" in groups:
        mod = rules.lookup("mod", groups["mod"])
        return str(mod) if mod else None
    return rule.rule.mod
