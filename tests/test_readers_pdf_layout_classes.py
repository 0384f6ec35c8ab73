"""Layout classes of real PDF reports (issue 12, classes 5-7), each on pages written with tests/minipdf.py:
two columns with a note at the foot of the left one, running heads alternating left and right or printed once,
a footer set apart under one column, a page intentionally left blank, a drop cap, a landscape figure page with
chart residue, a heading set larger but not bold, a run-in bold label."""

from __future__ import annotations

from corpus.readers.model import layout_text
from corpus.readers.pdf import read_pdf
from corpus.structure import structure_document

from .minipdf import Text, make_pdf
from .report_text import filler

LEFT, RIGHT = 72, 330


def _short(topic: str, n: int) -> list[str]:
    """`n` body lines of at most 40 characters (a column's measure), the last ending the paragraph."""
    out = []
    for i, line in enumerate(filler(topic, n)):
        words: list[str] = []
        for word in line.split():
            if len(" ".join([*words, word])) > 40:
                break
            words.append(word)
        out.append(" ".join(words) + ("." if i == n - 1 else ""))
    return out


def _column(x: float, top: float, lines: list[str], size: float = 10) -> list[Text]:
    return [Text(x, top + 13 * i, line, size=size) for i, line in enumerate(lines)]


def _two_columns(topic: str, n: int = 12) -> list[Text]:
    return _column(LEFT, 100, _short(f"left{topic}", n)) + _column(RIGHT, 100, _short(f"right{topic}", n))


def _structure(pages):
    layout = read_pdf(make_pdf(pages))
    return layout, structure_document(layout_text(layout), genre="report", layout=layout)


def _headings(doc) -> list[str]:
    return [s.heading for s in doc.sections if s.kind == "heading"]


def test_note_at_the_foot_of_the_left_column_is_read_after_both_columns():
    text = "the port agreed to widen the channel."
    end = read_pdf(make_pdf([[Text(LEFT, 100, text)]])).lines[0].bbox.x1
    left = _short("harbour", 8) + [text]
    right = _short("dredging", 14)
    page = _column(LEFT, 100, left) + [Text(end, 100 + 13 * 8, "3", size=6, rise=4)]
    page += [Text(LEFT, 640, "3 The channel was widened in two stages,", size=8), Text(LEFT, 650, "in 2019 and in 2021.", size=8)]
    page += _column(RIGHT, 100, right) + [Text(300, 760, "2", size=8)]
    layout, doc = _structure([_two_columns("a") + [Text(300, 760, "1", size=8)], page, _two_columns("c") + [Text(300, 760, "3", size=8)]])
    texts = [line.text for line in layout.pages[1].lines]
    assert texts.index(right[-1]) < texts.index("3 The channel was widened in two stages,")  # after the right column
    assert [(n.number, n.text) for n in doc.footnotes] == [(3, "The channel was widened in two stages, in 2019 and in 2021.")]
    assert "widen the channel. The dredging programme" in " ".join(doc.text.split())  # the body goes on in the right column


def test_tick_values_at_the_foot_of_a_column_stay_with_it():
    page = _column(LEFT, 100, _short("chart", 8)) + [Text(LEFT, 220, "10    20    30    40", size=7)]
    page += _column(RIGHT, 100, _short("prose", 14))
    texts = [line.text for line in read_pdf(make_pdf([page])).lines]
    assert texts.index("10    20    30    40".replace("    ", " ")) < texts.index(_short("prose", 14)[0])


def test_running_heads_and_folios_alternating_left_and_right_are_furniture():
    pages = [[Text(LEFT, 200, "The Harbour Channel", size=24, bold=True), Text(LEFT, 240, "A review for the port board", size=14)]]
    for n in range(2, 7):  # after the cover: its first line may be the title, never a running head
        even = n % 2 == 0
        head = Text(LEFT, 40, "Harbour Review 2025", size=8) if even else Text(460, 40, "Dredging the Channel", size=8)
        folio = Text(LEFT if even else 530, 760, str(n), size=8)
        pages.append([head, *_two_columns(str(n)), folio])
    layout, doc = _structure(pages)
    assert layout.pages[2].lines[0].text == "Dredging the Channel" and layout.pages[2].lines[-1].text == "3"  # head first, folio last
    assert _headings(doc) == []
    assert "Dredging the Channel" not in doc.text and "Harbour Review" not in doc.text
    assert " ".join(_short("rightc", 12)) in " ".join(doc.text.split())  # each column read whole (page 2)


