"""Structure step for web news items from any site: title, metadata, boilerplate, images, body.

A news page as scraped to plain text has, before its headline, site names, section labels, breadcrumbs
and counters; around it, metadata lines ("Posted: March 3, 2025 | By X", "RCI en ligne|20-12-2024
06:09:47", "来源：X 时间：2025-04-18"), the headline again or the HTML title with the site name; then
body paragraphs with image file-name and photo-credit lines between them; after the last sentence,
navigation, share/follow and comment widgets, counters, contact and copyright lines, end marks.

Two passes. Each line is first classified on its own (`_classify`: navigation, image, furniture by
`corpus.structure.news_lines`, metadata by `corpus.structure.news_meta`, else text). Then the page
layout decides: the article starts at the first sentence; the headline is chosen among the text lines
before it (`_choose_title`: printed twice, the short form of an HTML title, else the last one), the
others before it are header furniture; the headline is never a lone word, so unknown one-word widget
labels after a headline-sized line are residue. A line listing persons after the headline ("Jane Roe and
John Doe", "Jane Roe, Senior Fellow", or a name over a role line) is the byline. After the last sentence,
short non-sentence lines are footer furniture, and a closing author's note is removed (`author_bio`); a
paragraph ending with a bracketed photo credit is a photo caption even when the image line is missing.
Removed lines are kept in `removed` with a reason code (and, images and end marks aside, in
`boilerplate`), never silently dropped. Chinese rules match a simplified view of each line, so they work
for both scripts; the script itself is recorded (`script`: Hans/Hant).

Dates are recorded only as far as they are stated: a byline date gives `published_date` only when it has
a year; "On August 11" in the body gives the partial ISO date "--08-11" in `event_dates`. The date of an
event the page announces (labelled "Event date:", "活动时间：", "Date de l'événement :", under "Past event",
or next to a venue line) is never the page's date: it leads `event_dates`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace

from corpus.structure.model import FigureSpan, SectionSpan, StructuredDocument
from corpus.structure.news_lines import (
    AUTHOR_BIO,
    BREADCRUMB,
    COPYRIGHT,
    END_MARK,
    HEADER,
    IMAGE,
    METADATA,
    NAVIGATION,
    PHOTO_CREDIT,
    RELATED,
    SENTENCE_END,
    TITLE_REPEAT,
    WIDGET,
    author_bio,
    breadcrumb,
    organisation_phrase,
    role_phrase,
    detect_script,
    footer_reason,
    furniture_reason,
    is_sentence,
    legal_notice,
    list_lines,
    photo_credit,
    simplified,
    strip_end_mark,
    words,
)
from corpus.structure.news_meta import EVENT, EVENT_LABEL, UPDATED, MetaLine, looks_like_name, parse_metadata_line, split_names
from corpus.structure.news_dates import (  # noqa: F401 - re-exported: callers import them from here
    DateMention,
    find_dates,
    page_month_first,
    parse_date_time,
)

# --------------------------------------------------------------------------------------------------
# Line classes.

_NAV_WORDS = (
    r"(?:last|next|previous|prev|older|newer|earlier|later)(?:\s+(?:article|post|story|item|news|entry|page))?"
    r"|(?:article|billet|page)\s+(?:précédent|precedent|suivant)e?|(?:précédent|precedent|suivant)e?(?:\s+article)?"
    r"|(?:vorheriger|nächster|naechster)\s+(?:artikel|beitrag)|(?:artículo|noticia)\s+(?:anterior|siguiente)"
    r"|related(?:\s+(?:articles?|posts?|stories|news))?|read\s+(?:more|also)|see\s+also|lire\s+aussi|à\s+lire\s+aussi"
)
_NAV_RE = re.compile(
    r"^[\s«‹<←\[(]*(?P<key>" + _NAV_WORDS + r")\s*(?:(?:[:：|｜]|\s[-–—»>]\s)\s*(?P<title>.*?)|[\s»›>→\])]*)$",
    re.IGNORECASE,
)
_NAV_ZH_RE = re.compile(
    r"^(?P<key>上一篇|下一篇|上一条|下一条|上一页|下一页|前一篇|后一篇|上篇|下篇|相关阅读|相关新闻|延伸阅读|相关链接)"
    r"\s*[:：|｜]?\s*(?P<title>.*)$"
)
_IMAGE_RE = re.compile(
    # a resizing query or fragment after the name ("hero.png?width=800") is not part of it
    r"^(?:\S+/)?(?P<name>[^\s/\\][^/\\]{0,100}?\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg|heic|avif))(?:[?#][^\s/]*)?$",
    re.IGNORECASE
)

_SENTENCE_END = re.compile(r"[.!?。！？…:;：；]$|[.!?。！？][\"'”’»」』)]$")

HEADING_MAX_CHARS = 80
HEADING_MAX_WORDS = 12


@dataclass
class _Byline:
    """The old single-line view of a metadata line (kept for callers of `parse_byline`)."""

    date: dt.date | None = None
    time: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    partial_date: str | None = None  # a byline date without a year: recorded, never completed
    ambiguous: bool = False


def parse_byline(line: str, month_first: bool | None = False) -> _Byline | None:
    """Read one metadata line (see `corpus.structure.news_meta`); None when it is not one.

    Handles "Posted: March 3, 2025 | By Helena Marsh", "RCI en ligne|20-12-2024 06:09:47",
    "来源：X 时间：2025-04-18", "By X | 12 March 2025", "Date: 2025-03-12", "Published 3 March 2025".
    """
    meta = parse_metadata_line(line, month_first)
    if meta is None:
        return None
    byline = _Byline(authors=meta.authors)
    for kind, value in sorted(meta.dates, key=lambda kv: kv[0] == UPDATED):
        if kind == EVENT:
            continue
        if value.date is not None and byline.date is None:
            byline.date, byline.time = value.date, value.time
        elif value.iso and byline.partial_date is None and value.date is None:
            byline.partial_date = value.iso
        byline.ambiguous = byline.ambiguous or value.ambiguous
    byline.publisher = _publisher(meta)
    return byline


def _publisher(meta: MetaLine) -> str | None:
    """The organisation a metadata line credits: a labelled source, else one short unlabelled name
    next to a date ("RCI en ligne|20-12-2024"); an event's schedule names no outlet."""
    if meta.organisations:
        return meta.organisations[0]
    scheduled = meta.venue or any(kind == EVENT for kind, _ in meta.dates)
    if len(meta.unknown) == 1 and meta.dates and not scheduled and _outlet_name(meta.unknown[0]):
        return meta.unknown[0]
    return None


