"""The matching components (eventsift.nlp.factories) on Docs built by hand, with no model: the spans and
the table each stores in the Doc's span group of matches, that the group survives ``Doc.to_bytes`` (how
Docs come back from ``nlp.pipe``'s worker processes), and that extract reads back from it what the
matcher itself finds."""
from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventsift.extract.actors import find_actors
from eventsift.extract.context import modality
from eventsift.extract.counts import parse_counts
from eventsift.extract.extractor import (
    ACTORS, FIRST, MATCHES, MODALITY, NO_COUNTS, SENT, TOLLS, TRIGGERS, WEAPONS, matched, read_actors, read_counts,
    read_modality, read_triggers, read_weapons,
)
from eventsift.extract.rules import find_triggers, weapon_kinds
from eventsift.lexicon.tables import load
from eventsift.nlp.factories import MATCHERS, ActorMatcher, ModalityMatcher, TollMatcher, TriggerMatcher, WeaponMatcher

# one row per token: text, lemma, coarse and fine tag, dependency, head (doc index); as the small English
# model parses these sentences
PARSES = {
    "attack-and-arrest": [
        ("Gunmen", "gunman", "NOUN", "NNS", "nsubj", 1), ("attacked", "attack", "VERB", "VBD", "ROOT", 1),
        ("a", "a", "DET", "DT", "det", 3), ("village", "village", "NOUN", "NN", "dobj", 1),
        (".", ".", "PUNCT", ".", "punct", 1),
        ("Police", "Police", "NOUN", "NNS", "nsubj", 6), ("arrested", "arrest", "VERB", "VBD", "ROOT", 6),
        ("two", "two", "NUM", "CD", "nummod", 8), ("protesters", "protester", "NOUN", "NNS", "dobj", 6),
        (".", ".", "PUNCT", ".", "punct", 6),
    ],
    "roadside-bomb": [
        ("A", "a", "DET", "DT", "det", 2), ("roadside", "roadside", "NOUN", "NN", "compound", 2),
        ("bomb", "bomb", "NOUN", "NN", "nsubj", 3), ("exploded", "explode", "VERB", "VBD", "ROOT", 3),
        ("near", "near", "ADP", "IN", "prep", 3), ("a", "a", "DET", "DT", "det", 6),
        ("market", "market", "NOUN", "NN", "pobj", 4), (".", ".", "PUNCT", ".", "punct", 3),
    ],
    "israeli-air-strike": [
        ("An", "an", "DET", "DT", "det", 3), ("Israeli", "israeli", "ADJ", "JJ", "amod", 3),
        ("air", "air", "NOUN", "NN", "compound", 3), ("strike", "strike", "NOUN", "NN", "nsubj", 4),
        ("hit", "hit", "VERB", "VBD", "ROOT", 4), ("Gaza", "Gaza", "PROPN", "NNP", "dobj", 4),
        (".", ".", "PUNCT", ".", "punct", 4),
    ],
    "no-arrest": [
        ("Police", "police", "NOUN", "NNS", "nsubj", 3), ("did", "do", "AUX", "VBD", "aux", 3),
        ("not", "not", "PART", "RB", "neg", 3), ("arrest", "arrest", "VERB", "VB", "ROOT", 3),
        ("anyone", "anyone", "PRON", "NN", "dobj", 3), (".", ".", "PUNCT", ".", "punct", 3),
    ],
    "weather": [
        ("The", "the", "DET", "DT", "det", 1), ("weather", "weather", "NOUN", "NN", "nsubj", 2),
        ("was", "be", "AUX", "VBD", "ROOT", 2), ("fine", "fine", "ADJ", "JJ", "acomp", 2),
        ("today", "today", "NOUN", "NN", "npadvmod", 2), (".", ".", "PUNCT", ".", "punct", 2),
    ],
}


#: English's vocabulary without a model: its lexical attributes give lower-case forms (a bare Vocab's are empty)
VOCAB = English().vocab


def parsed(key: str) -> Doc:
    rows = PARSES[key]
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][0] != "." for i in range(len(rows))]
    return Doc(VOCAB, words=words, spaces=spaces, lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
               tags=[r[3] for r in rows], deps=[r[4] for r in rows], heads=[r[5] for r in rows])


COMPONENTS = {TRIGGERS: TriggerMatcher, WEAPONS: WeaponMatcher, ACTORS: ActorMatcher, MODALITY: ModalityMatcher,
              TOLLS: TollMatcher}


