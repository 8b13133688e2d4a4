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
    fill_sides,
    locations_compatible,
    match_key,
    material,
    mention_dates,
    precise,
    retold,
    undated,
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
        ("2015-01-01", "2015-12-31", "range", "2016-01-10", ("2015-01-01", "2015-12-31")),  # "last year"
        ("2008-01-10", "2016-01-10", "range", "2016-01-10", ("2016-01-10", "2016-01-10")),  # "over the past eight years": a period
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
    "mention, candidate, joined",
    [
        # A habit, a kind or a run of acts ("his attacks on the judge") joins nothing ...
        ({"occasion": False}, {}, False),
        # ... and nothing joins an event it began ...
        ({}, {"occasion": False}, False),
        # ... but within its own article (its headline's event, or one the article began) its
        # mentions are parts of one story: "Trump's attacks on Curiel" twice in one column.
        ({"occasion": False}, {"headline": True}, True),
        ({"occasion": False}, {"occasion": False, "own": True}, True),
        ({}, {"occasion": False, "own": True}, True),
        ({}, {}, True),
    ],
)
def test_only_a_mention_of_one_occasion_joins_another_report(mention, candidate, joined):
    stored = Candidate("ev-1", DAY, NOWHERE, lemma="attack", **candidate)
    assert (best_match(Sighting(DAY, NOWHERE, lemma="attack", **mention), [stored]) is not None) is joined


WEEK = ("2016-05-09", "2016-05-15")
THURSDAY = ("2016-05-12", "2016-05-12")


@pytest.mark.parametrize(
    "mention, candidate, joined",
    [
        # "will meet sometime next week" and "will meet on Thursday": one planned meeting.
        ((WEEK, True), (THURSDAY, True), True),
        # "agreed to meet again in the coming weeks" (no date: its publication day) is not it.
        ((THURSDAY, False), (WEEK, True), False),
        ((THURSDAY, True), (THURSDAY, False), False),
        # Two plans told without a date, on one day, may be one.
        ((THURSDAY, False), (THURSDAY, False), True),
        # Within one article: "Walker to speak at the convention" (headline) is the body's
        # "will speak later this month".
        ((THURSDAY, False), (WEEK, True, True), True),
    ],
)
def test_a_plan_without_a_date_is_not_a_dated_plan(mention, candidate, joined):
    own = len(candidate) > 2 and candidate[2]
    stored = Candidate("ev-1", candidate[0], NOWHERE, lemma="meet", dated=candidate[1], actual=False, own=own)
    found = best_match(Sighting(mention[0], NOWHERE, lemma="meet", dated=mention[1], actual=False), [stored])
    assert (found is not None) is joined


@pytest.mark.parametrize(
    "sides, place, candidate_place, joined",
    [
        # "a meeting on Monday with reporters" and "this week's committee meeting": nobody named,
        # so the type and the day say nothing of which meeting it was.
        (0, NOWHERE, NOWHERE, False),
        (0, ("Vienna", "AUT"), NOWHERE, False),
        # The same place names it ("the Vienna meeting on Monday").
        (0, ("Vienna", "AUT"), ("Vienna", "AUT"), True),
        # Named participants are who met.
        (2, NOWHERE, NOWHERE, True),
    ],
)
@pytest.mark.parametrize("own", [False, True])
def test_a_meeting_of_nobody_named_needs_its_place(sides, place, candidate_place, joined, own):
    """Across articles; within one ("AT SUMMIT IN OTTAWA", "the summit") it is one story."""
    joined = joined or own
    stored = Candidate("ev-1", DAY, candidate_place, lemma="meeting", dated=True, own=own)
    found = best_match(Sighting(DAY, place, lemma="meeting", dated=True, sides=sides, symmetric=True), [stored])
    assert (found is not None) is joined


PUBLISHED = ("2016-05-12", "2016-05-12")  # an undated mention: its publication day
IN_2012 = ("2012-01-01", "2012-12-31")
ON_A_DAY = ("2016-02-26", "2016-02-26")


@pytest.mark.parametrize(
    "mention, candidate, sides, same_lemma, joined",
    [
        # A past act retold without a date of its own meets its dated report ...
        ((PUBLISHED, False), (IN_2012, False), 2, True, 1228),
        ((IN_2012, False), (PUBLISHED, False), 2, True, 1228),
        ((PUBLISHED, False), (ON_A_DAY, True), 2, True, 76),
        # ... only with both sides known and the same verb ...
        ((PUBLISHED, False), (IN_2012, False), 1, True, None),
        ((PUBLISHED, False), (IN_2012, False), 2, False, None),
        # ... only when one of the two has no date of its own ...
        ((("2016-03-01", "2016-03-31"), False), (IN_2012, False), 2, True, None),
        ((ON_A_DAY, True), (("2016-04-01", "2016-04-01"), True), 2, True, None),
        # ... and never an act dated after the report that would retell it.
        ((PUBLISHED, False), (("2016-06-01", "2016-06-01"), True), 2, True, None),
    ],
)
def test_an_undated_retelling_meets_the_dated_past_act(mention, candidate, sides, same_lemma, joined):
    report = Sighting(mention[0], NOWHERE, lemma="kill", dated=mention[1], sides=sides, material=True)
    stored = Candidate("ev-1", candidate[0], NOWHERE, lemma="kill" if same_lemma else "shoot", dated=candidate[1])
    assert retold(report, stored) == joined
    found = best_match(report, [stored])
    assert (found.days_apart if found else None) == joined
    assert found is None or found.anchor == "same trigger + undated retelling"


