"""How many people an event's sentence says were killed, injured or arrested.

Counts are read from the parse, not from the raw text: a number counts people only when it
(or the noun it numbers) is the patient of a killing, wounding or arresting word — the
subject of a passive ("at least 12 people were killed"), the object of an active verb
("killing 5", "police arrested 40 protesters"), a participle or adjective on it ("3 dead",
"dozens wounded"), the complement of "leave" ("leaving 3 dead"), a toll ("the death toll rose
to 30") or a counting noun ("12 deaths"). A number that is a date, an age, a score, a share,
an amount of money or part of a name is never a count, and a noun numbered must be people
("3 soldiers", "three Palestinians"; not "3 tanks").

Vague plurals are recorded as the least they can mean ("dozens" = 24, "hundreds" = 200) and
marked approximate, like bounds ("at least 12"); "several" or "many" are no count at all.
Counts of one kind on one word add up ("3 soldiers and 2 civilians were killed": 5); counts of
one kind on different words give the largest ("killing 12, bringing the toll to 30": 30), so
that a running total is never added to its own parts.

Counts go to material-conflict events (CAMEO 14-20: protest, posture, reduced relations,
coercion and arrest, assault, fighting, mass violence): to the nearest such event whose
trigger governs the counting word, else to every such event of the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Optional, Sequence

from spacy.tokens import Doc, Span, Token

from .model import Casualties, Event
from .words.casualties import (
    APPROXIMATE_PHRASES,
    APPROXIMATE_WORDS,
    ARRESTED_NOUNS,
    ARRESTED_WORDS,
    INJURED_NOUNS,
    INJURED_WORDS,
    INTRANSITIVE_DEATH,
    KILLED_NOUNS,
    KILLED_WORDS,
    NOT_COUNTS,
    PEOPLE_LABELS,
    PERSON_NOUNS,
    RESULT_VERBS,
    SCALES,
    TOLL_NOUNS,
    TOLL_PREPOSITIONS,
    UNITS,
    VAGUE_AMOUNTS,
)

__all__ = ["Count", "attach_casualties", "casualties", "find_counts", "merge_counts"]

KILLED, INJURED, ARRESTED = "killed", "injured", "arrested"

# Material conflict in CAMEO's quad classes: the events whose sentences report harm.
_MATERIAL_CONFLICT_ROOTS = frozenset(range(14, 21))

# Dependents that carry a participle or adjective describing the counted group.
_DESCRIBING = frozenset({"amod", "acl", "oprd", "acomp", "xcomp", "ccomp", "attr", "conj"})


@dataclass(frozen=True)
class Count:
    """One stated count: its kind, value, the number's character span and the token that
    says what happened to the people counted (the cue)."""

    kind: str
    value: int
    approximate: bool
    span: tuple[int, int]
    cue: int  # token index in the doc


def casualties(span: Span | Doc) -> Optional[Casualties]:
    """All the counts ``span`` states, merged; None when it states none."""
    return merge_counts(find_counts(span))


def find_counts(span: Span | Doc) -> list[Count]:
    """Every count of the killed, injured or arrested in ``span``, in text order."""
    found = []
    for run in _number_runs(span):
        value, vague = _value(run)
        if value is None:
            continue
        head = next(t for t in run if not (run[0].i <= t.head.i <= run[-1].i) or t.head.i == t.i)
        role = _role(head)
        if role is None:
            continue
        kind, cue = role
        if _mixed(cue, kind):
            continue
        start, bounded = _bound_before(run[0])
        found.append(Count(kind, value, vague or bounded, (start.idx, run[-1].idx + len(run[-1])), cue.i))
    return found


def _bound_before(number: Token) -> tuple[Token, bool]:
    """The first token of a bound on ``number`` ("at least", "nearly") and whether there is one."""
    doc, first = number.doc, number.sent.start
    if number.i - 2 >= first and (doc[number.i - 2].lower_, doc[number.i - 1].lower_) in APPROXIMATE_PHRASES:
        return doc[number.i - 2], True
    if number.i - 1 >= first and doc[number.i - 1].lower_ in APPROXIMATE_WORDS:
        return doc[number.i - 1], True
    return number, False


def merge_counts(counts: Iterable[Count]) -> Optional[Casualties]:
    """One record from counts: summed on one cue, the largest across cues (module docstring)."""
    counts = list(counts)
    if not counts:
        return None
    totals: dict[str, dict[int, int]] = {}
    for count in counts:
        per_cue = totals.setdefault(count.kind, {})
        per_cue[count.cue] = per_cue.get(count.cue, 0) + count.value
    best = {kind: max(per_cue.values()) for kind, per_cue in totals.items()}
    return Casualties(
        killed=best.get(KILLED), injured=best.get(INJURED), arrested=best.get(ARRESTED),
        approximate=any(c.approximate for c in counts), spans=tuple(sorted({c.span for c in counts})),
    )  # fmt: skip


def attach_casualties(doc: Doc, events: Sequence[Event]) -> list[Event]:
    """``events`` with the counts of their sentences set on the material-conflict ones."""
    by_sentence: dict[tuple[int, int], list[Event]] = {}
    for event in events:
        if _material_conflict(event.cameo):
            by_sentence.setdefault(event.sentence, []).append(event)
    attached: dict[str, list[Count]] = {}
    for sentence, candidates in by_sentence.items():
        span = doc.char_span(sentence[0], sentence[1], alignment_mode="expand")
        if span is None:
            continue
        counts = find_counts(span)
        if not counts:
            continue
        triggers: dict[int, list[Event]] = {}
        for event in candidates:
            token = doc.char_span(event.trigger[0], event.trigger[1], alignment_mode="expand")
            if token is not None:
                triggers.setdefault(token.root.i, []).append(event)
        for count in counts:
            owners = _governing(doc[count.cue], triggers) or candidates
            for event in owners:
                attached.setdefault(event.id, []).append(count)
    return [replace(e, casualties=merge_counts(attached[e.id])) if e.id in attached else e for e in events]


def _material_conflict(cameo: str) -> bool:
    try:
        return int(cameo[:2]) in _MATERIAL_CONFLICT_ROOTS
    except ValueError:
        return False


def _governing(cue: Token, triggers: dict[int, list[Event]]) -> list[Event]:
    """The events of the nearest trigger at or above ``cue`` in the parse."""
    node = cue
    while True:
        if node.i in triggers:
            return triggers[node.i]
        if node.head.i == node.i:
            return []
        node = node.head


# -- numbers -------------------------------------------------------------------------


def _is_number_word(token: Token) -> bool:
    if token.ent_type_ in NOT_COUNTS:
        return False
    lower = token.lower_
    return lower in UNITS or lower in SCALES or lower in VAGUE_AMOUNTS or (token.like_num and token.pos_ in {"NUM", "NOUN", "PROPN", "ADJ"})


def _number_runs(span: Span | Doc) -> list[list[Token]]:
    """Maximal runs of number words ("Twenty - five", "two dozen", "1,200"), hyphens inside."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token in span:
        if _is_number_word(token):
            if current and current[-1].i != token.i - 1:
                runs.append(current)
                current = []
            current.append(token)
        elif token.text == "-" and current and current[-1].i == token.i - 1 and token.i + 1 < len(token.doc) and _is_number_word(token.doc[token.i + 1]):
            current.append(token)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [r for r in runs if not _is_score_or_age(r)]


