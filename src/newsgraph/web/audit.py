"""An event as a fact-checker audits it: every report with its sentence (the trigger marked),
who vouches for it, why it was merged, and where the story starts.

The mentions table keeps each report's sentence and its trigger's offsets in the article, not
in the sentence: the trigger is found again by locating the sentence around those offsets.
"""

from __future__ import annotations

from typing import Any, Optional

__all__ = ["sentence_parts", "evidence_text", "first_sources", "audited_mentions"]

# The chain of a report the outlet makes itself, without citing anyone.
_OWN_REPORTING = ["author"]


def sentence_parts(sentence: str, article_text: Optional[str], trigger_start: Optional[int], trigger_end: Optional[int], trigger_text: Optional[str] = None) -> tuple[str, str, str]:
    """``sentence`` cut as (before, trigger, after), so a page can mark the trigger.

    The sentence is located in the article where it covers the trigger's offsets (the same
    sentence may occur twice); without the article, the trigger's words are looked for in the
    sentence; failing both, nothing is marked.
    """
    if article_text and trigger_start is not None and trigger_end is not None and sentence:
        at = article_text.find(sentence)
        while at != -1:
            if at <= trigger_start and trigger_end <= at + len(sentence):
                left, right = trigger_start - at, trigger_end - at
                return sentence[:left], sentence[left:right], sentence[right:]
            at = article_text.find(sentence, at + 1)
    if trigger_text and sentence and trigger_text in sentence:
        left = sentence.index(trigger_text)
        return sentence[:left], trigger_text, sentence[left + len(trigger_text) :]
    return sentence or "", "", ""


def evidence_text(evidence: Optional[dict[str, Any]]) -> str:
    """Why a report joined its event (``mentions.evidence``, ``corpus.coref.Evidence``)."""
    if not evidence:
        return "first report"
    days = evidence.get("days_apart")
    apart = f", {days} day(s) apart" if days is not None else ""
    return f"joined: {evidence.get('anchor')}{apart}, place {evidence.get('place')}"


def first_sources(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The distinct sources the reports start from (a chain's innermost name; the outlet when
    it reports on its own), with how many reports and outlets rest on each."""
    found: dict[str, dict[str, Any]] = {}
    for mention in mentions:
        chain = list(mention.get("chain") or _OWN_REPORTING)
        own = chain == _OWN_REPORTING
        name = (mention.get("outlet") or "(unknown outlet)") if own else chain[0]
        entry = found.setdefault(name.casefold(), {"source": name, "own_reporting": own, "reports": 0, "outlets": set()})
        entry["reports"] += 1
        entry["outlets"].add(mention.get("outlet") or "(unknown outlet)")
    return [{**e, "outlets": sorted(e["outlets"])} for e in sorted(found.values(), key=lambda e: (-e["reports"], e["source"].casefold()))]


def audited_mentions(mentions: list[dict[str, Any]], article_texts: dict[str, str]) -> list[dict[str, Any]]:
    """Mention rows with ``parts`` (the sentence around its trigger) and ``evidence_text``."""
    out = []
    for mention in mentions:
        parts = sentence_parts(
            mention.get("sentence") or "", article_texts.get(mention.get("article_id") or ""),
            mention.get("trigger_start"), mention.get("trigger_end"), mention.get("trigger_text"),
        )
        out.append({**mention, "parts": parts, "evidence_text": evidence_text(mention.get("evidence"))})
    return out
