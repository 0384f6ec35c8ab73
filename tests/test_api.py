"""The reader's API and the typed shards: corpus.load / validate / features, HF features in every shard,
the paragraphs and ner configs, and the README's Python examples run against a small build."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import corpus
from corpus.contract import load_pandera_contract
from corpus.records import NER_TAG_NAMES, TABLES
from corpus.schema import HF_METADATA_KEY
from tests.conftest import REPO, file_digests
from tests.sample_build import write_sample_build

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("api") / "build"
    tables, processed = write_sample_build(folder)
    from corpus.card import render_card

    (folder / "README.md").write_text(render_card(folder, tables, processed), encoding="utf-8")
    return folder


@pytest.mark.parametrize("table", list(TABLES))
def test_api_load_gives_frames_the_committed_pandera_schema_accepts(build, table):
    frame = corpus.load(build, table)
    assert len(frame) == pq.read_table(build / table).num_rows
    load_pandera_contract()[table].validate(frame, lazy=True)


def test_api_load_keeps_nullable_integers_integers(build):
    sections = corpus.load(build, "sections")
    assert str(sections["page_start"].dtype) == "Int64" and str(sections["level"].dtype) == "Int64"


def test_api_load_reads_one_split_and_refuses_unknown_tables(build):
    paragraphs = corpus.load(build, "paragraphs")
    train = corpus.load(build, "paragraphs", split="train")
    assert set(train["split"]) == {"train"} and len(train) == (paragraphs["split"] == "train").sum()
    assert len(corpus.load(build, "paragraphs", split="validation")) == (paragraphs["split"] == "validation").sum()
    with pytest.raises(ValueError, match="unknown table"):
        corpus.load(build, "nope")


def _with_first_ner_tags(build: Path, copy: Path, tags) -> list[str]:
    """Failures of a copy of the build whose first ner row has the tag ids `tags(n_tokens)`."""
    import shutil

    import pyarrow as pa

    shutil.copytree(build, copy)
    shard = sorted((copy / "ner").glob("*.parquet"))[0]
    table = pq.read_table(shard)
    rows = table.to_pylist()
    rows[0]["ner_tags"] = tags(len(rows[0]["tokens"]))
    pq.write_table(pa.Table.from_pylist(rows, schema=table.schema), shard)
    (copy / "croissant.json").unlink()
    (copy / "datapackage.json").unlink()
    return [str(f) for f in corpus.validate(copy)]


def test_api_validate_reports_a_broken_paragraph(build, tmp_path):
    assert corpus.validate(build) == []
    failures = _with_first_ner_tags(build, tmp_path / "b", lambda n: [NER_TAG_NAMES.index("B-ORG")] * n)
    assert any(f.startswith("ner.ner_tags [") and "mentions" in f for f in failures), failures


@pytest.mark.parametrize("bad", [-1, len(NER_TAG_NAMES)])
def test_api_validate_reports_a_tag_id_out_of_range(build, tmp_path, bad):
    failures = _with_first_ner_tags(build, tmp_path / "b", lambda n: [bad] * n)
    assert any(f.startswith("ner.ner_tags [") and f"tag id {bad} " in f for f in failures), failures


def test_api_validate_reports_null_ner_tags(build, tmp_path):
    """The Arrow field is nullable (for datasets), the contract still refuses a null."""
    failures = _with_first_ner_tags(build, tmp_path / "b", lambda n: None)
    assert any(f.startswith("ner.ner_tags [") and "not_nullable" in f for f in failures), failures


@pytest.mark.parametrize("table", list(TABLES))
def test_api_every_shard_carries_the_tables_hf_features(build, table):
    import datasets

    for shard in sorted((build / table).glob("*.parquet")):
        metadata = pq.read_schema(shard).metadata
        written = json.loads(metadata[HF_METADATA_KEY])["info"]["features"]
        assert written == corpus.features(table).to_dict()  # exactly what datasets writes
        features = datasets.Features.from_dict(written)
        assert features == corpus.features(table)
        assert list(features) == list(TABLES[table].model_fields)


def test_api_features_hold_class_labels():
    import datasets

    assert isinstance(corpus.features("mentions")["label"], datasets.ClassLabel)
    assert corpus.features("mentions")["label"].names == ["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "LAW", "PRODUCT"]
    tags = corpus.features("ner")["ner_tags"]
    assert isinstance(tags, datasets.List) and isinstance(tags.feature, datasets.ClassLabel) and tags.feature.names[0] == "O"
    assert isinstance(corpus.features("paragraphs")["kind"], datasets.ClassLabel)


def test_api_bare_shards_give_class_labels_only_where_labels_are_stored_as_ids(build, tmp_path):
    """ner.ner_tags holds ids, so bare shards give ClassLabels; reference labels stay strings (the contract)."""
    import datasets

    def bare(table: str):
        return datasets.load_dataset("parquet", data_files=str(build / table / "*.parquet"), split="train", cache_dir=str(tmp_path)).features

    tags = bare("ner")["ner_tags"]
    assert isinstance(tags, datasets.List) and isinstance(tags.feature, datasets.ClassLabel) and tags.feature.names == list(NER_TAG_NAMES)
    assert bare("ner")["split"] == datasets.Value("string")
    assert bare("paragraphs")["kind"] == bare("paragraphs")["split"] == bare("mentions")["label"] == datasets.Value("string")


def _skip_empty(build: Path, table: str) -> None:
    if pq.read_table(build / table).num_rows == 0:
        pytest.skip(f"{table} is empty in the sample build (datasets cannot read a shard without rows)")


@pytest.mark.parametrize("table", list(TABLES))
def test_api_bare_shards_load_with_their_features(build, table, tmp_path):
    import datasets

    _skip_empty(build, table)
    ds = datasets.load_dataset("parquet", data_files=str(build / table / "*.parquet"), split="train",
                               features=corpus.features(table), cache_dir=str(tmp_path))
    assert ds.num_rows == pq.read_table(build / table).num_rows


@pytest.mark.parametrize("table", list(TABLES))
def test_api_every_config_loads_offline_with_a_train_split(build, table, tmp_path):
    import datasets

    _skip_empty(build, table)
    ds = datasets.load_dataset(str(build), table, cache_dir=str(tmp_path))
    assert "train" in ds
    assert sum(d.num_rows for d in ds.values()) == pq.read_table(build / table).num_rows
    if table in ("paragraphs", "ner"):
        assert all({d.features["split"].int2str(v) for v in d["split"]} == {name} for name, d in ds.items())


def test_api_rewrite_is_byte_identical(build, tmp_path):
    write_sample_build(tmp_path / "again")
    ours = {k: v for k, v in file_digests(build).items() if k != "README.md"}
    assert ours == file_digests(tmp_path / "again")


def _readme_python_blocks() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Using the corpus") : text.index("\n## ", text.index("## Using the corpus") + 1)]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def test_api_readme_has_python_examples():
    blocks = _readme_python_blocks()
    assert len(blocks) >= 3 and any("corpus.load(" in b for b in blocks) and any('"ner"' in b for b in blocks)


@pytest.mark.parametrize("index", range(len(_readme_python_blocks())))
def test_api_readme_examples_run_against_a_build(build, index, monkeypatch, tmp_path):
    monkeypatch.chdir(build.parent)
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path))
    exec(compile(_readme_python_blocks()[index], f"README.md python block {index}", "exec"), {})


def test_api_split_tables_write_one_shard_group_per_split_and_the_card_lists_them(tmp_path):
    from corpus.card import dataset_configs
    from corpus.derive import split_of
    from corpus.derive.paragraphs import paragraph_records
    from corpus.write import write_table
    from tests.test_paragraphs import _doc

    ids = {}
    for i in range(100):
        ids.setdefault(split_of(f"doc-{i}"), f"doc-{i}")
    paragraphs = [p for split in ("test", "train", "validation") for p in paragraph_records(_doc("One.\n\nTwo.", doc_id=ids[split]), [], [], [])]
    names = sorted(p.name for p in write_table(tmp_path, TABLES["paragraphs"], paragraphs))
    assert names == ["test-00000-of-00001.parquet", "train-00000-of-00001.parquet", "validation-00000-of-00001.parquet"]
    for name in names:
        assert {r["doc_id"] for r in pq.read_table(tmp_path / "paragraphs" / name).to_pylist()} == {ids[name.split("-")[0]]}
    configs, _ = dataset_configs({name: 0 for name in TABLES}, tmp_path)
    files = {c["config_name"]: c["data_files"] for c in configs}
    assert files["documents"] == [{"split": "train", "path": "documents/*.parquet"}]
    assert files["paragraphs"] == [{"split": s, "path": f"paragraphs/{s}-*.parquet"} for s in ("train", "validation", "test")]
