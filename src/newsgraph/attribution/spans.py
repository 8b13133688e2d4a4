"""Characters of the parse the finders report: a noun phrase, a token's subtree, a cue
verb's extent, and spans trimmed of punctuation, quotation edges and wire datelines."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..model import Span as CharSpan
from ..nlp import text_of
from ..words.attribution import CUE_ADVERBS, CUE_VERB_PREPOSITIONS

_TRIM = set(" \t\n\r\u00a0,;:-–—\"'“”‘’")


def cue_extent(verb: Token) -> tuple[Token, Token]:
    """The verb with its auxiliaries, negation and particle: "has not said", "pointed out"."""
    doc = verb.doc
    first = verb
    while first.i > 0 and doc[first.i - 1].head == verb and (
        doc[first.i - 1].dep_ in {"aux", "auxpass", "neg"} or doc[first.i - 1].lower_ in CUE_ADVERBS
    ):
        first = doc[first.i - 1]
    last = verb
    if verb.i + 1 < len(doc) and doc[verb.i + 1].head == verb and doc[verb.i + 1].dep_ == "prt":
        last = doc[verb.i + 1]
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    # "said of Trump", "said on Fox": PolNeAR's cue is the bare "said" (three times in four
    # on train), where other verbs take the preposition ("called for", "referring to").
    if following is not None and following.head == verb and following.dep_ == "prep" and following.lower_ in CUE_VERB_PREPOSITIONS and verb.lemma_.lower() != "say":
        objects = [c for c in following.children if c.dep_ == "pobj"]
        if not any(o.ent_type_ in {"DATE", "TIME"} for o in objects):
            last = following  # PolNeAR's cues take the preposition: "called for", "referring to"
    return first, last


def phrase(head: Token) -> CharSpan:
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
    start, end = trim(text, (start, end))
    if text.count("(", start, end) > text.count(")", start, end) and text[end : end + 1] == ")":
        end += 1  # "Middle East Newsline (MENL)": keep the bracket closed
    return (start, end)


def subtree_span(token: Token) -> CharSpan:
    left, right = token.left_edge, token.right_edge
    return (left.idx, right.idx + len(right))


def trim(text: str, span: CharSpan) -> CharSpan:
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
