"""From finished drafts to ``Attribution`` records: ids, ``via`` ids and source chains
running from the innermost source out to "author"."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from ..actors import ActorIndex
from ..model import Attribution, Cue, Source, make_id
from ..nlp import text_of
from .acts import act_of, states_proposition
from .draft import AttributionDraft
from .sources import source_name
from .spans import trim


def finalize(doc: Doc, drafts: list[AttributionDraft], index: ActorIndex, article_key: str) -> list[Attribution]:
    """Records with ids, ``via`` ids and source chains."""
    text = text_of(doc)
    for draft in drafts:
        keep_source_out_of_content(text, draft)
        draft.id = make_id("att", article_key, draft.cue, draft.source)
    out = []
    for draft in drafts:
        chain = []
        node: Optional[AttributionDraft] = draft
        seen = set()
        while node is not None and id(node) not in seen:
            seen.add(id(node))
            name = source_name(text, node, index)
            if not chain or chain[-1] != name:
                # "Baker says she thinks ...": a source relaying itself is one link, not two.
                chain.append(name)
            node = drafts[node.via] if node.via is not None else None
        chain.append("author")
        source_text = text[draft.source[0] : draft.source[1]] if draft.source else ""
        out.append(
            Attribution(
                id=draft.id,
                source=Source(
                    text=source_text,
                    span=draft.source or draft.cue,
                    kind=draft.source_kind,
                    actor=index.actor_ids(draft.source_keys)[0] if draft.source_keys else None,
                ),
                cue=Cue(text=text[draft.cue[0] : draft.cue[1]], span=draft.cue),
                content=tuple(draft.content),
                type=draft.type,
                via=drafts[draft.via].id if draft.via is not None else None,
                chain=tuple(chain),
                act=act_of(doc, draft),
                proposition=states_proposition(doc, draft.content),
            )
        )
    return out


def keep_source_out_of_content(text: str, draft: AttributionDraft) -> None:
    """The source span without the quotation the parser took into it: '"Very good reporter,"
    Trump, the GOP frontrunner, said' names Trump, not the quote. A quotation inside the
    source ("his book 'The Art of the Deal'") is part of its name. A source wholly inside its
    own content is the parser's mistake (the first word of the quotation in '"We were wrong,"
    ... told') and is left unnamed rather than wrong; the agent of a passive the content runs
    on into ("was appointed to the Court by President Clinton") is a real speaker and stays."""
    if draft.source is None:
        return
    start, end = draft.source
    for c_start, c_end in draft.content:
        if c_start <= start < c_end < end:
            start = c_end
    if (start, end) != draft.source:
        trimmed = trim(text, (start, end))
        if trimmed[1] - trimmed[0] > 1:
            draft.source = trimmed
    start, end = draft.source
    for c_start, c_end in draft.content:
        if c_start <= start and end <= c_end:
            before = text[c_start:start].rstrip()
            if not (before.endswith(" by") and before[:-3].strip()):
                draft.source, draft.source_head, draft.source_keys, draft.source_kind = None, None, (), "vague"
            return
