"""Word lists of the event layer (``newsgraph.events``): what triggers an event, and the
function words that say who did it to whom.

Curated by hand for conflict reporting, next to the packaged CAMEO verb dictionary: nominal
triggers and their codes (CAMEO's dictionary codes verbs only), relational epithets, and the
prepositions, modals and hints the argument and mode rules read.
"""

from __future__ import annotations

# Nouns that name events. CAMEO's dictionary codes verbs only; these are the nominal
# triggers common in conflict reporting, coded by the CAMEO category they describe.
# An invasion is armed force (PLOVER ASSAULT: COERCE stops "short of violence"); occupation
# is the holding of territory (CAMEO 192, PLOVER COERCE seize).
NOMINAL_TRIGGERS = {
    "offensive": "190", "attack": "190", "assault": "190", "raid": "190", "clash": "190",
    "fighting": "190", "war": "190", "invasion": "190", "occupation": "1921",
    "airstrike": "195", "strike": "190", "bombing": "183", "shelling": "194",
    "blockade": "191", "siege": "191", "massacre": "202", "killing": "190",
    "arrest": "173", "detention": "173", "kidnapping": "181", "abduction": "181",
    "cooperation": "060", "collaboration": "060", "alliance": "060", "partnership": "060",
    "shipment": "070", "aid": "070", "assistance": "070", "funding": "071", "financing": "071",
    "reconciliation": "050", "talk": "046", "negotiation": "046", "meeting": "040",
    "summit": "040", "visit": "042", "agreement": "057", "deal": "057", "treaty": "057",
    "ceasefire": "0871", "truce": "0871", "sanction": "163", "embargo": "163",
    "protest": "140", "demonstration": "141", "rally": "141", "riot": "145", "walkout": "143",
    "boycott": "1244", "threat": "130",
    "accusation": "112", "condemnation": "111", "criticism": "111", "smuggling": "070",
    # nouns naming the CAMEO category itself: 090 Investigate, 100 Demand, 120 Reject, 130 Threaten
    "investigation": "090", "inquiry": "090", "probe": "090", "demand": "100",
    "refusal": "120", "rejection": "120", "ultimatum": "130",
    # campaign and protest news: the nouns of acts its verbs already code
    "endorsement": "051", "apology": "055", "donation": "071", "ban": "172",
    "critique": "111", "insult": "112", "smear": "112",
    "lawsuit": "115", "tribute": "051", "pact": "057", "derision": "111", "takedown": "111",
    "invitation": "040", "request": "020", "call": "020", "denunciation": "111",
    # conflict and protest news: attacks and gatherings named by a noun ("an ambush by
    # gunmen", "a rocket barrage on the airport", "cross-border firing", "held a vigil")
    "ambush": "190", "barrage": "194", "firing": "190", "gunfire": "190", "vigil": "141", "picket": "141",
}

# Nominal triggers that name an act only with its complement: "his call for a ban", "a request
# to extradite", "an invitation to visit" (not "a close call", "on request").
COMPLEMENTED_NOMINAL_TRIGGERS = {
    "call": frozenset({"for", "on"}), "request": frozenset({"for", "from"}), "invitation": frozenset({"from", "to"}),
}

# Modifiers that change what a nominal trigger names: a "hunger strike" is a protest (142), a
# "general strike" a labour action (143), not an air strike.
# None: the modifier makes it no act ("a heart attack", "weak steel demand").
NOMINAL_TRIGGER_MODIFIERS: dict[str, dict[str, str | None]] = {
    "strike": {"hunger": "142", "general": "143", "labour": "143", "labor": "143", "worker": "143", "nationwide": "143"},
    "attack": {"heart": None, "panic": None, "asthma": None, "anxiety": None},
    # "a social call on the attorney general", "a courtesy call on the president": a visit
    "call": {"social": "042", "courtesy": "042"},
    "demand": {
        "consumer": None, "market": None, "oil": None, "steel": None, "energy": None, "global": None,
        "weak": None, "strong": None, "rising": None, "falling": None, "domestic": None, "export": None,
    },
}

