"""Who acts on whom: the source and target actors of a trigger, from its subject, object,
agent and prepositional groups, through relative pronouns, control and apposition, and the
character spans that name them."""

from __future__ import annotations

from typing import Iterable

from spacy.tokens import Token

from ..actors import ActorIndex, affiliation, owned_people, resolve_pronoun
from ..nlp import SUBJECT_DEPS, clause_children
from ..words.events import (
    CONTROLLING_PREPOSITIONS,
    DIRECTIVE_MODALS,
    LOCATIVE_PREPOSITIONS,
    MESSAGE_NOUNS,
    NOMINAL_TRIGGERS,
    PARTY_ENTITIES,
    PARTY_PRONOUNS,
    QUANTITY_HEADS,
    RECIPIENT_PREPOSITIONS,
    RECIPROCAL_OBJECTS,
    SPEECH_EVENT_NOUNS,
    SYMMETRIC_HINTS,
    TARGET_PREPOSITIONS,
    TEXT_NOUNS,
)
from . import extent


def directive_clause(clause: Token) -> bool:
    """"that the US cancel", "that Sudan must return": what someone is asked to do."""
    auxes = [c for c in clause_children(clause) if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in DIRECTIVE_MODALS for a in auxes):
        return True
    return clause.tag_ == "VB" and not auxes


def reciprocal_subject(verb: Token) -> bool:
    """"Leaders met on Monday", "the two sides met": a meeting among the subject's members."""
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def unnamed_sides(verb: Token, index: ActorIndex, *, verbal: bool = False) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Where a verb's subject and object name parties no actor stands for: people and groups
    ("industry lobbyists", "women", "protesters"), named ones the catalogue lacks, and personal
    pronouns it could not resolve. Things and places are no party ("rejected the resolution").
    A ``verbal`` act (a criticism, an accusation, an endorsement) is also done by the text
    that does it: "the piece goes on to slam Sanders", "an article accuses Trump"."""
    children = clause_children(verb, SUBJECT_DEPS)
    subjects = subject_nouns(children)
    undergoers = subjects if passive_small_clause(verb) else []
    subjects = [s for s in subjects if s not in undergoers]
    subjects += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if message_participle(verb) and not subjects:
        # "issued a statement urging ...": the issuer acts, not the statement
        subjects = [c for c in clause_children(verb.head.head, SUBJECT_DEPS) if c.dep_ == "nsubj"]
    elif verb.dep_ == "acl" and acting_participle(verb) and not subjects:
        subjects.append(_participle_doer(verb))
    if verb.dep_ in {"acl", "relcl"} and infinitival(verb) and not subjects:
        subjects += [c for c in verb.head.children if c.dep_ == "poss"]  # "their plan to ban"
    if verb.dep_ == "xcomp" and not subjects:
        # "convincing my supporters to support Obama": the object does it (see inherited_subject)
        subjects += [c for c in verb.head.children if c.dep_ == "dobj" and owned_people(c, index)]
    if not subjects and not undergoers and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i != verb.i:
        # "Gunmen stormed a hotel, killing 12 people": a participle clause's doer is the
        # subject of the clause it hangs on (as ``inherited_subject`` finds for named actors)
        subjects += [c for c in clause_children(verb.head, SUBJECT_DEPS) if c.dep_ == "nsubj"]
    node, inherited = verb, list[Token]()
    for _ in range(3 if verbal else 0):
        # "the piece goes on to slam", "an article, headlined ..., accuses": the subject of the
        # clause the act continues
        if inherited or subjects or undergoers or node.dep_ not in {"xcomp", "advcl", "conj"} or node.head.i == node.i:
            break
        if any(c.dep_ in {"nsubjpass", "auxpass"} for c in clause_children(node)):
            break  # "calling for Trump to be banned": a passive act's doer is unnamed
        if node.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in node.head.children):
            break  # object control: "enabling Hamas to build"
        node = node.head
        inherited = [c for c in clause_children(node, SUBJECT_DEPS) if c.dep_ == "nsubj"]
    objects = undergoers + [c for c in children if c.dep_ in {"dobj", "nsubjpass", "dative"}]
    objects += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPOSITIONS for p in c.children if p.dep_ == "pobj"]
    if not any(is_party(o, index) for o in objects):
        # "proposed a ban on Muslims": the parties an act named by the object is aimed at
        acts = [o for o in objects if o.dep_ == "dobj" and o.pos_ == "NOUN" and o.lemma_.lower() in NOMINAL_TRIGGERS]
        objects += [p for o in acts for c in o.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPOSITIONS for p in c.children if p.dep_ == "pobj"]
    # ("And it accuses Sanders": what "it" stands for when it accuses is a text or a body)
    texts = [s for s in subjects + inherited if verbal and (s.pos_ == "NOUN" and s.lemma_.lower() in TEXT_NOUNS or s.lower_ == "it")]
    return tuple(sorted({*party_spans(subjects, index), *(phrase_span(s) for s in texts)})), party_spans(objects, index)


def party_spans(nouns: list[Token], index: ActorIndex) -> tuple[tuple[int, int], ...]:
    """Spans of the nouns (and their list members) that name parties."""
    found = [n for noun in nouns for n in [noun, *list_members(noun)] if is_party(n, index)]
    return tuple(sorted({phrase_span(n) for n in found}))


def is_party(noun: Token, index: ActorIndex) -> bool:
    if noun.pos_ == "PRON":
        # "those who left" is a group of people; "those" alone may be anything
        return noun.lower_ in PARTY_PRONOUNS or (noun.lower_ in {"those", "these"} and any(c.dep_ == "relcl" for c in noun.children))
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    counted = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if counted and (noun.lemma_.lower() in QUANTITY_HEADS or noun.lower_ in QUANTITY_HEADS):
        return any(is_party(p, index) for p in counted)
    # "industry lobbyists", "Boko Haram fighters": the modifier says whose people they are.
    words = [noun, *(c for c in noun.children if c.dep_ == "compound")]
    return any(w.i in index.unowned_agents or w.ent_type_ in PARTY_ENTITIES for w in words) or owned_people(noun, index)


# Verbal acts a message can perform: appeals, intents, support, demands, disapproval, rejection,
# threats.
VERBAL_ROOTS = {"02", "03", "05", "10", "11", "12", "13"}


def message_participle(verb: Token) -> bool:
    """"issued a declaration demanding that ...", "released a statement condemning ...": a
    participle on an issued message is the message's act."""
    head = verb.head
    return (
        verb.dep_ == "acl" and verb.tag_ == "VBG" and head.lemma_.lower() in MESSAGE_NOUNS
        and head.dep_ == "dobj" and head.head.pos_ == "VERB"
    )


