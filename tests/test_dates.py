"""EDTF parsing, formatting, bounds and relations (timeline.dates)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import dates
from timeline.dates import (
    Interval,
    PartialDate,
    Precision,
    Qualifier,
    Relation,
    parse_edtf,
    relation,
    sort_key,
)
from timeline.errors import DateSyntaxError, TimelineError


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        pytest.param("2018", Precision.YEAR, date(2018, 1, 1), date(2019, 1, 1), id="year"),
        pytest.param("2023-02", Precision.MONTH, date(2023, 2, 1), date(2023, 3, 1), id="month"),
        pytest.param("2024-02-29", Precision.DAY, date(2024, 2, 29), date(2024, 3, 1), id="leap"),
        pytest.param("2023-12", Precision.MONTH, date(2023, 12, 1), date(2024, 1, 1), id="dec"),
        pytest.param("2023-21", Precision.SEASON, date(2023, 3, 1), date(2023, 6, 1), id="spring"),
        pytest.param(
            "2023-24",
            Precision.SEASON,
            date(2023, 12, 1),
            date(2024, 3, 1),
            id="winter-spans-years",
        ),
        pytest.param("201X", Precision.DECADE, date(2010, 1, 1), date(2020, 1, 1), id="decade"),
        pytest.param("19XX", Precision.CENTURY, date(1900, 1, 1), date(2000, 1, 1), id="century"),
        pytest.param(
            "2023-06-18/2023-06-19",
            Precision.DAY,
            date(2023, 6, 18),
            date(2023, 6, 20),
            id="interval",
        ),
        pytest.param("2018/..", Precision.YEAR, date(2018, 1, 1), date.max, id="open-end"),
        pytest.param("../2018", Precision.YEAR, date.min, date(2019, 1, 1), id="open-start"),
        pytest.param("2018/", Precision.YEAR, date(2018, 1, 1), date.max, id="unknown-end"),
    ],
)
def test_bounds_are_half_open_at_the_written_precision(
    text: str, precision: Precision, earliest: date, latest: date
) -> None:
    value = parse_edtf(text)
    assert (value.precision, value.earliest, value.latest) == (precision, earliest, latest)
    assert str(value) == text


@pytest.mark.parametrize(
    ("text", "fuzzy_earliest", "fuzzy_latest"),
    [
        pytest.param("2023-06-18", date(2023, 6, 18), date(2023, 6, 19), id="exact-no-padding"),
        pytest.param("2023-06-18~", date(2023, 6, 15), date(2023, 6, 22), id="approx-day"),
        pytest.param("2023-06?", date(2023, 5, 1), date(2023, 8, 1), id="uncertain-month"),
        pytest.param("2023%", date(2021, 1, 1), date(2026, 1, 1), id="both-year-twice"),
    ],
)
def test_qualifiers_widen_fuzzy_bounds_only(
    text: str, fuzzy_earliest: date, fuzzy_latest: date
) -> None:
    value = parse_edtf(text)
    assert (value.fuzzy_earliest, value.fuzzy_latest) == (fuzzy_earliest, fuzzy_latest)
    unqualified = parse_edtf(text.rstrip("?~%"))
    assert (value.earliest, value.latest) == (unqualified.earliest, unqualified.latest)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("2023-13", "month must be 01-12", id="month"),
        pytest.param("2023-02-29", "day 29 is not in February 2023", id="not-leap"),
        pytest.param("2023-04-31", "day 31 is not in April 2023", id="april"),
        pytest.param("0000", "no BCE dates or year zero", id="year-zero"),
        pytest.param("-0044", "Cannot read date '-0044'", id="bce"),
        pytest.param("23", "Use EDTF such as", id="short-year"),
        pytest.param("2023-6-1", "Use EDTF such as", id="unpadded"),
        pytest.param("June 2023", "Use EDTF such as", id="prose"),
        pytest.param("2023-22-01", "a season takes no day", id="season-day"),
        pytest.param(
            "2023-06-19/2023-06-18", r"ends \(2023-06-18\) before it starts", id="reversed"
        ),
        pytest.param("2023/2024/2025", "it needs one '/'", id="two-slashes"),
        pytest.param("/", "needs a start or an end", id="empty-interval"),
        pytest.param("../..", "needs a start or an end", id="both-open"),
        pytest.param("", "Cannot read date ''", id="empty"),
    ],
)
def test_bad_dates_raise_a_value_error_that_says_why(text: str, message: str) -> None:
    with pytest.raises(DateSyntaxError, match=message) as caught:
        parse_edtf(text)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, TimelineError)


def test_non_strings_are_api_misuse() -> None:
    with pytest.raises(TypeError):
        parse_edtf(2018)  # type: ignore[arg-type]


def test_year_9999_is_refused_because_its_end_is_not_a_date() -> None:
    with pytest.raises(DateSyntaxError, match="outside 0001-9998"):
        parse_edtf("9999")


def test_parts_are_stored_as_given() -> None:
    value = PartialDate.parse("2023-06~")
    assert (value.year, value.month, value.day) == (2023, 6, None)
    assert value.qualifier is Qualifier.APPROXIMATE
    assert not value.is_exact


def test_repr_round_trips_through_eval() -> None:
    for text in ("2023-06-18", "2023?", "2018/..", "201X"):
        value = parse_edtf(text)
        assert eval(repr(value), vars(dates)) == value


def test_relation_answers_only_what_the_bounds_make_certain() -> None:
    assert relation(parse_edtf("2018-10"), parse_edtf("2023")) is Relation.BEFORE
    assert relation(parse_edtf("2023-06-19"), parse_edtf("2023-06-18")) is Relation.AFTER
    assert relation(parse_edtf("2023"), parse_edtf("2023-06")) is Relation.UNKNOWN
    assert relation(parse_edtf("2023-06-18"), parse_edtf("2023-06-18")) is Relation.EQUAL
    span = parse_edtf("2023-06-18/2023-06-19")
    assert relation(span, parse_edtf("2023-06-19")) is Relation.OVERLAPS
    # About a day: the padding makes the order unknown although the strict bounds do not touch.
    assert relation(parse_edtf("2023-06-17~"), parse_edtf("2023-06-19")) is Relation.UNKNOWN


# Properties ---------------------------------------------------------------------------------

qualifiers = st.sampled_from(list(Qualifier))


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    year = draw(st.integers(min_value=1, max_value=9998))
    qualifier = draw(qualifiers)
    kind = draw(st.sampled_from(["year", "month", "day", "season", "decade", "century"]))
    if kind == "decade":
        return PartialDate(year - year % 10 or 10, unspecified_digits=1, qualifier=qualifier)
    if kind == "century":
        return PartialDate(year - year % 100 or 100, unspecified_digits=2, qualifier=qualifier)
    if kind == "year":
        return PartialDate(year, qualifier=qualifier)
    if kind == "season":
        return PartialDate(year, draw(st.integers(21, 24)), qualifier=qualifier)
    day = draw(st.dates(min_value=date(year, 1, 1), max_value=date(year, 12, 31)))
    if kind == "month":
        return PartialDate(year, day.month, qualifier=qualifier)
    return PartialDate(year, day.month, day.day, qualifier=qualifier)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    a, b = sorted([draw(partial_dates()), draw(partial_dates())], key=lambda d: d.earliest)
    if b.latest <= a.earliest:
        b = a
    end = draw(st.sampled_from(["date", "open", "unknown"]))
    return Interval(a, b if end == "date" else None, end_open=end == "open")


@given(partial_dates() | intervals())
def test_format_then_parse_gives_the_same_value(value: PartialDate | Interval) -> None:
    text = str(value)
    assert parse_edtf(text) == value
    assert str(parse_edtf(text)) == text


@given(partial_dates() | intervals())
def test_bounds_are_nonempty_and_fuzzy_bounds_contain_strict(value: PartialDate | Interval) -> None:
    assert value.earliest < value.latest
    assert value.fuzzy_earliest <= value.earliest
    assert value.latest <= value.fuzzy_latest


@given(partial_dates())
def test_a_date_contains_every_finer_date_inside_it(value: PartialDate) -> None:
    finer = PartialDate.parse(value.earliest.isoformat())
    assert value.earliest <= finer.earliest < finer.latest <= value.latest


@given(st.lists(partial_dates() | intervals(), min_size=2, max_size=12), st.randoms())
def test_sorting_is_independent_of_input_order_and_agrees_with_relation(
    values: list[PartialDate | Interval], rng: object
) -> None:
    shuffled = list(values)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    first = sorted(values, key=sort_key)
    second = sorted(shuffled, key=sort_key)
    assert [sort_key(v) for v in first] == [sort_key(v) for v in second]
    for i, a in enumerate(first):
        for b in first[i + 1 :]:
            assert relation(a, b) is not Relation.AFTER or sort_key(a) == sort_key(b)
