"""Document-level splits: a fixed hash of doc_id decides, so a document never straddles two splits and
adding documents never moves an existing one."""

from __future__ import annotations

import hashlib

BUCKETS = 10  # sha256(doc_id) mod 10: 0 -> test, 1 -> validation, 2..9 -> train (about 80/10/10)


def split_of(doc_id: str) -> str:
    """'train', 'validation' or 'test' for a document."""
    bucket = int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % BUCKETS
    return "test" if bucket == 0 else "validation" if bucket == 1 else "train"
