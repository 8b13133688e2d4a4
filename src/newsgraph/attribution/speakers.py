"""Who speaks: the subject of a cue verb as the parser leaves it (passives, control,
participles, stranded and inverted speakers), and whether a noun can be a source at all."""

from __future__ import annotations

from typing import Optional, Sequence

from spacy.tokens import Doc, Token

from ..actors import ActorIndex
from ..model import Span as CharSpan
from ..nlp import sentence_of
from ..words.attribution import (
    EXTRAPOSING_VERBS,
    FIRST_PERSON,
    ISSUED_DOCUMENTS,
    NOT_SPEAKER_WORDS,
    OBJECT_CONTROL_VERBS,
    RAISING_VERBS,
    SUBJECT_CONTROL_PREPOSITIONS,
    SUBJECTS_NOT_SOURCES,
)
from ..words.lexicon import lexicon
from .draft import AttributionDraft

# Subjects that may name a speaker, clausal ones included (``nlp.SUBJECT_DEPS`` has only the
# nominal ones); shared with the clause and nesting rules.
ALL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def expletive(subject: Optional[Token]) -> bool:
    """"It" of "it is said that ...": a placeholder subject, not a speaker."""
    return subject is not None and subject.lower_ == "it" and (
        subject.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in subject.head.children)
    )


def can_be_source(noun: Token) -> bool:
    lex = lexicon()
    lemma = noun.lemma_.lower()
    return (
        noun.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
        or noun.pos_ in {"PROPN", "PRON"}
        or any(lemma in heads for heads in (lex.anonymous_heads, lex.official_heads, lex.vague_heads, lex.outlet_heads))
    )


