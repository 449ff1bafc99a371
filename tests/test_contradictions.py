"""How a contradiction reads, given its chain (timeline.contradictions).

The network that finds the chains is tested in test_propagation.py; here the chains are given.
"""

from timeline.contradictions import Contradiction, Link, contradiction_problems, describe
from timeline.dates import parse_edtf
from timeline.models import Event


def _event(id: str) -> Event:
    return Event.model_validate({"id": id, "title": id.title(), "track": "x"})


EVENTS = [_event("a"), _event("b")]
DATES = [parse_edtf("2023-07"), parse_edtf("2023-06")]
A_BEFORE_B = Link(owner=0, index=0, target=1, type="before")
B_BEFORE_A = Link(owner=1, index=0, target=0, type="before")


def test_a_cycle_starts_at_the_first_entry_in_the_file_and_shows_no_dates() -> None:
    # Variables: event i starts at 2 * i and ends at 2 * i + 1.
    steps = [(2, 1, 1), (0, 3, 0)]  # the chain found from b's relation first
    found = describe(steps, cyclic=True, events=EVENTS, dates=DATES, links=[A_BEFORE_B, B_BEFORE_A])
    assert found.links == (A_BEFORE_B, B_BEFORE_A)
    assert found.message == (
        "contradiction: 'a' --before--> 'b' --before--> 'a' goes back in time; "
        "remove or correct one of these relations"
    )


def test_a_chain_between_dates_shows_them_and_says_the_rule() -> None:
    found = describe([(1, 2, 0)], cyclic=False, events=EVENTS, dates=DATES, links=[A_BEFORE_B])
    assert found.message.startswith(
        "contradiction: 'a' (2023-07) --before--> 'b' (2023-06) is ruled out by the dates: "
    )


def test_each_relation_of_a_chain_gets_an_error_that_says_which_it_is() -> None:
    chain = Contradiction((A_BEFORE_B, B_BEFORE_A), "contradiction: loop")
    single = Contradiction((A_BEFORE_B,), "contradiction: late")
    problems = contradiction_problems([chain, single])
    assert [(p.path, p.message, p.severity) for p in problems] == [
        (
            ("events", 0, "relations", 0),
            "contradiction: loop (relation 1 of 2 in the chain)",
            "error",
        ),
        (
            ("events", 1, "relations", 0),
            "contradiction: loop (relation 2 of 2 in the chain)",
            "error",
        ),
        (("events", 0, "relations", 0), "contradiction: late", "error"),
    ]
    assert contradiction_problems([]) == []