def _outlet_name(value: str) -> bool:
    """A short name that is not a sentence and does not start with a digit ("RCI en ligne", "Xinhua")."""
    value = value.strip()
    return (
        any(ch.isalpha() for ch in value) and len(value.split()) <= 8
        and not _SENTENCE_END.search(value) and not value[:1].isdigit()
    )


def _navigation_title(line: str) -> str | None:
    """"Next: Title" -> "Title"; a bare "Previous" -> ""; None when the line is not navigation."""
    stripped = line.strip()
    match = _NAV_ZH_RE.match(stripped) or _NAV_RE.match(stripped)
    if not match:
        return None
    title = (match["title"] or "").strip()
    if len(title) > 300:
        return None
    return title.strip(" «»‹›<>←→")


def _image_name(line: str) -> str | None:
    stripped = line.strip()
    match = _IMAGE_RE.match(stripped)
    if not match or stripped.count(" ") > 3:
        return None
    return match["name"]


def _clean_paragraph(text: str) -> str:
    """Strip indentation (ASCII and full-width spaces) at the start and whitespace at the end."""
    return text.strip(" \t\u3000\u00a0\u2002\u2003\u2009\ufeff").rstrip()


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef"


def _looks_like_heading(paragraph: str, following: str | None) -> bool:
    if following is None or len(paragraph) > HEADING_MAX_CHARS or "\n" in paragraph:
        return False
    if len(paragraph.split()) > HEADING_MAX_WORDS or _SENTENCE_END.search(paragraph) or paragraph.endswith(","):
        return False
    first = paragraph[0]
    if not (first.isupper() or first.isdigit() or _is_cjk(first)):
        return False
    return len(following) > 2 * len(paragraph)


def _body_lines_to_paragraphs(lines: list[tuple[str, bool]]) -> list[str]:
    """Join body lines into paragraphs. `lines` is (text, starts_block) in order.

    A new paragraph starts after a blank line, at an indented line, or after a line ending a sentence
    (news items are usually one line per paragraph); otherwise a hard-wrapped line continues the previous.
    """
    paragraphs: list[str] = []
    for text, starts_block in lines:
        indented = text[:1] in (" ", "\t", "\u3000") or re.match(r"^[•·●▪■◆◇○*\-–—]\s+\S", text) is not None
        cleaned = _clean_paragraph(text)
        if not cleaned:
            continue
        if paragraphs and not starts_block and not indented and not _SENTENCE_END.search(paragraphs[-1]):
            previous = paragraphs[-1]
            joiner = "" if _is_cjk(previous[-1]) and _is_cjk(cleaned[0]) else " "
            if previous.endswith("-") and cleaned[:1].islower():
                joiner = ""  # a word hyphenated at a hard wrap
                previous = previous[:-1]
            paragraphs[-1] = previous + joiner + cleaned
        else:
            paragraphs.append(cleaned)
    return paragraphs


_URL_LINE = re.compile(r"^(?:(?:url|link|lien|链接|网址)\s*[:：]\s*)?(?:https?://|www\.)\S+$", re.I)
_IMAGE_LEAD = re.compile(
    r"^(?P<name>[^\s/\\]{1,100}?\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg|heic|avif))\s+(?P<rest>\S.*)$", re.IGNORECASE
)
_DATE_PREFIX = re.compile(r"^(?:(?:date|日期|时间|published)\s*[:：]?\s*)?(?P<date>(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2})\s+(?=\S)", re.I)
_SITE_SUFFIX = re.compile(r"\s+[-|–—_]\s+")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|cn|org|net|gov|edu|int|info|news|fr|hk|tw|uk|de|eu|io)(?:\.[a-z]{2})?$", re.I)
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{1,40}),\s*(?P<date>[^()\n]{1,30}?)\s*[(（](?P<agency>[A-Z][\w .&-]{1,30})[)）]\s*(?:--|—|–|-)\s*"
)
_DATELINE_ZH = re.compile(
    r"^(?P<agency>新华社|中新社|本报|人民网|新华网|中新网|央视网|中央社|本刊)?(?:记者)?(?P<place>[\u4e00-\u9fff]{1,10}?)"
    r"(?P<date>\d{1,2}月\d{1,2}日)(?:电|讯)"
)
_REPORTER = re.compile(
    r"[(（]\s*(?:特派)?(?:记者|通讯员|实习记者|见习记者)\s*(?P<names>[\u4e00-\u9fff·]{2,5}(?:[\s、，,]+[\u4e00-\u9fff·]{2,5})*)\s*[)）]"
    r"|^(?:特派)?(?:记者|通讯员)\s*(?P<names2>[\u4e00-\u9fff·]{2,4}(?:[、，,][\u4e00-\u9fff·]{2,4})*)\s*[/／]\s*[\u4e00-\u9fff]{1,8}(?:报导|报道)"
)


@dataclass
class _Line:
    """One non-blank source line and what it was found to be."""

    index: int
    raw: str  # the line as printed (trailing whitespace removed)
    text: str  # stripped
    blank_before: bool
    kind: str = "text"  # text | title | meta | nav | image | caption | furniture
    reason: str | None = None
    meta: MetaLine | None = None
    nav: str | None = None
    image: str | None = None


