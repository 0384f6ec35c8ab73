"""Component `thinktank_ordinary_phrases` (English): capitalised phrases of ordinary words are not names.

Headings, bold run-in labels and title-cased terms ("Developing Technical Standards", "Related Tools", "Large Language
Models", "Framework", "Revenue") are tagged as organisations or people by the small model. A span is dropped
when every content word of it is an ordinary word that the same text also writes in lowercase (frequent in
`wordfreq`, used outside web addresses), written in capitals only at its start, and no word of it is an
organisation, law or meeting head word ("National Security Council", "Data Act" stay). Places, acronyms,
mixed-case brands ("iPhone") and words with digits are never dropped here. A single frequent word with an
adjective ending that opens a sentence ("Coastal states differ") is dropped too.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.citations import URL
from corpus.enrich.entities.org_heads import HEADS as ORG_HEADS
from corpus.enrich.entities.phrases import HEADS
from corpus.enrich.entities.vocab import words

_FUNCTION = frozenset({"of", "and", "for", "the", "on", "in", "to", "a", "an", "&", "with", "by"})
_LABELS = {"ORG", "PERSON", "LAW", "PRODUCT", "EVENT", "WORK_OF_ART"}
_ALL_HEADS = HEADS | ORG_HEADS | words("law_nouns") | words("statute_heads")
MIN_ZIPF = 3.0


def _ordinary(word: str, lower: set[str]) -> bool:
    """A frequent English word written like one, which the text also writes in lowercase."""
    from wordfreq import zipf_frequency

    plain = word.lower()
    return (plain in lower and (word.islower() or word[0].isupper() and word[1:].islower() or len(word) == 1)
            and zipf_frequency(plain, "en") >= MIN_ZIPF)


def is_ordinary_phrase(surface: str, lower: set[str]) -> bool:
    """Whether `surface` is made of ordinary words only (see the module docstring)."""
    tokens = re.findall(r"[^\W\d_]+|\S", surface)
    content = [t for t in tokens if t.lower() not in _FUNCTION]
    if not content or any(not t.isalpha() for t in content):
        return False
    if {t.lower() for t in content} & _ALL_HEADS:
        return False
    return all(_ordinary(t, lower) for t in content)


# endings of English adjectives ("Coastal", "Regional", "Collective"): such a word capitalised only because it
# opens a sentence is not a name
_ADJECTIVE_ENDING = re.compile(r"[a-z](?:al|ive|ous|ic|ful|less|able|ible|ary)$")


def is_sentence_initial_adjective(text: str, start: int, end: int) -> bool:
    """One frequent English word with an adjective ending at the start of a sentence or line, not a place
    ("Coastal states differ." but not "Senegal said")."""
    from wordfreq import zipf_frequency

    from corpus.enrich.entities.places import known_places

    word = text[start:end]
    opens = re.search(r"(?:^|[.!?]\s+|\n\s*)$", text[max(0, start - 3):start]) is not None or start == 0
    return (opens and word.isalpha() and word[0].isupper() and word[1:].islower() and _ADJECTIVE_ENDING.search(word) is not None
            and zipf_frequency(word.lower(), "en") >= MIN_ZIPF and word.casefold() not in known_places())


@Language.component("thinktank_ordinary_phrases")
def thinktank_ordinary_phrases(doc: Doc) -> Doc:
    if doc.lang_ != "en":
        return doc
    text = S.text(doc)
    lower = set(re.findall(r"\b[a-z][a-z\-]*\b", URL.sub(" ", text)))
    kept = [it for it in S.items(doc)
            if it[2] not in _LABELS or it[3] or not (is_ordinary_phrase(text[it[0]:it[1]], lower)
                                                     or is_sentence_initial_adjective(text, it[0], it[1]))]
    return S.write(doc, kept)
