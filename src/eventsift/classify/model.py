"""A multinomial naive Bayes classifier of ACLED sub-event types, on word and word-pair presence.

Fitted from counts alone, so it trains in seconds on a large export and needs nothing beyond
numpy. Naive Bayes is over-confident; one temperature, chosen on the held-out folds of the
cross-validation, softens its scores into probabilities that the re-ranking thresholds can use.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Optional, Sequence

import numpy as np

from .. import __version__
from ..errors import EventsiftError
from ..taxonomy import EVENT_TYPE_OF, SUB_EVENT_TYPES
from .data import Example
from .features import features

MODEL_FORMAT = "eventsift-subtype-model"
MODEL_VERSION = 1
MODEL_KIND = "multinomial naive Bayes on word and word-pair presence"
DEFAULT_FOLDS = 5
DEFAULT_MIN_PER_CLASS = 3
DEFAULT_ALPHA = 0.1  # additive smoothing of feature counts (0.1 beat 0.3, 0.5 and 1 in 5-fold CV on the samples)
DEFAULT_MAX_FEATURES = 20000
NGRAMS = 2
_TEMPERATURES = np.exp(np.linspace(0.0, math.log(200.0), 60))

FoldProgress = Callable[[int, int], None]  # (folds done, folds)


@dataclass(frozen=True, kw_only=True)
class FeatureSpec:
    """How a text becomes features (see ``classify.features``); only ``ngrams`` can vary."""

    ngrams: int
    lowercase: bool = True
    numbers: str = "one token"  # every number is one token
    presence: bool = True  # a feature counts once per text


@dataclass(frozen=True, kw_only=True)
class ModelFile:
    """The saved model's JSON: its keys are these fields, in this order (weights rounded to keep the
    file small). Files written before ``alpha``, ``summary``, ``created_from`` or ``created`` were
    saved read with their defaults."""

    format: str = MODEL_FORMAT
    version: int = MODEL_VERSION
    kind: str = MODEL_KIND
    eventsift_version: str = __version__
    created: str = ""
    created_from: dict = field(default_factory=dict)
    features: FeatureSpec
    alpha: float = DEFAULT_ALPHA
    temperature: float
    labels: list[str]
    class_log_prior: list[float]
    vocabulary: list[str]
    weights: list[list[float]]
    summary: dict = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict) -> ModelFile:
        """The file's fields (KeyError or TypeError when one that has no default is missing)."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        return cls(**{**values, "features": FeatureSpec(**data["features"])})


@dataclass
class SubtypeModel:
    labels: list[str]
    vocabulary: list[str]
    class_log_prior: np.ndarray  # (labels,)
    feature_log_prob: np.ndarray  # (labels, vocabulary)
    temperature: float = 1.0
    ngrams: int = NGRAMS
    alpha: float = DEFAULT_ALPHA
    summary: dict = field(default_factory=dict)
    created_from: dict = field(default_factory=dict)
    created: str = ""
    _index: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {f: i for i, f in enumerate(self.vocabulary)}

    # -- predicting ------------------------------------------------------------------------
    def scores(self, text: str) -> np.ndarray:
        """The joint log-likelihood of the text under each label (before the temperature)."""
        idx = [self._index[f] for f in features(text, self.ngrams) if f in self._index]
        return self.class_log_prior + (self.feature_log_prob[:, idx].sum(axis=1) if idx else 0.0)

    def predict_proba(self, text: str, among: Optional[Sequence[str]] = None) -> dict[str, float]:
        """Probabilities of the labels (all of them, or only ``among``, renormalised), best first."""
        probs = _softmax(self.scores(text) / self.temperature)
        out = {lab: float(p) for lab, p in zip(self.labels, probs)}
        if among is not None:
            keep = {lab: out[lab] for lab in among if lab in out}
            total = sum(keep.values())
            out = {lab: p / total for lab, p in keep.items()} if total > 0 else {}
        return dict(sorted(out.items(), key=lambda kv: -kv[1]))

    def predict(self, text: str) -> str:
        return self.labels[int(np.argmax(self.scores(text)))]

    # -- saving ----------------------------------------------------------------------------
    def to_json(self) -> dict:
        return asdict(ModelFile(
            created=self.created, created_from=self.created_from, features=FeatureSpec(ngrams=self.ngrams),
            alpha=self.alpha, temperature=round(self.temperature, 6), labels=self.labels,
            class_log_prior=[round(float(v), 6) for v in self.class_log_prior], vocabulary=self.vocabulary,
            weights=[[round(float(v), 5) for v in row] for row in self.feature_log_prob], summary=self.summary))

    def save(self, path: Path) -> None:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n",
                       encoding="utf-8")
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> "SubtypeModel":
        hint = "train one with `eventsift train YOUR_EXPORT.csv --output MODEL.json`"
        if not path.exists():
            raise EventsiftError("E074", f"no model at {path}", hint)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise EventsiftError("E074", f"{path} is not a model file ({exc})", hint) from None
        if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
            raise EventsiftError("E074", f"{path} is not an eventsift sub-type model", hint)
        if data.get("version") != MODEL_VERSION:
            raise EventsiftError("E074", f"{path} is a version {data.get('version')} model; "
                                 f"this eventsift reads version {MODEL_VERSION}", "train the model again: " + hint)
        try:
            saved = ModelFile.from_json(data)
            labels = list(saved.labels)
            vocab = list(saved.vocabulary)
            prior = np.asarray(saved.class_log_prior, dtype=float)
            weights = np.asarray(saved.weights, dtype=float).reshape(len(labels), len(vocab))
            unknown = [lab for lab in labels if lab not in EVENT_TYPE_OF]
            if unknown or prior.shape != (len(labels),) or len(labels) < 2:
                raise ValueError(f"labels {unknown or labels}")
            return cls(labels, vocab, prior, weights, float(saved.temperature), int(saved.features.ngrams),
                       float(saved.alpha), saved.summary, saved.created_from, saved.created)
        except (KeyError, TypeError, ValueError) as exc:
            raise EventsiftError("E074", f"{path}: a damaged model file ({type(exc).__name__}: {exc})", hint) from None