def _reporter_names(text: str) -> tuple[str, ...]:
    """Reporter names from a Chinese credit: "(记者 郑梦莹)", "記者丘安/中壢報導" (either script)."""
    match = _REPORTER.search(simplified(text))
    if not match:
        return ()
    start, end = match.span("names") if match.group("names") else match.span("names2")
    return tuple(n for n in re.split(r"[\s、，,]+", text[start:end]) if n and not role_phrase(n))


def _classify(index: int, raw: str, blank_before: bool, month_first: bool | None) -> list[_Line]:
    stripped = raw.strip()
    line = _Line(index, raw.rstrip(), stripped, blank_before)
    nav = _navigation_title(stripped)
    if nav is not None:
        line.kind, line.reason, line.nav = "nav", NAVIGATION, nav
        return [line]
    image = _image_name(stripped)
    if image is not None:
        line.kind, line.reason, line.image = "image", IMAGE, image
        return [line]
    lead = _IMAGE_LEAD.match(stripped)
    if lead and not is_sentence(lead["name"]):
        # an image file name glued to the text that follows it on one line
        rest = _classify(index, lead["rest"], False, month_first)
        head = _Line(index, lead["name"], lead["name"], blank_before, "image", IMAGE, image=lead["name"])
        if rest[0].kind == "meta":
            rest[0].raw, rest[0].text = line.raw, stripped  # the whole line is the metadata line
        return [head, *rest]
    reason = furniture_reason(stripped)
    if reason is not None:
        line.kind, line.reason = "furniture", reason
        return [line]
    if _URL_LINE.match(stripped):
        # the page's address printed as a line: a date in its path is not a date the page prints
        line.kind, line.reason = "furniture", NAVIGATION
        return [line]
    meta = parse_metadata_line(stripped, month_first)
    if meta is None and _REPORTER.match(simplified(stripped)) and len(stripped) <= 40:
        meta = MetaLine(authors=_reporter_names(stripped), labelled=1)
    if meta is not None:
        line.kind, line.reason, line.meta = "meta", METADATA, meta
        return [line]
    if author_bio(stripped):  # labelled: "About the author: ...", "（作者系…）"
        line.kind, line.reason = "furniture", AUTHOR_BIO
    return [line]


def _clean_title(title: str) -> tuple[str, list[str]]:
    """Strip what a crawler or the HTML title glued to a headline: a leading date, a trailing site name."""
    notes: list[str] = []
    prefix = _DATE_PREFIX.match(title)
    if prefix and len(title[prefix.end() :].split()) >= 2:
        notes.append(f"date {prefix['date']} glued before the title removed from it")
        title = title[prefix.end() :]
    segments = _SITE_SUFFIX.split(title)
    if len(segments) >= 2 and _DOMAIN.match(segments[-1].strip()):
        kept = segments[:-1]
        while len(kept) > 1 and len(kept[-1].split()) <= 3:
            kept.pop()
        cut = title.rfind(kept[-1]) + len(kept[-1]) if kept else len(title)
        notes.append("site name after the title removed from it")
        title = title[:cut].rstrip()
    return title, notes


_PIPE_SUFFIX = re.compile(r"\s*[|｜]\s*(?P<site>[^|｜]+)$")
_DASH_SUFFIX = re.compile(r"\s+[-–—]\s+(?P<site>[^-–—]+)$")
# Chinese page titles glue the site's name with a bare hyphen or underscore: "标题-网站名", "标题_栏目_网站名"
_CJK_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fff）」』”])[-_－＿](?P<site>[\u4e00-\u9fff][^-_－＿]*)$")


def _without_site_name(title: str, others: list[str]) -> tuple[str, str] | None:
    """The headline of an HTML title "Headline | Site Name" whose site name the page prints elsewhere (a
    masthead line, a copyright or address line, the body); "Headline - Site Name" only when the site name is
    a line of its own. (headline, site name), or None when the title carries no such suffix."""
    for pattern, whole_line in ((_PIPE_SUFFIX, False), (_DASH_SUFFIX, True), (_CJK_SUFFIX, True)):
        match = pattern.search(title)
        if match is None or match.start() == 0:
            continue
        site, head = match["site"].strip(), title[: match.start()].rstrip()
        short = len(head) < 6 if pattern is _CJK_SUFFIX else words(head) < 3
        if words(site) > 8 or SENTENCE_END.search(site) or short or re.search(r"[|｜]", head):
            continue  # a menu ("News | Events | Research") is not a headline
        key = _norm(site)
        if any(_norm(o) == key if whole_line else key in _norm(o) for o in others):
            return head, site
    return None


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


# labels of a box at the top of an article (a summary, key points): article furniture, never the headline
_BOX_LABEL = re.compile(
    r"key\s+(?:takeaways|points|findings)|summary|highlights|in\s+brief|at\s+a\s+glance|abstract|"
    r"en\s+bref|l['’]essentiel|points?\s+cl[ée]s|r[ée]sum[ée]|[àa]\s+retenir|摘要|要点|导读|内容提要|核心提示", re.I)


def _choose_title(candidates: list[_Line]) -> _Line | None:
    """The headline among the lines before the article text: a line printed twice, an HTML title "T | Site"
    whose site name is printed as another header line (when "T" is not printed alone), or the short form
    of an HTML title ("T - Site - domain" next to "T"), else the last such line (site names, section
    labels and breadcrumbs come before a headline, not after it) unless that line is a subtitle opened by
    a dash right under the one before it. A lone word printed twice ("CGTN" as
    masthead and as credit) is the site's name, not a headline."""
    if not candidates:
        return None
    while len(candidates) > 1 and _BOX_LABEL.fullmatch(simplified(candidates[-1].text.strip(" :：【】[]"))):
        candidates = candidates[:-1]  # "Key takeaways" over the article: the label of its first box, not a headline
    keys = [_norm(_clean_title(c.text)[0]) for c in candidates]
    for c, key in zip(candidates, keys):
        if keys.count(key) >= 2 and not _one_label(c.text):  # a lone word printed twice is the site's name
            return c
    for c in candidates:  # "Headline | Site Name" above a masthead line "Site Name"
        named = _without_site_name(c.text, [o.text for o in candidates if o is not c])
        if named is not None and not any(_norm(o.text) == _norm(named[0]) for o in candidates):
            return c
    for c, key in zip(candidates, keys):
        for other in keys:
            if other != key and other.startswith(key) and re.match(r"\s*[-|–—_:]\s*\S", other[len(key) :]):
                return c
    last = candidates[-1]
    if len(candidates) >= 2 and not last.blank_before and re.match(r"^(?:——|—|–|--)\s*\S", last.text.strip()):
        return candidates[-2]  # "——生成式人工智能服务须添加标识" under the headline: its subtitle
    return last


