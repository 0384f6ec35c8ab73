"""Entity quality on the shared development set (/work/shared/devset): per-document distinct-entity F1
floors, set a little below the scores reached when the rules were written. Skipped without the devset."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.quality import evaluate_build

DEVSET = Path("/work/shared/devset")
FLOORS = {
    "200_satellite_spectrum_africa": 0.90,  # reached 0.937 (spurious: table-cell places, "Selected Countries", "Earth")
    "201_open_models_export_policy": 0.93,  # reached 0.976 (the title-block institute is counted as spurious)
    "202_cable_repair_roundtable_en": 0.95,  # reached 1.000
    "203_donnees_sante_fr": 0.95,  # reached 1.000
    "204_green_compute_zh": 0.95,  # reached 1.000 (rule-based Chinese)
}

pytestmark = pytest.mark.skipif(not (DEVSET / "gold.json").exists(), reason="no development set at /work/shared/devset")


@pytest.fixture(scope="module")
def devset_scores(tmp_path_factory) -> dict[str, float]:
    seeds = tmp_path_factory.mktemp("devseeds")
    for path in sorted(DEVSET.glob("*.txt")):
        shutil.copy(path, seeds / path.name)
    out = tmp_path_factory.mktemp("devbuild") / "build"
    subprocess.run([sys.executable, "-m", "corpus", "build", "--seeds", str(seeds), "--out", str(out), "--no-cache"],
                   check=True, capture_output=True)
    result = evaluate_build(out, [DEVSET / "gold.json"])
    return {d["doc_id"]: d["entities"]["f1"] for d in result["entities"]["documents"]}


@pytest.mark.parametrize("doc_id,floor", sorted(FLOORS.items()))
def test_entities_devset_f1_floor(devset_scores, doc_id, floor):
    assert devset_scores[doc_id] >= floor, f"{doc_id}: entity F1 {devset_scores[doc_id]:.3f} < {floor}"
