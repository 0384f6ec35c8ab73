"""Measured extraction quality: score a build against hand-written gold annotations (`corpus eval`).

Gold files come in these shapes, all read here:
- `{"seed": FILE, "entities": [...]}`: one document's entities (tests/gold/entities_*.json);
- `{"documents": [{"file": FILE, "quantities": [...]}, ...]}`: quantities per document;
- `[{"file": FILE, "language": .., "entities": [...], "quantities": [...]}, ...]`: the devset's gold.json;
- devset-real (`entities` = `{"section": "<heading> (level ...", "items": [...]}` beside the record's
  `headings`): the gold covers one section, from its heading to the next heading of the same or a higher
  level; only predicted mentions inside that span are scored;
- devset-news (records with `body_paragraph_count`, or any record saying `"mentions_are": "distinct"`):
  `mentions` lists each distinct surface form once, so
  predicted surfaces are counted once per entity too; `borderline` gold entities are optional,
  `acceptable_types` and `acceptable_span` are accepted alternatives (see corpus.evaluate).
Entities are `{name, type, mentions: [surface, ...]}`; quantities `{text, value, unit}` (value may be
`[low, high]`). Gold counts body text only, so only body mentions and quantities are scored; a mention
scores with its own published label (`mentions.label`), and a mention nested inside another one
(`mentions.parent_id` set, when the column exists) is left out, as flat gold keeps the longest name.
- `{"file": FILE, "gold": "citations", "footnotes": [{"n", "text", "citations": [...]}]}`: the works each
  footnote cites (tests/gold/citations_*.json, rules in tests/gold/CITATIONS.md). A document in the
  build is scored on the build's citations table; a gold document not in the build is scored by parsing
  the gold's own footnote texts (so the score is the citation parser's alone).
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from collections.abc import Sequence

import pyarrow.parquet as pq

from corpus.evaluate import Score, evaluate_entities, report_as_dict
from corpus.evaluate_structure import PredictedStructure, format_structure, score_documents, scores_as_dict
from corpus.read import doc_id_for


@dataclass
class Gold:
    """Gold annotations by doc_id: entities and quantities (None where a file gives none)."""

    entities: dict[str, list[dict]]
    quantities: dict[str, list[dict]]
    languages: dict[str, str]
    citations: dict[str, dict] = field(default_factory=dict)
    sections: dict[str, tuple[str, str | None, tuple[str, ...]]] = field(default_factory=dict)  # doc -> (heading, next heading, all headings)
    distinct: set[str] = field(default_factory=set)  # docs whose gold lists each surface form once


def _section_scope(record: dict) -> tuple[str, str | None, tuple[str, ...]] | None:
    """(heading of the annotated section, heading that ends it or None, every heading) of a devset-real record."""
    ents = record.get("entities")
    if not isinstance(ents, dict) or not ents.get("section"):
        return None
    title = str(ents["section"]).split(" (level")[0].strip()
    headings = [h for h in record.get("headings", ()) if isinstance(h, dict)]
    at = next((i for i, h in enumerate(headings) if h.get("title") == title), None)
    titles = tuple(str(h.get("title", "")) for h in headings)
    if at is None:
        return title, None, titles
    level = headings[at].get("level", 1)
    nxt = next((h["title"] for h in headings[at + 1:] if h.get("level", 1) <= level), None)
    return title, nxt, titles


def load_gold(paths: list[Path]) -> Gold:
    gold = Gold({}, {}, {})
    files = [p for path in paths for p in (sorted(path.glob("*.json")) if path.is_dir() else [path]) if p.exists()]
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        records = data if isinstance(data, list) else data.get("documents", [data]) if isinstance(data, dict) else []
        for record in records:
            if not isinstance(record, dict):
                continue
            name = record.get("file") or record.get("seed")
            if not name:
                continue
            doc_id = doc_id_for(name)
            if record.get("gold") == "citations":
                gold.citations[doc_id] = record
                continue
            if "entities" in record:
                ents = record["entities"]
                scope = _section_scope(record)
                if scope is not None:
                    gold.sections[doc_id] = scope
                gold.entities[doc_id] = ents.get("items", []) if isinstance(ents, dict) else ents
                if record.get("mentions_are") == "distinct" or "body_paragraph_count" in record:
                    gold.distinct.add(doc_id)
            if "quantities" in record:
                gold.quantities[doc_id] = record["quantities"]
            if record.get("language"):
                gold.languages[doc_id] = record["language"]
    return gold


def _read(folder: Path, table: str, columns: list[str]) -> list[dict]:
    return pq.read_table(folder / table, columns=columns).to_pylist()


def _flexible(title: str) -> re.Pattern:
    words = title.split()
    return re.compile(r"\s+".join(re.escape(w) for w in words)) if words else re.compile(r"(?!)")


def section_span(text: str, heading: str, next_heading: str | None, others: Sequence[str] = ()) -> tuple[int, int] | None:
    """Where a section runs in a document's clean text: from its heading to the next heading after it
    (to the end of the text for the last section). An occurrence followed within a few lines by two
    other headings of the document (`others`) is a contents entry, not the heading; of the remaining
    occurrences, those opening a line are preferred, and the last one followed by the next heading wins."""
    def find(title: str) -> list[int]:
        bare = re.sub(r"^(?:[\dIVX]+(?:\.\d+)*\.?|[a-z]\)|[ivx]+\))\s+", "", title)
        for form in dict.fromkeys((title, bare)):
            found = [m.start() for m in _flexible(form).finditer(text) if not text[m.end():m.end() + 1].isalnum()
                     and text[m.end():m.end() + 1] != ":" and not contents(m.end())]
            if found:
                opening = [i for i in found if i == 0 or text[i - 1] == "\n"]
                return opening or found
        return []

    def contents(at: int) -> bool:
        window = " ".join(text[at:at + 400].split())
        return sum(" ".join(o.split()) in window for o in others if o not in (heading, next_heading)) >= 2

    starts = find(heading)
    if not starts:
        return None
    if not next_heading:
        return starts[-1], len(text)
    ends = find(next_heading)
    spans = [(s, next(e for e in ends if e > s)) for s in starts if any(e > s for e in ends)]
    return spans[-1] if spans else None


def predicted_entities(folder: Path, scopes: dict[str, tuple[int, int]] | None = None) -> dict[str, list[dict]]:
    """Per document: the entities with their body mention surfaces, in the evaluator's input shape. Each
    mention scores with its own published label; `scopes` limits a document to a span of its text."""
    entities = {e["entity_id"]: e for e in _read(folder, "entities", ["entity_id", "name", "label", "aliases"])}
    columns = ["entity_id", "doc_id", "field", "start", "text", "label"]
    names = set(pq.read_schema(next((folder / "mentions").glob("*.parquet"))).names)
    nested = "parent_id" in names
    grouped: dict[str, dict[tuple[str, str], list[str]]] = defaultdict(lambda: defaultdict(list))
    for m in _read(folder, "mentions", columns + (["parent_id"] if nested else [])):
        if m["field"] != "body" or (nested and m["parent_id"]):
            continue
        scope = (scopes or {}).get(m["doc_id"])
        if scope is not None and not scope[0] <= m["start"] < scope[1]:
            continue
        grouped[m["doc_id"]][(m["entity_id"], m["label"])].append(m["text"])
    return {
        doc_id: [
            {"name": entities[eid]["name"], "label": label, "aliases": entities[eid]["aliases"], "mentions": surfaces}
            for (eid, label), surfaces in sorted(by_entity.items())
        ]
        for doc_id, by_entity in grouped.items()
    }


def _values(value: Any) -> list[float]:
    return [float(v) for v in value] if isinstance(value, list) else [float(value)]


def _quantity_matches(pred: dict, gold: dict) -> bool:
    """Same value (a range matches its low end) and one surface contains the other."""
    values = _values(gold["value"])
    same_value = any(math.isclose(pred["value"], v, rel_tol=1e-6) for v in values)
    a, b = " ".join(pred["text"].split()).casefold(), " ".join(str(gold["text"]).split()).casefold()
    return same_value and (a in b or b in a)


def score_quantities(gold: dict[str, list[dict]], folder: Path) -> dict[str, Score]:
    """Per document (and 'overall'): precision/recall/F1 of body quantities, greedy one-to-one matching."""
    predicted: dict[str, list[dict]] = defaultdict(list)
    for q in _read(folder, "quantities", ["doc_id", "field", "text", "value"]):
        if q["field"] == "body":
            predicted[q["doc_id"]].append(q)
    scores = {}
    for doc_id in sorted(gold):
        preds = predicted.get(doc_id, [])
        used: set[int] = set()
        for g in gold[doc_id]:
            hit = next((i for i, p in enumerate(preds) if i not in used and _quantity_matches(p, g)), None)
            if hit is not None:
                used.add(hit)
        scores[doc_id] = Score(len(used), len(preds), len(gold[doc_id]))
    scores["overall"] = sum(scores.values(), Score(0, 0, 0))
    return scores


def predicted_citations(folder: Path) -> dict[str, dict[int, list[dict]]]:
    """Per document and note number: the build's citations rows in the scorer's input shape."""
    path = folder / "citations"
    if not path.is_dir():
        return {}
    numbers = {f["footnote_id"]: f["number"] for f in _read(folder, "footnotes", ["footnote_id", "number"])}
    rows = _read(folder, "citations", ["citation_id", "footnote_id", "doc_id", "ordinal", "kind", "authors", "title", "title_translation", "container", "date", "url", "type", "language", "refers_to"])
    by_id = {r["citation_id"]: r for r in rows}
    out: dict[str, dict[int, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        target = by_id.get(r["refers_to"]) if r["refers_to"] else None
        r = dict(r, refers_to=(numbers[target["footnote_id"]], target["ordinal"]) if target else None)
        out[r["doc_id"]][numbers[r["footnote_id"]]].append(r)
    return out


def score_citation_gold(gold: dict[str, dict], folder: Path | None) -> dict:
    """Citation scores per gold document and overall (`corpus.evaluate_citations`)."""
    from corpus.enrich.citations import parse_footnotes
    from corpus.evaluate_citations import combine, predicted_from_parse, score_citations

    built = predicted_citations(folder) if folder is not None else {}
    built_docs = {d["doc_id"] for d in _read(folder, "documents", ["doc_id"])} if folder is not None else set()
    reports, result = [], {}
    for doc_id in sorted(gold):
        record = gold[doc_id]
        if doc_id in built_docs:
            predicted, source = built.get(doc_id, {}), "build"
        else:
            parsed = parse_footnotes([(int(f["n"]), f["text"]) for f in record["footnotes"]])
            predicted, source = predicted_from_parse(parsed), "gold footnote texts"
        report = score_citations(doc_id, record["footnotes"], predicted)
        reports.append(report)
        result[doc_id] = {"source": source, "tuning": bool(record.get("tuning", True)), **report.as_dict()}
        del result[doc_id]["errors"]
    if reports:
        result["overall"] = {"source": "all", "tuning": None, **combine(reports).as_dict()}
        del result["overall"]["errors"]
    return result


def evaluate_build(folder: Path, gold_paths: list[Path]) -> dict:
    """Scores of the build in `folder` for every document some gold file covers."""
    gold = load_gold(gold_paths)
    built = {d["doc_id"]: d for d in _read(folder, "documents", ["doc_id", "language", "source_file"])}
    entity_gold = {
        doc_id: {"language": built[doc_id]["language"], "entities": ents}
        for doc_id, ents in gold.entities.items()
        if doc_id in built
    }
    quantity_gold = {doc_id: qs for doc_id, qs in gold.quantities.items() if doc_id in built}
    scopes: dict[str, tuple[int, int]] = {}
    if gold.sections:
        texts = {d["doc_id"]: d["text"] for d in _read(folder, "documents", ["doc_id", "text"]) if d["doc_id"] in gold.sections}
        for doc_id, (heading, next_heading, others) in gold.sections.items():
            span = section_span(texts[doc_id], heading, next_heading, others) if doc_id in texts else None
            scopes[doc_id] = span if span is not None else (0, 0)  # a section not found scores zero recall
    predicted = predicted_entities(folder, scopes)
    for doc_id in gold.distinct & set(predicted):  # one surface form counts once per entity
        predicted[doc_id] = [{**e, "mentions": sorted(set(e["mentions"]))} for e in predicted[doc_id]]
    report = evaluate_entities(entity_gold, predicted) if entity_gold else None
    out = {
        "entities": report_as_dict(report) if report else None,
        "quantities": {doc_id: s.as_dict() for doc_id, s in score_quantities(quantity_gold, folder).items()} if quantity_gold else None,
        "citations": score_citation_gold(gold.citations, folder) if gold.citations else None,
        "documents_scored": sorted(set(entity_gold) | set(quantity_gold) | set(gold.citations)),
    }
    if scopes:
        out["sections_scored"] = {doc_id: list(span) for doc_id, span in sorted(scopes.items())}
    return out


def format_quality(result: dict) -> str:
    """Markdown tables of a `evaluate_build` result."""
    lines = []
    entities = result.get("entities")
    if entities:
        lines += ["| scope | entity P | entity R | entity F1 | mention P | mention R | mention F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
        rows = [(d["doc_id"], d["entities"], d["mentions"]) for d in entities["documents"]]
        rows += [(f"language {lang}", s["entities"], s["mentions"]) for lang, s in entities["by_language"].items()]
        rows.append(("overall", entities["overall"]["entities"], entities["overall"]["mentions"]))
        for name, e, m in rows:
            lines.append(f"| {name} | {e['precision']:.3f} | {e['recall']:.3f} | {e['f1']:.3f} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} |")
        lines.append("")
    quantities = result.get("quantities")
    if quantities:
        lines += ["| scope | quantity P | quantity R | quantity F1 | gold | predicted |", "|---|---:|---:|---:|---:|---:|"]
        for name, s in quantities.items():
            lines.append(f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['gold']} | {s['pred']} |")
        lines.append("")
    citations = result.get("citations")
    if citations:
        fields = ("authors", "title", "container", "date", "url", "type")
        lines += ["| scope | scored on | detection F1 | " + " | ".join(fields) + " | ibid/short resolved |", "|---|---|---:|" + "---:|" * len(fields) + "---:|"]
        for name, s in citations.items():
            label = name + (" (held out)" if s.get("tuning") is False else "")
            cells = [f"{s['fields'][f]['accuracy']:.3f}" if s["fields"][f]["accuracy"] is not None else "-" for f in fields]
            ibid = f"{s['ibid']['accuracy']:.3f}" if s["ibid"]["accuracy"] is not None else "-"
            lines.append(f"| {label} | {s['source']} | {s['detection']['f1']:.3f} | " + " | ".join(cells) + f" | {ibid} |")
        lines.append("")
    structure = result.get("structure")
    if structure:
        lines += ["Structure against gold read from the pages (shares; headings, notes, markers, captions, sources and authors: F1):", "", format_structure(structure)]
    return "\n".join(lines) if lines else "no gold annotations cover the documents of this build\n"


# --- structure (corpus eval --structure-gold) -----------------------------------------------------


def load_structure_gold(path: Path) -> tuple[dict[str, dict], dict[str, str]]:
    """Structure gold records by doc_id (a list in the devset-real format) and the raw text beside each."""
    data = json.loads(path.read_text(encoding="utf-8"))
    records = data if isinstance(data, list) else data.get("documents", [data]) if isinstance(data, dict) else []
    gold: dict[str, dict] = {}
    raws: dict[str, str] = {}
    for record in records:
        if not isinstance(record, dict) or not record.get("file"):
            continue
        doc_id = doc_id_for(record["file"])
        gold[doc_id] = record
        source = path.parent / record["file"]
        if source.is_file():
            raws[doc_id] = source.read_text(encoding="utf-8")
    return gold, raws


def predicted_structure(folder: Path) -> dict[str, PredictedStructure]:
    """Per document: what the build in `folder` says about its structure."""
    docs = _read(folder, "documents", ["doc_id", "title", "authors", "published_date", "published_month", "text"])
    headings: dict[str, list] = defaultdict(list)
    for s in sorted(_read(folder, "sections", ["doc_id", "ordinal", "kind", "heading", "level"]), key=lambda s: (s["doc_id"], s["ordinal"])):
        if s["kind"] == "heading":
            headings[s["doc_id"]].append((s["heading"], s["level"]))
    notes: dict[str, list] = defaultdict(list)
    for f in _read(folder, "footnotes", ["doc_id", "marker", "text", "anchor"]):
        notes[f["doc_id"]].append((f["marker"], f["text"], f["anchor"] is not None))
    figures: dict[str, list] = defaultdict(list)
    for f in _read(folder, "figures", ["doc_id", "label", "caption", "source"]):
        figures[f["doc_id"]].append((f["label"], f["caption"], f["source"]))
    return {
        d["doc_id"]: PredictedStructure(
            title=d["title"], authors=tuple(d["authors"] or ()),
            published_date=d["published_date"].isoformat() if d["published_date"] else None,
            published_month=d["published_month"], text=d["text"],
            headings=tuple(headings[d["doc_id"]]), footnotes=tuple(notes[d["doc_id"]]), figures=tuple(figures[d["doc_id"]]),
        )
        for d in docs
    }


def evaluate_structure_build(folder: Path, gold_path: Path) -> dict:
    """Structure scores of the build in `folder` for every document of the gold file that the build holds."""
    gold, raws = load_structure_gold(gold_path)
    predicted = predicted_structure(folder)
    from corpus.evaluate_news import is_news_gold

    scored = {doc_id: record for doc_id, record in gold.items() if doc_id in predicted and not is_news_gold(record)}
    return scores_as_dict(score_documents(scored, predicted, raws))
