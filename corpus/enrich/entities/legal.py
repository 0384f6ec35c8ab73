"""Component `thinktank_legal_names`: legal instruments with numbers, article references, endnote digits.

- Numbered instruments are LAW: "Regulation (EU) 2016/679", "Directive 2019/790", "Guidelines 3/2018",
  "Law No. 24/2018/QH14", "Decree No. 13/2023/ND-CP", a number sign before a hyphenated number ("Law No.
  2008-12", lowercase in French: "loi n° 2023-703", "directive (UE) 2022/2555"), a coded identifier
  ("Supplementary Act A/SA.1/01/10"), and EU document numbers "COM(2021) 205 final";
  they replace what the model made of them ("EU" as an organisation).
- A reference to an article, recital or paragraph ("Article 3(2)") is not a name.
- Endnote digits glued to a name ("Digital Markets27"; the tokenizer splits them off) are not part of it; a
  name they hid the last word of is a LAW when that word is a law noun ("Abuja Treaty12": Treaty).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.vocab import entries, words

def _either_case(word: str) -> str:
    """`word` with its first letter in either case ("[Ll]oi"): French writes instruments in lowercase."""
    return f"[{word[0].upper()}{word[0].lower()}]{re.escape(word[1:])}" if word[:1].isalpha() else re.escape(word)


INSTRUMENTS = "|".join(_either_case(w) for w in sorted(entries("legal_instruments"), key=lambda w: (-len(w), w)))
_NUMBER_SIGN = r"(?:No\.?|n°|nº|N°|no\.)"
NUMBERED = re.compile(
    rf"\b(?:{INSTRUMENTS})(?:\s+\((?:EU|EC|EEC|Euratom|UE|CE|CEE)\))?\s+(?:{_NUMBER_SIGN}\s*)?\d{{1,4}}/\d{{1,4}}(?:/[A-Z0-9][A-Za-z0-9\-]*)*"
    # a number sign before a hyphenated number: "Law No. 2008-12", "loi n° 2023-703", "décret n° 2021-1234"
    rf"|\b(?:{INSTRUMENTS})\s+{_NUMBER_SIGN}\s*\d{{1,4}}-\d{{1,5}}\b"
    # an instrument with a coded identifier of two slashes or more: "Supplementary Act A/SA.1/01/10"
    r"|\b(?:[A-Z][a-z]+\s+)?(?:Act|Protocol|Decision|Regulation|Directive)\s+[A-Z]{1,4}/[A-Z0-9][\w.]*(?:/[\w.]+){2,}"
    r"|\b(?:COM|SWD|JOIN|SEC)\s?\(\d{4}\)\s?\d{1,4}(?:\s+final)?"
    r"|\bP\.\s?L\.\s?\d{2,3}[-–]\d{1,3}\b|\bPub(?:lic)?\.?\s+L(?:aw)?\.?\s+(?:No\.\s+)?\d{2,3}[-–]\d{1,3}\b")
LAW_NOUNS = words("law_nouns")
_REFERENCE = re.compile(r"^(?:Article|Articles|Art\.|Recital|Recitals|Paragraph|Section|Annex)\s+\d", re.I)
_GLUED_DIGITS = re.compile(r"(?<=[a-z]{2})\d{1,3}$")


@Language.component("thinktank_legal_names")
def thinktank_legal_names(doc: Doc) -> Doc:
    text = S.text(doc)
    found = [(m.start(), m.end(), "LAW", None) for m in NUMBERED.finditer(text)]
    out: list[S.Item] = []
    for start, end, label, hint in S.items(doc):
        surface = text[start:end]
        if _REFERENCE.match(surface):
            continue
        glued = _GLUED_DIGITS.search(surface)
        if glued and start + glued.start() > start:
            end = start + glued.start()
            # the model read the note digits as part of the name: its last word now decides ("Abuja Treaty12")
            last = text[start:end].split()[-1].casefold() if text[start:end].split() else ""
            if doc.lang_ == "en" and last in LAW_NOUNS and len(text[start:end].split()) > 1:
                label = "LAW"
        if any(s < end and start < e for s, e, _, _ in found):
            continue
        out.append((start, end, label, hint))
    return S.write(doc, out + found)
