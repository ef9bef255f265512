"""The flow, one direction: Article → clean → spaCy → extract → resolve → fuse → Events.

``Pipeline`` is the one entry object::

    pipe = Pipeline()
    result = pipe(article)                    # one article
    for result in pipe.pipe(articles):        # many, batched through spaCy
        ...
    index = MemoryIndex()                     # fuse.across: or the store, for `run`
    for result in pipe.pipe(articles, index=index):
        ...                                   # index.events: one per real-world event, across articles

Offsets: places are found in the cleaned text and mapped to the text as given once, at the exit
(:class:`ToOriginal`), so that every span lines up with the input.

Articles whose status is not ``ok`` pass through untouched (no events), so that every input
still becomes exactly one article row downstream.
"""
from __future__ import annotations

import logging
import os
import re
from collections import deque
from dataclasses import dataclass, replace
from itertools import chain, islice
from typing import TYPE_CHECKING, Iterable, Iterator

from . import lexicon
from .clean import clean_text
from .config import Settings
from .models import Article, Counts, Dropped, Event, Mention, Place, Span, Status
from .errors import EventsiftError
from .guard import Budget, BudgetExceeded, guard_text, prose_problem

if TYPE_CHECKING:
    from .fuse.across import EventIndex

log = logging.getLogger(__name__)

