"""From drafts to attributions: quotations continued across paragraphs, source kinds,
second cues cut out of a first one's content, nesting, relay chains ("told Reuters"), and the
final ``Attribution`` records."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Token

from ..actors import ActorIndex, affiliation, resolve_pronoun
from ..words.lexicon import lexicon
from ..nlp import text_of
from ..model import Attribution, Cue, Source, make_id
from ..quotes import Quote
from .parse import AttributionDraft, _expletive, _KIND_RANK, _phrase, _second_complement, _SPEECH, _SUBJECTS, _subtree_span, _trim


def _continue_quotes(doc: Doc, drafts: list[AttributionDraft], quotes: list[Quote]) -> None:
    """A paragraph that is only a quotation keeps the speaker of the previous direct quote."""
    covered = [span for d in drafts for span in d.content]
    text = text_of(doc)
    for quote in quotes:
        if quote.single or any(s <= quote.start and quote.end <= e for s, e in covered):
            continue
        previous = [d for d in drafts if d.content and d.content[-1][1] <= quote.start and d.type in {"direct", "mixed"}]
        if not previous:
            continue
        last = previous[-1]
        line_start = text.rfind("\n", 0, quote.start) + 1
        between = text[last.content[-1][1] : quote.start]
        same_paragraph = "\n" not in between
        if not same_paragraph and text[line_start : quote.start - 1].strip():
            continue  # the quote neither follows in the paragraph nor opens the next one
        if between.count("\n\n") > 1 or len(between) > 400:
            continue
        if any(d.cue[0] > last.cue[0] and d.cue[0] < quote.start for d in drafts):
            continue
        last.content.append(quote.span)


def _classify_source(doc: Doc, draft: AttributionDraft, index: ActorIndex) -> None:
    lex = lexicon()
    head = _antecedent(draft.source_head)
    if head is None:
        draft.source_kind = "vague"
        return
    keys = index.keys_at(head)
    if keys:
        # "Hamas and ISIS have agreed": every actor of a joint source.
        keys = tuple(dict.fromkeys([*keys, *(k for c in head.conjuncts for k in index.keys_at(c))]))
    if not keys and head.pos_ == "PRON" and not _expletive(head):
        keys = resolve_pronoun(head, index)
    modifier_keys: tuple[str, ...] = ()
    if not keys:
        # "the Palestinian Ma'an news service", "Hamas sources": the name inside the phrase;
        # an outlet or organisation name says more about the source than a nationality does.
        named = [index.keys_at(c) for c in head.children if c.dep_ in {"compound", "poss", "amod", "nmod"} and index.keys_at(c)]
        if named:
            modifier_keys = min(named, key=lambda k: _KIND_RANK.get(index.kind_of(k[0]), 9))
        else:
            # "a spokesman for the Sudanese army": the affiliation of an official.
            modifier_keys = affiliation(head, index)
    lemma = head.lemma_.lower()
    named = bool(keys) and head.pos_ in {"PROPN", "PRON"} or bool(keys) and lemma not in lex.anonymous_heads
    if keys:
        draft.source_keys = keys
        kind = index.kind_of(keys[0])
        if kind == "outlet":
            draft.source_kind = "outlet"
        elif kind == "person":
            draft.source_kind = "named_person"
        elif kind == "agent":
            draft.source_kind = "official"
        else:
            draft.source_kind = "named_organization" if named else "official"
        return
    draft.source_keys = modifier_keys
    if lemma in lex.anonymous_heads:
        draft.source_kind = "anonymous"
    elif lemma in lex.outlet_heads:
        draft.source_kind = "outlet"
    elif lemma in lex.official_heads:
        draft.source_kind = "official"
    elif head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and not head.ent_type_) or draft.speaker_label:
        draft.source_kind = "named_person"
    elif head.ent_type_ in {"ORG", "GPE", "NORP"}:
        draft.source_kind = "named_organization"
    else:
        draft.source_kind = "vague"


def _separate_sibling_cues(doc: Doc, drafts: list[AttributionDraft]) -> None:
    """"X said in a statement, adding that ...", "X denied it and accused Y of ...": a cue
    verb's own conjunct or adverbial clause is a second attribution by the same speaker, not
    part of what the first one says; the first content stops where the second cue's clause starts."""
    text = text_of(doc)
    by_token = {d.cue_tokens[0]: d for d in drafts}
    for inner in drafts:
        verb = doc[inner.cue_tokens[0]]
        outer = by_token.get(verb.head.i) if verb.dep_ in {"conj", "advcl"} and verb.head.i != verb.i else None
        if outer is None or outer is inner or _second_complement(verb):
            continue
        cut = _subtree_span(verb)[0]
        pieces = []
        for start, end in outer.content:
            if start < cut < end:
                end = _trim(text, (start, cut))[1]
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