def stored(doc: Doc, component: str) -> tuple[list, dict]:
    """The component's spans in the Doc's group of matches, and its table."""
    group, table = matched(doc, component)
    return list(group)[table[FIRST]:table[FIRST] + len(table[SENT])], table


@pytest.mark.parametrize(("component", "key", "expected"), [
    # (span text, the field naming what it is, first token of its sentence)
    (TRIGGERS, "attack-and-arrest", [("attacked", "violence", 0), ("arrested", "arrest", 5), ("protesters", "protest", 5)]),
    (TRIGGERS, "roadside-bomb", [("bomb", "violence", 0), ("exploded", "violence", 0)]),
    (TRIGGERS, "weather", []),
    (WEAPONS, "roadside-bomb", [("roadside bomb", "ied", 0)]),
    (WEAPONS, "attack-and-arrest", []),
    (WEAPONS, "israeli-air-strike", [("air strike", "air", 0)]),
    (ACTORS, "attack-and-arrest", [("Gunmen", "Unidentified Armed Group", 0), ("Police", "Police Forces", 5),
                                   ("protesters", "Protesters", 5)]),
    (ACTORS, "roadside-bomb", []),
    (ACTORS, "israeli-air-strike", [("Israeli air strike", "Military Forces of Israel", 0)]),
    (TRIGGERS, "no-arrest", [("arrest", "arrest", 0)]),
    (MODALITY, "no-arrest", [("arrest", "negated: 'not arrest'", 0)]),
    (MODALITY, "attack-and-arrest", []),
    (MODALITY, "weather", []),
    (TOLLS, "attack-and-arrest", [("arrested two protesters", None, 5)]),
    (TOLLS, "weather", []),
])
def test_a_component_stores_spans_labelled_with_its_name_per_sentence(component, key, expected):
    doc = COMPONENTS[component]()(parsed(key))
    spans, table = stored(doc, component)
    what = {TRIGGERS: "family", WEAPONS: "kind", ACTORS: "name", MODALITY: "why"}.get(component)
    names = table.get(what, []) if what else [None] * len(spans)
    assert [(s.text, name, start) for s, name, start in zip(spans, names, table[SENT], strict=True)] == expected
    assert {s.label_ for s in spans} <= {component}
    assert all(len(values) == len(spans) for field, values in table.items() if field != FIRST)


@pytest.mark.parametrize(("component", "key", "field", "expected"), [
    (TRIGGERS, "attack-and-arrest", "head", [1, 6, 8]),
    (TRIGGERS, "roadside-bomb", "text", ["bomb", "exploded"]),
    (WEAPONS, "roadside-bomb", "word", ["roadside bomb"]),
    (ACTORS, "attack-and-arrest", "inter", [3, 1, 6]),
    (ACTORS, "attack-and-arrest", "kind", ["uag", "police", "protester"]),
    (ACTORS, "attack-and-arrest", "country", [None, None, None]),
    (ACTORS, "israeli-air-strike", "country", ["ISR"]),
    (MODALITY, "no-arrest", "why", ["negated: 'not arrest'"]),
    (TOLLS, "attack-and-arrest", "arrested", [2]),
    (TOLLS, "attack-and-arrest", "fatalities", [None]),
    (TOLLS, "attack-and-arrest", "spans", [[[34, 57, "arrested two protesters"]]]),
])
def test_what_a_span_cannot_say_is_in_the_component_table(component, key, field, expected):
    assert stored(COMPONENTS[component]()(parsed(key)), component)[1][field] == expected


@pytest.mark.parametrize("component", MATCHERS)
def test_an_empty_doc_gets_an_empty_table(component):
    doc = COMPONENTS[component]()(Doc(Vocab(), words=[]))
    assert len(doc.spans[MATCHES]) == 0 and doc.spans[MATCHES].attrs == {component: {FIRST: 0, SENT: []}}


def _matched(component, doc, sent):
    lex = load()
    if component == TRIGGERS:
        return find_triggers(doc, sent.start, sent.end, lex, sent.text.lower(), sent.start_char)
    if component == WEAPONS:
        return weapon_kinds(sent.text.lower(), lex)
    if component == TOLLS:
        return parse_counts(doc.text, sent.start_char, sent.end_char)
    if component == MODALITY:
        triggers = find_triggers(doc, sent.start, sent.end, lex, sent.text.lower(), sent.start_char)
        return {t.i: modality(doc[t.i]) for t in triggers if modality(doc[t.i]) is not None}
    return find_actors(doc, sent.start, sent.end, lex)


