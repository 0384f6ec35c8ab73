"""Scoring of a build's news documents against the devset-news gold format (one gold record per page).

Pure functions over rows of the published tables (`documents`, `figures`) and one gold record of
`devset-news/gold.json`; `score_news_build` reads a build folder and a gold file and scores every page
the build holds. Checks per page:

- title: the document title equals the gold `title` (NFKC, whitespace collapsed); null == null;
- date / time: `published_date` equals gold `date` (null == null); `published_time` equals gold `time`
  when the gold prints one ("07h59" is read as 07:59; seconds are ignored);
- authors: the set of authors equals the gold `authors` (persons only; [] == []);
- language (+ script): primary subtag equals gold `language`; `script` equals gold `script`;
- boilerplate out: every gold boilerplate line (with multiplicity) absent from the body;
- must_contain: every gold sentence present in the body;
- images: every gold image file name is the label of an image figure of the document.

A boilerplate line counts as present in the body when it occurs as a substring of the body (long
lines) or, for lines of at most `SHORT_LINE` characters (a counter "0", a bullet, "評論"), as a
whitespace-delimited token of it: inside a number or a Chinese sentence it is not the line, but glued
to neighbouring widget lines by a paragraph join it still is.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

SHORT_LINE = 6  # boilerplate lines this short are matched as whole body lines only


def _norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


def _time(value: str | None) -> str | None:
    if not value:
        return None
    match = re.search(r"(\d{1,2})\s*[:hH时]\s*(\d{2})", value)
    return f"{int(match[1]):02d}:{match[2]}" if match else None


@dataclass(frozen=True)
class Check:
    """One scored field: ok, with what was expected and what the build has."""

    ok: bool
    gold: object = None
    predicted: object = None


@dataclass(frozen=True)
class Count:
    """k of n gold items satisfied, and which were not."""

    k: int
    n: int
    failed: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.k == self.n


@dataclass(frozen=True)
class NewsScore:
    """Scores of one page."""

    doc_id: str
    title: Check
    date: Check
    time: Check
    authors: Check
    language: Check
    script: Check
    boilerplate_out: Count
    must_contain: Count
    images: Count
    notes: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict:
        return asdict(self)


def _body_has_line(body: str, line: str) -> int:
    """How often a boilerplate line is present in the body (see module docstring)."""
    line = _norm(line)
    if not line:
        return 0
    if len(line) <= SHORT_LINE:
        return len(re.findall(rf"(?<!\S){re.escape(line)}(?!\S)", _norm(body)))
    return _norm(body).count(line)


def score_news_record(document: Mapping, figures: Sequence[Mapping], gold: Mapping) -> NewsScore:
    """Score one built document (a `documents` row) and its `figures` rows against one gold record."""
    body = str(document.get("text") or "")
    flat_body = _norm(body)

    gold_title = gold.get("title")
    title = Check(_norm(document.get("title")) == _norm(gold_title) if gold_title else document.get("title") is None,
                  gold_title, document.get("title"))

    pred_date = document.get("published_date")
    pred_date = pred_date.isoformat() if hasattr(pred_date, "isoformat") else pred_date
    date = Check(pred_date == gold.get("date"), gold.get("date"), pred_date)

    gold_time = _time(gold.get("time"))
    pred_time = _time(document.get("published_time"))
    time = Check(pred_time == gold_time, gold_time, pred_time)

    gold_authors = sorted(_norm(a).casefold() for a in gold.get("authors") or [])
    pred_authors = sorted(_norm(a).casefold() for a in document.get("authors") or [])
    authors = Check(gold_authors == pred_authors, gold.get("authors") or [], list(document.get("authors") or []))

    pred_language = str(document.get("language") or "und").split("-")[0]
    language = Check(pred_language == gold.get("language"), gold.get("language"), pred_language)
    pred_script = document.get("script")
    script = Check(pred_script == gold.get("script"), gold.get("script"), pred_script)

    wanted = Counter(_norm(line) for line in gold.get("boilerplate_lines") or [])
    kept: list[str] = []
    out = 0
    for line, k in wanted.items():
        present = min(k, _body_has_line(body, line))
        out += k - present
        kept += [line] * present
    boilerplate = Count(out, sum(wanted.values()), tuple(kept))

    sentences = gold.get("must_contain") or []
    missing = tuple(s for s in sentences if _norm(s) not in flat_body)
    must_contain = Count(len(sentences) - len(missing), len(sentences), missing)

    labels = Counter(_norm(f.get("label")) for f in figures if f.get("kind") == "image")
    files = gold.get("image_files") or []
    absent = []
    for name in files:
        if labels[_norm(name)] > 0:
            labels[_norm(name)] -= 1
        else:
            absent.append(name)
    images = Count(len(files) - len(absent), len(files), tuple(absent))

    notes = []
    end_mark = gold.get("end_mark")
    if end_mark and flat_body.rstrip().endswith(_norm(end_mark)):
        notes.append(f"end mark {end_mark!r} still ends the body")
    return NewsScore(str(document.get("doc_id")), title, date, time, authors, language, script,
                     boilerplate, must_contain, images, tuple(notes))


FIELDS = ("title", "date", "time", "authors", "language", "script")
COUNTS = ("boilerplate_out", "must_contain", "images")


def summarise(scores: Sequence[NewsScore]) -> dict[str, str]:
    """Totals over pages: "k/n" per field."""
    total: dict[str, str] = {}
    for name in FIELDS:
        total[name] = f"{sum(getattr(s, name).ok for s in scores)}/{len(scores)}"
    for name in COUNTS:
        total[name] = f"{sum(getattr(s, name).k for s in scores)}/{sum(getattr(s, name).n for s in scores)}"
    return total


def format_news_scores(scores: Sequence[NewsScore]) -> str:
    """Markdown table, one row per page, then the totals and what failed."""
    mark = {True: "ok", False: "NO"}
    head = "| page | title | date | time | authors | lang | script | boilerplate out | must_contain | images |"
    lines = [head, "|---|---|---|---|---|---|---|---:|---:|---:|"]
    for s in scores:
        lines.append(
            f"| {s.doc_id[:40]} | " + " | ".join(mark[getattr(s, n).ok] for n in FIELDS) + " | "
            + " | ".join(f"{getattr(s, n).k}/{getattr(s, n).n}" for n in COUNTS) + " |"
        )
    total = summarise(scores)
    lines.append("| total | " + " | ".join(total[n] for n in FIELDS + COUNTS) + " |")
    lines.append("")
    for s in scores:
        problems = [f"{n}: gold {getattr(s, n).gold!r}, built {getattr(s, n).predicted!r}" for n in FIELDS if not getattr(s, n).ok]
        problems += [f"{n} failed: {list(getattr(s, n).failed)}" for n in COUNTS if getattr(s, n).failed]
        problems += list(s.notes)
        if problems:
            lines.append(f"- {s.doc_id}:")
            lines += [f"    - {p}" for p in problems]
    return "\n".join(lines) + "\n"


def is_news_gold(record: Mapping) -> bool:
    """A gold record in the devset-news format: genre news, or news fields without a genre."""
    genre = record.get("genre")
    return genre == "news" or (genre is None and any(k in record for k in ("boilerplate_lines", "body_paragraph_count", "metadata_lines")))


def score_news_build(folder: Path, gold_path: Path) -> list[NewsScore]:
    """Score every page of the gold file that the build in `folder` holds (I/O wrapper over the pure scorer)."""
    import pyarrow.parquet as pq

    from corpus.read import doc_id_for

    records = json.loads(gold_path.read_text(encoding="utf-8"))
    documents = {d["doc_id"]: d for d in pq.read_table(folder / "documents").to_pylist()}
    figures: dict[str, list[dict]] = {}
    for f in pq.read_table(folder / "figures").to_pylist():
        figures.setdefault(f["doc_id"], []).append(f)
    scores = []
    for record in records:
        if not is_news_gold(record):  # report records go to corpus.evaluate_structure
            continue
        doc_id = doc_id_for(record["file"])
        if doc_id in documents:
            scores.append(score_news_record(documents[doc_id], figures.get(doc_id, []), record))
    return scores
