"""Events: who did what to whom, from CAMEO verb patterns over the dependency parse.

Reads the parse and the ``ActorIndex``; returns ``EventDraft`` records (trigger token,
source and target actor keys, CAMEO code). Triggers are verbs from the packaged CAMEO
verb dictionary (active, passive, participial and gerund forms), a small set of nominal
triggers ("offensive", "cooperation", "shipments"), and relational epithets
("ISIS-allied Hamas"). The CAMEO code is refined by the dictionary's object patterns,
then mapped to PLOVER and scored with the Goldstein table.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional, Union

from spacy.tokens import Doc, Token

from .actors import ActorIndex, affiliation, resolve_pronoun
from .model import Factuality, Plover
from .nlp import SUBJECT_DEPS, clause_children, marked_by
from .resources import catalogue_json
from .words.events import (
    ARGUMENT_PREPOSITIONS,
    ARMED_CODE_PARTS,
    ATTACK_INSTRUMENT_PREPOSITIONS,
    ATTACK_VERBS,
    CAMPAIGN_GATHERINGS,
    CONDITION_MARKERS,
    DEONTIC_MODALS,
    DIRECTIVE_MODALS,
    DISMISSAL_VERBS,
    EPITHET_CODES,
    EPITHET_RELATIONS,
    FORCE_WORDS,
    LOCATIVE_PREPOSITIONS,
    MESSAGE_NOUNS,
    MODAL_AUXILIARIES,
    NOMINAL_SUPPORT_VERBS,
    NOMINAL_TRIGGER_MODIFIERS,
    NOMINAL_TRIGGERS,
    OFFICE_HOLDERS,
    PARTY_ENTITIES,
    PARTY_PRONOUNS,
    PATTERN_PARTICLES,
    PROTEST_CAUSES,
    PROTEST_PREPOSITIONS,
    RECIPIENT_PREPOSITIONS,
    RECIPROCAL_OBJECTS,
    SHOWING_VERBS,
    SPOKEN_MEDIA,
    SYMMETRIC_HINTS,
    TARGET_PREPOSITIONS,
    WILLINGNESS_ADJECTIVES,
)
from .words.lexicon import lexicon

__all__ = ["EventDraft", "VerbLexicon", "find_events", "cameo_info", "list_members", "plover_for"]

log = logging.getLogger(__name__)

# CAMEO roots whose events stand without an actor target: material cooperation and
# conflict done to things or places ("destroying tunnels", "sends raw materials").
_UNDIRECTED_ROOTS = {"06", "07", "08", "14", "15", "16", "17", "18", "19", "20"}


@dataclass
class EventDraft:
    trigger: Token
    code: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    kind: str  # verb | noun | epithet
    pattern_line: Optional[int] = None
    end: Optional[int] = None  # last trigger token (epithets span "ISIS-allied")
    embedded: bool = False  # the content of another event ("refused to deploy"), not an act reported as done
    offered: bool = False  # an act someone says they are willing or ready to do ("is willing to withdraw")
    # Sides named by words no actor stands for ("industry lobbyists", an unresolved "he"):
    # where they are, for a side that has no actor.
    unnamed_sources: tuple[tuple[int, int], ...] = ()
    unnamed_targets: tuple[tuple[int, int], ...] = ()

    @property
    def source_spans(self) -> tuple[tuple[int, int], ...]:
        return tuple(sorted({*argument_spans(self.sources), *self.unnamed_sources}))

    @property
    def target_spans(self) -> tuple[tuple[int, int], ...]:
        return tuple(sorted({*argument_spans(self.targets), *self.unnamed_targets}))

    @property
    def trigger_chars(self) -> tuple[int, int]:
        last = self.trigger.doc[self.end] if self.end is not None else self.trigger
        start = min(self.trigger.idx, last.idx)
        return (start, max(self.trigger.idx + len(self.trigger), last.idx + len(last)))


@dataclass(frozen=True)
class VerbEntry:
    lemma: str
    code: Optional[str]
    patterns: tuple[dict, ...]


def _code(raw: Optional[str]) -> Optional[str]:
    """"042:043" (source:target codes in PETRARCH) -> "042"; "---" -> None."""
    if not raw:
        return None
    first = raw.split(":")[0].strip()
    return None if not first or set(first) <= {"-"} else first


class VerbLexicon:
    """The CAMEO verb dictionary, keyed by lemma, with its synsets expanded."""

    def __init__(self, data: dict):
        raw = {name.lstrip("&").upper(): [w.lower() for w in words] for name, words in data.get("synsets", {}).items()}
        self.synsets = {name: _expand_synset(name, raw) for name in raw}
        self._compiled_patterns: dict[int, _PatternIndex] = {}  # by id of the VerbEntry
        families = data.get("families", {})
        self.verbs: dict[str, VerbEntry] = {}
        for lemma, entry in data.get("verbs", {}).items():
            # PETRARCH applies every pattern of a family to all of its member verbs.
            family = families.get(entry.get("family") or "", {})
            verb = VerbEntry(lemma.lower(), _code(entry.get("code")), tuple(family.get("patterns", entry.get("patterns", ()))))
            self.verbs[lemma.lower()] = verb
            for form in entry.get("forms", ()):
                self.verbs.setdefault(form.lower(), verb)
        self.phrasal: dict[str, VerbEntry] = {}
        for phrase, entry in data.get("phrasal", {}).items():
            family = families.get(entry.get("family") or "", {})
            self.phrasal[phrase.lower()] = VerbEntry(phrase.lower(), _code(entry.get("code")), tuple(family.get("patterns", ())))

    @classmethod
    @lru_cache(maxsize=1)
    def packaged(cls) -> "VerbLexicon":
        return cls(catalogue_json("verbs.json"))

    def lookup(self, verb: Token) -> Optional[VerbEntry]:
        lemma = verb.lemma_.lower()
        for particle in (c for c in verb.children if c.dep_ == "prt"):
            entry = self.phrasal.get(f"{lemma} {particle.lower_}")
            if entry is not None:
                return entry
        return self.verbs.get(lemma) or self.verbs.get(verb.lower_)

    def code_for(self, verb: Token, entry: VerbEntry) -> tuple[Optional[str], Optional[int]]:
        """The most specific pattern code whose words all occur around ``verb``; else the default."""
        after_words, prep_words = _object_words(verb)
        before_words = {t.lemma_.lower() for t in verb.lefts} | {t.lower_ for t in verb.lefts}
        own = {entry.lemma, verb.lemma_.lower(), verb.lower_}
        best: tuple[float, Optional[str], Optional[int]] = (0, entry.code, None)
        for pattern in self._compiled(entry).candidates(before_words, after_words, prep_words):
            mine = pattern.verb is None or pattern.verb in own
            if pattern.particle_only and not mine:
                continue  # a phrasal verb ("press on" 190) is that verb's, not its family's
            score = pattern.score(before_words, after_words, prep_words)
            # On a tie, the pattern written for this very verb wins over a family member's.
            score = score + 0.5 * mine if score else 0
            if score > best[0]:
                best = (score, pattern.code, pattern.line)
        if best[2] is None and best[1] and best[1][:2] in _NAMING_SENSE_ROOTS and _characterises(verb):
            return CHARACTERISATION_CODE, None
        return best[1], best[2]

    def _compiled(self, entry: VerbEntry) -> "_PatternIndex":
        # Compiled lazily, once per verb: a big family ("say") has hundreds of patterns.
        found = self._compiled_patterns.get(id(entry))
        if found is None:
            found = self._compiled_patterns[id(entry)] = _PatternIndex([_Pattern.compile(p, self.synsets) for p in entry.patterns])
        return found


# "called the sanctions incomprehensible", "called Obama a petulant child": with a predicative
# complement, "call" names and judges; its dictionary senses, telephoning (041) and appealing
# (02), need no complement. On the judged PolNeAR articles such characterisations are
# criticism 7 times in 8, so the dictionary's "criticize or denounce" stands for them unless a
# pattern ("called it a success", 013) says otherwise.
_NAMING_SENSE_ROOTS = {"02", "04"}
CHARACTERISATION_CODE = "111"


def _characterises(verb: Token) -> bool:
    return any(c.dep_ == "oprd" for c in verb.children)


# "Clinton attacked Trump", "his tweet hit Clinton", "attacked Christie in a speech": one
# person attacking another without a weapon, or a text doing it, or an attack made in a
# medium, is criticism in the news (the judged articles: 7 "attacks" of this kind, all verbal).
_FORCE_ROOTS = {"18", "19", "20"}


def _verbal_attack(verb: Token, index: ActorIndex) -> bool:
    if verb.lemma_.lower() not in ATTACK_VERBS:
        return False
    preps = [c for c in verb.children if c.dep_ == "prep"]
    if any(p.lower_ in ATTACK_INSTRUMENT_PREPOSITIONS for p in preps):
        return False
    if any(o.lemma_.lower() in SPOKEN_MEDIA for p in preps for o in p.children if o.dep_ == "pobj"):
        return True
    subjects = [_antecedent(c, verb) for c in verb.children if c.dep_ in ("nsubj", "agent")]
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
    for key in index.keys_at(token):
        code = index.drafts[key].code or ""
        if index.kind_of(key) == "country" or any(part in code for part in ARMED_CODE_PARTS):
            return True
    return False


# Dismissal from office: CAMEO has no code of its own; 160 "reduce relations" is PLOVER SANCTION,
# where the judging guideline puts "fire from office".
DISMISSAL_CODE = "160"


_PROTEST_ROOT = "14"


def _has_complement(verb: Token) -> bool:
    return any(c.dep_ in {"dobj", "ccomp"} for c in verb.children)


def _dismissal(verb: Token, index: ActorIndex) -> bool:
    if verb.lemma_.lower() not in DISMISSAL_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(_a_person(o, index) or o.lemma_.lower() in OFFICE_HOLDERS for o in objects)


def _verbal_attack_noun(noun: Token, owners: list[Token], aimed: list[Token], index: ActorIndex) -> bool:
    """"her attack on Trump", "Clinton launched an attack on Trump", "lobbing attacks on her":
    an attack among people with nothing armed about it (``_words_not_force``)."""
    attackers = list(owners)
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in NOMINAL_SUPPORT_VERBS:
        attackers += [c for c in noun.head.children if c.dep_ == "nsubj"]
    return _words_not_force(noun, attackers + aimed, index)


def _a_person(token: Token, index: ActorIndex) -> bool:
    if token.lower_ in {"he", "she", "him", "her", "his"}:
        return True
    keys = index.keys_at(token)
    return any(index.kind_of(k) == "person" for k in keys) if keys else token.ent_type_ == "PERSON"


# One check of a pattern item: a word that must occur, or a synset: any of its one-word members,
# or every word of one of its longer members.
_Check = Union[str, tuple[frozenset[str], tuple[tuple[str, ...], ...]]]
_MARKERS = {"*", "$", "+", "%", "^"}


def _checks(item: str, synsets: dict[str, set[str]]) -> tuple[_Check, ...]:
    """The checks of one item ("&MILITARY &CAR", "arms shipment"): all must hold."""
    out: list[_Check] = []
    for part in item.lower().replace("_", " ").split():
        part = part.strip("{}()")
        if not part or part in _MARKERS:
            continue
        if part.startswith("&"):
            members = [tuple(member.split()) for member in synsets.get(part[1:].upper(), ())]
            out.append((frozenset(m[0] for m in members if len(m) == 1), tuple(m for m in members if len(m) > 1)))
        else:
            out.append(part)
    return tuple(out)


def _holds(checks: tuple[_Check, ...], words: set[str]) -> bool:
    for check in checks:
        if isinstance(check, str):
            if check not in words:
                return False
        elif check[0].isdisjoint(words) and not any(all(w in words for w in member) for member in check[1]):
            return False
    return True


@dataclass(frozen=True)
class _Pattern:
    """A verb pattern, its items parsed once: words before the verb, and after it either plain
    items or prepositional groups (preposition, checks of each word)."""

    before: tuple[Optional[tuple[_Check, ...]], ...]  # None: an item that always holds
    after: tuple[Union[tuple[_Check, ...], tuple[str, tuple[tuple[_Check, ...], ...]]], ...]
    after_is_prep: tuple[bool, ...]
    code: Optional[str]
    line: Optional[int]
    verb: Optional[str] = None  # the family member the pattern was written for
    particle_only: bool = False  # every item a bare particle: "- * ON" ("press on")

    @classmethod
    def compile(cls, pattern: dict, synsets: dict[str, set[str]]) -> "_Pattern":
        before = tuple(_checks(item, synsets) if isinstance(item, str) else None for item in pattern.get("before", ()))
        after, is_prep = [], []
        for item in pattern.get("after", ()):
            if isinstance(item, dict):
                after.append((str(item.get("prep", "")).lower(), tuple(_checks(w, synsets) for w in item.get("words", ()))))
                is_prep.append(True)
            else:
                after.append(_checks(item, synsets))
                is_prep.append(False)
        words = [c for checks in (*before, *(a for a, p in zip(after, is_prep) if not p)) for c in checks or ()]
        particle_only = bool(words) and not any(is_prep) and all(isinstance(c, str) and c in PATTERN_PARTICLES for c in words)
        verb = pattern.get("verb")
        return cls(before, tuple(after), tuple(is_prep), _code(pattern.get("code")), pattern.get("line"),
                   verb.lower() if verb else None, particle_only)

    def anchor(self) -> Optional[str]:
        """One word that must be present for this pattern to hold (None: no plain word)."""
        for checks in self.before:
            word = next((c for c in checks or () if isinstance(c, str)), None)
            if word:
                return f"b:{word}"
        for item, is_prep in zip(self.after, self.after_is_prep):
            if is_prep:
                return f"p:{item[0]}"
            word = next((c for c in item if isinstance(c, str)), None)
            if word:
                return f"a:{word}"
        return None

    def score(self, before: set[str], after: set[str], preps: dict[str, set[str]]) -> int:
        """How many items hold (0 when any fails): the more, the more specific the match."""
        score = 0
        for checks in self.before:
            if checks is not None and not _holds(checks, before):
                return 0
            score += 1
        for position, (item, is_prep) in enumerate(zip(self.after, self.after_is_prep)):
            if is_prep:
                prep, words_checks = item
                # Right after the verb ("break WITH") the group hangs on the verb; after a word
                # ("state OF emergency") it may sit inside the object phrase.
                words = preps.get(prep) if not position else preps.get(_NESTED + prep)
                if words is None or not all(_holds(c, words) for c in words_checks):
                    return 0
                score += 1 + len(words_checks)
            elif not _holds(item, after):
                return 0
            else:
                score += 1
        return score


class _PatternIndex:
    """A verb's patterns, indexed by one word each needs ("b:" before the verb, "a:" after it,
    "p:" a preposition), so that only patterns with a chance are scored, in dictionary order."""

    def __init__(self, patterns: list[_Pattern]) -> None:
        self.patterns = patterns
        self.always: list[int] = []
        self.by_anchor: dict[str, list[int]] = {}
        for i, pattern in enumerate(patterns):
            anchor = pattern.anchor()
            if anchor is None:
                self.always.append(i)
            else:
                self.by_anchor.setdefault(anchor, []).append(i)

    def candidates(self, before: set[str], after: set[str], preps: dict[str, set[str]]) -> list[_Pattern]:
        found = list(self.always)
        for key in (*(f"b:{w}" for w in before), *(f"a:{w}" for w in after), *(f"p:{p.lstrip(_NESTED)}" for p in preps)):
            found += self.by_anchor.get(key, ())
        return [self.patterns[i] for i in sorted(set(found))]


def _expand_synset(name: str, synsets: dict[str, list[str]], seen: frozenset = frozenset()) -> set[str]:
    """Members of a synset, with members that are synsets themselves ("&TIETYPES") expanded."""
    out: set[str] = set()
    for member in synsets.get(name, ()):
        if member.startswith("&"):
            inner = member[1:].upper()
            if inner not in seen:
                out |= _expand_synset(inner, synsets, seen | {name})
        else:
            out.add(member)
    return out


_CLAUSAL = {"ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp", "csubj", "parataxis", "conj"}


def _phrase_words(token: Token) -> set[str]:
    """Words of a phrase, not descending into clauses embedded in it: in "clash over efforts
    to deal with X", "deal" is not an object of "clash"."""
    words: set[str] = set()
    stack = [token]
    while stack:
        node = stack.pop()
        words.update((node.lemma_.lower(), node.lower_))
        stack.extend(c for c in node.children if c.dep_ not in _CLAUSAL)
    return words


