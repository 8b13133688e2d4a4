"""Corroboration across articles: republished copies, contradictions between sources, the
evidence of a match, and the dev set's cases read as written."""

from __future__ import annotations

import json

import pytest

from newsgraph import Article, Corpus
from newsgraph.corpus.copies import fingerprints
from newsgraph.corpus.event_counts import Stance, contradicting
from newsgraph.evaluation.corroboration import load_cases

WIRE = (
    "Turkish police detained 14 journalists in Istanbul on Monday, accusing them of links to a banned group. "
    "The journalists' union condemned the detentions and called for their release. "
    "The Associated Press could not reach the interior ministry for comment."
)


@pytest.mark.parametrize(
    "first, second, copy",
    [
        # The same story under another headline, with a line added or one dropped.
        (WIRE, WIRE + " The raids began at dawn.", True),
        (WIRE + " The raids began at dawn.", WIRE, True),
        (WIRE, WIRE.rsplit(" The Associated Press", 1)[0], True),
        # Case, punctuation and spacing do not matter.
        (WIRE, WIRE.upper().replace(",", "").replace("  ", " "), True),
        # One shared long sentence is a quotation, not a copy.
        (WIRE, WIRE.split(". ")[0] + ". Police later released six of them without charge, their lawyers said on Tuesday.", False),
        # Short sentences alike ("Turkey criticized the EU.") prove nothing.
        ("Turkey criticized the EU. Talks resumed.", "Turkey criticized the EU. Talks resumed.", False),
    ],
)
def test_republished_copies_are_recognised_in_either_order(tmp_path, first, second, copy):
    from newsgraph.corpus.copies import record_copy
    from newsgraph.corpus.store import open_store

    store = open_store(str(tmp_path / "copies.db"))
    try:
        with store.transaction():
            for key, text in (("art-1", first), ("art-2", second)):
                store.execute(
                    "INSERT INTO articles (id, text, added) VALUES (?, ?, ?)", (key, text, "2026-01-01T00:00:00+00:00")
                )
                original = record_copy(store, key, text)
        assert (original == "art-1") is copy
    finally:
        store.close()


def test_fingerprints_ignore_short_sentences_and_repeats():
    assert fingerprints("Short one. Another short one.") == []
    long = "The minister said the talks would resume in Geneva next week."
    assert len(fingerprints(f"{long} {long}")) == 1


NODES_A = frozenset({"named:palestinian health ministry"})
NODES_B = frozenset({"named:israel defense forces"})


@pytest.mark.parametrize(
    "asserted, contested, clash",
    [
        # Two sources, two sentences: a contradiction.
        (Stance("a1", "S1", "asserted", NODES_A), Stance("a2", "S2", "negated", NODES_B), True),
        (Stance("a1", "S1", "asserted", NODES_A), Stance("a1", "S2", "disputed", NODES_B), True),
        # A sentence never contradicts itself ("failing to reject").
        (Stance("a1", "S1", "asserted", NODES_A), Stance("a1", "S1", "negated", NODES_B), False),
        # A source correcting itself is not contradicted by another.
        (Stance("a1", "S1", "asserted", NODES_A), Stance("a2", "S2", "negated", NODES_A), False),
        # Hedged against negated is no clash; the first must assert.
        (Stance("a1", "S1", "hedged", NODES_A), Stance("a2", "S2", "negated", NODES_B), False),
        (Stance("a1", "S1", "asserted", NODES_A), Stance("a2", "S2", "asserted", NODES_B), False),
    ],
)
def test_contradiction_needs_two_sentences_and_two_sources(asserted, contested, clash):
    assert contradicting(asserted, contested) is clash


def test_dev_cases_mark_their_triggers():
    cases = load_cases()
    assert len(cases) >= 10
    for case in cases:
        texts = dict(case.articles)
        assert case.mentions and {m.event for m in case.mentions} == set(case.events)
        for mention in case.mentions:
            word = texts[mention.article].text[mention.start : mention.end]
            assert word and "[" not in word and word == word.strip()


