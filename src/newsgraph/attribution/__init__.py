"""Attribution: who says what. Cues, sources, contents, nesting and relay chains.

Reads the parse, quotation spans (``quotes``) and actors (``ActorIndex``); returns
``Attribution`` records whose ``chain`` runs from the innermost source out to "author".

Cues found:
- a reporting verb with a clausal complement ("X said that ..."), inverted ("..., X says"),
  parenthetical ("as X reports, ...") or next to a quotation ("X told Y: '...'");
- "according to X";
- a colon-attributed quote with no verb (``X: "..."``);
- a paragraph that is only a quotation continues the previous direct attribution;
- any verb or noun the learned cue judge (``cues``) takes for a cue, with the content its
  frame gives or, failing that, what it governs ("cast the vote as ...", "criticism of ...").

Modules, in the order a document goes through them: ``rules`` (the rule finders and their
priority, ``RULE_FINDERS``; the verb rule in ``verb_cue``) and ``learned`` (the learned
judge's frames) find drafts (``draft``), using ``spans``, ``speakers``, ``clauses`` and
``frames``; ``quoting`` snaps content to quotations and continues them; ``relations``
links drafts that dispute or confirm others; ``sources`` classifies each source; ``nesting``
works out which draft relays which; ``records`` turns drafts into ``Attribution`` records.
"""

from __future__ import annotations

from typing import Any, Optional

from spacy.tokens import Doc

from ..actors import ActorIndex
from ..cues import CANDIDATES, CueModel, candidate, features, nominal
from ..nlp import openings, text_of
from ..quotation_marks import QuotedSpan
from .draft import AttributionDraft, RelationRow
from .learned import generic_cue, generic_noun_cue, known_frame
from .nesting import nest, relay_via_recipients, separate_sibling_cues, split_embedded_cues, untangle_mutual_nesting
from .quoting import continue_quotes, quote_type, snap_to_quotes
from .records import finalize
from .relations import find_relations
from .rules import OPENS_ON, RULE_FINDERS
from .sources import classify_source
from .speakers import link_first_person

__all__ = ["AttributionDraft", "OPENS_ON", "RULE_FINDERS", "RelationRow", "find_attributions", "finalize", "known_frame", "link_first_person"]

_PACKAGED: Any = object()  # sentinel: "use the packaged cue model"


def find_attributions(
    doc: Doc, index: ActorIndex, quotes: list[QuotedSpan], *, model: Optional[CueModel] = _PACKAGED
) -> tuple[list[AttributionDraft], list[RelationRow]]:
    """Attributions in document order, with sources resolved and nesting worked out, and the
    relations between them (an attribution disputing, supporting or correcting another).

    ``model`` (the packaged learned cue judge by default; ``None`` for rules only) confirms
    or rejects the rules' verb cues and adds cues in frames the rules do not know.
    """
    if model is _PACKAGED:
        model = CueModel.packaged()
    drafts: list[AttributionDraft] = []
    taken_cues: set[int] = set()
    judged = len(RULE_FINDERS)  # the cue judge's place among the openings
    opened = openings(doc, [*(OPENS_ON[find] for find in RULE_FINDERS), CANDIDATES])
    for i, admitting in sorted(opened.items()):
        if i in taken_cues:
            continue
        token = doc[i]
        draft = None
        for n in admitting:  # in priority order: the first draft wins
            draft = RULE_FINDERS[n](doc, token, quotes) if n < judged else None
            if draft is not None:
                break
        if model is not None and admitting[-1] == judged and candidate(token):
            p = model.probability(features(token, draft is not None))
            if draft is not None and p < model.keep_rule_above:
                draft = None
            elif draft is None and nominal(token):
                draft = generic_noun_cue(doc, token) if p >= model.noun_threshold else None
            elif draft is None and p >= model.threshold:
                draft = generic_cue(doc, token, quotes, bare=p >= model.bare_threshold)
        if draft is None:
            continue
        taken_cues.update(range(*draft.cue_tokens))
        draft.content = snap_to_quotes(text_of(doc), draft.content, quotes)
        # A verb inside the quotation it would introduce is part of the speech, not a cue.
        draft.content = [c for c in draft.content if not (c[0] <= draft.cue[0] < c[1])]
        if not draft.content:
            continue
        draft.type = draft.type if draft.type == "according_to" else quote_type(draft.content, quotes)
        drafts.append(draft)
    continue_quotes(doc, drafts, quotes)
    relations = find_relations(doc, drafts)  # may add drafts for the disputing cue itself
    for draft in drafts:
        classify_source(doc, draft, index)
    separate_sibling_cues(doc, drafts)
    split_embedded_cues(doc, drafts, quotes)
    nest(drafts)
    untangle_mutual_nesting(doc, drafts)
    relay_via_recipients(drafts, index)
    return drafts, relations
