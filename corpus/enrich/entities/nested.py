"""Names inside names: the full name is the mention a reader cites ("Shanghai Institutes for International
Studies", "商汤科技香港公司"); a place named inside it is recorded as well, as a nested mention whose `parent`
is the full name's span (published as `mentions.parent_id`). Flat counts keep top-level mentions only.
The body a unit belongs to, named at the end of the unit's full name, is recorded the same way (`nested_bodies`).

Places are found inside organisation, event and law names with the maintained place data: country and
large-city names in Latin script (whole words, capitalised), Chinese-script place names (longest first).
"""

from __future__ import annotations

import re

from corpus.enrich.entities.places import latin_places, zh_places
from corpus.enrich.entities.script import to_simplified
from corpus.enrich.model import EntitySpan

HOSTS = frozenset({"ORG", "EVENT", "LAW", "PRODUCT"})
_CAPITALISED = re.compile(r"(?<![\w\-’'])[A-ZÀ-Ý][\w’'\-]*(?:\s[A-ZÀ-Ý][\w’'\-]*){0,2}")
_CJK = re.compile(r"[\u3400-\u9fff]")


# "of the" / "de l'" before the body a unit belongs to, inside a full name
_BODY_AFTER = re.compile(r"\s(?:of(?:\s+the)?\s+|de\s+l['’]\s*|de\s+la\s+|du\s+|de\s+)(?=[A-ZÀ-Ý])")


def nested_bodies(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """The body named at the end of an organisation's full name ("University of Lagos" in "Centre for Law
    Studies of the University of Lagos", "Université Bretagne-Sud" in "Laboratoire ... de l'Université
    Bretagne-Sud"): the first tail after "of (the)"/"de l'"/"du" that holds a head word of its own and is
    followed by none, as a nested ORG."""
    from corpus.enrich.entities.french import FR_PARENT_HEADS
    from corpus.enrich.entities.rules_en import ORG_TAILS

    heads = ORG_TAILS | FR_PARENT_HEADS
    out: list[EntitySpan] = []
    for sp in spans:
        if sp.label != "ORG" or sp.parent is not None:
            continue
        surface = text[sp.start:sp.end]
        for m in _BODY_AFTER.finditer(surface):
            tail = surface[m.end():]
            words_ = re.findall(r"[^\W\d_]+", tail)
            if len(words_) >= 2 and any(w.casefold() in heads for w in words_):
                out.append(EntitySpan(sp.start + m.end(), sp.end, tail, "ORG", parent=(sp.start, sp.end)))
                break
    return out


def nested_places(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """Place names inside the organisation, event, law and product names of `spans` (new spans only)."""
    out: list[EntitySpan] = []
    latin = zh = None
    for sp in spans:
        if sp.label not in HOSTS or sp.parent is not None:
            continue
        surface = text[sp.start:sp.end]
        found: list[tuple[int, int]] = []
        if _CJK.search(surface):
            zh = zh if zh is not None else zh_places()
            simple = to_simplified(surface)
            i = 0
            while i < len(simple):
                n = next((n for n in range(6, 1, -1) if simple[i:i + n] in zh and not (i == 0 and n == len(simple))), 0)
                if n:
                    found.append((i, i + n))
                    i += n
                else:
                    i += 1
        else:
            latin = latin if latin is not None else latin_places()
            for m in _CAPITALISED.finditer(surface):
                words = m.group().split()
                for k in range(len(words), 0, -1):  # the longest run of words from the match start that is a place
                    name = " ".join(words[:k])
                    if name.casefold() in latin and len(name) < len(surface) and name.upper() != name:
                        found.append((m.start(), m.start() + len(name)))
                        break
        for a, b in found:
            out.append(EntitySpan(sp.start + a, sp.start + b, text[sp.start + a:sp.start + b], "GPE", parent=(sp.start, sp.end)))
    return out
