"""Events: who did what to whom, from CAMEO verb patterns over the dependency parse.

Reads the parse and the ``ActorIndex``; returns ``EventDraft`` records (trigger token,
source and target actor keys, CAMEO code). Triggers are verbs from the packaged CAMEO
verb dictionary (active, passive, participial and gerund forms), a small set of nominal
triggers ("offensive", "cooperation", "shipments"), and relational epithets
("ISIS-allied Hamas"). The CAMEO code is refined by the dictionary's object patterns,
then mapped to PLOVER and scored with the Goldstein table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Token

from ..actors import ActorIndex
from ..nlp import SUBJECT_DEPS, Opening, clause_children, marked_by, openings
from ..words.events import (
    ANSWERING_STATES,
    ANSWERING_VERBS,
    ARGUMENT_PREPOSITIONS,
    ATTACK_VERBS,
    BROADCAST_MEDIA,
    CAMPAIGN_GATHERINGS,
    COMPLEMENTED_NOMINAL_TRIGGERS,
    CONDITION_MARKERS,
    DEONTIC_MODALS,
    EPITHET_CODES,
    EPITHET_RELATIONS,
    MODAL_AUXILIARIES,
    NOMINAL_SUPPORT_VERBS,
    NOMINAL_TRIGGER_GOVERNORS,
    NOMINAL_TRIGGER_MODIFIERS,
    NOMINAL_TRIGGERS,
    STANDING_NOUNS,
    UNDERGOING_PHRASES,
    UNDERGOING_ROLES,
    UNDERGOING_VERBS,
    WEAPONS,
    WILLINGNESS_ADJECTIVES,
)
from ..words.lexicon import lexicon
from . import extent
from .arguments import (
    VERBAL_ROOTS,
    Argument,
    acting_participle,
    actors_of,
    argument_spans,
    directive_clause,
    infinitival,
    inherited_subject,
    is_party,
    list_members,
    message_participle,
    owners_of,
    party_spans,
    phrase_span,
    reciprocal_sides,
    reciprocal_subject,
    subject_nouns,
    unique_keys,
    unnamed_sides,
    verb_arguments,
)
from .codes import cameo_info, cameo_name, plover_for, retyped
from .patterns import VerbLexicon, according_to, for_clause, for_clauses
from .senses import (
    CHARACTERISATION_CODE,
    DISMISSAL_CODE,
    FORCE_ROOTS,
    is_dismissal,
    protest_gathering,
    shows,
    verbal_attack,
    verbal_attack_noun,
)

__all__ = ["EventDraft", "VerbLexicon", "find_events", "cameo_info", "cameo_name", "list_members", "plover_for", "retyped"]


# CAMEO roots whose events stand without an actor target: material cooperation and
# conflict done to things or places ("destroying tunnels", "sends raw materials").
_UNDIRECTED_ROOTS = {"06", "07", "08", "14", "15", "16", "17", "18", "19", "20"}
# Codes of acts done in words: the verbal roots and 01, a public statement.
_SPOKEN_ROOTS = VERBAL_ROOTS | {"01"}


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


def find_events(doc: Doc, index: ActorIndex, skip: set[int], verbs: Optional[VerbLexicon] = None) -> list[EventDraft]:
    """Events in ``doc``; tokens in ``skip`` (attribution cues) are not triggers. ``verbs``
    defaults to the packaged CAMEO.2.0 dictionary."""
    verbs = verbs or VerbLexicon.packaged()
    drafts: list[EventDraft] = []
    for i in sorted(openings(doc, [_TRIGGERS])):
        token = doc[i]
        kind = _trigger_kind(token)
        if kind is None:
            continue
        with extent.reading_sides_of(token):  # no side's span swallows its act
            directive = _directive_report(token, index)
            if directive is not None:
                drafts.append(directive)
                continue
            if token.i in skip and not _coded_act(token, verbs):
                continue
            if kind == "verb":
                draft = _verb_event(token, index, verbs)
            elif kind == "noun":
                draft = _noun_event(token, index)
            else:
                draft = _epithet_event(token, index)
        # An act needs an actor on some side, or a party doing it ("staff members apologized"),
        # or a party it is done to ("nine people were killed", "pledged to ban all Muslims"):
        # the last is as often an accident's toll ("the blast killed 57 people"), which the
        # event judge, not a rule, tells apart from an attack.
        if draft is not None and (draft.sources or draft.targets or draft.unnamed_sources or draft.unnamed_targets or _specific_noun_act(draft)):
            drafts.append(draft)
    _name_described_doers(drafts, index)
    return _mark_embedded(_without_restated_objects(drafts))


_RELATIVE_SUBJECTS = {"that", "who", "which"}


def _name_described_doers(drafts: list[EventDraft], index: ActorIndex) -> None:
    """"that person that murdered Trayvon": a doer named only by a description whose relative
    clause is the act is whoever the article says did that act (same CAMEO root) to the same
    target, when that is one doer. The description stays the side's words."""
    for draft in drafts:
        verb = draft.trigger
        if draft.sources or not draft.targets or draft.kind != "verb" or verb.dep_ != "relcl":
            continue
        described = verb.head
        if described.pos_ != "NOUN" or index.keys_at(described):
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE_SUBJECTS for c in verb.children):
            continue  # "the man police arrested": the description is the act's target
        targets = set(draft.targets)
        doers = {
            unique_keys(str(k) for k in other.sources)
            for other in drafts
            if other is not draft and other.sources and other.code[:2] == draft.code[:2] and set(other.targets) == targets
        }
        if len(doers) == 1:
            span = (described.left_edge.idx, described.idx + len(described))
            draft.sources = tuple(Argument(key, span) for key in doers.pop())


