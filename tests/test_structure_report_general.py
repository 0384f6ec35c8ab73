"""Report structure that generalises: failure classes found on reports nobody tuned for (issue 12, follow-up).

Every example is constructed in the blank-line layout of PDF extractions (tests/report_text.py)."""

from __future__ import annotations

from corpus.structure import detect_genre
from corpus.structure.report import structure_report
from corpus.structure.report.cover import read_cover
from tests.report_text import blank_layout, filler


# --- A. genre: the blank-line layout with page joins is a PDF extraction, however short --------------------


def _short_report() -> str:
    page1 = ["Grid Storage in Coastal Towns", *filler("storage", 6)[:-1],
             "the operators agreed to share the results.1 The council then met again.2",
             "1 Coastal Energy Office, Annual Review 2021, p. 4.", "2 Minutes of the council, 3 May 2022.",
             "Northgate Institute | 1"]
    page2 = [*filler("battery", 7)[:-1], "the harbour authority accepted the plan in principle.3",
             "3 Harbour Authority, Decision 12/2022.", "Northgate Institute | 2"]
    page3 = [*filler("tariff", 7), "Northgate Institute | 3"]
    return blank_layout(page1, page2, page3)


def test_genre_short_blank_layout_with_page_joins_is_a_report():
    raw = _short_report()
    assert len([line for line in raw.splitlines() if line.strip()]) < 60
    assert detect_genre(raw) == "report"


def test_genre_news_paragraphs_stay_news():
    raw = "Institute Hosts Dialogue on Data\n\nPosted: March 3, 2025\n\n\n" + "\n\n".join(
        " ".join(filler(f"topic{k}", 5)) for k in range(6))
    assert detect_genre(raw) == "news"


# --- B. cover: banner, series line, two-line title, authors, month --------------------------------------------


def test_cover_banner_then_series_then_title_over_two_lines_then_authors():
    cover = read_cover(["NORTHGATE INSTITUTE FOR TECHNOLOGY POLICY", "Policy Brief No. 7",
                        "Semiconductor Supply Chains and", "Export Controls in East Asia",
                        "Hana Sato and Peter Lindqvist", "March 2024"])
    assert cover.title == "Semiconductor Supply Chains and Export Controls in East Asia"
    assert cover.authors == ("Hana Sato", "Peter Lindqvist")
    assert cover.date.month_text == "2024-03"


# --- C. footnotes: a numbered heading above the page's note block is a heading --------------------------------


def test_footnotes_numbered_heading_mid_page_is_not_a_note():
    page1 = ["1. Supply chains before 2022", *filler("wafer", 4)[:-1],
             "the ministry licensed the first exports.1 Firms then moved assembly abroad.2",
             "2. Export controls since 2022", *filler("licence", 4)[:-1],
             "and the rules were tightened again in the following year.3",
             "1 Bureau of Industry and Security, Annual Report 2021, p. 12.",
             "2 Interview with a trade official, Tokyo, May 2023.", "3 Ibid.", "4"]
    pages = [page1] + [filler(topic, 10) + [str(5 + k)] for k, topic in enumerate(("alpha", "beta", "gamma"))]
    doc = structure_report(blank_layout(*pages))
    notes = {n.number: n for n in doc.footnotes}
    assert notes[1].text == "Bureau of Industry and Security, Annual Report 2021, p. 12."
    assert notes[2].text == "Interview with a trade official, Tokyo, May 2023."
    assert notes[3].text == "Ibid."
    assert all(notes[n].anchor is not None and notes[n].status != "missing_text" for n in (1, 2, 3))
    assert "2. Export controls since 2022" in [s.heading for s in doc.sections]
    assert "rules were tightened again" in doc.text


# --- title: a cover that prints only the publisher; the title heads the contents and the first body page -----


def test_cover_banner_that_is_an_institution_is_no_title():
    cover = read_cover(["NORTHGATE", "INSTITUTE", "Brussels, 3.5.2022", "NI(2022) 14 final"])
    assert cover.title is None


def test_title_from_the_contents_head_repeated_on_the_first_body_page():
    cover = ["NORTHGATE", "INSTITUTE", "Brussels, 3.5.2022", "NI(2022) 14 final"]
    contents = ["CONTENTS", "HARBOUR POLICY REVIEW", "2022 UPDATE", "INTRODUCTION " + "." * 40 + " 2",
                "1. Ports and shipping " + "." * 40 + " 3", "2. Inland waterways " + "." * 40 + " 4"]
    body = [["Harbour Policy Review 2022 Update", "INTRODUCTION", *filler("harbour", 8), "2"],
            ["1. Ports and shipping", *filler("port", 9), "3"], ["2. Inland waterways", *filler("canal", 9), "4"]]
    doc = structure_report(blank_layout(cover, contents, *body))
    assert doc.title == "Harbour Policy Review 2022 Update"


