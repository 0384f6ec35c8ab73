"""Read-only views of any build folder, for `corpus show <doc_id>` and `corpus stats`.

Pure functions over the Parquet shards: they return plain text (no printing, no exit), so the CLI
decides how to show it and tests can compare strings. Output is deterministic (sorted everywhere).
"""

from __future__ import annotations

import difflib
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from corpus.build_folder import require_build
from corpus.errors import EXIT_INVALID, CorpusError
from corpus.records import TABLES


class InspectError(CorpusError):
    """A document that cannot be shown (usage, exit 2) or a build that cannot be read (damaged, exit 1)."""

    def __init__(self, code: str, problem: str, exit_code: int | None = None):
        self.code = code
        if exit_code is not None:
            self.exit_code = exit_code
        super().__init__(f"{problem} [{code}]")


def _read(folder: Path, table: str, doc_id: str | None = None) -> list[dict[str, Any]]:
    from corpus.write import read_table

    require_build(folder)
    try:
        data = read_table(folder, table)
    except FileNotFoundError:
        raise InspectError("damaged-build", f"{folder}: no {table} table; run `corpus validate {folder}`", EXIT_INVALID) from None
    except (pa.ArrowException, OSError, ValueError) as err:
        detail = " ".join(str(err).split())[:160]
        raise InspectError("damaged-build", f"{folder / table}: unreadable Parquet shard ({detail}); run `corpus validate {folder}`", EXIT_INVALID) from None
    if doc_id is not None and "doc_id" in data.column_names:
        data = data.filter(pc.equal(data["doc_id"], doc_id))
    return data.to_pylist()


