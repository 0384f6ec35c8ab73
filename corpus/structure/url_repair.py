"""Footnote URLs a reader can use: incomplete ones are not published, a hyphen rejoined across a line
break is settled by the document's other URLs where they show the address, and a hyphen the extraction
dropped at a line end inside a URL is put back where the address shows it was there.

`urllib.parse` splits the URL; the rules on top of it are about how notes are typeset (a URL cut at the
page's end, a URL broken at a hyphen), which no URL library knows.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from urllib.parse import urlsplit

from corpus.structure.lines import find_urls, zipf
from corpus.structure.model import FootnoteSpan

_LABEL_RE = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TLD_RE = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]+)$")
_DOMAIN_RE = re.compile(r"(?<![\w.-])(?:[a-z0-9-]+\.)+[a-z]{2,63}(?![\w-])", re.IGNORECASE)


def url_host(url: str) -> str | None:
    """The lower-case host of `url` (a `www.` URL without a scheme read as http), or None."""
    try:
        host = urlsplit(url if "://" in url else f"http://{url}").hostname
    except ValueError:
        return None
    return host.lower() if host else None


def is_complete_url(url: str) -> bool:
    """Whether `url` can be an address as printed: a host of two or more valid labels ending in a real
    top-level label, and no hyphen or bare scheme at its end (the marks of a URL cut short)."""
    if url.endswith(("-", "://")):
        return False
    host = url_host(url)
    if not host:
        return False
    labels = host.split(".")
    return len(labels) >= 2 and all(_LABEL_RE.match(label) for label in labels) and bool(_TLD_RE.match(labels[-1]))


def _bare_host(host: str | None) -> str | None:
    return host.removeprefix("www.") if host else None


def settle_hyphen(url: str, hosts: Counter, urls: Counter) -> str | None:
    """The reading of an ambiguously rejoined `url` without one of its hyphens, when the document elsewhere
    shows that reading (its host, or the whole URL) and never the hyphenated one; else None.

    `hosts` and `urls` count the document's hosts (bare, without `www.`) and URLs, `url` itself included once.
    """
    own_host = _bare_host(url_host(url))
    found = []
    for index in (i for i, ch in enumerate(url) if ch == "-"):
        candidate = url[:index] + url[index + 1 :]
        host = _bare_host(url_host(candidate))
        if host != own_host:  # the hyphen is in the host
            if hosts[host] > 0 and hosts[own_host] <= 1:
                found.append(candidate)
        elif urls[candidate] > 0 and urls[url] <= 1:
            found.append(candidate)
    return found[0] if len(found) == 1 else None


_HOST_EVIDENCE = 2  # the hyphenated host printed at least this often elsewhere
_MIN_GLUED = 6  # letters of a slug word that may be two words glued
_WORD_ZIPF = 3.0  # each half of a glued slug word is a common word
_SLUG_HYPHENS = 2  # a path segment of words joined by hyphens ("federal-authorities-seize-...")


def _glued_split(token: str) -> str | None:
    """"gunconversion" -> "gun-conversion": a token no dictionary knows that is two common words; None otherwise."""
    if len(token) < _MIN_GLUED or not token.isalpha() or not token.islower() or zipf(token) > 0:
        return None
    splits = [(min(zipf(token[:k]), zipf(token[k:])), k) for k in range(3, len(token) - 2)]
    best = max(splits, default=(0.0, 0))
    return f"{token[:best[1]]}-{token[best[1]:]}" if best[0] >= _WORD_ZIPF else None


def restore_lost_hyphens(url: str, hosts: Counter) -> str:
    """`url` with the hyphens a text extraction dropped where the URL was broken over two lines (it joins the
    halves without the hyphen): a host printed only here whose hyphenated form the document shows elsewhere
    ("rfceditor.org" beside "rfc-editor.org"), and in a path segment of hyphen-joined words a word that is two
    common words glued ("...-illegal-machine-gunconversion")."""
    host = _bare_host(url_host(url))
    if host and hosts[host] <= 1:
        variants = {host[:k] + "-" + host[k:] for k in range(1, len(host)) if host[k - 1].isalnum() and host[k].isalnum()}
        found = sorted(v for v in variants if hosts[v] >= _HOST_EVIDENCE)
        if len(found) == 1:
            url = url.replace(host, found[0], 1)
    head, sep, path = url.partition("://")
    if not sep:
        head, path = "", url
    segments = path.split("/")
    for k, segment in enumerate(segments[1:], 1):
        if segment.count("-") >= _SLUG_HYPHENS:
            segments[k] = "-".join(_glued_split(word) or word for word in segment.split("-"))
    return f"{head}{sep}{'/'.join(segments)}"


_DIGITS_RE = re.compile(r"\d")
_MIN_SHAPE_EVIDENCE = 2


def _segment_shapes(url: str) -> list[tuple[str | None, int, str]]:
    """(host, position, shape) of each path segment of `url`, digits read as 9 ("FR-2025-01-29" -> "FR-9999-99-99")."""
    head, sep, path = url.partition("://")
    segments = (path if sep else url).split("/")
    host = _bare_host(url_host(url))
    return [(host, k, _DIGITS_RE.sub("9", segment)) for k, segment in enumerate(segments[1:], 1)]


def restore_pattern_hyphens(url: str, shapes: Counter) -> str:
    """`url` with a hyphen put back in a path segment that the document's other URLs of the same host print, at
    the same place, in one pattern with a hyphen ("pkg/FR2025-06-11" beside "pkg/FR-2025-01-29" and
    "pkg/FR-2025-02-20"): the extraction dropped it. Only where the segment's own pattern occurs nowhere else and
    exactly one hyphen's place gives the pattern found at least twice."""
    head, sep, path = url.partition("://")
    segments = (path if sep else url).split("/")
    host = _bare_host(url_host(url))
    for k, segment in enumerate(segments[1:], 1):
        shape = _DIGITS_RE.sub("9", segment)
        if shapes[(host, k, shape)] > 1:
            continue
        places = [i for i in range(1, len(segment)) if segment[i - 1].isalnum() and segment[i].isalnum()
                  and shapes[(host, k, shape[:i] + "-" + shape[i:])] >= _MIN_SHAPE_EVIDENCE]
        if len(places) == 1:
            segments[k] = segment[: places[0]] + "-" + segment[places[0]:]
    path = "/".join(segments)
    return f"{head}{sep}{path}" if sep else path


