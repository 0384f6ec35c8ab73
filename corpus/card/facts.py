"""What the card reads besides the tables: the seeds folder, manifest, quality figures, package versions, counts."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import re
import statistics
import warnings
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any


SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
QUALITY_NAME = "quality.json"
TOOL_PACKAGES = ("pyarrow", "pandas", "pandera", "pydantic", "datasets", "spacy", "py3langid", "wordfreq", "pyyaml", "dateparser")
_SPACY_MODEL = re.compile(r"^(?:[a-z]{2,3}|xx)_(?:core|dep|ent)_")


# --- inputs the card reads besides the tables ---------------------------------------------------------


def _resolve_seeds(tables, seeds: Path | None) -> Path | None:
    """The seeds folder this build came from: `seeds` if given, else the repository's `seeds/` when every
    document's source file is there with the same sha256 (so another seeds folder never lends its files)."""
    if seeds is not None:
        return seeds if seeds.is_dir() else None
    if not SEEDS_DIR.is_dir() or not tables.documents:
        return None
    for doc in tables.documents:
        path = SEEDS_DIR / doc.source_file
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != doc.sha256:
            return None
    return SEEDS_DIR


def _manifest_entries(seeds: Path | None) -> dict[str, Any]:
    if seeds is None:
        return {}
    from corpus.errors import CorpusError
    from corpus.read import load_manifest

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            manifest = load_manifest(seeds)
        except CorpusError:
            return {}
    return {e.file: e for e in manifest.documents} if manifest else {}


def _quality(seeds: Path | None) -> tuple[dict | None, str | None]:
    """The scores `corpus eval` wrote to `seeds/quality.json` and that file's sha256, if present."""
    if seeds is None or not (seeds / QUALITY_NAME).is_file():
        return None, None
    data = (seeds / QUALITY_NAME).read_bytes()
    try:
        return json.loads(data), hashlib.sha256(data).hexdigest()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {"error": "seeds/quality.json is not valid JSON"}, hashlib.sha256(data).hexdigest()


def ner_status(language: str) -> str:
    """How entities are found for `language`: 'statistical', 'rules' (no model installed) or 'none'."""
    from corpus.enrich.entities import ner_available, rule_based_languages

    if ner_available(language):
        return "statistical"
    return "rules" if language in rule_based_languages() else "none"


def package_versions() -> list[tuple[str, str]]:
    """(distribution, version) of the tools that shape the output, then the installed spaCy models."""
    result = []
    for name in TOOL_PACKAGES:
        try:
            result.append((name, importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            result.append((name, "not installed"))
    models = set()
    for dist in importlib.metadata.distributions():
        raw = dist.metadata["Name"] or ""
        norm = re.sub(r"[-_.]+", "_", raw).lower()
        if _SPACY_MODEL.match(norm):
            models.add((norm, dist.version))
    return result + sorted(models)


def _date(doc) -> str:
    if doc.published_date:
        text = doc.published_date.isoformat()
    elif doc.published_month:
        text = doc.published_month
    else:
        return "not stated"
    return text + (f" {doc.published_time}" if doc.published_time else "")


def _is_empty(value: Any) -> bool:
    return value is None or value == [] or value == ""


def _count_by(items: Iterable[str]) -> list[tuple[str, int]]:
    return sorted(Counter(items).items())


def _spread(values: list[int]) -> str:
    if not values:
        return "none"
    return f"min {min(values)}, median {statistics.median(values):g}, max {max(values)}, total {sum(values)}"


def project_links() -> dict[str, str]:
    """The package's declared project URLs (`[project.urls]` in pyproject.toml), by label; empty when none."""
    try:
        entries = importlib.metadata.metadata("thinktank-corpus").get_all("Project-URL") or []
    except importlib.metadata.PackageNotFoundError:
        return {}
    return dict(tuple(part.strip() for part in entry.split(",", 1)) for entry in entries if "," in entry)


def _repository() -> str:
    links = project_links()
    url = links.get("Repository") or links.get("Source") or links.get("Homepage")
    return url or "the thinktank-corpus git repository (`corpus/`, `seeds/`, `schema/`); no public URL is declared in its `pyproject.toml` yet"