_NESTED = "~"  # key prefix: a prepositional group anywhere in the verb phrase


def _object_words(verb: Token) -> tuple[set[str], dict[str, set[str]]]:
    after: set[str] = set()
    preps: dict[str, set[str]] = {}
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass", "punct", "aux", "auxpass", "neg", "mark", "cc"} | _CLAUSAL:
            continue
        if _time_adjunct(child) or _according_to(child):
            continue  # "according to" names a source: its "accord" is no treaty the verb acts on
        words = _phrase_words(child)
        if child.dep_ in {"prep", "agent", "dative"}:
            preps.setdefault(child.lower_, set()).update(words - {child.lower_})
        else:
            # "lifted a state of emergency", "demanded the release of": a pattern's prepositional
            # group may sit inside the object phrase, as PETRARCH matches it in the verb phrase.
            for prep in _phrase_tokens(child):
                if prep.dep_ == "prep" and prep is not child:
                    preps.setdefault(_NESTED + prep.lower_, set()).update(_phrase_words(prep) - {prep.lower_})
        after |= words
    # "called on Republicans to back Trump": the parser can take "on" for a particle and
    # "Republicans" for the object; the pair is still the pattern's prepositional group.
    particles = [c for c in verb.children if c.dep_ == "prt" and c.lower_ not in preps]
    for particle in particles:
        for obj in (c for c in verb.children if c.dep_ == "dobj" and c.i > particle.i):
            preps.setdefault(particle.lower_, set()).update(_phrase_words(obj))
    for prep, words in list(preps.items()):
        if not prep.startswith(_NESTED):
            preps.setdefault(_NESTED + prep, set()).update(words)
    return after, preps


