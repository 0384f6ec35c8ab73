"""Component `thinktank_back_references`: "the Commission" after "European Commission" is that organisation.

A text names an organisation, law or meeting in full once and then refers back to it by its head noun with
the definite article ("the European Commission ... the Commission", "the AI Safety Summit ... the Summit",
"la Commission européenne ... la Commission"). A one-word span whose word is the head of exactly one longer
organisation, law or event name of the same text (in English its last word, or the word before its first
"of/for/on": "Administration" in "Cyberspace Administration of China"; in French its first word), which is itself
tagged as an organisation, law or event and follows a definite article, points (`canonical_hint`) to that name
and takes its label. With two candidate
names ("European Commission", "Federal Trade Commission") nothing is changed. A company is also referred to by
the first word of its name ("Didi Chuxing ... Didi"): such a one-word span, not an ordinary English word nor a
place, points to the one organisation name it opens.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.org_heads import HEADS as ORG_HEADS

_NAMED = {"ORG", "LAW", "EVENT"}
_ARTICLE = {"en": re.compile(r"(?:^|\W)the\s+$", re.IGNORECASE), "fr": re.compile(r"(?:^|\W)(?:la|le|l['’]|les)\s*$", re.IGNORECASE)}


_PREPOSITIONS = {"of", "for", "on", "in", "and", "to"}


def head_word(name: str, language: str) -> str:
    """The head noun of a name: in English its last word, or the word before its first preposition
    ("Cyberspace Administration of China" -> "Administration"); in French its first word."""
    words = name.split()
    if language == "fr":
        return words[0]
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS), len(words))
    return words[max(cut - 1, 0)]


def back_reference_targets(text: str, items: list[S.Item], language: str) -> dict[int, tuple[str, str]]:
    """Index into `items` -> (full name, label) for the one-word back references of `text` (module docstring)."""
    article = _ARTICLE.get(language)
    if article is None:
        return {}
    heads: dict[str, set[tuple[str, str]]] = {}
    for start, end, label, _hint in items:
        name = text[start:end]
        if label in _NAMED and len(name.split()) >= 2 and "\n" not in name:
            heads.setdefault(head_word(name, language), set()).add((name, label))
    out = short_company_names(text, items, language)
    for i, (start, end, label, hint) in enumerate(items):
        word = text[start:end]
        if hint or label not in _NAMED or " " in word or not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
            continue
        targets = heads.get(word, set())
        if len(targets) == 1 and article.search(text[max(0, start - 12):start]):
            out[i] = next(iter(targets))
    return out


def short_company_names(text: str, items: list[S.Item], language: str) -> dict[int, tuple[str, str]]:
    """Index into `items` -> (full name, "ORG") for one-word spans (a person, organisation or product) that are the
    first word of exactly one longer organisation name of the text and not an ordinary English word nor a place:
    "Didi" after "Didi Chuxing", "Nordkap" after "Nordkap Telecom" (English only). A name with a head word names
    a unit ("Tencent Research Center"), not the company the first word refers to."""
    if language != "en":
        return {}
    from wordfreq import zipf_frequency

    from corpus.enrich.entities.places import known_places

    firsts: dict[str, set[str]] = {}
    for start, end, label, _hint in items:
        name = text[start:end]
        if label == "ORG" and len(name.split()) >= 2 and "\n" not in name:
            firsts.setdefault(name.split()[0], set()).add(name)
    # "Tencent Research Center" is a unit of Tencent, not what "Tencent" refers to: only names without a head word
    firsts = {w: names for w, names in firsts.items() if not any(set(n.lower().split()[1:]) & ORG_HEADS for n in names)}
    out = {}
    for i, (start, end, label, hint) in enumerate(items):
        word = text[start:end]
        if hint or label not in {"PERSON", "ORG", "PRODUCT"} or not word.isalpha() or not word[:1].isupper():
            continue
        names = firsts.get(word, set())
        if len(names) == 1 and zipf_frequency(word.lower(), "en") < 3.5 and word.casefold() not in known_places():
            out[i] = (next(iter(names)), "ORG")
    return out


@Language.component("thinktank_back_references")
def thinktank_back_references(doc: Doc) -> Doc:
    items = S.items(doc)
    targets = back_reference_targets(S.text(doc), items, doc.lang_)
    if not targets:
        return doc
    return S.write(doc, [(s, e, targets[i][1], targets[i][0]) if i in targets else (s, e, lab, hint)
                         for i, (s, e, lab, hint) in enumerate(items)])
