"""The card's YAML front matter: Hugging Face configs and features, splits, licence, size category."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import yaml

from corpus.metadata import shard_files
from corpus.records import TABLES
from corpus.schema import hf_features


LICENSE = "other"
LICENSE_NAME = "per-document-licences"  # the texts' licences differ (or are unknown): see the card's table
LICENSE_LINK = "README.md#distribution-and-licences"
PRETTY_NAME = "Think-tank publications on China's digital economy and AI governance (structured)"


# --- front matter -------------------------------------------------------------------------------------


def size_category(n: int) -> str:
    """Hugging Face `size_categories` bucket for `n` examples."""
    bounds = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"), (10_000_000, "1M<n<10M")]
    for bound, name in bounds:
        if n < bound:
            return name
    return "n>10M"


def _arrow_bytes(folder: Path, table: str) -> int:
    return sum(pq.read_table(p).nbytes for p in sorted((folder / table).glob("*.parquet")))


def table_splits(folder: Path | None, table: str) -> list[str]:
    """The splits a table's shards are written in (`<split>-NNNNN-of-NNNNN.parquet`), in write order."""
    from corpus.write import SPLITS

    if folder is None:
        return ["train"]
    present = {p.name.split("-", 1)[0] for p in (folder / table).glob("*.parquet")}
    return [s for s in SPLITS if s in present] or ["train"]


def _split_rows(folder: Path, table: str, split: str) -> tuple[int, int]:
    """(rows, Arrow bytes) of one split of a table."""
    tables = [pq.read_table(p) for p in sorted((folder / table).glob(f"{split}-*.parquet"))]
    return sum(t.num_rows for t in tables), sum(t.nbytes for t in tables)


def dataset_configs(rows: dict[str, int], folder: Path | None = None) -> tuple[list[dict], list[dict]]:
    """`configs` and `dataset_info` entries: one per table, with typed features and row counts.

    Tables with a `split` column (paragraphs, ner) list one data_files entry per split written; the
    others are one `train` split over `<table>/*.parquet`."""
    configs = []
    for name, model in TABLES.items():
        if "split" in model.model_fields:
            files = [{"split": s, "path": f"{name}/{s}-*.parquet"} for s in table_splits(folder, name)]
        else:
            files = [{"split": "train", "path": f"{name}/*.parquet"}]
        configs.append({"config_name": name, "data_files": files, **({"default": True} if name == "documents" else {})})
    info = []
    for name, model in TABLES.items():
        entry: dict[str, Any] = {"config_name": name, "features": hf_features(model)}
        if folder is not None:
            splits = table_splits(folder, name) if "split" in model.model_fields else ["train"]
            sizes = {s: _split_rows(folder, name, s) if "split" in model.model_fields else (rows[name], _arrow_bytes(folder, name)) for s in splits}
            entry["splits"] = [{"name": s, "num_bytes": sizes[s][1], "num_examples": sizes[s][0]} for s in splits]
            entry["download_size"] = sum(f.n_bytes for f in shard_files(folder, name))
            entry["dataset_size"] = sum(b for _, b in sizes.values())
        else:
            entry["splits"] = [{"name": "train", "num_bytes": 0, "num_examples": rows[name]}]
        info.append(entry)
    return configs, info


def iso639_1(languages: Iterable[str]) -> list[str]:
    """Primary language subtags of BCP-47 tags, 'und' left out, sorted."""
    return sorted({tag.split("-")[0] for tag in languages if tag and tag != "und"})


def dataset_licence(licences: Sequence[str | None]) -> tuple[str, str]:
    """(`license_name`, `license_link`) of the card: one SPDX licence shared by every document, else the per-document table."""
    from corpus.licences import spdx_url

    shared = set(licences)
    if len(shared) == 1 and (only := shared.pop()) is not None:
        from corpus.licences import spdx_id

        if spdx_id(only) == only:
            return only.lower(), spdx_url(only)
    return LICENSE_NAME, LICENSE_LINK


def front_matter(rows: dict[str, int], languages: Sequence[str], folder: Path | None = None, licences: Sequence[str | None] = ()) -> str:
    configs, info = dataset_configs(rows, folder)
    license_name, license_link = dataset_licence(licences)
    langs = iso639_1(languages)
    meta = {
        "pretty_name": PRETTY_NAME,
        "license": LICENSE,
        "license_name": license_name,
        "license_link": license_link,
        "language": langs,
        "multilinguality": ["multilingual" if len(langs) > 1 else "monolingual"],
        "annotations_creators": ["machine-generated"],
        "language_creators": ["found"],
        "source_datasets": ["original"],
        "task_categories": ["token-classification"],
        "task_ids": ["named-entity-recognition"],
        "size_categories": [size_category(rows.get("documents", 0))],
        "tags": ["think-tanks", "china", "digital-economy", "ai-governance", "footnotes", "named-entities", "tabular", "text", "croissant"],
        "configs": configs,
        "dataset_info": info,
    }
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n"
