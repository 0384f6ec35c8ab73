"""Validate step: a build folder against the committed contract in `schema/`, plus cross-table rules.

Lazy: every failure is collected as (table, column, row id, reason); nothing stops at the first.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import math
import sys
import types
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from corpus.contract import SCHEMA_DIR, load_arrow_contract, load_pandera_contract
from corpus.errors import CorpusError
from corpus.records import TABLES
from corpus.schema import pandas_types_mapper

MAX_FAILURES_PER_CHECK = 50
PANDERA_BATCH_ROWS = 8192  # rows read (and checked by pandera) at a time


@dataclass(frozen=True)
class Failure:
    table: str
    column: str
    row_id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.table}.{self.column} [{self.row_id}]: {self.reason}"


class ContractUnavailable(CorpusError):
    """The committed contract cannot be read, so validation could not run (exit 2, not "invalid")."""

    code = "contract-unavailable"


def validate_build(folder: Path, schema_dir: Path = SCHEMA_DIR) -> list[Failure]:
    """All contract and consistency failures of the build in `folder` (empty list: valid).

    Damaged shards (unreadable, page checksum errors, a sha256 that differs from the one recorded in
    croissant.json or datapackage.json) are failures, one per shard, never exceptions. Shards are read a
    batch at a time (pandera per batch) and the cross-table rules run one document at a time, so memory
    does not grow with the corpus.
    """
    failures: list[Failure] = []
    try:
        contract = load_arrow_contract(schema_dir)
        pandera_schemas = load_pandera_contract(schema_dir)
    except Exception as err:  # noqa: BLE001 - whatever broke, validation cannot run
        raise ContractUnavailable(f"{schema_dir}: the schema contract cannot be read ({' '.join(str(err).split())[:200]})") from err
    recorded, failures = recorded_checksums(folder)
    readable: list[str] = []
    for name in TABLES:
        shards = sorted((folder / name).glob("*.parquet"))
        if not shards:
            failures.append(Failure(name, "*", "-", f"no Parquet shards in {folder / name}"))
            continue
        table_failures: list[Failure] = []
        complete = True
        for shard in shards:
            relative = shard.relative_to(folder).as_posix()
            if relative in recorded:
                from corpus.write import file_sha256

                if file_sha256(shard) != recorded[relative][0]:
                    failures.append(Failure(name, "*", shard.name, f"sha256 differs from the one recorded in {recorded[relative][1]} (the file was changed or damaged)"))
            try:
                schema = pq.read_schema(shard)
                if not _same_schema(schema, contract[name]):
                    failures.extend(_schema_failures(name, shard.name, schema, contract[name]))
                    complete = False
                    continue
                reader = pq.ParquetFile(shard, page_checksum_verification=True)
                for batch in reader.iter_batches(batch_size=PANDERA_BATCH_ROWS):
                    if len(table_failures) < MAX_FAILURES_PER_CHECK * 10:
                        table = pa.Table.from_batches([batch]).cast(contract[name])
                        table_failures.extend(_pandera_failures(name, table, pandera_schemas[name]))
            except (pa.ArrowException, OSError, ValueError) as err:
                failures.append(Failure(name, "*", shard.name, f"unreadable Parquet shard ({' '.join(str(err).split())[:200]})"))
                complete = False
        failures.extend(table_failures)
        if complete:  # a table with an unreadable shard is not checked further
            readable.append(name)
    if len(readable) == len(TABLES):
        from corpus.write import SPLITS

        def rows(name: str) -> Iterator[dict]:
            if name == "entities":  # held whole for the corpus-wide counts: only the columns the rules read
                return _shard_rows(folder / name, columns=ENTITY_COLUMNS)
            if "split" in TABLES[name].model_fields:  # one run of shards per split, each in doc_id order
                return heapq.merge(*(_shard_rows(folder / name, split) for split in SPLITS), key=lambda row: row["doc_id"])
            return _shard_rows(folder / name)

        failures.extend(_streamed_cross_table_failures({name: rows(name) for name in TABLES}))
    return failures


ENTITY_COLUMNS = ("entity_id", "label", "n_mentions", "n_documents")  # what the cross-table rules read of entities


STREAM_BATCH_ROWS = 512  # rows per table turned into Python dicts at a time by the cross-table check


def _shard_rows(table_folder: Path, split: str | None = None, columns: tuple[str, ...] | None = None) -> Iterator[dict]:
    """Rows of a table's shards (of one split's shards when given) in shard order, a batch at a time.

    Every table is streamed at once (one document at a time across them), so each holds one batch as
    Python objects: small batches keep that bounded (8,192 `ner` rows are about 150 MB of lists)."""
    for shard in sorted(table_folder.glob(f"{split}-*.parquet" if split else "*.parquet")):
        for batch in pq.ParquetFile(shard).iter_batches(batch_size=STREAM_BATCH_ROWS, columns=list(columns) if columns else None):
            yield from batch.to_pylist()


def _footnote_numbering_failures(notes: list[dict]) -> list[Failure]:
    """A document's notes are numbered as printed (every marker is its number) or, where the printed marks do
    not form one sequence (restarts, symbols), by ordinal: then the numbers run 1..N without a gap."""
    if all(f["marker"] == str(f["number"]) for f in notes):
        return []
    numbers = sorted(f["number"] for f in notes)
    if numbers == list(range(1, len(numbers) + 1)):
        return []
    first = min(notes, key=lambda f: f["number"])
    return [Failure("footnotes", "number", first["footnote_id"], "notes numbered by ordinal (a marker differs from its number) but the numbers are not 1..N")]


def nested_mention_failures(mentions: pa.Table) -> list[Failure]:
    """A nested mention points to a mention of the same text that contains it."""
    if "parent_id" not in mentions.column_names:
        return []
    return _nested_failures(mentions.select(["mention_id", "doc_id", "field", "footnote_id", "start", "end", "parent_id"]).to_pylist())


def _nested_failures(mentions: list[dict]) -> list[Failure]:
    rows = {m["mention_id"]: m for m in mentions}
    failures = []
    for m in rows.values():
        parent = rows.get(m["parent_id"]) if m["parent_id"] else None
        if m["parent_id"] and (parent is None or (parent["doc_id"], parent["field"], parent["footnote_id"]) != (m["doc_id"], m["field"], m["footnote_id"])
                               or not parent["start"] <= m["start"] < m["end"] <= parent["end"] or parent["parent_id"]):
            failures.append(Failure("mentions", "parent_id", m["mention_id"], f"parent {m['parent_id']!r} is not a top-level mention containing this one"))
            if len(failures) >= MAX_FAILURES_PER_CHECK:
                break
    return failures


def mention_label_failures(entities: pa.Table, mentions: pa.Table) -> list[Failure]:
    """One entity, one label: every mention carries the label of the entity it points to."""
    labels = dict(zip(entities.column("entity_id").to_pylist(), entities.column("label").to_pylist()))
    failures = []
    for mention_id, entity_id, label in zip(*(mentions.column(c).to_pylist() for c in ("mention_id", "entity_id", "label"))):
        if entity_id in labels and labels[entity_id] != label:
            failures.append(Failure("mentions", "label", mention_id, f"label {label} differs from its entity's label {labels[entity_id]}"))
            if len(failures) >= MAX_FAILURES_PER_CHECK:
                break
    return failures


def recorded_checksums(folder: Path) -> tuple[dict[str, tuple[str, str]], list[Failure]]:
    """Shard path -> (sha256, where recorded) from croissant.json and datapackage.json; failures for
    metadata files that cannot be read or name shards that do not exist."""
    recorded: dict[str, tuple[str, str]] = {}
    failures: list[Failure] = []
    for name in ("croissant.json", "datapackage.json"):
        path = folder / name
        if not path.exists():
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if name == "croissant.json":
                pairs = [(d.get("contentUrl"), d.get("sha256")) for d in data.get("distribution", []) if isinstance(d, dict)]
            else:
                pairs = [(r.get("path"), str(r.get("hash", "")).removeprefix("sha256:") or None) for r in data.get("resources", []) if isinstance(r, dict)]
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError) as err:
            failures.append(Failure(name, "*", "-", f"unreadable metadata file ({' '.join(str(err).split())[:200]})"))
            continue
        for relative, sha in pairs:
            if not isinstance(relative, str) or not isinstance(sha, str) or not relative.endswith(".parquet"):
                continue
            if not (folder / relative).is_file():
                failures.append(Failure(name, "*", relative, "names a shard that does not exist"))
            elif relative in recorded and recorded[relative][0] != sha:
                failures.append(Failure(name, "*", relative, f"sha256 differs from the one in {recorded[relative][1]}"))
            else:
                recorded.setdefault(relative, (sha, name))
    return recorded, failures


def _same_schema(actual: pa.Schema, expected: pa.Schema) -> bool:
    return actual.remove_metadata().equals(expected.remove_metadata(), check_metadata=False) and all(
        a.nullable == e.nullable for a, e in zip(actual, expected)
    )


def _schema_failures(table: str, shard: str, actual: pa.Schema, expected: pa.Schema) -> list[Failure]:
    failures = []
    have = {f.name: f for f in actual}
    want = {f.name: f for f in expected}
    for name in want.keys() - have.keys():
        failures.append(Failure(table, name, shard, "column missing (required by schema/)"))
    for name in have.keys() - want.keys():
        failures.append(Failure(table, name, shard, "column not in schema/"))
    for name in want.keys() & have.keys():
        a, e = have[name], want[name]
        if not a.type.equals(e.type):
            failures.append(Failure(table, name, shard, f"type {a.type} differs from schema/ type {e.type}"))
        if a.nullable != e.nullable:
            failures.append(Failure(table, name, shard, f"nullable={a.nullable} differs from schema/ nullable={e.nullable}"))
    if not failures and [f.name for f in actual] != [f.name for f in expected]:
        failures.append(Failure(table, "*", shard, "column order differs from schema/"))
    return failures


def _pandera_failures(table: str, data: pa.Table, schema) -> list[Failure]:
    import pandera.errors

    frame = data.to_pandas(types_mapper=pandas_types_mapper)
    key = TABLES[table].key[0]
    try:
        schema.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as err:
        cases = err.failure_cases
        failures = []
        for _, case in cases.head(MAX_FAILURES_PER_CHECK * 10).iterrows():
            index = case.get("index")
            row_id = str(frame[key].iloc[int(index)]) if index is not None and str(index) not in ("<NA>", "nan", "None") else "-"
            failures.append(Failure(table, str(case.get("column") or "*"), row_id, f"{case.get('check')} failed for {case.get('failure_case')!r}"))
        return failures
    return []


PER_DOCUMENT_TABLES = tuple(name for name, model in TABLES.items() if name != "documents" and "doc_id" in model.model_fields)


def cross_table_failures(tables: dict[str, pa.Table]) -> list[Failure]:
    """Foreign keys, offsets, surfaces and section nesting across tables held in memory (footnote
    numbering is a quality finding, `corpus.findings`); rows may come in any order.

    For a document with `text_withheld`, spans into its body are checked against `n_chars` only (the
    surfaces cannot be compared with an absent text), and its `text` and sections' `text` must be empty.
    """
    return _cross_failures(
        tables["documents"].to_pylist(),
        tables["entities"].to_pylist(),
        lambda docs: _grouped_in_memory({name: tables[name].to_pylist() for name in PER_DOCUMENT_TABLES if name in tables}, docs),
    )


def _streamed_cross_table_failures(rows: dict[str, Iterator[dict]]) -> list[Failure]:
    """`cross_table_failures` over rows streamed in file order, one document at a time: every per-document
    table must hold each document's rows together, in the documents table's doc_id order (as the writer
    writes them); rows out of that order are reported."""
    documents = rows["documents"]
    entities = list(rows["entities"])
    return _cross_failures(documents, entities, lambda docs: _grouped_streams({name: rows[name] for name in PER_DOCUMENT_TABLES}, docs))


class _Failures(list):
    """Failures, at most MAX_FAILURES_PER_CHECK * 4 per table and column."""

    def __init__(self):
        super().__init__()
        self.counts: dict[tuple[str, str], int] = defaultdict(int)

    def add(self, failure: Failure) -> None:
        key = (failure.table, failure.column)
        self.counts[key] += 1
        if self.counts[key] <= MAX_FAILURES_PER_CHECK * 4:
            self.append(failure)


def _cross_failures(documents, entity_rows: list[dict], groups) -> list[Failure]:
    """Run the per-document rules over `groups(docs)`, which yields (document row, {table: rows}) and
    appends a Failure for rows that belong to no document, then the corpus-wide entity counts."""
    failures = _Failures()
    entities = {e["entity_id"]: e for e in entity_rows}
    labels = {e["entity_id"]: e["label"] for e in entity_rows}
    counts: dict[str, int] = defaultdict(int)
    n_docs: dict[str, int] = defaultdict(int)
    for doc, rows in groups(_documents_in_order(documents, failures)):
        for failure in _document_failures(doc, rows, entities, labels, counts, n_docs):
            failures.add(failure)
    for e in entity_rows:
        if e["n_mentions"] != counts.get(e["entity_id"], 0):
            failures.add(Failure("entities", "n_mentions", e["entity_id"], f"n_mentions {e['n_mentions']} != {counts.get(e['entity_id'], 0)} mentions rows"))
        if e["n_documents"] != n_docs.get(e["entity_id"], 0):
            failures.add(Failure("entities", "n_documents", e["entity_id"], "n_documents differs from the mentions rows"))
    return list(failures)


def _documents_in_order(documents, failures: _Failures) -> Iterator[dict]:
    previous = None
    for d in documents:
        if previous is not None and d["doc_id"] <= previous:
            failures.add(Failure("documents", "doc_id", d["doc_id"], f"rows not in increasing doc_id order (after {previous!r})"))
            continue
        previous = d["doc_id"]
        yield d


def _grouped_in_memory(tables: dict[str, list[dict]], docs: Iterator[dict]):
    by_doc: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for name, rows in tables.items():
        for row in rows:
            by_doc[row["doc_id"]][name].append(row)
    for doc in docs:
        yield doc, by_doc.pop(doc["doc_id"], {})
    for rows in by_doc.values():
        yield None, rows


def _grouped_streams(streams: dict[str, Iterator[dict]], docs: Iterator[dict]):
    """Merge per-document tables streamed in doc_id order with the documents, one document at a time."""
    pending: dict[str, dict | None] = {name: next(stream, None) for name, stream in streams.items()}

    def take(name: str, doc_id: str) -> list[dict]:
        taken = []
        while pending[name] is not None and pending[name]["doc_id"] == doc_id:
            taken.append(pending[name])
            pending[name] = next(streams[name], None)
        return taken

    for doc in docs:
        orphans: dict[str, list[dict]] = defaultdict(list)
        for name in streams:
            while pending[name] is not None and pending[name]["doc_id"] < doc["doc_id"]:
                orphans[name].append(pending[name])
                pending[name] = next(streams[name], None)
        if orphans:
            yield None, orphans
        yield doc, {name: take(name, doc["doc_id"]) for name in streams}
    rest = {name: [row for row in ([pending[name]] if pending[name] else [])] + list(streams[name]) for name in streams}
    if any(rest.values()):
        yield None, rest


def _document_failures(doc: dict | None, rows: dict[str, list[dict]], entities: dict, labels: dict, counts: dict, n_docs: dict) -> list[Failure]:
    """The cross-table rules for one document's rows (`doc` None: rows whose doc_id names no document
    here, or that are out of the documents' order)."""
    failures: list[Failure] = []

    def fail(table: str, column: str, row_id: str, reason: str) -> None:
        failures.append(Failure(table, column, row_id, reason))

    if doc is None:
        for name, table_rows in rows.items():
            key = TABLES[name].key[0]
            for row in table_rows:
                fail(name, "doc_id", row[key], f"unknown doc_id {row['doc_id']!r} (or rows not grouped in the documents' doc_id order)")
        return failures
    docs = {doc["doc_id"]: doc}
    sections = {s["section_id"]: s for s in rows.get("sections", [])}
    footnotes = {f["footnote_id"]: f for f in rows.get("footnotes", [])}

    if not doc["text_withheld"] and doc["n_chars"] != len(doc["text"]):
        fail("documents", "n_chars", doc["doc_id"], f"n_chars {doc['n_chars']} != len(text) {len(doc['text'])}")
    for name, table_rows in rows.items():
        key = TABLES[name].key[0]
        seen: set[str] = set()
        for row in table_rows:
            if not row[key].startswith(doc["doc_id"] + "/"):
                fail(name, key, row[key], f"id does not extend its doc_id {doc['doc_id']!r}")
            if row[key] in seen:
                fail(name, key, row[key], "id repeats")
            seen.add(row[key])

    if doc["published_date"] is not None and doc["published_month"] is not None:
        fail("documents", "published_month", doc["doc_id"], "set although published_date is known (published_month is for a date known only to the month)")
    if doc["text_withheld"]:
        if doc["text"]:
            fail("documents", "text", doc["doc_id"], "text set although text_withheld")
    elif doc["text_sha256"] != hashlib.sha256(doc["text"].encode("utf-8")).hexdigest():
        fail("documents", "text_sha256", doc["doc_id"], "text_sha256 is not the SHA-256 of text")

    for s in rows.get("sections", []):
        if not 0 <= s["start"] <= s["end"] <= doc["n_chars"]:
            fail("sections", "start", s["section_id"], f"span [{s['start']}, {s['end']}) outside the document text")
        elif doc["text_withheld"]:
            if s["text"]:
                fail("sections", "text", s["section_id"], "text set although the document's text is withheld")
        elif doc["text"][s["start"] : s["end"]] != s["text"]:
            fail("sections", "text", s["section_id"], "text differs from documents.text[start:end]")
        if s["parent_id"] is not None:
            parent = sections.get(s["parent_id"])
            if parent is None:
                fail("sections", "parent_id", s["section_id"], f"unknown parent {s['parent_id']!r}")
            elif not (parent["start"] <= s["start"] and s["end"] <= parent["end"]):
                fail("sections", "start", s["section_id"], "span does not nest inside its parent's")
            elif parent["level"] >= s["level"]:
                fail("sections", "level", s["section_id"], "level not deeper than its parent's")

    for f in rows.get("footnotes", []):
        if f["anchor"] is not None and not 0 <= f["anchor"] <= doc["n_chars"]:
            fail("footnotes", "anchor", f["footnote_id"], "anchor outside the document text")
        for column, target in (("section_id", sections), ("ibid_of", footnotes)):
            if f[column] is not None and f[column] not in target:
                fail("footnotes", column, f["footnote_id"], f"unknown {column} {f[column]!r}")
        if f["status"] == "ok" and not f["text"]:
            fail("footnotes", "text", f["footnote_id"], "empty text but status ok")
        if f["footnote_id"] != f"{doc['doc_id']}/n{f['number']:04d}":
            fail("footnotes", "footnote_id", f["footnote_id"], f"id does not carry the note number {f['number']}")
    failures.extend(_footnote_numbering_failures(rows.get("footnotes", [])))

    for g in rows.get("figures", []):
        if g["section_id"] is not None and g["section_id"] not in sections:
            fail("figures", "section_id", g["figure_id"], f"unknown section {g['section_id']!r}")
        for offset in [*(g["mention_starts"] or []), *([g["start"]] if g["start"] is not None else [])]:
            if not 0 <= offset <= doc["n_chars"]:
                fail("figures", "mention_starts", g["figure_id"], f"offset {offset} outside the document text")

    mentions = rows.get("mentions", [])
    for entity_id in {m["entity_id"] for m in mentions}:
        n_docs[entity_id] += 1
    for table, key in (("mentions", "mention_id"), ("quantities", "quantity_id")):
        for m in rows.get(table, []):
            if table == "mentions":
                counts[m["entity_id"]] += 1
                if m["entity_id"] not in entities:
                    fail(table, "entity_id", m[key], f"unknown entity {m['entity_id']!r}")
                elif labels[m["entity_id"]] != m["label"]:
                    fail("mentions", "label", m[key], f"label {m['label']} differs from its entity's label {labels[m['entity_id']]}")
                if m["affiliation_id"] is not None and m["affiliation_id"] not in entities:
                    fail(table, "affiliation_id", m[key], f"unknown entity {m['affiliation_id']!r}")
            failures.extend(_span_failures(table, key, m, docs, footnotes))
            if table == "quantities" and (m["is_range"] != (m["value_max"] is not None) or m["is_range"] and not m["value_max"] >= m["value"]):
                fail(table, "value_max", m[key], "is_range must be true exactly when value_max is set, and value_max >= value")
    if mentions and "parent_id" in mentions[0]:
        failures.extend(_nested_failures(mentions))
    failures.extend(_citation_failures(rows.get("citations", []), footnotes))
    failures.extend(derived_failures(rows, docs, sections, footnotes))
    return failures