def acting_participle(verb: Token) -> bool:
    """"prosecutors investigating the attack", "lobbyists giving thousands", "a speech
    denouncing his policies": a present participle on a noun says what the noun's referent
    does, unlike a passive one ("a convoy bound for Darfur"). A past participle with an
    object of its own ("De Blasio, called Trump a blowhard") is a finite verb the parser
    attached to its subject."""
    if verb.head.pos_ not in {"NOUN", "PROPN", "PRON"} or verb.head.i == verb.i:
        return False
    if verb.tag_ == "VBG":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ in {"dobj", "oprd"} for c in verb.children)


def _participle_doer(verb: Token) -> Token:
    """Who acts in "a speech denouncing ...": the message's owner, when it has one."""
    head = verb.head
    if head.lemma_.lower() in MESSAGE_NOUNS | SPEECH_EVENT_NOUNS:
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
    return head


def subject_nouns(children: list[Token]) -> list[Token]:
    """The active subjects among a clause's ``children``. "Now the chancellor of Baylor, Starr
    has dealt with ...": a fronted description the parser made a subject of its own, then a
    comma and a name, describes the named one ("Members of the Association, a body linked to
    ...": the description after the comma keeps both)."""
    subjects = [c for c in children if c.dep_ == "nsubj"]
    while len(subjects) > 1 and _describes(subjects[0], subjects[1]):
        subjects = subjects[1:]
    return subjects


def _describes(first: Token, second: Token) -> bool:
    comma = first.right_edge.i + 1
    return (
        comma + 1 == second.left_edge.i and first.doc[comma].text == ","
        and second.pos_ == "PROPN" and second.ent_type_ in PARTY_ENTITIES
    )