def _bare_author_lines(lines: list[_Line]) -> None:
    """A bare person's name next to a dated metadata line, after a longer text line, is the byline
    ("Title / Jane Doe / March 3, 2025"): two or three capitalised words, shorter than the line before it
    (a site name before a headline is the other way round)."""
    for i, ln in enumerate(lines):
        if ln.kind != "text" or i == 0 or not 2 <= len(ln.text.split()) <= 3 or not looks_like_name(ln.text):
            continue
        neighbours = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        dated = any(n.kind == "meta" and n.meta is not None and n.meta.dates for n in neighbours)
        before = next((p for p in reversed(lines[:i]) if p.kind == "text"), None)
        if dated and before is not None and words(before.text) > words(ln.text):
            ln.kind, ln.reason, ln.meta = "meta", METADATA, MetaLine(authors=(ln.text,), labelled=1)


def _person_name(name: str) -> bool:
    """A person's name in a Latin-script byline: two to four words, no role or organisation word."""
    tokens = name.split()
    return (
        2 <= len(tokens) <= 4 and all(re.fullmatch(r"[^\W\d_][\w'’.-]*", t) for t in tokens)
        and looks_like_name(name) and not role_phrase(name) and not organisation_phrase(name)
    )


def _byline_names(text: str) -> tuple[str, ...]:
    """Persons listed on one unlabelled line ("Jane Roe and John Doe", "Jane Roe, John Doe and Ann Lee",
    "Claire Dubois et Paul Martin"), or one person and a role after a comma ("Jane Roe, Senior Fellow"):
    Latin-script names joined by commas or a conjunction, and nothing else on the line."""
    text = text.strip()
    if not text or SENTENCE_END.search(text) or any(_is_cjk(ch) for ch in text):
        return ()
    names: list[str] = []
    qualified = False
    for piece in re.split(r"\s*[,;|]\s*", text):
        found = split_names(piece)
        if found and all(_person_name(n) for n in found):
            names.extend(found)
        elif names and (role_phrase(piece) or organisation_phrase(piece)) and words(piece) <= 8:
            qualified = True  # a role or affiliation after the names
        else:
            return ()
    return tuple(names) if len(names) >= 2 or (names and qualified) else ()


def _role_line(text: str) -> bool:
    """A line of roles and affiliations under a byline name ("Senior Fellow, Harbour Institute")."""
    text = text.strip()
    pieces = [p for p in re.split(r"\s*[,;|]\s*", text) if p]
    return (
        bool(pieces) and not SENTENCE_END.search(text) and words(text) <= 12 and role_phrase(pieces[0])
        and all(role_phrase(p) or organisation_phrase(p) for p in pieces)
    )


def _unlabelled_bylines(lines: list[_Line]) -> None:
    """A line listing persons right after the headline (metadata lines may come between) is the byline:
    the line before it is a text line that is not itself a list of names. A lone name followed by a line
    of roles and affiliations is a byline too ("Jane Roe / Senior Fellow, Harbour Institute"), and so is a
    lone two- or three-word name between a headline of four words or more and the article text. A byline
    stands above the article: once a line of article text has been printed, lines of names and roles
    (a speakers list, a panel) are the article's."""
    article = next(
        (k for k, ln in enumerate(lines) if ln.kind == "text" and is_sentence(ln.text) and not _question_headline(ln.text)),
        len(lines),
    )
    for i, ln in enumerate(lines):
        if ln.kind != "text" or i == 0 or i > article:
            continue
        names = _byline_names(ln.text)
        following = lines[i + 1] if i + 1 < len(lines) else None
        role_below = (
            not names and _person_name(ln.text.strip()) and following is not None and following.kind == "text"
            and _role_line(following.text)
        )
        after = next((p for p in lines[i + 1 :] if p.kind not in ("meta", "furniture")), None)
        lone = (
            not names and not role_below and _person_name(ln.text.strip()) and len(ln.text.split()) <= 3
            and (after is None or (after.kind == "text" and is_sentence(after.text)))
        )
        if not names and not role_below and not lone:
            continue
        before = next((p for p in reversed(lines[:i]) if p.kind not in ("meta", "furniture")), None)
        if before is None or before.kind != "text" or is_sentence(before.text) or _byline_names(before.text):
            continue
        if lone and (words(before.text) < 4 or words(before.text) <= words(ln.text)):
            continue  # a lone name-shaped line is a byline only under a headline-sized line
        dated = any(
            n.kind == "meta" and n.meta is not None and n.meta.dates for n in lines[max(0, i - 1) : i + 3] if n is not ln
        )
        if words(before.text) < 3 and not dated:
            continue  # "Harbour Times / Ocean Affairs and Port Policy": a site name, then a section label
        ln.kind, ln.reason, ln.meta = "meta", METADATA, MetaLine(authors=names or (ln.text.strip(),), labelled=1)
        if role_below and following is not None:
            following.kind, following.reason, following.meta = "meta", METADATA, MetaLine(labelled=1)


def _one_label(text: str) -> bool:
    """A lone widget-sized label: one Latin word of at most 12 characters, or at most 3 CJK characters."""
    text = text.strip()
    cjk = sum(1 for ch in text if _is_cjk(ch))
    if cjk:
        return cjk == len(text.replace(" ", "")) and cjk <= 3
    return len(text.split()) == 1 and len(text) <= 12 and not is_sentence(text)


