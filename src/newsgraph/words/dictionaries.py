"""Word lists of the PETRARCH / TABARI dictionary parsing (``newsgraph.dictionaries``): the
particles, common words and heads that decide how a dictionary pattern is cased and kept.

Curated by hand while building the packaged catalogue from the Phoenix dictionaries
(``scripts/build_catalogue.py``); the Phoenix lists themselves are data, not word lists.
"""

from __future__ import annotations

# Name particles: lower-cased inside a name ("Abu Bakr al-Baghdadi", "Charles de Gaulle") and
# left out of its initials.
NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "of", "the", "and", "for", "de", "du", "des", "la",
                  "le", "van", "der", "von", "da", "di", "dos", "wa", "fi", "li", "in", "on", "to", "at",
                  "by", "y", "e", "ul", "ud", "an", "a", "with", "against", "ad", "ar", "as", "ash",
                  "az", "ur", "et", "den", "del", "les"}

# Particles that keep their lower case even at the start of a name ("al-Qaeda").
LOWER_CASE_LEADING_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "az", "ur"}

# Proper names that are also common words: keep them, but only case-sensitively.
CASE_ONLY_WORDS = {"chad", "turkey", "jordan", "georgia", "guinea", "niger", "china", "nice",
                   "reading", "mali", "cuba", "peru", "wales", "jersey", "panama", "congo",
                   "hamas", "fatah", "sisi", "assad", "morsi", "obama", "trump", "bush", "may",
                   "march", "bill", "mark", "rose", "grant", "cook", "ban", "rice", "gates",
                   "brown", "price", "major", "young", "love", "hope", "will", "mercy", "faith",
                   "page", "hunt", "lake", "amir", "prime", "sharon", "tel", "west", "south",
                   "north", "east", "union", "house", "senate", "state"}

# Common English words: a pattern equal to one of these (lower-cased) is dropped unless it
# is an all-caps acronym (then it is kept case-sensitive). The entries ending in "?" (regex
# remnants of the source list) are dropped, and so are the case-only names above.
COMMON_WORDS = {w for w in ["a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "by", "for", "with", "from", "as", "is", "it", "its", "be", "am", "are", "was", "were", "us", "we", "he", "she", "they", "them", "me", "my", "our", "your", "his", "her", "you", "i", "no", "not", "so", "do", "go", "if", "up", "out", "all", "any", "one", "two", "new", "old", "man", "men", "woman", "women", "people", "state", "states", "government", "party", "union", "army", "police", "forces", "force", "military", "council", "court", "house", "senate", "congress", "ministry", "minister", "president", "king", "queen", "prince", "general", "republic", "kingdom", "nation", "national", "people's", "front", "movement", "group", "organization", "organisation", "authority", "office", "official", "officials", "leader", "leaders", "president's", "member", "members", "will", "can", "may", "might", "must", "shall", "would", "could", "should", "may", "march", "june", "august", "china", "turkey", "jordan", "chad", "georgia", "guinea", "niger", "nice", "reading", "bill", "mark", "rose", "iran?", "iraq?"] if not w.endswith("?")} - CASE_ONLY_WORDS

# Heads of agent patterns that name things, not people: "tank", "warship", "neighbourhood"
# patterns are left out of the agents catalogue.
NON_AGENT_HEADS = {"boat", "ship", "tank", "aircraft", "plane", "airplane", "helicopter", "missile",
                   "rocket", "jet", "vessel", "frigate", "destroyer", "submarine", "carrier",
                   "battleship", "battlewagon", "warship", "cruiser", "gunboat", "bomber",
                   "fighter-bomber", "corvette", "minesweeper", "torpedo", "weapon", "gun",
                   "rifle", "artillery", "howitzer", "drone", "jeep", "vehicle", "truck",
                   "neighbourhood", "neighborhood", "kindergarden", "kindergarten", "monastary",
                   "monastery"}
