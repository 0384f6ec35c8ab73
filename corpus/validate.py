"""Validate step: a build folder against the committed contract in `schema/`, plus cross-table rules.

Lazy: every failure is collected as (table, column, row id, reason); nothing stops at the first.
"""

from __future__ import annotations

import json
import sys
import types
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from corpus.contract import SCHEMA_DIR, load_arrow_contract, load_pandera_contract
from corpus.errors import CorpusError
from corpus.records import TABLES
from corpus.schema import pandas_types_mapper

MAX_FAILURES_PER_CHECK = 50


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
    croissant.json or datapackage.json) are failures, one per shard, never exceptions.
    """
    failures: list[Failure] = []
    try:
        contract = load_arrow_contract(schema_dir)
        pandera_schemas = load_pandera_contract(schema_dir)
    except Exception as err:  # noqa: BLE001 - whatever broke, validation cannot run
        raise ContractUnavailable(f"{schema_dir}: the schema contract cannot be read ({' '.join(str(err).split())[:200]})") from err
    recorded, failures = recorded_checksums(folder)
    tables: dict[str, pa.Table] = {}
    for name in TABLES:
        shards = sorted((folder / name).glob("*.parquet"))
        if not shards:
            failures.append(Failure(name, "*", "-", f"no Parquet shards in {folder / name}"))
            continue
        parts = []
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
                else:
                    parts.append(pq.read_table(shard, schema=contract[name], page_checksum_verification=True))
            except (pa.ArrowException, OSError, ValueError) as err:
                failures.append(Failure(name, "*", shard.name, f"unreadable Parquet shard ({' '.join(str(err).split())[:200]})"))
        if parts and len(parts) == len(shards):  # a table with an unreadable shard is not checked further
            tables[name] = pa.concat_tables(parts)
    for name, table in tables.items():
        failures.extend(_pandera_failures(name, table, pandera_schemas[name]))
    if len(tables) == len(TABLES):
        failures.extend(cross_table_failures(tables))
        failures.extend(mention_label_failures(tables["entities"], tables["mentions"]))
        failures.extend(nested_mention_failures(tables["mentions"]))
    return failures


def nested_mention_failures(mentions: pa.Table) -> list[Failure]:
    """A nested mention points to a mention of the same text that contains it."""
    if "parent_id" not in mentions.column_names:
        return []
    rows = {m["mention_id"]: m for m in mentions.select(["mention_id", "doc_id", "field", "footnote_id", "start", "end", "parent_id"]).to_pylist()}
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


def cross_table_failures(tables: dict[str, pa.Table]) -> list[Failure]:
    """Foreign keys, offsets, surfaces and section nesting across tables (footnote numbering is a quality finding, `corpus.findings`)."""
    rows = {name: table.to_pylist() for name, table in tables.items()}
    failures: list[Failure] = []

    def fail(table: str, column: str, row_id: str, reason: str) -> None:
        failures.append(Failure(table, column, row_id, reason))

    docs = {d["doc_id"]: d for d in rows["documents"]}
    sections = {s["section_id"]: s for s in rows["sections"]}
    footnotes = {f["footnote_id"]: f for f in rows["footnotes"]}
    entities = {e["entity_id"]: e for e in rows["entities"]}

    for name, table in tables.items():
        key = TABLES[name].key[0]
        if "doc_id" in table.column_names and name != "documents":
            for row in rows[name]:
                if row["doc_id"] not in docs:
                    fail(name, "doc_id", row[key], f"unknown doc_id {row['doc_id']!r}")

    for d in rows["documents"]:
        if d["n_chars"] != len(d["text"]):
            fail("documents", "n_chars", d["doc_id"], f"n_chars {d['n_chars']} != len(text) {len(d['text'])}")

    for s in rows["sections"]:
        doc = docs.get(s["doc_id"])
        if doc is None:
            continue
        if not 0 <= s["start"] <= s["end"] <= len(doc["text"]):
            fail("sections", "start", s["section_id"], f"span [{s['start']}, {s['end']}) outside the document text")
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

    for f in rows["footnotes"]:
        doc = docs.get(f["doc_id"])
        if doc is not None and f["anchor"] is not None and not 0 <= f["anchor"] <= len(doc["text"]):
            fail("footnotes", "anchor", f["footnote_id"], "anchor outside the document text")
        for column, target in (("section_id", sections), ("ibid_of", footnotes)):
            if f[column] is not None and f[column] not in target:
                fail("footnotes", column, f["footnote_id"], f"unknown {column} {f[column]!r}")
        if f["status"] == "ok" and not f["text"]:
            fail("footnotes", "text", f["footnote_id"], "empty text but status ok")

    for g in rows["figures"]:
        doc = docs.get(g["doc_id"])
        if g["section_id"] is not None and g["section_id"] not in sections:
            fail("figures", "section_id", g["figure_id"], f"unknown section {g['section_id']!r}")
        if doc is not None:
            for offset in [*(g["mention_starts"] or []), *([g["start"]] if g["start"] is not None else [])]:
                if not 0 <= offset <= len(doc["text"]):
                    fail("figures", "mention_starts", g["figure_id"], f"offset {offset} outside the document text")

    counts: dict[str, int] = defaultdict(int)
    doc_sets: dict[str, set] = defaultdict(set)
    for table, key in (("mentions", "mention_id"), ("quantities", "quantity_id")):
        for m in rows[table]:
            if table == "mentions":
                counts[m["entity_id"]] += 1
                doc_sets[m["entity_id"]].add(m["doc_id"])
                if m["entity_id"] not in entities:
                    fail(table, "entity_id", m[key], f"unknown entity {m['entity_id']!r}")
                if m["affiliation_id"] is not None and m["affiliation_id"] not in entities:
                    fail(table, "affiliation_id", m[key], f"unknown entity {m['affiliation_id']!r}")
            failures.extend(_span_failures(table, key, m, docs, footnotes))
    failures.extend(_citation_failures(rows.get("citations", []), footnotes))
    failures.extend(derived_failures(rows, docs, sections, footnotes))
    for e in rows["entities"]:
        if e["n_mentions"] != counts.get(e["entity_id"], 0):
            fail("entities", "n_mentions", e["entity_id"], f"n_mentions {e['n_mentions']} != {counts.get(e['entity_id'], 0)} mentions rows")
        if e["n_documents"] != len(doc_sets.get(e["entity_id"], ())):
            fail("entities", "n_documents", e["entity_id"], "n_documents differs from the mentions rows")
    return failures


def derived_failures(rows: dict[str, list[dict]], docs: dict, sections: dict, footnotes: dict) -> list[Failure]:
    """paragraphs: offsets, references, document-level split; ner: tokens are slices of the paragraph's
    text and the BIO tags decode to exactly the paragraph's top-level mentions."""
    from corpus.derive.ner import bio_spans, non_overlapping
    from corpus.derive.splits import split_of
    from corpus.records import NerTag

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
    tags = set(NerTag.__args__)
    for n in rows.get("ner", []):
        pid = n["paragraph_id"]
        p = paragraphs.get(pid)
        if p is None:
            failures.append(Failure("ner", "paragraph_id", pid, "unknown paragraph"))
            continue
        if (n["doc_id"], n["split"], n["language"]) != (p["doc_id"], p["split"], p["language"]):
            failures.append(Failure("ner", "split", pid, "doc_id, split or language differs from its paragraph's"))
        if not len(n["tokens"]) == len(n["ner_tags"]) == len(n["token_starts"]) == len(n["token_ends"]):
            failures.append(Failure("ner", "tokens", pid, "tokens, ner_tags, token_starts and token_ends differ in length"))
            continue
        bad = [t for t in n["ner_tags"] if t not in tags]
        if bad:
            failures.append(Failure("ner", "ner_tags", pid, f"unknown tag {bad[0]!r}"))
            continue
        text, offset = p["text"], p["start"]
        if any(not p["start"] <= s < e <= p["end"] or text[s - offset : e - offset] != t for t, s, e in zip(n["tokens"], n["token_starts"], n["token_ends"])):
            failures.append(Failure("ner", "tokens", pid, "a token is not text[token_start:token_end] inside its paragraph"))
            continue
        inside = non_overlapping(m for m in mentions[(p["doc_id"], p["field"], p["footnote_id"])] if p["start"] <= m[0] and m[1] <= p["end"])
        if bio_spans(n["token_starts"], n["token_ends"], n["ner_tags"]) != inside:
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
