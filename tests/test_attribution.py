"""Attribution: cues, sources, contents, types, nesting and relay chains."""

from __future__ import annotations

import pytest


def _one(report):
    assert len(report.attributions) == 1, [a.cue.text for a in report.attributions]
    return report.attributions[0]


def _triples(report):
    """(source, cue, content pieces) of every attribution, in document order."""
    return [(a.source.text, a.cue.text, [report.article.text[s:e] for s, e in a.content]) for a in report.attributions]


def _outermost(report):
    """``_triples`` of the attributions PolNeAR scores: those not nested in another's content."""
    from newsgraph.evaluation.polnear import top_level

    kept = {a.id for a in top_level(report.attributions)}
    return [t for a, t in zip(report.attributions, _triples(report)) if a.id in kept]


def _content(report, attribution):
    return " | ".join(report.span_text(s) for s in attribution.content)


@pytest.mark.parametrize(
    "text, source, cue, content, type_, kind",
    [
        (
            "The minister said on Monday that the army would withdraw from the town.",
            "The minister", "said", "that the army would withdraw from the town", "indirect", "official",
        ),
        (
            "According to a senior U.S. official, Iran may have supplied drones to Russia.",
            "a senior U.S. official", "According to", "Iran may have supplied drones to Russia.", "according_to", "official",
        ),
        (
            '"We will not negotiate with terrorists," Prime Minister Benjamin Netanyahu told reporters.',
            "Prime Minister Benjamin Netanyahu", "told", "We will not negotiate with terrorists", "direct", "named_person",
        ),
        (
            "Israeli troops killed three people in Jenin, the Palestinian health ministry said.",
            # A ministry is one identifiable body wherever it is cited, not an unnamed official.
            "the Palestinian health ministry", "said", "Israeli troops killed three people in Jenin", "indirect", "named_organization",
        ),
        (
            'Abbas: "We will never recognize the occupation."',
            "Abbas", ":", "We will never recognize the occupation.", "direct", "named_person",
        ),
        (
            'He said the talks were "going nowhere" and that Iran was to blame.',
            "He", "said", 'the talks were "going nowhere" and that Iran was to blame', "mixed", "vague",
        ),
        (
            "Sources familiar with the matter say the deal is close.",
            "Sources familiar with the matter", "say", "the deal is close", "indirect", "anonymous",
        ),


        (
            '"We will not give up our rights." — Mahmoud Abbas, Palestinian president',
            "Mahmoud Abbas, Palestinian president", "—", "We will not give up our rights.", "direct", "named_person",
        ),
        (
            '"Negotiations are over," said Hamas spokesman Fawzi Barhoum.',
            "Hamas spokesman Fawzi Barhoum", "said", "Negotiations are over", "direct", "named_person",
        ),
        (
            'Critics called the plan "unworkable".',
            "Critics", "called", 'the plan "unworkable"', "mixed", "vague",
        ),
        (
            "Clinton wants to raise taxes on the wealthy.",
            "Clinton", "wants", "to raise taxes on the wealthy", "indirect", "named_person",
        ),
        (
            "But to prevent problems, he said, local officials should be vigilant.",
            "he", "said", "But to prevent problems | local officials should be vigilant.", "indirect", "vague",
        ),
        (
            "Pence: Flowers will not be at the debate.",
            "Pence", ":", "Flowers will not be at the debate.", "indirect", "named_person",
        ),
        (
            "Netanyahu's claim that the election is rigged was rejected.",
            "Netanyahu's", "claim", "that the election is rigged", "indirect", "named_person",
        ),
        # What the passive is about is content too, beside what it is for.
        (
            "Trump was criticized by his rivals for skipping the debate.",
            "his rivals", "was criticized", "Trump | skipping the debate", "indirect", "vague",
        ),
        (
            "Al Jazeera reported that Qatar had expelled the envoy.",
            "Al Jazeera", "reported", "that Qatar had expelled the envoy", "indirect", "outlet",
        ),
    ],
)
def test_single_attributions(analyze_text, text, source, cue, content, type_, kind):
    report = analyze_text(text)
    attribution = _one(report)
    assert attribution.source.text == source
    assert attribution.cue.text == cue
    assert _content(report, attribution) == content
    assert attribution.type == type_
    assert attribution.source.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "The army seized three trucks near the border.",
        "Gaza: the crossing reopens on Monday.",
        "He dropped the keys under the mat.",
    ],
)
def test_no_attribution(analyze_text, text):
    assert analyze_text(text).attributions == ()


def test_nested_attribution_chain(analyze_text):
    report = analyze_text(
        "Israel's intelligence community has found that Hamas and Iran intensified their cooperation in 2015 - so reports Middle East Newsline (MENL)."
    )
    chains = sorted(a.chain for a in report.attributions)
    assert ("Israel's intelligence community", "Middle East Newsline", "author") in chains
    assert ("Middle East Newsline", "author") in chains
    inner = next(a for a in report.attributions if a.cue.text == "has found")
    outer = next(a for a in report.attributions if a.cue.text == "reports")
    assert inner.via == outer.id and outer.via is None