def _headline_before_labels(candidates: list[_Line]) -> tuple[_Line, list[_Line]] | None:
    """The headline is not a lone word: when the last header lines are single labels no vocabulary
    knows ("Gift", "VK") and the line before them is a headline-sized line (four words or more), that
    line is the headline and the labels are widget residue. (headline, residue) or None."""
    k = len(candidates)
    while k > 0 and _one_label(candidates[k - 1].text):
        k -= 1
    if k == len(candidates) or k == 0:
        return None
    headline = candidates[k - 1]
    if words(headline.text) < 4 or breadcrumb(headline.text):
        return None
    return headline, candidates[k:]


def _headline_before_byline(candidates: list[_Line], lines: list[_Line]) -> tuple[_Line, list[_Line]] | None:
    """A byline follows the headline: when a metadata line naming authors stands among the header lines
    and only short labels (up to four words, no sentence) come after it, the headline is the last line
    before the byline and those labels are widget residue ("Send to Kindle"). (headline, residue) or None."""
    position = {id(ln): k for k, ln in enumerate(lines)}
    start = position[id(candidates[0])]
    byline = next(
        (k for k, ln in enumerate(lines) if k > start and ln.kind == "meta" and ln.meta is not None and ln.meta.authors),
        None,
    )
    if byline is None:
        return None
    before = [c for c in candidates if position[id(c)] < byline]
    after = [c for c in candidates if position[id(c)] > byline]
    if not before or not after or words(before[-1].text) < 3 or breadcrumb(before[-1].text):
        return None
    if all(words(c.text) <= 4 and not is_sentence(c.text) for c in after):
        return before[-1], after
    return None


def _linked_title(line: _Line) -> bool:
    """A line that can be the title of a link in a list: text, not a sentence, at most twenty words."""
    return line.kind == "text" and not is_sentence(line.text) and words(line.text) <= 20


def _related_blocks(lines: list[_Line]) -> None:
    """A bare list label ("Related", "Lire aussi", "Sur le même sujet", "相关新闻") heads a list of linked
    titles: the short non-sentence line under it, and the ones printed right after that one (no blank line
    between), are links (kept in `related_links`), not article text."""
    for i, label in enumerate(lines):
        bare_nav = label.kind == "nav" and not label.nav
        if not (bare_nav or (label.kind == "furniture" and label.reason == RELATED)):
            continue
        j = i + 1
        while j < len(lines) and _linked_title(lines[j]) and (j == i + 1 or not lines[j].blank_before):
            lines[j].kind, lines[j].reason, lines[j].nav = "nav", NAVIGATION, lines[j].text
            j += 1


def _legal_notices_at_end(lines: list[_Line]) -> None:
    """The publisher's legal notices among the last lines of a page (below the last article sentence that is
    not one; short footer lines may stand between them): "X is a registered charity in England and Wales
    (No. 123)", "Association loi 1901", "ICP备…". They are furniture even when written as sentences."""
    for ln in reversed([ln for ln in lines if ln.kind == "text"]):
        if legal_notice(ln.text):
            ln.kind, ln.reason = "furniture", COPYRIGHT
        elif footer_reason(ln.text) is None:
            break  # article text: notices above it are the article's business


def _question_headline(line: str) -> bool:
    """A headline that is one short question or exclamation (a sentence by its end, a title by its size)."""
    text = line.strip()
    return text.endswith(("?", "!", "？", "！")) and words(text) <= 15 and len(re.findall(r"[.!?。！？]", text)) == 1


_SPEAKERS_LABEL = re.compile(
    r"^(?:(?:the\s+)?(?:speakers?|panel+ists?|participants|moderators?|discussants?|presenters?)|intervenant(?:e)?s|orateurs?|"
    r"mod[ée]rat(?:eur|rice)s?|(?:主讲|演讲|与会|出席|特邀)?嘉宾|主讲人|讲者|与谈人|主持人)\s*[:：]?$", re.I)
_HONORIFIC = re.compile(r"^(?:professor|prof\.|dr\.?|mr\.?|ms\.?|mrs\.?|ambassador|h\.\s?e\.|m\.|mme)\s+", re.I)


def _speaker_line(text: str) -> bool:
    """One entry of a list of speakers: a person's name, a comma, then a role or affiliation."""
    name, comma, rest = text.strip().partition(",")
    return bool(comma) and bool(rest.strip()) and _person_name(_HONORIFIC.sub("", name.strip()))


def _speaker_lists(texts: list[str]) -> set[int]:
    """Indexes of a labelled list of speakers ("Speakers" over "Dr. Jane Roe, Senior Fellow, X Institute"
    lines): the event's participants are the article's content, not footer furniture, even at the end."""
    kept: set[int] = set()
    for i, text in enumerate(texts):
        if not _SPEAKERS_LABEL.match(simplified(text.strip())):
            continue
        j = i + 1
        while j < len(texts) and _speaker_line(texts[j]):
            j += 1
        if j > i + 1:
            kept.update(range(i, j))
    return kept


def _footer_after_last_sentence(lines: list[_Line]) -> None:
    """After the last sentence of the article, short non-sentence lines are page furniture (lists and
    speakers lists aside)."""
    remaining = [ln for ln in lines if ln.kind == "text"]
    last_body = max((i for i, ln in enumerate(remaining) if is_sentence(strip_end_mark(ln.text)[0])), default=None)
    if last_body is None:
        return
    tail = remaining[last_body + 1 :]
    in_list = list_lines([ln.text for ln in tail]) | _speaker_lists([ln.text for ln in tail])
    for i, ln in enumerate(tail):
        reason = None if i in in_list else footer_reason(ln.text)
        if reason is not None:
            ln.kind, ln.reason = "furniture", reason


_AUTHOR_LABEL = re.compile(r"^(?:by|authors?|written\s+by|par|auteurs?|autrices?|作者|撰文|撰稿|记者)\s*[:：]?$", re.I)


