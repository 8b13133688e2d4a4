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
    location=st.none() | st.builds(Location, name=words, country=st.none() | words, span=st.none() | spans),
    confidence=st.floats(0, 1),
    text=words,
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

