"""Spans that are not entities in citations: web addresses anywhere, titles of cited works in notes.

In a footnote or endnote, authors are persons and publishers or outlets organisations, but the quoted
title of an article, report or speech is not an entity ("“Merger Ushers in New Era,”" is not a PERSON),
and nothing inside a URL is (a domain is not a GPE). Notes are read with the citation parse
(`corpus.enrich.citations.note_name_spans`): its authors are PERSON (or ORG for an organisation), its
containers (outlet, journal, publisher) ORG, and nothing inside the title of a cited work is reported;
quoted titles are dropped even where the parse finds no citation. A bare domain found as
a whole name ("JD.com", "Overstock.com": no scheme, "www" or path) is a company named by its address and stays.
"""

from __future__ import annotations

import re

from corpus.enrich.citations import note_name_spans
from corpus.enrich.model import EntitySpan

URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w\-]+(?:\.[\w\-]+)*\.(?:com|org|net|gov|edu|int|cn|uk|eu|fr|hk|tw|io)(?:/\S*)?\b")
QUOTED = re.compile(r"“[^”\n]{2,300}”|\"[^\"\n]{2,300}\"|«[^»\n]{2,300}»|‘[^’\n]{8,300}’")


def _company_domain(text: str, m: re.Match) -> bool:
    """A bare domain ("JD.com", "overstock.com"): no scheme, no "www.", no path, not inside a longer address."""
    found = m.group()
    return ("/" not in found and not found.lower().startswith("www.") and found.count(".") == 1
            and not text[max(0, m.start() - 3):m.start()].endswith(("/", "@", ".")))


def citation_filter(text: str, spans: list[EntitySpan], note: bool) -> list[EntitySpan]:
    """`spans` without those inside a web address (any text) or, in a note, inside a quoted title or the title
    of a cited work; in a note, the citation parse's authors and containers replace what overlaps them."""
    blocked = [(m.start(), m.end()) for m in URL.finditer(text) if not _company_domain(text, m)
               or not any(sp.start == m.start() and sp.end == m.end() for sp in spans)]
    fields: list[EntitySpan] = []
    if note:
        blocked += [(m.start(), m.end()) for m in QUOTED.finditer(text)]
        parsed = note_name_spans(text)
        blocked += [(t.start, t.end) for t in parsed.titles]
        fields = [f for f in parsed.entity_spans() if text[f.start:f.end] == f.text and not URL.search(f.text)]
    if not blocked and not fields:
        return spans
    kept = [sp for sp in spans if not any(a <= sp.start and sp.end <= b or (a < sp.end and sp.start < b and URL.match(text, a))
                                          for a, b in blocked)]
    kept = [sp for sp in kept if not any(f.start < sp.end and sp.start < f.end for f in fields)]
    return sorted(kept + fields, key=lambda sp: (sp.start, -sp.end))
