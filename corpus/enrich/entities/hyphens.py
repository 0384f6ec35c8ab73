"""Component `thinktank_hyphen_names`: hyphens inside names, and East Asian person names.

- A name continues over a hyphen glued to letters on both sides: "Université de Nantes" + "-Atlantique";
  two entities joined by such a hyphen are one name ("Maria Ortega" + "-" + "Lindqvist"), a person when
  either part was one or when it is made of name words only with no organisation or place head.
- "Surname Given" with a common Chinese surname and a given name made of one or two pinyin syllables
  ("Xu Mingyue") is a PERSON; so is a common Korean surname before a hyphenated given name ("Kim Min-seo"),
  found even where the model saw nothing.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.vocab import entries, words

CHINESE_SURNAMES = words("chinese_surnames")
KOREAN_SURNAMES = frozenset(entries("korean_surnames"))
ORG_WORDS = words("org_tails") | words("company_suffixes") | words("event_tails") | words("statute_heads") | words("fr_org_heads")
_INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINAL = r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|uan|ian|iao|uai|ai|ei|ao|ou|an|en|in|un|ua|uo|ia|ie|iu|ui|ue|er|a|o|e|i|u|v)"
_INITIAL_REQUIRED = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])"
# one or two syllables; a syllable after the first needs its initial ("Mingyue"; not "Boateng": bo-a-teng)
PINYIN_GIVEN = re.compile(rf"(?i:{_INITIAL}{_FINAL}(?:['’-]?{_INITIAL_REQUIRED}{_FINAL})?)")
PINYIN_WORD = re.compile(rf"(?i:{_INITIAL}{_FINAL}(?:['’-]?{_INITIAL_REQUIRED}{_FINAL}){{0,2}})")
_HYPHEN_RIGHT = re.compile(r"-[^\W\d_][\w’']*")
_HYPHEN_LEFT = re.compile(r"[^\W\d_][\w’']*-$")
_KOREAN = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]+-[a-z]+)\b")
PLACES = frozenset({"GPE", "LOC", "NORP"})  # "China-US", "Sino-African": two places, not one name
# lowercase words after a hyphen that make an adjective of a name ("Xi Jinping-led", "Beijing-based")
HYPHEN_SUFFIXES = words("hyphen_suffixes")


def is_pinyin_person(surface: str) -> bool:
    """"Xu Mingyue", "Li Wei": a common Chinese surname and a one- or two-syllable pinyin given name."""
    parts = surface.split()
    return (len(parts) == 2 and parts[0].lower() in CHINESE_SURNAMES and parts[0][:1].isupper()
            and parts[1][:1].isupper() and bool(PINYIN_GIVEN.fullmatch(parts[1])))


def _person_like(surface: str) -> bool:
    tokens = re.split(r"[\s\-]+", surface)
    return 2 <= len(tokens) <= 4 and all(t[:1].isupper() and t[1:].islower() for t in tokens if t) \
        and not {t.lower() for t in tokens} & ORG_WORDS


@Language.component("thinktank_hyphen_names")
def thinktank_hyphen_names(doc: Doc) -> Doc:
    text = S.text(doc)
    out: list[S.Item] = []
    for start, end, label, hint in sorted(S.items(doc)):
        tail = re.search(r"-([a-z]+)$", text[start:end])
        if tail and tail.group(1) in HYPHEN_SUFFIXES:
            end -= len(tail.group())  # "Xi Jinping-led": the name is "Xi Jinping"
        m = _HYPHEN_RIGHT.match(text, end)
        if m and label not in PLACES and not m.group()[1:].isupper() and (
                m.group()[1:2].isupper() or label == "PERSON" and m.group()[1:].lower() not in HYPHEN_SUFFIXES):
            end = m.end()
        left = _HYPHEN_LEFT.search(text, max(0, start - 30), start)
        if left and left.end() == start and left.group()[:1].isupper() and label not in PLACES:
            start = left.start()
        if out and out[-1][1] + 1 == start and text[out[-1][1]] == "-" and not {out[-1][2], label} <= PLACES:
            prev = out.pop()
            merged = text[prev[0]:end]
            person = "PERSON" in (prev[2], label) or _person_like(merged)
            out.append((prev[0], end, "PERSON" if person else prev[2], prev[3] or hint))
            continue
        if label != "PERSON" and is_pinyin_person(text[start:end]):
            label = "PERSON"
        out.append((start, end, label, hint))
    for m in _KOREAN.finditer(text):
        if m.group(1) in KOREAN_SURNAMES:
            out = [x for x in out if not (x[0] < m.end() and m.start() < x[1])]
            out.append((m.start(), m.end(), "PERSON", None))
    return S.write(doc, out)
