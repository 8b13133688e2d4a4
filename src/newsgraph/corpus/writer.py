"""Writing one analysed article into the store: one transaction, all or nothing (or a part
of the caller's: ingest writes a chunk of articles in one).

The article row, its report, actors, sources, claims and event mentions go in together,
so a process killed at any point leaves either the whole article or none of it. Event
coreference happens here too: each mention is matched against stored events, and the
event's counts — mentions, independent origins, contradiction — take in the article's new
mentions (``event_counts``). Writers take turns (``Store.write``), so two of them cannot
both create the same event or wait on each other's rows; a write the database aborts for
another writer's sake is tried again.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from dataclasses import replace
from typing import Any, Optional

from ..model import Actor, Attribution, Event, Report
from ..words.events import SAME_ACT
from . import candidates
from .connection import Store
from .copies import record_copy
from .coref import (
    RECENT_VERBAL_DAYS,
    Candidate,
    Sighting,
    actor_key,
    best_match,
    fill_sides,
    match_key,
    material,
    mention_dates,
    precise,
    symmetric,
)
from .event_counts import Tally, apply_tally
from .quotes import quote_columns, speaker_key
from .surnames import link_surnames
from .tables import CASUALTY_COLUMNS

__all__ = ["FACTUALITY_LABELS", "article_id", "entity_of", "factuality_label", "mention_rows", "now", "record_error", "write_report"]

_UNNAMED = "unnamed source"


def article_id(text: str) -> str:
    """The article's content hash: 128 bits, so a corpus of millions has no collisions."""
    return "art-" + hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


FACTUALITY_LABELS = ("asserted", "hedged", "negated", "disputed")


def factuality_label(polarity: str, certainty: str, mode: str, disputed: bool) -> str:
    """One word for a mention's standing: negated, disputed, hedged or asserted."""
    if polarity == "negative":
        return "negated"
    if disputed:
        return "disputed"
    if certainty != "certain" or mode in {"future", "hypothetical"}:
        return "hedged"  # probable, possible, or underspecified ("whether to ban him")
    return "asserted"


def record_error(store: Store, item: str, code: Optional[str], reason: str, article: Optional[str] = None) -> None:
    added = now()
    store.write(
        lambda s: s.execute(
            "INSERT INTO errors (item, article_id, code, reason, added) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (item) DO UPDATE SET article_id = excluded.article_id, code = excluded.code, "
            "reason = excluded.reason, added = excluded.added",
            (item, article, code, reason, added),
        )
    )


def write_report(store: Store, item: str, key: str, report: Report) -> int:
    """Store ``report`` as article ``key``; the number of event mentions written, or -1 when
    the article was already there (another run or another process stored it first)."""
    added = now()
    return store.write(lambda s: _write_article(s, item, key, report, added))


def _write_article(store: Store, item: str, key: str, report: Report, added: str) -> int:
    article = report.article
    inserted = store.execute(
        "INSERT INTO articles (id, title, url, outlet, published, text, added, item) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO NOTHING",
        (key, article.title, article.url, article.outlet, article.published, article.text, added, item),
    )
    if inserted == 0:
        return -1
    report = link_surnames(store, report)
    store.execute("INSERT INTO reports (article_id, report) VALUES (?, ?)", (key, json.dumps(report.to_dict(), ensure_ascii=False)))
    _write_actors(store, key, report)
    _write_attributions(store, key, report)
    original = record_copy(store, key, article.text)
    # A republished copy vouches as its original's publisher does (corpus.copies).
    publisher = (store.scalar("SELECT outlet FROM articles WHERE id = ?", (original,)), original) if original else (article.outlet, key)
    mentions = 0
    tallies: dict[str, Tally] = {}
    seen = article.published or added[:10]
    numbered = [(f"{event.id}:{number}", row) for event in report.events for number, row in enumerate(mention_rows(report, event))]
    # A headline mention takes a side it leaves out from its body (coref.fill_sides), and a body
    # mention of the headline's act joins the headline's event (coref.Candidate.headline).
    headline_end = headline_end_of(article.title, article.text)
    filled = fill_sides([row for _, row in numbered], [row["trigger_end"] <= headline_end for _, row in numbered])
    headline: dict[tuple[str, str], str] = {}  # (match key, lemma) of a headline mention -> its event
    begun: set[str] = set()  # the events this article's mentions began (coref.Candidate.own)
    for (mention, _), row in zip(numbered, filled):
        event_id = _place_mention(store, key, mention, row, headline, begun)
        if row["trigger_end"] <= headline_end:
            headline.setdefault(_match_of(row), event_id)
        tallies.setdefault(event_id, Tally()).add(row["factuality"], seen, row["chain"], row["chain_kinds"], *publisher)
        mentions += 1
    for event_id in sorted(tallies):
        apply_tally(store, event_id, tallies[event_id])
    store.execute("DELETE FROM errors WHERE item = ?", (item,))
    return mentions


