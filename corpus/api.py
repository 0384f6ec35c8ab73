"""The Python API for readers of a build: typed pandas frames, validation, Hugging Face features.

`load` is the one read path that round-trips the contract's types: Arrow scalars become pandas
nullable dtypes (`Int64`, `Float64`, `boolean`, `string`), so a nullable integer stays an integer
(plain `pd.read_parquet` turns it into float64) and the committed pandera schema validates the frame.
"""

from __future__ import annotations

from pathlib import Path

from corpus.records import TABLES


def _shards(build: Path, table: str, split: str | None) -> list[Path]:
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; one of: {', '.join(TABLES)}")
    paths = sorted((build / table).glob(f"{split + '-' if split else ''}*.parquet"))
    if not paths and split is None:
        raise FileNotFoundError(f"{build / table}: no Parquet shards (is {build} a build?)")
    return paths


def load_arrow(build: str | Path, table: str, split: str | None = None):
    """One table of a build as a `pyarrow.Table` with the contract's schema (all splits unless `split`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from corpus.schema import arrow_schema

    schema = arrow_schema(TABLES[table]) if table in TABLES else None
    paths = _shards(Path(build), table, split)
    return pa.concat_tables([pq.read_table(p, schema=schema) for p in paths]) if paths else schema.empty_table()


def load(build: str | Path, table: str, split: str | None = None):
    """One table of a build as a typed pandas DataFrame (nullable dtypes; list columns hold arrays)."""
    from corpus.schema import pandas_types_mapper

    return load_arrow(build, table, split).to_pandas(types_mapper=pandas_types_mapper)


def validate(build: str | Path) -> list:
    """Every contract and cross-table failure of a build (`corpus.validate.Failure`); empty: valid."""
    from corpus.validate import validate_build

    return validate_build(Path(build))


def features(table: str):
    """The table's `datasets.Features` (labels as ClassLabel), e.g. for
    `load_dataset("parquet", data_files=..., features=corpus.features("mentions"))`."""
    from corpus.schema import datasets_features

    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; one of: {', '.join(TABLES)}")
    return datasets_features(TABLES[table])
