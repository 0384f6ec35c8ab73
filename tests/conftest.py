"""Shared fixtures: one build of the seeds per test session (builds are the slow part)."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory) -> Path:
    """The seeds built once into a temporary folder (not the repo's build/)."""
    from corpus.build import BuildRequest, run_build

    out = tmp_path_factory.mktemp("seeds-build") / "build"
    run_build(BuildRequest(seeds=SEEDS, out=out))
    return out


def file_digests(folder: Path) -> dict[str, str]:
    """sha256 of every file below `folder`, by relative path: equal dicts mean byte-identical builds."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def removed_by_reason(doc) -> dict[str, list[str]]:
    """A structured web page's removed lines grouped by their reason (`doc.removed` holds (reason, line) pairs)."""
    grouped: dict[str, list[str]] = {}
    for reason, line in doc.removed:
        grouped.setdefault(reason, []).append(line)
    return grouped


def seed_folder(parent: Path, *names: str) -> Path:
    """A fresh `parent/seeds` folder holding copies of the named seed files (no manifest)."""
    folder = parent / "seeds"
    folder.mkdir()
    for name in names:
        shutil.copy(SEEDS / name, folder)
    return folder
