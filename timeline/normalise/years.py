"""Which year a month or day written without one falls in, and two-digit years.

News names dates near the report without a year whatever the tense; further away, cue words
and tense decide; a text telling of plans keeps to the dates it has named.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date

from timeline.normalise.context import Context
from timeline.normalise.points import DAY, MONTH, WEEK, YEAR, Point
from timeline.tense import future_governs, sentence_start

#: A date without a year this close to the reference (in days) is taken nearest to it.
_NEAR_DAYS = 62
#: A date a plan reported in the past names is taken nearest to the reference this close (in
#: days); further away, as one with no cue.
_PLAN_DAYS = 120


#: A month named with no year and no tense cue right after a future date is taken near that
#: date when one such month lies within this many days of it.
_ANCHOR_DAYS = 200
#: A story told in an earlier year goes on for about this many days after the date it names.
_STORY_DAYS = 92
#: ... and looks back this many days before it ("It had begun on Oct. 16").
_STORY_DAYS_BACK = 31


def nearest(candidates: list[date], reference: date, ctx: Context) -> date:
    """Pick the closest candidate if it is near, else the one the tense points to.

    News names dates within a couple of months without a year whatever the tense ("payable
    Dec. 7" in late October); further away, the tense decides ("in September", said in June).
    A verb in the past right before the mention rules out a date ahead ("he died on May 3").
    A future tense does not move a near date a year on: news style writes the year of a date
    outside the current one ("will visit on Jan. 20, 2024"), and cues such as "coming" also
    occur in past tellings ("the last loss coming on Feb. 1"). A plan reported in the past ("was
    scheduled for Feb. 10") may lie either side: the closest date, within some months.
    """
    closest = min(candidates, key=lambda c: abs((c - reference).days))
    apart = abs((closest - reference).days)
    if apart <= _PLAN_DAYS and ctx.reported_plan and ctx.tense == 0:
        return closest  # "was scheduled for Feb. 10": either side of the report
    if apart <= _NEAR_DAYS and not (
        closest > reference and (told_as_past(ctx) or ctx.counted_from)
    ):
        return closest
    if ctx.tense > 0:
        later = [c for c in candidates if c >= reference]
        return min(later) if later else max(candidates)
    # Without a cue, news speaks of what has happened: the most recent such date.
    earlier = [c for c in candidates if c <= reference]
    return max(earlier) if earlier else min(candidates)


#: A date set off by a comma after the one before it, which it makes precise ("in November
#: 1989, on Nov. 9").
_APPOSITION = re.compile(r",\s+(?:on\s+)?$", re.IGNORECASE)
#: What may stand between a past verb and the date it dates: its place or person named
#: ("arrived in Rome on May 2", "met Lula on May 2"), a short phrase ("signed for the club
#: in August") or a bare noun ("took office in January"; not a plural, which an "-ed" word
#: before may qualify: "redeem preferred shares on Oct. 31"), and a preposition.
_VERB_BEFORE = re.compile(
    r"(?:\s+(?:(?:in|at|to|from|with)\s+)?(?-i:[A-Z][\w.'\u2019-]+)(?:\s+(?-i:[A-Z][\w.'\u2019-]+)){0,2}"
    r"|\s+(?:for|with|from|at|into|out\s+of)\s+(?:the|a|an|his|her|its|their)\s+(?-i:[a-z]+)"
    r"|\s+(?-i:[a-z]+)(?<!s)(?=\s+(?:in|on)\s))?"
    r"(?:\s+(?:on|in|since))?\s+",
    re.IGNORECASE,
)


def told_as_past(ctx: Context) -> bool:
    """Whether a verb in the past stands right before the mention ("he died on May 3"), or
    with only a name between ("visited Rome on May 2")."""
    left = ctx.text[max(0, ctx.start - 60) : ctx.start]
    return any(_VERB_BEFORE.fullmatch(left, m.end()) for m in ctx.rules.cues.past.finditer(left))


def year_for(month: int, day: int | None, rel: int | None, ctx: Context) -> int:
    """Pick the year of a month (and day) written without one, from cue words or tense."""
    ref = ctx.reference
    if rel is not None and rel != 0 and day is None:
        return _year_of_last_or_next(month, rel, ref)
    if rel is not None and rel != 0:
        ahead = (
            (month, day) > (ref.month, ref.day) if rel > 0 else (month, day) < (ref.month, ref.day)
        )
        return ref.year if ahead else ref.year + rel
    if rel == 0:
        return ref.year
    month_only = day is None
    day = day or 1
    # Compare whole dates ("Jan. 31" is three months after Oct. 31, not two).
    candidates = [date(ref.year + k, month, _in_every_year(month, day)) for k in (-1, 0, 1)]
    anchor = ctx.anchor
    if (
        anchor is not None
        and anchor.granularity == MONTH
        and anchor.start.month == month
        and not month_only
        and _APPOSITION.search(ctx.text, max(0, ctx.start - 6), ctx.start)
    ):  # "opened 11 months ago, on Nov. 9": a day of the month just named
        return anchor.start.year
    if anchor is not None and anchor.granularity == YEAR and _year_named_before(ctx, anchor):
        year = anchor.start.year
        if (year < ref.year and ctx.tense <= 0) or (year > ref.year and ctx.tense >= 0):
            return year
    if (
        anchor is not None
        and anchor.granularity == YEAR
        and anchor.start.year < ref.year
        and ctx.tense < 0
        and 0 < (candidates[1] - ref).days <= _NEAR_DAYS
    ):  # "The rocket lifted off in 1969. Armstrong walked on the moon on July 20", said on July
        # 16: not the July 20 just ahead, near as it is, but the one of the year told of
        return anchor.start.year
    if (
        anchor is not None
        and anchor.granularity in (DAY, WEEK, MONTH)
        and anchor.start > ref
        and ctx.tense == 0
    ):  # the text is telling of plans ("will join in April ... the summit in April")
        if _CLOSING.search(ctx.text, max(0, ctx.start - 12), ctx.start):
            # "from January ... through September": the end of a stretch comes after its start
            candidates = [c for c in candidates if c >= anchor.start] or candidates
        closest = min(candidates, key=lambda c: abs((c - anchor.start).days))
        if abs((closest - anchor.start).days) <= _ANCHOR_DAYS:
            return closest.year
    around = ref.replace(day=1) if month_only else ref
    if (
        anchor is not None
        and (anchor.granularity == DAY or (anchor.granularity == MONTH and _opens_sentence(ctx)))
        and anchor.start.year < ref.year
        and (ctx.tense <= 0 or ctx.seen_from_the_story)
    ):  # ("June 6, 1944 ... Paris would be liberated by the end of August": a future of the story)
        told = _year_in_story(month, day, anchor, candidates, around, month_only=month_only)
        if told is not None:
            return told
    if month_only and _planned_for(ctx):
        # "will meet again in December" said in January: a month gone by is no plan, even
        # when near
        return min(c for c in candidates if c >= around).year
    return nearest(candidates, around, ctx).year


def _in_every_year(month: int, day: int) -> int:
    """The day, or the last one its month has in every year: Feb. 29 is taken as the 28th (and
    a day past a month's end as its last)."""
    return min(day, monthrange(2001, month)[1])


def _planned_for(ctx: Context) -> bool:
    """Whether a future verb before the month says when it will happen ("will meet again in
    December"); not one after it ("sales in December will be reported Friday")."""
    if not _IN_MONTH.search(ctx.text[max(0, ctx.start - 12) : ctx.start]):
        return False
    return future_governs(ctx.rules, ctx.text, ctx.start, _PLAN_REACH)


#: How far back a future verb governing the month may stand.
_PLAN_REACH = 150
#: A month named as when something happens ("in December", "would move to May"), not as a
#: modifier of a noun ("will publish December figures", which speaks of a month gone by).
_IN_MONTH = re.compile(
    r"\b(?:in|by|until|till|before|after|from|between|during|through|to)\s+$", re.I
)


#: What ends a stretch before the date that closes it: "through September".
_CLOSING = re.compile(r"\b(?:through|until|till|to|into)\s+$", re.IGNORECASE)


#: What may come before a date that opens its sentence: "In November, ...", "By March, ...".
_OPENING = re.compile(
    r"\W*(?:(?:in|by|on|during|until|from|since|through|(?:early|late|later|earlier)\s+in)\s+)?",
    re.IGNORECASE,
)


def _year_named_before(ctx: Context, anchor: Point) -> bool:
    """Whether the mention's sentence opens with the year in focus ("In 2009, the festival ran
    from June 29", "Last year the district opened ... by October"): a day or month after it
    without a year is of that year. A year named inside the sentence may be background
    ("signed in 1991, ... since January")."""
    begins = sentence_start(ctx.text, ctx.start, _YEAR_REACH)
    if begins is None:
        begins = 0 if ctx.start <= _YEAR_REACH else ctx.start
    if not begins < ctx.anchor_end <= min(ctx.start, begins + _YEAR_OPENING):
        return False
    return _SETS_THE_SCENE.match(ctx.text, begins, ctx.anchor_end) is not None


#: How far back in its sentence the year opening it may stand, and how long the words
#: opening a sentence with a year may be ("Throughout 2009").
_YEAR_REACH = 120
_YEAR_OPENING = 20
#: The word that opens a sentence with the year it tells of: "In 2009,", "Last year". ("Fiscal
#: 1991 begins Oct. 1" names the year as a subject, whose first day lies in the year before.)
_SETS_THE_SCENE = re.compile(r"(?:in|by|during|throughout|until|last|next)\s", re.IGNORECASE)


def _opens_sentence(ctx: Context) -> bool:
    """Whether the mention opens its sentence ("... in August 2022. In November, they left"):
    after a month named with its year, such a month tells the story on, where one inside the
    sentence ("first elected in November 1980, announced in January") may be the report's."""
    begins = sentence_start(ctx.text, ctx.start, _OPENING_REACH)
    return begins is not None and _OPENING.fullmatch(ctx.text, begins, ctx.start) is not None


#: How far back to look for the end of the sentence before a date that opens the next one.
_OPENING_REACH = 24


def _year_in_story(
    month: int, day: int, anchor: Point, candidates: list[date], around: date, *, month_only: bool
) -> int | None:
    """The year of a day told in a story around the date it last named, in an earlier year
    ("began on Oct. 16, 1962 ... On Oct. 28" is 1962; "arrested on June 28, 2011 ... freed on
    July 5" said in late 2012 is 2011), if the story goes on there.

    A date near the report (``around``: its day, or for a month its first) and not after it is
    the report's, as news names it without a year ("founded on June 3, 2001, the firm said on
    July 12"; "Sept. 11, 1973 ... On Sept. 10, thousands marched"). One after the report is
    not, when told in the past. A bare month after a day of the story goes on with the story
    ("erupted on May 18, 1980 ... followed in June" said in July 2012).
    """
    if not (month_only and anchor.granularity == DAY) and any(
        abs((c - around).days) <= _NEAR_DAYS and c <= around for c in candidates
    ):
        return None
    for year in (anchor.start.year, anchor.start.year + 1, anchor.start.year - 1):
        apart = (date(year, month, _in_every_year(month, day)) - anchor.start).days
        if -_STORY_DAYS_BACK <= apart <= _STORY_DAYS:
            return year
    return None


def _year_of_last_or_next(month: int, rel: int, ref: date) -> int:
    """The year of "last May" (``rel`` -1) or "next May" (+1): the nearest May before or after
    the current month, or the one before (after) that when it is the month just gone (to come).

    "last February" said in March is a year back: the month just gone is "in February" or
    "last month". Likewise "next April" said in March is a year on.
    """
    if rel < 0:
        year = ref.year if month < ref.month else ref.year - 1
        return year - 1 if (ref.month - month) % 12 == 1 else year
    year = ref.year if month > ref.month else ref.year + 1
    return year + 1 if (month - ref.month) % 12 == 1 else year


def latest_year_ending(two_digits: int, reference: date) -> int:
    """The latest year not after the reference that ends in these two digits ("'98": 1998)."""
    year = reference.year // 100 * 100 + two_digits
    return year - 100 if year > reference.year else year
