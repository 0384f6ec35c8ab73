"""PDF reader: lines with layout attributes, reading order, hidden text, bad PDFs; PDFs written in the test."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from corpus.cli import app
from corpus.errors import SeedError
from corpus.read import read_seeds
from corpus.readers.model import layout_text
from corpus.readers.pdf import PdfReadError, read_pdf

from .minipdf import Text, make_pdf
from .report_text import filler

runner = CliRunner()


def _texts(data: bytes) -> list[str]:
    return [line.text for line in read_pdf(data).lines]


def test_readers_pdf_lines_carry_size_weight_font_box_and_page():
    layout = read_pdf(make_pdf([[Text(72, 80, "1 Introduction", size=16, bold=True)], [Text(72, 80, "Plain body text.")]]))
    heading, body = layout.lines
    assert (heading.text, heading.font_size, heading.bold, heading.page) == ("1 Introduction", 16, True, 0)
    assert (body.text, body.font_size, body.bold, body.page) == ("Plain body text.", 10, False, 1)
    assert heading.font_name == "Helvetica-Bold" and body.font_name == "Helvetica"
    assert heading.bbox.x0 == pytest.approx(72) and heading.bbox.bottom > 75 > heading.bbox.top
    assert layout.input_format == "pdf" and layout.extractor == "pypdfium2" and layout.extractor_version


def test_readers_pdf_superscript_marker_is_a_raised_span_of_its_line():
    end = read_pdf(make_pdf([[Text(72, 100, "as the report notes")]])).lines[0].bbox.x1
    (line,) = read_pdf(make_pdf([[Text(72, 100, "as the report notes"), Text(end, 100, "12", size=6, rise=4)]])).lines
    assert line.text == "as the report notes12"
    assert [line.text[a:b] for a, b in line.raised] == ["12"]


def test_readers_pdf_invisible_and_off_page_text_is_left_out():
    texts = _texts(make_pdf([[Text(72, 80, "Seen"), Text(72, 120, "hidden layer", invisible=True), Text(650, 160, "beyond the edge")]]))
    assert texts == ["Seen"]


def test_readers_pdf_sideways_text_reads_as_one_line():
    assert _texts(make_pdf([[Text(300, 500, "Share of firms", angle=90)]])) == ["Share of firms"]


def test_readers_pdf_two_columns_are_read_one_after_the_other():
    left = [Text(72, 100 + 14 * i, f"left column line {i}") for i in range(5)]
    right = [Text(320, 100 + 14 * i, f"right column line {i}") for i in range(5)]
    title = Text(72, 70, "A title across both columns of the page", size=14)
    texts = _texts(make_pdf([[*right, title, *left]]))  # drawn out of order on purpose
    assert texts == [title.text] + [t.text for t in left] + [t.text for t in right]


def test_readers_pdf_group_labels_over_two_columns_close_the_columns_above_them():
    """A contributor list in two columns under labels in capitals: each group's left and right columns are read
    before the next label (not the left column of every group, then the right)."""
    page = [Text(72, 100, "WRITING GROUP")]
    page += [Text(72, 114 + 14 * i, f"Writer left {i}, Institute") for i in range(3)]
    page += [Text(320, 114 + 14 * i, f"Writer right {i}, Institute") for i in range(3)]
    page += [Text(72, 170, "SENIOR ADVISERS")]
    page += [Text(72, 184 + 14 * i, f"Adviser left {i}, Institute") for i in range(3)]
    page += [Text(320, 184 + 14 * i, f"Adviser right {i}, Institute") for i in range(3)]
    texts = _texts(make_pdf([page]))
    assert texts.index("Writer right 2, Institute") < texts.index("SENIOR ADVISERS") < texts.index("Adviser left 0, Institute")
    # a heading in capitals with the right column's text beside it closes nothing: body columns stay whole
    body = [Text(72, 100 + 14 * i, f"left column line {i}") for i in range(6)] + [Text(72, 184, "RESULTS")]
    body += [Text(320, 100 + 14 * i, f"right column line {i}") for i in range(8)]
    texts = _texts(make_pdf([body]))
    assert texts.index("RESULTS") < texts.index("right column line 0")


def test_readers_pdf_footer_drawn_first_is_read_last_and_gives_the_printed_page_number():
    layout = read_pdf(make_pdf([[Text(300, 760, "7"), Text(72, 80, "Body line one."), Text(72, 94, "Body line two.")]]))
    assert [line.text for line in layout.lines] == ["Body line one.", "Body line two.", "7"]
    assert layout.pages[0].label == "7"


def test_readers_pdf_line_stream_has_the_text_seed_layout():
    layout = read_pdf(make_pdf([[Text(72, 80, "One"), Text(72, 94, "Two")], [Text(72, 80, "Three")]]))
    assert layout_text(layout) == " One\n\nTwo\n Three"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (make_pdf([[Text(72, 80, "secret")]], encrypt=True), "encrypted"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "damaged"),
        (make_pdf([[Text(72, 80, "cut short")]])[:200], "damaged"),
        (make_pdf([["72 72 m 300 300 l S"]]), "no-text-layer"),
    ],
)
def test_readers_pdf_bad_pdf_raises_with_its_reason(data, reason):
    with pytest.raises(PdfReadError) as caught:
        read_pdf(data)
    assert caught.value.reason == reason


def test_read_seeds_names_the_bad_pdf_or_lists_it_as_rejected(tmp_path):
    (tmp_path / "good.pdf").write_bytes(make_pdf([[Text(72, 80, "A readable report page.")]]))
    (tmp_path / "scan.pdf").write_bytes(make_pdf([["72 72 m 300 300 l S"]]))
    with pytest.warns(UserWarning, match="no manifest"), pytest.raises(SeedError) as caught:
        read_seeds(tmp_path)
    assert "scan.pdf" in str(caught.value) and caught.value.code == "pdf-no-text-layer"
    rejects: list[SeedError] = []
    with pytest.warns(UserWarning, match="no manifest"):
        (source,) = read_seeds(tmp_path, rejects=rejects)
    assert [r.code for r in rejects] == ["pdf-no-text-layer"]
    assert (source.source_file, source.input_format, source.extractor) == ("good.pdf", "pdf", "pypdfium2")
    assert source.raw.strip() == "A readable report page."


_CHAPTERS = ("Introduction", "Methods and sources", "Findings")


def _report_pages() -> list[list[Text]]:
    """Three pages of a small report: numbered bold headings, body text, a raised note marker and its note."""
    pages = []
    for n, title in enumerate(_CHAPTERS, start=1):
        words = "The programme was reviewed by the committee in several sessions and the members agreed that the evidence"
        body = [Text(72, 130 + 14 * i, words if i < 7 else "supported a cautious expansion.") for i in range(8)]
        pages.append([
            Text(72, 100, f"{n} {title}", size=16, bold=True),
            *body,
            Text(72, 720, f"{n} A note explaining chapter {n} in some detail.", size=8),
            Text(300, 760, str(n)),
        ])
    return pages


@pytest.mark.filterwarnings("ignore:.*no manifest")
def test_cli_build_reads_a_pdf_seed_with_page_provenance(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "report.pdf").write_bytes(make_pdf(_report_pages()))
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "--seeds", str(seeds), "--out", str(out), "--no-ner"])
    assert result.exit_code == 0, result.output
    document = pq.read_table(out / "documents").to_pylist()[0]
    assert (document["input_format"], document["extractor"]) == ("pdf", "pypdfium2")
    sections = [s for s in pq.read_table(out / "sections").to_pylist() if s["kind"] == "heading"]
    assert [(s["heading"], s["page_start"]) for s in sections] == [(f"{n} {title}", n) for n, title in enumerate(_CHAPTERS, start=1)]
    assert all(s["bbox"][1] < 100 < s["bbox"][3] for s in sections)  # the heading's own line on its page
    shown = runner.invoke(app, ["show", "report", "--build", str(out)])
    assert "report.pdf" in shown.output and "read by pypdfium2" in shown.output


def test_cli_build_bad_pdf_exits_2_naming_it_or_skips_it(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "report.pdf").write_bytes(make_pdf(_report_pages()))
    (seeds / "locked.pdf").write_bytes(make_pdf([[Text(72, 80, "secret")]], encrypt=True))
    result = runner.invoke(app, ["build", "--seeds", str(seeds), "--out", str(tmp_path / "out"), "--no-ner"])
    assert result.exit_code == 2
    assert "locked.pdf" in result.output and "encrypted" in result.output
    assert not (tmp_path / "out").exists()
    result = runner.invoke(app, ["build", "--seeds", str(seeds), "--out", str(tmp_path / "out"), "--no-ner", "--skip-bad"])
    assert result.exit_code == 0, result.output
    rejects = json.loads((tmp_path / "out" / "rejects.json").read_text())
    assert "locked.pdf" in json.dumps(rejects) and "pdf-encrypted" in json.dumps(rejects)


@pytest.mark.parametrize("skip", [[], ["--skip-bad"]])
def test_cli_build_pdf_and_txt_of_one_stem_exit_2_naming_both(tmp_path, skip):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "report.pdf").write_bytes(make_pdf(_report_pages()))
    (seeds / "report.txt").write_text("Report\n\nThe same report as text.\n")
    result = runner.invoke(app, ["build", "--seeds", str(seeds), "--out", str(tmp_path / "out"), "--no-ner", *skip])
    assert result.exit_code == 2
    (line,) = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert "report.pdf" in line and "report.txt" in line and "[duplicate-doc-id]" in line and "keep one" in line
    assert not (tmp_path / "out").exists()


def test_readers_pdf_drop_cap_does_not_merge_the_lines_it_spans():
    lines = [Text(110, 100 + 14 * i, f"body line number {'one two three'.split()[i]} of the opening") for i in range(3)]
    texts = _texts(make_pdf([[Text(72, 128, "T", size=40), *lines]]))
    assert texts == ["Tbody line number one of the opening"] + [t.text for t in lines[1:]]  # the cap begins the first line only


def test_readers_pdf_sidebar_in_other_type_follows_the_paragraph_it_stands_beside():
    body = [Text(72, 100 + 12 * i, f"the opening paragraph of the summary runs on here, line {'abcdef'[i]}") for i in range(6)]
    body.append(Text(72, 100 + 12 * 7 + 6, "A second paragraph starts after a gap."))
    side = [Text(450, 98 + 12 * i, name, size=8, bold=True) for i, name in enumerate(("R48902", "April 10, 2026", "Ada Byron", "Specialist"))]
    texts = _texts(make_pdf([[*side, *body]]))
    assert texts == [t.text for t in body[:6]] + [t.text for t in side] + [body[6].text]


def test_cache_key_includes_input_format_and_extractor_version(tmp_path):
    import dataclasses

    from corpus.cache import cache_key
    from corpus.pipeline import Options

    (tmp_path / "good.pdf").write_bytes(make_pdf([[Text(72, 80, "A readable report page.")]]))
    with pytest.warns(UserWarning, match="no manifest"):
        (source,) = read_seeds(tmp_path)
    key = cache_key(source, Options())
    assert key != cache_key(dataclasses.replace(source, extractor_version="0.0.1"), Options())
    assert key != cache_key(dataclasses.replace(source, input_format="txt", extractor=None, extractor_version=None), Options())


@pytest.mark.filterwarnings("ignore:.*no manifest")
def test_cli_build_of_a_pdf_seed_is_byte_identical_when_repeated(tmp_path):
    from .conftest import file_digests

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "report.pdf").write_bytes(make_pdf(_report_pages()))
    digests = []
    for name in ("a", "b"):
        result = runner.invoke(app, ["build", "--seeds", str(seeds), "--out", str(tmp_path / name), "--no-ner", "--no-cache"])
        assert result.exit_code == 0, result.output
        digests.append({k: v for k, v in file_digests(tmp_path / name).items() if k.endswith(".parquet")})
    assert digests[0] == digests[1] and digests[0]


def _heading_page(first: str, second: str) -> list[Text]:
    body = filler("grid", 6)
    return [Text(72, 80, filler("pre", 1)[0]), Text(72, 100, first, size=16), Text(72, 119, second, size=16),
            *[Text(72, 140 + 12 * i, line) for i, line in enumerate(body)], Text(300, 760, "3")]


def test_readers_pdf_unnumbered_heading_wrapped_by_the_measure_is_one_heading():
    from corpus.structure.report import structure_report

    first, second = "Expand Regional Testing Capacity for Laboratories", "Universities and Hospitals across Every Member State"
    last_page = [*[Text(72, 80 + 12 * i, line) for i, line in enumerate(filler("post", 8))], Text(300, 760, "4")]
    layout = read_pdf(make_pdf([_heading_page(first, second), last_page]))
    stream = layout_text(layout)
    assert f"\n\n{first}\n{second}\n\n" in stream  # larger type, flush left, next word too wide for the measure: tight
    headings = [s.heading for s in structure_report(stream).sections if s.kind == "heading"]
    assert headings == [f"{first} {second}"]


def test_readers_pdf_heading_lines_stopping_short_of_the_measure_stay_apart():
    stream = layout_text(read_pdf(make_pdf([_heading_page("Testing Capacity", "Universities and Hospitals")])))
    assert "\n\nTesting Capacity\n\nUniversities and Hospitals\n\n" in stream  # a title block, not a wrapped heading