def headline_end_of(title: Optional[str], text: str) -> int:
    """Where the article's headline ends in its text: the title, where the text opens with it."""
    head, body = (title or "").strip(), text.lstrip()
    return len(text) - len(body) + len(head) if head and body.startswith(head) else 0


def act_word(lemma: str) -> str:
    """The word a mention's trigger is compared on: its lemma, or the one its synonyms for the
    same act share (``SAME_ACT``: "murder" is "kill")."""
    return SAME_ACT.get(lemma, lemma)


def _match_of(row: dict[str, Any]) -> tuple[str, str]:
    return match_key(row["source_key"], row["target_key"], row["plover_type"], row["cameo"]), row["lemma"]


def _key_of(report: Report, actor_ref: Optional[str]) -> tuple[Optional[str], Optional[str], Optional[str]]:
    actor = report.actor(actor_ref) if actor_ref else None
    if actor is None:
        return None, None, None
    return entity_of(actor), actor.name, actor.code


def entity_of(actor: Actor) -> Optional[str]:
    """The actor's entity key: who it is in every article (reports from before actors carried
    one get it recomputed from name, code and kind)."""
    return actor.entity or actor_key(actor.name, actor.code, actor.kind)


def _write_actors(store: Store, key: str, report: Report) -> None:
    for actor in report.actors:
        ident = entity_of(actor)
        if ident is None:
            continue
        if not store.execute(
            "INSERT INTO actors (actor_key, name, code, kind) VALUES (?, ?, ?, ?) ON CONFLICT (actor_key) DO NOTHING",
            (ident, actor.name, actor.code, actor.kind),
        ):
            _keep_least_name(store, ident, actor.name, actor.kind)
        # Counters kept at write time, so that listing actors never scans the events.
        if store.execute("INSERT INTO article_actors (article_id, actor_key) VALUES (?, ?) ON CONFLICT DO NOTHING", (key, ident)):
            store.execute("UPDATE actors SET articles = articles + 1 WHERE actor_key = ?", (ident,))


def _keep_least_name(store: Store, ident: str, name: str, kind: Optional[str]) -> None:
    """Of the names and kinds an actor is stored under ("Republican Party", "Republican
    party"; "organization", "agent"), keep the least pair in code-point order: the same
    whichever article came first. Compared here, not in SQL, where PostgreSQL's collation
    would order them otherwise than SQLite."""
    _, rows = store.rows("SELECT name, kind FROM actors WHERE actor_key = ?", (ident,))
    if rows and (name, kind or "") < (rows[0][0], rows[0][1] or ""):
        store.execute("UPDATE actors SET name = ?, kind = ? WHERE actor_key = ?", (name, kind, ident))


def chain_kinds(report: Report, attribution: Optional[Attribution]) -> list[str]:
    """The source kind of each link of an attribution's chain, "author" last."""
    kinds = []
    node, seen, last = attribution, set(), None
    while node is not None and node.id not in seen:
        seen.add(node.id)
        if node.chain[0] != last:  # the chain names a source relaying itself once
            kinds.append(node.source.kind)
            last = node.chain[0]
        node = report.attribution(node.via) if node.via else None
    kinds.append("author")
    return kinds


def _write_attributions(store: Store, key: str, report: Report) -> None:
    outlet = report.article.outlet
    sources = []
    for attribution in report.attributions:
        quote = quote_columns(report, attribution, _key_of(report, attribution.source.actor)[0])
        sources.append(
            (
                key, attribution.id, attribution.chain[0], attribution.source.kind, outlet, attribution.cue.text,
                json.dumps(attribution.chain), quote["act"], quote["quote"], quote["type"], quote["text"], quote["speaker_key"],
            )
        )
    store.executemany(
        "INSERT INTO sources (article_id, attribution, name, kind, outlet, cue, chain, act, quote, type, text, speaker_key) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        sources,
    )
    # Two attributions can frame one span: the claim (keyed by its span) is stored once.
    claims = []
    for claim in report.claims:
        attribution = report.attribution(claim.attribution) if claim.attribution else None
        if attribution is not None:
            source_key = speaker_key(_key_of(report, attribution.source.actor)[0], claim.chain[0])
        else:
            source_key = "author"
        claims.append(
            (
                key, claim.id, claim.text, claim.chain[0], source_key, json.dumps(claim.chain), outlet,
                report.article.published, claim.factuality.polarity, claim.factuality.certainty,
                int(claim.factuality.disputed), len(claim.events),
            )
        )
    store.executemany(
        "INSERT INTO claims (article_id, claim, text, source, source_key, chain, outlet, published, polarity, "
        "certainty, disputed, events) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        claims,
    )