def derived_failures(rows: dict[str, list[dict]], docs: dict, sections: dict, footnotes: dict) -> list[Failure]:
    """paragraphs: offsets, references, document-level split; ner: tokens are slices of the paragraph's
    text, tag ids name tags and the BIO tags decode to exactly the paragraph's top-level mentions."""
    from corpus.derive.ner import bio_spans, non_overlapping, tag_names
    from corpus.derive.splits import split_of

    failures: list[Failure] = []
    paragraphs = {p["paragraph_id"]: p for p in rows.get("paragraphs", [])}
    for p in paragraphs.values():
        pid = p["paragraph_id"]
        failures.extend(_span_failures("paragraphs", "paragraph_id", p, docs, footnotes))
        if p["section_id"] is not None and p["section_id"] not in sections:
            failures.append(Failure("paragraphs", "section_id", pid, f"unknown section {p['section_id']!r}"))
        if p["split"] != split_of(p["doc_id"]):
            failures.append(Failure("paragraphs", "split", pid, f"split {p['split']} differs from the document's {split_of(p['doc_id'])}"))
    mentions: dict[tuple, list[tuple[int, int, str]]] = defaultdict(list)
    for m in rows.get("mentions", []):
        if m["parent_id"] is None:
            mentions[(m["doc_id"], m["field"], m["footnote_id"])].append((m["start"], m["end"], m["label"]))
    for spans in mentions.values():
        spans.sort()  # a paragraph's mentions are then found by bisection on their start
    for n in rows.get("ner", []):
        pid = n["paragraph_id"]
        p = paragraphs.get(pid)
        if p is None:
            failures.append(Failure("ner", "paragraph_id", pid, "unknown paragraph"))
            continue
        if (n["doc_id"], n["split"], n["language"]) != (p["doc_id"], p["split"], p["language"]):
            failures.append(Failure("ner", "split", pid, "doc_id, split or language differs from its paragraph's"))
        null = [c for c in ("tokens", "ner_tags", "token_starts", "token_ends") if n[c] is None]
        if null:
            failures.append(Failure("ner", null[0], pid, "null list"))
            continue
        if not len(n["tokens"]) == len(n["ner_tags"]) == len(n["token_starts"]) == len(n["token_ends"]):
            failures.append(Failure("ner", "tokens", pid, "tokens, ner_tags, token_starts and token_ends differ in length"))
            continue
        try:
            tags = tag_names(n["ner_tags"])
        except ValueError as error:
            failures.append(Failure("ner", "ner_tags", pid, str(error)))
            continue
        text, offset = p["text"], p["start"]
        if any(not p["start"] <= s < e <= p["end"] or text[s - offset : e - offset] != t for t, s, e in zip(n["tokens"], n["token_starts"], n["token_ends"])):
            failures.append(Failure("ner", "tokens", pid, "a token is not text[token_start:token_end] inside its paragraph"))
            continue
        group = mentions[(p["doc_id"], p["field"], p["footnote_id"])]
        starting = group[bisect_left(group, (p["start"],)):bisect_right(group, (p["end"], math.inf))]
        inside = non_overlapping(m for m in starting if p["start"] <= m[0] and m[1] <= p["end"])
        if bio_spans(n["token_starts"], n["token_ends"], tags) != inside:
            failures.append(Failure("ner", "ner_tags", pid, "the BIO tags do not give back the paragraph's top-level mentions"))
    return failures[: MAX_FAILURES_PER_CHECK * 4]


