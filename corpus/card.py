"""The dataset card: Hugging Face README.md (YAML front matter + prose) generated from a finished build.

The card follows the Hugging Face dataset card template and answers the Datasheets-for-Datasets
questions that apply to a document-derived corpus. Everything the build knows (counts, provenance,
column dictionary, defects, environment, file checksums) is generated; the prose that only a person
can write lives here as constants and applies to every build.

Deterministic by construction: no wall clock, no absolute paths, sorted iteration. Any text that comes
from a document or the manifest passes through `md_cell` (or `md_code` / `md_url`), so it cannot break a
Markdown table or inject HTML.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import re
import statistics
import unicodedata
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import yaml

from corpus.metadata import CROISSANT_NAME, DATAPACKAGE_NAME, FOREIGN_KEYS, OutputFile, arrow_type_name, output_files, shard_files
from corpus.records import TABLES
from corpus.schema import columns, hf_features

LICENSE = "other"
LICENSE_NAME = "per-document-licences"  # the texts' licences differ (or are unknown): see the card's table
LICENSE_LINK = "README.md#distribution-and-licences"
PRETTY_NAME = "Think-tank publications on China's digital economy and AI governance (structured)"
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
QUALITY_NAME = "quality.json"

# What one row of each table is, and which pipeline step produces it.
TABLE_ROLES: dict[str, tuple[str, str]] = {
    "documents": (
        "one source file",
        "`corpus.read` (file name, sha256, bytes, manifest entry) + `corpus.structure.report` or "
        "`corpus.structure.news` (clean text, title, metadata lines, removed boilerplate with reasons, Chinese script) + `corpus.structure.language` (language when not curated), "
        "merged by `corpus.pipeline`",
    ),
    "sections": ("one heading and the text it governs, or a preamble", "`corpus.structure.report` (reports) / `corpus.structure.news` (news)"),
    "footnotes": ("one footnote or endnote", "`corpus.structure.report` (reports) / `corpus.structure.news` (news)"),
    "figures": ("one figure, chart, table or image", "`corpus.structure.report` (reports) / `corpus.structure.news` (news: image file names, with the caption and photo credit that follow them)"),
    "entities": (
        "one real-world entity across documents",
        "`corpus.enrich.canonical` (grouping of mentions, with the curated catalog `corpus.enrich.catalog`)",
    ),
    "mentions": ("one occurrence of an entity", "`corpus.enrich.entities` (spaCy NER + rules), linked by `corpus.enrich.canonical`"),
    "quantities": ("one number with a unit", "`corpus.enrich.quantities` (rules)"),
    "citations": ("one work cited in a footnote, or the comment row of a note citing none", "`corpus.enrich.citations` (rules; `dateparser` for date precision)"),
    "paragraphs": ("one paragraph, heading, list item, caption or footnote", "`corpus.derive.paragraphs` (from documents, sections, figures and footnotes)"),
    "ner": ("one paragraph as tokens with BIO tags", "`corpus.derive.ner` (spaCy's rule-based tokenizer of the language; tags from the published mentions)"),
}

ID_SCHEME: dict[str, str] = {
    "doc_id": "slug of the source file's stem (lowercase `[a-z0-9_-]`), e.g. `003_b2e28905b3ba221b` for `003_b2e28905b3ba221b.txt`",
    "section_id": "`<doc_id>/sNNNN`: 4-digit position of the section in reading order, from 0",
    "footnote_id": "`<doc_id>/nNNNN`: the note number as printed",
    "figure_id": "`<doc_id>/fNNNN`: 4-digit position of the figure in the document, from 0",
    "mention_id": "`<doc_id>/m` + 12 hex digits of SHA-1 over (field, footnote_id, start, end)",
    "quantity_id": "`<doc_id>/q` + 12 hex digits of SHA-1 over (field, footnote_id, start, end)",
    "entity_id": "`ent_` + 12 hex digits derived from the label and the canonical name",
    "citation_id": "`<footnote_id>/cNN`: 2-digit position of the reference within its note, from 1",
    "paragraph_id": "`<doc_id>/pNNNN`: position of the paragraph in its document, from 0 (body blocks in reading order, then footnotes by number); `ner` rows share it",
}

METADATA_FIELDS = (
    "title",
    "authors",
    "publisher",
    "url",
    "language",
    "genre",
    "published_date",
    "published_month",
    "published_time",
    "event_dates",
    "related_links",
)

TOOL_PACKAGES = ("pyarrow", "pandas", "pandera", "pydantic", "datasets", "spacy", "py3langid", "wordfreq", "pyyaml", "dateparser")
_SPACY_MODEL = re.compile(r"^(?:[a-z]{2,3}|xx)_(?:core|dep|ent)_")


# --- Markdown escaping --------------------------------------------------------------------------------

_MD_PUNCT = re.compile(r"([\\`*_\[\]~$|])")
_SAFE_URL = re.compile(r"^https?://[^\s<>|`\\\"']+$")


def _one_line(value: object) -> str:
    text = "" if value is None else str(value)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)
    return " ".join(text.split())


def md_cell(value: object, limit: int | None = None) -> str:
    """`value` as one line of inert Markdown text, safe inside a table cell.

    Newlines and control characters become spaces; Markdown punctuation (`|`, backticks, emphasis,
    brackets, `$`, backslash) is backslash-escaped; `&`, `<`, `>` become entities so no HTML survives.
    `limit` cuts the text to that many characters (before escaping) with an ellipsis.
    """
    text = _one_line(value)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_PUNCT.sub(r"\\\1", text)
    # A leading block marker would start a list, heading or rule where the text begins a line.
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", re.sub(r"^([-+#=])", r"\\\1", text))


def md_code(value: object) -> str:
    """An identifier or file name as a code span; falls back to `md_cell` when it holds a backtick."""
    text = _one_line(value)
    if not text:
        return ""
    if "`" in text:
        return md_cell(text)
    return "`" + text.replace("|", "\\|") + "`"


def md_url(value: object) -> str:
    """A plain http(s) URL as an autolink; anything else as inert text."""
    text = _one_line(value)
    if _SAFE_URL.match(text):
        return f"<{text}>"
    return md_cell(text)


def md_table(headers: Sequence[str], rows: Iterable[Sequence[str]], align: str | None = None) -> list[str]:
    """Lines of a Markdown table; cells must already be escaped. `align`: one of 'l'/'r' per column."""
    align = align or "l" * len(headers)
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(rule) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


# --- front matter -------------------------------------------------------------------------------------


def size_category(n: int) -> str:
    """Hugging Face `size_categories` bucket for `n` examples."""
    bounds = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"), (10_000_000, "1M<n<10M")]
    for bound, name in bounds:
        if n < bound:
            return name
    return "n>10M"


def _arrow_bytes(folder: Path, table: str) -> int:
    return sum(pq.read_table(p).nbytes for p in sorted((folder / table).glob("*.parquet")))


def table_splits(folder: Path | None, table: str) -> list[str]:
    """The splits a table's shards are written in (`<split>-NNNNN-of-NNNNN.parquet`), in write order."""
    from corpus.write import SPLITS

    if folder is None:
        return ["train"]
    present = {p.name.split("-", 1)[0] for p in (folder / table).glob("*.parquet")}
    return [s for s in SPLITS if s in present] or ["train"]


