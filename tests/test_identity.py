"""Who is who: entity keys, roles at a date, one actor per person in an article, and the
wrong identities (a person named like a country, outlets taken for cities, headline runs)."""

from __future__ import annotations

import pytest

from newsgraph.identity import entity_key, fold_name
from newsgraph.places import city_country


@pytest.mark.parametrize(
    "name, folded",
    [
        ("Donald J. Trump", "donald trump"),
        ("Mr. Trump", "trump"),
        ("Mr. Donald Trump Jr.", "donald trump"),
        ("Sen. Ted Cruz", "ted cruz"),
        ("Secretary of State John Kerry", "john kerry"),
        ("George W. Bush", "george bush"),
        ("Mahmoud Abbas", "mahmoud abbas"),
        ("President", "president"),  # a title alone stays what it is
    ],
)
def test_person_names_fold_titles_initials_and_suffixes(name, folded):
    assert fold_name(name) == folded


@pytest.mark.parametrize(
    "name, code, kind, key",
    [
        # catalogue entries are themselves, whatever code they share
        ("White House", "USAGOV", "organization", "cat:white house"),
        ("State Department", "USAGOV", "organization", "cat:state department"),
        ("Barack Obama", "USAGOV", "person", "cat:barack obama"),
        ("John Kerry", "USAGOV", "person", "cat:john kerry"),
        ("Joe Biden", "USAGOV", "person", "cat:joe biden"),
        ("Hamas", "PSEREBHMS", "group", "cat:hamas"),
        # a state's armed forces are one identity, catalogued or composed
        ("Israel Defense Forces", "ISRMIL", "organization", "code:ISRMIL"),
        ("Israeli troops", "ISRMIL", "agent", "code:ISRMIL"),
        ("Israel", "ISR", "country", "country:ISR"),
        ("Gaza", "PSEGZA", "country", "country:PSEGZA"),  # a territory is not its country
        ("Palestine", "PSE", "country", "country:PSE"),
        # persons the catalogue lacks, by their folded name
        ("Donald J. Trump", None, "person", "person:donald trump"),
        ("Mr. Donald Trump", None, "person", "person:donald trump"),
        ("Bedouin smugglers", None, "agent", "name:bedouin smugglers"),
        ("", None, "organization", None),
    ],
)
def test_entity_key_of_a_stored_actor(name, code, kind, key):
    assert entity_key(name, code, kind) == key


def test_catalogue_entries_sharing_a_name_but_not_a_code_stay_apart(nlp):
    from newsgraph.actors import ActorCatalogue

    catalogue = ActorCatalogue.packaged(nlp)
    by_entity: dict[str, set[str]] = {}
    for entry in catalogue.entries.values():
        by_entity.setdefault(entry.entity, set()).add(entry.code or "")
    shared = {entity: codes for entity, codes in by_entity.items() if entity.startswith("cat:") and len(codes) > 1}
    assert not shared


def _actors(report):
    return {(a.entity, a.code) for a in report.actors}


@pytest.mark.parametrize(
    "published, code",
    [
        ("2011-05-01", "USAGOV"),  # Secretary of State, 2009-2013
        ("2016-05-01", "USAELI"),  # candidate: the undated role
        (None, "USAELI"),  # no date: the catalogue's current role
    ],
)
def test_a_catalogue_person_acts_in_the_role_held_on_the_publication_date(analyze_text, published, code):
    report = analyze_text("Hillary Clinton met Israeli officials in Jerusalem on Monday to discuss the peace talks.", published)
    assert ("cat:hillary clinton", code) in _actors(report)


@pytest.mark.parametrize(
    "text, entities",
    [
        (
            "Donald J. Trump spoke in Ohio on Monday. Trump said the trade deal was a disaster for workers. "
            "Mr. Trump then attacked Hillary Clinton, and Donald Trump later criticized Clinton again.",
            {"person:donald trump", "cat:hillary clinton"},
        ),
        (
            "Israeli troops attacked Hamas positions overnight. The Israeli army said its soldiers fired at militants.",
            {"code:ISRMIL", "cat:hamas", "country:ISR"},
        ),
        (
            "The White House and the State Department criticized Russia, and Obama, Kerry and Biden met on Friday.",
            {"cat:white house", "cat:state department", "country:RUS", "cat:barack obama", "person:kerry", "person:biden"},
        ),
        ("Lisa Monaco, the homeland security adviser, briefed reporters on Tuesday about the attack.", {"person:lisa monaco"}),
        ("Michael Jordan visited the White House on Tuesday with his family and friends.", {"person:michael jordan", "cat:white house"}),
        # a first name alone is the one person of the article with it
        (
            "Jeb Bush attacked Donald Trump in Iowa. Later, Jeb criticized Trump again.",
            {"person:jeb bush", "person:donald trump"},
        ),
        # a surname that is also an agent noun is a person, not "singers"
        ("Billionaire Paul Singer gave money to Ted Cruz and later criticized Donald Trump on Monday.", {"person:paul singer", "person:ted cruz", "person:donald trump"}),
    ],
)
def test_one_actor_per_entity_in_an_article(analyze_text, text, entities):
    report = analyze_text(text)
    found = [a.entity for a in report.actors if a.kind != "agent" or a.entity.startswith("code:")]
    assert set(found) == entities
    assert len(found) == len(set(found))  # never two actors of one entity


