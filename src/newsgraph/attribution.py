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

import logging
import re
from dataclasses import dataclass
from typing import Any, Optional

from spacy.tokens import Doc, Token

from .actors import ActorIndex, affiliation, resolve_pronoun
from .cues import CueModel, candidate, features, nominal
from .lexicon import lexicon
from .nlp import sentence_of, text_of
from .model import Attribution, Cue, Source, Span as CharSpan, make_id
from .quotes import Quote

__all__ = ["AttributionDraft", "find_attributions", "finalize", "known_frame"]

log = logging.getLogger(__name__)

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_COMPLEMENTS = {"ccomp", "parataxis"}
_RELAY_VERBS = {"tell", "inform", "brief", "write"}
_TRIM = set(" \t\n\r\u00a0,;:-–—\"'“”‘’")
_NOT_SOURCE_WORDS = {"so", "as", "thus"}
_PACKAGED: Any = object()  # sentinel: "use the packaged cue model"
_KIND_RANK = {"outlet": 0, "person": 1, "organization": 2, "group": 2, "agent": 3, "country": 4}
# What separates reported content from an inverted speaker: '"...," she said', '... - so reports X'.
_INVERSION_MARKS = {",", '"', "”", "’", "'", "-", "–", "—"}


@dataclass
class AttributionDraft:
    cue_tokens: tuple[int, int]  # token range of the cue
    cue: CharSpan
    source: Optional[CharSpan]
    source_head: Optional[Token]
    content: list[CharSpan]
    type: str
    recipient: Optional[Token] = None
    source_keys: tuple[str, ...] = ()
    source_kind: str = "vague"
    via: Optional[int] = None  # index of the relaying draft
    dispute_target: Optional[int] = None
    relation: Optional[str] = None  # disputes | supports | corrects
    id: str = ""
    cited_by: Optional[int] = None  # token index of the cue whose clause a "citing X" hangs on
    speaker_label: bool = False  # "Pence: ..." — a name used as a label is a named speaker


RelationRow = tuple[str, int, int, CharSpan]  # (type, from draft, to draft, evidence span)


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
    _relay(drafts, index)
    return drafts, relations


# -- cue finders ----------------------------------------------------------------------


def _generic_cue(doc: Doc, token: Token, quotes: list[Quote], *, bare: bool = True) -> Optional[AttributionDraft]:
    """A cue the learned model found in a frame the rules do not know: take the speaker from
    the subject and the content from the first complement the verb has; with ``bare``, from
    whatever the verb governs when it has no complement of a known kind."""
    subject = _subject(token)
    if subject is not None and subject.lower_ in {"you", "ye"}:
        return None
    if token.lemma_.lower() in _ASPECTUAL:
        return None  # "continues to put on a face": aspect, not speech or stance
    if _expletive(subject) and token.lemma_.lower() not in _SPEECH:
        return None  # "it is often overlooked that ...": the author's framing, not a source
    content = _framed_content(doc, token, quotes, subject)
    if not content and bare:
        content = _governed_content(doc, token, subject)
    return _verb_draft(token, subject, content) if content else None


def _generic_noun_cue(doc: Doc, noun: Token) -> Optional[AttributionDraft]:
    """A noun the learned model takes for a cue: "Turkey's refusal to acknowledge ...",
    "criticism of the plan", "calls for a ban". The owner is the source; the content is what
    the preposition or clause attached to the noun introduces."""
    text = text_of(doc)
    last = noun
    content: Optional[CharSpan] = None
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in _NOUN_PREPOSITIONS:
            obj = next((g for g in child.children if g.dep_ in {"pobj", "pcomp"}), None)
            if obj is None:
                continue
            if child.i == noun.i + 1:
                last = child  # the cue takes its preposition, as with verbs: "calls for"
            content = _subtree_span(obj)
            break
        if child.dep_ in {"acl", "ccomp", "relcl"} and any(m.lower_ in {"that", "to"} for m in child.children):
            content = _subtree_span(child)
            break
    if content is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    source = None
    if owner is not None:
        words = [t for t in owner.subtree if t.dep_ != "case"]
        source = _trim(text, (words[0].idx, words[-1].idx + len(words[-1]))) if words else None
    return AttributionDraft(
        cue_tokens=(noun.i, last.i + 1),
        cue=(noun.idx, last.idx + len(last)),
        source=source,
        source_head=owner,
        content=[_trim(text, content)],
        type="indirect",
    )


def known_frame(doc: Doc, token: Token, quotes: list[Quote]) -> bool:
    """Whether a verb has content in a frame the rules know (a clause, an infinitive, the
    object of a verb of saying, a quotation next to it). The learned judge must be surer of
    a verb without one (``CueModel.bare_threshold``); the trainer sets both thresholds."""
    return bool(_framed_content(doc, token, quotes, _subject(token)))


def _framed_content(doc: Doc, token: Token, quotes: list[Quote], subject: Optional[Token]) -> list[CharSpan]:
    complements = [c for c in token.children if c.dep_ in _COMPLEMENTS and _is_clause(c) and _complement_side_ok(token, c, subject)]
    content = [_trim(text_of(doc), _subtree_span(c)) for c in complements]
    content = content or _intention_content(doc, token)
    if not content and token.lemma_.lower() in _NP_CONTENT | lexicon().reporting_verbs:
        # A noun phrase is content only after a verb of saying or judging ("called it a
        # disgrace"), not after any verb ("put on a 'moderate' face").
        content = _object_content(doc, token)
    return content or _adjacent_quotes(doc, token, quotes)


