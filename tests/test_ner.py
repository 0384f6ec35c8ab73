"""ner table: tokens from spaCy's tokenizer (zh rule), cut at mention boundaries, BIO tags from mentions."""

from __future__ import annotations

from typing import get_args

import pytest

from corpus.derive.ner import bio_spans, cut_at, ner_rows, tag_ids, tag_names, tokenize
from corpus.derive.paragraphs import paragraph_records
from corpus.records import NER_TAG_NAMES, EntityLabel, Mention, NerRow
from tests.test_paragraphs import _doc


def _mention(doc_id: str, text: str, surface: str, label: str, occurrence: int = 0, parent: str | None = None, field: str = "body", footnote_id: str | None = None) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return Mention(
        mention_id=f"{doc_id}/m{start:012x}", entity_id="ent_" + "0" * 12, doc_id=doc_id, field=field, footnote_id=footnote_id,
        start=start, end=start + len(surface), text=surface, label=label, role=None, affiliation_id=None, parent_id=parent,
    )


def test_ner_tag_names_are_o_then_b_and_i_of_each_entity_label():
    assert NER_TAG_NAMES[0] == "O" and len(NER_TAG_NAMES) == 1 + 2 * len(get_args(EntityLabel))
    for n, label in enumerate(get_args(EntityLabel)):
        assert NER_TAG_NAMES[1 + 2 * n : 3 + 2 * n] == (f"B-{label}", f"I-{label}")


def test_ner_tag_ids_round_trip_and_out_of_range_ids_are_refused():
    tags = ["O", "B-ORG", "I-ORG", "B-PRODUCT", "I-PRODUCT"]
    assert tag_ids(tags)[0] == 0 and tag_names(tag_ids(tags)) == tags
    for bad in (-1, len(NER_TAG_NAMES)):
        with pytest.raises(ValueError, match="tag id"):
            tag_names([0, bad])


@pytest.mark.parametrize("bad", [-1, len(NER_TAG_NAMES)])
def test_ner_row_refuses_a_tag_id_out_of_range(bad):
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        NerRow(paragraph_id="d1/p0000", doc_id="d1", language="en", split="train", tokens=["x"], ner_tags=[bad], token_starts=[0], token_ends=[1])


def _tags(row: NerRow) -> list[str]:
    return tag_names(row.ner_tags)


def test_ner_bio_tags_of_a_constructed_document():
    text = "Xi Jinping visited the Shanghai Institutes for International Studies.\n\nThe U.S. and China-based Alibaba met."
    shanghai = _mention("d1", text, "Shanghai Institutes for International Studies", "ORG")
    mentions = [
        _mention("d1", text, "Xi Jinping", "PERSON"),
        shanghai,
        _mention("d1", text, "Shanghai", "GPE", parent=shanghai.mention_id),  # nested: not in flat BIO
        _mention("d1", text, "U.S.", "GPE"),
        _mention("d1", text, "China", "GPE"),  # inside the token "China-based"
        _mention("d1", text, "Alibaba", "ORG"),
    ]
    rows = ner_rows(paragraph_records(_doc(text), [], [], []), mentions)
    assert [list(zip(r.tokens, _tags(r))) for r in rows] == [
        [("Xi", "B-PERSON"), ("Jinping", "I-PERSON"), ("visited", "O"), ("the", "O"), ("Shanghai", "B-ORG"), ("Institutes", "I-ORG"),
         ("for", "I-ORG"), ("International", "I-ORG"), ("Studies", "I-ORG"), (".", "O")],
        [("The", "O"), ("U.S.", "B-GPE"), ("and", "O"), ("China", "B-GPE"), ("-", "O"), ("based", "O"), ("Alibaba", "B-ORG"), ("met", "O"), (".", "O")],
    ]
    for r in rows:
        assert [text[s:e] for s, e in zip(r.token_starts, r.token_ends)] == r.tokens
    decoded = [span for r in rows for span in bio_spans(r.token_starts, r.token_ends, _tags(r))]
    assert decoded == [(m.start, m.end, m.label) for m in mentions if m.parent_id is None]


def test_ner_adjacent_mentions_of_one_label_stay_two_spans():
    text = "Beijing Shanghai"
    mentions = [_mention("d1", text, "Beijing", "GPE"), _mention("d1", text, "Shanghai", "GPE")]
    (row,) = ner_rows(paragraph_records(_doc(text), [], [], []), mentions)
    assert _tags(row) == ["B-GPE", "B-GPE"]
    assert bio_spans(row.token_starts, row.token_ends, _tags(row)) == [(0, 7, "GPE"), (8, 16, "GPE")]


