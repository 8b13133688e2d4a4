"""Factuality: how certainly, and whether at all, a text presents an event as real.

Two perspectives are kept apart, as in FactBank:

- ``event_factuality``: the event as its *source* presents it — negation ("has not
  provided"), negative predicates ("failed to follow through"), modals and hedges
  ("may", "reportedly"), future and hypothetical mode.
- ``cue_commitment``: how far the *reporter* commits to the content by the cue it chose —
  factive "found"/"revealed" commit, neutral "said" leaves it open, "claimed"/"alleged"
  distance. Graded by the MegaVeridicality norms where the verb is listed there.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional, get_args

from spacy.tokens import Token

from .factuality_judge import HedgeJudge, judged
from .model import Certainty, Factuality
from .nlp import clause_children, marked_by, sentence_of
from .words.factuality import (
    ADVERB_PARTICLES,
    ASPECTUAL_GOVERNORS,
    COMMITMENT_NOUNS,
    COMMITTING_CUES,
    DIRECTIVE_VERBS,
    DISTANCING_CUES,
    ENTAILING_GOVERNORS,
    FUTURE_GOVERNORS,
    GOAL_NOUNS,
    HEDGING_MODALS,
    IRREALIS_WORDS,
    LIKELIHOOD_ADJECTIVES,
    NEGATIVE_SUBJECTS,
    NON_HEDGING_ADVERBS,
    POSSIBLE_ADVERBS,
    PREVENTED_MODIFIERS,
    PREVENTING_VERBS,
    PROBABLE_ADVERBS,
    QUANTITY_MOVE_VERBS,
    RAISING_HEDGES,
    RANK_WORDS,
    REALISING_OBJECT_HEADS,
    REFUSAL_MODALS,
    RESULT_INFINITIVES,
    TIME_MARKERS,
)
from .words.lexicon import lexicon

__all__ = ["event_factuality", "hedge_judged", "rule_factuality", "result_infinitive", "cue_commitment"]


def event_factuality(trigger: Token) -> Factuality:
    """The rules' reading, and where they read the event as certain, the learned hedge
    judge's (``factuality_judge``): hedged events it finds become probable."""
    fact = rule_factuality(trigger)
    judge = HedgeJudge.packaged()
    if judge is not None and hedge_judged(trigger, fact) and judge.hedges(trigger, fact):
        return replace(fact, certainty="probable")
    return fact


def hedge_judged(trigger: Token, fact: Factuality) -> bool:
    """Whether the hedge judge decides for this predicate (``factuality_judge.judged``); where
    a moving quantity got to is a fact the rules settle (the judge has seen few markets)."""
    return judged(trigger, fact) and not result_infinitive(trigger)


