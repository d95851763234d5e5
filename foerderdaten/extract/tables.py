"""Reading a table by its header text, with or without ruling lines.

The steps, for each page:

1. **Header.** Find the first band of lines (one line pitch apart, no
   horizontal ruling between) whose header cells name most expected
   columns (``ColumnSpec.pattern``); cells may sit on the band's first,
   middle or last line.
2. **Columns.** Split header lines into cells at vertical rulings and at
   gaps (a narrow gap counts where the body has a column gap), group the
   cells into columns (words stacked above each other belong to one
   column) and put a boundary between neighbouring columns: on a vertical
   ruling where the page has them, else in the white-space gap that the
   body text leaves between the two columns (lone heading lines, which
   run across column gaps, left out).
3. **Rows.** Split the body at horizontal rulings where the page has them;
   else at gaps wider than a line pitch and, between rows set closer, by
   the cells' alignment (top or bottom). Heading rows between groups are
   dropped (a page's first one without rulings only once it is known not
   to continue the row before).
4. **Cells.** The characters of a row and column, as printed lines, are
   re-joined by :mod:`foerderdaten.extract.textjoin`.

A page's first row may continue the previous page's last row (renderers
let a row break across pages). It does only if that row filled its page
(it ends within ``PAGE_FULL_PITCHES`` of the lowest table line of any
page), and every column with text goes on from a cell that wrapped at its
last line (the cell's next word would not have fitted behind it); where the
first row has text in its key column, the two parts must also have the
shape of one row broken at the foot of the page, as the table aligns its
cells (``_split_shape``: top-aligned, the continuation's columns all go on
from cells that reached the foot; bottom-aligned, every column of the part
above goes on, from the continuation's first line, or each part is aligned
on its own). A first row without its key column (every row starts with its
key) that does not continue so is not read, nor is a first row that may be
a heading row or the rest of the row before: ``TableReadingError`` names
the page and column. ``Table.pages_without_header`` names pages that seem
to hold rows but whose header was not found.
Text above the header (running heads, captions) is kept as ``preamble``;
page footers are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from foerderdaten.extract.pdfdoc import Char, Page
from foerderdaten.extract.table_header import bottom_of_header, column_evidence, find_columns, find_header
from foerderdaten.extract.table_model import WORD_GAP, Column, ColumnSpec, PageTable, TableReadingError, TableRow, fold_header
from foerderdaten.extract.table_pages import measure_lines, merge_continued_rows, ruled_edges
from foerderdaten.extract.table_rows import drop_footer, drop_heading_rows, horizontal_rulings, line_pitch, split_into_rows
from foerderdaten.extract.textjoin import Cues, guessed_wraps, join_cell_lines, table_cues

# What parsers use; the records are defined in table_model.py, the steps in
# table_header.py (1, 2), table_rows.py (3) and table_pages.py (across pages).
__all__ = ["Column", "ColumnSpec", "PageTable", "Table", "TableReadingError", "TableRow", "fold_header", "read_table"]

# A page without the header holds table rows when this many of its lines
# are set in the table's columns (one such line may be a letter's tabbed
# line or an address block).
TABLE_LINES = 2


@dataclass
class Table:
    """A table read over several pages, continued rows merged."""

    columns: list[Column]
    rows: list[TableRow]
    pages: list[PageTable]
    cues: Cues | None = None  # how its renderer wraps cell lines (textjoin.table_cues)

    needed: int = 2  # how many columns a header names (read_table's min_matches)

    def pages_without_header(self, pages: list[Page]) -> list[int]:
        """Pages whose header was not found although they seem to hold rows:
        every page with text after the table's first page, and before it
        every page with lines set in the table's columns (``_table_like``;
        a letter or title page before the table has none).

        The reader skips them; a caller that expects the table to run to
        the end of the document reports them rather than lose their rows.
        """
        read = {pt.page for pt in self.pages}
        first = min(read)
        return [
            p.number
            for p in pages
            if p.number not in read and p.chars and (p.number > first or _table_like(p, self.columns, self.needed))
        ]

    def cell_text(self, row: TableRow, name: str) -> str:
        """The cell's text, lines re-joined, white space folded."""
        if name in row.printed:
            return join_cell_lines(row.printed[name], self.cues)
        # a row made without measurements (not by read_table): its text alone
        return join_cell_lines(line.text for line in row.cells.get(name, []))

    def guessed_wraps(self, row: TableRow, name: str) -> int:
        """How many of the cell's line breaks ``cell_text`` reads by a guess."""
        if name in row.printed:
            return guessed_wraps(row.printed[name], self.cues)
        return guessed_wraps(line.text for line in row.cells.get(name, []))


