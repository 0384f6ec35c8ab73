"""The cover of an intergovernmental document: symbol, distribution, original language, session and agenda lines
and a place-and-dates line are front matter; the title is the line after them with its "Note by the ..." line; a
summary printed on the cover page is body."""

from __future__ import annotations

from corpus.structure import structure_document
from tests.report_text import blank_layout, filler

_COVER = ["HARBOUR COUNCIL", "HC/2025/EXP.4", "Distr.: Limited", "2 March 2025", "Original: French",
          "Expert Group on Port Safety", "Fifth session", "Lisbon, 10–12 June 2025", "Item 3 (b) of the provisional agenda",
          "Safety of small harbours", "Note by the Secretariat", "Summary", *filler("s", 3), "25-01234 (F)"]


def _document() -> list[str]:
    body = ["I. Background", *filler("a"), "II. Findings", *filler("b"), "2/3"]
    return [_COVER, body, ["III. Next steps", *filler("c"), "3/3"]]


def test_title_after_the_control_lines_with_its_submitter_line():
    doc = structure_document(blank_layout(*_document()), genre="report")
    assert doc.title == "Safety of small harbours: Note by the Secretariat"


def test_a_summary_on_the_cover_page_is_body():
    doc = structure_document(blank_layout(*_document()), genre="report")
    assert doc.text.startswith("Summary\n\nThe s programme was reviewed")
    assert "Summary" in [s.heading for s in doc.sections if s.kind == "heading"]
    for line in ("HC/2025/EXP.4", "Distr.", "Original", "Fifth session", "provisional agenda", "25-01234"):
        assert line not in doc.text
