"""News structure on constructed pages written before the rules they measure (tests/data/news_unseen3).

Eight short pages with site habits the devset-news pages do not show (a think-tank "News & Events" item, a
French article with publication and update stamps on one line, Taiwan government releases dated in the
Republic-of-China era, a Chinese newspaper site with 来源/作者/责任编辑, an HTML title "Headline | Site", a page
without any date). Their gold (devset-news format, structure fields) was written by reading them before the
builder ran on them. 420-423 (`dev`) were tuned on; 424-427 (`heldout`) were scored before the rules and once
after them. The floors below are the measured scores after this round: a change that makes news structure
worse on them fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.evaluate_news import COUNTS, FIELDS, score_news_record
from corpus.structure import structure_document
from corpus.structure.language import detect_language

FOLDER = Path(__file__).parent / "data" / "news_unseen3"
GOLD = json.loads((FOLDER / "gold.json").read_text(encoding="utf-8"))

# fields each split gets right (pages out of 4, or items k of n), as measured after this round
FLOORS = {
    "dev": {**dict.fromkeys(FIELDS, 4), "boilerplate_out": 57, "must_contain": 19, "images": 2, "paragraphs": 4},
    # held out; before this round: title 3, date 3, time 3, boilerplate 48/50; after it title 3, boilerplate 49/50
    # (427's '發布機關' line taken for the title, its '（X提供）' caption left in the text); both classes fixed by
    # the next round's rules (issuing-organ labels, captions closed by a bracketed credit), so no longer held out
    "heldout": {**dict.fromkeys(FIELDS, 4), "boilerplate_out": 50, "must_contain": 16, "images": 3,
                "paragraphs": 4},
}


def _score(record: dict):
    doc = structure_document((FOLDER / record["file"]).read_text(encoding="utf-8"))
    language = doc.language or detect_language(doc.text)
    document = {
        "doc_id": record["file"], "text": doc.text, "title": doc.title, "published_date": doc.published_date,
        "published_time": doc.published_time, "authors": list(doc.authors), "language": language,
        "script": doc.script if language.split("-")[0] == "zh" else None,
    }
    figures = [{"kind": f.kind, "label": f.label} for f in doc.figures]
    paragraphs = len([p for p in doc.text.split("\n\n") if p.strip()])
    return score_news_record(document, figures, record), paragraphs == record["body_paragraph_count"]


@pytest.fixture(scope="module")
def totals() -> dict:
    out: dict = {}
    for record in GOLD:
        score, paragraphs_ok = _score(record)
        split = out.setdefault(record["split"], dict.fromkeys((*FIELDS, *COUNTS, "paragraphs"), 0))
        for name in FIELDS:
            split[name] += getattr(score, name).ok
        for name in COUNTS:
            split[name] += getattr(score, name).k
        split["paragraphs"] += paragraphs_ok
    return out


@pytest.mark.parametrize(("split", "measure"), [(s, m) for s in sorted(FLOORS) for m in sorted(FLOORS[s])])
def test_structure_news_unseen3_scores_hold(totals, split, measure):
    assert totals[split][measure] >= FLOORS[split][measure]


def test_structure_news_unseen3_gold_strings_occur_in_the_pages():
    for record in GOLD:
        text = (FOLDER / record["file"]).read_text(encoding="utf-8")
        stripped = [line.strip() for line in text.split("\n")]
        assert all(line.strip() in stripped for line in record["boilerplate_lines"]), record["file"]
        assert all(sentence in text for sentence in record["must_contain"]), record["file"]
