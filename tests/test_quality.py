"""`corpus eval`: gold files of every shape load, quantities match by value and surface, recorded scores are current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus.cli import app
from corpus.quality import _quantity_matches, evaluate_build, load_gold

from .conftest import REPO

QUALITY = REPO / "seeds" / "quality.json"
SEED_GOLD = [REPO / "tests" / "gold", REPO / "tests" / "golden" / "quantities_seeds.json"]


def test_quality_load_gold_reads_all_three_shapes(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"seed": "A Doc.txt", "entities": [{"name": "X", "type": "ORG", "mentions": ["X"]}]}))
    (tmp_path / "many.json").write_text(json.dumps({"documents": [{"file": "a-doc.txt", "quantities": [{"text": "5 ships", "value": 5, "unit": "ships"}]}]}))
    (tmp_path / "list.json").write_text(json.dumps([{"file": "b.txt", "language": "fr", "entities": [], "quantities": []}]))
    gold = load_gold([tmp_path])
    assert set(gold.entities) == {"a-doc", "b"}
    assert gold.quantities["a-doc"][0]["value"] == 5
    assert gold.languages == {"b": "fr"}


@pytest.mark.parametrize(
    ("pred", "gold", "match"),
    [
        ({"text": "over 30 percent", "value": 30.0}, {"text": "30 percent", "value": 30}, True),
        ({"text": "$4.3 billion", "value": 4.3e9}, {"text": "$4.3 billion", "value": 4300000000}, True),
        ({"text": "10-20 km", "value": 10.0}, {"text": "10-20 km", "value": [10, 20]}, True),
        ({"text": "30 percent", "value": 30.0}, {"text": "40 percent", "value": 40}, False),
        ({"text": "30 experts", "value": 30.0}, {"text": "30 percent", "value": 30}, False),
    ],
)
def test_quality_quantity_match_needs_value_and_overlapping_surface(pred, gold, match):
    assert _quantity_matches(pred, gold) is match


def test_quality_perfect_on_gold_built_from_the_build_itself(seeds_build, tmp_path):
    import pandas as pd

    mentions = pd.read_parquet(seeds_build / "mentions")
    entities = pd.read_parquet(seeds_build / "entities").set_index("entity_id")
    body = mentions[(mentions.field == "body") & mentions.parent_id.isna()]  # eval scores top-level mentions; nested ones are inside them
    docs = pd.read_parquet(seeds_build / "documents").set_index("doc_id")
    records = []
    for doc_id, rows in body.groupby("doc_id"):
        ents = [
            {"name": entities.loc[eid, "name"], "type": entities.loc[eid, "label"], "mentions": list(group.text)}
            for eid, group in rows.groupby("entity_id")
        ]
        records.append({"file": docs.loc[doc_id, "source_file"], "entities": ents})
    (tmp_path / "gold.json").write_text(json.dumps(records))
    result = evaluate_build(seeds_build, [tmp_path / "gold.json"])
    overall = result["entities"]["overall"]
    assert overall["entities"]["f1"] == pytest.approx(1.0, abs=0.02)  # NORP is not scored; near-perfect
    assert overall["mentions"]["f1"] == pytest.approx(1.0, abs=0.02)


def test_quality_recorded_seed_scores_are_current(seeds_build):
    """seeds/quality.json (shown in the datacard) must be what `corpus eval` gives on this code's build."""
    recorded = json.loads(QUALITY.read_text(encoding="utf-8"))["seeds"]["result"]
    assert evaluate_build(seeds_build, SEED_GOLD) == recorded, "stale: run `corpus build && corpus eval build --write seeds/quality.json` and rebuild"


def test_quality_seed_targets_met(seeds_build):
    result = evaluate_build(seeds_build, SEED_GOLD)
    for language, scores in result["entities"]["by_language"].items():
        assert scores["entities"]["f1"] >= 0.90, language
    assert result["quantities"]["overall"]["f1"] >= 0.90


def test_quality_cli_records_scores_under_a_name(seeds_build, tmp_path):
    target = tmp_path / "quality.json"
    target.write_text(json.dumps({"other": {"description": "kept", "result": {}}}))
    result = CliRunner().invoke(app, ["eval", str(seeds_build), "--write", str(target), "--name", "mine", *sum((["--gold", str(p)] for p in SEED_GOLD), [])])
    assert result.exit_code == 0, result.output
    recorded = json.loads(target.read_text())
    assert set(recorded) == {"other", "mine"}
    assert recorded["mine"]["result"]["documents_scored"]


def test_quality_cli_missing_gold_exits_2(seeds_build, tmp_path):
    result = CliRunner().invoke(app, ["eval", str(seeds_build), "--gold", str(tmp_path / "nope.json")])
    assert result.exit_code == 2