# The tokens ``_trigger_kind`` can accept, read from the parse's arrays.
_TRIGGERS = Opening(pos=frozenset({"VERB", "AUX", "NOUN"}), chars="-")


def _trigger_kind(token: Token) -> Optional[str]:
    """Which rule can make an act of ``token``: "verb", "noun" (a noun of the act lexicon),
    "epithet" (a hyphen, "ISIS-allied"), or None for most words, which are none of these."""
    pos = token.pos_
    if pos in {"VERB", "AUX"}:
        return "verb"
    if pos == "NOUN" and token.lemma_.lower() in NOMINAL_TRIGGERS:
        return "noun"
    return "epithet" if token.text == "-" else None


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
        if node.dep_ in {"acl", "relcl"} and infinitival(node):
            draft.embedded = True  # "Trump's decision to recognize", "a request to extradite": decided, asked
            continue
        for _ in range(4):
            if node.dep_ == "acomp" and node.head.i != node.i:
                node = node.head  # "must be ready to mediate": through the adjective to its verb
                continue
            if node.dep_ == "xcomp" and node.head.lemma_.lower() in WILLINGNESS_ADJECTIVES:
                draft.offered = True
            if node.dep_ not in _COMPLEMENT_DEPS or node.head.i == node.i:
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
        if (clause.dep_ == "ccomp" and directive_clause(clause)) or for_clause(clause):
            # "demanded that the US cancel", "called for Ginsburg to resign": the act is aimed
            # at the complement's subject.
            governor.targets = unique_keys(k for k in draft.sources if k not in governor.sources)
        elif clause.dep_ != "ccomp":
            # "refused to deploy troops in Iraq": at whom the refused act was aimed.
            governor.targets = unique_keys(k for k in draft.targets if k not in governor.sources)
    return drafts


