# Two commands on a fresh machine: `make build`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
export HF_HUB_OFFLINE := 1
export HF_DATASETS_OFFLINE := 1

.PHONY: build test validate schema lock bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,ray]'
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

lock: $(TEST_STAMP)
	{ echo "# Exact versions the project is built and tested with (pip constraints: pins only what gets installed)."; \
	  echo "# Regenerate with: make lock"; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v -i -E '^(thinktank-corpus|pip)=='; } > constraints.txt

# The benchmark's peer for the structure step: unstructured pins filelock<4, which the build lock outgrew, so it
# is installed without its dependency resolution and with the dependencies partition_text needs.
BENCH_STAMP := $(VENV)/.installed-bench
BENCH_DEPS := beautifulsoup4 emoji filetype html5lib installer langdetect lxml nh3 numba psutil python-iso639 \
	python-magic python-oxmsg rapidfuzz unstructured-client wrapt
BENCH_ARGS ?=

$(BENCH_STAMP): $(TEST_STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt $(BENCH_DEPS)
	$(BIN)/python -m pip install --quiet -c constraints.txt --no-deps unstructured
	touch $@

bench: $(BENCH_STAMP)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

clean:
	rm -rf build .pytest_cache
