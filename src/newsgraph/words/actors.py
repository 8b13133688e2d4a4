"""Word lists of the actor layer (``newsgraph.actors``): the nouns, pronouns and function
words that let an unnamed mention ("the two movements", "they", "Hamas sources") point to an
actor.

Curated by hand from news usage; the catalogue of named actors itself is packaged data
(``actors.jsonl``), not a word list.
"""

from __future__ import annotations

# Heads of a definite description that refers back to the last group or organisation
# ("the movement", "the party").
GROUP_DESCRIPTION_HEADS = {"group", "movement", "organization", "organisation", "faction", "party"}

# Heads of a definite description that refers back to the last armed group ("the militia").
ARMED_GROUP_HEADS = {"militia", "insurgency", "rebel", "insurgent", "paramilitary"}

# Plural descriptions ("the two movements", "both countries") and the actor kinds they fit.
_ORGANISED = {"group", "organization"}
PLURAL_DESCRIPTION_HEADS = {
    "movement": _ORGANISED, "group": _ORGANISED, "organization": _ORGANISED, "organisation": _ORGANISED,
    "faction": _ORGANISED, "party": _ORGANISED | {"country"},
    "militia": {"group"}, "country": {"country"}, "nation": {"country"}, "state": {"country"},
    "government": {"country", "organization", "agent"}, "neighbor": {"country"}, "neighbour": {"country"},
    "power": {"country"}, "outlet": {"outlet"}, "newspaper": {"outlet"},
}

# How many actors a plural description counts: "the two movements", "both countries".
PLURAL_DESCRIPTION_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}

# Determiners stripped from the front of a name or mention ("The Rapid Support Forces").
LEADING_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}

# Pronouns and the actors they can stand for: plural ones a coordination or an organised
# actor, singular neuter ones an organised actor, personal ones a person.
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
SINGULAR_GROUP_PRONOUNS = {"it", "its", "itself"}
# Possessives that give an agent noun its owner: "its soldiers", "their fighters".
POSSESSIVE_GROUP_PRONOUNS = {"its", "their"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
PRONOUN_GENDERS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}

# Titles and kin or role nouns that say a person's gender when they stand at the name ("Mrs.
# Clinton", "Patricia Smith, mother of ...", "his wife, Melania"): a "she" is not a man the
# article calls a father, nor a "he" a woman it calls a mother.
GENDERED_WORDS = {
    **dict.fromkeys((
        "mr", "sir", "lord", "king", "prince", "father", "husband", "son", "brother", "widower", "grandfather",
        "grandson", "uncle", "nephew", "boyfriend", "businessman", "congressman", "spokesman", "chairman",
        "stepfather", "stepson",
    ), "m"),
    **dict.fromkeys((
        "mrs", "ms", "miss", "lady", "dame", "queen", "princess", "mother", "wife", "daughter", "sister", "widow",
        "grandmother", "granddaughter", "aunt", "niece", "girlfriend", "businesswoman", "congresswoman",
        "spokeswoman", "chairwoman", "actress", "stepmother", "stepdaughter",
    ), "f"),
}

# Heads naming people by whom they side with or belong to, who are not that person or
# group: "Sanders' supporters", "my supporters", "our allies", "Trump voters", "his wife".
# Members do stand for their organisation ("Hamas sources", "the army's soldiers"), so
# members, officials and staff are not here.
RELATED_PEOPLE_HEADS = {
    "supporter", "voter", "ally", "follower", "fan", "backer", "donor", "friend", "constituent",
    "critic", "opponent", "rival", "enemy", "detractor", "admirer", "loyalist", "sympathizer",
    "sympathiser", "family", "relative", "wife", "husband", "son", "daughter", "mother", "father",
    "child", "children", "parent", "brother", "sister", "widow", "grandchild", "grandson",
    "granddaughter", "nephew", "niece", "cousin",
}

# Prepositions that tie an agent noun to the country it belongs to: "soldiers from Israel",
# "lawmakers in France", "the government of Sudan".
OWNER_PREPOSITIONS = {"in", "from", "of"}

# Compounds that make a description a media outlet ("the news agency", "the TV station"),
# and the generic heads that are an outlet only with one of them ("the network" alone is not).
MEDIA_MODIFIERS = {"news", "television", "tv", "radio", "satellite", "cable", "wire", "media", "press"}
GENERIC_MEDIA_HEADS = {"network", "service", "site", "station", "channel", "wire"}

# Tokens that may stand between two names of one coordination the parser broke ("Fatah and
# ISIS-allied Hamas").
COORDINATION_FILLERS = {"and", "&", ",", "-", "both", "the", "its", "their"}

# Heads that count or collect the people named after "of" rather than naming a thing of theirs
# ("the homes of Iraqi Kurds" is no actor).
COUNTING_HEADS = {
    "thousand", "hundred", "dozen", "score", "million", "ten", "group", "crowd", "band", "number",
    "handful", "couple", "majority", "minority", "contingent", "delegation", "team",
}

# Words before or after a person's name that are not part of who the person is: courtesy
# titles, offices and ranks ("Mr. Trump", "Sen. Ted Cruz", "President Obama") and generational
# suffixes. Left out of a person's identity key so that every form of the name meets.
PERSON_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "prime", "minister", "secretary", "chancellor", "premier", "king", "queen", "prince",
    "princess", "sheikh", "emir", "sen", "senator", "rep", "representative", "congressman", "congresswoman",
    "gov", "governor", "mayor", "judge", "justice", "gen", "general", "col", "colonel", "lt", "maj", "major",
    "capt", "captain", "adm", "admiral", "sgt", "rev", "reverend", "pope", "ayatollah", "candidate", "nominee",
    "former", "presidential", "state", "elect", "of",
}
PERSON_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}

# Heads of an apposition that say its name is a person's ("Fiorina, the former CEO").
PERSON_APPOSITIONS = frozenset({
    "ceo", "executive", "founder", "chairman", "chairwoman", "senator", "governor", "mayor", "candidate",
    "nominee", "writer", "author", "columnist", "editor", "reporter", "journalist", "businessman",
    "businesswoman", "billionaire", "actor", "actress", "singer", "lawyer", "attorney", "congressman",
    "congresswoman", "secretary", "president", "spokesman", "spokeswoman", "wife", "husband", "son",
    "daughter", "mother", "father", "widow", "activist", "commentator", "host", "anchor",
})

# Heads of an official body, as opposed to a person in it: "the Palestinian health ministry"
# is one identifiable source wherever it is cited, "an army spokesman" could be anyone.
INSTITUTION_HEADS = {
    "administration", "agency", "army", "authority", "cabinet", "commission", "committee", "council",
    "court", "department", "embassy", "government", "military", "ministry", "navy", "office",
    "parliament", "police", "presidency", "prosecutor's office",
}
