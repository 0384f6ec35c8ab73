"""News structure on the fourth round's held-out pages (tests/data/news5_heldout), text and HTML.

Four constructed pages (en think-tank event page, fr embassy communiqué, zh-Hans government portal, zh-Hant
university news; 730 and 732 also as HTML) whose gold was written before the builder ran on them; scored
before the round and once at its end (their README has both). The floors are the end-of-round scores: a
change that makes news structure worse on them fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.evaluate_news import COUNTS, FIELDS, score_news_record
from corpus.readers.html import read_html
from corpus.structure import structure_document
from corpus.structure.language import detect_language
from corpus.structure.news import structure_news
from corpus.structure.news_html import apply_markup, page_text

FOLDER = Path(__file__).parent / "data" / "news5_heldout"
GOLD = json.loads((FOLDER / "gold.json").read_text(encoding="utf-8"))
FLOORS = {
    "txt": {**dict.fromkeys(FIELDS, 4), "boilerplate_out": 51, "must_contain": 19, "images": 3},
    "html": {**dict.fromkeys(FIELDS, 2), "boilerplate_out": 26, "must_contain": 10},
}


def _score(doc, record: dict):
    language = doc.language or detect_language(doc.text)
    document = {
        "doc_id": record["file"], "text": doc.text, "title": doc.title, "published_date": doc.published_date,
        "published_time": doc.published_time, "authors": list(doc.authors), "language": language,
        "script": doc.script if language.split("-")[0] == "zh" else None,
    }
    return score_news_record(document, [{"kind": f.kind, "label": f.label} for f in doc.figures], record)


@pytest.fixture(scope="module")
def totals() -> dict:
    out = {kind: dict.fromkeys((*FIELDS, *COUNTS), 0) for kind in FLOORS}
    for record in GOLD:
        docs = {"txt": structure_document((FOLDER / record["file"]).read_text(encoding="utf-8"))}
        if record.get("html"):
            layout = read_html(record["html"], (FOLDER / record["html"]).read_text(encoding="utf-8"))
            docs["html"] = apply_markup(structure_news(page_text(layout)), layout)
        for kind, doc in docs.items():
            score = _score(doc, record)
            for name in FIELDS:
                out[kind][name] += getattr(score, name).ok
            for name in COUNTS:
                out[kind][name] += getattr(score, name).k
    return out


@pytest.mark.parametrize(("kind", "measure"), [(k, m) for k in sorted(FLOORS) for m in sorted(FLOORS[k])])
def test_news5_heldout_scores_hold(totals, kind, measure):
    assert totals[kind][measure] >= FLOORS[kind][measure]


def test_news5_heldout_gold_strings_occur_in_the_pages():
    for record in GOLD:
        text = (FOLDER / record["file"]).read_text(encoding="utf-8")
        stripped = [line.strip() for line in text.split("\n")]
        assert all(line.strip() in stripped for line in record["boilerplate_lines"]), record["file"]
        assert all(sentence in text for sentence in record["must_contain"]), record["file"]
        assert all(m in text for e in record["entities"] for m in e["mentions"]), record["file"]
