"""The dataset card: Hugging Face README.md (YAML front matter + prose) generated from a finished build."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import yaml

from corpus.records import TABLES
from corpus.schema import hf_features

LICENSE = "other"
PRETTY_NAME = "Think-tank publications on China's digital economy and AI governance (structured)"


def dataset_configs(rows: dict[str, int]) -> tuple[list[dict], list[dict]]:
    """`configs` and `dataset_info` entries: one per table, with typed features and row counts."""
    configs = [
        {"config_name": name, "data_files": [{"split": "train", "path": f"{name}/*.parquet"}], **({"default": True} if name == "documents" else {})}
        for name in TABLES
    ]
    info = [
        {
            "config_name": name,
            "features": hf_features(model),
            "splits": [{"name": "train", "num_bytes": 0, "num_examples": rows[name]}],
        }
        for name, model in TABLES.items()
    ]
    return configs, info


def front_matter(rows: dict[str, int], languages: Sequence[str]) -> str:
    configs, info = dataset_configs(rows)
    total = rows.get("documents", 0)
    size = "n<1K" if total < 1000 else "1K<n<10K" if total < 10_000 else "10K<n<100K"
    meta = {
        "pretty_name": PRETTY_NAME,
        "license": LICENSE,
        "language": sorted(set(languages)),
        "task_categories": ["token-classification", "text-classification"],
        "task_ids": ["named-entity-recognition"],
        "size_categories": [size],
        "tags": ["think-tanks", "china", "digital-economy", "ai-governance", "footnotes", "named-entities"],
        "configs": configs,
        "dataset_info": info,
    }
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n"


def render_card(folder: Path, tables, processed, command: str = "corpus build") -> str:
    """The full card for the build staged in `folder`."""
    rows = {name: len(records) for name, records in tables.items()}
    languages = [d.language for d in tables.documents if d.language != "und"]
    lines = [front_matter(rows, languages), f"# {PRETTY_NAME}", "", "| table | rows |", "|---|---:|"]
    lines += [f"| {name} | {count} |" for name, count in rows.items()]
    lines += ["", f"Built with `{command}`.", ""]
    return "\n".join(lines)
