"""Word lists of the factuality layer (``newsgraph.factuality``): the cues, hedges, modals
and governors that say how certainly, and whether at all, a text presents an event as real.

Curated by hand, following FactBank's distinctions; the counts in the comments are from the
UW and MEANTIME training sets the rules were tuned on. The packaged lexicons (hedges,
factives, MegaVeridicality norms) live in ``words.lexicon``.
"""

from __future__ import annotations

# Cue verbs by which the reporter distances itself from the content: "claimed", "alleged".
DISTANCING_CUES = {"claim", "allege", "insist", "contend", "purport", "complain", "boast", "speculate", "rumor", "rumour"}

# Cue verbs by which the reporter commits to the content: factive "found", "revealed".
COMMITTING_CUES = {"find", "reveal", "confirm", "show", "establish", "prove", "discover", "learn", "know", "acknowledge", "admit", "note", "point"}

# Adverbs that make an event possible ("perhaps", "maybe") or probable ("reportedly",
# "apparently").
POSSIBLE_ADVERBS = {"perhaps", "possibly", "maybe", "conceivably", "potentially"}
PROBABLE_ADVERBS = {"reportedly", "allegedly", "apparently", "likely", "probably", "supposedly", "purportedly", "seemingly", "presumably"}

# Verbs that hedge the clause under them: "seems to", "is believed to", "suspected".
RAISING_HEDGES = {"seem", "appear", "suggest", "believe", "think", "suspect", "expect", "hope", "fear", "doubt", "assume", "guess"}

# Governors whose complement is a future or intended act: "plans to", "vowed to", "ready to".
FUTURE_GOVERNORS = {
    "plan", "intend", "aim", "threaten", "vow", "promise", "pledge", "prepare", "hope", "expect", "want", "seek", "wish",
    "propose", "schedule", "decide", "willing", "ready", "prepared", "committed", "determined",
}

# Words the parser may attach as an adverb that are a verb's particle ("step down", "break
# even"): the particle is as factual as its verb.
ADVERB_PARTICLES = {"back", "down", "up", "out", "off", "away", "forward", "over", "in", "on", "even", "loose", "aside", "apart", "together"}

# Governors whose infinitive complement does happen (or, for fail/refuse, is negated).
# Not "have": "has to pay" is an obligation, rated hedged (UW train: 16 of 21).
ENTAILING_GOVERNORS = {
    "begin", "start", "continue", "manage", "help", "cause", "force", "enable", "keep", "go",
    "fail", "refuse", "decline", "stop", "cease", "remember", "dare", "bother", "happen",
    "get", "proceed", "resume", "succeed", "neglect", "forget", "hesitate", "use", "come",
    "need", "seem", "appear", "be", "allow", "let", "make",
    # "agreed to sell" is a commitment the gold rates certain (UW train: 16 of 22); "found to"
    "agree", "find",
}

# Aspectual governors, which pass on their report's future: in "said the team would cease
# looking" the "would" is the report's future for "looking" too. (Not the attribution
# layer's list of verbs a cue looks through.)
ASPECTUAL_GOVERNORS = {"begin", "start", "continue", "cease", "stop", "keep", "resume", "quit", "finish"}

# Modals of a refusal or inability when negated: "could not", "won't" ("wo" + "n't").
REFUSAL_MODALS = {"can", "could", "would", "'d", "ca", "wo"}

# Subjects that negate their clause: "nobody was hurt".
NEGATIVE_SUBJECTS = {"nobody", "none", "nothing", "no-one"}

# Hedges of a claim's generality or degree, not of whether the event happened: "usually wins",
# "relatively minor", "recovered somewhat" (MEANTIME train: rated certain).
NON_HEDGING_ADVERBS = {
    "often", "usually", "frequently", "generally", "mainly", "mostly", "largely", "essentially", "typically",
    "relatively", "somewhat", "fairly", "quite", "rather", "approximately", "roughly", "broadly",
}

# Verbs that stop what their object (or passive subject) names from happening.
PREVENTING_VERBS = {
    "delay", "cancel", "kill", "postpone", "scrap", "prevent", "veto", "thwart", "foil",
    "avert", "call", "shelve", "ground", "defer",
}

# Participles that say a noun event did not happen as planned: "the cancelled flight".
PREVENTED_MODIFIERS = {"cancelled", "canceled", "postponed", "delayed", "scrapped", "aborted", "failed", "abandoned", "suspended", "planned"}

# Adjectives that raise a subject out of a hedged predicate: "is likely to".
LIKELIHOOD_ADJECTIVES = {"likely", "unlikely"}

# Nouns whose complement is a goal, not an event done: "the aim is to ...".
GOAL_NOUNS = {"goal", "aim", "objective", "intention", "plan", "option", "idea", "mission", "purpose", "strategy", "priority", "hope", "wish", "dream"}

# Infinitives that report where a moving quantity ended up: "fell 9% to reach a 20-year
# low", "rebounded to close at 8,962" happened (MEANTIME train: 14 of 16 advcl infinitives).
RESULT_INFINITIVES = {"reach", "close", "end", "finish", "settle", "hit", "stand", "slip", "climb", "fall", "rise", "drop", "trade", "open"}

# Verbs of a moving quantity, whose result infinitive the parser may attach as a complement.
QUANTITY_MOVE_VERBS = RESULT_INFINITIVES | {"plunge", "jump", "gain", "lose", "tumble", "soar", "sink", "slide", "surge", "dip", "rebound", "decline"}

# Nouns for a binding commitment: what they commit to is reported as going to happen
# (train: 15 of 20 infinitives under them rated certain).
COMMITMENT_NOUNS = {"contract", "agreement", "deal", "decision", "accord", "pact", "treaty"}

# Ordinal heads: "the first model to be built" reports the building.
RANK_WORDS = {"first", "second", "third", "fourth", "fifth", "last", "only"}

# Verbs that direct someone to act: "not to X" under them rules X out.
DIRECTIVE_VERBS = {"ask", "tell", "urge", "order", "advise", "warn", "instruct", "persuade", "request", "direct", "caution", "beg", "command"}

# Words that make a noun event hoped, feared, planned or proposed rather than real.
IRREALIS_WORDS = {
    "hope", "fear", "worry", "concern", "possibility", "prospect", "risk", "threat", "plan",
    "proposal", "expectation", "chance", "likelihood", "danger", "bid", "attempt", "effort",
    "offer", "call", "demand", "request", "goal", "aim", "intention", "promise", "pledge",
    "seek", "want", "propose", "expect", "consider", "urge", "ask", "need", "require",
    "prevent", "avoid", "threaten", "may", "could", "would", "possible", "potential", "proposed",
    "planned", "future", "prospective", "intended", "expected", "likely", "afraid", "tentative",
}

# Irrealis as heads of a prepositional object ("calls for talks", "plans for a merger") but
# not of a direct one: "called the move a setback", "offered funding", "planned the attack"
# (UW/MEANTIME train: 18 of 18 such objects rated certain).
REALISING_OBJECT_HEADS = {"call", "offer", "plan", "aim", "expect"}

# Markers of a time clause ("when", "until"), which a modal in the main clause hedges too.
TIME_MARKERS = {"as", "when", "until", "till", "once", "before", "whenever"}

# Modals that hedge a time clause under them: "could collapse when ...".
HEDGING_MODALS = {"may", "might", "could", "can", "should", "would", "must"}
