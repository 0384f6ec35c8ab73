"""The `corpus` command: exit codes, files written, one readable line per problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from corpus.cli import app

from .conftest import seed_folder

runner = CliRunner()


@pytest.fixture
def small_seeds(tmp_path) -> Path:
    return seed_folder(tmp_path, "000_388883cc602cf40d.txt")


def test_cli_build_then_validate(small_seeds, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "--seeds", str(small_seeds), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "documents" in result.output and "mentions" in result.output
    assert "no manifest" in result.output  # the warning reaches the user
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == sorted(
        ["documents", "sections", "footnotes", "figures", "entities", "mentions", "quantities", "citations", "paragraphs", "ner"]
    )
    assert (out / "README.md").read_text().startswith("---\n")
    result = runner.invoke(app, ["validate", str(out)])
    assert result.exit_code == 0, result.output


def test_cli_build_prints_timings_and_memory_on_one_line_each(small_seeds, tmp_path, monkeypatch):
    from rich.console import Console

    import corpus.cli

    monkeypatch.setattr(corpus.cli, "out", Console(width=40))  # narrower than either line
    result = runner.invoke(app, ["build", "--seeds", str(small_seeds), "--out", str(tmp_path / "out"), "--no-ner"])
    assert result.exit_code == 0, result.output
    for prefix in ("seconds: ", "peak RSS MB: "):
        (line,) = [line for line in result.output.splitlines() if line.startswith(prefix)]
        assert line.split(", ")[-1].startswith("card "), line


def test_cli_build_bad_seed_exits_2_naming_the_file(small_seeds, tmp_path):
    (small_seeds / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["build", "--seeds", str(small_seeds), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "empty.txt" in result.output and "empty" in result.output
    assert not (tmp_path / "out").exists()


def test_cli_validate_missing_folder_exits_2(tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path / "nope")])
    assert result.exit_code == 2


def test_cli_validate_reports_a_corrupted_build_and_exits_1(seeds_build, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(seeds_build, broken)
    table = pq.read_table(broken / "mentions")
    shard = next((broken / "mentions").glob("*.parquet"))
    starts = table.column("start").to_pylist()
    starts[0] = starts[0] + 1  # the surface text no longer matches the offsets
    pq.write_table(table.set_column(table.schema.get_field_index("start"), table.schema.field("start"), [starts]), shard)
    result = runner.invoke(app, ["validate", str(broken)])
    assert result.exit_code == 1
    assert "mentions.text" in result.output or "mentions.start" in result.output


def test_cli_validate_rejects_a_column_missing_from_the_contract(seeds_build, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(seeds_build, broken)
    shard = next((broken / "entities").glob("*.parquet"))
    pq.write_table(pq.read_table(shard).drop_columns(["aliases"]), shard)
    result = runner.invoke(app, ["validate", str(broken)])
    assert result.exit_code == 1
    assert "entities.aliases" in result.output and "missing" in result.output


def test_cli_no_arguments_shows_help():
    result = runner.invoke(app, [])
    assert "build" in result.output and "validate" in result.output


def test_cli_version_names_package_and_schema_versions():
    from corpus import __version__
    from corpus.contract import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"thinktank-corpus {__version__} (schema {version()})"


@pytest.mark.parametrize("command", [[], ["build"], ["validate"], ["schema", "export"]])
def test_cli_short_help_option_works_everywhere(command):
    result = runner.invoke(app, [*command, "-h"])
    assert result.exit_code == 0 and "Usage" in result.output


# --- scripts and CI: --json, stdout/stderr, one "not a build" rule, id prefixes, enum choices --------------


def _broken_copy(seeds_build: Path, tmp_path: Path) -> Path:
    broken = tmp_path / "broken"
    shutil.copytree(seeds_build, broken)
    table = pq.read_table(broken / "mentions")
    shard = next((broken / "mentions").glob("*.parquet"))
    starts = table.column("start").to_pylist()
    starts[0] += 1
    pq.write_table(table.set_column(table.schema.get_field_index("start"), table.schema.field("start"), [starts]), shard)
    return broken


def test_cli_validate_report_goes_to_stdout(seeds_build, tmp_path):
    result = runner.invoke(app, ["validate", str(_broken_copy(seeds_build, tmp_path))])
    assert result.exit_code == 1
    assert "mentions." in result.stdout and "failure(s)" in result.stdout  # `> report.txt` keeps the report
    assert "mentions." not in result.stderr


def test_cli_validate_json_lists_failures(seeds_build, tmp_path):
    import json

    result = runner.invoke(app, ["validate", "--json", str(_broken_copy(seeds_build, tmp_path))])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False and report["schema_version"]
    assert {"table", "column", "row_id", "reason"} == set(report["failures"][0])
    assert any(f["table"] == "mentions" for f in report["failures"])
    valid = json.loads(runner.invoke(app, ["validate", "--json", str(seeds_build)]).stdout)
    assert valid["valid"] is True and valid["failures"] == []


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory) -> Path:
    from tests.sample_build import write_sample_build

    folder = tmp_path_factory.mktemp("sample") / "build"
    folder.mkdir()
    write_sample_build(folder)
    return folder


def test_cli_stats_json_matches_the_tables(sample_build):
    import json

    result = runner.invoke(app, ["stats", "--json", str(sample_build)])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["rows"]["documents"] == pq.read_table(sample_build / "documents").num_rows
    assert summary["rows"]["mentions"] == pq.read_table(sample_build / "mentions").num_rows
    assert sorted(d["doc_id"] for d in summary["per_document"]) == sorted(pq.read_table(sample_build / "documents").column("doc_id").to_pylist())


def test_cli_eval_json_is_the_recorded_scores(seeds_build, tmp_path):
    import json

    from .conftest import REPO

    gold = [REPO / "tests/golden/quantities_seeds.json"]
    result = runner.invoke(app, ["eval", "--json", str(seeds_build), "--gold", str(gold[0]), "--write", str(tmp_path / "q.json")])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    recorded = json.loads((tmp_path / "q.json").read_text())
    assert printed["scores"] == recorded["seeds"]["result"]


@pytest.mark.parametrize("command", [["validate"], ["stats"], ["eval"], ["show", "x", "--build"]])
@pytest.mark.parametrize("make", ["missing", "empty", "foreign", "file"])
def test_cli_not_a_build_exits_2_from_every_command(tmp_path, command, make):
    folder = tmp_path / "f"
    if make == "empty":
        folder.mkdir()
    elif make == "foreign":
        folder.mkdir()
        (folder / "notes.txt").write_text("x")
    elif make == "file":
        folder.write_text("x")
    result = runner.invoke(app, [*command, str(folder)])
    assert result.exit_code == 2
    assert "[not-a-build]" in result.stderr and result.stderr.count("\n") == 1


def test_cli_show_accepts_an_unambiguous_prefix(sample_build):
    from corpus.write import read_table

    ids = sorted(read_table(sample_build, "documents").column("doc_id").to_pylist())
    prefix = next(i[:k] for i in ids for k in range(1, len(i)) if sum(j.startswith(i[:k]) for j in ids) == 1)
    full = next(i for i in ids if i.startswith(prefix))
    by_prefix = runner.invoke(app, ["show", prefix, "--build", str(sample_build)])
    assert by_prefix.exit_code == 0, by_prefix.output
    assert by_prefix.stdout == runner.invoke(app, ["show", full, "--build", str(sample_build)]).stdout


def test_cli_show_ambiguous_prefix_lists_candidates_and_exits_2(sample_build):
    from corpus.write import read_table

    ids = read_table(sample_build, "documents").column("doc_id").to_pylist()
    common = ids[0][: next(k for k in range(len(ids[0])) if any(len(i) <= k or i[k] != ids[0][k] for i in ids))]
    assert common, "the sample build's ids share a first character"
    result = runner.invoke(app, ["show", common, "--build", str(sample_build)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and all(i in result.stderr for i in ids)


@pytest.mark.parametrize("command", ["stats", "show"])
def test_cli_damaged_shard_gives_one_line(sample_build, tmp_path, command):
    damaged = tmp_path / "damaged"
    shutil.copytree(sample_build, damaged)
    shard = next((damaged / "sections").glob("*.parquet"))
    shard.write_bytes(shard.read_bytes()[: shard.stat().st_size // 2])
    args = ["stats", str(damaged)] if command == "stats" else ["show", "001", "--build", str(damaged)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "sections" in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.output


@pytest.mark.parametrize(("command", "choices"), [(["build"], "local|ray"), (["schema", "export"], "major|minor|patch")])
def test_cli_enum_options_list_their_choices(command, choices):
    result = runner.invoke(app, [*command, "--help"], terminal_width=200)
    assert choices in result.stdout


def test_cli_unknown_engine_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["build", "--engine", "spark", "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "spark" in result.output


def test_cli_build_prints_progress_lines_when_stderr_is_not_a_terminal(small_seeds, tmp_path, monkeypatch):
    import corpus.cli

    monkeypatch.setattr(corpus.cli, "PROGRESS_EVERY", 0.0)  # a line per document
    result = runner.invoke(app, ["build", "--no-ner", "--seeds", str(small_seeds), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "progress: documents 1/1" in result.stderr and "docs/s" in result.stderr