# --- headings: a roman numeral on its own line; recurring sub-heading labels -----------------------------------


def _headings(doc):
    return [(s.heading, s.level) for s in doc.sections if s.heading]


def test_roman_numeral_on_its_own_line_opens_a_division_above_arabic_numbers():
    page1 = [*filler("intro", 6), "I.", "SETTING THE CONDITIONS FOR GROWTH IN THE", "REGION", *filler("growth", 6), "3"]
    page2 = ["1.", "Pooling policy insights", *filler("insight", 6), "1.1. Making the most of national plans",
             *filler("plan", 6), "4"]
    page3 = ["2.", "Sharing data", *filler("data", 8), "5"]
    doc = structure_report(blank_layout(page1, page2, page3))
    assert _headings(doc) == [("I. SETTING THE CONDITIONS FOR GROWTH IN THE REGION", 1),
                              ("1. Pooling policy insights", 2), ("1.1. Making the most of national plans", 3),
                              ("2. Sharing data", 2)]


def test_recurring_label_under_a_long_numbered_heading_is_its_own_heading():
    long1 = "1.1. Maximise the advantages from the regional strategies and accelerate the proposed actions"
    long2 = "1.2. Reap the full benefit of the technical expertise of the regional expert groups and boards"
    page1 = ["1. Pooling policy insights", *filler("insight", 5), long1, "Overview of actions taken",
             *filler("action", 5), "Outlook", *filler("outlook", 4), "3"]
    page2 = [long2, "Overview of actions taken", *filler("expert", 5), "Outlook", *filler("future", 5), "4"]
    doc = structure_report(blank_layout(page1, page2))
    assert _headings(doc) == [("1. Pooling policy insights", 1), (long1, 2), ("Overview of actions taken", 3),
                              ("Outlook", 3), (long2, 2), ("Overview of actions taken", 3), ("Outlook", 3)]


# --- headings: sentence-style headings wrapped over several short lines --------------------------------------


def test_sentence_style_heading_over_short_lines_between_paragraphs():
    heading = ["Coastal storage capacity has grown quickly in recent years but", "planning has not kept pace with it in the coastal",
               "regions"]
    page1 = ["Summary", *filler("storage", 6)[:-1], "and the board agreed.", *heading, *filler("capacity", 6), "2"]
    page2 = [*filler("tariff", 10), "3"]
    doc = structure_report(blank_layout(page1, page2))
    assert (" ".join(heading), 2) in _headings(doc)


# --- markers: bracketed references, also mid-clause and starred -------------------------------------------------


def test_bracketed_references_mid_clause_and_starred_are_markers():
    page1 = [*filler("harbour", 4), "a small subset of the applications to shipping, (1) involves, for instance, cranes.",
             "Chatbot-style models, such as Alpha (2*), Beta (3*), and Gamma (4*).",
             "Image generators (5), such as Delta (6*).", *filler("port", 5), "2"]
    page2 = [*filler("canal", 10), "3"]
    doc = structure_report(blank_layout(page1, page2))
    assert sorted(n.number for n in doc.footnotes if n.anchor is not None) == [1, 2, 3, 4, 5, 6]
    assert "(1)" not in doc.text and "(2*)" not in doc.text


# --- headings: a list of names under a label is no run of headings -----------------------------------------------


def test_contributor_list_lines_are_not_headings():
    page1 = ["Contributors", "CHAIR", "Prof. Ana Silva, Harbour University", "EXPERT PANEL",
             "Dr. Tom Berg, Northgate Institute of", "Technology (Norway)", "Li Wei, Meridian Policy Lab (China)",
             "Sara Khan, Delta College (Pakistan)", "Dr. Omar Haddad, Ministry of Ports (Jordan)", "2"]
    page2 = ["Introduction", *filler("harbour", 10), "3"]
    doc = structure_report(blank_layout(page1, page2))
    headings = [h for h, _ in _headings(doc)]
    assert not any("," in h for h in headings), headings
    assert "Contributors" in headings and "CHAIR" in headings


def test_enumeration_in_brackets_mid_clause_stays_text():
    page1 = [*filler("harbour", 4), "The plan has three parts: (1) the ports, (2) the canals, and (3) the locks of the river.",
             *filler("port", 5), "2"]
    doc = structure_report(blank_layout(page1, [*filler("canal", 10), "3"]))
    assert "(1) the ports, (2) the canals" in doc.text and not doc.footnotes


