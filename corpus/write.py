"""Write step: records -> deterministic Parquet shards, and the atomic swap of a finished build into place."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from filelock import FileLock, Timeout

from corpus.errors import BuildLockedError
from corpus.records import TABLES, Record
from corpus.schema import arrow_schema

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
)


def records_to_table(model: type[Record], records: Sequence[Record]) -> pa.Table:
    """Build an Arrow table from records with the table's explicit schema (never inferred)."""
    schema = arrow_schema(model)
    rows = [r.model_dump(mode="python") for r in records]
    return pa.Table.from_pylist(rows, schema=schema)


def shard_name(index: int, count: int) -> str:
    return f"train-{index:05d}-of-{count:05d}.parquet"


def write_table(folder: Path, model: type[Record], records: Sequence[Record]) -> list[Path]:
    """Write one table as `folder/<table>/train-NNNNN-of-NNNNN.parquet` shards (one shard when empty)."""
    target = folder / model.table
    target.mkdir(parents=True, exist_ok=True)
    count = max(1, -(-len(records) // SHARD_ROWS))
    paths = []
    for index in range(count):
        table = records_to_table(model, records[index * SHARD_ROWS : (index + 1) * SHARD_ROWS])
        path = target / shard_name(index, count)
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


# --- atomic builds ----------------------------------------------------------------------------------


@contextmanager
def build_lock(out: Path, timeout: float = 0) -> Iterator[None]:
    """Hold an exclusive lock on `out` so two builds into one folder never interleave."""
    out.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(out.parent / f".{out.name}.lock"))
    try:
        lock.acquire(timeout=timeout)
    except Timeout as err:
        raise BuildLockedError(f"{out}: another build into this folder is running (lock {lock.lock_file})") from err
    try:
        yield
    finally:
        lock.release()


@contextmanager
def staging_folder(out: Path) -> Iterator[Path]:
    """A fresh temporary sibling of `out`; removed on any failure, so `out` is never touched."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-staging-", dir=out.parent))
    try:
        yield staging
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def swap_into_place(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` with renames only: at every moment one complete build exists on disk."""
    previous = None
    if out.exists():
        previous = out.parent / f".{out.name}-previous-{os.getpid()}"
        if previous.exists():
            shutil.rmtree(previous)
        os.replace(out, previous)
    try:
        os.replace(staging, out)
    except BaseException:
        if previous is not None:
            os.replace(previous, out)
        raise
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)


def replace_file(path: Path, content: str) -> None:
    """Write `content` to `path` atomically (temp file + rename)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