def subject_of(verb: Token) -> Optional[Token]:
    if verb.lemma_.lower() in RAISING_VERBS:
        return None  # "Trump seemed to ...": what seems is the author's view, not Trump's
    node: Optional[Token] = verb
    via_adjective = False
    for _ in range(6):
        if node is None:
            return None
        subjects = [c for c in node.children if c.dep_ in ALL_SUBJECT_DEPS and c.lower_ not in SUBJECTS_NOT_SOURCES]
        if node is verb and _main_verb_taken_for_modifier(verb):
            return verb.head
        if node is verb and not subjects:
            # "Merkel talks about ...", "Hedge Funds Support ...": the parser reads the verb as
            # a noun and its speaker as a name modifying it.
            names = [c for c in verb.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if names:
                return names[-1]
        if (via_adjective or (node is not verb and node.lemma_.lower() in EXTRAPOSING_VERBS)) and subjects and subjects[-1].lower_ in NOT_SPEAKER_WORDS:
            # "it is easy to say ...", "it is important to note ...", "it means admitting
            # ...": nobody in particular says it.
            return None
        if node is verb and (any(c.dep_ in {"nsubjpass", "auxpass"} for c in node.children) or bare_participle(node)):
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
            and node.head.lemma_.lower() in OBJECT_CONTROL_VERBS
            and (node.tag_ == "VBG" or any(c.tag_ == "TO" for c in node.children))
        ):
            # "The victory led Priebus to declare ...": the one led declares.
            obj = next((c for c in node.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.lower_ in SUBJECT_CONTROL_PREPOSITIONS and node.head.head.i != node.head.i:
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


# Where the small parser leaves the speaker of a finite verb: "Bill Skelly, a data operative,
# vouched for ..." (Skelly an adverb, the apposition kept), "Tanden, head of ..., recounted".
_STRANDED_DEPS = {"nsubj", "nsubjpass", "appos"}


def stranded_subject(verb: Token, content: list[CharSpan]) -> Optional[Token]:
    """The speaker of a finite, active verb the parser left without a subject: the nearest
    subject, apposition or stray proper noun before it in its sentence, skipping objects and
    prepositional phrases; none when that word cannot be a source or lies in the content."""
    children = list(verb.children)
    if verb.pos_ != "VERB" or verb.lemma_.lower() in RAISING_VERBS or any(c.dep_ in ALL_SUBJECT_DEPS | {"auxpass", "expl"} for c in children):
        return None
    if not (verb.tag_ in _FINITE_TAGS or (verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in children))):
        return None
    for token in reversed(verb.doc[sentence_of(verb).start : verb.i]):
        if token.dep_ in _STRANDED_DEPS or (token.pos_ == "PROPN" and token.dep_ in {"advmod", "npadvmod", "dep", "ROOT"}):
            if token.tag_ == "WP" and token.lower_ in {"who", "whom"}:
                continue  # "Sanders, who sits at zero ..., said": the relative clause is an aside
            if token.lower_ in NOT_SPEAKER_WORDS or not can_be_source(token) or any(s <= token.idx < e for s, e in content):
                return None
            return token
    return None


def inverted_speaker(verb: Token, content: list[CharSpan]) -> Optional[Token]:
    """The speaker after the verb that closes a sentence whose content came first: '"It is
    over," added a Democratic aide.' The parser takes the speaker for the verb's object;
    with the content before the verb there is no other reading."""
    if verb.pos_ != "VERB" or not content or any(c.dep_ in ALL_SUBJECT_DEPS | {"auxpass", "expl", "aux"} for c in verb.children):
        return None
    if any(end > verb.idx for _, end in content):
        return None
    # The verb follows the content at once ('," added'): a name between them is the speaker.
    gap = [t for t in verb.doc[sentence_of(verb).start : verb.i] if t.idx >= max(end for _, end in content)]
    if not all(t.is_punct or t.is_space for t in gap):
        return None
    speaker = next((c for c in verb.rights if c.dep_ in {"dobj", "attr", "npadvmod", "appos"}), None)
    if speaker is None or speaker.lower_ in NOT_SPEAKER_WORDS or not can_be_source(speaker):
        return None
    # Only circumstances may follow it: "..., added a Democratic aide on Monday."
    circumstances = {t.i for c in verb.rights if c.dep_ in {"prep", "npadvmod", "advmod"} and c.i > speaker.i for t in c.subtree}
    rest = verb.doc[speaker.right_edge.i + 1 : sentence_of(verb).end]
    return speaker if all(t.is_punct or t.is_space or t.i in circumstances for t in rest) else None


def _issuer(document: Token) -> Optional[Token]:
    """The subject of the verb a document is the object of ("Black Lives Matter issued a
    statement"); None for other nouns or when that subject cannot be a source."""
    if document.lemma_.lower() not in ISSUED_DOCUMENTS or document.dep_ != "dobj":
        return None
    subject = next((c for c in document.head.children if c.dep_ in ALL_SUBJECT_DEPS), None)
    return subject if subject is not None and can_be_source(subject) and subject.lower_ not in NOT_SPEAKER_WORDS else None


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


def bare_participle(verb: Token) -> bool:
    """"Asked whether ..., Carson said", "Kyle, referred to as ...": a past participle opening
    or modifying a clause is passive; whoever asked or referred is not named by the clause."""
    return verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl"} and not any(c.dep_ in {"aux", "nsubj"} for c in verb.children)


def link_first_person(doc: Doc, index: ActorIndex, drafts: Sequence[AttributionDraft]) -> None:
    """"We did not attack anyone," an RSF spokesman said: inside quoted words a first-person
    pronoun is the speaker (for "we", the speaker's side), so the index links it to the
    speaker's actors. The innermost quotation decides; reported speech is left alone, since
    "Trump said we must act" may mean the audience.

    Wholly quoted words are also recorded on the index (``ActorIndex.add_quotation``): a "he"
    in them is not the speaker. Mixed ones are not, since their unquoted part is reported
    speech ('Trump said he would "win big"')."""
    quoted = [d for d in drafts if d.source_keys and d.type in ("direct", "mixed")]
    # Outer quotations first, so that a quotation inside one links its own words last.
    spans = sorted(((span, d.source_keys, d.type) for d in quoted for span in d.content), key=lambda s: s[0][0] - s[0][1])
    for (start, end), keys, kind in spans:
        chars = doc.char_span(start, end, alignment_mode="contract")
        if chars is not None and kind == "direct":
            index.add_quotation(chars.start, chars.end, keys)
        for token in chars or ():
            if token.lower_ in FIRST_PERSON and not index.keys_at(token):
                index.relink(token.i, keys)
