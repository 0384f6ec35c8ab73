"""What a parsed reference is: a comment or a citation, the type of work cited, its language."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from corpus.enrich.citations.model import _Draft
from corpus.enrich.citations.patterns import _AUX, _COMMENT_START, _COURT_CASE, _DATASET, _JOURNAL, _LAW, _NEWS_OUTLET, _OTHER, _PROSE_OPENER, _REPORT, _SPEECH
from corpus.enrich.citations.text import _date_iso, _has_cjk, _prose, _sentence_case


def _looks_like_comment(text: str, start: int, end: int, draft: _Draft) -> bool:
    chunk = text[start:end].strip()
    if draft.comment:
        return True
    if draft.url is None and not draft.title_quoted and re.search(r"\b(?:interview|interveiw|e-?mail|conversation|correspondence)s?\b", chunk, re.I):
        return True
    if draft.url is not None:
        return False
    first = re.split(r",\s", chunk, maxsplit=1)[0]
    if not draft.title_quoted and len(first.split()) >= 6 and _AUX.search(first):
        return True  # "Results from the workshops were further discussed ...": a clause with a verb
    two = ", ".join(re.split(r",\s", chunk, maxsplit=2)[:2])
    if not draft.title_quoted and _AUX.search(two) and not re.search(r"(?:\d|\))\W*$", chunk):
        return True  # "Globally, the number of businesses using AI had grown ..."
    if draft.title is not None and not draft.title_quoted and draft.title.value[:1].isupper() and not _AUX.search(text[start : draft.title.start]) and not _PROSE_OPENER.match(chunk):
        if draft.authors and draft.date:
            return False  # "Gartner, Gartner survey shows ..., 2019": author, title, date
        if draft.authors and len(text[start : draft.title.start].split()) <= 8 and not _AUX.search(draft.title.value):
            return False  # "European Parliamentary Research Service, Europe's two trillion euro dividend: ..."
        if draft.date and re.fullmatch(r"\s*\)\W*", text[draft.date.end : end]) and len(draft.title.value.split()) <= 25 and not _AUX.search(draft.title.value):
            return False  # "Report of the High-Level Expert Group on ... (April 2019)": a title with its date
    if not (draft.title_quoted or draft.date or draft.locator or draft.container or draft.authors or _has_cjk(chunk)) and _sentence_case(chunk):
        return True  # a sentence with no mark of a reference: "DPI refers to deep packet inspection."
    if draft.title is not None and not draft.title_quoted and not _has_cjk(draft.title.value) and _prose(draft.title.value) and not _LAW.search(draft.title.value[:40]):
        return True
    if _COMMENT_START.match(chunk) and not draft.title_quoted and not _has_cjk(chunk):
        return True
    words = chunk.split()
    if draft.title is None and not draft.authors and draft.container is None:
        return True
    # a long sentence with verbs and no quoted title is prose
    if not draft.title_quoted and draft.title is not None and len(draft.title.value.split()) > 14 and not _LAW.search(draft.title.value[:40]):
        return True
    if len(words) > 40 and not draft.title_quoted and not (draft.title is not None and _LAW.search(draft.title.value[:40])):
        return True
    return False


def _is_law_title(title: str) -> bool:
    """A law or policy document's own title begins or ends with the instrument ('Regulation (EU) ...',
    '... Act of 1972', '...规划'); a news title that mentions a law ('China's Cybersecurity Law Takes Effect') does not."""
    if not title:
        return False
    title = re.sub(r"\s*\([\d\s–-]+\)$", "", title)  # "... Plan (2018–2020)"
    if re.match(r"(?:Regulation|Directive|Decision|Executive Order|Presidential Memorandum|Charter|Treaty|Convention|"
                r"Declaration|Guidelines?|Opinion|Update of Opinion|Recommendation|Resolution|Communication (?:on|from)|"
                r"White Paper|Conclusions|Notice|Code of)\b", title):
        return True
    if re.search(r"\b(?:Act|Law|Code|Regulation|Directive|Strategy|Plan|Declaration)(?:\s+of\s+\d{4})?$", title):
        return True
    return bool(re.search(r"\s+v\.?\s+|[\u4e00-\u9fff](?:法|条例|意见|规划|通知|纲要|办法|规定|决定|战略|计划|方案)[”》]?$", title))


def _type(text: str, draft: _Draft) -> str:
    segment = text[draft.start : draft.end]
    title = draft.title.value if draft.title else ""
    container = draft.container.value if draft.container else ""
    outside_title = segment.replace(title, " ") if title else segment
    if draft.type_hint:
        return draft.type_hint
    if _COURT_CASE.search(title) or re.search(r"\bCJEU\b|U\.S\.C\.|Federal Register|Official Journal", segment):
        return "law_policy"
    if _SPEECH.search(segment) or re.search(r"讲话|答记者问", title):
        return "speech_statement"
    if re.search(r"\b(?:White Paper|Federal Register|Official Journal|Rulemaking|Docket)\b|Fed\. Reg\.|\b(?:COM|JOIN|SWD)\(\d{4}\)", container + " " + outside_title):
        return "law_policy"
    if re.search(r"\(\s*(?:[A-Z][\w .]+:\s*)?[^()]*\b(?:Press|Books|Publishing|Education|MacMillan)\b", segment):
        return "book"
    if re.search(r"\bvol\.\s*\d|\bno\.\s*\d", segment) or draft.volume or (
        container and _JOURNAL.search(container) and not _NEWS_OUTLET.search(container) and not re.search(r"\b(?:Commission|Institute|Center|Centre|Council|Department|Office|Agency)\b", container)
    ):
        return "journal_article"
    if (_OTHER.search(outside_title) or re.search(r"\bStandard for\b|\bSpecifications?$", title)) and not re.search(r"\bReport\b", segment):
        return "other"
    if _is_law_title(title):
        return "law_policy"
    government = any(re.search(r"\b(?:Ministry|Department|State Council|Council|Commission|Administration|Office|Bureau|Agency|Government)\b|国务院|部|委员会", a.value) for a in draft.authors)
    if government and not container and re.search(r"\b(?:Plan|Strategy|Guidelines|Measures|Notice|Opinions|Provisions|Rules|Regulations|Roadmap)\b", title):
        return "law_policy"  # a ministry's "Three-Year Action Plan ..."
    if container and _NEWS_OUTLET.search(container):
        return "news"
    if _DATASET.search(segment):
        return "dataset"
    if draft.url is not None and re.search(r"/blogs?/", draft.url.value):
        return "web_page"
    if draft.title_quoted and container and draft.date and len(_date_iso(draft.date.value) or "") == 10 and draft.url is None and not _REPORT.search(container):
        return "news"  # an article ("Title," Outlet, Month D, YYYY) printed without its URL
    if _REPORT.search(title) or _REPORT.search(container) or draft.type_hint == "report":
        return "report"
    if draft.url is not None:
        host = urlsplit(draft.url.value if "://" in draft.url.value else "http://" + draft.url.value).netloc.lower()
        if re.search(r"(?:^|\.)(?:news|tech)\.|/news/|/article", draft.url.value.lower()) or host.startswith("news."):
            return "news"
        return "web_page"
    if title and not draft.title_quoted and (container or draft.date):
        return "report"  # an unquoted (italic) title: a report or book-length work
    return "other"


def _language(draft: _Draft) -> str | None:
    if draft.title is None:
        return None
    return "zh" if _has_cjk(draft.title.value) else ("en" if re.search(r"[A-Za-z]", draft.title.value) else None)


def _lone_title(draft: _Draft) -> bool:
    """An unquoted title with nothing else: no author, date, URL, container or locator, and not a law's title."""
    return (
        draft.title is not None
        and not draft.title_quoted
        and not (draft.authors or draft.date or draft.url or draft.container or draft.locator or draft.title_translation)
        and not _is_law_title(draft.title.value)
        and not _has_cjk(draft.title.value)
    )
