"""Report structure: typesetting habits found on constructed excerpts of other publishers (issue 12, round of
branch structure4). Every example is constructed in the blank-line layout of PDF extractions (tests/report_text.py)."""

from __future__ import annotations

from corpus.structure.report import structure_report
from corpus.structure.report.cover import read_cover
from tests.report_text import blank_layout, filler


# --- cover: a title in capitals, a department's name, a title-case title over a sentence-case subtitle ------


def test_cover_title_in_capitals_over_a_sentence_case_subtitle_is_no_banner():
    cover = read_cover(["WATER FOR SMALL FARMS", "How three valleys share their rivers", "Jane Doe", "May 2024"])
    assert cover.title == "WATER FOR SMALL FARMS"
    assert cover.subtitle == "How three valleys share their rivers"
    assert cover.authors == ("Jane Doe",)


def test_cover_title_in_capitals_over_its_author_is_no_banner():
    cover = read_cover(["WATER FOR SMALL FARMS", "Jane Doe", "May 2024"])
    assert cover.title == "WATER FOR SMALL FARMS" and cover.authors == ("Jane Doe",)


def test_cover_institute_banner_in_capitals_stays_a_banner():
    cover = read_cover(["NORTHGATE INSTITUTE", "Water for small farms in the valley", "Jane Doe"])
    assert cover.title == "Water for small farms in the valley"


def test_cover_department_over_a_title_case_title_and_sentence_case_subtitle():
    cover = read_cover(["Department for Coastal Works", "Harbour Dredging Review",
                        "Keeping the channels open for shipping", "November 2023"])
    assert cover.title == "Harbour Dredging Review"
    assert cover.subtitle == "Keeping the channels open for shipping"


def test_cover_ministry_over_its_directorate_over_the_title():
    cover = read_cover(["Ministry of Transport", "Directorate for Road Safety", "Safer Rural Roads",
                        "Annual report on collisions", "May 2024"])
    assert cover.title == "Safer Rural Roads" and cover.subtitle == "Annual report on collisions"


def test_cover_title_holding_an_institution_word_over_a_sentence_case_subtitle_is_the_title():
    cover = read_cover(["Digital Trade Policy in Asia", "How ten economies regulate data flows", "Jane Doe"])
    assert cover.title == "Digital Trade Policy in Asia" and cover.subtitle == "How ten economies regulate data flows"
    cover = read_cover(["Harmattan Centre for Digital Governance", "Water for small farms in the valley", "Jane Doe"])
    assert cover.title == "Water for small farms in the valley"


def test_cover_names_over_names_are_no_title():
    assert read_cover(["Ana Silva", "Li Wei and Tom Berg", "May 2024"]).title is None


def test_cover_title_repeated_as_running_head_under_a_department_stays_the_title():
    raw = blank_layout(
        ["Department for Coastal Works", "Harbour Dredging Review", "Keeping the channels open for shipping",
         "November 2023"],
        ["Harbour Dredging Review", "1 Introduction", *filler("dredging", 6), "2"],
        ["Harbour Dredging Review", "2 Findings", *filler("channel", 6), "3"],
        ["Harbour Dredging Review", "3 Next steps", *filler("berth", 6), "4"],
    )
    doc = structure_report(raw)
    assert doc.title == "Harbour Dredging Review: Keeping the channels open for shipping"
    assert "Harbour Dredging Review" not in doc.text


# --- a chart's tick values printed one per line are no block of note numbers --------------------------------


def test_axis_tick_values_are_not_note_numbers_before_endnotes():
    page1 = ["1 Contracts", *filler("contract", 4)[:-1], "the councils signed most of them in a single year.1",
             "Figure 1. Contracts signed per year, 2019–2024", "4", "3", "2", "1", "0",
             "2019 2020 2021 2022 2023 2024", "Source: Authors’ coding of the contracts.",
             *filler("format", 4)[:-1], "and only three of them say in which format.2", "2"]
    page2 = ["2 Prices", *filler("price", 5)[:-1], "they could raise them by a margin each year.3", "3"]
    notes = ["Notes", "1. Obtained through freedom of information requests.", "2. Contracts 2, 7 and 11 name a format.",
             "3. Usually a consumer price index plus a margin.", "4"]
    doc = structure_report(blank_layout(["Cloud Contracts in Small Cities", "Ana Silva", "May 2024"], page1, page2, notes))
    assert {n.number: n.text for n in doc.footnotes} == {
        1: "Obtained through freedom of information requests.", 2: "Contracts 2, 7 and 11 name a format.",
        3: "Usually a consumer price index plus a margin."}
    figure = doc.figures[0]
    assert figure.source == "Authors’ coding of the contracts."
    assert "only three of them say in which format." in doc.text and "4 3 2 1 0" not in doc.text


