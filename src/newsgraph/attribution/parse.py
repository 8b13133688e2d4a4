"""What every attribution finder asks of the parse: a verb's subject, a noun phrase's
characters, a cue's extent, trimmed content spans, quotation snapping, and the draft record
the finders fill in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Token

from ..words.lexicon import lexicon
from ..nlp import marked_by, sentence_of, text_of
from ..model import Span as CharSpan
from ..quotes import Quote


_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}


_COMPLEMENTS = {"ccomp", "parataxis"}


def _second_complement(clause: Token) -> bool:
    """"said the border must be secured, but that he would not support ...": a clause with
    its own "that", which the parser hangs on the cue verb as a conjunct, is a further
    complement of that verb, not a sentence beside it."""
    return clause.dep_ == "conj" and marked_by(clause, {"that"})


# Verbs whose content may be an indirect question the parser reads as a condition:
# "Asked if he thought ...", "wondered whether ...".
_ASKING = {"ask", "wonder", "question", "inquire", "enquire"}


def _complement_clause(verb: Token, clause: Token) -> bool:
    """Whether ``clause`` (a child of ``verb``) is what the verb says, asks or thinks."""
    if clause.dep_ in _COMPLEMENTS or _second_complement(clause):
        return True
    return (
        clause.dep_ == "advcl"
        and verb.lemma_.lower() in _ASKING
        and marked_by(clause, {"if", "whether"})
    )


_RELAY_VERBS = {"tell", "inform", "brief", "write"}


_TRIM = set(" \t\n\r\u00a0,;:-–—\"'“”‘’")


_NOT_SOURCE_WORDS = {"so", "as", "thus"}


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


def _is_clause(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or any(c.dep_ in _SUBJECTS for c in token.children)


def _subject(verb: Token) -> Optional[Token]:
    if verb.lemma_.lower() in _RAISING:
        return None  # "Trump seemed to ...": what seems is the author's view, not Trump's
    node: Optional[Token] = verb
    via_adjective = False
    for _ in range(6):
        if node is None:
            return None
        subjects = [c for c in node.children if c.dep_ in _SUBJECTS and c.lower_ not in _NOT_SOURCE_WORDS]
        if node is verb and _main_verb_taken_for_modifier(verb):
            return verb.head
        if node is verb and not subjects:
            # "Merkel talks about ...", "Hedge Funds Support ...": the parser reads the verb as
            # a noun and its speaker as a name modifying it.
            names = [c for c in verb.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if names:
                return names[-1]
        if (via_adjective or (node is not verb and node.lemma_.lower() in _EXTRAPOSING)) and subjects and subjects[-1].lower_ in _NOT_SPEAKERS:
            # "it is easy to say ...", "it is important to note ...", "it means admitting
            # ...": nobody in particular says it.
            return None
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
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.dep_ == "acomp":
            # "keen on telling ...", "devoted to criticizing ...": whoever the adjective is said of.
            node = node.head.head
            continue
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.dep_ == "advmod" and node.head.head.head.pos_ in {"VERB", "AUX"}:
            # "stopped short of calling for ...", "went as far as saying ...": the one who stopped.
            node = node.head.head.head
            continue
        if node.dep_ in {"advcl", "conj", "xcomp"} and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ == "acomp" and node.head.i != node.i:
            # "voters were more likely to say ...", "he was quick to cast ...": whoever
            # the adjective is said of.
            node, via_adjective = node.head, True
            continue
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        return None
    return None


_FINITE_TAGS = {"VBD", "VBZ", "VBP"}


# Verbs whose "it" or "that" subject stands for the infinitive or gerund they govern.
_EXTRAPOSING = {"be", "take", "mean"}


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
            if token.tag_ == "WP" and token.lower_ in {"who", "whom"}:
                continue  # "Sanders, who sits at zero ..., said": the relative clause is an aside
            if token.lower_ in _NOT_SPEAKERS or not _can_be_source(token) or any(s <= token.idx < e for s, e in content):
                return None
            return token
    return None


def _inverted_speaker(verb: Token, content: list[CharSpan]) -> Optional[Token]:
    """The speaker after the verb that closes a sentence whose content came first: '"It is
    over," added a Democratic aide.' The parser takes the speaker for the verb's object;
    with the content before the verb there is no other reading."""
    if verb.pos_ != "VERB" or not content or any(c.dep_ in _SUBJECTS | {"auxpass", "expl", "aux"} for c in verb.children):
        return None
    if any(end > verb.idx for _, end in content):
        return None
    # The verb follows the content at once ('," added'): a name between them is the speaker.
    gap = [t for t in verb.doc[sentence_of(verb).start : verb.i] if t.idx >= max(end for _, end in content)]
    if not all(t.is_punct or t.is_space for t in gap):
        return None
    speaker = next((c for c in verb.rights if c.dep_ in {"dobj", "attr", "npadvmod", "appos"}), None)
    if speaker is None or speaker.lower_ in _NOT_SPEAKERS or not _can_be_source(speaker):
        return None
    # Only circumstances may follow it: "..., added a Democratic aide on Monday."
    circumstances = {t.i for c in verb.rights if c.dep_ in {"prep", "npadvmod", "advmod"} and c.i > speaker.i for t in c.subtree}
    rest = verb.doc[speaker.right_edge.i + 1 : sentence_of(verb).end]
    return speaker if all(t.is_punct or t.is_space or t.i in circumstances for t in rest) else None


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


def _main_verb_taken_for_modifier(verb: Token) -> bool:
    """The parser hung the speaker's main verb on the speaker's noun as a modifier ("acl"),
    which is then the subject. Two shapes show it:

    - "Beruff, a Scott ally, called the standards strong": the name is the root, with an
      apposition, and the participle after a comma has no agent and no finite verb after it
      (that would be the main one: "Kyle, an aide, referred to as ..., said");
    - "A man yelled ...", "Multiple outlets reported on Wednesday the agency had ...": a past
      tense cannot modify a noun, nor can a passive participle take a clause or an object. The
      noun must stand where a subject would ("echoing Erdogan, called" is Biden's)."""
    head = verb.head
    if verb.dep_ != "acl" or head.pos_ not in {"PROPN", "NOUN"}:
        return False
    after_apposition = (
        verb.tag_ == "VBN"
        and head.dep_ == "ROOT"
        and any(c.dep_ == "appos" and c.i < verb.i for c in head.children)
        and verb.doc[verb.i - 1].text == ","
        and not any(c.dep_ == "agent" for c in verb.children)
        and not any(t.tag_ in _FINITE_TAGS for t in verb.doc[verb.i + 1 : sentence_of(verb).end])
    )
    finite = (
        head.dep_ in {"ROOT", "nsubj", "nsubjpass"}
        and head.i < verb.i
        and not any(c.dep_ in {"agent", "aux", "auxpass"} for c in verb.children)
        and (verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ in {"ccomp", "dobj"} for c in verb.children)))
    )
    return after_apposition or finite


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
        if child.dep_ in {"relcl", "acl", "punct"} and child.head == head:
            continue
        tokens.append(child)
    tokens = [t for t in tokens if not (t.is_punct and t.text not in {"'s", "-", "–", "'"})] or [head]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    # Keep the phrase contiguous: stop at the first relative clause after the head, or at an
    # adverb set off by a comma ("Mayor Park, meanwhile, ...").
    for child in head.rights:
        if child.dep_ in {"relcl", "acl"} or (child.dep_ == "advmod" and head.doc[child.i - 1].text == ","):
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