def _read(component, doc, sent):
    if component == TRIGGERS:
        return read_triggers(doc, sent)
    if component == WEAPONS:
        return read_weapons(doc, sent)
    if component == MODALITY:
        return read_modality(doc, sent)
    if component == TOLLS:
        return read_counts(doc, sent)
    return read_actors(doc, sent, load())


@pytest.mark.parametrize("key", sorted(PARSES))
@pytest.mark.parametrize("component", MATCHERS)
def test_annotations_survive_to_bytes_and_read_back_as_the_matcher_finds(component, key):
    doc = COMPONENTS[component]()(parsed(key))
    back = Doc(English().vocab).from_bytes(doc.to_bytes())  # a fresh vocabulary, as in another process
    before, after = doc.spans[MATCHES], back.spans[MATCHES]
    assert [(s.start, s.end, s.label_) for s in after] == [(s.start, s.end, s.label_) for s in before]
    assert after.attrs == before.attrs
    for sent, sent_back in zip(doc.sents, back.sents, strict=True):
        assert _read(component, back, sent_back) == _matched(component, doc, sent)


@pytest.mark.parametrize("component", MATCHERS)
def test_a_doc_without_the_group_reads_as_none(component):
    doc = parsed("attack-and-arrest")
    assert _read(component, doc, next(iter(doc.sents))) is None


def test_the_model_pipeline_runs_the_matchers_last(nlp):
    assert tuple(nlp.pipe_names[-len(MATCHERS):]) == MATCHERS


TEXTS = [
    "Gunmen attacked a village in Borno on Monday, killing 12 people.\nPolice arrested two protesters.",
    "An Israeli air strike hit a school in Gaza. A roadside bomb exploded near a market in Kabul.",
    "The weather was fine today.",
]


@pytest.mark.slow
def test_worker_processes_give_the_groups_found_in_process(nlp):
    def groups(docs):
        return [(list(d.spans), [(s.start, s.end, s.label_) for s in d.spans[MATCHES]], d.spans[MATCHES].attrs)
                for d in docs]

    assert groups(nlp.pipe(TEXTS, n_process=2, batch_size=1)) == groups(nlp.pipe(TEXTS))


def test_modality_reads_the_event_words_of_the_trigger_component():
    doc = parsed("no-arrest")
    assert stored(ModalityMatcher()(doc), MODALITY)[1]["why"] == ["negated: 'not arrest'"]  # found by itself
    doc = TriggerMatcher()(parsed("no-arrest"))
    doc.spans[MATCHES].attrs[TRIGGERS] = {FIRST: 0, SENT: []}
    assert stored(ModalityMatcher()(doc), MODALITY)[0] == []  # the trigger component found no event word


def test_a_sentence_with_no_toll_span_reads_as_no_counts():
    doc = TollMatcher()(parsed("weather"))
    assert read_counts(doc, next(iter(doc.sents))) == NO_COUNTS == parse_counts(doc.text)


@pytest.mark.parametrize("key", sorted(PARSES))
def test_all_components_share_one_group_each_with_its_consecutive_spans(key):
    doc = parsed(key)
    for component in MATCHERS:
        doc = COMPONENTS[component]()(doc)
    group = doc.spans[MATCHES]
    assert list(doc.spans) == [MATCHES] and list(group.attrs) == list(MATCHERS)
    assert [s.label_ for s in group] == [c for c in MATCHERS for _ in stored(doc, c)[0]]


def test_a_component_run_again_replaces_its_own_spans_and_keeps_the_others():
    doc = WeaponMatcher()(TriggerMatcher()(parsed("roadside-bomb")))
    before = {c: ([(s.start, s.end) for s in stored(doc, c)[0]], stored(doc, c)[1]) for c in (TRIGGERS, WEAPONS)}
    doc = TriggerMatcher()(doc)
    assert list(doc.spans[MATCHES].attrs) == [WEAPONS, TRIGGERS] and len(doc.spans[MATCHES]) == 3
    for c in (TRIGGERS, WEAPONS):
        spans, table = stored(doc, c)
        assert [(s.start, s.end) for s in spans] == before[c][0]
        assert {f: v for f, v in table.items() if f != FIRST} == {f: v for f, v in before[c][1].items() if f != FIRST}
