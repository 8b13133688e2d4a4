"""The attribute ruler's patterns decided by table set exactly what spaCy's ruler sets."""

from __future__ import annotations

import numpy
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

from newsgraph.attribute_rules import AttributeRules, decidable
from newsgraph.components import DEFAULT_MODEL

_ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def stock():
    """The stock pipeline up to its attribute ruler, and that ruler."""
    nlp = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    return nlp, nlp.get_pipe("attribute_ruler")


def _before_ruler(nlp, text):
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "attribute_ruler":
            return doc
        doc = component(doc)
    raise AssertionError("no attribute ruler")


def _both(nlp, ruler, rules, text):
    ours = rules(_before_ruler(nlp, text))
    theirs = ruler(_before_ruler(nlp, text))
    return ours, theirs


def _same(ours, theirs):
    return numpy.array_equal(ours.to_array(_ATTRS), theirs.to_array(_ATTRS)) and [str(t.morph) for t in ours] == [
        str(t.morph) for t in theirs
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The minister said something to nobody in Cairo on Tuesday.",
        "I ain't gonna sign it, y'all, and we gotta go. Let's see. C'mon!",
        "There is a protest, and there were two more; there's another.",
        "SENATE BLOCKS BILL\n\n  The vote   failed\tlate.",
        "“We will not back down,” she told reporters, because that was what he'd promised.",
        "",
        "   ",
    ],
)
def test_the_stock_rules_set_what_the_ruler_sets(stock, text):
    nlp, ruler = stock
    rules = AttributeRules(nlp, ruler.patterns)
    assert _same(*_both(nlp, ruler, rules, text))


_WORDS = ["the", "police", "said", "something", "ai", "n't", "gon", "na", "there", "is", "'s", "let", "y'", "all", "\n", " ", "."]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12))
def test_any_word_sequence_gets_the_rulers_values(stock, words):
    nlp, ruler = stock
    rules = AttributeRules(nlp, ruler.patterns)
    assert _same(*_both(nlp, ruler, rules, " ".join(words)))


# Patterns of every kind the table decides or hands to its matcher, in an order where a later
# pattern overrides an earlier one on the same token.
_CUSTOM = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"LEMMA": "first"}, "index": 0},
    {"patterns": [[{"LOWER": {"IN": ["police", "army"]}}]], "attrs": {"LEMMA": "force"}, "index": 0},
    {"patterns": [[{"LOWER": {"REGEX": "^pol"}, "TAG": {"NOT_IN": ["VBD"]}}]], "attrs": {"MORPH": "Number=Plur"}, "index": 0},
    {"patterns": [[{"LOWER": "the"}, {"TAG": "NN"}]], "attrs": {"LEMMA": "second"}, "index": -1},
    {"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {"POS": "PROPN"}, "index": 0},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}, "index": 0},
]


@pytest.mark.parametrize(
    "text,word,lemma",
    [
        ("The police said the report was late.", "report", "second"),  # the later two-token pattern wins
        ("A report was late.", "report", "first"),
        ("The police said so.", "police", "force"),
    ],
)
def test_later_patterns_win_in_both(stock, text, word, lemma):
    nlp, _ = stock
    ruler = AttributeRuler(nlp.vocab)
    ruler.add_patterns(_CUSTOM)
    rules = AttributeRules(nlp, _CUSTOM)
    ours, theirs = _both(nlp, ruler, rules, text)
    assert _same(ours, theirs)
    assert next(t.lemma_ for t in ours if t.text.lower() == word) == lemma


@pytest.mark.parametrize(
    "pattern,expected",
    [
        ([{"TAG": "NN"}], True),
        ([{"TAG": "NN", "LOWER": {"IN": ["a", "b"]}}], True),
        ([{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}], True),
        ([{"LOWER": "gon"}, {"LOWER": "na"}], False),  # two tokens
        ([{"TAG": "NN", "OP": "+"}], False),  # an operator
        ([{"LENGTH": {">=": 3}}], False),  # a value the table does not read
        ([{"IS_SPACE": {"IN": [True]}}], False),
    ],
)
def test_which_patterns_the_table_decides(pattern, expected):
    assert decidable(pattern) is expected


def test_the_pipeline_runs_the_table_in_the_rulers_place(nlp):
    names = nlp.pipe_names
    assert "attribute_ruler" not in names
    assert names.index("parser") < names.index("newsgraph_attributes") < names.index("lemmatizer")