def _one_line(value: Any, limit: int = 80) -> str:
    text = " ".join(str(value).split()) if value is not None else ""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> list[str]:
    """A plain-text table with aligned columns."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    return [line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows]


def resolve_doc_id(known: list[str], wanted: str) -> str | None:
    """The id `wanted` names: itself when known, else the only known id it is a prefix of.

    None when nothing matches; `InspectError` (ambiguous-document) listing the candidates when several do.
    """
    if wanted in known:
        return wanted
    candidates = sorted(k for k in known if wanted and k.startswith(wanted))
    if len(candidates) > 1:
        raise InspectError("ambiguous-document", f"{wanted!r} is the start of {len(candidates)} document ids: {', '.join(candidates)}")
    return candidates[0] if candidates else None


def document_outline(folder: Path, doc_id: str) -> str:
    """A document's metadata, section tree, footnote summary, figures, top entities and quantities.

    `doc_id` may be an unambiguous prefix of a document id ("003" for "003_b2e28905b3ba221b").
    """
    docs = _read(folder, "documents")
    known = sorted(d["doc_id"] for d in docs)
    resolved = resolve_doc_id(known, doc_id)
    doc = next((d for d in docs if d["doc_id"] == resolved), None)
    if doc is None:
        close = difflib.get_close_matches(doc_id, known, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else f"; known: {', '.join(known) or 'none'}"
        raise InspectError("unknown-document", f"{folder}: no document {doc_id!r}{hint}")
    doc_id = doc["doc_id"]
    sections = sorted(_read(folder, "sections", doc_id), key=lambda s: s["ordinal"])
    footnotes = sorted(_read(folder, "footnotes", doc_id), key=lambda f: f["number"])
    figures = sorted(_read(folder, "figures", doc_id), key=lambda f: f["figure_id"])
    mentions = _read(folder, "mentions", doc_id)
    quantities = _read(folder, "quantities", doc_id)
    origins = {o["field"]: o["origin"] for o in doc["field_origins"] or []}

    def meta(name: str, value: Any) -> str:
        shown = ", ".join(value) if isinstance(value, list) else value
        origin = origins.get(name)
        return f"  {name}: {_one_line(shown, 100) if shown not in (None, '') else '(unknown)'}" + (f"  [{origin}]" if origin and shown not in (None, "") else "")

    date = doc["published_date"].isoformat() if doc["published_date"] else doc["published_month"]
    lines = [
        f"{doc['doc_id']}: {_one_line(doc['title'], 100) or '(no title)'}",
        f"  source: {doc['source_file']} ({doc['n_bytes']} bytes, sha256 {doc['sha256'][:16]}…)"
        + (f", read by {doc['extractor']} {doc.get('extractor_version') or ''}".rstrip() if doc.get("extractor") else ""),
        meta("publisher", doc["publisher"]),
        meta("authors", doc["authors"]),
        f"  published: {date}" + (f"  [{origins.get('published_date') or origins.get('published_month')}]" if origins.get("published_date") or origins.get("published_month") else "")
        if date
        else "  published: (not stated)",
        meta("genre", doc["genre"]),
        meta("language", doc["language"]),
        meta("url", doc["url"]),
        meta("license", doc.get("license")) + ("  (text withheld in this build)" if doc.get("text_withheld") else ""),
        f"  size: {doc['n_chars']} characters, {doc['n_words']} words",
        "",
        f"Sections ({len(sections)}):",
    ]
    notes_per_section = Counter(f["section_id"] for f in footnotes)
    for s in sections:
        heading = _one_line(s["heading"], 70) if s["kind"] == "heading" else "(preamble)"
        pages = ""
        if s["page_start"] is not None:
            pages = f", p. {s['page_start']}" + (f"-{s['page_end']}" if s["page_end"] not in (None, s["page_start"]) else "")
        notes = notes_per_section.get(s["section_id"], 0)
        lines.append(
            f"  {'  ' * (s['level'] - 1)}{s['section_id'].rsplit('/', 1)[1]} {heading} "
            f"[{s['end'] - s['start']} chars{pages}{f', {notes} notes' if notes else ''}]"
        )
    status = Counter(f["status"] for f in footnotes)
    lines += ["", f"Footnotes ({len(footnotes)}): " + (", ".join(f"{k} {v}" for k, v in sorted(status.items())) or "none")]
    for f in footnotes:
        if f["status"] != "ok":
            printed = f" (printed {f['marker']})" if f.get("marker") not in (None, str(f["number"])) else ""
            lines.append(f"  n{f['number']:04d}{printed} {f['status']}: {_one_line(f['text'], 70) or '(empty)'}")
    lines += ["", f"Figures ({len(figures)}):"]
    lines += [f"  {g['figure_id'].rsplit('/', 1)[1]} {g['kind']} {_one_line(g['label'], 30)}: {_one_line(g['caption'], 60) or '(no caption)'}" for g in figures]
    by_entity = Counter((m["label"], m["text"]) for m in mentions)
    labels = Counter(m["label"] for m in mentions)
    lines += ["", f"Mentions ({len(mentions)}): " + (", ".join(f"{k} {v}" for k, v in sorted(labels.items())) or "none")]
    top = sorted(by_entity.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    lines += [f"  {n:>3}  {label:<8} {_one_line(text, 60)}" for (label, text), n in top]
    kinds = Counter(q["kind"] for q in quantities)
    lines += ["", f"Quantities ({len(quantities)}): " + (", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "none")]
    citations = [c for c in _read(folder, "citations", doc_id) if c["kind"] != "comment"]
    by_kind = Counter(c["kind"] for c in citations)
    lines += ["", f"Citations ({len(citations)}): " + (", ".join(f"{k} {v}" for k, v in sorted(by_kind.items())) or "none")]
    containers = Counter(c["container"] for c in citations if c["kind"] == "citation" and c["container"])
    lines += [f"  {n:>3}  {_one_line(name, 60)}" for name, n in sorted(containers.items(), key=lambda kv: (-kv[1], kv[0]))[:10]]
    return "\n".join(lines) + "\n"


def _spread(values: list[int]) -> str:
    if not values:
        return "none"
    return f"min {min(values)}, median {statistics.median(values):g}, max {max(values)}"


_DISTRIBUTIONS = {  # key in the summary -> (title in the text, table, value of a row; rows kept)
    "documents_by_language": ("Documents by language", "documents", lambda r: r["language"], None),
    "documents_by_genre": ("Documents by genre", "documents", lambda r: r["genre"], None),
    "documents_by_publisher": ("Documents by publisher", "documents", lambda r: r["publisher"] or "(unknown)", None),
    "entities_by_label": ("Entities by label", "entities", lambda r: r["label"], None),
    "mentions_by_label": ("Mentions by label", "mentions", lambda r: r["label"], None),
    "footnotes_by_status": ("Footnotes by status", "footnotes", lambda r: r["status"], None),
    "quantities_by_kind": ("Quantities by kind", "quantities", lambda r: r["kind"], None),
    "citations_by_kind": ("Citations by kind", "citations", lambda r: r["kind"], None),
    "full_citations_by_type": ("Full citations by type", "citations", lambda r: r["type"] or "(none)", lambda r: r["kind"] == "citation"),
}
_PER_DOCUMENT = ("sections", "footnotes", "figures", "mentions", "quantities", "citations")


def stats_summary(folder: Path) -> dict[str, Any]:
    """Row counts and the main distributions of a build as plain data (the shape `corpus stats --json` prints).

    Keys: `build` (folder name), `rows` {table: count}, `distributions` {name: {value: count}},
    `per_document` [{doc_id, language, words, sections, footnotes, figures, mentions, quantities, citations}]
    (citations without comment rows).
    """
    data = {name: _read(folder, name) for name in TABLES}
    docs = sorted(data["documents"], key=lambda d: d["doc_id"])
    distributions = {}
    for key, (_, table, value, keep) in _DISTRIBUTIONS.items():
        counted = Counter(str(value(r)) for r in data[table] if keep is None or keep(r))
        distributions[key] = dict(sorted(counted.items()))
    per_doc = {d["doc_id"]: Counter() for d in docs}
    for name in _PER_DOCUMENT:
        for row in data[name]:
            if row["doc_id"] in per_doc and (name != "citations" or row["kind"] != "comment"):
                per_doc[row["doc_id"]][name] += 1
    return {
        "build": folder.name or str(folder),
        "rows": {name: len(rows) for name, rows in data.items()},
        "distributions": distributions,
        "per_document": [
            {"doc_id": d["doc_id"], "language": d["language"], "words": d["n_words"], **{n: per_doc[d["doc_id"]][n] for n in _PER_DOCUMENT}}
            for d in docs
        ],
    }


def format_stats(summary: dict[str, Any]) -> str:
    """`stats_summary` as aligned plain-text tables."""
    lines = [f"Build {summary['build']}", ""]
    lines += _table(["table", "rows"], [[name, str(n)] for name, n in summary["rows"].items()], right={1})
    for key, (title, *_) in _DISTRIBUTIONS.items():
        counted = summary["distributions"][key]
        lines.extend(["", title])
        lines.extend(_table(["value", "count"], [[k, str(v)] for k, v in counted.items()], right={1}) if counted else ["  none"])
    docs = summary["per_document"]
    lines += ["", "Per document"]
    lines += _table(
        ["doc_id", "lang", "words", *_PER_DOCUMENT],
        [[d["doc_id"], d["language"], str(d["words"]), *(str(d[n]) for n in _PER_DOCUMENT)] for d in docs],
        right=set(range(2, 3 + len(_PER_DOCUMENT))),
    )
    lines += [""] + [f"{n.capitalize()} per document: {_spread([d[n] for d in docs])}" for n in ("sections", "footnotes")]
    return "\n".join(lines) + "\n"


def corpus_stats(folder: Path) -> str:
    """Row counts and the main distributions of a build, as text."""
    return format_stats(stats_summary(folder))
