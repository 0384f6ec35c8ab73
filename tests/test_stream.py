"""Streamed writes (`corpus.write.ShardWriter`, `corpus.stream`) and the streamed cross-table checks."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from corpus.records import Quantity
from corpus.write import ShardWriter, iter_batches


def _quantity(doc: str, i: int) -> Quantity:
    return Quantity(quantity_id=f"{doc}/q{i:012x}", doc_id=doc, field="body", footnote_id=None, start=i, end=i + 2, text="5%",
                    value=5.0, unit="percent", kind="percent", currency=None, approximate=False)


def _rows(n_docs: int, per_doc: int) -> list[list[Quantity]]:
    return [[_quantity(f"d{d:03d}", i) for i in range(per_doc)] for d in range(n_docs)]


def _write(folder, chunks, **sizes):
    writer = ShardWriter(folder, Quantity, **sizes)
    for chunk in chunks:
        writer.add(chunk)
    return writer.close()


def test_write_shards_named_with_their_count_and_rows_in_order(tmp_path):
    docs = _rows(7, 3)  # 21 rows
    paths = _write(tmp_path, docs, shard_rows=8, row_group_rows=3)
    assert [p.name for p in paths] == [f"train-0000{i}-of-00003.parquet" for i in range(3)]
    assert [pq.ParquetFile(p).metadata.num_rows for p in paths] == [8, 8, 5]
    assert all(g <= 3 for p in paths for g in (pq.ParquetFile(p).metadata.row_group(i).num_rows for i in range(pq.ParquetFile(p).num_row_groups)))
    read = [r["quantity_id"] for b in iter_batches(tmp_path, "quantities", batch_rows=4) for r in b.to_pylist()]
    assert read == [q.quantity_id for doc in docs for q in doc]
    assert sorted(p.name for p in (tmp_path / "quantities").iterdir()) == [p.name for p in paths]  # no part files left


def test_write_boundaries_do_not_depend_on_how_rows_arrive(tmp_path):
    rows = [q for doc in _rows(9, 4) for q in doc]
    one_by_one = _write(tmp_path / "a", [[q] for q in rows], shard_rows=10, row_group_rows=4)
    all_at_once = _write(tmp_path / "b", [rows], shard_rows=10, row_group_rows=4)
    assert [p.read_bytes() for p in one_by_one] == [p.read_bytes() for p in all_at_once]


def test_write_keeps_many_small_additions_as_few_tables_with_the_same_bytes(tmp_path, monkeypatch):
    import corpus.write

    monkeypatch.setattr(corpus.write, "COMPACT_EVERY", 4)
    rows = [q for doc in _rows(30, 1) for q in doc]
    writer = ShardWriter(tmp_path / "a", Quantity, row_group_rows=100)
    for q in rows:
        writer.add([q])
        assert len(writer._buffer) <= 4  # merged as they come, not one table per addition
    merged = writer.close()
    monkeypatch.setattr(corpus.write, "COMPACT_EVERY", 10**9)
    apart = _write(tmp_path / "b", [[q] for q in rows], row_group_rows=100)
    assert [p.read_bytes() for p in merged] == [p.read_bytes() for p in apart]


def test_write_empty_table_is_one_empty_shard(tmp_path):
    (path,) = _write(tmp_path, [])
    assert path.name == "train-00000-of-00001.parquet"
    assert pq.read_table(path).num_rows == 0
    assert pq.read_schema(path).names[0] == "quantity_id"


def test_stream_refuses_documents_out_of_doc_id_order():
    from types import SimpleNamespace

    from corpus.stream import in_doc_id_order

    def processed(doc_id):
        return SimpleNamespace(document=SimpleNamespace(doc_id=doc_id), entity_spans=())

    with pytest.raises(ValueError, match="doc_id order"):
        list(in_doc_id_order([processed("a"), processed("c"), processed("b")]))


def _doc(doc_id: str, text: str = "abc") -> dict:
    import hashlib

    return {"doc_id": doc_id, "text": text, "n_chars": len(text), "text_withheld": False, "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
            "published_date": None, "published_month": None}


def test_validate_stream_groups_rows_by_document_and_reports_strays():
    from corpus.validate import _grouped_streams

    docs = [_doc("a"), _doc("c")]
    quantities = [{"doc_id": "a", "n": 1}, {"doc_id": "a", "n": 2}, {"doc_id": "b", "n": 3}, {"doc_id": "c", "n": 4}, {"doc_id": "a", "n": 5}]
    groups = list(_grouped_streams({"quantities": iter(quantities)}, iter(docs)))
    assert [(d["doc_id"] if d else None, [r["n"] for r in rows["quantities"]]) for d, rows in groups] == [
        ("a", [1, 2]), (None, [3]), ("c", [4]), (None, [5]),  # b names no document; the late a row is out of order
    ]


def test_validate_cross_table_rules_run_per_document_with_global_entity_counts():
    from corpus.validate import _cross_failures, _grouped_in_memory

    mention = {"mention_id": "a/m000000000001", "doc_id": "a", "entity_id": "E1", "label": "ORG", "affiliation_id": None,
               "field": "body", "footnote_id": None, "start": 0, "end": 2, "text": "ab", "parent_id": None}
    other = dict(mention, mention_id="c/m000000000001", doc_id="c", text="xy")  # "xy" is not text[0:2] == "ab" of document c
    entities = [{"entity_id": "E1", "label": "ORG", "n_mentions": 2, "n_documents": 1}]
    failures = _cross_failures([_doc("a"), _doc("c")], entities, lambda docs: _grouped_in_memory({"mentions": [mention, other]}, docs))
    reasons = {(f.table, f.column, f.row_id) for f in failures}
    assert ("mentions", "text", "c/m000000000001") in reasons
    assert ("entities", "n_documents", "E1") in reasons  # two documents mention E1
    assert ("entities", "n_mentions", "E1") not in reasons


def _slow_when_small(n: int) -> int:
    import time

    time.sleep(0.05 if n < 3 else 0)  # early items finish last
    return n * n


def test_engine_pool_yields_in_input_order_with_a_bounded_window():
    from corpus.engine import LocalEngine

    assert list(LocalEngine(jobs=2).map(_slow_when_small, list(range(25)))) == [n * n for n in range(25)]


def test_stream_validation_reads_each_table_in_small_batches(tmp_path, monkeypatch):
    """The cross-table check streams every table at once, so each holds one batch as Python dicts: rows come
    back whole and in order, never more than STREAM_BATCH_ROWS of them turned into dicts at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from corpus import validate

    rows = [{"doc_id": f"d{i:05d}", "n": i} for i in range(3 * validate.STREAM_BATCH_ROWS + 7)]
    (tmp_path / "t").mkdir()
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "t" / "train-00000-of-00001.parquet", row_group_size=len(rows))
    sizes = []
    batches = pq.ParquetFile.iter_batches

    def recorded(self, *args, **kwargs):
        for batch in batches(self, *args, **kwargs):
            sizes.append(batch.num_rows)
            yield batch

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", recorded)
    assert list(validate._shard_rows(tmp_path / "t")) == rows
    assert max(sizes) == validate.STREAM_BATCH_ROWS and sum(sizes) == len(rows)
