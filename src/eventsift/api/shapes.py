"""The bodies the API answers with, one definition each.

Frozen dataclasses: their fields are the JSON keys, in order; ``plain`` (from the GeoJSON shapes)
turns one into the JSON value sent. The endpoints name them as response models, so that the
OpenAPI description documents each body and the schema tests hold the answers to it. Errors
use the pydantic ``Problem`` model (FastAPI's own validation errors are reshaped into it)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from fastapi.responses import JSONResponse
from pydantic import BaseModel

from ..errors import EventsiftError
from ..export.geojson import Feature, plain
from ..models import Article


@dataclass(frozen=True, slots=True)
class Page:
    """Where a page of events lies among the matches (``total`` only when asked: counting is slower)."""

    total: int | None
    limit: int
    offset: int
    count: int


@dataclass(frozen=True, slots=True)
class EventPage(Page):
    """``format=json``: the page and its events (all fields, or the map's with ``fields=map``)."""

    events: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class EventFeatures:
    """``format=geojson``: the page's events as a FeatureCollection, the paging as its properties."""

    type: Literal["FeatureCollection"] = field(default="FeatureCollection", init=False)
    features: list[Feature]
    properties: Page


@dataclass(frozen=True, slots=True)
class PointRows:
    """The map's markers: one row of values per event, in the order of ``columns``; ``complete``
    says whether these are all the matches."""

    columns: list[str]
    count: int
    complete: bool
    rows: list[list[Any]]


@dataclass(frozen=True, slots=True)
class ArticleBody:
    """An article's text and metadata (evidence offsets point into ``text``) and its events."""

    id: str
    url: str | None
    outlet: str | None
    published: str | None
    title: str | None
    language: str | None
    status: str
    reason: str
    text: str
    event_ids: list[str]

    @classmethod
    def of(cls, article: Article, event_ids: list[str]) -> ArticleBody:
        return cls(article.id, article.url, article.outlet,
                   article.published.isoformat() if article.published else None, article.title,
                   article.language, article.status.value, article.reason, article.text, event_ids)


class ProblemDetail(BaseModel):
    """What went wrong: a coded error (``code``, ``hint``) or a bad request (the ``parameter``
    at fault and the validator's ``errors``)."""

    code: str | None = None
    message: str
    hint: str | None = None
    parameter: str | None = None
    errors: list[dict[str, Any]] = []


class Problem(BaseModel):
    """The body of every 4xx/5xx answer."""

    detail: ProblemDetail


def problem_body(detail: ProblemDetail) -> dict[str, Any]:
    """The JSON of a problem: ``message``, ``parameter`` and ``errors`` always; ``code`` and
    ``hint`` only for a coded error."""
    return Problem(detail=detail).model_dump(exclude_unset=True)


def problem(status: int, message: str, parameter: str | None = None, errors: list[dict[str, Any]] | None = None,
            headers: dict[str, str] | None = None) -> JSONResponse:
    detail = ProblemDetail(message=message, parameter=parameter, errors=errors or [])
    return JSONResponse(status_code=status, content=problem_body(detail), headers=headers)


def coded_problem(status: int, exc: EventsiftError) -> JSONResponse:
    detail = ProblemDetail(code=exc.code, message=exc.message, hint=exc.hint, parameter=None, errors=[])
    return JSONResponse(status_code=status, content=problem_body(detail))
