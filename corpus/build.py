"""Build orchestration: check the output, lock, read, process (cached, in parallel), validate, write,
then publish atomically (`corpus.output`).

A failing build (bad seed, invalid data, exception, I/O error, Ctrl-C, SIGTERM, a killed worker) leaves
the previous output untouched and raises a CorpusError (one line, a documented exit code).
"""

from __future__ import annotations

import errno
import json
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from corpus.engine import Engine, make_engine
from corpus.errors import BuildInterrupted, OutputError, SeedError, ValidationFailed
from corpus.findings import Finding, quality_findings
from corpus.output import build_lock, check_output_target, publish, recover, replace_file, staging_folder
from corpus.pipeline import Options, ProcessedDocument, process_or_reject, warm_up
from corpus.read import IgnoredFile, SourceDocument, read_seeds
from corpus.validate import validate_build
from corpus.stream import write_corpus

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
    peak_rss_mb: dict[str, float] = field(default_factory=dict)  # this process's peak resident memory after each stage
    card_path: Path | None = None
    cache_hits: int = 0
    rejects: list[SeedError] = field(default_factory=list)
    ignored: list[IgnoredFile] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)  # what was cleaned up after an interrupted build


class ProcessedStream:
    """The processed documents in input order, produced while they are iterated (cached ones read from
    the cache at their turn, the others from the engine), so no more than a few are in memory at once.

    A document whose processing fails raises its SeedError, or is appended to `rejects` when given.
    `hits` counts the documents taken from the cache so far.
    """

    def __init__(self, sources: Sequence[SourceDocument], options: Options, engine: Engine, cache_dir: Path | None,
                 progress: Progress | None = None, rejects: list[SeedError] | None = None, cache_read: bool = True):
        from corpus.cache import DocumentCache, cache_key

        self.sources, self.options, self.engine, self.progress, self.rejects = sources, options, engine, progress, rejects
        self.store = DocumentCache(cache_dir, read=cache_read) if cache_dir else None
        self.keys = [cache_key(s, options) for s in sources] if self.store else [None] * len(sources)
        cached = [self.store.has(k) for k in self.keys] if self.store else [False] * len(sources)
        self.todo = [i for i, hit in enumerate(cached) if not hit]
        self.hits = 0

    def __iter__(self) -> Iterator[ProcessedDocument]:
        sources, store = self.sources, self.store
        if len(self.todo) > 1 and getattr(self.engine, "inherits_parent_memory", False):
            warm_up(self.options)
        step = partial(process_or_reject, options=self.options)
        items = [sources[i] for i in self.todo]
        if getattr(self.engine, "needs_loaded_items", False):
            items = [_with_text(source) for source in items]
        computed = iter(self.engine.map(step, items))
        todo = set(self.todo)
        kept = 0
        if self.progress:
            self.progress("process", len(sources) - len(todo), len(sources))
        done = len(sources) - len(todo)
        try:
            for i, source in enumerate(sources):
                if i in todo:
                    processed = next(computed)
                else:
                    processed = store.get(self.keys[i]) if store else None
                    if processed is None:  # damaged since it was listed: recompute it here
                        processed = step(source)
                        todo.add(i)
                    else:
                        self.hits += 1
                if isinstance(processed, SeedError):
                    if self.rejects is None:
                        raise processed
                    self.rejects.append(processed)
                else:
                    if store and i in todo:
                        store.put(self.keys[i], processed)
                    kept += 1
                    yield processed
                if i in todo:
                    done += 1
                    if self.progress:
                        self.progress("process", done, len(sources))
        except BrokenProcessPool as err:
            raise BuildInterrupted("a worker process died (killed by the system, often for lack of memory); nothing was replaced; try fewer --jobs") from err
        finally:
            close = getattr(computed, "close", None)
            if close:
                close()
        if not kept:
            raise SeedError(sources[0].source_file if len(sources) == 1 else "seeds", "no-sources", "no document could be processed (all were rejected)")


def _with_text(source: SourceDocument) -> SourceDocument:
    """The source with its text read in, for an engine whose workers may not see the seeds folder; as it
    is when reading fails (the step then reports that failure at the document's turn)."""
    try:
        return source.loaded()
    except SeedError:
        return source


def process_all(
    sources: Sequence[SourceDocument],
    options: Options,
    engine: Engine,
    cache_dir: Path | None,
    progress: Progress | None = None,
    rejects: list[SeedError] | None = None,
    cache_read: bool = True,
) -> ProcessedStream:
    """The per-document step over every source (cached entries reused), as a stream in input order."""
    return ProcessedStream(sources, options, engine, cache_dir, progress, rejects, cache_read)


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


def _peak_rss_mb(who: str = "self") -> float:
    """Peak resident memory so far, in MB, of this process ("self") or of its largest finished worker
    process ("children": 0 when none ran)."""
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN if who == "children" else resource.RUSAGE_SELF).ru_maxrss / 1024


def _run_build(request: BuildRequest, progress: Progress | None) -> BuildResult:
    from corpus.card import render_card
    from corpus.metadata import write_metadata
    from corpus.stream import ShardTables

    seconds: dict[str, float] = {}
    peak: dict[str, float] = {}
    clock = time.perf_counter()
    with build_lock(request.out):
        recovered = recover(request.out)
        rejects: list[SeedError] | None = [] if request.skip_bad else None
        ignored: list[IgnoredFile] = []
        sources = sorted(read_seeds(request.seeds, rejects=rejects, ignored=ignored, keep_text=False), key=lambda s: s.doc_id)
        catalog = _catalog(request.seeds)
        seconds["read"] = time.perf_counter() - clock
        peak["read"] = _peak_rss_mb()

        engine = make_engine(request.engine, request.jobs, request.address)
        stream = process_all(sources, request.options, engine, request.cache_dir, progress, rejects, request.cache_read)
        if request.withhold_restricted:
            from corpus.withhold import restricted_documents, withhold_texts

            stream_to_write = withhold_texts(stream, restricted_documents(sources))
        else:
            stream_to_write = stream
        with staging_folder(request.out) as staging:
            clock = time.perf_counter()
            written = write_corpus(staging, stream_to_write, catalog)
            seconds["structure+enrich+link+write"] = time.perf_counter() - clock
            peak["structure+enrich+link+write"] = _peak_rss_mb()
            if _peak_rss_mb("children"):  # --jobs N: the pool has finished and its workers were reaped
                peak["workers"] = _peak_rss_mb("children")  # the largest worker
            tables = ShardTables(staging, written.rows)
            write_metadata(staging, tables)
            if rejects:
                (staging / "rejects.json").write_text(_rejects_json(rejects), encoding="utf-8")

            clock = time.perf_counter()
            failures = validate_build(staging)
            seconds["validate"] = time.perf_counter() - clock
            peak["validate"] = _peak_rss_mb()
            if failures:
                raise ValidationFailed(failures)

            clock = time.perf_counter()
            card = render_card(staging, tables, written.notes, command=request.command, seeds=request.seeds)
            (staging / "README.md").write_text(card, encoding="utf-8")
            findings = quality_findings(tables)
            seconds["card"] = time.perf_counter() - clock
            peak["card"] = _peak_rss_mb()
            publish(staging, request.out)
        if request.card_path is not None:
            replace_file(request.card_path, card)
    return BuildResult(
        out=request.out,
        rows=dict(written.rows),
        seconds=seconds,
        peak_rss_mb=peak,
        card_path=request.card_path,
        cache_hits=stream.hits,
        rejects=rejects or [],
        ignored=ignored,
        findings=findings,
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