def _without_restated_objects(drafts: list[EventDraft]) -> list[EventDraft]:
    """"imposed sanctions", "postponed their meeting", "called off the strike": the verb is
    the act and its object noun what it acts on, not a second event (a support verb, "held
    talks", is no act of its own and leaves the noun its event). A noun act with a doer of
    its own is a second act ("cheered Clinton's attacks on Trump", "rejected criticism from
    Trump"), and so is a specific act of another kind ("investigating the 2012 attack on
    the compound"). What a verbal act speaks of it does not restate either: "blamed the attack
    on a video", "proposed a ban on Muslims", "failed to mention the attack" name an act of
    their own, as a candidate for the judge."""
    verbs = {d.trigger.i: d for d in drafts if d.kind == "verb"}
    return [
        d for d in drafts
        if not (
            d.kind == "noun" and d.trigger.dep_ == "dobj" and d.trigger.head.i in verbs
            and not _own_doer(d, verbs[d.trigger.head.i]) and not _speaks_of(verbs[d.trigger.head.i], d)
        )
    ]


def _speaks_of(verb: EventDraft, noun: EventDraft) -> bool:
    """A verb of speech or a verbal act (statement, appeal, accusation, demand, rejection,
    threat) whose object is a noun act of another kind: the noun is what is spoken of. By the
    verb's word as well as its code, since an object pattern can hand the verb the noun's own
    code ("mention the attack" matches an ATTACK pattern)."""
    verbal = verb.code[:2] in _SPOKEN_ROOTS
    if not (verbal or verb.trigger.lemma_.lower() in lexicon().reporting_verbs):
        return False
    return not verbal or noun.code[:2] != verb.code[:2]  # "made an accusation" restates it


def _own_doer(noun: EventDraft, verb: EventDraft) -> bool:
    if noun.code[:2] != verb.code[:2] and any(c.dep_ in _SPECIFYING_DEPS - {"poss"} for c in noun.trigger.children):
        return True  # "investigating the 2012 attack"; "postponed their meeting" restates it
    # a doer of its own is an owner or a from/by-phrase; "spur reconciliation between A and
    # B" names who is to be reconciled, which the verb acts on
    named = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in _DOER_PREPOSITIONS) for c in noun.trigger.children)
    return named and (bool(noun.unnamed_sources) or any(k not in verb.sources for k in noun.sources))


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
        sources = [k for s in clause_children(verb, SUBJECT_DEPS) if s.dep_ in SUBJECT_DEPS for k in actors_of(s, index)]
        targets = [k for s in clause_children(clause, SUBJECT_DEPS) if s.dep_ in SUBJECT_DEPS for k in actors_of(s, index)]
        targets = [k for k in targets if k not in sources]
        if sources and targets:
            return EventDraft(verb, DEMAND_CODE, unique_keys(sources), unique_keys(targets), "verb")
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
    if _is_epithet_participle(verb) or according_to(verb):
        return None
    entry = verbs.lookup(verb)
    if entry is None or _supports_nominal(verb):
        return None
    message = message_participle(verb)
    if verb.dep_ == "acl" and not message and not infinitival(verb) and not any(c.dep_ == "agent" for c in verb.children):
        if not acting_participle(verb):
            return None  # an adjectival participle ("a convoy bound for Darfur") describes, it does not report
    code, line = verbs.code_for(verb, entry)
    if shows(verb, code, line):
        return None
    if code and code[:2] in FORCE_ROOTS and verbal_attack(verb, index):
        code, line = CHARACTERISATION_CODE, None
    elif is_dismissal(verb, index):
        code, line = DISMISSAL_CODE, None
    if not code or (message and code[:2] not in VERBAL_ROOTS):
        return None
    sources, targets = verb_arguments(verb, index)
    sources, targets = reciprocal_sides(verb, sources, targets)
    if not targets:
        # "called for Clinton to release the transcripts": aimed at the clause's subject
        targets = unique_keys(
            k for c in for_clauses(verb) for s in c.children if s.dep_ in SUBJECT_DEPS for k in actors_of(s, index) if k not in sources
        )
    if not targets and _accuses(code):
        targets = owners_of((c for c in clause_children(verb) if c.dep_ == "dobj"), index, sources)
    if not targets and code[:2] not in _UNDIRECTED_ROOTS and not _has_object(verb):
        # A verbal act with neither an actor nor anything it acts on is too vague to code.
        return None
    if not targets and line is None and code[:2] == _MEETING_ROOT and not _meets_a_party(verb, index):
        return None
    unnamed_sources, unnamed_targets = unnamed_sides(verb, index, verbal=code[:2] in VERBAL_ROOTS) if not (sources and targets) else ((), ())
    if code[:2] == _MOBILIZING_ROOT:
        targets, unnamed_targets = _without_forces(verb, index, targets, unnamed_targets)
    if code[:2] in FORCE_ROOTS and not (sources or targets or unnamed_sources or unnamed_targets):
        unnamed_targets = _struck_thing(verb)
    return EventDraft(
        verb, code, sources, targets, "verb", line,
        unnamed_sources=() if sources else unnamed_sources,
        unnamed_targets=() if targets else unnamed_targets,
    )


