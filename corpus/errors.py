"""Errors with stable reason codes. Domain code raises them; `corpus.cli` prints one line each and exits."""

from __future__ import annotations

import unicodedata
from pathlib import Path

EXIT_OK = 0
EXIT_INVALID = 1  # the data does not satisfy the contract
EXIT_USAGE = 2  # bad command line, bad input files, or the command could not run (I/O, interrupted)


def printable(text: object) -> str:
    """`text` with control and line-breaking characters escaped, so a message stays on one line."""
    return "".join(
        ch if unicodedata.category(ch)[0] != "C" and ch not in "\u2028\u2029" else ascii(ch)[1:-1]
        for ch in str(text)
    )


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
        super().__init__(f"{printable(self.path)}: {printable(problem)} [{code}]")

    def __reduce__(self):  # picklable, so a worker process can hand it back unchanged
        return (type(self), (self.path, self.code, self.problem))


class BuildLockedError(CorpusError):
    code = "build-locked"


class OutputError(CorpusError):
    """The output folder cannot be used, or writing it failed (disk full, read-only ...); nothing was replaced."""

    def __init__(self, path: Path | str, code: str, problem: str):
        self.path = str(path)
        self.code = code
        self.problem = problem
        super().__init__(f"{printable(self.path)}: {printable(problem)} [{code}]")

    def __reduce__(self):
        return (type(self), (self.path, self.code, self.problem))


class BuildInterrupted(CorpusError):
    """The build was stopped (Ctrl-C, SIGTERM) or lost a worker process; the previous build is untouched."""

    code = "interrupted"

    def __init__(self, message: str, exit_code: int = EXIT_USAGE):
        self.exit_code = exit_code
        super().__init__(message)

    def __reduce__(self):
        return (type(self), (str(self), self.exit_code))


class ValidationFailed(CorpusError):
    """The build does not satisfy the schema contract; `failures` lists every problem."""

    code = "invalid-data"
    exit_code = EXIT_INVALID

    def __init__(self, failures: list):
        self.failures = failures
        super().__init__(f"{len(failures)} validation failure(s)")

    def __reduce__(self):
        return (type(self), (self.failures,))
