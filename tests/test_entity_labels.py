"""One entity, one label: link_entities gives every mention its entity's label, validate rejects a build
where they differ, and the scorer scores each mention's own published label."""

from __future__ import annotations

import pyarrow as pa
import pytest

from corpus.enrich.model import EntitySpan
from corpus.evaluate import score_document
from corpus.quality import section_span
from corpus.validate import mention_label_failures


def _processed(doc_id: str, text: str, spans: list[EntitySpan]):
    from corpus.pipeline import ProcessedDocument
    from corpus.records import Document

    doc = Document(doc_id=doc_id, source_file=f"{doc_id}.txt", sha256="0" * 64, n_bytes=len(text), title=None, authors=[],
                   publisher=None, url=None, language="en", genre="news", published_date=None, published_month=None,
                   published_time=None, event_dates=[], related_links=[], text=text, n_chars=len(text), n_words=1,
                   field_origins=[], notes=None)
    return ProcessedDocument(doc, (), (), (), (), tuple((None, s) for s in spans))


def test_entity_labels_mentions_take_the_entity_label():
    from corpus.pipeline import link_entities

    text = "Acme sells. Acme grew. Acme hired."
    spans = [EntitySpan(0, 4, "Acme", "ORG"), EntitySpan(12, 16, "Acme", "GPE"), EntitySpan(23, 27, "Acme", "ORG")]
    entities, mentions = link_entities([_processed("d1", text, spans)])
    assert len(entities) == 1 and entities[0].label == "ORG"
    assert {m.label for m in mentions} == {"ORG"}


def test_entity_labels_catalog_label_wins_for_every_mention():
    from corpus.enrich.catalog import CatalogEntry
    from corpus.pipeline import link_entities

    text = "Acme and Acme"
    spans = [EntitySpan(0, 4, "Acme", "GPE"), EntitySpan(9, 13, "Acme", "GPE")]
    entities, mentions = link_entities([_processed("d1", text, spans)], [CatalogEntry("Acme Corp", "ORG", ("Acme",))])
    assert [e.label for e in entities] == ["ORG"] and {m.label for m in mentions} == {"ORG"}


def test_entity_labels_validate_rejects_a_differing_mention_label():
    entities = pa.table({"entity_id": ["e1"], "label": ["ORG"]})
    same = pa.table({"mention_id": ["m1"], "entity_id": ["e1"], "label": ["ORG"]})
    differs = pa.table({"mention_id": ["m1", "m2"], "entity_id": ["e1", "e1"], "label": ["ORG", "GPE"]})
    assert mention_label_failures(entities, same) == []
    (failure,) = mention_label_failures(entities, differs)
    assert failure.row_id == "m2" and failure.column == "label"


def test_entity_labels_scorer_uses_the_mention_label():
    gold = [{"name": "Acme", "type": "ORG", "mentions": ["Acme", "Acme"]}]
    # one entity published with an ORG mention and a GPE mention: the GPE one is wrong
    pred = [{"name": "Acme", "label": "ORG", "mentions": ["Acme"]}, {"name": "Acme", "label": "GPE", "mentions": ["Acme"]}]
    ent, men, _, spurious = score_document(gold, pred)
    assert (men.tp, men.n_pred, men.n_gold) == (1, 2, 2)
    assert spurious == ["GPE:Acme"]


@pytest.mark.parametrize(
    ("gold", "pred", "tp", "n_gold"),
    [
        ({"name": "Plan X", "type": "LAW", "mentions": ["Plan X"], "acceptable_types": ["PRODUCT"]}, "PRODUCT", 1, 1),
        ({"name": "Plan X", "type": "LAW", "mentions": ["Plan X"]}, "PRODUCT", 0, 1),
        ({"name": "Plan X", "type": "LAW", "mentions": ["Plan X"], "borderline": True}, None, 0, 0),
        ({"name": "Plan X", "type": "LAW", "mentions": ["Plan X"], "borderline": True}, "LAW", 1, 1),
    ],
)
def test_entity_labels_scorer_acceptable_types_and_borderline(gold, pred, tp, n_gold):
    predicted = [{"name": "Plan X", "label": pred, "mentions": ["Plan X"]}] if pred else []
    ent, men, _, _ = score_document([gold], predicted)
    assert (ent.tp, ent.n_gold) == (tp, n_gold)
    assert (men.tp, men.n_gold) == (tp, n_gold)


def test_entity_labels_section_span_skips_contents_and_prefixes():
    text = ("Contents\nIntroduction\nMethods\nResults\n"
            "Introduction and Methods Board met.\nIntroduction\nBody of the intro.\nMethods\nMethod body.\nResults\nEnd.")
    start, end = section_span(text, "Introduction", "Methods", ("Introduction", "Methods", "Results"))
    assert text[start:end] == "Introduction\nBody of the intro.\n"
    start, end = section_span(text, "2 Results", None, ("Introduction", "Methods", "Results"))
    assert text[start:] == "Results\nEnd."


def test_entity_labels_canonical_does_not_import_the_evaluation_module():
    import ast
    from pathlib import Path

    import corpus.enrich.canonical as canonical

    tree = ast.parse(Path(canonical.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | \
        {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert "corpus.evaluate" not in imported and "corpus.quality" not in imported


def test_entity_labels_scorer_acceptable_split_parts_count():
    gold = [{"name": "Harbour University Department of Physics", "type": "ORG",
             "mentions": ["Harbour University Department of Physics"],
             "acceptable_split": "ORG 'Harbour University' + ORG 'Department of Physics'"}]
    ent, _, _, _ = score_document(gold, [{"name": "Harbour University", "label": "ORG", "mentions": ["Harbour University"]}])
    assert ent.tp == 1


def test_entity_labels_nested_places_point_to_the_full_name():
    from corpus.enrich.entities.nested import nested_places

    text = "Scholars from Harbin Institutes for Policy Studies and 深圳数据协会 met."
    spans = [EntitySpan(14, 49, "Harbin Institutes for Policy Studies", "ORG"), EntitySpan(54, 60, "深圳数据协会", "ORG")]
    nested = {(n.text, n.label, n.parent) for n in nested_places(text, spans)}
    assert nested == {("Harbin", "GPE", (14, 49)), ("深圳", "GPE", (54, 60))}


def test_entity_labels_nested_mentions_link_and_validate():
    from corpus.pipeline import link_entities
    from corpus.validate import nested_mention_failures

    text = "Bank of Harbin opened."
    spans = [EntitySpan(0, 14, "Bank of Harbin", "ORG"), EntitySpan(8, 14, "Harbin", "GPE", parent=(0, 14))]
    _, mentions = link_entities([_processed("d1", text, spans)])
    by_text = {m.text: m for m in mentions}
    assert by_text["Harbin"].parent_id == by_text["Bank of Harbin"].mention_id and by_text["Bank of Harbin"].parent_id is None
    table = pa.Table.from_pylist([m.model_dump() for m in mentions])
    assert nested_mention_failures(table) == []
    broken = pa.Table.from_pylist([{**m.model_dump(), "parent_id": "d1/m" + "0" * 12 if m.text == "Harbin" else None} for m in mentions])
    assert [f.row_id for f in nested_mention_failures(broken)] == [by_text["Harbin"].mention_id]
