"""Component `thinktank_role_words`: job titles, department functions and meetings.

- A span made only of words of titles and ranks ("Visiting", "Intern", "Senior Fellow") or of such words
  and a roman numeral ("IX Session") is a role, not a name.
- A span made only of function nouns joined by "and"/"&" ("Strategy and Planning") names a unit's work.
- French: a span opened by a lowercase job title ("ministre de l'Intérieur") is a role.
- A job title after an organisation's name is not part of it ("Bureau of Industry and Security Export Control
  Officer" -> "Bureau of Industry and Security").
- A weekday or month after "on"/"in" at the end of a name is a date, not part of it ("Standing Committee
  on Friday").
- A name ending in a meeting word (Forum, Conference, Summit, Symposium, Dialogue ...) is an EVENT when
  the text gives it an edition (an ordinal, a year, "annual") or says it was held or took place.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.vocab import words

ROLE_WORDS = words("role_words") | words("title_words")
FUNCTION_NOUNS = words("function_nouns")
MEETING_HEADS = words("meeting_heads")
FR_ROLE_WORDS = words("fr_role_words")
_TRAILING_DATE = re.compile(r"\s+(?:on|in)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
                            r"April|May|June|July|August|September|October|November|December)$")
_ROMAN = re.compile(r"^[IVXLC]+\.?$")
_TOKEN = re.compile(r"[\w’'\-.]+|&|,")
_EDITION = re.compile(r"(?:\b\d+(?:st|nd|rd|th)|\b(?:19|20)\d\d|\b[Aa]nnual|\b(?:first|second|third|fourth|fifth|sixth|seventh|"
                      r"eighth|ninth|tenth)|\bthe\s+[IVX]+)\s*$")
_HELD = re.compile(r"^\s*(?:,\s*)?(?:was|were|is|will be|has been)\s+(?:held|convened|hosted|organi[sz]ed)|^\s*took place")


def is_role(surface: str) -> bool:
    tokens = _TOKEN.findall(surface)
    return bool(tokens) and all(t.lower() in ROLE_WORDS or _ROMAN.match(t) for t in tokens) \
        and any(t.lower() in ROLE_WORDS for t in tokens)


def name_before_role(surface: str) -> str | None:
    """The organisation name at the front of a span that ends in a job title, or None when it does not end in
    one: "Bureau of Industry and Security Export Control Officer" -> "Bureau of Industry and Security" (a name
    "X of A and B" ends at the word after "and"), "Harmattan Centre Senior Fellow" -> "Harmattan Centre" (the
    trailing title words off)."""
    words = surface.split()
    if len(words) < 3 or words[-1].lower() not in ROLE_WORDS:
        return None
    ands = [k for k, w in enumerate(words) if w == "and"]
    if ands and any(w in {"of", "for", "on"} for w in words[:ands[-1]]) and ands[-1] + 2 < len(words):
        return " ".join(words[:ands[-1] + 2])
    k = len(words)
    while k > 0 and words[k - 1].lower() in ROLE_WORDS:
        k -= 1
    return " ".join(words[:k]) if k >= 2 else None


def is_function(surface: str) -> bool:
    tokens = [t.lower() for t in _TOKEN.findall(surface)]
    return bool(tokens) and all(t in FUNCTION_NOUNS or t in {"and", "&", ","} for t in tokens) \
        and any(t in FUNCTION_NOUNS for t in tokens)


def is_french_role(surface: str) -> bool:
    """A French span opened by a lowercase job title ("ministre de l'Intérieur", "directrice adjointe du ..."):
    a role, not a name (French names of bodies open with a capital)."""
    first = surface.split()[0] if surface.split() else ""
    return first.islower() and first in FR_ROLE_WORDS


@Language.component("thinktank_role_words")
def thinktank_role_words(doc: Doc) -> Doc:
    text = S.text(doc)
    out: list[S.Item] = []
    for start, end, label, hint in S.items(doc):
        date = _TRAILING_DATE.search(text[start:end])
        if date:
            end = start + date.start()
        surface = text[start:end]
        if label != "PERSON" and (is_role(surface) or is_function(surface)):
            continue
        name = name_before_role(surface) if label == "ORG" else None
        if name is not None:
            end = start + len(name)  # the job title after an organisation's name is not part of it
            surface = name
        if doc.lang_ == "fr" and label != "PERSON" and is_french_role(surface):
            continue
        last = surface.split()[-1].lower() if surface.split() else ""
        if last in MEETING_HEADS and label in {"ORG", "LAW", "PRODUCT", "FAC"} and len(surface.split()) > 1:
            before = text[max(0, start - 30):start]
            if _EDITION.search(before) or _HELD.match(text[end:end + 40]):
                label = "EVENT"
        out.append((start, end, label, hint))
    return S.write(doc, out)