@pytest.mark.parametrize(
    "text, cue, chain",
    [
        # a joint source is every actor in it, not the first one named
        ("Egypt and Jordan said the border would stay closed.", "said", ("Egypt and Jordan", "author")),
        ("Egypt said the border would stay closed.", "said", ("Egypt", "author")),
        ("The minister and his deputy said the talks had failed.", "said", ("The minister and his deputy", "author")),
        # a relative pronoun is named by the noun it stands for
        ("He was echoing some commentators who have suggested that the plan failed.", "have suggested", ("some commentators", "He", "author")),
        ("The plan was opposed by Hamas, which said the talks had failed.", "said", ("Hamas", "author")),
        # a source relaying itself is one link
        ("Stacy Baker says she really thinks the senator can win.", "thinks", ("Stacy Baker", "author")),
        ("Stacy Baker says Egypt thinks the senator can win.", "thinks", ("Egypt", "Stacy Baker", "author")),
    ],
)
def test_chain_names_the_source_in_full(analyze_text, text, cue, chain):
    from newsgraph.corpus.writer import chain_kinds

    report = analyze_text(text)
    attribution = next(a for a in report.attributions if a.cue.text == cue)
    assert attribution.chain == chain
    assert len(chain_kinds(report, attribution)) == len(chain)


@pytest.mark.parametrize(
    "text, source",
    [
        # the parser takes the quotation into the speaker's phrase; the source starts after it
        ("“It is over,” councilmember Dana Ruiz said of the vote on the contracts.", "councilmember Dana Ruiz"),
        ("“We have seen enough of the prejudice and the paranoia,”Anna Smith said.", "Anna Smith"),
        # a quoted title inside the speaker's phrase stays
        ("His book “The Art of the Deal” says the deal is everything.", "His book “The Art of the Deal"),
    ],
)
def test_source_starts_after_the_quotation(analyze_text, text, source):
    assert _one(analyze_text(text)).source.text == source


def _span(text, words):
    start = text.index(words)
    return (start, start + len(words))


@pytest.mark.parametrize(
    "text, source, content, expected_source, expected_content",
    [
        # the agent of a passive the content runs on into is a real speaker
        (
            "Ginsburg was appointed to the Supreme Court by President Bill Clinton in 1993.",
            "President Bill Clinton", "the Supreme Court by President Bill Clinton in 1993",
            "President Bill Clinton", "the Supreme Court by President Bill Clinton in 1993",
        ),
        # the first word of the quotation is no speaker: the source is left unnamed
        (
            "“We were wrong to wait,” the former aide told reporters.",
            "We", "We were wrong to wait",
            None, "We were wrong to wait",
        ),
        # a source outside its content is kept as it is
        (
            "“We were wrong to wait,” the former aide told reporters.",
            "the former aide", "We were wrong to wait",
            "the former aide", "We were wrong to wait",
        ),
    ],
)
def test_a_source_never_lies_inside_its_own_content(text, source, content, expected_source, expected_content):
    from newsgraph.attribution.draft import AttributionDraft
    from newsgraph.attribution.records import keep_source_out_of_content

    draft = AttributionDraft(cue_tokens=(0, 1), cue=(0, 1), source=_span(text, source), source_head=None, content=[_span(text, content)], type="indirect")
    keep_source_out_of_content(text, draft)
    assert (draft.source and text[slice(*draft.source)], [text[slice(*c)] for c in draft.content]) == (expected_source, [expected_content])


def test_told_outlet_relays_through_that_outlet(analyze_text):
    report = analyze_text(
        'Intelligence has improved. "They have the same interests," a source told Middle East Newsline (MENL).'
    )
    told = next(a for a in report.attributions if a.cue.text == "told")
    assert told.chain == ("a source", "Middle East Newsline", "author")


def test_citing_relays_through_the_reporter(analyze_text):
    report = analyze_text("Al Jazeera reported that Egyptian mediators were pressing Israel, citing sources familiar with the talks.")
    citing = next(a for a in report.attributions if a.cue.text == "citing")
    assert citing.chain == ("sources familiar with the talks", "Al Jazeera", "author")
    pressing = next(e for e in report.events if e.text == "pressing")
    assert pressing.attribution == citing.id


@pytest.mark.parametrize(
    "text, trigger, chain",
    [
        # "according to X, citing Y" and "X reported, citing Y": Y is the origin, X relays it
        (
            "Israeli troops killed a man near Nablus, according to Reuters, citing the Palestinian health ministry.",
            "killed", ("Palestinian health ministry", "Reuters", "author"),
        ),
        (
            "Warplanes bombed a market in Saada on Tuesday, state news agency Saba reported, citing the Yemeni health ministry.",
            "bombed", ("Yemeni health ministry", "Saba", "author"),
        ),
    ],
)
def test_a_cited_source_is_the_origin_of_the_relayed_claim(analyze_text, text, trigger, chain):
    report = analyze_text(text)
    (event,) = [e for e in report.events if e.text == trigger]
    assert report.attribution(event.attribution).chain == chain
    assert "citing" not in {e.text for e in report.events}  # a frame, not an act


