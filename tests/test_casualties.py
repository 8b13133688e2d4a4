"""Casualty counts read from the parse: what a sentence says was killed, injured, arrested."""

from __future__ import annotations

import pytest

from newsgraph.casualties import casualties

# (sentence, (killed, injured, arrested), approximate)
COUNTS = [
    ("At least 12 people were killed in the attack.", (12, None, None), True),
    ("Militants attacked a bus, killing 5.", (5, None, None), False),
    ("The blast left 3 dead and 20 wounded.", (3, 20, None), False),
    ("Police arrested 40 protesters in Cairo.", (None, None, 40), False),
    ("Two soldiers and three civilians died on Monday.", (5, None, None), False),
    ("The death toll rose to 30.", (30, None, None), False),
    ("A bomb killed 12 people, bringing the death toll to 30.", (30, None, None), False),
    ("Twenty-five people were killed, including 3 children.", (25, None, None), False),
    ("The attack killed three Palestinians and wounded 14 others.", (3, 14, None), False),
    ("Clashes left five people dead and dozens wounded.", (5, 24, None), True),
    ("Dozens of people were injured and two dozen were detained.", (None, 24, 24), True),
    ("Hundreds of demonstrators were arrested.", (None, None, 200), True),
    ("The 12 deaths shocked the town.", (12, None, None), False),
    ("Security forces detained more than 100 students.", (None, None, 100), True),
    ("Israeli troops shot dead two Palestinians.", (2, None, None), False),
    ("Seven people were hurt and 12 arrested.", (None, 7, 12), False),
    ("At least 1,200 people have died since 2011.", (1200, None, None), True),
    ("The army said 2 of the 3 hostages were killed.", (2, None, None), False),
    ("Three US servicemen were killed by an improvised explosive device.", (3, None, None), False),
    ("Police opened fire, killing one person and arresting 12.", (1, None, 12), False),
]

# Sentences that state no count of people harmed or arrested.
NO_COUNTS = [
    "The Senate killed the bill on Tuesday.",  # a bill, no number
    "Israel won 5-0, killing the bill by 3 percent.",  # a score, a share
    "Prices rose 3 percent in 2014.",  # a share, a year
    "A 35-year-old man was killed on Route 9.",  # an age, a road
    "He paid $5 million to 3 officials.",  # money; officials paid, not harmed
    "Three tanks were destroyed.",  # not people
    "Police held 3 meetings on 12 May.",  # not people, a date
    "Gunmen killed a policeman.",  # no number stated
    "Five people were not killed.",  # negated
    "Several people were injured.",  # a vague amount with no least value
    "The 40 protesters marched to the ministry.",  # counted, but nothing happened to them
    "Two air raids in which 20 people were killed or wounded.",  # one number for two fates
    "Rocket fire hit the camps, killing or wounding 50 guerrillas.",  # the same
]


@pytest.mark.parametrize("text, expected, approximate", COUNTS)
def test_counts_are_read_from_the_parse(nlp, text, expected, approximate):
    found = casualties(nlp(text))
    assert found is not None
    assert (found.killed, found.injured, found.arrested) == expected
    assert found.approximate is approximate
    assert all(0 <= start < end <= len(text) for start, end in found.spans)


@pytest.mark.parametrize("text", NO_COUNTS)
def test_numbers_that_count_no_casualties(nlp, text):
    assert casualties(nlp(text)) is None


def test_the_spans_cover_the_numbers_and_their_bounds(nlp):
    text = "At least 12 people were killed."
    found = casualties(nlp(text))
    assert [text[s:e] for s, e in found.spans] == ["At least 12"]


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        # The count goes to the event whose trigger governs it ...
        ("Islamic State militants attacked a bus in Egypt on Monday, killing 5 people and wounding 12.", "killing", (5, None, None)),
        ("Egyptian police arrested 40 protesters in Cairo on Friday.", "arrested", (None, None, 40)),
        # ... and never to a verbal event ("accused") that only reports it.
        ("Hamas accused Israel of killing 12 civilians in Gaza.", "killing", (12, None, None)),
    ],
)
def test_counts_belong_to_the_material_conflict_event_that_governs_them(analyze_text, text, trigger, expected):
    report = analyze_text(text)
    event = next(e for e in report.events if e.text == trigger)
    assert event.casualties is not None
    assert (event.casualties.killed, event.casualties.injured, event.casualties.arrested) == expected
    for other in report.events:
        if int(other.cameo[:2]) < 14:
            assert other.casualties is None


def test_events_without_counts_have_none(analyze_text):
    report = analyze_text("Hamas attacked Israeli troops in Gaza on Monday.")
    assert report.events and all(e.casualties is None for e in report.events)
