"""Which mentions are one event (coreference tolerances) and how many independent origins they have."""

from __future__ import annotations

import pytest

from newsgraph.corpus.coref import (
    DATE_TOLERANCE_DAYS,
    Candidate,
    Sighting,
    actor_key,
    best_match,
    dates_compatible,
    locations_compatible,
    match_key,
    mention_dates,
    precise,
)
from newsgraph.corpus.origins import chain_nodes, count_origins
from newsgraph.identity import normalise_name


@pytest.mark.parametrize(
    "a, b, same",
    [
        (("2016-01-04", "2016-01-04"), ("2016-01-04", "2016-01-04"), True),
        (("2016-01-04", "2016-01-04"), ("2016-01-05", "2016-01-05"), True),  # +1 day
        (("2016-01-04", "2016-01-04"), ("2016-01-03", "2016-01-03"), True),  # -1 day
        (("2016-01-04", "2016-01-04"), ("2016-01-06", "2016-01-06"), False),  # 2 days apart
        (("2016-01-01", "2016-01-07"), ("2016-01-08", "2016-01-08"), True),  # a week and the day after
        (("2016-01-01", "2016-01-07"), ("2016-01-10", "2016-01-10"), False),
        (("2015-12-31", "2015-12-31"), ("2016-01-01", "2016-01-01"), True),  # across the new year
        ((None, None), (None, None), True),  # both undated
        ((None, None), ("2016-01-04", "2016-01-04"), False),  # no evidence either way: kept apart
    ],
)
def test_date_tolerance(a, b, same):
    assert DATE_TOLERANCE_DAYS == 1
    assert dates_compatible(a, b) is same
    assert dates_compatible(b, a) is same


@pytest.mark.parametrize(
    "start, end, kind, published, expected",
    [
        ("2016-01-04", None, "exact", "2016-01-10", ("2016-01-04", "2016-01-04")),
        ("2016-01-01", "2016-01-07", "range", "2016-01-10", ("2016-01-01", "2016-01-07")),
        (None, None, None, "2016-01-10", ("2016-01-10", "2016-01-10")),  # falls back to the article date
        ("2016-01-04", None, "unresolved", "2016-01-10", ("2016-01-10", "2016-01-10")),
        (None, None, None, None, (None, None)),
        (None, None, None, "2016-01-10T08:00:00", ("2016-01-10", "2016-01-10")),
    ],
)
def test_mention_dates(start, end, kind, published, expected):
    assert mention_dates(start, end, kind, published) == expected


@pytest.mark.parametrize(
    "a, b, same",
    [
        (("Gaza", "PSE"), ("Gaza", "PSE"), True),
        (("Gaza", "PSE"), ("the Gaza", None), True),  # names agree after normalising
        (("Gaza", "PSE"), (None, None), True),  # one report omits the place
        (("Aleppo", "SYR"), ("Syria", "SYR"), True),  # a city and its country
        (("Moscow", "RUS"), ("Russia", "RUS"), True),
        (("Aleppo", "SYR"), ("Homs", "SYR"), False),  # two towns
        (("Aleppo", "SYR"), ("Mosul", "IRQ"), False),
        (("Syria", "SYR"), ("Iraq", "IRQ"), False),
        (("El Fasher", None), ("Nyala", None), False),  # unknown countries, different names
    ],
)
def test_location_compatibility(a, b, same):
    assert locations_compatible(a, b) is same
    assert locations_compatible(b, a) is same


@pytest.mark.parametrize(
    "name, code, kind, key",
    [
        ("Israeli troops", "ISRMIL", "agent", "code:ISRMIL"),
        ("Israeli army", "ISRMIL", "agent", "code:ISRMIL"),  # same code: same actor
        # catalogue actors by their entry, never by their (role) code
        ("Hamas", "PSEREBHMS", "group", "cat:hamas"),
        ("John Kerry", "USAGOV", "person", "cat:john kerry"),
        ("The Jerusalem Post", "ISRMED", "outlet", "cat:jerusalem post"),
        ("protesters", None, "agent", "name:protesters"),
        ("", None, "agent", None),
    ],
)
def test_actor_key(name, code, kind, key):
    assert actor_key(name, code, kind) == key


