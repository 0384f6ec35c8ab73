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
