"""Report headings on constructed pages: numbering gives the level, sentence case, wrapping (issue 12, classes 2-3)."""

from __future__ import annotations

from corpus.structure.report import structure_report
from tests.report_text import blank_layout, filler


def _headings(*pages: list[str]) -> list[tuple[int, str]]:
    doc = structure_report(blank_layout(*pages, *[filler(f"tail{k}", 10) + [str(20 + k)] for k in range(3)]))
    return [(s.level, s.heading) for s in doc.sections if s.kind == "heading"]


def test_headings_numbered_sentence_case_levels_from_numbering():
    page = ["4. Weak enforcement", *filler("enforcement", 5), "4.1 The licensing gap", *filler("licence", 5),
            "4.1.1 What changed in the rules", *filler("rules", 5), "5. Outlook", *filler("outlook", 5), "1"]
    assert _headings(page) == [(1, "4. Weak enforcement"), (2, "4.1 The licensing gap"),
                               (3, "4.1.1 What changed in the rules"), (1, "5. Outlook")]


def test_headings_number_on_its_own_line():
    page = ["1.", "Framing the risk", *filler("risk", 5), "1.2", "Scope and method", *filler("scope", 5), "1"]
    assert _headings(page) == [(1, "1. Framing the risk"), (2, "1.2 Scope and method")]


def test_headings_numbers_out_of_sequence_are_chart_labels():
    page = ["1. Introduction", *filler("intro", 5), "74", "Nigeria", "39", "Ghana", "2. Markets", *filler("market", 5), "1"]
    assert [h for _, h in _headings(page)] == ["1. Introduction", "2. Markets"]


def test_headings_lettered_and_roman_under_a_bare_chapter_number_wrapped_lowercase():
    page = ["1 APPLICATION OF THE CRITERION", *filler("criterion", 5),
            "a) Processing of data carried out in the context of the activities of an",
            "establishment", *filler("processing", 5), "i) Relationship with the local office", *filler("office", 5),
            "ii) Revenue raising in the Union", *filler("revenue", 5), "1"]
    assert _headings(page) == [
        (1, "1 APPLICATION OF THE CRITERION"),
        (2, "a) Processing of data carried out in the context of the activities of an establishment"),
        (3, "i) Relationship with the local office"), (3, "ii) Revenue raising in the Union")]


def test_headings_title_case_label_over_a_bullet_list_and_divisions():
    page = ["Pillar II: Build Regional Infrastructure", *filler("infra", 4),
            "Create Streamlined Permitting for Data Centres, Semiconductor Manufacturing Facilities",
            *filler("permits", 5), "Recommended Actions", "• Establish new exclusions for small projects.",
            "• Expand the fast-track process to all projects.", *filler("actions", 5), "1"]
    assert _headings(page) == [(1, "Pillar II: Build Regional Infrastructure"),
                               (2, "Create Streamlined Permitting for Data Centres, Semiconductor Manufacturing Facilities"),
                               (3, "Recommended Actions")]


def test_headings_box_label_sentence_is_not_a_heading():
    page = ["Introduction", *filler("intro", 5), "Example 2: A company based abroad offers goods online.",
            *filler("example", 5), "1"]
    assert [h for _, h in _headings(page)] == ["Introduction"]


def test_headings_after_a_bare_url_line_and_after_a_list_item_and_with_a_colon():
    page = ["Introduction", *filler("intro", 4), "The data are published at", "https://data.example.org/basins",
            "Storage and Scarcity", *filler("storage", 4), "• Reservoirs in the north", "Regional Outlook",
            *filler("outlook", 4), "Key Findings:", *filler("findings", 4), "1"]
    assert [h for _, h in _headings(page)] == ["Introduction", "Storage and Scarcity", "Regional Outlook", "Key Findings:"]


def test_headings_long_numbered_heading_in_sentence_case():
    page = ["1. Acquire and share insights", *filler("insight", 5),
            "1.1. Maximise the advantages from national strategies and accelerate the proposed actions", *filler("plan", 5), "1"]
    assert _headings(page) == [(1, "1. Acquire and share insights"),
                               (2, "1.1. Maximise the advantages from national strategies and accelerate the proposed actions")]


