"""Temporal expressions: hand-written cases, the derived gold set, and spaCy documents."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsgraph.dates import find_dates, resolve_date
from newsgraph.evaluation.dates import GOLD_PATH as GOLD_NAME
from newsgraph.evaluation.dates import agrees as _agrees

REF = dt.date(2024, 3, 15)  # a Friday

CASES = [
    # expression, (start, end, type)
    ("Tuesday", ("2024-03-12", None, "exact")),
    ("on Friday", ("2024-03-15", None, "exact")),
    ("last Friday", ("2024-03-08", None, "exact")),
    ("next Monday", ("2024-03-18", None, "exact")),
    ("Wednesday night", ("2024-03-13", None, "exact")),
    ("yesterday", ("2024-03-14", None, "exact")),
    ("last night", ("2024-03-14", None, "exact")),
    ("this morning", ("2024-03-15", None, "exact")),
    ("three days ago", ("2024-03-12", None, "exact")),
    ("about two weeks ago", ("2024-03-01", None, "approximate")),
    ("a few days ago", ("2024-03-12", None, "approximate")),
    ("Feb. 29, 2024", ("2024-02-29", None, "exact")),
    ("12 January 2021", ("2021-01-12", None, "exact")),
    ("Sept. 3", ("2023-09-03", None, "exact")),
    ("March 2", ("2024-03-02", None, "exact")),
    ("2023-11-05", ("2023-11-05", None, "exact")),
    ("21/10/2022", ("2022-10-21", None, "exact")),
    ("in 2015", ("2015-01-01", "2015-12-31", "range")),
    ("the year 2015", ("2015-01-01", "2015-12-31", "range")),
    ("March 2016", ("2016-03-01", "2016-03-31", "range")),
    ("in June", ("2023-06-01", "2023-06-30", "range")),
    ("since 2009", ("2009-01-01", "2024-03-15", "range")),
    ("last week", ("2024-03-04", "2024-03-10", "range")),
    ("next month", ("2024-04-01", "2024-04-30", "range")),
    ("this year", ("2024-01-01", "2024-12-31", "range")),
    ("last year", ("2023-01-01", "2023-12-31", "range")),
    ("the past three years", ("2021-03-15", "2024-03-15", "range")),
    ("Q4 2022", ("2022-10-01", "2022-12-31", "range")),
    ("Oct. 3-5", ("2023-10-03", "2023-10-05", "range")),
    ("from Monday to Wednesday", ("2024-03-11", "2024-03-13", "range")),
    ("between 2010 and 2012", ("2010-01-01", "2012-12-31", "range")),
    ("December to February", ("2023-12-01", "2024-02-29", "range")),
    ("the 1980s", ("1980-01-01", "1989-12-31", "approximate")),
    ("early 2019", ("2019-01-01", None, "approximate")),
    ("late last month", ("2024-02-29", None, "approximate")),
    ("mid-July", ("2023-07-16", None, "approximate")),
    ("over the weekend", ("2024-03-09", "2024-03-10", "approximate")),
    ("at 7:15 a.m. on Monday", ("2024-03-11", None, "exact")),
    ("recently", (None, None, "unresolved")),
    ("of late", (None, None, "unresolved")),
    ("Easter Sunday", (None, None, "unresolved")),
    ("the day after the election", (None, None, "unresolved")),
    ("four years of war", (None, None, "unresolved")),
    ("winter 2018", (None, None, "unresolved")),
    ("", (None, None, "unresolved")),
]


@pytest.mark.parametrize("expression, expected", CASES)
def test_resolve_date(expression, expected):
    got = resolve_date(expression, REF)
    assert (got.start, got.end, got.type) == expected
    assert got.text == expression


NO_REFERENCE = [
    ("Tuesday", (None, None, "unresolved")),
    ("last week", (None, None, "unresolved")),
    ("three days ago", (None, None, "unresolved")),
    ("March 12", (None, None, "unresolved")),
    ("in 2015", ("2015-01-01", "2015-12-31", "range")),
    ("June 4, 1989", ("1989-06-04", None, "exact")),
    ("since 2009", ("2009-01-01", None, "range")),
    ("the 1990s", ("1990-01-01", "1999-12-31", "approximate")),
    ("21/10/2022", ("2022-10-21", None, "exact")),
]


@pytest.mark.parametrize("expression, expected", NO_REFERENCE)
def test_resolve_without_reference(expression, expected):
    got = resolve_date(expression, None)
    assert (got.start, got.end, got.type) == expected


def test_hemisphere_resolves_seasons():
    got = resolve_date("summer 2019", REF, hemisphere="north")
    assert (got.start, got.end, got.type) == ("2019-06-01", "2019-08-31", "approximate")


def test_never_raises_on_odd_input():
    for junk in ["Feb 30", "31-2 May", "9999999 years ago", "(((", "Q9 2020", "the 45th"]:
        assert resolve_date(junk, REF).type in ("exact", "approximate", "range", "unresolved")


# --- the derived gold set ---------------------------------------------------

def test_gold_set_agreement(shared_data):
    gold = shared_data / GOLD_NAME
    cases = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    misses = []
    for case in cases:
        got = resolve_date(case["expr"], dt.date.fromisoformat(case["ref_date"]))
        if not _agrees(case, got):
            misses.append((case["expr"], case["ref_date"], case["expected_start"], got))
    score = (len(cases) - len(misses)) / len(cases)
    print(f"\ndate gold set: {len(cases) - len(misses)}/{len(cases)} = {score:.1%} exact agreement")
    for miss in misses:
        print("  miss:", miss)
    assert score >= 0.85


# --- spaCy documents ----------------------------------------------------------


def test_find_dates(nlp):
    text = (
        "Officials said on Tuesday that the strike, which began last week after three days of talks "
        "collapsed, was the longest since 2009. The 52-year-old union leader was first elected in "
        "March 2016, 10 years ago."
    )
    doc = nlp(text)
    found = {d.text: d for d in find_dates(doc, REF)}
    for d in found.values():
        assert text[d.span[0] : d.span[1]] == d.text
    assert (found["Tuesday"].start, found["Tuesday"].type) == ("2024-03-12", "exact")
    assert (found["last week"].start, found["last week"].end) == ("2024-03-04", "2024-03-10")
    assert (found["since 2009"].start, found["since 2009"].end) == ("2009-01-01", "2024-03-15")
    assert found["March 2016"].type == "range"
    assert found["10 years ago"].start == "2014-03-15"
    assert "three days" not in found  # a duration, not a date
    assert not any("year-old" in key for key in found)  # an age


@pytest.mark.parametrize(
    "text, published, day, expected",
    [
        # A day named without a year, months before publication, takes the year the article
        # last named outright: the 2001 attacks, the 2012 one.
        ("The attacks of Sept. 11, 2001, changed him. After the Sept. 11 attacks he enlisted.", "2016-02-17", "Sept. 11", "2001-09-11"),
        ("Petraeus testified on November 12, 2012. The September 11th attack came first.", "2015-12-04", "September 11th", "2012-09-11"),
        # Without a full date before it, or close before publication, it is the latest such day:
        # a year alone is background ("in 2007"), not the story's year.
        ("After the Sept. 11 attacks he enlisted.", "2016-02-17", "Sept. 11", "2015-09-11"),
        ("He voted for it in 2007. After the Sept. 11 attacks he enlisted.", "2016-02-17", "Sept. 11", "2015-09-11"),
        ("He was elected on Nov. 6, 2012. The rally on Nov. 30 drew thousands.", "2015-12-04", "Nov. 30", "2015-11-30"),
        # A year named before that is no earlier than publication's is no context for a past day.
        ("The race began on Jan. 4, 2016. On Sept. 11 he enlisted.", "2016-02-17", "Sept. 11", "2015-09-11"),
    ],
)
def test_a_yearless_day_takes_the_year_its_article_names(nlp, text, published, day, expected):
    import datetime as dt

    found = find_dates(nlp(text), dt.date.fromisoformat(published))
    assert [d.start for d in found if d.text == day] == [expected]


def test_find_dates_without_reference(nlp):
    doc = nlp("The treaty was signed on June 4, 1989, and amended last year.")
    found = {d.text: d for d in find_dates(doc, None)}
    assert found["June 4, 1989"].start == "1989-06-04"
    assert found["last year"].type == "unresolved"


@pytest.mark.parametrize(
    "text, expected",
    [
        # the tagger runs the date on past a spaced dash into words that name no time
        ("The two groups intensified their cooperation in the year 2015 - so reports the agency.", "the year 2015"),
        # a range across a dash stays whole
        ("The talks ran from 2014 - 2015 in Geneva.", "2014 - 2015"),
        ("The fighting went on from May - June 2015.", "May - June 2015"),
    ],
)
def test_find_dates_span_stops_before_a_dangling_dash_tail(nlp, text, expected):
    doc = nlp(text)
    texts = [d.text for d in find_dates(doc, REF)]
    spans = [text[d.span[0] : d.span[1]] for d in find_dates(doc, REF)]
    assert expected in texts and texts == spans


@pytest.mark.parametrize(
    "text, expected",
    [
        # A clause that looks ahead reads a yearless month or a bare weekday forward ...
        ("Sanders supporters are expected to back Clinton in November.", "2016-11-01"),
        ("Kerry will meet Lavrov on Monday.", "2016-06-13"),
        ("The talks are scheduled for March 3.", "2017-03-03"),
        ("Ryan and Trump will meet sometime next week.", "2016-06-13"),
        # ... the past, a stated year and "last" stay as they are.
        ("Kerry met Lavrov on Monday.", "2016-06-06"),
        ("Clinton won Iowa in February.", "2016-02-01"),
        ("The vote will take place in November 2015.", "2015-11-01"),
        ("He will return to the talks he left last Monday.", "2016-06-06"),
    ],
)
def test_future_clauses_read_dates_forward(nlp, text, expected):
    (found,) = find_dates(nlp(text), dt.date(2016, 6, 8))
    assert found.start == expected
