"""End to end: the seeds build into the published tables that pandas and `datasets` read, deterministically and atomically."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from corpus.build import BuildRequest, run_build
from corpus.errors import SeedError, ValidationFailed
from corpus.records import TABLES
from corpus.validate import validate_build

from .conftest import SEEDS, file_digests, seed_folder



def test_build_every_table_has_rows_and_loads_with_pandas(seeds_build):
    for name in TABLES:
        frame = pd.read_parquet(seeds_build / name)
        assert len(frame) > 0, f"{name} is empty"
        assert list(frame.columns) == list(TABLES[name].model_fields), name


def test_build_every_config_loads_with_datasets_offline(seeds_build, tmp_path, monkeypatch):
    datasets = pytest.importorskip("datasets")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    for name in TABLES:
        splits = datasets.load_dataset(str(seeds_build), name)  # paragraphs and ner: by document (test, train ...)
        assert "train" in splits and sum(len(ds) for ds in splits.values()) == len(pd.read_parquet(seeds_build / name)), name
        if "split" not in TABLES[name].model_fields:
            assert list(splits) == ["train"], name
    documents = datasets.load_dataset(str(seeds_build), "documents", split="train")
    assert documents.features["genre"].names == ["news", "report"]
    assert documents.features["n_chars"].dtype == "int64"
    assert documents.features["published_date"].dtype.startswith("date32")


def test_build_is_valid_against_the_committed_contract(seeds_build):
    assert validate_build(seeds_build) == []


def test_build_documents_carry_provenance(seeds_build):
    docs = pd.read_parquet(seeds_build / "documents").set_index("source_file")
    for path in sorted(SEEDS.glob("*.txt")):
        row = docs.loc[path.name]
        assert row.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert row.n_bytes == path.stat().st_size
    report = docs.loc["003_b2e28905b3ba221b.txt"]
    assert report.genre == "report" and report.publisher.startswith("Center for Strategic")
    origins = {o["field"]: o["origin"] for o in report.field_origins}
    assert origins["publisher"] == "curated"


def test_build_is_byte_identical_when_repeated(seeds_build, tmp_path):
    again = tmp_path / "again"
    run_build(BuildRequest(seeds=SEEDS, out=again))
    assert file_digests(again) == file_digests(seeds_build)


def test_build_with_two_jobs_gives_identical_output(seeds_build, tmp_path):
    parallel = tmp_path / "parallel"
    run_build(BuildRequest(seeds=SEEDS, out=parallel, jobs=2))
    assert file_digests(parallel) == file_digests(seeds_build)


@pytest.fixture
def small_seeds(tmp_path) -> Path:
    return seed_folder(tmp_path, "002_12b8784aec2226cd.txt")


def test_build_failure_leaves_previous_build_and_card_untouched(small_seeds, tmp_path):
    out = tmp_path / "build"
    card = tmp_path / "datacard.md"
    with pytest.warns(UserWarning):
        run_build(BuildRequest(seeds=small_seeds, out=out, card_path=card))
    before, card_before = file_digests(out), card.read_bytes()
    (small_seeds / "broken.txt").write_bytes(b"\x00\x01binary")
    with pytest.raises(SeedError), pytest.warns(UserWarning):
        run_build(BuildRequest(seeds=small_seeds, out=out, card_path=card))
    assert file_digests(out) == before
    assert card.read_bytes() == card_before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".build")] in ([], [".build.lock"])


def test_build_validation_failure_keeps_previous_build(small_seeds, tmp_path, monkeypatch):
    out = tmp_path / "build"
    with pytest.warns(UserWarning):
        run_build(BuildRequest(seeds=small_seeds, out=out))
    before = file_digests(out)
    from corpus import build as build_module
    from corpus.validate import Failure

    monkeypatch.setattr(build_module, "validate_build", lambda folder: [Failure("documents", "text", "x", "forced")])
    with pytest.raises(ValidationFailed), pytest.warns(UserWarning):
        run_build(BuildRequest(seeds=small_seeds, out=out))
    assert file_digests(out) == before


def test_build_interrupted_mid_write_keeps_previous_build(small_seeds, tmp_path, monkeypatch):
    out = tmp_path / "build"
    with pytest.warns(UserWarning):
        run_build(BuildRequest(seeds=small_seeds, out=out))
    before = file_digests(out)
    from corpus import build as build_module

    def interrupted(folder, processed, catalog):
        (folder / "documents").mkdir()
        (folder / "documents" / "partial.parquet").write_bytes(b"PAR1")
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "write_corpus", interrupted)
    with pytest.raises(KeyboardInterrupt), pytest.warns(UserWarning):
        run_build(BuildRequest(seeds=small_seeds, out=out))
    assert file_digests(out) == before
    assert not any(p.name.startswith(".build-staging") for p in tmp_path.iterdir())


def test_build_lock_refuses_a_concurrent_build(small_seeds, tmp_path):
    from corpus.errors import BuildLockedError
    from corpus.output import build_lock

    out = tmp_path / "build"
    with build_lock(out), pytest.raises(BuildLockedError, match="another build"):
        run_build(BuildRequest(seeds=small_seeds, out=out))


def test_build_identical_across_hash_seeds_and_processes(seeds_build, tmp_path):
    """Separate processes with different PYTHONHASHSEED (set and dict order) give the same bytes."""
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"hash-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "corpus", "build", "--seeds", str(SEEDS), "--out", str(out), "--no-cache"], check=True, env=env, capture_output=True)
        outs.append(file_digests(out))
    assert outs[0] == outs[1] == file_digests(seeds_build)


def test_build_hostile_title_cannot_break_the_card(small_seeds, tmp_path):
    """A title with YAML and Markdown syntax, HTML and a newline stays text in the card."""
    import yaml

    hostile = "---\ntitle: | pwned\n<script>alert(1)</script> | cell | `code`"
    (small_seeds / "manifest.yaml").write_text(
        yaml.safe_dump({"documents": [{"file": "002_12b8784aec2226cd.txt", "genre": "news", "title": hostile}]}), encoding="utf-8"
    )
    out = tmp_path / "out"
    run_build(BuildRequest(seeds=small_seeds, out=out))
    card = (out / "README.md").read_text(encoding="utf-8")
    _, front, body = card.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert {c["config_name"] for c in meta["configs"]} == set(TABLES)
    assert "<script>" not in body
    assert pd.read_parquet(out / "documents").title[0] == hostile  # the data keeps the title as it is


def test_build_rejects_a_50_mb_file_without_newline(small_seeds, tmp_path):
    (small_seeds / "huge.txt").write_bytes(b"a" * (50 * 1024 * 1024))
    with pytest.raises(SeedError, match="huge.txt.*characters long"):
        run_build(BuildRequest(seeds=small_seeds, out=tmp_path / "out"))
    assert not (tmp_path / "out").exists()
