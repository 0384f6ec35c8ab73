"""Component `thinktank_places`: places in capitals, articles that belong to a name, places after "à".

- A word in capitals (four letters or more: shorter ones are acronyms) that is a known country or large city (maintained data, `places.py`) is a GPE:
  "PARIS, March 3 --", "BEIJING, 28 oct." (datelines), whatever the model made of it.
- A country or a city of a million people or more named alone and tagged as an organisation is a GPE: a state
  that acts ("Senegal is revising its law", "Dakar waits") is the country or its government, a GPE by the
  annotation convention.
- A name of two words or more tagged as a person or organisation that is a known country or city is a GPE
  ("planned for Siem Reap in 2026", "in Kota Kinabalu"): a person's or body's full name is rarely a place's.
- A capitalised "The" after a lowercase word belongs to the place name after it ("in The Gambia").
- French: a known place after "à"/"au" that no entity covers is a GPE ("... sur la cybersécurité à Lille").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.places import latin_places, major_places

_CAPS_WORDS = re.compile(r"\b[A-ZÀ-Ý][A-ZÀ-Ý'’\-]+(?: [A-ZÀ-Ý][A-ZÀ-Ý'’\-]+){0,2}\b")
_FR_AFTER = re.compile(r"\b(?:à|au|aux)\s+([A-ZÀ-Ý][\w\-’']+(?:[\s\-][A-ZÀ-Ý][\w\-’']+)?)")


def _after_lowercase_word(text: str, at: int) -> bool:
    """The word before `at` is a lowercase word: "from The Gambia" (not a sentence start, not a heading)."""
    m = re.search(r"([^\W\d_]+)\s+$", text[max(0, at - 40):at])
    return bool(m) and m.group(1).islower()


def _caps_place(surface: str, places: frozenset[str]) -> bool:
    """A word in capitals of four letters or more that names a place ("PARIS"; not "ITU", an acronym)."""
    return surface.isupper() and sum(c.isalpha() for c in surface) >= 4 and surface.casefold() in places


@Language.component("thinktank_places")
def thinktank_places(doc: Doc) -> Doc:
    text = S.text(doc)
    places, major = latin_places(), major_places()
    out: list[S.Item] = []
    for start, end, label, hint in S.items(doc):
        surface = text[start:end]
        if (_caps_place(surface, places) or label == "ORG" and surface.casefold() in major and not surface.isupper()
                or label in {"PERSON", "ORG"} and " " in surface and surface.casefold() in places):
            label = "GPE"
        if label in {"GPE", "LOC"} and text[max(0, start - 4):start] == "The " and _after_lowercase_word(text, start - 4):
            start -= 4
        out.append((start, end, label, hint))
    taken = [(s, e) for s, e, _, _ in out]

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    for m in _CAPS_WORDS.finditer(text):
        if _caps_place(m.group(), places) and free(m.start(), m.end()):
            out.append((m.start(), m.end(), "GPE", None))
            taken.append((m.start(), m.end()))
    if doc.lang_ == "fr":
        for m in _FR_AFTER.finditer(text):
            s, e = m.start(1), m.end(1)
            if m.group(1).casefold() not in places:
                continue
            # an organisation or event name that ran over "à <place>" ends before "à"
            out = [(a, m.start() if a < m.start() < b and lab != "GPE" else b, lab, h) for a, b, lab, h in out]
            taken = [(a, b) for a, b, _, _ in out]
            if free(s, e):
                out.append((s, e, "GPE", None))
                taken.append((s, e))
    return S.write(doc, [(a, _rstrip(text, a, b), lab, h) for a, b, lab, h in out])


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t,":
        end -= 1
    return end
