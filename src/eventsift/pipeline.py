"""The flow, one direction: Article → clean → spaCy → extract → resolve → fuse → Events.

``Pipeline`` is the one entry object::

    pipe = Pipeline()
    result = pipe(article)                    # one article
    for result in pipe.pipe(articles):        # many, batched through spaCy
        ...

Articles whose status is not ``ok`` pass through untouched (no events), so that every input
still becomes exactly one article row downstream.
"""
from __future__ import annotations

import logging
import os
from collections import Counter
from dataclasses import dataclass, replace
from itertools import chain, islice
from typing import Iterable, Iterator

from .clean import clean_text
from .config import Settings
from .models import Article, Dropped, Event, Mention, Place, Span, Status

log = logging.getLogger(__name__)

#: event types that a coder puts at the seat of government when only their country is known (a national strike,
#: a march "in the capital", a curfew); other events known only to a country stay at the country
NATIONAL_TYPES = frozenset({"Protests", "Riots", "Strategic developments"})
#: the run's country stands in for a report that names no place once this many reports of the run had their
#: events placed from their own text, and this share of them in one country (ACLED's files: one country each)
RUN_MIN_ARTICLES = 5
RUN_MIN_SHARE = 0.6
#: with n_process 0 (one per core), a stream of fewer batches than this is parsed in-process
SMALL_STREAM_BATCHES = 2


