"""Tests for `corpus.evaluate_news`: scoring one built news page against a devset-news gold record."""

from __future__ import annotations

import datetime as dt
import json

from typer.testing import CliRunner

from corpus.evaluate_news import format_news_scores, score_news_record, summarise

GOLD = {
    "file": "900_example-page.txt",
    "language": "zh",
    "script": "Hant",
    "title": "研究院舉辦研討會",
    "date": "2024-09-03",
    "time": "15h20",
    "authors": ["李小明"],
    "boilerplate_lines": ["現在位置：首頁 > 財經", "0", "0", "評論", "來源：海港研究院"],
    "must_contain": ["專家們認為，規則需要兼顧安全與發展。"],
    "image_files": ["meeting.jpg"],
}


def _doc(**changes):
    doc = {
        "doc_id": "900_example-page",
        "title": "研究院舉辦研討會",
        "published_date": dt.date(2024, 9, 3),
        "published_time": "15:20:00",
        "authors": ["李小明"],
        "language": "zh",
        "script": "Hant",
        "text": "海港研究院舉辦研討會，專家出席。\n\n專家們認為，規則需要兼顧安全與發展。",
    }
    doc.update(changes)
    return doc


FIGURES = [{"doc_id": "900_example-page", "label": "meeting.jpg", "kind": "image"}]


def test_evaluate_news_perfect_page():
    score = score_news_record(_doc(), FIGURES, GOLD)
    for name in ("title", "date", "time", "authors", "language", "script"):
        assert getattr(score, name).ok, name
    assert (score.boilerplate_out.k, score.boilerplate_out.n) == (5, 5)
    assert (score.must_contain.k, score.must_contain.n) == (1, 1)
    assert (score.images.k, score.images.n) == (1, 1)


def test_evaluate_news_each_field_can_fail():
    score = score_news_record(
        _doc(title="現在位置：首頁 > 財經", published_date=None, published_time=None, authors=["海港研究院"],
             language="en", script="Hans", text="現在位置：首頁 > 財經\n\n0 支持 0 好喎\n\n評論"),
        [], GOLD,
    )
    for name in ("title", "date", "time", "authors", "language", "script"):
        assert not getattr(score, name).ok, name
    assert score.boilerplate_out.failed == ("現在位置:首頁 > 財經", "0", "0", "評論")  # only the source line is out
    assert score.must_contain.k == 0
    assert score.images.failed == ("meeting.jpg",)


def test_evaluate_news_short_lines_match_as_tokens_not_inside_numbers():
    score = score_news_record(_doc(text="In 2020 the number rose to 105.\n\n評論區開放後，讀者留言。"), FIGURES, GOLD)
    assert score.boilerplate_out.k == 5  # "0" inside "2020"/"105" and "評論" inside a sentence are not the lines


def test_evaluate_news_null_title_and_date_score_when_both_null():
    gold = dict(GOLD, title=None, date=None, time=None)
    assert score_news_record(_doc(title=None, published_date=None, published_time=None), FIGURES, gold).title.ok
    assert not score_news_record(_doc(title="First sentence of the body."), FIGURES, gold).title.ok


def test_evaluate_news_format_and_summary():
    scores = [score_news_record(_doc(), FIGURES, GOLD), score_news_record(_doc(title="x"), FIGURES, GOLD)]
    assert summarise(scores)["title"] == "1/2"
    table = format_news_scores(scores)
    assert "| total |" in table and "title: gold" in table


def test_evaluate_news_cli(tmp_path):
    from corpus.cli import app

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "900_example-page.txt").write_text(
        "Home > News\n\nHarbour Institute Opens Office\n\nPosted: March 3, 2025 | By Ana Lima\n\n"
        "The Harbour Institute opened an office in Lisbon on Thursday, its director said at a press event.\n",
        encoding="utf-8",
    )
    gold = [{"file": "900_example-page.txt", "language": "en", "script": None, "title": "Harbour Institute Opens Office",
             "date": "2025-03-03", "authors": ["Ana Lima"], "boilerplate_lines": ["Home > News"],
             "must_contain": ["The Harbour Institute opened an office in Lisbon on Thursday, its director said at a press event."],
             "image_files": []}]
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "build"
    result = runner.invoke(app, ["build", "--seeds", str(seeds), "--out", str(out), "--no-ner", "--no-cache"])
    assert result.exit_code == 0, result.output
    for option in ("--news-gold", "--structure-gold"):  # one gold option serves reports and news
        result = runner.invoke(app, ["eval", str(out), option, str(gold_path)])
        assert result.exit_code == 0, result.output
        assert "| total | 1/1 | 1/1 | 1/1 | 1/1 | 1/1 | 1/1 | 1/1 | 1/1 | 0/0 |" in result.output
