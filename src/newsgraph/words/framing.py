"""Words ``framing`` reads: how a reporting frame changes the events it reports."""

# Dispute verbs that contest a claim without asserting its opposite: "questioned whether
# the aid was blocked" leaves the blocking as it was; "denied that" negates it.
NOT_DENIALS = frozenset({"question", "doubt", "challenge"})

# Cues whose "of" / "for" object is the source's claim, not a fact the author gives:
# "accused Clinton of lying" reports the lying; "praised Trump for speaking out" does not.
CLAIM_OF_VERBS = frozenset({"accuse", "charge", "blame", "suspect", "allege", "fault", "indict", "convict", "credit"})

# Cues that ask for their content rather than assert it: "asked them not to stage protests",
# "called for Trump to be banned", "asked whether it led to the attacks".
REQUEST_CUES = frozenset({
    "ask", "urge", "call", "demand", "request", "beg", "plead", "appeal", "implore", "press", "order",
    "tell", "instruct", "encourage", "invite", "wonder", "question", "inquire", "query",
})
