"""Fitting, measuring, saving and loading the sub-type model."""
from __future__ import annotations

import json

import pytest

from eventsift.classify import MODEL_FORMAT, MODEL_VERSION, Example, SubtypeModel, train
from eventsift.errors import EventsiftError

from .conftest import TEMPLATES


def test_separable_classes_are_learnt(tiny_examples):
    model, summary = train(tiny_examples, folds=3)
    cv = summary["cross_validation"]
    assert cv["folds"] == 3 and cv["examples"] == len(tiny_examples)
    assert cv["accuracy"] >= 0.95 and cv["macro_f1"] >= 0.95 and cv["majority_baseline"] == 0.25
    assert set(cv["per_label"]) == set(TEMPLATES) and all(v["support"] == 18 for v in cv["per_label"].values())
    assert sorted(model.labels) == sorted(TEMPLATES) and cv["temperature"] > 0


@pytest.mark.parametrize("text, expected", [
    ("Warplanes carried out air strikes on a camp.", "Air/drone strike"),
    ("Rebels clashed with troops near the dam.", "Armed clash"),
    ("Nurses marched peacefully to demand pay.", "Peaceful protest"),
    ("Police detained three men at a checkpoint.", "Arrests"),
])
def test_unseen_sentences_get_their_sub_type(tiny_model, text, expected):
    assert tiny_model.predict(text) == expected
    probs = tiny_model.predict_proba(text)
    assert next(iter(probs)) == expected and abs(sum(probs.values()) - 1) < 1e-9


def test_probabilities_among_some_sub_types_are_renormalised(tiny_model):
    probs = tiny_model.predict_proba("Police detained three men.", among=["Arrests", "Armed clash"])
    assert set(probs) == {"Arrests", "Armed clash"} and abs(sum(probs.values()) - 1) < 1e-9


def test_cross_validation_does_not_see_the_held_out_fold():
    # every sentence is its own vocabulary: nothing can carry over to a held-out one
    words = iter(f"w{i}x" for i in range(1000))
    examples = [Example(f"{next(words)} {next(words)}", label) for label in ("Arrests", "Attack") for _ in range(6)]
    _, summary = train(examples, folds=3)
    assert summary["cross_validation"]["accuracy"] <= 0.5


@pytest.mark.parametrize("counts, skip, error", [
    ({"Arrests": 3, "Attack": 2}, False, "too few rows for 1 sub-type(s)"),
    ({"Arrests": 3, "Attack": 2}, True, "only 1 sub-type"),
    ({"Arrests": 5}, False, "only 1 sub-type"),
])
def test_too_few_rows_say_what_to_do(counts, skip, error):
    examples = [Example(f"text {lab} {i}", lab) for lab, n in counts.items() for i in range(n)]
    with pytest.raises(EventsiftError) as exc:
        train(examples, min_per_class=3, skip_rare=skip)
    assert exc.value.code == "E073" and error in exc.value.message and exc.value.hint


def test_rare_sub_types_can_be_left_out(tiny_examples):
    extra = [Example("Gunmen kidnapped a teacher.", "Abduction/forced disappearance")]
    model, summary = train(tiny_examples + extra, folds=3, skip_rare=True)
    assert summary["left_out"] == {"Abduction/forced disappearance": 1}
    assert "Abduction/forced disappearance" not in model.labels


def test_fewer_than_two_folds_is_an_error(tiny_examples):
    with pytest.raises(EventsiftError, match="at least 2 folds"):
        train(tiny_examples, folds=1)


def test_save_and_load_round_trip(tmp_path, tiny_model):
    path = tmp_path / "m.json"
    tiny_model.created_from = {"sha256": "ab" * 32, "files": [{"name": "x.csv", "sha256": "cd" * 32, "examples": 72}]}
    tiny_model.save(path)
    data = json.loads(path.read_text())
    assert (data["format"], data["version"]) == (MODEL_FORMAT, MODEL_VERSION)
    assert {"labels", "vocabulary", "weights", "class_log_prior", "temperature", "summary", "created_from",
            "features", "created"} <= set(data)
    loaded = SubtypeModel.load(path)
    assert loaded.labels == tiny_model.labels and loaded.vocabulary == tiny_model.vocabulary
    assert loaded.created_from == tiny_model.created_from
    for text in ("Jets bombed the bridge.", "Police arrested a man.", "nothing known here"):
        a, b = tiny_model.predict_proba(text), loaded.predict_proba(text)
        assert list(a) == list(b) and all(abs(a[k] - b[k]) < 1e-4 for k in a)


def _edit(path, change):
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


@pytest.mark.parametrize("spoil, words", [
    (lambda p: p.unlink(), "no model at"),
    (lambda p: p.write_text("not json"), "is not a model file"),
    (lambda p: p.write_text('{"rows": []}'), "not an eventsift sub-type model"),
    (lambda p: _edit(p, lambda d: d.update(version=99)), "version 99 model"),
    (lambda p: _edit(p, lambda d: d.update(labels=["Arrests", "Riot"])), "damaged model file"),
    (lambda p: _edit(p, lambda d: d.pop("weights")), "damaged model file"),
    (lambda p: _edit(p, lambda d: d.update(weights=[[0.0]])), "damaged model file"),
    (lambda p: _edit(p, lambda d: d.pop("features")), "damaged model file"),
    (lambda p: _edit(p, lambda d: d["features"].update(stems=True)), "damaged model file"),
])
def test_a_bad_model_file_is_a_clear_error(tmp_path, tiny_model, spoil, words):
    path = tmp_path / "m.json"
    tiny_model.save(path)
    spoil(path)
    with pytest.raises(EventsiftError) as exc:
        SubtypeModel.load(path)
    assert exc.value.code == "E074" and words in exc.value.message and "eventsift train" in exc.value.hint


def test_the_file_keys_are_the_model_file_fields_in_order(tmp_path, tiny_model):
    from dataclasses import fields

    from eventsift.classify.model import FeatureSpec, ModelFile

    path = tmp_path / "m.json"
    tiny_model.save(path)
    data = json.loads(path.read_text())
    assert list(data) == [f.name for f in fields(ModelFile)]
    assert list(data["features"]) == [f.name for f in fields(FeatureSpec)]


def test_a_file_without_the_later_keys_loads_with_their_defaults(tmp_path, tiny_model):
    from eventsift.classify.model import DEFAULT_ALPHA

    path = tmp_path / "m.json"
    tiny_model.save(path)
    _edit(path, lambda d: [d.pop(k) for k in ("alpha", "summary", "created_from", "created", "kind")])
    loaded = SubtypeModel.load(path)
    assert (loaded.alpha, loaded.summary, loaded.created_from, loaded.created) == (DEFAULT_ALPHA, {}, {}, "")
    assert loaded.predict("Jets bombed the bridge.") == tiny_model.predict("Jets bombed the bridge.")


def test_the_cross_validation_summary_has_the_documented_keys(tiny_examples):
    from dataclasses import fields

    from eventsift.classify.model import CrossValidation, LabelScores

    cv = train(tiny_examples, folds=3)[1]["cross_validation"]
    assert list(cv) == [f.name for f in fields(CrossValidation)]
    assert all(list(scores) == [f.name for f in fields(LabelScores)] for scores in cv["per_label"].values())
    assert cv["macro_f1"] == round(sum(s["f1"] for s in cv["per_label"].values()) / len(cv["per_label"]), 3)