def _labelled_author_blocks(lines: list[_Line]) -> None:
    """An author label on a line of its own ("Authors", "By", "Auteurs :", "作者：") over one name per line
    ("Jane Roe", "John Doe, Senior Fellow") is the byline: the label and the names are metadata."""
    for i, label in enumerate(lines):
        if label.kind != "text" or not _AUTHOR_LABEL.match(simplified(label.text)):
            continue
        names: list[str] = []
        j = i + 1
        while j < len(lines) and lines[j].kind == "text" and (j == i + 1 or not lines[j].blank_before):
            head = lines[j].text.split(",")[0].strip()
            cjk = all(_is_cjk(ch) for ch in head) and 2 <= len(head) <= 4
            if not (cjk or _person_name(head)):
                break
            names.append(head)
            j += 1
        if not names:
            continue
        label.kind, label.reason, label.meta = "meta", METADATA, MetaLine(authors=tuple(names), labelled=1)
        for ln in lines[i + 1 : j]:
            ln.kind, ln.reason, ln.meta = "meta", METADATA, MetaLine(labelled=1)


def _event_schedules(lines: list[_Line]) -> None:
    """A venue line ("Location: Online", "Lieu : Paris", "地点：报告厅", a bare "Online") with a dated line right
    above or below it (no blank line between), or an event label ("Past event", "活动预告") right above it,
    makes that line the schedule of the event the page announces."""
    for i, ln in enumerate(lines):
        below = lines[i + 1] if i + 1 < len(lines) else None
        if ln.kind == "text" and EVENT_LABEL.fullmatch(simplified(ln.text.strip(" :："))) and below is not None \
                and not below.blank_before and below.kind == "meta" and below.meta is not None and below.meta.dates:
            # "Past event" / "活动预告" over a dated line: the label and the event's schedule
            ln.kind, ln.reason, ln.meta = "meta", METADATA, MetaLine(labelled=1)
            below.meta.as_event_schedule()
            continue
        if ln.kind != "meta" or ln.meta is None or not ln.meta.venue:
            continue
        if i > 0 and not ln.blank_before and lines[i - 1].kind == "meta" and lines[i - 1].meta is not None:
            lines[i - 1].meta.as_event_schedule()
        below = lines[i + 1] if i + 1 < len(lines) else None
        if below is not None and not below.blank_before and below.kind == "meta" and below.meta is not None:
            below.meta.as_event_schedule()


def _lead_in(line: str) -> bool:
    """A sentence-sized line ending with a colon opens the article ("Following is a question by ... today
    (May 22):", a notice's addressees "各省、自治区、直辖市人民政府，国务院各部委："): never a headline."""
    text = line.strip()
    return text.endswith((":", "：")) and words(text) >= 8 and not breadcrumb(text)


def _metadata_follows(line: _Line, lines: list[_Line]) -> bool:
    """A metadata line (byline, date) is the next line after `line` that is not furniture or an image:
    metadata stands between a headline and its article, never inside the article's first paragraph."""
    position = next(k for k, ln in enumerate(lines) if ln is line)
    after = next((ln for ln in lines[position + 1 :] if ln.kind not in ("furniture", "image", "caption")), None)
    return after is not None and after.kind == "meta"


