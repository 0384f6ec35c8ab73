# Two commands on a fresh machine: `make build`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
export HF_HUB_OFFLINE := 1
export HF_DATASETS_OFFLINE := 1
export PYTHONHASHSEED := 0

.PHONY: build test validate schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

build: $(STAMP)
	$(BIN)/corpus build --seeds seeds --out build

validate: $(STAMP)
	$(BIN)/corpus validate build

schema: $(STAMP)
	$(BIN)/corpus schema export

test: $(TEST_STAMP)
	$(BIN)/corpus build --seeds seeds --out build
	$(BIN)/corpus validate build
	$(BIN)/python -m pytest -q

clean:
	rm -rf build .pytest_cache
