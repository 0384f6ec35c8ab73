"""Component `thinktank_meeting_places` (English): "<meeting> in <Place>" is an EVENT and a place, not one name.

A meeting is named by its head noun ("World Internet Conference", "Boao Forum", "AI Safety Summit"); the place
where it is held follows with "in" ("the World Internet Conference in Wuzhen", "a Summit in Seoul"). When a span
runs from a meeting head over "in" into one to three capitalised words, the meeting ends at its head and the
words after "in" are a place (GPE; LOC when its last word names a site or natural place: "Bletchley Park"), whether or not a gazetteer knows the town. Names in which "in" follows
another word ("Conference on Security and Co-operation in Europe") are not touched: the word before "in" must
be the meeting's head. A name ending in a meeting head that the model kept apart from "in <Place>" and
called an organisation is the meeting too ("the Global Data Governance Forum in Tianjin").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.vocab import words

MEETING_HEADS = words("meeting_heads")
LOC_HEADS = words("loc_heads")
DATE_WORDS = words("date_words") | words("en_months")  # "in March" is a time, not a place
_FOLLOWED_BY_PLACE = re.compile(r"\s+in\s+(?:the\s+)?[A-Z][\w’'\-]*")
_IN_PLACE = re.compile(r"\s+in\s+((?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,2})$")


def split_meeting_place(surface: str) -> tuple[int, int, int] | None:
    """For "<meeting head> in <Place>": (end of the meeting, start of the place, end of the place) in `surface`."""
    m = _IN_PLACE.search(surface)
    if m is None:
        return None
    head = surface[:m.start()].split()
    if len(head) < 2 or head[-1].lower() not in MEETING_HEADS or m.group(1).split()[-1].lower() in DATE_WORDS:
        return None
    place_start = m.start(1) + (4 if surface[m.start(1):].startswith("the ") else 0)
    return m.start(), place_start, len(surface)


def _held_in_place(text: str, start: int, end: int) -> bool:
    """A name ending in a meeting head and followed by "in <Place>": a meeting held there."""
    words = text[start:end].split()
    after = _FOLLOWED_BY_PLACE.match(text, end)
    return (len(words) >= 2 and words[-1].lower() in MEETING_HEADS and after is not None
            and after.group().split()[-1].lower() not in DATE_WORDS)


@Language.component("thinktank_meeting_places")
def thinktank_meeting_places(doc: Doc) -> Doc:
    if doc.lang_ != "en":
        return doc
    text = S.text(doc)
    out: list[S.Item] = []
    changed = False
    for start, end, label, hint in S.items(doc):
        parts = split_meeting_place(text[start:end]) if label in {"EVENT", "ORG"} else None
        if parts is None and label == "ORG" and _held_in_place(text, start, end):
            out.append((start, end, "EVENT", hint))  # the model split "<meeting>" from "in <Place>" itself
            changed = True
            continue
        if parts is None:
            out.append((start, end, label, hint))
            continue
        meeting_end, place_start, place_end = parts
        place = text[start + place_start:start + place_end]
        place_label = "LOC" if place.split()[-1] in LOC_HEADS else "GPE"
        out += [(start, start + meeting_end, "EVENT", None), (start + place_start, start + place_end, place_label, None)]
        changed = True
    return S.write(doc, out) if changed else doc
