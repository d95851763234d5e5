"""Readable views in ``foerderdaten.db``, for browsing in Datasette.

The tables keep machine names, model order, 0/1 flags and exact amounts as
text (the interface for programs). A person browsing wants something else:
the columns they read first (Kreis, Projektträger, Projekttitel, Beginn,
Ende, Fördergegenstand), German labels, ``ja``/``nein``, a year to facet by
and amounts that sort as numbers. Each view gives that over one table, with
the labels and reading order of ``labels.py`` (the same as the Excel CSVs).

``fts_rowid`` (last column) is the table's rowid, so Datasette can search a
view through the table's full-text index (``fts_pk`` in metadata.json).
"""

from __future__ import annotations

from dataclasses import dataclass

from foerderdaten.publish.columns import Column, Kind
from foerderdaten.publish.labels import readable_columns
from foerderdaten.publish.sqlite import q
from foerderdaten.schemas import TABLES, TableSpec

FTS_ROWID = "fts_rowid"


@dataclass(frozen=True)
class Derived:
    """A column computed for the view, placed after ``after``."""

    after: str
    label: str
    sql: str


@dataclass(frozen=True)
class View:
    name: str
    table: str
    title: str
    facets: tuple[str, ...] = ()
    derived: tuple[Derived, ...] = ()


VIEWS = (
    View("projekte", "projects", "Projekte (lesbar)",
         facets=("Kreis", "Fördergegenstand", "Jahr", "gesteuerte Zuwanderung", "Ausgabe"),
         derived=(Derived("vorhabensart", "Jahr", "CAST(substr(\"bewilligungsbeginn\", 1, 4) AS INTEGER)"),)),
    View("welcome_center_foerderung", "welcome_center_funding", "Welcome-Center-Förderung (lesbar)",
         facets=("Status",)),
    View("haushaltsmittel", "budget", "Haushaltsmittel (lesbar)"),
)


def _expression(column: Column) -> str:
    name = q(column.name)
    match column.kind:
        case Kind.BOOLEAN:
            return f"CASE {name} WHEN 1 THEN 'ja' WHEN 0 THEN 'nein' END"
        case Kind.DECIMAL:
            # sorts as a number; the exact digits stay in the table (and in "wie gedruckt")
            return f"CAST({name} AS REAL)"
        case _:
            return name


def view_sql(view: View, spec: TableSpec | None = None) -> str:
    spec = spec or TABLES[view.table]
    derived_after = {d.after: d for d in view.derived}
    selects = []
    for column, label in readable_columns(spec):
        selects.append(f"    {_expression(column)} AS {q(label)}")
        if column.name in derived_after:
            d = derived_after[column.name]
            selects.append(f"    {d.sql} AS {q(d.label)}")
    if spec.search_columns:
        selects.append(f"    rowid AS {FTS_ROWID}")
    return f"CREATE VIEW {q(view.name)} AS SELECT\n" + ",\n".join(selects) + f"\nFROM {q(view.table)}"


def create_views(conn) -> None:
    """Create every view (``conn``: sqlite3 connection or sqlite_utils.Database)."""
    for view in VIEWS:
        conn.execute(view_sql(view))
