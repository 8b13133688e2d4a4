"""Word classes the rule layers share, from the packaged lexicons plus small curated sets.

The curated sets are closed-class or near-closed-class words (negators, modals, source nouns)
that no third-party lexicon in ``shared/data`` lists in the form we need.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import catalogue_json

__all__ = ["Lexicon", "lexicon"]

# Verbs that introduce speech or cognition in news but are missing from the packaged lists,
# or that the lists spell only in inflected forms.
_EXTRA_REPORTING = {
    "say", "tell", "report", "claim", "state", "add", "note", "explain", "insist", "argue",
    "warn", "announce", "confirm", "deny", "complain", "allege", "assert", "suggest", "write",
    "find", "conclude", "believe", "think", "acknowledge", "admit", "reveal", "disclose",
    "testify", "contend", "maintain", "predict", "estimate", "recall", "stress", "emphasize",
    "emphasise", "declare", "indicate", "show", "tweet", "post", "respond", "reply", "ask",
    "accuse", "charge", "concede", "observe", "remark", "mention", "quip", "joke", "promise",
    "pledge", "vow", "urge", "demand", "call", "describe", "blame", "criticize", "criticise",
    "praise", "speculate", "fear", "hope", "expect", "understand", "learn", "hear",
    "know", "agree", "disagree", "question", "doubt", "dispute", "counter", "retort", "boast",
    "brag", "point", "caution", "assure", "inform", "advise", "signal", "hint", "imply",
}

# Reporting verbs that need a clausal complement or a quote to be a cue: on their own
# ("he called", "they agreed") they are ordinary events.
_NEEDS_COMPLEMENT = {
    "find", "show", "know", "learn", "hear", "understand", "agree", "call", "point", "ask",
    "question", "expect", "hope", "fear", "believe", "think", "indicate", "post", "respond",
    "reply", "describe", "accuse", "charge", "blame", "criticize", "criticise", "praise",
    "urge", "demand", "promise", "pledge", "vow",
}

# Cues that deny or contest an earlier claim rather than report a new one.
_DISPUTE_VERBS = {
    "deny", "dispute", "refute", "reject", "contradict", "rebut", "debunk", "counter",
    "challenge", "contest", "dismiss", "question", "doubt",
}
_DISPUTE_NOUNS = {"lie", "denial", "rebuttal"}
_CONFIRMING_VERBS = {"confirm", "corroborate", "back", "support", "echo", "verify", "substantiate"}
_CORRECT_VERBS = {"correct", "clarify", "retract", "amend"}

# Nouns that can head an anonymous, official or vague source.
_ANONYMOUS_HEADS = {"source", "insider", "person", "people", "informant", "aide", "confidant"}
_OFFICIAL_HEADS = {
    "official", "spokesman", "spokeswoman", "spokesperson", "minister", "ministry", "officer",
    "commander", "ambassador", "diplomat", "envoy", "president", "secretary", "chairman",
    "chairwoman", "governor", "mayor", "senator", "lawmaker", "police", "prosecutor",
    "authority", "authorities", "government", "administration", "military", "army", "general",
    "representative", "director", "chief", "leader", "leadership", "agency", "department",
    "intelligence", "investigator", "analyst", "expert", "judge", "court",
}
_VAGUE_HEADS = {
    "report", "reports", "rumor", "rumour", "critic", "observer", "some", "many", "others",
    "analyst", "expert", "commentator", "witness", "resident", "study", "survey", "poll",
    "document", "statement", "memo", "letter", "data", "record", "account",
}
_OUTLET_HEADS = {
    "newspaper", "paper", "daily", "weekly", "agency", "service", "outlet", "broadcaster",
    "channel", "network", "station", "magazine", "website", "site", "tabloid", "journal",
    "publication", "wire", "newswire", "radio", "television", "tv", "newsletter",
}

_NEGATIVE_PREDICATES = {"fail", "refuse", "decline", "deny", "stop", "cease", "avoid", "halt", "abandon"}
_POSSIBLE_MODALS = {"may", "might", "could", "can"}

# Second-person and imperative address of the reader; used by the voice layer.
_READER_ADDRESS = {"you", "your", "yours", "yourself", "yourselves"}


@dataclass(frozen=True)
class Lexicon:
    reporting_verbs: frozenset[str]
    needs_complement: frozenset[str]
    dispute_verbs: frozenset[str]
    dispute_nouns: frozenset[str]
    support_verbs: frozenset[str]
    correct_verbs: frozenset[str]
    hedges: frozenset[str]
    loaded_terms: frozenset[str]
    factives: frozenset[str]
    veridicality: dict
    anonymous_heads: frozenset[str]
    official_heads: frozenset[str]
    vague_heads: frozenset[str]
    outlet_heads: frozenset[str]
    negative_predicates: frozenset[str]
    possible_modals: frozenset[str]
    reader_address: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = catalogue_json("lexicons.json")
    reporting = {w.lower() for w in data.get("reporting_verbs", {})} | _EXTRA_REPORTING
    return Lexicon(
        reporting_verbs=frozenset(reporting),
        needs_complement=frozenset(_NEEDS_COMPLEMENT),
        dispute_verbs=frozenset(_DISPUTE_VERBS),
        dispute_nouns=frozenset(_DISPUTE_NOUNS),
        support_verbs=frozenset(_CONFIRMING_VERBS),
        correct_verbs=frozenset(_CORRECT_VERBS),
        hedges=frozenset(h.lower() for h in data.get("hedges", [])),
        loaded_terms=frozenset(t.lower() for t in data.get("loaded_terms", [])),
        factives=frozenset(t.lower() for t in data.get("factives", [])),
        veridicality=dict(data.get("veridicality", {})),
        anonymous_heads=frozenset(_ANONYMOUS_HEADS),
        official_heads=frozenset(_OFFICIAL_HEADS),
        vague_heads=frozenset(_VAGUE_HEADS),
        outlet_heads=frozenset(_OUTLET_HEADS),
        negative_predicates=frozenset(_NEGATIVE_PREDICATES),
        possible_modals=frozenset(_POSSIBLE_MODALS),
        reader_address=frozenset(_READER_ADDRESS),
    )
