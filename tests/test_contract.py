"""The committed schema contract: generated from the code, versioned, and breaking changes refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from corpus.contract import (
    SCHEMA_DIR,
    ContractError,
    check_version,
    compare,
    drift,
    load_arrow_contract,
    load_pandera_contract,
    release,
    required_bump,
    version,
)
from corpus.records import TABLES
from corpus.schema import arrow_schema


def test_contract_committed_schema_matches_code():
    assert drift() == [], "schema/ is stale: run `corpus schema export` (with --bump if the change needs one)"


def test_contract_version_is_consistent_with_history():
    assert check_version() == []


def test_contract_arrow_files_reload_to_the_code_schema():
    loaded = load_arrow_contract()
    for name, model in TABLES.items():
        assert loaded[name].equals(arrow_schema(model).remove_metadata()), name


def test_contract_pandera_files_reload_with_their_checks():
    schemas = load_pandera_contract()
    mentions = schemas["mentions"]
    assert mentions.strict is True
    assert mentions.columns["mention_id"].unique
    assert any("isin" in str(c) for c in mentions.columns["label"].checks)


@pytest.fixture
def schema_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, folder)
    return folder


def _edit_released(folder: Path, edit) -> None:
    path = folder / "history" / f"{version(folder)}.json"
    snap = json.loads(path.read_text())
    edit(snap)
    path.write_text(json.dumps(snap))


def test_contract_breaking_change_is_refused_without_major_bump(schema_copy):
    # The released contract had a column the code no longer has: a removal, which is breaking.
    _edit_released(schema_copy, lambda s: s["tables"]["documents"].append({"name": "legacy", "type": "string", "nullable": True, "description": ""}))
    with pytest.raises(ContractError, match="major"):
        release(schema_copy)
    with pytest.raises(ContractError, match="not enough"):
        release(schema_copy, "minor")
    new_version, changes = release(schema_copy, "major")
    assert new_version.split(".")[0] == str(int(version(SCHEMA_DIR).split(".")[0]) + 1)
    assert any(c.breaking and c.column == "legacy" for c in changes)
    assert "legacy" in (schema_copy / "CHANGELOG.md").read_text()


def test_contract_stale_version_is_reported(schema_copy):
    _edit_released(schema_copy, lambda s: s["tables"]["entities"].pop())
    problems = check_version(schema_copy)
    assert problems and "different contract" in problems[0]


def test_contract_added_column_needs_minor_bump(schema_copy):
    _edit_released(schema_copy, lambda s: s["tables"]["quantities"].pop())  # the code added the last column
    with pytest.raises(ContractError, match="minor"):
        release(schema_copy)
    assert release(schema_copy, "minor")[0].endswith(".0") and version(schema_copy) != version(SCHEMA_DIR)


@pytest.mark.parametrize(
    ("before", "after", "bump"),
    [
        ({"type": "int64", "nullable": False}, {"type": "string", "nullable": False}, "major"),
        ({"type": "int64", "nullable": True}, {"type": "int64", "nullable": False}, "major"),
        ({"type": "int64", "nullable": False}, {"type": "int64", "nullable": False}, "none"),
    ],
)
def test_contract_compare_classifies_changes(before, after, bump):
    old = {"t": [{"name": "c", **before}]}
    new = {"t": [{"name": "c", **after}]}
    assert required_bump(compare(old, new)) == bump


def test_contract_removed_label_is_breaking():
    fields = {"t": [{"name": "label", "type": "string", "nullable": False}]}
    changes = compare(fields, fields, {"t": {"label": ["ORG", "PERSON"]}}, {"t": {"label": ["ORG"]}})
    assert required_bump(changes) == "major"


def test_contract_label_id_columns_are_class_labels_with_a_nullable_arrow_field_and_a_range_check():
    """A LabelIds int (scalar or list item) is a ClassLabel over its names, stored as int64 in a nullable
    Arrow field (what `datasets` keeps from the shard metadata) while the contract refuses nulls."""
    from typing import ClassVar

    import datasets
    import pandas as pd
    import pandera.errors

    from corpus.records import NER_TAG_NAMES, NerTagId, Record
    from corpus.schema import columns, datasets_features, pandera_schema

    class Tagged(Record):
        table: ClassVar[str] = "tagged"
        tag: NerTagId
        tags: list[NerTagId]

    for c in columns(Tagged):
        assert c.vocabulary == NER_TAG_NAMES and c.label_ids and c.arrow_nullable and not c.nullable
    features = datasets_features(Tagged)
    assert features["tag"] == datasets.ClassLabel(names=list(NER_TAG_NAMES))
    assert features["tags"] == datasets.List(datasets.ClassLabel(names=list(NER_TAG_NAMES)))
    for name in ("tag", "tags"):  # the test `datasets.Features.from_arrow_schema` makes to keep a metadata feature
        assert features.arrow_schema.field(name) == arrow_schema(Tagged).field(name)
    schema = pandera_schema(Tagged)
    schema.validate(pd.DataFrame({"tag": pd.array([0, len(NER_TAG_NAMES) - 1], dtype="Int64"), "tags": [[0], [1, 2]]}))
    for bad in ([len(NER_TAG_NAMES), 0], [None, 0]):
        with pytest.raises(pandera.errors.SchemaError):
            schema.validate(pd.DataFrame({"tag": pd.array(bad, dtype="Int64"), "tags": [[0], [1]]}))
