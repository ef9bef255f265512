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
from collections import Counter, deque
from dataclasses import dataclass, replace
from typing import Iterable, Iterator

from .clean import clean_text
from .config import Settings
from .models import Article, Dropped, Event, Mention, Place, Span, Status
from .guard import Budget, BudgetExceeded, guard_text, prose_problem

log = logging.getLogger(__name__)

#: event types that a coder puts at the seat of government when only their country is known (a national strike,
#: a march "in the capital", a curfew); other events known only to a country stay at the country
NATIONAL_TYPES = frozenset({"Protests", "Riots", "Strategic developments"})
#: the run's country stands in for a report that names no place once this many reports of the run had their
#: events placed from their own text, and this share of them in one country (ACLED's files: one country each)
RUN_MIN_ARTICLES = 5
RUN_MIN_SHARE = 0.6


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

        Each article is tokenized here, after :func:`~eventsift.nlp.guard.guard_text`; an article
        that is not prose, or that takes longer than ``Settings.article_timeout`` to tokenize or to
        code, fails alone with the reason. Should spaCy itself raise on a batch, the articles of
        that batch are parsed one by one (the bad one fails, its siblings are coded) and the
        stream goes on.
        """
        size = batch_size or self.settings.batch_size
        # the countries of the reports placed so far in this run (this call), from their own text: a report that
        # names no place ("Students marched to demand ...", one of a country's notes) is put in the run's country
        run: Counter = Counter()
        workers = n_process or self.settings.n_process
        source = iter(articles)
        pending: deque = deque()  # items handed to spaCy whose results have not come back yet
        taken = [0]

        def feed() -> Iterator[tuple[object, tuple[Article, object]]]:
            for article in source:
                taken[0] += 1
                item = self._prepare(article)
                pending.append(item)
                yield item

        while True:
            before = taken[0]
            try:
                for doc, (article, cleaned) in self.nlp.pipe(feed(), as_tuples=True, batch_size=size,
                                                             n_process=workers):
                    pending.popleft()
                    yield self._finish(article, cleaned, doc, run)
                return
            except Exception as exc:
                if taken[0] == before and not pending:
                    raise  # spaCy fails before reading anything: not an input's fault
                log.error("spaCy failed on a batch (%s: %s); parsing its %d article(s) one by one",
                          type(exc).__name__, exc, len(pending))
                while pending:
                    yield self._alone(pending.popleft(), run)

    def _prepare(self, article: Article) -> tuple[object, tuple[Article, object]]:
        """(what spaCy gets, (article, cleaned text or None when spaCy has nothing to do))."""
        if article.status is not Status.OK:
            return "", (article, None)
        budget = self.settings.article_timeout
        nlp = self.nlp  # loaded (once) outside the article's time budget
        try:
            with Budget(budget):
                cleaned = clean_text(article.text[: self.settings.max_chars])
                guarded = guard_text(cleaned.text)
                problem = prose_problem(cleaned.text, guarded)
                if guarded != cleaned.text:
                    cleaned = replace(cleaned, text=guarded)
                if problem is None:
                    doc = nlp.make_doc(guarded)
                    problem = prose_problem(guarded, n_tokens=len(doc))
        except BudgetExceeded:
            problem = f"time budget of {budget:g}s exceeded while tokenizing"
        except Exception as exc:  # one bad article must not stop a run of millions
            log.error("article %s failed before parsing: %s", article.id, exc,
                      exc_info=log.isEnabledFor(logging.DEBUG))
            problem = f"tokenizer error: {type(exc).__name__}: {exc}"
        if problem:
            return "", (article.with_status(Status.FAILED, problem), None)
        return doc, (article, cleaned)

    def _finish(self, article: Article, cleaned, doc, run: Counter) -> Result:
        if cleaned is None:
            return Result(article)
        budget = self.settings.article_timeout
        # loading the gazetteer and the rules (once, possibly building a cache) is not the article's time
        self.geocoder, self.extractor  # noqa: B018
        try:
            with Budget(budget):
                return self._code(article, cleaned, doc, run)
        except BudgetExceeded:
            log.warning("article %s: time budget of %gs exceeded while coding", article.id, budget)
            return Result(article.with_status(Status.FAILED, f"time budget of {budget:g}s exceeded while coding"))
        except Exception as exc:  # one bad article must not stop a run of millions
            log.error("article %s failed: %s", article.id, exc, exc_info=log.isEnabledFor(logging.DEBUG))
            return Result(article.with_status(Status.FAILED, f"extraction error: {type(exc).__name__}: {exc}"))

    def _alone(self, item: tuple[object, tuple[Article, object]], run: Counter) -> Result:
        """One article of a batch spaCy failed on, parsed by itself."""
        doc, (article, cleaned) = item
        if cleaned is None:
            return Result(article)
        budget = self.settings.article_timeout
        try:
            with Budget(budget):
                doc = self.nlp(doc)
        except BudgetExceeded:
            return Result(article.with_status(Status.FAILED, f"time budget of {budget:g}s exceeded while parsing"))
        except Exception as exc:
            log.error("article %s failed in spaCy: %s", article.id, exc, exc_info=log.isEnabledFor(logging.DEBUG))
            return Result(article.with_status(Status.FAILED, f"spaCy error: {type(exc).__name__}: {exc}"))
        return self._finish(article, cleaned, doc, run)

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
        total = sum(run.values())
        if total < RUN_MIN_ARTICLES:
            return None
        iso3, n = run.most_common(1)[0]
        if n < RUN_MIN_SHARE * total:
            return None
        return self.geocoder.country_place(
            iso3, f"the report names no place for it: {n} of the run's {total} reports placed from their own text "
                  f"are in {iso3}", national=national)

# -- offsets between the original text and the cleaned text ---------------------------------

def _span_to_clean(span: Span, cleaned) -> Span:
    start, end = cleaned.span_from_original(span.start, span.end)
    return Span(start, end, cleaned.text[start:end])


def _place_to_original(place: Place, cleaned, text: str) -> Place:
    if place.span is None:
        return place
    start, end = cleaned.span_to_original(place.span.start, place.span.end)
    return replace(place, span=Span(start, end, text[start:end]))
