"""Role assignment and alliances on hand-built Docs (no model): the parse is given, the rules read it."""
import pytest
import spacy
from spacy.tokens import Doc

from eventsift.extract.actors import ActorRef
from eventsift.extract.sentence import allied as _allied
from eventsift.extract.rules import Trigger, roles


_VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case), no model


def _doc(rows):
    """rows: (word, head index, dep, pos, tag, lemma)"""
    words, heads, deps, pos, tags, lemmas = zip(*rows)
    return Doc(_VOCAB, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos), tags=list(tags),
               lemmas=list(lemmas))


def _ref(i, name, inter):
    return ActorRef(i, i + 1, i, name, inter, "named", None, "test")


ACTIVE = [("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel"), ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
          ("the", 3, "det", "DET", "DT", "the"), ("army", 1, "dobj", "NOUN", "NN", "army")]
PASSIVE = [("Soldiers", 2, "nsubjpass", "NOUN", "NNS", "soldier"), ("were", 2, "auxpass", "AUX", "VBD", "be"),
           ("killed", 2, "ROOT", "VERB", "VBN", "kill"), ("by", 2, "agent", "ADP", "IN", "by"),
           ("militants", 3, "pobj", "NOUN", "NNS", "militant")]
REPELLED = [("Troops", 1, "nsubj", "NOUN", "NNS", "troop"), ("repelled", 1, "ROOT", "VERB", "VBD", "repel"),
            ("rebels", 1, "dobj", "NOUN", "NNS", "rebel")]
NOUN = [("clashes", 0, "ROOT", "NOUN", "NNS", "clash"), ("between", 0, "prep", "ADP", "IN", "between"),
        ("rebels", 1, "pobj", "NOUN", "NNS", "rebel"), ("and", 2, "cc", "CCONJ", "CC", "and"),
        ("troops", 2, "conj", "NOUN", "NNS", "troop")]


@pytest.mark.parametrize("rows,trigger,actors,agent,patient", [
    (ACTIVE, 1, {0: ("Rebels", 2), 3: ("Military Forces", 1)}, "Rebels", "Military Forces"),
    (PASSIVE, 2, {0: ("Military Forces", 1), 4: ("Unidentified Armed Group", 3)}, "Unidentified Armed Group", "Military Forces"),
    (REPELLED, 1, {0: ("Military Forces", 1), 2: ("Rebels", 2)}, "Rebels", "Military Forces"),  # the repelled side started it
    (NOUN, 0, {2: ("Rebels", 2), 4: ("Military Forces", 1)}, "Rebels", "Military Forces"),
])
def test_roles_from_the_parse(rows, trigger, actors, agent, patient):
    doc = _doc(rows)
    by_token = {i: _ref(i, name, inter) for i, (name, inter) in actors.items()}
    a, p, _ = roles(Trigger(trigger, "violence", doc[trigger].text, 1.0), doc, by_token)
    assert (a.name if a else None, p.name if p else None) == (agent, patient)


ALLIES = [("army", 4, "nsubj", "NOUN", "NN", "army"), ("and", 0, "cc", "CCONJ", "CC", "and"),
          ("allied", 3, "amod", "ADJ", "JJ", "allied"), ("militias", 0, "conj", "NOUN", "NNS", "militia"),
          ("attacked", 4, "ROOT", "VERB", "VBD", "attack")]
EITHER = [("JNIM", 4, "nsubj", "PROPN", "NNP", "JNIM"), ("or", 0, "cc", "CCONJ", "CC", "or"),
          ("ISGS", 0, "conj", "PROPN", "NNP", "ISGS"), ("militants", 0, "appos", "NOUN", "NNS", "militant"),
          ("attacked", 4, "ROOT", "VERB", "VBD", "attack")]
BACKED = [("troops", 4, "nsubj", "NOUN", "NNS", "troop"), ("backed", 0, "acl", "VERB", "VBN", "back"),
          ("by", 1, "agent", "ADP", "IN", "by"), ("jets", 2, "pobj", "NOUN", "NNS", "jet"),
          ("advanced", 4, "ROOT", "VERB", "VBD", "advance")]
BETWEEN = [("fighting", 0, "ROOT", "NOUN", "NN", "fighting"), ("between", 0, "prep", "ADP", "IN", "between"),
           ("army", 1, "pobj", "NOUN", "NN", "army"), ("and", 2, "cc", "CCONJ", "CC", "and"),
           ("rebels", 2, "conj", "NOUN", "NNS", "rebel")]


@pytest.mark.parametrize("rows,main,other,expected", [
    (ALLIES, 0, 3, True),
    (EITHER, 0, 2, False),  # either group, not both
    (BACKED, 0, 3, True),
    (BETWEEN, 2, 4, False),  # opponents
])
def test_allies(rows, main, other, expected):
    doc = _doc(rows)
    assert _allied(doc[other], doc[main]) is expected