def _struck_thing(verb: Token) -> tuple[tuple[int, int], ...]:
    """"A market was shelled", "their vehicle was fired upon", "the convoy was targeted by a
    roadside bomb": an attack in the passive with no doer named, on a thing rather than a
    party. Its toll often names no party either, so the act had no side and was never
    proposed; the thing struck is its side, and the event judge tells an attack from an
    accident ("homes were destroyed by the flood": a doer that is no weapon rules it out)."""
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if any(a.lemma_.lower() not in WEAPONS for a in agents):
        return ()
    # "a device was detonated": the weapon is no target
    struck = [c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ in {"NOUN", "PROPN"} and c.lemma_.lower() not in WEAPONS | {"device"}]
    return tuple(phrase_span(c) for c in struck)


# CAMEO 15 (PLOVER MOBILIZE): "deployed 3,000 troops", "called up 20,000 reservists",
# "mobilised fighters": the forces an actor mobilises are its means, not whom the act is aimed at.
_MOBILIZING_ROOT = "15"


def _without_forces(
    verb: Token, index: ActorIndex, targets: tuple[str, ...], spans: tuple[tuple[int, int], ...]
) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    forces = [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree]
    if not forces:
        return targets, spans
    mobilised = {k for t in forces for k in index.keys_at(t)}
    start, end = forces[0].idx, max(t.idx + len(t) for t in forces)
    return (
        tuple(k for k in targets if k not in mobilised),
        tuple(span for span in spans if not (start <= span[0] and span[1] <= end)),
    )


# "faced the voters" is a meeting; "faced major trouble", "must face more diverse electorates"
# and "confronted the problem" are not: with no pattern to say otherwise, the meeting verbs
# (CAMEO 04, "face", "confront", "encounter", "meet") need a party to meet.
_MEETING_ROOT = "04"


def _meets_a_party(verb: Token, index: ActorIndex) -> bool:
    met = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    met += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children if o.dep_ == "pobj"]
    met += [m for o in list(met) for m in list_members(o)]
    return any(is_party(o, index) for o in met) or not met and reciprocal_subject(verb)


def _supports_nominal(verb: Token) -> bool:
    """"intensified their cooperation": the noun is the event, the verb only its aspect."""
    if verb.lemma_.lower() not in NOMINAL_SUPPORT_VERBS:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in NOMINAL_TRIGGERS for c in verb.children)


def _has_object(verb: Token) -> bool:
    """"rejected the resolution", "demanded an inquiry": the act has an object, if not an actor;
    so has a speech act with a prepositional one ("agreed to an extension", "called for a truce")."""
    if any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children) or for_clauses(verb):
        return True  # ("called for Clinton to release": the "for" clause is what is called for)
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


