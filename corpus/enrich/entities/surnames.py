"""Component `thinktank_surnames`: a surname used alone after the full name is that person.

A text names a person in full once ("Travis Kalanick", "Colin Huang") and then by the surname alone. A one-word
span, tagged as anything but a person, that is the last word of exactly one longer person name of the same text
and is not the first word of an organisation name there ("Didi" of "Didi Chuxing") is that person: it takes the
label PERSON and points (`canonical_hint`) to the full name.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S


def surname_targets(text: str, items: list[S.Item]) -> dict[int, str]:
    """Index into `items` -> the full person name a one-word non-person span is the surname of."""
    last: dict[str, set[str]] = {}
    org_firsts: set[str] = set()
    for start, end, label, _ in items:
        name = text[start:end]
        if len(name.split()) >= 2 and "\n" not in name:
            if label == "PERSON":
                last.setdefault(name.split()[-1], set()).add(name)
            elif label in {"ORG", "PRODUCT"}:
                org_firsts.add(name.split()[0])
    out = {}
    for i, (start, end, label, hint) in enumerate(items):
        word = text[start:end]
        if label == "PERSON" or hint or " " in word or word in org_firsts:
            continue
        names = last.get(word.removesuffix("’s").removesuffix("'s"), set())
        if len(names) == 1:
            out[i] = next(iter(names))
    return out


@Language.component("thinktank_surnames")
def thinktank_surnames(doc: Doc) -> Doc:
    if doc.lang_ != "en":
        return doc
    items = S.items(doc)
    targets = surname_targets(S.text(doc), items)
    if not targets:
        return doc
    return S.write(doc, [(s, e, "PERSON", targets[i]) if i in targets else (s, e, lab, hint)
                         for i, (s, e, lab, hint) in enumerate(items)])
