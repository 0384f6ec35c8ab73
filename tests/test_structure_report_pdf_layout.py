"""Report rules that the layout of native PDFs exposes (issue 16), on constructed pages."""

from __future__ import annotations

from corpus.structure.report import structure_report
from tests.report_text import blank_layout, filler


def test_caption_stops_at_a_numbered_heading_after_its_closing_sentence():
    """A caption set wider than the body (a landscape page) does not run on into the next section's heading."""
    long_caption = ("Fig. 3. Actors across the lifecycle of a dam project. See the annex for a description of each of their "
                    "tasks, including the review of designs, testing and evaluation,")
    closing = "and the approval of the yearly budgets by the committee in charge of the works, set across a landscape page as wide as this."
    page = [*filler("dams", 5), long_caption, closing,
            "3. Risks and Reliability", *filler("risks", 6), "2"]
    doc = structure_report(blank_layout(*[filler(f"lead{k}", 10) + [str(k)] for k in range(1)], page, *[filler(f"tail{k}", 10) + [str(20 + k)] for k in range(2)]))
    (figure,) = doc.figures
    assert figure.caption.endswith(closing)
    assert "3. Risks and Reliability" in [s.heading for s in doc.sections]
