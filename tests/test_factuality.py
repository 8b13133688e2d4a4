"""Factuality: polarity, certainty and mode of events, and commitment of cues."""

from __future__ import annotations

import pytest

from newsgraph.factuality import cue_commitment


@pytest.mark.parametrize(
    "text, trigger, polarity, certainty, mode",
    [
        ("Iran provided Hamas with money.", "provided", "positive", "certain", "actual"),
        ("Iran has not provided Hamas with money since 2009.", "provided", "negative", "certain", "actual"),
        ("Iran never provided Hamas with money.", "provided", "negative", "certain", "actual"),
        ("Turkey may send troops to Libya.", "send", "positive", "possible", "actual"),
        ("Russia reportedly sold weapons to Syria.", "sold", "positive", "probable", "actual"),
        ("The U.S. will impose sanctions on Iran.", "impose", "positive", "certain", "future"),
        ("If Hezbollah attacks Israel, the war will spread.", "attacks", "positive", "underspecified", "hypothetical"),
        ("Israel refused to release the prisoners.", "release", "negative", "certain", "actual"),
        ("Egypt failed to mediate between Israel and Hamas.", "mediate", "negative", "certain", "actual"),
        ("Iran plans to send weapons to Syria.", "send", "positive", "probable", "future"),
        # a wished-for state of someone else's doing: hedged, not the wisher's plan
        ("A lawmaker wants Trump banned from the country.", "banned", "positive", "probable", "actual"),
        ("Protesters wanted the governor arrested.", "arrested", "positive", "probable", "actual"),
        ("Police hoped that the men were arrested.", "arrested", "positive", "probable", "actual"),
        # a question asserts nothing, a quoted one included; the frame around the quote does
        ("Did Hamas attack Israel?", "attack", "positive", "underspecified", "actual"),
        ('The host asked, "Do you think that Egypt will close the border?"', "close", "positive", "underspecified", "future"),
        ('The host asked, "Do you think that Egypt will close the border?"', "asked", "positive", "certain", "actual"),
        # a realised preventing verb negates the event its object names
        ("A test flight of the new jet was delayed after an accident.", "flight", "negative", "certain", "actual"),
        ("Lawmakers killed the deal in October.", "deal", "negative", "certain", "actual"),
        ("Test flight delayed after accident", "flight", "negative", "certain", "actual"),
        # an attempt to prevent does not
        ("The company sued to block a tender offer.", "offer", "positive", "certain", "actual"),
        # an index that moved "to reach" or "to close at" a level got there; the purpose of a
        # past action is read as achieved, that of a future or negated one is not
        ("The Nikkei dropped 9.6% to reach a 20-year low.", "reach", "positive", "certain", "actual"),
        ("The Nikkei dropped 9.62% to reach a 20 year low.", "reach", "positive", "certain", "actual"),  # parsed as xcomp
        ("The president went on television to calm the public.", "calm", "positive", "certain", "actual"),
        ("The rifle was sent to a laboratory to determine its origin.", "determine", "positive", "certain", "actual"),
        ("The company will cut prices to win customers.", "win", "positive", "probable", "actual"),
        ("The company did not cut prices to win customers.", "win", "positive", "probable", "actual"),
        # a negated "would"/"could"/"can" is a refusal or an inability, not a hedge
        ("He wouldn't elaborate.", "elaborate", "negative", "certain", "actual"),
        ("The minister could not be reached for comment.", "reached", "negative", "certain", "actual"),
        ("The deal could collapse.", "collapse", "positive", "possible", "actual"),
        # an adjective predicate takes its copula's negation and modals
        ("The company is not efficient enough.", "efficient", "negative", "certain", "actual"),
        ("The company may be efficient.", "efficient", "positive", "possible", "actual"),
        # degree words scale the predicate, they do not doubt it; "probably" does
        ("The damage was relatively minor.", "minor", "positive", "certain", "actual"),
        ("Shares recovered somewhat by the close.", "recovered", "positive", "certain", "actual"),
        ("Shares probably recovered by the close.", "recovered", "positive", "probable", "actual"),
        # "nearly" did not happen
        ("The Dow nearly broke the record on Friday.", "broke", "negative", "certain", "actual"),
        # a delay announced with "will" stops the event as surely as a past one
        ("The jet's delivery will be delayed until October.", "delivery", "negative", "certain", "future"),
        # a direct object of "call" or "offer" is real; the object of "call for" is not
        ("Horsley called the move a temporary setback.", "move", "positive", "certain", "actual"),
        ("The union called for a strike.", "strike", "positive", "probable", "actual"),
        # raised subjects, fears, shared infinitives, modal time clauses, embedded questions
        ("The prospects for growth appear good.", "prospects", "positive", "probable", "actual"),
        ("The recovery is likely to be slow.", "recovery", "positive", "probable", "actual"),
        ("Stocks plunged on fears over a recession.", "recession", "positive", "probable", "actual"),
        ("The government is fighting to stem the crash and restore confidence.", "restore", "positive", "probable", "actual"),
        ("Prices could rise further as the economic crisis worsens.", "worsens", "positive", "probable", "actual"),
        ("Investors worry whether the company will be able to keep operating.", "operating", "positive", "underspecified", "actual"),
        ("Our goal is to reunite the boy and his father.", "reunite", "positive", "probable", "actual"),
        ("The crisis deepened as banks failed.", "failed", "positive", "certain", "actual"),
        # "agreed to" reports a done deal; "has to" an obligation
        ("The company agreed to sell its steel unit.", "sell", "positive", "certain", "future"),
        ("The company has to sell its steel unit.", "sell", "positive", "probable", "actual"),
        # governors that rule their infinitive out
        ("They were too afraid to stay.", "stay", "negative", "certain", "actual"),
        ("IBM has no plans to recall the cards.", "recall", "negative", "certain", "actual"),
        ("Officials weren't available to comment.", "comment", "negative", "certain", "actual"),
        ("EADS has won a contract to supply tankers.", "supply", "positive", "certain", "actual"),
        ("EADS made an attempt to supply tankers.", "supply", "positive", "probable", "actual"),
        ("Their failure to enforce the deadline angered Cuba.", "enforce", "negative", "certain", "actual"),
        # a noun subject or prepositional object does not take its clause's modal
        ("Economic conditions could worsen further.", "conditions", "positive", "certain", "actual"),
        ("Economic conditions could worsen further.", "worsen", "positive", "possible", "actual"),
        ("Investors may lose money in the crisis.", "crisis", "positive", "certain", "actual"),
        ("Troops will remain until Iraq complies with the resolution.", "complies", "positive", "probable", "actual"),
        ("Residents hoped the killer was caught.", "caught", "positive", "probable", "actual"),
        ("Apple to lower UK iTunes prices", "lower", "positive", "certain", "future"),
        # a headline's infinitive is the news it announces; the same words in a sentence hedge
        ("Airline plans to buy ten new jets", "buy", "positive", "certain", "future"),
        ("The airline plans to buy ten new jets.", "buy", "positive", "probable", "future"),
        ("Museum opens new wing to attract visitors", "attract", "positive", "certain", "future"),
        ("The plane promises better fuel efficiency.", "fuel", "positive", "probable", "actual"),
        ("The prospects for a return to growth are good.", "growth", "positive", "probable", "actual"),
        # a finite conjunct has its own tense; a bare one shares the modal
        ("The company wouldn't identify the buyer, but said the sale was closed.", "said", "positive", "certain", "actual"),
        ("The stock may rise and reach a record.", "reach", "positive", "possible", "actual"),
        ("Intel said it had fixed the flaw and would start shipping chips.", "start", "positive", "certain", "future"),
        # an aspectual verb passes its reported "would" on to its complement: the report's future
        ("A spokesman said the plant would stop building trucks.", "building", "negative", "certain", "future"),
        ("Officials said the protesters would continue to march every day.", "march", "positive", "certain", "future"),
        ("Officials said the protesters would like to march every day.", "march", "positive", "probable", "actual"),
        # negation does not cross a that-clause or reach a conjunct with its own tense
        ("Coleco failed to come up with a winner and filed for bankruptcy.", "filed", "positive", "certain", "actual"),
        ("The prosecutor declined to discuss what charges were being pursued.", "pursued", "positive", "certain", "actual"),
        ("They set up a joint venture called Orion.", "venture", "positive", "certain", "actual"),
        # a verb particle is part of its verb's predicate and as factual as the verb
        ("The chairman has decided to step down next year.", "down", "positive", "probable", "future"),
        ("The chairman stepped down last year.", "down", "positive", "certain", "actual"),
        ("The airline wants to bring its old jets back.", "back", "positive", "probable", "future"),
        # "not to X" under a directive verb rules X out; a plain directive leaves X open
        ("The minister told airlines not to buy foreign jets.", "buy", "negative", "certain", "actual"),
        ("The minister told airlines to buy foreign jets.", "buy", "positive", "probable", "actual"),
        ("An official, who asked not to be named, confirmed the deal.", "named", "negative", "certain", "actual"),
        # a passive infinitive with a date is on the calendar; without one it is only intended
        ("The company announced a summit to be held on October 12.", "held", "positive", "certain", "actual"),
        ("The company announced a summit to be held soon.", "held", "positive", "probable", "actual"),
        # an infinitive that ranks its noun ("the first woman to win") reports the doing
        ("She was the first woman to win the race.", "win", "positive", "certain", "actual"),
        ("He was the 456th person to be placed on the list.", "placed", "positive", "certain", "actual"),
        ("EADS made an attempt to supply tankers.", "supply", "positive", "probable", "actual"),
        # "any" picks out no particular event: its existence is not asserted
        ("The ministry condemned any attacks on civilians.", "attacks", "positive", "underspecified", "actual"),
        ("The ministry condemned the attacks on civilians.", "attacks", "positive", "certain", "actual"),
        # "go on to" tells the next thing done, not a purpose
        ("The editorial goes on to criticize the senator.", "criticize", "positive", "certain", "actual"),
        ("The group goes to Washington to lobby the senator.", "lobby", "positive", "probable", "actual"),
        # a definite noun act is presupposed: a question or a condition does not reach it,
        # an indefinite one stays open
        ("A host asked if the leaks led to the Paris attacks.", "attacks", "positive", "certain", "actual"),
        ("She asked whether Obama's endorsement created a conflict.", "endorsement", "positive", "certain", "actual"),
        ("If the embargo holds, prices will rise.", "embargo", "positive", "certain", "actual"),
        ("A host asked if the leaks led to attacks.", "attacks", "positive", "underspecified", "hypothetical"),
        # a noun keeps its own polarity under a negated or negative governor
        ("The family refused to sign the agreement.", "sign", "negative", "certain", "actual"),
        ("The family refused to sign the agreement.", "agreement", "positive", "certain", "actual"),
    ],
)
def test_event_factuality(nlp, text, trigger, polarity, certainty, mode):
    # Scored on the predicate token itself, as the MEANTIME/UW gold sets do: not every
    # predicate is an event between actors.
    from newsgraph.factuality import event_factuality

    doc = nlp(text)
    f = event_factuality(next(t for t in doc if t.text == trigger))
    assert (f.polarity, f.certainty, f.mode) == (polarity, certainty, mode)


def test_denial_negates_the_denied_event(analyze_text):
    report = analyze_text("A spokesman for the Egyptian army denied that the military had attacked Hamas.")
    event = next(e for e in report.events if e.text == "attacked")
    assert event.factuality.polarity == "negative"
    assert report.attribution(event.attribution).cue.text == "denied"


def test_old_events_are_historical(analyze_text):
    report = analyze_text("Iraq invaded Kuwait in 1990.", published="2016-01-10")
    (event,) = report.events
    assert event.factuality.mode == "historical"


@pytest.mark.parametrize(
    "cue, polarity, certainty",
    [
        ("say", "positive", "underspecified"),
        ("claim", "positive", "possible"),
        ("allege", "positive", "possible"),
        ("reveal", "positive", "certain"),
        ("find", "positive", "certain"),
        ("deny", "negative", "probable"),
        (None, "positive", "underspecified"),
    ],
)
def test_cue_commitment(cue, polarity, certainty):
    f = cue_commitment(cue)
    assert (f.polarity, f.certainty) == (polarity, certainty)
