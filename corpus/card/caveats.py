"""The card's sections on what the data gets wrong: known defects, quality figures, limitations."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from corpus.card.facts import ner_status
from corpus.card.markdown import md_cell, md_code, md_table, render_scores


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
