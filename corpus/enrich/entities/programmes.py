"""Component `thinktank_programmes`: named government programmes and slogans ("Internet Plus", "Information Silk
Road") are LAW, as plans and strategies are.

- A quoted capitalised name of two to four words next to words (40 characters either side) that call it an initiative, a plan, a strategy, a
  programme, a campaign or a term ("“Internet Plus”—a term linked to an initiative") is a programme: LAW, and so
  is every other occurrence of the same words in the text, except inside a longer name.
- A capitalised name of two to five words joined by "and" to a law or programme ("Belt and Road Initiative and
  Information Silk Road") is one of the same kind: LAW.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S

_CAP = r"[A-Z][\w\-’']*"
_QUOTED = re.compile(rf"[“\"]({_CAP}(?:\s{_CAP}){{1,3}})[”\"]")
_PROGRAMME_NOUNS = re.compile(r"\b(?:initiatives?|plans?|strateg(?:y|ies)|programmes?|programs?|campaigns?|slogans?|"
                              r"term)\b", re.IGNORECASE)
_AFTER_LAW = re.compile(rf"\d{{0,3}}\s+and\s+({_CAP}(?:\s{_CAP}){{1,4}})(?=\s*(?:$|[\n.,;:)]))", re.MULTILINE)


_WINDOW = 40  # characters either side of the quotes where the text names what the quoted words are


def programme_names(text: str, items: list[S.Item]) -> set[str]:
    """Names the text presents as programmes (module docstring)."""
    names = {m.group(1) for m in _QUOTED.finditer(text)
             if _PROGRAMME_NOUNS.search(text[max(0, m.start() - _WINDOW):m.start()] + " " + text[m.end():m.end() + _WINDOW])}
    for start, end, label, _ in items:
        if label == "LAW":
            m = _AFTER_LAW.match(text, end)
            if m:
                names.add(m.group(1))
    return names


@Language.component("thinktank_programmes")
def thinktank_programmes(doc: Doc) -> Doc:
    if doc.lang_ != "en":
        return doc
    text = S.text(doc)
    items = S.items(doc)
    names = programme_names(text, items)
    if not names:
        return doc
    found = [(m.start(), m.end()) for name in sorted(names) for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    # an occurrence inside a longer name ("Guiding Opinions on Actively Promoting Internet Plus") belongs to it
    found = [(a, b) for a, b in found if not any(x <= a and b <= y and y - x > b - a for x, y, _, _ in items)
             and doc.char_span(a, b) is not None]  # whole tokens only: "Plus”—a" would cut the name
    kept = [item for item in items if not any(a < item[1] and item[0] < b for a, b in found)]
    return S.write(doc, sorted(kept + [(a, b, "LAW", None) for a, b in found]))
