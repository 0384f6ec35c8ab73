"""Component `thinktank_works`: titles of works and standard designations are not organisations.

Texts cite reports, books and calls for input by their titles, written in title case like names ("World Internet
Development Report 2017", "AI Risk Management Framework Roadmap", "the Blue Book", "a formal Request for
Information"; French "le Livre blanc sur ..."). The small models tag them ORG, PERSON or PRODUCT. A span whose
head noun is a genre of document (`data/work_heads.txt`) is a title, not a name, and is dropped; a LAW span is
kept (named policy documents are LAW). The head is the last word before a trailing number or year, or the word
before the first "of/for/on" ("Request for Information"); in French the first word.

A standard designation ("ISO / IEC TR 24368:2022", "ISO 31000:2018", "ISO GUIDE 73") is not an entity either: an
organisation span of capitals (acronyms, "/") directly followed by a number is the designation's letters. The body
itself, named without a number ("defined by ISO as ..."), is kept.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.vocab import words

WORK_HEADS = words("work_heads")
_DROPPED = {"ORG", "PERSON", "PRODUCT", "EVENT", "WORK_OF_ART"}
_PREPOSITIONS = {"of", "for", "on"}
_TRAILING_NUMBER = re.compile(r"(?:\s+(?:\(?\d[\d/.:-]*\)?|[IVX]+))+$")
_CAPITALS = re.compile(r"^[A-Z]{2,}(?:\s*/\s*[A-Z]{2,}|\s+[A-Z]{2,})*$")
_NUMBER_AFTER = re.compile(r"^\s+\d")


def head_noun(surface: str, language: str) -> str:
    """The head noun of a name, lowercased: French its first word, English the word before the first
    "of/for/on", else the last word before a trailing number ("Report 2017" -> "report")."""
    tokens = _TRAILING_NUMBER.sub("", surface).split()
    if not tokens:
        return ""
    if language == "fr":
        return tokens[0].lower()
    cut = next((i for i, w in enumerate(tokens) if w in _PREPOSITIONS), len(tokens))
    return tokens[max(cut - 1, 0)].lower().strip("’'")


def is_title_of_work(surface: str, language: str) -> bool:
    """A name headed by a genre of document ("Blue Book", "World Internet Development Report 2017")."""
    return len(surface.split()) >= 2 and head_noun(surface, language) in WORK_HEADS


def is_standard_designation(text: str, start: int, end: int) -> bool:
    """Capitals directly followed by a number: the letters of a standard's designation ("ISO / IEC TR 24368")."""
    return bool(_CAPITALS.match(text[start:end])) and bool(_NUMBER_AFTER.match(text[end:end + 3]))


@Language.component("thinktank_works")
def thinktank_works(doc: Doc) -> Doc:
    if doc.lang_ not in ("en", "fr"):
        return doc
    text = S.text(doc)
    kept = [it for it in S.items(doc)
            if it[2] not in _DROPPED or not (is_title_of_work(text[it[0]:it[1]], doc.lang_)
                                             or it[2] == "ORG" and is_standard_designation(text, it[0], it[1]))]
    return S.write(doc, kept)
