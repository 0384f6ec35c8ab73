"""Write step: records -> deterministic Parquet shards (with page checksums). Publishing is `corpus.output`."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from corpus.records import TABLES, Record
from corpus.schema import arrow_schema_with_features

SHARD_ROWS = 100_000  # rows per Parquet shard; fixed so sharding never depends on the machine
ROW_GROUP_ROWS = 20_000
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


def write_table(folder: Path, model: type[Record], records: Sequence[Record]) -> list[Path]:
    """Write one table as `folder/<table>/<split>-NNNNN-of-NNNNN.parquet` shards (one shard when empty)."""
    target = folder / model.table
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for split, rows in records_by_split(records).items():
        count = max(1, -(-len(rows) // SHARD_ROWS))
        for index in range(count):
            table = records_to_table(model, rows[index * SHARD_ROWS : (index + 1) * SHARD_ROWS])
            path = target / shard_name(index, count, split)
            pq.write_table(table, path, row_group_size=ROW_GROUP_ROWS, **PARQUET_OPTIONS)
            paths.append(path)
    return paths


def write_tables(folder: Path, tables) -> dict[str, list[Path]]:
    """Write every table of a `pipeline.Tables`."""
    return {name: write_table(folder, TABLES[name], records) for name, records in tables.items()}


def read_table(folder: Path, table: str) -> pa.Table:
    """Read all shards of one table, in shard order."""
    paths = sorted((folder / table).glob("*.parquet"))
    if not paths:
        raise FileNotFoundError(f"{folder / table}: no Parquet shards")
    return pa.concat_tables([pq.read_table(p) for p in paths])


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
