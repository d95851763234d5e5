"""``foerderdaten.db``: every table in one SQLite file, ready for Datasette.

Column types follow the row models: TEXT, INTEGER, REAL; dates are ISO
text (2023-12-31, sorts correctly), flags INTEGER 0/1, and euro amounts TEXT
with their exact digits ("285563.71"): SQLite has no decimal type, REAL would
round and integer cents would invite a factor-100 mistake. For arithmetic use
``CAST(betrag_eur AS REAL)``. Columns that may not be None are NOT NULL.

Primary and foreign keys are declared (composite ones too, which is why the
CREATE TABLE statements are written here rather than by sqlite-utils), and
every TableSpec.search_columns get an FTS5 index ``<table>_fts`` that matches
inside words (trigram tokenizer, see FTS_TOKENIZER).

The file is built in a temporary place and then copied with ``VACUUM INTO``:
a fresh, compact file whose bytes depend only on the rows (SQLite writes no
timestamps; the header holds the SQLite version, stable on one machine).
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Sequence
from pathlib import Path

import sqlite_utils
from pydantic import BaseModel

from foerderdaten.publish.columns import Column, Kind, columns_of, ordered_tables
from foerderdaten.publish.formats import plain
from foerderdaten.schemas import TableSpec
from foerderdaten.schemas.rows import Tables

FILE_NAME = "foerderdaten.db"

# The trigram tokenizer matches inside words, which German compounds need:
# "Pflege" finds "Pflegeberufe" and "Altenpflege" (a word tokenizer finds
# neither). It folds case; a search term needs at least 3 characters.
# (Folding diacritics with trigram needs SQLite 3.45; umlauts must be typed.)
FTS_TOKENIZER = "trigram"

_SQL_TYPE = {
    Kind.TEXT: "TEXT",
    Kind.INTEGER: "INTEGER",
    Kind.BOOLEAN: "INTEGER",
    Kind.NUMBER: "REAL",
    Kind.DATE: "TEXT",
    Kind.DECIMAL: "TEXT",
}


def sql_type(column: Column) -> str:
    return _SQL_TYPE[column.kind]


def sql_value(column: Column, value):
    """A Python value as stored in SQLite (see the module docstring)."""
    if value is None:
        return None
    match column.kind:
        case Kind.BOOLEAN:
            return 1 if value else 0
        case Kind.DATE | Kind.DECIMAL:
            return plain(column, value)
        case _:
            return value


def q(name: str) -> str:
    """A quoted SQL identifier (standard double quotes)."""
    return '"' + name.replace('"', '""') + '"'


def _names(names: Sequence[str]) -> str:
    return ", ".join(q(n) for n in names)


def create_table_sql(spec: TableSpec) -> str:
    lines = [
        f"    {q(c.name)} {sql_type(c)}{'' if c.nullable else ' NOT NULL'}" for c in columns_of(spec.model)
    ]
    lines.append(f"    PRIMARY KEY ({_names(spec.primary_key)})")
    for fields, table, ref_fields in spec.foreign_keys:
        lines.append(f"    FOREIGN KEY ({_names(fields)}) REFERENCES {q(table)} ({_names(ref_fields)})")
    return f"CREATE TABLE {q(spec.name)} (\n" + ",\n".join(lines) + "\n)"


def _insert(db: sqlite_utils.Database, spec: TableSpec, rows: Sequence[BaseModel]) -> None:
    """The rows as records, made as sqlite-utils inserts them (100 a statement):
    not all of a table's records at once beside its rows."""
    columns = columns_of(spec.model)
    if rows:
        db.table(spec.name).insert_all({c.name: sql_value(c, getattr(row, c.name)) for c in columns} for row in rows)


# Views for readers: the current list of projects (each series' newest
# edition, see link/editions.py) without having to know the column.
VIEWS = {
    "projects_current": 'SELECT * FROM "projects" WHERE "current" = 1',
}


def _create_views(db: sqlite_utils.Database) -> None:
    for name, select in VIEWS.items():
        db.execute(f"CREATE VIEW {q(name)} AS {select}")


def _check_foreign_keys(db: sqlite_utils.Database) -> None:
    broken = db.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        examples = "; ".join(f"{table} row {rowid} -> {parent}" for table, rowid, parent, _ in broken[:5])
        raise ValueError(f"{len(broken)} rows point to missing records: {examples}")


def build(db: sqlite_utils.Database, tables: Sequence[tuple[TableSpec, Sequence[BaseModel]]]) -> None:
    """Create, fill and index every table in an empty database."""
    # Referenced tables may come later in TABLES order, so rows are inserted
    # with foreign-key enforcement off and checked once at the end.
    db.execute("PRAGMA foreign_keys = OFF")
    for spec, rows in tables:
        db.execute(create_table_sql(spec))
        _insert(db, spec, rows)
    for spec, _ in tables:
        if spec.search_columns:
            db.table(spec.name).enable_fts(spec.search_columns, fts_version="FTS5", tokenize=FTS_TOKENIZER)
    _create_views(db)
    from foerderdaten.publish.sqlite_views import create_views  # it builds on q() above

    create_views(db)
    _check_foreign_keys(db)


def write_sqlite(tables: Tables, path: Path) -> None:
    path.unlink(missing_ok=True)  # VACUUM INTO refuses to overwrite
    # built beside the result, not in the system temp folder: a build killed
    # meanwhile leaves it inside its staging folder, which the next build removes
    with tempfile.TemporaryDirectory(prefix="foerderdaten-db-", dir=path.parent) as tmp:
        conn = sqlite3.connect(Path(tmp) / "build.db")
        try:
            conn.execute("PRAGMA page_size = 4096")
            # a scratch file, copied by VACUUM INTO: no journal, no wait for the
            # disk after each of ~150 statements (about a second of a build)
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            build(sqlite_utils.Database(conn), ordered_tables(tables))
            conn.commit()
            conn.execute("VACUUM INTO ?", (str(path),))
        finally:
            conn.close()