def _split_rows(folder: Path, table: str, split: str) -> tuple[int, int]:
    """(rows, Arrow bytes) of one split of a table."""
    tables = [pq.read_table(p) for p in sorted((folder / table).glob(f"{split}-*.parquet"))]
    return sum(t.num_rows for t in tables), sum(t.nbytes for t in tables)


def dataset_configs(rows: dict[str, int], folder: Path | None = None) -> tuple[list[dict], list[dict]]:
    """`configs` and `dataset_info` entries: one per table, with typed features and row counts.

    Tables with a `split` column (paragraphs, ner) list one data_files entry per split written; the
    others are one `train` split over `<table>/*.parquet`."""
    configs = []
    for name, model in TABLES.items():
        if "split" in model.model_fields:
            files = [{"split": s, "path": f"{name}/{s}-*.parquet"} for s in table_splits(folder, name)]
        else:
            files = [{"split": "train", "path": f"{name}/*.parquet"}]
        configs.append({"config_name": name, "data_files": files, **({"default": True} if name == "documents" else {})})
    info = []
    for name, model in TABLES.items():
        entry: dict[str, Any] = {"config_name": name, "features": hf_features(model)}
        if folder is not None:
            splits = table_splits(folder, name) if "split" in model.model_fields else ["train"]
            sizes = {s: _split_rows(folder, name, s) if "split" in model.model_fields else (rows[name], _arrow_bytes(folder, name)) for s in splits}
            entry["splits"] = [{"name": s, "num_bytes": sizes[s][1], "num_examples": sizes[s][0]} for s in splits]
            entry["download_size"] = sum(f.n_bytes for f in shard_files(folder, name))
            entry["dataset_size"] = sum(b for _, b in sizes.values())
        else:
            entry["splits"] = [{"name": "train", "num_bytes": 0, "num_examples": rows[name]}]
        info.append(entry)
    return configs, info


def iso639_1(languages: Iterable[str]) -> list[str]:
    """Primary language subtags of BCP-47 tags, 'und' left out, sorted."""
    return sorted({tag.split("-")[0] for tag in languages if tag and tag != "und"})


def dataset_licence(licences: Sequence[str | None]) -> tuple[str, str]:
    """(`license_name`, `license_link`) of the card: one SPDX licence shared by every document, else the per-document table."""
    from corpus.licences import spdx_url

    shared = set(licences)
    if len(shared) == 1 and (only := shared.pop()) is not None:
        from corpus.licences import spdx_id

        if spdx_id(only) == only:
            return only.lower(), spdx_url(only)
    return LICENSE_NAME, LICENSE_LINK


def front_matter(rows: dict[str, int], languages: Sequence[str], folder: Path | None = None, licences: Sequence[str | None] = ()) -> str:
    configs, info = dataset_configs(rows, folder)
    license_name, license_link = dataset_licence(licences)
    langs = iso639_1(languages)
    meta = {
        "pretty_name": PRETTY_NAME,
        "license": LICENSE,
        "license_name": license_name,
        "license_link": license_link,
        "language": langs,
        "multilinguality": ["multilingual" if len(langs) > 1 else "monolingual"],
        "annotations_creators": ["machine-generated"],
        "language_creators": ["found"],
        "source_datasets": ["original"],
        "task_categories": ["token-classification"],
        "task_ids": ["named-entity-recognition"],
        "size_categories": [size_category(rows.get("documents", 0))],
        "tags": ["think-tanks", "china", "digital-economy", "ai-governance", "footnotes", "named-entities", "tabular", "text", "croissant"],
        "configs": configs,
        "dataset_info": info,
    }
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n"


# --- inputs the card reads besides the tables ---------------------------------------------------------


def _resolve_seeds(tables, seeds: Path | None) -> Path | None:
    """The seeds folder this build came from: `seeds` if given, else the repository's `seeds/` when every
    document's source file is there with the same sha256 (so another seeds folder never lends its files)."""
    if seeds is not None:
        return seeds if seeds.is_dir() else None
    if not SEEDS_DIR.is_dir() or not tables.documents:
        return None
    for doc in tables.documents:
        path = SEEDS_DIR / doc.source_file
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != doc.sha256:
            return None
    return SEEDS_DIR


def _manifest_entries(seeds: Path | None) -> dict[str, Any]:
    if seeds is None:
        return {}
    from corpus.errors import CorpusError
    from corpus.read import load_manifest

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            manifest = load_manifest(seeds)
        except CorpusError:
            return {}
    return {e.file: e for e in manifest.documents} if manifest else {}


def _quality(seeds: Path | None) -> tuple[dict | None, str | None]:
    """The scores `corpus eval` wrote to `seeds/quality.json` and that file's sha256, if present."""
    if seeds is None or not (seeds / QUALITY_NAME).is_file():
        return None, None
    data = (seeds / QUALITY_NAME).read_bytes()
    try:
        return json.loads(data), hashlib.sha256(data).hexdigest()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {"error": "seeds/quality.json is not valid JSON"}, hashlib.sha256(data).hexdigest()


def ner_status(language: str) -> str:
    """How entities are found for `language`: 'statistical', 'rules' (no model installed) or 'none'."""
    from corpus.enrich.entities import ner_available, rule_based_languages

    if ner_available(language):
        return "statistical"
    return "rules" if language in rule_based_languages() else "none"


