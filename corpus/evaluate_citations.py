"""Scoring of parsed citations against hand-written gold (tests/gold/citations_*.json), per document.

Pure functions, no I/O. Within each footnote, gold and predicted references (every kind but
`comment`) are paired one-to-one: first by the number of fields they agree on (title, url, authors,
container, date; at least one), then the rest in order. Measures:

- detection: precision/recall/F1 of the pairing (a reference found in a note that cites it);
- per-field accuracy over paired references where gold or prediction has the field (a field both
  leave empty is not counted): authors (as a set of names), title, title_translation, container,
  date, url, type, language, kind;
- ibid resolution: of the gold ibid and short forms, the share whose prediction is paired and points
  back to the prediction paired with the gold's target.
Values are compared after Unicode normalisation, case folding and removal of quotes and punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from corpus.evaluate import Score

FIELDS = ("authors", "title", "title_translation", "container", "date", "url", "type", "language", "kind")
_MATCH_FIELDS = ("title", "url", "authors", "container", "date")


def _norm(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Mapping):
        value = value.get("text")
    text = unicodedata.normalize("NFKC", str(value)).casefold()
    text = re.sub(r"[\"“”‘’'«».,:;!?()\[\]]", " ", text)
    return " ".join(text.split())


def _value(row: Mapping, name: str) -> object:
    """Comparable value of one field of a gold or predicted reference."""
    if name == "authors":
        return frozenset(n for n in (_norm(a) for a in row.get("authors") or ()) if n)
    if name == "url":
        return _norm(row.get("url")).rstrip("/ ")
    return _norm(row.get(name))


def _similarity(g: Mapping, p: Mapping) -> int:
    return sum(1 for f in _MATCH_FIELDS if _value(g, f) and _value(g, f) == _value(p, f))


@dataclass(frozen=True)
class CitationReport:
    doc_id: str
    detection: Score
    fields: dict[str, tuple[int, int]]  # field -> (correct, counted)
    ibid: tuple[int, int]  # (resolved, gold ibid + short forms)
    errors: tuple[str, ...]

    def as_dict(self) -> dict:
        return {
            "detection": self.detection.as_dict(),
            "fields": {f: {"correct": c, "n": n, "accuracy": round(c / n, 4) if n else None} for f, (c, n) in self.fields.items()},
            "ibid": {"resolved": self.ibid[0], "n": self.ibid[1], "accuracy": round(self.ibid[0] / self.ibid[1], 4) if self.ibid[1] else None},
            "errors": list(self.errors),
        }


def _pair(gold: Sequence[Mapping], pred: Sequence[Mapping]) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    scored = sorted(((_similarity(g, p), -abs(gi - pi), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)), reverse=True)
    for sim, _, gi, pi in scored:
        if sim >= 1 and gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    rest_g = [i for i in range(len(gold)) if i not in used_g]
    rest_p = [i for i in range(len(pred)) if i not in used_p]
    pairs.extend(zip(rest_g, rest_p))
    return pairs


def score_citations(doc_id: str, gold_notes: Sequence[Mapping], predicted: Mapping[int, Sequence[Mapping]]) -> CitationReport:
    """`gold_notes`: the gold file's footnotes (`n`, `citations`); `predicted[n]`: predicted rows of note n
    with `ordinal`, `kind`, `authors` (names), `title`, ..., `refers_to` as (note, ordinal) or None."""
    tp = n_pred = n_gold = 0
    fields = {f: [0, 0] for f in FIELDS}
    errors: list[str] = []
    link: dict[tuple[int, int], tuple[int, int]] = {}  # gold (note, ordinal) -> predicted (note, ordinal)
    paired: list[tuple[int, Mapping, Mapping | None]] = []
    for note in gold_notes:
        n = int(note["n"])
        gold = [c for c in note.get("citations", ()) if c.get("kind") != "comment"]
        pred = [c for c in predicted.get(n, ()) if c.get("kind") != "comment"]
        n_gold += len(gold)
        n_pred += len(pred)
        pairs = _pair(gold, pred)
        tp += len(pairs)
        matched_g = {gi for gi, _ in pairs}
        for gi, g in enumerate(gold):
            if gi not in matched_g:
                errors.append(f"note {n}: missed {g.get('kind')} {_norm(g.get('title')) or _norm(g.get('url')) or sorted(_value(g, 'authors'))}")
                paired.append((n, g, None))
        for pi, p in enumerate(pred):
            if pi not in {pi for _, pi in pairs}:
                errors.append(f"note {n}: spurious {p.get('kind')} {_norm(p.get('title')) or _norm(p.get('url')) or sorted(_value(p, 'authors'))}")
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            link[(n, int(g["ordinal"]))] = (n, int(p["ordinal"]))
            paired.append((n, g, p))
            for f in FIELDS:
                gv, pv = _value(g, f), _value(p, f)
                if gv or pv:
                    fields[f][1] += 1
                    if gv == pv:
                        fields[f][0] += 1
                    else:
                        errors.append(f"note {n}: {f} {_short(gv)} != predicted {_short(pv)}")
    resolved = total = 0
    for n, g, p in paired:
        ref = g.get("refers_to")
        if g.get("kind") not in ("ibid", "short") or not ref:
            continue
        total += 1
        target = link.get((int(ref["note"]), int(ref["ordinal"])))
        got = p.get("refers_to") if p else None
        got = tuple(got) if got else None
        if p is not None and target is not None and got == target:
            resolved += 1
        else:
            errors.append(f"note {n}: {g.get('kind')} should refer to note {ref['note']}.{ref['ordinal']}, predicted {got}")
    return CitationReport(doc_id, Score(tp, n_pred, n_gold), {f: (c, k) for f, (c, k) in fields.items()}, (resolved, total), tuple(errors))


def _short(value: object) -> str:
    text = ", ".join(sorted(value)) if isinstance(value, frozenset) else str(value)
    return repr(text[:70])


def combine(reports: Sequence[CitationReport], doc_id: str = "overall") -> CitationReport:
    det = sum((r.detection for r in reports), Score(0, 0, 0))
    fields = {f: (sum(r.fields[f][0] for r in reports), sum(r.fields[f][1] for r in reports)) for f in FIELDS}
    ibid = (sum(r.ibid[0] for r in reports), sum(r.ibid[1] for r in reports))
    return CitationReport(doc_id, det, fields, ibid, ())


def predicted_from_parse(citations) -> dict[int, list[dict]]:
    """Predicted rows by note number from `corpus.enrich.citations.ParsedCitation`s."""
    rows: dict[int, list[dict]] = {}
    for c in citations:
        rows.setdefault(c.note, []).append(
            {
                "ordinal": c.ordinal,
                "kind": c.kind,
                "authors": [a.value for a in c.authors],
                "title": c.title.value if c.title else None,
                "title_translation": c.title_translation.value if c.title_translation else None,
                "container": c.container.value if c.container else None,
                "date": c.date.value if c.date else None,
                "url": c.url.value if c.url else None,
                "type": c.type,
                "language": c.language,
                "refers_to": c.refers_to,
            }
        )
    return rows