def rule_factuality(trigger: Token) -> Factuality:
    """The event as the rules read it: negation, negative predicates, modals and hedges,
    future and hypothetical mode."""
    if _particle_of_verb(trigger):
        # "step down", "bring it back", "break even": the particle is part of the verb's
        # predicate, so it is as factual as the verb (MEANTIME anchors both words).
        return rule_factuality(trigger.head)
    lex = lexicon()
    clause = _clause_head(trigger)
    chain = _governors(clause)
    cues: list[str] = []
    # A noun does not inherit its clause's negation: in "the tests did not exclude him" the
    # tests happened; only its own "no" negates it.
    scope = [trigger] if clause is trigger or trigger.pos_ in {"NOUN", "PROPN"} else [trigger, clause]
    negations = 0
    for node in scope:
        for child in clause_children(node):
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no") or child.lower_ == "never":
                negations += 1
                cues.append(child.text)
            elif child.dep_ == "advmod" and child.lower_ in {"nearly", "almost"} and node.tag_ in {"VBD", "VBN"}:
                # "nearly broke the record": it came close and did not happen
                negations += 1
                cues.append(child.text)
            elif child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ in NEGATIVE_SUBJECTS:
                negations += 1  # "No one held her back", "nobody hurried"
                cues.append(child.text)
            elif child.dep_ in {"nsubj", "nsubjpass"} and any(d.lower_ == "no" and d.dep_ == "det" for d in child.children):
                negations += 1
                cues.append("no " + child.text)
    if trigger.pos_ in {"NOUN", "PROPN"} and _prevented(trigger):
        # "the test flight was delayed", "lawmakers killed the deal", "the cancelled deal"
        negations += 1
        cues.append(trigger.head.text)
    # A noun does not inherit a governor's negation either: "declined to use the word
    # blockade", "refused to sign the agreement" negate the using and the signing only.
    settled = False  # a governor rules the infinitive out: its "to" does not hedge it
    if trigger is clause and _forbidden(clause):
        settled = True  # "told airlines not to buy", "asked not to be named": a firm "no"
    # Headlinese announces: in "Apple plans to sell movies on iTunes" or "Airbus offers funding
    # to search for the black boxes" the infinitive is the news, not a hedge (MEANTIME train:
    # 4 of 4 headline infinitives rated certain).
    announced = trigger is clause and _headline_infinitive(clause)
    settled = settled or announced
    for governor, via in [] if trigger.pos_ in {"NOUN", "PROPN"} else _negation_path(clause, chain):
        lemma = governor.lemma_.lower()
        if via in {"xcomp", "acl"} and lemma in lex.negative_predicates:
            negations += 1
            cues.append(governor.text)
        if via == "xcomp" and _negated_governor(governor):
            negations += 1
            cues.append("not " + governor.text)
            settled = settled or governor.pos_ == "ADJ"  # "weren't available to comment"
        if via == "xcomp" and governor.pos_ == "ADJ" and any(c.lower_ == "too" for c in governor.children):
            negations += 1  # "too afraid to stay": they did not stay
            cues.append("too " + governor.text)
            settled = True
        if via == "acl" and any(c.dep_ == "det" and c.lower_ == "no" for c in governor.children):
            negations += 1  # "has no plans to recall the cards"
            cues.append("no " + governor.text)
            settled = True
        if via == "acl" and lemma in {"failure", "refusal"}:
            negations += 1  # "the failure to enforce the deadline"
            cues.append(governor.text)
            settled = True
    polarity = "negative" if negations % 2 == 1 else "positive"

    certainty = "certain"
    mode = "actual"
    # A noun subject or prepositional object is presupposed: in "conditions could worsen"
    # the conditions are real, only the worsening is hedged (train: two in three such nouns
    # under a modal are rated certain). Their own irrealis context still counts.
    # They keep the clause's tense: "the attack will come" is still a future attack.
    presupposed = trigger.pos_ in {"NOUN", "PROPN", "PRON"} and trigger.dep_ in {"nsubj", "nsubjpass", "pobj"}
    clause_reported = _reported_clause(clause)
    for node in [clause, *_sharing_auxiliaries(clause, chain)]:
        # An aspectual governor passes on its report's future: in "said the team would cease
        # looking" the "would" is the report's future for "looking" too; "said they would like
        # to visit" or "would involve matching" stay hedged.
        reported = clause_reported or (node.lemma_.lower() in ASPECTUAL_GOVERNORS and _reported_clause(node))
        for aux in (c for c in node.children if c.dep_ in {"aux", "auxpass"}):
            word = aux.lower_
            if word in {"will", "shall", "'ll"}:
                mode = "future"
                cues.append(aux.text)
            elif word in {"would", "'d"} and reported:
                mode = "future"  # "said the army would withdraw": the future of a past report
                cues.append(aux.text)
            elif word in REFUSAL_MODALS and polarity == "negative" and any(c.dep_ == "neg" for c in clause_children(node)):
                # "wouldn't elaborate", "could not be reached", "can not permit": a refusal or
                # an inability, which the gold rates as a certain non-event (UW train: 24 of 33).
                cues.append(aux.text)
            elif presupposed:
                continue
            elif word in lex.possible_modals:
                certainty = _weaker(certainty, "possible")
                cues.append(aux.text)
            elif word in {"should", "would", "must", "'d", "might"}:
                certainty = _weaker(certainty, "probable")
                cues.append(aux.text)
    for node in scope:
        for child in node.children:
            if child.dep_ in {"advmod", "npadvmod"}:
                word = child.lower_
                if word in POSSIBLE_ADVERBS:
                    certainty = _weaker(certainty, "possible")
                    cues.append(child.text)
                elif word in PROBABLE_ADVERBS or (word in lex.hedges and word not in NON_HEDGING_ADVERBS):
                    certainty = _weaker(certainty, "probable")
                    cues.append(child.text)
    for governor, via in [] if presupposed else chain:
        lemma = governor.lemma_.lower()
        if (lemma in RAISING_HEDGES and via in {"xcomp", "ccomp"}) or (lemma in LIKELIHOOD_ADJECTIVES and via == "xcomp"):
            certainty = _weaker(certainty, "probable")
            cues.append(governor.text)
        if lemma in FUTURE_GOVERNORS and _wished_state(clause, governor, via):
            # someone else's act, wished for: not the wisher's own plan (so no THREATEN type)
            certainty = _weaker(certainty, "probable")
            cues.append(governor.text)
        if lemma in FUTURE_GOVERNORS and via in {"xcomp", "acl"} and not settled:
            mode = "future"
            certainty = _weaker(certainty, "probable")  # a plan or a wish is not yet a fact
            cues.append(governor.text)
        elif lemma == "agree" and via in {"xcomp", "acl"} and not settled:
            mode = "future"  # "agreed to sell": a commitment, reported as bound to happen
            cues.append(governor.text)
        if lemma == "be" and via == "xcomp" and any(c.dep_ == "nsubj" and c.lemma_.lower() in GOAL_NOUNS for c in governor.children):
            certainty = _weaker(certainty, "probable")  # "our goal is to reunite them"
            cues.append(governor.text)
        if lemma == "go" and via == "xcomp" and any(c.dep_ == "aux" for c in governor.children):
            mode = "future"
    if trigger.dep_ == "nsubj" and _raised_subject(clause):
        # "the prospects appear good", "the recovery is likely to be slow"
        certainty = _weaker(certainty, "probable")
        cues.append(clause.text)
    if announced or (not settled and _headline_future(clause)):
        mode = "future"  # headline "Apple to lower UK iTunes prices": it will
        cues.append("to")
    elif trigger is clause and not settled and _unrealised_infinitive(clause, chain):
        # "urged Iran to stop", "tried to enter": the infinitive has not happened (yet).
        certainty = _weaker(certainty, "probable")
        cues.append("to")
    if trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "any" for c in trigger.children):
        # "condemns any acts", "isn't aware of any attempts": no particular event is asserted
        certainty = _weaker(certainty, "underspecified")
        cues.append("any")
    if trigger.pos_ == "NOUN" and _irrealis_context(trigger):
        # "hopes of recovery", "a bid to buy", "promises increased efficiency"
        certainty = _weaker(certainty, "probable")
        cues.append(trigger.head.text)
    if _awaited(clause):
        # "troops will remain until Iraq complies": the present tense of a future event
        certainty = _weaker(certainty, "probable")
        cues.append("until")
    if _in_modal_time_clause(clause):
        # "conditions could worsen as the crisis deepens": the "as" clause shares the modal
        certainty = _weaker(certainty, "probable")
        cues.append(clause.head.text)
    if presupposed and _definite(trigger):
        pass  # "asked if the leaks led to the Paris attacks": the attacks are not in question
    elif _in_condition(clause):
        mode = "hypothetical"
        certainty = _weaker(certainty, "underspecified")
        cues.append("if")
    elif _questioned(clause):
        certainty = _weaker(certainty, "underspecified")
        cues.append("?")
    return Factuality(polarity=polarity, certainty=certainty, mode=mode, cues=tuple(cues))


