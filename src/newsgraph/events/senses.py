"""Word senses the dictionary codes alike: words against force ("Clinton attacked Trump"),
naming against calling ("called the sanctions incomprehensible"), dismissal against shooting
("fired James Comey"), a campaign rally against a protest. Each reads the parse around one
trigger and says which sense it has."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..actors import ActorIndex
from ..words.events import (
    ARMED_CODE_PARTS,
    ATTACK_INSTRUMENT_PREPOSITIONS,
    ATTACK_VERBS,
    BROADCAST_MEDIA,
    DISMISSAL_VERBS,
    FORCE_WORDS,
    NOMINAL_SUPPORT_VERBS,
    OFFICE_HOLDERS,
    PROTEST_CAUSES,
    PROTEST_PREPOSITIONS,
    SHOWING_VERBS,
    SPOKEN_MEDIA,
)
from .arguments import antecedent

# "called the sanctions incomprehensible", "called Obama a petulant child": with a predicative
# complement, "call" names and judges; its dictionary senses, telephoning (041) and appealing
# (02), need no complement. On the judged PolNeAR articles such characterisations are
# criticism 7 times in 8, so the dictionary's "criticize or denounce" stands for them unless a
# pattern ("called it a success", 013) says otherwise.
NAMING_SENSE_ROOTS = {"02", "04"}
CHARACTERISATION_CODE = "111"


def characterises(verb: Token) -> bool:
    # a day the parser hangs as a complement ("called Wednesday for her to resign") is a time
    return any(c.dep_ == "oprd" and c.ent_type_ not in {"DATE", "TIME"} for c in verb.children)


# "Clinton attacked Trump", "his tweet hit Clinton", "attacked Christie in a speech": one
# person attacking another without a weapon, or a text doing it, or an attack made in a
# medium, is criticism in the news (the judged articles: 7 "attacks" of this kind, all verbal).
FORCE_ROOTS = {"18", "19", "20"}


_MEDIUM_PREPOSITIONS = frozenset({"on", "in", "via", "through"})


def verbal_attack(verb: Token, index: ActorIndex) -> bool:
    if verb.lemma_.lower() not in ATTACK_VERBS:
        return False
    preps = [c for c in verb.children if c.dep_ == "prep"]
    if any(p.lower_ in ATTACK_INSTRUMENT_PREPOSITIONS for p in preps):
        return False
    # made in a medium ("on Twitter", "in a speech"); "at a rally" is a place, where the
    # sides decide ("police attacked protesters at a rally")
    if any(o.lemma_.lower() in SPOKEN_MEDIA for p in preps if p.lower_ in _MEDIUM_PREPOSITIONS for o in p.children if o.dep_ == "pobj"):
        return True
    subjects = [antecedent(c, verb) for c in verb.children if c.dep_ in ("nsubj", "agent")]
    subjects += [o for s in subjects if s.dep_ == "agent" for o in s.children if o.dep_ == "pobj"]
    if any(s.lemma_.lower() in SPOKEN_MEDIA for s in subjects):
        return True
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [o for p in preps if p.lower_ in {"on", "against"} for o in p.children if o.dep_ == "pobj"]
    return _words_not_force(verb, subjects + objects, index)


def _words_not_force(trigger: Token, sides: list[Token], index: ActorIndex) -> bool:
    """An attack among people with nothing armed about it: a person on some side ("Sanders
    continues to hammer Clinton", "her attacks on Bernie Sanders"), no side a state, a place
    or an armed party (army, police, rebels, militant groups), and no weapon or casualty in
    the sentence. Campaign news calls criticism "attacks" (the judged articles: 10 such
    "attacks" and "hammer"s, all verbal)."""
    if not any(_a_person(t, index) for t in sides):
        return False
    if any(_armed_or_state(t, index) for t in sides):
        return False
    return not any(t.i != trigger.i and t.lemma_.lower() in FORCE_WORDS for t in trigger.sent)


def _armed_or_state(token: Token, index: ActorIndex) -> bool:
    if token.ent_type_ in {"GPE", "LOC", "FAC"}:
        return True
    return any(index.kind_of(key) == "country" or armed_code(index.drafts[key].code) for key in index.keys_at(token))


def armed_code(code: Optional[str]) -> bool:
    """A CAMEO actor code of an armed party: army, police, rebels, militant group ("IMGMUSISI")."""
    return code is not None and any(part in code for part in ARMED_CODE_PARTS)


# Dismissal from office: CAMEO has no code of its own; 160 "reduce relations" is PLOVER SANCTION,
# where the judging guideline puts "fire from office".
DISMISSAL_CODE = "160"


_PROTEST_ROOT = "14"


def shows(verb: Token, code: Optional[str], line: Optional[int]) -> bool:
    """"demonstrated his commitment", "demonstrated that ...": a protest verb with an object or
    a clause, and no dictionary pattern saying otherwise, shows; it does not protest."""
    return (
        code is not None and code[:2] == _PROTEST_ROOT and line is None and verb.lemma_.lower() in SHOWING_VERBS
        and any(c.dep_ in {"dobj", "ccomp"} for c in verb.children)
    )


def is_dismissal(verb: Token, index: ActorIndex) -> bool:
    if verb.lemma_.lower() not in DISMISSAL_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(_a_person(o, index) or o.lemma_.lower() in OFFICE_HOLDERS for o in objects)


def verbal_attack_noun(noun: Token, owners: list[Token], aimed: list[Token], index: ActorIndex) -> bool:
    """"her attack on Trump", "Clinton launched an attack on Trump", "lobbing attacks on her":
    an attack among people with nothing armed about it (``_words_not_force``)."""
    if made_in_medium(noun):
        return True
    attackers = list(owners)
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in NOMINAL_SUPPORT_VERBS:
        attackers += [c for c in noun.head.children if c.dep_ == "nsubj"]
    return _words_not_force(noun, attackers + aimed, index)


# Verbs that make a noun act ("launched an attack", "went on the attack"), lending it their medium.
_MAKING_VERBS = frozenset(NOMINAL_SUPPORT_VERBS | {"go"})


def made_in_medium(noun: Token) -> bool:
    """"went on the attack on television", "launched an attack on him in a speech": the noun
    act is made on the air, or the verb that makes it ("launch", "go on") acts in a medium.
    Not any verb's medium: in "claimed the attack in a statement" the claim is the words."""
    governor = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
    making = governor is not None and governor.lemma_.lower() in _MAKING_VERBS
    for holder in [noun, governor] if making else [noun]:
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.i != noun.head.i):
            for medium in (o.lemma_.lower() for o in prep.children if o.dep_ == "pobj"):
                if prep.lower_ == "on" and medium in BROADCAST_MEDIA:
                    return True
                if holder is governor and prep.lower_ == "in" and medium in SPOKEN_MEDIA:
                    return True
    return False


def _a_person(token: Token, index: ActorIndex) -> bool:
    if token.lower_ in {"he", "she", "him", "her", "his"}:
        return True
    keys = index.keys_at(token)
    return any(index.kind_of(k) == "person" for k in keys) if keys else token.ent_type_ == "PERSON"


def protest_gathering(noun: Token) -> bool:
    """"a rally against the war", "a protest rally", "rallies over the killing": a gathering
    against something is a protest; "a Trump rally", "his campaign rally" are campaign events."""
    against = any(c.dep_ == "prep" and c.lower_ in PROTEST_PREPOSITIONS for c in noun.children)
    against |= any(c.dep_ == "prep" and c.lower_ == "in" and any(o.lemma_.lower() in PROTEST_CAUSES for o in c.children) for c in noun.children)
    marked = any(c.lemma_.lower() in {"protest", "opposition", "anti"} or c.lower_.startswith("anti-") for c in noun.lefts)
    return against or marked
