"""The `corpus` command: thin typer commands over library functions. The only place that prints or exits.

Exit codes: 0 success/valid, 1 invalid data, 2 usage or input error (including a folder that is not a
build, `corpus.build_folder`). Reports go to stdout (with `--json`: one JSON document); errors, warnings
and progress go to stderr, so `corpus validate build > report.txt` keeps the report.
"""

from __future__ import annotations

import json
import signal
import sys
import warnings
from contextlib import contextmanager, nullcontext
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from corpus.engine import ENGINES
from corpus.errors import EXIT_INVALID, EXIT_OK, EXIT_USAGE, BuildInterrupted, CorpusError, ValidationFailed, printable
from corpus.progress_lines import ProgressLines

HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(help="Build, validate and inspect the think-tank corpus.", no_args_is_help=True, add_completion=False, context_settings=HELP_OPTIONS)
schema_app = typer.Typer(help="The committed schema contract in schema/.", no_args_is_help=True, context_settings=HELP_OPTIONS)
app.add_typer(schema_app, name="schema")

out = Console()
err = Console(stderr=True)

DEFAULT_SEEDS = Path("seeds")
DEFAULT_OUT = Path("build")
DATACARD = Path("datacard.md")
PROGRESS_EVERY = 5.0  # seconds between progress lines when stderr is not a terminal (CI, logs)
CACHE_DIR_NAME = "cache"  # inside the tool's state folder beside --out (corpus.output.STATE_DIR_NAME)


EngineName = Enum("EngineName", {name: name for name in ENGINES}, type=str)  # --help lists `corpus.engine.ENGINES`


class Bump(str, Enum):
    """Parts of the schema version `corpus schema export --bump` can raise."""

    major = "major"
    minor = "minor"
    patch = "patch"


