"""Scoring of a document's structure against gold written by reading its pages (`corpus eval --structure-gold`).

Pure functions, no I/O. The gold format is the one of `../shared/devset-real/gold.json` (documented in the
README): `title`, `authors`, `date` (ISO, as precise as printed, or null), `headings` (`title`, `level`),
`footnotes` (`n`, `text`, optional `marker` as printed), `markers_without_text`, `figures` (`label`, `caption`, `source`),
`furniture_lines`, `cover_boilerplate` and `must_contain`. A record may leave a key out: that measure is
then not scored for it (a key present with null or [] is scored: "no date printed" is a claim).

`score_report(gold, predicted, raw)` scores one record; `SCORERS` maps a gold record's `genre` to its
scorer, so a scorer for another genre (news pages) plugs in beside it with the same signature and the
same `Score`-valued result. Every measure is a `Score` (true positives, predicted, gold), so per-document
results add up into corpus totals.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from corpus.evaluate import ZERO, Score

_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class PredictedStructure:
    """What a build says about one document, in the scorer's input shape."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published_date: str | None = None  # ISO date "YYYY-MM-DD"
    published_month: str | None = None  # "YYYY-MM"
    text: str = ""
    headings: tuple[tuple[str, int], ...] = ()  # (heading, level), in reading order
    footnotes: tuple[tuple[str, str, bool], ...] = ()  # (marker as printed, text, has an anchor in the body)
    figures: tuple[tuple[str | None, str | None, str | None], ...] = ()  # (label, caption, source)


@dataclass(frozen=True)
class StructureScores:
    """One document's structure scores; `measures` maps a measure name to its Score."""

    doc_id: str
    measures: dict[str, Score]
    misses: dict[str, tuple[str, ...]] = field(default_factory=dict)  # measure -> gold items not found


def normalise(text: str | None) -> str:
    """Whitespace collapsed (and NFKC), the comparison form of every text in the gold."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text or "")).strip()


def _loose(text: str | None) -> str:
    """Case- and punctuation-blind form, for titles (a cover's line breaks and capitals are not the title's)."""
    return _NON_WORD.sub(" ", normalise(text).casefold()).strip()


def gold_marker(note: Mapping) -> str:
    """A gold note's mark as printed: its `marker` ("*", "†", or a number repeated where the numbering restarts),
    else its number `n`; notes are compared by the mark, so a restart's "1" twice counts twice."""
    marker = note.get("marker")
    return str(marker) if marker is not None else str(int(note.get("n", note.get("number", 0))))


def bag_score(gold: Iterable, predicted: Iterable) -> tuple[Score, tuple]:
    """Multiset match: each item counts at most as often as it occurs on both sides; also the misses."""
    g, p = Counter(gold), Counter(predicted)
    tp = sum((g & p).values())
    missed = tuple(str(k) for k in (g - p).elements())
    return Score(tp, sum(p.values()), sum(g.values())), missed


def _exact(ok: bool) -> Score:
    return Score(int(ok), 1, 1)


def date_matches(gold: str | None, published_date: str | None, published_month: str | None) -> bool:
    """The printed date at the precision printed: a day-precise gold needs the same date, a month-precise
    gold the same month and no invented day, a year-precise gold the same year; no gold date, no date."""
    if not gold:
        return published_date is None and published_month is None
    if len(gold) == 10:
        return published_date == gold
    if len(gold) == 7:
        return published_date is None and published_month == gold
    return published_date is None and (published_month or "")[:4] == gold[:4]


def _body_units(text: str) -> list[str]:
    return [normalise(line) for line in text.split("\n") if line.strip()]


def _holds_short(unit: str, line: str) -> bool:
    """A short furniture line as a whole line, or glued at a line's start or end ("2" in "2 Text", "Text 2")."""
    return unit == line or unit.startswith(line + " ") or unit.endswith(" " + line)


def leaked_lines(gold_lines: Iterable[str], body: str, raw: str | None) -> tuple[Score, tuple[str, ...]]:
    """How many gold furniture/cover lines stay out of the body.

    A long line (four words or more) leaks where it occurs in the body text; a short one (a page number,
    "EN", a one-word footer) where it is a whole body line or glued at a line's start or end. Occurrences the
    raw text has beyond the gold's count are real body text and may stay (a heading that repeats the title; a
    short line is counted in the raw text the way it is in the body, so a numbered heading "2 Scope" printed as
    one line is no leak of the page number "2").
    """
    counts = Counter(normalise(line) for line in gold_lines if normalise(line))
    body_norm = normalise(body)
    units = _body_units(body)
    raw_units = [normalise(line) for line in (raw or "").split("\n") if line.strip()]
    raw_norm = normalise(raw)
    tp = 0
    leaks: list[str] = []
    for line, k in counts.items():
        if len(line.split()) >= 4:
            hits = body_norm.count(line)
            present = raw_norm.count(line) if raw is not None else k
        else:
            hits = sum(1 for u in units if _holds_short(u, line))
            present = sum(1 for u in raw_units if _holds_short(u, line)) if raw is not None else k
        allowed = max(0, present - k)
        leaked = min(k, max(0, hits - allowed))
        tp += k - leaked
        leaks.extend([line] * leaked)
    return Score(tp, sum(counts.values()), sum(counts.values())), tuple(leaks)


