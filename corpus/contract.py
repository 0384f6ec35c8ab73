"""The committed schema contract in `schema/`: export it from the code, load it back, compare versions.

Files per table: `<table>.arrow.json` (exact Arrow schema: names, types, nullability, descriptions),
`<table>.pandera.yaml` (pandera schema, built-in checks only, so what is committed is what is checked)
and `<table>.schema.json` (JSON Schema of the record model). Plus `VERSION` (semver) and `CHANGELOG.md`.
The wheel ships the same files as `corpus/_schema/` (see `SCHEMA_DIR`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from corpus.records import TABLES
from corpus.schema import arrow_schema, pandera_schema

def _schema_dir() -> Path:
    """The committed contract: `schema/` of the repository (one source, edited only by `corpus schema
    export`); an installed wheel carries a copy of it as package data, `corpus/_schema/` (hatch
    force-include at wheel build time), so `corpus validate` works after `pip install`."""
    packaged = Path(__file__).resolve().parent / "_schema"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "schema"


SCHEMA_DIR = _schema_dir()

_SCALARS = {
    "string": pa.string(),
    "int64": pa.int64(),
    "int32": pa.int32(),
    "double": pa.float64(),
    "bool": pa.bool_(),
    "date32[day]": pa.date32(),
}


def type_to_json(t: pa.DataType) -> Any:
    if pa.types.is_list(t):
        return {"list": type_to_json(t.value_type)}
    if pa.types.is_struct(t):
        return {"struct": [{"name": f.name, "type": type_to_json(f.type), "nullable": f.nullable} for f in t]}
    return str(t)


def type_from_json(spec: Any) -> pa.DataType:
    if isinstance(spec, str):
        return _SCALARS[spec]
    if "list" in spec:
        return pa.list_(type_from_json(spec["list"]))
    return pa.struct([pa.field(f["name"], type_from_json(f["type"]), nullable=f["nullable"]) for f in spec["struct"]])


def schema_to_json(schema: pa.Schema) -> list[dict[str, Any]]:
    return [
        {
            "name": f.name,
            "type": type_to_json(f.type),
            "nullable": f.nullable,
            "description": (f.metadata or {}).get(b"description", b"").decode(),
        }
        for f in schema
    ]


def schema_from_json(fields: list[dict[str, Any]]) -> pa.Schema:
    return pa.schema([pa.field(f["name"], type_from_json(f["type"]), nullable=f["nullable"]) for f in fields])


def contract_files() -> dict[str, str]:
    """The generated contract files (name -> content) for the current code, VERSION and CHANGELOG excluded."""
    files = {}
    for name, model in TABLES.items():
        files[f"{name}.arrow.json"] = json.dumps(schema_to_json(arrow_schema(model)), indent=2, ensure_ascii=False) + "\n"
        files[f"{name}.pandera.yaml"] = pandera_schema(model).to_yaml()
        files[f"{name}.schema.json"] = json.dumps(model.model_json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return files


def export_contract(folder: Path = SCHEMA_DIR) -> list[Path]:
    """Write the generated contract files into `folder`; returns the files that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, content in contract_files().items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            changed.append(path)
    return changed


def drift(folder: Path = SCHEMA_DIR) -> list[str]:
    """Names of contract files whose committed content differs from what the code generates."""
    return sorted(
        name
        for name, content in contract_files().items()
        if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != content
    )


def load_arrow_contract(folder: Path = SCHEMA_DIR) -> dict[str, pa.Schema]:
    return {name: schema_from_json(json.loads((folder / f"{name}.arrow.json").read_text(encoding="utf-8"))) for name in TABLES}


def load_pandera_contract(folder: Path = SCHEMA_DIR) -> dict[str, Any]:
    import pandera.pandas as pa_

    return {name: pa_.DataFrameSchema.from_yaml(str(folder / f"{name}.pandera.yaml")) for name in TABLES}


def version(folder: Path = SCHEMA_DIR) -> str:
    return (folder / "VERSION").read_text(encoding="utf-8").strip()


# --- compatibility -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    table: str
    column: str
    what: str
    breaking: bool


def compare(old: dict[str, list[dict]], new: dict[str, list[dict]], old_vocab: dict[str, dict[str, list[str]]] | None = None, new_vocab: dict[str, dict[str, list[str]]] | None = None) -> list[Change]:
    """Differences between two contracts (table -> arrow.json fields); breaking ones flagged."""
    changes = []
    for table in sorted(set(old) | set(new)):
        if table not in new:
            changes.append(Change(table, "*", "table removed", True))
            continue
        if table not in old:
            changes.append(Change(table, "*", "table added", False))
            continue
        before = {f["name"]: f for f in old[table]}
        after = {f["name"]: f for f in new[table]}
        for column in sorted(set(before) | set(after)):
            if column not in after:
                changes.append(Change(table, column, "column removed", True))
            elif column not in before:
                changes.append(Change(table, column, "column added", False))
            else:
                b, a = before[column], after[column]
                if b["type"] != a["type"]:
                    changes.append(Change(table, column, f"type {b['type']} -> {a['type']}", True))
                if b["nullable"] and not a["nullable"]:
                    changes.append(Change(table, column, "nullable made required", True))
                elif a["nullable"] and not b["nullable"]:
                    changes.append(Change(table, column, "required made nullable", True))
        for column, values in ((old_vocab or {}).get(table) or {}).items():
            removed = set(values) - set(((new_vocab or {}).get(table) or {}).get(column, values))
            if removed:
                changes.append(Change(table, column, f"label(s) removed: {', '.join(sorted(removed))}", True))
    return changes


