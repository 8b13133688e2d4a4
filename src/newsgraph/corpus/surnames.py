"""A surname alone, across articles: "Kerry" in one report and "John Kerry" in another.

Within an article a lone surname joins the person the article names in full
(``actors.unify_entities``). An article that names someone only by surname ("Kerry met
Lavrov on Monday") leaves a surname-only entity (``person:kerry``). When it is stored, it
takes the entity of the one person the store already knows by that surname (a person actor
whose name ends with it); two or more such persons ("Hillary Clinton" and "Bill Clinton")
leave it alone, as does none. Two full names are never joined.

Order matters here, and this is the bound: a surname stored before any full name with it
stays apart (the link is made only when the full name is already stored), so ingesting the
fuller reports first, or re-ingesting, gives the most links.
"""

from __future__ import annotations

from dataclasses import replace

from ..identity import fold_name
from ..model import Report
from . import like
from .connection import Store

__all__ = ["link_surnames"]


def link_surnames(store: Store, report: Report) -> Report:
    """``report`` with each surname-only person taking the entity of the one stored person of
    that surname (unchanged when there is none or more than one)."""
    linked = {}
    for actor in report.actors:
        words = fold_name(actor.name).split()
        if actor.kind != "person" or len(words) != 1 or not (actor.entity or "").startswith("person:"):
            continue
        surname = words[0]
        _, rows = store.rows(
            f"SELECT DISTINCT actor_key FROM actors WHERE kind = 'person' AND actor_key != ? AND LOWER(name) LIKE ? {like.ESCAPE}",
            (actor.entity, "% " + like.literal(surname)),
        )
        if len(rows) == 1:
            linked[actor.id] = rows[0][0]
    if not linked:
        return report
    actors = tuple(replace(a, entity=linked[a.id]) if a.id in linked else a for a in report.actors)
    return replace(report, actors=actors)
