"""Wrap each devset-news article in realistic web-page chrome: the HTML fixtures of the native-HTML test.

    python tests/data/html/make_pages.py [DEVSET_NEWS_FOLDER]   # default /work/shared/devset-news

For every gold record the article is what a reader of the text version reads: the stored text minus the
gold's title line(s) and boilerplate lines, one `<p>` per remaining line. Around it the page carries what
sites put there: `<html lang>`, `<title>` with the site name, Open Graph and `article:` meta tags, a
JSON-LD NewsArticle, a cookie banner, a header with the site name and a navigation menu, a breadcrumb,
the headline as `<h1>`, a byline with a `<time>`, share buttons, a `<figure>` per image file or photo
credit of the gold, tags, a related-links box and a footer. Metadata comes from the gold record (title,
date, time, authors, image files, photo credit); what the gold leaves null is left out of the markup.
The chrome words are the same for every page of a language, never taken from the article.
"""

from __future__ import annotations

import html
import json
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).parent

CHROME = {
    "en": {
        "cookie": "We use cookies to improve your experience on our website. By continuing to browse, you agree to our use of cookies.",
        "accept": "Accept all", "settings": "Cookie settings",
        "menu": ["Home", "News", "Research", "Events", "Publications", "About us", "Contact"],
        "crumb": ["Home", "News"], "by": "By", "share": ["Share on Facebook", "Share on X", "Share on LinkedIn", "Email", "Print"],
        "tags": "Tags", "tag_words": ["digital economy", "technology"],
        "related": "Related articles",
        "links": ["Experts discuss the future of data governance", "New report on platform regulation released",
                  "Forum on artificial intelligence held in Beijing"],
        "footer": ["About us", "Contact", "Privacy policy", "Terms of use", "Sitemap"], "rights": "All rights reserved.",
        "subscribe": "Subscribe to our newsletter", "top": "Back to top",
    },
    "fr": {
        "cookie": "Ce site utilise des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez leur utilisation.",
        "accept": "Tout accepter", "settings": "Paramètres des cookies",
        "menu": ["Accueil", "Actualités", "Chine", "Monde", "Économie", "Culture", "Contact"],
        "crumb": ["Accueil", "Actualités"], "by": "Par", "share": ["Partager sur Facebook", "Partager sur X", "Envoyer par e-mail", "Imprimer"],
        "tags": "Mots-clés", "tag_words": ["numérique", "technologie"],
        "related": "À lire aussi",
        "links": ["Un forum sur la gouvernance des données se tient à Pékin", "Publication d'un rapport sur l'économie numérique",
                  "Des experts débattent de l'intelligence artificielle"],
        "footer": ["Qui sommes-nous", "Contact", "Mentions légales", "Confidentialité", "Plan du site"], "rights": "Tous droits réservés.",
        "subscribe": "Abonnez-vous à notre lettre d'information", "top": "Haut de page",
    },
    "zh": {
        "cookie": "本网站使用Cookie以改善您的浏览体验。继续浏览即表示您同意我们使用Cookie。",
        "accept": "接受", "settings": "Cookie设置",
        "menu": ["首页", "新闻", "国内", "国际", "财经", "科技", "联系我们"],
        "crumb": ["首页", "新闻"], "by": "作者：", "share": ["分享到微信", "分享到微博", "分享到QQ空间", "打印"],
        "tags": "标签", "tag_words": ["数字经济", "科技"],
        "related": "相关新闻",
        "links": ["专家研讨数据治理的未来", "平台经济监管报告发布", "人工智能论坛在京举行"],
        "footer": ["关于我们", "联系我们", "隐私政策", "使用条款", "网站地图"], "rights": "版权所有",
        "subscribe": "订阅我们的新闻简报", "top": "返回顶部",
    },
}