@pytest.mark.parametrize(
    "text, trigger, chain",
    [
        # the event is what the cue acts on, named as its object: the author says it happened
        ("Senator Lee praised Governor Brown for criticizing Iran.", "criticizing", None),
        ("Senator Lee rejected criticism from Governor Brown.", "criticism", None),
        ("The video cites Trump's call for a ban on Muslims.", "call", None),
        ("The video cites Trump's call for a ban on Muslims.", "ban", None),
        # a request reports nothing: the arrest and the blocking are asked for, not said to happen
        ("The mayor urged the police to arrest the looters.", "arrest", None),
        ("Mayor Adams asked protesters not to block the bridge.", "block", None),
        # a claim stays its speaker's, an accusation's "of" included
        ("The minister said the army plans to attack the rebels.", "attack", ("The minister", "author")),
        ("Senator Lee accused Governor Brown of threatening reporters.", "threatening", ("Lee", "author")),
    ],
)
def test_only_a_reporting_attribution_stands_behind_an_event(analyze_text, text, trigger, chain):
    report = analyze_text(text)
    (event,) = [e for e in report.events if e.text == trigger]
    attribution = report.attribution(event.attribution) if event.attribution else None
    assert (attribution.chain if attribution else None) == chain


def test_parenthetical_as_reports(analyze_text):
    report = analyze_text('As the Ma\'an news agency reports, "The leadership has failed to hold elections."')
    attribution = _one(report)
    assert attribution.source.kind == "outlet"
    assert report.actor(attribution.source.actor).name.startswith("Ma'an")
    assert _content(report, attribution) == "The leadership has failed to hold elections."


@pytest.mark.parametrize(
    "text, expected",
    [
        # A bare participle is passive: whoever asked is not named.
        ("Asked whether he would run, the senator said he had not decided.", [("Asked", ""), ("said", "the senator")]),
        ("Trump seemed to endorse the plan.", [("seemed", ""), ("to endorse", "Trump")]),
    ],
)
def test_sources_of_passive_and_raising_cues(analyze_text, text, expected):
    report = analyze_text(text)
    assert [(a.cue.text, a.source.text) for a in report.attributions] == expected


def test_quote_resumed_after_the_cue_with_two_apostrophe_marks(analyze_text):
    report = analyze_text("''It gives an advantage to serious candidates,'' Mr. Gingrich said. ''Because this is an opportunity.''")
    attribution = _one(report)
    assert attribution.type == "direct"
    assert _content(report, attribution) == "It gives an advantage to serious candidates | Because this is an opportunity."


def test_quote_continues_across_paragraphs(analyze_text):
    report = analyze_text(
        '"The armed forces have not stopped a single convoy," the spokesman said. "We are protecting the corridors.\n\n'
        '"Any delay is caused by the militia."\n\nHuman Rights Watch disagreed.'
    )
    said = next(a for a in report.attributions if a.cue.text == "said")
    assert [report.span_text(s) for s in said.content] == [
        "The armed forces have not stopped a single convoy",
        "We are protecting the corridors.",
        "Any delay is caused by the militia.",
    ]


def test_dateline_is_not_content(analyze_text):
    report = analyze_text("KHARTOUM, March 12 (Reuters) - The army blocked an aid convoy, two officials said.")
    attribution = _one(report)
    assert _content(report, attribution) == "The army blocked an aid convoy"


def test_dispute_relation_points_to_earlier_claim(analyze_text):
    report = analyze_text(
        "Hamas sources complained that Iran has not provided them with money. "
        "The newspaper Asharq Al-Awsat puts the lie to this claim, explaining that Iran still pays."
    )
    (relation,) = report.relations
    assert relation.type == "disputes"
    target = report.attribution(relation.to)
    assert target.source.text == "Hamas sources" and target.source.kind == "anonymous"
    assert report.attribution(relation.from_).source.kind == "outlet"
    provided = next(e for e in report.events if e.text == "provided")
    assert provided.factuality.polarity == "negative" and provided.factuality.disputed