#: event types that a coder puts at the seat of government when only their country is known (a national strike,
#: a march "in the capital", a curfew); other events known only to a country stay at the country
NATIONAL_TYPES = frozenset({"Protests", "Riots", "Strategic developments"})
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
        # sub-type where they are unsure; it sees coded mentions only, never the dropped ones. The extractor
        # consults it where the rules decide, so an extractor given without one is handed it
        self.reranker = reranker
        if extractor is not None and reranker is not None and extractor.second_opinion is None:
            extractor.second_opinion = reranker.rerank

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
            from .resolve.time import own_day

            # a trained sub-type model, when given, is consulted where the rules decide the sub-type
            self._extractor = Extractor(dater=own_day, second_opinion=self.reranker.rerank if self.reranker else None)
        return self._extractor

    # -- running ---------------------------------------------------------------------------
    def __call__(self, article: Article) -> Result:
        return next(iter(self.pipe([article])))

    def pipe(self, articles: Iterable[Article], batch_size: int | None = None,
             n_process: int | None = None, *, index: EventIndex | None = None) -> Iterator[Result]:
        """Results in input order. Failures inside one article fail that article only.

        With an ``index`` (fuse.across.EventIndex: the store, or a fuse.across.MemoryIndex), each
        article's events are fused across articles into it, article by article in input order,
        before its result is given: one record per real-world event, whoever reports it. A
        result's ``events`` stay the article's own; the fused events are the index's.

        The whole stream goes through one ``nlp.pipe`` call, so that with ``n_process`` > 1 the
        worker processes start once per run, not once per batch. Articles that are not ``ok``
        ride along as empty texts and come back untouched.

        Each article is tokenized here, after :func:`~eventsift.guard.guard_text`; an article
        that is not prose, or that takes longer than ``Settings.article_timeout`` to tokenize or to
        code, fails alone with the reason. Should spaCy itself raise on a batch, the articles of
        that batch are parsed one by one (the bad one fails, its siblings are coded) and the
        stream goes on.
        """
        size = batch_size or self.settings.batch_size
        for doc, article, cleaned in self._parsed(articles, size, n_process):
            result = Result(article) if cleaned is None else self._safe_code(article, cleaned, doc)
            yield result if index is None else fuse_across(result, index)

    def _parsed(self, articles, size: int, n_process: int | None):
        """(doc, article, cleaned text) for each article, in order, through one ``nlp.pipe`` call;
        articles that are not ``ok``, or that fail before or in spaCy, ride along as empty texts
        (cleaned None, the article failed with its reason). Should spaCy raise on a batch, the
        articles handed to it whose docs have not come back are parsed one by one, and the stream
        goes on through a new ``nlp.pipe`` call."""
        workers, articles = self._workers(n_process, articles, size)
        source = iter(articles)
        pending: deque = deque()  # items handed to spaCy whose results have not come back yet
        taken = [0]
        stopped = [False]  # the reader closed this stream before its end

        def feed() -> Iterator[tuple[object, tuple[Article, object]]]:
            while not stopped[0]:
                article = next(source, None)
                if article is None:
                    return
                taken[0] += 1
                item = self._prepare(article)
                pending.append(item)
                yield item

        while True:
            before = taken[0]
            try:
                stream = self.nlp.pipe(feed(), as_tuples=True, batch_size=size, n_process=workers)
                for doc, (article, cleaned) in stream:
                    pending.popleft()
                    try:
                        yield doc, article, cleaned
                    except GeneratorExit:
                        if workers > 1:
                            self._drain(stream, stopped)
                        raise
                return
            except Exception as exc:
                if taken[0] == before and not pending:
                    raise  # spaCy fails before reading anything: not an input's fault
                log.error("spaCy failed on a batch (%s: %s); parsing its %d article(s) one by one",
                          type(exc).__name__, exc, len(pending))
                while pending:
                    yield self._alone(pending.popleft())

    @staticmethod
    def _drain(stream, stopped: list) -> None:
        """The reader stopped early (a store error, a caller that wanted one result): spaCy's worker
        processes are given nothing more and finish the batches they hold, so that they exit (closed
        early, spaCy would wait for workers blocked on sending their results)."""
        stopped[0] = True
        try:
            for _ in stream:
                pass
        except Exception as exc:  # the stream is abandoned anyway
            log.warning("spaCy workers stopped with %s: %s", type(exc).__name__, exc)

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

    def _alone(self, item: tuple[object, tuple[Article, object]]):
        """(doc, article, cleaned) for one article of a batch spaCy failed on, parsed by itself."""
        doc, (article, cleaned) = item
        if cleaned is None:
            return doc, article, None
        budget = self.settings.article_timeout
        try:
            with Budget(budget):
                doc = self.nlp(doc)
        except BudgetExceeded:
            return None, article.with_status(Status.FAILED, f"time budget of {budget:g}s exceeded while parsing"), None
        except Exception as exc:
            log.error("article %s failed in spaCy: %s", article.id, exc, exc_info=log.isEnabledFor(logging.DEBUG))
            return None, article.with_status(Status.FAILED, f"spaCy error: {type(exc).__name__}: {exc}"), None
        return doc, article, cleaned

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

    def _safe_code(self, article: Article, cleaned, doc) -> Result:
        """_code within the article's time budget; any failure fails this article alone."""
        budget = self.settings.article_timeout
        # loading the gazetteer and the rules (once, possibly building a cache) is not the article's time
        self.geocoder, self.extractor  # noqa: B018
        try:
            with Budget(budget):
                return self._code(article, cleaned, doc)
        except BudgetExceeded:
            log.warning("article %s: time budget of %gs exceeded while coding", article.id, budget)
            return Result(article.with_status(Status.FAILED, f"time budget of {budget:g}s exceeded while coding"))
        except Exception as exc:  # one bad article must not stop a run of millions
            log.error("article %s failed: %s", article.id, exc, exc_info=log.isEnabledFor(logging.DEBUG))
            return Result(article.with_status(Status.FAILED, f"extraction error: {type(exc).__name__}: {exc}"))

    def _code(self, article: Article, cleaned, doc) -> Result:
        from .fuse import fuse_article
        from .extract.conventions import retype
        from .resolve.actors import resolve_actors
        from .resolve.time import (BACKGROUND_DAYS, borrowed_day, filing_date, is_ahead, is_background, own_day,
                                   resolve_event_time)

        if article.published is None:
            # no publication date given: the report's own dateline or publication line dates it, so that "on
            # Friday" can be resolved
            filed = filing_date(article.text)
            if filed is not None:
                log.debug("article %s: %s", article.id, filed.reason)
                article = replace(article, published=filed.date)
        mentions, dropped = self.extractor.extract(article, doc, cleaned)
        dropped = list(dropped)
        # places are found, chosen and listed in the cleaned text's offsets, and given in the original's at the exit
        clean_places = self.geocoder.geocode(cleaned.text, doc=doc,
                                             home=self.geocoder.home(article.outlet, article.url))
        resolved: list[Mention] = []
        for m in mentions:
            time = resolve_event_time(article.text, m.sentence, article.published)
            for later in m.support if borrowed_day(article.text, m.sentence, article.published) else ():
                # a first telling dated only by its dateline, a statement or the publication day ("Iraq demanded on
                # Thursday ..., a day after shells hit a resort"): a later sentence of the same event that names
                # its own day dates it
                told = own_day(article.text, later, article.published)
                if told is not None:
                    time = replace(told, reason=f"{told.reason} (a later sentence of the same event)")
                    break
            for later in m.support if time.span is None else ():
                # a first telling with no date of its own ("Group cuts ties, renames itself"): the first later
                # sentence of the same event that names one dates it
                told = resolve_event_time(article.text, later, article.published)
                if told.span is not None:
                    time = replace(told, reason=f"{told.reason} (a later sentence of the same event)")
                    break
            if time.span is None:
                # nor a later sentence of it: the day the report named last before it, in a sentence that tells no
                # event ("... detected the launch of seven missiles on Sunday. All were intercepted.")
                time = self._day_named_before(article, cleaned, doc, m.sentence) or time
            if is_background(time, article.published):
                dropped.append(Dropped(article.id, m.sentence, f"background: dated {time.date}, more than "
                                       f"{BACKGROUND_DAYS} days before publication ({time.reason})"))
                continue
            if is_ahead(time, article.published):
                dropped.append(Dropped(article.id, m.sentence, f"planned: the sentence's only date, {time.date}, is "
                                       f"after publication ({time.reason})"))
                continue
            sentence = _span_to_clean(m.sentence, cleaned)
            trigger = _span_to_clean(m.trigger, cleaned) if m.trigger else None
            national = m.event_type in NATIONAL_TYPES
            place = self.geocoder.event_place(cleaned.text, clean_places, sentence, trigger=trigger,
                                              national=national)
            if not _named_in(place, sentence) or place.feature_code in COUNTRY_CODES or place.feature_class == "L":
                # the first telling names no place of its own, or only its country ("The death toll from a suicide
                # bombing in southwestern Pakistan rose to 128"): the first later sentence of the same event that
                # names a town places it
                for later in (_span_to_clean(s, cleaned) for s in m.support):
                    told = self.geocoder.event_place(cleaned.text, clean_places, later, national=national)
                    if _names_a_town(told, later):
                        place = replace(told, reason=f"{told.reason} (a later sentence of the same event)")
                        break
            if place is None or place.latitude is None:
                place = self._hinted_place(article, national) or self._actors_country(m, national) or place
            # "rallies were held in Najaf and Karbala": one event per place, the toll given to the first
            listed = _listed_with(place, clean_places, cleaned.text, sentence) if place is not None else []
            m = replace(m, place=place, time=time)
            resolved.append(resolve_actors(m, place.iso3 if place else None, retype=retype))
            for other in listed:
                other = replace(other, reason=f"event place: {other.name}, listed with {place.name} as where it "
                                              f"happened; {other.reason}")
                resolved.append(resolve_actors(replace(m, place=other, counts=Counts(
                    fatalities=0, reason=f"fatalities: counted at {place.name}, listed first")), other.iso3, retype=retype))
        exit_ = ToOriginal(cleaned, article.text)
        events = fuse_article(article, [exit_.mention(m) for m in resolved])
        return Result(article, tuple(events), tuple(dropped), tuple(exit_.place(p) for p in clean_places))

    @staticmethod
    def _day_named_before(article: Article, cleaned, doc, sentence: Span):
        """The own day (see resolve.time.own_day) of the nearest of the DAY_LOOKBACK_SENTENCES sentences before
        ``sentence`` that names one, or None."""
        from .resolve.time import own_day

        start = cleaned.span_from_original(sentence.start, sentence.end)[0]
        before = [s for s in doc.sents if s.end_char <= start][-DAY_LOOKBACK_SENTENCES:]
        for sent in reversed(before):
            a, b = cleaned.span_to_original(sent.start_char, sent.end_char)
            day = own_day(article.text, Span(a, b, article.text[a:b]), article.published)
            if day is not None:
                return replace(day, reason=f"no date in sentence: the day the report names before it ('{day.span.text}')")
        return None

    def places(self, article: Article) -> tuple[Place, ...]:
        """Every place an article names (demonyms too: "Syrian" names Syria), resolved, in the
        offsets of its text as given (what ``eventsift geocode`` prints)."""
        cleaned = clean_text(article.text)
        found = self.geocoder.geocode(cleaned.text, doc=self.nlp(cleaned.text), demonyms=True,
                                      home=self.geocoder.home(article.outlet, article.url))
        exit_ = ToOriginal(cleaned, article.text)
        return tuple(exit_.place(p) for p in found)

    def _actors_country(self, m: Mention, national: bool) -> Place | None:
        """The country of the event's actors ("an Afghan soldier", a group at home in one country), for an event
        whose report names no place it can be put at and whose input gives no country: the country, at
        geo_precision 3, as ACLED codes what is known only to a country."""
        for actor in (m.actor1, m.actor2):
            if actor is not None and actor.country:
                return self.geocoder.country_place(
                    actor.country, f"the report names no place for it: the country of its actor {actor.name}",
                    national=national)
        return None

    def _hinted_place(self, article: Article, national: bool) -> Place | None:
        """The country the input says the report is about (its "country", else the ``country`` setting), for an
        event whose report names no place it can be put at. Coding never depends on the other reports of a run."""
        hint, where = (article.country, "the input's country") if article.country else (self.settings.country, "--country")
        if not hint:
            return None
        iso3 = self.geocoder.country_iso3(hint)
        if iso3 is None:
            log.warning("country hint %r (%s) is no country the gazetteer knows", hint, where)
            return None
        return self.geocoder.country_place(iso3, f"the report names no place for it: {where} {hint}", national=national)