def verb_arguments(verb: Token, index: ActorIndex) -> tuple[tuple[str, ...], tuple[str, ...]]:
    children = clause_children(verb, SUBJECT_DEPS)
    subjects = subject_nouns(children)
    passive_subjects = [c for c in children if c.dep_ == "nsubjpass"]
    if passive_small_clause(verb):
        passive_subjects, subjects = passive_subjects + subjects, []
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    sources: list[str] = []
    targets: list[str] = []
    if passive_subjects or agents:
        for noun in agents:
            sources += actors_of(noun, index)
        for noun in passive_subjects:
            targets += actors_of(antecedent(noun, verb), index)
    for noun in subjects:
        sources += actors_of(antecedent(noun, verb), index)
    if subjects and not sources:
        # "ISIL [another name for ISIS] fights Egypt": a bracketed gloss can leave the real
        # subject as a stray modifier left of the verb.
        for child in verb.lefts:
            if child.dep_ in {"nmod", "npadvmod", "dep"}:
                sources += actors_of(child, index, expand=False)
    if not subjects and not passive_subjects:
        sources += inherited_subject(verb, index)
    if message_participle(verb):
        # "issued a declaration demanding that ...": whoever issued the message acts.
        sources += [k for s in clause_children(verb.head.head, SUBJECT_DEPS) if s.dep_ == "nsubj" for k in actors_of(s, index)]
    elif verb.dep_ in {"acl", "relcl"} and infinitival(verb):
        # "Trump's plan to deport immigrants", "the move to ban him", "his legislation to ban
        # Trump" (parsed as a relative clause): the plan's owner acts.
        if not subjects:
            sources += [k for c in verb.head.children if c.dep_ == "poss" for k in actors_of(c, index)]
        if not subjects and not sources and _purpose_object(verb.head, index):
            # "dredging up accusations to hammer Clinton", "found a way to attack him": an
            # infinitive on an object says what the object is for, done by whoever takes it
            holder = verb.head.head
            subjects_of_holder = [c for c in clause_children(holder, SUBJECT_DEPS) if c.dep_ == "nsubj"]
            sources += [k for s in subjects_of_holder for k in actors_of(antecedent(s, holder), index)] if subjects_of_holder else inherited_subject(holder, index)
    elif verb.dep_ == "acl" and acting_participle(verb) and not agents:
        sources += actors_of(_participle_doer(verb), index)
    elif verb.dep_ == "acl":
        # "the weapons ordered by Hamas": the modified noun is the object.
        targets += actors_of(verb.head, index)
    for child in children:
        if child.dep_ in {"dobj", "iobj", "attr", "oprd"}:
            # "the pact which Trump has criticized": a relative pronoun stands for its antecedent.
            targets += actors_of(antecedent(child, verb), index, exclude=sources)
            # "sold weapons to Syria", "sent troops into Libya": the recipient hangs on the object.
            for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPOSITIONS):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    targets += actors_of(pobj, index, exclude=sources)
        elif child.dep_ in {"prep", "dative"} and child.lower_ in TARGET_PREPOSITIONS:
            if child.lower_ == "from" and passive_subjects and targets:
                continue  # "Trump to be banned from the country": where the banned one is kept from
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                targets += actors_of(pobj, index, exclude=sources)
        elif child.dep_ == "dative":
            targets += actors_of(child, index, exclude=sources)
    if not targets:
        # "welcomed a resumption of talks with Mordor": an actor named inside the object phrase.
        messages = MESSAGE_NOUNS | SPEECH_EVENT_NOUNS
        objects = [c for c in children if c.dep_ == "dobj"]
        # "took aim at comments by Trump": a message aimed at stands for its author
        objects += [o for c in children if c.dep_ == "prep" and c.lower_ in TARGET_PREPOSITIONS for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in messages]
        if any(o.dep_ == "dobj" and o.lemma_.lower() in messages for o in objects):
            # "knocked a statement by Clooney": the parser hangs the message's author on the verb.
            objects += [o for c in children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
        for child in objects:
            nested = [t for t in phrase_tokens(child) if t.dep_ == "pobj" and (t.i != child.i or child.head.lower_ == "by")]
            # "condemned an attack by Osgiliath soldiers in south Ithilen": the place says
            # where; it is the target only when nothing else in the phrase is one.
            found = [k for t in nested if t.head.lower_ not in LOCATIVE_PREPOSITIONS for k in actors_of(t, index, exclude=sources)]
            targets += found or [k for t in nested for k in actors_of(t, index, exclude=sources)]
    if not targets:
        # "demanded that North Korea forsake its program": a mandative clause names whom the
        # act is aimed at.
        for clause in (c for c in verb.children if c.dep_ == "ccomp" and directive_clause(c)):
            targets += [k for s in clause_children(clause, SUBJECT_DEPS) if s.dep_ in SUBJECT_DEPS for k in actors_of(s, index, exclude=sources)]
    if not targets:
        # "sends raw materials, enabling Hamas to ...": the beneficiary sits in a dependent clause.
        for child in verb.children:
            if child.dep_ in {"advcl", "xcomp"} and child.tag_ == "VBG":
                for obj in (c for c in child.children if c.dep_ == "dobj"):
                    targets += actors_of(obj, index)
    return unique_keys(sources), tuple(k for k in unique_keys(targets) if k not in sources or _is_reflexive(verb))


def owners_of(things: Iterable[Token], index: ActorIndex, sources: Iterable[str]) -> tuple[str, ...]:
    """Whose the things an accusation is aimed at are: "criticized Obama's pact", "denouncing
    his economic policies", "an investigation into her use of a server". Faulting what someone
    did or holds faults them. An owner among the doers is left out ("repeated his claim"): a
    pronoun is resolved as it stands, never pushed past the doers to someone else."""
    doers = set(sources)
    owners = [c for t in things if t.pos_ == "NOUN" and not index.keys_at(t) for c in t.children if c.dep_ == "poss"]
    return unique_keys(k for o in owners for k in actors_of(o, index, expand=False) if k not in doers)


def phrase_tokens(noun: Token) -> list[Token]:
    """The tokens of the phrase ``noun`` heads, leaving out what says something of its own
    about a noun in it: an apposition ("Foster, an incident Trump brought up in an interview
    with the Post") and a finite relative clause ("candidates who think ..."). What a
    statement says or an initiative is to do stays ("a statement saying that X met Y")."""
    out, stack = [], [noun]
    while stack:
        token = stack.pop()
        out.append(token)
        stack += [c for c in token.children if c.dep_ != "appos" and not (c.dep_ == "relcl" and not infinitival(c))]
    return out


def passive_small_clause(verb: Token) -> bool:
    """"wants Trump banned", "got him fired": a bare past participle with a subject of its own
    says what is done to that subject."""
    return (
        verb.tag_ == "VBN" and verb.dep_ in {"ccomp", "xcomp", "oprd"}
        and not any(c.dep_ in {"aux", "auxpass", "agent"} for c in verb.children)
        and any(c.dep_ == "nsubj" for c in verb.children) and not any(c.dep_ == "dobj" for c in verb.children)
    )


def infinitival(verb: Token) -> bool:
    """"a plan to deport", "the move to ban him": an infinitive, not an adjectival participle."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _purpose_object(noun: Token, index: ActorIndex) -> bool:
    """An object that is a thing, of an active verb with no recipient: "dredging up
    accusations (to hammer)", not "gave them permission (to attack)" nor "urged Hamas (to)"."""
    holder = noun.head
    return (
        noun.dep_ == "dobj" and holder.pos_ == "VERB" and not is_party(noun, index) and not index.keys_at(noun)
        and not any(c.dep_ in {"dative", "iobj", "nsubjpass", "auxpass"} for c in holder.children)
    )


def antecedent(noun: Token, verb: Token) -> Token:
    """The noun a relative pronoun stands for: "Obama, who claimed ..." is Obama's claim, and
    "Kenneth Starr, the counsel who pursued ..." Starr's act."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "which the group opposed and which Trump has criticized"
    if clause.dep_ == "relcl" and noun.tag_ in {"WP", "WDT"}:
        head = clause.head
        if head.dep_ == "appos":
            return head.head
        listed = head
        while listed.dep_ == "conj" and listed.head.i != listed.i:
            listed = listed.head
        if listed.dep_ == "attr" and noun.tag_ == "WP":
            # "Trump is a liar and a bully who has pledged ...": who the description is of
            subjects = [c for c in listed.head.children if c.dep_ == "nsubj"]
            if subjects:
                return subjects[0]
        return head
    return noun


def _is_reflexive(verb: Token) -> bool:
    return any(" ".join(t.lower_ for t in c.subtree) in RECIPROCAL_OBJECTS for c in verb.children)


def inherited_subject(verb: Token, index: ActorIndex) -> list[str]:
    node = verb
    for _ in range(4):
        if node.dep_ == "xcomp":
            # Object control ("enabling Hamas to manufacture", "called on her to resign") before
            # subject control.
            objects = [c for c in node.head.children if c.dep_ == "dobj"]
            objects += [
                o for c in node.head.children
                if c.dep_ == "prep" and c.lower_ in CONTROLLING_PREPOSITIONS.get(node.head.lemma_.lower(), ())
                for o in c.children if o.dep_ == "pobj"
            ]
            if objects:
                found = [k for o in objects for k in actors_of(o, index)]
                if found or any(owned_people(o, index) for o in objects):
                    # ("convincing my supporters to support Obama": the supporters act, and
                    # no actor stands for them; not the one who convinces)
                    return found
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.lower_ in {"of", "for"}:
            # "accused Israel of attacking Gaza", "blamed Hamas for firing": the object acts;
            # so does a listed one the parser hung the phrase on ("ridiculed Trump, Carson and
            # Fiorina for criticizing").
            holder = node.head.head
            while holder.dep_ in {"conj", "appos"} and holder.head.i != holder.i:
                holder = holder.head
            if holder.dep_ == "dobj" and (holder.pos_ in {"PROPN", "PRON"} or index.keys_at(holder)):
                # (the holder names someone: "rejected an appeal for deploying" is the appeal's content)
                found = actors_of(holder, index)
                if found:
                    return found
            objects = [c for c in node.head.head.children if c.dep_ == "dobj"]
            found = [k for o in objects for k in actors_of(o, index)]
            if found:
                return found
        if node.dep_ in {"xcomp", "conj", "advcl", "acomp", "pcomp", "prep"} and node.head.i != node.i:
            # "Arnor is about to restore ...": climb through "about" to the clause with a subject.
            node = node.head
            subjects = [c for c in clause_children(node, SUBJECT_DEPS) if c.dep_ == "nsubj"]
            if subjects:
                # "Trump, who has pledged to ban ...": the relative pronoun's antecedent acts
                return [k for s in subjects for k in actors_of(antecedent(s, node), index)]
            continue
        if node.dep_ == "relcl":
            return actors_of(node.head, index)
        if node.dep_ == "acl" and node.i != verb.i and not is_party(node.head, index) and not index.keys_at(node.head):
            # "the gun used by George Zimmerman to kill Trayvon Martin": a thing's user acts
            return [k for c in node.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj" for k in actors_of(p, index)]
        break
    return []


class Argument(str):
    """An actor key that remembers the words naming the actor at one event: "she" for the
    Hillary Clinton it resolves to, "Hamas sources" for Hamas. Compares and hashes as its
    key, so argument lists stay lists of keys; ``span`` is what PLOVER's actor text and the
    side scorers read."""

    span: tuple[int, int]
    # Further words naming the same actor in the same list: "him and his supporters" is one
    # actor twice, and both phrases are the side.
    also: tuple[tuple[int, int], ...]

    def __new__(cls, key: str, span: tuple[int, int]) -> "Argument":
        made = super().__new__(cls, key)
        made.span = span
        made.also = ()
        return made


def argument_spans(keys: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Character spans of the words naming ``keys`` at their event, in text order."""
    return tuple(sorted({s for k in keys if isinstance(k, Argument) for s in (k.span, *k.also)}))


def actors_of(noun: Token, index: ActorIndex, *, expand: bool = True, exclude: Iterable[str] = ()) -> list[str]:
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
        if not keys and token.i in index.unowned_agents and token.i != noun.i:
            # "Bernie Sanders and his supporters": a list member the owner's pronoun ties to an
            # actor named before in the list is a phrase of that side. Alone, "rallying her
            # supporters" names a group, not its owner (docs/judging-actors.md): no actor.
            keys = tuple(k for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON" for k in resolve_pronoun(c, index))
            keys = () if any(k in exclude or k not in found for k in keys) else keys
        for key in keys:
            if key not in found:
                found.append(Argument(key, phrase_span(token)))
            elif token.i != noun.i:
                # "Bernie Sanders and his supporters": a list member standing for an actor
                # named before in the list still names a party of its own.
                known = next(f for f in found if f == key)
                if isinstance(known, Argument) and phrase_span(token) != known.span:
                    known.also += (phrase_span(token),)
    return found


def _named_before(key: str, noun: Token, index: ActorIndex) -> tuple[int, int]:
    """The last mention of ``key`` ending by ``noun``: its place in a coordination."""
    end = noun.idx + len(noun)
    spans = [m for m in index.drafts[key].mentions if m[1] <= end] if key in index.drafts else []
    return max(spans) if spans else (noun.idx, end)


def phrase_span(noun: Token) -> tuple[int, int]:
    """Characters of the noun phrase that names a side at ``noun``: the learned extent
    (``extent``) among those its parse allows, ``rule_span`` without the model."""
    return extent.choose(noun, rule_span(noun))


def rule_span(noun: Token) -> tuple[int, int]:
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


def reciprocal_sides(trigger: Token, sources: tuple[str, ...], targets: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Several sources and no target, or "each other": everyone acts on everyone."""
    if len(sources) < 2:  # checked first: the hints below read the trigger's whole subtree
        return sources, targets
    words = {t.lower_ for t in trigger.subtree} | {t.lower_ for t in trigger.children}
    objects = " ".join(t.lower_ for t in trigger.subtree)
    hinted = bool(words & SYMMETRIC_HINTS) or any(r in objects for r in RECIPROCAL_OBJECTS)
    if len(sources) >= 2 and (not targets or hinted) and (hinted or not targets):
        return sources, sources
    return sources, targets


def unique_keys(keys) -> tuple[str, ...]:
    out: list[str] = []
    for key in keys:
        if key not in out:
            out.append(key)
    return tuple(out)
