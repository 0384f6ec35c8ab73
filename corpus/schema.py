"""Schemas derived from the record models: Arrow, pandera, Hugging Face features, JSON Schema.

The pydantic models in `corpus.records` are the single source of truth; this module only translates.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

import annotated_types
import pyarrow as pa
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from corpus.records import TABLES, LabelIds, Record


@dataclass(frozen=True)
class Column:
    """One column of a published table, as every schema flavour needs it."""

    name: str
    arrow_type: pa.DataType
    nullable: bool
    description: str
    vocabulary: tuple[str, ...] | None = None  # fixed label set: the values (Literal) or what the ids name (LabelIds)
    pattern: str | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    unique: bool = False

    @property
    def is_list(self) -> bool:
        return pa.types.is_list(self.arrow_type)

    @property
    def label_ids(self) -> bool:
        """Whether the column (or its items) holds ids into `vocabulary` rather than the labels themselves."""
        item = self.arrow_type.value_type if self.is_list else self.arrow_type
        return self.vocabulary is not None and pa.types.is_integer(item)

    @property
    def arrow_nullable(self) -> bool:
        """Nullability of the Arrow field: a label-id column is a nullable field, because `datasets` takes a
        feature from the schema metadata only for a field equal to the feature's own, and its fields are
        nullable. Its nulls are still refused (pydantic, the pandera schema, `corpus validate`)."""
        return self.nullable or self.label_ids


def _unwrap(annotation: Any) -> tuple[Any, bool, list[Any]]:
    """Strip Optional and Annotated: (inner type, nullable, constraint metadata)."""
    nullable = False
    metadata: list[Any] = []
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *extra = get_args(annotation)
            for item in extra:
                metadata.extend(item.metadata if isinstance(item, FieldInfo) else [item])
            continue
        if origin in (typing.Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) < len(get_args(annotation)):
                nullable = True
            annotation = args[0]
            continue
        return annotation, nullable, metadata


def _arrow_type(annotation: Any) -> pa.DataType:
    origin = get_origin(annotation)
    if origin is Literal or annotation is str:
        return pa.string()
    if origin is list:
        (item,) = get_args(annotation)
        return pa.list_(_arrow_type(_unwrap(item)[0]))
    if annotation is bool:
        return pa.bool_()
    if annotation is int:
        return pa.int64()
    if annotation is float:
        return pa.float64()
    if annotation is dt.date:
        return pa.date32()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(
            [pa.field(name, _arrow_type(_unwrap(f.annotation)[0]), nullable=_unwrap(f.annotation)[1]) for name, f in annotation.model_fields.items()]
        )
    raise TypeError(f"no Arrow type for {annotation!r}")


def columns(model: type[Record]) -> list[Column]:
    """The columns of one table, in model order."""
    result = []
    for name, info in model.model_fields.items():
        inner, nullable, metadata = _unwrap(info.annotation)
        metadata = [*metadata, *info.metadata]
        constraints: dict[str, Any] = {}
        for item in metadata:
            if isinstance(item, annotated_types.Ge):
                constraints["minimum"] = item.ge
            elif isinstance(item, annotated_types.Le):
                constraints["maximum"] = item.le
            elif getattr(item, "pattern", None):
                constraints["pattern"] = item.pattern
        description = info.description or _annotated_description(info.annotation) or ""
        vocabulary = _vocabulary(inner, metadata)
        result.append(
            Column(
                name=name,
                arrow_type=_arrow_type(inner),
                nullable=nullable,
                description=description,
                vocabulary=vocabulary,
                unique=(model.key == (name,)),
                **constraints,
            )
        )
    return result


def _vocabulary(annotation: Any, metadata: list[Any]) -> tuple[str, ...] | None:
    """The label set of a Literal or LabelIds column, or of the items of a list of them."""
    if get_origin(annotation) is list:
        annotation, _, metadata = _unwrap(get_args(annotation)[0])
    for item in metadata:
        if isinstance(item, LabelIds):
            return item.names
    return tuple(get_args(annotation)) if get_origin(annotation) is Literal else None


def _annotated_description(annotation: Any) -> str | None:
    for item in get_args(annotation)[1:] if get_origin(annotation) is typing.Annotated else ():
        if isinstance(item, FieldInfo) and item.description:
            return item.description
    return None


def arrow_schema(model: type[Record]) -> pa.Schema:
    """Exact Arrow schema of a table, with column descriptions as field metadata."""
    return pa.schema(
        [
            pa.field(c.name, c.arrow_type, nullable=c.arrow_nullable, metadata={"description": c.description})
            for c in columns(model)
        ]
    )


def arrow_schemas() -> dict[str, pa.Schema]:
    return {name: arrow_schema(model) for name, model in TABLES.items()}


# --- pandera -----------------------------------------------------------------------------------------

_PANDERA_DTYPES = {"int64": "Int64", "double": "Float64", "bool": "boolean", "string": "string"}


def pandera_schema(model: type[Record]):
    """pandera DataFrameSchema of a table, with built-in checks only (so it serialises without loss).

    Scalar columns are typed; list, struct and date columns are left untyped here because the exact
    Arrow schema check covers them (pandera cannot reload Arrow list dtypes from YAML, pandera#1941).
    """
    import pandera.pandas as pa_

    cols = {}
    for c in columns(model):
        checks = []
        if c.vocabulary and not c.is_list and not c.label_ids:  # list items are checked by corpus.validate; ids by ge/le
            checks.append(pa_.Check.isin(list(c.vocabulary)))
        if c.pattern:
            checks.append(pa_.Check.str_matches(c.pattern))
        if c.minimum is not None:
            checks.append(pa_.Check.ge(c.minimum))
        if c.maximum is not None:
            checks.append(pa_.Check.le(c.maximum))
        cols[c.name] = pa_.Column(
            _PANDERA_DTYPES.get(str(c.arrow_type)),
            checks=checks or None,
            nullable=c.nullable,
            unique=c.unique,
            description=c.description,
        )
    return pa_.DataFrameSchema(cols, name=model.table, strict=True, ordered=True, coerce=False)


def pandas_types_mapper(arrow_type: pa.DataType):
    """Map Arrow scalars to pandas nullable dtypes so nullable integers stay integers."""
    import pandas as pd

    return {
        pa.int64(): pd.Int64Dtype(),
        pa.float64(): pd.Float64Dtype(),
        pa.bool_(): pd.BooleanDtype(),
        pa.string(): pd.StringDtype(),
    }.get(arrow_type)


# --- Hugging Face features -------------------------------------------------------------------------


def _hf_dtype(arrow_type: pa.DataType) -> Any:
    if pa.types.is_list(arrow_type):
        return {"list": _hf_dtype(arrow_type.value_type)}
    if pa.types.is_struct(arrow_type):
        return {"struct": [{"name": f.name, **_hf_feature(f.type)} for f in arrow_type]}
    return {"dtype": {"date32[day]": "date32", "double": "float64", "bool": "bool"}.get(str(arrow_type), str(arrow_type))}


def _hf_feature(arrow_type: pa.DataType, vocabulary: tuple[str, ...] | None = None) -> dict[str, Any]:
    if vocabulary:
        class_label = {"class_label": {"names": {str(i): v for i, v in enumerate(vocabulary)}}}
        return {"list": class_label} if pa.types.is_list(arrow_type) else {"dtype": class_label}
    dtype = _hf_dtype(arrow_type)
    if "list" in dtype and isinstance(dtype["list"], dict) and set(dtype["list"]) == {"dtype"}:
        return {"list": dtype["list"]["dtype"]}
    return dtype


def hf_features(model: type[Record]) -> list[dict[str, Any]]:
    """The `dataset_info.features` YAML list for one table (labels as class_label)."""
    return [{"name": c.name, **_hf_feature(c.arrow_type, c.vocabulary)} for c in columns(model)]


HF_METADATA_KEY = b"huggingface"


@functools.cache
def hf_schema_metadata(model: type[Record]) -> dict[bytes, bytes]:
    """The Arrow schema metadata `datasets` itself writes: {"info": {"features": <Features.to_dict()>}}.

    Written out here rather than through `datasets.Features.to_dict()` so the write step does not import
    `datasets` (seconds per build); `tests/test_api.py` checks that `datasets` reads it back as
    `datasets_features(model)`. `datasets` takes a feature from this metadata only where its Arrow field
    equals the column's (type and nullability): label-id columns (`ner.ner_tags`) come back as ClassLabel
    from `load_dataset("parquet", ...)`; string label columns (stored as strings, the contract) come back
    as strings, and as ClassLabel from the build folder's configs (`load_dataset("build", table)`) or with
    `features=corpus.features(table)`.
    """
    import json

    features = {c.name: _hf_dict(c.arrow_type, c.vocabulary) for c in columns(model)}
    return {HF_METADATA_KEY: json.dumps({"info": {"features": features}}, ensure_ascii=False).encode()}


def _hf_dict(arrow_type: pa.DataType, vocabulary: tuple[str, ...] | None = None) -> dict[str, Any]:
    """One feature in `datasets.Features.to_dict()` form."""
    if pa.types.is_list(arrow_type):
        return {"feature": _hf_dict(arrow_type.value_type, vocabulary), "_type": "List"}
    if vocabulary:
        return {"names": list(vocabulary), "_type": "ClassLabel"}
    if pa.types.is_struct(arrow_type):
        return {f.name: _hf_dict(f.type) for f in arrow_type}
    return {"dtype": _hf_dtype(arrow_type)["dtype"], "_type": "Value"}


def datasets_features(model: type[Record]):
    """The table's `datasets.Features` (labels as ClassLabel, lists as List)."""
    import datasets

    return datasets.Features._from_yaml_list(hf_features(model))


@functools.cache
def arrow_schema_with_features(model: type[Record]) -> pa.Schema:
    """The table's exact Arrow schema carrying its Hugging Face features as schema metadata (for writing shards;
    made once per table: every document's rows are converted with it)."""
    return arrow_schema(model).with_metadata(hf_schema_metadata(model))
