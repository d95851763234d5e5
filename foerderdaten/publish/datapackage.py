"""``datapackage.json``: a Frictionless Data Package (v2) over the plain CSVs.

One resource per table, pointing at ``<table>.csv`` (with its size and
SHA-256, so a validator notices a changed file), with field types, German
descriptions (``description``) and English ones (``description_en``, an
extension property), primary and foreign keys, the licence and the source
documents. ``frictionless validate datapackage.json`` checks all of it,
foreign keys included.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from foerderdaten.publish import dataset
from foerderdaten.publish.columns import Column, Kind, columns_of, ordered_tables
from foerderdaten.publish.csv import PLAIN
from foerderdaten.publish.dataset import Source
from foerderdaten.schemas import TableSpec
from foerderdaten.schemas.rows import Tables

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"

_FIELD_TYPE = {
    Kind.TEXT: "string",
    Kind.INTEGER: "integer",
    Kind.BOOLEAN: "boolean",
    Kind.NUMBER: "number",
    Kind.DATE: "date",
    # Table Schema has no decimal type; frictionless reads "number" as Decimal, exactly
    Kind.DECIMAL: "number",
}


def field_descriptor(column: Column) -> dict:
    field: dict = {
        "name": column.name,
        "type": _FIELD_TYPE[column.kind],
        "description": column.description_de,
        "description_en": column.description_en,
    }
    if column.kind is Kind.BOOLEAN:
        field["trueValues"] = ["true"]
        field["falseValues"] = ["false"]
    constraints: dict = {}
    # An empty CSV field reads as "no value", and CSV cannot tell an empty
    # text from a missing one, so only non-text columns can promise a value.
    if not column.nullable and column.kind is not Kind.TEXT:
        constraints["required"] = True
    if column.choices:
        constraints["enum"] = list(column.choices)
    if column.pattern:
        constraints["pattern"] = column.pattern
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if column.maximum is not None:
        constraints["maximum"] = column.maximum
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(spec: TableSpec) -> dict:
    schema: dict = {
        "fields": [field_descriptor(c) for c in columns_of(spec.model)],
        "primaryKey": list(spec.primary_key),
        "missingValues": [""],
    }
    if spec.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(fields), "reference": {"resource": table, "fields": list(ref_fields)}}
            for fields, table, ref_fields in spec.foreign_keys
        ]
    return schema


def _source_descriptor(source: Source) -> dict:
    # "title" and "path" (the original's address) are standard properties;
    # file name, checksum and whether the bundled file is a reconstruction
    # identify the exact PDF that page numbers refer to (extension
    # properties, the spec allows them)
    descriptor: dict[str, object] = {"title": source.title, "file_name": source.file_name, "sha256": source.sha256}
    if source.original_url:
        descriptor["path"] = source.original_url
    if source.is_reconstruction is not None:
        descriptor["is_reconstruction"] = source.is_reconstruction
    if source.is_reconstruction:
        descriptor["description"] = f"{dataset.RECONSTRUCTION_NOTE_EN} Original: {source.origin or 'unknown'}"
    return descriptor


def resource_descriptor(spec: TableSpec, csv_file: Path, sources: Sequence[Source]) -> dict:
    data = csv_file.read_bytes()
    return {
        "name": spec.name,
        "path": csv_file.name,
        "type": "table",
        "title": spec.title_de,
        "title_en": spec.title_en,
        "description": spec.description_de,
        "description_en": spec.description_en,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "dialect": {
            "header": True,
            "delimiter": PLAIN.delimiter,
            "lineTerminator": PLAIN.line_end,
            "quoteChar": '"',
            "doubleQuote": True,
        },
        "schema": table_schema(spec),
        "sources": [_source_descriptor(s) for s in sources],
    }


def package_descriptor(tables: Tables, out_dir: Path, *, version: str, sources: Sequence[Source]) -> dict:
    return {
        "$schema": PROFILE,
        "name": dataset.NAME,
        "title": dataset.TITLE_DE,
        "title_en": dataset.TITLE_EN,
        "description": dataset.DESCRIPTION_DE,
        "description_en": dataset.DESCRIPTION_EN,
        "version": version,
        "licenses": [dict(dataset.LICENSE)],
        "keywords": ["Sachsen", "Fachkräfterichtlinie", "Fachkräfte", "Welcome Center", "Förderung", "SAB", "Landtag"],
        "sources": [_source_descriptor(s) for s in sources],
        "resources": [
            resource_descriptor(spec, out_dir / f"{spec.name}.csv", dataset.sources_of(spec, rows, sources))
            for spec, rows in ordered_tables(tables)
        ],
    }


def write_datapackage(tables: Tables, out_dir: Path, *, version: str, sources: Sequence[Source]) -> None:
    """Describe the plain CSVs already written to ``out_dir``."""
    descriptor = package_descriptor(tables, out_dir, version=version, sources=sources)
    text = json.dumps(descriptor, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    (out_dir / "datapackage.json").write_text(text, encoding="utf-8")
