"""Row shapes of the store: the column lists come from the records' fields and match the schema."""
from __future__ import annotations

import pytest

from eventsift.models import Article, Dropped, Evidence, Source, Span, Status
from eventsift.store import Store
from eventsift.store import rows


@pytest.mark.parametrize("table, columns", [
    ("articles", rows.ARTICLE_COLUMNS),
    ("events", rows.EVENT_COLUMNS),
    ("evidence", rows.EVIDENCE_COLUMNS),
    ("event_sources", rows.SOURCE_COLUMNS),
    ("dropped", rows.DROPPED_COLUMNS),
])
def test_written_columns_are_the_tables_columns(tmp_path, table, columns):
    with Store.open(tmp_path / "s.db") as store:
        schema = [r[1] for r in store._conn.execute(f"PRAGMA table_info({table})")]
    assert len(set(columns)) == len(columns)
    # every column written exists; every column not written is one a later step fills (or the table's own)
    assert set(columns) <= set(schema)
    assert set(schema) - set(columns) <= {"last_updated"}


@pytest.mark.parametrize("record, make_row, read_row", [
    (Evidence("a1", 3, 9, "shells"), lambda r: rows.evidence_rows("e1", (r,), 4)[0], rows.evidence_from_row),
    (Source("a1", outlet="Wire", published=None, fatalities=2), lambda r: rows.source_rows("e1", (r,), 0)[0],
     rows.source_from_row),
    (Dropped("a1", Span(0, 6, "Rebels"), "not an event"), lambda r: rows.dropped_rows("a1", [r])[0],
     rows.dropped_from_row),
])
def test_row_tuples_follow_their_columns_and_read_back(record, make_row, read_row):
    columns = {Evidence: rows.EVIDENCE_COLUMNS, Source: rows.SOURCE_COLUMNS, Dropped: rows.DROPPED_COLUMNS}[type(record)]
    row = dict(zip(columns, make_row(record), strict=True))
    assert read_row(row) == record


def test_article_row_stores_dates_as_text_and_status_by_value():
    from datetime import date

    article = Article("a1", "Text.", published=date(2020, 3, 2), status="skipped", reason="empty")
    row = dict(zip(rows.ARTICLE_COLUMNS, rows.article_row(article, "2020-03-03T00:00:00"), strict=True))
    assert row["published"] == "2020-03-02" and row["status"] == "skipped" and row["ingested_at"] == "2020-03-03T00:00:00"
    assert rows.article_from_row(row) == Article("a1", "Text.", published=date(2020, 3, 2), status=Status.SKIPPED,
                                                 reason="empty")


def test_insert_quotes_every_column():
    assert rows.insert_sql("dropped", ("seq", "end")) == 'INSERT INTO dropped ("seq", "end") VALUES (?, ?)'