# "called Merkel on Monday" is no "call on" (020): a time adjunct fills no pattern's slot.
_TIME_PREPOSITIONS = {"on", "in", "at", "during", "since", "until", "by"}


def _time_adjunct(child: Token) -> bool:
    if child.dep_ != "prep" or child.lower_ not in _TIME_PREPOSITIONS:
        return False
    return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in child.children)


def _phrase_tokens(token: Token) -> list[Token]:
    out, stack = [], [token]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in node.children if c.dep_ not in _CLAUSAL)
    return out


@lru_cache(maxsize=1)
def _cameo_table() -> dict:
    return catalogue_json("cameo.json").get("codes", {})


def cameo_info(code: str) -> tuple[Plover, Optional[float]]:
    """PLOVER type/mode/context and Goldstein score for a CAMEO code (parents fill gaps)."""
    table = _cameo_table()
    for candidate in (code, code[:3], code[:2]):
        row = table.get(candidate)
        if row:
            plover = row.get("plover") or {}
            goldstein = row.get("goldstein")
            return Plover(plover.get("type"), plover.get("mode"), plover.get("context")), goldstein
    return Plover(None), None


# The PLOVER manual's rules for acts not yet done: future CONSULT, SUPPORT, COOPERATE and AID
# are AGREE; a future RETREAT is a CONCEDE; future material conflict is a THREATEN whose mode
# is what is threatened (restrict, arrest, relations, expel, territory, violence).
_AGREE_WHEN_FUTURE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
_THREAT_MODES = (  # CAMEO prefix -> THREATEN mode; the first matching prefix wins
    ("173", "arrest"), ("174", "expel"), ("166", "expel"), ("171", "territory"), ("192", "territory"),
    ("163", "restrict"), ("17", "restrict"), ("14", "restrict"), ("16", "relations"),
    ("15", "violence"), ("18", "violence"), ("19", "violence"), ("20", "violence"),
)


