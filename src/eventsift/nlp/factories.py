"""eventsift's matching components, registered with spaCy in this one module.

Each is a small class in the manner of spaCy's ``SpanRuler``: its patterns come from the lexicon
(eventsift.lexicon.tables), ``match(doc)`` runs extraction's matcher over each sentence, and
``set_annotations(doc, found)`` stores what it found in the Doc's one span group of matches
(``doc.spans[MATCHES]``), as spans labelled with the component's name. What a span cannot say is kept
in the group's ``attrs``, in a table per component (``attrs[name]``): ``first``, the index in the
group of the component's first span (its spans are consecutive), and one list per field, one entry
per span; field ``sent`` is the first token of the sentence each span was found in (spans are in
sentence order). A component that found nothing has ``first`` and ``sent`` only. One group rather
than one per component: each group costs two msgpack calls when a Doc is written or read, and
``Doc.to_bytes`` is how the Docs parsed in ``nlp.pipe``'s worker processes come back. extract reads
the tables (extract.extractor) and runs the matchers itself on a Doc without them.

    component            span               fields after ``first`` and ``sent``
    eventsift_triggers   the event word     head, family, text, strength
    eventsift_weapons    the weapon words   kind, word
    eventsift_actors     the actor phrase   head, name, inter, kind, country, reason, identity
    eventsift_modality   an event word      why (the reason; its kind is its words before the colon)
                         that states no
                         happened event
    eventsift_tolls      a sentence's       the fields of models.Counts (spans as [start, end, text]
                         count words        in the Doc's text)
"""
from __future__ import annotations

import re
from dataclasses import fields

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from ..extract.actors import ActorRef, find_actors
from ..extract.context import modality
from ..extract.counts import parse_counts
from ..extract.extractor import (
    ACTORS, FIRST, MATCHES, MODALITY, NO_COUNTS, SENT, TOLLS, TRIGGERS, WEAPONS, read_triggers,
)
from ..extract.rules import Trigger, find_triggers, weapon_kinds
from ..lexicon.tables import Lexicon, load
from ..models import Counts

#: the components, in pipeline order
MATCHERS = (TRIGGERS, WEAPONS, ACTORS, MODALITY, TOLLS)


class SentenceMatcher:
    """A matcher run sentence by sentence; ``__call__(doc)`` is ``set_annotations(doc, match(doc))``.
    A subclass says what it finds in a sentence (``find``) and how one finding is stored (``annotation``:
    the span and the other values by field name)."""

    name = ""

    def __init__(self, name: str | None = None, *, lexicon: Lexicon | None = None) -> None:
        self.name = name or type(self).name
        self.lex = lexicon or load()

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[tuple[Span, list]]:
        """(the sentence, what the matcher found in it) for each sentence of ``doc``."""
        if not len(doc):
            return []
        return [(sent, self.find(doc, sent)) for sent in doc.sents]

    def find(self, doc: Doc, sent: Span) -> list:
        raise NotImplementedError(f"{type(self).__name__} finds nothing")

    def annotation(self, doc: Doc, sent: Span, item) -> tuple[Span, dict]:
        raise NotImplementedError(f"{type(self).__name__} stores nothing")

    def set_annotations(self, doc: Doc, found: list[tuple[Span, list]]) -> Doc:
        spans: list[Span] = []
        table: dict[str, list] = {SENT: []}
        for sent, items in found:
            for item in items:
                span, values = self.annotation(doc, sent, item)
                spans.append(Span(doc, span.start, span.end, label=self.name))
                table[SENT].append(sent.start)
                for field, value in values.items():
                    table.setdefault(field, []).append(value)
        store(doc, self.name, spans, table)
        return doc


def store(doc: Doc, name: str, spans: list[Span], table: dict) -> None:
    """Add component ``name``'s spans to the Doc's MATCHES group (made when missing) and its table to the group's
    attrs, in place of what the component stored there before."""
    if MATCHES not in doc.spans:
        doc.spans[MATCHES] = SpanGroup(doc, name=MATCHES)
    group = doc.spans[MATCHES]
    if name in group.attrs:  # run again: rebuild the group without the component's old spans
        old, tables = list(group), {k: t for k, t in group.attrs.items() if k != name}
        group = doc.spans[MATCHES] = SpanGroup(doc, name=MATCHES)
        for other, kept in tables.items():
            _append(group, other, old[kept[FIRST]:kept[FIRST] + len(kept[SENT])], kept)
    _append(group, name, spans, table)


def _append(group: SpanGroup, name: str, spans: list[Span], table: dict) -> None:
    group.attrs[name] = {**table, FIRST: len(group)}
    group.extend(spans)