# Verbs that say which sense a nominal trigger has when it is their object (or, for "go on
# strike", the object of their preposition): workers "stage", "hold", "call", "join" or "go
# on" a strike (143, a labour action), while forces "launch" or "carry out" one (an attack).
# A modifier (NOMINAL_TRIGGER_MODIFIERS) decides first: "staged a hunger strike" is 142.
NOMINAL_TRIGGER_GOVERNORS: dict[str, dict[str, str]] = {
    "strike": {
        "stage": "143", "hold": "143", "call": "143", "join": "143", "go": "143", "organize": "143",
        "organise": "143", "declare": "143", "announce": "143", "extend": "143", "end": "143", "continue": "143",
    },
}

# Nominal triggers that name a standing relation or a market quantity as often as an act:
# without an actor they are no happening ("the BJP-led alliance", "demand from refiners").
STANDING_NOUNS = {"alliance", "partnership", "cooperation", "collaboration", "aid", "assistance", "funding", "financing", "demand", "deal"}

# Support verbs: their object noun is the real event ("intensified their cooperation"), so
# the verb is no event of its own and its subject is the noun event's source.
NOMINAL_SUPPORT_VERBS = {
    "intensify", "increase", "boost", "step", "launch", "begin", "start", "continue", "expand",
    "strengthen", "deepen", "conduct", "carry", "resume", "escalate", "mount", "stage", "hold",
    "have", "facilitate", "share", "receive", "provide", "maintain", "renew", "seek",
    "announce", "repeat", "reiterate",
    # "dropped direct attacks on Sanders", "lobbing attacks on her", "leveled criticism at":
    # the support verb's subject is the attacker
    "drop", "lob", "level", "unleash", "direct",
    # "pressing his attack", "pursued its offensive": carrying on what the noun names
    "press", "pursue",
    # "paid a visit to Kabul", "paid a courtesy call on the president", "paid tribute to"
    "pay",
}

# Verbs whose subject undergoes the act their object noun names: "faced attacks from the
# Left", "received an apology", "drew fire", "weathered the assault". The noun act's doer is
# in its own phrase, if named; the subject is its target. Not the verbs of denial ("rejected
# the Ukrainian accusation"): factuality reads their object as denied, and a denied mention
# aimed at the denier would join, and contradict, the act it retells.
UNDERGOING_VERBS = frozenset({
    "face", "receive", "draw", "attract", "weather", "endure", "suffer", "withstand", "survive",
    "absorb", "incur",
})
# The same through a preposition: "dealt with criticism", "came under attack", "became the
# subject of derision", "is the target of attacks".
UNDERGOING_PHRASES = frozenset({("deal", "with"), ("contend", "with"), ("grapple", "with"), ("come", "under"), ("be", "under")})
UNDERGOING_ROLES = frozenset({"subject", "target", "object", "victim", "focus"})

# Verbs that hold someone to account for an act ("criticized Clinton for her meeting", "was
# praised for the deal", "apologized for the meeting", "sued the paper for its report"): the
# one held to account did the act a "for" phrase names. Not "arrest"/"charge": an arrest for a
# killing accuses the arrested, it does not report who killed.
ANSWERING_VERBS = frozenset({
    "criticize", "blame", "fault", "slam", "condemn", "rebuke", "reprimand", "censure", "scold",
    "chastise", "lambast", "mock", "ridicule", "praise", "thank", "credit", "applaud", "commend",
    "apologize", "sue", "fine", "punish", "sanction", "impeach",
})
# "has been under fire for a meeting", "came under scrutiny for its ads": the same, as a state.
ANSWERING_STATES = frozenset({"fire", "attack", "scrutiny", "criticism", "pressure"})

# Hyphenated relational modifiers: "ISIS-allied Hamas" says ISIS is allied with Hamas.
# The participle -> the relation it names.
EPITHET_RELATIONS = {
    "allied": "ally", "backed": "back", "supported": "support", "sponsored": "sponsor",
    "funded": "fund", "armed": "arm", "linked": "link", "affiliated": "affiliate",
    "aligned": "align", "controlled": "control", "ruled": "rule", "led": "lead",
    "inspired": "inspire", "run": "run", "trained": "train",
}