# PLOVER REJECT modes (shared with REQUEST) for a refused cooperative act of each type.
_REFUSAL_MODES = {
    "AGREE": None, "SUPPORT": None, "CONSULT": "meet", "COOPERATE": "assist", "AID": "assist",
    "CONCEDE": "yield", "RETREAT": "yield",
}


def plover_for(code: str, plover: Plover, factuality: Factuality, offered: bool = False) -> Plover:
    """The PLOVER type of a CAMEO-coded act as reported: ``plover`` (the code's type, from
    ``cameo_info``), except that an act reported as future or intended ("will provide aid",
    "threatened to impose a curfew") is typed as the manual asks (a cooperative act someone is
    ``offered`` to do, "willing to withdraw", is AGREE), and a cooperative act
    announced as not going to happen ("will not accept") is a refusal, REJECT. A negated
    intention of conflict keeps the act's own type."""
    if factuality.mode != "future" or plover.type is None:
        return plover
    if offered and factuality.polarity != "negative" and plover.type in _REFUSAL_MODES:
        # AGREE: "indicate willingness or commitment to cooperate" ("is willing to withdraw",
        # "is prepared to lift the ban"), where an announced act ("will withdraw") keeps the
        # manual's future reading.
        return Plover("AGREE", None, plover.context)
    if factuality.polarity == "negative":
        # "Syria will not accept refugees": declining to cooperate or yield is a refusal, CAMEO
        # 12 ("Reject material cooperation", "Decline to yield", "Reject proposal to meet").
        mode = _REFUSAL_MODES.get(plover.type, False)
        return plover if mode is False else Plover("REJECT", mode, plover.context)
    if plover.type in _AGREE_WHEN_FUTURE:
        return Plover("AGREE", None, plover.context)
    if plover.type == "RETREAT":
        return Plover("CONCEDE", None, plover.context)
    mode = next((m for prefix, m in _THREAT_MODES if code.startswith(prefix)), None)
    if mode is not None:
        return Plover("THREATEN", mode, plover.context)
    return plover


def cameo_name(code: str) -> str:
    table = _cameo_table()
    for candidate in (code, code[:3], code[:2]):
        row = table.get(candidate)
        if row and row.get("name"):
            return row["name"]
    return f"CAMEO {code}"


def find_events(doc: Doc, index: ActorIndex, skip: set[int], verbs: Optional[VerbLexicon] = None) -> list[EventDraft]:
    """Events in ``doc``; tokens in ``skip`` (attribution cues) are not triggers. ``verbs``
    defaults to the packaged CAMEO.2.0 dictionary."""
    verbs = verbs or VerbLexicon.packaged()
    drafts: list[EventDraft] = []
    for token in doc:
        directive = _directive_report(token, index)
        if directive is not None:
            drafts.append(directive)
            continue
        if token.i in skip and not _coded_act(token, verbs):
            continue
        if token.pos_ in {"VERB", "AUX"}:
            draft = _verb_event(token, index, verbs)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in NOMINAL_TRIGGERS:
            draft = _noun_event(token, index)
        elif token.text == "-":
            draft = _epithet_event(token, index)
        else:
            draft = None
        # An act needs an actor on some side, or a party doing it ("staff members apologized");
        # a party only suffering it ("killing 57 people") is as often an accident's toll.
        if draft is not None and (draft.sources or draft.targets or draft.unnamed_sources):
            drafts.append(draft)
    return _mark_embedded(_without_restated_objects(drafts))


# A complement or purpose clause of an act is what the act is about: "refused to deploy",
# "demanded that the US cancel", "agreed to allow", "staged rallies to demand".
_COMPLEMENT_DEPS = {"xcomp", "ccomp", "advcl"}


_DIRECTIVE_ROOTS = {"02", "10"}  # appeals and demands
_CONFLICT_ROOTS = {"13", "14", "15", "16", "17", "18", "19", "20"}


def _irrealis_complement(clause: Token) -> bool:
    """A clause that states no fact: an infinitive ("refused to deploy", "to demand"), a
    mandative subjunctive ("demanded that the US cancel") or a modal one ("said Sudan must
    return"). "reported that X attacked" reports an act done, which stays an event of its own."""
    auxes = [c for c in clause_children(clause) if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ == "to" for a in auxes):
        return True
    if clause.dep_ == "xcomp":
        return clause.tag_ in {"VB", "VBG"} or not auxes
    if clause.dep_ == "advcl":
        # A condition is not an act done: "unless the US lifted sanctions", "if talks fail".
        return marked_by(clause, CONDITION_MARKERS)
    if clause.dep_ != "ccomp":
        return False
    if any(a.lower_ in MODAL_AUXILIARIES for a in auxes):
        return True
    return clause.tag_ == "VB" and not auxes and any(c.dep_ in SUBJECT_DEPS for c in clause.children)