def test_headings_short_sentence_case_line_between_paragraphs():
    page = ["Introduction", *filler("intro", 5), "Overview of actions taken", *filler("actions", 5),
            "Tap into the potential of data", "Foster computing capacity", *filler("data", 5), "1"]
    assert [(lvl, h) for lvl, h in _headings(page)] == [(1, "Introduction"), (2, "Overview of actions taken")]


def test_headings_roman_divisions_in_capitals_above_numbered_headings():
    page = ["INTRODUCTION: A SHARED AGENDA", *filler("intro", 5), "I. SET THE CONDITIONS FOR GROWTH", *filler("growth", 5),
            "1. Share policy insights", *filler("policy", 5), "1.1. Use national strategies", *filler("national", 5), "1"]
    assert _headings(page) == [(1, "INTRODUCTION: A SHARED AGENDA"), (1, "I. SET THE CONDITIONS FOR GROWTH"),
                               (2, "1. Share policy insights"), (3, "1.1. Use national strategies")]


# --- title-case headings wrapped in the blank-line layout (issue 12, class 3) -----------------------------------


def _heading_texts(*pages):
    from corpus.structure.report import structure_report
    from tests.report_text import blank_layout
    doc = structure_report(blank_layout(*pages))
    return [s.heading for s in doc.sections if s.kind == "heading"]


def test_headings_title_wrapped_without_a_connector_at_the_breaks():
    from tests.report_text import filler
    page1 = [*filler("pre", 4), "Chapter 2: How Export Rules", "Shape Supply Chains in East", "Asia", *filler("alpha", 4), "3"]
    page2 = [*filler("beta", 6), "4"]
    assert _heading_texts(page1, page2) == ["Chapter 2: How Export Rules Shape Supply Chains in East Asia"]


def test_headings_title_wrapped_onto_a_lower_case_line():
    from tests.report_text import filler
    page1 = [*filler("pre", 4), "Domestic Courts and the Limits", "of Judicial Review", *filler("alpha", 4), "3"]
    page2 = [*filler("beta", 6), "4"]
    assert _heading_texts(page1, page2) == ["Domestic Courts and the Limits of Judicial Review"]


def test_headings_short_heading_over_a_heading_in_capitals_stay_two():
    from tests.report_text import filler
    page1 = [*filler("pre", 4), "The Export Control Toolkit", "DUAL-USE LISTS", *filler("alpha", 4), "3"]
    page2 = [*filler("beta", 6), "4"]
    assert _heading_texts(page1, page2) == ["The Export Control Toolkit", "DUAL-USE LISTS"]


def test_headings_sentence_case_label_ending_in_a_colon_over_a_paragraph():
    from tests.report_text import filler
    page1 = [*filler("pre", 4), "Key questions for regulators:", *filler("alpha", 4),
             "Member States are encouraged to:", *filler("beta", 4), "3"]  # a lead-in ending on a connector
    page2 = [*filler("gamma", 6), "4"]
    assert _heading_texts(page1, page2) == ["Key questions for regulators:"]


# --- headings whose lines the layout sets tight (no blank line between: a PDF's wrapped heading) ---------------


def _tight_heading(first: str, second: str) -> list[str]:
    from tests.report_text import filler
    page1 = [*filler("pre", 4), first, second, *filler("alpha", 6), "3"]
    page2 = [*filler("beta", 6), "4"]
    return _heading_texts_raw(blank_layout(page1, page2).replace(f"{first}\n\n{second}", f"{first}\n{second}"))


def _heading_texts_raw(raw: str) -> list[str]:
    return [s.heading for s in structure_report(raw).sections if s.kind == "heading"]


def test_headings_tight_title_case_lines_each_near_the_body_width_are_one_heading():
    # larger type fills the measure with fewer characters: the second line is longer than a short body line
    first = "Expand Regional Testing Capacity for Laboratories, Clinics and Universities"
    second = "Hospitals, Research Institutes and Agencies across Every Member State"
    assert _tight_heading(first, second) == [f"{first} {second}"]


