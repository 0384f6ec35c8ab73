"""Figure captions on constructed pages: separators, captions set as sentences, unlabelled chart titles and
chart residue kept out of the body (issue 12, class 5)."""

from __future__ import annotations

from corpus.structure.report import structure_report
from tests.report_text import blank_layout, filler


def _doc(page: list[str]):
    return structure_report(blank_layout(page, *[filler(f"tail{k}", 10) + [str(20 + k)] for k in range(3)]))


def test_captions_pipe_separator():
    doc = _doc([*filler("dams", 5), "Figure 1 | Storage in the three basins", "Source: Basin agencies.", *filler("more", 5), "1"])
    assert [(f.label, f.caption, f.source) for f in doc.figures] == [("Figure 1", "Storage in the three basins", "Basin agencies.")]


def test_captions_set_as_sentences_run_to_the_sentence_end():
    doc = _doc([*filler("dams", 5), "Fig. 2. Lifecycle of a dam project. The inner circle shows the stages and the",
                "outer circle shows who is responsible for each of them.", *filler("more", 5), "1"])
    assert doc.figures[0].caption == ("Lifecycle of a dam project. The inner circle shows the stages and the outer circle "
                                      "shows who is responsible for each of them.")


def test_captions_unlabelled_chart_title_and_residue_out_of_the_body():
    doc = _doc([*filler("dams", 5), "Reservoir Storage by Basin", "100", "75", "50", "25", "Niger 2015", "Volta 2024",
                *filler("more", 5), "1"])
    assert [(f.label, f.caption) for f in doc.figures] == [("", "Reservoir Storage by Basin")]
    assert "\n75\n" not in doc.text and "Volta 2024" not in doc.text


def test_captions_chart_labels_before_a_caption_leave_the_paragraph_above():
    doc = _doc([*filler("dams", 5), "Storage fell in every basin.", "118", "Kenya", "74", "Nigeria", "39", "Ghana",
                "Figure 1. Storage by basin", "Source: Basin agencies.", *filler("more", 5), "1"])
    assert "Storage fell in every basin." in doc.text and "Kenya" not in doc.text


def test_captions_label_in_capitals_or_alone_on_its_line():
    doc = _doc([*filler("dams", 5), "FIGURE 2: Dams by size", "Source: Basin agencies.", *filler("mid", 5),
                "Table 3", "Licences Granted by Country", "Source: Regulators.", *filler("more", 5), "1"])
    assert [(f.label, f.caption) for f in doc.figures] == [("FIGURE 2", "Dams by size"), ("Table 3", "Licences Granted by Country")]