@pytest.mark.parametrize(
    "text, expected",
    [
        # The parser hangs "and said" on the reported clause: two cues side by side, one speaker.
        (
            "The senator told reporters that he agrees with the plan and said the vote would pass on Friday.",
            [("The senator", "told", ["that he agrees with the plan"]), ("The senator", "said", ["the vote would pass on Friday"])],
        ),
        (
            "The mayor said the city would build more housing, adding that rents had doubled.",
            [("The mayor", "said", ["the city would build more housing"]), ("The mayor", "adding", ["that rents had doubled"])],
        ),
        # Inside a quotation, a verb of saying is part of what is quoted.
        (
            'The mayor said: "The city will build more housing and say so loudly."',
            [("The mayor", "said", ["The city will build more housing and say so loudly."])],
        ),
    ],
)
def test_speech_clause_inside_content_is_a_second_attribution(analyze_text, text, expected):
    report = analyze_text(text)
    by_id = {a.id: a for a in report.attributions}
    outermost = [a for a in report.attributions if a.via is None or by_id[a.via].cue.span == a.cue.span]
    found = [(a.source.text, a.cue.text, [report.article.text[s:e] for s, e in a.content]) for a in outermost]
    assert found == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The parser hangs "and accused" on the infinitive and gives it no subject: the
        # speaker is the nearest subject before it, past the objects and prepositional phrases.
        (
            "Last spring, Governor Miller mostly campaigned on his plan to cut the sales tax in half and accused the mayor of wasting the surplus.",
            [("Governor Miller", "accused")],
        ),
        # Passive and raising verbs keep their missing or unnamed speaker.
        ("Asked whether he would run, the senator said he had not decided.", [("", "Asked"), ("the senator", "said")]),
        ("Trump seemed to endorse the plan.", [("", "seemed"), ("Trump", "to endorse")]),
        # A relative pronoun the parser takes for the subject is skipped, and so is an
        # adverb set off by commas after the name.
        ("Warren, meanwhile, who chairs the committee, said the vote would be delayed.", [("Warren", "said")]),
        ("Mayor Ellen Park, meanwhile, who chairs the committee, said the vote would be delayed.", [("Mayor Ellen Park", "said")]),
    ],
)
def test_finite_cue_without_a_parsed_subject_takes_the_nearest_subject(analyze_text, text, expected):
    report = analyze_text(text)
    assert [(a.source.text, a.cue.text) for a in report.attributions] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A fronted "in <poll>" is the poll's attribution; what the respondents said nests in it.
        ("In a new statewide poll, 41 percent of voters said they backed the levy.", [("a new statewide poll", "In")]),
        # After its verb, "in the polls" is where someone stands, not who speaks.
        ("The mayor rose sharply in the polls after the debate.", []),
    ],
)
def test_fronted_poll_is_a_source(analyze_text, text, expected):
    report = analyze_text(text)
    assert [(a.source.text, a.cue.text) for a in report.attributions if a.via is None] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mayor Ortiz: We will rebuild the bridge by June.", [("Mayor Ortiz", ":")]),
        # Interview letters and headings of common nouns label no speaker.
        ("Q: Will the council approve the budget next week?", []),
        ("The upshot: the council will vote twice on the budget.", []),
        ('The verdict: "We will appeal the ruling at once."', []),
        # A label after a headline and a dash, when a quotation follows.
        ("FARMERS ARE NOT WORRIED YET - Mark Ellis: “Prices fell, but demand held up.”", [("Mark Ellis", ":")]),
        ("Turnout was low again - the upshot: the council will vote twice.", []),
    ],
)
def test_colon_label_must_be_able_to_name_a_speaker(analyze_text, text, expected):
    report = analyze_text(text)
    assert [(a.source.text, a.cue.text) for a in report.attributions] == expected


@pytest.mark.parametrize(
    "text, cue",
    [
        # PolNeAR's cue for "say" leaves the preposition out; other verbs take it.
        ("The senator said of the plan that it would fail.", "said"),
        ("Critics called for a recount.", "called for"),
    ],
)
def test_cue_extent_of_say_leaves_its_preposition_out(analyze_text, text, cue):
    report = analyze_text(text)
    assert [a.cue.text for a in report.attributions] == [cue]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Many farmers are skeptical of the new subsidy scheme.", [("Many farmers", "are skeptical of", ["the new subsidy scheme"])]),
        ("The union has been critical of the merger.", [("The union", "has been critical of", ["the merger"])]),
        ("Residents were not confident that the dam would hold.", [("Residents", "were not confident", ["that the dam would hold"])]),
        ("The mayor is not sure the levy will pass.", [("The mayor", "is not sure", ["the levy will pass"])]),
        ("Growers were aware that prices would drop.", [("Growers", "were aware", ["that prices would drop"])]),
        # No one holds the stance, or the adjective is not one of stance.
        ("It is good to be optimistic about the harvest.", []),
        ("The soup was hot.", []),
    ],
)
def test_stance_adjective_after_a_copula_is_a_cue(analyze_text, text, expected):
    assert _triples(analyze_text(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The object of "lead", "prompt", "leave" does what the infinitive or participle says.
        ("The landslide win led the party chairman to declare the race over.", [("the party chairman", "to declare")]),
        ("The scandal left many donors wondering whether the campaign would survive.", [("many donors", "wondering")]),
        # A document speaks for whoever issued it.
        ("Greenpeace issued a statement saying the spill was worse than reported.", [("Greenpeace", "issued"), ("Greenpeace", "saying")]),
        ("The voters saying they want a ban were loud.", [("The voters", "saying"), ("they", "want")]),
        # "stopped short of calling ...": the one who stopped short.
        ("The senator went as far as saying that the election was rigged.", [("The senator", "saying")]),
    ],
)
def test_speaker_of_controlled_and_document_clauses(analyze_text, text, expected):
    report = analyze_text(text)
    assert [(a.source.text, a.cue.text) for a in report.attributions] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The relative or wh-word moved out of the reported clause opens the content; the
        # speaker and cue between it and the rest of the clause are not part of it.
        ("The blast, which officials said killed 12 people, shut the market.", [("officials", "said", ["which", "killed 12 people"])]),
        ("The deal was what many analysts say is a turning point.", [("many analysts", "say", ["what", "is a turning point"])]),
        # No extraction: the content is the whole clause.
        ("Officials said the blast killed 12 people.", [("Officials", "said", ["the blast killed 12 people"])]),
    ],
)
def test_content_around_an_extracted_relative_word(analyze_text, text, expected):
    assert _triples(analyze_text(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A bare reporting verb in an "as" clause reports the rest of its sentence, on
        # whichever side of it that is.
        ("The army withdrew from the town, as the agency reported.", [("the agency", "reported", ["The army withdrew from the town"])]),
        ("The army, as the agency reported, withdrew from the town.", [("the agency", "reported", ["The army", "withdrew from the town."])]),
        # With content of its own the verb is an ordinary cue in a time or reason clause.
        (
            "The figures are unsurprising, as Senator Ames has criticized the bank for its ties to lobbyists.",
            [("Senator Ames", "has criticized", ["the bank for its ties to lobbyists"])],
        ),
    ],
)
def test_as_clause_content(analyze_text, text, expected):
    assert _triples(analyze_text(text)) == expected


