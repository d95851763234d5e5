"""Columns of a published table, read from its pydantic row model.

Every writer (Parquet, CSV, data package, SQLite, codebook, Datasette
metadata) needs the same facts about a column: its name, its kind of value,
whether it may be empty, its German and English description and its
constraints. They are derived here, once, from ``foerderdaten.schemas``; a
writer only maps a ``Kind`` to its own type system.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from foerderdaten.schemas import TABLES, TableSpec
from foerderdaten.schemas.common import Record
from foerderdaten.schemas.rows import Tables


class Kind(enum.Enum):
    """The kinds of value a column can hold (one per Python type in the models)."""

    TEXT = "text"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    NUMBER = "number"  # float, e.g. similarity scores
    DATE = "date"
    DECIMAL = "decimal"  # exact euro amounts


_KIND_OF_TYPE: dict[object, Kind] = {
    str: Kind.TEXT,
    # looked up by exact type, so a bool is never taken for an int
    bool: Kind.BOOLEAN,
    int: Kind.INTEGER,
    float: Kind.NUMBER,
    dt.date: Kind.DATE,
    Decimal: Kind.DECIMAL,
}


@dataclass(frozen=True)
class Column:
    """One column of a table, as the writers need it."""

    name: str
    kind: Kind
    nullable: bool  # None allowed (Optional in the model)
    description_de: str
    description_en: str
    choices: tuple[str, ...] = ()  # allowed values of a Literal column
    pattern: str | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    # only for Kind.DECIMAL: precision and scale
    max_digits: int | None = None
    decimal_places: int | None = None


def _unwrap_optional(annotation) -> tuple[object, bool]:
    """``X | None`` -> (X, True); anything else -> (annotation, False)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"unsupported union type {annotation!r}")
        return args[0], True
    return annotation, False


def _column(name: str, field: FieldInfo) -> Column:
    annotation, nullable = _unwrap_optional(field.annotation)
    choices: tuple[str, ...] = ()
    if typing.get_origin(annotation) is typing.Literal:
        choices = tuple(str(v) for v in typing.get_args(annotation))
        annotation = str
    try:
        kind = _KIND_OF_TYPE[annotation]
    except KeyError:
        raise TypeError(f"column {name}: no publishing type for {annotation!r}") from None

    # pydantic keeps constraints as small metadata objects (Ge, Le, and a
    # general one carrying pattern / max_digits / decimal_places)
    constraints: dict[str, Any] = {}
    for item in field.metadata:
        for attr in ("ge", "le", "pattern", "max_digits", "decimal_places"):
            value = getattr(item, attr, None)
            if value is not None:
                constraints[attr] = value

    extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
    return Column(
        name=name,
        kind=kind,
        nullable=nullable,
        description_de=field.description or "",
        description_en=str(extra.get("description_en", "")),
        choices=choices,
        pattern=constraints.get("pattern"),
        minimum=constraints.get("ge"),
        maximum=constraints.get("le"),
        max_digits=constraints.get("max_digits", 14 if kind is Kind.DECIMAL else None),
        decimal_places=constraints.get("decimal_places", 2 if kind is Kind.DECIMAL else None),
    )


def columns_of(model: type[BaseModel]) -> tuple[Column, ...]:
    """The columns of a row model, in field order (= column order)."""
    return tuple(_column(name, field) for name, field in model.model_fields.items())


def values(row: BaseModel, columns: Sequence[Column]) -> tuple:
    """The Python values of one row in column order."""
    return tuple(getattr(row, c.name) for c in columns)


def ordered_tables(tables: Tables) -> list[tuple[TableSpec, Sequence[Record]]]:
    """Every table of the contract in ``TABLES`` order, with its rows.

    An empty table is published too (so every output has the same set of files).
    """
    result = []
    for name, rows in tables.items():
        spec = TABLES[name]
        for row in rows:
            if not isinstance(row, spec.model):
                raise TypeError(f"table {name}: expected {spec.model.__name__} rows, got {type(row).__name__}")
        result.append((spec, rows))
    return result

