"""Component `thinktank_ordinary_phrases` (English): capitalised phrases of ordinary words are not names.

Headings, bold run-in labels and title-cased terms ("Developing Technical Standards", "Related Tools", "Large Language
Models", "Framework", "Revenue") are tagged as organisations or people by the small model. A span is dropped
when every content word of it is an ordinary word that the same text also writes in lowercase (frequent in
`wordfreq`, used outside web addresses), written in capitals only at its start, and no word of it is an
organisation, law or meeting head word ("National Security Council", "Data Act" stay). Places, acronyms,
mixed-case brands ("iPhone") and words with digits are never dropped here. A single frequent word with an
adjective ending that opens a sentence ("Coastal states differ") is dropped too. A plural is ordinary when the text
writes its singular in lowercase ("Semiconductors are ..." after "a semiconductor"). An acronym whose long form
is such a phrase is a term, not a name: "Large Language Models (LLMs)", "‘Artificial General Intelligence’ (AGI)".
An ordinary word in capitals that the text also writes in lowercase is a label, not an acronym ("the GOVERN function").
A document noun alone ("the Plan", "the Regulation") is a reference back to a document, not a name.
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
_QUOTES = "‘’“”'\"«» "


def singulars(plural: str) -> set[str]:
    """The singular forms an English plural may have ("semiconductors" -> "semiconductor", "policies" -> "policy")."""
    out = set()
    if len(plural) > 3 and plural.endswith("s") and not plural.endswith("ss"):
        out.add(plural[:-1])
        if plural.endswith("ies"):
            out.add(plural[:-3] + "y")
        if plural.endswith("es"):
            out.add(plural[:-2])
    return out


def _ordinary(word: str, lower: set[str]) -> bool:
    """A frequent English word written like one, which the text also writes in lowercase (a plural counts
    when the text writes its singular: "Semiconductors are ..." after "a semiconductor")."""
    from wordfreq import zipf_frequency

    plain = word.lower()
    seen = ({plain} | singulars(plain)) & lower
    return (bool(seen) and (word.islower() or word[0].isupper() and word[1:].islower() or len(word) == 1)
            and max(zipf_frequency(w, "en") for w in seen) >= MIN_ZIPF)


def is_ordinary_phrase(surface: str, lower: set[str]) -> bool:
    """Whether `surface` is made of ordinary words only (see the module docstring)."""
    tokens = re.findall(r"[^\W\d_]+|\S", surface)
    content = [t for t in tokens if t.lower() not in _FUNCTION]
    if not content or any(not t.isalpha() for t in content):
        return False
    # a head word makes a name ("National Security Council"), but not a lone plural whose singular the text
    # writes in lowercase ("Semiconductors are ..." is not the last word of "X Semiconductors")
    lone_plural = len(content) == 1 and bool(singulars(content[0].lower()) & lower)
    if {t.lower() for t in content} & _ALL_HEADS and not lone_plural:
        return False
    return all(_ordinary(t, lower) for t in content)


_DOCUMENT_NOUNS = words("law_nouns") | words("statute_heads") | words("policy_heads")


def is_bare_document_noun(surface: str) -> bool:
    """A document noun alone ("the Plan", "the Regulation", "this Act") refers back to a document; it is not a
    name unless it points to the full name (`canonical_hint`, checked by the caller)."""
    return surface.isalpha() and surface[:1].isupper() and surface.lower() in _DOCUMENT_NOUNS


def is_word_in_capitals(surface: str, lower: set[str], acronyms: set[str]) -> bool:
    """An ordinary English word of four letters or more set in capitals for emphasis or as a label ("the GOVERN
    function"), which the text also writes in lowercase and never defines as an acronym ("NATO" is never
    written "nato"; "(WHO)" defines one)."""
    from wordfreq import zipf_frequency

    return (surface.isalpha() and surface.isupper() and len(surface) >= 4 and surface.lower() in lower
            and surface not in acronyms and zipf_frequency(surface.lower(), "en") >= 3.5)


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
    acronyms = {m.group(1) for m in re.finditer(r"\(\s*(?:the\s+)?([A-Z]{2,})s?\s*[)\s]", text)}
    kept = [it for it in S.items(doc)
            if it[2] not in _LABELS or (it[3] and not is_ordinary_phrase(it[3].strip(_QUOTES), lower))
            or not it[3] and not (is_ordinary_phrase(text[it[0]:it[1]], lower) or is_sentence_initial_adjective(text, it[0], it[1])
                                  or is_word_in_capitals(text[it[0]:it[1]], lower, acronyms) or is_bare_document_noun(text[it[0]:it[1]]))]
    return S.write(doc, kept)
