"""Component `thinktank_periodicals` (English): journals and reviews are organisations, not laws.

"African Journal of Information Law", "Harvard Law Review", "Journal of Cyber Policy": a name headed by a
periodical noun (its first word before "of", or its last word) is a publication, which the project labels ORG,
even when it contains a statute word ("Law") that made an earlier rule call it a law. "Review" heads a
periodical only in "Law Review" or "Review of ..." ("2021 Review", "Strategic Defence Review" are documents).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S

_HEADS = r"Journal|Quarterly|Magazine|Gazette|Bulletin|Yearbook|Newsletter"
_PERIODICAL = re.compile(rf"^(?:The\s+)?(?:[A-Z][\w'’\-]*\s+)*?(?:{_HEADS}|Review)\s+of\s+[A-Z]"
                         rf"|^(?:The\s+)?(?:[A-Z][\w'’\-&]*\s+)+(?:{_HEADS})$"
                         r"|^(?:The\s+)?(?:[A-Z][\w'’\-&]*\s+)*Law\s+Review$")
_RELABELLED = {"LAW", "PERSON", "PRODUCT", "WORK_OF_ART", "GPE", "LOC"}


def is_periodical(name: str) -> bool:
    """Whether `name` is the title of a journal, review or magazine (module docstring)."""
    return _PERIODICAL.search(name) is not None


@Language.component("thinktank_periodicals")
def thinktank_periodicals(doc: Doc) -> Doc:
    if doc.lang_ != "en":
        return doc
    items = S.items(doc)
    text = S.text(doc)
    if not any(lab in _RELABELLED and is_periodical(text[s:e]) for s, e, lab, _ in items):
        return doc
    return S.write(doc, [(s, e, "ORG" if lab in _RELABELLED and is_periodical(text[s:e]) else lab, hint)
                         for s, e, lab, hint in items])
