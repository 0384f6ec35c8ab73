"""Withhold the texts a licence does not let us redistribute (`corpus build --withhold-restricted`).

Only the body text goes: `documents.text` and its copies `sections.text` become empty and the document is
flagged `text_withheld`. Everything else stays, offsets included: they point into the full text, whose
length (`n_chars`) and hash (`text_sha256`) are kept, so a build from the source file (its `sha256` is
recorded) re-attaches it. Footnote texts, mention and quantity surfaces, titles and captions are kept:
short quotations and bibliographic data, not the work's running text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from corpus.licences import resolve_licence
from corpus.pipeline import ProcessedDocument
from corpus.read import SourceDocument


def restricted_documents(sources: Iterable[SourceDocument]) -> set[str]:
    """doc_ids whose text may not be redistributed under the rule in `corpus.licences`."""
    restricted = set()
    for source in sources:
        entry = source.entry
        licence = resolve_licence(entry.license, entry.license_url, entry.redistribute) if entry else resolve_licence(None)
        if not licence.redistributable:
            restricted.add(source.doc_id)
    return restricted


def withhold_texts(processed: Iterable[ProcessedDocument], doc_ids: set[str]) -> Iterator[ProcessedDocument]:
    """`processed` with the body text of `doc_ids` left out (see the module docstring), one document at a time."""
    for p in processed:
        if p.document.doc_id not in doc_ids:
            yield p
            continue
        yield replace(
            p,
            document=p.document.model_copy(update={"text": "", "text_withheld": True}),
            sections=tuple(s.model_copy(update={"text": ""}) for s in p.sections),
        )