def cores() -> int:
    """CPU cores this process may run on (its affinity where the platform tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class Result:
    article: Article
    events: tuple[Event, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    places: tuple[Place, ...] = ()


class Pipeline:
    """Codes articles into events. Heavy resources (model, gazetteer) load on first use."""

    def __init__(self, settings: Settings | None = None, *, nlp=None, geocoder=None, extractor=None,
                 reranker=None) -> None:
        self.settings = settings or Settings.from_env()
        self._nlp = nlp
        self._geocoder = geocoder
        self._extractor = extractor
        # off by default: a trained sub-type model (classify.Reranker) that may re-rank the rules'
        # sub-type where they are unsure; it sees coded mentions only, never the dropped ones
        self.reranker = reranker
        self._asked_run = False

    # -- lazily loaded parts -------------------------------------------------------------
    @property
    def nlp(self):
        if self._nlp is None:
            from . import nlp as nlp_stage

            self._nlp = nlp_stage.load(self.settings)
        return self._nlp

    @property
    def geocoder(self):
        if self._geocoder is None:
            from .resolve.geo import Geocoder

            self._geocoder = Geocoder.default(self.settings)
        return self._geocoder

    @property
    def extractor(self):
        if self._extractor is None:
            from .extract import Extractor

            self._extractor = Extractor()
        return self._extractor

    # -- running ---------------------------------------------------------------------------
    def __call__(self, article: Article) -> Result:
        return next(iter(self.pipe([article])))

    def pipe(self, articles: Iterable[Article], batch_size: int | None = None,
             n_process: int | None = None) -> Iterator[Result]:
        """Results in input order. Failures inside one article fail that article only.

        The whole stream goes through one ``nlp.pipe`` call, so that with ``n_process`` > 1 the
        worker processes start once per run, not once per batch. Articles that are not ``ok``
        ride along as empty texts and come back untouched.
        """
        size = batch_size or self.settings.batch_size
        # the countries of the reports placed so far in this run (this call), from their own text: a report that
        # names no place ("Students marched to demand ...", one of a country's notes) is put in the run's country
        run: Counter = Counter()
        for doc, article, cleaned, _ in self._parsed(((a, None) for a in articles), size, n_process):
            yield Result(article) if cleaned is None else self._safe_code(article, cleaned, doc, run)

    def code_each(self, items: Iterable[tuple[Article, Counter | None]], batch_size: int | None = None,
                  n_process: int | None = None) -> Iterator[tuple[Result, str | None, bool]]:
        """For archives coded in pieces (Spark): each article coded as if the run so far had placed the
        reports counted in its own ``run`` (country → reports, in the order first met; None: none), and
        counted in no other's. Yields ``(result, own, asked)``: ``own`` the country the article's events
        were placed in from its own text (what :meth:`pipe` adds to the run after it), ``asked`` whether
        an event had no place of its own and so looked at the run's country. Coding an article with the
        counts of the articles before it in input order gives what :meth:`pipe` gives for it."""
        size = batch_size or self.settings.batch_size
        for doc, article, cleaned, given in self._parsed(items, size, n_process):
            if cleaned is None:
                yield Result(article), None, False
                continue
            run = Counter(given or {})
            before = dict(run)
            self._asked_run = False
            result = self._safe_code(article, cleaned, doc, run)
            own = next((iso3 for iso3, n in run.items() if n != before.get(iso3, 0)), None)
            yield result, own, self._asked_run

    def _parsed(self, items, size: int, n_process: int | None):
        """(doc, article, cleaned text, extra) for (article, extra) pairs, in order, through one
        ``nlp.pipe`` call; articles that are not ``ok`` ride along as empty texts (cleaned None)."""
        workers, items = self._workers(n_process, items, size)

        def texts():
            for article, extra in items:
                if article.status is not Status.OK:
                    yield "", (article, None, extra)
                    continue
                cleaned = clean_text(article.text[: self.settings.max_chars])
                yield cleaned.text, (article, cleaned, extra)

        for doc, (article, cleaned, extra) in self.nlp.pipe(texts(), as_tuples=True, batch_size=size, n_process=workers):
            yield doc, article, cleaned, extra

    def _workers(self, n_process: int | None, items, size: int):
        """spaCy worker processes for this stream, and the stream. ``n_process`` (else the setting)
        0 means one per core; then a stream shorter than SMALL_STREAM_BATCHES batches is parsed in
        this process, since starting workers (each loads the model) costs more than it saves."""
        wanted = n_process if n_process is not None else self.settings.n_process
        if wanted > 0:
            return wanted, items
        workers = cores()
        if workers == 1:
            return 1, items
        items = iter(items)
        head = list(islice(items, size * SMALL_STREAM_BATCHES))
        if len(head) < size * SMALL_STREAM_BATCHES:
            return 1, iter(head)
        return workers, chain(head, items)

    def _safe_code(self, article: Article, cleaned, doc, run: Counter) -> Result:
        try:
            return self._code(article, cleaned, doc, run)
        except Exception as exc:  # one bad article must not stop a run of millions
            log.exception("article %s failed", article.id)
            return Result(article.with_status(Status.FAILED, f"extraction error: {type(exc).__name__}: {exc}"))

    def _code(self, article: Article, cleaned, doc, run: Counter) -> Result:
        from .fuse import fuse_article
        from .resolve.actors import resolve_actors
        from .resolve.time import resolve_event_time

        mentions, dropped = self.extractor.extract(article, doc, cleaned)
        if self.reranker is not None:
            mentions = self.reranker.apply(mentions)
        clean_places = self.geocoder.geocode(cleaned.text, doc=doc)
        places = tuple(_place_to_original(p, cleaned, article.text) for p in clean_places)
        resolved: list[Mention] = []
        own: Counter = Counter()
        for m in mentions:
            sentence = _span_to_clean(m.sentence, cleaned)
            trigger = _span_to_clean(m.trigger, cleaned) if m.trigger else None
            national = m.event_type in NATIONAL_TYPES
            place = self.geocoder.event_place(cleaned.text, clean_places, sentence, trigger=trigger,
                                              national=national)
            if place is not None and place.latitude is not None and place.iso3:
                own[place.iso3] += 1
            if place is None or place.latitude is None:
                place = self._run_place(run, national) or place
            if place is not None:
                place = _place_to_original(place, cleaned, article.text)
            time = resolve_event_time(article.text, m.sentence, article.published)
            m = replace(m, place=place, time=time)
            resolved.append(resolve_actors(m, place.iso3 if place else None))
        if own:
            run[own.most_common(1)[0][0]] += 1
        events = fuse_article(article, resolved)
        return Result(article, tuple(events), tuple(dropped), places)

    def _run_place(self, run: Counter, national: bool) -> Place | None:
        """The run's country for an event whose report names no place it can be put at, if one country
        dominates the reports placed so far (see RUN_MIN_ARTICLES, RUN_MIN_SHARE)."""
        self._asked_run = True
        iso3 = run_country(run)
        if iso3 is None:
            return None
        n, total = run[iso3], sum(run.values())
        return self.geocoder.country_place(
            iso3, f"the report names no place for it: {n} of the run's {total} reports placed from their own text "
                  f"are in {iso3}", national=national)

def run_country(run: Counter) -> str | None:
    """The country that stands in for a report naming no place, given the run's placed reports by
    country: one with at least RUN_MIN_SHARE of them once there are RUN_MIN_ARTICLES (None otherwise)."""
    total = sum(run.values())
    if total < RUN_MIN_ARTICLES:
        return None
    iso3, n = run.most_common(1)[0]
    return iso3 if n >= RUN_MIN_SHARE * total else None


# -- offsets between the original text and the cleaned text ---------------------------------

def _span_to_clean(span: Span, cleaned) -> Span:
    start, end = cleaned.span_from_original(span.start, span.end)
    return Span(start, end, cleaned.text[start:end])


def _place_to_original(place: Place, cleaned, text: str) -> Place:
    if place.span is None:
        return place
    start, end = cleaned.span_to_original(place.span.start, place.span.end)
    return replace(place, span=Span(start, end, text[start:end]))