@pytest.mark.parametrize(
    "headline, verb, prose, entities",
    [
        (
            "Trump Warns Clinton Over Her Emails",
            "Warns",
            "Donald Trump warned Hillary Clinton on Monday that the scandal would follow her into the general election.",
            {"person:donald trump", "cat:hillary clinton"},
        ),
        (
            "Eric Garner Blasts Clinton On Police Reform",
            "Blasts",
            "The family of Eric Garner criticized Hillary Clinton on Tuesday for what they called empty promises on policing.",
            {"person:eric garner", "cat:hillary clinton"},
        ),
        (
            "Sanders Endorses Clinton In Philadelphia",
            "Endorses",
            "Bernie Sanders endorsed Hillary Clinton at a rally, urging his supporters to back her in the election.",
            {"person:bernie sanders", "cat:hillary clinton"},
        ),
        (
            "Biden Aims Insult At Trump, Slams Japanese Pride Instead",
            "Aims",
            "Vice President Joe Biden said on Monday that Donald Trump did not understand that Japan could not be a nuclear power.",
            {"cat:joe biden", "person:donald trump", "country:JPN"},
        ),
        (
            # the verb starts the NER's run: "Endorsed Trump" is no person
            "Right After This Senator Endorsed Trump, The Establishment Did Something Sick",
            "Endorsed",
            "Senator Jeff Sessions endorsed Donald Trump on Sunday, and Trump thanked him at a rally.",
            {"person:jeff sessions", "person:donald trump"},
        ),
        (
            "Obama Slams Putin Over Syria Strikes",
            "Slams",
            "Barack Obama criticized Vladimir Putin for the air strikes, saying they would only prolong the war.",
            {"cat:barack obama", "cat:vladimir putin", "country:SYR"},
        ),
        # a verb's base form opening a name after "To" (the NER's "Kill Emmett" is no person) ...
        (
            "Dealer Auctioning Off Gun Used To Kill Emmett Till",
            "Kill",
            "A dealer is selling the gun that was used to kill Emmett Till, an unarmed man.",
            {"person:emmett till"},
        ),
        # ... but a name the prose capitalises stays whole ("To Bill Clinton")
        (
            "Trump Sends Letter To Bill Clinton",
            "Sends",
            "Donald Trump sent a letter to Bill Clinton on Monday about the debate.",
            {"person:donald trump", "person:bill clinton"},
        ),
    ],
)
def test_a_title_case_headline_is_not_one_long_name(analyze_text, headline, verb, prose, entities):
    report = analyze_text(f"{headline}\n{prose}")
    assert {a.entity for a in report.actors} == entities
    assert not any(verb in alias.split() for a in report.actors for alias in (a.name, *a.aliases))


@pytest.mark.parametrize(
    "name, country",
    [
        ("CNN", None),  # Kannur's alternate name in GeoNames
        ("BBC", None),  # Bay City's
        ("UN", None),  # the town of Un, India
        ("IDF", None),
        ("NYC", "USA"),  # a city's own initials still name it
        ("LA", "USA"),
        ("Paris", "FRA"),
        ("El Fasher", "SDN"),
    ],
)
def test_acronyms_are_not_cities(name, country):
    assert city_country(name) == country


@pytest.mark.parametrize(
    "names, actors",
    [
        # (name, NER kind) in article order -> the actors left, by name
        ([("Latino Decisions", "organization"), ("Latino Decisions", "person")], ["Latino Decisions"]),
        ([("Donald J. Trump", "person"), ("Trump", "organization"), ("Donald Trump", "person")], ["Donald J. Trump"]),
        ([("Hillary Clinton", "person"), ("Bill Clinton", "person"), ("Clinton", "person")], ["Hillary Clinton", "Bill Clinton", "Clinton"]),
        ([("Kerry", "person"), ("Biden", "person")], ["Kerry", "Biden"]),
    ],
)
def test_unify_entities_joins_name_variants_of_one_actor(nlp, names, actors):
    from newsgraph.actors import ActorIndex, Mention, unify_entities
    from newsgraph.identity import normalise_name, person_key

    doc = nlp.make_doc(" . ".join(name for name, _ in names))
    index = ActorIndex(doc)
    start = 0
    for name, kind in names:
        end = start + len(nlp.make_doc(name))
        entity = person_key(name) if kind == "person" else f"name:{normalise_name(name)}"
        index.add(Mention(start, end, (f"ner:{kind}:{name.lower()}",), "ner"), name, None, kind, name, entity or "")
        start = end + 1
    unify_entities(index)
    assert [d.name for d in index.drafts.values()] == actors
