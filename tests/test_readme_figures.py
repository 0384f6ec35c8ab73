"""README's quality figures come from seeds/quality.json, the file the card renders: one source for both."""

from __future__ import annotations

import json
import re

import pytest

from benchmarks.quality import README_ROWS

from .conftest import REPO

ROWS = README_ROWS  # README row (by the start of its label) -> (key in seeds/quality.json, language or "overall")


def _readme_rows() -> dict[str, list[str]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    table = text.split("| documents | distinct-entity P / R / F1 | mention F1 | quantity F1 |", 1)[1].split("\n\n", 1)[0]
    rows = {}
    for line in table.strip().splitlines()[1:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[cells[0]] = cells[1:]
    return rows


def _quantity_f1(scores: dict) -> float:
    tp, gold, pred = (sum(s[k] for s in scores.values()) for k in ("tp", "gold", "pred"))
    return 2 * tp / (gold + pred) if gold + pred else 1.0


@pytest.mark.parametrize("label", list(ROWS))
def test_readme_figures_match_quality_json(label):
    quality = json.loads((REPO / "seeds" / "quality.json").read_text(encoding="utf-8"))
    rows = _readme_rows()
    (cells,) = [v for k, v in rows.items() if k.startswith(label) and not any(o != label and o.startswith(label) and k.startswith(o) for o in ROWS)]
    key, scope = ROWS[label]
    result = quality[key]["result"]
    scores = result["entities"]["overall"] if scope == "overall" else result["entities"]["by_language"][scope]
    expected = " / ".join(f"{scores['entities'][m]:.3f}" for m in ("precision", "recall", "f1"))
    assert cells[0] == expected, f"README row {label!r} entities: {cells[0]} != quality.json {expected}"
    assert cells[1] == f"{scores['mentions']['f1']:.3f}"
    if cells[2]:
        assert re.match(r"[\d.]+", cells[2])[0] == f"{_quantity_f1(result['quantities']):.3f}"