def _definite(noun: Token) -> bool:
    """"the Paris attacks", "Obama's endorsement": a noun phrase that refers to one known act."""
    return any((c.dep_ == "det" and c.lower_ in {"the", "this", "that"}) or c.dep_ == "poss" for c in noun.children)


def _particle_of_verb(token: Token) -> bool:
    if token.head.i == token.i or token.head.pos_ not in {"VERB", "AUX"}:
        return False
    return token.dep_ == "prt" or (token.dep_ == "advmod" and token.lower_ in ADVERB_PARTICLES)


def _negated_governor(governor: Token) -> bool:
    """"did not try to", and for an adjective its copula's "not": "weren't available to"."""
    if any(c.dep_ == "neg" for c in governor.children):
        return True
    return governor.dep_ == "acomp" and any(c.dep_ == "neg" for c in clause_children(governor.head))


def _raised_subject(clause: Token) -> bool:
    """The clause only seems or is likely: its subject is raised out of a hedged predicate."""
    if clause.lemma_.lower() in {"seem", "appear"}:
        return True
    return any(c.dep_ == "acomp" and c.lower_ in LIKELIHOOD_ADJECTIVES for c in clause.children)


def _prevented(noun: Token) -> bool:
    head = noun.head
    lemma = head.lemma_.lower()
    anchor = head.head if head.dep_ == "conj" else head  # "to impede or delay the ruling"
    realised = (
        head.tag_ in {"VBD", "VBZ", "VBP", "VBN"}  # a finite or passive verb, not "means of delaying"
        and head.dep_ != "xcomp"
        # "will be delayed" is as good as done; "could delay" or "to delay" is not
        and not any((c.tag_ in {"TO", "MD"} and c.lower_ not in {"will", "'ll"}) or c.dep_ == "neg" for v in {head, anchor} for c in v.children)
        and not any(c.lower_ in {"any", "no"} for c in noun.children)  # "postponed any action": no specific event
    )
    if noun.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB" and lemma in PREVENTING_VERBS and realised:
        if lemma == "call":
            return any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children)  # "called off"
        return True
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in PREVENTING_VERBS - {"call"} for c in noun.children):
        return True  # "A380 test flight delayed after accident" (headline participle)
    return any(c.dep_ == "amod" and c.lower_ in PREVENTED_MODIFIERS - {"planned"} for c in noun.children)


