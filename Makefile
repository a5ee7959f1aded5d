# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test lint bench clean licences examples

$(BIN)/attrcheck: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.test-extras: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@ $(BIN)/attrcheck

## run attrcheck on the example article (the report is printed; findings are expected)
run: $(BIN)/attrcheck
	$(BIN)/attrcheck check examples/ --rules examples/rules.yaml --exit-zero

## run the whole test suite (pytest's exit 5, "no tests collected", is a failure here)
test: $(VENV)/.test-extras
	$(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests" >&2; exit 1; fi; exit $$rc

lint: $(VENV)/.test-extras
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(BIN)/attrcheck
	$(BIN)/python benchmarks/run_all.py

licences: $(BIN)/attrcheck
	$(BIN)/python scripts/build_licences.py

examples: $(BIN)/attrcheck
	$(BIN)/python scripts/make_examples.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
