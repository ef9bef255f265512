"""Line breaks start sentences: a headline never runs into the lead."""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventsift.nlp import line_breaks


def test_token_after_a_line_break_starts_a_sentence():
    words = ["Rebels", "retake", "town", "\n\n", "Rebels", "retook", "the", "town", "today", "."]
    spaces = [True, True, False, False, True, True, True, True, False, False]
    doc = line_breaks(Doc(Vocab(), words=words, spaces=spaces))
    starts = [t.i for t in doc if t.is_sent_start]
    assert 4 in starts and 1 not in starts and 5 not in starts


def test_trailing_newline_whitespace_counts_too():
    doc = line_breaks(Doc(Vocab(), words=["Headline", "Body", "text"], spaces=[False, True, False]))
    assert not doc[1].is_sent_start  # no break between them
    doc = Doc(Vocab(), words=["Headline", "\n", "Body"], spaces=[False, False, False])
    assert line_breaks(doc)[2].is_sent_start


def test_the_real_pipeline_splits_headline_and_lead(nlp):
    doc = nlp("Gunmen kill two in Kidal\n\nGunmen killed two traders in Kidal on Monday, officials said.")
    assert [s.text.strip() for s in doc.sents] == ["Gunmen kill two in Kidal",
                                                    "Gunmen killed two traders in Kidal on Monday, officials said."]


def test_punctuation_never_opens_a_sentence():
    doc = line_breaks(Doc(Vocab(), words=["ADEN", ",", "Yemen", "—", "Jets", "struck", "."],
                          spaces=[False, True, True, True, True, False, False]))
    assert doc[1].is_sent_start is False and doc[3].is_sent_start is False


def test_datelines_stay_in_their_sentence(nlp):
    doc = nlp("Jets strike port\n\nADEN, Yemen — Warplanes struck the port of Hudaydah on Tuesday, officials said.")
    assert [s.text.strip() for s in doc.sents][-1].startswith("ADEN, Yemen — Warplanes")