def mention_rows(report: Report, event: Event) -> list[dict[str, Any]]:
    """One row per dyad of the event (:meth:`Event.dyads`): each source actor against each
    other target actor."""
    attribution = report.attribution(event.attribution) if event.attribution else None
    chain = list(attribution.chain) if attribution else ["author"]
    kinds = chain_kinds(report, attribution) if attribution else ["author"]
    if len(kinds) != len(chain):  # a malformed relay: trust the names, not the walk
        kinds = (kinds[:-1] + ["vague"] * len(chain))[: len(chain) - 1] + ["author"]
    date = event.date
    start, end = mention_dates(date.start if date else None, date.end if date else None, date.type if date else None, report.article.published)
    f = event.factuality
    base = {
        "cameo": event.cameo,
        "plover_type": event.plover.type,
        "goldstein": event.goldstein,
        "sentence": report.span_text(event.sentence),
        "trigger_start": event.trigger[0],
        "trigger_end": event.trigger[1],
        "trigger_text": event.text,
        "lemma": act_word(event.lemma or event.text.lower()),
        # The event's own date, to the day or week: a match anchor (coref); a year is not.
        "dated": date is not None and date.type != "unresolved" and precise(date.start, date.end),
        # An act told as past ("historical": "in February 2012") happened as much as one told as now.
        "actual": f.mode in {"actual", "historical"},
        # One occasion, not a habit, a kind or a run of acts (anchoring.one_occasion): only
        # such a mention joins, or is joined by, another report's event.
        "occasion": event.occasion,
        "chain": chain,
        "chain_kinds": kinds,
        "polarity": f.polarity,
        "certainty": f.certainty,
        "mode": f.mode,
        "disputed": int(f.disputed),
        "factuality": factuality_label(f.polarity, f.certainty, f.mode, f.disputed),
        "confidence": event.confidence,
        "date": start,
        "date_end": end,
        "location": event.location.name if event.location else None,
        "country": event.location.country if event.location else None,
        "geonameid": event.location.geonameid if event.location else None,
        "latitude": event.location.latitude if event.location else None,
        "longitude": event.location.longitude if event.location else None,
        "killed": event.casualties.killed if event.casualties else None,
        "injured": event.casualties.injured if event.casualties else None,
        "arrested": event.casualties.arrested if event.casualties else None,
        "outlet": report.article.outlet,
        "published": report.article.published,
    }
    rows = []
    seen: set[tuple] = set()
    for source, target in event.dyads():
        s_key, s_name, s_code = _key_of(report, source)
        t_key, t_name, t_code = _key_of(report, target)
        pair = (s_key, t_key)
        if symmetric(event.cameo):
            # "Kerry and Lavrov met": one meeting, one mention, not one per direction; its
            # sides in one fixed order, so that the event reads the same whichever report
            # of it arrived first.
            if (t_key or "") < (s_key or ""):
                (s_key, s_name, s_code), (t_key, t_name, t_code) = (t_key, t_name, t_code), (s_key, s_name, s_code)
            pair = (s_key, t_key)
            if pair in seen:
                continue
            seen.add(pair)
        rows.append(
            {**base, "source_key": s_key, "source_actor": s_name, "source_code": s_code,
             "target_key": t_key, "target_actor": t_name, "target_code": t_code}
        )
    return rows


