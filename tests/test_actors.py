"""Actors: catalogue names, aliases, agents, descriptions, plurals, acronyms and places."""

from __future__ import annotations

import pytest


def _actors(report):
    return {a.name: a for a in report.actors}


def _names_of(report, ids):
    by_id = {a.id: a.name for a in report.actors}
    return sorted(by_id[i] for i in ids)


@pytest.mark.parametrize(
    "text, name, code, kind",
    [
        ("Hamas and Fatah met in Cairo.", "Hamas", "PSEREBHMS", "group"),
        ("Hamas and Fatah met in Cairo.", "Fatah", "PSEPTY", "group"),
        ("The Egyptian army shelled positions.", "Egyptian army", "EGYMIL", "agent"),
        ("Israel's intelligence community has found new evidence.", "Israel's intelligence community", "ISRSPY", "agent"),
        ("Reuters reported the talks on Monday.", "Reuters", "MED", "outlet"),
        ("Palestinian President Mahmoud Abbas met King Abdullah.", "Mahmoud Abbas", "PSEGOV", "person"),
        ("The US and its allies met.", "United States", "USA", "country"),
        ("Soldiers from Israel attacked the village.", "Soldiers from Israel", "ISRMIL", "agent"),
        ("Police in Cairo arrested three students.", "Police in Cairo", "EGYCOP", "agent"),
        ("Demonstrators in Kirkuk blocked a road.", "Demonstrators in Kirkuk", "IRQOPP", "agent"),  # a city's country
        ("Up to 100 ethnic Albanians demonstrated in Serbia.", "Albanians", "ALBCVL", "agent"),  # a people
        # demonyms Phoenix files among a country's places (no shared stem): as adjectives they
        # name the country
        ("French soldiers attacked the village.", "French soldiers", "FRAMIL", "agent"),
        ("Danish police arrested two men.", "Danish police", "DNKCOP", "agent"),
    ],
)
def test_catalogue_actors(analyze_text, text, name, code, kind):
    actor = _actors(analyze_text(text))[name]
    assert (actor.code, actor.kind) == (code, kind)


def test_agent_of_several_countries_is_one_actor_each(analyze_text):
    report = analyze_text("Lawmakers in France and Germany welcomed the resumption of ties with Iran.")
    (event,) = report.events
    assert sorted(report.actor(a).code for a in event.sources) == ["DEULEG", "FRALEG"]


def test_all_names_of_islamic_state_are_one_actor(analyze_text):
    report = analyze_text("The Islamic State, also known as ISIS, ISIL or Daesh, attacked the town. Daesh later withdrew.")
    (isis,) = [a for a in report.actors if a.code == "IMGMUSISI"]
    assert {"ISIS", "ISIL", "Daesh", "Islamic State"} <= set(isis.aliases)
    assert len(isis.mentions) == 5


@pytest.mark.parametrize(
    "text, absent",
    [
        ("A turkey was stolen from a farm, and chad pieces fell.", {"Turkey", "Chad"}),
        ("They told us nothing.", {"United States"}),
        ("Isis Smith won the award.", {"Islamic State"}),
    ],
)
def test_common_words_are_not_actors(analyze_text, text, absent):
    assert not absent & set(_actors(analyze_text(text)))


def test_places_are_locations_not_actors(analyze_text):
    report = analyze_text("Rebels attacked El Fasher and Kabul on Monday.")
    assert not {"El Fasher", "Kabul", "Afghanistan"} & set(_actors(report))


def test_definite_description_resolves_to_earlier_outlet(analyze_text):
    report = analyze_text("Reuters reported the talks. The news agency said Egypt had shelled positions.")
    attribution = next(a for a in report.attributions if a.cue.text == "said")
    assert report.actor(attribution.source.actor).name == "Reuters"
    assert attribution.chain == ("Reuters", "author")


def test_appositive_name_beats_recency(analyze_text):
    report = analyze_text("Al Jazeera aired the video. The newspaper Asharq Al-Awsat said Egypt closed the border.")
    (attribution,) = report.attributions
    assert report.actor(attribution.source.actor).name == "Asharq Al-Awsat"


def test_place_at_the_end_of_an_act_noun_phrase_is_not_its_name(rule_events):
    # the parser hangs "Libya" from "attack" as an appositive: the attack is no description of Libya
    report = rule_events("The senator failed to mention the 2012 attack on the American consulate in Benghazi, Libya that killed four Americans.")
    killed = next(e for e in report.events if e.text == "killed")
    assert "Libya" not in _names_of(report, killed.sources)


