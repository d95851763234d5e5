"""SAB overview "Fachkräfterichtlinie: Übersicht über beantragte und bewilligte
Projekte – Regionalbudget <Jahr>" -> one ``RawProject`` per table row.

The table is found by its header text (see ``COLUMNS``), so renamed,
reordered or hyphenated headers and renderings with or without cell borders
read the same. The edition and the "Stand" come from the running page head.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from foerderdaten.errors import ExtractionError, InputError
from foerderdaten.extract.invariants import DATE_TOLERATED, Shape, check_table, date_complaint, district_complaint, rl_number_complaint
from foerderdaten.extract.pdfdoc import Page, PdfDocument
from foerderdaten.extract.records import RawProject
from foerderdaten.extract.tables import Again, ColumnSpec, Table, TableReadingError, TableStream, Unsettled, pages_again, read_table

# Header patterns, matched against the folded header text ("Durchführungs-
# ort" -> "durchführungsort"). The first column is the key column: every
# row starts with a Projektträger.
COLUMNS = [
    ColumnSpec("projekttraeger", r"träger|empfänger|antragsteller|begünstigte"),
    ColumnSpec("durchfuehrungsort", r"durchführung|^ort|standort|projektort"),
    ColumnSpec("region_raw", r"region|fka|allianz|^landkreis|^kreis"),
    ColumnSpec("rl_nr_raw", r"^nr|rlnr|^rl|nummer"),
    ColumnSpec("vorhabensart_raw", r"vorhabensart|fördergegenstand|^art"),
    ColumnSpec("bewilligungsbeginn_raw", r"beginn|^von|von$|^start|anfang"),
    ColumnSpec("bewilligungsende_raw", r"ende$|^ende|^bis|bis$"),
    ColumnSpec("projekttitel", r"titel|title|bezeichnung|name"),
    ColumnSpec("kurzbeschreibung", r"beschreibung|inhalt"),
]

# What the values must look like; a table that breaks this on more than a
# few rows was mis-read and is refused (see invariants.py).
SHAPES = [
    Shape("region_raw", district_complaint),
    Shape("rl_nr_raw", rl_number_complaint),
    Shape("bewilligungsbeginn_raw", date_complaint, DATE_TOLERATED),
    Shape("bewilligungsende_raw", date_complaint, DATE_TOLERATED),
]

TITLE = re.compile(r"übersicht\s+über\s+(beantragte|bewilligte)", re.IGNORECASE)
STAND = re.compile(r"Stand:?\s*(\d{1,2}\.\s?\d{1,2}\.\s?\d{4})")
# the edition closes the title: "… Projekte - Regionalbudget 2023"
EDITION = re.compile(r"\s[-–—]\s*([^-–—]*\d{4})\s*$")


def is_sab_overview(doc: PdfDocument) -> bool:
    """An SAB overview names itself in its running head or has the table header."""
    return is_sab_first_page(doc.pages[0])


def is_sab_first_page(page: Page) -> bool:
    """Whether ``page``, a document's first, shows an SAB overview (``is_sab_overview``)."""
    return bool(TITLE.search(page.text())) or read_table([page], COLUMNS, all_pages=False) is not None


def source_id_for(edition: str) -> str:
    """"Regionalbudget 2023" -> "sab_regionalbudget_2023"."""
    slug = re.sub(r"[^a-z0-9]+", "_", edition.lower()).strip("_")
    return f"sab_{slug}"


def read_head(file_name: str, head: list[str]) -> tuple[str, str, str]:
    """(title, edition, stand_raw) from the lines above the table on page 1.

    The head reads "Stand: 31.12.2023" and "Fachkräfterichtlinie: Übersicht
    über beantragte und bewilligte Projekte - Regionalbudget 2023", in
    either order, the title on one line or wrapped over several.
    """
    start = next((i for i, line in enumerate(head) if TITLE.search(line)), None)
    title = _without_stand(" ".join(head[start:])) if start is not None else ""
    edition = EDITION.search(title)
    if edition is None:
        raise InputError(file_name, "SAB overview without a title naming its edition (e.g. '… Projekte - Regionalbudget 2023') above the table on page 1")
    stand = STAND.search("\n".join(head))
    return title, edition.group(1).strip(), stand.group(1).replace(" ", "") if stand else ""


# What is left where "Stand: …" stood inside or after the title: empty
# brackets ("… 2023 (Stand: 31.12.2023)"), a comma or semicolon.
_LEFT_BY_STAND = re.compile(r"\(\s*\)|\[\s*\]|[,;]\s*$")


def _without_stand(head: str) -> str:
    return " ".join(_LEFT_BY_STAND.sub("", STAND.sub("", head)).split())


def extract_projects(doc: PdfDocument) -> tuple[str, str, list[RawProject]]:
    """Read every project row. Returns (title, edition, rows)."""
    stream = project_stream()
    for page in doc.pages:
        stream.add(page)
    return streamed_projects(doc.file_name, stream, pages_again(doc.pages), lambda: doc.pages)


def project_stream() -> TableStream:
    """The project table's reader for pages that arrive one by one (``streamed_projects``)."""
    return TableStream(COLUMNS)


def streamed_projects(file_name: str, stream: TableStream, again: Again, pages: Callable[[], list[Page]]) -> tuple[str, str, list[RawProject]]:
    """``extract_projects`` of a document whose pages went through
    ``stream``: ``again`` reads some of them again, ``pages()`` all of them,
    where the stream cannot settle the table (``TableStream``)."""
    try:
        try:
            table = stream.table(again)
            missing = stream.pages_without_header(table) if table is not None else []
        except Unsettled:
            every = pages()
            table = read_table(every, COLUMNS)
            missing = table.pages_without_header(every) if table is not None else []
    except TableReadingError as exc:
        raise ExtractionError(file_name, str(exc)) from None
    if table is None or not table.rows:
        raise ExtractionError(file_name, "SAB overview without a recognisable project table (header 'Projektträger … Kurzbeschreibung' not found)")
    if missing:
        raise ExtractionError(file_name, f"page {missing[0]}: the project table's header row is missing; such pages are not read yet (rows would be lost)")
    check_table(file_name, table, COLUMNS, SHAPES)
    title, edition, stand_raw = read_head(file_name, [line.text.strip() for line in table.pages[0].preamble])
    source_id = source_id_for(edition)
    rows = [_raw_project(table, row, seq, source_id, edition, stand_raw) for seq, row in enumerate(table.rows, start=1)]
    return title, edition, rows


def _raw_project(table: Table, row, seq: int, source_id: str, edition: str, stand_raw: str) -> RawProject:
    text = {spec.field: table.cell_text(row, spec.field) if any(c.field == spec.field for c in table.columns) else "" for spec in COLUMNS}
    return RawProject(source_id=source_id, edition=edition, stand_raw=stand_raw, seq=seq, page=row.page, bbox=row.bbox, **text)
