"""Events inside reporting frames: whose claim an event is, and what the frame does to it.

Reads the attribution drafts (``attribution``) and the finished ``Attribution`` records;
returns the owning attribution of a span and the factuality the frame gives an event:
"X denied that Y blocked the aid" makes the blocking negative from X's point of view, and a
claim whose chain holds a disputed attribution is disputed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Optional

from spacy.tokens import Doc, Token

from .attribution import AttributionDraft
from .factuality import cue_commitment
from .model import Attribution, Factuality, Polarity, Span
from .nlp import marked_by
from .words.framing import CLAIM_OF_VERBS, NOT_DENIALS, REQUEST_CUES
from .words.lexicon import lexicon

__all__ = ["framed_factuality", "frames_speech", "owner_of", "reporter_of", "with_commitment"]


def frames_speech(doc: Doc, draft: AttributionDraft) -> bool:
    """A cue whose content is a clause or a quotation frames other events and is not one
    itself ("said that X"); "expressed optimism", "claimed responsibility" are acts."""
    cue = doc[draft.cue_tokens[0]]
    if draft.cited_by is not None:
        return True  # "..., citing the ministry" names a source; citing is no act
    if cue.pos_ == "NOUN":
        # "the claim that X" frames X; "attacks on the town" are events themselves.
        return any(c.dep_ in {"acl", "ccomp", "relcl"} and any(m.lower_ == "that" for m in c.children) for c in cue.children)
    if cue.pos_ not in {"VERB", "AUX"} or any(c.dep_ in {"ccomp", "parataxis"} for c in cue.children):
        return True
    return draft.type != "indirect" and not any(c.dep_ == "dobj" for c in cue.children)


def with_commitment(doc: Doc, attribution: Attribution, draft: AttributionDraft) -> Attribution:
    """``attribution`` with the factuality its cue commits the source to ("claimed" less
    than "confirmed"); "according to" and punctuation cues commit to nothing in particular."""
    cue = doc[draft.cue_tokens[0]]
    lemma = None if draft.type == "according_to" or cue.is_punct else cue.lemma_
    return replace(attribution, factuality=cue_commitment(lemma))


def owner_of(span: Span, drafts: list[AttributionDraft], may_own: Optional[Callable[[int], bool]] = None) -> Optional[int]:
    """The draft with the narrowest content span holding ``span``; on a tie, the more deeply
    relayed one ("X reported S, citing Y": S is Y's claim as relayed by X). ``may_own``: asked
    of each draft whose content holds the span (every such draft may own it when None)."""
    best, rank = None, None
    for i, draft in enumerate(drafts):
        for start, end in draft.content:
            if start <= span[0] and span[1] <= end:
                candidate = (end - start, -_depth(i, drafts))
                if (rank is None or candidate < rank) and (may_own is None or may_own(i)):
                    best, rank = i, candidate
    return best


def reporter_of(doc: Doc, trigger: Token, drafts: list[AttributionDraft], attributions: list[Attribution]) -> Optional[int]:
    """The draft whose source *reports* the event at ``trigger``, as ``owner_of`` picks it
    among the attributions that present it as so. Not reporters: an intention ("planned to
    protest"), a content that is no proposition, an act on the event named as its object
    ("the audience cheered Clinton's attacks", "praised Trump for speaking out", "cited his
    call for a ban": the author says the attacks, the speaking and the call happened), and a
    request or question ("asked them not to stage protests", "asked whether it led to the
    attacks"). "Said he plans to protest" is still reported by its speaker."""
    def reports(i: int) -> bool:
        attribution = attributions[i]
        return attribution.proposition and attribution.act != "intention" and _reports(doc, trigger, drafts[i])

    return owner_of((trigger.idx, trigger.idx + len(trigger)), drafts, reports)


def _reports(doc: Doc, trigger: Token, draft: AttributionDraft) -> bool:
    cue_tokens = range(*draft.cue_tokens)
    path, token = [], trigger
    while token.i not in cue_tokens and token.head.i != token.i:
        path.append(token)
        token = token.head
    if token.i not in cue_tokens:
        return True  # a quotation or "according to" holds the event without governing it
    lemma = doc[draft.cue_tokens[0]].lemma_.lower()
    if all(t.dep_ in _OBJECT_DEPS for t in path) and lemma not in CLAIM_OF_VERBS:
        return False
    asks = lemma in REQUEST_CUES and any(t.dep_ == "xcomp" or _unasserted_clause(t) for t in path)
    return not asks


def _unasserted_clause(token: Token) -> bool:
    """A clause that asks or wants rather than states: "whether it led", "for Trump to be banned"."""
    return marked_by(token, {"whether", "if"}) or any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


# Dependencies of a noun phrase and its prepositions: an event reached from the cue through
# these alone is the thing the cue acts on, not a clause it reports.
_OBJECT_DEPS = frozenset({"dobj", "pobj", "prep", "pcomp", "compound", "poss", "amod", "nmod", "conj", "appos", "npadvmod"})


def framed_factuality(
    doc: Doc,
    factuality: Factuality,
    owner: Optional[int],
    drafts: list[AttributionDraft],
    attributions: list[Attribution],
    disputed: set[str],
) -> Factuality:
    """An event's own ``factuality`` as the attribution ``owner`` reports it: negated under a
    denial, and disputed when an attribution of its chain is disputed."""
    if owner is None:
        return factuality
    if _denies(doc, drafts[owner]):
        flipped: Polarity = "negative" if factuality.polarity == "positive" else "positive"
        factuality = replace(factuality, polarity=flipped, cues=(*factuality.cues, doc[drafts[owner].cue_tokens[0]].text))
    if _chain_disputed(owner, drafts, attributions, disputed):
        factuality = replace(factuality, disputed=True)
    return factuality


def _denies(doc: Doc, draft: AttributionDraft) -> bool:
    # Questioning or doubting a claim contests it without asserting its opposite.
    cue = doc[draft.cue_tokens[0]]
    return cue.lemma_.lower() in lexicon().dispute_verbs - NOT_DENIALS and draft.type != "according_to"


def _depth(i: int, drafts: list[AttributionDraft]) -> int:
    depth, node = 0, drafts[i].via
    while node is not None and depth < len(drafts):
        depth, node = depth + 1, drafts[node].via
    return depth


def _chain_disputed(owner: int, drafts: list[AttributionDraft], attributions: list[Attribution], disputed: set[str]) -> bool:
    node: Optional[int] = owner
    for _ in range(len(drafts)):
        if node is None:
            return False
        if attributions[node].id in disputed:
            return True
        node = drafts[node].via
    return False
