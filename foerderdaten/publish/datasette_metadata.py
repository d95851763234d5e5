"""``metadata.json`` for Datasette: titles, licence, column help, facets.

Datasette shows the table titles and descriptions, each column's meaning
(German — English, plus how the value is stored), offers the facets of
TableSpec.facets, and lets readers sort by keys, facets and every number,
date and flag column (long texts are for searching, not sorting). Amount
columns are stored as exact text and therefore not offered for sorting: text
order would put 61110.00 after 499660.00. A few canned queries answer the
common questions (projects per district and per month, funding per district).

Readable views (``sqlite_views.py``: German labels, readable columns first,
ja/nein, a year facet, amounts as numbers) are described here too, and every
table links its Excel CSV, which ``serve`` mounts at ``/excel/`` (Datasette's
own CSV export is comma-separated UTF-8 without BOM, which a German Excel
misreads). The long list of column descriptions is folded away by the small
stylesheet and script in ``datasette_assets/`` (mounted at ``/assets/``).
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from pathlib import Path

from foerderdaten.publish import dataset
from foerderdaten.publish.columns import Column, Kind, columns_of, ordered_tables
from foerderdaten.publish.labels import readable_columns
from foerderdaten.publish.sqlite import FILE_NAME
from foerderdaten.publish.sqlite_views import FTS_ROWID, VIEWS, View
from foerderdaten.schemas import TABLES, TableSpec
from foerderdaten.schemas.rows import Tables
from foerderdaten.schemas.tables import Document

DATABASE = Path(FILE_NAME).stem  # Datasette names a database after its file

# URL paths that foerderdaten.publish.serve mounts with Datasette's --static
EXCEL_MOUNT = "excel"
ASSETS_MOUNT = "assets"
ASSETS = {
    "extra_css_urls": [f"/{ASSETS_MOUNT}/foerderdaten.css"],
    "extra_js_urls": [{"url": f"/{ASSETS_MOUNT}/foerderdaten.js", "module": True}],
}
VIEW_OF_TABLE = {view.table: view for view in VIEWS}

# The column Datasette shows for a row that another table links to.
LABEL_COLUMNS = {"documents": "title", "projects": "projekttitel", "districts": "name", "rl_categories": "label",
                 "organisations": "name"}

_STORAGE_NOTE = {
    Kind.DATE: " [ISO-Datum als Text / ISO date as text]",
    Kind.BOOLEAN: " [1 = ja/yes, 0 = nein/no]",
    Kind.DECIMAL: " [exakt als Text / exact, as text; zum Rechnen / for arithmetic: CAST(… AS REAL)]",
}

CANNED_QUERIES = {
    "projekte_je_kreis": {
        "title": "Projekte je Kreis",
        "description": "Anzahl der Projekte der SAB-Übersicht je Kreis (region) und Ausgabe.",
        "sql": (
            "SELECT edition, region, kreis_ags, COUNT(*) AS projekte\n"
            "FROM projects\nGROUP BY edition, region, kreis_ags\nORDER BY edition, projekte DESC, region"
        ),
    },
    "bewilligungen_je_monat": {
        "title": "Bewilligungsbeginn je Monat",
        "description": "Anzahl der Projekte nach Monat des Bewilligungsbeginns.",
        "sql": (
            "SELECT substr(bewilligungsbeginn, 1, 7) AS monat, COUNT(*) AS projekte\n"
            "FROM projects\nWHERE bewilligungsbeginn IS NOT NULL\nGROUP BY monat\nORDER BY monat"
        ),
    },
    "aktuelle_projekte": {
        "title": "Aktuelle Projektliste",
        "description": "Die Projekte der neuesten Ausgabe jeder Reihe der SAB-Übersicht (current = 1).",
        "sql": "SELECT * FROM projects_current ORDER BY source_id, seq",
    },
    "aenderungen": {
        "title": "Änderungen zwischen den Ausgaben",
        "description": "Neue, entfallene und geänderte Projekte je Ausgabe, mit Träger und Titel (siehe auch CHANGES.md).",
        "sql": (
            "SELECT c.source_id AS ausgabe, c.previous_source_id AS vorige_ausgabe, c.change, c.project_id,\n"
            "       p.projekttraeger, p.projekttitel, p.region, c.field, c.old, c.new\n"
            "FROM changes c\n"
            "LEFT JOIN projects p ON p.project_id = c.project_id\n"
            "  AND p.source_id = CASE c.change WHEN 'removed' THEN c.previous_source_id ELSE c.source_id END\n"
            "ORDER BY c.source_id, c.seq"
        ),
    },
    "welcome_center_foerderung_je_kreis": {
        "title": "Welcome-Center-Förderung je Kreis",
        "description": "Summe der Förderbeträge je Kreis, auf Cent gerundet (Einzelbeträge exakt in der Tabelle).",
        "sql": (
            "SELECT region, kreis_ags, status, printf('%.2f', SUM(CAST(betrag_eur AS REAL))) AS betrag_eur\n"
            "FROM welcome_center_funding\nGROUP BY region, kreis_ags, status\n"
            "ORDER BY SUM(CAST(betrag_eur AS REAL)) DESC"
        ),
    },
}


def column_help(column: Column) -> str:
    return f"{column.description_de} — {column.description_en}{_STORAGE_NOTE.get(column.kind, '')}"


def sortable_columns(spec: TableSpec) -> list[str]:
    keys_and_facets = set(spec.primary_key) | set(spec.facets)
    result = []
    for c in columns_of(spec.model):
        if c.kind is Kind.DECIMAL:
            continue  # stored as text: text order is not numeric order
        if c.kind is not Kind.TEXT or c.name in keys_and_facets:
            result.append(c.name)
    return result


def excel_link(table: str) -> str:
    return (f'<a href="/{EXCEL_MOUNT}/{table}.csv">CSV für Excel</a> '
            "(Semikolon, Dezimalkomma, deutsche Spaltennamen; Datei <code>excel/" + table + ".csv</code>)")


def table_description_html(spec: TableSpec) -> str:
    parts = [f"{html.escape(spec.description_de)} — {html.escape(spec.description_en)}"]
    view = VIEW_OF_TABLE.get(spec.name)
    if view:
        parts.append(f'Lesbar mit deutschen Spalten: <a href="/{DATABASE}/{view.name}">{html.escape(view.title)}</a>.')
    parts.append(excel_link(spec.name) + ".")
    return "<p>" + " ".join(parts) + "</p>"


def view_metadata(view: View) -> dict:
    """A readable view: German columns with their descriptions, facets, search through the table's index."""
    spec = TABLES[view.table]
    columns = {label: c.description_de for c, label in readable_columns(spec)}
    meta: dict = {
        "title": view.title,
        "description_html": (
            f"<p>{html.escape(spec.description_de)} Lesbare Spalten zuerst, technische zuletzt; "
            f'alle Spalten der Tabelle: <a href="/{DATABASE}/{spec.name}">{spec.name}</a>. '
            + excel_link(spec.name) + ".</p>"
        ),
        "columns": columns,
    }
    if view.facets:
        meta["facets"] = list(view.facets)
    if spec.search_columns:
        meta["fts_table"] = f"{spec.name}_fts"
        meta["fts_pk"] = FTS_ROWID
    return meta


