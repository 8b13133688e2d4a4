"""How drafts sit in each other: second cues cut out of a first one's content, an
attribution nested in the one whose content holds its cue, mutual nesting untangled, and
relay through a recipient ("told Reuters"). Updates ``content`` and ``via`` in place."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Token

from ..actors import ActorIndex
from ..nlp import text_of
from ..quotation_marks import QuotedSpan
from ..words.attribution import SPEECH_VERBS
from .clauses import second_complement
from .draft import AttributionDraft
from .sources import classify_source
from .spans import phrase, subtree_span, trim
from .speakers import ALL_SUBJECT_DEPS


def separate_sibling_cues(doc: Doc, drafts: list[AttributionDraft]) -> None:
    """"X said in a statement, adding that ...", "X denied it and accused Y of ...": a cue
    verb's own conjunct or adverbial clause is a second attribution by the same speaker, not
    part of what the first one says; the first content stops where the second cue's clause starts."""
    text = text_of(doc)
    by_token = {d.cue_tokens[0]: d for d in drafts}
    for inner in drafts:
        verb = doc[inner.cue_tokens[0]]
        outer = by_token.get(verb.head.i) if verb.dep_ in {"conj", "advcl"} and verb.head.i != verb.i else None
        if outer is None or outer is inner or second_complement(verb):
            continue
        cut = subtree_span(verb)[0]
        pieces = []
        for start, end in outer.content:
            if start < cut < end:
                end = trim(text, (start, cut))[1]
                end = start + len(_TRAILING_CONJUNCTION.sub("", text[start:end]))
            if start <= cut < end or end - start <= 1:
                continue
            pieces.append((start, end))
        if pieces:
            outer.content = pieces


_TRAILING_CONJUNCTION = re.compile(r"[\s,;]+(?:and|but|or|while|as)?$")


# Clauses that hang on a word of someone's content without being part of what is said:
# "... he agrees Trump is an opportunist and said ...", "..., as Rubio has said".
_EMBEDDED_CLAUSES = {"conj", "advcl"}


def split_embedded_cues(doc: Doc, drafts: list[AttributionDraft], quotes: list[QuotedSpan]) -> None:
    """A verb of saying heading a coordinated or adverbial clause inside another attribution's
    (unquoted) content is mostly a second attribution beside it, not one it reports (the
    parser hangs "and said ..." on the last verb of the clause before): PolNeAR gives each
    word one role, and "X told ABC that he agrees ... and said ..." has two cues side by
    side. The clause is cut out of the outer content, which may split it in two. Other verbs
    in those clauses, and restrictive relative clauses, are as often part of the content
    (measured on PolNeAR train), so they stay nested; a relative clause set off by a comma
    is an aside (``_nonrestrictive``)."""
    text = text_of(doc)
    for inner in drafts:
        verb = doc[inner.cue_tokens[0]]
        if inner.cited_by is not None:
            continue
        if not (verb.dep_ in _EMBEDDED_CLAUSES and verb.lemma_.lower() in SPEECH_VERBS or _nonrestrictive(verb)):
            continue
        if any(not q.single and q.start <= verb.idx < q.end for q in quotes):
            continue  # words inside a quotation are the speaker's, cues included
        if verb.dep_ == "relcl":
            _add_relative_object(verb, inner)
        clause_start, clause_end = subtree_span(verb)
        for outer in drafts:
            if outer is inner or clause_start <= outer.cue[0] < clause_end:
                continue
            pieces = []
            for start, end in outer.content:
                if not (start <= clause_start and clause_end <= end and (start, end) != (clause_start, clause_end)):
                    pieces.append((start, end))
                    continue
                before = trim(text, (start, clause_start))
                before = (before[0], before[0] + len(_TRAILING_CONJUNCTION.sub("", text[before[0] : before[1]])))
                after = trim(text, (clause_end, end))
                pieces.extend(piece for piece in (before, after) if piece[1] - piece[0] > 1)
            if pieces and pieces != outer.content:
                outer.content = pieces
                if outer.source is not None and not any(c.dep_ in ALL_SUBJECT_DEPS for c in verb.children):
                    # "... and said", ", adding": the parser found the subject inside the
                    # content; the speaker is the one whose content held the clause.
                    inner.source, inner.source_head = outer.source, outer.source_head
                    inner.source_keys, inner.source_kind = outer.source_keys, outer.source_kind


_ASIDE_MARKS = {",", "-", "–", "—", "("}


def _nonrestrictive(verb: Token) -> bool:
    """", which he described as ...", "- who have backed her -": a relative clause set off by
    a comma, dash or bracket says something of a noun in someone's content, mostly in the
    author's voice or the clause's own speaker's, not what the outer source says (on PolNeAR
    train its cue was a gold cue about twice as often as not). A restrictive one ("the
    figure Congress had sought") picks out the noun and is as often part of the content."""
    if verb.dep_ != "relcl" or verb.left_edge.i == 0:
        return False
    return verb.doc[verb.left_edge.i - 1].text in _ASIDE_MARKS


def _add_relative_object(verb: Token, draft: AttributionDraft) -> None:
    """", which he described as ...": the relative word the clause moved to its front is
    what the cue verb takes as its object, so it opens the content (PolNeAR: "which … as
    ..."); the frames only look after the verb."""
    word = next((c for c in verb.lefts if c.dep_ in {"dobj", "nsubjpass"} and c.tag_ in {"WDT", "WP"}), None)
    if word is None or any(s <= word.idx < e for s, e in draft.content):
        return
    draft.content = sorted(draft.content + [(word.idx, word.idx + len(word))])


