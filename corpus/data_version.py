"""A version of the published content: a hash over every row of every table, beside the schema version.

It changes exactly when some published value changes; unlike the Parquet files' sha256 it does not depend on
how pyarrow encodes the bytes, so a library upgrade that rewrites the same rows keeps it.
"""

from __future__ import annotations

import hashlib
import json

DATA_VERSION_CHARS = 16  # hex digits shown: enough to tell builds apart, short enough to cite


def data_version(tables) -> str:
    """Hash of `tables` (a `pipeline.Tables`): table names and rows as canonical JSON, in the tables' stable order."""
    digest = hashlib.sha256()
    for name, records in tables.items():
        digest.update(f"table {name} {len(records)}\n".encode())
        for record in records:
            digest.update(json.dumps(record.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
            digest.update(b"\n")
    return digest.hexdigest()[:DATA_VERSION_CHARS]
