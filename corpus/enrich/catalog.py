"""The curated entity catalogue (`seeds/entities.yaml`): canonical names, labels, multilingual aliases
and Wikidata ids, used only to link detected mentions (never to detect them)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from corpus.yaml_input import load_yaml_file

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "seeds" / "entities.yaml"
LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "LAW", "PRODUCT"})


class CatalogError(ValueError):
    """The catalogue file is malformed (reason in the message)."""


@dataclass(frozen=True)
class CatalogEntry:
    name: str
    label: str
    aliases: tuple[str, ...] = ()
    wikidata_id: str | None = None


def parse_catalog(data: object) -> tuple[CatalogEntry, ...]:
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise CatalogError("catalog: top level must be a mapping with an 'entities' list")
    out = []
    for i, item in enumerate(data["entities"]):
        if not isinstance(item, dict) or not item.get("name") or item.get("label") not in LABELS:
            raise CatalogError(f"catalog entry {i}: needs 'name' and a 'label' in {sorted(LABELS)}")
        wd = item.get("wikidata")
        if wd is not None and not (isinstance(wd, str) and wd[:1] == "Q" and wd[1:].isdigit()):
            raise CatalogError(f"catalog entry {i} ({item['name']}): wikidata id must look like Q123 or be null")
        aliases = tuple(sorted({str(a) for a in item.get("aliases") or ()}))
        out.append(CatalogEntry(str(item["name"]), str(item["label"]), aliases, wd))
    _refuse_shared_names(out)
    return tuple(sorted(out, key=lambda e: (e.label, e.name)))


def _refuse_shared_names(entries: list[CatalogEntry]) -> None:
    """A name or alias must point at one entry: two entries sharing one would move mentions silently."""
    owner: dict[str, CatalogEntry] = {}
    for entry in entries:
        for form in dict.fromkeys((entry.name, *entry.aliases)):
            key = " ".join(form.casefold().split())
            other = owner.get(key)
            if other is not None and other is not entry:
                what = "name" if form == entry.name else "alias"
                raise CatalogError(f"catalog: {what} {form!r} of entry {entry.name!r} ({entry.label}) is also a name or alias of entry {other.name!r} ({other.label}); a form may belong to one entry only")
            owner[key] = entry


def load_catalog(path: str | Path | None = None) -> tuple[CatalogEntry, ...]:
    """Entries of the catalogue at `path` (default: seeds/entities.yaml); empty when the file is absent."""
    p = Path(path) if path is not None else DEFAULT_PATH
    if not p.exists():
        return ()
    return parse_catalog(load_yaml_file(p))
