"""Words ``framing`` reads: how a reporting frame changes the events it reports."""

# Dispute verbs that contest a claim without asserting its opposite: "questioned whether
# the aid was blocked" leaves the blocking as it was; "denied that" negates it.
NOT_DENIALS = frozenset({"question", "doubt", "challenge"})
