"""Tests for timeline.tense: which way the cues around a mention point."""

from __future__ import annotations

import pytest

from timeline.rules import load_rules
from timeline.tense import sentence_start, tense_of

RULES = load_rules("en")


def _tense(text: str, mention: str) -> int:
    start = text.index(mention)
    return tense_of(RULES, text, start, start + len(mention))


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        pytest.param("The board will meet in May.", "May", 1, id="future"),
        pytest.param(
            "The school will open its doors to pupils before 7:30 a.m. Critics argued against it.",
            "7:30 a.m.",
            1,
            id="mention-ends-its-sentence",
        ),
        pytest.param("The board met in May.", "May", -1, id="past"),
        pytest.param("The fair is held in May.", "May", 0, id="no-cue"),
        pytest.param("The fair was held in May.", "May", -1, id="irregular-past"),
        pytest.param(
            "The vote comes after two partners quit the government on Monday.",
            "Monday",
            -1,
            id="quit-past",
        ),
        pytest.param("The museum is closed in May.", "May", 0, id="participle-after-is"),
        pytest.param("The talks were originally scheduled for May.", "May", 0, id="neutral-plan"),
        pytest.param("The talks are scheduled for May.", "May", 1, id="plan-ahead"),
        pytest.param("She was invited to Oslo in May.", "May", 1, id="invitation"),
        pytest.param("The mine will reopen in May, the minister said.", "May", 1, id="report-far"),
        pytest.param("The minister said Friday it will reopen.", "Friday", -1, id="report-near"),
        pytest.param("The bank said on Friday it would pay.", "Friday", -1, id="report-tie"),
        pytest.param(
            "It will launch the phone on Friday, it said.", "Friday", 1, id="report-attributes"
        ),
        pytest.param("The firm on Friday said it will pay.", "Friday", -1, id="report-after"),
        pytest.param("Workers said it in May.", "May", -1, id="report-only-cue"),
        pytest.param("It will be announced in May.", "May", 1, id="passive-report-verb"),
        pytest.param("It comes ahead of the vote in May.", "May", 1, id="prospect"),
        pytest.param("The city planned to vote in May.", "May", 1, id="intent-ahead"),
        pytest.param("In May, the city planned to vote.", "May", -1, id="intent-behind"),
        pytest.param("They agreed to meet again in May.", "May", 1, id="agreed-to"),
        pytest.param("The Hawks play again on Friday.", "Friday", 1, id="play-again"),
        pytest.param(
            "The tourists play a warm-up match in Cairns from Wednesday.",
            "Wednesday",
            1,
            id="schedule-an-object",
        ),
        pytest.param(
            "The show returns for a new series in the autumn.",
            "the autumn",
            1,
            id="schedule-for-an-object",
        ),
        pytest.param(
            "Rovers have not lost for months and face the league leaders on Saturday.",
            "Saturday",
            1,
            id="schedule-the-object",
        ),
        pytest.param("It came ahead of the vote in May.", "May", -1, id="prospect-after-past"),
        pytest.param("Aides said it comes ahead of a vote in May.", "May", 1, id="prospect-report"),
        pytest.param("Critics will appeal Friday's ruling.", "Friday", -1, id="possessive"),
        pytest.param(
            "The show went on as scheduled on Saturday.", "Saturday", -1, id="as-scheduled"
        ),
        pytest.param(
            "He faces prison when he is sentenced March 30.", "March 30", 1, id="is-passive"
        ),
        pytest.param("Sales rose more than expected in May.", "May", -1, id="than-expected"),
        pytest.param(
            "Temperatures could drop to minus 10C on Tuesday night, the lowest since 2010.",
            "Tuesday",
            1,
            id="record-since",
        ),
        pytest.param(
            "The sides first met in 1871, and the warning remains in place until Monday.",
            "Monday",
            1,
            id="remains-in-place-until",
        ),
        pytest.param(
            "A red warning is in force for Friday.",
            "Friday",
            0,
            id="red-is-no-past",
        ),
        pytest.param(
            "Services should return to normal by Saturday after Storm Ciaran brought down trees.",
            "Saturday",
            1,
            id="own-clause-after-name",
        ),
        pytest.param(
            "The season will run three days longer than planned, into October.",
            "October",
            1,
            id="than-planned",
        ),
        pytest.param(
            "Investors are looking ahead to Thursday's report.", "Thursday", 1, id="looking-ahead"
        ),
        pytest.param(
            "Four days to go until Thursday's election.", "Thursday", 1, id="days-to-go-until"
        ),
        pytest.param(
            "Traders waited for Friday's scheduled report on prices.",
            "Friday",
            1,
            id="possessive-plan",
        ),
        pytest.param(
            "The man arrested Friday will appear in court.", "Friday", -1, id="tie-goes-left"
        ),
        pytest.param("It rose. In May it will fall.", "May", 1, id="sentence-bound"),
        pytest.param("Ann will follow John Q. Public in May.", "May", 1, id="initial-no-end"),
        pytest.param("She will join Mr. Lee in May.", "May", 1, id="title-no-end"),
        pytest.param("Our team will succeed in May.", "May", 1, id="succeed-not-past"),
        pytest.param("Holiday plans for May are on hold.", "May", 0, id="plans-noun"),
        pytest.param("The firm plans to open in May.", "May", 1, id="plans-verb"),
        pytest.param("Mr. Ode plans a visit in May.", "May", 1, id="plans-a"),
        pytest.param("Crews need two hundred more in May.", "May", 0, id="need-hundred-not-past"),
        pytest.param("The two leaders meet separately Monday.", "Monday", 1, id="present-schedule"),
        pytest.param("The panel meets Monday in Rome.", "Monday", 1, id="present-schedule-3rd"),
        pytest.param("The trial starts in May.", "May", 1, id="present-schedule-month"),
        pytest.param("She won the French Open on Sunday.", "Sunday", -1, id="open-a-name"),
        pytest.param("The fiscal year begins Oct. 1.", "Oct. 1", 1, id="present-schedule-date"),
        pytest.param("Results are due Tuesday.", "Tuesday", 1, id="due-ahead"),
        pytest.param("The report, due out Friday, is late.", "Friday", 1, id="due-out"),
        pytest.param("With data due Friday, bonds rose.", "Friday", 1, id="due-weekday"),
        pytest.param("The loan was due Friday.", "Friday", 0, id="was-due"),
        pytest.param(
            "He told reporters Monday that a vote could come on Friday.",
            "Monday",
            -1,
            id="told-listener",
        ),
        pytest.param("She told Monday's rally she would run.", "Monday", -1, id="told-possessive"),
        pytest.param(
            "Fares will rise by 3 percent from Sunday, the operators confirmed.",
            "Sunday",
            1,
            id="confirmed-a-report-verb",
        ),
        pytest.param(
            "On Sunday, officials said they would reopen.",
            "Sunday",
            -1,
            id="report-before-its-tense",
        ),
        pytest.param(
            "On Sunday, the team will play, the coach said.", "Sunday", 1, id="tense-before-report"
        ),
        pytest.param("The vote is set for Sunday.", "Sunday", 1, id="set-for"),
        pytest.param("The vote is on Oct. 7.", "Oct. 7", 1, id="is-on-a-date"),
        pytest.param("Economists had expected a rise in May.", "May", -1, id="had-expected"),
        pytest.param("The probe could reach orbit in May.", "May", 1, id="modal-ahead"),
        pytest.param("Talks on Friday could fail.", "Friday", 0, id="modal-behind"),
        pytest.param("She could not be reached Friday.", "Friday", 0, id="modal-negated"),
        pytest.param("The vote was set for Sunday.", "Sunday", 0, id="set-for-past"),
        pytest.param("The deadline was extended to Sept. 30.", "Sept. 30", 1, id="put-off-to"),
        pytest.param(
            "A judge postponed the sentencing of the official until May.",
            "May",
            1,
            id="put-off-any-object",
        ),
        pytest.param("Highs forecast to reach 42C on Sunday.", "Sunday", 1, id="forecast-to"),
        pytest.param(
            "Demand will shrink, with a recovery likely only in May.", "May", 1, id="likely-in"
        ),
        pytest.param(
            "Sales will be below the range it forecast in November.",
            "November",
            -1,
            id="it-forecast-past",
        ),
        pytest.param("The tariff due to take effect on Friday.", "Friday", 1, id="due-to-verb"),
        pytest.param("Delays due to snow on Friday.", "Friday", 0, id="due-to-cause"),
        pytest.param("File it no later than March 1.", "March 1", 1, id="no-later-than"),
        pytest.param("First flight: no earlier than May.", "May", 1, id="no-earlier-than"),
        pytest.param("The launch slipped to March.", "March", 1, id="slipped-to"),
        pytest.param(
            "A judge on Tuesday scheduled the retrial for May.", "Tuesday", -1, id="scheduled-it"
        ),
        pytest.param(
            "A judge on Tuesday scheduled the retrial for May.", "May", 1, id="scheduled-it-for"
        ),
        pytest.param(
            "The mayor has scheduled a news conference Thursday.",
            "Thursday",
            1,
            id="has-scheduled",
        ),
        pytest.param(
            "A judge on Wednesday set a trial date of May 21.", "May 21", 1, id="set-a-date-of"
        ),
        pytest.param(
            "She scheduled the retrial for May, saying the case had dragged on.",
            "May",
            1,
            id="participle-clause",
        ),
        pytest.param(
            "The government lost a confidence vote on Tuesday.",
            "Tuesday",
            -1,
            id="confidence-vote-a-noun",
        ),
        pytest.param(
            "A judge on Thursday postponed the hearing until May.",
            "Thursday",
            -1,
            id="put-off-dates-the-decision",
        ),
        pytest.param(
            "It passed on Monday and will go to the House.", "Monday", -1, id="own-clause"
        ),
        pytest.param(
            "The cabinet approved a fund for banks on Wednesday, and Paschi is expected to ask.",
            "Wednesday",
            -1,
            id="own-clause-new-subject",
        ),
        pytest.param(
            "It will raise prices in May after volumes fell.", "May", 1, id="own-clause-after"
        ),
        pytest.param(
            "The justices heard arguments in the case on Dec. 1, and a ruling is expected soon.",
            "Dec. 1",
            -1,
            id="own-clause-and-subject",
        ),
        pytest.param(
            "Parliament will be prorogued on Friday and dissolved on Monday.",
            "Friday",
            1,
            id="own-clause-and-participle",
        ),
        pytest.param(
            "He will host an emergency summit at the White House on Tuesday, after three days that"
            " left 70 dead.",
            "Tuesday",
            1,
            id="own-clause-comma-after",
        ),
        pytest.param(
            "They believe it slipped into a long recession in May and that it will end.",
            "May",
            -1,
            id="own-clause-and-that",
        ),
        pytest.param(
            "They will play on Sunday after the draw was made.", "Sunday", 1, id="subordinate"
        ),
        pytest.param("The man arrested on Sunday will appear in court.", "Sunday", -1, id="joint"),
        pytest.param(
            "It broke up on Thursday and returns in May.", "Thursday", -1, id="joint-particle"
        ),
        pytest.param(
            "It broke for the summer on Thursday and returns in May.",
            "Thursday",
            -1,
            id="coordinated-verb",
        ),
        pytest.param("RIM will show its updated phones on Friday.", "Friday", 1, id="ed-adjective"),
        pytest.param("They will hold closed-door talks on Friday.", "Friday", 1, id="ed-noun"),
        pytest.param(
            "It will show the long-awaited film on Friday.", "Friday", 1, id="ed-compound"
        ),
        pytest.param("They will meet on Friday in a last effort.", "Friday", 1, id="a-last"),
        pytest.param("Starting Monday, fares must include tax.", "Monday", 1, id="starting"),
        pytest.param("It said the war was unlikely to end in May.", "May", 1, id="was-unlikely"),
        pytest.param("The storm will hit the coast on Monday.", "Monday", 1, id="modal-not-past"),
        pytest.param(
            "Celtic, who host Rangers on Sunday, were held to a draw.", "Sunday", 1, id="aside"
        ),
        pytest.param(
            "The storm, which hit the coast on Monday, will weaken.", "Monday", -1, id="aside-past"
        ),
        pytest.param(
            "The firm, which was founded in May, will report Monday.", "Monday", 1, id="after-aside"
        ),
        pytest.param("The derby is on Sunday.", "Sunday", 1, id="is-on-weekday"),
        pytest.param(
            "Germany will meet Algeria in the last 16 on Monday.", "Monday", 1, id="the-last"
        ),
        pytest.param("Rain is likely through the weekend.", "the weekend", 1, id="likely"),
        pytest.param("He ended his visit to Rome on Monday.", "Monday", -1, id="schedule-noun-his"),
        pytest.param("The tax takes effect in October.", "October", 1, id="takes-effect"),
        pytest.param("She takes the helm in October.", "October", 1, id="takes-the-helm"),
        pytest.param(
            "Crews will work in affected areas until May.",
            "May",
            1,
            id="adjective-after-preposition",
        ),
        pytest.param("Met Office staff see rain on Sunday.", "Sunday", 0, id="met-a-name"),
        pytest.param("The votes on Tuesday were close.", "Tuesday", -1, id="schedule-noun"),
        pytest.param("The sale is slated for October.", "October", 1, id="slated"),
        pytest.param("They arrested a man coming out on Friday.", "Friday", -1, id="coming-motion"),
        pytest.param("The show runs through Sunday.", "Sunday", 1, id="present-schedule-through"),
        pytest.param("Markets reopen at 08:00 on Monday.", "08:00 on Monday", 1, id="reopen-at"),
        pytest.param(
            "The play opens in Oslo, where it was written in May.", "May", -1, id="nearer-past"
        ),
        pytest.param("The offer was due to expire Friday.", "Friday", 0, id="infinitive-not-cue"),
        pytest.param("The bank extended the offer until Friday.", "Friday", 1, id="until-deadline"),
        pytest.param("Until Friday, police had not named him.", "Friday", -1, id="until-opening"),
        pytest.param(
            "The airline will add flights by May, seeking routes untouched by the slump.",
            "May",
            1,
            id="participle-by-not-past",
        ),
        pytest.param(
            "It would be paid on a still unspecified date in May.", "May", 1, id="un-adjective"
        ),
        pytest.param("The rebels unveiled a plan in May.", "May", -1, id="un-verb-past"),
        pytest.param("The border will remain closed in May.", "May", 1, id="remain-participle"),
    ],
)
def test_the_nearest_cue_decides(text: str, mention: str, expected: int) -> None:
    assert _tense(text, mention) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Centres open until 8 p.m. Saturday and Sunday.", 0),
        ("He left at 8 p.m. The next day he flew home.", len("He left at 8 p.m. ")),
        ("Mr. Smith met Dr. Jones on Friday.", 0),
    ],
)
def test_a_sentence_ends_at_a_full_stop_but_not_after_a_title_or_before_a_clocks_day(
    text: str, expected: int
) -> None:
    assert (sentence_start(text, len(text) - 1, len(text)) or 0) == expected
