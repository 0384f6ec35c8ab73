"""Footnote URLs a reader can use: incomplete ones are not published, and a hyphen rejoined across a line
break is settled by the document's other URLs where they show the address.

`urllib.parse` splits the URL; the rules on top of it are about how notes are typeset (a URL cut at the
page's end, a URL broken at a hyphen), which no URL library knows.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from urllib.parse import urlsplit

from corpus.structure.lines import find_urls
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


def repair_note_urls(notes: Sequence[FootnoteSpan]) -> tuple[FootnoteSpan, ...]:
    """Notes with ambiguous hyphens settled by the document's other URLs and incomplete URLs left out of `urls`."""
    texts = [n.text for n in notes]
    hosts = Counter(_bare_host(h.lower()) for t in texts for h in _DOMAIN_RE.findall(t))
    all_urls = Counter(u for t in texts for u in find_urls(t))
    repaired = []
    for note in notes:
        text, ambiguous = note.text, []
        for url in note.ambiguous_urls:
            settled = settle_hyphen(url, hosts, all_urls)
            if settled and url in text:
                text = text.replace(url, settled, 1)
            else:
                ambiguous.append(url)
        urls = tuple(u for u in find_urls(text) if is_complete_url(u))
        repaired.append(dataclasses.replace(note, text=text, urls=urls, ambiguous_urls=tuple(ambiguous)))
    return tuple(repaired)
