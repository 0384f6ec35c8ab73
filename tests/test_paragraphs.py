"""paragraphs table: blocks, list items, headings, captions, footnotes, section paths, pages, splits."""

from __future__ import annotations

import pytest

from corpus.derive.paragraphs import blocks, list_pieces, paragraph_records
from corpus.derive.splits import split_of
from corpus.records import NER_TAG_NAMES, Document, Figure, Footnote, Section

TEXT = (
    "Opening words before any heading.\n\n"
    "Markets\n\n"
    "Trade grew fast.\n\n"
    "Risks\n\n"
    "Three risks stand out:\n"
    "- Data flows are restricted\n"
    "continuing the first item\n"
    "- Firms localise\n\n"
    "Figure 1. Sales by year\n\n"
    "Source: Company reports\n\n"
    "Closing paragraph."
)


def _doc(text: str = TEXT, doc_id: str = "d1", language: str = "en") -> Document:
    return Document(
        doc_id=doc_id, source_file=f"{doc_id}.txt", sha256="0" * 64, n_bytes=1, title=None, authors=[], publisher=None,
        url=None, language=language, genre="report", published_date=None, published_month=None, published_time=None,
        event_dates=[], related_links=[], text=text, n_chars=len(text), n_words=1, field_origins=[], notes=None,
    )


def _section(i: int, heading: str, start: int, end: int, level: int = 1, parent: int | None = None, kind: str = "heading", pages=(None, None)) -> Section:
    return Section(
        section_id=f"d1/s{i:04d}", doc_id="d1", parent_id=f"d1/s{parent:04d}" if parent is not None else None, level=level,
        ordinal=i, kind=kind, heading=heading, text=TEXT[start:end], start=start, end=end, page_start=pages[0], page_end=pages[1],
    )


def _fixture():
    markets, risks = TEXT.index("Markets"), TEXT.index("Risks")
    sections = [
        _section(0, "", 0, markets, kind="preamble"),
        _section(1, "Markets", markets, len(TEXT), pages=(2, 4)),
        _section(2, "Risks", risks, len(TEXT), level=2, parent=1, pages=(3, 3)),
    ]
    figure = Figure(figure_id="d1/f0000", doc_id="d1", label="Figure 1", number=1, kind="figure", caption="Sales by year",
                    source="Company reports", section_id="d1/s0002", start=TEXT.index("Figure 1."), mention_starts=[])
    note = Footnote(footnote_id="d1/n0001", doc_id="d1", number=1, marker="1", kind="footnote", text=" See the annual report. ", urls=[],
                    ambiguous_urls=[], section_id="d1/s0002", anchor=TEXT.index(" stand"), status="ok", ibid_of=None, page=3)
    empty = Footnote(footnote_id="d1/n0002", doc_id="d1", number=2, marker="2", kind="footnote", text="", urls=[], ambiguous_urls=[],
                     section_id=None, anchor=None, status="missing_text", ibid_of=None, page=None)
    return paragraph_records(_doc(), sections, [figure], [empty, note])


def test_paragraphs_kinds_texts_and_paths_read_from_the_document():
    rows = _fixture()
    got = [(p.kind, p.text, p.section_path, p.page) for p in rows]
    assert got == [
        ("paragraph", "Opening words before any heading.", [], None),
        ("heading", "Markets", ["Markets"], None),
        ("paragraph", "Trade grew fast.", ["Markets"], None),
        ("heading", "Risks", ["Markets", "Risks"], 3),
        ("paragraph", "Three risks stand out:", ["Markets", "Risks"], 3),
        ("list_item", "- Data flows are restricted\ncontinuing the first item", ["Markets", "Risks"], 3),
        ("list_item", "- Firms localise", ["Markets", "Risks"], 3),
        ("caption", "Figure 1. Sales by year", ["Markets", "Risks"], 3),
        ("caption", "Source: Company reports", ["Markets", "Risks"], 3),
        ("paragraph", "Closing paragraph.", ["Markets", "Risks"], 3),
        ("footnote", "See the annual report.", ["Markets", "Risks"], 3),
    ]


def test_paragraphs_offsets_point_into_the_text_their_field_names():
    rows = _fixture()
    for p in rows:
        source = " See the annual report. " if p.field == "footnote" else TEXT
        assert source[p.start : p.end] == p.text
    note = rows[-1]
    assert (note.field, note.footnote_id, note.start, note.section_id) == ("footnote", "d1/n0001", 1, "d1/s0002")
    assert all(p.footnote_id is None for p in rows[:-1])


def test_paragraphs_ids_are_ordinals_and_rows_share_the_document_split():
    rows = _fixture()
    assert [p.paragraph_id for p in rows] == [f"d1/p{i:04d}" for i in range(len(rows))]
    assert {p.split for p in rows} == {split_of("d1")}
    assert {p.language for p in rows} == {"en"}


def test_paragraphs_without_sections_are_plain_paragraphs():
    rows = paragraph_records(_doc("One.\n \nTwo.\n\n\n\nThree."), [], [], [])
    assert [(p.text, p.section_id, p.section_path) for p in rows] == [("One.", None, []), ("Two.", None, []), ("Three.", None, [])]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a\n\nb", ["a", "b"]),
        ("  a  \n \t\n b", ["a", "b"]),
        ("\n\n\n", []),
        ("a\nb", ["a\nb"]),
    ],
)
def test_paragraphs_blocks_split_at_blank_lines(text, expected):
    assert [text[s:e] for s, e in blocks(text)] == expected


@pytest.mark.parametrize(
    "block, expected",
    [
        ("Intro:\n• one\n• two", [("paragraph", "Intro:"), ("list_item", "• one"), ("list_item", "• two")]),
        ("(a) first\n(b) second", [("list_item", "(a) first"), ("list_item", "(b) second")]),
        ("1. first\n2) second", [("list_item", "1. first"), ("list_item", "2) second")]),
        ("-5 degrees is cold\nsecond line", [("paragraph", "-5 degrees is cold\nsecond line")]),
    ],
)
def test_paragraphs_list_items_start_at_list_markers(block, expected):
    assert [(k, block[s:e]) for k, s, e in list_pieces(block, 0, len(block))] == expected


def test_paragraphs_split_is_a_fixed_function_of_doc_id():
    ids = [f"doc-{i}" for i in range(400)]
    splits = [split_of(i) for i in ids]
    assert splits == [split_of(i) for i in ids]
    share = {s: splits.count(s) / len(ids) for s in ("train", "validation", "test")}
    assert 0.7 < share["train"] < 0.9 and 0.05 < share["validation"] < 0.15 and 0.05 < share["test"] < 0.15


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab -•(1).\n\t 中")), max_size=80))
def test_paragraphs_property_spans_are_ordered_nonempty_slices(text):
    from corpus.derive.ner import ner_rows

    rows = paragraph_records(_doc(text), [], [], [])
    end = 0
    for p in rows:
        assert text[p.start : p.end] == p.text and p.text.strip() == p.text and p.text and p.start >= end
        end = p.end
    for n in ner_rows(rows, []):
        assert [text[s:e] for s, e in zip(n.token_starts, n.token_ends)] == n.tokens and set(n.ner_tags) == {NER_TAG_NAMES.index("O")}