def test_headings_tight_sentence_case_lines_are_one_heading():
    first = "This review finds that regional testing capacity grew in every member state"
    second = "but remains uneven across laboratories and hospitals"
    assert _tight_heading(first, second) == [f"{first} {second}"]


def test_headings_chapters_in_capitals_over_title_case_sections():
    """Unnumbered headings whose level is shown only by their setting: the report opens with a heading in
    capitals and capitals come back after title-case headings, so the capitals are the chapters."""
    first = ["OVERVIEW", *filler("overview", 5), "Market Structure", *filler("market", 5), "Prices and Tariffs",
             *filler("prices", 5), "1"]
    second = ["REGULATION", *filler("regulation", 5), "Licensing of Operators", *filler("licence", 5), "2"]
    assert _headings(first, second) == [(1, "OVERVIEW"), (2, "Market Structure"), (2, "Prices and Tariffs"),
                                        (1, "REGULATION"), (2, "Licensing of Operators")]


def test_headings_capitals_under_an_opening_title_case_heading_stay_below():
    page = ["Introduction", *filler("intro", 5), "WHAT THE MARKET IS", *filler("market", 5), "Regulation of Ports",
            *filler("ports", 5), "LICENSING", *filler("licence", 5), "1"]
    assert _headings(page) == [(1, "Introduction"), (2, "WHAT THE MARKET IS"), (1, "Regulation of Ports"),
                               (2, "LICENSING")]


def test_headings_one_summary_in_capitals_sets_no_hierarchy():
    page = ["SUMMARY", *filler("summary", 5), "Market Structure", *filler("market", 5), "Prices and Tariffs",
            *filler("prices", 5), "1"]
    assert _headings(page) == [(1, "SUMMARY"), (1, "Market Structure"), (1, "Prices and Tariffs")]


def test_headings_division_label_alone_over_its_title():
    """"Chapter 1" / "Why Ports Matter": the label alone on its line and the title on the next are one heading;
    sections numbered from the chapter ("1.1") sit one below it."""
    first = ["Chapter 1", "Why Ports Matter", *filler("ports", 5), "1.1 Trade volumes", *filler("trade", 5), "1"]
    second = ["Chapter 2", "The Grid at the Quay", *filler("grid", 5), "2.1 Connection costs", *filler("costs", 5), "2"]
    assert _headings(first, second) == [(1, "Chapter 1 Why Ports Matter"), (2, "1.1 Trade volumes"),
                                        (1, "Chapter 2 The Grid at the Quay"), (2, "2.1 Connection costs")]


def test_headings_parts_in_capitals_over_numbered_chapters():
    page = ["PART I", "CONTEXT", *filler("context", 5), "1. Ports", *filler("ports", 5), "PART II", "POLICY",
            *filler("policy", 5), "2. Grids", *filler("grids", 5), "1"]
    assert _headings(page) == [(1, "PART I CONTEXT"), (2, "1. Ports"), (1, "PART II POLICY"), (2, "2. Grids")]


def test_headings_first_heading_after_a_cover_is_no_title_block():
    cover = ["Ports and Power", "By Ana Silva", "June 2024"]
    page = ["Chapter 1", "Why Ports Matter", *filler("ports", 5), "Trade Volumes", *filler("trade", 5), "2"]
    doc = structure_report(blank_layout(cover, page, filler("tail", 10) + ["3"]))
    assert doc.title == "Ports and Power"
    assert [(s.level, s.heading) for s in doc.sections if s.kind == "heading"] == [
        (1, "Chapter 1 Why Ports Matter"), (2, "Trade Volumes")]


def test_headings_question_alone_between_paragraphs():
    page = ["Findings", *filler("findings", 5), "What is shore power?", *filler("shore", 5), "Who pays for it?",
            *filler("costs", 5), "1"]
    assert _headings(page) == [(1, "Findings"), (2, "What is shore power?"), (2, "Who pays for it?")]


def test_headings_question_ending_a_paragraph_is_body():
    body = filler("findings", 5)
    page = ["Findings", *body[:-1], "and the committee asked a question: who pays", "for the cables?", *filler("costs", 5), "1"]
    assert _headings(page) == [(1, "Findings")]
