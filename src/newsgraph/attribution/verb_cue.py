"""The verb-cue rule: a reporting, stance or judging verb with its complement clause,
infinitive, object, parenthetical sentence, adjacent quotation or following paragraph
("X said that ...", "..., X says", "as X reports", "X told Y: ...", "..., citing Y")."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ..model import Span as CharSpan
from ..nlp import marked_by, sentence_of, text_of
from ..quotation_marks import QuotedSpan
from ..words.attribution import CITING_VERBS, INTENTION_VERBS, NOUN_PHRASE_CONTENT_VERBS, RELAY_VERBS, SPEECH_VERBS
from ..words.lexicon import lexicon
from .clauses import COMPLEMENT_DEPS, intention_content, object_content, reported_clauses, reporting_lemma
from .draft import AttributionDraft
from .frames import verb_draft
from .quoting import adjacent_quotes
from .spans import cue_extent, phrase, subtree_span, trim
from .speakers import can_be_source, subject_of


def verb_cue(doc: Doc, token: Token, quotes: list[QuotedSpan]) -> Optional[AttributionDraft]:
    lex = lexicon()
    lemma = reporting_lemma(token)
    if lemma is None:
        return None
    if token.pos_ == "NOUN":
        # "as the Palestinian Ma'an news service reports": the speaker may be parsed as the
        # subject of the mis-tagged verb or as a compound modifier of it.
        subjects = [c for c in token.lefts if c.dep_ == "nsubj"]
        modifiers = [c for c in token.lefts if c.dep_ in {"compound", "amod", "nmod"}]
        subject = (subjects or modifiers or [None])[-1]
    else:
        subject = subject_of(token)
    if lemma in CITING_VERBS and token.dep_ in {"advcl", "xcomp", "conj"}:
        return _citing(doc, token)
    complements = reported_clauses(token, subject)
    content: list[CharSpan] = []
    for c in complements:
        content.extend(_around_extraction(doc, token, subject, cut_citing(doc, trim(text_of(doc), subtree_span(c)), c)))
    if (
        token.dep_ == "advcl"
        and marked_by(token, {"as", "like"})
        and not any(c.dep_ in _OWN_CONTENT for c in token.children)
    ):
        # "as the agency reports, <clause>", "<clause>, as the agency reported", "<subject>, as
        # the agency reported, <predicate>": the rest of the sentence is the content. A verb with content of its own ("as he criticized
        # Clinton for ...") is an ordinary cue in a time or reason clause.
        clause_start, clause_end = subtree_span(token)
        sentence = sentence_of(token)
        after = trim(text_of(doc), (clause_end, sentence.end_char))
        before = trim(text_of(doc), (sentence.start_char, clause_start))
        content.extend(piece for piece in (before, after) if piece[1] - piece[0] > 1)
    if not content and lemma in lex.reporting_verbs:
        content = _parenthetical_content(doc, token, subject)
    if not content and lemma in INTENTION_VERBS:
        content = intention_content(doc, token)
    if not content and lemma in NOUN_PHRASE_CONTENT_VERBS:
        content = object_content(doc, token)
    if not content and lemma in lex.reporting_verbs and lemma not in lex.needs_complement and lemma not in lex.dispute_verbs:
        content = adjacent_quotes(doc, token, quotes) or _following_paragraph(doc, token)
    if not content or (subject is not None and subject.lower_ in {"you", "ye"}):
        # "You may not know that ...": the author addressing the reader, not a source.
        return None
    recipient = None
    if lemma in RELAY_VERBS:
        recipient = next((c for c in token.children if c.dep_ in {"dobj", "dative"}), None)
    return verb_draft(token, subject, content, recipient)


_OWN_CONTENT = {"dobj", "ccomp", "xcomp", "dative"}


def _parenthetical_content(doc: Doc, verb: Token, subject: Optional[Token]) -> list[CharSpan]:
    """"But to prevent problems, he said, local officials ...": a speech verb set off by commas
    inside the clause it reports; the content is that clause without the parenthetical."""
    head = verb.head
    if verb.dep_ not in {"parataxis", "ccomp", "advcl", "conj"} or head.i == verb.i or subject is None:
        return []
    if verb.lemma_.lower() not in SPEECH_VERBS or len(list(verb.subtree)) > 8:
        return []
    if verb.tag_ == "VBG" or any(c.dep_ in {"dobj", "dative", "ccomp", "xcomp"} for c in verb.children):
        return []  # "..., adding a plug for himself": a statement of its own, not an aside
    # The parenthetical itself: speaker to verb (its commas are punctuation children).
    words = [t for t in verb.subtree if not t.is_punct]
    inner = (min(t.idx for t in words), max(t.idx + len(t) for t in words))
    before = text_of(doc)[: inner[0]].rstrip()
    after = text_of(doc)[inner[1] :].lstrip()
    if not (before.endswith(",") and (after.startswith(",") or after.startswith(".") or not after)):
        return []
    outer = subtree_span(head)
    pieces = [trim(text_of(doc), (outer[0], inner[0])), trim(text_of(doc), (inner[1], outer[1]))]
    return [p for p in pieces if p[1] - p[0] > 2]


def _following_paragraph(doc: Doc, verb: Token) -> list[CharSpan]:
    """"He said:" closing a paragraph: the next paragraph is what he said."""
    after = text_of(doc)[subtree_span(verb)[1] : sentence_of(verb).end_char]
    tail = text_of(doc)[verb.idx + len(verb) : sentence_of(verb).end_char].strip()
    if not tail.endswith(":") and not after.strip().startswith(":"):
        return []
    start = sentence_of(verb).end_char
    while start < len(text_of(doc)) and text_of(doc)[start].isspace():
        start += 1
    # Any line break ends the paragraph: some copy separates paragraphs with a single one,
    # and a blank-line search there runs on over the rest of the article.
    end = text_of(doc).find("\n", start)
    end = len(text_of(doc)) if end < 0 else end
    return [trim(text_of(doc), (start, end))] if end - start > 2 else []


def _citing(doc: Doc, token: Token) -> Optional[AttributionDraft]:
    """"..., citing sources familiar with the talks": the cited noun is the source of the
    clause the participle hangs on; the outer cue relays it."""
    cited = next((c for c in token.children if c.dep_ == "dobj"), None)
    if cited is None or not can_be_source(cited):
        return None  # "citing low growth": a reason, not a source
    head = token.head
    clause = subtree_span(head)
    citing_start = subtree_span(token)[0]
    complement = next((c for c in head.children if c.dep_ in COMPLEMENT_DEPS and c.i < token.i), None)
    start = subtree_span(complement)[0] if complement is not None else clause[0]
    content = trim(text_of(doc), (start, citing_start))
    if content[1] - content[0] < 2:
        return None
    return AttributionDraft(
        cue_tokens=(token.i, token.i + 1),
        cue=(token.idx, token.idx + len(token)),
        source=phrase(cited),
        source_head=cited,
        content=[content],
        type="indirect",
        cited_by=head.i,
    )


def _around_extraction(doc: Doc, verb: Token, subject: Optional[Token], span: CharSpan) -> list[CharSpan]:
    """The content of "a sentence, which he said was unfair" or "what analysts say is a sign":
    the relative or wh-word moved out of the reported clause opens it, and the speaker and cue
    between it and the rest are cut out."""
    if not span[0] < verb.idx < span[1]:
        return [span]
    # The span starts before the verb, so its first word is the one moved out of the clause.
    opener = doc[verb.left_edge.i] if verb.dep_ == "relcl" else doc.char_span(*span, alignment_mode="expand")[0]
    if not (opener.tag_ in _WH_TAGS or (opener.lower_ == "that" and verb.dep_ == "relcl")):
        return [span]
    gap_start = min([cue_extent(verb)[0].idx] + ([phrase(subject)[0]] if subject is not None else []))
    text = text_of(doc)
    pieces = [trim(text, (span[0], gap_start)), trim(text, (verb.idx + len(verb), span[1]))]
    return [p for p in pieces if p[1] > p[0]]


_WH_TAGS = {"WDT", "WP", "WP$", "WRB"}


def cut_citing(doc: Doc, span: CharSpan, clause: Token) -> CharSpan:
    """Content stops where a ", citing X" phrase inside it begins: the first citing verb of
    the clause's subtree after the span's start."""
    # Walking the clause's subtree for every cue cost O(n) a cue, O(n^2) in deeply nested
    # quotations; the doc's few citing verbs are found once and tested for being below the clause.
    for i in _citing_verbs(doc):
        token = doc[i]
        if token.idx > span[0] and (token.i == clause.i or clause.is_ancestor(token)):
            return trim(text_of(doc), (span[0], min(span[1], subtree_span(token)[0])))
    return span


def _citing_verbs(doc: Doc) -> tuple[int, ...]:
    """Indices of the ", citing X" verbs of ``doc``, in order (cached on the doc)."""
    found = doc.user_data.get(_CITING_KEY)
    if found is None:
        found = doc.user_data[_CITING_KEY] = tuple(t.i for t in doc if t.dep_ == "advcl" and t.lemma_.lower() in CITING_VERBS)
    return found


_CITING_KEY = "newsgraph_citing_verbs"