class TriggerMatcher(SentenceMatcher):
    """Event words (extract.rules.find_triggers): the head word; its family in field ``family``."""

    name = TRIGGERS

    def find(self, doc: Doc, sent: Span) -> list[Trigger]:
        return find_triggers(doc, sent.start, sent.end, self.lex, sent.text.lower(), sent.start_char)

    def annotation(self, doc: Doc, sent: Span, t: Trigger) -> tuple[Span, dict]:
        return doc[t.i:t.i + 1], dict(head=t.i, family=t.family, text=t.text, strength=t.strength)


class WeaponMatcher(SentenceMatcher):
    """Weapon words (extract.rules.weapon_kinds): the words, the weapon's kind in field ``kind``; one per kind,
    in the order the matcher gives them."""

    name = WEAPONS

    def find(self, doc: Doc, sent: Span) -> list[tuple[str, str]]:
        return list(weapon_kinds(sent.text.lower(), self.lex).items())

    def annotation(self, doc: Doc, sent: Span, item: tuple[str, str]) -> tuple[Span, dict]:
        kind, word = item
        return words_at(sent, word), dict(kind=kind, word=word)


class ActorMatcher(SentenceMatcher):
    """Actor phrases (extract.actors.find_actors): the phrase; the actor's name in field ``name``."""

    name = ACTORS

    def find(self, doc: Doc, sent: Span) -> list[ActorRef]:
        return find_actors(doc, sent.start, sent.end, self.lex)

    def annotation(self, doc: Doc, sent: Span, a: ActorRef) -> tuple[Span, dict]:
        country = a.country.iso3 if a.country is not None else None
        return doc[a.start:a.end], dict(head=a.head, name=a.name, inter=a.inter, kind=a.kind, country=country,
                                         reason=a.reason, identity=a.identity)


class ModalityMatcher(SentenceMatcher):
    """Event words that state no real, happened event (extract.context.modality: negated, planned, hypothetical,
    habitual, background, ...): the word; the reason in ``why``. The event words are the trigger component's, else found here."""

    name = MODALITY

    def find(self, doc: Doc, sent: Span) -> list[tuple[int, str]]:
        triggers = read_triggers(doc, sent)
        if triggers is None:
            triggers = find_triggers(doc, sent.start, sent.end, self.lex, sent.text.lower(), sent.start_char)
        found = ((t.i, modality(doc[t.i])) for t in triggers)
        return [(i, why) for i, why in found if why is not None]

    def annotation(self, doc: Doc, sent: Span, item: tuple[int, str]) -> tuple[Span, dict]:
        i, why = item
        return doc[i:i + 1], dict(why=why)


class TollMatcher(SentenceMatcher):
    """The counts a sentence states (extract.counts.parse_counts over the sentence in the Doc's text): one span
    per sentence whose counts are not NO_COUNTS, over its count words (the sentence when the counts name none)."""

    name = TOLLS

    def find(self, doc: Doc, sent: Span) -> list[Counts]:
        counts = parse_counts(doc.text, sent.start_char, sent.end_char)
        return [] if counts == NO_COUNTS else [counts]

    def annotation(self, doc: Doc, sent: Span, counts: Counts) -> tuple[Span, dict]:
        words = None
        if counts.spans:
            start, end = min(s.start for s in counts.spans), max(s.end for s in counts.spans)
            words = doc.char_span(start, end, alignment_mode="expand")
        values = {f.name: getattr(counts, f.name) for f in fields(Counts)}
        values["spans"] = [[s.start, s.end, s.text] for s in counts.spans]
        return words if words is not None and len(words) else sent, values


def words_at(sent: Span, words: str) -> Span:
    """The tokens of ``sent`` that spell ``words`` (lower case, the first whole-word occurrence), else
    the sentence's first token."""
    lower = sent.text.lower()
    m = re.search(r"(?<![\w-])" + re.escape(words) + r"(?!\w)", lower)
    at = m.start() if m else lower.find(words)
    if at >= 0:
        span = sent.doc.char_span(sent.start_char + at, sent.start_char + at + len(words), alignment_mode="expand")
        if span is not None and len(span):
            return span
    return sent[0:1]


@Language.factory(TRIGGERS)
def make_triggers(nlp: Language, name: str) -> TriggerMatcher:
    return TriggerMatcher(name)


@Language.factory(WEAPONS)
def make_weapons(nlp: Language, name: str) -> WeaponMatcher:
    return WeaponMatcher(name)


@Language.factory(ACTORS)
def make_actors(nlp: Language, name: str) -> ActorMatcher:
    return ActorMatcher(name)


@Language.factory(MODALITY)
def make_modality(nlp: Language, name: str) -> ModalityMatcher:
    return ModalityMatcher(name)


@Language.factory(TOLLS)
def make_tolls(nlp: Language, name: str) -> TollMatcher:
    return TollMatcher(name)
