"""The rule finders and their priority (``RULE_FINDERS``): each looks at one token and, when
it opens an attribution frame it knows ("according to", a poll, "reportedly", a reporting
verb, a stance noun or adjective, a speaker label before a colon or after a dash), returns
the draft with its cue, speaker and content; otherwise None. ``OPENS_ON`` says which tokens
each can open on, so that the others are not asked."""

from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Doc, Token

from ..model import Span as CharSpan
from ..nlp import Opening, marked_by, sentence_of, text_of
from ..quotation_marks import QuotedSpan
from ..words.attribution import CUE_NOUNS, POLL_NOUNS, STANCE_ADJECTIVES, STANCE_PREPOSITIONS
from .draft import AttributionDraft
from .frames import noun_speaker
from .spans import phrase, subtree_span, trim
from .speakers import can_be_source, subject_of
from .verb_cue import cut_citing, verb_cue


def according_to(doc: Doc, token: Token, quotes: list[QuotedSpan]) -> Optional[AttributionDraft]:
    """"Iran may have supplied drones, according to a U.S. official": the named source says
    the rest of the sentence, on either side of the phrase."""
    if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
    if not objects:
        return None
    source = phrase(objects[0])
    sent = sentence_of(token)
    phrase_start = token.idx
    phrase_end = source[1]
    before = (sent.start_char, phrase_start)
    # "..., according to Reuters, citing the ministry": the citing phrase is Reuters' source, not its words.
    after = cut_citing(doc, (phrase_end, sent.end_char), sent.root)
    content = [s for s in (trim(text_of(doc), before), trim(text_of(doc), after)) if s[1] - s[0] > 1]
    return AttributionDraft(
        cue_tokens=(token.i, to.i + 1),
        cue=(token.idx, to.idx + len(to)),
        source=source,
        source_head=objects[0],
        content=content,
        type="according_to",
    )


def in_poll(doc: Doc, token: Token, quotes: list[QuotedSpan]) -> Optional[AttributionDraft]:
    """"In a new CNN poll, 38 percent of voters back ...": the poll is the source of the
    clause the fronted phrase frames, and PolNeAR takes "in" for its cue (as "according to").
    After the verb ("she rose in the polls") it is mostly a circumstance, not a source."""
    if token.lower_ != "in" or token.dep_ != "prep" or token.head.pos_ not in {"VERB", "AUX"} or token.i > token.head.i:
        return None
    poll = next((c for c in token.children if c.dep_ == "pobj"), None)
    if poll is None or poll.lemma_.lower() not in POLL_NOUNS:
        return None
    return AttributionDraft(
        cue_tokens=(token.i, token.i + 1),
        cue=(token.idx, token.idx + len(token)),
        source=phrase(poll),
        source_head=poll,
        content=_clause_without(doc, token.head, subtree_span(token)),
        type="indirect",
    )


def reportedly(doc: Doc, token: Token, quotes: list[QuotedSpan]) -> Optional[AttributionDraft]:
    """"The FBI is reportedly making arrangements ...": the adverb says someone unnamed
    reports the clause it sits in, which is the content (PolNeAR: a cue without a source)."""
    if token.lower_ != "reportedly" or token.dep_ != "advmod" or token.head.pos_ not in {"VERB", "AUX", "ADJ", "NOUN"}:
        return None
    return AttributionDraft(
        cue_tokens=(token.i, token.i + 1),
        cue=(token.idx, token.idx + len(token)),
        source=None,
        source_head=None,
        content=_clause_without(doc, token.head, (token.idx, token.idx + len(token))),
        type="indirect",
    )


def _clause_without(doc: Doc, head: Token, cut: CharSpan) -> list[CharSpan]:
    """The clause ``head`` governs, with the cue phrase at ``cut`` taken out (one or two pieces)."""
    text = text_of(doc)
    clause_start, clause_end = subtree_span(head)
    pieces = (trim(text, (clause_start, cut[0])), trim(text, (cut[1], clause_end)))
    return [piece for piece in pieces if piece[1] - piece[0] > 1]