def test_one_killing_three_outlets(tmp_path):
    """The issue's example: a ministry's report, the same relayed by Reuters, and the army's denial."""
    (case,) = [c for c in load_cases() if c.id == "nablus-killing"]
    with Corpus(tmp_path / "nablus.db") as corpus:
        corpus.ingest([article for _, article in case.articles], check_language=False)
        killings = corpus.events(type="ASSAULT")
        killing = killings[killings["date"] == "2016-03-15"].sort_values("event_id")
        (event_id,) = [e for e in killing["event_id"] if len(corpus.mentions(e)) == 3]
        event = corpus.event(event_id)
        mentions = corpus.mentions(event_id)
        contradictions = corpus.contradictions()
    assert event is not None and event["origins"] == 1 and event["contradicted"]
    # "according to Reuters, citing the ministry": the ministry is the origin, Reuters relays it.
    assert ["Palestinian health ministry", "Reuters", "author"] in list(mentions["chain"])
    assert sorted(mentions["factuality"]) == ["asserted", "asserted", "negated"]
    assert [e is None for e in mentions["evidence"]].count(True) == 1  # the first report began the event
    assert all(set(e["anchor"].split(" + ")) <= {"same trigger", "both dated", "same place"} for e in mentions["evidence"] if e)
    assert set(contradictions["event_id"]) == {event_id} and len(contradictions) == 2
    assert not (contradictions["asserted_sentence"] == contradictions["contested_sentence"]).any()
    assert "citing" not in set(corpus_triggers(tmp_path / "nablus.db"))


def corpus_triggers(path) -> list[str]:
    with Corpus(path) as corpus:
        return [row[0] for row in corpus.store.rows("SELECT trigger_text FROM mentions")[1]]


def test_event_page_shows_why_reports_were_merged(tmp_path):
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    texts = [
        ("Maan News", "Israeli soldiers shot dead a Palestinian man near Nablus on Tuesday, the Palestinian health ministry said."),
        ("WAFA", "Israeli troops killed a Palestinian man near Nablus on Tuesday, the Palestinian health ministry said."),
    ]
    with Corpus(tmp_path / "page.db") as corpus:
        corpus.ingest([Article(text=t, outlet=o, published="2016-03-15", title=o) for o, t in texts], check_language=False)
        merged = [e for e in corpus.events()["event_id"] if len(corpus.mentions(e)) == 2]
        assert len(merged) == 1
        client = TestClient(create_app(corpus=corpus, allowed_hosts=["testserver"]))
        html = client.get(f"/events/{merged[0]}").text
        (joined,) = [m for m in client.get(f"/api/events/{merged[0]}/mentions").json()["items"] if m["evidence"]]
    assert "first report" in html and "joined: both dated + same place, 0 day(s) apart, place same" in html
    assert joined["evidence"] == {"days_apart": 0, "place": "same", "anchor": "both dated + same place"}
    assert "1 independent origin" in html


@pytest.mark.parametrize(
    "earlier, later, entity",
    [
        # One stored person of that surname: the lone surname is that person.
        (["Secretary of State John Kerry met Sergei Lavrov in Geneva."], "Kerry met Lavrov on Monday.", "cat:john kerry"),
        # Two stored people share it: left alone.
        (
            ["Hillary Clinton met Angela Merkel in Berlin.", "Bill Clinton met Angela Merkel in Berlin."],
            "Clinton met Merkel on Monday.",
            "person:clinton",
        ),
        # Nobody stored yet: left alone (the order bound, docs/corroboration.md).
        ([], "Kerry met Lavrov on Monday.", "person:kerry"),
    ],
)
def test_a_lone_surname_joins_the_one_stored_person_of_that_name(tmp_path, earlier, later, entity):
    with Corpus(tmp_path / "surnames.db") as corpus:
        corpus.ingest([Article(text=t, published="2016-09-13") for t in earlier], check_language=False)
        corpus.ingest([Article(text=later, published="2016-09-13")], check_language=False)
        (article_id,) = [a for a in corpus.articles()["id"] if corpus.article(a)["text"] == later]
        report = corpus.report(article_id)
    (person,) = [a for a in report.actors if a.name in {"Kerry", "Clinton"}]
    assert person.entity == entity


def test_a_past_killing_retold_in_a_headline_and_a_body_is_one_event(tmp_path):
    """A headline that names the victim only, a body that retells the killing without a date,
    and another outlet's report dating it to a year: one killing, not three."""
    told = "Auction Of Gun Used To Kill Anna Kowalski Halted.\n\nJohn Fenwick is selling the gun he used to kill Anna Kowalski, his former partner."
    dated = "John Fenwick shot and killed Anna Kowalski in Ohio in 2012, a jury found."
    articles = [
        Article(text=told, title=told.split("\n")[0], published="2016-05-12", outlet="Outlet A"),
        Article(text=dated, published="2016-05-13", outlet="Outlet B"),
    ]
    with Corpus(tmp_path / "retold.db") as corpus:
        corpus.ingest(articles, check_language=False)
        _, rows = corpus.store.rows("SELECT trigger_text, event_id, evidence FROM mentions WHERE trigger_text IN ('Kill', 'kill', 'killed')")
        (event_id,) = {event for _, event, _ in rows}
        event = corpus.event(event_id)
    assert sorted(trigger for trigger, _, _ in rows) == ["Kill", "kill", "killed"]
    # The headline took its missing killer from its own body; the year-dated report is a retelling.
    assert event is not None and event["source_actor"] == "John Fenwick" and event["origins"] == 2
    anchors = {json.loads(evidence)["anchor"] for _, _, evidence in rows if evidence}
    assert anchors == {"its headline + same trigger", "same trigger + undated retelling"}