def test_participle_with_an_object_is_not_an_aside_that_swallows_the_main_report(analyze_text):
    report = analyze_text("“We will win this state,” Ames said, adding a plug for her own campaign.")
    said = next(a for a in report.attributions if a.cue.text == "said")
    assert said.via is None and [report.article.text[s:e] for s, e in said.content] == ["We will win this state"]
    assert all("said" not in report.article.text[s:e] for a in report.attributions for s, e in a.content)


@pytest.mark.parametrize(
    "text, verb, expected",
    [
        # Speaker and verb set off by commas: the content is the sentence around them.
        ("Voters, the senator suggested, do not have to worry about the banks.", "suggested", ["Voters", "do not have to worry about the banks."]),
        ("The plan had no chance, the mayor added, and the council knew it.", "added", ["The plan had no chance", "and the council knew it."]),
        ("If the terms are not met, Mr. Tolland warned, the union will strike.", "warned", ["If the terms are not met", "the union will strike."]),
        # A relative clause between commas is no speaker; nor is a verb followed by its object.
        ("The farmers, who agreed, sold the corn at the market.", "agreed", []),
        ("The farmers, the co-op said, grew corn in the valley.", "grew", []),
        ("Earlier, the council approved the budget on Monday.", "approved", []),
    ],
)
def test_comma_aside_content(nlp, text, verb, expected):
    from newsgraph.attribution.learned import comma_aside
    from newsgraph.nlp import text_of

    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert [text_of(doc)[start:end] for start, end in comma_aside(doc, token)] == expected


@pytest.mark.parametrize(
    "text, verb, expected",
    [
        # The "by" phrase of a passive cue is its speaker, never its content.
        ("Intelligence sources say Hamas is supported by the militia.", "supported", ["Hamas"]),
        ("ISIS takes a share of the weapons ordered by Hamas.", "ordered", ["the weapons"]),
        ("The senators rejected the nominee, who was backed by the unions.", "backed", ["the nominee"]),
        ("Burma has been taking fitful steps toward democracy, encouraged by the United States.", "encouraged", ["fitful steps toward democracy"]),
        ("Encouraged by the United States, the generals held an election.", "Encouraged", ["the generals"]),
        ("Pulling all terror-related content is not always preferred by law enforcement.", "preferred", ["Pulling all terror-related content"]),
        # ... and what the passive is about comes with what it is for.
        ("The plan was criticized by his rivals for its cost.", "criticized", ["The plan", "for its cost"]),
        # active: whatever the verb governs after it
        ("The senator pinned his hopes on South Carolina.", "pinned", ["his hopes on South Carolina"]),
    ],
)
def test_governed_content_of_a_passive_cue(nlp, text, verb, expected):
    from newsgraph.attribution.learned import governed_content
    from newsgraph.attribution.speakers import subject_of
    from newsgraph.nlp import text_of

    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert [text_of(doc)[start:end] for start, end in governed_content(doc, token, subject_of(token))] == expected


