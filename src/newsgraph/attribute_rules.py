"""spaCy's attribute ruler, applied by table lookup.

The English pipelines map each fine tag to its part of speech and features, and fix a few
words ("something" is a pronoun), with an ``AttributeRuler``: a ``Matcher`` that tries every
pattern at every token. In the small pipeline that costs about an eighth of the whole parse.
Nearly all of its patterns look at one token only, at its tag, form or dependency label, so
their outcome depends on those few values alone: :class:`AttributeRules` decides it once per
distinct combination and remembers it. The few patterns it cannot decide from one token's
values (several tokens, operators, regular expressions over context) still go through a
``Matcher``. Either way the values are set with spaCy's own setter, and later patterns win,
as in the ruler: the annotations are the ruler's, bit for bit (``tests/test_attribute_rules.py``
compares them).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Optional

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, NORM, ORTH, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs

__all__ = ["AttributeRules", "decidable"]

# The token values a one-token pattern may test for the table to decide it: strings, read as
# their hashes from the document's arrays, and the space flag.
_STRING_ATTRS = {"TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "NORM": NORM, "DEP": DEP, "LEMMA": LEMMA}
_FLAG_ATTRS = {"IS_SPACE": IS_SPACE}
_PREDICATES = {"IN", "NOT_IN", "REGEX"}
# The table's cache of decisions is cleared past this many distinct combinations, so that a
# long ingest's memory stays flat.
_MAX_DECIDED = 200_000

_Test = Callable[[Any], bool]


def decidable(pattern: list[dict]) -> bool:
    """Whether a ruler pattern looks at one token's own values only, in ways the table can
    decide: equality, ``IN``, ``NOT_IN`` and ``REGEX`` over its strings or its space flag."""
    if len(pattern) != 1:
        return False
    for key, value in pattern[0].items():
        if key not in _STRING_ATTRS and key not in _FLAG_ATTRS:
            return False
        if isinstance(value, dict) and (key in _FLAG_ATTRS or not set(value) <= _PREDICATES):
            return False
    return True


def _places(keys: list[str], item: dict) -> list[Optional[tuple[int, Any]]]:
    """Where a one-token pattern is filed: under each value one of its tested strings must
    equal (the first such test: a tag, a form), or under None if no test names its values."""
    for key, value in item.items():
        if key in _STRING_ATTRS and isinstance(value, str):
            return [(keys.index(key), value)]
        if key in _STRING_ATTRS and isinstance(value, dict) and set(value) == {"IN"}:
            return [(keys.index(key), allowed) for allowed in value["IN"]]
    return [None]


def _test(key: str, value: Any) -> _Test:
    """One pattern item's test on the value (a string, or a flag's truth) it reads."""
    if not isinstance(value, dict):
        return lambda seen: seen == value
    tests: list[_Test] = []
    if "IN" in value:
        tests.append(lambda seen, allowed=frozenset(value["IN"]): seen in allowed)
    if "NOT_IN" in value:
        tests.append(lambda seen, refused=frozenset(value["NOT_IN"]): seen not in refused)
    if "REGEX" in value:
        tests.append(lambda seen, regex=re.compile(value["REGEX"]): bool(regex.search(seen)))
    return lambda seen: all(test(seen) for test in tests)


class AttributeRules:
    """The ``newsgraph_attributes`` component: an ``AttributeRuler``'s patterns, applied by
    table (reads ``Token.tag/lower/dep`` and what else its patterns test, writes what they
    set, usually ``Token.pos/morph/lemma``)."""

    def __init__(self, nlp: Language, patterns: list[dict]):
        self.vocab = nlp.vocab
        self.patterns = patterns
        self._attrs = [normalize_token_attrs(self.vocab, p["attrs"]) for p in patterns]
        self._keys: list[str] = sorted({k for p in patterns for pattern in p["patterns"] if decidable(pattern) for k in pattern[0]})
        self._columns = [_STRING_ATTRS.get(k) or _FLAG_ATTRS[k] for k in self._keys]
        # The table's patterns, each as (number, its tests: (column, test)), filed under a value
        # one of its columns must have ((column, value)) or, with no such value, under None.
        self._filed: dict[Optional[tuple[int, Any]], list[tuple[int, list[tuple[int, _Test]]]]] = {}
        self._matcher: Optional[Matcher] = None
        for n, p in enumerate(patterns):
            for pattern in (pattern for pattern in p["patterns"] if decidable(pattern)):
                tests = [(self._keys.index(k), _test(k, v)) for k, v in pattern[0].items()]
                for place in _places(self._keys, pattern[0]):
                    self._filed.setdefault(place, []).append((n, tests))
            rest = [pattern for pattern in p["patterns"] if not decidable(pattern)]
            if rest:
                self._matcher = self._matcher or Matcher(self.vocab)
                self._matcher.add(str(n), rest)
        self._decided: dict[tuple, tuple[tuple[int, ...], dict]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array(self._columns).tolist() if self._columns else [[] for _ in range(len(doc))]
        if len(self._columns) == 1:
            rows = [[value] for value in rows]
        extra = self._context_matches(doc)
        for i, row in enumerate(rows):
            numbers, merged = self._decide(tuple(row))
            if i in extra:
                # Patterns of both kinds hit this token: apply them all in pattern order.
                merged = {}
                for n in sorted({*numbers, *extra[i]}):
                    merged.update(self._attrs[n])
            if merged:
                set_token_attrs(doc[i], merged)
        return doc

    def _decide(self, row: tuple) -> tuple[tuple[int, ...], dict]:
        """The table's patterns that hold for a token with these values, and their attributes
        merged in pattern order (the later one's value wins, as in the ruler)."""
        found = self._decided.get(row)
        if found is None:
            if len(self._decided) > _MAX_DECIDED:
                self._decided.clear()
            values = [self._readable(key, value) for key, value in zip(self._keys, row)]
            filed = [self._filed.get(place, ()) for place in (None, *enumerate(values))]
            numbers = tuple(sorted({n for group in filed for n, tests in group if all(test(values[c]) for c, test in tests)}))
            merged: dict = {}
            for n in numbers:
                merged.update(self._attrs[n])
            found = self._decided[row] = (numbers, merged)
        return found

    def _readable(self, key: str, value: int) -> Any:
        return bool(value) if key in _FLAG_ATTRS else self.vocab.strings[value]

    def _context_matches(self, doc: Doc) -> dict[int, list[int]]:
        """For each token the ``Matcher``'s patterns set values on, their numbers."""
        if self._matcher is None:
            return {}
        out: dict[int, list[int]] = {}
        for match_id, start, end in self._matcher(doc, allow_missing=True):
            n = int(self.vocab.strings[match_id])
            index = self.patterns[n].get("index", 0)
            target = (start if index >= 0 else end) + index
            if not start <= target < end:
                raise ValueError(f"attribute pattern {n}: index {index} is outside its match of {end - start} token(s)")
            out.setdefault(target, []).append(n)
        return out