def _mark_embedded(drafts: list[EventDraft]) -> list[EventDraft]:
    """Flag events whose trigger sits in an irrealis complement of another event's act: the
    matrix act ("refused") is what was done; the embedded one ("deploy") was refused,
    demanded or promised, not done. A matrix act without a target takes the one its content
    names."""
    acts: dict[int, EventDraft] = {}
    for draft in drafts:
        acts.setdefault(draft.trigger.i, draft)
        if draft.kind == "noun" and draft.trigger.dep_ == "dobj":
            acts.setdefault(draft.trigger.head.i, draft)  # "staged rallies": the support verb acts
    governed: list[tuple[EventDraft, EventDraft, Token]] = []
    for draft in drafts:
        node = draft.trigger
        if node.dep_ == "acl" and _infinitival(node):
            draft.embedded = True  # "Trump's decision to recognize", "a request to extradite": decided, asked
            continue
        for _ in range(4):
            if node.dep_ == "acomp" and node.head is not node:
                node = node.head  # "must be ready to mediate": through the adjective to its verb
                continue
            if node.dep_ == "xcomp" and node.head.lemma_.lower() in WILLINGNESS_ADJECTIVES:
                draft.offered = True
            if node.dep_ not in _COMPLEMENT_DEPS or node.head is node:
                break
            governor = acts.get(node.head.i)
            if not (_irrealis_complement(node) or (node.dep_ == "ccomp" and governor is not None and governor.code[:2] in _DIRECTIVE_ROOTS)):
                break  # a directive's complement is what it asks for, whatever its tense
            clause, node = node, node.head
            if governor is not None and governor is not draft:
                if governor.code[:2] == "03" and draft.code[:2] in _CONFLICT_ROOTS:
                    # "plans to impose restrictions": intent to do harm is no intent to
                    # cooperate (CAMEO 03); the intended act, typed as a future act, tells.
                    governor.embedded = True
                else:
                    draft.embedded = True
                    governed.append((draft, governor, clause))
                break
    for draft, governor, clause in governed:
        if governor.targets or governor.embedded:
            continue
        if clause.dep_ == "ccomp" and _directive_clause(clause):
            # "demanded that the US cancel": the act is aimed at the complement's subject.
            governor.targets = _unique(k for k in draft.sources if k not in governor.sources)
        elif clause.dep_ != "ccomp":
            # "refused to deploy troops in Iraq": at whom the refused act was aimed.
            governor.targets = _unique(k for k in draft.targets if k not in governor.sources)
    return drafts


def _directive_clause(clause: Token) -> bool:
    """"that the US cancel", "that Sudan must return": what someone is asked to do."""
    auxes = [c for c in clause_children(clause) if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in DIRECTIVE_MODALS for a in auxes):
        return True
    return clause.tag_ == "VB" and not auxes


def _without_restated_objects(drafts: list[EventDraft]) -> list[EventDraft]:
    """"imposed sanctions", "postponed their meeting", "called off the strike": the verb is
    the act and its object noun what it acts on, not a second event (a support verb, "held
    talks", is no act of its own and leaves the noun its event)."""
    verbs = {d.trigger.i: d.code[:2] for d in drafts if d.kind == "verb"}
    return [
        d for d in drafts
        if not (d.kind == "noun" and d.trigger.dep_ == "dobj" and d.trigger.head.i in verbs)
    ]


# "Russia said Sudan must return the helicopter": a report that someone must act is a demand
# (CAMEO 10) by the speaker on them, as event coders read it; the act itself has not happened.
DEMAND_CODE = "100"


def _directive_report(verb: Token, index: ActorIndex) -> Optional[EventDraft]:
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon().reporting_verbs:
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        if not any(a.dep_ == "aux" and a.lower_ in DEONTIC_MODALS for a in clause_children(clause)):
            continue
        sources = [k for s in clause_children(verb, SUBJECT_DEPS) if s.dep_ in SUBJECT_DEPS for k in _actors_of(s, index)]
        targets = [k for s in clause_children(clause, SUBJECT_DEPS) if s.dep_ in SUBJECT_DEPS for k in _actors_of(s, index)]
        targets = [k for k in targets if k not in sources]
        if sources and targets:
            return EventDraft(verb, DEMAND_CODE, _unique(sources), _unique(targets), "verb")
    return None


def _coded_act(token: Token, verbs: VerbLexicon) -> bool:
    """A reporting cue that is also an act CAMEO codes beyond "make a statement" (01):
    "urged", "welcomed", "rejected", "accused", "warned" are events as well as cues, and so
    are category nouns framing a clause ("its demand that Uganda close the border")."""
    if token.pos_ == "NOUN":
        code = NOMINAL_TRIGGERS.get(token.lemma_.lower())
        return bool(code) and not code.startswith("01")
    entry = verbs.lookup(token) if token.pos_ in {"VERB", "AUX"} else None
    if entry is None:
        return False
    code, _ = verbs.code_for(token, entry)
    return bool(code) and not code.startswith("01")


def _verb_event(verb: Token, index: ActorIndex, verbs: VerbLexicon) -> Optional[EventDraft]:
    if _is_epithet_participle(verb) or _according_to(verb):
        return None
    entry = verbs.lookup(verb)
    if entry is None or _supports_nominal(verb):
        return None
    message = _message_participle(verb)
    if verb.dep_ == "acl" and not message and not _infinitival(verb) and not any(c.dep_ == "agent" for c in verb.children):
        return None  # an adjectival participle ("a convoy bound for Darfur") describes, it does not report
    code, line = verbs.code_for(verb, entry)
    if code and code[:2] == _PROTEST_ROOT and line is None and verb.lemma_.lower() in SHOWING_VERBS and _has_complement(verb):
        return None  # "demonstrated his commitment", "demonstrated that ...": showing, not protesting
    if code and code[:2] in _FORCE_ROOTS and _verbal_attack(verb, index):
        code, line = CHARACTERISATION_CODE, None
    elif _dismissal(verb, index):
        code, line = DISMISSAL_CODE, None
    if not code or (message and code[:2] not in _VERBAL_ROOTS):
        return None
    sources, targets = _verb_arguments(verb, index)
    sources, targets = _reciprocal(verb, sources, targets)
    if not targets and code[:2] not in _UNDIRECTED_ROOTS and not _has_object(verb):
        # A verbal act with neither an actor nor anything it acts on is too vague to code.
        return None
    if not targets and line is None and code[:2] == _MEETING_ROOT and not _meets_a_party(verb, index):
        return None
    unnamed_sources, unnamed_targets = _unnamed_sides(verb, index) if not (sources and targets) else ((), ())
    return EventDraft(
        verb, code, sources, targets, "verb", line,
        unnamed_sources=() if sources else unnamed_sources,
        unnamed_targets=() if targets else unnamed_targets,
    )


