"""Headlines in capitals or in title case, parsed again in lower case.

The statistical tagger reads case as evidence of a name. A headline set in capitals ("POLICE
SAY GUNMAN KILLED THREE") or in title case ("Senate Republicans Block Bill To Fund Clinics")
comes out as a string of proper nouns, and its verbs, with the events and the reporting frame
they carry, are lost. Lower-cased, the same words parse as a sentence. Only the tagger, parser
and lemmatizer see the lower-cased copy: the text, the tokens and the entities stay the
article's.

Which words are lowered:

- in capitals: every word of a run of at least three words in capitals (two are often acronyms:
  "the FBI and CIA");
- in title case (most longer words capitalised): capitalised words whose lower-case form is an
  English word the lemmatizer lists ("Clinics", not "Grassley"), unless they are in a named
  entity or the article capitalises them inside its ordinary sentences too (a name that is
  also a word: "Trump", "Bush"). Pipelines without such a list skip title case.
"""

from __future__ import annotations

from typing import Callable, Iterator, Optional

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

__all__ = ["Recaser", "capitals_run", "title_case", "title_case_words", "lemmatizer_words"]

_ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
_CAPITALS_RUN = 3
# Title case: at least this many words of four or more letters, and this share of them capitalised.
_TITLE_WORDS = 3
_TITLE_SHARE = 0.8


class Recaser:
    """The ``newsgraph_recase`` component (reads ``doc.ents``, so it runs after NER)."""

    def __init__(self, nlp: Language, name: str):
        self.nlp = nlp
        self.name = name
        self.is_word = lemmatizer_words(nlp)

    def __call__(self, doc: Doc) -> Doc:
        lowered = self.words_to_lower(doc)
        if not lowered:
            return doc
        array = doc.to_array(_ATTRS)
        for sentence, words in lowered:
            copy = Doc(
                doc.vocab,
                words=[t.text.lower() if t.i in words else t.text for t in sentence],
                spaces=[bool(t.whitespace_) for t in sentence],
            )
            for component in self._stages():
                copy = component(copy)
            array[sentence.start : sentence.end] = copy.to_array(_ATTRS)
        doc.from_array(_ATTRS, array)
        return doc

    def words_to_lower(self, doc: Doc) -> list[tuple[Span, frozenset[int]]]:
        """The sentences to parse again, each with the indices of the words to lower."""
        out = []
        sentences = list(doc.sents)
        titles = [self.is_word is not None and title_case(s) for s in sentences]
        names = _names_in_prose(sentences, titles) if any(titles) else frozenset()
        for sentence, title in zip(sentences, titles):
            words = capitals_run(sentence)
            if title:
                words |= title_case_words(sentence, lambda w: w not in names and self.is_word(w))
            if words:
                out.append((sentence, words))
        return out

    def _stages(self) -> Iterator[Callable[[Doc], Doc]]:
        """The components before this one whose output it replaces (not those that set entities)."""
        for name, component in self.nlp.pipeline:
            if name == self.name:
                return
            if "doc.ents" not in self.nlp.get_pipe_meta(name).assigns:
                yield component


def capitals_run(sentence: Span) -> frozenset[int]:
    """Indices of the words in ``sentence``'s runs of at least three words in capitals
    (punctuation and numbers inside a run do not break it); empty when it has none."""
    found: set[int] = set()
    run: list[int] = []
    for token in [*sentence, None]:
        if token is not None and _in_capitals(token):
            run.append(token.i)
        elif token is not None and run and not _has_letters(token):
            continue
        else:
            if len(run) >= _CAPITALS_RUN:
                found.update(run)
            run = []
    return frozenset(found)


def title_case(sentence: Span) -> bool:
    long_words = [t for t in sentence if sum(c.isalpha() for c in t.text) >= 4]
    return len(long_words) >= _TITLE_WORDS and sum(_capitalised(t) for t in long_words) >= _TITLE_SHARE * len(long_words)


def title_case_words(sentence: Span, is_word: Callable[[str], bool]) -> frozenset[int]:
    """Indices of the capitalised words of ``sentence`` (in title case) that ``is_word``
    accepts in lower case, leaving out its first word and named entities."""
    return frozenset(
        t.i
        for t in sentence
        if t.i != sentence.start and _capitalised(t) and not t.ent_type and is_word(t.text.lower())
    )


def _names_in_prose(sentences: list[Span], titles: list[bool]) -> frozenset[str]:
    """Lower-case forms of the words capitalised inside the article's ordinary sentences."""
    return frozenset(
        t.lower_
        for sentence, title in zip(sentences, titles)
        if not title
        for t in sentence
        if t.i != sentence.start and _capitalised(t)
    )


def lemmatizer_words(nlp: Language) -> Optional[Callable[[str], bool]]:
    """``is_word(lower_case_form)`` from the lemmatizer's word lists, or None without them.
    (Function words are not in them and stay as they are: lowering those too scored lower.)"""
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, AttributeError):
        return None
    words = frozenset(w for forms in index.values() for w in forms)

    def is_word(form: str) -> bool:
        return any(stem in words for stem in _stems(form))

    return is_word


def _stems(form: str) -> Iterator[str]:
    """The form and what it would be without a regular inflection ("blocks", "voted", "voting")."""
    yield form
    for suffix, replacement in (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e")):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            yield form[: -len(suffix)] + replacement


def _in_capitals(token: Token) -> bool:
    letters = [c for c in token.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and not _in_capitals(token)


def _has_letters(token: Token) -> bool:
    return any(c.isalpha() for c in token.text)
