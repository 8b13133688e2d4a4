"""Word classes the attribution layer reads (``attribution``, ``cues``): the verbs, nouns,
adjectives and prepositions of reporting, stance and speaker frames.

Pure data: nothing here imports from the package. A comment above each list says what it
is for; lists built from the packaged lexicons live in ``words.lexicon``.
"""

from __future__ import annotations

# Verbs whose content may be an indirect question the parser reads as a condition:
# "Asked if he thought ...", "wondered whether ...".
ASKING_VERBS = frozenset({"ask", "wonder", "question", "inquire", "enquire"})

# Verbs whose object is told what the speaker says and may relay it: "told Reuters".
RELAY_VERBS = frozenset({"tell", "inform", "brief", "write"})

# Words the parser takes for the subject of an inverted cue ("so reports X") that never speak.
SUBJECTS_NOT_SOURCES = frozenset({"so", "as", "thus"})

# Prepositions whose gerund is done by the main clause's subject: "by saying", "before adding".
SUBJECT_CONTROL_PREPOSITIONS = frozenset({"by", "in", "after", "before", "while", "through", "without", "despite", "since", "upon", "when"})

# Raising verbs: their subject is what seems so, not who holds the view.
RAISING_VERBS = frozenset({"seem", "appear", "sound"})

# Verbs of aspect and means the learned judge may take for cues, never cues: "continues to put on a face".
ASPECTUAL_NON_CUES = frozenset({"continue", "begin", "start", "keep", "stop", "resume", "try", "manage", "fail", "use", "go", "come", "get", "have", "need", "help", "cease", "tend"})

# Verbs of saying and thinking that can stand as a parenthetical ("..., he said, ...").
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "note", "explain", "insist", "argue", "write", "report", "claim",
    "warn", "acknowledge", "contend", "predict", "stress", "conclude", "suggest", "believe",
    "think", "recall", "observe", "remark", "admit", "concede", "complain", "reckon", "suspect",
    "announce", "declare", "maintain", "reply", "respond", "assert", "emphasize", "emphasise",
})

# Stance and intention verbs whose infinitive is what the source wants or intends (PolNeAR
# annotates these as attributions): "Clinton wants to ...", "urged Congress to ...".
INTENTION_VERBS = frozenset({
    "want", "plan", "intend", "hope", "promise", "vow", "pledge", "threaten", "refuse",
    "decline", "seek", "aim", "agree", "decide", "expect", "urge", "ask", "call", "wish",
    "offer", "propose", "demand", "encourage", "invite", "press", "push",
})

# Verbs whose object noun phrase is the attributed content: "called his supporters
# 'deplorables'", "cited the report", "criticized the decision".
NOUN_PHRASE_CONTENT_VERBS = frozenset({
    "call", "cite", "note", "describe", "criticize", "criticise", "accuse", "praise", "blame",
    "condemn", "deny", "announce", "endorse", "reject", "question", "welcome", "slam", "blast",
    "mention", "acknowledge", "tweet", "echo", "reference", "dismiss", "characterize", "label",
    "dub", "brand", "support", "back", "oppose", "defend", "attack", "urge", "warn", "thank",
    "applaud", "dispute", "challenge", "highlight", "tout", "hail", "predict", "promise",
    "recommend", "demand", "propose", "rule", "decry", "denounce", "lambaste", "mock", "ridicule",
})

# What a noun of saying or stance takes its content with: "criticism of", "calls for", "concerns about".
NOUN_CONTENT_PREPOSITIONS = frozenset({"of", "about", "for", "over", "against", "on", "to", "toward", "towards", "with"})

# Prepositions a cue verb takes into its cue ("called for", "referring to").
CUE_VERB_PREPOSITIONS = frozenset({"to", "about", "for", "against", "with", "of", "on", "over", "by"})

# Adverbs before a cue verb that belong to its cue: "also said", "repeatedly claimed".
CUE_ADVERBS = frozenset({"also", "then", "later", "previously", "earlier", "repeatedly", "again", "further", "first"})

# Verbs whose "it" or "that" subject stands for the infinitive or gerund they govern.
EXTRAPOSING_VERBS = frozenset({"be", "take", "mean"})

# Pronouns that stand for a thing or a clause, never for a speaker.
NOT_SPEAKER_WORDS = frozenset({"it", "this", "that", "which", "there", "what"})

# Verbs whose object does what their infinitive says: "led Priebus to declare", "prompted
# them to ask", "leaving some to wonder".
OBJECT_CONTROL_VERBS = frozenset({"lead", "prompt", "leave", "cause", "force", "inspire", "spur", "drive", "move", "compel", "provoke", "encourage", "persuade", "convince"})

# Documents that speak for whoever issued them: "X released an ad calling ...".
ISSUED_DOCUMENTS = frozenset({"statement", "ad", "advertisement", "letter", "memo", "video", "email", "tweet", "post", "release", "message", "note", "column", "op-ed", "editorial"})