def test_footer_set_apart_under_the_left_column_ends_its_page():
    pages = [[Text(LEFT, 40, "Harbour Review 2025", size=8), *_two_columns(str(n)), Text(LEFT, 300, f"Page {n}", size=8)] for n in range(1, 5)]
    layout, doc = _structure(pages)
    assert layout.pages[1].lines[-1].text == "Page 2"
    assert "Page 2" not in doc.text and _headings(doc) == []


def test_running_head_printed_once_in_small_type_is_not_a_heading():
    pages = [[*_two_columns(str(n)), Text(300, 760, str(n), size=8)] for n in range(1, 5)]
    pages[1].append(Text(LEFT, 40, "Harbour Review 2025", size=8))
    _, doc = _structure(pages)
    assert _headings(doc) == []


def _page(n: int, topic: str = "body") -> list[Text]:
    return [*_column(LEFT, 100, filler(f"{topic}{n}", 12)), Text(300, 760, str(n))]


def test_page_intentionally_left_blank_is_furniture():
    _, doc = _structure([_page(1), _page(2), [Text(200, 396, "This page intentionally left blank")], _page(4)])
    assert "intentionally" not in doc.text and "This page intentionally left blank" in doc.furniture


def test_drop_cap_begins_the_word_of_the_line_beside_it():
    lines = ["he internet is a network of networks that", "carries data between devices across many",
             "kinds of media and many operators in turn.", "It grew out of research networks funded by",
             "governments in the nineteen seventies."]
    page = [Text(LEFT, 80, "1 Introduction", size=14, bold=True), Text(LEFT, 128, "T", size=36)]
    page += [Text(100 if i < 3 else LEFT, 104 + 13 * i, line) for i, line in enumerate(lines)]
    layout, doc = _structure([_page(1), [*page, Text(300, 760, "2")], _page(3)])
    assert [line.text for line in layout.pages[1].lines][1:3] == ["The internet is a network of networks that", lines[1]]
    assert "The internet is a network of networks that carries data" in doc.text
    assert "1 Introduction" in _headings(doc)


def test_landscape_figure_page_is_read_upright_and_its_chart_residue_kept_out_of_the_text():
    figure = [Text(80, 700, "Figure 2: Permit decisions by year", size=10, bold=True, angle=90)]
    figure += [Text(120, 600 - 100 * k, tick, size=7, angle=90) for k, tick in enumerate(("0", "5", "10", "15"))]
    figure += [Text(140 + 80 * k, 650, year, size=7, angle=90) for k, year in enumerate(("2019", "2021", "2023"))]
    figure += [Text(520, 700, "Source: Ministry permit register.", size=8, angle=90), Text(300, 760, "2")]
    layout, doc = _structure([_page(1), figure, _page(3)])
    texts = [line.text for line in layout.pages[1].lines]
    assert texts[0] == "Figure 2: Permit decisions by year" and texts[-2:] == ["Source: Ministry permit register.", "2"]
    assert texts.index("0") < texts.index("15") < texts.index("2019")  # the chart read in its own upright frame
    (fig,) = doc.figures
    assert (fig.label, fig.caption) == ("Figure 2", "Permit decisions by year")
    assert not any(residue in doc.text.split() for residue in ("15", "2019", "2021"))


def test_heading_set_larger_but_not_bold_is_a_heading_and_a_run_in_bold_label_is_not():
    page = [Text(LEFT, 80, "Findings of the Review", size=16), *_column(LEFT, 104, filler("find", 5))]
    page += [Text(LEFT, 104 + 13 * 5, "Key finding:", bold=True), Text(LEFT + 62, 104 + 13 * 5, "the channel is too narrow for the ships"),
             Text(LEFT, 104 + 13 * 6, "that now call at the port and must be widened."), Text(300, 760, "2")]
    _, doc = _structure([_page(1), page, _page(3)])
    assert _headings(doc) == ["Findings of the Review"]
    assert "Key finding: the channel is too narrow for the ships that now call at the port" in doc.text
