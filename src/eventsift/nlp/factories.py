"""eventsift's matching components, registered with spaCy in this one module.

Each is a small class in the manner of spaCy's ``SpanRuler``: its patterns come from the lexicon
(eventsift.lexicon.tables), ``match(doc)`` runs extraction's matcher over each sentence, and
``set_annotations(doc, found)`` stores what it found as a span group (``doc.spans[name]``) whose
spans carry a label. What a span and its label cannot say is kept in the group's ``attrs``: one list
per field, one entry per span, in the group's order; field ``sent`` is the first token of the sentence
each span was found in (spans are in sentence order). A group with no spans has ``sent`` only. Span
groups and their attrs travel with ``Doc.to_bytes``, which is how the Docs parsed in ``nlp.pipe``'s
worker processes come back. extract reads the groups (extract.extractor) and runs the matchers itself
on a Doc without them.

    component            span               label        attrs after ``sent``
    eventsift_triggers   the event word     its family   head, text, strength
    eventsift_weapons    the weapon words   its kind     word
    eventsift_actors     the actor phrase   actor name   head, inter, kind, country, reason, identity
    eventsift_modality   an event word      why not      why
                         that states no     (its first
                         happened event     words)
    eventsift_tolls      a sentence's       toll         the fields of models.Counts (spans as
                         count words                     [start, end, text] in the Doc's text)
"""
from __future__ import annotations

import re
from dataclasses import fields

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from ..extract.actors import ActorRef, find_actors
from ..extract.context import modality
from ..extract.counts import parse_counts
from ..extract.extractor import ACTORS, MODALITY, NO_COUNTS, SENT, TOLLS, TRIGGERS, WEAPONS, read_triggers
from ..extract.rules import Trigger, find_triggers, weapon_kinds
from ..lexicon.tables import Lexicon, load
from ..models import Counts

#: the components, in pipeline order
MATCHERS = (TRIGGERS, WEAPONS, ACTORS, MODALITY, TOLLS)
#: the label of a sentence's counts
TOLL = "toll"


class SentenceMatcher:
    """A matcher run sentence by sentence; ``__call__(doc)`` is ``set_annotations(doc, match(doc))``.
    A subclass says what it finds in a sentence (``find``) and how one finding is stored (``annotation``:
    the span, its label and the other values by field name)."""

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

    def annotation(self, doc: Doc, sent: Span, item) -> tuple[Span, str, dict]:
        raise NotImplementedError(f"{type(self).__name__} stores nothing")

    def set_annotations(self, doc: Doc, found: list[tuple[Span, list]]) -> Doc:
        spans: list[Span] = []
        attrs: dict[str, list] = {SENT: []}
        for sent, items in found:
            for item in items:
                span, label, values = self.annotation(doc, sent, item)
                spans.append(Span(doc, span.start, span.end, label=label))
                attrs[SENT].append(sent.start)
                for field, value in values.items():
                    attrs.setdefault(field, []).append(value)
        doc.spans[self.name] = SpanGroup(doc, name=self.name, attrs=attrs, spans=spans)
        return doc


class TriggerMatcher(SentenceMatcher):
    """Event words (extract.rules.find_triggers): the head word, labelled with its family."""

    name = TRIGGERS

    def find(self, doc: Doc, sent: Span) -> list[Trigger]:
        return find_triggers(doc, sent.start, sent.end, self.lex, sent.text.lower(), sent.start_char)

    def annotation(self, doc: Doc, sent: Span, t: Trigger) -> tuple[Span, str, dict]:
        return doc[t.i:t.i + 1], t.family, dict(head=t.i, text=t.text, strength=t.strength)


class WeaponMatcher(SentenceMatcher):
    """Weapon words (extract.rules.weapon_kinds): the words, labelled with the weapon's kind; one per kind,
    in the order the matcher gives them."""

    name = WEAPONS

    def find(self, doc: Doc, sent: Span) -> list[tuple[str, str]]:
        return list(weapon_kinds(sent.text.lower(), self.lex).items())

    def annotation(self, doc: Doc, sent: Span, item: tuple[str, str]) -> tuple[Span, str, dict]:
        kind, word = item
        return words_at(sent, word), kind, dict(word=word)


class ActorMatcher(SentenceMatcher):
    """Actor phrases (extract.actors.find_actors): the phrase, labelled with the actor's name."""

    name = ACTORS

    def find(self, doc: Doc, sent: Span) -> list[ActorRef]:
        return find_actors(doc, sent.start, sent.end, self.lex)

    def annotation(self, doc: Doc, sent: Span, a: ActorRef) -> tuple[Span, str, dict]:
        country = a.country.iso3 if a.country is not None else None
        return doc[a.start:a.end], a.name, dict(head=a.head, inter=a.inter, kind=a.kind, country=country,
                                                 reason=a.reason, identity=a.identity)


class ModalityMatcher(SentenceMatcher):
    """Event words that state no real, happened event (extract.context.modality: negated, planned, hypothetical,
    habitual, background, ...): the word, labelled with the kind of reason (its words before the colon), the
    whole reason in ``why``. The event words are the trigger component's, else found here."""

    name = MODALITY

    def find(self, doc: Doc, sent: Span) -> list[tuple[int, str]]:
        triggers = read_triggers(doc, sent)
        if triggers is None:
            triggers = find_triggers(doc, sent.start, sent.end, self.lex, sent.text.lower(), sent.start_char)
        found = ((t.i, modality(doc[t.i])) for t in triggers)
        return [(i, why) for i, why in found if why is not None]

    def annotation(self, doc: Doc, sent: Span, item: tuple[int, str]) -> tuple[Span, str, dict]:
        i, why = item
        return doc[i:i + 1], why.split(":", 1)[0], dict(why=why)


class TollMatcher(SentenceMatcher):
    """The counts a sentence states (extract.counts.parse_counts over the sentence in the Doc's text): one span
    per sentence whose counts are not NO_COUNTS, over its count words (the sentence when the counts name none)."""

    name = TOLLS

    def find(self, doc: Doc, sent: Span) -> list[Counts]:
        counts = parse_counts(doc.text, sent.start_char, sent.end_char)
        return [] if counts == NO_COUNTS else [counts]

    def annotation(self, doc: Doc, sent: Span, counts: Counts) -> tuple[Span, str, dict]:
        words = None
        if counts.spans:
            start, end = min(s.start for s in counts.spans), max(s.end for s in counts.spans)
            words = doc.char_span(start, end, alignment_mode="expand")
        values = {f.name: getattr(counts, f.name) for f in fields(Counts)}
        values["spans"] = [[s.start, s.end, s.text] for s in counts.spans]
        return words if words is not None and len(words) else sent, TOLL, values


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
