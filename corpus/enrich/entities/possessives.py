"""Component `thinktank_possessive_names`: a possessive inside a name.

"National People's Congress", "People's Bank of China": when a name stops before "'s" and the word before
the possessive is a common noun (the text also writes it in lowercase, or it is a frequent word of the
language by `wordfreq`, e.g. "people"), the possessive is
part of a longer name if capitalised words ending in an organisation head word follow ("Congress",
"Bank", "Republic": `data/possessive_heads.txt`); the name is extended over them. A name that already
ends in an organisation word ("Tencent Research Center's Institute") is an owner, not part of a name. ("Alibaba's Taobao" stays two names: "Alibaba" is
not a common noun.)
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.vocab import words

HEADS = words("possessive_heads")
ORG_TAILS = words("org_tails")
_AFTER = re.compile(r"['’]s((?:\s+[A-Z][\w\-]*){1,4})")


def _common(word: str, lower: set[str], lang: str) -> bool:
    """An ordinary noun: the text writes it in lowercase, or it is frequent in the language (wordfreq)."""
    if word.lower() in lower:
        return True
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), lang if lang in {"en", "fr"} else "en") >= 5.0


@Language.component("thinktank_possessive_names")
def thinktank_possessive_names(doc: Doc) -> Doc:
    text = S.text(doc)
    lower = set(re.findall(r"\b[a-z][a-z\-]*\b", text))
    out: list[S.Item] = []
    for start, end, label, hint in S.items(doc):
        m = _AFTER.match(text, end)
        last = text[start:end].split()[-1] if text[start:end].split() else ""
        if m and label in {"ORG", "NORP"} and _common(last, lower, doc.lang_) and last.lower() not in ORG_TAILS:
            tail = m.group(1).split()
            k = max((i for i, w in enumerate(tail) if w.lower() in HEADS), default=-1)
            if k >= 0:
                cut = m.start(1) + len(re.match(r"((?:\s+\S+){%d})" % (k + 1), m.group(1)).group(1))
                out = [x for x in out if x[1] <= start]
                out.append((start, cut, "ORG" if label != "GPE" or tail[k].lower() != "republic" else "GPE", hint))
                continue
        out.append((start, end, label, hint))
    # an acronym whose long form was cut at the possessive ("NPC" -> "Congress") points to the whole name
    grown = {text[a:b] for a, b, _, _ in out} - {text[a:b] for a, b, _, _ in S.items(doc)}
    out = [(a, b, lab, next((g for g in sorted(grown) if g.endswith(" " + h) and ("’s" in g or "'s" in g)), h) if h else h)
           for a, b, lab, h in out]
    # drop what the extended names now cover
    merged: list[S.Item] = []
    for item in sorted(out, key=lambda x: (x[0], -x[1])):
        if merged and item[0] < merged[-1][1]:
            continue
        merged.append(item)
    return S.write(doc, merged)
