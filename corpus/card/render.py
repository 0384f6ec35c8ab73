"""`render_card`: the whole card from a finished build."""

from __future__ import annotations

from pathlib import Path

from corpus.card.about import _citation, _details, MAINTENANCE, MOTIVATION, _summary, USES
from corpus.card.caveats import _defects, _limitations, _quality_section
from corpus.card.contents import _collection, _composition, _preprocessing, _structure
from corpus.card.distribution import _distribution, _environment, MACHINE_READABLE
from corpus.card.facts import _manifest_entries, _quality, _resolve_seeds
from corpus.card.front_matter import front_matter


def render_card(folder: Path, tables, processed, command: str = "corpus build", *, seeds: Path | None = None) -> str:
    """The full card for the build staged in `folder` (Parquet shards already written there).

    `seeds` is the folder the build read (for licences in the manifest and `quality.json`); when not given,
    the repository's `seeds/` is used if it holds exactly these source files.
    """
    rows = {name: len(records) for name, records in tables.items()}
    languages = [d.language for d in tables.documents]
    seeds_dir = _resolve_seeds(tables, seeds)
    entries = _manifest_entries(seeds_dir)
    quality, digest = _quality(seeds_dir)
    lines = [front_matter(rows, languages, folder, [d.license for d in tables.documents])]
    lines += _summary(tables, rows)
    lines += _details(tables)
    lines += MOTIVATION
    lines += USES
    lines += _structure(folder, tables, rows)
    lines += _composition(tables)
    lines += _collection(tables, entries)
    lines += _preprocessing(processed)
    lines += _defects(folder, tables, processed)
    lines += _quality_section(quality, digest)
    lines += _limitations(tables, rows)
    lines += _distribution(tables, entries)
    lines += MAINTENANCE
    lines += _citation(tables)
    lines += _environment(folder, command)
    lines += MACHINE_READABLE
    return "\n".join(lines).rstrip("\n") + "\n"