def test_axis_lines_hold_a_zero_or_do_not_count_up_by_one():
    from corpus.structure.report.footnotes import axis_lines
    from corpus.structure.report.layout import Line

    def page(*texts):
        return [Line(t, 1, False) for t in texts]

    assert axis_lines(page("Figure 2", "0", "50", "100", "150", "Source: x")) == {1, 2, 3, 4}
    assert axis_lines(page("text", "12", "8", "4", "0")) == {1, 2, 3, 4}
    assert axis_lines(page("text", "21", "22", "23", "Note text.")) == set()  # note numbers printed as a block


# --- heading levels: capitals over sentence case; sentence-case headings as the document's sections ----------


def _levels(doc) -> list[tuple[str, int]]:
    return [(s.heading, s.level) for s in doc.sections if s.kind == "heading"]


def test_chapters_in_capitals_over_sections_the_contents_lists_in_sentence_case():
    contents = ["Contents", "Summary 2", "What the contracts say 2", "Exit and portability 3", "Price and lock-in 3",
                "Recommendations 4"]
    raw = blank_layout(
        ["Cloud Contracts in Small Cities", "Ana Silva", "May 2024"], contents,
        ["SUMMARY", *filler("summary", 5), "WHAT THE CONTRACTS SAY", *filler("clause", 5), "2"],
        ["Exit and portability", *filler("exit", 5), "Price and lock-in", *filler("price", 5), "3"],
        ["RECOMMENDATIONS", *filler("advice", 5), "4"])
    assert _levels(structure_report(raw)) == [("SUMMARY", 1), ("WHAT THE CONTRACTS SAY", 1), ("Exit and portability", 2),
                                              ("Price and lock-in", 2), ("RECOMMENDATIONS", 1)]


def test_sentence_case_headings_alternating_with_one_word_headings_are_sections():
    raw = blank_layout(
        ["Cloud Contracts in Small Cities", "Ana Silva", "May 2024"],
        ["Summary", *filler("summary", 5), "Why the data matter", *filler("data", 5), "2"],
        ["Requests for data", *filler("request", 5), "3"], ["Recommendations", *filler("advice", 5), "4"])
    assert _levels(structure_report(raw)) == [("Summary", 1), ("Why the data matter", 1), ("Requests for data", 1),
                                              ("Recommendations", 1)]


def test_sentence_case_headings_after_a_single_one_word_heading_stay_one_below():
    raw = blank_layout(
        ["Cloud Contracts in Small Cities", "Ana Silva", "May 2024"],
        ["Summary", *filler("summary", 5), "Why the data matter", *filler("data", 5), "2"],
        ["Requests for data", *filler("request", 5), "3"])
    assert _levels(structure_report(raw)) == [("Summary", 1), ("Why the data matter", 2), ("Requests for data", 2)]


def test_sentence_case_label_under_a_title_case_heading_stays_one_below():
    raw = blank_layout(
        ["Cloud Contracts in Small Cities", "Ana Silva", "May 2024"],
        ["Shore Power in Northern Ports", *filler("shore", 5), "Why the grid matters", *filler("grid", 5), "2"],
        ["Costs of Connection", *filler("cost", 5), "3"])
    assert _levels(structure_report(raw)) == [("Shore Power in Northern Ports", 1), ("Why the grid matters", 2),
                                              ("Costs of Connection", 1)]


# --- a chart's labels and values under its caption, with no source line, are no part of the next paragraph ----


def _figure_page(*graphic: str) -> list[str]:
    return ["1 Notices", *filler("notice", 4), "Figure 1: Notices by sector, 2023", *graphic,
            "Most notices came from the public security sector, and most of them were answered within",
            "the month by the officials of the regional offices.", "2"]


def test_chart_residue_without_a_source_line_is_kept_out_of_the_next_paragraph():
    raw = blank_layout(["Notices to the Agency", "Ana Silva", "May 2024"],
                       _figure_page("Public security", "Transport", "Health", "0 50 100 150"), [*filler("after", 8), "3"])
    doc = structure_report(raw)
    assert "Most notices came from the public security sector" in doc.text
    assert "Public security Transport" not in doc.text and "0 50 100 150" not in doc.text
    assert [(f.label, f.caption, f.source) for f in doc.figures] == [("Figure 1", "Notices by sector, 2023", None)]


