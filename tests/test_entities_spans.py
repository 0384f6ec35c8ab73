"""corpus.enrich.entities.spans: the text built once per Doc, and entities written back only when they change."""

from __future__ import annotations

import spacy

from corpus.enrich.entities import spans as S


def _doc(text: str, ents: list[tuple[int, int, str]]):
    doc = spacy.blank("en")(text)
    doc.ents = [doc.char_span(s, e, label=lab) for s, e, lab in ents]
    return doc


def test_entities_spans_text_is_built_once_and_equals_doc_text():
    doc = _doc("Ada Lovelace met Charles Babbage in London.", [])
    first = S.text(doc)
    assert first == doc.text
    assert S.text(doc) is first  # the cached string, not a new join of every token


def test_entities_spans_write_unchanged_items_keeps_the_entities():
    doc = _doc("Ada Lovelace met Charles Babbage in London.", [(0, 12, "PERSON"), (36, 42, "GPE")])
    before = S.items(doc)
    S.write(doc, before)
    assert S.items(doc) == before


def test_entities_spans_write_applies_a_change_snapped_to_tokens():
    doc = _doc("Ada Lovelace met Charles Babbage in London.", [(0, 12, "PERSON")])
    S.write(doc, [(0, 12, "PERSON", "Augusta Ada King"), (17, 30, "PERSON", None), (36, 42, "GPE", None)])
    assert [(e.text, e.label_) for e in doc.ents] == [("Ada Lovelace", "PERSON"), ("Charles", "PERSON"), ("London", "GPE")]
    assert doc.ents[0]._.canonical_hint == "Augusta Ada King"


def test_entities_spans_write_drops_blank_and_overlapping_spans():
    doc = _doc("Paris  and Rome", [])
    S.write(doc, [(5, 7, "GPE", None), (0, 5, "GPE", None), (0, 15, "ORG", None)])
    assert [(e.text, e.label_) for e in doc.ents] == [("Paris  and Rome", "ORG")]
