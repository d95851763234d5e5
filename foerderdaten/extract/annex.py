"""Annex tables of a Landtag answer ("Anlage 1", "Anlage 2") -> ``RawAnnexRow``.

The annexes are ruled tables with a repeated header row; a row may continue
on the next page. Both are handled by the shared table reader; this module
only names the columns and tells which annex a page belongs to, from the
"Anlage N" caption above the table.
"""

from __future__ import annotations

import re

from foerderdaten.errors import ExtractionError
from foerderdaten.extract.invariants import check_table
from foerderdaten.extract.pdfdoc import PdfDocument
from foerderdaten.extract.records import RawAnnexRow
from foerderdaten.extract.tables import ColumnSpec, Table, TableReadingError, read_table

COLUMNS = [
    ColumnSpec("zuwendungsempfaenger", r"empfänger|träger|antragsteller"),
    ColumnSpec("projekttitel", r"titel|title|vorhaben"),
    ColumnSpec("zielgruppe", r"zielgruppe"),
    ColumnSpec("kurzbeschreibung", r"beschreibung|inhalt"),
]

CAPTION = re.compile(r"^\s*Anlage\s+(\d+)\b", re.IGNORECASE)


def extract_annex_rows(doc: PdfDocument, source_id: str) -> list[RawAnnexRow]:
    """All annex rows in document order; empty when the answer has no annex table."""
    try:
        table = read_table(doc.pages, COLUMNS)
    except TableReadingError as exc:
        raise ExtractionError(doc.file_name, str(exc)) from None
    if table is None:
        return []
    missing = table.pages_without_header(doc.pages)
    if missing:
        raise ExtractionError(
            doc.file_name, f"page {missing[0]}: an annex page without the table's header row; such pages are not read yet (rows would be lost)"
        )
    check_table(doc.file_name, table, COLUMNS)
    anlage_of_page = _anlage_by_page(table)
    rows: list[RawAnnexRow] = []
    counters: dict[int, int] = {}
    for row in table.rows:
        anlage = anlage_of_page.get(row.page, 1)
        counters[anlage] = counters.get(anlage, 0) + 1
        rows.append(
            RawAnnexRow(
                source_id=source_id,
                anlage=anlage,
                seq_in_anlage=counters[anlage],
                page=row.page,
                bbox=row.bbox,
                **{spec.field: table.cell_text(row, spec.field) for spec in COLUMNS},
            )
        )
    return rows


def _anlage_by_page(table: Table) -> dict[int, int]:
    """Each table page's annex: the last "Anlage N" caption at or before it."""
    current = 1
    result: dict[int, int] = {}
    for page_table in table.pages:
        for line in page_table.preamble:
            match = CAPTION.match(line.text)
            if match:
                current = int(match.group(1))
        result[page_table.page] = current
    return result