def test_short_lines_without_chart_values_under_a_caption_stay_text():
    raw = blank_layout(["Notices to the Agency", "Ana Silva", "May 2024"],
                       _figure_page("Public security", "Transport"), [*filler("after", 8), "3"])
    assert "Public security Transport" in structure_report(raw).text


def test_unlabelled_chart_title_over_labels_values_and_source_is_a_caption_with_its_source():
    raw = blank_layout(["Notices to the Agency", "Ana Silva", "May 2024"],
                       ["1 Notices", *filler("notice", 4), "Notices by sector, 2023", "Public security", "Transport",
                        "0 50 100 150", "Source: Agency register of notices.", *filler("after", 4), "2"],
                       [*filler("later", 8), "3"])
    doc = structure_report(raw)
    assert [(f.caption, f.source) for f in doc.figures] == [("Notices by sector, 2023", "Agency register of notices.")]
    assert "Public security" not in doc.text and "0 50 100 150" not in doc.text


def test_full_width_source_line_ending_its_sentence_does_not_run_into_the_text():
    source = "Source: Agency register of notices, 2023 edition, published by the statistics office in March."
    raw = blank_layout(["Notices to the Agency", "Ana Silva", "May 2024"],
                       _figure_page("Public security", "Transport", "0 50 100 150", source), [*filler("after", 8), "3"])
    doc = structure_report(raw)
    assert doc.figures[0].source == source.removeprefix("Source: ")
    assert "\\n\\nMost notices came from the public security sector" in repr(doc.text)


# --- a short unpunctuated line opening a page after a finished paragraph is a heading ----------------------------


def test_short_line_opening_a_page_over_a_short_paragraph_is_a_heading():
    raw = blank_layout(["Notices to the Agency", "Ana Silva", "May 2024"],
                       ["Summary", *filler("summary", 6), "2"],
                       ["Next section", "The second part is short.", *filler("second", 5), "3"])
    doc = structure_report(raw)
    assert "Next section" in [s.heading for s in doc.sections if s.kind == "heading"]
    assert "expansion. Next section" not in doc.text


def test_a_line_continuing_a_sentence_over_a_page_break_is_no_heading():
    raw = blank_layout(["Notices to the Agency", "Ana Silva", "May 2024"],
                       ["Summary", *filler("summary", 5), "the committee agreed that the", "2"],
                       ["Regional Offices", "were to report every month.", *filler("second", 5), "3"])
    assert [s.heading for s in structure_report(raw).sections if s.kind == "heading"] == ["Summary"]


# --- a list extracted between a block of note numbers and the note texts is body text ---------------------------


def test_list_items_between_a_block_of_note_numbers_and_their_texts_are_body():
    page1 = ["1 Priorities", *filler("priority", 4)[:-1], "the review sets out its proposals for the regions.1",
             "The proposals are grouped under four headings.2", "1", "2", "\uf02d", "Share policy insights (Chapter 1)",
             "\uf02d", "Pool data for research and for the", "public administrations (Chapter 2)",
             "The review was prepared with the regional offices.", "Earlier plans are listed in the annex.", "2"]
    doc = structure_report(blank_layout(["Regional Priorities", "Ana Silva", "May 2024"], page1, [*filler("later", 8), "3"]))
    assert {n.number: n.text for n in doc.footnotes} == {1: "The review was prepared with the regional offices.",
                                                        2: "Earlier plans are listed in the annex."}
    assert "Share policy insights (Chapter 1)" in doc.text
    assert "Pool data for research and for the public administrations (Chapter 2)" in doc.text


# --- a contributor page after the cover is a section: its heading and its role groups -------------------------


def test_contributor_page_after_the_cover_is_a_section_with_its_groups_as_headings():
    team = ["Project team", "Lead authors", "Dr Ana Silva", "Chief Economist, Harbour Office", "Li Wei",
            "Senior Policy Adviser", "Peer reviewers", "Professor Tom Berg", "University of Leeds", "Secretariat",
            "Jan Novak", "2"]
    raw = blank_layout(["Harbour Office", "Harbour Dredging Review", "Keeping the channels open for shipping", "May 2024"],
                       team, ["1 Introduction", *filler("dredging", 6), "3"], ["2 Findings", *filler("channel", 6), "4"])
    doc = structure_report(raw)
    assert _levels(doc)[:4] == [("Project team", 1), ("Lead authors", 2), ("Peer reviewers", 2), ("Secretariat", 2)]
    assert ("Senior Policy Adviser", 2) not in _levels(doc)
    assert doc.authors == ("Ana Silva", "Li Wei")


