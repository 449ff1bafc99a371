"""Tests for timeline.tagger: the issue's examples, spans, overlap policy and no clock."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from timeline import Mention, tag

REF = date(2023, 6, 20)


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value", "mod"),
    [
        pytest.param(
            "They met on Monday.", "Monday", "DATE", "2023-06-19", None, id="weekday-past"
        ),
        pytest.param(
            "He resigned last November.",
            "last November",
            "DATE",
            "2022-11",
            None,
            id="last-month-name",
        ),
        pytest.param(
            "Talks began in February.", "February", "DATE", "2023-02", None, id="bare-month-past"
        ),
        pytest.param(
            "He will attend the next G20 summit in September.",
            "September",
            "DATE",
            "2023-09",
            None,
            id="bare-month-future",
        ),
        pytest.param("Relations have frozen since 2018.", "2018", "DATE", "2018", None, id="year"),
        pytest.param(
            "a two-day visit", "two-day", "DURATION", "P2D", None, id="adjective-duration"
        ),
        pytest.param(
            "The talks lasted more than five hours.",
            "more than five hours",
            "DURATION",
            "PT5H",
            "MORE_THAN",
            id="duration-mod",
        ),
        pytest.param("Now they talk.", "Now", "DATE", "PRESENT_REF", None, id="now"),
        pytest.param(
            "Trade fell over the past few years.",
            "the past few years",
            "DURATION",
            "PXY",
            None,
            id="vague-duration",
        ),
        pytest.param(
            "He visited early this year.",
            "early this year",
            "DATE",
            "2023",
            "START",
            id="early-this-year",
        ),
        pytest.param("They speak each week.", "each week", "SET", "P1W", None, id="set"),
        pytest.param("Prices rose this week.", "this week", "DATE", "2023-W25", None, id="week"),
        pytest.param("It was built in the 1990s.", "the 1990s", "DATE", "199X", None, id="decade"),
        pytest.param("Sales fell a year ago.", "a year ago", "DATE", "2022", None, id="ago"),
        pytest.param("It happened recently.", "recently", "DATE", "PAST_REF", None, id="recently"),
        pytest.param("We leave today.", "today", "DATE", "2023-06-20", None, id="today"),
        pytest.param(
            "Profit rose in the third quarter of 1999.",
            "the third quarter of 1999",
            "DATE",
            "1999-Q3",
            None,
            id="quarter",
        ),
        pytest.param(
            "It opened in the summer of 1998.",
            "the summer of 1998",
            "DATE",
            "1998-SU",
            None,
            id="season",
        ),
        pytest.param(
            "He arrived at 10:30 a.m.", "10:30 a.m.", "TIME", "2023-06-20T10:30", None, id="clock"
        ),
        pytest.param(
            "Sales in fiscal 1998 rose.", "fiscal 1998", "DATE", "1998", None, id="fiscal-year"
        ),
        pytest.param(
            "It was signed on Aug. 7, 1998.",
            "Aug. 7, 1998",
            "DATE",
            "1998-08-07",
            None,
            id="full-date",
        ),
    ],
)
def test_examples_from_the_issue(
    text: str, expression: str, type_: str, value: str, mod: str | None
) -> None:
    mentions = tag(text, reference=REF)
    assert [(m.text, m.type, m.value, m.mod) for m in mentions] == [(expression, type_, value, mod)]
    (mention,) = mentions
    assert text[mention.start : mention.end] == mention.text


def test_nothing_found_is_an_empty_list() -> None:
    assert tag("The cat sat on the mat.", reference=REF) == []
    assert tag("", reference=REF) == []


def test_lower_case_may_is_a_verb_not_a_month() -> None:
    assert tag("Prices may rise.", reference=REF) == []


def test_a_quotation_in_single_quotes_is_scanned_from_its_first_word() -> None:
    found = tag("'Last week was hard,' she said. 'The next seven days decide it.'", reference=REF)
    assert [m.text for m in found] == ["Last week", "The next seven days"]


def test_mentions_are_ordered_and_disjoint() -> None:
    text = (
        "On Monday, June 19, officials said talks in the past three months had stalled since 2018."
    )
    mentions = tag(text, reference=REF)
    assert [m.text for m in mentions] == ["Monday, June 19", "the past three months", "2018"]
    for left, right in pairwise(mentions):
        assert left.end <= right.start


def test_the_reference_decides_relative_values() -> None:
    assert tag("yesterday", reference=date(1998, 3, 1))[0].value == "1998-02-28"
    assert tag("last year", reference=date(2001, 1, 1))[0].value == "2000"


def test_anchor_is_the_last_date_mentioned() -> None:
    mentions = tag("They met on March 3, 2001, and again the following day.", reference=REF)
    assert [m.value for m in mentions] == ["2001-03-03", "2001-03-04"]


def test_a_financial_report_compares_the_period_its_lead_names() -> None:
    # The second quarter is an aside: "a year ago" and "the 1989 period" still mean the third.
    text = (
        "Kimberly posted a 20% gain in third-quarter net. After a flat second quarter, sales "
        "rose. In the 1989 period, costs were lower than a year ago."
    )
    values = [m.value for m in tag(text, reference=date(1989, 11, 1))]
    assert values == ["1989-Q3", "1989-Q2", "1989-Q3", "1988-Q3"]


def test_a_quarter_still_under_way_is_not_the_one_reported_on() -> None:
    text = (
        "It will take a charge in the fourth quarter. It posted third-quarter earnings of $47"
        " million, down from $61 million in the year-ago quarter."
    )
    values = [m.value for m in tag(text, reference=date(1992, 10, 20))]
    assert values == ["1992-Q4", "1992-Q3", "1991-Q3"]


def test_a_quarter_is_the_one_its_closing_day_ends() -> None:
    # Books close near a quarter's end: July 31 ends a fiscal second quarter, Oct. 1 the third.
    first = tag("In the quarter ended July 31, it lost money.", reference=date(1989, 10, 30))
    assert first[0].value == "1989-Q2"
    text = "Net for the six months ended Oct. 1 fell. There were no gains in the latest period."
    assert tag(text, reference=date(1989, 11, 2))[-1].value == "1989-Q3"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("It will report fourth-quarter results next week.", "1989-Q4", id="closed"),
        pytest.param("It will post second-half results next week.", "1989-H2", id="half"),
        pytest.param("It hopes to be profitable in the fourth quarter.", "1990-Q4", id="ahead"),
    ],
)
def test_results_said_early_in_a_year_are_of_the_period_just_closed(text: str, value: str) -> None:
    assert tag(text, reference=date(1990, 1, 9))[0].value == value


def test_that_day_inside_a_month_is_a_day_of_that_month() -> None:
    text = "He was killed last October. His name was crossed out that same day."
    assert [m.value for m in tag(text, reference=date(1999, 2, 6))] == ["1998-10", "1998-10-XX"]


def test_the_day_of_a_report_is_not_a_day_of_the_month_named_before() -> None:
    text = "Prices fell in October. But the day belonged to the bulls."
    assert tag(text, reference=date(1999, 2, 6))[-1].value == "1999-02-06"


def test_offsets_survive_case_folding_that_changes_length() -> None:
    text = "İİ on Monday"
    (mention,) = tag(text, reference=REF)
    assert text[mention.start : mention.end] == "Monday"


def test_reference_must_be_a_date() -> None:
    with pytest.raises(TypeError, match="reference"):
        tag("today", reference="2023-06-20")  # type: ignore[arg-type]


def test_mention_is_frozen_and_round_trips() -> None:
    (mention,) = tag("today", reference=REF)
    assert Mention.model_validate(mention.model_dump()) == mention
    with pytest.raises(ValueError, match="frozen"):
        mention.value = "x"  # type: ignore[misc]


def test_an_anchored_duration_counts_from_the_date_in_focus() -> None:
    # Each step counts from where the story has got to: the end came on March 6, the deal a
    # week after that (March 13); two years after 2009 is 2011, not two years on from now.
    text = (
        "The talks began on March 3, 2001. Three days later they ended; a week later, a deal."
        " In 2009 he joined. Two years later, he left."
    )
    durations = [m for m in tag(text, reference=REF) if m.type == "DURATION"]
    assert [(m.text, m.value, m.point) for m in durations] == [
        ("Three days", "P3D", "2001-03-06"),
        ("a week", "P1W", "2001-03-13"),
        ("Two years", "P2Y", "2011"),
    ]


def test_the_next_week_in_a_story_told_in_the_past_follows_the_date_in_focus() -> None:
    reference = date(2012, 8, 6)
    story = tag("She won on June 30. The next week she pulled a hamstring.", reference=reference)
    ahead = tag("Officials said the vote would come in the next week.", reference=reference)
    assert [m.value for m in story] == ["2012-06-30", "2012-W27"]
    assert [m.value for m in ahead] == ["2012-W33"]


def test_a_story_moved_on_by_weeks_keeps_counting_in_days() -> None:
    # "A week earlier" from Dec. 28 reaches Dec. 21, and the story's day is now that one.
    text = "They met on December 28, 2013. A week earlier, he was hurt. That day, they lost."
    (*_, that_day) = tag(text, reference=REF)
    assert (that_day.text, that_day.value) == ("That day", "2013-12-21")
    text = "It passed on March 5, 2013. A week later, he balked. The next week, aides met."
    (*_, next_week) = tag(text, reference=REF)
    assert (next_week.text, next_week.value) == ("The next week", "2013-W12")


def test_a_date_after_an_anchored_duration_counts_from_the_day_it_reaches() -> None:
    text = "It passed on March 5, 2011. Two days later, the governor balked. The next day, talks."
    (*_, following) = tag(text, reference=REF)
    assert (following.text, following.value) == ("The next day", "2011-03-08")


def test_only_a_duration_reaches_a_point() -> None:
    with pytest.raises(ValueError, match="only an anchored DURATION"):
        Mention(start=0, end=6, text="Monday", type="DATE", value="x", point="y", rule_id="r")


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        pytest.param("Talks will resume in the spring.", date(2000, 2, 24), "2000-SP", id="ahead"),
        pytest.param("Talks resumed in the spring.", date(2000, 2, 24), "1999-SP", id="back"),
        pytest.param("It is cold this winter.", date(2000, 2, 24), "1999-WI", id="current"),
        pytest.param("They plan a visit this spring.", date(2000, 2, 24), "2000-SP", id="this"),
        pytest.param(
            "The summit will be held this spring.", date(2012, 12, 19), "2013-SP", id="this-ahead"
        ),
        pytest.param("Sales this spring were weak.", date(2012, 12, 19), "2012-SP", id="this-past"),
        pytest.param("They met last winter.", date(2000, 2, 24), "1998-WI", id="last"),
        pytest.param("They meet next summer.", date(2000, 8, 10), "2001-SU", id="next"),
    ],
)
def test_a_season_without_a_year_follows_cue_words_and_tense(
    text: str, reference: date, value: str
) -> None:
    (mention,) = tag(text, reference=reference)
    assert mention.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("He visited on Jan. 20.", "2013-01-20", id="past-day"),
        pytest.param("Their last loss came on Feb. 1, coming after a run.", "2013-02-01", id="cue"),
        pytest.param("He will visit on Jan. 20.", "2013-01-20", id="future-tense"),
        pytest.param("He will visit on Jan. 20 next year.", "2014-01-20", id="next-year"),
        pytest.param("The dividend is payable April 15.", "2013-04-15", id="near-ahead"),
        pytest.param("The results will be announced in May.", "2013-05", id="month-ahead"),
    ],
)
def test_a_date_without_a_year_near_the_reference_is_in_the_current_year(
    text: str, value: str
) -> None:
    # News style writes the year of a date outside the current one; a tense cue nearby does
    # not move a near date a year on.
    mentions = tag(text, reference=date(2013, 3, 14))
    assert mentions[0].value == value


@pytest.mark.parametrize(
    ("text", "values"),
    [
        pytest.param(
            "The office is open from Monday to Friday.", ["2013-03-11", "2013-03-15"], id="to"
        ),
        pytest.param(
            "The fair will run Friday through Monday.", ["2013-03-15", "2013-03-18"], id="through"
        ),
        pytest.param("They met Tuesday and Wednesday.", ["2013-03-12", "2013-03-13"], id="list"),
        pytest.param(
            "The deadline was extended from March 29 to Jan. 31.",
            ["2013-03-29", "2014-01-31"],
            id="day-range-across-the-year",
        ),
    ],
)
def test_the_day_closing_a_range_follows_the_one_opening_it(text: str, values: list[str]) -> None:
    assert [m.value for m in tag(text, reference=date(2013, 3, 14))] == values


def test_a_plan_told_on_a_day_of_the_story_is_for_a_later_such_weekday() -> None:
    text = "Prices fell on Monday after India said its cabinet would rule on the permits on Monday."
    assert [m.value for m in tag(text, reference=date(2013, 3, 13))] == ["2013-03-11", "2013-03-18"]


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        pytest.param("They met last November.", date(2023, 6, 20), "2022-11", id="last"),
        pytest.param("They met last April.", date(1989, 10, 30), "1989-04", id="last-this-year"),
        pytest.param("They met last December.", date(2012, 12, 19), "2011-12", id="last-current"),
        pytest.param("The crash came last February.", date(1998, 3, 1), "1997-02", id="last-gone"),
        pytest.param("They meet next September.", date(2014, 6, 20), "2014-09", id="next"),
        pytest.param("They meet next July.", date(2014, 6, 20), "2015-07", id="next-to-come"),
    ],
)
def test_last_or_next_month_is_not_the_month_just_gone_or_to_come(
    text: str, reference: date, value: str
) -> None:
    (mention,) = tag(text, reference=reference)
    assert mention.value == value


def test_a_capitalised_season_inside_a_name_is_no_season() -> None:
    text = "Since the Arab Spring, the Winter Olympics and the Summer Palace drew crowds."
    assert tag(text, reference=REF) == []


def test_the_first_of_a_month_is_a_day_not_the_whole_month() -> None:
    # Oct. 1 lies 89 days back: too far to be taken nearest, so the tense decides.
    (_, day) = tag("Fiscal 1991 begins Oct. 1.", reference=date(1989, 12, 29))
    assert day.value == "1990-10-01"


def test_number_words_compose_as_english_writes_them() -> None:
    (mention,) = tag("He served five one-year terms.", reference=REF)
    assert (mention.text, mention.value) == ("one-year", "P1Y")


def test_amounts_with_thousands_separators_are_read_whole() -> None:
    (mention,) = tag("Spending will rise over the next 10,000 years.", reference=REF)
    assert (mention.text, mention.value) == ("the next 10,000 years", "P10000Y")


def test_a_date_before_year_one_keeps_only_its_direction() -> None:
    (mention,) = tag("The city was founded 3,000 years ago.", reference=REF)
    assert (mention.text, mention.value) == ("3,000 years ago", "PAST_REF")


@pytest.mark.parametrize("reference", [date(1, 1, 1), date(9999, 12, 31)])
def test_the_edges_of_the_calendar_drop_what_they_cannot_name(reference: date) -> None:
    text = "Yesterday, today and tomorrow; last year and next year; a week later."
    mentions = tag(text, reference=reference)
    assert "today" in [m.text for m in mentions]
    assert all(text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    ("text", "reference", "values"),
    [
        pytest.param(
            "The spacecraft will reach its target in August and drop a small lander onto the "
            "asteroid's surface in November.",
            date(2014, 1, 31),
            ["2014-08", "2014-11"],
            id="a-future-verb-early-in-a-long-sentence-plans-the-month-it-ends-with",
        ),
        pytest.param(
            "The retailer will unveil a tablet in New York on Wednesday, according to "
            "invitations sent to reporters over the weekend.",
            date(2011, 10, 3),
            ["2011-10-05", "2011-W39-WE"],
            id="a-weekend-told-in-the-past-after-a-day-ahead-is-the-one-just-gone",
        ),
        pytest.param(
            "In 2009, the festival ran from June 29.",
            date(2011, 8, 14),
            ["2009", "2009-06-29"],
            id="a-day-in-a-sentence-opening-with-a-year-is-of-that-year",
        ),
        # The day after the reference, told in the past after a day of the year before: that
        # year's, not tomorrow.
        pytest.param(
            "The raiders landed on Nov. 26, 2008; a warning sent the day before was ignored. "
            "Troops retook the last hotel on Nov. 29.",
            date(2009, 11, 28),
            ["2008-11-26", "2008-11-25", "2008-11-29"],
            id="a-day-late-in-a-month-is-compared-as-itself-not-as-the-28th",
        ),
        pytest.param(
            "The jury gave its prize to the film on Saturday night. The director wrote it in the "
            "winter of 1993. Distributors began bidding the following day.",
            date(1996, 2, 5),
            ["1996-02-03", "1993-WI", "1996-02-04"],
            id="the-following-day-after-a-coarser-date-follows-the-last-day-named",
        ),
        pytest.param(
            "The fair ended on Wednesday, March 1, and the previous weekend was busy. The review "
            "ends on Friday, March 24, and the banks merge their systems the following weekend.",
            date(2023, 3, 10),
            ["2023-03-01", "2023-W08-WE", "2023-03-24", "2023-W12-WE"],
            id="the-following-weekend-after-a-weekday-is-the-one-its-week-ends-with",
        ),
        pytest.param(
            "The summit opens on Wednesday, Feb. 22. Aides said talks had begun the previous "
            "weekend.",
            date(2023, 1, 11),
            ["2023-02-22", "2023-W07-WE"],
            id="the-previous-weekend-counts-from-the-day-in-focus-whatever-the-tense",
        ),
        pytest.param(
            "The tax rises take effect on Jan. 1. Stocks still ended the week up 1.2 percent.",
            date(2012, 12, 22),
            ["2013-01-01", "2012-W51"],
            id="the-week-told-in-the-past-after-a-day-ahead-is-the-reports",
        ),
        pytest.param(
            "Forecasters predict ten hurricanes between today and Nov. 30.",
            date(2022, 6, 1),
            ["2022-06-01", "2022-11-30"],
            id="a-day-closing-a-range-that-opens-today-follows-it",
        ),
        pytest.param(
            "Sixty years ago today the satellite went up; the following day the papers had it.",
            date(2017, 10, 4),
            ["1957-10-04", "1957-10-05"],
            id="a-day-counted-back-from-today-is-the-day-the-story-goes-on-from",
        ),
        pytest.param(
            "On June 6, 1944, the troops came ashore. The following day, more arrived. "
            "Paris would be freed by the end of August.",
            date(2004, 6, 6),
            ["1944-06-06", "1944-06-07", "1944-08"],
            id="a-future-told-from-a-day-long-past-stays-in-its-year",
        ),
        pytest.param(
            "The travel rush began on Jan. 26, ahead of the Lunar New Year on Saturday.",
            date(2024, 2, 7),
            ["2024-01-26", "2024-02-10", "2024-02-10"],
            id="a-weekday-set-beside-a-date-restates-it-whatever-the-tense",
        ),
        pytest.param(
            "Last year the district opened with 12 vacancies, and by October most were filled.",
            date(2016, 8, 9),
            ["2015", "2015-10"],
            id="a-month-after-a-sentence-opening-with-last-year-is-of-last-year",
        ),
        pytest.param(
            "The hall will be closed to visitors from Oct. 20 until the end of the month.",
            date(1995, 9, 29),
            ["1995-10-20", "1995-10"],
            id="the-end-of-the-month-right-after-a-day-is-that-days-month",
        ),
        # A date of another time, in an aside, is not the month meant.
        pytest.param(
            "The director, who joined in 1994, will step down at the end of the year.",
            date(2025, 11, 12),
            ["1994", "2025"],
            id="the-end-of-the-year-after-a-date-in-an-aside-is-the-reports",
        ),
    ],
)
def test_a_date_takes_its_value_from_the_text_around_it(
    text: str, reference: date, values: list[str]
) -> None:
    assert [m.value for m in tag(text, reference=reference)] == values


def test_the_month_closing_a_planned_stretch_comes_after_the_one_opening_it() -> None:
    text = (
        "The central bank said on Thursday that it would cut its monthly bond purchases to "
        "30 billion euros from January and continue buying through September."
    )
    values = [m.value for m in tag(text, reference=date(2017, 10, 26))]
    assert values[-2:] == ["2018-01", "2018-09"]


@pytest.mark.parametrize(
    ("later", "value"),
    [
        pytest.param("The magnitude 9.0 quake struck at 7:58 a.m.", "2004-12-26T07:58", id="noun"),
        # "tsunami" follows the short word that ends the phrase "earthquake and tsunami"
        pytest.param("The tsunami struck at 7:58 a.m.", "2004-12-28T07:58", id="after-and"),
        pytest.param("Rescuers arrived at 7:58 a.m.", "2004-12-28T07:58", id="other-subject"),
    ],
)
def test_a_clock_time_retelling_an_event_a_possessive_day_named_is_that_days(
    later: str, value: str
) -> None:
    text = f"The toll from Sunday's earthquake and tsunami rose on Tuesday. {later}"
    assert tag(text, reference=date(2004, 12, 28))[-1].value == value
