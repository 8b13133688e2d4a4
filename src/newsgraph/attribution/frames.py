"""Cue finders: each looks at one token and, when it opens an attribution frame (a reporting
verb with its complement, "according to", a poll, a stance noun or adjective, a speaker label
before a colon or dash), returns the draft with its cue, speaker and content."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ..words.lexicon import lexicon
from ..nlp import marked_by, sentence_of, text_of
from ..model import Span as CharSpan
from ..quotes import Quote
from .parse import (
    _adjacent_quotes,
    AttributionDraft,
    _bare_participle,
    _can_be_source,
    _COMPLEMENTS,
    _complement_clause,
    _cue_extent,
    _expletive,
    _INTENTION,
    _INVERSION_MARKS,
    _is_clause,
    _NP_CONTENT,
    _OBJECT_DEPS,
    _phrase,
    _RELAY_VERBS,
    _reporting_lemma,
    _SPEECH,
    _stranded_subject,
    _inverted_speaker,
    _subject,
    _subtree_span,
    _trim,
)


# Light verbs whose subject holds the view their object noun names: "he has a view of", "Byrne
# gives an account of", "the Times made allegations against". Verbs outside it are mostly
# ones whose subject receives or sets off the view ("won the endorsement of", "sparked
# speculation", "footage shows"), so the noun keeps no speaker there.
_HOLDING_VERBS = {
    "have", "give", "make", "offer", "provide", "express", "voice", "share", "deliver", "issue",
    "level", "launch", "mount", "file", "lodge", "repeat", "reiterate", "hold", "harbor", "harbour",
    "pose", "air", "publish", "distribute", "post", "send", "regale", "take", "adopt", "outline",
    "present", "articulate", "echo", "reaffirm", "stake", "lay", "put", "press", "renew", "step",
    "escalate", "intensify", "sharpen", "soften", "fire", "hurl", "pen", "write", "tweet", "run",
}


# Prepositions that frame a cue noun as the manner of what the clause's subject does:
# "said in a statement", "rose to the defense of", "went on a rant about", "spoke with
# admiration of". Whatever the verb, its subject holds the view.
_FRAMING_PREPOSITIONS = {"in", "into", "on", "to", "with"}


def _noun_speaker(noun: Token) -> Optional[Token]:
    """Who holds the view a cue noun without an owner names: the one it comes from
    ("criticism from Republicans", "a mention by the senator"), else the subject of the verb
    that has, gives or makes it ("he has a view of", "Byrne gives an account of", "the
    Times made allegations against", "regaled them with stories about"), or of any verb
    the noun frames through a preposition ("rose to the defense of")."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"from", "by"}:
            speaker = next((g for g in child.children if g.dep_ == "pobj"), None)
            if speaker is not None and _can_be_source(speaker):
                return speaker
    verb = noun.head
    framing = noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in _FRAMING_PREPOSITIONS
    if framing:
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    # Past a preposition any verb frames the noun, except a reporting verb: in "said in a
    # statement" the verb is the cue, its speaker already named there.
    if verb.lemma_.lower() not in _HOLDING_VERBS and (not framing or _reporting_lemma(verb) is not None):
        return None
    subject = _subject(verb)
    if subject is None or _expletive(subject) or subject.lower_ in {"there", "you"}:
        return None
    return subject


# Verbs whose object feels what the subject sets off: "the remark worried analysts", "his
# comments angered donors". PolNeAR takes the one who feels it for the source and what set
# it off for the content (or what they were convinced of).
_OBJECT_EXPERIENCER = {
    "alarm", "amaze", "anger", "annoy", "appal", "appall", "astonish", "baffle", "bother",
    "convince", "delight", "disappoint", "disgust", "dismay", "disturb", "embarrass", "enrage",
    "frighten", "frustrate", "horrify", "impress", "infuriate", "irritate", "offend", "outrage",
    "please", "rattle", "reassure", "scare", "shock", "spook", "startle", "stun", "surprise",
    "terrify", "thrill", "trouble", "unnerve", "unsettle", "upset", "worry",
}


def _experiencer(verb: Token) -> Optional[tuple[Token, list[CharSpan]]]:
    """The one who feels it and what set it off, for a verb of ``_OBJECT_EXPERIENCER``:
    the object and subject of "the remark worried analysts", the subject (or the one a
    participle describes) and agent of "donors were angered by the remark"; None for other
    verbs or when one is missing."""
    if verb.lemma_.lower() not in _OBJECT_EXPERIENCER:
        return None
    children = list(verb.children)
    text = text_of(verb.doc)
    bare = _bare_participle(verb)
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in children) or bare:
        felt_by = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if felt_by is None and bare:
            # "Angered by the ruling, the mayor ...", "voters angered by the ruling": whoever
            # the participle describes.
            felt_by = verb.head if verb.dep_ == "acl" else next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        agent = next((c for c in children if c.dep_ == "agent"), None)
        cause = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    else:
        felt_by = next((c for c in children if c.dep_ == "dobj"), None)
        cause = next((c for c in children if c.dep_ in {"nsubj", "csubj"}), None)
    clause = next((c for c in children if c.dep_ == "ccomp"), None)  # "convinced them that ..."
    cause = clause or cause
    if felt_by is None or cause is None or _expletive(cause):
        return None
    return felt_by, [_trim(text, _subtree_span(cause))]