def _softmax(x: np.ndarray) -> np.ndarray:
    z = np.exp(x - np.max(x))
    return z / z.sum()


# -- fitting -------------------------------------------------------------------------------

def _fit(feats: list[set[str]], y: np.ndarray, labels: list[str], *, alpha: float,
         max_features: int, ngrams: int) -> SubtypeModel:
    df: Counter = Counter()
    for fs in feats:
        df.update(fs)
    vocab = sorted(df, key=lambda f: (-df[f], f))[:max_features]
    vocab.sort()
    index = {f: i for i, f in enumerate(vocab)}
    counts = np.zeros((len(labels), len(vocab)))
    for fs, label in zip(feats, y):
        counts[label, [index[f] for f in fs if f in index]] += 1
    flp = np.log(counts + alpha) - np.log(counts.sum(axis=1, keepdims=True) + alpha * len(vocab))
    n = np.bincount(y, minlength=len(labels)).astype(float)
    prior = np.log((n + 1.0) / (n.sum() + len(labels)))  # smoothed: a label missing from a fold stays possible
    return SubtypeModel(labels, vocab, prior, flp, 1.0, ngrams, alpha)


def _folds(y: np.ndarray, k: int, seed: int) -> np.ndarray:
    """Stratified fold numbers: each label's examples dealt round the folds in a seeded shuffle."""
    rng = np.random.default_rng(seed)
    fold = np.zeros(len(y), dtype=int)
    offset = 0
    for label in np.unique(y):
        members = np.flatnonzero(y == label)
        rng.shuffle(members)
        fold[members] = (np.arange(len(members)) + offset) % k
        offset += len(members)  # small labels do not all start in fold 0
    return fold


@dataclass(frozen=True)
class LabelScores:
    """One sub-type's held-out figures."""

    support: int  # its examples
    precision: float
    recall: float
    f1: float
    within_type_accuracy: float  # right among the sub-types of its own event type


@dataclass(frozen=True)
class CrossValidation:
    """The k-fold figures saved in the model's summary (as a JSON object with these keys)."""

    folds: int
    examples: int
    accuracy: float
    macro_f1: float
    event_type_accuracy: float
    within_type_accuracy: float
    majority_baseline: float  # the accuracy of always answering the most frequent sub-type
    temperature: float  # the one that makes the held-out probabilities best
    per_label: dict[str, LabelScores]


