"""Component `thinktank_unit_of_body` (English): a unit and the body it belongs to are one name.

"Centre for Law Studies of the University of Lagos", "Board of Governors of the Federal Reserve System": two
adjacent organisation spans joined by "of" or "of the" on one line, the first opening or ending with an
organisation head word and the second holding one, are the full name a reader cites. The body is recorded as
a nested mention (`nested.nested_bodies`). A place after "of" ("Ministry of Water Resources of China") is
not an organisation span and stays apart.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.vocab import words

ORG_TAILS = words("org_tails")
_OF = re.compile(r"^ of (?:the )?$")


def _head(surface: str, first_or_last: bool) -> bool:
    tokens = re.findall(r"[^\W\d_]+", surface.casefold())
    if first_or_last:
        return bool(tokens) and (tokens[0] in ORG_TAILS or tokens[-1] in ORG_TAILS)
    return any(t in ORG_TAILS for t in tokens)


def join_unit_of_body(text: str, items: list[S.Item]) -> list[S.Item]:
    """`items` with each "Unit of (the) Body" pair of organisation spans replaced by one span."""
    out: list[S.Item] = []
    for item in sorted(items):
        if out and out[-1][2] == "ORG" and item[2] == "ORG" and _OF.match(text[out[-1][1]:item[0]]) \
                and _head(text[out[-1][0]:out[-1][1]], True) and _head(text[item[0]:item[1]], False):
            out[-1] = (out[-1][0], item[1], "ORG", out[-1][3])
            continue
        out.append(item)
    return out


@Language.component("thinktank_unit_of_body")
def thinktank_unit_of_body(doc: Doc) -> Doc:
    if doc.lang_ != "en":
        return doc
    return S.write(doc, join_unit_of_body(S.text(doc), S.items(doc)))
