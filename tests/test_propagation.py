"""The temporal network: derived windows and located contradictions (timeline.propagation)."""

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.io import check_text
from timeline.models import Event
from timeline.propagation import solve

HEADER = "title: t\ntracks: [x]\nevents:\n"


def event(id: str, date: str | None = None, *relations: tuple[str, str], **extra: Any) -> Event:
    """An event in track x with ``relations`` given as (type, target) pairs."""
    data: dict[str, Any] = {"id": id, "title": id.title(), "track": "x", **extra}
    if date is not None:
        data["date"] = date
    data["relations"] = [{"type": t, "event": e} for t, e in relations]
    return Event.model_validate(data)


def windows(events: list[Event]) -> dict[str, tuple[str | None, str | None]]:
    solution = solve(events)
    assert not solution.contradictions, solution.contradictions
    return {
        e.id: tuple(d.isoformat() if d else None for d in solution.window(n))  # type: ignore[misc]
        for n, e in enumerate(events)
    }


def located(text: str) -> list[str]:
    """Every diagnostic of events-file text as 'LINE: message'."""
    return [f"{d.line}: {d.message}" for d in check_text(HEADER + text).diagnostics]


# Derived windows


def test_an_undated_event_after_a_dated_one_starts_no_earlier_than_it() -> None:
    found = windows(
        [
            event("agreed", "2023-06-18"),
            event("reciprocal", None, ("after", "agreed"), status="planned"),
        ]
    )
    assert found["reciprocal"] == ("2023-06-18", None)


def test_relations_on_both_sides_give_a_closed_window() -> None:
    found = windows(
        [
            event("agreed", "2023-06-18"),
            event("visit", None, ("after", "agreed"), ("before", "summit")),
            event("summit", "2023-07-02"),
        ]
    )
    assert found["visit"] == ("2023-06-18", "2023-07-03")


def test_a_year_only_event_narrows_to_what_its_relations_allow() -> None:
    found = windows([event("agreed", "2023-06-18"), event("later", "2023", ("after", "agreed"))])
    assert found["later"] == ("2023-06-18", "2024-01-01")


def test_bounds_travel_along_chains_of_undated_events_both_ways() -> None:
    found = windows(
        [
            event("start", "2023-06-18"),
            event("u1", None, ("after", "start")),
            event("u2", None, ("after", "u1"), ("before", "end")),
            event("end", "2023-09"),
        ]
    )
    assert found["u1"] == ("2023-06-18", "2023-10-01")
    assert found["u2"] == ("2023-06-18", "2023-10-01")


def test_a_part_is_bounded_by_its_container() -> None:
    found = windows(
        [event("visit", "2023-06-18/2023-06-19"), event("talk", None, ("part_of", "visit"))]
    )
    assert found["talk"] == ("2023-06-18", "2023-06-20")


def test_an_event_with_no_date_and_no_relation_is_unbounded() -> None:
    assert windows([event("alone")])["alone"] == (None, None)


def test_a_postponed_event_stands_at_its_planned_date() -> None:
    found = windows([event("trip", None, status="postponed", planned="2023-02")])
    assert found["trip"] == ("2023-02-01", "2023-03-01")


def test_a_long_chain_of_after_fits_in_one_day() -> None:
    events = [event("e0", "2023-06-19")]
    events += [event(f"e{n}", "2023-06-19", ("after", f"e{n - 1}")) for n in range(1, 200)]
    solution = solve(events)
    assert not solution.contradictions
    starts = [solution.lower[2 * n] for n in range(200)]
    assert starts == sorted(set(starts))  # strictly rising: the order sorts them in sequence
    assert solution.window(199) == (date(2023, 6, 19), date(2023, 6, 20))


def test_deep_chains_do_not_recurse() -> None:
    events = [event("e0", "2023-01-01")]
    events += [event(f"e{n}", None, ("after", f"e{n - 1}")) for n in range(1, 5000)]
    assert windows(events)["e4999"] == ("2023-01-01", None)


def test_starts_with_cycles_settle() -> None:
    found = windows(
        [
            event("a", None, ("starts_with", "b")),
            event("b", None, ("starts_with", "c")),
            event("c", "2023-06-18/2023-06-20", ("starts_with", "a")),
        ]
    )
    assert found["a"] == ("2023-06-18", None)


# Contradictions, located


def test_a_before_cycle_is_an_error_at_each_relation_naming_the_chain() -> None:
    found = located(
        "  - id: a\n    title: A\n    track: x\n    relations:\n"
        "      - {type: before, event: b}\n"
        "  - id: b\n    title: B\n    track: x\n    relations:\n"
        "      - {type: before, event: a}\n"
    )
    chain = "'a' --before--> 'b' --before--> 'a' goes back in time"
    assert len(found) == 2
    assert found[0].startswith("8: contradiction: " + chain)
    assert found[0].endswith("(relation 1 of 2 in the chain)")
    assert found[1].startswith("13: contradiction: " + chain)
    assert found[1].endswith("(relation 2 of 2 in the chain)")