def _print_json(data: object) -> None:
    """One JSON document on stdout (sorted keys, UTF-8), nothing else."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True, default=str) + "\n")


def _require_build(folder: Path) -> None:
    from corpus.build_folder import NotABuild, require_build

    try:
        require_build(folder)
    except NotABuild as error:
        _fail(error)


class _Terminated(BaseException):
    """SIGTERM (sent by CI, `timeout`, containers) handled like Ctrl-C: clean up, leave the last build."""


@contextmanager
def _sigterm_as_interrupt():
    def handler(signum, frame):  # noqa: ANN001, ARG001
        raise _Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (e.g. some test runners): nothing to install
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _say(label: str, style: str, message: object) -> None:
    """One line on stderr: a coloured label, then the message printed literally (no markup)."""
    err.print(f"[{style}]{label}[/{style}] " if label else "", escape(str(message)), sep="", highlight=False, soft_wrap=True)


def _fail(error: CorpusError) -> None:
    _say("error:", "red", error)
    if isinstance(error, ValidationFailed):
        for failure in error.failures:
            _say("", "", f"  {failure}")
    raise typer.Exit(error.exit_code)


def _version(value: bool) -> None:
    if value:
        from corpus import __version__
        from corpus.contract import version as schema_version

        out.print(f"thinktank-corpus {__version__} (schema {schema_version()})", highlight=False)
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the package and schema versions and exit.")] = False,
) -> None:
    """Build, validate and inspect the think-tank corpus."""


@app.command()
def build(
    seeds: Annotated[Path, typer.Option(help="Folder of source files (.txt, .pdf, .html) and manifest.yaml.")] = DEFAULT_SEEDS,
    out_dir: Annotated[Path, typer.Option("--out", help="Output folder (replaced atomically).")] = DEFAULT_OUT,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for the per-document step (engine ray: CPUs of the local Ray instance; ignored with --address).")] = 1,
    ner: Annotated[bool, typer.Option("--ner/--no-ner", help="Run statistical NER (off: structure and quantities only).")] = True,
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help="Reuse per-document results from .thinktank-corpus/cache/ beside OUT when source, code, models and schema are unchanged (--no-cache recomputes every document and refreshes its entry).")] = True,
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help="Skip unusable source files and list them in OUT/rejects.json instead of failing.")] = False,
    engine: Annotated[EngineName, typer.Option(help="Engine for the per-document step: local, or ray (needs thinktank-corpus[ray]).")] = EngineName("local"),
    address: Annotated[str | None, typer.Option(help="Ray cluster address (engine ray); default starts a local Ray instance.")] = None,
    withhold_restricted: Annotated[bool, typer.Option("--withhold-restricted", help="Leave out documents.text (and sections.text) of documents whose licence does not allow redistribution (rule: corpus.licences); offsets, hashes and every other table stay.")] = False,
) -> None:
    """Build every table from SEEDS into OUT (Parquet shards + dataset card)."""
    from corpus.build import BuildRequest, run_build
    from corpus.output import check_output_target, state_dir
    from corpus.pipeline import Options

    writes_datacard = out_dir == DEFAULT_OUT
    command = "corpus build" + ("" if ner else " --no-ner") + (" --withhold-restricted" if withhold_restricted else "")  # only options that change the content: no paths
    request = BuildRequest(
        seeds=seeds,
        out=out_dir,
        card_path=DATACARD if writes_datacard else None,
        jobs=jobs,
        options=Options(ner=ner),
        command=command,
        cache_dir=state_dir(out_dir) / CACHE_DIR_NAME,
        cache_read=cache,
        skip_bad=skip_bad,
        engine=engine.value,
        address=address,
        withhold_restricted=withhold_restricted,
    )
    try:
        check_output_target(out_dir, seeds)
    except CorpusError as error:
        _fail(error)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True)
        task = None
        try:
            with (bar if err.is_terminal else nullcontext()), _sigterm_as_interrupt():

                def report_bar(stage: str, done: int, total: int) -> None:
                    nonlocal task
                    if task is None:
                        task = bar.add_task("structuring and enriching documents", total=total)
                    bar.update(task, completed=done)

                report = report_bar if err.is_terminal else ProgressLines(lambda line: _say("progress:", "cyan", line), every=PROGRESS_EVERY)
                result = run_build(request, progress=report)
        except CorpusError as error:
            _print_warnings(caught)
            _fail(error)
        except KeyboardInterrupt:
            _fail(BuildInterrupted("interrupted (Ctrl-C): the previous build was left as it was", exit_code=130))
        except _Terminated:
            _fail(BuildInterrupted("terminated (SIGTERM): the previous build was left as it was", exit_code=143))
    _print_warnings(caught)
    for line in result.recovered:
        _say("recovered:", "yellow", line)
    summary = Table(title=f"built {out_dir}", show_edge=False)
    summary.add_column("table")
    summary.add_column("rows", justify="right")
    for name, count in result.rows.items():
        summary.add_row(name, str(count))
    out.print(summary)
    # one line each, never wrapped at the console width: benchmarks.run parses them
    out.print("seconds: " + ", ".join(f"{stage} {secs:.2f}" for stage, secs in result.seconds.items()), soft_wrap=True)
    out.print("peak RSS MB: " + ", ".join(f"{stage} {mb:.0f}" for stage, mb in result.peak_rss_mb.items()), soft_wrap=True)
    if request.cache_dir:
        out.print(f"cache: {result.cache_hits} of {result.rows['documents']} documents reused")
    for reject in result.rejects:
        _say("skipped:", "yellow", reject)
    if result.rejects:
        out.print(f"{len(result.rejects)} file(s) skipped, listed in {out_dir / 'rejects.json'}")
    for ignored in result.ignored:
        _say("ignored:", "yellow", f"{printable(ignored.name)}: {ignored.reason}")
    for finding in result.findings:
        _say("finding:", "yellow", finding)
    if result.findings:
        out.print(f"{len(result.findings)} quality finding(s) (not failures), listed in the card's known-defects section")
    if result.card_path:
        out.print(f"datacard written to {result.card_path}")


def _print_warnings(caught) -> None:
    for w in caught:
        if issubclass(w.category, UserWarning) and "corpus" in (w.filename or ""):
            _say("warning:", "yellow", w.message)


@app.command()
def validate(
    folder: Annotated[Path, typer.Argument(help="Build folder to check.")] = DEFAULT_OUT,
    as_json: Annotated[bool, typer.Option("--json", help='Print {"build", "valid", "schema_version", "failures": [{"table", "column", "row_id", "reason"}]} on stdout.')] = False,
) -> None:
    """Check a build against the committed schema contract; list every failure (on stdout)."""
    from corpus.contract import version as schema_version
    from corpus.validate import validate_build

    _require_build(folder)
    try:
        failures = validate_build(folder)
    except CorpusError as error:
        _fail(error)
    if as_json:
        _print_json({
            "build": str(folder),
            "valid": not failures,
            "schema_version": schema_version(),
            "failures": [{"table": f.table, "column": f.column, "row_id": f.row_id, "reason": f.reason} for f in failures],
        })
    elif failures:
        for failure in failures:
            out.print(f"  {failure}", highlight=False, markup=False, soft_wrap=True)
        out.print(f"invalid: {folder}: {len(failures)} failure(s)", highlight=False, markup=False, soft_wrap=True)
    else:
        out.print(f"valid: {folder} satisfies the contract in schema/", highlight=False, markup=False)
    if failures:
        raise typer.Exit(EXIT_INVALID)


DEFAULT_GOLD = [Path("tests/gold"), Path("tests/golden/quantities_seeds.json")]
QUALITY_FILE = Path("seeds/quality.json")


@app.command("eval")
def evaluate(
    folder: Annotated[Path, typer.Argument(help="Build folder to score.")] = DEFAULT_OUT,
    gold: Annotated[list[Path] | None, typer.Option(help="Gold file or folder (repeatable); default tests/gold and tests/golden/quantities_seeds.json.")] = None,
    write: Annotated[Path | None, typer.Option(help=f"Also record the scores in this JSON file ({QUALITY_FILE} feeds the datacard).")] = None,
    name: Annotated[str, typer.Option(help="Key under which --write records the scores (other keys are kept).")] = "seeds",
    description: Annotated[str, typer.Option(help="What was scored, recorded with the scores.")] = "The seed documents against the gold in tests/gold and tests/golden/quantities_seeds.json.",
    structure_gold: Annotated[Path | None, typer.Option("--structure-gold", help="Also score structure against this gold.json: report records (devset-real format: title, date, headings, notes, captions, furniture, must-contain) and news records (genre news, devset-news format: title, date, authors, language, boilerplate, must-contain, images); alone (without --gold) it scores structure only.")] = None,
    news_gold: Annotated[Path | None, typer.Option(help="Score only news structure against a devset-news gold.json (the news part of --structure-gold).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help='Print {"build", "scores", "news_documents"} on stdout: scores as recorded by --write, news_documents the per-page news scores.')] = False,
) -> None:
    """Score a build against gold: entities, mentions, quantities and footnote citations; with --structure-gold its structure."""
    from corpus.quality import evaluate_build, evaluate_structure_build, format_quality

    _require_build(folder)
    if news_gold is not None:
        from corpus.evaluate_news import format_news_scores, score_news_build, summarise

        if not news_gold.is_file():
            _say("error:", "red", f"gold not found: {news_gold}")
            raise typer.Exit(EXIT_USAGE)
        scores = score_news_build(folder, news_gold)
        if as_json:
            _print_json({"build": str(folder), "scores": {"news_structure": summarise(scores)}, "news_documents": [s.as_dict() for s in scores]})
        else:
            out.print(format_news_scores(scores), highlight=False, markup=False, soft_wrap=True)
        return
    paths = gold or ([] if structure_gold else DEFAULT_GOLD)
    missing = [p for p in [*paths, *([structure_gold] if structure_gold else [])] if not p.exists()]
    if missing:
        _say("error:", "red", f"gold not found: {', '.join(map(str, missing))}")
        raise typer.Exit(EXIT_USAGE)
    result = evaluate_build(folder, paths) if paths else {}
    news_scores = []
    if structure_gold:
        from corpus.evaluate_news import score_news_build, summarise

        result["structure"] = evaluate_structure_build(folder, structure_gold)
        news_scores = score_news_build(folder, structure_gold)
        if news_scores:
            result["news_structure"] = summarise(news_scores)
    if as_json:
        _print_json({"build": str(folder), "scores": result, "news_documents": [s.as_dict() for s in news_scores]})
    else:
        out.print(format_quality(result), highlight=False, markup=False, soft_wrap=True)
    if news_scores and not as_json:
        from corpus.evaluate_news import format_news_scores

        out.print(format_news_scores(news_scores), highlight=False, markup=False, soft_wrap=True)
    if write:
        try:
            recorded = json.loads(write.read_text(encoding="utf-8")) if write.exists() else {}
        except json.JSONDecodeError:
            recorded = {}
        recorded = recorded if isinstance(recorded, dict) and all(isinstance(v, dict) and "result" in v for v in recorded.values()) else {}
        recorded[name] = {"description": description, "result": result}
        write.write_text(json.dumps(recorded, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        _say("recorded:", "green", f"scores as {name!r} in {write}")


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id (see `corpus stats`), or an unambiguous start of one (`003`).")],
    folder: Annotated[Path, typer.Option("--build", help="Build folder.")] = DEFAULT_OUT,
) -> None:
    """Print a document's outline: metadata, heading tree with pages, footnotes, figures, top entities."""
    from corpus.inspect import document_outline

    _require_build(folder)
    try:
        out.print(document_outline(folder, doc_id), highlight=False, markup=False, soft_wrap=True)
    except CorpusError as error:
        _fail(error)