def noun_cue(doc: Doc, token: Token, quotes: list[QuotedSpan]) -> Optional[AttributionDraft]:
    """"Trump's claim that the election is rigged": a reporting noun with its clause."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in CUE_NOUNS:
        return None
    clause = next((c for c in token.children if c.dep_ in {"acl", "ccomp", "relcl"} and marked_by(c, {"that"})), None)
    if clause is None:
        return None
    source = next((c for c in token.children if c.dep_ in {"poss", "compound"} and c.pos_ in {"PROPN", "PRON", "NOUN"}), None)
    if source is None:
        by = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in {"by", "from", "of"}), None)
        source = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if source is None:
        source = noun_speaker(token)  # "the mayor repeated the claim that ..."
    return AttributionDraft(
        cue_tokens=(token.i, token.i + 1),
        cue=(token.idx, token.idx + len(token)),
        source=phrase(source) if source is not None else None,
        source_head=source,
        content=[trim(text_of(doc), subtree_span(clause))],
        type="indirect",
    )


def adjective_cue(doc: Doc, token: Token, quotes: list[QuotedSpan]) -> Optional[AttributionDraft]:
    """"Democrats are not confident that ...", "Marcus has been critical of Trump": a stance
    adjective after a copula; its subject holds the stance, its clause or object is the content."""
    if token.pos_ != "ADJ" or token.dep_ != "acomp" or token.lemma_.lower() not in STANCE_ADJECTIVES:
        return None
    copula = token.head
    if copula.lemma_.lower() != "be":
        return None
    content_head, last = None, token
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in STANCE_PREPOSITIONS:
            content_head = next((g for g in child.children if g.dep_ in {"pobj", "pcomp"}), None)
            last = child if child.i == token.i + 1 else token
            break
        if child.dep_ in {"ccomp", "xcomp"}:
            content_head = child
            break
    subject = subject_of(copula)
    if content_head is None or subject is None or subject.lower_ in {"it", "there", "this", "that", "what"}:
        return None  # "it is good to be optimistic about ...": nobody in particular
    first = copula
    while first.i > 0 and doc[first.i - 1].head == copula and doc[first.i - 1].dep_ in {"aux", "neg"}:
        first = doc[first.i - 1]
    return AttributionDraft(
        cue_tokens=(first.i, last.i + 1),
        cue=(first.idx, last.idx + len(last)),
        source=phrase(subject),
        source_head=subject,
        content=[trim(text_of(doc), subtree_span(content_head))],
        type="indirect",
    )


def colon_quote(doc: Doc, token: Token, quotes: list[QuotedSpan]) -> Optional[AttributionDraft]:
    """``Abbas: "We will not give up."`` — a name, a colon, then a quotation; also the
    headline and transcript forms ``Pence: Flowers won't be at debate``, ``WALLACE: Let's start``."""
    if token.text != ":" or token.i == sentence_of(token).start:
        return None
    start = sentence_of(token).start
    # "POLLS NOT WRONG, JUST EARLY - Mark Blumenthal: “...”": a label after a headline and a dash.
    dash = next((t for t in reversed(doc[start : token.i]) if t.text in _LABEL_DASHES), None)
    if dash is not None:
        start = dash.i + 1
    head_tokens = [t for t in doc[start : token.i] if not t.is_punct and not t.is_space]
    if not head_tokens or len(head_tokens) > 6 or any(t.pos_ in {"VERB", "AUX"} for t in head_tokens):
        return None
    if not _speaker_label(head_tokens):
        return None
    following = next((q for q in quotes if not q.single and 0 <= q.start - (token.idx + 1) <= 3), None)
    if following is None and dash is not None:
        return None  # after a dash, only a quotation shows the words before the colon are a speaker
    if following is None:
        # Unquoted: only a short name (a speaker label), and the rest of the sentence.
        if len(head_tokens) > 3 or not (head_tokens[0].pos_ == "PROPN" or head_tokens[0].is_title or head_tokens[0].is_upper):
            return None
        if any(t.lower_ in {"update", "note", "editor", "correction", "watch", "video", "photo", "read", "related"} for t in head_tokens):
            return None  # editorial labels, not speakers
        if any(t.ent_type_ in {"GPE", "LOC", "FAC", "DATE", "TIME"} for t in head_tokens):
            return None  # "Gaza: ...", "Tuesday: ..." are datelines, not speakers
        rest = trim(text_of(doc), (token.idx + 1, sentence_of(token).end_char))
        if len(text_of(doc)[rest[0] : rest[1]].split()) < 3:
            return None
        following = QuotedSpan(rest[0], rest[1], -1)
    head = max(head_tokens, key=lambda t: (t.pos_ in {"PROPN", "NOUN"}, t.i))
    return AttributionDraft(
        cue_tokens=(token.i, token.i + 1),
        cue=(token.idx, token.idx + 1),
        source=(head_tokens[0].idx, head_tokens[-1].idx + len(head_tokens[-1])),
        source_head=head,
        content=[following.span],
        type="direct",
        speaker_label=True,
    )


_LABEL_DASHES = {"-", "--", "—", "–"}


def _speaker_label(words: list[Token]) -> bool:
    """Whether the words before a colon can name a speaker: not a letter ("Q:", "A:"), not a
    phrase of common words ("The result:", "A reminder:", "Also of interest:"). A lone
    capitalised word stays a name ("Pence:"): the tagger often takes a name for a noun."""
    if len(words) == 1 and len(words[0]) == 1:
        return False
    if any(t.pos_ in {"PROPN", "PRON"} or t.is_upper or can_be_source(t) for t in words):
        return True
    return words[0].is_title and not any(t.pos_ in {"DET", "ADP", "ADV"} for t in words)


def dash_quote(doc: Doc, token: Token, quotes: list[QuotedSpan]) -> Optional[AttributionDraft]:
    """``"We will not give up." — Mahmoud Abbas``: a quotation signed with a dash."""
    if not token.is_punct or not any(ch in token.text for ch in "—–―") and token.text not in {"-", "--"}:
        return None
    preceding = next((q for q in quotes if not q.single and 0 <= token.idx - q.end <= 3 or token.idx <= q.end < token.idx + len(token)), None)
    if preceding is None:
        return None
    signature = []
    for follower in doc[token.i + 1 :]:
        if follower.is_space and "\n" in follower.text or follower.text in {".", "\n"}:
            break
        signature.append(follower)
    words = [t for t in signature if not t.is_punct and not t.is_space]
    if not words or len(words) > 8 or not any(t.pos_ == "PROPN" for t in words) or any(t.pos_ in {"VERB", "AUX"} for t in words):
        return None
    head = next((t for t in words if t.ent_type_ in {"PERSON", "ORG"}), words[0])
    head = max((t for t in words if t.pos_ == "PROPN"), key=lambda t: t.i) if head.ent_iob_ != "B" else head
    return AttributionDraft(
        cue_tokens=(token.i, token.i + 1),
        cue=(token.idx, token.idx + len(token)),
        source=(words[0].idx, words[-1].idx + len(words[-1])),
        source_head=head,
        content=[preceding.span],
        type="direct",
    )


RuleFinder = Callable[[Doc, Token, list[QuotedSpan]], Optional[AttributionDraft]]


# The rule finders in priority order: ``find_attributions`` asks each in turn and the first
# draft wins, so a token two finders could claim goes to the earlier one. All take the
# quotations, which only the verb cue and the colon and dash quotes read, so that one loop
# calls them alike.
RULE_FINDERS: tuple[RuleFinder, ...] = (
    according_to,
    in_poll,
    reportedly,
    verb_cue,
    noun_cue,
    adjective_cue,
    colon_quote,
    dash_quote,
)


# What each finder's first test requires of the token: ``find_attributions`` asks a finder
# only at such tokens (most words are none of these). A test checks every draft against it.
OPENS_ON: dict[RuleFinder, Opening] = {
    according_to: Opening(lowers=frozenset({"according"})),
    in_poll: Opening(lowers=frozenset({"in"})),
    reportedly: Opening(lowers=frozenset({"reportedly"})),
    verb_cue: Opening(pos=frozenset({"VERB", "AUX"}), tags=frozenset({"NNS"})),  # see reporting_lemma
    noun_cue: Opening(pos=frozenset({"NOUN"})),
    adjective_cue: Opening(pos=frozenset({"ADJ"})),
    colon_quote: Opening(lowers=frozenset({":"})),
    dash_quote: Opening(chars="—–―-"),
}