# "The plan drew criticism from governors", "Cruz won the endorsement of Walker": the view
# the object noun names is the giver's (the "from", "of" or "among" phrase); the subject is
# what it is about.
_RECEIVED_VIEWS = {
    "criticism", "support", "praise", "endorsement", "backing", "fire", "heat", "blowback",
    "opposition", "condemnation", "rebuke", "applause", "scrutiny", "flak", "pushback",
    "backlash", "ire", "wrath",
}


_RECEIVING_VERBS = {
    "draw", "receive", "get", "earn", "win", "attract", "face", "take", "pick", "garner", "gain",
    "secure", "land", "snag", "collect", "have", "enjoy", "consolidate", "endure",
}


def _reception(verb: Token, view: Optional[Token] = None) -> Optional[tuple[Optional[Token], list[CharSpan], Token]]:
    """The giver of the view a receiving verb's object names, the subject it is about, and
    the view noun; None when the verb does not receive such a view. The giver is None when
    the text does not name one ("has faced criticism")."""
    view = view or next((c for c in verb.children if c.dep_ == "dobj"), None)
    if view is None or view.dep_ != "dobj" or view.head.i != verb.i:
        return None
    if verb.lemma_.lower() not in _RECEIVING_VERBS or view.lemma_.lower() not in _RECEIVED_VIEWS:
        return None
    about = _subject(verb)
    if about is None:
        return None
    giver = None
    for prep in [c for c in view.children if c.dep_ == "prep" and c.lower_ in {"from", "of", "among"}] + [
        c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"from", "among"}
    ]:
        giver = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if giver is not None:
            break
    if giver is None and verb.lemma_.lower() in {"have", "enjoy"}:
        return None  # "he has support": whose is not said, and "has" alone receives nothing
    return giver, [_phrase(about), *_grounds(verb, view)], view


# Prepositions that give the grounds of a judgement: "criticised Trump over his call",
# "faced criticism for telling voters ...".
_GROUNDS = {"for", "over"}


def _grounds(verb: Token, view: Token) -> list[CharSpan]:
    """What a received view is for ("faced criticism for telling ..."): part of its content."""
    for prep in [c for c in view.rights if c.dep_ == "prep"] + [c for c in verb.rights if c.dep_ == "prep" and c.i > view.i]:
        obj = next((g for g in prep.children if g.dep_ in {"pobj", "pcomp"}), None)
        if prep.lower_ in _GROUNDS and obj is not None:
            return [_trim(text_of(prep.doc), _subtree_span(obj))]
    return []


def _verb_draft(verb: Token, subject: Optional[Token], content: list[CharSpan], recipient: Optional[Token] = None) -> AttributionDraft:
    first, last = _cue_extent(verb)
    feeling = _experiencer(verb)
    if feeling is not None:
        subject, content = feeling
    received = _reception(verb)
    if received is not None:
        # The cue runs to the view noun ("picked up the endorsement"), which so takes no
        # second, nested attribution of its own.
        giver, content, view = received
        return AttributionDraft(
            cue_tokens=(verb.i, view.i + 1),
            cue=(first.idx, view.idx + len(view)),
            source=_phrase(giver) if giver is not None else None,
            source_head=giver,
            content=content,
            type="indirect",
        )
    if subject is None:
        subject = _stranded_subject(verb, content) or _inverted_speaker(verb, content)
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
    return AttributionDraft(
        cue_tokens=(token.i, token.i + 1),
        cue=(token.idx, token.idx + len(token)),
        source=_phrase(poll),
        source_head=poll,
        content=_clause_without(doc, token.head, _subtree_span(token)),
        type="indirect",
    )


