"""Component `thinktank_head_references`: "the Summit" after two summits is a common noun, not a name.

`thinktank_back_references` points "the Commission" to the one longer name of the text it is the head of. When
the text names two or more organisations, laws or meetings with that head ("the Bletchley Park AI Safety
Summit ... the France AI Summit ... At the Summit, the nations ..."), the article and head noun refer back as a
common noun does; the word is not a name of its own. Such a one-word span (after "the"/"la/le/l'", no full name
found for it) is dropped.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.back_references import _ARTICLE, _NAMED, head_word


def ambiguous_heads(text: str, items: list[S.Item], language: str) -> set[int]:
    """Indexes into `items` of one-word spans after an article that head two or more longer names of `text`."""
    article = _ARTICLE.get(language)
    if article is None:
        return set()
    heads: dict[str, set[str]] = {}
    for start, end, label, _hint in items:
        name = text[start:end]
        if label in _NAMED and len(name.split()) >= 2 and "\n" not in name:
            heads.setdefault(head_word(name, language), set()).add(name)
    return {i for i, (start, end, label, hint) in enumerate(items)
            if not hint and label in _NAMED and len(heads.get(text[start:end], ())) >= 2
            and article.search(text[max(0, start - 12):start])}


@Language.component("thinktank_head_references")
def thinktank_head_references(doc: Doc) -> Doc:
    items = S.items(doc)
    dropped = ambiguous_heads(S.text(doc), items, doc.lang_)
    if not dropped:
        return doc
    return S.write(doc, [it for i, it in enumerate(items) if i not in dropped])
