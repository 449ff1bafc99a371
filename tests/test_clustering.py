"""Merging candidates across articles: name variants, compatible and conflicting dates."""

from __future__ import annotations

from timeline.clustering import canonical_names, cluster
from timeline.models import Event, SourceRef
from timeline.names import Spelling, name_key


def _event(
    source: str, date: str | None, actors: tuple[str, ...], kind: str = "meeting", **extra: object
) -> Event:
    return Event(
        id=f"{source}-1",
        title=str(extra.pop("title", " meets ".join(actors) or kind)),
        date=date,
        track="Visits and meetings",
        actors=actors,
        tags=(kind,),
        sources=(SourceRef(source=source, span=(0, 10)),),
        origin="extracted",
        confidence=0.6,
        **extra,  # type: ignore[arg-type]
    )


def test_name_keys_fold_spelling_variants() -> None:
    assert name_key("Antony Blinken") == name_key("Anthony Blinken")
    assert name_key("Qin Gang") == name_key("Chen Gang")
    assert name_key("Wang Yi") != name_key("Xi Jinping")


def test_single_words_go_to_the_full_name_by_exact_spelling() -> None:
    mapping = canonical_names(
        [_event("a", None, ("Joe Biden", "China")), _event("b", None, ("Biden", "Qin Gang"))]
    )
    assert mapping["Biden"] == "Joe Biden"
    assert mapping["China"] == "China"


def test_name_variants_do_not_split_an_event() -> None:
    events = cluster(
        [
            _event("a", "2023-06-18", ("Antony Blinken", "Qin Gang")),
            _event("b", "2023-06-18", ("Anthony Blinken", "Chen Gang")),
            _event("c", "2023-06-18", ("Antony Blinken", "Qin Gang")),
        ]
    )
    assert len(events) == 1
    assert events[0].actors == ("Antony Blinken", "Qin Gang")
    assert [r.source for r in events[0].sources] == ["a", "b", "c"]


def test_rival_counterparts_are_different_meetings() -> None:
    events = cluster(
        [
            _event("a", "2023-06-19", ("Antony Blinken", "Wang Yi")),
            _event("b", "2023-06-19", ("Antony Blinken", "Xi Jinping")),
        ]
    )
    assert len(events) == 2


def test_a_year_and_a_month_of_it_merge_into_the_month() -> None:
    events = cluster(
        [
            _event("a", "2022-11", ("Joe Biden", "Xi Jinping")),
            _event("b", "2022", ("Biden", "Xi Jinping"), kind="summit"),
        ]
    )
    assert [str(e.date) for e in events] == ["2022-11"]


def test_different_years_stay_apart() -> None:
    events = cluster(
        [
            _event("a", "2018-10", ("Mike Pompeo",), kind="visit"),
            _event("b", "2023-06", ("Mike Pompeo",), kind="visit"),
        ]
    )
    assert len(events) == 2


def test_conflicting_dates_are_kept_and_flagged() -> None:
    events = cluster(
        [
            _event("a", "2023-06-18", ("Ann Lee",), kind="visit", place="Rome"),
            _event("b", "2023-06-20", ("Ann Lee",), kind="visit", place="Rome"),
            _event("c", "2023-06-18", ("Ann Lee",), kind="visit", place="Rome"),
        ]
    )
    (event,) = events
    assert str(event.date) == "2023-06-18?"
    assert "date-conflict" in event.tags
    assert event.description == "Sources disagree on the date: 2023-06-18 (a, c); 2023-06-20 (b)."
    assert len(event.sources) == 3


def test_undated_meetings_only_add_sources() -> None:
    dated = _event("a", "2023-06-19", ("Antony Blinken", "Xi Jinping"))
    support = _event("b", None, ("Xi Jinping", "Antony Blinken", "Wang Yi"))
    alone = _event("c", None, ("Ann Lee", "Bo Chan"))
    (event,) = cluster([dated, support, alone])
    assert [r.source for r in event.sources] == ["a", "b"]
    assert event.actors == ("Antony Blinken", "Xi Jinping")


def test_statuses_vote_and_titles_follow() -> None:
    events = cluster(
        [
            _event("a", "2023-02", ("Ann Lee",), kind="visit", status="postponed"),
            _event("b", "2023-02", ("Ann Lee",), kind="visit", status="cancelled"),
            _event("c", "2023-02", ("Ann Lee",), kind="visit", status="postponed"),
        ]
    )
    (event,) = events
    assert event.status == "postponed"
    assert event.title.endswith("(postponed)")


def test_result_is_independent_of_duplicates_and_ids_are_unique() -> None:
    events = cluster([_event(s, "2023-06-19", (f"Person {s.upper()}", "Zed Q")) for s in "ab"])
    assert len({e.id for e in events}) == len(events)


def test_the_spelling_written_with_a_title_wins_over_the_most_used() -> None:
    candidates = [
        _event("a", "2023-06-18", ("Anthony Blinken", "Qin Gang")),
        _event("b", "2023-06-18", ("Anthony Blinken", "Qin Gang")),
        _event("c", "2023-06-18", ("Antony Blinken", "Qin Gang")),
    ]
    spellings = [
        Spelling("a", "Anthony Blinken", titled=False),
        Spelling("b", "Anthony Blinken", titled=False),
        Spelling("c", "Antony Blinken", titled=True),
    ]
    (event,) = cluster(candidates, spellings=spellings)
    assert event.actors == ("Antony Blinken", "Qin Gang")


def test_without_titles_the_spelling_in_more_sources_wins_not_the_alphabet() -> None:
    candidates = [
        _event("a", "2023-06-18", ("Anthony Blinken",)),
        _event("a", "2023-06-18", ("Anthony Blinken",)),
        _event("b", "2023-06-18", ("Antony Blinken",)),
        _event("c", "2023-06-18", ("Antony Blinken",)),
    ]
    assert canonical_names(candidates)["Anthony Blinken"] == "Antony Blinken"
    only_counts = candidates[:2] + candidates[2:3]
    assert canonical_names(only_counts)["Antony Blinken"] == "Anthony Blinken"


def test_a_year_that_clusters_with_a_month_keeps_the_month_even_when_postponed() -> None:
    year = _event("a", "2023", ("Ann Lee",), kind="visit", status="postponed")
    month = _event("b", "2023-02", ("Ann Lee",), kind="visit", status="postponed")
    for order in ([year, month], [month, year]):
        (event,) = cluster(order)
        assert str(event.planned) == "2023-02"
        assert [r.source for r in event.sources] == ["a", "b"]


def test_short_names_in_titles_stay_short_and_full_variants_are_respelled() -> None:
    short = _event(
        "a", "2023-06-18", ("Biden", "Anthony Blinken"), title="Biden meets Anthony Blinken"
    )
    full = _event("b", "2022-01-01", ("Joe Biden", "Antony Blinken"), kind="visit", place="Rome")
    other = _event("c", "2021-01-01", ("Antony Blinken",), kind="visit", place="Oslo")
    titles = {e.title: e.actors for e in cluster([short, full, other])}
    assert titles["Biden meets Antony Blinken"] == ("Joe Biden", "Antony Blinken")