def _reportedly(doc: Doc, token: Token) -> Optional[AttributionDraft]:
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
    clause_start, clause_end = _subtree_span(head)
    pieces = (_trim(text, (clause_start, cut[0])), _trim(text, (cut[1], clause_end)))
    return [piece for piece in pieces if piece[1] - piece[0] > 1]


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
    complements = _complements(token, subject)
    content: list[CharSpan] = []
    for c in complements:
        content.extend(_around_extraction(doc, token, subject, _cut_citing(doc, _trim(text_of(doc), _subtree_span(c)), c)))
    if (
        token.dep_ == "advcl"
        and marked_by(token, {"as", "like"})
        and not any(c.dep_ in _OWN_CONTENT for c in token.children)
    ):
        # "as the agency reports, <clause>", "<clause>, as the agency reported", "<subject>, as
        # the agency reported, <predicate>": the rest of the sentence is the content. A verb with content of its own ("as he criticized
        # Clinton for ...") is an ordinary cue in a time or reason clause.
        clause_start, clause_end = _subtree_span(token)
        sentence = sentence_of(token)
        after = _trim(text_of(doc), (clause_end, sentence.end_char))
        before = _trim(text_of(doc), (sentence.start_char, clause_start))
        content.extend(piece for piece in (before, after) if piece[1] - piece[0] > 1)
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
_OWN_CONTENT = {"dobj", "ccomp", "xcomp", "dative"}


def _parenthetical_content(doc: Doc, verb: Token, subject: Optional[Token]) -> list[CharSpan]:
    """"But to prevent problems, he said, local officials ...": a speech verb set off by commas
    inside the clause it reports; the content is that clause without the parenthetical."""
    head = verb.head
    if verb.dep_ not in {"parataxis", "ccomp", "advcl", "conj"} or head.i == verb.i or subject is None:
        return []
    if verb.lemma_.lower() not in _SPEECH or len(list(verb.subtree)) > 8:
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
    parts = [c for c in verb.rights if c.dep_ in _OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in {"of", "as", "on"} | _GROUNDS)]
    if not any(c.dep_ in {"dobj", "ccomp", "xcomp"} or c.dep_ == "prep" for c in parts):
        return []
    first = min(parts, key=lambda c: c.i)
    if first.dep_ == "prep":
        # "commented on the plan": the content is what the preposition introduces.
        pobj = next((c for c in first.children if c.dep_ in {"pobj", "pcomp"}), None)
        parts = [pobj if c is first and pobj is not None else c for c in parts]
    start = min(_subtree_span(c)[0] for c in parts)
    end = max(_subtree_span(c)[1] for c in parts)
    # "The plan was criticized for its cost": what was criticized, and what for.
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.tag_ not in {"WDT", "WP"}), None)
    patient_span = [_trim(text_of(doc), _subtree_span(patient))] if patient is not None and patient.i < verb.i else []
    return [*patient_span, _trim(text_of(doc), (start, end))]


def _following_paragraph(doc: Doc, verb: Token) -> list[CharSpan]:
    """"He said:" closing a paragraph: the next paragraph is what he said."""
    after = text_of(doc)[_subtree_span(verb)[1] : sentence_of(verb).end_char]
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


def _complements(verb: Token, subject: Optional[Token]) -> list[Token]:
    """The clauses a cue verb reports (``_complement_clause``), one before the verb only where
    ``_complement_side_ok`` allows it."""
    return [c for c in verb.children if _complement_clause(verb, c) and _is_clause(c) and _complement_side_ok(verb, c, subject)]


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
    clause = next((c for c in token.children if c.dep_ in {"acl", "ccomp", "relcl"} and marked_by(c, {"that"})), None)
    if clause is None:
        return None
    source = next((c for c in token.children if c.dep_ in {"poss", "compound"} and c.pos_ in {"PROPN", "PRON", "NOUN"}), None)
    if source is None:
        by = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in {"by", "from", "of"}), None)
        source = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if source is None:
        source = _noun_speaker(token)  # "the mayor repeated the claim that ..."
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
    # PolNeAR train marks these as cues in most of their uses after "be" with a complement
    # (sure 5 of 8, aware 5 of 6, willing 5 of 8, inclined 3 of 4, glad 3 of 3).
    "sure", "aware", "willing", "inclined", "glad", "surprised", "shocked", "leery", "upbeat",
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


_LABEL_DASHES = {"-", "--", "—", "–"}


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
