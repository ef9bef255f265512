"""Records to rows and back, exactly: dates as ISO text, enums as their values, booleans as
0/1, Decision lists as tagged JSON (so that dates, enums and tuples inside a decision's value
come back as they went in)."""
from __future__ import annotations

import hashlib
import json
from dataclasses import fields, replace
from datetime import date, datetime
from enum import Enum
from typing import Any, Mapping

from eventsift.models import Article, Decision, Dropped, Event, Evidence, Source, Span, Stance, Status

#: Event fields stored as child rows or JSON rather than as one column each
_NESTED = ("evidence", "sources", "reasons")
EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Event) if f.name not in _NESTED)
#: extra event columns derived from the record (kept for filters and for Datasette)
DERIVED_EVENT_COLUMNS = ("article_id", "source_count")
EVENT_COLUMNS: tuple[str, ...] = EVENT_FIELDS + DERIVED_EVENT_COLUMNS + ("reasons",)
_DATE_FIELDS = frozenset({"event_date"})
_BOOL_FIELDS = frozenset({"civilian_targeting"})



def field_names(record: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(record))


#: Article fields stored one column each (the country an input names only guides its coding)
ARTICLE_FIELDS = tuple(name for name in field_names(Article) if name != "country")
#: the article's columns: its fields, then what the store adds
ARTICLE_COLUMNS = ARTICLE_FIELDS + ("fingerprint", "ingested_at")
EVIDENCE_FIELDS = field_names(Evidence)
SOURCE_FIELDS = field_names(Source)
SPAN_FIELDS = field_names(Span)
#: child rows of an event: its id and the record's place among its siblings, then the record's fields
EVIDENCE_COLUMNS = ("event_id", "seq") + EVIDENCE_FIELDS
SOURCE_COLUMNS = ("event_id", "seq") + SOURCE_FIELDS
#: a dropped candidate: the article, its place among the article's, the sentence, why
DROPPED_COLUMNS = ("article_id", "seq") + SPAN_FIELDS + ("reason",)

_ENUMS: dict[str, type[Enum]] = {"Stance": Stance, "Status": Status}


def fingerprint(article: Article) -> str:
    """What decides whether a re-ingested article changed: its text and its publication date
    (relative dates in the text resolve against it)."""
    published = to_iso(article.published) or ""
    digest = hashlib.sha256()
    digest.update(article.text.encode("utf-8", "surrogatepass"))
    digest.update(b"\x00" + published.encode("ascii"))
    return digest.hexdigest()


def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    """An INSERT of one row into ``columns`` of ``table`` (names quoted: ``end`` is an SQL keyword)."""
    names = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in columns)})"