# Light verbs whose subject holds the view their object noun names: "he has a view of", "Byrne
# gives an account of", "the Times made allegations against". Verbs outside it are mostly
# ones whose subject receives or sets off the view ("won the endorsement of", "sparked
# speculation", "footage shows"), so the noun keeps no speaker there.
VIEW_HOLDING_VERBS = frozenset({
    "have", "give", "make", "offer", "provide", "express", "voice", "share", "deliver", "issue",
    "level", "launch", "mount", "file", "lodge", "repeat", "reiterate", "hold", "harbor", "harbour",
    "pose", "air", "publish", "distribute", "post", "send", "regale", "take", "adopt", "outline",
    "present", "articulate", "echo", "reaffirm", "stake", "lay", "put", "press", "renew", "step",
    "escalate", "intensify", "sharpen", "soften", "fire", "hurl", "pen", "write", "tweet", "run",
})

# Prepositions that frame a cue noun as the manner of what the clause's subject does:
# "said in a statement", "rose to the defense of", "went on a rant about", "spoke with
# admiration of". Whatever the verb, its subject holds the view.
MANNER_FRAMING_PREPOSITIONS = frozenset({"in", "into", "on", "to", "with"})

# Verbs whose object feels what the subject sets off: "the remark worried analysts", "his
# comments angered donors". PolNeAR takes the one who feels it for the source and what set
# it off for the content (or what they were convinced of).
OBJECT_EXPERIENCER_VERBS = frozenset({
    "alarm", "amaze", "anger", "annoy", "appal", "appall", "astonish", "baffle", "bother",
    "convince", "delight", "disappoint", "disgust", "dismay", "disturb", "embarrass", "enrage",
    "frighten", "frustrate", "horrify", "impress", "infuriate", "irritate", "offend", "outrage",
    "please", "rattle", "reassure", "scare", "shock", "spook", "startle", "stun", "surprise",
    "terrify", "thrill", "trouble", "unnerve", "unsettle", "upset", "worry",
})

# "The plan drew criticism from governors", "Cruz won the endorsement of Walker": the view
# the object noun names is the giver's (the "from", "of" or "among" phrase); the subject is
# what it is about.
RECEIVED_VIEW_NOUNS = frozenset({
    "criticism", "support", "praise", "endorsement", "backing", "fire", "heat", "blowback",
    "opposition", "condemnation", "rebuke", "applause", "scrutiny", "flak", "pushback",
    "backlash", "ire", "wrath",
})

# Verbs whose subject receives the view their object names: "drew criticism", "won the endorsement".
RECEIVING_VERBS = frozenset({
    "draw", "receive", "get", "earn", "win", "attract", "face", "take", "pick", "garner", "gain",
    "secure", "land", "snag", "collect", "have", "enjoy", "consolidate", "endure",
})

# Prepositions that give the grounds of a judgement: "criticised Trump over his call",
# "faced criticism for telling voters ...".
GROUNDS_PREPOSITIONS = frozenset({"for", "over"})

# Nouns that make "in a poll" a source: "In a new CNN poll, 38 percent ...".
POLL_NOUNS = frozenset({"poll", "survey"})

# Participles that name the source of the clause they hang on: "..., citing sources".
CITING_VERBS = frozenset({"cite", "quote"})

# Reporting nouns whose "that" clause is content: "Trump's claim that the election is rigged".
CUE_NOUNS = frozenset({
    "claim", "report", "statement", "assertion", "allegation", "warning", "suggestion",
    "argument", "belief", "view", "promise", "pledge", "threat", "denial", "admission",
    "remark", "comment", "assessment", "estimate", "finding", "conclusion", "insistence",
    "accusation", "charge", "contention", "speculation", "rumor", "rumour", "announcement",
    "prediction", "assurance", "testimony", "complaint", "concern", "fear", "hope", "sense",
})

# Adjectives of stance: "critics were skeptical of the plan", "she is confident that ...".
STANCE_ADJECTIVES = frozenset({
    "critical", "skeptical", "sceptical", "confident", "wary", "concerned", "worried", "optimistic",
    "pessimistic", "supportive", "nervous", "enthusiastic", "hopeful", "doubtful", "convinced",
    "unhappy", "angry", "upset", "frustrated", "furious", "impressed", "sympathetic", "dismissive",
    "suspicious", "fearful", "proud", "certain", "adamant", "eager", "keen", "reluctant", "opposed",
    # PolNeAR train marks these as cues in most of their uses after "be" with a complement
    # (sure 5 of 8, aware 5 of 6, willing 5 of 8, inclined 3 of 4, glad 3 of 3).
    "sure", "aware", "willing", "inclined", "glad", "surprised", "shocked", "leery", "upbeat",
})

# Prepositions that take the content of a stance adjective: "critical of", "worried about".
STANCE_PREPOSITIONS = frozenset({"of", "about", "with", "toward", "towards", "over", "at", "to"})

# Nouns that point back to an earlier attribution: "denied the report", "confirmed the claim".
ANAPHORIC_CLAIM_NOUNS = frozenset({
    "claim", "report", "allegation", "assertion", "statement", "charge", "accusation",
    "account", "story", "suggestion", "notion", "idea", "contention", "rumor", "rumour", "version",
})

# First-person pronouns: inside quoted words they are the speaker ("we" the speaker's side).
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ourselves"})

