"""The dataset card: Hugging Face README.md (YAML front matter + prose) generated from a finished build.

The card follows the Hugging Face dataset card template and answers the Datasheets-for-Datasets
questions that apply to a document-derived corpus. Everything the build knows (counts, provenance,
column dictionary, defects, environment, file checksums) is generated; the prose that only a person
can write lives here as constants and applies to every build.

Deterministic by construction: no wall clock, no absolute paths, sorted iteration. Any text that comes
from a document or the manifest passes through `md_cell` (or `md_code` / `md_url`), so it cannot break a
Markdown table or inject HTML.

The package: `render` (`render_card`, the card in section order), `front_matter` (YAML), `about`, `contents`,
`caveats` and `distribution` (the prose sections), `facts` (what the card reads besides the tables) and
`markdown` (escaping and tables).
"""

from corpus.card.caveats import _curated_since
from corpus.card.facts import ner_status
from corpus.card.front_matter import LICENSE_LINK, LICENSE_NAME, dataset_configs, dataset_licence, size_category
from corpus.card.markdown import md_cell, md_code, md_url, render_scores
from corpus.card.render import render_card

__all__ = ["LICENSE_LINK", "LICENSE_NAME", "dataset_configs", "dataset_licence", "md_cell", "md_code", "md_url", "ner_status",
           "render_card", "render_scores", "size_category", "_curated_since"]