# "faced the voters" is a meeting; "faced major trouble", "must face more diverse electorates"
# and "confronted the problem" are not: with no pattern to say otherwise, the meeting verbs
# (CAMEO 04, "face", "confront", "encounter", "meet") need a party to meet.
_MEETING_ROOT = "04"


def _meets_a_party(verb: Token, index: ActorIndex) -> bool:
    met = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    met += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children if o.dep_ == "pobj"]
    met += [m for o in list(met) for m in list_members(o)]
    return any(_is_party(o, index) for o in met) or not met and _reciprocal_subject(verb)


def _reciprocal_subject(verb: Token) -> bool:
    """"Leaders met on Monday", "the two sides met": a meeting among the subject's members."""
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _according_to(verb: Token) -> bool:
    """"according to Reuters" names a source, whether the parser reads "according" as a verb
    (CAMEO's "accord": agree) or as a preposition of the reported act."""
    return verb.lower_ == "according" and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def _unnamed_sides(verb: Token, index: ActorIndex) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Where a verb's subject and object name parties no actor stands for: people and groups
    ("industry lobbyists", "women", "protesters"), named ones the catalogue lacks, and personal
    pronouns it could not resolve. Things and places are no party ("rejected the resolution")."""
    children = clause_children(verb, SUBJECT_DEPS)
    subjects = [c for c in children if c.dep_ == "nsubj"]
    subjects += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    objects = [c for c in children if c.dep_ in {"dobj", "nsubjpass", "dative"}]
    objects += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPOSITIONS for p in c.children if p.dep_ == "pobj"]

    return _parties(subjects, index), _parties(objects, index)


def _parties(nouns: list[Token], index: ActorIndex) -> tuple[tuple[int, int], ...]:
    """Spans of the nouns (and their list members) that name parties."""
    found = [n for noun in nouns for n in [noun, *list_members(noun)] if _is_party(n, index)]
    return tuple(sorted({phrase_span(n) for n in found}))


def _is_party(noun: Token, index: ActorIndex) -> bool:
    if noun.pos_ == "PRON":
        return noun.lower_ in PARTY_PRONOUNS
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    # "industry lobbyists", "Boko Haram fighters": the modifier says whose people they are.
    words = [noun, *(c for c in noun.children if c.dep_ == "compound")]
    return any(w.i in index.unowned_agents or w.ent_type_ in PARTY_ENTITIES for w in words)


# Verbal acts a message can perform: appeals, intents, support, demands, disapproval, rejection,
# threats.
_VERBAL_ROOTS = {"02", "03", "05", "10", "11", "12", "13"}


def _message_participle(verb: Token) -> bool:
    """"issued a declaration demanding that ...", "released a statement condemning ...": a
    participle on an issued message is the message's act."""
    head = verb.head
    return (
        verb.dep_ == "acl" and verb.tag_ == "VBG" and head.lemma_.lower() in MESSAGE_NOUNS
        and head.dep_ == "dobj" and head.head.pos_ == "VERB"
    )


def _supports_nominal(verb: Token) -> bool:
    """"intensified their cooperation": the noun is the event, the verb only its aspect."""
    if verb.lemma_.lower() not in NOMINAL_SUPPORT_VERBS:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in NOMINAL_TRIGGERS for c in verb.children)


def _has_object(verb: Token) -> bool:
    """"rejected the resolution", "demanded an inquiry": the act has an object, if not an actor;
    so has a speech act with a prepositional one ("agreed to an extension", "called for a truce")."""
    if any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children):
        return True
    # Other verbs only when the phrase names an event ("arrived on a visit"): "came to" or
    # "headed to the polls" is motion, not an act with content.
    speech = verb.lemma_.lower() in lexicon().reporting_verbs
    return any(
        c.dep_ == "prep" and c.lower_ in ARGUMENT_PREPOSITIONS
        and any(
            o.dep_ == "pobj" and o.ent_type_ not in {"DATE", "TIME"} and (speech or o.lemma_.lower() in NOMINAL_TRIGGERS)
            for o in c.children
        )
        for c in verb.children
    )


def _is_epithet_participle(token: Token) -> bool:
    """"allied" in "ISIS-allied" is coded once, as an epithet."""
    if token.i < 2 or token.lower_ not in EPITHET_RELATIONS:
        return False
    hyphen = token.doc[token.i - 1]
    return hyphen.text == "-" and not hyphen.whitespace_ and not token.doc[token.i - 2].whitespace_


