"""The PostgreSQL backend gives the same corpus as SQLite (a real throwaway server)."""

from __future__ import annotations

import pandas as pd

from newsgraph import Corpus


def _view(corpus: Corpus) -> dict:
    events = corpus.events().drop(columns=["event_id"]).sort_values(["date", "source_actor", "target_actor", "factuality"]).reset_index(drop=True)
    return {
        "events": events,
        "actors": corpus.actors().sort_values("actor_key").reset_index(drop=True),
        "sources": corpus.sources().sort_values(["source", "outlet"]).reset_index(drop=True),
        "counts": corpus.counts(),
    }


def test_postgres_matches_sqlite(postgres_url, corpus_db, corpus_articles):
    with Corpus(postgres_url) as pg:
        stats = pg.ingest(corpus_articles, check_language=False)
        assert stats.stored == len(corpus_articles)
        again = pg.ingest(corpus_articles, check_language=False)
        assert (again.stored, again.skipped) == (0, len(corpus_articles))
        with Corpus(corpus_db) as lite:
            mine, theirs = _view(pg), _view(lite)
            for key in ("events", "actors", "sources"):
                pd.testing.assert_frame_equal(mine[key], theirs[key], check_dtype=False)
            assert mine["counts"] == theirs["counts"]
            assert pg.timeline("Hamas")["date"].tolist() == lite.timeline("Hamas")["date"].tolist()
            assert len(pg.contradictions()) == len(lite.contradictions())
            assert pg.report(pg.articles()["id"][0]) is not None
