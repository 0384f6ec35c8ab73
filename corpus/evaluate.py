"""Scoring of predicted entities against hand-written gold, per document and per language.

Pure functions, no I/O. Two measures:

- distinct entities: a gold entity is found when a predicted entity of the same label carries its
  normalised name, or any of its gold surface forms, among its own name, aliases or mention surfaces
  (one-to-one: each predicted entity can be matched once);
- mentions: the multiset of (normalised surface, label) pairs; each pair counts at most as often as
  it occurs on both sides.

Gold entities may carry `acceptable_types` (other labels that also count as right), `acceptable_span`
(another surface that also counts), `acceptable_split` (quoted parts that also count, for the entity) and `borderline` (optional: counted when found, not missed when not).

Only the labels the gold annotates are scored (`SCORED_LABELS`; NORP is a detection label that the
gold does not annotate, so NORP predictions are left out rather than counted as errors).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from corpus.enrich.names import normalise_name

__all__ = ["SCORED_LABELS", "Score", "evaluate_entities", "format_table", "normalise_name", "score_document"]

SCORED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "EVENT", "LAW", "PRODUCT"})


@dataclass(frozen=True)
class Score:
    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else (1.0 if not self.n_gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else (1.0 if not self.n_pred else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.n_pred + other.n_pred, self.n_gold + other.n_gold)

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "pred": self.n_pred, "gold": self.n_gold,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


ZERO = Score(0, 0, 0)


@dataclass(frozen=True)
class DocReport:
    doc_id: str
    language: str
    entities: Score
    mentions: Score
    missed: tuple[str, ...] = ()  # gold entities not found, "LABEL:name"
    spurious: tuple[str, ...] = ()  # predicted entities matching no gold entity, "LABEL:name"


@dataclass(frozen=True)
class Report:
    documents: tuple[DocReport, ...]
    by_language: dict[str, tuple[Score, Score]] = field(default_factory=dict)  # language -> (entities, mentions)
    overall: tuple[Score, Score] = (ZERO, ZERO)


def _label(ent: Mapping) -> str:
    return str(ent.get("label") or ent.get("type") or "")


def _keys(ent: Mapping) -> set[str]:
    label = _label(ent)
    names: list[str] = [str(ent.get("name", ""))]
    names += [str(a) for a in ent.get("aliases", ()) or ()]
    names += [m if isinstance(m, str) else str(m.get("text", "")) for m in ent.get("mentions", ()) or ()]
    return {k for k in (normalise_name(n, label) for n in names) if k}


def _labels(ent: Mapping) -> set[str]:
    return {_label(ent), *(str(t) for t in ent.get("acceptable_types", ()) or ())}


def _gold_keys(ent: Mapping) -> set[str]:
    keys = _keys(ent)
    if ent.get("acceptable_span"):
        keys.add(normalise_name(str(ent["acceptable_span"]), _label(ent)))
    # "ORG 'X' + ORG 'Y'", "ORG 'A' / 'B' alone": a prediction naming one of the quoted parts counts too
    for part in re.findall(r"'([^']+)'", str(ent.get("acceptable_split") or "")):
        keys.add(normalise_name(part, _label(ent)))
    return keys


def _surfaces(ent: Mapping) -> list[str]:
    return [m if isinstance(m, str) else str(m.get("text", "")) for m in ent.get("mentions", ()) or ()]


def score_document(gold: Sequence[Mapping], predicted: Sequence[Mapping],
                   labels: Iterable[str] = SCORED_LABELS) -> tuple[Score, Score, list[str], list[str]]:
    """Entity score, mention score, missed gold entities and spurious predicted entities for one document."""
    labels = frozenset(labels)
    gold = [g for g in gold if _labels(g) & labels]
    pred = [p for p in predicted if _label(p) in labels]
    pred_keys = [(_label(p), _keys(p)) for p in pred]
    pred_names = [normalise_name(str(p.get("name", "")), _label(p)) for p in pred]
    used: set[int] = set()
    matched: dict[int, int] = {}
    # pass 1: same name; pass 2: any shared name, alias or surface
    for strict in (True, False):
        for gi, g in enumerate(gold):
            if gi in matched:
                continue
            g_label, g_labels, g_keys = _label(g), _labels(g), _gold_keys(g)
            g_name = normalise_name(str(g.get("name", "")), g_label)
            hit = next((i for i, (lab, keys) in enumerate(pred_keys)
                        if i not in used and lab in g_labels and (pred_names[i] == g_name if strict else keys & g_keys)), None)
            if hit is not None:
                used.add(hit)
                matched[gi] = hit
    # an optional (borderline) gold entity that was not found is neither a miss nor part of the gold
    gold_kept = [(gi, g) for gi, g in enumerate(gold) if gi in matched or not g.get("borderline")]
    missed = [f"{_label(g)}:{g.get('name')}" for gi, g in gold_kept if gi not in matched]
    spurious = [f"{_label(p)}:{p.get('name')}" for i, p in enumerate(pred) if i not in used]
    ent_score = Score(len(used), len(pred), len(gold_kept))

    def bag(ents: Sequence[Mapping], label_of=_label) -> Counter:
        return Counter((normalise_name(s), label_of(e)) for e in ents for s in _surfaces(e))

    # a gold entity matched under one of its acceptable labels is scored with that label
    label_as = {gi: _label(pred[matched[gi]]) for gi, _ in gold_kept if gi in matched}
    g_bag = Counter((normalise_name(s), label_as.get(gi, _label(g))) for gi, g in gold_kept for s in _surfaces(g))
    p_bag = bag(pred)
    tp = sum((g_bag & p_bag).values())
    men_score = Score(tp, sum(p_bag.values()), sum(g_bag.values()))
    return ent_score, men_score, missed, spurious


def evaluate_entities(gold_docs: Mapping[str, Mapping], predicted_docs: Mapping[str, Sequence[Mapping]],
                      labels: Iterable[str] = SCORED_LABELS) -> Report:
    """Score every gold document; `gold_docs[doc_id]` has `language` and `entities` (name, type, mentions);
    `predicted_docs[doc_id]` is a list of entities (name, label or type, aliases, mentions as surfaces or
    dicts with `text`). A gold document without predictions scores zero recall."""
    labels = frozenset(labels)
    docs: list[DocReport] = []
    by_lang: dict[str, tuple[Score, Score]] = {}
    for doc_id in sorted(gold_docs):
        gdoc = gold_docs[doc_id]
        lang = str(gdoc.get("language", "und"))
        e, m, missed, spurious = score_document(gdoc.get("entities", ()), predicted_docs.get(doc_id, ()), labels)
        docs.append(DocReport(doc_id, lang, e, m, tuple(missed), tuple(spurious)))
        le, lm = by_lang.get(lang, (ZERO, ZERO))
        by_lang[lang] = (le + e, lm + m)
    overall = (sum((d.entities for d in docs), ZERO), sum((d.mentions for d in docs), ZERO))
    return Report(tuple(docs), dict(sorted(by_lang.items())), overall)


def report_as_dict(report: Report) -> dict:
    return {
        "documents": [{"doc_id": d.doc_id, "language": d.language, "entities": d.entities.as_dict(),
                       "mentions": d.mentions.as_dict(), "missed": list(d.missed), "spurious": list(d.spurious)}
                      for d in report.documents],
        "by_language": {k: {"entities": e.as_dict(), "mentions": m.as_dict()} for k, (e, m) in report.by_language.items()},
        "overall": {"entities": report.overall[0].as_dict(), "mentions": report.overall[1].as_dict()},
    }


def format_table(report: Report) -> str:
    """Plain-text table: one row per document, per language and overall."""
    head = f"{'document':<34} {'lang':<4} {'ent P':>6} {'ent R':>6} {'ent F1':>6}  {'men P':>6} {'men R':>6} {'men F1':>6}"
    rows = [head, "-" * len(head)]

    def row(name: str, lang: str, e: Score, m: Score) -> str:
        return (f"{name[:34]:<34} {lang:<4} {e.precision:6.3f} {e.recall:6.3f} {e.f1:6.3f}  "
                f"{m.precision:6.3f} {m.recall:6.3f} {m.f1:6.3f}")

    for d in report.documents:
        rows.append(row(d.doc_id, d.language, d.entities, d.mentions))
    rows.append("-" * len(head))
    for lang, (e, m) in report.by_language.items():
        rows.append(row(f"language {lang}", lang, e, m))
    rows.append(row("overall", "", *report.overall))
    return "\n".join(rows)