def repair_note_urls(notes: Sequence[FootnoteSpan]) -> tuple[FootnoteSpan, ...]:
    """Notes with ambiguous hyphens settled by the document's other URLs, hyphens the extraction dropped put
    back (judged by the settled texts), and incomplete URLs left out of `urls`."""
    texts = [n.text for n in notes]
    hosts = Counter(_bare_host(h.lower()) for t in texts for h in _DOMAIN_RE.findall(t))
    all_urls = Counter(u for t in texts for u in find_urls(t))
    settled_notes = []
    for note in notes:
        text, ambiguous = note.text, []
        for url in note.ambiguous_urls:
            settled = settle_hyphen(url, hosts, all_urls)
            if settled and url in text:
                text = text.replace(url, settled, 1)
            else:
                ambiguous.append(url)
        settled_notes.append((note, text, tuple(ambiguous)))
    settled_hosts = Counter(_bare_host(h.lower()) for _, t, _ in settled_notes for h in _DOMAIN_RE.findall(t))
    shapes = Counter(shape for _, t, _ in settled_notes for u in find_urls(t) for shape in _segment_shapes(u))
    repaired = []
    for note, text, ambiguous in settled_notes:
        for url in find_urls(text):
            restored = restore_pattern_hyphens(restore_lost_hyphens(url, settled_hosts), shapes)
            if restored != url:
                text = text.replace(url, restored, 1)
        urls = tuple(u for u in find_urls(text) if is_complete_url(u))
        repaired.append(dataclasses.replace(note, text=text, urls=urls, ambiguous_urls=ambiguous))
    return tuple(repaired)
