"""store stage: the SQLite store, the only code that speaks SQL.

    from eventsift.store import Store
    with Store.open("events.db") as store:
        if store.article_fingerprint(article.id) != Store.fingerprint(article):
            store.save_article(article, events, dropped)
"""
from eventsift.store.fusion import CANDIDATE_LIMIT, HistoryEntry
from eventsift.store.rows import fingerprint
from eventsift.store.schema import MIGRATIONS, SCHEMA_VERSION
from eventsift.store.sqlite import Store

__all__ = ["CANDIDATE_LIMIT", "HistoryEntry", "MIGRATIONS", "SCHEMA_VERSION", "Store", "fingerprint"]
