"""The dataset as pandas DataFrames: one attribute per table, real dtypes.

Each column's dtype follows its row model (``schemas/tables.py``), the same
facts the Parquet writer uses (``publish/columns.py``):

==============================  =============================================
model type                      pandas dtype
==============================  =============================================
``str``                         ``string`` (missing: ``<NA>``)
``str``, district names         ``category`` of the 13 districts (``region``)
``str``, RL labels              ``category`` of the RL labels (``vorhabensart``)
``Literal[...]``                ``category`` of the allowed values
``int``                         ``Int16`` / ``Int32`` (nullable, as in Parquet)
``bool``                        ``boolean`` (nullable)
``float``                       ``Float64``
``date``                        ``datetime64[ns]`` (missing or impossible: ``NaT``)
``Decimal`` (euros)             ``decimal128(14, 2)[pyarrow]``: exact, sums stay exact
==============================  =============================================

The DataFrames are built from the typed rows (``Dataset.tables``), which are
what :func:`foerderdaten.write` writes: changing a DataFrame changes no file.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

import pandas as pd
import pyarrow as pa

from foerderdaten.publish.columns import Column, Kind, columns_of
from foerderdaten.publish.parquet import arrow_type
from foerderdaten.schemas import TABLES
from foerderdaten.schemas.common import Record
from foerderdaten.schemas.rows import Tables

# Columns whose values come from a vocabulary table: (table, its column).
# Their categories are that table's values, in its order.
VOCABULARY_COLUMNS = {"region": ("districts", "name"), "vorhabensart": ("rl_categories", "label")}

_PANDAS_INT = {pa.int16(): "Int16", pa.int32(): "Int32"}


@dataclass(frozen=True, eq=False, repr=False)
class Dataset:
    """The published dataset: one pandas DataFrame per table, plus the typed rows.

    Get one from :func:`foerderdaten.load` or :func:`foerderdaten.read`.
    """

    tables: Tables  # the typed rows; what foerderdaten.write writes
    documents: pd.DataFrame
    projects: pd.DataFrame
    changes: pd.DataFrame
    corrections: pd.DataFrame
    quality: pd.DataFrame
    questions: pd.DataFrame
    welcome_centers: pd.DataFrame
    welcome_center_funding: pd.DataFrame
    budget: pd.DataFrame
    annex_projects: pd.DataFrame
    links: pd.DataFrame
    link_review: pd.DataFrame
    organisations: pd.DataFrame
    organisation_variants: pd.DataFrame
    organisation_review: pd.DataFrame
    districts: pd.DataFrame
    district_variants: pd.DataFrame
    rl_categories: pd.DataFrame
    vorhabensart_variants: pd.DataFrame

    @classmethod
    def of(cls, tables: Tables) -> Dataset:
        """The DataFrames of ``tables``."""
        categories = _vocabularies(tables)
        return cls(tables, **{name: frame(name, rows, categories) for name, rows in tables.items()})

    def describe(self, table: str) -> pd.DataFrame:
        """The columns of ``table``: dtype and description in German and English (index: column name)."""
        if table not in TABLES:
            raise KeyError(f"no table {table!r}; the tables are: {', '.join(TABLES)}")
        frame_ = getattr(self, table)
        columns = columns_of(TABLES[table].model)
        return pd.DataFrame(
            {
                "dtype": [str(frame_[c.name].dtype) for c in columns],
                "description_de": [c.description_de for c in columns],
                "description_en": [c.description_en for c in columns],
            },
            index=pd.Index([c.name for c in columns], name="column"),
        )

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}: {len(getattr(self, name))}" for name in TABLES)
        return f"Dataset({counts})"


def table_attributes() -> tuple[str, ...]:
    """The DataFrame attributes of ``Dataset``, in order."""
    return tuple(f.name for f in fields(Dataset) if f.name != "tables")


def frame(name: str, rows: list[Record] | Any, categories: dict[str, list[str]]) -> pd.DataFrame:
    """One table as a DataFrame with the dtypes of the module docstring."""
    data = {}
    for column in columns_of(TABLES[name].model):
        values = [getattr(row, column.name) for row in rows]
        dtype = dtype_of(column, categories)
        series = pd.Series(values, dtype=dtype, name=column.name)
        if isinstance(dtype, pd.CategoricalDtype) and series.isna().sum() != values.count(None):
            # pandas turns a value outside the categories into NaN: never lose one silently
            unknown = sorted({v for v in values if v is not None} - set(dtype.categories))
            raise ValueError(f"table {name}, column {column.name}: values outside the vocabulary: {unknown}")
        data[column.name] = series
    return pd.DataFrame(data)


def dtype_of(column: Column, categories: dict[str, list[str]]) -> Any:
    """The pandas dtype of a column."""
    if column.choices:
        return pd.CategoricalDtype(list(column.choices))
    if column.kind is Kind.TEXT and column.name in categories:
        return pd.CategoricalDtype(categories[column.name])
    match column.kind:
        case Kind.TEXT:
            return pd.StringDtype()
        case Kind.BOOLEAN:
            return pd.BooleanDtype()
        case Kind.NUMBER:
            return pd.Float64Dtype()
        case Kind.DATE:
            return "datetime64[ns]"
        case Kind.INTEGER:
            return _PANDAS_INT[arrow_type(column)]
        case Kind.DECIMAL:
            return pd.ArrowDtype(arrow_type(column))
    raise AssertionError(column.kind)


def _vocabularies(tables: Tables) -> dict[str, list[str]]:
    """Column name -> its categories, from the dataset's own vocabulary tables."""
    result = {}
    for column, (table, field) in VOCABULARY_COLUMNS.items():
        values = [getattr(row, field) for row in getattr(tables, table)]
        if values:  # a hand-made Tables without vocabularies: plain strings
            result[column] = values
    return result
