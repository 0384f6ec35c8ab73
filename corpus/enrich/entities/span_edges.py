"""Component `thinktank_span_edges` (English): the edges of a name, checked last.

- A span with no letter or digit (a private-use bullet glyph) is not a name; punctuation opening a span
  (") Relationship") is not part of it.
- A demonstrative opening a span ("This Coordinated Plan", "These Guidelines") is not part of the name.
- A cross reference ("Appendix A", "Annex II", "Section 3") is not a name.
- A generic adjective and a lowercase legal noun ("National law", "Domestic regulation") make a common noun
  phrase, not a law's name (a heading or a sentence start capitalises the adjective).
- A law's year of adoption belongs to its name: "National Artificial Intelligence Initiative Act of 2020".
- A law's number in brackets right after its name ("... Act of 2020 (P.L. 116-283)") is another name of the
  same law (its `canonical_hint` is the name).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.vocab import words

XREF_WORDS = words("xref_words")
_DEMONSTRATIVE = re.compile(r"^(?:This|These|That|Those)\s+")
_LEADING_PUNCT = re.compile(r"^[^\w‘“\"'(\[]+|^[)\]]+\s*")
_XREF = re.compile(r"^(\w+)\.?\s+(?:[A-Z]|[IVX]+|\d+(?:\.\d+)*)$")
_LAW_YEAR = re.compile(r" of (?:1[89]|20)\d\d\b")
_LAW_ENDS = words("statute_heads") | {"rule", "rules", "code", "treaty", "convention"}
LAW_QUALIFIERS = words("law_qualifiers")


def edge_fixed(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """The span's corrected bounds, or None when it is not a name (see the module docstring)."""
    surface = text[start:end]
    if not re.search(r"[^\W_]", surface):
        return None
    m = _LEADING_PUNCT.match(surface)
    if m and m.end() < len(surface):
        start += m.end()
        surface = text[start:end]
    m = _DEMONSTRATIVE.match(surface)
    if m and m.end() < len(surface):
        start += m.end()
        surface = text[start:end]
    m = _XREF.match(surface)
    if m and m.group(1).lower() in XREF_WORDS:
        return None
    if label == "LAW" and _common_law_phrase(surface):
        return None
    if label == "LAW" and surface.split()[-1].lower() in _LAW_ENDS:
        m = _LAW_YEAR.match(text, end)
        if m:
            end = m.end()
    return start, end


def _common_law_phrase(surface: str) -> bool:
    """'National law', 'Domestic regulations': a generic adjective over a legal noun written in lowercase."""
    tokens = surface.split()
    return len(tokens) == 2 and tokens[0].lower() in LAW_QUALIFIERS and tokens[1].islower() and tokens[1] in _LAW_ENDS


@Language.component("thinktank_span_edges")
def thinktank_span_edges(doc: Doc) -> Doc:
    if doc.lang_ != "en":
        return doc
    text = S.text(doc)  # Doc.text joins every token: once per doc, not per span
    out = []
    for start, end, label, hint in S.items(doc):
        fixed = edge_fixed(text, start, end, label)
        if fixed is not None:
            out.append((fixed[0], fixed[1], label, hint))
    out.sort()
    for i in range(1, len(out)):
        (a0, b0, lab0, _), (a1, b1, lab1, hint1) = out[i - 1], out[i]
        if lab0 == lab1 == "LAW" and not hint1 and text[b0:a1] == " (" and text[b1:b1 + 1] == ")":
            out[i] = (a1, b1, lab1, text[a0:b0])
    return S.write(doc, out)
