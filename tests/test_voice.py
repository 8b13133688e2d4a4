"""Author voice: unattributed sentences, framing markers, and attributed-then-asserted drift."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st


def _markers(report):
    return {(m.type, m.text) for m in report.voice.markers}


@pytest.mark.parametrize(
    "text, marker",
    [
        ('Abbas continues to put on a "moderate" face for the world.', ("scare_quotes", '"moderate"')),
        ("'Two-state' supporters, take note: the talks have failed.", ("direct_address", "'Two-state' supporters, take note")),
        ("You may not know that the treaty expired.", ("direct_address", "You")),
        ("Ironically, the ceasefire collapsed on its first day.", ("irony", "Ironically")),
        ("It is often overlooked that the border stayed closed.", ("rhetorical", "It is often overlooked")),
        ("Make no mistake: the siege continues.", ("rhetorical", "Make no mistake")),
        ("Why does the world stay silent?", ("rhetorical", "Why does the world stay silent?")),
        ("The regime bombed the market again.", ("loaded_term", "regime")),
        ("Fatah and ISIS-allied Hamas held talks.", ("epithet", "ISIS-allied")),
    ],
)
def test_markers(analyze_text, text, marker):
    assert marker in _markers(analyze_text(text))


def test_a_sources_words_are_not_the_authors(analyze_text):
    report = analyze_text('The minister said the "terrorist regime" must fall.')
    assert not {m.type for m in report.voice.markers} & {"loaded_term", "scare_quotes"}
    assert report.voice.author_sentences == ()


def test_author_sentences_exclude_attributed_ones(analyze_text):
    text = "The army said the convoy was stopped. The convoy carried food."
    report = analyze_text(text)
    assert [report.span_text(s) for s in report.voice.author_sentences] == ["The convoy carried food."]


def test_drift_from_attributed_to_asserted(analyze_text):
    text = (
        "Intelligence sources say Hamas is supported by the Islamic State.\n\n"
        "Reconciliation talks between Fatah and ISIS-supported Hamas continue."
    )
    report = analyze_text(text)
    (drift,) = report.voice.drift
    assert report.span_text(drift.asserted_span) == "ISIS-supported"
    assert "Hamas is supported by the Islamic State" in report.span_text(drift.attributed_span)
    assert drift.attribution == report.attributions[0].id
    assert drift.claim.startswith("Islamic State -> Hamas")


def test_reciprocal_drift_reads_each_other(analyze_text):
    report = analyze_text("Intelligence sources say Fatah and Hamas blamed each other.\n\nFatah and Hamas blamed each other again on Monday.")
    assert [d.claim for d in report.voice.drift] == ["Fatah and Hamas -> each other: Accuse (blamed)"]


def test_no_drift_when_only_attributed(analyze_text):
    report = analyze_text("Intelligence sources say Hamas is supported by the Islamic State.")
    assert report.voice.drift == ()


_SPAN = st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda p: (p[0], p[0] + p[1]))


@given(spans=st.lists(_SPAN, max_size=12), span=_SPAN)
def test_span_index_answers_as_a_scan_of_every_span(spans, span):
    from newsgraph.voice import SpanIndex

    index = SpanIndex(spans)
    assert index.overlaps(span) == any(span[0] < e and s < span[1] for s, e in spans)
    assert index.holds(span) == any(s <= span[0] and span[1] <= e for s, e in spans)
