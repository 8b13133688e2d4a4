"""The pipeline's own spaCy components: paragraph boundaries and headlines in capitals;
and the document helpers every layer uses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.components import paragraph_boundaries
from newsgraph.nlp import Opening, openings, word_positions
from newsgraph.recase import capitals_run, title_case


@pytest.mark.parametrize(
    "text, capitals",
    [
        ("POLICE SAY GUNMAN KILLED THREE IN TEXAS", ["POLICE", "SAY", "GUNMAN", "KILLED", "THREE", "IN", "TEXAS"]),
        # numbers and punctuation inside a run do not break it
        ("4. REBELS SEIZE 2 TOWNS - REPORT", ["REBELS", "SEIZE", "TOWNS", "REPORT"]),
        # a heading in capitals before a quoted speaker in ordinary case
        ("VOTERS WANT CHANGE - Ann Lee: “We saw it.”", ["VOTERS", "WANT", "CHANGE"]),
        # acronyms in ordinary prose are not a heading
        ("The FBI and CIA briefed NATO on Monday.", []),
        ("The FBI, CIA briefed lawmakers.", []),
        # single letters do not count as words in capitals
        ("I SAW A UFO", []),
    ],
)
def test_capitals_run(nlp, text, capitals):
    doc = nlp.make_doc(text)
    found = capitals_run(doc[:])
    assert [doc[i].text for i in sorted(found)] == capitals


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Senate Republicans Block Bill To Fund Rural Clinics", True),
        ("Another Union Endorses The Mayor.", True),
        # ordinary prose with a long title and a name is not a headline
        ("Former Secretary of State Hillary Clinton said on Monday that she would run.", False),
        # too few long words to tell
        ("Photo: Reuters", False),
    ],
)
def test_title_case(nlp, text, expected):
    assert title_case(nlp.make_doc(text)[:]) is expected


@pytest.mark.parametrize(
    "text, lowered",
    [
        # common words are lowered, the first word and unlisted names are not
        ("Senate Republicans Block Bill To Fund Rural Clinics", ["block", "bill", "fund", "rural", "clinics"]),
        # a name that is also a word stays a name where the article capitalises it in prose
        ("Governor Slams Trump Over Tariffs\n\nThe governor said Trump was wrong.", ["slams", "over", "tariffs"]),
    ],
)
def test_title_case_headline_words_lowered_for_the_parser(nlp, text, lowered):
    doc = nlp(text)
    found = nlp.get_pipe("newsgraph_recase").words_to_lower(doc)
    assert [doc[i].lower_ for _, words in found for i in sorted(words)] == lowered


@pytest.mark.parametrize(
    "text, word, pos, lemma",
    [
        ("POLICE SAY GUNMAN KILLED THREE IN TEXAS", "SAY", "VERB", "say"),
        ("POLICE SAY GUNMAN KILLED THREE IN TEXAS", "KILLED", "VERB", "kill"),
        ("GOVERNMENTS RECAST ANTI-EXTREMISM EFFORTS.", "RECAST", "VERB", "recast"),
        ("Senate Republicans Block Bill To Fund Rural Clinics", "Block", "VERB", "block"),
    ],
)
def test_headline_in_capitals_is_parsed_in_lower_case(nlp, text, word, pos, lemma):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert doc.text == text  # the article's text and tokens are untouched
    assert (token.pos_, token.lemma_) == (pos, lemma)


def test_headline_in_capitals_keeps_its_reporting_frame(analyze_text):
    report = analyze_text("RUSSIA SENDS TROOPS TO SYRIA, OFFICIALS SAY\n\nPOLICE SAY GUNMAN KILLED THREE IN TEXAS")
    frames = [(a.source.text, a.cue.text, [report.article.text[s:e] for s, e in a.content]) for a in report.attributions]
    assert frames == [
        ("OFFICIALS", "SAY", ["RUSSIA SENDS TROOPS TO SYRIA"]),
        ("POLICE", "SAY", ["GUNMAN KILLED THREE IN TEXAS"]),
    ]


@pytest.mark.parametrize(
    "text, starts",
    [
        # a line break ends a sentence: headlines and bylines have no final period
        ("Rebels seize town\nBy Ann Lee\nThe rebels said", ["Rebels", "By", "The"]),
        # a quotation mark opening a paragraph belongs to the sentence it opens
        ('Intro here\n"We won," she said', ["Intro", '"']),
        ('Intro here\n"We won"', ["Intro", '"']),
        # a quotation mark inside a sentence sets nothing
        ('He said "no" twice', ["He"]),
        ("One word", ["One"]),
    ],
)
def test_paragraph_boundaries(nlp, text, starts):
    doc = paragraph_boundaries(nlp.make_doc(text))
    assert [t.text for t in doc if t.is_sent_start and not t.is_space] == starts


_WORDS = ["Police", "said", "says", "the", "killed", "Kill", "KILLING", "it", "terror", ".", "\n", "Ironically", "so-called"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=0, max_size=25), st.sets(st.sampled_from(["said", "kill", "terror", "police"])), st.sets(st.sampled_from(["say", "kill", "the", "ironically"])))
def test_word_positions_are_a_scan_of_the_words(nlp, words, lowers, lemmas):
    doc = nlp(" ".join(words))
    expected = [t.i for t in doc if t.lower_ in lowers or t.lemma_.lower() in lemmas]
    assert word_positions(doc, lowers=lowers, lemmas=lemmas) == expected


_RULES = [
    Opening(pos=frozenset({"VERB"})),
    Opening(tags=frozenset({"NNS"}), lowers=frozenset({"the"})),
    Opening(chars="-."),
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=0, max_size=25))
def test_openings_are_a_scan_of_the_tokens(nlp, words):
    doc = nlp(" ".join(words))
    expected = {}
    for token in doc:
        admitting = tuple(
            n
            for n, rule in enumerate(_RULES)
            if token.pos_ in rule.pos or token.tag_ in rule.tags or token.lower_ in rule.lowers or any(ch in token.lower_ for ch in rule.chars)
        )
        if admitting:
            expected[token.i] = admitting
    assert openings(doc, _RULES) == expected


def test_headlines_recased_in_a_batch_parse_as_one_at_a_time(nlp):
    texts = [
        "POLICE SAY GUNMAN KILLED THREE IN TEXAS\n\nThe police said so.",
        "No headline here. Just prose about the council.",
        "Senate Republicans Block Bill To Fund Rural Clinics\n\nThe bill failed.",
        "Trump Warns Clinton Over Emails\n\nTrump spoke on Monday.",
    ]
    one_by_one = [nlp(text) for text in texts]
    batched = list(nlp.pipe(texts, batch_size=4))
    for alone, together in zip(one_by_one, batched):
        assert [(t.pos_, t.lemma_, t.dep_, t.head.i) for t in alone] == [(t.pos_, t.lemma_, t.dep_, t.head.i) for t in together]
        assert [(e.start, e.end, e.label_) for e in alone.ents] == [(e.start, e.end, e.label_) for e in together.ents]