_NOT_CONTENT_DEPS = {"punct", "cc", "conj", "aux", "auxpass", "neg", "prt", "mark", "advmod", "npadvmod", "dep"} | _SUBJECTS


def _governed_content(doc: Doc, verb: Token, subject: Optional[Token]) -> list[CharSpan]:
    """What a cue verb the model trusts governs, when no known frame names its content:
    its dependents after it ("pinned his hopes on South Carolina"), else those before it
    other than the speaker ("..., Viguerie argues")."""
    kept = [c for c in verb.children if c.dep_ not in _NOT_CONTENT_DEPS and c is not subject]
    cue_end = _cue_extent(verb)[1]
    # A preposition the cue takes ("pointed to") leaves its object as the content.
    kept = [next((g for g in c.children if g.dep_ in {"pobj", "pcomp"}), c) if c.dep_ == "prep" and c.i <= cue_end.i else c for c in kept]
    # Before the verb, an adverbial clause ("while Abbas ..., reports crop up") sets the scene.
    for side in ([c for c in kept if c.i > verb.i], [c for c in kept if c.i < verb.i and c.dep_ != "advcl"]):
        if side:
            span = _trim(text_of(doc), (_subtree_span(side[0])[0], _subtree_span(side[-1])[1]))
            if span[1] - span[0] > 1:
                return [span]
    return []


def _verb_draft(verb: Token, subject: Optional[Token], content: list[CharSpan], recipient: Optional[Token] = None) -> AttributionDraft:
    first, last = _cue_extent(verb)
    if subject is None:
        subject = _stranded_subject(verb, content)
    return AttributionDraft(
        cue_tokens=(verb.i, verb.i + 1),
        cue=(first.idx, last.idx + len(last)),
        source=_phrase(subject) if subject is not None else None,
        source_head=subject,
        content=[c for c in content if c[1] - c[0] > 1],
        type="indirect",
        recipient=recipient,
    )


def _according_to(doc: Doc, token: Token) -> Optional[AttributionDraft]:
    if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
    if not objects:
        return None
    source = _phrase(objects[0])
    sent = sentence_of(token)
    phrase_start = token.idx
    phrase_end = source[1]
    before = (sent.start_char, phrase_start)
    after = (phrase_end, sent.end_char)
    content = [s for s in (_trim(text_of(doc), before), _trim(text_of(doc), after)) if s[1] - s[0] > 1]
    return AttributionDraft(
        cue_tokens=(token.i, to.i + 1),
        cue=(token.idx, to.idx + len(to)),
        source=source,
        source_head=objects[0],
        content=content,
        type="according_to",
    )


_POLL_NOUNS = {"poll", "survey"}


def _in_poll(doc: Doc, token: Token) -> Optional[AttributionDraft]:
    """"In a new CNN poll, 38 percent of voters back ...": the poll is the source of the
    clause the fronted phrase frames, and PolNeAR takes "in" for its cue (as "according to").
    After the verb ("she rose in the polls") it is mostly a circumstance, not a source."""
    if token.lower_ != "in" or token.dep_ != "prep" or token.head.pos_ not in {"VERB", "AUX"} or token.i > token.head.i:
        return None
    poll = next((c for c in token.children if c.dep_ == "pobj"), None)
    if poll is None or poll.lemma_.lower() not in _POLL_NOUNS:
        return None
    text = text_of(doc)
    phrase_start, phrase_end = _subtree_span(token)
    clause_start, clause_end = _subtree_span(token.head)
    pieces = (_trim(text, (clause_start, phrase_start)), _trim(text, (phrase_end, clause_end)))
    return AttributionDraft(
        cue_tokens=(token.i, token.i + 1),
        cue=(token.idx, token.idx + len(token)),
        source=_phrase(poll),
        source_head=poll,
        content=[piece for piece in pieces if piece[1] - piece[0] > 1],
        type="indirect",
    )


def _reporting_lemma(token: Token) -> Optional[str]:
    """The reporting verb a token stands for, if any.

    The small parser sometimes tags "reports"/"says" in "as X reports," as a plural noun;
    a clause-level dependency shows it is the verb.
    """
    lex = lexicon()
    lemma = token.lemma_.lower()
    if token.pos_ in {"VERB", "AUX"}:
        return lemma if lemma in lex.reporting_verbs or lemma in _INTENTION or lemma in _NP_CONTENT else None
    if token.tag_ == "NNS" and token.dep_ in {"advcl", "ROOT", "ccomp", "parataxis", "conj"} and token.lower_.endswith("s"):
        singular = token.lower_[:-1]
        return singular if singular in lex.reporting_verbs else None
    return None


