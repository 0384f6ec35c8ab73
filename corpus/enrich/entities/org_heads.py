"""Component `thinktank_org_heads` (English): organisation names found by their head word.

The small English model misses many institutional names made of ordinary capitalised words and labels
some of them as events. Written rules, as no maintained list of such names exists:

- A run of capitalised words ending in an organisation head word ("Internet Architecture Board", "Internet
  Research Task Force", "World Wide Web Consortium") is an organisation; so is a head word followed by
  "of"/"for"/"on" and capitalised words joined by "and", "of", "on", "the" ("Bureau of Industry and Security",
  "Internet Corporation for Assigned Names and Numbers", "National Security Commission on Artificial
  Intelligence", "Ministry of Economy, Trade and Industry"). Openers ("The", "Several") are not part of it;
  a month or weekday (`calendar`) ends it ("the Commission on Monday"); a head word followed by another
  capitalised word is not the end of a name ("Senior Agency Officials").
- A head word alone ("the Board") is not a name; an opener other than an article ("Several", "Both", "Our")
  at the start of an organisation the model found is not part of it ("Several Council" -> "Council").
- A name the model found whose last word is such a head word is an organisation whatever label the model
  gave it (not a meeting or a person); an organisation whose last word is a statute word ("General Data
  Protection Regulation", "Foreign Direct Product Rule") and that holds no organisation head word ("Institute
  of International Law" stays) is a law.
The found name replaces the pieces inside it; a span crossing it keeps the longer of the two.
"""

from __future__ import annotations

import calendar
import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.role_words import name_before_role
from corpus.enrich.entities.vocab import words

HEADS = words("org_name_heads")
OPENERS = words("name_openers")
STATUTE_WORDS = words("statute_heads") | {"rule", "rules"}
DATE_WORDS = words("date_words") | {m.lower() for m in calendar.month_name if m}

_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'&\-]*)"  # "U.S." or "High-Level"
_HEAD = r"(?:" + "|".join(sorted((h.capitalize() for h in HEADS), key=lambda h: (-len(h), h))) + r")(?![\w’'\-])"
_JOIN = rf"(?: | and | (?:of|on|for) (?:the )?|, (?={_WORD} and ))"
_TAIL = rf"(?: (?:of|for|on) (?:the )?{_WORD}(?:{_JOIN}{_WORD})*)"
_NAME = re.compile(rf"(?<![\w’'\-.])(?:{_WORD} )*{_HEAD}{_TAIL}?")
_ARTICLES = frozenset({"a", "an", "the"})  # kept: "The Economist", "The Hague" are settled elsewhere
_OPEN_QUOTES = "“\"«‘"
_RELABEL = {"EVENT", "PERSON", "GPE", "LOC", "PRODUCT", "FAC", "NORP", "WORK_OF_ART"}


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Openers off the front; the name cut before a date word; connectors off the end."""
    words_ = [(m.start() + start, m.end() + start, m.group()) for m in re.finditer(r"[^\s,]+", text[start:end])]
    while words_ and words_[0][2].lower() in OPENERS:
        words_.pop(0)
    for i, (_, _, w) in enumerate(words_):
        if w.lower() in DATE_WORDS:
            words_ = words_[:i]
            break
    while words_ and not words_[-1][2][:1].isupper():
        words_.pop()
    if not words_:
        return start, start
    return words_[0][0], words_[-1][1]


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run cut into the names it holds: at a possessive ("Ghana's Ministry of ...", "Tsinghua University’s
    Center ..."), and before "of" that opens another organisation or a known place ("Institute for Law Studies
    of China University of Political Science", "Ministry of Water Resources of China")."""
    from corpus.enrich.entities.places import known_places

    cuts = [start]
    for m in re.finditer(r"[’']s(?= )|(?<=s)[’'](?= )", text[start:end]):
        cuts += [start + m.start(), start + m.end() + 1]
    cuts.append(end)
    out = []
    for a, b in zip(cuts[::2], cuts[1::2]):
        first = re.search(_HEAD, text[a:b])
        for m in re.finditer(r" (?:of|and) (?:the )?", text[a:b]):
            if first is None or m.start() < first.end():
                continue
            rest = text[a + m.end():b]
            run = re.match(rf"{_WORD}(?: {_WORD})*", rest)
            if re.match(rf"(?:{_WORD} )*{_HEAD}", rest) or (run and run.group().casefold() in known_places()):
                out.append((a, a + m.start()))
                a = a + m.end()
                break
        out.append((a, b))
    return out


def org_names(text: str) -> list[tuple[int, int, int]]:
    """Character spans of the organisation names found by their head word, each with the end of the run it was
    found in (beyond the name when a job title follows it)."""
    out = []
    for m in _NAME.finditer(text):
        if m.start() and text[m.start() - 1] in _OPEN_QUOTES:
            continue  # a quoted phrase ("the “Deep Foundation” of its technology") is not proposed here
        for a, b in _pieces(text, m.start(), m.end()):
            start, end = _trim(text, a, b)
            run_end = end
            before_role = name_before_role(text[start:end])
            if before_role is not None:
                end = start + len(before_role)  # "... and Security Export Control Officer": a job title follows
            name = text[start:end]
            if len(name.split()) < 2:
                continue
            has_tail = bool(re.search(rf"{_HEAD} (?:of|for|on) ", name))
            if not has_tail and (name.split()[-1].lower() not in HEADS or re.match(r" [A-Z]", text[end:end + 2])):
                continue  # no head word at the end, or the name goes on ("Senior Agency Officials")
            out.append((start, end, run_end))
    return out


@Language.component("thinktank_org_heads")
def thinktank_org_heads(doc: Doc) -> Doc:
    if doc.lang_ != "en":
        return doc
    text = S.text(doc)
    current = S.items(doc)
    out: list[S.Item] = []
    for start, end, label, hint in current:
        first = re.match(r"(\w+) (?=\S)", text[start:end])
        if label == "ORG" and first and first.group(1).lower() in OPENERS - _ARTICLES and first.group(1)[0].isupper():
            start += first.end()  # "Several Council members": the opener is not part of the name
        last = text[start:end].split()[-1].lower() if text[start:end].split() else ""
        if label in _RELABEL and last in HEADS and len(text[start:end].split()) > 1:
            label = "ORG"
        elif label == "ORG" and last in STATUTE_WORDS and not {w.lower() for w in text[start:end].split()} & HEADS:
            label = "LAW"
        out.append((start, end, label, hint))
    for start, end, run_end in org_names(text):
        # a name cut before a job title replaces the spans that ran into the title
        out = [it for it in out if not (it[0] == start and end < it[1] <= run_end)]
        inside = [it for it in out if start <= it[0] and it[1] <= end]
        if any(it[0] == start and it[1] == end for it in inside):
            continue
        if any(it[2] not in {"ORG", "GPE", "LOC", "NORP", "PERSON", "PRODUCT", "EVENT", "FAC"} for it in inside):
            continue  # a law or another kind of name holds this one
        out = [it for it in out if it not in inside] + [(start, end, "ORG", None)]
    return S.write(doc, out)