@pytest.mark.parametrize(
    "text, verb, felt_by, cause",
    [
        # The one who feels it is the source, what set it off the content, in every voice.
        ("The remark worried the analysts.", "worried", "analysts", "The remark"),
        ("The donors were angered by the remark.", "angered", "donors", "the remark"),
        ("Angered by the ruling, the mayor called a meeting.", "Angered", "mayor", "the ruling"),
        ("Voters angered by the ruling marched on the capitol.", "angered", "Voters", "the ruling"),
        ("The ruling was upheld by the court.", "upheld", None, None),
    ],
)
def test_experiencer_of_a_feeling_verb(nlp, text, verb, felt_by, cause):
    from newsgraph.attribution.frames import experiencer
    from newsgraph.nlp import text_of

    doc = nlp(text)
    found = experiencer(next(t for t in doc if t.text == verb))
    if felt_by is None:
        assert found is None
    else:
        assert (found[0].text, [text_of(doc)[s:e] for s, e in found[1]]) == (felt_by, [cause])


def test_cue_set_off_by_commas_outside_the_rules_frames(analyze_text):
    # "promise" is no verb of saying the rules know as a parenthetical; the learned judge takes
    # it, and the commas around it say where its content is.
    report = analyze_text("Freeing the prisoners, the governor promised, was one of his top priorities.")
    attribution = _one(report)
    assert (attribution.source.text, attribution.cue.text) == ("the governor", "promised")
    assert _content(report, attribution) == "Freeing the prisoners | was one of his top priorities."


@pytest.mark.parametrize(
    "text, outer_cue, outer_content",
    [
        (
            "The ministry is now considering a proposal to close two border posts, according to officials in Kabul.",
            "according to",
            "The ministry is now considering a proposal to close two border posts",
        ),
        ("Of the 40 names on the list, she approved just three, according to her own campaign.", "according to", "Of the 40 names on the list, she approved just three"),
    ],
)
def test_mutual_nesting_keeps_the_sentence_frame_outer(analyze_text, text, outer_cue, outer_content):
    report = analyze_text(text)
    outer = [a for a in report.attributions if a.via is None]
    assert [(a.cue.text, _content(report, a)) for a in outer] == [(outer_cue, outer_content)]
    by_id = {a.id: a for a in report.attributions}
    for a in report.attributions:
        if a.via is not None:  # nested once, in the outer one, never in a loop
            assert by_id[a.via].via is None
            assert "according" not in _content(report, a)


@pytest.mark.parametrize(
    "text, content",
    [
        ("The ministry is reportedly drafting a new border law.", "The ministry is | drafting a new border law."),
        ("Both banks have reportedly looked at the offer and passed.", "Both banks have | looked at the offer and passed."),
    ],
)
def test_reportedly_is_a_cue_without_a_source(analyze_text, text, content):
    attribution = _one(report := analyze_text(text))
    assert (attribution.cue.text, attribution.source.text, _content(report, attribution)) == ("reportedly", "", content)


@pytest.mark.parametrize(
    "text, expected",
    [
        # A cue noun without an owner: the subject of the light verb that has, gives or makes
        # it holds the view, or the one it comes from.
        ("He also has a view of what is possible.", [("He", "view of")]),
        ("The Times made these same allegations against the union in February.", [("The Times", "allegations against")]),
        ("Byrne gives an account of the senator shouting at an agent.", [("Byrne", "account of")]),
        ("The report cited warnings from the mayor about the flood.", [("The report", "cited"), ("the mayor", "warnings")]),
    ],
)
def test_speaker_of_a_cue_noun_without_an_owner(analyze_text, text, expected):
    report = analyze_text(text)
    assert [(a.source.text, a.cue.text) for a in report.attributions] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The object of "worry", "alarm", "convince" feels (or comes to hold) the view: it
        # is the source, and what set it off (or what they were convinced of) the content.
        ("The flood worried farmers.", [("farmers", "worried", ["The flood"])]),
        ("That rattled the governor.", [("the governor", "rattled", ["That"])]),
        (
            "The speech convinced many donors that the senator had gone too far.",
            [("many donors", "convinced", ["that the senator had gone too far"])],
        ),
    ],
)
def test_object_of_a_feeling_verb_is_the_source(analyze_text, text, expected):
    assert _triples(analyze_text(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A view the subject receives is the giver's; the subject is what it is about, and
        # the cue runs to the view noun.
        ("The proposal has drawn harsh criticism from fellow candidates.", [("fellow candidates", "has drawn harsh criticism", ["The proposal"])]),
        ("Last week the senator picked up the endorsement of Gov. Scott Walker.", [("Gov. Scott Walker", "picked up the endorsement", ["the senator"])]),
        # A cue noun the verb did not take for a cue: the same giver and subject.
        ("The bill received the backing of both unions.", [("both unions", "backing of", ["The bill"])]),
    ],
)
def test_received_view_is_the_givers(analyze_text, text, expected):
    assert _triples(analyze_text(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # An infinitive after an adjective of its subject: whoever the adjective is said of.
        ("Caucus-goers were slightly more likely to say they preferred the governor.", ("Caucus-goers", "to say")),
        ("Republican candidates were quick to cast the attacks as a failure.", ("Republican candidates", "to cast")),
    ],
)
def test_speaker_of_an_infinitive_after_an_adjective(analyze_text, text, expected):
    report = analyze_text(text)
    assert expected in [(a.source.text, a.cue.text) for a in report.attributions]


