"""A learned judge of reporting cues: is this verb introducing what someone says or thinks?

The attribution rules know the common frames; news uses hundreds of cue verbs in frames the
rules miss ("Clinton cast the vote as ...", "He is calling for ...", "her criticism of ...") and
some the rules take wrongly. A logistic-regression model over features of the parse and the
words around decides, for every verb and for nouns that could be about something, whether it
is a cue. Its thresholds differ by kind: a rule's cue, a verb whose content is in a frame the
rules know, a verb without one (its content is what it governs), a noun. It was trained on the PolNeAR *train* split only, by
``scripts/train_cues.py``, which writes ``data/cue_model.json`` (weights, threshold, and how
it was made). Scoring needs no ML library: a sparse dot product.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from spacy.tokens import Token

from .learning import probability
from .nlp import SUBJECT_DEPS, Opening, sentence_of, span_text, text_of
from .resources import catalogue_json
from .words.attribution import NOUN_CONTENT_PREPOSITIONS
from .words.lexicon import lexicon

__all__ = ["CANDIDATES", "CueModel", "candidate", "features", "nominal"]

_QUOTE_CHARS = "\"“”"


_CLAUSE_LEVEL = {"ROOT", "advcl", "ccomp", "parataxis", "conj"}


# The tokens ``candidate`` can accept: verbs, plural-noun tags and nouns.
CANDIDATES = Opening(pos=frozenset({"VERB", "NOUN"}), tags=frozenset({"NNS"}))


def candidate(token: Token) -> bool:
    """Tokens the model judges: verbs (and verbs the tagger called plural nouns), and nouns
    with something they could be about: a preposition, an owner, a "that"/"to" clause."""
    if token.pos_ == "VERB" or token.tag_ == "NNS" and token.dep_ in _CLAUSE_LEVEL:
        return True
    return token.pos_ == "NOUN" and any(
        (c.dep_ == "prep" and c.lower_ in NOUN_CONTENT_PREPOSITIONS)
        or c.dep_ == "poss"
        or (c.dep_ in {"acl", "ccomp"} and any(m.lower_ in {"that", "to"} for m in c.children))
        for c in token.children
    )


def nominal(token: Token) -> bool:
    """A candidate that is a noun ("her criticism of"), not a verb the tagger mislabelled."""
    return token.pos_ != "VERB" and not (token.tag_ == "NNS" and token.dep_ in _CLAUSE_LEVEL)


def features(token: Token, rule_fired: bool) -> list[str]:
    """Sparse binary features of a candidate cue."""
    lex = lexicon()
    lemma = token.lemma_.lower()
    children = list(token.children)
    deps = {c.dep_ for c in children}
    subject = next((c for c in children if c.dep_ in SUBJECT_DEPS), None)
    sent = sentence_of(token)
    text = text_of(token.doc)
    out = [
        "bias",
        f"lemma={lemma}",
        f"tag={token.tag_}",
        f"dep={token.dep_}",
        f"rule={int(rule_fired)}",
        f"lex.report={int(lemma in lex.reporting_verbs)}",
        f"lemma+rule={lemma}|{int(rule_fired)}",
        f"head.lemma={token.head.lemma_.lower()}" if token.dep_ in {"xcomp", "conj", "advcl"} else "head=none",
    ]
    for dep in sorted(deps & {"ccomp", "xcomp", "dobj", "dative", "prep", "parataxis", "advcl", "agent", "oprd", "prt"}):
        out.append(f"has={dep}")
        out.append(f"lemma+has={lemma}|{dep}")
    if any(c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in children):
        out.append("has=to_inf")
    if any(c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children) for c in children):
        out.append("has=that_clause")
    for prep in (c for c in children if c.dep_ == "prep"):
        out.append(f"prep={prep.lower_}")
    particle = next((c for c in children if c.dep_ == "prt"), None)
    if particle is not None:
        out.append(f"phrasal={lemma} {particle.lower_}")
    if subject is None:
        out.append("subj=none")
    else:
        out.append(f"subj.pos={subject.pos_}")
        out.append(f"subj.ent={subject.ent_type_ or '-'}")
        head = subject.lemma_.lower()
        if head in lex.anonymous_heads or head in lex.official_heads or head in lex.outlet_heads:
            out.append("subj=source_noun")
        if subject.lower_ in {"i", "we", "you"}:
            out.append(f"subj={subject.lower_}")
        if subject.i > token.i:
            out.append("subj=after")
    in_quote = _inside_quote(text, sent.start_char, token.idx)
    out.append(f"in_quote={int(in_quote)}")
    sent_text = span_text(sent)
    quote_in_sentence = any(ch in sent_text for ch in _QUOTE_CHARS)
    out.append(f"sent_quote={int(quote_in_sentence)}")
    after = text[token.idx + len(token) : token.idx + len(token) + 3]
    if ":" in after:
        out.append("colon_after")
    if "?" in sent_text[-3:]:
        out.append("question")
    if token.i == sent.root.i:
        out.append("is_root")
    negated = any(c.dep_ == "neg" for c in children)
    if negated:
        out.append("negated")
    out.extend(_context_features(token, lemma, children, subject))
    return out


_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "pcomp"}


def _context_features(token: Token, lemma: str, children: list[Token], subject: Optional[Token]) -> list[str]:
    """The words around the verb: what it takes as object or complement, its neighbours, and
    the clauses it sits in ("cast the vote as", "went on to say", a verb inside a relative clause)."""
    out = [f"lemma+dep={lemma}|{token.dep_}", f"lemma+tag={lemma}|{token.tag_}", f"head.dep={token.head.dep_}|{token.dep_}"]
    head = token.head
    if head.i != token.i:
        out.append(f"head.lemma.any={head.lemma_.lower()}")
        out.append(f"head.pos={head.pos_}")
    for child in children:
        if child.dep_ in {"dobj", "xcomp", "attr", "acomp", "oprd"}:
            out.append(f"{child.dep_}.lemma={child.lemma_.lower()}")
            out.append(f"lemma+{child.dep_}={lemma}|{child.lemma_.lower()}")
        if child.dep_ == "prep":
            pobj = next((g for g in child.children if g.dep_ in {"pobj", "pcomp"}), None)
            out.append(f"lemma+prep={lemma}|{child.lower_}")
            if pobj is not None:
                out.append(f"prep+pobj={child.lower_}|{pobj.lemma_.lower()}")
    if subject is not None:
        out.append(f"subj.lemma={subject.lemma_.lower()}")
        out.append(f"lemma+subj.ent={lemma}|{subject.ent_type_ or subject.pos_}")
    else:
        out.append(f"lemma+nosubj={lemma}")
    doc = token.doc
    previous = doc[token.i - 1] if token.i > 0 else None
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    out.append(f"prev={previous.lower_ if previous is not None else '<s>'}")
    out.append(f"next={following.lower_ if following is not None else '</s>'}")
    node = token
    for _ in range(6):
        if node.head.i == node.i:
            break
        if node.dep_ in _CLAUSE_DEPS:
            out.append(f"under={node.dep_}")
        node = node.head
    if token.i == sentence_of(token).start or (previous is not None and "\n" in previous.text):
        out.append("sent_initial")
    return out


def _inside_quote(text: str, start: int, position: int) -> bool:
    """Odd number of straight or opening curly quotes between the sentence start and ``position``."""
    segment = text[start:position]
    straight = segment.count('"')
    curly = segment.count("“") - segment.count("”")
    return straight % 2 == 1 or curly > 0


@dataclass(frozen=True)
class CueModel:
    weights: dict[str, float]
    threshold: float
    keep_rule_above: float
    bare_threshold: float = 0.0  # for a verb without a known content frame; never below threshold
    noun_threshold: float = 1.01  # for a noun cue ("her criticism of"); above 1: nouns never

    def __post_init__(self) -> None:
        object.__setattr__(self, "bare_threshold", max(self.threshold, self.bare_threshold))

    @classmethod
    def from_dict(cls, data: dict) -> "CueModel":
        threshold = float(data["threshold"])
        return cls(
            dict(data["weights"]),
            threshold,
            float(data["keep_rule_above"]),
            float(data.get("bare_threshold", threshold)),
            float(data.get("noun_threshold", 1.01)),
        )

    @classmethod
    @lru_cache(maxsize=1)
    def packaged(cls) -> Optional["CueModel"]:
        try:
            return cls.from_dict(catalogue_json("cue_model.json"))
        except Exception:  # noqa: BLE001 - a missing model only disables the learned layer
            return None

    def probability(self, feats: Iterable[str]) -> float:
        return probability(self.weights, feats)

    def to_json(self) -> str:
        return json.dumps(
            {
                "weights": self.weights,
                "threshold": self.threshold,
                "keep_rule_above": self.keep_rule_above,
                "bare_threshold": self.bare_threshold,
                "noun_threshold": self.noun_threshold,
            }
        )
