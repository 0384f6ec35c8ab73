"""Component `thinktank_acronym_typos`: a misspelt acronym is the acronym the text defines, not a new name.

Reports mistype acronyms by swapping letters ("the Internet Engineering Task Force (IETF) ... The IEFT, a major
standards body"); the model tags the misspelling as an organisation of its own. A span in capitals that the text
never defines, made of exactly the letters of one acronym the text defines ("long form (ABC)") in another order,
is that acronym: it points (`canonical_hint`) to the long form and takes the label the defined acronym has.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.rules_en import find_acronyms


def misspelt_acronym(word: str, defined: dict[str, str]) -> str | None:
    """The one defined acronym `word` is an anagram of (3+ capitals, not itself defined), or None."""
    if len(word) < 3 or not word.isalpha() or not word.isupper() or word in defined:
        return None
    found = [acronym for acronym in defined if acronym != word and sorted(acronym) == sorted(word)]
    return found[0] if len(found) == 1 else None


@Language.component("thinktank_acronym_typos")
def thinktank_acronym_typos(doc: Doc) -> Doc:
    text = S.text(doc)
    defined = find_acronyms(text)
    if not defined:
        return doc
    items = S.items(doc)
    labels = S.majority_labels(text, items)
    out = []
    for start, end, label, hint in items:
        acronym = misspelt_acronym(text[start:end], defined)
        if acronym is not None:
            label, hint = labels.get(acronym, label), defined[acronym]
        out.append((start, end, label, hint))
    return S.write(doc, out)
