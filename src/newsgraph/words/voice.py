"""Word lists of the author-voice layer (``newsgraph.voice``): the words and phrases by which
an article frames what it asserts in its own voice.

Curated by hand from news usage; the loaded-terms list itself is the packaged bias lexicon of
Recasens et al. (``words.lexicon``), which ``NEUTRAL_IN_NEWS`` prunes and ``CHARGED_TERMS``
extends.
"""

from __future__ import annotations

# Irony and distancing words: "so-called", "self-styled", "supposedly".
IRONY_MARKERS = {"ironically", "so-called", "supposedly", "self-styled", "self-proclaimed", "purported", "would-be"}

# Rhetorical framing phrases by which the author steers the reader: "make no mistake".
RHETORICAL_FRAMES = (
    "it is often overlooked",
    "it is easy to forget",
    "needless to say",
    "make no mistake",
    "it goes without saying",
    "of course",
    "little wonder",
    "no wonder",
    "the question is",
    "one wonders",
    "let us not forget",
    "let's not forget",
)

# Conflict-reporting words that take a side by themselves (naming, not describing).
CHARGED_TERMS = {
    "terrorist", "terror", "regime", "thug", "martyr", "massacre", "slaughter", "atrocity",
    "barbaric", "barbarian", "brutal", "savage", "extremist", "fanatic", "fanatical", "zealot",
    "propaganda", "puppet", "henchman", "crony", "infidel", "apostate", "invader", "aggressor",
    "occupier", "butcher", "murderous", "bloodthirsty", "warmonger", "jihadi", "jihadist",
    "radical", "militant", "hardline", "hardliner", "notorious", "so-called", "heinous",
    "evil", "criminal", "gang", "mob", "rogue", "tyrant", "dictator", "despot", "junta",
}

# Bias-lexicon adjectives that are everyday words in news prose; flagging them is noise.
NEUTRAL_IN_NEWS = {
    "accept", "account", "according", "act", "action", "add", "admit", "agree", "allow",
    "announce", "appear", "argue", "believe", "claim", "continue", "country", "decision",
    "deny", "government", "group", "issue", "leader", "report", "say", "state", "support",
    "war", "year", "force", "policy", "people", "party", "law", "military", "security",
    "international", "long", "general", "social", "political", "public", "national", "local",
    "major", "new", "former", "similar", "same", "other", "own", "key", "main", "recent",
    "civilian", "humanitarian", "armed", "official", "economic", "financial", "religious",
}