# The CAMEO code of each relation an epithet names ("allied" -> ally -> 060 cooperate).
EPITHET_CODES = {
    "ally": "060", "back": "050", "support": "050", "sponsor": "070", "fund": "071",
    "arm": "072", "link": "060", "affiliate": "060", "align": "050", "control": "060",
    "rule": "060", "lead": "060", "inspire": "050", "run": "060", "train": "0622",
}

# Prepositions on a verb whose object is the act's target ("fought with", "sanctions against").
TARGET_PREPOSITIONS = {"with", "to", "against", "on", "at", "into", "toward", "towards", "upon", "between", "for", "from", "of"}

# Prepositions of place: an actor after them inside an object phrase says where the act
# happened ("an attack ... in south Ithilen"), and is its target only when nothing else is.
LOCATIVE_PREPOSITIONS = {"in", "near", "inside", "outside", "across", "throughout", "around", "within"}

# Prepositions on a verb's object that name its recipient: "sold weapons to Syria", "sent
# troops into Libya".
RECIPIENT_PREPOSITIONS = {"to", "into", "against", "toward", "towards", "for"}

# Words that make an act with several sources mutual: "held joint talks", "accused each other".
SYMMETRIC_HINTS = {"each", "mutual", "joint", "one", "together", "bilateral"}

# Reciprocal objects: every source acts on every other ("attacked each other").
RECIPROCAL_OBJECTS = {"each other", "one another"}

# Particles of phrasal verbs: a dictionary pattern made of these alone ("- * ON", "press on")
# belongs to the verb it was written for, not to the rest of its family.
PATTERN_PARTICLES = {
    "about", "across", "against", "ahead", "along", "apart", "around", "aside", "at", "away", "back",
    "behind", "by", "down", "for", "forward", "from", "in", "into", "off", "on", "out", "over",
    "through", "to", "toward", "towards", "under", "up", "upon", "with",
}

# Modals of a mandative complement: "demanded that Sudan must return" asks someone to act.
DIRECTIVE_MODALS = {"must", "should", "ought"}

# Subordinators of a condition, which is no act done: "unless the US lifted sanctions".
CONDITION_MARKERS = {"if", "unless", "until"}

# Adjectives of readiness: an act someone is "willing to" or "ready to" do is offered.
WILLINGNESS_ADJECTIVES = {"willing", "prepared", "ready", "committed", "eager", "keen", "open"}

# Modal auxiliaries: a complement clause with one states no fact ("said Sudan must return").
MODAL_AUXILIARIES = {"must", "should", "shall", "will", "would", "could", "can", "may", "might", "ought"}

# Deontic modals: "Russia said Sudan must return the helicopter" is a demand by the speaker.
DEONTIC_MODALS = {"must"}

# Nouns for an issued message: a participle on one ("released a statement condemning ...")
# is the message's act.
MESSAGE_NOUNS = {
    "statement", "declaration", "communique", "communiqué", "letter", "message", "resolution", "note",
    "memorandum", "decree", "appeal", "warning", "ultimatum", "petition", "reminder", "report",
}

# Occasions of speech whose owner is the speaker: "Clinton's speech denouncing his policies".
SPEECH_EVENT_NOUNS = {"speech", "address", "remark", "comment", "tweet", "interview", "op-ed", "editorial", "ad", "video", "column", "article"}

# Texts that criticise, accuse or endorse in their own right ("the piece goes on to slam
# Sanders", "an article accuses Trump", "a fact check ridicules them"): the side of a verbal
# act a text does, where no actor stands for its author.
TEXT_NOUNS = frozenset({
    "article", "piece", "editorial", "column", "op-ed", "check", "report", "statement", "letter",
    "tweet", "post", "ad", "advertisement", "video", "book", "essay", "memo", "story",
})