def _verb_arguments(verb: Token, index: ActorIndex) -> tuple[tuple[str, ...], tuple[str, ...]]:
    children = clause_children(verb, SUBJECT_DEPS)
    subjects = [c for c in children if c.dep_ == "nsubj"]
    passive_subjects = [c for c in children if c.dep_ == "nsubjpass"]
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    sources: list[str] = []
    targets: list[str] = []
    if passive_subjects or agents:
        for noun in agents:
            sources += _actors_of(noun, index)
        for noun in passive_subjects:
            targets += _actors_of(_antecedent(noun, verb), index)
    for noun in subjects:
        sources += _actors_of(_antecedent(noun, verb), index)
    if subjects and not sources:
        # "ISIL [another name for ISIS] fights Egypt": a bracketed gloss can leave the real
        # subject as a stray modifier left of the verb.
        for child in verb.lefts:
            if child.dep_ in {"nmod", "npadvmod", "dep"}:
                sources += _actors_of(child, index, expand=False)
    if not subjects and not passive_subjects:
        sources += _inherited_subject(verb, index)
    if _message_participle(verb):
        # "issued a declaration demanding that ...": whoever issued the message acts.
        sources += [k for s in clause_children(verb.head.head, SUBJECT_DEPS) if s.dep_ == "nsubj" for k in _actors_of(s, index)]
    elif verb.dep_ == "acl" and _infinitival(verb):
        # "Trump's plan to deport immigrants", "the move to ban him": the plan's owner acts.
        if not subjects:
            sources += [k for c in verb.head.children if c.dep_ == "poss" for k in _actors_of(c, index)]
    elif verb.dep_ == "acl":
        # "the weapons ordered by Hamas": the modified noun is the object.
        targets += _actors_of(verb.head, index)
    for child in children:
        if child.dep_ in {"dobj", "iobj", "attr", "oprd"}:
            targets += _actors_of(child, index, exclude=sources)
            # "sold weapons to Syria", "sent troops into Libya": the recipient hangs on the object.
            for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPOSITIONS):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    targets += _actors_of(pobj, index, exclude=sources)
        elif child.dep_ in {"prep", "dative"} and child.lower_ in TARGET_PREPOSITIONS:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                targets += _actors_of(pobj, index, exclude=sources)
        elif child.dep_ == "dative":
            targets += _actors_of(child, index, exclude=sources)
    if not targets:
        # "welcomed a resumption of talks with Mordor": an actor named inside the object phrase.
        for child in children:
            if child.dep_ == "dobj":
                nested = [t for t in child.subtree if t.i != child.i and t.dep_ == "pobj"]
                # "condemned an attack by Osgiliath soldiers in south Ithilen": the place says
                # where; it is the target only when nothing else in the phrase is one.
                found = [k for t in nested if t.head.lower_ not in LOCATIVE_PREPOSITIONS for k in _actors_of(t, index, exclude=sources)]
                targets += found or [k for t in nested for k in _actors_of(t, index, exclude=sources)]
    if not targets:
        # "demanded that North Korea forsake its program": a mandative clause names whom the
        # act is aimed at.
        for clause in (c for c in verb.children if c.dep_ == "ccomp" and _directive_clause(c)):
            targets += [k for s in clause_children(clause, SUBJECT_DEPS) if s.dep_ in SUBJECT_DEPS for k in _actors_of(s, index, exclude=sources)]
    if not targets:
        # "sends raw materials, enabling Hamas to ...": the beneficiary sits in a dependent clause.
        for child in verb.children:
            if child.dep_ in {"advcl", "xcomp"} and child.tag_ == "VBG":
                for obj in (c for c in child.children if c.dep_ == "dobj"):
                    targets += _actors_of(obj, index)
    return _unique(sources), tuple(k for k in _unique(targets) if k not in sources or _is_reflexive(verb))


def _infinitival(verb: Token) -> bool:
    """"a plan to deport", "the move to ban him": an infinitive, not an adjectival participle."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _antecedent(noun: Token, verb: Token) -> Token:
    """The noun a relative pronoun stands for: "Obama, who claimed ..." is Obama's claim, and
    "Kenneth Starr, the counsel who pursued ..." Starr's act."""
    if verb.dep_ == "relcl" and noun.tag_ in {"WP", "WDT"}:
        head = verb.head
        return head.head if head.dep_ == "appos" else head
    return noun


def _is_reflexive(verb: Token) -> bool:
    return any(" ".join(t.lower_ for t in c.subtree) in RECIPROCAL_OBJECTS for c in verb.children)


def _inherited_subject(verb: Token, index: ActorIndex) -> list[str]:
    node = verb
    for _ in range(4):
        if node.dep_ == "xcomp":
            # Object control ("enabling Hamas to manufacture") before subject control.
            objects = [c for c in node.head.children if c.dep_ == "dobj"]
            if objects:
                found = [k for o in objects for k in _actors_of(o, index)]
                if found:
                    return found
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.lower_ in {"of", "for"}:
            # "accused Israel of attacking Gaza", "blamed Hamas for firing": the object acts.
            objects = [c for c in node.head.head.children if c.dep_ == "dobj"]
            found = [k for o in objects for k in _actors_of(o, index)]
            if found:
                return found
        if node.dep_ in {"xcomp", "conj", "advcl", "acomp", "pcomp", "prep"} and node.head.i != node.i:
            # "Arnor is about to restore ...": climb through "about" to the clause with a subject.
            node = node.head
            subjects = [c for c in clause_children(node, SUBJECT_DEPS) if c.dep_ == "nsubj"]
            if subjects:
                return [k for s in subjects for k in _actors_of(s, index)]
            continue
        if node.dep_ == "relcl":
            return _actors_of(node.head, index)
        break
    return []


def _noun_event(noun: Token, index: ActorIndex) -> Optional[EventDraft]:
    lemma = noun.lemma_.lower()
    if lemma in CAMPAIGN_GATHERINGS and not _protest_gathering(noun):
        return None
    code = NOMINAL_TRIGGERS[lemma]
    by_modifier = NOMINAL_TRIGGER_MODIFIERS.get(lemma, {})
    code = next((by_modifier[c.lemma_.lower()] for c in noun.lefts if c.lemma_.lower() in by_modifier), code)
    sources: list[str] = []
    targets: list[str] = []
    for child in noun.children:
        if child.dep_ in {"poss", "amod", "compound", "nmod"}:
            sources += _actors_of(child, index, expand=False)
        elif child.dep_ == "prep" and child.lower_ in {"against", "on", "with", "to", "between", "of", "into"}:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                found = _actors_of(pobj, index)
                if child.lower_ == "between":
                    sources += found
                else:
                    targets += found
        elif child.dep_ == "prep" and child.lower_ == "by":
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                sources += _actors_of(pobj, index)
    if not sources and noun.dep_ in {"dobj", "pobj"}:
        governor = noun.head if noun.dep_ == "dobj" else noun.head.head
        if governor.lemma_.lower() in NOMINAL_SUPPORT_VERBS:
            sources += [k for s in governor.children if s.dep_ == "nsubj" for k in _actors_of(s, index)]
            if not sources:
                sources += _inherited_subject(governor, index)
    sources_t, targets_t = _unique(sources), _unique(t for t in targets if t not in sources)
    sources_t, targets_t = _reciprocal(noun, sources_t, targets_t)
    # "his criticism of them", "attacks on women": parties no actor stands for.
    owners = [c for c in noun.children if c.dep_ == "poss"]
    aimed = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in {"against", "on", "of", "to", "toward", "towards"} for p in c.children if p.dep_ == "pobj"]
    if code[:2] in _FORCE_ROOTS and lemma in ATTACK_VERBS and _verbal_attack_noun(noun, owners, aimed, index):
        code = CHARACTERISATION_CODE
    return EventDraft(
        noun, code, sources_t, targets_t, "noun",
        unnamed_sources=() if sources_t else _parties(owners, index),
        unnamed_targets=() if targets_t else _parties(aimed, index),
    )