# --- hyphens the extraction dropped at a line end, put back by the document's own spelling ----------------------


def test_joined_compound_gets_the_hyphen_the_document_prints_elsewhere():
    from corpus.structure.report.hyphens import hyphen_vocabulary, restore_hyphens
    text = ("General-purpose models are trained once. A generalpurpose model is then adapted; "
            "general-purpose tools spread. Cooperation and co-operation both occur; email too.")
    vocabulary = hyphen_vocabulary(text)
    assert vocabulary == {"generalpurpose": "general-purpose"}  # "cooperation" is an ordinary word
    assert restore_hyphens("Generalpurpose AI and generalpurpose tools", vocabulary) == \
        "General-purpose AI and general-purpose tools"


def test_joined_compound_printed_more_often_joined_keeps_the_document_spelling():
    from corpus.structure.report.hyphens import hyphen_vocabulary
    assert hyphen_vocabulary("multistakeholder talks, multistakeholder forums and one multi-stakeholder panel") == {}


def test_report_text_gets_dropped_hyphens_back():
    page = ["1 Models", *filler("model", 5), "General-purpose models are trained once and adapted to many tasks by the firms that",
            "deploy them. A generalpurpose model can therefore fail in many places at once.", "2"]
    doc = structure_report(blank_layout(["Model Risks", "Ana Silva", "May 2024"], page, [*filler("later", 8), "3"]))
    assert "A general-purpose model can therefore fail" in doc.text


def test_joined_compound_inside_a_quoted_title_keeps_its_spelling():
    from corpus.structure.report.hyphens import restore_hyphens
    assert restore_hyphens("on “Dockless Bikesharing in China” and bikesharing", {"bikesharing": "bike-sharing"}) == \
        "on “Dockless Bikesharing in China” and bike-sharing"


def test_bar_chart_with_many_categories_keeps_its_source():
    bars = ["Public security", "Transport", "Health", "Education", "Housing", "Energy", "Water", "Justice", "Defence",
            "150", "100", "50", "0"]
    raw = blank_layout(["Notices to the Agency", "Ana Silva", "May 2024"],
                       _figure_page(*bars, "Source: Agency register of notices."), [*filler("after", 8), "3"])
    doc = structure_report(raw)
    assert doc.figures[0].source == "Agency register of notices."
    assert "Public security" not in doc.text.split("Most notices")[0]


def test_cover_title_under_ministry_and_directorate_repeated_as_running_head_stays_the_title():
    head = "Safer Rural Roads Under Review"
    raw = blank_layout(
        ["Ministry of Transport", "Road Safety Directorate", head, "Annual report on collisions", "May 2024"],
        [head, "1 Introduction", *filler("road", 6), "2"], [head, "2 Findings", *filler("collision", 6), "3"],
        [head, "3 Next steps", *filler("junction", 6), "4"])
    doc = structure_report(raw)
    assert doc.title == f"{head}: Annual report on collisions"
    assert head not in doc.text


def test_typesetting_a_sentence_opened_by_a_persons_initial_is_no_lettered_heading():
    """'A. Smith and B. Jones argue ...' opens with an initial, not with an outline letter: no heading, and the
    real lettered heading after it stays one level below the numbered section."""
    from corpus.structure import structure_document

    def render(pages):
        return "\n".join((" " if i else "") + "\n\n".join(page) for i, page in enumerate(pages))

    cover = ["A Report on Chips", "By Jane Roe", "March 2024"]
    page1 = ["1. Introduction", "Some more text here that is long enough to be a paragraph of the body text of a report.",
             "A. Smith and B. Jones argue that the rules will not hold for long in", "the face of new chips.",
             "B. Policy options", "The government could tighten the thresholds or widen the rules to cloud services.",
             "Example Institute | A Report on Chips", "2"]
    page2 = ["2. Cloud access", "The rules control the sale of chips, not the sale of computing time in data centres abroad.",
             "Example Institute | A Report on Chips", "3"]
    doc = structure_document(render([cover, page1, page2]), genre="report")
    headings = [(s.heading, s.level) for s in doc.sections if s.heading]
    assert headings == [("1. Introduction", 1), ("B. Policy options", 2), ("2. Cloud access", 1)]
    assert "A. Smith and B. Jones argue that the rules will not hold for long in the face of new chips." in doc.text
