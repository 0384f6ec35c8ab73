"""Read step: the seeds folder -> validated `SourceDocument`s (decoded text plus curated provenance).

This is the only stage that touches the input files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import langcodes
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from corpus.errors import SeedError
from corpus.readers.model import LayoutDocument, layout_text
from corpus.yaml_input import YamlInputError, load_yaml_file

MANIFEST_NAME = "manifest.yaml"
SOURCE_SUFFIX = ".txt"  # matched case-insensitively: NOTES.TXT is a source too
PDF_SUFFIX = ".pdf"
HTML_SUFFIXES = (".html", ".htm")
SOURCE_SUFFIXES = (SOURCE_SUFFIX, PDF_SUFFIX, *HTML_SUFFIXES)
CURATED_FILES = frozenset({MANIFEST_NAME, "entities.yaml", "quality.json"})  # read by name, not sources
MAX_LINE_CHARS = 200_000  # a "line" longer than this is not a text of a supported kind


class SeedEntry(BaseModel):
    """Curated provenance of one source file (one entry of `seeds/manifest.yaml`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str = Field(description="File name relative to the seeds folder.")
    publisher: str | None = Field(default=None, description="Publishing organisation.")
    genre: Literal["news", "report"] | None = Field(default=None, description="news or report.")
    url: str | None = Field(default=None, description="Original URL when known; null otherwise (never invented).")
    title: str | None = Field(default=None, description="Curated title, when the text's own is wrong or missing.")
    authors: list[str] | None = Field(default=None, description="Curated authors.")
    published_date: dt.date | None = Field(default=None, description="Curated publication date.")
    published_month: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}$", description="Publication month when only the month is known (YYYY-MM).")
    language: str | None = Field(default=None, description="Curated BCP-47 language tag.")
    license: str | None = Field(default=None, description="Licence of the source: an SPDX id where one applies (CC-BY-4.0), else a short text of the terms; null when unknown.")
    license_url: str | None = Field(default=None, description="Where the licence or terms are stated; for an SPDX id the SPDX page is used when left out.")
    redistribute: bool | None = Field(default=None, description="Whether the publisher allows redistributing the text verbatim, when known otherwise than from an SPDX licence; overrides the licence allow-list (corpus.licences).")
    notes: str | None = Field(default=None, description="Free-text notes on the source.")

    @field_validator("language")
    @classmethod
    def _bcp47(cls, value: str | None) -> str | None:
        """A valid BCP-47 tag, in its standard form (`EN` -> `en`, `zh-hant` -> `zh-Hant`)."""
        if value is None:
            return None
        if not langcodes.tag_is_valid(value):
            raise ValueError(f"{value!r} is not a valid BCP-47 language tag (e.g. en, fr, zh-Hans)")
        return langcodes.standardize_tag(value)

    @field_validator("published_month")
    @classmethod
    def _real_month(cls, value: str | None) -> str | None:
        if value is not None and not 1 <= int(value[5:]) <= 12:
            raise ValueError(f"{value!r} is not a real month (YYYY-MM, month 01-12)")
        return value


