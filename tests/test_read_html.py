"""HTML pages: the reader (`corpus.readers.html`) and the structure step over it (`corpus.structure.news_html`).

Small pages are written here for one behaviour each; the article sentences are made up for the test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus.build import BuildRequest, run_build
from corpus.cli import app
from corpus.errors import SeedError
from corpus.pipeline import Options, process_document
from corpus.read import read_seeds
from corpus.readers.html import decode_html, image_file_name, read_html
from corpus.structure.news import structure_news
from corpus.structure.news_html import apply_markup, decide_language, page_text


def structure_html(layout):
    return apply_markup(structure_news(page_text(layout)), layout)

ARTICLE = [
    "The port authority approved a new data-sharing scheme for shipping companies on Tuesday.",
    "Under the scheme, operators will report container movements to a shared platform within one hour.",
    "Officials said the platform would cut waiting times at the terminals by about a fifth.",
]


def page(body: str = "", head: str = "", lang: str = "en", paragraphs: list[str] | None = None) -> str:
    """A page with chrome around an article: cookie banner, menu, share buttons, related links, footer."""
    text = "".join(f"<p>{p}</p>" for p in (ARTICLE if paragraphs is None else paragraphs))
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>
<div class="cookie-banner"><p>This site uses cookies to give you a better experience.</p><button>Accept cookies</button></div>
<header><nav><ul><li><a href="/">Home page</a></li><li><a href="/ports">Ports and shipping</a></li></ul></nav></header>
<main><article>{body}<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share by email</a></div>{text}</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/x">Harbour pilots strike over new rosters</a></li></ul></aside></main>
<footer><p>Copyright © 2024 Harbour Times. All rights reserved.</p><a href="/contact">Contact the newsroom</a></footer>
</body></html>"""


CHROME = ["cookies", "Home page", "Ports and shipping", "Share on Facebook", "Related stories", "Harbour pilots", "Copyright", "newsroom"]


def test_read_html_keeps_the_article_and_drops_page_chrome():
    result = read_html("p.html", page(body="<h1>Port approves data scheme</h1>", head="<title>Port approves data scheme</title>"))
    text = "\n".join(line.text for line in result.lines)
    assert all(sentence in text for sentence in ARTICLE)
    assert [word for word in CHROME if word in text] == []


def test_structure_html_text_is_the_article_only_with_the_headline_as_title():
    doc = structure_html(read_html("p.html", page(body="<h1>Port approves data scheme</h1>", head="<title>Port approves data scheme</title>")))
    assert doc.title == "Port approves data scheme"
    assert doc.text == "\n\n".join(ARTICLE)


@pytest.mark.parametrize(
    ("head", "body", "origin"),
    [
        ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Port approves data scheme", "datePublished": "2024-03-05T08:30:00+01:00", "author": {"@type": "Person", "name": "Jane Roe"}}</script>', "", "json_ld"),
        ('<meta property="og:title" content="Port approves data scheme"><meta property="article:published_time" content="2024-03-05T08:30:00Z"><meta property="article:author" content="Jane Roe">', "", "open_graph"),
    ],
)
def test_read_html_metadata_comes_with_the_markup_it_was_read_from(head, body, origin):
    meta = read_html("p.html", page(body=body, head=head)).meta
    assert (meta.title, meta.date, meta.authors) == ("Port approves data scheme", "2024-03-05T08:30", ("Jane Roe",))
    assert dict(meta.origins) == {"title": origin, "published_date": origin, "authors": origin}


def test_read_html_date_from_a_time_element_and_author_from_a_meta_tag():
    meta = read_html("p.html", page(body='<h1>Port approves data scheme</h1><p class="byline"><time datetime="2024-03-05">5 March 2024</time></p>',
                                    head='<title>Port approves data scheme</title><meta name="author" content="Jane Roe">')).meta
    assert meta.date == "2024-03-05"
    assert dict(meta.origins) == {"title": "html_title", "published_date": "html_time", "authors": "html_meta"}


def test_read_html_a_page_title_that_is_the_site_name_is_no_headline():
    meta = read_html("p.html", page(head='<title>Harbour Times</title><meta property="og:site_name" content="Harbour Times">')).meta
    assert meta.title is None
    assert (meta.site_name, dict(meta.origins)) == ("Harbour Times", {"publisher": "open_graph"})