_CITATION_SPANS = ("title", "title_translation", "container", "date", "url", "locator")


def _citation_failures(citations: list[dict], footnotes: dict) -> list[Failure]:
    """Foreign keys (footnote, referred citation) and every field's offsets into footnotes.text."""
    failures: list[Failure] = []
    ids = {c["citation_id"] for c in citations}
    for c in citations:
        cid = c["citation_id"]
        note = footnotes.get(c["footnote_id"])
        if note is None:
            failures.append(Failure("citations", "footnote_id", cid, f"unknown footnote {c['footnote_id']!r}"))
            continue
        if note["doc_id"] != c["doc_id"]:
            failures.append(Failure("citations", "doc_id", cid, "doc_id differs from its footnote's"))
        if not cid.startswith(c["footnote_id"] + "/c"):
            failures.append(Failure("citations", "citation_id", cid, "id does not extend its footnote_id"))
        if c["refers_to"] is not None and c["refers_to"] not in ids:
            failures.append(Failure("citations", "refers_to", cid, f"unknown citation {c['refers_to']!r}"))
        if c["refers_to"] is not None and c["kind"] not in ("ibid", "short"):
            failures.append(Failure("citations", "refers_to", cid, f"refers_to set on a {c['kind']} row"))
        text = note["text"]
        spans = [("text", c["text"], c["start"], c["end"])]
        spans += [(name, c[name], c[f"{name}_start"], c[f"{name}_end"]) for name in _CITATION_SPANS]
        if not len(c["authors"]) == len(c["author_starts"]) == len(c["author_ends"]):
            failures.append(Failure("citations", "authors", cid, "authors, author_starts and author_ends differ in length"))
        else:
            spans += [("authors", a, s, e) for a, s, e in zip(c["authors"], c["author_starts"], c["author_ends"])]
        for name, value, start, end in spans:
            if value is None and start is None and end is None:
                continue
            if value is None or start is None or end is None:
                failures.append(Failure("citations", name, cid, "value and offsets must be all set or all null"))
            elif not 0 <= start <= end <= len(text):
                failures.append(Failure("citations", name, cid, f"span [{start}, {end}) outside the footnote text"))
            elif text[start:end] != value:
                failures.append(Failure("citations", name, cid, f"footnotes.text[start:end] is {text[start:end]!r}, not {value!r}"))
    return failures[: MAX_FAILURES_PER_CHECK * 4]


