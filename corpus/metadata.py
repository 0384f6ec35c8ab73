"""Machine-readable metadata of a build: MLCommons Croissant (`croissant.json`) and a Frictionless
Data Package (`datapackage.json`), both generated from the record models and the written shards.

Both files are built by hand as plain dicts (no `mlcroissant`/`frictionless` needed at build time)
and written with sorted inputs and fixed formatting, so two builds of the same data give the same bytes.
Nothing here reads the wall clock or writes an absolute path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from corpus.records import TABLES, Record
from corpus.schema import Column, columns

CROISSANT_NAME = "croissant.json"
DATAPACKAGE_NAME = "datapackage.json"
DATASET_NAME = "thinktank-corpus"
CREATOR = "thinktank-corpus maintainers"
DATASET_LICENSE = (
    "other: the source texts belong to their publishers and their terms are unknown unless the "
    "datacard's provenance table states them; the builder code is MIT"
)
PARQUET_MEDIA_TYPE = "application/x-parquet"


@dataclass(frozen=True)
class ForeignKey:
    """`table.column` holds a value of `ref_table.ref_column` (or null when the column is nullable)."""

    table: str
    column: str
    ref_table: str
    ref_column: str


def _foreign_keys() -> tuple[ForeignKey, ...]:
    """The cross-table references of the published tables (the same ones `corpus.validate` checks)."""
    explicit = {
        ("sections", "parent_id"): ("sections", "section_id"),
        ("footnotes", "section_id"): ("sections", "section_id"),
        ("footnotes", "ibid_of"): ("footnotes", "footnote_id"),
        ("figures", "section_id"): ("sections", "section_id"),
        ("mentions", "entity_id"): ("entities", "entity_id"),
        ("mentions", "footnote_id"): ("footnotes", "footnote_id"),
        ("mentions", "affiliation_id"): ("entities", "entity_id"),
        ("quantities", "footnote_id"): ("footnotes", "footnote_id"),
        ("citations", "footnote_id"): ("footnotes", "footnote_id"),
        ("citations", "refers_to"): ("citations", "citation_id"),
        ("paragraphs", "footnote_id"): ("footnotes", "footnote_id"),
        ("paragraphs", "section_id"): ("sections", "section_id"),
        ("ner", "paragraph_id"): ("paragraphs", "paragraph_id"),
    }
    keys = []
    for name, model in TABLES.items():
        names = set(model.model_fields)
        if "doc_id" in names and name != "documents":
            keys.append(ForeignKey(name, "doc_id", "documents", "doc_id"))
        for (table, column), (ref_table, ref_column) in explicit.items():
            if table == name and column in names:
                keys.append(ForeignKey(table, column, ref_table, ref_column))
    return tuple(keys)


FOREIGN_KEYS: tuple[ForeignKey, ...] = _foreign_keys()


@dataclass(frozen=True)
class OutputFile:
    """One written file of a build, relative to the build folder (POSIX separators)."""

    path: str
    sha256: str
    n_bytes: int


def shard_files(folder: Path, table: str) -> list[OutputFile]:
    """The Parquet shards of one table, sorted by name, with their checksums."""
    from corpus.write import file_sha256

    return [
        OutputFile(path=p.relative_to(folder).as_posix(), sha256=file_sha256(p), n_bytes=p.stat().st_size)
        for p in sorted((folder / table).glob("*.parquet"))
    ]


def output_files(folder: Path) -> list[OutputFile]:
    """Every Parquet shard of every table, in table order then file name."""
    return [f for name in TABLES for f in shard_files(folder, name)]


# --- Croissant ---------------------------------------------------------------------------------------

CROISSANT_CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}

_CROISSANT_TYPES = {
    "string": "sc:Text",
    "int64": "sc:Integer",
    "double": "sc:Float",
    "bool": "sc:Boolean",
    "date32[day]": "sc:Date",
}


def _croissant_type(arrow_type: pa.DataType) -> str:
    try:
        return _CROISSANT_TYPES[str(arrow_type)]
    except KeyError:
        raise TypeError(f"no Croissant data type for Arrow {arrow_type}") from None


def _column_description(column: Column) -> str:
    extra = []
    if column.vocabulary:
        extra.append(("ids from 0 into: " if column.label_ids else "one of: ") + ", ".join(column.vocabulary))
    if column.nullable:
        extra.append("nullable")
    return column.description + (f" ({'; '.join(extra)})" if extra else "")


def _croissant_field(table: str, column: Column, source: dict[str, Any], references: dict[tuple[str, str], str]) -> dict[str, Any]:
    field_id = f"{table}/{column.name}"
    field: dict[str, Any] = {"@type": "cr:Field", "@id": field_id, "name": column.name, "description": _column_description(column)}
    arrow_type = column.arrow_type
    if pa.types.is_list(arrow_type):
        field["cr:isArray"] = True
        field["cr:arrayShape"] = "-1"
        arrow_type = arrow_type.value_type
    if pa.types.is_struct(arrow_type):
        field["subField"] = [
            {
                "@type": "cr:Field",
                "@id": f"{field_id}/{child.name}",
                "name": child.name,
                "dataType": _croissant_type(child.type),
                "source": {**source, "extract": {"column": column.name}, "transform": {"jsonPath": child.name}},
            }
            for child in arrow_type
        ]
    else:
        field["dataType"] = _croissant_type(arrow_type)
        field["source"] = {**source, "extract": {"column": column.name}}
    if (table, column.name) in references:
        field["references"] = {"field": {"@id": references[(table, column.name)]}}
    return field


def _limitations(languages: list[str] | None) -> str:
    """The croissant limitations sentence, naming how entities are found for the build's languages."""
    from corpus.card import ner_status

    by_status: dict[str, list[str]] = {}
    for lang in sorted({tag.split("-")[0] for tag in languages or () if tag}):
        by_status.setdefault(ner_status(lang), []).append(lang)
    how = ["Entities and quantities are machine-extracted (spaCy NER plus rules) and contain errors."]
    if by_status.get("rules"):
        how.append(f"Entities in {', '.join(by_status['rules'])} come from rules alone (no statistical model; lower recall).")
    if by_status.get("none"):
        how.append(f"Documents in {', '.join(by_status['none'])} have no entity detection and no mentions.")
    how.append("Source defects (missing or truncated footnotes) are kept and flagged in footnotes.status. See the dataset card for measured quality.")
    return " ".join(how)


