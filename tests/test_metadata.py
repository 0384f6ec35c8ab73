"""croissant.json and datapackage.json: structure, determinism, and validation by mlcroissant / frictionless."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from corpus.metadata import CROISSANT_NAME, DATAPACKAGE_NAME, FOREIGN_KEYS, output_files, write_metadata
from corpus.records import TABLES
from tests.sample_build import sample_tables, write_sample_build

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("build")
    tables, _ = write_sample_build(folder)
    return folder, tables


def test_metadata_croissant_describes_every_table_with_checksums(build):
    folder, tables = build
    data = json.loads((folder / CROISSANT_NAME).read_text(encoding="utf-8"))
    assert data["conformsTo"] == "http://mlcommons.org/croissant/1.1"
    files = {f["@id"]: f for f in data["distribution"]}
    for f in output_files(folder):
        assert files[f.path]["sha256"] == f.sha256 and files[f.path]["contentUrl"] == f.path
    record_sets = {r["@id"]: r for r in data["recordSet"]}
    assert list(record_sets) == list(TABLES)
    for name, model in TABLES.items():
        fields = {f["name"]: f for f in record_sets[name]["field"]}
        assert list(fields) == list(model.model_fields)
    assert record_sets["documents"]["field"][5]["cr:isArray"] is True  # authors
    origins = next(f for f in record_sets["documents"]["field"] if f["name"] == "field_origins")
    assert [s["name"] for s in origins["subField"]] == ["field", "origin"]
    mention_entity = next(f for f in record_sets["mentions"]["field"] if f["name"] == "entity_id")
    assert mention_entity["references"] == {"field": {"@id": "entities/entity_id"}}


def test_metadata_datapackage_has_keys_and_constraints(build):
    folder, _ = build
    data = json.loads((folder / DATAPACKAGE_NAME).read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in data["resources"]}
    assert list(resources) == list(TABLES)
    for name, model in TABLES.items():
        schema = resources[name]["schema"]
        assert schema["primaryKey"] == list(model.key)
        assert [f["name"] for f in schema["fields"]] == list(model.model_fields)
    fks = {(r["name"], fk["fields"]) for r in data["resources"] for fk in r["schema"].get("foreignKeys", [])}
    assert fks == {(fk.table, fk.column) for fk in FOREIGN_KEYS}
    genre = next(f for f in resources["documents"]["schema"]["fields"] if f["name"] == "genre")
    assert genre["constraints"]["enum"] == ["news", "report"]
    authors = next(f for f in resources["documents"]["schema"]["fields"] if f["name"] == "authors")
    assert authors["type"] == "any" and authors["arrowType"] == "list<string>"


def test_metadata_is_deterministic_and_relative(build, tmp_path):
    folder, tables = build
    other = tmp_path / "again"
    write_sample_build(other)
    for name in (CROISSANT_NAME, DATAPACKAGE_NAME):
        text = (folder / name).read_text(encoding="utf-8")
        assert text == (other / name).read_text(encoding="utf-8")
        assert str(folder) not in text and "/tmp/" not in text


def test_metadata_croissant_validates_and_loads_with_mlcroissant(build):
    mlc = pytest.importorskip("mlcroissant")
    folder, tables = build
    dataset = mlc.Dataset(jsonld=str(folder / CROISSANT_NAME))
    assert not dataset.metadata.issues.errors
    for name in TABLES:
        records = list(dataset.records(record_set=name))
        assert len(records) == len(getattr(tables, name)), name
    first = next(iter(dataset.records(record_set="documents")))
    assert first["documents/doc_id"] == b"001_report"
    assert first["documents/authors"] == [b"Samm Sacks"]
    assert first["documents/field_origins"][0]["documents/field_origins/field"] == b"authors"


def test_metadata_croissant_load_detects_a_changed_shard(build, tmp_path):
    mlc = pytest.importorskip("mlcroissant")
    import shutil

    folder, tables = build
    copy = tmp_path / "tampered"
    shutil.copytree(folder, copy)
    shard = copy / "entities" / "train-00000-of-00001.parquet"
    table = pq.read_table(shard)
    pq.write_table(table.slice(0, 1), shard)
    with pytest.raises(Exception):
        list(mlc.Dataset(jsonld=str(copy / CROISSANT_NAME)).records(record_set="entities"))


def test_metadata_datapackage_validates_with_frictionless(build):
    frictionless = pytest.importorskip("frictionless")
    folder, _ = build
    report = frictionless.validate(str(folder / DATAPACKAGE_NAME))
    assert report.valid, [(t.name, [(e.type, e.field_name, e.cell) for e in t.errors]) for t in report.tasks if not t.valid]


def test_metadata_frictionless_catches_a_broken_foreign_key(tmp_path):
    frictionless = pytest.importorskip("frictionless")
    import pyarrow as pa

    folder = tmp_path / "build"
    tables, _ = write_sample_build(folder)
    shard = folder / "quantities" / "train-00000-of-00001.parquet"
    table = pq.read_table(shard)
    doc_ids = table["doc_id"].to_pylist()
    doc_ids[0] = "zzz_unknown"
    pq.write_table(table.set_column(table.schema.get_field_index("doc_id"), table.schema.field("doc_id"), pa.array(doc_ids)), shard)
    report = frictionless.validate(str(folder / DATAPACKAGE_NAME))
    assert not report.valid
    errors = [e.type for t in report.tasks for e in t.errors]
    assert "foreign-key" in errors


def test_metadata_write_metadata_on_an_empty_build(tmp_path):
    from corpus.pipeline import Tables
    from corpus.write import write_tables

    write_tables(tmp_path, Tables())
    write_metadata(tmp_path, Tables())
    data = json.loads((tmp_path / CROISSANT_NAME).read_text(encoding="utf-8"))
    assert "inLanguage" not in data and len(data["recordSet"]) == len(TABLES)
