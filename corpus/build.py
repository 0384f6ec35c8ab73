"""Build orchestration: check the output, lock, read, process (cached, in parallel), validate, write,
then publish atomically (`corpus.output`).

A failing build (bad seed, invalid data, exception, I/O error, Ctrl-C, SIGTERM, a killed worker) leaves
the previous output untouched and raises a CorpusError (one line, a documented exit code).
"""

from __future__ import annotations

import errno
import json
import time
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from corpus.engine import Engine, make_engine
from corpus.errors import BuildInterrupted, OutputError, SeedError, ValidationFailed
from corpus.findings import Finding, quality_findings
from corpus.output import build_lock, check_output_target, publish, recover, replace_file, staging_folder
from corpus.pipeline import Options, ProcessedDocument, Tables, assemble_tables, process_or_reject, warm_up
from corpus.read import IgnoredFile, SourceDocument, read_seeds
from corpus.validate import validate_build
from corpus.write import write_tables

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
    cache_read: bool = True  # False (--no-cache): recompute every document and refresh its cache entry
    skip_bad: bool = False  # skip unusable source files (listed in rejects.json) instead of failing
    engine: str = "local"  # local (this process or a process pool) or ray
    address: str | None = None  # Ray cluster address for engine="ray"; None starts a local instance
    withhold_restricted: bool = False  # leave out texts whose licence does not allow redistribution (corpus.withhold)


@dataclass
class BuildResult:
    """What a finished build reports: row counts, timings, cache use, rejected files."""

    out: Path
    rows: dict[str, int]
    seconds: dict[str, float] = field(default_factory=dict)
    card_path: Path | None = None
    cache_hits: int = 0
    rejects: list[SeedError] = field(default_factory=list)
    ignored: list[IgnoredFile] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)  # what was cleaned up after an interrupted build


def process_all(
    sources: Sequence[SourceDocument],
    options: Options,
    engine: Engine,
    cache_dir: Path | None,
    progress: Progress | None = None,
    rejects: list[SeedError] | None = None,
    cache_read: bool = True,
) -> tuple[list[ProcessedDocument], int]:
    """Run the per-document step over every source (cached entries reused); results in input order.

    A document whose processing fails raises its SeedError, or is appended to `rejects` when given.
    """
    from corpus.cache import DocumentCache, cache_key

    store = DocumentCache(cache_dir, read=cache_read) if cache_dir else None
    keys = [cache_key(s, options) for s in sources] if store else [None] * len(sources)
    results: list[ProcessedDocument | None] = [store.get(k) if store else None for k in keys]
    hits = sum(r is not None for r in results)
    todo = [i for i, r in enumerate(results) if r is None]
    if len(todo) > 1 and getattr(engine, "inherits_parent_memory", False):
        warm_up(options)
    done = len(sources) - len(todo)
    if progress:
        progress("process", done, len(sources))
    try:
        for i, processed in zip(todo, engine.map(partial(process_or_reject, options=options), [sources[i] for i in todo])):
            if isinstance(processed, SeedError):
                if rejects is None:
                    raise processed
                rejects.append(processed)
            else:
                results[i] = processed
                if store:
                    store.put(keys[i], processed)
            done += 1
            if progress:
                progress("process", done, len(sources))
    except BrokenProcessPool as err:
        raise BuildInterrupted("a worker process died (killed by the system, often for lack of memory); nothing was replaced; try fewer --jobs") from err
    kept = [r for r in results if r is not None]
    if not kept:
        raise SeedError(sources[0].source_file if len(sources) == 1 else "seeds", "no-sources", "no document could be processed (all were rejected)")
    return kept, hits


def run_build(request: BuildRequest, progress: Progress | None = None) -> BuildResult:
    """Build `request.seeds` into `request.out` atomically; raises CorpusError subclasses on failure."""
    check_output_target(request.out, request.seeds)
    try:
        return _run_build(request, progress)
    except OSError as err:
        raise _output_error(err, request.out) from err


def _output_error(err: OSError, out: Path) -> OutputError:
    """An operating-system error as one line naming the path (disk full, read-only, permissions ...)."""
    path = err.filename or out
    reason = {errno.ENOSPC: "no space left on the device", errno.EROFS: "the file system is read-only", errno.EDQUOT: "disk quota exceeded"}.get(err.errno or -1)
    return OutputError(path, "os-error", f"{reason or err.strerror or err}; nothing was replaced")


def _run_build(request: BuildRequest, progress: Progress | None) -> BuildResult:
    from corpus.card import render_card

    seconds: dict[str, float] = {}
    clock = time.perf_counter()
    with build_lock(request.out):
        recovered = recover(request.out)
        rejects: list[SeedError] | None = [] if request.skip_bad else None
        ignored: list[IgnoredFile] = []
        sources = read_seeds(request.seeds, rejects=rejects, ignored=ignored)
        catalog = _catalog(request.seeds)
        seconds["read"] = time.perf_counter() - clock

        clock = time.perf_counter()
        engine = make_engine(request.engine, request.jobs, request.address)
        processed, hits = process_all(sources, request.options, engine, request.cache_dir, progress, rejects, request.cache_read)
        seconds["structure+enrich"] = time.perf_counter() - clock

        clock = time.perf_counter()
        tables = assemble_tables(processed, catalog)
        if request.withhold_restricted:
            from corpus.withhold import restricted_documents, withhold_texts

            tables = withhold_texts(tables, restricted_documents(sources))
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
            publish(staging, request.out)
        if request.card_path is not None:
            replace_file(request.card_path, card)
    return BuildResult(
        out=request.out,
        rows=_row_counts(tables),
        seconds=seconds,
        card_path=request.card_path,
        cache_hits=hits,
        rejects=rejects or [],
        ignored=ignored,
        findings=quality_findings(tables),
        recovered=recovered,
    )


def _catalog(seeds: Path):
    """The curated entity catalog `seeds/entities.yaml` (empty when absent)."""
    from corpus.enrich.catalog import CatalogError, load_catalog
    from corpus.yaml_input import YamlInputError

    path = seeds / CATALOG_NAME
    try:
        return load_catalog(path) if path.exists() else ()
    except (CatalogError, YamlInputError) as err:
        raise SeedError(path, "catalog-invalid", " ".join(str(err).split())) from err
    except OSError as err:
        raise SeedError(path, "unreadable", f"cannot read the catalog ({err.strerror or err})") from err


def _rejects_json(rejects: list[SeedError]) -> str:
    rows = [{"file": Path(e.path).name, "code": e.code, "problem": e.problem} for e in rejects]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def _row_counts(tables: Tables) -> dict[str, int]:
    return {name: len(records) for name, records in tables.items()}