def _verb_cue(doc: Doc, token: Token, quotes: list[Quote]) -> Optional[AttributionDraft]:
    lex = lexicon()
    lemma = _reporting_lemma(token)
    if lemma is None:
        return None
    if token.pos_ == "NOUN":
        # "as the Palestinian Ma'an news service reports": the speaker may be parsed as the
        # subject of the mis-tagged verb or as a compound modifier of it.
        subjects = [c for c in token.lefts if c.dep_ == "nsubj"]
        modifiers = [c for c in token.lefts if c.dep_ in {"compound", "amod", "nmod"}]
        subject = (subjects or modifiers or [None])[-1]
    else:
        subject = _subject(token)
    if lemma in _CITING and token.dep_ in {"advcl", "xcomp", "conj"}:
        return _citing(doc, token)
    complements = [c for c in token.children if c.dep_ in _COMPLEMENTS and _is_clause(c) and _complement_side_ok(token, c, subject)]
    content: list[CharSpan] = []
    for c in complements:
        content.extend(_around_extraction(doc, token, subject, _cut_citing(doc, _trim(text_of(doc), _subtree_span(c)), c)))
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"as", "like"} for c in token.children):
        # "as the agency reports, <clause>": the rest of the sentence is the content.
        clause_end = _subtree_span(token)[1]
        content.append(_trim(text_of(doc), (clause_end, sentence_of(token).end_char)))
    if not content and lemma in lex.reporting_verbs:
        content = _parenthetical_content(doc, token, subject)
    if not content and lemma in _INTENTION:
        content = _intention_content(doc, token)
    if not content and lemma in _NP_CONTENT:
        content = _object_content(doc, token)
    if not content and lemma in lex.reporting_verbs and lemma not in lex.needs_complement and lemma not in lex.dispute_verbs:
        content = _adjacent_quotes(doc, token, quotes) or _following_paragraph(doc, token)
    if not content or (subject is not None and subject.lower_ in {"you", "ye"}):
        # "You may not know that ...": the author addressing the reader, not a source.
        return None
    recipient = None
    if lemma in _RELAY_VERBS:
        recipient = next((c for c in token.children if c.dep_ in {"dobj", "dative"}), None)
    return _verb_draft(token, subject, content, recipient)


_CITING = {"cite", "quote"}
# Prepositions whose gerund is done by the main clause's subject: "by saying", "before adding".
_SUBJECT_CONTROL = {"by", "in", "after", "before", "while", "through", "without", "despite", "since", "upon", "when"}
# Raising verbs: their subject is what seems so, not who holds the view.
_RAISING = {"seem", "appear", "sound"}
_ASPECTUAL = {"continue", "begin", "start", "keep", "stop", "resume", "try", "manage", "fail", "use", "go", "come", "get", "have", "need", "help", "cease", "tend"}
# Verbs of saying and thinking that can stand as a parenthetical ("..., he said, ...").
_SPEECH = {
    "say", "tell", "add", "note", "explain", "insist", "argue", "write", "report", "claim",
    "warn", "acknowledge", "contend", "predict", "stress", "conclude", "suggest", "believe",
    "think", "recall", "observe", "remark", "admit", "concede", "complain", "reckon", "suspect",
    "announce", "declare", "maintain", "reply", "respond", "assert", "emphasize", "emphasise",
}
# Stance and intention verbs whose infinitive is what the source wants or intends (PolNeAR
# annotates these as attributions): "Clinton wants to ...", "urged Congress to ...".
_INTENTION = {
    "want", "plan", "intend", "hope", "promise", "vow", "pledge", "threaten", "refuse",
    "decline", "seek", "aim", "agree", "decide", "expect", "urge", "ask", "call", "wish",
    "offer", "propose", "demand", "encourage", "invite", "press", "push",
}
# Verbs whose object noun phrase is the attributed content: "called his supporters
# 'deplorables'", "cited the report", "criticized the decision".
_NP_CONTENT = {
    "call", "cite", "note", "describe", "criticize", "criticise", "accuse", "praise", "blame",
    "condemn", "deny", "announce", "endorse", "reject", "question", "welcome", "slam", "blast",
    "mention", "acknowledge", "tweet", "echo", "reference", "dismiss", "characterize", "label",
    "dub", "brand", "support", "back", "oppose", "defend", "attack", "urge", "warn", "thank",
    "applaud", "dispute", "challenge", "highlight", "tout", "hail", "predict", "promise",
    "recommend", "demand", "propose", "rule", "decry", "denounce", "lambaste", "mock", "ridicule",
}
_OBJECT_DEPS = {"dobj", "oprd", "dative", "ccomp", "xcomp"}


def _parenthetical_content(doc: Doc, verb: Token, subject: Optional[Token]) -> list[CharSpan]:
    """"But to prevent problems, he said, local officials ...": a speech verb set off by commas
    inside the clause it reports; the content is that clause without the parenthetical."""
    head = verb.head
    if verb.dep_ not in {"parataxis", "ccomp", "advcl", "conj"} or head.i == verb.i or subject is None:
        return []
    if verb.lemma_.lower() not in _SPEECH or len(list(verb.subtree)) > 8:
        return []
    # The parenthetical itself: speaker to verb (its commas are punctuation children).
    words = [t for t in verb.subtree if not t.is_punct]
    inner = (min(t.idx for t in words), max(t.idx + len(t) for t in words))
    before = text_of(doc)[: inner[0]].rstrip()
    after = text_of(doc)[inner[1] :].lstrip()
    if not (before.endswith(",") and (after.startswith(",") or after.startswith(".") or not after)):
        return []
    outer = _subtree_span(head)
    pieces = [_trim(text_of(doc), (outer[0], inner[0])), _trim(text_of(doc), (inner[1], outer[1]))]
    return [p for p in pieces if p[1] - p[0] > 2]


