"""The data says what the docs say: published_month, the card's structure notes, croissant's limitations."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus.pipeline import _document_record
from corpus.read import SeedEntry, SourceDocument
from corpus.structure.model import StructuredDocument


def _source(entry: SeedEntry | None = None) -> SourceDocument:
    return SourceDocument(doc_id="x", source_file="x.txt", sha256="0" * 64, n_bytes=10, raw="Body text.", entry=entry)


@pytest.mark.parametrize(
    ("structured", "entry", "date", "month"),
    [
        (StructuredDocument(text="Body.", published_date=dt.date(2019, 5, 1)), None, dt.date(2019, 5, 1), None),
        (StructuredDocument(text="Body.", published_month="2018-01"), None, None, "2018-01"),
        (StructuredDocument(text="Body."), SeedEntry(file="x.txt", published_month="2018-01"), None, "2018-01"),
        (StructuredDocument(text="Body.", published_month="2018-01"), SeedEntry(file="x.txt", published_date=dt.date(2018, 1, 9)), dt.date(2018, 1, 9), None),
    ],
)
def test_docs_agree_published_month_only_when_only_the_month_is_known(structured, entry, date, month):
    doc = _document_record(_source(entry), structured, "en")
    assert (doc.published_date, doc.published_month) == (date, month)
    assert ("published_month" in {o.field for o in doc.field_origins}) == (month is not None)


def test_docs_agree_card_note_says_which_named_field_the_manifest_supplied():
    from corpus.card import _curated_since

    doc = _document_record(_source(SeedEntry(file="x.txt", publisher="CISS")), StructuredDocument(text="Body."), "en")
    note = "no byline found: published date, authors and publisher unknown"
    assert _curated_since(doc, note) == " (curated in the manifest since: publisher)"
    bare = _document_record(_source(), StructuredDocument(text="Body."), "en")
    assert _curated_since(bare, note) == ""


def test_docs_agree_croissant_limitations_follow_entity_detection_per_language(monkeypatch):
    import corpus.card
    from corpus.metadata import _limitations

    status = {"en": "statistical", "zh": "rules", "ko": "none"}
    monkeypatch.setattr(corpus.card, "ner_status", status.__getitem__)
    text = _limitations(["en", "zh-Hant", "ko"])
    assert "Entities in zh come from rules alone" in text and "Documents in ko have no entity detection" in text
    assert "in en " not in text and "en," not in text  # a language with a statistical model is not listed
