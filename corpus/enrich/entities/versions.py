"""Component `thinktank_versions`: versioned products (AI models, aircraft, chips) told from people.

The English model tags "GPT-4", "Claude 3" and "GPT-4 Turbo" as people. Written rules, as a list of model
names would be out of date by the next release:

- A name tagged PERSON that holds a digit is not a person (personal names carry no version numbers): it is a
  product.
- A name tagged PERSON or ORG in a list ("A, B and C") whose other members are all products is a product
  ("Claude 3, GPT-4, and Gemini Ultra").
- Another version of a product the text names ("GPT-2" beside the product "GPT-4"; same stem, another
  number), left untagged by the model, is a product too.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S

_VERSIONED = re.compile(r"^([A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z][a-z]+)([- ])\d+(?:\.\d+)?[a-z]?\b")  # stem + number
_LIST_SEP = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")


def _list_neighbours(text: str, spans: list[S.Item], i: int) -> list[int]:
    """Indexes of the spans joined to span i by commas or "and"/"or" (its list), i excluded."""
    members = [i]
    j = i
    while j > 0 and _LIST_SEP.match(text[spans[j - 1][1]:spans[j][0]]):
        j -= 1
        members.append(j)
    j = i
    while j + 1 < len(spans) and _LIST_SEP.match(text[spans[j][1]:spans[j + 1][0]]):
        j += 1
        members.append(j)
    return [m for m in members if m != i]


@Language.component("thinktank_versions")
def thinktank_versions(doc: Doc) -> Doc:
    if doc.lang_ != "en":
        return doc
    text = S.text(doc)
    spans = sorted(S.items(doc))
    spans = [(a, b, "PRODUCT" if lab == "PERSON" and re.search(r"\d", text[a:b]) else lab, h) for a, b, lab, h in spans]
    relabel = set()
    for i, (a, b, lab, _) in enumerate(spans):
        if lab in {"PERSON", "ORG"}:
            others = _list_neighbours(text, spans, i)
            if len(others) >= 2 and all(spans[o][2] == "PRODUCT" for o in others):
                relabel.add(i)
    spans = [(a, b, "PRODUCT" if i in relabel else lab, h) for i, (a, b, lab, h) in enumerate(spans)]
    stems = {m.group(1) + m.group(2) for a, b, lab, _ in spans if lab == "PRODUCT" and (m := _VERSIONED.match(text[a:b]))}
    taken = [(a, b) for a, b, _, _ in spans]
    for stem in sorted(stems):
        for m in re.finditer(rf"(?<![\w\-]){re.escape(stem)}\d+(?:\.\d+)?[a-z]?(?![\w\-])", text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                spans.append((m.start(), m.end(), "PRODUCT", None))
    return S.write(doc, spans)