def test_numbered_heading_wrapping_onto_a_short_lower_case_line_after_a_chapter_heading():
    page1 = ["2 Capabilities", "2.1 How does the harbour model gain its", "capabilities?", *filler("model", 8), "3"]
    doc = structure_report(blank_layout(page1, [*filler("canal", 10), "4"]))
    assert ("2.1 How does the harbour model gain its capabilities?", 2) in _headings(doc)


def test_heading_opening_a_page_under_a_running_head_after_a_signature_line():
    head = "Harbour Policy Review: Interim Report"
    page1 = [head, "Forewords", *filler("harbour", 6)[:-1], "and we thank the board.", "Professor Ana Silva",
             "Harbour University & Chair", "7"]
    page2 = [head, "Executive Summary", "About this report", *filler("summary", 6), "8"]
    page3 = [head, *filler("canal", 10), "9"]
    doc = structure_report(blank_layout(page1, page2, page3))
    assert "Executive Summary" in [h for h, _ in _headings(doc)]


def test_sentence_case_line_right_under_a_heading_over_a_paragraph_is_a_subheading():
    page0 = ["Contributors", *filler("people", 6)[:-1], "and many others.", "1"]
    page1 = ["Forewords", "This report is the beginning of a long journey", *filler("journey", 6), "2"]
    doc = structure_report(blank_layout(page0, page1, [*filler("canal", 10), "3"]))
    assert ("This report is the beginning of a long journey", 2) in _headings(doc)


def test_spaced_dash_at_a_line_end_keeps_its_space():
    from corpus.structure.lines import join_lines
    assert join_lines(["a wide variety of tasks –", "with a focus on risks"]).text == "a wide variety of tasks – with a focus on risks"
    assert join_lines(["the harbour—", "and the canal"]).text == "the harbour—and the canal"


def test_unnumbered_headings_before_the_first_chapter_number_are_top_level():
    page1 = ["Contributors", "CHAIR", *filler("chair", 5)[:-1], "and the panel agreed.", "2"]
    page2 = ["Forewords", "This report is the beginning of a long journey", *filler("journey", 6), "3"]
    page3 = ["1 Introduction", *filler("intro", 5), "1.1 Scope and method", *filler("scope", 5), "4"]
    doc = structure_report(blank_layout(page1, page2, page3))
    assert _headings(doc) == [("Contributors", 1), ("CHAIR", 2), ("Forewords", 1),
                              ("This report is the beginning of a long journey", 2), ("1 Introduction", 1),
                              ("1.1 Scope and method", 2)]


def test_first_contents_entry_repeated_as_the_first_heading_is_no_title():
    contents = ["Contents", "Executive Summary " + "." * 40 + " 1", "1. Ports and shipping " + "." * 40 + " 2"]
    body = [["Executive Summary", *filler("summary", 8), "1"], ["1. Ports and shipping", *filler("port", 9), "2"]]
    doc = structure_report(blank_layout(contents, *body))
    assert doc.title != "Executive Summary"
    assert "Executive Summary" in [h for h, _ in _headings(doc)]



def test_capitals_heading_listed_in_the_contents_keeps_the_top_level_before_chapter_one():
    contents = ["Contents", "Foreword " + "." * 40 + " 2", "INTRODUCTION " + "." * 40 + " 3", "1 Scope " + "." * 40 + " 4"]
    page1 = ["Foreword", *filler("foreword", 5)[:-1], "and the board agreed.", "INTRODUCTION", *filler("intro", 6), "2"]
    page2 = ["1 Scope", *filler("scope", 9), "3"]
    doc = structure_report(blank_layout(contents, page1, page2))
    assert ("INTRODUCTION", 1) in _headings(doc)


def test_note_numbers_printed_as_a_block_keep_all_their_texts_after_a_line_ending_in_a_bracket():
    page1 = [*filler("harbour", 4)[:-1], "the ports were surveyed.1 The canals were mapped.2 The locks were tested.3",
             "1", "2", "3", "Harbour survey (2019). It lists seven requirements: (1) depth; (2) width; (3) tides; (6)",
             "cranes and (7) berths.", "Canal map of the region (2020).", "Lock test report (2021).", "4"]
    doc = structure_report(_report_pages(page1))
    notes = {n.number: n for n in doc.footnotes}
    assert notes[1].text == "Harbour survey (2019). It lists seven requirements: (1) depth; (2) width; (3) tides; (6) cranes and (7) berths."
    assert notes[2].text == "Canal map of the region (2020)." and notes[3].text == "Lock test report (2021)."