def package_versions() -> list[tuple[str, str]]:
    """(distribution, version) of the tools that shape the output, then the installed spaCy models."""
    result = []
    for name in TOOL_PACKAGES:
        try:
            result.append((name, importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            result.append((name, "not installed"))
    models = set()
    for dist in importlib.metadata.distributions():
        raw = dist.metadata["Name"] or ""
        norm = re.sub(r"[-_.]+", "_", raw).lower()
        if _SPACY_MODEL.match(norm):
            models.add((norm, dist.version))
    return result + sorted(models)


# --- rendering helpers --------------------------------------------------------------------------------


def _fmt_number(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return md_cell(value)
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (dict, list)):
        return md_cell(json.dumps(value, sort_keys=True, ensure_ascii=False))
    return md_cell(value)


def render_scores(data: Any, level: int = 3) -> list[str]:
    """A free JSON structure of scores as Markdown: dicts of dicts become tables, scalars bullets."""
    lines: list[str] = []
    if not isinstance(data, dict):
        return [_fmt_number(data), ""]
    scalars = {k: v for k, v in data.items() if not isinstance(v, (dict, list))}
    if scalars:
        lines += md_table(["measure", "value"], [[md_cell(k), _fmt_number(v)] for k, v in sorted(scalars.items())], "lr")
        lines.append("")
    for key in sorted(k for k, v in data.items() if isinstance(v, (dict, list))):
        value = data[key]
        lines += [f"{'#' * min(level, 6)} {md_cell(key)}", ""]
        rows = value if isinstance(value, dict) else {str(i): v for i, v in enumerate(value)}
        if rows and all(isinstance(v, dict) and not any(isinstance(x, dict) for x in v.values()) for v in rows.values()):
            cols = sorted({c for v in rows.values() for c in v})
            body = [[md_cell(k)] + [_fmt_number(v.get(c)) if c in v else "" for c in cols] for k, v in sorted(rows.items())]
            lines += md_table([""] + [md_cell(c) for c in cols], body, "l" + "r" * len(cols))
            lines.append("")
        elif rows and all(not isinstance(v, (dict, list)) for v in rows.values()):
            lines += md_table(["measure", "value"], [[md_cell(k), _fmt_number(v)] for k, v in sorted(rows.items())], "lr")
            lines.append("")
        else:
            lines += render_scores(rows, level + 1)
    return lines


def _date(doc) -> str:
    if doc.published_date:
        text = doc.published_date.isoformat()
    elif doc.published_month:
        text = doc.published_month
    else:
        return "not stated"
    return text + (f" {doc.published_time}" if doc.published_time else "")


def _is_empty(value: Any) -> bool:
    return value is None or value == [] or value == ""


def _count_by(items: Iterable[str]) -> list[tuple[str, int]]:
    return sorted(Counter(items).items())


def _spread(values: list[int]) -> str:
    if not values:
        return "none"
    return f"min {min(values)}, median {statistics.median(values):g}, max {max(values)}, total {sum(values)}"


# --- card sections -----------------------------------------------------------------------------------


def _summary(tables, rows: dict[str, int]) -> list[str]:
    docs = tables.documents
    genres = ", ".join(f"{n} {g}" for g, n in _count_by(d.genre for d in docs)) or "none"
    languages = ", ".join(f"{md_code(lang)} ({n})" for lang, n in _count_by(d.language for d in docs)) or "none"
    publishers = len({d.publisher for d in docs if d.publisher})
    return [
        f"# {PRETTY_NAME}",
        "",
        f"Think-tank publications turned into {len(TABLES)} typed, linked tables. This build holds **{rows['documents']} documents** "
        f"(genre: {genres}; language: {languages}) from {publishers} named publisher(s), with "
        + ", ".join(f"{rows[name]} {name}" for name in TABLES if name != "documents")
        + ".",
        "",
        "This card is generated by the build from the data it describes (`corpus/card.py`); do not edit it by hand. "
        "Machine-readable descriptions of the same build: `croissant.json` (MLCommons Croissant 1.1) and "
        "`datapackage.json` (Frictionless Data Package).",
        "",
    ]


def project_links() -> dict[str, str]:
    """The package's declared project URLs (`[project.urls]` in pyproject.toml), by label; empty when none."""
    try:
        entries = importlib.metadata.metadata("thinktank-corpus").get_all("Project-URL") or []
    except importlib.metadata.PackageNotFoundError:
        return {}
    return dict(tuple(part.strip() for part in entry.split(",", 1)) for entry in entries if "," in entry)


def _repository() -> str:
    links = project_links()
    url = links.get("Repository") or links.get("Source") or links.get("Homepage")
    return url or "the thinktank-corpus git repository (`corpus/`, `seeds/`, `schema/`); no public URL is declared in its `pyproject.toml` yet"


CONTACT = "the thinktank-corpus maintainers, through the repository's issue tracker"


def _details(tables) -> list[str]:
    from corpus import __version__
    from corpus.contract import version as schema_version
    from corpus.data_version import data_version

    return [
        "## Dataset details",
        "",
        "- **Curated by:** the thinktank-corpus maintainers (source selection and the seeds manifest).",
        "- **Produced by:** the `thinktank-corpus` builder "
        f"version {__version__}, schema version {schema_version()} (see *Build environment*).",
        f"- **Data version:** `{data_version(tables)}` (SHA-256 over every row of every table; it changes exactly when "
        "the published content changes, while the schema version changes with the columns).",
        f"- **Repository:** {_repository()}.",
        f"- **Contact:** {CONTACT}.",
        "- **Languages:** " + (", ".join(md_code(lang) for lang in sorted({d.language for d in tables.documents})) or "none") + " (BCP-47 tags per document in `documents.language`).",
        f"- **Licence:** per document (`documents.license`): {sum(d.license is not None for d in tables.documents)} of "
        f"{len(tables.documents)} documents have a recorded licence, {sum(d.text_withheld for d in tables.documents)} texts are withheld; "
        "see *Distribution and licences*.",
        "- **Source data:** the unmodified files in the repository's `seeds/` folder, listed with their sha256 in *Per-source provenance*.",
        "",
    ]


MOTIVATION = [
    "## Motivation",
    "",
    "Think tanks publish reports and web news on China's digital economy and AI governance as PDFs and web "
    "pages: hard to search, cite or compare at the level of a section, a footnote or a named organisation. "
    "This dataset makes a small, curated set of such publications usable as data: clean body text with its "
    "section structure, the footnotes and where they were anchored, figures, the people, organisations and "
    "places named, and the numbers stated, each row traceable to the exact source file. It was created for "
    "research on think-tank discourse and as a test bed for document-structure and entity-extraction pipelines. "
    "No external funding is recorded.",
    "",
]

USES = [
    "## Uses",
    "",
    "### Direct use",
    "",
    "- Reading and searching the publications by section, footnote, entity or stated quantity.",
    "- Studying who and what think tanks cite and mention (footnote URLs, entity mentions across documents and languages).",
    "- Evaluating or developing document-structure recovery, footnote linking, NER and quantity extraction, "
    "with the caveat that the labels here are machine-generated, not gold.",
    "",
    "### Out-of-scope use",
    "",
    "- Treating `entities`, `mentions` or `quantities` as ground truth: they are machine output with measured errors (see *Measured extraction quality*).",
    "- Drawing conclusions about think tanks, countries or publishers in general: the documents are a small hand-picked set, not a sample.",
    "- Redistributing the full source texts without checking each publisher's terms (see *Distribution and licences*).",
    "- Profiling individuals: person mentions are names printed in public documents, kept only as they appear.",
    "",
]


def _structure(folder: Path, tables, rows: dict[str, int]) -> list[str]:
    lines = [
        "## Dataset structure",
        "",
        f"{len(TABLES)} tables, one Hugging Face config each (`load_dataset(path, \"<table>\")`), written as Parquet shards "
        "`<table>/<split>-NNNNN-of-NNNNN.parquet` with an explicit Arrow schema that carries the table's Hugging Face "
        "features as schema metadata (key `huggingface`, as `datasets` writes it). Offsets are half-open Python string offsets (`text[start:end]`).",
        "",
        "Splits: `paragraphs` and `ner` are split by document: `sha256(doc_id) mod 10` is 0 for `test`, 1 for "
        "`validation`, 2-9 for `train` (about 80/10/10; `corpus.derive.splits`), so no document is in two splits and "
        "adding documents never moves one; a split no document falls in is not written. Every other table is one "
        "`train` split: they are reference tables joined by id, not training examples.",
        "",
        "`paragraphs` is the unit to train, embed and retrieve on: one row per block of `documents.text` between blank "
        "lines (a heading, a paragraph, each list item, a figure caption or source line) and one per footnote, with the "
        "headings of its enclosing sections (`section_path`), offsets and page where known. `ner` is the conll2003 / "
        "wikiann shape: `tokens` and `ner_tags` (BIO over the entity labels, from the published top-level mentions: "
        "decoding the tags gives back exactly the mentions inside the paragraph, `corpus validate` checks it) plus each "
        "token's offsets; tags are stored as ids into the tag names (`O` first, then `B-` and `I-` of each entity label, "
        "as conll2003 and wikiann store them), so even bare `ner` shards load as a `ClassLabel` sequence. A build without NER "
        "(`--no-ner`) has no `ner` rows.",
        "",
        "### Tables and the step that produced them",
        "",
    ]
    lines += md_table(
        ["table", "rows", "one row is", "primary key", "produced by"],
        [[md_code(name), str(rows[name]), TABLE_ROLES[name][0], ", ".join(md_code(k) for k in TABLES[name].key), TABLE_ROLES[name][1]] for name in TABLES],
        "lrlll",
    )
    lines += [
        "",
        "### Identifiers: tracing any record to its source file and step",
        "",
        "Ids are derived from content and position, never from processing order, so they are stable across builds of the same seeds.",
        "",
    ]
    lines += [f"- `{name}`: {text}" for name, text in ID_SCHEME.items()]
    lines += [
        "",
        "Every row except `entities` carries a `doc_id`; the `documents` row with that id gives `source_file` "
        "(the file in `seeds/`) and its `sha256`. The table a row is in tells the step that made it (table above). "
        "An `entities` row is traced through its `mentions` rows (`mentions.entity_id`), each of which names its document. "
        "Spans with `field = footnote` point into `footnotes.text` of `footnote_id`; all other offsets point into `documents.text`.",
        "",
    ]
    example = _trace_example(tables)
    if example:
        lines += ["Example from this build: " + example, ""]
    lines += ["References between tables (checked by `corpus validate`; also `foreignKeys` in `datapackage.json`):", ""]
    lines += [f"- `{fk.table}.{fk.column}` → `{fk.ref_table}.{fk.ref_column}`" for fk in FOREIGN_KEYS]
    lines += [
        "",
        "### Loading",
        "",
        "```python",
        "from datasets import load_dataset",
        'mentions = load_dataset("path/to/this/folder", "mentions", split="train")',
        'ner = load_dataset("path/to/this/folder", "ner")  # DatasetDict of the splits written',
        "",
        "import corpus  # pip install thinktank-corpus: typed pandas frames (nullable integers stay integers)",
        'documents = corpus.load("path/to/this/folder", "documents")',
        'failures = corpus.validate("path/to/this/folder")  # [] when the build satisfies the contract',
        "```",
        "",
        "Label columns of the reference tables (`label`, `kind`, `genre`, `status`, `split` ...) are plain strings in Parquet "
        "(readable in DuckDB, pandas and polars) and `ClassLabel`s through these configs or with `features=corpus.features(table)`; "
        "bare shards read with `load_dataset(\"parquet\", ...)` give them as strings. `ner.ner_tags` is stored as `ClassLabel` ids, "
        "so it is a `ClassLabel` sequence either way.",
        "",
        "### Column dictionary",
        "",
        "Generated from the record models in `corpus/records.py` (the canonical schema).",
        "",
    ]
    for name, model in TABLES.items():
        lines += [f"#### `{name}` ({rows[name]} rows)", "", (model.__doc__ or "").strip(), ""]
        body = []
        for c in columns(model):
            constraints = []
            if c.vocabulary:
                constraints.append(("ids from 0 into " if c.label_ids else "one of ") + ", ".join(c.vocabulary))
            if c.pattern:
                constraints.append(f"pattern {c.pattern}")
            if c.minimum is not None:
                constraints.append(f"≥ {c.minimum}")
            if c.maximum is not None:
                constraints.append(f"≤ {c.maximum}")
            if c.unique:
                constraints.append("unique")
            body.append([md_code(c.name), md_cell(arrow_type_name(c.arrow_type)), "yes" if c.nullable else "no", md_cell(c.description), md_cell("; ".join(constraints))])
        lines += md_table(["column", "type", "nullable", "description", "constraints"], body)
        lines.append("")
    return lines


def _trace_example(tables) -> str | None:
    docs = {d.doc_id: d for d in tables.documents}
    row = next(iter(tables.mentions), None) or next(iter(tables.quantities), None) or next(iter(tables.sections), None)
    if row is None or row.doc_id not in docs:
        return None
    key = type(row).key[0]
    doc = docs[row.doc_id]
    return (
        f"the {type(row).table} row {md_code(getattr(row, key))} has `doc_id` {md_code(row.doc_id)}, whose source file is "
        f"{md_code(doc.source_file)} (sha256 `{doc.sha256[:16]}…`); it was produced by {TABLE_ROLES[type(row).table][1]}."
    )


def _composition(tables) -> list[str]:
    docs = tables.documents
    per_doc: dict[str, Counter] = {d.doc_id: Counter() for d in docs}
    for name in ("sections", "footnotes", "figures", "mentions", "quantities"):
        for r in getattr(tables, name):
            if r.doc_id in per_doc:
                per_doc[r.doc_id][name] += 1
    lines = [
        "## Composition",
        "",
        f"Instances are of {len(TABLES)} kinds (one per table), linked by ids. The documents are a complete copy of the seeds "
        "folder, which is a hand-picked set of publications, not a random or representative sample. Nothing is dropped "
        "silently: a source the builder cannot use fails the build, or, with `--skip-bad`, is listed under "
        "*Known source defects*.",
        "",
        "### Per document",
        "",
    ]
    lines += md_table(
        ["doc_id", "genre", "language", "words", "sections", "footnotes", "figures", "mentions", "quantities"],
        [
            [md_code(d.doc_id), md_cell(d.genre), md_code(d.language), str(d.n_words)] + [str(per_doc[d.doc_id][n]) for n in ("sections", "footnotes", "figures", "mentions", "quantities")]
            for d in sorted(docs, key=lambda d: d.doc_id)
        ],
        "lllrrrrrr",
    )
    lines += [
        "",
        f"- Sections per document: {_spread([per_doc[d][ 'sections'] for d in sorted(per_doc)])}.",
        f"- Footnotes per document: {_spread([per_doc[d]['footnotes'] for d in sorted(per_doc)])}.",
        f"- Figures per document: {_spread([per_doc[d]['figures'] for d in sorted(per_doc)])}.",
        "",
        "### Entities by label",
        "",
    ]
    entity_labels = Counter(e.label for e in tables.entities)
    mention_labels = Counter(m.label for m in tables.mentions)
    labels = sorted(set(entity_labels) | set(mention_labels))
    if labels:
        lines += md_table(["label", "entities", "mentions"], [[md_code(lab), str(entity_labels[lab]), str(mention_labels[lab])] for lab in labels], "lrr")
        lines += ["", f"- Entities pinned by the curated catalog: {sum(e.in_catalog for e in tables.entities)}; with a Wikidata id: {sum(e.wikidata_id is not None for e in tables.entities)}.", ""]
    else:
        lines += ["No entities in this build.", ""]
    lines += ["### Footnotes by status and quantities by kind", ""]
    status = _count_by(f.status for f in tables.footnotes)
    kinds = _count_by(q.kind for q in tables.quantities)
    lines += [
        "- Footnotes: " + (", ".join(f"{s} {n}" for s, n in status) or "none") + ".",
        "- Quantities: " + (", ".join(f"{k} {n}" for k, n in kinds) or "none") + ".",
        "",
    ]
    lines += _citation_statistics(tables)
    lines += [
        "### Missing metadata",
        "",
        "Metadata is null (or empty) when neither the text nor the manifest states it; nothing is guessed.",
        "",
    ]
    lines += md_table(
        ["documents column", "documents without a value"],
        [[md_code(f), str(sum(_is_empty(getattr(d, f)) for d in docs))] for f in METADATA_FIELDS],
        "lr",
    )
    lines += [
        "",
        "### Personal and sensitive information",
        "",
        "The texts are published documents. They name public figures, officials, researchers and authors, sometimes "
        "with their stated roles (`mentions.role`). No private data was collected and no one was contacted; nothing "
        "was anonymised, because everything is already public in the source.",
        "",
    ]
    return lines


def _citation_statistics(tables, top: int = 10) -> list[str]:
    """What the footnotes cite: citations per document, by kind and type, top containers and domains, by year."""
    cites = [c for c in tables.citations if c.kind != "comment"]
    lines = ["### Citations", ""]
    if not cites:
        return lines + ["No footnote cites a work in this build.", ""]
    per_doc = Counter(c.doc_id for c in cites)
    full = [c for c in cites if c.kind == "citation"]
    by_kind = Counter((c.doc_id, c.kind) for c in tables.citations)  # one pass, not one per document
    lines += md_table(
        ["doc_id", "references", "full citations", "ibid", "short forms", "comment-only notes"],
        [
            [md_code(d), str(per_doc[d]), str(by_kind[d, "citation"]), str(by_kind[d, "ibid"]), str(by_kind[d, "short"]), str(by_kind[d, "comment"])]
            for d in sorted({d for d, _ in by_kind})
        ],
        "lrrrrr",
    )
    resolved = sum(c.refers_to is not None for c in cites if c.kind in ("ibid", "short"))
    backrefs = sum(c.kind in ("ibid", "short") for c in cites)
    lines += [
        "",
        "- Full citations by type: " + ", ".join(f"{t} {n}" for t, n in _count_by(c.type or "unknown" for c in full)) + ".",
        "- Full citations by title language: " + ", ".join(f"{lang} {n}" for lang, n in _count_by(c.language or "no title" for c in full)) + ".",
        f"- Ibid and short forms linked to the citation they repeat: {resolved} of {backrefs}.",
        "- Top containers (outlets, journals, publishers): "
        + (", ".join(f"{md_cell(k)} ({n})" for k, n in Counter(c.container for c in full if c.container).most_common(top)) or "none")
        + ".",
        "- Top URL domains: " + (", ".join(f"{md_code(k)} ({n})" for k, n in Counter(c.url_domain for c in full if c.url_domain).most_common(top)) or "none") + ".",
        "- Full citations by year of the work: "
        + (", ".join(f"{y} {n}" for y, n in sorted(Counter(c.date_iso[:4] for c in full if c.date_iso).items())) or "none")
        + f"; without a date: {sum(c.date_iso is None for c in full)}.",
        "",
    ]
    return lines


def _collection(tables, entries: dict[str, Any]) -> list[str]:
    docs = sorted(tables.documents, key=lambda d: d.doc_id)
    lines = [
        "## Collection and extraction process",
        "",
        "The source files were selected and saved by hand (web pages as text, PDF reports as extracted text) into "
        "`seeds/`, with curated provenance in `seeds/manifest.yaml`. Collection dates are not recorded. The builder "
        "then runs, per document: **read** (`corpus.read`: decode, hash, attach the manifest entry) → **structure** "
        "(`corpus.structure.report` for reports, `corpus.structure.news` for news: clean text, sections, footnotes, "
        "figures, byline metadata; `corpus.structure.language` when the language is not curated) → **enrich** "
        "(`corpus.enrich.quantities`; `corpus.enrich.entities` for NER), then once for the corpus "
        "`corpus.enrich.canonical` (entities grouped across documents and languages, pinned by the catalog), "
        "**validate** (`corpus.validate`: schema contract and cross-table rules) and **write** (`corpus.write`). "
        "Every step is deterministic; the same seeds and environment give the same bytes.",
        "",
        "### Who produced the source data",
        "",
    ]
    publishers = _count_by(d.publisher or "unknown" for d in docs)
    lines += md_table(["publisher", "documents"], [[md_cell(p), str(n)] for p, n in publishers], "lr")
    lines += ["", "### Per-source provenance", ""]
    lines += md_table(
        ["source file", "doc_id", "sha256", "bytes", "publisher", "URL", "genre", "language", "date", "title"],
        [
            [
                md_code(d.source_file),
                md_code(d.doc_id),
                f"`{d.sha256}`",
                str(d.n_bytes),
                md_cell(d.publisher) or "unknown",
                md_url(d.url) if d.url else "not known",
                md_cell(d.genre),
                md_code(d.language),
                md_cell(_date(d)),
                md_cell(d.title, limit=120) or "none",
            ]
            for d in docs
        ],
        "lllrllllll",
    )
    lines += [
        "",
        "### Where each metadata value came from",
        "",
        "From `documents.field_origins`: *curated* values come from `seeds/manifest.yaml`, *extracted* ones from the "
        "text by the structure step, *derived* ones are computed from the file or the text.",
        "",
    ]
    body = []
    for d in docs:
        by_origin: dict[str, list[str]] = {"curated": [], "extracted": [], "derived": []}
        for o in d.field_origins:
            by_origin.setdefault(o.origin, []).append(o.field)
        missing = [f for f in METADATA_FIELDS if _is_empty(getattr(d, f))]
        body.append([md_code(d.doc_id)] + [md_cell(", ".join(sorted(by_origin[k]))) or "–" for k in ("curated", "extracted", "derived")] + [md_cell(", ".join(missing)) or "–"])
    lines += md_table(["doc_id", "curated", "extracted", "derived", "not known"], body)
    lines += ["", "### Curator notes (from the manifest)", ""]
    noted = [d for d in docs if d.notes]
    lines += [f"- {md_code(d.doc_id)}: {md_cell(d.notes)}" for d in noted] or ["None."]
    lines.append("")
    return lines


def _preprocessing(processed) -> list[str]:
    lines = [
        "## Preprocessing and cleaning",
        "",
        "`documents.text` is the body with page headers and footers, footnote markers, navigation lines (kept in "
        "`related_links`) and image placeholders removed, wrapped lines joined, hyphenation repaired and paragraphs "
        "separated by one blank line. Footnote texts are cleaned the same way, with URLs rejoined across line breaks "
        "(undecidable hyphen joins kept in `ambiguous_urls`). **The raw data is kept**: the source files in `seeds/` "
        "are never modified, and `documents.sha256` identifies each one. The preprocessing software is this "
        "repository (`corpus/`), version in *Build environment*.",
        "",
    ]
    furniture = [(p.document.doc_id, len(p.furniture)) for p in sorted(processed, key=lambda p: p.document.doc_id)]
    if any(n for _, n in furniture):
        lines += ["Lines removed as page furniture, per document:", ""]
        lines += md_table(["doc_id", "furniture lines removed"], [[md_code(d), str(n)] for d, n in furniture], "lr")
        lines.append("")
    removed = [(p.document.doc_id, p.document.removed_lines) for p in sorted(processed, key=lambda p: p.document.doc_id)]
    if any(lines_ for _, lines_ in removed):
        lines += [
            "Lines removed from web pages, per document and reason (each line is kept with its reason in "
            "`documents.removed_lines`):",
            "",
        ]
        rows = []
        for doc_id, lines_ in removed:
            counts: dict[str, int] = {}
            for line in lines_:
                counts[line.reason] = counts.get(line.reason, 0) + 1
            if counts:
                rows.append([md_code(doc_id), str(len(lines_)), ", ".join(f"{r} {n}" for r, n in sorted(counts.items()))])
        lines += md_table(["doc_id", "lines removed", "by reason"], rows, "lrl")
        lines.append("")
    return lines


def _defects(folder: Path, tables, processed) -> list[str]:
    lines = [
        "## Known source defects found by this build",
        "",
        "Defects of the sources are kept and flagged, not repaired by guessing.",
        "",
    ]
    bad = sorted((f for f in tables.footnotes if f.status != "ok"), key=lambda f: f.footnote_id)
    if bad:
        lines += [
            f"{len(bad)} footnote(s) with a status other than `ok` (missing_text: marker without note text; truncated: "
            "note cut short in the source; no_anchor: note without a marker in the body; skipped: a number the sequence skips):",
            "",
        ]
        lines += md_table(
            ["footnote_id", "status", "page", "note text (start)"],
            [[md_code(f.footnote_id), md_cell(f.status), str(f.page) if f.page is not None else "–", md_cell(f.text, limit=100) or "(empty)"] for f in bad],
            "llrl",
        )
        lines.append("")
    else:
        lines += ["No footnote defects found.", ""]
    from corpus.findings import quality_findings

    findings = quality_findings(tables)
    if findings:
        lines += ["Quality findings (what extraction could not establish; they never fail the build):", ""]
        lines += [f"- {md_code(f.doc_id)}: {md_cell(f.detail)} (`{f.kind}`)" for f in findings]
        lines.append("")
    rejects_path = folder / "rejects.json"
    if rejects_path.is_file():
        try:
            rejects = json.loads(rejects_path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            rejects = [{"file": "rejects.json", "code": "unreadable", "problem": "rejects.json is not valid JSON"}]
        lines += [f"{len(rejects)} source file(s) were rejected (`--skip-bad`) and are not in any table (also in `rejects.json`):", ""]
        lines += md_table(
            ["file", "reason code", "problem"],
            [[md_code(r.get("file")), md_cell(r.get("code")), md_cell(r.get("problem"))] for r in sorted(rejects, key=lambda r: str(r.get("file")))],
        )
        lines.append("")
    noted = [(p.document, sorted(p.notes)) for p in sorted(processed, key=lambda p: p.document.doc_id) if p.notes]
    lines += ["Notes from the structure step (what the text gave; the manifest may supply a field since):", ""]
    if noted:
        lines += [f"- {md_code(doc.doc_id)}: {md_cell(note)}{_curated_since(doc, note)}" for doc, notes in noted for note in notes]
    else:
        lines.append("- None.")
    lines.append("")
    return lines


_NOTE_FIELDS = {"published date": "published_date", "date": "published_date", "authors": "authors", "publisher": "publisher", "title": "title"}


def _curated_since(doc, note: str) -> str:
    """' (curated in the manifest: publisher)' when a field the structure note names was filled from the manifest."""
    origins = {o.field: o.origin for o in doc.field_origins}
    named = [field for phrase, field in _NOTE_FIELDS.items() if re.search(rf"\b{phrase}\b", note)]
    curated = sorted({f for f in named if origins.get(f) == "curated" or f == "published_date" and origins.get("published_month") == "curated"})
    return f" (curated in the manifest since: {', '.join(c.replace('_', ' ') for c in curated)})" if curated else ""


def _quality_section(quality: dict | None, digest: str | None) -> list[str]:
    lines = ["## Measured extraction quality", ""]
    if quality is None:
        return lines + [
            "Quality has not been measured for this build: `seeds/quality.json` (written by `corpus eval` against the "
            "hand-written gold in `tests/gold/`) is absent. Treat every machine-extracted table as unmeasured.",
            "",
        ]
    lines += [
        f"Scores recorded by `corpus eval` in `seeds/quality.json` (sha256 `{digest}`), comparing the pipeline's "
        "output with hand-written gold annotations: precision, recall and F1 of distinct entities per document "
        "(label-aware), of entity mentions (surface and label) and of quantities (same value, overlapping surface), "
        "body text only, as the gold annotates it; and of footnote citations: detection F1 of the cited works per note, "
        "accuracy of each field over the references where gold or prediction has it, and the share of ibid and short "
        "forms linked to the right citation (documents outside the build are scored on the gold's own note texts).",
        "",
    ]
    from corpus.quality import format_quality

    if not all(isinstance(entry, dict) and "result" in entry for entry in quality.values()):
        return lines + render_scores(quality)  # not written by `corpus eval`: shown as it is
    for name, entry in sorted(quality.items()):
        lines += [f"### {md_cell(name)}", "", md_cell(entry.get("description") or ""), "", format_quality(entry["result"]), ""]
    return lines


def _limitations(tables, rows: dict[str, int]) -> list[str]:
    languages = sorted({d.language for d in tables.documents})
    lines = [
        "## Bias, risks and limitations",
        "",
        "- **Selection:** a few publications chosen by hand on one topic, from a few publishers; counts and "
        "co-occurrences describe this selection only.",
        "- **Machine extraction:** entities, mentions, quantities, sections and footnote links are produced by rules "
        "and statistical models and contain errors; labels follow spaCy's scheme.",
        "- **Citations:** parsed from footnote texts by rules written for Chicago-style notes (author, quoted title, "
        "container, date, URL), Chinese titles with English glosses and EU legal references; references woven into "
        "running prose (common in EU Commission notes) are often missed, and the type of a work is a guess from its form.",
        "- **Languages:** models and rules were tuned mostly on English; other languages are handled less well.",
        "- **Source defects:** PDF text extraction loses layout; see *Known source defects*.",
        "- **Dates:** only dates the text or the manifest states are recorded; a year is never guessed.",
        "",
        "### Named-entity recognition by language",
        "",
    ]
    body = []
    language_of = {d.doc_id: d.language for d in tables.documents}
    docs_per_language = Counter(language_of.values())
    mentions_per_language = Counter(language_of.get(m.doc_id) for m in tables.mentions)
    for lang in languages:
        status = ner_status(lang)
        n_docs = docs_per_language[lang]
        mentions = mentions_per_language[lang]
        text = {
            "statistical": "spaCy pipeline + rules",
            "rules": "**no statistical model**: rules only (names in 《》, organisation heads, roles, place patterns)",
            "none": "**none**: no mentions or entities for these documents",
        }[status]
        body.append([md_code(lang), str(n_docs), str(mentions), text])
    lines += md_table(["language", "documents", "mentions", "entity detection"], body, "lrrl")
    lines.append("")
    for status, sentence in (
        ("rules", "Languages without a statistical NER pipeline, whose entities come from rules alone (expect lower recall): {}."),
        ("none", "Languages with no entity detection in this build: {}. Their documents have structure and quantities, but no entity mentions."),
    ):
        langs = [lang for lang in languages if ner_status(lang) == status]
        if langs:
            lines += [sentence.format(", ".join(md_code(m) for m in langs)), ""]
    if rows.get("mentions", 0) == 0 and rows.get("documents", 0):
        lines += ["This build has no entity mentions at all (NER switched off with `--no-ner`, or no pipeline available).", ""]
    lines += [
        "### Recommendations",
        "",
        "Check machine-extracted rows against `documents.text` before relying on them; filter footnotes by `status`; "
        "cite the original publication (publisher, title, URL when known), not this dataset, for the content.",
        "",
    ]
    return lines


def _distribution(tables, entries: dict[str, Any]) -> list[str]:
    from corpus.licences import REDISTRIBUTABLE, resolve_licence

    lines = [
        "## Distribution and licences",
        "",
        "The builder code is MIT-licensed. The texts remain the work of their publishers; this dataset does not grant "
        "any right to them. The licence of each source (`documents.license`, an SPDX id where one applies, and "
        "`documents.license_url`), from the manifest; *redistributable* applies the rule of "
        "`corpus build --withhold-restricted`: the manifest's `redistribute` flag when set, else whether the licence is "
        f"one of {len(REDISTRIBUTABLE)} open licences that allow sharing the verbatim text (CC0, CC BY and its "
        "NC/SA/ND variants, PDDL, ODC-By, ODbL, OGL; `corpus.licences.REDISTRIBUTABLE`). An unknown licence is not redistributable.",
        "",
    ]
    body = []
    for d in sorted(tables.documents, key=lambda d: d.doc_id):
        entry = entries.get(d.source_file)
        licence = resolve_licence(getattr(entry, "license", None), getattr(entry, "license_url", None), getattr(entry, "redistribute", None))
        shown = (f"[{md_cell(d.license)}]({d.license_url})" if d.license_url else md_cell(d.license)) if d.license else "unknown (not recorded)"
        body.append([
            md_code(d.doc_id), md_cell(d.publisher) or "unknown", shown,
            "yes" if licence.redistributable else "no", "withheld" if d.text_withheld else "included",
        ])
    lines += md_table(["doc_id", "publisher", "licence", "redistributable", "text in this build"], body)
    withheld = sorted(d.doc_id for d in tables.documents if d.text_withheld)
    lines += [""]
    if withheld:
        lines += [
            f"**Withheld texts ({len(withheld)} of {len(tables.documents)} documents):** {', '.join(md_code(i) for i in withheld)}. "
            "Their `documents.text` and `sections.text` are empty and `documents.text_withheld` is true; every other table "
            "is complete and its offsets point into the full text (`n_chars` long, SHA-256 `text_sha256`). To re-attach "
            "a text, obtain the source file whose SHA-256 is `documents.sha256`, put it in a seeds folder and run "
            "`corpus build` (without `--withhold-restricted`): the rebuilt `documents.text` has the recorded `text_sha256`.",
            "",
        ]
    else:
        lines += ["Every document's text is included in this build (built without `--withhold-restricted`).", ""]
    lines += [
        "Where the terms are unknown, check the publisher's terms first, or share a build made with "
        "`corpus build --withhold-restricted` (derived tables, offsets and hashes without the texts). There are no "
        "export controls known to apply.",
        "",
    ]
    return lines


MAINTENANCE = [
    "## Maintenance",
    "",
    "Maintained in this repository by the thinktank-corpus maintainers; report problems as issues. To add a document:",
    "",
    "1. Put the source as a UTF-8 `.txt` file in `seeds/` (its file stem becomes the `doc_id`; never edit a source afterwards).",
    "2. Add an entry to `seeds/manifest.yaml` with what is known (publisher, genre, language, URL, licence, notes); leave unknown fields null.",
    "3. Run `corpus build` (writes `build/` and this `datacard.md`), then `corpus validate build` and the tests "
    "(`make test`); commit the source, the manifest and the regenerated `datacard.md`.",
    "4. If the gold annotations cover the new document, run `corpus eval` to refresh `seeds/quality.json`.",
    "",
    "A schema change bumps `schema/VERSION` (`corpus schema export`; breaking changes need a major bump). A test "
    "rebuilds into a temporary folder and fails when the committed `datacard.md` differs, so the card cannot go stale.",
    "",
]


def _citation(tables) -> list[str]:
    """A BibTeX entry for this build (no date: builds are reproducible, so the card may not depend on the clock)."""
    from corpus import __version__
    from corpus.contract import version as schema_version
    from corpus.data_version import data_version

    links = project_links()
    url = links.get("Repository") or links.get("Source") or links.get("Homepage")
    entry = [
        "@misc{thinktank_corpus,",
        f"  title        = {{{PRETTY_NAME}}},",
        "  author       = {{thinktank-corpus maintainers}},",
        f"  version      = {{{__version__}}},",
        f"  note         = {{Builder {__version__}, schema {schema_version()}, data version {data_version(tables)}}},",
        *([f"  url          = {{{url}}},"] if url else []),
        "}",
    ]
    return [
        "## Citation",
        "",
        "Cite the dataset build you used (the data version names its exact content); for the content of a document, "
        "cite the original publication (publisher, title, URL when known).",
        "",
        "```bibtex",
        *entry,
        "```",
        "",
    ]


def _environment(folder: Path, command: str) -> list[str]:
    from corpus import __version__
    from corpus.contract import version as schema_version

    lines = [
        "## Build environment and reproducibility",
        "",
        f"- Built with: `{_one_line(command).replace('`', '')}`",
        f"- thinktank-corpus version: {__version__}",
        f"- Schema version: {schema_version()} (`schema/VERSION`)",
        "",
        "Byte-identical output is promised only for the same seeds and the same versions of the packages below "
        "(Parquet bytes depend on the pyarrow version; NER output on the spaCy models).",
        "",
    ]
    lines += md_table(["package", "version"], [[md_code(n), md_cell(v)] for n, v in package_versions()])
    lines += ["", "Output files (relative to the build folder):", ""]
    files = output_files(folder)
    for name in (CROISSANT_NAME, DATAPACKAGE_NAME):
        path = folder / name
        if path.is_file():
            data = path.read_bytes()
            files.append(OutputFile(path=name, sha256=hashlib.sha256(data).hexdigest(), n_bytes=len(data)))
    lines += md_table(["file", "bytes", "sha256"], [[md_code(f.path), str(f.n_bytes), f"`{f.sha256}`"] for f in files], "lrl")
    lines.append("")
    return lines


MACHINE_READABLE = [
    "## Machine-readable metadata",
    "",
    "- `croissant.json`: MLCommons Croissant 1.1 JSON-LD. One record set per table with typed fields (list columns "
    "`isArray`, `documents.field_origins` with sub-fields), keys and cross-table `references`; each shard is a "
    "`FileObject` with its sha256, checked by `mlcroissant load`. The self-references `sections.parent_id` and "
    "`footnotes.ibid_of` are left out of Croissant because mlcroissant rejects reference cycles.",
    "- `datapackage.json`: Frictionless Data Package with one Table Schema per table (types, required, unique, enum, "
    "pattern, minimum/maximum), `primaryKey` and `foreignKeys`. Frictionless reads Parquet through pandas and cannot "
    "type list cells, so list columns are typed `any` (their Arrow type is kept in `arrowType`) and are not checked "
    "by frictionless; nulls in integer columns arrive as NaN and are declared as missing values; an empty string is "
    "a value, not a null. Frictionless does not check `hash` or `bytes` of Parquet files: use the sha256 table above "
    "or `mlcroissant load` for integrity.",
    "",
]


def render_card(folder: Path, tables, processed, command: str = "corpus build", *, seeds: Path | None = None) -> str:
    """The full card for the build staged in `folder` (Parquet shards already written there).

    `seeds` is the folder the build read (for licences in the manifest and `quality.json`); when not given,
    the repository's `seeds/` is used if it holds exactly these source files.
    """
    rows = {name: len(records) for name, records in tables.items()}
    languages = [d.language for d in tables.documents]
    seeds_dir = _resolve_seeds(tables, seeds)
    entries = _manifest_entries(seeds_dir)
    quality, digest = _quality(seeds_dir)
    lines = [front_matter(rows, languages, folder, [d.license for d in tables.documents])]
    lines += _summary(tables, rows)
    lines += _details(tables)
    lines += MOTIVATION
    lines += USES
    lines += _structure(folder, tables, rows)
    lines += _composition(tables)
    lines += _collection(tables, entries)
    lines += _preprocessing(processed)
    lines += _defects(folder, tables, processed)
    lines += _quality_section(quality, digest)
    lines += _limitations(tables, rows)
    lines += _distribution(tables, entries)
    lines += MAINTENANCE
    lines += _citation(tables)
    lines += _environment(folder, command)
    lines += MACHINE_READABLE
    return "\n".join(lines).rstrip("\n") + "\n"