# What a cue's source did with its content (``attribution.acts``, guideline docs/acts.md).
# A cue word in none of the lists below is read as speech: news cues are mostly verbs of
# saying, and no list could bound them.
# Stance adjectives hold a view ("is confident that"); the few that name a will ("eager to")
# are intentions, which are read first.
THOUGHT_CUES = STANCE_ADJECTIVES | frozenset({
    "believe", "think", "know", "feel", "fear", "worry", "suspect", "doubt", "expect",
    "consider", "assume", "imagine", "guess", "suppose", "reckon", "view", "regard",
    "understand", "realize", "realise", "remember", "forget", "wonder", "trust", "presume",
    "anticipate", "figure", "judge", "deem", "prefer", "like", "love", "hate", "dislike",
    "favor", "favour", "oppose", "support", "back", "approve", "disapprove", "care", "mind",
    "regret", "resent", "appreciate", "admire", "respect", "dread", "sense", "suspicion",
    "belief", "opinion", "assumption", "impression", "feeling", "concern", "thinking",
    "expectation", "perception", "sentiment", "attitude", "confidence", "conviction",
    "understanding", "consensus", "skepticism", "scepticism", "frustration", "anger", "outrage",
    "enthusiasm", "opposition", "approval", "disapproval", "position", "stance", "afraid",
    "happy", "pleased", "disappointed", "satisfied", "comfortable", "uncomfortable", "unsure",
    "uncertain", "open", "receptive", "persuaded", "troubled", "alarmed", "grateful",
    "thankful", "sorry", "embarrassed", "ashamed", "familiar", "unaware", "likely", "unlikely",
    "thought", "idea", "notion", "backing", "appear", "seem",
})

INTENTION_CUES = frozenset({
    "plan", "intend", "decide", "want", "hope", "wish", "aim", "seek", "try", "attempt",
    "refuse", "determine", "choose", "prepare", "strive", "endeavor", "endeavour", "vow",
    "promise", "pledge", "threaten", "offer", "volunteer", "resolve", "commit", "desire",
    "crave", "need", "yearn", "long", "hesitate", "decline", "scheme", "plot", "intention",
    "decision", "goal", "bid", "effort", "ambition", "intent", "purpose", "quest", "push",
    "drive", "campaign", "determined", "eager", "keen", "reluctant", "willing", "unwilling",
    "ready", "prepared", "inclined", "poised", "set", "going", "hell-bent", "bent", "anxious",
    "desperate",
})

PERCEPTION_CUES = frozenset({
    "see", "hear", "watch", "witness", "notice", "observe", "learn", "discover", "spot",
    "overhear", "sight", "glimpse", "smell", "taste", "perceive", "detect",
})

EVIDENCE_CUES = frozenset({
    "find", "show", "reveal", "indicate", "suggest", "prove", "demonstrate", "confirm",
    "conclude", "determine", "document", "establish", "point", "signal", "imply", "mean",
    "finding", "conclusion", "evidence", "analysis", "data", "result", "results", "study",
    "poll", "survey", "research", "record", "records", "proof", "indication",
    "according",
})

# Votes and choices are decisions (docs/acts.md): "voted for Carson", "opted for Trump",
# "approved the amendments" (but "approves of" is a view).
CHOICE_CUES = frozenset({"vote", "opt", "elect", "choose", "pick", "select", "approve"})

# Heads of a source that is a share of people in a poll ("54% of independents endorse ...",
# "a quarter of Americans agree"): what such a source does is hold a view, unless it says it.
POLL_SHARE_HEADS = frozenset({"percent", "%", "majority", "minority", "quarter", "third", "half", "most", "plurality", "share", "fifth", "tenth", "proportion"})

# Infinitive-taking commitments: "vowed to fight" is intention, "vowed that he would fight"
# speech (docs/acts.md); the same for their nouns.
COMMITMENT_CUES = frozenset({"promise", "vow", "pledge", "threaten", "swear", "agree", "offer", "refuse", "decline", "volunteer", "commit"})

# Cues whose reading turns on who the source is: "polls show" is evidence, "Clinton suggested"
# speech; "the report found" evidence, "she found it offensive" thought.
SOURCE_READ_CUES = frozenset({"show", "reveal", "indicate", "suggest", "prove", "demonstrate", "confirm", "signal", "imply", "mean", "point"})

# Sources that are bodies of facts, not people: their findings are evidence.
EVIDENCE_SOURCES = frozenset({
    "poll", "survey", "study", "data", "analysis", "research", "report", "record", "records",
    "document", "documents", "email", "emails", "figure", "figures", "number", "numbers",
    "statistic", "statistics", "result", "results", "evidence", "investigation", "inquiry",
    "probe", "audit", "review", "estimate", "estimates", "footage", "video", "photo",
    "photos", "image", "images", "tape", "recording", "test", "tests", "experiment", "count",
    "tally", "census", "model", "projection", "projections", "index", "trend", "trends",
    "history", "experience", "filing", "filings", "return", "returns", "log", "logs",
    "transcript", "transcripts", "memo", "file", "files", "sample", "exit", "map",
})
