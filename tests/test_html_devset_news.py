"""The devset-news articles as HTML pages (tests/data/html, made by make_pages.py) build like their text versions.

Each page wraps the article of one /work/shared/devset-news item in page chrome (cookie banner, menu,
breadcrumb, byline, share buttons, tags, related links, newsletter prompt, footer, Open Graph, JSON-LD).
Through the pipeline (read -> structure, no NER) the page must give the text version's body exactly, the
gold's title, date, time and authors, and none of the chrome.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from corpus.pipeline import Options, process_document
from corpus.read import SourceDocument, read_seeds

from corpus.readers.html import read_html
from corpus.structure.news import structure_news
from corpus.structure.news_html import apply_markup, page_text

from .data.html.make_pages import CHROME, with_inline_chrome

DEVSET = Path("/work/shared/devset-news")
PAGES = Path(__file__).parent / "data" / "html"
pytestmark = pytest.mark.skipif(not (DEVSET / "gold.json").exists(), reason="no news development set")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, tuple]:
    """doc_id -> (html document, text document, figures of the html document, gold record)."""
    folder = tmp_path_factory.mktemp("pages")
    for page in PAGES.glob("*.html"):
        shutil.copy(page, folder / page.name)
    gold = {Path(g["file"]).stem: g for g in json.loads((DEVSET / "gold.json").read_text(encoding="utf-8"))}
    out = {}
    for source in read_seeds(folder):
        html = process_document(source, Options(ner=False))
        raw = (DEVSET / gold[source.doc_id]["file"]).read_text(encoding="utf-8")
        text_source = SourceDocument(source.doc_id, source.doc_id + ".txt", "0" * 64, len(raw), raw, None)
        text = process_document(text_source, Options(ner=False))
        out[source.doc_id] = (html.document, text.document, html.figures, gold[source.doc_id])
    return out


def test_html_devset_every_page_is_built(built):
    assert len(built) == 10


def test_html_devset_body_is_the_text_versions_body(built):
    assert [doc_id for doc_id, (html, text, _, _) in built.items() if html.text != text.text] == []


def test_html_devset_title_date_time_authors_are_the_golds(built):
    wrong = []
    for doc_id, (html, _, _, gold) in built.items():
        got = (html.title, html.published_date.isoformat() if html.published_date else None,
               (html.published_time or "")[:5] or None, list(html.authors))
        want = (gold["title"], gold["date"], (gold.get("time") or "").replace("h", ":")[:5] or None, gold["authors"])
        if got != want:
            wrong.append((doc_id, got, want))
    assert wrong == []


def test_html_devset_no_page_chrome_in_the_body(built):
    leaked = []
    for doc_id, (html, text, _, gold) in built.items():
        words = CHROME[gold["language"]]
        phrases = [words["cookie"], words["subscribe"], words["related"], words["rights"], *words["menu"], *words["share"], *words["links"]]
        leaked += [(doc_id, p) for p in phrases if html.text.count(p) > text.text.count(p)]  # "科技" is also a word of 407
    assert leaked == []


def test_html_devset_metadata_origins_name_the_markup(built):
    for html, _, _, gold in built.values():
        origins = {o.field: o.origin for o in html.field_origins}
        assert origins["publisher"] == "json_ld"
        assert (html.url, origins["url"]) == (gold["origin"], "html_meta")  # the canonical link
        if gold["title"]:
            assert origins["title"] == "json_ld"
        if gold["date"]:
            assert origins["published_date"] == "json_ld"


def test_html_devset_images_and_credits_become_figures(built):
    for html, _, figures, gold in built.values():
        labels = [f.label for f in figures if f.kind == "image"]
        assert all(name in labels for name in gold.get("image_files") or [])
        if gold.get("photo_credit"):
            assert gold["photo_credit"] in [f.source for f in figures]


def test_html_devset_chrome_inside_the_article_body_stays_out_too():
    """A byline, share labels, a related link and a tag line inside the article's own <div> (where the
    extractor cannot tell them from the article by position) are removed by the extractor or the news rules."""
    different = []
    for gold in json.loads((DEVSET / "gold.json").read_text(encoding="utf-8")):
        stem = Path(gold["file"]).stem
        markup = with_inline_chrome((PAGES / (stem + ".html")).read_text(encoding="utf-8"), gold)
        assert "Web Desk" in markup and CHROME[gold["language"]]["links"][0].replace("'", "&#x27;") in markup
        layout = read_html(stem + ".html", markup)
        html = apply_markup(structure_news(page_text(layout)), layout)
        text = structure_news((DEVSET / gold["file"]).read_text(encoding="utf-8"))
        if (html.text, html.title) != (text.text, text.title):
            different.append(stem)
    assert different == []
