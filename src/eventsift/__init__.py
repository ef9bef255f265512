"""eventsift: conflict news in, ACLED-style event records out, every field with its evidence.

The names a program needs are importable from the package root::

    from eventsift import Article, Event, Pipeline, Settings, Store

They load on first use (the pipeline brings in spaCy), so ``import eventsift`` stays cheap.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: public name -> the module that defines it
_EXPORTS = {
    "Article": "eventsift.models",
    "Event": "eventsift.models",
    "Pipeline": "eventsift.pipeline",
    "Settings": "eventsift.config",
    "Store": "eventsift.store",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from eventsift.config import Settings
    from eventsift.models import Article, Event
    from eventsift.pipeline import Pipeline
    from eventsift.store import Store


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'eventsift' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