def test_ner_zh_one_token_per_han_character_latin_runs_whole():
    text = "清华大学与Tencent合作AI"
    assert [text[s:e] for s, e in tokenize(text, "zh")] == ["清", "华", "大", "学", "与", "Tencent", "合", "作", "AI"]
    mentions = [_mention("d1", text, "清华大学", "ORG"), _mention("d1", text, "Tencent", "ORG")]
    (row,) = ner_rows(paragraph_records(_doc(text, language="zh"), [], [], []), mentions)
    assert _tags(row) == ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O", "O", "O"]


@pytest.mark.parametrize("language", ["en", "fr", "zh", "und", "qq"])
def test_ner_tokens_never_hold_spaces_and_cover_the_text(language):
    text = "Le  Centre d'études\n a publié 3,5 %  de « AI » 中国 e-commerce."
    spans = tokenize(text, language)
    assert all(text[s:e].strip() == text[s:e] and e > s for s, e in spans)
    assert "".join(text[s:e] for s, e in spans) == "".join(text.split())


def test_ner_cut_at_splits_tokens_only_inside():
    assert cut_at([(0, 11), (12, 15)], {0, 5, 11, 13}) == [(0, 5), (5, 11), (12, 13), (13, 15)]


def test_ner_footnote_paragraph_uses_footnote_mentions_only():
    from tests.test_paragraphs import _fixture

    rows = _fixture()
    note = rows[-1]
    text = " See the annual report. "
    mentions = [_mention("d1", text, "annual", "EVENT", field="footnote", footnote_id="d1/n0001"),
                _mention("d1", "x" * 200, "x", "ORG", occurrence=text.index("annual"))]  # a body mention at the same offsets
    (row,) = ner_rows([note], mentions)
    assert list(zip(row.tokens, _tags(row))) == [("See", "O"), ("the", "O"), ("annual", "B-EVENT"), ("report", "O"), (".", "O")]


def test_ner_build_without_ner_has_paragraphs_but_no_ner_rows():
    from corpus.pipeline import Options, assemble_tables, process_document
    from corpus.read import SourceDocument

    raw = "A short news item about trade.\n\nA second paragraph follows here.\n"
    source = SourceDocument(doc_id="n1", source_file="n1.txt", sha256="0" * 64, n_bytes=len(raw), raw=raw, entry=None)
    processed = process_document(source, Options(ner=False))
    assert processed.paragraphs and processed.paragraph_tokens == ()
    tables = assemble_tables([processed])
    assert [p.text for p in tables.paragraphs] == [p.text for p in processed.paragraphs] and tables.ner == []


def test_ner_bare_shards_load_with_class_label_tags_that_decode_to_the_mentions(tmp_path):
    import os

    import datasets

    from corpus.records import TABLES
    from corpus.write import write_table

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    text = "Analysts at the Mercator Institute for China Studies wrote it.\n\nBerlin agreed."
    mentions = [_mention("d1", text, "Mercator Institute for China Studies", "ORG"), _mention("d1", text, "Berlin", "GPE")]
    write_table(tmp_path, TABLES["ner"], ner_rows(paragraph_records(_doc(text), [], [], []), mentions))
    ds = datasets.load_dataset("parquet", data_files=str(tmp_path / "ner" / "*.parquet"), split="train", cache_dir=str(tmp_path / "cache"))
    tags = ds.features["ner_tags"].feature
    assert isinstance(tags, datasets.ClassLabel) and tags.names == list(NER_TAG_NAMES)
    decoded = {token: tags.int2str(tag) for row in ds for token, tag in zip(row["tokens"], row["ner_tags"])}
    assert [decoded[t] for t in ("the", "Mercator", "Institute", "for", "China", "Studies", "wrote", "Berlin", "agreed")] == [
        "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-GPE", "O"]


def _cut_at_by_scan(spans, boundaries):
    return [(a, b) for start, end in spans for a, b in zip([start, *sorted(x for x in boundaries if start < x < end)],
                                                             [*sorted(x for x in boundaries if start < x < end), end])]


def _bio_by_scan(tokens, mentions):
    tags = ["O"] * len(tokens)
    for start, end, label in mentions:
        inside = [i for i, (s, e) in enumerate(tokens) if start <= s and e <= end]
        for n, i in enumerate(inside):
            tags[i] = f"{'B' if n == 0 else 'I'}-{label}"
    return tags


