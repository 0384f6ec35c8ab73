"""Report structure on constructed excerpts written before the rules they measure (tests/data/structure_unseen,
tests/data/structure_unseen2, tests/data/structure_unseen3, tests/data/structure_unseen4, tests/data/structure_unseen5,
tests/data/structure5_heldout, tests/data/notes5_heldout, tests/data/structure_unseen6).

The excerpts imitate other publishers' habits (a policy brief with a series line and dotted contents, a working
paper with alternating running heads, an issue brief without a cover page; in the second set research reports,
working and occasional papers on China's digital economy, AI governance and technology policy; in the third a
policy report with an "Authors:" block and endnotes, and a government review with a two-column review-team page; in the
fourth a working paper with a title in capitals and charts without source lines, and a ministry's assessment with a
directorate line and a closing notes section whose numbers are printed as a block); their gold was
written by reading them before the builder ran on them. The floors below are the scores after the rules that
fixed them (first set) or after this round (second set), rounded down: a change that makes structure worse on
them fails here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.evaluate import ZERO
from corpus.evaluate_structure import PredictedStructure, headline, score_report
from corpus.structure.report import structure_report

DATA = Path(__file__).parent / "data"

# the measurements (all documents of a set together), rounded down; structure_unseen first measured at headings
# 0.65, footnotes 0.84, sources 0.80, furniture out 0.91, cover out 0.86, must-contain 0.90
_ALL = ("title", "authors", "date", "headings", "heading_text", "footnotes", "markers", "captions", "sources",
        "furniture_out", "cover_out", "must_contain")
FLOORS = {
    "structure_unseen": dict.fromkeys(_ALL, 0.95),
    "structure_unseen2": dict.fromkeys(_ALL, 0.95),
    # written for the structure3 round before it, kept out of its tuning and scored once at its end (title 0.5,
    # headings 0.67, footnotes 0.74, sources 0.67); the structure4 round developed on them
    "structure_unseen3": dict.fromkeys(_ALL, 0.95),
    # written for the structure4 round before it, held out and scored before (title 0.0, authors 0.8, headings 0.67,
    # footnotes 0.62, sources 0.67) and at its end (title 0.5, the rest 1.00); the 931 title fixed after that
    "structure_unseen4": dict.fromkeys(_ALL, 0.95),
    # written by the lead before session 5's rounds, scored before them (sources 0.0, the rest 1.00: the figure's
    # source line after chart values was merged into the next paragraph) and after them (1.00)
    "structure_unseen5": dict.fromkeys(_ALL, 0.95),
    # structure5's pair (session 6), held out of its round and scored at its end (940 title 0, 941 headings 0.53,
    # footnotes 0.00, must-contain 0.20); fixed afterwards (a question title; numbered paragraphs are body)
    "structure5_heldout": dict.fromkeys(_ALL, 0.95),
    # notes5's excerpt (symbol notes, numbering restarting per chapter), scored before its round (footnotes 0.31,
    # markers 0.46, headings 0.00) and at its end; the two affiliation notes on the title block have no anchor
    "notes5_heldout": {**dict.fromkeys(_ALL, 0.95), "headings": 0.66, "heading_text": 0.66, "markers": 0.88},
    # the lead's report of session 6, held out of every round: scored before (headings 0.91: a level-1 heading
    # wrapped over two lines at a page top is missed, the rest 1.00) and after them (unchanged)
    "structure_unseen6": {**dict.fromkeys(_ALL, 0.95), "headings": 0.90, "heading_text": 0.90},
}


def _predicted(raw: str) -> PredictedStructure:
    doc = structure_report(raw)
    return PredictedStructure(
        title=doc.title, authors=tuple(doc.authors),
        published_date=doc.published_date.isoformat() if doc.published_date else None,
        published_month=doc.published_month, text=doc.text,
        headings=tuple((s.heading, s.level) for s in doc.sections if s.kind == "heading"),
        footnotes=tuple((f.marker or str(f.number), f.text, f.anchor is not None) for f in doc.footnotes),
        figures=tuple((f.label, f.caption, f.source) for f in doc.figures),
    )


def _totals(folder: str) -> dict:
    summed: dict = {}
    for record in json.loads((DATA / folder / "gold.json").read_text(encoding="utf-8")):
        raw = (DATA / folder / record["file"]).read_text(encoding="utf-8")
        for name, score in score_report(record, _predicted(raw), raw).measures.items():
            summed[name] = summed.get(name, ZERO) + score
    return summed


@pytest.fixture(scope="module")
def totals() -> dict:
    return {folder: _totals(folder) for folder in FLOORS}


@pytest.mark.parametrize(("folder", "measure"), [(folder, m) for folder in sorted(FLOORS) for m in sorted(FLOORS[folder])])
def test_structure_unseen_scores_hold(totals, folder, measure):
    assert headline(totals[folder][measure], measure) >= FLOORS[folder][measure]