def fuse_across(result: Result, index: EventIndex) -> Result:
    """Fuse one article's events into ``index`` (fuse.across decides what is the same event) and
    keep the article there with them. A failure that is this article's alone (a fusion error, rows
    the index refuses) fails the article, kept alone with the reason; an index that cannot be used
    at all raises its coded error, which stops the run."""
    from .fuse.across import attach

    try:
        fused = attach(result.events, known=index.fused_event, candidates=index.fusion_candidates)
        index.save_fused(result.article, fused, result.dropped)
        return result
    except EventsiftError:
        raise
    except Exception as exc:  # this article's events only: the run goes on
        log.error("fusing article %s failed: %s", result.article.id, exc, exc_info=log.isEnabledFor(logging.DEBUG))
        failed = result.article.with_status(Status.FAILED, f"fusing or keeping its events failed: {type(exc).__name__}: {exc}")
        index.save_fused(failed, (), ())
        return Result(failed)


#: what joins the towns of a list ("Najaf and Karbala", "Jazan, Najran and Abha")
_LIST_JOIN = re.compile(r"^\s*(?:,\s*|,?\s+(?:and|or)\s+(?:in\s+|at\s+)?)$")  # not ", in": a town and its area


def _listed_with(place: Place, places, text: str, sentence: Span) -> list[Place]:
    """The other towns a sentence lists with the event's town, as places where the same happened
    ("in Najaf and Karbala"): towns of the same country, joined to it by commas or "and"."""
    if place.span is None or place.geo_precision != 1:
        return []
    towns = sorted((p for p in places if p.span is not None and p.geo_precision == 1 and p.iso3 == place.iso3
                    and p.latitude is not None and sentence.start <= p.span.start and p.span.end <= sentence.end),
                   key=lambda p: p.span.start)
    at = next((i for i, p in enumerate(towns) if p.span.start == place.span.start), None)
    if at is None:
        return []
    chain_ = [towns[at]]
    for step in (1, -1):
        i = at
        while 0 <= i + step < len(towns):
            a, b = (towns[i], towns[i + step]) if step == 1 else (towns[i + step], towns[i])
            if not _LIST_JOIN.match(text[a.span.end:b.span.start]) or b.name == a.name:
                break
            i += step
            chain_.append(towns[i])
    seen = {place.name}
    out = []
    for p in chain_[1:]:
        if p.name not in seen:
            seen.add(p.name)
            out.append(p)
    return out


