"""Component `thinktank_adjective_compounds`: "U.S.-origin AI" is the place U.S. in an adjective, not a name.

English forms adjectives by gluing a name to a lowercase word with a hyphen ("U.S.-origin chips", "China-based
firms", "EU-level funding"). The small model runs such a compound on into the next capitalised word and tags it
as one organisation ("U.S.-origin AI"). A span with a hyphen followed by a lowercase word inside it is cut before
the hyphen when the lowercase word is a frequent English word of four letters or more ("origin", "based", "level";
not the syllable of a given name, "Kim Min-seo", and never inside a PERSON) and the word before the hyphen is a
name by itself, in capitals ("EU", "U.S.") or a known place ("China"), not a prefix ("Economic Co-operation"):
the name on the left keeps the label the text gives that name elsewhere, is a GPE when it is a known place, and is
dropped otherwise.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S

_COMPOUND = re.compile(r"(?<=[\w.])-([a-z]{4,})\b")
MIN_ZIPF = 3.5


def left_of_compound(surface: str) -> str | None:
    """The name before an adjective hyphen inside `surface` ("U.S.-origin AI" -> "U.S."), or None."""
    from wordfreq import zipf_frequency

    from corpus.enrich.entities.places import known_places

    m = _COMPOUND.search(surface)
    if m is None or not surface[:1].isupper() or zipf_frequency(m.group(1), "en") < MIN_ZIPF:
        return None
    left = surface[:m.start()]
    word = left.rsplit(" ", 1)[-1]
    capitals = len(word.replace(".", "")) >= 2 and word.replace(".", "").isalpha() and word.isupper()
    return left if capitals or word.casefold() in known_places() else None


@Language.component("thinktank_adjective_compounds")
def thinktank_adjective_compounds(doc: Doc) -> Doc:
    if doc.lang_ != "en":
        return doc
    from corpus.enrich.entities.places import known_places

    text = S.text(doc)
    items = S.items(doc)
    labels = S.majority_labels(text, items)
    out = []
    for start, end, label, hint in items:
        left = left_of_compound(text[start:end]) if label != "PERSON" else None
        if left is None:
            out.append((start, end, label, hint))
            continue
        new = labels.get(left) or ("GPE" if left.casefold() in known_places() else None)
        if new is not None:
            out.append((start, start + len(left), new, None))
    return S.write(doc, out)