def structure_news(raw: str) -> StructuredDocument:
    """Structure one web news item (see module docstring). Pure; never raises on odd input."""
    from corpus.structure.language import detect_language

    source = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not source.strip():
        return StructuredDocument(text="", genre="news", notes=("empty document",))
    language = detect_language(source[:5000])
    month_first, order_reason = page_month_first(source, language)

    lines: list[_Line] = []
    blank = True
    for index, raw_line in enumerate(source.split("\n")):
        if not raw_line.strip():
            blank = True
            continue
        lines.extend(_classify(index, raw_line, blank, month_first))
        blank = False

    # a caption under an image (ending with its photo credit, or opening like one) belongs to that image
    for previous, ln in zip(lines, lines[1:]):
        if previous.kind == "image" and ln.kind == "text" and _caption(ln.text) is not None:
            ln.kind, ln.reason = "caption", PHOTO_CAPTION

    # a paragraph ending with a photo credit (or opening with "▲") and no image line above it is the caption
    # of a photo the text version lost ("Visitors at the expo on Monday. (Photo/Agencies)")
    for previous, ln in zip([None, *lines], lines):
        if ln.kind == "text" and (previous is None or previous.kind != "image") and (
            _credit_caption(ln.text) or (_MARKED_CAPTION.match(ln.text.strip()) and words(ln.text) <= 80)
        ):
            ln.kind, ln.reason = "caption", PHOTO_CAPTION

    _related_blocks(lines)
    _event_schedules(lines)
    _labelled_author_blocks(lines)

    _bare_author_lines(lines)
    _unlabelled_bylines(lines)
    notes: list[str] = []
    texts = [ln for ln in lines if ln.kind == "text"]
    first_body = next((i for i, ln in enumerate(texts) if is_sentence(ln.text) or _lead_in(ln.text)), None)
    if first_body == 0 and len(texts) > 1 and _question_headline(texts[0].text):
        first_body = 1  # "Is the port ready for AI?" on the first line, the article after it
    elif first_body is not None and first_body + 1 < len(texts) and _question_headline(texts[first_body].text) \
            and _metadata_follows(texts[first_body], lines):
        first_body += 1  # "Who Sets the Rules?" over its byline or date line: the headline, not the article
    if first_body is None:  # no sentence anywhere: the first line is the title, the rest is text
        header, title_line = texts[:1], (texts[0] if texts else None)
    else:
        header = texts[:first_body]
        title_line = _choose_title(header)
    residue: list[_Line] = []
    if title_line is not None and len(header) > 1:
        found = _headline_before_labels(header) or _headline_before_byline(header, lines)
        if found is not None and title_line is not found[0] and title_line in found[1]:
            title_line, residue = found
    title = None
    if title_line is not None:
        title, title_notes = _clean_title(_clean_paragraph(title_line.text))
        notes += title_notes
        named = _without_site_name(title, [ln.text for ln in lines if ln is not title_line])
        site_key = None
        if named is not None:
            title, site_key = named[0], _norm(named[1])
            notes.append("site name after the title removed from it")
        title_key = _norm(title)
        seen_title = False
        for ln in header:
            if ln is title_line:
                ln.kind, seen_title = "title", True
            elif any(ln is r for r in residue):
                ln.kind, ln.reason = "furniture", WIDGET
            elif _norm(_clean_title(ln.text)[0]) == title_key or _norm(ln.text).startswith(title_key + " "):
                ln.kind, ln.reason = "furniture", TITLE_REPEAT
            elif site_key is not None and _norm(ln.text) == site_key:
                ln.kind, ln.reason = "furniture", HEADER  # the site name the HTML title ends with
            elif not seen_title:
                ln.kind, ln.reason = "furniture", BREADCRUMB if breadcrumb(ln.text) else HEADER
        for ln in texts[first_body or 1 :]:
            if ln.kind == "text" and _norm(ln.text) == title_key:
                ln.kind, ln.reason = "furniture", TITLE_REPEAT
        if any(ln.reason == TITLE_REPEAT for ln in lines):
            notes.append("title repeated on the page; kept once")
    else:
        notes.append("no title line: the page starts with article text; title left empty")

    # after the last sentence of the article: short non-sentence lines are page furniture
    _legal_notices_at_end(lines)
    _footer_after_last_sentence(lines)

    # an author's note at the end ("Jane Roe is a senior fellow at ..."): the byline's authors, or the
    # last lines of the page when they present a person by role
    byline_authors = tuple(a for ln in lines if ln.kind == "meta" and ln.meta is not None for a in ln.meta.authors)
    remaining = [ln for ln in lines if ln.kind == "text"]
    for j in range(len(remaining) - 1, 0, -1):
        elsewhere = "\n".join(ln.text for ln in remaining[:j])
        if not author_bio(remaining[j].text, byline_authors, last=True, elsewhere=elsewhere):
            break
        remaining[j].kind, remaining[j].reason = "furniture", AUTHOR_BIO
    if any(ln.reason == AUTHOR_BIO for ln in remaining):
        _footer_after_last_sentence(lines)  # the author's note was the last sentence: the article ends earlier

    # each entry of a speakers list is a paragraph of its own, not a hard-wrapped line of the one above
    remaining = [ln for ln in lines if ln.kind == "text"]
    entries = {id(remaining[k]) for k in _speaker_lists([ln.text for ln in remaining])}
    figures: list[FigureSpan] = []
    body: list[tuple[str, bool]] = []
    removed: list[tuple[str, str]] = []
    related: list[str] = []
    metas: list[MetaLine] = []
    last_kind = None
    for ln in lines:
        if ln.kind == "title":
            last_kind = "title"
            continue
        if ln.kind == "image":
            figures.append(FigureSpan(label=ln.image or ln.text, kind="image"))
            removed.append((IMAGE, ln.text))
        elif ln.kind == "caption" and figures and last_kind == "image":
            caption, credit = _caption(ln.text) or (ln.text, None)
            figures[-1] = replace(figures[-1], caption=caption, source=credit)
            removed.append((PHOTO_CAPTION, ln.text))
        elif ln.kind == "caption":
            removed.append((PHOTO_CAPTION, ln.text))  # no image line above it: the photo is not in the text
        elif ln.kind == "text":
            # a removed line between two text lines breaks the paragraph, as a blank line would
            body.append((ln.raw, ln.blank_before or id(ln) in entries or last_kind not in ("text", "caption", None)))
        else:
            if ln.kind == "nav" and ln.nav:
                related.append(ln.nav)
            if ln.kind == "meta" and ln.meta is not None:
                metas.append(ln.meta)
            if ln.reason == PHOTO_CREDIT and figures and last_kind in ("image", "caption") and figures[-1].source is None:
                figures[-1] = replace(figures[-1], source=photo_credit(ln.text))
            removed.append((ln.reason or "", ln.text))
        last_kind = ln.kind

    paragraphs = _body_lines_to_paragraphs(body)
    if paragraphs:
        last, mark = strip_end_mark(paragraphs[-1])
        if mark:
            paragraphs[-1] = last
            removed.append((END_MARK, mark))
    text, sections = _assemble(paragraphs)

    fields = _metadata_fields(metas, notes, order_reason)
    authors = fields["authors"]
    dateline = None
    for paragraph in paragraphs[:2]:
        match = _DATELINE.match(paragraph) or _DATELINE_ZH.match(simplified(paragraph))
        if match:
            dateline = paragraph[match.start() : match.end()].strip(" -–—")
            break
    if not authors:
        for paragraph in paragraphs[:2]:
            names = _reporter_names(paragraph[:80])
            if names:
                authors = names
                notes.append("authors from the reporter credit in the first paragraph")
                break
    # dates stated in the text; a numeric one whose day/month order the page does not decide is left out
    # the dates of an event the page announces ("Event date: 20 March 2025") come first
    scheduled = [v.iso for m in metas for k, v in m.dates if k == EVENT and v.iso and not v.ambiguous]
    event_dates = tuple(dict.fromkeys([*scheduled, *(
        m.iso for m in find_dates(text, bool(month_first)) if not (m.ambiguous and month_first is None)
    )]))
    script = detect_script((title or "") + "\n" + text) if language == "zh" or _has_han(text) else None

    return StructuredDocument(
        text=text,
        title=title or None,
        authors=authors,
        publisher=fields["publisher"],
        published_date=fields["date"],
        published_time=fields["time"],
        event_dates=event_dates,
        related_links=tuple(related),
        sections=sections,
        figures=tuple(figures),
        boilerplate=tuple(t for reason, t in removed if reason not in (IMAGE, END_MARK, PHOTO_CAPTION)),
        genre="news",
        notes=tuple(notes),
        script=script,
        editors=fields["editors"],
        keywords=fields["keywords"],
        dateline=dateline,
        removed=tuple(removed),
    )


