"""HTML reader: a page's bytes -> `LayoutDocument` (one page of the article's blocks, and its markup metadata).

The main text and the metadata come from `trafilatura` (boilerplate removal: navigation, menus, share
buttons, related links, footers, cookie banners) and its date extractor `htmldate`, run on the markup
only (no extensive search of the text, so a copyright year never becomes a date). What the libraries do
not report is read here from the same lxml tree, because no library gives it:

- where each metadata value came from (JSON-LD, Open Graph, a `<meta>` tag, a `<time>`, the `<title>`),
  for `documents.field_origins`;
- the time of day of the publication (htmldate keeps the date only);
- the `<figcaption>` of a kept image (trafilatura keeps `src` and `alt` only);
- `<html lang>`.

A date that only a `<time>` inside page chrome states (an `<aside>`, `<nav>`, `<footer>`, or a box whose
class or id names related items, a sidebar, comments or promotions) is another item's date: htmldate
would take it for a page that states none, so it is dropped.

A web page is one page of lines, one per block of the main text, each with the element it came from as
its `role`: `h1`..`h6`, `p`, `li`, `blockquote`, `tr` (cells joined by tabs), `img` (text: the alt text;
`attributes`: src and alt) followed by its `figcaption` line when the figure has one. The metadata goes
into `SourceMeta` with, in `origins`, where each value is stated; `date` carries the time when stated.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from corpus.errors import SeedError
from corpus.readers.model import LayoutDocument, SourceLine, SourceMeta, SourcePage

HTML_SUFFIXES = (".html", ".htm")
EXTRACTOR = "trafilatura"
_TAG = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|p|div|article|main|section|h[1-6]|span|table|br|title|meta)\b", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

# charset labels decoded as their superset, as browsers do (WHATWG Encoding Standard): pages labelled
# gb2312 use GBK characters, pages labelled latin-1 use Windows-1252 quotes and dashes
_CHARSET_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "iso-8859-1": "cp1252",
                     "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "big5": "big5hkscs"}

# JSON-LD keys per field, in the order they are tried
_LD_TITLE = ("headline", "name")
_LD_DATE = ("datePublished", "dateCreated", "uploadDate")


def decode_html(path: Path | str, data: bytes) -> str:
    """Bytes of an HTML file -> text (BOM, else the declared charset, else UTF-8); SeedError when unusable."""
    if not data.strip():
        raise SeedError(path, "empty-file", "file is empty")
    if b"\x00" in data[:65536]:
        raise SeedError(path, "binary-file", "file is binary (contains NUL bytes), not an HTML page")
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        declared = _CHARSET.search(data[:4096])
        encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
        encoding = _CHARSET_SUPERSET.get(encoding, encoding)
    try:
        text = data.decode(encoding)
    except LookupError as err:
        raise SeedError(path, "not-decodable", f"page declares an unknown charset {encoding!r}") from err
    except UnicodeDecodeError as err:
        raise SeedError(path, "not-decodable", f"page is not valid {encoding} (byte 0x{data[err.start]:02x} at offset {err.start})") from err
    if not _TAG.search(data[:65536]):
        raise SeedError(path, "not-html", "file has an HTML extension but holds no HTML markup")
    return text


def _text(node) -> str:
    """The visible text of an element, whitespace collapsed; line breaks (newlines and <br>) kept as newlines,
    an empty line between two as a blank line."""
    parts: list[str] = [node.text or ""]
    for child in node.iterdescendants():
        if child.tag == "lb":  # a <br>: the line ends here
            parts.append("\n")
        elif isinstance(child.tag, str):
            parts.append(child.text or "")
        parts.append(child.tail or "")
    out: list[str] = []
    gap = False
    for line in "".join(parts).split("\n"):
        line = " ".join(line.split())
        if not line:
            gap = bool(out)  # an empty line (two <br> in a row) separates paragraphs
            continue
        out.append(("\n\n" if gap else "\n") + line if out else line)
        gap = False
    return "".join(out)


def _line(text: str, role: str, **attributes: str | None) -> SourceLine:
    return SourceLine(text=text, page=0, role=role, attributes=tuple((k, v) for k, v in attributes.items() if v))


def _body_lines(body) -> Iterator[SourceLine]:
    """trafilatura's XML body (head, p, list/item, quote, table/row/cell, graphic) -> lines with their role."""
    for node in body:
        tag = node.tag
        if tag == "head":
            rend = node.get("rend") or "h2"
            yield _line(_text(node), rend if re.fullmatch(r"h[1-6]", rend) else "h2")
        elif tag == "list":
            for item in node.iter("item"):
                yield _line(_text(item), "li")
        elif tag == "table":
            for row in node.iter("row"):
                yield _line("\t".join(_text(cell) for cell in row.iter("cell")), "tr")
        elif tag == "graphic":
            yield _line(node.get("alt") or node.get("title") or "", "img", src=node.get("src"), alt=node.get("alt") or node.get("title"))
        elif tag == "quote":
            yield _line(_text(node), "blockquote")
        else:
            for graphic in node.iter("graphic"):
                yield _line(graphic.get("alt") or graphic.get("title") or "", "img", src=graphic.get("src"), alt=graphic.get("alt") or graphic.get("title"))
            yield _line(_text(node), "p")
        tail = " ".join((node.tail or "").split())
        if tail:  # text the extractor left between two blocks ("Ends/Wednesday, May 22, 2024" after a <p>)
            yield _line(tail, "p")