def cross_validate(examples: Sequence[Example], labels: list[str], *, folds: int = DEFAULT_FOLDS,
                   alpha: float = DEFAULT_ALPHA, max_features: int = DEFAULT_MAX_FEATURES, ngrams: int = NGRAMS,
                   seed: int = 13, progress: Optional[FoldProgress] = None) -> dict:
    """k-fold figures per label, overall, and within the gold event type; plus the fitted temperature
    (a :class:`CrossValidation` as JSON)."""
    feats = [features(ex.text, ngrams) for ex in examples]
    y = np.array([labels.index(ex.label) for ex in examples])
    fold = _folds(y, folds, seed)
    held_scores = np.zeros((len(y), len(labels)))
    for k in range(folds):
        train_idx = np.flatnonzero(fold != k)
        model = _fit([feats[i] for i in train_idx], y[train_idx], labels, alpha=alpha,
                     max_features=max_features, ngrams=ngrams)
        for i in np.flatnonzero(fold == k):
            held_scores[i] = model.scores(examples[i].text)
        if progress:
            progress(k + 1, folds)
    pred = held_scores.argmax(axis=1)
    # within the event type: what re-ranking asks of the model (the rules have fixed the type)
    family = np.array([[EVENT_TYPE_OF[lab] == EVENT_TYPE_OF[labels[t]] for lab in labels] for t in y])
    pred_within = np.where(family, held_scores, -np.inf).argmax(axis=1)
    temperature = _fit_temperature(held_scores, y)
    per_label: dict[str, LabelScores] = {}
    for j, lab in enumerate(labels):
        tp = int(np.sum((pred == j) & (y == j)))
        p_n, support = int(np.sum(pred == j)), int(np.sum(y == j))
        precision = tp / p_n if p_n else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        within = float(np.mean(pred_within[y == j] == j)) if support else 0.0
        per_label[lab] = LabelScores(support, round(precision, 3), round(recall, 3), round(f1, 3), round(within, 3))
    pred_types = np.array([EVENT_TYPE_OF[labels[j]] for j in pred])
    gold_types = np.array([EVENT_TYPE_OF[labels[j]] for j in y])
    return asdict(CrossValidation(
        folds=folds,
        examples=int(len(y)),
        accuracy=round(float(np.mean(pred == y)), 3),
        macro_f1=round(float(np.mean([v.f1 for v in per_label.values()])), 3),
        event_type_accuracy=round(float(np.mean(pred_types == gold_types)), 3),
        within_type_accuracy=round(float(np.mean(pred_within == y)), 3),
        majority_baseline=round(float(np.bincount(y).max() / len(y)), 3),
        temperature=round(float(temperature), 4),
        per_label=per_label,
    ))


def _fit_temperature(scores: np.ndarray, y: np.ndarray) -> float:
    """The temperature that makes held-out probabilities best (least log loss)."""
    best, best_loss = 1.0, math.inf
    for t in _TEMPERATURES:
        z = scores / t
        z = z - z.max(axis=1, keepdims=True)
        logp = z[np.arange(len(y)), y] - np.log(np.exp(z).sum(axis=1))
        loss = -float(np.mean(logp))
        if loss < best_loss:
            best, best_loss = float(t), loss
    return best


def label_counts(examples: Sequence[Example]) -> Counter:
    return Counter(ex.label for ex in examples)


def train(examples: Sequence[Example], *, folds: int = DEFAULT_FOLDS, min_per_class: int = DEFAULT_MIN_PER_CLASS,
          skip_rare: bool = False, alpha: float = DEFAULT_ALPHA, max_features: int = DEFAULT_MAX_FEATURES,
          seed: int = 13, created_from: Optional[dict] = None,
          progress: Optional[FoldProgress] = None) -> tuple[SubtypeModel, dict]:
    """Cross-validate, then fit on every example. Returns the model and its training summary."""
    if folds < 2:
        raise EventsiftError("E073", f"--folds {folds}: cross-validation needs at least 2 folds", "use --folds 5")
    counts = label_counts(examples)
    rare = {lab: n for lab, n in counts.items() if n < min_per_class}
    if rare and not skip_rare:
        listed = ", ".join(f"{lab} ({n})" for lab, n in sorted(rare.items(), key=lambda kv: (kv[1], kv[0])))
        raise EventsiftError(
            "E073", f"too few rows for {len(rare)} sub-type(s), fewer than {min_per_class} each: {listed}",
            f"add at least {min_per_class} coded rows for each, or pass --skip-rare to leave those sub-types out "
            "of the model (it will then never propose them)")
    kept = [ex for ex in examples if ex.label not in rare]
    labels = [sub for subs in SUB_EVENT_TYPES.values() for sub in subs if sub in counts and sub not in rare]
    if len(labels) < 2:
        raise EventsiftError("E073", f"only {len(labels)} sub-type with at least {min_per_class} rows",
                             "a classifier needs examples of at least two sub-types; add more coded rows")
    folds = min(folds, len(kept))
    cv = cross_validate(kept, labels, folds=folds, alpha=alpha, max_features=max_features, seed=seed,
                        progress=progress)
    model = _fit([features(ex.text, NGRAMS) for ex in kept], np.array([labels.index(ex.label) for ex in kept]),
                 labels, alpha=alpha, max_features=max_features, ngrams=NGRAMS)
    model.temperature = cv["temperature"]
    model.created = datetime.now(timezone.utc).isoformat(timespec="seconds")
    model.created_from = dict(created_from or {})
    model.summary = {"examples": len(kept), "left_out": dict(sorted(rare.items())), "cross_validation": cv,
                     "vocabulary": len(model.vocabulary)}
    return model, model.summary
