"""Report footnotes on constructed pages: gaps, note formats, false markers (issue 12, class 6)."""

from __future__ import annotations

from corpus.structure.report import structure_report
from tests.report_text import blank_layout, filler


def _notes(doc):
    return {n.number: n for n in doc.footnotes}


def test_footnotes_gap_in_sequence_is_recorded_not_fatal():
    page1 = filler("water", 5)[:-1] + ["storage plans were approved last year.1 The board met again.2", "Other business followed here."]
    page1 += ["1. First note text.", "2. Second note text.", "3"]
    page2 = filler("energy", 5)[:-1] + ["the grid operator agreed.4 Nothing else was said.", "4. Fourth note text.", "4"]
    doc = structure_report(blank_layout(page1, page2) + "\n" + blank_layout(filler("x", 30)))
    notes = _notes(doc)
    assert sorted(notes) == [1, 2, 3, 4]
    assert notes[3].status == "skipped" and notes[3].text == ""
    assert notes[4].text == "Fourth note text."
