"""The factuality gold-set scorer: label mappings, the CoNLL reader, and small real runs."""

from __future__ import annotations

import pytest

from newsgraph.evaluation.factuality import LABELS, gold_label, parse_conll, predicted_label
from newsgraph.model import Factuality

GOLD_VALUES = [
    (3.0, "CT+"),
    (2.0, "CT+"),
    (2.6, "CT+"),
    (1.8, "hedged"),
    (1.0, "hedged"),
    (0.0, "hedged"),
    (-0.6, "hedged"),
    (-1.8, "hedged"),
    (-2.0, "CT-"),
    (-3.0, "CT-"),
]


@pytest.mark.parametrize("value, label", GOLD_VALUES)
def test_gold_label(value, label):
    assert gold_label(value) == label


OURS = [
    # polarity, certainty, mode -> label
    ("positive", "certain", "actual", "CT+"),
    ("negative", "certain", "actual", "CT-"),
    ("positive", "certain", "historical", "CT+"),
    ("positive", "certain", "future", "CT+"),  # "will X": the gold rates most of these >= 2
    ("negative", "certain", "future", "CT-"),
    ("positive", "probable", "actual", "hedged"),
    ("negative", "probable", "actual", "hedged"),
    ("positive", "possible", "actual", "hedged"),
    ("positive", "underspecified", "actual", "hedged"),
    ("positive", "underspecified", "hypothetical", "hedged"),
    ("positive", "certain", "hypothetical", "hedged"),
    ("negative", "certain", "hypothetical", "hedged"),
]


@pytest.mark.parametrize("polarity, certainty, mode, label", OURS)
def test_predicted_label(polarity, certainty, mode, label):
    assert predicted_label(Factuality(polarity=polarity, certainty=certainty, mode=mode)) == label


SNIPPET = """\
0\tOfficials\t_\tNNS\t1\tnsubj\tofficial
1\tsaid\t3.0\tVBD\t1\tROOT\tsay
2\tthe\t_\tDT\t3\tdet\tthe
3\tdeal\t_\tNN\t6\tnsubjpass\tdeal
4\tmay\t_\tMD\t6\taux\tmay
5\tbe\t_\tVB\t6\tauxpass\tbe
6\tsigned\t0.8\tVBN\t1\tccomp\tsign
7\t.\t_\t.\t1\tpunct\t.

0\tHe\t_\tPRP\t2\tnsubj\the
1\tdid\t_\tVBD\t2\taux\tdo
2\tn't\t_\tRB\t3\tneg\tnot
3\tresign\t-2.6\tVB\t3\tROOT\tresign
4\t.\t_\t.\t3\tpunct\t.
"""


def test_parse_conll():
    sentences = list(parse_conll(SNIPPET.splitlines(keepends=True) + ["\n", "\n"]))
    assert len(sentences) == 2
    first, second = sentences
    assert first.words[:2] == ("Officials", "said")
    assert first.predicates == [1, 6]
    assert first.values[6] == 0.8 and first.values[0] is None
    assert first.tags[6] == "VBN" and first.deps[6] == "ccomp" and first.heads[6] == 1
    assert first.text == "Officials said the deal may be signed."
    assert second.predicates == [3]
    assert [gold_label(second.values[i]) for i in second.predicates] == ["CT-"]
    assert second.text == "He didn't resign."


def test_labels_are_the_three():
    assert set(LABELS) == {"CT+", "CT-", "hedged"}


@pytest.fixture(scope="module")
def small_run(shared_data, nlp):
    from newsgraph.evaluation.factuality import GOLD_PATH, evaluate

    if not (shared_data / GOLD_PATH.format(corpus="uw", split="dev")).is_file():
        pytest.skip("factuality gold set not in the shared data")
    return evaluate(shared_data, limit=20, nlp=nlp)


def test_small_run_metrics(small_run):
    assert small_run.name == "factuality"
    for corpus in ("meantime", "uw"):
        for metric in ("macro_f1", "accuracy"):
            assert 0 <= small_run.metrics[f"{corpus}.{metric}"] <= 100
        details = small_run.details[corpus]
        assert details["sentences"] == 20
        confusion = details["confusion"]
        assert sum(sum(row.values()) for row in confusion.values()) == details["predicates"] > 0
        assert set(details["labels"]) == set(LABELS)
    # the predicate layer gets most plainly asserted predicates right
    assert small_run.metrics["meantime.accuracy"] >= 60
    assert small_run.metrics["uw.accuracy"] >= 50


def test_small_run_errors(small_run):
    wrong = sum(
        count
        for corpus in ("meantime", "uw")
        for gold, row in small_run.details[corpus]["confusion"].items()
        for predicted, count in row.items()
        if gold != predicted
    )
    assert len(small_run.errors) == wrong
    for error in small_run.errors:
        assert error["gold"] != error["predicted"]
        assert error["predicate"] in error["sentence"]
        assert gold_label(error["gold_value"]) == error["gold"]
        assert isinstance(error["cues"], list)



@pytest.mark.parametrize("split", ["train", "dev"])
def test_split_picks_the_gold_file(shared_data, nlp, split):
    from newsgraph.evaluation.factuality import GOLD_PATH, evaluate, read_conll

    path = shared_data / GOLD_PATH.format(corpus="meantime", split=split)
    if not path.is_file():
        pytest.skip(f"factuality {split} split not in the shared data")
    result = evaluate(shared_data, limit=5, nlp=nlp, corpora=("meantime",), split=split)
    assert result.details["split"] == split
    assert result.details["meantime"]["predicates"] == sum(len(s.predicates) for s in read_conll(path, limit=5))
