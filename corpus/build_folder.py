"""What counts as a build folder for the commands that read one (`validate`, `stats`, `show`, `eval`).

One rule for every command: a build is a directory holding the build marker file or a `documents/` table
with at least one Parquet shard. Anything else is "not a build" (exit 2, a usage error); a build that is
damaged or incomplete is invalid data (exit 1), which `corpus validate` details.
"""

from __future__ import annotations

from pathlib import Path

from corpus.errors import EXIT_USAGE, CorpusError, printable
from corpus.output import MARKER_NAME


class NotABuild(CorpusError):
    """The folder given to a reading command is not a build of this tool."""

    code = "not-a-build"
    exit_code = EXIT_USAGE

    def __init__(self, folder: Path | str, problem: str):
        self.folder = str(folder)
        self.problem = problem
        super().__init__(f"{printable(self.folder)}: {problem} [{self.code}]")

    def __reduce__(self):
        return (type(self), (self.folder, self.problem))


def build_problem(folder: Path) -> str | None:
    """Why `folder` is not a build (None: it is one)."""
    if not folder.exists():
        return "no such build folder"
    if not folder.is_dir():
        return "is a file, not a build folder"
    if (folder / MARKER_NAME).is_file() or any((folder / "documents").glob("*.parquet")):
        return None
    return "not a build folder (no build marker and no documents/*.parquet)"


def require_build(folder: Path) -> None:
    """Raise `NotABuild` unless `folder` is a build."""
    problem = build_problem(folder)
    if problem:
        raise NotABuild(folder, problem)