@pytest.mark.parametrize("seed", range(40))
def test_ner_cut_and_tags_by_bisection_equal_a_full_scan(seed):
    """cut_at and bio_tags find each token's boundaries and each mention's tokens by bisection: the same
    result as scanning every boundary and every token, on random tokens, boundaries and mentions."""
    import random

    from corpus.derive.ner import bio_tags

    rng = random.Random(seed)
    tokens, at = [], 0
    for _ in range(rng.randint(0, 30)):
        at += rng.randint(0, 2)
        tokens.append((at, at + rng.randint(1, 6)))
        at = tokens[-1][1]
    boundaries = {rng.randint(0, at + 3) for _ in range(rng.randint(0, 12))}
    cut = cut_at(tokens, boundaries)
    assert cut == _cut_at_by_scan(tokens, boundaries)
    mentions = [(s, s + rng.randint(1, 12), rng.choice(["ORG", "GPE"])) for s in sorted(rng.sample(range(at + 1), min(4, at + 1)))]
    assert bio_tags(cut, mentions) == _bio_by_scan(cut, mentions)
    shuffled = rng.sample(cut, len(cut))  # not in text order: the full scan
    assert bio_tags(shuffled, mentions) == _bio_by_scan(shuffled, mentions)


def test_ner_rows_take_each_paragraphs_mentions_of_its_field_only():
    """ner_rows group the mentions by field and footnote and pick each paragraph's by bisection: what
    `paragraph_mentions` keeps (top-level, same field and footnote, wholly inside, overlaps after the first dropped)."""
    from corpus.derive.ner import paragraph_mentions

    text = "Alibaba and Tencent met in Beijing.\n\nBaidu and ByteDance met in Shanghai and Beijing."
    doc = _doc(text)
    paragraphs = paragraph_records(doc, [], [], [])
    beijing = _mention(doc.doc_id, text, "Beijing", "GPE", occurrence=1)
    mentions = [
        _mention(doc.doc_id, text, "Alibaba", "ORG"),
        _mention(doc.doc_id, text, "Alibaba and Tencent", "ORG"),  # overlaps the first: dropped
        _mention(doc.doc_id, text, "Tencent met in Beijing.\n\nBaidu", "ORG"),  # crosses the paragraphs: in neither
        _mention(doc.doc_id, text, "Baidu", "ORG"),
        _mention(doc.doc_id, text, "Shanghai", "GPE", field="footnote", footnote_id="d1/fn001"),  # another field
        beijing,
        _mention(doc.doc_id, text, "Bei", "GPE", parent=beijing.mention_id),  # nested
    ]
    rows = ner_rows(paragraphs, mentions)
    body = [p for p in paragraphs if p.field == "body"]
    for p in body:
        row = next(r for r in rows if r.paragraph_id == p.paragraph_id)
        spans = bio_spans(row.token_starts, row.token_ends, _tags(row))
        assert spans == paragraph_mentions(p, mentions)
    assert sum(len(bio_spans(r.token_starts, r.token_ends, _tags(r))) for r in rows) == 3


def test_ner_validation_compares_each_paragraphs_tags_with_its_own_mentions():
    """The validator finds each paragraph's mentions among its field's (sorted, by bisection): tags that give
    back the paragraph's mentions pass, a tag moved to a word no mention covers is reported."""
    from corpus.validate import derived_failures

    text = "Alibaba met Tencent.\n\nBaidu met ByteDance in Beijing."
    doc = _doc(text)
    paragraphs = paragraph_records(doc, [], [], [])
    mentions = [_mention(doc.doc_id, text, name, label) for name, label in (("Tencent", "ORG"), ("Baidu", "ORG"), ("Beijing", "GPE"))]
    mentions.append(_mention(doc.doc_id, text, "Beijing", "GPE", field="footnote", footnote_id="d1/fn001"))  # another field
    rows = ner_rows(paragraphs, mentions)
    as_rows = {"paragraphs": [p.model_dump() for p in paragraphs], "mentions": [m.model_dump() for m in mentions],
               "ner": [r.model_dump() for r in rows]}
    docs = {doc.doc_id: {**doc.model_dump(), "text_withheld": False}}
    assert derived_failures(as_rows, docs, {}, {}) == []
    second = as_rows["ner"][1]
    second["ner_tags"] = tag_ids(["O", "O", "B-ORG", "O", "O", "O"])  # ByteDance, not Baidu
    assert [(f.table, f.column) for f in derived_failures(as_rows, docs, {}, {})] == [("ner", "ner_tags")]
