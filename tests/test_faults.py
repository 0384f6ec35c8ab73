"""Fault injection: a build killed at any stage, a full disk, a dead worker, SIGTERM, a damaged cache or
shard. The last good build always survives, the next build cleans up, and damage is reported, not published."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from corpus.build import BuildRequest, run_build
from corpus.cli import app
from corpus.errors import BuildInterrupted, OutputError
from corpus.output import STATE_DIR_NAME
from corpus.pipeline import Options
from corpus.validate import validate_build

from .conftest import REPO, SEEDS, file_digests, seed_folder

NO_NER = Options(ner=False)
SMALL = "002_12b8784aec2226cd.txt"
OTHER = "000_388883cc602cf40d.txt"

# Runs `corpus build` in a fresh interpreter with one function replaced by a hard kill (os._exit: no
# cleanup, no finally blocks), as a power cut or `kill -9` at that point would.
KILLER = textwrap.dedent(
    """
    import os, sys
    from corpus import build as b, output as o, card as c
    stage = sys.argv[1]
    def die(*args, **kwargs):
        os._exit(9)
    if stage == "read":
        b.read_seeds = die
    elif stage == "process":
        b.process_all = die
    elif stage == "write":
        real_write = b.write_corpus
        def write(*args):
            written = real_write(*args)
            die()
        b.write_corpus = write
    elif stage == "validate":
        b.validate_build = die
    elif stage == "card":
        c.render_card = die
    elif stage == "fsync":
        o.fsync_tree = die
    elif stage == "between-renames":
        o._exchange = lambda a, b: False
        real_replace = os.replace
        def replace(src, dst):
            if ".staging-" in str(src):  # the old build is already moved aside
                die()
            real_replace(src, dst)
        o.os.replace = replace
    elif stage == "after-exchange":
        real_exchange = o._exchange
        def exchange(a, b):
            if not real_exchange(a, b):
                raise SystemExit("renameat2 unavailable")
            die()
        o._exchange = exchange
    elif stage == "datacard":
        o.replace_file = die
        b.replace_file = die
    from corpus.cli import main
    sys.argv = ["corpus", "build", "--seeds", sys.argv[2], "--out", sys.argv[3], "--no-ner"]
    main()
    """
)
STAGES = ["read", "process", "write", "validate", "card", "fsync", "between-renames", "after-exchange", "datacard"]


def kill_build_at(stage: str, seeds: Path, out: Path) -> int:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", KILLER, stage, str(seeds), out.name], env=env, capture_output=True, cwd=out.parent, timeout=300)
    return done.returncode


@pytest.mark.parametrize("stage", STAGES)
def test_kill_at_any_stage_leaves_a_complete_build_and_the_next_build_cleans_up(tmp_path, stage):
    seeds = seed_folder(tmp_path, SMALL)
    out = tmp_path / "build"
    run_build(BuildRequest(seeds=seeds, out=out, options=NO_NER))
    before = file_digests(out)
    shutil.copy(SEEDS / OTHER, seeds)  # the killed build would publish two documents

    assert kill_build_at(stage, seeds, out) == 9
    if stage == "between-renames":  # the one moment with no folder: the next start rolls it back
        assert not out.exists()
    elif stage in ("after-exchange", "datacard"):  # the new build was published whole
        assert validate_build(out) == [] and file_digests(out) != before
    else:
        assert file_digests(out) == before

    (tmp_path / "again").mkdir()
    result = run_build(BuildRequest(seeds=seed_folder(tmp_path / "again", SMALL), out=out, options=NO_NER))
    assert validate_build(out) == [] and result.rows["documents"] == 1
    state = tmp_path / STATE_DIR_NAME
    assert sorted(p.name for p in state.iterdir() if p.is_dir()) in ([], ["cache"])
    assert sorted(p.name for p in tmp_path.iterdir()) == [STATE_DIR_NAME, "again", "build", "seeds"]
    if stage == "between-renames":
        assert result.recovered and "restored" in result.recovered[0]


def test_publish_flushes_every_file_before_the_rename(tmp_path, monkeypatch):
    from corpus import output

    seeds = seed_folder(tmp_path, SMALL)
    flushed: list[str] = []
    real_fsync = os.fsync
    monkeypatch.setattr(output.os, "fsync", lambda fd: (flushed.append(os.readlink(f"/proc/self/fd/{fd}")), real_fsync(fd))[1])
    renamed: list[int] = []
    real_rename = os.rename
    out = tmp_path / "build"
    # the publish is the rename onto `out` (shards are renamed inside the staging folder before it)
    monkeypatch.setattr(output.os, "rename", lambda a, b: (renamed.append(len(flushed)) if Path(b) == out else None, real_rename(a, b))[1])
    run_build(BuildRequest(seeds=seeds, out=out, options=NO_NER))
    shards = [p for p in flushed[: renamed[0]] if p.endswith(".parquet")]
    from corpus.records import TABLES

    assert len(shards) == len(TABLES) and any(p.endswith("README.md") for p in flushed[: renamed[0]])  # one shard per table


def test_disk_full_is_one_line_exit_2_and_the_previous_build_survives(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        seeds = seed_folder(tmp_path, SMALL)
        out = disk / "build"
        run_build(BuildRequest(seeds=seeds, out=out, options=NO_NER))
        before = file_digests(out)
        free = shutil.disk_usage(disk).free
        (disk / "filler").write_bytes(b"\0" * max(0, free - 20_000))
        result = CliRunner().invoke(app, ["build", "--seeds", str(seeds), "--out", str(out), "--no-ner"])
        assert result.exit_code == 2
        assert "no space left on the device" in result.output and "Traceback" not in result.output
        assert file_digests(out) == before
        assert [p.name for p in (disk / STATE_DIR_NAME).iterdir() if p.is_dir() and p.name != "cache"] == []
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_read_only_output_is_an_os_error_not_a_traceback(tmp_path, monkeypatch):
    import errno

    from corpus import build as build_module

    seeds = seed_folder(tmp_path, SMALL)

    def read_only(folder, processed, catalog):
        raise OSError(errno.EROFS, "Read-only file system", str(folder / "documents"))

    monkeypatch.setattr(build_module, "write_corpus", read_only)
    with pytest.raises(OutputError, match=r"read-only; nothing was replaced \[os-error\]"):
        run_build(BuildRequest(seeds=seeds, out=tmp_path / "build", options=NO_NER))


def _killed_by_the_system(source, options):
    os.kill(os.getpid(), 9)


def test_a_worker_killed_by_the_system_is_one_line(tmp_path, monkeypatch):
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("needs forked workers to inject the kill")
    from corpus import build as build_module

    monkeypatch.setattr(build_module, "process_or_reject", _killed_by_the_system)
    seeds = seed_folder(tmp_path, SMALL, OTHER)
    with pytest.raises(BuildInterrupted, match="worker process died"):
        run_build(BuildRequest(seeds=seeds, out=tmp_path / "build", options=NO_NER, jobs=2))


def test_sigterm_is_handled_like_ctrl_c(tmp_path):
    seeds = seed_folder(tmp_path, SMALL)
    out = tmp_path / "build"
    run_build(BuildRequest(seeds=seeds, out=out, options=NO_NER))
    before = file_digests(out)
    script = textwrap.dedent(
        """
        import os, signal, sys
        from corpus import build as b
        b.write_corpus = lambda *args: os.kill(os.getpid(), signal.SIGTERM)
        from corpus.cli import main
        sys.argv = ["corpus", "build", "--seeds", sys.argv[1], "--out", sys.argv[2], "--no-ner"]
        main()
        """
    )
    done = subprocess.run([sys.executable, "-c", script, str(seeds), str(out)], env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, timeout=300)
    assert done.returncode == 143
    assert "terminated (SIGTERM)" in done.stderr and "Traceback" not in done.stderr
    assert file_digests(out) == before
    assert [p for p in (tmp_path / STATE_DIR_NAME).iterdir() if p.is_dir() and p.name != "cache"] == []


def test_a_document_that_breaks_processing_is_a_reject_not_a_crash(tmp_path, monkeypatch):
    from corpus import pipeline

    real = pipeline.process_document

    def fragile(source, options):
        if source.source_file == OTHER:
            raise RecursionError("maximum recursion depth exceeded")
        return real(source, options)

    monkeypatch.setattr(pipeline, "process_document", fragile)
    seeds = seed_folder(tmp_path, SMALL, OTHER)
    from corpus.errors import SeedError

    with pytest.raises(SeedError, match=r"000_388883cc602cf40d.txt: processing failed \(RecursionError"):
        run_build(BuildRequest(seeds=seeds, out=tmp_path / "build", options=NO_NER))
    result = run_build(BuildRequest(seeds=seeds, out=tmp_path / "build", options=NO_NER, skip_bad=True))
    assert [(r.code, Path(r.path).name) for r in result.rejects] == [("processing-failed", OTHER)]
    assert result.rows["documents"] == 1


# --- the cache ----------------------------------------------------------------------------------------


def test_cache_entries_are_data_with_a_checksum_and_a_damaged_entry_is_recomputed(tmp_path):
    seeds = seed_folder(tmp_path, "003_b2e28905b3ba221b.txt")
    cache = tmp_path / "cache"
    clean, cached = tmp_path / "clean", tmp_path / "cached"
    run_build(BuildRequest(seeds=seeds, out=clean, options=NO_NER))
    run_build(BuildRequest(seeds=seeds, out=cached, options=NO_NER, cache_dir=cache))
    (entry,) = [p for p in cache.rglob("*") if p.is_file()]
    data = entry.read_bytes()
    assert b"pickle" not in data and b'"footnotes"' in data  # JSON, not a pickle
    at = data.index(b'"footnotes"') + 200  # one flipped bit inside a cached footnote
    entry.write_bytes(data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :])
    result = run_build(BuildRequest(seeds=seeds, out=cached, options=NO_NER, cache_dir=cache))
    assert result.cache_hits == 0
    assert file_digests(cached) == file_digests(clean)
    assert entry.read_bytes() == data  # rewritten intact


def test_no_cache_recomputes_and_refreshes_the_entry(tmp_path):
    seeds = seed_folder(tmp_path, SMALL)
    cache = tmp_path / "cache"
    run_build(BuildRequest(seeds=seeds, out=tmp_path / "b", options=NO_NER, cache_dir=cache))
    (entry,) = [p for p in cache.rglob("*") if p.is_file()]
    good = entry.read_bytes()
    entry.write_bytes(good.replace(b'"footnotes"', b'"footnotez"'))
    result = run_build(BuildRequest(seeds=seeds, out=tmp_path / "b", options=NO_NER, cache_dir=cache, cache_read=False))
    assert result.cache_hits == 0 and entry.read_bytes() == good


# --- damaged shards ------------------------------------------------------------------------------------


def damage(shard: Path, how: str) -> None:
    data = shard.read_bytes()
    if how == "truncated":
        shard.write_bytes(data[: len(data) // 2])
    elif how == "zero-bytes":
        shard.write_bytes(b"")
    elif how == "flipped-bit":
        at = len(data) // 3
        shard.write_bytes(data[:at] + bytes([data[at] ^ 0x10]) + data[at + 1 :])
    elif how == "rewritten-column":
        table = pq.read_table(shard)
        import pyarrow as pa

        column = table.column("value")
        table = table.set_column(table.schema.get_field_index("value"), table.schema.field("value"), pa.compute.multiply(column, 1000))
        pq.write_table(table, shard)


@pytest.mark.parametrize("how", ["truncated", "zero-bytes", "flipped-bit", "rewritten-column"])
def test_validate_reports_a_damaged_shard_with_exit_1(tmp_path, how):
    seeds = seed_folder(tmp_path, SMALL)
    out = tmp_path / "build"
    run_build(BuildRequest(seeds=seeds, out=out, options=NO_NER))
    (shard,) = (out / "quantities").glob("*.parquet")
    damage(shard, how)
    result = CliRunner().invoke(app, ["validate", str(out)])
    assert result.exit_code == 1, result.output
    assert "quantities" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("flip", range(0, 40))
def test_validate_catches_every_single_bit_flip(seeds_build, tmp_path, flip):
    out = tmp_path / "build"
    shutil.copytree(seeds_build, out)
    shards = sorted(out.rglob("*.parquet"))
    shard = shards[flip % len(shards)]
    data = shard.read_bytes()
    at = (flip * 7919) % len(data)
    shard.write_bytes(data[:at] + bytes([data[at] ^ (1 << (flip % 8))]) + data[at + 1 :])
    assert validate_build(out) != []


def test_validate_without_a_contract_could_not_run_exit_2(seeds_build, tmp_path, monkeypatch):
    from corpus import validate as validate_module

    monkeypatch.setattr(validate_module, "SCHEMA_DIR", tmp_path / "nowhere")
    monkeypatch.setattr(validate_module.validate_build, "__defaults__", (tmp_path / "nowhere",))
    result = CliRunner().invoke(app, ["validate", str(seeds_build)])
    assert result.exit_code == 2 and "contract" in result.output