def _intention_content(doc: Doc, verb: Token) -> list[CharSpan]:
    """The infinitive complement of a stance verb, with its own subject when it has one."""
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children)), None)
    if xcomp is None:
        return []
    start = _subtree_span(xcomp)[0]
    addressee = next((c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i < xcomp.i), None)
    if addressee is not None:
        start = _subtree_span(addressee)[0]  # "urged Congress to act": Congress to act
    return [_trim(text_of(doc), (start, _subtree_span(xcomp)[1]))]


def _object_content(doc: Doc, verb: Token) -> list[CharSpan]:
    """The object phrase (with its predicate: "called X 'deplorables'") as content."""
    parts = [c for c in verb.rights if c.dep_ in _OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in {"for", "of", "as", "on"})]
    if not any(c.dep_ in {"dobj", "ccomp", "xcomp"} or c.dep_ == "prep" for c in parts):
        return []
    first = min(parts, key=lambda c: c.i)
    if first.dep_ == "prep":
        # "commented on the plan": the content is what the preposition introduces.
        pobj = next((c for c in first.children if c.dep_ in {"pobj", "pcomp"}), None)
        parts = [pobj if c is first and pobj is not None else c for c in parts]
    start = min(_subtree_span(c)[0] for c in parts)
    end = max(_subtree_span(c)[1] for c in parts)
    return [_trim(text_of(doc), (start, end))]


def _following_paragraph(doc: Doc, verb: Token) -> list[CharSpan]:
    """"He said:" closing a paragraph: the next paragraph is what he said."""
    after = text_of(doc)[_subtree_span(verb)[1] : sentence_of(verb).end_char]
    tail = text_of(doc)[verb.idx + len(verb) : sentence_of(verb).end_char].strip()
    if not tail.endswith(":") and not after.strip().startswith(":"):
        return []
    start = sentence_of(verb).end_char
    while start < len(text_of(doc)) and text_of(doc)[start].isspace():
        start += 1
    end = text_of(doc).find("\n\n", start)
    end = len(text_of(doc)) if end < 0 else end
    return [_trim(text_of(doc), (start, end))] if end - start > 2 else []


def _citing(doc: Doc, token: Token) -> Optional[AttributionDraft]:
    """"..., citing sources familiar with the talks": the cited noun is the source of the
    clause the participle hangs on; the outer cue relays it."""
    cited = next((c for c in token.children if c.dep_ == "dobj"), None)
    if cited is None or not _can_be_source(cited):
        return None  # "citing low growth": a reason, not a source
    head = token.head
    clause = _subtree_span(head)
    citing_start = _subtree_span(token)[0]
    complement = next((c for c in head.children if c.dep_ in _COMPLEMENTS and c.i < token.i), None)
    start = _subtree_span(complement)[0] if complement is not None else clause[0]
    content = _trim(text_of(doc), (start, citing_start))
    if content[1] - content[0] < 2:
        return None
    return AttributionDraft(
        cue_tokens=(token.i, token.i + 1),
        cue=(token.idx, token.idx + len(token)),
        source=_phrase(cited),
        source_head=cited,
        content=[content],
        type="indirect",
        cited_by=head.i,
    )


def _expletive(subject: Optional[Token]) -> bool:
    """"It" of "it is said that ...": a placeholder subject, not a speaker."""
    return subject is not None and subject.lower_ == "it" and (
        subject.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in subject.head.children)
    )


def _can_be_source(noun: Token) -> bool:
    lex = lexicon()
    lemma = noun.lemma_.lower()
    return (
        noun.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
        or noun.pos_ in {"PROPN", "PRON"}
        or lemma in lex.anonymous_heads | lex.official_heads | lex.vague_heads | lex.outlet_heads
    )


def _around_extraction(doc: Doc, verb: Token, subject: Optional[Token], span: CharSpan) -> list[CharSpan]:
    """The content of "a sentence, which he said was unfair" or "what analysts say is a sign":
    the relative or wh-word moved out of the reported clause opens it, and the speaker and cue
    between it and the rest are cut out."""
    if not span[0] < verb.idx < span[1]:
        return [span]
    opener = doc[verb.left_edge.i] if verb.dep_ == "relcl" else None
    opener = opener or next((t for t in doc.char_span(*span, alignment_mode="expand") or () if t.i < verb.i), None)
    if opener is None or not (opener.tag_ in _WH_TAGS or (opener.lower_ == "that" and verb.dep_ == "relcl")):
        return [span]
    gap_start = min([_cue_extent(verb)[0].idx] + ([_phrase(subject)[0]] if subject is not None else []))
    text = text_of(doc)
    pieces = [_trim(text, (span[0], gap_start)), _trim(text, (verb.idx + len(verb), span[1]))]
    return [p for p in pieces if p[1] > p[0]]


_WH_TAGS = {"WDT", "WP", "WP$", "WRB"}


def _cut_citing(doc: Doc, span: CharSpan, clause: Token) -> CharSpan:
    """Content stops where a ", citing X" phrase inside it begins."""
    for token in clause.subtree:
        if token.dep_ == "advcl" and token.lemma_.lower() in _CITING and token.idx > span[0]:
            return _trim(text_of(doc), (span[0], min(span[1], _subtree_span(token)[0])))
    return span


_NOUN_PREPOSITIONS = {"of", "about", "for", "over", "against", "on", "to", "toward", "towards", "with"}
_CUE_PREPOSITIONS = {"to", "about", "for", "against", "with", "of", "on", "over", "by"}
_CUE_ADVERBS = {"also", "then", "later", "previously", "earlier", "repeatedly", "again", "further", "first"}