def required_bump(changes: list[Change]) -> str:
    """'major' for a breaking change, 'minor' for additions, 'none' otherwise."""
    if any(c.breaking for c in changes):
        return "major"
    return "minor" if changes else "none"


# --- releases ---------------------------------------------------------------------------------


def snapshot() -> dict[str, Any]:
    """The current code's contract in comparable form: arrow fields and label vocabularies per table."""
    from corpus.schema import columns

    return {
        "tables": {name: schema_to_json(arrow_schema(model)) for name, model in TABLES.items()},
        "vocabularies": {
            name: {c.name: list(c.vocabulary) for c in columns(model) if c.vocabulary} for name, model in TABLES.items()
        },
    }


def released(folder: Path = SCHEMA_DIR) -> dict[str, dict[str, Any]]:
    """Released contract snapshots in `schema/history/`, by version."""
    return {
        p.stem: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((folder / "history").glob("*.json"))
    }


def parse_version(text: str) -> tuple[int, int, int]:
    major, minor, patch = (int(x) for x in text.split("."))
    return major, minor, patch


def changes_since(previous: dict[str, Any], current: dict[str, Any]) -> list[Change]:
    return compare(previous["tables"], current["tables"], previous.get("vocabularies"), current.get("vocabularies"))


def check_version(folder: Path = SCHEMA_DIR) -> list[str]:
    """Problems with `schema/VERSION` given the released snapshots and the code's contract (empty: fine)."""
    current = snapshot()
    current_version = version(folder)
    history = released(folder)
    problems = []
    if current_version in history:
        if changes_since(history[current_version], current):
            problems.append(f"schema/VERSION {current_version} is released with a different contract; bump it (corpus schema export --bump ...)")
        return problems
    older = sorted((v for v in history if parse_version(v) < parse_version(current_version)), key=parse_version)
    if not older:
        return [f"no released snapshot older than {current_version} in schema/history/"]
    base = older[-1]
    needed = required_bump(changes_since(history[base], current))
    have = parse_version(current_version)
    was = parse_version(base)
    if needed == "major" and have[0] <= was[0]:
        problems.append(f"breaking change since {base} needs a major version bump, VERSION is {current_version}")
    if needed == "minor" and have[:2] <= was[:2]:
        problems.append(f"additions since {base} need at least a minor version bump, VERSION is {current_version}")
    problems.append(f"schema/history/{current_version}.json is missing: run corpus schema export")
    return problems


def bump(version_text: str, part: str) -> str:
    major, minor, patch = parse_version(version_text)
    return {"major": f"{major + 1}.0.0", "minor": f"{major}.{minor + 1}.0", "patch": f"{major}.{minor}.{patch + 1}"}[part]


class ContractError(Exception):
    """The code's schema changed in a way the requested version does not allow."""


def release(folder: Path = SCHEMA_DIR, part: str | None = None) -> tuple[str, list[Change]]:
    """Export the contract; with `part` bump VERSION first. Refuses a change the version does not allow."""
    current = snapshot()
    history = released(folder)
    old_version = version(folder) if (folder / "VERSION").exists() else None
    changes: list[Change] = []
    new_version = old_version or "1.0.0"
    if old_version and old_version in history:
        changes = changes_since(history[old_version], current)
        needed = required_bump(changes)
        if part is None and needed != "none":
            listed = "; ".join(f"{c.table}.{c.column}: {c.what}" for c in changes)
            raise ContractError(f"schema changed since {old_version} ({listed}); needs a {needed} bump: corpus schema export --bump {needed}")
        if part is not None:
            order = ["none", "patch", "minor", "major"]
            if order.index(part) < order.index(needed):
                raise ContractError(f"a {part} bump is not enough: the change since {old_version} is {needed} ({'; '.join(f'{c.table}.{c.column}: {c.what}' for c in changes if c.breaking or needed == 'minor')})")
            new_version = bump(old_version, part)
    export_contract(folder)
    (folder / "history").mkdir(exist_ok=True)
    (folder / "history" / f"{new_version}.json").write_text(json.dumps(current, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "VERSION").write_text(new_version + "\n", encoding="utf-8")
    if new_version != old_version:
        log = folder / "CHANGELOG.md"
        entry = f"\n## {new_version}\n\n" + "".join(f"- {c.table}.{c.column}: {c.what}{' (breaking)' if c.breaking else ''}\n" for c in changes)
        log.write_text((log.read_text(encoding="utf-8") if log.exists() else "# Schema changelog\n") + entry, encoding="utf-8")
    return new_version, changes
