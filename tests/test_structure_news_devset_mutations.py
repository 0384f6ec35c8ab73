"""The development pages with other sites' furniture added (/work/shared/devset-news).

Each real page gets, at the place a site would print them, a share-widget and reader-tool run after its
metadata block, an unlabelled or French byline under its headline, and an author's note, tag line,
newsletter prompt, advert slot and photo credit after its last sentence. The headline, the gold sentences,
the authors and the date must come out as on the unmodified page, and none of the added lines may stay
in the text. (The added lines are written for the test; the pages are the devset's.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.structure.news import structure_news

DEVSET = Path("/work/shared/devset-news")
pytestmark = pytest.mark.skipif(not (DEVSET / "gold.json").exists(), reason="no news development set")

WIDGETS = {
    "en": ["Share", "Facebook", "Twitter", "LinkedIn", "Email", "Print", "5 min read", "Listen to this article", "Save"],
    "fr": ["Partager", "Facebook", "Twitter", "Imprimer", "Temps de lecture : 3 min.", "Lire plus tard", "Écouter cet article"],
    "zh": ["分享", "微信", "微博", "QQ空间", "阅读时间：3分钟", "字号：大 中 小", "收藏"],
}
BYLINES = {
    "en": ("Jane Roe and John Doe", ("Jane Roe", "John Doe")),
    "fr": ("Par Claire Dubois (Paris, correspondante)", ("Claire Dubois",)),
    "zh": ("记者 李明 通讯员 王芳", ("李明", "王芳")),
}
TAILS = {
    "en": ["Jane Roe is a senior fellow at the Harbour Institute.", "Tags: AI, China", "Sign up for our newsletter",
           "Advertisement", "Photo: Reuters"],
    "fr": ["Claire Dubois est correspondante à Paris.", "Mots-clés : données, réseaux",
           "Inscrivez-vous à notre lettre d'information.", "Publicité", "Photo : AFP"],
    "zh": ["（作者系海港研究院研究员）", "标签：数据 治理", "广告", "图片来源：新华社"],
}


def _records():
    if not (DEVSET / "gold.json").exists():
        return []
    return json.loads((DEVSET / "gold.json").read_text(encoding="utf-8"))


def _index(lines, wanted):
    return [i for i, line in enumerate(lines) if line.strip() in wanted]


@pytest.mark.parametrize("gold", _records(), ids=lambda g: g["file"][:3])
def test_structure_news_devset_page_with_share_and_reader_widgets(gold):
    lines = (DEVSET / gold["file"]).read_text(encoding="utf-8").split("\n")
    first = min(i for i, line in enumerate(lines) if any(m in line for m in gold["must_contain"]))
    metas = _index(lines[:first], {m.strip() for m in gold.get("metadata_lines", [])})
    titles = _index(lines[:first], {(gold.get("title_line") or "").strip()} - {""})
    at = (metas or titles or [first - 1])[-1] + 1
    widgets = WIDGETS[gold["language"]]
    doc = structure_news("\n".join(lines[:at] + widgets + lines[at:]))
    assert doc.title == gold["title"]
    assert all(m in doc.text for m in gold["must_contain"])
    assert not set(widgets) & set(doc.text.split("\n\n"))
    assert doc.authors == tuple(gold.get("authors") or ())
    assert str(doc.published_date) == str(gold.get("date"))


@pytest.mark.parametrize("gold", _records(), ids=lambda g: g["file"][:3])
def test_structure_news_devset_page_with_byline_and_end_furniture(gold):
    lines = (DEVSET / gold["file"]).read_text(encoding="utf-8").split("\n")
    language = gold["language"]
    titles = _index(lines, {(gold.get("title_line") or "").strip()} - {""})
    authors = tuple(gold.get("authors") or ())
    if titles and not authors:
        line, authors = BYLINES[language]
        lines = lines[: titles[-1] + 1] + [line] + lines[titles[-1] + 1 :]
    last = max(i for i, line in enumerate(lines) if any(m in line for m in gold["must_contain"]))
    lines = lines[: last + 1] + TAILS[language] + lines[last + 1 :]
    doc = structure_news("\n".join(lines))
    assert doc.title == gold["title"]
    assert doc.authors == authors
    assert all(m in doc.text for m in gold["must_contain"])
    assert not [t for t in TAILS[language] if t in doc.text]
