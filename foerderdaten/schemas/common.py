"""Shared pieces of the table models."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    """Base of every table row: strict about unknown fields, immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class TableSpec:
    """How a table is published: its row model, keys and descriptions."""

    name: str
    model: type[Record]
    title_de: str
    title_en: str
    description_de: str
    description_en: str
    primary_key: tuple[str, ...]
    # (fields, referenced table, referenced fields)
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()
    # columns that get full-text search in SQLite
    search_columns: tuple[str, ...] = ()
    # columns offered as facets in Datasette
    facets: tuple[str, ...] = ()
    sort: tuple[str, ...] = field(default=())
