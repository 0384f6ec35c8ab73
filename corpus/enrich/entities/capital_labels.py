"""Component `thinktank_capital_labels` (English): ordinary words set in capitals as labels are not names.

Frameworks name their parts with ordinary words in capitals ("four functions – GOVERN, MAP, MEASURE, and MANAGE";
"COLLECT, SHARE and VERIFY"); the small model reads each as an acronym and tags it ORG. A coordinated run of three
or more words in capitals is a list of labels when every word of it is a frequent English word and at least two of
them are also written in lowercase in the text ("measure", "manage"): acronyms are not written in lowercase
("NATO, OECD and WHO" stays). Every span that is one of those words, anywhere in the text, is dropped.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.citations import URL

_CAPS = r"[A-Z]{3,}\b"
_RUN = re.compile(rf"\b{_CAPS}(?:\s*,\s*(?:(?:and|or)\s+)?{_CAPS}|\s+(?:and|or)\s+{_CAPS})+")
MIN_ZIPF = 3.0
MIN_ZIPF_SEEN = 3.5


def label_words(text: str) -> set[str]:
    """The words in capitals of `text` that are labels (module docstring)."""
    from wordfreq import zipf_frequency

    lower = set(re.findall(r"\b[a-z]+\b", URL.sub(" ", text)))
    out: set[str] = set()
    for run in _RUN.finditer(text):
        items = re.findall(_CAPS, run.group(0))
        if len(items) < 3 or any(zipf_frequency(w.lower(), "en") < MIN_ZIPF for w in items):
            continue
        seen = [w for w in items if w.lower() in lower and zipf_frequency(w.lower(), "en") >= MIN_ZIPF_SEEN]
        if len(seen) >= 2:
            out.update(items)
    return out


@Language.component("thinktank_capital_labels")
def thinktank_capital_labels(doc: Doc) -> Doc:
    if doc.lang_ != "en":
        return doc
    text = S.text(doc)
    labels = label_words(text)
    if not labels:
        return doc
    return S.write(doc, [it for it in S.items(doc) if text[it[0]:it[1]] not in labels])
