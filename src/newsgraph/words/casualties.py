"""Words ``casualties`` reads to count the killed, injured and arrested."""

# Verbs, participles and adjectives whose patient is the counted group: "12 people were
# killed", "killing 5", "3 dead", "40 protesters detained". Lemmas and lower-cased forms.
KILLED_WORDS = frozenset({"kill", "killed", "dead", "die", "slay", "slain", "massacre", "massacred", "execute", "executed"})
INJURED_WORDS = frozenset({"wound", "wounded", "injure", "injured", "hurt"})
ARRESTED_WORDS = frozenset({"arrest", "arrested", "detain", "detained", "apprehend", "apprehended"})

# Verbs whose subject is the group the count describes even in the active voice.
INTRANSITIVE_DEATH = frozenset({"die", "perish"})

# Nouns that are themselves the counted thing: "12 deaths", "40 arrests", "the bodies of 5 men".
# "casualties" is left out: it mixes the dead and the wounded.
KILLED_NOUNS = frozenset({"death", "fatality", "body", "dead"})
INJURED_NOUNS = frozenset({"injury", "wounded", "injured"})
ARRESTED_NOUNS = frozenset({"arrest", "detention", "detainee"})

# "the death toll rose to 30", "a toll of 30": a toll alone counts the dead.
TOLL_NOUNS = frozenset({"toll"})
TOLL_PREPOSITIONS = frozenset({"to", "at", "of"})

# Verbs that leave people in a state named by their complement: "leaving 3 dead".
RESULT_VERBS = frozenset({"leave"})

# Nouns for the people a count can describe. Plural demonyms ("three Palestinians") are
# recognised by their entity label instead.
PERSON_NOUNS = frozenset({
    "people", "person", "persons", "man", "men", "woman", "women", "child", "children", "boy", "girl",
    "civilian", "soldier", "troop", "officer", "policeman", "policemen", "police", "guard", "militant",
    "fighter", "rebel", "insurgent", "gunman", "gunmen", "protester", "protestor", "demonstrator", "activist",
    "student", "worker", "journalist", "reporter", "resident", "villager", "migrant", "refugee", "passenger",
    "pilgrim", "worshipper", "worshiper", "member", "supporter", "suspect", "prisoner", "detainee", "hostage",
    "inmate", "patient", "doctor", "nurse", "teenager", "youth", "adult", "infant", "baby", "farmer",
    "miner", "tourist", "citizen", "national", "other", "others", "staff", "employee", "official", "leader",
    "commander", "jihadist", "extremist", "terrorist", "attacker", "assailant", "bomber", "mourner", "voter",
    "opponent", "dissident", "crew", "sailor", "marine", "pilot", "peacekeeper", "agent", "individual",
    "victim", "casualty", "survivor", "bystander", "pedestrian", "driver", "shopper", "spectator", "fan",
    "serviceman", "servicemen", "servicewoman", "paratrooper", "policewoman", "militiaman", "militiamen",
    "guerrilla", "settler", "commando", "recruit", "conscript", "cadet", "monk", "priest", "nun",
})  # fmt: skip

# Entity labels of plural group nouns that are people: "three Palestinians", "two Americans".
PEOPLE_LABELS = frozenset({"NORP", "GPE"})

# Entity labels a number never counts people under: dates, ages ("35-year-old"), money,
# percentages, measures, ordinals, and names with numbers in them ("Route 9", "Apollo 11").
NOT_COUNTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "FAC", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT", "ORG", "PERSON"})

# Number words, for counts written out.
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# Vague plural amounts, recorded as the least they can mean ("dozens" is at least two
# dozen) and marked approximate. "several", "many", "some" name no number and are not counts.
VAGUE_AMOUNTS = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000}

# Words before a number that make it a bound or an estimate: "at least 12", "more than 100",
# "nearly 50", "an estimated 30".
APPROXIMATE_WORDS = frozenset({"about", "nearly", "almost", "around", "approximately", "roughly", "some", "over", "estimated", "under", "possibly", "perhaps"})
APPROXIMATE_PHRASES = frozenset({("at", "least"), ("more", "than"), ("up", "to"), ("fewer", "than"), ("less", "than"), ("as", "many")})