@pytest.mark.parametrize(
    "plover, cameo, retells",
    [
        ("ASSAULT", "190", True),  # a killing between two given people happens once
        ("COOPERATE", "071", True),
        ("ACCUSE", "111", False),  # criticism recurs all campaign long: an undated one may be new
        ("SUPPORT", "051", False),
        (None, "180", True),  # no PLOVER type: the CAMEO code's quad class
        (None, None, False),
    ],
)
def test_only_a_material_act_is_retold_from_long_ago(plover, cameo, retells):
    assert material(plover, cameo) is retells
    report = Sighting(PUBLISHED, NOWHERE, lemma="kill", sides=2, material=material(plover, cameo))
    assert (retold(report, Candidate("ev-1", IN_2012, NOWHERE, lemma="kill")) is not None) is retells


@pytest.mark.parametrize(
    "act_dates, report_negated, event_negated, joined",
    [
        # "called Wednesday for Ginsburg to resign" (July 13) and "called on her to resign" (July 15, undated)
        (("2016-05-10", "2016-05-10"), False, False, 2),
        (("2016-05-09", "2016-05-09"), False, False, 3),
        (("2016-05-02", "2016-05-10"), False, False, 2),  # "last week": counted from its last day
        (("2016-05-08", "2016-05-08"), False, False, None),  # four days back: as likely a new act
        # told as not done on either side: no retelling ("did not attack her on Tuesday")
        (("2016-05-10", "2016-05-10"), True, False, None),
        (("2016-05-10", "2016-05-10"), False, True, None),
    ],
)
def test_a_verbal_act_is_retold_within_a_few_days(act_dates, report_negated, event_negated, joined):
    report = Sighting(PUBLISHED, NOWHERE, lemma="call", sides=2, material=False, negated=report_negated)
    stored = Candidate("ev-1", act_dates, NOWHERE, lemma="call", dated=True, negated=event_negated)
    assert retold(report, stored) == joined


@pytest.mark.parametrize(
    "dates, dated, loose",
    [
        (PUBLISHED, False, True),  # the publication day stands in
        (ON_A_DAY, True, False),  # "on Tuesday"
        (IN_2012, False, False),  # "in 2012": a date of its own, if no anchor
        ((None, None), False, False),  # nothing at all
    ],
)
def test_undated_means_the_publication_day_stood_in(dates, dated, loose):
    assert undated(dates, dated) is loose


def _row(source, target, lemma="kill", cameo="190", plover="ASSAULT"):
    names = {None: None, "z": "George Zimmerman", "t": "Trayvon Martin", "w": "Darren Wilson", "i": "Israel", "g": "Gaza"}
    return {
        "source_key": source, "source_actor": names[source], "source_code": None,
        "target_key": target, "target_actor": names[target], "target_code": None,
        "lemma": lemma, "cameo": cameo, "plover_type": plover,
    }


@pytest.mark.parametrize(
    "rows, filled",
    [
        # A headline naming the victim only takes the killer from its body.
        ([_row(None, "t"), _row("z", "t")], [("z", "t"), ("z", "t")]),
        ([_row("i", None, "attack"), _row("i", "g", "attack")], [("i", "g"), ("i", "g")]),
        # A body mention is filled by nothing: it is as often another act with the same verb.
        ([_row("z", "t"), _row(None, "t")], [("z", "t"), (None, "t")]),
        # One killer named two ways is one actor ...
        ([_row(None, "t"), _row("z", "t"), {**_row("z", "t"), "source_actor": "Zimmerman"}], [("z", "t"), ("z", "t"), ("z", "t")]),
        # ... two killers of one man in one article: which one the headline means is unknown.
        ([_row(None, "t"), _row("z", "t"), _row("w", "t")], [(None, "t"), ("z", "t"), ("w", "t")]),
        # Another verb or another type is another act.
        ([_row(None, "t", "shoot"), _row("z", "t")], [(None, "t"), ("z", "t")]),
        ([_row(None, "t", plover="ACCUSE", cameo="111"), _row("z", "t")], [(None, "t"), ("z", "t")]),
        # The known side must be the same actor in the same role.
        ([_row("t", None), _row("z", "t")], [("t", None), ("z", "t")]),
        # A meeting has no direction to fill.
        ([_row("z", None, "meet", "040", "CONSULT"), _row("z", "t", "meet", "040", "CONSULT")], [("z", None), ("z", "t")]),
    ],
)
def test_a_headline_takes_a_missing_side_from_its_article(rows, filled):
    out = fill_sides(rows, [i == 0 for i in range(len(rows))])  # the first row is the headline's
    assert [(r["source_key"], r["target_key"]) for r in out] == filled
    assert all(("filled" in r) == (r is not before) for r, before in zip(out, rows))


@pytest.mark.parametrize(
    "mention, headline, anchor",
    [
        # One side unknown: the article's headline with the same verb is enough ...
        (("demand", False, NOWHERE), True, "its headline + same trigger"),
        (("demand", False, NABLUS), True, "its headline + same trigger"),
        # ... another event with the same verb is not.
        (("demand", False, NOWHERE), False, None),
    ],
)
def test_a_body_mention_joins_its_headline(mention, headline, anchor):
    lemma, dated, place = mention
    stored = Candidate("ev-1", DAY, NOWHERE, lemma="demand", headline=headline)
    found = best_match(Sighting(DAY, place, lemma=lemma, dated=dated, sides=1), [stored])
    assert (found.anchor if found else None) == anchor


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