@pytest.mark.parametrize(
    "text, expected",
    [
        # The parser makes the name the root and the only verb a participle modifying it.
        ("Beruff, a Scott ally, called Florida’s standards “strong.”", ("Beruff, a Scott ally", "called")),
        # A bare participle with an agent stays passive: the agent speaks.
        ("The plan, a costly one, backed by the mayor.", None),
    ],
)
def test_main_verb_parsed_as_a_modifier_of_its_speaker(analyze_text, text, expected):
    report = analyze_text(text)
    found = [(a.source.text, a.cue.text) for a in report.attributions]
    assert (expected in found) if expected else all(source != "The plan, a costly one" for source, _ in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        # "It" of "it is important to note", "it means admitting" stands for the infinitive
        # or gerund: nobody in particular says it.
        ("It is important to note that the court has ruled.", [("", "to note")]),
        ("It means admitting that the senator speaks for millions.", [("", "admitting")]),
        # A verb of planning keeps its "it" (an organisation plans).
        ("It plans to raise rates slowly.", [("It", "plans")]),
    ],
)
def test_extraposed_it_is_not_a_speaker(analyze_text, text, expected):
    report = analyze_text(text)
    assert [(a.source.text, a.cue.text) for a in report.attributions] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The content came first, so the noun after the verb is its speaker, not its object.
        ("\u201cThe talks are over,\u201d added a Democratic aide.", [("a Democratic aide", "added", ["The talks are over"])]),
        ("\u201cThe talks are over,\u201d added a Democratic aide on Monday.", [("a Democratic aide", "added", ["The talks are over"])]),
        # A speaker between the quotation and the verb: the noun after it is the one told.
        ("\u201cWe will win,\u201d Ann Lee, head of the Farmers Union, tells the Herald in an interview.", [("Ann Lee, head of the Farmers Union", "tells", ["We will win"])]),
        # With the content after the verb, the noun after it is the one told.
        ("The mayor told reporters that the bridge was safe.", [("The mayor", "told", ["that the bridge was safe"])]),
    ],
)
def test_speaker_after_the_verb_that_closes_a_quotation(analyze_text, text, expected):
    assert _triples(analyze_text(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "He said:" closing a paragraph reports the next paragraph only, also where single
        # line breaks separate paragraphs; the one after it is the author's again.
        (
            "The mayor told the council:\nThe bridge will reopen in May.\nThe agency said repairs had cost $4 million.",
            [("The mayor", "told", ["The bridge will reopen in May."]), ("The agency", "said", ["repairs had cost $4 million"])],
        ),
        (
            "The mayor told the council:\n\nThe bridge will reopen in May.\n\nThe agency said repairs had cost $4 million.",
            [("The mayor", "told", ["The bridge will reopen in May."]), ("The agency", "said", ["repairs had cost $4 million"])],
        ),
    ],
)
def test_content_after_a_colon_is_one_paragraph(analyze_text, text, expected):
    assert _outermost(analyze_text(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A relative clause set off by commas is the author's aside, not what the outer
        # source says; its moved "which" is what its verb reports on.
        (
            "Officials said the plan, which critics have called reckless, would go ahead.",
            [("Officials", "said", ["the plan", "would go ahead"]), ("critics", "have called", ["which", "reckless"])],
        ),
        # A restrictive one picks out the noun and stays inside the content.
        (
            "Officials said the plan that critics called reckless would go ahead.",
            [("Officials", "said", ["the plan that critics called reckless would go ahead"])],
        ),
    ],
)
def test_nonrestrictive_relative_clause_is_an_aside(analyze_text, text, expected):
    assert _outermost(analyze_text(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A cue noun framed by a preposition is held by the subject of the verb it frames.
        ("The governor rose to the defense of the new tax on sugar.", [("The governor", "defense of", ["the new tax on sugar"])]),
        ("The senator launched into a long criticism of the budget cuts.", [("The senator", "criticism of", ["the budget cuts"])]),
        ("The union has come out in support of the strike.", [("The union", "support of", ["the strike"])]),
        # A reporting verb is the cue itself; the noun adds no second speaker.
        ("The mayor said in a statement that the bridge would reopen.", [("The mayor", "said", ["that the bridge would reopen"])]),
    ],
)
def test_cue_noun_framed_by_a_preposition_takes_the_subject(analyze_text, text, expected):
    assert _outermost(analyze_text(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The parser hangs "found" on the noun as a participle; with a clause it is the main verb.
        (
            "Two independent auditors, Jane Roe and Mark Poe, found in 2019 that the fund was short.",
            [("Two independent auditors, Jane Roe and Mark Poe", "found", ["that the fund was short"])],
        ),
        ("A county survey found last week that most residents want the park.", [("A county survey", "found", ["that most residents want the park"])]),
    ],
)
def test_main_verb_taken_for_a_modifier_keeps_its_subject(analyze_text, text, expected):
    assert _outermost(analyze_text(text)) == expected