def test_plural_description_resolves_to_coordination(analyze_text):
    report = analyze_text("Hamas and Fatah met in Cairo. The two movements agreed to form a unity government.")
    agreed = next(e for e in report.events if e.text == "agreed")
    assert _names_of(report, agreed.sources) == ["Fatah", "Hamas"]


def test_acronym_gloss_applies_to_whole_article(analyze_text):
    report = analyze_text("RSF shells city\n\nThe Rapid Support Forces (RSF) attacked the town. Later the RSF withdrew.")
    (rsf,) = [a for a in report.actors if "RSF" in a.aliases]
    assert rsf.name == "Rapid Support Forces"
    assert rsf.mentions == ((0, 3), (21, 41), (43, 46), (77, 80))  # headline, name, gloss, later


@pytest.mark.parametrize(
    "text, initialism, full",
    [
        # an unbracketed initialism of a name the article gives in full is that actor
        (
            "Red Hot Chili Peppers announced a benefit concert in support of Bernie Sanders.\n\n"
            "Band member Flea shared the news, writing: The Rhcp offered to give him the money.",
            "Rhcp",
            "Red Hot Chili Peppers",
        ),
        ("The Committee to Protect Journalists criticised Egypt. The CPJ urged Cairo to free them.", "CPJ", "Committee to Protect Journalists"),
    ],
)
def test_initialism_of_a_named_actor_is_that_actor(analyze_text, text, initialism, full):
    report = analyze_text(text)
    start = text.index(initialism)
    (actor,) = [a for a in report.actors if (start, start + len(initialism)) in a.mentions]
    assert actor.name == full


def test_surname_refers_to_full_name(analyze_text):
    report = analyze_text("Mahmoud Abbas met the envoy in Amman. Abbas said the meeting went well.")
    assert [a.name for a in report.actors if a.kind == "person"] == ["Mahmoud Abbas"]


@pytest.mark.parametrize(
    "text, word",
    [
        # the tagger takes the second "Trump" for a common noun and the NER passes it by
        ("Donald Trump said Hillary Clinton caused the migration. Trump blamed the problem of mass "
         'shootings on "sickos" and suggested building institutions to house them.', "Trump blamed"),
        ("Bernie Sanders called Donald Trump a liar. Sanders unloaded on the Post during a media breakfast.", "Sanders unloaded"),
        # the NER takes a surname opening a paragraph for a place no gazetteer knows
        ("Justice Ruth Bader Ginsburg criticized Donald Trump in three interviews.\n\nGinsburg is known for her outspoken dissents.", "Ginsburg is"),
        ("Clinton praised Erica Smegielski at the rally.\n\nSmegielski lost her mother in the shooting.", "Smegielski lost"),
    ],
)
def test_surname_the_ner_missed_is_the_named_person(rule_events, text, word):
    report = rule_events(text)
    start = text.index(word)
    (actor,) = [a for a in report.actors if any(s == start for s, _ in a.mentions)]
    assert actor.kind == "person" and actor.name.endswith(word.split()[0]) and " " in actor.name


@pytest.mark.parametrize(
    "text, word, name",
    [
        # a first name alone that the NER passed by (or took for a place): the one person of
        # the article with that first name
        ("Paul Keller was charged with killing Tamika Ruiz.\n\nKeller shot Tamika in March.", "Tamika in", "Tamika Ruiz"),
    ],
)
def test_first_name_the_ner_missed_is_the_named_person(rule_events, text, word, name):
    report = rule_events(text)
    start = text.index(word)
    (actor,) = [a for a in report.actors if any(s == start for s, _ in a.mentions)]
    assert actor.name == name


def test_bare_agent_refers_to_earlier_composed_agent(analyze_text):
    report = analyze_text("Sudan's army blocked the convoy. The officials said the army seized three trucks.")
    seized = next(e for e in report.events if e.text == "seized")
    assert _names_of(report, seized.sources) == ["Sudan's army"]


