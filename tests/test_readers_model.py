from corpus.readers.model import text_layout


def test_readers_model_text_layout_splits_pages_at_form_feeds_and_drops_blank_lines():
    layout = text_layout("Title\n\n  first line  \n\fsecond page\n\n")
    assert [[line.text for line in page.lines] for page in layout.pages] == [["Title", "first line"], ["second page"]]
    assert [line.page for line in layout.lines] == [0, 0, 1]
    assert layout.input_format == "txt" and all(line.bbox is None and line.font_size is None for line in layout.lines)


def _set(text: str, top: float, size: float = 10, bold: bool = False, x0: float = 72, page: int = 0):
    from corpus.readers.model import Box, SourceLine

    return SourceLine(text=text, page=page, bbox=Box(x0, top, x0 + 6 * len(text), top + size), font_size=size, font_name="Serif", bold=bold)


def _stream(*lines):
    from corpus.readers.model import LayoutDocument, SourcePage, layout_text

    body = [_set("Body text set in the running size of the document for many words.", 400 + 12 * i) for i in range(6)]
    return layout_text(LayoutDocument(pages=(SourcePage(0, (*lines, *body)),), input_format="pdf", extractor="t", extractor_version="0"))


def test_readers_model_numbered_heading_wrapped_in_its_larger_type_is_one_line():
    stream = _stream(_set("I. SET THE CONDITIONS FOR DEVELOPMENT AND UPTAKE", 100, 14, True), _set("IN THE UNION", 116, 14, True, x0=90))
    assert stream.startswith(" I. SET THE CONDITIONS FOR DEVELOPMENT AND UPTAKE IN THE UNION\n\nBody text")


def test_readers_model_unnumbered_lines_and_lines_in_other_type_stay_apart():
    title = _stream(_set("A Report on the Conditions", 100, 14, True), _set("of Development", 116, 14, True))
    assert title.startswith(" A Report on the Conditions\n\nof Development\n\n")
    other = _stream(_set("2. Findings of the review", 100, 14, True), _set("set in another size", 116, 10))
    assert other.startswith(" 2. Findings of the review\n\nset in another size\n\n")
    apart = _stream(_set("2. Findings of the review", 100, 14, True), _set("Far below it", 160, 14, True))
    assert apart.startswith(" 2. Findings of the review\n\nFar below it\n\n")


def test_readers_model_unnumbered_heading_wrapped_by_the_measure_keeps_its_lines_tight():
    # body lines reach 72 + 6 * 68 = 480; the first heading line ends at 432 and " Universities" (13 * 6 points) does not fit
    first, second = _set("Testing Capacity in the Regions", 100, 14), _set("Universities and Hospitals", 116, 14)
    first = _with_x1(first, 432)
    assert _stream(first, second).startswith(" Testing Capacity in the Regions\nUniversities and Hospitals\n\nBody text")


def test_readers_model_unnumbered_heading_lines_that_stop_short_or_are_body_size_stay_apart():
    short = _with_x1(_set("Testing Capacity in the Regions", 100, 14), 300)  # "Universities" would have fit after it
    assert _stream(short, _set("Universities and Hospitals", 116, 14)).startswith(" Testing Capacity in the Regions\n\nUniversities")
    bold = _with_x1(_set("Testing capacity was raised in all regions and", 100, 10, True), 478)  # a bold paragraph
    assert _stream(bold, _set("universities took part", 112, 10, True)).startswith(" Testing capacity was raised in all regions and\n\nuniversities")
    indented = _with_x1(_set("Testing Capacity in the Regions", 100, 14), 432)
    assert _stream(indented, _set("Universities and Hospitals", 116, 14, x0=100)).startswith(" Testing Capacity in the Regions\n\n")


def _with_x1(line, x1: float):
    from dataclasses import replace

    from corpus.readers.model import Box

    return replace(line, bbox=Box(line.bbox.x0, line.bbox.top, x1, line.bbox.bottom))
