"""A version of the published content: a hash over every row of every table, beside the schema version.

It changes exactly when some published value changes; unlike the Parquet files' sha256 it does not depend on
how pyarrow encodes the bytes, so a library upgrade that rewrites the same rows keeps it.
"""

from __future__ import annotations

import hashlib
import json

DATA_VERSION_CHARS = 16  # hex digits shown: enough to tell builds apart, short enough to cite


def data_version(tables) -> str:
    """Hash of `tables`, table names and rows as canonical JSON in the tables' stable order: either records in
    memory (a `pipeline.Tables`) or a written build (`stream.ShardTables`, read back a batch at a time)."""
    folder = getattr(tables, "folder", None)
    if folder is not None and tables.data_version:
        return tables.data_version
    digest = hashlib.sha256()
    for name, n_rows, rows in _table_rows(tables):
        digest.update(f"table {name} {n_rows}\n".encode())
        for row in rows:
            digest.update(json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_json_value).encode("utf-8"))
            digest.update(b"\n")
    version = digest.hexdigest()[:DATA_VERSION_CHARS]
    if folder is not None:
        tables.data_version = version
    return version


def _table_rows(tables):
    folder = getattr(tables, "folder", None)
    for name, records in tables.items():
        if folder is None:
            yield name, len(records), (record.model_dump(mode="json") for record in records)
        else:
            from corpus.write import iter_batches

            yield name, len(records), (row for batch in iter_batches(folder, name) for row in batch.to_pylist())


def _json_value(value):
    """Dates (and datetimes) as ISO strings, as pydantic's JSON mode writes them."""
    return value.isoformat()
