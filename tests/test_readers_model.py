from corpus.readers.model import text_layout


def test_readers_model_text_layout_splits_pages_at_form_feeds_and_drops_blank_lines():
    layout = text_layout("Title\n\n  first line  \n\fsecond page\n\n")
    assert [[line.text for line in page.lines] for page in layout.pages] == [["Title", "first line"], ["second page"]]
    assert [line.page for line in layout.lines] == [0, 0, 1]
    assert layout.input_format == "txt" and all(line.bbox is None and line.font_size is None for line in layout.lines)
