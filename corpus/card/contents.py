"""The card's sections on what the data holds: tables and ids, composition, collection, preprocessing."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from corpus.card.facts import _count_by, _date, _is_empty, _spread
from corpus.card.markdown import md_cell, md_code, md_table, md_url
from corpus.metadata import FOREIGN_KEYS, arrow_type_name
from corpus.records import TABLES
from corpus.schema import columns


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
    "footnote_id": "`<doc_id>/nNNNN`: the note's `number` (as printed in a document numbered 1..N; its ordinal where the numbering restarts or uses symbols, the printed mark in `marker`)",
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