@pytest.mark.parametrize(
    "text, trigger, sources",
    [
        # an agent owned by a pronoun is the pronoun's actor in that role
        ("The Israeli army denied that its soldiers killed a man.", "killed", ["Israel Defense Forces"]),
        ("Russia said its jets bombed the town.", "bombed", ["jets of Russia"]),
        # "X-led" forces are X's; a building owned by "its" names no doer
        ("Saudi-led warplanes bombed a market.", "bombed", ["Saudi-led warplanes"]),
        ("Iranian-backed militias attacked the town.", "attacked", []),
    ],
)
def test_owned_agents_act_for_their_owner(analyze_text, text, trigger, sources):
    report = analyze_text(text)
    (event,) = [e for e in report.events if e.text == trigger]
    assert _names_of(report, event.sources) == sources
    assert [e.text for e in report.events] == [trigger]  # "Saudi-led" relates no two actors


@pytest.mark.parametrize(
    "text, trigger, sources",
    [
        # a quantity or collective heads the phrase; the people it counts act
        ("Dozens of Iraqi Kurds demonstrated in Kirkuk.", "demonstrated", ["Iraq"]),
        ("A group of Iraqi Kurds demonstrated in Kirkuk.", "demonstrated", ["Iraq"]),
        # a city is where, not who: the protesters march, and no actor stands for them
        ("Protesters marched in Paris.", "marched", []),
    ],
)
def test_counted_people_act(analyze_text, text, trigger, sources):
    report = analyze_text(text)
    (event,) = [e for e in report.events if e.text == trigger]
    assert _names_of(report, event.sources) == sources
    assert report.span_text(event.source_spans[0]).split()[-1] in {"Kurds", "Protesters"}


@pytest.mark.parametrize(
    "text, pronoun, expected",
    [
        # a subject pronoun continues the last subject, not the last name
        ("Senator Ted Cruz is highlighting his win over Donald Trump as he urges voters to unite.", "he", ["Ted Cruz"]),
        ("Donald Trump praised Matthew Boyle on Monday. He said the reporter was very good.", "He", ["Donald Trump"]),
        # an object pronoun still takes the nearest name
        ("Donald Trump met Matthew Boyle on Monday and thanked him.", "him", ["Matthew Boyle"]),
        # the owner of the subject ("Tuttle's article attacked ...") is the subject a "he" continues
        # (the parser hangs "Tuttle’s" here as nmod, not poss)
        ("Ian Tuttle’s article also attacked Chris Christie by accusing him of endorsing Donald Trump. He calls the endorsement shameful.", "He",
         ["Ian Tuttle"]),
        # a "she" is not a man the article calls a father, nor a "he" a woman it calls a mother
        ("Mark Jones, the father of the victim, met Anna Brown. She thanked him.", "She", ["Anna Brown"]),
        ("Anna Brown, the mother of the victim, met Mark Jones. She thanked him.", "him", ["Mark Jones"]),
    ],
)
def test_pronoun_resolution(nlp, text, pronoun, expected):
    from newsgraph.actors import ActorCatalogue, resolve_actors, resolve_pronoun

    doc = nlp(text)
    index = resolve_actors(doc, ActorCatalogue.packaged(nlp))
    token = next(t for t in doc if t.text == pronoun)
    assert [index.name_of(k) for k in resolve_pronoun(token, index)] == expected


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the speaker of a quotation is not a person named inside it
        ('Hillary Clinton spoke on MSNBC on Monday.\n"I did not say, if Sen. Obama does X, I will support Sen. Obama," she said.', "Hillary Clinton"),
        # however many sentences it runs to
        ('Clinton recalled her role in 2008 behind then-senator Barack Obama.\n"I did not put down conditions. I did not say, you know what, if '
         'Sen. Obama does X, I will support Sen. Obama," she said.', "Clinton"),
        # nobody before the quotation: no speaker rather than the man in it
        ('"I will never work with Donald Trump," he said.', None),
    ],
)
def test_speaker_pronoun_skips_the_quotation_it_introduces(analyze_text, text, speaker):
    report = analyze_text(text)
    (said,) = [a for a in report.attributions if a.cue.text == "said"]
    assert (report.actor(said.source.actor).name if said.source.actor else None) == speaker
    if speaker:  # the quotation's "I" is the speaker too, so she is the one who will support
        (support,) = [e for e in report.events if e.text == "support"]
        assert _names_of(report, support.sources) == [speaker]