def _cue_extent(verb: Token) -> tuple[Token, Token]:
    """The verb with its auxiliaries, negation and particle: "has not said", "pointed out"."""
    doc = verb.doc
    first = verb
    while first.i > 0 and doc[first.i - 1].head == verb and (
        doc[first.i - 1].dep_ in {"aux", "auxpass", "neg"} or doc[first.i - 1].lower_ in _CUE_ADVERBS
    ):
        first = doc[first.i - 1]
    last = verb
    if verb.i + 1 < len(doc) and doc[verb.i + 1].head == verb and doc[verb.i + 1].dep_ == "prt":
        last = doc[verb.i + 1]
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    # "said of Trump", "said on Fox": PolNeAR's cue is the bare "said" (three times in four
    # on train), where other verbs take the preposition ("called for", "referring to").
    if following is not None and following.head == verb and following.dep_ == "prep" and following.lower_ in _CUE_PREPOSITIONS and verb.lemma_.lower() != "say":
        objects = [c for c in following.children if c.dep_ == "pobj"]
        if not any(o.ent_type_ in {"DATE", "TIME"} for o in objects):
            last = following  # PolNeAR's cues take the preposition: "called for", "referring to"
    return first, last


def _complement_side_ok(verb: Token, complement: Token, subject: Optional[Token]) -> bool:
    """A complement before its verb is reported speech only when the speaker follows it.

    "'...,' the newspaper says" and "..., so reports X" qualify; a headline fragment that the
    parser hung on the verb ("supporters, take note: sources say ...") does not.
    """
    if complement.i > verb.i:
        return True
    if complement.dep_ == "parataxis" or subject is None or subject.i < complement.right_edge.i:
        return False
    doc = verb.doc
    following = next((t for t in doc[complement.right_edge.i + 1 : subject.i + 1] if not t.is_space), None)
    return following is not None and following.text in _INVERSION_MARKS


_NOUN_CUES = {
    "claim", "report", "statement", "assertion", "allegation", "warning", "suggestion",
    "argument", "belief", "view", "promise", "pledge", "threat", "denial", "admission",
    "remark", "comment", "assessment", "estimate", "finding", "conclusion", "insistence",
    "accusation", "charge", "contention", "speculation", "rumor", "rumour", "announcement",
    "prediction", "assurance", "testimony", "complaint", "concern", "fear", "hope", "sense",
}