def _is_score_or_age(run: list[Token]) -> bool:
    """"5-0" (a score), "35-year-old" (an age): numbers that are not head counts."""
    doc = run[0].doc
    after = doc[run[-1].i + 1] if run[-1].i + 1 < len(doc) else None
    if after is not None and after.text in {"-", "–", "/", ":"}:
        return True
    if after is not None and after.lower_ in {"year", "years", "percent", "%", "per", "km", "miles"}:
        return True
    return any(t.text in {"–", "/", ":"} for t in run) or sum(t.text == "-" for t in run) > 0 and all(t.like_num and t.text.isdigit() or t.text == "-" for t in run)


def _value(run: list[Token]) -> tuple[Optional[int], bool]:
    """The integer a run of number words says, and whether it is a vague amount's lower bound."""
    words = [t.lower_ for t in run if t.text != "-"]
    if len(words) == 1 and words[0] in VAGUE_AMOUNTS:
        return VAGUE_AMOUNTS[words[0]], True
    total: float = 0
    current: float = 0
    for word in words:
        if word in UNITS:
            current = current * UNITS[word] if word == "dozen" and current else current + UNITS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            number = _digits(word)
            if number is None:
                return None, False
            current += number
    value = total + current
    if value <= 0 or value != int(value):
        return None, False
    return int(value), False


def _digits(word: str) -> Optional[float]:
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return None


# -- what happened to the counted ----------------------------------------------------


def _kind_of_word(token: Token) -> Optional[str]:
    for kind, words in ((KILLED, KILLED_WORDS), (INJURED, INJURED_WORDS), (ARRESTED, ARRESTED_WORDS)):
        if token.lemma_.lower() in words or token.lower_ in words:
            return kind
    return None


