"""Write step: records -> deterministic Parquet shards (with page checksums), streamed as they come.

`ShardWriter` appends one table's rows as they are produced, never holding more than one row group:
a row group closes every `ROW_GROUP_ROWS` rows (or sooner, at the end of the records added once
`ROW_GROUP_BYTES` are buffered), a shard every `SHARD_ROWS` rows. Both depend only on the rows in
order, so the same input gives the same shards whatever the number of workers. The shard count is known
only at the end: shards are written as `part-<split>-NNNNN.parquet` and renamed to the Hugging Face names
`<split>-NNNNN-of-NNNNN.parquet` (split `train`, or the row's `split` column where a table has one)
when the table is closed (inside the staging folder, before the publish). Publishing is `corpus.output`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from corpus.records import TABLES, Record
from corpus.schema import arrow_schema_with_features

SHARD_ROWS = 100_000  # rows per Parquet shard; fixed so sharding never depends on the machine
ROW_GROUP_ROWS = 20_000
ROW_GROUP_BYTES = 32 << 20  # a row group also closes once this much Arrow data is buffered (long texts)
COMPACT_EVERY = 256  # buffered per-document tables are merged into one this often (a small table costs ~50 KB)
PARQUET_OPTIONS = dict(
    version="2.6",
    compression="zstd",
    compression_level=3,
    use_dictionary=True,
    write_statistics=True,
    data_page_version="1.0",
    write_page_index=False,
    store_schema=True,
    write_page_checksum=True,  # CRC32 per data page: `corpus validate` detects flipped bits
)


def records_to_table(model: type[Record], records: Sequence[Record]) -> pa.Table:
    """Build an Arrow table from records with the table's explicit schema (never inferred), carrying
    the table's Hugging Face features as schema metadata."""
    schema = arrow_schema_with_features(model)
    rows = [r.model_dump(mode="python") for r in records]
    return pa.Table.from_pylist(rows, schema=schema)


SPLITS = ("train", "validation", "test")  # shard-name prefixes, in write order


def shard_name(index: int, count: int, split: str = "train") -> str:
    return f"{split}-{index:05d}-of-{count:05d}.parquet"


def records_by_split(records: Sequence[Record]) -> dict[str, list[Record]]:
    """Records grouped by their `split` column (tables without one are all `train`), order kept;
    a table with no rows gives one empty `train` group (so every table has a shard)."""
    groups: dict[str, list[Record]] = {}
    for record in records:
        groups.setdefault(getattr(record, "split", "train"), []).append(record)
    return {split: groups[split] for split in SPLITS if split in groups} or {"train": []}


def _part_name(index: int, split: str) -> str:
    return f"part-{split}-{index:05d}.parquet"


