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
