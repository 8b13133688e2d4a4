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
"""

from __future__ import annotations

from typing import Any, Optional

from spacy.tokens import Doc

from ..actors import ActorIndex
from ..cues import CueModel, candidate, features, nominal
from ..nlp import text_of
from ..quotes import Quote
from .parse import AttributionDraft, _quote_type, RelationRow, _snap_to_quotes
from .frames import (
    _according_to,
    _adjective_cue,
    _colon_quote,
    _dash_quote,
    _in_poll,
    _reportedly,
    _noun_cue,
    _verb_cue,
)
from .learned import known_frame, _generic_cue, _generic_noun_cue
from .chains import (
    finalize,
    _classify_source,
    _continue_quotes,
    _nest,
    _relay,
    _separate_sibling_cues,
    _split_embedded_cues,
    _untangle_mutual_nesting,
)
from .relations import _find_relations


__all__ = ["AttributionDraft", "find_attributions", "finalize", "known_frame"]

_PACKAGED: Any = object()  # sentinel: "use the packaged cue model"


def find_attributions(
    doc: Doc, index: ActorIndex, quotes: list[Quote], *, model: Optional[CueModel] = _PACKAGED
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
    for token in doc:
        if token.i in taken_cues:
            continue
        draft = (
            _according_to(doc, token)
            or _in_poll(doc, token)
            or _reportedly(doc, token)
            or _verb_cue(doc, token, quotes)
            or _noun_cue(doc, token)
            or _adjective_cue(doc, token)
            or _colon_quote(doc, token, quotes)
            or _dash_quote(doc, token, quotes)
        )
        if model is not None and candidate(token):
            p = model.probability(features(token, draft is not None))
            if draft is not None and p < model.keep_rule_above:
                draft = None
            elif draft is None and nominal(token):
                draft = _generic_noun_cue(doc, token) if p >= model.noun_threshold else None
            elif draft is None and p >= model.threshold:
                draft = _generic_cue(doc, token, quotes, bare=p >= model.bare_threshold)
        if draft is None:
            continue
        taken_cues.update(range(*draft.cue_tokens))
        draft.content = _snap_to_quotes(text_of(doc), draft.content, quotes)
        # A verb inside the quotation it would introduce is part of the speech, not a cue.
        draft.content = [c for c in draft.content if not (c[0] <= draft.cue[0] < c[1])]
        if not draft.content:
            continue
        draft.type = draft.type if draft.type == "according_to" else _quote_type(draft.content, quotes)
        drafts.append(draft)
    _continue_quotes(doc, drafts, quotes)
    relations = _find_relations(doc, drafts)  # may add drafts for the disputing cue itself
    for draft in drafts:
        _classify_source(doc, draft, index)
    _separate_sibling_cues(doc, drafts)
    _split_embedded_cues(doc, drafts, quotes)
    _nest(drafts)
    _untangle_mutual_nesting(doc, drafts)
    _relay(drafts, index)
    return drafts, relations