# -- offsets between the original text and the cleaned text ---------------------------------

#: how many sentences back an undated event looks for a day the report names
DAY_LOOKBACK_SENTENCES = 3

#: GeoNames feature codes of a whole country: too coarse a place for an event a later sentence places in a town
COUNTRY_CODES = lexicon.words("geo_country_codes")


def _named_in(place: Place | None, sentence: Span) -> bool:
    """Whether the event place is one that the sentence itself names."""
    return place is not None and place.span is not None and sentence.start <= place.span.start \
        and place.span.end <= sentence.end


def _names_a_town(place: Place | None, sentence: Span) -> bool:
    """Whether the event place is a town or village that the sentence itself names."""
    return _named_in(place, sentence) and place.geo_precision == 1


def _span_to_clean(span: Span, cleaned) -> Span:
    start, end = cleaned.span_from_original(span.start, span.end)
    return Span(start, end, cleaned.text[start:end])


class ToOriginal:
    """The pipeline's exit for offsets: places are found and chosen in the cleaned text, and each
    of their spans is mapped to the text as given here, once (a place several mentions share is
    mapped once), so that evidence lines up with annotations made on the original."""

    def __init__(self, cleaned, text: str) -> None:
        self.cleaned = cleaned
        self.text = text
        self._spans: dict[tuple[int, int], Span] = {}

    def span(self, span: Span) -> Span:
        key = (span.start, span.end)
        if key not in self._spans:
            start, end = self.cleaned.span_to_original(span.start, span.end)
            self._spans[key] = Span(start, end, self.text[start:end])
        return self._spans[key]

    def place(self, place: Place) -> Place:
        return place if place.span is None else replace(place, span=self.span(place.span))

    def mention(self, m: Mention) -> Mention:
        return m if m.place is None or m.place.span is None else replace(m, place=self.place(m.place))