@pytest.mark.parametrize(
    ("head", "url", "origin"),
    [
        ('<link rel="canonical" href="https://harbour.example/news/1.html"><meta property="og:url" content="https://m.harbour.example/1">', "https://harbour.example/news/1.html", "html_meta"),
        ('<link rel="canonical" href="/news/1.html"><meta property="og:url" content="https://harbour.example/news/1.html">', "https://harbour.example/news/1.html", "open_graph"),
        ('<link rel="canonical" href="/news/1.html">', None, None),
    ],
)
def test_read_html_the_pages_own_url_is_an_absolute_canonical_link_or_og_url(head, url, origin):
    meta = read_html("p.html", page(head=head)).meta
    assert (meta.url, dict(meta.origins).get("url")) == (url, origin)


def test_read_html_no_date_in_the_markup_means_none_even_with_a_copyright_year():
    assert read_html("p.html", page()).meta.date is None


@pytest.mark.parametrize("byline", ["", '<ul class="meta"><li><time datetime="2024-03-05">5 March 2024</time></li></ul>'])
def test_read_html_a_related_items_time_is_not_the_pages_date(byline):
    related = '<li><a href="/x">Harbour pilots strike over new rosters</a> <time datetime="2023-01-05">5 Jan 2023</time></li>'
    markup = page(body=byline).replace('<li><a href="/x">Harbour pilots strike over new rosters</a></li>', related)
    assert read_html("p.html", markup).meta.date == ("2024-03-05" if byline else None)


def test_read_html_headings_and_list_items_keep_their_element_kind():
    paragraphs = [ARTICLE[0], "<h2>What changes for operators</h2>", ARTICLE[1], "<ul><li>Container movements</li><li>Berth schedules</li></ul>", ARTICLE[2]]
    body = "".join(p if p.startswith("<") else f"<p>{p}</p>" for p in paragraphs)
    result = read_html("p.html", page(paragraphs=[]).replace("<article>", f"<article>{body}"))
    assert [(line.role, line.text) for line in result.lines] == [
        ("p", ARTICLE[0]), ("h2", "What changes for operators"), ("p", ARTICLE[1]), ("li", "Container movements"),
        ("li", "Berth schedules"), ("p", ARTICLE[2]),
    ]
    assert [page.index for page in result.pages] == [0] and result.input_format == "html"


def test_structure_html_figure_with_caption_alt_text_and_credit():
    figure = ('<figure><img src="/media/2024/quay%20cranes.jpg?w=800" alt="Cranes at the container quay">'
              "<figcaption>Cranes at the new container quay. (Photo/Harbour Times)</figcaption></figure>")
    paragraphs = [f"<p>{ARTICLE[0]}</p>", figure, f"<p>{ARTICLE[1]}</p>"]
    doc = structure_html(read_html("p.html", page(paragraphs=[]).replace("<article>", "<article>" + "".join(paragraphs))))
    assert [(f.label, f.kind, f.caption, f.source, f.alt) for f in doc.figures] == [
        ("quay cranes.jpg", "image", "Cranes at the new container quay.", "Harbour Times", "Cranes at the container quay")
    ]
    assert "Cranes" not in doc.text


def test_image_file_name_is_the_unquoted_last_path_segment():
    assert image_file_name("https://x.org/a/b/%E5%9B%BE.png?v=2") == "图.png"


def test_structure_html_language_detected_on_the_text_wins_over_a_wrong_html_lang():
    french = ["Le port a approuvé mardi un nouveau dispositif de partage des données pour les armateurs.",
              "Les opérateurs déclareront les mouvements de conteneurs sur une plateforme commune."]
    doc = structure_html(read_html("p.html", page(lang="en", paragraphs=french)))
    assert doc.language == "fr"
    assert any("disagrees" in note and "'en'" in note for note in doc.notes)


def test_decide_language_uses_html_lang_when_detection_cannot_decide():
    assert decide_language("de-AT", "und") == ("de", "html_meta", None)
    assert decide_language("de", "en")[0] == "en"
    assert decide_language(None, "und") == (None, None, None)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"Just a line of plain text, no markup at all.\n", "not-html"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary-file"),
        (b"   \n", "empty-file"),
        ('<html><head><meta charset="utf-8"></head><body><p>café</p></body></html>'.encode("latin-1"), "not-decodable"),
    ],
)
def test_decode_html_rejects_what_is_not_a_page(data, code):
    with pytest.raises(SeedError) as err:
        decode_html(Path("bad.html"), data)
    assert err.value.code == code and "bad.html" in str(err.value)


