"""News structure on the lead's held-out page of session 6 (tests/data/news_unseen6): a zh-Hans city-government
portal item (breadcrumb, 来源/发布时间/字号 line with ideographic spaces, 【打印】【关闭】 links, 责任编辑, related
links, copyright with an ICP number). Gold written before any build; scored before the session's rounds (all
right) and after them (all right); the floor keeps it so."""

from __future__ import annotations

import json
from pathlib import Path

from corpus.evaluate_news import COUNTS, FIELDS, score_news_record
from corpus.structure import structure_document
from corpus.structure.language import detect_language

FOLDER = Path(__file__).parent / "data" / "news_unseen6"


def test_news_unseen6_page_structure_is_all_right():
    (record,) = json.loads((FOLDER / "gold.json").read_text(encoding="utf-8"))
    doc = structure_document((FOLDER / record["file"]).read_text(encoding="utf-8"))
    language = doc.language or detect_language(doc.text)
    document = {"doc_id": record["file"], "text": doc.text, "title": doc.title, "published_date": doc.published_date,
                "published_time": doc.published_time, "authors": list(doc.authors), "language": language,
                "script": doc.script if language.split("-")[0] == "zh" else None}
    score = score_news_record(document, [{"kind": f.kind, "label": f.label} for f in doc.figures], record)
    assert all(getattr(score, name).ok for name in FIELDS)
    assert all(getattr(score, name).k == getattr(score, name).n for name in COUNTS)
    assert len([p for p in doc.text.split("\n\n") if p.strip()]) == record["body_paragraph_count"]