# Attack verbs that campaign news uses for words ("Clinton attacked Trump", "his tweet hit
# Clinton"), and what marks the verbal reading: a text as the attacker, or the medium it
# happened in ("on Twitter", "in a speech").
ATTACK_VERBS = frozenset({"attack", "hit", "strike", "target", "hammer", "blast", "bash", "assail"})
# Media an act is made *on* ("went on the attack on television"), as against things an attack
# can be made on ("an attack on the rally"): the broadcast and social ones only.
BROADCAST_MEDIA = frozenset({"television", "tv", "radio", "airwaves", "twitter", "facebook"})
SPOKEN_MEDIA = BROADCAST_MEDIA | {
    "tweet", "post", "article", "column", "op-ed", "editorial", "speech", "interview", "debate",
    "rally", "ad", "advertisement", "commercial", "video", "book", "memo", "email", "essay",
    "remarks", "statement", "letter", "message", "podcast", "show", "broadcast",
}
# "fired James Comey", "sacked the minister": with a person or an office holder as object these
# verbs dismiss from office (PLOVER SANCTION); one fires *at* people and fires weapons.
DISMISSAL_VERBS = frozenset({"fire", "sack"})
OFFICE_HOLDERS = frozenset({
    "aide", "adviser", "advisor", "chief", "director", "manager", "minister", "official", "officer",
    "secretary", "spokesman", "spokeswoman", "staff", "staffer", "employee", "commissioner", "head",
    "chairman", "chairwoman", "general", "commander", "coach", "prosecutor", "attorney", "ambassador",
})
# "rally" is a protest only against something ("a rally against the war"); in campaign news a
# rally is the candidate's own event (the judged articles: 8 campaign rallies, no protest).
CAMPAIGN_GATHERINGS = frozenset({"rally"})
PROTEST_PREPOSITIONS = frozenset({"against", "over"})
PROTEST_CAUSES = frozenset({"protest", "solidarity", "support", "memory", "defiance"})  # "a rally in protest of"
# Protest verbs that also mean showing: with an object or a clause they show ("demonstrated his
# resolve", "demonstrated that the plan works").
SHOWING_VERBS = frozenset({"demonstrate"})
# Parts of CAMEO actor codes that mark an armed party: military, police, rebels, insurgents,
# intelligence, unidentified armed forces, militarised groups ("IMGMUSISI").
ARMED_CODE_PARTS = ("MIL", "COP", "REB", "INS", "SPY", "UAF", "IMG")
# Weapons and armed attackers, in the event judge's word class and in an attack's sentence.
WEAPONS = frozenset({
    "bomb", "bombing", "explosive", "ied", "rocket", "missile", "shell", "mortar", "grenade",
    "bullet", "gunfire", "airstrike", "raid", "drone", "artillery", "tank", "gunman", "sniper",
    "militant", "attacker", "assailant",
})
# Words that make an attack in the sentence physical: weapons, armed attackers, casualties.
FORCE_WORDS = WEAPONS | {
    "gun", "rifle", "knife", "terrorist", "terror", "shooting", "stabbing", "kill", "wound", "injure",
    "die", "dead", "death", "casualty", "victim", "shoot", "stab", "beat", "punch", "kick", "assault",
    "hostage",
}
# Instruments that make an attack physical whoever makes it ("attacked the governor with grenades").
ATTACK_INSTRUMENT_PREPOSITIONS = frozenset({"with", "using"})

# Prepositions that introduce what an act is about ("agreed to an extension", "called for a
# ceasefire"), not when or where it happened.
ARGUMENT_PREPOSITIONS = {"to", "for", "against", "on", "with", "over", "about", "into", "from"}

# Lemmas of mental states, needs and plans: a candidate on one of these is more often an
# attitude than an act (read by the event judge, ``newsgraph.event_judge``).
JUDGE_MENTAL_STATES = frozenset({
    "think", "believe", "want", "hope", "need", "expect", "feel", "know", "wish", "fear",
    "worry", "like", "love", "hate", "seem", "appear", "plan", "intend", "try", "consider",
    "wonder", "doubt", "suspect", "prefer",
})