class Manifest(BaseModel):
    """The seeds manifest: one entry per source file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    documents: list[SeedEntry]


@dataclass(frozen=True)
class IgnoredFile:
    """A file in the seeds folder that is not read as a source, and why (shown in the build summary)."""

    name: str
    reason: str


@dataclass(frozen=True)
class SourceDocument:
    """One decoded source file with its curated provenance (None when the manifest has no entry)."""

    doc_id: str
    source_file: str
    sha256: str
    n_bytes: int
    raw: str | None  # None: not held in memory; `loaded()` reads it from `path` when the document is processed
    entry: SeedEntry | None
    layout: LayoutDocument | None = None  # pages of lines with layout attributes (PDF, HTML); None for plain text
    input_format: str = "txt"  # "txt" | "pdf" | "html"
    extractor: str | None = None  # library that read the file (None for plain text), recorded with its version
    extractor_version: str | None = None
    path: Path | None = None  # the source file, for a document whose text is read at processing time
    root: Path | None = None  # the resolved seeds folder `path` must lie in

    def loaded(self) -> SourceDocument:
        """This document with its text (and layout) in memory: itself when it has them, else read again from
        its file, which must still have the bytes hashed by `read_seeds` (a SeedError names it otherwise)."""
        if self.raw is not None or self.path is None or self.root is None:
            return self
        data = _read_source(self.path, self.root)
        if hashlib.sha256(data).hexdigest() != self.sha256:
            raise SeedError(self.path, "changed-during-build", "file changed while the corpus was being built; build again")
        raw, layout = decode_file(self.path, data)
        return replace(self, raw=raw, layout=layout)


def doc_id_for(file_name: str) -> str:
    """The document id of a source file: the slug of its stem (lowercase, [a-z0-9_-])."""
    stem = Path(file_name).stem
    slug = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9_-]+", "-", slug).strip("-_")
    return slug


def duplicate_message(doc_id: str, first: Path, second: Path) -> str:
    """Why two source files cannot both be read: they give the same document id. Files of one stem in two
    formats (`r.pdf` and `r.txt`) are one document given twice; neither is preferred, the user keeps one."""
    message = f"document id {doc_id!r} is also the id of {first.name}"
    if first.stem == second.stem and first.suffix.lower() != second.suffix.lower():
        return f"{message}: the same document as {first.suffix} and {second.suffix}; keep one of the two in the seeds folder"
    return message


def load_manifest(seeds: Path) -> Manifest | None:
    """Parse and validate `seeds/manifest.yaml`; None (with a warning) when there is none."""
    path = seeds / MANIFEST_NAME
    if not path.exists():
        warnings.warn(f"{path}: no manifest; curated fields will be null", stacklevel=2)
        return None
    try:
        data = load_yaml_file(path)
    except YamlInputError as err:
        raise SeedError(path, "manifest-malformed", f"manifest is not valid YAML ({_one_line(err)})") from err
    except OSError as err:
        raise SeedError(path, "unreadable", f"cannot read the manifest ({err.strerror or err})") from err
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        given = f" (given {first['input']!r})" if isinstance(first.get("input"), str | int | float) else ""
        raise SeedError(path, "manifest-invalid", f"manifest does not match its schema at {where or 'top level'}: {first['msg']}{given}") from err
    seen: set[str] = set()
    for entry in manifest.documents:
        target = (seeds / entry.file).resolve()
        if Path(entry.file).is_absolute() or not target.is_relative_to(seeds.resolve()):
            raise SeedError(path, "path-outside-seeds", f"entry {entry.file!r} points outside the seeds folder")
        if not target.is_file():
            raise SeedError(path, "missing-file", f"entry {entry.file!r} names a file that does not exist")
        if entry.file in seen:
            raise SeedError(path, "duplicate-entry", f"entry {entry.file!r} appears twice")
        seen.add(entry.file)
    return manifest


_UTF16_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def _wide_encoding(data: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' when the bytes are text in a wide Unicode encoding (by BOM or NUL pattern)."""
    for bom, name in _UTF16_BOMS:
        if data.startswith(bom):
            return name
    sample = data[:4096]
    if len(sample) >= 4:
        odd, even = sample[1::2].count(0), sample[0::2].count(0)
        if max(odd, even) > 0.4 * (len(sample) // 2) and min(odd, even) < 0.05 * (len(sample) // 2):
            return "UTF-16"
    return None


def _is_blank(text: str) -> bool:
    """No visible character: only whitespace (NBSP, U+3000 ...) and invisible format characters (BOM, ZWSP)."""
    return all(ch.isspace() or unicodedata.category(ch) in ("Cf", "Zs", "Zl", "Zp") for ch in text)


# control characters (Unicode category Cc: U+0000-U+001F and U+007F-U+009F) other than LF, tab and form feed
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f]")


