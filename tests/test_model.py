"""The JSON contract: field names, and a lossless round trip through ``to_dict``/``from_dict``."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.model import (
    SCHEMA,
    Actor,
    Article,
    Attribution,
    Casualties,
    Cue,
    Drift,
    Event,
    EventDate,
    Factuality,
    Location,
    Plover,
    Relation,
    Report,
    Source,
    Voice,
    VoiceMarker,
    make_id,
)

words = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
spans = st.tuples(st.integers(0, 1000), st.integers(0, 1000))
factualities = st.builds(
    Factuality,
    polarity=st.sampled_from(["positive", "negative"]),
    certainty=st.sampled_from(["certain", "probable", "possible", "underspecified"]),
    mode=st.sampled_from(["actual", "future", "hypothetical", "historical"]),
    disputed=st.booleans(),
    cues=st.tuples(words),
)
actors = st.builds(Actor, id=words, name=words, code=st.none() | words, kind=st.sampled_from(["country", "group", "outlet"]), aliases=st.tuples(words), mentions=st.tuples(spans))
events = st.builds(
    Event,
    id=words,
    sources=st.tuples(words),
    targets=st.tuples(words, words),
    cameo=words,
    plover=st.builds(Plover, type=st.none() | words, mode=st.none() | words, context=st.none()),
    goldstein=st.none() | st.floats(-10, 10),
    trigger=spans,
    sentence=spans,
    factuality=factualities,
    attribution=st.none() | words,
    date=st.none() | st.builds(EventDate, text=words, start=st.none() | words, end=st.none() | words, type=st.sampled_from(["exact", "range"]), span=st.none() | spans),
    location=st.none() | st.builds(
        Location, name=words, country=st.none() | words, span=st.none() | spans, geonameid=st.none() | st.integers(1, 10**8),
        latitude=st.none() | st.floats(-90, 90), longitude=st.none() | st.floats(-180, 180),
    ),
    confidence=st.floats(0, 1),
    text=words,
    casualties=st.none() | st.builds(
        Casualties, killed=st.none() | st.integers(0, 10**6), injured=st.none() | st.integers(0, 10**6),
        arrested=st.none() | st.integers(0, 10**6), approximate=st.booleans(), spans=st.tuples(spans),
    ),
)
attributions = st.builds(
    Attribution,
    id=words,
    source=st.builds(Source, text=words, span=spans, kind=st.sampled_from(["anonymous", "outlet"]), actor=st.none() | words),
    cue=st.builds(Cue, text=words, span=spans),
    content=st.tuples(spans, spans),
    type=st.sampled_from(["direct", "indirect"]),
    via=st.none() | words,
    chain=st.tuples(words, st.just("author")),
    factuality=factualities,
)
reports = st.builds(
    Report,
    article=st.builds(Article, text=words, title=st.none() | words, published=st.none() | words, outlet=st.none() | words),
    actors=st.tuples(actors),
    events=st.tuples(events),
    attributions=st.tuples(attributions),
    relations=st.tuples(st.builds(Relation, type=st.just("disputes"), from_=words, to=words, span=spans)),
    voice=st.builds(
        Voice,
        author_sentences=st.tuples(spans),
        markers=st.tuples(st.builds(VoiceMarker, type=st.just("epithet"), span=spans, text=words)),
        drift=st.tuples(st.builds(Drift, claim=words, attributed_span=spans, asserted_span=spans, attribution=st.none() | words)),
    ),
)


@settings(max_examples=60, deadline=None)
@given(reports)
def test_report_round_trips_through_json(report):
    data = json.loads(json.dumps(report.to_dict()))
    assert Report.from_dict(data) == report


def test_contract_field_names():
    report = Report(
        article=Article(text="x"),
        relations=(Relation(type="disputes", from_="a", to="b", span=(0, 1)),),
    )
    data = report.to_dict()
    assert list(data)[0] == "schema" and data["schema"] == SCHEMA
    assert set(data) >= {"article", "actors", "events", "attributions", "relations", "voice"}
    assert set(data["article"]) >= {"title", "published", "outlet", "text"}
    assert data["relations"][0] == {"type": "disputes", "from": "a", "to": "b", "span": [0, 1]}
    assert set(data["voice"]) == {"author_sentences", "markers", "drift"}


# A report as stored before locations had GeoNames ids and events had casualty counts.
OLD_REPORT = {
    "schema": "newsgraph.report/1",
    "article": {"text": "Hamas attacked Israeli troops in Gaza.", "title": None, "published": "2016-01-10", "outlet": None},
    "actors": [{"id": "act-1", "name": "Hamas", "code": "PSEREBHMS", "kind": "group", "aliases": [], "mentions": [[0, 5]]}],
    "events": [
        {
            "id": "evt-1", "sources": ["act-1"], "targets": [], "cameo": "190", "plover": {"type": "ASSAULT", "mode": None, "context": None},
            "goldstein": -10.0, "trigger": [6, 14], "sentence": [0, 38],
            "factuality": {"polarity": "positive", "certainty": "certain", "mode": "actual", "disputed": False, "cues": []},
            "attribution": None, "date": None, "location": {"name": "Gaza", "country": "PSE", "span": [33, 37]},
            "confidence": 0.9, "text": "attacked", "quad_class": 4,
        }
    ],
    "attributions": [], "relations": [], "claims": [], "voice": {"author_sentences": [], "markers": [], "drift": []},
    "pipeline": "en_core_web_sm-3.8.0",
}  # fmt: skip


def test_a_report_from_before_geonames_and_casualties_still_loads():
    report = Report.from_dict(json.loads(json.dumps(OLD_REPORT)))
    event = report.events[0]
    assert event.location == Location(name="Gaza", country="PSE", span=(33, 37))
    assert (event.location.geonameid, event.location.latitude, event.location.longitude) == (None, None, None)
    assert event.casualties is None
    again = report.to_dict()["events"][0]
    assert again["casualties"] is None and again["location"]["geonameid"] is None


def test_casualties_and_geonames_fields_in_the_contract():
    event = Event(
        id="e", sources=(), targets=(), cameo="190", plover=Plover("ASSAULT"), goldstein=None, trigger=(0, 1), sentence=(0, 1),
        factuality=Factuality(), location=Location("Cairo", "EGY", (0, 5), 360630, 30.06263, 31.24967),
        casualties=Casualties(killed=12, injured=None, arrested=3, approximate=True, spans=((0, 2),)),
    )
    data = Report(article=Article(text="x"), events=(event,)).to_dict()["events"][0]
    assert data["location"] == {"name": "Cairo", "country": "EGY", "span": [0, 5], "geonameid": 360630, "latitude": 30.06263, "longitude": 31.24967}
    assert data["casualties"] == {"killed": 12, "injured": None, "arrested": 3, "approximate": True, "spans": [[0, 2]]}


def test_ids_are_content_hashes():
    assert make_id("evt", "a", (1, 2)) == make_id("evt", "a", (1, 2))
    assert make_id("evt", "a", (1, 2)) != make_id("evt", "a", (1, 3))
    assert make_id("act", "x").startswith("act-")


@pytest.mark.parametrize(
    "factuality, expected",
    [
        (Factuality(), "asserted"),
        (Factuality(polarity="negative"), "negated"),
        (Factuality(certainty="probable", mode="future"), "asserted, probable, future"),
        (Factuality(polarity="negative", disputed=True), "negated, disputed"),
    ],
)
def test_factuality_summary(factuality, expected):
    assert factuality.summary() == expected


def _event(sources, targets):
    return Event(id="evt-x", sources=tuple(sources), targets=tuple(targets), cameo="060", plover=Plover("COOPERATE"),
                 goldstein=6.0, trigger=(0, 1), sentence=(0, 1), factuality=Factuality())


@pytest.mark.parametrize(
    "sources, targets, reciprocal, dyads",
    [
        (["A"], ["B"], False, [("A", "B")]),
        (["A", "B"], ["C"], False, [("A", "C"), ("B", "C")]),
        (["A"], [], False, [("A", None)]),
        ([], ["B"], False, [(None, "B")]),
        # "A and B blamed each other": A>B and B>A, never A>A
        (["A", "B"], ["A", "B"], True, [("A", "B"), ("B", "A")]),
        (["A", "B", "C"], ["C", "B", "A"], True, [("A", "C"), ("A", "B"), ("B", "C"), ("B", "A"), ("C", "B"), ("C", "A")]),
        # one actor "acting on itself" keeps the actor, not a loop
        (["A"], ["A"], False, [("A", None)]),
    ],
)
def test_event_dyads(sources, targets, reciprocal, dyads):
    event = _event(sources, targets)
    assert event.reciprocal is reciprocal
    assert list(event.dyads()) == dyads

