"""Errors with stable reason codes. Domain code raises them; `corpus.cli` prints one line each and exits."""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_INVALID = 1  # the data does not satisfy the contract
EXIT_USAGE = 2  # bad command line or bad input files


class CorpusError(Exception):
    """Base class: `code` is a stable machine-readable reason, `str(err)` one readable line."""

    code = "corpus-error"
    exit_code = EXIT_USAGE


class SeedError(CorpusError):
    """A source file or the manifest cannot be used."""

    def __init__(self, path: Path | str, code: str, problem: str):
        self.path = str(path)
        self.code = code
        self.problem = problem
        super().__init__(f"{self.path}: {problem} [{code}]")

    def __reduce__(self):  # picklable, so a worker process can hand it back unchanged
        return (type(self), (self.path, self.code, self.problem))


class BuildLockedError(CorpusError):
    code = "build-locked"


class ValidationFailed(CorpusError):
    """The build does not satisfy the schema contract; `failures` lists every problem."""

    code = "invalid-data"
    exit_code = EXIT_INVALID

    def __init__(self, failures: list):
        self.failures = failures
        super().__init__(f"{len(failures)} validation failure(s)")

    def __reduce__(self):
        return (type(self), (self.failures,))