@pytest.mark.parametrize(
    "title, text, end",
    [
        ("Trump Demands Apology.", "Trump Demands Apology.\n\nDonald Trump demanded ...", 22),
        ("Trump Demands Apology.", "\n  Trump Demands Apology.\nDonald Trump ...", 25),  # leading space kept in offsets
        ("Maan News", "Israeli soldiers shot dead a man near Nablus.", 0),  # a title the text does not open with
        (None, "Israeli soldiers shot dead a man near Nablus.", 0),
    ],
)
def test_the_headline_is_the_title_the_text_opens_with(title, text, end):
    from newsgraph.corpus.writer import headline_end_of

    assert headline_end_of(title, text) == end


@pytest.mark.parametrize(
    "text, trigger, occasion",
    [
        # A possessor's plural: the actor's acts over a stretch, not one of them.
        ("Trump's attacks on Curiel stand out for their personal nature.", "attacks", False),
        ("Sanders's recent attacks on Clinton have alarmed her supporters.", "attacks", False),
        ("He said Sanders will have to tone down his attacks on Clinton.", "attacks", False),
        # A bare plural in a clause that does not assert it: a kind of act.
        ("Trump said airstrikes are needed to prevent terrorist attacks like the shooting in Orlando.", "attacks", False),
        # A determiner, a date of its own (a time as possessor too) or an asserted bare plural: one occasion.
        ("Trump spoke after last Friday's deadly attacks in Paris.", "attacks", True),
        ("Trump will deliver a speech on Monday addressing the terrorist attacks in Orlando.", "attacks", True),
        ("On June 3, Trump continued his attacks against Curiel.", "attacks", True),
        ("Attacks in Paris this month have brought terrorism back to the campaign.", "Attacks", True),
        ("Russian airstrikes killed five civilians in Aleppo.", "airstrikes", True),
        ("Sanders attacked Clinton in Brooklyn on Monday.", "attacked", True),
    ],
)
def test_a_mention_tells_of_one_occasion_or_of_a_habit(nlp, text, trigger, occasion):
    from newsgraph.actors import ActorCatalogue
    from newsgraph.pipeline import build_report

    article = Article(text=text, published="2016-06-13")  # "June 3" read in its calendar
    report = build_report(nlp(text), article, ActorCatalogue.packaged(nlp), judge_events=False)
    (event,) = [e for e in report.events if e.text == trigger]
    assert event.occasion is occasion


def test_a_habit_joins_no_report_of_one_occasion(tmp_path):
    """Reports written for this test: one attack on a day, a second outlet's report of it, and
    a third speaking of the attacker's attacks in general the next day."""
    articles = [
        Article(text="Bernie Sanders attacked Hillary Clinton at a rally in Brooklyn on Monday.", published="2016-04-19", outlet="A"),
        Article(text="Bernie Sanders attacked Hillary Clinton in Brooklyn on Monday, aides said.", published="2016-04-19", outlet="B"),
        # Published the day after: without the rule, the same actors, type and verb would join them.
        Article(text="Bernie Sanders's attacks on Hillary Clinton have alarmed her supporters.", published="2016-04-19", outlet="C"),
        Article(text="Bernie Sanders's attacks on Hillary Clinton worry Democrats.", published="2016-04-19", outlet="D"),
    ]
    with Corpus(tmp_path / "habit.db") as corpus:
        corpus.ingest(articles, check_language=False)
        _, rows = corpus.store.rows("SELECT outlet, event_id FROM mentions WHERE lemma = 'attack'")
    events = {outlet: event for outlet, event in rows}
    assert sorted(events) == ["A", "B", "C", "D"]
    # Two reports of one run of attacks do not make it one occasion either.
    assert events["A"] == events["B"] and len({events["A"], events["C"], events["D"]}) == 3


def test_a_habit_told_twice_in_one_article_is_one_event(tmp_path):
    text = "Bernie Sanders's attacks on Hillary Clinton alarm Democrats. Bernie Sanders's attacks on Hillary Clinton worry his aides."
    with Corpus(tmp_path / "own.db") as corpus:
        corpus.ingest([Article(text=text, published="2016-04-19", outlet="A")], check_language=False)
        _, rows = corpus.store.rows("SELECT event_id FROM mentions WHERE lemma = 'attack'")
    assert len(rows) == 2 and len({event for (event,) in rows}) == 1