def _span_failures(table: str, key: str, row: dict, docs: dict, footnotes: dict) -> list[Failure]:
    if row["field"] == "footnote":
        note = footnotes.get(row["footnote_id"])
        if note is None:
            return [Failure(table, "footnote_id", row[key], f"unknown footnote {row['footnote_id']!r}")]
        text = note["text"]
    else:
        if row["footnote_id"] is not None:
            return [Failure(table, "footnote_id", row[key], "footnote_id set on a body span")]
        doc = docs.get(row["doc_id"])
        if doc is None:
            return []
        if doc["text_withheld"]:  # the surface cannot be compared with an absent text: the span must fit its length
            ok = 0 <= row["start"] < row["end"] <= doc["n_chars"]
            return [] if ok else [Failure(table, "start", row[key], f"span [{row['start']}, {row['end']}) outside its text")]
        text = doc["text"]
    if not 0 <= row["start"] < row["end"] <= len(text):
        return [Failure(table, "start", row[key], f"span [{row['start']}, {row['end']}) outside its text")]
    if text[row["start"] : row["end"]] != row["text"]:
        return [Failure(table, "text", row[key], f"text[start:end] is {text[row['start']:row['end']]!r}, not {row['text']!r}")]
    return []


class _CallableModule(types.ModuleType):
    """Makes `corpus.validate(build)` (the reader's API, `corpus.api.validate`) work: the name is also this
    module's, which the import system binds on `corpus` whenever the module is imported."""

    def __call__(self, build: str | Path) -> list[Failure]:
        return validate_build(Path(build))


sys.modules[__name__].__class__ = _CallableModule