def article_lines(text: str, gold: dict) -> list[str]:
    """The article's paragraphs: the stored lines minus the title line(s) and the boilerplate lines."""
    drop = Counter(line.strip() for line in gold.get("boilerplate_lines") or [])
    if gold.get("title_line"):
        drop[gold["title_line"].strip()] += gold.get("title_line_count") or 1
    kept = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if drop[stripped] > 0:
            drop[stripped] -= 1
            continue
        kept.append(stripped)
    return kept


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def page(text: str, gold: dict) -> str:
    """The HTML page of one gold record (see module docstring)."""
    language = gold["language"]
    words = CHROME[language]
    lang_tag = f"{language}-{gold['script']}" if gold.get("script") else language
    host = urlsplit(gold["origin"]).hostname or "example.org"
    site = host.removeprefix("www.").removeprefix("stage.")
    title = gold.get("title")
    date = gold.get("date")
    time = (gold.get("time") or "").replace("h", ":")
    stamp = (f"{date}T{time if len(time) > 5 else time + ':00'}+08:00" if time else date) if date else None
    authors = gold.get("authors") or []

    head = [f'<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(title + ' - ' + site if title else site)}</title>",
            f'<meta property="og:site_name" content="{_e(site)}">', '<meta property="og:type" content="article">',
            f'<meta property="og:url" content="{_e(gold["origin"])}">', f'<link rel="canonical" href="{_e(gold["origin"])}">']
    if title:
        head.append(f'<meta property="og:title" content="{_e(title)}">')
    if stamp:
        head.append(f'<meta property="article:published_time" content="{stamp}">')
    head += [f'<meta name="author" content="{_e(a)}">' for a in authors]
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "mainEntityOfPage": gold["origin"],
          "publisher": {"@type": "Organization", "name": site}}
    if title:
        ld["headline"] = title
    if stamp:
        ld["datePublished"] = stamp
    if authors:
        ld["author"] = [{"@type": "Person", "name": a} for a in authors]
    head.append(f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')
    head.append('<link rel="stylesheet" href="/static/site.css">')

    menu = "".join(f'<li><a href="/{i}/">{_e(m)}</a></li>' for i, m in enumerate(words["menu"]))
    crumb = " &gt; ".join(f'<a href="/">{_e(c)}</a>' for c in words["crumb"])
    share = "".join(f'<li><a href="#" class="share-{i}">{_e(s)}</a></li>' for i, s in enumerate(words["share"]))
    byline = []
    if authors:
        byline.append(f'<span class="author">{_e(words["by"])} {_e(", ".join(authors))}</span>')
    if date:
        byline.append(f'<time datetime="{stamp}" class="published">{date}</time>')

    figures = [(name, gold.get("title") or "", None) for name in gold.get("image_files") or []]
    if gold.get("photo_credit") and not figures:  # the credit line printed under the photo is its caption
        line = next((ln for ln in gold.get("image_lines") or [] if gold["photo_credit"] in ln), gold["photo_credit"])
        figures.append((f"photo-{gold['file'][:3]}.jpg", "", line))
    paragraphs = [f"<p>{_e(line)}</p>" for line in article_lines(text, gold)]
    for name, alt, credit in figures:
        caption = f"<figcaption>{_e(credit)}</figcaption>" if credit else ""
        paragraphs.insert(min(1, len(paragraphs)), f'<figure class="article-image"><img src="/uploads/{_e(name)}" alt="{_e(alt)}">{caption}</figure>')

    related = "".join(f'<li><a href="/news/{i}.html">{_e(t)}</a></li>' for i, t in enumerate(words["links"]))
    tags = "".join(f'<a href="/tag/{i}" rel="tag">{_e(t)}</a> ' for i, t in enumerate(words["tag_words"]))
    footer = "".join(f'<li><a href="/f{i}">{_e(f)}</a></li>' for i, f in enumerate(words["footer"]))
    year = (date or "2024")[:4]
    body = f"""<div id="cookie-banner" class="cookie-consent" role="dialog"><p>{_e(words['cookie'])}</p><button>{_e(words['accept'])}</button> <button>{_e(words['settings'])}</button></div>
<header class="site-header"><a class="logo" href="/">{_e(site)}</a>
<nav class="main-nav"><ul>{menu}</ul></nav></header>
<main>
<div class="breadcrumb">{crumb}</div>
<article class="news-article">
{f'<h1 class="headline">{_e(title)}</h1>' if title else ''}
{f'<div class="byline">{" | ".join(byline)}</div>' if byline else ''}
<div class="share-buttons"><ul>{share}</ul></div>
<div class="article-body">
{chr(10).join(paragraphs)}
</div>
<div class="tags">{_e(words['tags'])}: {tags}</div>
</article>
<aside class="related-articles"><h2>{_e(words['related'])}</h2><ul>{related}</ul></aside>
<div class="newsletter"><a href="/subscribe">{_e(words['subscribe'])}</a></div>
</main>
<footer class="site-footer"><ul>{footer}</ul><p>Copyright © {year} {_e(site)}. {_e(words['rights'])}</p><a href="#top">{_e(words['top'])}</a></footer>"""
    return f'<!DOCTYPE html>\n<html lang="{lang_tag}">\n<head>\n' + "\n".join(head) + f"\n</head>\n<body>\n{body}\n</body>\n</html>\n"


def with_inline_chrome(markup: str, gold: dict) -> str:
    """The page with chrome inside the article body as careless templates put it there: a byline paragraph
    and inline share labels before the first paragraph, a "related" link paragraph and a tag line after
    the last (used by the tests in memory; not written to disk)."""
    words = CHROME[gold["language"]]
    before = (f'<p class="byline">{_e(words["by"])} Web Desk | 2024-01-01</p>'
              f'<div class="share-inline"><span>{_e(words["share"][0])}</span> <span>{_e(words["share"][1])}</span></div>')
    after = (f'<p><strong>{_e(words["related"])}:</strong> <a href="/news/9.html">{_e(words["links"][0])}</a></p>'
             f'<p>{_e(words["tags"])}: {_e(", ".join(words["tag_words"]))}</p>')
    markup = markup.replace('<div class="article-body">', '<div class="article-body">' + before, 1)
    return markup.replace('\n</div>\n<div class="tags">', after + '\n</div>\n<div class="tags">', 1)


def main(devset: Path) -> None:
    for gold in json.loads((devset / "gold.json").read_text(encoding="utf-8")):
        text = (devset / gold["file"]).read_text(encoding="utf-8")
        out = HERE / (Path(gold["file"]).stem + ".html")
        out.write_text(page(text, gold), encoding="utf-8")
        print(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/devset-news"))
