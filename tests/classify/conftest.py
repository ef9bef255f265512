"""A tiny training set of the team's own sentences: four sub-types with words of their own."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from eventsift.classify import Example

PLACES = ("the northern town", "a village near the border", "the provincial capital", "the market district",
          "the river crossing", "an eastern suburb")
TEMPLATES = {
    "Air/drone strike": ("Warplanes bombed {p} overnight.", "A drone strike hit {p} at dawn.",
                         "Jets carried out air strikes on {p}."),
    "Armed clash": ("Soldiers and rebels clashed in {p}.", "Militants fought troops for hours in {p}.",
                    "Heavy fighting broke out between the army and insurgents in {p}."),
    "Peaceful protest": ("Hundreds of teachers marched peacefully in {p} to demand higher wages.",
                         "Residents held a sit-in in {p} against rising prices.",
                         "Students rallied in {p} to demand new elections."),
    "Arrests": ("Police arrested five suspects in {p}.", "Security forces detained a journalist in {p}.",
                "Two activists were taken into custody by police in {p}."),
}


def examples() -> list[Example]:
    return [Example(t.format(p=p), label) for label, ts in TEMPLATES.items() for t in ts for p in PLACES]


@pytest.fixture(scope="session")
def tiny_examples() -> list[Example]:
    return examples()


@pytest.fixture(scope="session")
def tiny_model(tiny_examples):
    from eventsift.classify import train

    model, _ = train(tiny_examples, folds=3)
    return model


def write_csv(path: Path, header: list[str], rows: list[list[str]], delimiter: str = ",") -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        w.writerow(header)
        w.writerows(rows)
    return path