def test_read_html_image_line_carries_src_and_alt_and_its_caption_follows():
    figure = '<figure><img src="/m/q.jpg" alt="Cranes at the quay"><figcaption>Cranes at the quay.</figcaption></figure>'
    result = read_html("p.html", page(paragraphs=[]).replace("<article>", f"<article><p>{ARTICLE[0]}</p>{figure}<p>{ARTICLE[1]}</p>"))
    assert [(line.role, line.text, dict(line.attributes)) for line in result.lines][1:3] == [
        ("img", "Cranes at the quay", {"src": "/m/q.jpg", "alt": "Cranes at the quay"}), ("figcaption", "Cranes at the quay.", {}),
    ]


def test_read_html_rejects_a_page_without_main_text():
    empty = '<html><head><title>Harbour Times</title></head><body><nav><a href="/">Home</a></nav><footer>© 2024</footer></body></html>'
    with pytest.raises(SeedError) as err:
        read_html("empty.html", empty)
    assert err.value.code == "empty-page"


@pytest.mark.parametrize(
    ("head", "text", "encoding"),
    [
        ('<meta charset="gb2312">', "数据治理", "gb2312"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "镕基与喆", "gbk"),  # GBK characters under a gb2312 label
        ('<meta charset="iso-8859-1">', "l’économie – numérique", "cp1252"),  # Windows-1252 quotes under a latin-1 label
    ],
)
def test_decode_html_follows_the_declared_charset_as_browsers_do(head, text, encoding):
    data = f"<html><head>{head}</head><body><p>{text}</p></body></html>".encode(encoding)
    assert text in decode_html(Path("p.html"), data)


def test_process_document_records_markup_origins(tmp_path):
    head = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Port approves data scheme", '
            '"datePublished": "2024-03-05", "publisher": {"@type": "Organization", "name": "Harbour Times"}}</script>')
    (tmp_path / "port.html").write_text(page(head=head), encoding="utf-8")
    source = read_seeds(tmp_path)[0]
    document = process_document(source, Options(ner=False)).document
    origins = {o.field: o.origin for o in document.field_origins}
    assert (document.title, document.published_date.isoformat(), document.publisher) == ("Port approves data scheme", "2024-03-05", "Harbour Times")
    assert (origins["title"], origins["published_date"], origins["publisher"], origins["language"]) == ("json_ld", "json_ld", "json_ld", "extracted")


def test_build_bad_page_is_one_line_exit_2_or_a_reject(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "port.html").write_text(page(head="<title>Port approves data scheme</title>"), encoding="utf-8")
    (seeds / "notes.html").write_text("Just a line of plain text, no markup at all.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["build", "--seeds", str(seeds), "--out", str(tmp_path / "out"), "--no-ner"])
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "notes.html" in errors[0] and "[not-html]" in errors[0]
    built = run_build(BuildRequest(seeds=seeds, out=tmp_path / "out", options=Options(ner=False), skip_bad=True))
    assert [(r.code, Path(r.path).name) for r in built.rejects] == [("not-html", "notes.html")]
    assert "notes.html" in (tmp_path / "out" / "rejects.json").read_text() and built.rows["documents"] == 1
    assert json.loads((tmp_path / "out" / "rejects.json").read_text())


def test_structure_html_sections_follow_the_markup_headings_and_their_levels():
    body = (f"<p>{ARTICLE[0]}</p><h2>What changes for operators</h2><p>{ARTICLE[1]}</p>"
            f"<h3>Container data</h3><p>{ARTICLE[2]}</p><h2>Next steps</h2><p>The rules take effect in May after a consultation.</p>")
    doc = structure_html(read_html("p.html", page(paragraphs=[]).replace("<article>", f"<article><h1>Port approves data scheme</h1>{body}")))
    outline = [(s.kind, s.heading, s.level, s.parent, doc.text[s.start : s.end].split("\n\n")[0] if s.end > s.start else "") for s in doc.sections]
    assert outline == [
        ("preamble", "", 1, None, ARTICLE[0]),
        ("heading", "What changes for operators", 1, None, ARTICLE[1]),
        ("heading", "Container data", 2, 1, ARTICLE[2]),
        ("heading", "Next steps", 1, None, "The rules take effect in May after a consultation."),
    ]
    parent, child = doc.sections[1], doc.sections[2]
    assert parent.start <= child.start and child.end <= parent.end == doc.text.index("Next steps")