def _split_embedded_cues(doc: Doc, drafts: list[AttributionDraft], quotes: list[Quote]) -> None:
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
        if not (verb.dep_ in _EMBEDDED_CLAUSES and verb.lemma_.lower() in _SPEECH or _nonrestrictive(verb)):
            continue
        if any(not q.single and q.start <= verb.idx < q.end for q in quotes):
            continue  # words inside a quotation are the speaker's, cues included
        if verb.dep_ == "relcl":
            _add_relative_object(verb, inner)
        clause_start, clause_end = _subtree_span(verb)
        for outer in drafts:
            if outer is inner or clause_start <= outer.cue[0] < clause_end:
                continue
            pieces = []
            for start, end in outer.content:
                if not (start <= clause_start and clause_end <= end and (start, end) != (clause_start, clause_end)):
                    pieces.append((start, end))
                    continue
                before = _trim(text, (start, clause_start))
                before = (before[0], before[0] + len(_TRAILING_CONJUNCTION.sub("", text[before[0] : before[1]])))
                after = _trim(text, (clause_end, end))
                pieces.extend(piece for piece in (before, after) if piece[1] - piece[0] > 1)
            if pieces and pieces != outer.content:
                outer.content = pieces
                if outer.source is not None and not any(c.dep_ in _SUBJECTS for c in verb.children):
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


def _nest(drafts: list[AttributionDraft]) -> None:
    """An attribution whose cue lies inside another's content is relayed by it."""
    for i, inner in enumerate(drafts):
        if inner.cited_by is not None:
            # "X reported ..., citing Y": Y reached the author through X.
            inner.via = _citing_reporter(drafts, inner)
            continue
        best: Optional[int] = None
        best_width = None
        for j, outer in enumerate(drafts):
            if i == j:
                continue
            for start, end in outer.content:
                if start <= inner.cue[0] and inner.cue[1] <= end:
                    width = end - start
                    if best_width is None or width < best_width:
                        best, best_width = j, width
        inner.via = best


def _untangle_mutual_nesting(doc: Doc, drafts: list[AttributionDraft]) -> None:
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
            piece = _trim(text, (start, end))
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
    for _ in range(6):
        if doc_token is None:
            return None
        if doc_token.i in cues and drafts[cues[doc_token.i]] is not citing:
            return cues[doc_token.i]
        if doc_token.head.i == doc_token.i:
            return None
        doc_token = doc_token.head
    return None


def _relay(drafts: list[AttributionDraft], index: ActorIndex) -> None:
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
                source=_phrase(draft.recipient),
                source_head=draft.recipient,
                content=list(draft.content),
                type=draft.type,
            )
            _classify_source(draft.recipient.doc, relay, index)
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


def finalize(doc: Doc, drafts: list[AttributionDraft], index: ActorIndex, article_key: str) -> list[Attribution]:
    """Records with ids, ``via`` ids and source chains."""
    text = text_of(doc)
    for draft in drafts:
        _keep_source_out_of_content(text, draft)
        draft.id = make_id("att", article_key, draft.cue, draft.source)
    out = []
    for draft in drafts:
        chain = []
        node: Optional[AttributionDraft] = draft
        seen = set()
        while node is not None and id(node) not in seen:
            seen.add(id(node))
            name = _source_name(text, node, index)
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
            )
        )
    return out


def _keep_source_out_of_content(text: str, draft: AttributionDraft) -> None:
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
        trimmed = _trim(text, (start, end))
        if trimmed[1] - trimmed[0] > 1:
            draft.source = trimmed
    start, end = draft.source
    for c_start, c_end in draft.content:
        if c_start <= start and end <= c_end:
            before = text[c_start:start].rstrip()
            if not (before.endswith(" by") and before[:-3].strip()):
                draft.source, draft.source_head, draft.source_keys, draft.source_kind = None, None, (), "vague"
            return


def _antecedent(head: Optional[Token]) -> Optional[Token]:
    """"commentators who have suggested ...": the noun a relative pronoun stands for."""
    if head is not None and head.tag_ in {"WP", "WDT"} and head.head.dep_ == "relcl" and head.head.head.i < head.i:
        return head.head.head
    return head


def _source_name(text: str, draft: AttributionDraft, index: ActorIndex) -> str:
    antecedent = _antecedent(draft.source_head)
    if antecedent is not draft.source_head and not draft.source_keys:
        start, end = _phrase(antecedent)
        return text[start:end]
    if draft.source_keys and draft.source_kind in {"named_person", "named_organization", "outlet"}:
        # "Hamas and ISIS have agreed": a joint source is both of them, not the first named.
        return " and ".join(dict.fromkeys(index.name_of(k) for k in draft.source_keys))
    if draft.source:
        return text[draft.source[0] : draft.source[1]]
    return "unnamed source"