def _protest_gathering(noun: Token) -> bool:
    """"a rally against the war", "a protest rally", "rallies over the killing": a gathering
    against something is a protest; "a Trump rally", "his campaign rally" are campaign events."""
    against = any(c.dep_ == "prep" and c.lower_ in PROTEST_PREPOSITIONS for c in noun.children)
    against |= any(c.dep_ == "prep" and c.lower_ == "in" and any(o.lemma_.lower() in PROTEST_CAUSES for o in c.children) for c in noun.children)
    marked = any(c.lemma_.lower() in {"protest", "opposition", "anti"} or c.lower_.startswith("anti-") for c in noun.lefts)
    return against or marked


def _epithet_event(token: Token, index: ActorIndex) -> Optional[EventDraft]:
    """"ISIS-allied Hamas": the prefix actor stands in a relation to the head actor."""
    doc = token.doc
    if token.i == 0 or token.i + 1 >= len(doc):
        return None
    participle = doc[token.i + 1]
    prefix = doc[token.i - 1]
    relation = EPITHET_RELATIONS.get(participle.lower_)
    if relation is None or token.whitespace_ or prefix.whitespace_:
        return None
    prefix_keys = [Argument(k, index.mention_span(prefix)) for k in index.keys_at(prefix)]
    if not prefix_keys:
        return None
    head = _epithet_head(participle, prefix)
    if head is None:
        return None
    start, end = index.mention_span(head)
    if start <= prefix.idx < end:
        return None  # "Saudi-led warplanes": the prefix owns the head actor, no relation between two
    head_keys = [k for k in _actors_of(head, index, expand=False) if k not in prefix_keys]
    if not head_keys:
        return None
    return EventDraft(prefix, EPITHET_CODES[relation], tuple(prefix_keys), tuple(head_keys), "epithet", end=participle.i)


def _epithet_head(participle: Token, prefix: Token) -> Optional[Token]:
    """The noun an "X-allied" modifier belongs to: its head, or the next noun."""
    for candidate in (participle.head, prefix.head):
        if candidate.i > participle.i and candidate.pos_ in {"PROPN", "NOUN"}:
            return candidate
    following = participle.doc[participle.i + 1 : participle.i + 4]
    return next((t for t in following if t.pos_ in {"PROPN", "NOUN"}), None)


class Argument(str):
    """An actor key that remembers the words naming the actor at one event: "she" for the
    Hillary Clinton it resolves to, "Hamas sources" for Hamas. Compares and hashes as its
    key, so argument lists stay lists of keys; ``span`` is what PLOVER's actor text and the
    side scorers read."""

    span: tuple[int, int]

    def __new__(cls, key: str, span: tuple[int, int]) -> "Argument":
        made = super().__new__(cls, key)
        made.span = span
        return made


def argument_spans(keys: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Character spans of the words naming ``keys`` at their event, in text order."""
    return tuple(sorted({k.span for k in keys if isinstance(k, Argument)}))


def _actors_of(noun: Token, index: ActorIndex, *, expand: bool = True, exclude: Iterable[str] = ()) -> list[str]:
    """Actor keys a noun phrase refers to, including its conjuncts, as ``Argument``s."""
    found: list[str] = []
    if expand:
        # "Fatah and ISIS-allied Hamas": a coordination the parser did not build.
        found += [Argument(k, _named_before(k, noun, index)) for k in index.coordination_ending_at(noun) if k not in exclude]
    for token in [noun, *(list_members(noun) if expand else ())]:
        keys = index.keys_at(token)
        if not keys and token.pos_ == "PRON":
            keys = resolve_pronoun(token, index, exclude=exclude)
        if not keys:
            keys = affiliation(token, index)
        found += [Argument(k, phrase_span(token)) for k in keys if k not in found]
    return found


def _named_before(key: str, noun: Token, index: ActorIndex) -> tuple[int, int]:
    """The last mention of ``key`` ending by ``noun``: its place in a coordination."""
    end = noun.idx + len(noun)
    spans = [m for m in index.drafts[key].mentions if m[1] <= end] if key in index.drafts else []
    return max(spans) if spans else (noun.idx, end)


def phrase_span(noun: Token) -> tuple[int, int]:
    """Characters of the noun phrase ``noun`` heads: its determiners and modifiers, an
    apposition ("Bahrain's prime minister, Prince Khalifa") and the phrase saying whose or
    of what it is ("envoys from Egypt", "a spokesman for the army", "a depot of the army").
    A pronoun is itself; conjuncts are phrases of their own."""
    if noun.pos_ == "PRON":
        return (noun.idx, noun.idx + len(noun))
    members = {t.i for t in list_members(noun)}
    last = noun
    for child in noun.rights:
        if child.i in members or any(t.dep_ == "cc" for t in child.lefts):
            break
        if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ in {"from", "of", "for"}):
            last = child.right_edge
    first = noun.left_edge
    return (first.idx, last.idx + len(last))


def list_members(noun: Token) -> list[Token]:
    """The other members of a list a noun heads: its conjuncts, and in "Mordor, the Shire,
    Fornost and Bree" (parsed as an apposition with conjuncts of its own) those of the list
    hung under the apposition. A plain apposition ("Mordor, the state's foe") renames."""
    members = list(noun.conjuncts)
    for appos in (c for c in noun.children if c.dep_ == "appos"):
        conjuncts = [c for c in appos.conjuncts if c.i > appos.i]
        if conjuncts and any(t.dep_ == "cc" for c in [appos, *conjuncts] for t in c.children):
            members += [appos, *conjuncts]
    return members


def _reciprocal(trigger: Token, sources: tuple[str, ...], targets: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Several sources and no target, or "each other": everyone acts on everyone."""
    if len(sources) < 2:  # checked first: the hints below read the trigger's whole subtree
        return sources, targets
    words = {t.lower_ for t in trigger.subtree} | {t.lower_ for t in trigger.children}
    objects = " ".join(t.lower_ for t in trigger.subtree)
    hinted = bool(words & SYMMETRIC_HINTS) or any(r in objects for r in RECIPROCAL_OBJECTS)
    if len(sources) >= 2 and (not targets or hinted) and (hinted or not targets):
        return sources, sources
    return sources, targets


def _unique(keys) -> tuple[str, ...]:
    out: list[str] = []
    for key in keys:
        if key not in out:
            out.append(key)
    return tuple(out)