def _report_pages(*pages: list[str]) -> str:
    return blank_layout(*pages, *[filler(topic, 8) + [str(10 + k)] for k, topic in enumerate(("alpha", "beta", "gamma"))])


def test_three_title_lines_of_an_infographic_with_no_text_between_are_not_headings():
    page1 = [*filler("intro", 5)[:-1], "and the board agreed.", "OUR KEY PROPOSALS FOR THE HARBOUR",
             "Pool and Share Port Insights", "Tap into the Potential of Data", "Foster Critical Computing Capacity",
             "1. Pooling policy insights", *filler("insight", 6), "3"]
    doc = structure_report(blank_layout(page1, [*filler("canal", 10), "4"]))
    headings = [h for h, _ in _headings(doc)]
    assert "Tap into the Potential of Data" not in headings and "1. Pooling policy insights" in headings


def test_short_sentence_case_label_over_a_bullet_list_is_a_heading():
    page1 = [*filler("intro", 5)[:-1], "and the board agreed.", "Executive Summary", "About this report", "•",
             *filler("about", 3), "•", *filler("scope", 3), "Highlights of the summary", "•", *filler("high", 3), "2"]
    doc = structure_report(blank_layout(page1, [*filler("canal", 10), "3"]))
    assert ("About this report", 2) in _headings(doc) and ("Highlights of the summary", 2) in _headings(doc)


def test_private_use_list_glyph_alone_on_its_line_opens_an_item():
    from corpus.structure.report.patterns import _BULLET_RE
    assert _BULLET_RE.match("\uf02d") and _BULLET_RE.match("•") and not _BULLET_RE.match("-")


def test_note_number_printed_after_the_texts_takes_the_last_entry_of_the_note_before():
    page1 = [*filler("grid", 4)[:-1], "the grid was extended.27 The rules were changed.28 Permits were faster.29",
             "27", "Clean Harbour Act of 1963, 42 U.S.C. 7401.", "Harbour Response Act of 1980. 42 U.S.C. 9601.",
             "29", "Office of Ports, Faster Permits (Washington, July 10, 2025).", "28", "9"]
    notes = {n.number: n for n in structure_report(_report_pages(page1)).footnotes}
    assert notes[27].text == "Clean Harbour Act of 1963, 42 U.S.C. 7401."
    assert notes[28].text == "Harbour Response Act of 1980. 42 U.S.C. 9601."
    assert notes[29].text == "Office of Ports, Faster Permits (Washington, July 10, 2025)."


def test_unnumbered_title_heading_right_after_a_numbered_sub_section_sits_below_it():
    page1 = ["1. Pooling policy insights", *filler("insight", 5), "1.1. Making the most of national plans",
             *filler("plan", 5)[:-1], "and the board agreed.", "Outlook", *filler("outlook", 5), "3"]
    page2 = ["2. Sharing data", *filler("data", 9), "4"]
    doc = structure_report(blank_layout(page1, page2))
    assert ("Outlook", 3) in _headings(doc)


def test_cover_banner_series_title_authors_month_read_in_a_whole_report():
    cover = ["NORTHGATE INSTITUTE FOR TECHNOLOGY POLICY", "Policy Brief No. 7", "Semiconductor Supply Chains and",
             "Export Controls in East Asia", "Hana Sato and Peter Lindqvist", "March 2024"]
    body = [["Introduction", *filler("wafer", 9), "2"], ["1. Export controls", *filler("licence", 9), "3"]]
    doc = structure_report(blank_layout(cover, *body))
    assert doc.title == "Semiconductor Supply Chains and Export Controls in East Asia"
    assert doc.authors == ("Hana Sato", "Peter Lindqvist") and doc.published_month == "2024-03"
    assert "NORTHGATE INSTITUTE" not in doc.text


def test_signature_under_a_foreword_is_not_a_heading():
    page1 = ["Forewords", *filler("foreword", 6)[:-1], "and we look forward to the work ahead.", "Professor Ana Silva",
             "Harbour University & Chair of the Panel", "2"]
    page2 = ["Executive Summary", *filler("summary", 9), "3"]
    doc = structure_report(blank_layout(["Contributors", *filler("people", 5), "1"], page1, page2))
    headings = [h for h, _ in _headings(doc)]
    assert "Professor Ana Silva" not in headings and "Harbour University & Chair of the Panel" not in headings
    assert "Forewords" in headings and "Executive Summary" in headings