def _unrealised_infinitive(clause: Token, chain: list[tuple[Token, str]]) -> bool:
    if clause.dep_ == "conj" and clause.tag_ == "VB" and clause.head.i != clause.i and chain:
        # "fighting to stem the crash and restore confidence": the second verb shares the "to"
        return _unrealised_infinitive(clause.head, chain[1:])
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children):
        return False
    if result_infinitive(clause):
        return False  # "fell 5% to slip below 4,000" parses either way
    if clause.dep_ == "acl" and clause.head.lemma_.lower() in COMMITMENT_NOUNS:
        return False  # "signed a contract to supply 14 jets": bound to happen
    if clause.dep_ in {"acl", "relcl"} and _scheduled(clause):
        return False  # "a special event to be held on October 12": on the calendar
    if clause.dep_ in {"acl", "relcl"} and _ranked(clause.head):
        return False  # "the first model to be built of carbon", "the 456th person to be listed"
    if clause.dep_ in {"advcl", "xcomp"} and _going_on(clause.head):
        return False  # "the piece goes on to slam Sanders", "went on to win": the next thing done
    if clause.dep_ == "advcl" and _done_in_the_past(clause.head):
        # "went on television to appease the public", "sued to block the offer": readers take
        # the purpose of a past action as achieved (train: UW 39 of 52, MEANTIME 7 of 8)
        return False
    if clause.dep_ in {"advcl", "acl", "relcl"}:
        return True  # purpose clauses and noun complements: "in order to X", "a plan to X"
    if not chain:
        return False
    governor, _ = chain[0]
    return governor.lemma_.lower() not in ENTAILING_GOVERNORS


def _going_on(verb: Token) -> bool:
    return verb.lemma_.lower() == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children)


def result_infinitive(clause: Token) -> bool:
    """"dropped 9.6% to reach a 20-year low": where a moving quantity got to, which it did."""
    has_to = any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)
    return has_to and clause.lemma_.lower() in RESULT_INFINITIVES and (
        clause.dep_ == "advcl" or (clause.dep_ == "xcomp" and clause.head.lemma_.lower() in QUANTITY_MOVE_VERBS)
    )


def _scheduled(clause: Token) -> bool:
    """A passive infinitive given a date: "to be released in mid-2011", "to be held on October 12"."""
    if clause.head.pos_ not in {"NOUN", "PROPN"} or not any(c.dep_ == "auxpass" for c in clause.children):
        return False
    return any(t.ent_type_ == "DATE" or _YEAR.fullmatch(t.text) for t in clause.subtree if t.i > clause.i)


_YEAR = re.compile(r"(?:19|20)\d\d")


def _ranked(noun: Token) -> bool:
    """An ordinal or superlative head ("the first", "the 456th person", "the largest bank"):
    an infinitive that ranks its noun among those that did something reports the doing."""
    ranked = [noun, *(c for c in noun.children if c.dep_ in {"amod", "nummod"})]
    return any(t.lower_ in RANK_WORDS or t.tag_ == "JJS" or t.ent_type_ == "ORDINAL" or _ORDINAL_NUMBER.fullmatch(t.lower_) for t in ranked)


_ORDINAL_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)")