@app.command()
def stats(
    folder: Annotated[Path, typer.Argument(help="Build folder.")] = DEFAULT_OUT,
    as_json: Annotated[bool, typer.Option("--json", help='Print {"build", "rows", "distributions", "per_document"} on stdout (see corpus.inspect.stats_summary).')] = False,
) -> None:
    """Print table row counts and distributions of a build."""
    from corpus.inspect import format_stats, stats_summary

    _require_build(folder)
    try:
        summary = stats_summary(folder)
    except CorpusError as error:
        _fail(error)
    if as_json:
        _print_json(summary)
    else:
        out.print(format_stats(summary), highlight=False, markup=False, soft_wrap=True)


@schema_app.command("export")
def schema_export(
    folder: Annotated[Path, typer.Option(help="Where to write the contract.")] = Path("schema"),
    bump: Annotated[Bump | None, typer.Option(help="Bump schema/VERSION first.")] = None,
) -> None:
    """Regenerate the contract in schema/ from the record models; refuse a change the version does not allow."""
    from corpus.contract import ContractError, release

    try:
        new_version, changes = release(folder, bump.value if bump else None)
    except ContractError as error:
        _say("refused:", "red", error)
        raise typer.Exit(EXIT_INVALID)
    for change in changes:
        out.print(f"{change.table}.{change.column}: {change.what}" + (" (breaking)" if change.breaking else ""))
    out.print(f"{folder} exported at version {new_version}")


def main() -> None:
    try:
        app()
    except CorpusError as error:  # pragma: no cover - safety net
        err.print(f"error: {error}")
        sys.exit(error.exit_code)


if __name__ == "__main__":
    main()
