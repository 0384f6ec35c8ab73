"""No single PDF fails the build or loses data silently (issue 12): odd glyphs, scripts, scanned and damaged
pages, files that are not what their name says; PDFs written in the test with tests/minipdf.py."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from corpus.cli import app
from corpus.readers import pdf as pdf_reader
from corpus.readers.pdf import PdfReadError, read_pdf

from .minipdf import Text, image, make_pdf
from .report_text import filler

runner = CliRunner()


def _texts(data: bytes) -> list[str]:
    return [line.text for line in read_pdf(data).lines]


def test_ligature_glyphs_are_spelt_out_and_invisible_characters_dropped():
    line = "the \ufb01rst \ufb02oor of the of\u00adfice, a zero\u200bwidth join and a \ufb03x"
    assert _texts(make_pdf([[Text(72, 80, line)]])) == ["the first floor of the office, a zerowidth join and a ffix"]
    # a symbol font's bullet (private use) is kept: it marks a list item
    assert _texts(make_pdf([[Text(72, 80, "\uf0b7"), Text(90, 80, "first item of the list")]])) == ["\uf0b7 first item of the list"]


def test_soft_hyphen_at_a_line_end_is_the_hyphen_of_the_broken_word():
    assert _texts(make_pdf([[Text(72, 80, "the word was bro\u00ad"), Text(72, 94, "ken at the end")]])) == ["the word was bro-", "ken at the end"]


def test_right_to_left_line_is_read_from_the_right_keeping_numbers_in_their_order():
    # drawn as printed: the first letter of the line is the rightmost glyph
    assert _texts(make_pdf([[Text(72, 80, "םלוע םולש 2024 ב")]])) == ["ב 2024 שלום עולם"]
    assert _texts(make_pdf([[Text(72, 80, "Plain left to right")]])) == ["Plain left to right"]


def test_vertical_cjk_columns_are_read_top_down_from_the_right_and_horizontal_cjk_stays_in_rows():
    right = [Text(300, 80 + 12 * i, ch, size=12) for i, ch in enumerate("人工智能发展报告")]
    left = [Text(280, 80 + 12 * i, ch, size=12) for i, ch in enumerate("第二列文字")]
    assert _texts(make_pdf([[*left, *right]])) == ["人工智能发展报告", "第二列文字"]
    rows = [Text(72, 80 + 16 * r, "人工智能发展报告第二列文字", size=12) for r in range(3)]
    assert _texts(make_pdf([rows])) == ["人工智能发展报告第二列文字"] * 3


def test_text_layer_drawn_twice_is_read_once():
    lines = [Text(72, 80 + 14 * i, f"Body line {i} of the page") for i in range(3)]
    overprint = [Text(72.4, 80 + 14 * i, f"Body line {i} of the page") for i in range(3)]  # a second layer, or fake bold
    assert _texts(make_pdf([[*lines, *overprint]])) == [t.text for t in lines]


def test_ocr_layer_of_a_scanned_page_is_read_and_noted():
    scan = [image(0, 0, 612, 792), Text(72, 80, "Recognised text of the scan", invisible=True)]
    layout = read_pdf(make_pdf([[Text(72, 80, "A page with visible text"), Text(72, 80, "A page with visible text", invisible=True)], scan]))
    assert [line.text for line in layout.lines] == ["A page with visible text", "Recognised text of the scan"]  # no duplicate layer
    assert layout.notes == ("pdf: page 2: no visible text; read from the invisible text layer (the OCR of a scanned image)",)


def test_scanned_page_without_text_layer_is_noted_and_the_other_pages_kept():
    pages = [[Text(72, 80, "page one")], [image(0, 0, 612, 792)], [Text(72, 80, "page three")], [image(0, 0, 612, 792)], []]
    layout = read_pdf(make_pdf(pages))
    assert [line.text for line in layout.lines] == ["page one", "page three"]
    (note,) = layout.notes
    assert note.startswith("pdf: pages 2, 4: no text layer")  # the blank last page is no loss


def test_a_page_that_cannot_be_read_loses_only_itself(monkeypatch):
    real = pdf_reader._page_chars

    def broken_second_page(page, frame):
        if "two" in page.get_textpage().get_text_range():
            raise ValueError("broken content stream")
        return real(page, frame)

    monkeypatch.setattr(pdf_reader, "_page_chars", broken_second_page)
    layout = read_pdf(make_pdf([[Text(72, 80, "page one")], [Text(72, 80, "page two")], [Text(72, 80, "page three")]]))
    assert [line.text for line in layout.lines] == ["page one", "page three"]
    assert layout.notes == ("pdf: page 2: could not be read (a damaged page); its text is not in the document",)


@pytest.mark.parametrize(("data", "words"), [
    (b"Plain text saved under a .pdf name\n", "not a PDF"),
    (b"<html><body><p>A web page</p></body></html>", "not a PDF"),
    (make_pdf([[Text(72, 80, "cut short")] for _ in range(3)])[:-300], "cannot be opened"),
    (make_pdf([]), "cannot be opened"),  # no pages (PDFium's message depends on its last error)
])
def test_a_file_that_is_not_a_readable_pdf_is_named_damaged(data, words):
    with pytest.raises(PdfReadError) as caught:
        read_pdf(data)
    assert caught.value.reason == "damaged" and words in str(caught.value)


def test_many_pages_are_all_read():
    layout = read_pdf(make_pdf([[Text(72, 80, f"page {n}")] for n in range(1500)]))
    assert len(layout.pages) == 1500 and layout.lines[-1].text == "page 1499"


def _report(*extra: list[Text | str]) -> bytes:
    return make_pdf([[Text(72, 100 + 14 * i, line) for i, line in enumerate(filler(f"page{n}", 10))] + [Text(300, 760, str(n + 1))]
                     for n in range(3)] + list(extra))


@pytest.mark.filterwarnings("ignore:.*no manifest")
def test_cli_build_of_a_folder_mixing_good_and_bad_files(tmp_path):
    """A bad file stops the build naming it (exit 2, the last good build kept) or, with --skip-bad, is listed in
    rejects.json; a PDF with a scanned page builds, the loss stated in the card; a PDF named .txt is refused."""
    seeds, out = tmp_path / "seeds", tmp_path / "out"
    seeds.mkdir()
    (seeds / "good.pdf").write_bytes(_report())
    (seeds / "partly-scanned.pdf").write_bytes(_report([image(0, 0, 612, 792)]))
    result = runner.invoke(app, ["build", "--seeds", str(seeds), "--out", str(out), "--no-ner"])
    assert result.exit_code == 0, result.output
    card = (out / "README.md").read_text()  # the build's card
    assert "`partly-scanned`: pdf: page 4: no text layer" in card
    before = (out / "documents").stat()
    (seeds / "locked.pdf").write_bytes(make_pdf([[Text(72, 80, "secret")]], encrypt=True))
    (seeds / "notes.pdf").write_bytes(b"Some notes typed into a file with the wrong name\n")
    (seeds / "saved-as.txt").write_bytes(_report())
    (seeds / "saved-as-page.html").write_bytes(_report())
    result = runner.invoke(app, ["build", "--seeds", str(seeds), "--out", str(out), "--no-ner"])
    assert result.exit_code == 2
    (line,) = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert "locked.pdf" in line and "[pdf-encrypted]" in line
    assert (out / "documents").stat() == before  # the last good build survives
    result = runner.invoke(app, ["build", "--seeds", str(seeds), "--out", str(out), "--no-ner", "--skip-bad"])
    assert result.exit_code == 0, result.output
    rejects = {r["file"].split("/")[-1]: r["code"] for r in json.loads((out / "rejects.json").read_text())}
    assert rejects == {"locked.pdf": "pdf-encrypted", "notes.pdf": "pdf-damaged", "saved-as.txt": "wrong-extension",
                       "saved-as-page.html": "wrong-extension"}
    assert sorted(pq.read_table(out / "documents").column("doc_id").to_pylist()) == ["good", "partly-scanned"]


def test_pages_that_cannot_be_placed_leave_provenance_null_with_a_note(monkeypatch):
    from corpus.readers import provenance
    from corpus.structure.model import StructuredDocument

    def broken(text, lines):
        raise IndexError("alignment ran off the end")

    monkeypatch.setattr(provenance, "align_lines", broken)
    layout = read_pdf(_report())
    doc = provenance.place_on_pages(StructuredDocument(text="Some text."), layout)
    assert doc.text == "Some text." and doc.notes == ("pdf: pages and boxes could not be placed (IndexError: alignment ran off the end); they are null",)


def test_page_turned_by_rotate_keeps_all_its_text_and_boxes_are_measured_from_the_visible_corner():
    page = [Text(72, 80 + 14 * i, f"Body line {i} of a landscape page") for i in range(8)]
    page.append(Text(80, 700, "Figure 3: a caption set sideways", angle=90))
    turned = read_pdf(make_pdf([page], rotate=90))
    assert sorted(line.text for line in turned.lines) == sorted(t.text for t in page)  # none falls outside the page
    moved = read_pdf(make_pdf([page], origin=(-20, -30)))  # a media box not starting at 0 0
    assert [line.bbox.top for line in moved.lines] == [line.bbox.top for line in read_pdf(make_pdf([page])).lines]


@pytest.mark.parametrize(("text", "url"), [
    ("see https://example.org/a", "https://example.org/a"),
    ("see https://example.org/a\n", "https://example.org/a"),
    ("see https://example.org/a ", None),
    ("www.example.org and more words", None),
    ("a long note " * 5000 + "www.example.org/path-", "www.example.org/path-"),
    ("", None),
])
def test_url_at_end_is_the_last_token_only(text, url):
    """Long documents (hundreds of PDF pages) stay linear: only the last run of non-space characters is searched."""
    from corpus.structure.lines import url_at_end

    assert url_at_end(text) == url