def _wished_state(clause: Token, governor: Token, via: str) -> bool:
    """A participle small clause under a verb of wanting: "wants Trump banned", "wanted the
    sanctions lifted" (a wish, as "wants Trump to be banned" is), not "hopes that he was banned"."""
    return (
        via == "ccomp"
        and clause.head == governor
        and clause.tag_ == "VBN"
        and not marked_by(clause, {"that"})
        and not any(c.dep_ in {"aux", "auxpass"} for c in clause.children)
    )


def _forbidden(clause: Token) -> bool:
    return (
        clause.dep_ == "xcomp"
        and clause.head.lemma_.lower() in DIRECTIVE_VERBS
        and any(c.dep_ == "neg" for c in clause.children)
        and any(c.tag_ == "TO" for c in clause.children)
    )


def _done_in_the_past(verb: Token) -> bool:
    """A simple past, active or passive, with no negation or modal: "cut prices", "was sent",
    not "did not cut", "could cut" or "has been set up"."""
    if any(c.dep_ in {"neg", "aux"} for c in verb.children):
        return False
    if verb.tag_ == "VBD":
        return True
    passive = [c for c in verb.children if c.dep_ == "auxpass"]
    return verb.tag_ == "VBN" and len(passive) == 1 and passive[0].lower_ in {"was", "were"}


def _irrealis_context(noun: Token, depth: int = 0) -> bool:
    """A noun event that is hoped, feared, planned or proposed rather than reported as real."""
    if any(c.dep_ == "amod" and c.lower_ in IRREALIS_WORDS for c in noun.children):
        return True
    head = noun.head
    if noun.dep_ == "compound" and head.i != noun.i and depth < 3:
        return _irrealis_context(head, depth + 1)  # "promises increased fuel efficiency"
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in {"of", "for", "to", "on", "over", "about"}:
        if head.head.lemma_.lower() in IRREALIS_WORDS:
            return True
        # "the prospects for a return to growth": up through the nouns that embed it
        return head.head.pos_ == "NOUN" and head.head.dep_ == "pobj" and depth < 3 and _irrealis_context(head.head, depth + 1)
    if noun.dep_ in {"dobj", "nsubjpass"}:
        return head.lemma_.lower() in IRREALIS_WORDS - REALISING_OBJECT_HEADS
    return False


def _reported_clause(clause: Token) -> bool:
    """The clause is the complement of a past-tense speech verb ("said that ...", "said it had
    corrected the problems and would start ...")."""
    node = clause
    for _ in range(3):
        if node.dep_ != "conj" or node.head.i == node.i:
            break
        node = node.head
    return node.dep_ == "ccomp" and node.head.tag_ in {"VBD", "VBN"} and node.head.lemma_.lower() in lexicon().reporting_verbs


def _questioned(clause: Token) -> bool:
    node = clause
    for _ in range(4):  # "whether GM will be able to keep operating" asks about "operating" too
        if marked_by(node, {"whether", "if"}):
            return True
        if node.dep_ not in {"xcomp", "acomp"} or node.head.i == node.i:
            break
        node = node.head
    sent = sentence_of(clause)
    text = sent.text.rstrip()
    body = text.rstrip("\"'”’»)")
    if not body.endswith("?"):
        return False
    if body == text:
        return True
    # 'Maria asked, "Will he run?"': the quotation asks; the frame around it does not.
    opening = max(body.rfind(mark) for mark in '"“«‘')
    return opening < 0 or clause.idx - sent.start_char > opening


def cue_commitment(cue_lemma: Optional[str]) -> Factuality:
    """The reporter's commitment to an attribution's content, from its cue."""
    if cue_lemma is None:
        return Factuality(certainty="underspecified", cues=())
    lemma = cue_lemma.lower()
    lex = lexicon()
    if lemma in lex.dispute_verbs and lemma not in {"question", "doubt"}:
        return Factuality(polarity="negative", certainty="probable", cues=(lemma,))
    # MegaVeridicality's mean rating of "did that happen?" after "NP Ved that S", in [-1, 1]:
    # "know"/"reveal" near 1, "say" 0.4, "claim"/"allege" 0.1-0.2, "pretend" -0.8.
    norms = lex.veridicality.get(lemma)
    rating = norms.get("positive_raw") if isinstance(norms, dict) else None
    if lemma in COMMITTING_CUES or lemma in lex.factives or (rating is not None and rating >= _COMMITS_AT):
        return Factuality(certainty="certain", cues=(lemma,))
    if lemma in DISTANCING_CUES or lemma in {"question", "doubt"} or (rating is not None and rating <= _DISTANCES_AT):
        return Factuality(certainty="possible", cues=(lemma,))
    return Factuality(certainty="underspecified", cues=(lemma,))