def _place_mention(
    store: Store, article: str, mention: str, row: dict[str, Any], headline: Optional[dict[tuple[str, str], str]] = None,
    begun: Optional[set[str]] = None,
) -> str:
    """Attach the mention to its event (found or new); the event id. ``headline``: the events
    the article's headline mentions joined, by match key and trigger lemma; ``begun``: the
    events the article's mentions began so far (a new one is added)."""
    begun = set() if begun is None else begun
    key, lemma = _match_of(row)
    dates = (row["date"], row["date_end"])
    found = candidates.undated_events(store, key) if dates[0] is None else candidates.overlapping_events(store, key, dates)
    sides = (row["source_key"] is not None) + (row["target_key"] is not None)
    if sides == 2 and lemma and dates[0] is not None:
        reach = None if material(row["plover_type"], row["cameo"]) else RECENT_VERBAL_DAYS
        found = list({r[0]: r for r in [*found, *candidates.retold_events(store, key, lemma, dates, bool(row["dated"]), reach)]}.values())
    joined = (headline or {}).get((key, lemma))
    stored = [
        Candidate(
            id=r[0], dates=(r[1], r[2]), place=(r[3], r[4]), lemma=r[5] or "", dated=bool(r[6]), actual=bool(r[7]),
            headline=r[0] == joined, occasion=bool(r[8]), own=r[0] in begun, negated=r[9] == "negated",
        )
        for r in found
    ]
    sighting = Sighting(
        dates, (row["location"], row["country"]), row["lemma"], row["dated"], row["actual"], sides,
        material(row["plover_type"], row["cameo"]), row["occasion"], symmetric(row["cameo"]), negated=row["polarity"] == "negative",
    )
    evidence = best_match(sighting, stored)
    if evidence is not None and row.get("filled"):
        evidence = replace(evidence, anchor=f"{evidence.anchor} + {row['filled']} from its article")
    if evidence is None:
        event_id = "ev-" + hashlib.blake2b(f"{key}\x1f{article}\x1f{mention}".encode("utf-8"), digest_size=12).hexdigest()
        begun.add(event_id)
        store.execute(
            "INSERT INTO events (id, match_key, date, date_end, source_actor, source_key, source_code, target_actor, "
            "target_key, target_code, cameo, plover_type, goldstein, location, country, geonameid, latitude, longitude, "
            "killed, injured, arrested, lemma, dated, actual, occasion) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event_id, key, row["date"], row["date_end"], row["source_actor"], row["source_key"], row["source_code"],
                row["target_actor"], row["target_key"], row["target_code"], row["cameo"], row["plover_type"],
                row["goldstein"], row["location"], row["country"], row["geonameid"], row["latitude"], row["longitude"],
                row["killed"], row["injured"], row["arrested"], row["lemma"], int(row["dated"]), int(row["actual"]),
                int(row["occasion"]),
            ),
        )
        for actor in {row["source_key"], row["target_key"]} - {None}:
            store.execute("UPDATE actors SET events = events + 1 WHERE actor_key = ?", (actor,))
    else:
        event_id = evidence.event
        if any(row[column] is not None for column in CASUALTY_COLUMNS):
            _raise_counts(store, event_id, row)
        _keep_least_sides(store, event_id, row)
    store.execute(
        "INSERT INTO mentions (article_id, mention, event_id, outlet, published, sentence, trigger_start, trigger_end, "
        "trigger_text, chain, chain_kinds, polarity, certainty, mode, disputed, factuality, confidence, date, date_end, "
        "location, country, geonameid, latitude, longitude, killed, injured, arrested, lemma, evidence) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article, mention, event_id, row["outlet"], row["published"], row["sentence"], row["trigger_start"],
            row["trigger_end"], row["trigger_text"], json.dumps(row["chain"]), json.dumps(row["chain_kinds"]),
            row["polarity"], row["certainty"], row["mode"], row["disputed"], row["factuality"], row["confidence"],
            row["date"], row["date_end"], row["location"], row["country"], row["geonameid"], row["latitude"],
            row["longitude"], row["killed"], row["injured"], row["arrested"], row["lemma"],
            json.dumps(evidence.to_dict()) if evidence else None,
        ),
    )
    return event_id


def _keep_least_sides(store: Store, event_id: str, row: dict[str, Any]) -> None:
    """The names an event shows for its sides: of those its mentions give ("Republican
    Party", "Republican party"), the least in code-point order, whichever came first."""
    _, found = store.rows("SELECT source_actor, target_actor FROM events WHERE id = ?", (event_id,))
    for column, stored in zip(("source_actor", "target_actor"), found[0] if found else ()):
        if row[column] is not None and stored is not None and row[column] < stored:
            store.execute(f"UPDATE events SET {column} = ? WHERE id = ?", (row[column], event_id))  # fixed names


def _raise_counts(store: Store, event_id: str, row: dict[str, Any]) -> None:
    """An event's counts are the largest any of its mentions states: tolls rise as reports
    come in, and a later report's smaller or missing count does not undo an earlier one."""
    for column in CASUALTY_COLUMNS:  # names from a fixed tuple, never from input
        if row[column] is not None:
            store.execute(
                f"UPDATE events SET {column} = ? WHERE id = ? AND ({column} IS NULL OR {column} < ?)",
                (row[column], event_id, row[column]),
            )

