"""The reference article (shared/examples/hamas-isis-ties-2016.txt), checked as a reader would.

Nothing here is special-cased in the pipeline: these are the facts a user must be able to see.
"""

from __future__ import annotations


def _actor(report, name):
    return next(a for a in report.actors if a.name == name)


def _names(report, ids):
    by_id = {a.id: a.name for a in report.actors}
    return sorted(by_id[i] for i in ids)


def _event(report, trigger):
    return next(e for e in report.events if e.text == trigger)


def test_actors(reference_report):
    names = {a.name: a for a in reference_report.actors}
    for name in (
        "Hamas", "Islamic State", "Egypt", "Egyptian army", "Israel", "Israel's intelligence community",
        "Iran", "Fatah", "Palestinian Authority", "Mahmoud Abbas", "Palestinian Islamic Jihad",
        "Bedouin smugglers", "United States", "Middle East Newsline", "Asharq Al-Awsat",
    ):
        assert name in names, name
    assert {"ISIS", "ISIL", "Islamic State"} <= set(names["Islamic State"].aliases)
    assert "MENL" in names["Middle East Newsline"].aliases
    assert any(a.kind == "outlet" and "Ma'an" in a.name for a in reference_report.actors)
    for outlet in ("Middle East Newsline", "Asharq Al-Awsat"):
        assert names[outlet].kind == "outlet"


def test_cooperation_events(reference_report):
    share = _event(reference_report, "share")
    assert _names(reference_report, share.sources) == ["Hamas", "Islamic State"]
    assert share.plover.type == "COOPERATE"
    sends = _event(reference_report, "sends")
    assert _names(reference_report, sends.sources) == ["Islamic State"] and "Hamas" in _names(reference_report, sends.targets)
    works = _event(reference_report, "works")
    assert _names(reference_report, works.targets) == ["Bedouin smugglers"]


def test_source_quote_relayed_by_menl(reference_report):
    for fights in (e for e in reference_report.events if e.text == "fights"):
        attribution = reference_report.attribution(fights.attribution)
        assert attribution.source.text == "a source" and attribution.source.kind == "anonymous"
        assert attribution.chain == ("a source", "Middle East Newsline", "author")
    pairs = {(tuple(_names(reference_report, e.sources)), tuple(_names(reference_report, e.targets))) for e in reference_report.events if e.text == "fights"}
    assert pairs == {(("Islamic State",), ("Egypt",)), (("Hamas",), ("Israel",))}


def test_iran_help_is_negated_claimed_and_disputed(reference_report):
    provided = _event(reference_report, "provided")
    assert _names(reference_report, provided.sources) == ["Iran"] and _names(reference_report, provided.targets) == ["Hamas"]
    assert provided.factuality.polarity == "negative" and provided.factuality.disputed
    claim = reference_report.attribution(provided.attribution)
    assert claim.source.text == "Hamas sources" and claim.source.kind == "anonymous"
    (relation,) = [r for r in reference_report.relations if r.to == claim.id]
    assert relation.type == "disputes"
    assert reference_report.actor(reference_report.attribution(relation.from_).source.actor).name == "Asharq Al-Awsat"


def test_tunnels_are_asharq_al_awsats_claim(reference_report):
    from newsgraph import analyze

    # the event judge leaves "destroying" below its default threshold; the chain is the point here
    reference_report = analyze(reference_report.article.text, published="2016-01-10", event_threshold=0.0, check_language=False)
    destroying = _event(reference_report, "destroying")
    assert _names(reference_report, destroying.sources) == ["Egyptian army"]
    attribution = reference_report.attribution(destroying.attribution)
    assert attribution.source.text == "the newspaper" and attribution.chain == ("Asharq Al-Awsat", "author")


def test_mutual_blame_reported_by_maan(reference_report):
    blamed = _event(reference_report, "blamed")
    assert _names(reference_report, blamed.sources) == ["Fatah", "Hamas"] == _names(reference_report, blamed.targets)
    chain = reference_report.attribution(blamed.attribution).chain
    assert chain[0].startswith("Ma'an") and chain[-1] == "author"


def test_nested_intelligence_claim(reference_report):
    found = next(a for a in reference_report.attributions if a.cue.text == "has found")
    assert found.chain == ("Israel's intelligence community", "Middle East Newsline", "author")


def test_author_voice(reference_report):
    markers = {(m.type, m.text) for m in reference_report.voice.markers}
    assert ("scare_quotes", '"moderate"') in markers
    assert any(kind == "direct_address" and "take note" in text for kind, text in markers)
    assert {("epithet", "ISIS-allied"), ("epithet", "ISIS-supported")} <= markers
    asserted = {reference_report.span_text(d.asserted_span) for d in reference_report.voice.drift}
    assert {"ISIS-allied", "ISIS-supported"} <= asserted
    for drift in reference_report.voice.drift:
        assert drift.attributed_span[0] < drift.asserted_span[0]
