"""Report structure on three constructed excerpts kept out of tuning (tests/data/structure_unseen).

The excerpts imitate other publishers' habits (a policy brief with a series line and dotted contents, a working
paper with alternating running heads, an issue brief without a cover page); their gold was written by reading
them before any rule was changed, and they were measured once, after the rules were final. The floors below are
those first measurements, rounded down: a change that makes structure worse on them fails here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.evaluate import ZERO
from corpus.evaluate_structure import PredictedStructure, headline, score_report
from corpus.structure.report import structure_report

DATA = Path(__file__).parent / "data" / "structure_unseen"

# first measurement (all three documents together), rounded down
FLOORS = {"title": 1.0, "authors": 1.0, "date": 1.0, "headings": 0.6, "heading_text": 0.75, "footnotes": 0.8,
          "markers": 1.0, "captions": 1.0, "sources": 0.8, "furniture_out": 0.9, "cover_out": 0.85, "must_contain": 0.9}


def _predicted(raw: str) -> PredictedStructure:
    doc = structure_report(raw)
    return PredictedStructure(
        title=doc.title, authors=tuple(doc.authors),
        published_date=doc.published_date.isoformat() if doc.published_date else None,
        published_month=doc.published_month, text=doc.text,
        headings=tuple((s.heading, s.level) for s in doc.sections if s.kind == "heading"),
        footnotes=tuple((f.number, f.text, f.anchor is not None) for f in doc.footnotes),
        figures=tuple((f.label, f.caption, f.source) for f in doc.figures),
    )


@pytest.fixture(scope="module")
def totals() -> dict:
    summed: dict = {}
    for record in json.loads((DATA / "gold.json").read_text(encoding="utf-8")):
        raw = (DATA / record["file"]).read_text(encoding="utf-8")
        for name, score in score_report(record, _predicted(raw), raw).measures.items():
            summed[name] = summed.get(name, ZERO) + score
    return summed


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_structure_unseen_scores_hold(totals, measure):
    assert headline(totals[measure], measure) >= FLOORS[measure]