def _noun_cue(doc: Doc, token: Token) -> Optional[AttributionDraft]:
    """"Trump's claim that the election is rigged": a reporting noun with its clause."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in _NOUN_CUES:
        return None
    clause = next((c for c in token.children if c.dep_ in {"acl", "ccomp", "relcl"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return None
    source = next((c for c in token.children if c.dep_ in {"poss", "compound"} and c.pos_ in {"PROPN", "PRON", "NOUN"}), None)
    if source is None:
        by = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in {"by", "from", "of"}), None)
        source = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    return AttributionDraft(
        cue_tokens=(token.i, token.i + 1),
        cue=(token.idx, token.idx + len(token)),
        source=_phrase(source) if source is not None else None,
        source_head=source,
        content=[_trim(text_of(doc), _subtree_span(clause))],
        type="indirect",
    )


# Adjectives of stance: "critics were skeptical of the plan", "she is confident that ...".
_STANCE_ADJECTIVES = {
    "critical", "skeptical", "sceptical", "confident", "wary", "concerned", "worried", "optimistic",
    "pessimistic", "supportive", "nervous", "enthusiastic", "hopeful", "doubtful", "convinced",
    "unhappy", "angry", "upset", "frustrated", "furious", "impressed", "sympathetic", "dismissive",
    "suspicious", "fearful", "proud", "certain", "adamant", "eager", "keen", "reluctant", "opposed",
}
_STANCE_PREPOSITIONS = {"of", "about", "with", "toward", "towards", "over", "at", "to"}


def _adjective_cue(doc: Doc, token: Token) -> Optional[AttributionDraft]:
    """"Democrats are not confident that ...", "Marcus has been critical of Trump": a stance
    adjective after a copula; its subject holds the stance, its clause or object is the content."""
    if token.pos_ != "ADJ" or token.dep_ != "acomp" or token.lemma_.lower() not in _STANCE_ADJECTIVES:
        return None
    copula = token.head
    if copula.lemma_.lower() != "be":
        return None
    content_head, last = None, token
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in _STANCE_PREPOSITIONS:
            content_head = next((g for g in child.children if g.dep_ in {"pobj", "pcomp"}), None)
            last = child if child.i == token.i + 1 else token
            break
        if child.dep_ in {"ccomp", "xcomp"}:
            content_head = child
            break
    subject = _subject(copula)
    if content_head is None or subject is None or subject.lower_ in {"it", "there", "this", "that", "what"}:
        return None  # "it is good to be optimistic about ...": nobody in particular
    first = copula
    while first.i > 0 and doc[first.i - 1].head == copula and doc[first.i - 1].dep_ in {"aux", "neg"}:
        first = doc[first.i - 1]
    return AttributionDraft(
        cue_tokens=(first.i, last.i + 1),
        cue=(first.idx, last.idx + len(last)),
        source=_phrase(subject),
        source_head=subject,
        content=[_trim(text_of(doc), _subtree_span(content_head))],
        type="indirect",
    )


def _colon_quote(doc: Doc, token: Token, quotes: list[Quote]) -> Optional[AttributionDraft]:
    """``Abbas: "We will not give up."`` — a name, a colon, then a quotation; also the
    headline and transcript forms ``Pence: Flowers won't be at debate``, ``WALLACE: Let's start``."""
    if token.text != ":" or token.i == sentence_of(token).start:
        return None
    head_tokens = [t for t in doc[sentence_of(token).start : token.i] if not t.is_punct and not t.is_space]
    if not head_tokens or len(head_tokens) > 6 or any(t.pos_ in {"VERB", "AUX"} for t in head_tokens):
        return None
    if not _speaker_label(head_tokens):
        return None
    following = next((q for q in quotes if not q.single and 0 <= q.start - (token.idx + 1) <= 3), None)
    if following is None:
        # Unquoted: only a short name (a speaker label), and the rest of the sentence.
        if len(head_tokens) > 3 or not (head_tokens[0].pos_ == "PROPN" or head_tokens[0].is_title or head_tokens[0].is_upper):
            return None
        if any(t.lower_ in {"update", "note", "editor", "correction", "watch", "video", "photo", "read", "related"} for t in head_tokens):
            return None  # editorial labels, not speakers
        if any(t.ent_type_ in {"GPE", "LOC", "FAC", "DATE", "TIME"} for t in head_tokens):
            return None  # "Gaza: ...", "Tuesday: ..." are datelines, not speakers
        rest = _trim(text_of(doc), (token.idx + 1, sentence_of(token).end_char))
        if len(text_of(doc)[rest[0] : rest[1]].split()) < 3:
            return None
        following = Quote(rest[0], rest[1], -1)
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


def _speaker_label(words: list[Token]) -> bool:
    """Whether the words before a colon can name a speaker: not a letter ("Q:", "A:"), not a
    phrase of common words ("The result:", "A reminder:", "Also of interest:"). A lone
    capitalised word stays a name ("Pence:"): the tagger often takes a name for a noun."""
    if len(words) == 1 and len(words[0]) == 1:
        return False
    if any(t.pos_ in {"PROPN", "PRON"} or t.is_upper or _can_be_source(t) for t in words):
        return True
    return words[0].is_title and not any(t.pos_ in {"DET", "ADP", "ADV"} for t in words)


def _dash_quote(doc: Doc, token: Token, quotes: list[Quote]) -> Optional[AttributionDraft]:
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


# -- helpers ----------------------------------------------------------------------------


def _is_clause(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or any(c.dep_ in _SUBJECTS for c in token.children)


def _subject(verb: Token) -> Optional[Token]:
    if verb.lemma_.lower() in _RAISING:
        return None  # "Trump seemed to ...": what seems is the author's view, not Trump's
    node: Optional[Token] = verb
    for _ in range(4):
        if node is None:
            return None
        subjects = [c for c in node.children if c.dep_ in _SUBJECTS and c.lower_ not in _NOT_SOURCE_WORDS]
        if node is verb and (any(c.dep_ in {"nsubjpass", "auxpass"} for c in node.children) or _bare_participle(node)):
            # "Trump was criticized by his rivals": the rivals speak; "is expected": nobody named.
            agent = next((c for c in node.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if subjects:
            # "so reports X": the parser may attach both "so" and X as subjects; X is the speaker.
            return subjects[-1]
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            # "the voters saying they want a ban"; "X issued a statement saying ...": X.
            return _issuer(node.head) or node.head
        if (
            node.dep_ in {"xcomp", "advcl"}
            and node.head.lemma_.lower() in _OBJECT_CONTROL
            and (node.tag_ == "VBG" or any(c.tag_ == "TO" for c in node.children))
        ):
            # "The victory led Priebus to declare ...": the one led declares.
            obj = next((c for c in node.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.lower_ in _SUBJECT_CONTROL and node.head.head.i != node.head.i:
            # "by pointing out that ...": the one who does the main verb (not in "accused
            # Israel of attacking", where the object does it).
            node = node.head.head
            continue
        if node.dep_ in {"advcl", "conj", "xcomp"} and node.head.i != node.i:
            node = node.head
            continue
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        return None
    return None


_FINITE_TAGS = {"VBD", "VBZ", "VBP"}
# Where the small parser leaves the speaker of a finite verb: "Bill Skelly, a data operative,
# vouched for ..." (Skelly an adverb, the apposition kept), "Tanden, head of ..., recounted".
_STRANDED_DEPS = {"nsubj", "nsubjpass", "appos"}
_NOT_SPEAKERS = {"it", "this", "that", "which", "there", "what"}


def _stranded_subject(verb: Token, content: list[CharSpan]) -> Optional[Token]:
    """The speaker of a finite, active verb the parser left without a subject: the nearest
    subject, apposition or stray proper noun before it in its sentence, skipping objects and
    prepositional phrases; none when that word cannot be a source or lies in the content."""
    children = list(verb.children)
    if verb.pos_ != "VERB" or verb.lemma_.lower() in _RAISING or any(c.dep_ in _SUBJECTS | {"auxpass", "expl"} for c in children):
        return None
    if not (verb.tag_ in _FINITE_TAGS or (verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in children))):
        return None
    for token in reversed(verb.doc[sentence_of(verb).start : verb.i]):
        if token.dep_ in _STRANDED_DEPS or (token.pos_ == "PROPN" and token.dep_ in {"advmod", "npadvmod", "dep", "ROOT"}):
            if token.lower_ in _NOT_SPEAKERS or not _can_be_source(token) or any(s <= token.idx < e for s, e in content):
                return None
            return token
    return None


# Verbs whose object does what their infinitive says: "led Priebus to declare", "prompted
# them to ask", "leaving some to wonder".
_OBJECT_CONTROL = {"lead", "prompt", "leave", "cause", "force", "inspire", "spur", "drive", "move", "compel", "provoke", "encourage", "persuade", "convince"}
# Documents that speak for whoever issued them: "X released an ad calling ...".
_DOCUMENTS = {"statement", "ad", "advertisement", "letter", "memo", "video", "email", "tweet", "post", "release", "message", "note", "column", "op-ed", "editorial"}


def _issuer(document: Token) -> Optional[Token]:
    """The subject of the verb a document is the object of ("Black Lives Matter issued a
    statement"); None for other nouns or when that subject cannot be a source."""
    if document.lemma_.lower() not in _DOCUMENTS or document.dep_ != "dobj":
        return None
    subject = next((c for c in document.head.children if c.dep_ in _SUBJECTS), None)
    return subject if subject is not None and _can_be_source(subject) and subject.lower_ not in _NOT_SPEAKERS else None


def _bare_participle(verb: Token) -> bool:
    """"Asked whether ..., Carson said", "Kyle, referred to as ...": a past participle opening
    or modifying a clause is passive; whoever asked or referred is not named by the clause."""
    return verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl"} and not any(c.dep_ in {"aux", "nsubj"} for c in verb.children)


def _phrase(head: Token) -> CharSpan:
    """A noun phrase's characters, without relative clauses or trailing appositive brackets."""
    tokens = [head]
    for child in head.subtree:
        if child is head:
            continue
        if any(a.dep_ in {"relcl", "acl", "punct"} and a.head == head and a is not head for a in [child]):
            continue
        tokens.append(child)
    tokens = [t for t in tokens if not (t.is_punct and t.text not in {"'s", "-", "–", "'"})] or [head]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    # Keep the phrase contiguous: stop at the first relative clause after the head.
    for child in head.rights:
        if child.dep_ in {"relcl", "acl"}:
            end = min(end, max(head.idx + len(head), child.left_edge.idx - 1))
    text = text_of(head.doc)
    start, end = _trim(text, (start, end))
    if text.count("(", start, end) > text.count(")", start, end) and text[end : end + 1] == ")":
        end += 1  # "Middle East Newsline (MENL)": keep the bracket closed
    return (start, end)


def _subtree_span(token: Token) -> CharSpan:
    left, right = token.left_edge, token.right_edge
    return (left.idx, right.idx + len(right))


def _trim(text: str, span: CharSpan) -> CharSpan:
    start, end = span
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM - {'"', "”", "’", "'"} | {" ", "\n", "\u00a0", ",", ";", ":"}:
        end -= 1
    # A quotation closed just past the span belongs to it: 'called the plan "unworkable"'.
    if text.count('"', start, end) % 2 == 1 and text[end : end + 1] == '"' and text[start : start + 1] != '"':
        end += 1
    # A closing quotation mark without its opening one in the span is the quote's edge:
    # 'the talks were "going nowhere"' keeps it, '...elections."' loses it.
    while end > start and text[end - 1] in '"”' and text.count('"', start, end) % 2 == 1 and "“" not in text[start:end]:
        end -= 1
        while end > start and text[end - 1] in " \n\u00a0,;:":
            end -= 1
    dateline = _DATELINE.match(text, start, end)
    if dateline and (start == 0 or text[start - 1] == "\n"):
        start = dateline.end()
    return (start, end)


# "KHARTOUM, March 12 (Reuters) - " opening a wire story is not part of what anyone said.
_DATELINE = re.compile(r"[A-Z][A-Za-z.' -]{1,40}, [A-Z][a-z]{2,9}\.? \d{1,2}(?: \([^)]{1,40}\))? [-–—] ")


def _adjacent_quotes(doc: Doc, verb: Token, quotes: list[Quote]) -> list[CharSpan]:
    """Quotations in the cue's sentence, or right before it ("'...,' he said.")."""
    sent = sentence_of(verb)
    found = [q.span for q in quotes if not q.single and q.start >= sent.start_char - 1 and q.end <= sent.end_char + 1]
    # A quotation opened in an earlier sentence and closed before the cue ('... consciousness,"
    # said Caddell'), or opened after the cue and running on ('said: "Did ...? ..."').
    found += [
        q.span
        for q in quotes
        if not q.single and q.span not in found and (
            (q.start < sent.start_char <= q.end <= verb.idx and "\n" not in text_of(doc)[q.start : sent.start_char])
            or (verb.idx < q.start < sent.end_char and q.end > sent.end_char)
        )
    ]
    if not found and len(sent) <= 8:
        # '"We will win," he said.' split into two sentences: the quote just before, in the
        # same paragraph.
        found = [q.span for q in quotes if not q.single and 0 <= sent.start_char - q.end <= 3 and "\n" not in text_of(doc)[q.end : sent.start_char]]
    # Short quoted words inside a sentence are scare quotes or titles, not speech, unless the
    # quote closes on its own punctuation ('"Okay," I said').
    return [span for span in found if len(text_of(doc)[span[0] : span[1]].split()) > 3 or text_of(doc)[span[1] - 1 : span[1]] in {",", ".", "?", "!"}]


def _snap_to_quotes(text: str, content: list[CharSpan], quotes: list[Quote]) -> list[CharSpan]:
    """Widen content spans that cut into a quotation to cover it, and merge overlaps."""
    spans = []
    for start, end in content:
        for quote in quotes:
            if quote.single or len(text[quote.start : quote.end].split()) <= 3:
                continue
            if quote.start < end and start < quote.end:
                start, end = min(start, quote.start), max(end, quote.end)
        spans.append(_trim(text, (start, end)))
    spans.sort()
    merged: list[CharSpan] = []
    for span in spans:
        if merged and span[0] <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span[1]))
        else:
            merged.append(span)
    return [s for s in merged if s[1] - s[0] > 1]


