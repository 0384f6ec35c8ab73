"""Component `thinktank_phrases`: capitalised phrases and designations that are not names, and labels that
maintained data or the form of a name settle.

- A word in capitals that the text also uses as an ordinary lowercase word ("GOVERN", "MAP", "MEASURE"; a
  frequent word by `wordfreq`, used outside web addresses) is emphasis or a heading label, unless the text
  defines it as an acronym ("NIST" in "www.nist.gov" stays a name).
- Words joined by "&"/"and" that the text also writes in lowercase, with no organisation, law or event head
  word ("Valid & Reliable", "Safe and Secure") are a phrase.
- "<adjective> AI" ("Advanced AI", "American AI", "Trustworthy AI"): the adjective is an ordinary word of the
  text or a demonym (tagged NORP in the text, or shaped like one: -an, -ese, -ish), so this is not a company.
- Standard designations ("ISO 26000:2010", "ISO/IEC 22989:2022", "IEEE 802.11") are not entities.
- A country name tagged LOC is a GPE (pycountry knows it); "G7", "G20" are groups of states (ORG).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.citations import URL
from corpus.enrich.entities.rules_en import find_acronyms
from corpus.enrich.entities.vocab import words

HEADS = (words("org_tails") | words("company_suffixes") | words("event_tails") | words("statute_heads")
         | words("law_heads_en") | words("meeting_heads")) - {"ai"}
_STANDARD = re.compile(r"^(?:ISO|IEC|IEEE|ANSI|CEN|CENELEC|ETSI|ITU-[TR]|NIST SP|BS|DIN|EN)\b[\s/A-Z]*\d", re.I)
_GROUP = re.compile(r"^G\d{1,2}$")
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|an|ese|ish|ch)$")  # American, European, Chinese, British, French


def _frequent(word: str) -> bool:
    """An ordinary English word (wordfreq), not an agency's name that happens to appear in lowercase."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= 3.5


def _countries() -> frozenset[str]:
    import pycountry

    names = set()
    for c in pycountry.countries:
        names.update(v.casefold() for v in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)) if v)
    return frozenset(names)


_COUNTRIES: frozenset[str] | None = None


@Language.component("thinktank_phrases")
def thinktank_phrases(doc: Doc) -> Doc:
    global _COUNTRIES
    if _COUNTRIES is None:
        _COUNTRIES = _countries()
    text = S.text(doc)
    lower = set(re.findall(r"\b[a-z][a-z\-]*\b", URL.sub(" ", text)))  # words, not pieces of web addresses
    acronyms = find_acronyms(text) if doc.lang_ == "en" else {}
    current = S.items(doc)
    demonyms = {text[s:e] for s, e, lab, _ in current if lab == "NORP"}
    out: list[S.Item] = []
    for start, end, label, hint in current:
        surface = text[start:end]
        tokens = re.findall(r"[\w’'\-]+|&", surface)
        content = [t for t in tokens if t.lower() not in {"and", "&", "of", "the"}]
        if doc.lang_ == "en":
            if surface.isupper() and surface.isalpha() and len(surface) >= 3 and surface.lower() in lower \
                    and surface not in acronyms and not hint and _frequent(surface.lower()):
                continue
            if ("&" in tokens or "and" in tokens) and content and all(t.lower() in lower for t in content) \
                    and not {t.lower() for t in content} & HEADS and label != "PERSON":
                continue
            if len(tokens) == 2 and tokens[1] == "AI" and (tokens[0].lower() in lower or tokens[0] in demonyms
                                                           or _DEMONYM.search(tokens[0])):
                continue
        if _STANDARD.match(surface):
            continue
        if label == "LOC" and surface.casefold() in _COUNTRIES:
            label = "GPE"
        if _GROUP.match(surface):
            label = "ORG"
        out.append((start, end, label, hint))
    return S.write(doc, out)