def test_a_longer_cycle_names_every_event() -> None:
    found = located(
        "  - {id: a, title: A, track: x, relations: [{type: before, event: b}]}\n"
        "  - {id: b, title: B, track: x, relations: [{type: before, event: c}]}\n"
        "  - {id: c, title: C, track: x, relations: [{type: causes, event: a}]}\n"
        "  - {id: d, title: D, track: x, relations: [{type: after, event: c}]}\n"
    )
    assert [line.split(":")[0] for line in found] == ["4", "5", "6"]
    chain = "'a' --before--> 'b' --before--> 'c' --causes--> 'a' goes back in time"
    assert all(chain in line for line in found)


def test_a_cause_after_its_effect_is_an_error() -> None:
    found = located(
        "  - {id: crisis, title: C, date: 2023-07, track: x,"
        " relations: [{type: causes, event: talks}]}\n"
        "  - {id: talks, title: T, date: 2023-06, track: x}\n"
    )
    assert found == [
        "4: contradiction: 'crisis' (2023-07) --causes--> 'talks' (2023-06) is ruled out by "
        "the dates: a cause cannot start after its effect"
    ]


def test_a_relation_the_dates_rule_out_reads_in_time_order() -> None:
    found = located(
        "  - {id: late, title: L, date: 2023-05, track: x}\n"
        "  - {id: early, title: E, date: 2023-04, track: x,"
        " relations: [{type: after, event: late}]}\n"
    )
    assert found == [
        "5: contradiction: 'late' (2023-05) <--after-- 'early' (2023-04) is ruled out by the "
        "dates: an event cannot start before the one it is after has ended"
    ]


def test_a_part_outside_its_container_is_an_error() -> None:
    found = located(
        "  - {id: visit, title: V, date: 2023-06-18/2023-06-19, track: x}\n"
        "  - {id: talk, title: T, date: 2023-06-21, track: x,"
        " relations: [{type: part_of, event: visit}]}\n"
    )
    assert found == [
        "5: contradiction: 'talk' (2023-06-21) --part_of--> 'visit' (2023-06-18/2023-06-19) is "
        "ruled out by the dates: a part must lie inside the span of what it is part of"
    ]


def test_a_chain_through_undated_events_names_the_dates_at_both_ends() -> None:
    found = located(
        "  - {id: a, title: A, date: 2023-06, track: x, relations: [{type: before, event: u}]}\n"
        "  - {id: u, title: U, track: x, relations: [{type: before, event: b}]}\n"
        "  - {id: b, title: B, date: 2023-05, track: x}\n"
    )
    chain = "'a' (2023-06) --before--> 'u' --before--> 'b' (2023-05)"
    assert [line.split(":")[0] for line in found] == ["4", "5"]
    assert all(chain in line for line in found)


def test_independent_contradictions_are_all_reported_and_the_rest_still_solved() -> None:
    events = [
        event("a", "2023-06", ("before", "b")),
        event("b", "2023-05"),
        event("c", "2023-01", ("causes", "d")),
        event("d", "2022"),
        event("e", None, ("after", "b")),
    ]
    solution = solve(events)
    assert [c.links[0].owner for c in solution.contradictions] == [0, 2]
    assert solution.window(4)[0] == date(2023, 5, 1)


def test_approximate_dates_are_not_contradicted_by_their_padding() -> None:
    found = located(
        "  - {id: a, title: A, date: 2023-06~, track: x, relations: [{type: before, event: b}]}\n"
        "  - {id: b, title: B, date: 2023-06-10, track: x}\n"
    )
    assert found == []


# Determinism

EVENTS = [
    event("bali", "2022-11"),
    event(
        "trip",
        None,
        ("after", "bali"),
        ("rescheduled_as", "visit"),
        status="postponed",
        planned="2023-02",
    ),
    event("balloon", "2023-02", ("postpones", "trip")),
    event("visit", "2023-06-18/2023-06-19", ("after", "balloon")),
    event("talks", "2023-06-18", ("part_of", "visit")),
    event("agreed", None, ("part_of", "talks")),
    event("reciprocal", None, ("after", "agreed"), ("before", "summit")),
    event("summit", "2023-11"),
    event("remark", "2023", ("responds_to", "balloon"), ("starts_with", "agreed")),
]


@settings(max_examples=60, deadline=None)
@given(st.permutations(EVENTS))
def test_windows_do_not_depend_on_the_order_of_events(events: list[Event]) -> None:
    assert windows(events) == windows(EVENTS)


@settings(max_examples=30, deadline=None)
@given(st.permutations([*EVENTS, event("late", "2024", ("before", "bali"))]))
def test_the_same_relations_are_found_contradicted_in_any_order(events: list[Event]) -> None:
    solution = solve(events)
    flagged = {
        (events[link.owner].id, link.type, events[link.target].id)
        for contradiction in solution.contradictions
        for link in contradiction.links
    }
    assert flagged == {("late", "before", "bali")}
