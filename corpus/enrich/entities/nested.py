"""Names inside names: the full name is the mention a reader cites ("Shanghai Institutes for International
Studies", "商汤科技香港公司"); a place named inside it is recorded as well, as a nested mention whose `parent`
is the full name's span (published as `mentions.parent_id`). Flat counts keep top-level mentions only.

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