def table_metadata(spec: TableSpec) -> dict:
    meta: dict = {
        "title": f"{spec.title_de} ({spec.title_en})",
        "description": f"{spec.description_de} — {spec.description_en}",
        "description_html": table_description_html(spec),
        "columns": {c.name: column_help(c) for c in columns_of(spec.model)},
        "sortable_columns": sortable_columns(spec),
    }
    if spec.facets:
        meta["facets"] = list(spec.facets)
    if spec.search_columns:
        meta["fts_table"] = f"{spec.name}_fts"
    if spec.name in LABEL_COLUMNS:
        meta["label_column"] = LABEL_COLUMNS[spec.name]
    return meta


# SQL views (publish/sqlite.py) described like tables
VIEW_METADATA = {
    "projects_current": {
        "title": "Aktuelle Projekte (Current projects)",
        "description": (
            "Die Zeilen von projects aus der neuesten Ausgabe jeder Reihe der SAB-Übersicht (current = 1). — "
            "The rows of projects from the newest edition of each series of the SAB overview."
        ),
        "facets": ["region", "vorhabensart", "gesteuerte_zuwanderung"],
    },
}


def editions_text(documents: Sequence[Document]) -> str:
    """ "Ausgaben der SAB-Übersicht: Regionalbudget 2023 (Stand 31.12.2023), …" or ""."""
    names = [f"{d.edition} (Stand {d.stand.strftime('%d.%m.%Y')})" if d.stand else str(d.edition)
             for d in sorted(documents, key=lambda d: (d.stand is not None, d.stand, d.source_id)) if d.kind == "sab_overview"]
    return f" Ausgaben der SAB-Übersicht: {', '.join(names)}." if names else ""


def database_description_html() -> str:
    views = ", ".join(f'<a href="/{DATABASE}/{v.name}">{html.escape(v.title)}</a>' for v in VIEWS)
    return (
        f"<p>{html.escape(dataset.DESCRIPTION_DE)}</p>"
        f"<p>Zum Lesen und Suchen: {views}. Jede Tabelle auch als "
        f'<a href="/{EXCEL_MOUNT}/projects.csv">CSV für Excel</a> (Ordner <code>excel/</code>).</p>'
    )


def metadata(tables: Tables, *, version: str) -> dict:
    sources = dataset.all_sources(tables)
    table_meta = {spec.name: table_metadata(spec) for spec, _ in ordered_tables(tables)}
    table_meta.update(VIEW_METADATA)
    table_meta.update({view.name: view_metadata(view) for view in VIEWS})
    return {
        **ASSETS,
        "title": dataset.TITLE_DE,
        "description": f"{dataset.DESCRIPTION_DE} (Version {version}){editions_text(tables.documents)}",
        "license": dataset.LICENSE["name"],
        "license_url": dataset.LICENSE["path"],
        "source": "; ".join(s.title for s in sources) or dataset.ATTRIBUTION,
        "databases": {
            DATABASE: {
                "title": dataset.TITLE_DE,
                "description": dataset.DESCRIPTION_EN,
                "description_html": database_description_html(),
                "tables": table_meta,
                "queries": CANNED_QUERIES,
            }
        },
    }


def write_datasette_metadata(tables: Tables, path: Path, *, version: str) -> None:
    text = json.dumps(metadata(tables, version=version), ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
