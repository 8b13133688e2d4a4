"""How complete one rule-coded event is, from what its coding rests on.

A hand-set score, not a fitted probability. Users get the event judge's probability instead
(``event_judge``); this score stays the rule coder's own ranking, which the sentence-level
gold sets use to pick a sentence's main event (``build_report(..., judge_events=False)``).
Each term says how much of the who-did-what-to-whom the coder found:

- 0.40 for a trigger with a CAMEO code at all;
- +0.25 with a source actor, +0.20 with a target actor (a dyad is what event data is for);
- +0.10 when a CAMEO dictionary pattern matched, not only the verb's default code;
- -0.10 for a trigger that is not a verb (a noun, "the attack", or an epithet,
  "ISIS-allied"), which is more often not an event;
- -0.30 for an embedded event, the content of another one ("refused to deploy"), which is
  not an act reported as done;
- -0.15 for an act in a relative clause ("Abe, who met Xi last year, ..."): it describes a
  participant, while the sentence's news is in its main clause;
- capped at 0.95 and rounded to two decimals: no rule-coded event is certain.
"""

from __future__ import annotations

from .events import EventDraft

__all__ = ["event_confidence"]


def event_confidence(draft: EventDraft) -> float:
    confidence = 0.4 + 0.25 * bool(draft.sources) + 0.2 * bool(draft.targets) + 0.1 * (draft.pattern_line is not None)
    if draft.kind != "verb":
        confidence -= 0.1
    if draft.embedded:
        confidence -= 0.3
    if draft.trigger.dep_ == "relcl":
        confidence -= 0.15
    return round(min(confidence, 0.95), 2)