def read_table(pages: list[Page], specs: list[ColumnSpec], min_matches: int | None = None) -> Table | None:
    """Read the table whose header matches ``specs`` from ``pages``.

    Pages without such a header contribute nothing. Returns None when no page
    has the header. ``min_matches`` is how many specs the header line must
    match (default: all but a third, at least two).
    """
    needed = min_matches or max(2, len(specs) - len(specs) // 3)
    page_tables = [t for t in (_read_page(p, specs, needed) for p in pages) if t is not None]
    if not page_tables:
        return None
    measure_lines(page_tables)
    rows = merge_continued_rows(page_tables, key=specs[0].field)
    cues = table_cues([lines for row in rows for lines in row.printed.values()])
    return Table(columns=page_tables[0].columns, rows=rows, pages=page_tables, cues=cues, needed=needed)


def _read_page(page: Page, specs: list[ColumnSpec], needed: int) -> PageTable | None:
    lines = page.lines()
    pitch = line_pitch(lines)
    found = find_header(lines, page.rulings, specs, needed, pitch)
    if found is None:
        return None
    start, end = found
    header_lines = lines[start:end]
    h_rules = horizontal_rulings(page.rulings, header_lines[0])
    header_bottom = bottom_of_header(header_lines[-1], lines[end] if end < len(lines) else None, h_rules)
    body_chars = [c for c in page.chars if c.mid_y >= header_bottom]
    body_chars = drop_footer(body_chars, lines[end:], pitch)
    columns = find_columns(header_lines, column_evidence(body_chars, lines[end:], pitch), page.rulings, specs)
    if columns is None:
        return None
    body_rows = split_into_rows(body_chars, columns, h_rules, pitch, key=specs[0].field)
    rows = drop_heading_rows(body_rows, columns, page.rulings)
    for row in rows:
        row.page = page.number
        row.pages = [page.number]
    preamble = [ln for ln in lines[:start]]
    return PageTable(
        page=page.number, columns=columns, rows=rows, preamble=preamble, headings=len(body_rows) - len(rows), ruled=ruled_edges(rows, columns, page.rulings)
    )


def _table_like(page: Page, columns: list[Column], needed: int) -> bool:
    """Whether a page without the header holds rows of the table: at least
    ``TABLE_LINES`` lines with text in ``needed`` of its columns and no
    word across a boundary between them (running text crosses them)."""
    bounds = [c.x0 for c in columns[1:]]
    found = 0
    for line in page.lines():
        ink = sorted((c for c in line.chars if c.text.strip()), key=lambda c: c.x0)
        runs: list[list[Char]] = []
        for a, b in zip([None, *ink], ink, strict=False):
            if a is not None and b.x0 - a.x1 <= WORD_GAP * b.size:
                runs[-1].append(b)
            else:
                runs.append([b])
        if any(run[0].x0 < x < run[-1].x1 for run in runs for x in bounds):
            continue
        filled = {next(col.field for col in columns if col.x0 <= run[0].x0 < col.x1) for run in runs}
        found += len(filled) >= needed
    return found >= TABLE_LINES