def test_match_key_uses_plover_then_cameo_root():
    assert match_key("code:A", "code:B", "ASSAULT", "190") == match_key("code:A", "code:B", "ASSAULT", "183")
    assert match_key("code:A", "code:B", None, "190") == match_key("code:A", "code:B", None, "193")
    assert match_key("code:A", "code:B", None, "190") != match_key("code:A", "code:B", None, "180")
    assert match_key("code:A", "code:B", "ASSAULT", "190") != match_key("code:B", "code:A", "ASSAULT", "190")


def test_a_meeting_has_no_direction_an_attack_has():
    assert match_key("cat:john kerry", "cat:sergey lavrov", "CONSULT", "040") == match_key("cat:sergey lavrov", "cat:john kerry", "CONSULT", "040")
    assert match_key("country:ISR", "cat:hamas", "ASSAULT", "190") != match_key("cat:hamas", "country:ISR", "ASSAULT", "190")
    assert match_key("country:ISR", None, "CONSULT", "040") != match_key(None, "country:ISR", "CONSULT", "040")


def test_best_match_takes_the_nearest_compatible_event():
    candidates = [
        Candidate("ev-far", ("2016-01-03", "2016-01-03"), ("Gaza", "PSE")),
        Candidate("ev-near", ("2016-01-04", "2016-01-04"), ("Gaza", "PSE")),
        Candidate("ev-elsewhere", ("2016-01-04", "2016-01-04"), ("Hebron", "PSE")),
    ]
    found = best_match(Sighting(("2016-01-04", "2016-01-04"), ("Gaza", "PSE")), candidates)
    assert found is not None and (found.event, found.days_apart, found.place, found.anchor) == ("ev-near", 0, "same", "same place")
    assert best_match(Sighting(("2016-01-04", "2016-01-04"), ("Rafah", "PSE")), candidates) is None
    assert best_match(Sighting(("2016-01-09", "2016-01-09"), ("Gaza", "PSE")), candidates) is None


DAY = ("2016-09-01", "2016-09-01")
NOWHERE = (None, None)
NABLUS = ("Nablus", "PSE")


@pytest.mark.parametrize(
    "mention, candidate, sides, anchor",
    [
        # Same actors and type on one publication day are not enough alone ...
        (("mock", False, NOWHERE), ("criticize", False, NOWHERE), 2, None),
        (("visit", False, ("Ohio", "USA")), ("invite", False, NOWHERE), 2, None),
        # ... the same verb, the event's own date in both, or one named place is.
        (("mock", False, NOWHERE), ("mock", False, NOWHERE), 2, "same trigger"),
        (("shoot", True, NOWHERE), ("kill", True, NOWHERE), 2, "both dated"),
        (("shoot", False, NABLUS), ("kill", False, NABLUS), 2, "same place"),
        (("shoot", True, NABLUS), ("kill", False, NOWHERE), 2, None),
        # A country and a town in it agree on place but do not anchor the match.
        (("shoot", False, ("Israel", "ISR")), ("kill", False, ("Haifa", "ISR")), 2, None),
        # With a side unknown, the match key says little: two anchors are needed.
        (("attack", False, NOWHERE), ("attack", False, NOWHERE), 1, None),
        (("attack", False, NABLUS), ("attack", False, NABLUS), 1, "same trigger + same place"),
        (("arrest", True, ("Portland", "USA")), ("arrest", True, ("Portland", "USA")), 0, "same trigger + both dated + same place"),
        (("give", True, NOWHERE), ("acquire", True, NOWHERE), 0, None),
    ],
)
def test_a_match_needs_anchors_beyond_actors_type_and_day(mention, candidate, sides, anchor):
    lemma, dated, place = mention
    stored = Candidate("ev-1", DAY, candidate[2], lemma=candidate[0], dated=candidate[1])
    found = best_match(Sighting(DAY, place, lemma=lemma, dated=dated, sides=sides), [stored])
    assert (found.anchor if found else None) == anchor


