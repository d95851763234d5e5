"""Publish the validated tables in the formats people use.

``write_dataset`` writes, into one directory::

    <table>.parquet        typed columns, descriptions in the metadata   (parquet.py)
    <table>.csv            plain CSV for programs                         (csv.py)
    excel/<table>.csv      CSV for a German Excel                         (csv.py)
    datapackage.json       Frictionless Data Package v2 over the CSVs     (datapackage.py)
    foerderdaten.db        SQLite with keys and full-text search          (sqlite.py)
    metadata.json          Datasette metadata for foerderdaten.db         (datasette_metadata.py)
    CODEBOOK.md            every table and column explained               (codebook.py)
    QUALITY.md             the documents' own errors, with pages          (quality.py)
    CHANGES.md             what changed between SAB editions              (changes.py)
    overview.html          charts and a searchable project list           (overview.py)

Everything is deterministic: the same tables and version give the same bytes
(no timestamps, no machine paths, sorted JSON keys, rows in the given order,
fixed compression). ``columns.py`` derives each column's type and
descriptions from the row models once for all writers.
"""

from __future__ import annotations

from pathlib import Path

from foerderdaten.publish import dataset
from foerderdaten.publish.changes import FILE_NAME as CHANGES_FILE_NAME
from foerderdaten.publish.changes import write_changes
from foerderdaten.publish.codebook import write_codebook
from foerderdaten.publish.columns import ordered_tables
from foerderdaten.publish.csv import EXCEL, PLAIN, write_csv
from foerderdaten.publish.datapackage import write_datapackage
from foerderdaten.publish.datasette_metadata import write_datasette_metadata
from foerderdaten.publish.overview import write_overview
from foerderdaten.publish.parquet import write_parquet
from foerderdaten.publish.quality import write_quality_report
from foerderdaten.publish.sqlite import FILE_NAME as DB_FILE_NAME
from foerderdaten.publish.sqlite import write_sqlite
from foerderdaten.schemas.rows import Tables

__all__ = ["DB_FILE_NAME", "write_codebook", "write_dataset"]


def write_dataset(tables: Tables, out_dir: Path, *, version: str) -> None:
    """Write every output format of the dataset into ``out_dir`` (which must exist).

    ``tables`` holds the rows of every table of ``foerderdaten.schemas.TABLES``
    (an empty table is written too). The caller owns the directory:
    it builds into a fresh one and swaps it into place.
    """
    out_dir = Path(out_dir)
    sources = dataset.all_sources(tables)

    (out_dir / "excel").mkdir(exist_ok=True)
    for spec, rows in ordered_tables(tables):
        write_parquet(spec, rows, out_dir / f"{spec.name}.parquet", version=version,
                      sources=dataset.sources_of(spec, rows, sources))
        write_csv(spec, rows, out_dir / f"{spec.name}.csv", PLAIN)
        write_csv(spec, rows, out_dir / "excel" / f"{spec.name}.csv", EXCEL)

    # the data package hashes the CSVs, so it comes after them
    write_datapackage(tables, out_dir, version=version, sources=sources)
    write_sqlite(tables, out_dir / DB_FILE_NAME)
    write_datasette_metadata(tables, out_dir / "metadata.json", version=version)
    write_codebook(out_dir / "CODEBOOK.md", tables)
    write_quality_report(out_dir / "QUALITY.md", tables, version=version)
    write_changes(out_dir / CHANGES_FILE_NAME, tables)
    write_overview(out_dir / "overview.html", tables, version=version)