def croissant(folder: Path, rows: dict[str, int], languages: list[str] | None = None) -> dict[str, Any]:
    """The Croissant 1.1 JSON-LD description of the build in `folder`.

    A table written as one shard is a `cr:FileObject` (its sha256 is checked by `mlcroissant load`);
    a table of several shards is a `cr:FileSet` over `<table>/*.parquet`, with each shard also listed
    as a FileObject so its checksum is recorded.
    """
    from corpus import __version__
    from corpus.contract import version as schema_version

    # Self-references (sections.parent_id, footnotes.ibid_of) are left out: mlcroissant turns
    # `references` into a dependency graph between record sets and refuses its cycles.
    # The citations table's references are left out too: mlcroissant 1.1.1 fails to generate the
    # join of its record set (Join(citations): 'generator' object has no attribute 'columns'); they are
    # declared in datapackage.json and checked by `corpus validate`. The same failure hits the ner table's
    # reference to paragraphs (Join(ner)), left out for the same reason.
    references = {
        (fk.table, fk.column): f"{fk.ref_table}/{fk.ref_column}" for fk in FOREIGN_KEYS if fk.table != fk.ref_table and fk.table not in ("citations", "ner")
    }
    distribution: list[dict[str, Any]] = []
    record_sets: list[dict[str, Any]] = []
    for name, model in TABLES.items():
        shards = shard_files(folder, name)
        for shard in shards:
            distribution.append(
                {
                    "@type": "cr:FileObject",
                    "@id": shard.path,
                    "name": shard.path,
                    "description": f"Shard of the {name} table.",
                    "contentUrl": shard.path,
                    "contentSize": f"{shard.n_bytes} B",
                    "encodingFormat": PARQUET_MEDIA_TYPE,
                    "sha256": shard.sha256,
                }
            )
        if len(shards) == 1:
            source = {"fileObject": {"@id": shards[0].path}}
        else:
            distribution.append(
                {
                    "@type": "cr:FileSet",
                    "@id": f"{name}-files",
                    "name": f"{name}-files",
                    "description": f"All Parquet shards of the {name} table.",
                    "encodingFormat": PARQUET_MEDIA_TYPE,
                    "includes": f"{name}/*.parquet",
                }
            )
            source = {"fileSet": {"@id": f"{name}-files"}}
        record_set: dict[str, Any] = {
            "@type": "cr:RecordSet",
            "@id": name,
            "name": name,
            "description": f"{(model.__doc__ or '').strip()} {rows.get(name, 0)} rows.",
        }
        key = [{"@id": f"{name}/{k}"} for k in model.key]
        record_set["key"] = key[0] if len(key) == 1 else key
        record_set["field"] = [_croissant_field(name, c, source, references) for c in columns(model)]
        record_sets.append(record_set)
    metadata: dict[str, Any] = {
        "@context": CROISSANT_CONTEXT,
        "@type": "sc:Dataset",
        "name": DATASET_NAME,
        "description": (
            "Think-tank publications (reports and web news items) turned into ten typed tables: documents, "
            "sections, footnotes, figures, entities, mentions, quantities, citations (the works each footnote cites), "
            "paragraphs (the unit to train or retrieve on) and ner (paragraphs as tokens with BIO tags). Every row carries the doc_id of "
            "its source document; documents.source_file and documents.sha256 name the exact source file. "
            "See README.md (the dataset card) for provenance, the column dictionary and known defects."
        ),
        "conformsTo": "http://mlcommons.org/croissant/1.1",
        "citeAs": f"{DATASET_NAME} {__version__} (schema {schema_version()}): see README.md",
        "creator": {"@type": "sc:Organization", "name": CREATOR},
        "license": DATASET_LICENSE,
        "url": "README.md",
        "version": __version__,
        "keywords": ["think tanks", "China", "digital economy", "AI governance", "footnotes", "named entities"],
        **({"inLanguage": sorted(set(languages))} if languages else {}),
        "rai:dataCollection": (
            "Source files were collected by hand into the seeds folder and are kept unmodified; every table is "
            "derived from them by a deterministic pipeline (read, structure, enrich, validate, write)."
        ),
        "rai:dataLimitations": _limitations(languages),
        "rai:dataBiases": (
            "A small hand-picked set of think-tank publications on one topic; not a sample of any population."
        ),
        "rai:personalSensitiveInformation": (
            "Names and stated roles of public figures and authors as printed in published documents."
        ),
        "rai:dataReleaseMaintenancePlan": (
            "Add a source file and its manifest entry to seeds/, run `corpus build`; the card and this file are regenerated."
        ),
        "distribution": distribution,
        "recordSet": record_sets,
    }
    return metadata


