"""Component `thinktank_back_references`: "the Commission" after "European Commission" is that organisation.

A text names an organisation, law or meeting in full once and then refers back to it by its head noun with
the definite article ("the European Commission ... the Commission", "the AI Safety Summit ... the Summit",
"la Commission européenne ... la Commission"). A one-word span whose word is the head of exactly one longer
organisation, law or event name of the same text (in English its last word, or the word before its first
"of/for/on": "Administration" in "Cyberspace Administration of China"; in French its first word), which is itself
tagged as an organisation, law or event and follows a definite article, points (`canonical_hint`) to that name
and takes its label. With two candidate
names ("European Commission", "Federal Trade Commission") nothing is changed.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S

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
    out = {}
    for i, (start, end, label, hint) in enumerate(items):
        word = text[start:end]
        if hint or label not in _NAMED or " " in word or not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
            continue
        targets = heads.get(word, set())
        if len(targets) == 1 and article.search(text[max(0, start - 12):start]):
            out[i] = next(iter(targets))
    return out


@Language.component("thinktank_back_references")
def thinktank_back_references(doc: Doc) -> Doc:
    items = S.items(doc)
    targets = back_reference_targets(doc.text, items, doc.lang_)
    if not targets:
        return doc
    return S.write(doc, [(s, e, targets[i][1], targets[i][0]) if i in targets else (s, e, lab, hint)
                         for i, (s, e, lab, hint) in enumerate(items)])