@pytest.mark.parametrize(
    "text, not_actors",
    [
        # lower-case words the statistical NER took for names, and web addresses
        ("Clinton, the former secretary of state, met voters in Iowa.", {"state"}),
        ("His mother bought him a navy-blue blazer before the trip.", {"navy"}),
        ("Follow the reporter on Twitter: https://twitter.com/ExampleReporter for updates.", {"https://twitter.com/ExampleReporter"}),
        # a headline's capitals on a common noun the body writes small ("super PACs")
        ("Super PAC ad attack coming;\nIowa targeted for two months.\n\nMost of the ads come from super PACs that can raise unlimited "
         "sums. Donald Trump criticized them.", {"Super PAC"}),
    ],
)
def test_not_every_entity_is_an_actor(analyze_text, text, not_actors):
    assert not not_actors & set(_actors(analyze_text(text)))


@pytest.mark.parametrize(
    "text, name, kind",
    [
        # a one-word name after "the" is a band, a firm or a team, not a person
        ("Flea is a bassist. The Rhcp offered to give Bernie Sanders the money.", "Rhcp", "organization"),
        # an apposition naming a role makes a person of the name the NER took for an organisation,
        # and of its full form
        ("Carly Fiorina said Ted Cruz lies. Fiorina, the former Hewlett-Packard CEO, took on Cruz.", "Carly Fiorina", "person"),
    ],
)
def test_kind_of_a_name_from_its_phrase(analyze_text, text, name, kind):
    report = analyze_text(text)
    assert [a.kind for a in report.actors if a.name == name] == [kind]
    assert not [a for a in report.actors if a.name != name and name.endswith(a.name)]  # one actor for the name


def test_listed_surnames_are_the_people_named_in_full(analyze_text):
    # the NER takes "Christie and Sessions" for one organisation
    report = analyze_text("Chris Christie and Jeff Sessions backed Donald Trump. The endorsements from Christie and Sessions helped him.")
    names = {a.id: a.name for a in report.actors}
    event = next(e for e in report.events if e.text == "endorsements")
    assert sorted(names[s] for s in event.sources) == ["Chris Christie", "Jeff Sessions"]
    assert "Christie and Sessions" not in names.values()


@pytest.mark.parametrize(
    "text, trigger, targets",
    [
        # a speaker says "I": a "him" in their quoted words is someone else, looked for from
        # the sentence before the quotation, however long the quotation is
        ('Senator Bernie Sanders spoke in Iowa on Monday.\n"I admire this man. The band offered to give him the money," Tom Hanks said.',
         "give", ["Bernie Sanders"]),
        ('Senator Bernie Sanders spoke in Iowa on Monday.\nTom Hanks praised the senator, writing "I admire this man. The band offered '
         'to give him the money."', "give", ["Bernie Sanders"]),
    ],
)
def test_third_person_pronoun_in_a_quotation_is_not_its_speaker(rule_events, text, trigger, targets):
    report = rule_events(text)
    (event,) = [e for e in report.events if e.text == trigger]
    assert _names_of(report, event.targets) == targets


def test_lone_surname_shared_by_two_people_is_the_one_last_named_as_subject(rule_events):
    text = ('John Miller died in the attack in 2012.\nKaren Miller, mother of the fallen soldier John Miller, rejected the claim.\n'
            '"She lied to me," Miller said.')
    report = rule_events(text)
    (said,) = [a for a in report.attributions if a.cue.text == "said"]
    assert report.actor(said.source.actor).name == "Karen Miller"


@pytest.mark.parametrize(
    "text, trigger, side, actors, words",
    [
        # people named by whom they side with are not that person: no actor, but still a party
        ("Senator Bernie Sanders' supporters criticized Hillary Clinton.", "criticized", "source", [], "Senator Bernie Sanders' supporters"),
        ('"I convinced my supporters to support Barack Obama," Hillary Clinton said.', "support", "source", [], "my supporters"),
        ('"We supported our allies in the war," Hillary Clinton said.', "supported", "target", [], "our allies"),
        ("Donald Trump's wife praised Hillary Clinton.", "praised", "source", [], "Donald Trump's wife"),
        # members do stand for their organisation
        ("Hamas sources accused Iran of lying.", "accused", "source", ["Hamas"], "Hamas sources"),
    ],
)
def test_possessor_is_not_the_people_it_owns(rule_events, text, trigger, side, actors, words):
    report = rule_events(text)
    (event,) = [e for e in report.events if e.text == trigger]
    ids, spans = (event.sources, event.source_spans) if side == "source" else (event.targets, event.target_spans)
    assert _names_of(report, ids) == actors
    assert [report.span_text(s) for s in spans] == [words]