PHOTO_CAPTION = "photo_caption"


def _has_han(text: str) -> bool:
    return sum(1 for ch in text[:2000] if "\u4e00" <= ch <= "\u9fff") >= 10


_CAPTION_START = re.compile(
    r"^(?:[▲△↑]|图为|图：|图:|上图|下图|左图|右图|组图|photo\s+(?:taken|shows)|this\s+(?:photo|picture)|pictured|"
    r"photo\s+prise|sur\s+(?:la|cette)\s+photo|ci-dessus|above\s*:)", re.I
)


# a caption marked by an arrow pointing at the photo above it ("▲ 发布会现场。"), wherever the image line is
_MARKED_CAPTION = re.compile(r"^[▲△↑]\s*\S")


# a credit printed after a caption's last sentence without brackets: "... in London. Photo: Jane Roe",
# "... en janvier 2024. Photo : Li Wen / AFP", "... in July. Reuters/Aly Song"
_TRAILING_CREDIT = re.compile(r"(?<=[.!?。！？…])\s+(?P<credit>[^\s.!?。！？][^.!?。！？]{1,70})$")


def _trailing_credit(text: str) -> tuple[str, str] | None:
    """(caption, credit) when `text` ends with a photo credit after its caption: bracketed ("(Photo/Agencies)",
    "（新华社记者 李明 摄）") or unbracketed after the last sentence ("Photo: Jane Roe / Reuters")."""
    match = re.search(r"[(（][^()（）]{2,60}[)）]\s*$", text)
    if match is not None and match.start() > 0:
        credit = photo_credit(match.group())
        if credit is not None:
            return text[: match.start()].rstrip(), credit
    match = _TRAILING_CREDIT.search(text)
    if match is not None and words(match["credit"]) <= 10:
        credit = photo_credit(match["credit"])
        if credit is not None:
            return text[: match.start()].rstrip(), credit
    return None


def _caption(line: str) -> tuple[str, str | None] | None:
    """A caption paragraph under an image: (caption, credit) when it ends with a photo credit or opens
    the way captions do ("图为 ...", "Photo taken on ... shows ..."); None for article text."""
    text = line.strip()
    found = _trailing_credit(text)
    if found is not None:
        return found
    if _CAPTION_START.match(simplified(text)) and words(text) <= 80:
        return text, None
    return None


def _credit_caption(line: str) -> bool:
    """A caption paragraph that ends with a photo credit after a complete caption sentence
    ("... in Lisbon on March 3. (Photo/Agencies)", "…参观模型。（新华社记者 李明 摄）", "... in 2023. Photo: X / AFP")."""
    found = _trailing_credit(line.strip())
    if found is None:
        return False
    before = found[0]
    return words(before) <= 80 and re.search(r"[.!?。！？…]$", before) is not None


def _metadata_fields(metas: list[MetaLine], notes: list[str], order_reason: str) -> dict:
    """Page date and time, authors, editors, publisher and keywords from every metadata line.

    The page's date is the first full date of a publication or unlabelled part; an update stamp is used
    only when the page prints no other; the date of an event the page announces is never the page's; a date without a year or with an undecidable day/month order
    is never completed (noted instead).
    """
    dates = [(kind, value) for meta in metas for kind, value in meta.dates if kind != EVENT]
    chosen = next((v for k, v in dates if k != UPDATED and v.date is not None), None)
    if chosen is None:
        chosen = next((v for k, v in dates if v.date is not None), None)
        if chosen is not None:
            notes.append("published date taken from the update stamp (the page prints no other date)")
    if not metas:
        notes.append("no byline found: published date, authors and publisher unknown")
    partial = next((v.iso for k, v in dates if v.date is None and v.iso and v.year is None), None)
    if chosen is None and partial:
        notes.append(f"byline date {partial} has no year; published_date left empty")
    if chosen is None and any(v.ambiguous for _, v in dates):
        notes.append(f"numeric byline date with undecidable day/month order left empty ({order_reason})")
    time = chosen.time if chosen is not None else None
    if chosen is not None and time is None:  # a time on a line of its own ("Issued at HKT 15:30")
        time = next((v.time for _, v in dates if v.month is None and v.year is None and v.time), None)
    authors = next((m.authors for m in metas if m.authors), ())
    editors = tuple(dict.fromkeys(e for m in metas for e in m.editors))
    keywords = next((m.keywords for m in metas if m.keywords), ())
    publisher = next((p for p in (_publisher(m) for m in metas) if p), None)
    return {"date": chosen.date if chosen else None, "time": time, "authors": authors, "editors": editors,
            "keywords": keywords, "publisher": publisher}

def _assemble(paragraphs: list[str]) -> tuple[str, tuple[SectionSpan, ...]]:
    """Join paragraphs with blank lines; a preamble section, plus level-1 sections when the item has
    real subheadings (at least two short unpunctuated lines each followed by longer body text)."""
    text = "\n\n".join(paragraphs)
    if not text:
        return "", ()
    starts: list[int] = []
    offset = 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 2
    headings = [
        i
        for i, paragraph in enumerate(paragraphs)
        if _looks_like_heading(paragraph, paragraphs[i + 1] if i + 1 < len(paragraphs) else None)
    ]
    if len(headings) < 2:
        return text, (SectionSpan(heading="", level=1, start=0, end=len(text), kind="preamble"),)
    sections: list[SectionSpan] = []
    if headings[0] > 0:
        sections.append(SectionSpan(heading="", level=1, start=0, end=starts[headings[0]], kind="preamble"))
    for n, i in enumerate(headings):
        body_start = min(starts[i] + len(paragraphs[i]) + 2, len(text))
        end = starts[headings[n + 1]] if n + 1 < len(headings) else len(text)
        sections.append(SectionSpan(heading=paragraphs[i], level=1, start=body_start, end=end))
    return text, tuple(sections)