@pytest.mark.parametrize(
    "text, cue, expected",
    [
        # The parser reads "notes" as a noun and the speaker's name as modifying it.
        (
            "Doctors, Frank notes, applaud the shrewd management of the new governor of Ohio.",
            "notes",
            ("Frank", "notes", ["Doctors", "applaud the shrewd management of the new governor of Ohio."]),
        ),
        ("“Apart from that, not a single achievement,” Bozell answers.", "answers", ("Bozell", "answers", ["Apart from that, not a single achievement"])),
    ],
)
def test_name_taken_for_a_modifier_of_the_verb_is_its_speaker(analyze_text, text, cue, expected):
    assert [t for t in _triples(analyze_text(text)) if t[1] == cue] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A gerund after an adjective's preposition is done by whoever the adjective is said of.
        (
            "Some voters are especially keen on telling pollsters that they distrust both parties.",
            [("Some voters", "telling", ["that they distrust both parties"])],
        ),
        ("Half of the mayor’s speech was devoted to criticizing the transit budget.", [("Half of the mayor’s speech", "criticizing", ["the transit budget"])]),
    ],
)
def test_gerund_after_an_adjective_takes_its_subject(analyze_text, text, expected):
    assert _outermost(analyze_text(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A second "that" clause the parser hangs on the cue verb is more of what was said,
        # and a cue inside it is nested, not a second outermost attribution.
        (
            "The minister said the talks would resume next week, but that no deal was near.",
            [("The minister", "said", ["the talks would resume next week", "that no deal was near"])],
        ),
        # "Asked if ...": the indirect question is what was asked, not the answer after it.
        ("Asked if he would resign, the minister said no.", [("", "Asked", ["if he would resign"]), ("the minister", "said", ["no"])]),
        ("Reporters asked the coach whether the team would appeal.", [("Reporters", "asked", ["whether the team would appeal"])]),
        # The grounds of a judgement belong to its content.
        ("The governor criticized the mayor over the budget cuts.", [("The governor", "criticized", ["the mayor over the budget cuts"])]),
        ("The plan was criticized by his rivals for its cost.", [("his rivals", "was criticized", ["The plan", "its cost"])]),
    ],
)
def test_content_takes_every_complement_and_the_grounds(analyze_text, text, expected):
    assert _triples(analyze_text(text)) == expected


def test_received_view_takes_its_grounds(nlp):
    from newsgraph.attribution.frames import reception
    from newsgraph.nlp import text_of

    doc = nlp("Obama has endured criticism for telling the British people to stay in the Union.")
    giver, content, view = reception(doc[2])
    assert (giver, view.text) == (None, "criticism")
    assert [text_of(doc)[s:e] for s, e in content] == ["Obama", "telling the British people to stay in the Union"]


def test_rule_finders_keep_their_priority():
    """The first finder to return a draft wins, so the order is behaviour."""
    from newsgraph.attribution import RULE_FINDERS

    assert [f.__name__ for f in RULE_FINDERS] == [
        "according_to", "in_poll", "reportedly", "verb_cue", "noun_cue", "adjective_cue", "colon_quote", "dash_quote",
    ]


_EVERY_FINDER = (
    "Iran may have supplied drones, according to a U.S. official. In the latest poll, Clinton leads Trump "
    "by six points. The FBI is reportedly making arrangements. Trump's claim that the election is rigged "
    "drew scorn. Democrats are not confident that the bill will pass. The mayor said the road would reopen, "
    'and police reports say two men fled.\n\nAbbas: "We will not give up."\n\n"We will not give up." — Mahmoud Abbas'
)


def test_rule_finders_draft_only_where_they_open(nlp, shared_data):
    """``find_attributions`` asks a finder only at the tokens ``OPENS_ON`` admits (and the
    cue judge only at ``CANDIDATES``), so a draft anywhere else would be lost."""
    from newsgraph.attribution import OPENS_ON, RULE_FINDERS
    from newsgraph.cues import CANDIDATES, candidate
    from newsgraph.nlp import openings
    from newsgraph.quotation_marks import find_quoted_spans

    reference = (shared_data.parent / "examples" / "hamas-isis-ties-2016.txt").read_text(encoding="utf-8")
    fired = set()
    for text in (_EVERY_FINDER, reference):
        doc = nlp(text)
        quotes = find_quoted_spans(text)
        opened = openings(doc, [*(OPENS_ON[find] for find in RULE_FINDERS), CANDIDATES])
        for token in doc:
            for n, find in enumerate(RULE_FINDERS):
                if find(doc, token, quotes) is not None:
                    fired.add(find.__name__)
                    assert n in opened.get(token.i, ()), (find.__name__, token.text)
            if candidate(token):
                assert len(RULE_FINDERS) in opened.get(token.i, ()), token.text
    assert fired == {find.__name__ for find in RULE_FINDERS}  # the texts exercise every finder
