"""Which acts the rule coder proposes as candidates for the event judge to decide, and the
doers it finds for them (issue 18: the judged PolNeAR misses that had no candidate at all)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, trigger, targets",
    [
        # a party an act is done to, with no doer named: a candidate, for the judge to decide
        ("At least nine people were killed in yet another terrorist attack.", "killed", ["At least nine people"]),
        ("Two journalists were arrested near the parliament.", "arrested", ["Two journalists"]),
        ("He wants to punish women who have abortions.", "punish", ["women"]),
    ],
)
def test_act_done_to_an_unnamed_party_is_a_candidate(rule_events, text, trigger, targets):
    report = rule_events(text)
    (event,) = [e for e in report.events if e.text == trigger]
    assert [report.span_text(s) for s in event.target_spans] == targets


@pytest.mark.parametrize(
    "text, trigger",
    [
        # neither a doer nor a party it is done to: still no candidate (unless an attack
        # struck a thing: test_a_doerless_attack_on_a_thing_is_proposed)
        ("Hamas apologized.", "apologized"),
        ("The plan was rejected.", "rejected"),
    ],
)
def test_act_with_no_party_is_no_candidate(rule_events, text, trigger):
    assert trigger not in [e.text for e in rule_events(text).events]


@pytest.mark.parametrize(
    "text, trigger",
    [
        # what a verbal act speaks of is an act of its own, not a restatement of it
        ("Donald Trump proposed a ban on Muslims entering the United States.", "ban"),
        ("After the attack, Hillary Clinton blamed the attack on an anti-Islamic video.", "attack"),
        ("Hillary Clinton failed to mention the 2012 terror attack on the U.S. consulate in Benghazi.", "attack"),
    ],
)
def test_act_a_verbal_act_speaks_of_is_a_candidate(rule_events, text, trigger):
    start = text.rfind(trigger)  # the object noun, not an earlier mention of the same word
    assert (start, start + len(trigger)) in [e.trigger for e in rule_events(text).events]


@pytest.mark.parametrize(
    "text, noun",
    [
        # a material act on an act's noun still restates it: one event, the verb's
        ("The U.S. will impose sanctions on Iran.", "sanctions"),
        ("Israel and Egypt postponed their meeting.", "meeting"),
    ],
)
def test_object_a_material_act_restates_is_no_candidate(rule_events, text, noun):
    assert noun not in [e.text for e in rule_events(text).events]


@pytest.mark.parametrize(
    "text, trigger, source",
    [
        # a relative pronoun on a description of the subject stands for the subject
        ("Donald Trump is a liar and a bully who has pledged to ban all Muslims.", "pledged", "Donald Trump"),
        # ... and so does the subject an infinitive inherits through it
        ("Donald Trump is a liar and a bully who has pledged to ban all Muslims.", "ban", "Donald Trump"),
        ("Vladimir Putin is the leader who ordered the army to invade Ukraine.", "ordered", "Vladimir Putin"),
    ],
)
def test_relative_pronoun_on_a_description_names_the_doer(rule_events, text, trigger, source):
    report = rule_events(text)
    names = {a.id: a.name for a in report.actors}
    event = next(e for e in report.events if e.text == trigger)
    assert [names[k] for k in event.sources] == [source]


@pytest.mark.parametrize(
    "text, trigger, source",
    [
        # a description whose relative clause is the act: whoever the article says did that act
        (
            "Paul Keller shot and killed Anna Ruiz in 2019. Her brother said he would never forgive the man who murdered Anna Ruiz.",
            "murdered",
            "Paul Keller",
        ),
    ],
)
def test_description_of_the_doer_is_the_one_named_doer_of_that_act(rule_events, text, trigger, source):
    report = rule_events(text)
    (event,) = [e for e in report.events if e.text == trigger]
    assert [report.actor(a).name for a in event.sources] == [source]
    assert [report.span_text(s) for s in event.source_spans] == ["the man"]


@pytest.mark.parametrize(
    "text, trigger",
    [
        # two doers of that act on that target: the description names neither
        ("Paul Keller killed Anna Ruiz. Tom Berg killed Anna Ruiz. Her brother blamed the man who murdered Anna Ruiz.", "murdered"),
        # a doer of another kind of act on that target is not the doer of this one
        ("Paul Keller praised Anna Ruiz. Her brother blamed the man who murdered Anna Ruiz.", "murdered"),
    ],
)
def test_description_of_no_single_doer_stays_unnamed(rule_events, text, trigger):
    report = rule_events(text)
    (event,) = [e for e in report.events if e.text == trigger]
    assert not event.sources


@pytest.mark.parametrize(
    "text, trigger, code, sources",
    [
        # a crowd counted or gathered by its head noun: the people counted are the side
        ("Hundreds of protesters marched through Cairo on Friday.", "marched", "140", ["Hundreds of protesters"]),
        ("Thousands of people protested in Hong Kong on Sunday.", "protested", "140", ["Thousands of people"]),
        ("A group of students occupied the university building.", "occupied", "192", ["A group of students"]),
        # a strike staged by workers is a labour action, one launched by forces an attack
        ("Teachers staged a strike over pay in Nairobi.", "strike", "143", ["Teachers"]),
        ("Dock workers held a 24-hour strike on Monday.", "strike", "143", ["Dock workers"]),
        ("Prisoners staged a hunger strike.", "strike", "142", ["Prisoners"]),
        ("Israeli jets launched a strike on Gaza.", "strike", "190", ["Israeli jets"]),
        ("Workers went on strike at the port of Antwerp.", "went", "143", ["Workers"]),
        ("Port workers downed tools in Antwerp over pay.", "downed", "143", ["Port workers"]),
        # a phrasal verb CAMEO lists without a code takes its curated patterns
        ("Police rounded up dozens of opposition supporters in Minsk.", "rounded", "173", ["Police"]),
        # a participle clause's doer is the subject of the clause it hangs on
        ("Gunmen stormed a hotel in Mogadishu, killing 12 people.", "killing", "190", ["Gunmen"]),
    ],
)
def test_conflict_acts_by_parties_no_actor_stands_for(rule_events, text, trigger, code, sources):
    report = rule_events(text)
    (event,) = [e for e in report.events if e.text == trigger]
    assert (event.cameo, [report.span_text(s) for s in event.source_spans]) == (code, sources)


def test_a_group_with_nothing_counted_is_still_a_party(rule_events):
    # "group" counts people only with "of": "a terror group" is the party itself
    report = rule_events("A terror group based in Trinidad attacked a police station.")
    (event,) = [e for e in report.events if e.text == "attacked"]
    assert [report.span_text(s) for s in event.source_spans] == ["A terror group based in Trinidad"]


@pytest.mark.parametrize(
    "text, trigger, code, plover",
    [
        # the forces an actor mobilises are its means, not the act's target
        ("India deployed 3,000 additional troops to its border with China.", "deployed", "154", "MOBILIZE"),
        ("Israel called up 20,000 reservists on Thursday.", "called", "150", "MOBILIZE"),
        # sanctions are SANCTION (PLOVER manual), not COERCE as CAMEO2PLOVER files 163
        ("The United States imposed sanctions on three Iranian oil companies.", "imposed", "163", "SANCTION"),
        # ending aid, lending or trade with a party reduces relations
        ("The European Union suspended all budget support to Niger.", "suspended", "162", "SANCTION"),
        ("The World Bank froze new lending to Uganda.", "froze", "1621", "SANCTION"),
        ("Germany halted arms exports to Saudi Arabia.", "halted", "163", "SANCTION"),
    ],
)
def test_mobilisations_and_sanctions(rule_events, text, trigger, code, plover):
    report = rule_events(text)
    (event,) = [e for e in report.events if e.text == trigger]
    assert (event.cameo, event.plover.type) == (code, plover)
    if plover == "MOBILIZE":
        assert event.target_spans == ()


@pytest.mark.parametrize(
    "text, trigger, code",
    [
        ("The government shut down the internet across Tigray.", "shut", "1721"),
        ("Police rounded up 40 suspects after the blast.", "rounded", "173"),
        # rounding up what is no person is no arrest: CAMEO's uncoded entry stands
        ("The senator rounded up votes for the bill.", "rounded", None),
    ],
)
def test_curated_phrasal_verbs(rule_events, text, trigger, code):
    report = rule_events(text)
    assert next((e.cameo for e in report.events if e.text == trigger), None) == code


@pytest.mark.parametrize(
    "text, trigger, struck",
    [
        # an attack in the passive, no doer named, on a thing: the thing struck is its side
        ("A market in the town of Beni was shelled on Wednesday.", "shelled", ["A market in the town of Beni"]),
        ("Their vehicle was fired upon near the port of Gwadar.", "fired", ["Their vehicle"]),
        ("The convoy was targeted by a roadside bomb.", "targeted", ["The convoy"]),
        ("The building was destroyed.", "destroyed", ["The building"]),
        # the weapon set off is no target, and a doer that is no weapon is no attack's
        ("An improvised explosive device was detonated near a bus.", "detonated", None),
        ("The bridge was destroyed by the storm.", "destroyed", None),
    ],
)
def test_a_doerless_attack_on_a_thing_is_proposed(rule_events, text, trigger, struck):
    report = rule_events(text)
    found = [e for e in report.events if e.text == trigger]
    assert ([report.span_text(s) for s in found[0].target_spans] if found else None) == struck
