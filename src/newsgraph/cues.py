"""A learned judge of reporting cues: is this verb introducing what someone says or thinks?

The attribution rules know the common frames; news uses hundreds of cue verbs in frames the
rules miss ("Clinton cast the vote as ...", "He is calling for ...") and some the rules take
wrongly. A logistic-regression model over features of the parse decides, for every verb,
whether it is a cue. It was trained on the PolNeAR *train* split only, by
``scripts/train_cues.py``, which writes ``data/cue_model.json`` (weights, threshold, and how
it was made). Scoring needs no ML library: a sparse dot product.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from spacy.tokens import Token

from .lexicon import lexicon
from .nlp import sentence_of, text_of
from .resources import catalogue_json

__all__ = ["CueModel", "candidate", "features"]

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_QUOTE_CHARS = "\"“”"


def candidate(token: Token) -> bool:
    """Tokens the model judges: verbs (and verbs the tagger called plural nouns)."""
    if token.pos_ == "VERB":
        return True
    return token.tag_ == "NNS" and token.dep_ in {"ROOT", "advcl", "ccomp", "parataxis", "conj"}


def features(token: Token, rule_fired: bool) -> list[str]:
    """Sparse binary features of a candidate cue."""
    lex = lexicon()
    lemma = token.lemma_.lower()
    children = list(token.children)
    deps = {c.dep_ for c in children}
    subject = next((c for c in children if c.dep_ in _SUBJECT_DEPS), None)
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
        if head in lex.anonymous_heads | lex.official_heads | lex.outlet_heads:
            out.append("subj=source_noun")
        if subject.lower_ in {"i", "we", "you"}:
            out.append(f"subj={subject.lower_}")
        if subject.i > token.i:
            out.append("subj=after")
    in_quote = _inside_quote(text, sent.start_char, token.idx)
    out.append(f"in_quote={int(in_quote)}")
    sent_text = text[sent.start_char : sent.end_char]  # Span.text joins the tokens on every access
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

    @classmethod
    def from_dict(cls, data: dict) -> "CueModel":
        return cls(dict(data["weights"]), float(data["threshold"]), float(data["keep_rule_above"]))

    @classmethod
    @lru_cache(maxsize=1)
    def packaged(cls) -> Optional["CueModel"]:
        try:
            return cls.from_dict(catalogue_json("cue_model.json"))
        except Exception:  # noqa: BLE001 - a missing model only disables the learned layer
            return None

    def probability(self, feats: Iterable[str]) -> float:
        score = sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def to_json(self) -> str:
        return json.dumps({"weights": self.weights, "threshold": self.threshold, "keep_rule_above": self.keep_rule_above})