def nest(drafts: list[AttributionDraft]) -> None:
    """An attribution whose cue lies inside another's content is relayed by it."""
    for inner in drafts:
        if inner.cited_by is not None:
            # "X reported ..., citing Y": Y reached the author through X.
            inner.via = _citing_reporter(drafts, inner)
            if inner.via is not None and drafts[inner.via].content:
                # Y's claim is what X reports: the same words, not X's frame around them.
                inner.content = list(drafts[inner.via].content)
    for i, inner in enumerate(drafts):
        if inner.cited_by is not None:
            continue
        best: Optional[int] = None
        best_width = None
        for j, outer in enumerate(drafts):
            if i == j or outer.via == i and outer.cited_by is not None:
                continue  # X's own citing phrase relays X's source, never X
            for start, end in outer.content:
                if start <= inner.cue[0] and inner.cue[1] <= end:
                    width = end - start
                    if best_width is None or width < best_width:
                        best, best_width = j, width
        inner.via = best


def untangle_mutual_nesting(doc: Doc, drafts: list[AttributionDraft]) -> None:
    """Two attributions each inside the other's content: "the White House is considering a
    proposal ..., according to officials" gives "considering" a content that runs on over
    "according to officials", whose content holds "considering". Left so, neither would be
    outermost. The sentence-level frame ("according to", else the wider content) stays
    outer; the other's content stops before the outer cue and its source."""
    text = text_of(doc)
    for i, one in enumerate(drafts):
        j = one.via
        if j is None or j < i or drafts[j].via != i:
            continue
        other = drafts[j]
        if (one.type == "according_to") != (other.type == "according_to"):
            outer = one if one.type == "according_to" else other
        else:
            outer = max((one, other), key=lambda d: sum(end - start for start, end in d.content))
        nested = other if outer is one else one
        cut = min([outer.cue[0]] + ([outer.source[0]] if outer.source is not None else []))
        pieces = []
        for start, end in nested.content:
            if start < cut < end:
                end = start + len(_TRAILING_CONJUNCTION.sub("", text[start:cut]))
            piece = trim(text, (start, end))
            if piece[1] - piece[0] > 1:
                pieces.append(piece)
        if pieces:
            nested.content = pieces
        outer.via = None
        nested.via = drafts.index(outer)


def _citing_reporter(drafts: list[AttributionDraft], citing: AttributionDraft) -> Optional[int]:
    """The attribution whose cue governs the clause a "citing X" phrase hangs on."""
    cues = {d.cue_tokens[0]: j for j, d in enumerate(drafts)}
    doc_token = citing.source_head.doc[citing.cited_by] if citing.source_head is not None else None
    clause = doc_token
    for _ in range(6):
        if doc_token is None:
            break
        if doc_token.i in cues and drafts[cues[doc_token.i]] is not citing:
            return cues[doc_token.i]
        if doc_token.head.i == doc_token.i:
            break
        doc_token = doc_token.head
    return _sibling_reporter(drafts, citing, clause)


def _sibling_reporter(drafts: list[AttributionDraft], citing: AttributionDraft, clause) -> Optional[int]:
    """"S, according to Reuters, citing the ministry": both phrases hang on the clause S, and
    the frame before "citing" is the one that cites (the parse gives no path between them)."""
    if clause is None:
        return None
    doc = clause.doc
    before = [
        j for j, d in enumerate(drafts)
        if d is not citing and d.cue_tokens[0] < citing.cue_tokens[0] and doc[d.cue_tokens[0]].head.i == clause.i
    ]
    return max(before, key=lambda j: drafts[j].cue_tokens[0]) if before else None


def relay_via_recipients(drafts: list[AttributionDraft], index: ActorIndex) -> None:
    """"A source told MENL": what MENL was told reaches the author through MENL's report.

    The relaying attribution is MENL's own earlier one when the article has it; otherwise,
    when the recipient is a news outlet, being told is itself the outlet's report, and an
    attribution with the outlet as source is added for it.
    """
    for i, draft in enumerate(list(drafts)):
        if draft.via is not None or draft.recipient is None:
            continue
        keys = set(index.keys_at(draft.recipient))
        if not keys:
            continue
        candidates = [j for j, other in enumerate(drafts) if j != i and keys & set(other.source_keys)]
        earlier = [j for j in candidates if drafts[j].cue[0] < draft.cue[0]]
        chosen = earlier[-1] if earlier else (candidates[0] if candidates else None)
        if chosen is None and any(index.kind_of(k) == "outlet" for k in keys):
            relay = AttributionDraft(
                cue_tokens=draft.cue_tokens,
                cue=draft.cue,
                source=phrase(draft.recipient),
                source_head=draft.recipient,
                content=list(draft.content),
                type=draft.type,
            )
            classify_source(draft.recipient.doc, relay, index)
            drafts.append(relay)
            chosen = len(drafts) - 1
        if chosen is not None and not _creates_cycle(drafts, i, chosen):
            draft.via = chosen


def _creates_cycle(drafts: list[AttributionDraft], child: int, parent: int) -> bool:
    node: Optional[int] = parent
    for _ in range(len(drafts) + 1):
        if node is None:
            return False
        if node == child:
            return True
        node = drafts[node].via
    return True
