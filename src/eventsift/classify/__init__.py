"""A small statistical sub-type classifier, fitted to an analyst's own coded examples.

The rules in ``extract/`` decide whether a sentence states an event and what kind; where their
decision is uncertain, a model fitted with ``eventsift train`` may re-rank the sub-type among
those of the same event type. It never adds, drops or moves events between event types, so a
sentence the rules left out stays out.

    examples = read_examples([Path("my_acled_export.csv")])
    model, report = train(examples)
    model.save(Path("subtypes.json"))
    model = SubtypeModel.load(Path("subtypes.json"))
    model.predict_proba("Warplanes struck a market ...")   # {sub-type: probability}
"""
from __future__ import annotations

from .data import Example, read_examples
from .model import MODEL_FORMAT, MODEL_VERSION, SubtypeModel, cross_validate, train
from .rerank import Reranker

__all__ = ["Example", "read_examples", "SubtypeModel", "train", "cross_validate", "Reranker",
           "MODEL_FORMAT", "MODEL_VERSION"]