def decode_source(path: Path, data: bytes) -> str:
    """Bytes of a source file -> text with LF line endings; raises SeedError on unusable input."""
    if not data.strip():
        raise SeedError(path, "empty-file", "file is empty")
    wide = _wide_encoding(data)
    if wide:
        raise SeedError(path, "not-utf8", f"file is {wide} text, not UTF-8; convert it (e.g. iconv -f {wide} -t UTF-8)")
    if b"\x00" in data:
        raise SeedError(path, "binary-file", "file is binary (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SeedError(path, "not-utf8", f"file is not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); convert it to UTF-8") from err
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _is_blank(text):
        raise SeedError(path, "empty-file", "file has no visible text (only spaces or invisible characters)")
    controls = len(_CONTROLS.findall(text))
    if controls > max(8, len(text) // 100):
        raise SeedError(path, "binary-file", "file looks binary (many control characters), not text")
    longest = max((len(line) for line in text.split("\n")), default=0)
    if longest > MAX_LINE_CHARS:
        raise SeedError(path, "line-too-long", f"a line is {longest:,} characters long (limit {MAX_LINE_CHARS:,}); not a text document of a supported kind")
    return text


def read_seeds(seeds: Path, rejects: list[SeedError] | None = None, ignored: list[IgnoredFile] | None = None,
               keep_text: bool = True) -> list[SourceDocument]:
    """All source documents of a seeds folder, sorted by file name.

    A bad source file raises SeedError, unless `rejects` is given: then the file is skipped and its
    error appended there. Manifest errors always raise. Files that are not sources (other extensions,
    folders) are appended to `ignored` with the reason.

    Every file is read and decoded here, so a bad one fails before any work; with `keep_text=False` the
    text is then dropped (`raw` None) and read again by `SourceDocument.loaded()` when the document is
    processed, so memory does not grow with the corpus.
    """
    if not seeds.is_dir():
        raise SeedError(seeds, "no-seeds-folder", "seeds folder does not exist")
    manifest = load_manifest(seeds)
    entries = {e.file: e for e in manifest.documents} if manifest else {}
    files = []
    for path in sorted(seeds.iterdir()):
        reason = _not_a_source(path)
        if reason is None:
            files.append(path)
        elif ignored is not None and path.name not in CURATED_FILES:
            ignored.append(IgnoredFile(path.name, reason))
    if not files:
        raise SeedError(seeds, "no-sources", f"no {' or '.join(SOURCE_SUFFIXES)} files in the seeds folder")
    root = seeds.resolve()
    by_id: dict[str, Path] = {}
    documents = []
    for path in files:
        doc_id = doc_id_for(path.name)
        if not doc_id:
            raise SeedError(path, "bad-file-name", "file name gives an empty document id")
        if doc_id in by_id:
            raise SeedError(path, "duplicate-doc-id", duplicate_message(doc_id, by_id[doc_id], path))
        by_id[doc_id] = path
        try:
            data = _read_source(path, root)
            raw, layout = decode_file(path, data)
        except SeedError as err:
            if rejects is None:
                raise
            rejects.append(err)
            continue
        if manifest is not None and path.name not in entries:
            warnings.warn(f"{path}: no entry in {MANIFEST_NAME}; its curated fields (publisher, licence ...) will be null", stacklevel=2)
        documents.append(
            SourceDocument(
                doc_id=doc_id,
                source_file=path.name,
                sha256=hashlib.sha256(data).hexdigest(),
                n_bytes=len(data),
                raw=raw if keep_text else None,
                entry=entries.get(path.name),
                layout=layout if keep_text else None,
                input_format=layout.input_format if layout else "txt",
                extractor=layout.extractor if layout else None,
                extractor_version=layout.extractor_version if layout else None,
                path=None if keep_text else path,
                root=None if keep_text else root,
            )
        )
    if not documents:
        raise SeedError(seeds, "no-sources", "no usable source files (all were rejected)")
    return documents


def decode_file(path: Path, data: bytes) -> tuple[str, LayoutDocument | None]:
    """A source file's bytes -> its text and, for PDF and HTML, its layout; SeedError on unusable input."""
    if path.suffix.lower() != PDF_SUFFIX and data.lstrip()[:5] == b"%PDF-":
        kind = "an HTML page" if path.suffix.lower() in HTML_SUFFIXES else "text"
        raise SeedError(path, "wrong-extension", f"file is a PDF (it starts with %PDF-), not {kind}; rename it to {path.stem}.pdf")
    if path.suffix.lower() == PDF_SUFFIX:
        layout = _read_layout(path, data)
        return layout_text(layout), layout
    if path.suffix.lower() in HTML_SUFFIXES:
        from corpus.structure.news_html import page_text

        layout = _read_page(path, data)
        return page_text(layout), layout  # the page's blocks laid out as a news text, headline first
    return decode_source(path, data), None


def _not_a_source(path: Path) -> str | None:
    """Why `path` is not read as a source document (None: it is one)."""
    if path.suffix.lower() not in SOURCE_SUFFIXES:
        return "folder (subfolders are not read)" if path.is_dir() else f"not a {' or '.join(SOURCE_SUFFIXES)} file"
    if path.name.startswith("."):
        return "hidden file"
    if path.is_dir():
        return "folder (subfolders are not read)"
    if not path.is_symlink() and not path.is_file():
        return "not a regular file"
    return None


def _read_layout(path: Path, data: bytes) -> LayoutDocument:
    """A PDF's pages of lines; an encrypted, damaged or scanned PDF raises SeedError naming the problem."""
    from corpus.readers.pdf import PdfReadError, read_pdf

    try:
        return read_pdf(data)
    except PdfReadError as err:
        raise SeedError(path, f"pdf-{err.reason}", str(err)) from err


def _read_page(path: Path, data: bytes) -> LayoutDocument:
    """An HTML page's main text and markup metadata; a file that is not a page (no markup, binary, no
    main text) raises SeedError naming the problem."""
    from corpus.readers.html import decode_html, read_html

    return read_html(path, decode_html(path, data))


def _read_source(path: Path, root: Path) -> bytes:
    """The bytes of a source file that really lies inside the seeds folder (links are followed only there)."""
    target = path.resolve()
    if not target.is_relative_to(root):
        raise SeedError(path, "path-outside-seeds", "file is a link to a file outside the seeds folder")
    if not target.is_file():
        raise SeedError(path, "not-a-file", "file is a link to something that is not a regular file")
    try:
        return target.read_bytes()
    except OSError as err:
        raise SeedError(path, "unreadable", f"cannot read the file ({err.strerror or err})") from err


def _one_line(err: Exception) -> str:
    return " ".join(str(err).split())