def _json_ld(tree) -> list[dict]:
    """Every JSON-LD object of the page (top level, lists and @graph flattened); unparsable scripts skipped."""
    found: list[dict] = []

    def walk(value) -> None:
        if isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            found.append(value)
            walk(value.get("@graph"))

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            walk(json.loads(script.text or ""))
        except ValueError:
            continue
    return found


def _names(value) -> list[str]:
    """Person names of a JSON-LD author value (a string, an object with `name`, or a list of them)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


_CHROME_NAME = re.compile(r"related|recommend|sidebar|comment|popular|more-|widget|teaser|promo", re.I)


def _in_chrome(node) -> bool:
    """A node inside page chrome: an <aside>, <nav> or <footer>, or an element whose class or
    id names a related-items, sidebar, comments or promotion box (another item's date stands there)."""
    for ancestor in node.iterancestors():
        if ancestor.tag in ("aside", "nav", "footer"):
            return True
        if _CHROME_NAME.search(f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"):
            return True
    return False


# what the extractor may take from a byline for a name ("By Jane Roe | May 22, 2024" -> "Jane Roe; May"):
# a month, a weekday, a stamp label, or anything with a digit
_NOT_A_NAME = re.compile(
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|published|posted|updated|by|par|date|le)\.?|.*\d.*")
_EVENT_NAME = re.compile(r"event|schedule|agenda|calendar|(?<![a-z])when(?![a-z])", re.I)


def _in_event_box(node) -> bool:
    """A <time> in a box of the article that gives an announced event's schedule (class or id naming the
    event: "event-meta", "event-date", "schedule"; the <time> itself, or a container smaller than the
    article): the event's date, not the page's."""
    for element in (node, *node.iterancestors()):
        if element.tag in ("article", "main", "body", "html"):
            return False
        if _EVENT_NAME.search(f"{element.get('class') or ''} {element.get('id') or ''}"):
            return True
    return False


_META_BOX = re.compile(r"info|meta|byline|author|date|time|source|attr|pub|stamp|credit", re.I)


def _heading_of_title(title: str | None, lines: list[SourceLine]) -> str | None:
    """The headline when the page title is a heading of the page with the site's name after it ("标题-网站名",
    "Headline_Section_Site", "Headline | Site"): the heading as printed; else the title unchanged."""
    if not title:
        return title
    for line in lines:
        if line.role and re.fullmatch(r"h[1-6]", line.role) and line.text and title.startswith(line.text) \
                and re.match(r"\s*[-_|｜–—]\s*\S", title[len(line.text) :]):
            return line.text
    return title


def _metadata_boxes(tree) -> list[str]:
    """The text of the page's metadata boxes ("<div class='info'>发布时间：… 来源：… 作者：…</div>", a byline or
    date box) outside page chrome, as metadata lines: the extractor often drops them with the chrome around
    the article, and the news rules read (and remove) them as they do on a text page. Only a box whose text
    reads as a dated or signed metadata line is kept; boxes inside a kept one are not read again."""
    from corpus.structure.news_meta import parse_metadata_line

    found: list[str] = []
    taken: set = set()
    for element in tree.xpath("//body//*[self::div or self::p or self::span or self::section or self::ul or self::li]"):
        if not _META_BOX.search(f"{element.get('class') or ''} {element.get('id') or ''}") or _in_chrome(element):
            continue
        if any(ancestor in taken for ancestor in element.iterancestors()):
            continue
        text = " ".join(" ".join(element.itertext()).split())
        if not text or len(text) > 200:
            continue
        meta = parse_metadata_line(text)
        if meta is not None and (meta.dates or meta.authors):
            found.append(text)
            taken.add(element)
    return found


def _markup_sources(tree) -> dict[str, dict[str, list[str]]]:
    """Per origin, the metadata values the markup states: {origin: {field: [values]}}."""
    sources: dict[str, dict[str, list[str]]] = {
        k: {} for k in ("json_ld", "open_graph", "html_meta", "html_time", "html_title", "chrome_time", "event_time")
    }

    def add(origin: str, name: str, value) -> None:
        if isinstance(value, str) and value.strip():
            sources[origin].setdefault(name, []).append(" ".join(value.split()))

    for obj in _json_ld(tree):
        for key in _LD_TITLE[:1]:
            add("json_ld", "title", obj.get(key))
        for key in _LD_DATE:
            add("json_ld", "date", obj.get(key))
        for name in _names(obj.get("author")):
            add("json_ld", "author", name)
        publisher = obj.get("publisher")
        add("json_ld", "site", publisher.get("name") if isinstance(publisher, dict) else publisher)
    for meta in tree.xpath("//meta[@property or @name or @itemprop]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key in ("og:title", "twitter:title"):
            add("open_graph", "title", content)
        elif key in ("article:published_time", "og:published_time", "og:article:published_time"):
            add("open_graph", "date", content)
        elif key in ("article:author", "og:article:author"):
            add("open_graph", "author", content)
        elif key == "og:site_name":
            add("open_graph", "site", content)
        elif key in ("author", "citation_author", "dc.creator", "parsely-author", "sailthru.author", "byl"):
            add("html_meta", "author", content)
        elif key in ("title", "citation_title", "dc.title", "headline"):
            add("html_meta", "title", content)
        elif key in ("date", "pubdate", "publishdate", "publish-date", "citation_publication_date", "dc.date",
                     "dc.date.issued", "datepublished", "article.published", "parsely-pub-date"):
            add("html_meta", "date", content)
        elif key in ("application-name", "publisher", "citation_publisher", "dc.publisher"):
            add("html_meta", "site", content)
    for time in tree.xpath("//time[@datetime]"):
        origin = "chrome_time" if _in_chrome(time) else "event_time" if _in_event_box(time) else "html_time"
        add(origin, "date", time.get("datetime"))
    for node in tree.xpath("//title | //h1"):
        add("html_title", "title", node.text_content())
    return sources


def _origin(sources: dict[str, dict[str, list[str]]], name: str, matches) -> str:
    """The first origin (in the order of `sources`) one of whose `name` values matches; else 'markup'."""
    for origin, fields in sources.items():
        if any(matches(value) for value in fields.get(name, ())):
            return origin
    return "markup"


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?")


def _time_of(sources: dict[str, dict[str, list[str]]], date: str) -> str | None:
    """"HH:MM[:SS]" from a stated timestamp of the chosen date (seconds kept when not zero)."""
    for fields in sources.values():
        for value in fields.get("date", ()):
            match = _TIME.match(value)
            if match and match[1] == date:
                return f"{match[2]}:{match[3]}" + (f":{match[4]}" if match[4] and match[4] != "00" else "")
    return None


def _is_site_name(title: str, site: str | None, hosts: tuple[str, ...]) -> bool:
    """A page title that is only the site's name or host (a page without a headline of its own)."""
    key = _norm(title)
    return bool(key) and (key == _norm(site or "") or key in {_norm(h) for h in hosts})


def _hosts(tree) -> tuple[str, ...]:
    urls = [n.get("href") for n in tree.xpath('//link[@rel="canonical"]')] + [
        m.get("content") for m in tree.xpath('//meta[@property="og:url"]')
    ]
    hosts = []
    for url in urls:
        host = urlsplit(url or "").hostname
        if host:
            hosts += [host, host.removeprefix("www.")]
    return tuple(hosts)


def _own_url(tree) -> tuple[str, str] | None:
    """(URL, origin) of the page as it states it: an absolute http(s) canonical link, else og:url."""
    for xpath, origin in (('//link[@rel="canonical"]/@href', "html_meta"), ('//meta[@property="og:url"]/@content', "open_graph")):
        for value in tree.xpath(xpath):
            value = value.strip()
            if urlsplit(value).scheme in ("http", "https") and urlsplit(value).hostname:
                return value, origin
    return None


def _captions(tree) -> dict[str, str]:
    """Image src -> the text of the <figcaption> of the <figure> holding it."""
    found: dict[str, str] = {}
    for figure in tree.xpath("//figure"):
        caption = figure.xpath(".//figcaption")
        if not caption:
            continue
        text = _text(caption[0])
        for img in figure.xpath(".//img[@src]"):
            if text:
                found.setdefault(img.get("src"), text)
    return found


def image_file_name(src: str) -> str:
    """The file name of an image source URL ("/uploads/a%20b.jpg?x=1" -> "a b.jpg")."""
    path = urlsplit(src).path
    return unquote(path.rsplit("/", 1)[-1]) or src


def read_html(path: Path | str, text: str) -> LayoutDocument:
    """Extract one page (see module docstring); SeedError `empty-page` when it has no main text."""
    import importlib.metadata

    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    tree = trafilatura.load_html(text)
    if tree is None:
        raise SeedError(path, "not-html", "file cannot be parsed as an HTML page")
    boxes = _metadata_boxes(tree)
    result = trafilatura.bare_extraction(
        tree, include_images=True, include_tables=True, include_comments=False, with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True}, config=config,
    )
    lines: list[SourceLine] = []
    if result is not None and result.body is not None:
        captions = _captions(tree)
        for line in _body_lines(result.body):
            src = dict(line.attributes).get("src")
            if line.role == "img" and src:
                lines.append(line)
                if captions.get(src):
                    lines.append(_line(captions[src], "figcaption"))
            elif line.role != "img" and line.text.strip():
                lines.append(line)
    kept = {_norm(line.text) for line in lines}
    lines = [_line(box, "p") for box in boxes if _norm(box) not in kept and lines] + lines
    if not any(line.role not in ("img", "figcaption") for line in lines):
        raise SeedError(path, "empty-page", "page has no main text (the extractor found no article body)")

    sources = _markup_sources(tree)
    site = result.sitename or None
    title = _heading_of_title(result.title or None, lines)
    title_origin = _origin(sources, "title", lambda v: _norm(v) == _norm(title) or _norm(v).startswith(_norm(title))) if title else None
    if title and (title_origin == "markup" or _is_site_name(title, site, _hosts(tree))):
        title = None  # found only in a lower heading or aside, or only the site's name: no headline
    authors = tuple(a.strip() for a in (result.author or "").split(";") if a.strip() and not _NOT_A_NAME.fullmatch(a.strip()))
    date = result.date or None
    if date and _origin(sources, "date", lambda v: v.startswith(date)) in ("chrome_time", "event_time"):
        # only a related item's, a sidebar's or an announced event's <time> states it: not this page's date;
        # the page's own <time>, if any, else the lines decide
        date = next((v[:10] for v in sources["html_time"].get("date", ()) if re.match(r"\d{4}-\d\d-\d\d", v)), None)
    sources.pop("chrome_time")
    sources.pop("event_time")
    time = _time_of(sources, date) if date else None
    html_lang = (tree.xpath("/html/@lang") or tree.xpath("//html/@lang") or [None])[0]
    origins = {}
    if title:
        origins["title"] = title_origin
    if authors:
        origins["authors"] = _origin(sources, "author", lambda v: _norm(authors[0]) in _norm(v))
    if date:
        origins["published_date"] = _origin(sources, "date", lambda v: v.startswith(date))
    if site:
        origins["publisher"] = _origin(sources, "site", lambda v: _norm(v) == _norm(site))
    url = _own_url(tree)
    if url:
        origins["url"] = url[1]
    meta = SourceMeta(
        title=title,
        authors=authors,
        date=f"{date}T{time}" if date and time else date,
        site_name=site,
        language=html_lang.strip() if isinstance(html_lang, str) and html_lang.strip() else None,
        url=url[0] if url else None,
        origins=tuple(sorted(origins.items())),
    )
    return LayoutDocument(
        pages=(SourcePage(index=0, lines=tuple(lines)),), input_format="html", extractor=EXTRACTOR,
        extractor_version=importlib.metadata.version("trafilatura"), meta=meta,
    )