# The CAMEO code of each PLOVER type's plain reading ("Disapprove", "Assault", "Consult"): the
# code an event takes when the event judge's type model overrules the type of the rules'
# specific reading ("attacked" as 190 military force, judged a verbal ACCUSE: 110).
PLOVER_PLAIN_CODES = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "CONCEDE": "080", "COOPERATE": "060",
    "AID": "070", "RETREAT": "084", "REQUEST": "020", "ACCUSE": "110", "REJECT": "120",
    "THREATEN": "130", "PROTEST": "140", "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170",
    "ASSAULT": "180",
}

# Modal auxiliaries: an act under one is possible or planned, not done.
JUDGE_MODALS = frozenset({"will", "would", "could", "should", "may", "might", "can", "must", "shall"})

# Word classes the event judge reads on an act's subject and in its sentence, so that a few
# examples teach a class, not one word: what forces and accidents do ("a tsunami killed") is
# no act, what weapons do ("a bomb killed") is one whoever set them, and a match, a market or
# a poll is the news of a sentence ("crushed 4-1 in the final", "the rand rallied").
JUDGE_WORD_CLASSES = {
    "force": frozenset({
        "earthquake", "quake", "aftershock", "tremor", "tsunami", "flood", "flooding", "storm",
        "hurricane", "typhoon", "cyclone", "tornado", "avalanche", "landslide", "mudslide",
        "wildfire", "fire", "blaze", "eruption", "volcano", "lava", "drought", "heatwave", "heat",
        "rain", "rainfall", "snow", "hail", "hailstone", "wind", "gust", "lightning", "wave",
        "virus", "disease", "outbreak", "epidemic", "collision", "crash", "derailment",
        "accident", "leak", "collapse",
    }),
    "weapon": WEAPONS | {"device", "mine", "strike"},
    "game": frozenset({
        "match", "final", "semi", "semifinal", "quarter", "title", "championship", "cup",
        "medal", "goal", "tournament", "league", "season", "race", "lap", "set", "wicket",
        "inning", "game", "point", "score", "stadium", "coach", "player", "team", "club",
    }),
    "market": frozenset({
        "share", "stock", "price", "index", "market", "currency", "dollar", "euro", "yen",
        "bond", "yield", "trading", "investor", "earnings", "profit", "revenue", "percent",
    }),
    "poll": frozenset({"poll", "survey", "respondent", "voter", "approval", "rating", "margin"}),
}

# Who can be a side of an event though no actor stands for it: personal pronouns (not "it",
# which is as often a thing) and the statistical NER's people, groups, organisations and
# places acting as states.
PARTY_PRONOUNS = frozenset({
    "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "they", "them", "their",
})
PARTY_ENTITIES = frozenset({"PERSON", "NORP", "ORG", "GPE"})
# Nouns that count or gather the party named after "of": "hundreds of protesters marched",
# "a group of students", "a crowd of supporters". The counted people are the side.
QUANTITY_HEADS = frozenset({
    "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "tens", "scores",
    "crowd", "crowds", "group", "groups", "number", "handful", "band", "mob", "throng", "contingent",
})


# Verbs whose prepositional object does the infinitive that follows ("called on her to resign",
# "appealed to Congress to act", "waited for Obama to leave"): object control through a
# preposition. Elsewhere an infinitive's doer is the verb's subject ("went on TV to attack").
CONTROLLING_PREPOSITIONS: dict[str, frozenset[str]] = {
    "call": frozenset({"on", "upon"}),
    "prevail": frozenset({"on", "upon"}),
    "appeal": frozenset({"to"}),
    "rely": frozenset({"on", "upon"}),
    "count": frozenset({"on"}),
    "depend": frozenset({"on", "upon"}),
    "wait": frozenset({"for"}),
    "look": frozenset({"to"}),
}

# Verbs that tell one act in other words, by the word coreference compares triggers on
# ("murdered Trayvon" retells "shot and killed Trayvon"): each maps to one of them.
SAME_ACT = {
    "murder": "kill",
    "slay": "kill",
    "assassinate": "kill",
}
