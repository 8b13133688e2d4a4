"""The record every attribution finder fills in (``AttributionDraft``) and the row a relation
between two drafts is reported as (``RelationRow``). Later stages (sources, nesting,
records) update drafts in place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from ..model import Span as CharSpan


@dataclass
class AttributionDraft:
    cue_tokens: tuple[int, int]  # token range of the cue
    cue: CharSpan
    source: Optional[CharSpan]
    source_head: Optional[Token]
    content: list[CharSpan]
    type: str
    recipient: Optional[Token] = None
    source_keys: tuple[str, ...] = ()
    source_kind: str = "vague"
    via: Optional[int] = None  # index of the relaying draft
    id: str = ""
    cited_by: Optional[int] = None  # token index of the cue whose clause a "citing X" hangs on
    speaker_label: bool = False  # "Pence: ..." — a name used as a label is a named speaker


RelationRow = tuple[str, int, int, CharSpan]  # (type, from draft, to draft, evidence span)