def test_running_head_ending_in_a_fixed_number_is_furniture_also_off_the_edge():
    head, second = "HARBOUR AI 100-1", "Harbour Framework 1.0"
    pages = [[head, second, *filler(f"topic{k}", 8), f"Page {k + 1}"] for k in range(4)]
    pages.append(["Fig. 3. Actors across the harbour lifecycle. See Appendix A for detailed descriptions of the tasks,",
                  "evaluation and validation tasks of the harbour actors in the model dimension are separated from",
                  "those building and using the models.", head, second, "Page 5"])
    pages.append([head, second, *filler("closing", 8), "Page 6"])
    doc = structure_report(blank_layout(*pages))
    assert head not in doc.text


def test_a_place_name_heading_over_prose_is_no_signature():
    page1 = ["Regional outlook", *filler("region", 5)[:-1], "and the board agreed.", "Hong Kong", *filler("harbour", 6), "2"]
    doc = structure_report(blank_layout(["Introduction", *filler("intro", 8), "1"], page1, [*filler("canal", 9), "3"]))
    assert "Hong Kong" in [h for h, _ in _headings(doc)]


def test_legend_labels_repeated_under_two_charts_are_not_headings():
    chart = ["Harbour volumes by region", "Northern Ports", "Southern Ports", "Inland Canals"]
    page1 = [*filler("alpha", 5)[:-1], "as the chart shows.", *chart, *filler("beta", 5), "2"]
    page2 = [*filler("gamma", 5)[:-1], "as the next chart shows.", *chart, *filler("delta", 5), "3"]
    doc = structure_report(blank_layout(["Introduction", *filler("intro", 8), "1"], page1, page2))
    assert "Southern Ports" not in [h for h, _ in _headings(doc)]


# --- box labels: a box of key facts is no heading and does not run into the next paragraph ------------------------


def test_box_of_key_facts_label_is_no_heading_and_stays_apart_from_the_paragraph():
    page1 = ["OVERVIEW", *filler("port", 5), "AT A GLANCE", "Berths in operation: 14", "Average dwell time: 3.2 days",
             "Vessels per year: 2,400", "The cranes were replaced in the spring.", *filler("crane", 5), "9"]
    page2 = ["FINDINGS", *filler("berth", 6), "10"]
    doc = structure_report(blank_layout(page1, page2))
    assert [s.heading for s in doc.sections if s.kind == "heading"] == ["OVERVIEW", "FINDINGS"]
    assert "\nThe cranes were replaced in the spring." in doc.text
    assert "Vessels per year: 2,400\n" in doc.text


def test_box_lines_need_two_facts_a_label_over_one_line_stays_a_heading():
    page1 = ["OVERVIEW", *filler("port", 5), "NEXT STEPS", "Timeline: to be agreed", *filler("crane", 5), "9"]
    page2 = ["FINDINGS", *filler("berth", 6), "10"]
    doc = structure_report(blank_layout(page1, page2))
    assert "NEXT STEPS" in [s.heading for s in doc.sections]


def test_box_label_in_capitals_under_a_numbered_heading_over_a_list_is_no_heading():
    page1 = ["1 Ports", *filler("port", 6), "1.1 How the berths are run", "AT A GLANCE",
             "• Berths are let to operators on ten-year terms and reviewed in the fifth year.",
             "• Operators pay a fee for each vessel that calls at the terminal.", *filler("crane", 5), "9"]
    page2 = ["1.2 Findings", *filler("berth", 6), "10"]
    doc = structure_report(blank_layout(page1, page2))
    assert [s.heading for s in doc.sections if s.kind == "heading"] == ["1 Ports", "1.1 How the berths are run", "1.2 Findings"]
    assert "AT A GLANCE" in doc.text


def test_infographic_title_in_capitals_over_short_labels_before_a_heading_is_no_heading():
    page1 = ["1. Ports", *filler("port", 6), "THREE PRIORITIES FOR THE HARBOUR", "Dredge the channel", "Renew the cranes",
             "Train the pilots", "2. Dredging", *filler("crane", 5), "9"]
    page2 = [*filler("berth", 6), "10"]
    doc = structure_report(blank_layout(page1, page2))
    assert [s.heading for s in doc.sections if s.kind == "heading"] == ["1. Ports", "2. Dredging"]
    assert "Renew the cranes\n" in doc.text  # the labels are lines of their own, not run into a paragraph


def test_labels_in_capitals_over_lists_of_names_stay_headings():
    page1 = ["Contributors", "CHAIR", "Ana Silva", "Northgate Institute", "WRITING GROUP", "Li Wei", "Tom Berg",
             "Hana Sato", "ADVISERS", "Peter Lind", "Maria Costa", "1"]
    page2 = ["1. Ports", *filler("berth", 6), "2"]
    doc = structure_report(blank_layout(page1, page2))
    assert "WRITING GROUP" in [s.heading for s in doc.sections]
