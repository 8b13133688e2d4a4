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

A title-cased headline also misleads the NER, which reads a run of capitalised words as one
name: "Trump Warns Clinton", "Eric Garner Blasts Clinton" come out as one person, "Email
Scandal" as another. In title case, then, an entity word after its first that is an
inflected verb form ("Warns", "Blasts", "Endorsed") the article never capitalises in prose is
lowered too, and so is an entity's first word that is a verb's base form right after "To"
("Gun Used To Kill Trayvon Martin": the NER's person "Kill Trayvon Martin"); where the parse in
lower case makes it a verb, the entity is split around it ("Trump" ... "Clinton"), also when the
run starts at the verb ("Senator Endorsed Trump" gives the person "Endorsed Trump", split to
"Trump"). Entities the actor catalogue matched are trusted. (An entity of
common words, "Email Scandal", stays: the lemmatizer's word lists hold too many names,
"Matthew", "Boyle", "Clinton", to tell it from a person.)
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, Optional

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch

__all__ = ["Recaser", "capitals_run", "title_case", "title_case_words", "lemmatizer_words", "lemmatizer_verbs"]

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
        self.is_verb = lemmatizer_verbs(nlp)
        self.is_base_verb = lemmatizer_verbs(nlp, base=True)

    def __call__(self, doc: Doc) -> Doc:
        return self._recase([doc])[0]

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Recase ``docs`` a batch at a time: the lowered sentences of a whole batch are
        parsed again together, since a headline alone costs the tagger and parser nearly
        what a batch of them does."""
        for batch in minibatch(docs, size=batch_size):
            yield from self._recase(list(batch))

    def _recase(self, docs: list[Doc]) -> list[Doc]:
        plans = []
        copies = []
        for doc in docs:
            reading = _Reading(doc, self.is_word is not None)
            headline_ents = self._headline_entities(doc, reading)
            lowered = self._words_to_lower(reading, headline_ents)
            plans.append((doc, headline_ents, lowered))
            copies += [
                Doc(
                    doc.vocab,
                    words=[t.text.lower() if t.i in words else t.text for t in sentence],
                    spaces=[bool(t.whitespace_) for t in sentence],
                )
                for sentence, words in lowered
            ]
        for component in self._stages():
            pipe = getattr(component, "pipe", None)
            copies = list(pipe(copies)) if pipe is not None else [component(c) for c in copies]
        parsed = iter(copies)
        for doc, headline_ents, lowered in plans:
            if not lowered:
                continue
            array = doc.to_array(_ATTRS)
            for sentence, _ in lowered:
                array[sentence.start : sentence.end] = next(parsed).to_array(_ATTRS)
            doc.from_array(_ATTRS, array)
            if headline_ents:
                # The parse in lower case may have moved sentence boundaries: read them again.
                sentences, words = list(doc.sents), [t.text for t in doc]
                names = _names_in_prose(words, sentences, [_title_case(words[s.start : s.end]) for s in sentences])
                is_word = self.is_word or (lambda w: False)
                doc.ents = _unmerged_entities(doc, headline_ents, lambda t: t.lower_ in names or not is_word(t.lower_))
        return docs

    def words_to_lower(self, doc: Doc, headline_ents: Optional[dict[Span, frozenset[int]]] = None) -> list[tuple[Span, frozenset[int]]]:
        """The sentences to parse again, each with the indices of the words to lower
        (``headline_ents``: what :meth:`headline_entities` found, whose words are lowered too)."""
        return self._words_to_lower(_Reading(doc, self.is_word is not None), headline_ents)

    def _words_to_lower(self, reading: "_Reading", headline_ents: Optional[dict[Span, frozenset[int]]]) -> list[tuple[Span, frozenset[int]]]:
        out = []
        in_ents = frozenset(i for words in (headline_ents or {}).values() for i in words)
        for sentence, title, capitals in zip(reading.sentences, reading.titles, reading.capitals):
            words = capitals
            if title:
                words |= title_case_words(sentence, lambda w: w not in reading.names and self.is_word(w))
                words |= frozenset(i for i in in_ents if sentence.start <= i < sentence.end)
            if words:
                out.append((sentence, words))
        return out

    def headline_entities(self, doc: Doc) -> dict[Span, frozenset[int]]:
        """NER entities of title-cased sentences with headline verbs inside ("Trump Warns
        Clinton"): each with the indices of those words."""
        return self._headline_entities(doc, _Reading(doc, True))

    def _headline_entities(self, doc: Doc, reading: "_Reading") -> dict[Span, frozenset[int]]:
        if self.is_word is None or self.is_verb is None or not any(reading.titles) or not doc.ents:
            return {}
        names = reading.names
        is_verb = self.is_verb
        found: dict[Span, frozenset[int]] = {}
        for sentence, title in zip(reading.sentences, reading.titles):
            if not title:
                continue
            for ent in sentence.ents:
                if ent.kb_id_:
                    continue  # the actor catalogue's names are names
                words = [t for t in ent if _has_letters(t)]
                # The first word too, in a name of two words or more: the run can start at the
                # verb ("... Senator Endorsed Trump" gives "Endorsed Trump"). A first name
                # that looks inflected ("Jared") is capitalised in the article's prose.
                candidates = words if len(words) > 1 else []
                verbs = frozenset(t.i for t in candidates if _capitalised(t) and t.lower_ not in names and is_verb(t.lower_))
                if words and self._infinitive(doc, ent, words[0], names):
                    verbs |= {words[0].i}
                if verbs:
                    found[ent] = verbs
        return found

    def _infinitive(self, doc: Doc, ent: Span, first: Token, names: frozenset[str]) -> bool:
        """Whether an entity opens with a verb's base form after "To" ("To Kill Trayvon
        Martin"): a word the article never capitalises in prose ("To Bill Clinton" keeps its
        name, which the prose capitalises)."""
        if self.is_base_verb is None or first.i != ent.start or ent.start == 0 or doc[ent.start - 1].lower_ != "to":
            return False
        return _capitalised(first) and first.lower_ not in names and self.is_base_verb(first.lower_)

    def _stages(self) -> Iterator[Callable[[Doc], Doc]]:
        """The components before this one whose output it replaces (not those that set entities)."""
        for name, component in self.nlp.pipeline:
            if name == self.name:
                return
            if "doc.ents" not in self.nlp.get_pipe_meta(name).assigns:
                yield component


class _Reading:
    """A document's sentences, which of them are in title case (``titled``: whether to ask;
    a pipeline without word lists does not), their runs of capitals, and the words its
    ordinary sentences capitalise. Read from the words' texts, taken once: a ``Token`` is
    built anew on every access."""

    def __init__(self, doc: Doc, titled: bool):
        self.sentences = list(doc.sents)
        words = [t.text for t in doc]
        self.titles = [titled and _title_case(words[s.start : s.end]) for s in self.sentences]
        self.capitals = [_capitals_run(words[s.start : s.end], s.start) for s in self.sentences]
        self.names = _names_in_prose(words, self.sentences, self.titles) if any(self.titles) else frozenset()


def capitals_run(sentence: Span) -> frozenset[int]:
    """Indices of the words in ``sentence``'s runs of at least three words in capitals
    (punctuation and numbers inside a run do not break it); empty when it has none."""
    return _capitals_run([t.text for t in sentence], sentence.start)


def _capitals_run(words: list[str], first: int) -> frozenset[int]:
    found: set[int] = set()
    run: list[int] = []
    for i, word in enumerate([*words, None], start=first):
        if word is not None and _in_capitals_word(word):
            run.append(i)
        elif word is not None and run and not _has_letters_word(word):
            continue
        else:
            if len(run) >= _CAPITALS_RUN:
                found.update(run)
            run = []
    return frozenset(found)


def title_case(sentence: Span) -> bool:
    return _title_case([t.text for t in sentence])


def _title_case(words: list[str]) -> bool:
    long_words = [w for w in words if _letters(w) >= 4]
    return len(long_words) >= _TITLE_WORDS and sum(_capitalised_word(w) for w in long_words) >= _TITLE_SHARE * len(long_words)


def title_case_words(sentence: Span, is_word: Callable[[str], bool]) -> frozenset[int]:
    """Indices of the capitalised words of ``sentence`` (in title case) that ``is_word``
    accepts in lower case, leaving out its first word and named entities."""
    return frozenset(
        t.i
        for t in sentence
        if t.i != sentence.start and _capitalised(t) and not t.ent_type and is_word(t.text.lower())
    )


def _names_in_prose(words: list[str], sentences: list[Span], titles: list[bool]) -> frozenset[str]:
    """Lower-case forms of the words (the document's word texts) capitalised inside the
    article's ordinary sentences."""
    return frozenset(
        words[i].lower()
        for sentence, title in zip(sentences, titles)
        if not title
        for i in range(sentence.start + 1, sentence.end)
        if _capitalised_word(words[i])
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


def lemmatizer_verbs(nlp: Language, base: bool = False) -> Optional[Callable[[str], bool]]:
    """``is_verb(lower_case_form)``: an inflected form ("warns", "blasted", "endorsing") of a
    verb the lemmatizer lists, or None without its lists. Base forms are left out (too many
    names are also verbs: "Garner", "Trump", "Bush") unless ``base``: then only base forms."""
    try:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups")
        verbs = frozenset(lookups.get_table("lemma_index")["verb"])
    except (KeyError, AttributeError):
        return None

    def is_verb(form: str) -> bool:
        if base:
            return form in verbs
        return any(stem in verbs for stem in list(_stems(form))[1:])

    return is_verb


_NOT_IN_NAMES = {"ADP", "DET", "CCONJ", "SCONJ", "PART", "PUNCT", "SPACE"}


def _unmerged_entities(doc: Doc, headline_ents: dict[Span, frozenset[int]], is_name: Callable[[Token], bool]) -> list[Span]:
    """``doc.ents`` with each entity that holds a word the lower-case parse reads as a verb
    split around it ("Trump | Warns | Clinton"). A piece keeps its words between the function
    words at its ends, and stays an entity only with a word that ``is_name`` accepts (a word
    the article capitalises in prose, or no dictionary word): "Biden Aims Insult At" leaves
    "Biden", not "Insult At"."""
    out = []
    for ent in doc.ents:
        words = headline_ents.get(ent)
        if words is None:
            out.append(ent)
            continue
        verbs = sorted(i for i in words if doc[i].pos_ in {"VERB", "AUX"})
        if not verbs:
            out.append(ent)
            continue
        start = ent.start
        for cut in [*verbs, ent.end]:
            first, last = start, cut
            while first < last and doc[first].pos_ in _NOT_IN_NAMES:
                first += 1
            while last > first and doc[last - 1].pos_ in _NOT_IN_NAMES:
                last -= 1
            if any(_has_letters(t) and is_name(t) for t in doc[first:last]):
                out.append(Span(doc, first, last, label=ent.label_))
            start = cut + 1
    return out


def _stems(form: str) -> Iterator[str]:
    """The form and what it would be without a regular inflection ("blocks", "voted", "voting")."""
    yield form
    for suffix, replacement in (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e")):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            yield form[: -len(suffix)] + replacement


def _letters(text: str) -> int:
    return len(text) if text.isalpha() else sum(c.isalpha() for c in text)


def _in_capitals_word(text: str) -> bool:
    if not text.isupper():  # a lower-case letter, or no cased letter at all: no capitals run
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _capitalised(token: Token) -> bool:
    return _capitalised_word(token.text)


def _capitalised_word(text: str) -> bool:
    return text[:1].isupper() and not _in_capitals_word(text)


def _has_letters(token: Token) -> bool:
    return _has_letters_word(token.text)


def _has_letters_word(text: str) -> bool:
    return any(c.isalpha() for c in text)