# --- Frictionless ------------------------------------------------------------------------------------

_TABLE_SCHEMA_TYPES = {
    "string": "string",
    "int64": "integer",
    "double": "number",
    "bool": "boolean",
    "date32[day]": "date",
}


def _table_schema_field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "description": column.description}
    arrow = str(column.arrow_type)
    if column.is_list:
        # Frictionless reads Parquet through pandas, where a list cell is a numpy array; its `array`
        # type rejects those, so list columns are typed `any` (not checked) and the Arrow type is kept.
        field["type"] = "any"
        field["arrowType"] = arrow_type_name(column.arrow_type)
    else:
        field["type"] = _TABLE_SCHEMA_TYPES[arrow]
        if column.nullable and field["type"] in ("integer", "number"):
            # pandas turns a null in an integer column into NaN, which frictionless sees as "nan".
            field["missingValues"] = ["nan"]
    constraints: dict[str, Any] = {}
    if not column.nullable:
        constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    if column.vocabulary and not column.label_ids:
        constraints["enum"] = list(column.vocabulary)
    if column.pattern:
        constraints["pattern"] = column.pattern
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if column.maximum is not None:
        constraints["maximum"] = column.maximum
    if constraints and not column.is_list:
        field["constraints"] = constraints
    return field


def arrow_type_name(arrow_type: pa.DataType) -> str:
    """A short readable Arrow type: `list<string>`, `list<struct<field: string, origin: string>>`."""
    if pa.types.is_list(arrow_type):
        return f"list<{arrow_type_name(arrow_type.value_type)}>"
    if pa.types.is_struct(arrow_type):
        return "struct<" + ", ".join(f"{f.name}: {arrow_type_name(f.type)}" for f in arrow_type) + ">"
    return {"date32[day]": "date32", "double": "float64", "bool": "bool"}.get(str(arrow_type), str(arrow_type))


def datapackage(folder: Path, rows: dict[str, int]) -> dict[str, Any]:
    """The Frictionless Data Package (v1 descriptor, Table Schemas with primary and foreign keys)."""
    from corpus import __version__

    resources = []
    for name, model in TABLES.items():
        shards = shard_files(folder, name)
        schema: dict[str, Any] = {
            "fields": [_table_schema_field(c) for c in columns(model)],
            "primaryKey": list(model.key),
            # An empty string is a value (a preamble's heading, a missing note's text), not a null.
            "missingValues": [],
        }
        foreign = [
            {"fields": fk.column, "reference": {"resource": "" if fk.ref_table == name else fk.ref_table, "fields": fk.ref_column}}
            for fk in FOREIGN_KEYS
            if fk.table == name
        ]
        if foreign:
            schema["foreignKeys"] = foreign
        resource: dict[str, Any] = {
            "name": name,
            "type": "table",
            "path": shards[0].path if len(shards) == 1 else [s.path for s in shards],
            "scheme": "file",
            "format": "parquet",
            "mediatype": PARQUET_MEDIA_TYPE,
            "description": f"{(model.__doc__ or '').strip()} {rows.get(name, 0)} rows.",
            "schema": schema,
        }
        if len(shards) == 1:
            # Recorded for readers; frictionless does not check hash (nor bytes) on Parquet resources.
            resource["hash"] = f"sha256:{shards[0].sha256}"
        resources.append(resource)
    return {
        "name": DATASET_NAME,
        "title": "Think-tank publications (structured)",
        "description": "Ten typed tables extracted from think-tank publications; see README.md (dataset card).",
        "version": __version__,
        "licenses": [{"name": "other", "title": DATASET_LICENSE}],
        "contributors": [{"title": CREATOR, "role": "author"}],
        "resources": resources,
    }


def dump_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_metadata(folder: Path, tables) -> None:
    """Write `folder/croissant.json` and `folder/datapackage.json` for the shards already written there."""
    rows = {name: len(records) for name, records in tables.items()}
    languages = sorted({d.language.split("-")[0] for d in tables.documents if d.language != "und"})
    (folder / CROISSANT_NAME).write_text(dump_json(croissant(folder, rows, languages)), encoding="utf-8")
    (folder / DATAPACKAGE_NAME).write_text(dump_json(datapackage(folder, rows)), encoding="utf-8")