def score_report(gold: Mapping, predicted: PredictedStructure, raw: str | None = None, doc_id: str = "") -> StructureScores:
    """Score one report's structure against one gold record (devset-real format)."""
    measures: dict[str, Score] = {}
    misses: dict[str, tuple[str, ...]] = {}

    def put(name: str, scored: tuple[Score, tuple]) -> None:
        measures[name], missed = scored
        if missed:
            misses[name] = missed

    if "title" in gold:
        gold_title = gold.get("title")
        measures["title"] = _exact(_loose(gold_title) == _loose(predicted.title)) if gold_title else _exact(not predicted.title)
        if not measures["title"].tp:
            misses["title"] = (f"{gold_title!r} != {predicted.title!r}",)
    if "authors" in gold:
        put("authors", bag_score({_loose(a) for a in gold.get("authors") or ()}, {_loose(a) for a in predicted.authors}))
    if "date" in gold:
        date_ok = date_matches(gold.get("date"), predicted.published_date, predicted.published_month)
        measures["date"] = _exact(date_ok)
        if not date_ok:
            misses["date"] = (f"{gold.get('date')!r} != {predicted.published_date or predicted.published_month!r}",)
    if "headings" in gold:
        put("headings", bag_score(
            [(normalise(h["title"]), int(h["level"])) for h in gold["headings"]],
            [(normalise(h), level) for h, level in predicted.headings],
        ))
        put("heading_text", bag_score(
            [normalise(h["title"]) for h in gold["headings"]], [normalise(h) for h, _ in predicted.headings]
        ))
    if "footnotes" in gold:
        put("footnotes", bag_score(
            [(gold_marker(f), normalise(f["text"])) for f in gold["footnotes"] if f.get("text")],
            [(str(m), normalise(t)) for m, t, _ in predicted.footnotes if normalise(t)],
        ))
        gold_markers = [gold_marker(f) for f in gold["footnotes"]] + [str(n) for n in gold.get("markers_without_text") or ()]
        put("markers", bag_score(gold_markers, [str(m) for m, _, anchored in predicted.footnotes if anchored]))
    if "figures" in gold:
        gold_figures = [f for f in gold["figures"] if f.get("caption")]
        put("captions", bag_score([normalise(f["caption"]) for f in gold_figures], [normalise(c) for _, c, _ in predicted.figures if c]))
        put("sources", bag_score(
            [normalise(f["source"]) for f in gold_figures if f.get("source")], [normalise(s) for _, _, s in predicted.figures if s]
        ))
    if "furniture_lines" in gold:
        put("furniture_out", leaked_lines(gold["furniture_lines"], predicted.text, raw))
    if "cover_boilerplate" in gold:
        put("cover_out", leaked_lines(gold["cover_boilerplate"], predicted.text, raw))
    if "must_contain" in gold:
        body = normalise(predicted.text)
        sentences = [normalise(s) for s in gold["must_contain"]]
        measures["must_contain"] = Score(sum(1 for s in sentences if s in body), len(sentences), len(sentences))
        missing = tuple(s for s in sentences if s not in body)
        if missing:
            misses["must_contain"] = missing
    return StructureScores(doc_id, measures, misses)


Scorer = Callable[..., StructureScores]
SCORERS: dict[str, Scorer] = {"report": score_report}

# The measures whose headline number is F1 (the others are shares: tp / gold).
F1_MEASURES = ("headings", "heading_text", "footnotes", "markers", "captions", "sources", "authors")


def headline(score: Score, measure: str) -> float:
    return score.f1 if measure in F1_MEASURES else score.recall


def score_documents(gold_records: Mapping[str, Mapping], predicted: Mapping[str, PredictedStructure],
                    raws: Mapping[str, str] | None = None) -> list[StructureScores]:
    """Score every gold record (by doc_id) with the scorer of its genre; a missing prediction scores empty."""
    results = []
    for doc_id in sorted(gold_records):
        record = gold_records[doc_id]
        scorer = SCORERS.get(str(record.get("genre") or "report"), score_report)
        results.append(scorer(record, predicted.get(doc_id, PredictedStructure()), (raws or {}).get(doc_id), doc_id=doc_id))
    return results


def totals(results: Iterable[StructureScores]) -> dict[str, Score]:
    """Each measure summed over documents."""
    summed: dict[str, Score] = {}
    for result in results:
        for name, score in result.measures.items():
            summed[name] = summed.get(name, ZERO) + score
    return summed


def scores_as_dict(results: list[StructureScores]) -> dict:
    """JSON-ready: per document the headline value of every measure with its counts, and the totals."""

    def one(measures: Mapping[str, Score]) -> dict:
        return {name: {"value": round(headline(s, name), 4), "tp": s.tp, "pred": s.n_pred, "gold": s.n_gold}
                for name, s in measures.items()}

    return {
        "documents": {r.doc_id: one(r.measures) for r in results},
        "overall": one(totals(results)),
    }


COLUMNS = ("title", "authors", "date", "headings", "heading_text", "footnotes", "markers", "captions", "sources",
           "furniture_out", "cover_out", "must_contain")


def format_structure(result: Mapping) -> str:
    """A markdown table of a `scores_as_dict` result: one row per document and the overall row."""
    head = "| document | " + " | ".join(COLUMNS) + " |"
    lines = [head, "|---|" + "---:|" * len(COLUMNS)]
    rows = list(result.get("documents", {}).items()) + [("overall", result.get("overall", {}))]
    for name, measures in rows:
        cells = []
        for column in COLUMNS:
            m = measures.get(column)
            cells.append("" if m is None or (not m["gold"] and not m["pred"]) else f"{m['value']:.2f}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