class ShardWriter:
    """One table's shards under `folder/<table>/`, filled row by row in the order rows are added."""

    def __init__(self, folder: Path, model: type[Record], shard_rows: int = SHARD_ROWS, row_group_rows: int = ROW_GROUP_ROWS, split: str = "train"):
        self.model = model
        self.split = split
        self.target = folder / model.table
        self.target.mkdir(parents=True, exist_ok=True)
        self.schema = arrow_schema_with_features(model)
        self.shard_rows = shard_rows
        self.row_group_rows = min(row_group_rows, shard_rows)
        self.rows = 0  # rows added so far
        self._buffer: list[pa.Table] = []
        self._buffered_rows = 0
        self._buffered_bytes = 0
        self._writer: pq.ParquetWriter | None = None
        self._shard_rows_written = 0
        self._parts: list[Path] = []

    def add(self, records: Sequence[Record]) -> None:
        """Append rows (one document's, typically); full row groups are written at once."""
        if not records:
            return
        table = records_to_table(self.model, records)
        self.rows += table.num_rows
        self._buffer.append(table)
        self._buffered_rows += table.num_rows
        self._buffered_bytes += table.nbytes
        if len(self._buffer) >= COMPACT_EVERY:  # same rows, one table: memory of the data, not of the pieces
            self._buffer = [pa.concat_tables(self._buffer).combine_chunks()]
        while self._buffered_rows >= self._room():
            self._flush(self._room())
        if self._buffered_bytes >= ROW_GROUP_BYTES:
            self._flush(self._buffered_rows)

    def _room(self) -> int:
        """Rows the current row group may still take (a row group never spans two shards)."""
        return min(self.row_group_rows, self.shard_rows - self._shard_rows_written)

    def _flush(self, n_rows: int) -> None:
        buffered = pa.concat_tables(self._buffer)
        head, rest = buffered.slice(0, n_rows), buffered.slice(n_rows)
        if self._writer is None:
            path = self.target / _part_name(len(self._parts), self.split)
            self._parts.append(path)
            self._writer = pq.ParquetWriter(path, self.schema, **PARQUET_OPTIONS)
        self._writer.write_table(head.combine_chunks(), row_group_size=n_rows)
        self._shard_rows_written += n_rows
        self._buffer = [rest] if rest.num_rows else []
        self._buffered_rows = rest.num_rows
        self._buffered_bytes = rest.nbytes if rest.num_rows else 0
        if self._shard_rows_written >= self.shard_rows:
            self._writer.close()
            self._writer = None
            self._shard_rows_written = 0

    def close(self) -> list[Path]:
        """Write what is buffered, close the last shard and give the shards their final names."""
        if self._buffered_rows:
            self._flush(self._buffered_rows)
        if self._writer is None and not self._parts:  # an empty table is one empty shard
            path = self.target / _part_name(0, self.split)
            self._parts.append(path)
            pq.write_table(self.schema.empty_table(), path, **PARQUET_OPTIONS)
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        paths = []
        for index, part in enumerate(self._parts):
            path = self.target / shard_name(index, len(self._parts), self.split)
            part.rename(path)  # in the staging folder; nothing else writes there
            paths.append(path)
        return paths


class SplitShardWriter:
    """A `ShardWriter` per split for a table with a `split` column (`<split>-NNNNN-of-NNNNN.parquet`),
    made when the split's first row comes; a table with no rows gets one empty `train` shard."""

    def __init__(self, folder: Path, model: type[Record], **options):
        self.folder, self.model, self.options = folder, model, options
        self.writers: dict[str, ShardWriter] = {}

    @property
    def rows(self) -> int:
        return sum(w.rows for w in self.writers.values())

    def add(self, records: Sequence[Record]) -> None:
        for split, rows in records_by_split(records).items():
            if rows:
                if split not in self.writers:
                    self.writers[split] = ShardWriter(self.folder, self.model, split=split, **self.options)
                self.writers[split].add(rows)

    def close(self) -> list[Path]:
        writers = self.writers or {"train": ShardWriter(self.folder, self.model, **self.options)}
        return [path for split in SPLITS if split in writers for path in writers[split].close()]


def table_writer(folder: Path, model: type[Record], **options) -> ShardWriter | SplitShardWriter:
    """The writer for one table: split by the `split` column when the table has one."""
    return SplitShardWriter(folder, model, **options) if "split" in model.model_fields else ShardWriter(folder, model, **options)


def write_table(folder: Path, model: type[Record], records: Iterable[Record]) -> list[Path]:
    """Write one table as `folder/<table>/<split>-NNNNN-of-NNNNN.parquet` shards (one shard when empty)."""
    writer = table_writer(folder, model)
    writer.add(list(records))
    return writer.close()


def write_tables(folder: Path, tables) -> dict[str, list[Path]]:
    """Write every table of a `pipeline.Tables` held in memory."""
    return {name: write_table(folder, TABLES[name], records) for name, records in tables.items()}


def shard_paths(folder: Path, table: str) -> list[Path]:
    """The shards of one table, in shard order."""
    return sorted((folder / table).glob("*.parquet"))


def read_table(folder: Path, table: str) -> pa.Table:
    """Read all shards of one table, in shard order (for small tables and tests; see `iter_batches`)."""
    paths = shard_paths(folder, table)
    if not paths:
        raise FileNotFoundError(f"{folder / table}: no Parquet shards")
    return pa.concat_tables([pq.read_table(p) for p in paths])


def iter_batches(folder: Path, table: str, columns: Sequence[str] | None = None, batch_rows: int = 4096) -> Iterable[pa.RecordBatch]:
    """A table's rows in shard order, a batch at a time (memory bounded by the batch, not the table)."""
    for path in shard_paths(folder, table):
        yield from pq.ParquetFile(path).iter_batches(batch_size=batch_rows, columns=columns)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
