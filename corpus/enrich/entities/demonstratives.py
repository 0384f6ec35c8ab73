"""Component `thinktank_demonstratives`: a phrase opened by a demonstrative refers back; it is not a name.

"This Coordinated Plan puts forward ...", "These Guidelines", "Cette Directive": a demonstrative determiner points
to something the text has already named, so the capitalised noun after it is a description of that thing, not a
name (a name never needs one). A span that opens with a demonstrative (English this/these/those, French
ce/cet/cette/ces), or that the model started just after one, is dropped, unless it is a place or a nationality
("these Chinese firms", "this U.S. agency": there the demonstrative determines the noun after the name).
Possessives are not demonstratives ("Our Ocean Conference" is a name). A full name given as `canonical_hint` by
an earlier rule loses its demonstrative ("This Coordinated Plan" -> "Coordinated Plan").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S

# "that" is left out: it is far more often a conjunction ("told us that Regulation (EU) 2016/679 is ...")
DEMONSTRATIVES = {"en": frozenset({"this", "these", "those"}), "fr": frozenset({"ce", "cet", "cette", "ces"})}


_KEPT = {"GPE", "LOC", "NORP"}
_WORD_BEFORE = re.compile(r"(?:^|[\s(])([A-Za-zÀ-ÿ]+)\s+$")


def after_demonstrative(text: str, start: int, language: str) -> bool:
    """Whether the word right before `start` (same line) is a demonstrative determiner."""
    m = _WORD_BEFORE.search(text[max(0, start - 12):start])
    return m is not None and "\n" not in m.group(0) and m.group(1).lower() in DEMONSTRATIVES.get(language, frozenset())


def opens_with_demonstrative(surface: str, language: str) -> bool:
    """Whether the first word of `surface` is a demonstrative determiner followed by more words."""
    first, _, rest = surface.partition(" ")
    return bool(rest.strip()) and first.lower() in DEMONSTRATIVES.get(language, frozenset())


def without_demonstrative(name: str | None, language: str) -> str | None:
    """`name` without an opening demonstrative ("This Coordinated Plan" -> "Coordinated Plan")."""
    if name is None or not opens_with_demonstrative(name, language):
        return name
    return name.partition(" ")[2].strip()


@Language.component("thinktank_demonstratives")
def thinktank_demonstratives(doc: Doc) -> Doc:
    text = S.text(doc)
    kept = [(start, end, label, without_demonstrative(hint, doc.lang_)) for start, end, label, hint in S.items(doc)
            if label in _KEPT or not (opens_with_demonstrative(text[start:end], doc.lang_) or after_demonstrative(text, start, doc.lang_))]
    return S.write(doc, kept)
