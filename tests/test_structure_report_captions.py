"""Figure captions on constructed pages: separators, captions set as sentences, unlabelled chart titles and
chart residue kept out of the body (issue 12, class 5)."""

from __future__ import annotations

import pytest

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


# --- "Notes:" paragraphs printed with a figure (issue 12, class 5) -------------------------------------------------


def _figure_page(under_caption: list[str]) -> str:
    page1 = ["Introduction", *filler("port", 5), "Figure 1: Berth occupancy by terminal, 2019-2023", *under_caption,
             *filler("crane", 5), "9"]
    page2 = ["Findings", *filler("berth", 6), "10"]
    return blank_layout(page1, page2)


@pytest.mark.parametrize("under_caption", [
    ["Note: Occupancy is the share of hours a berth is in use.", "Source: Harbour Authority annual data."],
    ["Source: Harbour Authority annual data.", "Notes: Occupancy is the share of hours a berth is in use."],
    ["80", "60", "40", "20", "North", "South", "Notes: Occupancy is the share of hours a berth is in use.",
     "Source: Harbour Authority annual data."],  # chart values between the caption and the notes
])
def test_captions_figure_notes_attach_to_the_figure_not_the_caption(under_caption):
    doc = structure_report(_figure_page(under_caption))
    [figure] = doc.figures
    assert figure.caption == "Berth occupancy by terminal, 2019-2023"
    assert figure.source == "Harbour Authority annual data."
    assert figure.note == "Occupancy is the share of hours a berth is in use."


def test_captions_wrapped_figure_note_is_joined():
    doc = structure_report(_figure_page(["Source: Harbour Authority annual data.",
                                         "Notes: Occupancy is the share of hours a berth is in use; terminals that",
                                         "closed in 2021 are not shown."]))
    assert doc.figures[0].note == "Occupancy is the share of hours a berth is in use; terminals that closed in 2021 are not shown."


@pytest.mark.parametrize(("graphic", "caption", "source"), [
    # the chart's values right under the caption, its source close below: values are no caption text
    (["Exhibit 3", "Share of ports with shore power", "60%", "30%", "Source: Survey of operators, 2023."],
     "Share of ports with shore power", "Survey of operators, 2023."),
    (["Fig. 4. Shore power installed per year", "2019 2020 2021", "Data: Harbour authority."],
     "Shore power installed per year", "Harbour authority."),
    # one-word legend entries after a caption line that does not run on
    (["Figure 6. Port investment by source of finance", "Public", "Private", "Sources: Ministry of Finance."],
     "Port investment by source of finance", "Ministry of Finance."),
    # ... while a caption wrapped after a connector keeps its second line
    (["Figure 2: Electricity prices paid by port operators in", "the three largest harbours", "Source: Regulator."],
     "Electricity prices paid by port operators in the three largest harbours", "Regulator."),
    # a source line set in capitals; a "Note:" line between the chart's values and the source
    (["FIGURE 5 Ships calling at the port", "100", "50", "SOURCE: Port registers."], "Ships calling at the port", "Port registers."),
    (["Figure 7. Berth occupancy", "80", "40", "Note: Annual averages.", "Source: Harbour authority."],
     "Berth occupancy", "Harbour authority."),
])
def test_captions_chart_values_and_legend_are_no_caption(graphic, caption, source):
    doc = _doc([*filler("dams", 5), *graphic, *filler("more", 5), "1"])
    assert [(f.caption, f.source) for f in doc.figures] == [(caption, source)]
    assert not {"60%", "30%", "2019 2020 2021", "Public", "Private", "100", "50", "80", "40"} & set(doc.text.split("\n"))


def test_captions_a_full_width_caption_does_not_take_the_tick_value_under_it():
    # a caption as wide as the text seems to run on; the source sits past the chart's axis, more than three lines
    # below; the first tick value "0" is no caption word all the same
    caption = "Permits granted to tidal, wave and offshore wind projects by island state and by year, 2019-2025"
    doc = _doc([*filler("dams", 5), f"Figure 1: {caption}", "0", "5", "10", "15", "2019", "2021",
                "2023", "2025", "Source: Permit register.", *filler("more", 5), "1"])
    assert [(f.label, f.caption, f.source) for f in doc.figures] == [("Figure 1", caption, "Permit register.")]