def test_a_prediction_is_not_the_act():
    stored = Candidate("ev-1", DAY, NOWHERE, lemma="drop", dated=True)
    assert best_match(Sighting(DAY, NOWHERE, lemma="drop", dated=True, actual=False), [stored]) is None
    assert best_match(Sighting(DAY, NOWHERE, lemma="drop", dated=True), [stored]) is not None


@pytest.mark.parametrize(
    "start, end, anchors",
    [
        ("2016-03-15", "2016-03-15", True),  # on Tuesday
        ("2016-03-07", "2016-03-13", True),  # last week
        ("2016-03-01", "2016-03-31", False),  # in March
        ("2016-01-01", "2016-12-31", False),  # this year
        ("1991-08-17", "2016-08-17", False),  # the past 25 years
    ],
)
def test_only_a_day_or_a_week_anchors_a_match(start, end, anchors):
    assert precise(start, end) is anchors


A, B = "Outlet A", "Outlet B"
MENL = (["Israeli intelligence sources", "MENL", "author"], ["anonymous", "outlet", "author"])


@pytest.mark.parametrize(
    "mentions, origins",
    [
        # The example: one relay reaching two outlets is one origin.
        ([(*MENL, A, "a1"), (*MENL, B, "b1")], 1),
        # An unrelated named source is a second origin.
        ([(*MENL, A, "a1"), (*MENL, B, "b1"), (["Amnesty International", "author"], ["named_organization", "author"], B, "b2")], 2),
        # The author's own assertion is an origin of its outlet ...
        ([(["author"], ["author"], A, "a1"), (["author"], ["author"], B, "b1")], 2),
        # ... and the same origin as that outlet cited by another one.
        ([(["author"], ["author"], "Reuters", "r1"), (["Reuters", "author"], ["outlet", "author"], A, "a1")], 1),
        # An outlet relaying a source is not itself an origin.
        ([(["author"], ["author"], A, "a1"), (["Amnesty International", "author"], ["named_organization", "author"], A, "a2")], 2),
        # Unnamed sources: one origin within an outlet, separate across outlets.
        ([(["a source", "author"], ["anonymous", "author"], A, "a1"), (["officials", "author"], ["official", "author"], A, "a2")], 1),
        ([(["a source", "author"], ["anonymous", "author"], A, "a1"), (["a source", "author"], ["anonymous", "author"], B, "b1")], 2),
        # An unnamed source belongs to whoever relays it, not to the outlet.
        ([(["a source", "Reuters", "author"], ["anonymous", "outlet", "author"], A, "a1"), (["officials", "author"], ["official", "author"], A, "a2")], 2),
        ([(["a source", "Reuters", "author"], ["anonymous", "outlet", "author"], A, "a1"), (["an aide", "Reuters", "author"], ["anonymous", "outlet", "author"], B, "b1")], 1),
        # Names are compared normalised.
        ([(["The Associated Press", "author"], ["outlet", "author"], A, "a1"), (["associated press", "author"], ["outlet", "author"], B, "b1")], 1),
        # Chains joined through a shared middle link form one component.
        ([(["X", "Y", "author"], ["named_person", "outlet", "author"], A, "a1"), (["Z", "Y", "author"], ["named_person", "outlet", "author"], B, "b1"), (["Z", "author"], ["named_person", "author"], "C", "c1")], 1),
        ([], 0),
    ],
)
def test_origins(mentions, origins):
    nodes = [chain_nodes(chain, kinds, outlet, article) for chain, kinds, outlet, article in mentions]
    assert count_origins(nodes) == origins


def test_author_without_outlet_is_scoped_to_its_article():
    one = chain_nodes(["author"], ["author"], None, "art-1")
    two = chain_nodes(["author"], ["author"], None, "art-2")
    assert count_origins([one, two]) == 2


@pytest.mark.parametrize("raw, norm", [("The Jerusalem Post", "jerusalem post"), ("  Agence  France-Presse ", "agence france presse"), ("Ha'aretz", "ha aretz"), ("Télam", "telam"), (None, "")])
def test_normalise_name(raw, norm):
    assert normalise_name(raw) == norm
