"""Build orchestration: lock, read, process (cached, in parallel), validate, write, then swap into place.

A failing build (bad seed, invalid data, exception, Ctrl-C) leaves the previous output untouched.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import yaml

from corpus.engine import Engine, make_engine
from corpus.errors import SeedError, ValidationFailed
from corpus.pipeline import Options, ProcessedDocument, Tables, assemble_tables, process_document, warm_up
from corpus.read import SourceDocument, read_seeds
from corpus.validate import validate_build
from corpus.write import build_lock, replace_file, staging_folder, swap_into_place, write_tables

Progress = Callable[[str, int, int], None]
CATALOG_NAME = "entities.yaml"


@dataclass(frozen=True)
class BuildRequest:
    seeds: Path
    out: Path
    card_path: Path | None = None  # also write the datacard here (the committed datacard.md)
    jobs: int = 1
    options: Options = Options()
    command: str = "corpus build"
    cache_dir: Path | None = None  # per-document cache; None disables it
    skip_bad: bool = False  # skip unusable source files (listed in rejects.json) instead of failing
    engine: str = "local"  # local (this process or a process pool) or ray
    address: str | None = None  # Ray cluster address for engine="ray"; None starts a local instance


@dataclass
class BuildResult:
    """What a finished build reports: row counts, timings, cache use, rejected files."""

    out: Path
    rows: dict[str, int]
    seconds: dict[str, float] = field(default_factory=dict)
    card_path: Path | None = None
    cache_hits: int = 0
    rejects: list[SeedError] = field(default_factory=list)


def process_all(sources: Sequence[SourceDocument], options: Options, engine: Engine, cache_dir: Path | None, progress: Progress | None = None) -> tuple[list[ProcessedDocument], int]:
    """Run the per-document step over every source (cached entries reused); returns results in input order."""
    from corpus.cache import DocumentCache, cache_key

    store = DocumentCache(cache_dir) if cache_dir else None
    keys = [cache_key(s, options) for s in sources] if store else [None] * len(sources)
    results: list[ProcessedDocument | None] = [store.get(k) if store else None for k in keys]
    todo = [i for i, r in enumerate(results) if r is None]
    if len(todo) > 1 and getattr(engine, "inherits_parent_memory", False):
        warm_up(options)
    done = len(sources) - len(todo)
    if progress:
        progress("process", done, len(sources))
    for i, processed in zip(todo, engine.map(partial(process_document, options=options), [sources[i] for i in todo])):
        results[i] = processed
        if store:
            store.put(keys[i], processed)
        done += 1
        if progress:
            progress("process", done, len(sources))
    return [r for r in results if r is not None], len(sources) - len(todo)


def run_build(request: BuildRequest, progress: Progress | None = None) -> BuildResult:
    """Build `request.seeds` into `request.out` atomically; raises CorpusError subclasses on failure."""
    from corpus.card import render_card

    seconds: dict[str, float] = {}
    clock = time.perf_counter()
    with build_lock(request.out):
        rejects: list[SeedError] | None = [] if request.skip_bad else None
        sources = read_seeds(request.seeds, rejects=rejects)
        catalog = _catalog(request.seeds)
        seconds["read"] = time.perf_counter() - clock

        clock = time.perf_counter()
        engine = make_engine(request.engine, request.jobs, request.address)
        processed, hits = process_all(sources, request.options, engine, request.cache_dir, progress)
        seconds["structure+enrich"] = time.perf_counter() - clock

        clock = time.perf_counter()
        tables = assemble_tables(processed, catalog)
        seconds["link"] = time.perf_counter() - clock

        with staging_folder(request.out) as staging:
            clock = time.perf_counter()
            write_tables(staging, tables)
            from corpus.metadata import write_metadata

            write_metadata(staging, tables)
            if rejects:
                (staging / "rejects.json").write_text(_rejects_json(rejects), encoding="utf-8")
            seconds["write"] = time.perf_counter() - clock

            clock = time.perf_counter()
            failures = validate_build(staging)
            seconds["validate"] = time.perf_counter() - clock
            if failures:
                raise ValidationFailed(failures)

            card = render_card(staging, tables, processed, command=request.command, seeds=request.seeds)
            (staging / "README.md").write_text(card, encoding="utf-8")
            swap_into_place(staging, request.out)
        if request.card_path is not None:
            replace_file(request.card_path, card)
    return BuildResult(
        out=request.out,
        rows=_row_counts(tables),
        seconds=seconds,
        card_path=request.card_path,
        cache_hits=hits,
        rejects=rejects or [],
    )


def _catalog(seeds: Path):
    """The curated entity catalog `seeds/entities.yaml` (empty when absent)."""
    from corpus.enrich.catalog import CatalogError, load_catalog

    path = seeds / CATALOG_NAME
    try:
        return load_catalog(path) if path.exists() else ()
    except (CatalogError, yaml.YAMLError, UnicodeDecodeError) as err:
        raise SeedError(path, "catalog-invalid", " ".join(str(err).split())) from err


def _rejects_json(rejects: list[SeedError]) -> str:
    rows = [{"file": Path(e.path).name, "code": e.code, "problem": e.problem} for e in rejects]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def _row_counts(tables: Tables) -> dict[str, int]:
    return {name: len(records) for name, records in tables.items()}
