"""Component `thinktank_products`: brands and apps told from companies and people by context.

- A name listed right after a product noun and "like"/"such as"/"including" or an opening bracket
  ("services like Taobao and Alipay", "apps (Facebook, Instagram, and Messenger)", "payments (Venmo"), or
  after "using", or followed by a product noun ("the Venmo app", "the Alipay wallet"), names a product; every
  occurrence of that surface in the text is a PRODUCT.
- A "PERSON" made of two romanised Chinese words whose first has two syllables or more and is not a
  Chinese surname ("Didi Chuxing", "Meituan Dianping"; surnames have one syllable, compound ones are
  listed) is a company; one whose first word is an organisation named in the same text
  ("Facebook Messenger") is that organisation's product.
- A one-word GPE that no maintained place list knows and that the text presents as a company ("companies
  such as Alibaba", "Alibaba, a Chinese firm") is an organisation.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.hyphens import CHINESE_SURNAMES, PINYIN_WORD
from corpus.enrich.entities.places import known_places
from corpus.enrich.entities.vocab import words

PRODUCT_NOUNS = words("app_nouns")
_COMPANY_NOUNS = "|".join(sorted(words("company_nouns")))
_NOUNS = "|".join(sorted(PRODUCT_NOUNS, key=lambda w: (-len(w), w)))
_NAME = r"[A-Z][\w’'.\-]*(?:\s[A-Z][\w’'.\-]*)?"
_LIST = rf"{_NAME}(?:\s*,\s*(?:and\s+|or\s+)?{_NAME})*(?:\s*,?\s+(?:and|or)\s+{_NAME})?"
_AFTER_NOUN = re.compile(rf"\b(?:{_NOUNS})\s*(?:,\s*)?(?:like|such as|including|\(|:)\s*({_LIST})")
_AFTER_USING = re.compile(rf"\busing\s+({_LIST})")
_BEFORE_NOUN = re.compile(rf"\b({_NAME})\s+(?:{_NOUNS})\b")
_ONE_SYLLABLE = PINYIN_WORD.pattern.replace("{0,2}", "{0}")
_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _pinyin_word(w: str, syllables: int = 1) -> bool:
    """A capitalised romanised Chinese word of at least `syllables` syllables."""
    if not (w[:1].isupper() and w[1:].islower() and PINYIN_WORD.fullmatch(w)):
        return False
    return syllables <= 1 or not re.fullmatch(rf"(?i:{_ONE_SYLLABLE})", w)


def presented_as_company(text: str, name: str) -> bool:
    """The text calls `name` a company: "companies like/such as/including ... X", "companies (... X", "X, a ... firm"."""
    n = re.escape(name)
    return bool(re.search(rf"\b(?:{_COMPANY_NOUNS})\b[^.;]{{0,40}}?(?:\blike|\bsuch as|\bincluding|\()\s*[^.;]{{0,80}}?\b{n}\b", text)
                or re.search(rf"\b{n},?\s+(?:a|an|the)\s+(?:[\w\-]+\s+){{0,2}}(?:{_COMPANY_NOUNS})\b", text))


def product_surfaces(text: str) -> set[str]:
    """Surfaces the text presents as products (apps, services, payment tools)."""
    out: set[str] = set()
    for rx in (_AFTER_NOUN, _AFTER_USING):
        for m in rx.finditer(text):
            out.update(p.rstrip(".") for p in _SPLIT.split(m.group(1)) if p.rstrip("."))
    for m in _BEFORE_NOUN.finditer(text):
        name = m.group(1)
        name = name.split(" ", 1)[1] if name.split(" ", 1)[0] in {"The", "A", "An", "Its", "Their"} and " " in name else name
        if name not in {"The", "A", "An", "Its", "Their"}:
            out.add(name)
    return out


@Language.component("thinktank_products")
def thinktank_products(doc: Doc) -> Doc:
    if doc.lang_ != "en":
        return doc
    text = S.text(doc)
    products = product_surfaces(text)
    current = S.items(doc)
    orgs = {text[s:e] for s, e, lab, _ in current if lab == "ORG"}
    places = known_places()
    out: list[S.Item] = []
    for start, end, label, hint in current:
        surface = text[start:end]
        parts = surface.split()
        if label in {"ORG", "PERSON", "GPE", "NORP"} and surface in products:
            label = "PRODUCT"
        elif label == "PERSON" and len(parts) == 2 and _pinyin_word(parts[0], syllables=2) and _pinyin_word(parts[1]) \
                and parts[0].lower() not in CHINESE_SURNAMES:
            label = "ORG"
        elif label == "PERSON" and len(parts) == 2 and parts[0] in orgs:
            label = "PRODUCT"
        elif label == "GPE" and len(parts) == 1 and surface[1:].islower() and surface.casefold() not in places \
                and presented_as_company(text, surface):
            label = "ORG"
        out.append((start, end, label, hint))
    return S.write(doc, out)
