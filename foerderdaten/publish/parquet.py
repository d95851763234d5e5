"""Parquet files with real column types and descriptions in the metadata.

One file per table, ``<table>.parquet``. Types follow the row models: dates
are ``date32``, euro amounts ``decimal128(14, 2)``, flags ``bool``, small
integers ``int16``/``int32`` (every column nullable where the model allows
None). Each field carries its German and English description; the schema
carries the table's title and description, primary key, source documents,
licence and the project version. No pandas, so no index column.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from foerderdaten.publish.columns import Column, Kind, columns_of
from foerderdaten.publish.dataset import LICENSE, Source
from foerderdaten.schemas import TableSpec

_INT16 = (-(2**15), 2**15 - 1)

# Fixed writer settings: the same rows must give the same bytes.
_WRITE_OPTIONS = dict(
    compression="zstd",
    compression_level=9,
    use_dictionary=True,
    write_statistics=True,
    version="2.6",
    data_page_version="1.0",
)


def arrow_type(column: Column) -> pa.DataType:
    match column.kind:
        case Kind.TEXT:
            return pa.string()
        case Kind.BOOLEAN:
            return pa.bool_()
        case Kind.NUMBER:
            return pa.float64()
        case Kind.DATE:
            return pa.date32()
        case Kind.DECIMAL:
            return pa.decimal128(column.max_digits, column.decimal_places)
        case Kind.INTEGER:
            # int16 when the model bounds the value within its range
            # (RL numbers, years), otherwise int32 (row and page numbers)
            low, high = column.minimum, column.maximum
            if low is not None and high is not None and _INT16[0] <= low and high <= _INT16[1]:
                return pa.int16()
            return pa.int32()
    raise AssertionError(column.kind)


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True).encode()


def arrow_schema(spec: TableSpec, *, version: str, sources: Sequence[Source]) -> pa.Schema:
    fields = [
        pa.field(
            c.name,
            arrow_type(c),
            nullable=c.nullable,
            metadata={"description": c.description_de, "description_en": c.description_en},
        )
        for c in columns_of(spec.model)
    ]
    metadata: dict[str, str | bytes] = {
        "table": spec.name,
        "title": spec.title_de,
        "title_en": spec.title_en,
        "description": spec.description_de,
        "description_en": spec.description_en,
        "primary_key": _json(list(spec.primary_key)),
        "sources": _json([{"title": s.title, "file_name": s.file_name, "sha256": s.sha256,
                            "is_reconstruction": s.is_reconstruction, "original_url": s.original_url} for s in sources]),
        "license": LICENSE["name"],
        "version": version,
    }
    return pa.schema(fields, metadata={k: v if isinstance(v, bytes) else v.encode() for k, v in metadata.items()})


# Rows converted and written at once, as one row group: converting a whole
# table at once held its Arrow buffers, the writer's pages and the
# compressor's state for all rows together (a 1,600-row edition's quality
# table, 2,152 rows, took 31 MB, the 1,600 projects 12 MB; in groups of 500
# rows 19 MB, and no more for longer tables). The bundled dataset's tables
# (at most 135 rows) are one row group each, as before.
ROW_GROUP_ROWS = 500


def arrow_table(schema: pa.Schema, rows: Sequence[BaseModel]) -> pa.Table:
    arrays = [pa.array([getattr(row, f.name) for row in rows], type=f.type) for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


def write_parquet(
    spec: TableSpec, rows: Sequence[BaseModel], path: Path, *, version: str, sources: Sequence[Source]
) -> None:
    schema = arrow_schema(spec, version=version, sources=sources)
    with pq.ParquetWriter(path, schema, **_WRITE_OPTIONS) as writer:
        # an empty table is one empty row group, as pq.write_table writes it
        for start in range(0, max(len(rows), 1), ROW_GROUP_ROWS):
            writer.write_table(arrow_table(schema, rows[start : start + ROW_GROUP_ROWS]))
            # Arrow's allocator (mimalloc) keeps the memory of freed buffers
            # for reuse, not for the OS: each group's conversion would leave
            # the build process that much larger until it ends (27 MB after
            # a 1,600-row edition's tables). Given back, the peak is one group's.
            pa.default_memory_pool().release_unused()
