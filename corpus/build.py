"""Build orchestration: lock, stage, run the pipeline, validate, write, then swap into place.

A failing build (bad seed, invalid data, exception, Ctrl-C) leaves the previous output untouched.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from corpus.errors import ValidationFailed
from corpus.pipeline import Options, ProcessedDocument, Tables, build_tables
from corpus.read import SourceDocument, read_seeds
from corpus.validate import validate_build
from corpus.write import build_lock, replace_file, staging_folder, swap_into_place, write_tables


@dataclass
class BuildResult:
    """What a finished build reports: row counts, timings, files."""

    out: Path
    rows: dict[str, int]
    seconds: dict[str, float] = field(default_factory=dict)
    card_path: Path | None = None


@dataclass(frozen=True)
class BuildRequest:
    seeds: Path
    out: Path
    card_path: Path | None = None  # also write the datacard here (the committed datacard.md)
    jobs: int = 1
    options: Options = Options()
    command: str = "corpus build"


def _mapper(jobs: int):
    if jobs <= 1:
        return map, None
    pool = ProcessPoolExecutor(max_workers=jobs)
    return (lambda fn, items: pool.map(fn, items, chunksize=1)), pool


def run_build(request: BuildRequest, progress: Callable[[str, int, int], None] | None = None) -> BuildResult:
    """Build `request.seeds` into `request.out` atomically; raises CorpusError subclasses on failure."""
    from corpus.card import render_card
    from corpus.enrich.catalog import load_catalog

    seconds: dict[str, float] = {}
    clock = time.perf_counter()
    with build_lock(request.out):
        sources: list[SourceDocument] = read_seeds(request.seeds)
        catalog = load_catalog(request.seeds)
        seconds["read"] = time.perf_counter() - clock

        clock = time.perf_counter()
        done = 0

        def on_document(_: ProcessedDocument) -> None:
            nonlocal done
            done += 1
            if progress:
                progress("process", done, len(sources))

        mapper, pool = _mapper(request.jobs)
        try:
            tables, processed = build_tables(sources, options=request.options, mapper=mapper, catalog=catalog, on_document=on_document)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        seconds["structure+enrich"] = time.perf_counter() - clock

        with staging_folder(request.out) as staging:
            clock = time.perf_counter()
            write_tables(staging, tables)
            seconds["write"] = time.perf_counter() - clock

            clock = time.perf_counter()
            failures = validate_build(staging)
            seconds["validate"] = time.perf_counter() - clock
            if failures:
                raise ValidationFailed(failures)

            card = render_card(staging, tables, processed, command=request.command)
            (staging / "README.md").write_text(card, encoding="utf-8")
            swap_into_place(staging, request.out)
        if request.card_path is not None:
            replace_file(request.card_path, card)
    return BuildResult(out=request.out, rows=_row_counts(tables), seconds=seconds, card_path=request.card_path)


def _row_counts(tables: Tables) -> dict[str, int]:
    return {name: len(records) for name, records in tables.items()}