_COMMITS_AT = 0.85
_DISTANCES_AT = 0.25


# Certainty values from the most to the least certain: the order of the ``Certainty`` type.
_ORDER = get_args(Certainty)


def _weaker(current: str, new: str) -> str:
    return new if _ORDER.index(new) > _ORDER.index(current) else current


def _clause_head(token: Token) -> Token:
    """The verb whose auxiliaries and negation scope over ``token`` (itself for verbs)."""
    node = token
    for _ in range(4):
        if node.pos_ in {"VERB", "AUX"}:
            return node
        if node.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "acomp"} and node.head.i != node.i:
            node = node.head if node.dep_ != "pobj" else node.head.head
            continue
        break
    return node


def _governors(clause: Token) -> list[tuple[Token, str]]:
    """Verbs that embed ``clause`` via xcomp/ccomp, innermost first, with the relation."""
    out = []
    node = clause
    for _ in range(4):
        if node.dep_ in {"xcomp", "ccomp", "acl", "conj"} and node.head.i != node.i:
            out.append((node.head, node.dep_))
            node = node.head
        else:
            break
    return out


def _negation_path(clause: Token, chain: list[tuple[Token, str]]) -> list[tuple[Token, str]]:
    """The governors whose negation reaches ``clause``: up through infinitives, noun
    complements and bare conjuncts, not across a that-clause ("declined to discuss what
    charges were pursued") or into a conjunct with its own tense ("failed to X and filed")."""
    out = []
    node = clause
    for governor, via in chain:
        if via == "ccomp" or (via == "conj" and node.tag_ in {"VBD", "VBZ", "VBP"}):
            break
        out.append((governor, via))
        node = governor
    return out


def _sharing_auxiliaries(clause: Token, chain: list[tuple[Token, str]]) -> list[Token]:
    """Governors whose auxiliaries also scope over ``clause``: those of an infinitive's verb
    ("would not try to visit") and of a conjunct that has no tense of its own ("would
    accrue dividends and pay them"); a finite conjunct ("wouldn't say, but said") has its own."""
    out = []
    node = clause
    for governor, via in chain:
        if via in {"xcomp", "conj"} and not (via == "conj" and node.tag_ in {"VBD", "VBZ", "VBP"}):
            out.append(governor)
        node = governor
    return out


def _headline_infinitive(clause: Token) -> bool:
    """An infinitive in a headline: a line of its own with no closing punctuation (not a
    sentence the parser cut short in the middle of a line)."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children):
        return False
    sent = sentence_of(clause)
    words = [t for t in sent if not t.is_space]
    if len(words) < 3 or words[-1].is_punct or words[-1].text.endswith((".", "!", "?")):
        return False  # "... Sachs & Co." ends with its abbreviation's period
    doc = clause.doc
    return sent.end == len(doc) or "\n" in words[-1].whitespace_ or doc[sent.end].is_space


def _headline_future(clause: Token) -> bool:
    """Headlinese "X to Y" (no finite verb in the sentence) announces that X will Y."""
    if clause.dep_ not in {"acl", "relcl"} or clause.head.dep_ != "ROOT" or clause.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if not any(c.tag_ == "TO" for c in clause.children):
        return False
    return not any(w.tag_ in {"VBD", "VBZ", "VBP", "MD"} for w in sentence_of(clause))


def _awaited(clause: Token) -> bool:
    return (
        clause.dep_ == "advcl"
        and clause.tag_ in {"VB", "VBZ", "VBP"}
        and any(c.dep_ in {"mark", "advmod"} and c.lower_ in {"until", "till", "before"} for c in clause.children)
    )


def _in_modal_time_clause(clause: Token) -> bool:
    # the small parser makes "when" an advmod, "as" and "until" marks
    if clause.dep_ != "advcl" or not any(c.dep_ in {"mark", "advmod"} and c.lower_ in TIME_MARKERS for c in clause.children):
        return False
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in HEDGING_MODALS for c in clause.head.children)


def _in_condition(clause: Token) -> bool:
    node = clause
    for _ in range(4):
        if marked_by(node, {"if", "unless"}):
            return True
        if node.dep_ in {"conj", "xcomp"} and node.head.i != node.i:
            node = node.head
            continue
        return False
    return False
