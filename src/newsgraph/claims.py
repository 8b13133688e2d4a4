"""Claims: each unit of content with who stands behind it, what fact-checkers check.

Reads the finished attributions, events and the author's own sentences (``voice``); returns
one ``Claim`` per attribution content span and one per author sentence that holds an event,
in text order.
"""

from __future__ import annotations

from .model import Attribution, Claim, Event, Factuality, Span, make_id

__all__ = ["build_claims"]


def build_claims(
    text: str, attributions: list[Attribution], events: list[Event], author: tuple[Span, ...], article_key: str
) -> tuple[Claim, ...]:
    claims = []
    for attribution in attributions:
        for span in attribution.content:
            inside = tuple(e.id for e in events if e.attribution == attribution.id and span[0] <= e.trigger[0] < span[1])
            claims.append(
                Claim(
                    id=make_id("clm", article_key, span),
                    text=text[span[0] : span[1]],
                    span=span,
                    attribution=attribution.id,
                    chain=attribution.chain,
                    factuality=attribution.factuality,
                    events=inside,
                )
            )
    for span in author:
        inside = tuple(e.id for e in events if e.attribution is None and span[0] <= e.trigger[0] < span[1])
        if inside:
            claims.append(
                Claim(
                    id=make_id("clm", article_key, span),
                    text=text[span[0] : span[1]],
                    span=span,
                    attribution=None,
                    chain=("author",),
                    factuality=Factuality(),
                    events=inside,
                )
            )
    return tuple(sorted(claims, key=lambda c: c.span))
