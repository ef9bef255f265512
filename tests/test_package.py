"""The package root: the public names a program imports, loaded only when first asked for."""
from __future__ import annotations

import subprocess
import sys

import pytest

import eventsift
from eventsift import config, models, pipeline, store


@pytest.mark.parametrize("name,module", [
    ("Pipeline", pipeline),
    ("Settings", config),
    ("Store", store),
    ("Event", models),
    ("Article", models),
])
def test_root_exports_the_defining_class(name, module):
    assert getattr(eventsift, name) is getattr(module, name)
    assert name in eventsift.__all__ and name in dir(eventsift)


def test_from_import_of_the_four_names():
    from eventsift import Event, Pipeline, Settings, Store

    assert (Event, Pipeline, Settings, Store) == (models.Event, pipeline.Pipeline, config.Settings, store.Store)


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        eventsift.Nothing  # noqa: B018


def test_submodules_still_import_from_the_root():
    from eventsift import lexicon

    assert lexicon.__name__ == "eventsift.lexicon"


def test_importing_the_package_loads_no_stage():
    code = ("import sys, eventsift; "
            "print(sorted(m for m in sys.modules if m.startswith(('eventsift.', 'spacy'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    code = "import sys; from eventsift import Settings; print('eventsift.pipeline' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