def _kind_of_noun(token: Token) -> Optional[str]:
    for kind, words in ((KILLED, KILLED_NOUNS), (INJURED, INJURED_NOUNS), (ARRESTED, ARRESTED_NOUNS)):
        if token.lemma_.lower() in words or token.lower_ in words:
            return kind
    return None


def _mixed(cue: Token, kind: str) -> bool:
    """"20 people were killed or wounded": one number for two fates is a count of neither."""
    linked = [c for c in cue.children if c.dep_ == "conj"] + ([cue.head] if cue.dep_ == "conj" else [])
    joined_by_or = any(c.lower_ == "or" for c in (*cue.children, *cue.head.children) if c.dep_ == "cc")
    return joined_by_or and any((_kind_of_word(t) or kind) != kind for t in linked)


def _negated(token: Token) -> bool:
    return any(child.dep_ == "neg" for child in token.children)


def _is_people(noun: Token) -> bool:
    if noun.lemma_.lower() in PERSON_NOUNS or noun.lower_ in PERSON_NOUNS:
        return True
    return noun.ent_type_ in PEOPLE_LABELS and noun.tag_ in {"NNS", "NNPS"}


def _role(number: Token) -> Optional[tuple[str, Token]]:
    """(kind, cue) when ``number`` counts people killed, injured or arrested."""
    noun = number.head if number.dep_ in {"nummod", "quantmod", "compound"} and number.head.i != number.i else number
    if noun is not number:
        kind = _kind_of_noun(noun)
        if kind is not None:  # "12 deaths", "3 dead", "40 arrests"
            return kind, noun
        if not _is_people(noun):
            return None
    else:
        counted = [c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"]
        people = [p for prep in counted for p in prep.children if p.dep_ == "pobj"]
        if people and not all(_is_people(p) for p in people):
            return None  # "dozens of houses"
    return _role_of_group(noun)


def _role_of_group(group: Token) -> Optional[tuple[str, Token]]:
    # A participle or adjective on the group: "12 people killed", "dozens wounded".
    for child in group.children:
        if child.dep_ in {"amod", "acl"} and not any(c.dep_ == "dobj" for c in child.children):
            kind = _kind_of_word(child)
            if kind is not None and not _negated(child):
                return kind, child
    head = group.head
    dep = group.dep_
    if dep == "conj" and head.i != group.i:
        # The second of conjoined groups shares the first one's fate, unless it has its own.
        return _role_of_group(head)
    if dep in {"nsubjpass", "dobj", "nsubj"}:
        kind = _kind_of_word(head)
        if kind is not None and not _negated(head):
            if dep == "nsubjpass":
                return kind, head  # "12 people were killed"
            if dep == "dobj":
                return kind, head  # "killing 5", "arrested 40 protesters"
            active_object = any(c.dep_ == "dobj" for c in head.children)
            if head.lemma_ in INTRANSITIVE_DEATH or not active_object:
                return kind, head  # "three people died", "20 wounded"
        if dep == "dobj" and head.lemma_ in RESULT_VERBS:
            for child in head.children:  # "leaving 3 people dead"
                kind = _kind_of_word(child) if child.dep_ in _DESCRIBING else None
                if kind is not None:
                    return kind, child
        if dep == "nsubj" and head.lemma_ == "be":
            for child in head.children:  # "12 people are dead"
                kind = _kind_of_word(child) if child.dep_ in {"acomp", "attr"} else None
                if kind is not None:
                    return kind, child
    if dep == "pobj" and head.dep_ == "prep":
        owner = head.head
        if head.lower_ in TOLL_PREPOSITIONS and _is_toll(owner):
            return KILLED, owner  # "a toll of 30"
        if head.lower_ in TOLL_PREPOSITIONS and owner.pos_ in {"VERB", "AUX"}:
            toll = next((c for c in owner.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"} and _is_toll(c)), None)
            if toll is not None:
                return KILLED, toll  # "the death toll rose to 30", "bringing the toll to 30"
        if head.lower_ == "of":
            kind = _kind_of_noun(owner) or (_kind_of_word(owner) if owner.pos_ == "NOUN" else None)
            if kind is not None:
                return kind, owner  # "the deaths of 3 soldiers", "the arrest of 40 protesters"
    return None


def _is_toll(token: Token) -> bool:
    if token.lemma_.lower() not in TOLL_NOUNS:
        return False
    modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in {"compound", "amod"}}
    return not modifiers & (INJURED_NOUNS | INJURED_WORDS | ARRESTED_NOUNS | ARRESTED_WORDS)
