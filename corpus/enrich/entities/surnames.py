"""Component `thinktank_surnames`: a surname used alone after the full name is that person.

A text names a person in full once ("Travis Kalanick", "Colin Huang") and then by the surname alone. A one-word
span, tagged as anything but a person, that is the last word of exactly one longer person name of the same text
and is not the first word of an organisation name there ("Didi" of "Didi Chuxing") is that person: it takes the
label PERSON and points (`canonical_hint`) to the full name.

The other way round, a one-word PERSON or PRODUCT that is no word of any longer person name of the text but opens an
organisation name written before it ("Didi Chuxing ... Didi Dache ... Didi"; not a unit named with a head word,
"Tencent Research Center") is that company's short name: ORG,
pointing to the such name written most often before it (then the first written). Likewise a one-word name that
ends exactly one longer product name ("Messenger" beside "Facebook Messenger") is that product.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.org_heads import HEADS as ORG_HEADS


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


def short_company_targets(text: str, items: list[S.Item]) -> dict[int, str]:
    """Index into `items` -> the organisation name (written most often before it, then the first) a one-word
    PERSON or PRODUCT span is the short name of."""
    person_words = {w for a, b, lab, _ in items if lab == "PERSON" and " " in text[a:b] for w in text[a:b].split()}
    out = {}
    for i, (start, end, label, hint) in enumerate(items):
        word = text[start:end]
        if label not in {"PERSON", "PRODUCT"} or hint or " " in word or word in person_words:
            continue
        before = [text[a:b] for a, b, lab, _ in items[:i] if lab == "ORG" and b <= start and " " in text[a:b]
                  and text[a:b].split()[0] == word and "\n" not in text[a:b]
                  and not set(text[a:b].lower().split()[1:]) & ORG_HEADS]  # "Tencent Research Center" is a unit
        if before:  # the most often written such name, then the first written (the company the text introduced)
            out[i] = max(before, key=before.count)
    return out


def product_short_targets(text: str, items: list[S.Item]) -> dict[int, str]:
    """Index into `items` -> the product name ("Facebook Messenger") a one-word product, organisation or person
    span ("Messenger") is the last word of, when exactly one longer product name of the text ends with it and no
    organisation or person name holds it."""
    last: dict[str, set[str]] = {}
    taken: set[str] = set()
    for start, end, label, _ in items:
        name = text[start:end]
        if len(name.split()) >= 2 and "\n" not in name:
            if label == "PRODUCT":
                last.setdefault(name.split()[-1], set()).add(name)
            elif label in {"ORG", "PERSON"}:
                taken.update(name.split())
    return {i: next(iter(last[text[a:b]])) for i, (a, b, label, hint) in enumerate(items)
            if label in {"PRODUCT", "ORG", "PERSON"} and not hint and " " not in text[a:b] and text[a:b] not in taken
            and len(last.get(text[a:b], ())) == 1}


@Language.component("thinktank_surnames")
def thinktank_surnames(doc: Doc) -> Doc:
    if doc.lang_ != "en":
        return doc
    items = S.items(doc)
    text = S.text(doc)
    persons, companies = surname_targets(text, items), short_company_targets(text, items)
    products = product_short_targets(text, items)
    if not persons and not companies and not products:
        return doc
    return S.write(doc, [(s, e, "PERSON", persons[i]) if i in persons else (s, e, "ORG", companies[i]) if i in companies
                         else (s, e, "PRODUCT", products[i]) if i in products
                         else (s, e, lab, hint) for i, (s, e, lab, hint) in enumerate(items)])