def to_column(value: Any) -> Any:
    """A field's value as stored: dates as ISO text, enums as their values."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def to_iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def from_iso(value: str | None) -> date | None:
    if value is None:
        return None
    if "T" in value or " " in value:
        return datetime.fromisoformat(value)
    return date.fromisoformat(value)


# -- JSON for Decision values --------------------------------------------------------------
def _enc(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Enum):
        return {"$enum": type(value).__name__, "value": value.value}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, Span):
        return {"$span": [value.start, value.end, value.text]}
    if isinstance(value, tuple):
        return {"$tuple": [_enc(v) for v in value]}
    if isinstance(value, list):
        return [_enc(v) for v in value]
    if isinstance(value, Mapping):
        return {"$map": [[_enc(k), _enc(v)] for k, v in value.items()]}
    return {"$repr": repr(value)}


def _dec(value: Any) -> Any:
    if isinstance(value, list):
        return [_dec(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "$enum" in value:
        enum = _ENUMS.get(value["$enum"])
        return enum(value["value"]) if enum else value["value"]
    if "$datetime" in value:
        return datetime.fromisoformat(value["$datetime"])
    if "$date" in value:
        return date.fromisoformat(value["$date"])
    if "$span" in value:
        return Span(*value["$span"])
    if "$tuple" in value:
        return tuple(_dec(v) for v in value["$tuple"])
    if "$map" in value:
        return {_dec(k): _dec(v) for k, v in value["$map"]}
    if "$repr" in value:
        return value["$repr"]
    return value


#: a decision's keys in the stored JSON (its span, when it has one, as [start, end, text])
_DECISION_FIELDS = tuple(name for name in field_names(Decision) if name != "span")


def reasons_to_json(reasons: tuple[Decision, ...]) -> str:
    items = []
    for d in reasons:
        item: dict[str, Any] = {name: _enc(getattr(d, name)) for name in _DECISION_FIELDS}
        if d.span is not None:
            item["span"] = [d.span.start, d.span.end, d.span.text]
        items.append(item)
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"))


def reasons_from_json(raw: str | None) -> tuple[Decision, ...]:
    if not raw:
        return ()
    return tuple(
        Decision(
            field=item["field"],
            value=_dec(item.get("value")),
            reason=item.get("reason", ""),
            span=Span(*item["span"]) if item.get("span") else None,
        )
        for item in json.loads(raw)
    )


# -- events --------------------------------------------------------------------------------
def event_row(event: Event) -> tuple[Any, ...]:
    """Values in EVENT_COLUMNS order."""
    values: list[Any] = []
    for name in EVENT_FIELDS:
        value = getattr(event, name)
        if name in _DATE_FIELDS:
            value = to_iso(value)
        elif name in _BOOL_FIELDS:
            value = int(bool(value))
        elif isinstance(value, Enum):
            value = value.value
        values.append(value)
    values.append(event.article_id)
    values.append(event.source_count)
    values.append(reasons_to_json(event.reasons))
    return tuple(values)


def evidence_rows(event_id: str, evidence: tuple[Evidence, ...], first_seq: int = 0) -> list[tuple[Any, ...]]:
    return [(event_id, first_seq + i, *(getattr(e, name) for name in EVIDENCE_FIELDS)) for i, e in enumerate(evidence)]


def source_rows(event_id: str, sources: tuple[Source, ...], first_seq: int = 0) -> list[tuple[Any, ...]]:
    return [(event_id, first_seq + i, *(to_column(getattr(s, name)) for name in SOURCE_FIELDS))
            for i, s in enumerate(sources)]


def evidence_from_row(row: Mapping[str, Any]) -> Evidence:
    return Evidence(**{name: row[name] for name in EVIDENCE_FIELDS})


def source_from_row(row: Mapping[str, Any]) -> Source:
    values = {name: row[name] for name in SOURCE_FIELDS}
    return Source(**{**values, "published": from_iso(values["published"]), "stance": Stance(values["stance"])})


def event_from_row(row: Mapping[str, Any], evidence: tuple[Evidence, ...], sources: tuple[Source, ...]) -> Event:
    values: dict[str, Any] = {}
    for name in EVENT_FIELDS:
        value = row[name]
        if name in _DATE_FIELDS:
            value = from_iso(value)
        elif name in _BOOL_FIELDS:
            value = bool(value)
        elif name == "stance":
            value = Stance(value)
        values[name] = value
    return Event(**values, evidence=evidence, sources=sources, reasons=reasons_from_json(row["reasons"]))


# -- articles and dropped candidates -------------------------------------------------------
def article_row(article: Article, ingested_at: str) -> tuple[Any, ...]:
    article = replace(article, status=Status(article.status))  # a status given as its text is checked here
    return (*(to_column(getattr(article, name)) for name in ARTICLE_FIELDS), fingerprint(article), ingested_at)


def article_from_row(row: Mapping[str, Any]) -> Article:
    values = {name: row[name] for name in ARTICLE_FIELDS}
    return Article(**{**values, "published": from_iso(values["published"]), "status": Status(values["status"])})


def dropped_rows(article_id: str, dropped: tuple[Dropped, ...] | list[Dropped]) -> list[tuple[Any, ...]]:
    return [(article_id, i, d.sentence.start, d.sentence.end, d.sentence.text, d.reason) for i, d in enumerate(dropped)]


def dropped_from_row(row: Mapping[str, Any]) -> Dropped:
    return Dropped(article_id=row["article_id"], sentence=Span(*(row[name] for name in SPAN_FIELDS)), reason=row["reason"])


def value_to_json(value: Any) -> str:
    """One field value as tagged JSON (dates, enums and tuples come back as they went in)."""
    return json.dumps(_enc(value), ensure_ascii=False, separators=(",", ":"))


def value_from_json(raw: str | None) -> Any:
    return None if raw is None else _dec(json.loads(raw))
