"""The judged-actors scorer on a constructed events table, and the packaged judgments."""

from __future__ import annotations

import pytest

from newsgraph.evaluation.judged_actors import LABELS, actor_slots, choose_articles, load_judgments, score
from newsgraph.evaluation.judged_events import load_judgments as load_event_judgments
from newsgraph.model import Actor, Article, Event, Factuality, Plover, Report

# "Fiorina attacked Cruz. She praised him." : offsets of the words, no parse needed.
TEXT = "Fiorina attacked Cruz. She praised him."
FIORINA, CRUZ, SHE, HIM = (0, 7), (17, 21), (23, 26), (35, 38)
ATTACKED, PRAISED = (8, 16), (27, 34)


def actor(id_, entity, kind, mentions):
    return Actor(id=id_, name=id_, code=None, kind=kind, mentions=mentions, entity=entity)


def event(trigger, source, source_span, target, target_span):
    return Event(
        id=f"e{trigger[0]}", sources=(source,), targets=(target,), cameo="111", plover=Plover("ACCUSE"), goldstein=None,
        trigger=trigger, sentence=(0, len(TEXT)), factuality=Factuality(), source_spans=(source_span,), target_spans=(target_span,),
    )


def report(fiorina_entity="name:fiorina", fiorina_kind="organization", praise=True):
    actors = (actor("f", fiorina_entity, fiorina_kind, (FIORINA,)), actor("c", "person:ted cruz", "person", (CRUZ,)))
    events = [event(ATTACKED, "f", FIORINA, "c", CRUZ)]
    if praise:  # the pronouns are no mentions of the actors: the side's free span stands for them
        events.append(event(PRAISED, "f", SHE, "c", HIM))
    return Report(article=Article(text=TEXT), actors=actors, events=tuple(events))


def row(trigger, side, mention, entity, kind, label, **extra):
    return {"doc": "d", "trigger": list(trigger), "side": side, "mention": list(mention), "entity": entity, "kind": kind,
            "code": None, "label": label, "note": ""} | extra  # fmt: skip


CRUZ_RIGHT = row(ATTACKED, "target", CRUZ, "person:ted cruz", "person", "right")
FIORINA_ORG = row(ATTACKED, "source", FIORINA, "name:fiorina", "organization", "wrong_kind", right=[{"entity": "person:carly fiorina", "kind": "person"}])
SHE_ORG = row(PRAISED, "source", SHE, "name:fiorina", "organization", "wrong_kind")
HIM_RIGHT = row(PRAISED, "target", HIM, "person:ted cruz", "person", "right")


@pytest.mark.parametrize(
    "output, rows, metrics, counts",
    [
        # every actor judged: Cruz right twice, Fiorina the organisation wrong twice
        (report(), [CRUZ_RIGHT, FIORINA_ORG, SHE_ORG, HIM_RIGHT], {"right.share": 50.0, "right.person": 100.0, "right.organization": 0.0, "judged.share": 100.0},
         {"judged": 4, "right": 2, "wrong_kind": 2}),
        # Fiorina fixed into the person the judge named: credited at "attacked"; "She" was judged
        # as the organisation only, so the new actor there is unjudged (changed), not scored
        (report("person:carly fiorina", "person"), [CRUZ_RIGHT, FIORINA_ORG, SHE_ORG, HIM_RIGHT], {"right.share": 100.0, "judged.share": 75.0},
         {"judged": 3, "unjudged.changed": 1, "unjudged.gone": 0}),
        # words that name nobody stay wrong whatever actor is read from them
        (report("person:carly fiorina", "person"), [CRUZ_RIGHT, row(ATTACKED, "source", FIORINA, "name:x", "organization", "not_actor")],
         {"right.share": 50.0, "judged.share": 50.0}, {"not_actor": 1, "unjudged.new": 2}),
        # the praise event is gone from the output: its judgments are reported, not scored
        (report(praise=False), [CRUZ_RIGHT, FIORINA_ORG, SHE_ORG, HIM_RIGHT], {"right.share": 50.0, "judged.share": 100.0},
         {"judged": 2, "unjudged.gone": 2}),
    ],
)
def test_score_applies_each_judgment_to_the_actor_it_judged(output, rows, metrics, counts):
    got, details, errors = score({"d": output}, {"d": rows})
    for key, value in metrics.items():
        assert got[key] == value, key
    for key, value in counts.items():
        assert details["counts"][key] == value, key
    assert sum(e["kind"] == "unjudged" for e in errors) == sum(v for k, v in details["counts"].items() if k.startswith("unjudged."))


def test_slots_find_the_words_at_each_event():
    slots = actor_slots(report())
    assert [(s["side"], tuple(s["mention"])) for s in slots] == [("source", FIORINA), ("target", CRUZ), ("source", SHE), ("target", HIM)]


def test_packaged_judgments_are_the_reference_and_ten_events_judged_articles():
    judgments = load_judgments()
    event_docs = set(load_event_judgments())
    chosen = choose_articles(event_docs)
    assert set(judgments) == {"hamas-isis-ties-2016.txt", *chosen} and len(chosen) == 10 and set(chosen) <= event_docs
    for rows in judgments.values():
        for r in rows:
            assert r["label"] in LABELS and r["side"] in ("source", "target") and r["note"] is not None
            assert r["mention"] is None or r["mention"][0] < r["mention"][1]
            assert "text" not in r  # offsets only: no article text in the repository
            for want in r.get("right", ()):
                assert set(want) <= {"entity", "kind", "code"}
