"""Republished copy: one wire story printed by several outlets is one origin, not several.

Outlets run agency copy under their own headline, often trimmed or with a line added, so
the article texts (and their content-hash ids) differ. An article is a **copy** of a stored
one when they share at least ``MIN_SHARED`` long sentences (``MIN_WORDS`` words or more,
compared after folding case, punctuation and spacing) and these make up at least
``COPY_SHARE`` of the shorter of the two: a trimmed printing, or one with a paragraph
added, is a copy whichever of the two arrives first; two reports that quote one statement
alike are not. A copy's reports count
for origins as the original's: the same publisher node (``origins.chain_nodes``), so the
author's own statements and the unnamed sources it cites are one origin in every outlet
that prints them. The original is the first stored article the copy matches; a copy of a
copy points at the first original, so every printing of a story shares one root whatever
the order the articles arrive in.

Sentences are told apart by a plain punctuation rule, not by the NLP pipeline: the
fingerprint must not change when the pipeline does, or stores written by two versions
would stop recognising each other's copies.
"""

from __future__ import annotations

import hashlib
import re
from typing import Optional

from .connection import Store

__all__ = ["COPY_SHARE", "MIN_SHARED", "MIN_WORDS", "backfill_copies", "fingerprints", "original_of", "record_copy"]

MIN_WORDS = 8
MIN_SHARED = 2
COPY_SHARE = 0.6
_WORD = re.compile(r"\w+")  # the words, case and punctuation left out
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n\s*\n")


def fingerprints(text: str) -> list[str]:
    """The hashes of the text's long sentences, each once, in text order."""
    seen: dict[str, None] = {}
    for sentence in _SENTENCE_END.split(text):
        words = _WORD.findall(sentence.lower())
        if len(words) >= MIN_WORDS:
            seen.setdefault(hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).hexdigest(), None)
    return list(seen)


def original_of(store: Store, prints: list[str]) -> Optional[str]:
    """The stored article these fingerprints copy (its own original, if it is a copy), or None.

    Of the stored articles sharing enough sentences, the one sharing most wins (ties: the
    least id). Shared sentences are counted per article before anything else is looked up:
    a sentence many articles print (boilerplate, or background text) matches every one of
    them, and joining each match to its article first cost most of an article's write time
    once a store held a few hundred articles."""
    if not prints:
        return None
    marks = ",".join("?" * len(prints))
    _, rows = store.rows(f"SELECT article_id, COUNT(*) FROM article_sentences WHERE hash IN ({marks}) GROUP BY article_id", tuple(prints))
    # Sharing COPY_SHARE of these prints is enough whatever the stored article's length;
    # sharing less, the stored article must be short enough. The winner is found in one pass:
    # in boilerplate-heavy text nearly every stored article is a candidate, and none passes.
    enough = COPY_SHARE * len(prints)
    short = [article for article, shared in rows if MIN_SHARED <= shared < enough]
    lengths = _sentence_counts(store, short) if short else {}
    passing = [
        (-shared, article)
        for article, shared in rows
        if shared >= MIN_SHARED and shared >= COPY_SHARE * min(len(prints), lengths.get(article, len(prints)))
    ]
    if not passing:
        return None
    article = min(passing)[1]
    return store.scalar("SELECT copy_of FROM articles WHERE id = ?", (article,)) or article


# How many fingerprints each stored article has. An id is its text's hash, so a count never
# changes and is right for every store; the cache is emptied when full, to keep memory flat.
_COUNTS: dict[str, int] = {}
_COUNTS_LIMIT = 200_000


def _sentence_counts(store: Store, articles: list[str]) -> dict[str, int]:
    missing = [a for a in articles if a not in _COUNTS]
    if missing:
        if len(_COUNTS) + len(missing) > _COUNTS_LIMIT:
            _COUNTS.clear()
        marks = ",".join("?" * len(missing))
        _, rows = store.rows(f"SELECT article_id, COUNT(*) FROM article_sentences WHERE article_id IN ({marks}) GROUP BY article_id", tuple(missing))
        _COUNTS.update(rows)
    return {a: _COUNTS[a] for a in articles if a in _COUNTS}


def record_copy(store: Store, article_id: str, text: str) -> Optional[str]:
    """Fingerprint a newly stored article and mark it a copy when it is one; the original's id."""
    prints = fingerprints(text)
    original = original_of(store, prints)
    if original is not None:
        store.execute("UPDATE articles SET copy_of = ? WHERE id = ?", (original, article_id))
    store.executemany("INSERT INTO article_sentences (hash, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING", [(d, article_id) for d in prints])
    return original


def backfill_copies(store: Store) -> None:
    """Fingerprint every stored article in the order it was added, as if ingested again (the
    schema migration that introduced copies)."""
    _, rows = store.rows("SELECT id, text FROM articles ORDER BY added, id")
    for article_id, text in rows:
        record_copy(store, article_id, text)