def _quote_type(content: list[CharSpan], quotes: list[Quote]) -> str:
    quoted = 0
    total = 0
    for start, end in content:
        total += end - start
        for quote in quotes:
            if quote.single:
                continue
            overlap = min(end, quote.end) - max(start, quote.start)
            if overlap > 0:
                quoted += overlap
    if total == 0 or quoted == 0:
        return "indirect"
    return "direct" if quoted >= 0.9 * total else "mixed"


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
    head = draft.source_head
    if head is None:
        draft.source_kind = "vague"
        return
    keys = index.keys_at(head)
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
        if outer is None or outer is inner:
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
    in those clauses, and relative clauses, are as often part of the content (measured on
    PolNeAR train), so they stay nested."""
    text = text_of(doc)
    for inner in drafts:
        verb = doc[inner.cue_tokens[0]]
        if verb.dep_ not in _EMBEDDED_CLAUSES or verb.lemma_.lower() not in _SPEECH or inner.cited_by is not None:
            continue
        if any(not q.single and q.start <= verb.idx < q.end for q in quotes):
            continue  # words inside a quotation are the speaker's, cues included
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
        draft.id = make_id("att", article_key, draft.cue, draft.source)
    out = []
    for draft in drafts:
        chain = []
        node: Optional[AttributionDraft] = draft
        seen = set()
        while node is not None and id(node) not in seen:
            seen.add(id(node))
            chain.append(_source_name(text, node, index))
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


def _source_name(text: str, draft: AttributionDraft, index: ActorIndex) -> str:
    if draft.source_keys and draft.source_kind in {"named_person", "named_organization", "outlet"}:
        return index.name_of(draft.source_keys[0])
    if draft.source:
        return text[draft.source[0] : draft.source[1]]
    return "unnamed source"




# -- relations between attributions ---------------------------------------------------

_ANAPHORIC_NOUNS = {
    "claim", "report", "allegation", "assertion", "statement", "charge", "accusation",
    "account", "story", "suggestion", "notion", "idea", "contention", "rumor", "rumour", "version",
}


def _find_relations(doc: Doc, drafts: list[AttributionDraft]) -> list[RelationRow]:
    """(type, from draft, to draft, evidence span): a cue that takes an earlier claim as its object.

    "X puts the lie to this claim", "X denied the report", "Y confirmed it": the object
    points back to the most recent attribution by another source.
    """
    lex = lexicon()
    found = []
    for token in doc:
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = token.lemma_.lower()
        relation = None
        obj = None
        if lemma in lex.dispute_verbs:
            relation, obj = "disputes", _object(token)
        elif lemma in lex.support_verbs:
            relation, obj = "supports", _object(token)
        elif lemma in lex.correct_verbs:
            relation, obj = "corrects", _object(token)
        elif lemma in {"put", "give"}:
            lie = next((c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.dispute_nouns), None)
            if lie is not None:
                # "puts the lie to this claim": the disputed thing is the object of "to".
                relation = "disputes"
                obj = _object(lie, preps_only=True) or _object(token, preps_only=True)
        if relation is None or obj is None or not _is_anaphoric(obj):
            continue
        sent = sentence_of(token)
        speaker = _subject(token)
        speaker_span = _phrase(speaker) if speaker is not None else None
        origin = next(
            (i for i, d in enumerate(drafts) if sent.start_char <= d.cue[0] < sent.end_char and (speaker_span is None or d.source == speaker_span)),
            None,
        )
        if origin is None:
            origin = len(drafts)
            drafts.append(
                AttributionDraft(
                    cue_tokens=(token.i, token.i + 1),
                    cue=(token.idx, token.idx + len(token)),
                    source=speaker_span,
                    source_head=speaker,
                    content=[_trim(text_of(doc), _subtree_span(obj))],
                    type="indirect",
                )
            )
        targets = [i for i, d in enumerate(drafts) if d.cue[0] < sent.start_char and d.source != speaker_span]
        if not targets:
            continue
        evidence = (token.idx, obj.right_edge.idx + len(obj.right_edge))
        found.append((relation, origin, targets[-1], evidence))
    return found


def _object(token: Token, preps_only: bool = False) -> Optional[Token]:
    for child in token.children:
        if child.dep_ in {"dobj", "attr"} and not preps_only:
            return child
        if child.dep_ == "prep" and child.lower_ in {"to", "of", "on"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _is_anaphoric(noun: Token) -> bool:
    if noun.lower_ in {"it", "this", "that", "these", "those"}:
        return True
    dets = {c.lower_ for c in noun.children if c.dep_ in {"det", "poss"}}
    return noun.lemma_.lower() in _ANAPHORIC_NOUNS and bool(dets & {"this", "that", "these", "those", "the", "such", "its", "their"})
