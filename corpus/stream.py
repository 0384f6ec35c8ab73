"""Stream a build: per-document results go to Parquet shards as they are produced, in doc_id order.

Only what the global step needs stays in memory: the compact entity spans for linking (mentions are
then made and written one document at a time) and a few counts per document for the card
(`DocumentNotes`). The card and the findings read the written shards back lazily (`ShardTables`),
a batch at a time, without the long text columns.
"""

from __future__ import annotations

import pickle

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from corpus.pipeline import ProcessedDocument, entity_inputs, link_spans
from corpus.records import TABLES
from corpus.write import iter_batches, table_writer

GLOBAL_TABLES = ("entities", "mentions", "ner")  # made after linking across documents; every other table is per document
SKIPPED_COLUMNS = {"documents": ("text",), "sections": ("text",)}  # long texts the card never reads


@dataclass(frozen=True)
class DocumentNotes:
    """What the card reports per document besides the tables (the `processed` shape the card reads)."""

    document: SimpleNamespace  # doc_id, removed_lines, field_origins
    furniture: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass
class WrittenCorpus:
    """What a streamed write leaves in memory: row counts and the per-document notes."""

    rows: dict[str, int] = field(default_factory=dict)
    notes: list[DocumentNotes] = field(default_factory=list)


def document_rows(p: ProcessedDocument, table: str) -> Sequence:
    """The rows one processed document contributes to a per-document table."""
    return [p.document] if table == "documents" else getattr(p, table)


def write_corpus(folder: Path, processed: Iterable[ProcessedDocument], catalog=None) -> WrittenCorpus:
    """Write every table of the documents in `processed` (which must come in doc_id order) under `folder`.

    The `ner` rows need each document's paragraphs and tokens and its linked mentions: the first pass
    spills the paragraphs and tokens to a temporary file in `folder` (read back in the same order and
    removed), so they do not stay in memory until linking is done.
    """
    writers = {name: table_writer(folder, model) for name, model in TABLES.items()}
    spans = []
    written = WrittenCorpus()
    spill_path = folder / NER_SPILL
    with spill_path.open("wb") as spill:
        for p in in_doc_id_order(processed):
            doc_id = p.document.doc_id
            for name, writer in writers.items():
                if name not in GLOBAL_TABLES:
                    writer.add(document_rows(p, name))
            spans.extend(entity_inputs(p))
            if p.paragraph_tokens:
                pickle.dump((doc_id, p.paragraphs, p.paragraph_tokens), spill, protocol=pickle.HIGHEST_PROTOCOL)
            written.notes.append(DocumentNotes(SimpleNamespace(doc_id=doc_id, removed_lines=p.document.removed_lines, field_origins=p.document.field_origins), p.furniture, p.notes))
    linked = link_spans(spans, catalog)
    try:
        _write_mentions_and_ner(linked.mentions(), spill_path, writers["mentions"], writers["ner"])
    finally:
        spill_path.unlink()
    writers["entities"].add(linked.entities())
    for name, writer in writers.items():
        writer.close()
        written.rows[name] = writer.rows
    return written


NER_SPILL = ".ner-paragraphs.pickle"  # the spill file of `write_corpus`, inside the staging folder


def _write_mentions_and_ner(mention_batches: Iterator[list], spill_path: Path, mentions_writer, ner_writer) -> None:
    """Write each document's mentions, and its ner rows from its spilled paragraphs, in doc_id order."""
    from corpus.derive.ner import ner_rows

    def spilled() -> Iterator[tuple]:
        with spill_path.open("rb") as handle:
            while True:
                try:
                    yield pickle.load(handle)
                except EOFError:
                    return

    batches = (b for b in mention_batches if b)
    batch = next(batches, None)
    for doc_id, paragraphs, tokens in spilled():
        while batch is not None and batch[0].doc_id < doc_id:
            mentions_writer.add(batch)
            batch = next(batches, None)
        mine = batch if batch is not None and batch[0].doc_id == doc_id else []
        if mine:
            mentions_writer.add(batch)
            batch = next(batches, None)
        ner_writer.add(ner_rows(paragraphs, mine, tokens))
    while batch is not None:
        mentions_writer.add(batch)
        batch = next(batches, None)


def in_doc_id_order(processed: Iterable[ProcessedDocument]) -> Iterator[ProcessedDocument]:
    """`processed` unchanged, checked to come in strictly increasing doc_id order (what makes shard
    boundaries and the mentions order independent of the engine)."""
    previous = None
    for p in processed:
        if previous is not None and p.document.doc_id <= previous:
            raise ValueError(f"documents must be written in doc_id order ({p.document.doc_id!r} after {previous!r})")
        previous = p.document.doc_id
        yield p


class Row:
    """One row read back from a shard, with attribute access (nested structs too)."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({vars(self)!r})"


def _row_class(table: str) -> type[Row]:
    model = TABLES[table]
    return type(model.__name__ + "Row", (Row,), {"table": model.table, "key": model.key})


def _wrap(value):
    if isinstance(value, dict):
        return SimpleNamespace(**{k: _wrap(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_wrap(v) for v in value]
    return value


class LazyRows:
    """A table of a written build, read a batch at a time on every iteration; `len` from the shard footers."""

    def __init__(self, folder: Path, table: str, n_rows: int):
        self.folder, self.table, self.n_rows = folder, table, n_rows
        self.row_class = _row_class(table)

    def __len__(self) -> int:
        return self.n_rows

    def __iter__(self) -> Iterator[Row]:
        import pyarrow as pa
        import pyarrow.parquet as pq

        shards = sorted((self.folder / self.table).glob("*.parquet"))
        if not shards:
            return
        schema = pq.read_schema(shards[0])
        skipped = SKIPPED_COLUMNS.get(self.table, ())
        columns = [f.name for f in schema if f.name not in skipped]
        nested = [f.name for f in schema if f.name in columns and (pa.types.is_struct(f.type) or (pa.types.is_list(f.type) and pa.types.is_struct(f.type.value_type)))]
        new, row_class = object.__new__, self.row_class
        for batch in iter_batches(self.folder, self.table, columns):
            for row in batch.to_pylist():
                for name in nested:
                    row[name] = _wrap(row[name])
                item = new(row_class)
                item.__dict__.update(row)
                yield item


class ShardTables:
    """The tables of a written build as lazy row sequences (`tables.mentions`, `tables.items()`), the
    shape the card and the findings read; long text columns are left out (`SKIPPED_COLUMNS`)."""

    def __init__(self, folder: Path, rows: dict[str, int]):
        self.folder = folder
        self.data_version: str | None = None  # cached by `corpus.data_version` (the card cites it twice)
        self._tables = {name: LazyRows(folder, name, rows[name]) for name in TABLES}

    def __getattr__(self, name: str) -> LazyRows:
        try:
            return self.__dict__["_tables"][name]
        except KeyError:
            raise AttributeError(name) from None

    def items(self) -> Iterator[tuple[str, LazyRows]]:
        yield from self._tables.items()


