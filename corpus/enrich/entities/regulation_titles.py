"""Component `thinktank_regulation_titles` (English): regulations titled "<Head> on/for <subject>" are one LAW.

Chinese regulations, and many others, are cited in English by a head noun of regulation (Provisions, Measures,
Opinions, Rules, Notice, Decision, Law, ...), optionally qualified ("Interim", "Several", "Guiding") and after a
few capitalised words ("Data Security Management Measures"), then "on"/"for"/"concerning" and a capitalised subject
whose words may be joined by lowercase connectors: "Provisions on the Management of Algorithmic Recommendations in
Internet Information Services", "Interim Measures for the Management of Generative Artificial Intelligence
Services". The statistical model cuts such titles at their connectors ("Management of ..." ORG); this rule
reads the title from its typographic form and replaces what the model made of it.

A year right after the subject is the year of adoption and part of the title ("Law on Water Resources 2023").

Not a title: a line holding nothing else (a heading such as "Measures for Data Security"), a subject without a
capitalised word, "Plan"/"Law" heads with nothing capitalised before and a one-word subject.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.vocab import entries

_HEADS = frozenset(entries("regulation_heads"))
_CONNECTORS = frozenset("of the in and for on to with by from at its their a an".split())
# capitalised words that open a sentence or a phrase, never a regulation's name: "Under the Measures for ..."
_OPENERS = frozenset("the a an under in on by with according its their this these that those both new per from".split())
_WORD = re.compile(r"[^\W\d_][\w’'\-]*|\S")
_YEAR_AFTER = re.compile(r"\s(?:19|20)\d\d\b(?![.,]\d)")
_LEAD = re.compile(rf"(?:{'|'.join(sorted(_HEADS))})\s+(?:on|for|concerning|regarding)\s+")


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def _subject_end(text: str, pos: int) -> int | None:
    """End of the capitalised subject starting at `pos`, lowercase connectors allowed between its words; None
    without one. A coordinated second title ("... and the Measures for ...") is not part of the first."""
    end, pending, seen, last = None, [], False, pos
    for m in _WORD.finditer(text, pos):
        if "\n" in text[last:m.start()]:
            break
        last = m.end()
        word = m.group()
        if _is_cap(word) and word not in _HEADS:
            end, pending, seen = m.end(), [], True
        elif word.lower() in _CONNECTORS and word.islower():
            pending.append(word)
            if pending[-2:] == ["and", "the"]:
                break
        else:
            break
        if len(pending) > 2:
            break
    return end if seen else None


def _name_start(text: str, head_start: int) -> int:
    """Start of the name: up to four capitalised words before the head, less sentence openers and possessives."""
    start = head_start
    before = list(_WORD.finditer(text[max(0, head_start - 120):head_start]))
    offset = max(0, head_start - 120)
    for m in reversed(before[-4:]):
        word = m.group()
        if not _is_cap(word) or word.lower() in _OPENERS or word.endswith(("'s", "’s")):
            break
        start = offset + m.start()
    return start


def regulation_titles(text: str) -> list[tuple[int, int]]:
    """Character spans of regulation titles in `text` (module docstring)."""
    out = []
    for m in _LEAD.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-’'"):
            continue
        end = _subject_end(text, m.end())
        if end is None:
            continue
        year = _YEAR_AFTER.match(text, end)
        if year:
            end = year.end()  # the year of adoption belongs to the title: "Law on Water Resources 2023"
        start = _name_start(text, m.start())
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        if not text[line_start:start].strip(" \t0123456789.") and not text[end:line_end].strip(" .:"):
            continue  # the whole line: a heading
        out.append((start, end))
    return out


@Language.component("thinktank_regulation_titles")
def thinktank_regulation_titles(doc: Doc) -> Doc:
    if doc.lang_ != "en":
        return doc
    text = S.text(doc)
    items = S.items(doc)
    # a law the earlier components already read in full (with its year: "Law on Water Resources 2023") stays
    found = [(s, e) for s, e in regulation_titles(text)
             if not any(lab == "LAW" and a <= s and e <= b and (a, b) != (s, e) for a, b, lab, _ in items)]
    if not found:
        return doc
    kept = [item for item in items if not any(item[0] < e and s < item[1] for s, e in found)]
    return S.write(doc, kept + [(s, e, "LAW", None) for s, e in found])