# What a noun act with no actor needs to be one happening rather than a kind of act: a
# modifier or a group naming who, what or where ("the Paris attacks", "the 2003 invasion",
# "an investigation into her server", "a ban on Muslims"); "went on the attack" is left out.
_SPECIFYING_DEPS = {"poss", "compound", "amod", "nmod", "nummod"}
_SPECIFYING_PREPOSITIONS = {"on", "against", "of", "into", "from", "between", "in", "with", "by", "to"}
# Who does a noun act: "an attack by Hamas", "criticism from Trump".
_DOER_PREPOSITIONS = frozenset({"by", "from"})


def _specific_noun_act(draft: EventDraft) -> bool:
    if draft.kind != "noun" or draft.trigger.lemma_.lower() in STANDING_NOUNS:
        return False
    return any(
        c.dep_ in _SPECIFYING_DEPS or (c.dep_ == "prep" and c.lower_ in _SPECIFYING_PREPOSITIONS)
        for c in draft.trigger.children
    )


def _noun_event(noun: Token, index: ActorIndex) -> Optional[EventDraft]:
    lemma = noun.lemma_.lower()
    if lemma in CAMPAIGN_GATHERINGS and not protest_gathering(noun):
        return None
    if lemma in COMPLEMENTED_NOMINAL_TRIGGERS and not _complemented(noun, COMPLEMENTED_NOMINAL_TRIGGERS[lemma]):
        return None
    code = NOMINAL_TRIGGERS[lemma]
    by_modifier = NOMINAL_TRIGGER_MODIFIERS.get(lemma, {})
    by_governor = NOMINAL_TRIGGER_GOVERNORS.get(lemma, {})
    # the verb whose object the noun is, directly or through a preposition ("went on strike")
    governor = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else None
    if governor is not None and governor.lemma_.lower() in by_governor:
        code = by_governor[governor.lemma_.lower()]  # "staged a strike", "went on strike"
    code = next((by_modifier[c.lemma_.lower()] for c in noun.lefts if c.lemma_.lower() in by_modifier), code)
    if code is None:
        return None  # "a heart attack", "weak steel demand": no act at all
    sources: list[str] = []
    targets: list[str] = []
    given: list[str] = []
    for child in noun.children:
        if child.dep_ in {"poss", "amod", "compound", "nmod"}:
            sources += actors_of(child, index, expand=False)
        elif child.dep_ == "prep" and child.lower_ in {"against", "on", "with", "to", "between", "of", "into"}:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                found = actors_of(pobj, index)
                if child.lower_ == "between":
                    sources += found
                else:
                    targets += found
        elif child.dep_ == "prep" and child.lower_ in _DOER_PREPOSITIONS:
            # "criticism from Trump", "endorsements from Christie and Sessions"
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                found = actors_of(pobj, index)
                sources += found
                given += found
    doers: list[Token] = []  # who the governing clause says acts, for a doer no actor stands for
    undergoers = _undergoers(noun)
    befallen = [k for s in undergoers for k in actors_of(s, index) if k not in sources]
    if befallen:
        # "she faced attacks from the Left", "Starr has dealt with criticism of his leadership
        # of the school": the clause's subject is whom the act is aimed at (what of theirs is
        # criticised says no one else), never its doer
        targets = befallen
    if not sources and governor is not None and not undergoers:
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in governor.children)
        if governor.lemma_.lower() in _DOER_SUPPORT_VERBS and not passive:  # "the speech was never given due to the massacre"
            doers = [s for s in governor.children if s.dep_ == "nsubj"]
            sources += [k for s in doers for k in actors_of(s, index)]
            if not sources:
                sources += inherited_subject(governor, index)
            if not targets and noun.dep_ == "dobj":
                # "offered an apology to Sanders": the parser hangs the recipient on the verb
                recipients = [o for c in governor.children if c.dep_ in {"dative", "prep"} and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
                targets += [k for o in recipients for k in actors_of(o, index) if k not in sources]
    if not sources and not undergoers:
        answering = _held_to_account(noun)
        sources += [k for s in answering for k in actors_of(s, index)]
        doers += answering
    contents = [c for c in noun.children if c.dep_ == "acl" and infinitival(c)]
    content_objects = [o for c in contents for o in c.children if o.dep_ in {"dobj", "dative"}]
    if not targets:
        # "his call to ban all Muslim immigrants", "a threat to sue the Times": whom the act's
        # content is aimed at
        targets += [k for o in content_objects for k in actors_of(o, index) if k not in sources]
    if not targets and _accuses(code):
        targets += owners_of((p for c in noun.children if c.dep_ == "prep" and c.lower_ in {"against", "on", "of", "into"} for p in c.children if p.dep_ == "pobj"), index, sources)
    sources_t, targets_t = unique_keys(sources), unique_keys(t for t in targets if t not in sources)
    if not given or len(given) < len(sources):
        # "talks between A and B" are mutual; "assistance from A and B" is given by both to another
        sources_t, targets_t = reciprocal_sides(noun, sources_t, targets_t)
    # "his criticism of them", "attacks on women": parties no actor stands for.
    owners = [c for c in noun.children if c.dep_ == "poss"]
    aimed = [
        p for c in noun.children if c.dep_ == "prep" and c.lower_ in {"against", "on", "of", "to", "toward", "towards"}
        for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() not in BROADCAST_MEDIA  # "an attack on television"
    ]
    if code[:2] in FORCE_ROOTS and lemma in ATTACK_VERBS and verbal_attack_noun(noun, owners, aimed, index):
        code = CHARACTERISATION_CODE
    if sources_t and owners and all(o.pos_ == "PRON" for o in owners):
        sources_t = _named_in_clause(noun, sources_t, index)
    if not sources_t and not undergoers:
        sources_t, named = _governing_doers(noun, code, index)
        doers += named
        targets_t = tuple(t for t in targets_t if t not in sources_t)
    doers = owners + doers + [p for c in noun.children if c.dep_ == "prep" and c.lower_ in _DOER_PREPOSITIONS for p in c.children if p.dep_ == "pobj"]
    return EventDraft(
        noun, code, sources_t, targets_t, "noun",
        unnamed_sources=() if sources_t else party_spans(doers, index),
        unnamed_targets=() if targets_t else party_spans(aimed or undergoers or content_objects, index),
    )


def _named_in_clause(noun: Token, sources: tuple[str, ...], index: ActorIndex) -> tuple[str, ...]:
    """"Jeff Sessions offered his own endorsement", "Clinton has been persistent in her
    criticism": a doer the noun's possessive pronoun stands for, named as the subject of the
    clause the noun is in, is named there."""
    clause = noun
    for _ in range(4):
        if clause.pos_ in {"VERB", "AUX"} or clause.dep_ not in {"dobj", "pobj", "prep", "acomp", "attr"}:
            break
        clause = clause.head
    if clause.pos_ not in {"VERB", "AUX"}:
        return sources
    named = [s for s in clause_children(clause, SUBJECT_DEPS) if s.dep_ == "nsubj" and s.pos_ == "PROPN"]
    spans = {k: phrase_span(s) for s in reversed(named) for k in actors_of(s, index, expand=False)}
    return tuple(Argument(k, spans[k]) if k in spans else k for k in sources)


def _accuses(code: str) -> bool:
    """PLOVER ACCUSE: criticism, accusation, investigation."""
    return cameo_info(code)[0].type == "ACCUSE"


def _undergoers(noun: Token) -> list[Token]:
    """The subject a noun act befalls, where the clause says so: "faced attacks", "drew
    criticism", "dealt with criticism", "came under attack", "became the subject of
    derision". Active clauses only: "criticism was rejected" names nobody it befalls."""
    if noun.dep_ == "dobj":
        clause = noun.head if noun.head.lemma_.lower() in UNDERGOING_VERBS else None
    elif noun.dep_ == "pobj":
        prep, holder = noun.head, noun.head.head
        clause = holder if (holder.lemma_.lower(), prep.lower_) in UNDERGOING_PHRASES else None
        if prep.lower_ == "of" and holder.lemma_.lower() in UNDERGOING_ROLES and holder.dep_ in {"attr", "oprd"}:
            clause = holder.head  # "became the subject of derision"
    else:
        clause = None
    if clause is None or any(c.dep_ in {"nsubjpass", "auxpass"} for c in clause.children):
        return []
    return subject_nouns(clause_children(clause, SUBJECT_DEPS))


def _held_to_account(noun: Token) -> list[Token]:
    """Who a noun act in a "for" phrase of blame, praise or apology is held to account for:
    the verb's object ("criticized Clinton for her meeting with Lynch"), else its subject
    ("was criticized for a meeting", "apologized for the meeting", "has been under fire for a
    private meeting with Bill Clinton")."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return []
    clause = noun.head.head
    if clause.pos_ == "NOUN" and clause.lower_ in ANSWERING_STATES and clause.head.dep_ == "prep":
        clause = clause.head.head  # "under fire for": the parser can hang "for" on "fire"
    under = any(
        c.dep_ == "prep" and c.lower_ == "under" and any(p.lower_ in ANSWERING_STATES for p in c.children)
        for c in clause.children
    )
    if clause.pos_ not in {"VERB", "AUX"} or not (clause.lemma_.lower() in ANSWERING_VERBS or under):
        return []
    objects = [c for c in clause.children if c.dep_ == "dobj"]
    return objects or [c for c in clause.children if c.dep_ in {"nsubjpass", "nsubj"}]


# Verbs whose object noun names the act their subject does: the support verbs, and those that
# deliver a message ("issued an apology", "offering an apology", "gives a shoutout").
_DOER_SUPPORT_VERBS = NOMINAL_SUPPORT_VERBS | {"issue", "offer", "give", "deliver", "make", "express", "voice", "level", "lodge", "file", "bring", "pledge"}
# A noun act in a manner phrase of a clause is the clause subject's act: "closed her speech
# with a tribute to X", "in a fiery takedown of the businessman, Sanders called him ...",
# "kept their kids home in protest". Not armed force: "died in the attack" is its victim.
_MANNER_PREPOSITIONS = frozenset({"with", "in"})


def _governing_doers(noun: Token, code: str, index: ActorIndex) -> tuple[tuple[str, ...], list[Token]]:
    """Who does a noun act the noun phrase names no doer of, from where the noun stands: the
    owner of the plan or call it is the content of ("his call for a ban"), or the subject of
    the clause it is a manner phrase of. Actor keys, and the nouns naming the doer."""
    if noun.dep_ != "pobj":
        return (), []
    prep, holder = noun.head, noun.head.head
    if prep.lower_ in {"for", "of"} and holder.pos_ == "NOUN":
        owners = [c for c in holder.children if c.dep_ == "poss"]
        return unique_keys(k for o in owners for k in actors_of(o, index)), owners
    if prep.lower_ in _MANNER_PREPOSITIONS and holder.pos_ == "VERB" and code[:2] not in FORCE_ROOTS:
        if any(c.dep_ in {"nsubjpass", "auxpass", "agent"} for c in holder.children):
            return (), []  # "was praised in a tribute": the subject undergoes it
        subjects = [c for c in clause_children(holder, SUBJECT_DEPS) if c.dep_ == "nsubj"]
        keys = [k for s in subjects for k in actors_of(s, index)] if subjects else inherited_subject(holder, index)
        return unique_keys(keys), subjects
    return (), []


def _complemented(noun: Token, prepositions: frozenset[str]) -> bool:
    """"his call for a ban", "the call to ban Muslims", but not "a close call"."""
    return any(
        (c.dep_ == "prep" and c.lower_ in prepositions) or (c.dep_ == "acl" and infinitival(c))
        for c in noun.children
    )


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
    head_keys = [k for k in actors_of(head, index, expand=False) if k not in prefix_keys]
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
