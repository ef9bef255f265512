"""ingest stage: files, directories and JSONL streams to Articles, one per input.

    from eventsift.ingest import iter_articles
    for article in iter_articles(["reports/", "feed.jsonl"], published=date(2016, 12, 11)):
        ...
"""
from eventsift.ingest.decode import Decoded, decode_bytes
from eventsift.ingest.html import TimedExtractor, read_html
from eventsift.ingest.ids import article_id, parse_published, short_hash
from eventsift.ingest.reader import count_inputs, iter_articles

__all__ = [
    "Decoded",
    "TimedExtractor",
    "article_id",
    "count_inputs",
    "decode_bytes",
    "iter_articles",
    "parse_published",
    "read_html",
    "short_hash",
]
